/* cmd-align.c — diptych-cli align FILE.diptych [--dictionary DICT…] [--installed-dictionaries]
 *               diptych-cli align --src A.txt --tgt B.txt --src-lang de --tgt-lang fr
 *                           --presegmented [--dictionary DICT…] [--format vecalign|tsv]
 */
#include "dip-config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

/* One sentence per line, exactly as the file has them (after the UTF-8,
   BOM, line-end and NFC clean-up every text gets). */
static GPtrArray *
read_lines (const char *path, GError **error)
{
  g_autoptr (DipText) text = dip_text_load (path, error);
  if (text == NULL)
    return NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text->text, *end = text->text + text->length;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      if (eol == NULL)
        eol = end;
      g_ptr_array_add (lines, g_strndup (p, eol - p));
      p = eol + 1;
    }
  return lines;
}

static void
append_joined (GString *out, GPtrArray *lines, guint start, guint count)
{
  for (guint i = 0; i < count; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      dip_cli_tsv_field (out, g_ptr_array_index (lines, start + i));
    }
}

static int
align_files (const char *src_path, const char *tgt_path, const char *src_lang,
             const char *tgt_lang, DipDictionary *dictionary, const char *format)
{
  gboolean tsv;
  if (format == NULL || strcmp (format, "vecalign") == 0)
    tsv = FALSE;
  else if (strcmp (format, "tsv") == 0)
    tsv = TRUE;
  else
    return dip_cli_usage ("--format must be vecalign or tsv, not “%s”", format);

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) src = read_lines (src_path, &error);
  if (src == NULL)
    return dip_cli_fail (error);
  g_autoptr (GPtrArray) tgt = read_lines (tgt_path, &error);
  if (tgt == NULL)
    return dip_cli_fail (error);

  g_autoptr (DipAligner) aligner = dip_aligner_new ();
  dip_aligner_set_dictionary (aligner, dictionary);
  DipAlignSide source = { (const char *const *) src->pdata, NULL, src->len, src_lang };
  DipAlignSide target = { (const char *const *) tgt->pdata, NULL, tgt->len, tgt_lang };
  g_autoptr (GArray) beads = dip_aligner_run (aligner, &source, &target, NULL, &error);
  if (beads == NULL)
    return dip_cli_fail (error);

  g_autoptr (GString) out = g_string_new (NULL);
  for (guint b = 0; b < beads->len; b++)
    {
      const DipBead *bead = &g_array_index (beads, DipBead, b);
      if (!tsv)
        {
          dip_eval_format_bead (out, bead->src_start, bead->src_count, bead->tgt_start,
                                bead->tgt_count);
          continue;
        }
      append_joined (out, src, bead->src_start, bead->src_count);
      g_string_append_c (out, '\t');
      append_joined (out, tgt, bead->tgt_start, bead->tgt_count);
      g_string_append_printf (out, "\t%.3f\n", bead->confidence);
    }
  if (!dip_cli_write_stdout (out, &error))
    return dip_cli_fail (error);
  return DIP_EXIT_OK;
}

