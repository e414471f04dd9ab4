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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipSpeller, dip_speller_free)
