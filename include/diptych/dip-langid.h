/* dip-langid.h — which language a paragraph is in, by hunspell hit rate. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DipLangId DipLangId;

/* Uses every hunspell dictionary installed in `dictionary_dir` (NULL: the
 * system's). Dictionaries are loaded only when first needed. */
DipLangId  *dip_langid_new (const char *dictionary_dir);
void        dip_langid_free (DipLangId *langid);

/* The language of `text`, given that the document it comes from is said to
 * be in `expected` (a BCP 47 tag). Returns `expected` unless another
 * installed language explains the words clearly better; the result is a
 * BCP 47 tag ("ro", or `expected` itself), newly allocated. Texts too short
 * to judge keep `expected`. */
char       *dip_langid_guess (DipLangId  *langid,
                              const char *text,
                              gssize      length,
                              const char *expected);

/* The share of words of `text` that the dictionary of `lang` accepts, in
 * [0,1], or -1 when no dictionary for `lang` is installed. */
double      dip_langid_hit_rate (DipLangId  *langid,
                                 const char *text,
                                 gssize      length,
                                 const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipLangId, dip_langid_free)

G_END_DECLS
