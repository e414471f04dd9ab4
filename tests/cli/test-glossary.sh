#!/usr/bin/env bash
# test-glossary.sh — diptych-cli glossary, words and check, end to end:
# every action, the three file formats, and bad input (one line naming the
# file and position, a non-zero exit, nothing imported).
set -u
source "$(dirname "$0")/tap.sh"
cli=${DIPTYCH_CLI:?set by meson}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data
export DIP_DICTIONARIES_DIR=$root/dictionaries
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

count_entries () { "$cli" glossary g.diptych list | wc -l; }

"$cli" new g.diptych --src-lang it --tgt-lang en-GB >/dev/null

# add, list, remove
expect_success "glossary add" "$cli" glossary g.diptych add "partenariato strategico" \
  "strategic partnership"
expect_success "glossary add with status and note" "$cli" glossary g.diptych add \
  cooperazione co-operation --status forbidden --note "house style"
out=$("$cli" glossary g.diptych list | cut -f2-5)
expect_equal "glossary list (TSV)" \
  "$(printf 'cooperazione\tco-operation\tforbidden\thouse style\npartenariato strategico\tstrategic partnership\tpreferred\t')" \
  "$out"
if "$cli" glossary g.diptych list --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d) == 2 and d[0]["status"] == "forbidden" and d[1]["note"] is None, d'; then
  tap_ok "glossary list --format json is valid JSON"
else
  tap_not_ok "glossary list --format json is valid JSON"
fi
expect_failure "glossary add refuses a duplicate" 1 "already in the glossary as entry 1" \
  "$cli" glossary g.diptych add "Partenariato Strategico" "strategic partnership"
expect_failure "glossary add with an unknown status" 2 "unknown status “usual”" \
  "$cli" glossary g.diptych add sanzioni sanctions --status usual
expect_failure "glossary add needs two terms" 2 "glossary FILE.diptych add SRC TGT" \
  "$cli" glossary g.diptych add sanzioni
expect_failure "an option that does not apply" 2 "does not apply to glossary list" \
  "$cli" glossary g.diptych list --status admitted
expect_failure "an unknown action" 2 "unknown glossary action “merge”" \
  "$cli" glossary g.diptych merge
expect_success "glossary status" "$cli" glossary g.diptych status 1 admitted
expect_equal "the status is stored" admitted \
  "$("$cli" glossary g.diptych list | awk -F'\t' '$1 == 1 {print $4}')"
expect_failure "glossary status of a missing entry" 1 "no glossary entry 9" \
  "$cli" glossary g.diptych status 9 admitted
expect_failure "glossary status that is not one" 2 "“usual” is not a status" \
  "$cli" glossary g.diptych status 1 usual
expect_success "glossary remove" "$cli" glossary g.diptych remove 2
expect_failure "glossary remove a missing entry" 1 "no glossary entry 2" \
  "$cli" glossary g.diptych remove 2
expect_failure "glossary remove needs a number" 2 "“two” is not an entry id" \
  "$cli" glossary g.diptych remove two

# import: TSV (with duplicates merged and reported), CSV, TBX
out=$("$cli" glossary g.diptych import "$data/glossary/terms.tsv")
expect_equal "import TSV reports each merge" \
  "$data/glossary/terms.tsv:9: duplicate of entry 2 “Munizioni → Ammunition”; merged (note added)" \
  "$(printf '%s\n' "$out" | grep ':9:')"
expect_equal "import TSV sums up" \
  "Imported 7 entries from $data/glossary/terms.tsv: 5 added, 2 merged" \
  "$(printf '%s\n' "$out" | tail -n 1)"
expect_success "import CSV" "$cli" glossary g.diptych import "$data/glossary/terms.csv"
expect_success "import TBX" "$cli" glossary g.diptych import "$data/glossary/terms.tbx"
expect_success "import TBX 2008 (martif)" "$cli" glossary g.diptych import --tbx \
  "$data/glossary/terms-2008.tbx"
