/* test-tmx.c — TMX export and import: validity against tmx14.dtd, what
 * goes into a unit, escaping, round trips, files as OmegaT and Okapi write
 * them, and every kind of bad or hostile input. */
#include <string.h>
#include <sys/resource.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>

#include "dip-exchange-private.h"
#include "dip-project-private.h"
#include "test-util.h"

typedef ProjectFixture Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  project_fixture_open (f, "it", "en-GB");
}

#define fixture_tear_down project_fixture_close

static char *
tmx_fixture (const char *name)
{
  g_autofree char *file = g_build_filename ("tmx", name, NULL);
  return test_data_path (file);
}

/* ---- reading an exported file back ------------------------------------- */

/* Asserts that `path` is valid against data/schemas/tmx14.dtd, with libxml2
 * and, where it is installed, with xmllint as well. */
static void
assert_valid_tmx (const char *path)
{
  g_autofree char *dtd_path = g_build_filename (g_getenv ("DIP_SAMPLES"), "..", "schemas",
                                                "tmx14.dtd", NULL);
  xmlDtdPtr dtd = xmlParseDTD (NULL, BAD_CAST dtd_path);
  g_assert_nonnull (dtd);
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlValidCtxtPtr valid = xmlNewValidCtxt ();
  g_assert_cmpint (xmlValidateDtd (valid, doc, dtd), ==, 1);
  xmlFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlFreeDtd (dtd);

  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL)
    return;
  const char *argv[] = { xmllint, "--noout", "--nonet", "--dtdvalid", dtd_path, path, NULL };
  int status = -1;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint rejects %s: %s", path, err);
}

static xmlNodePtr
child (xmlNodePtr node, const char *name)
{
  for (xmlNodePtr c = node ? node->children : NULL; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *) c->name, name))
      return c;
  return NULL;
}

static char *
dup_content (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);
  xmlFree (content);
  return copy;
}

static char *
dup_prop (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* One line per unit: "lang:src | lang:tgt | status confidence shape". */
static GPtrArray *
read_units (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);
  for (xmlNodePtr tu = child (child (xmlDocGetRootElement (doc), "body"), "tu"); tu;
       tu = tu->next)
    {
      if (tu->type != XML_ELEMENT_NODE)
        continue;
      GString *line = g_string_new (NULL);
      g_autoptr (GString) props = g_string_new (NULL);
      for (xmlNodePtr c = tu->children; c; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          g_autofree char *content = dup_content (g_str_equal ((const char *) c->name, "tuv")
                                                    ? child (c, "seg") : c);
          if (g_str_equal ((const char *) c->name, "prop"))
            g_string_append_printf (props, "%s%s", props->len ? " " : "", content);
          else
            {
              g_autofree char *lang = dup_prop (c, "lang");
              g_string_append_printf (line, "%s:%s | ", lang, content);
            }
        }
      g_string_append (line, props->str);
      g_ptr_array_add (units, g_string_free (line, FALSE));
    }
  xmlFreeDoc (doc);
  return units;
}

