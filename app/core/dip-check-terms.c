/* dip-check-terms.c — glossary checks: a source term whose translations
 * are all missing from the target (term-missing), a forbidden target term
 * (term-forbidden), and a source term rendered by different allowed
 * target terms across the project (term-inconsistent).
 *
 * Source terms and target terms each go into a DipTermIndex; an entry
 * links a source term number to a target term number with a status.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-checks-private.h"

typedef struct
{
  guint          term;     /* target term number */
  DipTermStatus  status;
} Rendering;

typedef struct
{
  const char *text;        /* as written in the glossary */
  GArray     *renderings;  /* Rendering */
  gboolean    has_allowed; /* a preferred or admitted rendering exists */
} SourceTerm;

/* A bead where a source term is rendered by an allowed target term. */
typedef struct
{
  guint source;   /* source term number */
  guint bead;     /* bead index */
  guint term;     /* target term number */
  guint start;    /* where in the target */
  guint end;
} Usage;

struct _DipCheckTerms
{
  DipTermIndex *index[2];
  GArray       *sources;      /* SourceTerm, by source term number */
  GPtrArray    *targets;      /* const char *, by target term number */
  GArray       *forbidden;    /* gboolean, by target term number */
  GHashTable   *words[2];     /* folded words of the terms of each side */
  GPtrArray    *glossary;     /* owns the texts above */
  GArray       *usages;       /* Usage */
  /* per bead, by target term number; valid where stamp == current */
  guint64      *present;
  guint64      *allowed_here;
  guint        *first_start;
  guint        *first_end;
  guint64      *source_seen;  /* by source term number */
  GPtrArray    *replacements; /* GPtrArray* of texts by target term number, made on demand */
  guint64       stamp;
  DipTokens    *scratch;
};

static void
free_list (gpointer list)
{
  if (list != NULL)
    g_ptr_array_unref (list);
}

static void
source_term_clear (gpointer data)
{
  SourceTerm *s = data;
  g_clear_pointer (&s->renderings, g_array_unref);
}

