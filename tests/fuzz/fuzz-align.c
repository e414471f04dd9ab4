/* fuzz-align.c — libFuzzer target: bytes as two texts of one sentence a
 * line, separated by a NUL byte, aligned with and without a confirmed bead
 * in the middle, and once more in paragraphs (a line that starts with a
 * tab starts one), which a summary's priors and a translation's paragraph
 * ends read. Whatever the sentences (empty, huge, repeated, numbers
 * only, any script), the beads must cover both sides in order, each
 * sentence once, with shapes the aligner allows and confidences in [0,1];
 * a confirmed bead must come back as it was. */
#include <math.h>
#include <string.h>

#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The lines of `text` as valid UTF-8 sentences: the aligner takes UTF-8,
   which every importer checks before it. */
static GPtrArray *
sentences_of (const char *text, gsize length)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *end = text + length;

  for (const char *line = text; line < end;)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *stop = newline ? newline : end;
      g_ptr_array_add (sentences, g_utf8_make_valid (line, stop - line));
      line = stop + 1;
    }
  return sentences;
}

/* Each sentence's paragraph: a sentence that starts with a tab starts a
   new one. */
static guint *
paragraphs_of (const GPtrArray *sentences)
{
  guint *paragraphs = g_new0 (guint, sentences->len + 1);
  guint paragraph = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      const char *sentence = g_ptr_array_index (sentences, i);
      if (i > 0 && sentence[0] == '\t')
        paragraph++;
      paragraphs[i] = paragraph;
    }
  return paragraphs;
}

static void
check_beads (const GArray *beads, guint n, guint m, const DipBead *anchor)
{
  guint src_at = 0, tgt_at = 0;
  gboolean anchor_seen = anchor == NULL;

  for (guint b = 0; b < beads->len; b++)
    {
      const DipBead *bead = &g_array_index (beads, DipBead, b);
      if (bead->src_start != src_at || bead->tgt_start != tgt_at)
        __builtin_trap ();
      if (bead->src_count + bead->tgt_count == 0 || bead->src_count > 5 || bead->tgt_count > 5
          || (bead->src_count > 1 && bead->tgt_count > 1 && bead->src_count + bead->tgt_count > 5))
        __builtin_trap ();
      if (!(bead->confidence >= 0.0 && bead->confidence <= 1.0))
        __builtin_trap ();
      if (anchor != NULL && bead->src_start == anchor->src_start
          && bead->tgt_start == anchor->tgt_start && bead->src_count == anchor->src_count
          && bead->tgt_count == anchor->tgt_count && bead->status == anchor->status)
        anchor_seen = TRUE;
      src_at += bead->src_count;
      tgt_at += bead->tgt_count;
    }
  if (src_at != n || tgt_at != m || !anchor_seen)
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  const char *text = (const char *) data;
  const char *nul = memchr (text, '\0', size);
  gsize source_length = nul ? (gsize) (nul - text) : size;
  g_autoptr (GPtrArray) source = sentences_of (text, source_length);
  g_autoptr (GPtrArray) target = nul ? sentences_of (nul + 1, size - source_length - 1)
                                     : g_ptr_array_new_with_free_func (g_free);
  DipAlignSide src = { (const char *const *) source->pdata, NULL, source->len, "de" };
  DipAlignSide tgt = { (const char *const *) target->pdata, NULL, target->len, "fr" };
  g_autoptr (DipAligner) aligner = dip_aligner_new ();
  g_autoptr (GError) error = NULL;

  g_autoptr (GArray) beads = dip_aligner_run (aligner, &src, &tgt, NULL, &error);
  if (beads == NULL)
    __builtin_trap ();
  check_beads (beads, source->len, target->len, NULL);

  if (source->len > 0 && target->len > 0)
    {
      g_autoptr (GArray) anchors = g_array_new (FALSE, FALSE, sizeof (DipBead));
      DipBead anchor = { 0, source->len / 2, 1, target->len / 2, 1, 1.0, DIP_BEAD_CONFIRMED };
      g_array_append_val (anchors, anchor);
      dip_aligner_set_anchors (aligner, anchors);
      g_autoptr (GArray) anchored = dip_aligner_run (aligner, &src, &tgt, NULL, &error);
      if (anchored == NULL)
        __builtin_trap ();
      check_beads (anchored, source->len, target->len, &anchor);
    }

  g_autofree guint *source_paragraphs = paragraphs_of (source);
  g_autofree guint *target_paragraphs = paragraphs_of (target);
  src.paragraphs = source_paragraphs;
  tgt.paragraphs = target_paragraphs;
  dip_aligner_set_anchors (aligner, NULL);
  g_autoptr (GArray) in_paragraphs = dip_aligner_run (aligner, &src, &tgt, NULL, &error);
  if (in_paragraphs == NULL)
    __builtin_trap ();
  check_beads (in_paragraphs, source->len, target->len, NULL);
  return 0;
}