/* The <seg> texts of a file, in order. */
static char *
seg_texts (const char *path)
{
  g_autoptr (GPtrArray) units = read_units (path);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < units->len; i++)
    {
      const char *line = g_ptr_array_index (units, i);
      /* Drop the props: a re-import gives new confidences and shapes. */
      const char *last = g_strrstr (line, " | ");
      g_string_append_len (out, line, last - line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- building projects -------------------------------------------------- */

static gint64
import_paragraphs (Fixture *f, const char *name, DipSide side, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = test_write_file (f->dir, name, text, -1);
  gint64 id = dip_project_import_text (f->project, file, side, NULL, DIP_IMPORT_NO_LANGID, NULL,
                                       &error);
  g_assert_no_error (error);
  return id;
}

/* Seven source and six target segments, aligned with every shape that
 * matters: 1-1, 2-1, a non-content source, 1-0, 0-1, an unconfirmed and a
 * rejected bead. */
static void
make_aligned (Fixture *f)
{
  gint64 src = import_paragraphs (f, "src.txt", DIP_SIDE_SOURCE,
                                  "Il primo punto è chiaro.\n\n"
                                  "Il secondo punto segue.\n\n"
                                  "Il terzo lo conferma.\n\n"
                                  "Advertisement\n\n"
                                  "Questa frase manca nel riassunto.\n\n"
                                  "La sesta frase è incerta.\n\n"
                                  "La settima è sbagliata.\n");
  gint64 tgt = import_paragraphs (f, "tgt.txt", DIP_SIDE_TARGET,
                                  "The first point is clear.\n\n"
                                  "The second and third points agree.\n\n"
                                  "Sponsored content follows here.\n\n"
                                  "The sixth sentence is uncertain.\n\n"
                                  "The seventh is wrong.\n\n"
                                  "This sentence was added.\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) segments = dip_project_list_segments (f->project, src, &error);
  g_assert_cmpuint (segments->len, ==, 7);
  g_assert_cmpint (((DipSegment *) g_ptr_array_index (segments, 3))->kind, ==,
                   DIP_SEGMENT_NON_CONTENT);

  const DipBead beads[] = {
    { 0, 0, 1, 0, 1, 0.95, DIP_BEAD_CONFIRMED },
    { 0, 1, 2, 1, 1, 0.80, DIP_BEAD_CONFIRMED },
    { 0, 3, 1, 2, 1, 1.00, DIP_BEAD_CONFIRMED },  /* non-content source */
    { 0, 4, 1, 3, 0, 1.00, DIP_BEAD_CONFIRMED },  /* 1-0 */
    { 0, 5, 1, 3, 1, 0.40, DIP_BEAD_AUTO },
    { 0, 6, 1, 4, 1, 0.90, DIP_BEAD_REJECTED },
    { 0, 7, 0, 5, 1, 1.00, DIP_BEAD_CONFIRMED },  /* 0-1 */
  };
  g_autoptr (GArray) array = g_array_new (FALSE, FALSE, sizeof (DipBead));
  g_array_append_vals (array, beads, G_N_ELEMENTS (beads));
  g_assert_true (dip_project_replace_beads (f->project, src, tgt, array, "test", &error));
  g_assert_no_error (error);
}

static gint64
import_pairs (Fixture *f, const char *name, const char *tsv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = test_write_file (f->dir, name, tsv, -1);
  DipImportReport report;
  g_assert_true (dip_project_import_pairs (f->project, file, &report, NULL, &error));
  g_assert_no_error (error);
  return report.src_document;
}

static char *
export (Fixture *f, const char *name, const DipExportFilter *filter, DipExportReport *report)
{
  g_autoptr (GError) error = NULL;
  char *out = g_build_filename (f->dir->path, name, NULL);
  g_assert_true (dip_project_export_tmx (f->project, out, filter, report, NULL, &error));
  g_assert_no_error (error);
  assert_valid_tmx (out);
  return out;
}

static void
assert_texts (DipProject *project, gint64 document, const char *const *want)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) segments = dip_project_list_segments (project, document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, g_strv_length ((char **) want));
  for (guint i = 0; i < segments->len; i++)
    g_assert_cmpstr (((DipSegment *) g_ptr_array_index (segments, i))->text, ==, want[i]);
}

/* ---- export ------------------------------------------------------------- */

static void
test_export_units (Fixture *f, gconstpointer data)
{
  make_aligned (f);
  DipExportReport report;
  g_autofree char *out = export (f, "out.tmx", NULL, &report);
  g_assert_cmpuint (report.n_written, ==, 2);
  g_assert_cmpuint (report.n_skipped, ==, 3);
  g_assert_cmpuint (report.n_altered_chars, ==, 0);

  g_autoptr (GPtrArray) units = read_units (out);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (units, 0), ==,
                   "it:Il primo punto è chiaro. | en-GB:The first point is clear. | "
                   "confirmed 0.9500 1-1");
  g_assert_cmpstr (g_ptr_array_index (units, 1), ==,
                   "it:Il secondo punto segue. Il terzo lo conferma. | "
                   "en-GB:The second and third points agree. | confirmed 0.8000 2-1");

  /* The header, the tuid and the dates. */
  xmlDocPtr doc = xmlReadFile (out, NULL, XML_PARSE_NONET);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr header = child (root, "header");
  const char *want[][2] = {
    { "creationtool", "Diptych" }, { "segtype", "sentence" }, { "o-tmf", "Diptych" },
    { "adminlang", "en" }, { "srclang", "it" }, { "datatype", "plaintext" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autofree char *value = dup_prop (header, want[i][0]);
      g_assert_cmpstr (value, ==, want[i][1]);
    }
  g_autofree char *version = dup_prop (root, "version");
  g_assert_cmpstr (version, ==, "1.4");
  g_autofree char *tool_version = dup_prop (header, "creationtoolversion");
  g_assert_nonnull (tool_version);
  g_autofree char *created = dup_prop (header, "creationdate");
  g_assert_true (g_regex_match_simple ("^\\d{8}T\\d{6}Z$", created, 0, 0));

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = dip_project_list_documents (f->project, &error);
  g_autoptr (GArray) beads = dip_project_list_beads (
    f->project, ((DipDocumentInfo *) g_ptr_array_index (docs, 0))->id,
    ((DipDocumentInfo *) g_ptr_array_index (docs, 1))->id, &error);
  xmlNodePtr tu = child (child (root, "body"), "tu");
  g_autofree char *tuid = dup_prop (tu, "tuid");
  g_autofree char *want_tuid = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                g_array_index (beads, DipBead, 0).id);
  g_assert_cmpstr (tuid, ==, want_tuid);
  g_autofree char *changed = dup_prop (tu, "changedate");
  g_assert_true (g_regex_match_simple ("^\\d{8}T\\d{6}Z$", changed, 0, 0));
  xmlFreeDoc (doc);
}

