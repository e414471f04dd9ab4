/* dip-check-consistency.c — the same source segment translated in
 * different ways (inconsistent-target), and one target given to
 * different sources (inconsistent-source). Every bead of such a group is
 * reported, since which one is right is for the reviewer to say.
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-checks-private.h"

/* Beads that share one normalised text on one side. */
typedef struct
{
  GArray     *beads;    /* guint bead index */
  GPtrArray  *others;   /* char*: the normalised other side of each bead */
} Group;

struct _DipCheckConsistency
{
  GHashTable *by_side[2];   /* normalised side text → Group* */
};

static void
group_free (gpointer data)
{
  Group *g = data;
  g_array_unref (g->beads);
  g_ptr_array_unref (g->others);
  g_free (g);
}

DipCheckConsistency *
dip_check_consistency_new (void)
{
  DipCheckConsistency *self = g_new0 (DipCheckConsistency, 1);
  for (guint s = 0; s < 2; s++)
    self->by_side[s] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, group_free);
  return self;
}

void
dip_check_consistency_free (DipCheckConsistency *self)
{
  if (self == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    g_hash_table_unref (self->by_side[s]);
  g_free (self);
}

static gboolean
has_letters (const DipTokens *tokens)
{
  for (guint i = 0; i < tokens->tokens->len; i++)
    if (dip_tokens_get (tokens, i)->kind == DIP_TOKEN_WORD)
      return TRUE;
  return FALSE;
}

static void
add_to_group (GHashTable *groups, const char *key, guint index, char *other)
{
  Group *g = g_hash_table_lookup (groups, key);
  if (g == NULL)
    {
      g = g_new0 (Group, 1);
      g->beads = g_array_new (FALSE, FALSE, sizeof (guint));
      g->others = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (groups, g_strdup (key), g);
    }
  g_array_append_val (g->beads, index);
  g_ptr_array_add (g->others, other);
}

void
dip_check_consistency_bead (DipCheckRun *run, DipCheckBead *bead)
{
  gboolean want_target = dip_check_wanted (run, DIP_CHECK_INCONSISTENT_TARGET);
  gboolean want_source = dip_check_wanted (run, DIP_CHECK_INCONSISTENT_SOURCE);
  /* Numbers, dates and empty sides are the same everywhere by nature. */
  if ((!want_target && !want_source) || !has_letters (bead->tokens[DIP_SIDE_SOURCE])
      || !has_letters (bead->tokens[DIP_SIDE_TARGET]))
    return;
  const char *src = bead->normalized[DIP_SIDE_SOURCE]->str;
  const char *tgt = bead->normalized[DIP_SIDE_TARGET]->str;
  if (want_target)
    add_to_group (run->consistency->by_side[DIP_SIDE_SOURCE], src, bead->index, g_strdup (tgt));
  if (want_source)
    add_to_group (run->consistency->by_side[DIP_SIDE_TARGET], tgt, bead->index, g_strdup (src));
}

static guint
count_distinct (GPtrArray *texts)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < texts->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (texts, i));
  return g_hash_table_size (seen);
}

/* Reports every bead of a group whose other sides differ. `side` is the
 * side they share. */
static void
report_group (DipCheckRun *run, const Group *g, DipSide side)
{
  DipSide other = side == DIP_SIDE_SOURCE ? DIP_SIDE_TARGET : DIP_SIDE_SOURCE;
  DipCheckKind kind = side == DIP_SIDE_SOURCE ? DIP_CHECK_INCONSISTENT_TARGET
                                              : DIP_CHECK_INCONSISTENT_SOURCE;
  guint distinct = count_distinct (g->others);
  if (distinct < 2)
    return;
  for (guint i = 0; i < g->beads->len; i++)
    {
      guint index = g_array_index (g->beads, guint, i);
      const char *mine = g_ptr_array_index (g->others, i);
      GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) where = g_string_new (NULL);
      for (guint k = 0; k < g->beads->len; k++)
        {
          guint other_index = g_array_index (g->beads, guint, k);
          const char *text = g_ptr_array_index (run->texts, 2 * other_index + other);
          if (k == i || g_str_equal (g_ptr_array_index (g->others, k), mine))
            continue;
          g_string_append_printf (where, "%s%" G_GINT64_FORMAT, where->len ? ", " : "",
                                  g_array_index (run->bead_ids, gint64, other_index));
          if (!g_ptr_array_find_with_equal_func (suggestions, text, g_str_equal, NULL))
            g_ptr_array_add (suggestions, g_strdup (text));
        }
      const char *other_text = g_ptr_array_index (run->texts, 2 * index + other);
      dip_check_report (run, index, kind, other, 0, (guint) g_utf8_strlen (other_text, -1),
                        suggestions, "the same %s has %u different %ss (other beads: %s)",
                        dip_side_to_string (side), distinct, dip_side_to_string (other),
                        where->str);
    }
}

void
dip_check_consistency_finish (DipCheckRun *run)
{
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      GHashTableIter iter;
      gpointer value;
      g_hash_table_iter_init (&iter, run->consistency->by_side[side]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        report_group (run, value, side);
    }
}
