/* dip-pair-batch.h — pairs of segments gathered to be inserted together.
 *
 * SQLite's cost per statement (binding, stepping, opening and closing the
 * b-tree cursors) is most of the cost of inserting a short row, so the
 * pair writer inserts its pairs DIP_PAIR_BATCH_SIZE at a time, with
 * statements of that many rows. A batch owns copies of its texts, so that
 * it can be filled while another batch is being inserted.
 * Internal to libdiptych. */
#pragma once

#include <glib.h>

#include "dip-store.h"

#define DIP_PAIR_BATCH_SIZE 64

typedef struct _DipPairBatch DipPairBatch;

DipPairBatch *dip_pair_batch_new (void);
void          dip_pair_batch_free (DipPairBatch *batch);

/* Empties the batch, keeping its memory for the next pairs. */
void          dip_pair_batch_clear (DipPairBatch *batch);

/* Adds one pair: the texts (NFC, not NUL-terminated), where each segment
 * starts in its document, the bead's position and confidence, and its date
 * (ISO 8601; NULL for the inserter's `now`). */
void          dip_pair_batch_add (DipPairBatch *batch,
                                  guint64       position,
                                  const char   *src,
                                  gsize         src_length,
                                  guint64       src_start,
                                  const char   *tgt,
                                  gsize         tgt_length,
                                  guint64       tgt_start,
                                  double        confidence,
                                  const char   *changed_at);

guint         dip_pair_batch_get_n_pairs (DipPairBatch *batch);

/* Whether the batch should be inserted before another pair is added: it
 * has DIP_PAIR_BATCH_SIZE pairs, or enough text that holding more of it
 * would cost memory for nothing. */
gboolean      dip_pair_batch_is_full (DipPairBatch *batch);

/* Marks the batch as the last one; see dip_pair_batch_is_last(). */
void          dip_pair_batch_set_last (DipPairBatch *batch, gboolean last);
gboolean      dip_pair_batch_is_last (DipPairBatch *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipPairBatch, dip_pair_batch_free)

/* ---- inserting batches --------------------------------------------------- */

typedef struct _DipPairInserter DipPairInserter;

/* Prepares the statements that insert pairs as segments of the documents
 * `src_document` and `tgt_document` with a confirmed 1-1 bead each. */
DipPairInserter *dip_pair_inserter_new (DipStore   *store,
                                        gint64      src_document,
                                        gint64      tgt_document,
                                        const char *now,
                                        GError    **error);

/* Inserts the batch's pairs, in order: source segment, target segment, for
 * each pair, then their beads. */
gboolean         dip_pair_inserter_insert (DipPairInserter *inserter,
                                           DipPairBatch    *batch,
                                           GError         **error);

void             dip_pair_inserter_free (DipPairInserter *inserter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipPairInserter, dip_pair_inserter_free)
