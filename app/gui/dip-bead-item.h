/* dip-bead-item.h — one bead of the alignment as a list-model item, its
 * texts joined from the document texts only when a row shows them. */
#pragma once

#include <diptych/diptych.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define DIP_TYPE_BEAD_ITEM (dip_bead_item_get_type ())
G_DECLARE_FINAL_TYPE (DipBeadItem, dip_bead_item, DIP, BEAD_ITEM, GObject)

/* `src_texts` and `tgt_texts` (char*, the documents' segment texts) are
 * shared by all the items of an alignment; the item keeps a reference. */
DipBeadItem   *dip_bead_item_new        (const DipBead *bead,
                                         GPtrArray     *src_texts,
                                         GPtrArray     *tgt_texts);
const DipBead *dip_bead_item_get_bead   (DipBeadItem *self);
/* A side's sentences joined by " ⁂ "; "" when it has none. */
const char    *dip_bead_item_get_source (DipBeadItem *self);
const char    *dip_bead_item_get_target (DipBeadItem *self);

G_END_DECLS
