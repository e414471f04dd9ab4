/* dip-window-files.c — the main window's New Project and Import Document.
 *
 * A new project needs a file and the two languages; an imported document
 * needs a file and its side. Importing a book takes seconds (segmenting,
 * storing, indexing), so it runs in a GTask on a connection of its own,
 * with the window's spinner and Cancel, and the window reads the project
 * again when it is done.
 */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-window-private.h"

/* ---- new project --------------------------------------------------------- */

gboolean
dip_window_create_project (DipWindow *self, const char *path, const char *source_lang,
                           const char *target_lang, GError **error)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), FALSE);
  g_autoptr (DipProject) project = dip_project_create (path, source_lang, target_lang, error);
  if (project == NULL)
    return FALSE;
  /* Closed before the window opens it, like any other project. */
  g_clear_object (&project);
  return dip_window_load_project (self, path, error);
}

typedef struct
{
  DipWindow *window;
  char      *path;
  GtkEditable *source_lang;
  GtkEditable *target_lang;
} NewProject;

static void
new_project_free (NewProject *job)
{
  g_free (job->path);
  g_free (job);
}

static void
languages_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  NewProject *job = user_data;
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "create")
      && !dip_window_create_project (job->window, job->path,
                                     gtk_editable_get_text (job->source_lang),
                                     gtk_editable_get_text (job->target_lang), &error))
    dip_window_show_error (job->window, error);
  new_project_free (job);
}

static GtkWidget *
language_row (const char *title, const char *text, GtkEditable **out)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  *out = GTK_EDITABLE (row);
  return row;
}

/* Asks for the languages of a project to be made at `path`. */
static void
ask_languages (DipWindow *self, const char *path)
{
  NewProject *job = g_new0 (NewProject, 1);
  job->window = self;
  job->path = g_str_has_suffix (path, ".diptych") ? g_strdup (path)
                                                  : g_strconcat (path, ".diptych", NULL);

  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), _("Languages of the Project"),
    _("The languages of the source and the target texts, as language tags (it, en-GB, "
      "pt-BR): they choose the sentence rules and the spelling dictionaries."));
  GtkWidget *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       language_row (_("Source language"), "it", &job->source_lang));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       language_row (_("Target language"), "en", &job->target_lang));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (languages_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_project_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        ask_languages (self, path);
      else
        dip_window_show_message (self, _("Projects can only be made on local files"));
    }
  g_object_unref (chooser);
}

static void
new_project_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("New Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Next"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.diptych"));
  g_signal_connect (chooser, "response", G_CALLBACK (new_project_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- import -------------------------------------------------------------- */

typedef struct
{
  char    *project_path;
  char    *file;
  DipSide  side;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->project_path);
  g_free (job->file);
  g_free (job);
}

static void
import_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (job->project_path, &error);

  if (project != NULL)
    dip_window_watch_progress (DIP_WINDOW (source_object), project);
  if (project == NULL
      || dip_project_import_text (project, job->file, job->side, NULL, DIP_IMPORT_NONE,
                                  cancellable, &error) == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  dip_window_end_work (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || !dip_window_load_project (self, job->project_path, &error))
    {
      dip_window_show_error (self, error);
      return;
    }
  g_autofree char *name = g_path_get_basename (job->file);
  g_autofree char *message = g_strdup_printf (
    job->side == DIP_SIDE_SOURCE ? _("Imported “%s” as the source text")
                                 : _("Imported “%s” as the target text"), name);
  dip_window_show_message (self, message);
}

void
dip_window_import_document (DipWindow *self, const char *path, DipSide side)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  DipProject *project = dip_window_get_project (self);

  if (project == NULL)
    {
      dip_window_show_message (self, _("Open or create a project before importing texts"));
      return;
    }
  GCancellable *cancellable = dip_window_begin_work (self);
  if (cancellable == NULL)
    {
      dip_window_show_message (self, _("Wait for the work under way, or cancel it"));
      return;
    }
  ImportJob *job = g_new0 (ImportJob, 1);
  job->project_path = g_strdup (dip_project_get_path (project));
  job->file = g_strdup (path);
  job->side = side;
  g_autoptr (GTask) task = g_task_new (self, cancellable, import_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      const char *side = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "side");
      if (path == NULL)
        dip_window_show_message (self, _("Only local files can be imported"));
      else
        dip_window_import_document (self, path, g_strcmp0 (side, "target") == 0
                                                  ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE);
    }
  g_object_unref (chooser);
}

static void
import_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Import a Text"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
    _("_Cancel"));
  static const char *const side_ids[] = { "source", "target", NULL };
  const char *side_labels[] = { _("Source text"), _("Target text"), NULL };

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "side", _("Import as"),
                               (const char **) side_ids, side_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "side", "source");
  g_autoptr (GtkFileFilter) texts = gtk_file_filter_new ();
  gtk_file_filter_set_name (texts, _("Plain text"));
  gtk_file_filter_add_mime_type (texts, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), texts);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry file_actions[] = {
  { .name = "new-project", .activate = new_project_activated },
  { .name = "import", .activate = import_activated },
};

void
dip_window_add_file_actions (DipWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions,
                                   G_N_ELEMENTS (file_actions), self);
}
