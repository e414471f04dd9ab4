/* dip-tmx-writer.c — beads out as TMX 1.4, streamed through xmlTextWriter.
 *
 * The writer escapes markup characters itself, but passes every other byte
 * through: a control character in a segment (PDF extraction leaves them)
 * would make the file unreadable for every XML parser, so those are taken
 * out here, and counted so that the user hears about it.
 */
#include "dip-config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-project-private.h"
#include "dip-xml-safety.h"

typedef struct
{
  xmlTextWriterPtr  writer;
  DipOutputFile    *file;      /* borrowed */
  GString          *clean;     /* scratch for texts that needed cleaning */
  DipExportReport  *report;    /* borrowed */
  gboolean          failed;    /* a call to the writer failed */
} TmxOut;

static int
output_write (void *context, const char *buffer, int length)
{
  /* Errors are kept in the output file, not returned, so that libxml2 does
   * not print them; the export checks the file after every unit. */
  dip_output_file_write (context, buffer, (gsize) length);
  return length;
}

static int
output_close (void *context)
{
  return 0;
}

static void
start (TmxOut *out, const char *name)
{
  out->failed |= xmlTextWriterStartElement (out->writer, BAD_CAST name) < 0;
}

static void
attribute (TmxOut *out, const char *name, const char *value)
{
  out->failed |= xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST value) < 0;
}

static void
end (TmxOut *out)
{
  out->failed |= xmlTextWriterEndElement (out->writer) < 0;
}

/* Whether `c` may appear in an XML 1.0 document (production Char). */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static gboolean
needs_cleaning (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        || (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
      return TRUE;
  return !g_utf8_validate (text, -1, NULL);
}

/* `text` without the characters XML 1.0 cannot hold; invalid UTF-8 (only
 * a damaged project has it) becomes U+FFFD. */
static const char *
clean_text (TmxOut *out, gint64 bead, const char *text)
{
  if (!needs_cleaning (text))
    return text;

  g_autofree char *valid = g_utf8_make_valid (text, -1);
  guint64 dropped = strcmp (valid, text) != 0;
  g_string_truncate (out->clean, 0);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_xml_char (c))
        g_string_append_unichar (out->clean, c);
      else
        dropped++;
    }
  if (dropped > 0 && out->report->first_altered_bead == 0)
    out->report->first_altered_bead = bead;
  out->report->n_altered_chars += dropped;
  return out->clean->str;
}

/* "2026-11-24T10:15:00Z" → "20261124T101500Z", TMX's form of ISO 8601.
 * Dates Diptych stored are UTC already; others go through GDateTime. */
static void
tmx_date (const char *iso, char out[17])
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  gboolean plain = iso != NULL && strlen (iso) == sizeof pattern - 1;
  for (gsize i = 0; plain && i < sizeof pattern - 1; i++)
    plain = pattern[i] == 'd' ? g_ascii_isdigit (iso[i]) : iso[i] == pattern[i];
  if (plain)
    {
      gsize n = 0;
      for (const char *p = iso; *p; p++)
        if (*p != '-' && *p != ':')
          out[n++] = *p;
      out[n] = '\0';
      return;
    }

  g_autoptr (GDateTime) parsed = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) utc = parsed ? g_date_time_to_utc (parsed) : g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  g_strlcpy (out, text, 17);
}

static void
write_prop (TmxOut *out, const char *type, const char *value)
{
  start (out, "prop");
  attribute (out, "type", type);
  out->failed |= xmlTextWriterWriteString (out->writer, BAD_CAST value) < 0;
  end (out);
}

static void
write_variant (TmxOut *out, gint64 bead, const char *lang, const char *text)
{
  start (out, "tuv");
  attribute (out, "xml:lang", lang);
  start (out, "seg");
  out->failed |= xmlTextWriterWriteString (out->writer,
                                           BAD_CAST clean_text (out, bead, text)) < 0;
  end (out);
  end (out);
}

