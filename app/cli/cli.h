/* cli.h — what the diptych-cli subcommands share. */
#pragma once

#include <diptych/diptych.h>

/* Exit codes of diptych-cli. */
enum
{
  DIP_EXIT_OK = 0,
  DIP_EXIT_FAILURE = 1,   /* the work could not be done: bad input, I/O, … */
  DIP_EXIT_USAGE = 2,     /* the command line is wrong */
};

typedef int (*DipCommandFunc) (int argc, char **argv);

typedef struct
{
  const char     *name;
  DipCommandFunc  run;
  const char     *summary;
} DipCommand;

/* Parses options and checks that exactly `n_args` positional arguments
 * remain (argv[0] is the command name; -1: any number, the caller checks). On a usage error prints it and
 * returns FALSE; the caller exits with DIP_EXIT_USAGE. */
gboolean    dip_cli_parse (GOptionContext *context, int *argc, char ***argv, int n_args);

/* Prints "diptych-cli: MESSAGE" and returns DIP_EXIT_FAILURE. */
int         dip_cli_fail (const GError *error);

/* Prints a usage problem and returns DIP_EXIT_USAGE. */
int         dip_cli_usage (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Parses "source" or "target". */
gboolean    dip_cli_parse_side (const char *text, DipSide *out_side);

/* Appends `text` as a JSON string literal (quoted and escaped). */
void        dip_cli_json_string (GString *out, const char *text);

/* Writes `text` with TAB, LF, CR and backslash escaped, so that one record
 * stays on one TSV line. */
void        dip_cli_tsv_field (GString *out, const char *text);

/* Parses --format: NULL or "tsv" gives FALSE in *out_json, "json" TRUE;
 * anything else is a usage error (FALSE returned, message printed). */
gboolean    dip_cli_parse_format (const char *format, gboolean *out_json);

typedef void (*DipCliAppendFunc) (GString *out, gconstpointer item, gboolean first);

/* Prints `items` as TSV lines (append_tsv per item) or as one JSON array
 * (append_json per item, which writes one object). */
gboolean    dip_cli_print_list (GPtrArray        *items,
                                gboolean          json,
                                DipCliAppendFunc  append_tsv,
                                DipCliAppendFunc  append_json,
                                GError          **error);

/* Writes the whole string to standard output; FALSE on a write error
 * (a full disk or closed pipe must not pass silently). */
gboolean    dip_cli_write_stdout (const GString *out, GError **error);

int dip_cmd_new (int argc, char **argv);
int dip_cmd_import (int argc, char **argv);
int dip_cmd_segments (int argc, char **argv);
int dip_cmd_documents (int argc, char **argv);
int dip_cmd_glossary (int argc, char **argv);
int dip_cmd_check (int argc, char **argv);
int dip_cmd_words (int argc, char **argv);
int dip_cmd_align (int argc, char **argv);
int dip_cmd_pairs (int argc, char **argv);
int dip_cmd_edit (int argc, char **argv);
int dip_cmd_eval (int argc, char **argv);
int dip_cmd_export (int argc, char **argv);
int dip_cmd_import_tmx (int argc, char **argv);
int dip_cmd_import_pairs (int argc, char **argv);
