/* cmd-glossary.c — diptych-cli glossary FILE.diptych ACTION …
 *
 *   add SRC TGT [--status preferred|admitted|forbidden] [--note TEXT]
 *   list [--format tsv|json]          TSV: id, source, target, status, note
 *   remove ID
 *   import FILE [--tsv|--csv|--tbx]   format by extension unless given
 *   export --tsv|--csv|--tbx OUT
 *   suggest [--min-count N] [--limit N] [--format tsv|json]
 *                                     TSV: score, beads, source, target, bead ids
 */
#include "dip-config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* Which options were given, to refuse those an action does not take. */
enum
{
  OPT_STATUS = 1 << 0,
  OPT_NOTE = 1 << 1,
  OPT_FORMAT = 1 << 2,
  OPT_FILE_FORMAT = 1 << 3,
  OPT_SUGGEST = 1 << 4,
};

typedef struct
{
  char     *status;
  char     *note;
  char     *format;
  gboolean  tsv, csv, tbx;
  int       min_count;
  int       limit;
} Options;

typedef int (*ActionFunc) (DipProject *project, char **args, const Options *options);

typedef struct
{
  const char *name;
  int         n_args;
  const char *usage;
  guint       allowed;
  ActionFunc  run;
} Action;

static guint
given_options (const Options *o)
{
  return (o->status ? OPT_STATUS : 0) | (o->note ? OPT_NOTE : 0) | (o->format ? OPT_FORMAT : 0)
         | (o->tsv || o->csv || o->tbx ? OPT_FILE_FORMAT : 0)
         | (o->min_count >= 0 || o->limit >= 0 ? OPT_SUGGEST : 0);
}

/* --tsv, --csv or --tbx: at most one; AUTO when none. */
static gboolean
file_format (const Options *o, DipGlossaryFormat *out_format)
{
  if (o->tsv + o->csv + o->tbx > 1)
    return FALSE;
  *out_format = o->tsv ? DIP_GLOSSARY_FORMAT_TSV
                : o->csv ? DIP_GLOSSARY_FORMAT_CSV
                : o->tbx ? DIP_GLOSSARY_FORMAT_TBX
                         : DIP_GLOSSARY_FORMAT_AUTO;
  return TRUE;
}

static int
run_add (DipProject *project, char **args, const Options *o)
{
  DipTermStatus status = DIP_TERM_PREFERRED;
  if (o->status && !dip_term_status_from_string (o->status, &status))
    return dip_cli_usage ("unknown status “%s”: use preferred, admitted or forbidden", o->status);
  for (guint i = 0; i < 2; i++)
    if (!g_utf8_validate (args[i], -1, NULL))
      return dip_cli_usage ("the %s term is not valid UTF-8", i ? "target" : "source");
  if (o->note && !g_utf8_validate (o->note, -1, NULL))
    return dip_cli_usage ("the note is not valid UTF-8");

  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new (args[0], args[1], status, o->note);
  g_autoptr (GError) error = NULL;
  gint64 id = dip_project_add_glossary_entry (project, entry, &error);
  if (id == 0)
    return dip_cli_fail (error);
  printf ("Added glossary entry %" G_GINT64_FORMAT ": %s → %s (%s)\n", id, entry->src_term,
          entry->tgt_term, dip_term_status_to_string (status));
  return DIP_EXIT_OK;
}

static void
append_entry_tsv (GString *out, gconstpointer item, gboolean first)
{
  const DipGlossaryEntry *e = item;
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", e->id);
  dip_cli_tsv_field (out, e->src_term);
  g_string_append_c (out, '\t');
  dip_cli_tsv_field (out, e->tgt_term);
  g_string_append_printf (out, "\t%s\t", dip_term_status_to_string (e->status));
  dip_cli_tsv_field (out, e->note ? e->note : "");
  g_string_append_c (out, '\n');
}

static void
append_optional (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  if (value)
    dip_cli_json_string (out, value);
  else
    g_string_append (out, "null");
}

