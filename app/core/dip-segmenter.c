/* dip-segmenter.c — paragraphs, lines and sentences.
 *
 * A paragraph is split into lines first, because the line structure carries
 * what ICU cannot see: titles, date lines, list items and table rows are
 * segments of their own, and boilerplate lines are marked non-content.
 * Runs of ordinary prose lines are joined (they are soft-wrapped text) and
 * handed to ICU's sentence iterator for the language; a post-pass then
 * removes breaks after abbreviations listed in data/segmentation, because
 * ICU's own suppressions are incomplete ("Dr." in English) or wrong (Italian
 * stops breaking after any word ending in "on.").
 */
#include "dip-config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <diptych/diptych.h>

#include "dip-rules.h"
#include "dip-segmenter-private.h"

struct _DipSegmenter
{
  char               *lang;
  UBreakIterator     *sentences;
  DipAbbreviations   *abbreviations;
  const DipLineRules *rules;
};

void
dip_segmenter_free (DipSegmenter *segmenter)
{
  if (segmenter == NULL)
    return;
  g_clear_pointer (&segmenter->sentences, ubrk_close);
  g_clear_pointer (&segmenter->abbreviations, dip_abbreviations_free);
  g_free (segmenter->lang);
  g_free (segmenter);
}

DipSegmenter *
dip_segmenter_new (const char *lang, GError **error)
{
  g_autofree char *tag = dip_language_tag_normalize (lang, error);
  if (tag == NULL)
    return NULL;

  g_autoptr (DipSegmenter) segmenter = g_new0 (DipSegmenter, 1);
  segmenter->lang = g_strdup (tag);
  segmenter->rules = dip_line_rules_get (error);
  if (segmenter->rules == NULL)
    return NULL;
  segmenter->abbreviations = dip_abbreviations_load (tag, error);
  if (segmenter->abbreviations == NULL)
    return NULL;

  /* The plain locale, deliberately without "@ss=standard": our own
   * exception lists do that job, without ICU's Italian "on." defect. */
  g_autofree char *locale = g_strdup (tag);
  g_strdelimit (locale, "-", '_');
  UErrorCode status = U_ZERO_ERROR;
  segmenter->sentences = ubrk_open (UBRK_SENTENCE, locale, NULL, 0, &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED,
                   "cannot open ICU sentence iterator for “%s”: %s", tag, u_errorName (status));
      return NULL;
    }
  return g_steal_pointer (&segmenter);
}

/* ---- paragraphs and lines ------------------------------------------------ */

static gboolean
line_is_blank (const char *text, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

GArray *
dip_split_paragraphs (const char *text, gsize length)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (DipParagraphSpan));
  gboolean in_paragraph = FALSE;
  DipParagraphSpan current = { 0, 0 };
  gsize line_start = 0;

  while (line_start < length)
    {
      const char *nl = memchr (text + line_start, '\n', length - line_start);
      gsize line_end = nl ? (gsize) (nl - text) : length;

      if (line_is_blank (text, line_start, line_end))
        {
          if (in_paragraph)
            g_array_append_val (paragraphs, current);
          in_paragraph = FALSE;
        }
      else
        {
          if (!in_paragraph)
            current.start = line_start;
          current.end = line_end;
          in_paragraph = TRUE;
        }
      line_start = line_end + 1;
    }
  if (in_paragraph)
    g_array_append_val (paragraphs, current);

  /* Trim leading white space of each paragraph (indentation). */
  for (guint i = 0; i < paragraphs->len; i++)
    {
      DipParagraphSpan *p = &g_array_index (paragraphs, DipParagraphSpan, i);
      while (p->start < p->end && g_ascii_isspace (text[p->start]))
        p->start++;
      while (p->end > p->start && g_ascii_isspace (text[p->end - 1]))
        p->end--;
    }
  return paragraphs;
}

/* Shrinks [*start, *end) to exclude white space, Unicode spaces included. */
void
dip_trim_span (const char *text, gsize *start, gsize *end)
{
  while (*start < *end)
    {
      gunichar c = g_utf8_get_char (text + *start);
      if (!g_unichar_isspace (c) && c != 0xA0 && c != 0xFEFF)
        break;
      *start = (gsize) (g_utf8_next_char (text + *start) - text);
    }
  while (*end > *start)
    {
      const char *prev = g_utf8_find_prev_char (text + *start, text + *end);
      gunichar c = prev ? g_utf8_get_char (prev) : 0;
      if (prev == NULL || (!g_unichar_isspace (c) && c != 0xA0 && c != 0xFEFF))
        break;
      *end = (gsize) (prev - text);
    }
}

