/* dip-bead-editor.c — the selected bead's sentences, editable in place.
 *
 * Each side is a text view with one sentence a line, so that a correction
 * of the text never changes where sentences begin and end: Return hands
 * the changed lines on (as does leaving the text), Escape puts the text
 * back. Misspelt words are underlined as the person types; the context
 * menu of one offers hunspell's corrections and "Add to Dictionary",
 * which goes into the project's word list.
 */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-bead-editor.h"
#include "dip-resources.h"

/* The most corrections the context menu offers. */
#define MAX_MENU_SUGGESTIONS 6

typedef struct
{
  GtkTextView     *view;
  GPtrArray       *shown;        /* char*: the sentences as shown */
  guint            start;        /* position of the first one in its document */
  DipSpellChecker *checker;      /* made on first use */
  gboolean         no_checker;   /* making one failed: spelling is off */
  guint            misspelt;
} EditorSide;

struct _DipBeadEditor
{
  GtkBox       parent_instance;

  DipProject  *project;
  EditorSide   sides[2];
  guint        check_source;     /* idle that underlines misspelt words */
  GCancellable *loading;         /* set while the dictionaries load */
  gboolean     loaded;           /* the checkers are made (or failed) */
  DipSide      menu_side;        /* the word the context menu is about */
  int          menu_start;
  int          menu_end;

  /* template children */
  GtkLabel    *status_label;
  GtkTextView *source_view;
  GtkTextView *target_view;
};

G_DEFINE_FINAL_TYPE (DipBeadEditor, dip_bead_editor, GTK_TYPE_BOX)

enum
{
  SIGNAL_SENTENCE_EDITED,
  SIGNAL_REFUSED,
  SIGNAL_FINISHED,
  SIGNAL_ADD_TERM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkTextBuffer *
side_buffer (DipBeadEditor *self, DipSide side)
{
  return gtk_text_view_get_buffer (self->sides[side].view);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- spelling ------------------------------------------------------------ */

/* The two checkers, made in a worker thread: loading a hunspell
   dictionary takes a fraction of a second that the window's first frame
   should not wait for. They have a connection to the project of their own,
   for "Add to Dictionary". */
typedef struct
{
  DipSpellChecker *checkers[2];
} Checkers;

static void
checkers_free (Checkers *checkers)
{
  for (guint side = 0; side < 2; side++)
    g_clear_pointer (&checkers->checkers[side], dip_spell_checker_free);
  g_free (checkers);
}

static void
load_checkers_thread (GTask *task, gpointer source_object, gpointer task_data,
                      GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open_with_flags (task_data,
                                                                DIP_OPEN_NO_DAMAGE_CHECK,
                                                                &error);
  Checkers *checkers = g_new0 (Checkers, 1);

  /* A project the editor has left meanwhile may be gone (closed, deleted):
     nobody waits for its spelling, so a failure is no news. */
  for (DipSide side = DIP_SIDE_SOURCE; project != NULL && side <= DIP_SIDE_TARGET; side++)
    {
      g_autoptr (GError) side_error = NULL;
      checkers->checkers[side] = dip_spell_checker_new (project, side, NULL, &side_error);
      if (checkers->checkers[side] == NULL && !g_cancellable_is_cancelled (cancellable))
        g_warning ("spelling is off: %s", side_error->message);
    }
  if (project == NULL && !g_cancellable_is_cancelled (cancellable))
    g_warning ("spelling is off: %s", error->message);
  g_task_return_pointer (task, checkers, (GDestroyNotify) checkers_free);
}

static gboolean underline_in_idle (gpointer user_data);

static void
checkers_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *editor = user_data;
  g_autoptr (DipBeadEditor) self = g_weak_ref_get (editor);
  g_weak_ref_clear (editor);
  g_free (editor);
  /* NULL when the load was cancelled: the task frees what it made. */
  Checkers *checkers = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self == NULL || checkers == NULL || g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      /* Loaded for a project the editor has left since, or for an editor
         gone with its window. */
      if (checkers != NULL)
        checkers_free (checkers);
      return;
    }
  g_clear_object (&self->loading);
  self->loaded = TRUE;
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      self->sides[side].checker = g_steal_pointer (&checkers->checkers[side]);
      self->sides[side].no_checker = self->sides[side].checker == NULL;
    }
  checkers_free (checkers);
  underline_in_idle (self);
}

