/* dip-glossary-suggest.c — term pairs proposed from confirmed beads.
 *
 * Candidates on each side are sequences of one to three words inside a
 * phrase (no punctuation between them) that neither start nor end with a
 * stop word, keyed by their hunspell stems so that "partenariati
 * strategici" and "partenariato strategico" count as one. A source and a
 * target candidate that occur in the same beads are associated by Dice's
 * coefficient, with Dunning's log-likelihood ratio to break ties; a pair
 * is kept when each side is the other's best partner (competitive
 * linking), and dropped when a longer pair containing it has the same
 * support, so "partenariato strategico ↔ strategic partnership" wins over
 * "strategico ↔ strategic".
 */
#include "dip-config.h"

#include <math.h>
#include <string.h>

#include <diptych/diptych.h>

#include "dip-bead-texts.h"
#include "dip-lexicon.h"
#include "dip-tokens.h"

#define MAX_WORDS 3
#define MIN_DICE 0.3
/* A longer pair wins over one it contains when it has at least this share
 * of the shorter one's support: "partenariato strategico ↔ strategic
 * partnership" over "strategico ↔ strategic". */
#define NESTED_SHARE 1.34

typedef struct
{
  char       *key;        /* " id id " of the words' lemmas (lexicon stem ids) */
  guint       df;         /* beads holding it */
  GHashTable *surfaces;   /* surface → count */
} Gram;

typedef struct
{
  gint64  bead_id;
  GArray *grams[2];       /* guint gram ids, sorted, distinct */
} BeadGrams;

typedef struct
{
  DipSide       side;
  DipTokenizer *tokenizer;
  DipLexicon   *lexicon;
  GHashTable   *stop_words;  /* folded */
  GHashTable   *gram_ids;    /* key → id + 1 */
  GPtrArray    *grams;       /* Gram*, by id */
} Side;

typedef struct
{
  Side         sides[2];
  GArray      *beads;        /* BeadGrams */
  DipTokens   *tokens;
} Suggester;

typedef struct
{
  guint   src;
  guint   tgt;
  guint   joint;
  double  dice;
  double  llr;
  gboolean dropped;
} Pair;

static void
gram_free (gpointer data)
{
  Gram *g = data;
  g_free (g->key);
  g_hash_table_unref (g->surfaces);
  g_free (g);
}

static void
bead_grams_clear (gpointer data)
{
  BeadGrams *b = data;
  g_clear_pointer (&b->grams[0], g_array_unref);
  g_clear_pointer (&b->grams[1], g_array_unref);
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->tokenizer, dip_tokenizer_free);
  g_clear_pointer (&side->lexicon, dip_lexicon_free);
  g_clear_pointer (&side->stop_words, g_hash_table_unref);
  g_clear_pointer (&side->gram_ids, g_hash_table_unref);
  g_clear_pointer (&side->grams, g_ptr_array_unref);
}

static void
suggester_clear (Suggester *s)
{
  side_clear (&s->sides[0]);
  side_clear (&s->sides[1]);
  g_clear_pointer (&s->beads, g_array_unref);
  g_clear_pointer (&s->tokens, dip_tokens_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Suggester, suggester_clear)

void
dip_term_suggestion_free (DipTermSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->src_term);
  g_free (suggestion->tgt_term);
  g_clear_pointer (&suggestion->beads, g_array_unref);
  g_free (suggestion);
}

/* dictionaries/stopwords-LANG.txt; without one, words of one or two
 * letters stand in for stop words. */
static GHashTable *
load_stop_words (const char *lang)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *primary = dip_language_tag_primary (lang);
  g_autofree char *dir = dip_dictionaries_dir ();
  g_autofree char *name = g_strdup_printf ("stopwords-%s.txt", primary);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (DipText) text = dip_text_load (path, NULL);
  if (text == NULL)
    return words;
  g_auto (GStrv) lines = g_strsplit (text->text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (*line && *line != '#')
        g_hash_table_add (words, dip_fold_case (line, -1));
    }
  return words;
}

static gboolean
side_init (Side *side, DipSide which, const char *lang, GError **error)
{
  side->side = which;
  side->tokenizer = dip_tokenizer_new (lang, error);
  if (side->tokenizer == NULL)
    return FALSE;
  side->lexicon = dip_lexicon_new (lang, NULL);
  side->stop_words = load_stop_words (lang);
  side->gram_ids = g_hash_table_new (g_str_hash, g_str_equal);
  side->grams = g_ptr_array_new_with_free_func (gram_free);
  return TRUE;
}

static gboolean
is_stop (Side *side, const DipTokens *tokens, guint i)
{
  const char *folded = dip_tokens_folded (tokens, i);
  if (dip_tokens_get (tokens, i)->kind == DIP_TOKEN_CLITIC)
    return TRUE;
  if (g_hash_table_size (side->stop_words) == 0)
    return g_utf8_strlen (folded, -1) <= 2;
  return g_hash_table_contains (side->stop_words, folded);
}

