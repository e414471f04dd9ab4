/* dip-align-model1.c — IBM Model 1, trained by expectation maximisation on
 * the confident beads of the aligner's first pass (Moore 2002 does the
 * same). The table is sparse: only word pairs that co-occur in some
 * sentence pair have a probability, kept in an open-addressing hash. */
#include "dip-config.h"

#include <string.h>

#include "dip-align-model1.h"

typedef struct
{
  guint64 key;     /* (e << 32 | f) + 1; 0 is an empty slot */
  float   prob;    /* t(f|e) */
  float   count;   /* expected count in this iteration */
  guint32 seen;    /* sentence pairs with both words */
} Slot;

typedef struct
{
  Slot  *slots;
  gsize  mask;
  gsize  used;
} Table;

static gsize
hash_key (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (gsize) key;
}

static void table_insert (Table *table, guint64 key, float prob, float count, guint32 seen);

static void
table_grow (Table *table)
{
  Table bigger = { g_new0 (Slot, (table->mask + 1) * 2), (table->mask + 1) * 2 - 1, 0 };

  for (gsize i = 0; i <= table->mask; i++)
    if (table->slots[i].key != 0)
      table_insert (&bigger, table->slots[i].key, table->slots[i].prob, table->slots[i].count,
                    table->slots[i].seen);
  g_free (table->slots);
  *table = bigger;
}

static Slot *
table_find (Table *table, guint64 key, gboolean create)
{
  if (create && (table->used + 1) * 2 > table->mask + 1)
    table_grow (table);
  for (gsize i = hash_key (key) & table->mask;; i = (i + 1) & table->mask)
    {
      Slot *slot = &table->slots[i];
      if (slot->key == key)
        return slot;
      if (slot->key == 0)
        {
          if (!create)
            return NULL;
          slot->key = key;
          table->used++;
          return slot;
        }
    }
}

static void
table_insert (Table *table, guint64 key, float prob, float count, guint32 seen)
{
  Slot *slot = table_find (table, key, TRUE);

  slot->prob = prob;
  slot->count = count;
  slot->seen = seen;
}

static inline guint64
pair_key (guint32 e, guint32 f)
{
  return (((guint64) e << 32) | f) + 1;
}

/* Trains t(f|e) where e are the words of side `from` (0 or 1). */
static Table
train (GPtrArray *pairs, guint from, guint iterations)
{
  Table table = { g_new0 (Slot, 1024), 1023, 0 };
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint32 max_e = 0;

  /* Every co-occurring pair starts equal; "seen" counts each sentence
     pair once. The table stops growing here, so slot positions can be
     kept: the iterations below look nothing up. */
  for (guint p = 0; p + 1 < pairs->len; p += 2)
    {
      GArray *es = g_ptr_array_index (pairs, p + from);
      GArray *fs = g_ptr_array_index (pairs, p + 1 - from);
      for (guint x = 0; x < es->len; x++)
        for (guint y = 0; y < fs->len; y++)
          {
            guint32 e = g_array_index (es, guint32, x);
            Slot *slot = table_find (&table, pair_key (e, g_array_index (fs, guint32, y)), TRUE);
            slot->prob = 1.0f;
            slot->seen++;
            max_e = MAX (max_e, e);
          }
    }
  for (guint p = 0; p + 1 < pairs->len; p += 2)
    {
      GArray *es = g_ptr_array_index (pairs, p + from);
      GArray *fs = g_ptr_array_index (pairs, p + 1 - from);
      for (guint x = 0; x < es->len; x++)
        for (guint y = 0; y < fs->len; y++)
          {
            Slot *slot = table_find (&table, pair_key (g_array_index (es, guint32, x),
                                                       g_array_index (fs, guint32, y)), FALSE);
            gsize at = slot != NULL ? (gsize) (slot - table.slots) : 0;
            g_array_append_val (links, at);
          }
    }

  const gsize *link = (const gsize *) (gpointer) links->data;
  g_autofree double *totals = g_new0 (double, (gsize) max_e + 1);
  for (guint it = 0; it < iterations; it++)
    {
      for (gsize i = 0; i <= table.mask; i++)
        table.slots[i].count = 0;
      /* E step: each target word's unit of count shared among the source
         words of its sentence pair in proportion to t(f|e). */
      gsize k = 0;
      for (guint p = 0; p + 1 < pairs->len; p += 2)
        {
          GArray *es = g_ptr_array_index (pairs, p + from);
          GArray *fs = g_ptr_array_index (pairs, p + 1 - from);
          guint nf = fs->len;
          for (guint y = 0; y < nf; y++)
            {
              double z = 0;
              for (guint x = 0; x < es->len; x++)
                z += table.slots[link[k + (gsize) x * nf + y]].prob;
              if (z <= 0)
                continue;
              for (guint x = 0; x < es->len; x++)
                {
                  Slot *slot = &table.slots[link[k + (gsize) x * nf + y]];
                  slot->count += slot->prob / z;
                }
            }
          k += (gsize) es->len * nf;
        }
      /* M step: t(f|e) = count(e,f) / Σ_f count(e,f) */
      memset (totals, 0, ((gsize) max_e + 1) * sizeof (double));
      for (gsize i = 0; i <= table.mask; i++)
        if (table.slots[i].key != 0)
          totals[(table.slots[i].key - 1) >> 32] += table.slots[i].count;
      for (gsize i = 0; i <= table.mask; i++)
        if (table.slots[i].key != 0)
          {
            double sum = totals[(table.slots[i].key - 1) >> 32];
            table.slots[i].prob = sum > 0 ? table.slots[i].count / sum : 0;
          }
    }
  return table;
}

GHashTable *
dip_model1_learn (GPtrArray *pairs, guint iterations, double threshold)
{
  Table forward = train (pairs, 0, iterations);    /* t(target | source) */
  Table backward = train (pairs, 1, iterations);   /* t(source | target) */
  GHashTable *learnt = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (gsize i = 0; i <= forward.mask; i++)
    {
      const Slot *slot = &forward.slots[i];
      if (slot->key == 0 || slot->prob < threshold || slot->seen < 2)
        continue;
      guint32 e = (guint32) ((slot->key - 1) >> 32);
      guint32 f = (guint32) ((slot->key - 1) & 0xFFFFFFFFu);
      Slot *reverse = table_find (&backward, pair_key (f, e), FALSE);
      if (reverse == NULL || reverse->prob < threshold)
        continue;
      GArray *list = g_hash_table_lookup (learnt, GUINT_TO_POINTER (e + 1));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (learnt, GUINT_TO_POINTER (e + 1), list);
        }
      g_array_append_val (list, f);
    }
  g_free (forward.slots);
  g_free (backward.slots);
  return learnt;
}
