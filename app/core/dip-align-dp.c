/* dip-align-dp.c — the aligner's dynamic program, in a band.
 *
 * Rows are source positions 0..n, columns target positions 0..m; a path
 * from (0,0) to (n,m) made of steps (a,b) is an alignment whose beads take
 * a source and b target units. Each row keeps only the columns [lo, hi] of
 * its band, so memory is the band's area: linear in n + m when the band
 * follows a coarse path (Vecalign and Bleualign do the same). The coarse
 * path comes from aligning blocks of units, recursively, until the table
 * is small enough to fill whole.
 */
#include "dip-config.h"

#include <math.h>
#include <string.h>

#include "dip-align-private.h"

/* A table up to this many cells is filled whole. */
#define FULL_TABLE_CELLS (400u * 1000u)
/* Each coarser level joins this many units into a block, until the table
   is small enough to fill whole: 100k sentences take four levels. */
#define COARSE_FACTOR 8u
/* How far a band reaches beyond the path projected from the level above
   (whose blocks blur where sentences meet), and beyond the first pass's
   path in the second pass (which moves little). */
#define BAND_MARGIN 10u
#define GUIDE_MARGIN 6u

typedef struct
{
  guint8 a, b;
} Shape;

/* Bead shapes, most common first. 2-2 and 2-3 occur in real translations
   (two sentences re-split in another place); a summary needs up to 4-1,
   and a translation 1-5 where one side lists in one sentence what the
   other gives a segment each (two beads of the development set's 422;
   strict F1 0.890 -> 0.896 without a dictionary, 0.900 -> 0.905 with
   dict-freedict-deu-fra). Not 3-3: allowed, it came out nine times for
   the gold's two, and both scores fell. 5-1 and 1-5 come last: a pass
   that does not try them (DipAlignParams.five_sentence_beads) takes the
   shapes before them. */
static const Shape shapes[] = {
  { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 }, { 2, 2 },
  { 3, 1 }, { 1, 3 }, { 2, 3 }, { 3, 2 }, { 4, 1 }, { 1, 4 }, { 5, 1 }, { 1, 5 },
};

double
dip_align_shape_log_prior (guint a, guint b)
{
  /* Gale and Church's (1993) bead frequencies, with the rarer shapes they
     did not allow given a small share each, halved for each further
     sentence. */
  if (a == 1 && b == 1)
    return log (0.89);
  if (a == 0 || b == 0)
    return log (0.0099 / 2);
  if (a + b == 3)
    return log (0.089 / 2);
  if (a == 2 && b == 2)
    return log (0.011);
  if (a + b == 4)
    return log (0.004);
  if (a + b == 5)
    return log (0.002);
  return log (0.001);
}

/* A summary sentence that renders part of one article sentence, beside
   another that renders the rest (a 1-2 bead): summaries condense, and none
   of the seven hand-made summaries in tests/data/align does it, so it is
   as rare as the rarest shapes of a translation. At a translation's 0.045,
   two sentences of a digest cut to a ninth of its article shared one
   article sentence with the dictionary (strict F1 0.627; 0.818 now). */
#define SUMMARY_SPLIT 0.004

/* Shapes of an article (`article` sentences of a bead) against its summary
   (`summary` sentences). The article is read as a sequence of events: a
   sentence left out, with probability `omission`, or a run of sentences
   that one summary sentence condenses, one sentence and each further one
   with probability DIP_ALIGN_SUMMARY_CONTINUATION. A run is one event, as
   a summary writer condenses a stretch of the article, not sentences each
   kept on its own: priced per sentence, a run's second sentence cost 1.4
   nats more than leaving it out (at the omission rate of an Italian
   digest, 0.45), and its first or last sentence was left out wherever it
   shared no word with the summary. Translation priors would make leaving
   a sentence out dearer than hiding it in a merge, which a summary turns
   upside down.

   A bead of several sentences on both sides (2-2, 3-2) is none: each
   summary sentence condenses its own run of the article, and a summary
   may split one article sentence (1-2) but does not re-split a run of
   them. Allowed, such beads swallowed the runs of an Italian summary of
   the English sample 002 with the dictionary (strict F1 0.31; 0.69 without
   them); the Italian sample's summary did not move, and the de-fr
   summaries drawn from the development set rose by up to 0.025. */
/* The longest run of article sentences one summary sentence condenses.
   The geometric prior gives five sentences or more to 0.48^4, one run in
   twenty; the gold alignments of the seventeen summaries in
   tests/data/align have one in 182, and allowed, such runs swallowed a
   sentence the Italian cultural digest leaves out (strict F1 0.724 ->
   0.638 with a dictionary). */
#define SUMMARY_LONGEST_RUN 4u

/* Of a run of one article sentence, the part of its prior that `summary`
   summary sentences share (2 or more: a split). */
static double
summary_split_log_prior (guint summary)
{
  return log (SUMMARY_SPLIT) + (summary - 2) * log (DIP_ALIGN_SUMMARY_CONTINUATION);
}

static double
summary_shape_log_prior (guint article, guint summary, double omission)
{
  if (summary == 0)
    return log (omission) * article;
  if (article == 0)
    return dip_align_shape_log_prior (0, summary);
  if ((article > 1 && summary > 1) || article > SUMMARY_LONGEST_RUN)
    return -INFINITY;
  double kept = log1p (-omission);
  if (summary == 1)
    return kept + log1p (-DIP_ALIGN_SUMMARY_CONTINUATION)
           + (article - 1) * log (DIP_ALIGN_SUMMARY_CONTINUATION);
  return kept + summary_split_log_prior (summary);
}

/* The article's paragraphs, when it has them, tell where a run ends and
   which sentences a summary leaves out: a summary writer condenses the
   article a paragraph at a time. In the gold alignments of the ten
   summaries in tests/data/align whose articles average two sentences a
   paragraph or more, a run went on into the next sentence of its
   paragraph 92 times in 134 (0.69) but into the next paragraph 2 times in
   60 (0.03), and a sentence no run went on into was left out 0.85 of the
   time inside a paragraph against 0.50 at a paragraph's start. The
   probabilities here are those figures taken roughly halfway back (in
   log-odds) to the paragraph-blind ones (a run going on with 0.35 then,
   0.48 since; a sentence left out at the summary's omission rate), as a
   dozen summaries written for our tests are a small sample. The strict
   F1 of the ten summaries first written, without a dictionary and with
   one, went from 0.795 to 0.862 on average; 0.5/0.15/0.5 gave the same,
   the measured 0.68/0.06/0.8 only 0.795. */
#define RUN_GOES_ON_IN_PARAGRAPH 0.5
#define RUN_GOES_ON_ACROSS_PARAGRAPHS 0.15
/* Added to the log-odds of leaving a sentence out inside a paragraph, and
   taken from them at a paragraph's start. */
#define OMISSION_LOG_ODDS_IN_PARAGRAPH 0.4
/* Short paragraphs tell less. Where the article's paragraphs hold one
   sentence each (a list, a text of one sentence a line) they tell
   nothing; in the two gold summaries whose articles average under two
   sentences a paragraph (the Italian sample, 1.3, in its Italian news
   style; an English health feature, 1.95), runs went on into the next
   paragraph as often as within one (7 times in 19 and 4 in 11), where
   the other ten, with 2.1 to 3.3, went on across 2 times in 60. The
   figures above hold in full from this many sentences a paragraph on,
   and the paragraph-blind ones at one, in log-odds in proportion
   between. */
