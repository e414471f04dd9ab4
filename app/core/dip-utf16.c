/* dip-utf16.c — conversions between our UTF-8 and ICU's UTF-16. */
#include "dip-config.h"

#include <unicode/ustring.h>

#include <diptych/diptych.h>

#include "dip-utf16.h"

void
dip_utf16_free (DipUtf16 *u)
{
  if (u == NULL)
    return;
  g_free (u->chars);
  g_free (u->byte_offsets);
  g_free (u);
}

DipUtf16 *
dip_utf16_new_from_utf8 (const char *text, gsize length, GError **error)
{
  if (length > G_MAXINT32 / 2)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "text of %" G_GSIZE_FORMAT " bytes is too long", length);
      return NULL;
    }

  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strFromUTF8 (NULL, 0, &needed, text, (int32_t) length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "invalid UTF-8: %s", u_errorName (status));
      return NULL;
    }

  DipUtf16 *u = g_new0 (DipUtf16, 1);
  u->chars = g_new (UChar, needed + 1);
  status = U_ZERO_ERROR;
  u_strFromUTF8 (u->chars, needed + 1, &u->length, text, (int32_t) length, &status);
  if (U_FAILURE (status))
    {
      dip_utf16_free (u);
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "invalid UTF-8: %s", u_errorName (status));
      return NULL;
    }
  return u;
}

DipUtf16 *
dip_utf16_new_with_offsets (const char *text, gsize length, GError **error)
{
  DipUtf16 *u = dip_utf16_new_from_utf8 (text, length, error);
  if (u == NULL)
    return NULL;

  u->byte_offsets = g_new (guint32, u->length + 1);
  int32_t k = 0;
  const char *p = text;
  const char *end = text + length;
  while (p < end && k < u->length)
    {
      gunichar c = g_utf8_get_char (p);
      guint32 offset = (guint32) (p - text);
      u->byte_offsets[k++] = offset;
      if (c > 0xFFFF && k < u->length)
        u->byte_offsets[k++] = offset;  /* low surrogate maps to the same character */
      p = g_utf8_next_char (p);
    }
  u->byte_offsets[u->length] = (guint32) length;
  return u;
}

char *
dip_utf16_to_utf8 (const UChar *chars, int32_t length, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strToUTF8 (NULL, 0, &needed, chars, length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "invalid UTF-16: %s", u_errorName (status));
      return NULL;
    }
  char *out = g_malloc (needed + 1);
  status = U_ZERO_ERROR;
  u_strToUTF8 (out, needed + 1, NULL, chars, length, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "invalid UTF-16: %s", u_errorName (status));
      return NULL;
    }
  return out;
}
