/* test-segmenter.c — paragraphs, line rules and sentence breaks, checked
 * against hand-checked expectations on the shipped seed texts. */
#include <string.h>

#include "test-util.h"

typedef struct
{
  GPtrArray *texts;   /* char* */
  GArray    *spans;   /* DipSegmentSpan */
} Segmented;

static void
segmented_free (Segmented *s)
{
  g_ptr_array_unref (s->texts);
  g_array_unref (s->spans);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Segmented, segmented_free)

static Segmented *
segment_string (const char *lang, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipSegmenter) segmenter = dip_segmenter_new (lang, &error);
  g_assert_no_error (error);
  gsize length = strlen (text);
  g_autoptr (GArray) paragraphs = dip_split_paragraphs (text, length);
  Segmented *s = g_new0 (Segmented, 1);
  s->spans = dip_segmenter_split (segmenter, text, length, paragraphs, &error);
  g_assert_no_error (error);
  s->texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < s->spans->len; i++)
    {
      const DipSegmentSpan *span = &g_array_index (s->spans, DipSegmentSpan, i);
      g_ptr_array_add (s->texts, g_strndup (text + span->start, span->end - span->start));
    }
  return s;
}

static Segmented *
segment_sample (const char *lang, const char *name)
{
  g_autofree char *path = test_sample_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (DipText) text = dip_text_load (path, &error);
  g_assert_no_error (error);
  return segment_string (lang, text->text);
}

#define TEXT(s, i) ((const char *) g_ptr_array_index ((s)->texts, (i)))
#define KIND(s, i) (g_array_index ((s)->spans, DipSegmentSpan, (i)).kind)
#define PARA(s, i) (g_array_index ((s)->spans, DipSegmentSpan, (i)).paragraph)

static guint
count_kind (Segmented *s, DipSegmentKind kind)
{
  guint n = 0;
  for (guint i = 0; i < s->spans->len; i++)
    n += KIND (s, i) == kind;
  return n;
}

static int
find_text (Segmented *s, const char *text)
{
  for (guint i = 0; i < s->texts->len; i++)
    if (g_str_equal (TEXT (s, i), text))
      return (int) i;
  return -1;
}

static int
find_prefix (Segmented *s, const char *prefix)
{
  for (guint i = 0; i < s->texts->len; i++)
    if (g_str_has_prefix (TEXT (s, i), prefix))
      return (int) i;
  return -1;
}

static void
test_italian_news (void)
{
  g_autoptr (Segmented) s = segment_sample ("it", "000-news-it.txt");

  g_assert_cmpuint (s->spans->len, ==, 29);
  /* The date line and the title are segments of their own. */
  g_assert_cmpstr (TEXT (s, 0), ==, "Dom. Lug 14th, 2024");
  g_assert_cmpint (KIND (s, 0), ==, DIP_SEGMENT_DATE);
  g_assert_cmpstr (TEXT (s, 1), ==,
                   "Giappone e Corea del Sud lanciano l’allarme per il patto militare Putin-Kim");
  g_assert_cmpint (KIND (s, 1), ==, DIP_SEGMENT_HEADING);
  /* The newsletter promo is kept, marked non-content. */
  g_assert_true (g_str_has_prefix (TEXT (s, 2), "Sblocca gratuitamente"));
  g_assert_cmpint (KIND (s, 2), ==, DIP_SEGMENT_NON_CONTENT);
  /* ICU does not break before a lower-case word. */
  g_assert_true (g_str_has_suffix (TEXT (s, 4), "in una situazione di pericolo. stato di guerra."));
  /* Two sentences in one paragraph. */
  int i = find_prefix (s, "La visita di Putin, la prima a Pyongyang");
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpstr (TEXT (s, i + 1), ==,
                   "Mercoledì Putin ha invitato Kim a fare un viaggio di ritorno a Mosca.");
  g_assert_cmpuint (PARA (s, i), ==, PARA (s, i + 1));
  g_assert_cmpuint (count_kind (s, DIP_SEGMENT_SENTENCE), ==, 26);
}

