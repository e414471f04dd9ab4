/* dip-terms.h — finding glossary terms in tokenized text, on hunspell
 * stems and case-folded, so that "partenariati strategici" is an
 * occurrence of "partenariato strategico". Internal to libdiptych. */
#pragma once

#include <glib.h>

#include "dip-lexicon.h"
#include "dip-tokens.h"

typedef struct _DipTermIndex DipTermIndex;

typedef struct
{
  guint term;         /* the number dip_term_index_add gave */
  guint first_token;  /* tokens [first_token, last_token] of the text */
  guint last_token;
  guint start;        /* characters [start, end) of the text */
  guint end;
} DipTermMatch;

/* An empty index for terms of one language. `tokenizer` and `lexicon` are
 * borrowed and must outlive the index. */
DipTermIndex *dip_term_index_new (DipTokenizer *tokenizer, DipLexicon *lexicon);
void          dip_term_index_free (DipTermIndex *index);

/* Adds `term` and returns its number (0, 1, …), or -1 when the term has no
 * words. The same term (case-folded) added again gets the same number.
 * A case-sensitive term matches only words written exactly as in it. */
int           dip_term_index_add (DipTermIndex *index, const char *term, gboolean case_sensitive);

guint         dip_term_index_get_size (DipTermIndex *index);

/* How many words the term has. */
guint         dip_term_index_get_length (DipTermIndex *index, guint term);

/* Every occurrence of every term in `tokens`, as DipTermMatch in text
 * order, into `matches` (emptied first). A term's words match a text's
 * words when their stem sets intersect or their folded forms are equal;
 * between them the text may have only spaces and hyphens. Overlapping
 * occurrences of different terms are all reported. */
void          dip_term_index_find (DipTermIndex    *index,
                                   const DipTokens *tokens,
                                   GArray          *matches);

/* The same with each token's lexicon entry already looked up (NULL for
 * tokens that are not words), as the checks have them. */
void          dip_term_index_find_words (DipTermIndex          *index,
                                         const DipTokens       *tokens,
                                         DipLexiconWord *const *words,
                                         GArray                *matches);

/* Does `word` (one word as written) match word `k` of `term`? For tests of
 * the matching rule in both directions. */
gboolean      dip_term_index_word_matches (DipTermIndex *index,
                                           guint         term,
                                           guint         k,
                                           const char   *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipTermIndex, dip_term_index_free)
