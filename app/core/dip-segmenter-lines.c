/* dip-segmenter-lines.c — the line structure of a paragraph.
 *
 * Decides, line by line, what ICU must not decide: whether a line is a
 * segment of its own (title, date line, list item, table row, boilerplate)
 * or part of a run of soft-wrapped prose.
 */
#include "dip-config.h"

#include <string.h>

#include "dip-segmenter-private.h"

typedef enum
{
  LINE_PROSE,
  LINE_LIST_ITEM,
  LINE_TABLE_ROW,
  LINE_DATE,
  LINE_CAPITALS,
  LINE_NON_CONTENT,
} LineClass;

typedef struct
{
  gsize     start;
  gsize     end;
  LineClass klass;
} Line;

static gboolean
matches_any (GPtrArray *regexes, const char *line, int *out_end)
{
  for (guint i = 0; i < regexes->len; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      if (g_regex_match (g_ptr_array_index (regexes, i), line, 0, &match))
        {
          int start = 0, end = 0;
          g_match_info_fetch_pos (match, 0, &start, &end);
          if (out_end)
            *out_end = end;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_list_item (const char *line)
{
  static GRegex *list_regex;
  if (g_once_init_enter (&list_regex))
    g_once_init_leave (&list_regex,
                               g_regex_new ("^(?:[-*•‣◦▪–]\\s+\\S|\\(?\\d{1,3}[.)]\\s+\\S"
                                            "|\\(?[a-z][)]\\s+\\S|\\d{1,3}\\.\\s*\\^"
                                            "|[⁰¹²³⁴⁵⁶⁷⁸⁹]+\\s+\\S)",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (list_regex, line, 0, NULL);
}

static gboolean
is_ordinal_or_number (const char *word)
{
  const char *p = word;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == word || p - word > 4)
    return FALSE;
  return *p == '\0' || g_str_equal (p, "st") || g_str_equal (p, "nd") || g_str_equal (p, "rd")
         || g_str_equal (p, "th") || g_str_equal (p, "º") || g_str_equal (p, "°")
         || g_str_equal (p, "o") || g_str_equal (p, "a") || g_str_equal (p, "er");
}

/* A short line made only of numbers, ordinals and date words (weekdays,
 * months, "of"), with at least a date word and a number, or three numbers
 * (2024-07-14, 14/07/2024). */
static gboolean
is_date_line (const DipLineRules *rules, const char *line)
{
  /* Cheap checks first: this runs on every line of a book. */
  gsize length = strlen (line);
  if (length > 80 || strpbrk (line, "0123456789") == NULL)
    return FALSE;

  g_autofree char *folded = g_utf8_casefold (line, -1);
  g_auto (GStrv) words = g_strsplit_set (folded, " ,./-:", -1);
  guint n_words = 0, n_numbers = 0, n_date_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      if (*w == '\0')
        continue;
      if (++n_words > 8)
        return FALSE;
      if (is_ordinal_or_number (w))
        n_numbers++;
      else if (g_hash_table_contains (rules->date_words, w))
        n_date_words++;
      else
        return FALSE;
    }
  return n_numbers >= 1 && (n_date_words >= 1 || n_numbers >= 3);
}

static gboolean
is_capitals_line (const char *line)
{
  guint upper = 0, lower = 0, words = 1;
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      upper += g_unichar_isupper (c);
      lower += g_unichar_islower (c);
      words += c == ' ';
    }
  return upper >= 3 && lower == 0 && words <= 12;
}

static LineClass
classify (const DipLineRules *rules, const char *line)
{
  if (g_regex_match (rules->non_content_any, line, 0, NULL))
    return LINE_NON_CONTENT;
  if (line[0] == '|')
    return LINE_TABLE_ROW;
  if (is_list_item (line))
    return LINE_LIST_ITEM;
  if (is_date_line (rules, line))
    return LINE_DATE;
  if (is_capitals_line (line))
    return LINE_CAPITALS;
  return LINE_PROSE;
}

static gunichar
last_char (const char *text, gsize start, gsize end)
{
  const char *prev = g_utf8_find_prev_char (text + start, text + end);
  return prev ? g_utf8_get_char (prev) : 0;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';' || c == ':'
         || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/* Does line `b` continue the sentence of line `a` (a soft wrap), or start
 * something new (a title above a sentence, a name under a title)? A line in
 * capitals continues only where the sentence clearly goes on ("…by A. V.
 * GOREV,\nV. K. SOBAKIN"); otherwise it is a heading of its own. */
static gboolean
continues (const char *text, const Line *a, const Line *b, gsize longest)
{
  gunichar end_a = last_char (text, a->start, a->end);
  gunichar start_b = g_utf8_get_char (text + b->start);

  if (b->klass != LINE_PROSE && b->klass != LINE_CAPITALS)
    return FALSE;
  if (g_unichar_islower (start_b))
    return TRUE;
  if (end_a == ',' || end_a == '(' || end_a == '-' || end_a == 0x2013 || end_a == 0x2014)
    return TRUE;
  if (a->klass == LINE_CAPITALS || b->klass == LINE_CAPITALS)
    return FALSE;
  if (ends_sentence (end_a))
    return TRUE;   /* ICU breaks there anyway; joining keeps "Dr.\nSmith" whole */
  /* A line that ends in a word and fills most of the width is a wrapped
   * line; a short one is a title or a line of an address. */
  return g_unichar_isalpha (end_a) && (a->end - a->start) * 10 >= longest * 6;
}

/* Words a sentence inside a short paragraph needs for the paragraph to be
   prose rather than a title. */
#define MIN_SENTENCE_WORDS 6

static gboolean
looks_like_heading (const char *text, gsize start, gsize end)
{
  gunichar c = last_char (text, start, end);
  /* Closing quotes, brackets and markdown emphasis do not end a sentence
   * by themselves, nor the space French sets before a closing guillemet
   * ("Voilà. »"); look at what they close. */
  while (end > start && (c == '*' || c == '_' || c == '"' || c == 0x201D || c == 0xBB
                         || c == ')' || c == '\'' || dip_is_superscript_digit (c)
                         || dip_is_space_or_no_break_space (c)))
    {
      end = (gsize) (g_utf8_find_prev_char (text + start, text + end) - text);
      c = last_char (text, start, end);
    }
  /* Nor do reference marks after the full stop ("…of Lithuania.[1]",
   * "…the city.[5][6]"): a paragraph that ends in one is prose. */
  while (end > start && c == ']')
    {
      const char *open = g_utf8_strrchr (text + start, end - start, '[');
      if (open == NULL)
        break;
      end = (gsize) (open - text);
      c = last_char (text, start, end);
    }
  /* Speech broken off ("“So where—”") is no title either. */
  if (ends_sentence (c) || c == 0x2014 || c == 0x2013)
    return FALSE;

  /* A whole sentence inside is prose whose end a page break cut off ("…
   * signed the act of surrender. Hitler divided France into two zones.
   * The whole of"). A title's "Part II. The Defeat of France" has too few
   * words before its full stop to be one, and "Germany Severs Relations
   * with Soviet Russia. The Annulment of the Brest Treaty" too many
   * capitals: a sentence has more words in lower case. */
  guint words = 1, sentence_words = 1, lower = 0, upper = 0;
  gboolean word_start = TRUE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);
      gboolean space = u == ' ' || u == '\n';
      words += space;
      sentence_words += space;
      if (word_start && !space)
        {
          lower += g_unichar_islower (u);
          upper += g_unichar_isupper (u);
        }
      word_start = space;
      if ((u == '.' || u == '!' || u == '?') && p + 2 < text + end && p[1] == ' '
          && g_unichar_isupper (g_utf8_get_char (p + 2)))
        {
          if (sentence_words >= MIN_SENTENCE_WORDS && lower > upper)
            return FALSE;
          sentence_words = 0;
          lower = upper = 0;
        }
    }
  return words <= 25;
}

static gboolean
emit_prose (DipSegmenter *self, GArray *out, const char *text, const Line *lines, guint first,
            guint last, guint paragraph, GError **error)
{
  gsize start = lines[first].start, end = lines[last].end;
  DipSegmentKind kind = lines[first].klass == LINE_LIST_ITEM ? DIP_SEGMENT_LIST_ITEM
                                                              : DIP_SEGMENT_SENTENCE;
  if (kind == DIP_SEGMENT_SENTENCE && looks_like_heading (text, start, end))
    {
      DipSegmentSpan span = { start, end, paragraph, DIP_SEGMENT_HEADING };
      g_array_append_val (out, span);
      return TRUE;
    }
  return dip_segmenter_split_run (self, out, text, start, end, paragraph, kind, error);
}

static void
emit_single (GArray *out, const Line *line, guint paragraph)
{
  static const DipSegmentKind kinds[] = {
    [LINE_TABLE_ROW] = DIP_SEGMENT_TABLE_ROW,
    [LINE_DATE] = DIP_SEGMENT_DATE,
    [LINE_CAPITALS] = DIP_SEGMENT_HEADING,
    [LINE_NON_CONTENT] = DIP_SEGMENT_NON_CONTENT,
  };
  DipSegmentSpan span = { line->start, line->end, paragraph, kinds[line->klass] };
  g_array_append_val (out, span);
}

/* Splits the paragraph into classified lines; a leading marker ("[edit]")
 * becomes a non-content line of its own. */
static GArray *
read_lines (const DipLineRules *rules, const char *text, const DipParagraphSpan *paragraph)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize line_start = paragraph->start;

  while (line_start < paragraph->end)
    {
      const char *nl = memchr (text + line_start, '\n', paragraph->end - line_start);
      gsize line_end = nl ? (gsize) (nl - text) : paragraph->end;
      Line line = { line_start, line_end, LINE_PROSE };
      line_start = line_end + 1;

      dip_trim_span (text, &line.start, &line.end);
      if (line.end <= line.start)
        continue;

      g_autofree char *copy = g_strndup (text + line.start, line.end - line.start);
      int marker_end = 0;
      if (matches_any (rules->markers, copy, &marker_end) && marker_end > 0
          && (gsize) marker_end < line.end - line.start)
        {
          Line marker = { line.start, line.start + (gsize) marker_end, LINE_NON_CONTENT };
          dip_trim_span (text, &marker.start, &marker.end);
          g_array_append_val (lines, marker);
          line.start += (gsize) marker_end;
          g_free (copy);
          copy = g_strndup (text + line.start, line.end - line.start);
        }
      line.klass = classify (rules, copy);
      g_array_append_val (lines, line);
    }
  return lines;
}

