/* dip-text.h — reading user text files into clean, NFC UTF-8. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* A text file as read from disk: `original` is the bytes exactly as they
 * were (kept in the project so that nothing is lost), `text` is what the
 * rest of Diptych works on: valid UTF-8 without BOM, LF line ends, NFC. */
typedef struct
{
  GBytes *original;
  char   *text;
  gsize   length;  /* of text, in bytes */
} DipText;

DipText *dip_text_load (const char *path, GError **error);

/* The same checks and clean-up on bytes already in memory; `name` is used
 * in error messages ("notes.txt:3: invalid UTF-8 at byte 41"). */
DipText *dip_text_new_from_bytes (GBytes *bytes, const char *name, GError **error);

void     dip_text_free (DipText *text);

/* NFC normalisation through ICU. Returns NULL with an error on failure. */
char    *dip_text_normalize_nfc (const char *text, gssize length, GError **error);

/* A copy of `text` with typographic apostrophes (U+2019, U+02BC) folded to
 * ASCII "'", for matching and spelling; the stored text keeps the original. */
char    *dip_text_fold_apostrophes (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipText, dip_text_free)

G_END_DECLS
