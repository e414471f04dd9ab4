/* dip-tmx-reader.c — TMX 1.1–1.4 in, streamed through xmlTextReader.
 *
 * This file walks the XML and knows where it is; what a unit holds and
 * which of its variants become a pair is dip-tmx-unit.c's business. The
 * reader holds one <tu> at a time; each unit with text in both project
 * languages goes straight to a DipPairWriter, inside one transaction that
 * any error rolls back.
 *
 * Safety: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution (no XML_PARSE_NOENT), and no XML_PARSE_HUGE, so libxml2
 * keeps its limits (10 MB for one text node or attribute). Entities are
 * refused outright when the DOCTYPE declares any: without substitution the
 * parser keeps a reference unexpanded, but asking for an attribute value
 * would expand it, and a few kilobytes of declarations can expand to
 * gigabytes. TMX never needs entities beyond XML's five.
 */
#include "dip-config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/xmlreader.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-tmx-unit.h"
#include "dip-xml-safety.h"

typedef struct
{
  const char       *path;
  xmlTextReaderPtr  reader;
  GCancellable     *cancellable;
  DipPairWriter    *pairs;
  DipTmxUnit       *unit;
  DipImportReport  *report;
  GError           *xml_error;         /* the first error libxml2 reported */
  gboolean          xml_error_in_file; /* …with a position in the file */

  /* Where we are; depths are -1 outside the element. */
  int               tu_depth;
  int               tuv_depth;
  int               seg_depth;
  int               code_depth;  /* an inline code, whose content is left out */
  int               prop_depth;  /* <prop type="x-diptych-confidence"> */
  GString          *prop_text;
  gboolean          seen_root;
  gboolean          root_closed;
  guint64           n_tuv_tags;  /* <tuv> start tags so far, to find one again */
} TmxReader;

/* ---- positions in messages ---------------------------------------------- */

/* Whether the bytes read so far, the last of them in `recent[15]`, end
 * with `tail`. */
static gboolean
ends_with (const guchar recent[16], const char *tail)
{
  gsize length = strlen (tail);
  return memcmp (recent + 16 - length, tail, length) == 0;
}

/* Where markup can hide in text: comments, CDATA sections, processing
 * instructions. Returns the state after `recent`'s last byte. */
typedef enum { MARKUP, IN_COMMENT, IN_CDATA, IN_PI } ScanState;

static ScanState
next_state (ScanState state, const guchar recent[16])
{
  switch (state)
    {
    case MARKUP:
      return ends_with (recent, "<!--") ? IN_COMMENT
             : ends_with (recent, "<![CDATA[") ? IN_CDATA
             : ends_with (recent, "<?") ? IN_PI : MARKUP;
    case IN_COMMENT:
      return ends_with (recent, "-->") ? MARKUP : state;
    case IN_CDATA:
      return ends_with (recent, "]]>") ? MARKUP : state;
    case IN_PI:
    default:
      return ends_with (recent, "?>") ? MARKUP : state;
    }
}

/* Finds the `nth` occurrence of `needle` in the file's markup (as a tag
 * name when it ends in a letter: followed by white space, ">" or "/"), and
 * gives its line and column (in characters). libxml2 keeps the line of an
 * element only up to 65535 and never its column, so an error about an
 * element counts its start tags and finds it again here, on the error path
 * only. Bytes are read one at a time: a TMX file may be one line of 500 MB. */
