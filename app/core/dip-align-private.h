/* dip-align-private.h — the aligner's inner pieces: units with their
 * matching keys, the banded dynamic program and the scoring parameters. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A sequence of units to align: sentences, or blocks of sentences in the
 * coarse pass. Each unit has a length in characters, a number of content
 * words, and its keys as (key, word) entries sorted by key. */
typedef struct
{
  guint    n;
  guint   *chars;
  guint   *n_words;
  guint   *paragraph;     /* NULL when the side has no paragraphs */
  guint8  *runs_on;       /* NULL, or per unit: whether it breaks off in
                             mid-sentence (dip_align_sentence_runs_on) */
  guint   *entry_start;   /* n + 1 */
  GArray  *entry_key;     /* guint32 */
  GArray  *entry_word;    /* guint32: index of the word within its unit */
  guint   *key_start;     /* n + 1 */
  GArray  *key;           /* guint32, unique per unit, sorted */
  guint   *origin;        /* blocks only: first finer unit of each block, n + 1 */
  guint64 *signature;     /* blocks only: DIP_ALIGN_SIGNATURE_WORDS per block */
} DipAlignUnits;

/* Blocks are compared by a bit signature of their keys: the shared bits
   count their shared keys closely enough for a coarse path, in a few
   dozen operations however large the blocks. */
#define DIP_ALIGN_SIGNATURE_WORDS 32

/* Set bits of a 64-bit word. __builtin_popcountll is a libgcc call on a
   build for any x86-64 (no POPCNT assumed); this is a dozen inline
   operations (the SWAR count in Knuth's TAOCP 7.1.3). */
