/* test-glossary.c — glossary entries, TSV/CSV/TBX import and export
 * (the TBX validated against data/schemas/tbx-basic.rng), merges, bad
 * input naming its line, and term pairs suggested from confirmed beads. */
#include <string.h>

#include <libxml/relaxng.h>

#include "test-bead-pairs.h"
#include "test-util.h"

typedef struct
{
  TestTmpDir *dir;
  DipProject *project;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (f->dir->path, "g.diptych", NULL);
  f->project = dip_project_create (path, "it", "en-GB", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  test_tmpdir_free (f->dir);
}

static GPtrArray *
list (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = dip_project_list_glossary (f->project, &error);
  g_assert_no_error (error);
  return entries;
}

static const DipGlossaryEntry *
entry_at (GPtrArray *entries, guint i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

/* "src → tgt (status)" for each entry, joined with "; ". */
static char *
describe (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *e = entry_at (entries, i);
      g_string_append_printf (out, "%s%s → %s (%s)", i ? "; " : "", e->src_term, e->tgt_term,
                              dip_term_status_to_string (e->status));
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
parse_text (const char *text, const char *name, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  return dip_glossary_parse (bytes, name, DIP_GLOSSARY_FORMAT_AUTO, "it", "en-GB", error);
}

/* ---- entries -------------------------------------------------------------- */

static void
test_add_list_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipGlossaryEntry) a = dip_glossary_entry_new ("  munizioni ", "ammunition",
                                                           DIP_TERM_PREFERRED, NULL);
  g_autoptr (DipGlossaryEntry) b = dip_glossary_entry_new ("munizioni", "munitions",
                                                           DIP_TERM_ADMITTED, "in quotes");
  g_autoptr (DipGlossaryEntry) c = dip_glossary_entry_new ("Cooperazione", "co-operation",
                                                           DIP_TERM_FORBIDDEN, NULL);
  gint64 id_a = dip_project_add_glossary_entry (f->project, a, &error);
  gint64 id_b = dip_project_add_glossary_entry (f->project, b, &error);
  gint64 id_c = dip_project_add_glossary_entry (f->project, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id_a, >, 0);
  g_assert_cmpint (id_c, >, id_b);

  g_autoptr (GPtrArray) entries = list (f);
  g_autofree char *text = describe (entries);
  g_assert_cmpstr (text, ==, "Cooperazione → co-operation (forbidden); munizioni → ammunition "
                             "(preferred); munizioni → munitions (admitted)");
  const DipGlossaryEntry *e = entry_at (entries, 2);
  g_assert_cmpstr (e->note, ==, "in quotes");
  g_assert_cmpstr (e->src_lang, ==, "it");
  g_assert_cmpstr (e->tgt_lang, ==, "en-GB");
  g_assert_nonnull (e->created_at);

  /* the same pair, whatever the case, is refused */
  g_autoptr (DipGlossaryEntry) again = dip_glossary_entry_new ("MUNIZIONI", "Ammunition",
                                                               DIP_TERM_ADMITTED, NULL);
  g_assert_cmpint (dip_project_add_glossary_entry (f->project, again, &error), ==, 0);
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "already in the glossary");
  g_clear_error (&error);
  g_autoptr (DipGlossaryEntry) empty = dip_glossary_entry_new (" ", "x", DIP_TERM_PREFERRED, NULL);
  g_assert_cmpint (dip_project_add_glossary_entry (f->project, empty, &error), ==, 0);
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "source term is empty");
  g_clear_error (&error);

  g_assert_true (dip_project_remove_glossary_entry (f->project, id_b, &error));
  g_assert_false (dip_project_remove_glossary_entry (f->project, id_b, &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "no glossary entry");
  g_autoptr (GPtrArray) after = list (f);
  g_assert_cmpuint (after->len, ==, 2);
}

