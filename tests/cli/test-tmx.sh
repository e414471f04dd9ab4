#!/usr/bin/env bash
# test-tmx.sh — diptych-cli export (TMX and TSV), import-tmx and
# import-pairs end to end: valid TMX 1.4 out, files of other tools in, round
# trips, and every bad input refused with one line and nothing stored.
set -u
source "$(dirname "$0")/tap.sh"
cli=${DIPTYCH_CLI:?set by meson}
data=$(cd "$(dirname "$0")/../data/tmx" && pwd)
dtd=$(cd "$(dirname "$0")/../../data/schemas" && pwd)/tmx14.dtd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# valid NAME FILE: FILE is valid against tmx14.dtd.
valid () {
  local out
  if out=$(xmllint --noout --nonet --dtdvalid "$dtd" "$2" 2>&1); then tap_ok "$1"
  else tap_not_ok "$1" "$out"; fi
}

segs () {
  grep -o '<seg>.*</seg>' "$1"
}

count_docs () {
  "$cli" documents "$1" | wc -l
}

"$cli" new news.diptych --src-lang it --tgt-lang en-GB >/dev/null
printf 'Il patto è firmato.\tThe pact is signed.\n  Spazi  dentro \t inner  spaces \r\nA & B < C ]]>\tA & B < C ]]>\nEmoji 😀\tשלום עולם\n' > pairs.tsv
expect_success "import-pairs" "$cli" import-pairs news.diptych pairs.tsv
out=$("$cli" import-pairs news.diptych pairs.tsv)
expect_equal "import-pairs says what it did" \
  "Imported 4 pairs from pairs.tsv as source document 3 (it) and target document 4 (en-GB)" "$out"

out=$("$cli" export news.diptych --tmx out.tmx 2>&1)
expect_equal "export --tmx" "Exported 8 translation units to out.tmx" "$out"
valid "the export is valid TMX 1.4" out.tmx
expect_equal "header names Diptych and the source language" 1 \
  "$(grep -c '<header creationtool="Diptych" creationtoolversion="[0-9.]*" segtype="sentence" o-tmf="Diptych" adminlang="en" srclang="it" datatype="plaintext" creationdate="[0-9]\{8\}T[0-9]\{6\}Z"/>' out.tmx)"
expect_equal "props carry status, confidence and shape" 8 \
  "$(grep -c '<prop type="x-diptych-shape">1-1</prop>' out.tmx)"
expect_equal "markup characters are escaped" 4 \
  "$(grep -c '<seg>A &amp; B &lt; C \]\]&gt;</seg>' out.tmx)"

"$cli" export news.diptych --tsv out.tsv >/dev/null
expect_equal "export --tsv gives the pairs back exactly" \
  "$(sed 's/\r$//' pairs.tsv; sed 's/\r$//' pairs.tsv)" "$(cat out.tsv)"

# Round trip through TMX.
"$cli" new again.diptych --src-lang IT --tgt-lang en >/dev/null
expect_success "import-tmx of our own export" "$cli" import-tmx again.diptych out.tmx
"$cli" export again.diptych --tmx again.tmx >/dev/null
valid "the second export is valid" again.tmx
expect_equal "export, import, export: the same segments" "$(segs out.tmx)" "$(segs again.tmx)"

# Files written by other tools.
"$cli" new tools.diptych --src-lang it --tgt-lang en >/dev/null
out=$("$cli" import-tmx tools.diptych "$data/omegat-level1.tmx")
expect_equal "OmegaT TMX 1.1 (lang, upper case)" \
  "Imported 3 pairs from $data/omegat-level1.tmx as source document 1 (it) and target document 2 (en)" "$out"
expect_success "OmegaT TMX 1.4 with inline codes" \
  "$cli" import-tmx tools.diptych "$data/omegat-level2.tmx"
expect_equal "inline codes become placeholders" "Press {1}Enter{/1} to continue." \
  "$("$cli" segments tools.diptych --side target | head -n 1 | cut -f5)"
expect_success "Okapi TMX" "$cli" import-tmx tools.diptych "$data/okapi.tmx"
# The command line imports through a rollback journal when it has the file
# to itself, and leaves it in write-ahead-log mode, whole.
expect_equal "after an import the project is in WAL mode again" "wal" \
  "$(sqlite3 tools.diptych 'PRAGMA journal_mode')"
expect_equal "and passes the integrity check" "ok" \
  "$(sqlite3 tools.diptych 'PRAGMA integrity_check')"
out=$("$cli" import-tmx tools.diptych "$data/all-languages.tmx")
expect_equal "srclang *all*, EN-us for en, empty segments skipped" \
  "Imported 2 pairs from $data/all-languages.tmx as source document 7 (it) and target document 8 (en); 3 translation units without text in both it and en skipped" "$out"

# Filters.
"$cli" new filter.diptych --src-lang it --tgt-lang en >/dev/null
"$cli" import-tmx filter.diptych "$data/okapi.tmx" >/dev/null
sqlite3 filter.diptych "UPDATE bead SET status = 'auto', confidence = 0.3 WHERE position = 0;
                        UPDATE bead SET status = 'rejected' WHERE position = 1;"
expect_equal "only confirmed beads by default" "Exported 1 translation units to f1.tmx" \
  "$("$cli" export filter.diptych --tmx f1.tmx)"
expect_equal "--status all" "Exported 3 translation units to f2.tmx" \
  "$("$cli" export filter.diptych --tmx f2.tmx --status all)"
