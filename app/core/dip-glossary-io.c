/* dip-glossary-io.c — glossaries as TSV and CSV files, and importing and
 * exporting them (TBX is in dip-glossary-tbx.c).
 *
 * A file is parsed whole before anything is stored, so one bad line means
 * nothing is imported, and the error names that line.
 */
#include "dip-config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#include "dip-glossary-private.h"
#include "dip-json.h"
#include "dip-project-private.h"

DipGlossaryFormat
dip_glossary_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".tab")
      || g_str_has_suffix (lower, ".txt"))
    return DIP_GLOSSARY_FORMAT_TSV;
  if (g_str_has_suffix (lower, ".csv"))
    return DIP_GLOSSARY_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".tbx") || g_str_has_suffix (lower, ".xml"))
    return DIP_GLOSSARY_FORMAT_TBX;
  return DIP_GLOSSARY_FORMAT_AUTO;
}

static gboolean
parse_status (const char *text, const char *name, guint line, DipTermStatus *out_status,
              GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (*trimmed == '\0')
    {
      *out_status = DIP_TERM_PREFERRED;
      return TRUE;
    }
  if (dip_term_status_from_string (trimmed, out_status))
    return TRUE;
  g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
               "%s:%u: unknown status “%s” (use preferred, admitted or forbidden)", name, line,
               trimmed);
  return FALSE;
}

