/* dip-window.c — the main window: one project, its documents and their
 * segment counts.
 *
 * The widgets come from data/ui/dip-window.ui; this file wires actions and
 * keeps the document model in step with the project file.
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
  GtkListBox           *findings_list;
  GtkLabel             *findings_label;
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
update_actions (DipWindow *self)
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
static gboolean
load_findings (DipWindow *self, GError **error)
{
  g_autoptr (GPtrArray) findings = dip_project_list_findings (self->project, error);
  if (findings == NULL)
    return FALSE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_steal_pointer (&findings);

  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  for (guint i = 0; i < self->findings->len && i < MAX_FINDING_ROWS; i++)
    {
      const DipFinding *finding = g_ptr_array_index (self->findings, i);
      guint index = bead_index_of (self, finding->bead_id);
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
  dip_alignment_view_set_beads (self->alignment_view, G_LIST_MODEL (items), selected);
  update_actions (self);
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
  g_list_store_splice (self->beads, position, removed, items->pdata, items->len);
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
  update_actions (self);
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
  if (!load_alignment (self, 0, error) || !load_findings (self, error)
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

/* ---- corrections -------------------------------------------------------- */

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

static void
show_error (DipWindow *self, const GError *error)
{
  dip_window_show_error (self, error);
}

/* After a change: bring the list in step, select `selected`, and say what
   happened with an Undo button. */
static void
changed (DipWindow *self, guint selected, const char *message)
{
  g_autoptr (GError) error = NULL;

  if (!refresh_changed (self, selected, &error))
    {
      show_error (self, error);
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

static guint
selected_bead (DipWindow *self)
{
  return dip_alignment_view_get_selected (self->alignment_view);
}

/* The unconfirmed bead that comes after `index` when beads are taken from
   the least confident up: the review queue. */
static guint
next_unsure (DipWindow *self, guint index)
{
  GListModel *beads = dip_alignment_view_get_beads (self->alignment_view);
  guint n = g_list_model_get_n_items (beads);
  double here = -1;
  guint best = GTK_INVALID_LIST_POSITION, lowest = GTK_INVALID_LIST_POSITION;
  double best_conf = G_MAXDOUBLE, lowest_conf = G_MAXDOUBLE;

  if (index != GTK_INVALID_LIST_POSITION && index < n)
    {
      g_autoptr (DipBeadItem) current = g_list_model_get_item (beads, index);
      here = dip_bead_item_get_bead (current)->confidence;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, i);
      const DipBead *bead = dip_bead_item_get_bead (item);
      if (bead->status == DIP_BEAD_CONFIRMED || i == index)
        continue;
      if (bead->confidence < lowest_conf)
        {
          lowest_conf = bead->confidence;
          lowest = i;
        }
      /* After the current one: less sure beads come first, ties by order. */
      gboolean after = bead->confidence > here || (bead->confidence == here && i > index);
      if (after && bead->confidence < best_conf)
        {
          best_conf = bead->confidence;
          best = i;
        }
    }
  return best != GTK_INVALID_LIST_POSITION ? best : lowest;
}

/* Goes on with the review queue: after the bead it selected last, or from
   the start when the person has moved elsewhere since. */
static void
walk_queue (DipWindow *self, gboolean from_start)
{
  guint here = selected_bead (self);
  guint next = next_unsure (self, from_start || here != self->queue_at
                                    ? GTK_INVALID_LIST_POSITION : here);

  self->queue_at = next;

  if (next == GTK_INVALID_LIST_POSITION)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Every bead is confirmed")));
  else
    dip_alignment_view_select (self->alignment_view, next);
}

/* Sets the selected bead's status; TRUE when the file has it. */
static gboolean
set_selected_status (DipWindow *self, DipBeadStatus status)
{
  guint index = selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (!dip_project_set_bead_status (self->project, self->src_document, self->tgt_document, index,
                                    status, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  changed (self, index, NULL);
  return TRUE;
}

static void
confirm_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (set_selected_status (self, DIP_BEAD_CONFIRMED))
    walk_queue (self, TRUE);
}

static void
reject_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  set_selected_status (DIP_WINDOW (user_data), DIP_BEAD_REJECTED);
}

static void
merge (DipWindow *self, guint first)
{
  g_autoptr (GError) error = NULL;

  if (!dip_project_merge_beads (self->project, self->src_document, self->tgt_document, first,
                                &error))
    {
      show_error (self, error);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("Merged beads %u and %u"), first + 1, first + 2);
  changed (self, first, message);
}

static void
merge_next_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = selected_bead (self);

  if (index != GTK_INVALID_LIST_POSITION)
    merge (self, index);
}

