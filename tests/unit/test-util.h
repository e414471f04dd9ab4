/* test-util.h — small helpers shared by the unit tests. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include <diptych/diptych.h>

/* A fresh temporary directory, removed (with its files) by
 * test_tmpdir_free. */
typedef struct
{
  char *path;
} TestTmpDir;

static inline TestTmpDir *
test_tmpdir_new (void)
{
  TestTmpDir *dir = g_new0 (TestTmpDir, 1);
  g_autoptr (GError) error = NULL;
  dir->path = g_dir_make_tmp ("diptych-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static inline void
test_tmpdir_free (TestTmpDir *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir->path, 0, NULL);
  const char *name;
  while (handle && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir->path, name, NULL);
      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        g_rmdir (file);
      else
        g_unlink (file);
    }
  g_rmdir (dir->path);
  g_free (dir->path);
  g_free (dir);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestTmpDir, test_tmpdir_free)

/* Writes `length` bytes (-1: a string) to DIR/NAME and returns the path. */
static inline char *
test_write_file (TestTmpDir *dir, const char *name, const char *data, gssize length)
{
  char *path = g_build_filename (dir->path, name, NULL);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Path of a file shipped in data/samples (DIP_SAMPLES is set by meson). */
static inline char *
test_sample_path (const char *name)
{
  const char *dir = g_getenv ("DIP_SAMPLES");
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static inline char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("DIP_TEST_DATA");
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* The sentences of the sample `name` in language `lang`, as the segmenter
 * cuts them. */
static inline GPtrArray *
test_sample_sentences (const char *name, const char *lang)
{
  g_autofree char *path = test_sample_path (name);
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_autoptr (DipSegmenter) segmenter = dip_segmenter_new (lang, &error);
  g_assert_no_error (error);
  g_autoptr (GArray) paragraphs = dip_split_paragraphs (text, length);
  g_autoptr (GArray) spans = dip_segmenter_split (segmenter, text, length, paragraphs, &error);
  g_assert_no_error (error);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < spans->len; i++)
    {
      const DipSegmentSpan *span = &g_array_index (spans, DipSegmentSpan, i);
      g_ptr_array_add (sentences, g_strndup (text + span->start, span->end - span->start));
    }
  return sentences;
}

/* Asserts that `error` is DIP_ERROR/`code` and that its message mentions
 * `needle` (a file name, a position). */
#define test_assert_error(error, code, needle)                                    \
  G_STMT_START                                                                   \
  {                                                                              \
    g_assert_error ((error), DIP_ERROR, (code));                                 \
    if (strstr ((error)->message, (needle)) == NULL)                             \
      g_error ("message “%s” does not mention “%s”", (error)->message, (needle)); \
  }                                                                              \
  G_STMT_END

/* A fresh project in a temporary directory: the fixture most tests share.
 * Use it with g_test_add as "ProjectFixture" and wrap set-up to choose the
 * languages. */
typedef struct
{
  TestTmpDir *dir;
  char       *path;
  DipProject *project;
} ProjectFixture;

static inline void
project_fixture_open (ProjectFixture *f, const char *source_lang, const char *target_lang)
{
  g_autoptr (GError) error = NULL;
  f->dir = test_tmpdir_new ();
  f->path = g_build_filename (f->dir->path, "project.diptych", NULL);
  f->project = dip_project_create (f->path, source_lang, target_lang, &error);
  g_assert_no_error (error);
}

static inline void
project_fixture_close (ProjectFixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_free (f->path);
  test_tmpdir_free (f->dir);
}

/* A new project at `path` with the texts `source` and `target` imported. */
static inline DipProject *
test_project_of_texts (const char *path, const char *source, const char *src_lang,
                       const char *target, const char *tgt_lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = dip_project_create (path, src_lang, tgt_lang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dip_project_import_text (project, source, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_cmpint (dip_project_import_text (project, target, DIP_SIDE_TARGET, NULL,
                                            DIP_IMPORT_NONE, NULL, &error), >, 0);
  g_assert_no_error (error);
  return g_steal_pointer (&project);
}

static inline guint
test_count_documents (DipProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = dip_project_list_documents (project, &error);
  g_assert_no_error (error);
  return docs->len;
}
