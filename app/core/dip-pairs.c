/* dip-pairs.c — sentence pairs as "source TAB target" lines, out and in.
 *
 * The format has no escapes, so that any tool (a spreadsheet, cut, a CAT
 * tool's TSV import) reads it as it is: on export a TAB or line break
 * inside a text becomes a space, and on import everything between the line
 * start, the one TAB and the line end is text, spaces included.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"
#include "dip-line-reader.h"

/* ---- export ------------------------------------------------------------- */

/* Writes `text` with TAB, CR and LF as spaces; returns how many there were. */
static guint64
write_flat (DipOutputFile *file, const char *text)
{
  guint64 n = 0;
  const char *run = text;
  for (const char *p = text; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      {
        dip_output_file_write (file, run, (gsize) (p - run));
        dip_output_file_write (file, " ", 1);
        run = p + 1;
        n++;
      }
  dip_output_file_write (file, run, strlen (run));
  return n;
}

static gboolean
write_lines (DipProject *project, DipOutputFile *file, const DipExportFilter *filter,
             DipExportReport *report, GCancellable *cancellable, GError **error)
{
  g_autoptr (DipBeadReader) beads = dip_bead_reader_new (project, filter, error);
  if (beads == NULL)
    return FALSE;

  const DipExportUnit *unit;
  while ((unit = dip_bead_reader_next (beads, error)) != NULL)
    {
      guint64 flattened = write_flat (file, unit->src_text);
      dip_output_file_write (file, "\t", 1);
      flattened += write_flat (file, unit->tgt_text);
      dip_output_file_write (file, "\n", 1);
      if (flattened > 0 && report->first_altered_bead == 0)
        report->first_altered_bead = unit->id;
      report->n_altered_chars += flattened;
      if (!dip_output_file_ok (file))
        return TRUE;  /* the commit reports it */
      if (++report->n_written % 1024 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  report->n_skipped = dip_bead_reader_get_n_skipped (beads);
  return error == NULL || *error == NULL;
}

gboolean
dip_project_export_tsv (DipProject *self, const char *path, const DipExportFilter *filter,
                        DipExportReport *out_report, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  DipExportReport report = { 0 };
  g_autoptr (DipOutputFile) file = dip_output_file_open (path, error);
  if (file == NULL
      || !write_lines (self, file, filter, &report, cancellable, error)
      || !dip_output_file_commit (file, error))
    return FALSE;
  if (out_report)
    *out_report = report;
  return TRUE;
}

/* ---- import ------------------------------------------------------------- */

static gboolean
is_blank (const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Checks one line and, if it is a pair, adds it. Blank lines are skipped. */
static gboolean
import_line (DipPairWriter *pairs, const char *path, guint number, const char *line,
             gsize length, DipImportReport *report, GError **error)
{
  if (is_blank (line, length))
    return TRUE;
  report->n_read++;

  const char *tab = memchr (line, '\t', length);
  if (tab == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: no TAB; each line must be source TAB target", path, number);
      return FALSE;
    }
  gsize src_length = (gsize) (tab - line);
  const char *tgt = tab + 1;
  gsize tgt_length = length - src_length - 1;
  const char *second = memchr (tgt, '\t', tgt_length);
  if (second != NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u:%ld: a second TAB; each line must be source TAB target", path, number,
                   g_utf8_pointer_to_offset (line, second) + 1);
      return FALSE;
    }
  if (is_blank (line, src_length) || is_blank (tgt, tgt_length))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s:%u: the %s text is empty",
                   path, number, is_blank (line, src_length) ? "source" : "target");
      return FALSE;
    }
  if (!dip_pair_writer_add (pairs, line, src_length, tgt, tgt_length, 1.0, NULL, error))
    return FALSE;
  report->n_imported++;
  return TRUE;
}

/* Every line of the file, read as it goes, into `pairs`. */
static gboolean
import_lines (DipPairWriter *pairs, const char *path, DipLineReader *lines,
              DipImportReport *report, GCancellable *cancellable, GError **error)
{
  const char *line;
  gsize length;
  GError *local_error = NULL;
  while (dip_line_reader_next (lines, &line, &length, &local_error))
    {
      guint number = dip_line_reader_get_number (lines);
      if (!import_line (pairs, path, number, line, length, report, error))
        return FALSE;
      if (number % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
dip_project_import_pairs (DipProject *self, const char *path, DipImportReport *out_report,
                          GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The reader checks the encoding (naming line and column of a bad byte),
   * drops a BOM and ends lines at LF, CRLF or CR, as dip_text_load does
   * for a whole file; it holds one line at a time. */
  g_autoptr (DipLineReader) lines = dip_line_reader_open (path, error);
  if (lines == NULL)
    return FALSE;

  DipImportReport report = { 0 };
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (DipPairWriter) pairs = dip_pair_writer_begin (self, name, error);
  if (pairs == NULL || !import_lines (pairs, path, lines, &report, cancellable, error))
    return FALSE;
  if (report.n_read == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: file has no text (only white space)", path);
      return FALSE;
    }
  if (!dip_pair_writer_commit (pairs, &report.src_document, &report.tgt_document, error))
    return FALSE;
  if (out_report)
    *out_report = report;
  return TRUE;
}