static DipGlossaryEntry *
make_entry (const char *src, const char *tgt, DipTermStatus status, const char *note,
            guint line, const char *name, GError **error)
{
  g_autoptr (DipGlossaryEntry) entry = dip_glossary_entry_new (src, tgt, status, note);
  entry->line = line;
  if (!dip_glossary_entry_validate (entry, name, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/* ---- TSV ----------------------------------------------------------------- */

/* TSV fields escape what would break a line or a column: \t \n \r \\,
 * and a "#" that would start a comment. */
static char *
tsv_unescape (const char *field)
{
  GString *out = g_string_sized_new (strlen (field));
  for (const char *p = field; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 't': g_string_append_c (out, '\t'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '#': g_string_append_c (out, '#'); break;
        default:
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
tsv_escape (GString *out, const char *field, gboolean first)
{
  if (first && *field == '#')
    g_string_append_c (out, '\\');
  for (const char *p = field; *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\\': g_string_append (out, "\\\\"); break;
      default: g_string_append_c (out, *p);
      }
}

static gboolean
is_header_name (const char *field, const char *const *names)
{
  g_autofree char *trimmed = g_strstrip (g_ascii_strdown (field, -1));
  return g_strv_contains (names, trimmed);
}

static const char *const source_names[] = {
  "source", "src", "src_term", "source term", "source_term", NULL,
};
static const char *const target_names[] = {
  "target", "tgt", "tgt_term", "target term", "target_term", NULL,
};

static DipGlossaryEntry *
parse_tsv_line (char *line, guint number, const char *name, GError **error)
{
  g_auto (GStrv) fields = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (fields);
  if (n < 2 || n > 4)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: %u field%s; a line is source TAB target [TAB status [TAB note]]",
                   name, number, n, n == 1 ? "" : "s");
      return NULL;
    }
  DipTermStatus status;
  if (!parse_status (n > 2 ? fields[2] : NULL, name, number, &status, error))
    return NULL;
  g_autofree char *src = tsv_unescape (fields[0]);
  g_autofree char *tgt = tsv_unescape (fields[1]);
  g_autofree char *note = n > 3 ? tsv_unescape (fields[3]) : NULL;
  return make_entry (src, tgt, status, note, number, name, error);
}

static GPtrArray *
parse_tsv (const DipText *text, const char *name, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_glossary_entry_free);
  g_auto (GStrv) lines = g_strsplit (text->text, "\n", -1);
  gboolean seen_data = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      char *line = lines[i];
      g_autofree char *blank = g_strstrip (g_strdup (line));
      if (*blank == '\0' || line[0] == '#')
        continue;
      /* An optional header: the first line naming its columns. */
      if (!seen_data && strchr (line, '\t'))
        {
          g_auto (GStrv) fields = g_strsplit (line, "\t", 3);
          seen_data = TRUE;
          if (is_header_name (fields[0], source_names) && is_header_name (fields[1], target_names))
            continue;
        }
      seen_data = TRUE;
      DipGlossaryEntry *entry = parse_tsv_line (line, i + 1, name, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static void
write_tsv (GString *out, GPtrArray *entries, const char *src_lang, const char *tgt_lang)
{
  g_string_append_printf (out, "# Diptych glossary, %s → %s\n", src_lang, tgt_lang);
  g_string_append (out, "# source\ttarget\tstatus\tnote\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *e = g_ptr_array_index (entries, i);
      tsv_escape (out, e->src_term, TRUE);
      g_string_append_c (out, '\t');
      tsv_escape (out, e->tgt_term, FALSE);
      g_string_append_printf (out, "\t%s", dip_term_status_to_string (e->status));
      if (e->note)
        {
          g_string_append_c (out, '\t');
          tsv_escape (out, e->note, FALSE);
        }
      g_string_append_c (out, '\n');
    }
}

/* ---- CSV (RFC 4180) ------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  char        separator;
} CsvReader;

static guint
csv_column (const CsvReader *r, const char *at)
{
  return (guint) g_utf8_strlen (r->line_start, at - r->line_start) + 1;
}

static gboolean
csv_quoted_field (CsvReader *r, GString *field, GError **error)
{
  guint open_line = r->line, open_column = csv_column (r, r->p);
  r->p++;
  for (;;)
    {
      if (r->p >= r->end)
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                       "%s:%u:%u: quoted field is never closed", r->name, open_line,
                       open_column);
          return FALSE;
        }
      if (*r->p == '"')
        {
          if (r->p + 1 < r->end && r->p[1] == '"')
            {
              g_string_append_c (field, '"');
              r->p += 2;
              continue;
            }
          r->p++;
          break;
        }
      if (*r->p == '\n')
        {
          r->line++;
          r->line_start = r->p + 1;
        }
      g_string_append_c (field, *r->p++);
    }
  if (r->p < r->end && *r->p != r->separator && *r->p != '\n')
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u:%u: unexpected “%c” after a closing quote (a quote inside a quoted "
                   "field is written twice: \"\")",
                   r->name, r->line, csv_column (r, r->p), *r->p);
      return FALSE;
    }
  return TRUE;
}

static gboolean
csv_plain_field (CsvReader *r, GString *field, GError **error)
{
  while (r->p < r->end && *r->p != r->separator && *r->p != '\n')
    {
      if (*r->p == '"')
        {
          g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                       "%s:%u:%u: quote inside an unquoted field (quote the whole field and "
                       "write inner quotes twice)",
                       r->name, r->line, csv_column (r, r->p));
          return FALSE;
        }
      g_string_append_c (field, *r->p++);
    }
  return TRUE;
}

/* Reads one record into `fields`. FALSE at the end of the input (error
 * unset) or on an error. */
static gboolean
csv_read_record (CsvReader *r, GPtrArray *fields, guint *out_line, GError **error)
{
  g_ptr_array_set_size (fields, 0);
  if (r->p >= r->end)
    return FALSE;
  *out_line = r->line;
  for (;;)
    {
      g_autoptr (GString) field = g_string_new (NULL);
      gboolean ok = *r->p == '"' ? csv_quoted_field (r, field, error)
                                 : csv_plain_field (r, field, error);
      if (!ok)
        return FALSE;
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      if (r->p >= r->end)
        return TRUE;
      if (*r->p == '\n')
        {
          r->p++;
          r->line++;
          r->line_start = r->p;
          return TRUE;
        }
      r->p++;  /* the separator */
    }
}

typedef struct
{
  int source, target, status, note, pos, case_sensitive;
  guint n_fields;
} CsvColumns;

static gboolean
csv_lang_column (const char *field, const char *lang)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (field));
  g_autofree char *a = dip_language_tag_primary (trimmed);
  g_autofree char *b = dip_language_tag_primary (lang);
  return *trimmed != '\0' && g_ascii_strcasecmp (a, b) == 0;
}

static gboolean
csv_find_columns (GPtrArray *header, const char *name, guint line, const char *src_lang,
                  const char *tgt_lang, CsvColumns *c, GError **error)
{
  static const char *const status_names[] = { "status", "administrative status", NULL };
  static const char *const note_names[] = { "note", "notes", "comment", "comments", NULL };
  static const char *const pos_names[] = { "part_of_speech", "part of speech", "pos", NULL };
  static const char *const case_names[] = { "case_sensitive", "case sensitive", NULL };
  *c = (CsvColumns) { -1, -1, -1, -1, -1, -1, header->len };

  for (guint i = 0; i < header->len; i++)
    {
      const char *field = g_ptr_array_index (header, i);
      int *slot = NULL;
      if (is_header_name (field, source_names))
        slot = &c->source;
      else if (is_header_name (field, target_names))
        slot = &c->target;
      else if (is_header_name (field, status_names))
        slot = &c->status;
      else if (is_header_name (field, note_names))
        slot = &c->note;
      else if (is_header_name (field, pos_names))
        slot = &c->pos;
      else if (is_header_name (field, case_names))
        slot = &c->case_sensitive;
      else if (c->source < 0 && csv_lang_column (field, src_lang))
        slot = &c->source;   /* a header naming the languages: "it,en" */
      else if (c->target < 0 && csv_lang_column (field, tgt_lang))
        slot = &c->target;
      if (slot != NULL && *slot < 0)
        *slot = (int) i;
    }
  if (c->source < 0 || c->target < 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: the header row needs a “source” and a “target” column", name, line);
      return FALSE;
    }
  return TRUE;
}

static const char *
csv_field (GPtrArray *fields, int column)
{
  return column >= 0 ? g_ptr_array_index (fields, column) : NULL;
}

static gboolean
parse_yes_no (const char *text, gboolean *out_value)
{
  static const char *const yes[] = { "1", "yes", "true", "y", NULL };
  static const char *const no[] = { "", "0", "no", "false", "n", NULL };
  g_autofree char *trimmed = g_strstrip (g_ascii_strdown (text ? text : "", -1));
  *out_value = g_strv_contains (yes, trimmed);
  return *out_value || g_strv_contains (no, trimmed);
}

static DipGlossaryEntry *
csv_entry (GPtrArray *fields, const CsvColumns *c, guint line, const char *name, GError **error)
{
  if (fields->len != c->n_fields)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: %u field%s, but the header row has %u", name, line, fields->len,
                   fields->len == 1 ? "" : "s", c->n_fields);
      return NULL;
    }
  DipTermStatus status;
  if (!parse_status (csv_field (fields, c->status), name, line, &status, error))
    return NULL;
  g_autoptr (DipGlossaryEntry) entry = make_entry (csv_field (fields, c->source),
                                                   csv_field (fields, c->target), status,
                                                   csv_field (fields, c->note), line, name, error);
  if (entry == NULL)
    return NULL;
  const char *pos = csv_field (fields, c->pos);
  entry->part_of_speech = pos ? dip_glossary_clean_note (pos) : NULL;
  if (c->case_sensitive >= 0
      && !parse_yes_no (csv_field (fields, c->case_sensitive), &entry->case_sensitive))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s:%u: case_sensitive is “%s”; use yes or no", name, line,
                   csv_field (fields, c->case_sensitive));
      return NULL;
    }
  return g_steal_pointer (&entry);
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0';
}

