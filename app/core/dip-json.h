/* dip-json.h — writing JSON strings, for stored suggestions and the edit
 * history. Internal to libdiptych. */
#pragma once

#include <glib.h>

/* Appends `text` (UTF-8) as a quoted, escaped JSON string. */
void  dip_json_append_string (GString *out, const char *text);

/* Appends a JSON array of the strings in `items` (char*). */
void  dip_json_append_strings (GString *out, GPtrArray *items);

/* Reads the JSON string starting at the quote `json` into `out`; returns
 * the character after its closing quote, or NULL if it is not one. */
const char *dip_json_read_string (const char *json, GString *out);

/* Parses a JSON array of strings as written by dip_json_append_strings;
 * NULL when `json` is anything else. */
GPtrArray *dip_json_parse_strings (const char *json);
