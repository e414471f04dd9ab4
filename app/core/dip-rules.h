/* dip-rules.h — the segmentation rule files of data/segmentation, compiled
 * into the library as resources. Internal to libdiptych. */
#pragma once

#include <glib.h>

typedef struct
{
  GHashTable *always;          /* abbreviations that never end a sentence */
  GHashTable *before_lower;    /* …that end one unless lower case or a digit follows */
  GHashTable *after_ordinal;   /* words before which "14." is an ordinal ("am 14. Mai") */
  GHashTable *starters;        /* capitalised words that start sentences ("The", "He") */
  GHashTable *speech_verbs;    /* verbs of a dialogue tag after its speaker ("Nora asked") */
  GHashTable *never_last;      /* words no sentence ends with ("of", "the") */
} DipAbbreviations;

typedef struct
{
  GPtrArray  *non_content;     /* GRegex*, whole trimmed lines */
  GRegex     *non_content_any;  /* the same rules as one alternation: one match per line */
  GPtrArray  *markers;         /* GRegex*, leading marks split off a line */
  GPtrArray  *trailing;        /* GRegex*, marks after a segment's final punctuation */
  GHashTable *date_words;      /* lower-case words that make up date lines */
} DipLineRules;

/* The abbreviations for `lang` (BCP 47): the file for the full tag if there
 * is one, else for its primary subtag, else none (an empty list, not an
 * error: every language can be segmented). */
DipAbbreviations   *dip_abbreviations_load (const char *lang, GError **error);
void                dip_abbreviations_free (DipAbbreviations *abbreviations);

/* Shared by every segmenter; loaded once. */
const DipLineRules *dip_line_rules_get (GError **error);

/* Lines of a rule resource, comments (#) and blank lines dropped. */
GPtrArray          *dip_rules_read_lines (const char *resource_path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DipAbbreviations, dip_abbreviations_free)
