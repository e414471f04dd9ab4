/* dip-store.c — the SQLite file under a project.
 *
 * A file is recognised as a project by its SQLite header and its
 * application_id before anything is written to it, so opening the wrong
 * file never changes it. Migrations run in one transaction: a file is at
 * one schema version or the next, never in between.
 */
#include "dip-config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#include "dip-schema.h"
#include "dip-store.h"

#define BUSY_TIMEOUT_MS 3000

struct _DipStore
{
  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* const char *sql → sqlite3_stmt* */
  gboolean    triggers_off;  /* between suspending and resuming the segment index */
  gboolean    bulk;          /* in a transaction begun by dip_store_begin_bulk */
  gboolean    sole_user;     /* see dip_store_set_sole_user */
  gboolean    left_wal;      /* the bulk transaction runs on a rollback journal */
  int         cache_size;    /* …and the connection's settings before it */
  int         temp_store;
  int         foreign_keys;
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

void
dip_store_free (DipStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->statements, g_hash_table_unref);
  if (store->db)
    sqlite3_close_v2 (store->db);
  g_free (store->path);
  g_free (store);
}

sqlite3 *
dip_store_get_db (DipStore *store)
{
  return store->db;
}

const char *
dip_store_get_path (DipStore *store)
{
  return store->path;
}

static int
code_for (int rc)
{
  switch (rc & 0xFF)
    {
    case SQLITE_FULL:
      return DIP_ERROR_DISK_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return DIP_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DIP_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DIP_ERROR_CORRUPT;
    case SQLITE_IOERR:
      return DIP_ERROR_IO;
    default:
      return DIP_ERROR_FAILED;
    }
}

gboolean
dip_store_fail (DipStore *store, int rc, const char *what, GError **error)
{
  const char *detail = store && store->db ? sqlite3_errmsg (store->db) : sqlite3_errstr (rc);
  const char *path = store ? store->path : "project";
  int code = code_for (rc);

  switch (code)
    {
    case DIP_ERROR_DISK_FULL:
      g_set_error (error, DIP_ERROR, code, "%s: disk full while %s; nothing was changed", path,
                   what);
      break;
    case DIP_ERROR_READ_ONLY:
      g_set_error (error, DIP_ERROR, code, "%s: cannot write the project while %s (%s)", path,
                   what, detail);
      break;
    case DIP_ERROR_BUSY:
      g_set_error (error, DIP_ERROR, code,
                   "%s: the project is in use by another program; try again when it is done",
                   path);
      break;
    case DIP_ERROR_CORRUPT:
      g_set_error (error, DIP_ERROR, code, "%s: the project file is damaged (%s)", path, detail);
      break;
    default:
      g_set_error (error, DIP_ERROR, code, "%s: %s failed: %s", path, what, detail);
      break;
    }
  return FALSE;
}

gboolean
dip_store_exec (DipStore *store, const char *sql, GError **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK || dip_store_fail (store, rc, "updating the schema", error);
}