/* The task holds the editor by a weak reference only. Held as the task's
   source object, an editor whose window closed during a load outlived it,
   undisposed: when the load finished it underlined its buffers, and its
   text views, freed right after with the task's reference, left a
   validation idle behind that GTK then ran on freed memory (the window
   test's rare failures under load, a text-mark critical in the next test). */
static void
start_loading_checkers (DipBeadEditor *self)
{
  self->loading = g_cancellable_new ();
  GWeakRef *editor = g_new0 (GWeakRef, 1);
  g_weak_ref_init (editor, self);
  g_autoptr (GTask) task = g_task_new (NULL, self->loading, checkers_loaded, editor);
  g_task_set_task_data (task, g_strdup (dip_project_get_path (self->project)), g_free);
  g_task_run_in_thread (task, load_checkers_thread);
}

static DipSpellChecker *
side_checker (DipBeadEditor *self, DipSide side)
{
  if (!self->loaded && self->loading == NULL && self->project != NULL)
    start_loading_checkers (self);
  return self->sides[side].checker;
}

static void
forget_checkers (DipBeadEditor *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loaded = FALSE;
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      g_clear_pointer (&self->sides[side].checker, dip_spell_checker_free);
      self->sides[side].no_checker = FALSE;
    }
}

static void
underline_side (DipBeadEditor *self, DipSide side)
{
  GtkTextBuffer *buffer = side_buffer (self, side);
  GtkTextIter start, end;
  DipSpellChecker *checker = side_checker (self, side);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "misspelt", &start, &end);
  self->sides[side].misspelt = 0;
  if (checker == NULL)
    return;
  g_autofree char *text = buffer_text (buffer);
  g_autoptr (GArray) spans = dip_spell_checker_check (checker, text);
  for (guint i = 0; i < spans->len; i++)
    {
      const DipSpan *span = &g_array_index (spans, DipSpan, i);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) span->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) span->end);
      gtk_text_buffer_apply_tag_by_name (buffer, "misspelt", &start, &end);
    }
  self->sides[side].misspelt = spans->len;
}

static gboolean
underline_in_idle (gpointer user_data)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (user_data);

  self->check_source = 0;
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    underline_side (self, side);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed (GtkTextBuffer *buffer, gpointer user_data)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (user_data);

  /* One check after a burst of typing, not one a keystroke. */
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_LOW, underline_in_idle, self, NULL);
}

guint
dip_bead_editor_count_misspelt (DipBeadEditor *self, DipSide side)
{
  g_return_val_if_fail (DIP_IS_BEAD_EDITOR (self), 0);
  side_checker (self, side);
  while (self->loading != NULL)
    g_main_context_iteration (NULL, TRUE);
  if (self->check_source != 0)
    {
      g_source_remove (self->check_source);
      underline_in_idle (self);
    }
  return self->sides[side].misspelt;
}

/* The context menu: when the cursor is in a misspelt word (a right click
   puts it there before the menu opens), its corrections and "Add to
   Dictionary" join the text view's own items. */
