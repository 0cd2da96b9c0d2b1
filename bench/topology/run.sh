#!/usr/bin/env bash
# Production-topology benchmark and fault scenario: three enlace-server instances on one
# PostgreSQL behind HAProxy, 200 simulated consoles, kill -9 of servers and a PostgreSQL restart
# mid-run; then the same load against one server. See bench/topology/README.md.
#
#   bench/topology/run.sh                 # both runs, DURATION seconds of load each
#   DURATION=60 CONSOLES=50 bench/topology/run.sh
#
# Everything listens on 127.0.0.1. Needs: haproxy, psql, PostgreSQL 15 server binaries, python3.
# Must run as root (it starts its own PostgreSQL cluster as user postgres) or as postgres.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=${ENLACE_SERVER:-/tmp/topo/bin/enlace-server}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
WORK=${WORK:-/tmp/topo/run-$(date +%Y%m%d-%H%M%S)}
PG_PORT=${PG_PORT:-55440}
BASE_PORT=${BASE_PORT:-58100}        # HAProxy BASE, servers BASE+1.., CRM BASE+10, stats BASE+20
DURATION=${DURATION:-90}             # seconds of load per run
CONSOLES=${CONSOLES:-200}
CONTACTS_PER_CONSOLE=${CONTACTS_PER_CONSOLE:-300}
THINK=${THINK:-1.0}                  # seconds an agent waits between calls (0.5x-1.5x, random)
TIME_SCALE=${TIME_SCALE:-0.02}       # simulated PBX: ring 3 s and talk 45 s times this
RUNS=${RUNS:-"three one"}
ADMIN_PASSWORD=topology-admin-password

FRONT_PORT=$BASE_PORT
CRM_PORT=$((BASE_PORT + 10))
STATS_PORT=$((BASE_PORT + 20))
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres

as_postgres() { if [ "$(id -un)" = postgres ]; then bash -c "$1"; else su postgres -c "$1"; fi; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---- per-run state: $D holds pids, logs, results ---------------------------------------------
server_env() {   # $1 run dir
    local d=$1
    cat <<EOF
ENLACE_DATABASE=postgresql://postgres@127.0.0.1:$PG_PORT/$(cat "$d/dbname")
ENLACE_SECRET_KEY_FILE=$WORK/secret.key
ENLACE_MAX_CONNECTIONS_PER_ADDRESS=10000
ENLACE_SIMULATED_TIME_SCALE=$TIME_SCALE
ENLACE_LOG_LEVEL=info
EOF
}

start_server() {   # $1 run dir, $2 server number
    local d=$1 n=$2 port=$((BASE_PORT + $2))
    (
        set -a; eval "$(server_env "$d")"; set +a
        setsid "$BIN" serve --listen "127.0.0.1:$port" --instance-id "topo-s$n" --pbx simulated \
            >>"$d/server-s$n.log" 2>&1 </dev/null &
        echo $! >"$d/s$n.pid"
    )
    for _ in $(seq 100); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/ready"; then return 0; fi
        sleep 0.2
    done
    echo "server s$n did not become ready" >&2
    return 1
}

kill_pidfile() {   # $1 pid file, $2 signal
    [ -f "$1" ] || return 0
    local pid; pid=$(cat "$1")
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$1"
}

pg_restart() {
    as_postgres "$PGBIN/pg_ctl -D $WORK/pg -m fast -w -l $WORK/pg.log restart" >/dev/null
}

# Internal: the faults topo.py drive asks for (kill N | start N | pgrestart).
if [ "${1:-}" = _ctl ]; then
    D=$2; shift 2
    WORK=$(cat "$D/work")
    case "$1" in
        kill) kill_pidfile "$D/s$2.pid" 9 ;;
        start) start_server "$D" "$2" ;;
        pgrestart) pg_restart ;;
        *) echo "unknown fault $1" >&2; exit 1 ;;
    esac
    exit 0
fi

# ---- the whole run -----------------------------------------------------------------------
mkdir -p "$WORK"
[ -x "$BIN" ] || { echo "no server binary at $BIN (copy build/debug/app/server/enlace-server there)" >&2; exit 1; }

