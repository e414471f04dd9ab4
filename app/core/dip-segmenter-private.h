/* dip-segmenter-private.h — pieces of the segmenter shared between its
 * files. Internal to libdiptych. */
#pragma once

#include <diptych/diptych.h>

#include "dip-rules.h"

const DipLineRules *dip_segmenter_get_rules (DipSegmenter *self);

void     dip_trim_span (const char *text, gsize *start, gsize *end);

/* A space, the no-break spaces included, which French sets before « : ; »
   and GLib does not count as space. */
static inline gboolean
dip_is_space_or_no_break_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

/* ¹ ² ³ and the other superscript digits, which mark footnotes. */
static inline gboolean
dip_is_superscript_digit (gunichar c)
{
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079);
}

gboolean dip_segmenter_split_run (DipSegmenter  *self,
                                  GArray        *out,
                                  const char    *text,
                                  gsize          start,
                                  gsize          end,
                                  guint          paragraph,
                                  DipSegmentKind first_kind,
                                  GError       **error);

gboolean dip_segmenter_split_paragraph (DipSegmenter           *self,
                                        GArray                 *out,
                                        const char             *text,
                                        const DipParagraphSpan *paragraph,
                                        guint                   index,
                                        GError                **error);
