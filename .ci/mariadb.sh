#!/usr/bin/env bash
# Starts a throwaway MariaDB (Debian's mariadb-server, no systemd) for the
# test run: data under $MARIADB_DIR, TCP on 127.0.0.1:$MARIADB_PORT, a test
# user `sstc` that may create and drop databases. Prints nothing on success.
# `restart` starts the server again on the data $MARIADB_DIR already holds
# (after `stop`), so what was committed before is still there.
# Usage: .ci/mariadb.sh start|stop|restart
set -euo pipefail
DIR="${MARIADB_DIR:-$(pwd)/.ci/tmp/mariadb}"
PORT="${MARIADB_PORT:-3307}"

launch() {
  setsid /usr/sbin/mariadbd --no-defaults --user=root --datadir="$DIR/data" --socket="$DIR/mysqld.sock" \
    --pid-file="$DIR/mysqld.pid" --port="$PORT" --bind-address=127.0.0.1 --log-error="$DIR/error.log" \
    --skip-log-bin --innodb-flush-log-at-trx-commit=2 --max-connections=500 </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --socket="$DIR/mysqld.sock" -uroot ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "MariaDB did not start on port $PORT (see $DIR/error.log)" >&2
  return 1
}

case "${1:-start}" in
  restart)
    [ -d "$DIR/data" ] || { echo "no data in $DIR to restart on; use start" >&2; exit 1; }
    launch
    ;;
  start)
    if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
    fi
    rm -rf "$DIR" && mkdir -p "$DIR"
    mariadb-install-db --user=root --datadir="$DIR/data" --auth-root-authentication-method=socket --skip-test-db >"$DIR/install.log" 2>&1
    launch
    mariadb --socket="$DIR/mysqld.sock" -uroot -e "
      CREATE USER IF NOT EXISTS 'sstc'@'127.0.0.1' IDENTIFIED BY 'sstc-test-only';
      GRANT ALL PRIVILEGES ON *.* TO 'sstc'@'127.0.0.1';
      FLUSH PRIVILEGES;"
    ;;
  stop)
    if [ -f "$DIR/mysqld.pid" ]; then
      kill "$(cat "$DIR/mysqld.pid")" 2>/dev/null || true
      for _ in $(seq 1 100); do [ -f "$DIR/mysqld.pid" ] || break; sleep 0.1; done
    fi
    ;;
esac
