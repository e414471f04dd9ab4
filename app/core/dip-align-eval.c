/* dip-align-eval.c — vecalign-format alignment files and their scores. */
#include "dip-config.h"

#include <string.h>

#include <diptych/dip-align-eval.h>
#include <diptych/dip-error.h>

static void
eval_bead_clear (gpointer data)
{
  DipEvalBead *bead = data;

  g_clear_pointer (&bead->source, g_array_unref);
  g_clear_pointer (&bead->target, g_array_unref);
}

/* Parses "[1,2]" at *p into `out`; on error sets the column. */
static gboolean
parse_list (const char **p, const char *end, GArray *out)
{
  const char *s = *p;

  if (s >= end || *s != '[')
    return FALSE;
  s++;
  while (s < end && *s == ' ')
    s++;
  if (s < end && *s == ']')
    {
      *p = s + 1;
      return TRUE;
    }
  for (;;)
    {
      if (s >= end || !g_ascii_isdigit (*s))
        {
          *p = s;
          return FALSE;
        }
      guint64 value = 0;
      while (s < end && g_ascii_isdigit (*s))
        {
          value = value * 10 + (*s - '0');
          if (value > G_MAXUINT32)
            {
              *p = s;
              return FALSE;
            }
          s++;
        }
      guint v = (guint) value;
      if (out->len > 0 && g_array_index (out, guint, out->len - 1) >= v)
        {
          *p = s;
          return FALSE;   /* numbers must ascend */
        }
      g_array_append_val (out, v);
      while (s < end && *s == ' ')
        s++;
      if (s < end && *s == ',')
        {
          s++;
          while (s < end && *s == ' ')
            s++;
          continue;
        }
      if (s < end && *s == ']')
        {
          *p = s + 1;
          return TRUE;
        }
      *p = s;
      return FALSE;
    }
}

GArray *
dip_eval_parse_beads (const char *text, gsize length, const char *name, GError **error)
{
  g_autoptr (GArray) beads = g_array_new (FALSE, TRUE, sizeof (DipEvalBead));
  const char *end = text + length;
  guint line_number = 0;

  g_array_set_clear_func (beads, eval_bead_clear);
  for (const char *line = text; line < end; line_number++)
    {
      const char *eol = memchr (line, '\n', end - line);
      if (eol == NULL)
        eol = end;
      const char *stop = eol;
      while (stop > line && (stop[-1] == '\r' || stop[-1] == ' ' || stop[-1] == '\t'))
        stop--;
      const char *p = line;
      if (p < stop)
        {
          DipEvalBead bead = { g_array_new (FALSE, FALSE, sizeof (guint)),
                               g_array_new (FALSE, FALSE, sizeof (guint)) };
          gboolean ok = parse_list (&p, stop, bead.source);
          if (ok)
            ok = p < stop && *p++ == ':';
          if (ok)
            ok = parse_list (&p, stop, bead.target);
          if (ok)
            ok = p == stop;
          if (!ok)
            {
              eval_bead_clear (&bead);
              g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                           "%s:%u:%u: expected a bead such as “[1,2]:[3]”", name,
                           line_number + 1, (guint) (p - line) + 1);
              return NULL;
            }
          g_array_append_val (beads, bead);
        }
      line = eol + 1;
    }
  return g_steal_pointer (&beads);
}

GArray *
dip_eval_load_beads (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return dip_eval_parse_beads (contents, length, path, error);
}

static void
format_range (GString *out, guint start, guint count)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < count; i++)
    g_string_append_printf (out, i ? ",%u" : "%u", start + i);
  g_string_append_c (out, ']');
}

void
dip_eval_format_bead (GString *out, guint src_start, guint src_count, guint tgt_start,
                      guint tgt_count)
{
  format_range (out, src_start, src_count);
  g_string_append_c (out, ':');
  format_range (out, tgt_start, tgt_count);
  g_string_append_c (out, '\n');
}

static gboolean
is_pair (const DipEvalBead *bead)
{
  return bead->source->len > 0 && bead->target->len > 0;
}

/* Where each sentence of the reference lies: bead index + 1 per source and
   per target sentence, so that matching is linear in the number of beads. */
typedef struct
{
  GHashTable *by_source;   /* sentence + 1 → bead + 1 */
  GHashTable *by_target;
  GHashTable *exact;       /* "[..]:[..]" → bead + 1 */
} Index;

static char *
bead_key (const DipEvalBead *bead)
{
  GString *key = g_string_new (NULL);
  for (guint i = 0; i < bead->source->len; i++)
    g_string_append_printf (key, "%u,", g_array_index (bead->source, guint, i));
  g_string_append_c (key, ':');
  for (guint i = 0; i < bead->target->len; i++)
    g_string_append_printf (key, "%u,", g_array_index (bead->target, guint, i));
  return g_string_free (key, FALSE);
}

