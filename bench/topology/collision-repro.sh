#!/usr/bin/env bash
# Reproduces the call id collision of two simulated PBXs sharing one database (found by the
# topology benchmark): SimulatedPbx names calls "<epoch seconds>.<per-process sequence>", so two
# servers started together name their first calls alike, and CallRepository's
# INSERT ... ON CONFLICT (call_id) DO NOTHING drops the second one: makeCall answers OK, the call
# never reaches the calls table and that agent's console is told nothing.
#
#   bench/topology/collision-repro.sh      (own PostgreSQL on PG_PORT, default 55441)
set -euo pipefail
BIN=${ENLACE_SERVER:-/tmp/topo/bin/enlace-server}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-55441}
W=$(mktemp -d /tmp/topo-collision.XXXXXX)
chmod 755 "$W"
as_postgres() { if [ "$(id -un)" = postgres ]; then bash -c "$1"; else su postgres -c "$1"; fi; }
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    as_postgres "$PGBIN/pg_ctl -D $W/pg -m fast -w stop" >/dev/null 2>&1 || true
    [ -n "${KEEP:-}" ] && echo "logs kept in $W" || rm -rf "$W"
}
trap cleanup EXIT
mkdir "$W/pg" "$W/sock" && chown postgres:postgres "$W/pg" "$W/sock" 2>/dev/null || true
touch "$W/pg.log" && chown postgres "$W/pg.log" 2>/dev/null || true
as_postgres "$PGBIN/initdb -D $W/pg -U postgres --auth=trust" >/dev/null
printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" "$PG_PORT" "$W/sock" >>"$W/pg/postgresql.conf"
as_postgres "$PGBIN/pg_ctl -D $W/pg -w -l $W/pg.log start" >/dev/null
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
psql -X -q -c "CREATE DATABASE enlace"
export ENLACE_DATABASE=postgresql://postgres@127.0.0.1:$PG_PORT/enlace ENLACE_SECRET_KEY_FILE=$W/secret.key
# Slow simulated time: the calls stay ringing, nothing else happens meanwhile.
export ENLACE_SIMULATED_TIME_SCALE=100
"$BIN" serve --demo --listen 127.0.0.1:58201 --instance-id a >"$W/a.log" 2>&1 & pids+=($!)
sleep 2   # the first server seeds the demo data
"$BIN" serve --demo --listen 127.0.0.1:58202 --instance-id b >"$W/b.log" 2>&1 & pids+=($!)
for port in 58201 58202; do
    for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/ready" && break; sleep 0.2; done
done
token() { curl -s -XPOST "http://127.0.0.1:$1/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"enlace-demo\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
T1=$(token 58201 agente1); T2=$(token 58202 agente2)
CAMP=$(psql -X -At -d enlace -c "SELECT id FROM campaigns WHERE external_id = 'CAMP-MAN'")
A1=$(psql -X -At -d enlace -c "SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.username = 'agente1'")
A2=$(psql -X -At -d enlace -c "SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.username = 'agente2'")
call() { curl -s -XPOST "http://127.0.0.1:$1/api/v1/makeCall/" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' -d "{\"idCampaign\":$CAMP,\"idAgent\":$3,\"phone\":\"$4\"}"; }
# Wait for the start of a second, then one call on each server.
python3 -c 'import time; time.sleep(1.05 - time.time() % 1)'
echo "server a, agente1: $(call 58201 "$T1" "$A1" 1111)"
echo "server b, agente2: $(call 58202 "$T2" "$A2" 2222)"
sleep 1
echo "calls table:"
psql -X -d enlace -c "SELECT call_id, agent_id, phone, state FROM calls ORDER BY id"
n=$(psql -X -At -d enlace -c "SELECT COUNT(*) FROM calls WHERE phone IN ('1111', '2222')")
if [ "$n" = 2 ]; then echo "both calls recorded (no collision this time)"; else echo "COLLISION: 2 calls answered OK, $n recorded"; fi
