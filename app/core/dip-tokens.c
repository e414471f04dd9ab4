/* dip-tokens.c — words of a text with ICU's word break iterator.
 *
 * Checks and term matching run over every bead of a project, so a
 * tokenizer keeps its ICU iterator and buffers between texts: splitting a
 * text allocates nothing once the buffers have grown to fit.
 */
#include "dip-config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <diptych/diptych.h>

#include "dip-tokens.h"
#include "dip-utf16.h"

/* Articles and prepositions that elide before a vowel ("dell'accordo",
 * "l'agence"): split off so that the word after them is matched and
 * spell-checked on its own. */
static const char *const italian_elisions[] = {
  "l", "un", "dell", "nell", "all", "dall", "sull", "coll", "pell", "quell", "quest", "bell",
  "sant", "tutt", "d", "c", "m", "t", "s", "v", "n", "gl", "anch", "senz", "nessun", "alcun",
  "ciascun", "qualcun", "buon", "mezz", "grand", "null", "altr", "dev", "dov", "com", "cos",
  NULL,
};
static const char *const french_elisions[] = {
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
  "presqu", "quelqu", NULL,
};

struct _DipTokenizer
{
  UBreakIterator     *iterator;
  const char *const  *elisions;     /* NULL: the language elides nothing */
  gboolean            possessive;   /* split a final "'s" */

  /* buffers reused across texts */
  UChar              *chars;
  guint32            *char_at;      /* UTF-16 index → character offset */
  guint32            *byte_at;      /* UTF-16 index → byte offset */
  gsize               capacity;     /* of the three above, in UTF-16 units */
  UChar              *fold;
  gsize               fold_capacity;
};

void
dip_tokenizer_free (DipTokenizer *tokenizer)
{
  if (tokenizer == NULL)
    return;
  if (tokenizer->iterator)
    ubrk_close (tokenizer->iterator);
  g_free (tokenizer->chars);
  g_free (tokenizer->char_at);
  g_free (tokenizer->byte_at);
  g_free (tokenizer->fold);
  g_free (tokenizer);
}

DipTokenizer *
dip_tokenizer_new (const char *lang, GError **error)
{
  g_autofree char *primary = dip_language_tag_primary (lang);
  g_autofree char *locale = g_strdup (lang);
  g_strdelimit (locale, "-", '_');

  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open (UBRK_WORD, locale, NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "ICU word iterator for “%s”: %s", lang,
                   u_errorName (status));
      return NULL;
    }

  DipTokenizer *tokenizer = g_new0 (DipTokenizer, 1);
  tokenizer->iterator = iterator;
  if (g_str_equal (primary, "it"))
    tokenizer->elisions = italian_elisions;
  else if (g_str_equal (primary, "fr"))
    tokenizer->elisions = french_elisions;
  tokenizer->possessive = g_str_equal (primary, "en");
  return tokenizer;
}

DipTokens *
dip_tokens_new (void)
{
  DipTokens *tokens = g_new0 (DipTokens, 1);
  tokens->tokens = g_array_new (FALSE, FALSE, sizeof (DipToken));
  tokens->strings = g_string_new (NULL);
  return tokens;
}

void
dip_tokens_free (DipTokens *tokens)
{
  if (tokens == NULL)
    return;
  g_array_unref (tokens->tokens);
  g_string_free (tokens->strings, TRUE);
  g_free (tokens);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == 0x2019 || c == 0x02BC;
}

/* Fills the UTF-16 buffer with `text`, apostrophes folded, and the maps
 * back to characters and bytes. Returns the UTF-16 length. */
