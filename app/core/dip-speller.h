/* dip-speller.h — a hunspell dictionary, found by language tag. Internal to
 * libdiptych (the checker and language identification share it). */
#pragma once

#include <glib.h>

typedef struct _DipSpeller DipSpeller;

/* Dictionary names ("en_GB", "it_IT") installed in `dir`, sorted. */
GPtrArray  *dip_speller_list_installed (const char *dir);

/* The dictionary for a BCP 47 tag: the exact region if installed ("en-GB" →
 * en_GB), else the language's own region (it → it_IT), else any region of
 * the language. NULL with DIP_ERROR_NOT_FOUND when none is installed. */
DipSpeller *dip_speller_open (const char *dir, const char *lang, GError **error);
void        dip_speller_free (DipSpeller *speller);

const char *dip_speller_get_name (DipSpeller *speller);

/* Is `word` (UTF-8, apostrophes already folded) spelled correctly? */
gboolean    dip_speller_check (DipSpeller *speller, const char *word);

/* hunspell's stems of `word` (UTF-8), as an array of UTF-8 strings; empty
 * when hunspell knows none. */
GPtrArray  *dip_speller_stems (DipSpeller *speller, const char *word);

/* Up to `max` corrections for `word`, best first, as UTF-8 strings. Slow
 * (tens of milliseconds a word): callers cache. */
GPtrArray  *dip_speller_suggest (DipSpeller *speller, const char *word, guint max);

/* Accepts `word` from now on (for this speller only, not on disk). FALSE
 * when the dictionary's charset cannot hold it. */
gboolean    dip_speller_add_word (DipSpeller *speller, const char *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipSpeller, dip_speller_free)