/* A word's lemma as a small id: hunspell's first ending-only stem, or the
 * folded word when it has none ("partenariati" → "partenariato"). */
static guint
lemma_id (Side *side, const DipTokens *tokens, guint i)
{
  guint n;
  const guint32 *stems = dip_lexicon_stems (side->lexicon, dip_tokens_surface (tokens, i),
                                            dip_tokens_folded (tokens, i), &n);
  return stems[n > 1 ? 1 : 0];
}

static gboolean
is_gap (const DipTokens *tokens, guint i)
{
  const DipToken *t = dip_tokens_get (tokens, i);
  const char *s = dip_tokens_surface (tokens, i);
  return t->kind == DIP_TOKEN_SPACE || (t->kind == DIP_TOKEN_PUNCT && g_str_equal (s, "-"));
}

static guint
intern_gram (Side *side, const char *key, const char *surface)
{
  gpointer id = g_hash_table_lookup (side->gram_ids, key);
  Gram *gram;
  if (id == NULL)
    {
      gram = g_new0 (Gram, 1);
      gram->key = g_strdup (key);
      gram->surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (side->grams, gram);
      id = GUINT_TO_POINTER (side->grams->len);
      g_hash_table_insert (side->gram_ids, gram->key, id);
    }
  gram = g_ptr_array_index (side->grams, GPOINTER_TO_UINT (id) - 1);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (gram->surfaces, surface));
  g_hash_table_insert (gram->surfaces, g_strdup (surface), GUINT_TO_POINTER (count + 1));
  return GPOINTER_TO_UINT (id) - 1;
}

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The candidate ids of a text, sorted and distinct. */
static GArray *
text_grams (Side *side, DipTokens *tokens, const char *text)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = tokens->tokens->len;
  for (guint i = 0; i < n; i++)
    {
      if (dip_tokens_get (tokens, i)->kind != DIP_TOKEN_WORD || is_stop (side, tokens, i))
        continue;
      g_autoptr (GString) key = g_string_new (" ");
      guint words = 0;
      for (guint j = i; j < n && words < MAX_WORDS; j++)
        {
          const DipToken *t = dip_tokens_get (tokens, j);
          if (is_gap (tokens, j))
            continue;
          if (t->kind != DIP_TOKEN_WORD && t->kind != DIP_TOKEN_CLITIC)
            break;
          g_string_append_printf (key, "%u ", lemma_id (side, tokens, j));
          words++;
          if (is_stop (side, tokens, j))
            continue;
          const DipToken *first = dip_tokens_get (tokens, i);
          g_autofree char *surface = g_strndup (text + first->byte_start,
                                                t->byte_end - first->byte_start);
          guint id = intern_gram (side, key->str, surface);
          g_array_append_val (ids, id);
        }
    }
  g_array_sort (ids, compare_uints);
  guint out = 0;
  for (guint i = 0; i < ids->len; i++)
    if (out == 0 || g_array_index (ids, guint, i) != g_array_index (ids, guint, out - 1))
      g_array_index (ids, guint, out++) = g_array_index (ids, guint, i);
  g_array_set_size (ids, out);
  return ids;
}

static gboolean
collect_bead (const DipBead *b, char *source, char *target, gpointer data, GError **error)
{
  Suggester *s = data;
  g_autofree char *src = source;
  g_autofree char *tgt = target;
  const char *texts[2] = { src, tgt };
  BeadGrams bead = { b->id, { NULL, NULL } };
  for (guint k = 0; k < 2; k++)
    {
      if (!dip_tokenizer_split (s->sides[k].tokenizer, texts[k], -1, s->tokens, error))
        return FALSE;
      bead.grams[k] = text_grams (&s->sides[k], s->tokens, texts[k]);
      for (guint i = 0; i < bead.grams[k]->len; i++)
        ((Gram *) g_ptr_array_index (s->sides[k].grams,
                                     g_array_index (bead.grams[k], guint, i)))->df++;
    }
  g_array_append_val (s->beads, bead);
  return TRUE;
}

static char *best_surface (const Gram *gram);

/* ---- scoring --------------------------------------------------------------- */

static double
xlogx (double k, double expected)
{
  return k > 0 ? k * log (k / expected) : 0.0;
}

/* Dunning's G² for a 2×2 table of bead counts. */
static double
log_likelihood (double joint, double src, double tgt, double n)
{
  double k[4] = { joint, src - joint, tgt - joint, n - src - tgt + joint };
  double row[2] = { src, n - src }, col[2] = { tgt, n - tgt };
  double g = 0.0;
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 2; c++)
      g += xlogx (k[2 * r + c], row[r] * col[c] / n);
  return 2.0 * g;
}