#define SENTENCES_PER_PARAGRAPH_THAT_TELL 2.0

/* Paths weaker than the sum so far by this many nats add less than e^-12
   to it, nothing a confidence could show: their beads need not be scored. */
#define NEGLIGIBLE_LOG_WEIGHT 12.0

/* Two functions the program asks for a dozen times a cell, tabulated at
   steps of 0.01 and read by linear interpolation (off by less than 1e-5):
   log(erfc(x / √2)), the log probability of a Gale–Church deviation of at
   least x, for x up to 12; and log1p(exp(-d)), what log_add adds to the
   larger of two terms d apart, for d up to NEGLIGIBLE_LOG_WEIGHT (libm's
   exp and log1p were a tenth of the time). */
#define TABLE_STEP 0.01
#define LOG_TAIL_SIZE 1201
#define LOG_ADD_SIZE 1202   /* NEGLIGIBLE_LOG_WEIGHT / TABLE_STEP, and one to interpolate to */
static double log_tail_table[LOG_TAIL_SIZE];
static double log_add_table[LOG_ADD_SIZE];

static void
tables_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint k = 0; k < LOG_TAIL_SIZE; k++)
        log_tail_table[k] = log (MAX (erfc (k * TABLE_STEP / G_SQRT2), 1e-300));
      for (guint k = 0; k < LOG_ADD_SIZE; k++)
        log_add_table[k] = log1p (exp (-(k * TABLE_STEP)));
      g_once_init_leave (&done, 1);
    }
}

/* table[at], between two entries when `at` is not whole. */
static inline double
interpolate (const double *table, double at)
{
  guint k = (guint) at;
  return table[k] + (at - k) * (table[k + 1] - table[k]);
}

static inline double
log_tail (double x, double floor)
{
  double at = x * (1.0 / TABLE_STEP);
  if (at >= LOG_TAIL_SIZE - 1)
    {
      /* Beyond the table the tail falls like exp(-x²/2): extend it so. */
      double edge = (LOG_TAIL_SIZE - 1) * TABLE_STEP;
      return MAX (log_tail_table[LOG_TAIL_SIZE - 1] - (x * x - edge * edge) / 2, floor);
    }
  return MAX (interpolate (log_tail_table, at), floor);
}

typedef struct
{
  const DipAlignUnits  *src;
  const DipAlignUnits  *tgt;
  const DipAlignParams *params;
  guint                 n, m;
  guint                *lo, *hi;       /* n + 1 */
  gsize                *row_offset;    /* n + 2 */
  float                *score;
  guint8               *back;
  /* The best path into a cell that ends in a gap on each side. */
  float                *gap_score[2];
  /* Logs of summed path weights: of all the paths into a cell, of those
     that end in a bead (or start there), and of those that end in a gap
     on each side; then of the paths from a cell to the end, after a bead
     and after a gap. NULL without posteriors. */
  double               *forward;
  double               *bead_forward;
  double               *gap_forward[2];
  double               *backward;
  double               *gap_backward[2];
  /* Log priors of a gap's first sentence and of each further one. */
  double                gap_open[2];
  double                gap_extend[2];
  double                shape_lp[G_N_ELEMENTS (shapes)];
  /* Per cell, the matches of the unit pair ending there (pair_matches);
     G_MAXUINT32 while unknown. */
  guint32              *pair;
  /* Against a summary, per cell, the summary words the article sentence
     of the pair ending there explains (summary_mask); NULL for blocks. */
  guint64              *summary_mask;
  /* Against a summary whose article's paragraphs tell (see
     article_paragraphs_tell), per article sentence x: the log prior that a
     run goes on into x, that it stops before x (index n: at the end), and
     that x, when no run goes on into it, starts one; and per side, what
     leaving unit x out costs more than that side's gap_open or gap_extend.
     NULL otherwise. */
  double               *run_goes_on_lp;
  double               *run_stops_lp;
  double               *run_starts_lp;
  double               *gap_adjust[2];
  guint                 n_shapes;   /* the first n_shapes of shapes[] are tried */
} Table;

/* The stamps that count each word of a pair once, for one thread. */
typedef struct
{
  Table   *table;
  guint32 *stamp;
  guint32  stamp_id;
  gsize    stamp_size;
} Matcher;

static void
matcher_init (Matcher *matcher, Table *t, gsize stamp_size)
{
  matcher->table = t;
  matcher->stamp_size = stamp_size;
  matcher->stamp = g_new0 (guint32, stamp_size);
  matcher->stamp_id = 0;
}

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->stamp, g_free);
}

/* What leaving out unit `unit` of side g costs beyond the side's gap
   prior: nothing but against a summary with telling paragraphs. */
static inline double
gap_adjust (const Table *t, guint g, guint unit)
{
  return t->gap_adjust[g] != NULL ? t->gap_adjust[g][unit] : 0;
}

/* What a path pays for passing between units i - 1 and i of the source
   and j - 1 and j of the target, where a bead or a run of gaps on one
   side ends: nothing, unless one side's unit runs on into the next and
   the other's does not.
   A summary's sentences end where its runs do whatever the article's
   segments do. */
static inline double
boundary_cost (const Table *t, guint i, guint j)
{
  const guint8 *src = t->src->runs_on, *tgt = t->tgt->runs_on;

  if (src == NULL || tgt == NULL || t->params->summary_side != DIP_ALIGN_SUMMARY_NONE
      || i == 0 || j == 0 || i >= t->n || j >= t->m || src[i - 1] == tgt[j - 1])
    return 0;
  return t->params->runs_on_penalty;
}

static inline gboolean
in_band (const Table *t, guint i, guint j)
{
  return i <= t->n && j >= t->lo[i] && j <= t->hi[i];
}

static inline gsize
cell (const Table *t, guint i, guint j)
{
  return t->row_offset[i] + (j - t->lo[i]);
}

/* Words of unit i of `a` with a key that unit j of `b` has. */
static guint
matched_words (Matcher *matcher, const DipAlignUnits *a, guint i, const DipAlignUnits *b, guint j)
{
  if (a->signature != NULL && b->signature != NULL)
    {
      const guint64 *x = a->signature + (gsize) i * DIP_ALIGN_SIGNATURE_WORDS;
      const guint64 *y = b->signature + (gsize) j * DIP_ALIGN_SIGNATURE_WORDS;
      guint shared = 0;
      for (guint w = 0; w < DIP_ALIGN_SIGNATURE_WORDS; w++)
        shared += dip_align_popcount (x[w] & y[w]);
      return shared;
    }
  if (a->entry_start[i] == a->entry_start[i + 1] || b->key_start[j] == b->key_start[j + 1])
    return 0;
  if (++matcher->stamp_id == 0)
    {
      memset (matcher->stamp, 0, matcher->stamp_size * sizeof (guint32));
      matcher->stamp_id = 1;
    }
  return dip_align_units_match_words (a, i, b, j, matcher->stamp, matcher->stamp_id);
}

/* Matches between source unit i and target unit j: the low half counts
   words of i found in j, the high half words of j found in i. */
