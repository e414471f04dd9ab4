#!/usr/bin/env bash
# test-project.sh — diptych-cli new, import, documents and segments, end to
# end, and every bad input: one line naming the file, a non-zero exit, and
# nothing half-stored.
set -u
source "$(dirname "$0")/tap.sh"
cli=${DIPTYCH_CLI:?set by meson}
samples=${DIP_SAMPLES:?set by meson}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

expect_success "new creates a project" "$cli" new news.diptych --src-lang it --tgt-lang en-gb
expect_failure "new refuses an existing file" 1 "news.diptych: already exists" \
  "$cli" new news.diptych --src-lang it --tgt-lang en
expect_failure "new needs languages" 2 "--src-lang" "$cli" new other.diptych
expect_failure "new rejects a bad tag" 1 "“italiano” is not a BCP 47 language tag" \
  "$cli" new other.diptych --src-lang italiano --tgt-lang en
expect_failure "new in a folder that does not exist" 1 "nowhere/p.diptych" \
  "$cli" new nowhere/p.diptych --src-lang it --tgt-lang en
expect_failure "new where nothing can be written" 1 "/proc/p.diptych" \
  "$cli" new /proc/p.diptych --src-lang it --tgt-lang en
[ -e other.diptych ] && tap_not_ok "failed new leaves no file" || tap_ok "failed new leaves no file"

expect_success "import the Italian article" \
  "$cli" import news.diptych --side source "$samples/000-news-it.txt"
expect_success "import the English summary" \
  "$cli" import news.diptych --side target "$samples/000-summary-en.txt"

docs=$("$cli" documents news.diptych | cut -f2-5)
expect_equal "documents lists both with counts" "$(printf 'source\tit\t22\t29\ntarget\ten-GB\t10\t11')" "$docs"

first=$("$cli" segments news.diptych --side source | head -n 2 | cut -f2-5)
expect_equal "segments: date line and title first" \
  "$(printf '0\tit\tdate\tDom. Lug 14th, 2024\n0\tit\theading\tGiappone e Corea del Sud lanciano l’allarme per il patto militare Putin-Kim')" \
  "$first"
count=$("$cli" segments news.diptych --side target | wc -l)
expect_equal "segments: one line per segment" "11" "$count"
json=$("$cli" segments news.diptych --side target --format json)
if printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==11 and d[0]["kind"]=="date"'; then
  tap_ok "segments --format json is valid JSON"
else
  tap_not_ok "segments --format json is valid JSON" "$json"
fi

# A mixed document: its first paragraph is Romanian.
"$cli" new mixed.diptych --src-lang en --tgt-lang it >/dev/null
"$cli" import mixed.diptych --side source "$samples/002-mixed-ro-en.txt" >/dev/null
langs=$("$cli" segments mixed.diptych --side source | head -n 3 | cut -f3 | tr '\n' ' ')
expect_equal "language per paragraph" "ro en en " "$langs"

# Bad input files: each one line naming the file, exit 1, nothing stored.
mkdir adir
: > empty.txt
printf '\x89PNG\r\n\x1a\n\0\0\0' > image.png
printf 'prima riga\ncaff\xe8 lungo\n' > latin1.txt
before=$("$cli" documents news.diptych | wc -l)
expect_failure "import a missing file" 1 "missing.txt: No such file" \
  "$cli" import news.diptych --side source missing.txt
expect_failure "import a directory" 1 "adir: is a directory" \
  "$cli" import news.diptych --side source adir
expect_failure "import an empty file" 1 "empty.txt: file is empty" \
  "$cli" import news.diptych --side source empty.txt
expect_failure "import a binary file" 1 "image.png:3: binary file" \
  "$cli" import news.diptych --side source image.png
expect_failure "import invalid UTF-8 names line, column and byte" 1 \
  "latin1.txt:2:5: invalid UTF-8 (byte 0xE8 at byte offset 15)" \
  "$cli" import news.diptych --side source latin1.txt
expect_failure "import needs a side" 2 "--side" "$cli" import news.diptych empty.txt
after=$("$cli" documents news.diptych | wc -l)
expect_equal "failed imports store nothing" "$before" "$after"

# Files that are not projects are refused and left as they were.
printf 'hello\n' > notes.txt
head -c 8192 /dev/urandom > random.bin
sqlite3 other.sqlite 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'
sum_before=$(sha256sum notes.txt random.bin other.sqlite)
expect_failure "a text file is not a project" 1 "notes.txt: not a Diptych project" \
  "$cli" segments notes.txt --side source
expect_failure "a random file is not a project" 1 "random.bin: not a Diptych project" \
  "$cli" import random.bin --side source "$samples/000-news-it.txt"
expect_failure "another program's database is not a project" 1 \
  "other.sqlite: not a Diptych project" \
  "$cli" import other.sqlite --side source "$samples/000-news-it.txt"
expect_failure "a missing project" 1 "nothing.diptych: No such file" \
  "$cli" documents nothing.diptych
expect_failure "a directory is not a project" 1 "adir: is a directory" "$cli" documents adir
expect_equal "refused files are unchanged" "$sum_before" "$(sha256sum notes.txt random.bin other.sqlite)"
[ -e other.sqlite-wal ] && tap_not_ok "no WAL file created for a foreign database" \
  || tap_ok "no WAL file created for a foreign database"

# Paths with odd characters: spaces, quotes, shell and glob characters,
# non-ASCII letters, a leading dash, a newline. Each is passed on as it is
# and named as it is in messages.
odd=$'dir with spaces/ünï’code "quoted" $HOME *?[x] &;|'
mkdir -p "$odd"
odd_project="$odd/-project \"é\".diptych"
newline_text=$'source\ntext.txt'
cp "$samples/000-news-it.txt" "$odd/$newline_text"
cp "$samples/000-summary-en.txt" "$odd/-target ’.txt"
expect_success "odd paths: new" "$cli" new "./$odd_project" --src-lang it --tgt-lang en
expect_success "odd paths: import a file with a newline in its name" \
  "$cli" import "./$odd_project" --side source "$odd/$newline_text"
expect_success "odd paths: import a file whose name starts with a dash" \
  "$cli" import "./$odd_project" --side target "./$odd/-target ’.txt"
expect_success "odd paths: align" "$cli" align "./$odd_project"
expect_success "odd paths: export TMX next to it" \
  "$cli" export "./$odd_project" --status all --tmx "$odd/out &.tmx"
[ -s "$odd/out &.tmx" ] && tap_ok "odd paths: the TMX is where it was asked" \
  || tap_not_ok "odd paths: the TMX is where it was asked"
expect_equal "odd paths: the document names are kept" \
  "$(printf '%s\n%s' "$newline_text" "-target ’.txt")" \
  "$("$cli" documents "./$odd_project" --format json | python3 -c '
import json, sys
print("\n".join(d["name"] for d in json.load(sys.stdin)))')"
expect_failure "odd paths: a missing file is named as it is" 1 "$odd/missing “x”.txt" \
  "$cli" import "./$odd_project" --side source "$odd/missing “x”.txt"

expect_failure "an unknown command" 2 "unknown command" "$cli" frobnicate
expect_success "--help" "$cli" --help

tap_end
