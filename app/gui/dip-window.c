/* dip-window.c — the main window: one project, its documents, the list of
 * its beads kept in step with the project file, and its findings.
 *
 * The widgets come from data/ui/dip-window.ui. The window is one class in
 * several files (see dip-window-private.h): this one opens projects and
 * keeps the lists; the review actions, the bead editor, the long work and
 * the file dialogs have files of their own.
 */
#include "dip-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dip-resources.h"
#include "dip-alignment-view.h"
#include "dip-bead-item.h"
#include "dip-document-item.h"
#include "dip-glossary-view.h"
#include "dip-window-private.h"

#define MAX_RECENT_PROJECTS 10

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

void
dip_window_update_actions (DipWindow *self)
{
  guint n = g_list_model_get_n_items (dip_alignment_view_get_beads (self->alignment_view));
  gboolean idle = self->busy == NULL;
  gboolean has_pair = self->project != NULL && self->src_document != 0 && self->tgt_document != 0;
  static const char *const bead_actions[] = {
    "confirm", "reject", "merge-next", "merge-previous", "split", "move-source-up",
    "move-source-down", "move-target-up", "move-target-down", "insert-gap", "edit-source",
    "edit-target", "undo", "redo", "next-unsure"
  };

  for (guint i = 0; i < G_N_ELEMENTS (bead_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), bead_actions[i]);
      gboolean enabled = idle && has_pair && (n > 0 || g_str_equal (bead_actions[i], "undo")
                                                     || g_str_equal (bead_actions[i], "redo"));
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "align")), idle && has_pair);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "export")),
    idle && self->project != NULL);
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "check")),
    idle && has_pair);
}

/* The most findings the Checks page shows as rows; the count says the rest. */
#define MAX_FINDING_ROWS 2000

static guint
bead_index_of (DipWindow *self, gint64 bead_id)
{
  GListModel *beads = dip_alignment_view_get_beads (self->alignment_view);
  guint n = g_list_model_get_n_items (beads);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, i);
      if (dip_bead_item_get_bead (item)->id == bead_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Lists the findings stored in the project on the Checks page. */
gboolean
dip_window_load_findings (DipWindow *self, GError **error)
{
  g_autoptr (GPtrArray) findings = dip_project_list_findings (self->project, error);
  if (findings == NULL)
    return FALSE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&findings);

  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  /* Bead id → row, read once: a search of the list per finding would be
     findings × beads for a checked book. */
  g_autoptr (GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       NULL);
  GListModel *beads = dip_alignment_view_get_beads (self->alignment_view);
  guint n_beads = self->findings->len > 0 ? g_list_model_get_n_items (beads) : 0;
  for (guint b = 0; b < n_beads; b++)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, b);
      g_hash_table_insert (rows, g_memdup2 (&dip_bead_item_get_bead (item)->id, sizeof (gint64)),
                           GUINT_TO_POINTER (b + 1));
    }
  for (guint i = 0; i < self->findings->len && i < MAX_FINDING_ROWS; i++)
    {
      const DipFinding *finding = g_ptr_array_index (self->findings, i);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (rows, &finding->bead_id)) - 1;
      g_autofree char *title = NULL;
      if (index != GTK_INVALID_LIST_POSITION)
        title = g_strdup_printf (_("Bead %u · %s · %s"), index + 1,
                                 dip_check_kind_to_string (finding->kind),
                                 dip_side_to_string (finding->side));
      else
        title = g_strdup (dip_check_kind_to_string (finding->kind));
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->findings_list, row);
    }
  g_autofree char *summary = NULL;
  if (self->findings->len == 0)
    summary = g_strdup (_("No findings. Run the checks after aligning and again before "
                          "exporting."));
  else if (self->findings->len > MAX_FINDING_ROWS)
    summary = g_strdup_printf (_("%u findings; the first %u are listed"), self->findings->len,
                               MAX_FINDING_ROWS);
  else
    summary = g_strdup_printf (g_dngettext (DIP_GETTEXT_PACKAGE, "%u finding", "%u findings",
                                            self->findings->len),
                               self->findings->len);
  gtk_label_set_text (self->findings_label, summary);
  return TRUE;
}

void
dip_window_show_finding (DipWindow *self, guint position)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  if (self->findings == NULL || position >= self->findings->len)
    return;
  const DipFinding *finding = g_ptr_array_index (self->findings, position);
  guint index = bead_index_of (self, finding->bead_id);
  if (index == GTK_INVALID_LIST_POSITION)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "alignment");
  dip_alignment_view_select (self->alignment_view, index);
}

