/* dip-glossary-tbx.c — glossaries as TBX-Basic (ISO 30042:2019, DCA
 * style), read and written with libxml2.
 *
 * Reading streams the file with xmlTextReader and expands one concept at
 * a time, so a large termbase is never all in memory as a tree; the
 * network and external entities stay off. TBX 2008 files (<martif>,
 * termEntry/langSet/tig) are read too, since most termbases out there are
 * still in that shape. Writing gives one concept per source term with a
 * language section for each side, which data/schemas/tbx-basic.rng
 * accepts.
 */
#include "dip-config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include <diptych/diptych.h>

#include "dip-glossary-private.h"
#include "dip-xml-safety.h"

#define TBX_NAMESPACE "urn:iso:std:iso:30042:ed-2"

/* ---- reading ------------------------------------------------------------- */

typedef struct
{
  char     *message;    /* the first error libxml2 reported, said about the file */
  int       line;
  int       column;
  gboolean  in_file;    /* …with a position in the file, not in an entity's text */
  gboolean  explained;  /* …and a limit libxml2 enforced on purpose */
} XmlErrorSink;

static void
collect_error (void *data, xmlErrorPtr error)
{
  XmlErrorSink *sink = data;
  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  /* An error inside an entity's text comes first, with a position in that
   * text; the one that follows has the position in the file. */
  if (sink->message != NULL && (sink->in_file || error->file == NULL))
    return;
  sink->line = error->line;
  sink->column = error->int2;
  sink->in_file = error->file != NULL;
  /* …but only says that the entity failed: keep the first explanation. */
  const char *explained = dip_xml_error_explain (error);
  if (explained == NULL && sink->explained)
    return;
  g_free (sink->message);
  if (explained != NULL)
    sink->message = g_strdup (explained);
  else
    sink->message = g_strstrip (g_strconcat ("malformed XML: ",
                                             error->message ? error->message : "not well-formed",
                                             NULL));
  sink->explained = explained != NULL;
}

typedef struct
{
  char          *term;
  DipTermStatus  status;
  char          *pos;
  char          *note;
  guint          line;
} TermInfo;

static void
term_info_free (gpointer data)
{
  TermInfo *t = data;
  g_free (t->term);
  g_free (t->pos);
  g_free (t->note);
  g_free (t);
}

typedef struct
{
  const char *name;
  const char *src_lang;
  const char *tgt_lang;
  GPtrArray  *entries;
  const char *head;         /* the start of the file, to place errors in */
  gsize       head_length;
} TbxReader;

static gboolean
is_element (xmlNodePtr node, const char *local)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, local);
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content ? (const char *) content : "");
  xmlFree (content);
  return text;
}

static char *
node_attribute (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *text = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return text;
}

static void
append_note (char **notes, const char *note)
{
  g_autofree char *clean = dip_glossary_clean_note (note);
  if (clean == NULL)
    return;
  char *joined = *notes ? g_strconcat (*notes, "; ", clean, NULL) : g_strdup (clean);
  g_free (*notes);
  *notes = joined;
}

/* A termNote, note or term inside a term section (also inside TBX 2008's
 * termGrp and termNoteGrp wrappers). */
static gboolean
read_term_part (TbxReader *r, xmlNodePtr node, TermInfo *info, GError **error)
{
  if (is_element (node, "term") && info->term == NULL)
    {
      g_autofree char *text = node_text (node);
      info->term = dip_glossary_clean_term (text);
      info->line = (guint) xmlGetLineNo (node);
    }
  else if (is_element (node, "note"))
    {
      g_autofree char *text = node_text (node);
      append_note (&info->note, text);
    }
  else if (is_element (node, "termNote"))
    {
      g_autofree char *type = node_attribute (node, "type");
      g_autofree char *raw = node_text (node);
      g_autofree char *value = dip_glossary_clean_term (raw);
      if (g_strcmp0 (type, "administrativeStatus") == 0
          && !dip_term_status_from_string (value, &info->status))
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                       "%s:%ld: unknown administrativeStatus “%s”", r->name,
                       xmlGetLineNo (node), value);
          return FALSE;
        }
      if (g_strcmp0 (type, "partOfSpeech") == 0 && *value)
        {
          g_free (info->pos);
          info->pos = g_steal_pointer (&value);
        }
    }
  else if (is_element (node, "termGrp") || is_element (node, "termNoteGrp"))
    {
      for (xmlNodePtr child = node->children; child; child = child->next)
        if (!read_term_part (r, child, info, error))
          return FALSE;
    }
  return TRUE;
}

