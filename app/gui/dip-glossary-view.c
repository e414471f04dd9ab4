/* dip-glossary-view.c — the project's glossary: search, add, change the
 * status of an entry, remove.
 *
 * Every change goes to the project file at once through libdiptych, which
 * records it in the edit history; the list is read back after each one.
 */
#include "dip-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dip-resources.h"
#include "dip-glossary-view.h"

struct _DipGlossaryView
{
  AdwBin       parent_instance;

  DipProject  *project;
  GPtrArray   *entries;     /* DipGlossaryEntry*, as listed */
  char        *search;      /* folded search text, or NULL */

  /* template children */
  GtkSearchEntry *search_entry;
  GtkEntry       *source_entry;
  GtkEntry       *target_entry;
  GtkDropDown    *status_dropdown;
  GtkListBox     *entry_list;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (DipGlossaryView, dip_glossary_view, ADW_TYPE_BIN)

static gboolean reload (DipGlossaryView *self, GError **error);

static void
report (DipGlossaryView *self, const GError *error)
{
  /* The window's toast overlay is an ancestor: let it show the message. */
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static void
remove_clicked (GtkButton *button, gpointer user_data)
{
  DipGlossaryView *self = DIP_GLOSSARY_VIEW (user_data);
  gint64 id = *(const gint64 *) g_object_get_data (G_OBJECT (button), "entry-id");
  g_autoptr (GError) error = NULL;

  if (!dip_project_remove_glossary_entry (self->project, id, &error) || !reload (self, &error))
    report (self, error);
}

static char *
entry_subtitle (const DipGlossaryEntry *entry)
{
  return entry->note && *entry->note
           ? g_strdup_printf ("%s · %s", dip_term_status_to_string (entry->status), entry->note)
           : g_strdup (dip_term_status_to_string (entry->status));
}

gboolean
dip_glossary_view_set_status (DipGlossaryView *self, guint index, DipTermStatus status,
                              GError **error)
{
  g_return_val_if_fail (DIP_IS_GLOSSARY_VIEW (self), FALSE);
  g_return_val_if_fail (index < self->entries->len, FALSE);
  DipGlossaryEntry *entry = g_ptr_array_index (self->entries, index);
  if (!dip_project_set_glossary_status (self->project, entry->id, status, error))
    return FALSE;
  entry->status = status;
  /* The row in place, not the list read again: the change comes from the
     row's own drop-down, which must outlive its signal. */
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->entry_list, (int) index);
  g_autofree char *subtitle = entry_subtitle (entry);
  if (row != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return TRUE;
}

static void
status_chosen (GtkDropDown *dropdown, GParamSpec *pspec, gpointer user_data)
{
  DipGlossaryView *self = DIP_GLOSSARY_VIEW (user_data);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr (GError) error = NULL;

  if (row == NULL)
    return;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  DipTermStatus status = (DipTermStatus) gtk_drop_down_get_selected (dropdown);
  if (index >= 0 && (guint) index < self->entries->len
      && ((DipGlossaryEntry *) g_ptr_array_index (self->entries, index))->status != status
      && !dip_glossary_view_set_status (self, (guint) index, status, &error))
    report (self, error);
}

static GtkWidget *
entry_row (DipGlossaryView *self, const DipGlossaryEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s → %s", entry->src_term, entry->tgt_term);
  g_autofree char *subtitle = entry_subtitle (entry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The same order as DipTermStatus. */
  static const char *const statuses[] = { N_("preferred"), N_("admitted"), N_("forbidden"),
                                          NULL };
  GtkWidget *status = gtk_drop_down_new_from_strings ((const char *const *) statuses);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), (guint) entry->status);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status, _("The status of this entry"));
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (status_chosen), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this entry"));
  g_object_set_data_full (G_OBJECT (remove), "entry-id", g_memdup2 (&entry->id, sizeof entry->id),
                          g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static gboolean
matches_search (DipGlossaryView *self, const DipGlossaryEntry *entry)
{
  if (self->search == NULL || *self->search == '\0')
    return TRUE;
  g_autofree char *src = g_utf8_casefold (entry->src_term, -1);
  g_autofree char *tgt = g_utf8_casefold (entry->tgt_term, -1);
  return strstr (src, self->search) != NULL || strstr (tgt, self->search) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row, gpointer user_data)
{
  DipGlossaryView *self = DIP_GLOSSARY_VIEW (user_data);
  int index = gtk_list_box_row_get_index (row);

  return index >= 0 && (guint) index < self->entries->len
         && matches_search (self, g_ptr_array_index (self->entries, index));
}

static gboolean
reload (DipGlossaryView *self, GError **error)
{
  g_autoptr (GPtrArray) entries = self->project
    ? dip_project_list_glossary (self->project, error)
    : g_ptr_array_new_with_free_func ((GDestroyNotify) dip_glossary_entry_free);
  if (entries == NULL)
    return FALSE;
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);

  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entry_list))) != NULL)
    gtk_list_box_remove (self->entry_list, child);
  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->entry_list, entry_row (self, g_ptr_array_index (self->entries, i)));
  gtk_list_box_invalidate_filter (self->entry_list);

  g_autofree char *count = g_strdup_printf (
    g_dngettext (DIP_GETTEXT_PACKAGE, "%u entry", "%u entries", self->entries->len),
    self->entries->len);
  gtk_label_set_text (self->count_label, count);
  return TRUE;
}