static void
test_italian_abbreviations (void)
{
  g_autoptr (Segmented) s = segment_string (
    "it", "Il Sig. Rossi e il Dott. Bianchi sono arrivati a Washington. Poi sono ripartiti per "
          "Boston. Vedi l'art. 51 della Carta, a p. 3. Fine.");
  g_assert_cmpuint (s->spans->len, ==, 4);
  g_assert_cmpstr (TEXT (s, 0), ==,
                   "Il Sig. Rossi e il Dott. Bianchi sono arrivati a Washington.");
  g_assert_cmpstr (TEXT (s, 1), ==, "Poi sono ripartiti per Boston.");
  g_assert_cmpstr (TEXT (s, 2), ==, "Vedi l'art. 51 della Carta, a p. 3.");
  g_assert_cmpstr (TEXT (s, 3), ==, "Fine.");
}

static void
test_english_abbreviations (void)
{
  g_autoptr (Segmented) s = segment_string (
    "en-GB", "Dr. Smith met Mr. Jones at the U.S. military base. They talked. "
             "He moved to the U.S. Then he left. The book by J. R. R. Tolkien sold well. "
             "See p. 12 and No. 5, e.g. the table.");
  g_assert_cmpuint (s->spans->len, ==, 6);
  g_assert_cmpstr (TEXT (s, 0), ==, "Dr. Smith met Mr. Jones at the U.S. military base.");
  g_assert_cmpstr (TEXT (s, 1), ==, "They talked.");
  g_assert_cmpstr (TEXT (s, 2), ==, "He moved to the U.S.");
  g_assert_cmpstr (TEXT (s, 3), ==, "Then he left.");
  g_assert_cmpstr (TEXT (s, 4), ==, "The book by J. R. R. Tolkien sold well.");
  g_assert_cmpstr (TEXT (s, 5), ==, "See p. 12 and No. 5, e.g. the table.");

  /* "a.m." and "p.m." end a sentence when the next one starts with a
     capital, and only then. */
  g_autoptr (Segmented) times = segment_string (
    "en", "It runs every day at 1:00 a.m. An incremental backup copies only new files. "
          "It starts at 9 a.m. and stops at 5 p.m. on weekdays.");
  g_assert_cmpuint (times->spans->len, ==, 3);
  g_assert_cmpstr (TEXT (times, 0), ==, "It runs every day at 1:00 a.m.");
  g_assert_cmpstr (TEXT (times, 2), ==, "It starts at 9 a.m. and stops at 5 p.m. on weekdays.");

  /* After an acronym a capitalised word goes on with the sentence unless
     it is one that starts sentences. */
  g_autoptr (Segmented) acronyms = segment_string (
    "en", "A spokesman for the U.N. Office for Disaster Risk Reduction said so. The U.S. Army "
          "came. It was in the U.S. Many stayed. Trains stopped at 7 a.m. Buses ran instead.");
  g_assert_cmpuint (acronyms->spans->len, ==, 6);
  g_assert_cmpstr (TEXT (acronyms, 0), ==,
                   "A spokesman for the U.N. Office for Disaster Risk Reduction said so.");
  g_assert_cmpstr (TEXT (acronyms, 1), ==, "The U.S. Army came.");
  g_assert_cmpstr (TEXT (acronyms, 2), ==, "It was in the U.S.");
  g_assert_cmpstr (TEXT (acronyms, 4), ==, "Trains stopped at 7 a.m.");

  /* Two initials written together are initials too; an acronym the file
     lists still ends a sentence. */
  g_autoptr (Segmented) names = segment_string (
    "en", "On May 14, 1939 V.M. Molotov handed over the reply. The historian A.J.P. Taylor "
          "doubts it. Talks went on in the U.S.S.R. Then they failed.");
  g_assert_cmpuint (names->spans->len, ==, 4);
  g_assert_cmpstr (TEXT (names, 0), ==, "On May 14, 1939 V.M. Molotov handed over the reply.");
  g_assert_cmpstr (TEXT (names, 1), ==, "The historian A.J.P. Taylor doubts it.");
  g_assert_cmpstr (TEXT (names, 2), ==, "Talks went on in the U.S.S.R.");
}

