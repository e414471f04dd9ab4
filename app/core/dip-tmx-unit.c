/* dip-tmx-unit.c — one <tu> of a TMX file, from its variants to a pair.
 *
 * A unit may hold any number of variants in any languages and in any
 * spelling of the tags ("EN-US", "en_us", "en"). The pair takes the variant
 * that fits each project language best: the same tag first, the same
 * primary subtag otherwise, never one variant for both sides.
 */
#include "dip-config.h"

#include <string.h>

#include "dip-tmx-unit.h"

/* A project language and its primary subtag ("en-GB", "en"). */
typedef struct
{
  char *tag;
  char *primary;
} Wanted;

typedef struct
{
  char    *lang;            /* as written in the file */
  GString *text;
  char     changed_at[21];  /* ISO 8601, or "" */
} Variant;

struct _DipTmxUnit
{
  Wanted      wanted[2];    /* indexed by DipSide */
  GHashTable *fits;         /* xml:lang as written → how well it fits each side */
  GPtrArray  *variants;     /* Variant*, reused from unit to unit */
  guint       n_variants;
  double      confidence;
  char        changed_at[21];
  guint       next_code;    /* placeholder numbers, per segment */
  GArray     *bpt_numbers;  /* pairs (i attribute, number) of <bpt>s */
};

static void
variant_free (gpointer data)
{
  Variant *variant = data;
  g_free (variant->lang);
  g_string_free (variant->text, TRUE);
  g_free (variant);
}

DipTmxUnit *
dip_tmx_unit_new (DipProject *project)
{
  DipTmxUnit *unit = g_new0 (DipTmxUnit, 1);
  for (guint i = 0; i < G_N_ELEMENTS (unit->wanted); i++)
    {
      const char *lang = dip_project_get_lang (project, (DipSide) i);
      unit->wanted[i].tag = dip_language_tag_normalize (lang, NULL);
      if (unit->wanted[i].tag == NULL)
        unit->wanted[i].tag = g_strdup (lang);
      unit->wanted[i].primary = dip_language_tag_primary (lang);
    }
  unit->fits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unit->variants = g_ptr_array_new_with_free_func (variant_free);
  unit->bpt_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  return unit;
}

void
dip_tmx_unit_free (DipTmxUnit *unit)
{
  if (unit == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (unit->wanted); i++)
    {
      g_free (unit->wanted[i].tag);
      g_free (unit->wanted[i].primary);
    }
  g_hash_table_unref (unit->fits);
  g_ptr_array_unref (unit->variants);
  g_array_unref (unit->bpt_numbers);
  g_free (unit);
}

const char *
dip_tmx_unit_get_lang (DipTmxUnit *unit, DipSide side)
{
  return unit->wanted[side].tag;
}

/* "20261124T101500Z" → "2026-11-24T10:15:00Z", or "" when not in that form. */
static void
iso_date (const char *tmx, char out[21])
{
  static const char pattern[] = "ddddddddTddddddZ";
  out[0] = '\0';
  if (tmx == NULL || strlen (tmx) != sizeof pattern - 1)
    return;
  for (gsize i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (tmx[i]) : tmx[i] != pattern[i])
      return;
  g_snprintf (out, 21, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", tmx, tmx + 4, tmx + 6, tmx + 9,
              tmx + 11, tmx + 13);
}

void
dip_tmx_unit_start (DipTmxUnit *unit, const char *date)
{
  unit->n_variants = 0;
  unit->confidence = 1.0;
  iso_date (date, unit->changed_at);
}

void
dip_tmx_unit_set_confidence (DipTmxUnit *unit, const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && value >= 0.0 && value <= 1.0)
    unit->confidence = value;
}

void
dip_tmx_unit_add_variant (DipTmxUnit *unit, const char *lang, gsize lang_length,
                          const char *date)
{
  if (unit->n_variants == unit->variants->len)
    {
      Variant *fresh = g_new0 (Variant, 1);
      fresh->text = g_string_new (NULL);
      g_ptr_array_add (unit->variants, fresh);
    }
  Variant *v = g_ptr_array_index (unit->variants, unit->n_variants++);
  /* Most files have one language per position in their units. */
  if (v->lang == NULL || strncmp (v->lang, lang, lang_length) != 0 || v->lang[lang_length] != '\0')
    {
      g_free (v->lang);
      v->lang = g_strndup (lang, lang_length);
    }
  g_string_truncate (v->text, 0);
  iso_date (date, v->changed_at);
}

/* The text of the last variant: the reader opens a <seg> only inside a
 * <tuv>, so there is one. */
static GString *
segment_text (DipTmxUnit *unit)
{
  g_assert (unit->n_variants > 0);
  return ((Variant *) g_ptr_array_index (unit->variants, unit->n_variants - 1))->text;
}

void
dip_tmx_unit_start_segment (DipTmxUnit *unit)
{
  unit->next_code = 0;
  g_array_set_size (unit->bpt_numbers, 0);
}