/* Spreadsheets in much of Europe write ";" between fields: take the
 * separator the header row uses more. */
static char
csv_guess_separator (const char *text)
{
  guint commas = 0, semicolons = 0;
  for (const char *p = text; *p && *p != '\n'; p++)
    {
      commas += *p == ',';
      semicolons += *p == ';';
    }
  return semicolons > commas ? ';' : ',';
}

static GPtrArray *
parse_csv (const DipText *text, const char *name, const char *src_lang, const char *tgt_lang,
           GError **error)
{
  CsvReader r = { name, text->text, text->text + text->length, text->text, 1,
                  csv_guess_separator (text->text) };
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dip_glossary_entry_free);
  CsvColumns columns;
  gboolean have_header = FALSE;
  guint line = 0;

  g_autoptr (GError) read_error = NULL;
  while (csv_read_record (&r, fields, &line, &read_error))
    {
      if (is_blank_record (fields))
        continue;
      if (!have_header)
        {
          if (!csv_find_columns (fields, name, line, src_lang, tgt_lang, &columns, error))
            return NULL;
          have_header = TRUE;
          continue;
        }
      DipGlossaryEntry *entry = csv_entry (fields, &columns, line, name, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static void
csv_write_field (GString *out, const char *field, gboolean first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (field == NULL)
    return;
  gboolean quote = strpbrk (field, ",;\"\r\n") != NULL || g_ascii_isspace (field[0])
                   || (*field && g_ascii_isspace (field[strlen (field) - 1]));
  if (!quote)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_csv (GString *out, GPtrArray *entries)
{
  g_string_append (out, "source,target,status,note,part_of_speech,case_sensitive\r\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *e = g_ptr_array_index (entries, i);
      csv_write_field (out, e->src_term, TRUE);
      csv_write_field (out, e->tgt_term, FALSE);
      csv_write_field (out, dip_term_status_to_string (e->status), FALSE);
      csv_write_field (out, e->note, FALSE);
      csv_write_field (out, e->part_of_speech, FALSE);
      csv_write_field (out, e->case_sensitive ? "yes" : "no", FALSE);
      g_string_append (out, "\r\n");
    }
}

/* ---- dispatch ------------------------------------------------------------ */

/* Whether the bytes start, after a BOM and white space, with markup. */
static gboolean
looks_like_xml (const char *data, gsize size)
{
  gsize i = size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  return i < size && data[i] == '<';
}

static DipGlossaryFormat
sniff_format (GBytes *bytes, const char *name)
{
  DipGlossaryFormat by_name = dip_glossary_format_for_path (name);
  if (by_name != DIP_GLOSSARY_FORMAT_AUTO)
    return by_name;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  if (looks_like_xml (data, size))
    return DIP_GLOSSARY_FORMAT_TBX;
  const char *newline = memchr (data, '\n', size);
  gsize first_line = newline ? (gsize) (newline - data) : size;
  return memchr (data, '\t', first_line) ? DIP_GLOSSARY_FORMAT_TSV : DIP_GLOSSARY_FORMAT_CSV;
}

/* What every format's entries need before they are returned: at least
 * one, and the project's languages. */
static GPtrArray *
finish_entries (GPtrArray *entries, const char *name, const char *src_lang,
                const char *tgt_lang, GError **error)
{
  g_autoptr (GPtrArray) owned = entries;
  if (owned == NULL)
    return NULL;
  if (owned->len == 0)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: no glossary entries", name);
      return NULL;
    }
  for (guint i = 0; i < owned->len; i++)
    {
      DipGlossaryEntry *entry = g_ptr_array_index (owned, i);
      g_free (entry->src_lang);
      g_free (entry->tgt_lang);
      entry->src_lang = g_strdup (src_lang);
      entry->tgt_lang = g_strdup (tgt_lang);
    }
  return g_steal_pointer (&owned);
}

GPtrArray *
dip_glossary_parse (GBytes *bytes, const char *name, DipGlossaryFormat format,
                    const char *src_lang, const char *tgt_lang, GError **error)
{
  g_return_val_if_fail (bytes != NULL && name != NULL && src_lang && tgt_lang, NULL);
  if (format == DIP_GLOSSARY_FORMAT_AUTO)
    format = sniff_format (bytes, name);

  GPtrArray *entries = NULL;
  if (format == DIP_GLOSSARY_FORMAT_TBX)
    entries = dip_glossary_parse_tbx (bytes, name, src_lang, tgt_lang, error);
  else
    {
      g_autoptr (DipText) text = dip_text_new_from_bytes (bytes, name, error);
      if (text == NULL)
        return NULL;
      entries = format == DIP_GLOSSARY_FORMAT_CSV
                  ? parse_csv (text, name, src_lang, tgt_lang, error)
                  : parse_tsv (text, name, error);
    }
  return finish_entries (entries, name, src_lang, tgt_lang, error);
}

GBytes *
dip_glossary_serialize (GPtrArray *entries, DipGlossaryFormat format, const char *src_lang,
                        const char *tgt_lang, GError **error)
{
  g_return_val_if_fail (format != DIP_GLOSSARY_FORMAT_AUTO, NULL);
  if (format == DIP_GLOSSARY_FORMAT_TBX)
    return dip_glossary_write_tbx (entries, src_lang, tgt_lang, error);

  g_autoptr (GString) out = g_string_new (NULL);
  if (format == DIP_GLOSSARY_FORMAT_CSV)
    write_csv (out, entries);
  else
    write_tsv (out, entries, src_lang, tgt_lang);
  gsize len = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), len);
}

