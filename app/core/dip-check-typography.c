/* dip-check-typography.c — doubled words ("the the") and runs of spaces. */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-checks-private.h"

/* English doubles that are grammar, not typos: "he had had enough",
 * "he said that that was all". */
static const char *const legitimate_doubles[] = { "had", "that", NULL };

static gboolean
is_space_char (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == '\t';
}

static void
check_repeated_words (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  const DipTokens *tokens = bead->tokens[side];
  g_autofree char *primary = dip_language_tag_primary (run->lang[side]);
  gboolean english = g_str_equal (primary, "en");
  guint previous = G_MAXUINT;   /* the last word, if only spaces followed it */

  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (tokens, i);
      if (token->kind == DIP_TOKEN_SPACE)
        continue;
      if (token->kind != DIP_TOKEN_WORD)
        {
          previous = G_MAXUINT;
          continue;
        }
      const char *folded = dip_tokens_folded (tokens, i);
      if (previous != G_MAXUINT && strcmp (folded, dip_tokens_folded (tokens, previous)) == 0
          && !(english && g_strv_contains (legitimate_doubles, folded)))
        {
          GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (suggestions, g_strdup (dip_tokens_surface (tokens, previous)));
          dip_check_report (run, bead->index, DIP_CHECK_REPEATED_WORD, side,
                            dip_tokens_get (tokens, previous)->start, token->end, suggestions,
                            "“%s” is repeated", dip_tokens_surface (tokens, i));
        }
      previous = i;
    }
}

static void
check_double_spaces (DipCheckRun *run, DipCheckBead *bead, DipSide side)
{
  guint position = 0, run_start = 0, run_length = 0;
  for (const char *p = bead->text[side];; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      if (*p != '\0' && is_space_char (c))
        {
          if (run_length++ == 0)
            run_start = position;
          continue;
        }
      if (run_length >= 2)
        {
          GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (suggestions, g_strdup (" "));
          dip_check_report (run, bead->index, DIP_CHECK_DOUBLE_SPACE, side, run_start,
                            run_start + run_length, suggestions, "%u spaces in a row",
                            run_length);
        }
      run_length = 0;
      if (*p == '\0')
        break;
    }
}

void
dip_check_typography_bead (DipCheckRun *run, DipCheckBead *bead)
{
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      if (dip_check_wanted (run, DIP_CHECK_REPEATED_WORD))
        check_repeated_words (run, bead, side);
      if (dip_check_wanted (run, DIP_CHECK_DOUBLE_SPACE))
        check_double_spaces (run, bead, side);
    }
}
