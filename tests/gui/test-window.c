/* test-window.c — the main window, driven on a real project under Xvfb. */
#include "dip-config.h"

#include <adwaita.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "../unit/test-util.h"
#include "dip-application.h"
#include "dip-bead-item.h"
#include "dip-document-item.h"
#include "dip-window.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Destroys a window made by new_window() and waits until it is gone: a
   worker thread of its own (a look-up, a check) may still hold it, and
   it would otherwise live on into the next test, on a project whose
   folder is deleted. */
static void
close_window (DipWindow *window)
{
  gpointer alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (alive != NULL && g_get_monotonic_time () < give_up)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (alive);
  drain_main_loop ();
}

/* A project `name` with the Italian article and the English summary
   imported. */
static char *
make_sample_project_named (TestTmpDir *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir->path, name, NULL);
  g_autofree char *source = test_sample_path ("000-news-it.txt");
  g_autofree char *target = test_sample_path ("000-summary-en.txt");
  g_autoptr (GError) error = NULL;

  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);
  g_assert_true (dip_project_import_text (project, source, DIP_SIDE_SOURCE, NULL,
                                          DIP_IMPORT_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dip_project_import_text (project, target, DIP_SIDE_TARGET, NULL,
                                          DIP_IMPORT_NONE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
make_sample_project (TestTmpDir *dir)
{
  return make_sample_project_named (dir, "sample.diptych");
}

static DipWindow *
new_window (void)
{
  DipWindow *window = dip_window_new (NULL);
  g_object_ref_sink (window);
  return window;
}

/* A window of the size of the screenshot, shown, on the project at `path`. */
static DipWindow *
window_on_project (const char *path)
{
  g_autoptr (GError) error = NULL;
  DipWindow *window = new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (dip_window_load_project (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();
  return window;
}

static void
test_window_lists_documents (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = make_sample_project (dir);
  g_autoptr (DipWindow) window = new_window ();
  g_autoptr (GError) error = NULL;

  g_assert_null (dip_window_get_project (window));
  g_assert_true (dip_window_load_project (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();

  g_assert_nonnull (dip_window_get_project (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "sample.diptych");

  /* The window shows exactly what the project file holds. */
  g_autoptr (GPtrArray) expected = dip_project_list_documents (dip_window_get_project (window),
                                                               &error);
  g_assert_no_error (error);
  GListModel *documents = dip_window_get_documents (window);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  for (guint i = 0; i < expected->len; i++)
    {
      const DipDocumentInfo *info = g_ptr_array_index (expected, i);
      g_autoptr (DipDocumentItem) item = g_list_model_get_item (documents, i);
      g_assert_cmpstr (dip_document_item_get_name (item), ==, info->name);
      g_assert_cmpuint (dip_document_item_get_n_segments (item), ==, info->n_segments);
      g_assert_cmpuint (dip_document_item_get_n_segments (item), >, 5);
    }
  g_autoptr (DipDocumentItem) source = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (dip_document_item_get_name (source), ==, "000-news-it.txt");
  g_assert_cmpint (dip_document_item_get_side (source), ==, DIP_SIDE_SOURCE);
  g_assert_cmpstr (dip_document_item_get_lang (source), ==, "it");

  /* Reload re-reads the file: a document imported meanwhile appears. */
  g_autofree char *extra = test_sample_path ("001-wikipedia-en.txt");
  g_assert_true (dip_project_import_text (dip_window_get_project (window), extra,
                                          DIP_SIDE_TARGET, NULL, DIP_IMPORT_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  drain_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
}

static void
test_window_refuses_bad_files (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *good = make_sample_project (dir);
  g_autofree char *random = test_write_file (dir, "random.diptych", "not a database\n", -1);
  g_autofree char *missing = g_build_filename (dir->path, "missing.diptych", NULL);
  g_autoptr (DipWindow) window = new_window ();
  g_autoptr (GError) error = NULL;

  g_assert_false (dip_window_load_project (window, random, &error));
  test_assert_error (error, DIP_ERROR_NOT_A_PROJECT, "random.diptych");
  g_clear_error (&error);
  g_assert_null (dip_window_get_project (window));

  g_assert_false (dip_window_load_project (window, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.diptych"));
  g_clear_error (&error);

  /* A failed open keeps the project that was open. */
  g_assert_true (dip_window_load_project (window, good, &error));
  g_assert_no_error (error);
  g_assert_false (dip_window_load_project (window, random, &error));
  g_clear_error (&error);
  g_assert_cmpstr (dip_project_get_path (dip_window_get_project (window)), ==, good);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 2);

  /* Opening from the file chooser reports the failure in a dialog. */
  gtk_window_present (GTK_WINDOW (window));
  g_autoptr (GFile) file = g_file_new_for_path (random);
  dip_window_open_file (window, file);
  drain_main_loop ();
  gboolean dialog_shown = FALSE;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (toplevel);
          g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "random.diptych"));
          dialog_shown = TRUE;
          gtk_window_destroy (toplevel);
        }
    }
  g_assert_true (dialog_shown);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
}

static void
test_window_remembers_recent_projects (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = make_sample_project (dir);
  g_autoptr (DipWindow) window = new_window ();
  g_autoptr (GError) error = NULL;

  g_assert_true (dip_window_load_project (window, path, &error));
  g_assert_no_error (error);
  g_autoptr (GSettings) settings = g_settings_new (DIP_APPLICATION_ID);
  g_auto (GStrv) recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_nonnull (recent[0]);
  g_assert_cmpstr (recent[0], ==, path);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_loop ();
}

/* The application opens a window per file given to it, as
   `diptych FILE.diptych` does. */
static void
test_application_opens_files (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = make_sample_project (dir);
  g_autoptr (DipApplication) app = dip_application_new ();
  g_autoptr (GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  g_application_open (G_APPLICATION (app), files, 1, "");
  drain_main_loop ();

  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  DipWindow *window = DIP_WINDOW (windows->data);
  g_assert_nonnull (dip_window_get_project (window));
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 2);

  /* The app's actions are wired: the about window opens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  drain_main_loop ();
  gboolean about_shown = FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    about_shown |= ADW_IS_ABOUT_WINDOW (l->data);
  g_assert_true (about_shown);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  drain_main_loop ();
}

/* The beads as the project file holds them, read through a connection of
   its own. */
static GArray *
beads_in_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  gint64 src = dip_project_latest_document (project, DIP_SIDE_SOURCE, &error);
  gint64 tgt = dip_project_latest_document (project, DIP_SIDE_TARGET, &error);
  GArray *beads = dip_project_list_beads (project, src, tgt, &error);
  g_assert_no_error (error);
  return beads;
}

static char *
aligned_sample_project (TestTmpDir *dir)
{
  char *path = make_sample_project (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dip_project_align (project, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
activate (DipWindow *window, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  drain_main_loop ();
}

static void
mark_painted (gboolean *painted)
{
  *painted = TRUE;
}

/* Saves what the window shows as a PNG (GSK's cairo renderer under Xvfb),
   for README.md and for looking at a failed run. */
static void
save_screenshot (DipWindow *window, const char *name)
{
  const char *dir = g_getenv ("DIP_SCREENSHOT_DIR");
  if (dir == NULL)
    return;
  GtkWidget *widget = GTK_WIDGET (window);
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  int width = 0, height = 0;
  g_autoptr (GskRenderNode) node = NULL;
  /* The window's render node exists from a drawn frame until something
     asks for a redraw (its worker threads answer at any moment, a count
     of loop iterations proves nothing): take it right after a frame is
     drawn, waiting for another while something spoilt it first. */
  while (node == NULL && g_get_monotonic_time () < give_up)
    {
      gboolean painted = FALSE;
      gulong handler = g_signal_connect_swapped (clock, "after-paint",
                                                 G_CALLBACK (mark_painted), &painted);
      gtk_widget_queue_draw (widget);
      while (!painted && g_get_monotonic_time () < give_up)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, handler);
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autoptr (GdkTexture) texture = gsk_renderer_render_texture (
    renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_window_review_actions (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = aligned_sample_project (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) initial = beads_in_file (path);

  DipWindow *window = window_on_project (path);
  GListModel *beads = dip_window_get_beads (window);
  g_assert_cmpuint (g_list_model_get_n_items (beads), ==, initial->len);
  {
    g_autoptr (DipBeadItem) first = g_list_model_get_item (beads, 0);
    g_assert_cmpstr (dip_bead_item_get_source (first), ==, "Dom. Lug 14th, 2024");
    g_assert_cmpstr (dip_bead_item_get_target (first), ==, "Sunday, July 14, 2024");
  }
  save_screenshot (window, "main-window.png");

  /* The alignment map: a click at a bead's stretch selects that bead. */
  DipAlignmentMap *map = dip_alignment_view_get_map (dip_window_get_alignment_view (window));
  for (guint k = 0; k < initial->len; k += 5)
    {
      double x, y;
      dip_alignment_map_bead_point (map, k, &x, &y);
      g_assert_cmpuint (dip_alignment_map_find_bead (map, x, y), ==, k);
    }
  g_signal_emit_by_name (map, "bead-activated", 6u);
  g_assert_cmpuint (dip_window_get_selected_bead (window), ==, 6);

  /* The glossary page edits the project's glossary and searches it. */
  DipGlossaryView *glossary = dip_window_get_glossary_view (window);
  g_assert_cmpuint (dip_glossary_view_get_n_entries (glossary), ==, 0);
  g_assert_true (dip_glossary_view_add (glossary, "partenariato strategico",
                                        "strategic partnership", DIP_TERM_PREFERRED, &error));
  g_assert_true (dip_glossary_view_add (glossary, "Corea del Nord", "North Korea",
                                        DIP_TERM_PREFERRED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dip_glossary_view_get_n_entries (glossary), ==, 2);
  dip_glossary_view_search (glossary, "KOREA");
  g_assert_cmpuint (dip_glossary_view_get_n_shown (glossary), ==, 1);
  dip_glossary_view_search (glossary, "");
  g_assert_cmpuint (dip_glossary_view_get_n_shown (glossary), ==, 2);
  {
    g_autoptr (DipProject) project = dip_project_open (path, &error);
    g_autoptr (GPtrArray) terms = dip_project_list_glossary (project, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (terms->len, ==, 2);
  }
  /* A status changed in the list is in the file at once. */
  g_assert_true (dip_glossary_view_set_status (glossary, 0, DIP_TERM_FORBIDDEN, &error));
  g_assert_no_error (error);
  {
    g_autoptr (DipProject) project = dip_project_open (path, &error);
    g_autoptr (GPtrArray) terms = dip_project_list_glossary (project, &error);
    g_assert_no_error (error);
    guint forbidden = 0;
    for (guint i = 0; i < terms->len; i++)
      forbidden += ((DipGlossaryEntry *) g_ptr_array_index (terms, i))->status
                   == DIP_TERM_FORBIDDEN;
    g_assert_cmpuint (forbidden, ==, 1);
  }
  g_assert_false (dip_glossary_view_add (glossary, "", "empty", DIP_TERM_PREFERRED, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Run the checks in the background; a finding leads to its bead. */
  g_assert_cmpuint (dip_window_get_n_findings (window), ==, 0);
  /* Not activate(): its drain of the loop could see the work end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  g_assert_true (dip_window_is_busy (window));
  for (guint i = 0; i < 6000 && dip_window_is_busy (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dip_window_get_n_findings (window), >, 0);
  {
    g_autoptr (DipProject) project = dip_project_open (path, &error);
    g_assert_no_error (error);
    g_autoptr (GPtrArray) stored = dip_project_list_findings (project, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, dip_window_get_n_findings (window));
    const DipFinding *last = g_ptr_array_index (stored, stored->len - 1);
    dip_window_show_finding (window, stored->len - 1);
    guint shown = dip_window_get_selected_bead (window);
    g_autoptr (DipBeadItem) item = g_list_model_get_item (dip_window_get_beads (window), shown);
    g_assert_cmpint (dip_bead_item_get_bead (item)->id, ==, last->bead_id);
    /* Beside the bead, its findings. */
    DipBeadHelp *help = dip_alignment_view_get_help (dip_window_get_alignment_view (window));
    g_assert_cmpuint (dip_bead_help_get_n_findings (help), >, 0);
  }

  /* Confirm bead 4: in the file at once, and the selection moves on to the
     least confident bead still unconfirmed. */
  dip_window_select_bead (window, 3);
  activate (window, "win.confirm");
  g_autoptr (GArray) confirmed = beads_in_file (path);
  g_assert_cmpint (g_array_index (confirmed, DipBead, 3).status, ==, DIP_BEAD_CONFIRMED);
  guint after_confirm = dip_window_get_selected_bead (window);
  for (guint i = 0; i < confirmed->len; i++)
    if (g_array_index (confirmed, DipBead, i).status != DIP_BEAD_CONFIRMED)
      g_assert_cmpfloat (g_array_index (confirmed, DipBead, after_confirm).confidence, <=,
                         g_array_index (confirmed, DipBead, i).confidence);

  /* Merge beads 1 and 2 into one that joins two sentences a side, split
     it again, and undo both. */
  dip_window_select_bead (window, 0);
  activate (window, "win.merge-next");
  g_autoptr (GArray) merged = beads_in_file (path);
  g_assert_cmpuint (merged->len, ==, initial->len - 1);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_beads (window)), ==, merged->len);
  g_assert_cmpuint (g_array_index (merged, DipBead, 0).src_count, ==, 2);
  dip_window_select_bead (window, 0);
  activate (window, "win.split");
  g_autoptr (GArray) split = beads_in_file (path);
  g_assert_cmpuint (split->len, ==, merged->len + 1);
  activate (window, "win.undo");
  g_autoptr (GArray) split_undone = beads_in_file (path);
  g_assert_cmpuint (split_undone->len, ==, merged->len);
  activate (window, "win.undo");
  g_autoptr (GArray) unmerged = beads_in_file (path);
  g_assert_cmpuint (unmerged->len, ==, initial->len);

  /* Close the window; a new one undoes the confirmation from before. */
  close_window (window);
  window = new_window ();
  g_assert_true (dip_window_load_project (window, path, &error));
  g_assert_no_error (error);
  activate (window, "win.undo");
  g_autoptr (GArray) undone = beads_in_file (path);
  g_assert_cmpint (g_array_index (undone, DipBead, 3).status, ==, DIP_BEAD_AUTO);
  activate (window, "win.redo");
  g_autoptr (GArray) redone = beads_in_file (path);
  g_assert_cmpint (g_array_index (redone, DipBead, 3).status, ==, DIP_BEAD_CONFIRMED);

  /* Align again in the background: the window stays usable, the confirmed
     bead stays where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.align", NULL));
  g_assert_true (dip_window_is_busy (window));
  for (guint i = 0; i < 6000 && dip_window_is_busy (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dip_window_is_busy (window));
  g_autoptr (GArray) realigned = beads_in_file (path);
  gboolean kept = FALSE;
  const DipBead *was = &g_array_index (redone, DipBead, 3);
  for (guint i = 0; i < realigned->len; i++)
    {
      const DipBead *b = &g_array_index (realigned, DipBead, i);
      kept |= b->status == DIP_BEAD_CONFIRMED && b->src_start == was->src_start
              && b->tgt_start == was->tgt_start;
    }
  g_assert_true (kept);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_beads (window)), ==, realigned->len);

  /* The review queue starts at the least confident unconfirmed bead. */
  double lowest = 2;
  for (guint i = 0; i < realigned->len; i++)
    {
      const DipBead *b = &g_array_index (realigned, DipBead, i);
      if (b->status != DIP_BEAD_CONFIRMED)
        lowest = MIN (lowest, b->confidence);
    }
  dip_window_select_bead (window, 0);
  activate (window, "win.next-unsure");
  guint first_unsure = dip_window_get_selected_bead (window);
  g_assert_cmpfloat (g_array_index (realigned, DipBead, first_unsure).confidence, ==, lowest);
  activate (window, "win.next-unsure");
  guint second_unsure = dip_window_get_selected_bead (window);
  g_assert_cmpuint (second_unsure, !=, first_unsure);
  g_assert_cmpfloat (g_array_index (realigned, DipBead, second_unsure).confidence, >=, lowest);

  /* Export the confirmed pairs as TMX in the background. */
  g_autofree char *tmx = g_build_filename (dir->path, "sample.tmx", NULL);
  dip_window_export_tmx (window, tmx);
  g_assert_true (dip_window_is_busy (window));
  for (guint i = 0; i < 6000 && dip_window_is_busy (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (tmx, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<tmx version=\"1.4\">"));
  g_assert_nonnull (strstr (contents, "x-diptych-status\">confirmed<"));

  close_window (window);
}

static void
set_editor_text (DipBeadEditor *editor, DipSide side, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dip_bead_editor_get_view (editor, side)),
                            text, -1);
}

static char *
segment_in_file (const char *path, DipSide side, guint position)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  gint64 document = dip_project_latest_document (project, side, &error);
  char *text = dip_project_get_segment_text (project, document, position, &error);
  g_assert_no_error (error);
  return text;
}

static char *
row_target (DipWindow *window, guint index)
{
  g_autoptr (DipBeadItem) item = g_list_model_get_item (dip_window_get_beads (window), index);
  return g_strdup (dip_bead_item_get_target (item));
}

/* Moving sentences, gaps and text corrections, each in the file at once
   and in the list without reading the whole alignment again. */
static void
test_window_edit_actions (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = aligned_sample_project (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) initial = beads_in_file (path);

  DipWindow *window = window_on_project (path);
  GListModel *beads = dip_window_get_beads (window);

  /* A gap parts the first bead; moving the target up joins it again. */
  dip_window_select_bead (window, 0);
  activate (window, "win.insert-gap");
  g_autoptr (GArray) parted = beads_in_file (path);
  g_assert_cmpuint (parted->len, ==, initial->len + 1);
  g_assert_cmpuint (g_array_index (parted, DipBead, 0).tgt_count, ==, 0);
  g_assert_cmpuint (g_array_index (parted, DipBead, 1).src_count, ==, 0);
  g_assert_true (dip_window_get_beads (window) == beads);
  g_assert_cmpuint (g_list_model_get_n_items (beads), ==, parted->len);
  g_autofree char *no_target = row_target (window, 0);
  g_assert_cmpstr (no_target, ==, "");
  dip_window_select_bead (window, 1);
  activate (window, "win.move-target-up");
  g_autoptr (GArray) joined = beads_in_file (path);
  g_assert_cmpuint (joined->len, ==, initial->len);
  g_autofree char *first_target = row_target (window, 0);
  g_assert_cmpstr (first_target, ==, "Sunday, July 14, 2024");

  /* The source sentence of bead 4 (1-1) down into bead 5, and back. */
  dip_window_select_bead (window, 3);
  activate (window, "win.move-source-down");
  g_autoptr (GArray) moved = beads_in_file (path);
  g_assert_cmpuint (moved->len, ==, initial->len);
  g_assert_cmpuint (g_array_index (moved, DipBead, 3).src_count, ==, 0);
  g_assert_cmpuint (g_array_index (moved, DipBead, 4).src_start, ==,
                    g_array_index (initial, DipBead, 4).src_start - 1);
  activate (window, "win.undo");
  g_autoptr (GArray) back = beads_in_file (path);
  g_assert_cmpuint (back->len, ==, initial->len);
  for (guint i = 0; i < back->len; i++)
    {
      const DipBead *a = &g_array_index (back, DipBead, i), *b = &g_array_index (initial, DipBead, i);
      g_assert_true (a->src_start == b->src_start && a->src_count == b->src_count
                     && a->tgt_start == b->tgt_start && a->tgt_count == b->tgt_count);
    }

  /* Split at the cursor: beads 1 and 2 merged (2-2), the source cursor
     in the first sentence and the target cursor in the second give 1-2
     and 1-0. */
  DipBeadEditor *editor = dip_alignment_view_get_editor (dip_window_get_alignment_view (window));
  dip_window_select_bead (window, 0);
  activate (window, "win.merge-next");
  {
    GtkTextBuffer *target = gtk_text_view_get_buffer (
      dip_bead_editor_get_view (editor, DIP_SIDE_TARGET));
    GtkTextIter second;
    gtk_text_buffer_get_iter_at_line (target, &second, 1);
    gtk_text_buffer_place_cursor (target, &second);
  }
  activate (window, "win.split");
  g_autoptr (GArray) at_cursor = beads_in_file (path);
  g_assert_cmpuint (g_array_index (at_cursor, DipBead, 0).src_count, ==, 1);
  g_assert_cmpuint (g_array_index (at_cursor, DipBead, 0).tgt_count, ==, 2);
  g_assert_cmpuint (g_array_index (at_cursor, DipBead, 1).src_count, ==, 1);
  g_assert_cmpuint (g_array_index (at_cursor, DipBead, 1).tgt_count, ==, 0);
  activate (window, "win.undo");
  activate (window, "win.undo");
  g_autoptr (GArray) unsplit = beads_in_file (path);
  g_assert_cmpuint (unsplit->len, ==, initial->len);

  /* The editor: a corrected target sentence goes into the file and the
     row; undo puts it back; a text that lost its one-line-a-sentence shape
     is refused. */
  dip_window_select_bead (window, 0);
  drain_main_loop ();
  activate (window, "win.edit-target");
  set_editor_text (editor, DIP_SIDE_TARGET, "Sunday 14 July 2024");
  g_assert_true (dip_bead_editor_commit (editor, DIP_SIDE_TARGET));
  drain_main_loop ();
  g_autofree char *stored = segment_in_file (path, DIP_SIDE_TARGET, 0);
  g_assert_cmpstr (stored, ==, "Sunday 14 July 2024");
  g_autofree char *shown = row_target (window, 0);
  g_assert_cmpstr (shown, ==, "Sunday 14 July 2024");
  activate (window, "win.undo");
  g_autofree char *undone = segment_in_file (path, DIP_SIDE_TARGET, 0);
  g_assert_cmpstr (undone, ==, "Sunday, July 14, 2024");
  g_autofree char *shown_again = row_target (window, 0);
  g_assert_cmpstr (shown_again, ==, "Sunday, July 14, 2024");
  set_editor_text (editor, DIP_SIDE_TARGET, "Sunday,\nJuly 14, 2024");
  g_assert_false (dip_bead_editor_commit (editor, DIP_SIDE_TARGET));
  g_autofree char *kept = segment_in_file (path, DIP_SIDE_TARGET, 0);
  g_assert_cmpstr (kept, ==, "Sunday, July 14, 2024");

  /* Typing elsewhere and moving on keeps what was typed. */
  set_editor_text (editor, DIP_SIDE_TARGET, "Sunday, July 14th, 2024");
  dip_window_select_bead (window, 3);
  drain_main_loop ();
  g_autofree char *kept_on_move = segment_in_file (path, DIP_SIDE_TARGET, 0);
  g_assert_cmpstr (kept_on_move, ==, "Sunday, July 14th, 2024");

  /* The concordance: beads with every word, on either side, one after
     the other from the selection on. */
  activate (window, "win.find");
  dip_window_select_bead (window, 0);
  dip_window_find (window, "putin KIM");
  g_assert_cmpuint (dip_window_get_n_found (window), >=, 2);
  guint first_found = dip_window_get_selected_bead (window);
  {
    g_autoptr (DipBeadItem) item = g_list_model_get_item (dip_window_get_beads (window),
                                                          first_found);
    g_autofree char *both = g_strconcat (dip_bead_item_get_source (item), " ",
                                         dip_bead_item_get_target (item), NULL);
    g_assert_nonnull (strstr (both, "Putin"));
  }
  activate (window, "win.find-next");
  g_assert_cmpuint (dip_window_get_selected_bead (window), >, first_found);
  activate (window, "win.find-previous");
  g_assert_cmpuint (dip_window_get_selected_bead (window), ==, first_found);
  dip_window_find (window, "zzyzx");
  g_assert_cmpuint (dip_window_get_n_found (window), ==, 0);

  /* Misspelt words are underlined as they are typed. */
  set_editor_text (editor, DIP_SIDE_TARGET, "The agencyy sayd it.");
  if (g_file_test ("/usr/share/hunspell/en_US.dic", G_FILE_TEST_EXISTS))
    g_assert_cmpuint (dip_bead_editor_count_misspelt (editor, DIP_SIDE_TARGET), ==, 2);
  dip_bead_editor_revert (editor, DIP_SIDE_TARGET);
  g_assert_cmpuint (dip_bead_editor_count_misspelt (editor, DIP_SIDE_TARGET), ==, 0);

  close_window (window);
}

/* Cancel stops an alignment and leaves the project as it was. */
static void
test_window_cancels_long_work (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "book.diptych", NULL);
  g_autoptr (GError) error = NULL;
  {
    /* A book against itself: aligning it takes seconds, so Cancel comes
       while the work is under way, however loaded the machine is. */
    g_autoptr (DipProject) project = dip_project_create (path, "en", "en", &error);
    g_autofree char *book = test_sample_path ("003-book-en.txt");
    g_assert_no_error (error);
    g_assert_true (dip_project_import_text (project, book, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error));
    g_assert_true (dip_project_import_text (project, book, DIP_SIDE_TARGET, NULL,
                                            DIP_IMPORT_NONE, NULL, &error));
    g_assert_no_error (error);
  }

  DipWindow *window = new_window ();
  g_assert_true (dip_window_load_project (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.align", NULL));
  g_assert_true (dip_window_is_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  for (guint i = 0; i < 6000 && dip_window_is_busy (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dip_window_is_busy (window));
  g_autoptr (GArray) beads = beads_in_file (path);
  g_assert_cmpuint (beads->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_beads (window)), ==, 0);

  close_window (window);
}

/* Until the translation-memory search for the selected bead is done. */
static void
wait_for_memory (DipWindow *window)
{
  drain_main_loop ();
  while (dip_window_is_looking_up (window))
    g_main_context_iteration (NULL, TRUE);
  drain_main_loop ();
}

/* Selects the first `needle` in a side of the editor, as a drag would. */
static void
select_in_editor (DipBeadEditor *editor, DipSide side, const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dip_bead_editor_get_view (editor, side));
  GtkTextIter start, end, match_start, match_end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end,
                                               NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

/* Beside the editor: the glossary terms of the bead and translations of
   similar sentences from the project's memory, one click putting a
   translation into the target. */
static void
test_window_bead_help (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "memory.diptych", NULL);
  g_autoptr (GError) error = NULL;
  {
    /* An earlier translation, imported before the article and its summary. */
    g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
    g_assert_no_error (error);
    g_autofree char *memory = test_write_file (
      dir, "memory.tsv",
      "Il Giappone e la Corea del Sud hanno lanciato l’allarme sull’approfondimento della "
      "collaborazione militare tra Russia e Corea del Nord dopo che Putin e Kim hanno firmato "
      "un ampio partenariato strategico.\tJapan and South Korea sounded the alarm over military "
      "cooperation between Russia and North Korea.\n", -1);
    g_assert_true (dip_project_import_pairs (project, memory, NULL, NULL, &error));
    g_autofree char *source = test_sample_path ("000-news-it.txt");
    g_autofree char *target = test_sample_path ("000-summary-en.txt");
    g_assert_true (dip_project_import_text (project, source, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error));
    g_assert_true (dip_project_import_text (project, target, DIP_SIDE_TARGET, NULL,
                                            DIP_IMPORT_NONE, NULL, &error));
    g_assert_true (dip_project_align (project, NULL, NULL, &error));
    DipGlossaryEntry entry = { .src_term = (char *) "Corea del Sud",
                               .tgt_term = (char *) "South Korea",
                               .status = DIP_TERM_PREFERRED };
    g_assert_cmpint (dip_project_add_glossary_entry (project, &entry, &error), >, 0);
    g_assert_no_error (error);
  }

  DipWindow *window = window_on_project (path);
  DipAlignmentView *view = dip_window_get_alignment_view (window);
  DipBeadHelp *help = dip_alignment_view_get_help (view);
  DipBeadEditor *editor = dip_alignment_view_get_editor (view);

  /* Bead 4 is the long sentence about Japan and South Korea. */
  dip_window_select_bead (window, 3);
  wait_for_memory (window);
  g_assert_cmpuint (dip_bead_help_get_n_terms (help), ==, 1);
  g_assert_cmpuint (dip_bead_help_get_n_matches (help), ==, 1);
  dip_bead_help_choose_match (help, 0);
  g_assert_true (dip_bead_editor_commit (editor, DIP_SIDE_TARGET));
  drain_main_loop ();
  g_autoptr (DipBeadItem) item = g_list_model_get_item (dip_window_get_beads (window), 3);
  g_autofree char *stored = segment_in_file (path, DIP_SIDE_TARGET,
                                             dip_bead_item_get_bead (item)->tgt_start);
  g_assert_cmpstr (stored, ==, "Japan and South Korea sounded the alarm over military "
                               "cooperation between Russia and North Korea.");

  /* A term selected in the source goes into the glossary with the
     translation typed in the dialog that asks for it. */
  select_in_editor (editor, DIP_SIDE_SOURCE, "Corea del Nord");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-term", NULL));
  drain_main_loop ();
  AdwMessageDialog *dialog = NULL;
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         " North Korea ");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_loop ();
  {
    g_autoptr (DipProject) project = dip_project_open (path, &error);
    g_autoptr (GPtrArray) terms = dip_project_list_glossary (project, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (terms->len, ==, 2);
    gboolean found = FALSE;
    for (guint i = 0; i < terms->len; i++)
      {
        const DipGlossaryEntry *entry = g_ptr_array_index (terms, i);
        found |= g_str_equal (entry->src_term, "Corea del Nord")
                 && g_str_equal (entry->tgt_term, "North Korea");
      }
    g_assert_true (found);
  }
  g_assert_cmpuint (dip_bead_help_get_n_terms (help), ==, 2);

  /* The date line has neither. */
  dip_window_select_bead (window, 0);
  wait_for_memory (window);
  g_assert_cmpuint (dip_bead_help_get_n_terms (help), ==, 0);
  g_assert_cmpuint (dip_bead_help_get_n_matches (help), ==, 0);

  close_window (window);
}

/* A window on a new, empty English-Italian project `name` in `dir`. */
static DipWindow *
window_on_new_project (TestTmpDir *dir, const char *name, char **out_path)
{
  g_autoptr (GError) error = NULL;
  DipWindow *window = new_window ();
  *out_path = g_build_filename (dir->path, name, NULL);
  g_assert_true (dip_window_create_project (window, *out_path, "en", "it", &error));
  g_assert_no_error (error);
  return window;
}

/* The bead editor goes with its window, even while it is still loading
   its spelling dictionaries in a worker: kept alive by that work, it
   underlined its text after the window was gone, and GTK then ran its
   text views' validation on freed memory. */
static void
test_window_editor_goes_with_it (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = aligned_sample_project (dir);

  DipWindow *window = window_on_project (path);
  DipBeadEditor *editor = dip_alignment_view_get_editor (dip_window_get_alignment_view (window));
  dip_window_select_bead (window, 1);
  drain_main_loop ();
  gpointer alive = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &alive);
  close_window (window);
  g_assert_null (alive);
}

/* A window closed while its long work runs stops the work and goes
   quietly: the work's end finds no widgets to update. */
static void
test_window_closes_during_work (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *book = test_sample_path ("003-book-en.txt");
  g_autoptr (GError) error = NULL;

  DipWindow *window = window_on_new_project (dir, "closing.diptych", &path);
  dip_window_import_document (window, book, DIP_SIDE_SOURCE);
  g_assert_true (dip_window_is_busy (window));
  close_window (window);

  /* The project is whole: the import was undone or finished, not cut. */
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, <=, 1);
}

static void
wait_until_idle (DipWindow *window)
{
  for (guint i = 0; i < 6000 && dip_window_is_busy (window); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dip_window_is_busy (window));
  drain_main_loop ();
}

/* The sample's article and summary aligned by the library alone, in a
   project of their own. */
static GArray *
beads_aligned_apart (TestTmpDir *dir, const char *name, DipDictionary *dictionary)
{
  g_autofree char *path = make_sample_project_named (dir, name);
  g_autoptr (GError) error = NULL;
  {
    g_autoptr (DipProject) project = dip_project_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (dip_project_align (project, dictionary, NULL, &error));
    g_assert_no_error (error);
  }
  return beads_in_file (path);
}

/* Same spans, same confidences. */
static gboolean
same_beads (GArray *a, GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const DipBead *x = &g_array_index (a, DipBead, i), *y = &g_array_index (b, DipBead, i);
      if (x->src_start != y->src_start || x->src_count != y->src_count
          || x->tgt_start != y->tgt_start || x->tgt_count != y->tgt_count
          || fabs (x->confidence - y->confidence) > 1e-9)
        return FALSE;
    }
  return TRUE;
}

/* From nothing to an alignment without leaving the window: a new project,
   a text and its translation imported, aligned. */
static void
test_window_new_project_and_import (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "new.diptych", NULL);
  g_autofree char *source = test_sample_path ("000-news-it.txt");
  g_autofree char *target = test_sample_path ("000-summary-en.txt");
  g_autofree char *missing = g_build_filename (dir->path, "missing.txt", NULL);
  g_autoptr (GError) error = NULL;

  DipWindow *window = new_window ();
  g_assert_false (dip_window_create_project (window, path, "it", "not a tag!", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (dip_window_create_project (window, path, "it", "en", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 0);

  dip_window_import_document (window, source, DIP_SIDE_SOURCE);
  g_assert_true (dip_window_is_busy (window));
  wait_until_idle (window);
  dip_window_import_document (window, missing, DIP_SIDE_TARGET);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 1);
  dip_window_import_document (window, target, DIP_SIDE_TARGET);
  wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.align", NULL));
  wait_until_idle (window);
  g_autoptr (GArray) beads = beads_in_file (path);
  g_assert_cmpuint (beads->len, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_beads (window)), ==, beads->len);

  /* The window aligns with the FreeDict dictionary installed for the
     project's languages, the Italian-English one first, as the library
     does with it. */
  g_autofree char *installed = dip_dictionary_find_installed ("it", "en", NULL);
  g_autoptr (DipDictionary) dictionary = NULL;
  if (installed != NULL)
    {
      dictionary = dip_dictionary_load (installed, &error);
      g_assert_no_error (error);
    }
  g_autoptr (GArray) expected = beads_aligned_apart (dir, "with.diptych", dictionary);
  g_assert_true (same_beads (beads, expected));
  if (dictionary != NULL)
    {
      g_autoptr (GArray) without = beads_aligned_apart (dir, "without.diptych", NULL);
      g_assert_false (same_beads (beads, without));
    }
  else
    g_test_message ("no FreeDict Italian-English dictionary installed: aligned without one");

  close_window (window);
}

/* A project damaged where opening does not read is found by the check
   the window runs in the background: the window lets go of it and says
   so, and nothing more is written to it. */
static void
test_window_finds_damage_later (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = aligned_sample_project (dir);
  g_autoptr (GError) error = NULL;

  /* Garbage over the pages of the full-text index, which opening and
     showing the alignment do not read (SQLite's dbstat table says where
     they are). */
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  int page_size = 0;
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    if (sqlite3_prepare_v2 (db, "SELECT pageno, pgsize FROM dbstat WHERE name = 'segment_fts_data'",
                            -1, &stmt, NULL) == SQLITE_OK)
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 page = sqlite3_column_int64 (stmt, 0);
          page_size = sqlite3_column_int (stmt, 1);
          g_array_append_val (pages, page);
        }
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  if (pages->len == 0)
    {
      g_test_skip ("SQLite without the dbstat table: cannot tell where to damage the file");
      return;
    }
  g_autofree char *data = NULL;
  gsize size = 0;
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  for (guint i = 0; i < pages->len; i++)
    {
      gint64 page = g_array_index (pages, gint64, i);
      g_assert_cmpuint ((gsize) page * page_size, <=, size);
      memset (data + (page - 1) * page_size, 0x5A, page_size);
    }
  g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));

  DipWindow *window = new_window ();
  gtk_window_present (GTK_WINDOW (window));
  gboolean opened = dip_window_load_project (window, path, &error);
  g_test_message ("damaged project opened at first: %s", opened ? "yes" : error->message);
  g_clear_error (&error);
  gboolean dialog_shown = FALSE;
  for (guint i = 0; i < 3000 && !dialog_shown && opened; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_autoptr (GList) toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          {
            const char *heading = adw_message_dialog_get_heading (l->data);
            g_assert_nonnull (strstr (heading, "Damaged"));
            dialog_shown = TRUE;
            gtk_window_destroy (l->data);
          }
    }
  g_assert_true (opened);
  g_assert_true (dialog_shown);
  g_assert_null (dip_window_get_project (window));

  close_window (window);
}

/* A book's import says how far it has come while it runs. */
static void
test_window_shows_progress (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = NULL;
  g_autofree char *book = test_sample_path ("003-book-en.txt");

  DipWindow *window = window_on_new_project (dir, "progress.diptych", &path);
  g_assert_cmpfloat (dip_window_get_progress (window), ==, -1);
  dip_window_import_document (window, book, DIP_SIDE_SOURCE);
  double most = -1;
  guint changes = 0;
  while (dip_window_is_busy (window))
    {
      double now = dip_window_get_progress (window);
      changes += now != most && now > most;
      most = MAX (most, now);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_test_message ("progress seen up to %.3f, %u steps", most, changes);
  g_assert_cmpfloat (most, >=, 0.5);
  g_assert_cmpfloat (most, <=, 1.0);
  g_assert_cmpuint (changes, >=, 3);
  g_assert_cmpfloat (dip_window_get_progress (window), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_documents (window)), ==, 1);

  close_window (window);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/lists-documents", test_window_lists_documents);
  g_test_add_func ("/window/refuses-bad-files", test_window_refuses_bad_files);
  g_test_add_func ("/window/remembers-recent-projects", test_window_remembers_recent_projects);
  g_test_add_func ("/window/review-actions", test_window_review_actions);
  g_test_add_func ("/window/edit-actions", test_window_edit_actions);
  g_test_add_func ("/window/cancels-long-work", test_window_cancels_long_work);
  g_test_add_func ("/window/bead-help", test_window_bead_help);
  g_test_add_func ("/window/editor-goes-with-it", test_window_editor_goes_with_it);
  g_test_add_func ("/window/closes-during-work", test_window_closes_during_work);
  g_test_add_func ("/window/new-project-and-import", test_window_new_project_and_import);
  g_test_add_func ("/window/finds-damage-later", test_window_finds_damage_later);
  g_test_add_func ("/window/shows-progress", test_window_shows_progress);
  g_test_add_func ("/application/opens-files", test_application_opens_files);
  return g_test_run ();
}
