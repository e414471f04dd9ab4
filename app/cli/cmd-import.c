/* cmd-import.c — diptych-cli import FILE.diptych --side source|target
 *                [--lang TAG] [--presegmented] TEXT */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

int
dip_cmd_import (int argc, char **argv)
{
  g_autofree char *side_name = NULL;
  g_autofree char *lang = NULL;
  gboolean presegmented = FALSE;
  GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_name, "Which side the text is: source or target",
      "SIDE" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "Language of the text (BCP 47); default: the project's for that side", "TAG" },
    { "presegmented", 0, 0, G_OPTION_ARG_NONE, &presegmented,
      "The text has one segment per line; keep the lines as they are", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych TEXT — import a UTF-8 text as a document");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 2))
    return DIP_EXIT_USAGE;

  DipSide side;
  if (!dip_cli_parse_side (side_name, &side))
    return dip_cli_usage ("import needs --side source or --side target");

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);

  DipImportFlags flags = presegmented ? DIP_IMPORT_PRESEGMENTED : DIP_IMPORT_NONE;
  gint64 id = dip_project_import_text (project, argv[2], side, lang, flags, NULL, &error);
  if (id == 0)
    return dip_cli_fail (error);

  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, &error);
  if (documents == NULL)
    return dip_cli_fail (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const DipDocumentInfo *info = g_ptr_array_index (documents, i);
      if (info->id == id)
        printf ("Imported %s as %s document %" G_GINT64_FORMAT ": %u paragraphs, %u segments (%s)\n",
                 argv[2], dip_side_to_string (side), id, info->n_paragraphs, info->n_segments,
                 info->lang);
    }
  return DIP_EXIT_OK;
}
