/* dip-bead-item.c — one bead of the alignment with its texts. */
#include "dip-config.h"

#include "dip-bead-item.h"

struct _DipBeadItem
{
  GObject  parent_instance;

  guint    index;
  DipBead  bead;
  char    *source;
  char    *target;
};

G_DEFINE_FINAL_TYPE (DipBeadItem, dip_bead_item, G_TYPE_OBJECT)

static void
dip_bead_item_finalize (GObject *object)
{
  DipBeadItem *self = DIP_BEAD_ITEM (object);

  g_free (self->source);
  g_free (self->target);
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
dip_bead_item_new (guint index, const DipBead *bead, const char *source, const char *target)
{
  DipBeadItem *self = g_object_new (DIP_TYPE_BEAD_ITEM, NULL);

  self->index = index;
  self->bead = *bead;
  self->source = g_strdup (source);
  self->target = g_strdup (target);
  return self;
}

guint
dip_bead_item_get_index (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), 0);
  return self->index;
}

const DipBead *
dip_bead_item_get_bead (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return &self->bead;
}

const char *
dip_bead_item_get_source (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return self->source;
}

const char *
dip_bead_item_get_target (DipBeadItem *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_ITEM (self), NULL);
  return self->target;
}
