#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:${PGPORT:-54329} (trust auth, data in a temp dir)
# and prints the connection URL. Needs Debian's postgresql package. Used by .ci/run and for local tests:
#   export ENTENTE_TEST_PG=$(bash scripts/pg-test-cluster.sh)
set -euo pipefail
PORT=${PGPORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "pg-test-cluster: PostgreSQL not installed (apt-get install postgresql)" >&2; exit 1; }
URL="postgres://postgres@127.0.0.1:$PORT/postgres"
if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then echo "$URL"; exit 0; fi
DATA=$(mktemp -d /tmp/entente-pg.XXXXXX)
chown postgres "$DATA" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run "'$PGBIN/initdb' -D '$DATA' -A trust -U postgres >/dev/null"
run "'$PGBIN/pg_ctl' -D '$DATA' -o \"-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c max_connections=200\" -l '$DATA/log' -w start >/dev/null"
echo "$URL"