gboolean
dip_segmenter_split_paragraph (DipSegmenter *self, GArray *out, const char *text,
                               const DipParagraphSpan *paragraph, guint index, GError **error)
{
  g_autoptr (GArray) array = read_lines (dip_segmenter_get_rules (self), text, paragraph);
  const Line *lines = (const Line *) (void *) array->data;
  gsize longest = 0;

  for (guint i = 0; i < array->len; i++)
    longest = MAX (longest, lines[i].end - lines[i].start);

  guint i = 0;
  while (i < array->len)
    {
      gboolean starts_run = lines[i].klass == LINE_PROSE || lines[i].klass == LINE_LIST_ITEM
                            || (lines[i].klass == LINE_CAPITALS && i + 1 < array->len
                                && continues (text, &lines[i], &lines[i + 1], longest));
      if (!starts_run)
        {
          emit_single (out, &lines[i], index);
          i++;
          continue;
        }
      /* A run: this line and the prose lines that continue it. A list item
       * starts a run but no line continues into a new list item. */
      guint last = i;
      while (last + 1 < array->len
             && continues (text, &lines[last], &lines[last + 1], longest))
        last++;
      if (!emit_prose (self, out, text, lines, i, last, index, error))
        return FALSE;
      i = last + 1;
    }
  return TRUE;
}