sqlite3_stmt *
dip_store_statement (DipStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  int rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      dip_store_fail (store, rc, "preparing a query", error);
      return NULL;
    }
  g_hash_table_insert (store->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
dip_store_step_done (DipStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || dip_store_fail (store, rc, "writing", error);
}

gboolean
dip_store_begin (DipStore *store, GError **error)
{
  /* IMMEDIATE takes the write lock now, so a second process waits (up to
   * the busy timeout) or fails here, before any work is done. */
  int rc = sqlite3_exec (store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  return rc == SQLITE_OK || dip_store_fail (store, rc, "starting a transaction", error);
}

/* A bulk import writes more pages than the default page cache (2 MB)
 * holds, and SQLite spills them to the WAL mid-transaction and reads some
 * back; and each of its multi-row statements keeps a statement journal of
 * the pages it changes, in a temporary file past 64 kB. During a bulk
 * transaction the cache is larger and statement journals stay in memory:
 * both bounded, whatever the input's size. Foreign keys are not checked
 * either: the bulk writer refers only to the documents it has just made
 * itself, and checking cost three look-ups of a document a pair (a tenth
 * of its inserting thread). All of it set before BEGIN, which is when
 * SQLite decides where statement journals go, and outside which
 * foreign_keys cannot change. */
#define BULK_CACHE_KB 32768

static gboolean pragma_int (DipStore *store, const char *sql, int *out_value, GError **error);

static gboolean
set_pragma_int (DipStore *store, const char *name, int value, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %d", name, value);
  return dip_store_exec (store, sql, error);
}

void
dip_store_set_sole_user (DipStore *store, gboolean sole_user)
{
  store->sole_user = sole_user;
}

/* In write-ahead-log mode each page of a bulk import is written twice: to
 * the log, then into the file when the log is checkpointed at the commit
 * (a fifth of a million-unit import, mostly the kernel copying pages). A
 * rollback journal keeps only the pages the transaction changes that
 * existed before, almost none for an import, which only adds pages. The
 * switch needs the file to itself, so it is tried without waiting and only
 * for a sole user; otherwise, and on any failure, the log stays. */
static void
leave_wal_if_alone (DipStore *store)
{
  if (!store->sole_user)
    return;
  sqlite3_busy_timeout (store->db, 0);
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode = TRUNCATE", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    store->left_wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                                          "truncate") == 0;
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);
}

static void
return_to_wal (DipStore *store)
{
  if (!store->left_wal)
    return;
  store->left_wal = FALSE;
  /* Should another connection have come meanwhile, the file stays in the
     rollback mode until the next open, which sets the log again. */
  sqlite3_exec (store->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
}

gboolean
dip_store_begin_bulk (DipStore *store, GError **error)
{
  g_return_val_if_fail (!store->bulk, FALSE);
  if (!pragma_int (store, "PRAGMA cache_size", &store->cache_size, error)
      || !pragma_int (store, "PRAGMA temp_store", &store->temp_store, error)
      || !pragma_int (store, "PRAGMA foreign_keys", &store->foreign_keys, error))
    return FALSE;
  store->bulk = TRUE;
  leave_wal_if_alone (store);
  if (set_pragma_int (store, "temp_store", 2 /* MEMORY */, error)
      && set_pragma_int (store, "cache_size", -BULK_CACHE_KB, error)
      && set_pragma_int (store, "foreign_keys", 0, error)
      && dip_store_begin (store, error))
    return TRUE;
  dip_store_rollback (store);  /* only ends the bulk settings */
  return FALSE;
}

/* Back to the connection's usual settings after a bulk transaction. */
static void
end_bulk (DipStore *store)
{
  if (!store->bulk)
    return;
  store->bulk = FALSE;
  set_pragma_int (store, "temp_store", store->temp_store, NULL);
  set_pragma_int (store, "cache_size", store->cache_size, NULL);
  set_pragma_int (store, "foreign_keys", store->foreign_keys, NULL);
  return_to_wal (store);
}

gboolean
dip_store_commit (DipStore *store, GError **error)
{
  int rc = sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      end_bulk (store);
      return TRUE;
    }
  dip_store_fail (store, rc, "saving", error);
  dip_store_rollback (store);
  return FALSE;
}

static gboolean
set_triggers (DipStore *store, gboolean enabled, GError **error)
{
  int rc = sqlite3_db_config (store->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0,
                              (int *) NULL);
  if (rc != SQLITE_OK)
    return dip_store_fail (store, rc, "switching triggers", error);
  store->triggers_off = !enabled;
  return TRUE;
}

void
dip_store_rollback (DipStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  /* Nothing was indexed, and nothing of what was inserted is left. */
  if (store->triggers_off)
    set_triggers (store, TRUE, NULL);
  end_bulk (store);
}

/* FTS5 merges its b-tree segments a little at each write ('automerge', 4
 * segments of a level by default). A bulk index merges as much with
 * merging off until the end: FTS5 still merges a level that reaches 16
 * segments ('crisismerge'), and then 20 % less time goes into the index,
 * for an index of 17 segments instead of 11 after a million pairs, which
 * queries as fast. FTS5 writes a segment whenever its pending terms pass
 * 'hashsize' bytes (1 MB by default): a larger one during a bulk index
 * makes fewer, larger segments, so that fewer reach a merge. The settings
 * are stored in the file, in the transaction, so a rollback undoes them;
 * the project never sets them otherwise. */
#define FTS5_DEFAULT_AUTOMERGE 4
#define FTS5_DEFAULT_HASHSIZE (1024 * 1024)
#define BULK_HASHSIZE (32 * 1024 * 1024)

static gboolean
set_fts_option (DipStore *store, const char *name, int value, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "INSERT INTO segment_fts (segment_fts, rank) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, value);
  return dip_store_step_done (store, stmt, error);
}

static gint64
last_segment_id (DipStore *store, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (store, "SELECT ifnull(max(id), 0) FROM segment",
                                            error);
  if (stmt == NULL)
    return -1;
  int rc = sqlite3_step (stmt);
  gint64 last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      dip_store_fail (store, rc, "reading segments", error);
      return -1;
    }
  return last;
}

