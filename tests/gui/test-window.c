/* test-window.c — the main window, driven on a real project under Xvfb. */
#include "dip-config.h"

#include <adwaita.h>
#include <string.h>

#include "../unit/test-util.h"
#include "dip-application.h"
#include "dip-document-item.h"
#include "dip-window.h"

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A project with the Italian article and the English summary imported. */
static char *
make_sample_project (TestTmpDir *dir)
{
  g_autofree char *path = g_build_filename (dir->path, "sample.diptych", NULL);
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

static DipWindow *
new_window (void)
{
  DipWindow *window = dip_window_new (NULL);
  g_object_ref_sink (window);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/lists-documents", test_window_lists_documents);
  g_test_add_func ("/window/refuses-bad-files", test_window_refuses_bad_files);
  g_test_add_func ("/window/remembers-recent-projects", test_window_remembers_recent_projects);
  g_test_add_func ("/application/opens-files", test_application_opens_files);
  return g_test_run ();
}