static void
test_wikipedia (void)
{
  g_autoptr (Segmented) s = segment_sample ("en", "001-wikipedia-en.txt");

  g_assert_cmpuint (s->spans->len, ==, 66);
  g_assert_cmpstr (TEXT (s, 0), ==, "Soviet-Lithuanian Treaty of 1920");
  g_assert_cmpint (KIND (s, 0), ==, DIP_SEGMENT_HEADING);
  g_assert_cmpstr (TEXT (s, 1), ==, "From Wikipedia, the free encyclopedia");
  g_assert_cmpint (KIND (s, 1), ==, DIP_SEGMENT_NON_CONTENT);

  /* "[edit] Background": the mark is non-content, the heading stays. */
  int i = find_text (s, "Background");
  g_assert_cmpint (i, >, 0);
  g_assert_cmpint (KIND (s, i), ==, DIP_SEGMENT_HEADING);
  g_assert_cmpstr (TEXT (s, i - 1), ==, "[edit]");
  g_assert_cmpint (KIND (s, i - 1), ==, DIP_SEGMENT_NON_CONTENT);

  /* A reference mark after the full stop is split off as non-content; one
   * before it stays in the sentence. */
  i = find_prefix (s, "Shimshon Rozenbaum");
  g_assert_true (g_str_has_suffix (TEXT (s, i), "inhabited by Litvaks."));
  g_assert_cmpstr (TEXT (s, i + 1), ==, "[2]");
  g_assert_cmpint (KIND (s, i + 1), ==, DIP_SEGMENT_NON_CONTENT);
  g_assert_cmpint (find_text (s, "Lithuanians perceived it as recognition of a de facto state[1]."),
                   >=, 0);
  i = find_prefix (s, "The treaty included a secret clause");
  g_assert_cmpstr (TEXT (s, i + 1), ==, "[4]");
  g_assert_true (g_str_has_prefix (TEXT (s, i + 2), "At the same time, the Lithuanian military"));

  /* An initial does not end a sentence. */
  g_assert_cmpint (find_prefix (s, "During the peace talks, M. Balinsky's census of 1857"), >=, 0);
  g_assert_cmpuint (count_kind (s, DIP_SEGMENT_LIST_ITEM), ==, 7);
  g_assert_cmpint (find_text (s, "7. ^ Łossowski, \"Litwa\", p. 86"), >=, 0);
}

/* A short paragraph that ends in a reference mark is prose, not a heading
   for want of a final full stop: its sentences are split, and the mark is
   a segment of its own. */
static void
test_short_paragraph_ends_in_reference_mark (void)
{
  const char *const texts[] = {
    "The treaty was signed in Moscow. Russia recognised the borders.[1]",
    "The treaty was signed in Moscow. Russia recognised the borders.[5][6]",
    "The treaty was signed in Moscow. Russia recognised the borders.\u00B9",
  };
  const char *const marks[] = { "[1]", "[5][6]", "\u00B9" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr (Segmented) s = segment_string ("en", texts[t]);
      g_assert_cmpuint (s->spans->len, ==, 3);
      g_assert_cmpstr (TEXT (s, 0), ==, "The treaty was signed in Moscow.");
      g_assert_cmpint (KIND (s, 0), ==, DIP_SEGMENT_SENTENCE);
      g_assert_cmpstr (TEXT (s, 1), ==, "Russia recognised the borders.");
      g_assert_cmpstr (TEXT (s, 2), ==, marks[t]);
      g_assert_cmpint (KIND (s, 2), ==, DIP_SEGMENT_NON_CONTENT);
    }
  /* A title in brackets is still a title. */
  g_autoptr (Segmented) title = segment_string ("en", "Notes [edited]");
  g_assert_cmpuint (title->spans->len, ==, 1);
  g_assert_cmpint (KIND (title, 0), ==, DIP_SEGMENT_HEADING);
}

