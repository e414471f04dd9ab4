/* dip-speller.c — hunspell behind a small, encoding-safe interface. */
#include "dip-config.h"

#include <string.h>

#include <hunspell.h>

#include <diptych/diptych.h>

#include "dip-speller.h"

/* hunspell 1.7 shares one Unicode case table among its UTF-8 dictionaries:
 * the first Hunspell_create makes it, the last Hunspell_destroy frees it,
 * and the count between them is a plain int. Two threads opening or closing
 * dictionaries at once (the window's spelling and checks run in workers)
 * could free the table under a dictionary still in use, free it twice or
 * leak it. Opening and closing go through this lock; using a dictionary
 * needs no lock, since the table lives while any dictionary is open. */
static GMutex hunspell_open_close_lock;

struct _DipSpeller
{
  char      *name;
  Hunhandle *handle;
  char      *encoding;   /* NULL when the dictionary is UTF-8 */
};

void
dip_speller_free (DipSpeller *speller)
{
  if (speller == NULL)
    return;
  if (speller->handle)
    {
      g_mutex_lock (&hunspell_open_close_lock);
      Hunspell_destroy (speller->handle);
      g_mutex_unlock (&hunspell_open_close_lock);
    }
  g_free (speller->name);
  g_free (speller->encoding);
  g_free (speller);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
dip_speller_list_installed (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir ? dir : DIP_HUNSPELL_DIR, 0, NULL);
  const char *entry;

  if (handle == NULL)
    return names;
  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      if (!g_str_has_suffix (entry, ".dic") || strlen (entry) < 6)
        continue;
      g_autofree char *name = g_strndup (entry, strlen (entry) - 4);
      g_autofree char *aff_name = g_strconcat (name, ".aff", NULL);
      g_autofree char *aff = g_build_filename (dir ? dir : DIP_HUNSPELL_DIR, aff_name, NULL);
      if (g_file_test (aff, G_FILE_TEST_IS_REGULAR) && g_ascii_isalpha (name[0]))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* Picks the installed dictionary that best fits `lang`. */
static char *
choose_dictionary (GPtrArray *installed, const char *lang)
{
  g_autofree char *wanted = g_strdup (lang);
  g_strdelimit (wanted, "-", '_');
  g_autofree char *primary = dip_language_tag_primary (lang);
  g_autofree char *upper = g_ascii_strup (primary, -1);
  g_autofree char *own_region = g_strdup_printf ("%s_%s", primary, upper);
  g_autofree char *prefix = g_strdup_printf ("%s_", primary);
  const char *candidates[] = { wanted, own_region };

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    for (guint i = 0; i < installed->len; i++)
      if (g_ascii_strcasecmp (g_ptr_array_index (installed, i), candidates[c]) == 0)
        return g_strdup (g_ptr_array_index (installed, i));
  for (guint i = 0; i < installed->len; i++)
    {
      const char *name = g_ptr_array_index (installed, i);
      if (g_str_equal (name, primary) || g_str_has_prefix (name, prefix))
        return g_strdup (name);
    }
  return NULL;
}

DipSpeller *
dip_speller_open (const char *dir, const char *lang, GError **error)
{
  const char *base = dir ? dir : DIP_HUNSPELL_DIR;
  g_autoptr (GPtrArray) installed = dip_speller_list_installed (base);
  g_autofree char *name = choose_dictionary (installed, lang);

  if (name == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_NOT_FOUND,
                   "no hunspell dictionary for “%s” in %s (install hunspell-%s)", lang, base,
                   lang);
      return NULL;
    }

  g_autofree char *aff_name = g_strconcat (name, ".aff", NULL);
  g_autofree char *dic_name = g_strconcat (name, ".dic", NULL);
  g_autofree char *aff = g_build_filename (base, aff_name, NULL);
  g_autofree char *dic = g_build_filename (base, dic_name, NULL);
  DipSpeller *speller = g_new0 (DipSpeller, 1);
  speller->name = g_steal_pointer (&name);
  g_mutex_lock (&hunspell_open_close_lock);
  speller->handle = Hunspell_create (aff, dic);
  g_mutex_unlock (&hunspell_open_close_lock);
  if (speller->handle == NULL)
    {
      g_set_error (error, DIP_ERROR, DIP_ERROR_IO, "%s: cannot load hunspell dictionary", dic);
      dip_speller_free (speller);
      return NULL;
    }
  const char *encoding = Hunspell_get_dic_encoding (speller->handle);
  if (encoding && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    speller->encoding = g_strdup (encoding);
  return speller;
}

const char *
dip_speller_get_name (DipSpeller *speller)
{
  return speller->name;
}

gboolean
dip_speller_check (DipSpeller *speller, const char *word)
{
  if (speller->encoding == NULL)
    return Hunspell_spell (speller->handle, word) != 0;

  g_autofree char *converted = g_convert (word, -1, speller->encoding, "UTF-8", NULL, NULL, NULL);
  /* A word the dictionary's charset cannot even spell is not in it. */
  return converted != NULL && Hunspell_spell (speller->handle, converted) != 0;
}

/* The word in the dictionary's charset, or NULL when that charset cannot
 * spell it; `word` itself (not a copy) for UTF-8 dictionaries. */
static char *
to_dictionary (DipSpeller *speller, const char *word, gboolean *out_converted)
{
  *out_converted = speller->encoding != NULL;
  if (speller->encoding == NULL)
    return (char *) word;
  return g_convert (word, -1, speller->encoding, "UTF-8", NULL, NULL, NULL);
}

/* Takes a hunspell result list, converting each string back to UTF-8. */
static GPtrArray *
take_list (DipSpeller *speller, char **list, int n, guint max)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < n && out->len < max; i++)
    {
      char *item = speller->encoding
                     ? g_convert (list[i], -1, "UTF-8", speller->encoding, NULL, NULL, NULL)
                     : g_strdup (list[i]);
      if (item != NULL && g_utf8_validate (item, -1, NULL))
        g_ptr_array_add (out, item);
      else
        g_free (item);
    }
  if (n > 0)
    Hunspell_free_list (speller->handle, &list, n);
  return out;
}

GPtrArray *
dip_speller_stems (DipSpeller *speller, const char *word)
{
  gboolean converted;
  char *native = to_dictionary (speller, word, &converted);
  if (native == NULL)
    return g_ptr_array_new_with_free_func (g_free);
  char **list = NULL;
  int n = Hunspell_stem (speller->handle, &list, native);
  if (converted)
    g_free (native);
  return take_list (speller, list, n, G_MAXUINT);
}

GPtrArray *
dip_speller_suggest (DipSpeller *speller, const char *word, guint max)
{
  gboolean converted;
  char *native = to_dictionary (speller, word, &converted);
  if (native == NULL)
    return g_ptr_array_new_with_free_func (g_free);
  char **list = NULL;
  int n = Hunspell_suggest (speller->handle, &list, native);
  if (converted)
    g_free (native);
  return take_list (speller, list, n, max);
}

gboolean
dip_speller_add_word (DipSpeller *speller, const char *word)
{
  gboolean converted;
  char *native = to_dictionary (speller, word, &converted);
  if (native == NULL)
    return FALSE;
  Hunspell_add (speller->handle, native);
  if (converted)
    g_free (native);
  return TRUE;
}
