/* dip-import.c — a text file becomes a document with paragraphs and
 * segments, stored in one transaction. */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-project-private.h"

typedef struct
{
  const char   *name;
  DipSide       side;
  const char   *lang;
  gboolean      presegmented;
  DipText      *text;
  GArray       *paragraphs;    /* DipParagraphSpan */
  GPtrArray    *para_langs;    /* char*, one per paragraph */
  GArray       *segments;      /* DipSegmentSpan */
} ImportJob;

static void
import_job_clear (ImportJob *job)
{
  g_clear_pointer (&job->text, dip_text_free);
  g_clear_pointer (&job->paragraphs, g_array_unref);
  g_clear_pointer (&job->para_langs, g_ptr_array_unref);
  g_clear_pointer (&job->segments, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportJob, import_job_clear)

static gboolean
segment_text (ImportJob *job, GError **error)
{
  job->paragraphs = dip_split_paragraphs (job->text->text, job->text->length);
  if (job->presegmented)
    {
      job->segments = dip_split_lines (job->text->text, job->text->length, job->paragraphs);
      return TRUE;
    }
  g_autoptr (DipSegmenter) segmenter = dip_segmenter_new (job->lang, error);
  if (segmenter == NULL)
    return FALSE;
  job->segments = dip_segmenter_split (segmenter, job->text->text, job->text->length,
                                       job->paragraphs, error);
  return job->segments != NULL;
}

static void
identify_languages (ImportJob *job, gboolean enabled)
{
  g_autoptr (DipLangId) langid = enabled ? dip_langid_new (NULL) : NULL;
  job->para_langs = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < job->paragraphs->len; i++)
    {
      const DipParagraphSpan *p = &g_array_index (job->paragraphs, DipParagraphSpan, i);
      char *lang = langid ? dip_langid_guess (langid, job->text->text + p->start,
                                              (gssize) (p->end - p->start), job->lang)
                          : g_strdup (job->lang);
      g_ptr_array_add (job->para_langs, lang);
    }
}

static gint64
insert_document (DipStore *store, ImportJob *job, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "INSERT INTO document (side, name, lang, presegmented, original, text, imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    error);
  if (stmt == NULL)
    return 0;
  gsize size;
  const void *data = g_bytes_get_data (job->text->original, &size);
  g_autofree char *now = dip_now_iso8601 ();
  sqlite3_bind_text (stmt, 1, dip_side_to_string (job->side), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->lang, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, job->presegmented);
  sqlite3_bind_blob64 (stmt, 5, data, size, SQLITE_STATIC);
  sqlite3_bind_text64 (stmt, 6, job->text->text, job->text->length, SQLITE_STATIC, SQLITE_UTF8);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!dip_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (dip_store_get_db (store));
}

static gboolean
insert_paragraphs (DipStore *store, ImportJob *job, gint64 document_id, GError **error)
{
  for (guint i = 0; i < job->paragraphs->len; i++)
    {
      const DipParagraphSpan *p = &g_array_index (job->paragraphs, DipParagraphSpan, i);
      sqlite3_stmt *stmt = dip_store_statement (
        store,
        "INSERT INTO paragraph (document_id, number, lang, start, end)"
        " VALUES (?1, ?2, ?3, ?4, ?5)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, g_ptr_array_index (job->para_langs, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) p->start);
      sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) p->end);
      if (!dip_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Of an import's time, about the share reading and segmenting the text
   take before the segments are stored (measured on the seed book). */
#define SEGMENTING_SHARE 0.5

/* A segment's text as stored: a line break inside a sentence is where the
   file wrapped it (or where a page break cut it), not part of the
   sentence. Each run of white space that holds one becomes one space, so
   that the review shows the sentence whole and a TMX unit carries no stray
   line breaks. The offsets still point into the file as it is. */
static char *
unwrapped_text (const char *text, gsize length, gsize *out_length)
{
  GString *out = g_string_sized_new (length);
  gsize i = 0;
  while (i < length)
    {
      if (!g_ascii_isspace (text[i]))
        {
          g_string_append_c (out, text[i++]);
          continue;
        }
      gsize run = i;
      gboolean breaks = FALSE;
      while (run < length && g_ascii_isspace (text[run]))
        breaks |= text[run++] == '\n';
      if (breaks)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, text + i, run - i);
      i = run;
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
insert_segments (DipProject *self, DipStore *store, ImportJob *job, gint64 document_id,
                 GCancellable *cancellable, GError **error)
{
  for (guint i = 0; i < job->segments->len; i++)
    {
      const DipSegmentSpan *s = &g_array_index (job->segments, DipSegmentSpan, i);
      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      dip_project_report_progress (
        self, SEGMENTING_SHARE + (1 - SEGMENTING_SHARE) * i / job->segments->len);
      sqlite3_stmt *stmt = dip_store_statement (
        store,
        "INSERT INTO segment (document_id, position, paragraph, kind, start, end, text)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int (stmt, 3, (int) s->paragraph);
      sqlite3_bind_text (stmt, 4, dip_segment_kind_to_string (s->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) s->start);
      sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) s->end);
      gsize text_length = 0;
      char *text = unwrapped_text (job->text->text + s->start, s->end - s->start, &text_length);
      sqlite3_bind_text64 (stmt, 7, text, text_length, g_free, SQLITE_UTF8);
      if (!dip_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
store_job (DipProject *self, ImportJob *job, GCancellable *cancellable, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return 0;
  gint64 id = insert_document (store, job, error);
  if (id == 0 || !insert_paragraphs (store, job, id, error)
      || !insert_segments (self, store, job, id, cancellable, error)
      || !dip_store_commit (store, error))
    {
      dip_store_rollback (store);
      return 0;
    }
  return id;
}

gint64
dip_project_import_text (DipProject *self, const char *path, DipSide side, const char *lang,
                         DipImportFlags flags, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), 0);

  g_autofree char *tag = dip_language_tag_normalize (
    lang ? lang : dip_project_get_lang (self, side), error);
  if (tag == NULL)
    return 0;

  g_auto (ImportJob) job = { 0 };
  g_autofree char *name = g_path_get_basename (path);
  dip_project_report_progress (self, 0);
  job.name = name;
  job.side = side;
  job.lang = tag;
  job.presegmented = (flags & DIP_IMPORT_PRESEGMENTED) != 0;
  job.text = dip_text_load (path, error);
  if (job.text == NULL || !segment_text (&job, error))
    return 0;
  if (job.segments->len == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: no text to segment", path);
      return 0;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  identify_languages (&job, (flags & DIP_IMPORT_NO_LANGID) == 0);
  dip_project_report_progress (self, SEGMENTING_SHARE);
  gint64 id = store_job (self, &job, cancellable, error);
  if (id != 0)
    dip_project_report_progress (self, 1);
  return id;
}
