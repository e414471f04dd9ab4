/* dip-langid.c — language of a paragraph by hunspell hit rate.
 *
 * Each installed language is scored by the share of a paragraph's words
 * its dictionary accepts. Only lower-case words count when there are
 * enough of them: names and acronyms are shared by every language and say
 * nothing. The document's declared language wins unless another is
 * clearly better, so short or mixed lines keep it.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-speller.h"

#define MAX_WORDS        40
#define MIN_WORDS        3
#define ACCEPT_EXPECTED  0.75
#define MIN_OTHER        0.6
#define MARGIN           0.25

typedef struct
{
  char       *primary;    /* "en" */
  char       *name;       /* dictionary name, "en_US" */
  DipSpeller *speller;    /* loaded on first use */
  gboolean    failed;
} Candidate;

struct _DipLangId
{
  char   *dir;
  GArray *candidates;     /* one per primary language */
};

static void
candidate_clear (Candidate *c)
{
  g_free (c->primary);
  g_free (c->name);
  g_clear_pointer (&c->speller, dip_speller_free);
}

DipLangId *
dip_langid_new (const char *dictionary_dir)
{
  DipLangId *self = g_new0 (DipLangId, 1);
  self->dir = g_strdup (dictionary_dir ? dictionary_dir : DIP_HUNSPELL_DIR);
  self->candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (self->candidates, (GDestroyNotify) candidate_clear);

  g_autoptr (GPtrArray) installed = dip_speller_list_installed (self->dir);
  for (guint i = 0; i < installed->len; i++)
    {
      const char *name = g_ptr_array_index (installed, i);
      g_autofree char *primary = dip_language_tag_primary (name);
      gboolean seen = FALSE;
      for (guint k = 0; k < self->candidates->len && !seen; k++)
        seen = g_str_equal (g_array_index (self->candidates, Candidate, k).primary, primary);
      if (seen)
        continue;
      Candidate c = { g_steal_pointer (&primary), g_strdup (name), NULL, FALSE };
      g_array_append_val (self->candidates, c);
    }
  return self;
}

void
dip_langid_free (DipLangId *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->candidates);
  g_free (self->dir);
  g_free (self);
}

static Candidate *
find_candidate (DipLangId *self, const char *lang)
{
  g_autofree char *primary = dip_language_tag_primary (lang);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = &g_array_index (self->candidates, Candidate, i);
      if (g_str_equal (c->primary, primary))
        return c;
    }
  return NULL;
}

static DipSpeller *
candidate_speller (DipLangId *self, Candidate *c)
{
  if (c->speller == NULL && !c->failed)
    {
      c->speller = dip_speller_open (self->dir, c->name, NULL);
      c->failed = c->speller == NULL;
    }
  return c->speller;
}

/* Words of `text` worth judging: letters with inner apostrophes or hyphens,
 * apostrophes folded. Lower-case words only, when there are enough. */
static GPtrArray *
collect_words (const char *text, gssize length)
{
  g_autofree char *copy = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  g_autofree char *folded = dip_text_fold_apostrophes (copy);
  GPtrArray *lower = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) any = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p && lower->len < MAX_WORDS)
    {
      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      const char *start = p;
      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);
          if (g_unichar_isalpha (c) || g_unichar_ismark (c)
              || ((c == '\'' || c == '-') && g_unichar_isalpha (g_utf8_get_char (next))))
            p = next;
          else
            break;
        }
      if (p == start)
        continue;
      char *word = g_strndup (start, p - start);
      if (g_unichar_islower (g_utf8_get_char (word)))
        g_ptr_array_add (lower, word);
      else if (any->len < MAX_WORDS)
        g_ptr_array_add (any, word);
      else
        g_free (word);
    }
  if (lower->len >= MIN_WORDS)
    return lower;
  for (guint i = 0; i < any->len && lower->len < MAX_WORDS; i++)
    g_ptr_array_add (lower, g_strdup (g_ptr_array_index (any, i)));
  return lower;
}

static double
rate_words (DipSpeller *speller, GPtrArray *words)
{
  guint hits = 0;
  for (guint i = 0; i < words->len; i++)
    hits += dip_speller_check (speller, g_ptr_array_index (words, i));
  return words->len ? (double) hits / words->len : 0.0;
}

double
dip_langid_hit_rate (DipLangId *self, const char *text, gssize length, const char *lang)
{
  Candidate *c = find_candidate (self, lang);
  DipSpeller *speller = c ? candidate_speller (self, c) : NULL;
  if (speller == NULL)
    return -1.0;
  g_autoptr (GPtrArray) words = collect_words (text, length);
  return rate_words (speller, words);
}

char *
dip_langid_guess (DipLangId *self, const char *text, gssize length, const char *expected)
{
  g_autoptr (GPtrArray) words = collect_words (text, length);
  if (words->len < MIN_WORDS)
    return g_strdup (expected);

  Candidate *own = find_candidate (self, expected);
  DipSpeller *own_speller = own ? candidate_speller (self, own) : NULL;
  double own_rate = own_speller ? rate_words (own_speller, words) : 0.0;
  if (own_speller && own_rate >= ACCEPT_EXPECTED)
    return g_strdup (expected);

  Candidate *best = NULL;
  double best_rate = 0.0;
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = &g_array_index (self->candidates, Candidate, i);
      DipSpeller *speller = c == own ? NULL : candidate_speller (self, c);
      double rate = speller ? rate_words (speller, words) : 0.0;
      if (rate > best_rate)
        {
          best = c;
          best_rate = rate;
        }
    }

  /* Without a dictionary for the declared language there is nothing to
   * compare against, so demand stronger evidence. */
  double needed = own_speller ? MAX (MIN_OTHER, own_rate + MARGIN) : ACCEPT_EXPECTED + 0.1;
  if (best != NULL && best_rate >= needed)
    return g_strdup (best->primary);
  return g_strdup (expected);
}
