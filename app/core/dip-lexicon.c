/* dip-lexicon.c — one language's dictionary, cached per word.
 *
 * A project of 100 000 beads has millions of running words but only tens
 * of thousands of distinct ones, and hunspell is slow where it matters
 * (a suggestion costs tens of milliseconds), so every answer is kept.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-lexicon.h"
#include "dip-speller.h"
#include "dip-tokens.h"

#define MAX_SUGGESTIONS 5
#define MIN_SHARED_PREFIX 3
#define MIN_STEM_SHARE 0.6

typedef struct _DipLexiconWord
{
  guint32   *stems;
  guint      n_stems;
  gint8      correct;       /* -1: not asked yet */
  GPtrArray *suggestions;   /* NULL: not asked yet */
} Word;

struct _DipLexicon
{
  DipSpeller *speller;      /* NULL without a dictionary */
  GHashTable *words;        /* surface → Word* */
  GHashTable *stem_ids;     /* folded stem → id (GUINT_TO_POINTER (id + 1)) */
  GHashTable *accepted;     /* folded words accepted besides the dictionary */
};

static void
word_free (gpointer data)
{
  Word *word = data;
  g_free (word->stems);
  g_clear_pointer (&word->suggestions, g_ptr_array_unref);
  g_free (word);
}

DipLexicon *
dip_lexicon_new (const char *lang, const char *hunspell_dir)
{
  DipLexicon *self = g_new0 (DipLexicon, 1);
  self->speller = dip_speller_open (hunspell_dir, lang, NULL);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_free);
  self->stem_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
dip_lexicon_free (DipLexicon *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->speller, dip_speller_free);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->stem_ids);
  g_hash_table_unref (self->accepted);
  g_free (self);
}

gboolean
dip_lexicon_has_dictionary (DipLexicon *self)
{
  return self->speller != NULL;
}

const char *
dip_lexicon_get_dictionary_name (DipLexicon *self)
{
  return self->speller ? dip_speller_get_name (self->speller) : NULL;
}

static Word *
lookup (DipLexicon *self, const char *surface)
{
  Word *word = g_hash_table_lookup (self->words, surface);
  if (word == NULL)
    {
      word = g_new0 (Word, 1);
      word->correct = -1;
      g_hash_table_insert (self->words, g_strdup (surface), word);
    }
  return word;
}

void
dip_lexicon_accept (DipLexicon *self, const char *word)
{
  g_hash_table_add (self->accepted, dip_fold_case (word, -1));
  if (self->speller)
    dip_speller_add_word (self->speller, word);
  /* Answers given before are stale now, for every spelling of it. */
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init (&iter, self->words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((Word *) value)->correct = -1;
}

gboolean
dip_lexicon_accept_word_lists (DipLexicon *self, const char *lang, const char *dictionaries_dir,
                               GPtrArray *project_words, GError **error)
{
  g_autofree char *primary = dip_language_tag_primary (lang);
  g_autofree char *file_name = g_strconcat (primary, ".txt", NULL);
  g_autofree char *dir = dictionaries_dir ? g_strdup (dictionaries_dir) : dip_dictionaries_dir ();
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !dip_lexicon_accept_file (self, path, error))
    return FALSE;

  for (guint i = 0; i < project_words->len; i++)
    {
      const DipWord *w = g_ptr_array_index (project_words, i);
      g_autofree char *word_primary = dip_language_tag_primary (w->lang);
      if (g_str_equal (word_primary, primary))
        dip_lexicon_accept (self, w->word);
    }
  return TRUE;
}

gboolean
dip_lexicon_accept_file (DipLexicon *self, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr (GError) local_error = NULL;
  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  if (size == 0)
    return TRUE;
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  g_autoptr (DipText) text = dip_text_new_from_bytes (bytes, path, error);
  if (text == NULL)
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (text->text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line != '\0' && *line != '#')
        dip_lexicon_accept (self, line);
    }
  return TRUE;
}

DipLexiconWord *
dip_lexicon_lookup (DipLexicon *self, const char *surface)
{
  return lookup (self, surface);
}

gboolean
dip_lexicon_check (DipLexicon *self, const char *surface)
{
  return dip_lexicon_word_check (self, lookup (self, surface), surface);
}

gboolean
dip_lexicon_word_check (DipLexicon *self, Word *word, const char *surface)
{
  if (self->speller == NULL)
    return TRUE;
  if (word->correct < 0)
    {
      gboolean ok = dip_speller_check (self->speller, surface);
      if (!ok)
        {
          g_autofree char *folded = dip_fold_case (surface, -1);
          ok = g_hash_table_contains (self->accepted, folded);
        }
      word->correct = ok ? 1 : 0;
    }
  return word->correct == 1;
}

GPtrArray *
dip_lexicon_suggest (DipLexicon *self, const char *surface)
{
  Word *word = lookup (self, surface);
  if (word->suggestions == NULL)
    word->suggestions = self->speller
                          ? dip_speller_suggest (self->speller, surface, MAX_SUGGESTIONS)
                          : g_ptr_array_new_with_free_func (g_free);
  return word->suggestions;
}

static guint32
intern (DipLexicon *self, const char *folded)
{
  gpointer id = g_hash_table_lookup (self->stem_ids, folded);
  if (id != NULL)
    return GPOINTER_TO_UINT (id) - 1;
  guint32 next = g_hash_table_size (self->stem_ids);
  g_hash_table_insert (self->stem_ids, g_strdup (folded), GUINT_TO_POINTER (next + 1));
  return next;
}

/* A stem that keeps the start of the word and most of its length only
 * strips an ending (partenariati → partenariato, governo → governare);
 * others come from prefix rules or suppletion and over-reach. */
static gboolean
is_suffix_stem (const char *stem, const char *word)
{
  glong stem_len = g_utf8_strlen (stem, -1);
  glong word_len = g_utf8_strlen (word, -1);
  glong shared = 0;
  const char *a = stem, *b = word;
  while (*a && *b && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      shared++;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return shared >= MIN (MIN_SHARED_PREFIX, stem_len) && stem_len >= MIN_STEM_SHARE * word_len;
}

static void
add_stem (GArray *ids, guint32 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, guint32, i) == id)
      return;
  g_array_append_val (ids, id);
}

const guint32 *
dip_lexicon_stems (DipLexicon *self, const char *surface, const char *folded, guint *out_n)
{
  return dip_lexicon_word_stems (self, lookup (self, surface), surface, folded, out_n);
}

const guint32 *
dip_lexicon_word_stems (DipLexicon *self, Word *word, const char *surface, const char *folded,
                        guint *out_n)
{
  if (word->stems == NULL)
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
      add_stem (ids, intern (self, folded));
      g_autoptr (GPtrArray) stems = self->speller ? dip_speller_stems (self->speller, surface)
                                                  : NULL;
      for (guint i = 0; stems && i < stems->len; i++)
        {
          g_autofree char *stem = dip_fold_case (g_ptr_array_index (stems, i), -1);
          if (is_suffix_stem (stem, folded))
            add_stem (ids, intern (self, stem));
        }
      word->n_stems = ids->len;
      word->stems = (guint32 *) g_array_free (g_steal_pointer (&ids), FALSE);
    }
  *out_n = word->n_stems;
  return word->stems;
}

gboolean
dip_stems_intersect (const guint32 *a, guint n_a, const guint32 *b, guint n_b)
{
  for (guint i = 0; i < n_a; i++)
    for (guint k = 0; k < n_b; k++)
      if (a[i] == b[k])
        return TRUE;
  return FALSE;
}
