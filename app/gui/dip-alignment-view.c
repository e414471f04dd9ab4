/* dip-alignment-view.c — the beads of a project side by side.
 *
 * A GtkColumnView over a list model, so that a book's 100k beads cost only
 * the rows on screen. Confidence shows as a symbol and a number as well as
 * a colour, never colour alone; a side with no counterpart says so.
 */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-alignment-map.h"
#include "dip-alignment-view.h"
#include "dip-bead-editor.h"
#include "dip-bead-item.h"

struct _DipAlignmentView
{
  AdwBin              parent_instance;

  GtkSingleSelection *selection;

  /* template children */
  GtkColumnView      *column_view;
  DipAlignmentMap    *map;
  DipBeadEditor      *editor;
  DipBeadHelp        *help;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *search_label;
  GtkLabel           *review_label;
  GtkLevelBar        *review_bar;
};

G_DEFINE_FINAL_TYPE (DipAlignmentView, dip_alignment_view, ADW_TYPE_BIN)

static void
setup_text_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_text (GtkListItem *item, const char *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (text == NULL || *text == '\0')
    {
      gtk_label_set_text (label, _("— no counterpart —"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "no-counterpart");
    }
  else
    {
      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "no-counterpart");
    }
}

static void
bind_source_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  bind_text (item, dip_bead_item_get_source (DIP_BEAD_ITEM (gtk_list_item_get_item (item))));
}

static void
bind_target_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  bind_text (item, dip_bead_item_get_target (DIP_BEAD_ITEM (gtk_list_item_get_item (item))));
}

static void
setup_small_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static const char *const confidence_classes[] = { "confidence-low", "confidence-mid",
                                                  "confidence-high" };

static void
bind_confidence_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const DipBead *bead = dip_bead_item_get_bead (DIP_BEAD_ITEM (gtk_list_item_get_item (item)));
  guint level = bead->confidence >= 0.8 ? 2 : bead->confidence >= 0.5 ? 1 : 0;
  /* A filled, half or empty circle says the same as the colour. */
  static const char *const marks[] = { "○", "◐", "●" };
  g_autofree char *text = g_strdup_printf ("%s %.2f", marks[level], bead->confidence);

  gtk_label_set_text (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (confidence_classes); i++)
    gtk_widget_remove_css_class (label, confidence_classes[i]);
  gtk_widget_add_css_class (label, confidence_classes[level]);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const DipBead *bead = dip_bead_item_get_bead (DIP_BEAD_ITEM (gtk_list_item_get_item (item)));
  g_autofree char *text = NULL;

  switch (bead->status)
    {
    case DIP_BEAD_CONFIRMED:
      text = g_strdup_printf ("✓ %s", _("confirmed"));
      break;
    case DIP_BEAD_REJECTED:
      text = g_strdup_printf ("✗ %s", _("rejected"));
      break;
    default:
      text = g_strdup_printf ("%u:%u", bead->src_count, bead->tgt_count);
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
update_review (DipAlignmentView *self)
{
  GListModel *beads = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (beads), confirmed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (beads, i);
      confirmed += dip_bead_item_get_bead (item)->status == DIP_BEAD_CONFIRMED;
    }
  g_autofree char *text = g_strdup_printf (_("Review: %u of %u confirmed"), confirmed, n);
  gtk_label_set_text (self->review_label, text);
  gtk_level_bar_set_value (self->review_bar, n > 0 ? (double) confirmed / n : 0);
}

static void
beads_changed (DipAlignmentView *self)
{
  update_review (self);
}

void
dip_alignment_view_set_beads (DipAlignmentView *self, GListModel *beads, guint selected)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_VIEW (self));

  gtk_single_selection_set_model (self->selection, beads);
  g_signal_connect_object (beads, "items-changed", G_CALLBACK (beads_changed), self,
                           G_CONNECT_SWAPPED);
  dip_alignment_map_set_beads (self->map, beads);
  update_review (self);
  if (selected != GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (beads) > 0)
    dip_alignment_view_select (self, MIN (selected, g_list_model_get_n_items (beads) - 1));
}

GListModel *
dip_alignment_view_get_beads (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

guint
dip_alignment_view_get_selected (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), GTK_INVALID_LIST_POSITION);
  return gtk_single_selection_get_selected (self->selection);
}

void
dip_alignment_view_select (DipAlignmentView *self, guint index)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_VIEW (self));
  gtk_single_selection_set_selected (self->selection, index);
  /* Bring the row into view: GTK 4.8 has no gtk_column_view_scroll_to, but
     the list view inside the column view has a "list.scroll-to-item"
     action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", index);
}

void
dip_alignment_view_focus_list (DipAlignmentView *self)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Return on a row (or a double click) edits its source text. */
static void
row_activated (GtkColumnView *view, guint position, gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "win.edit-source", NULL);
}

void
dip_alignment_view_start_search (DipAlignmentView *self)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_VIEW (self));
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkSearchEntry *
dip_alignment_view_get_search_entry (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return self->search_entry;
}

void
dip_alignment_view_set_search_result (DipAlignmentView *self, const char *text)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_VIEW (self));
  gtk_label_set_text (self->search_label, text ? text : "");
}

DipBeadHelp *
dip_alignment_view_get_help (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return self->help;
}

DipBeadEditor *
dip_alignment_view_get_editor (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return self->editor;
}

GtkSingleSelection *
dip_alignment_view_get_selection (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return self->selection;
}

DipAlignmentMap *
dip_alignment_view_get_map (DipAlignmentView *self)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_VIEW (self), NULL);
  return self->map;
}

static void
map_bead_activated (DipAlignmentMap *map, guint index, gpointer user_data)
{
  dip_alignment_view_select (DIP_ALIGNMENT_VIEW (user_data), index);
}

static void
dip_alignment_view_dispose (GObject *object)
{
  DipAlignmentView *self = DIP_ALIGNMENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_ALIGNMENT_VIEW);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (dip_alignment_view_parent_class)->dispose (object);
}

static void
dip_alignment_view_class_init (DipAlignmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dip_alignment_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/diptych/Diptych/dip-alignment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, column_view);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, map);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, editor);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, help);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, search_label);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, review_label);
  gtk_widget_class_bind_template_child (widget_class, DipAlignmentView, review_bar);
  gtk_widget_class_bind_template_callback (widget_class, setup_text_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_target_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_small_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_confidence_cell);
  gtk_widget_class_bind_template_callback (widget_class, bind_status_cell);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
dip_alignment_view_init (DipAlignmentView *self)
{
  g_type_ensure (DIP_TYPE_ALIGNMENT_MAP);
  g_type_ensure (DIP_TYPE_BEAD_EDITOR);
  g_type_ensure (DIP_TYPE_BEAD_HELP);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->map, "bead-activated", G_CALLBACK (map_bead_activated), self, 0);

  g_autoptr (GListStore) empty = g_list_store_new (DIP_TYPE_BEAD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (empty)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_review (self);
}
