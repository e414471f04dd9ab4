/* dip-window-editor.c — the main window's bead editor and the
 * panel beside it: the selected bead's sentences to correct, its findings,
 * glossary terms and translation-memory matches. */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-bead-item.h"
#include "dip-window-private.h"

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

/* ---- translation memory, in a worker thread --------------------------------- */

/* One search of the memory for one bead. The worker opens the project on a
   connection of its own: a search of a large memory must not hold up the
   keyboard, and of a quick walk over the beads only the last one matters. */
typedef struct
{
  char   *project_path;
  char   *text;
  gint64  bead_id;
  gint64  document;
  guint   start;
  guint   count;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->project_path);
  g_free (lookup->text);
  g_free (lookup);
}

static void
lookup_thread (GTask *task, gpointer source_object, gpointer task_data,
               GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open_with_flags (lookup->project_path,
                                                                DIP_OPEN_NO_DAMAGE_CHECK,
                                                                &error);
  GPtrArray *matches = NULL;

  if (project != NULL)
    matches = dip_project_find_translations (project, lookup->text, MAX_MEMORY_MATCHES,
                                             MIN_MEMORY_SIMILARITY, lookup->document,
                                             lookup->start, lookup->count, &error);
  if (matches == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, matches, (GDestroyNotify) g_ptr_array_unref);
}

static void start_lookup (DipWindow *self, Lookup *lookup);

static void
lookup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (source);
  Lookup *lookup = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) matches = g_task_propagate_pointer (G_TASK (result), &error);

  self->looking_up = FALSE;
  if (self->next_lookup != NULL)
    {
      /* The person moved on while this one ran: search for where they are. */
      start_lookup (self, g_steal_pointer (&self->next_lookup));
      return;
    }
  if (self->project == NULL || g_strcmp0 (dip_project_get_path (self->project),
                                          lookup->project_path) != 0)
    return;
  if (matches == NULL)
    {
      /* A busy file or a failed search: the panel says nothing was found
         rather than interrupt the person with a toast for it. */
      g_debug ("translation memory: %s", error->message);
    }
  dip_bead_help_show_matches (dip_alignment_view_get_help (self->alignment_view),
                              lookup->bead_id, matches);
}

void
dip_window_forget_lookups (DipWindow *self)
{
  g_clear_pointer ((Lookup **) &self->next_lookup, lookup_free);
}

static void
start_lookup (DipWindow *self, Lookup *lookup)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, lookup_done, NULL);

  self->looking_up = TRUE;
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, lookup_thread);
}

static void
look_up_translations (DipWindow *self, const DipBead *bead, const char *source)
{
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->project_path = g_strdup (dip_project_get_path (self->project));
  lookup->text = g_strdup (source);
  lookup->bead_id = bead->id;
  lookup->document = self->src_document;
  lookup->start = bead->src_start;
  lookup->count = bead->src_count;
  g_clear_pointer (&self->next_lookup, lookup_free);
  if (self->looking_up)
    self->next_lookup = lookup;
  else
    start_lookup (self, lookup);
}

gboolean
dip_window_is_looking_up (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), FALSE);
  return self->looking_up;
}

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

  if (error != NULL)
    dip_window_show_error (self, error);
  dip_bead_help_show (help, bead->id, source, target, self->findings, glossary);
  look_up_translations (self, bead, source);
}

void
dip_window_refresh_bead_help (DipWindow *self)
{
  guint index = dip_window_get_selected_bead (self);

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
  dip_window_refresh_bead_help (self);
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
  guint index = dip_window_get_selected_bead (self);

  if (index == GTK_INVALID_LIST_POSITION || self->beads == NULL)
    {
      dip_bead_editor_show (editor, NULL, NULL, 0, 0, NULL, 0, 0);
      dip_bead_help_show (dip_alignment_view_get_help (self->alignment_view), 0, NULL, NULL, NULL,
                          NULL);
      dip_bead_help_show_matches (dip_alignment_view_get_help (self->alignment_view), 0, NULL);
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
      dip_window_show_error (self, error);
      show_selected_in_editor (self);
      return;
    }
  dip_window_changed (self, dip_window_get_selected_bead (self), NULL);
}

/* Adds a term pair to the glossary and says so; the help panel shows it. */
static void
add_glossary_term (DipWindow *self, const char *source, const char *target)
{
  g_autoptr (GError) error = NULL;

  if (!dip_glossary_view_add (self->glossary_view, source, target, DIP_TERM_PREFERRED, &error))
    {
      dip_window_show_error (self, error);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("Added “%s → %s” to the glossary"), source,
                                              target);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  dip_window_refresh_bead_help (self);
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

void
dip_window_connect_editor (DipWindow *self)
{
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
