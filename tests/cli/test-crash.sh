#!/usr/bin/env bash
# test-crash.sh — kill diptych-cli with SIGKILL at random moments, then
# check that the project opens, passes PRAGMA integrity_check and holds
# every change that was reported done before the kill.
#
# Half the kills land in imports of a book; the other half in a session of
# align, check, glossary import and edits (confirm) on an aligned project.
# A few more land in TMX imports, whose full-text index is built in bulk
# at the end of their transaction: it must be whole or absent.
#
# DIP_CRASH_KILLS sets the number of kills (20 by default; the bench suite
# runs 200).
set -u
source "$(dirname "$0")/tap.sh"
cli=${DIPTYCH_CLI:?set by meson}
samples=${DIP_SAMPLES:?set by meson}
kills=${DIP_CRASH_KILLS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$cli" new crash.diptych --src-lang en --tgt-lang it >/dev/null
reported=0
survived=0
import_kills=$((kills / 2))
session_kills=$((kills - import_kills))
for i in $(seq 1 "$import_kills"); do
  # Alternate a large and a small document so kills land in every phase:
  # reading, segmenting, inserting, committing.
  if [ $((i % 2)) -eq 0 ]; then text="$samples/003-book-en.txt"; else text="$samples/001-wikipedia-en.txt"; fi
  "$cli" import crash.diptych --side source "$text" > out.txt 2>&1 &
  pid=$!
  # A random delay of 0–600 ms.
  sleep "0.$(printf '%03d' $((RANDOM % 600)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  grep -q "^Imported" out.txt && reported=$((reported + 1))

  check=$(sqlite3 crash.diptych "PRAGMA integrity_check" 2>&1)
  count=$("$cli" documents crash.diptych 2>&1 | wc -l)
  if [ "$check" == "ok" ] && [ "$count" -ge "$reported" ]; then
    survived=$((survived + 1))
  else
    tap_not_ok "kill $i: project damaged or lost a reported import" \
      "integrity: $check" "documents: $count, reported imported: $reported"
  fi
done
expect_equal "project survived $import_kills kills during imports (integrity ok, no reported import lost)" \
  "$import_kills" "$survived"

# The project still works after all that.
expect_success "import after the kills" \
  "$cli" import crash.diptych --side target "$samples/000-summary-en.txt"
echo "# import kills: $import_kills, imports reported done before a kill: $reported"

# TMX imports of 30,000 units, killed while reading, inserting, indexing or
# committing: the documents come in pairs, and the full-text index matches
# the segments (FTS5 compares them).
awk 'BEGIN { print "<tmx version=\"1.4\"><header/><body>";
             for (i = 0; i < 30000; i++)
               printf "<tu><tuv xml:lang=\"it\"><seg>Frase %d</seg></tuv>" \
                      "<tuv xml:lang=\"en\"><seg>Sentence %d</seg></tuv></tu>\n", i, i;
             print "</body></tmx>" }' > units.tmx
"$cli" new tmx.diptych --src-lang it --tgt-lang en >/dev/null
tmx_kills=$(( (kills + 3) / 4 ))
tmx_reported=0
survived=0
for i in $(seq 1 "$tmx_kills"); do
  "$cli" import-tmx tmx.diptych units.tmx > out.txt 2>&1 &
  pid=$!
  # 0–2 s: an import takes about one.
  sleep "$((RANDOM % 2)).$(printf '%03d' $((RANDOM % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  grep -q "^Imported" out.txt && tmx_reported=$((tmx_reported + 1))

  check=$(sqlite3 tmx.diptych "PRAGMA integrity_check" 2>&1)
  index=$(sqlite3 tmx.diptych "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')" 2>&1)
  matches=$(sqlite3 tmx.diptych "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH 'frase'" 2>&1)
  count=$("$cli" documents tmx.diptych 2>&1 | wc -l)
  if [ "$check" == "ok" ] && [ -z "$index" ] && [ $((count % 2)) -eq 0 ] \
     && [ "$count" -ge $((2 * tmx_reported)) ] && [ "$matches" -eq $((count / 2 * 30000)) ]; then
    survived=$((survived + 1))
  else
    tap_not_ok "TMX kill $i: project damaged, index out of step or a reported import lost" \
      "integrity: $check" "index: $index" "documents: $count, reported: $tmx_reported" \
      "segments matching 'frase': $matches"
  fi
done
expect_equal "project survived $tmx_kills kills during TMX imports (integrity, index, no reported import lost)" \
  "$tmx_kills" "$survived"
echo "# TMX import kills: $tmx_kills, imports reported done before a kill: $tmx_reported"

# A review session on the article and its summary. What must survive: every
# glossary import and every confirmation reported done (aligning keeps
# confirmed beads, checking changes no bead).
"$cli" new session.diptych --src-lang it --tgt-lang en >/dev/null
"$cli" import session.diptych --side source "$samples/000-news-it.txt" >/dev/null
"$cli" import session.diptych --side target "$samples/000-summary-en.txt" >/dev/null
"$cli" align session.diptych >/dev/null
n_beads=$("$cli" pairs session.diptych | wc -l)
terms=0
confirms=0
least_confirmed=0   # nothing in the session lowers the number of confirmed beads
survived=0
for i in $(seq 1 "$session_kills"); do
  case $((i % 4)) in
    0) printf 'termine%d\tterm%d\n' "$i" "$i" > terms.tsv
       cmd=("$cli" glossary session.diptych import terms.tsv) ;;
    1) cmd=("$cli" edit session.diptych confirm $(( (i % n_beads) + 1 ))) ;;
    2) cmd=("$cli" align session.diptych) ;;
    3) cmd=("$cli" check session.diptych) ;;
  esac
  "${cmd[@]}" > out.txt 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 300)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ $((i % 4)) -eq 0 ] && grep -q "^Imported" out.txt; then terms=$((terms + 1)); fi
  if [ $((i % 4)) -eq 1 ] && grep -q "^Done" out.txt; then
    confirms=$((confirms + 1))
    least_confirmed=$((least_confirmed > 0 ? least_confirmed : 1))
  fi

  check=$(sqlite3 session.diptych "PRAGMA integrity_check" 2>&1)
  glossary=$("$cli" glossary session.diptych list 2>/dev/null | wc -l)
  confirmed=$("$cli" pairs session.diptych 2>/dev/null | cut -f2 | grep -c '^confirmed$')
  if [ "$check" == "ok" ] && [ "$glossary" -ge "$terms" ] \
     && [ "$confirmed" -ge "$least_confirmed" ]; then
    survived=$((survived + 1))
    least_confirmed=$confirmed
  else
    tap_not_ok "session kill $i: project damaged or lost a reported change" \
      "integrity: $check" "glossary entries: $glossary, reported: $terms" \
      "confirmed beads: $confirmed, at least $least_confirmed before"
  fi
done
expect_equal "project survived $session_kills kills during align, check, glossary import and edits" \
  "$session_kills" "$survived"
expect_success "the session goes on after the kills" "$cli" check session.diptych
echo "# session kills: $session_kills, glossary imports reported: $terms, confirmations reported: $confirms"
tap_end
