/* cmd-check.c — diptych-cli check FILE.diptych [--format text|json]
 *               [--kinds k1,k2]
 *
 * Runs the quality checks, stores the findings in the project and prints
 * them: as text, one line a finding and a summary, or as one JSON array.
 * Findings are the result, not a failure: the exit code is 0.
 */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

static void
append_text (GString *out, const DipFinding *f)
{
  g_string_append_printf (out, "bead %" G_GINT64_FORMAT " %s %u-%u %s (%s): %s", f->bead_id,
                          dip_side_to_string (f->side), f->start, f->end,
                          dip_check_kind_to_string (f->kind), dip_severity_to_string (f->severity),
                          f->message);
  for (guint i = 0; i < f->suggestions->len; i++)
    g_string_append_printf (out, "%s%s", i ? " | " : " → ",
                            (const char *) g_ptr_array_index (f->suggestions, i));
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, const DipFinding *f, gboolean first)
{
  g_string_append_printf (out,
                          "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"kind\": \"%s\", "
                          "\"severity\": \"%s\", \"bead\": %" G_GINT64_FORMAT ", "
                          "\"side\": \"%s\", \"start\": %u, \"end\": %u, \"source\": ",
                          first ? "" : ",", f->id, dip_check_kind_to_string (f->kind),
                          dip_severity_to_string (f->severity), f->bead_id,
                          dip_side_to_string (f->side), f->start, f->end);
  dip_cli_json_string (out, f->source);
  g_string_append (out, ", \"target\": ");
  dip_cli_json_string (out, f->target);
  g_string_append (out, ", \"message\": ");
  dip_cli_json_string (out, f->message);
  g_string_append (out, ", \"suggestions\": [");
  for (guint i = 0; i < f->suggestions->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      dip_cli_json_string (out, g_ptr_array_index (f->suggestions, i));
    }
  g_string_append (out, "]}");
}

static void
append_summary (GString *out, GPtrArray *findings)
{
  guint counts[3] = { 0, 0, 0 };
  for (guint i = 0; i < findings->len; i++)
    counts[((DipFinding *) g_ptr_array_index (findings, i))->severity]++;
  g_string_append_printf (out, "%u finding%s: %u error%s, %u warning%s, %u info\n",
                          findings->len, findings->len == 1 ? "" : "s", counts[0],
                          counts[0] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s",
                          counts[2]);
}

int
dip_cmd_check (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *kinds_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json",
      "FORMAT" },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &kinds_text,
      "Only these checks, comma-separated (default: all)", "K1,K2" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych — run the quality checks, store and print the findings");
  g_option_context_set_description (
    context, "Kinds: term-missing, term-forbidden, term-inconsistent, inconsistent-target,\n"
             "inconsistent-source, spelling, number-mismatch, untranslated, wrong-language,\n"
             "repeated-word, double-space.\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, 1))
    return DIP_EXIT_USAGE;
  gboolean json = format != NULL && g_str_equal (format, "json");
  if (format != NULL && !json && !g_str_equal (format, "text"))
    return dip_cli_usage ("unknown format “%s”: use text or json", format);

  g_autoptr (GError) error = NULL;
  guint kinds = DIP_CHECK_ALL;
  if (kinds_text != NULL && !dip_check_kinds_parse (kinds_text, &kinds, &error))
    return dip_cli_usage ("%s", error->message);

  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  g_autoptr (GPtrArray) findings = dip_project_check (project, kinds, NULL, NULL, &error);
  if (findings == NULL)
    return dip_cli_fail (error);

  g_autoptr (GString) out = g_string_new (json ? "[" : "");
  for (guint i = 0; i < findings->len; i++)
    {
      const DipFinding *f = g_ptr_array_index (findings, i);
      if (json)
        append_json (out, f, i == 0);
      else
        append_text (out, f);
    }
  if (json)
    g_string_append (out, findings->len ? "\n]\n" : "]\n");
  else
    append_summary (out, findings);
  if (!dip_cli_write_stdout (out, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