static guint
pair_matches (Matcher *matcher, guint i, guint j)
{
  Table *t = matcher->table;
  guint32 *slot = in_band (t, i + 1, j + 1) ? &t->pair[cell (t, i + 1, j + 1)] : NULL;

  if (slot != NULL && *slot != G_MAXUINT32)
    return *slot;
  guint forward = MIN (0xFFFE, matched_words (matcher, t->src, i, t->tgt, j));
  /* A unit's keys are the keys of its entries, so the two units share a
     key either way or not at all: when no word of i matches, no word of j
     does, and most pairs in a band are such strangers. */
  guint backward = forward == 0 ? 0 : MIN (0xFFFF, matched_words (matcher, t->tgt, j, t->src, i));
  guint value = forward | (backward << 16);
  if (slot != NULL)
    *slot = value;
  return value;
}

static inline gboolean
crosses_paragraph (const DipAlignUnits *u, guint start, guint count)
{
  return u->paragraph != NULL && count > 1 && u->paragraph[start] != u->paragraph[start + count - 1];
}

/* Against a summary, the words of summary sentence y that article
   sentence x explains, as a bit mask. Only read while both passes run on
   two threads: fill_all_pairs stores every pair in the band first. */
#define MASK_UNKNOWN G_MAXUINT64

static guint64
summary_mask (const Table *t, guint x, guint y)
{
  gboolean summary_target = t->params->summary_side == DIP_ALIGN_SUMMARY_TARGET;
  guint i = summary_target ? x : y, j = summary_target ? y : x;
  guint64 *slot = in_band (t, i + 1, j + 1) ? &t->summary_mask[cell (t, i + 1, j + 1)] : NULL;

  if (slot != NULL && *slot != MASK_UNKNOWN)
    return *slot;
  guint64 mask = summary_target ? dip_align_units_match_mask (t->tgt, y, t->src, x)
                                : dip_align_units_match_mask (t->src, y, t->tgt, x);
  if (slot != NULL)
    *slot = mask;
  return mask;
}

/* What summary sentences [summary_start, + summary_count) owe to article
   sentences [article_start, + article_count): the weights of the summary
   words these explain, each word once, less what as many unrelated
   article sentences would explain. */
static double
summary_evidence (const Table *t, guint summary_start, guint summary_count, guint article_start,
                  guint article_count)
{
  const DipSummaryWeights *weights = t->params->summary_weights;
  double evidence = 0;

  for (guint y = summary_start; y < summary_start + summary_count; y++)
    {
      guint64 explained = 0;
      for (guint x = article_start; x < article_start + article_count; x++)
        explained |= summary_mask (t, x, y);
      const double *weight = weights->weight + weights->word_start[y];
      for (; explained != 0; explained &= explained - 1)
        evidence += weight[__builtin_ctzll (explained)];
      evidence -= article_count * weights->chance[y];
    }
  return evidence;
}

/* The prior of a run of article sentences [first, end) that `summary`
   summary sentences condense, told by the article's paragraphs. A summary
   sentence that renders part of one article sentence keeps the
   paragraph-blind price of the split. */
static double
paragraph_run_log_prior (const Table *t, guint first, guint end, guint summary)
{
  double lp = t->run_starts_lp[first];

  /* Several summary sentences share one article sentence, never a run of
     them (see summary_shape_log_prior). */
  if (summary > 1)
    return end - first > 1 ? -INFINITY : lp + summary_split_log_prior (summary);
  if (end - first > SUMMARY_LONGEST_RUN)
    return -INFINITY;
  for (guint x = first + 1; x < end; x++)
    lp += t->run_goes_on_lp[x];
  return lp + t->run_stops_lp[end];
}

/* The score of the bead (a, b) that ends at (i, j). When even a perfect
   word match could not lift it above `floor`, gives up early and returns
   -INFINITY: most shapes at most cells are hopeless on length alone, and
   comparing their words is the dearest part of the program. */
static double
bead_score (Matcher *matcher, guint i, guint j, guint s, double floor, double *out_sim,
            double *out_length_lp)
{
  const Table *t = matcher->table;
  guint a = shapes[s].a, b = shapes[s].b;
  const DipAlignParams *p = t->params;

  *out_sim = 0;
  *out_length_lp = 0;

  double ls = 0, lt = 0;
  guint src_words = 0, tgt_words = 0, src_matches = 0, tgt_matches = 0, orphans = 0;
  for (guint x = i - a; x < i; x++)
    {
      ls += t->src->chars[x];
      src_words += t->src->n_words[x];
    }
  for (guint y = j - b; y < j; y++)
    {
      lt += t->tgt->chars[y];
      tgt_words += t->tgt->n_words[y];
    }
  guint words = src_words + tgt_words;
  /* Against a summary, the words that count are the summary's: each one an
     article sentence explains is evidence, less what that many sentences
     would explain by chance. The article's own words mostly go unused,
     and a bead that takes more of them should not gain by it. */
  gboolean summary_target = p->summary_side == DIP_ALIGN_SUMMARY_TARGET;
  gboolean summary = summary_target || p->summary_side == DIP_ALIGN_SUMMARY_SOURCE;
  guint summary_words = summary_target ? tgt_words : src_words;
  guint article_count = summary_target ? a : b;
  /* Blocks of the coarse pass have no word weights. */
  gboolean weighed = t->summary_mask != NULL;
  guint summary_end = summary_target ? j : i, summary_count = summary_target ? b : a;
  guint article_end = summary_target ? i : j;
  double shape_lp = t->shape_lp[s];
  if (t->run_goes_on_lp != NULL && article_count > 0 && summary_count > 0)
    shape_lp = paragraph_run_log_prior (t, article_end - article_count, article_end, summary_count);
  double best_lexical = p->lexical_weight * (a + b) * (1.0 - p->chance_similarity);
  if (weighed)
    {
      best_lexical = 0;
      for (guint y = summary_end - summary_count; y < summary_end; y++)
        best_lexical += p->summary_weights->total[y];
    }
  else if (summary)
    best_lexical = p->summary_block_gain * summary_words;
  /* Lengths cost nothing at best: many shapes fail here already. */
  if (shape_lp + best_lexical <= floor)
    return -INFINITY;
  /* Gale–Church: the target length is normal around c·ls with variance
     s²·ls; here over the mean of both lengths, so that it is symmetric.
     Against a summary the lengths are counted in the article's characters
     whichever side it is on: in the summary's, a quarter as many, the
     same deviation cost twice as much when the summary was the source,
     and aligning a digest against its Italian article scored 0.56, 0.43
     and 0.57 strict F1 where the other way round scored 0.73, 0.56 and
     0.66 (now 0.65, 0.56 and 0.57). */
  double mean = p->summary_side == DIP_ALIGN_SUMMARY_SOURCE
                  ? (lt + ls * p->length_ratio) / 2
                  : (ls + lt / p->length_ratio) / 2;
  double delta = (lt - ls * p->length_ratio) / sqrt (p->length_variance * MAX (mean, 1.0));
  /* Once the summary's ratio is measured, a bead's lengths are compared in
     log: a summary sentence is shorter than its run by a share that varies
     alike whether the run is one sentence or three. Short sentences stray
     further, as in Gale and Church's model (whose s² over the length is
     the variance of the log ratio of a translation). */
  if (p->length_log_spread > 0 && ls > 0 && lt > 0)
    delta = log (lt / (ls * p->length_ratio))
            / sqrt (p->length_log_spread * p->length_log_spread
                    + p->length_variance / MAX (mean, 1.0));
  /* However far off, a length costs no more than leaving the sentences
     out would (about 23 nats a sentence), so that words can still win. */
  double length_lp = log_tail (fabs (delta), -23.0 * p->unit_size);
  double best_case = shape_lp + length_lp + best_lexical;
  if (best_case <= floor)
    return -INFINITY;

  /* A word counts once however many sentences on the other side have it.
     Against a summary, an article sentence that shares no word is no
     orphan: the omission rate already prices the sentences a summary
     leaves out, and one it condenses may share no word with it. The
     Italian sample's summary kept its strict F1 (0.816) and wrong beads
     became less sure (mean confidence 0.74 -> 0.64, right ones 0.83 ->
     0.80); the de-fr summaries drawn from the development set went from
     0.55/0.53/0.48 to 0.56/0.59/0.56 without a dictionary, and from
     0.70/0.77/0.69 to 0.69/0.77/0.67 with one. */
  gboolean src_orphans = !summary_target;
  gboolean tgt_orphans = !summary || summary_target;
  guint column[5] = { 0 };
  for (guint x = i - a; x < i; x++)
    {
      guint row = 0;
      for (guint y = j - b; y < j; y++)
        {
          guint value = pair_matches (matcher, x, y);
          row += value & 0xFFFF;
          column[y - (j - b)] += value >> 16;
        }
      src_matches += MIN (row, t->src->n_words[x]);
      if (src_orphans && row == 0 && (a + b > 2 || t->src->n_words[x] >= 3))
        orphans++;
    }
  for (guint y = j - b; y < j; y++)
    {
      tgt_matches += MIN (column[y - (j - b)], t->tgt->n_words[y]);
      if (tgt_orphans && column[y - (j - b)] == 0 && (a + b > 2 || t->tgt->n_words[y] >= 3))
        orphans++;
    }

  double sim, lexical;
  if (summary)
    {
      guint explained = summary_target ? tgt_matches : src_matches;
      sim = summary_words > 0 ? MIN (1.0, (double) explained / summary_words) : 0;
      if (weighed)
        lexical = summary_evidence (t, summary_end - summary_count, summary_count,
                                    article_end - article_count, article_count);
      else
        lexical = p->summary_block_gain
                  * (explained - p->summary_block_chance * article_count * summary_words);
    }
  else
    {
      sim = words > 0 ? MIN (1.0, (double) (src_matches + tgt_matches) / words) : 0;
      lexical = p->lexical_weight * (a + b) * (sim - p->chance_similarity);
    }
  double score = shape_lp + length_lp + lexical;
  /* A sentence that shares no word with the other side of its bead, though
     it has words to share, is more likely an insertion or omission of its
     own (a caption, a note) than a translation. */
  score -= (a + b > 2 ? p->merge_orphan_penalty : p->orphan_penalty) * orphans;
  /* A summary sentence draws on whichever paragraphs of the article it
     needs; only the summary's own paragraphs still bound its beads. */
  gboolean src_bounded = !summary || !summary_target;
  gboolean tgt_bounded = !summary || summary_target;
  if ((src_bounded && crosses_paragraph (t->src, i - a, a))
      || (tgt_bounded && crosses_paragraph (t->tgt, j - b, b)))
    score -= p->paragraph_penalty;
  score -= boundary_cost (t, i, j);
  *out_sim = sim;
  *out_length_lp = length_lp;
  return score;
}

