/* dip-bead-range.c — a change of one stretch of a document pair's beads.
 *
 * A person's correction touches one or two beads; rewriting every bead of a
 * book for it would cost a second per keypress and would drop the findings
 * of the checks, which hang on bead rows. So a change names its stretch:
 * beads [position, position + removed) become `n_added` new ones. A bead
 * whose sentences stay the same is updated in its row; the others are
 * deleted and inserted, and the beads after the stretch have their
 * position moved in one statement when the count changes.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-project-private.h"

void
dip_beads_append_json (GString *json, const DipBead *beads, guint n_beads)
{
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_beads; i++)
    {
      const DipBead *b = &beads[i];
      char conf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (conf, sizeof conf, "%.4f", b->confidence);
      g_string_append_printf (json, "%s[%u,%u,%u,%u,%s,\"%s\"]", i ? "," : "", b->src_start,
                              b->src_count, b->tgt_start, b->tgt_count, conf,
                              dip_bead_status_to_string (b->status));
    }
  g_string_append_c (json, ']');
}

/* For messages only: how many beads the pair has, -1 if that fails too. */
static gint64
count_beads (DipStore *store, gint64 src_document, gint64 tgt_document)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT count(*) FROM bead WHERE src_document = ?1 AND tgt_document = ?2", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, src_document);
  sqlite3_bind_int64 (stmt, 2, tgt_document);
  gint64 n = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);
  return n;
}

GArray *
dip_project_list_bead_range (DipProject *self, gint64 src_document, gint64 tgt_document,
                             guint position, guint count, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT id, src_start, src_count, tgt_start, tgt_count, confidence, status FROM bead"
    " WHERE src_document = ?1 AND tgt_document = ?2 AND position >= ?3 AND position < ?4"
    " ORDER BY position",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, src_document);
  sqlite3_bind_int64 (stmt, 2, tgt_document);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, (gint64) position + count);

  g_autoptr (GArray) beads = dip_project_read_beads (self, stmt, error);
  if (beads == NULL)
    return NULL;
  if (beads->len != count)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: there is no bead %u (the alignment has %" G_GINT64_FORMAT ")",
                   dip_project_get_path (self), position + beads->len + 1,
                   count_beads (store, src_document, tgt_document));
      return NULL;
    }
  return g_steal_pointer (&beads);
}

static gboolean
same_sentences (const DipBead *a, const DipBead *b)
{
  return a->src_start == b->src_start && a->src_count == b->src_count
         && a->tgt_start == b->tgt_start && a->tgt_count == b->tgt_count;
}

static gboolean
check_bead (DipProject *self, const DipBead *bead, guint position, GError **error)
{
  if (bead->confidence >= 0.0 && bead->confidence <= 1.0 && bead->src_count + bead->tgt_count > 0)
    return TRUE;
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
               "%s: bead %u would be invalid (empty or confidence outside [0,1])",
               dip_project_get_path (self), position + 1);
  return FALSE;
}

static gboolean
update_bead_status (DipStore *store, gint64 id, const DipBead *bead, const char *now,
                    GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "UPDATE bead SET confidence = ?2, status = ?3, changed_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_double (stmt, 2, bead->confidence);
  sqlite3_bind_text (stmt, 3, dip_bead_status_to_string (bead->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return dip_store_step_done (store, stmt, error);
}

static gboolean
delete_bead_range (DipStore *store, gint64 src_document, gint64 tgt_document, guint position,
                   guint count, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "DELETE FROM bead WHERE src_document = ?1 AND tgt_document = ?2"
    " AND position >= ?3 AND position < ?4",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, src_document);
  sqlite3_bind_int64 (stmt, 2, tgt_document);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, (gint64) position + count);
  return dip_store_step_done (store, stmt, error);
}

/* Moves the beads from `from` on by `delta` places. */
static gboolean
shift_beads (DipStore *store, gint64 src_document, gint64 tgt_document, guint from,
             gint64 delta, GError **error)
{
  if (delta == 0)
    return TRUE;
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "UPDATE bead SET position = position + ?4"
    " WHERE src_document = ?1 AND tgt_document = ?2 AND position >= ?3",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, src_document);
  sqlite3_bind_int64 (stmt, 2, tgt_document);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, delta);
  return dip_store_step_done (store, stmt, error);
}