/* A page break cuts a paragraph short ("… two zones. The whole of" /
   "Northern France …"): what is left is still prose, split into its
   sentences, not a title for want of a final full stop, and its last
   sentence, which ends in a word no sentence ends with, goes on into the
   next paragraph. A title with a full stop inside stays one. */
static void
test_paragraph_cut_by_page_break (void)
{
  g_autoptr (Segmented) s = segment_string (
    "en", "On June 22, 1940 the Petain government signed the act of surrender. Hitler "
          "divided France into two zones. The whole of\n\n"
          "Northern France, including Paris, was occupied by the German army.");
  g_assert_cmpuint (s->spans->len, ==, 3);
  g_assert_cmpstr (TEXT (s, 1), ==, "Hitler divided France into two zones.");
  g_assert_cmpstr (TEXT (s, 2), ==,
                   "The whole of\n\nNorthern France, including Paris, was occupied by the German "
                   "army.");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (KIND (s, i), ==, DIP_SEGMENT_SENTENCE);

  const char *const titles[] = {
    "Germany Severs Relations with Soviet Russia. The Annulment of the Brest Treaty",
    "THE BEGINNING OF THE FOREIGN ARMED INTERVENTION. THE STRUGGLE TO PROLONG THE RESPITE",
    "Part II. The Defeat of France",
  };
  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    {
      g_autoptr (Segmented) title = segment_string ("en", titles[t]);
      g_assert_cmpuint (title->spans->len, ==, 1);
      g_assert_cmpint (KIND (title, 0), ==, DIP_SEGMENT_HEADING);
    }
}

/* Dialogue: a question or exclamation goes on with its tag in lower case;
   "No." answering is a sentence, "No. 5" is not; and a line broken off
   with a dash is speech, not a title. */
static void
test_dialogue (void)
{
  g_autoptr (Segmented) s = segment_string (
    "en", "\u201CI told you so, didn\u2019t I?\u201D she said quietly. \u201CWhen?\u201D "
          "Nora asked. \u201CNo. Forget it. See No. 5 on the list.\u201D");
  g_assert_cmpuint (s->spans->len, ==, 5);
  g_assert_cmpstr (TEXT (s, 0), ==,
                   "\u201CI told you so, didn\u2019t I?\u201D she said quietly.");
  g_assert_cmpstr (TEXT (s, 1), ==, "\u201CWhen?\u201D Nora asked.");
  g_assert_cmpstr (TEXT (s, 2), ==, "\u201CNo.");
  g_assert_cmpstr (TEXT (s, 3), ==, "Forget it.");
  g_assert_cmpstr (TEXT (s, 4), ==, "See No. 5 on the list.\u201D");

  /* A tag naming its speaker in two words goes on with the question too;
     a capitalised sentence without a speech verb does not. */
  g_autoptr (Segmented) named = segment_string (
    "en", "\u201CReally?\u201D Mrs. Lindqvist whispered. \u201CStop!\u201D Anna "
          "turned away. \u201CWhy?\u201D Tom replied, smiling. \u201CAnd then?\u201D I pressed.");
  g_assert_cmpuint (named->spans->len, ==, 5);
  g_assert_cmpstr (TEXT (named, 4), ==, "\u201CAnd then?\u201D I pressed.");
  g_assert_cmpstr (TEXT (named, 0), ==, "\u201CReally?\u201D Mrs. Lindqvist whispered.");
  g_assert_cmpstr (TEXT (named, 1), ==, "\u201CStop!\u201D");
  g_assert_cmpstr (TEXT (named, 2), ==, "Anna turned away.");
  g_assert_cmpstr (TEXT (named, 3), ==, "\u201CWhy?\u201D Tom replied, smiling.");

  g_autoptr (Segmented) broken_off = segment_string ("en", "\u201CSo where\u2014\u201D");
  g_assert_cmpuint (broken_off->spans->len, ==, 1);
  g_assert_cmpint (KIND (broken_off, 0), ==, DIP_SEGMENT_SENTENCE);

  g_autoptr (Segmented) italian = segment_string (
    "it", "\u00ABQuando?\u00BB chiese Nora. \u00ABNon entra?\u00BB");
  g_assert_cmpuint (italian->spans->len, ==, 2);
  g_assert_cmpstr (TEXT (italian, 0), ==, "\u00ABQuando?\u00BB chiese Nora.");
}

