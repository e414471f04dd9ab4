/* dip-tmx-reader.c — TMX 1.1–1.4 in, streamed through libxml2's SAX2
 * push parser.
 *
 * This file walks the XML and knows where it is; what a unit holds and
 * which of its variants become a pair is dip-tmx-unit.c's business. The
 * reader holds one <tu> at a time; each unit with text in both project
 * languages goes straight to a DipPairWriter, inside one transaction that
 * any error rolls back.
 *
 * SAX2 rather than xmlTextReader: the reader builds a node for every
 * element, attribute and text and frees it again, and copies every
 * attribute asked for; on a million units that was two thirds of the
 * parsing thread's time. Here the parser hands over names from its
 * dictionary and attribute values and text in place.
 *
 * Safety: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution (no XML_PARSE_NOENT), and no XML_PARSE_HUGE, so libxml2
 * keeps its limits (10 MB for one attribute, 256 levels of elements). A
 * segment's or a property's text is bounded here to the same 10 MB, since
 * without a tree libxml2 does not see it whole. Entities are refused
 * outright when the DOCTYPE declares any: without substitution the parser
 * keeps a reference unexpanded, but attribute values are expanded, and a
 * few kilobytes of declarations can expand to gigabytes. TMX never needs
 * entities beyond XML's five.
 */
#include "dip-config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-tmx-unit.h"
#include "dip-xml-safety.h"

/* Bytes read from the file and pushed to the parser at a time. */
#define CHUNK_BYTES (64 * 1024)

/* The deepest nesting of elements: libxml2's bound (xmlParserMaxDepth)
 * without XML_PARSE_HUGE, which it enforces only when it builds a tree. */
#define MAX_DEPTH 256

/* The longest text of a <seg> or <prop>: libxml2's own bound on one text
 * node without XML_PARSE_HUGE (XML_MAX_TEXT_LENGTH). */
#define MAX_TEXT_BYTES 10000000

typedef struct
{
  const char       *path;
  xmlParserCtxtPtr  parser;
  GCancellable     *cancellable;
  DipPairWriter    *pairs;
  DipTmxUnit       *unit;
  DipImportReport  *report;
  GError           *error;             /* the first failure of a callback */
  GError           *xml_error;         /* the first error libxml2 reported */
  gboolean          conversion_failed; /* reported past the parser's handler */
  gboolean          xml_error_in_file; /* …with a position in the file */

  /* Where we are; depths are -1 outside the element. */
  int               depth;       /* of the next element to start */
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

/* Sets an error "FILE:LINE:COL: message" at the parser's position. */
static gboolean
fail_here (TmxReader *r, GError **error, const char *message)
{
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%d:%d: %s", r->path,
               xmlSAX2GetLineNumber (r->parser), xmlSAX2GetColumnNumber (r->parser), message);
  return FALSE;
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
    fail_here (r, error, message);
  return FALSE;
}

/* The reader of the parser that calls back with `ctx`: callbacks get the
 * parser context, which the SAX2 handlers kept for the DTD need. */
static TmxReader *
reader_of (void *ctx)
{
  return ((xmlParserCtxtPtr) ctx)->_private;
}

/* Stops the parser after a callback failed; the error is in r->error. */
static void
stop (TmxReader *r)
{
  xmlStopParser (r->parser);
}

static void
on_xml_error (void *ctx, xmlErrorPtr e)
{
  TmxReader *r = reader_of (ctx);
  if (e->level < XML_ERR_ERROR || r->error != NULL)
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
  /* Nothing after an error in the file is of use. */
  if (r->xml_error_in_file)
    stop (r);
}

/* ---- attributes --------------------------------------------------------- */

/* The attributes of the element being started, as SAX2 hands them over:
 * five pointers each (local name, prefix, URI, value, end of the value). */
typedef struct
{
  const xmlChar **values;
  int             n;
} Attributes;

/* The value of attribute `prefix:local` (no prefix when NULL), in place
 * and not NUL-terminated, with its length in `out_length`; NULL when the
 * element has none. */
