/* dip-window-find.c — the main window's concordance: Ctrl+F finds the
 * beads with every word typed on either side (the project's full-text
 * index), Return, Ctrl+G and F3 go from one to the next, Shift+F3 back. */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-window-private.h"

static void
say_where (DipWindow *self)
{
  GArray *found = self->found;
  g_autofree char *text = NULL;

  if (found == NULL)
    text = NULL;
  else if (found->len == 0)
    text = g_strdup (_("no beads"));
  else
    text = g_strdup_printf (_("%u of %u"), self->found_at + 1, found->len);
  dip_alignment_view_set_search_result (self->alignment_view, text);
}

/* Goes to the next (or previous) bead found, counted from the selection so
   that a search goes on from where the person is. */
static void
go_to_match (DipWindow *self, gboolean forward)
{
  GArray *found = self->found;
  guint here = dip_window_get_selected_bead (self);

  if (found == NULL || found->len == 0)
    return;
  guint at = forward ? 0 : found->len - 1;
  for (guint k = 0; k < found->len; k++)
    {
      guint index = g_array_index (found, guint, forward ? k : found->len - 1 - k);
      if (here == GTK_INVALID_LIST_POSITION || (forward ? index > here : index < here))
        {
          at = forward ? k : found->len - 1 - k;
          break;
        }
    }
  self->found_at = at;
  dip_alignment_view_select (self->alignment_view, g_array_index (found, guint, at));
  say_where (self);
}

void
dip_window_find (DipWindow *self, const char *text)
{
  g_return_if_fail (DIP_IS_WINDOW (self));
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->found, g_array_unref);
  self->found_at = 0;
  if (self->project != NULL && text != NULL && *text != '\0')
    {
      self->found = dip_project_find_beads (self->project, self->src_document,
                                            self->tgt_document, text, &error);
      if (self->found == NULL)
        dip_window_show_error (self, error);
    }
  say_where (self);
  /* The first match at or after the selection. */
  if (self->found != NULL && self->found->len > 0)
    {
      guint here = dip_window_get_selected_bead (self);
      if (here != GTK_INVALID_LIST_POSITION && here > 0)
        dip_window_select_bead (self, here - 1);
      go_to_match (self, TRUE);
    }
}

guint
dip_window_get_n_found (DipWindow *self)
{
  g_return_val_if_fail (DIP_IS_WINDOW (self), 0);
  return self->found ? self->found->len : 0;
}

static void
search_changed (GtkSearchEntry *entry, gpointer user_data)
{
  dip_window_find (DIP_WINDOW (user_data), gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
next_match (GtkSearchEntry *entry, gpointer user_data)
{
  go_to_match (DIP_WINDOW (user_data), TRUE);
}

static void
previous_match (GtkSearchEntry *entry, gpointer user_data)
{
  go_to_match (DIP_WINDOW (user_data), FALSE);
}

static void
stop_search (GtkSearchEntry *entry, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  dip_alignment_view_focus_list (self->alignment_view);
}

static void
find_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  dip_alignment_view_start_search (DIP_WINDOW (user_data)->alignment_view);
}

static void
find_next_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  go_to_match (DIP_WINDOW (user_data), TRUE);
}

static void
find_previous_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  go_to_match (DIP_WINDOW (user_data), FALSE);
}

static const GActionEntry find_actions[] = {
  { .name = "find", .activate = find_activated },
  { .name = "find-next", .activate = find_next_activated },
  { .name = "find-previous", .activate = find_previous_activated },
};

void
dip_window_add_find_actions (DipWindow *self)
{
  GtkSearchEntry *entry = dip_alignment_view_get_search_entry (self->alignment_view);

  g_action_map_add_action_entries (G_ACTION_MAP (self), find_actions,
                                   G_N_ELEMENTS (find_actions), self);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (search_changed), self, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (next_match), self, 0);
  g_signal_connect_object (entry, "next-match", G_CALLBACK (next_match), self, 0);
  g_signal_connect_object (entry, "previous-match", G_CALLBACK (previous_match), self, 0);
  g_signal_connect_object (entry, "stop-search", G_CALLBACK (stop_search), self, 0);
}
