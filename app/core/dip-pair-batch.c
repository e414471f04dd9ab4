/* dip-pair-batch.c — pairs of segments gathered to be inserted together.
 *
 * Measured on a million pairs: one statement per row costs 18 s of CPU,
 * statements of 64 pairs (128 segments, 64 beads) 8 s; larger statements
 * gain nothing more.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-pair-batch.h"

/* A batch stops taking pairs once its texts pass this size, so that a file
 * of long texts does not hold 64 of them per batch. */
#define BATCH_TEXT_BYTES (1024 * 1024)

typedef struct
{
  guint64 position;
  guint64 start[2];   /* of the segment in its document, per DipSide */
  gsize   text[2];    /* offsets in the batch's bytes */
  gsize   length[2];
  double  confidence;
  gssize  changed_at;  /* offset in the batch's bytes, or -1: now */
} Pair;

struct _DipPairBatch
{
  GString *bytes;  /* the texts, and the dates NUL-terminated */
  Pair     pairs[DIP_PAIR_BATCH_SIZE];
  guint    n_pairs;
  gboolean last;
};

DipPairBatch *
dip_pair_batch_new (void)
{
  DipPairBatch *batch = g_new0 (DipPairBatch, 1);
  batch->bytes = g_string_new (NULL);
  return batch;
}

void
dip_pair_batch_free (DipPairBatch *batch)
{
  if (batch == NULL)
    return;
  g_string_free (batch->bytes, TRUE);
  g_free (batch);
}

void
dip_pair_batch_clear (DipPairBatch *batch)
{
  g_string_truncate (batch->bytes, 0);
  batch->n_pairs = 0;
  batch->last = FALSE;
}

static gsize
append_bytes (DipPairBatch *batch, const char *bytes, gsize length)
{
  gsize offset = batch->bytes->len;
  g_string_append_len (batch->bytes, bytes, (gssize) length);
  return offset;
}

void
dip_pair_batch_add (DipPairBatch *batch, guint64 position, const char *src, gsize src_length,
                    guint64 src_start, const char *tgt, gsize tgt_length, guint64 tgt_start,
                    double confidence, const char *changed_at)
{
  g_return_if_fail (batch->n_pairs < DIP_PAIR_BATCH_SIZE);

  Pair *pair = &batch->pairs[batch->n_pairs++];
  pair->position = position;
  pair->start[DIP_SIDE_SOURCE] = src_start;
  pair->start[DIP_SIDE_TARGET] = tgt_start;
  pair->text[DIP_SIDE_SOURCE] = append_bytes (batch, src, src_length);
  pair->text[DIP_SIDE_TARGET] = append_bytes (batch, tgt, tgt_length);
  pair->length[DIP_SIDE_SOURCE] = src_length;
  pair->length[DIP_SIDE_TARGET] = tgt_length;
  pair->confidence = CLAMP (confidence, 0.0, 1.0);
  pair->changed_at = -1;
  if (changed_at != NULL)
    pair->changed_at = (gssize) append_bytes (batch, changed_at, strlen (changed_at) + 1);
}

guint
dip_pair_batch_get_n_pairs (DipPairBatch *batch)
{
  return batch->n_pairs;
}

gboolean
dip_pair_batch_is_full (DipPairBatch *batch)
{
  return batch->n_pairs == DIP_PAIR_BATCH_SIZE || batch->bytes->len >= BATCH_TEXT_BYTES;
}

void
dip_pair_batch_set_last (DipPairBatch *batch, gboolean last)
{
  batch->last = last;
}

gboolean
dip_pair_batch_is_last (DipPairBatch *batch)
{
  return batch->last;
}

/* ---- inserting batches --------------------------------------------------- */

/* Statements for one pair and for a whole batch, per table. */
typedef struct
{
  sqlite3_stmt *segments;
  sqlite3_stmt *beads;
} Statements;

struct _DipPairInserter
{
  DipStore   *store;  /* borrowed */
  gint64      documents[2];
  char       *now;
  Statements  one;
  Statements  batch;
};

/* Parameters ?1 and ?2 are the documents, ?3 the segments' kind; each pair
 * has the next SEGMENT_PARAMS. */
enum { SEGMENT_PARAMS = 7, FIRST_SEGMENT_PARAM = 4 };
/* ?1 and ?2 are the documents; each pair has the next BEAD_PARAMS. */
enum { BEAD_PARAMS = 3, FIRST_BEAD_PARAM = 3 };

/* The SQL inserting `n_pairs` pairs' segments. Only placeholders are
 * written into it, never values. */
static char *
segments_sql (guint n_pairs)
{
  GString *sql = g_string_new ("INSERT INTO segment"
                               " (document_id, position, paragraph, kind, start, end, text)"
                               " VALUES ");
  for (guint k = 0; k < n_pairs; k++)
    {
      guint p = FIRST_SEGMENT_PARAM + SEGMENT_PARAMS * k;
      g_string_append_printf (sql,
                              "%s(?1, ?%u, 0, ?3, ?%u, ?%u, ?%u), (?2, ?%u, 0, ?3, ?%u, ?%u, ?%u)",
                              k > 0 ? ", " : "", p, p + 1, p + 2, p + 3, p, p + 4, p + 5, p + 6);
    }
  return g_string_free (sql, FALSE);
}

