/* test-terms.c — words of a text (ICU word breaks, character offsets,
 * clitics) and stem-aware term matching, in both directions. */
#include <string.h>

#include "dip-lexicon.h"
#include "dip-terms.h"
#include "dip-tokens.h"
#include "test-util.h"

typedef struct
{
  DipTokenizer *tokenizer;
  DipLexicon   *lexicon;
  DipTermIndex *index;
  DipTokens    *tokens;
  GArray       *matches;
} Terms;

static Terms *
terms_new (const char *lang)
{
  Terms *t = g_new0 (Terms, 1);
  g_autoptr (GError) error = NULL;
  t->tokenizer = dip_tokenizer_new (lang, &error);
  g_assert_no_error (error);
  t->lexicon = dip_lexicon_new (lang, NULL);
  t->index = dip_term_index_new (t->tokenizer, t->lexicon);
  t->tokens = dip_tokens_new ();
  t->matches = g_array_new (FALSE, FALSE, sizeof (DipTermMatch));
  return t;
}

static void
terms_free (Terms *t)
{
  dip_term_index_free (t->index);
  dip_lexicon_free (t->lexicon);
  dip_tokenizer_free (t->tokenizer);
  dip_tokens_free (t->tokens);
  g_array_unref (t->matches);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Terms, terms_free)

/* The occurrences of the index's terms in `text`, as "term:text" strings
 * joined with "|". */
static char *
find (Terms *t, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_tokenizer_split (t->tokenizer, text, -1, t->tokens, &error));
  dip_term_index_find (t->index, t->tokens, t->matches);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < t->matches->len; i++)
    {
      const DipTermMatch *m = &g_array_index (t->matches, DipTermMatch, i);
      g_autofree char *span = g_utf8_substring (text, m->start, m->end);
      g_string_append_printf (out, "%s%u:%s", i ? "|" : "", m->term, span);
    }
  return g_string_free (out, FALSE);
}

static void
test_tokens_offsets (void)
{
  g_autoptr (Terms) t = terms_new ("it");
  g_autoptr (GError) error = NULL;
  /* "𝔸" is outside the BMP: two UTF-16 units, one character. */
  const char *text = "𝔸 l’agenzia dell’ONU, 1.000,5 euro";
  g_assert_true (dip_tokenizer_split (t->tokenizer, text, -1, t->tokens, &error));
  g_assert_cmpuint (t->tokens->n_chars, ==, g_utf8_strlen (text, -1));

  GString *seen = g_string_new (NULL);
  for (guint i = 0; i < t->tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (t->tokens, i);
      g_autofree char *span = g_utf8_substring (text, token->start, token->end);
      g_autofree char *folded_span = dip_text_fold_apostrophes (span);
      /* Offsets are characters of the original; surfaces fold apostrophes. */
      g_assert_cmpstr (folded_span, ==, dip_tokens_surface (t->tokens, i));
      g_assert_cmpmem (text + token->byte_start, token->byte_end - token->byte_start, span,
                       strlen (span));
      if (token->kind != DIP_TOKEN_SPACE)
        g_string_append_printf (seen, "%d:%s ", token->kind, dip_tokens_folded (t->tokens, i));
    }
  g_assert_cmpstr (seen->str, ==,
                   "2:𝔸 4:l' 2:agenzia 4:dell' 2:onu 1:, 3:1.000,5 2:euro ");
  g_string_free (seen, TRUE);
}

static void
test_tokens_english (void)
{
  g_autoptr (Terms) t = terms_new ("en-GB");
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_tokenizer_split (t->tokenizer, "Korea’s co-operation, 14th", -1, t->tokens,
                                      &error));
  GString *seen = g_string_new (NULL);
  for (guint i = 0; i < t->tokens->tokens->len; i++)
    if (dip_tokens_get (t->tokens, i)->kind != DIP_TOKEN_SPACE)
      g_string_append_printf (seen, "%s ", dip_tokens_surface (t->tokens, i));
  g_assert_cmpstr (seen->str, ==, "Korea 's co - operation , 14th ");
  g_string_free (seen, TRUE);

  g_autofree char *folded = dip_fold_case ("Straße L’AGENZIA", -1);
  g_assert_cmpstr (folded, ==, "strasse l'agenzia");
}