static gboolean
find_position (const char *path, const char *needle, guint64 nth, guint *out_line,
               guint *out_column)
{
  enum { MAX_NEEDLE = 64 };
  gsize length = strlen (needle);
  gboolean tag = length > 0 && g_ascii_isalnum (needle[length - 1]);
  gsize window = length + (tag ? 1 : 0);
  if (length == 0 || window > MAX_NEEDLE)
    return FALSE;
  /* A pipe cannot be read twice: reading it again would swallow the rest
   * of the stream, however long, only to place an error. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  FILE *stream = fopen (path, "rb");
  if (stream == NULL)
    return FALSE;

  /* The last `window` bytes, each with its line and column. */
  guchar bytes[MAX_NEEDLE];
  guint lines[MAX_NEEDLE], columns[MAX_NEEDLE];
  guchar recent[16] = { 0 };
  ScanState state = MARKUP;
  guint line = 1, column = 0;
  gboolean after_newline = FALSE, found = FALSE;
  guint64 n_bytes = 0, count = 0;
  int c;
  while (!found && (c = getc (stream)) != EOF)
    {
      if (after_newline)
        {
          line++;
          column = 0;
        }
      after_newline = c == '\n';
      if ((c & 0xC0) != 0x80)
        column++;
      gsize slot = n_bytes++ % window;
      bytes[slot] = (guchar) c;
      lines[slot] = line;
      columns[slot] = column;
      memmove (recent, recent + 1, sizeof recent - 1);
      recent[sizeof recent - 1] = (guchar) c;
      ScanState before = state;
      state = next_state (state, recent);
      if (before != MARKUP || n_bytes < window || (tag && !strchr (" \t\r\n>/", c)))
        continue;

      gsize first = n_bytes % window;
      gboolean match = TRUE;
      for (gsize i = 0; match && i < length; i++)
        match = bytes[(first + i) % window] == (guchar) needle[i];
      if (match && ++count == nth)
        {
          *out_line = lines[first];
          *out_column = columns[first];
          found = TRUE;
        }
    }
  fclose (stream);
  return found;
}

/* Sets an error "FILE:LINE:COL: message" about the `nth` element (or
 * other markup) of the file that starts with `needle`. */
static gboolean G_GNUC_PRINTF (5, 6)
fail_at (TmxReader *r, const char *needle, guint64 nth, GError **error, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);

  guint line, column;
  if (find_position (r->path, needle, nth, &line, &column))
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%u:%u: %s", r->path, line,
                 column, message);
  else
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%d: %s", r->path,
                 xmlTextReaderGetParserLineNumber (r->reader), message);
  return FALSE;
}

static void
on_xml_error (void *data, xmlErrorPtr e)
{
  TmxReader *r = data;
  if (e->level < XML_ERR_ERROR)
    return;
  /* An error inside an entity's text comes first, with a position in that
   * text; the one that follows has the position in the file. */
  if (r->xml_error != NULL && (r->xml_error_in_file || e->file == NULL))
    return;
  g_clear_error (&r->xml_error);
  r->xml_error_in_file = e->file != NULL;

  /* Some of libxml2's messages describe its own workings; say what is
   * wrong with the file instead. */
  g_autofree char *message = g_strchomp (g_strdup (e->message ? e->message : "error"));
  const char *say = dip_xml_error_explain (e);
  if (say == NULL && e->code == XML_ERR_DOCUMENT_END && r->seen_root && !r->root_closed)
    say = "the file ends before </tmx>; it is truncated";
  if (say == NULL)
    say = message;
  g_set_error (&r->xml_error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%d:%d: %s", r->path,
               e->line, e->int2, say);
}

/* ---- units -------------------------------------------------------------- */

