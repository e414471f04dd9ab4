/* dip-alignment-map.h — the alignment path over the source × target plane. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DIP_TYPE_ALIGNMENT_MAP (dip_alignment_map_get_type ())
G_DECLARE_FINAL_TYPE (DipAlignmentMap, dip_alignment_map, DIP, ALIGNMENT_MAP, GtkWidget)

/* Draws the beads of `beads` (a model of DipBeadItem); follows its changes. */
void  dip_alignment_map_set_beads (DipAlignmentMap *self,
                                   GListModel      *beads);

/* The bead drawn nearest to widget point (x, y), or GTK_INVALID_LIST_POSITION.
 * A click emits "bead-activated" with it. */
guint dip_alignment_map_find_bead (DipAlignmentMap *self,
                                   double           x,
                                   double           y);

/* Widget coordinates of the middle of bead `index`. */
void  dip_alignment_map_bead_point (DipAlignmentMap *self,
                                    guint            index,
                                    double          *x,
                                    double          *y);

G_END_DECLS