gsize
dip_tmx_unit_append_text (DipTmxUnit *unit, const char *text, gsize length)
{
  return g_string_append_len (segment_text (unit), text, (gssize) length)->len;
}

/* The number of the <bpt> with attribute i (for its <ept>), or a new one. */
static guint
paired_number (DipTmxUnit *unit, const char *i, gboolean begin)
{
  guint key = i ? (guint) g_ascii_strtoull (i, NULL, 10) : 0;
  for (guint k = 0; i != NULL && k < unit->bpt_numbers->len; k += 2)
    if (g_array_index (unit->bpt_numbers, guint, k) == key)
      return g_array_index (unit->bpt_numbers, guint, k + 1);
  guint number = ++unit->next_code;
  if (begin && i != NULL)
    {
      guint pair[2] = { key, number };
      g_array_append_vals (unit->bpt_numbers, pair, 2);
    }
  return number;
}

void
dip_tmx_unit_append_code (DipTmxUnit *unit, DipTmxCode code, const char *i)
{
  GString *text = segment_text (unit);
  switch (code)
    {
    case DIP_TMX_CODE_PAIRED_BEGIN:
      g_string_append_printf (text, "{%u}", paired_number (unit, i, TRUE));
      break;
    case DIP_TMX_CODE_PAIRED_END:
      g_string_append_printf (text, "{/%u}", paired_number (unit, i, FALSE));
      break;
    case DIP_TMX_CODE_ISOLATED_BEGIN:
      g_string_append_printf (text, "{%u}", ++unit->next_code);
      break;
    case DIP_TMX_CODE_ISOLATED_END:
      g_string_append_printf (text, "{/%u}", ++unit->next_code);
      break;
    case DIP_TMX_CODE_STANDALONE:
    default:
      g_string_append_printf (text, "{%u/}", ++unit->next_code);
      break;
    }
}

/* 2: the tag is `wanted`'s (in any case); 1: same primary subtag; 0: no. */
static guint
fit (const char *lang, const Wanted *wanted)
{
  g_autofree char *tag = dip_language_tag_normalize (lang, NULL);
  if (tag != NULL && g_str_equal (tag, wanted->tag))
    return 2;
  g_autofree char *primary = dip_language_tag_primary (lang);
  return g_str_equal (primary, wanted->primary) ? 1 : 0;
}

/* Fits for both sides, cached: a file has few distinct xml:lang values. */
static guint
fit_side (DipTmxUnit *unit, const char *lang, DipSide side)
{
  gpointer cached = g_hash_table_lookup (unit->fits, lang);
  guint packed = GPOINTER_TO_UINT (cached);
  if (cached == NULL)
    {
      packed = 0x100 | fit (lang, &unit->wanted[DIP_SIDE_SOURCE])
               | fit (lang, &unit->wanted[DIP_SIDE_TARGET]) << 4;
      /* A hostile file could have a million distinct values. */
      if (g_hash_table_size (unit->fits) < 1024)
        g_hash_table_insert (unit->fits, g_strdup (lang), GUINT_TO_POINTER (packed));
    }
  return side == DIP_SIDE_SOURCE ? packed & 0xF : (packed >> 4) & 0xF;
}

/* The variant that fits `side` best, other than `not`, or NULL. */
static const Variant *
best_variant (DipTmxUnit *unit, DipSide side, const Variant *not)
{
  const Variant *best = NULL;
  guint best_fit = 0;
  for (guint i = 0; i < unit->n_variants; i++)
    {
      const Variant *v = g_ptr_array_index (unit->variants, i);
      guint f = v == not ? 0 : fit_side (unit, v->lang, side);
      if (f > best_fit)
        {
          best = v;
          best_fit = f;
        }
    }
  return best;
}

static gboolean
is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (!g_ascii_isspace (text->str[i]))
      return FALSE;
  return TRUE;
}

gboolean
dip_tmx_unit_store (DipTmxUnit *unit, DipPairWriter *pairs, gboolean *out_stored,
                    GError **error)
{
  *out_stored = FALSE;
  const Variant *s = best_variant (unit, DIP_SIDE_SOURCE, NULL);
  const Variant *t = s ? best_variant (unit, DIP_SIDE_TARGET, s) : NULL;
  if (s == NULL || t == NULL || is_blank (s->text) || is_blank (t->text))
    return TRUE;

  /* OmegaT dates the translation, not the unit. */
  const char *changed_at = unit->changed_at[0] ? unit->changed_at
                           : t->changed_at[0] ? t->changed_at
                           : s->changed_at[0] ? s->changed_at : NULL;
  if (!dip_pair_writer_add (pairs, s->text->str, s->text->len, t->text->str, t->text->len,
                            unit->confidence, changed_at, error))
    return FALSE;
  *out_stored = TRUE;
  return TRUE;
}
