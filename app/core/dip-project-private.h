/* dip-project-private.h — what the parts of libdiptych share about a
 * project. Internal. */
#pragma once

#include <diptych/diptych.h>

#include "dip-store.h"

DipStore *dip_project_get_store (DipProject *self);

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
