/* dip-project-align.c — aligning a project's documents and storing beads.
 *
 * Only content segments are aligned. The non-content segments ("- Advertise-
 * ment -", "[edit]", "[2]") between two beads pair up where the two sides
 * have alike ones, and are beads of their own otherwise, so that every
 * segment stays in exactly one bead and export can leave them out. Beads
 * the person confirmed are kept as they are and anchor the rest.
 */
#include "dip-config.h"

#include <sqlite3.h>

#include <diptych/dip-aligner.h>
#include <diptych/dip-error.h>

#include "dip-project-private.h"

typedef struct
{
  GPtrArray *segments;    /* DipSegment* */
  GArray    *content;     /* guint: segment positions of content segments */
  GPtrArray *texts;       /* const char*, per content segment */
  GArray    *paragraphs;  /* guint, per content segment */
} AlignDocument;

static void
align_document_clear (AlignDocument *doc)
{
  g_clear_pointer (&doc->segments, g_ptr_array_unref);
  g_clear_pointer (&doc->content, g_array_unref);
  g_clear_pointer (&doc->texts, g_ptr_array_unref);
  g_clear_pointer (&doc->paragraphs, g_array_unref);
}

static gboolean
align_document_load (AlignDocument *doc, DipProject *project, gint64 id, GError **error)
{
  doc->segments = dip_project_list_segments (project, id, error);
  if (doc->segments == NULL)
    return FALSE;
  doc->content = g_array_new (FALSE, FALSE, sizeof (guint));
  doc->texts = g_ptr_array_new ();
  doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const DipSegment *segment = g_ptr_array_index (doc->segments, i);
      if (segment->kind == DIP_SEGMENT_NON_CONTENT)
        continue;
      g_array_append_val (doc->content, segment->position);
      g_ptr_array_add (doc->texts, segment->text);
      g_array_append_val (doc->paragraphs, segment->paragraph);
    }
  return TRUE;
}

/* The content index of the first content segment at or after `position`. */
static guint
content_index (const AlignDocument *doc, guint position)
{
  guint lo = 0, hi = doc->content->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (doc->content, guint, mid) < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Confirmed beads, in content positions. Those of non-content segments
   only anchor nothing; they go to `kept`, in segment positions, and come
   back as they were among the beads of non-content segments. */
static GArray *
confirmed_anchors (const GArray *stored, const AlignDocument *src, const AlignDocument *tgt,
                   GArray *kept)
{
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (DipBead));

  for (guint b = 0; b < stored->len; b++)
    {
      DipBead bead = g_array_index (stored, DipBead, b);
      if (bead.status != DIP_BEAD_CONFIRMED)
        continue;
      guint s0 = content_index (src, bead.src_start);
      guint s1 = content_index (src, bead.src_start + bead.src_count);
      guint t0 = content_index (tgt, bead.tgt_start);
      guint t1 = content_index (tgt, bead.tgt_start + bead.tgt_count);
      if (s0 == s1 && t0 == t1)
        {
          g_array_append_val (kept, bead);   /* of non-content segments only */
          continue;
        }
      bead.src_start = s0;
      bead.src_count = s1 - s0;
      bead.tgt_start = t0;
      bead.tgt_count = t1 - t0;
      g_array_append_val (anchors, bead);
    }
  return anchors;
}

static gboolean
add_glossary (DipProject *project, DipDictionary *dictionary, GError **error)
{
  DipStore *store = dip_project_get_store (project);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "SELECT src_term, tgt_term FROM glossary WHERE status != 'forbidden'", error);
  if (stmt == NULL)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    dip_dictionary_add_pair (dictionary, (const char *) sqlite3_column_text (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return dip_store_fail (store, rc, "reading the glossary", error);
  return TRUE;
}

/* The confirmed bead of non-content segments in `kept` that starts at
   (src_at, tgt_at) and ends by (src_end, tgt_end); NULL if none. A bead
   with no sentence on a side may sit anywhere on that side. */
static const DipBead *
kept_bead_at (const GArray *kept, guint src_at, guint tgt_at, guint src_end, guint tgt_end)
{
  for (guint k = 0; k < kept->len; k++)
    {
      const DipBead *bead = &g_array_index (kept, DipBead, k);
      gboolean src_fits = bead->src_count == 0
                          || (bead->src_start == src_at && src_at + bead->src_count <= src_end);
      gboolean tgt_fits = bead->tgt_count == 0
                          || (bead->tgt_start == tgt_at && tgt_at + bead->tgt_count <= tgt_end);
      if (src_fits && tgt_fits)
        return bead;
    }
  return NULL;
}

/* What a non-content segment looks like, whatever its language: each run
   of letters becomes "a", each run of digits "9", spaces go, and the marks
   stay. "[edit]" and "[modifica]" are both "[a]", "[2]" is "[9]", and
   "- Advertisement -" and "- Pubblicità -" are both "-a-". */
static char *
non_content_shape (const char *text)
{
  GString *shape = g_string_new (NULL);
  char last = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char run = g_unichar_isalpha (c) ? 'a' : g_unichar_isdigit (c) ? '9' : 0;
      if (run != 0)
        {
          if (run != last)
            g_string_append_c (shape, run);
        }
      else if (!g_unichar_isspace (c))
        g_string_append_unichar (shape, c);
      last = run;
    }
  return g_string_free (shape, FALSE);
}

