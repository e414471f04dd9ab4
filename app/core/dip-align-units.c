/* dip-align-units.c — the units the aligner's dynamic program works on. */
#include "dip-config.h"

#include <string.h>

#include "dip-align-private.h"

typedef struct
{
  guint32 key;
  guint32 word;
} Entry;

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->word < y->word ? -1 : x->word > y->word;
}

void
dip_align_units_free (DipAlignUnits *units)
{
  if (units == NULL)
    return;
  g_free (units->chars);
  g_free (units->n_words);
  g_free (units->paragraph);
  g_free (units->runs_on);
  g_free (units->origin);
  g_free (units->signature);
  g_free (units->entry_start);
  g_array_unref (units->entry_key);
  g_array_unref (units->entry_word);
  g_free (units->key_start);
  g_array_unref (units->key);
  g_free (units);
}

/* Appends one unit's entries, sorted, and its unique keys. */
static void
append_unit (DipAlignUnits *units, guint index, GArray *entries)
{
  g_array_sort (entries, compare_entries);
  units->entry_start[index] = units->entry_key->len;
  units->key_start[index] = units->key->len;
  for (guint e = 0; e < entries->len; e++)
    {
      const Entry *entry = &g_array_index (entries, Entry, e);
      g_array_append_val (units->entry_key, entry->key);
      g_array_append_val (units->entry_word, entry->word);
      if (e == 0 || g_array_index (entries, Entry, e - 1).key != entry->key)
        g_array_append_val (units->key, entry->key);
    }
}

static DipAlignUnits *
units_alloc (guint n)
{
  DipAlignUnits *units = g_new0 (DipAlignUnits, 1);

  units->n = n;
  units->chars = g_new0 (guint, n + 1);
  units->n_words = g_new0 (guint, n + 1);
  units->entry_start = g_new0 (guint, n + 1);
  units->key_start = g_new0 (guint, n + 1);
  units->entry_key = g_array_new (FALSE, FALSE, sizeof (guint32));
  units->entry_word = g_array_new (FALSE, FALSE, sizeof (guint32));
  units->key = g_array_new (FALSE, FALSE, sizeof (guint32));
  return units;
}

DipAlignUnits *
dip_align_units_new (guint n, const guint *chars, const guint *n_words, const guint *paragraph,
                     GPtrArray *entries)
{
  DipAlignUnits *units = units_alloc (n);

  memcpy (units->chars, chars, n * sizeof (guint));
  memcpy (units->n_words, n_words, n * sizeof (guint));
  if (paragraph != NULL)
    units->paragraph = g_memdup2 (paragraph, n * sizeof (guint));
  for (guint i = 0; i < n; i++)
    append_unit (units, i, g_ptr_array_index (entries, i));
  units->entry_start[n] = units->entry_key->len;
  units->key_start[n] = units->key->len;
  return units;
}

DipAlignUnits *
dip_align_units_blocks (const DipAlignUnits *units, double block_chars)
{
  /* Block ends, in units: a block closes once it holds block_chars
     characters, so that blocks of the two sides cover about as much text
     whatever their sentences' lengths. */
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  double filled = 0;
  for (guint i = 0; i < units->n; i++)
    {
      filled += units->chars[i];
      if (filled >= block_chars || i + 1 == units->n)
        {
          guint end = i + 1;
          g_array_append_val (ends, end);
          filled = 0;
        }
    }

  guint n = ends->len;
  DipAlignUnits *blocks = units_alloc (n);
  blocks->origin = g_new0 (guint, n + 1);
  blocks->signature = g_new0 (guint64, (gsize) n * DIP_ALIGN_SIGNATURE_WORDS);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint b = 0; b < n; b++)
    {
      guint first = b == 0 ? 0 : g_array_index (ends, guint, b - 1);
      guint last = g_array_index (ends, guint, b);
      blocks->origin[b] = first;
      g_array_set_size (entries, 0);
      for (guint i = first; i < last; i++)
        {
          blocks->chars[b] += units->chars[i];
          for (guint k = units->key_start[i]; k < units->key_start[i + 1]; k++)
            {
              Entry entry = { g_array_index (units->key, guint32, k), 0 };
              g_array_append_val (entries, entry);
            }
        }
      /* A block's "words" are its distinct keys: comparing blocks needs
         only which keys they share, and a block of a hundred sentences
         would otherwise carry thousands of entries. */
      g_array_sort (entries, compare_entries);
      guint distinct = 0;
      for (guint e = 0; e < entries->len; e++)
        if (e == 0 || g_array_index (entries, Entry, e - 1).key != g_array_index (entries, Entry, e).key)
          {
            Entry entry = { g_array_index (entries, Entry, e).key, distinct++ };
            g_array_index (entries, Entry, distinct - 1) = entry;
          }
      g_array_set_size (entries, distinct);
      guint64 *signature = blocks->signature + (gsize) b * DIP_ALIGN_SIGNATURE_WORDS;
      for (guint e = 0; e < distinct; e++)
        {
          /* Keys are small consecutive integers: scatter them first. */
          guint32 h = g_array_index (entries, Entry, e).key * 2654435761u;
          guint bit = (h >> 8) % (DIP_ALIGN_SIGNATURE_WORDS * 64);
          signature[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      guint bits = 0;
      for (guint w = 0; w < DIP_ALIGN_SIGNATURE_WORDS; w++)
        bits += dip_align_popcount (signature[w]);
      blocks->n_words[b] = bits;
      append_unit (blocks, b, entries);
    }
  blocks->origin[n] = units->n;
  blocks->entry_start[n] = blocks->entry_key->len;
  blocks->key_start[n] = blocks->key->len;
  return blocks;
}

void
dip_key_reach_init (DipKeyReach *reach, const DipAlignUnits *units)
{
  const guint32 *keys = (const guint32 *) (gpointer) units->key->data;   /* NULL when empty */

  reach->size = 0;
  for (guint k = 0; k < units->key->len; k++)
    reach->size = MAX (reach->size, keys[k] + 1);
  /* A unit's keys are unique: each one counts the unit once. */
  reach->units_with_key = g_new0 (guint, MAX (reach->size, 1));
  for (guint k = 0; k < units->key->len; k++)
    reach->units_with_key[keys[k]]++;
}

void
dip_key_reach_clear (DipKeyReach *reach)
{
  g_clear_pointer (&reach->units_with_key, g_free);
  reach->size = 0;
}

guint
dip_key_reach_most (const DipKeyReach *reach, const guint32 *keys, guint n_keys)
{
  guint most = 0;

  for (guint k = 0; k < n_keys; k++)
    if (keys[k] < reach->size)
      most = MAX (most, reach->units_with_key[keys[k]]);
  return most;
}
