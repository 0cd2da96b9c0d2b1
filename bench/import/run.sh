#!/usr/bin/env bash
# Contact import benchmark: ContactImporter against the tools' own bulk loaders, in one run.
#   bench/import/run.sh                 # 1,000,000 rows, SQLite, and PostgreSQL when a URL is set
#   ROWS=200000 ENLACE_BENCH_PG_URL=postgresql://postgres@127.0.0.1:55432/enlace_test bench/import/run.sh
# Prints a Markdown table; nothing is written into the repository.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-1000000}"
BUILD="${BUILD_DIR:-$ROOT/build/bench-import}"
PG_URL="${ENLACE_BENCH_PG_URL:-${ENLACE_TEST_PG_URL:-}}"
WORK="$(mktemp -d /tmp/bench-import.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENLACE_BUILD_GUI=OFF \
      -DENLACE_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target bench_import -j2 >/dev/null
BENCH="$BUILD/bench/import/bench_import"

CSV="$WORK/contacts.csv"
python3 "$ROOT/bench/import/generate.py" "$ROWS" >"$CSV"
SIZE_MB=$(( $(stat -c %s "$CSV") / 1048576 ))
python3 "$ROOT/bench/import/to_contacts.py" "$CSV" >"$WORK/contacts4.csv"
CONTACTS="id INTEGER PRIMARY KEY AUTOINCREMENT, database_id BIGINT NOT NULL, external_id TEXT NULL, phone TEXT NOT NULL, values_json TEXT NOT NULL, UNIQUE (database_id, external_id)"
COLS="telefono TEXT, nombre TEXT, apellido TEXT, email TEXT, ciudad TEXT, direccion TEXT, telefono2 TEXT, id_cliente TEXT"

