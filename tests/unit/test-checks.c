/* test-checks.c — the quality checks: each kind with cases it must find
 * and cases it must leave alone, the stored findings, and the
 * seeded-error sets in tests/data/checks with recall and precision per
 * kind (targets: recall >= 0.95, precision >= 0.90). */
#include <string.h>

#include "test-bead-pairs.h"
#include "test-util.h"

#define MIN_RECALL 0.95
#define MIN_PRECISION 0.90

typedef struct
{
  TestTmpDir *dir;
  guint       n;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = test_tmpdir_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_tmpdir_free (f->dir);
}

static DipCheckOptions *
check_options (void)
{
  static DipCheckOptions options;
  static char *dictionaries;
  if (dictionaries == NULL)
    dictionaries = g_build_filename (g_getenv ("DIP_TEST_DATA"), "..", "..", "dictionaries", NULL);
  options.dictionaries_dir = dictionaries;
  return &options;
}

static void
import_glossary_text (DipProject *project, TestTmpDir *dir, const char *tsv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_write_file (dir, "glossary.tsv", tsv, -1);
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
    project, path, DIP_GLOSSARY_FORMAT_TSV, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

/* Checks a project of the given pairs (source, target, … NULL) for one
 * kind and returns the findings. */
static GPtrArray *
check_pairs (Fixture *f, DipCheckKind kind, const char *glossary, const char *first, ...)
{
  g_autoptr (GPtrArray) pairs = test_pairs_new ();
  va_list args;
  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (pairs, g_strdup (s));
  va_end (args);
  g_assert_cmpuint (pairs->len % 2, ==, 0);

  g_autofree char *name = g_strdup_printf ("p%u.diptych", f->n++);
  g_autoptr (DipProject) project = test_pairs_project (f->dir->path, name, "it", "en-GB", pairs);
  if (glossary)
    import_glossary_text (project, f->dir, glossary);
  g_autoptr (GError) error = NULL;
  GPtrArray *findings = dip_project_check (project, 1u << kind, check_options (), NULL, &error);
  g_assert_no_error (error);
  return findings;
}

static const DipFinding *
finding (GPtrArray *findings, guint i)
{
  g_assert_cmpuint (i, <, findings->len);
  return g_ptr_array_index (findings, i);
}

/* The text a finding points at. */
static char *
span_text (const DipFinding *f)
{
  return g_utf8_substring (f->side == DIP_SIDE_SOURCE ? f->source : f->target, f->start, f->end);
}

static void
assert_span (const DipFinding *f, DipSide side, const char *text)
{
  g_autofree char *span = span_text (f);
  g_assert_cmpint (f->side, ==, side);
  g_assert_cmpstr (span, ==, text);
}

static gboolean
has_suggestion (const DipFinding *f, const char *text)
{
  for (guint i = 0; i < f->suggestions->len; i++)
    if (g_str_equal (g_ptr_array_index (f->suggestions, i), text))
      return TRUE;
  return FALSE;
}

/* ---- terms ---------------------------------------------------------------- */

static const char glossary[] =
  "partenariato strategico\tstrategic partnership\n"
  "cooperazione\tcooperation\n"
  "cooperazione\tco-operation\tforbidden\n"
  "munizioni\tammunition\n"
  "munizioni\tmunitions\tadmitted\n"
  "agenzia\tagency\n";

static void
test_term_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_TERM_MISSING, glossary,
    /* inflected and capitalised: still the term */
    "Partenariati strategici firmati ieri.", "Alliances signed yesterday.",
    /* typographic apostrophe folded: l’agenzia is agenzia */
    "Lo ha detto l’agenzia.", "The office said so.",
    /* rendered, in the plural and with a possessive */
    "I partenariati strategici dell’agenzia.", "The agency's strategic partnerships.",
    /* an admitted rendering is a rendering */
    "Le munizioni sono arrivate.", "The munitions have arrived.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_SOURCE, "Partenariati strategici");
  g_assert_true (has_suggestion (finding (found, 0), "strategic partnership"));
  assert_span (finding (found, 1), DIP_SIDE_SOURCE, "agenzia");
  g_assert_cmpstr (finding (found, 1)->source, ==, "Lo ha detto l’agenzia.");
}

static void
test_term_forbidden (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_TERM_FORBIDDEN, glossary,
    "La cooperazione militare.", "Military co-operation.",
    /* whole words: "cooperation" is not "co-operation" */
    "La cooperazione militare.", "Military cooperation.",
    "Una cooperazione stretta.", "A close co-operation and cooperation.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_TARGET, "co-operation");
  g_assert_true (has_suggestion (finding (found, 0), "cooperation"));
  assert_span (finding (found, 1), DIP_SIDE_TARGET, "co-operation");
}

