/* dip-aligner.h — sentence alignment of a text and its translation.
 *
 * The aligner pairs runs of source sentences with runs of target sentences
 * (beads from 0-1 and 1-0 up to 5-1 and 1-5) by a dynamic program over
 * lengths (Gale–Church), lexical anchors that need no dictionary (numbers,
 * names, cognates after ICU Latin-ASCII, quotation, question and
 * exclamation marks), an optional bilingual dictionary and word
 * translations learnt from its own first pass (IBM Model 1). The program
 * runs in a band around a coarse path, so memory grows linearly. Each
 * bead's confidence is its posterior probability; a translation keeps the
 * path whose beads are most likely right, a summary the likeliest path.
 */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-dictionary.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

/* One side of an alignment problem: its sentences in UTF-8, checked before
 * (every importer does). `paragraphs` (nullable) gives each sentence's
 * paragraph number; beads avoid crossing paragraph ends. */
typedef struct
{
  const char *const *sentences;
  const guint       *paragraphs;
  guint              n_sentences;
  const char        *lang;
} DipAlignSide;

typedef struct _DipAligner DipAligner;

DipAligner *dip_aligner_new            (void);
void        dip_aligner_free           (DipAligner *self);

/* The aligner does not take ownership; the dictionary must outlive it. */
void        dip_aligner_set_dictionary (DipAligner    *self,
                                        DipDictionary *dictionary);

/* Confirmed beads (positions in the two sides) are kept as they are and
 * only the stretches between them are solved. They must be in order and
 * must not overlap. Array of DipBead. */
void        dip_aligner_set_anchors    (DipAligner   *self,
                                        const GArray *anchors);

/* Aligns the two sides. Returns the beads in order (array of DipBead with
 * id 0), covering every sentence of both sides exactly once. */
GArray     *dip_aligner_run            (DipAligner          *self,
                                        const DipAlignSide  *source,
                                        const DipAlignSide  *target,
                                        GCancellable        *cancellable,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipAligner, dip_aligner_free)

/* Aligns the project's latest source and target documents and stores the
 * beads in one transaction. Confirmed beads already stored are kept as
 * anchors. Non-content segments are not aligned: those between the same
 * two beads pair up 1-1 when they look alike ("[edit]" and "[modifica]"),
 * and the others become beads of their own (1-0 or 0-1).
 * `dictionary` may be NULL; the project glossary is always used (its terms
 * are added to `dictionary` when one is given). */
gboolean    dip_project_align          (DipProject     *project,
                                        DipDictionary  *dictionary,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_END_DECLS