static guint64
pair_key (guint src, guint tgt)
{
  return ((guint64) src << 32) | tgt;
}

/* Joint counts of every source and target candidate that both occur in at
 * least `min_count` beads. */
static GHashTable *
count_pairs (Suggester *s, guint min_count)
{
  GHashTable *joint = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint b = 0; b < s->beads->len; b++)
    {
      const BeadGrams *bead = &g_array_index (s->beads, BeadGrams, b);
      for (guint i = 0; i < bead->grams[0]->len; i++)
        {
          guint src = g_array_index (bead->grams[0], guint, i);
          if (((Gram *) g_ptr_array_index (s->sides[0].grams, src))->df < min_count)
            continue;
          for (guint k = 0; k < bead->grams[1]->len; k++)
            {
              guint tgt = g_array_index (bead->grams[1], guint, k);
              if (((Gram *) g_ptr_array_index (s->sides[1].grams, tgt))->df < min_count)
                continue;
              gint64 key = (gint64) pair_key (src, tgt);
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (joint, &key));
              if (count == 0)
                g_hash_table_insert (joint, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (1));
              else
                g_hash_table_replace (joint, g_memdup2 (&key, sizeof key),
                                      GUINT_TO_POINTER (count + 1));
            }
        }
    }
  return joint;
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const Pair *x = a, *y = b;
  if (x->llr != y->llr)
    return x->llr > y->llr ? -1 : 1;
  if (x->dice != y->dice)
    return x->dice > y->dice ? -1 : 1;
  if (x->joint != y->joint)
    return x->joint > y->joint ? -1 : 1;
  return x->src != y->src ? (x->src < y->src ? -1 : 1) : (int) x->tgt - (int) y->tgt;
}

static GArray *
score_pairs (Suggester *s, GHashTable *joint, guint min_count)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  double n = s->beads->len;
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, joint);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      Pair p = { (guint) (k >> 32), (guint) (k & 0xFFFFFFFF), GPOINTER_TO_UINT (value) };
      if (p.joint < min_count)
        continue;
      double src = ((Gram *) g_ptr_array_index (s->sides[0].grams, p.src))->df;
      double tgt = ((Gram *) g_ptr_array_index (s->sides[1].grams, p.tgt))->df;
      p.dice = 2.0 * p.joint / (src + tgt);
      p.llr = log_likelihood (p.joint, src, tgt, n);
      if (p.dice >= MIN_DICE)
        g_array_append_val (pairs, p);
    }
  g_array_sort (pairs, compare_pairs);
  return pairs;
}

/* A name or code carried over unchanged ("Stoltenberg ↔ Stoltenberg")
 * is not terminology. */
static void
drop_identical (Suggester *s, GArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      g_autofree char *src = best_surface (g_ptr_array_index (s->sides[0].grams, p->src));
      g_autofree char *tgt = best_surface (g_ptr_array_index (s->sides[1].grams, p->tgt));
      g_autofree char *a = dip_fold_case (src, -1);
      g_autofree char *b = dip_fold_case (tgt, -1);
      p->dropped |= g_str_equal (a, b);
    }
}

/* Competitive linking: in order of strength, a pair is kept only if
 * neither of its sides was taken by a stronger pair. */
static void
link_competitively (GArray *pairs)
{
  g_autoptr (GHashTable) taken_src = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) taken_tgt = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      gpointer src = GUINT_TO_POINTER (p->src + 1), tgt = GUINT_TO_POINTER (p->tgt + 1);
      if (p->dropped)
        continue;
      if (g_hash_table_contains (taken_src, src) || g_hash_table_contains (taken_tgt, tgt))
        {
          p->dropped = TRUE;
          continue;
        }
      g_hash_table_add (taken_src, src);
      g_hash_table_add (taken_tgt, tgt);
    }
}

static gboolean
gram_contains (Side *side, guint outer, guint inner)
{
  const Gram *a = g_ptr_array_index (side->grams, outer);
  const Gram *b = g_ptr_array_index (side->grams, inner);
  return outer != inner && strstr (a->key, b->key) != NULL;
}

/* Drops a pair when a longer pair contains both its sides and has nearly
 * the same support: "strategico ↔ strategic" inside "partenariato
 * strategico ↔ strategic partnership". */
static void
drop_nested (Suggester *s, GArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      for (guint k = 0; k < pairs->len && !p->dropped; k++)
        {
          const Pair *q = &g_array_index (pairs, Pair, k);
          if (k == i || q->joint * NESTED_SHARE < p->joint || q->dropped)
            continue;
          gboolean src_in = q->src == p->src || gram_contains (&s->sides[0], q->src, p->src);
          gboolean tgt_in = q->tgt == p->tgt || gram_contains (&s->sides[1], q->tgt, p->tgt);
          if (src_in && tgt_in && (q->src != p->src || q->tgt != p->tgt))
            p->dropped = TRUE;
        }
    }
}