static void
test_term_inconsistent (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_TERM_INCONSISTENT, glossary,
    "Munizioni per Mosca.", "Ammunition for Moscow.",
    "Le munizioni arrivano.", "The ammunition arrives.",
    "Altre munizioni.", "More munitions.",
    "Cooperazione.", "Cooperation.", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  assert_span (finding (found, 0), DIP_SIDE_TARGET, "munitions");
  g_assert_true (has_suggestion (finding (found, 0), "ammunition"));
}

/* ---- consistency ---------------------------------------------------------- */

static void
test_inconsistent_target (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_INCONSISTENT_TARGET, NULL,
    "La risposta è stata discreta.", "The response was muted.",
    "La risposta è stata  discreta.", "The reaction was subdued.",
    /* the same pair twice is consistent */
    "Il patto è firmato.", "The pact is signed.",
    "Il patto è firmato.", "The pact is signed.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_TARGET, "The response was muted.");
  g_assert_true (has_suggestion (finding (found, 0), "The reaction was subdued."));
  assert_span (finding (found, 1), DIP_SIDE_TARGET, "The reaction was subdued.");
}

static void
test_inconsistent_source (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_INCONSISTENT_SOURCE, NULL,
    "Putin ha ringraziato Kim.", "Putin thanked Kim.",
    "Putin ha salutato Kim.", "Putin thanked Kim.",
    "Kim ha ringraziato Putin.", "Kim thanked Putin.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_SOURCE, "Putin ha ringraziato Kim.");
  assert_span (finding (found, 1), DIP_SIDE_SOURCE, "Putin ha salutato Kim.");
}

/* ---- spelling ------------------------------------------------------------- */

static void
test_spelling (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_SPELLING, glossary,
    "Il govrno ha parlato.", "The goverment spoke.",
    /* typographic apostrophes, names on both sides, compounds,
     * glossary terms and acronyms are fine */
    "L’agenzia di Stoltenberg e la cooperazione tecnica-militare della NATO.",
    "Stoltenberg’s agency and NATO’s military-technical co-operation.",
    /* abbreviations of the shipped word lists */
    "Dom. Lug 14th, 2024", "Sunday, July 14, 2024", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_SOURCE, "govrno");
  assert_span (finding (found, 1), DIP_SIDE_TARGET, "goverment");
  g_assert_true (has_suggestion (finding (found, 1), "government"));
}

static void
test_spelling_word_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pairs = test_pairs_new ();
  test_pairs_add (pairs, "Il Frobnicator è pronto.", "The frobnicator is ready.");
  g_autoptr (DipProject) project = test_pairs_project (f->dir->path, "w.diptych", "it", "en-GB",
                                                       pairs);
  guint kind = 1u << DIP_CHECK_SPELLING;
  g_autoptr (GPtrArray) before = dip_project_check (project, kind, check_options (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);

  gboolean added = FALSE;
  g_assert_true (dip_project_add_word (project, "en", "frobnicator", &added, &error));
  g_assert_true (added);
  g_assert_true (dip_project_add_word (project, "it", "Frobnicator", NULL, &error));
  g_autoptr (GPtrArray) after = dip_project_check (project, kind, check_options (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 0);
}

/* ---- numbers -------------------------------------------------------------- */

static void
test_number_mismatch (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_NUMBER_MISMATCH, NULL,
    "L’articolo 51 della Carta.", "Article 15 of the Charter.",
    /* each language's format; ordinals */
    "Costa 1.000,5 euro, il 14 luglio.", "It costs 1,000.5 euros, on July 14th.",
    "Nel 1961 e nel 2024.", "In 1961 and in 2024.",
    "Circa 3,5 milioni.", "About 3.5 million.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_SOURCE, "51");
  assert_span (finding (found, 1), DIP_SIDE_TARGET, "15");
  g_assert_true (has_suggestion (finding (found, 1), "51"));
}

/* ---- untranslated and wrong language -------------------------------------- */

static void
test_untranslated (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_UNTRANSLATED, NULL,
    "Le potenze autoritarie si allineano.", "Le potenze autoritarie si allineano.",
    "Sblocca la newsletter gratuitamente.", "",
    /* names and numbers stay as they are */
    "Yoshimasa Hayashi", "Yoshimasa Hayashi",
    "2024", "2024",
    "Il patto è firmato.", "The pact is signed.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (finding (found, 0)->side, ==, DIP_SIDE_TARGET);
  g_assert_cmpstr (finding (found, 1)->target, ==, "");
  g_assert_cmpuint (finding (found, 1)->end, ==, 0);
}

/* Non-content segments are no translation and need none: the "[1]" and
   "[2]" that pair up after two sentences are no number mismatch, and an
   advertisement the translation leaves out is not untranslated. */
static void
test_non_content_is_not_checked (Fixture *f, gconstpointer data)
{
  g_autofree char *source = test_data_path ("align/treaty-en.txt");
  g_autofree char *target = test_data_path ("align/treaty-it.txt");
  g_autofree char *path = g_build_filename (f->dir->path, "texts.diptych", NULL);
  g_autoptr (DipProject) project = test_project_of_texts (path, source, "en", target, "it");
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_project_align (project, NULL, NULL, &error));
  g_assert_no_error (error);

  guint kinds = (1u << DIP_CHECK_NUMBER_MISMATCH) | (1u << DIP_CHECK_UNTRANSLATED);
  g_autoptr (GPtrArray) found = dip_project_check (project, kinds, check_options (), NULL,
                                                   &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("finding: %s", finding (found, i)->message);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_wrong_language (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_WRONG_LANGUAGE, NULL,
    "Kim ha visitato la Russia a settembre.", "Kim ha visitato il sito di lancio a settembre.",
    "Putin ha ringraziato Kim per il suo sostegno.",
    "Putin i-a mulțumit lui Kim pentru sprijinul său.",
    "This was the first visit in many years.", "It was the first visit in many years.",
    "Il patto è stato firmato ieri a Pyongyang.", "The pact was signed in Pyongyang yesterday.",
    NULL);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_cmpint (finding (found, 0)->side, ==, DIP_SIDE_TARGET);
  g_assert_nonnull (strstr (finding (found, 0)->message, "Italian"));
  g_assert_nonnull (strstr (finding (found, 1)->message, "Romanian"));
  g_assert_cmpint (finding (found, 2)->side, ==, DIP_SIDE_SOURCE);
}

/* ---- typography ----------------------------------------------------------- */

static void
test_repeated_word (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_REPEATED_WORD, NULL,
    "Il il patto.", "The the pact.",
    /* punctuation between, numbers, and English "had had" are fine */
    "Il patto, patto.", "He had had enough; 20 20 vision.", NULL);
  g_assert_cmpuint (found->len, ==, 2);
  assert_span (finding (found, 0), DIP_SIDE_SOURCE, "Il il");
  assert_span (finding (found, 1), DIP_SIDE_TARGET, "The the");
  g_assert_true (has_suggestion (finding (found, 1), "The"));
}

