/* dip-types.h — small enums shared by every part of libdiptych. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DIP_SIDE_SOURCE,
  DIP_SIDE_TARGET,
} DipSide;

/* What a segment is. Everything but NON_CONTENT takes part in alignment;
 * NON_CONTENT lines (advertisement marks, "[edit]" markers, newsletter
 * promos) are kept so that nothing of the document is lost. */
typedef enum
{
  DIP_SEGMENT_SENTENCE,
  DIP_SEGMENT_HEADING,
  DIP_SEGMENT_DATE,
  DIP_SEGMENT_LIST_ITEM,
  DIP_SEGMENT_TABLE_ROW,
  DIP_SEGMENT_NON_CONTENT,
} DipSegmentKind;

typedef enum
{
  DIP_BEAD_AUTO,
  DIP_BEAD_CONFIRMED,
  DIP_BEAD_REJECTED,
} DipBeadStatus;

const char *dip_side_to_string (DipSide side);
gboolean    dip_side_from_string (const char *text, DipSide *out_side);

const char *dip_segment_kind_to_string (DipSegmentKind kind);
gboolean    dip_segment_kind_from_string (const char *text, DipSegmentKind *out_kind);

const char *dip_bead_status_to_string (DipBeadStatus status);
gboolean    dip_bead_status_from_string (const char *text, DipBeadStatus *out_status);

/* BCP 47 tags as Diptych accepts them: a 2–3 letter primary language
 * subtag, optionally followed by script and region ("it", "en-GB",
 * "sr-Latn-RS"). Returns the canonical spelling (lower-case language,
 * title-case script, upper-case region) or NULL with an error. */
char       *dip_language_tag_normalize (const char *tag, GError **error);

/* The primary language subtag of a BCP 47 tag, newly allocated ("en-GB" → "en"). */
char       *dip_language_tag_primary (const char *tag);

G_END_DECLS
