/* dip-edit.h — a person's corrections of an alignment, each one change of
 * the project file with its entry in the edit history, and undo and redo
 * over that history (so that they survive closing the project). */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <diptych/dip-project.h>

G_BEGIN_DECLS

/* Beads are addressed by their index in the document pair's ordered list. */

/* Confirms or rejects bead `index` (or sets it back to auto). */
gboolean dip_project_set_bead_status (DipProject     *self,
                                      gint64          src_document,
                                      gint64          tgt_document,
                                      guint           index,
                                      DipBeadStatus   status,
                                      GError        **error);

/* Joins bead `index` and the bead after it into one. The result is
 * unconfirmed; its confidence is the lower of the two. */
gboolean dip_project_merge_beads     (DipProject  *self,
                                      gint64       src_document,
                                      gint64       tgt_document,
                                      guint        index,
                                      GError     **error);

/* Splits bead `index` after its first `src_keep` source and `tgt_keep`
 * target segments; both parts must keep at least one segment. */
gboolean dip_project_split_bead      (DipProject  *self,
                                      gint64       src_document,
                                      gint64       tgt_document,
                                      guint        index,
                                      guint        src_keep,
                                      guint        tgt_keep,
                                      GError     **error);

/* Undoes the latest change still in effect, or redoes the latest undone
 * one. *out_action (nullable) gets the name of the change ("merge",
 * "confirm", "align"…), NULL when there was nothing to undo or redo. */
gboolean dip_project_undo            (DipProject  *self,
                                      char       **out_action,
                                      GError     **error);
gboolean dip_project_redo            (DipProject  *self,
                                      char       **out_action,
                                      GError     **error);

G_END_DECLS