static void
test_double_space (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) found = check_pairs (
    f, DIP_CHECK_DOUBLE_SPACE, NULL,
    "Il patto è firmato.", "The pact  is signed.",
    "Il patto è firmato oggi.", "The pact is signed today.", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (finding (found, 0)->start, ==, 8);
  g_assert_cmpuint (finding (found, 0)->end, ==, 10);
}

/* ---- storage ---------------------------------------------------------------- */

static void
test_findings_stored (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pairs = test_pairs_new ();
  test_pairs_add (pairs, "Il il patto.", "The the  pact.");
  g_autoptr (DipProject) project = test_pairs_project (f->dir->path, "s.diptych", "it", "en-GB",
                                                       pairs);
  guint kinds = (1u << DIP_CHECK_REPEATED_WORD) | (1u << DIP_CHECK_DOUBLE_SPACE);
  g_autoptr (GPtrArray) found = dip_project_check (project, kinds, check_options (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);

  /* Checking one kind again replaces only that kind's findings. */
  g_autoptr (GPtrArray) again = dip_project_check (project, 1u << DIP_CHECK_DOUBLE_SPACE,
                                                   check_options (), NULL, &error);
  g_assert_nonnull (again);
  g_autoptr (GPtrArray) stored = dip_project_list_findings (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3);
  const DipFinding *last = g_ptr_array_index (stored, 2);
  g_assert_cmpint (last->kind, ==, DIP_CHECK_DOUBLE_SPACE);
  g_assert_cmpstr (last->target, ==, "The the  pact.");
  g_assert_cmpuint (last->suggestions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (last->suggestions, 0), ==, " ");
}

static void
test_kinds_parse (void)
{
  g_autoptr (GError) error = NULL;
  guint kinds = 0;
  g_assert_true (dip_check_kinds_parse ("spelling, double-space", &kinds, &error));
  g_assert_cmpuint (kinds, ==, (1u << DIP_CHECK_SPELLING) | (1u << DIP_CHECK_DOUBLE_SPACE));
  g_assert_false (dip_check_kinds_parse ("spelling,grammar", &kinds, &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "grammar");
}

/* ---- seeded errors ---------------------------------------------------------- */

typedef struct
{
  guint true_positives;
  guint predicted;
  guint expected;
} Score;

/* Gold (bead, kind) pairs from a "bead TAB kind" file: bit `kind` of
 * gold[bead - 1]. */
static guint *
load_gold (const char *path, guint n_beads)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  guint *gold = g_new0 (guint, n_beads);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      guint64 bead = g_ascii_strtoull (fields[0], NULL, 10);
      DipCheckKind kind;
      g_assert_true (dip_check_kind_from_string (fields[1], &kind));
      g_assert_true (bead >= 1 && bead <= n_beads);
      gold[bead - 1] |= 1u << kind;
    }
  return gold;
}

