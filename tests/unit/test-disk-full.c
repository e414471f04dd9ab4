/* test-disk-full.c — every command that writes the project, on a disk that
 * fills up at each point of its work in turn.
 *
 * For each command, the shim VFS (test-fault-vfs.h) lets through a budget
 * of bytes that grows until the command succeeds. Each failure before that
 * must be DIP_ERROR_DISK_FULL naming the project file, and the project
 * must reopen, pass PRAGMA integrity_check and hold exactly what it held
 * before. Exports write no project data and are tested from the CLI
 * (tests/cli/test-read-only.sh).
 */
#include <string.h>

#include "test-fault-vfs.h"

typedef gboolean (*WriteCommand) (DipProject *project, const char *dir, GError **error);

/* ---- the project every command starts from ------------------------------ */

static char *base_project;  /* aligned article and summary, a glossary entry */

static void
make_base_project (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *source = test_sample_path ("000-news-it.txt");
  g_autofree char *target = test_sample_path ("000-summary-en.txt");
  base_project = g_build_filename (dir, "base.diptych", NULL);
  g_autoptr (DipProject) project = test_project_of_texts (base_project, source, "it", target,
                                                          "en");
  g_assert_true (dip_project_align (project, NULL, NULL, &error));
  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new ("patto", "pact",
                                                               DIP_TERM_PREFERRED, NULL);
  g_assert_cmpint (dip_project_add_glossary_entry (project, entry, &error), >, 0);
  g_assert_no_error (error);
}

static char *
copy_base_project (const char *dir, const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (base_project, &contents, &length, &error));
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  return path;
}

/* Every row of every table, in storage order: equal strings, equal data. */
static char *
dump_project (const char *path)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_stmt *check = NULL;
  sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &check, NULL);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  sqlite3_finalize (check);

  GString *dump = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;
  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                      -1, &tables, NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      sqlite3_stmt *rows = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", table);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            g_string_append_printf (dump, "%s\t", (const char *) sqlite3_column_text (rows, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* ---- the commands, as the CLI runs them --------------------------------- */

static gboolean
run_import (DipProject *project, const char *dir, GError **error)
{
  g_autofree char *text = test_sample_path ("001-wikipedia-en.txt");
  return dip_project_import_text (project, text, DIP_SIDE_TARGET, "en", DIP_IMPORT_NONE, NULL,
                                  error) > 0;
}

static gboolean
run_align (DipProject *project, const char *dir, GError **error)
{
  return dip_project_align (project, NULL, NULL, error);
}

static gboolean
edit_status (DipProject *project, guint index, DipBeadStatus status, GError **error)
{
  gint64 src, tgt;
  return dip_project_latest_pair (project, &src, &tgt, error)
         && dip_project_set_bead_status (project, src, tgt, index, status, error);
}

static gboolean
run_confirm (DipProject *project, const char *dir, GError **error)
{
  return edit_status (project, 1, DIP_BEAD_CONFIRMED, error);
}

static gboolean
run_merge (DipProject *project, const char *dir, GError **error)
{
  gint64 src, tgt;
  return dip_project_latest_pair (project, &src, &tgt, error)
         && dip_project_merge_beads (project, src, tgt, 0, error);
}

static gboolean
run_split (DipProject *project, const char *dir, GError **error)
{
  gint64 src, tgt;
  return dip_project_latest_pair (project, &src, &tgt, error)
         && dip_project_split_bead (project, src, tgt, 0, 1, 1, error);
}

static gboolean
run_undo (DipProject *project, const char *dir, GError **error)
{
  g_autofree char *action = NULL;
  return dip_project_undo (project, &action, error);
}

static gboolean
run_check (DipProject *project, const char *dir, GError **error)
{
  g_autofree char *dictionaries = g_build_filename (g_getenv ("DIP_TEST_DATA"), "..", "..",
                                                    "dictionaries", NULL);
  DipCheckOptions options = { 0 };
  options.dictionaries_dir = dictionaries;
  g_autoptr (GPtrArray) findings = dip_project_check (project, DIP_CHECK_ALL, &options, NULL,
                                                      error);
  return findings != NULL;
}

static gboolean
run_glossary_add (DipProject *project, const char *dir, GError **error)
{
  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new ("accordo", "agreement",
                                                               DIP_TERM_PREFERRED, "a note");
  return dip_project_add_glossary_entry (project, entry, error) > 0;
}

static gboolean
run_glossary_import (DipProject *project, const char *dir, GError **error)
{
  g_autofree char *path = test_data_path ("glossary/terms.tbx");
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (
    project, path, DIP_GLOSSARY_FORMAT_AUTO, error);
  return report != NULL;
}

