#!/usr/bin/env bash
# Runs every test: type check, lint, formatting, unit and integration tests
# (on SQLite and PostgreSQL), and the end-to-end suite in Chromium. Installs
# what a fresh machine lacks first. Ends with one line: N passed, N failed.
set -uo pipefail
source "$(dirname "$0")/bootstrap.sh" || exit 1

results="$REPO_ROOT/test-results"
rm -rf "$results" e2e-test-report
mkdir -p "$results"

passed=0
failed=0

# A check counts as one test: it passes or fails as a whole.
check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "== $name: passed"
  else
    failed=$((failed + 1))
    echo "== $name: FAILED"
  fi
}

# Adds the counts of a test runner's JSON report, or one failure if the
# runner left no report.
count_report() {
  local kind=$1 file=$2
  local counts
  if counts=$(node -e '
    const [kind, file] = process.argv.slice(1);
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    if (kind === "jest") {
      console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites);
    } else {
      const s = r.stats;
      console.log(s.expected, s.unexpected + s.flaky + (r.errors || []).length);
    }' "$kind" "$file" 2>/dev/null); then
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
  else
    echo "== $kind left no report at $file"
    failed=$((failed + 1))
  fi
}

ensure_chromium() {
  command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null && return 0
  echo "Installing Chromium from Debian's packages"
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium \
      >/dev/null
}

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return 0
  fi
  echo "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 1
  done
  return 1
}

# Store and integration tests run on SQLite, and on this PostgreSQL through
# Backstage's TestDatabases. There is no Docker engine to start one.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export CI="${CI:-true}"

check "PostgreSQL is running" ensure_postgres
check "Chromium is installed" ensure_chromium
check "type check (tsc)" yarn tsc
check "lint (eslint)" yarn backstage-cli repo lint
check "formatting (prettier)" yarn prettier --check .

echo "== unit and integration tests (jest)"
yarn backstage-cli repo test --json --outputFile="$results/jest.json"
count_report jest "$results/jest.json"

echo "== end-to-end tests (Playwright, Chromium)"
yarn playwright test
count_report playwright "$results/e2e.json"

# The pages at statewide size, on a generated catalog and a portal of their
# own (ports 7017 and 3017); figures in test-results/statewide-pages.json.
echo "== end-to-end tests at statewide size (Playwright, Chromium)"
yarn playwright test --config playwright.statewide.config.ts
count_report playwright "$results/e2e-statewide.json"

echo "Screenshots and reports: test-results/e2e/ and e2e-test-report/"
echo "Statewide run: test-results/e2e-statewide/, test-results/e2e-statewide-report/"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
