/* dip-dictionary.h — a bilingual word list for the aligner.
 *
 * Loaded from the dictd files of Debian's dict-freedict-* packages
 * (NAME.index with NAME.dict.dz or NAME.dict) or from a TSV of word pairs
 * (source TAB target, '#' comments). Pairs are used in both directions, so
 * one deu-fra dictionary serves German→French and French→German projects.
 */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DipDictionary DipDictionary;

DipDictionary *dip_dictionary_new      (void);

/* Loads `path`: a dictd .index (or the .dict.dz beside it) or a TSV. Errors
 * name the file and, for TSV, the line. */
DipDictionary *dip_dictionary_load     (const char  *path,
                                        GError     **error);

void           dip_dictionary_free     (DipDictionary *self);

/* Adds the pairs of another file (as dip_dictionary_load reads it):
 * FreeDict ships one dictionary per direction (ita-eng, eng-ita), and both
 * together know more pairs than either. */
gboolean       dip_dictionary_add_file (DipDictionary *self,
                                        const char    *path,
                                        GError       **error);

/* The .index file of the FreeDict dictionary installed in `dir` (NULL:
 * /usr/share/dictd, where dict-freedict-* packages put them) to align
 * languages `source_lang` and `target_lang` (BCP 47) with: the one from the
 * source's language when it is installed, else the other direction's
 * (freedict-ita-eng, else freedict-eng-ita, for "it" and "en-GB"). One,
 * not both: the aligner looks up the source's words, which a dictionary of
 * the source's headwords suits, and both directions at once did worse on
 * the development set (0.882 strict F1 with deu-fra and fra-deu, 0.900
 * with deu-fra alone). NULL when none is installed. */
char          *dip_dictionary_find_installed (const char *source_lang,
                                              const char *target_lang,
                                              const char *dir);

/* Adds a pair of words or multi-word terms (case is folded on lookup). */
void           dip_dictionary_add_pair (DipDictionary *self,
                                        const char    *a,
                                        const char    *b);

guint          dip_dictionary_get_n_pairs (DipDictionary *self);

/* Calls `func` for every word paired with `word` (folded), in either
 * direction. */
typedef void (*DipDictionaryFunc) (const char *translation, gpointer user_data);
void           dip_dictionary_foreach_translation (DipDictionary     *self,
                                                   const char        *folded_word,
                                                   DipDictionaryFunc  func,
                                                   gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipDictionary, dip_dictionary_free)

G_END_DECLS
