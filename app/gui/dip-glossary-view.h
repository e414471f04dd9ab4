/* dip-glossary-view.h — the project's glossary: search, add, remove. */
#pragma once

#include <adwaita.h>
#include <diptych/diptych.h>

G_BEGIN_DECLS

#define DIP_TYPE_GLOSSARY_VIEW (dip_glossary_view_get_type ())
G_DECLARE_FINAL_TYPE (DipGlossaryView, dip_glossary_view, DIP, GLOSSARY_VIEW, AdwBin)

/* Shows the glossary of `project` (which may be NULL) and edits it there. */
gboolean dip_glossary_view_set_project (DipGlossaryView  *self,
                                        DipProject       *project,
                                        GError          **error);

/* Adds an entry as the Add button does; FALSE with `error` if the project
 * refuses it. */
gboolean dip_glossary_view_add         (DipGlossaryView  *self,
                                        const char       *src_term,
                                        const char       *tgt_term,
                                        DipTermStatus     status,
                                        GError          **error);

/* Changes the status of the `index`-th entry as its drop-down does. */
gboolean dip_glossary_view_set_status  (DipGlossaryView  *self,
                                        guint             index,
                                        DipTermStatus     status,
                                        GError          **error);

/* Entries shown (after the search filter) and in all. */
guint    dip_glossary_view_get_n_shown (DipGlossaryView *self);
guint    dip_glossary_view_get_n_entries (DipGlossaryView *self);
void     dip_glossary_view_search      (DipGlossaryView *self,
                                        const char      *text);

G_END_DECLS
