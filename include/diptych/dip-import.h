/* dip-import.h — importing text documents into a project. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

typedef enum
{
  DIP_IMPORT_NONE         = 0,
  DIP_IMPORT_PRESEGMENTED = 1 << 0,  /* one segment per line, unchanged */
  DIP_IMPORT_NO_LANGID    = 1 << 1,  /* every paragraph in the document language */
} DipImportFlags;

/* Reads `path` (UTF-8 text), splits it into paragraphs and segments, finds
 * each paragraph's language and stores it all as a new document of `side`
 * in one transaction. `lang` NULL means the project's language for that
 * side. Returns the new document's id, or 0 with an error, in which case
 * the project is unchanged. */
gint64 dip_project_import_text (DipProject     *self,
                                const char     *path,
                                DipSide         side,
                                const char     *lang,
                                DipImportFlags  flags,
                                GCancellable   *cancellable,
                                GError        **error);

G_END_DECLS
