/* test-store.c — the project file: creation, reopening, migrations, beads,
 * and every file that is not a project. */
#include <string.h>

#include <sqlite3.h>

#include "dip-store.h"
#include "test-util.h"

static char *
checksum_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize size = 0;
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

static void
test_create_and_reopen (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "news.diptych", NULL);
  g_autoptr (GError) error = NULL;

  g_autoptr (DipProject) created = dip_project_create (path, "IT", "en_gb", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dip_project_get_lang (created, DIP_SIDE_SOURCE), ==, "it");
  g_assert_cmpstr (dip_project_get_lang (created, DIP_SIDE_TARGET), ==, "en-GB");
  g_clear_object (&created);

  g_autoptr (DipProject) opened = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dip_project_get_path (opened), ==, path);
  g_assert_cmpstr (dip_project_get_lang (opened, DIP_SIDE_TARGET), ==, "en-GB");
  g_autoptr (GPtrArray) docs = dip_project_list_documents (opened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 0);
  g_assert_cmpint (dip_project_latest_document (opened, DIP_SIDE_SOURCE, &error), ==, 0);
  g_assert_no_error (error);
  gint64 src = -1, tgt = -1;
  g_assert_true (dip_project_latest_pair (opened, &src, &tgt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (src, ==, 0);
  g_assert_cmpint (tgt, ==, 0);

  /* The file is a WAL-mode SQLite database with our application id. */
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DIP_STORE_APPLICATION_ID);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_create_refuses (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *existing = test_write_file (dir, "notes.txt", "keep me", -1);
  g_autoptr (GError) error = NULL;

  g_assert_null (dip_project_create (existing, "it", "en", &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "already exists");
  g_clear_error (&error);
  g_autofree char *kept = NULL;
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "keep me");

  g_autofree char *no_dir = g_build_filename (dir->path, "missing", "p.diptych", NULL);
  g_assert_null (dip_project_create (no_dir, "it", "en", &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "does not exist");
  g_clear_error (&error);

  /* A path below a regular file can never be created. */
  g_autofree char *under_file = g_build_filename (existing, "p.diptych", NULL);
  g_assert_null (dip_project_create (under_file, "it", "en", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "p.diptych"));
  g_clear_error (&error);

  g_autofree char *bad_lang = g_build_filename (dir->path, "p.diptych", NULL);
  g_assert_null (dip_project_create (bad_lang, "italian", "en", &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "italian");
  g_assert_false (g_file_test (bad_lang, G_FILE_TEST_EXISTS));
}

static void
test_create_read_only_folder (void)
{
  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which may write into read-only folders");
      return;
    }
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_chmod (dir->path, 0555);
  g_autofree char *path = g_build_filename (dir->path, "p.diptych", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_null (dip_project_create (path, "it", "en", &error));
  test_assert_error (error, DIP_ERROR_READ_ONLY, "not writable");
  g_chmod (dir->path, 0755);
}

/* Opening each of these fails with `code` and leaves the file unchanged. */
static void
assert_open_fails (const char *path, int code, const char *needle)
{
  g_autofree char *before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? checksum_file (path)
                                                                        : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_null (project);
  test_assert_error (error, code, needle);
  if (before != NULL)
    {
      g_autofree char *after = checksum_file (path);
      g_assert_cmpstr (before, ==, after);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_open_not_a_project (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *missing = g_build_filename (dir->path, "missing.diptych", NULL);
  g_autofree char *empty = test_write_file (dir, "empty.diptych", "", 0);
  g_autofree char *text = test_write_file (dir, "text.diptych", "just some text\n", -1);
  guchar noise[4096];
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) (i * 7919 + 13);
  g_autofree char *random = test_write_file (dir, "random.diptych", (char *) noise, sizeof noise);

  g_autofree char *other = g_build_filename (dir->path, "other.sqlite", NULL);
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails (missing, DIP_ERROR_NOT_FOUND, "missing.diptych");
  assert_open_fails (dir->path, DIP_ERROR_NOT_A_PROJECT, "is a directory");
  assert_open_fails (empty, DIP_ERROR_NOT_A_PROJECT, "empty.diptych: not a Diptych project");
  assert_open_fails (text, DIP_ERROR_NOT_A_PROJECT, "text.diptych: not a Diptych project");
  assert_open_fails (random, DIP_ERROR_NOT_A_PROJECT, "random.diptych");
  assert_open_fails (other, DIP_ERROR_NOT_A_PROJECT, "another program");
}

static void
set_user_version (const char *path, int version)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_newer_version (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "future.diptych", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  set_user_version (path, DIP_PROJECT_SCHEMA_VERSION + 7);
  assert_open_fails (path, DIP_ERROR_NEWER_VERSION, "newer Diptych");
}

static void
test_open_corrupt (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "damaged.diptych", NULL);
  g_autofree char *sample = test_sample_path ("001-wikipedia-en.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, "en", "it", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dip_project_import_text (project, sample, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_clear_object (&project);

  /* Overwrite the middle of the file (b-tree pages) with garbage. */
  g_autofree char *data = NULL;
  gsize size = 0;
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpuint (size, >, 16384);
  memset (data + 4096, 0xA5, size - 8192);
  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
  assert_open_fails (path, DIP_ERROR_CORRUPT, "damaged");
}

/* Writes a project at schema `version`, Italian to English, with the
 * rows `sql` adds, as that version of Diptych would have left it. */
static void
write_old_project (const char *path, int version, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipStore) store = dip_store_create_at_version (path, version, &error);
  g_assert_no_error (error);
  g_assert_true (dip_store_exec (
    store, "INSERT INTO setting VALUES ('source_lang', 'it'), ('target_lang', 'en');", &error));
  g_assert_true (dip_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
test_migrate_from_version_1 (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "old.diptych", NULL);
  g_autoptr (GError) error = NULL;

  /* A project as version 1 wrote it, with a document and a segment. */
  write_old_project (
    path, 1,
    "INSERT INTO document VALUES (1, 'source', 'a.txt', 'it', 0, x'6369616f', 'ciao', 'now');"
    "INSERT INTO paragraph VALUES (1, 0, 'it', 0, 4);"
    "INSERT INTO segment VALUES (1, 1, 0, 0, 'sentence', 0, 4, 'ciao partenariato');");

  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpstr (((DipSegment *) g_ptr_array_index (segments, 0))->text, ==,
                   "ciao partenariato");
  g_clear_object (&project);

  /* Version 2's tables exist and the full-text index covers old segments. */
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM edit),"
                                           " (SELECT rowid FROM segment_fts"
                                           "   WHERE segment_fts MATCH 'partenariato')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DIP_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Version 2 kept a row per segment in segment_fts_docsize; version 3's
 * index has no such table, holds the old segments and still ranks. */
static void
test_migrate_from_version_2 (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "v2.diptych", NULL);
  g_autoptr (GError) error = NULL;

  write_old_project (
    path, 2,
    "INSERT INTO document VALUES (1, 'source', 'a.txt', 'it', 0, x'', '', 'now');"
    "INSERT INTO paragraph VALUES (1, 0, 'it', 0, 40);"
    "INSERT INTO segment VALUES (1, 1, 0, 0, 'sentence', 0, 17, 'ciao partenariato');"
    "INSERT INTO segment VALUES (2, 1, 1, 0, 'sentence', 18, 40,"
    "  'partenariato partenariato strategico');");

  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO segment_fts (segment_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                           " (SELECT count(*) FROM sqlite_schema"
                                           "   WHERE name = 'segment_fts_docsize'),"
                                           " (SELECT group_concat(rowid) FROM"
                                           "   (SELECT rowid FROM segment_fts"
                                           "     WHERE segment_fts MATCH 'partenariato'"
                                           "     ORDER BY rank))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, DIP_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  /* The segment that says it twice ranks first. */
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2,1");
  sqlite3_finalize (stmt);

  /* The triggers keep the new index in step. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE segment SET text = 'ciao' WHERE id = 1;"
                                     "INSERT INTO segment_fts (segment_fts)"
                                     " VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_beads_round_trip (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "beads.diptych", NULL);
  g_autofree char *sample = test_sample_path ("000-news-it.txt");
  g_autofree char *summary = test_sample_path ("000-summary-en.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  gint64 src = dip_project_import_text (project, sample, DIP_SIDE_SOURCE, NULL, DIP_IMPORT_NONE,
                                        NULL, &error);
  g_assert_no_error (error);
  gint64 tgt = dip_project_import_text (project, summary, DIP_SIDE_TARGET, NULL, DIP_IMPORT_NONE,
                                        NULL, &error);
  g_assert_no_error (error);

  g_autoptr (GArray) beads = g_array_new (FALSE, TRUE, sizeof (DipBead));
  DipBead b1 = { 0, 0, 1, 0, 1, 0.98, DIP_BEAD_CONFIRMED };
  DipBead b2 = { 0, 1, 2, 1, 0, 0.4, DIP_BEAD_AUTO };
  DipBead b3 = { 0, 3, 1, 1, 1, 0.75, DIP_BEAD_REJECTED };
  g_array_append_val (beads, b1);
  g_array_append_val (beads, b2);
  g_array_append_val (beads, b3);
  g_assert_true (dip_project_replace_beads (project, src, tgt, beads, "align", &error));
  g_assert_no_error (error);

  /* An invalid bead is refused and nothing changes. */
  g_autoptr (GArray) bad = g_array_new (FALSE, TRUE, sizeof (DipBead));
  DipBead empty = { 0, 5, 0, 5, 0, 0.5, DIP_BEAD_AUTO };
  g_array_append_val (bad, empty);
  g_assert_false (dip_project_replace_beads (project, src, tgt, bad, "align", &error));
  g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_object (&project);

  project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GArray) back = dip_project_list_beads (project, src, tgt, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      DipBead *want = &g_array_index (beads, DipBead, i);
      DipBead *got = &g_array_index (back, DipBead, i);
      g_assert_cmpint (got->id, >, 0);
      g_assert_cmpuint (got->src_start, ==, want->src_start);
      g_assert_cmpuint (got->src_count, ==, want->src_count);
      g_assert_cmpuint (got->tgt_start, ==, want->tgt_start);
      g_assert_cmpuint (got->tgt_count, ==, want->tgt_count);
      g_assert_cmpfloat_with_epsilon (got->confidence, want->confidence, 1e-9);
      g_assert_cmpint (got->status, ==, want->status);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/store/create-refuses", test_create_refuses);
  g_test_add_func ("/store/create-read-only-folder", test_create_read_only_folder);
  g_test_add_func ("/store/open-not-a-project", test_open_not_a_project);
  g_test_add_func ("/store/open-newer-version", test_open_newer_version);
  g_test_add_func ("/store/open-corrupt", test_open_corrupt);
  g_test_add_func ("/store/migrate-from-version-1", test_migrate_from_version_1);
  g_test_add_func ("/store/migrate-from-version-2", test_migrate_from_version_2);
  g_test_add_func ("/store/beads-round-trip", test_beads_round_trip);
  return g_test_run ();
}