static const char *
find_attribute (const Attributes *attrs, const char *prefix, const char *local,
                gsize *out_length)
{
  for (int i = 0; i < attrs->n; i++)
    {
      const xmlChar **a = attrs->values + 5 * i;
      if (strcmp ((const char *) a[0], local) != 0
          || (prefix == NULL) != (a[1] == NULL)
          || (prefix != NULL && strcmp ((const char *) a[1], prefix) != 0))
        continue;
      *out_length = (gsize) (a[4] - a[3]);
      return (const char *) a[3];
    }
  return NULL;
}

static char *
dup_attribute (const Attributes *attrs, const char *local)
{
  gsize length;
  const char *value = find_attribute (attrs, NULL, local, &length);
  return value ? g_strndup (value, length) : NULL;
}

static gboolean
attribute_is (const Attributes *attrs, const char *local, const char *expected)
{
  gsize length;
  const char *value = find_attribute (attrs, NULL, local, &length);
  return value != NULL && length == strlen (expected) && memcmp (value, expected, length) == 0;
}

/* The element's changedate, or its creationdate, into `out`; "" when it
 * has neither, or one longer than TMX's 16 characters, which is no date
 * dip_tmx_unit reads anyway. */
static void
copy_date (const Attributes *attrs, char out[17])
{
  gsize length;
  const char *date = find_attribute (attrs, NULL, "changedate", &length);
  if (date == NULL)
    date = find_attribute (attrs, NULL, "creationdate", &length);
  if (date == NULL || length > 16)
    length = 0;
  if (length > 0)
    memcpy (out, date, length);
  out[length] = '\0';
}

/* ---- units -------------------------------------------------------------- */

