#!/usr/bin/env bash
# Load and fault runs: starts the backend on a PostgreSQL cluster of its
# own (port 5433, databases dropped at the end), holds 50 readers
# and 10 annotation writers for 30 s, then does it again while PostgreSQL
# is stopped for 8 s and started again. Loopback only. Figures go to
# test-results/reliability/ and to stdout, as Markdown.
set -uo pipefail
source "$(dirname "$0")/bootstrap.sh" || exit 1

out="$REPO_ROOT/test-results/reliability"
mkdir -p "$out"
seconds="${RELIABILITY_SECONDS:-30}"

# A PostgreSQL cluster of its own on port 5433, so that stopping it in the
# fault run disturbs no other database on the machine.
version=$(ls /etc/postgresql | sort -n | tail -1)
cluster=reliability
port=5433
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$cluster"; then
  echo "Creating PostgreSQL cluster $version/$cluster on port $port"
  pg_createcluster "$version" "$cluster" --port "$port" -- \
    --auth=trust >/dev/null || exit 1
fi
pg_isready -q -h 127.0.0.1 -p "$port" ||
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
export RELIABILITY_PG_CLUSTER="$version/$cluster"

drop_databases() {
  pg_isready -q -h 127.0.0.1 -p "$port" ||
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start
  psql -h 127.0.0.1 -p "$port" -U postgres -Atc \
    "select datname from pg_database where datname like 'reliability_%'" |
    while read -r db; do
      psql -h 127.0.0.1 -p "$port" -U postgres -qc "drop database \"$db\"" \
        >/dev/null
    done
}
drop_databases

# Job control: the backend gets a process group of its own, stopped whole.
set -m
echo "Starting the backend on PostgreSQL (log: $out/backend.log)"
(cd packages/backend &&
  exec yarn start --config ../../app-config.yaml \
    --config ../../scripts/reliability/app-config.yaml) \
  >"$out/backend.log" 2>&1 &
backend=$!
stop_backend() {
  kill -- "-$backend" 2>/dev/null || kill "$backend" 2>/dev/null
  wait "$backend" 2>/dev/null
}
trap 'stop_backend; drop_databases' EXIT

node scripts/reliability/waitForBackend.js 360 || {
  tail -40 "$out/backend.log"
  exit 1
}

status=0
for mode in ${RELIABILITY_MODES:-load fault}; do
  echo "== $mode run"
  node scripts/reliability/run.js --mode "$mode" --seconds "$seconds" \
    --out "$out/$mode.json" || status=1
done
exit $status
