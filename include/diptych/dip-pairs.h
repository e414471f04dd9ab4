/* dip-pairs.h — sentence pairs as tab-separated text: "source TAB target",
 * one pair a line, the simplest form every tool reads and writes. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-exchange.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

/* Writes one line per bead that passes `filter` (NULL: confirmed ones):
 * source text, TAB, target text, LF, the segments of an n-m bead joined by
 * a space. TAB, CR and LF inside a text would break the format, so they
 * become spaces (counted in `out_report`). Written under a temporary name
 * and renamed, like dip_project_export_tmx(). */
gboolean dip_project_export_tsv (DipProject            *self,
                                 const char            *path,
                                 const DipExportFilter *filter,
                                 DipExportReport       *out_report,
                                 GCancellable          *cancellable,
                                 GError               **error);

/* Reads a UTF-8 file of "source TAB target" lines and stores each as a
 * confirmed 1-1 bead of a new presegmented document pair, in one
 * transaction. Texts are kept as they are, inner and outer spaces included
 * (only put in NFC, like all text Diptych stores); CRLF line ends and a
 * BOM are accepted and blank lines skipped. A line without exactly one
 * TAB, with an empty side, or with invalid UTF-8 is an error naming the
 * file and line, and then nothing is stored. */
gboolean dip_project_import_pairs (DipProject       *self,
                                   const char       *path,
                                   DipImportReport  *out_report,
                                   GCancellable     *cancellable,
                                   GError          **error);

G_END_DECLS
