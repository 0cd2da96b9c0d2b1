#!/usr/bin/env python3
"""Reads the CRM log ("<key> <received us> <enqueued us>" per request) and the enqueued keys;
prints delivered/missing/duplicate counts, throughput and enqueue->received latency."""
import sys

def main(log_path, keys_path):
    expected = [k.strip() for k in open(keys_path) if k.strip()]
    first = {}
    total = 0
    for line in open(log_path):
        parts = line.split()
        if len(parts) != 3:
            continue
        key, recv, enq = parts[0], int(parts[1]), int(parts[2])
        total += 1
        if key not in first:
            first[key] = (recv, enq)
    exp = set(expected)
    missing = exp - set(first)
    unknown = set(first) - exp
    lat = sorted((r - e) / 1000.0 for r, e in first.values())
    def pct(p):
        return lat[min(len(lat) - 1, int(p / 100.0 * len(lat)))] if lat else float('nan')
    start = min(e for _, e in first.values()) if first else 0
    end = max(r for r, _ in first.values()) if first else 0
    span = (end - start) / 1e6
    print(f"enqueued={len(expected)} distinct_received={len(first)} requests={total} "
          f"duplicates={total - len(first)} missing={len(missing)} unknown={len(unknown)}")
    print(f"span={span:.3f}s throughput={len(first) / span if span else 0:.0f}/s "
          f"latency_ms p50={pct(50):.1f} p90={pct(90):.1f} p99={pct(99):.1f} max={lat[-1] if lat else 0:.1f}")
    return 0 if not missing and not unknown else 1

if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