guint
dip_window_get_n_findings (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), 0);
  return self->findings ? self->findings->len : 0;
}

static void
finding_row_activated (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  dip_window_show_finding (DIP_WINDOW (user_data), gtk_list_box_row_get_index (row));
}

static DipBeadItem *
make_bead_item (DipWindow *self, const DipBead *bead)
{
  return dip_bead_item_new (bead, self->segments[DIP_SIDE_SOURCE],
                            self->segments[DIP_SIDE_TARGET]);
}

/* Reads the beads of the latest document pair into the alignment view,
   selecting bead `selected` (or the first). */
static gboolean
load_alignment (DipWindow *self, guint selected, GError **error)
{
  g_autoptr (GListStore) items = g_list_store_new (DIP_TYPE_BEAD_ITEM);
  g_autoptr (GPtrArray) src = NULL, tgt = NULL;

  if (!dip_project_latest_pair (self->project, &self->src_document, &self->tgt_document, error))
    return FALSE;
  if (self->src_document != 0 && self->tgt_document != 0)
    {
      src = dip_project_list_segment_texts (self->project, self->src_document, error);
      if (src == NULL)
        return FALSE;
      tgt = dip_project_list_segment_texts (self->project, self->tgt_document, error);
      if (tgt == NULL)
        return FALSE;
      g_autoptr (GArray) beads = dip_project_list_beads (self->project, self->src_document,
                                                         self->tgt_document, error);
      if (beads == NULL)
        return FALSE;
      g_clear_pointer (&self->segments[DIP_SIDE_SOURCE], g_ptr_array_unref);
      g_clear_pointer (&self->segments[DIP_SIDE_TARGET], g_ptr_array_unref);
      self->segments[DIP_SIDE_SOURCE] = g_steal_pointer (&src);
      self->segments[DIP_SIDE_TARGET] = g_steal_pointer (&tgt);
      /* One splice: the model says "changed" once, not once a bead. */
      g_autoptr (GPtrArray) all = g_ptr_array_new_full (beads->len, g_object_unref);
      for (guint b = 0; b < beads->len; b++)
        g_ptr_array_add (all, make_bead_item (self, &g_array_index (beads, DipBead, b)));
      g_list_store_splice (items, 0, 0, all->pdata, all->len);
    }
  else
    {
      g_clear_pointer (&self->segments[DIP_SIDE_SOURCE], g_ptr_array_unref);
      g_clear_pointer (&self->segments[DIP_SIDE_TARGET], g_ptr_array_unref);
    }
  g_set_object (&self->beads, items);
  /* A new list (an alignment, a reload) has other beads at the positions
     of the old one: the review queue starts again from the least sure. */
  self->queue_at = GTK_INVALID_LIST_POSITION;
  dip_alignment_view_set_beads (self->alignment_view, G_LIST_MODEL (items), selected);
  dip_window_update_actions (self);
  return TRUE;
}

/* The bead that holds sentence `position` of `side`: beads hold the
   sentences in order, so the last one starting at or before it that has
   sentences on that side. */
static guint
bead_holding (DipWindow *self, DipSide side, guint position)
{
  GListModel *beads = G_LIST_MODEL (self->beads);
  guint low = 0, high = g_list_model_get_n_items (beads);

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, mid);
      const DipBead *bead = dip_bead_item_get_bead (item);
      if ((side == DIP_SIDE_SOURCE ? bead->src_start : bead->tgt_start) <= position)
        low = mid + 1;
      else
        high = mid;
    }
  while (low-- > 0)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, low);
      const DipBead *bead = dip_bead_item_get_bead (item);
      guint start = side == DIP_SIDE_SOURCE ? bead->src_start : bead->tgt_start;
      guint count = side == DIP_SIDE_SOURCE ? bead->src_count : bead->tgt_count;
      if (count > 0)
        return position < start + count ? low : GTK_INVALID_LIST_POSITION;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Re-reads beads [position, position + n) and puts them in place of
   `removed` rows: the rest of the list, and where it is scrolled, stay. */
