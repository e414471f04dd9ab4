/* dip-bead-texts.h — every bead of a project with its two side texts, for
 * the checks and the glossary suggester. Internal to libdiptych. */
#pragma once

#include <diptych/diptych.h>

/* Called per bead, in (document pair, position) order. A side text is the
 * bead's segments joined with one space, "" for an empty side; the
 * callback owns both (and frees or keeps them). Return FALSE with `error`
 * set to stop. */
typedef gboolean (*DipBeadTextFunc) (const DipBead *bead,
                                     char          *source,
                                     char          *target,
                                     gpointer       user_data,
                                     GError       **error);

/* `status_mask`: bit (1 << status) for each DipBeadStatus wanted. */
gboolean dip_project_foreach_bead_text (DipProject      *self,
                                        guint            status_mask,
                                        DipBeadTextFunc  func,
                                        gpointer         user_data,
                                        GCancellable    *cancellable,
                                        GError         **error);