static gsize
load_text (DipTokenizer *self, const char *text, gsize length, guint *out_n_chars)
{
  /* A UTF-8 text never needs more UTF-16 units than it has bytes. */
  if (length + 1 > self->capacity)
    {
      self->capacity = MAX (length + 1, self->capacity * 2);
      self->chars = g_renew (UChar, self->chars, self->capacity);
      self->char_at = g_renew (guint32, self->char_at, self->capacity);
      self->byte_at = g_renew (guint32, self->byte_at, self->capacity);
    }

  gsize n = 0;
  guint32 n_chars = 0;
  const char *end = text + length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);
      guint32 byte = (guint32) (p - text);
      if (is_apostrophe (c))
        c = '\'';
      if (c > 0xFFFF)
        {
          self->chars[n] = U16_LEAD (c);
          self->char_at[n] = n_chars;
          self->byte_at[n++] = byte;
          self->chars[n] = U16_TRAIL (c);
        }
      else
        self->chars[n] = (UChar) c;
      self->char_at[n] = n_chars;
      self->byte_at[n++] = byte;
    }
  self->char_at[n] = n_chars;
  self->byte_at[n] = (guint32) length;
  *out_n_chars = n_chars;
  return n;
}

static gboolean
is_ascii (const UChar *chars, int32_t count)
{
  for (int32_t i = 0; i < count; i++)
    if (chars[i] > 0x7F)
      return FALSE;
  return TRUE;
}

/* Most words of Western text are ASCII: copy or lower-case them without
 * a trip through ICU. */
static guint
append_ascii (GString *strings, const UChar *chars, int32_t count, gboolean lower)
{
  guint offset = (guint) strings->len;
  for (int32_t i = 0; i < count; i++)
    g_string_append_c (strings, lower ? g_ascii_tolower ((char) chars[i]) : (char) chars[i]);
  g_string_append_c (strings, '\0');
  return offset;
}

/* Appends chars[from, to) as UTF-8 plus a NUL; returns its offset. */
static guint
append_utf8 (GString *strings, const UChar *chars, int32_t count)
{
  if (is_ascii (chars, count))
    return append_ascii (strings, chars, count, FALSE);
  guint offset = (guint) strings->len;
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  /* At most 3 bytes per UTF-16 unit. */
  gsize room = (gsize) count * 3 + 1;
  g_string_set_size (strings, offset + room);
  u_strToUTF8 (strings->str + offset, (int32_t) room, &needed, chars, count, &status);
  if (U_FAILURE (status))
    needed = 0;
  g_string_set_size (strings, offset + (gsize) needed + 1);
  strings->str[offset + needed] = '\0';
  return offset;
}

static guint
append_folded (DipTokenizer *self, GString *strings, const UChar *chars, int32_t count)
{
  if (is_ascii (chars, count))
    return append_ascii (strings, chars, count, TRUE);
  /* Full case folding can grow a string (ß → ss), at most threefold. */
  gsize room = (gsize) count * 3 + 1;
  if (room > self->fold_capacity)
    {
      self->fold_capacity = MAX (room, 64);
      self->fold = g_renew (UChar, self->fold, self->fold_capacity);
    }
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_strFoldCase (self->fold, (int32_t) self->fold_capacity, chars, count,
                             U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE (status))
    return append_utf8 (strings, chars, count);
  return append_utf8 (strings, self->fold, n);
}

static DipTokenKind
classify (const UChar *chars, int32_t count, int32_t rule_status)
{
  if (rule_status >= UBRK_WORD_NONE && rule_status < UBRK_WORD_NONE_LIMIT)
    {
      for (int32_t i = 0; i < count; i++)
        if (!u_isUWhiteSpace (chars[i]))
          return DIP_TOKEN_PUNCT;
      return DIP_TOKEN_SPACE;
    }
  UChar32 first;
  int32_t i = 0;
  U16_NEXT (chars, i, count, first);
  return u_isdigit (first) ? DIP_TOKEN_NUMBER : DIP_TOKEN_WORD;
}

static void
add_token (DipTokenizer *self, DipTokens *tokens, DipTokenKind kind, gsize from, gsize to)
{
  DipToken token = {
    .kind = kind,
    .start = self->char_at[from],
    .end = self->char_at[to],
    .byte_start = self->byte_at[from],
    .byte_end = self->byte_at[to],
  };
  token.surface = append_utf8 (tokens->strings, self->chars + from, (int32_t) (to - from));
  /* Spaces and punctuation have no case: spare them the folding. */
  token.folded = kind == DIP_TOKEN_SPACE || kind == DIP_TOKEN_PUNCT
                   ? token.surface
                   : append_folded (self, tokens->strings, self->chars + from,
                                    (int32_t) (to - from));
  g_array_append_val (tokens->tokens, token);
}