static TermInfo *
read_term_section (TbxReader *r, xmlNodePtr section, GError **error)
{
  TermInfo *info = g_new0 (TermInfo, 1);
  info->status = DIP_TERM_PREFERRED;
  for (xmlNodePtr child = section->children; child; child = child->next)
    if (!read_term_part (r, child, info, error))
      {
        term_info_free (info);
        return NULL;
      }
  if (info->term == NULL || *info->term == '\0')
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%ld: <%s> without a term",
                   r->name, xmlGetLineNo (section), (const char *) section->name);
      term_info_free (info);
      return NULL;
    }
  return info;
}

/* Which side a language section is: the exact tag first, then the
 * primary language ("en-US" terms serve an "en-GB" project). */
static int
section_side (TbxReader *r, xmlNodePtr section)
{
  xmlChar *value = xmlGetNsProp (section, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  if (value == NULL)
    value = xmlGetProp (section, (const xmlChar *) "lang");
  if (value == NULL)
    return -1;
  g_autofree char *lang = g_strdup ((const char *) value);
  xmlFree (value);
  if (g_ascii_strcasecmp (lang, r->src_lang) == 0)
    return DIP_SIDE_SOURCE;
  if (g_ascii_strcasecmp (lang, r->tgt_lang) == 0)
    return DIP_SIDE_TARGET;
  g_autofree char *primary = dip_language_tag_primary (lang);
  g_autofree char *src = dip_language_tag_primary (r->src_lang);
  g_autofree char *tgt = dip_language_tag_primary (r->tgt_lang);
  if (g_ascii_strcasecmp (primary, src) == 0)
    return DIP_SIDE_SOURCE;
  if (g_ascii_strcasecmp (primary, tgt) == 0)
    return DIP_SIDE_TARGET;
  return -1;
}

static gboolean
read_language_section (TbxReader *r, xmlNodePtr section, GPtrArray *terms, GError **error)
{
  for (xmlNodePtr child = section->children; child; child = child->next)
    {
      if (!is_element (child, "termSec") && !is_element (child, "tig")
          && !is_element (child, "ntig"))
        continue;
      TermInfo *info = read_term_section (r, child, error);
      if (info == NULL)
        return FALSE;
      g_ptr_array_add (terms, info);
    }
  return TRUE;
}

/* Every source term of a concept paired with every target term; the
 * status, note and part of speech are the target term's. */
static gboolean
pair_terms (TbxReader *r, GPtrArray *sources, GPtrArray *targets, const char *concept_note,
            GError **error)
{
  for (guint s = 0; s < sources->len; s++)
    for (guint t = 0; t < targets->len; t++)
      {
        const TermInfo *src = g_ptr_array_index (sources, s);
        const TermInfo *tgt = g_ptr_array_index (targets, t);
        g_autofree char *note = g_strdup (tgt->note);
        if (concept_note)
          append_note (&note, concept_note);
        g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new (src->term, tgt->term,
                                                                     tgt->status, note);
        entry->line = tgt->line;
        entry->part_of_speech = g_strdup (tgt->pos ? tgt->pos : src->pos);
        if (!dip_glossary_entry_validate (entry, r->name, error))
          return FALSE;
        g_ptr_array_add (r->entries, g_steal_pointer (&entry));
      }
  return TRUE;
}

static gboolean
read_concept (TbxReader *r, xmlNodePtr concept, GError **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (term_info_free);
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (term_info_free);
  g_autofree char *concept_note = NULL;

  for (xmlNodePtr child = concept->children; child; child = child->next)
    {
      if (is_element (child, "note"))
        {
          g_autofree char *text = node_text (child);
          append_note (&concept_note, text);
          continue;
        }
      if (!is_element (child, "langSec") && !is_element (child, "langSet"))
        continue;
      int side = section_side (r, child);
      if (side >= 0 && !read_language_section (r, child, side == DIP_SIDE_SOURCE ? sources
                                                                                 : targets,
                                               error))
        return FALSE;
    }
  /* A concept of a multilingual termbase may lack one of our languages:
   * it has nothing for this project, which is not an error. */
  return pair_terms (r, sources, targets, concept_note, error);
}

static gboolean
check_root (TbxReader *r, xmlTextReaderPtr reader, GError **error)
{
  const char *local = (const char *) xmlTextReaderConstLocalName (reader);
  if (g_strcmp0 (local, "tbx") == 0 || g_strcmp0 (local, "martif") == 0)
    return TRUE;
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
               "%s:%ld: not a TBX file (the root element is <%s>, not <tbx>)", r->name,
               node ? xmlGetLineNo (node) : 1L, local ? local : "?");
  return FALSE;
}

