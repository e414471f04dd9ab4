/* dip-terms.c — stem-aware term matching.
 *
 * One-word terms are indexed by every stem of their word, longer terms by
 * every pair of stems of their first two words. Finding all of thousands
 * of terms in a text then costs a few hash look-ups per word, plus a walk
 * over the few terms whose first two words already matched: a large
 * glossary has many terms starting with the same word ("Consiglio di …").
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-terms.h"

typedef struct
{
  char         *surface;
  char         *folded;
  guint32      *stems;
  guint         n_stems;
  DipTokenKind  kind;
} TermWord;

typedef struct
{
  GArray   *words;           /* TermWord */
  gboolean  case_sensitive;
} Term;

struct _DipTermIndex
{
  DipTokenizer *tokenizer;   /* borrowed */
  DipLexicon   *lexicon;     /* borrowed */
  GArray       *terms;       /* Term */
  GHashTable   *by_text;     /* "c:" or "i:" + folded term → number + 1 */
  GHashTable   *by_stem;     /* one-word terms: stem id + 1 → GArray of term numbers */
  GHashTable   *by_pair;     /* longer terms: gint64 (first stem << 32 | second) → GArray */
  guint64      *seen;        /* per term: the last stamp it was tried at */
  guint64       stamp;
  DipTokens    *scratch;
  GArray       *text_stems;  /* TokenStems per token of the text being searched */
};

/* A text word's stems, looked up once per search rather than once per
 * term tried on it, and the next word a term could continue with. */
typedef struct
{
  const guint32 *stems;
  guint          n;
  guint          next;   /* token index, or G_MAXUINT */
} TokenStems;

static void
term_word_clear (gpointer data)
{
  TermWord *w = data;
  g_free (w->surface);
  g_free (w->folded);
  g_free (w->stems);
}

static void
term_clear (gpointer data)
{
  Term *t = data;
  g_array_unref (t->words);
}

static guint64
pair_key (guint32 first, guint32 second)
{
  return ((guint64) first << 32) | second;
}

/* g_int64_hash keeps only the low half, which would put every pair with
 * the same second stem in one bucket. */
static guint
pair_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint) (k >> 32);
}

DipTermIndex *
dip_term_index_new (DipTokenizer *tokenizer, DipLexicon *lexicon)
{
  DipTermIndex *self = g_new0 (DipTermIndex, 1);
  self->tokenizer = tokenizer;
  self->lexicon = lexicon;
  self->terms = g_array_new (FALSE, TRUE, sizeof (Term));
  g_array_set_clear_func (self->terms, term_clear);
  self->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_stem = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_array_unref);
  self->by_pair = g_hash_table_new_full (pair_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  self->scratch = dip_tokens_new ();
  self->text_stems = g_array_new (FALSE, TRUE, sizeof (TokenStems));
  return self;
}

void
dip_term_index_free (DipTermIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->terms);
  g_hash_table_unref (self->by_text);
  g_hash_table_unref (self->by_stem);
  g_hash_table_unref (self->by_pair);
  dip_tokens_free (self->scratch);
  g_array_unref (self->text_stems);
  g_free (self->seen);
  g_free (self);
}

guint
dip_term_index_get_size (DipTermIndex *self)
{
  return self->terms->len;
}

guint
dip_term_index_get_length (DipTermIndex *self, guint term)
{
  g_return_val_if_fail (term < self->terms->len, 0);
  return g_array_index (self->terms, Term, term).words->len;
}

static gboolean
is_term_word (const DipToken *token)
{
  return token->kind == DIP_TOKEN_WORD || token->kind == DIP_TOKEN_NUMBER
         || token->kind == DIP_TOKEN_CLITIC;
}

/* Only spaces and hyphens may separate the words of one occurrence:
 * "military-technical" is "military technical", but a comma or a full
 * stop ends a term. */
static gboolean
is_term_gap (const DipTokens *tokens, guint i)
{
  const DipToken *token = dip_tokens_get (tokens, i);
  if (token->kind == DIP_TOKEN_SPACE)
    return TRUE;
  if (token->kind != DIP_TOKEN_PUNCT)
    return FALSE;
  for (const char *p = dip_tokens_surface (tokens, i); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != '-' && c != 0x2010 && c != 0x2011)
        return FALSE;
    }
  return TRUE;
}

/* Appends `number` unless the list ends with it: a term can reach one
 * key through several stems. */
static void
append_posting (GArray *list, guint number)
{
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != number)
    g_array_append_val (list, number);
}

