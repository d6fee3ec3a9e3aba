# Sourced by releng/test: starts a private PostgreSQL cluster on loopback for the fleet tests and exports
#   TOKENBENCH_TEST_POSTGRES_URL            jdbc:postgresql://127.0.0.1:PORT/tokenbench_test (database owned by TOKENBENCH_TEST_POSTGRES_USER)
#   TOKENBENCH_TEST_POSTGRES_USER           the role the tests log in as (not a superuser)
#   TOKENBENCH_TEST_POSTGRES_PASSWORD_FILE  its password, in a file only the test user reads (never an argument)
#   TOKENBENCH_TEST_POSTGRES_DATA           the cluster's data directory (a test scans it for seed bytes)
# Stop it with tokenbench_postgres_stop (releng/test traps EXIT). PostgreSQL refuses to run as root, so under root
# (CI) the cluster belongs to the unprivileged user "nobody"; otherwise to the calling user.
# Needs Debian's postgresql package (ensure_packages postgresql).

tokenbench_postgres_start() {
  local bin dir port password as_owner=()
  bin="${TOKENBENCH_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
  if [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server found (install Debian's postgresql package)" >&2
    return 1
  fi
  dir="$(mktemp -d /tmp/tokenbench-postgres.XXXXXX)" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$dir"
    as_owner=(runuser -u nobody --)
  fi
  chmod 700 "$dir"
  password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
  # The superuser's password is never used (loopback logins need one, the socket is owner-only): a throwaway.
  head -c 24 /dev/urandom | base64 >"$dir/superuser.pw"
  [ "${#as_owner[@]}" -gt 0 ] && chown nobody "$dir/superuser.pw"
  if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superuser.pw" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    return 1
  fi
  rm -f "$dir/superuser.pw"
  # A free port: try from a random start until the server comes up (several test runs may share the machine).
  port=$((40000 + RANDOM % 20000))
  local tries
  for tries in 1 2 3 4 5 6 7 8; do
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
      break
    fi
    port=$((port + 1))
    [ "$tries" -eq 8 ] && { echo "postgres.sh: the server did not start:" >&2; tail -20 "$dir/server.log" >&2; return 1; }
  done
  if ! "${as_owner[@]}" "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres >/dev/null <<SQL
CREATE ROLE tokenbench LOGIN PASSWORD '$password';
CREATE DATABASE tokenbench_test OWNER tokenbench;
SQL
  then
    echo "postgres.sh: creating the test role and database failed" >&2
    return 1
  fi
  # The password file belongs to whoever runs the tests (root under CI), readable by it only.
  (umask 077 && printf '%s\n' "$password" >"$dir/tokenbench.password")
  export TOKENBENCH_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/tokenbench_test"
  export TOKENBENCH_TEST_POSTGRES_USER=tokenbench
  export TOKENBENCH_TEST_POSTGRES_PASSWORD_FILE="$dir/tokenbench.password"
  export TOKENBENCH_TEST_POSTGRES_DATA="$dir/data"
  TOKENBENCH_POSTGRES_DIR="$dir"
  TOKENBENCH_POSTGRES_BIN="$bin"
  TOKENBENCH_POSTGRES_OWNER=("${as_owner[@]}")
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the fleet tests at $TOKENBENCH_TEST_POSTGRES_URL" >&2
}

tokenbench_postgres_stop() {
  [ -n "${TOKENBENCH_POSTGRES_DIR:-}" ] || return 0
  "${TOKENBENCH_POSTGRES_OWNER[@]}" "$TOKENBENCH_POSTGRES_BIN/pg_ctl" -D "$TOKENBENCH_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$TOKENBENCH_POSTGRES_DIR"
  unset TOKENBENCH_POSTGRES_DIR TOKENBENCH_TEST_POSTGRES_URL TOKENBENCH_TEST_POSTGRES_USER TOKENBENCH_TEST_POSTGRES_PASSWORD_FILE \
    TOKENBENCH_TEST_POSTGRES_DATA
}

tokenbench_postgres_start
