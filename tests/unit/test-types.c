/* test-types.c — enum names and BCP 47 language tags. */
#include <string.h>

#include "test-util.h"

static void
test_language_tags (void)
{
  const struct { const char *in, *out; } good[] = {
    { "it", "it" }, { "EN", "en" }, { "en-gb", "en-GB" }, { "en_US", "en-US" },
    { "sr-latn-rs", "sr-Latn-RS" }, { "es-419", "es-419" }, { "ast", "ast" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tag = dip_language_tag_normalize (good[i].in, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tag, ==, good[i].out);
    }

  const char *bad[] = { "", "e", "english", "en-", "12", "en-G", "it it", "en--GB" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *tag = dip_language_tag_normalize (bad[i], &error);
      g_assert_null (tag);
      g_assert_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT);
    }

  g_autofree char *primary = dip_language_tag_primary ("en-GB");
  g_assert_cmpstr (primary, ==, "en");
}

static void
test_enum_names (void)
{
  for (int side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      DipSide back;
      g_assert_true (dip_side_from_string (dip_side_to_string (side), &back));
      g_assert_cmpint (back, ==, side);
    }
  for (int kind = DIP_SEGMENT_SENTENCE; kind <= DIP_SEGMENT_NON_CONTENT; kind++)
    {
      DipSegmentKind back;
      g_assert_true (dip_segment_kind_from_string (dip_segment_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  for (int status = DIP_BEAD_AUTO; status <= DIP_BEAD_REJECTED; status++)
    {
      DipBeadStatus back;
      g_assert_true (dip_bead_status_from_string (dip_bead_status_to_string (status), &back));
      g_assert_cmpint (back, ==, status);
    }
  DipSide side;
  g_assert_false (dip_side_from_string ("left", &side));
  g_assert_false (dip_side_from_string (NULL, &side));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/types/language-tags", test_language_tags);
  g_test_add_func ("/types/enum-names", test_enum_names);
  return g_test_run ();
}
