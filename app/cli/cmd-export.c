/* cmd-export.c — diptych-cli export FILE.diptych [--tmx OUT.tmx] [--tsv OUT.tsv]
 *                [--status confirmed|auto|rejected|all,…] [--min-confidence X] */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

/* "confirmed", "all", or a comma-separated list of statuses. */
static gboolean
parse_statuses (const char *text, DipExportStatus *out_statuses)
{
  *out_statuses = 0;
  if (text == NULL)
    {
      *out_statuses = DIP_EXPORT_STATUS_CONFIRMED;
      return TRUE;
    }
  g_auto (GStrv) names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      DipBeadStatus status;
      if (g_str_equal (names[i], "all"))
        *out_statuses |= DIP_EXPORT_STATUS_ALL;
      else if (dip_bead_status_from_string (names[i], &status))
        *out_statuses |= 1u << status;
      else
        return FALSE;
    }
  return *out_statuses != 0;
}

static gboolean
export_one (DipProject *project, const char *path, gboolean tmx, const DipExportFilter *filter,
            GError **error)
{
  DipExportReport report;
  gboolean ok = tmx ? dip_project_export_tmx (project, path, filter, &report, NULL, error)
                    : dip_project_export_tsv (project, path, filter, &report, NULL, error);
  if (!ok)
    return FALSE;

  if (report.n_altered_chars > 0)
    fprintf (stderr,
             "diptych-cli: warning: %s: %" G_GUINT64_FORMAT " character%s %s "
             "(the first in bead %" G_GINT64_FORMAT ")\n",
             path, report.n_altered_chars, report.n_altered_chars == 1 ? "" : "s",
             tmx ? "that XML 1.0 does not allow (control characters) left out"
                 : "inside a text (TAB or line break) written as a space",
             report.first_altered_bead);
  printf ("Exported %" G_GUINT64_FORMAT " %s to %s", report.n_written,
          tmx ? "translation units" : "pairs", path);
  if (report.n_skipped > 0)
    printf (" (%" G_GUINT64_FORMAT " bead%s without text on both sides left out)",
            report.n_skipped, report.n_skipped == 1 ? "" : "s");
  printf ("\n");
  return TRUE;
}

int
dip_cmd_export (int argc, char **argv)
{
  g_autofree char *tmx_path = NULL;
  g_autofree char *tsv_path = NULL;
  g_autofree char *status = NULL;
  double min_confidence = 0.0;
  GOptionEntry entries[] = {
    { "tmx", 0, 0, G_OPTION_ARG_FILENAME, &tmx_path, "Write a TMX 1.4 file", "OUT.tmx" },
    { "tsv", 0, 0, G_OPTION_ARG_FILENAME, &tsv_path, "Write source TAB target lines", "OUT.tsv" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      "Beads to export: confirmed (default), auto, rejected or all; several with commas",
      "STATUS" },
    { "min-confidence", 0, 0, G_OPTION_ARG_DOUBLE, &min_confidence,
      "Leave out beads with a lower confidence (0 to 1)", "X" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych — export aligned pairs as TMX or TSV");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 1))
    return DIP_EXIT_USAGE;

  DipExportFilter filter = { .min_confidence = min_confidence };
  if (tmx_path == NULL && tsv_path == NULL)
    return dip_cli_usage ("export needs --tmx OUT.tmx or --tsv OUT.tsv");
  if (!parse_statuses (status, &filter.statuses))
    return dip_cli_usage ("unknown --status “%s”: use confirmed, auto, rejected or all", status);
  if (!(min_confidence >= 0.0 && min_confidence <= 1.0))
    return dip_cli_usage ("--min-confidence must be between 0 and 1");

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  if ((tmx_path && !export_one (project, tmx_path, TRUE, &filter, &error))
      || (tsv_path && !export_one (project, tsv_path, FALSE, &filter, &error)))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
