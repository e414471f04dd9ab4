/* test-pairs.c — "source TAB target" files: texts kept exactly on import,
 * every bad line refused with its position and nothing stored, and the
 * export that reads back the same. */
#include <string.h>

#include "test-util.h"

typedef ProjectFixture Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  project_fixture_open (f, "ro", "en");
}

#define fixture_tear_down project_fixture_close

static void
assert_texts (DipProject *project, gint64 document, const char *const *want)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, g_strv_length ((char **) want));
  for (guint i = 0; i < segments->len; i++)
    {
      const DipSegment *s = g_ptr_array_index (segments, i);
      g_assert_cmpstr (s->text, ==, want[i]);
      g_assert_cmpuint (s->position, ==, i);
    }
}

static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = test_write_file (
    f->dir, "pairs.tsv",
    "\xEF\xBB\xBF" "Bună ziua.\tGood morning.\r\n"
    "\r\n"
    "  Două  spații \t two  spaces \r\n"
    "Cafe\xCC\x81 (NFD)\tCafé\n"
    "   \n"
    "Ultima\tLast", -1);
  DipImportReport report;
  g_assert_true (dip_project_import_pairs (f->project, file, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_read, ==, 4);
  g_assert_cmpuint (report.n_imported, ==, 4);
  g_assert_cmpuint (report.n_skipped, ==, 0);

  const char *const src[] = { "Bună ziua.", "  Două  spații ", "Café (NFD)", "Ultima", NULL };
  const char *const tgt[] = { "Good morning.", " two  spaces ", "Café", "Last", NULL };
  assert_texts (f->project, report.src_document, src);
  assert_texts (f->project, report.tgt_document, tgt);

  g_autoptr (GPtrArray) docs = dip_project_list_documents (f->project, &error);
  const DipDocumentInfo *source = g_ptr_array_index (docs, 0);
  const DipDocumentInfo *target = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (source->name, ==, "pairs.tsv");
  g_assert_cmpstr (source->lang, ==, "ro");
  g_assert_cmpstr (target->lang, ==, "en");
  g_assert_cmpint (source->side, ==, DIP_SIDE_SOURCE);
  g_assert_cmpint (target->side, ==, DIP_SIDE_TARGET);
  g_assert_true (source->presegmented);
  g_assert_cmpuint (source->n_paragraphs, ==, 1);

  /* The document's text is its segments one a line, and offsets point
   * into it. */
  g_autoptr (GBytes) original = dip_project_dup_document_original (f->project, source->id,
                                                                   &error);
  const char *want = "Bună ziua.\n  Două  spații \nCafé (NFD)\nUltima";
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), want,
                   strlen (want));
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, source->id, &error);
  const DipSegment *second = g_ptr_array_index (segments, 1);
  g_assert_cmpmem (want + second->start, second->end - second->start, second->text,
                   strlen (second->text));

  g_autoptr (GArray) beads = dip_project_list_beads (f->project, report.src_document,
                                                     report.tgt_document, &error);
  g_assert_cmpuint (beads->len, ==, 4);
  for (guint i = 0; i < beads->len; i++)
    {
      const DipBead *b = &g_array_index (beads, DipBead, i);
      g_assert_cmpint (b->status, ==, DIP_BEAD_CONFIRMED);
      g_assert_cmpuint (b->src_start, ==, i);
      g_assert_cmpuint (b->tgt_start, ==, i);
      g_assert_cmpuint (b->src_count, ==, 1);
      g_assert_cmpuint (b->tgt_count, ==, 1);
    }
}

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  const struct { const char *name; const char *contents; int code; const char *needle; } cases[] = {
    { "no-tab.tsv", "Unu\tOne\nDoi Two\n", DIP_ERROR_INVALID_INPUT,
      "no-tab.tsv:2: no TAB" },
    { "two-tabs.tsv", "Unu\tOne\n\nTrei\tThree\tdrei\n", DIP_ERROR_INVALID_INPUT,
      "two-tabs.tsv:3:11: a second TAB" },
    { "empty-target.tsv", "Unu\tOne\nDoi\t  \n", DIP_ERROR_INVALID_INPUT,
      "empty-target.tsv:2: the target text is empty" },
    { "empty-source.tsv", "\tOne\n", DIP_ERROR_INVALID_INPUT,
      "empty-source.tsv:1: the source text is empty" },
    { "latin1.tsv", "Unu\tOne\ncaf\xE8\tcoffee\n", DIP_ERROR_ENCODING,
      "latin1.tsv:2:4: invalid UTF-8" },
    { "blank.tsv", "\n  \n", DIP_ERROR_INVALID_INPUT, "blank.tsv: file has no text" },
    { "binary.tsv", "a\tb\n\0\0", DIP_ERROR_INVALID_INPUT, "binary.tsv:2: binary file" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gssize length = g_str_equal (cases[i].name, "binary.tsv") ? 6 : -1;
      g_autofree char *file = test_write_file (f->dir, cases[i].name, cases[i].contents, length);
      g_assert_false (dip_project_import_pairs (f->project, file, NULL, NULL, &error));
      test_assert_error (error, cases[i].code, cases[i].needle);
    }

  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir->path, "missing.tsv", NULL);
  g_assert_false (dip_project_import_pairs (f->project, missing, NULL, NULL, &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "missing.tsv");
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);
}