cleanup() {
    set +e
    for d in "$WORK"/*/; do
        [ -d "$d" ] || continue
        kill_pidfile "$d/haproxy.pid" TERM
        for p in "$d"/s*.pid; do [ -f "$p" ] && kill_pidfile "$p" TERM; done
        kill_pidfile "$d/crm.pid" TERM
    done
    if [ -f "$WORK/pg/postmaster.pid" ]; then
        as_postgres "$PGBIN/pg_ctl -D $WORK/pg -m fast -w stop" >/dev/null 2>&1
    fi
}
trap cleanup EXIT

{
    echo "date: $(date -u +%FT%TZ)"
    echo "host: $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "server: $BIN ($("$BIN" version)), sha256 $(sha256sum "$BIN" | cut -c1-16)"
    echo "source: $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null) $(git -C "$HERE/../.." status --porcelain -- core app 2>/dev/null | grep -q . && echo '+ uncommitted changes in core/ or app/')"
    echo "haproxy: $(haproxy -v | head -1)"
    echo "postgresql: $("$PGBIN/postgres" --version)"
    echo "python: $(python3 --version)"
    echo "settings: DURATION=$DURATION CONSOLES=$CONSOLES THINK=$THINK TIME_SCALE=$TIME_SCALE CONTACTS_PER_CONSOLE=$CONTACTS_PER_CONSOLE"
} | tee "$WORK/machine.txt"

log "PostgreSQL: own cluster in $WORK/pg, port $PG_PORT"
mkdir -p "$WORK/pg" "$WORK/pgsock"
chown postgres:postgres "$WORK/pg" "$WORK/pgsock" 2>/dev/null || true
chmod 755 "$WORK"
touch "$WORK/pg.log" && chown postgres "$WORK/pg.log" 2>/dev/null || true
as_postgres "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust -E UTF8" >"$WORK/initdb.log" 2>&1
cat >>"$WORK/pg/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/pgsock'
max_connections = 300
shared_buffers = 256MB
EOF
as_postgres "$PGBIN/pg_ctl -D $WORK/pg -w -l $WORK/pg.log start" >/dev/null

run_topology() {   # $1 label, $2 servers, $3 faults
    local label=$1 n=$2 faults=$3 d="$WORK/$1"
    mkdir -p "$d"
    echo "$WORK" >"$d/work"
    echo "enlace_$label" >"$d/dbname"
    psql -X -q -c "CREATE DATABASE enlace_$label"
    log "[$label] schema and first administrator (enlace-server create-user)"
    (set -a; eval "$(server_env "$d")"; set +a
     "$BIN" create-user --role admin --username admin --password-stdin <<<"$ADMIN_PASSWORD" >"$d/create-user.log")
    python3 "$HERE/crm.py" "$CRM_PORT" "$d/crm.jsonl" >"$d/crm.log" 2>&1 &
    echo $! >"$d/crm.pid"
    local servers=""
    for i in $(seq "$n"); do
        start_server "$d" "$i"
        servers+="    server s$i 127.0.0.1:$((BASE_PORT + i)) check"$'\n'
    done
    log "[$label] $n server(s) ready on ports $((BASE_PORT + 1))..$((BASE_PORT + n))"
    python3 - "$HERE/haproxy.cfg.in" "$d/haproxy.cfg" "$FRONT_PORT" "$STATS_PORT" "$servers" <<'EOF'
import sys
src, dst, front, stats, servers = sys.argv[1:6]
t = open(src).read().replace("@FRONT_PORT@", front).replace("@STATS_PORT@", stats).replace("@SERVERS@", servers.rstrip("\n"))
open(dst, "w").write(t)
EOF
    haproxy -c -q -f "$d/haproxy.cfg"
    setsid haproxy -db -f "$d/haproxy.cfg" >"$d/haproxy.log" 2>&1 </dev/null &
    echo $! >"$d/haproxy.pid"
    for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$FRONT_PORT/api/v1/ready" && break; sleep 0.2; done
    log "[$label] HAProxy on 127.0.0.1:$FRONT_PORT (stats http://127.0.0.1:$STATS_PORT/)"
    printf '#!/bin/sh\nexec "%s" _ctl "%s" "$@"\n' "$HERE/run.sh" "$d" >"$d/ctl.sh"
    chmod +x "$d/ctl.sh"
    export PGDATABASE="enlace_$label"
    python3 "$HERE/topo.py" seed --api "127.0.0.1:$FRONT_PORT" --dir "$d" --consoles "$CONSOLES" \
        --contacts-per-console "$CONTACTS_PER_CONSOLE" --crm-port "$CRM_PORT" --admin-password "$ADMIN_PASSWORD"
    log "[$label] $CONSOLES consoles for $DURATION s, faults: $faults"
    python3 "$HERE/topo.py" drive --api "127.0.0.1:$FRONT_PORT" --dir "$d" --label "$label" --consoles "$CONSOLES" \
        --duration "$DURATION" --think "$THINK" --faults "$faults" --ctl "$d/ctl.sh" --time-scale "$TIME_SCALE" --servers "$n" | tee "$d/drive.log"
    kill_pidfile "$d/haproxy.pid" TERM
    for i in $(seq "$n"); do kill_pidfile "$d/s$i.pid" TERM; done
    kill_pidfile "$d/crm.pid" TERM
    python3 "$HERE/topo.py" check --dir "$d" | tee "$d/check.txt"
}

dirs=()
for r in $RUNS; do
    case "$r" in
        three) run_topology three 3 three ;;
        one) run_topology one 1 one ;;
        *) echo "unknown run $r" >&2; exit 1 ;;
    esac
    dirs+=("$WORK/$r")
done
log "figures (also in $WORK/figures.md)"
python3 "$HERE/topo.py" report "${dirs[@]}" --out "$WORK/figures.md"
log "logs and results: $WORK"
