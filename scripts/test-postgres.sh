#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the team-mode tests and prints the URL
# they read from KLANKBORD_TEST_POSTGRES. Debian's server binaries; its own data folder, so a
# developer's own clusters are never touched. Durability is switched off: this data is thrown away.
set -euo pipefail
port="${KLANKBORD_TEST_PG_PORT:-54329}"
data="${KLANKBORD_TEST_PG_DIR:-/tmp/klankbord-test-pg}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

if ! as_owner "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
  rm -rf "$data"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  as_owner "'$bin/initdb' -D '$data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
  as_owner "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE klankbord LOGIN PASSWORD 'klankbord' CREATEDB" postgres
fi
echo "postgres://klankbord:klankbord@127.0.0.1:$port/postgres"
