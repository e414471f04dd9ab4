/* cmd-edit.c — diptych-cli edit FILE.diptych ACTION [N …]
 *
 * The corrections of the review window from the command line, for scripts:
 *   confirm N | reject N | unconfirm N   set bead N's status
 *   merge N                              join bead N and bead N+1
 *   split N S T                          split bead N after S source and T target segments
 *   undo | redo                          the last change, even from an earlier session
 * N counts from 1 in the order `pairs` lists the beads.
 */
#include "dip-config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

static gboolean
parse_count (const char *text, guint *out)
{
  guint64 value;
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

int
dip_cmd_edit (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych confirm|reject|unconfirm|merge N | split N S T | undo | redo — correct the "
    "alignment");
  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  if (argc < 3)
    return dip_cli_usage ("edit needs a project and an action: edit FILE.diptych confirm 3");

  const char *action = argv[2];
  gboolean history = strcmp (action, "undo") == 0 || strcmp (action, "redo") == 0;
  guint expected = history ? 3 : strcmp (action, "split") == 0 ? 6 : 4;
  if ((guint) argc != expected)
    return dip_cli_usage ("edit %s takes %u argument%s after the project", action, expected - 3,
                          expected - 3 == 1 ? "" : "s");
  guint number = 0, src_keep = 0, tgt_keep = 0;
  if (!history && (!parse_count (argv[3], &number) || number == 0))
    return dip_cli_usage ("“%s” is not a bead number (1, 2, …)", argv[3]);
  if (expected == 6 && (!parse_count (argv[4], &src_keep) || !parse_count (argv[5], &tgt_keep)))
    return dip_cli_usage ("split needs the numbers of source and target segments to keep");

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);

  if (history)
    {
      g_autofree char *done = NULL;
      gboolean undo = strcmp (action, "undo") == 0;
      if (!(undo ? dip_project_undo (project, &done, &error)
                 : dip_project_redo (project, &done, &error)))
        return dip_cli_fail (error);
      if (done == NULL)
        printf ("Nothing to %s in %s\n", action, argv[1]);
      else
        printf ("%s “%s” in %s\n", undo ? "Undid" : "Redid", done, argv[1]);
      return DIP_EXIT_OK;
    }

  gint64 src, tgt;
  if (!dip_project_latest_pair (project, &src, &tgt, &error))
    return dip_cli_fail (error);
  guint index = number - 1;
  gboolean ok;
  if (strcmp (action, "confirm") == 0)
    ok = dip_project_set_bead_status (project, src, tgt, index, DIP_BEAD_CONFIRMED, &error);
  else if (strcmp (action, "reject") == 0)
    ok = dip_project_set_bead_status (project, src, tgt, index, DIP_BEAD_REJECTED, &error);
  else if (strcmp (action, "unconfirm") == 0)
    ok = dip_project_set_bead_status (project, src, tgt, index, DIP_BEAD_AUTO, &error);
  else if (strcmp (action, "merge") == 0)
    ok = dip_project_merge_beads (project, src, tgt, index, &error);
  else if (strcmp (action, "split") == 0)
    ok = dip_project_split_bead (project, src, tgt, index, src_keep, tgt_keep, &error);
  else
    return dip_cli_usage ("unknown edit action “%s”", action);
  if (!ok)
    return dip_cli_fail (error);
  printf ("Done: %s bead %u in %s\n", action, number, argv[1]);
  return DIP_EXIT_OK;
}
