/* dip-window.c — the main window: one project, its documents and their
 * segment counts.
 *
 * The widgets come from data/ui/dip-window.ui; this file wires actions and
 * keeps the document model in step with the project file.
 */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-document-item.h"
#include "dip-window.h"

#define MAX_RECENT_PROJECTS 10

struct _DipWindow
{
  AdwApplicationWindow parent_instance;

  GSettings       *settings;
  DipProject      *project;
  GListStore      *documents;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkListBox      *documents_list;
  GtkLabel        *summary_label;
};

G_DEFINE_FINAL_TYPE (DipWindow, dip_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_document_row (gpointer item, gpointer user_data)
{
  DipDocumentItem *document = DIP_DOCUMENT_ITEM (item);
  const char *side = dip_document_item_get_side (document) == DIP_SIDE_SOURCE
                       ? _("Source") : _("Target");
  g_autofree char *subtitle = g_strdup_printf (
    /* Translators: side, language tag, paragraph count, segment count */
    _("%s · %s · %u paragraphs · %u segments"), side, dip_document_item_get_lang (document),
    dip_document_item_get_n_paragraphs (document), dip_document_item_get_n_segments (document));

  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dip_document_item_get_name (document));
  /* File names are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *count_text = g_strdup_printf ("%u", dip_document_item_get_n_segments (document));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  return row;
}

static void
remember_recent_project (DipWindow *self, const char *path)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, path);
  guint n = 1;
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_PROJECTS; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  g_auto (GStrv) updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char *const *) updated);
}

static void
show_project (DipWindow *self, DipProject *project, GPtrArray *documents)
{
  g_set_object (&self->project, project);

  g_list_store_remove_all (self->documents);
  guint n_segments = 0;
  for (guint i = 0; i < documents->len; i++)
    {
      const DipDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr (DipDocumentItem) item = dip_document_item_new (info);
      g_list_store_append (self->documents, item);
      n_segments += info->n_segments;
    }

  const char *path = dip_project_get_path (project);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *subtitle = g_strdup_printf ("%s → %s",
                                               dip_project_get_lang (project, DIP_SIDE_SOURCE),
                                               dip_project_get_lang (project, DIP_SIDE_TARGET));
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), name);

  g_autofree char *summary = NULL;
  if (documents->len == 0)
    summary = g_strdup (_("This project has no documents yet. Import a text with "
                          "“diptych-cli import”."));
  else
    summary = g_strdup_printf (g_dngettext (DIP_GETTEXT_PACKAGE, "%u document, %u segments",
                                            "%u documents, %u segments", documents->len),
                               documents->len, n_segments);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, "project");
}

gboolean
dip_window_load_project (DipWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_autoptr (DipProject) project = dip_project_open (path, error);
  if (project == NULL)
    return FALSE;
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, error);
  if (documents == NULL)
    return FALSE;

  show_project (self, project, documents);
  remember_recent_project (self, path);
  return TRUE;
}

void
dip_window_open_file (DipWindow *self, GFile *file)
{
  g_return_if_fail (DIP_IS_WINDOW (self));

  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;
  if (path == NULL)
    g_set_error (&error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                 _("Only local files can be opened"));
  else if (dip_window_load_project (self, path, &error))
    return;

  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

DipProject *
dip_window_get_project (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  return self->project;
}

GListModel *
dip_window_get_documents (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->documents);
}

static void
open_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      dip_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

static void
open_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Open Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  g_autoptr (GtkFileFilter) projects = gtk_file_filter_new ();
  gtk_file_filter_set_name (projects, _("Diptych projects"));
  gtk_file_filter_add_pattern (projects, "*.diptych");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reload_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (self->project == NULL)
    return;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (dip_project_get_path (self->project));
  if (!dip_window_load_project (self, path, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static const GActionEntry win_actions[] = {
  { .name = "open", .activate = open_activated },
  { .name = "reload", .activate = reload_activated },
};

static void
dip_window_dispose (GObject *object)
{
  DipWindow *self = DIP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_WINDOW);
  g_clear_object (&self->project);
  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (dip_window_parent_class)->dispose (object);
}

static void
dip_window_class_init (DipWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dip_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/diptych/Diptych/dip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, summary_label);
}

static void
dip_window_init (DipWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (DIP_APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->documents = g_list_store_new (DIP_TYPE_DOCUMENT_ITEM);
  gtk_list_box_bind_model (self->documents_list, G_LIST_MODEL (self->documents),
                           create_document_row, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
}

DipWindow *
dip_window_new (GtkApplication *app)
{
  return g_object_new (DIP_TYPE_WINDOW, "application", app, NULL);
}
