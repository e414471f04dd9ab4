/* dip-application.c — the Diptych application.
 *
 * Opens one window per project given on the command line (HANDLES_OPEN) or
 * an empty window that offers to open one. App-wide actions (about, quit)
 * live here; per-window actions live in DipWindow.
 */
#include "dip-config.h"

#include <glib/gi18n.h>

#include "dip-application.h"
#include "dip-resources.h"
#include "dip-window.h"

struct _DipApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (DipApplication, dip_application, ADW_TYPE_APPLICATION)

static DipWindow *
new_window (DipApplication *self)
{
  return dip_window_new (GTK_APPLICATION (self));
}

static void
dip_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (DIP_APPLICATION (app)));
  gtk_window_present (window);
}

static void
dip_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      DipWindow *window = new_window (DIP_APPLICATION (app));
      /* A file that cannot be opened is reported in its window, which then
         offers to open another one. */
      dip_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Diptych developers", NULL };

  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_set_application (GTK_WINDOW (about), app);
  adw_about_window_set_application_name (about, _("Diptych"));
  adw_about_window_set_application_icon (about, DIP_APPLICATION_ID);
  adw_about_window_set_version (about, DIP_VERSION);
  adw_about_window_set_comments (about, _("Align a text with its translation, review the pairs "
                                          "and export them as a translation memory"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static void
dip_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (dip_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);

  /* The review keys of the main window (data/ui/gtk/help-overlay.ui). */
  static const struct
  {
    const char *action;
    const char *accels[3];  /* NULL-terminated */
  } review_keys[] = {
    { "win.confirm", { "<Control>Return", NULL } },
    { "win.reject", { "<Control>BackSpace", NULL } },
    { "win.merge-next", { "<Control>m", NULL } },
    { "win.merge-previous", { "<Control><Shift>m", NULL } },
    { "win.split", { "<Control><Shift>Return", NULL } },
    { "win.move-source-up", { "<Alt>Up", NULL } },
    { "win.move-source-down", { "<Alt>Down", NULL } },
    { "win.move-target-up", { "<Alt><Shift>Up", NULL } },
    { "win.move-target-down", { "<Alt><Shift>Down", NULL } },
    { "win.insert-gap", { "<Control><Shift>g", NULL } },
    { "win.edit-source", { "F2", NULL } },
    { "win.edit-target", { "<Shift>F2", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.align", { "<Control>r", NULL } },
    { "win.next-unsure", { "<Control>u", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.new-project", { "<Control>n", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.find", { "<Control>f", NULL } },
    /* Ctrl+Shift+G is "insert a gap" (UI.md): back is Shift+F3. */
    { "win.find-next", { "<Control>g", "F3", NULL } },
    { "win.find-previous", { "<Shift>F3", NULL } },
    { "win.check", { "<Control><Shift>c", NULL } },
  };
  for (guint i = 0; i < G_N_ELEMENTS (review_keys); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), review_keys[i].action,
                                           review_keys[i].accels);
}

static void
dip_application_class_init (DipApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = dip_application_startup;
  app_class->activate = dip_application_activate;
  app_class->open = dip_application_open;
}

static void
dip_application_init (DipApplication *self)
{
}

DipApplication *
dip_application_new (void)
{
  /* Before GtkApplication looks for gtk/help-overlay.ui and style.css
     under the base path. */
  dip_gui_ensure_resources ();
  return g_object_new (DIP_TYPE_APPLICATION,
                       "application-id", DIP_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/diptych/Diptych",
                       NULL);
}
