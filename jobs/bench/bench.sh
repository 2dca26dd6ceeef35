#!/usr/bin/env bash
# neraca vs DuckDB benchmark (issue 7). Usage: jobs/bench/bench.sh [rows ...]   (default: 10000 1000000 5000000 20000000)
# For each size: generates the dumps once into bench-data/rows-N (gitignored), runs `./neraca run` (ingest, classify,
# aggregate, project, report) and the DuckDB pipeline (jobs/src/test/java/id/neraca/bench/DuckDbPipeline.java, test
# classpath, 2 threads), checks both agree (jobs/bench/compare.py) and only then prints the timings.
# Env: NERACA_DRIVER_MEMORY (default 1g here), DUCK_THREADS (2), BENCH_DIR (bench-data), NERACA_JAVA_OPTS passes through.
# Results: one JSON line per size appended to $BENCH_DIR/results.jsonl, a table on stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BENCH_DIR="${BENCH_DIR:-$ROOT/bench-data}"
export NERACA_DRIVER_MEMORY="${NERACA_DRIVER_MEMORY:-1g}"
DUCK_THREADS="${DUCK_THREADS:-2}"
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 1000000 5000000 20000000)
mkdir -p "$BENCH_DIR"

# the job jar (./neraca builds it when stale) and the test classpath with DuckDB
./neraca --version >/dev/null 2>&1 || true
if [ ! -f jobs/target/test-classes/id/neraca/bench/DuckDbPipeline.class ] || [ jobs/src/test/java/id/neraca/bench/DuckDbPipeline.java -nt jobs/target/test-classes/id/neraca/bench/DuckDbPipeline.class ]; then
  mvn -B -o -q test-compile >&2
fi
[ -f jobs/target/test-classpath.txt ] || mvn -B -o -q -pl jobs dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/jobs/target/test-classpath.txt" >&2
DUCK_CP="jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)"

# the first `run` after a build records the classes it loads, and a detached builder (jobs/bin/cds-archive, ~40 s of
# one core) turns them into the launcher's class-data-sharing archive: a warm-up run on the samples, then a wait for
# the builder, so no timed run shares the machine with it or runs without the archive
if [ "${NERACA_CDS:-1}" != "0" ]; then
  CDS_BASE="$(NERACA_PRINT_CDS_BASE=1 ./neraca)"
  if [ ! -f "$CDS_BASE.jsa" ] && [ ! -f "$CDS_BASE.failed" ]; then
    echo "[bench] warm-up run on data/samples (its class list becomes the CDS archive)" >&2
    rm -rf "$BENCH_DIR/warmup"
    ./neraca run --out "$BENCH_DIR/warmup" --quiet >"$BENCH_DIR/warmup.log" 2>&1 || { tail -20 "$BENCH_DIR/warmup.log" >&2; exit 1; }
    for _ in $(seq 1 300); do { [ -f "$CDS_BASE.jsa" ] || [ -f "$CDS_BASE.failed" ]; } && break; sleep 1; done
  fi
  [ -f "$CDS_BASE.jsa" ] || echo "[bench] WARNING: no class-data-sharing archive ($CDS_BASE.failed says why): every run starts without one" >&2
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mb() { awk -F': ' '/Maximum resident set size/{printf "%d", $2/1024}' "$1"; }
cpu_s() { awk -F': ' '/User time/{u=$2}/System time/{s=$2}END{printf "%.1f", u+s}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.1f", s}' "$1"; }

for N in "${SIZES[@]}"; do
  D="$BENCH_DIR/rows-$N"; R="$BENCH_DIR/run-$N"
  if [ ! -f "$D/.complete" ]; then
    echo "[bench] generating $N rows into $D" >&2
    ./neraca generate --rows "$N" --out "$D" --seed 7 --quiet --overwrite \
      --regencies data/reference/regencies.csv --fx data/reference/fx_monthly.csv >&2
    touch "$D/.complete"
  fi
  rm -rf "$R"; mkdir -p "$R"
  BYTES=$(du -sb --exclude=_truth "$D" | cut -f1)

  # a small size is timed BENCH_REPEAT times (default 5 up to 100,000 rows, else once) and the run with the median end
  # to end is recorded: a 10k run is ~15 s, and single runs on a shared 2-core machine spread by +-1.5 s
  REP="${BENCH_REPEAT:-}"; if [ -z "$REP" ]; then if [ "$N" -le 100000 ]; then REP=5; else REP=1; fi; fi
  L1="$(load)"
  for i in $(seq 1 "$REP"); do
    echo "[bench] $N rows: neraca run $i/$REP (driver -Xmx$NERACA_DRIVER_MEMORY), load $(load)" >&2
    /usr/bin/time -v -o "$R/neraca-$i.time" ./neraca run --dumps "$D" --out "$R/neraca-$i" --demo-key --full --quiet \
      >"$R/neraca-$i.log" 2>&1 || { echo "[bench] neraca run failed, see $R/neraca-$i.log" >&2; tail -20 "$R/neraca-$i.log" >&2; exit 1; }
    if grep -q "building the job jar" "$R/neraca-$i.log"; then
      # a source under jobs/src/main changed while the bench ran: the launcher rebuilt the jar inside the timed run,
      # which then also ran without its CDS archive and wrote one as it exited (seen: 5M 196 s measured as 225 s)
      echo "[bench] $N rows: the job jar was rebuilt inside the timed run (sources changed during the bench); its time" \
        "includes a Maven build, so no figures are recorded. Leave jobs/src alone while the bench runs and rerun." >&2
      exit 3
    fi
  done
  MED="$(python3 jobs/bench/pick.py "$R" "$REP")"
  mv "$R/neraca-$MED" "$R/neraca"; cp "$R/neraca-$MED.time" "$R/neraca.time"; cp "$R/neraca-$MED.log" "$R/neraca.log"
  for i in $(seq 1 "$REP"); do rm -rf "$R/neraca-$i"; done
  echo "[bench] $N rows: DuckDB ($DUCK_THREADS threads), load $(load)" >&2
  L2="$(load)"
  /usr/bin/time -v -o "$R/duck.time" java -Xmx1g -cp "$DUCK_CP" id.neraca.bench.DuckDbPipeline --dumps "$D" \
    --out "$R/duck" --home "$ROOT" --threads "$DUCK_THREADS" >"$R/duck.json" 2>"$R/duck.log" \
    || { echo "[bench] DuckDB failed, see $R/duck.log" >&2; tail -20 "$R/duck.log" >&2; exit 1; }

  if ! python3 jobs/bench/compare.py "$R/neraca" "$R/duck" "$R/duck.json" >"$R/compare.json"; then
    echo "[bench] $N rows: neraca and DuckDB DISAGREE, no timings printed: $(cat "$R/compare.json")" >&2
    exit 2
  fi
  python3 jobs/bench/record.py "$N" "$BYTES" "$R" "$(wall_s "$R/neraca.time")" "$(rss_mb "$R/neraca.time")" "$(wall_s "$R/duck.time")" \
    "$(rss_mb "$R/duck.time")" "$L1" "$L2" "$NERACA_DRIVER_MEMORY" "$DUCK_THREADS" "$(cpu_s "$R/neraca.time")" "$(cpu_s "$R/duck.time")" >>"$BENCH_DIR/results.jsonl" 
  echo "[bench] $N rows: agree ($(python3 -c "import json;c=json.load(open('$R/compare.json'));print(c['months'],'months,',c['accepted_neraca'],'accepted rows, total',c['total_gmv_neraca'])"))" >&2
done

python3 jobs/bench/table.py "$BENCH_DIR/results.jsonl" "${SIZES[@]}"