/* German writes ordinal days with a full stop ("am 14. September"), and
   French sets a space before a closing guillemet: neither ends a sentence
   there. A German guillemet that opens a quotation stays with it. */
static void
test_ordinals_and_guillemets (void)
{
  g_autoptr (Segmented) german = segment_string (
    "de", "Am 14. September 1986 fuhr der letzte Zug. Die Feier ist am 3. Mai. "
          "Er ging. \u00BBKomm!\u00AB Sie kam.");
  g_assert_cmpuint (german->spans->len, ==, 5);
  g_assert_cmpstr (TEXT (german, 0), ==, "Am 14. September 1986 fuhr der letzte Zug.");
  g_assert_cmpstr (TEXT (german, 1), ==, "Die Feier ist am 3. Mai.");
  g_assert_cmpstr (TEXT (german, 3), ==, "\u00BBKomm!\u00AB");

  g_autoptr (Segmented) french = segment_string (
    "fr", "\u00AB\u00A0Il y a dix ans, personne n\u2019y croyait. Tout le monde le dit.\u00A0\u00BB "
          "Fin.\n\n\u00AB\u00A0Voil\u00E0.\u00A0\u00BB");
  g_assert_cmpuint (french->spans->len, ==, 4);
  g_assert_cmpstr (TEXT (french, 1), ==, "Tout le monde le dit.\u00A0\u00BB");
  g_assert_cmpstr (TEXT (french, 2), ==, "Fin.");
  g_assert_cmpstr (TEXT (french, 3), ==, "\u00AB\u00A0Voil\u00E0.\u00A0\u00BB");
  g_assert_cmpint (KIND (french, 3), ==, DIP_SEGMENT_SENTENCE);
}

/* In Chinese and Japanese no space comes between sentences, and the quote
   that opens one starts it: ICU left it at the end of the sentence before.
   A German closing quote after a full stop stays with its sentence. */
static void
test_cjk_opening_quotes (void)
{
  g_autoptr (Segmented) japanese = segment_string (
    "ja", "見られなかった。「新しい木で"
          "す」と語る。「涼しい」。");
  g_assert_cmpuint (japanese->spans->len, ==, 3);
  g_assert_cmpstr (TEXT (japanese, 0), ==, "見られなかった。");
  g_assert_cmpstr (TEXT (japanese, 1), ==,
                   "「新しい木です」と語る。");
  g_assert_cmpstr (TEXT (japanese, 2), ==, "「涼しい」。");

  /* A closing quote between the full stop and the next opening one. */
  g_autoptr (Segmented) chinese = segment_string (
    "zh", "她说：“我们走。”“市中心"
          "的汽车少了。”");
  g_assert_cmpuint (chinese->spans->len, ==, 2);
  g_assert_cmpstr (TEXT (chinese, 0), ==,
                   "她说：“我们走。”");
  g_assert_cmpstr (TEXT (chinese, 1), ==,
                   "“市中心的汽车少了。”");

  g_autoptr (Segmented) german = segment_string (
    "de", "Er rief „Komm.“Dann ging er. Sie blieb.");
  g_assert_cmpuint (german->spans->len, ==, 3);
  g_assert_cmpstr (TEXT (german, 0), ==, "Er rief „Komm.“");
}

/* An ellipsis before a capital ends a sentence, which ICU does not see;
   "ecc." and "usw." end one before a capital too. */
