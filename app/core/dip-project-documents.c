/* dip-project-documents.c — reading documents and segments of a project. */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-project-private.h"

void
dip_document_info_free (DipDocumentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->lang);
  g_free (info->imported_at);
  g_free (info);
}

void
dip_segment_free (DipSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->lang);
  g_free (segment->text);
  g_free (segment);
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
dip_project_list_documents (DipProject *self, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT d.id, d.side, d.name, d.lang, d.presegmented, d.imported_at,"
    "       (SELECT count(*) FROM paragraph p WHERE p.document_id = d.id),"
    "       (SELECT count(*) FROM segment s WHERE s.document_id = d.id)"
    "  FROM document d ORDER BY d.id",
    error);
  if (stmt == NULL)
    return NULL;

  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_document_info_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipDocumentInfo *info = g_new0 (DipDocumentInfo, 1);
      info->id = sqlite3_column_int64 (stmt, 0);
      dip_side_from_string ((const char *) sqlite3_column_text (stmt, 1), &info->side);
      info->name = column_dup (stmt, 2);
      info->lang = column_dup (stmt, 3);
      info->presegmented = sqlite3_column_int (stmt, 4) != 0;
      info->imported_at = column_dup (stmt, 5);
      info->n_paragraphs = (guint) sqlite3_column_int (stmt, 6);
      info->n_segments = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (out, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "listing documents", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gint64
dip_project_latest_document (DipProject *self, DipSide side, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT max(id) FROM document WHERE side = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, dip_side_to_string (side), -1, SQLITE_STATIC);
  int rc = sqlite3_step (stmt);
  gint64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    dip_store_fail (store, rc, "finding documents", error);
  return id;
}

gboolean
dip_project_latest_pair (DipProject *self, gint64 *out_src_document, gint64 *out_tgt_document,
                         GError **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  *out_src_document = dip_project_latest_document (self, DIP_SIDE_SOURCE, &local_error);
  *out_tgt_document = local_error ? 0 : dip_project_latest_document (self, DIP_SIDE_TARGET,
                                                                      &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The segments of a document one a line: the bytes of a document made of
 * an exchange file's pairs, which are not stored twice (dip-pair-writer.c). */
static GBytes *
join_segments (DipProject *self, gint64 document_id, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT text FROM segment WHERE document_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  GString *bytes = g_string_new (NULL);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (bytes->len > 0)
        g_string_append_c (bytes, '\n');
      g_string_append_len (bytes, (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_bytes (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_free (bytes, TRUE);
      dip_store_fail (store, rc, "reading a document", error);
      return NULL;
    }
  return g_string_free_to_bytes (bytes);
}

GBytes *
dip_project_dup_document_original (DipProject *self, gint64 document_id, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT original, presegmented FROM document WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  int rc = sqlite3_step (stmt);
  GBytes *bytes = NULL;
  gboolean from_segments = FALSE;
  if (rc == SQLITE_ROW)
    {
      gsize size = (gsize) sqlite3_column_bytes (stmt, 0);
      /* Imported text is never empty: empty bytes are a pair import's. */
      from_segments = size == 0 && sqlite3_column_int (stmt, 1) != 0;
      if (!from_segments)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), size);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND, "%s: no document %" G_GINT64_FORMAT,
                 dip_project_get_path (self), document_id);
  else if (rc != SQLITE_ROW)
    dip_store_fail (store, rc, "reading a document", error);
  return from_segments ? join_segments (self, document_id, error) : bytes;
}

GPtrArray *
dip_project_list_segments (DipProject *self, gint64 document_id, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT s.id, s.position, s.paragraph, s.kind, p.lang, s.start, s.end, s.text"
    "  FROM segment s JOIN paragraph p"
    "    ON p.document_id = s.document_id AND p.number = s.paragraph"
    " WHERE s.document_id = ?1 ORDER BY s.position",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) dip_segment_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipSegment *segment = g_new0 (DipSegment, 1);
      segment->id = sqlite3_column_int64 (stmt, 0);
      segment->document_id = document_id;
      segment->position = (guint) sqlite3_column_int (stmt, 1);
      segment->paragraph = (guint) sqlite3_column_int (stmt, 2);
      dip_segment_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &segment->kind);
      segment->lang = column_dup (stmt, 4);
      segment->start = (guint) sqlite3_column_int (stmt, 5);
      segment->end = (guint) sqlite3_column_int (stmt, 6);
      segment->text = column_dup (stmt, 7);
      g_ptr_array_add (out, segment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "listing segments", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
dip_project_list_segment_texts (DipProject *self, gint64 document_id, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT text FROM segment WHERE document_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "listing segments", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

char *
dip_texts_join (GPtrArray *texts, guint start, guint count, const char *separator)
{
  GString *joined = g_string_new (NULL);

  for (guint i = start; i < start + count && i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      if (text == NULL || *text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      g_string_append (joined, text);
    }
  return g_string_free (joined, FALSE);
}

char *
dip_segments_join (GPtrArray *segments, guint start, guint count, const char *separator,
                   gboolean content_only)
{
  GString *text = g_string_new (NULL);

  for (guint i = start; i < start + count && i < segments->len; i++)
    {
      const DipSegment *segment = g_ptr_array_index (segments, i);
      if (content_only && segment->kind == DIP_SEGMENT_NON_CONTENT)
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, segment->text);
    }
  return g_string_free (text, FALSE);
}