/* The line and column (in characters) of `needle` in the start of the
 * file; FALSE when it is not there. */
static gboolean
find_in_head (TbxReader *r, const char *needle, int *out_line, int *out_column)
{
  const char *at = g_strstr_len (r->head, (gssize) r->head_length, needle);
  if (at == NULL)
    return FALSE;
  *out_line = 1;
  *out_column = 1;
  for (const char *p = r->head; p < at; p++)
    if (*p == '\n')
      {
        (*out_line)++;
        *out_column = 1;
      }
    else if ((*p & 0xC0) != 0x80)
      (*out_column)++;
  return TRUE;
}

static gboolean
check_doctype (TbxReader *r, xmlTextReaderPtr reader, GError **error)
{
  if (!dip_xml_declares_entities (reader))
    return TRUE;
  /* The parser has read past the DOCTYPE by now; point at its start. */
  int line = xmlTextReaderGetParserLineNumber (reader);
  int column = xmlTextReaderGetParserColumnNumber (reader);
  find_in_head (r, "<!DOCTYPE", &line, &column);
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
               "%s:%d:%d: the DOCTYPE declares entities; TBX needs none, and they are refused "
               "for safety", r->name, line, column);
  return FALSE;
}

/* The first entity reference under `node`. Without substitution the
 * parser keeps references as nodes, and their text would be dropped
 * without a word (an entity declared only in a DTD that is never read):
 * a term must not lose part of itself silently. Nesting is bounded by
 * libxml2 (256 levels), and so is this recursion. */
static xmlNodePtr
find_entity_reference (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (child->type == XML_ENTITY_REF_NODE)
        return child;
      xmlNodePtr found = child->type == XML_ELEMENT_NODE ? find_entity_reference (child) : NULL;
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
check_no_entity_reference (TbxReader *r, xmlNodePtr concept, GError **error)
{
  xmlNodePtr reference = find_entity_reference (concept);
  if (reference == NULL)
    return TRUE;
  g_autofree char *needle = g_strdup_printf ("&%s;", (const char *) reference->name);
  int line = (int) xmlGetLineNo (reference->parent), column = 0;
  if (find_in_head (r, needle, &line, &column))
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                 "%s:%d:%d: entity reference %s is not allowed in TBX", r->name, line, column,
                 needle);
  else
    g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                 "%s:%d: entity reference %s is not allowed in TBX", r->name, line, needle);
  return FALSE;
}

/* Walks the document; FALSE with `error` set for what we refuse, FALSE
 * without it when libxml2 failed (the sink has why). */
static gboolean
read_document (TbxReader *r, xmlTextReaderPtr reader, GError **error)
{
  gboolean seen_root = FALSE;
  int ret = xmlTextReaderRead (reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *local = (const char *) xmlTextReaderConstLocalName (reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE && !check_doctype (r, reader, error))
        return FALSE;
      if (type == XML_READER_TYPE_ELEMENT && !seen_root)
        {
          if (!check_root (r, reader, error))
            return FALSE;
          seen_root = TRUE;
        }
      else if (type == XML_READER_TYPE_ELEMENT
               && (g_strcmp0 (local, "conceptEntry") == 0 || g_strcmp0 (local, "termEntry") == 0))
        {
          xmlNodePtr concept = xmlTextReaderExpand (reader);
          if (concept == NULL)
            return FALSE;
          if (!check_no_entity_reference (r, concept, error) || !read_concept (r, concept, error))
            return FALSE;
          ret = xmlTextReaderNext (reader);
          continue;
        }
      ret = xmlTextReaderRead (reader);
    }
  return ret == 0;
}

