/* dip-alignment-map.c — the alignment path over the source × target plane.
 *
 * Source runs left to right, target top to bottom, both scaled to the
 * widget; each bead is a stroke from where it starts to where it ends,
 * coloured by confidence (and thicker once confirmed). A translation draws
 * a near-diagonal; a summary a staircase whose flat runs are the article
 * sentences it leaves out. A click selects the bead under the pointer.
 */
#include "dip-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dip-alignment-map.h"
#include "dip-bead-item.h"

#define MARGIN 6.0

/* What the map draws of a bead, read once when the model changes. */
typedef struct
{
  guint   src_start, src_end, tgt_start, tgt_end;
  float   confidence;
  gboolean confirmed;
} Stroke;

/* More strokes than pixels would only cost time: beyond this many, runs of
   beads are drawn as one stroke in the colour of the least sure of them. */
#define MAX_STROKES 3000

struct _DipAlignmentMap
{
  GtkWidget   parent_instance;

  GListModel *beads;
  GArray     *strokes;        /* Stroke, one per bead */
  guint       n_src, n_tgt;   /* segments on each side */
};

G_DEFINE_FINAL_TYPE (DipAlignmentMap, dip_alignment_map, GTK_TYPE_WIDGET)

enum
{
  BEAD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
measure_sides (DipAlignmentMap *self)
{
  self->n_src = self->n_tgt = 0;
  g_array_set_size (self->strokes, 0);
  if (self->beads == NULL)
    return;
  guint n = g_list_model_get_n_items (self->beads);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DipBeadItem) item = g_list_model_get_item (self->beads, i);
      const DipBead *bead = dip_bead_item_get_bead (item);
      Stroke stroke = { bead->src_start, bead->src_start + bead->src_count, bead->tgt_start,
                        bead->tgt_start + bead->tgt_count, bead->confidence,
                        bead->status == DIP_BEAD_CONFIRMED };
      g_array_append_val (self->strokes, stroke);
    }
  if (n > 0)
    {
      const Stroke *last = &g_array_index (self->strokes, Stroke, n - 1);
      self->n_src = last->src_end;
      self->n_tgt = last->tgt_end;
    }
}

/* Widget coordinates of the lattice point (source i, target j). */
static void
to_widget (DipAlignmentMap *self, double i, double j, double *x, double *y)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;

  *x = MARGIN + (self->n_src > 0 ? i / self->n_src : 0) * MAX (w, 1);
  *y = MARGIN + (self->n_tgt > 0 ? j / self->n_tgt : 0) * MAX (h, 1);
}

void
dip_alignment_map_bead_point (DipAlignmentMap *self, guint index, double *x, double *y)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_MAP (self));
  g_return_if_fail (index < self->strokes->len);
  const Stroke *stroke = &g_array_index (self->strokes, Stroke, index);
  to_widget (self, (stroke->src_start + stroke->src_end) / 2.0,
             (stroke->tgt_start + stroke->tgt_end) / 2.0, x, y);
}

guint
dip_alignment_map_find_bead (DipAlignmentMap *self, double x, double y)
{
  g_return_val_if_fail (DIP_IS_ALIGNMENT_MAP (self), GTK_INVALID_LIST_POSITION);
  guint n = self->strokes->len;
  guint best = GTK_INVALID_LIST_POSITION;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      double bx, by;
      dip_alignment_map_bead_point (self, i, &bx, &by);
      double d = (bx - x) * (bx - x) + (by - y) * (by - y);
      if (d < best_distance)
        {
          best_distance = d;
          best = i;
        }
    }
  return best;
}

static void
dip_alignment_map_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  DipAlignmentMap *self = DIP_ALIGNMENT_MAP (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  guint n = self->strokes->len;
  guint step = MAX (1, (n + MAX_STROKES - 1) / MAX_STROKES);

  /* The diagonal a one-to-one translation would follow, for reference. */
  double x0, y0, x1, y1;
  to_widget (self, 0, 0, &x0, &y0);
  to_widget (self, self->n_src, self->n_tgt, &x1, &y1);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_stroke (cr);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n; i += step)
    {
      const Stroke *first = &g_array_index (self->strokes, Stroke, i);
      const Stroke *last = &g_array_index (self->strokes, Stroke, MIN (i + step, n) - 1);
      double c = 1.0;
      gboolean confirmed = TRUE;
      for (guint k = i; k < MIN (i + step, n); k++)
        {
          const Stroke *stroke = &g_array_index (self->strokes, Stroke, k);
          c = MIN (c, stroke->confidence);
          confirmed &= stroke->confirmed;
        }
      double ax, ay, bx, by;
      to_widget (self, first->src_start, first->tgt_start, &ax, &ay);
      to_widget (self, last->src_end, last->tgt_end, &bx, &by);
      /* Red through amber to green with confidence. */
      c = CLAMP (c, 0.0, 1.0);
      cairo_set_source_rgb (cr, c < 0.5 ? 0.88 : 0.88 * (1 - c) * 2, c < 0.5 ? 1.6 * c : 0.72, 0.2);
      cairo_set_line_width (cr, confirmed ? 3.5 : 2.0);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
items_changed (GListModel *model, guint position, guint removed, guint added, gpointer user_data)
{
  DipAlignmentMap *self = DIP_ALIGNMENT_MAP (user_data);

  measure_sides (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dip_alignment_map_set_beads (DipAlignmentMap *self, GListModel *beads)
{
  g_return_if_fail (DIP_IS_ALIGNMENT_MAP (self));

  if (self->beads != NULL)
    g_signal_handlers_disconnect_by_func (self->beads, items_changed, self);
  g_set_object (&self->beads, beads);
  if (beads != NULL)
    g_signal_connect_object (beads, "items-changed", G_CALLBACK (items_changed), self, 0);
  measure_sides (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  DipAlignmentMap *self = DIP_ALIGNMENT_MAP (user_data);
  guint index = dip_alignment_map_find_bead (self, x, y);

  if (index != GTK_INVALID_LIST_POSITION)
    g_signal_emit (self, signals[BEAD_ACTIVATED], 0, index);
}

static void
dip_alignment_map_dispose (GObject *object)
{
  DipAlignmentMap *self = DIP_ALIGNMENT_MAP (object);

  if (self->beads != NULL)
    g_signal_handlers_disconnect_by_func (self->beads, items_changed, self);
  g_clear_object (&self->beads);
  g_clear_pointer (&self->strokes, g_array_unref);
  G_OBJECT_CLASS (dip_alignment_map_parent_class)->dispose (object);
}

static void
dip_alignment_map_class_init (DipAlignmentMapClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dip_alignment_map_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = dip_alignment_map_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "alignment-map");
  signals[BEAD_ACTIVATED] = g_signal_new ("bead-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_UINT);
}

static void
dip_alignment_map_init (DipAlignmentMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->strokes = g_array_new (FALSE, FALSE, sizeof (Stroke));

  g_signal_connect (click, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_size_request (GTK_WIDGET (self), 160, 160);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               _("The alignment path: source left to right, target top to "
                                 "bottom; click a stretch to go to its bead"));
}
