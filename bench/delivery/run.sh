#!/usr/bin/env bash
# Site delivery benchmark. Usage: bench/delivery/run.sh <build dir> [sqlite|postgresql] [scenario...]
# Scenarios: burst paced down kill (default: all). PostgreSQL uses $ENLACE_BENCH_PG_URL
# (e.g. postgresql://postgres@127.0.0.1:55432/enlace_test?schema=bench_delivery).
set -euo pipefail
BUILD=${1:?build dir}
STORE=${2:-sqlite}
shift 2 || true
SCENARIOS=${*:-burst paced down kill}
HERE=$(cd "$(dirname "$0")" && pwd)
SENDER="$BUILD/bench/delivery/enlace_bench_delivery"
CRM="$BUILD/bench/delivery/enlace_bench_crm"
WORK=$(mktemp -d /tmp/enlace-bench-delivery.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
CRM_URL="http://127.0.0.1:$PORT/crm/hook"
N=${N:-10000}
CRM_PID=

db_url() {   # a fresh store per scenario
    if [ "$STORE" = postgresql ]; then
        local schema="bench_delivery_$1_$$"
        echo "${ENLACE_BENCH_PG_URL:?set ENLACE_BENCH_PG_URL}?schema=$schema"
    else
        echo "sqlite://$WORK/$1.db"
    fi
}
start_crm() { "$CRM" "$PORT" "$WORK/$1.log" > /dev/null & CRM_PID=$!; sleep 0.3; }
stop_crm() { if [ -n "$CRM_PID" ]; then kill "$CRM_PID" 2>/dev/null || true; wait "$CRM_PID" 2>/dev/null || true; CRM_PID=; fi; }
trap 'stop_crm; rm -rf "$WORK"' EXIT

echo "# store=$STORE N=$N $(date -u +%FT%TZ) $(nproc) cores"
for s in $SCENARIOS; do
    DB=$(db_url "$s")
    : > "$WORK/$s.keys"
    case $s in
    burst)   # enqueue as fast as the store allows while the sender runs: throughput
        start_crm "$s"
        "$SENDER" run --db "$DB" --crm "$CRM_URL" --count "$N" --rate 0 --keys "$WORK/$s.keys" | tail -2
        ;;
    paced)   # offered load below capacity: latency enqueue -> received
        start_crm "$s"
        "$SENDER" run --db "$DB" --crm "$CRM_URL" --count "$N" --rate "${RATE:-500}" --keys "$WORK/$s.keys" | tail -2
        ;;
    down)    # the CRM is down for 30 s in the middle of a paced run, then up again
        start_crm "$s"
        "$SENDER" run --db "$DB" --crm "$CRM_URL" --count "$N" --rate "${RATE:-500}" --max-attempts 20 \
            --keys "$WORK/$s.keys" > "$WORK/$s.out" &
        SENDER_PID=$!
        sleep 5; stop_crm; echo "crm down at +5 s"; sleep 30
        start_crm "$s"; echo "crm up at +35 s"
        wait "$SENDER_PID"; tail -2 "$WORK/$s.out"
        ;;
    kill)    # the sender is killed with SIGKILL mid-run and restarted under the same instance id
        start_crm "$s"
        "$SENDER" enqueue --db "$DB" --crm "$CRM_URL" --count "$N" --keys "$WORK/$s.keys" | tail -1
        "$SENDER" send --db "$DB" --instance bench-1 --expect "$N" > "$WORK/$s.out1" &
        SENDER_PID=$!
        sleep "${KILL_AFTER:-0.7}"; kill -9 "$SENDER_PID" 2>/dev/null || echo "!! the sender finished before the kill: lower KILL_AFTER"; wait "$SENDER_PID" 2>/dev/null || true
        echo "sender killed after ${KILL_AFTER:-0.7} s; $(wc -l < "$WORK/$s.log") requests received so far"
        "$SENDER" send --db "$DB" --instance bench-1 --expect "$N" | tail -1
        ;;
    esac
    stop_crm
    if [ "$STORE" = postgresql ] && command -v psql > /dev/null; then
        psql -q "${ENLACE_BENCH_PG_URL}" -c "DROP SCHEMA IF EXISTS bench_delivery_${s}_$$ CASCADE" > /dev/null 2>&1 || true
    fi
    echo "## $s"
    python3 "$HERE/analyze.py" "$WORK/$s.log" "$WORK/$s.keys" || echo "!! $s: delivery incomplete"
done