# measure LABEL COMMAND...: wall seconds and peak RSS (MiB) from GNU time.
measure() {
  local label="$1"; shift
  /usr/bin/time -v "$@" >"$WORK/out.txt" 2>"$WORK/time.txt" || { cat "$WORK/out.txt" "$WORK/time.txt" >&2; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/time.txt")
  local rate
  rate=$(awk -v r="$ROWS" -v w="$wall" 'BEGIN { printf "%.0f", r / w }')
  printf '| %s | %.2f | %s | %s | %s | %s |\n' "$label" "$wall" "$cpu" "$rate" "$rss" "$(tr '\n' ' ' <"$WORK/out.txt" | sed 's/ *$//')"
  echo "$wall" >"$WORK/last_wall"
  echo "$cpu" >"$WORK/last_cpu"
}

echo "Rows: $ROWS x 8 columns, file ${SIZE_MB} MiB, $(nproc) cores, $(uname -r)"
echo
echo "| what | wall s | CPU s (user+sys, client) | rows/s (wall) | peak RSS MiB | notes |"
echo "|---|---|---|---|---|---|"
echo "| load average before | $(cut -d' ' -f1-3 /proc/loadavg) | | | | |"

# SQLite: Enlace (new database: validate + write in one transaction) vs sqlite3 .import.
measure "Enlace ContactImporter → SQLite" "$BENCH" --database "$WORK/enlace.db" --name bench \
  --phone-columns telefono,telefono2 --external-id-column id_cliente "$CSV"
ENLACE_SQLITE=$(cat "$WORK/last_wall"); ENLACE_SQLITE_CPU=$(cat "$WORK/last_cpu")
sqlite3 "$WORK/ref.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE ref ($COLS); CREATE UNIQUE INDEX ref_id ON ref (id_cliente);" >/dev/null
measure "sqlite3 .import (UNIQUE index on id_cliente)" sqlite3 "$WORK/ref.db" ".import --csv --skip 1 $CSV ref"
REF_SQLITE=$(cat "$WORK/last_wall"); REF_SQLITE_CPU=$(cat "$WORK/last_cpu")
awk -v a="$ENLACE_SQLITE" -v b="$REF_SQLITE" -v c="$ENLACE_SQLITE_CPU" -v d="$REF_SQLITE_CPU" \
  'BEGIN { printf "| ratio Enlace / sqlite3 | %.2f× | %.2f× | | | goal ≤ 1.5× |\n", a / b, c / d }'
# The same reference given the page cache that ContactImporter sets for itself (64 MiB).
sqlite3 "$WORK/ref64.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE ref ($COLS); CREATE UNIQUE INDEX ref_id ON ref (id_cliente);" >/dev/null
measure "sqlite3 .import, PRAGMA cache_size=-65536" sqlite3 "$WORK/ref64.db" "PRAGMA cache_size=-65536" ".import --csv --skip 1 $CSV ref"
REF64=$(cat "$WORK/last_wall"); REF64_CPU=$(cat "$WORK/last_cpu")
awk -v a="$ENLACE_SQLITE" -v b="$REF64" -v c="$ENLACE_SQLITE_CPU" -v d="$REF64_CPU" \
  'BEGIN { printf "| ratio Enlace / sqlite3 with the same cache | %.2f× | %.2f× | | | |\n", a / b, c / d }'
# Floor for Enlace's own schema: the same rows, already converted, loaded by sqlite3 into a copy
# of the contacts table (primary key, unique external id, phone index), same cache.
sqlite3 "$WORK/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE contacts ($CONTACTS); CREATE INDEX contacts_phone ON contacts (database_id, phone); CREATE TABLE staging (database_id, external_id, phone, values_json);" >/dev/null
measure "floor: sqlite3 .import of the converted rows into the contacts schema" sqlite3 "$WORK/floor.db" "PRAGMA cache_size=-65536" \
  ".import --csv $WORK/contacts4.csv staging" \
  "INSERT INTO contacts (database_id, external_id, phone, values_json) SELECT database_id, NULLIF(external_id, ''), phone, values_json FROM staging"
FLOOR=$(cat "$WORK/last_wall"); FLOOR_CPU=$(cat "$WORK/last_cpu")
awk -v a="$ENLACE_SQLITE" -v b="$FLOOR" -v c="$ENLACE_SQLITE_CPU" -v d="$FLOOR_CPU" \
  'BEGIN { printf "| ratio Enlace / floor for its schema | %.2f× | %.2f× | | | |\n", a / b, c / d }'

if [[ -n "$PG_URL" ]]; then
  SCHEMA="bench_import_$$"
  sep='?'; [[ "$PG_URL" == *\?* ]] && sep='&'
  measure "Enlace ContactImporter → PostgreSQL" "$BENCH" --database "${PG_URL}${sep}schema=$SCHEMA" --name bench \
    --phone-columns telefono,telefono2 --external-id-column id_cliente "$CSV"
  ENLACE_PG=$(cat "$WORK/last_wall")
  psql "$PG_URL" -qc "CREATE SCHEMA ${SCHEMA}_ref; CREATE TABLE ${SCHEMA}_ref.ref ($COLS); CREATE UNIQUE INDEX ON ${SCHEMA}_ref.ref (id_cliente);"
  measure "psql \\copy (UNIQUE index on id_cliente)" psql "$PG_URL" -qc "\\copy ${SCHEMA}_ref.ref FROM '$CSV' WITH (FORMAT csv, HEADER true)"
  REF_PG=$(cat "$WORK/last_wall")
  awk -v a="$ENLACE_PG" -v b="$REF_PG" 'BEGIN { printf "| ratio Enlace / COPY | %.2f× | | | | goal ≤ 1.5× (wall; the server does the work) |\n", a / b }'
  PGCONTACTS="${CONTACTS/INTEGER PRIMARY KEY AUTOINCREMENT/BIGSERIAL PRIMARY KEY}"
  psql "$PG_URL" -qc "CREATE TABLE ${SCHEMA}_ref.contacts ($PGCONTACTS); CREATE INDEX ON ${SCHEMA}_ref.contacts (database_id, phone);"
  measure "floor: psql \copy of the converted rows into the contacts schema" psql "$PG_URL" -qc \
    "\copy ${SCHEMA}_ref.contacts (database_id, external_id, phone, values_json) FROM '$WORK/contacts4.csv' WITH (FORMAT csv)"
  FLOOR_PG=$(cat "$WORK/last_wall")
  awk -v a="$ENLACE_PG" -v b="$FLOOR_PG" 'BEGIN { printf "| ratio Enlace / COPY floor for its schema | %.2f× | | | | |\n", a / b }'
  psql "$PG_URL" -qc "SET client_min_messages TO WARNING; DROP SCHEMA $SCHEMA CASCADE; DROP SCHEMA ${SCHEMA}_ref CASCADE;"
fi
