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

/* Moves one sentence across a bead boundary: `up` takes the first
 * sentence of `side` in bead `index` to the end of the bead above, !up
 * takes the last one to the start of the bead below. A bead left with no
 * sentence on either side disappears. */
gboolean dip_project_move_segment    (DipProject  *self,
                                      gint64       src_document,
                                      gint64       tgt_document,
                                      guint        index,
                                      DipSide      side,
                                      gboolean     up,
                                      GError     **error);

/* Inserts a gap: bead `index` (n-m) becomes a source-only bead n-0 followed
 * by a target-only bead 0-m, so that its sentences are no longer paired. */
gboolean dip_project_insert_gap      (DipProject  *self,
                                      gint64       src_document,
                                      gint64       tgt_document,
                                      guint        index,
                                      GError     **error);

/* Replaces the text of segment `position` (0-based) of `document`: a
 * correction of the text itself, kept in the edit history like the rest.
 * The text must be valid UTF-8 and not blank. */
gboolean dip_project_set_segment_text (DipProject  *self,
                                       gint64       document,
                                       guint        position,
                                       const char  *text,
                                       GError     **error);

/* The text of segment `position` (0-based) of `document`, as stored now. */
char    *dip_project_get_segment_text (DipProject  *self,
                                       gint64       document,
                                       guint        position,
                                       GError     **error);

/* What the latest change, undo or redo made through this project object
 * did, so that a view can update just that stretch. */
typedef enum
{
  DIP_CHANGE_NONE,      /* nothing yet, or not a change of beads or text */
  DIP_CHANGE_BEADS,     /* beads [position, position + removed) became `added` beads */
  DIP_CHANGE_TEXT,      /* the text of segment `position` of `document` */
} DipChangeKind;

typedef struct
{
  DipChangeKind kind;
  gint64        src_document;  /* DIP_CHANGE_BEADS: the pair */
  gint64        tgt_document;
  gint64        document;      /* DIP_CHANGE_TEXT */
  guint         position;
  guint         removed;
  guint         added;
} DipChange;

void     dip_project_get_last_change (DipProject *self,
                                      DipChange  *out);

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
