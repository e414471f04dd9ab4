/* test-memory.c — fuzzy matches from the project's pairs: found by shared
 * words, ranked by edit distance, the bead being translated left out. */
#include "dip-config.h"

#include "test-util.h"

typedef ProjectFixture Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  project_fixture_open (f, "it", "en");
  g_autofree char *pairs = test_write_file (
    f->dir, "memory.tsv",
    "Il governo ha approvato la legge di bilancio.\tThe government approved the budget law.\n"
    "Il governo ha respinto la legge elettorale.\tThe government rejected the electoral law.\n"
    "La Corea del Nord ha lanciato un missile.\tNorth Korea launched a missile.\n"
    "Domani pioverà su tutta la penisola.\tTomorrow it will rain across the peninsula.\n",
    -1);
  g_assert_true (dip_project_import_pairs (f->project, pairs, NULL, NULL, &error));
  g_assert_no_error (error);
}

#define fixture_tear_down project_fixture_close

static void
test_ranked_by_similarity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matches = dip_project_find_translations (
    f->project, "Il governo ha approvato la legge di stabilità.", 5, 0.5, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);
  const DipMemoryMatch *best = g_ptr_array_index (matches, 0);
  const DipMemoryMatch *second = g_ptr_array_index (matches, 1);
  g_assert_cmpstr (best->target, ==, "The government approved the budget law.");
  g_assert_cmpstr (second->target, ==, "The government rejected the electoral law.");
  g_assert_cmpfloat (best->similarity, >, second->similarity);
  g_assert_cmpfloat (best->similarity, >, 0.75);
  g_assert_cmpfloat (best->similarity, <, 1.0);

  /* Case and accents do not hide a match; an exact one scores 1. */
  g_autoptr (GPtrArray) exact = dip_project_find_translations (
    f->project, "LA COREA DEL NORD HA LANCIATO UN MISSILE.", 5, 0.5, 0, 0, 0, &error);
  g_assert_cmpuint (exact->len, ==, 1);
  g_assert_cmpfloat (((DipMemoryMatch *) g_ptr_array_index (exact, 0))->similarity, ==, 1.0);

  /* Under the threshold, or nothing in common: nothing offered. */
  g_autoptr (GPtrArray) weak = dip_project_find_translations (
    f->project, "Il governo cade.", 5, 0.5, 0, 0, 0, &error);
  g_assert_cmpuint (weak->len, ==, 0);
  g_autoptr (GPtrArray) none = dip_project_find_translations (
    f->project, "Xyz qwerty!", 5, 0.1, 0, 0, 0, &error);
  g_assert_cmpuint (none->len, ==, 0);
  g_autoptr (GPtrArray) punctuation = dip_project_find_translations (
    f->project, "\"…\" — ?", 5, 0.1, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (punctuation->len, ==, 0);
}

/* The sentence being translated does not suggest its own translation, and
   a text edit reaches the index. */
static void
test_skips_the_bead_itself (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 src = dip_project_latest_document (f->project, DIP_SIDE_SOURCE, &error);
  g_autoptr (GPtrArray) skipped = dip_project_find_translations (
    f->project, "Domani pioverà su tutta la penisola.", 5, 0.5, src, 3, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);

  g_assert_true (dip_project_set_segment_text (f->project, src, 3,
                                               "Domani nevicherà sulle Alpi.", &error));
  g_autoptr (GPtrArray) edited = dip_project_find_translations (
    f->project, "Domani nevicherà sulle Alpi orientali.", 5, 0.5, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edited->len, ==, 1);
  g_assert_cmpstr (((DipMemoryMatch *) g_ptr_array_index (edited, 0))->source, ==,
                   "Domani nevicherà sulle Alpi.");
}

static char *
found_text (Fixture *f, const char *query)
{
  g_autoptr (GError) error = NULL;
  gint64 src = dip_project_latest_document (f->project, DIP_SIDE_SOURCE, &error);
  gint64 tgt = dip_project_latest_document (f->project, DIP_SIDE_TARGET, &error);
  g_autoptr (GArray) found = dip_project_find_beads (f->project, src, tgt, query, &error);
  g_assert_no_error (error);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (out, "%s%u", i ? " " : "", g_array_index (found, guint, i));
  return g_string_free (out, FALSE);
}

/* The concordance: beads with a sentence, on either side, that has every
   word of the query; the person's text is never read as query syntax. */
static void
test_concordance (Fixture *f, gconstpointer data)
{
  struct
  {
    const char *query, *want;
  } cases[] = {
    { "governo legge", "0 1" },
    { "LEGGE elettorale", "1" },
    { "missile", "2" },
    { "government budget", "0" },
    { "pioverà", "3" },
    { "piovera", "3" },
    { "governo missile", "" },
    { "", "" },
    { "\"AND OR NEAR(* :", "" },
    { "legge\" OR \"missile", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = found_text (f, cases[i].query);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/memory/ranked-by-similarity", Fixture, NULL, fixture_set_up,
              test_ranked_by_similarity, fixture_tear_down);
  g_test_add ("/memory/skips-the-bead-itself", Fixture, NULL, fixture_set_up,
              test_skips_the_bead_itself, fixture_tear_down);
  g_test_add ("/memory/concordance", Fixture, NULL, fixture_set_up, test_concordance,
              fixture_tear_down);
  return g_test_run ();
}