static void
test_export_filters (Fixture *f, gconstpointer data)
{
  make_aligned (f);
  DipExportReport report;
  DipExportFilter all = { DIP_EXPORT_STATUS_ALL, 0.0 };
  g_autofree char *out = export (f, "all.tmx", &all, &report);
  g_assert_cmpuint (report.n_written, ==, 4);
  g_autoptr (GPtrArray) units = read_units (out);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (units, 2), "auto 0.4000 1-1"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (units, 3), "rejected 0.9000 1-1"));

  DipExportFilter confident = { DIP_EXPORT_STATUS_ALL, 0.5 };
  g_free (export (f, "confident.tmx", &confident, &report));
  g_assert_cmpuint (report.n_written, ==, 3);

  DipExportFilter auto_only = { DIP_EXPORT_STATUS_AUTO, 0.0 };
  g_free (export (f, "auto.tmx", &auto_only, &report));
  g_assert_cmpuint (report.n_written, ==, 1);
  g_assert_cmpuint (report.n_skipped, ==, 0);

  /* An empty project still gives a valid file. */
  DipExportFilter none = { DIP_EXPORT_STATUS_CONFIRMED, 1.0 };
  g_free (export (f, "none.tmx", &none, &report));
  g_assert_cmpuint (report.n_written, ==, 0);
}

static void
test_export_escaping (Fixture *f, gconstpointer data)
{
  import_pairs (f, "hard.tsv",
                "A & B < C > D ]]> E \"q\" 'a'\tA & B < C > D ]]> E \"q\" 'a'\n"
                "Con\x01trollo\x0B e\x1F fine\tCon\x7F DEL e \xC2\x85 NEL\n"
                "Emoji 😀 e 👩‍💻\tEmoji 😀 and 👩‍💻\n"
                "שלום עולם\tمرحبا بالعالم\n"
                "Tab\\t e \\n letterali\tLiteral \\t and \\n\n");
  DipExportReport report;
  g_autofree char *out = export (f, "hard.tmx", NULL, &report);
  g_assert_cmpuint (report.n_written, ==, 5);
  g_assert_cmpuint (report.n_altered_chars, ==, 3);
  g_assert_cmpint (report.first_altered_bead, >, 0);

  g_autoptr (GPtrArray) units = read_units (out);
  g_assert_cmpstr (g_ptr_array_index (units, 0), ==,
                   "it:A & B < C > D ]]> E \"q\" 'a' | en-GB:A & B < C > D ]]> E \"q\" 'a' | "
                   "confirmed 1.0000 1-1");
  /* XML 1.0 forbids C0 controls but allows DEL and the C1 range. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (units, 1),
                                   "it:Controllo e fine | en-GB:Con\x7F DEL e \xC2\x85 NEL |"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (units, 2),
                                   "it:Emoji 😀 e 👩‍💻 | en-GB:Emoji 😀 and 👩‍💻 |"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (units, 3),
                                   "it:שלום עולם | en-GB:مرحبا بالعالم |"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (units, 4),
                                   "it:Tab\\t e \\n letterali | en-GB:Literal \\t and \\n |"));

  /* What was written reads back the same. */
  g_autoptr (GError) error = NULL;
  DipImportReport in;
  g_assert_true (dip_project_import_tmx (f->project, out, &in, NULL, &error));
  g_assert_no_error (error);
  const char *const want[] = {
    "A & B < C > D ]]> E \"q\" 'a'", "Controllo e fine", "Emoji 😀 e 👩‍💻", "שלום עולם",
    "Tab\\t e \\n letterali", NULL,
  };
  assert_texts (f->project, in.src_document, want);
}

