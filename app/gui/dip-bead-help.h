/* dip-bead-help.h — beside the selected bead: the checks' findings on it,
 * the glossary terms its source uses and translation-memory matches for
 * it, a click inserting one into the target. */
#pragma once

#include <adwaita.h>
#include <diptych/diptych.h>

G_BEGIN_DECLS

#define DIP_TYPE_BEAD_HELP (dip_bead_help_get_type ())
G_DECLARE_FINAL_TYPE (DipBeadHelp, dip_bead_help, DIP, BEAD_HELP, GtkBox)

/* Shows the help for bead `bead_id` whose source text is `source` and
 * target text `target`: its `findings` (DipFinding*, those of other beads
 * are skipped) and the `glossary` entries (DipGlossaryEntry*) whose source
 * term it contains. NULLs clear. The memory's matches follow with
 * dip_bead_help_show_matches(); until then the panel says it is searching. */
void  dip_bead_help_show          (DipBeadHelp *self,
                                   gint64       bead_id,
                                   const char  *source,
                                   const char  *target,
                                   GPtrArray   *findings,
                                   GPtrArray   *glossary);

/* The translation-memory `matches` (DipMemoryMatch*, NULL for none) for
 * bead `bead_id`; ignored when the panel shows another bead by now. */
void  dip_bead_help_show_matches  (DipBeadHelp *self,
                                   gint64       bead_id,
                                   GPtrArray   *matches);

guint dip_bead_help_get_n_findings (DipBeadHelp *self);

guint dip_bead_help_get_n_terms   (DipBeadHelp *self);
guint dip_bead_help_get_n_matches (DipBeadHelp *self);

/* Activates match `index` as a click does: "match-chosen" with its target. */
void  dip_bead_help_choose_match  (DipBeadHelp *self,
                                   guint        index);

G_END_DECLS
