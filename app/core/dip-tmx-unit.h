/* dip-tmx-unit.h — one <tu> as the TMX reader collects it: its variants,
 * their text with placeholders for inline codes, and the choice of the two
 * variants that become a pair. Internal to libdiptych. */
#pragma once

#include <diptych/diptych.h>

#include "dip-exchange-private.h"

/* Inline codes of a <seg>, by the placeholder they become. */
typedef enum
{
  DIP_TMX_CODE_PAIRED_BEGIN,    /* <bpt>: "{n}", n shared with its <ept> */
  DIP_TMX_CODE_PAIRED_END,      /* <ept>: "{/n}" */
  DIP_TMX_CODE_ISOLATED_BEGIN,  /* <it pos="begin">: "{n}" */
  DIP_TMX_CODE_ISOLATED_END,    /* <it pos="end">: "{/n}" */
  DIP_TMX_CODE_STANDALONE,      /* <ph>, <ut>: "{n/}" */
} DipTmxCode;

typedef struct _DipTmxUnit DipTmxUnit;

/* A unit reader for the languages of `project`. */
DipTmxUnit *dip_tmx_unit_new (DipProject *project);
void        dip_tmx_unit_free (DipTmxUnit *unit);

/* Starts a new <tu>, dated by its changedate or creationdate (TMX form,
 * NULL if it has none). */
void        dip_tmx_unit_start (DipTmxUnit *unit, const char *date);
/* The text of a <prop type="x-diptych-confidence">. */
void        dip_tmx_unit_set_confidence (DipTmxUnit *unit, const char *text);
/* A <tuv> in language `lang` (`lang_length` bytes, not NUL-terminated). */
void        dip_tmx_unit_add_variant (DipTmxUnit *unit,
                                      const char *lang,
                                      gsize       lang_length,
                                      const char *date);

/* Text and codes of the last variant's <seg>. */
void        dip_tmx_unit_start_segment (DipTmxUnit *unit);
/* Returns the length of the <seg>'s text so far. */
gsize       dip_tmx_unit_append_text (DipTmxUnit *unit, const char *text, gsize length);
void        dip_tmx_unit_append_code (DipTmxUnit *unit, DipTmxCode code, const char *i);

/* Adds the unit to `pairs` when it has text in both project languages;
 * `*out_stored` tells whether it had. */
gboolean    dip_tmx_unit_store (DipTmxUnit     *unit,
                                DipPairWriter  *pairs,
                                gboolean       *out_stored,
                                GError        **error);

/* The project languages, for messages. */
const char *dip_tmx_unit_get_lang (DipTmxUnit *unit, DipSide side);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipTmxUnit, dip_tmx_unit_free)