static void
append_entry_json (GString *out, gconstpointer item, gboolean first)
{
  const DipGlossaryEntry *e = item;
  g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"source\": ",
                          first ? "" : ",", e->id);
  dip_cli_json_string (out, e->src_term);
  g_string_append (out, ", \"target\": ");
  dip_cli_json_string (out, e->tgt_term);
  g_string_append_printf (out, ", \"status\": \"%s\"", dip_term_status_to_string (e->status));
  append_optional (out, "note", e->note);
  append_optional (out, "part_of_speech", e->part_of_speech);
  append_optional (out, "src_lang", e->src_lang);
  append_optional (out, "tgt_lang", e->tgt_lang);
  g_string_append_printf (out, ", \"case_sensitive\": %s}", e->case_sensitive ? "true" : "false");
}

static int
run_list (DipProject *project, char **args, const Options *o)
{
  gboolean json;
  if (!dip_cli_parse_format (o->format, &json))
    return DIP_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (project, &error);
  if (entries == NULL
      || !dip_cli_print_list (entries, json, append_entry_tsv, append_entry_json, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}

static int
run_remove (DipProject *project, char **args, const Options *o)
{
  char *end = NULL;
  gint64 id = g_ascii_strtoll (args[0], &end, 10);
  if (end == args[0] || *end != '\0' || id <= 0)
    return dip_cli_usage ("“%s” is not an entry id (see glossary FILE list)", args[0]);
  g_autoptr (GError) error = NULL;
  if (!dip_project_remove_glossary_entry (project, id, &error))
    return dip_cli_fail (error);
  printf ("Removed glossary entry %" G_GINT64_FORMAT "\n", id);
  return DIP_EXIT_OK;
}

static int
run_status (DipProject *project, char **args, const Options *o)
{
  char *end = NULL;
  gint64 id = g_ascii_strtoll (args[0], &end, 10);
  DipTermStatus status;
  if (end == args[0] || *end != '\0' || id <= 0)
    return dip_cli_usage ("“%s” is not an entry id (see glossary FILE list)", args[0]);
  if (!dip_term_status_from_string (args[1], &status))
    return dip_cli_usage ("“%s” is not a status: preferred, admitted or forbidden", args[1]);
  g_autoptr (GError) error = NULL;
  if (!dip_project_set_glossary_status (project, id, status, &error))
    return dip_cli_fail (error);
  printf ("Glossary entry %" G_GINT64_FORMAT " is %s\n", id, args[1]);
  return DIP_EXIT_OK;
}

static int
run_import (DipProject *project, char **args, const Options *o)
{
  DipGlossaryFormat format;
  if (!file_format (o, &format))
    return dip_cli_usage ("give at most one of --tsv, --csv and --tbx");
  g_autoptr (GError) error = NULL;
  g_autoptr (DipGlossaryImport) report = dip_project_import_glossary (project, args[0], format,
                                                                      &error);
  if (report == NULL)
    return dip_cli_fail (error);
  for (guint i = 0; i < report->messages->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (report->messages, i));
  printf ("Imported %u entr%s from %s: %u added, %u merged\n", report->read,
          report->read == 1 ? "y" : "ies", args[0], report->added, report->merged);
  return DIP_EXIT_OK;
}

static int
run_export (DipProject *project, char **args, const Options *o)
{
  DipGlossaryFormat format;
  if (!file_format (o, &format) || format == DIP_GLOSSARY_FORMAT_AUTO)
    return dip_cli_usage ("export needs one of --tsv, --csv and --tbx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (project, &error);
  if (entries == NULL || !dip_project_export_glossary (project, args[0], format, &error))
    return dip_cli_fail (error);
  printf ("Exported %u entr%s to %s\n", entries->len, entries->len == 1 ? "y" : "ies", args[0]);
  return DIP_EXIT_OK;
}

static void
append_beads (GString *out, const GArray *beads, const char *separator)
{
  for (guint i = 0; i < beads->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? separator : "",
                            g_array_index (beads, gint64, i));
}

static void
append_suggestion_tsv (GString *out, gconstpointer item, gboolean first)
{
  const DipTermSuggestion *s = item;
  g_string_append_printf (out, "%.3f\t%u\t", s->score, s->count);
  dip_cli_tsv_field (out, s->src_term);
  g_string_append_c (out, '\t');
  dip_cli_tsv_field (out, s->tgt_term);
  g_string_append_c (out, '\t');
  append_beads (out, s->beads, ",");
  g_string_append_c (out, '\n');
}

static void
append_suggestion_json (GString *out, gconstpointer item, gboolean first)
{
  const DipTermSuggestion *s = item;
  char score[G_ASCII_DTOSTR_BUF_SIZE], llr[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (score, sizeof score, "%.4f", s->score);
  g_ascii_formatd (llr, sizeof llr, "%.2f", s->llr);
  g_string_append_printf (out, "%s\n  {\"source\": ", first ? "" : ",");
  dip_cli_json_string (out, s->src_term);
  g_string_append (out, ", \"target\": ");
  dip_cli_json_string (out, s->tgt_term);
  g_string_append_printf (out, ", \"dice\": %s, \"log_likelihood\": %s, \"count\": %u, "
                               "\"beads\": [", score, llr, s->count);
  append_beads (out, s->beads, ", ");
  g_string_append (out, "]}");
}

static int
run_suggest (DipProject *project, char **args, const Options *o)
{
  gboolean json;
  if (!dip_cli_parse_format (o->format, &json))
    return DIP_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions = dip_project_suggest_terms (
    project, o->min_count > 0 ? (guint) o->min_count : 0, o->limit > 0 ? (guint) o->limit : 0,
    NULL, &error);
  if (suggestions == NULL
      || !dip_cli_print_list (suggestions, json, append_suggestion_tsv, append_suggestion_json,
                              &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}

static const Action actions[] = {
  { "add", 2, "add SRC TGT [--status S] [--note TEXT]", OPT_STATUS | OPT_NOTE, run_add },
  { "list", 0, "list [--format tsv|json]", OPT_FORMAT, run_list },
  { "remove", 1, "remove ID", 0, run_remove },
  { "status", 2, "status ID preferred|admitted|forbidden", 0, run_status },
  { "import", 1, "import FILE [--tsv|--csv|--tbx]", OPT_FILE_FORMAT, run_import },
  { "export", 1, "export --tsv|--csv|--tbx OUT", OPT_FILE_FORMAT, run_export },
  { "suggest", 0, "suggest [--min-count N] [--limit N] [--format tsv|json]",
    OPT_FORMAT | OPT_SUGGEST, run_suggest },
};

static const Action *
find_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].name, name))
      return &actions[i];
  return NULL;
}

static void
options_clear (Options *o)
{
  g_free (o->status);
  g_free (o->note);
  g_free (o->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

int
dip_cmd_glossary (int argc, char **argv)
{
  g_auto (Options) o = { .min_count = -1, .limit = -1 };
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &o.status,
      "add: preferred (default), admitted or forbidden", "STATUS" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &o.note, "add: a note on the entry", "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "list, suggest: tsv (default) or json",
      "FORMAT" },
    { "tsv", 0, 0, G_OPTION_ARG_NONE, &o.tsv, "import, export: TSV", NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &o.csv, "import, export: CSV with a header row", NULL },
    { "tbx", 0, 0, G_OPTION_ARG_NONE, &o.tbx, "import, export: TBX-Basic", NULL },
    { "min-count", 0, 0, G_OPTION_ARG_INT, &o.min_count,
      "suggest: confirmed beads a pair needs (default 2)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, "suggest: at most N pairs", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych ACTION [ARGUMENT…] — the project glossary");
  g_option_context_set_description (
    context, "Actions:\n"
             "  add SRC TGT [--status S] [--note TEXT]\n"
             "  list [--format tsv|json]\n"
             "  remove ID\n"
             "  status ID preferred|admitted|forbidden\n"
             "  import FILE [--tsv|--csv|--tbx]\n"
             "  export --tsv|--csv|--tbx OUT\n"
             "  suggest [--min-count N] [--limit N] [--format tsv|json]\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  if (argc < 3)
    return dip_cli_usage ("glossary needs FILE.diptych and an action: "
                          "add, list, remove, status, import, export or suggest");

  const Action *action = find_action (argv[2]);
  if (action == NULL)
    return dip_cli_usage ("unknown glossary action “%s”", argv[2]);
  if (argc - 3 != action->n_args)
    return dip_cli_usage ("usage: glossary FILE.diptych %s", action->usage);
  if (given_options (&o) & ~action->allowed)
    return dip_cli_usage ("an option does not apply to glossary %s: glossary FILE.diptych %s",
                          action->name, action->usage);

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  return action->run (project, argv + 3, &o);
}
