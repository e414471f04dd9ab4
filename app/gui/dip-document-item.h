/* dip-document-item.h — one document of a project, as a list-model item. */
#pragma once

#include <diptych/diptych.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define DIP_TYPE_DOCUMENT_ITEM (dip_document_item_get_type ())
G_DECLARE_FINAL_TYPE (DipDocumentItem, dip_document_item, DIP, DOCUMENT_ITEM, GObject)

DipDocumentItem *dip_document_item_new          (const DipDocumentInfo *info);
gint64           dip_document_item_get_id       (DipDocumentItem *self);
const char      *dip_document_item_get_name     (DipDocumentItem *self);
DipSide          dip_document_item_get_side     (DipDocumentItem *self);
const char      *dip_document_item_get_lang     (DipDocumentItem *self);
guint            dip_document_item_get_n_segments   (DipDocumentItem *self);
guint            dip_document_item_get_n_paragraphs (DipDocumentItem *self);

G_END_DECLS
