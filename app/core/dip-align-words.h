/* dip-align-words.h — words as the aligner sees them: folded, transliterated
 * to ASCII, and turned into integer keys that match across languages. */
#pragma once

#include <glib.h>
#include <diptych/dip-dictionary.h>

G_BEGIN_DECLS

typedef struct _DipWordTable DipWordTable;

DipWordTable *dip_word_table_new (GError **error);
void          dip_word_table_free (DipWordTable *self);

/* Teaches the table the names of numbers in `lang` (a BCP 47 tag), so that
 * "sedici" and "sixteen" match "16", and "terza" and "third" match "3".
 * Call before tokenizing: a word is analysed once. Does nothing for a
 * language ICU cannot spell out. */
void          dip_word_table_add_number_words (DipWordTable *self,
                                               const char   *lang);

/* Splits `text` into words (ICU word breaks) and appends their type ids to
 * `types` (guint32). Punctuation and spaces are not words. */
void          dip_word_table_tokenize (DipWordTable *self,
                                       const char   *text,
                                       GArray       *types);

guint         dip_word_table_get_n_types (DipWordTable *self);
const char   *dip_word_table_get_folded (DipWordTable *self,
                                         guint32       type);

/* Whether a type takes part in matching: numbers and words of three
 * letters or more. Shorter words are mostly function words whose look-alikes
 * across languages mean nothing. */
gboolean      dip_word_table_is_content (DipWordTable *self,
                                         guint32       type);

/* Appends the keys a word matches on as it is: its folded form, its
 * digits if it is a number, its ASCII prefix (cognates, names written with
 * other diacritics or scripts), and the keys it shares with its loose
 * cognates. Nothing for a word that is not content. */
void          dip_word_table_append_keys (DipWordTable  *self,
                                          guint32        type,
                                          GArray        *keys);

/* Appends the keys of a word's translations in `dictionary` (their folded
 * forms and ASCII prefixes), trying shorter headwords for an inflected
 * form the dictionary lacks. Nothing for a word under four letters, and
 * no translation under four letters (a function word of the other side). */
void          dip_word_table_append_dictionary_keys (DipWordTable  *self,
                                                     guint32        type,
                                                     DipDictionary *dictionary,
                                                     GArray        *keys);

/* Appends the folded forms of the word's learnt translations
 * (`translations`: type + 1 → GArray of guint32 target types). */
void          dip_word_table_append_learnt_keys (DipWordTable *self,
                                                 guint32       type,
                                                 GHashTable   *translations,
                                                 GArray       *keys);

/* Gives each word of `a` (guint32 types) and each word of `b` that are
 * cognates, though their first letters part within the cognate prefix
 * ("pazienti", "patients"), a key they share. Call before keys are read.
 * Does nothing when it would take more than `most_comparisons` comparisons
 * of words with the same first letter. Returns the number of pairs linked. */
guint         dip_word_table_link_loose_cognates (DipWordTable *self,
                                                  const GArray *a,
                                                  const GArray *b,
                                                  guint64       most_comparisons);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipWordTable, dip_word_table_free)

G_END_DECLS
