/* diptych.h — the one header clients of libdiptych include.
 *
 * Inner headers refuse to be included on their own, so that the set of
 * declarations a client sees never depends on include order.
 */
#pragma once

#define DIPTYCH_INSIDE
#include <diptych/dip-error.h>
#include <diptych/dip-types.h>
#include <diptych/dip-text.h>
#include <diptych/dip-segmenter.h>
#include <diptych/dip-langid.h>
#include <diptych/dip-project.h>
#include <diptych/dip-import.h>
#include <diptych/dip-glossary.h>
#include <diptych/dip-words.h>
#include <diptych/dip-checks.h>
#include <diptych/dip-spelling.h>
#include <diptych/dip-dictionary.h>
#include <diptych/dip-aligner.h>
#include <diptych/dip-align-eval.h>
#include <diptych/dip-edit.h>
#include <diptych/dip-exchange.h>
#include <diptych/dip-tmx.h>
#include <diptych/dip-pairs.h>
#include <diptych/dip-memory.h>
#undef DIPTYCH_INSIDE
