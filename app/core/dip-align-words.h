/* dip-align-words.h — words as the aligner sees them: folded, transliterated
 * to ASCII, and turned into integer keys that match across languages. */
#pragma once

#include <glib.h>
#include <diptych/dip-dictionary.h>

G_BEGIN_DECLS

typedef struct _DipWordTable DipWordTable;

DipWordTable *dip_word_table_new (GError **error);
void          dip_word_table_free (DipWordTable *self);

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

/* Appends the keys a word of the given side matches on: its folded form,
 * its digits if it is a number, its ASCII prefix (cognates, names written
 * with other diacritics or scripts) and, for source words, the folded forms
 * of its translations in `dictionary` and in the learnt `translations`
 * (type → GArray of guint32 target types; may be NULL). */
void          dip_word_table_append_keys (DipWordTable  *self,
                                          guint32        type,
                                          gboolean       source,
                                          DipDictionary *dictionary,
                                          GHashTable    *translations,
                                          GArray        *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipWordTable, dip_word_table_free)

G_END_DECLS
