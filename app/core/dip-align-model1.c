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

  /* Every co-occurring pair starts equal; "seen" counts each sentence
     pair once. */
  for (guint p = 0; p + 1 < pairs->len; p += 2)
    {
      GArray *es = g_ptr_array_index (pairs, p + from);
      GArray *fs = g_ptr_array_index (pairs, p + 1 - from);
      for (guint x = 0; x < es->len; x++)
        for (guint y = 0; y < fs->len; y++)
          {
            Slot *slot = table_find (&table, pair_key (g_array_index (es, guint32, x),
                                                       g_array_index (fs, guint32, y)), TRUE);
            slot->prob = 1.0f;
            slot->seen++;
          }
    }

  g_autofree float *column = NULL;
  guint column_size = 0;
  for (guint it = 0; it < iterations; it++)
    {
      for (gsize i = 0; i <= table.mask; i++)
        table.slots[i].count = 0;
      for (guint p = 0; p + 1 < pairs->len; p += 2)
        {
          GArray *es = g_ptr_array_index (pairs, p + from);
          GArray *fs = g_ptr_array_index (pairs, p + 1 - from);
          if (es->len > column_size)
            {
              column_size = es->len;
              column = g_renew (float, column, column_size);
            }
          for (guint y = 0; y < fs->len; y++)
            {
              guint32 f = g_array_index (fs, guint32, y);
              double z = 0;
              for (guint x = 0; x < es->len; x++)
                {
                  Slot *slot = table_find (&table, pair_key (g_array_index (es, guint32, x), f),
                                           FALSE);
                  column[x] = slot != NULL ? slot->prob : 0.0f;
                  z += column[x];
                }
              if (z <= 0)
                continue;
              for (guint x = 0; x < es->len; x++)
                {
                  Slot *slot = table_find (&table, pair_key (g_array_index (es, guint32, x), f),
                                           FALSE);
                  if (slot != NULL)
                    slot->count += column[x] / z;
                }
            }
        }
      /* M step: t(f|e) = count(e,f) / Σ_f count(e,f) */
      GHashTable *index = g_hash_table_new (NULL, NULL);
      GArray *sum_array = g_array_new (FALSE, TRUE, sizeof (double));
      for (gsize i = 0; i <= table.mask; i++)
        if (table.slots[i].key != 0)
          {
            guint32 e = (guint32) ((table.slots[i].key - 1) >> 32);
            gpointer at = g_hash_table_lookup (index, GUINT_TO_POINTER (e + 1));
            guint k;
            if (at == NULL)
              {
                k = sum_array->len;
                g_array_set_size (sum_array, k + 1);
                g_hash_table_insert (index, GUINT_TO_POINTER (e + 1), GUINT_TO_POINTER (k + 1));
              }
            else
              k = GPOINTER_TO_UINT (at) - 1;
            g_array_index (sum_array, double, k) += table.slots[i].count;
          }
      for (gsize i = 0; i <= table.mask; i++)
        if (table.slots[i].key != 0)
          {
            guint32 e = (guint32) ((table.slots[i].key - 1) >> 32);
            guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (e + 1))) - 1;
            double sum = g_array_index (sum_array, double, k);
            table.slots[i].prob = sum > 0 ? table.slots[i].count / sum : 0;
          }
      g_array_unref (sum_array);
      g_hash_table_unref (index);
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