static gboolean
replace_rows (DipWindow *self, guint position, guint removed, guint n, GError **error)
{
  g_autoptr (GArray) beads = dip_project_list_bead_range (self->project, self->src_document,
                                                          self->tgt_document, position, n,
                                                          error);
  if (beads == NULL)
    return FALSE;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < beads->len; i++)
    g_ptr_array_add (items, make_bead_item (self, &g_array_index (beads, DipBead, i)));
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->beads));
  g_list_store_splice (self->beads, position, removed, items->pdata, items->len);

  /* The review queue's place moves with its bead; it starts again when that
     bead is gone (merged, split) or every bead was replaced (aligned anew). */
  guint queued = self->queue_at;
  if (queued == GTK_INVALID_LIST_POSITION)
    return TRUE;
  if (position == 0 && removed == old_n)
    self->queue_at = GTK_INVALID_LIST_POSITION;
  else if (queued >= position + removed)
    self->queue_at = queued - removed + items->len;
  else if (queued >= position && removed != items->len)
    self->queue_at = GTK_INVALID_LIST_POSITION;
  return TRUE;
}

/* After a text correction: the sentence in the window's copy, and its row. */
static gboolean
refresh_sentence (DipWindow *self, DipSide side, guint position, GError **error)
{
  gint64 document = side == DIP_SIDE_SOURCE ? self->src_document : self->tgt_document;
  GPtrArray *segments = self->segments[side];
  g_autofree char *text = dip_project_get_segment_text (self->project, document, position,
                                                        error);

  if (text == NULL)
    return FALSE;
  if (segments == NULL || position >= segments->len)
    return load_alignment (self, dip_alignment_view_get_selected (self->alignment_view), error);
  /* The items share the text arrays: the old text goes when the row of
     the bead is replaced just below (items join their texts on first use). */
  g_free (g_ptr_array_index (segments, position));
  g_ptr_array_index (segments, position) = g_steal_pointer (&text);
  guint index = bead_holding (self, side, position);
  return index == GTK_INVALID_LIST_POSITION || replace_rows (self, index, 1, 1, error);
}

/* Brings the list in step with the latest change of the project: only the
   rows it touched when the project can tell, else everything. */
static gboolean
refresh_changed (DipWindow *self, guint selected, GError **error)
{
  DipChange change;
  guint n = self->beads ? g_list_model_get_n_items (G_LIST_MODEL (self->beads)) : 0;

  dip_project_get_last_change (self->project, &change);
  if (change.kind == DIP_CHANGE_BEADS && change.src_document == self->src_document
      && change.tgt_document == self->tgt_document && change.position + change.removed <= n)
    return replace_rows (self, change.position, change.removed, change.added, error);
  if (change.kind == DIP_CHANGE_TEXT && change.document == self->src_document)
    return refresh_sentence (self, DIP_SIDE_SOURCE, change.position, error);
  if (change.kind == DIP_CHANGE_TEXT && change.document == self->tgt_document)
    return refresh_sentence (self, DIP_SIDE_TARGET, change.position, error);
  return load_alignment (self, selected, error);
}

static void
show_project (DipWindow *self, DipProject *project, GPtrArray *documents)
{
  g_set_object (&self->project, project);
  dip_bead_editor_set_project (dip_alignment_view_get_editor (self->alignment_view), project);

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
  adw_view_switcher_title_set_title (self->window_title, name);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);
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

/* Back to "no project": nothing more is written to the file. */
static void
close_project (DipWindow *self)
{
  g_autoptr (GListStore) empty = g_list_store_new (DIP_TYPE_BEAD_ITEM);

  g_clear_object (&self->project);
  g_list_store_remove_all (self->documents);
  g_set_object (&self->beads, empty);
  dip_alignment_view_set_beads (self->alignment_view, G_LIST_MODEL (empty),
                                GTK_INVALID_LIST_POSITION);
  dip_bead_editor_set_project (dip_alignment_view_get_editor (self->alignment_view), NULL);
  dip_glossary_view_set_project (self->glossary_view, NULL, NULL);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->src_document = self->tgt_document = 0;
  gtk_stack_set_visible_child_name (self->stack, "empty");
  dip_window_update_actions (self);
}

static void
damage_check_thread (GTask *task, gpointer source_object, gpointer task_data,
                     GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (task_data, &error);

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
damage_check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* Only damage matters here: a file busy with another program opens
     again later, and was readable a moment ago. */
  if (g_task_propagate_boolean (G_TASK (result), &error)
      || !g_error_matches (error, DIP_ERROR, DIP_ERROR_CORRUPT) || self->project == NULL
      || g_strcmp0 (dip_project_get_path (self->project), path) != 0)
    return;
  close_project (self);
  g_autofree char *name = g_path_get_basename (path);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” Is Damaged"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_for_damage (DipWindow *self, const char *path)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, damage_check_done, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, damage_check_thread);
}

