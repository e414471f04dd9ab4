# tap.sh — a tiny TAP producer for the CLI tests (sourced).
# Each check prints "ok N - name" or "not ok N - name" with the details.
tap_count=0
tap_failed=0

tap_ok () {
  tap_count=$((tap_count + 1))
  echo "ok $tap_count - $1"
}

tap_not_ok () {
  tap_count=$((tap_count + 1))
  tap_failed=$((tap_failed + 1))
  echo "not ok $tap_count - $1"
  shift
  # Every line of the details is a TAP comment, even inside one argument.
  for detail in "$@"; do printf '%s\n' "$detail" | sed 's/^/# /'; done
}

# expect_success NAME COMMAND…: the command exits 0.
expect_success () {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then tap_ok "$name"; else tap_not_ok "$name" "exit $?" "$out"; fi
}

# expect_failure NAME EXIT_CODE NEEDLE COMMAND…: the command exits with
# EXIT_CODE and prints exactly one line on stderr, which contains NEEDLE.
expect_failure () {
  local name=$1 code=$2 needle=$3; shift 3
  local err rc lines
  err=$("$@" 2>&1 >/dev/null); rc=$?
  lines=$(printf '%s\n' "$err" | grep -c .)
  if [ "$rc" -eq "$code" ] && [ "$lines" -eq 1 ] && [[ "$err" == *"$needle"* ]]; then
    tap_ok "$name"
  else
    tap_not_ok "$name" "exit $rc (want $code), $lines line(s), want “$needle” in:" "$err"
  fi
}

# expect_equal NAME WANT GOT
expect_equal () {
  if [ "$2" == "$3" ]; then tap_ok "$1"; else tap_not_ok "$1" "want: $2" "got:  $3"; fi
}

tap_end () {
  echo "1..$tap_count"
  [ "$tap_failed" -eq 0 ]
}