static guint
bead_index (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  g_assert_not_reached ();
}

static void
evaluate_set (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pairs_file = g_strdup_printf ("checks/%s.tsv", name);
  g_autofree char *errors_file = g_strdup_printf ("checks/%s-errors.tsv", name);
  g_autofree char *pairs_path = test_data_path (pairs_file);
  g_autofree char *errors_path = test_data_path (errors_file);
  g_autofree char *glossary_path = test_data_path ("checks/glossary.tsv");
  g_autoptr (GPtrArray) pairs = test_pairs_load (pairs_path);
  guint n_beads = pairs->len / 2;

  g_autofree char *project_name = g_strconcat (name, ".diptych", NULL);
  g_autoptr (DipProject) project = test_pairs_project (f->dir->path, project_name, "it", "en-GB",
                                                       pairs);
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
    project, glossary_path, DIP_GLOSSARY_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_autoptr (GPtrArray) found = dip_project_check (project, DIP_CHECK_ALL, check_options (), NULL,
                                                   &error);
  g_assert_no_error (error);

  g_autofree guint *gold = load_gold (errors_path, n_beads);
  g_autofree guint *predicted = g_new0 (guint, n_beads);
  g_autoptr (GArray) ids = test_pairs_bead_ids (project);
  for (guint i = 0; i < found->len; i++)
    {
      const DipFinding *x = g_ptr_array_index (found, i);
      guint bead = bead_index (ids, x->bead_id);
      predicted[bead] |= 1u << x->kind;
      if (!(gold[bead] & (1u << x->kind)))
        g_test_message ("%s: unexpected %s in bead %u: %s", name,
                        dip_check_kind_to_string (x->kind), bead + 1, x->message);
    }

  Score scores[DIP_CHECK_N_KINDS] = { { 0 } };
  guint total_gold = 0;
  for (guint b = 0; b < n_beads; b++)
    for (guint k = 0; k < DIP_CHECK_N_KINDS; k++)
      {
        gboolean p = (predicted[b] >> k) & 1, g = (gold[b] >> k) & 1;
        scores[k].predicted += p;
        scores[k].expected += g;
        scores[k].true_positives += p && g;
        total_gold += g;
        if (g && !p)
          g_test_message ("%s: missed %s in bead %u", name, dip_check_kind_to_string (k), b + 1);
      }
  g_assert_cmpuint (total_gold, >=, 30);

  gboolean ok = TRUE;
  g_test_message ("%s: %u beads, %u seeded errors", name, n_beads, total_gold);
  for (guint k = 0; k < DIP_CHECK_N_KINDS; k++)
    {
      const Score *s = &scores[k];
      double recall = s->expected ? (double) s->true_positives / s->expected : 1.0;
      double precision = s->predicted ? (double) s->true_positives / s->predicted : 1.0;
      g_test_message ("%s: %-20s recall %.2f (%u/%u)  precision %.2f (%u/%u)", name,
                      dip_check_kind_to_string (k), recall, s->true_positives, s->expected,
                      precision, s->true_positives, s->predicted);
      /* Every kind must be seeded, or its recall says nothing. */
      ok &= s->expected > 0 && recall >= MIN_RECALL && precision >= MIN_PRECISION;
    }
  g_assert_true (ok);
}

static void
test_seeded (Fixture *f, gconstpointer data)
{
  evaluate_set (f, "seeded");
}

static void
test_heldout (Fixture *f, gconstpointer data)
{
  evaluate_set (f, "heldout");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/checks/term-missing", test_term_missing);
  ADD ("/checks/term-forbidden", test_term_forbidden);
  ADD ("/checks/term-inconsistent", test_term_inconsistent);
  ADD ("/checks/inconsistent-target", test_inconsistent_target);
  ADD ("/checks/inconsistent-source", test_inconsistent_source);
  ADD ("/checks/spelling", test_spelling);
  ADD ("/checks/spelling-word-list", test_spelling_word_list);
  ADD ("/checks/number-mismatch", test_number_mismatch);
  ADD ("/checks/untranslated", test_untranslated);
  ADD ("/checks/non-content-is-not-checked", test_non_content_is_not_checked);
  ADD ("/checks/wrong-language", test_wrong_language);
  ADD ("/checks/repeated-word", test_repeated_word);
  ADD ("/checks/double-space", test_double_space);
  ADD ("/checks/findings-stored", test_findings_stored);
  ADD ("/checks/seeded", test_seeded);
  ADD ("/checks/heldout", test_heldout);
#undef ADD
  g_test_add_func ("/checks/kinds-parse", test_kinds_parse);
  return g_test_run ();
}