static void
update_spelling_menu (DipBeadEditor *self, DipSide side)
{
  GtkTextView *view = self->sides[side].view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "misspelt");
  GtkTextIter start, end;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      g_autoptr (GMenu) menu = g_menu_new ();
      g_menu_append (menu, _("Add Selection to _Glossary…"), "editor.add-term");
      gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
      return;
    }
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  gboolean inside = gtk_text_iter_has_tag (&start, tag)
                    || (gtk_text_iter_ends_tag (&start, tag)
                        && gtk_text_iter_backward_char (&start));
  if (!inside || self->sides[side].checker == NULL)
    {
      gtk_text_view_set_extra_menu (view, NULL);
      return;
    }
  if (!gtk_text_iter_starts_tag (&start, tag))
    gtk_text_iter_backward_to_tag_toggle (&start, tag);
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  g_autofree char *word = gtk_text_iter_get_text (&start, &end);
  self->menu_side = side;
  self->menu_start = gtk_text_iter_get_offset (&start);
  self->menu_end = gtk_text_iter_get_offset (&end);

  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) corrections = g_menu_new ();
  g_autoptr (GPtrArray) suggestions = dip_spell_checker_suggest (self->sides[side].checker,
                                                                 word);
  for (guint i = 0; i < MIN (suggestions->len, MAX_MENU_SUGGESTIONS); i++)
    {
      const char *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (suggestion, NULL);
      g_menu_item_set_action_and_target (item, "editor.replace-word", "s", suggestion);
      g_menu_append_item (corrections, item);
    }
  if (suggestions->len == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No Corrections"), "editor.none");
      g_menu_append_item (corrections, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (corrections));
  g_autofree char *add_label = g_strdup_printf (_("Add “%s” to Dictionary"), word);
  g_menu_append (menu, add_label, "editor.add-word");
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
}

static void
cursor_moved (GtkTextBuffer *buffer, GParamSpec *pspec, gpointer user_data)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (user_data);
  DipSide side = buffer == side_buffer (self, DIP_SIDE_SOURCE) ? DIP_SIDE_SOURCE : DIP_SIDE_TARGET;

  update_spelling_menu (self, side);
}

static void
replace_word_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (widget);
  GtkTextBuffer *buffer = side_buffer (self, self->menu_side);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->menu_end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_word_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (widget);
  EditorSide *s = &self->sides[self->menu_side];
  GtkTextBuffer *buffer = side_buffer (self, self->menu_side);
  GtkTextIter start, end;
  g_autoptr (GError) error = NULL;

  if (s->checker == NULL)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->menu_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->menu_end);
  g_autofree char *word = gtk_text_iter_get_text (&start, &end);
  if (!dip_spell_checker_add_word (s->checker, word, &error))
    {
      g_signal_emit (self, signals[SIGNAL_REFUSED], 0, error->message);
      return;
    }
  underline_side (self, self->menu_side);
  update_spelling_menu (self, self->menu_side);
}

/* The text selected in a side, stripped; "" when none. */
static char *
selected_text (DipBeadEditor *self, DipSide side)
{
  GtkTextIter start, end;
  if (!gtk_text_buffer_get_selection_bounds (side_buffer (self, side), &start, &end))
    return g_strdup ("");
  g_autofree char *text = gtk_text_iter_get_text (&start, &end);
  return g_strdup (g_strstrip (text));
}

static void
add_term_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (widget);
  g_autofree char *source = selected_text (self, DIP_SIDE_SOURCE);
  g_autofree char *target = selected_text (self, DIP_SIDE_TARGET);

  if (*source != '\0' || *target != '\0')
    g_signal_emit (self, signals[SIGNAL_ADD_TERM], 0, source, target);
}

/* ---- showing and committing ---------------------------------------------- */

static void
fill_side (DipBeadEditor *self, DipSide side, GPtrArray *segments, guint start, guint count)
{
  EditorSide *s = &self->sides[side];
  g_autoptr (GString) text = g_string_new (NULL);

  g_ptr_array_set_size (s->shown, 0);
  s->start = start;
  for (guint i = start; segments != NULL && i < start + count && i < segments->len; i++)
    {
      const char *sentence = g_ptr_array_index (segments, i);
      g_ptr_array_add (s->shown, g_strdup (sentence));
      g_string_append_printf (text, "%s%s", text->len ? "\n" : "", sentence);
    }
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (s->view);
  GtkTextIter first;
  gtk_text_buffer_set_text (buffer, text->str, -1);
  /* The cursor starts in the first sentence, where a split cuts by default. */
  gtk_text_buffer_get_start_iter (buffer, &first);
  gtk_text_buffer_place_cursor (buffer, &first);
  /* A side with no sentences has nothing to edit: a new sentence cannot
     be typed in, it has to be moved in from a neighbouring bead. */
  gtk_text_view_set_editable (s->view, s->shown->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (s->view), s->shown->len > 0);
}