static gboolean
run_import_tmx (DipProject *project, const char *dir, GError **error)
{
  g_autofree char *path = test_data_path ("tmx/okapi.tmx");
  return dip_project_import_tmx (project, path, NULL, NULL, error);
}

static gboolean
import_numbered_pairs (DipProject *project, const char *dir, guint n_pairs, GError **error)
{
  GString *tsv = g_string_new (NULL);
  for (guint i = 0; i < n_pairs; i++)
    g_string_append_printf (tsv, "Frase numero %u.\tSentence number %u.\n", i, i);
  g_autofree char *path = g_build_filename (dir, "pairs.tsv", NULL);
  g_assert_true (g_file_set_contents (path, tsv->str, (gssize) tsv->len, NULL));
  g_string_free (tsv, TRUE);
  return dip_project_import_pairs (project, path, NULL, NULL, error);
}

static gboolean
run_import_pairs (DipProject *project, const char *dir, GError **error)
{
  return import_numbered_pairs (project, dir, 300, error);
}

/* Enough pairs that SQLite's page cache spills while the pair writer's
 * thread inserts them, and that it indexes them in more than one
 * statement: the disk fills in the thread, not only at the commit. */
static gboolean
run_import_many_pairs (DipProject *project, const char *dir, GError **error)
{
  return import_numbered_pairs (project, dir, 40000, error);
}

/* ---- the sweep ----------------------------------------------------------- */

typedef struct
{
  const char   *name;
  WriteCommand  prepare;   /* run with space before the sweep, or NULL: a
                            * confirmed bead makes align work around an
                            * anchor; a merge gives split and undo work */
  WriteCommand  command;
} Case;

static void
test_command_on_full_disk (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = copy_base_project (dir->path, "full.diptych");
  g_autoptr (GError) error = NULL;

  if (c->prepare != NULL)
    {
      g_autoptr (DipProject) project = dip_project_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (c->prepare (project, dir->path, &error));
      g_assert_no_error (error);
    }

  guint failures = 0;
  for (gint64 budget = 0;; budget = budget == 0 ? 1024 : budget * 3)
    {
      g_autofree char *before = dump_project (path);
      g_autoptr (DipProject) project = dip_project_open (path, &error);
      g_assert_no_error (error);

      write_budget = budget;
      gboolean ok = c->command (project, dir->path, &error);
      write_budget = -1;
      if (ok)
        {
          g_assert_no_error (error);
          break;
        }
      failures++;
      g_assert_nonnull (error);
      if (!g_error_matches (error, DIP_ERROR, DIP_ERROR_DISK_FULL)
          || strstr (error->message, "full.diptych") == NULL)
        g_error ("%s with %" G_GINT64_FORMAT " bytes of space: “%s” (code %d), not a disk-full "
                 "error naming the project", c->name, budget, error->message, error->code);
      g_clear_error (&error);

      /* What the failed command leaves: the open project still works… */
      g_autofree char *after_in_place = dump_project (path);
      g_assert_cmpstr (after_in_place, ==, before);
      g_clear_object (&project);
      /* …and so does the file, reopened: nothing lost, nothing half done. */
      g_autofree char *after = dump_project (path);
      g_assert_cmpstr (after, ==, before);
      project = dip_project_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (budget, <, 64 << 20);
    }
  g_test_message ("%s: %u disk-full failures before it had room", c->name, failures);
  g_assert_cmpuint (failures, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  install_shim ();
  skip_sync = TRUE;
  g_autoptr (TestTmpDir) base_dir = test_tmpdir_new ();
  make_base_project (base_dir->path);

  static const Case cases[] = {
    { "import", NULL, run_import },
    { "align", run_confirm, run_align },
    { "edit-confirm", NULL, run_confirm },
    { "edit-merge", NULL, run_merge },
    { "edit-split", run_merge, run_split },
    { "edit-undo", run_merge, run_undo },
    { "check", NULL, run_check },
    { "glossary-add", NULL, run_glossary_add },
    { "glossary-import", NULL, run_glossary_import },
    { "import-tmx", NULL, run_import_tmx },
    { "import-pairs", NULL, run_import_pairs },
    { "import-many-pairs", NULL, run_import_many_pairs },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat ("/disk-full/", cases[i].name, NULL);
      g_test_add_data_func (name, &cases[i], test_command_on_full_disk);
    }
  int status = g_test_run ();
  g_free (base_project);
  return status;
}
