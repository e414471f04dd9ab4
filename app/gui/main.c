/* main.c — diptych: the Diptych desktop workbench. */
#include "dip-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dip-application.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (DIP_GETTEXT_PACKAGE, DIP_LOCALEDIR);
  bind_textdomain_codeset (DIP_GETTEXT_PACKAGE, "UTF-8");
  textdomain (DIP_GETTEXT_PACKAGE);

  g_autoptr (DipApplication) app = dip_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
