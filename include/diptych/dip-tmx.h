/* dip-tmx.h — Translation Memory eXchange (TMX) files: the beads of a
 * project out as TMX 1.4, and TMX 1.1–1.4 in as a new document pair. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-exchange.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

/* Writes the beads that pass `filter` (NULL: confirmed ones) as a TMX 1.4
 * file valid against tmx14.dtd: one <tu> per bead, tuid the bead id, the
 * segments of an n-m bead joined by a space, and the bead's status,
 * confidence and shape ("2-1") as <prop type="x-diptych-…">. Rows are read
 * one at a time, so memory does not grow with the project.
 *
 * The file is written beside `path` under a temporary name and renamed
 * over it at the end: a failed export leaves `path` as it was. Characters
 * that XML 1.0 forbids (control characters) are left out and counted in
 * `out_report`. */
gboolean dip_project_export_tmx (DipProject            *self,
                                 const char            *path,
                                 const DipExportFilter *filter,
                                 DipExportReport       *out_report,
                                 GCancellable          *cancellable,
                                 GError               **error);

/* Reads a TMX file (versions 1.1 to 1.4) as a stream and stores each unit
 * that has text in both project languages as a confirmed 1-1 bead of a new
 * presegmented document pair, in one transaction. Languages match without
 * regard to case and by primary subtag when no variant matches exactly
 * ("EN-us" is en-US, and serves for "en").
 *
 * Inline codes become placeholders: <bpt> and <it pos="begin"> "{n}",
 * <ept> and <it pos="end"> "{/n}", <ph> and <ut> "{n/}", numbered from 1
 * in each segment (an <ept> takes the number of the <bpt> with its i);
 * their content, native code of the original format, is left out. The
 * text of <hi> is kept.
 *
 * Nothing is fetched from the network or from other files, and a file that
 * declares or uses entities other than XML's five is refused. On any error
 * (malformed XML, with file, line and column in the message) nothing is
 * stored. */
gboolean dip_project_import_tmx (DipProject       *self,
                                 const char       *path,
                                 DipImportReport  *out_report,
                                 GCancellable     *cancellable,
                                 GError          **error);

G_END_DECLS
