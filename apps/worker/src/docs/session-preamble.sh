# Run once at the start of a documentation test's shell (see shell-session.ts).
# One readable transcript: stderr joins stdout. The first failing command ends the session.
exec 2>&1
set -euo pipefail
shopt -s inherit_errexit

# curl as the examples are checked: a 4xx/5xx fails (printing the error's body), unless the
# command carries DOCS_EXPECT_STATUS (from a "# → 409" comment), which must be the status exactly.
# No request may take a minute: a hung one fails with curl's message instead of stalling the test.
curl() {
  if [ -z "${DOCS_EXPECT_STATUS:-}" ]; then
    command curl --max-time 60 --fail-with-body --show-error "$@"
    return
  fi
  local expected=$DOCS_EXPECT_STATUS out status
  out=$(DOCS_EXPECT_STATUS='' command curl --max-time 60 --show-error "$@" --write-out '\n%{http_code}')
  status=${out##*$'\n'}
  printf '%s\n' "${out%$'\n'*}"
  if [ "$status" != "$expected" ]; then
    echo "expected HTTP $expected, got $status" >&2
    return 1
  fi
}
