/* dip-line-reader.c — a text file read a line at a time.
 *
 * Memory holds one buffer and the longest line, whatever the size of the
 * file. The checks are dip-text.c's, made line by line: the first bad line
 * is reported, not the first bad byte of the file, and lines before it
 * have been returned by then (an importer inside a transaction rolls them
 * back).
 */
#include "dip-config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#include "dip-line-reader.h"

#define BUFFER_SIZE (64 * 1024)

struct _DipLineReader
{
  char    *path;
  int      fd;
  GString *line;          /* the line last returned, as read */
  guchar  *buf;           /* BUFFER_SIZE bytes read ahead */
  gsize    pos;           /* next byte in buf */
  gsize    len;           /* bytes in buf */
  guint64  buf_offset;    /* in the file, of buf[0] */
  guint64  line_offset;   /* in the file, of the line's first byte */
  guint    number;
  gboolean skip_lf;       /* the last line ended with CR: a LF next ends it too */
};

void
dip_line_reader_free (DipLineReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->fd >= 0)
    close (reader->fd);
  g_string_free (reader->line, TRUE);
  g_free (reader->buf);
  g_free (reader->path);
  g_free (reader);
}

static gboolean
fail_errno (const char *path, int saved, GError **error)
{
  g_set_error (error, DIP_ERROR, saved == ENOENT ? DIP_ERROR_NOT_FOUND : DIP_ERROR_IO, "%s: %s",
               path, g_strerror (saved));
  return FALSE;
}

/* The file's type and size, with the errors dip_text_load gives. */
static gboolean
check_file (const char *path, int fd, GError **error)
{
  struct stat st;
  if (fstat (fd, &st) != 0)
    return fail_errno (path, errno, error);
  if (S_ISDIR (st.st_mode))
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                 "%s: is a directory, not a text file", path);
  else if (!S_ISREG (st.st_mode))
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: not a regular file", path);
  else if (st.st_size == 0)
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: file is empty", path);
  else
    return TRUE;
  return FALSE;
}

DipLineReader *
dip_line_reader_open (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      fail_errno (path, errno, error);
      return NULL;
    }
  g_autoptr (DipLineReader) reader = g_new0 (DipLineReader, 1);
  reader->fd = fd;
  reader->path = g_strdup (path);
  reader->line = g_string_sized_new (256);
  reader->buf = g_malloc (BUFFER_SIZE);
  if (!check_file (path, fd, error))
    return NULL;
  return g_steal_pointer (&reader);
}

guint
dip_line_reader_get_number (DipLineReader *reader)
{
  return reader->number;
}

/* Reads the next buffer; `reader->len` is 0 at the end of the file. */
static gboolean
fill (DipLineReader *reader, GError **error)
{
  reader->buf_offset += reader->len;
  reader->pos = reader->len = 0;
  gssize n;
  do
    n = read (reader->fd, reader->buf, BUFFER_SIZE);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return fail_errno (reader->path, errno, error);
  reader->len = (gsize) n;
  return TRUE;
}

/* Reads up to the next line end into `reader->line`. FALSE at the end of
 * the file when no byte was left, or on a read error (error set). */
static gboolean
read_raw_line (DipLineReader *reader, GError **error)
{
  gboolean seen = FALSE;  /* a byte of this line, its end included */
  g_string_truncate (reader->line, 0);
  reader->line_offset = reader->buf_offset + reader->pos;
  for (;;)
    {
      if (reader->pos == reader->len && !fill (reader, error))
        return FALSE;
      if (reader->len == 0)
        return seen;
      if (reader->skip_lf)
        {
          reader->skip_lf = FALSE;
          if (reader->buf[reader->pos] == '\n')
            {
              reader->pos++;
              reader->line_offset++;
              continue;
            }
        }
      gsize start = reader->pos;
      while (reader->pos < reader->len && reader->buf[reader->pos] != '\n'
             && reader->buf[reader->pos] != '\r')
        reader->pos++;
      g_string_append_len (reader->line, (const char *) reader->buf + start,
                           (gssize) (reader->pos - start));
      seen = seen || reader->pos > start;
      if (reader->pos < reader->len)
        {
          reader->skip_lf = reader->buf[reader->pos] == '\r';
          reader->pos++;
          return TRUE;
        }
    }
}

/* The checks of dip-text.c on one line: not UTF-16, no NUL, UTF-8. */
static gboolean
check_line (DipLineReader *reader, GError **error)
{
  const char *data = reader->line->str;
  gsize length = reader->line->len;
  if (reader->number == 1 && length >= 2
      && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
          || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING,
                   "%s:1:1: UTF-16 text is not supported; save the file as UTF-8",
                   reader->path);
      return FALSE;
    }
  const char *nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: binary file, not text (NUL byte at byte offset %" G_GUINT64_FORMAT
                   ")", reader->path, reader->number,
                   reader->line_offset + (guint64) (nul - data));
      return FALSE;
    }
  const char *end = NULL;
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING,
                   "%s:%u:%ld: invalid UTF-8 (byte 0x%02X at byte offset %" G_GUINT64_FORMAT
                   "); save the file as UTF-8", reader->path, reader->number,
                   g_utf8_pointer_to_offset (data, end) + 1, (guint) (guchar) *end,
                   reader->line_offset + (guint64) (end - data));
      return FALSE;
    }
  return TRUE;
}

gboolean
dip_line_reader_next (DipLineReader *reader, const char **out_line, gsize *out_length,
                      GError **error)
{
  if (!read_raw_line (reader, error))
    return FALSE;
  reader->number++;
  if (!check_line (reader, error))
    return FALSE;

  gsize skip = 0;
  if (reader->number == 1 && reader->line->len >= 3
      && memcmp (reader->line->str, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  *out_line = reader->line->str + skip;
  *out_length = reader->line->len - skip;
  return TRUE;
}
