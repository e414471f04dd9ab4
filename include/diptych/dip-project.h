/* dip-project.h — a Diptych project: one SQLite file holding documents,
 * segments, beads, glossary, findings and the edit history. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib-object.h>
#include <diptych/dip-types.h>

G_BEGIN_DECLS

#define DIP_TYPE_PROJECT (dip_project_get_type ())
G_DECLARE_FINAL_TYPE (DipProject, dip_project, DIP, PROJECT, GObject)

/* The schema version this build writes. Files with a lower version are
 * migrated on open; files with a higher one are refused. */
#define DIP_PROJECT_SCHEMA_VERSION 3

/* Creates a new project file. Fails if `path` exists. Language tags are
 * BCP 47 ("it", "en-GB") and stored in canonical spelling. */
DipProject  *dip_project_create (const char *path,
                                 const char *source_lang,
                                 const char *target_lang,
                                 GError    **error);

/* Opens an existing project, migrating an older schema in one transaction.
 * A file that is not a project, is from a newer Diptych, or is damaged
 * gives an error and is left untouched. */
DipProject  *dip_project_open (const char *path,
                               GError    **error);

typedef enum
{
  DIP_OPEN_NONE = 0,
  /* Skip the check of the whole file for damage (a quarter of a second
   * for a book): for a caller that runs it elsewhere, such as the window,
   * which opens the file again in the background to check it. */
  DIP_OPEN_NO_DAMAGE_CHECK = 1 << 0,
  /* The caller is the only program that uses the project while it is
   * open (a command-line run): a large import may then write the file
   * directly instead of through the write-ahead log, which writes every
   * page twice. When another connection has the file open it is written
   * through the log as usual. */
  DIP_OPEN_SOLE_USER = 1 << 1,
} DipOpenFlags;

DipProject  *dip_project_open_with_flags (const char   *path,
                                          DipOpenFlags  flags,
                                          GError      **error);

const char  *dip_project_get_path (DipProject *self);

/* How far long work (import, align, check) on this project object has
 * come, from 0 to 1, called in the thread the work runs in; a caller shows
 * it, the library only reports. NULL stops the reports. */
typedef void (*DipProgressFunc) (double fraction, gpointer user_data);
void         dip_project_set_progress_func (DipProject      *self,
                                            DipProgressFunc  func,
                                            gpointer         user_data);
const char  *dip_project_get_lang (DipProject *self,
                                   DipSide     side);

/* ---- documents ---------------------------------------------------------- */

typedef struct
{
  gint64   id;
  DipSide  side;
  char    *name;          /* file name it was imported from */
  char    *lang;          /* BCP 47 */
  guint    n_paragraphs;
  guint    n_segments;
  gboolean presegmented;
  char    *imported_at;   /* ISO 8601, UTC */
} DipDocumentInfo;

void         dip_document_info_free (DipDocumentInfo *info);

/* All documents, in import order. Array of DipDocumentInfo*. */
GPtrArray   *dip_project_list_documents (DipProject *self,
                                         GError    **error);

/* The most recently imported document of `side`, or 0 (no error) if the
 * project has none. */
gint64       dip_project_latest_document (DipProject *self,
                                          DipSide     side,
                                          GError    **error);

/* The pair of documents that alignment, review and export work on: the
 * latest of each side. Either id is 0 (no error) when that side has no
 * document yet. */
gboolean     dip_project_latest_pair (DipProject *self,
                                      gint64     *out_src_document,
                                      gint64     *out_tgt_document,
                                      GError    **error);

/* The original bytes of a document, exactly as they were imported. */
GBytes      *dip_project_dup_document_original (DipProject *self,
                                                gint64      document_id,
                                                GError    **error);

/* ---- segments ----------------------------------------------------------- */

typedef struct
{
  gint64          id;
  gint64          document_id;
  guint           position;   /* 0-based order in the document */
  guint           paragraph;  /* 0-based paragraph number */
  DipSegmentKind  kind;
  char           *lang;       /* the paragraph's language */
  guint           start;      /* byte offsets in the document's text */
  guint           end;
  char           *text;
} DipSegment;

void         dip_segment_free (DipSegment *segment);

/* The texts of segments [start, start + count) of `segments` (DipSegment*,
 * in order) joined by `separator` (empty texts add none); "" for none. A
 * bead's side text; with `content_only`, less its DIP_SEGMENT_NON_CONTENT
 * segments ("[edit]", a reference mark), which are no translation: the
 * text the checks read. */
char        *dip_segments_join (GPtrArray  *segments,
                                guint       start,
                                guint       count,
                                const char *separator,
                                gboolean    content_only);

/* The texts of a document's segments in order, without the rest of each
 * segment (quicker for a book). Array of char*. */
GPtrArray   *dip_project_list_segment_texts (DipProject *self,
                                             gint64      document_id,
                                             GError    **error);

/* The texts [start, start + count) of `texts` (char*) joined by
 * `separator`; "" for none. */
char        *dip_texts_join (GPtrArray  *texts,
                             guint       start,
                             guint       count,
                             const char *separator);

/* The segments of a document in order. Array of DipSegment*. */
GPtrArray   *dip_project_list_segments (DipProject *self,
                                        gint64      document_id,
                                        GError    **error);

/* ---- beads -------------------------------------------------------------- */

/* A bead covers segment positions [src_start, src_start + src_count) of its
 * source document and [tgt_start, tgt_start + tgt_count) of its target
 * document. Beads of a document pair are ordered by position. */
typedef struct
{
  gint64        id;            /* 0 for beads not yet stored */
  guint         src_start;
  guint         src_count;
  guint         tgt_start;
  guint         tgt_count;
  double        confidence;    /* [0,1] */
  DipBeadStatus status;
} DipBead;

/* The beads of a document pair in order. Array of DipBead. */
GArray      *dip_project_list_beads (DipProject *self,
                                     gint64      src_document,
                                     gint64      tgt_document,
                                     GError    **error);

/* Beads [position, position + count) of a document pair; an error names
 * the first bead that does not exist. Array of DipBead. */
GArray      *dip_project_list_bead_range (DipProject *self,
                                          gint64      src_document,
                                          gint64      tgt_document,
                                          guint       position,
                                          guint       count,
                                          GError    **error);

/* Replaces every bead of the document pair by `beads` (array of DipBead) in
 * one transaction, recording the change in the edit history. */
gboolean     dip_project_replace_beads (DipProject   *self,
                                        gint64        src_document,
                                        gint64        tgt_document,
                                        const GArray *beads,
                                        const char   *action,
                                        GError      **error);

G_END_DECLS
