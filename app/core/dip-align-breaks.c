/* dip-align-breaks.c — segments that break off in mid-sentence.
 *
 * Texts given one sentence a line were split by some other tool, and
 * tools split where a sentence goes on: after an initial ("durch B.M ." /
 * "Abalakow , seitdem wiederholt besucht ."), after the colon inside a
 * bibliographic reference ("( Basel :" / "Benno Schwabe 1935 ) ."). So
 * does Diptych's own segmenter after a run of initials ("Ambassador A.A."
 * / "Troyanovsky ..."). The
 * other side, split elsewhere or not at all, then has the rest of that
 * sentence in another segment, and a bead that ends where one side breaks
 * off but the other ends a sentence cuts a sentence in two.
 */
#include "dip-config.h"

#include <string.h>

#include "dip-align-private.h"

/* The capital on its own just before `end` ("M" in "B.M", not in "EM"),
   or NULL. */
static const char *
lone_capital_before (const char *text, const char *end)
{
  if (end == text)
    return NULL;
  const char *letter = g_utf8_find_prev_char (text, end);
  if (!g_unichar_isupper (g_utf8_get_char (letter)))
    return NULL;
  if (letter > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, letter))))
    return NULL;
  return letter;
}

/* Whether the letter just before `end` is an initial: a capital on its
   own, after another initial ("B.M", "E. M"), a hyphen ("Gunten-A") or a
   space. After a space, the letters of Roman numerals are taken for
   numerals ("World War I", "Chapter V"), which end sentences as any word
   does. Two letters are not taken for an abbreviation of a name ("Ch"
   for Charles): Italian writes acronyms so ("Ue", "Pd"). */
static gboolean
ends_in_initial (const char *text, const char *end)
{
  const char *letter = lone_capital_before (text, end);
  if (letter == NULL)
    return FALSE;

  const char *before = letter;
  while (before > text && before[-1] == ' ')
    before--;
  if (before > text && before[-1] == '-')
    return TRUE;
  if (before > text && before[-1] == '.' && lone_capital_before (text, before - 1) != NULL)
    return TRUE;
  gunichar capital = g_utf8_get_char (letter);
  return capital > 0x7F || strchr ("IVXLCDM", (int) capital) == NULL;
}

gboolean
dip_align_sentence_runs_on (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text)
    return FALSE;
  char last = end[-1];
  gboolean terminated = last == '.' || last == '!' || last == '?';

  /* A bracket still open, and no full stop inside it: the reference or
     the aside goes on in the next segment ("( Zürich :"). One that ends
     with a full stop inside its bracket ("( Cf. Izzard , London 1955 .",
     the ")" on the next line) is a sentence of its own. */
  int depth = 0;
  for (const char *p = text; p < end; p++)
    depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
  if (depth > 0 && !terminated)
    return TRUE;
  if (last != '.')
    return FALSE;
  end--;
  while (end > text && end[-1] == ' ')
    end--;
  return ends_in_initial (text, end);
}