gint64
dip_store_suspend_segment_index (DipStore *store, GError **error)
{
  g_return_val_if_fail (!sqlite3_get_autocommit (store->db), -1);
  g_return_val_if_fail (!store->triggers_off, -1);

  gint64 last = last_segment_id (store, error);
  if (last < 0 || !set_fts_option (store, "automerge", 0, error)
      || !set_fts_option (store, "hashsize", BULK_HASHSIZE, error))
    return -1;
  return set_triggers (store, FALSE, error) ? last : -1;
}

gint64
dip_store_index_segments (DipStore *store, gint64 after_id, GError **error)
{
  g_return_val_if_fail (store->triggers_off, -1);

  /* Rows get ids above the largest one (INTEGER PRIMARY KEY without
   * AUTOINCREMENT), so the rows above `after_id` are those inserted since
   * the suspension, or since the last call: exactly what the insert
   * trigger would have indexed. */
  gint64 last = last_segment_id (store, error);
  if (last < 0)
    return -1;
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "INSERT INTO segment_fts (rowid, text) SELECT id, text FROM segment"
    " WHERE id > ?1 AND id <= ?2",
    error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, after_id);
  sqlite3_bind_int64 (stmt, 2, last);
  return dip_store_step_done (store, stmt, error) ? last : -1;
}

gboolean
dip_store_resume_segment_index (DipStore *store, gint64 after_id, GError **error)
{
  g_return_val_if_fail (store->triggers_off, FALSE);

  gboolean ok = dip_store_index_segments (store, after_id, error) >= 0
                && set_fts_option (store, "automerge", FTS5_DEFAULT_AUTOMERGE, error)
                && set_fts_option (store, "hashsize", FTS5_DEFAULT_HASHSIZE, error);
  /* On again even after a failure: the caller rolls back, and the
   * connection's later edits need their triggers. */
  return set_triggers (store, TRUE, ok ? error : NULL) && ok;
}

