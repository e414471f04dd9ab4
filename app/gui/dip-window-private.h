/* dip-window-private.h — what the files of the main window share. The
 * window is one class in several files, each with one job: dip-window.c
 * (project, alignment list, review), dip-window-files.c (new project,
 * import of documents). */
#pragma once

#include "dip-window.h"

G_BEGIN_DECLS

/* Shows a library error as a toast, written as the library wrote it. */
void          dip_window_show_error   (DipWindow    *self,
                                       const GError *error);
void          dip_window_show_message (DipWindow    *self,
                                       const char   *message);

/* Starts long work: the spinner and Cancel show and the actions that
 * change the project wait. NULL when work is already under way; else the
 * cancellable the work must watch (owned by the window). */
GCancellable *dip_window_begin_work   (DipWindow    *self);
void          dip_window_end_work     (DipWindow    *self);

/* Adds the actions of dip-window-files.c (new-project, import). */
void          dip_window_add_file_actions (DipWindow *self);

G_END_DECLS