/* log(exp(x) + exp(y)) without overflow. */
static inline double
log_add (double x, double y)
{
  double high = MAX (x, y), low = MIN (x, y);

  if (low == -INFINITY || low < high - NEGLIGIBLE_LOG_WEIGHT)
    return high;
  return high + interpolate (log_add_table, (high - low) * (1.0 / TABLE_STEP));
}

/* Gap states. A run of sentences that one side has and the other lacks
   (a block of photo captions, an untranslated table, a paragraph left out)
   is one event, not as many independent ones: its first sentence costs
   what a lone insertion or omission does, each further one less. So every
   cell keeps, beside the best path to it, the best path to it that ends in
   a gap on each side, as in Gotoh's affine gaps. Gap 0 is a run of source
   sentences (1-0 beads), gap 1 of target sentences (0-1 beads). */
#define GAP_SOURCE 0
#define GAP_TARGET 1
/* back[] holds the shape of the best bead into a cell in its low bits; a
   shape of 1-0 or 0-1 there means the best path ends in that gap. These
   bits say whether the gap state itself continued a run. */
#define BACK_SHAPE_MASK 0x0Fu
#define BACK_GAP_EXTENDED(g) (0x10u << (g))
#define SHAPE_GAP(g) ((g) == GAP_SOURCE ? 1u : 2u)
G_STATIC_ASSERT (G_N_ELEMENTS (shapes) <= BACK_SHAPE_MASK);

static inline gboolean
gap_previous (const Table *t, guint g, guint i, guint j, gsize *previous)
{
  if (g == GAP_SOURCE ? i == 0 : j == 0)
    return FALSE;
  guint pi = g == GAP_SOURCE ? i - 1 : i, pj = g == GAP_SOURCE ? j : j - 1;
  if (!in_band (t, pi, pj))
    return FALSE;
  *previous = cell (t, pi, pj);
  return TRUE;
}

/* What a gap step into cell (i, j) costs beyond the gap's open or extend
   price: it leaves out source unit i - 1 (g = GAP_SOURCE) or target unit
   j - 1. The boundary at (i, j) is paid when the path leaves the gap
   there, not within a run of gaps: two segments of one broken sentence
   both left out are one omission. */
static inline double
gap_step_adjust (const Table *t, guint g, guint i, guint j)
{
  return gap_adjust (t, g, g == GAP_SOURCE ? i - 1 : j - 1);
}