static void
append_span (GArray *out, gsize start, gsize end, guint paragraph, DipSegmentKind kind)
{
  DipSegmentSpan span = { start, end, paragraph, kind };
  if (end > start)
    g_array_append_val (out, span);
}

GArray *
dip_split_lines (const char *text, gsize length, const GArray *paragraphs)
{
  /* Presegmented text keeps every line exactly as it is, indentation and
   * inner spaces included; paragraphs still number the lines. */
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DipSegmentSpan));
  guint paragraph = 0;
  gsize line_start = 0;
  while (line_start < length)
    {
      const char *nl = memchr (text + line_start, '\n', length - line_start);
      gsize line_end = nl ? (gsize) (nl - text) : length;
      while (paragraph + 1 < paragraphs->len
             && g_array_index (paragraphs, DipParagraphSpan, paragraph + 1).start < line_end)
        paragraph++;
      if (!line_is_blank (text, line_start, line_end))
        append_span (out, line_start, line_end, paragraph, DIP_SEGMENT_SENTENCE);
      line_start = line_end + 1;
    }
  return out;
}

/* ---- sentences of a prose run ---------------------------------------------- */

static gboolean
is_opening_punct (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);
  return t == G_UNICODE_OPEN_PUNCTUATION || t == G_UNICODE_INITIAL_PUNCTUATION
         || c == '"' || c == '\'' || c == '*' || c == '_';
}

/* The last white-space-delimited word of [start, end), opening quotes and
 * brackets stripped, and an elided article before an apostrophe too
 * ("dall’arch." is "arch."): the candidate abbreviation before a break. */
static char *
last_word (const char *text, gsize start, gsize end)
{
  gsize word_start = end;
  while (word_start > start && !g_ascii_isspace (text[word_start - 1]))
    word_start--;
  for (gsize p = word_start; p < end; p = (gsize) (g_utf8_next_char (text + p) - text))
    {
      gunichar c = g_utf8_get_char (text + p);
      if ((c == '\'' || c == 0x2019) && p > word_start)
        word_start = (gsize) (g_utf8_next_char (text + p) - text);
    }
  while (word_start < end && is_opening_punct (g_utf8_get_char (text + word_start)))
    word_start = (gsize) (g_utf8_next_char (text + word_start) - text);
  return g_strndup (text + word_start, end - word_start);
}

static gboolean
is_initials (const char *word)
{
  /* "A.", "Č." or a run of them with no space between: "V.S.", "A.J.P."
     (Russian names are written with both initials so). */
  if (*word == '\0')
    return FALSE;
  while (*word != '\0')
    {
      const char *after = g_utf8_next_char (word);
      if (!g_unichar_isupper (g_utf8_get_char (word)) || after[0] != '.')
        return FALSE;
      word = after + 1;
    }
  return TRUE;
}

static gboolean
is_number_with_dot (const char *text, gsize length)
{
  gsize i = 0;
  while (i < length && g_ascii_isdigit (text[i]))
    i++;
  return i > 0 && i + 1 == length && text[i] == '.';
}

/* The first letter or digit of [start, end), or 0. */
static gunichar
first_alnum (const char *text, gsize start, gsize end)
{
  while (start < end)
    {
      gunichar c = g_utf8_get_char (text + start);
      if (g_unichar_isalnum (c))
        return c;
      start = (gsize) (g_utf8_next_char (text + start) - text);
    }
  return 0;
}

static gboolean
starts_lower_or_digit (const char *text, gsize start, gsize end)
{
  gunichar c = first_alnum (text, start, end);
  return g_unichar_islower (c) || g_unichar_isdigit (c);
}

/* The next white-space-delimited word of [*at, end), or NULL; *at moves
   past it. */
static char *
next_word (const char *text, gsize *at, gsize end)
{
  gsize start = *at;
  while (start < end && g_ascii_isspace (text[start]))
    start++;
  gsize word_end = start;
  while (word_end < end && !g_ascii_isspace (text[word_end]))
    word_end++;
  *at = word_end;
  return word_end > start ? g_strndup (text + start, word_end - start) : NULL;
}

/* Cuts the punctuation after a word ("Mai.", "asked,"). */
static void
cut_final_punctuation (char *word)
{
  gsize length = strlen (word);
  while (length > 0 && strchr (".,;:!?", word[length - 1]) != NULL)
    word[--length] = '\0';
}

