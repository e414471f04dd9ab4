/* dip-bead-reader.c — the beads an export writes, read in a thread of
 * their own.
 *
 * An export's time is about a third in SQLite reading beads and their
 * segments and two thirds in writing them out. Here a thread walks a
 * DipBeadCursor and hands its units over in batches, so that on two cores
 * the reading and the writing overlap, as the pair writer overlaps an
 * import's parsing and storing. The thread owns the project's connection
 * from the reader's creation until it is freed or has handed over the
 * last batch; the caller touches the store again only after that.
 *
 * Memory does not grow with the project: N_BATCHES batches of at most
 * UNITS_PER_BATCH units, each batch taking no more units once its texts
 * pass BATCH_TEXT_BYTES.
 */
#include "dip-config.h"

#include <string.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"

/* One being written out, one being read, two waiting. */
#define N_BATCHES 4
#define UNITS_PER_BATCH 256
#define BATCH_TEXT_BYTES (256 * 1024)

/* The strings of a unit, kept as offsets in the batch's bytes while it
 * fills (the bytes move as they grow). */
enum { CHANGED_AT, SRC_LANG, TGT_LANG, SRC_TEXT, TGT_TEXT, N_STRINGS };
#define NO_STRING G_MAXSIZE

typedef struct
{
  DipExportUnit unit;  /* its string pointers unset */
  gsize         strings[N_STRINGS];
} Item;

typedef struct
{
  GString  *bytes;
  Item      items[UNITS_PER_BATCH];
  guint     n_items;
  gboolean  last;
} Batch;

struct _DipBeadReader
{
  DipBeadCursor *cursor;     /* the thread's until it has ended */
  GThread       *thread;     /* NULL once joined */
  GAsyncQueue   *full;       /* batches read, for the caller */
  GAsyncQueue   *empty;      /* batches written out, for the thread */
  Batch         *current;    /* the caller's, or NULL */
  guint          next_item;  /* in current */
  GError        *error;      /* the thread's; read after joining */
  gint           abandoned;  /* atomic: read no more */
  DipExportUnit  unit;       /* the one handed out last */
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);
  batch->bytes = g_string_new (NULL);
  return batch;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;
  g_string_free (batch->bytes, TRUE);
  g_free (batch);
}

static void
batch_clear (Batch *batch)
{
  /* A batch that carried a very long text does not keep its memory. */
  if (batch->bytes->allocated_len > 4 * BATCH_TEXT_BYTES)
    {
      g_string_free (batch->bytes, TRUE);
      batch->bytes = g_string_new (NULL);
    }
  g_string_truncate (batch->bytes, 0);
  batch->n_items = 0;
  batch->last = FALSE;
}

static gboolean
batch_is_full (const Batch *batch)
{
  return batch->n_items == UNITS_PER_BATCH || batch->bytes->len >= BATCH_TEXT_BYTES;
}

static gsize
add_string (Batch *batch, const char *text)
{
  if (text == NULL)
    return NO_STRING;
  gsize offset = batch->bytes->len;
  g_string_append_len (batch->bytes, text, (gssize) strlen (text) + 1);
  return offset;
}

static void
batch_add (Batch *batch, const DipExportUnit *unit)
{
  Item *item = &batch->items[batch->n_items++];
  item->unit = *unit;
  item->strings[CHANGED_AT] = add_string (batch, unit->changed_at);
  item->strings[SRC_LANG] = add_string (batch, unit->src_lang);
  item->strings[TGT_LANG] = add_string (batch, unit->tgt_lang);
  item->strings[SRC_TEXT] = add_string (batch, unit->src_text);
  item->strings[TGT_TEXT] = add_string (batch, unit->tgt_text);
}

static const char *
string_at (const Batch *batch, const Item *item, guint which)
{
  gsize offset = item->strings[which];
  return offset == NO_STRING ? NULL : batch->bytes->str + offset;
}

/* ---- the reading thread -------------------------------------------------- */

/* Fills batches until the cursor ends, fails or the caller gives up; the
 * batch that says so is marked last. */
static gpointer
read_beads (gpointer data)
{
  DipBeadReader *reader = data;
  gboolean last = FALSE;
  while (!last)
    {
      Batch *batch = g_async_queue_pop (reader->empty);
      batch_clear (batch);
      while (!batch_is_full (batch))
        {
          const DipExportUnit *unit = NULL;
          if (!g_atomic_int_get (&reader->abandoned))
            unit = dip_bead_cursor_next (reader->cursor, &reader->error);
          if (unit == NULL)
            {
              batch->last = TRUE;
              break;
            }
          batch_add (batch, unit);
        }
      last = batch->last;
      g_async_queue_push (reader->full, batch);
    }
  return NULL;
}

/* ---- the caller's side ----------------------------------------------------- */

DipBeadReader *
dip_bead_reader_new (DipProject *project, const DipExportFilter *filter, GError **error)
{
  DipBeadCursor *cursor = dip_bead_cursor_new (project, filter, error);
  if (cursor == NULL)
    return NULL;
  DipBeadReader *reader = g_new0 (DipBeadReader, 1);
  reader->cursor = cursor;
  reader->full = g_async_queue_new_full (batch_free);
  reader->empty = g_async_queue_new_full (batch_free);
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (reader->empty, batch_new ());
  reader->thread = g_thread_new ("dip-bead-reader", read_beads, reader);
  return reader;
}

/* Hands the current batch back; after the last one, waits for the thread
 * to end. */
static void
give_back (DipBeadReader *reader)
{
  gboolean last = reader->current->last;
  g_async_queue_push (reader->empty, g_steal_pointer (&reader->current));
  if (last)
    g_thread_join (g_steal_pointer (&reader->thread));
}

const DipExportUnit *
dip_bead_reader_next (DipBeadReader *reader, GError **error)
{
  while (reader->thread != NULL)
    {
      if (reader->current == NULL)
        {
          reader->current = g_async_queue_pop (reader->full);
          reader->next_item = 0;
        }
      if (reader->next_item < reader->current->n_items)
        {
          const Batch *batch = reader->current;
          const Item *item = &batch->items[reader->next_item++];
          reader->unit = item->unit;
          reader->unit.changed_at = string_at (batch, item, CHANGED_AT);
          reader->unit.src_lang = string_at (batch, item, SRC_LANG);
          reader->unit.tgt_lang = string_at (batch, item, TGT_LANG);
          reader->unit.src_text = string_at (batch, item, SRC_TEXT);
          reader->unit.tgt_text = string_at (batch, item, TGT_TEXT);
          return &reader->unit;
        }
      give_back (reader);
    }
  if (reader->error != NULL)
    g_propagate_error (error, g_steal_pointer (&reader->error));
  return NULL;
}

guint64
dip_bead_reader_get_n_skipped (DipBeadReader *reader)
{
  g_return_val_if_fail (reader->thread == NULL, 0);
  return dip_bead_cursor_get_n_skipped (reader->cursor);
}

void
dip_bead_reader_free (DipBeadReader *reader)
{
  if (reader == NULL)
    return;
  /* The thread stops at its next unit; what it read meanwhile is dropped. */
  g_atomic_int_set (&reader->abandoned, TRUE);
  while (reader->thread != NULL)
    {
      if (reader->current == NULL)
        reader->current = g_async_queue_pop (reader->full);
      give_back (reader);
    }
  g_clear_pointer (&reader->cursor, dip_bead_cursor_free);
  g_async_queue_unref (reader->full);
  g_async_queue_unref (reader->empty);
  g_clear_error (&reader->error);
  g_free (reader);
}