static void
test_ellipsis_and_etcetera (void)
{
  g_autoptr (Segmented) italian = segment_string (
    "it", "Restano fecondi malintesi\u2026 Gli stessi errori tornano. Ecco Longfellow, ecc. "
          "Ogni volta si ricomincia: libri, lettere, ecc., tutto circola.");
  g_assert_cmpuint (italian->spans->len, ==, 4);
  g_assert_cmpstr (TEXT (italian, 0), ==, "Restano fecondi malintesi\u2026");
  g_assert_cmpstr (TEXT (italian, 2), ==, "Ecco Longfellow, ecc.");

  g_autoptr (Segmented) german = segment_string ("de", "Brot, Milch usw. Dann gingen wir.");
  g_assert_cmpuint (german->spans->len, ==, 2);
}

/* Italian titles in lower case, after an elided article too ("dall’arch.
   Marta Colella"), do not end a sentence. */
static void
test_italian_titles (void)
{
  g_autoptr (Segmented) s = segment_string (
    "it", "I lavori sono stati diretti dall\u2019arch. Marta Colella. Il direttore, il dott. "
          "Paolo Rizzo, prevede il tutto esaurito. Lo conferma l'avv. Rossi.");
  g_assert_cmpuint (s->spans->len, ==, 3);
  g_assert_cmpstr (TEXT (s, 0), ==, "I lavori sono stati diretti dall\u2019arch. Marta Colella.");
  g_assert_cmpstr (TEXT (s, 2), ==, "Lo conferma l'avv. Rossi.");
}

/* A paragraph that stops in mid-sentence, before one that goes on in
   lower case, is a sentence a page break cut: it is read on into the next
   paragraph, and what follows keeps the first paragraph's number. A
   paragraph that ends a sentence, or one followed by a capital, is not. */
static void
test_paragraph_cut_mid_sentence (void)
{
  g_autoptr (Segmented) s = segment_string (
    "en", "The treaty was signed by both\n\ngovernments in 1940. It held for a year.\n\n"
          "It ended in June,\n\nwhen the war began.\n\nThe next chapter\n\nBegins here.\n\n"
          "He left.\n\nthen he came back.\n\nA standfirst in lower case\n\ndi Giulia Ferraresi");
  g_assert_cmpuint (s->spans->len, ==, 9);
  g_assert_cmpstr (TEXT (s, 0), ==, "The treaty was signed by both\n\ngovernments in 1940.");
  g_assert_cmpstr (TEXT (s, 1), ==, "It held for a year.");
  g_assert_cmpuint (PARA (s, 1), ==, 0);
  g_assert_cmpstr (TEXT (s, 2), ==, "It ended in June,\n\nwhen the war began.");
  g_assert_cmpuint (PARA (s, 2), ==, 2);
  g_assert_cmpstr (TEXT (s, 3), ==, "The next chapter");
  g_assert_cmpstr (TEXT (s, 4), ==, "Begins here.");
  g_assert_cmpstr (TEXT (s, 5), ==, "He left.");
  g_assert_cmpstr (TEXT (s, 6), ==, "then he came back.");
  /* A byline under a standfirst goes on in lower case but ends no
     sentence: no page break cut them. */
  g_assert_cmpstr (TEXT (s, 8), ==, "di Giulia Ferraresi");

  /* Before a paragraph in capitals, only a word no sentence ends with
     (test_paragraph_cut_by_page_break) says the sentence goes on. */
  g_autoptr (Segmented) capital = segment_string (
    "en", "The unoccupied zone remained\n\nVichy was its centre.");
  g_assert_cmpuint (capital->spans->len, ==, 2);
  g_assert_cmpstr (TEXT (capital, 1), ==, "Vichy was its centre.");
}

/* A paragraph that reaches past the text is refused, with its number,
   also after a paragraph that stops in mid-sentence: the segmenter checks
   the next paragraph's bounds before it looks at its text. */
static void
test_paragraph_outside_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipSegmenter) segmenter = dip_segmenter_new ("en", &error);
  g_assert_no_error (error);
  const char text[] = "It stops in\n\nthe middle.";
  g_autoptr (GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (DipParagraphSpan));
  DipParagraphSpan spans[] = { { 0, 11 }, { 13, 13 + 400 } };
  g_array_append_vals (paragraphs, spans, G_N_ELEMENTS (spans));
  g_assert_null (dip_segmenter_split (segmenter, text, 11 + 2, paragraphs, &error));
  g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "paragraph 1"));
}

