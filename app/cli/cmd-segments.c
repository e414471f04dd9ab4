/* cmd-segments.c — diptych-cli segments FILE.diptych --side source|target
 *                  [--document ID] [--format tsv|json]
 *
 * TSV: id, paragraph, language, kind, text — one segment a line, no header.
 */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

static void
append_tsv (GString *out, gconstpointer item, gboolean first)
{
  const DipSegment *s = item;

  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%u\t%s\t%s\t", s->id, s->paragraph,
                          s->lang, dip_segment_kind_to_string (s->kind));
  dip_cli_tsv_field (out, s->text);
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, gconstpointer item, gboolean first)
{
  const DipSegment *s = item;

  g_string_append_printf (out,
                          "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"position\": %u, "
                          "\"paragraph\": %u, \"lang\": ",
                          first ? "" : ",", s->id, s->position, s->paragraph);
  dip_cli_json_string (out, s->lang);
  g_string_append_printf (out, ", \"kind\": \"%s\", \"start\": %u, \"end\": %u, \"text\": ",
                          dip_segment_kind_to_string (s->kind), s->start, s->end);
  dip_cli_json_string (out, s->text);
  g_string_append_c (out, '}');
}

int
dip_cmd_segments (int argc, char **argv)
{
  g_autofree char *side_name = NULL;
  g_autofree char *format = NULL;
  gint64 document = 0;
  GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_name,
      "List the latest document of this side: source or target", "SIDE" },
    { "document", 0, 0, G_OPTION_ARG_INT64, &document, "List this document instead", "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json",
      "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych — list segments: id, paragraph, language, kind, text");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 1))
    return DIP_EXIT_USAGE;

  DipSide side = DIP_SIDE_SOURCE;
  if (document == 0 && !dip_cli_parse_side (side_name, &side))
    return dip_cli_usage ("segments needs --side source|target or --document ID");
  gboolean json;
  if (!dip_cli_parse_format (format, &json))
    return DIP_EXIT_USAGE;

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  if (document == 0)
    {
      document = dip_project_latest_document (project, side, &error);
      if (error != NULL)
        return dip_cli_fail (error);
      if (document == 0)
        {
          g_set_error (&error, DIP_ERROR, DIP_ERROR_NOT_FOUND,
                       "%s: no %s document; import one first", argv[1],
                       dip_side_to_string (side));
          return dip_cli_fail (error);
        }
    }

  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, document, &error);
  if (segments == NULL)
    return dip_cli_fail (error);

  if (!dip_cli_print_list (segments, json, append_tsv, append_json, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
