/* window-edit-driver.c — a DipWindow on a project, editing in a loop until
 * it is killed: test-window-crash.sh kills it with SIGKILL at random
 * moments and checks that the project holds every change reported done.
 *
 *   window-edit-driver PROJECT [CYCLES]
 *
 * Prints "ready STATE" once the window shows the project, then for each
 * action "doing ACTION" before it and "done ACTION STATE" after it has
 * returned. STATE is read from the project file by a connection of its
 * own: "edits=N beads=MD5", the edits in effect and a digest of the bead
 * table. The window promises that a change is in the file when its action
 * returns; the driver checks that promise after each action (exit 3 if it
 * is broken) and the harness checks it across kills.
 */
#include "dip-config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdio.h>

#include "dip-window.h"

/* The same rows and format as the harness's sqlite3 command line. */
static const char bead_rows_sql[] =
  "SELECT src_document, tgt_document, position, src_start, src_count, tgt_start, tgt_count,"
  " status FROM bead ORDER BY src_document, tgt_document, position";

typedef struct
{
  int   edits;
  char *beads;  /* MD5 of the rows, one "a|b|…|status\n" each */
} State;

static void
state_clear (State *state)
{
  g_clear_pointer (&state->beads, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

static void
read_state (const char *path, State *out)
{
  sqlite3 *db = NULL;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  /* The window's own worker connections (damage check, spelling, memory)
     may hold the file for a moment, as when the last one closes and folds
     the WAL back in: wait for them as the application does. */
  sqlite3_busy_timeout (db, 5000);
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM edit WHERE undone = 0", -1, &stmt, NULL);
  out->edits = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  sqlite3_finalize (stmt);

  g_autoptr (GString) rows = g_string_new (NULL);
  sqlite3_prepare_v2 (db, bead_rows_sql, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (rows, "%s%s", c ? "|" : "",
                                (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  out->beads = g_compute_checksum_for_string (G_CHECKSUM_MD5, rows->str, (gssize) rows->len);
}

static void
print_state (const char *what, const State *state)
{
  printf ("%s edits=%d beads=%s\n", what, state->edits, state->beads);
  fflush (stdout);
}

static void
drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* One action on bead `index`; checks that its change is in the file. */
static void
act (DipWindow *window, const char *path, guint index, const char *action, int delta)
{
  g_auto (State) before = { 0 };
  g_auto (State) after = { 0 };
  read_state (path, &before);
  dip_window_select_bead (window, index);
  printf ("doing %s\n", action);
  fflush (stdout);
  g_autofree char *name = g_strconcat ("win.", action, NULL);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), name, NULL))
    g_error ("no action %s", name);
  read_state (path, &after);
  /* Refused (a merge past four sentences): nothing changed at all. */
  gboolean refused = after.edits == before.edits && g_str_equal (after.beads, before.beads);
  if (after.edits != before.edits + delta && !refused)
    {
      g_printerr ("%s: the file has %d edits in effect after it, %d before\n", action,
                  after.edits, before.edits);
      exit (3);
    }
  g_autofree char *done = g_strconcat ("done ", action, NULL);
  print_state (done, &after);
  drain_main_loop ();
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: window-edit-driver PROJECT [CYCLES]\n");
      return 2;
    }
  const char *path = argv[1];
  guint64 cycles = argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : G_MAXUINT64;
  gtk_init ();
  adw_init ();

  g_autoptr (GError) error = NULL;
  DipWindow *window = g_object_ref_sink (dip_window_new (NULL));
  if (!dip_window_load_project (window, path, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
  drain_main_loop ();

  g_auto (State) state = { 0 };
  read_state (path, &state);
  print_state ("ready", &state);
  guint n_beads = g_list_model_get_n_items (dip_window_get_beads (window));
  if (n_beads < 3)
    g_error ("%s: needs an aligned project", path);

  /* Each cycle leaves one more confirmation; the merge and the split are
   * undone, so the beads stay splittable and mergeable for ever. */
  for (guint64 cycle = 0; cycle < cycles; cycle++)
    {
      guint index = (guint) (cycle % (n_beads - 1));
      act (window, path, index, "confirm", 1);
      act (window, path, index, "merge-next", 1);
      act (window, path, index, "undo", -1);
      act (window, path, index, "split", 1);
      act (window, path, index, "undo", -1);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return 0;
}