void
dip_bead_editor_show (DipBeadEditor *self, const char *status, GPtrArray *src_segments,
                      guint src_start, guint src_count, GPtrArray *tgt_segments,
                      guint tgt_start, guint tgt_count)
{
  g_return_if_fail (DIP_IS_BEAD_EDITOR (self));
  gtk_label_set_text (self->status_label, status ? status : "");
  fill_side (self, DIP_SIDE_SOURCE, src_segments, src_start, src_count);
  fill_side (self, DIP_SIDE_TARGET, tgt_segments, tgt_start, tgt_count);
}

void
dip_bead_editor_revert (DipBeadEditor *self, DipSide side)
{
  g_return_if_fail (DIP_IS_BEAD_EDITOR (self));
  EditorSide *s = &self->sides[side];
  g_autofree char *text = g_strjoinv ("\n", (char **) s->shown->pdata);

  gtk_text_buffer_set_text (side_buffer (self, side), text, -1);
}

gboolean
dip_bead_editor_commit (DipBeadEditor *self, DipSide side)
{
  g_return_val_if_fail (DIP_IS_BEAD_EDITOR (self), FALSE);
  EditorSide *s = &self->sides[side];
  g_autofree char *text = buffer_text (side_buffer (self, side));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  if (s->shown->len == 0)
    return TRUE;
  if (g_strv_length (lines) != s->shown->len)
    {
      g_autofree char *message = g_strdup_printf (
        g_dngettext (DIP_GETTEXT_PACKAGE, "This side of the bead has %u sentence: keep one a line",
                     "This side of the bead has %u sentences: keep one a line", s->shown->len),
        s->shown->len);
      dip_bead_editor_revert (self, side);
      g_signal_emit (self, signals[SIGNAL_REFUSED], 0, message);
      return FALSE;
    }
  /* Take the changes first, then hand them on: whoever handles the signal
     may show another bead in this editor. */
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < s->shown->len; i++)
    if (g_strcmp0 (lines[i], g_ptr_array_index (s->shown, i)) != 0)
      {
        guint position = s->start + i;
        g_free (g_ptr_array_index (s->shown, i));
        g_ptr_array_index (s->shown, i) = g_strdup (lines[i]);
        g_ptr_array_add (changed, g_strdup (lines[i]));
        g_array_append_val (positions, position);
      }
  for (guint i = 0; i < changed->len; i++)
    g_signal_emit (self, signals[SIGNAL_SENTENCE_EDITED], 0, (int) side,
                   g_array_index (positions, guint, i), g_ptr_array_index (changed, i));
  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, gpointer user_data)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (user_data);
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  DipSide side = view == GTK_WIDGET (self->source_view) ? DIP_SIDE_SOURCE : DIP_SIDE_TARGET;
  gboolean plain = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0;

  if (plain && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      dip_bead_editor_commit (self, side);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      return GDK_EVENT_STOP;
    }
  if (plain && keyval == GDK_KEY_Escape)
    {
      dip_bead_editor_revert (self, side);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
focus_left (GtkEventControllerFocus *controller, gpointer user_data)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (user_data);
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  dip_bead_editor_commit (self, view == GTK_WIDGET (self->source_view) ? DIP_SIDE_SOURCE
                                                                       : DIP_SIDE_TARGET);
}

void
dip_bead_editor_focus (DipBeadEditor *self, DipSide side)
{
  g_return_if_fail (DIP_IS_BEAD_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->sides[side].view));
}

