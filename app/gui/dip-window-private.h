/* dip-window-private.h — what the files of the main window share. The
 * window is one class in several files, each with one job:
 *   dip-window.c         projects, the lists of documents, beads, findings
 *   dip-window-review.c  corrections of beads and the review queue
 *   dip-window-editor.c  the bead editor and the help beside it
 *   dip-window-jobs.c    long work in the background: align, check, export
 *   dip-window-files.c   new project, import of documents
 *   dip-window-find.c    the concordance (find beads by their words) */
#pragma once

#include "dip-alignment-view.h"
#include "dip-glossary-view.h"
#include "dip-window.h"

G_BEGIN_DECLS

struct _DipWindow
{
  AdwApplicationWindow parent_instance;

  GSettings        *settings;
  DipProject       *project;
  GListStore       *documents;
  gint64            src_document;   /* the pair the alignment view shows */
  gint64            tgt_document;
  GCancellable     *busy;           /* set while an alignment runs */
  guint             queue_at;       /* the bead the review queue selected last */
  GPtrArray        *findings;       /* DipFinding*, as the Checks page lists them */
  GListStore       *beads;          /* DipBeadItem of the pair shown */
  GPtrArray        *segments[2];    /* char*: segment texts of its source and target documents */
  gboolean          committing;     /* the editor is handing on its changes */
  guint             help_source;    /* idle that fills the panel beside the editor */
  gboolean          looking_up;     /* a search of the translation memory runs */
  gpointer          next_lookup;    /* the search to run after it (Lookup*), or NULL */
  gint              progress;       /* of the work under way, in thousandths; -1 unknown
                                     * (written by workers: atomic) */
  guint             progress_source; /* timeout that shows it */
  GArray           *found;          /* guint: beads the concordance found, or NULL */
  guint             found_at;       /* the one shown last */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  DipAlignmentView     *alignment_view;
  DipGlossaryView      *glossary_view;
  GtkListBox           *documents_list;
  GtkLabel             *summary_label;
  GtkSpinner           *busy_spinner;
  GtkButton            *cancel_button;
  GtkProgressBar       *progress_bar;
  GtkListBox           *findings_list;
  GtkLabel             *findings_label;
};

/* Enables the actions that make sense now (a project, a pair, no work
 * under way). */
void          dip_window_update_actions (DipWindow *self);

/* After a change of the project: brings the list in step, selects bead
 * `selected`, and says `message` (nullable) with an Undo button. */
void          dip_window_changed      (DipWindow  *self,
                                       guint       selected,
                                       const char *message);
/* The same after work on a connection of its own (a worker thread's):
 * this window's project cannot tell what changed, so every row is read. */
void          dip_window_changed_elsewhere (DipWindow  *self,
                                            guint       selected,
                                            const char *message);

/* Reads the stored findings into the Checks page. */
gboolean      dip_window_load_findings (DipWindow *self,
                                        GError   **error);

/* Fills the panel beside the editor for the selected bead again. */
void          dip_window_refresh_bead_help (DipWindow *self);

/* Drops a translation-memory search waiting to run (the window closes). */
void          dip_window_forget_lookups (DipWindow *self);

/* Wires the bead editor and its help panel to the selection. */
void          dip_window_connect_editor (DipWindow *self);

/* The actions of dip-window-review.c and dip-window-jobs.c. */
void          dip_window_add_review_actions (DipWindow *self);
void          dip_window_add_job_actions    (DipWindow *self);
void          dip_window_add_find_actions   (DipWindow *self);

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

/* Has a worker's own connection to the project report its progress to
 * the window's progress bar. Call in the worker thread. */
void          dip_window_watch_progress (DipWindow  *self,
                                         DipProject *worker_project);

/* Adds the actions of dip-window-files.c (new-project, import). */
void          dip_window_add_file_actions (DipWindow *self);

G_END_DECLS