static void
test_mixed (void)
{
  g_autoptr (Segmented) s = segment_sample ("en", "002-mixed-ro-en.txt");
  g_assert_cmpuint (s->spans->len, ==, 23);
  g_assert_cmpuint (count_kind (s, DIP_SEGMENT_NON_CONTENT), ==, 2);
  g_assert_cmpstr (TEXT (s, 1), ==, "- Advertisement -");
  g_assert_true (g_str_has_prefix (TEXT (s, 0), "Ministerul Afacerilor Externe al Rusiei:"));
}

static void
test_book (void)
{
  g_autoptr (Segmented) s = segment_sample ("en", "003-book-en.txt");

  /* A regression guard: the count was checked by sampling, not by hand. */
  g_assert_cmpuint (s->spans->len, ==, 11216);
  /* A sentence a page break cut is whole again. */
  g_assert_cmpint (find_text (s, "By carrying out this national task, Soviet foreign policy helped "
                                 "to preserve and\n\nstrengthen the world's main bulwark of "
                                 "socialism."), >=, 0);
  g_assert_cmpuint (count_kind (s, DIP_SEGMENT_TABLE_ROW), ==, 106);
  g_assert_cmpstr (TEXT (s, 0), ==, "SOVIET FOREIGN POLICY");
  g_assert_cmpint (KIND (s, 0), ==, DIP_SEGMENT_HEADING);
  /* Soft-wrapped lines and initials make one sentence. */
  g_assert_cmpint (find_text (s, "The Russian edition was prepared for\npublication by A. V. GOREV,\n"
                                 "V. K. SOBAKIN, S. L. TIKHVINSKY\nand I. N. ZEMSKOV."), >=, 0);
  g_assert_cmpint (find_text (s, "The Soviet Ambassador to France V.S. Dovgalevsky arrived in "
                                 "London on July 29 to conduct the talks."), >=, 0);
  g_assert_cmpint (KIND (s, find_text (s, "1997.11.1.")), ==, DIP_SEGMENT_DATE);
  g_assert_cmpint (KIND (s, find_text (s, "1917-1945")), ==, DIP_SEGMENT_HEADING);
  /* A superscript footnote mark stays after its sentence, as non-content. */
  int i = find_prefix (s, "The radical differences between the economic basis of socialism");
  g_assert_cmpint (i, >, 0);
  g_assert_cmpstr (TEXT (s, i - 1), ==, "¹");
  g_assert_cmpint (KIND (s, i - 1), ==, DIP_SEGMENT_NON_CONTENT);
}

static void
test_line_kinds (void)
{
  g_autoptr (Segmented) s = segment_string (
    "en", "Sunday, July 14, 2024\n\n14 luglio 2024\n\n2024-07-14\n\n| a | b |\n|---|---|\n"
          "| c | d |\n\n- first item\n- second item. It has two sentences.\n\n"
          "Title of a section\nFirst sentence of the body. Second one.");
  const struct { const char *text; DipSegmentKind kind; } expected[] = {
    { "Sunday, July 14, 2024", DIP_SEGMENT_DATE },
    { "14 luglio 2024", DIP_SEGMENT_DATE },
    { "2024-07-14", DIP_SEGMENT_DATE },
    { "| a | b |", DIP_SEGMENT_TABLE_ROW },
    { "|---|---|", DIP_SEGMENT_NON_CONTENT },
    { "| c | d |", DIP_SEGMENT_TABLE_ROW },
    { "- first item", DIP_SEGMENT_LIST_ITEM },
    { "- second item.", DIP_SEGMENT_LIST_ITEM },
    { "It has two sentences.", DIP_SEGMENT_SENTENCE },
    { "Title of a section", DIP_SEGMENT_HEADING },
    { "First sentence of the body.", DIP_SEGMENT_SENTENCE },
    { "Second one.", DIP_SEGMENT_SENTENCE },
  };
  g_assert_cmpuint (s->spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (TEXT (s, i), ==, expected[i].text);
      g_assert_cmpint (KIND (s, i), ==, expected[i].kind);
    }
}

