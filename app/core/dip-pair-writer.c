/* dip-pair-writer.c — pairs of texts become a new aligned document pair.
 *
 * Importers of TMX and TSV read their input as a stream and hand each pair
 * here as it comes. Both documents are created first (their rows must exist
 * for the segments to refer to), segments and beads follow, and the
 * documents' paragraphs are added at the end, when their length is known.
 * All of it is one transaction: an importer that fails halfway leaves
 * nothing.
 *
 * Memory does not grow with the input: nothing is kept per pair, and the
 * documents' text is their segments (see complete_document). The
 * full-text index of the new segments is built in one statement at the end
 * (see dip_store_suspend_segment_index).
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-project-private.h"

/* One side of the pair being built. */
typedef struct
{
  gint64   id;
  char    *lang;
  guint64  length;  /* of the document so far: its segments, one a line */
} Side;

struct _DipPairWriter
{
  DipProject *project;       /* owned reference */
  DipStore   *store;         /* borrowed from the project */
  Side        sides[2];      /* indexed by DipSide */
  char       *now;           /* ISO 8601, for pairs without a date */
  guint64     n_pairs;
  gint64      last_segment;  /* the largest segment id before this import */
  gboolean    done;          /* committed or rolled back */
};

void
dip_pair_writer_free (DipPairWriter *writer)
{
  if (writer == NULL)
    return;
  if (!writer->done)
    dip_store_rollback (writer->store);
  for (guint i = 0; i < G_N_ELEMENTS (writer->sides); i++)
    g_free (writer->sides[i].lang);
  g_free (writer->now);
  g_object_unref (writer->project);
  g_free (writer);
}

static gint64
insert_document (DipPairWriter *writer, DipSide side, const char *name, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    writer->store,
    "INSERT INTO document (side, name, lang, presegmented, original, text, imported_at)"
    " VALUES (?1, ?2, ?3, 1, x'', '', ?4)",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, dip_side_to_string (side), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, writer->sides[side].lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, writer->now, -1, SQLITE_STATIC);
  if (!dip_store_step_done (writer->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (dip_store_get_db (writer->store));
}

DipPairWriter *
dip_pair_writer_begin (DipProject *project, const char *name, GError **error)
{
  g_autoptr (DipPairWriter) writer = g_new0 (DipPairWriter, 1);
  writer->project = g_object_ref (project);
  writer->store = dip_project_get_store (project);
  writer->now = dip_now_iso8601 ();
  writer->done = TRUE;  /* nothing to roll back yet */
  for (guint i = 0; i < G_N_ELEMENTS (writer->sides); i++)
    writer->sides[i].lang = g_strdup (dip_project_get_lang (project, (DipSide) i));

  if (!dip_store_begin (writer->store, error))
    return NULL;
  writer->done = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (writer->sides); i++)
    {
      writer->sides[i].id = insert_document (writer, (DipSide) i, name, error);
      if (writer->sides[i].id == 0)
        return NULL;
    }
  writer->last_segment = dip_store_suspend_segment_index (writer->store, error);
  if (writer->last_segment < 0)
    return NULL;
  return g_steal_pointer (&writer);
}

/* Text in NFC, as everywhere in a project. ASCII is NFC already, and most
 * segments are ASCII or NFC, so the ICU round trip is taken only when it
 * may change something. */
static char *
dup_nfc (const char *text, gsize length, GError **error)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return dip_text_normalize_nfc (text, (gssize) length, error);
  return g_strndup (text, length);
}

