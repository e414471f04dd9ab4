/* dip-checks.c — running the quality checks over a project.
 *
 * One pass over the beads: each bead's texts are tokenized once and
 * handed to every per-bead check; checks that compare beads collect what
 * they need and report after the pass. hunspell answers are cached per
 * word (dip-lexicon.c), which is what makes 100 000 beads take seconds.
 */
#include "dip-config.h"

#include <string.h>

#include <unicode/uloc.h>

#include <diptych/diptych.h>

#include "dip-bead-texts.h"
#include "dip-checks-private.h"
#include "dip-json.h"
#include "dip-project-private.h"

static const char *const kind_names[] = {
  "term-missing", "term-forbidden", "term-inconsistent", "inconsistent-target",
  "inconsistent-source", "spelling", "number-mismatch", "untranslated", "wrong-language",
  "repeated-word", "double-space",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == DIP_CHECK_N_KINDS);

/* How bad each kind is: what breaks meaning is an error, what a reviewer
 * should look at a warning, cosmetics info. */
static const DipSeverity kind_severity[] = {
  DIP_SEVERITY_WARNING, DIP_SEVERITY_ERROR, DIP_SEVERITY_WARNING, DIP_SEVERITY_WARNING,
  DIP_SEVERITY_WARNING, DIP_SEVERITY_WARNING, DIP_SEVERITY_ERROR, DIP_SEVERITY_ERROR,
  DIP_SEVERITY_ERROR, DIP_SEVERITY_WARNING, DIP_SEVERITY_INFO,
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_severity) == DIP_CHECK_N_KINDS);

static const char *const severity_names[] = { "error", "warning", "info" };

const char *
dip_check_kind_to_string (DipCheckKind kind)
{
  g_return_val_if_fail ((guint) kind < DIP_CHECK_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
dip_check_kind_from_string (const char *text, DipCheckKind *out_kind)
{
  for (guint i = 0; text && i < DIP_CHECK_N_KINDS; i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *out_kind = (DipCheckKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dip_severity_to_string (DipSeverity severity)
{
  g_return_val_if_fail ((guint) severity < G_N_ELEMENTS (severity_names), NULL);
  return severity_names[severity];
}

gboolean
dip_check_kinds_parse (const char *list, guint *out_kinds, GError **error)
{
  g_auto (GStrv) names = g_strsplit (list ? list : "", ",", -1);
  guint kinds = 0;
  for (guint i = 0; names[i]; i++)
    {
      char *name = g_strstrip (names[i]);
      DipCheckKind kind;
      if (*name == '\0')
        continue;
      if (!dip_check_kind_from_string (name, &kind))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) kind_names);
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                       "unknown check “%s” (known: %s)", name, known);
          return FALSE;
        }
      kinds |= 1u << kind;
    }
  if (kinds == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT, "no check kinds given");
      return FALSE;
    }
  *out_kinds = kinds;
  return TRUE;
}

void
dip_finding_free (DipFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->message);
  g_clear_pointer (&finding->suggestions, g_ptr_array_unref);
  g_free (finding->source);
  g_free (finding->target);
  g_free (finding);
}

/* ---- helpers for the check files ------------------------------------------ */

void
dip_check_report (DipCheckRun *run, guint index, DipCheckKind kind, DipSide side, guint start,
                  guint end, GPtrArray *suggestions, const char *format, ...)
{
  DipFinding *f = g_new0 (DipFinding, 1);
  va_list args;
  va_start (args, format);
  f->message = g_strdup_vprintf (format, args);
  va_end (args);
  f->kind = kind;
  f->severity = kind_severity[kind];
  f->bead_id = g_array_index (run->bead_ids, gint64, index);
  f->side = side;
  f->start = start;
  f->end = end;
  f->suggestions = suggestions ? suggestions : g_ptr_array_new_with_free_func (g_free);
  f->source = g_strdup (g_ptr_array_index (run->texts, 2 * index));
  f->target = g_strdup (g_ptr_array_index (run->texts, 2 * index + 1));
  DipCheckPending pending = { index, f };
  g_array_append_val (run->pending, pending);
}

/* Quotes of every kind compare as ASCII ones. */
static void
append_plain_quotes (GString *out, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (c)
        {
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
          g_string_append_c (out, '"');
          break;
        case 0x2018: case 0x2019:
          g_string_append_c (out, '\'');
          break;
        default:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

void
dip_check_normalize (const DipTokens *tokens, GString *out)
{
  g_string_truncate (out, 0);
  gboolean space = FALSE;
  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const DipToken *token = dip_tokens_get (tokens, i);
      if (token->kind == DIP_TOKEN_SPACE)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (token->kind == DIP_TOKEN_PUNCT)
        append_plain_quotes (out, dip_tokens_folded (tokens, i));
      else
        g_string_append (out, dip_tokens_folded (tokens, i));
    }
}

char *
dip_check_language_name (const char *lang)
{
  UChar name[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uloc_getDisplayLanguage (lang, "en", name, G_N_ELEMENTS (name), &status);
  if (U_FAILURE (status) || n <= 0 || n >= (int32_t) G_N_ELEMENTS (name))
    return g_strdup (lang);
  g_autofree char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) name, n, NULL, NULL, NULL);
  return utf8 ? g_strdup_printf ("%s (%s)", utf8, lang) : g_strdup (lang);
}