void
dip_check_terms_free (DipCheckTerms *self)
{
  if (self == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    {
      g_clear_pointer (&self->index[s], dip_term_index_free);
      g_clear_pointer (&self->words[s], g_hash_table_unref);
    }
  g_array_unref (self->sources);
  g_ptr_array_unref (self->targets);
  g_array_unref (self->forbidden);
  g_ptr_array_unref (self->glossary);
  g_array_unref (self->usages);
  g_free (self->present);
  g_free (self->allowed_here);
  g_free (self->first_start);
  g_free (self->first_end);
  g_free (self->source_seen);
  g_ptr_array_unref (self->replacements);
  dip_tokens_free (self->scratch);
  g_free (self);
}

static void
add_words (DipCheckTerms *self, DipCheckRun *run, DipSide side, const char *term)
{
  if (!dip_tokenizer_split (run->tokenizer[side], term, -1, self->scratch, NULL))
    return;
  for (guint i = 0; i < self->scratch->tokens->len; i++)
    if (dip_token_is_word (dip_tokens_get (self->scratch, i)))
      g_hash_table_add (self->words[side], g_strdup (dip_tokens_folded (self->scratch, i)));
}

static void
add_entry (DipCheckTerms *self, DipCheckRun *run, const DipGlossaryEntry *e)
{
  int s = dip_term_index_add (self->index[DIP_SIDE_SOURCE], e->src_term, e->case_sensitive);
  int t = dip_term_index_add (self->index[DIP_SIDE_TARGET], e->tgt_term, e->case_sensitive);
  if (s < 0 || t < 0)
    return;
  add_words (self, run, DIP_SIDE_SOURCE, e->src_term);
  add_words (self, run, DIP_SIDE_TARGET, e->tgt_term);

  if ((guint) s >= self->sources->len)
    g_array_set_size (self->sources, (guint) s + 1);
  SourceTerm *source = &g_array_index (self->sources, SourceTerm, s);
  if (source->renderings == NULL)
    {
      source->text = e->src_term;
      source->renderings = g_array_new (FALSE, FALSE, sizeof (Rendering));
    }
  Rendering r = { (guint) t, e->status };
  g_array_append_val (source->renderings, r);
  source->has_allowed |= e->status != DIP_TERM_FORBIDDEN;

  if ((guint) t >= self->targets->len)
    {
      g_ptr_array_set_size (self->targets, t + 1);
      g_array_set_size (self->forbidden, (guint) t + 1);
    }
  if (g_ptr_array_index (self->targets, t) == NULL)
    g_ptr_array_index (self->targets, t) = e->tgt_term;
  if (e->status == DIP_TERM_FORBIDDEN)
    g_array_index (self->forbidden, gboolean, t) = TRUE;
}

DipCheckTerms *
dip_check_terms_new (DipCheckRun *run, GPtrArray *glossary)
{
  DipCheckTerms *self = g_new0 (DipCheckTerms, 1);
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      self->index[side] = dip_term_index_new (run->tokenizer[side], run->lexicon[side]);
      self->words[side] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->sources = g_array_new (FALSE, TRUE, sizeof (SourceTerm));
  g_array_set_clear_func (self->sources, source_term_clear);
  self->targets = g_ptr_array_new ();
  self->forbidden = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->glossary = g_ptr_array_ref (glossary);
  self->usages = g_array_new (FALSE, FALSE, sizeof (Usage));
  self->scratch = dip_tokens_new ();

  for (guint i = 0; i < glossary->len; i++)
    add_entry (self, run, g_ptr_array_index (glossary, i));

  guint n_targets = self->targets->len;
  self->present = g_new0 (guint64, n_targets);
  self->allowed_here = g_new0 (guint64, n_targets);
  self->first_start = g_new0 (guint, n_targets);
  self->first_end = g_new0 (guint, n_targets);
  self->source_seen = g_new0 (guint64, self->sources->len);
  self->replacements = g_ptr_array_new_full (n_targets, free_list);
  g_ptr_array_set_size (self->replacements, n_targets);
  return self;
}

gboolean
dip_check_terms_has_word (DipCheckRun *run, DipSide side, const char *folded)
{
  return g_hash_table_contains (run->terms->words[side], folded);
}

void
dip_check_terms_match (DipCheckRun *run, DipCheckBead *bead)
{
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    if (dip_term_index_get_size (run->terms->index[side]) > 0)
      dip_term_index_find_words (run->terms->index[side], bead->tokens[side],
                                 (DipLexiconWord *const *) bead->words[side]->pdata,
                                 bead->terms[side]);
    else
      g_array_set_size (bead->terms[side], 0);
}

static GPtrArray *
allowed_texts (DipCheckTerms *self, const SourceTerm *source)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  /* Preferred renderings first, then admitted ones. */
  for (DipTermStatus status = DIP_TERM_PREFERRED; status <= DIP_TERM_ADMITTED; status++)
    for (guint i = 0; i < source->renderings->len; i++)
      {
        const Rendering *r = &g_array_index (source->renderings, Rendering, i);
        const char *text = g_ptr_array_index (self->targets, r->term);
        if (r->status == status
            && !g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL))
          g_ptr_array_add (texts, g_strdup (text));
      }
  return texts;
}

/* Marks which target terms the target holds, and where first. */
static void
mark_present (DipCheckTerms *self, const GArray *matches)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const DipTermMatch *m = &g_array_index (matches, DipTermMatch, i);
      if (self->present[m->term] == self->stamp)
        continue;
      self->present[m->term] = self->stamp;
      self->first_start[m->term] = m->start;
      self->first_end[m->term] = m->end;
    }
}

