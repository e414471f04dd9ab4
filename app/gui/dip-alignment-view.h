/* dip-alignment-view.h — the beads of a project side by side: source,
 * target, confidence, status. */
#pragma once

#include <adwaita.h>

#include "dip-alignment-map.h"
#include "dip-bead-editor.h"
#include "dip-bead-help.h"

G_BEGIN_DECLS

#define DIP_TYPE_ALIGNMENT_VIEW (dip_alignment_view_get_type ())
G_DECLARE_FINAL_TYPE (DipAlignmentView, dip_alignment_view, DIP, ALIGNMENT_VIEW, AdwBin)

/* Shows `beads` (a model of DipBeadItem) and selects bead `selected`. */
void        dip_alignment_view_set_beads    (DipAlignmentView *self,
                                             GListModel       *beads,
                                             guint             selected);
GListModel *dip_alignment_view_get_beads    (DipAlignmentView *self);

/* The selected bead's index, or GTK_INVALID_LIST_POSITION. */
guint       dip_alignment_view_get_selected (DipAlignmentView *self);
void        dip_alignment_view_select       (DipAlignmentView *self,
                                             guint             index);

/* The path drawn beside the list; a click on it selects a bead. */
DipAlignmentMap *dip_alignment_view_get_map (DipAlignmentView *self);

/* Puts the keyboard back in the list of beads. */
void        dip_alignment_view_focus_list   (DipAlignmentView *self);

/* The selected bead's sentences, editable, under the list. */
DipBeadEditor *dip_alignment_view_get_editor (DipAlignmentView *self);

/* The concordance bar: shown with the keyboard in its entry; the window
 * does the searching and says what it found ("3 of 17"). */
void            dip_alignment_view_start_search     (DipAlignmentView *self);
GtkSearchEntry *dip_alignment_view_get_search_entry (DipAlignmentView *self);
void            dip_alignment_view_set_search_result (DipAlignmentView *self,
                                                      const char       *text);

/* Glossary terms and translation-memory matches of the selected bead. */
DipBeadHelp   *dip_alignment_view_get_help   (DipAlignmentView *self);

/* The selection over the beads ("notify::selected" when it moves). */
GtkSingleSelection *dip_alignment_view_get_selection (DipAlignmentView *self);

G_END_DECLS