static char *
beads_sql (guint n_pairs)
{
  GString *sql = g_string_new ("INSERT INTO bead (src_document, tgt_document, position,"
                               " src_start, src_count, tgt_start, tgt_count, confidence, status,"
                               " changed_at) VALUES ");
  for (guint k = 0; k < n_pairs; k++)
    {
      guint p = FIRST_BEAD_PARAM + BEAD_PARAMS * k;
      g_string_append_printf (sql, "%s(?1, ?2, ?%u, ?%u, 1, ?%u, 1, ?%u, 'confirmed', ?%u)",
                              k > 0 ? ", " : "", p, p, p, p + 1, p + 2);
    }
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare (DipStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (dip_store_get_db (store), sql, -1, SQLITE_PREPARE_PERSISTENT,
                               &stmt, NULL);
  if (rc != SQLITE_OK)
    dip_store_fail (store, rc, "preparing a query", error);
  return stmt;
}

static gboolean
prepare_statements (DipPairInserter *inserter, Statements *statements, guint n_pairs,
                    GError **error)
{
  g_autofree char *segments = segments_sql (n_pairs);
  g_autofree char *beads = beads_sql (n_pairs);
  statements->segments = prepare (inserter->store, segments, error);
  if (statements->segments == NULL)
    return FALSE;
  statements->beads = prepare (inserter->store, beads, error);
  if (statements->beads == NULL)
    return FALSE;

  sqlite3_bind_int64 (statements->segments, 1, inserter->documents[DIP_SIDE_SOURCE]);
  sqlite3_bind_int64 (statements->segments, 2, inserter->documents[DIP_SIDE_TARGET]);
  sqlite3_bind_text (statements->segments, 3, dip_segment_kind_to_string (DIP_SEGMENT_SENTENCE),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statements->beads, 1, inserter->documents[DIP_SIDE_SOURCE]);
  sqlite3_bind_int64 (statements->beads, 2, inserter->documents[DIP_SIDE_TARGET]);
  return TRUE;
}

static void
statements_clear (Statements *statements)
{
  g_clear_pointer (&statements->segments, sqlite3_finalize);
  g_clear_pointer (&statements->beads, sqlite3_finalize);
}

void
dip_pair_inserter_free (DipPairInserter *inserter)
{
  if (inserter == NULL)
    return;
  statements_clear (&inserter->one);
  statements_clear (&inserter->batch);
  g_free (inserter->now);
  g_free (inserter);
}

DipPairInserter *
dip_pair_inserter_new (DipStore *store, gint64 src_document, gint64 tgt_document,
                       const char *now, GError **error)
{
  g_autoptr (DipPairInserter) inserter = g_new0 (DipPairInserter, 1);
  inserter->store = store;
  inserter->documents[DIP_SIDE_SOURCE] = src_document;
  inserter->documents[DIP_SIDE_TARGET] = tgt_document;
  inserter->now = g_strdup (now);
  if (!prepare_statements (inserter, &inserter->one, 1, error)
      || !prepare_statements (inserter, &inserter->batch, DIP_PAIR_BATCH_SIZE, error))
    return NULL;
  return g_steal_pointer (&inserter);
}

/* Binds pair `pair` as the statements' `k`th pair. Texts are bound
 * without a copy: the batch outlives the step. */
static void
bind_pair (DipPairInserter *inserter, Statements *statements, guint k, DipPairBatch *batch,
           const Pair *pair)
{
  sqlite3_stmt *segments = statements->segments;
  int p = FIRST_SEGMENT_PARAM + SEGMENT_PARAMS * (int) k;
  sqlite3_bind_int64 (segments, p, (sqlite3_int64) pair->position);
  for (int side = 0; side < 2; side++)
    {
      int q = p + 1 + 3 * side;
      guint64 start = pair->start[side];
      sqlite3_bind_int64 (segments, q, (sqlite3_int64) start);
      sqlite3_bind_int64 (segments, q + 1, (sqlite3_int64) (start + pair->length[side]));
      sqlite3_bind_text64 (segments, q + 2, batch->bytes->str + pair->text[side],
                           pair->length[side], SQLITE_STATIC, SQLITE_UTF8);
    }

  sqlite3_stmt *beads = statements->beads;
  int b = FIRST_BEAD_PARAM + BEAD_PARAMS * (int) k;
  const char *changed_at = pair->changed_at >= 0 ? batch->bytes->str + pair->changed_at
                                                 : inserter->now;
  sqlite3_bind_int64 (beads, b, (sqlite3_int64) pair->position);
  sqlite3_bind_double (beads, b + 1, pair->confidence);
  sqlite3_bind_text (beads, b + 2, changed_at, -1, SQLITE_STATIC);
}

static gboolean
step_statements (DipPairInserter *inserter, Statements *statements, GError **error)
{
  return dip_store_step_done (inserter->store, statements->segments, error)
         && dip_store_step_done (inserter->store, statements->beads, error);
}

gboolean
dip_pair_inserter_insert (DipPairInserter *inserter, DipPairBatch *batch, GError **error)
{
  if (batch->n_pairs == DIP_PAIR_BATCH_SIZE)
    {
      for (guint k = 0; k < batch->n_pairs; k++)
        bind_pair (inserter, &inserter->batch, k, batch, &batch->pairs[k]);
      return step_statements (inserter, &inserter->batch, error);
    }
  /* The last batch of an input, or one of long texts. */
  for (guint k = 0; k < batch->n_pairs; k++)
    {
      bind_pair (inserter, &inserter->one, 0, batch, &batch->pairs[k]);
      if (!step_statements (inserter, &inserter->one, error))
        return FALSE;
    }
  return TRUE;
}
