/* fuzz-glossary-import.c — libFuzzer target: bytes as a glossary file in
 * each format (TSV, CSV, TBX). Any input must be refused with an error
 * naming the file, or give entries with clean, non-empty terms that
 * survive writing in the same format and reading back unchanged. */
#include <string.h>

#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_entry (const DipGlossaryEntry *e)
{
  if (e->src_term == NULL || e->tgt_term == NULL || *e->src_term == '\0' || *e->tgt_term == '\0'
      || !g_utf8_validate (e->src_term, -1, NULL) || !g_utf8_validate (e->tgt_term, -1, NULL)
      || (e->note && !g_utf8_validate (e->note, -1, NULL)))
    __builtin_trap ();
}

static gboolean
same_entry (const DipGlossaryEntry *a, const DipGlossaryEntry *b, gboolean with_pos)
{
  return g_str_equal (a->src_term, b->src_term) && g_str_equal (a->tgt_term, b->tgt_term)
         && a->status == b->status && g_strcmp0 (a->note, b->note) == 0
         && (!with_pos || g_strcmp0 (a->part_of_speech, b->part_of_speech) == 0);
}

static void
round_trip (GPtrArray *entries, DipGlossaryFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) written = dip_glossary_serialize (entries, format, "it", "en", &error);
  if (written == NULL)
    __builtin_trap ();
  g_autoptr (GPtrArray) again = dip_glossary_parse (written, "again", format, "it", "en", &error);
  if (again == NULL || again->len != entries->len)
    __builtin_trap ();
  for (guint i = 0; i < entries->len; i++)
    if (!same_entry (g_ptr_array_index (entries, i), g_ptr_array_index (again, i),
                     format != DIP_GLOSSARY_FORMAT_TSV))
      __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static const struct
  {
    DipGlossaryFormat format;
    const char       *name;
  } formats[] = {
    { DIP_GLOSSARY_FORMAT_TSV, "fuzz.tsv" },
    { DIP_GLOSSARY_FORMAT_CSV, "fuzz.csv" },
    { DIP_GLOSSARY_FORMAT_TBX, "fuzz.tbx" },
  };
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) entries = dip_glossary_parse (bytes, formats[k].name,
                                                          formats[k].format, "it", "en", &error);
      if (entries == NULL)
        {
          if (error == NULL || strstr (error->message, formats[k].name) == NULL)
            __builtin_trap ();
          continue;
        }
      for (guint i = 0; i < entries->len; i++)
        check_entry (g_ptr_array_index (entries, i));
      round_trip (entries, formats[k].format);
    }
  return 0;
}
