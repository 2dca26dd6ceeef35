#!/usr/bin/env bash
# Benchmark of `neraca generate`: writes ROWS (default 20 million) synthetic rows with a 256 MB heap, to show
# the generator streams in constant memory, and prints rows per second and the peak resident memory.
# Usage: jobs/bench/generate-bench.sh [ROWS] [OUT_DIR]      (run from anywhere; OUT_DIR is deleted first)
# Needs ~7 GB of free disk for 20 million rows.
set -euo pipefail
HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${1:-20000000}"
OUT="${2:-$HOME_DIR/bench-data/generate-$ROWS}"
rm -rf "$OUT"
# build the jar if needed (the launcher does it), with a trivial command
"$HOME_DIR/neraca" --version >/dev/null
START=$(date +%s.%N)
# -Xmx256m through the launcher's NERACA_DRIVER_MEMORY; /usr/bin/time -v reports the peak RSS when available
if command -v /usr/bin/time >/dev/null 2>&1; then
  NERACA_DRIVER_MEMORY=256m /usr/bin/time -v "$HOME_DIR/neraca" generate --rows "$ROWS" --seed 1 --out "$OUT" 2> "$OUT.log" || { cat "$OUT.log"; exit 1; }
  grep -E "generate:|Maximum resident" "$OUT.log"
else
  NERACA_DRIVER_MEMORY=256m "$HOME_DIR/neraca" generate --rows "$ROWS" --seed 1 --out "$OUT"
fi
END=$(date +%s.%N)
WRITTEN=$(awk -F, 'NR>1{s+=$2} END{print s}' "$OUT/_truth/files.csv")
awk -v r="$WRITTEN" -v a="$START" -v b="$END" 'BEGIN{printf "rows written: %d, wall time %.1f s (JVM start included), %.0f rows/s\n", r, b-a, r/(b-a)}'
du -sh "$OUT"