static void
test_export_atomic (Fixture *f, gconstpointer data)
{
  GString *tsv = g_string_new (NULL);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (tsv, "Frase %u.\tSentence %u.\n", i, i);
  g_autofree char *pairs = test_write_file (f->dir, "many.tsv", tsv->str, -1);
  g_string_free (tsv, TRUE);
  g_autoptr (GError) error = NULL;
  g_assert_true (dip_project_import_pairs (f->project, pairs, NULL, NULL, &error));

  /* A cancelled export, after the first 1024 units, keeps the old file. */
  g_autofree char *out = test_write_file (f->dir, "old.tmx", "old contents", -1);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_assert_false (dip_project_export_tmx (f->project, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_autofree char *contents = NULL;
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_assert_false (dip_project_export_tsv (f->project, out, NULL, NULL, cancellable, &error));
  g_clear_error (&error);

  /* Nothing but the project, the input and the old file is in the folder. */
  g_autoptr (GDir) dir = g_dir_open (f->dir->path, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));

  /* A folder that does not exist, and a folder in the way. */
  g_autofree char *nowhere = g_build_filename (f->dir->path, "nowhere", "out.tmx", NULL);
  g_assert_false (dip_project_export_tmx (f->project, nowhere, NULL, NULL, NULL, &error));
  test_assert_error (error, DIP_ERROR_NOT_FOUND, "nowhere/out.tmx");
  g_clear_error (&error);
  g_assert_false (dip_project_export_tmx (f->project, f->dir->path, NULL, NULL, NULL, &error));
  test_assert_error (error, DIP_ERROR_INVALID_ARGUMENT, "is a directory");
}

/* ---- import ------------------------------------------------------------- */

static void
test_import_omegat (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *level1 = tmx_fixture ("omegat-level1.tmx");
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, level1, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_read, ==, 3);
  g_assert_cmpuint (report.n_imported, ==, 3);
  const char *const src[] = {
    "Il Giappone e la Corea del Sud lanciano l'allarme.",
    "Il patto è stato firmato a Pyongyang.", "Seul protesta.", NULL,
  };
  const char *const tgt[] = {
    "Japan and South Korea sound the alarm.", "The pact was signed in Pyongyang.",
    "Seoul protests.", NULL,
  };
  assert_texts (f->project, report.src_document, src);
  assert_texts (f->project, report.tgt_document, tgt);

  g_autoptr (GArray) beads = dip_project_list_beads (f->project, report.src_document,
                                                     report.tgt_document, &error);
  g_assert_cmpuint (beads->len, ==, 3);
  const DipBead *b = &g_array_index (beads, DipBead, 2);
  g_assert_cmpint (b->status, ==, DIP_BEAD_CONFIRMED);
  g_assert_cmpuint (b->src_count, ==, 1);
  g_assert_cmpuint (b->tgt_count, ==, 1);

  /* OmegaT dates its translations; they come back out as the unit's. */
  g_autofree char *out = export (f, "out.tmx", NULL, NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "changedate=\"20240715T083000Z\""));
  g_assert_nonnull (strstr (text, "changedate=\"20240716T101010Z\""));

  g_autofree char *level2 = tmx_fixture ("omegat-level2.tmx");
  g_assert_true (dip_project_import_tmx (f->project, level2, &report, NULL, &error));
  g_assert_no_error (error);
  const char *const src2[] = { "Premi {1}Invio{/1} per continuare.", "Riga uno{1/}riga due.",
                               NULL };
  const char *const tgt2[] = { "Press {1}Enter{/1} to continue.", "Line one{1/}line two.",
                               NULL };
  assert_texts (f->project, report.src_document, src2);
  assert_texts (f->project, report.tgt_document, tgt2);
}

static void
test_import_okapi (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *okapi = tmx_fixture ("okapi.tmx");
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, okapi, &report, NULL, &error));
  g_assert_no_error (error);
  const char *const src[] = {
    "Il testo è in {1}grassetto{/1}.", "Vedi {1}la pagina.", "Un vero accordo{1/}storico.", NULL,
  };
  const char *const tgt[] = {
    "The text is in {1}bold{/1}.", "See {1}the page.", "A real agreement{1/}of history.", NULL,
  };
  assert_texts (f->project, report.src_document, src);
  assert_texts (f->project, report.tgt_document, tgt);
}