static gboolean
is_elision (const char *const *elisions, const UChar *chars, gsize count)
{
  char prefix[16];
  if (count == 0 || count >= sizeof prefix)
    return FALSE;
  for (gsize i = 0; i < count; i++)
    {
      if (chars[i] > 0x7F)
        return FALSE;
      prefix[i] = g_ascii_tolower ((char) chars[i]);
    }
  prefix[count] = '\0';
  for (guint i = 0; elisions[i]; i++)
    if (strcmp (elisions[i], prefix) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the word chars[from, to), with its clitics split off. */
static void
add_word (DipTokenizer *self, DipTokens *tokens, DipTokenKind kind, gsize from, gsize to)
{
  if (kind == DIP_TOKEN_WORD && self->elisions)
    {
      for (gsize i = from + 1; i + 1 < to; i++)
        if (self->chars[i] == '\'')
          {
            if (!is_elision (self->elisions, self->chars + from, i - from))
              break;
            add_token (self, tokens, DIP_TOKEN_CLITIC, from, i + 1);
            from = i + 1;
          }
    }
  if (kind == DIP_TOKEN_WORD && self->possessive && to - from > 2
      && self->chars[to - 2] == '\'' && (self->chars[to - 1] == 's' || self->chars[to - 1] == 'S'))
    {
      add_token (self, tokens, kind, from, to - 2);
      add_token (self, tokens, DIP_TOKEN_CLITIC, to - 2, to);
      return;
    }
  add_token (self, tokens, kind, from, to);
}

gboolean
dip_tokenizer_split (DipTokenizer *self, const char *text, gssize length, DipTokens *tokens,
                     GError **error)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  g_array_set_size (tokens->tokens, 0);
  g_string_truncate (tokens->strings, 0);
  if (len > G_MAXINT32 / 4)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "text of %" G_GSIZE_FORMAT " bytes is too long to check", len);
      return FALSE;
    }

  gsize n = load_text (self, text, len, &tokens->n_chars);
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText (self->iterator, self->chars, (int32_t) n, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "ICU word iterator: %s",
                   u_errorName (status));
      return FALSE;
    }

  int32_t start = ubrk_first (self->iterator);
  for (int32_t end = ubrk_next (self->iterator); end != UBRK_DONE;
       start = end, end = ubrk_next (self->iterator))
    {
      DipTokenKind kind = classify (self->chars + start, end - start,
                                    ubrk_getRuleStatus (self->iterator));
      if (kind == DIP_TOKEN_WORD || kind == DIP_TOKEN_NUMBER)
        add_word (self, tokens, kind, (gsize) start, (gsize) end);
      else
        add_token (self, tokens, kind, (gsize) start, (gsize) end);
    }
  return TRUE;
}

gboolean
dip_word_is_acronym (const char *surface)
{
  guint letters = 0;
  for (const char *p = surface; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isalpha (c);
    }
  return letters >= 2;
}

gboolean
dip_word_has_digit (const char *surface)
{
  for (const char *p = surface; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

char *
dip_fold_case (const char *text, gssize length)
{
  g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  g_autofree char *folded = dip_text_fold_apostrophes (copy);
  g_autoptr (DipUtf16) in = dip_utf16_new_from_utf8 (folded, strlen (folded), NULL);
  if (in == NULL)
    return g_steal_pointer (&folded);

  /* Full case folding grows a string at most threefold (ß → ss). */
  int32_t cap = in->length * 3 + 1;
  g_autofree UChar *out = g_new (UChar, cap);
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_strFoldCase (out, cap, in->chars, in->length, U_FOLD_CASE_DEFAULT, &status);
  char *result = U_SUCCESS (status) ? dip_utf16_to_utf8 (out, n, NULL) : NULL;
  return result ? result : g_steal_pointer (&folded);
}
