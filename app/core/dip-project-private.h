/* dip-project-private.h — what the parts of libdiptych share about a
 * project. Internal. */
#pragma once

#include <diptych/diptych.h>

#include "dip-store.h"

DipStore *dip_project_get_store (DipProject *self);

/* Reports how far long work has come (see dip_project_set_progress_func);
 * cheap enough to call for every item. */
void      dip_project_report_progress (DipProject *self, double fraction);

/* Remembers what an edit, undo or redo did (see dip_project_get_last_change). */
void      dip_project_set_last_change (DipProject *self, const DipChange *change);

/* Now, UTC, as ISO 8601 ("2026-11-24T10:15:00Z"). */
char     *dip_now_iso8601 (void);

/* Appends an entry to the edit history (inside the caller's transaction).
 * `payload` is JSON describing the change and how to undo it. */
gboolean  dip_project_record_edit (DipProject *self,
                                   const char *action,
                                   const char *payload,
                                   GError    **error);

/* Replaces the beads of a document pair inside the caller's transaction,
 * without recording an edit (undo and redo use it). */
gboolean  dip_project_write_beads (DipProject   *self,
                                   gint64        src_document,
                                   gint64        tgt_document,
                                   const GArray *beads,
                                   GError      **error);

/* The beads a statement selects as (id, src_start, src_count, tgt_start,
 * tgt_count, confidence, status), in its order. Array of DipBead. */
GArray   *dip_project_read_beads       (DipProject    *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);

/* Inserts one bead at `position` (inside the caller's transaction). */
gboolean  dip_project_insert_bead      (DipProject    *self,
                                        gint64         src_document,
                                        gint64         tgt_document,
                                        guint          position,
                                        const DipBead *bead,
                                        const char    *now,
                                        GError       **error);

/* The bead of a pair that holds sentence `position` of `side`: its index
 * and the bead, or *out_index G_MAXUINT when no bead holds it. */
gboolean  dip_project_find_bead_holding (DipProject    *self,
                                         gint64         src_document,
                                         gint64         tgt_document,
                                         DipSide        side,
                                         guint          position,
                                         guint         *out_index,
                                         DipBead       *out_bead,
                                         GError       **error);

/* Replaces beads [position, position + removed) of a document pair by the
 * `n_added` beads `added`, inside the caller's transaction, without
 * recording an edit. Beads whose sentences stay the same keep their rows
 * (and the findings that hang on them); the beads after the stretch move. */
gboolean  dip_project_write_bead_range (DipProject    *self,
                                        gint64         src_document,
                                        gint64         tgt_document,
                                        guint          position,
                                        guint          removed,
                                        const DipBead *added,
                                        guint          n_added,
                                        GError       **error);

/* The same in its own transaction, recorded in the edit history as
 * `action` with the beads before and after, so that it can be undone. */
gboolean  dip_project_change_beads     (DipProject    *self,
                                        gint64         src_document,
                                        gint64         tgt_document,
                                        guint          position,
                                        guint          removed,
                                        const DipBead *added,
                                        guint          n_added,
                                        const char    *action,
                                        GError       **error);

/* Records a change of beads in the edit history (inside the caller's
 * transaction), ending what could be redone: the stretch at `position`
 * before and after, or with `position` -1 every bead of the pair. */
gboolean  dip_project_record_bead_edit (DipProject    *self,
                                        gint64         src_document,
                                        gint64         tgt_document,
                                        gint64         position,
                                        const DipBead *before,
                                        guint          n_before,
                                        const DipBead *after,
                                        guint          n_after,
                                        const char    *action,
                                        GError       **error);

/* The beads as the edit history writes them: [[s,n,t,m,conf,"status"],…]. */
void      dip_beads_append_json        (GString       *json,
                                        const DipBead *beads,
                                        guint          n_beads);