static void
post_stem (DipTermIndex *self, guint32 stem, guint number)
{
  gpointer key = GUINT_TO_POINTER (stem + 1);
  GArray *list = g_hash_table_lookup (self->by_stem, key);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->by_stem, key, list);
    }
  append_posting (list, number);
}

static void
post_pair (DipTermIndex *self, gint64 key, guint number)
{
  GArray *list = g_hash_table_lookup (self->by_pair, &key);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (self->by_pair, g_memdup2 (&key, sizeof key), list);
    }
  append_posting (list, number);
}

static void
index_term (DipTermIndex *self, const Term *term, guint number)
{
  const TermWord *first = &g_array_index (term->words, TermWord, 0);
  if (term->words->len == 1)
    {
      for (guint i = 0; i < first->n_stems; i++)
        post_stem (self, first->stems[i], number);
      return;
    }
  const TermWord *second = &g_array_index (term->words, TermWord, 1);
  for (guint i = 0; i < first->n_stems; i++)
    for (guint k = 0; k < second->n_stems; k++)
      post_pair (self, (gint64) pair_key (first->stems[i], second->stems[k]), number);
}

int
dip_term_index_add (DipTermIndex *self, const char *term, gboolean case_sensitive)
{
  DipTokens *tokens = self->scratch;
  if (!dip_tokenizer_split (self->tokenizer, term, -1, tokens, NULL))
    return -1;

  Term t = { g_array_new (FALSE, TRUE, sizeof (TermWord)), case_sensitive };
  g_array_set_clear_func (t.words, term_word_clear);
  GString *key = g_string_new (case_sensitive ? "c:" : "i:");
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (tokens, i);
      if (!is_term_word (token))
        continue;
      TermWord w = {
        .surface = g_strdup (dip_tokens_surface (tokens, i)),
        .folded = g_strdup (dip_tokens_folded (tokens, i)),
        .kind = token->kind,
      };
      guint n;
      const guint32 *stems = dip_lexicon_stems (self->lexicon, w.surface, w.folded, &n);
      /* A clitic matches only itself: "l'" has no stems worth sharing. */
      w.n_stems = token->kind == DIP_TOKEN_CLITIC ? 1 : n;
      w.stems = g_memdup2 (stems, sizeof (guint32) * w.n_stems);
      g_array_append_val (t.words, w);
      g_string_append_printf (key, "%s ", case_sensitive ? w.surface : w.folded);
    }

  gpointer known = g_hash_table_lookup (self->by_text, key->str);
  if (t.words->len == 0 || known != NULL)
    {
      g_array_unref (t.words);
      g_string_free (key, TRUE);
      return known ? (int) GPOINTER_TO_UINT (known) - 1 : -1;
    }

  guint number = self->terms->len;
  g_hash_table_insert (self->by_text, g_string_free (key, FALSE), GUINT_TO_POINTER (number + 1));
  g_array_append_val (self->terms, t);
  index_term (self, &t, number);
  self->seen = g_renew (guint64, self->seen, self->terms->len);
  self->seen[number] = 0;
  return (int) number;
}

/* Does word `w` of `term` match token `i`? Stem sets hold the folded
 * word itself, so intersecting them also catches equal folded forms. */
/* Does word `w` of `term` match token `i`? Stem sets hold the folded
 * word itself, so intersecting them also catches equal folded forms. */
static gboolean
word_matches (const Term *term, const TermWord *w, const DipTokens *tokens, guint i,
              const TokenStems *stems)
{
  const DipToken *token = dip_tokens_get (tokens, i);
  if (!is_term_word (token) || (w->kind == DIP_TOKEN_CLITIC) != (token->kind == DIP_TOKEN_CLITIC))
    return FALSE;
  if (term->case_sensitive)
    return strcmp (w->surface, dip_tokens_surface (tokens, i)) == 0;
  if (w->kind == DIP_TOKEN_CLITIC)
    return w->stems[0] == stems->stems[0];
  return dip_stems_intersect (w->stems, w->n_stems, stems->stems, stems->n);
}

static void
try_term (DipTermIndex *self, guint number, const DipTokens *tokens, guint first, GArray *matches)
{
  const Term *term = &g_array_index (self->terms, Term, number);
  const TokenStems *text = (const TokenStems *) (gpointer) self->text_stems->data;
  guint j = first;
  for (guint k = 0; k < term->words->len; k++)
    {
      if (k > 0 && (j = text[j].next) == G_MAXUINT)
        return;
      if (!word_matches (term, &g_array_index (term->words, TermWord, k), tokens, j, &text[j]))
        return;
    }
  DipTermMatch match = {
    .term = number,
    .first_token = first,
    .last_token = j,
    .start = dip_tokens_get (tokens, first)->start,
    .end = dip_tokens_get (tokens, j)->end,
  };
  g_array_append_val (matches, match);
}

