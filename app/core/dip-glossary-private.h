/* dip-glossary-private.h — what the glossary files share. Internal. */
#pragma once

#include <diptych/diptych.h>

/* The longest term we accept, in characters: a term is a phrase, not a text. */
#define DIP_GLOSSARY_MAX_TERM 256

/* A term as stored: valid UTF-8, NFC, white space runs as one space,
 * trimmed, characters XML cannot carry dropped. Never NULL. */
char       *dip_glossary_clean_term (const char *text);

/* A note as stored: like a term, but line breaks and tabs are kept; NULL
 * when nothing is left. */
char       *dip_glossary_clean_note (const char *text);

/* Checks a cleaned entry for `name:line`: both terms present and not too
 * long. */
gboolean    dip_glossary_entry_validate (const DipGlossaryEntry *entry,
                                         const char             *name,
                                         GError                **error);

/* The key under which two entries are the same: both terms case-folded. */
char       *dip_glossary_entry_key (const DipGlossaryEntry *entry);

/* Inserts a cleaned, validated entry inside the caller's transaction;
 * returns its id or 0 with an error. */
gint64      dip_project_insert_glossary_entry (DipProject             *self,
                                               const DipGlossaryEntry *entry,
                                               GError                **error);

/* TBX (dip-glossary-tbx.c). */
GPtrArray  *dip_glossary_parse_tbx (GBytes     *bytes,
                                    const char *name,
                                    const char *src_lang,
                                    const char *tgt_lang,
                                    GError    **error);
/* Streams a TBX file: `head` is its start, already read to tell the
 * format; the rest comes from `fd`, so the file is never all in memory. */
GPtrArray  *dip_glossary_read_tbx  (int         fd,
                                    const char *head,
                                    gsize       head_length,
                                    const char *name,
                                    const char *src_lang,
                                    const char *tgt_lang,
                                    GError    **error);
GBytes     *dip_glossary_write_tbx (GPtrArray  *entries,
                                    const char *src_lang,
                                    const char *tgt_lang,
                                    GError    **error);