/* One source term found in the source: are its translations there? */
static void
check_source_term (DipCheckRun *run, DipCheckBead *bead, const DipTermMatch *m)
{
  DipCheckTerms *self = run->terms;
  const SourceTerm *source = &g_array_index (self->sources, SourceTerm, m->term);
  gboolean rendered = FALSE;

  for (guint i = 0; i < source->renderings->len; i++)
    {
      const Rendering *r = &g_array_index (source->renderings, Rendering, i);
      /* Rendered by a forbidden term: term-forbidden says it, and says
       * it better. */
      if (r->status == DIP_TERM_FORBIDDEN)
        {
          rendered |= self->present[r->term] == self->stamp;
          continue;
        }
      self->allowed_here[r->term] = self->stamp;
      if (self->present[r->term] != self->stamp)
        continue;
      rendered = TRUE;
      Usage usage = { m->term, bead->index, r->term, self->first_start[r->term],
                      self->first_end[r->term] };
      g_array_append_val (self->usages, usage);
    }
  if (rendered || !dip_check_wanted (run, DIP_CHECK_TERM_MISSING) || bead->skip[DIP_SIDE_TARGET])
    return;

  g_autofree char *found = g_utf8_substring (bead->text[DIP_SIDE_SOURCE], m->start, m->end);
  GPtrArray *suggestions = allowed_texts (self, source);
  g_autoptr (GString) wanted = g_string_new (NULL);
  for (guint i = 0; i < suggestions->len; i++)
    g_string_append_printf (wanted, "%s%s", i ? "” or “" : "",
                            (const char *) g_ptr_array_index (suggestions, i));
  dip_check_report (run, bead->index, DIP_CHECK_TERM_MISSING, DIP_SIDE_SOURCE, m->start, m->end,
                    suggestions, "“%s” (glossary: %s) is not translated as “%s”", found,
                    source->text, wanted->str);
}

static gpointer
copy_string (gconstpointer text, gpointer data)
{
  return g_strdup (text);
}

static GPtrArray *
find_replacements (DipCheckTerms *self, guint term)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < self->sources->len; s++)
    {
      const SourceTerm *source = &g_array_index (self->sources, SourceTerm, s);
      for (guint i = 0; source->renderings && i < source->renderings->len; i++)
        {
          const Rendering *r = &g_array_index (source->renderings, Rendering, i);
          if (r->term != term || r->status != DIP_TERM_FORBIDDEN)
            continue;
          g_autoptr (GPtrArray) allowed = allowed_texts (self, source);
          for (guint k = 0; k < allowed->len; k++)
            if (!g_ptr_array_find_with_equal_func (texts, allowed->pdata[k], g_str_equal, NULL))
              g_ptr_array_add (texts, g_strdup (allowed->pdata[k]));
        }
    }
  return texts;
}

/* Allowed renderings of the source terms for which target term `term` is
 * forbidden; a new copy of the list made once per term. */
static GPtrArray *
replacements_for (DipCheckTerms *self, guint term)
{
  GPtrArray *known = g_ptr_array_index (self->replacements, term);
  if (known == NULL)
    {
      known = find_replacements (self, term);
      g_ptr_array_index (self->replacements, term) = known;
    }
  return g_ptr_array_copy (known, copy_string, NULL);
}

/* A forbidden term in the target, unless the glossary allows that very
 * term for another source term this bead has. */
static void
check_forbidden (DipCheckRun *run, DipCheckBead *bead)
{
  DipCheckTerms *self = run->terms;
  const GArray *matches = bead->terms[DIP_SIDE_TARGET];
  for (guint i = 0; i < matches->len; i++)
    {
      const DipTermMatch *m = &g_array_index (matches, DipTermMatch, i);
      if (!g_array_index (self->forbidden, gboolean, m->term)
          || self->allowed_here[m->term] == self->stamp)
        continue;
      g_autofree char *found = g_utf8_substring (bead->text[DIP_SIDE_TARGET], m->start, m->end);
      dip_check_report (run, bead->index, DIP_CHECK_TERM_FORBIDDEN, DIP_SIDE_TARGET, m->start,
                        m->end, replacements_for (self, m->term),
                        "“%s” is a forbidden term (glossary: %s)", found,
                        (const char *) g_ptr_array_index (self->targets, m->term));
    }
}

