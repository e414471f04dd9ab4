/* dip-window.h — the main window: one project. */
#pragma once

#include <adwaita.h>
#include <diptych/diptych.h>

#include "dip-alignment-view.h"
#include "dip-glossary-view.h"

G_BEGIN_DECLS

#define DIP_TYPE_WINDOW (dip_window_get_type ())
G_DECLARE_FINAL_TYPE (DipWindow, dip_window, DIP, WINDOW, AdwApplicationWindow)

DipWindow  *dip_window_new           (GtkApplication *app);

/* Opens the project at `path` and shows it. On failure the window keeps
 * what it showed before and `error` says why. */
gboolean    dip_window_load_project  (DipWindow   *self,
                                      const char  *path,
                                      GError     **error);

/* Like dip_window_load_project() but reports a failure in a dialog. */
void        dip_window_open_file     (DipWindow *self,
                                      GFile     *file);

/* The open project, or NULL. */
DipProject *dip_window_get_project   (DipWindow *self);

/* Makes a project at `path` with its two languages and shows it. */
gboolean    dip_window_create_project (DipWindow   *self,
                                       const char  *path,
                                       const char  *source_lang,
                                       const char  *target_lang,
                                       GError     **error);

/* Imports a text into the shown project as `side`, in the background
 * (dip_window_is_busy until done); errors are shown in the window. */
void        dip_window_import_document (DipWindow  *self,
                                        const char *path,
                                        DipSide     side);

DipAlignmentView *dip_window_get_alignment_view (DipWindow *self);
DipGlossaryView  *dip_window_get_glossary_view  (DipWindow *self);

/* The beads the alignment view shows: a model of DipBeadItem. */
GListModel *dip_window_get_beads         (DipWindow *self);
void        dip_window_select_bead       (DipWindow *self,
                                          guint      index);
guint       dip_window_get_selected_bead (DipWindow *self);

/* The findings the Checks page lists, and going to the bead of one. */
guint       dip_window_get_n_findings    (DipWindow *self);
void        dip_window_show_finding      (DipWindow *self,
                                          guint      position);

/* Exports the confirmed pairs to `path` as TMX in the background. */
void        dip_window_export_tmx        (DipWindow  *self,
                                          const char *path);

/* Whether an alignment or export runs in the background. */
gboolean    dip_window_is_busy           (DipWindow *self);

/* Finds the beads with every word of `text` on either side, as the
 * concordance bar does, and goes to the first at or after the selection;
 * how many it found. */
void        dip_window_find              (DipWindow  *self,
                                          const char *text);
guint       dip_window_get_n_found       (DipWindow  *self);

/* How far the work under way has come as its worker last said, 0 to 1;
 * -1 when it has not said (or no work runs). */
double      dip_window_get_progress      (DipWindow *self);

/* A search of the translation memory for the selected bead is under way
 * (its matches appear beside the editor when it is done). */
gboolean    dip_window_is_looking_up     (DipWindow *self);

/* The documents of the open project: a model of DipDocumentItem. */
GListModel *dip_window_get_documents (DipWindow *self);

G_END_DECLS