/* ---- import and export --------------------------------------------------- */

void
dip_glossary_import_free (DipGlossaryImport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->messages, g_ptr_array_unref);
  g_free (report);
}

/* TSV and CSV glossaries are read whole; a file larger than this is not
 * a glossary, and reading it (or an endless pipe) must not take all the
 * memory there is. TBX is streamed and needs no such bound. */
#define MAX_TEXT_GLOSSARY_BYTES (256u << 20)
/* Enough of the start of a file to tell TBX from TSV and CSV. */
#define HEAD_BYTES (64u << 10)

static int
open_glossary (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  struct stat st;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, DIP_ERROR, saved == ENOENT ? DIP_ERROR_NOT_FOUND : DIP_ERROR_IO,
                   "%s: %s", path, g_strerror (saved));
      return -1;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT, "%s: is a directory, not a glossary",
                   path);
      return -1;
    }
  return fd;
}

/* Appends what `fd` holds to `into`, until the end or until `into` has
 * `limit` bytes. */
static gboolean
read_up_to (int fd, GByteArray *into, gsize limit, const char *path, GError **error)
{
  guint8 buffer[16384];
  while (into->len < limit)
    {
      ssize_t n = read (fd, buffer, MIN (sizeof buffer, limit - into->len));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_byte_array_append (into, buffer, (guint) n);
    }
  return TRUE;
}