static void
test_paragraphs (void)
{
  const char text[] = "\n\n  first paragraph\nsame paragraph\n \t \nsecond\n\n\n  third  \n";
  g_autoptr (GArray) p = dip_split_paragraphs (text, strlen (text));
  g_assert_cmpuint (p->len, ==, 3);
  DipParagraphSpan *first = &g_array_index (p, DipParagraphSpan, 0);
  g_assert_cmpmem (text + first->start, first->end - first->start,
                   "first paragraph\nsame paragraph", 30);
  DipParagraphSpan *third = &g_array_index (p, DipParagraphSpan, 2);
  g_assert_cmpmem (text + third->start, third->end - third->start, "third", 5);
}

static void
test_presegmented (void)
{
  const char text[] = "  One line,  kept as is. Two sentences.\nSecond line\n\n\tThird, new paragraph\n";
  g_autoptr (GArray) p = dip_split_paragraphs (text, strlen (text));
  g_autoptr (GArray) lines = dip_split_lines (text, strlen (text), p);
  g_assert_cmpuint (lines->len, ==, 3);
  DipSegmentSpan *a = &g_array_index (lines, DipSegmentSpan, 0);
  DipSegmentSpan *c = &g_array_index (lines, DipSegmentSpan, 2);
  g_assert_cmpmem (text + a->start, a->end - a->start, "  One line,  kept as is. Two sentences.",
                   39);
  g_assert_cmpmem (text + c->start, c->end - c->start, "\tThird, new paragraph", 21);
  g_assert_cmpuint (a->paragraph, ==, 0);
  g_assert_cmpuint (c->paragraph, ==, 1);
}

static void
test_unknown_language (void)
{
  /* No rule file for Swedish: ICU alone still segments. */
  g_autoptr (Segmented) s = segment_string ("sv", "Det var en gång. En katt satt där.");
  g_assert_cmpuint (s->spans->len, ==, 2);

  g_autoptr (GError) error = NULL;
  g_assert_null (dip_segmenter_new ("not a tag", &error));
  g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter/italian-news", test_italian_news);
  g_test_add_func ("/segmenter/italian-abbreviations", test_italian_abbreviations);
  g_test_add_func ("/segmenter/english-abbreviations", test_english_abbreviations);
  g_test_add_func ("/segmenter/wikipedia", test_wikipedia);
  g_test_add_func ("/segmenter/short-paragraph-ends-in-reference-mark",
                   test_short_paragraph_ends_in_reference_mark);
  g_test_add_func ("/segmenter/paragraph-cut-by-page-break", test_paragraph_cut_by_page_break);
  g_test_add_func ("/segmenter/dialogue", test_dialogue);
  g_test_add_func ("/segmenter/ordinals-and-guillemets", test_ordinals_and_guillemets);
  g_test_add_func ("/segmenter/cjk-opening-quotes", test_cjk_opening_quotes);
  g_test_add_func ("/segmenter/ellipsis-and-etcetera", test_ellipsis_and_etcetera);
  g_test_add_func ("/segmenter/italian-titles", test_italian_titles);
  g_test_add_func ("/segmenter/paragraph-cut-mid-sentence", test_paragraph_cut_mid_sentence);
  g_test_add_func ("/segmenter/paragraph-outside-text", test_paragraph_outside_text);
  g_test_add_func ("/segmenter/mixed", test_mixed);
  g_test_add_func ("/segmenter/book", test_book);
  g_test_add_func ("/segmenter/line-kinds", test_line_kinds);
  g_test_add_func ("/segmenter/paragraphs", test_paragraphs);
  g_test_add_func ("/segmenter/presegmented", test_presegmented);
  g_test_add_func ("/segmenter/unknown-language", test_unknown_language);
  return g_test_run ();
}
