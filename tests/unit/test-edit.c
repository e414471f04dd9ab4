/* test-edit.c — corrections of an alignment, and undo and redo that
 * survive closing the project. */
#include "dip-config.h"

#include <string.h>

#include "test-util.h"

typedef struct
{
  TestTmpDir *dir;
  char       *path;
  DipProject *project;
  gint64      src, tgt;
} Fixture;

/* Three source and three target sentences, aligned 1-1. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = test_tmpdir_new ();
  f->path = g_build_filename (f->dir->path, "edit.diptych", NULL);
  g_autofree char *src = test_write_file (f->dir, "src.txt", "Uno.\nDue.\nTre.\n", -1);
  g_autofree char *tgt = test_write_file (f->dir, "tgt.txt", "One.\nTwo.\nThree.\n", -1);
  f->project = dip_project_create (f->path, "it", "en", &error);
  g_assert_no_error (error);
  f->src = dip_project_import_text (f->project, src, DIP_SIDE_SOURCE, NULL,
                                    DIP_IMPORT_PRESEGMENTED, NULL, &error);
  f->tgt = dip_project_import_text (f->project, tgt, DIP_SIDE_TARGET, NULL,
                                    DIP_IMPORT_PRESEGMENTED, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (GArray) beads = g_array_new (FALSE, TRUE, sizeof (DipBead));
  for (guint i = 0; i < 3; i++)
    {
      DipBead bead = { 0, i, 1, i, 1, 0.5, DIP_BEAD_AUTO };
      g_array_append_val (beads, bead);
    }
  g_assert_true (dip_project_replace_beads (f->project, f->src, f->tgt, beads, "align", &error));
  g_assert_no_error (error);

  /* The pair every edit works on is the latest document of each side. */
  gint64 latest_src = 0, latest_tgt = 0;
  g_assert_true (dip_project_latest_pair (f->project, &latest_src, &latest_tgt, &error));
  g_assert_cmpint (latest_src, ==, f->src);
  g_assert_cmpint (latest_tgt, ==, f->tgt);

  /* A bead's side text: its segments joined. */
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, f->src, &error);
  g_assert_no_error (error);
  g_autofree char *joined = dip_segments_join (segments, 0, 2, " | ");
  g_assert_cmpstr (joined, ==, "Uno. | Due.");
  g_autofree char *past_end = dip_segments_join (segments, 2, 5, " ");
  g_assert_cmpstr (past_end, ==, "Tre.");
  g_autofree char *none = dip_segments_join (segments, 1, 0, " ");
  g_assert_cmpstr (none, ==, "");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_free (f->path);
  test_tmpdir_free (f->dir);
}

/* The beads as "s+n:t+m/status" joined by spaces. */
static char *
describe (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) beads = dip_project_list_beads (f->project, f->src, f->tgt, &error);
  g_assert_no_error (error);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < beads->len; i++)
    {
      const DipBead *b = &g_array_index (beads, DipBead, i);
      g_string_append_printf (out, "%s%u+%u:%u+%u/%s", i ? " " : "", b->src_start, b->src_count,
                              b->tgt_start, b->tgt_count, dip_bead_status_to_string (b->status));
    }
  return g_string_free (out, FALSE);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_clear_object (&f->project);
  f->project = dip_project_open (f->path, &error);
  g_assert_no_error (error);
}

static void
test_confirm_and_reject (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_project_set_bead_status (f->project, f->src, f->tgt, 1, DIP_BEAD_CONFIRMED,
                                              &error));
  g_assert_true (dip_project_set_bead_status (f->project, f->src, f->tgt, 2, DIP_BEAD_REJECTED,
                                              &error));
  g_assert_no_error (error);
  reopen (f);
  g_autofree char *got = describe (f);
  g_assert_cmpstr (got, ==, "0+1:0+1/auto 1+1:1+1/confirmed 2+1:2+1/rejected");

  g_assert_false (dip_project_set_bead_status (f->project, f->src, f->tgt, 3, DIP_BEAD_CONFIRMED,
                                               &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "edit.diptych");
}

static void
test_merge_and_split (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_project_merge_beads (f->project, f->src, f->tgt, 0, &error));
  g_assert_no_error (error);
  g_autofree char *merged = describe (f);
  g_assert_cmpstr (merged, ==, "0+2:0+2/auto 2+1:2+1/auto");

  /* Split back into 1-1 + 1-1, and differently: 2-0 + 0-2 is refused
     only when a part would be empty. */
  g_assert_true (dip_project_split_bead (f->project, f->src, f->tgt, 0, 1, 1, &error));
  g_autofree char *split = describe (f);
  g_assert_cmpstr (split, ==, "0+1:0+1/auto 1+1:1+1/auto 2+1:2+1/auto");
  g_assert_false (dip_project_split_bead (f->project, f->src, f->tgt, 0, 1, 1, &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "cannot be split");
  g_clear_error (&error);
  g_assert_false (dip_project_merge_beads (f->project, f->src, f->tgt, 2, &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "to merge with");
}

static void
test_undo_redo_survive_reopening (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = describe (f);

  g_assert_true (dip_project_merge_beads (f->project, f->src, f->tgt, 1, &error));
  g_assert_true (dip_project_set_bead_status (f->project, f->src, f->tgt, 0, DIP_BEAD_CONFIRMED,
                                              &error));
  g_assert_no_error (error);
  g_autofree char *edited = describe (f);
  g_assert_cmpstr (edited, ==, "0+1:0+1/confirmed 1+2:1+2/auto");

  reopen (f);
  g_autofree char *action = NULL;
  g_assert_true (dip_project_undo (f->project, &action, &error));
  g_assert_cmpstr (action, ==, "confirmed");
  g_clear_pointer (&action, g_free);
  reopen (f);
  g_assert_true (dip_project_undo (f->project, &action, &error));
  g_assert_cmpstr (action, ==, "merge");
  g_clear_pointer (&action, g_free);
  g_autofree char *undone = describe (f);
  g_assert_cmpstr (undone, ==, start);

  reopen (f);
  g_assert_true (dip_project_redo (f->project, &action, &error));
  g_assert_cmpstr (action, ==, "merge");
  g_clear_pointer (&action, g_free);
  g_autofree char *redone = describe (f);
  g_assert_cmpstr (redone, ==, "0+1:0+1/auto 1+2:1+2/auto");

  /* A new change ends the redo history. */
  g_assert_true (dip_project_set_bead_status (f->project, f->src, f->tgt, 1, DIP_BEAD_REJECTED,
                                              &error));
  g_assert_true (dip_project_redo (f->project, &action, &error));
  g_assert_null (action);
  g_autofree char *after = describe (f);
  g_assert_cmpstr (after, ==, "0+1:0+1/auto 1+2:1+2/rejected");

  /* Undo back past the first alignment, then nothing is left to undo. */
  while (dip_project_undo (f->project, &action, &error) && action != NULL)
    g_clear_pointer (&action, g_free);
  g_assert_no_error (error);
  g_autofree char *empty = describe (f);
  g_assert_cmpstr (empty, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/edit/confirm-and-reject", Fixture, NULL, fixture_set_up, test_confirm_and_reject,
              fixture_tear_down);
  g_test_add ("/edit/merge-and-split", Fixture, NULL, fixture_set_up, test_merge_and_split,
              fixture_tear_down);
  g_test_add ("/edit/undo-redo-survive-reopening", Fixture, NULL, fixture_set_up,
              test_undo_redo_survive_reopening, fixture_tear_down);
  return g_test_run ();
}
