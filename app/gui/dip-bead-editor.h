/* dip-bead-editor.h — the selected bead's sentences, editable in place,
 * with spelling underlined and corrections in the context menu. */
#pragma once

#include <adwaita.h>
#include <diptych/diptych.h>

G_BEGIN_DECLS

#define DIP_TYPE_BEAD_EDITOR (dip_bead_editor_get_type ())
G_DECLARE_FINAL_TYPE (DipBeadEditor, dip_bead_editor, DIP, BEAD_EDITOR, GtkBox)

/* The project whose word lists and language the spelling follows; NULL
 * clears. */
void         dip_bead_editor_set_project  (DipBeadEditor *self,
                                           DipProject    *project);

/* Shows sentences [start, start + count) of each side (char*: the segment
 * texts of its document), one a line; `status` is the line above them. A NULL `src_segments` clears. */
void         dip_bead_editor_show         (DipBeadEditor *self,
                                           const char    *status,
                                           GPtrArray     *src_segments,
                                           guint          src_start,
                                           guint          src_count,
                                           GPtrArray     *tgt_segments,
                                           guint          tgt_start,
                                           guint          tgt_count);

/* Puts the keyboard in one side's text. */
void         dip_bead_editor_focus        (DipBeadEditor *self,
                                           DipSide        side);

/* Hands the changed sentences of `side` to "sentence-edited" (what Return
 * and leaving the text do); FALSE when the text no longer has one line per
 * sentence (then "refused" says why and nothing is handed on). */
gboolean     dip_bead_editor_commit       (DipBeadEditor *self,
                                           DipSide        side);

/* Puts back the text as it was shown (what Escape does). */
void         dip_bead_editor_revert       (DipBeadEditor *self,
                                           DipSide        side);

/* Puts a translation into the target: in place of its text when it has one
 * sentence, else at the cursor. FALSE when the bead has no target sentence
 * to hold it. */
gboolean     dip_bead_editor_insert_target (DipBeadEditor *self,
                                            const char    *text);

/* The sentence (0-based line) of `side` the text cursor is in. */
guint        dip_bead_editor_get_cursor_sentence (DipBeadEditor *self,
                                                  DipSide        side);

GtkTextView *dip_bead_editor_get_view     (DipBeadEditor *self,
                                           DipSide        side);

/* The words of `side` underlined as misspelt now (after pending checks). */
guint        dip_bead_editor_count_misspelt (DipBeadEditor *self,
                                             DipSide        side);

G_END_DECLS