static gboolean
fill (Table *t, Matcher *matcher, GCancellable *cancellable)
{
  for (guint i = 0; i <= t->n; i++)
    {
      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      for (guint j = t->lo[i]; j <= t->hi[i]; j++)
        {
          gsize here = cell (t, i, j);
          if (i == 0 && j == 0)
            {
              t->score[here] = 0;
              t->back[here] = 0xFF;
              t->gap_score[GAP_SOURCE][here] = t->gap_score[GAP_TARGET][here] = -INFINITY;
              if (t->forward != NULL)
                {
                  t->forward[here] = t->bead_forward[here] = 0;
                  t->gap_forward[GAP_SOURCE][here] = t->gap_forward[GAP_TARGET][here] = -INFINITY;
                }
              continue;
            }
          double best = -INFINITY, sum = -INFINITY;
          guint8 back = 0xFF;
          /* What a path that came by a gap pays to go on from here by
             anything but that gap. */
          double leave = boundary_cost (t, i, j);
          /* The gaps first: they are cheap, and raise the floor below
             which a bead need not be scored. */
          for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
            {
              gsize from;
              double gap = -INFINITY, gap_sum = -INFINITY;
              if (gap_previous (t, g, i, j, &from))
                {
                  double adjust = gap_step_adjust (t, g, i, j);
                  double opened = t->score[from] + t->gap_open[g] + adjust;
                  double extended = t->gap_score[g][from] + t->gap_extend[g] + adjust;
                  gap = MAX (opened, extended);
                  if (extended > opened)
                    back = (back == 0xFF ? 0 : back) | BACK_GAP_EXTENDED (g);
                  if (t->forward != NULL)
                    {
                      double other_gap_leaves
                        = t->gap_forward[1 - g][from]
                          - (g == GAP_SOURCE ? boundary_cost (t, i - 1, j)
                                             : boundary_cost (t, i, j - 1));
                      gap_sum = log_add (log_add (t->bead_forward[from], other_gap_leaves)
                                           + t->gap_open[g] + adjust,
                                         t->gap_forward[g][from] + t->gap_extend[g] + adjust);
                    }
                }
              t->gap_score[g][here] = gap;
              if (t->forward != NULL)
                {
                  t->gap_forward[g][here] = gap_sum;
                  sum = log_add (sum, gap_sum - leave);
                }
              if (gap - leave > best)
                {
                  best = gap - leave;
                  back = (back == 0xFF ? 0 : back & ~BACK_SHAPE_MASK) | SHAPE_GAP (g);
                }
            }
          double gaps_sum = sum;
          double beads_sum = -INFINITY;
          for (guint s = 0; s < t->n_shapes; s++)
            {
              guint a = shapes[s].a, b = shapes[s].b;
              if (a == 0 || b == 0 || a > i || b > j || !in_band (t, i - a, j - b))
                continue;
              gsize from = cell (t, i - a, j - b);
              float before = t->score[from];
              if (before == -INFINITY)
                continue;
              double sim, length_lp;
              double floor = best - before;
              double from_total = t->forward != NULL ? t->forward[from] : 0;
              /* The larger of the two sums stands for their total: a
                 floor a little low only scores a few more beads. */
              if (t->forward != NULL)
                floor = MIN (floor, MAX (gaps_sum, beads_sum) - NEGLIGIBLE_LOG_WEIGHT - from_total);
              double bead = bead_score (matcher, i, j, s, floor, &sim, &length_lp);
              if (before + bead > best)
                {
                  best = before + bead;
                  back = (back == 0xFF ? 0 : back & ~BACK_SHAPE_MASK) | s;
                }
              if (t->forward != NULL)
                beads_sum = log_add (beads_sum, from_total + bead);
            }
          t->score[here] = best;
          t->back[here] = best == -INFINITY ? 0xFF : back;
          if (t->forward != NULL)
            {
              t->bead_forward[here] = beads_sum;
              t->forward[here] = log_add (gaps_sum, beads_sum);
            }
        }
    }
  return TRUE;
}

/* The backward half of the forward–backward sums: for each cell, the log
   of the summed weight of the paths from it to the end, given how the path
   came in: by a bead (backward), or by a gap on either side (gap_backward),
   which the path may then extend at the lower cost. */
static gboolean
fill_backward (Table *t, Matcher *matcher, GCancellable *cancellable)
{
  for (guint i = t->n + 1; i-- > 0;)
    {
      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      for (guint j = t->hi[i] + 1; j-- > t->lo[i];)
        {
          double beads = i == t->n && j == t->m ? 0 : -INFINITY;
          double next_gap[2] = { -INFINITY, -INFINITY };
          if (in_band (t, i + 1, j))
            next_gap[GAP_SOURCE] = t->gap_backward[GAP_SOURCE][cell (t, i + 1, j)];
          if (in_band (t, i, j + 1))
            next_gap[GAP_TARGET] = t->gap_backward[GAP_TARGET][cell (t, i, j + 1)];
          /* The next step's gap leaves out source unit i or target unit j. */
          double adjust[2] = { i < t->n ? gap_step_adjust (t, GAP_SOURCE, i + 1, j) : 0,
                               j < t->m ? gap_step_adjust (t, GAP_TARGET, i, j + 1) : 0 };
          double opened = log_add (
            next_gap[GAP_SOURCE] + t->gap_open[GAP_SOURCE] + adjust[GAP_SOURCE],
            next_gap[GAP_TARGET] + t->gap_open[GAP_TARGET] + adjust[GAP_TARGET]);
          for (guint s = 0; s < t->n_shapes; s++)
            {
              guint a = shapes[s].a, b = shapes[s].b;
              if (a == 0 || b == 0 || !in_band (t, i + a, j + b))
                continue;
              double after = t->backward[cell (t, i + a, j + b)];
              if (after == -INFINITY)
                continue;
              double sim, length_lp;
              double floor = log_add (beads, opened) - NEGLIGIBLE_LOG_WEIGHT - after;
              double bead = bead_score (matcher, i + a, j + b, s, floor, &sim, &length_lp);
              beads = log_add (beads, bead + after);
            }
          gsize here = cell (t, i, j);
          t->backward[here] = log_add (beads, opened);
          /* Come by a gap, the path pays the boundary here unless it
             goes on with that gap. */
          double leave = boundary_cost (t, i, j);
          for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
            t->gap_backward[g][here]
              = log_add (log_add (beads, next_gap[1 - g] + t->gap_open[1 - g] + adjust[1 - g]) - leave,
                         next_gap[g] + t->gap_extend[g] + adjust[g]);
        }
    }
  return TRUE;
}

/* Work for a second thread: the backward sums, or the pair matches of
   rows [first_row, end_row). */
typedef struct
{
  Table        *table;
  GCancellable *cancellable;
  gboolean      done;
  Matcher       matcher;
  guint         first_row, end_row;
} Helper;

static gpointer
backward_thread (gpointer data)
{
  Helper *helper = data;

  helper->done = fill_backward (helper->table, &helper->matcher, helper->cancellable);
  return NULL;
}

/* Fills the pair cache of every cell in rows [first_row, end_row). */
static void
fill_pairs (Table *t, Matcher *matcher, guint first_row, guint end_row)
{
  gboolean summary_target = t->params->summary_side == DIP_ALIGN_SUMMARY_TARGET;
  for (guint i = MAX (first_row, 1u); i < end_row; i++)
    for (guint j = MAX (t->lo[i], 1u); j <= t->hi[i]; j++)
      {
        pair_matches (matcher, i - 1, j - 1);
        if (t->summary_mask != NULL)
          summary_mask (t, summary_target ? i - 1 : j - 1, summary_target ? j - 1 : i - 1);
      }
}

static gpointer
pairs_thread (gpointer data)
{
  Helper *helper = data;

  fill_pairs (helper->table, &helper->matcher, helper->first_row, helper->end_row);
  return NULL;
}

/* Compares the words of every pair in the band, half the rows in a second
   thread. Afterwards the cache is only read, so the forward and the
   backward sums can share it. */
static void
fill_all_pairs (Table *t, gsize stamp_size)
{
  /* The row where half the cells are behind. */
  gsize half = t->row_offset[t->n + 1] / 2;
  guint middle = 0;
  while (middle < t->n && t->row_offset[middle + 1] < half)
    middle++;
  Helper helper = { t, NULL, FALSE, { 0 }, middle, t->n + 1 };
  matcher_init (&helper.matcher, t, stamp_size);
  GThread *thread = g_thread_new ("dip-align-pairs", pairs_thread, &helper);
  Matcher matcher;
  matcher_init (&matcher, t, stamp_size);
  fill_pairs (t, &matcher, 0, middle);
  g_thread_join (thread);
  matcher_clear (&matcher);
  matcher_clear (&helper.matcher);
}

