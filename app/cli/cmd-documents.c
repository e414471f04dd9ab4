/* cmd-documents.c — diptych-cli documents FILE.diptych [--format tsv|json] */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

static void
append_tsv (GString *out, gconstpointer item, gboolean first)
{
  const DipDocumentInfo *info = item;

  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%u\t", info->id,
                          dip_side_to_string (info->side), info->lang, info->n_paragraphs,
                          info->n_segments);
  dip_cli_tsv_field (out, info->name);
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, gconstpointer item, gboolean first)
{
  const DipDocumentInfo *info = item;

  g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"side\": \"%s\", \"lang\": ",
                          first ? "" : ",", info->id, dip_side_to_string (info->side));
  dip_cli_json_string (out, info->lang);
  g_string_append (out, ", \"name\": ");
  dip_cli_json_string (out, info->name);
  g_string_append_printf (out, ", \"paragraphs\": %u, \"segments\": %u, \"presegmented\": %s}",
                          info->n_paragraphs, info->n_segments,
                          info->presegmented ? "true" : "false");
}

int
dip_cmd_documents (int argc, char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json",
      "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych — list documents: id, side, language, paragraphs, segments, name");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 1))
    return DIP_EXIT_USAGE;
  gboolean json;
  if (!dip_cli_parse_format (format, &json))
    return DIP_EXIT_USAGE;

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, &error);
  if (documents == NULL)
    return dip_cli_fail (error);

  if (!dip_cli_print_list (documents, json, append_tsv, append_json, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
