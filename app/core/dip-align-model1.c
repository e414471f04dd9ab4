/* dip-align-model1.c — IBM Model 1, trained by expectation maximisation on
 * the confident beads of the aligner's first pass (Moore 2002 does the
 * same), in both directions.
 *
 * Only word pairs that co-occur in some sentence pair have a probability.
 * Both directions have the same such pairs, so they are found once: an
 * open-addressing hash numbers each distinct pair, and every co-occurrence
 * becomes a link to that number. The iterations then walk flat arrays and
 * look nothing up. */
#include "dip-config.h"

#include <string.h>

#include "dip-align-model1.h"

typedef struct
{
  guint64  *keys;      /* hash slots: (e << 32 | f) + 1, 0 empty */
  guint32  *index;     /* hash slots: the pair's number */
  gsize     mask;
  guint32   n_pairs;
  guint32  *source;    /* per pair: e */
  guint32  *target;    /* per pair: f */
  guint32  *seen;      /* per pair: sentence pairs with both words */
  guint32  *links;     /* per co-occurrence, sentence pair by pair, source-major */
  gsize     n_links;
} PairTable;

static inline gsize
hash_key (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (gsize) key;
}

static void
pair_table_grow (PairTable *table)
{
  gsize old_mask = table->mask;
  guint64 *old_keys = table->keys;
  guint32 *old_index = table->index;

  table->mask = (old_mask + 1) * 2 - 1;
  table->keys = g_new0 (guint64, table->mask + 1);
  table->index = g_new (guint32, table->mask + 1);
  for (gsize i = 0; i <= old_mask; i++)
    if (old_keys[i] != 0)
      {
        gsize j = hash_key (old_keys[i]) & table->mask;
        while (table->keys[j] != 0)
          j = (j + 1) & table->mask;
        table->keys[j] = old_keys[i];
        table->index[j] = old_index[i];
      }
  g_free (old_keys);
  g_free (old_index);
}

/* The number of the pair (e, f), a new one if it is not in the table yet. */
static guint32
pair_number (PairTable *table, guint32 e, guint32 f)
{
  guint64 key = (((guint64) e << 32) | f) + 1;

  if ((table->n_pairs + 1) * 2 > table->mask + 1)
    pair_table_grow (table);
  for (gsize i = hash_key (key) & table->mask;; i = (i + 1) & table->mask)
    {
      if (table->keys[i] == key)
        return table->index[i];
      if (table->keys[i] == 0)
        {
          guint32 number = table->n_pairs++;
          table->keys[i] = key;
          table->index[i] = number;
          table->source[number] = e;
          table->target[number] = f;
          table->seen[number] = 0;
          return number;
        }
    }
}

/* Marks a pair already counted in the sentence pair at hand. */
#define SEEN_HERE 0x80000000u

static void
pair_table_build (PairTable *table, GPtrArray *pairs)
{
  gsize products = 0;

  for (guint p = 0; p + 1 < pairs->len; p += 2)
    products += (gsize) ((GArray *) g_ptr_array_index (pairs, p))->len
                * ((GArray *) g_ptr_array_index (pairs, p + 1))->len;
  /* Repeated words and sentences make far fewer distinct pairs than
     co-occurrences: the hash starts small and doubles when half full. */
  gsize slots = 1024;
  table->keys = g_new0 (guint64, slots);
  table->index = g_new (guint32, slots);
  table->mask = slots - 1;
  table->n_pairs = 0;
  table->source = g_new (guint32, MAX (products, 1));
  table->target = g_new (guint32, MAX (products, 1));
  table->seen = g_new (guint32, MAX (products, 1));
  table->links = g_new (guint32, MAX (products, 1));
  table->n_links = 0;

  for (guint p = 0; p + 1 < pairs->len; p += 2)
    {
      GArray *es = g_ptr_array_index (pairs, p);
      GArray *fs = g_ptr_array_index (pairs, p + 1);
      for (guint x = 0; x < es->len; x++)
        for (guint y = 0; y < fs->len; y++)
          {
            guint32 number = pair_number (table, g_array_index (es, guint32, x),
                                          g_array_index (fs, guint32, y));
            table->links[table->n_links++] = number;
          }
      /* "seen" counts each sentence pair once, however often its words
         repeat in it: mark this sentence pair's pairs after the fact. */
      gsize first = table->n_links - (gsize) es->len * fs->len;
      for (gsize l = first; l < table->n_links; l++)
        {
          guint32 number = table->links[l];
          if ((table->seen[number] & SEEN_HERE) == 0)
            table->seen[number] = (table->seen[number] + 1) | SEEN_HERE;
        }
      for (gsize l = first; l < table->n_links; l++)
        table->seen[table->links[l]] &= ~SEEN_HERE;
    }
}

