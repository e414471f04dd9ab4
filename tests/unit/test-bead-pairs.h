/* test-bead-pairs.h — projects made of sentence pairs, one bead per pair, for
 * the check, glossary and suggestion tests and the checks benchmark. */
#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

/* Pairs as a flat array: source, target, source, target, …; "" for an
 * empty side. */
static inline GPtrArray *
test_pairs_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static inline void
test_pairs_add (GPtrArray *pairs, const char *source, const char *target)
{
  g_ptr_array_add (pairs, g_strdup (source));
  g_ptr_array_add (pairs, g_strdup (target));
}

/* Reads a TSV file of "source TAB target" lines (no comments). */
static inline GPtrArray *
test_pairs_load (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  GPtrArray *pairs = test_pairs_new ();
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_assert_nonnull (fields[1]);
      test_pairs_add (pairs, fields[0], fields[1]);
    }
  return pairs;
}

/* Writes one side of the pairs as a presegmented text: one line a
 * segment, the empty sides left out. */
static inline char *
test_pairs_write_side (const char *dir, const char *name, GPtrArray *pairs, guint side)
{
  GString *text = g_string_new (NULL);
  for (guint i = side; i < pairs->len; i += 2)
    {
      const char *line = g_ptr_array_index (pairs, i);
      if (*line)
        g_string_append_printf (text, "%s\n", line);
    }
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);
  return path;
}

/* A new project at DIR/NAME holding the pairs as beads (1-1, or 1-0 and
 * 0-1 where a side is empty), all confirmed. */
static inline DipProject *
test_pairs_project (const char *dir, const char *name, const char *src_lang,
                    const char *tgt_lang, GPtrArray *pairs)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (DipProject) project = dip_project_create (path, src_lang, tgt_lang, &error);
  g_assert_no_error (error);

  g_autofree char *src_name = g_strconcat (name, ".src.txt", NULL);
  g_autofree char *tgt_name = g_strconcat (name, ".tgt.txt", NULL);
  g_autofree char *src_file = test_pairs_write_side (dir, src_name, pairs, 0);
  g_autofree char *tgt_file = test_pairs_write_side (dir, tgt_name, pairs, 1);
  DipImportFlags flags = DIP_IMPORT_PRESEGMENTED | DIP_IMPORT_NO_LANGID;
  gint64 src = dip_project_import_text (project, src_file, DIP_SIDE_SOURCE, NULL, flags, NULL,
                                        &error);
  g_assert_no_error (error);
  gint64 tgt = dip_project_import_text (project, tgt_file, DIP_SIDE_TARGET, NULL, flags, NULL,
                                        &error);
  g_assert_no_error (error);
  g_unlink (src_file);
  g_unlink (tgt_file);

  g_autoptr (GArray) beads = g_array_new (FALSE, TRUE, sizeof (DipBead));
  guint s = 0, t = 0;
  for (guint i = 0; i < pairs->len; i += 2)
    {
      DipBead bead = {
        .src_start = s,
        .src_count = *(const char *) g_ptr_array_index (pairs, i) ? 1 : 0,
        .tgt_start = t,
        .tgt_count = *(const char *) g_ptr_array_index (pairs, i + 1) ? 1 : 0,
        .confidence = 1.0,
        .status = DIP_BEAD_CONFIRMED,
      };
      s += bead.src_count;
      t += bead.tgt_count;
      g_array_append_val (beads, bead);
    }
  dip_project_replace_beads (project, src, tgt, beads, "test", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

/* The id of each bead, in order (pair i is bead ids[i]). */
static inline GArray *
test_pairs_bead_ids (DipProject *project)
{
  g_autoptr (GError) error = NULL;
  gint64 src = dip_project_latest_document (project, DIP_SIDE_SOURCE, &error);
  gint64 tgt = dip_project_latest_document (project, DIP_SIDE_TARGET, &error);
  g_autoptr (GArray) beads = dip_project_list_beads (project, src, tgt, &error);
  g_assert_no_error (error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < beads->len; i++)
    g_array_append_val (ids, g_array_index (beads, DipBead, i).id);
  return ids;
}
