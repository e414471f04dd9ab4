/* dip-bead-item.h — one bead of the alignment with its texts, as a
 * list-model item. */
#pragma once

#include <diptych/diptych.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define DIP_TYPE_BEAD_ITEM (dip_bead_item_get_type ())
G_DECLARE_FINAL_TYPE (DipBeadItem, dip_bead_item, DIP, BEAD_ITEM, GObject)

DipBeadItem   *dip_bead_item_new            (guint          index,
                                             const DipBead *bead,
                                             const char    *source,
                                             const char    *target);
guint          dip_bead_item_get_index      (DipBeadItem *self);
const DipBead *dip_bead_item_get_bead       (DipBeadItem *self);
const char    *dip_bead_item_get_source     (DipBeadItem *self);
const char    *dip_bead_item_get_target     (DipBeadItem *self);

G_END_DECLS