static void
test_import_languages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *all = tmx_fixture ("all-languages.tmx");
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, all, &report, NULL, &error));
  g_assert_no_error (error);
  /* German-English only, an empty and a self-closed empty target. */
  g_assert_cmpuint (report.n_read, ==, 5);
  g_assert_cmpuint (report.n_imported, ==, 2);
  g_assert_cmpuint (report.n_skipped, ==, 3);
  const char *const src[] = { "Buongiorno.", "Buonasera.", NULL };
  const char *const tgt[] = { "Good morning.", "Good evening.", NULL };
  assert_texts (f->project, report.src_document, src);
  assert_texts (f->project, report.tgt_document, tgt);

  /* Two variants of one language: the exact tag wins over the primary
   * subtag, in any case, and one variant never serves both sides. */
  g_autofree char *path = g_build_filename (f->dir->path, "english.diptych", NULL);
  g_autoptr (DipProject) english = dip_project_create (path, "en-US", "en-GB", &error);
  g_autofree char *file = test_write_file (
    f->dir, "english.tmx",
    "<tmx version=\"1.4\"><header srclang=\"*all*\"/><body>"
    "<tu><tuv xml:lang=\"EN-gb\"><seg>colour</seg></tuv>"
    "<tuv xml:lang=\"en-us\"><seg>color</seg></tuv></tu>"
    "<tu><tuv xml:lang=\"en\"><seg>same</seg></tuv></tu>"
    "<tu><tuv xml:lang=\"en\"><seg>lift</seg></tuv>"
    "<tuv xml:lang=\"en-GB\"><seg>lift (GB)</seg></tuv></tu>"
    "</body></tmx>", -1);
  g_assert_true (dip_project_import_tmx (english, file, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_imported, ==, 2);
  const char *const us[] = { "color", "lift", NULL };
  const char *const gb[] = { "colour", "lift (GB)", NULL };
  assert_texts (english, report.src_document, us);
  assert_texts (english, report.tgt_document, gb);
}