gboolean
dip_check_is_name_like (const char *surface)
{
  if (g_unichar_isupper (g_utf8_get_char (surface)))
    return TRUE;
  for (const char *p = surface; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* ---- setting up a run ------------------------------------------------------ */

static void
run_clear (DipCheckRun *run)
{
  for (guint s = 0; s < 2; s++)
    {
      g_clear_pointer (&run->tokenizer[s], dip_tokenizer_free);
      g_clear_pointer (&run->lexicon[s], dip_lexicon_free);
    }
  g_clear_pointer (&run->langid, dip_langid_free);
  g_clear_pointer (&run->terms, dip_check_terms_free);
  g_clear_pointer (&run->consistency, dip_check_consistency_free);
  g_clear_pointer (&run->spelling, dip_check_spelling_free);
  g_clear_pointer (&run->other_side, g_hash_table_unref);
  if (run->pending)
    for (guint i = 0; i < run->pending->len; i++)
      dip_finding_free (g_array_index (run->pending, DipCheckPending, i).finding);
  g_clear_pointer (&run->pending, g_array_unref);
  g_clear_pointer (&run->texts, g_ptr_array_unref);
  g_clear_pointer (&run->bead_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DipCheckRun, run_clear)

static gboolean
run_init (DipCheckRun *run, DipProject *project, guint kinds, const DipCheckOptions *options,
          GError **error)
{
  const char *hunspell_dir = options ? options->hunspell_dir : NULL;
  const char *dictionaries_dir = options ? options->dictionaries_dir : NULL;
  run->kinds = kinds;
  run->pending = g_array_new (FALSE, FALSE, sizeof (DipCheckPending));
  run->texts = g_ptr_array_new_with_free_func (g_free);
  run->bead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->other_side = g_hash_table_new (g_str_hash, g_str_equal);

  g_autoptr (GPtrArray) words = dip_project_list_words (project, NULL, error);
  if (words == NULL)
    return FALSE;
  for (DipSide side = DIP_SIDE_SOURCE; side <= DIP_SIDE_TARGET; side++)
    {
      run->lang[side] = dip_project_get_lang (project, side);
      run->tokenizer[side] = dip_tokenizer_new (run->lang[side], error);
      if (run->tokenizer[side] == NULL)
        return FALSE;
      run->lexicon[side] = dip_lexicon_new (run->lang[side], hunspell_dir);
      if (!dip_lexicon_accept_word_lists (run->lexicon[side], run->lang[side], dictionaries_dir,
                                          words, error))
        return FALSE;
    }
  /* Language is judged for the checks it spares as well: spelling and
   * terms say nothing useful about a segment in another language. */
  if (kinds & ((1u << DIP_CHECK_WRONG_LANGUAGE) | (1u << DIP_CHECK_SPELLING)
               | (1u << DIP_CHECK_TERM_MISSING)))
    run->langid = dip_langid_new (hunspell_dir);
  dip_check_numbers_init (run);

  g_autoptr (GPtrArray) glossary = dip_project_list_glossary (project, error);
  if (glossary == NULL)
    return FALSE;
  run->terms = dip_check_terms_new (run, glossary);
  run->consistency = dip_check_consistency_new ();
  run->spelling = dip_check_spelling_new ();
  return TRUE;
}

/* ---- the pass over the beads ---------------------------------------------- */

static gboolean
check_bead (DipCheckRun *run, DipCheckBead *bead, GError **error)
{
  for (guint s = 0; s < 2; s++)
    if (!dip_tokenizer_split (run->tokenizer[s], bead->text[s], -1, bead->tokens[s], error))
      return FALSE;
  bead->skip[0] = bead->skip[1] = FALSE;
  for (guint s = 0; s < 2; s++)
    {
      const DipTokens *tokens = bead->tokens[s];
      dip_check_normalize (tokens, bead->normalized[s]);
      /* Every check asks the lexicon about the same words: look each
       * up once. */
      g_ptr_array_set_size (bead->words[s], tokens->tokens->len);
      for (guint i = 0; i < tokens->tokens->len; i++)
        {
          DipTokenKind kind = dip_tokens_get (tokens, i)->kind;
          g_ptr_array_index (bead->words[s], i)
            = kind == DIP_TOKEN_SPACE || kind == DIP_TOKEN_PUNCT
                ? NULL
                : dip_lexicon_lookup (run->lexicon[s], dip_tokens_surface (tokens, i));
        }
    }
  dip_check_language_bead (run, bead);
  dip_check_terms_match (run, bead);
  dip_check_terms_bead (run, bead);
  if (dip_check_wanted (run, DIP_CHECK_SPELLING))
    dip_check_spelling_bead (run, bead);
  if (dip_check_wanted (run, DIP_CHECK_NUMBER_MISMATCH))
    dip_check_numbers_bead (run, bead);
  dip_check_typography_bead (run, bead);
  dip_check_consistency_bead (run, bead);
  return TRUE;
}

typedef struct
{
  DipCheckRun  *run;
  DipCheckBead *bead;
} PassState;

static gboolean
check_one (const DipBead *b, char *source, char *target, gpointer data, GError **error)
{
  PassState *state = data;
  DipCheckRun *run = state->run;
  DipCheckBead *bead = state->bead;
  g_ptr_array_add (run->texts, source);
  g_ptr_array_add (run->texts, target);
  g_array_append_val (run->bead_ids, b->id);
  bead->id = b->id;
  bead->index = run->bead_ids->len - 1;
  bead->text[DIP_SIDE_SOURCE] = source;
  bead->text[DIP_SIDE_TARGET] = target;
  return check_bead (run, bead, error);
}

static gboolean
check_all (DipCheckRun *run, DipProject *project, GCancellable *cancellable, GError **error)
{
  g_autoptr (DipTokens) src_tokens = dip_tokens_new ();
  g_autoptr (DipTokens) tgt_tokens = dip_tokens_new ();
  g_autoptr (GArray) src_terms = g_array_new (FALSE, FALSE, sizeof (DipTermMatch));
  g_autoptr (GArray) tgt_terms = g_array_new (FALSE, FALSE, sizeof (DipTermMatch));
  g_autoptr (GString) src_normalized = g_string_new (NULL);
  g_autoptr (GString) tgt_normalized = g_string_new (NULL);
  g_autoptr (GPtrArray) src_words = g_ptr_array_new ();
  g_autoptr (GPtrArray) tgt_words = g_ptr_array_new ();
  DipCheckBead bead = {
    .tokens = { src_tokens, tgt_tokens },
    .terms = { src_terms, tgt_terms },
    .normalized = { src_normalized, tgt_normalized },
    .words = { src_words, tgt_words },
  };
  PassState state = { run, &bead };
  guint all = (1u << DIP_BEAD_AUTO) | (1u << DIP_BEAD_CONFIRMED) | (1u << DIP_BEAD_REJECTED);
  /* The texts are kept: findings quote them. */
  if (!dip_project_foreach_bead_text (project, all, check_one, &state, cancellable, error))
    return FALSE;
  dip_check_terms_finish (run);
  dip_check_consistency_finish (run);
  dip_check_spelling_finish (run);
  return TRUE;
}

/* ---- storing and returning findings --------------------------------------- */

static int
compare_pending (gconstpointer a, gconstpointer b)
{
  const DipCheckPending *x = a, *y = b;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  if (x->finding->side != y->finding->side)
    return x->finding->side < y->finding->side ? -1 : 1;
  if (x->finding->start != y->finding->start)
    return x->finding->start < y->finding->start ? -1 : 1;
  return (int) x->finding->kind - (int) y->finding->kind;
}

static gboolean
insert_finding (DipStore *store, DipFinding *f, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "INSERT INTO finding (kind, severity, bead_id, side, start, end, message, suggestions)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  if (stmt == NULL)
    return FALSE;
  g_autoptr (GString) suggestions = g_string_new (NULL);
  dip_json_append_strings (suggestions, f->suggestions);
  sqlite3_bind_text (stmt, 1, kind_names[f->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, severity_names[f->severity], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, f->bead_id);
  sqlite3_bind_text (stmt, 4, dip_side_to_string (f->side), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) f->start);
  sqlite3_bind_int (stmt, 6, (int) f->end);
  sqlite3_bind_text (stmt, 7, f->message, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, suggestions->str, -1, SQLITE_STATIC);
  if (!dip_store_step_done (store, stmt, error))
    return FALSE;
  f->id = sqlite3_last_insert_rowid (dip_store_get_db (store));
  return TRUE;
}

static gboolean
store_in_transaction (DipStore *store, guint kinds, GPtrArray *findings, GError **error)
{
  for (guint k = 0; k < DIP_CHECK_N_KINDS; k++)
    {
      if (!(kinds & (1u << k)))
        continue;
      sqlite3_stmt *del = dip_store_statement (store, "DELETE FROM finding WHERE kind = ?1",
                                               error);
      if (del == NULL)
        return FALSE;
      sqlite3_bind_text (del, 1, kind_names[k], -1, SQLITE_STATIC);
      if (!dip_store_step_done (store, del, error))
        return FALSE;
    }
  for (guint i = 0; i < findings->len; i++)
    if (!insert_finding (store, g_ptr_array_index (findings, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
store_findings (DipProject *project, guint kinds, GPtrArray *findings, GError **error)
{
  DipStore *store = dip_project_get_store (project);
  if (!dip_store_begin (store, error))
    return FALSE;
  if (!store_in_transaction (store, kinds, findings, error))
    {
      dip_store_rollback (store);
      return FALSE;
    }
  return dip_store_commit (store, error);
}

GPtrArray *
dip_project_check (DipProject *self, guint kinds, const DipCheckOptions *options,
                   GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  kinds &= DIP_CHECK_ALL;

  g_auto (DipCheckRun) run = { 0 };
  if (!run_init (&run, self, kinds, options, error) || !check_all (&run, self, cancellable, error))
    return NULL;

  g_array_sort (run.pending, compare_pending);
  g_autoptr (GPtrArray) findings = g_ptr_array_new_full (run.pending->len,
                                                         (GDestroyNotify) dip_finding_free);
  for (guint i = 0; i < run.pending->len; i++)
    g_ptr_array_add (findings, g_array_index (run.pending, DipCheckPending, i).finding);
  g_array_set_size (run.pending, 0);

  if (!store_findings (self, kinds, findings, error))
    return NULL;
  return g_steal_pointer (&findings);
}

/* ---- reading stored findings ---------------------------------------------- */

/* A bead side's text as the checks saw it, without its non-content
   segments (dip-bead-texts.c): the findings' spans are offsets into it. */
static char *
side_text (DipStore *store, gint64 bead_id, gboolean target, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT coalesce ((SELECT group_concat (text, ' ') FROM"
    "  (SELECT s.text FROM segment s"
    "    WHERE s.document_id = CASE ?2 WHEN 0 THEN b.src_document ELSE b.tgt_document END"
    "      AND s.position >= CASE ?2 WHEN 0 THEN b.src_start ELSE b.tgt_start END"
    "      AND s.position < CASE ?2 WHEN 0 THEN b.src_start + b.src_count"
    "                                     ELSE b.tgt_start + b.tgt_count END"
    "      AND s.kind != 'non-content'"
    "    ORDER BY s.position)), '')"
    "  FROM bead b WHERE b.id = ?1",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, bead_id);
  sqlite3_bind_int (stmt, 2, target ? 1 : 0);
  int rc = sqlite3_step (stmt);
  char *text = g_strdup (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_free (text);
      dip_store_fail (store, rc, "reading a bead", error);
      return NULL;
    }
  return text;
}

static DipFinding *
read_finding (sqlite3_stmt *stmt)
{
  DipFinding *f = g_new0 (DipFinding, 1);
  f->id = sqlite3_column_int64 (stmt, 0);
  if (!dip_check_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &f->kind))
    f->kind = DIP_CHECK_N_KINDS;
  const char *severity = (const char *) sqlite3_column_text (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    if (g_strcmp0 (severity, severity_names[i]) == 0)
      f->severity = (DipSeverity) i;
  f->bead_id = sqlite3_column_int64 (stmt, 3);
  dip_side_from_string ((const char *) sqlite3_column_text (stmt, 4), &f->side);
  f->start = (guint) sqlite3_column_int (stmt, 5);
  f->end = (guint) sqlite3_column_int (stmt, 6);
  f->message = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  f->suggestions = dip_json_parse_strings ((const char *) sqlite3_column_text (stmt, 8));
  if (f->suggestions == NULL)
    f->suggestions = g_ptr_array_new_with_free_func (g_free);
  return f;
}

GPtrArray *
dip_project_list_findings (DipProject *self, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT id, kind, severity, bead_id, side, start, end, message, suggestions"
    "  FROM finding ORDER BY id",
    error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_finding_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DipFinding *f = read_finding (stmt);
      /* Kinds a newer Diptych wrote are not ours to show. */
      if (f->kind == DIP_CHECK_N_KINDS)
        dip_finding_free (f);
      else
        g_ptr_array_add (findings, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "reading findings", error);
      return NULL;
    }
  for (guint i = 0; i < findings->len; i++)
    {
      DipFinding *f = g_ptr_array_index (findings, i);
      f->source = side_text (store, f->bead_id, FALSE, error);
      f->target = f->source ? side_text (store, f->bead_id, TRUE, error) : NULL;
      if (f->target == NULL)
        return NULL;
    }
  return g_steal_pointer (&findings);
}