expect_equal "--status all --min-confidence" "Exported 2 translation units to f3.tmx" \
  "$("$cli" export filter.diptych --tmx f3.tmx --status all --min-confidence 0.5)"
expect_equal "--status auto,rejected" "Exported 2 pairs to f4.tsv" \
  "$("$cli" export filter.diptych --tsv f4.tsv --status auto,rejected)"
valid "a filtered export is valid" f2.tmx

# Control characters: left out, with a warning, and the file stays XML.
"$cli" new ctl.diptych --src-lang it --tgt-lang en >/dev/null
printf 'Con\x01trollo\tCon\x1ftrol\n' > ctl.tsv
"$cli" import-pairs ctl.diptych ctl.tsv >/dev/null
err=$("$cli" export ctl.diptych --tmx ctl.tmx 2>&1 >/dev/null)
expect_equal "control characters are reported" \
  "diptych-cli: warning: ctl.tmx: 2 characters that XML 1.0 does not allow (control characters) left out (the first in bead 1)" "$err"
valid "control characters do not break the file" ctl.tmx

# Usage errors.
expect_failure "export needs an output" 2 "--tmx OUT.tmx or --tsv OUT.tsv" \
  "$cli" export news.diptych
expect_failure "export rejects an unknown status" 2 "unknown --status “maybe”" \
  "$cli" export news.diptych --tmx x.tmx --status maybe
expect_failure "export rejects a confidence above 1" 2 "--min-confidence" \
  "$cli" export news.diptych --tmx x.tmx --min-confidence 2
"$cli" import-tmx news.diptych >/dev/null 2>&1
expect_equal "import-tmx needs two arguments" 2 $?
expect_failure "export into a missing folder" 1 "nowhere/x.tmx: No such file or directory" \
  "$cli" export news.diptych --tmx nowhere/x.tmx
[ -e x.tmx ] && tap_not_ok "failed exports leave no file" || tap_ok "failed exports leave no file"

# Bad TMX files: one line naming file, line and column; nothing stored.
before=$(count_docs tools.diptych)
expect_failure "a truncated file" 1 "truncated.tmx:11:1: the file ends before </tmx>" \
  "$cli" import-tmx tools.diptych "$data/truncated.tmx"
expect_failure "another root element" 1 "wrong-root.tmx:2:1: not a TMX file: the root element is <xliff>" \
  "$cli" import-tmx tools.diptych "$data/wrong-root.tmx"
expect_failure "a <tuv> without xml:lang" 1 "missing-lang.tmx:10:51: <tuv> without xml:lang" \
  "$cli" import-tmx tools.diptych "$data/missing-lang.tmx"
expect_failure "an external entity (XXE)" 1 "xxe.tmx:2:1: the DOCTYPE declares entities" \
  "$cli" import-tmx tools.diptych "$data/xxe.tmx"
expect_failure "an entity bomb" 1 "billion-laughs.tmx:2:1: the DOCTYPE declares entities" \
  "$cli" import-tmx tools.diptych "$data/billion-laughs.tmx"
printf '<tmx version="1.4"><header/><body>\n  <tu><tuv xml:lang="it"><seg>a</tuv>\n</body></tmx>\n' > mismatch.tmx
expect_failure "mismatched tags" 1 "mismatch.tmx:2:" \
  "$cli" import-tmx tools.diptych mismatch.tmx
expect_failure "a missing file" 1 "missing.tmx: No such file" \
  "$cli" import-tmx tools.diptych missing.tmx
# Bytes its declared encoding cannot convert, after a first good unit: told
# with the file's position in one line (libxml2 would print three of its
# own), and the good unit is not kept.
printf '<?xml version="1.0" encoding="SHIFT_JIS"?>\n<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="it"><seg>Uno</seg></tuv></tu>\n<tu><tuv xml:lang="en"><seg>\x81\x00\xff</seg></tuv></tu>\n</body></tmx>\n' > shift-jis.tmx
expect_failure "bytes the declared encoding cannot convert" 1 \
  "shift-jis.tmx:4:" "$cli" import-tmx tools.diptych shift-jis.tmx
expect_equal "failed imports store nothing" "$before" "$(count_docs tools.diptych)"
expect_equal "nothing of /etc/passwd was read" 0 \
  "$(sqlite3 tools.diptych "SELECT count(*) FROM segment WHERE text LIKE '%root:%'")"

# Bad pairs files.
before=$(count_docs news.diptych)
printf 'Uno\tOne\nDue Two\n' > notab.tsv
expect_failure "a line without TAB" 1 "notab.tsv:2: no TAB" \
  "$cli" import-pairs news.diptych notab.tsv
printf 'Uno\tOne\nDue\tTwo\tZwei\n' > twotabs.tsv
expect_failure "a line with two TABs" 1 "twotabs.tsv:2:8: a second TAB" \
  "$cli" import-pairs news.diptych twotabs.tsv
printf 'Uno\tOne\ncaff\xe8\tcoffee\n' > latin1.tsv
expect_failure "invalid UTF-8" 1 "latin1.tsv:2:5: invalid UTF-8" \
  "$cli" import-pairs news.diptych latin1.tsv
expect_equal "failed pair imports store nothing" "$before" "$(count_docs news.diptych)"

help=$("$cli" --help)
[[ "$help" == *export* && "$help" == *import-tmx* && "$help" == *import-pairs* ]] \
  && tap_ok "--help lists the exchange commands" \
  || tap_not_ok "--help lists the exchange commands" "$help"

tap_end
