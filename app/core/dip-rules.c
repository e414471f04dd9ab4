/* dip-rules.c — loading the segmentation rule files. */
#include "dip-config.h"

#include <string.h>

#include <gio/gio.h>

#include <diptych/diptych.h>

#include "dip-rules.h"

#define RULES_PREFIX "/org/diptych/core/segmentation/"

/* From the compiled data/diptych-core.gresource.xml. A static library
 * drops the resource's self-registering constructor unless something
 * references it, so register it explicitly. */
GResource *dip_core_get_resource (void);

static void
ensure_resources (void)
{
  static gsize registered;
  if (g_once_init_enter (&registered))
    {
      g_resources_register (dip_core_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

GPtrArray *
dip_rules_read_lines (const char *resource_path, GError **error)
{
  ensure_resources ();
  g_autoptr (GBytes) bytes = g_resources_lookup_data (resource_path,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *copy = g_strndup (data, size);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      g_ptr_array_add (out, g_strdup (line));
    }
  return out;
}

void
dip_abbreviations_free (DipAbbreviations *abbreviations)
{
  if (abbreviations == NULL)
    return;
  g_clear_pointer (&abbreviations->always, g_hash_table_unref);
  g_clear_pointer (&abbreviations->before_lower, g_hash_table_unref);
  g_clear_pointer (&abbreviations->after_ordinal, g_hash_table_unref);
  g_clear_pointer (&abbreviations->starters, g_hash_table_unref);
  g_clear_pointer (&abbreviations->speech_verbs, g_hash_table_unref);
  g_clear_pointer (&abbreviations->never_last, g_hash_table_unref);
  g_free (abbreviations);
}

static gboolean
resource_exists (const char *path)
{
  ensure_resources ();
  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* Adds the words of `line`, separated by spaces or tabs, to `set`
   (case-folded with `fold`). */
static void
add_words (GHashTable *set, const char *line, gboolean fold)
{
  g_auto (GStrv) words = g_strsplit_set (line, " \t", -1);
  for (guint k = 0; words[k] != NULL; k++)
    if (*words[k] != '\0')
      g_hash_table_add (set, fold ? g_utf8_casefold (words[k], -1) : g_strdup (words[k]));
}

DipAbbreviations *
dip_abbreviations_load (const char *lang, GError **error)
{
  g_autoptr (DipAbbreviations) abbreviations = g_new0 (DipAbbreviations, 1);
  abbreviations->always = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  abbreviations->before_lower = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  abbreviations->after_ordinal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  abbreviations->starters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  abbreviations->speech_verbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  abbreviations->never_last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_autofree char *full = g_strdup_printf (RULES_PREFIX "%s.txt", lang);
  g_autofree char *primary_tag = dip_language_tag_primary (lang);
  g_autofree char *primary = g_strdup_printf (RULES_PREFIX "%s.txt", primary_tag);
  const char *path = resource_exists (full) ? full : resource_exists (primary) ? primary : NULL;
  if (path == NULL)
    return g_steal_pointer (&abbreviations);

  g_autoptr (GPtrArray) lines = dip_rules_read_lines (path, error);
  if (lines == NULL)
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      if (line[0] == '~')
        g_hash_table_add (abbreviations->before_lower, g_strdup (line + 1));
      else if (line[0] == '^')
        g_hash_table_add (abbreviations->after_ordinal, g_strdup (line + 1));
      else if (line[0] == '=')
        add_words (abbreviations->starters, line + 1, FALSE);
      else if (line[0] == '@')
        add_words (abbreviations->speech_verbs, line + 1, FALSE);
      else if (line[0] == '&')
        add_words (abbreviations->never_last, line + 1, FALSE);
      else
        g_hash_table_add (abbreviations->always, g_strdup (line));
    }
  return g_steal_pointer (&abbreviations);
}

static gboolean
add_rule (DipLineRules *rules, const char *line, GError **error)
{
  gsize kind_len = strcspn (line, " \t");
  g_autofree char *kind = g_strndup (line, kind_len);
  const char *pattern = line + kind_len;
  while (*pattern == ' ' || *pattern == '\t')
    pattern++;

  GPtrArray *target = NULL;
  if (g_str_equal (kind, "non-content"))
    target = rules->non_content;
  else if (g_str_equal (kind, "marker"))
    target = rules->markers;
  else if (g_str_equal (kind, "trailing"))
    target = rules->trailing;
  else
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED,
                   "segmentation/lines.txt: unknown rule kind “%s”", kind);
      return FALSE;
    }

  g_autoptr (GError) regex_error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &regex_error);
  if (regex == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "segmentation/lines.txt: %s",
                   regex_error->message);
      return FALSE;
    }
  g_ptr_array_add (target, regex);
  return TRUE;
}

static void
add_date_words (DipLineRules *rules, GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    add_words (rules->date_words, g_ptr_array_index (lines, i), TRUE);
}

static gboolean
combine_non_content (DipLineRules *rules, GError **error)
{
  g_autoptr (GString) pattern = g_string_new (NULL);
  for (guint i = 0; i < rules->non_content->len; i++)
    g_string_append_printf (pattern, "%s(?:%s)", i ? "|" : "",
                            g_regex_get_pattern (g_ptr_array_index (rules->non_content, i)));
  if (pattern->len == 0)
    g_string_append (pattern, "(?!)");
  rules->non_content_any = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0,
                                        error);
  return rules->non_content_any != NULL;
}

static DipLineRules *
load_line_rules (GError **error)
{
  DipLineRules *rules = g_new0 (DipLineRules, 1);
  rules->non_content = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  rules->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  rules->trailing = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  rules->date_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_autoptr (GPtrArray) lines = dip_rules_read_lines (RULES_PREFIX "lines.txt", error);
  g_autoptr (GPtrArray) dates = lines ? dip_rules_read_lines (RULES_PREFIX "dates.txt", error)
                                      : NULL;
  gboolean ok = lines != NULL && dates != NULL;
  for (guint i = 0; ok && i < lines->len; i++)
    ok = add_rule (rules, g_ptr_array_index (lines, i), error);
  if (ok)
    {
      add_date_words (rules, dates);
      ok = combine_non_content (rules, error);
    }

  if (!ok)
    {
      g_ptr_array_unref (rules->non_content);
      g_ptr_array_unref (rules->markers);
      g_ptr_array_unref (rules->trailing);
      g_hash_table_unref (rules->date_words);
      g_clear_pointer (&rules->non_content_any, g_regex_unref);
      g_free (rules);
      return NULL;
    }
  return rules;
}

/* The rules are read-only data compiled into the library, so they are
 * loaded once per process and never freed. */
const DipLineRules *
dip_line_rules_get (GError **error)
{
  static DipLineRules *rules;
  static GMutex lock;

  g_mutex_lock (&lock);
  if (rules == NULL)
    rules = load_line_rules (error);
  g_mutex_unlock (&lock);
  return rules;
}
