/* dip-project-beads.c — the beads of a document pair. */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-project-private.h"

GArray *
dip_project_read_beads (DipProject *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GArray) beads = g_array_new (FALSE, TRUE, sizeof (DipBead));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipBead bead = {
        .id = sqlite3_column_int64 (stmt, 0),
        .src_start = (guint) sqlite3_column_int (stmt, 1),
        .src_count = (guint) sqlite3_column_int (stmt, 2),
        .tgt_start = (guint) sqlite3_column_int (stmt, 3),
        .tgt_count = (guint) sqlite3_column_int (stmt, 4),
        .confidence = sqlite3_column_double (stmt, 5),
      };
      dip_bead_status_from_string ((const char *) sqlite3_column_text (stmt, 6), &bead.status);
      g_array_append_val (beads, bead);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (dip_project_get_store (self), rc, "reading beads", error);
      return NULL;
    }
  return g_steal_pointer (&beads);
}

GArray *
dip_project_list_beads (DipProject *self, gint64 src_document, gint64 tgt_document,
                        GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    dip_project_get_store (self),
    "SELECT id, src_start, src_count, tgt_start, tgt_count, confidence, status"
    "  FROM bead WHERE src_document = ?1 AND tgt_document = ?2 ORDER BY position",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, src_document);
  sqlite3_bind_int64 (stmt, 2, tgt_document);
  return dip_project_read_beads (self, stmt, error);
}

static gboolean
check_beads (DipProject *self, const GArray *beads, GError **error)
{
  for (guint i = 0; i < beads->len; i++)
    {
      const DipBead *b = &g_array_index (beads, DipBead, i);
      if (!(b->confidence >= 0.0 && b->confidence <= 1.0) || b->src_count + b->tgt_count == 0)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                       "%s: bead %u is invalid (empty or confidence outside [0,1])",
                       dip_project_get_path (self), i);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
dip_project_write_beads (DipProject *self, gint64 src_document, gint64 tgt_document,
                         const GArray *beads, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *del = dip_store_statement (
    store, "DELETE FROM bead WHERE src_document = ?1 AND tgt_document = ?2", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, src_document);
  sqlite3_bind_int64 (del, 2, tgt_document);
  if (!dip_store_step_done (store, del, error))
    return FALSE;

  g_autofree char *now = dip_now_iso8601 ();
  for (guint i = 0; i < beads->len; i++)
    if (!dip_project_insert_bead (self, src_document, tgt_document, i,
                                  &g_array_index (beads, DipBead, i), now, error))
      return FALSE;
  return TRUE;
}

static gboolean
replace_in_transaction (DipProject *self, gint64 src_document, gint64 tgt_document,
                        const GArray *beads, const char *action, GError **error)
{
  g_autoptr (GArray) before = dip_project_list_beads (self, src_document, tgt_document, error);
  if (before == NULL)
    return FALSE;
  if (!dip_project_write_beads (self, src_document, tgt_document, beads, error))
    return FALSE;
  DipChange change = { .kind = DIP_CHANGE_BEADS, .src_document = src_document,
                       .tgt_document = tgt_document, .position = 0, .removed = before->len,
                       .added = beads->len };
  dip_project_set_last_change (self, &change);
  /* The whole alignment, without a position: undo writes every bead. */
  return dip_project_record_bead_edit (self, src_document, tgt_document, -1,
                                       (const DipBead *) before->data, before->len,
                                       (const DipBead *) beads->data, beads->len, action, error);
}

gboolean
dip_project_replace_beads (DipProject *self, gint64 src_document, gint64 tgt_document,
                           const GArray *beads, const char *action, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  if (!check_beads (self, beads, error))
    return FALSE;

  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!replace_in_transaction (self, src_document, tgt_document, beads, action, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}