static void
test_status_names (void)
{
  DipTermStatus status;
  g_assert_true (dip_term_status_from_string ("Admitted", &status));
  g_assert_cmpint (status, ==, DIP_TERM_ADMITTED);
  g_assert_true (dip_term_status_from_string ("deprecatedTerm-admn-sts", &status));
  g_assert_cmpint (status, ==, DIP_TERM_FORBIDDEN);
  g_assert_false (dip_term_status_from_string ("usual", &status));
  g_assert_cmpstr (dip_term_status_to_string (DIP_TERM_FORBIDDEN), ==, "forbidden");
}

/* ---- parsing -------------------------------------------------------------- */

static void
test_parse_tsv (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_data_path ("glossary/terms.tsv");
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_autoptr (GPtrArray) entries = parse_text (contents, "terms.tsv", &error);
  g_assert_no_error (error);
  g_autofree char *text = describe (entries);
  g_assert_cmpstr (text, ==,
                   "partenariato strategico → strategic partnership (preferred); "
                   "munizioni → ammunition (preferred); munizioni → munitions (admitted); "
                   "cooperazione → cooperation (preferred); "
                   "cooperazione → co-operation (forbidden); "
                   "Munizioni → Ammunition (preferred); "
                   "Consiglio di sicurezza → Security Council (preferred)");
  g_assert_cmpuint (entry_at (entries, 2)->line, ==, 4);
  g_assert_cmpstr (entry_at (entries, 4)->note, ==, "house style: no hyphen");

  /* a header, escapes, CRLF */
  g_autoptr (GPtrArray) more = parse_text ("Source\tTarget\tStatus\r\n\\#hash\ta\\tb\r\n",
                                           "h.tsv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpstr (entry_at (more, 0)->src_term, ==, "#hash");
  g_assert_cmpstr (entry_at (more, 0)->tgt_term, ==, "a b");
}

static void
test_parse_csv (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_data_path ("glossary/terms.csv");
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_autoptr (GPtrArray) entries = parse_text (contents, "terms.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (entry_at (entries, 1)->note, ==, "the \"official\" one, usually");
  g_assert_cmpstr (entry_at (entries, 1)->part_of_speech, ==, "noun");
  g_assert_cmpstr (entry_at (entries, 2)->note, ==, "spelt the British way\n(two lines)");
  g_assert_cmpuint (entry_at (entries, 3)->line, ==, 6);
  g_assert_cmpint (entry_at (entries, 3)->status, ==, DIP_TERM_FORBIDDEN);

  /* semicolons, as European spreadsheets write; a header naming the
   * languages */
  g_autoptr (GPtrArray) semi = parse_text ("it;en\n\"a;b\";c\n", "s.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry_at (semi, 0)->src_term, ==, "a;b");
  g_assert_cmpstr (entry_at (semi, 0)->tgt_term, ==, "c");
}

static void
test_parse_tbx (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_data_path ("glossary/terms.tbx");
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_autoptr (GPtrArray) entries = parse_text (contents, "terms.tbx", &error);
  g_assert_no_error (error);
  g_autofree char *text = describe (entries);
  g_assert_cmpstr (text, ==,
                   "alleanza militare → military alliance (preferred); "
                   "alleanza militare → armed alliance (forbidden); "
                   "penisola coreana → Korean peninsula (admitted)");
  g_assert_cmpstr (entry_at (entries, 0)->part_of_speech, ==, "noun");
  g_assert_cmpstr (entry_at (entries, 0)->note, ==, "Security policy");
  g_assert_cmpstr (entry_at (entries, 1)->note, ==, "too narrow; Security policy");
  g_assert_cmpuint (entry_at (entries, 2)->line, ==, 46);

  g_autofree char *old_path = test_data_path ("glossary/terms-2008.tbx");
  g_autofree char *old = NULL;
  g_assert_true (g_file_get_contents (old_path, &old, NULL, NULL));
  g_autoptr (GPtrArray) old_entries = parse_text (old, "terms-2008.tbx", &error);
  g_assert_no_error (error);
  g_autofree char *old_text = describe (old_entries);
  g_assert_cmpstr (old_text, ==, "guerra fredda → Cold War (preferred)");

  /* the TBX-Basic example ships English and Spanish */
  g_autofree char *example_path = g_build_filename (g_getenv ("DIP_TEST_DATA"), "..", "..",
                                                    "data", "schemas", "tbx-basic-example.tbx",
                                                    NULL);
  g_autofree char *example = NULL;
  g_assert_true (g_file_get_contents (example_path, &example, NULL, NULL));
  g_autoptr (GBytes) bytes = g_bytes_new (example, strlen (example));
  g_autoptr (GPtrArray) spanish = dip_glossary_parse (bytes, "example.tbx",
                                                      DIP_GLOSSARY_FORMAT_TBX, "en", "es",
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanish->len, >=, 40);
  g_assert_cmpstr (entry_at (spanish, 0)->src_term, ==, "open cluster");
}

static void
assert_parse_error (const char *file, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_data_path (file);
  g_autofree char *contents = NULL;
  gsize size;
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_autoptr (GBytes) bytes = g_bytes_new (contents, size);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GPtrArray) entries = dip_glossary_parse (bytes, name, DIP_GLOSSARY_FORMAT_AUTO,
                                                      "it", "en", &error);
  g_assert_null (entries);
  test_assert_error (error, code, needle);
}

static void
test_parse_errors (void)
{
  assert_parse_error ("glossary/bad-fields.tsv", DIP_ERROR_INVALID_INPUT, "bad-fields.tsv:2: 1 field");
  assert_parse_error ("glossary/bad-status.tsv", DIP_ERROR_INVALID_INPUT,
                      "bad-status.tsv:2: unknown status “usual”");
  assert_parse_error ("glossary/bad-quote.csv", DIP_ERROR_INVALID_INPUT,
                      "bad-quote.csv:4:14: quote inside an unquoted field");
  assert_parse_error ("glossary/unclosed.csv", DIP_ERROR_INVALID_INPUT,
                      "unclosed.csv:2:20: quoted field is never closed");
  assert_parse_error ("glossary/no-source-column.csv", DIP_ERROR_INVALID_INPUT,
                      "no-source-column.csv:1: the header row needs");
  assert_parse_error ("glossary/malformed.tbx", DIP_ERROR_INVALID_INPUT,
                      "malformed.tbx:7:66: malformed XML");
  assert_parse_error ("glossary/not-tbx.xml", DIP_ERROR_INVALID_INPUT, "not-tbx.xml:2:");

  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) latin1 = g_bytes_new_static ("a\tb\ncaff\xE8\tcoffee\n", 17);
  g_assert_null (dip_glossary_parse (latin1, "l.tsv", DIP_GLOSSARY_FORMAT_TSV, "it", "en", &error));
  test_assert_error (error, DIP_ERROR_ENCODING, "l.tsv:2:5: invalid UTF-8");
  g_clear_error (&error);
  g_autoptr (GBytes) comments = g_bytes_new_static ("# only a comment\n", 17);
  g_assert_null (dip_glossary_parse (comments, "c.tsv", DIP_GLOSSARY_FORMAT_TSV, "it", "en",
                                     &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "c.tsv: no glossary entries");
  g_clear_error (&error);
  char *long_line = g_strdup_printf ("%0300d\tx\n", 7);
  g_autoptr (GBytes) long_term = g_bytes_new_take (long_line, strlen (long_line));
  g_assert_null (dip_glossary_parse (long_term, "l.tsv", DIP_GLOSSARY_FORMAT_TSV, "it", "en",
                                     &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "l.tsv:1: the source term has 300");
}

/* ---- import and export ---------------------------------------------------- */

static void
test_import_merges (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipGlossaryEntry) known = dip_glossary_entry_new ("cooperazione", "co-operation",
                                                               DIP_TERM_ADMITTED, NULL);
  dip_project_add_glossary_entry (f->project, known, &error);
  g_assert_no_error (error);

  g_autofree char *path = test_data_path ("glossary/terms.tsv");
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
    f->project, path, DIP_GLOSSARY_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->read, ==, 7);
  g_assert_cmpuint (report->added, ==, 5);
  g_assert_cmpuint (report->merged, ==, 2);
  g_assert_cmpuint (report->messages->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 0),
                            "terms.tsv:6: duplicate of entry 1 “cooperazione → co-operation”; "
                            "merged (status admitted → forbidden, note added)"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->messages, 1), "terms.tsv:9:"));

  g_autoptr (GPtrArray) entries = list (f);
  g_assert_cmpuint (entries->len, ==, 6);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (entry_at (entries, i)->tgt_term, "ammunition"))
      g_assert_cmpstr (entry_at (entries, i)->note, ==, "the usual word");
}

