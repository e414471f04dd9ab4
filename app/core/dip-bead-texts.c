/* dip-bead-texts.c — walking the beads of a project with their texts. */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-bead-texts.h"
#include "dip-project-private.h"

#define CANCEL_EVERY 512

/* Every document pair that has beads, as pairs of ids. */
static GArray *
list_pairs (DipProject *self, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT DISTINCT src_document, tgt_document FROM bead ORDER BY src_document, tgt_document",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ids[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (pairs, ids, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "listing beads", error);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

static gboolean
foreach_in_pair (DipProject *self, gint64 src_document, gint64 tgt_document, guint status_mask,
                 DipBeadTextFunc func, gpointer user_data, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr (GPtrArray) sources = dip_project_list_segments (self, src_document, error);
  if (sources == NULL)
    return FALSE;
  g_autoptr (GPtrArray) targets = dip_project_list_segments (self, tgt_document, error);
  if (targets == NULL)
    return FALSE;
  g_autoptr (GArray) beads = dip_project_list_beads (self, src_document, tgt_document, error);
  if (beads == NULL)
    return FALSE;

  for (guint i = 0; i < beads->len; i++)
    {
      if (i % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      dip_project_report_progress (self, (double) i / beads->len);
      const DipBead *b = &g_array_index (beads, DipBead, i);
      if (!(status_mask & (1u << b->status)))
        continue;
      /* Non-content segments are no translation and need none: "[1]"
         against "[2]" is no number mismatch, and an advertisement left
         out is not untranslated. */
      char *src = dip_segments_join (sources, b->src_start, b->src_count, " ", TRUE);
      char *tgt = dip_segments_join (targets, b->tgt_start, b->tgt_count, " ", TRUE);
      if (!func (b, src, tgt, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dip_project_foreach_bead_text (DipProject *self, guint status_mask, DipBeadTextFunc func,
                               gpointer user_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) pairs = list_pairs (self, error);
  if (pairs == NULL)
    return FALSE;
  for (guint i = 0; i < pairs->len; i += 2)
    if (!foreach_in_pair (self, g_array_index (pairs, gint64, i),
                          g_array_index (pairs, gint64, i + 1), status_mask, func, user_data,
                          cancellable, error))
      return FALSE;
  return TRUE;
}
