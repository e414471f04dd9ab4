#!/usr/bin/env bash
# test-two-writers.sh — a second program writing the project while one
# holds its write lock. Every diptych-cli command that writes either waits
# (up to its busy timeout, 3 s) and succeeds, or exits 1 with one line that
# names the file and says it is in use: never SQLite's raw "database is
# locked", never a damaged project, never a lost change.
set -u
source "$(dirname "$0")/tap.sh"
here=$(cd "$(dirname "$0")" && pwd)
cli=${DIPTYCH_CLI:?set by meson}
samples=${DIP_SAMPLES:?set by meson}
work=$(mktemp -d)
holder=
trap '[ -n "$holder" ] && kill "$holder" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"

"$cli" new p.diptych --src-lang it --tgt-lang en >/dev/null
"$cli" import p.diptych --side source "$samples/000-news-it.txt" >/dev/null
"$cli" import p.diptych --side target "$samples/000-summary-en.txt" >/dev/null
"$cli" align p.diptych >/dev/null
"$cli" edit p.diptych merge 1 >/dev/null
printf 'Uno.\tOne.\n' > pairs.tsv
printf 'accordo\tagreement\n' > terms.tsv
"$cli" export p.diptych --tmx in.tmx --status all >/dev/null

dump () {
  sqlite3 p.diptych "PRAGMA integrity_check"
  for t in $(sqlite3 p.diptych "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"); do
    sqlite3 p.diptych "SELECT * FROM \"$t\""
  done
}

# hold_lock [SECONDS]: another program (sqlite3) takes the write lock
# (BEGIN IMMEDIATE) and keeps it for SECONDS, or until release_lock;
# returns once it has it. Its commands come through a FIFO, so that closing
# it ends the holder and nothing of it outlives the test.
hold_lock () {
  rm -f locked lockfifo
  mkfifo lockfifo
  sqlite3 p.diptych < lockfifo > locked &
  holder=$!
  exec 7> lockfifo
  echo "BEGIN IMMEDIATE;" >&7
  echo ".print locked" >&7
  if [ -n "${1:-}" ]; then { sleep "$1"; echo "ROLLBACK;" >&7; } & fi
  for _ in $(seq 200); do [ -s locked ] && return; sleep 0.05; done
  echo "# the lock holder did not start"
}

release_lock () {
  exec 7>&-
  wait "$holder" 2>/dev/null
  holder=
}

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }

# --- the lock is held for longer than anyone waits ---
source "$here/writing-commands.sh"
commands=("${writing_commands[@]}")
before=$(dump)
# Held until every writer has given up, however slow the machine (a writer
# under ASan and load may take seconds before it first tries to write).
hold_lock
start=$(now_ms)
# All at once, so that the waits overlap.
writers=()
for i in "${!commands[@]}"; do
  entry=${commands[$i]}; cmd=${entry%%|*}; args=${entry#*|}
  # shellcheck disable=SC2086
  { "$cli" $cmd p.diptych $args > "out.$i" 2> "err.$i"; echo $? > "rc.$i"; } &
  writers+=($!)
done
readers_ok=yes
"$cli" pairs p.diptych > /dev/null 2>&1 || readers_ok=no
"$cli" glossary p.diptych list > /dev/null 2>&1 || readers_ok=no
expect_equal "readers are not blocked by the writer" yes "$readers_ok"
wait "${writers[@]}"
elapsed=$(( $(now_ms) - start ))
for i in "${!commands[@]}"; do
  entry=${commands[$i]}; cmd=${entry%%|*}; args=${entry#*|}
  err=$(cat "err.$i")
  if [ "$(cat "rc.$i")" -eq 1 ] && [ "$(grep -c . "err.$i")" -eq 1 ] \
     && [[ "$err" == *"p.diptych: the project is in use by another program"* ]]; then
    tap_ok "held lock: $cmd $args says the project is in use"
  else
    tap_not_ok "held lock: $cmd $args says the project is in use" "exit $(cat "rc.$i")" "$err"
  fi
done
expect_equal "nobody printed SQLite's own “database is locked”" "" "$(grep -il 'database is locked' err.* out.*)"
# Each waited its 3 s busy timeout, and none waited for the lock to go:
# the lock is held until they are all done.
[ "$elapsed" -ge 2500 ] && [ "$elapsed" -lt 60000 ] \
  && tap_ok "they waited for the busy timeout, not for the lock (${elapsed} ms for all)" \
  || tap_not_ok "they waited for the busy timeout, not for the lock" "${elapsed} ms"
release_lock
expect_equal "the project is unchanged" "$before" "$(dump)"

# --- the lock is let go within the wait ---
hold_lock 1
start=$(now_ms)
expect_success "a short lock: edit confirm waits and succeeds" "$cli" edit p.diptych confirm 1
elapsed=$(( $(now_ms) - start ))
[ "$elapsed" -ge 500 ] && tap_ok "…after waiting ${elapsed} ms" || tap_not_ok "…after waiting" "${elapsed} ms"
release_lock
expect_equal "the confirmation is stored" confirmed "$("$cli" pairs p.diptych | head -n 1 | cut -f2)"

# --- two diptych-cli writers at once: a long import and glossary adds ---
"$cli" import p.diptych --side source "$samples/003-book-en.txt" > import.out 2> import.err &
importer=$!
sleep 0.2
added=0
for i in 1 2 3 4 5; do
  if "$cli" glossary p.diptych add "termine$i" "term$i" > add.out 2> add.err; then
    added=$((added + 1))
  elif ! grep -q "p.diptych: the project is in use by another program" add.err; then
    tap_not_ok "a glossary add during an import fails only as “in use”" "$(cat add.err)"
  fi
done
wait "$importer"
imported=$(grep -c '^Imported' import.out)
expect_equal "the import went through, or said why" 1 "$((imported + $(grep -c 'in use' import.err)))"
expect_equal "every glossary add reported done is stored" "$added" \
  "$(sqlite3 p.diptych "SELECT count(*) FROM glossary WHERE src_term LIKE 'termine%'")"
expect_equal "the project is intact" ok "$(sqlite3 p.diptych 'PRAGMA integrity_check')"
echo "# during the import: $added of 5 glossary adds waited and went through"
tap_end
