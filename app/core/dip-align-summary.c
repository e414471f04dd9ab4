/* dip-align-summary.c — what an article and its summary tell the aligner
 * before and between its passes.
 *
 * Three things are not known before aligning a summary: how much of the
 * article it leaves out, how much shorter its sentences are than those
 * they condense, and how telling each shared word is. The sentence counts
 * give the first, the first pass's beads the second, and how many article
 * sentences have a word the third.
 */
#include "dip-config.h"

#include <math.h>

#include "dip-align-private.h"

/* A summary sentence condenses one article sentence, and one more with
   probability DIP_ALIGN_SUMMARY_CONTINUATION: 1 / (1 - 0.48) of them on
   average, as the seventeen summaries in tests/data/align keep 1.91. */
#define KEPT_PER_SUMMARY_SENTENCE (1.0 / (1.0 - DIP_ALIGN_SUMMARY_CONTINUATION))
/* A few sentences say little about a rate: the counts are taken as if
   there were this many more events, half of them sentences left out.
   Without it, three sentences against two measure no omission at all, and
   the one sentence the dictionary test's summary leaves out joined its
   neighbour. */
#define PRIOR_EVENTS 6.0

double
dip_align_summary_omission_rate (guint article, guint summary)
{
  /* Measured on the first pass's beads instead, the rate came out far too
     high wherever that pass missed the merges (0.66 for an Italian digest
     that leaves out 0.35), and each further sentence of a merge then cost
     1.7 nats: the second pass kept only the best sentence of each run.
     From the counts: the summary's sentences are as many runs, of
     KEPT_PER_SUMMARY_SENTENCE article sentences each; the article's other
     sentences are left out, each an event of its own. */
  double left_out = MAX (0.0, article - summary * KEPT_PER_SUMMARY_SENTENCE);
  double rate = (left_out + PRIOR_EVENTS / 2) / (left_out + summary + PRIOR_EVENTS);
  /* Kept off the extremes, so that leaving a sentence out and keeping it
     both stay open for every sentence. */
  return CLAMP (rate, 0.1, 0.9);
}

/* A summary sentence is about this long against the article sentences it
   condenses: 0.36 to 0.56, 0.45 on average, over the gold alignments of
   the fourteen summaries in tests/data/align up to 021. */
#define SUMMARY_CONDENSATION 0.45

/* How far a bead's log length ratio strays from the summary's. Gale and
   Church's model, made for translations, lets a deviation grow with the
   square root of the length; at the variance a summary needs for its
   short sentences, a summary sentence of 80 characters at a ratio of 0.45
   told a run of 163 characters from its first sentence alone (100) by
   0.28 nats (by 0.96 in log at 0.6). In the gold of the seventeen
   summaries in tests/data/align, a summary sentence's log ratio to its
   run strays 0.33 from its summary's mean; the ratio the second pass uses
   is itself an estimate, and about twice that is taken. Over the 34 runs
   of those summaries (read with their paragraphs / one sentence a line),
   0.5 scored 0.825 / 0.777, 0.6 0.830 / 0.777, 0.7 0.827 / 0.765 and
   0.8 0.818 / 0.754; at 0.5 and 0.6 the technology digest's wrong beads
   came out surer than its right ones. */
#define SUMMARY_LENGTH_LOG_SPREAD 0.7

void
dip_align_summary_measure (const DipAlignUnits *source, const DipAlignUnits *target,
                           const GArray *path, DipAlignParams *params)
{
  double source_chars = 0, target_chars = 0;

  for (guint p = 0; p < path->len; p++)
    {
      const DipPathBead *bead = &g_array_index (path, DipPathBead, p);
      if (bead->src_count == 0 || bead->tgt_count == 0)
        continue;
      for (guint i = bead->src_start; i < bead->src_start + bead->src_count; i++)
        source_chars += source->chars[i];
      for (guint j = bead->tgt_start; j < bead->tgt_start + bead->tgt_count; j++)
        target_chars += target->chars[j];
    }
  /* A summary sentence is shorter than the article sentences it condenses:
     lengths are compared at the ratio of the beads, not of the texts,
     which counts the sentences left out too. */
  if (source_chars > 0 && target_chars > 0)
    params->length_ratio = CLAMP (target_chars / source_chars, 0.1, 10.0);
  /* The first pass keeps too few sentences of each run (those sharing no
     word with their summary sentence are left out), so the ratio it
     measures is too high: 0.78 where the gold's is 0.56. The second pass
     takes it halfway, in log, to SUMMARY_CONDENSATION. Strict F1 moved on
     four of the seventeen summaries in tests/data/align, with and without a
     dictionary: 0.783 to 0.891, 0.901 to 1.000, 0.691 to 0.776 and 0.633
     to 0.629 (the mean of the thirty-four runs 0.803 to 0.812). Taken
     whole instead of halfway, the prior cost the last three blind cases
     0.04 on average; 0.40 or 0.50 did worse than 0.45. */
  double prior = params->summary_side == DIP_ALIGN_SUMMARY_SOURCE ? 1.0 / SUMMARY_CONDENSATION
                                                                    : SUMMARY_CONDENSATION;
  params->length_ratio = sqrt (params->length_ratio * prior);
  params->length_log_spread = SUMMARY_LENGTH_LOG_SPREAD;
  /* Short sentences stray further: the log spread is widened by the
     variance a translation's Gale–Church model allows over the bead's
     length. Without it, a German sentence of 15 characters that a
     two-sentence summary leaves out joined its neighbour. */
  params->length_variance = DIP_ALIGN_LENGTH_VARIANCE;
}

