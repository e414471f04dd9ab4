/* dip-store.h — the SQLite file under a project: opening, schema
 * migrations, transactions, cached prepared statements and error mapping.
 * Internal to libdiptych. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

/* 'DIPT': marks a SQLite file as a Diptych project (PRAGMA application_id). */
#define DIP_STORE_APPLICATION_ID 0x44495054

typedef struct _DipStore DipStore;

/* Creates a new project file at `path` with the latest schema; fails if the
 * file exists. On failure nothing is left behind. */
DipStore     *dip_store_create (const char *path, GError **error);

/* Opens an existing project and migrates it to the latest schema. */
DipStore     *dip_store_open (const char *path, gboolean check_damage, GError **error);

/* Creates a file with the schema as it was at `version` (tests of the
 * migrations use it to make old projects). */
DipStore     *dip_store_create_at_version (const char *path, int version, GError **error);

void          dip_store_free (DipStore *store);

/* Deletes a project file with its -wal, -shm and -journal companions (used
 * to leave nothing behind when creating a project fails). */
void          dip_store_remove_files (const char *path);

sqlite3      *dip_store_get_db (DipStore *store);
const char   *dip_store_get_path (DipStore *store);

/* A statement prepared once per store and reset for each use. `sql` must
 * be a string literal: its address is the cache key. */
sqlite3_stmt *dip_store_statement (DipStore *store, const char *sql, GError **error);

gboolean      dip_store_begin (DipStore *store, GError **error);
gboolean      dip_store_commit (DipStore *store, GError **error);
/* Begins a transaction that writes a large amount (a bulk import), with
 * a larger page cache, statement journals in memory and foreign keys
 * unchecked until it ends: for writers that refer only to rows they know
 * exist. */
gboolean      dip_store_begin_bulk (DipStore *store, GError **error);
/* Whether this connection's program is the file's only user (see
 * DIP_OPEN_SOLE_USER): a bulk transaction then leaves the write-ahead log
 * for a rollback journal when no other connection is open. */
void          dip_store_set_sole_user (DipStore *store, gboolean sole_user);
void          dip_store_rollback (DipStore *store);

/* Runs SQL without results (schema, pragmas). */
gboolean      dip_store_exec (DipStore *store, const char *sql, GError **error);

/* Steps a statement that returns no rows and resets it. */
gboolean      dip_store_step_done (DipStore *store, sqlite3_stmt *stmt, GError **error);

/* Bulk inserts of segments. SQLite 3.40's FTS5 writes its pending terms to
 * disk at the end of every statement that changes it, so keeping
 * segment_fts in step row by row (the schema's triggers) costs a b-tree
 * segment and a merge per row. Inside a transaction, suspending turns this
 * connection's triggers off and returns the highest segment id so far;
 * resuming indexes every segment above it in one statement and turns the
 * triggers on again, leaving the index as the triggers would have. Only
 * inserts into segment may happen in between: the other triggers are off
 * too. The store resumes the triggers itself on rollback. */
gint64        dip_store_suspend_segment_index (DipStore *store, GError **error);
/* While suspended: indexes the segments above `after_id` in one statement
 * and returns the highest segment id, which the next call (or resuming)
 * takes as its `after_id`; -1 on failure. FTS5 writes its terms out at the
 * end of each statement, so calls should be thousands of segments apart. */
gint64        dip_store_index_segments (DipStore *store, gint64 after_id, GError **error);
gboolean      dip_store_resume_segment_index (DipStore *store, gint64 after_id,
                                              GError **error);

/* Sets `error` from SQLite's state after `rc`, naming the project file and
 * what was being done; maps full disk, read-only, busy and corruption to
 * their DIP_ERROR codes. Always returns FALSE. */
gboolean      dip_store_fail (DipStore *store, int rc, const char *what, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipStore, dip_store_free)
