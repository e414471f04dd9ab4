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
  g_autofree char *joined = dip_segments_join (segments, 0, 2, " | ", FALSE);
  g_assert_cmpstr (joined, ==, "Uno. | Due.");
  g_autofree char *past_end = dip_segments_join (segments, 2, 5, " ", FALSE);
  g_assert_cmpstr (past_end, ==, "Tre.");
  g_autofree char *none = dip_segments_join (segments, 1, 0, " ", FALSE);
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

static void
test_move_sentences (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* The second source sentence up into bead 1: 2-1, 0-1, 1-1. */
  g_assert_true (dip_project_move_segment (f->project, f->src, f->tgt, 1, DIP_SIDE_SOURCE, TRUE,
                                           &error));
  g_assert_no_error (error);
  g_autofree char *up = describe (f);
  g_assert_cmpstr (up, ==, "0+2:0+1/auto 2+0:1+1/auto 2+1:2+1/auto");

  /* Its target down into bead 3: bead 2 has nothing left and is gone. */
  g_assert_true (dip_project_move_segment (f->project, f->src, f->tgt, 1, DIP_SIDE_TARGET, FALSE,
                                           &error));
  g_assert_no_error (error);
  g_autofree char *down = describe (f);
  g_assert_cmpstr (down, ==, "0+2:0+1/auto 2+1:1+2/auto");

  DipChange change;
  dip_project_get_last_change (f->project, &change);
  g_assert_cmpint (change.kind, ==, DIP_CHANGE_BEADS);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 1);

  /* And back, one step at a time, through the history. */
  g_autofree char *action = NULL;
  g_assert_true (dip_project_undo (f->project, &action, &error));
  g_assert_cmpstr (action, ==, "move down");
  g_autofree char *undone = describe (f);
  g_assert_cmpstr (undone, ==, up);
  dip_project_get_last_change (f->project, &change);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 2);

  /* Nothing to move: above the first bead, out of a side with none. */
  g_assert_false (dip_project_move_segment (f->project, f->src, f->tgt, 0, DIP_SIDE_SOURCE, TRUE,
                                            &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "no bead above");
  g_clear_error (&error);
  g_assert_false (dip_project_move_segment (f->project, f->src, f->tgt, 1, DIP_SIDE_SOURCE, FALSE,
                                            &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "no source sentence");
  g_clear_error (&error);
  g_assert_false (dip_project_move_segment (f->project, f->src, f->tgt, 2, DIP_SIDE_SOURCE, FALSE,
                                            &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "no bead 4");
  g_autofree char *unchanged = describe (f);
  g_assert_cmpstr (unchanged, ==, up);
}

static void
test_insert_gap (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (dip_project_insert_gap (f->project, f->src, f->tgt, 1, &error));
  g_assert_no_error (error);
  g_autofree char *gap = describe (f);
  g_assert_cmpstr (gap, ==, "0+1:0+1/auto 1+1:1+0/auto 2+0:1+1/auto 2+1:2+1/auto");

  /* A bead with one side only has nothing to part. */
  g_assert_false (dip_project_insert_gap (f->project, f->src, f->tgt, 1, &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "one side only");
  g_clear_error (&error);

  /* Merging the parts gives the bead back. */
  g_assert_true (dip_project_merge_beads (f->project, f->src, f->tgt, 1, &error));
  g_autofree char *merged = describe (f);
  g_assert_cmpstr (merged, ==, "0+1:0+1/auto 1+1:1+1/auto 2+1:2+1/auto");
}

static char *
segment_text (Fixture *f, gint64 document, guint position)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, document, &error);
  g_assert_no_error (error);
  return dip_segments_join (segments, position, 1, "", FALSE);
}

static void
test_edit_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (dip_project_set_segment_text (f->project, f->tgt, 1, "Two, “quoted” — ✓.",
                                               &error));
  g_assert_no_error (error);
  reopen (f);
  g_autofree char *edited = segment_text (f, f->tgt, 1);
  g_assert_cmpstr (edited, ==, "Two, “quoted” — ✓.");
  DipChange change;
  dip_project_get_last_change (f->project, &change);
  g_assert_cmpint (change.kind, ==, DIP_CHANGE_NONE);

  g_autofree char *action = NULL;
  g_assert_true (dip_project_undo (f->project, &action, &error));
  g_assert_cmpstr (action, ==, "edit text");
  g_autofree char *undone = segment_text (f, f->tgt, 1);
  g_assert_cmpstr (undone, ==, "Two.");
  dip_project_get_last_change (f->project, &change);
  g_assert_cmpint (change.kind, ==, DIP_CHANGE_TEXT);
  g_assert_cmpint (change.document, ==, f->tgt);
  g_assert_cmpuint (change.position, ==, 1);
  g_clear_pointer (&action, g_free);
  reopen (f);
  g_assert_true (dip_project_redo (f->project, &action, &error));
  g_autofree char *redone = segment_text (f, f->tgt, 1);
  g_assert_cmpstr (redone, ==, edited);

  /* Refused, with the text left as it was: blank, invalid UTF-8, no such
     segment. */
  g_assert_false (dip_project_set_segment_text (f->project, f->tgt, 1, " \t\n", &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "blank");
  g_clear_error (&error);
  g_assert_false (dip_project_set_segment_text (f->project, f->tgt, 1, "Tw\xc3", &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "UTF-8");
  g_clear_error (&error);
  g_assert_false (dip_project_set_segment_text (f->project, f->tgt, 3, "Four.", &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "no segment 4");
  g_autofree char *kept = segment_text (f, f->tgt, 1);
  g_assert_cmpstr (kept, ==, edited);
}

static guint
count_findings (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = dip_project_list_findings (f->project, &error);
  g_assert_no_error (error);
  return findings->len;
}

/* A change of status keeps the bead's row, and so its findings; a bead
   whose sentences change loses them (they were about other text). */
static void
test_findings_follow_beads (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (dip_project_set_segment_text (f->project, f->src, 1, "Due  volte.", &error));
  g_autoptr (GPtrArray) findings = dip_project_check (f->project,
                                                      1u << DIP_CHECK_DOUBLE_SPACE, NULL, NULL,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);

  g_assert_true (dip_project_set_bead_status (f->project, f->src, f->tgt, 1, DIP_BEAD_CONFIRMED,
                                              &error));
  g_assert_cmpuint (count_findings (f), ==, 1);
  g_assert_true (dip_project_undo (f->project, NULL, &error));
  g_assert_cmpuint (count_findings (f), ==, 1);
  g_assert_true (dip_project_merge_beads (f->project, f->src, f->tgt, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings (f), ==, 0);
}

static char *
spans_text (const char *text, GArray *spans)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const DipSpan *span = &g_array_index (spans, DipSpan, i);
      const char *from = g_utf8_offset_to_pointer (text, span->start);
      const char *to = g_utf8_offset_to_pointer (text, span->end);
      g_string_append_printf (out, "%s%.*s", i ? " " : "", (int) (to - from), from);
    }
  return g_string_free (out, FALSE);
}

/* The editor's spelling: the words to underline, their corrections, and a
   word added to the project's list that is accepted from then on. */
static void
test_spelling_as_you_type (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipSpellChecker) english = dip_spell_checker_new (f->project, DIP_SIDE_TARGET, NULL,
                                                               &error);
  g_assert_no_error (error);
  if (!dip_spell_checker_has_dictionary (english))
    {
      g_test_skip ("no English hunspell dictionary installed");
      return;
    }
  const char *text = "The agencyy said — in “Pyongyang” — the NATO report was fals.";
  g_autoptr (GArray) spans = dip_spell_checker_check (english, text);
  g_autofree char *found = spans_text (text, spans);
  g_assert_cmpstr (found, ==, "agencyy fals");
  g_autoptr (GPtrArray) suggestions = dip_spell_checker_suggest (english, "fals");
  gboolean has_false = FALSE;
  for (guint i = 0; i < suggestions->len; i++)
    has_false |= g_str_equal (g_ptr_array_index (suggestions, i), "false");
  g_assert_true (has_false);

  g_assert_true (dip_spell_checker_add_word (english, "agencyy", &error));
  g_assert_no_error (error);
  g_autoptr (GArray) after = dip_spell_checker_check (english, text);
  g_autofree char *left = spans_text (text, after);
  g_assert_cmpstr (left, ==, "fals");

  /* In the project file: a new checker knows it too. */
  reopen (f);
  g_autoptr (DipSpellChecker) again = dip_spell_checker_new (f->project, DIP_SIDE_TARGET, NULL,
                                                             &error);
  g_assert_no_error (error);
  g_autoptr (GArray) reopened = dip_spell_checker_check (again, text);
  g_assert_cmpuint (reopened->len, ==, 1);

  /* Italian with the typographic apostrophe is not a misspelling. */
  g_autoptr (DipSpellChecker) italian = dip_spell_checker_new (f->project, DIP_SIDE_SOURCE, NULL,
                                                               &error);
  g_assert_no_error (error);
  if (dip_spell_checker_has_dictionary (italian))
    {
      const char *frase = "L’agenzia di stampa ha dettto che l’esercito è pronto.";
      g_autoptr (GArray) wrong = dip_spell_checker_check (italian, frase);
      g_autofree char *words = spans_text (frase, wrong);
      g_assert_cmpstr (words, ==, "dettto");
    }
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
  g_test_add ("/edit/move-sentences", Fixture, NULL, fixture_set_up, test_move_sentences,
              fixture_tear_down);
  g_test_add ("/edit/insert-gap", Fixture, NULL, fixture_set_up, test_insert_gap,
              fixture_tear_down);
  g_test_add ("/edit/edit-text", Fixture, NULL, fixture_set_up, test_edit_text,
              fixture_tear_down);
  g_test_add ("/edit/findings-follow-beads", Fixture, NULL, fixture_set_up,
              test_findings_follow_beads, fixture_tear_down);
  g_test_add ("/edit/spelling-as-you-type", Fixture, NULL, fixture_set_up,
              test_spelling_as_you_type, fixture_tear_down);
  return g_test_run ();
}
