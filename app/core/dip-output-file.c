/* dip-output-file.c — an export file that appears only when it is whole.
 *
 * Data goes to a temporary file in the destination's own directory (so the
 * final rename cannot cross file systems), is synced, and then renamed over
 * the destination. A full disk, a killed process or an error halfway leaves
 * the old file, or none, never half a new one.
 */
#include "dip-config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#include "dip-exchange-private.h"

struct _DipOutputFile
{
  char     *path;       /* where the file must appear */
  char     *tmp_path;   /* where it is written meanwhile */
  FILE     *stream;
  int       write_errno;
  gboolean  committed;
};

static int
code_for_errno (int saved)
{
  switch (saved)
    {
    case ENOSPC:
    case EDQUOT:
      return DIP_ERROR_DISK_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
      return DIP_ERROR_READ_ONLY;
    case ENOENT:
    case ENOTDIR:
      return DIP_ERROR_NOT_FOUND;
    default:
      return DIP_ERROR_IO;
    }
}

static gboolean
fail_errno (const char *path, int saved, GError **error)
{
  g_set_error (error, DIP_ERROR, code_for_errno (saved), "%s: %s", path, g_strerror (saved));
  return FALSE;
}

DipOutputFile *
dip_output_file_open (const char *path, GError **error)
{
  struct stat st;
  if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT, "%s: is a directory", path);
      return NULL;
    }

  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  /* 0666 so that the umask, not we, decides who may read the export. */
  int fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      fail_errno (path, errno, error);
      return NULL;
    }
  FILE *stream = fdopen (fd, "w");
  if (stream == NULL)
    {
      int saved = errno;
      close (fd);
      g_unlink (tmp_path);
      fail_errno (path, saved, error);
      return NULL;
    }

  DipOutputFile *file = g_new0 (DipOutputFile, 1);
  file->path = g_strdup (path);
  file->tmp_path = g_steal_pointer (&tmp_path);
  file->stream = stream;
  return file;
}

void
dip_output_file_write (DipOutputFile *file, const void *data, gsize length)
{
  if (file->write_errno != 0 || length == 0)
    return;
  if (fwrite (data, 1, length, file->stream) != length)
    file->write_errno = errno ? errno : EIO;
}

gboolean
dip_output_file_ok (DipOutputFile *file)
{
  return file->write_errno == 0;
}

gboolean
dip_output_file_commit (DipOutputFile *file, GError **error)
{
  g_return_val_if_fail (!file->committed, FALSE);

  if (file->write_errno == 0 && fflush (file->stream) != 0)
    file->write_errno = errno ? errno : EIO;
  if (file->write_errno == 0 && fsync (fileno (file->stream)) != 0)
    file->write_errno = errno;
  int rc = fclose (file->stream);
  file->stream = NULL;
  if (file->write_errno == 0 && rc != 0)
    file->write_errno = errno ? errno : EIO;
  if (file->write_errno != 0)
    return fail_errno (file->path, file->write_errno, error);

  if (g_rename (file->tmp_path, file->path) != 0)
    return fail_errno (file->path, errno, error);
  file->committed = TRUE;
  return TRUE;
}

void
dip_output_file_free (DipOutputFile *file)
{
  if (file == NULL)
    return;
  if (file->stream != NULL)
    fclose (file->stream);
  if (!file->committed)
    g_unlink (file->tmp_path);
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
}
