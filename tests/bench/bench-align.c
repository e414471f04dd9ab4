/* bench-align.c — aligner time and peak memory at 1k, 10k, 50k and 100k
 * sentences a side.
 *
 *   meson test -C build --benchmark --suite bench align -v
 *
 * Input: the Text+Berg development set (../shared/eval, de-fr) repeated to
 * the size wanted, when it is there; otherwise seed 003 against a copy with
 * every 7th sentence dropped and every 11th split in two. Each size runs in
 * a child process so that its peak RSS is its own.
 * Targets (issue 4): 10k under 2 s and 200 MB, 50k under 15 s and 800 MB,
 * 100k under 30 s and 1 GB.
 */
#include "dip-config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <diptych/diptych.h>

static GPtrArray *
read_lines (const char *path)
{
  g_autofree char *contents = NULL;
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) split = g_strsplit (contents, "\n", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (split[i][0] != '\0')
      g_ptr_array_add (lines, g_strdup (split[i]));
  return lines;
}

static GPtrArray *
repeat (GPtrArray *lines, guint n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    /* A copy number keeps repeated sentences from being exact twins. */
    g_ptr_array_add (out, g_strdup_printf ("%s %u", (char *) g_ptr_array_index (lines, i % lines->len),
                                           i / lines->len));
  return out;
}

static void
make_input (guint n, GPtrArray **src, GPtrArray **tgt)
{
  const char *shared = g_getenv ("DIP_SHARED");
  g_autofree char *de = shared ? g_build_filename (shared, "eval/textberg-dev/dev.de", NULL) : NULL;
  g_autofree char *fr = shared ? g_build_filename (shared, "eval/textberg-dev/dev.fr", NULL) : NULL;
  g_autoptr (GPtrArray) de_lines = de ? read_lines (de) : NULL;
  g_autoptr (GPtrArray) fr_lines = fr ? read_lines (fr) : NULL;

  if (de_lines != NULL && fr_lines != NULL)
    {
      *src = repeat (de_lines, n);
      *tgt = repeat (fr_lines, n * fr_lines->len / de_lines->len);
      return;
    }
  g_autofree char *book = g_build_filename (g_getenv ("DIP_SAMPLES"), "003-book-en.txt", NULL);
  g_autoptr (GPtrArray) sentences = read_lines (book);
  g_assert_nonnull (sentences);
  *src = repeat (sentences, n);
  *tgt = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < (*src)->len; i++)
    {
      const char *s = g_ptr_array_index (*src, i);
      if (i % 7 == 3)
        continue;
      gsize half = strlen (s) / 2;
      const char *space = strchr (s + half, ' ');
      if (i % 11 == 5 && space != NULL)
        {
          g_ptr_array_add (*tgt, g_strndup (s, space - s));
          g_ptr_array_add (*tgt, g_strdup (space + 1));
        }
      else
        g_ptr_array_add (*tgt, g_strdup (s));
    }
}

static int
run_one (guint n)
{
  GPtrArray *src, *tgt;
  make_input (n, &src, &tgt);
  DipAlignSide source = { (const char *const *) src->pdata, NULL, src->len, "de" };
  DipAlignSide target = { (const char *const *) tgt->pdata, NULL, tgt->len, "fr" };
  g_autoptr (DipAligner) aligner = dip_aligner_new ();
  g_autoptr (GError) error = NULL;

  gint64 start = g_get_monotonic_time ();
  g_autoptr (GArray) beads = dip_aligner_run (aligner, &source, &target, NULL, &error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  printf ("%u %u %u %.3f %.1f\n", src->len, tgt->len, beads->len, seconds,
          usage.ru_maxrss / 1024.0);
  g_ptr_array_unref (src);
  g_ptr_array_unref (tgt);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 2)
    return run_one ((guint) atoi (argv[1]));

  static const guint sizes[] = { 1000, 10000, 50000, 100000 };
  static const double max_seconds[] = { 1, 2, 15, 30 };
  static const double max_mb[] = { 100, 200, 800, 1024 };
  int status = 0;
  printf ("%8s %8s %8s %9s %10s\n", "source", "target", "beads", "seconds", "peak MB");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *size = g_strdup_printf ("%u", sizes[i]);
      const char *child[] = { argv[0], size, NULL };
      g_autofree char *out = NULL;
      g_autoptr (GError) error = NULL;
      int wait_status;
      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &wait_status, &error) || !g_spawn_check_wait_status (wait_status, NULL))
        {
          printf ("size %u failed\n", sizes[i]);
          return 1;
        }
      guint n_src, n_tgt, n_beads;
      double seconds, mb;
      if (sscanf (out, "%u %u %u %lf %lf", &n_src, &n_tgt, &n_beads, &seconds, &mb) != 5)
        return 1;
      gboolean ok = seconds <= max_seconds[i] && mb <= max_mb[i];
      printf ("%8u %8u %8u %9.2f %10.1f %s\n", n_src, n_tgt, n_beads, seconds, mb,
              ok ? "" : "OVER TARGET");
      if (!ok)
        status = 1;
    }
  return status;
}