static void
index_init (Index *index, const GArray *reference, gboolean pairs_only)
{
  index->by_source = g_hash_table_new (NULL, NULL);
  index->by_target = g_hash_table_new (NULL, NULL);
  index->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < reference->len; r++)
    {
      const DipEvalBead *bead = &g_array_index (reference, DipEvalBead, r);
      if (pairs_only && !is_pair (bead))
        continue;
      g_hash_table_insert (index->exact, bead_key (bead), GUINT_TO_POINTER (r + 1));
      for (guint i = 0; i < bead->source->len; i++)
        g_hash_table_insert (index->by_source,
                             GUINT_TO_POINTER (g_array_index (bead->source, guint, i) + 1),
                             GUINT_TO_POINTER (r + 1));
      for (guint i = 0; i < bead->target->len; i++)
        g_hash_table_insert (index->by_target,
                             GUINT_TO_POINTER (g_array_index (bead->target, guint, i) + 1),
                             GUINT_TO_POINTER (r + 1));
    }
}

static void
index_clear (Index *index)
{
  g_hash_table_unref (index->by_source);
  g_hash_table_unref (index->by_target);
  g_hash_table_unref (index->exact);
}

/* Whether some reference bead holds one of the bead's source sentences and
   one of its target sentences. */
static gboolean
overlaps (const Index *index, const DipEvalBead *bead)
{
  g_autoptr (GHashTable) beads = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < bead->source->len; i++)
    {
      gpointer r = g_hash_table_lookup (index->by_source,
                                        GUINT_TO_POINTER (g_array_index (bead->source, guint, i) + 1));
      if (r != NULL)
        g_hash_table_add (beads, r);
    }
  for (guint i = 0; i < bead->target->len; i++)
    {
      gpointer r = g_hash_table_lookup (index->by_target,
                                        GUINT_TO_POINTER (g_array_index (bead->target, guint, i) + 1));
      if (r != NULL && g_hash_table_contains (beads, r))
        return TRUE;
    }
  return FALSE;
}

/* Counts the beads of `test` found in `reference`: exactly (strict) or
   overlapping on both sides (lax; an empty side matches only itself). */
static void
match (const GArray *reference, const GArray *test, gboolean pairs_only, guint *strict,
       guint *strict_miss, guint *lax, guint *lax_miss)
{
  Index index;

  index_init (&index, reference, pairs_only);
  for (guint t = 0; t < test->len; t++)
    {
      const DipEvalBead *bead = &g_array_index (test, DipEvalBead, t);
      if (bead->source->len == 0 && bead->target->len == 0)
        continue;
      if (pairs_only && !is_pair (bead))
        continue;
      g_autofree char *key = bead_key (bead);
      gboolean exact = g_hash_table_contains (index.exact, key);
      gboolean overlap = exact || (is_pair (bead) && overlaps (&index, bead));
      *(exact ? strict : strict_miss) += 1;
      *(overlap ? lax : lax_miss) += 1;
    }
  index_clear (&index);
}

void
dip_eval_count (DipEvalCounts *counts, const GArray *gold, const GArray *test)
{
  /* Precision: every test bead against the whole gold. */
  match (gold, test, FALSE, &counts->strict_tp, &counts->strict_fp, &counts->lax_tp,
         &counts->lax_fp);
  /* Recall: the gold's pairs against the test's pairs. */
  match (test, gold, TRUE, &counts->recall_strict_tp, &counts->recall_strict_fn,
         &counts->recall_lax_tp, &counts->recall_lax_fn);
}

static double
ratio (guint part, guint whole)
{
  return whole > 0 ? (double) part / whole : 0.0;
}

static double
harmonic_mean (double p, double r)
{
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void
dip_eval_scores (const DipEvalCounts *c, DipEvalScores *s)
{
  s->strict_precision = ratio (c->strict_tp, c->strict_tp + c->strict_fp);
  s->strict_recall = ratio (c->recall_strict_tp, c->recall_strict_tp + c->recall_strict_fn);
  s->strict_f1 = harmonic_mean (s->strict_precision, s->strict_recall);
  s->lax_precision = ratio (c->lax_tp, c->lax_tp + c->lax_fp);
  s->lax_recall = ratio (c->recall_lax_tp, c->recall_lax_tp + c->recall_lax_fn);
  s->lax_f1 = harmonic_mean (s->lax_precision, s->lax_recall);
}
