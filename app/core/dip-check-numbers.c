/* dip-check-numbers.c — numbers that differ between the sides.
 *
 * Each side's numbers are read in that language's format (ICU's decimal
 * and grouping marks: Italian 1.000,5 is English 1,000.5), ordinal
 * endings dropped (14th is 14), and compared as values, so that only a
 * number one side has and the other lacks is reported.
 */
#include "dip-config.h"

#include <math.h>
#include <string.h>

#include <unicode/unum.h>

#include <diptych/diptych.h>

#include "dip-checks-private.h"

typedef struct
{
  double value;
  guint  start;      /* characters in the side text */
  guint  end;
  guint  token;
  gboolean matched;
} Number;

static gunichar
symbol (UNumberFormat *format, UNumberFormatSymbol which, gunichar fallback)
{
  UChar buffer[8];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = unum_getSymbol (format, which, buffer, G_N_ELEMENTS (buffer), &status);
  return U_SUCCESS (status) && n == 1 ? buffer[0] : fallback;
}

void
dip_check_numbers_init (DipCheckRun *run)
{
  for (guint side = 0; side < 2; side++)
    {
      g_autofree char *locale = g_strdelimit (g_strdup (run->lang[side]), "-", '_');
      UErrorCode status = U_ZERO_ERROR;
      UNumberFormat *format = unum_open (UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
      run->decimal_mark[side] = format ? symbol (format, UNUM_DECIMAL_SEPARATOR_SYMBOL, '.') : '.';
      run->group_mark[side] = format ? symbol (format, UNUM_GROUPING_SEPARATOR_SYMBOL, ',') : ',';
      if (format)
        unum_close (format);
    }
}

static gboolean
is_mark (gunichar c)
{
  return c == '.' || c == ',' || c == '\'' || c == 0x00A0 || c == 0x202F || c == 0x2019;
}

/* Do the digit groups look like thousands: the first of one to three
 * digits, every later one of three? */
static gboolean
thousands_groups (const GArray *groups)
{
  if (groups->len < 2 || g_array_index (groups, guint, 0) > 3)
    return FALSE;
  for (guint i = 1; i < groups->len; i++)
    if (g_array_index (groups, guint, i) != 3)
      return FALSE;
  return TRUE;
}

/* Is the last mark of a number a decimal mark? `decimal` is the
 * language's. Mixed marks ("1.000,5", "1,000.5"): the last one is,
 * whatever the language says, since writers follow the other convention
 * often enough. One kind of mark: it groups thousands when the groups
 * look so and it is not the language's decimal mark used once ("2,000"
 * in Italian is 2); otherwise it is decimal ("3.5" in Italian is 3.5). */
static gboolean
last_mark_is_decimal (gunichar first, gunichar last, guint n_marks, const GArray *groups,
                      gunichar decimal)
{
  if (first != last)
    return TRUE;
  if (n_marks == 1 && last == decimal)
    return TRUE;
  return !thousands_groups (groups);
}

/* The value of the numeric start of `text` ("1.000,5", "14th", "51%"). */
static double
parse_number (const char *text, gunichar decimal)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (guint));
  gunichar first = 0, last = 0;
  guint n_marks = 0, group = 0;
  gsize last_mark_at = 0;   /* in `digits` */

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isdigit (c))
        {
          g_string_append_c (digits, (char) c);
          group++;
          continue;
        }
      /* A mark counts only between digits: "14." ends the number. */
      if (!is_mark (c) || !g_ascii_isdigit (*g_utf8_next_char (p)))
        break;
      first = n_marks++ == 0 ? c : first;
      last = c;
      g_array_append_val (groups, group);
      group = 0;
      last_mark_at = digits->len;
    }
  g_array_append_val (groups, group);

  if (n_marks > 0 && last_mark_is_decimal (first, last, n_marks, groups, decimal))
    g_string_insert_c (digits, (gssize) last_mark_at, '.');
  return g_ascii_strtod (digits->str, NULL);
}

/* Numbers of a side; "1 000" with a no-break space is one number. */
static GArray *
collect_numbers (DipCheckRun *run, const DipTokens *tokens, DipSide side)
{
  GArray *numbers = g_array_new (FALSE, TRUE, sizeof (Number));
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (tokens, i);
      if (token->kind != DIP_TOKEN_NUMBER)
        continue;
      g_autoptr (GString) text = g_string_new (dip_tokens_surface (tokens, i));
      guint last = i;
      while (last + 2 < tokens->tokens->len
             && g_str_equal (dip_tokens_surface (tokens, last + 1), "\u00A0")
             && dip_tokens_get (tokens, last + 2)->kind == DIP_TOKEN_NUMBER
             && strlen (dip_tokens_surface (tokens, last + 2)) == 3)
        {
          g_string_append (text, dip_tokens_surface (tokens, last + 2));
          last += 2;
        }
      Number n = {
        .value = parse_number (text->str, run->decimal_mark[side]),
        .start = token->start,
        .end = dip_tokens_get (tokens, last)->end,
        .token = i,
      };
      g_array_append_val (numbers, n);
      i = last;
    }
  return numbers;
}

static gboolean
same_value (double a, double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

/* Pairs each number with an equal one of the other side. */
static void
match_numbers (GArray *a, GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      Number *x = &g_array_index (a, Number, i);
      for (guint k = 0; k < b->len && !x->matched; k++)
        {
          Number *y = &g_array_index (b, Number, k);
          if (!y->matched && same_value (x->value, y->value))
            x->matched = y->matched = TRUE;
        }
    }
}

static GPtrArray *
unmatched_surfaces (GArray *numbers, const DipTokens *tokens)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < numbers->len; i++)
    {
      const Number *n = &g_array_index (numbers, Number, i);
      if (!n->matched)
        g_ptr_array_add (out, g_strdup (dip_tokens_surface (tokens, n->token)));
    }
  return out;
}

static void
report_unmatched (DipCheckRun *run, DipCheckBead *bead, DipSide side, GArray *numbers,
                  GArray *others)
{
  const DipTokens *tokens = bead->tokens[side];
  DipSide other = side == DIP_SIDE_SOURCE ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE;
  for (guint i = 0; i < numbers->len; i++)
    {
      const Number *n = &g_array_index (numbers, Number, i);
      if (n->matched)
        continue;
      /* What the other side has instead is the likely fix. */
      GPtrArray *suggestions = side == DIP_SIDE_TARGET
                                 ? unmatched_surfaces (others, bead->tokens[other])
                                 : NULL;
      dip_check_report (run, bead->index, DIP_CHECK_NUMBER_MISMATCH, side, n->start, n->end,
                        suggestions, "“%s” in the %s is not in the %s",
                        dip_tokens_surface (tokens, n->token), dip_side_to_string (side),
                        dip_side_to_string (other));
    }
}

void
dip_check_numbers_bead (DipCheckRun *run, DipCheckBead *bead)
{
  /* An omission (1-0) or insertion (0-1) bead has nothing to compare. */
  if (*bead->text[DIP_SIDE_SOURCE] == '\0' || *bead->text[DIP_SIDE_TARGET] == '\0')
    return;
  g_autoptr (GArray) src = collect_numbers (run, bead->tokens[DIP_SIDE_SOURCE], DIP_SIDE_SOURCE);
  g_autoptr (GArray) tgt = collect_numbers (run, bead->tokens[DIP_SIDE_TARGET], DIP_SIDE_TARGET);
  match_numbers (src, tgt);
  report_unmatched (run, bead, DIP_SIDE_SOURCE, src, tgt);
  report_unmatched (run, bead, DIP_SIDE_TARGET, tgt, src);
}
