/* dip-xml-safety.c — hostile XML, refused and said about the file.
 *
 * Both readers parse without XML_PARSE_HUGE, so libxml2 keeps its limits:
 * 10 MB for one text node, attribute or comment, 256 levels of nested
 * elements, and a bound on entity expansion; and without XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD or network access, so nothing outside the file is
 * read. When a limit stops a file, libxml2's message talks about itself;
 * the person importing needs to hear what is wrong with the file and that
 * it was refused on purpose.
 */
#include "dip-config.h"

#include <string.h>

#include <libxml/hash.h>

#include <diptych/diptych.h>

#include "dip-xml-safety.h"

void
dip_xml_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
}

gboolean
dip_xml_declares_entities (xmlTextReaderPtr reader)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  if (node == NULL || node->type != XML_DTD_NODE)
    return FALSE;
  return dip_xml_dtd_declares_entities ((xmlDtdPtr) node);
}

gboolean
dip_xml_dtd_declares_entities (xmlDtdPtr dtd)
{
  return dtd != NULL
         && ((dtd->entities != NULL && xmlHashSize (dtd->entities) > 0)
             || (dtd->pentities != NULL && xmlHashSize (dtd->pentities) > 0));
}

static gboolean
says (const xmlError *error, const char *needle)
{
  return error->message != NULL && strstr (error->message, needle) != NULL;
}

const char *
dip_xml_error_explain (const xmlError *error)
{
  if (says (error, "uge text node") || says (error, "uge input lookup")
      || says (error, "AttValue length too long") || says (error, "too big found"))
    return "a text or attribute is larger than 10 MB; refused";
  if (error->code == XML_ERR_ENTITY_LOOP)
    return "entities that expand without bound (an entity bomb); refused";
  if (says (error, "Excessive depth"))
    return "elements nested more than 256 levels deep; refused";
  if (error->code == XML_ERR_INVALID_CHAR && says (error, "Char 0x0 "))
    return "a NUL byte, which XML does not allow (a binary or damaged file?); refused";
  return NULL;
}

static void
on_global_error (void *failed, xmlErrorPtr e)
{
  if (e != NULL && e->level >= XML_ERR_ERROR)
    *(gboolean *) failed = TRUE;
}

static void G_GNUC_PRINTF (2, 3)
on_generic_error (void *failed, const char *format, ...)
{
  *(gboolean *) failed = TRUE;
}

void
dip_xml_catch_conversion_errors (gboolean *failed)
{
  xmlSetStructuredErrorFunc (failed, on_global_error);
  xmlSetGenericErrorFunc (failed, on_generic_error);
}

void
dip_xml_release_conversion_errors (void)
{
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
}

void
dip_xml_set_conversion_error (GError **error, const char *path, int line, int column,
                              const char *encoding)
{
  g_set_error (error, DIP_ERROR, DIP_ERROR_ENCODING, "%s:%d:%d: the text is not valid %s", path,
               MAX (line, 1), MAX (column, 1),
               encoding != NULL ? encoding : "in its declared encoding");
}
