/* fuzz-project-open.c — libFuzzer target: bytes written to a file that is
 * then opened as a project and read. Damaged files must give errors, never
 * crashes. Seeds are real projects, so mutations reach SQLite's pages. */
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *path;

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  if (path == NULL)
    path = g_strdup_printf ("%s/diptych-fuzz-%d.diptych", g_get_tmp_dir (), (int) getpid ());

  const char *suffixes[] = { "-wal", "-shm" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      g_unlink (companion);
    }
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_open (path, &error);
  if (project == NULL)
    return 0;
  g_autoptr (GPtrArray) documents = dip_project_list_documents (project, &error);
  for (guint i = 0; documents && i < documents->len; i++)
    {
      const DipDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr (GPtrArray) segments = dip_project_list_segments (project, info->id, NULL);
      g_autoptr (GBytes) original = dip_project_dup_document_original (project, info->id, NULL);
      /* Reading is the test; what comes back may be anything. */
      (void) segments;
      (void) original;
    }
  return 0;
}