static void
merge_previous_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = selected_bead (self);

  if (index != GTK_INVALID_LIST_POSITION && index > 0)
    merge (self, index - 1);
}

/* Splits the selected bead after its first source and first target
   sentence (a 2-2 bead into two 1-1 beads, a 1-2 into 1-1 and 0-1). */
static void
split_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  g_autoptr (DipBeadItem) item = g_list_model_get_item (
    dip_alignment_view_get_beads (self->alignment_view), index);
  const DipBead *bead = dip_bead_item_get_bead (item);
  guint src_keep = MIN (bead->src_count, 1), tgt_keep = MIN (bead->tgt_count, 1);
  if (src_keep == bead->src_count && tgt_keep == bead->tgt_count)
    {
      /* 1-1: nothing after the first sentences; split the sides apart. */
      tgt_keep = 0;
    }
  if (!dip_project_split_bead (self->project, self->src_document, self->tgt_document, index,
                               src_keep, tgt_keep, &error))
    show_error (self, error);
  else
    changed (self, index, _("Split the bead"));
}

static void
undo_or_redo (DipWindow *self, gboolean undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *action = NULL;
  guint index = selected_bead (self);
  gboolean ok = undo ? dip_project_undo (self->project, &action, &error)
                     : dip_project_redo (self->project, &action, &error);

  if (!ok)
    {
      show_error (self, error);
      return;
    }
  if (action == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (undo ? _("Nothing to undo")
                                                       : _("Nothing to redo")));
      return;
    }
  changed (self, index, NULL);
  g_autofree char *message = g_strdup_printf (undo ? _("Undid “%s”") : _("Redid “%s”"), action);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
undo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  undo_or_redo (DIP_WINDOW (user_data), TRUE);
}

static void
redo_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  undo_or_redo (DIP_WINDOW (user_data), FALSE);
}

/* Moves a sentence of the selected bead across its upper or lower edge. */
static void
move_sentence (DipWindow *self, DipSide side, gboolean up)
{
  guint index = selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  if (!dip_project_move_segment (self->project, self->src_document, self->tgt_document, index,
                                 side, up, &error))
    {
      show_error (self, error);
      return;
    }
  changed (self, index, NULL);
}

static void
move_source_up_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sentence (DIP_WINDOW (user_data), DIP_SIDE_SOURCE, TRUE);
}

static void
move_source_down_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sentence (DIP_WINDOW (user_data), DIP_SIDE_SOURCE, FALSE);
}

static void
move_target_up_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sentence (DIP_WINDOW (user_data), DIP_SIDE_TARGET, TRUE);
}

static void
move_target_down_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  move_sentence (DIP_WINDOW (user_data), DIP_SIDE_TARGET, FALSE);
}

static void
insert_gap_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  if (!dip_project_insert_gap (self->project, self->src_document, self->tgt_document, index,
                               &error))
    show_error (self, error);
  else
    changed (self, index, _("Parted the bead’s source and target"));
}

static void
edit_source_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  dip_bead_editor_focus (dip_alignment_view_get_editor (self->alignment_view), DIP_SIDE_SOURCE);
}

static void
edit_target_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  dip_bead_editor_focus (dip_alignment_view_get_editor (self->alignment_view), DIP_SIDE_TARGET);
}

/* ---- the bead editor ------------------------------------------------------ */

/* The line above the editor: where the bead is, its shape and status, and
   its first finding. */
static char *
bead_status_line (DipWindow *self, guint index, const DipBead *bead)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->beads));
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, _("Bead %u of %u · %u:%u · %s · confidence %.2f"), index + 1, n,
                          bead->src_count, bead->tgt_count,
                          dip_bead_status_to_string (bead->status), bead->confidence);
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      const DipFinding *finding = g_ptr_array_index (self->findings, i);
      if (finding->bead_id == bead->id)
        {
          g_string_append_printf (line, " · %s: %s", dip_check_kind_to_string (finding->kind),
                                  finding->message);
          break;
        }
    }
  return g_string_free (line, FALSE);
}

