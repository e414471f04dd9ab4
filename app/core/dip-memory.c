/* dip-memory.c — fuzzy matches from the project's own pairs.
 *
 * Two steps, as translation memories do: the full-text index proposes the
 * source sentences that share the most words with the query (cheap, over
 * millions of segments), then an edit distance over characters measures
 * how close each candidate's whole bead is, which is what a translator
 * means by a "75 % match".
 */
#include "dip-config.h"

#include <diptych/diptych.h>

#include "dip-project-private.h"

/* Candidates the index proposes for one query. */
#define MAX_CANDIDATES 60
/* Words of the query that go into the index query: its rarest. */
#define MAX_QUERY_WORDS 8
/* Segments the index may have to rank for one query: words that would
   bring in more are too common to tell similar sentences apart. */
#define MAX_POSTINGS 5000
/* Longer texts are compared on their first characters only: the distance
   is quadratic, and a match that long is rare and obvious. */
#define MAX_COMPARED_CHARS 600

void
dip_memory_match_free (DipMemoryMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->source);
  g_free (match->target);
  g_free (match);
}

/* How many segments hold `word`, counted up to MAX_POSTINGS + 1 (beyond
   that a word is too common to matter, and counting on would read its
   whole list in the index). */
static gint64
document_frequency (DipStore *store, const char *word, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT count(*) FROM (SELECT rowid FROM segment_fts WHERE segment_fts MATCH ?1 LIMIT ?2)",
    error);
  if (stmt == NULL)
    return -1;
  g_autofree char *phrase = g_strdup_printf ("\"%s\"", word);
  sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MAX_POSTINGS + 1);
  int rc = sqlite3_step (stmt);
  gint64 n = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      dip_store_fail (store, rc, "searching the translation memory", error);
      return -1;
    }
  return n;
}

typedef struct
{
  char   *word;
  gint64  frequency;
} QueryWord;

static int
by_frequency (gconstpointer a, gconstpointer b)
{
  const QueryWord *x = a, *y = b;
  return (x->frequency > y->frequency) - (x->frequency < y->frequency);
}

static void
query_word_clear (gpointer data)
{
  g_free (((QueryWord *) data)->word);
}

/* The next run of letters and digits at or after *p, its length in
   `length`; moves *p past it. NULL at the end of the text. Only such runs
   go into an FTS5 query, quoted, so nothing needs escaping. */
static const char *
next_query_word (const char **p, gsize *length)
{
  const char *at = *p;

  while (*at != '\0' && !g_unichar_isalnum (g_utf8_get_char (at)))
    at = g_utf8_next_char (at);
  const char *start = at;
  while (*at != '\0' && g_unichar_isalnum (g_utf8_get_char (at)))
    at = g_utf8_next_char (at);
  *p = at;
  *length = at - start;
  return at > start ? start : NULL;
}

/* The query's rarest words as an FTS5 query, any of them. Common words
   ("the", "di") would make the index rank most of a book; the rare ones
   are what a similar sentence must share. NULL, without error, when the
   text has no word to look for. */
static char *
fts_query (DipStore *store, const char *text, GError **error)
{
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (QueryWord));
  g_array_set_clear_func (words, query_word_clear);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text, *start;
  gsize length;

  while ((start = next_query_word (&p, &length)) != NULL)
    {
      if (g_utf8_strlen (start, length) < 2)
        continue;
      g_autofree char *word = g_utf8_casefold (start, length);
      if (!g_hash_table_add (seen, g_strdup (word)))
        continue;
      gint64 frequency = document_frequency (store, word, error);
      if (frequency < 0)
        return NULL;
      QueryWord entry = { g_steal_pointer (&word), frequency };
      g_array_append_val (words, entry);
    }
  g_array_sort (words, by_frequency);

  g_autoptr (GString) query = g_string_new (NULL);
  gint64 postings = 0;
  for (guint i = 0; i < words->len && i < MAX_QUERY_WORDS; i++)
    {
      const QueryWord *w = &g_array_index (words, QueryWord, i);
      /* The rarest word always; more while the index has few segments to
         rank for them. */
      postings += w->frequency;
      if (i > 0 && postings > MAX_POSTINGS)
        break;
      /* Letters and digits only: nothing to escape inside the quotes. */
      g_string_append_printf (query, "%s\"%s\"", query->len ? " OR " : "", w->word);
    }
  return query->len ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* Levenshtein distance over code points, in one row of memory. */