static gboolean
pragma_int (DipStore *store, const char *sql, int *out_value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *out_value = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xFF) == SQLITE_NOTADB)
        g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_A_PROJECT,
                     "%s: not a Diptych project (not a database)", store->path);
      else
        dip_store_fail (store, rc, "reading the project header", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migrations (DipStore *store, int from, int to, GError **error)
{
  if (from >= to)
    return TRUE;
  if (!dip_store_begin (store, error))
    return FALSE;
  for (int v = from; v < to; v++)
    if (!dip_store_exec (store, dip_schema_migrations[v], error))
      {
        dip_store_rollback (store);
        return FALSE;
      }
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to);
  if (!dip_store_exec (store, set_version, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}

static DipStore *
store_new (const char *path)
{
  DipStore *store = g_new0 (DipStore, 1);
  store->path = g_strdup (path);
  store->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             finalize_statement);
  return store;
}

static gboolean
connect (DipStore *store, int flags, GError **error)
{
  int rc = sqlite3_open_v2 (store->path, &store->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, code_for (rc), "%s: cannot open: %s", store->path,
                   saved ? g_strerror (saved) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);
  return TRUE;
}

/* Settings every connection needs; WAL is persistent in the file, so it is
 * only switched on for files already known to be projects. */
static gboolean
configure (DipStore *store, GError **error)
{
  return dip_store_exec (store, "PRAGMA foreign_keys = ON", error)
         && dip_store_exec (store, "PRAGMA journal_mode = WAL", error)
         && dip_store_exec (store, "PRAGMA synchronous = NORMAL", error);
}

void
dip_store_remove_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

DipStore *
dip_store_create_at_version (const char *path, int version, GError **error)
{
  g_return_val_if_fail (version >= 1 && version <= dip_schema_n_migrations, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: already exists; choose another name", path);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND, "%s: folder %s does not exist", path,
                   dir);
      return NULL;
    }
  if (access (dir, W_OK) != 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_READ_ONLY,
                   "%s: cannot create the project: folder %s is not writable", path, dir);
      return NULL;
    }

  g_autoptr (DipStore) store = store_new (path);
  errno = 0;
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             DIP_STORE_APPLICATION_ID);
  if (!connect (store, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error)
      || !dip_store_exec (store, set_id, error) || !configure (store, error)
      || !apply_migrations (store, 0, version, error))
    {
      g_clear_pointer (&store, dip_store_free);
      dip_store_remove_files (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}

DipStore *
dip_store_create (const char *path, GError **error)
{
  return dip_store_create_at_version (path, dip_schema_n_migrations, error);
}

/* Checks, without writing, that `path` is an SQLite file at all. */
static gboolean
check_file (const char *path, GError **error)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, saved == ENOENT ? DIP_ERROR_NOT_FOUND : DIP_ERROR_IO,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_A_PROJECT,
                   "%s: is a directory, not a Diptych project", path);
      return FALSE;
    }

  char header[16] = { 0 };
  FILE *f = fopen (path, "rb");
  size_t n = f ? fread (header, 1, sizeof header, f) : 0;
  if (f)
    fclose (f);
  else
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_A_PROJECT,
                   "%s: not a Diptych project (%s)", path,
                   n == 0 ? "the file is empty" : "not an SQLite database");
      return FALSE;
    }
  if (access (path, W_OK) != 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_READ_ONLY,
                   "%s: the project file is read-only; copy it or change its permissions", path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (DipStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  gboolean ok = rc == SQLITE_ROW
                && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  g_autofree char *detail = rc == SQLITE_ROW
                              ? g_strdup ((const char *) sqlite3_column_text (stmt, 0))
                              : g_strdup (sqlite3_errmsg (store->db));
  sqlite3_finalize (stmt);
  if (!ok)
    g_set_error (error, DIP_ERROR, DIP_ERROR_CORRUPT,
                 "%s: the project file is damaged (%s); open a backup copy", store->path,
                 detail);
  return ok;
}

DipStore *
dip_store_open (const char *path, gboolean check_damage, GError **error)
{
  if (!check_file (path, error))
    return NULL;

  g_autoptr (DipStore) store = store_new (path);
  errno = 0;
  if (!connect (store, SQLITE_OPEN_READWRITE, error))
    return NULL;

  int app_id, version;
  if (!pragma_int (store, "PRAGMA application_id", &app_id, error))
    return NULL;
  if (app_id != DIP_STORE_APPLICATION_ID)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_A_PROJECT,
                   "%s: not a Diptych project (an SQLite database of another program)", path);
      return NULL;
    }
  if (!pragma_int (store, "PRAGMA user_version", &version, error))
    return NULL;
  if (version > dip_schema_n_migrations)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NEWER_VERSION,
                   "%s: made by a newer Diptych (schema %d; this version reads up to %d); "
                   "update Diptych to open it", path, version, dip_schema_n_migrations);
      return NULL;
    }
  if (version < 1)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_A_PROJECT,
                   "%s: not a Diptych project (no schema)", path);
      return NULL;
    }
  if ((check_damage && !check_integrity (store, error)) || !configure (store, error)
      || !apply_migrations (store, version, dip_schema_n_migrations, error))
    return NULL;
  return g_steal_pointer (&store);
}