/* A summary word is worth what finding it in the article sentences of its
 * bead says, against finding it in any article sentence: -log of the share
 * of article sentences that have it. A number or a name that one sentence
 * of thirty has is worth 3.4 nats; a word half the article has, 0.7; one
 * no article sentence has, nothing, since no bead can explain it. One flat
 * value per word, measured on the first pass, made the second pass keep
 * only the best sentence of each run the summary condenses: a further
 * sentence often shares one number with the summary sentence and nothing
 * else, and one number was worth no more than any common word. Strict F1
 * of the four summaries in tests/data/align went from 0.82, 0.56, 0.39 and
 * 0.34 to 0.89, 0.70, 0.40 and 0.73 (with the omission rate from the
 * counts), and with a dictionary from 0.89, 0.70, 0.69, 0.33 to 0.89,
 * 0.71, 0.79, 0.72. Three de-fr summaries drawn from the development set
 * went from 0.56, 0.60, 0.56 to 0.67, 0.67, 0.65, and with
 * dict-freedict-deu-fra from 0.71, 0.77, 0.69 to 0.78, 0.84, 0.75. */
void
dip_summary_weights_init (DipSummaryWeights *weights, const DipAlignUnits *summary,
                          const DipAlignUnits *article)
{
  DipKeyReach reach;
  dip_key_reach_init (&reach, article);

  weights->word_start = g_new (guint, summary->n + 1);
  weights->word_start[0] = 0;
  for (guint y = 0; y < summary->n; y++)
    weights->word_start[y + 1] = weights->word_start[y] + summary->n_words[y];
  guint n_words = weights->word_start[summary->n];
  weights->weight = g_new0 (double, MAX (n_words, 1u));
  weights->total = g_new0 (double, MAX (summary->n, 1u));
  weights->chance = g_new0 (double, MAX (summary->n, 1u));

  /* A word's reach: the article sentences with the most widespread of its
     keys (its form, its cognate key, its translations). */
  g_autofree guint *word_reach = g_new0 (guint, MAX (n_words, 1u));
  const guint32 *keys = (const guint32 *) (gpointer) summary->entry_key->data;
  const guint32 *words = (const guint32 *) (gpointer) summary->entry_word->data;
  for (guint y = 0; y < summary->n; y++)
    for (guint e = summary->entry_start[y]; e < summary->entry_start[y + 1]; e++)
      if (words[e] < summary->n_words[y] && keys[e] < reach.size)
        {
          guint *r = &word_reach[weights->word_start[y] + words[e]];
          *r = MAX (*r, reach.units_with_key[keys[e]]);
        }
  dip_key_reach_clear (&reach);

  for (guint y = 0; y < summary->n; y++)
    for (guint w = weights->word_start[y];
         w < weights->word_start[y + 1] && w - weights->word_start[y] < DIP_SUMMARY_WEIGHED_WORDS;
         w++)
      if (word_reach[w] > 0)
        {
          double share = (word_reach[w] + 0.5) / (article->n + 1.0);
          weights->weight[w] = -log (share);
          weights->total[y] += weights->weight[w];
          weights->chance[y] += share * weights->weight[w];
        }
}

void
dip_summary_weights_clear (DipSummaryWeights *weights)
{
  g_clear_pointer (&weights->word_start, g_free);
  g_clear_pointer (&weights->weight, g_free);
  g_clear_pointer (&weights->total, g_free);
  g_clear_pointer (&weights->chance, g_free);
}
