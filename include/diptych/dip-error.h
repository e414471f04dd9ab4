/* dip-error.h — the error domain of libdiptych. */
#pragma once

#if !defined(DIPTYCH_INSIDE) && !defined(DIPTYCH_COMPILATION)
#error "Only <diptych/diptych.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define DIP_ERROR (dip_error_quark ())

/* Codes are part of the CLI's contract: cmd-*.c map some of them to exit
 * codes, so append new ones at the end. */
typedef enum
{
  DIP_ERROR_FAILED,          /* anything not covered below */
  DIP_ERROR_IO,              /* reading or writing a file failed */
  DIP_ERROR_NOT_FOUND,       /* a file, document, bead or entry does not exist */
  DIP_ERROR_INVALID_INPUT,   /* the input is readable but not acceptable (empty, binary, …) */
  DIP_ERROR_ENCODING,        /* text is not valid UTF-8 */
  DIP_ERROR_NOT_A_PROJECT,   /* the file is not a Diptych project */
  DIP_ERROR_NEWER_VERSION,   /* the project was written by a newer Diptych */
  DIP_ERROR_CORRUPT,         /* the project file is damaged */
  DIP_ERROR_BUSY,            /* another process holds the project */
  DIP_ERROR_READ_ONLY,       /* the project or its folder cannot be written */
  DIP_ERROR_DISK_FULL,       /* no space left while writing */
  DIP_ERROR_CANCELLED,       /* the caller cancelled long work */
  DIP_ERROR_INVALID_ARGUMENT,/* a caller passed a value outside its range (language tag, id, …) */
} DipError;

GQuark dip_error_quark (void);

G_END_DECLS