static gboolean
insert_segment (DipPairWriter *writer, DipSide side, const char *text, gsize length,
                GError **error)
{
  g_autofree char *nfc = dup_nfc (text, length, error);
  if (nfc == NULL)
    return FALSE;

  Side *s = &writer->sides[side];
  guint64 start = s->length > 0 ? s->length + 1 : 0;
  guint64 end = start + strlen (nfc);
  s->length = end;

  sqlite3_stmt *stmt = dip_store_statement (
    writer->store,
    "INSERT INTO segment (document_id, position, paragraph, kind, start, end, text)"
    " VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64) writer->n_pairs);
  sqlite3_bind_text (stmt, 3, dip_segment_kind_to_string (DIP_SEGMENT_SENTENCE), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) start);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) end);
  sqlite3_bind_text64 (stmt, 6, nfc, end - start, SQLITE_STATIC, SQLITE_UTF8);
  return dip_store_step_done (writer->store, stmt, error);
}

static gboolean
insert_bead (DipPairWriter *writer, double confidence, const char *changed_at, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    writer->store,
    "INSERT INTO bead (src_document, tgt_document, position, src_start, src_count,"
    "                  tgt_start, tgt_count, confidence, status, changed_at)"
    " VALUES (?1, ?2, ?3, ?3, 1, ?3, 1, ?4, 'confirmed', ?5)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->sides[DIP_SIDE_SOURCE].id);
  sqlite3_bind_int64 (stmt, 2, writer->sides[DIP_SIDE_TARGET].id);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) writer->n_pairs);
  sqlite3_bind_double (stmt, 4, CLAMP (confidence, 0.0, 1.0));
  sqlite3_bind_text (stmt, 5, changed_at ? changed_at : writer->now, -1, SQLITE_STATIC);
  return dip_store_step_done (writer->store, stmt, error);
}

gboolean
dip_pair_writer_add (DipPairWriter *writer, const char *src, gsize src_length,
                     const char *tgt, gsize tgt_length, double confidence,
                     const char *changed_at, GError **error)
{
  g_return_val_if_fail (!writer->done, FALSE);
  /* Positions are stored as SQLite integers but read back as guint. */
  if (writer->n_pairs >= G_MAXINT32)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "too many pairs for one document");
      return FALSE;
    }
  if (!insert_segment (writer, DIP_SIDE_SOURCE, src, src_length, error)
      || !insert_segment (writer, DIP_SIDE_TARGET, tgt, tgt_length, error)
      || !insert_bead (writer, confidence, changed_at, error))
    return FALSE;
  writer->n_pairs++;
  return TRUE;
}

guint64
dip_pair_writer_get_n_pairs (DipPairWriter *writer)
{
  return writer->n_pairs;
}

/* The document's one paragraph, of all its text. The document's bytes
 * are not stored: for a document made of an exchange file's pairs they are
 * its segments one a line, and dip_project_dup_document_original() joins
 * them when asked. Storing them would cost as much memory as the document
 * (SQLite builds a row whole, and `original` is not its last column) and
 * the same bytes twice more on disk. */
static gboolean
complete_document (DipPairWriter *writer, DipSide side, GError **error)
{
  Side *s = &writer->sides[side];
  sqlite3_stmt *stmt = dip_store_statement (
    writer->store,
    "INSERT INTO paragraph (document_id, number, lang, start, end) VALUES (?1, 0, ?2, 0, ?3)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  sqlite3_bind_text (stmt, 2, s->lang, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) s->length);
  return dip_store_step_done (writer->store, stmt, error);
}

gboolean
dip_pair_writer_commit (DipPairWriter *writer, gint64 *out_src_document,
                        gint64 *out_tgt_document, GError **error)
{
  g_return_val_if_fail (!writer->done, FALSE);
  if (!dip_store_resume_segment_index (writer->store, writer->last_segment, error)
      || !complete_document (writer, DIP_SIDE_SOURCE, error)
      || !complete_document (writer, DIP_SIDE_TARGET, error))
    return FALSE;
  /* dip_store_commit rolls back itself when it fails. */
  writer->done = TRUE;
  if (!dip_store_commit (writer->store, error))
    return FALSE;
  if (out_src_document)
    *out_src_document = writer->sides[DIP_SIDE_SOURCE].id;
  if (out_tgt_document)
    *out_tgt_document = writer->sides[DIP_SIDE_TARGET].id;
  return TRUE;
}
