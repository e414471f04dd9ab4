/* test-faults.c — a full disk and a second process: clear errors, and
 * nothing already stored is lost.
 *
 * A shim SQLite VFS over the default one fails writes with SQLITE_FULL once
 * a byte budget is spent, the way a full disk does.
 */
#include <string.h>

#include <sqlite3.h>

#include "test-util.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* follows this struct in memory */
} ShimFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static gint64 write_budget = -1;  /* bytes left; -1 = unlimited */
static sqlite3_io_methods shim_io;

static int
shim_write (sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
  ShimFile *shim = (ShimFile *) file;
  if (write_budget >= 0)
    {
      if (write_budget < amount)
        return SQLITE_FULL;
      write_budget -= amount;
    }
  return shim->real->pMethods->xWrite (shim->real, data, amount, offset);
}

/* Every other method forwards to the real file. */
#define FORWARD(name, signature, call)                                 \
  static int name signature                                            \
  {                                                                    \
    ShimFile *shim = (ShimFile *) file;                                \
    return shim->real->pMethods->call;                                 \
  }

FORWARD (shim_read, (sqlite3_file *file, void *data, int amount, sqlite3_int64 offset),
         xRead (shim->real, data, amount, offset))
FORWARD (shim_truncate, (sqlite3_file *file, sqlite3_int64 size), xTruncate (shim->real, size))
FORWARD (shim_sync, (sqlite3_file *file, int flags), xSync (shim->real, flags))
FORWARD (shim_file_size, (sqlite3_file *file, sqlite3_int64 *size),
         xFileSize (shim->real, size))
FORWARD (shim_lock, (sqlite3_file *file, int level), xLock (shim->real, level))
FORWARD (shim_unlock, (sqlite3_file *file, int level), xUnlock (shim->real, level))
FORWARD (shim_check_reserved, (sqlite3_file *file, int *out), xCheckReservedLock (shim->real, out))
FORWARD (shim_file_control, (sqlite3_file *file, int op, void *arg),
         xFileControl (shim->real, op, arg))
FORWARD (shim_sector_size, (sqlite3_file *file), xSectorSize (shim->real))
FORWARD (shim_device_characteristics, (sqlite3_file *file), xDeviceCharacteristics (shim->real))
FORWARD (shim_shm_map, (sqlite3_file *file, int page, int size, int extend, void volatile **out),
         xShmMap (shim->real, page, size, extend, out))
FORWARD (shim_shm_lock, (sqlite3_file *file, int offset, int n, int flags),
         xShmLock (shim->real, offset, n, flags))
FORWARD (shim_shm_unmap, (sqlite3_file *file, int delete_flag), xShmUnmap (shim->real, delete_flag))

static void
shim_shm_barrier (sqlite3_file *file)
{
  ShimFile *shim = (ShimFile *) file;
  shim->real->pMethods->xShmBarrier (shim->real);
}

static int
shim_close (sqlite3_file *file)
{
  ShimFile *shim = (ShimFile *) file;
  return shim->real->pMethods->xClose (shim->real);
}

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  shim->real = (sqlite3_file *) (shim + 1);
  int rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  shim->base.pMethods = rc == SQLITE_OK ? &shim_io : NULL;
  return rc;
}

static void
install_shim (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "diptych-full-disk";
  shim_vfs.szOsFile = (int) sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;
  shim_io = (sqlite3_io_methods) {
    .iVersion = 2,
    .xClose = shim_close,
    .xRead = shim_read,
    .xWrite = shim_write,
    .xTruncate = shim_truncate,
    .xSync = shim_sync,
    .xFileSize = shim_file_size,
    .xLock = shim_lock,
    .xUnlock = shim_unlock,
    .xCheckReservedLock = shim_check_reserved,
    .xFileControl = shim_file_control,
    .xSectorSize = shim_sector_size,
    .xDeviceCharacteristics = shim_device_characteristics,
    .xShmMap = shim_shm_map,
    .xShmLock = shim_shm_lock,
    .xShmBarrier = shim_shm_barrier,
    .xShmUnmap = shim_shm_unmap,
  };
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

static guint
count_documents (DipProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = dip_project_list_documents (project, &error);
  g_assert_no_error (error);
  return docs->len;
}

static void
test_disk_full_during_import (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "full.diptych", NULL);
  g_autofree char *article = test_sample_path ("000-news-it.txt");
  g_autofree char *book = test_sample_path ("003-book-en.txt");
  g_autoptr (GError) error = NULL;

  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);
  gint64 first = dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL,
                                          DIP_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);

  /* The disk fills up in the middle of importing the 1.3 MB book. */
  write_budget = 256 * 1024;
  gint64 second = dip_project_import_text (project, book, DIP_SIDE_TARGET, "en",
                                           DIP_IMPORT_NONE, NULL, &error);
  write_budget = -1;
  g_assert_cmpint (second, ==, 0);
  test_assert_error (error, DIP_ERROR_DISK_FULL, "full.diptych: disk full");
  g_clear_error (&error);

  /* The project is intact: the first document, nothing of the second. */
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_clear_object (&project);
  project = dip_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_documents (project), ==, 1);
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 29);

  /* With space again, the same import works. */
  g_assert_cmpint (dip_project_import_text (project, book, DIP_SIDE_TARGET, "en",
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_disk_full_on_create (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "tiny.diptych", NULL);
  g_autoptr (GError) error = NULL;

  write_budget = 1024;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  write_budget = -1;
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "tiny.diptych"));
  /* Nothing is left behind. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_second_writer_gets_busy (void)
{
  g_autoptr (TestTmpDir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir->path, "shared.diptych", NULL);
  g_autofree char *article = test_sample_path ("000-news-it.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);

  /* Another program holds the write lock for longer than we wait. */
  sqlite3 *other = NULL;
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  gint64 id = dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL, DIP_IMPORT_NONE,
                                       NULL, &error);
  g_assert_cmpint (id, ==, 0);
  test_assert_error (error, DIP_ERROR_BUSY, "in use by another program");
  g_clear_error (&error);

  /* Readers are not blocked by the writer (WAL), and once it is done the
   * import goes through. */
  g_assert_cmpuint (count_documents (project), ==, 0);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (dip_project_import_text (project, article, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  install_shim ();
  g_test_add_func ("/faults/disk-full-during-import", test_disk_full_during_import);
  g_test_add_func ("/faults/disk-full-on-create", test_disk_full_on_create);
  g_test_add_func ("/faults/second-writer-gets-busy", test_second_writer_gets_busy);
  return g_test_run ();
}
