/* dip-document-item.c — one document of a project, as a list-model item.
 *
 * A copy of DipDocumentInfo behind read-only properties, so that list
 * widgets can bind to it.
 */
#include "dip-config.h"

#include "dip-document-item.h"

struct _DipDocumentItem
{
  GObject parent_instance;

  gint64   id;
  char    *name;
  DipSide  side;
  char    *lang;
  guint    n_paragraphs;
  guint    n_segments;
};

G_DEFINE_FINAL_TYPE (DipDocumentItem, dip_document_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_LANG,
  PROP_N_SEGMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dip_document_item_finalize (GObject *object)
{
  DipDocumentItem *self = DIP_DOCUMENT_ITEM (object);

  g_free (self->name);
  g_free (self->lang);
  G_OBJECT_CLASS (dip_document_item_parent_class)->finalize (object);
}

static void
dip_document_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DipDocumentItem *self = DIP_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_N_SEGMENTS:
      g_value_set_uint (value, self->n_segments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dip_document_item_class_init (DipDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dip_document_item_finalize;
  object_class->get_property = dip_document_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] = g_param_spec_string ("lang", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SEGMENTS] = g_param_spec_uint ("n-segments", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dip_document_item_init (DipDocumentItem *self)
{
}

DipDocumentItem *
dip_document_item_new (const DipDocumentInfo *info)
{
  DipDocumentItem *self = g_object_new (DIP_TYPE_DOCUMENT_ITEM, NULL);

  self->id = info->id;
  self->name = g_strdup (info->name);
  self->side = info->side;
  self->lang = g_strdup (info->lang);
  self->n_paragraphs = info->n_paragraphs;
  self->n_segments = info->n_segments;
  return self;
}

gint64
dip_document_item_get_id (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), 0);
  return self->id;
}

const char *
dip_document_item_get_name (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), NULL);
  return self->name;
}

DipSide
dip_document_item_get_side (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), DIP_SIDE_SOURCE);
  return self->side;
}

const char *
dip_document_item_get_lang (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), NULL);
  return self->lang;
}

guint
dip_document_item_get_n_segments (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), 0);
  return self->n_segments;
}

guint
dip_document_item_get_n_paragraphs (DipDocumentItem *self)
{
  g_return_val_if_fail (DIP_IS_DOCUMENT_ITEM (self), 0);
  return self->n_paragraphs;
}
