/* dip-resources.c — the GUI's templates, styles and icons.
 *
 * The resource data sits in a static library: nothing references it unless
 * we do, so it is registered by hand rather than by a constructor.
 */
#include "dip-config.h"

#include <gio/gio.h>

#include "dip-gui-resources.h"
#include "dip-resources.h"

void
dip_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      dip_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
