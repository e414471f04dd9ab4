/* dip-schema.c — the project schema as a list of migrations.
 *
 * A project file's PRAGMA user_version is the number of migrations applied
 * to it. Never edit a migration that has shipped: append a new one.
 */
#include "dip-config.h"

#include <glib.h>

#include <diptych/diptych.h>

#include "dip-schema.h"

/* Version 1: documents, paragraphs, segments, beads, glossary, findings. */
static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE document ("
  "  id           INTEGER PRIMARY KEY,"
  "  side         TEXT NOT NULL CHECK (side IN ('source', 'target')),"
  "  name         TEXT NOT NULL,"
  "  lang         TEXT NOT NULL,"
  "  presegmented INTEGER NOT NULL DEFAULT 0,"
  "  original     BLOB NOT NULL,"
  "  text         TEXT NOT NULL,"
  "  imported_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE paragraph ("
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  number      INTEGER NOT NULL,"
  "  lang        TEXT NOT NULL,"
  "  start       INTEGER NOT NULL,"
  "  end         INTEGER NOT NULL,"
  "  PRIMARY KEY (document_id, number)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE segment ("
  "  id          INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  paragraph   INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL,"
  "  start       INTEGER NOT NULL,"
  "  end         INTEGER NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  UNIQUE (document_id, position)"
  ") STRICT;"
  "CREATE TABLE bead ("
  "  id           INTEGER PRIMARY KEY,"
  "  src_document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  tgt_document INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  src_start    INTEGER NOT NULL CHECK (src_start >= 0),"
  "  src_count    INTEGER NOT NULL CHECK (src_count >= 0),"
  "  tgt_start    INTEGER NOT NULL CHECK (tgt_start >= 0),"
  "  tgt_count    INTEGER NOT NULL CHECK (tgt_count >= 0),"
  "  confidence   REAL NOT NULL CHECK (confidence BETWEEN 0.0 AND 1.0),"
  "  status       TEXT NOT NULL DEFAULT 'auto'"
  "               CHECK (status IN ('auto', 'confirmed', 'rejected')),"
  "  changed_at   TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX bead_by_pair ON bead (src_document, tgt_document, position);"
  "CREATE TABLE glossary ("
  "  id             INTEGER PRIMARY KEY,"
  "  src_term       TEXT NOT NULL,"
  "  tgt_term       TEXT NOT NULL,"
  "  src_lang       TEXT NOT NULL,"
  "  tgt_lang       TEXT NOT NULL,"
  "  part_of_speech TEXT,"
  "  note           TEXT,"
  "  status         TEXT NOT NULL DEFAULT 'preferred'"
  "                 CHECK (status IN ('preferred', 'admitted', 'forbidden')),"
  "  case_sensitive INTEGER NOT NULL DEFAULT 0,"
  "  created_at     TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE finding ("
  "  id          INTEGER PRIMARY KEY,"
  "  kind        TEXT NOT NULL,"
  "  severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),"
  "  bead_id     INTEGER REFERENCES bead (id) ON DELETE CASCADE,"
  "  side        TEXT CHECK (side IN ('source', 'target')),"
  "  start       INTEGER,"
  "  end         INTEGER,"
  "  message     TEXT NOT NULL,"
  "  suggestions TEXT NOT NULL DEFAULT '[]'"
  ") STRICT;";

/* Version 2: the edit history behind undo/redo, the project word list, and
 * full-text search over segments for concordance and TM look-up. */
static const char migration_2[] =
  "CREATE TABLE edit ("
  "  id      INTEGER PRIMARY KEY,"
  "  at      TEXT NOT NULL,"
  "  action  TEXT NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  undone  INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE word ("
  "  lang TEXT NOT NULL,"
  "  word TEXT NOT NULL,"
  "  PRIMARY KEY (lang, word)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE segment_fts USING fts5 ("
  "  text, content = 'segment', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER segment_fts_insert AFTER INSERT ON segment BEGIN"
  "  INSERT INTO segment_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER segment_fts_update AFTER UPDATE OF text ON segment BEGIN"
  "  INSERT INTO segment_fts (segment_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO segment_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "INSERT INTO segment_fts (segment_fts) VALUES ('rebuild');";

/* Version 3: the segment index without its table of segment lengths
 * (columnsize = 0). A bulk import spent a sixth of its index time keeping
 * that table, a row per segment; ranking (bm25) now tokenizes the few
 * thousand candidates of a query instead of reading their lengths, a few
 * milliseconds more per translation-memory look-up. Version 2's index is
 * dropped and built again from the segments. */
static const char migration_3[] =
  "DROP TABLE segment_fts;"
  "CREATE VIRTUAL TABLE segment_fts USING fts5 ("
  "  text, content = 'segment', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2',"
  "  columnsize = 0"
  ");"
  "INSERT INTO segment_fts (segment_fts) VALUES ('rebuild');";

const char *const dip_schema_migrations[] = { migration_1, migration_2, migration_3 };
const int dip_schema_n_migrations = G_N_ELEMENTS (dip_schema_migrations);
G_STATIC_ASSERT (G_N_ELEMENTS (dip_schema_migrations) == DIP_PROJECT_SCHEMA_VERSION);
