/* dip-resources.h — the GUI's templates, styles and icons. */
#pragma once

#include <glib.h>

/* Registers the resources compiled into the program, once. Every class
 * that loads a template calls it, so that a window works without the
 * application (as in the tests and benchmarks). */
void dip_gui_ensure_resources (void);
