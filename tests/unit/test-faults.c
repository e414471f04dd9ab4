/* test-faults.c — a full disk and a second process: clear errors, and
 * nothing already stored is lost.
 *
 * The full disk is test-fault-vfs.h's shim VFS; test-disk-full.c runs
 * every command that writes against it.
 */
#include <string.h>

#include "test-fault-vfs.h"

static guint
count_documents (DipProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = dip_project_list_documents (project, &error);
  g_assert_no_error (error);
  return docs->len;
}

static void
test_disk_full_during_import (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "full.diptych", NULL);
  g_autofree char *article = test_sample_path ("000-news-it.txt");
  g_autofree char *book = test_sample_path ("003-book-en.txt");
  g_autoptr (GError) error = NULL;

  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);
  gint64 first = dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL,
                                          DIP_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);

  /* The disk fills up in the middle of importing the 1.3 MB book. */
  write_budget = 256 * 1024;
  gint64 second = dip_project_import_text (project, book, DIP_SIDE_TARGET, "en",
                                           DIP_IMPORT_NONE, NULL, &error);
  write_budget = -1;
  g_assert_cmpint (second, ==, 0);
  test_assert_error (error, DIP_ERROR_DISK_FULL, "full.diptych: disk full");
  g_clear_error (&error);

  /* The project is intact: the first document, nothing of the second. */
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_clear_object (&project);
  project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 29);

  /* With space again, the same import works. */
  g_assert_cmpint (dip_project_import_text (project, book, DIP_SIDE_TARGET, "en",
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_disk_full_on_create (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "tiny.diptych", NULL);
  g_autoptr (GError) error = NULL;

  write_budget = 1024;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  write_budget = -1;
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "tiny.diptych"));
  /* Nothing is left behind. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_second_writer_gets_busy (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "shared.diptych", NULL);
  g_autofree char *article = test_sample_path ("000-news-it.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);

  /* Another program holds the write lock for longer than we wait. */
  sqlite3 *other = NULL;
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  gint64 id = dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL, DIP_IMPORT_NONE,
                                       NULL, &error);
  g_assert_cmpint (id, ==, 0);
  test_assert_error (error, DIP_ERROR_BUSY, "in use by another program");
  g_clear_error (&error);

  /* Readers are not blocked by the writer (WAL), and once it is done the
   * import goes through. */
  g_assert_cmpuint (count_documents (project), ==, 0);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  install_shim ();
  g_test_add_func ("/faults/disk-full-during-import", test_disk_full_during_import);
  g_test_add_func ("/faults/disk-full-on-create", test_disk_full_on_create);
  g_test_add_func ("/faults/second-writer-gets-busy", test_second_writer_gets_busy);
  return g_test_run ();
}