static gboolean
same_shape (const DipSegment *a, const DipSegment *b)
{
  g_autofree char *shape_a = non_content_shape (a->text);
  g_autofree char *shape_b = non_content_shape (b->text);
  return g_str_equal (shape_a, shape_b);
}

static inline const DipSegment *
segment_at (const AlignDocument *doc, guint position)
{
  return g_ptr_array_index (doc->segments, position);
}

/* Whether any of the segments [from, end) of `doc` looks like `segment`. */
static gboolean
has_counterpart (const AlignDocument *doc, guint from, guint end, const DipSegment *segment)
{
  for (guint k = from; k < end; k++)
    if (same_shape (segment_at (doc, k), segment))
      return TRUE;
  return FALSE;
}

/* The next bead of the non-content segments [src_at, src_end) and
   [tgt_at, tgt_end) that lie between two aligned beads. A source and a
   target segment of the same shape (the "[edit]" before a heading and the
   "[modifica]" before its translation, the "[2]" after a sentence and after
   its translation) are one bead, 1-1, as a person would pair them; the
   others are beads of their own. Export leaves all of them out. */
static DipBead
non_content_bead (const AlignDocument *src, guint src_at, guint src_end,
                  const AlignDocument *tgt, guint tgt_at, guint tgt_end)
{
  DipBead bead = { 0, src_at, 0, tgt_at, 0, 1.0, DIP_BEAD_AUTO };

  if (src_at < src_end && tgt_at < tgt_end
      && same_shape (segment_at (src, src_at), segment_at (tgt, tgt_at)))
    bead.src_count = bead.tgt_count = 1;
  else if (src_at < src_end
           && (tgt_at == tgt_end
               || !has_counterpart (tgt, tgt_at, tgt_end, segment_at (src, src_at))
               || has_counterpart (src, src_at + 1, src_end, segment_at (tgt, tgt_at))))
    bead.src_count = 1;
  else
    bead.tgt_count = 1;
  return bead;
}

/* The segment position of content segment `index`, or the end of the
   document after the last. An insertion or omission has no place on its
   empty side: it goes before the next content segment there, after any
   non-content ones, so that those can still pair with their like on the
   other side ("³⁸" after a sentence and after its translation, with the
   translator's added sentence in between). */
static guint
first_content_at (const AlignDocument *doc, guint index)
{
  return index < doc->content->len ? g_array_index (doc->content, guint, index)
                                   : doc->segments->len;
}

/* Beads over content positions → beads over segment positions, with the
   non-content segments between them paired where they correspond and in
   beads of their own otherwise, or in the confirmed bead of `kept` that
   held them. */
