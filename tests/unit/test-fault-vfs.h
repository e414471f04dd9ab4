/* test-fault-vfs.h — a shim SQLite VFS over the default one that fails
 * writes with SQLITE_FULL once a byte budget is spent, the way a full disk
 * does. Included by the fault tests; install_shim () once in main (). */
#pragma once

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

/* A test that only needs the bytes, not their safety on a power cut, sets
 * this to skip fsync: the sweeps open and write hundreds of projects. */
static gboolean skip_sync = FALSE;

static int
shim_sync (sqlite3_file *file, int flags)
{
  ShimFile *shim = (ShimFile *) file;
  return skip_sync ? SQLITE_OK : shim->real->pMethods->xSync (shim->real, flags);
}

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
