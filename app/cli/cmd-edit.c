/* cmd-edit.c — diptych-cli edit FILE.diptych ACTION [N …]
 *
 * The corrections of the review window from the command line, for scripts:
 *   confirm N | reject N | unconfirm N   set bead N's status
 *   merge N                              join bead N and bead N+1
 *   split N S T                          split bead N after S source and T target segments
 *   move N source|target up|down         move the first sentence of a side of bead N to the
 *                                        bead above, or its last one to the bead below
 *   gap N                                unpair bead N: its source and target apart
 *   text N source|target K TEXT          correct the text of the K-th sentence of a side
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

/* How many arguments each action takes after the project. */
static const struct
{
  const char *name;
  guint       n_args;
} edit_actions[] = {
  { "confirm", 2 }, { "reject", 2 }, { "unconfirm", 2 }, { "merge", 2 }, { "gap", 2 },
  { "split", 4 },   { "move", 4 },   { "text", 5 },      { "undo", 1 },  { "redo", 1 },
};

static gboolean
parse_side (const char *text, DipSide *out)
{
  if (g_strcmp0 (text, "source") == 0)
    *out = DIP_SIDE_SOURCE;
  else if (g_strcmp0 (text, "target") == 0)
    *out = DIP_SIDE_TARGET;
  else
    return FALSE;
  return TRUE;
}

static int
undo_or_redo (DipProject *project, const char *action, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  gboolean undo = strcmp (action, "undo") == 0;

  if (!(undo ? dip_project_undo (project, &done, &error)
             : dip_project_redo (project, &done, &error)))
    return dip_cli_fail (error);
  if (done == NULL)
    printf ("Nothing to %s in %s\n", action, path);
  else
    printf ("%s “%s” in %s\n", undo ? "Undid" : "Redid", done, path);
  return DIP_EXIT_OK;
}

/* `text N side K TEXT`: the K-th sentence of that side of bead N. */
static gboolean
edit_text (DipProject *project, gint64 src, gint64 tgt, guint index, DipSide side, guint nth,
           const char *text, GError **error)
{
  g_autoptr (GArray) beads = dip_project_list_beads (project, src, tgt, error);
  if (beads == NULL)
    return FALSE;
  if (index >= beads->len)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: there is no bead %u (the alignment has %u)",
                   dip_project_get_path (project), index + 1, beads->len);
      return FALSE;
    }
  const DipBead *bead = &g_array_index (beads, DipBead, index);
  guint start = side == DIP_SIDE_SOURCE ? bead->src_start : bead->tgt_start;
  guint count = side == DIP_SIDE_SOURCE ? bead->src_count : bead->tgt_count;
  if (nth == 0 || nth > count)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: bead %u has %u %s sentence%s, not %u", dip_project_get_path (project),
                   index + 1, count, side == DIP_SIDE_SOURCE ? "source" : "target",
                   count == 1 ? "" : "s", nth);
      return FALSE;
    }
  return dip_project_set_segment_text (project, side == DIP_SIDE_SOURCE ? src : tgt,
                                       start + nth - 1, text, error);
}

int
dip_cmd_edit (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    "FILE.diptych ACTION — correct the alignment. ACTION: confirm|reject|unconfirm|merge|gap N"
    " | split N S T | move N source|target up|down | text N source|target K TEXT | undo | redo");
  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  if (argc < 3)
    return dip_cli_usage ("edit needs a project and an action: edit FILE.diptych confirm 3");

  const char *action = argv[2];
  guint expected = 0;
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    if (strcmp (action, edit_actions[i].name) == 0)
      expected = edit_actions[i].n_args;
  if (expected == 0)
    return dip_cli_usage ("unknown edit action “%s”", action);
  if ((guint) argc != expected + 2)
    return dip_cli_usage ("edit %s takes %u argument%s after the project", action, expected - 1,
                          expected - 1 == 1 ? "" : "s");
  gboolean history = expected == 1;
  guint number = 0, src_keep = 0, tgt_keep = 0, nth = 0;
  DipSide side = DIP_SIDE_SOURCE;
  gboolean up = FALSE;
  if (!history && (!parse_count (argv[3], &number) || number == 0))
    return dip_cli_usage ("“%s” is not a bead number (1, 2, …)", argv[3]);
  if (strcmp (action, "split") == 0
      && (!parse_count (argv[4], &src_keep) || !parse_count (argv[5], &tgt_keep)))
    return dip_cli_usage ("split needs the numbers of source and target segments to keep");
  if ((strcmp (action, "move") == 0 || strcmp (action, "text") == 0)
      && !parse_side (argv[4], &side))
    return dip_cli_usage ("“%s” is not a side: source or target", argv[4]);
  if (strcmp (action, "move") == 0)
    {
      if (strcmp (argv[5], "up") != 0 && strcmp (argv[5], "down") != 0)
        return dip_cli_usage ("move goes “up” or “down”, not “%s”", argv[5]);
      up = strcmp (argv[5], "up") == 0;
    }
  if (strcmp (action, "text") == 0 && (!parse_count (argv[5], &nth) || nth == 0))
    return dip_cli_usage ("“%s” is not a sentence number (1, 2, …)", argv[5]);

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (argv[1], &error);
  if (project == NULL)
    return dip_cli_fail (error);
  if (history)
    return undo_or_redo (project, action, argv[1]);

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
  else if (strcmp (action, "gap") == 0)
    ok = dip_project_insert_gap (project, src, tgt, index, &error);
  else if (strcmp (action, "split") == 0)
    ok = dip_project_split_bead (project, src, tgt, index, src_keep, tgt_keep, &error);
  else if (strcmp (action, "move") == 0)
    ok = dip_project_move_segment (project, src, tgt, index, side, up, &error);
  else
    ok = edit_text (project, src, tgt, index, side, nth, argv[6], &error);
  if (!ok)
    return dip_cli_fail (error);
  printf ("Done: %s bead %u in %s\n", action, number, argv[1]);
  return DIP_EXIT_OK;
}