static void
write_unit (TmxOut *out, const DipExportUnit *unit)
{
  char id[24], date[17], confidence[G_ASCII_DTOSTR_BUF_SIZE], shape[24];
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, unit->id);
  tmx_date (unit->changed_at, date);
  g_ascii_formatd (confidence, sizeof confidence, "%.4f", unit->confidence);
  g_snprintf (shape, sizeof shape, "%u-%u", unit->src_count, unit->tgt_count);

  start (out, "tu");
  attribute (out, "tuid", id);
  attribute (out, "creationdate", date);
  attribute (out, "changedate", date);
  write_prop (out, "x-diptych-status", dip_bead_status_to_string (unit->status));
  write_prop (out, "x-diptych-confidence", confidence);
  write_prop (out, "x-diptych-shape", shape);
  write_variant (out, unit->id, unit->src_lang, unit->src_text);
  write_variant (out, unit->id, unit->tgt_lang, unit->tgt_text);
  end (out);
}

static void
write_header (TmxOut *out, DipProject *project)
{
  char now[17];
  g_autofree char *iso = dip_now_iso8601 ();
  tmx_date (iso, now);

  /* No DOCTYPE: tmx14.dtd is never beside the file, and parsers that load
   * external DTDs by default (Java's) would fail on the reference. */
  out->failed |= xmlTextWriterStartDocument (out->writer, NULL, "UTF-8", NULL) < 0;
  xmlTextWriterSetIndent (out->writer, 1);
  xmlTextWriterSetIndentString (out->writer, BAD_CAST "  ");
  start (out, "tmx");
  attribute (out, "version", "1.4");
  start (out, "header");
  attribute (out, "creationtool", "Diptych");
  attribute (out, "creationtoolversion", DIP_VERSION);
  attribute (out, "segtype", "sentence");
  attribute (out, "o-tmf", "Diptych");
  attribute (out, "adminlang", "en");
  attribute (out, "srclang", dip_project_get_lang (project, DIP_SIDE_SOURCE));
  attribute (out, "datatype", "plaintext");
  attribute (out, "creationdate", now);
  end (out);
  start (out, "body");
}

static gboolean
write_units (TmxOut *out, DipProject *project, const DipExportFilter *filter,
             GCancellable *cancellable, GError **error)
{
  g_autoptr (DipBeadReader) beads = dip_bead_reader_new (project, filter, error);
  if (beads == NULL)
    return FALSE;

  const DipExportUnit *unit;
  while ((unit = dip_bead_reader_next (beads, error)) != NULL)
    {
      write_unit (out, unit);
      if (out->failed || !dip_output_file_ok (out->file))
        return TRUE;  /* the caller reports it */
      if (++out->report->n_written % 1024 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  out->report->n_skipped = dip_bead_reader_get_n_skipped (beads);
  return error == NULL || *error == NULL;
}

static gboolean
export_to (DipProject *project, DipOutputFile *file, const DipExportFilter *filter,
           DipExportReport *report, GCancellable *cancellable, GError **error)
{
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (output_write, output_close, file, NULL);
  if (buffer == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "cannot set up the XML writer");
      return FALSE;
    }
  /* The writer owns the buffer from here on. */
  TmxOut out = { .writer = xmlNewTextWriter (buffer), .file = file, .report = report };
  if (out.writer == NULL)
    {
      xmlOutputBufferClose (buffer);
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "cannot set up the XML writer");
      return FALSE;
    }
  out.clean = g_string_new (NULL);

  write_header (&out, project);
  gboolean ok = write_units (&out, project, filter, cancellable, error);
  if (ok)
    out.failed |= xmlTextWriterEndDocument (out.writer) < 0;
  xmlFreeTextWriter (out.writer);
  g_string_free (out.clean, TRUE);

  if (ok && out.failed && dip_output_file_ok (file))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_FAILED, "the XML writer failed");
      return FALSE;
    }
  return ok;
}

gboolean
dip_project_export_tmx (DipProject *self, const char *path, const DipExportFilter *filter,
                        DipExportReport *out_report, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  DipExportReport report = { 0 };
  dip_xml_init ();
  g_autoptr (DipOutputFile) file = dip_output_file_open (path, error);
  if (file == NULL)
    return FALSE;
  if (!export_to (self, file, filter, &report, cancellable, error)
      || !dip_output_file_commit (file, error))
    return FALSE;
  if (out_report)
    *out_report = report;
  return TRUE;
}