gboolean
dip_bead_editor_insert_target (DipBeadEditor *self, const char *text)
{
  g_return_val_if_fail (DIP_IS_BEAD_EDITOR (self), FALSE);
  EditorSide *s = &self->sides[DIP_SIDE_TARGET];
  GtkTextBuffer *buffer = side_buffer (self, DIP_SIDE_TARGET);

  if (s->shown->len == 0)
    return FALSE;
  /* One user action, so that the text view's own undo takes it back. */
  gtk_text_buffer_begin_user_action (buffer);
  if (s->shown->len == 1)
    {
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
    }
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (s->view));
  return TRUE;
}

guint
dip_bead_editor_get_cursor_sentence (DipBeadEditor *self, DipSide side)
{
  g_return_val_if_fail (DIP_IS_BEAD_EDITOR (self), 0);
  GtkTextBuffer *buffer = side_buffer (self, side);
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return (guint) gtk_text_iter_get_line (&cursor);
}

GtkTextView *
dip_bead_editor_get_view (DipBeadEditor *self, DipSide side)
{
  g_return_val_if_fail (DIP_IS_BEAD_EDITOR (self), NULL);
  return self->sides[side].view;
}

void
dip_bead_editor_set_project (DipBeadEditor *self, DipProject *project)
{
  g_return_if_fail (DIP_IS_BEAD_EDITOR (self));
  g_set_object (&self->project, project);
  forget_checkers (self);
  dip_bead_editor_show (self, NULL, NULL, 0, 0, NULL, 0, 0);
}

/* ---- the class ----------------------------------------------------------- */

static void
set_up_side (DipBeadEditor *self, DipSide side, GtkTextView *view)
{
  EditorSide *s = &self->sides[side];
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  s->view = view;
  s->shown = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  gtk_text_buffer_create_tag (buffer, "misspelt", "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed), self, 0);
  g_signal_connect_object (buffer, "notify::cursor-position", G_CALLBACK (cursor_moved), self,
                           0);
  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (cursor_moved), self, 0);

  GtkEventController *keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_left), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
}

static void
dip_bead_editor_dispose (GObject *object)
{
  DipBeadEditor *self = DIP_BEAD_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  forget_checkers (self);
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      /* The views go with the template below, and their buffers with
         them: nothing the buffers say on the way is for the editor any
         more. Once only: on a second dispose the views may be gone. */
      if (self->sides[side].shown != NULL && self->sides[side].view != NULL)
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->sides[side].view),
                                              self);
      g_clear_pointer (&self->sides[side].shown, g_ptr_array_unref);
    }
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_BEAD_EDITOR);
  G_OBJECT_CLASS (dip_bead_editor_parent_class)->dispose (object);
}

static void
dip_bead_editor_class_init (DipBeadEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dip_bead_editor_dispose;

  /* (side, position of the sentence in its document, new text) */
  signals[SIGNAL_SENTENCE_EDITED] = g_signal_new ("sentence-edited", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT,
                                                  G_TYPE_STRING);
  /* (a message for the person) */
  signals[SIGNAL_REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Return or Escape: the keyboard can go back to the list. */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           0);

  /* (source term, target term): the texts selected in each side, either
     maybe empty. */
  signals[SIGNAL_ADD_TERM] = g_signal_new ("add-term", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           2, G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "editor.add-term", NULL, add_term_activated);
  gtk_widget_class_install_action (widget_class, "editor.replace-word", "s",
                                   replace_word_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-word", NULL, add_word_activated);

  dip_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/diptych/Diptych/dip-bead-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DipBeadEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, DipBeadEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, DipBeadEditor, target_view);
}

static void
dip_bead_editor_init (DipBeadEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_side (self, DIP_SIDE_SOURCE, self->source_view);
  set_up_side (self, DIP_SIDE_TARGET, self->target_view);
}
