/* dip-memory.h — the project as a translation memory: earlier pairs whose
 * source resembles a sentence, from the project's alignments and from
 * imported TMX and pair files alike. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <diptych/dip-project.h>

G_BEGIN_DECLS

typedef struct
{
  char   *source;      /* the bead's source text, its sentences joined by a space */
  char   *target;
  double  similarity;  /* 1 - edit distance / length of the longer, over characters */
} DipMemoryMatch;

void       dip_memory_match_free (DipMemoryMatch *match);

/* Up to `max` beads with a target whose source resembles `text` at least
 * `min_similarity` (0.5 is a usual fuzzy threshold), best first. FTS5
 * finds candidates that share words with `text`; the edit distance ranks
 * them. Sentences [skip_start, skip_start + skip_count) of document
 * `skip_document` (the bead being translated) are not offered. Array of
 * DipMemoryMatch*. */
GPtrArray *dip_project_find_translations (DipProject  *self,
                                          const char  *text,
                                          guint        max,
                                          double       min_similarity,
                                          gint64       skip_document,
                                          guint        skip_start,
                                          guint        skip_count,
                                          GError     **error);

/* Concordance: the beads of a document pair (their indexes, in order,
 * array of guint) with a sentence on either side that has every word of
 * `query` (case and accents aside, words as the full-text index cuts
 * them). A query with no word finds nothing. */
GArray    *dip_project_find_beads (DipProject  *self,
                                   gint64       src_document,
                                   gint64       tgt_document,
                                   const char  *query,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipMemoryMatch, dip_memory_match_free)

G_END_DECLS
