/* dip-pair-writer.c — pairs of texts become a new aligned document pair.
 *
 * Importers of TMX and TSV read their input as a stream and hand each pair
 * here as it comes. Both documents are created first (their rows must exist
 * for the segments to refer to), segments and beads follow, a batch of
 * pairs at a time (dip-pair-batch.c), and the documents' paragraphs are
 * added at the end, when their length is known. All of it is one
 * transaction: an importer that fails halfway leaves nothing.
 *
 * The batches are inserted by a thread of the writer's own while the
 * caller reads and parses the next pairs: on two cores the reading and the
 * storing overlap. The thread owns the connection from the first batch to
 * the last; the caller touches the store again only after joining it.
 * Batches go round a ring of N_BATCHES, so the reader is at most that far
 * ahead.
 *
 * Memory does not grow with the input: nothing is kept per pair beyond its
 * batch, and the documents' text is their segments (see
 * complete_document). The full-text index of the new segments is built
 * with the segment triggers off, INDEX_EVERY batches in one statement (see
 * dip_store_suspend_segment_index), so that it too overlaps the reading.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-pair-batch.h"
#include "dip-project-private.h"

/* Batches in the ring between the caller and the thread: one being filled,
 * one being inserted, two waiting. */
#define N_BATCHES 4

/* Batches between two statements that index new segments (262,144
 * segments): FTS5 writes its pending terms out as a new b-tree segment at
 * the end of every statement, and merges a level's segments once there
 * are 16 of them ('crisismerge'; automerge is off meanwhile). Statements
 * this large make 8 segments of a million pairs and no merge, where 32,768
 * segments a statement (and FTS5's default 1 MB of pending terms) made 61
 * or more, merged down to 19, and the merging cost about a sixth of the
 * inserting thread's time. FTS5 keeps the pending terms in memory up to
 * its 'hashsize', which dip_store_suspend_segment_index raises to 32 MB. */
#define INDEX_EVERY 2048
guint dip_pair_writer_index_every = INDEX_EVERY;

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
  DipPairBatch    *batch;         /* the pairs being gathered, or NULL */
  char            *now;           /* ISO 8601, for pairs without a date */
  guint64          n_pairs;
  gboolean         done;          /* committed or rolled back */

  /* The inserting thread and what only it uses while it runs. */
  GThread         *thread;
  GAsyncQueue     *to_insert;     /* batches filled by the caller */
  GAsyncQueue     *to_fill;       /* batches emptied by the thread */
  DipPairInserter *inserter;
  gint64           indexed_up_to; /* the last segment id in segment_fts */
  guint            batches_since_index;
  GError          *thread_error;  /* its failure; read after joining */
  gint             failed;        /* atomic: thread_error is set */
  gint             abandoned;     /* atomic: insert nothing more */
};

/* ---- the inserting thread ----------------------------------------------- */

static gboolean
insert_and_index (DipPairWriter *writer, DipPairBatch *batch, GError **error)
{
  if (!dip_pair_inserter_insert (writer->inserter, batch, error))
    return FALSE;
  if (++writer->batches_since_index < dip_pair_writer_index_every)
    return TRUE;
  writer->batches_since_index = 0;
  writer->indexed_up_to = dip_store_index_segments (writer->store, writer->indexed_up_to, error);
  return writer->indexed_up_to >= 0;
}

/* Inserts batches until the last one, handing each back emptied. After a
 * failure, or once the caller has given up, it only hands them back. */
static gpointer
insert_batches (gpointer data)
{
  DipPairWriter *writer = data;
  gboolean last = FALSE;
  while (!last)
    {
      DipPairBatch *batch = g_async_queue_pop (writer->to_insert);
      last = dip_pair_batch_is_last (batch);
      if (writer->thread_error == NULL && !g_atomic_int_get (&writer->abandoned)
          && !insert_and_index (writer, batch, &writer->thread_error))
        g_atomic_int_set (&writer->failed, TRUE);
      dip_pair_batch_clear (batch);
      g_async_queue_push (writer->to_fill, batch);
    }
  return NULL;
}

static void
start_thread (DipPairWriter *writer)
{
  writer->to_insert = g_async_queue_new ();
  writer->to_fill = g_async_queue_new_full ((GDestroyNotify) dip_pair_batch_free);
  for (guint i = 1; i < N_BATCHES; i++)
    g_async_queue_push (writer->to_fill, dip_pair_batch_new ());
  writer->batch = dip_pair_batch_new ();
  writer->thread = g_thread_new ("dip-pair-writer", insert_batches, writer);
}

/* Sends the batch being filled as the last one and waits for the thread to
 * insert it (unless abandoned) and end. */
static void
join_thread (DipPairWriter *writer)
{
  dip_pair_batch_set_last (writer->batch, TRUE);
  g_async_queue_push (writer->to_insert, g_steal_pointer (&writer->batch));
  g_thread_join (g_steal_pointer (&writer->thread));
}

static gboolean
propagate_thread_error (DipPairWriter *writer, GError **error)
{
  if (writer->thread_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&writer->thread_error));
  return FALSE;
}

/* Hands the full batch to the thread and takes an empty one, waiting for
 * it if the thread is behind. */
static gboolean
submit_batch (DipPairWriter *writer, GError **error)
{
  g_async_queue_push (writer->to_insert, writer->batch);
  writer->batch = g_async_queue_pop (writer->to_fill);
  if (!g_atomic_int_get (&writer->failed))
    return TRUE;
  join_thread (writer);
  return propagate_thread_error (writer, error);
}

/* ---- the caller's side -------------------------------------------------- */

void
dip_pair_writer_free (DipPairWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->thread != NULL)
    {
      g_atomic_int_set (&writer->abandoned, TRUE);
      join_thread (writer);
    }
  if (!writer->done)
    dip_store_rollback (writer->store);
  g_clear_pointer (&writer->inserter, dip_pair_inserter_free);
  g_clear_pointer (&writer->batch, dip_pair_batch_free);
  g_clear_pointer (&writer->to_insert, g_async_queue_unref);
  g_clear_pointer (&writer->to_fill, g_async_queue_unref);
  g_clear_error (&writer->thread_error);
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

  if (!dip_store_begin_bulk (writer->store, error))
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
  writer->indexed_up_to = dip_store_suspend_segment_index (writer->store, error);
  if (writer->indexed_up_to < 0)
    return NULL;
  start_thread (writer);
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

gboolean
dip_pair_writer_add (DipPairWriter *writer, const char *src, gsize src_length,
                     const char *tgt, gsize tgt_length, double confidence,
                     const char *changed_at, GError **error)
{
  g_return_val_if_fail (writer->thread != NULL, FALSE);
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
  return !dip_pair_batch_is_full (writer->batch) || submit_batch (writer, error);
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
  g_return_val_if_fail (writer->thread != NULL, FALSE);
  join_thread (writer);
  if (!propagate_thread_error (writer, error)
      || !dip_store_resume_segment_index (writer->store, writer->indexed_up_to, error)
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