static void
test_stems_both_directions (void)
{
  g_autoptr (Terms) t = terms_new ("it");
  g_assert_cmpint (dip_term_index_add (t->index, "partenariato strategico", FALSE), ==, 0);
  g_assert_cmpint (dip_term_index_add (t->index, "partenariati strategici", FALSE), ==, 1);
  g_assert_cmpint (dip_term_index_add (t->index, "Partenariato Strategico", FALSE), ==, 0);

  /* singular term, plural text; plural term, singular text */
  g_autofree char *a = find (t, "Hanno firmato partenariati strategici.");
  g_assert_cmpstr (a, ==, "0:partenariati strategici|1:partenariati strategici");
  g_autofree char *b = find (t, "Il Partenariato strategico è firmato.");
  g_assert_cmpstr (b, ==, "0:Partenariato strategico|1:Partenariato strategico");
  g_assert_true (dip_term_index_word_matches (t->index, 0, 0, "partenariati"));
  g_assert_true (dip_term_index_word_matches (t->index, 1, 0, "partenariato"));
  g_assert_false (dip_term_index_word_matches (t->index, 0, 0, "partito"));
  g_assert_cmpuint (dip_term_index_get_length (t->index, 0), ==, 2);
}

static void
test_apostrophes_and_elisions (void)
{
  g_autoptr (Terms) t = terms_new ("it");
  g_assert_cmpint (dip_term_index_add (t->index, "agenzia di stampa", FALSE), ==, 0);
  g_assert_cmpint (dip_term_index_add (t->index, "accordo", FALSE), ==, 1);
  g_assert_cmpint (dip_term_index_add (t->index, "diritto all'autodifesa", FALSE), ==, 2);
  g_autofree char *a = find (t, "L’agenzia di stampa ha diffuso il testo dell’accordo.");
  g_assert_cmpstr (a, ==, "0:agenzia di stampa|1:accordo");
  /* a typographic apostrophe in the text, a straight one in the term */
  g_autofree char *b = find (t, "Il diritto all’autodifesa.");
  g_assert_cmpstr (b, ==, "2:diritto all’autodifesa");
}

static void
test_whole_words (void)
{
  g_autoptr (Terms) t = terms_new ("en-GB");
  g_assert_cmpint (dip_term_index_add (t->index, "cooperation", FALSE), ==, 0);
  g_assert_cmpint (dip_term_index_add (t->index, "co-operation", FALSE), ==, 1);
  g_assert_cmpint (dip_term_index_add (t->index, "opera", FALSE), ==, 2);
  g_assert_cmpint (dip_term_index_add (t->index, "military technical partnership", FALSE), ==, 3);
  g_assert_cmpint (dip_term_index_add (t->index, "North Korea", FALSE), ==, 4);

  /* "co-operation" does not contain "cooperation", nor the reverse, and
   * hunspell's prefix stem (cooperation → operate) does not make
   * "operation" an occurrence of either. */
  g_autofree char *a = find (t, "Close co-operation, not a military operation.");
  g_assert_cmpstr (a, ==, "1:co-operation");
  g_autofree char *b = find (t, "Cooperation at the opera.");
  g_assert_cmpstr (b, ==, "0:Cooperation|2:opera");
  /* hyphen and space are the same gap; a comma is not */
  g_autofree char *c = find (t, "Military-technical partnerships; military, technical partnership.");
  g_assert_cmpstr (c, ==, "3:Military-technical partnerships");
  /* possessives */
  g_autofree char *d = find (t, "North Korea’s ammunition and North Korea's army.");
  g_assert_cmpstr (d, ==, "4:North Korea|4:North Korea");
}

static void
test_case_sensitive (void)
{
  g_autoptr (Terms) t = terms_new ("en-GB");
  g_assert_cmpint (dip_term_index_add (t->index, "US", TRUE), ==, 0);
  g_assert_cmpint (dip_term_index_add (t->index, "us", FALSE), ==, 1);
  g_autofree char *a = find (t, "Tell us about the US.");
  g_assert_cmpstr (a, ==, "1:us|0:US|1:US");
}

static void
test_no_dictionary (void)
{
  /* No hunspell dictionary for Finnish here: words are their own stems,
   * and spelling is not judged. */
  g_autoptr (Terms) t = terms_new ("fi");
  g_assert_false (dip_lexicon_has_dictionary (t->lexicon));
  g_assert_true (dip_lexicon_check (t->lexicon, "kirjastossa"));
  g_assert_cmpint (dip_term_index_add (t->index, "kirjasto", FALSE), ==, 0);
  g_autofree char *a = find (t, "Kirjasto ja kirjastossa.");
  g_assert_cmpstr (a, ==, "0:Kirjasto");
  g_assert_cmpint (dip_term_index_add (t->index, " , ", FALSE), ==, -1);
}

