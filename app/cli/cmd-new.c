/* cmd-new.c — diptych-cli new FILE.diptych --src-lang it --tgt-lang en */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

int
dip_cmd_new (int argc, char **argv)
{
  g_autofree char *src_lang = NULL;
  g_autofree char *tgt_lang = NULL;
  GOptionEntry entries[] = {
    { "src-lang", 0, 0, G_OPTION_ARG_STRING, &src_lang, "Source language (BCP 47, e.g. it)", "TAG" },
    { "tgt-lang", 0, 0, G_OPTION_ARG_STRING, &tgt_lang, "Target language (BCP 47, e.g. en-GB)",
      "TAG" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE.diptych — create a project");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 1))
    return DIP_EXIT_USAGE;
  if (src_lang == NULL || tgt_lang == NULL)
    return dip_cli_usage ("new needs --src-lang and --tgt-lang");

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (argv[1], src_lang, tgt_lang, &error);
  if (project == NULL)
    return dip_cli_fail (error);
  printf ("Created %s (%s → %s)\n", argv[1], dip_project_get_lang (project, DIP_SIDE_SOURCE),
           dip_project_get_lang (project, DIP_SIDE_TARGET));
  return DIP_EXIT_OK;
}