static char *
dup_attribute (TmxReader *r, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (r->reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The element's changedate, or its creationdate. */
static char *
dup_date (TmxReader *r)
{
  char *date = dup_attribute (r, "changedate");
  return date ? date : dup_attribute (r, "creationdate");
}

static void
start_unit (TmxReader *r, int depth)
{
  g_autofree char *date = dup_date (r);
  r->tu_depth = depth;
  dip_tmx_unit_start (r->unit, date);
}

static gboolean
finish_unit (TmxReader *r, GError **error)
{
  gboolean stored;
  r->tu_depth = -1;
  r->report->n_read++;
  if (!dip_tmx_unit_store (r->unit, r->pairs, &stored, error))
    return FALSE;
  if (stored)
    r->report->n_imported++;
  else
    r->report->n_skipped++;
  return r->report->n_read % 4096 != 0
         || !g_cancellable_set_error_if_cancelled (r->cancellable, error);
}

static gboolean
start_variant (TmxReader *r, int depth, GError **error)
{
  /* TMX 1.1 and 1.2 wrote "lang"; 1.3 and 1.4 "xml:lang". */
  g_autofree char *lang = dup_attribute (r, "xml:lang");
  if (lang == NULL)
    lang = dup_attribute (r, "lang");

  if (lang == NULL || *lang == '\0')
    return fail_at (r, "<tuv", r->n_tuv_tags, error, "<tuv> without xml:lang");

  g_autofree char *date = dup_date (r);
  dip_tmx_unit_add_variant (r->unit, lang, date);
  r->tuv_depth = depth;
  return TRUE;
}

/* An element inside <seg>: codes become placeholders and their content,
 * native code of the original format, is left out; <hi>, <sub> and
 * anything unknown keep their text. */
static void
start_inline (TmxReader *r, const char *name, int depth, gboolean empty)
{
  if (g_str_equal (name, "bpt") || g_str_equal (name, "ept"))
    {
      g_autofree char *i = dup_attribute (r, "i");
      dip_tmx_unit_append_code (r->unit, name[0] == 'b' ? DIP_TMX_CODE_PAIRED_BEGIN
                                                        : DIP_TMX_CODE_PAIRED_END, i);
    }
  else if (g_str_equal (name, "it"))
    {
      g_autofree char *pos = dup_attribute (r, "pos");
      dip_tmx_unit_append_code (r->unit, g_strcmp0 (pos, "end") == 0
                                           ? DIP_TMX_CODE_ISOLATED_END
                                           : DIP_TMX_CODE_ISOLATED_BEGIN, NULL);
    }
  else if (g_str_equal (name, "ph") || g_str_equal (name, "ut"))
    dip_tmx_unit_append_code (r->unit, DIP_TMX_CODE_STANDALONE, NULL);
  else
    return;
  if (!empty)
    r->code_depth = depth;
}

/* ---- the element tree --------------------------------------------------- */

static gboolean
check_root (TmxReader *r, const char *name, GError **error)
{
  if (!g_str_equal (name, "tmx"))
    {
      g_autofree char *needle = g_strdup_printf ("<%s", name);
      return fail_at (r, needle, 1, error, "not a TMX file: the root element is <%s>, not <tmx>",
                      name);
    }
  g_autofree char *version = dup_attribute (r, "version");
  if (version != NULL && !g_str_has_prefix (version, "1."))
    return fail_at (r, "<tmx", 1, error, "TMX version %s is not supported (1.1 to 1.4 are)",
                    version);
  return TRUE;
}

static gboolean
on_start (TmxReader *r, const char *name, int depth, gboolean empty, GError **error)
{
  if (!r->seen_root)
    {
      r->seen_root = TRUE;
      return check_root (r, name, error);
    }
  if (g_str_equal (name, "tuv"))
    r->n_tuv_tags++;
  if (r->code_depth >= 0)
    return TRUE;
  if (r->seg_depth >= 0)
    {
      start_inline (r, name, depth, empty);
      return TRUE;
    }
  if (r->tu_depth < 0)
    {
      if (g_str_equal (name, "tu"))
        start_unit (r, depth);
      return TRUE;
    }
  if (r->tuv_depth < 0 && g_str_equal (name, "tuv"))
    return start_variant (r, depth, error);
  if (r->tuv_depth >= 0 && depth == r->tuv_depth + 1 && g_str_equal (name, "seg"))
    {
      r->seg_depth = depth;
      dip_tmx_unit_start_segment (r->unit);
    }
  else if (depth == r->tu_depth + 1 && g_str_equal (name, "prop"))
    {
      g_autofree char *type = dup_attribute (r, "type");
      if (g_strcmp0 (type, "x-diptych-confidence") == 0)
        {
          r->prop_depth = depth;
          g_string_truncate (r->prop_text, 0);
        }
    }
  return TRUE;
}

static gboolean
on_end (TmxReader *r, int depth, GError **error)
{
  if (depth == 0)
    r->root_closed = TRUE;
  else if (depth == r->code_depth)
    r->code_depth = -1;
  else if (r->code_depth >= 0)
    return TRUE;
  else if (depth == r->seg_depth)
    r->seg_depth = -1;
  else if (depth == r->tuv_depth)
    r->tuv_depth = -1;
  else if (depth == r->prop_depth)
    {
      dip_tmx_unit_set_confidence (r->unit, r->prop_text->str);
      r->prop_depth = -1;
    }
  else if (depth == r->tu_depth)
    return finish_unit (r, error);
  return TRUE;
}

static void
on_text (TmxReader *r)
{
  const char *text = (const char *) xmlTextReaderConstValue (r->reader);
  if (r->seg_depth >= 0 && r->code_depth < 0)
    dip_tmx_unit_append_text (r->unit, text);
  else if (r->prop_depth >= 0)
    g_string_append (r->prop_text, text);
}

static gboolean
check_doctype (TmxReader *r, GError **error)
{
  if (dip_xml_declares_entities (r->reader))
    return fail_at (r, "<!DOCTYPE", 1, error,
                    "the DOCTYPE declares entities; TMX needs none, and they are refused "
                    "for safety");
  return TRUE;
}

static gboolean
process_node (TmxReader *r, GError **error)
{
  int depth = xmlTextReaderDepth (r->reader);
  const char *name = (const char *) xmlTextReaderConstName (r->reader);

  switch (xmlTextReaderNodeType (r->reader))
    {
    case XML_READER_TYPE_ELEMENT:
      {
        gboolean empty = xmlTextReaderIsEmptyElement (r->reader) == 1;
        return on_start (r, name, depth, empty, error) && (!empty || on_end (r, depth, error));
      }
    case XML_READER_TYPE_END_ELEMENT:
      return on_end (r, depth, error);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      on_text (r);
      return TRUE;
    case XML_READER_TYPE_ENTITY_REFERENCE:
      {
        g_autofree char *needle = g_strdup_printf ("&%s;", name);
        return fail_at (r, needle, 1, error, "entity reference %s is not allowed in TMX",
                        needle);
      }
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return check_doctype (r, error);
    default:
      return TRUE;
    }
}

/* ---- the whole file ----------------------------------------------------- */

static gboolean
read_units (TmxReader *r, GError **error)
{
  int rc;
  while ((rc = xmlTextReaderRead (r->reader)) == 1 && r->xml_error == NULL)
    if (!process_node (r, error))
      return FALSE;

  if (r->xml_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->xml_error));
      return FALSE;
    }
  if (rc < 0 || !r->seen_root)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: not a TMX file (no XML)",
                   r->path);
      return FALSE;
    }
  return TRUE;
}