/* The most translation-memory matches shown, and the least similarity. */
#define MAX_MEMORY_MATCHES 5
#define MIN_MEMORY_SIMILARITY 0.5

/* Beside the editor: the bead's glossary terms and earlier translations of
   sentences like its source. */
static void
show_bead_help (DipWindow *self, const DipBead *bead)
{
  DipBeadHelp *help = dip_alignment_view_get_help (self->alignment_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *source = dip_texts_join (self->segments[DIP_SIDE_SOURCE], bead->src_start,
                                            bead->src_count, " ");
  g_autofree char *target = dip_texts_join (self->segments[DIP_SIDE_TARGET], bead->tgt_start,
                                            bead->tgt_count, " ");
  g_autoptr (GPtrArray) glossary = dip_project_list_glossary (self->project, &error);
  g_autoptr (GPtrArray) matches = NULL;

  if (glossary != NULL && *source != '\0')
    matches = dip_project_find_translations (self->project, source, MAX_MEMORY_MATCHES,
                                             MIN_MEMORY_SIMILARITY, self->src_document,
                                             bead->src_start, bead->src_count, &error);
  if (error != NULL)
    show_error (self, error);
  dip_bead_help_show (help, bead->id, source, target, self->findings, glossary, matches);
}

static void
refresh_bead_help (DipWindow *self)
{
  guint index = selected_bead (self);

  if (index == GTK_INVALID_LIST_POSITION || self->beads == NULL)
    return;
  g_autoptr (DipBeadItem) item = g_list_model_get_item (G_LIST_MODEL (self->beads), index);
  show_bead_help (self, dip_bead_item_get_bead (item));
}

static gboolean
bead_help_in_idle (gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  self->help_source = 0;
  refresh_bead_help (self);
  return G_SOURCE_REMOVE;
}

/* The panel is filled after the list has been drawn: a search of the
   translation memory must not hold up the keyboard walking the beads, and
   of a quick walk only the bead it stops at needs its help. */
static void
schedule_bead_help (DipWindow *self)
{
  if (self->help_source == 0)
    self->help_source = g_idle_add_full (G_PRIORITY_LOW, bead_help_in_idle, self, NULL);
}

static void
match_chosen (DipBeadHelp *help, const char *translation, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  DipBeadEditor *editor = dip_alignment_view_get_editor (self->alignment_view);

  if (!dip_bead_editor_insert_target (editor, translation))
    adw_toast_overlay_add_toast (
      self->toast_overlay,
      adw_toast_new (_("This bead has no target sentence: move one in before translating")));
}

static void
show_selected_in_editor (DipWindow *self)
{
  DipBeadEditor *editor = dip_alignment_view_get_editor (self->alignment_view);
  guint index = selected_bead (self);

  if (index == GTK_INVALID_LIST_POSITION || self->beads == NULL)
    {
      dip_bead_editor_show (editor, NULL, NULL, 0, 0, NULL, 0, 0);
      dip_bead_help_show (dip_alignment_view_get_help (self->alignment_view), 0, NULL, NULL, NULL,
                          NULL, NULL);
      return;
    }
  g_autoptr (DipBeadItem) item = g_list_model_get_item (G_LIST_MODEL (self->beads), index);
  const DipBead *bead = dip_bead_item_get_bead (item);
  g_autofree char *status = bead_status_line (self, index, bead);
  dip_bead_editor_show (editor, status, self->segments[DIP_SIDE_SOURCE], bead->src_start,
                        bead->src_count, self->segments[DIP_SIDE_TARGET], bead->tgt_start,
                        bead->tgt_count);
  schedule_bead_help (self);
}

/* Before another bead is shown, what was typed in the editor is kept. */
static void
selection_moved (GtkSingleSelection *selection, GParamSpec *pspec, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  DipBeadEditor *editor = dip_alignment_view_get_editor (self->alignment_view);

  if (self->committing)
    return;
  self->committing = TRUE;
  dip_bead_editor_commit (editor, DIP_SIDE_SOURCE);
  dip_bead_editor_commit (editor, DIP_SIDE_TARGET);
  self->committing = FALSE;
  show_selected_in_editor (self);
}

static void
sentence_edited (DipBeadEditor *editor, int side, guint position, const char *text,
                 gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  gint64 document = side == DIP_SIDE_SOURCE ? self->src_document : self->tgt_document;
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || document == 0)
    return;
  if (!dip_project_set_segment_text (self->project, document, position, text, &error))
    {
      show_error (self, error);
      show_selected_in_editor (self);
      return;
    }
  changed (self, selected_bead (self), NULL);
}

