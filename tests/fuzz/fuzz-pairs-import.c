/* fuzz-pairs-import.c — libFuzzer target: bytes as a "source TAB target"
 * file imported into a project, then exported again. Bad input must be
 * refused with an error and nothing stored; good input must give one
 * confirmed 1-1 bead per line and export back to the same number of lines. */
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *input_path;
static char *output_path;
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

static char *
temp_path (const char *suffix)
{
  return g_strdup_printf ("%s/diptych-fuzz-pairs-%d%s", g_get_tmp_dir (), (int) getpid (),
                          suffix);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  if (input_path == NULL)
    {
      input_path = temp_path (".tsv");
      output_path = temp_path ("-out.tsv");
      project_path = temp_path (".diptych");
    }
  /* Each run exports everything, so the project must stay small. */
  if (project == NULL || ++n_runs % 100 == 0)
    {
      remove_project ();
      project = dip_project_create (project_path, "ro", "en", NULL);
      if (project == NULL)
        __builtin_trap ();
    }
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    return 0;

  g_autoptr (GPtrArray) before = dip_project_list_documents (project, NULL);
  g_autoptr (GError) error = NULL;
  DipImportReport report = { 0 };
  if (!dip_project_import_pairs (project, input_path, &report, NULL, &error))
    {
      g_autoptr (GPtrArray) after = dip_project_list_documents (project, NULL);
      if (error == NULL || before == NULL || after == NULL || after->len != before->len)
        __builtin_trap ();
      return 0;
    }

  g_autoptr (GArray) beads = dip_project_list_beads (project, report.src_document,
                                                     report.tgt_document, NULL);
  if (beads == NULL || beads->len != report.n_imported)
    __builtin_trap ();

  DipExportReport exported = { 0 };
  if (!dip_project_export_tsv (project, output_path, NULL, &exported, NULL, NULL))
    __builtin_trap ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (output_path, &contents, &length, NULL))
    __builtin_trap ();
  guint64 lines = 0;
  for (gsize i = 0; i < length; i++)
    lines += contents[i] == '\n';
  if (lines != exported.n_written)
    __builtin_trap ();
  return 0;
}