static double
bead_posterior (const Table *t, const DipPathBead *bead)
{
  if (t->forward == NULL || t->backward == NULL)
    return 0;
  gsize start = cell (t, bead->src_start, bead->tgt_start);
  gsize end = cell (t, bead->src_start + bead->src_count, bead->tgt_start + bead->tgt_count);
  double total = t->forward[cell (t, t->n, t->m)];
  double through;
  if (bead->src_count > 0 && bead->tgt_count > 0)
    through = t->forward[start] + bead->score + t->backward[end];
  else
    {
      guint g = bead->tgt_count == 0 ? GAP_SOURCE : GAP_TARGET;
      /* Every way into this gap step, opening a run or extending one. */
      double adjust = gap_step_adjust (t, g, bead->src_start + bead->src_count,
                                       bead->tgt_start + bead->tgt_count);
      double other_gap_leaves = t->gap_forward[1 - g][start]
                                - boundary_cost (t, bead->src_start, bead->tgt_start);
      double into = log_add (log_add (t->bead_forward[start], other_gap_leaves)
                               + t->gap_open[g] + adjust,
                             t->gap_forward[g][start] + t->gap_extend[g] + adjust);
      through = into + t->gap_backward[g][end];
    }
  return CLAMP (exp (through - total), 0.0, 1.0);
}

/* Puts a path traced from its end in order. */
static void
path_reverse (GArray *path)
{
  for (guint x = 0, y = path->len ? path->len - 1 : 0; x < y; x++, y--)
    {
      DipPathBead tmp = g_array_index (path, DipPathBead, x);
      g_array_index (path, DipPathBead, x) = g_array_index (path, DipPathBead, y);
      g_array_index (path, DipPathBead, y) = tmp;
    }
}

/* A sentence left out counts this much of its posterior: it is a bead of
   its own to the precision of an alignment (the Vecalign scoring of
   ../shared/eval counts every test bead) but none to its recall (which
   counts the gold's beads with both sides), so it is worth half a bead
   with both sides. At the full weight the dictionary run on the
   development set fell from 0.924 to 0.921 and the summaries read
   through a project (which keep the single most probable path anyway)
   lost 0.03. */
#define EXPECTED_LEFT_OUT_WEIGHT 0.5

/* The path with the most beads expected right: the monotone path that
   maximises the sum over its beads of their posteriors less `cost`
   (posterior decoding, or maximum expected accuracy, as in Kumar and
   Byrne's minimum Bayes-risk alignment, 2002). The single most probable
   path can take a bead that few of the other good paths take, where those
   paths agree on another: a 1-1 and a 1-0 where most of the weight is on
   a 2-1 made of other sentences. The cost is what a bead must be worth to
   be worth taking: with none, the path would split every merge into its
   likeliest pieces. Read once more in the band, after both sums. */
static GArray *
trace_expected_beads (Table *t, Matcher *matcher, double cost)
{
  double total = t->forward[cell (t, t->n, t->m)];

  /* score[] and back[] served the most probable path, which is not
     wanted now: they serve this one. Every cell is reached by gaps. */
  for (guint i = 0; i <= t->n; i++)
    for (guint j = t->lo[i]; j <= t->hi[i]; j++)
      {
        gsize here = cell (t, i, j);
        double best = i == 0 && j == 0 ? 0 : -INFINITY;
        guint8 back = 0xFF;
        for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
          {
            gsize from;
            if (!gap_previous (t, g, i, j, &from))
              continue;
            DipPathBead step = { .src_start = g == GAP_SOURCE ? i - 1 : i,
                                 .src_count = g == GAP_SOURCE,
                                 .tgt_start = g == GAP_TARGET ? j - 1 : j,
                                 .tgt_count = g == GAP_TARGET };
            double value = t->score[from] + EXPECTED_LEFT_OUT_WEIGHT * bead_posterior (t, &step)
                           - cost;
            if (value > best)
              {
                best = value;
                back = SHAPE_GAP (g);
              }
          }
        for (guint s = 0; s < t->n_shapes; s++)
          {
            guint a = shapes[s].a, b = shapes[s].b;
            if (a == 0 || b == 0 || a > i || b > j || !in_band (t, i - a, j - b))
              continue;
            gsize from = cell (t, i - a, j - b);
            double outside = t->forward[from] + t->backward[here] - total;
            if (outside == -INFINITY)
              continue;
            /* A bead whose posterior is negligible is not scored. */
            double sim, length_lp;
            double bead = bead_score (matcher, i, j, s, -NEGLIGIBLE_LOG_WEIGHT - outside, &sim,
                                      &length_lp);
            if (bead == -INFINITY)
              continue;
            double value = t->score[from] + exp (MIN (outside + bead, 0.0)) - cost;
            if (value > best)
              {
                best = value;
                back = s;
              }
          }
        t->score[here] = best;
        t->back[here] = back;
      }

  GArray *path = g_array_new (FALSE, FALSE, sizeof (DipPathBead));
  for (guint i = t->n, j = t->m; i > 0 || j > 0;)
    {
      guint s = t->back[cell (t, i, j)];
      g_assert (s < t->n_shapes);
      DipPathBead bead = { .src_start = i - shapes[s].a, .src_count = shapes[s].a,
                           .tgt_start = j - shapes[s].b, .tgt_count = shapes[s].b };
      if (bead.src_count > 0 && bead.tgt_count > 0)
        bead.score = bead_score (matcher, i, j, s, -INFINITY, &bead.sim, &bead.length_lp);
      bead.posterior = bead_posterior (t, &bead);
      g_array_append_val (path, bead);
      i = bead.src_start;
      j = bead.tgt_start;
    }
  path_reverse (path);
  return path;
}

static GArray *
trace (Table *t, Matcher *matcher)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (DipPathBead));
  guint i = t->n, j = t->m;
  /* -1 on the best path into the cell, else in the gap state of that side. */
  int state = -1;
  /* Whether the step after the one traced goes on with its gap. */
  gboolean gap_goes_on = FALSE;

  while (i > 0 || j > 0)
    {
      guint8 back = t->back[cell (t, i, j)];
      DipPathBead bead = { 0 };
      if (state < 0)
        {
          guint s = back & BACK_SHAPE_MASK;
          g_assert (back != 0xFF && s < G_N_ELEMENTS (shapes));
          if (s == SHAPE_GAP (GAP_SOURCE) || s == SHAPE_GAP (GAP_TARGET))
            {
              state = s == SHAPE_GAP (GAP_SOURCE) ? GAP_SOURCE : GAP_TARGET;
              continue;
            }
          bead.score = bead_score (matcher, i, j, s, -INFINITY, &bead.sim, &bead.length_lp);
          bead.src_count = shapes[s].a;
          bead.tgt_count = shapes[s].b;
          gap_goes_on = FALSE;
        }
      else
        {
          gboolean extended = (back & BACK_GAP_EXTENDED (state)) != 0;
          bead.score = (extended ? t->gap_extend[state] : t->gap_open[state])
                       + gap_step_adjust (t, state, i, j)
                       - (gap_goes_on ? 0 : boundary_cost (t, i, j));
          bead.src_count = state == GAP_SOURCE ? 1 : 0;
          bead.tgt_count = state == GAP_TARGET ? 1 : 0;
          gap_goes_on = extended;
          if (!extended)
            state = -1;
        }
      bead.src_start = i - bead.src_count;
      bead.tgt_start = j - bead.tgt_count;
      g_array_append_val (path, bead);
      i = bead.src_start;
      j = bead.tgt_start;
    }
  path_reverse (path);
  for (guint p = 0; p < path->len; p++)
    {
      DipPathBead *bead = &g_array_index (path, DipPathBead, p);
      bead->posterior = bead_posterior (t, bead);
    }
  return path;
}