/* Reads the rest of a TSV or CSV glossary after `head` (which it takes). */
static GPtrArray *
read_text_glossary (int fd, GByteArray *head_owned, const char *path, DipGlossaryFormat format,
                    const char *src_lang, const char *tgt_lang, GError **error)
{
  g_autoptr (GByteArray) head = head_owned;
  if (!read_up_to (fd, head, MAX_TEXT_GLOSSARY_BYTES + 1, path, error))
    return NULL;
  if (head->len > MAX_TEXT_GLOSSARY_BYTES)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_INPUT,
                   "%s: larger than %u MB, too large for a TSV or CSV glossary; refused", path,
                   MAX_TEXT_GLOSSARY_BYTES >> 20);
      return NULL;
    }
  g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&head));
  return dip_glossary_parse (bytes, path, format, src_lang, tgt_lang, error);
}

static GPtrArray *
read_glossary (const char *path, DipGlossaryFormat format, const char *src_lang,
               const char *tgt_lang, GError **error)
{
  int fd = open_glossary (path, error);
  if (fd < 0)
    return NULL;
  g_autoptr (GByteArray) head = g_byte_array_new ();
  GPtrArray *entries = NULL;
  if (read_up_to (fd, head, HEAD_BYTES, path, error))
    {
      if (format == DIP_GLOSSARY_FORMAT_AUTO)
        format = dip_glossary_format_for_path (path);
      if (format == DIP_GLOSSARY_FORMAT_AUTO && looks_like_xml ((const char *) head->data,
                                                                head->len))
        format = DIP_GLOSSARY_FORMAT_TBX;
      if (format == DIP_GLOSSARY_FORMAT_TBX)
        entries = finish_entries (dip_glossary_read_tbx (fd, (const char *) head->data,
                                                         head->len, path, src_lang, tgt_lang,
                                                         error),
                                  path, src_lang, tgt_lang, error);
      else
        entries = read_text_glossary (fd, g_steal_pointer (&head), path, format, src_lang, tgt_lang, error);
    }
  close (fd);
  return entries;
}

/* An entry already stored, as far as merging needs it. */
typedef struct
{
  gint64         id;
  DipTermStatus  status;
  char          *note;
} Stored;

static void
stored_free (gpointer data)
{
  Stored *s = data;
  g_free (s->note);
  g_free (s);
}

static GHashTable *
load_stored (DipProject *self, GError **error)
{
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (self, error);
  if (entries == NULL)
    return NULL;
  GHashTable *stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stored_free);
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *e = g_ptr_array_index (entries, i);
      Stored *s = g_new0 (Stored, 1);
      *s = (Stored) { e->id, e->status, g_strdup (e->note) };
      g_hash_table_insert (stored, dip_glossary_entry_key (e), s);
    }
  return stored;
}

