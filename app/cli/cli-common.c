/* cli-common.c — option parsing, errors and output for the subcommands. */
#include "dip-config.h"

#include <stdio.h>
#include <errno.h>

#include "cli.h"
#include "dip-json.h"

gboolean
dip_cli_parse (GOptionContext *context, int *argc, char ***argv, int n_args)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      dip_cli_usage ("%s", error->message);
      return FALSE;
    }
  if (n_args >= 0 && *argc - 1 != n_args)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("diptych-cli: expected %d argument%s, got %d\n%s", n_args,
                  n_args == 1 ? "" : "s", *argc - 1, help);
      return FALSE;
    }
  return TRUE;
}

int
dip_cli_fail (const GError *error)
{
  g_printerr ("diptych-cli: %s\n", error->message);
  return DIP_EXIT_FAILURE;
}

int
dip_cli_usage (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("diptych-cli: %s (see diptych-cli --help)\n", message);
  return DIP_EXIT_USAGE;
}

gboolean
dip_cli_parse_side (const char *text, DipSide *out_side)
{
  return text != NULL && dip_side_from_string (text, out_side);
}

void
dip_cli_json_string (GString *out, const char *text)
{
  /* One JSON writer for the library's stored JSON and the CLI's output. */
  dip_json_append_string (out, text);
}

void
dip_cli_tsv_field (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\\': g_string_append (out, "\\\\"); break;
      default: g_string_append_c (out, *p);
      }
}

gboolean
dip_cli_write_stdout (const GString *out, GError **error)
{
  if (out->len > 0 && fwrite (out->str, 1, out->len, stdout) != out->len)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "standard output: %s", g_strerror (saved));
      return FALSE;
    }
  if (fflush (stdout) != 0)
    {
      int saved = errno;
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "standard output: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
dip_cli_parse_format (const char *format, gboolean *out_json)
{
  *out_json = format != NULL && g_str_equal (format, "json");
  if (format == NULL || *out_json || g_str_equal (format, "tsv"))
    return TRUE;
  dip_cli_usage ("unknown format “%s”: use tsv or json", format);
  return FALSE;
}

gboolean
dip_cli_print_list (GPtrArray *items, gboolean json, DipCliAppendFunc append_tsv,
                    DipCliAppendFunc append_json, GError **error)
{
  g_autoptr (GString) out = g_string_new (json ? "[" : "");
  for (guint i = 0; i < items->len; i++)
    (json ? append_json : append_tsv) (out, g_ptr_array_index (items, i), i == 0);
  if (json)
    g_string_append (out, items->len ? "\n]\n" : "]\n");
  return dip_cli_write_stdout (out, error);
}