static guint
max_words (const DipAlignUnits *u)
{
  guint most = 0;

  for (guint i = 0; i < u->n; i++)
    most = MAX (most, u->n_words[i]);
  return most;
}

/* How much the article's paragraphs say about runs, from 0 (none, or one
   sentence each) to 1 (SENTENCES_PER_PARAGRAPH_THAT_TELL or more). */
static double
article_paragraphs_tell (const DipAlignUnits *article)
{
  if (article->paragraph == NULL || article->n < 2)
    return 0;
  guint paragraphs = 1;
  for (guint x = 1; x < article->n; x++)
    paragraphs += article->paragraph[x] != article->paragraph[x - 1];
  double sentences_per_paragraph = (double) article->n / paragraphs;
  return CLAMP ((sentences_per_paragraph - 1) / (SENTENCES_PER_PARAGRAPH_THAT_TELL - 1), 0.0,
                1.0);
}

static double
log_odds (double probability)
{
  return log (probability / (1 - probability));
}

static double
log_odds_to_probability (double log_odds)
{
  return 1 / (1 + exp (-log_odds));
}

/* Against a summary, the priors of runs and omissions at each article
   sentence, from where the article's paragraphs start. */
static void
read_article_paragraphs (Table *t)
{
  gboolean summary_target = t->params->summary_side == DIP_ALIGN_SUMMARY_TARGET;
  const DipAlignUnits *article = summary_target ? t->src : t->tgt;
  guint g = summary_target ? GAP_SOURCE : GAP_TARGET;

  double told = article_paragraphs_tell (article);
  if (told == 0)
    return;
  double omission = t->params->omission_rate;
  double blind_left_out = log_odds (omission);
  double blind_goes_on = log_odds (DIP_ALIGN_SUMMARY_CONTINUATION);
  t->run_goes_on_lp = g_new (double, article->n + 1);
  t->run_stops_lp = g_new (double, article->n + 1);
  t->run_starts_lp = g_new (double, article->n + 1);
  t->gap_adjust[g] = g_new (double, article->n + 1);
  for (guint x = 0; x <= article->n; x++)
    {
      /* The article's end closes its last paragraph. */
      gboolean starts = x == 0 || x == article->n
                        || article->paragraph[x] != article->paragraph[x - 1];
      double told_goes_on = log_odds (starts ? RUN_GOES_ON_ACROSS_PARAGRAPHS
                                             : RUN_GOES_ON_IN_PARAGRAPH);
      double goes_on = log_odds_to_probability (blind_goes_on
                                                + told * (told_goes_on - blind_goes_on));
      double left_out = log_odds_to_probability (
        blind_left_out
        + told * (starts ? -OMISSION_LOG_ODDS_IN_PARAGRAPH : OMISSION_LOG_ODDS_IN_PARAGRAPH));
      t->run_goes_on_lp[x] = log (goes_on);
      t->run_stops_lp[x] = log1p (-goes_on);
      t->run_starts_lp[x] = log1p (-left_out);
      /* The side's gaps already cost the paragraph-blind omission rate. */
      t->gap_adjust[g][x] = log (left_out) - log (omission);
    }
}