/* Adds a term pair to the glossary and says so; the help panel shows it. */
static void
add_glossary_term (DipWindow *self, const char *source, const char *target)
{
  g_autoptr (GError) error = NULL;

  if (!dip_glossary_view_add (self->glossary_view, source, target, DIP_TERM_PREFERRED, &error))
    {
      show_error (self, error);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("Added “%s → %s” to the glossary"), source,
                                              target);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  refresh_bead_help (self);
}

typedef struct
{
  DipWindow   *window;
  char        *source;
  char        *target;
  GtkEditable *missing;   /* the side the person types in the dialog */
} TermDialog;

static void
term_dialog_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  TermDialog *job = user_data;

  if (g_str_equal (response, "add"))
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (job->missing)));
      add_glossary_term (job->window, *job->source ? job->source : typed,
                         *job->target ? job->target : typed);
    }
  g_free (job->source);
  g_free (job->target);
  g_free (job);
}

/* "Add Selection to Glossary": with text selected on both sides the pair
   goes in at once; with one side, a dialog asks for the other. */
static void
editor_add_term (DipBeadEditor *editor, const char *source, const char *target,
                 gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (*source != '\0' && *target != '\0')
    {
      add_glossary_term (self, source, target);
      return;
    }
  TermDialog *job = g_new0 (TermDialog, 1);
  job->window = self;
  job->source = g_strdup (source);
  job->target = g_strdup (target);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add to Glossary"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  *source ? _("The translation of “%s”:") : _("The source term "
                                                                               "of “%s”:"),
                                  *source ? source : target);
  GtkWidget *entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  job->missing = GTK_EDITABLE (entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add",
                                    _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (term_dialog_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
editor_refused (DipBeadEditor *editor, const char *message, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
editor_finished (DipBeadEditor *editor, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  dip_alignment_view_focus_list (self->alignment_view);
}

static void
next_unsure_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  walk_queue (DIP_WINDOW (user_data), FALSE);
}

/* ---- long work in the background ---------------------------------------- */

/* A worker opens its own connection to the file: the window's stays with
   the main thread, and SQLite's WAL lets both be open. */
typedef struct
{
  char            *project_path;
  char            *out_path;
  DipExportReport  report;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->project_path);
  g_free (job->out_path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (job->project_path, &error);

  if (project == NULL
      || !dip_project_export_tmx (project, job->out_path, NULL, &job->report, cancellable,
                                  &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (DipWindow *self, gboolean busy)
{
  if (busy)
    self->busy = g_cancellable_new ();
  else
    g_clear_object (&self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  update_actions (self);
}

GCancellable *
dip_window_begin_work (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), NULL);
  if (self->busy != NULL)
    return NULL;
  set_busy (self, TRUE);
  return self->busy;
}

void
dip_window_end_work (DipWindow *self)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  set_busy (self, FALSE);
}

/* Long work stops at its next check of the cancellable; it runs in one
   transaction, so the project keeps what it had before. */
static void
cancel_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (self->busy != NULL)
    g_cancellable_cancel (self->busy);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error);
      return;
    }
  g_autofree char *name = g_path_get_basename (job->out_path);
  g_autofree char *message = NULL;
  if (job->report.n_written == 0)
    message = g_strdup_printf (_("No confirmed pairs yet: %s has no translation units"), name);
  else
    message = g_strdup_printf (g_dngettext (DIP_GETTEXT_PACKAGE,
                                            "Exported %" G_GUINT64_FORMAT " pair to %s",
                                            "Exported %" G_GUINT64_FORMAT " pairs to %s",
                                            job->report.n_written),
                               job->report.n_written, name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
dip_window_export_tmx (DipWindow *self, const char *path)
{
  g_return_if_fail (DIP_IS_WINDOW (self));

  if (self->project == NULL || self->busy != NULL)
    return;
  ExportJob *job = g_new0 (ExportJob, 1);
  job->project_path = g_strdup (dip_project_get_path (self->project));
  job->out_path = g_strdup (path);
  set_busy (self, TRUE);
  g_autoptr (GTask) task = g_task_new (self, self->busy, export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        dip_window_export_tmx (self, path);
    }
  g_object_unref (chooser);
}

static void
export_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (self->project == NULL)
    return;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _("Export Confirmed Pairs as TMX"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
    _("_Export"), _("_Cancel"));
  g_autofree char *base = g_path_get_basename (dip_project_get_path (self->project));
  char *dot = strrchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  g_autofree char *name = g_strconcat (base, ".tmx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


static void
align_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);

  if (project == NULL || !dip_project_align (project, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
align_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error);
      return;
    }
  changed (self, 0, _("Aligned the texts"));
}

static void
align_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (self->project == NULL || self->busy != NULL)
    return;
  set_busy (self, TRUE);
  g_autoptr (GTask) task = g_task_new (self, self->busy, align_done, NULL);
  g_task_set_task_data (task, g_strdup (dip_project_get_path (self->project)), g_free);
  g_task_run_in_thread (task, align_thread);
}

