/* bench-window.c — opening a project of 100,000 beads in the main window,
 * and moving through it.
 *
 *   xvfb-run -a meson test -C build --benchmark --suite bench window -v
 *
 * Target (issue 7): the project opens in under 1 s. The list is a list
 * model under a GtkColumnView, so only the rows on screen are widgets.
 */
#include "dip-config.h"

#include <adwaita.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "dip-window.h"

#define N_BEADS 100000

static char *
make_project (const char *dir)
{
  g_autofree char *tsv = g_build_filename (dir, "pairs.tsv", NULL);
  char *path = g_build_filename (dir, "big.diptych", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_BEADS; i++)
    g_string_append_printf (text, "Frase numero %u del documento, con qualche parola in più.\t"
                                  "Sentence number %u of the document, with a few more words.\n",
                            i, i);
  g_assert_true (g_file_set_contents (tsv, text->str, text->len, &error));
  g_autoptr (DipProject) project = dip_project_create (path, "it", "en", &error);
  g_assert_no_error (error);
  g_assert_true (dip_project_import_pairs (project, tsv, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64 first_paint;

static void
painted (GdkFrameClock *clock, gpointer user_data)
{
  if (first_paint == 0)
    first_paint = g_get_monotonic_time ();
}

int
main (int argc, char **argv)
{
  gtk_init ();
  adw_init ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("diptych-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = make_project (dir);

  DipWindow *window = dip_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gint64 start = g_get_monotonic_time ();
  g_assert_true (dip_window_load_project (window, path, &error));
  double load_seconds = (g_get_monotonic_time () - start) / 1e6;
  gtk_window_present (GTK_WINDOW (window));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (painted), NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  double open_seconds = (g_get_monotonic_time () - start) / 1e6;
  double paint_seconds = first_paint ? (first_paint - start) / 1e6 : open_seconds;
  struct rusage opened;
  getrusage (RUSAGE_SELF, &opened);
  double cpu_seconds = opened.ru_utime.tv_sec + opened.ru_utime.tv_usec / 1e6
                       + opened.ru_stime.tv_sec + opened.ru_stime.tv_usec / 1e6;
  g_assert_cmpuint (g_list_model_get_n_items (dip_window_get_beads (window)), ==, N_BEADS);

  /* Jump through the list as a reviewer would, drawing each time. */
  start = g_get_monotonic_time ();
  for (guint k = 0; k < 50; k++)
    {
      dip_window_select_bead (window, (k * 7919u) % N_BEADS);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  double jump_ms = (g_get_monotonic_time () - start) / 1e3 / 50;

  /* Scroll a page at a time, as with the mouse wheel or Page Down. */
  GtkWidget *scrolled = find_scrolled (GTK_WIDGET (dip_window_get_alignment_view (window)));
  double page_ms = 0;
  if (scrolled != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      start = g_get_monotonic_time ();
      for (guint k = 0; k < 100; k++)
        {
          gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj)
                                           + gtk_adjustment_get_page_size (adj));
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
      page_ms = (g_get_monotonic_time () - start) / 1e3 / 100;
    }

  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  printf ("open %u beads: %.2f s until idle (target < 1 s; reading the project %.2f s, first "
          "frame drawn at %.2f s, then the editor's spelling and the memory lookup; the "
          "process's CPU time until idle, making the project included, %.2f s); jump to a far "
          "bead and draw: %.1f ms; scroll a page and draw: %.1f ms; peak RSS %.0f MB\n",
          N_BEADS, open_seconds, load_seconds, paint_seconds, cpu_seconds, jump_ms, page_ms,
          usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *tsv = g_build_filename (dir, "pairs.tsv", NULL);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (tsv);
  g_rmdir (dir);
  return open_seconds < 1.0 ? 0 : 1;
}
