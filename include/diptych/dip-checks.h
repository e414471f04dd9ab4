/* dip-checks.h — quality checks over the beads of a project: glossary
 * terms, consistency, spelling, numbers, untranslated and wrong-language
 * segments, doubled words and spaces. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <gio/gio.h>
#include <diptych/dip-project.h>

G_BEGIN_DECLS

typedef enum
{
  DIP_CHECK_TERM_MISSING,        /* a glossary source term without any of its translations */
  DIP_CHECK_TERM_FORBIDDEN,      /* a forbidden target term is used */
  DIP_CHECK_TERM_INCONSISTENT,   /* one source term rendered by different target terms */
  DIP_CHECK_INCONSISTENT_TARGET, /* the same source segment with different targets */
  DIP_CHECK_INCONSISTENT_SOURCE, /* the same target from different sources */
  DIP_CHECK_SPELLING,            /* not in the side's hunspell dictionary */
  DIP_CHECK_NUMBER_MISMATCH,     /* numbers differ between the sides */
  DIP_CHECK_UNTRANSLATED,        /* target empty or the same as the source */
  DIP_CHECK_WRONG_LANGUAGE,      /* a side not in its language */
  DIP_CHECK_REPEATED_WORD,       /* "the the" */
  DIP_CHECK_DOUBLE_SPACE,        /* two or more spaces in a row */
  DIP_CHECK_N_KINDS
} DipCheckKind;

/* A set of kinds: bit (1 << kind) for each. */
#define DIP_CHECK_ALL ((1u << DIP_CHECK_N_KINDS) - 1)

/* "term-missing", "spelling", … */
const char *dip_check_kind_to_string (DipCheckKind kind);
gboolean    dip_check_kind_from_string (const char *text, DipCheckKind *out_kind);

/* Parses a comma-separated list of kind names into a set; an unknown name
 * is DIP_ERROR_INVALID_ARGUMENT listing the known ones. */
gboolean    dip_check_kinds_parse (const char *list, guint *out_kinds, GError **error);

typedef enum
{
  DIP_SEVERITY_ERROR,
  DIP_SEVERITY_WARNING,
  DIP_SEVERITY_INFO,
} DipSeverity;

const char *dip_severity_to_string (DipSeverity severity);

typedef struct
{
  gint64        id;           /* 0 until stored */
  DipCheckKind  kind;
  DipSeverity   severity;
  gint64        bead_id;
  DipSide       side;         /* the side the span is in */
  guint         start;        /* characters (code points) [start, end) of that side's text */
  guint         end;
  char         *message;
  GPtrArray    *suggestions;  /* char*, maybe empty */
  char         *source;       /* the bead's full source and target text */
  char         *target;
} DipFinding;

void        dip_finding_free (DipFinding *finding);

typedef struct
{
  const char *hunspell_dir;      /* NULL: the system's dictionaries */
  const char *dictionaries_dir;  /* extra word lists; NULL: dip_dictionaries_dir () */
} DipCheckOptions;

/* Runs the checks of `kinds` over every bead of the project, replaces the
 * stored findings of those kinds with the new ones in one transaction and
 * returns them in bead order (array of DipFinding*). `options` may be
 * NULL. A bead's side text is its segments joined with one space. */
GPtrArray  *dip_project_check (DipProject            *self,
                               guint                  kinds,
                               const DipCheckOptions *options,
                               GCancellable          *cancellable,
                               GError               **error);

/* The stored findings, in the order they were stored. */
GPtrArray  *dip_project_list_findings (DipProject *self,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipFinding, dip_finding_free)

G_END_DECLS
