/* dip-bead-cursor.c — the beads an export writes, one row at a time.
 *
 * One statement walks the beads in (document pair, position) order along
 * the bead_by_pair index; two more walk the pair's source and target
 * segments in position order alongside, since consecutive beads take
 * consecutive segments. Looking each bead's segments up by their key
 * instead, two queries a bead, was a third of a million-bead export.
 * Nothing but the current bead is held in memory, so exporting a million
 * beads costs no more than exporting ten.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-project-private.h"

/* The segments of one document from some position on, one row at a time. */
typedef struct
{
  sqlite3_stmt *stmt;      /* owned; NULL until first needed */
  gint64        document;  /* the one it walks */
  gint64        position;  /* of the row it stands on */
  gboolean      on_row;    /* FALSE: before the first step, or past the end */
  GString      *text;      /* the current bead's, joined */
} SegmentWalk;

struct _DipBeadCursor
{
  DipStore      *store;     /* borrowed from the project, which outlives us */
  sqlite3_stmt  *beads;     /* cached by the store; reset when done */
  SegmentWalk    walks[2];  /* indexed by DipSide */
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
  "SELECT position, kind, text FROM segment"
  " WHERE document_id = ?1 AND position >= ?2 ORDER BY position";

/* Segments a walk steps over rather than looking up where it goes next:
 * beads left out of the export leave gaps. */
#define MAX_SKIP 32

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
  for (guint i = 0; i < G_N_ELEMENTS (cursor->walks); i++)
    cursor->walks[i].text = g_string_sized_new (256);
  return cursor;
}

void
dip_bead_cursor_free (DipBeadCursor *cursor)
{
  if (cursor == NULL)
    return;
  /* Ends the read transaction the open statement holds. */
  sqlite3_reset (cursor->beads);
  for (guint i = 0; i < G_N_ELEMENTS (cursor->walks); i++)
    {
      g_clear_pointer (&cursor->walks[i].stmt, sqlite3_finalize);
      g_string_free (cursor->walks[i].text, TRUE);
    }
  g_free (cursor);
}

guint64
dip_bead_cursor_get_n_skipped (DipBeadCursor *cursor)
{
  return cursor->n_skipped;
}

/* Steps the walk to its next row; FALSE on an error. */
static gboolean
walk_step (DipBeadCursor *cursor, SegmentWalk *walk, GError **error)
{
  int rc = sqlite3_step (walk->stmt);
  walk->on_row = rc == SQLITE_ROW;
  if (walk->on_row)
    walk->position = sqlite3_column_int64 (walk->stmt, 0);
  return rc == SQLITE_ROW || rc == SQLITE_DONE
         || dip_store_fail (cursor->store, rc, "reading segments", error);
}

/* Puts the walk on the first segment of `document` at or after `start`:
 * by stepping when that is a few rows ahead, or else by a new look-up. */
static gboolean
walk_to (DipBeadCursor *cursor, SegmentWalk *walk, gint64 document, gint64 start,
         GError **error)
{
  if (walk->stmt != NULL && walk->on_row && walk->document == document
      && walk->position <= start && start - walk->position <= MAX_SKIP)
    {
      while (walk->on_row && walk->position < start)
        if (!walk_step (cursor, walk, error))
          return FALSE;
      return TRUE;
    }
  if (walk->stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (dip_store_get_db (cursor->store), segments_sql, -1,
                                   SQLITE_PREPARE_PERSISTENT, &walk->stmt, NULL);
      if (rc != SQLITE_OK)
        return dip_store_fail (cursor->store, rc, "preparing a query", error);
    }
  sqlite3_reset (walk->stmt);
  sqlite3_bind_int64 (walk->stmt, 1, document);
  sqlite3_bind_int64 (walk->stmt, 2, start);
  walk->document = document;
  return walk_step (cursor, walk, error);
}

/* The text of segments [start, start + count) of a document, without its
 * non-content lines, joined by a space into the walk's text. */
static gboolean
join_segments (DipBeadCursor *cursor, SegmentWalk *walk, gint64 document, gint64 start,
               gint64 count, GError **error)
{
  GString *out = walk->text;
  g_string_truncate (out, 0);
  if (!walk_to (cursor, walk, document, start, error))
    return FALSE;
  while (walk->on_row && walk->position < start + count)
    {
      sqlite3_stmt *stmt = walk->stmt;
      DipSegmentKind kind = DIP_SEGMENT_SENTENCE;
      dip_segment_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      int length = sqlite3_column_bytes (stmt, 2);
      if (kind != DIP_SEGMENT_NON_CONTENT && text != NULL && length > 0)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_len (out, text, length);
        }
      if (!walk_step (cursor, walk, error))
        return FALSE;
    }
  return TRUE;
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
      SegmentWalk *src = &cursor->walks[DIP_SIDE_SOURCE], *tgt = &cursor->walks[DIP_SIDE_TARGET];
      if (!join_segments (cursor, src, sqlite3_column_int64 (stmt, 4),
                          sqlite3_column_int64 (stmt, 5), src_count, error)
          || !join_segments (cursor, tgt, sqlite3_column_int64 (stmt, 7),
                             sqlite3_column_int64 (stmt, 8), tgt_count, error))
        return NULL;
      if (src->text->len == 0 || tgt->text->len == 0)
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
      unit->src_text = src->text->str;
      unit->tgt_text = tgt->text->str;
      return unit;
    }
  if (rc != SQLITE_DONE)
    dip_store_fail (cursor->store, rc, "reading beads", error);
  return NULL;
}
