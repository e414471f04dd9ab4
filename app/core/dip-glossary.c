/* dip-glossary.c — glossary entries and their storage. */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-glossary-private.h"
#include "dip-json.h"
#include "dip-project-private.h"
#include "dip-tokens.h"

static const char *const status_names[] = { "preferred", "admitted", "forbidden" };

/* TBX administrative statuses and other spellings people use. */
static const struct
{
  const char    *name;
  DipTermStatus  status;
} status_aliases[] = {
  { "preferredTerm-admn-sts", DIP_TERM_PREFERRED },
  { "admittedTerm-admn-sts", DIP_TERM_ADMITTED },
  { "deprecatedTerm-admn-sts", DIP_TERM_FORBIDDEN },
  { "supersededTerm-admn-sts", DIP_TERM_FORBIDDEN },
  { "deprecated", DIP_TERM_FORBIDDEN },
};

const char *
dip_term_status_to_string (DipTermStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
dip_term_status_from_string (const char *text, DipTermStatus *out_status)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (text, status_names[i]) == 0)
      {
        *out_status = (DipTermStatus) i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (status_aliases); i++)
    if (g_ascii_strcasecmp (text, status_aliases[i].name) == 0)
      {
        *out_status = status_aliases[i].status;
        return TRUE;
      }
  return FALSE;
}

/* ---- cleaning ------------------------------------------------------------ */

/* Characters XML 1.0 cannot carry, and other controls nobody means to
 * put in a glossary. */
static gboolean
is_unwanted (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0) || c == 0xFFFE
         || c == 0xFFFF;
}

static char *
clean (const char *text, gboolean keep_lines)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfc = dip_text_normalize_nfc (valid, -1, NULL);
  const char *source = nfc ? nfc : valid;
  GString *out = g_string_sized_new (strlen (source));
  gboolean pending_space = FALSE;

  for (const char *p = source; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r')
        c = '\n';
      if (is_unwanted (c))
        continue;
      if (g_unichar_isspace (c) && !(keep_lines && (c == '\n' || c == '\t')))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  /* Line breaks at either end of a note are noise too. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  gsize lead = 0;
  while (lead < out->len && g_ascii_isspace (out->str[lead]))
    lead++;
  g_string_erase (out, 0, (gssize) lead);
  return g_string_free (out, FALSE);
}

char *
dip_glossary_clean_term (const char *text)
{
  return clean (text ? text : "", FALSE);
}

char *
dip_glossary_clean_note (const char *text)
{
  if (text == NULL)
    return NULL;
  char *note = clean (text, TRUE);
  if (*note == '\0')
    g_clear_pointer (&note, g_free);
  return note;
}

/* ---- entries ------------------------------------------------------------- */

DipGlossaryEntry *
dip_glossary_entry_new (const char *src_term, const char *tgt_term, DipTermStatus status,
                        const char *note)
{
  DipGlossaryEntry *entry = g_new0 (DipGlossaryEntry, 1);
  entry->src_term = dip_glossary_clean_term (src_term);
  entry->tgt_term = dip_glossary_clean_term (tgt_term);
  entry->status = status;
  entry->note = dip_glossary_clean_note (note);
  return entry;
}

DipGlossaryEntry *
dip_glossary_entry_copy (const DipGlossaryEntry *entry)
{
  DipGlossaryEntry *copy = g_memdup2 (entry, sizeof *entry);
  copy->src_term = g_strdup (entry->src_term);
  copy->tgt_term = g_strdup (entry->tgt_term);
  copy->src_lang = g_strdup (entry->src_lang);
  copy->tgt_lang = g_strdup (entry->tgt_lang);
  copy->part_of_speech = g_strdup (entry->part_of_speech);
  copy->note = g_strdup (entry->note);
  copy->created_at = g_strdup (entry->created_at);
  return copy;
}

void
dip_glossary_entry_free (DipGlossaryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->src_term);
  g_free (entry->tgt_term);
  g_free (entry->src_lang);
  g_free (entry->tgt_lang);
  g_free (entry->part_of_speech);
  g_free (entry->note);
  g_free (entry->created_at);
  g_free (entry);
}