static guint
edit_distance (const gunichar *a, guint n, const gunichar *b, guint m)
{
  g_autofree guint *row = g_new (guint, m + 1);

  for (guint j = 0; j <= m; j++)
    row[j] = j;
  for (guint i = 1; i <= n; i++)
    {
      guint diagonal = row[0];
      row[0] = i;
      for (guint j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint best = diagonal + (a[i - 1] != b[j - 1]);
          best = MIN (best, above + 1);
          best = MIN (best, row[j - 1] + 1);
          row[j] = best;
          diagonal = above;
        }
    }
  return row[m];
}

static gunichar *
folded_chars (const char *text, guint *out_n)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  glong n = 0;
  gunichar *chars = g_utf8_to_ucs4_fast (folded, -1, &n);
  *out_n = MIN ((guint) n, MAX_COMPARED_CHARS);
  return chars;
}

static double
similarity (const gunichar *a, guint n, const char *text)
{
  guint m;
  g_autofree gunichar *b = folded_chars (text, &m);
  guint longer = MAX (n, m);
  return longer == 0 ? 1.0 : 1.0 - (double) edit_distance (a, n, b, m) / longer;
}

/* The texts of segments [start, start + count) of a document joined. */
static char *
join_segments (DipStore *store, gint64 document, guint start, guint count, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT text FROM segment WHERE document_id = ?1 AND position >= ?2 AND position < ?3"
    " ORDER BY position",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, (gint64) start + count);
  g_autoptr (GString) text = g_string_new (NULL);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s", text->len ? " " : "",
                            (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "reading segments", error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The target document a source document is aligned with, 0 if none. */
static gint64
partner_document (DipStore *store, gint64 src_document, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT tgt_document FROM bead WHERE src_document = ?1 LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, src_document);
  int rc = sqlite3_step (stmt);
  gint64 partner = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, "finding aligned documents", error);
      return -1;
    }
  return partner;
}

typedef struct
{
  gint64 document;
  guint  position;
} Candidate;

/* The (document, position) rows a bound statement selects. */
static GArray *
read_candidates (DipStore *store, sqlite3_stmt *stmt, const char *what, GError **error)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { sqlite3_column_int64 (stmt, 0), (guint) sqlite3_column_int (stmt, 1) };
      g_array_append_val (candidates, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dip_store_fail (store, rc, what, error);
      return NULL;
    }
  return g_steal_pointer (&candidates);
}

static GArray *
find_candidates (DipStore *store, const char *query, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT s.document_id, s.position FROM segment_fts f"
    "  JOIN segment s ON s.id = f.rowid"
    "  JOIN document d ON d.id = s.document_id AND d.side = 'source'"
    " WHERE segment_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MAX_CANDIDATES);
  return read_candidates (store, stmt, "searching the translation memory", error);
}

static int
by_similarity (gconstpointer a, gconstpointer b)
{
  const DipMemoryMatch *x = *(DipMemoryMatch *const *) a, *y = *(DipMemoryMatch *const *) b;
  return (x->similarity < y->similarity) - (x->similarity > y->similarity);
}

