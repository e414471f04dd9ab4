/* dip-align-model1.h — word translation probabilities learnt from aligned
 * sentence pairs (IBM Model 1), for the aligner's second pass. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `pairs` holds, for each sentence pair, two GArrays of guint32 word types:
 * element 2k is the source side, 2k+1 the target side. Trains Model 1 in
 * both directions and keeps the word pairs both directions agree on:
 * t(f|e) and t(e|f) of at least `threshold`, seen together at least twice.
 * Returns source type + 1 → GArray of guint32 target types. */
GHashTable *dip_model1_learn (GPtrArray *pairs,
                              guint      iterations,
                              double     threshold);

G_END_DECLS
