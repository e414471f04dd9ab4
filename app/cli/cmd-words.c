/* cmd-words.c — diptych-cli words FILE.diptych ACTION …
 *
 *   add --lang TAG WORD       the spelling check accepts WORD for TAG
 *   remove --lang TAG WORD
 *   list [--lang TAG] [--format tsv|json]    TSV: language, word
 */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

static void
append_tsv (GString *out, gconstpointer item, gboolean first)
{
  const DipWord *w = item;
  g_string_append_printf (out, "%s\t", w->lang);
  dip_cli_tsv_field (out, w->word);
  g_string_append_c (out, '\n');
}

static void
append_json (GString *out, gconstpointer item, gboolean first)
{
  const DipWord *w = item;
  g_string_append_printf (out, "%s\n  {\"lang\": ", first ? "" : ",");
  dip_cli_json_string (out, w->lang);
  g_string_append (out, ", \"word\": ");
  dip_cli_json_string (out, w->word);
  g_string_append_c (out, '}');
}

static int
change (DipProject *project, gboolean add, const char *lang, const char *word)
{
  g_autoptr (GError) error = NULL;
  gboolean added = FALSE;
  if (add ? !dip_project_add_word (project, lang, word, &added, &error)
          : !dip_project_remove_word (project, lang, word, &error))
    return dip_cli_fail (error);
  if (add)
    printf (added ? "Added “%s” to the %s word list\n" : "“%s” is already in the %s word list\n",
            word, lang);
  else
    printf ("Removed “%s” from the %s word list\n", word, lang);
  return DIP_EXIT_OK;
}

int
dip_cmd_words (int argc, char **argv)
{
  g_autofree char *lang = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Language of the word (BCP 47)", "TAG" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "list: tsv (default) or json", "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych add|remove|list [WORD] — the project's word list for the spelling check");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  if (argc < 3)
    return dip_cli_usage ("words needs FILE.diptych and an action: add, remove or list");

  const char *action = argv[2];
  gboolean is_list = g_str_equal (action, "list");
  if (!is_list && !g_str_equal (action, "add") && !g_str_equal (action, "remove"))
    return dip_cli_usage ("unknown words action “%s”", action);
  if (argc != (is_list ? 3 : 4))
    return dip_cli_usage (is_list ? "usage: words FILE.diptych list [--lang TAG]"
                                  : "usage: words FILE.diptych add|remove --lang TAG WORD");
  if (!is_list && lang == NULL)
    return dip_cli_usage ("words %s needs --lang TAG", action);
  gboolean json;
  if (!dip_cli_parse_format (format, &json))
    return DIP_EXIT_USAGE;

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  if (!is_list)
    return change (project, g_str_equal (action, "add"), lang, argv[3]);

  g_autoptr (GPtrArray) words = dip_project_list_words (project, lang, &error);
  if (words == NULL || !dip_cli_print_list (words, json, append_tsv, append_json, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}
