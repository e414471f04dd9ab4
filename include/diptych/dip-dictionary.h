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

/* The .index files of the FreeDict dictionaries installed in `dir` (NULL:
 * /usr/share/dictd, where dict-freedict-* packages put them) between the
 * languages of BCP 47 tags `lang_a` and `lang_b`, the one from `lang_a`
 * first: freedict-ita-eng, then freedict-eng-ita, for "it" and "en-GB".
 * Empty when none is installed. */
GPtrArray     *dip_dictionary_find_installed (const char *lang_a,
                                              const char *lang_b,
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
