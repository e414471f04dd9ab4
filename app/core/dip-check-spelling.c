/* dip-check-spelling.c — words not in the hunspell dictionary of their
 * side's language.
 *
 * Not errors: glossary terms, the project's and the shipped word lists
 * (already in the lexicon), acronyms, words with digits, and words that
 * appear identically on the other side of the bead, which are names and
 * codes carried over ("Stoltenberg", "Sejong"). A capitalised word the
 * other side of its bead lacks (a summary leaves names out, a 1-0 bead
 * has no other side) is still a name if the other side of the project
 * has it anywhere, so those wait for the end of the pass.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-checks-private.h"

/* An unknown capitalised word waiting for the end of the pass. */
typedef struct
{
  guint    index;
  DipSide  side;
  guint    start;
  guint    end;
  char    *surface;
} Held;

struct _DipCheckSpelling
{
  GHashTable *capitalised[2];   /* capitalised words seen on each side of the project */
  GArray     *held;             /* Held */
};

static void
held_clear (gpointer data)
{
  g_free (((Held *) data)->surface);
}

DipCheckSpelling *
dip_check_spelling_new (void)
{
  DipCheckSpelling *self = g_new0 (DipCheckSpelling, 1);
  for (guint s = 0; s < 2; s++)
    self->capitalised[s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->held = g_array_new (FALSE, FALSE, sizeof (Held));
  g_array_set_clear_func (self->held, held_clear);
  return self;
}

void
dip_check_spelling_free (DipCheckSpelling *self)
{
  if (self == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    g_hash_table_unref (self->capitalised[s]);
  g_array_unref (self->held);
  g_free (self);
}

static gboolean
is_capitalised (const char *surface)
{
  return g_unichar_isupper (g_utf8_get_char (surface));
}

static void
collect_capitalised (DipCheckSpelling *self, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const char *surface = dip_tokens_surface (tokens, i);
      if (dip_tokens_get (tokens, i)->kind == DIP_TOKEN_WORD && is_capitalised (surface)
          && !g_hash_table_contains (self->capitalised[side], surface))
        g_hash_table_add (self->capitalised[side], g_strdup (surface));
    }
}

static gboolean
is_hyphen (const DipTokens *tokens, guint i)
{
  const char *s = dip_tokens_surface (tokens, i);
  return dip_tokens_get (tokens, i)->kind == DIP_TOKEN_PUNCT
         && (g_str_equal (s, "-") || g_str_equal (s, "\u2010") || g_str_equal (s, "\u2011"));
}

/* The last token of the hyphenated compound starting at word `i`
 * ("military-technical", "Seong-chang"); `i` itself when there is none. */
static guint
compound_end (const DipTokens *tokens, guint i)
{
  guint last = i;
  while (last + 2 < tokens->tokens->len && is_hyphen (tokens, last + 1)
         && dip_tokens_get (tokens, last + 2)->kind == DIP_TOKEN_WORD)
    last += 2;
  return last;
}

static void
fill_other_side (DipCheckRun *run, const DipTokens *tokens)
{
  g_hash_table_remove_all (run->other_side);
  for (guint i = 0; i < tokens->tokens->len; i++)
    if (dip_token_is_word (dip_tokens_get (tokens, i)))
      g_hash_table_add (run->other_side, (gpointer) dip_tokens_surface (tokens, i));
}

/* Without the other side there is no telling a name from a typo by
 * comparing: capitalised words are taken as names then. */
static gboolean
is_exempt (DipCheckRun *run, DipCheckBead *bead, DipSide side, guint i)
{
  const DipTokens *tokens = bead->tokens[side];
  const char *surface = dip_tokens_surface (tokens, i);
  DipSide other = side == DIP_SIDE_SOURCE ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE;
  return dip_word_has_digit (surface) || dip_word_is_acronym (surface)
         || g_hash_table_contains (run->other_side, surface)
         || dip_check_terms_has_word (run, side, dip_tokens_folded (tokens, i))
         || (*bead->text[other] == '\0' && is_capitalised (surface));
}

static gboolean
is_known (DipLexicon *lexicon, DipCheckBead *bead, DipSide side, guint i)
{
  const DipTokens *tokens = bead->tokens[side];
  const char *surface = dip_tokens_surface (tokens, i);
  if (dip_lexicon_word_check (lexicon, dip_check_bead_word (bead, side, i), surface))
    return TRUE;
  /* "U.S", "e.g", "Dom" are tokens of abbreviations written with a
   * final full stop: look them up with it. */
  if (i + 1 < tokens->tokens->len && dip_tokens_surface (tokens, i + 1)[0] == '.')
    {
      g_autofree char *dotted = g_strconcat (surface, ".", NULL);
      return dip_lexicon_check (lexicon, dotted);
    }
  return FALSE;
}

/* Reports a misspelling. */
static void
report (DipCheckRun *run, Held *held)
{
  DipLexicon *lexicon = run->lexicon[held->side];
  GPtrArray *known = dip_lexicon_suggest (lexicon, held->surface);
  GPtrArray *suggestions = g_ptr_array_new_full (known->len, g_free);
  for (guint k = 0; k < known->len; k++)
    g_ptr_array_add (suggestions, g_strdup (g_ptr_array_index (known, k)));
  dip_check_report (run, held->index, DIP_CHECK_SPELLING, held->side, held->start, held->end,
                    suggestions, "“%s” is not in the %s dictionary", held->surface,
                    dip_lexicon_get_dictionary_name (lexicon));
}

static void
check_word (DipCheckRun *run, DipCheckBead *bead, DipSide side, guint i)
{
  const DipTokens *tokens = bead->tokens[side];
  DipLexicon *lexicon = run->lexicon[side];
  if (is_known (lexicon, bead, side, i) || is_exempt (run, bead, side, i))
    return;

  const char *surface = dip_tokens_surface (tokens, i);
  const DipToken *token = dip_tokens_get (tokens, i);
  Held held = { bead->index, side, token->start, token->end, g_strdup (surface) };
  if (is_capitalised (surface))
    {
      g_array_append_val (run->spelling->held, held);
      return;
    }
  report (run, &held);
  held_clear (&held);
}

/* A compound the dictionary or the other side knows whole is fine even
 * if a part alone is not ("co-operation": "co"). */
static gboolean
compound_is_known (DipCheckRun *run, DipCheckBead *bead, DipSide side, guint first, guint last)
{
  const DipTokens *tokens = bead->tokens[side];
  const DipToken *a = dip_tokens_get (tokens, first);
  const DipToken *b = dip_tokens_get (tokens, last);
  g_autofree char *raw = g_strndup (bead->text[side] + a->byte_start, b->byte_end - a->byte_start);
  g_autofree char *compound = dip_text_fold_apostrophes (raw);
  return g_hash_table_contains (run->other_side, compound)
         || dip_lexicon_check (run->lexicon[side], compound);
}

/* Almost every side has only known words: find that out from the cache
 * before building anything else. */
static gboolean
has_unknown_word (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  for (guint i = 0; i < tokens->tokens->len; i++)
    if (dip_tokens_get (tokens, i)->kind == DIP_TOKEN_WORD
        && !dip_lexicon_word_check (run->lexicon[side], dip_check_bead_word (bead, side, i),
                                    dip_tokens_surface (tokens, i)))
      return TRUE;
  return FALSE;
}

static gboolean
parts_known (DipCheckRun *run, DipCheckBead *bead, DipSide side, guint first, guint last)
{
  for (guint k = first; k <= last; k += 2)
    if (!dip_lexicon_word_check (run->lexicon[side], dip_check_bead_word (bead, side, k),
                                 dip_tokens_surface (bead->tokens[side], k)))
      return FALSE;
  return TRUE;
}

static void
check_side (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  if (!has_unknown_word (run, bead, side))
    return;
  fill_other_side (run, bead->tokens[side == DIP_SIDE_SOURCE ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE]);
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      if (dip_tokens_get (tokens, i)->kind != DIP_TOKEN_WORD)
        continue;
      guint last = compound_end (tokens, i);
      if (last > i && (parts_known (run, bead, side, i, last)
                       || compound_is_known (run, bead, side, i, last)))
        {
          i = last;
          continue;
        }
      for (guint k = i; k <= last; k += 2)
        check_word (run, bead, side, k);
      i = last;
    }
}

void
dip_check_spelling_bead (DipCheckRun *run, DipCheckBead *bead)
{
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      collect_capitalised (run->spelling, bead, side);
      if (!bead->skip[side] && dip_lexicon_has_dictionary (run->lexicon[side]))
        check_side (run, bead, side);
    }
}

void
dip_check_spelling_finish (DipCheckRun *run)
{
  DipCheckSpelling *self = run->spelling;
  for (guint i = 0; i < self->held->len; i++)
    {
      Held *held = &g_array_index (self->held, Held, i);
      DipSide other = held->side == DIP_SIDE_SOURCE ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE;
      if (!g_hash_table_contains (self->capitalised[other], held->surface))
        report (run, held);
    }
  g_array_set_size (self->held, 0);
}
