/* dip-project-edit.c — corrections of an alignment, and undo and redo.
 *
 * Every correction of beads goes through dip_project_change_beads(), which
 * writes the changed stretch of beads before and after into the edit table
 * in the same transaction; a correction of a segment's text keeps the text
 * before and after. Undo writes the "before" side back and marks the entry
 * undone; redo writes the "after" side of the undone entry that follows the
 * last one in effect. A new change deletes the undone entries.
 */
#include "dip-config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include <diptych/dip-edit.h>
#include <diptych/dip-error.h>

#include "dip-json.h"
#include "dip-project-private.h"

gboolean
dip_project_set_bead_status (DipProject *self, gint64 src_document, gint64 tgt_document,
                             guint index, DipBeadStatus status, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                          index, 1, error);
  if (beads == NULL)
    return FALSE;
  DipBead *bead = &g_array_index (beads, DipBead, 0);
  bead->status = status;
  /* A person's confirmation is the strongest evidence there is. */
  if (status == DIP_BEAD_CONFIRMED)
    bead->confidence = 1.0;
  return dip_project_change_beads (self, src_document, tgt_document, index, 1, bead, 1,
                                   dip_bead_status_to_string (status), error);
}

gboolean
dip_project_merge_beads (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
                         GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                          index, 1, error);
  if (beads == NULL)
    return FALSE;
  g_autoptr (GArray) next = dip_project_list_bead_range (self, src_document, tgt_document,
                                                         index + 1, 1, NULL);
  if (next == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u is the last: there is no bead after it to merge with",
                   dip_project_get_path (self), index + 1);
      return FALSE;
    }
  g_array_append_vals (beads, next->data, 1);
  DipBead merged = g_array_index (beads, DipBead, 0);
  const DipBead *second = &g_array_index (beads, DipBead, 1);
  merged.src_count += second->src_count;
  merged.tgt_count += second->tgt_count;
  merged.confidence = MIN (merged.confidence, second->confidence);
  merged.status = DIP_BEAD_AUTO;
  return dip_project_change_beads (self, src_document, tgt_document, index, 2, &merged, 1,
                                   "merge", error);
}

/* Splits `bead` after `src_keep` and `tgt_keep` of its sentences. */
static gboolean
split_in_two (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
              const DipBead *bead, guint src_keep, guint tgt_keep, const char *action,
              GError **error)
{
  DipBead parts[2] = { *bead, *bead };
  parts[0].src_count = src_keep;
  parts[0].tgt_count = tgt_keep;
  parts[0].status = DIP_BEAD_AUTO;
  parts[1].src_start = bead->src_start + src_keep;
  parts[1].tgt_start = bead->tgt_start + tgt_keep;
  parts[1].src_count = bead->src_count - src_keep;
  parts[1].tgt_count = bead->tgt_count - tgt_keep;
  parts[1].status = DIP_BEAD_AUTO;
  return dip_project_change_beads (self, src_document, tgt_document, index, 1, parts, 2, action,
                                   error);
}

gboolean
dip_project_split_bead (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
                        guint src_keep, guint tgt_keep, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                          index, 1, error);
  if (beads == NULL)
    return FALSE;
  const DipBead *bead = &g_array_index (beads, DipBead, 0);
  if (src_keep > bead->src_count || tgt_keep > bead->tgt_count || src_keep + tgt_keep == 0
      || src_keep + tgt_keep == bead->src_count + bead->tgt_count)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u (%u-%u) cannot be split after %u source and %u target "
                   "segments", dip_project_get_path (self), index + 1, bead->src_count,
                   bead->tgt_count, src_keep, tgt_keep);
      return FALSE;
    }
  return split_in_two (self, src_document, tgt_document, index, bead, src_keep, tgt_keep,
                       "split", error);
}

gboolean
dip_project_insert_gap (DipProject *self, gint64 src_document, gint64 tgt_document, guint index,
                        GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                          index, 1, error);
  if (beads == NULL)
    return FALSE;
  const DipBead *bead = &g_array_index (beads, DipBead, 0);
  if (bead->src_count == 0 || bead->tgt_count == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u has sentences on one side only: there is no pair to part",
                   dip_project_get_path (self), index + 1);
      return FALSE;
    }
  return split_in_two (self, src_document, tgt_document, index, bead, bead->src_count, 0, "gap",
                       error);
}

