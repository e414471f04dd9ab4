/* cmd-import-tm.c — translation memory in, as a new document pair of
 * confirmed beads:
 *   diptych-cli import-tmx FILE.diptych IN.tmx
 *   diptych-cli import-pairs FILE.diptych PAIRS.tsv */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

typedef gboolean (*ImportFunc) (DipProject       *project,
                                const char       *path,
                                DipImportReport  *out_report,
                                GCancellable     *cancellable,
                                GError          **error);

static int
run_import (int argc, char **argv, const char *summary, ImportFunc import, const char *units)
{
  g_autoptr (GOptionContext) context = g_option_context_new (summary);
  if (!dip_cli_parse (context, &argc, &argv, 2))
    return DIP_EXIT_USAGE;

  g_autoptr (GError) error = NULL;
  /* A command line run has the project to itself: a large import may
     write the file directly (see DIP_OPEN_SOLE_USER). */
  g_autoptr (DipProject) project = dip_project_open_with_flags (argv[1], DIP_OPEN_SOLE_USER,
                                                                &error);
  if (project == NULL)
    return dip_cli_fail (error);

  DipImportReport report;
  if (!import (project, argv[2], &report, NULL, &error))
    return dip_cli_fail (error);

  const char *src = dip_project_get_lang (project, DIP_SIDE_SOURCE);
  const char *tgt = dip_project_get_lang (project, DIP_SIDE_TARGET);
  printf ("Imported %" G_GUINT64_FORMAT " pairs from %s as source document %" G_GINT64_FORMAT
          " (%s) and target document %" G_GINT64_FORMAT " (%s)",
          report.n_imported, argv[2], report.src_document, src, report.tgt_document, tgt);
  if (report.n_skipped > 0)
    printf ("; %" G_GUINT64_FORMAT " %s without text in both %s and %s skipped",
            report.n_skipped, units, src, tgt);
  printf ("\n");
  return DIP_EXIT_OK;
}

int
dip_cmd_import_tmx (int argc, char **argv)
{
  return run_import (argc, argv, "FILE.diptych IN.tmx — import a TMX file as confirmed pairs",
                     dip_project_import_tmx, "translation units");
}

int
dip_cmd_import_pairs (int argc, char **argv)
{
  return run_import (argc, argv,
                     "FILE.diptych PAIRS.tsv — import source TAB target lines as confirmed pairs",
                     dip_project_import_pairs, "lines");
}
