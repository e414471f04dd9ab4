/* bench-align.c — aligner time and peak memory at 1k, 10k, 50k and 100k
 * sentences a side.
 *
 *   meson test -C build --benchmark --suite bench align -v
 *
 * Input: random draws of the gold beads of the Text+Berg development set
 * (../shared/eval, de-fr) when it is there; otherwise seed 003 against a copy
 * with every 7th sentence dropped and every 11th split in two. Either way
 * the gold alignment is known, and the strict F1 is printed beside the time.
 * Each size runs in a child process so that its peak RSS is its own.
 * Targets (issue 4): 10k under 2 s and 200 MB, 50k under 15 s and 800 MB,
 * 100k under 30 s and 1 GB.
 */
#include "dip-config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <diptych/diptych.h>

#include "../unit/test-util.h"

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

/* The gold beads of the generated input, in the vecalign format. */
static GString *gold;

static void
add_gold (guint src_start, guint src_count, guint tgt_start, guint tgt_count)
{
  dip_eval_format_bead (gold, src_start, src_count, tgt_start, tgt_count);
}

/* Random draws of the dev set's gold beads, in a random order: text that
   does not repeat with a period an aligner could lock on to, with a gold
   alignment known for every bead. */
static gboolean
make_from_dev_set (guint n, GPtrArray *src, GPtrArray *tgt)
{
  const char *shared = g_getenv ("DIP_SHARED");
  if (shared == NULL)
    return FALSE;
  g_autofree char *de = g_build_filename (shared, "eval/textberg-dev/dev.de", NULL);
  g_autofree char *fr = g_build_filename (shared, "eval/textberg-dev/dev.fr", NULL);
  g_autofree char *defr = g_build_filename (shared, "eval/textberg-dev/dev.defr", NULL);
  g_autoptr (GPtrArray) de_lines = read_lines (de);
  g_autoptr (GPtrArray) fr_lines = read_lines (fr);
  g_autoptr (GArray) beads = g_file_test (defr, G_FILE_TEST_EXISTS)
                               ? dip_eval_load_beads (defr, NULL) : NULL;
  if (de_lines == NULL || fr_lines == NULL || beads == NULL)
    return FALSE;

  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  while (src->len < n)
    {
      const DipEvalBead *bead = &g_array_index (beads, DipEvalBead,
                                                g_rand_int_range (rand, 0, beads->len));
      add_gold (src->len, bead->source->len, tgt->len, bead->target->len);
      for (guint i = 0; i < bead->source->len; i++)
        g_ptr_array_add (src, g_strdup (g_ptr_array_index (de_lines,
                                                           g_array_index (bead->source, guint, i))));
      for (guint i = 0; i < bead->target->len; i++)
        g_ptr_array_add (tgt, g_strdup (g_ptr_array_index (fr_lines,
                                                           g_array_index (bead->target, guint, i))));
    }
  return TRUE;
}


/* A stand-in for a translation: every letter replaced by another (ROT13),
   so that no word is shared as it is, while numbers stay as they are and
   each word keeps one consistent "translation" for the aligner to learn. */
static char *
enciphered (const char *s)
{
  char *out = g_strdup (s);
  for (char *p = out; *p; p++)
    if (g_ascii_isalpha (*p))
      *p = (char) ((g_ascii_isupper (*p) ? 'A' : 'a')
                   + (g_ascii_tolower (*p) - 'a' + 13) % 26);
  return out;
}

/* Seed 003's sentences against an enciphered copy with every 7th sentence
   left out and every 11th split in two. */
static void
make_from_book (guint n, GPtrArray *src, GPtrArray *tgt)
{
  g_autoptr (GPtrArray) lines = test_sample_sentences ("003-book-en.txt", "en");
  g_assert_cmpuint (lines->len, >, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *s = g_ptr_array_index (lines, i % lines->len);
      g_autofree char *t = enciphered (s);
      g_ptr_array_add (src, g_strdup (s));
      gsize half = strlen (t) / 2;
      const char *space = strchr (t + half, ' ');
      if (i % 7 == 3)
        add_gold (i, 1, tgt->len, 0);
      else if (i % 11 == 5 && space != NULL)
        {
          add_gold (i, 1, tgt->len, 2);
          g_ptr_array_add (tgt, g_strndup (t, space - t));
          g_ptr_array_add (tgt, g_strdup (space + 1));
        }
      else
        {
          add_gold (i, 1, tgt->len, 1);
          g_ptr_array_add (tgt, g_strdup (t));
        }
    }
}

static int
run_one (guint n)
{
  GPtrArray *src = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *tgt = g_ptr_array_new_with_free_func (g_free);
  gold = g_string_new (NULL);
  if (!make_from_dev_set (n, src, tgt))
    {
      g_ptr_array_set_size (src, 0);
      g_ptr_array_set_size (tgt, 0);
      g_string_truncate (gold, 0);
      make_from_book (n, src, tgt);
    }
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
  g_autoptr (GString) test = g_string_new (NULL);
  for (guint b = 0; b < beads->len; b++)
    {
      const DipBead *bead = &g_array_index (beads, DipBead, b);
      dip_eval_format_bead (test, bead->src_start, bead->src_count, bead->tgt_start,
                            bead->tgt_count);
    }
  g_autoptr (GArray) gold_beads = dip_eval_parse_beads (gold->str, gold->len, "gold", NULL);
  g_autoptr (GArray) test_beads = dip_eval_parse_beads (test->str, test->len, "test", NULL);
  DipEvalCounts counts = { 0 };
  dip_eval_count (&counts, gold_beads, test_beads);
  DipEvalScores scores;
  dip_eval_scores (&counts, &scores);
  printf ("%u %u %u %.3f %.1f %.4f\n", src->len, tgt->len, beads->len, seconds,
          usage.ru_maxrss / 1024.0, scores.strict_f1);
  g_string_free (gold, TRUE);
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
  printf ("%8s %8s %8s %9s %10s %9s\n", "source", "target", "beads", "seconds", "peak MB",
          "strict F1");
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
      double seconds, mb, f1;
      if (sscanf (out, "%u %u %u %lf %lf %lf", &n_src, &n_tgt, &n_beads, &seconds, &mb, &f1) != 6)
        return 1;
      gboolean ok = seconds <= max_seconds[i] && mb <= max_mb[i];
      printf ("%8u %8u %8u %9.2f %10.1f %9.4f %s\n", n_src, n_tgt, n_beads, seconds, mb, f1,
              ok ? "" : "OVER TARGET");
      if (!ok)
        status = 1;
    }
  return status;
}