static void
test_import_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* UTF-16 with a BOM, as older Trados versions wrote it. */
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                    "<tmx version=\"1.2\"><header srclang=\"it\"/><body>"
                    "<tu><tuv lang=\"it\"><seg>Perché è così?</seg></tuv>"
                    "<tuv lang=\"en\"><seg>Why is it so?</seg></tuv></tu></body></tmx>";
  gsize size = 0;
  g_autofree char *utf16 = g_convert (xml, -1, "UTF-16LE", "UTF-8", NULL, &size, &error);
  g_assert_no_error (error);
  g_autofree char *bom = g_malloc (size + 2);
  memcpy (bom, "\xFF\xFE", 2);
  memcpy (bom + 2, utf16, size);
  g_autofree char *file = test_write_file (f->dir, "trados.tmx", bom, (gssize) size + 2);
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, file, &report, NULL, &error));
  g_assert_no_error (error);
  const char *const src[] = { "Perché è così?", NULL };
  assert_texts (f->project, report.src_document, src);

  /* Texts are stored in NFC, with CDATA read as text and a confidence kept. */
  g_autofree char *nfd = test_write_file (
    f->dir, "nfd.tmx",
    "<tmx version=\"1.4\"><header/><body><tu><prop type=\"x-diptych-confidence\">0.25</prop>"
    "<tuv xml:lang=\"it\"><seg>perche\xCC\x81 <![CDATA[<b> & ]]></seg></tuv>"
    "<tuv xml:lang=\"en\"><seg>  why  </seg></tuv></tu></body></tmx>", -1);
  g_assert_true (dip_project_import_tmx (f->project, nfd, &report, NULL, &error));
  g_assert_no_error (error);
  const char *const src2[] = { "perché <b> & ", NULL };
  const char *const tgt2[] = { "  why  ", NULL };
  assert_texts (f->project, report.src_document, src2);
  assert_texts (f->project, report.tgt_document, tgt2);
  g_autoptr (GArray) beads = dip_project_list_beads (f->project, report.src_document,
                                                     report.tgt_document, &error);
  g_assert_cmpfloat_with_epsilon (g_array_index (beads, DipBead, 0).confidence, 0.25, 1e-9);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  make_aligned (f);
  g_autoptr (GError) error = NULL;
  g_autofree char *okapi = tmx_fixture ("okapi.tmx");
  g_assert_true (dip_project_import_tmx (f->project, okapi, NULL, NULL, &error));
  import_pairs (f, "hard.tsv", "Uno & due < tre\t  One & two < three \nZ\x02\tz\n");
  DipExportFilter all = { DIP_EXPORT_STATUS_ALL, 0.0 };
  g_autofree char *first = export (f, "first.tmx", &all, NULL);

  g_autofree char *path = g_build_filename (f->dir->path, "again.diptych", NULL);
  g_autoptr (DipProject) again = dip_project_create (path, "it", "en-GB", &error);
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (again, first, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_imported, ==, 9);
  g_autofree char *second = g_build_filename (f->dir->path, "second.tmx", NULL);
  g_assert_true (dip_project_export_tmx (again, second, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_valid_tmx (second);

  g_autofree char *want = seg_texts (first);
  g_autofree char *got = seg_texts (second);
  g_assert_cmpstr (got, ==, want);
}

static void
test_import_bad (Fixture *f, gconstpointer data)
{
  g_autofree char *truncated = tmx_fixture ("truncated.tmx");
  g_autofree char *wrong_root = tmx_fixture ("wrong-root.tmx");
  g_autofree char *no_lang = tmx_fixture ("missing-lang.tmx");
  g_autofree char *xxe = tmx_fixture ("xxe.tmx");
  g_autofree char *bomb = tmx_fixture ("billion-laughs.tmx");
  g_autofree char *empty = test_write_file (f->dir, "empty.tmx", "", 0);
  g_autofree char *binary = test_write_file (f->dir, "image.tmx", "\x89PNG\r\n\x1a\n\0\0", 10);
  g_autofree char *text = test_write_file (f->dir, "notes.tmx", "just some notes\n", -1);
  g_autofree char *mismatch = test_write_file (
    f->dir, "mismatch.tmx",
    "<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"it\"><seg>a</tuv></tu>\n"
    "</body></tmx>", -1);
  g_autofree char *version = test_write_file (f->dir, "v2.tmx",
                                              "<tmx version=\"2.0\"><header/><body/></tmx>", -1);
  g_autofree char *nothing = test_write_file (
    f->dir, "nothing.tmx",
    "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"de\"><seg>Ja</seg></tuv>"
    "<tuv xml:lang=\"fr\"><seg>Oui</seg></tuv></tu></body></tmx>", -1);
  g_autofree char *missing = g_build_filename (f->dir->path, "missing.tmx", NULL);
  const struct { const char *path; int code; const char *needle; } cases[] = {
    { truncated, DIP_ERROR_INVALID_INPUT, "truncated.tmx:11:1: the file ends before </tmx>" },
    { wrong_root, DIP_ERROR_INVALID_INPUT, "wrong-root.tmx:2:1: not a TMX file" },
    { no_lang, DIP_ERROR_INVALID_INPUT, "missing-lang.tmx:10:51: <tuv> without xml:lang" },
    { xxe, DIP_ERROR_INVALID_INPUT, "xxe.tmx:2:1: the DOCTYPE declares entities" },
    { bomb, DIP_ERROR_INVALID_INPUT, "billion-laughs.tmx:2:1: the DOCTYPE declares entities" },
    { empty, DIP_ERROR_INVALID_INPUT, "empty.tmx:1:1:" },
    { binary, DIP_ERROR_INVALID_INPUT, "image.tmx:1:" },
    { text, DIP_ERROR_INVALID_INPUT, "notes.tmx:1:1:" },
    { mismatch, DIP_ERROR_INVALID_INPUT, "mismatch.tmx:2:" },
    { version, DIP_ERROR_INVALID_INPUT, "v2.tmx:1:1: TMX version 2.0 is not supported" },
    { nothing, DIP_ERROR_INVALID_INPUT, "nothing.tmx: no translation unit has text in both" },
    { missing, DIP_ERROR_NOT_FOUND, "missing.tmx: No such file" },
    { f->dir->path, DIP_ERROR_INVALID_INPUT, "is a directory" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      DipImportReport report = { 0 };
      g_assert_false (dip_project_import_tmx (f->project, cases[i].path, &report, NULL, &error));
      test_assert_error (error, cases[i].code, cases[i].needle);
      g_assert_null (strstr (error->message, "root:"));
      g_assert_cmpint (report.src_document, ==, 0);
    }
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);
}

/* libxml2 keeps an element's line in 16 bits; positions past line 65535
 * and deep into a long line must still be right. */
static void
test_import_positions (Fixture *f, gconstpointer data)
{
  GString *xml = g_string_new ("<tmx version=\"1.4\"><header/><body>\n");
  for (guint i = 0; i < 70000; i++)
    g_string_append (xml, "<!-- <tuv> in a comment is no tag -->\n");
  g_string_append (xml, "<tu><tuv xml:lang=\"it\"><seg>x</seg></tuv>  <tuv><seg>y</seg></tuv></tu>"
                        "</body></tmx>\n");
  g_autofree char *path = test_write_file (f->dir, "long.tmx", xml->str, -1);
  g_string_free (xml, TRUE);

  g_autoptr (GError) error = NULL;
  g_assert_false (dip_project_import_tmx (f->project, path, NULL, NULL, &error));
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "long.tmx:70002:44: <tuv> without xml:lang");
}

/* One <seg> of `mb` megabytes, written in pieces so that the test itself
 * stays small. */
