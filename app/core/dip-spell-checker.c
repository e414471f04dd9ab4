/* dip-spell-checker.c — spelling of one side's text while a person edits it.
 *
 * The project-wide spelling check (dip-check-spelling.c) can call a
 * capitalised word a name only after it has seen the whole project; an
 * editor has one sentence and must answer at each keystroke, so it takes
 * every capitalised word as a name and underlines only the rest. Words are
 * cut by the same tokenizer and judged by the same lexicon (hunspell plus
 * the shipped and the project's word lists) as the checks.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-lexicon.h"
#include "dip-tokens.h"

struct _DipSpellChecker
{
  DipProject   *project;
  char         *lang;
  DipTokenizer *tokenizer;
  DipLexicon   *lexicon;
  DipTokens    *tokens;      /* scratch, reused from one text to the next */
};

void
dip_spell_checker_free (DipSpellChecker *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->project);
  g_free (self->lang);
  g_clear_pointer (&self->tokenizer, dip_tokenizer_free);
  g_clear_pointer (&self->lexicon, dip_lexicon_free);
  g_clear_pointer (&self->tokens, dip_tokens_free);
  g_free (self);
}

DipSpellChecker *
dip_spell_checker_new (DipProject *project, DipSide side, const DipCheckOptions *options,
                       GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (project), NULL);
  g_autoptr (DipSpellChecker) self = g_new0 (DipSpellChecker, 1);

  self->project = g_object_ref (project);
  self->lang = g_strdup (dip_project_get_lang (project, side));
  self->tokenizer = dip_tokenizer_new (self->lang, error);
  if (self->tokenizer == NULL)
    return NULL;
  self->lexicon = dip_lexicon_new (self->lang, options ? options->hunspell_dir : NULL);
  self->tokens = dip_tokens_new ();
  g_autoptr (GPtrArray) words = dip_project_list_words (project, NULL, error);
  if (words == NULL
      || !dip_lexicon_accept_word_lists (self->lexicon, self->lang,
                                         options ? options->dictionaries_dir : NULL, words,
                                         error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
dip_spell_checker_has_dictionary (DipSpellChecker *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return dip_lexicon_has_dictionary (self->lexicon);
}

/* Token `i` is a word the lexicon knows, also as an abbreviation written
   with its full stop ("Dom.", "e.g."). */
static gboolean
is_known (DipSpellChecker *self, guint i)
{
  const char *surface = dip_tokens_surface (self->tokens, i);
  if (dip_lexicon_check (self->lexicon, surface))
    return TRUE;
  if (i + 1 < self->tokens->tokens->len && dip_tokens_surface (self->tokens, i + 1)[0] == '.')
    {
      g_autofree char *dotted = g_strconcat (surface, ".", NULL);
      return dip_lexicon_check (self->lexicon, dotted);
    }
  return FALSE;
}

static gboolean
is_name_like (const char *surface)
{
  return g_unichar_isupper (g_utf8_get_char (surface)) || dip_word_is_acronym (surface)
         || dip_word_has_digit (surface);
}

GArray *
dip_spell_checker_check (DipSpellChecker *self, const char *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (DipSpan));

  if (!dip_lexicon_has_dictionary (self->lexicon) || !g_utf8_validate (text, -1, NULL)
      || !dip_tokenizer_split (self->tokenizer, text, -1, self->tokens, NULL))
    return spans;
  for (guint i = 0; i < self->tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (self->tokens, i);
      const char *surface = dip_tokens_surface (self->tokens, i);
      if (token->kind != DIP_TOKEN_WORD || is_name_like (surface) || is_known (self, i))
        continue;
      DipSpan span = { token->start, token->end };
      g_array_append_val (spans, span);
    }
  return spans;
}

GPtrArray *
dip_spell_checker_suggest (DipSpellChecker *self, const char *word)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);
  /* hunspell's it_IT knows "l'agenzia", not "l’agenzia". */
  g_autofree char *folded = dip_text_fold_apostrophes (word);
  GPtrArray *known = dip_lexicon_suggest (self->lexicon, folded);
  GPtrArray *suggestions = g_ptr_array_new_full (known->len, g_free);

  for (guint i = 0; i < known->len; i++)
    g_ptr_array_add (suggestions, g_strdup (g_ptr_array_index (known, i)));
  return suggestions;
}

gboolean
dip_spell_checker_add_word (DipSpellChecker *self, const char *word, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (word != NULL, FALSE);
  if (!dip_project_add_word (self->project, self->lang, word, NULL, error))
    return FALSE;
  dip_lexicon_accept (self->lexicon, word);
  return TRUE;
}