gboolean
dip_project_insert_bead (DipProject *self, gint64 src_document, gint64 tgt_document,
                         guint position, const DipBead *b, const char *now, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *ins = dip_store_statement (
    store,
    "INSERT INTO bead (src_document, tgt_document, position, src_start, src_count,"
    "                  tgt_start, tgt_count, confidence, status, changed_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, src_document);
  sqlite3_bind_int64 (ins, 2, tgt_document);
  sqlite3_bind_int64 (ins, 3, position);
  sqlite3_bind_int (ins, 4, (int) b->src_start);
  sqlite3_bind_int (ins, 5, (int) b->src_count);
  sqlite3_bind_int (ins, 6, (int) b->tgt_start);
  sqlite3_bind_int (ins, 7, (int) b->tgt_count);
  sqlite3_bind_double (ins, 8, b->confidence);
  sqlite3_bind_text (ins, 9, dip_bead_status_to_string (b->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (ins, 10, now, -1, SQLITE_STATIC);
  return dip_store_step_done (store, ins, error);
}

/* Writes the stretch once `before` (its stored beads) is known. */
static gboolean
write_range (DipProject *self, gint64 src_document, gint64 tgt_document, guint position,
             const GArray *before, const DipBead *added, guint n_added, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  g_autofree char *now = dip_now_iso8601 ();

  for (guint i = 0; i < n_added; i++)
    if (!check_bead (self, &added[i], position + i, error))
      return FALSE;

  gboolean in_place = before->len == n_added;
  for (guint i = 0; in_place && i < n_added; i++)
    in_place = same_sentences (&g_array_index (before, DipBead, i), &added[i]);
  if (in_place)
    {
      for (guint i = 0; i < n_added; i++)
        if (!update_bead_status (store, g_array_index (before, DipBead, i).id, &added[i], now,
                                 error))
          return FALSE;
    }
  else
    {
      if (!delete_bead_range (store, src_document, tgt_document, position, before->len, error)
          || !shift_beads (store, src_document, tgt_document, position + before->len,
                           (gint64) n_added - before->len, error))
        return FALSE;
      for (guint i = 0; i < n_added; i++)
        if (!dip_project_insert_bead (self, src_document, tgt_document, position + i, &added[i],
                                      now, error))
          return FALSE;
    }
  DipChange change = { .kind = DIP_CHANGE_BEADS, .src_document = src_document,
                       .tgt_document = tgt_document, .position = position,
                       .removed = before->len, .added = n_added };
  dip_project_set_last_change (self, &change);
  return TRUE;
}

gboolean
dip_project_write_bead_range (DipProject *self, gint64 src_document, gint64 tgt_document,
                              guint position, guint removed, const DipBead *added,
                              guint n_added, GError **error)
{
  g_autoptr (GArray) before = dip_project_list_bead_range (self, src_document, tgt_document,
                                                           position, removed, error);
  return before != NULL
         && write_range (self, src_document, tgt_document, position, before, added, n_added,
                         error);
}

static gboolean
change_in_transaction (DipProject *self, gint64 src_document, gint64 tgt_document,
                       guint position, guint removed, const DipBead *added, guint n_added,
                       const char *action, GError **error)
{
  g_autoptr (GArray) before = dip_project_list_bead_range (self, src_document, tgt_document,
                                                           position, removed, error);
  if (before == NULL
      || !write_range (self, src_document, tgt_document, position, before, added, n_added,
                       error))
    return FALSE;
  return dip_project_record_bead_edit (self, src_document, tgt_document, (gint64) position,
                                       (const DipBead *) before->data, before->len, added,
                                       n_added, action, error);
}

gboolean
dip_project_change_beads (DipProject *self, gint64 src_document, gint64 tgt_document,
                          guint position, guint removed, const DipBead *added, guint n_added,
                          const char *action, GError **error)
{
  DipStore *store = dip_project_get_store (self);

  if (!dip_store_begin (store, error))
    return FALSE;
  if (!change_in_transaction (self, src_document, tgt_document, position, removed, added,
                              n_added, action, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}

/* For one side, where a bead's sentences start and how many it has. */
static void
bead_side (const DipBead *bead, DipSide side, guint *start, guint *count)
{
  *start = side == DIP_SIDE_SOURCE ? bead->src_start : bead->tgt_start;
  *count = side == DIP_SIDE_SOURCE ? bead->src_count : bead->tgt_count;
}

gboolean
dip_project_find_bead_holding (DipProject *self, gint64 src_document, gint64 tgt_document,
                               DipSide side, guint position, guint *out_index, DipBead *out_bead,
                               GError **error)
{
  DipStore *store = dip_project_get_store (self);
  /* max(position), not count(*): the index answers it without a scan. */
  sqlite3_stmt *last = dip_store_statement (
    store, "SELECT max(position) FROM bead WHERE src_document = ?1 AND tgt_document = ?2", error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, src_document);
  sqlite3_bind_int64 (last, 2, tgt_document);
  int rc = sqlite3_step (last);
  gint64 n = rc == SQLITE_ROW && sqlite3_column_type (last, 0) != SQLITE_NULL
               ? sqlite3_column_int64 (last, 0) + 1 : 0;
  sqlite3_reset (last);
  *out_index = G_MAXUINT;
  if (rc != SQLITE_ROW)
    return dip_store_fail (store, rc, "counting beads", error);
  /* Beads hold the sentences of each side in order: a search over bead
     positions finds the one whose stretch holds `position`. */
  guint low = 0, high = (guint) n;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                              mid, 1, error);
      if (beads == NULL)
        return FALSE;
      const DipBead *bead = &g_array_index (beads, DipBead, 0);
      guint start, count;
      bead_side (bead, side, &start, &count);
      if (position < start)
        high = mid;
      else if (count == 0 || position >= start + count)
        low = mid + 1;
      else
        {
          *out_index = mid;
          *out_bead = *bead;
          return TRUE;
        }
    }
  return TRUE;
}

gboolean
dip_project_record_bead_edit (DipProject *self, gint64 src_document, gint64 tgt_document,
                              gint64 position, const DipBead *before, guint n_before,
                              const DipBead *after, guint n_after, const char *action,
                              GError **error)
{
  /* A new change ends what could be redone. */
  if (!dip_store_exec (dip_project_get_store (self), "DELETE FROM edit WHERE undone = 1", error))
    return FALSE;

  g_autoptr (GString) payload = g_string_new (NULL);
  g_string_append_printf (payload,
                          "{\"src_document\":%" G_GINT64_FORMAT ",\"tgt_document\":%"
                          G_GINT64_FORMAT, src_document, tgt_document);
  if (position >= 0)
    g_string_append_printf (payload, ",\"position\":%" G_GINT64_FORMAT, position);
  g_string_append (payload, ",\"before\":");
  dip_beads_append_json (payload, before, n_before);
  g_string_append (payload, ",\"after\":");
  dip_beads_append_json (payload, after, n_after);
  g_string_append_c (payload, '}');
  return dip_project_record_edit (self, action, payload->str, error);
}
