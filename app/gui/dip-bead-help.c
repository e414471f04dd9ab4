/* dip-bead-help.c — the findings, glossary terms and translation-memory
 * matches of the selected bead.
 *
 * A term is listed when its source form occurs in the bead's source text,
 * compared case-folded (a glance for the translator; the terminology check
 * matches on stems and reports what is missing). A check mark says
 * whether the target already uses the term's translation.
 */
#include "dip-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dip-bead-help.h"
#include "dip-resources.h"

struct _DipBeadHelp
{
  GtkBox      parent_instance;

  GPtrArray  *targets;      /* char*: the target text of each match row */
  gint64      bead_id;      /* the bead shown */
  guint       n_terms;
  guint       n_findings;

  /* template children */
  GtkListBox *findings_list;
  GtkListBox *terms_list;
  GtkListBox *matches_list;
};

G_DEFINE_FINAL_TYPE (DipBeadHelp, dip_bead_help, GTK_TYPE_BOX)

enum
{
  SIGNAL_MATCH_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
contains_folded (const char *folded_text, const char *term)
{
  g_autofree char *folded_term = g_utf8_casefold (term, -1);
  return *folded_term != '\0' && strstr (folded_text, folded_term) != NULL;
}

static void
add_placeholder (GtkListBox *list, const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_append (list, label);
  gtk_list_box_row_set_activatable (
    GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (list))), FALSE);
}

static void
show_terms (DipBeadHelp *self, const char *source, const char *target, GPtrArray *glossary)
{
  g_autofree char *folded_source = g_utf8_casefold (source ? source : "", -1);
  g_autofree char *folded_target = g_utf8_casefold (target ? target : "", -1);

  self->n_terms = 0;
  for (guint i = 0; glossary != NULL && i < glossary->len; i++)
    {
      const DipGlossaryEntry *entry = g_ptr_array_index (glossary, i);
      if (!contains_folded (folded_source, entry->src_term))
        continue;
      gboolean used = contains_folded (folded_target, entry->tgt_term);
      g_autofree char *title = g_strdup_printf ("%s → %s", entry->src_term, entry->tgt_term);
      g_autofree char *subtitle = g_strdup_printf (
        "%s · %s", dip_term_status_to_string (entry->status),
        used ? _("✓ used in the target") : _("not in the target"));
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->terms_list, row);
      self->n_terms++;
    }
  if (self->n_terms == 0)
    add_placeholder (self->terms_list, _("No glossary terms in this bead"));
}

void
dip_bead_help_show_matches (DipBeadHelp *self, gint64 bead_id, GPtrArray *matches)
{
  g_return_if_fail (DIP_IS_BEAD_HELP (self));
  if (bead_id != self->bead_id)
    return;
  clear_list (self->matches_list);
  g_ptr_array_set_size (self->targets, 0);
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const DipMemoryMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *title = g_strdup_printf ("%.0f %% · %s", 100 * match->similarity,
                                                match->target);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), match->source);
      gtk_widget_set_tooltip_text (row, _("Insert this translation into the target"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->matches_list, row);
      g_ptr_array_add (self->targets, g_strdup (match->target));
    }
  if (self->targets->len == 0)
    add_placeholder (self->matches_list, _("No similar sentences translated before"));
}

/* The findings of the checks that hang on the bead, as they were stored
   when the checks last ran. */
static void
show_findings (DipBeadHelp *self, gint64 bead_id, GPtrArray *findings)
{
  self->n_findings = 0;
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const DipFinding *finding = g_ptr_array_index (findings, i);
      if (finding->bead_id != bead_id)
        continue;
      g_autofree char *title = g_strdup_printf ("%s · %s", dip_check_kind_to_string (finding->kind),
                                                dip_side_to_string (finding->side));
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
      gtk_list_box_append (self->findings_list, row);
      self->n_findings++;
    }
  if (self->n_findings == 0)
    add_placeholder (self->findings_list, findings != NULL && findings->len > 0
                                            ? _("No findings for this bead")
                                            : _("Run the checks to see findings here"));
}

void
dip_bead_help_show (DipBeadHelp *self, gint64 bead_id, const char *source, const char *target,
                    GPtrArray *findings, GPtrArray *glossary)
{
  g_return_if_fail (DIP_IS_BEAD_HELP (self));
  clear_list (self->findings_list);
  clear_list (self->terms_list);
  show_findings (self, bead_id, findings);
  show_terms (self, source, target, glossary);
  if (bead_id != self->bead_id)
    {
      /* Matches of the bead shown before would mislead: say a search runs. */
      clear_list (self->matches_list);
      g_ptr_array_set_size (self->targets, 0);
      add_placeholder (self->matches_list, _("Searching…"));
    }
  self->bead_id = bead_id;
}

guint
dip_bead_help_get_n_findings (DipBeadHelp *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_HELP (self), 0);
  return self->n_findings;
}

guint
dip_bead_help_get_n_terms (DipBeadHelp *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_HELP (self), 0);
  return self->n_terms;
}

guint
dip_bead_help_get_n_matches (DipBeadHelp *self)
{
  g_return_val_if_fail (DIP_IS_BEAD_HELP (self), 0);
  return self->targets->len;
}

void
dip_bead_help_choose_match (DipBeadHelp *self, guint index)
{
  g_return_if_fail (DIP_IS_BEAD_HELP (self));
  if (index < self->targets->len)
    g_signal_emit (self, signals[SIGNAL_MATCH_CHOSEN], 0,
                   (const char *) g_ptr_array_index (self->targets, index));
}

static void
match_activated (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  dip_bead_help_choose_match (DIP_BEAD_HELP (user_data), gtk_list_box_row_get_index (row));
}

static void
dip_bead_help_dispose (GObject *object)
{
  DipBeadHelp *self = DIP_BEAD_HELP (object);

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DIP_TYPE_BEAD_HELP);
  G_OBJECT_CLASS (dip_bead_help_parent_class)->dispose (object);
}

static void
dip_bead_help_class_init (DipBeadHelpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dip_bead_help_dispose;
  /* (the target text of the match) */
  signals[SIGNAL_MATCH_CHOSEN] = g_signal_new ("match-chosen", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_STRING);
  dip_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/diptych/Diptych/dip-bead-help.ui");
  gtk_widget_class_bind_template_child (widget_class, DipBeadHelp, findings_list);
  gtk_widget_class_bind_template_child (widget_class, DipBeadHelp, terms_list);
  gtk_widget_class_bind_template_child (widget_class, DipBeadHelp, matches_list);
  gtk_widget_class_bind_template_callback (widget_class, match_activated);
}

static void
dip_bead_help_init (DipBeadHelp *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->bead_id = -1;
  dip_bead_help_show (self, 0, NULL, NULL, NULL, NULL);
  dip_bead_help_show_matches (self, 0, NULL);
}