/* Where the reader gets its bytes: first `head` (the start of the file,
 * already read to tell its format, or all of it), then the file itself,
 * a buffer at a time, so that a termbase is never all in memory. */
typedef struct
{
  const char *head;
  gsize       head_length;
  gsize       head_read;
  int         fd;          /* -1 when `head` is everything */
} TbxInput;

static int
read_input (void *context, char *buffer, int length)
{
  TbxInput *in = context;
  if (length <= 0)
    return 0;
  if (in->head_read < in->head_length)
    {
      gsize n = MIN ((gsize) length, in->head_length - in->head_read);
      memcpy (buffer, in->head + in->head_read, n);
      in->head_read += n;
      return (int) n;
    }
  if (in->fd < 0)
    return 0;
  ssize_t n;
  do
    n = read (in->fd, buffer, (size_t) length);
  while (n < 0 && errno == EINTR);
  return n < 0 ? -1 : (int) n;
}

static GPtrArray *
parse_input (TbxInput *input, const char *name, const char *src_lang, const char *tgt_lang,
             GError **error)
{
  /* No network, no external DTD or entities: a glossary file must not
   * make us fetch or read anything else. */
  dip_xml_init ();
  xmlTextReaderPtr reader = xmlReaderForIO (read_input, NULL, input, name, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR
                                              | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "%s: cannot start the XML reader", name);
      return NULL;
    }
  XmlErrorSink sink = { 0 };
  xmlTextReaderSetStructuredErrorHandler (reader, collect_error, &sink);

  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_glossary_entry_free);
  TbxReader r = { name, src_lang, tgt_lang, entries, input->head, input->head_length };
  g_autoptr (GError) local_error = NULL;
  gboolean conversion_failed = FALSE;
  dip_xml_catch_conversion_errors (&conversion_failed);
  gboolean ok = read_document (&r, reader, &local_error);
  dip_xml_release_conversion_errors ();
  if (conversion_failed && local_error == NULL)
    {
      const char *encoding = (const char *) xmlTextReaderConstEncoding (reader);
      dip_xml_set_conversion_error (error, name, xmlTextReaderGetParserLineNumber (reader),
                                    xmlTextReaderGetParserColumnNumber (reader), encoding);
      xmlFreeTextReader (reader);
      g_free (sink.message);
      return NULL;
    }
  xmlFreeTextReader (reader);

  /* A limit libxml2 enforced outranks what we made of the partial tree. */
  if (sink.explained || (!ok && local_error == NULL))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%d:%d: %s", name,
                   MAX (sink.line, 1), MAX (sink.column, 1),
                   sink.message ? sink.message : "malformed XML: not well-formed");
    }
  g_free (sink.message);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
dip_glossary_parse_tbx (GBytes *bytes, const char *name, const char *src_lang,
                        const char *tgt_lang, GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  if (size == 0 || data == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: file is empty", name);
      return NULL;
    }
  TbxInput input = { data, size, 0, -1 };
  return parse_input (&input, name, src_lang, tgt_lang, error);
}

GPtrArray *
dip_glossary_read_tbx (int fd, const char *head, gsize head_length, const char *name,
                       const char *src_lang, const char *tgt_lang, GError **error)
{
  if (head_length == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: file is empty", name);
      return NULL;
    }
  TbxInput input = { head, head_length, 0, fd };
  return parse_input (&input, name, src_lang, tgt_lang, error);
}

/* ---- writing ------------------------------------------------------------- */

