#!/usr/bin/env bash
# test-hostile-xml.sh — import-tmx and glossary import (TBX) against
# hostile XML: deep nesting, a network DTD, external and network entities,
# an entity bomb, NUL bytes, a 10 MB line and a 1 GB attribute. Each is
# refused with one line naming file, line and column, a non-zero exit,
# bounded time and memory, and nothing imported; the legitimate ones (a
# DTD we need not read, a long line; a 10 MB line of plain text) are
# imported. Nothing is fetched.
set -u
source "$(dirname "$0")/tap.sh"
cli=${DIPTYCH_CLI:?set by meson}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
listener=
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"

# A local listener that notes every connection: the files point their
# DTDs and entities at it, so any fetch shows in net.log.
python3 -c '
import socket, sys
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(8)
print(server.getsockname()[1], flush=True)
while True:
    connection, _ = server.accept()
    with open(sys.argv[1], "a") as log:
        log.write("connection\n")
    connection.close()
' "$work/net.log" > port.txt &
listener=$!
for _ in $(seq 50); do [ -s port.txt ] && break; sleep 0.1; done
python3 "$here/make-hostile-xml.py" "$work" "$(cat port.txt)"

# expect_refused NAME REGEX COMMAND…: exit 1, one line on stderr that
# matches REGEX (an extended regular expression).
expect_refused () {
  local name=$1 regex=$2; shift 2
  local err rc lines
  err=$("$@" 2>&1 >/dev/null); rc=$?
  lines=$(printf '%s\n' "$err" | grep -c .)
  if [ "$rc" -eq 1 ] && [ "$lines" -eq 1 ] && [[ "$err" =~ $regex ]]; then tap_ok "$name"
  else tap_not_ok "$name" "exit $rc (want 1), $lines line(s), want /$regex/ in:" "$err"; fi
}

"$cli" new p.diptych --src-lang it --tgt-lang en >/dev/null
count_docs () { "$cli" documents p.diptych | wc -l; }
count_terms () { "$cli" glossary p.diptych list | wc -l; }
tmx () { "$cli" import-tmx p.diptych "$@"; }
tbx () { "$cli" glossary p.diptych import "$@"; }

for kind in tmx tbx; do
  # Imported below: 2 documents per TMX file; 1 + 2,000 glossary entries.
  if [ $kind == tmx ]; then count=count_docs; import=tmx; added=4
  else count=count_terms; import=tbx; added=2001; fi
  before=$($count)
  pos="^diptych-cli: [a-z-]+\.$kind:[0-9]+:[0-9]+: "
  expect_refused "$kind: 100,000 nested elements" \
    "${pos/\[a-z-\]+/deep}elements nested more than 256 levels deep; refused" $import deep.$kind
  expect_refused "$kind: an entity from the network" \
    "${pos/\[a-z-\]+/network-entity}the DOCTYPE declares entities" $import network-entity.$kind
  expect_refused "$kind: an external entity (/etc/passwd)" \
    "${pos/\[a-z-\]+/external-entity}the DOCTYPE declares entities" $import external-entity.$kind
  # The DTD is never read, so the entity is unknown: refused, not dropped.
  expect_refused "$kind: an entity declared only in an external DTD" \
    "${pos/\[a-z-\]+/external-dtd}(Entity 'secret' not defined|entity reference &secret; is not allowed)" $import external-dtd.$kind
  # Refused by its DOCTYPE or, where the reader gets to the text first, by
  # libxml2's bound on expansion.
  expect_refused "$kind: an entity bomb" \
    "${pos/\[a-z-\]+/entity-bomb}(entities that expand without bound|the DOCTYPE declares entities)" \
    $import entity-bomb.$kind
  expect_refused "$kind: NUL bytes" "${pos/\[a-z-\]+/nul}a NUL byte" $import nul.$kind
  expect_equal "$kind: the refused files imported nothing" "$before" "$($count)"

  expect_success "$kind: a DOCTYPE naming a DTD on the network is imported" \
    $import network-dtd.$kind
  expect_success "$kind: one line of 10 MB (2,000 units) is imported" $import long-line.$kind
  expect_equal "$kind: both imported" "$((before + added))" "$($count)"
