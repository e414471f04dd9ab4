/* fuzz-text-import.c — libFuzzer target: bytes as a text file, cleaned,
 * split into paragraphs and segmented in two languages. Any input must
 * either be refused with an error or give segments inside the text. */
#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static DipSegmenter *segmenters[2];

static void
check_spans (const GArray *spans, gsize length)
{
  gsize previous_end = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      const DipSegmentSpan *s = &g_array_index (spans, DipSegmentSpan, i);
      if (s->start >= s->end || s->end > length || s->start < previous_end)
        __builtin_trap ();
      previous_end = s->end;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  if (segmenters[0] == NULL)
    {
      segmenters[0] = dip_segmenter_new ("en", NULL);
      segmenters[1] = dip_segmenter_new ("it", NULL);
    }

  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (DipText) text = dip_text_new_from_bytes (bytes, "fuzz.txt", &error);
  if (text == NULL)
    return 0;

  g_autoptr (GArray) paragraphs = dip_split_paragraphs (text->text, text->length);
  for (guint k = 0; k < G_N_ELEMENTS (segmenters); k++)
    {
      g_autoptr (GArray) spans = dip_segmenter_split (segmenters[k], text->text, text->length,
                                                      paragraphs, &error);
      if (spans == NULL)
        __builtin_trap ();
      check_spans (spans, text->length);
    }
  g_autoptr (GArray) lines = dip_split_lines (text->text, text->length, paragraphs);
  check_spans (lines, text->length);
  return 0;
}