static void
test_import_bad_input_imports_nothing (Fixture *f, gconstpointer data)
{
  const char *files[] = { "glossary/bad-fields.tsv", "glossary/bad-quote.csv",
                          "glossary/malformed.tbx" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = test_data_path (files[i]);
      g_assert_null (dip_project_import_glossary (f->project, path, DIP_GLOSSARY_FORMAT_AUTO,
                                                  &error));
      g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT);
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir->path, "missing.tsv", NULL);
  g_assert_null (dip_project_import_glossary (f->project, missing, DIP_GLOSSARY_FORMAT_AUTO,
                                              &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "missing.tsv: No such file");
  g_autoptr (GPtrArray) entries = list (f);
  g_assert_cmpuint (entries->len, ==, 0);
}

static gboolean
validates_as_tbx_basic (const char *path)
{
  g_autofree char *schema_path = g_build_filename (g_getenv ("DIP_TEST_DATA"), "..", "..", "data",
                                                   "schemas", "tbx-basic.rng", NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNGPtr schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);
  xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt (schema);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  int rc = xmlRelaxNGValidateDoc (valid, doc);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
  return rc == 0;
}

/* Everything a format carries survives export and import. */
static void
test_export_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *sources[] = { "glossary/terms.tsv", "glossary/terms.csv", "glossary/terms.tbx" };
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = test_data_path (sources[i]);
      g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
        f->project, path, DIP_GLOSSARY_FORMAT_AUTO, &error);
      g_assert_no_error (error);
      g_assert_nonnull (report);
    }
  g_autoptr (DipGlossaryEntry) odd = dip_glossary_entry_new ("#tag <&>", "a\"b, c",
                                                             DIP_TERM_ADMITTED,
                                                             "tab\there\nline; “quoted”");
  dip_project_add_glossary_entry (f->project, odd, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) before = list (f);

  const char *names[] = { "out.tsv", "out.csv", "out.tbx" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = g_build_filename (f->dir->path, names[i], NULL);
      g_assert_true (dip_project_export_glossary (f->project, out, DIP_GLOSSARY_FORMAT_AUTO,
                                                  &error));
      g_assert_no_error (error);
      if (g_str_has_suffix (out, ".tbx"))
        g_assert_true (validates_as_tbx_basic (out));

      g_autofree char *contents = NULL;
      gsize size;
      g_assert_true (g_file_get_contents (out, &contents, &size, NULL));
      g_autoptr (GBytes) bytes = g_bytes_new (contents, size);
      g_autoptr (GPtrArray) after = dip_glossary_parse (bytes, names[i], DIP_GLOSSARY_FORMAT_AUTO,
                                                        "it", "en-GB", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (after->len, ==, before->len);
      for (guint k = 0; k < before->len; k++)
        {
          const DipGlossaryEntry *a = entry_at (before, k), *b = entry_at (after, k);
          g_assert_cmpstr (a->src_term, ==, b->src_term);
          g_assert_cmpstr (a->tgt_term, ==, b->tgt_term);
          g_assert_cmpint (a->status, ==, b->status);
          g_assert_cmpstr (a->note, ==, b->note);
          if (!g_str_has_suffix (out, ".tsv"))
            g_assert_cmpstr (a->part_of_speech, ==, b->part_of_speech);
        }
    }
}