done
expect_equal "nothing was fetched from the network" "" "$(cat net.log 2>/dev/null)"
expect_equal "nothing of /etc/passwd was read" 0 \
  "$(sqlite3 p.diptych "SELECT (SELECT count(*) FROM segment WHERE text LIKE '%root:%')
                              + (SELECT count(*) FROM glossary WHERE tgt_term LIKE '%root:%')")"

# Plain text has no such limits: a 10 MB line is a long paragraph or pair.
python3 -c '
words = ("pace", "casa", "rosso", "alpha", "beta")
line = " ".join(words[i % 5] for i in range(2000000))[:10000000]
open("line.txt", "w").write(line + "\n")
open("line.tsv", "w").write(line[:5000000] + "\t" + line[:5000000] + "\n")
'
before=$(count_docs)
expect_success "text: one line of 10 MB is imported" "$cli" import p.diptych --side source line.txt
expect_success "pairs: one line of 10 MB is imported" "$cli" import-pairs p.diptych line.tsv
expect_equal "text and pairs: both imported" "$((before + 3))" "$(count_docs)"

# A 1 GB attribute, streamed through a named pipe so that it never touches
# the disk: the import stops at libxml2's 10 MB limit, in little time and
# memory; the writer then dies of SIGPIPE.
# run_peak NAME COMMAND…: runs COMMAND, leaves its stderr in err.txt, its
# exit code in rc.txt and its peak resident memory (kB) in peak.txt.
run_peak () {
  python3 -c '
import resource, subprocess, sys
with open("err.txt", "w") as err:
    rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=err).returncode
open("rc.txt", "w").write(str(rc))
open("peak.txt", "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
' "$@"
}
gigabyte_attribute () {
  local kind=$1
  if [ "$kind" == tmx ]; then
    printf '<tmx version="1.4"><header/><body>\n<tu><tuv xml:lang="it" x="'
  else
    printf '<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n<conceptEntry id="'
  fi
  head -c 1073741824 /dev/zero | tr '\0' a
  printf '">\n'
}
# ASan's shadow memory and quarantine count as resident memory.
limit_mb=${DIP_HOSTILE_MEMORY_MB:-150}
for kind in tmx tbx; do
  if [ $kind == tmx ]; then count=count_docs; else count=count_terms; fi
  before=$($count)
  mkfifo "big-attribute.$kind"
  gigabyte_attribute $kind > "big-attribute.$kind" 2>/dev/null &
  writer=$!
  start=$(date +%s%N)
  if [ $kind == tmx ]; then
    run_peak "$cli" import-tmx p.diptych "big-attribute.$kind"
  else
    run_peak "$cli" glossary p.diptych import --tbx "big-attribute.$kind"
  fi
  elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$writer" 2>/dev/null
  wait "$writer" 2>/dev/null
  err=$(cat err.txt)
  if [ "$(cat rc.txt)" -eq 1 ] && [[ "$err" =~ ^diptych-cli:\ big-attribute\.$kind:[0-9]+:[0-9]+:\ a\ text\ or\ attribute\ is\ larger\ than\ 10\ MB\;\ refused$ ]]; then
    tap_ok "$kind: a 1 GB attribute from a pipe is refused"
  else
    tap_not_ok "$kind: a 1 GB attribute from a pipe is refused" "exit $(cat rc.txt)" "$err"
  fi
  peak_mb=$(( $(cat peak.txt) / 1024 ))
  [ "$peak_mb" -lt "$limit_mb" ] && [ "$elapsed_ms" -lt 20000 ] \
    && tap_ok "$kind: …in ${elapsed_ms} ms with a peak of ${peak_mb} MB (bounds: 20 s, $limit_mb MB)" \
    || tap_not_ok "$kind: 1 GB attribute refused within bounds" \
         "${elapsed_ms} ms, peak ${peak_mb} MB (bounds: 20000 ms, $limit_mb MB)"
  expect_equal "$kind: nothing of it imported" "$before" "$($count)"
done

echo "$(sqlite3 p.diptych 'PRAGMA integrity_check')" | grep -qx ok \
  && tap_ok "the project is intact" || tap_not_ok "the project is intact"
tap_end