static GArray *
to_segment_beads (const GArray *aligned, const AlignDocument *src, const AlignDocument *tgt,
                  const GArray *kept)
{
  GArray *beads = g_array_new (FALSE, FALSE, sizeof (DipBead));
  guint src_at = 0, tgt_at = 0;
  guint n_src = src->segments->len, n_tgt = tgt->segments->len;

  for (guint b = 0; b <= aligned->len; b++)
    {
      const DipBead *bead = b < aligned->len ? &g_array_index (aligned, DipBead, b) : NULL;
      guint s0 = n_src, s1 = n_src, t0 = n_tgt, t1 = n_tgt;
      if (bead != NULL)
        {
          if (bead->src_count > 0)
            {
              s0 = g_array_index (src->content, guint, bead->src_start);
              s1 = g_array_index (src->content, guint, bead->src_start + bead->src_count - 1) + 1;
            }
          else
            s0 = s1 = first_content_at (src, bead->src_start);
          if (bead->tgt_count > 0)
            {
              t0 = g_array_index (tgt->content, guint, bead->tgt_start);
              t1 = g_array_index (tgt->content, guint, bead->tgt_start + bead->tgt_count - 1) + 1;
            }
          else
            t0 = t1 = first_content_at (tgt, bead->tgt_start);
        }
      while (src_at < s0 || tgt_at < t0)
        {
          const DipBead *confirmed = kept_bead_at (kept, src_at, tgt_at, s0, t0);
          DipBead gap = non_content_bead (src, src_at, s0, tgt, tgt_at, t0);
          if (confirmed != NULL)
            {
              gap = *confirmed;
              gap.id = 0;
              gap.src_start = src_at;
              gap.tgt_start = tgt_at;
            }
          g_array_append_val (beads, gap);
          src_at += gap.src_count;
          tgt_at += gap.tgt_count;
        }
      if (bead == NULL)
        break;
      DipBead out = *bead;
      out.id = 0;
      out.src_start = s0;
      out.src_count = s1 - s0;
      out.tgt_start = t0;
      out.tgt_count = t1 - t0;
      g_array_append_val (beads, out);
      src_at = s1;
      tgt_at = t1;
    }
  return beads;
}

gboolean
dip_project_align (DipProject *project, DipDictionary *dictionary, GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (project), FALSE);

  gint64 src_id, tgt_id;
  if (!dip_project_latest_pair (project, &src_id, &tgt_id, error))
    return FALSE;
  if (src_id == 0 || tgt_id == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND,
                   "%s: the project needs a source and a target document to align; import "
                   "them first", dip_project_get_path (project));
      return FALSE;
    }

  AlignDocument src = { 0 }, tgt = { 0 };
  gboolean ok = FALSE;
  g_autoptr (GArray) stored = NULL;
  g_autoptr (GArray) anchors = NULL;
  g_autoptr (GArray) kept = NULL;
  g_autoptr (GArray) aligned = NULL;
  g_autoptr (GArray) beads = NULL;
  g_autoptr (DipDictionary) glossary = dip_dictionary_new ();
  g_autoptr (DipAligner) aligner = dip_aligner_new ();

  if (!align_document_load (&src, project, src_id, error)
      || !align_document_load (&tgt, project, tgt_id, error))
    goto out;
  stored = dip_project_list_beads (project, src_id, tgt_id, error);
  if (stored == NULL || !add_glossary (project, dictionary ? dictionary : glossary, error))
    goto out;
  kept = g_array_new (FALSE, FALSE, sizeof (DipBead));
  anchors = confirmed_anchors (stored, &src, &tgt, kept);
  dip_aligner_set_anchors (aligner, anchors);
  dip_aligner_set_dictionary (aligner, dictionary ? dictionary : glossary);

  const char *src_lang = dip_project_get_lang (project, DIP_SIDE_SOURCE);
  const char *tgt_lang = dip_project_get_lang (project, DIP_SIDE_TARGET);
  DipAlignSide source = { (const char *const *) src.texts->pdata,
                          (const guint *) (gpointer) src.paragraphs->data, src.texts->len, src_lang };
  DipAlignSide target = { (const char *const *) tgt.texts->pdata,
                          (const guint *) (gpointer) tgt.paragraphs->data, tgt.texts->len, tgt_lang };
  /* The aligner does not say how far it is: a watcher sees the start and
     the end, and shows that work goes on in between. */
  dip_project_report_progress (project, 0);
  aligned = dip_aligner_run (aligner, &source, &target, cancellable, error);
  if (aligned == NULL)
    goto out;
  beads = to_segment_beads (aligned, &src, &tgt, kept);
  /* A person who pressed Cancel while the solution was being written out
     gets the project as it was, not an alignment they asked to stop. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_CANCELLED, "alignment cancelled");
      goto out;
    }
  ok = dip_project_replace_beads (project, src_id, tgt_id, beads, "align", error);
  if (ok)
    dip_project_report_progress (project, 1);

out:
  align_document_clear (&src);
  align_document_clear (&tgt);
  return ok;
}
