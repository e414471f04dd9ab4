/* dip-bead-item.c — one bead of the alignment.
 *
 * A book has 100k beads and a screen shows twenty: the texts of a bead are
 * joined the first time its row asks for them, not when the alignment is
 * read, so that opening a book makes no copy of its text.
 */
#include "dip-config.h"

#include "dip-bead-item.h"

/* ⁂ marks where one sentence of a bead ends and the next begins. */
#define SENTENCE_MARK " ⁂ "

struct _DipBeadItem
{
  GObject    parent_instance;

  DipBead    bead;
  GPtrArray *texts[2];   /* shared segment texts of the two documents */
  char      *joined[2];  /* made on first use */
};

G_DEFINE_FINAL_TYPE (DipBeadItem, dip_bead_item, G_TYPE_OBJECT)

static void
dip_bead_item_finalize (GObject *object)
{
  DipBeadItem *self = DIP_BEAD_ITEM (object);

  for (guint side = 0; side < 2; side++)
    {
      g_clear_pointer (&self->texts[side], g_ptr_array_unref);
      g_free (self->joined[side]);
    }
  G_OBJECT_CLASS (dip_bead_item_parent_class)->finalize (object);
}

static void
dip_bead_item_class_init (DipBeadItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dip_bead_item_finalize;
}

static void
dip_bead_item_init (DipBeadItem *self)
{
}

DipBeadItem *
dip_bead_item_new (const DipBead *bead, GPtrArray *src_texts, GPtrArray *tgt_texts)
{
  DipBeadItem *self = g_object_new (DIP_TYPE_BEAD_ITEM, NULL);

  self->bead = *bead;
  self->texts[DIP_SIDE_SOURCE] = src_texts ? g_ptr_array_ref (src_texts) : NULL;
  self->texts[DIP_SIDE_TARGET] = tgt_texts ? g_ptr_array_ref (tgt_texts) : NULL;
  return self;
}

const DipBead *
dip_bead_item_get_bead (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return &self->bead;
}

static const char *
joined_side (DipBeadItem *self, DipSide side)
{
  if (self->joined[side] == NULL)
    {
      guint start = side == DIP_SIDE_SOURCE ? self->bead.src_start : self->bead.tgt_start;
      guint count = side == DIP_SIDE_SOURCE ? self->bead.src_count : self->bead.tgt_count;
      self->joined[side] = self->texts[side]
                             ? dip_texts_join (self->texts[side], start, count, SENTENCE_MARK)
                             : g_strdup ("");
    }
  return self->joined[side];
}

const char *
dip_bead_item_get_source (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return joined_side (self, DIP_SIDE_SOURCE);
}

const char *
dip_bead_item_get_target (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return joined_side (self, DIP_SIDE_TARGET);
}