/* Whether the first white-space-delimited word of [start, end), as it is
   or without the punctuation after it ("Mai." ending a sentence), is in
   `words`. */
static gboolean
first_word_in (GHashTable *words, const char *text, gsize start, gsize end)
{
  g_autofree char *word = next_word (text, &start, end);
  if (word == NULL)
    return FALSE;
  if (g_hash_table_contains (words, word))
    return TRUE;
  cut_final_punctuation (word);
  return g_hash_table_contains (words, word);
}

static gboolean
starts_lower (const char *text, gsize start, gsize end)
{
  return g_unichar_islower (first_alnum (text, start, end));
}

/* The last character of [start, end) that is no closing quote or
   bracket, nor, with `past_notes`, a footnote mark in superscript; 0 when
   there is none. */
static gunichar
last_mark (const char *text, gsize start, gsize end, gboolean past_notes)
{
  while (end > start)
    {
      const char *last = g_utf8_find_prev_char (text + start, text + end);
      if (last == NULL)
        return 0;
      gunichar c = g_utf8_get_char (last);
      GUnicodeType t = g_unichar_type (c);
      gboolean note = past_notes && dip_is_superscript_digit (c);
      if (t != G_UNICODE_FINAL_PUNCTUATION && t != G_UNICODE_CLOSE_PUNCTUATION
          && c != '"' && c != '\'' && c != 0xBB && !note)
        return c;
      end = (gsize) (last - text);
    }
  return 0;
}

/* Whether [start, end) ends in "?" or "!", closing quotes and brackets
   after it aside. A footnote mark after it ends the speech: what follows
   is no tag ("…our orders?"⁶ Dukhonin replied with a refusal."). */
static gboolean
ends_in_question_or_exclamation (const char *text, gsize start, gsize end)
{
  gunichar c = last_mark (text, start, end, FALSE);
  return c == '?' || c == '!';
}

/* Whether a dialogue tag that names its speaker starts at `at`: a
   capitalised name of one or two words ("Nora", "Mrs. Lindqvist"), then a
   verb of the language's file ("asked"), in `text` up to its end. */
static gboolean
speaker_tag_follows (DipSegmenter *self, const char *text, gsize at)
{
  gsize end = strlen (text);
  if (g_hash_table_size (self->abbreviations->speech_verbs) == 0
      || !g_unichar_isupper (first_alnum (text, at, end)))
    return FALSE;
  g_free (next_word (text, &at, end));   /* the speaker's name */
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *word = next_word (text, &at, end);
      if (word == NULL)
        return FALSE;
      cut_final_punctuation (word);
      if (g_hash_table_contains (self->abbreviations->speech_verbs, word))
        return TRUE;
    }
  return FALSE;
}

static gboolean
break_is_false (DipSegmenter *self, const char *text, gsize prev_start, gsize boundary,
                gsize next_end)
{
  gsize s = prev_start, e = boundary;
  dip_trim_span (text, &s, &e);
  if (e <= s)
    return TRUE;
  g_autofree char *word = last_word (text, s, e);
  /* Initials never end a sentence, unless the language's file lists them
     as an acronym that may ("U.S.", below). */
  if (g_hash_table_contains (self->abbreviations->always, word)
      || (is_initials (word) && !g_hash_table_contains (self->abbreviations->before_lower, word)))
    return TRUE;
  /* "1." alone is a list number or an ordinal, not a sentence. */
  if (is_number_with_dot (text + s, e - s))
    return TRUE;
  if (g_hash_table_contains (self->abbreviations->before_lower, word))
    {
      if (starts_lower_or_digit (text, boundary, next_end))
        return TRUE;
      /* "the U.S. Army", "the U.N. Security Council": after an acronym in
         capitals a capitalised word goes on with the sentence, unless it is
         one that starts sentences ("the U.S. Then he left"). Only where the
         language's file lists those words; "a.m." is no acronym. */
      const char *inner_dot = strchr (word, '.');
      return g_ascii_isupper (word[0]) && inner_dot != NULL && inner_dot[1] != '\0'
             && g_hash_table_size (self->abbreviations->starters) > 0
             && !first_word_in (self->abbreviations->starters, text, boundary, next_end);
    }
  /* "am 14." before "September": the number is an ordinal. */
  if (is_number_with_dot (word, strlen (word)) && strlen (word) <= 3
      && first_word_in (self->abbreviations->after_ordinal, text, boundary, next_end))
    return TRUE;
  /* A question or an exclamation in speech goes on with its tag: "“Didn't
   * I?” she said.", "“When?” Nora asked." ICU breaks after the quote
   * whatever follows. */
  if (ends_in_question_or_exclamation (text, s, e)
      && (starts_lower (text, boundary, next_end) || speaker_tag_follows (self, text, boundary)))
    return TRUE;
  /* A reference mark cut in two ("state.[" | "1] Then"): ICU counts the
   * bracket as closing punctuation. Keep the mark with its sentence. */
  return text[e - 1] == '[';
}

