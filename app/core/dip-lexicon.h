/* dip-lexicon.h — what the checks ask of one language's hunspell
 * dictionary, cached per word: is it spelled right, what are its stems,
 * what could it be instead. Internal to libdiptych. */
#pragma once

#include <glib.h>

typedef struct _DipLexicon DipLexicon;

/* A lexicon for `lang` (BCP 47) from the hunspell dictionaries in
 * `hunspell_dir` (NULL: the system's). Without an installed dictionary the
 * lexicon still works: every word is its own only stem and spelling is not
 * judged (dip_lexicon_has_dictionary says so). */
DipLexicon     *dip_lexicon_new (const char *lang, const char *hunspell_dir);
void            dip_lexicon_free (DipLexicon *lexicon);

gboolean        dip_lexicon_has_dictionary (DipLexicon *lexicon);
/* "en_GB", or NULL without a dictionary. */
const char     *dip_lexicon_get_dictionary_name (DipLexicon *lexicon);

/* Accepts `word` as correctly spelled from now on (project word list,
 * shipped extra words). */
void            dip_lexicon_accept (DipLexicon *lexicon, const char *word);

/* Accepts the shipped word list of `lang` (DICTIONARIES_DIR/xx.txt, NULL:
 * dip_dictionaries_dir ()) and the `project_words` (DipWord*) of its
 * language. */
gboolean        dip_lexicon_accept_word_lists (DipLexicon  *lexicon,
                                               const char  *lang,
                                               const char  *dictionaries_dir,
                                               GPtrArray   *project_words,
                                               GError     **error);
/* Accepts every word of a word list file: one word a line, "#" comments. */
gboolean        dip_lexicon_accept_file (DipLexicon *lexicon, const char *path, GError **error);

/* Is `surface` (a word as written, apostrophes folded) correct? TRUE
 * without a dictionary. */
gboolean        dip_lexicon_check (DipLexicon *lexicon, const char *surface);

/* hunspell's corrections for `surface`, best first; borrowed, cached. */
GPtrArray      *dip_lexicon_suggest (DipLexicon *lexicon, const char *surface);

/* The stems of a word as interned ids: its case-folded form `folded`
 * itself plus hunspell's stems of `surface` that only strip or change an
 * ending. Prefix-stripping stems are left out on purpose: en_GB stems
 * "cooperation" to "operate", which would make "co-operation" contain
 * "cooperation". Borrowed, cached; `*out_n` >= 1. */
const guint32  *dip_lexicon_stems (DipLexicon *lexicon,
                                   const char *surface,
                                   const char *folded,
                                   guint      *out_n);

/* The cache entry of a word, made on first use: a handle that spares the
 * hash look-up when a caller asks several things about the same running
 * word. Borrowed; lives as long as the lexicon. */
typedef struct _DipLexiconWord DipLexiconWord;

DipLexiconWord *dip_lexicon_lookup (DipLexicon *lexicon, const char *surface);
gboolean        dip_lexicon_word_check (DipLexicon     *lexicon,
                                        DipLexiconWord *word,
                                        const char     *surface);
const guint32  *dip_lexicon_word_stems (DipLexicon     *lexicon,
                                        DipLexiconWord *word,
                                        const char     *surface,
                                        const char     *folded,
                                        guint          *out_n);

/* Do two stem sets share a stem? */
gboolean        dip_stems_intersect (const guint32 *a, guint n_a, const guint32 *b, guint n_b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipLexicon, dip_lexicon_free)