static void
test_export_empty_tbx (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir->path, "empty.tbx", NULL);
  g_assert_false (dip_project_export_glossary (f->project, out, DIP_GLOSSARY_FORMAT_TBX, &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "needs at least one entry");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_autofree char *unknown = g_build_filename (f->dir->path, "terms.dat", NULL);
  g_assert_false (dip_project_export_glossary (f->project, unknown, DIP_GLOSSARY_FORMAT_AUTO,
                                               &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "terms.dat");
}

/* ---- suggestions ---------------------------------------------------------- */

static void
test_suggest (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pairs = test_pairs_new ();
  test_pairs_add (pairs, "Il partenariato strategico è stato firmato.",
                  "The strategic partnership was signed.");
  test_pairs_add (pairs, "I partenariati strategici preoccupano Tokyo.",
                  "The strategic partnerships worry Tokyo.");
  test_pairs_add (pairs, "Un partenariato strategico di vasta portata.",
                  "A far-reaching strategic partnership.");
  test_pairs_add (pairs, "Le sanzioni del Consiglio di sicurezza.",
                  "The sanctions of the Security Council.");
  test_pairs_add (pairs, "Il Consiglio di sicurezza ha votato.", "The Security Council voted.");
  test_pairs_add (pairs, "Tokyo ha votato le sanzioni.", "Tokyo voted for the sanctions.");
  g_autoptr (DipProject) project = test_pairs_project (f->dir->path, "s.diptych", "it", "en-GB",
                                                       pairs);
  g_autoptr (GPtrArray) found = dip_project_suggest_terms (project, 2, 0, NULL, &error);
  g_assert_no_error (error);

  gboolean partnership = FALSE, council = FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      const DipTermSuggestion *s = g_ptr_array_index (found, i);
      g_test_message ("%.2f %u %s ↔ %s", s->score, s->count, s->src_term, s->tgt_term);
      g_assert_cmpuint (s->beads->len, ==, s->count);
      g_assert_cmpstr (s->src_term, !=, "Tokyo");
      if (g_str_equal (s->src_term, "partenariato strategico"))
        {
          g_assert_cmpstr (s->tgt_term, ==, "strategic partnership");
          g_assert_cmpuint (s->count, ==, 3);
          partnership = TRUE;
        }
      council |= g_str_equal (s->src_term, "Consiglio di sicurezza")
                 && g_str_equal (s->tgt_term, "Security Council");
      /* shorter pairs inside the longer ones are left out */
      g_assert_cmpstr (s->src_term, !=, "strategico");
    }
  g_assert_true (partnership && council);

  /* pairs already in the glossary are not proposed again */
  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new ("partenariato strategico",
                                                               "strategic partnership",
                                                               DIP_TERM_PREFERRED, NULL);
  dip_project_add_glossary_entry (project, entry, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) again = dip_project_suggest_terms (project, 2, 1, NULL, &error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((DipTermSuggestion *) g_ptr_array_index (again, 0))->src_term, !=,
                   "partenariato strategico");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/glossary/add-list-remove", test_add_list_remove);
  ADD ("/glossary/import-merges", test_import_merges);
  ADD ("/glossary/import-bad-input", test_import_bad_input_imports_nothing);
  ADD ("/glossary/export-round-trip", test_export_round_trip);
  ADD ("/glossary/export-empty-tbx", test_export_empty_tbx);
  ADD ("/glossary/suggest", test_suggest);
#undef ADD
  g_test_add_func ("/glossary/status-names", test_status_names);
  g_test_add_func ("/glossary/parse-tsv", test_parse_tsv);
  g_test_add_func ("/glossary/parse-csv", test_parse_csv);
  g_test_add_func ("/glossary/parse-tbx", test_parse_tbx);
  g_test_add_func ("/glossary/parse-errors", test_parse_errors);
  return g_test_run ();
}
