/* dip-dictionary.c — a bilingual word list for the aligner.
 *
 * dictd files (FreeDict): NAME.index lists "headword TAB offset TAB length"
 * with numbers in dictd's base 64; NAME.dict.dz is a gzip stream (dictzip)
 * of the entries. A FreeDict entry's first line is the headword with its
 * pronunciation and grammar ("Haus /haʊ̯s/ <n, neut>"), its second line the
 * translations ("1. maison 2." or "guerre civile, guerre intestine"); the
 * lines after it are definitions in the source language, which we ignore.
 */
#include "dip-config.h"

#include <gio/gio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <diptych/dip-dictionary.h>
#include <diptych/dip-error.h>
#include <diptych/dip-types.h>

struct _DipDictionary
{
  GHashTable   *pairs;    /* folded word → GPtrArray of folded words (chunk strings) */
  GStringChunk *strings;
  guint         n_pairs;
};

DipDictionary *
dip_dictionary_new (void)
{
  DipDictionary *self = g_new0 (DipDictionary, 1);

  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->strings = g_string_chunk_new (256 * 1024);
  return self;
}

void
dip_dictionary_free (DipDictionary *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->pairs);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
dip_dictionary_get_n_pairs (DipDictionary *self)
{
  return self->n_pairs;
}

static char *
fold (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;

  u_strFromUTF8 (NULL, 0, &n, text, -1, &status);
  status = U_ZERO_ERROR;
  g_autofree UChar *chars = g_new (UChar, n + 1);
  u_strFromUTF8 (chars, n + 1, NULL, text, -1, &status);
  if (U_FAILURE (status))
    return NULL;
  g_autofree UChar *folded = g_new (UChar, 2 * n + 1);
  int32_t m = u_strFoldCase (folded, 2 * n + 1, chars, n, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE (status))
    return NULL;
  int32_t length = 0;
  u_strToUTF8 (NULL, 0, &length, folded, m, &status);
  status = U_ZERO_ERROR;
  char *out = g_malloc (length + 1);
  u_strToUTF8 (out, length + 1, NULL, folded, m, &status);
  return out;
}

static void
add_one_way (DipDictionary *self, const char *a, const char *b)
{
  GPtrArray *list = g_hash_table_lookup (self->pairs, a);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->pairs, g_string_chunk_insert_const (self->strings, a), list);
    }
  const char *entry = g_string_chunk_insert_const (self->strings, b);
  for (guint i = 0; i < list->len; i++)
    if (g_ptr_array_index (list, i) == entry)
      return;
  g_ptr_array_add (list, (gpointer) entry);
}

/* Each word of a multi-word term is paired with the other side's longest
   word: "guerre civile" still anchors "Bürgerkrieg" through "guerre". */
static const char *
longest_word (char **words)
{
  const char *best = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (best == NULL || g_utf8_strlen (words[i], -1) > g_utf8_strlen (best, -1))
      best = words[i];
  return best;
}

void
dip_dictionary_add_pair (DipDictionary *self, const char *a, const char *b)
{
  g_autofree char *folded_a = fold (a);
  g_autofree char *folded_b = fold (b);

  if (folded_a == NULL || folded_b == NULL)
    return;
  g_strstrip (folded_a);
  g_strstrip (folded_b);
  if (*folded_a == '\0' || *folded_b == '\0')
    return;
  g_auto (GStrv) words_a = g_strsplit_set (folded_a, " ", -1);
  g_auto (GStrv) words_b = g_strsplit_set (folded_b, " ", -1);
  const char *head_a = longest_word (words_a);
  const char *head_b = longest_word (words_b);
  for (guint i = 0; words_a[i] != NULL; i++)
    if (g_utf8_strlen (words_a[i], -1) >= 3)
      {
        add_one_way (self, words_a[i], head_b);
        add_one_way (self, head_b, words_a[i]);
      }
  for (guint i = 0; words_b[i] != NULL; i++)
    if (g_utf8_strlen (words_b[i], -1) >= 3 && words_b[i] != head_b)
      {
        add_one_way (self, head_a, words_b[i]);
        add_one_way (self, words_b[i], head_a);
      }
  self->n_pairs++;
}

