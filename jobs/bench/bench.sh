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

  echo "[bench] $N rows: neraca run (driver -Xmx$NERACA_DRIVER_MEMORY), load $(load)" >&2
  L1="$(load)"
  /usr/bin/time -v -o "$R/neraca.time" ./neraca run --dumps "$D" --out "$R/neraca" --demo-key --full --quiet \
    >"$R/neraca.log" 2>&1 || { echo "[bench] neraca run failed, see $R/neraca.log" >&2; tail -20 "$R/neraca.log" >&2; exit 1; }
  echo "[bench] $N rows: DuckDB ($DUCK_THREADS threads), load $(load)" >&2
  L2="$(load)"
  /usr/bin/time -v -o "$R/duck.time" java -Xmx1g -cp "$DUCK_CP" id.neraca.bench.DuckDbPipeline --dumps "$D" \
    --out "$R/duck" --home "$ROOT" --threads "$DUCK_THREADS" >"$R/duck.json" 2>"$R/duck.log" \
    || { echo "[bench] DuckDB failed, see $R/duck.log" >&2; tail -20 "$R/duck.log" >&2; exit 1; }

  if ! python3 jobs/bench/compare.py "$R/neraca" "$R/duck" "$R/duck.json" >"$R/compare.json"; then
    echo "[bench] $N rows: neraca and DuckDB DISAGREE, no timings printed: $(cat "$R/compare.json")" >&2
    exit 2
  fi
  python3 - "$N" "$BYTES" "$R" "$(wall_s "$R/neraca.time")" "$(rss_mb "$R/neraca.time")" "$(wall_s "$R/duck.time")" \
    "$(rss_mb "$R/duck.time")" "$L1" "$L2" "$NERACA_DRIVER_MEMORY" "$DUCK_THREADS" "$(cpu_s "$R/neraca.time")" "$(cpu_s "$R/duck.time")" >>"$BENCH_DIR/results.jsonl" <<'PY'
import json, sys, datetime
n, nbytes, r, nwall, nrss, dwall, drss, l1, l2, mem, thr, ncpu, dcpu = sys.argv[1:]
m = json.load(open(f"{r}/neraca/manifest.json")); d = json.load(open(f"{r}/duck.json")); c = json.load(open(f"{r}/compare.json"))
st = {k: v.get("elapsed_ms") for k, v in m["stages"].items()}
nwall = float(nwall)
icA = (st.get("IngestDumps", 0) + st.get("ClassifySales", 0) + st.get("AggregateMonthly", 0)) / 1000
e2e = nwall - (st.get("ProjectTo2030", 0) + st.get("WriteReport", 0)) / 1000   # JVM start + ingest..aggregate
print(json.dumps({"time": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"), "rows": int(n), "dump_bytes": int(nbytes),
  "accepted": c["accepted_neraca"], "agree": c["agree"], "neraca": {"wall_s": nwall, "e2e_s": round(e2e, 1),
  "ingest_classify_aggregate_s": icA, "stages_ms": st, "max_rss_mb": int(nrss), "cpu_s": float(ncpu), "driver_memory": mem, "load_before": l1},
  "duckdb": {"wall_s": float(dwall), "stages_ms": d["stages_ms"], "max_rss_mb": int(drss), "cpu_s": float(dcpu), "threads": int(thr), "load_before": l2},
  "ratio_e2e": round(e2e / float(dwall), 2), "ratio_cpu": round(float(ncpu) / float(dcpu), 2), "by_class_info": c["by_class_info"]}))
PY
  echo "[bench] $N rows: agree ($(python3 -c "import json;c=json.load(open('$R/compare.json'));print(c['months'],'months,',c['accepted_neraca'],'accepted rows, total',c['total_gmv_neraca'])"))" >&2
done

python3 - "$BENCH_DIR/results.jsonl" "${SIZES[@]}" <<'PY'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line); rows[r["rows"]] = r            # latest run per size
want = [int(x) for x in sys.argv[2:]]
print(f"{'rows':>10} {'stage':<22} {'neraca s':>9} {'rows/s':>9} {'DuckDB s':>9} {'rows/s':>9} {'ratio':>6}  notes")
for n in want:
    r = rows.get(n)
    if not r: continue
    ns, ds = r["neraca"]["stages_ms"], r["duckdb"]["stages_ms"]
    def line(stage, a, b, note=""):
        rs = lambda t: f"{n / t:9.0f}" if t else f"{'-':>9}"
        ratio = f"{a / b:6.1f}" if a and b else f"{'-':>6}"
        print(f"{n:>10} {stage:<22} {a:9.1f} {rs(a)} {b if b is not None else float('nan'):9.1f} {rs(b) if b else '-':>9} {ratio}  {note}")
    line("ingest (+sales parquet)", ns["IngestDumps"] / 1e3, ds["ingest"] / 1e3)
    line("classify", ns["ClassifySales"] / 1e3, ds["classify"] / 1e3)
    line("aggregate", ns["AggregateMonthly"] / 1e3, ds["aggregate"] / 1e3)
    line("end to end (wall)", r["neraca"]["e2e_s"], r["duckdb"]["wall_s"],
         f"JVM start incl.; max RSS neraca {r['neraca']['max_rss_mb']} MB (driver {r['neraca']['driver_memory']}), "
         f"DuckDB {r['duckdb']['max_rss_mb']} MB; CPU s (user+sys) {r['neraca'].get('cpu_s')} vs {r['duckdb'].get('cpu_s')}; load {r['neraca']['load_before']}")
    print(f"{n:>10} {'project / report':<22} {ns.get('ProjectTo2030', 0) / 1e3:9.1f} / {ns.get('WriteReport', 0) / 1e3:.1f}  (size-independent; whole neraca run {r['neraca']['wall_s']} s)")
if 5000000 in rows and 20000000 in rows:
    print(f"20M / 5M neraca end to end: {rows[20000000]['neraca']['e2e_s'] / rows[5000000]['neraca']['e2e_s']:.2f} (goal <= 4.5)")
PY
