/* dip-application.h — the Diptych application: one window per project. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DIP_TYPE_APPLICATION (dip_application_get_type ())
G_DECLARE_FINAL_TYPE (DipApplication, dip_application, DIP, APPLICATION, AdwApplication)

DipApplication *dip_application_new (void);

G_END_DECLS
