/* fuzz-tmx-import.c — libFuzzer target: bytes as a TMX file imported into a
 * project. Any input must either be refused with an error, leaving the
 * project as it was, or give a document pair with one segment per side for
 * each imported unit. Seeds are TMX files as tools write them. */
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *input_path;
static char *project_path;
static DipProject *project;
static guint n_runs;

static void
remove_project (void)
{
  g_clear_object (&project);
  const char *suffixes[] = { "", "-wal", "-shm" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (project_path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static guint
count_documents (void)
{
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, NULL);
  if (documents == NULL)
    __builtin_trap ();
  return documents->len;
}

static guint
count_segments (gint64 document)
{
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, document, NULL);
  if (segments == NULL)
    __builtin_trap ();
  return segments->len;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  if (input_path == NULL)
    {
      input_path = g_strdup_printf ("%s/diptych-fuzz-tmx-%d.tmx", g_get_tmp_dir (), (int) getpid ());
      project_path = g_strdup_printf ("%s/diptych-fuzz-tmx-%d.diptych", g_get_tmp_dir (),
                                      (int) getpid ());
    }
  /* A fresh project now and then keeps each run as fast as the first. */
  if (project == NULL || ++n_runs % 500 == 0)
    {
      remove_project ();
      project = dip_project_create (project_path, "it", "en-GB", NULL);
      if (project == NULL)
        __builtin_trap ();
    }
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    return 0;

  guint before = count_documents ();
  g_autoptr (GError) error = NULL;
  DipImportReport report = { 0 };
  if (!dip_project_import_tmx (project, input_path, &report, NULL, &error))
    {
      if (error == NULL || count_documents () != before)
        __builtin_trap ();
      return 0;
    }
  if (report.n_imported == 0 || report.n_imported + report.n_skipped != report.n_read
      || count_segments (report.src_document) != report.n_imported
      || count_segments (report.tgt_document) != report.n_imported)
    __builtin_trap ();
  return 0;
}