static gboolean
write_term_section (xmlTextWriterPtr w, const char *term, const char *pos,
                    const DipTermStatus *status, const char *note)
{
  static const char *const admin_status[] = {
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
  };
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "termSec") >= 0
                && xmlTextWriterWriteElement (w, BAD_CAST "term", BAD_CAST term) >= 0;
  if (ok && pos)
    ok = xmlTextWriterStartElement (w, BAD_CAST "termNote") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "partOfSpeech") >= 0
         && xmlTextWriterWriteString (w, BAD_CAST pos) >= 0
         && xmlTextWriterEndElement (w) >= 0;
  if (ok && status)
    ok = xmlTextWriterStartElement (w, BAD_CAST "termNote") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "administrativeStatus") >= 0
         && xmlTextWriterWriteString (w, BAD_CAST admin_status[*status]) >= 0
         && xmlTextWriterEndElement (w) >= 0;
  if (ok && note)
    ok = xmlTextWriterWriteElement (w, BAD_CAST "note", BAD_CAST note) >= 0;
  return ok && xmlTextWriterEndElement (w) >= 0;
}

static gboolean
start_language_section (xmlTextWriterPtr w, const char *lang)
{
  return xmlTextWriterStartElement (w, BAD_CAST "langSec") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST lang) >= 0;
}

/* One concept: entries[first, last) share their source term. */
static gboolean
write_concept (xmlTextWriterPtr w, GPtrArray *entries, guint first, guint last, guint number,
               const char *src_lang, const char *tgt_lang)
{
  const DipGlossaryEntry *head = g_ptr_array_index (entries, first);
  g_autofree char *id = g_strdup_printf ("c%u", number);
  gboolean ok = xmlTextWriterStartElement (w, BAD_CAST "conceptEntry") >= 0
                && xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST id) >= 0
                && start_language_section (w, src_lang)
                && write_term_section (w, head->src_term, NULL, NULL, NULL)
                && xmlTextWriterEndElement (w) >= 0
                && start_language_section (w, tgt_lang);
  for (guint i = first; ok && i < last; i++)
    {
      const DipGlossaryEntry *e = g_ptr_array_index (entries, i);
      ok = write_term_section (w, e->tgt_term, e->part_of_speech, &e->status, e->note);
    }
  return ok && xmlTextWriterEndElement (w) >= 0 && xmlTextWriterEndElement (w) >= 0;
}

static gboolean
write_header (xmlTextWriterPtr w, const char *src_lang)
{
  return xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL) >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "tbx") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "TBX-Basic") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "style", BAD_CAST "dca") >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "xml:lang", BAD_CAST src_lang) >= 0
         && xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST TBX_NAMESPACE) >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "tbxHeader") >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "fileDesc") >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "sourceDesc") >= 0
         && xmlTextWriterWriteElement (w, BAD_CAST "p",
                                       BAD_CAST "Glossary exported by Diptych " DIP_VERSION) >= 0
         && xmlTextWriterEndElement (w) >= 0 && xmlTextWriterEndElement (w) >= 0
         && xmlTextWriterEndElement (w) >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "text") >= 0
         && xmlTextWriterStartElement (w, BAD_CAST "body") >= 0;
}

static gboolean
write_document (xmlTextWriterPtr w, GPtrArray *entries, const char *src_lang,
                const char *tgt_lang)
{
  if (!write_header (w, src_lang))
    return FALSE;
  guint concept = 0;
  for (guint first = 0; first < entries->len;)
    {
      const DipGlossaryEntry *head = g_ptr_array_index (entries, first);
      guint last = first + 1;
      while (last < entries->len
             && g_str_equal (((DipGlossaryEntry *) g_ptr_array_index (entries, last))->src_term,
                             head->src_term))
        last++;
      if (!write_concept (w, entries, first, last, ++concept, src_lang, tgt_lang))
        return FALSE;
      first = last;
    }
  return xmlTextWriterEndDocument (w) >= 0;
}

GBytes *
dip_glossary_write_tbx (GPtrArray *entries, const char *src_lang, const char *tgt_lang,
                        GError **error)
{
  if (entries->len == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "the glossary is empty; a TBX file needs at least one entry");
      return NULL;
    }
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = buffer ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (writer == NULL)
    {
      if (buffer)
        xmlBufferFree (buffer);
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "cannot start the XML writer");
      return NULL;
    }
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  gboolean ok = write_document (writer, entries, src_lang, tgt_lang);
  xmlFreeTextWriter (writer);  /* flushes into the buffer */
  GBytes *bytes = ok ? g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer))
                     : NULL;
  xmlBufferFree (buffer);
  if (!ok)
    g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "writing TBX failed");
  return bytes;
}