char *
dip_glossary_entry_key (const DipGlossaryEntry *entry)
{
  g_autofree char *src = dip_fold_case (entry->src_term, -1);
  g_autofree char *tgt = dip_fold_case (entry->tgt_term, -1);
  return g_strconcat (src, "\t", tgt, NULL);
}

static gboolean
validate_term (const char *term, const char *which, const char *where, GError **error)
{
  if (term == NULL || *term == '\0')
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: the %s term is empty", where,
                   which);
      return FALSE;
    }
  glong length = g_utf8_strlen (term, -1);
  if (length > DIP_GLOSSARY_MAX_TERM)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: the %s term has %ld characters; a term has at most %d", where, which,
                   length, DIP_GLOSSARY_MAX_TERM);
      return FALSE;
    }
  return TRUE;
}

gboolean
dip_glossary_entry_validate (const DipGlossaryEntry *entry, const char *name, GError **error)
{
  g_autofree char *where = entry->line ? g_strdup_printf ("%s:%u", name, entry->line)
                                       : g_strdup (name);
  return validate_term (entry->src_term, "source", where, error)
         && validate_term (entry->tgt_term, "target", where, error);
}

/* ---- storage ------------------------------------------------------------- */

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
dip_project_list_glossary (DipProject *self, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT id, src_term, tgt_term, src_lang, tgt_lang, part_of_speech, note, status,"
    "       case_sensitive, created_at"
    "  FROM glossary"
    " ORDER BY src_term COLLATE NOCASE, src_term,"
    "          CASE status WHEN 'preferred' THEN 0 WHEN 'admitted' THEN 1 ELSE 2 END,"
    "          tgt_term COLLATE NOCASE, id",
    error);
  if (stmt == NULL)
    return NULL;

  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_glossary_entry_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipGlossaryEntry *entry = g_new0 (DipGlossaryEntry, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->src_term = column_dup (stmt, 1);
      entry->tgt_term = column_dup (stmt, 2);
      entry->src_lang = column_dup (stmt, 3);
      entry->tgt_lang = column_dup (stmt, 4);
      entry->part_of_speech = column_dup (stmt, 5);
      entry->note = column_dup (stmt, 6);
      dip_term_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &entry->status);
      entry->case_sensitive = sqlite3_column_int (stmt, 8) != 0;
      entry->created_at = column_dup (stmt, 9);
      g_ptr_array_add (out, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "reading the glossary", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The id of the stored entry with the same key as `entry`, or 0. */
static gint64
find_duplicate (DipProject *self, const DipGlossaryEntry *entry, GError **error)
{
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (self, error);
  if (entries == NULL)
    return -1;
  g_autofree char *key = dip_glossary_entry_key (entry);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *other = dip_glossary_entry_key (g_ptr_array_index (entries, i));
      if (g_str_equal (key, other))
        return ((DipGlossaryEntry *) g_ptr_array_index (entries, i))->id;
    }
  return 0;
}

/* The edit history's record of an entry, enough to put it back. */
static char *
entry_payload (gint64 id, const DipGlossaryEntry *entry)
{
  GString *json = g_string_new (NULL);
  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"src_term\":", id);
  dip_json_append_string (json, entry->src_term);
  g_string_append (json, ",\"tgt_term\":");
  dip_json_append_string (json, entry->tgt_term);
  g_string_append_printf (json, ",\"status\":\"%s\",\"note\":",
                          dip_term_status_to_string (entry->status));
  if (entry->note)
    dip_json_append_string (json, entry->note);
  else
    g_string_append (json, "null");
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