/* The start and count of one side of a bead. */
static guint *
side_start (DipBead *bead, DipSide side)
{
  return side == DIP_SIDE_SOURCE ? &bead->src_start : &bead->tgt_start;
}

static guint *
side_count (DipBead *bead, DipSide side)
{
  return side == DIP_SIDE_SOURCE ? &bead->src_count : &bead->tgt_count;
}

gboolean
dip_project_move_segment (DipProject *self, gint64 src_document, gint64 tgt_document,
                          guint index, DipSide side, gboolean up, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  const char *side_name = side == DIP_SIDE_SOURCE ? "source" : "target";

  if (up && index == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead 1 is the first: there is no bead above it",
                   dip_project_get_path (self));
      return FALSE;
    }
  /* The pair in order: [0] above, [1] below the boundary the sentence crosses. */
  guint first = up ? index - 1 : index;
  g_autoptr (GArray) beads = dip_project_list_bead_range (self, src_document, tgt_document,
                                                          first, 2, error);
  if (beads == NULL)
    return FALSE;
  DipBead *above = &g_array_index (beads, DipBead, 0);
  DipBead *below = &g_array_index (beads, DipBead, 1);
  DipBead *from = up ? below : above;
  if (*side_count (from, side) == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u has no %s sentence to move", dip_project_get_path (self),
                   index + 1, side_name);
      return FALSE;
    }
  /* The sentence that crosses: the first of the bead below, or the last
     of the bead above. A side with no sentences takes its start from it. */
  if (up)
    {
      guint moved = *side_start (below, side);
      if (*side_count (above, side) == 0)
        *side_start (above, side) = moved;
      *side_count (above, side) += 1;
      *side_start (below, side) = moved + 1;
      *side_count (below, side) -= 1;
    }
  else
    {
      guint moved = *side_start (above, side) + *side_count (above, side) - 1;
      *side_count (above, side) -= 1;
      *side_start (below, side) = moved;
      *side_count (below, side) += 1;
    }
  above->status = below->status = DIP_BEAD_AUTO;

  /* A bead left with nothing on either side is gone. */
  DipBead kept[2];
  guint n_kept = 0;
  for (guint i = 0; i < 2; i++)
    {
      const DipBead *b = &g_array_index (beads, DipBead, i);
      if (b->src_count + b->tgt_count > 0)
        kept[n_kept++] = *b;
    }
  return dip_project_change_beads (self, src_document, tgt_document, first, 2, kept, n_kept,
                                   up ? "move up" : "move down", error);
}

/* ---- text corrections ---------------------------------------------------- */

static gboolean
read_segment_text (DipStore *store, gint64 document, guint position, char **out, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT text FROM segment WHERE document_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, position);
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: document %" G_GINT64_FORMAT " has no segment %u",
                   dip_store_get_path (store), document, position + 1);
      return FALSE;
    }
  return dip_store_fail (store, rc, "reading a segment", error);
}

char *
dip_project_get_segment_text (DipProject *self, gint64 document, guint position, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  char *text = NULL;
  return read_segment_text (dip_project_get_store (self), document, position, &text, error)
           ? text : NULL;
}

/* Inside a transaction: stores `text` as the segment's text. */
static gboolean
write_segment_text (DipProject *self, gint64 document, guint position, const char *text,
                    GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "UPDATE segment SET text = ?3 WHERE document_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (!dip_store_step_done (store, stmt, error))
    return FALSE;
  DipChange change = { .kind = DIP_CHANGE_TEXT, .document = document, .position = position,
                       .removed = 1, .added = 1 };
  dip_project_set_last_change (self, &change);
  return TRUE;
}

static gboolean
check_segment_text (DipProject *self, const char *text, GError **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: the new text of a segment is not valid UTF-8",
                   dip_project_get_path (self));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
               "%s: a segment cannot be left blank; to unpair a sentence, move it or insert a "
               "gap", dip_project_get_path (self));
  return FALSE;
}

