/* dip-types.c — names of the shared enums and BCP 47 tag handling. */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

static const char *const side_names[] = { "source", "target" };
static const char *const kind_names[] = {
  "sentence", "heading", "date", "list-item", "table-row", "non-content",
};
static const char *const status_names[] = { "auto", "confirmed", "rejected" };

static gboolean
lookup_name (const char *const *names, guint n_names, const char *text, int *out_index)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], text))
      {
        *out_index = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dip_side_to_string (DipSide side)
{
  g_return_val_if_fail ((guint) side < G_N_ELEMENTS (side_names), NULL);
  return side_names[side];
}

gboolean
dip_side_from_string (const char *text, DipSide *out_side)
{
  int index;
  if (!lookup_name (side_names, G_N_ELEMENTS (side_names), text, &index))
    return FALSE;
  *out_side = (DipSide) index;
  return TRUE;
}

const char *
dip_segment_kind_to_string (DipSegmentKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
dip_segment_kind_from_string (const char *text, DipSegmentKind *out_kind)
{
  int index;
  if (!lookup_name (kind_names, G_N_ELEMENTS (kind_names), text, &index))
    return FALSE;
  *out_kind = (DipSegmentKind) index;
  return TRUE;
}

const char *
dip_bead_status_to_string (DipBeadStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
dip_bead_status_from_string (const char *text, DipBeadStatus *out_status)
{
  int index;
  if (!lookup_name (status_names, G_N_ELEMENTS (status_names), text, &index))
    return FALSE;
  *out_status = (DipBeadStatus) index;
  return TRUE;
}

static gboolean
all_chars (const char *s, gsize len, int (*pred) (int))
{
  for (gsize i = 0; i < len; i++)
    if (!pred ((unsigned char) s[i]))
      return FALSE;
  return TRUE;
}

static int
is_ascii_alpha (int c)
{
  return g_ascii_isalpha (c);
}

static int
is_ascii_digit (int c)
{
  return g_ascii_isdigit (c);
}

static int
is_ascii_alnum (int c)
{
  return g_ascii_isalnum (c);
}

/* Accepts language[-script][-region][-variant…], the subset of BCP 47 that
 * translators meet; "_" is taken for "-" because hunspell and POSIX locales
 * spell tags that way. */
char *
dip_language_tag_normalize (const char *tag, GError **error)
{
  if (tag == NULL || *tag == '\0')
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT, "empty language tag");
      return NULL;
    }

  g_autofree char *copy = g_strdup (tag);
  g_strdelimit (copy, "_", '-');
  g_auto (GStrv) parts = g_strsplit (copy, "-", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      const char *p = parts[i];
      gsize len = strlen (p);
      gboolean ok;

      if (i == 0)
        {
          ok = len >= 2 && len <= 3 && all_chars (p, len, is_ascii_alpha);
          if (ok)
            {
              g_autofree char *lower = g_ascii_strdown (p, -1);
              g_string_append (out, lower);
            }
        }
      else if (len == 4 && all_chars (p, len, is_ascii_alpha))
        {
          g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_toupper (p[0]));
          for (gsize k = 1; k < len; k++)
            g_string_append_c (out, g_ascii_tolower (p[k]));
          ok = TRUE;
        }
      else if ((len == 2 && all_chars (p, len, is_ascii_alpha))
               || (len == 3 && all_chars (p, len, is_ascii_digit)))
        {
          g_autofree char *upper = g_ascii_strup (p, -1);
          g_string_append_printf (out, "-%s", upper);
          ok = TRUE;
        }
      else
        {
          ok = len >= 5 && len <= 8 && all_chars (p, len, is_ascii_alnum);
          if (ok)
            {
              g_autofree char *lower = g_ascii_strdown (p, -1);
              g_string_append_printf (out, "-%s", lower);
            }
        }

      if (!ok)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                       "“%s” is not a BCP 47 language tag (e.g. it, en-GB, ro)", tag);
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  return g_string_free (out, FALSE);
}

char *
dip_language_tag_primary (const char *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);
  gsize len = strcspn (tag, "-_");
  return g_ascii_strdown (tag, (gssize) len);
}
