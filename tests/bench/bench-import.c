/* bench-import.c — import + segment + store of the 1.3 MB book sample end
 * to end (target: under 1 s), and the segmenter alone (target: 20 MB/s).
 *
 * Run: meson test -C build --benchmark --suite bench -v
 * Prints the figures and fails when a target is missed.
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#define RUNS 5

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), (GCompareFunc) compare_doubles);
  return values[n / 2];
}

static double
time_import (const char *sample, guint *out_segments)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("diptych-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "bench.diptych", NULL);

  gint64 start = g_get_monotonic_time ();
  g_autoptr (DipProject) project = dip_project_create (path, "en", "it", &error);
  g_assert_no_error (error);
  gint64 id = dip_project_import_text (project, sample, DIP_SIDE_SOURCE, NULL, DIP_IMPORT_NONE,
                                       NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  project = dip_project_open (path, &error);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, id, &error);
  g_assert_no_error (error);
  *out_segments = segments->len;
  g_clear_object (&project);

  const char *suffixes[] = { "", "-wal", "-shm" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return seconds;
}

static double
time_segmenter (const DipText *text, guint repeat)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipSegmenter) segmenter = dip_segmenter_new ("en", &error);
  g_assert_no_error (error);
  gint64 start = g_get_monotonic_time ();
  for (guint i = 0; i < repeat; i++)
    {
      g_autoptr (GArray) paragraphs = dip_split_paragraphs (text->text, text->length);
      g_autoptr (GArray) spans = dip_segmenter_split (segmenter, text->text, text->length,
                                                      paragraphs, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (spans->len, >, 0);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  const char *samples = g_getenv ("DIP_SAMPLES");
  g_autofree char *sample = g_build_filename (samples ? samples : "data/samples",
                                              "003-book-en.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DipText) text = dip_text_load (sample, &error);
  g_assert_no_error (error);

  double import_times[RUNS];
  guint segments = 0;
  for (guint i = 0; i < RUNS; i++)
    import_times[i] = time_import (sample, &segments);
  double import_median = median (import_times, RUNS);

  const guint repeat = 10;
  double seg_seconds = time_segmenter (text, repeat);
  double mb_per_s = (double) text->length * repeat / (1024.0 * 1024.0) / seg_seconds;

  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);

  printf ("import+segment+store %s (%.2f MB, %u segments): median %.3f s, best %.3f s "
          "over %d runs (target < 1 s)\n",
          "003-book-en.txt", text->length / (1024.0 * 1024.0), segments, import_median,
          import_times[0], RUNS);
  printf ("segmenter alone: %.1f MB/s (target >= 20 MB/s)\n", mb_per_s);
  printf ("peak RSS: %ld MB\n", usage.ru_maxrss / 1024);

  gboolean ok = import_median < 1.0 && mb_per_s >= 20.0;
  printf ("%s\n", ok ? "PASS" : "FAIL: a target was missed");
  return ok ? 0 : 1;
}