gint64
dip_project_insert_glossary_entry (DipProject *self, const DipGlossaryEntry *entry,
                                   GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "INSERT INTO glossary (src_term, tgt_term, src_lang, tgt_lang, part_of_speech, note,"
    "                      status, case_sensitive, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);
  if (stmt == NULL)
    return 0;
  g_autofree char *now = dip_now_iso8601 ();
  const char *src_lang = entry->src_lang ? entry->src_lang
                                         : dip_project_get_lang (self, DIP_SIDE_SOURCE);
  const char *tgt_lang = entry->tgt_lang ? entry->tgt_lang
                                         : dip_project_get_lang (self, DIP_SIDE_TARGET);
  sqlite3_bind_text (stmt, 1, entry->src_term, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry->tgt_term, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, src_lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tgt_lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->part_of_speech, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entry->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, dip_term_status_to_string (entry->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, entry->case_sensitive ? 1 : 0);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  if (!dip_store_step_done (store, stmt, error))
    return 0;
  gint64 id = sqlite3_last_insert_rowid (dip_store_get_db (store));
  g_autofree char *payload = entry_payload (id, entry);
  return dip_project_record_edit (self, "glossary-add", payload, error) ? id : 0;
}

gint64
dip_project_add_glossary_entry (DipProject *self, const DipGlossaryEntry *entry, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), 0);
  g_autoptr (DipGlossaryEntry) clean_entry = dip_glossary_entry_copy (entry);
  g_free (clean_entry->src_term);
  g_free (clean_entry->tgt_term);
  g_free (clean_entry->note);
  clean_entry->src_term = dip_glossary_clean_term (entry->src_term);
  clean_entry->tgt_term = dip_glossary_clean_term (entry->tgt_term);
  clean_entry->note = dip_glossary_clean_note (entry->note);
  clean_entry->line = 0;
  if (!dip_glossary_entry_validate (clean_entry, dip_project_get_path (self), error))
    return 0;

  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return 0;
  gint64 duplicate = find_duplicate (self, clean_entry, error);
  gint64 id = 0;
  if (duplicate > 0)
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                 "%s: “%s → %s” is already in the glossary as entry %" G_GINT64_FORMAT,
                 dip_project_get_path (self), clean_entry->src_term, clean_entry->tgt_term,
                 duplicate);
  else if (duplicate == 0)
    id = dip_project_insert_glossary_entry (self, clean_entry, error);
  if (id == 0 || !dip_store_commit (store, error))
    {
      dip_store_rollback (store);
      return 0;
    }
  return id;
}

static DipGlossaryEntry *
find_entry (DipProject *self, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (self, error);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      DipGlossaryEntry *entry = g_ptr_array_index (entries, i);
      if (entry->id == id)
        return dip_glossary_entry_copy (entry);
    }
  if (entries != NULL)
    g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND,
                 "%s: no glossary entry %" G_GINT64_FORMAT, dip_project_get_path (self), id);
  return NULL;
}

static gboolean
remove_in_transaction (DipProject *self, gint64 id, GError **error)
{
  g_autoptr (DipGlossaryEntry) entry = find_entry (self, id, error);
  if (entry == NULL)
    return FALSE;
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (store, "DELETE FROM glossary WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!dip_store_step_done (store, stmt, error))
    return FALSE;
  g_autofree char *payload = entry_payload (id, entry);
  return dip_project_record_edit (self, "glossary-remove", payload, error);
}

gboolean
dip_project_remove_glossary_entry (DipProject *self, gint64 id, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!remove_in_transaction (self, id, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}

static gboolean
set_status_in_transaction (DipProject *self, gint64 id, DipTermStatus status, GError **error)
{
  g_autoptr (DipGlossaryEntry) entry = find_entry (self, id, error);
  if (entry == NULL)
    return FALSE;
  if (entry->status == status)
    return TRUE;
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "UPDATE glossary SET status = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, dip_term_status_to_string (status), -1, SQLITE_STATIC);
  if (!dip_store_step_done (store, stmt, error))
    return FALSE;
  entry->status = status;
  g_autofree char *payload = entry_payload (id, entry);
  return dip_project_record_edit (self, "glossary-status", payload, error);
}

gboolean
dip_project_set_glossary_status (DipProject *self, gint64 id, DipTermStatus status,
                                 GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!set_status_in_transaction (self, id, status, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}
