/* test-langid.c — language per paragraph by hunspell hit rate. */
#include <string.h>

#include "test-util.h"

static const char romanian[] =
  "Ministerul Afacerilor Externe al Rusiei: Dialogul pentru un tratat de pace cu Japonia "
  "poate începe doar dacă Tokyo abandonează poziția sa anti-rusă.";
static const char english[] =
  "The Russian Foreign Ministry has stated that any discussions regarding a peace treaty "
  "with Japan are contingent upon Tokyo renouncing what Moscow perceives as a stance.";
static const char italian[] =
  "L’agenzia di stampa ufficiale della Corea del Nord ha diffuso giovedì il testo "
  "dell’accordo, che comprende l’impegno a fornire assistenza militare.";

static gboolean
have_dictionaries (void)
{
  const char *needed[] = { "en_US.dic", "it_IT.dic", "ro_RO.dic" };
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autofree char *path = g_build_filename ("/usr/share/hunspell", needed[i], NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return FALSE;
    }
  return TRUE;
}

static void
test_guess (void)
{
  if (!have_dictionaries ())
    {
      g_test_skip ("hunspell-en-us, hunspell-it and hunspell-ro are needed (scripts/bootstrap)");
      return;
    }
  g_autoptr (DipLangId) langid = dip_langid_new (NULL);
  const struct { const char *text, *expected, *result; } cases[] = {
    { romanian, "en", "ro" },       /* seed 002's first line */
    { english, "en", "en" },
    { english, "en-GB", "en-GB" },  /* the declared tag is kept as written */
    { italian, "en", "it" },
    { italian, "it", "it" },
    { "Volume I", "en", "en" },     /* too short to judge: the declared language */
    { "1917-1945", "it", "it" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lang = dip_langid_guess (langid, cases[i].text, -1, cases[i].expected);
      g_assert_cmpstr (lang, ==, cases[i].result);
    }

  /* The typographic apostrophe is folded before hunspell sees it. */
  g_assert_cmpfloat (dip_langid_hit_rate (langid, italian, -1, "it"), >=, 0.9);
  g_assert_cmpfloat (dip_langid_hit_rate (langid, italian, -1, "xx"), ==, -1.0);
}

static void
test_no_dictionaries (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autoptr (DipLangId) langid = dip_langid_new (dir->path);
  g_autofree char *lang = dip_langid_guess (langid, romanian, -1, "en");
  g_assert_cmpstr (lang, ==, "en");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/langid/guess", test_guess);
  g_test_add_func ("/langid/no-dictionaries", test_no_dictionaries);
  return g_test_run ();
}
