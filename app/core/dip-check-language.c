/* dip-check-language.c — untranslated and wrong-language segments.
 *
 * These run first: a side that is a copy of the source or in another
 * language is marked so that spelling and term checks leave it alone, as
 * they would only repeat the same problem word by word.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-checks-private.h"

/* The share of lower-case words a dictionary must know for a side to be
 * taken as in its language without asking dip_langid (the same bar
 * dip_langid_guess sets), and how many such words that needs. */
#define ACCEPT_RATE 0.75
#define MIN_WORDS 3

static gboolean
has_words (const DipTokens *tokens)
{
  for (guint i = 0; i < tokens->tokens->len; i++)
    if (dip_token_is_word (dip_tokens_get (tokens, i)))
      return TRUE;
  return FALSE;
}

/* Names and numbers stay the same in a translation: a segment of only
 * those ("Vladimir Putin", "2024", "NATO") is not untranslated. */
static gboolean
only_names_or_numbers (const DipTokens *tokens)
{
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (tokens, i);
      if (token->kind == DIP_TOKEN_WORD && !dip_check_is_name_like (dip_tokens_surface (tokens, i)))
        return FALSE;
    }
  return TRUE;
}

static void
check_untranslated (DipCheckRun *run, DipCheckBead *bead)
{
  const DipTokens *src = bead->tokens[DIP_SIDE_SOURCE];
  const DipTokens *tgt = bead->tokens[DIP_SIDE_TARGET];
  gboolean wanted = dip_check_wanted (run, DIP_CHECK_UNTRANSLATED);

  if (!has_words (src))
    return;
  if (!has_words (tgt))
    {
      bead->skip[DIP_SIDE_TARGET] = TRUE;
      if (wanted)
        dip_check_report (run, bead->index, DIP_CHECK_UNTRANSLATED, DIP_SIDE_TARGET, 0,
                          tgt->n_chars, NULL, "no translation: the target is empty");
      return;
    }
  if (!g_string_equal (bead->normalized[DIP_SIDE_SOURCE], bead->normalized[DIP_SIDE_TARGET])
      || only_names_or_numbers (src))
    return;
  bead->skip[DIP_SIDE_TARGET] = TRUE;
  if (wanted)
    dip_check_report (run, bead->index, DIP_CHECK_UNTRANSLATED, DIP_SIDE_TARGET, 0,
                      tgt->n_chars, NULL, "untranslated: the target is the same as the source");
}

/* Is the side clearly in its language by its own dictionary, or too
 * short to tell? Cheap, since answers are cached per word, and true for
 * almost every segment. Only lower-case words count: names, dates and
 * acronyms are shared by every language and say nothing. */
static gboolean
plainly_in_language (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  DipLexicon *lexicon = run->lexicon[side];
  guint words = 0, known = 0;
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const char *surface = dip_tokens_surface (tokens, i);
      if (dip_tokens_get (tokens, i)->kind != DIP_TOKEN_WORD
          || !g_unichar_islower (g_utf8_get_char (surface)))
        continue;
      words++;
      known += dip_lexicon_word_check (lexicon, dip_check_bead_word (bead, side, i), surface);
    }
  return words < MIN_WORDS
         || (dip_lexicon_has_dictionary (lexicon) && known >= ACCEPT_RATE * words);
}

static void
check_wrong_language (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  if (run->langid == NULL || bead->skip[side] || !has_words (tokens)
      || plainly_in_language (run, bead, side))
    return;

  const char *expected = run->lang[side];
  g_autofree char *guess = dip_langid_guess (run->langid, bead->text[side], -1, expected);
  g_autofree char *guess_primary = dip_language_tag_primary (guess);
  g_autofree char *expected_primary = dip_language_tag_primary (expected);
  if (g_str_equal (guess_primary, expected_primary))
    return;

  bead->skip[side] = TRUE;
  if (!dip_check_wanted (run, DIP_CHECK_WRONG_LANGUAGE))
    return;
  g_autofree char *found = dip_check_language_name (guess);
  g_autofree char *wanted = dip_check_language_name (expected);
  dip_check_report (run, bead->index, DIP_CHECK_WRONG_LANGUAGE, side, 0, tokens->n_chars, NULL,
                    "the %s looks %s, not %s", dip_side_to_string (side), found, wanted);
}

void
dip_check_language_bead (DipCheckRun *run, DipCheckBead *bead)
{
  check_untranslated (run, bead);
  check_wrong_language (run, bead, DIP_SIDE_SOURCE);
  check_wrong_language (run, bead, DIP_SIDE_TARGET);
}
