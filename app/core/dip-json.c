/* dip-json.c — JSON string escaping. */
#include "dip-config.h"

#include "dip-json.h"

void
dip_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
dip_json_append_strings (GString *out, GPtrArray *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; items && i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      dip_json_append_string (out, g_ptr_array_index (items, i));
    }
  g_string_append_c (out, ']');
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return p;
}

static gboolean
parse_hex4 (const char *p, gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int v = g_ascii_xdigit_value (p[i]);
      if (v < 0)
        return FALSE;
      *out = *out * 16 + (gunichar) v;
    }
  return TRUE;
}

/* Parses the string starting at the quote `p`; returns the end or NULL. */
static const char *
parse_string (const char *p, GString *out)
{
  for (p++; *p && *p != '"'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      gunichar c;
      switch (*++p)
        {
        case '"': case '\\': case '/': g_string_append_c (out, *p); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          if (!parse_hex4 (p + 1, &c) || c == 0 || (c >= 0xD800 && c <= 0xDFFF))
            return NULL;
          g_string_append_unichar (out, c);
          p += 4;
          break;
        default:
          return NULL;
        }
    }
  return *p == '"' ? p + 1 : NULL;
}

const char *
dip_json_read_string (const char *json, GString *out)
{
  return json != NULL && *json == '"' ? parse_string (json, out) : NULL;
}

GPtrArray *
dip_json_parse_strings (const char *json)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *p = skip_space (json ? json : "");
  if (*p++ != '[')
    return NULL;
  p = skip_space (p);
  if (*p == ']')
    return *skip_space (p + 1) ? NULL : g_steal_pointer (&items);
  for (;;)
    {
      g_autoptr (GString) item = g_string_new (NULL);
      if (*p != '"' || (p = parse_string (p, item)) == NULL)
        return NULL;
      g_ptr_array_add (items, g_string_free (g_steal_pointer (&item), FALSE));
      p = skip_space (p);
      if (*p == ']')
        return *skip_space (p + 1) ? NULL : g_steal_pointer (&items);
      if (*p++ != ',')
        return NULL;
      p = skip_space (p);
    }
}