int
dip_cmd_align (int argc, char **argv)
{
  g_auto (GStrv) dictionary_paths = NULL;
  gboolean installed_dictionaries = FALSE;
  g_autofree char *src_path = NULL, *tgt_path = NULL;
  g_autofree char *src_lang = NULL, *tgt_lang = NULL;
  g_autofree char *format = NULL;
  gboolean presegmented = FALSE;
  GOptionEntry entries[] = {
    { "dictionary", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dictionary_paths,
      "Bilingual dictionary: dictd .index (FreeDict) or TSV of word pairs; may be repeated",
      "DICT" },
    { "installed-dictionaries", 0, 0, G_OPTION_ARG_NONE, &installed_dictionaries,
      "Also use the FreeDict dictionary installed for the two languages (from the source's "
      "language if there is one)",
      NULL },
    { "src", 0, 0, G_OPTION_ARG_FILENAME, &src_path, "Source file, one sentence per line",
      "FILE" },
    { "tgt", 0, 0, G_OPTION_ARG_FILENAME, &tgt_path, "Target file, one sentence per line",
      "FILE" },
    { "src-lang", 0, 0, G_OPTION_ARG_STRING, &src_lang, "Language of --src (BCP 47)", "TAG" },
    { "tgt-lang", 0, 0, G_OPTION_ARG_STRING, &tgt_lang, "Language of --tgt (BCP 47)", "TAG" },
    { "presegmented", 0, 0, G_OPTION_ARG_NONE, &presegmented,
      "--src and --tgt have one sentence per line (the only form files are read in)", NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output for --src/--tgt: vecalign (default) or tsv", "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
    "[FILE.diptych] — align a project's documents, or two files given with --src and --tgt");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!dip_cli_parse (context, &argc, &argv, -1))
    return DIP_EXIT_USAGE;
  gboolean files = src_path != NULL || tgt_path != NULL;
  if (files && (src_path == NULL || tgt_path == NULL || argc != 1))
    return dip_cli_usage ("align needs both --src and --tgt, and no project, to align files");
  if (!files && argc != 2)
    return dip_cli_usage ("align needs a project: align FILE.diptych");
  if (!files && format != NULL)
    return dip_cli_usage ("--format is for aligning files; use “pairs” to list a project's beads");

  g_autoptr (GError) error = NULL;
  g_autoptr (DipProject) project = NULL;
  if (!files)
    {
      project = dip_project_open (argv[1], &error);
      if (project == NULL)
        return dip_cli_fail (error);
    }
  if (installed_dictionaries && files && (src_lang == NULL || tgt_lang == NULL))
    return dip_cli_usage ("--installed-dictionaries needs --src-lang and --tgt-lang");

  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; dictionary_paths != NULL && dictionary_paths[i] != NULL; i++)
    g_ptr_array_add (paths, g_strdup (dictionary_paths[i]));
  if (installed_dictionaries)
    {
      char *found = dip_dictionary_find_installed (
        files ? src_lang : dip_project_get_lang (project, DIP_SIDE_SOURCE),
        files ? tgt_lang : dip_project_get_lang (project, DIP_SIDE_TARGET), NULL);
      if (found != NULL)
        g_ptr_array_add (paths, found);
      else
        g_printerr ("diptych-cli: no FreeDict dictionary is installed for these languages; "
                    "aligning without one\n");
    }
  g_autoptr (DipDictionary) dictionary = NULL;
  if (paths->len > 0)
    {
      dictionary = dip_dictionary_new ();
      for (guint i = 0; i < paths->len; i++)
        if (!dip_dictionary_add_file (dictionary, g_ptr_array_index (paths, i), &error))
          return dip_cli_fail (error);
    }

  if (files)
    return align_files (src_path, tgt_path, src_lang, tgt_lang, dictionary, format);

  if (!dip_project_align (project, dictionary, NULL, &error))
    return dip_cli_fail (error);

  gint64 src_id, tgt_id;
  if (!dip_project_latest_pair (project, &src_id, &tgt_id, &error))
    return dip_cli_fail (error);
  g_autoptr (GArray) beads = dip_project_list_beads (project, src_id, tgt_id, &error);
  if (beads == NULL)
    return dip_cli_fail (error);
  guint pairs = 0, omissions = 0, confirmed = 0, unsure = 0;
  for (guint b = 0; b < beads->len; b++)
    {
      const DipBead *bead = &g_array_index (beads, DipBead, b);
      if (bead->src_count > 0 && bead->tgt_count > 0)
        pairs++;
      else
        omissions++;
      if (bead->status == DIP_BEAD_CONFIRMED)
        confirmed++;
      else if (bead->confidence < 0.5)
        unsure++;
    }
  printf ("Aligned %s: %u beads (%u pairs, %u unpaired), %u kept as confirmed, %u below 0.5 "
          "confidence to review\n", argv[1], beads->len, pairs, omissions, confirmed, unsure);
  return DIP_EXIT_OK;
}