void
dip_dictionary_foreach_translation (DipDictionary *self, const char *folded_word,
                                    DipDictionaryFunc func, gpointer user_data)
{
  GPtrArray *list = g_hash_table_lookup (self->pairs, folded_word);

  for (guint i = 0; list != NULL && i < list->len; i++)
    func (g_ptr_array_index (list, i), user_data);
}

/* ---- TSV ---------------------------------------------------------------- */

static gboolean
load_tsv (DipDictionary *self, const char *path, const char *data, gsize length, GError **error)
{
  guint line_number = 0;
  const char *end = data + length;

  for (const char *line = data; line < end; line_number++)
    {
      const char *eol = memchr (line, '\n', end - line);
      if (eol == NULL)
        eol = end;
      g_autofree char *text = g_strndup (line, eol - line);
      line = eol + 1;
      g_strchomp (text);
      if (*text == '\0' || *text == '#')
        continue;
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "%s:%u: invalid UTF-8", path,
                       line_number + 1);
          return FALSE;
        }
      char *tab = strchr (text, '\t');
      if (tab == NULL)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                       "%s:%u: expected “word TAB translation”", path, line_number + 1);
          return FALSE;
        }
      *tab = '\0';
      char *second = tab + 1;
      char *tab2 = strchr (second, '\t');
      if (tab2 != NULL)
        *tab2 = '\0';
      dip_dictionary_add_pair (self, text, second);
    }
  return TRUE;
}

/* ---- dictd -------------------------------------------------------------- */

static gboolean
decode_dictd_number (const char *text, gsize length, guint64 *out)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  guint64 value = 0;

  if (length == 0 || length > 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      const char *digit = memchr (alphabet, text[i], 64);
      if (digit == NULL || text[i] == '\0')
        return FALSE;
      value = value * 64 + (digit - alphabet);
    }
  *out = value;
  return TRUE;
}

static GBytes *
read_dict_body (const char *dict_path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (dict_path);
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (raw == NULL)
    return NULL;
  g_autoptr (GInputStream) stream = NULL;
  if (g_str_has_suffix (dict_path, ".dz"))
    {
      g_autoptr (GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
    }
  else
    stream = g_object_ref (raw);
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                              error) < 0)
    {
      g_prefix_error (error, "%s: ", dict_path);
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Adds the translations on the second line of a FreeDict entry. */
static void
add_dictd_entry (DipDictionary *self, const char *entry, gsize length)
{
  const char *eol = memchr (entry, '\n', length);
  if (eol == NULL)
    return;
  g_autofree char *head = g_strndup (entry, eol - entry);
  /* The headword ends where pronunciation or grammar begin. */
  char *cut = strstr (head, " /");
  if (cut == NULL)
    cut = strstr (head, " <");
  if (cut != NULL)
    *cut = '\0';
  g_strstrip (head);
  if (*head == '\0' || g_str_has_prefix (head, "00-database") || g_str_has_prefix (head, "00database"))
    return;

  const char *second = eol + 1;
  const char *end = entry + length;
  const char *eol2 = memchr (second, '\n', end - second);
  g_autofree char *translations = g_strndup (second, (eol2 ? eol2 : end) - second);
  g_auto (GStrv) parts = g_strsplit_set (translations, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      /* Sense numbers: "1. maison 2." */
      GString *clean = g_string_new (NULL);
      g_auto (GStrv) words = g_strsplit (part, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = words[w];
          gsize n = strlen (word);
          if (n == 0 || (g_ascii_isdigit (word[0]) && word[n - 1] == '.'))
            continue;
          if (word[0] == '(' || word[0] == '[' || word[0] == '<')
            continue;
          if (clean->len > 0)
            g_string_append_c (clean, ' ');
          g_string_append (clean, word);
        }
      if (clean->len > 0 && g_utf8_validate (clean->str, -1, NULL))
        dip_dictionary_add_pair (self, head, clean->str);
      g_string_free (clean, TRUE);
    }
}

static gboolean
load_dictd (DipDictionary *self, const char *index_path, const char *data, gsize length,
            GError **error)
{
  g_autofree char *base = g_strndup (index_path, strlen (index_path) - strlen (".index"));
  g_autofree char *dz = g_strconcat (base, ".dict.dz", NULL);
  g_autofree char *plain = g_strconcat (base, ".dict", NULL);
  const char *dict_path = g_file_test (dz, G_FILE_TEST_EXISTS) ? dz : plain;
  g_autoptr (GBytes) body = read_dict_body (dict_path, error);
  if (body == NULL)
    return FALSE;
  gsize body_length;
  const char *body_data = g_bytes_get_data (body, &body_length);

  guint line_number = 0;
  const char *end = data + length;
  for (const char *line = data; line < end; line_number++)
    {
      const char *eol = memchr (line, '\n', end - line);
      if (eol == NULL)
        eol = end;
      const char *tab1 = memchr (line, '\t', eol - line);
      const char *tab2 = tab1 ? memchr (tab1 + 1, '\t', eol - tab1 - 1) : NULL;
      guint64 offset, size;
      if (tab1 == NULL || tab2 == NULL
          || !decode_dictd_number (tab1 + 1, tab2 - tab1 - 1, &offset)
          || !decode_dictd_number (tab2 + 1, eol - tab2 - 1, &size))
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                       "%s:%u: not a dictd index line", index_path, line_number + 1);
          return FALSE;
        }
      line = eol + 1;
      if (offset > body_length || size > body_length - offset)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_CORRUPT,
                       "%s:%u: entry points past the end of %s", index_path, line_number + 1,
                       dict_path);
          return FALSE;
        }
      if (size > 0)
        add_dictd_entry (self, body_data + offset, size);
    }
  return TRUE;
}

