/* dip-words.c — the project word list. */
#include "dip-config.h"

#include "dictionaries/dip-dictionaries-config.h"

#include <diptych/diptych.h>

#include "dip-json.h"
#include "dip-project-private.h"

#define MAX_WORD 100

void
dip_word_free (DipWord *word)
{
  if (word == NULL)
    return;
  g_free (word->lang);
  g_free (word->word);
  g_free (word);
}

char *
dip_dictionaries_dir (void)
{
  const char *env = g_getenv ("DIP_DICTIONARIES_DIR");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (DIP_DICTIONARIES_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (DIP_DICTIONARIES_DIR);
  return g_strdup (DIP_DICTIONARIES_SOURCE_DIR);
}

/* The word as stored: NFC, trimmed, one token. */
static char *
clean_word (DipProject *self, const char *word, GError **error)
{
  if (word == NULL || !g_utf8_validate (word, -1, NULL))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "%s: the word is not valid UTF-8",
                   dip_project_get_path (self));
      return NULL;
    }
  g_autofree char *nfc = dip_text_normalize_nfc (word, -1, error);
  if (nfc == NULL)
    return NULL;
  g_strstrip (nfc);
  gboolean has_space = FALSE;
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    has_space |= g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p));
  glong length = g_utf8_strlen (nfc, -1);
  if (length == 0 || has_space || length > MAX_WORD)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: “%s” is not one word (no spaces, 1 to %d characters)",
                   dip_project_get_path (self), nfc, MAX_WORD);
      return NULL;
    }
  return g_steal_pointer (&nfc);
}

static char *
word_payload (const char *lang, const char *word)
{
  GString *json = g_string_new ("{\"lang\":");
  dip_json_append_string (json, lang);
  g_string_append (json, ",\"word\":");
  dip_json_append_string (json, word);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* Runs `sql` (?1 lang, ?2 word) and records the edit, in one transaction;
 * `*out_changes` is how many rows it touched. */
static gboolean
change_word (DipProject *self, const char *sql, const char *action, const char *lang,
             const char *word, int *out_changes, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return FALSE;
  sqlite3_stmt *stmt = dip_store_statement (store, sql, error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, word, -1, SQLITE_STATIC);
      ok = dip_store_step_done (store, stmt, error);
    }
  *out_changes = ok ? sqlite3_changes (dip_store_get_db (store)) : 0;
  g_autofree char *payload = word_payload (lang, word);
  if (ok && *out_changes > 0)
    ok = dip_project_record_edit (self, action, payload, error);
  if (!ok || !dip_store_commit (store, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
dip_project_add_word (DipProject *self, const char *lang, const char *word, gboolean *out_added,
                      GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autofree char *tag = dip_language_tag_normalize (lang, error);
  if (tag == NULL)
    return FALSE;
  g_autofree char *clean = clean_word (self, word, error);
  if (clean == NULL)
    return FALSE;
  int changes;
  if (!change_word (self, "INSERT OR IGNORE INTO word (lang, word) VALUES (?1, ?2)", "word-add",
                    tag, clean, &changes, error))
    return FALSE;
  if (out_added)
    *out_added = changes > 0;
  return TRUE;
}

gboolean
dip_project_remove_word (DipProject *self, const char *lang, const char *word, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_autofree char *tag = dip_language_tag_normalize (lang, error);
  if (tag == NULL)
    return FALSE;
  g_autofree char *clean = clean_word (self, word, error);
  if (clean == NULL)
    return FALSE;
  int changes;
  if (!change_word (self, "DELETE FROM word WHERE lang = ?1 AND word = ?2", "word-remove", tag,
                    clean, &changes, error))
    return FALSE;
  if (changes == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND, "%s: “%s” is not in the %s word list",
                   dip_project_get_path (self), clean, tag);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
dip_project_list_words (DipProject *self, const char *lang, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  g_autofree char *tag = NULL;
  if (lang != NULL && (tag = dip_language_tag_normalize (lang, error)) == NULL)
    return NULL;

  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT lang, word FROM word WHERE ?1 IS NULL OR lang = ?1 ORDER BY lang, word",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_STATIC);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) dip_word_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipWord *w = g_new0 (DipWord, 1);
      w->lang = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      w->word = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, w);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "reading the word list", error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