static gboolean
set_text_in_transaction (DipProject *self, gint64 document, guint position, const char *text,
                         GError **error)
{
  DipStore *store = dip_project_get_store (self);
  g_autofree char *before = NULL;

  if (!read_segment_text (store, document, position, &before, error))
    return FALSE;
  if (g_strcmp0 (before, text) == 0)
    return TRUE;
  if (!write_segment_text (self, document, position, text, error)
      || !dip_store_exec (store, "DELETE FROM edit WHERE undone = 1", error))
    return FALSE;
  g_autoptr (GString) payload = g_string_new (NULL);
  g_string_append_printf (payload,
                          "{\"segment_document\":%" G_GINT64_FORMAT ",\"segment_position\":%u,"
                          "\"before\":", document, position);
  dip_json_append_string (payload, before);
  g_string_append (payload, ",\"after\":");
  dip_json_append_string (payload, text);
  g_string_append_c (payload, '}');
  return dip_project_record_edit (self, "edit text", payload->str, error);
}

gboolean
dip_project_set_segment_text (DipProject *self, gint64 document, guint position,
                              const char *text, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  if (!check_segment_text (self, text, error))
    return FALSE;

  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!set_text_in_transaction (self, document, position, text, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
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

/* Reads the JSON string after `"key":` in the payload. */
static char *
payload_string (const char *json, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (json, needle);
  g_autoptr (GString) text = g_string_new (NULL);

  if (p == NULL || dip_json_read_string (p + strlen (needle), text) == NULL)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A correction of a segment's text: {"segment_document":D,
   "segment_position":P,"before":"…","after":"…"}. */
static gboolean
apply_text_edit (DipProject *self, const char *payload, gboolean undo, GError **error)
{
  const char *needle = "\"segment_position\":";
  const char *at = strstr (payload, needle);
  g_autofree char *text = payload_string (payload, undo ? "before" : "after");

  if (at == NULL || text == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_CORRUPT,
                   "%s: the edit history holds a text correction that cannot be read back",
                   dip_project_get_path (self));
      return FALSE;
    }
  guint64 position = g_ascii_strtoull (at + strlen (needle), NULL, 10);
  return write_segment_text (self, payload_document (payload, "segment_document"),
                             (guint) position, text, error);
}

/* A change of beads: a stretch ("position" given) or, in entries written
   before stretches were recorded, every bead of the pair. */
static gboolean
apply_bead_edit (DipProject *self, const char *payload, gboolean undo, GError **error)
{
  g_autoptr (GArray) before = parse_beads (payload, "before", error);
  if (before == NULL)
    return FALSE;
  g_autoptr (GArray) after = parse_beads (payload, "after", error);
  if (after == NULL)
    return FALSE;
  GArray *now = undo ? after : before, *wanted = undo ? before : after;
  gint64 src_document = payload_document (payload, "src_document");
  gint64 tgt_document = payload_document (payload, "tgt_document");
  const char *needle = "\"position\":";
  const char *at = strstr (payload, needle);

  if (at == NULL)
    {
      if (!dip_project_write_beads (self, src_document, tgt_document, wanted, error))
        return FALSE;
      DipChange change = { .kind = DIP_CHANGE_BEADS, .src_document = src_document,
                           .tgt_document = tgt_document, .position = 0, .removed = now->len,
                           .added = wanted->len };
      dip_project_set_last_change (self, &change);
      return TRUE;
    }
  guint64 position = g_ascii_strtoull (at + strlen (needle), NULL, 10);
  return dip_project_write_bead_range (self, src_document, tgt_document, (guint) position,
                                       now->len, (const DipBead *) wanted->data, wanted->len,
                                       error);
}

/* Inside a transaction: applies the latest edit in effect backwards (undo)
   or the first undone one forwards (redo), and marks it. */
static gboolean
apply_edit (DipProject *self, gboolean undo, char **out_action, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  /* Only changes of beads and of segment texts can be undone here; glossary
     and word-list changes are kept in the history but not replayed. */
  const char *sql = undo
    ? "SELECT id, action, payload FROM edit WHERE undone = 0"
      " AND (payload LIKE '{\"src_document\"%' OR payload LIKE '{\"segment_document\"%')"
      " ORDER BY id DESC LIMIT 1"
    : "SELECT id, action, payload FROM edit WHERE undone = 1"
      " AND (payload LIKE '{\"src_document\"%' OR payload LIKE '{\"segment_document\"%')"
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

  gboolean text = g_str_has_prefix (payload, "{\"segment_document\"");
  if (!(text ? apply_text_edit (self, payload, undo, error)
             : apply_bead_edit (self, payload, undo, error)))
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
