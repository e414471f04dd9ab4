/* dip-error.c — the DIP_ERROR domain. */
#include "dip-config.h"

#include <diptych/diptych.h>

G_DEFINE_QUARK (dip-error-quark, dip_error)
