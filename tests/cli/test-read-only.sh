#!/usr/bin/env bash
# test-read-only.sh — every command that writes, on a project it may not
# write and into a folder it may not write or a disk that is full: one
# clear line naming the file, a non-zero exit, and the project unchanged
# (it opens, passes integrity_check and holds the same rows).
#
# Read-only needs either a user that file permissions bind (not root) or,
# as root, a small tmpfs we can mount and remount read-only; a full disk
# needs the tmpfs. What the machine cannot give is skipped (TAP SKIP).
# The full disk inside SQLite is tests/unit/test-disk-full.c.
set -u
source "$(dirname "$0")/tap.sh"
here=$(cd "$(dirname "$0")" && pwd)
cli=${DIPTYCH_CLI:?set by meson}
samples=${DIP_SAMPLES:?set by meson}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
mounted=()
cleanup () {
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

tap_skip () {
  tap_count=$((tap_count + 1))
  echo "ok $tap_count - $1 # SKIP $2"
}

# A small tmpfs at DIR (root only); FALSE where mounting is not allowed.
mount_small () {
  mkdir -p "$1"
  [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null || return 1
  mounted+=("$work/$1")
}

# dump FILE: integrity_check and every row of every table. A project on a
# read-only mount is read as immutable: SQLite cannot make its -shm there
# (the project was checkpointed before it moved, so the file is all).
dump () {
  local db=$1
  [ -w "$(dirname "$1")" ] || db="file:$1?immutable=1"
  sqlite3 "$db" "PRAGMA integrity_check" || return 1
  for t in $(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"); do
    sqlite3 "$db" "SELECT * FROM \"$t\"" || return 1
  done
}

# An aligned project with a glossary and something to undo.
"$cli" new base.diptych --src-lang it --tgt-lang en >/dev/null
"$cli" import base.diptych --side source "$samples/000-news-it.txt" >/dev/null
"$cli" import base.diptych --side target "$samples/000-summary-en.txt" >/dev/null
"$cli" align base.diptych >/dev/null
"$cli" edit base.diptych merge 1 >/dev/null
"$cli" glossary base.diptych add patto pact >/dev/null
printf 'Uno.\tOne.\n' > pairs.tsv
printf 'accordo\tagreement\n' > terms.tsv
"$cli" export base.diptych --tmx in.tmx --status all >/dev/null
sqlite3 base.diptych "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null

source "$here/writing-commands.sh"
commands=("${writing_commands[@]}")

# --- a read-only project file ---
ro_dir=
if [ "$(id -u)" -ne 0 ]; then
  mkdir ro && cp base.diptych ro/ && chmod a-w ro/base.diptych ro
  ro_dir=ro
elif mount_small ro 8m; then
  cp base.diptych ro/ && mount -o remount,ro ro && ro_dir=ro
fi
if [ -n "$ro_dir" ]; then
  before=$(dump ro/base.diptych)
  [ "$(printf '%s\n' "$before" | head -n 1)" == ok ] && tap_ok "read-only project: readable to compare" \
    || tap_not_ok "read-only project: readable to compare" "$before"
  for entry in "${commands[@]}"; do
    cmd=${entry%%|*}; args=${entry#*|}
    # shellcheck disable=SC2086
    expect_failure "read-only project: $cmd $args" 1 "ro/base.diptych: the project file is read-only" \
      "$cli" $cmd ro/base.diptych $args
  done
  expect_equal "read-only project: unchanged" "$before" "$(dump ro/base.diptych)"
else
  tap_skip "read-only project" "root without mount: file permissions do not bind"
fi

# --- exports into a read-only folder, and onto a full disk ---
if [ -n "$ro_dir" ]; then
  for format in tmx tsv; do
    expect_failure "export --$format into a read-only folder" 1 "ro/out.$format:" \
      "$cli" export base.diptych --$format ro/out.$format --status all
  done
  expect_failure "glossary export into a read-only folder" 1 "ro/out.tbx" \
    "$cli" glossary base.diptych export --tbx ro/out.tbx
  [ -z "$(ls ro | grep -v '^base.diptych')" ] && tap_ok "nothing left in the read-only folder" \
    || tap_not_ok "nothing left in the read-only folder" "$(ls ro)"
else
  tap_skip "exports into a read-only folder" "root without mount"
fi
if mount_small full 64k; then
  head -c 1M /dev/zero > full/filler 2>/dev/null
  before=$(dump base.diptych)
  for format in tmx tsv; do
    expect_failure "export --$format onto a full disk" 1 "full/out.$format: No space left on device" \
      "$cli" export base.diptych --$format full/out.$format --status all
  done
  expect_failure "glossary export onto a full disk" 1 "full/out.tbx" \
    "$cli" glossary base.diptych export --tbx full/out.tbx
  [ "$(ls full)" == filler ] && tap_ok "no half-written export left on the full disk" \
    || tap_not_ok "no half-written export left on the full disk" "$(ls -la full)"
  expect_equal "exports onto a full disk leave the project unchanged" "$before" "$(dump base.diptych)"
else
  tap_skip "exports onto a full disk" "cannot mount a small tmpfs here"
fi
tap_end