GPtrArray *
dip_project_find_translations (DipProject *self, const char *text, guint max,
                               double min_similarity, gint64 skip_document, guint skip_start,
                               guint skip_count, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  DipStore *store = dip_project_get_store (self);
  g_autoptr (GPtrArray) matches = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_memory_match_free);
  if (max == 0)
    return g_steal_pointer (&matches);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *query = fts_query (store, text, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (query == NULL)
    return g_steal_pointer (&matches);
  g_autoptr (GArray) candidates = find_candidates (store, query, error);
  if (candidates == NULL)
    return NULL;

  guint n_query;
  g_autofree gunichar *query_chars = folded_chars (text, &n_query);
  /* One bead may hold several candidates; each pair is offered once. */
  g_autoptr (GHashTable) offered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      if (c->document == skip_document && c->position >= skip_start
          && c->position < skip_start + skip_count)
        continue;
      gint64 partner = partner_document (store, c->document, error);
      DipBead bead = { 0 };
      guint index = G_MAXUINT;
      if (partner < 0
          || (partner > 0 && !dip_project_find_bead_holding (self, c->document, partner,
                                                             DIP_SIDE_SOURCE, c->position,
                                                             &index, &bead, error)))
        return NULL;
      if (partner == 0 || index == G_MAXUINT || bead.tgt_count == 0)
        continue;
      g_autofree char *source = join_segments (store, c->document, bead.src_start,
                                               bead.src_count, error);
      g_autofree char *target = source ? join_segments (store, partner, bead.tgt_start,
                                                        bead.tgt_count, error) : NULL;
      if (target == NULL)
        return NULL;
      g_autofree char *key = g_strconcat (source, "\t", target, NULL);
      double score = similarity (query_chars, n_query, source);
      if (score < min_similarity || !g_hash_table_add (offered, g_steal_pointer (&key)))
        continue;
      DipMemoryMatch *match = g_new0 (DipMemoryMatch, 1);
      match->source = g_steal_pointer (&source);
      match->target = g_steal_pointer (&target);
      match->similarity = score;
      g_ptr_array_add (matches, match);
    }
  g_ptr_array_sort (matches, by_similarity);
  if (matches->len > max)
    g_ptr_array_set_size (matches, max);
  return g_steal_pointer (&matches);
}

/* ---- concordance ---------------------------------------------------------- */

/* Every word of the query, each quoted (so that no character of the
   person's text is read as FTS5 syntax), all of them required. */
static char *
all_words_query (const char *text)
{
  g_autoptr (GString) query = g_string_new (NULL);
  const char *p = text, *start;
  gsize length;

  while ((start = next_query_word (&p, &length)) != NULL)
    g_string_append_printf (query, "%s\"%.*s\"", query->len ? " AND " : "", (int) length, start);
  return query->len ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

static int
compare_indexes (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

GArray *
dip_project_find_beads (DipProject *self, gint64 src_document, gint64 tgt_document,
                        const char *query, GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  DipStore *store = dip_project_get_store (self);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *fts = all_words_query (query);

  if (fts == NULL)
    return g_steal_pointer (&found);
  sqlite3_stmt *stmt = dip_store_statement (
    store,
    "SELECT s.document_id, s.position FROM segment_fts f JOIN segment s ON s.id = f.rowid"
    " WHERE segment_fts MATCH ?1 AND s.document_id IN (?2, ?3)",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, src_document);
  sqlite3_bind_int64 (stmt, 3, tgt_document);
  g_autoptr (GArray) hits = read_candidates (store, stmt, "searching the project", error);
  if (hits == NULL)
    return NULL;

  g_autoptr (GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < hits->len; i++)
    {
      const Candidate *c = &g_array_index (hits, Candidate, i);
      guint index;
      DipBead bead;
      if (!dip_project_find_bead_holding (self, src_document, tgt_document,
                                          c->document == src_document ? DIP_SIDE_SOURCE
                                                                      : DIP_SIDE_TARGET,
                                          c->position, &index, &bead, error))
        return NULL;
      if (index != G_MAXUINT && g_hash_table_add (seen, GUINT_TO_POINTER (index + 1)))
        g_array_append_val (found, index);
    }
  g_array_sort (found, compare_indexes);
  return g_steal_pointer (&found);
}