void
dip_check_terms_bead (DipCheckRun *run, DipCheckBead *bead)
{
  DipCheckTerms *self = run->terms;
  if (self->sources->len == 0)
    return;
  self->stamp++;
  mark_present (self, bead->terms[DIP_SIDE_TARGET]);

  const GArray *matches = bead->terms[DIP_SIDE_SOURCE];
  for (guint i = 0; i < matches->len; i++)
    {
      const DipTermMatch *m = &g_array_index (matches, DipTermMatch, i);
      const SourceTerm *source = &g_array_index (self->sources, SourceTerm, m->term);
      /* Each source term once per bead: once is enough to say it. */
      if (self->source_seen[m->term] == self->stamp || !source->has_allowed)
        continue;
      self->source_seen[m->term] = self->stamp;
      check_source_term (run, bead, m);
    }
  if (dip_check_wanted (run, DIP_CHECK_TERM_FORBIDDEN) && !bead->skip[DIP_SIDE_TARGET])
    check_forbidden (run, bead);
}

/* ---- term-inconsistent --------------------------------------------------- */

static int
compare_usages (gconstpointer a, gconstpointer b)
{
  const Usage *x = a, *y = b;
  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  if (x->bead != y->bead)
    return x->bead < y->bead ? -1 : 1;
  return (int) x->term - (int) y->term;
}

static DipTermStatus
rendering_status (const SourceTerm *source, guint term)
{
  for (guint i = 0; i < source->renderings->len; i++)
    {
      const Rendering *r = &g_array_index (source->renderings, Rendering, i);
      if (r->term == term && r->status != DIP_TERM_FORBIDDEN)
        return r->status;
    }
  return DIP_TERM_ADMITTED;
}

/* The rendering most beads use: the one to keep. Ties go to the
 * preferred term, then to the glossary's order. */
static guint
dominant_rendering (const SourceTerm *source, const Usage *usages, guint n, GHashTable *counts)
{
  for (guint i = 0; i < n; i++)
    {
      gpointer key = GUINT_TO_POINTER (usages[i].term + 1);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (count + 1));
    }
  guint best = usages[0].term, best_count = 0;
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint term = GPOINTER_TO_UINT (key) - 1, count = GPOINTER_TO_UINT (value);
      gboolean better = count > best_count
                        || (count == best_count
                            && (rendering_status (source, term) < rendering_status (source, best)
                                || (rendering_status (source, term)
                                      == rendering_status (source, best)
                                    && term < best)));
      if (better)
        {
          best = term;
          best_count = count;
        }
    }
  return best;
}

static void
report_inconsistent (DipCheckRun *run, const SourceTerm *source, const Usage *usages, guint n)
{
  DipCheckTerms *self = run->terms;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint dominant = dominant_rendering (source, usages, n, counts);
  if (g_hash_table_size (counts) < 2)
    return;
  guint dominant_beads = GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                GUINT_TO_POINTER (dominant + 1)));
  const char *dominant_text = g_ptr_array_index (self->targets, dominant);

  for (guint first = 0; first < n;)
    {
      guint last = first;
      gboolean uses_dominant = FALSE;
      while (last < n && usages[last].bead == usages[first].bead)
        uses_dominant |= usages[last++].term == dominant;
      if (!uses_dominant)
        {
          const Usage *u = &usages[first];
          GPtrArray *suggestions = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (suggestions, g_strdup (dominant_text));
          dip_check_report (run, u->bead, DIP_CHECK_TERM_INCONSISTENT, DIP_SIDE_TARGET, u->start,
                            u->end, suggestions,
                            "“%s” is rendered “%s” here but “%s” in %u other bead%s",
                            source->text, (const char *) g_ptr_array_index (self->targets, u->term),
                            dominant_text, dominant_beads, dominant_beads == 1 ? "" : "s");
        }
      first = last;
    }
}

void
dip_check_terms_finish (DipCheckRun *run)
{
  DipCheckTerms *self = run->terms;
  if (!dip_check_wanted (run, DIP_CHECK_TERM_INCONSISTENT) || self->usages->len == 0)
    return;
  g_array_sort (self->usages, compare_usages);
  const Usage *usages = (const Usage *) (gpointer) self->usages->data;
  for (guint first = 0; first < self->usages->len;)
    {
      guint last = first;
      while (last < self->usages->len && usages[last].source == usages[first].source)
        last++;
      report_inconsistent (run, &g_array_index (self->sources, SourceTerm, usages[first].source),
                           usages + first, last - first);
      first = last;
    }
}
