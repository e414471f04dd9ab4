/* dip-project-edit.c — corrections of an alignment, and undo and redo.
 *
 * Every correction goes through dip_project_replace_beads(), which writes
 * the beads before and after the change into the edit table in the same
 * transaction. Undo writes the "before" beads back and marks the entry
 * undone; redo writes the "after" beads of the undone entry that follows
 * the last one in effect. A new change deletes the undone entries.
 */
#include "dip-config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include <diptych/dip-edit.h>
#include <diptych/dip-error.h>

#include "dip-project-private.h"

static GArray *
load_beads (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
            guint needed, GError **error)
{
  g_autoptr (GArray) beads = dip_project_list_beads (self, src_document, tgt_document, error);
  if (beads == NULL)
    return NULL;
  if (index + needed > beads->len)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: there is no bead %u%s (the alignment has %u)",
                   dip_project_get_path (self), index + needed, needed > 1 ? " to merge with" : "",
                   beads->len);
      return NULL;
    }
  return g_steal_pointer (&beads);
}

gboolean
dip_project_set_bead_status (DipProject *self, gint64 src_document, gint64 tgt_document,
                             guint index, DipBeadStatus status, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = load_beads (self, src_document, tgt_document, index, 1, error);
  if (beads == NULL)
    return FALSE;
  DipBead *bead = &g_array_index (beads, DipBead, index);
  bead->status = status;
  /* A person's confirmation is the strongest evidence there is. */
  if (status == DIP_BEAD_CONFIRMED)
    bead->confidence = 1.0;
  return dip_project_replace_beads (self, src_document, tgt_document, beads,
                                    dip_bead_status_to_string (status), error);
}

gboolean
dip_project_merge_beads (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
                         GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = load_beads (self, src_document, tgt_document, index, 2, error);
  if (beads == NULL)
    return FALSE;
  DipBead *first = &g_array_index (beads, DipBead, index);
  const DipBead *second = &g_array_index (beads, DipBead, index + 1);
  first->src_count += second->src_count;
  first->tgt_count += second->tgt_count;
  first->confidence = MIN (first->confidence, second->confidence);
  first->status = DIP_BEAD_AUTO;
  g_array_remove_index (beads, index + 1);
  return dip_project_replace_beads (self, src_document, tgt_document, beads, "merge", error);
}

gboolean
dip_project_split_bead (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
                        guint src_keep, guint tgt_keep, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = load_beads (self, src_document, tgt_document, index, 1, error);
  if (beads == NULL)
    return FALSE;
  DipBead bead = g_array_index (beads, DipBead, index);
  if (src_keep > bead.src_count || tgt_keep > bead.tgt_count || src_keep + tgt_keep == 0
      || src_keep + tgt_keep == bead.src_count + bead.tgt_count)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u (%u-%u) cannot be split after %u source and %u target "
                   "segments", dip_project_get_path (self), index + 1, bead.src_count,
                   bead.tgt_count, src_keep, tgt_keep);
      return FALSE;
    }
  DipBead head = bead, tail = bead;
  head.src_count = src_keep;
  head.tgt_count = tgt_keep;
  head.status = DIP_BEAD_AUTO;
  tail.src_start = bead.src_start + src_keep;
  tail.tgt_start = bead.tgt_start + tgt_keep;
  tail.src_count = bead.src_count - src_keep;
  tail.tgt_count = bead.tgt_count - tgt_keep;
  tail.status = DIP_BEAD_AUTO;
  g_array_index (beads, DipBead, index) = head;
  g_array_insert_val (beads, index + 1, tail);
  return dip_project_replace_beads (self, src_document, tgt_document, beads, "split", error);
}

/* ---- history ------------------------------------------------------------ */

/* Reads one of the payload's bead lists: [[s,n,t,m,conf,"status"],…]. */
static GArray *
parse_beads (const char *json, const char *key, GError **error)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":[", key);
  const char *p = strstr (json, needle);
  GArray *beads = g_array_new (FALSE, TRUE, sizeof (DipBead));

  if (p == NULL)
    goto corrupt;
  p += strlen (needle);
  while (*p == '[')
    {
      DipBead bead = { 0 };
      char status[16];
      int used = 0;
      if (sscanf (p, "[%u,%u,%u,%u,%lf,\"%15[a-z]\"]%n", &bead.src_start, &bead.src_count,
                  &bead.tgt_start, &bead.tgt_count, &bead.confidence, status, &used) != 6
          || used == 0 || !dip_bead_status_from_string (status, &bead.status))
        goto corrupt;
      g_array_append_val (beads, bead);
      p += used;
      if (*p == ',')
        p++;
    }
  if (*p == ']')
    return beads;

corrupt:
  g_array_unref (beads);
  g_set_error (error, DIP_ERROR, DIP_ERROR_CORRUPT,
               "the edit history holds an entry that cannot be read back");
  return NULL;
}

static gint64
payload_document (const char *json, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (json, needle);
  return p ? g_ascii_strtoll (p + strlen (needle), NULL, 10) : 0;
}

/* Inside a transaction: applies the latest edit in effect backwards (undo)
   or the first undone one forwards (redo), and marks it. */
static gboolean
apply_edit (DipProject *self, gboolean undo, char **out_action, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  /* Only bead changes can be undone here; glossary and word-list changes
     are kept in the history but not replayed. */
  const char *sql = undo
    ? "SELECT id, action, payload FROM edit WHERE undone = 0 AND payload LIKE '{\"src_document\"%'"
      " ORDER BY id DESC LIMIT 1"
    : "SELECT id, action, payload FROM edit WHERE undone = 1 AND payload LIKE '{\"src_document\"%'"
      " ORDER BY id ASC LIMIT 1";
  sqlite3_stmt *stmt = dip_store_statement (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE || dip_store_fail (store, rc, "reading the edit history", error);
    }
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_autofree char *payload = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  g_autoptr (GArray) beads = parse_beads (payload, undo ? "before" : "after", error);
  if (beads == NULL)
    return FALSE;
  if (!dip_project_write_beads (self, payload_document (payload, "src_document"),
                                payload_document (payload, "tgt_document"), beads, error))
    return FALSE;
  sqlite3_stmt *mark = dip_store_statement (store, "UPDATE edit SET undone = ?2 WHERE id = ?1",
                                            error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, id);
  sqlite3_bind_int (mark, 2, undo ? 1 : 0);
  if (!dip_store_step_done (store, mark, error))
    return FALSE;
  if (out_action != NULL)
    *out_action = g_steal_pointer (&action);
  return TRUE;
}

static gboolean
undo_or_redo (DipProject *self, gboolean undo, char **out_action, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  g_autofree char *action = NULL;

  if (out_action != NULL)
    *out_action = NULL;
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!apply_edit (self, undo, &action, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  if (!dip_store_commit (store, error))
    return FALSE;
  if (out_action != NULL)
    *out_action = g_steal_pointer (&action);
  return TRUE;
}

gboolean
dip_project_undo (DipProject *self, char **out_action, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  return undo_or_redo (self, TRUE, out_action, error);
}

gboolean
dip_project_redo (DipProject *self, char **out_action, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  return undo_or_redo (self, FALSE, out_action, error);
}
