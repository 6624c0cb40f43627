#!/usr/bin/env bash
# Runs the test suite (browser tests aside) against a throwaway PostgreSQL cluster, so the
# "PostgreSQL when it grows" path stays true: upserts, conditional claims, transactions.
# Installs Debian's postgresql when missing (as root), starts a cluster in a temporary
# folder on a free port, and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL is missing: run 'sudo apt-get install postgresql' and try again." >&2
    exit 1
  fi
  echo "Installing postgresql with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,postgres]'

workdir=$(mktemp -d)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
as_owner=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT
"${as_owner[@]}" "$pg_bin/initdb" -D "$workdir/data" -A trust -U vodarr >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -o "-p $port -k $workdir -c listen_addresses=127.0.0.1" -l "$workdir/log" -w start >/dev/null
"${as_owner[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U vodarr vodarr

DATABASE_URL="postgres://vodarr@127.0.0.1:$port/vodarr" .venv/bin/pytest --ignore=tests/browser "$@"
