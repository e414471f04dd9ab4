/* dip-text.c — reading user text files into clean, NFC UTF-8.
 *
 * Everything that can be wrong with a text file a translator hands us is
 * caught here, with the file name and position in the message, so that the
 * importers never see bad bytes.
 */
#include "dip-config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <diptych/diptych.h>

#include "dip-utf16.h"

void
dip_text_free (DipText *text)
{
  if (text == NULL)
    return;
  g_clear_pointer (&text->original, g_bytes_unref);
  g_free (text->text);
  g_free (text);
}

/* 1-based line and column (in characters) of byte `offset`. */
static void
locate_offset (const char *data, gsize offset, guint *out_line, guint *out_column)
{
  guint line = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  /* The bytes before `offset` on this line are valid UTF-8 (we stop at the
   * first bad byte), so counting characters is safe. */
  *out_line = line;
  *out_column = (guint) g_utf8_strlen (data + line_start, (gssize) (offset - line_start)) + 1;
}

static gboolean
check_not_binary (const char *name, const char *data, gsize size, GError **error)
{
  const char *nul = memchr (data, '\0', size);
  if (nul == NULL)
    return TRUE;

  /* Columns are only meaningful where the prefix is UTF-8; for a binary
   * file report the line and the byte offset, which always are. */
  gsize offset = (gsize) (nul - data);
  guint line = 1;
  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
               "%s:%u: binary file, not text (NUL byte at byte offset %" G_GSIZE_FORMAT ")",
               name, line, offset);
  return FALSE;
}

static gboolean
check_utf8 (const char *name, const char *data, gsize size, GError **error)
{
  const char *end = NULL;
  if (g_utf8_validate_len (data, size, &end))
    return TRUE;

  guint line, column;
  gsize offset = (gsize) (end - data);
  locate_offset (data, offset, &line, &column);
  g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING,
               "%s:%u:%u: invalid UTF-8 (byte 0x%02X at byte offset %" G_GSIZE_FORMAT "); "
               "save the file as UTF-8",
               name, line, column, (guint) (guchar) *end, offset);
  return FALSE;
}

/* CRLF and lone CR become LF; done in place since the text only shrinks. */
static gsize
normalize_line_ends (char *text, gsize length)
{
  gsize out = 0;
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          text[out++] = '\n';
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        text[out++] = text[i];
    }
  text[out] = '\0';
  return out;
}

static gboolean
is_blank (const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

char *
dip_text_normalize_nfc (const char *text, gssize length, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance (&status);
  if (U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "ICU NFC normaliser unavailable: %s",
                   u_errorName (status));
      return NULL;
    }

  gsize len = length < 0 ? strlen (text) : (gsize) length;
  g_autoptr (DipUtf16) in = dip_utf16_new_from_utf8 (text, len, error);
  if (in == NULL)
    return NULL;

  /* Most text is already NFC: skip the copy then. */
  if (unorm2_isNormalized (nfc, in->chars, in->length, &status) && U_SUCCESS (status))
    return g_strndup (text, len);

  status = U_ZERO_ERROR;
  int32_t cap = in->length + in->length / 4 + 16;
  g_autofree UChar *out = g_new (UChar, cap);
  int32_t n = unorm2_normalize (nfc, in->chars, in->length, out, cap, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      status = U_ZERO_ERROR;
      g_free (out);
      cap = n + 1;
      out = g_new (UChar, cap);
      n = unorm2_normalize (nfc, in->chars, in->length, out, cap, &status);
    }
  if (U_FAILURE (status))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "NFC normalisation failed: %s",
                   u_errorName (status));
      return NULL;
    }
  return dip_utf16_to_utf8 (out, n, error);
}

DipText *
dip_text_new_from_bytes (GBytes *bytes, const char *name, GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || data == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: file is empty", name);
      return NULL;
    }
  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                    || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING,
                   "%s:1:1: UTF-16 text is not supported; save the file as UTF-8", name);
      return NULL;
    }
  if (!check_not_binary (name, data, size, error) || !check_utf8 (name, data, size, error))
    return NULL;

  gsize skip = 0;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;

  g_autofree char *clean = g_strndup (data + skip, size - skip);
  gsize clean_len = normalize_line_ends (clean, size - skip);
  if (is_blank (clean, clean_len))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: file has no text (only white space)", name);
      return NULL;
    }

  g_autoptr (GError) local_error = NULL;
  char *nfc = dip_text_normalize_nfc (clean, (gssize) clean_len, &local_error);
  if (nfc == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "%s: %s", name, local_error->message);
      return NULL;
    }

  DipText *text = g_new0 (DipText, 1);
  text->original = g_bytes_ref (bytes);
  text->text = nfc;
  text->length = strlen (nfc);
  return text;
}

DipText *
dip_text_load (const char *path, GError **error)
{
  struct stat st;

  if (stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, saved == ENOENT ? DIP_ERROR_NOT_FOUND : DIP_ERROR_IO,
                   "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: is a directory, not a text file", path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: not a regular file", path);
      return NULL;
    }

  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr (GError) local_error = NULL;
  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  return dip_text_new_from_bytes (bytes, path, error);
}

char *
dip_text_fold_apostrophes (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019 || c == 0x02BC)
        g_string_append_c (out, '\'');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