static void
test_lexicon_suffix_stems (void)
{
  g_autoptr (DipLexicon) en = dip_lexicon_new ("en-GB", NULL);
  guint n_coop, n_oper;
  const guint32 *coop = dip_lexicon_stems (en, "cooperation", "cooperation", &n_coop);
  const guint32 *oper = dip_lexicon_stems (en, "operation", "operation", &n_oper);
  g_assert_false (dip_stems_intersect (coop, n_coop, oper, n_oper));

  g_autoptr (DipLexicon) it = dip_lexicon_new ("it", NULL);
  guint n_a, n_b;
  /* governo → governare is kept: an ending changes, not a prefix */
  const guint32 *a = dip_lexicon_stems (it, "governo", "governo", &n_a);
  const guint32 *b = dip_lexicon_stems (it, "governa", "governa", &n_b);
  g_assert_true (dip_stems_intersect (a, n_a, b, n_b));
  g_assert_false (dip_lexicon_check (it, "l’agenzia"));
  g_assert_true (dip_lexicon_check (it, "agenzia"));
  GPtrArray *suggestions = dip_lexicon_suggest (en, "goverment");
  g_assert_cmpuint (suggestions->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (suggestions, 0), ==, "government");
  dip_lexicon_accept (en, "frobnicator");
  g_assert_true (dip_lexicon_check (en, "frobnicator"));
  g_assert_true (dip_lexicon_check (en, "Frobnicator"));
}

/* hunspell 1.7 keeps one Unicode case table for all its dictionaries,
 * made by the first to open and freed by the last to close, with a count
 * that is not thread-safe. The window opens and closes dictionaries in
 * worker threads (spelling, checks) and in its own, so libdiptych must
 * never let two threads open or close one at once: without that, a
 * dictionary opened as another closed read a freed table (GUI tests
 * crashed now and then under CI load). Here threads open, use and close
 * a small dictionary in a tight loop while another keeps one open. */
#define LEXICON_THREADS 4
#define LEXICON_ROUNDS 300

typedef struct
{
  const char *dir;
  gint        stop;
} LexiconRace;

static gpointer
open_and_close_lexicons (gpointer data)
{
  LexiconRace *race = data;
  for (guint round = 0; round < LEXICON_ROUNDS; round++)
    {
      g_autoptr (DipLexicon) lexicon = dip_lexicon_new ("it", race->dir);
      g_assert_true (dip_lexicon_has_dictionary (lexicon));
      g_assert_true (dip_lexicon_check (lexicon, "Città"));
      g_assert_false (dip_lexicon_check (lexicon, "cittá"));
    }
  return NULL;
}

static gpointer
keep_a_lexicon (gpointer data)
{
  LexiconRace *race = data;
  g_autoptr (DipLexicon) lexicon = dip_lexicon_new ("it", race->dir);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  for (guint round = 0; !g_atomic_int_get (&race->stop); round++)
    {
      /* New words each time: the lexicon caches what it was asked. */
      char *word = g_strdup_printf ("ÈPERCHÉ%u", round);
      g_ptr_array_add (words, word);
      g_assert_false (dip_lexicon_check (lexicon, word));
      g_assert_true (dip_lexicon_check (lexicon, round % 2 ? "PERCHÉ" : "perché"));
    }
  return NULL;
}

static void
test_lexicons_in_threads (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_free (test_write_file (dir, "it_IT.aff", "SET UTF-8\nTRY aeioucrtéèà\n", -1));
  g_free (test_write_file (dir, "it_IT.dic", "3\ncittà\nperché\ncaffè\n", -1));
  LexiconRace race = { .dir = dir->path };
  GThread *keeper = g_thread_new ("keep-lexicon", keep_a_lexicon, &race);
  GThread *threads[LEXICON_THREADS];
  for (guint i = 0; i < LEXICON_THREADS; i++)
    threads[i] = g_thread_new ("open-lexicons", open_and_close_lexicons, &race);
  for (guint i = 0; i < LEXICON_THREADS; i++)
    g_thread_join (threads[i]);
  g_atomic_int_set (&race.stop, TRUE);
  g_thread_join (keeper);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/terms/tokens-offsets", test_tokens_offsets);
  g_test_add_func ("/terms/tokens-english", test_tokens_english);
  g_test_add_func ("/terms/stems-both-directions", test_stems_both_directions);
  g_test_add_func ("/terms/apostrophes-and-elisions", test_apostrophes_and_elisions);
  g_test_add_func ("/terms/whole-words", test_whole_words);
  g_test_add_func ("/terms/case-sensitive", test_case_sensitive);
  g_test_add_func ("/terms/no-dictionary", test_no_dictionary);
  g_test_add_func ("/terms/lexicon-suffix-stems", test_lexicon_suffix_stems);
  g_test_add_func ("/terms/lexicons-in-threads", test_lexicons_in_threads);
  return g_test_run ();
}
