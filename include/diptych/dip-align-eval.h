/* dip-align-eval.h — alignment files in the vecalign format and their
 * scores against a gold standard.
 *
 * The format has one bead per line, 0-based sentence numbers: "[3]:[3]",
 * "[7]:[7,8]", "[]:[17]". Scores follow Vecalign's score.py: strict counts
 * a bead only if the gold has exactly the same bead; lax counts a bead that
 * overlaps a gold bead on both sides. Precision is over every test bead,
 * recall over the gold beads with both sides non-empty.
 */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* A bead as two sorted lists of sentence numbers. */
typedef struct
{
  GArray *source;   /* guint */
  GArray *target;   /* guint */
} DipEvalBead;

/* Parses a vecalign file. Array of DipEvalBead (clear func set). Errors
 * name the file, line and column. */
GArray  *dip_eval_load_beads   (const char  *path,
                                GError     **error);
GArray  *dip_eval_parse_beads  (const char  *text,
                                gsize        length,
                                const char  *name,
                                GError     **error);

/* Appends `bead` (positions in two sides) in the vecalign format. */
void     dip_eval_format_bead  (GString *out,
                                guint    src_start,
                                guint    src_count,
                                guint    tgt_start,
                                guint    tgt_count);

typedef struct
{
  /* counts, summed over every file pair scored */
  guint  strict_tp, strict_fp, lax_tp, lax_fp;            /* precision */
  guint  recall_strict_tp, recall_strict_fn;
  guint  recall_lax_tp, recall_lax_fn;
} DipEvalCounts;

void     dip_eval_count        (DipEvalCounts *counts,
                                const GArray  *gold,
                                const GArray  *test);

typedef struct
{
  double strict_precision, strict_recall, strict_f1;
  double lax_precision, lax_recall, lax_f1;
} DipEvalScores;

void     dip_eval_scores       (const DipEvalCounts *counts,
                                DipEvalScores       *scores);

G_END_DECLS
