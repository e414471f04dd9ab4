/* dip-checks-private.h — what the check files share: one run over the
 * beads of a project. Internal to libdiptych.
 *
 * dip-checks.c walks the beads and calls, for each bead, the per-bead
 * checks of dip-check-*.c; checks that compare beads (consistency, term
 * consistency) collect what they need per bead and report at the end.
 */
#pragma once

#include <diptych/diptych.h>

#include "dip-lexicon.h"
#include "dip-terms.h"
#include "dip-tokens.h"

typedef struct _DipCheckTerms DipCheckTerms;
typedef struct _DipCheckConsistency DipCheckConsistency;
typedef struct _DipCheckSpelling DipCheckSpelling;

/* One bead while it is being checked. */
typedef struct
{
  gint64       id;
  guint        index;          /* order of the bead in the run */
  const char  *text[2];        /* side texts; "" for an empty side */
  DipTokens   *tokens[2];
  GArray      *terms[2];       /* DipTermMatch of glossary terms in each side */
  gboolean     skip[2];        /* side is untranslated or in another language:
                                * word-level checks would only add noise */
  GString     *normalized[2];  /* dip_check_normalize of each side */
  GPtrArray   *words[2];       /* DipLexiconWord* per token; NULL but for words */
} DipCheckBead;

/* The lexicon entry of token `i` of a side, or NULL if it is no word. */
static inline DipLexiconWord *
dip_check_bead_word (const DipCheckBead *bead, DipSide side, guint i)
{
  return g_ptr_array_index (bead->words[side], i);
}

typedef struct
{
  guint                 kinds;
  const char           *lang[2];
  DipTokenizer         *tokenizer[2];
  DipLexicon           *lexicon[2];
  DipLangId            *langid;
  DipCheckTerms        *terms;
  DipCheckConsistency  *consistency;
  DipCheckSpelling     *spelling;
  gunichar              decimal_mark[2];
  gunichar              group_mark[2];
  GHashTable           *other_side;     /* scratch: surfaces of the bead's other side */
  GArray               *pending;        /* DipCheckPending, in the order found */
  GPtrArray            *texts;          /* char*: [2 * index + side], for findings */
  GArray               *bead_ids;       /* gint64 per index */
} DipCheckRun;

typedef struct
{
  guint       index;     /* of the bead, for sorting */
  DipFinding *finding;
} DipCheckPending;

static inline gboolean
dip_check_wanted (const DipCheckRun *run, DipCheckKind kind)
{
  return (run->kinds & (1u << kind)) != 0;
}

/* Adds a finding on characters [start, end) of side `side` of bead
 * `index`; takes `suggestions` (may be NULL). */
void      dip_check_report (DipCheckRun  *run,
                            guint         index,
                            DipCheckKind  kind,
                            DipSide       side,
                            guint         start,
                            guint         end,
                            GPtrArray    *suggestions,
                            const char   *format,
                            ...) G_GNUC_PRINTF (8, 9);

/* A segment text as compared across beads and sides, from its tokens:
 * case-folded, quotes and apostrophes of every kind as ASCII, white space
 * runs as one space, trimmed. Into `out`, emptied first. */
void      dip_check_normalize (const DipTokens *tokens, GString *out);

/* "English", from ICU, for messages. */
char     *dip_check_language_name (const char *lang);

/* Does the word look like a name or code: starts upper-case, or holds a
 * digit? */
gboolean  dip_check_is_name_like (const char *surface);

/* dip-check-terms.c: term-missing, term-forbidden, term-inconsistent. */
DipCheckTerms *dip_check_terms_new (DipCheckRun *run, GPtrArray *glossary);
void           dip_check_terms_free (DipCheckTerms *terms);
/* Finds the glossary terms of both sides (fills bead->terms). */
void           dip_check_terms_match (DipCheckRun *run, DipCheckBead *bead);
/* Is `folded` a word of a glossary term of `side`? */
gboolean       dip_check_terms_has_word (DipCheckRun *run, DipSide side, const char *folded);
void           dip_check_terms_bead (DipCheckRun *run, DipCheckBead *bead);
void           dip_check_terms_finish (DipCheckRun *run);

/* dip-check-consistency.c: inconsistent-target, inconsistent-source. */
DipCheckConsistency *dip_check_consistency_new (void);
void                 dip_check_consistency_free (DipCheckConsistency *consistency);
void                 dip_check_consistency_bead (DipCheckRun *run, DipCheckBead *bead);
void                 dip_check_consistency_finish (DipCheckRun *run);

/* dip-check-language.c: untranslated, wrong-language (sets bead->skip). */
void      dip_check_language_bead (DipCheckRun *run, DipCheckBead *bead);

/* dip-check-spelling.c. Unknown capitalised words are held until the
 * end: they are names if the other side has them anywhere. */
DipCheckSpelling *dip_check_spelling_new (void);
void              dip_check_spelling_free (DipCheckSpelling *spelling);
void              dip_check_spelling_bead (DipCheckRun *run, DipCheckBead *bead);
void              dip_check_spelling_finish (DipCheckRun *run);

/* dip-check-numbers.c: number-mismatch. _init reads each side's decimal
 * and grouping marks from ICU. */
void      dip_check_numbers_init (DipCheckRun *run);
void      dip_check_numbers_bead (DipCheckRun *run, DipCheckBead *bead);

/* dip-check-typography.c: repeated-word, double-space. */
void      dip_check_typography_bead (DipCheckRun *run, DipCheckBead *bead);