/* ICU breaks before a footnote mark written in superscript digits
 * ("policy".¹ The …" → "policy"." | "¹ The …"). The end of such a mark
 * that starts a sentence at `at` and a space or the sentence's end
 * (`next`) follows; `at` when there is none. */
static gsize
note_mark_end (const char *text, gsize at, gsize next)
{
  gsize p = at;
  while (p < next && dip_is_superscript_digit (g_utf8_get_char (text + p)))
    p = (gsize) (g_utf8_next_char (text + p) - text);
  return p == next || g_ascii_isspace (text[p]) ? p : at;
}

/* French and Italian print a space before a closing guillemet ("… la même
 * chose. »"), and ICU breaks before the space. The end of such a guillemet
 * at the start of a sentence, spaces before it included; `at` when there is
 * none. A guillemet that a word follows opens a quotation (German
 * "»Komm!«"). */
static gsize
closing_guillemet_end (const char *text, gsize at, gsize next)
{
  gsize p = at;
  while (p < next && dip_is_space_or_no_break_space (g_utf8_get_char (text + p)))
    p = (gsize) (g_utf8_next_char (text + p) - text);
  gunichar c = p < next ? g_utf8_get_char (text + p) : 0;
  if (c != 0x00BB && c != 0x203A)
    return at;
  p = (gsize) (g_utf8_next_char (text + p) - text);
  return p >= next || dip_is_space_or_no_break_space (g_utf8_get_char (text + p)) ? p : at;
}

/* Moves each break that a mark of the sentence before follows (`mark_end`
 * says where it ends) past the mark, or drops the break when the mark is
 * all that follows it. */
static void
keep_marks_with_sentence (const char *text, GArray *bounds,
                          gsize (*mark_end) (const char *text, gsize at, gsize next))
{
  for (guint i = 1; i + 1 < bounds->len; i++)
    {
      gsize *b = &g_array_index (bounds, gsize, i);
      gsize next = g_array_index (bounds, gsize, i + 1);
      gsize p = mark_end (text, *b, next);
      if (p >= next)
        g_array_remove_index (bounds, i--);
      else
        *b = p;
    }
}

static gboolean
is_full_width_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0xFF61;
}

/* ICU counts opening brackets and quotes among the closing marks a
 * sentence keeps ("Close" in UAX #29), so in Chinese and Japanese, where
 * no space comes between sentences, the quotation that opens the next one
 * ends the last ("…见面。「我们" gave "…见面。「" and "我们"). Moves each
 * such break back before the opening marks, when a full-width full stop,
 * question or exclamation mark comes before them, closing marks between.
 * In Latin scripts a space comes first and ICU breaks after it; and a
 * German closing quote (“, an opening mark to Unicode) after a full stop
 * stays where it is. */
static void
give_opening_marks_to_next_sentence (const char *text, GArray *bounds)
{
  for (guint i = 1; i + 1 < bounds->len; i++)
    {
      gsize *b = &g_array_index (bounds, gsize, i);
      gsize prev = g_array_index (bounds, gsize, i - 1);
      gsize p = *b;
      while (p > prev)
        {
          const char *c = g_utf8_prev_char (text + p);
          GUnicodeType type = g_unichar_type (g_utf8_get_char (c));
          if (type != G_UNICODE_OPEN_PUNCTUATION && type != G_UNICODE_INITIAL_PUNCTUATION)
            break;
          p = (gsize) (c - text);
        }
      if (p == *b)
        continue;
      if (is_full_width_terminal (last_mark (text, prev, p, FALSE)))
        *b = p;
    }
}

static int
compare_offsets (gconstpointer a, gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;
  return x < y ? -1 : x > y;
}

