/* dip-pair-writer.c — pairs of texts become a new aligned document pair.
 *
 * Importers of TMX and TSV read their input as a stream and hand each pair
 * here as it comes. Both documents are created first (their rows must exist
 * for the segments to refer to), segments and beads follow, a batch of
 * pairs at a time (dip-pair-batch.c), and the documents' paragraphs are
 * added at the end, when their length is known. All of it is one
 * transaction: an importer that fails halfway leaves nothing.
 *
 * Memory does not grow with the input: nothing is kept per pair beyond its
 * batch, and the documents' text is their segments (see
 * complete_document). The full-text index of the new segments is built in
 * one statement at the end (see dip_store_suspend_segment_index).
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-pair-batch.h"
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
  DipProject      *project;       /* owned reference */
  DipStore        *store;         /* borrowed from the project */
  Side             sides[2];      /* indexed by DipSide */
  DipPairInserter *inserter;
  DipPairBatch    *batch;         /* the pairs not inserted yet */
  char            *now;           /* ISO 8601, for pairs without a date */
  guint64          n_pairs;
  gint64           last_segment;  /* the largest segment id before this import */
  gboolean         done;          /* committed or rolled back */
};

void
dip_pair_writer_free (DipPairWriter *writer)
{
  if (writer == NULL)
    return;
  if (!writer->done)
    dip_store_rollback (writer->store);
  g_clear_pointer (&writer->inserter, dip_pair_inserter_free);
  g_clear_pointer (&writer->batch, dip_pair_batch_free);
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
  writer->inserter = dip_pair_inserter_new (writer->store, writer->sides[DIP_SIDE_SOURCE].id,
                                            writer->sides[DIP_SIDE_TARGET].id, writer->now,
                                            error);
  if (writer->inserter == NULL)
    return NULL;
  writer->batch = dip_pair_batch_new ();
  writer->last_segment = dip_store_suspend_segment_index (writer->store, error);
  if (writer->last_segment < 0)
    return NULL;
  return g_steal_pointer (&writer);
}

/* Text in NFC, as everywhere in a project: `text` itself when it is ASCII
 * (NFC already, and most segments are ASCII), or else a normalized copy,
 * returned in `out_copy` too. Updates `length`. */
static const char *
as_nfc (const char *text, gsize *length, char **out_copy, GError **error)
{
  for (gsize i = 0; i < *length; i++)
    if ((guchar) text[i] >= 0x80)
      {
        *out_copy = dip_text_normalize_nfc (text, (gssize) *length, error);
        if (*out_copy != NULL)
          *length = strlen (*out_copy);
        return *out_copy;
      }
  return text;
}

/* Where the side's next segment starts: its segments are one a line. */
static guint64
next_start (Side *side, gsize length)
{
  guint64 start = side->length > 0 ? side->length + 1 : 0;
  side->length = start + length;
  return start;
}

static gboolean
insert_batch (DipPairWriter *writer, GError **error)
{
  gboolean ok = dip_pair_inserter_insert (writer->inserter, writer->batch, error);
  dip_pair_batch_clear (writer->batch);
  return ok;
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
  g_autofree char *src_copy = NULL, *tgt_copy = NULL;
  src = as_nfc (src, &src_length, &src_copy, error);
  if (src == NULL)
    return FALSE;
  tgt = as_nfc (tgt, &tgt_length, &tgt_copy, error);
  if (tgt == NULL)
    return FALSE;

  guint64 src_start = next_start (&writer->sides[DIP_SIDE_SOURCE], src_length);
  guint64 tgt_start = next_start (&writer->sides[DIP_SIDE_TARGET], tgt_length);
  dip_pair_batch_add (writer->batch, writer->n_pairs, src, src_length, src_start, tgt,
                      tgt_length, tgt_start, confidence, changed_at);
  writer->n_pairs++;
  return !dip_pair_batch_is_full (writer->batch) || insert_batch (writer, error);
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
  if (!insert_batch (writer, error)
      || !dip_store_resume_segment_index (writer->store, writer->last_segment, error)
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
