/* test-text.c — reading user text files: clean-up and every bad input. */
#include <string.h>

#include "test-util.h"

static DipText *
load_bytes (const char *data, gssize length, GError **error)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = test_write_file (dir, "input.txt", data, length);
  return dip_text_load (path, error);
}

static void
test_bom_crlf_nfc (void)
{
  g_autoptr (GError) error = NULL;
  /* BOM, CRLF, a lone CR, and "e" + combining acute accent. */
  const char input[] = "\xEF\xBB\xBFPerch" "e\xCC\x81\r\nsecond\rthird";
  g_autoptr (DipText) text = load_bytes (input, sizeof input - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text->text, ==, "Perch\xC3\xA9\nsecond\nthird");
  g_assert_cmpuint (text->length, ==, strlen (text->text));
  /* The original bytes are kept exactly. */
  gsize size;
  const char *original = g_bytes_get_data (text->original, &size);
  g_assert_cmpmem (original, size, input, sizeof input - 1);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipText) text = load_bytes ("", 0, &error);
  g_assert_null (text);
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "input.txt: file is empty");
}

static void
test_only_white_space (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipText) text = load_bytes ("\xEF\xBB\xBF \n\t\r\n", -1, &error);
  g_assert_null (text);
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "only white space");
}

static void
test_binary (void)
{
  g_autoptr (GError) error = NULL;
  const char input[] = "line one\nline two\n\x89PNG\0\0\0";
  g_autoptr (DipText) text = load_bytes (input, sizeof input - 1, &error);
  g_assert_null (text);
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "input.txt:3: binary file");
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "byte offset 22");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  /* Latin-1 "è" (0xE8) on line 2, after "ciao " (5 characters). */
  const char input[] = "prima riga\nciao \xE8 bello\n";
  g_autoptr (DipText) text = load_bytes (input, sizeof input - 1, &error);
  g_assert_null (text);
  test_assert_error (error, DIP_ERROR_ENCODING, "input.txt:2:6: invalid UTF-8");
  test_assert_error (error, DIP_ERROR_ENCODING, "byte 0xE8 at byte offset 16");
}

static void
test_utf16 (void)
{
  g_autoptr (GError) error = NULL;
  const char input[] = "\xFF\xFEh\0i\0";
  g_autoptr (DipText) text = load_bytes (input, sizeof input - 1, &error);
  g_assert_null (text);
  test_assert_error (error, DIP_ERROR_ENCODING, "UTF-16");
}

static void
test_missing_and_directory (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *missing = g_build_filename (dir->path, "nope.txt", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (dip_text_load (missing, &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "nope.txt");
  g_clear_error (&error);

  g_assert_null (dip_text_load (dir->path, &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "is a directory");
}

static void
test_fold_apostrophes (void)
{
  g_autofree char *folded = dip_text_fold_apostrophes ("l\xE2\x80\x99" "agenzia d\xCA\xBC" "Italia");
  g_assert_cmpstr (folded, ==, "l'agenzia d'Italia");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/bom-crlf-nfc", test_bom_crlf_nfc);
  g_test_add_func ("/text/empty", test_empty);
  g_test_add_func ("/text/only-white-space", test_only_white_space);
  g_test_add_func ("/text/binary", test_binary);
  g_test_add_func ("/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/text/utf16", test_utf16);
  g_test_add_func ("/text/missing-and-directory", test_missing_and_directory);
  g_test_add_func ("/text/fold-apostrophes", test_fold_apostrophes);
  return g_test_run ();
}