/* Sentence ends ICU does not see. In "territory.[4] At the same time" the
 * bracket after the full stop hides the end; and an ellipsis is no
 * sentence terminal to ICU ("fecondi malintesi… Gli stessi"). A capital
 * after either, past a space, starts a sentence. */
static void
add_breaks_icu_misses (const char *text, gsize start, gsize end, GArray *bounds)
{
  static GRegex *missed;
  if (g_once_init_enter (&missed))
    g_once_init_leave (&missed,
                       g_regex_new ("(?:[.!?][\"”’»)]*(?:\\[\\d{1,3}\\])+|…[\"”’»)]*)"
                                    "\\K\\s+(?=\\p{Lu})",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  g_autoptr (GMatchInfo) match = NULL;
  gboolean added = FALSE;
  g_regex_match_full (missed, text + start, (gssize) (end - start), 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int match_start, match_end;
      g_match_info_fetch_pos (match, 0, &match_start, &match_end);
      gsize offset = start + (gsize) match_end;
      /* ICU may have seen some of them after all. */
      gboolean known = FALSE;
      for (guint i = 0; i < bounds->len && !known; i++)
        known = g_array_index (bounds, gsize, i) == offset;
      if (!known)
        {
          g_array_append_val (bounds, offset);
          added = TRUE;
        }
      g_match_info_next (match, NULL);
    }
  if (added)
    g_array_sort (bounds, compare_offsets);
}

/* Sentence boundaries (byte offsets) of text[start, end), the run already
 * freed of line breaks. */
static GArray *
icu_boundaries (DipSegmenter *self, const char *text, gsize start, gsize end, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UText *ut = utext_openUTF8 (NULL, text + start, (int64_t) (end - start), &status);
  ubrk_setUText (self->sentences, ut, &status);
  if (U_FAILURE (status))
    {
      utext_close (ut);
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "ICU sentence iterator failed: %s",
                   u_errorName (status));
      return NULL;
    }

  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (int32_t b = ubrk_first (self->sentences); b != UBRK_DONE; b = ubrk_next (self->sentences))
    {
      gsize offset = start + (gsize) b;
      g_array_append_val (bounds, offset);
    }
  utext_close (ut);
  keep_marks_with_sentence (text, bounds, note_mark_end);
  keep_marks_with_sentence (text, bounds, closing_guillemet_end);
  give_opening_marks_to_next_sentence (text, bounds);
  add_breaks_icu_misses (text, start, end, bounds);
  return bounds;
}

static void
emit_with_trailing_marks (DipSegmenter *self, GArray *out, const char *text, gsize start,
                          gsize end, guint paragraph, DipSegmentKind kind)
{
  dip_trim_span (text, &start, &end);
  if (end <= start)
    return;

  /* Every trailing mark ends in "]" or a superscript digit; most segments
   * end otherwise and need no regex. */
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (text + start, text + end));
  if (last != ']' && !dip_is_superscript_digit (last))
    {
      append_span (out, start, end, paragraph, kind);
      return;
    }

  g_autofree char *segment = g_strndup (text + start, end - start);
  for (guint i = 0; i < self->rules->trailing->len; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      int mark_start, mark_end;
      if (!g_regex_match (g_ptr_array_index (self->rules->trailing, i), segment, 0, &match)
          || !g_match_info_fetch_pos (match, 0, &mark_start, &mark_end) || mark_start == 0)
        continue;
      /* Only a mark after the sentence's own final punctuation is split
       * off; "state[1]." keeps its mark inside. */
      gunichar before = g_utf8_get_char (g_utf8_prev_char (segment + mark_start));
      if (strchr (".!?…\"”»)", (int) before) == NULL && before != 0x2026 && before != 0x201D
          && before != 0xBB)
        continue;
      append_span (out, start, start + (gsize) mark_start, paragraph, kind);
      append_span (out, start + (gsize) mark_start, end, paragraph, DIP_SEGMENT_NON_CONTENT);
      return;
    }
  append_span (out, start, end, paragraph, kind);
}

/* Segments of a prose run text[start, end); its first segment gets
 * `first_kind` (a list item stays a list item), the rest are sentences. */
