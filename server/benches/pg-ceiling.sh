#!/usr/bin/env bash
# The ceiling the disk sets on durable commits, for comparison with the HTTP
# bench's PostgreSQL figures: pgbench's simple-update transactions (`-N`:
# three statements and a commit on rows no two clients share, so group
# commit works) on the same throwaway cluster, in the same minutes.
#
#   .ci/with-postgres bash server/benches/pg-ceiling.sh [CLIENTS] [SECONDS]
#   .ci/with-postgres bash -c 'bash server/benches/pg-ceiling.sh && cargo bench -p reglament-server --bench http -- postgres'
set -euo pipefail
clients=${1:-8}
seconds=${2:-10}
url=${REGLAMENT_TEST_POSTGRES:?run under .ci/with-postgres}
pgbench=$(command -v pgbench 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n 1)
"$pgbench" -i -q -s 1 "$url" >/dev/null 2>&1
"$pgbench" -N -c "$clients" -j 2 -T "$seconds" "$url" 2>/dev/null | grep -E '^(number of clients|tps|latency average)'
