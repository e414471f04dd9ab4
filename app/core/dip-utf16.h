/* dip-utf16.h — UTF-8 ⇄ UTF-16 for handing text to ICU, with a map from
 * UTF-16 indices back to UTF-8 byte offsets. Internal to libdiptych. */
#pragma once

#include <glib.h>
#include <unicode/utypes.h>

typedef struct
{
  UChar   *chars;
  int32_t  length;
  guint32 *byte_offsets;  /* length + 1 entries: UTF-16 index → UTF-8 offset; NULL unless asked */
} DipUtf16;

DipUtf16 *dip_utf16_new_from_utf8 (const char *text, gsize length, GError **error);
DipUtf16 *dip_utf16_new_with_offsets (const char *text, gsize length, GError **error);
void      dip_utf16_free (DipUtf16 *u);
char     *dip_utf16_to_utf8 (const UChar *chars, int32_t length, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipUtf16, dip_utf16_free)
