/* dip-words.h — the project's own word list: words the spelling check
 * accepts besides the hunspell dictionary (names, house terms). */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <diptych/dip-project.h>

G_BEGIN_DECLS

typedef struct
{
  char *lang;   /* BCP 47 */
  char *word;
} DipWord;

void        dip_word_free (DipWord *word);

/* Adds `word` for `lang` (BCP 47). A word is one token: no spaces, at most
 * 100 characters. Adding a word that is already there is not an error;
 * `out_added` (may be NULL) tells whether it was new. */
gboolean    dip_project_add_word (DipProject  *self,
                                  const char  *lang,
                                  const char  *word,
                                  gboolean    *out_added,
                                  GError     **error);

/* DIP_ERROR_NOT_FOUND when the word is not in the list. */
gboolean    dip_project_remove_word (DipProject  *self,
                                     const char  *lang,
                                     const char  *word,
                                     GError     **error);

/* The words of `lang` (NULL: all), sorted. Array of DipWord*. */
GPtrArray  *dip_project_list_words (DipProject  *self,
                                    const char  *lang,
                                    GError     **error);

/* Where the word lists shipped with Diptych are: $DIP_DICTIONARIES_DIR
 * when set, else the installed dictionaries/ folder, else the source
 * tree's (for running from a build directory). Newly allocated; the
 * folder may not exist. */
char       *dip_dictionaries_dir (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipWord, dip_word_free)

G_END_DECLS