expect_equal "all entries are there" "13" "$(count_entries)"
# Bytes its declared encoding cannot convert: one line with the position,
# not libxml2's own lines, and no entry of the file kept.
python3 - "$data/glossary/terms.tbx" > shift-jis.tbx <<'PY'
import sys
s = open(sys.argv[1], 'rb').read().replace(b'encoding="UTF-8"', b'encoding="SHIFT_JIS"', 1)
i = s.rfind(b'</term>')
sys.stdout.buffer.write(s[:i] + b'\x81\x00\xff' + s[i:])
PY
expect_failure "TBX with bytes its encoding cannot convert" 1 "shift-jis.tbx:" \
  "$cli" glossary g.diptych import shift-jis.tbx
expect_equal "nothing of it is kept" "13" "$(count_entries)"

# export, validate, and read back
expect_success "export --tbx" "$cli" glossary g.diptych export --tbx out.tbx
if xmllint --noout --relaxng "$root/data/schemas/tbx-basic.rng" out.tbx 2>/dev/null; then
  tap_ok "the exported TBX validates against TBX-Basic"
else
  tap_not_ok "the exported TBX validates against TBX-Basic" "$(xmllint --noout --relaxng "$root/data/schemas/tbx-basic.rng" out.tbx 2>&1)"
fi
expect_success "export --csv" "$cli" glossary g.diptych export --csv out.csv
expect_success "export --tsv" "$cli" glossary g.diptych export --tsv out.tsv
expect_failure "export needs a format" 2 "export needs one of --tsv, --csv and --tbx" \
  "$cli" glossary g.diptych export out.txt
expect_failure "export to a folder that does not exist" 1 "nowhere/out.tsv" \
  "$cli" glossary g.diptych export --tsv nowhere/out.tsv
for f in out.tbx out.csv out.tsv; do
  "$cli" new "r-$f.diptych" --src-lang it --tgt-lang en-GB >/dev/null
  "$cli" glossary "r-$f.diptych" import "$f" >/dev/null
  expect_equal "round trip through $f" "$("$cli" glossary g.diptych list | cut -f2-5)" \
    "$("$cli" glossary "r-$f.diptych" list | cut -f2-5)"
done

# bad input: one line naming file and position, exit 1, nothing imported
before=$(count_entries)
printf 'sanzioni\tsanctions\ncaff\xe8\tcoffee\n' > latin1.tsv
: > empty.tsv
expect_failure "import a missing file" 1 "missing.tsv: No such file" \
  "$cli" glossary g.diptych import missing.tsv
expect_failure "import invalid UTF-8 names line and column" 1 "latin1.tsv:2:5: invalid UTF-8" \
  "$cli" glossary g.diptych import latin1.tsv
expect_failure "import an empty file" 1 "empty.tsv: file is empty" \
  "$cli" glossary g.diptych import empty.tsv
expect_failure "import a TSV line with one field" 1 "bad-fields.tsv:2: 1 field" \
  "$cli" glossary g.diptych import "$data/glossary/bad-fields.tsv"
expect_failure "import a TSV with an unknown status" 1 "bad-status.tsv:2: unknown status" \
  "$cli" glossary g.diptych import "$data/glossary/bad-status.tsv"
expect_failure "import a CSV with a bad quote" 1 "bad-quote.csv:4:14: quote inside an unquoted field" \
  "$cli" glossary g.diptych import "$data/glossary/bad-quote.csv"
expect_failure "import a CSV with an unclosed quote" 1 "unclosed.csv:2:20: quoted field is never closed" \
  "$cli" glossary g.diptych import "$data/glossary/unclosed.csv"
expect_failure "import a malformed TBX names line and column" 1 "malformed.tbx:7:66: malformed XML" \
  "$cli" glossary g.diptych import "$data/glossary/malformed.tbx"
expect_failure "import XML that is not TBX" 1 "not-tbx.xml:2: not a TBX file" \
  "$cli" glossary g.diptych import "$data/glossary/not-tbx.xml"
expect_failure "import into a file that is not a project" 1 "latin1.tsv: not a Diptych project" \
  "$cli" glossary latin1.tsv import "$data/glossary/terms.tsv"
expect_equal "failed imports import nothing" "$before" "$(count_entries)"