/* Tries each term of a posting list once per start word. */
static void
try_list (DipTermIndex *self, GArray *list, const DipTokens *tokens, guint first, GArray *matches)
{
  for (guint c = 0; list && c < list->len; c++)
    {
      guint number = g_array_index (list, guint, c);
      if (self->seen[number] == self->stamp)
        continue;
      self->seen[number] = self->stamp;
      try_term (self, number, tokens, first, matches);
    }
}

/* Matches starting at one word come in stem order; put them in term
 * order so that results do not depend on hashing. Few, so insertion. */
static void
sort_by_term (GArray *matches, guint from)
{
  DipTermMatch *m = (DipTermMatch *) (gpointer) matches->data;
  for (guint i = from + 1; i < matches->len; i++)
    for (guint k = i; k > from && m[k - 1].term > m[k].term; k--)
      {
        DipTermMatch swap = m[k];
        m[k] = m[k - 1];
        m[k - 1] = swap;
      }
}

/* Looks up each word's stems and the word after it. */
static void
prepare_text (DipTermIndex *self, const DipTokens *tokens, DipLexiconWord *const *words)
{
  guint n = tokens->tokens->len;
  g_array_set_size (self->text_stems, n);
  TokenStems *text = (TokenStems *) (gpointer) self->text_stems->data;
  guint next = G_MAXUINT;
  for (guint i = n; i-- > 0;)
    {
      TokenStems *t = &text[i];
      t->n = 0;
      t->next = next;
      if (is_term_word (dip_tokens_get (tokens, i)))
        {
          const char *surface = dip_tokens_surface (tokens, i);
          DipLexiconWord *word = words && words[i] ? words[i]
                                                   : dip_lexicon_lookup (self->lexicon, surface);
          t->stems = dip_lexicon_word_stems (self->lexicon, word, surface,
                                             dip_tokens_folded (tokens, i), &t->n);
          next = i;
        }
      else if (!is_term_gap (tokens, i))
        next = G_MAXUINT;
    }
}

void
dip_term_index_find (DipTermIndex *self, const DipTokens *tokens, GArray *matches)
{
  dip_term_index_find_words (self, tokens, NULL, matches);
}

void
dip_term_index_find_words (DipTermIndex *self, const DipTokens *tokens,
                           DipLexiconWord *const *words, GArray *matches)
{
  g_array_set_size (matches, 0);
  prepare_text (self, tokens, words);
  const TokenStems *text = (const TokenStems *) (gpointer) self->text_stems->data;

  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const TokenStems *t = &text[i];
      if (t->n == 0)
        continue;
      /* A term indexed under several of these stems is tried once. */
      self->stamp++;
      guint first_match = matches->len;
      for (guint s = 0; s < t->n; s++)
        try_list (self, g_hash_table_lookup (self->by_stem, GUINT_TO_POINTER (t->stems[s] + 1)),
                  tokens, i, matches);
      const TokenStems *u = t->next != G_MAXUINT ? &text[t->next] : NULL;
      for (guint s = 0; u && s < t->n; s++)
        for (guint k = 0; k < u->n; k++)
          {
            gint64 key = (gint64) pair_key (t->stems[s], u->stems[k]);
            try_list (self, g_hash_table_lookup (self->by_pair, &key), tokens, i, matches);
          }
      sort_by_term (matches, first_match);
    }
}

gboolean
dip_term_index_word_matches (DipTermIndex *self, guint term, guint k, const char *word)
{
  g_return_val_if_fail (term < self->terms->len, FALSE);
  const Term *t = &g_array_index (self->terms, Term, term);
  g_return_val_if_fail (k < t->words->len, FALSE);

  DipTokens *tokens = self->scratch;
  if (!dip_tokenizer_split (self->tokenizer, word, -1, tokens, NULL))
    return FALSE;
  for (guint i = 0; i < tokens->tokens->len; i++)
    if (is_term_word (dip_tokens_get (tokens, i)))
      {
        TokenStems stems;
        stems.stems = dip_lexicon_stems (self->lexicon, dip_tokens_surface (tokens, i),
                                         dip_tokens_folded (tokens, i), &stems.n);
        return word_matches (t, &g_array_index (t->words, TermWord, k), tokens, i, &stems);
      }
  return FALSE;
}
