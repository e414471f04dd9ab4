/* dip-glossary.h — the project glossary: entries, import and export
 * (TSV, CSV, TBX-Basic) and term pairs suggested from confirmed beads. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

typedef enum
{
  DIP_TERM_PREFERRED,   /* the translation to use */
  DIP_TERM_ADMITTED,    /* acceptable too */
  DIP_TERM_FORBIDDEN,   /* must not be used */
} DipTermStatus;

const char *dip_term_status_to_string (DipTermStatus status);
/* Also accepts TBX's "preferredTerm-admn-sts", "admittedTerm-admn-sts",
 * "deprecatedTerm-admn-sts", "supersededTerm-admn-sts" and "deprecated". */
gboolean    dip_term_status_from_string (const char *text, DipTermStatus *out_status);

/* One source term with one target term. A source term with several
 * translations is several entries. */
typedef struct
{
  gint64         id;              /* 0 until stored */
  char          *src_term;
  char          *tgt_term;
  char          *src_lang;        /* BCP 47; NULL: the project's */
  char          *tgt_lang;
  char          *part_of_speech;  /* or NULL */
  char          *note;            /* or NULL */
  DipTermStatus  status;
  gboolean       case_sensitive;
  char          *created_at;      /* ISO 8601, UTC; NULL until stored */
  guint          line;            /* where a parsed entry began in its file, 1-based; 0 otherwise */
} DipGlossaryEntry;

/* A new entry; `src_term` and `tgt_term` are cleaned up (NFC, white space
 * collapsed, control characters dropped). */
DipGlossaryEntry *dip_glossary_entry_new (const char    *src_term,
                                          const char    *tgt_term,
                                          DipTermStatus  status,
                                          const char    *note);
DipGlossaryEntry *dip_glossary_entry_copy (const DipGlossaryEntry *entry);
void              dip_glossary_entry_free (DipGlossaryEntry *entry);

/* All entries, ordered by source term then status then target term.
 * Array of DipGlossaryEntry*. */
GPtrArray        *dip_project_list_glossary (DipProject *self,
                                             GError    **error);

/* Stores a new entry and returns its id. An entry with the same source and
 * target term (ignoring case) is refused with DIP_ERROR_INVALID_ARGUMENT
 * naming its id; empty terms too. */
gint64            dip_project_add_glossary_entry (DipProject             *self,
                                                  const DipGlossaryEntry *entry,
                                                  GError                **error);

/* DIP_ERROR_NOT_FOUND when there is no entry `id`. */
gboolean          dip_project_remove_glossary_entry (DipProject *self,
                                                     gint64      id,
                                                     GError    **error);

/* Changes the status of entry `id` (preferred, admitted, forbidden), in
 * the edit history like any change; DIP_ERROR_NOT_FOUND without it. */
gboolean          dip_project_set_glossary_status (DipProject    *self,
                                                   gint64         id,
                                                   DipTermStatus  status,
                                                   GError       **error);

/* ---- exchange formats -------------------------------------------------- */

typedef enum
{
  DIP_GLOSSARY_FORMAT_AUTO,  /* by file name: .tsv/.txt, .csv, .tbx/.xml */
  DIP_GLOSSARY_FORMAT_TSV,   /* source TAB target [TAB status [TAB note]], "#" comments */
  DIP_GLOSSARY_FORMAT_CSV,   /* RFC 4180 with a header row: source,target[,status,note,…] */
  DIP_GLOSSARY_FORMAT_TBX,   /* TBX-Basic (ISO 30042:2019, DCA style) */
} DipGlossaryFormat;

/* The format of `path` by its extension; AUTO when it says nothing. */
DipGlossaryFormat dip_glossary_format_for_path (const char *path);

/* Parses a glossary file's bytes (`name` is used in messages:
 * "terms.csv:7:12: …"). Only TBX language sections whose language has
 * the primary subtag of `src_lang` or `tgt_lang` are read. Returns the
 * entries (with `line` set) or NULL with an error naming the line: one
 * bad line and nothing is returned. Duplicates are kept (see
 * dip_project_import_glossary). */
GPtrArray        *dip_glossary_parse (GBytes            *bytes,
                                      const char        *name,
                                      DipGlossaryFormat  format,
                                      const char        *src_lang,
                                      const char        *tgt_lang,
                                      GError           **error);

/* Writes `entries` in `format` (not AUTO). A TBX has one concept per
 * source term, and must have at least one entry. */
GBytes           *dip_glossary_serialize (GPtrArray         *entries,
                                          DipGlossaryFormat  format,
                                          const char        *src_lang,
                                          const char        *tgt_lang,
                                          GError           **error);

/* What an import did. */
typedef struct
{
  guint      read;       /* entries in the file */
  guint      added;      /* new entries stored */
  guint      merged;     /* duplicates merged into another entry */
  GPtrArray *messages;   /* char*, one per merge: "terms.tsv:4: duplicate of …" */
} DipGlossaryImport;

void              dip_glossary_import_free (DipGlossaryImport *report);

/* Reads a glossary file and stores its entries in one transaction. An
 * entry whose source and target terms (ignoring case) are already in the
 * glossary or earlier in the file is merged: notes are joined, a
 * different status replaces the old one, and the merge is reported. Bad
 * input gives an error naming the line and imports nothing. */
DipGlossaryImport *dip_project_import_glossary (DipProject        *self,
                                                const char        *path,
                                                DipGlossaryFormat  format,
                                                GError           **error);

/* Writes the whole glossary to `path` (replacing it atomically). */
gboolean          dip_project_export_glossary (DipProject        *self,
                                               const char        *path,
                                               DipGlossaryFormat  format,
                                               GError           **error);

/* ---- suggestions ------------------------------------------------------- */

typedef struct
{
  char    *src_term;
  char    *tgt_term;
  double   score;      /* Dice coefficient of the two over confirmed beads, in (0,1] */
  double   llr;        /* Dunning's log-likelihood ratio of their co-occurrence */
  guint    count;      /* confirmed beads holding both */
  GArray  *beads;      /* gint64 ids of those beads */
} DipTermSuggestion;

void              dip_term_suggestion_free (DipTermSuggestion *suggestion);

/* Term pairs proposed from the confirmed beads of the project: one to
 * three word sequences (stop words not at either end) of both sides,
 * compared on hunspell stems, paired by co-occurrence in at least
 * `min_count` beads (2 if 0), ranked by Dice coefficient, then
 * log-likelihood. Pairs already in the glossary and pairs contained in a
 * longer pair with the same support are left out. At most `limit` (all
 * if 0). Array of DipTermSuggestion*. */
GPtrArray        *dip_project_suggest_terms (DipProject   *self,
                                             guint         min_count,
                                             guint         limit,
                                             GCancellable *cancellable,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipGlossaryEntry, dip_glossary_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipGlossaryImport, dip_glossary_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipTermSuggestion, dip_term_suggestion_free)

G_END_DECLS