gboolean
dip_window_load_project (DipWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The whole file is checked for damage in the background: for a book
     that takes longer than everything else the window needs to open. */
  g_autoptr (DipProject) project = dip_project_open_with_flags (path, DIP_OPEN_NO_DAMAGE_CHECK,
                                                                error);
  if (project == NULL)
    return FALSE;
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, error);
  if (documents == NULL)
    return FALSE;

  g_autoptr (DipProject) previous = self->project ? g_object_ref (self->project) : NULL;
  show_project (self, project, documents);
  if (!load_alignment (self, 0, error) || !dip_window_load_findings (self, error)
      || !dip_glossary_view_set_project (self->glossary_view, project, error))
    {
      /* Keep what the window showed: the project could not be read. */
      g_set_object (&self->project, previous);
      return FALSE;
    }
  remember_recent_project (self, path);
  check_for_damage (self, path);
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

DipGlossaryView *
dip_window_get_glossary_view (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  return self->glossary_view;
}

DipAlignmentView *
dip_window_get_alignment_view (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  return self->alignment_view;
}

GListModel *
dip_window_get_beads (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  return dip_alignment_view_get_beads (self->alignment_view);
}

void
dip_window_select_bead (DipWindow *self, guint index)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  dip_alignment_view_select (self->alignment_view, index);
}

guint
dip_window_get_selected_bead (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), GTK_INVALID_LIST_POSITION);
  return dip_alignment_view_get_selected (self->alignment_view);
}

gboolean
dip_window_is_busy (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), FALSE);
  return self->busy != NULL;
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

/* ---- reporting and changes ------------------------------------------------ */

void
dip_window_show_message (DipWindow *self, const char *message)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
dip_window_show_error (DipWindow *self, const GError *error)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  if (g_error_matches (error, DIP_ERROR, DIP_ERROR_CANCELLED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Stopped: the project is as it was before")));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* After a change: bring the list in step (the rows the change touched, or
   every row when `reread_all`), select `selected`, and say what happened
   with an Undo button. */
static void
show_change (DipWindow *self, guint selected, const char *message, gboolean reread_all)
{
  g_autoptr (GError) error = NULL;

  if (!(reread_all ? load_alignment (self, selected, &error)
                   : refresh_changed (self, selected, &error)))
    {
      dip_window_show_error (self, error);
      return;
    }
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->beads));
  if (selected != GTK_INVALID_LIST_POSITION && n > 0)
    dip_alignment_view_select (self->alignment_view, MIN (selected, n - 1));
  if (message != NULL)
    {
      AdwToast *toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_timeout (toast, 3);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
dip_window_changed (DipWindow *self, guint selected, const char *message)
{
  show_change (self, selected, message, FALSE);
}

void
dip_window_changed_elsewhere (DipWindow *self, guint selected, const char *message)
{
  show_change (self, selected, message, TRUE);
}

static const GActionEntry win_actions[] = {
  { .name = "open", .activate = open_activated },
  { .name = "reload", .activate = reload_activated },
};

static void
dip_window_dispose (GObject *object)
{
  DipWindow *self = DIP_WINDOW (object);

  if (self->busy != NULL)
    g_cancellable_cancel (self->busy);
  g_clear_handle_id (&self->help_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  dip_window_forget_lookups (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_WINDOW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->found, g_array_unref);
  g_clear_object (&self->beads);
  g_clear_pointer (&self->segments[DIP_SIDE_SOURCE], g_ptr_array_unref);
  g_clear_pointer (&self->segments[DIP_SIDE_TARGET], g_ptr_array_unref);
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

  dip_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/diptych/Diptych/dip-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DipWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, documents_list);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, alignment_view);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, glossary_view);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, findings_list);
  gtk_widget_class_bind_template_child (widget_class, DipWindow, findings_label);
  gtk_widget_class_bind_template_callback (widget_class, finding_row_activated);
}

static void
dip_window_init (DipWindow *self)
{
  g_type_ensure (DIP_TYPE_ALIGNMENT_VIEW);
  g_type_ensure (DIP_TYPE_GLOSSARY_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->queue_at = GTK_INVALID_LIST_POSITION;
  self->progress = -1;

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
  dip_window_add_review_actions (self);
  dip_window_add_job_actions (self);
  dip_window_add_find_actions (self);
  dip_window_add_file_actions (self);
  dip_window_connect_editor (self);
  dip_window_update_actions (self);
}

DipWindow *
dip_window_new (GtkApplication *app)
{
  return g_object_new (DIP_TYPE_WINDOW, "application", app, NULL);
}
