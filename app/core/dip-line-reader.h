/* dip-line-reader.h — a text file read a line at a time, with the checks
 * dip_text_load makes on a whole file (UTF-8, no NUL bytes, no UTF-16),
 * for importers whose input may be larger than memory. Internal. */
#pragma once

#include <glib.h>

typedef struct _DipLineReader DipLineReader;

/* Opens `path`; fails (naming it) when it is missing, a folder, not a
 * regular file, unreadable or empty. */
DipLineReader *dip_line_reader_open (const char *path, GError **error);

/* The next line, without its end (LF, CRLF or a lone CR) and, on the
 * first line, without a UTF-8 BOM. The text is valid UTF-8 without NUL
 * bytes, borrowed until the next call. Returns FALSE at the end of the
 * file (no error) or when the line is not text (error set, with line and
 * column). */
gboolean       dip_line_reader_next (DipLineReader *reader,
                                     const char   **out_line,
                                     gsize         *out_length,
                                     GError       **error);

/* 1-based number of the line last returned. */
guint          dip_line_reader_get_number (DipLineReader *reader);

void           dip_line_reader_free (DipLineReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipLineReader, dip_line_reader_free)
