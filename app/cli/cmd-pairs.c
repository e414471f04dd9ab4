/* cmd-pairs.c — diptych-cli pairs FILE.diptych [--format tsv|json]
 *
 * The stored beads of the project's latest source and target documents:
 * id, status, confidence, source text, target text.
 */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

typedef struct
{
  DipBead  bead;
  char    *source;
  char    *target;
} Pair;

static void
pair_free (Pair *pair)
{
  g_free (pair->source);
  g_free (pair->target);
  g_free (pair);
}

static void
append_tsv (GString *out, gconstpointer item, gboolean first)
{
  const Pair *pair = item;

  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%.3f\t", pair->bead.id,
                          dip_bead_status_to_string (pair->bead.status), pair->bead.confidence);
  dip_cli_tsv_field (out, pair->source);
  g_string_append_c (out, '\t');
  dip_cli_tsv_field (out, pair->target);
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, gconstpointer item, gboolean first)
{
  const Pair *pair = item;

  g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"status\": \"%s\", "
                          "\"confidence\": %.4f, \"shape\": \"%u-%u\", \"source\": ",
                          first ? "" : ",", pair->bead.id,
                          dip_bead_status_to_string (pair->bead.status), pair->bead.confidence,
                          pair->bead.src_count, pair->bead.tgt_count);
  dip_cli_json_string (out, pair->source);
  g_string_append (out, ", \"target\": ");
  dip_cli_json_string (out, pair->target);
  g_string_append_c (out, '}');
}

int
dip_cmd_pairs (int argc, char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json",
      "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych — list aligned pairs: id, status, confidence, source, target");
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
  gint64 src_id, tgt_id;
  if (!dip_project_latest_pair (project, &src_id, &tgt_id, &error))
    return dip_cli_fail (error);

  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  if (src_id != 0 && tgt_id != 0)
    {
      g_autoptr (GPtrArray) src = dip_project_list_segments (project, src_id, &error);
      g_autoptr (GPtrArray) tgt = src ? dip_project_list_segments (project, tgt_id, &error) : NULL;
      g_autoptr (GArray) beads = tgt ? dip_project_list_beads (project, src_id, tgt_id, &error)
                                     : NULL;
      if (beads == NULL)
        return dip_cli_fail (error);
      for (guint b = 0; b < beads->len; b++)
        {
          Pair *pair = g_new0 (Pair, 1);
          pair->bead = g_array_index (beads, DipBead, b);
          const DipBead *bead = &pair->bead;
          pair->source = dip_segments_join (src, bead->src_start, bead->src_count, " ", FALSE);
          pair->target = dip_segments_join (tgt, bead->tgt_start, bead->tgt_count, " ", FALSE);
          g_ptr_array_add (pairs, pair);
        }
    }
  if (!dip_cli_print_list (pairs, json, append_tsv, append_json, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
