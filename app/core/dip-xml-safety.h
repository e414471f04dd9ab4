/* dip-xml-safety.h — the defences against hostile XML that the TMX and
 * TBX readers share. */
#pragma once

#include <glib.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* libxml2's xmlInitParser, once a process. In libxml2 2.9 two threads that
 * call it first at once (an export in the window's worker, a glossary
 * import in another) can both set up its globals: its mutexes and callback
 * tables made twice, one thread left on the discarded ones. */
void        dip_xml_init (void);

/* Whether the reader stands on a DOCTYPE that declares entities, general
 * or parameter. Neither TMX nor TBX needs one, and refusing them is the
 * only sure way past external entities and entity bombs. */
gboolean    dip_xml_declares_entities (xmlTextReaderPtr reader);
/* Whether `dtd` (may be NULL) declares entities, general or parameter. */
gboolean    dip_xml_dtd_declares_entities (xmlDtdPtr dtd);

/* A sentence for the errors whose libxml2 message describes the parser's
 * own workings ("use XML_PARSE_HUGE option") or hides that the file is
 * hostile; NULL when libxml2's own message says it well enough. */
const char *dip_xml_error_explain     (const xmlError *error);

/* libxml2 reports bytes that a file's declared encoding cannot convert
 * through the thread's global error handlers, past the parser's and the
 * reader's own, and prints them to stderr in its words. Between these two
 * calls such reports set *failed instead; the reader then says which file
 * and where. */
void        dip_xml_catch_conversion_errors   (gboolean *failed);
void        dip_xml_release_conversion_errors (void);

/* "FILE:LINE:COLUMN: the text is not valid ENCODING" for such a failure. */
void        dip_xml_set_conversion_error (GError    **error,
                                          const char *path,
                                          int         line,
                                          int         column,
                                          const char *encoding);

G_END_DECLS
