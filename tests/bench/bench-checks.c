/* bench-checks.c — every quality check over 100 000 beads with a 5 000
 * entry glossary (target: under 10 s).
 *
 * The beads are the seeded-error pairs of tests/data/checks, errors
 * included, each copy numbered so that no two beads are the same; the
 * glossary is the test glossary plus entries made of word pairs from the
 * same texts, which start like real terms in many places but rarely
 * match whole, as most of a large termbase does in any one text.
 *
 * Run: meson test -C build --benchmark --suite bench -v
 */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "../unit/test-bead-pairs.h"

#define N_BEADS 100000
#define N_ENTRIES 5000
#define TARGET_SECONDS 10.0

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("DIP_TEST_DATA");
  return g_build_filename (dir ? dir : "tests/data", name, NULL);
}

static GPtrArray *
make_pairs (void)
{
  const char *sets[] = { "checks/seeded.tsv", "checks/heldout.tsv" };
  g_autoptr (GPtrArray) base = test_pairs_new ();
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *path = data_path (sets[s]);
      g_autoptr (GPtrArray) pairs = test_pairs_load (path);
      for (guint i = 0; i < pairs->len; i++)
        g_ptr_array_add (base, g_strdup (g_ptr_array_index (pairs, i)));
    }
  GPtrArray *pairs = test_pairs_new ();
  guint n_base = base->len / 2;
  for (guint i = 0; i < N_BEADS; i++)
    {
      const char *src = g_ptr_array_index (base, 2 * (i % n_base));
      const char *tgt = g_ptr_array_index (base, 2 * (i % n_base) + 1);
      g_ptr_array_add (pairs, *src ? g_strdup_printf ("%s (%u)", src, i) : g_strdup (""));
      g_ptr_array_add (pairs, *tgt ? g_strdup_printf ("%s (%u)", tgt, i) : g_strdup (""));
    }
  return pairs;
}

/* The pairs of the seeded set that hold an error, by 0-based index. */
static GHashTable *
seeded_errors (void)
{
  g_autofree char *path = data_path ("checks/seeded-errors.tsv");
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  GHashTable *beads = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_ascii_isdigit (lines[i][0]))
      g_hash_table_add (beads, GUINT_TO_POINTER (g_ascii_strtoull (lines[i], NULL, 10) - 1));
  return beads;
}

/* Words of four letters or more of one side of the seeded set's clean
 * pairs (a misspelling must not become a glossary term). */
static GPtrArray *
vocabulary (GPtrArray *pairs, guint side)
{
  g_autoptr (GHashTable) errors = seeded_errors ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = side; i < pairs->len && i < 2 * 93; i += 2)
    {
      if (g_hash_table_contains (errors, GUINT_TO_POINTER (i / 2)))
        continue;
      g_auto (GStrv) parts = g_strsplit_set (g_ptr_array_index (pairs, i), " ,.;:“”’'()", -1);
      for (guint k = 0; parts[k]; k++)
        if (g_utf8_strlen (parts[k], -1) >= 4 && g_unichar_isalpha (g_utf8_get_char (parts[k]))
            && !g_hash_table_contains (seen, parts[k]))
          {
            char *word = g_strdup (parts[k]);
            g_hash_table_add (seen, word);
            g_ptr_array_add (words, word);
          }
    }
  return words;
}

static char *
make_glossary (const char *dir, GPtrArray *pairs)
{
  g_autofree char *real_path = data_path ("checks/glossary.tsv");
  g_autofree char *real = NULL;
  g_assert_true (g_file_get_contents (real_path, &real, NULL, NULL));
  g_autoptr (GString) tsv = g_string_new (real);
  guint n = 0;
  for (const char *p = real; *p; p++)
    n += *p == '\n' && p[1] != '#' && p[1] != '\0';

  g_autoptr (GPtrArray) src_words = vocabulary (pairs, 0);
  g_autoptr (GPtrArray) tgt_words = vocabulary (pairs, 1);
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (n < N_ENTRIES)
    {
      const char *a = g_ptr_array_index (src_words, g_rand_int_range (rand, 0, src_words->len));
      const char *b = g_ptr_array_index (src_words, g_rand_int_range (rand, 0, src_words->len));
      const char *c = g_ptr_array_index (tgt_words, g_rand_int_range (rand, 0, tgt_words->len));
      const char *d = g_ptr_array_index (tgt_words, g_rand_int_range (rand, 0, tgt_words->len));
      char *key = g_strdup_printf ("%s %s\t%s %s", a, b, c, d);
      if (!g_hash_table_add (seen, key))
        continue;
      g_string_append_printf (tsv, "%s\t%s\n", key, n % 7 == 0 ? "admitted" : "preferred");
      n++;
    }
  char *path = g_build_filename (dir, "glossary.tsv", NULL);
  g_assert_true (g_file_set_contents (path, tsv->str, (gssize) tsv->len, NULL));
  return path;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("diptych-bench-XXXXXX", &error);
  g_assert_no_error (error);

  gint64 start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) pairs = make_pairs ();
  g_autoptr (DipProject) project = test_pairs_project (dir, "bench.diptych", "it", "en-GB",
                                                       pairs);
  g_autofree char *glossary = make_glossary (dir, pairs);
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
    project, glossary, DIP_GLOSSARY_FORMAT_TSV, &error);
  g_assert_no_error (error);
  double setup = (g_get_monotonic_time () - start) / 1e6;

  const char *root = g_getenv ("DIP_TEST_DATA");
  g_autofree char *dictionaries = g_build_filename (root ? root : "tests/data", "..", "..",
                                                    "dictionaries", NULL);
  DipCheckOptions options = { NULL, dictionaries };
  struct rusage before;
  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) findings = dip_project_check (project, DIP_CHECK_ALL, &options, NULL,
                                                      &error);
  g_assert_no_error (error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  guint per_kind[DIP_CHECK_N_KINDS] = { 0 };
  for (guint i = 0; i < findings->len; i++)
    per_kind[((DipFinding *) g_ptr_array_index (findings, i))->kind]++;
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  /* The machine may be shared: CPU time says what the checks cost. */
  double cpu = (usage.ru_utime.tv_sec - before.ru_utime.tv_sec)
               + (usage.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6
               + (usage.ru_stime.tv_sec - before.ru_stime.tv_sec)
               + (usage.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;

  printf ("setup (import %u beads, %u glossary entries): %.2f s\n", N_BEADS, report->added, setup);
  printf ("check, all kinds: %u beads, %u glossary entries, %u findings: %.2f s "
          "(%.2f s CPU; target < %.0f s)\n",
          N_BEADS, report->added, findings->len, seconds, cpu, TARGET_SECONDS);
  for (guint k = 0; k < DIP_CHECK_N_KINDS; k++)
    printf ("  %-20s %u\n", dip_check_kind_to_string (k), per_kind[k]);
  printf ("peak RSS: %ld MB\n", usage.ru_maxrss / 1024);

  g_clear_object (&project);
  const char *files[] = { "bench.diptych", "bench.diptych-wal", "bench.diptych-shm",
                          "glossary.tsv" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_build_filename (dir, files[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);

  gboolean ok = seconds < TARGET_SECONDS && report->added == N_ENTRIES;
  printf ("%s\n", ok ? "PASS" : "FAIL: a target was missed");
  return ok ? 0 : 1;
}
