/* dip-segmenter.h — paragraphs and sentences of a text, with ICU. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>
#include <diptych/dip-types.h>

G_BEGIN_DECLS

/* A stretch of a text given by byte offsets [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} DipParagraphSpan;

typedef struct
{
  gsize          start;      /* byte offsets into the whole text */
  gsize          end;
  guint          paragraph;  /* 0-based index into the paragraph spans */
  DipSegmentKind kind;
} DipSegmentSpan;

typedef struct _DipSegmenter DipSegmenter;

/* A segmenter for one language (BCP 47 tag). It uses ICU's sentence
 * iterator for the language, then applies the exception list of
 * data/segmentation/<lang>.txt (falling back to the primary subtag) and the
 * line rules of data/segmentation/lines.txt. */
DipSegmenter *dip_segmenter_new (const char *lang, GError **error);
void          dip_segmenter_free (DipSegmenter *segmenter);

/* Paragraphs are separated by blank lines (lines of only white space).
 * Returns an array of DipParagraphSpan, leading/trailing blank lines and
 * spaces excluded; empty paragraphs are skipped. */
GArray       *dip_split_paragraphs (const char *text, gsize length);

/* Segments of the whole text: an array of DipSegmentSpan in text order.
 * Offsets are trimmed of surrounding white space. */
GArray       *dip_segmenter_split (DipSegmenter *segmenter,
                                   const char   *text,
                                   gsize         length,
                                   const GArray *paragraphs,
                                   GError      **error);

/* One segment per non-blank line, unchanged (the --presegmented mode);
 * paragraphs still come from blank lines. */
GArray       *dip_split_lines (const char   *text,
                               gsize         length,
                               const GArray *paragraphs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipSegmenter, dip_segmenter_free)

G_END_DECLS
