/* dip-window-review.c — the main window's corrections of beads,
 * each one change of the project file with its entry in the edit history:
 * confirm, reject, merge, split, move a sentence, insert a gap, undo and
 * redo; and the review queue, least confident first. */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-bead-item.h"
#include "dip-window-private.h"

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
  guint here = dip_window_get_selected_bead (self);
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
  guint index = dip_window_get_selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (!dip_project_set_bead_status (self->project, self->src_document, self->tgt_document, index,
                                    status, &error))
    {
      dip_window_show_error (self, error);
      return FALSE;
    }
  dip_window_changed (self, index, NULL);
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
      dip_window_show_error (self, error);
      return;
    }
  g_autofree char *message = g_strdup_printf (_("Merged beads %u and %u"), first + 1, first + 2);
  dip_window_changed (self, first, message);
}

static void
merge_next_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = dip_window_get_selected_bead (self);

  if (index != GTK_INVALID_LIST_POSITION)
    merge (self, index);
}

static void
merge_previous_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = dip_window_get_selected_bead (self);

  if (index != GTK_INVALID_LIST_POSITION && index > 0)
    merge (self, index - 1);
}

/* Splits the selected bead at the editor's cursors: a 2-2 bead with the
   cursors in the first sentences into two 1-1 beads, a 1-2 into 1-1 and
   0-1, a 1-1 into 1-0 and 0-1. */
static void
split_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DipWindow *self = DIP_WINDOW (user_data);
  guint index = dip_window_get_selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  g_autoptr (DipBeadItem) item = g_list_model_get_item (
    dip_alignment_view_get_beads (self->alignment_view), index);
  const DipBead *bead = dip_bead_item_get_bead (item);
  DipBeadEditor *editor = dip_alignment_view_get_editor (self->alignment_view);
  /* At the cursor: after the sentence each side's cursor is in (the first
     one until the person puts it elsewhere). */
  guint src_keep = MIN (bead->src_count,
                        dip_bead_editor_get_cursor_sentence (editor, DIP_SIDE_SOURCE) + 1);
  guint tgt_keep = MIN (bead->tgt_count,
                        dip_bead_editor_get_cursor_sentence (editor, DIP_SIDE_TARGET) + 1);
  if (src_keep == bead->src_count && tgt_keep == bead->tgt_count)
    {
      /* Nothing after the cursors: split the sides apart instead. */
      tgt_keep = src_keep > 0 ? 0 : tgt_keep - 1;
    }
  if (!dip_project_split_bead (self->project, self->src_document, self->tgt_document, index,
                               src_keep, tgt_keep, &error))
    dip_window_show_error (self, error);
  else
    dip_window_changed (self, index, _("Split the bead"));
}

static void
undo_or_redo (DipWindow *self, gboolean undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *action = NULL;
  guint index = dip_window_get_selected_bead (self);
  gboolean ok = undo ? dip_project_undo (self->project, &action, &error)
                     : dip_project_redo (self->project, &action, &error);

  if (!ok)
    {
      dip_window_show_error (self, error);
      return;
    }
  if (action == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (undo ? _("Nothing to undo")
                                                       : _("Nothing to redo")));
      return;
    }
  dip_window_changed (self, index, NULL);
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
  guint index = dip_window_get_selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  if (!dip_project_move_segment (self->project, self->src_document, self->tgt_document, index,
                                 side, up, &error))
    {
      dip_window_show_error (self, error);
      return;
    }
  dip_window_changed (self, index, NULL);
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
  guint index = dip_window_get_selected_bead (self);
  g_autoptr (GError) error = NULL;

  if (index == GTK_INVALID_LIST_POSITION)
    return;
  if (!dip_project_insert_gap (self->project, self->src_document, self->tgt_document, index,
                               &error))
    dip_window_show_error (self, error);
  else
    dip_window_changed (self, index, _("Parted the bead’s source and target"));
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

static void
next_unsure_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  walk_queue (DIP_WINDOW (user_data), FALSE);
}

static const GActionEntry review_actions[] = {
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
  { .name = "next-unsure", .activate = next_unsure_activated },
};

void
dip_window_add_review_actions (DipWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), review_actions,
                                   G_N_ELEMENTS (review_actions), self);
}
