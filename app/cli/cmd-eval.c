/* cmd-eval.c — diptych-cli eval GOLD TEST [GOLD TEST …]
 *
 * Scores alignments in the vecalign format against gold alignments, summed
 * over every pair of files, as Vecalign's score.py does.
 */
#include "dip-config.h"

#include <stdio.h>

#include "cli.h"

int
dip_cmd_eval (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (
    "GOLD TEST [GOLD TEST …] — strict and lax precision, recall and F1 of TEST against GOLD");
  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  if (argc < 3 || (argc - 1) % 2 != 0)
    return dip_cli_usage ("eval needs pairs of files: eval GOLD TEST [GOLD TEST …]");

  DipEvalCounts counts = { 0 };
  for (int i = 1; i + 1 < argc; i += 2)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GArray) gold = dip_eval_load_beads (argv[i], &error);
      if (gold == NULL)
        return dip_cli_fail (error);
      g_autoptr (GArray) test = dip_eval_load_beads (argv[i + 1], &error);
      if (test == NULL)
        return dip_cli_fail (error);
      dip_eval_count (&counts, gold, test);
    }
  DipEvalScores s;
  dip_eval_scores (&counts, &s);
  printf (" \tprecision\trecall\tF1\n");
  printf ("strict\t%.4f\t%.4f\t%.4f\n", s.strict_precision, s.strict_recall, s.strict_f1);
  printf ("lax\t%.4f\t%.4f\t%.4f\n", s.lax_precision, s.lax_recall, s.lax_f1);
  return DIP_EXIT_OK;
}