/* ---- output -------------------------------------------------------------- */

/* The way a candidate is most often written; a lower-case spelling wins
 * over one capitalised only because it began a sentence. */
static char *
best_surface (const Gram *gram)
{
  const char *best = NULL;
  guint best_count = 0;
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, gram->surfaces);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);
      if (count > best_count || (count == best_count && g_strcmp0 (key, best) > 0))
        {
          best = key;
          best_count = count;
        }
    }
  g_autofree char *lower = g_utf8_strdown (best, -1);
  if (!g_str_equal (lower, best) && g_hash_table_contains (gram->surfaces, lower))
    return g_steal_pointer (&lower);
  return g_strdup (best);
}

static gboolean
has_gram (const GArray *grams, guint id)
{
  return bsearch (&id, grams->data, grams->len, sizeof (guint), compare_uints) != NULL;
}

static DipTermSuggestion *
make_suggestion (Suggester *s, const Pair *p)
{
  DipTermSuggestion *out = g_new0 (DipTermSuggestion, 1);
  out->src_term = best_surface (g_ptr_array_index (s->sides[0].grams, p->src));
  out->tgt_term = best_surface (g_ptr_array_index (s->sides[1].grams, p->tgt));
  out->score = p->dice;
  out->llr = p->llr;
  out->count = p->joint;
  out->beads = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint b = 0; b < s->beads->len; b++)
    {
      const BeadGrams *bead = &g_array_index (s->beads, BeadGrams, b);
      if (has_gram (bead->grams[0], p->src) && has_gram (bead->grams[1], p->tgt))
        g_array_append_val (out->beads, bead->bead_id);
    }
  return out;
}

/* The lemma keys of the glossary's pairs, to leave them out. */
static GHashTable *
glossary_keys (Suggester *s, DipProject *project, GError **error)
{
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (project, error);
  if (entries == NULL)
    return NULL;
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *e = g_ptr_array_index (entries, i);
      g_autoptr (GString) key = g_string_new (NULL);
      const char *terms[2] = { e->src_term, e->tgt_term };
      for (guint k = 0; k < 2; k++)
        {
          Side *side = &s->sides[k];
          if (!dip_tokenizer_split (side->tokenizer, terms[k], -1, s->tokens, error))
            return NULL;
          g_string_append (key, k ? "|" : " ");
          for (guint t = 0; t < s->tokens->tokens->len; t++)
            if (!is_gap (s->tokens, t))
              g_string_append_printf (key, "%u ", lemma_id (side, s->tokens, t));
        }
      g_hash_table_add (keys, g_string_free (g_steal_pointer (&key), FALSE));
    }
  return keys;
}

static gboolean
in_glossary (Suggester *s, GHashTable *keys, const Pair *p)
{
  const Gram *src = g_ptr_array_index (s->sides[0].grams, p->src);
  const Gram *tgt = g_ptr_array_index (s->sides[1].grams, p->tgt);
  g_autofree char *key = g_strconcat (src->key, "|", tgt->key + 1, NULL);
  return g_hash_table_contains (keys, key);
}

GPtrArray *
dip_project_suggest_terms (DipProject *self, guint min_count, guint limit,
                           GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  if (min_count == 0)
    min_count = 2;

  g_auto (Suggester) s = { 0 };
  s.beads = g_array_new (FALSE, TRUE, sizeof (BeadGrams));
  g_array_set_clear_func (s.beads, bead_grams_clear);
  s.tokens = dip_tokens_new ();
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    if (!side_init (&s.sides[side], side, dip_project_get_lang (self, side), error))
      return NULL;
  if (!dip_project_foreach_bead_text (self, 1u << DIP_BEAD_CONFIRMED, collect_bead, &s,
                                      cancellable, error))
    return NULL;
  g_autoptr (GHashTable) known = glossary_keys (&s, self, error);
  if (known == NULL)
    return NULL;

  g_autoptr (GHashTable) joint = count_pairs (&s, min_count);
  g_autoptr (GArray) pairs = score_pairs (&s, joint, min_count);
  drop_identical (&s, pairs);
  drop_nested (&s, pairs);
  link_competitively (pairs);

  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) dip_term_suggestion_free);
  for (guint i = 0; i < pairs->len && (limit == 0 || out->len < limit); i++)
    {
      const Pair *p = &g_array_index (pairs, Pair, i);
      if (!p->dropped && !in_glossary (&s, known, p))
        g_ptr_array_add (out, make_suggestion (&s, p));
    }
  return out;
}
