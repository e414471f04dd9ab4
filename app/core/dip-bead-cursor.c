/* dip-bead-cursor.c — the beads an export writes, one row at a time.
 *
 * One statement walks the beads in (document pair, position) order along
 * the bead_by_pair index; a second one fetches each bead's few segments by
 * the (document_id, position) key. Nothing but the current bead is held in
 * memory, so exporting a million beads costs no more than exporting ten.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-project-private.h"

struct _DipBeadCursor
{
  DipStore      *store;     /* borrowed from the project, which outlives us */
  sqlite3_stmt  *beads;     /* cached by the store; reset when done */
  GString       *src_text;
  GString       *tgt_text;
  DipExportUnit  unit;
  guint64        n_skipped;
};

static const char beads_sql[] =
  "SELECT b.id, b.status, b.confidence, b.changed_at,"
  "       b.src_document, b.src_start, b.src_count,"
  "       b.tgt_document, b.tgt_start, b.tgt_count, s.lang, t.lang"
  "  FROM bead b"
  "  JOIN document s ON s.id = b.src_document"
  "  JOIN document t ON t.id = b.tgt_document"
  " WHERE b.confidence >= ?1"
  "   AND ((b.status = 'auto' AND ?2) OR (b.status = 'confirmed' AND ?3)"
  "        OR (b.status = 'rejected' AND ?4))"
  " ORDER BY b.src_document, b.tgt_document, b.position";

static const char segments_sql[] =
  "SELECT kind, text FROM segment"
  " WHERE document_id = ?1 AND position >= ?2 AND position < ?3 ORDER BY position";

DipBeadCursor *
dip_bead_cursor_new (DipProject *project, const DipExportFilter *filter, GError **error)
{
  DipExportFilter defaults = { DIP_EXPORT_STATUS_CONFIRMED, 0.0 };
  if (filter == NULL)
    filter = &defaults;
  DipExportStatus statuses = filter->statuses ? filter->statuses : DIP_EXPORT_STATUS_CONFIRMED;

  DipStore *store = dip_project_get_store (project);
  sqlite3_stmt *stmt = dip_store_statement (store, beads_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 1, filter->min_confidence);
  sqlite3_bind_int (stmt, 2, (statuses & DIP_EXPORT_STATUS_AUTO) != 0);
  sqlite3_bind_int (stmt, 3, (statuses & DIP_EXPORT_STATUS_CONFIRMED) != 0);
  sqlite3_bind_int (stmt, 4, (statuses & DIP_EXPORT_STATUS_REJECTED) != 0);

  DipBeadCursor *cursor = g_new0 (DipBeadCursor, 1);
  cursor->store = store;
  cursor->beads = stmt;
  cursor->src_text = g_string_sized_new (256);
  cursor->tgt_text = g_string_sized_new (256);
  return cursor;
}

void
dip_bead_cursor_free (DipBeadCursor *cursor)
{
  if (cursor == NULL)
    return;
  /* Ends the read transaction the open statement holds. */
  sqlite3_reset (cursor->beads);
  g_string_free (cursor->src_text, TRUE);
  g_string_free (cursor->tgt_text, TRUE);
  g_free (cursor);
}

guint64
dip_bead_cursor_get_n_skipped (DipBeadCursor *cursor)
{
  return cursor->n_skipped;
}

/* The text of segments [start, start + count) of a document, without its
 * non-content lines, joined by a space into `out`. */
static gboolean
join_segments (DipBeadCursor *cursor, gint64 document, gint64 start, gint64 count,
               GString *out, GError **error)
{
  g_string_truncate (out, 0);
  sqlite3_stmt *stmt = dip_store_statement (cursor->store, segments_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, start + count);

  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipSegmentKind kind = DIP_SEGMENT_SENTENCE;
      dip_segment_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind);
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      int length = sqlite3_column_bytes (stmt, 1);
      if (kind == DIP_SEGMENT_NON_CONTENT || text == NULL || length == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, text, length);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || dip_store_fail (cursor->store, rc, "reading segments", error);
}

const DipExportUnit *
dip_bead_cursor_next (DipBeadCursor *cursor, GError **error)
{
  sqlite3_stmt *stmt = cursor->beads;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipExportUnit *unit = &cursor->unit;
      gint64 src_count = sqlite3_column_int64 (stmt, 6);
      gint64 tgt_count = sqlite3_column_int64 (stmt, 9);

      if (src_count == 0 || tgt_count == 0)
        {
          cursor->n_skipped++;
          continue;
        }
      if (!join_segments (cursor, sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5),
                          src_count, cursor->src_text, error)
          || !join_segments (cursor, sqlite3_column_int64 (stmt, 7),
                             sqlite3_column_int64 (stmt, 8), tgt_count, cursor->tgt_text, error))
        return NULL;
      if (cursor->src_text->len == 0 || cursor->tgt_text->len == 0)
        {
          cursor->n_skipped++;
          continue;
        }

      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->status = DIP_BEAD_AUTO;
      dip_bead_status_from_string ((const char *) sqlite3_column_text (stmt, 1), &unit->status);
      unit->confidence = sqlite3_column_double (stmt, 2);
      unit->changed_at = (const char *) sqlite3_column_text (stmt, 3);
      unit->src_count = (guint) src_count;
      unit->tgt_count = (guint) tgt_count;
      unit->src_lang = (const char *) sqlite3_column_text (stmt, 10);
      unit->tgt_lang = (const char *) sqlite3_column_text (stmt, 11);
      unit->src_text = cursor->src_text->str;
      unit->tgt_text = cursor->tgt_text->str;
      return unit;
    }
  if (rc != SQLITE_DONE)
    dip_store_fail (cursor->store, rc, "reading beads", error);
  return NULL;
}