gboolean
dip_segmenter_split_run (DipSegmenter *self, GArray *out, const char *text, gsize start,
                         gsize end, guint paragraph, DipSegmentKind first_kind, GError **error)
{
  /* ICU sees line ends as hard breaks; in a run they are soft wraps. The
   * copy keeps byte offsets, so boundaries map back to `text` directly. */
  gsize run_len = end - start;
  g_autofree char *flat = g_strndup (text + start, run_len);
  for (gsize i = 0; i < run_len; i++)
    if (flat[i] == '\n' || flat[i] == '\t')
      flat[i] = ' ';

  g_autoptr (GArray) bounds = icu_boundaries (self, flat, 0, run_len, error);
  if (bounds == NULL)
    return FALSE;

  gsize seg_start = 0;
  DipSegmentKind kind = first_kind;
  for (guint i = 1; i < bounds->len; i++)
    {
      gsize boundary = g_array_index (bounds, gsize, i);
      gsize next_end = i + 1 < bounds->len ? g_array_index (bounds, gsize, i + 1) : run_len;
      if (boundary < run_len && break_is_false (self, flat, seg_start, boundary, next_end))
        continue;
      emit_with_trailing_marks (self, out, text, start + seg_start, start + boundary,
                                paragraph, kind);
      kind = DIP_SEGMENT_SENTENCE;
      seg_start = boundary;
    }
  if (seg_start < run_len)
    emit_with_trailing_marks (self, out, text, start + seg_start, end, paragraph, kind);
  return TRUE;
}

/* Whether [start, end) ends a sentence: in a full stop, a question or
   exclamation mark or an ellipsis, closing quotes, brackets and footnote
   marks in superscript aside. */
static gboolean
span_ends_sentence (const char *text, gsize start, gsize end)
{
  gunichar c = last_mark (text, start, end, TRUE);
  return c == '.' || c == '?' || c == '!' || c == 0x2026;
}

/* Whether a page break cut the sentence at the end of `para` in two: it
   stops in the middle ("…helped to preserve and", "…cooperation,") and
   `next` goes on in lower case ("strengthen the world's…") to the end of
   a sentence, or in upper case after a word no sentence ends with ("The
   whole of" / "Northern France…"). Text taken from a printed book has
   many; its translation has the sentence whole. A line without a
   sentence's end after a title is no such thing: a byline ("di Giulia
   Ferraresi") under a standfirst. */
static gboolean
paragraph_goes_on (DipSegmenter *self, const char *text, const DipParagraphSpan *para,
                   const DipParagraphSpan *next)
{
  if (para->end <= para->start || next->end <= next->start)
    return FALSE;
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (text + para->start, text + para->end));
  gunichar first = g_utf8_get_char (text + next->start);
  if (!(g_unichar_islower (last) || last == ',')
      || !span_ends_sentence (text, next->start, next->end))
    return FALSE;
  if (g_unichar_islower (first))
    return TRUE;
  g_autofree char *word = last_word (text, para->start, para->end);
  return g_unichar_isupper (first) && g_hash_table_contains (self->abbreviations->never_last, word);
}

GArray *
dip_segmenter_split (DipSegmenter *self, const char *text, gsize length,
                     const GArray *paragraphs, GError **error)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (DipSegmentSpan));
  /* The text with the breaks between the paragraphs a page break cut made
     spaces, so that their lines read as one; the same length, so that
     offsets into it are offsets into `text`. Made at the first such cut. */
  g_autofree char *mended = NULL;
  for (guint p = 0; p < paragraphs->len; p++)
    {
      DipParagraphSpan para = g_array_index (paragraphs, DipParagraphSpan, p);
      guint first = p;
      /* A paragraph a page break cut is read on into the next; its
         segments keep the first one's number. */
      while (p + 1 < paragraphs->len && para.end <= length
             && g_array_index (paragraphs, DipParagraphSpan, p + 1).end <= length
             && paragraph_goes_on (self, text, &para,
                                   &g_array_index (paragraphs, DipParagraphSpan, p + 1)))
        {
          const DipParagraphSpan *next = &g_array_index (paragraphs, DipParagraphSpan, ++p);
          if (mended == NULL)
            mended = g_strndup (text, length);
          for (gsize i = para.end; i < next->start; i++)
            if (mended[i] == '\n' || mended[i] == '\r')
              mended[i] = ' ';
          para.end = next->end;
        }
      if (para.end > length)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                       "paragraph %u lies outside the text", p);
          return NULL;
        }
      if (!dip_segmenter_split_paragraph (self, out, mended != NULL ? mended : text, &para, first,
                                          error))
        return NULL;
    }
  return g_steal_pointer (&out);
}

const DipLineRules *
dip_segmenter_get_rules (DipSegmenter *self)
{
  return self->rules;
}
