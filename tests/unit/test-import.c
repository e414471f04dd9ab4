/* test-import.c — importing texts into a project: what is stored, and
 * that bad input leaves no partial document behind. */
#include <string.h>

#include "test-util.h"

typedef ProjectFixture Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  project_fixture_open (f, "it", "en");
}

#define fixture_tear_down project_fixture_close

static void
test_import_sample (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = test_sample_path ("000-news-it.txt");
  gint64 id = dip_project_import_text (f->project, sample, DIP_SIDE_SOURCE, NULL,
                                       DIP_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_autoptr (GPtrArray) docs = dip_project_list_documents (f->project, &error);
  const DipDocumentInfo *info = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (info->name, ==, "000-news-it.txt");
  g_assert_cmpstr (info->lang, ==, "it");
  g_assert_cmpint (info->side, ==, DIP_SIDE_SOURCE);
  g_assert_cmpuint (info->n_paragraphs, ==, 22);
  g_assert_cmpuint (info->n_segments, ==, 29);
  g_assert_cmpint (dip_project_latest_document (f->project, DIP_SIDE_SOURCE, &error), ==, id);

  /* The original bytes are kept exactly. */
  g_autoptr (GBytes) original = dip_project_dup_document_original (f->project, id, &error);
  g_autofree char *file = NULL;
  gsize size;
  g_assert_true (g_file_get_contents (sample, &file, &size, NULL));
  g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), file, size);

  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, id, &error);
  g_assert_cmpuint (segments->len, ==, 29);
  const DipSegment *first = g_ptr_array_index (segments, 0);
  g_assert_cmpint (first->kind, ==, DIP_SEGMENT_DATE);
  g_assert_cmpstr (first->text, ==, "Dom. Lug 14th, 2024");
  g_assert_cmpstr (first->lang, ==, "it");
}

static void
test_import_language_per_paragraph (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sample = test_sample_path ("002-mixed-ro-en.txt");
  gint64 id = dip_project_import_text (f->project, sample, DIP_SIDE_TARGET, "en",
                                       DIP_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, id, &error);
  g_assert_cmpstr (((DipSegment *) g_ptr_array_index (segments, 0))->lang, ==, "ro");
  g_assert_cmpstr (((DipSegment *) g_ptr_array_index (segments, 2))->lang, ==, "en");
}

static void
test_import_presegmented (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = test_write_file (f->dir, "lines.txt",
                                           "Prima frase.  Con spazi.\r\nSeconda riga\r\n", -1);
  gint64 id = dip_project_import_text (f->project, file, DIP_SIDE_SOURCE, NULL,
                                       DIP_IMPORT_PRESEGMENTED, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, id, &error);
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (((DipSegment *) g_ptr_array_index (segments, 0))->text, ==,
                   "Prima frase.  Con spazi.");
}

/* A sentence the file wraps over several lines is stored on one: each run
   of white space with a line break in it is one space. Its offsets still
   point at the lines in the file. */
static void
test_import_unwraps_lines (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char text[] = "Una frase che va\n   a capo e  continua. Poi\r\nun’altra.\n";
  g_autofree char *file = test_write_file (f->dir, "wrapped.txt", text, -1);
  gint64 id = dip_project_import_text (f->project, file, DIP_SIDE_SOURCE, NULL, DIP_IMPORT_NONE,
                                       NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, id, &error);
  g_assert_cmpuint (segments->len, ==, 2);
  const DipSegment *first = g_ptr_array_index (segments, 0);
  const DipSegment *second = g_ptr_array_index (segments, 1);
  g_assert_cmpstr (first->text, ==, "Una frase che va a capo e  continua.");
  g_assert_cmpstr (second->text, ==, "Poi un’altra.");
  g_assert_cmpuint (first->start, ==, 0);
  g_assert_cmpuint (first->end, ==, strlen ("Una frase che va\n   a capo e  continua."));
}

static void
test_import_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *empty = test_write_file (f->dir, "empty.txt", "", 0);
  g_autofree char *binary = test_write_file (f->dir, "image.png", "\x89PNG\r\n\x1a\n\0\0", 10);
  g_autofree char *latin1 = test_write_file (f->dir, "latin1.txt", "caff\xE8\n", -1);
  g_autofree char *missing = g_build_filename (f->dir->path, "missing.txt", NULL);
  const struct { const char *path; int code; const char *needle; } cases[] = {
    { missing, DIP_ERROR_NOT_FOUND, "missing.txt" },
    { f->dir->path, DIP_ERROR_INVALID_INPUT, "is a directory" },
    { empty, DIP_ERROR_INVALID_INPUT, "empty.txt: file is empty" },
    { binary, DIP_ERROR_INVALID_INPUT, "image.png:3: binary file" },
    { latin1, DIP_ERROR_ENCODING, "latin1.txt:1:5: invalid UTF-8" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 id = dip_project_import_text (f->project, cases[i].path, DIP_SIDE_SOURCE, NULL,
                                           DIP_IMPORT_NONE, NULL, &error);
      g_assert_cmpint (id, ==, 0);
      test_assert_error (error, cases[i].code, cases[i].needle);
    }

  g_autoptr (GError) error = NULL;
  g_autofree char *sample = test_sample_path ("000-news-it.txt");
  g_assert_cmpint (dip_project_import_text (f->project, sample, DIP_SIDE_SOURCE, "not a tag",
                                            DIP_IMPORT_NONE, NULL, &error), ==, 0);
  g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);
}

static void
test_import_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *sample = test_sample_path ("000-news-it.txt");
  g_cancellable_cancel (cancellable);
  g_assert_cmpint (dip_project_import_text (f->project, sample, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/import/sample", Fixture, NULL, fixture_set_up, test_import_sample,
              fixture_tear_down);
  g_test_add ("/import/language-per-paragraph", Fixture, NULL, fixture_set_up,
              test_import_language_per_paragraph, fixture_tear_down);
  g_test_add ("/import/presegmented", Fixture, NULL, fixture_set_up, test_import_presegmented,
              fixture_tear_down);
  g_test_add ("/import/unwraps-lines", Fixture, NULL, fixture_set_up, test_import_unwraps_lines,
              fixture_tear_down);
  g_test_add ("/import/bad-input", Fixture, NULL, fixture_set_up, test_import_bad_input,
              fixture_tear_down);
  g_test_add ("/import/cancelled", Fixture, NULL, fixture_set_up, test_import_cancelled,
              fixture_tear_down);
  return g_test_run ();
}