static GArray *
solve_in_band (const DipAlignUnits *src, const DipAlignUnits *tgt, const DipAlignParams *params,
               guint *lo, guint *hi, GCancellable *cancellable)
{
  Table t = { 0 };

  tables_init ();
  t.src = src;
  t.tgt = tgt;
  t.params = params;
  t.n_shapes = params->five_sentence_beads ? G_N_ELEMENTS (shapes) : G_N_ELEMENTS (shapes) - 2;
  t.n = src->n;
  t.m = tgt->n;
  t.lo = lo;
  t.hi = hi;
  t.row_offset = g_new (gsize, t.n + 2);
  t.row_offset[0] = 0;
  for (guint i = 0; i <= t.n; i++)
    t.row_offset[i + 1] = t.row_offset[i] + (hi[i] - lo[i] + 1);
  gsize cells = t.row_offset[t.n + 1];
  t.score = g_new (float, cells);
  t.back = g_new (guint8, cells);
  for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
    t.gap_score[g] = g_new (float, cells);
  if (params->posteriors)
    {
      t.forward = g_new (double, cells);
      t.bead_forward = g_new (double, cells);
      t.backward = g_new (double, cells);
      for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
        {
          t.gap_forward[g] = g_new (double, cells);
          t.gap_backward[g] = g_new (double, cells);
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    t.shape_lp[s] = params->summary_side == DIP_ALIGN_SUMMARY_TARGET
                      ? summary_shape_log_prior (shapes[s].a, shapes[s].b, params->omission_rate)
                    : params->summary_side == DIP_ALIGN_SUMMARY_SOURCE
                      ? summary_shape_log_prior (shapes[s].b, shapes[s].a, params->omission_rate)
                      : dip_align_shape_log_prior (shapes[s].a, shapes[s].b);
  /* A run of gaps: against a summary, each article sentence is left out
     on its own, at the summary's omission rate; in a translation a run's
     further sentences cost params->gap_extend. A unit of the coarse pass
     stands for unit_size sentences. */
  for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
    {
      double open = t.shape_lp[SHAPE_GAP (g)];
      double extend = params->summary_side == DIP_ALIGN_SUMMARY_NONE
                        ? MAX (open, params->gap_extend) : open;
      t.gap_open[g] = open + (params->unit_size - 1) * extend;
      t.gap_extend[g] = params->unit_size * extend;
    }

  if (params->summary_side != DIP_ALIGN_SUMMARY_NONE && params->unit_size == 1)
    read_article_paragraphs (&t);
  t.pair = g_new (guint32, cells);
  memset (t.pair, 0xFF, cells * sizeof (guint32));
  if (params->summary_side != DIP_ALIGN_SUMMARY_NONE && params->summary_weights != NULL
      && src->signature == NULL)
    {
      t.summary_mask = g_new (guint64, cells);
      memset (t.summary_mask, 0xFF, cells * sizeof (guint64));
    }
  gsize stamp_size = MAX (max_words (src), max_words (tgt)) + 1;
  Matcher matcher;
  matcher_init (&matcher, &t, stamp_size);
  GArray *path = NULL;
  gboolean filled;
  if (t.backward == NULL)
    filled = fill (&t, &matcher, cancellable);
  else
    {
      /* The backward sums need nothing the forward ones write: on a
         second core they cost no time. Both read every pair's matches,
         compared first on both cores; a pair outside the band is
         compared again each time, with each thread's own stamps. */
      fill_all_pairs (&t, stamp_size);
      Helper backward = { &t, cancellable, FALSE, { 0 }, 0, 0 };
      matcher_init (&backward.matcher, &t, stamp_size);
      GThread *thread = g_thread_new ("dip-align-backward", backward_thread, &backward);
      filled = fill (&t, &matcher, cancellable);
      g_thread_join (thread);
      matcher_clear (&backward.matcher);
      filled = filled && backward.done;
    }
  if (filled && t.backward != NULL && params->expected_bead_cost > 0)
    path = trace_expected_beads (&t, &matcher, params->expected_bead_cost);
  else if (filled)
    path = trace (&t, &matcher);
  matcher_clear (&matcher);

  g_free (t.pair);
  g_free (t.summary_mask);
  g_free (t.run_goes_on_lp);
  g_free (t.run_stops_lp);
  g_free (t.run_starts_lp);
  for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
    g_free (t.gap_adjust[g]);
  g_free (t.row_offset);
  g_free (t.score);
  g_free (t.back);
  g_free (t.forward);
  g_free (t.bead_forward);
  g_free (t.backward);
  for (guint g = GAP_SOURCE; g <= GAP_TARGET; g++)
    {
      g_free (t.gap_score[g]);
      g_free (t.gap_forward[g]);
      g_free (t.gap_backward[g]);
    }
  return path;
}

/* Makes the band [lo, hi] a valid one: every row non-empty, both ends
   non-decreasing, consecutive rows overlapping, corners included. */
static void
repair_band (guint *lo, guint *hi, guint n, guint m)
{
  lo[0] = 0;
  hi[n] = m;
  for (guint i = 1; i <= n; i++)
    lo[i] = MAX (lo[i], lo[i - 1]);
  for (guint i = n; i-- > 0;)
    hi[i] = MIN (hi[i], hi[i + 1]);
  for (guint i = 0; i <= n; i++)
    {
      lo[i] = MIN (lo[i], m);
      if (hi[i] < lo[i])
        hi[i] = lo[i];
    }
  for (guint i = 1; i <= n; i++)
    if (lo[i] > hi[i - 1])
      hi[i - 1] = lo[i];
  for (guint i = n; i-- > 0;)
    hi[i] = MIN (hi[i], hi[i + 1]);
}

/* The band around a path, widened by `margin` units on every side. The
   path is over blocks whose first units `src_origin` and `tgt_origin` give,
   or over the units themselves when they are NULL. */
static inline guint
origin (const guint *origins, guint position)
{
  return origins != NULL ? origins[position] : position;
}

static void
band_from_path (const GArray *path, const guint *src_origin, const guint *tgt_origin,
                guint margin, guint n, guint m, guint *lo, guint *hi)
{
  for (guint i = 0; i <= n; i++)
    {
      lo[i] = G_MAXUINT;
      hi[i] = 0;
    }
  for (guint p = 0; p < path->len; p++)
    {
      const DipPathBead *bead = &g_array_index (path, DipPathBead, p);
      guint i0 = MIN (origin (src_origin, bead->src_start), n);
      guint i1 = MIN (origin (src_origin, bead->src_start + bead->src_count), n);
      guint j0 = MIN (origin (tgt_origin, bead->tgt_start), m);
      guint j1 = MIN (origin (tgt_origin, bead->tgt_start + bead->tgt_count), m);
      guint r0 = i0 > margin ? i0 - margin : 0;
      guint r1 = MIN (i1 + margin, n);
      guint c0 = j0 > margin ? j0 - margin : 0;
      guint c1 = MIN (j1 + margin, m);
      for (guint i = r0; i <= r1; i++)
        {
          lo[i] = MIN (lo[i], c0);
          hi[i] = MAX (hi[i], c1);
        }
    }
  for (guint i = 0; i <= n; i++)
    if (lo[i] == G_MAXUINT)
      {
        lo[i] = 0;
        hi[i] = m;
      }
  repair_band (lo, hi, n, m);
}

/* The band around the path that aligning blocks of about COARSE_FACTOR
   units finds, recursively; FALSE if cancelled. */
static gboolean
coarse_band (const DipAlignUnits *src, const DipAlignUnits *tgt, const DipAlignParams *params,
             guint *lo, guint *hi, GCancellable *cancellable)
{
  guint n = src->n, m = tgt->n;
  double src_chars = 0, tgt_chars = 0;
  for (guint i = 0; i < n; i++)
    src_chars += src->chars[i];
  for (guint j = 0; j < m; j++)
    tgt_chars += tgt->chars[j];
  /* Blocks of about COARSE_FACTOR units of the longer side, and of the
     same share of the text on both sides. */
  double blocks = MAX (1.0, (double) MAX (n, m) / COARSE_FACTOR);
  DipAlignUnits *coarse_src = dip_align_units_blocks (src, MAX (src_chars, 1.0) / blocks);
  DipAlignUnits *coarse_tgt = dip_align_units_blocks (tgt, MAX (tgt_chars, 1.0) / blocks);
  /* Leaving a block out leaves out all its sentences. */
  DipAlignParams coarse_params = *params;
  coarse_params.unit_size = params->unit_size * (double) (n + m) / (coarse_src->n + coarse_tgt->n);
  coarse_params.posteriors = FALSE;
  coarse_params.five_sentence_beads = FALSE;
  /* Blocks cross paragraphs by design. */
  g_clear_pointer (&coarse_src->paragraph, g_free);
  g_clear_pointer (&coarse_tgt->paragraph, g_free);
  g_autoptr (GArray) coarse = dip_align_solve (coarse_src, coarse_tgt, &coarse_params, NULL,
                                               cancellable);
  if (coarse != NULL)
    band_from_path (coarse, coarse_src->origin, coarse_tgt->origin, BAND_MARGIN, n, m, lo, hi);
  dip_align_units_free (coarse_src);
  dip_align_units_free (coarse_tgt);
  return coarse != NULL;
}

GArray *
dip_align_solve (const DipAlignUnits *src, const DipAlignUnits *tgt, const DipAlignParams *params,
                 const GArray *guide, GCancellable *cancellable)
{
  guint n = src->n, m = tgt->n;
  g_autofree guint *lo = g_new (guint, n + 1);
  g_autofree guint *hi = g_new (guint, n + 1);
  gboolean small = (guint64) (n + 1) * (m + 1) <= FULL_TABLE_CELLS;

  if (guide != NULL)
    {
      band_from_path (guide, NULL, NULL, GUIDE_MARGIN, n, m, lo, hi);
      if (!small && params->weak_guide)
        {
          /* Where the first pass had little to go on, its path may have
             lost its way beyond the guide's margin: blocks compared on
             what this pass knows (the words Model 1 learnt) say where.
             Wherever their path leaves the guide's band, the band takes
             in both. */
          g_autofree guint *coarse_lo = g_new (guint, n + 1);
          g_autofree guint *coarse_hi = g_new (guint, n + 1);
          if (!coarse_band (src, tgt, params, coarse_lo, coarse_hi, cancellable))
            return NULL;
          /* The rows where the blocks' path leaves the guide's band, and
             BAND_MARGIN rows either side, where the two paths part. */
          g_autofree gboolean *parted = g_new0 (gboolean, n + 1);
          for (guint i = 0; i <= n; i++)
            {
              guint centre = coarse_lo[i] + (coarse_hi[i] - coarse_lo[i]) / 2;
              if (centre < lo[i] || centre > hi[i])
                for (guint k = i > BAND_MARGIN ? i - BAND_MARGIN : 0; k <= MIN (i + BAND_MARGIN, n); k++)
                  parted[k] = TRUE;
            }
          for (guint i = 0; i <= n; i++)
            if (parted[i])
              {
                lo[i] = MIN (lo[i], coarse_lo[i]);
                hi[i] = MAX (hi[i], coarse_hi[i]);
              }
          repair_band (lo, hi, n, m);
        }
    }
  else if (small)
    for (guint i = 0; i <= n; i++)
      {
        lo[i] = 0;
        hi[i] = m;
      }
  else if (!coarse_band (src, tgt, params, lo, hi, cancellable))
    return NULL;
  return solve_in_band (src, tgt, params, lo, hi, cancellable);
}
