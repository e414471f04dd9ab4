/* dip-project.c — DipProject: an open project file. */
#include "dip-config.h"

#include <glib/gstdio.h>

#include <diptych/diptych.h>

#include "dip-project-private.h"

struct _DipProject
{
  GObject   parent_instance;

  /* owned */
  DipStore *store;
  char     *source_lang;
  char     *target_lang;
  DipChange last_change;   /* what the latest edit, undo or redo did */
  DipProgressFunc progress;
  gpointer  progress_data;
  double    progress_reported;
};

G_DEFINE_FINAL_TYPE (DipProject, dip_project, G_TYPE_OBJECT)

static void
dip_project_finalize (GObject *object)
{
  DipProject *self = DIP_PROJECT (object);

  g_clear_pointer (&self->store, dip_store_free);
  g_free (self->source_lang);
  g_free (self->target_lang);
  G_OBJECT_CLASS (dip_project_parent_class)->finalize (object);
}

static void
dip_project_class_init (DipProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dip_project_finalize;
}

static void
dip_project_init (DipProject *self)
{
}

char *
dip_now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

DipStore *
dip_project_get_store (DipProject *self)
{
  return self->store;
}

void
dip_project_set_progress_func (DipProject *self, DipProgressFunc func, gpointer user_data)
{
  g_return_if_fail (DIP_IS_PROJECT (self));
  self->progress = func;
  self->progress_data = user_data;
  self->progress_reported = -1;
}

void
dip_project_report_progress (DipProject *self, double fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  /* A new piece of work starts again from 0; otherwise every per cent. */
  if (self->progress == NULL
      || (fraction > self->progress_reported && fraction < self->progress_reported + 0.01))
    return;
  self->progress_reported = fraction;
  self->progress (fraction, self->progress_data);
}

void
dip_project_set_last_change (DipProject *self, const DipChange *change)
{
  self->last_change = *change;
}

void
dip_project_get_last_change (DipProject *self, DipChange *out)
{
  g_return_if_fail (DIP_IS_PROJECT (self));
  g_return_if_fail (out != NULL);
  *out = self->last_change;
}

static DipProject *
project_new_take (DipStore *store, char *source_lang, char *target_lang)
{
  DipProject *self = g_object_new (DIP_TYPE_PROJECT, NULL);
  self->store = store;
  self->source_lang = source_lang;
  self->target_lang = target_lang;
  return self;
}

static gboolean
write_setting (DipStore *store, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    store, "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return dip_store_step_done (store, stmt, error);
}

static char *
read_setting (DipStore *store, const char *key, GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (store, "SELECT value FROM setting WHERE key = ?1",
                                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step (stmt);
  char *value = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, DIP_ERROR, DIP_ERROR_CORRUPT,
                 "%s: the project has no “%s” setting; the file is damaged",
                 dip_store_get_path (store), key);
  else if (rc != SQLITE_ROW)
    dip_store_fail (store, rc, "reading settings", error);
  return value;
}

DipProject *
dip_project_create (const char *path, const char *source_lang, const char *target_lang,
                    GError **error)
{
  g_autofree char *src = dip_language_tag_normalize (source_lang, error);
  if (src == NULL)
    return NULL;
  g_autofree char *tgt = dip_language_tag_normalize (target_lang, error);
  if (tgt == NULL)
    return NULL;

  g_autoptr (DipStore) store = dip_store_create (path, error);
  if (store == NULL)
    return NULL;

  g_autofree char *now = dip_now_iso8601 ();
  if (!dip_store_begin (store, error))
    return NULL;
  if (!write_setting (store, "source_lang", src, error)
      || !write_setting (store, "target_lang", tgt, error)
      || !write_setting (store, "created_at", now, error)
      || !write_setting (store, "created_by", "Diptych " DIP_VERSION, error)
      || !dip_store_commit (store, error))
    {
      dip_store_rollback (store);
      g_clear_pointer (&store, dip_store_free);
      dip_store_remove_files (path);
      return NULL;
    }

  return project_new_take (g_steal_pointer (&store), g_steal_pointer (&src),
                           g_steal_pointer (&tgt));
}

DipProject *
dip_project_open (const char *path, GError **error)
{
  return dip_project_open_with_flags (path, DIP_OPEN_NONE, error);
}

DipProject *
dip_project_open_with_flags (const char *path, DipOpenFlags flags, GError **error)
{
  g_autoptr (DipStore) store = dip_store_open (path, (flags & DIP_OPEN_NO_DAMAGE_CHECK) == 0,
                                               error);
  if (store == NULL)
    return NULL;
  dip_store_set_sole_user (store, (flags & DIP_OPEN_SOLE_USER) != 0);

  g_autofree char *src = read_setting (store, "source_lang", error);
  if (src == NULL)
    return NULL;
  g_autofree char *tgt = read_setting (store, "target_lang", error);
  if (tgt == NULL)
    return NULL;

  return project_new_take (g_steal_pointer (&store), g_steal_pointer (&src),
                           g_steal_pointer (&tgt));
}

const char *
dip_project_get_path (DipProject *self)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  return dip_store_get_path (self->store);
}

const char *
dip_project_get_lang (DipProject *self, DipSide side)
{
  g_return_val_if_fail (DIP_IS_PROJECT (self), NULL);
  return side == DIP_SIDE_SOURCE ? self->source_lang : self->target_lang;
}

gboolean
dip_project_record_edit (DipProject *self, const char *action, const char *payload,
                         GError **error)
{
  sqlite3_stmt *stmt = dip_store_statement (
    self->store, "INSERT INTO edit (at, action, payload) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  g_autofree char *now = dip_now_iso8601 ();
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, payload, -1, SQLITE_STATIC);
  return dip_store_step_done (self->store, stmt, error);
}
