#!/usr/bin/env bash
# test-window-crash.sh DRIVER CLI [KILLS] — the window's edit actions under
# SIGKILL. window-edit-driver confirms, merges, splits and undoes in a
# DipWindow and reports each action done once it has returned; it is killed
# at random moments (20 times by default, 200 in the bench suite). After
# each kill the project must open, pass integrity_check, and be in the
# state of the last action reported done, or in the state one more action
# (the one under way when the kill came) would give: never in between.
set -u
source "$(dirname "$0")/../cli/tap.sh"
driver=${1:?usage: test-window-crash.sh DRIVER CLI [KILLS]}
cli=${2:?usage: test-window-crash.sh DRIVER CLI [KILLS]}
kills=${3:-20}
# meson passes paths relative to the build directory; the test works elsewhere.
driver=$(realpath "$driver")
cli=$(realpath "$cli")
samples=${DIP_SAMPLES:?set by meson}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$cli" new p.diptych --src-lang it --tgt-lang en >/dev/null
"$cli" import p.diptych --side source "$samples/000-news-it.txt" >/dev/null
"$cli" import p.diptych --side target "$samples/000-summary-en.txt" >/dev/null
"$cli" align p.diptych >/dev/null
cp p.diptych aligned.diptych

state () {
  local edits beads
  edits=$(sqlite3 p.diptych "SELECT count(*) FROM edit WHERE undone = 0")
  beads=$(sqlite3 p.diptych "SELECT src_document, tgt_document, position, src_start, src_count,
                                    tgt_start, tgt_count, status FROM bead
                             ORDER BY src_document, tgt_document, position" | md5sum | cut -d' ' -f1)
  echo "edits=$edits beads=$beads"
}

delta () { case $1 in undo) echo -1 ;; *) echo 1 ;; esac; }

survived=0
reported=0
known=$(state)   # the state after the previous kill
in_flight_landed=0
start=$(date +%s)
for i in $(seq 1 "$kills"); do
  # A kill between a merge and its undo leaves the merge in place, and the
  # next run confirms it: over hundreds of kills the first bead would
  # swallow the text. Every 20 kills the project starts again from its
  # aligned copy.
  if [ $((i % 20)) -eq 0 ]; then
    rm -f p.diptych-wal p.diptych-shm
    cp aligned.diptych p.diptych
    known=$(state)
  fi
  "$driver" p.diptych > out.txt 2> err.txt &
  pid=$!
  for _ in $(seq 200); do
    grep -q '^ready' out.txt && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep "0.$(printf '%03d' $((RANDOM % 400)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?

  # Killed while the window was still opening: nothing may have changed.
  last=$(grep -E '^(ready|done)' out.txt | tail -n 1)
  last_state=${last#* }
  [ "${last%% *}" == ready ] || last_state=${last#done * }
  [ -n "$last" ] || last_state=$known
  doing=$(tail -n 1 out.txt | grep '^doing' | cut -d' ' -f2)
  reported=$((reported + $(grep -c '^done' out.txt)))
  check=$(sqlite3 p.diptych "PRAGMA integrity_check" 2>&1)
  now=$(state)
  last_edits=${last_state%% *}; last_edits=${last_edits#edits=}
  now_edits=${now%% *}; now_edits=${now_edits#edits=}
  known=$now
  if [ "$status" -ne 137 ]; then
    tap_not_ok "kill $i: the driver failed before the kill" "exit $status" "$(cat err.txt)"
  elif [ "$check" != ok ]; then
    tap_not_ok "kill $i: integrity_check" "$check"
  elif [ "$now" == "$last_state" ]; then
    survived=$((survived + 1))
  elif [ -n "$doing" ] && [ "$now_edits" -eq $((last_edits + $(delta "$doing"))) ]; then
    survived=$((survived + 1))
    in_flight_landed=$((in_flight_landed + 1))
  else
    tap_not_ok "kill $i: the project lost or half-made a change" "last reported: $last" \
      "under way: ${doing:-nothing}" "in the file: $now"
  fi
done
elapsed=$(( $(date +%s) - start ))
expect_equal "the project survived $kills kills of the window while editing" "$kills" "$survived"
echo "# $reported actions reported done in all; $in_flight_landed kills came after an action was in the file but before it was reported; ${elapsed} s"
"$driver" p.diptych 2 > out.txt 2> err.txt
expect_equal "the window edits on after the kills (two more cycles)" "0 10" \
  "$? $(grep -c '^done' out.txt)"
tap_end
