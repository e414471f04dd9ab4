/* dip-spelling.h — spelling of one side's text as a person types it: the
 * words the side's hunspell dictionary, the shipped word list and the
 * project's word list do not know, with corrections, and "add to
 * dictionary" into the project's word list. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <diptych/dip-checks.h>

G_BEGIN_DECLS

typedef struct _DipSpellChecker DipSpellChecker;

/* A misspelt word: characters (code points) [start, end) of the text. */
typedef struct
{
  guint start;
  guint end;
} DipSpan;

/* A checker for `side` of the project, in that side's language. `options`
 * may be NULL (the system's hunspell dictionaries, the shipped lists).
 * Without an installed dictionary it works and finds nothing. */
DipSpellChecker *dip_spell_checker_new (DipProject            *project,
                                        DipSide                side,
                                        const DipCheckOptions *options,
                                        GError               **error);
void             dip_spell_checker_free (DipSpellChecker *self);

/* Is spelling judged at all (a dictionary is installed)? */
gboolean         dip_spell_checker_has_dictionary (DipSpellChecker *self);

/* The misspelt words of `text` (valid UTF-8), in order. Capitalised
 * words are taken as names, as are acronyms and words with digits.
 * Array of DipSpan. */
GArray          *dip_spell_checker_check (DipSpellChecker *self,
                                          const char      *text);

/* Corrections for `word`, best first (char*). */
GPtrArray       *dip_spell_checker_suggest (DipSpellChecker *self,
                                            const char      *word);

/* Adds `word` to the project's word list for this side's language (one
 * transaction, in the edit history) and accepts it from now on. */
gboolean         dip_spell_checker_add_word (DipSpellChecker *self,
                                             const char      *word,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipSpellChecker, dip_spell_checker_free)

G_END_DECLS