static void
check_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  g_autoptr (GPtrArray) findings = NULL;

  if (project != NULL)
    findings = dip_project_check (project, DIP_CHECK_ALL, NULL, cancellable, &error);
  if (findings == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error) || !load_findings (self, &error))
    {
      show_error (self, error);
      return;
    }
  /* Only the panel beside the editor: what the person is typing stays. */
  refresh_bead_help (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "checks");
}

static void
check_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);

  if (self->project == NULL || self->busy != NULL)
    return;
  set_busy (self, TRUE);
  g_autoptr (GTask) task = g_task_new (self, self->busy, check_done, NULL);
  g_task_set_task_data (task, g_strdup (dip_project_get_path (self->project)), g_free);
  g_task_run_in_thread (task, check_thread);
}

static const GActionEntry win_actions[] = {
  { .name = "check", .activate = check_activated },
  { .name = "open", .activate = open_activated },
  { .name = "reload", .activate = reload_activated },
  { .name = "confirm", .activate = confirm_activated },
  { .name = "reject", .activate = reject_activated },
  { .name = "merge-next", .activate = merge_next_activated },
  { .name = "merge-previous", .activate = merge_previous_activated },
  { .name = "split", .activate = split_activated },
  { .name = "move-source-up", .activate = move_source_up_activated },
  { .name = "move-source-down", .activate = move_source_down_activated },
  { .name = "move-target-up", .activate = move_target_up_activated },
  { .name = "move-target-down", .activate = move_target_down_activated },
  { .name = "insert-gap", .activate = insert_gap_activated },
  { .name = "edit-source", .activate = edit_source_activated },
  { .name = "edit-target", .activate = edit_target_activated },
  { .name = "undo", .activate = undo_activated },
  { .name = "redo", .activate = redo_activated },
  { .name = "align", .activate = align_activated },
  { .name = "next-unsure", .activate = next_unsure_activated },
  { .name = "export", .activate = export_activated },
  { .name = "cancel", .activate = cancel_activated },
};

static void
dip_window_dispose (GObject *object)
{
  DipWindow *self = DIP_WINDOW (object);

  if (self->busy != NULL)
    g_cancellable_cancel (self->busy);
  g_clear_handle_id (&self->help_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_WINDOW);
  g_clear_object (&self->project);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
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
  dip_window_add_file_actions (self);
  update_actions (self);

  DipBeadEditor *editor = dip_alignment_view_get_editor (self->alignment_view);
  g_signal_connect_object (dip_alignment_view_get_selection (self->alignment_view),
                           "notify::selected-item", G_CALLBACK (selection_moved), self, 0);
  g_signal_connect_object (editor, "sentence-edited", G_CALLBACK (sentence_edited), self, 0);
  g_signal_connect_object (editor, "refused", G_CALLBACK (editor_refused), self, 0);
  g_signal_connect_object (editor, "finished", G_CALLBACK (editor_finished), self, 0);
  g_signal_connect_object (editor, "add-term", G_CALLBACK (editor_add_term), self, 0);
  g_signal_connect_object (dip_alignment_view_get_help (self->alignment_view), "match-chosen",
                           G_CALLBACK (match_chosen), self, 0);
}

DipWindow *
dip_window_new (GtkApplication *app)
{
  return g_object_new (DIP_TYPE_WINDOW, "application", app, NULL);
}