static gboolean
update_entry (DipProject *self, const Stored *s, GError **error)
{
  DipStore *store = dip_project_get_store (self);
  sqlite3_stmt *stmt = dip_store_statement (
    store, "UPDATE glossary SET status = ?1, note = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dip_term_status_to_string (s->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, s->note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, s->id);
  return dip_store_step_done (store, stmt, error);
}

/* Merges `entry` into the stored `s` and says what changed. */
static char *
merge_entry (Stored *s, const DipGlossaryEntry *entry, const char *name)
{
  g_autoptr (GString) what = g_string_new (NULL);
  if (entry->status != s->status)
    {
      g_string_append_printf (what, "status %s → %s", dip_term_status_to_string (s->status),
                              dip_term_status_to_string (entry->status));
      s->status = entry->status;
    }
  if (entry->note && (s->note == NULL || strstr (s->note, entry->note) == NULL))
    {
      char *joined = s->note ? g_strconcat (s->note, "; ", entry->note, NULL)
                             : g_strdup (entry->note);
      g_free (s->note);
      s->note = joined;
      g_string_append_printf (what, "%snote added", what->len ? ", " : "");
    }
  return g_strdup_printf ("%s:%u: duplicate of entry %" G_GINT64_FORMAT " “%s → %s”; merged (%s)",
                          name, entry->line, s->id, entry->src_term, entry->tgt_term,
                          what->len ? what->str : "nothing new");
}

static gboolean
import_entries (DipProject *self, GPtrArray *entries, const char *name,
                DipGlossaryImport *report, GError **error)
{
  g_autoptr (GHashTable) stored = load_stored (self, error);
  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const DipGlossaryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = dip_glossary_entry_key (entry);
      Stored *s = g_hash_table_lookup (stored, key);
      if (s != NULL)
        {
          g_ptr_array_add (report->messages, merge_entry (s, entry, name));
          report->merged++;
          if (!update_entry (self, s, error))
            return FALSE;
          continue;
        }
      gint64 id = dip_project_insert_glossary_entry (self, entry, error);
      if (id == 0)
        return FALSE;
      s = g_new0 (Stored, 1);
      *s = (Stored) { id, entry->status, g_strdup (entry->note) };
      g_hash_table_insert (stored, g_steal_pointer (&key), s);
      report->added++;
    }
  return TRUE;
}

DipGlossaryImport *
dip_project_import_glossary (DipProject *self, const char *path, DipGlossaryFormat format,
                             GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  g_autoptr (GPtrArray) entries = read_glossary (
    path, format, dip_project_get_lang (self, DIP_SIDE_SOURCE),
    dip_project_get_lang (self, DIP_SIDE_TARGET), error);
  if (entries == NULL)
    return NULL;

  g_autoptr (DipGlossaryImport) report = g_new0 (DipGlossaryImport, 1);
  report->read = entries->len;
  report->messages = g_ptr_array_new_with_free_func (g_free);
  DipStore *store = dip_project_get_store (self);
  if (!dip_store_begin (store, error))
    return NULL;
  g_autoptr (GString) payload = g_string_new ("{\"file\":");
  dip_json_append_string (payload, path);
  if (!import_entries (self, entries, path, report, error))
    {
      dip_store_rollback (store);
      return NULL;
    }
  g_string_append_printf (payload, ",\"added\":%u,\"merged\":%u}", report->added,
                          report->merged);
  if (!dip_project_record_edit (self, "glossary-import", payload->str, error)
      || !dip_store_commit (store, error))
    {
      dip_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&report);
}

gboolean
dip_project_export_glossary (DipProject *self, const char *path, DipGlossaryFormat format,
                             GError **error)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), FALSE);
  if (format == DIP_GLOSSARY_FORMAT_AUTO)
    format = dip_glossary_format_for_path (path);
  if (format == DIP_GLOSSARY_FORMAT_AUTO)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_INVALID_ARGUMENT,
                   "%s: cannot tell the format from the name; use .tsv, .csv or .tbx", path);
      return FALSE;
    }
  g_autoptr (GPtrArray) entries = dip_project_list_glossary (self, error);
  if (entries == NULL)
    return FALSE;
  g_autoptr (GBytes) bytes = dip_glossary_serialize (
    entries, format, dip_project_get_lang (self, DIP_SIDE_SOURCE),
    dip_project_get_lang (self, DIP_SIDE_TARGET), error);
  if (bytes == NULL)
    return FALSE;

  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GError) local_error = NULL;
  if (!g_file_set_contents (path, data, (gssize) size, &local_error))
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