/* Lines end at LF, CRLF or a lone CR, wherever the reader's buffers
 * split them; line numbers in messages count them so. */
static void
test_import_line_ends (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = test_write_file (f->dir, "cr.tsv", "Unu\tOne\rDoi\tTwo\r\rTrei\tThree",
                                           -1);
  DipImportReport report;
  g_assert_true (dip_project_import_pairs (f->project, file, &report, NULL, &error));
  g_assert_no_error (error);
  const char *const src[] = { "Unu", "Doi", "Trei", NULL };
  assert_texts (f->project, report.src_document, src);

  /* A CR as the last byte of the first 64 KiB, its LF the first of the
   * next: one line end, so the bad line is line 2. */
  GString *text = g_string_new (NULL);
  g_string_append_c (text, 'a');
  while (text->len < 65535 - 2)
    g_string_append_c (text, 'a');
  g_string_append (text, "\tb\r\nno tab here\n");
  g_assert_cmpint (text->str[65535], ==, '\r');
  g_autofree char *split = test_write_file (f->dir, "split.tsv", text->str, -1);
  g_string_free (text, TRUE);
  g_assert_false (dip_project_import_pairs (f->project, split, NULL, NULL, &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "split.tsv:2: no TAB");
  g_assert_cmpuint (test_count_documents (f->project), ==, 2);
}

/* The line of `n`: some in NFD, which is stored in NFC; from line 300 on,
 * every 4th long enough (160 KB) that a batch of pairs fills by size (1 MB)
 * before it has its 64 pairs. */
static char *
numbered_line (guint n, gboolean nfd)
{
  g_autofree char *filler = n >= 300 && n % 4 == 0 ? g_strnfill (160 * 1024, 'x') : g_strdup ("");
  return g_strdup_printf ("Caf%s %u%s\tCoffee %u\n", nfd ? "e\xCC\x81" : "\xC3\xA9", n,
                          filler, n);
}

/* Pairs are inserted many at a time; each must still land in its place,
 * with its offsets, whatever the batch it came in. */
static void
test_import_many (Fixture *f, gconstpointer data)
{
  enum { N_LINES = 450 };
  GString *tsv = g_string_new (NULL);
  for (guint n = 0; n < N_LINES; n++)
    {
      g_autofree char *line = numbered_line (n, n % 3 == 0);
      g_string_append (tsv, line);
    }
  g_autofree char *file = test_write_file (f->dir, "many.tsv", tsv->str, -1);
  g_string_free (tsv, TRUE);

  g_autoptr (GError) error = NULL;
  DipImportReport report;
  g_assert_true (dip_project_import_pairs (f->project, file, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_imported, ==, N_LINES);

  g_autoptr (GBytes) original = dip_project_dup_document_original (f->project,
                                                                   report.src_document, &error);
  const char *text = g_bytes_get_data (original, NULL);
  g_autoptr (GPtrArray) sources = dip_project_list_segments (f->project, report.src_document,
                                                             &error);
  g_autoptr (GPtrArray) targets = dip_project_list_segments (f->project, report.tgt_document,
                                                             &error);
  g_assert_cmpuint (sources->len, ==, N_LINES);
  g_assert_cmpuint (targets->len, ==, N_LINES);
  for (guint n = 0; n < N_LINES; n++)
    {
      g_autofree char *line = numbered_line (n, FALSE);
      const DipSegment *s = g_ptr_array_index (sources, n);
      const DipSegment *t = g_ptr_array_index (targets, n);
      g_autofree char *want_source = g_strndup (line, strcspn (line, "\t"));
      g_autofree char *want_target = g_strdup_printf ("Coffee %u", n);
      g_assert_cmpstr (s->text, ==, want_source);
      g_assert_cmpstr (t->text, ==, want_target);
      g_assert_cmpuint (s->position, ==, n);
      g_assert_cmpmem (text + s->start, s->end - s->start, s->text, strlen (s->text));
    }

  g_autoptr (GArray) beads = dip_project_list_beads (f->project, report.src_document,
                                                     report.tgt_document, &error);
  g_assert_cmpuint (beads->len, ==, N_LINES);
  for (guint i = 0; i < beads->len; i++)
    {
      const DipBead *b = &g_array_index (beads, DipBead, i);
      g_assert_cmpuint (b->src_start, ==, i);
      g_assert_cmpuint (b->tgt_start, ==, i);
    }
}

static char *
export_tsv (Fixture *f, DipProject *project, const char *name, DipExportReport *report)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir->path, name, NULL);
  g_assert_true (dip_project_export_tsv (project, path, NULL, report, NULL, &error));
  g_assert_no_error (error);
  char *contents = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *tsv = "Bună ziua.\tGood morning.\n  Două  spații \t two  spaces \n";
  g_autofree char *file = test_write_file (f->dir, "pairs.tsv", tsv, -1);
  g_assert_true (dip_project_import_pairs (f->project, file, NULL, NULL, &error));

  /* A TMX segment may hold TAB and line breaks; in TSV they become spaces. */
  g_autofree char *tmx = test_write_file (
    f->dir, "breaks.tmx",
    "<tmx version=\"1.4\"><header/><body><tu>"
    "<tuv xml:lang=\"ro\"><seg>Rândul unu\nrândul doi</seg></tuv>"
    "<tuv xml:lang=\"en\"><seg>Col&#9;umn&#13;</seg></tuv></tu></body></tmx>", -1);
  g_assert_true (dip_project_import_tmx (f->project, tmx, NULL, NULL, &error));
  g_assert_no_error (error);

  DipExportReport report;
  g_autofree char *out = export_tsv (f, f->project, "out.tsv", &report);
  g_assert_cmpstr (out, ==,
                   "Bună ziua.\tGood morning.\n"
                   "  Două  spații \t two  spaces \n"
                   "Rândul unu rândul doi\tCol umn \n");
  g_assert_cmpuint (report.n_written, ==, 3);
  g_assert_cmpuint (report.n_altered_chars, ==, 3);
  g_assert_cmpint (report.first_altered_bead, >, 0);

  /* Out, in and out again: the same bytes. */
  g_autofree char *path = g_build_filename (f->dir->path, "again.diptych", NULL);
  g_autoptr (DipProject) again = dip_project_create (path, "ro", "en", &error);
  g_autofree char *out_path = g_build_filename (f->dir->path, "out.tsv", NULL);
  g_assert_true (dip_project_import_pairs (again, out_path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_autofree char *second = export_tsv (f, again, "second.tsv", &report);
  g_assert_cmpstr (second, ==, out);
  g_assert_cmpuint (report.n_altered_chars, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/pairs/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/pairs/import-bad", Fixture, NULL, fixture_set_up, test_import_bad,
              fixture_tear_down);
  g_test_add ("/pairs/import-line-ends", Fixture, NULL, fixture_set_up, test_import_line_ends,
              fixture_tear_down);
  g_test_add ("/pairs/import-many", Fixture, NULL, fixture_set_up, test_import_many,
              fixture_tear_down);
  g_test_add ("/pairs/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  return g_test_run ();
}