# words
expect_success "words add" "$cli" words g.diptych add --lang en-GB frobnicator
expect_success "words add again is fine" "$cli" words g.diptych add --lang en-GB frobnicator
expect_equal "words list" "$(printf 'en-GB\tfrobnicator')" "$("$cli" words g.diptych list)"
expect_failure "words add needs --lang" 2 "words add needs --lang TAG" \
  "$cli" words g.diptych add frobnicator
expect_failure "words add refuses two words" 1 "is not one word" \
  "$cli" words g.diptych add --lang en "two words"
expect_failure "words add refuses a bad tag" 1 "“english” is not a BCP 47 language tag" \
  "$cli" words g.diptych add --lang english word
expect_success "words remove" "$cli" words g.diptych remove --lang en-GB frobnicator
expect_failure "words remove a missing word" 1 "is not in the en-GB word list" \
  "$cli" words g.diptych remove --lang en-GB frobnicator

# check: a small project with one error of each of a few kinds
printf 'Il partenariato strategico è firmato.\nLe potenze autoritarie si allineano.\nL’articolo 51 della Carta.\nLa cooperazione militare.\n' > src.txt
printf 'The strategic alliance is signed.\nLe potenze autoritarie si allineano.\nArticle 15 of the the Charter.\nMilitary co-operation.\n' > tgt.txt
"$cli" new c.diptych --src-lang it --tgt-lang en-GB >/dev/null
"$cli" import c.diptych --side source --presegmented src.txt >/dev/null
"$cli" import c.diptych --side target --presegmented tgt.txt >/dev/null
"$cli" align c.diptych >/dev/null 2>&1
"$cli" glossary c.diptych import "$data/checks/glossary.tsv" >/dev/null
json=$("$cli" check c.diptych --format json)
if printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
kinds = sorted({f["kind"] for f in d})
assert kinds == ["number-mismatch", "repeated-word", "term-forbidden", "term-missing",
                 "untranslated", "wrong-language"] or kinds == ["number-mismatch", "repeated-word",
                 "term-forbidden", "term-missing", "untranslated"], kinds
for f in d:
    assert set(f) >= {"kind", "bead", "side", "start", "end", "source", "target", "message",
                      "suggestions"}, f
    text = f["source"] if f["side"] == "source" else f["target"]
    assert 0 <= f["start"] <= f["end"] <= len(text), f
forbidden = [f for f in d if f["kind"] == "term-forbidden"][0]
assert forbidden["target"][forbidden["start"]:forbidden["end"]] == "co-operation", forbidden
assert forbidden["suggestions"] == ["cooperation"], forbidden
'; then
  tap_ok "check --format json: one array of findings with spans in characters"
else
  tap_not_ok "check --format json: one array of findings with spans in characters" "$json"
fi
out=$("$cli" check c.diptych --kinds term-missing,number-mismatch)
expect_equal "check --kinds: text output, one line a finding and a summary" \
  "3 findings: 2 errors, 1 warning, 0 info" "$(printf '%s\n' "$out" | tail -n 1)"
stored=$(sqlite3 c.diptych "SELECT count(*) FROM finding WHERE kind IN ('term-missing', 'number-mismatch')")
expect_equal "check stores its findings" "3" "$stored"
expect_failure "check with an unknown kind" 2 "unknown check “grammar”" \
  "$cli" check c.diptych --kinds grammar
expect_failure "check with an unknown format" 2 "unknown format “xml”" \
  "$cli" check c.diptych --format xml
expect_failure "check a missing project" 1 "nothing.diptych: No such file" \
  "$cli" check nothing.diptych

# suggest, over confirmed beads
sqlite3 c.diptych "UPDATE bead SET status = 'confirmed'"
expect_success "glossary suggest" "$cli" glossary c.diptych suggest --min-count 1
if "$cli" glossary c.diptych suggest --min-count 1 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all(set(s) >= {"source", "target", "dice", "count", "beads"} for s in d), d'; then
  tap_ok "glossary suggest --format json"
else
  tap_not_ok "glossary suggest --format json"
fi

tap_end
