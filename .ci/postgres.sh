#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster (Debian's postgresql 15) as the unprivileged `postgres`
# user on a free loopback port and prints its URL. Installs the package when missing.
#   eval "$(bash .ci/postgres.sh start)"   → exports TEST_DATABASE_URL and PG_TEST_DIR
#   bash .ci/postgres.sh stop "$PG_TEST_DIR"
set -euo pipefail
cmd="${1:-start}"
bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ "$cmd" = "stop" ]; then
  dir="${2:?cluster dir}"
  su postgres -s /bin/sh -c "$(bin)/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
if [ -z "$(bin)" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(bin)"
dir="$(mktemp -d /tmp/co-pg-XXXXXX)"
chown postgres "$dir"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
su postgres -s /bin/sh -c "$BIN/initdb -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -s /bin/sh -c "$BIN/pg_ctl -D '$dir/data' -l '$dir/log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start" >/dev/null
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres PG_TEST_DIR=$dir"
