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
dip_align_units_blocks (const DipAlignUnits *units, guint factor)
{
  guint n = (units->n + factor - 1) / factor;
  DipAlignUnits *blocks = units_alloc (n);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint b = 0; b < n; b++)
    {
      guint first = b * factor;
      guint last = MIN (first + factor, units->n);
      guint word_offset = 0;
      g_array_set_size (entries, 0);
      for (guint i = first; i < last; i++)
        {
          blocks->chars[b] += units->chars[i];
          blocks->n_words[b] += units->n_words[i];
          for (guint e = units->entry_start[i]; e < units->entry_start[i + 1]; e++)
            {
              Entry entry = { g_array_index (units->entry_key, guint32, e),
                              word_offset + g_array_index (units->entry_word, guint32, e) };
              g_array_append_val (entries, entry);
            }
          word_offset += units->n_words[i];
        }
      append_unit (blocks, b, entries);
    }
  blocks->entry_start[n] = blocks->entry_key->len;
  blocks->key_start[n] = blocks->key->len;
  return blocks;
}
