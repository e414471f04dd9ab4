/* dip-exchange-private.h — what the TMX and TSV readers and writers share:
 * a cursor over the beads to export, an output file that appears only when
 * complete, and a writer that stores a new aligned document pair.
 * Internal to libdiptych. */
#pragma once

#include <diptych/diptych.h>

/* ---- reading beads for export ------------------------------------------ */

/* One bead ready to be written. Strings are borrowed from the cursor and
 * valid until the next call of dip_bead_cursor_next(). */
typedef struct
{
  gint64         id;
  DipBeadStatus  status;
  double         confidence;
  guint          src_count;
  guint          tgt_count;
  const char    *changed_at;  /* ISO 8601, as stored */
  const char    *src_lang;    /* of the documents */
  const char    *tgt_lang;
  const char    *src_text;    /* content segments joined by a space */
  const char    *tgt_text;
} DipExportUnit;

typedef struct _DipBeadCursor DipBeadCursor;

/* Walks the beads of every document pair that pass `filter` (NULL:
 * confirmed), in document pair and bead order, one row at a time. */
DipBeadCursor       *dip_bead_cursor_new (DipProject            *project,
                                          const DipExportFilter *filter,
                                          GError               **error);

/* The next bead with text on both sides, or NULL at the end (no error) or
 * on failure (error set). Beads without text on a side are counted. */
const DipExportUnit *dip_bead_cursor_next (DipBeadCursor *cursor,
                                           GError       **error);
guint64              dip_bead_cursor_get_n_skipped (DipBeadCursor *cursor);
void                 dip_bead_cursor_free (DipBeadCursor *cursor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipBeadCursor, dip_bead_cursor_free)

/* The same walk in a thread of its own, a few batches of units ahead of
 * the caller, who must not use the project's store until the reader has
 * returned its last unit (NULL) or is freed. Units are valid until the
 * next call of dip_bead_reader_next(). */
typedef struct _DipBeadReader DipBeadReader;

DipBeadReader       *dip_bead_reader_new (DipProject            *project,
                                          const DipExportFilter *filter,
                                          GError               **error);
const DipExportUnit *dip_bead_reader_next (DipBeadReader *reader,
                                           GError       **error);
/* Once dip_bead_reader_next() has returned NULL. */
guint64              dip_bead_reader_get_n_skipped (DipBeadReader *reader);
void                 dip_bead_reader_free (DipBeadReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipBeadReader, dip_bead_reader_free)

/* ---- writing a file all at once ---------------------------------------- */

typedef struct _DipOutputFile DipOutputFile;

/* Opens a temporary file in the directory of `path`; nothing appears at
 * `path` until dip_output_file_commit() succeeds. */
DipOutputFile *dip_output_file_open (const char *path, GError **error);

/* Appends bytes. The first write error is remembered (later writes are
 * dropped) and reported by dip_output_file_commit(), so that callers need
 * not check each call; dip_output_file_ok() tells whether to go on. */
void           dip_output_file_write (DipOutputFile *file,
                                      const void    *data,
                                      gsize          length);
gboolean       dip_output_file_ok (DipOutputFile *file);

/* Flushes, syncs and renames the file into place. */
gboolean       dip_output_file_commit (DipOutputFile *file, GError **error);

/* Closes the file; an uncommitted temporary file is deleted. */
void           dip_output_file_free (DipOutputFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipOutputFile, dip_output_file_free)

/* ---- storing pairs as a new document pair ------------------------------ */

typedef struct _DipPairWriter DipPairWriter;

/* Starts a transaction and creates a presegmented source and target
 * document named `name`, in the project's languages. */
DipPairWriter *dip_pair_writer_begin (DipProject *project,
                                      const char *name,
                                      GError    **error);

/* Adds one segment to each document and a confirmed 1-1 bead between them.
 * `changed_at` (ISO 8601) NULL means now. Texts are stored in NFC. */
gboolean       dip_pair_writer_add (DipPairWriter *writer,
                                    const char    *src,
                                    gsize          src_length,
                                    const char    *tgt,
                                    gsize          tgt_length,
                                    double         confidence,
                                    const char    *changed_at,
                                    GError       **error);

guint64        dip_pair_writer_get_n_pairs (DipPairWriter *writer);

/* Completes both documents and commits. Callers refuse an input without
 * pairs before this, with a message that names the file. */
gboolean       dip_pair_writer_commit (DipPairWriter *writer,
                                       gint64        *out_src_document,
                                       gint64        *out_tgt_document,
                                       GError       **error);

/* Rolls back unless committed. */
void           dip_pair_writer_free (DipPairWriter *writer);

/* Batches of pairs (DIP_PAIR_BATCH_SIZE each) between two statements that
 * index new segments; tests lower it to see several such statements on a
 * small input. */
extern guint   dip_pair_writer_index_every;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipPairWriter, dip_pair_writer_free)
