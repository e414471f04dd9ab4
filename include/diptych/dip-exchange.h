/* dip-exchange.h — what the exchange formats (TMX, TSV pairs) share:
 * which beads an export writes, and what an export or an import did. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>
#include <diptych/dip-types.h>

G_BEGIN_DECLS

/* Bead statuses as flags, for choosing which beads to export. */
typedef enum
{
  DIP_EXPORT_STATUS_AUTO      = 1 << DIP_BEAD_AUTO,
  DIP_EXPORT_STATUS_CONFIRMED = 1 << DIP_BEAD_CONFIRMED,
  DIP_EXPORT_STATUS_REJECTED  = 1 << DIP_BEAD_REJECTED,
} DipExportStatus;

#define DIP_EXPORT_STATUS_ALL \
  (DIP_EXPORT_STATUS_AUTO | DIP_EXPORT_STATUS_CONFIRMED | DIP_EXPORT_STATUS_REJECTED)

/* Which beads an export writes; NULL means confirmed beads of any
 * confidence. Beads without text on both sides are never written, whatever
 * the filter: a 1-0 or 0-1 bead, or one whose segments on a side are all
 * DIP_SEGMENT_NON_CONTENT, is no translation. */
typedef struct
{
  DipExportStatus statuses;        /* 0 means DIP_EXPORT_STATUS_CONFIRMED */
  double          min_confidence;  /* in [0,1]; beads below it are left out */
} DipExportFilter;

typedef struct
{
  guint64 n_written;           /* translation units (TMX) or lines (TSV) */
  guint64 n_skipped;           /* beads that passed the filter but have no text on a side */
  guint64 n_altered_chars;     /* characters the format cannot hold, left out or replaced */
  gint64  first_altered_bead;  /* the first bead that had such a character, or 0 */
} DipExportReport;

typedef struct
{
  guint64 n_read;        /* translation units or lines read */
  guint64 n_imported;    /* pairs stored, each a confirmed 1-1 bead */
  guint64 n_skipped;     /* units without text in both project languages */
  gint64  src_document;  /* the new document pair */
  gint64  tgt_document;
} DipImportReport;

G_END_DECLS