gboolean
dip_glossary_view_set_project (DipGlossaryView *self, DipProject *project, GError **error)
{
  g_return_val_if_fail (DIP_IS_GLOSSARY_VIEW (self), FALSE);
  g_set_object (&self->project, project);
  return reload (self, error);
}

gboolean
dip_glossary_view_add (DipGlossaryView *self, const char *src_term, const char *tgt_term,
                       DipTermStatus status, GError **error)
{
  g_return_val_if_fail (DIP_IS_GLOSSARY_VIEW (self), FALSE);
  if (self->project == NULL)
    return TRUE;
  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new (src_term, tgt_term, status, NULL);
  return dip_project_add_glossary_entry (self->project, entry, error) != 0
         && reload (self, error);
}

static void
add_clicked (GtkButton *button, gpointer user_data)
{
  DipGlossaryView *self = DIP_GLOSSARY_VIEW (user_data);
  g_autoptr (GError) error = NULL;
  const char *src = gtk_editable_get_text (GTK_EDITABLE (self->source_entry));
  const char *tgt = gtk_editable_get_text (GTK_EDITABLE (self->target_entry));
  DipTermStatus status = (DipTermStatus) gtk_drop_down_get_selected (self->status_dropdown);

  if (!dip_glossary_view_add (self, src, tgt, status, &error))
    {
      report (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->target_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->source_entry));
}

void
dip_glossary_view_search (DipGlossaryView *self, const char *text)
{
  g_return_if_fail (DIP_IS_GLOSSARY_VIEW (self));
  g_free (self->search);
  self->search = text && *text ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->entry_list);
}

static void
search_changed (GtkSearchEntry *entry, gpointer user_data)
{
  dip_glossary_view_search (DIP_GLOSSARY_VIEW (user_data),
                            gtk_editable_get_text (GTK_EDITABLE (entry)));
}

guint
dip_glossary_view_get_n_entries (DipGlossaryView *self)
{
  g_return_val_if_fail (DIP_IS_GLOSSARY_VIEW (self), 0);
  return self->entries->len;
}

guint
dip_glossary_view_get_n_shown (DipGlossaryView *self)
{
  g_return_val_if_fail (DIP_IS_GLOSSARY_VIEW (self), 0);
  guint shown = 0;
  for (guint i = 0; i < self->entries->len; i++)
    shown += matches_search (self, g_ptr_array_index (self->entries, i));
  return shown;
}

static void
dip_glossary_view_dispose (GObject *object)
{
  DipGlossaryView *self = DIP_GLOSSARY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_GLOSSARY_VIEW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (dip_glossary_view_parent_class)->dispose (object);
}

static void
dip_glossary_view_class_init (DipGlossaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dip_glossary_view_dispose;
  dip_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/diptych/Diptych/dip-glossary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, source_entry);
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, target_entry);
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, entry_list);
  gtk_widget_class_bind_template_child (widget_class, DipGlossaryView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
}

static void
dip_glossary_view_init (DipGlossaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dip_glossary_entry_free);
  gtk_list_box_set_filter_func (self->entry_list, filter_row, self, NULL);
}