static inline guint
dip_align_popcount (guint64 x)
{
  x -= (x >> 1) & G_GUINT64_CONSTANT (0x5555555555555555);
  x = (x & G_GUINT64_CONSTANT (0x3333333333333333))
      + ((x >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT (0x0F0F0F0F0F0F0F0F);
  return (guint) ((x * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

void           dip_align_units_free   (DipAlignUnits *units);

/* Builds units from per-unit arrays of (key, word) entries. Takes the
   arrays' contents; `chars` and `n_words` are copied. */
DipAlignUnits *dip_align_units_new    (guint         n,
                                       const guint  *chars,
                                       const guint  *n_words,
                                       const guint  *paragraph,
                                       GPtrArray    *entries);

/* Whether a segment breaks off in mid-sentence, the rest of its sentence
   in the next one: a bracket left open, an initial before the full stop
   (dip-align-breaks.c). */
gboolean       dip_align_sentence_runs_on (const char *text);

/* Blocks of consecutive units holding about `block_chars` characters
   each; `origin` maps them back to the units. */
DipAlignUnits *dip_align_units_blocks (const DipAlignUnits *units,
                                       double               block_chars);

/* How many units of a side hold each key: tells a rare key from one found
   all over that side. */
typedef struct
{
  guint *units_with_key;   /* indexed by key; keys from `size` on are in none */
  guint  size;
} DipKeyReach;

void           dip_key_reach_init     (DipKeyReach         *reach,
                                       const DipAlignUnits *units);
void           dip_key_reach_clear    (DipKeyReach         *reach);
/* The most units of its side any one of `keys` is in. */
guint          dip_key_reach_most     (const DipKeyReach   *reach,
                                       const guint32       *keys,
                                       guint                n_keys);

typedef struct
{
  double length_ratio;      /* expected target chars per source char */
  double length_variance;   /* Gale–Church s² */
  /* When above 0, lengths are compared in log instead: the standard
     deviation of log(target chars / (ratio · source chars)), widened by
     length_variance over the length as Gale–Church's is. */
  double length_log_spread;
  double lexical_weight;
  double chance_similarity; /* what unrelated sentences share */
  double orphan_penalty;        /* per unmatched sentence of a 1-1 bead */
  double merge_orphan_penalty;  /* per unmatched sentence of a larger bead */
  double paragraph_penalty;
  /* Against a bead that ends where one side's unit runs on into the next
     and the other side's does not. */
  double runs_on_penalty;
  /* Log prior of each sentence after the first of a run of 1-0 or 0-1
     beads (the first costs the shape's prior): insertions and omissions
     come in blocks. Never dearer than the first. */
  double gap_extend;
  double unit_size;         /* sentences per unit: 1, or a block's size */
  /* An article against its summary: which side is the summary
     (DIP_ALIGN_SUMMARY_*), and how likely the article's next event is a
     sentence left out rather than a run a summary sentence condenses
     (dip_align_summary_omission_rate). Beads are then scored as such
     events, and by what the summary words they explain are worth
     (summary_weights). Blocks of the coarse pass have no such weights:
     each summary word they explain is worth summary_block_gain, less the
     share summary_block_chance that one unrelated block would explain. */
  guint  summary_side;
  double omission_rate;
  const struct _DipSummaryWeights *summary_weights;
  double summary_block_gain;
  double summary_block_chance;
  gboolean posteriors;      /* fill DipPathBead.posterior (costs a backward pass) */
  /* Above 0, and with posteriors: the path returned is not the single
     most probable one but the one with the most beads expected right, each
     bead counting its posterior less this cost (dip-align-dp.c,
     trace_expected_beads). */
  double expected_bead_cost;
  /* Try the 1-5 and 5-1 shapes too: the last pass does, in its narrow
     band; a first pass or a coarse one finds its way without them. */
  gboolean five_sentence_beads;
  /* The guide rests mostly on lengths: check it against the blocks' path
     and widen the band where they part (costs a coarse pass). */
  gboolean weak_guide;
} DipAlignParams;

/* Gale and Church's s² for a translation, set on the Text+Berg
   development set with the bead score's other weights (dip-aligner.c). */
#define DIP_ALIGN_LENGTH_VARIANCE 6.8

/* A summary sentence draws on one more article sentence with this
   probability: one is the most common, four rare. The gold alignments of
   the seventeen summaries in tests/data/align keep 312 article sentences
   in 163 runs, 1.91 a run: 1 - 163 / 312 = 0.48. It was 0.35, a guess;
   with paragraphs unread (a text of one sentence a line) the measured
   figure took the strict F1 of those summaries from 0.745 to 0.765 on
   average, and with them read it moved them little (0.822 to 0.827). */
#define DIP_ALIGN_SUMMARY_CONTINUATION 0.48

enum
{
  DIP_ALIGN_SUMMARY_NONE,
  DIP_ALIGN_SUMMARY_TARGET,   /* the target summarises the source */
  DIP_ALIGN_SUMMARY_SOURCE,   /* the source summarises the target */
};

/* One bead of a path, in unit positions. */
typedef struct
{
  guint src_start, src_count, tgt_start, tgt_count;
  double sim;        /* lexical similarity in [0,1] */
  double length_lp;  /* Gale–Church log probability */
  double score;
  /* The probability that the bead is part of the alignment, summed over
     all the paths in the band with exp(score) as their weight; 0 unless
     the params asked for posteriors. */
  double posterior;
} DipPathBead;

/* Aligns the units end to end. Uses a full table when it is small and a
   band around a coarse path otherwise; `guide` (nullable, an earlier path
   over the same units) replaces the coarse pass. Array of DipPathBead. */
GArray        *dip_align_solve        (const DipAlignUnits  *source,
                                       const DipAlignUnits  *target,
                                       const DipAlignParams *params,
                                       const GArray         *guide,
                                       GCancellable         *cancellable);

double         dip_align_shape_log_prior (guint a, guint b);

/* Against a summary of `summary` sentences, the probability that the
   next event in an article of `article` sentences is a sentence left out
   rather than a run the summary condenses, as the sentence counts tell it
   (dip-align-dp.c reads the article as such events). */
double         dip_align_summary_omission_rate (guint article,
                                                guint summary);

/* Against a summary: sets `params`' length ratio from the beads of `path`,
   an earlier alignment of the same units. */
void           dip_align_summary_measure (const DipAlignUnits *source,
                                          const DipAlignUnits *target,
                                          const GArray        *path,
                                          DipAlignParams      *params);

/* What each word of a summary is worth when the article sentences of its
   bead explain it (dip-align-summary.c). Only a sentence's first
   DIP_SUMMARY_WEIGHED_WORDS words are weighed, so that the words one
   article sentence explains fit one bit mask; a summary sentence has
   rarely more. */
#define DIP_SUMMARY_WEIGHED_WORDS 64u
typedef struct _DipSummaryWeights
{
  guint  *word_start;   /* per summary unit, n + 1: index of its first word */
  double *weight;       /* per summary word, in nats */
  double *total;        /* per summary unit: its words' weights summed */
  double *chance;       /* per summary unit: what one unrelated article
                           sentence explains of it, on average */
} DipSummaryWeights;

void           dip_summary_weights_init  (DipSummaryWeights   *weights,
                                          const DipAlignUnits *summary,
                                          const DipAlignUnits *article);
void           dip_summary_weights_clear (DipSummaryWeights   *weights);

/* The words of unit i of `a` that have a key of unit j of `b`, one at a
   time: start with *e at a->entry_start[i] and *k at b->key_start[j], and
   call until it gives G_MAXUINT32. A word with several such keys comes
   as often. */
static inline guint32
dip_align_units_next_match (const DipAlignUnits *a, guint i, const DipAlignUnits *b, guint j,
                            guint *e, guint *k)
{
  /* The arrays' data, not &g_array_index (…, 0): an empty GArray has no
     data, and indexing NULL, even by 0, is undefined. */
  const guint32 *ek = (const guint32 *) (gpointer) a->entry_key->data;
  const guint32 *ew = (const guint32 *) (gpointer) a->entry_word->data;
  const guint32 *bk = (const guint32 *) (gpointer) b->key->data;
  guint e_end = a->entry_start[i + 1], k_end = b->key_start[j + 1];

  /* Both lists are sorted by key: one merge walk. */
  while (*e < e_end && *k < k_end)
    {
      if (ek[*e] < bk[*k])
        (*e)++;
      else if (ek[*e] > bk[*k])
        (*k)++;
      else
        return ew[(*e)++];
    }
  return G_MAXUINT32;
}

/* Counts the words of unit i of `a` that have a key of unit j of `b` and
   are not yet marked `stamp_id` in `stamp` (one entry per word of unit i),
   and marks them: one stamp_id across several calls counts a word once. */
static inline guint
dip_align_units_match_words (const DipAlignUnits *a, guint i, const DipAlignUnits *b, guint j,
                             guint32 *stamp, guint32 stamp_id)
{
  guint e = a->entry_start[i], k = b->key_start[j], count = 0;
  guint32 w;

  while ((w = dip_align_units_next_match (a, i, b, j, &e, &k)) != G_MAXUINT32)
    if (w < a->n_words[i] && stamp[w] != stamp_id)
      {
        stamp[w] = stamp_id;
        count++;
      }
  return count;
}

/* The words among the first DIP_SUMMARY_WEIGHED_WORDS of unit i of `a`
   that have a key of unit j of `b`, as a bit mask. */
static inline guint64
dip_align_units_match_mask (const DipAlignUnits *a, guint i, const DipAlignUnits *b, guint j)
{
  guint e = a->entry_start[i], k = b->key_start[j];
  guint limit = MIN (a->n_words[i], DIP_SUMMARY_WEIGHED_WORDS);
  guint64 mask = 0;
  guint32 w;

  while ((w = dip_align_units_next_match (a, i, b, j, &e, &k)) != G_MAXUINT32)
    if (w < limit)
      mask |= G_GUINT64_CONSTANT (1) << w;
  return mask;
}

G_END_DECLS