gboolean
dip_dictionary_add_file (DipDictionary *self, const char *path, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *index_path = NULL;

  /* The .dict.dz (or .dict) may be given instead of its index. */
  if (g_str_has_suffix (path, ".dict.dz") || g_str_has_suffix (path, ".dict"))
    {
      gsize cut = strlen (path) - (g_str_has_suffix (path, ".dz") ? strlen (".dict.dz")
                                                                   : strlen (".dict"));
      g_autofree char *base = g_strndup (path, cut);
      index_path = g_strconcat (base, ".index", NULL);
    }
  const char *read_path = index_path ? index_path : path;
  if (!g_file_get_contents (read_path, &contents, &length, error))
    return FALSE;
  return g_str_has_suffix (read_path, ".index") ? load_dictd (self, read_path, contents, length, error)
                                                : load_tsv (self, read_path, contents, length, error);
}

DipDictionary *
dip_dictionary_load (const char *path, GError **error)
{
  g_autoptr (DipDictionary) self = dip_dictionary_new ();

  if (!dip_dictionary_add_file (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* FreeDict names its dictionaries by ISO 639-3 codes, which for the
   languages it has are ICU's three-letter codes ("it" -> "ita"). */
static char *
freedict_language (const char *tag)
{
  g_autofree char *primary = dip_language_tag_primary (tag);
  const char *code = uloc_getISO3Language (primary);
  return code != NULL && strlen (code) == 3 ? g_strdup (code) : NULL;
}

char *
dip_dictionary_find_installed (const char *source_lang, const char *target_lang, const char *dir)
{
  g_return_val_if_fail (source_lang != NULL && target_lang != NULL, NULL);

  g_autofree char *a = freedict_language (source_lang);
  g_autofree char *b = freedict_language (target_lang);
  if (a == NULL || b == NULL || g_str_equal (a, b))
    return NULL;
  const char *pairs[2][2] = { { a, b }, { b, a } };
  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      g_autofree char *name = g_strdup_printf ("freedict-%s-%s", pairs[p][0], pairs[p][1]);
      g_autofree char *base = g_build_filename (dir ? dir : DIP_DICTD_DIR, name, NULL);
      g_autofree char *index = g_strconcat (base, ".index", NULL);
      g_autofree char *body = g_strconcat (base, ".dict.dz", NULL);
      g_autofree char *plain = g_strconcat (base, ".dict", NULL);
      if (g_file_test (index, G_FILE_TEST_IS_REGULAR)
          && (g_file_test (body, G_FILE_TEST_IS_REGULAR)
              || g_file_test (plain, G_FILE_TEST_IS_REGULAR)))
        return g_steal_pointer (&index);
    }
  return NULL;
}