static void
start_unit (TmxReader *r, const Attributes *attrs, int depth)
{
  char date[17];
  copy_date (attrs, date);
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
start_variant (TmxReader *r, const Attributes *attrs, int depth, GError **error)
{
  /* TMX 1.1 and 1.2 wrote "lang"; 1.3 and 1.4 "xml:lang". */
  gsize length = 0;
  const char *lang = find_attribute (attrs, "xml", "lang", &length);
  if (lang == NULL)
    lang = find_attribute (attrs, NULL, "lang", &length);

  if (lang == NULL || length == 0)
    return fail_at (r, "<tuv", r->n_tuv_tags, error, "<tuv> without xml:lang");

  char date[17];
  copy_date (attrs, date);
  dip_tmx_unit_add_variant (r->unit, lang, length, date);
  r->tuv_depth = depth;
  return TRUE;
}

/* An element inside <seg>: codes become placeholders and their content,
 * native code of the original format, is left out; <hi>, <sub> and
 * anything unknown keep their text. An empty element's end follows at
 * once, and closes the code again. */
static void
start_inline (TmxReader *r, const char *name, const Attributes *attrs, int depth)
{
  if (g_str_equal (name, "bpt") || g_str_equal (name, "ept"))
    {
      g_autofree char *i = dup_attribute (attrs, "i");
      dip_tmx_unit_append_code (r->unit, name[0] == 'b' ? DIP_TMX_CODE_PAIRED_BEGIN
                                                        : DIP_TMX_CODE_PAIRED_END, i);
    }
  else if (g_str_equal (name, "it"))
    dip_tmx_unit_append_code (r->unit, attribute_is (attrs, "pos", "end")
                                         ? DIP_TMX_CODE_ISOLATED_END
                                         : DIP_TMX_CODE_ISOLATED_BEGIN, NULL);
  else if (g_str_equal (name, "ph") || g_str_equal (name, "ut"))
    dip_tmx_unit_append_code (r->unit, DIP_TMX_CODE_STANDALONE, NULL);
  else
    return;
  r->code_depth = depth;
}

/* ---- the element tree --------------------------------------------------- */

static gboolean
check_root (TmxReader *r, const char *name, const Attributes *attrs, GError **error)
{
  if (!g_str_equal (name, "tmx"))
    {
      g_autofree char *needle = g_strdup_printf ("<%s", name);
      return fail_at (r, needle, 1, error, "not a TMX file: the root element is <%s>, not <tmx>",
                      name);
    }
  g_autofree char *version = dup_attribute (attrs, "version");
  if (version != NULL && !g_str_has_prefix (version, "1."))
    return fail_at (r, "<tmx", 1, error, "TMX version %s is not supported (1.1 to 1.4 are)",
                    version);
  return TRUE;
}

static gboolean
on_start (TmxReader *r, const char *name, const Attributes *attrs, int depth, GError **error)
{
  if (!r->seen_root)
    {
      r->seen_root = TRUE;
      return check_root (r, name, attrs, error);
    }
  if (g_str_equal (name, "tuv"))
    r->n_tuv_tags++;
  if (r->code_depth >= 0)
    return TRUE;
  if (r->seg_depth >= 0)
    {
      start_inline (r, name, attrs, depth);
      return TRUE;
    }
  if (r->tu_depth < 0)
    {
      if (g_str_equal (name, "tu"))
        start_unit (r, attrs, depth);
      return TRUE;
    }
  if (r->tuv_depth < 0 && g_str_equal (name, "tuv"))
    return start_variant (r, attrs, depth, error);
  if (r->tuv_depth >= 0 && depth == r->tuv_depth + 1 && g_str_equal (name, "seg"))
    {
      r->seg_depth = depth;
      dip_tmx_unit_start_segment (r->unit);
    }
  else if (depth == r->tu_depth + 1 && g_str_equal (name, "prop")
           && attribute_is (attrs, "type", "x-diptych-confidence"))
    {
      r->prop_depth = depth;
      g_string_truncate (r->prop_text, 0);
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

static gboolean
on_text (TmxReader *r, const char *text, gsize length, GError **error)
{
  gsize total;
  if (r->seg_depth >= 0 && r->code_depth < 0)
    total = dip_tmx_unit_append_text (r->unit, text, length);
  else if (r->prop_depth >= 0)
    total = g_string_append_len (r->prop_text, text, (gssize) length)->len;
  else
    return TRUE;
  return total <= MAX_TEXT_BYTES
         || fail_here (r, error, "a text or attribute is larger than 10 MB; refused");
}

/* ---- the parser's callbacks --------------------------------------------- */

static void
on_start_element (void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                  int n_namespaces, const xmlChar **namespaces, int n_attributes,
                  int n_defaulted, const xmlChar **attributes)
{
  TmxReader *r = reader_of (ctx);
  int depth = r->depth++;
  if (r->error != NULL)
    return;
  if (depth > MAX_DEPTH)
    {
      fail_here (r, &r->error, "elements nested more than 256 levels deep; refused");
      stop (r);
      return;
    }
  Attributes attrs = { attributes, n_attributes };
  /* Names as written, as in the messages: a prefixed <x:tu> is no <tu>. */
  g_autofree char *qualified = prefix ? g_strconcat ((const char *) prefix, ":",
                                                     (const char *) local, NULL) : NULL;
  if (!on_start (r, qualified ? qualified : (const char *) local, &attrs, depth, &r->error))
    stop (r);
}

static void
on_end_element (void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
  TmxReader *r = reader_of (ctx);
  int depth = --r->depth;
  if (r->error == NULL && !on_end (r, depth, &r->error))
    stop (r);
}

static void
on_characters (void *ctx, const xmlChar *text, int length)
{
  TmxReader *r = reader_of (ctx);
  if (r->error == NULL && length > 0 && !on_text (r, (const char *) text, (gsize) length, &r->error))
    stop (r);
}

/* An entity other than XML's five, left unexpanded: refused. */
static void
on_reference (void *ctx, const xmlChar *name)
{
  TmxReader *r = reader_of (ctx);
  if (r->error != NULL)
    return;
  g_autofree char *needle = g_strdup_printf ("&%s;", (const char *) name);
  fail_at (r, needle, 1, &r->error, "entity reference %s is not allowed in TMX", needle);
  stop (r);
}

/* Called once the DOCTYPE's internal subset is read, and in place of
 * reading the external one, which is never read. */
static void
on_external_subset (void *ctx, const xmlChar *name, const xmlChar *external_id,
                    const xmlChar *system_id)
{
  TmxReader *r = reader_of (ctx);
  xmlDocPtr doc = r->parser->myDoc;
  if (r->error != NULL || doc == NULL || !dip_xml_dtd_declares_entities (doc->intSubset))
    return;
  fail_at (r, "<!DOCTYPE", 1, &r->error,
           "the DOCTYPE declares entities; TMX needs none, and they are refused for safety");
  stop (r);
}

/* libxml2's SAX2 handlers keep the DOCTYPE (so that the parser knows the
 * entities it declares, and finds loops among them); everything else of
 * the document is ours, and nothing of it is kept. */
static void
init_handler (xmlSAXHandler *sax)
{
  xmlSAXVersion (sax, 2);
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->ignorableWhitespace = on_characters;
  sax->cdataBlock = on_characters;
  sax->reference = on_reference;
  sax->externalSubset = on_external_subset;
  sax->comment = NULL;
  sax->processingInstruction = NULL;
  sax->warning = NULL;
  sax->error = NULL;
  sax->fatalError = NULL;
  sax->serror = on_xml_error;
}

/* ---- the whole file ----------------------------------------------------- */

/* Reads up to `size` bytes; -1 with errno on failure. */
static gssize
read_some (int fd, char *buffer, gsize size)
{
  gssize n;
  do
    n = read (fd, buffer, size);
  while (n < 0 && errno == EINTR);
  return n;
}

static gboolean
read_failed (TmxReader *r, GError **error)
{
  int saved = errno;
  g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s: %s", r->path, g_strerror (saved));
  return FALSE;
}

static void
conversion_error (TmxReader *r, GError **error)
{
  xmlParserInputPtr input = r->parser->input;
  const char *encoding = r->parser->encoding ? (const char *) r->parser->encoding
                         : input && input->encoding ? (const char *) input->encoding : NULL;
  dip_xml_set_conversion_error (error, r->path, input ? input->line : 0, input ? input->col : 0,
                                encoding);
}

/* Pushes the file through the parser a chunk at a time, until its end or
 * the first error. */
static gboolean
parse_chunks (TmxReader *r, int fd, GError **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_BYTES);
  gboolean ok = TRUE;

  dip_xml_catch_conversion_errors (&r->conversion_failed);
  for (;;)
    {
      gssize n = read_some (fd, buffer, CHUNK_BYTES);
      if (n < 0)
        {
          ok = read_failed (r, error);
          break;
        }
      int status = xmlParseChunk (r->parser, buffer, (int) n, n == 0);
      if (r->xml_error == NULL && r->error == NULL
          && (r->conversion_failed || status == XML_ERR_INVALID_ENCODING))
        {
          conversion_error (r, error);
          ok = FALSE;
          break;
        }
      if (n == 0 || r->error != NULL || r->xml_error_in_file
          || r->parser->instate == XML_PARSER_EOF)
        break;
    }
  dip_xml_release_conversion_errors ();
  return ok;
}

static gboolean
read_units (TmxReader *r, int fd, GError **error)
{
  /* No first bytes: the parser finds the encoding in those of the first
   * chunk, once its callbacks can find the reader (an error about the
   * encoding comes at once). */
  xmlSAXHandler sax;
  init_handler (&sax);
  r->parser = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, r->path);
  if (r->parser == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "%s: cannot set up the XML parser",
                   r->path);
      return FALSE;
    }
  r->parser->_private = r;
  xmlCtxtUseOptions (r->parser, XML_PARSE_NONET);

  if (!parse_chunks (r, fd, error))
    return FALSE;
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }
  if (r->xml_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->xml_error));
      return FALSE;
    }
  if (!r->parser->wellFormed || !r->seen_root)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: not a TMX file (no XML)",
                   r->path);
      return FALSE;
    }
  return TRUE;
}

static void
free_parser (xmlParserCtxtPtr parser)
{
  /* The document holds the DOCTYPE, if any; the context does not own it. */
  g_clear_pointer (&parser->myDoc, xmlFreeDoc);
  xmlFreeParserCtxt (parser);
}

static void
reader_clear (TmxReader *r)
{
  g_clear_pointer (&r->parser, free_parser);
  g_clear_pointer (&r->pairs, dip_pair_writer_free);
  g_clear_pointer (&r->unit, dip_tmx_unit_free);
  g_clear_error (&r->error);
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
  dip_xml_init ();
  g_autofree char *name = g_path_get_basename (path);
  r.pairs = dip_pair_writer_begin (self, name, error);
  gboolean ok = r.pairs != NULL && read_units (&r, fd, error);
  g_clear_pointer (&r.parser, free_parser);
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
