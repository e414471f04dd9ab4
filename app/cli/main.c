/* main.c — diptych-cli: the Diptych pipeline without a display.
 *
 * Each subcommand lives in its own cmd-*.c and is a thin client of
 * libdiptych: it parses arguments, calls the library and prints.
 */
#include "dip-config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const DipCommand commands[] = {
  /* In the order of the work: make, align, review, check, exchange. */
  { "new", dip_cmd_new, "Create a project: new FILE.diptych --src-lang it --tgt-lang en" },
  { "import", dip_cmd_import, "Import a text: import FILE.diptych --side source|target TEXT" },
  { "documents", dip_cmd_documents, "List the documents of a project" },
  { "segments", dip_cmd_segments, "List segments: segments FILE.diptych --side source|target" },
  { "align", dip_cmd_align, "Align a project, or two files: align FILE.diptych | --src A --tgt B" },
  { "pairs", dip_cmd_pairs, "List aligned pairs: pairs FILE.diptych [--format tsv|json]" },
  { "edit", dip_cmd_edit, "Correct beads: edit FILE.diptych confirm|reject|merge N | split N S T | undo | redo" },
  { "glossary", dip_cmd_glossary,
    "The glossary: glossary FILE.diptych add|list|remove|import|export|suggest …" },
  { "words", dip_cmd_words, "Project word list: words FILE.diptych add --lang TAG WORD" },
  { "check", dip_cmd_check, "Quality checks: check FILE.diptych [--format text|json] [--kinds …]" },
  { "export", dip_cmd_export, "Export pairs: export FILE.diptych --tmx OUT.tmx | --tsv OUT.tsv" },
  { "import-tmx", dip_cmd_import_tmx, "Import a TMX file as pairs: import-tmx FILE.diptych IN.tmx" },
  { "import-pairs", dip_cmd_import_pairs, "Import TSV pairs: import-pairs FILE.diptych PAIRS.tsv" },
  { "eval", dip_cmd_eval, "Score alignments against a gold standard: eval GOLD TEST…" },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "Usage: diptych-cli COMMAND [OPTION…] ARGUMENTS\n\n"
                   "Align, review and export translations without a display.\n\n"
                   "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream, "\nRun “diptych-cli COMMAND --help” for the options of a command.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_help (stderr);
      return DIP_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return DIP_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("diptych-cli %s\n", DIP_VERSION);
      return DIP_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  return dip_cli_usage ("unknown command “%s”", argv[1]);
}