static void
reader_clear (TmxReader *r)
{
  g_clear_pointer (&r->reader, xmlFreeTextReader);
  g_clear_pointer (&r->pairs, dip_pair_writer_free);
  g_clear_pointer (&r->unit, dip_tmx_unit_free);
  g_clear_error (&r->xml_error);
  if (r->prop_text)
    g_string_free (r->prop_text, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TmxReader, reader_clear)

static void
reader_init (TmxReader *r, DipProject *project, const char *path, DipImportReport *report,
             GCancellable *cancellable)
{
  r->path = path;
  r->report = report;
  r->cancellable = cancellable;
  r->tu_depth = r->tuv_depth = r->seg_depth = r->code_depth = r->prop_depth = -1;
  r->unit = dip_tmx_unit_new (project);
  r->prop_text = g_string_new (NULL);
}

/* Opens `path` for the reader, with the errors a missing file, a folder or
 * an unreadable file deserve (libxml2 would only print a warning). */
static int
open_input (const char *path, GError **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: is a directory, not a TMX file",
                   path);
      return -1;
    }
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, saved == ENOENT ? DIP_ERROR_NOT_FOUND : DIP_ERROR_IO,
                   "%s: %s", path, g_strerror (saved));
    }
  return fd;
}

gboolean
dip_project_import_tmx (DipProject *self, const char *path, DipImportReport *out_report,
                        GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  DipImportReport report = { 0 };
  g_auto (TmxReader) r = { 0 };
  reader_init (&r, self, path, &report, cancellable);

  int fd = open_input (path, error);
  if (fd < 0)
    return FALSE;
  xmlInitParser ();
  r.reader = xmlReaderForFd (fd, path, NULL, XML_PARSE_NONET);
  if (r.reader == NULL)
    {
      close (fd);
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "%s: cannot set up the XML reader", path);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (r.reader, on_xml_error, &r);

  g_autofree char *name = g_path_get_basename (path);
  r.pairs = dip_pair_writer_begin (self, name, error);
  gboolean ok = r.pairs != NULL && read_units (&r, error);
  g_clear_pointer (&r.reader, xmlFreeTextReader);
  close (fd);
  if (!ok)
    return FALSE;

  if (report.n_imported == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: no translation unit has text in both %s and %s (%" G_GUINT64_FORMAT
                   " read)", path, dip_tmx_unit_get_lang (r.unit, DIP_SIDE_SOURCE),
                   dip_tmx_unit_get_lang (r.unit, DIP_SIDE_TARGET),
                   report.n_read);
      return FALSE;
    }
  if (!dip_pair_writer_commit (r.pairs, &report.src_document, &report.tgt_document, error))
    return FALSE;
  if (out_report)
    *out_report = report;
  return TRUE;
}
