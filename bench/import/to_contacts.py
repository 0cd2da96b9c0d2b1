#!/usr/bin/env python3
"""Turns the generated CSV into the rows ContactImporter writes (database_id, external_id, phone,
values_json), as CSV, so the store's own bulk loader can load the same contacts table: the floor
for Enlace's schema (three indexes, JSON values) rather than for a flat 8-column table."""
import csv
import json
import sys

reader = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
writer = csv.writer(sys.stdout, lineterminator="\n")
header = next(reader)
ext = header.index("id_cliente")
for row in reader:
    writer.writerow([1, row[ext] or None, row[0], json.dumps(row, ensure_ascii=False, separators=(",", ":"))])
