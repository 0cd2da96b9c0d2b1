#!/bin/sh
# REST API load test: seeds 1,000,000 contacts, 10,000 agents and 1,000 campaigns through the
# repositories, starts enlace-server on them and measures with wrk (50 connections) makeCall and
# disposition addressed by external ids with the integration key, and the constant route
# GET /api/v1/health of the same server in the same run, with the CPU each thread and wrk used,
# and (SEEDED SQLite runs) bench_store_floor: the same durable work on SQLite's C API alone.
#
#   bench/api/run.sh <build dir> [database url]      (default: a SQLite file in a temp dir)
# Env: SEEDED (see below), DURATION (default 30s), CONNECTIONS (50), THREADS (2), CONTACTS, AGENTS, CAMPAIGNS.
set -eu
BUILD=${1:?build dir}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
DB=${2:-$WORK/bench.db}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
CONTACTS=${CONTACTS:-1000000}
AGENTS=${AGENTS:-10000}
CAMPAIGNS=${CAMPAIGNS:-1000}
PORT=${PORT:-18080}

# SEEDED=<file.db>: reuse a database seeded once (its seed line is kept in <file.db>.seed); the
# run works on a copy, so every run starts from the same data.
if [ -n "${SEEDED:-}" ]; then
    if [ ! -f "$SEEDED.seed" ]; then
        echo "seeding $SEEDED ..." >&2
        "$BUILD/bench/api/bench_api_seed" "$SEEDED" --agents "$AGENTS" --campaigns "$CAMPAIGNS" --contacts "$CONTACTS" > "$SEEDED.seed.tmp"
        mv "$SEEDED.seed.tmp" "$SEEDED.seed"
    fi
    cp "$SEEDED" "$DB"
    SEED=$(cat "$SEEDED.seed")
else
    echo "seeding $DB ..." >&2
    SEED=$("$BUILD/bench/api/bench_api_seed" "$DB" --agents "$AGENTS" --campaigns "$CAMPAIGNS" --contacts "$CONTACTS")
fi
echo "$SEED" >&2
ENLACE_SYSTEM=$(echo "$SEED" | sed -n 's/.*system=\([0-9]*\).*/\1/p')
ENLACE_KEY=$(echo "$SEED" | sed -n 's/.*key=\([^ ]*\).*/\1/p')
ENLACE_OPTION0=$(echo "$SEED" | sed -n 's/.*option0=\([0-9]*\).*/\1/p')
ENLACE_QUEUE=$(echo "$SEED" | sed -n 's/.*queue=\([0-9]*\).*/\1/p')
ENLACE_CAMPAIGNS=$CAMPAIGNS
ENLACE_CONTACTS=$CONTACTS
export ENLACE_SYSTEM ENLACE_KEY ENLACE_OPTION0 ENLACE_QUEUE ENLACE_CAMPAIGNS ENLACE_CONTACTS

# Simulated calls ring 3 ms and talk 45 ms, so agents are free again quickly and nearly every
# originate goes through the whole path (three call transitions, three events) rather than being
# answered "agent busy"; the outcome counts below say how many did.
ENLACE_SIMULATED_TIME_SCALE=${ENLACE_SIMULATED_TIME_SCALE:-0.001} \
"$BUILD/app/server/enlace-server" --database "$DB" --listen "127.0.0.1:$PORT" \
    --secret-key-file "$WORK/secret.key" --log-level warning &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
done

# CPU time (user + system, clock ticks) of each server thread: "tid name ticks" lines.
TICK=$(getconf CLK_TCK)
threads_cpu() {
    for t in /proc/"$SERVER"/task/*; do
        [ -r "$t/stat" ] || continue
        echo "$(basename "$t") $(tr ' ' _ < "$t/comm") $(awk '{print $14 + $15}' "$t/stat")"
    done | sort
}

# Requests/s of the last run, for the ratios printed at the end.
RATES=""
run() {
    # Each route on its own: the calls a makeCall run started (ring 30 ms + talk 450 ms) have
    # ended, and their events are written, before the next route starts.
    sleep "${PAUSE:-2}"
    echo "== $1"
    threads_cpu > "$WORK/cpu.before"
    started=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then   # Debian package "time"
        /usr/bin/time -f "%U %S %e" -o "$WORK/wrk.time" \
            wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/$2" "http://127.0.0.1:$PORT" | tee "$WORK/wrk.out"
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/$2" "http://127.0.0.1:$PORT" | tee "$WORK/wrk.out"
        echo "0 0 $(echo "$(date +%s.%N) $started" | awk '{print $1 - $2}')" > "$WORK/wrk.time"
    fi
    threads_cpu > "$WORK/cpu.after"
    # Where the machine's cores went during the run (cores busy on average): the load generator and
    # each server thread that used more than 2 % of a core.
    elapsed=$(awk '{print $3}' "$WORK/wrk.time")
    printf "cpu (cores): wrk %s" "$(awk '{printf "%.2f", ($1 + $2) / $3}' "$WORK/wrk.time")"
    join "$WORK/cpu.before" "$WORK/cpu.after" | awk -v el="$elapsed" -v tick="$TICK" \
        '{ c = ($5 - $3) / tick / el; if (c > 0.02) printf ", %s(%s) %.2f", $2, $1, c }'
    echo
    RATES="$RATES $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
}
run "constant route GET /api/v1/health" health.lua
run "POST /api/v1/makeCall/ (external ids)" makecall.lua
sleep 1
if [ -f "$DB" ] && command -v sqlite3 > /dev/null; then
    echo "calls recorded by state (3 = ended): $(sqlite3 "$DB" 'SELECT state || ":" || COUNT(*) FROM calls GROUP BY state' | tr '\n' ' ')"
    echo "agent events: $(sqlite3 "$DB" 'SELECT type || ":" || COUNT(*) FROM agent_events GROUP BY type' | tr '\n' ' ')"
fi
run "POST /api/v1/disposition/ (external ids)" disposition.lua
run "constant route GET /api/v1/health (again)" health.lua
# The floor: the same durable work on SQLite's C API alone, on a copy of the same data set.
FLOOR="$BUILD/bench/api/bench_store_floor"
if [ -x "$FLOOR" ] && [ -n "${SEEDED:-}" ]; then
    rm -f "$WORK/floor.db"*
    cp "$SEEDED" "$WORK/floor.db"
    "$FLOOR" "$WORK/floor.db" --calls 30000 --dispositions 10000
    rm -f "$WORK/floor.db"*
fi
# Against the constant route (the mean of its two runs), as the goal states it.
echo "$RATES" | awk '{ c = ($1 + $4) / 2; printf "== ratios to the constant route (%.0f/s): makeCall %.2f, disposition %.2f\n", c, $2 / c, $3 / c }'
echo "== outcome check"
curl -s -H "Authorization: Bearer $ENLACE_KEY" -H 'Content-Type: application/json' \
    -d "{\"idExternalSystem\":$ENLACE_SYSTEM,\"idCampaign\":\"C0001\",\"idAgent\":\"A$(printf %05d "$ENLACE_QUEUE")\",\"idContact\":\"E0000001\",\"phone\":\"5500000001\"}" \
    "http://127.0.0.1:$PORT/api/v1/makeCall/"
echo