static char *
write_huge (Fixture *f, guint mb)
{
  char *path = g_build_filename (f->dir->path, "huge.tmx", NULL);
  FILE *stream = fopen (path, "w");
  g_assert_nonnull (stream);
  fputs ("<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"it\"><seg>", stream);
  g_autofree char *chunk = g_malloc (1 << 20);
  memset (chunk, 'x', 1 << 20);
  for (guint i = 0; i < mb; i++)
    g_assert_cmpuint (fwrite (chunk, 1, 1 << 20, stream), ==, 1 << 20);
  fputs ("</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>\n", stream);
  g_assert_cmpint (fclose (stream), ==, 0);
  return path;
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_import_huge_segment (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_huge (f, 100);
  g_autoptr (GError) error = NULL;
  glong rss_before = peak_rss_kb ();
  gint64 start = g_get_monotonic_time ();
  g_assert_false (dip_project_import_tmx (f->project, path, NULL, NULL, &error));
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  test_assert_error (error, DIP_ERROR_INVALID_INPUT, "larger than 10 MB; refused");
  g_test_message ("100 MB segment refused in %.2f s, peak RSS grew by %ld MB", seconds,
                  (peak_rss_kb () - rss_before) / 1024);
  g_assert_cmpfloat (seconds, <, 10.0);
  g_assert_cmpint (peak_rss_kb () - rss_before, <, 200 * 1024);
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);
}

static void
test_import_cancelled (Fixture *f, gconstpointer data)
{
  GString *xml = g_string_new ("<tmx version=\"1.4\"><header/><body>\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (xml, "<tu><tuv xml:lang=\"it\"><seg>Uno %u</seg></tuv>"
                                 "<tuv xml:lang=\"en\"><seg>One %u</seg></tuv></tu>\n", i, i);
  g_string_append (xml, "</body></tmx>\n");
  g_autofree char *path = test_write_file (f->dir, "many.tmx", xml->str, -1);
  g_string_free (xml, TRUE);

  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_assert_false (dip_project_import_tmx (f->project, path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (test_count_documents (f->project), ==, 0);

  /* The project is usable afterwards: the transaction was rolled back. */
  g_clear_error (&error);
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_imported, ==, 5000);
}

/* ---- the full-text index after a bulk import --------------------------- */

static gint64
count_matches (sqlite3 *db, const char *query)
{
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM segment_fts"
                                           " WHERE segment_fts MATCH ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  gint64 n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  gint64 value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A bulk import turns FTS5's merging off while it indexes; afterwards it
 * is back at FTS5's default (4) for the edits that follow. */
static void
assert_automerge_default (sqlite3 *db)
{
  g_assert_cmpint (query_int (db, "SELECT ifnull((SELECT v FROM segment_fts_config"
                                  " WHERE k = 'automerge'), 4)"), ==, 4);
}

/* …and the connection's own settings are back after the bulk transaction:
 * foreign keys checked, the default page cache and temporary storage. */
static void
assert_bulk_settings_undone (sqlite3 *db)
{
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA temp_store"), ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA cache_size"), ==, -2000);
}

static void
exec_sql (sqlite3 *db, const char *sql)
{
  char *message = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A digest of every token instance the index holds: term, segment,
 * column and offset. */
static char *
index_digest (sqlite3 *db)
{
  exec_sql (db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.segment_vocab"
                " USING fts5vocab (main, segment_fts, instance)");
  sqlite3_stmt *stmt = NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term, doc, col, offset FROM temp.segment_vocab"
                                           " ORDER BY doc, offset", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *row = g_strdup_printf ("%s %lld %s %d\n", sqlite3_column_text (stmt, 0),
                                              sqlite3_column_int64 (stmt, 1),
                                              sqlite3_column_text (stmt, 2),
                                              sqlite3_column_int (stmt, 3));
      g_checksum_update (sum, (const guchar *) row, -1);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);
  return g_strdup (g_checksum_get_string (sum));
}

/* The index holds exactly what FTS5 makes of the segment table from
 * scratch ('rebuild', undone afterwards), as the triggers keep it. */
