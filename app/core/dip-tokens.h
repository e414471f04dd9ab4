/* dip-tokens.h — the words of a text, by ICU's word break iterator, with
 * character offsets and case-folded forms. Internal to libdiptych: the
 * term matcher, the checks and the glossary suggester share it. */
#pragma once

#include <glib.h>

typedef enum
{
  DIP_TOKEN_SPACE,    /* white space */
  DIP_TOKEN_PUNCT,    /* anything else that is not a word or number */
  DIP_TOKEN_WORD,     /* letters, maybe with inner apostrophes, dots or digits ("U.S", "G7") */
  DIP_TOKEN_NUMBER,   /* starts with a digit: "2024", "1.000,5", "14th" */
  DIP_TOKEN_CLITIC,   /* an elided article or a possessive split off a word: "dell'", "'s" */
} DipTokenKind;

typedef struct
{
  DipTokenKind kind;
  guint        start;       /* offsets in characters (code points) of the text */
  guint        end;
  guint        byte_start;  /* the same span in bytes of the UTF-8 text */
  guint        byte_end;
  guint        surface;     /* offset in DipTokens.strings: the text, apostrophes folded */
  guint        folded;      /* offset in DipTokens.strings: case-folded surface */
} DipToken;

/* The tokens of one text. Reused across texts to spare allocations:
 * dip_tokenizer_split clears it first. */
typedef struct
{
  GArray  *tokens;     /* DipToken */
  GString *strings;    /* NUL-separated surfaces and folded forms */
  guint    n_chars;    /* length of the text in characters */
} DipTokens;

typedef struct _DipTokenizer DipTokenizer;

/* A tokenizer for `lang` (BCP 47): ICU's word rules for the locale plus
 * the language's clitics (Italian and French elisions such as "dell'",
 * the English possessive "'s") split off as tokens of their own. */
DipTokenizer *dip_tokenizer_new (const char *lang, GError **error);
void          dip_tokenizer_free (DipTokenizer *tokenizer);

DipTokens    *dip_tokens_new (void);
void          dip_tokens_free (DipTokens *tokens);

/* Splits `text` (valid UTF-8; `length` -1 when NUL-terminated) into
 * `tokens`, covering every character: SPACE and PUNCT tokens fill the gaps
 * between words. */
gboolean      dip_tokenizer_split (DipTokenizer *tokenizer,
                                   const char   *text,
                                   gssize        length,
                                   DipTokens    *tokens,
                                   GError      **error);

static inline const DipToken *
dip_tokens_get (const DipTokens *tokens, guint i)
{
  return &g_array_index (tokens->tokens, DipToken, i);
}

static inline const char *
dip_tokens_surface (const DipTokens *tokens, guint i)
{
  return tokens->strings->str + dip_tokens_get (tokens, i)->surface;
}

static inline const char *
dip_tokens_folded (const DipTokens *tokens, guint i)
{
  return tokens->strings->str + dip_tokens_get (tokens, i)->folded;
}

/* A word or number a reader would count ("l'" and "'s" are not). */
static inline gboolean
dip_token_is_word (const DipToken *token)
{
  return token->kind == DIP_TOKEN_WORD || token->kind == DIP_TOKEN_NUMBER;
}

/* Word shapes spelling leaves alone: "NATO", "G7". */
gboolean      dip_word_is_acronym (const char *surface);
gboolean      dip_word_has_digit (const char *surface);

/* Case-folded copy of `text` (ICU full case folding) with typographic
 * apostrophes folded to "'": the form under which words are compared. */
char         *dip_fold_case (const char *text, gssize length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipTokenizer, dip_tokenizer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipTokens, dip_tokens_free)
