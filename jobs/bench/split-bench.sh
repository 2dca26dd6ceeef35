#!/usr/bin/env bash
# Benchmark (not a test): ingest of ONE large CSV export, read by one task (ingest.split_mib: 0) against byte ranges
# read by parallel tasks (the default split_mib), in alternating pairs. Prints wall, CPU and peak RSS per run.
#   jobs/bench/split-bench.sh [ROWS_DUMPS_DIR] [PAIRS]
# ROWS_DUMPS_DIR: a `neraca generate` folder (default bench-data/rows-5000000); its Shopee exports that share the first
# file's delimiter are concatenated (one header) into bench-data/single-shopee/shopee/shopee_orders_all.csv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="${1:-$ROOT/bench-data/rows-5000000}"
PAIRS="${2:-2}"
WORK="$ROOT/bench-data/single-shopee"
OUT="$ROOT/bench-data/out-single-shopee"
cd "$ROOT"
if [ ! -s "$WORK/shopee/shopee_orders_all.csv" ]; then
  mkdir -p "$WORK/shopee"
  files=("$SRC"/shopee/*.csv)
  want=$(head -1 "${files[0]}" | grep -c ';' || true)
  head -1 "${files[0]}" > "$WORK/shopee/shopee_orders_all.csv"
  for f in "${files[@]}"; do
    [ "$(head -1 "$f" | grep -c ';' || true)" = "$want" ] && tail -n +2 "$f" >> "$WORK/shopee/shopee_orders_all.csv"
  done
fi
echo "[split-bench] $(du -h "$WORK/shopee/shopee_orders_all.csv" | cut -f1) in one file, $(wc -l < "$WORK/shopee/shopee_orders_all.csv") lines; load $(cut -d' ' -f1-3 /proc/loadavg)"
NOSPLIT=$(mktemp -d)
sed -e "s#reference_dir: ../reference#reference_dir: $ROOT/data/reference#; s#mappings_dir: ../marketplaces#mappings_dir: $ROOT/data/marketplaces#" \
    -e "s#rules_file: classify-rules.yaml#rules_file: $ROOT/data/config/classify-rules.yaml#" \
    -e "s#^  split_mib: .*#  split_mib: 0#" data/config/neraca.yaml > "$NOSPLIT/neraca.yaml"
grep -q "^  split_mib: 0" "$NOSPLIT/neraca.yaml"
for i in $(seq "$PAIRS"); do
  for mode in one-task ranges; do
    cfg=data/config/neraca.yaml; [ $mode = one-task ] && cfg="$NOSPLIT/neraca.yaml"
    rm -rf "$OUT"
    /usr/bin/time -f "%e %U %S %M" -o "$NOSPLIT/time" ./neraca ingest --dumps "$WORK" --out "$OUT" --demo-key --config "$cfg" --full --quiet
    read -r wall user sys rss < "$NOSPLIT/time"
    awk -v i="$i" -v m="$mode" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        'BEGIN { printf "[split-bench] pair %d %-8s wall %6.1f s  cpu %6.1f s  peak RSS %5.2f GiB\n", i, m, w, u + s, r / 1048576 }'
  done
done
rm -rf "$NOSPLIT"