static void
assert_index_in_step (sqlite3 *db)
{
  exec_sql (db, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')");
  g_autofree char *kept = index_digest (db);
  exec_sql (db, "SAVEPOINT fresh; INSERT INTO segment_fts (segment_fts) VALUES ('rebuild')");
  g_autofree char *fresh = index_digest (db);
  exec_sql (db, "ROLLBACK TO fresh; RELEASE fresh");
  g_assert_cmpstr (kept, ==, fresh);
}

static void
test_import_full_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* Segments from before, indexed by the triggers. */
  g_autofree char *text = test_write_file (f->dir, "before.txt", "Il partenariato strategico.\n",
                                           -1);
  g_assert_cmpint (dip_project_import_text (f->project, text, DIP_SIDE_SOURCE, NULL,
                                            DIP_IMPORT_NO_LANGID, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* More units than the pair writer indexes in one statement: 4,096 here,
   * for a test of a few seconds. */
  enum { N_UNITS = 20000 };
  guint index_every = dip_pair_writer_index_every;
  dip_pair_writer_index_every = 64;
  GString *xml = g_string_new ("<tmx version=\"1.4\"><header/><body>\n");
  for (guint i = 0; i < N_UNITS; i++)
    g_string_append_printf (xml, "<tu><tuv xml:lang=\"it\"><seg>Uno %u zibaldone%u</seg></tuv>"
                                 "<tuv xml:lang=\"en\"><seg>Città %u quokka%u</seg></tuv></tu>\n",
                            i, i % 7, i, i % 3);
  g_string_append (xml, "</body></tmx>\n");
  g_autofree char *path = test_write_file (f->dir, "many.tmx", xml->str, -1);
  g_string_free (xml, TRUE);
  DipImportReport report;
  g_assert_true (dip_project_import_tmx (f->project, path, &report, NULL, &error));
  dip_pair_writer_index_every = index_every;
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_imported, ==, N_UNITS);

  /* The connection that imported, and its triggers afterwards. */
  sqlite3 *db = dip_store_get_db (dip_project_get_store (f->project));
  assert_index_in_step (db);
  assert_automerge_default (db);
  assert_bulk_settings_undone (db);
  g_assert_cmpint (count_matches (db, "partenariato"), ==, 1);
  g_assert_cmpint (count_matches (db, "zibaldone3"), ==, (N_UNITS + 3) / 7);
  g_assert_cmpint (count_matches (db, "quokka1"), ==, (N_UNITS + 1) / 3);
  g_assert_cmpint (count_matches (db, "citta"), ==, N_UNITS);  /* remove_diacritics */
  g_assert_cmpint (count_matches (db, "\"uno 42\""), ==, 1);  /* phrases work */

  exec_sql (db, "UPDATE segment SET text = 'Ornitorinco' WHERE text = 'Uno 42 zibaldone0'");
  g_assert_cmpint (count_matches (db, "ornitorinco"), ==, 1);
  g_assert_cmpint (count_matches (db, "\"uno 42\""), ==, 0);
  exec_sql (db, "DELETE FROM segment WHERE text = 'Uno 43 zibaldone1'");
  g_assert_cmpint (count_matches (db, "\"uno 43\""), ==, 0);
  assert_index_in_step (db);

  /* A failed bulk import leaves the triggers on, and indexes nothing. */
  g_autofree char *bad = test_write_file (
    f->dir, "bad.tmx",
    "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"it\"><seg>Vombato</seg></tuv>"
    "<tuv xml:lang=\"en\"><seg>Wombat</seg></tuv></tu><tu><tuv><seg>x</seg></tuv></tu>"
    "</body></tmx>", -1);
  g_assert_false (dip_project_import_tmx (f->project, bad, NULL, NULL, &error));
  g_clear_error (&error);
  assert_bulk_settings_undone (db);
  g_assert_cmpint (count_matches (db, "vombato"), ==, 0);
  exec_sql (db, "UPDATE segment SET text = 'Ornitorinco vombato' WHERE text = 'Ornitorinco'");
  g_assert_cmpint (count_matches (db, "vombato"), ==, 1);
  assert_index_in_step (db);
  assert_automerge_default (db);

  /* Another connection sees the same. */
  sqlite3 *other = NULL;
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  assert_index_in_step (other);
  g_assert_cmpint (count_matches (other, "zibaldone3"), ==, (N_UNITS + 3) / 7);
  sqlite3_close (other);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tmx/export/units", test_export_units);
  ADD ("/tmx/export/filters", test_export_filters);
  ADD ("/tmx/export/escaping", test_export_escaping);
  ADD ("/tmx/export/atomic", test_export_atomic);
  ADD ("/tmx/import/omegat", test_import_omegat);
  ADD ("/tmx/import/okapi", test_import_okapi);
  ADD ("/tmx/import/languages", test_import_languages);
  ADD ("/tmx/import/versions", test_import_versions);
  ADD ("/tmx/import/bad", test_import_bad);
  ADD ("/tmx/import/positions", test_import_positions);
  ADD ("/tmx/import/huge-segment", test_import_huge_segment);
  ADD ("/tmx/import/cancelled", test_import_cancelled);
  ADD ("/tmx/import/full-text", test_import_full_text);
  ADD ("/tmx/round-trip", test_round_trip);
#undef ADD
  return g_test_run ();
}