static void
pair_table_clear (PairTable *table)
{
  g_free (table->keys);
  g_free (table->index);
  g_free (table->source);
  g_free (table->target);
  g_free (table->seen);
  g_free (table->links);
}

/* Trains t(f|e), e being the words of side `from` (0 source, 1 target),
   into `prob` (one per pair of the table). */
static void
train (const PairTable *table, GPtrArray *pairs, guint from, guint iterations, float *prob)
{
  const guint32 *given = from == 0 ? table->source : table->target;
  guint32 max_given = 0;
  for (guint32 i = 0; i < table->n_pairs; i++)
    max_given = MAX (max_given, given[i]);
  g_autofree float *count = g_new (float, MAX (table->n_pairs, 1));
  g_autofree double *totals = g_new (double, (gsize) max_given + 1);

  /* Every co-occurring pair starts equal. */
  for (guint32 i = 0; i < table->n_pairs; i++)
    prob[i] = 1.0f;
  for (guint it = 0; it < iterations; it++)
    {
      memset (count, 0, table->n_pairs * sizeof (float));
      /* E step: each word of the other side shares its unit of count
         among the words of `from` in its sentence pair, in proportion to
         t(f|e). Links are source-major: link (x, y) is at x·n_target + y. */
      gsize k = 0;
      for (guint p = 0; p + 1 < pairs->len; p += 2)
        {
          guint ns = ((GArray *) g_ptr_array_index (pairs, p))->len;
          guint nt = ((GArray *) g_ptr_array_index (pairs, p + 1))->len;
          const guint32 *link = table->links + k;
          guint n_given = from == 0 ? ns : nt, n_other = from == 0 ? nt : ns;
          gsize given_stride = from == 0 ? nt : 1, other_stride = from == 0 ? 1 : nt;
          for (guint y = 0; y < n_other; y++)
            {
              double z = 0;
              for (guint x = 0; x < n_given; x++)
                z += prob[link[x * given_stride + y * other_stride]];
              if (z <= 0)
                continue;
              float share = (float) (1.0 / z);
              for (guint x = 0; x < n_given; x++)
                {
                  guint32 number = link[x * given_stride + y * other_stride];
                  count[number] += prob[number] * share;
                }
            }
          k += (gsize) ns * nt;
        }
      /* M step: t(f|e) = count(e,f) / Σ_f count(e,f) */
      memset (totals, 0, ((gsize) max_given + 1) * sizeof (double));
      for (guint32 i = 0; i < table->n_pairs; i++)
        totals[given[i]] += count[i];
      for (guint32 i = 0; i < table->n_pairs; i++)
        prob[i] = totals[given[i]] > 0 ? (float) (count[i] / totals[given[i]]) : 0;
    }
}

GHashTable *
dip_model1_learn (GPtrArray *pairs, guint iterations, double threshold)
{
  PairTable table = { 0 };
  pair_table_build (&table, pairs);
  g_autofree float *forward = g_new (float, MAX (table.n_pairs, 1));    /* t(target | source) */
  g_autofree float *backward = g_new (float, MAX (table.n_pairs, 1));   /* t(source | target) */
  train (&table, pairs, 0, iterations, forward);
  train (&table, pairs, 1, iterations, backward);

  GHashTable *learnt = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint32 i = 0; i < table.n_pairs; i++)
    {
      if (forward[i] < threshold || backward[i] < threshold || table.seen[i] < 2)
        continue;
      guint32 e = table.source[i];
      GArray *list = g_hash_table_lookup (learnt, GUINT_TO_POINTER (e + 1));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (learnt, GUINT_TO_POINTER (e + 1), list);
        }
      g_array_append_val (list, table.target[i]);
    }
  pair_table_clear (&table);
  return learnt;
}
