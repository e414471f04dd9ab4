#!/usr/bin/env bash
# test-crash.sh — kill diptych-cli with SIGKILL at random moments during
# import, then check that the project opens, passes PRAGMA integrity_check
# and holds every document that was reported imported before the kill.
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
for i in $(seq 1 "$kills"); do
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
expect_equal "project survived $kills kills (integrity ok, no reported import lost)" \
  "$kills" "$survived"

# The project still works after all that.
expect_success "import after the kills" \
  "$cli" import crash.diptych --side target "$samples/000-summary-en.txt"
echo "# kills: $kills, imports reported done before a kill: $reported"
tap_end
