#!/usr/bin/env bash
# Benchmark (not a test): the same Shopee exports as CSV files and as .xlsx workbooks (jobs/bench/CsvToXlsx.java:
# one sheet, shared strings, whole numbers as numeric cells), each folder ingested alone. Checks that both give the
# same reconciliation (rows read, accepted, quarantined, collapsed) and, when DuckDB's JDBC jar is in ~/.m2, the same
# completed GMV to the sen, before it prints wall time, rows per second and peak RSS of each.
#   jobs/bench/xlsx-bench.sh [SOURCE_DUMPS]   default bench-data/rows-1000000 (jobs/bench/bench.sh or neraca generate)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="${1:-$ROOT/bench-data/rows-1000000}"
W="$ROOT/bench-data/xlsx-bench"
cd "$ROOT"
[ -d "$SRC/shopee" ] || { echo "no $SRC/shopee: generate dumps first (jobs/bench/bench.sh 1000000)" >&2; exit 2; }
mkdir -p "$W/csv/shopee" "$W/xlsx/shopee" "$W/classes"
javac -d "$W/classes" jobs/bench/CsvToXlsx.java
for f in "$SRC"/shopee/*.csv; do
  b="$(basename "$f" .csv)"
  [ -f "$W/csv/shopee/$b.csv" ] || cp "$f" "$W/csv/shopee/"
  [ -f "$W/xlsx/shopee/$b.xlsx" ] || java -cp "$W/classes" CsvToXlsx "$f" "$W/xlsx/shopee/$b.xlsx"
done
echo "[xlsx-bench] $(ls "$W/csv/shopee" | wc -l) exports: CSV $(du -sh "$W/csv" | cut -f1), xlsx $(du -sh "$W/xlsx" | cut -f1)" >&2
./neraca validate --help >/dev/null 2>&1 || true   # builds the jar outside the timings

for kind in csv xlsx; do
  rm -rf "$W/out-$kind"
  echo "[xlsx-bench] ingest $kind, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  /usr/bin/time -f "%e %M %U %S" -o "$W/time-$kind" \
    ./neraca ingest --dumps "$W/$kind" --out "$W/out-$kind" --demo-key --full --quiet >"$W/log-$kind" 2>&1 \
    || { tail -20 "$W/log-$kind" >&2; exit 1; }
done

python3 - "$W" <<'PY'
import csv, sys
w = sys.argv[1]
def totals(kind):
    t = [0, 0, 0, 0]
    for r in csv.DictReader(open(f"{w}/out-{kind}/reconciliation.csv")):
        for i, k in enumerate(("rows_read", "accepted", "quarantined", "duplicates_collapsed")):
            t[i] += int(r[k])
    return t
a, b = totals("csv"), totals("xlsx")
print(f"reconciliation (read, accepted, quarantined, collapsed): csv {a}, xlsx {b}")
if a != b:
    sys.exit("xlsx-bench: the workbooks do not give the CSV exports' rows; no timings")
PY
J="$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar 2>/dev/null | tail -1 || true)"
if [ -n "$J" ]; then
  cat > "$W/Gmv.java" <<'JAVA'
import java.sql.*;
public class Gmv { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
       ResultSet r = s.executeQuery("select sum(gmv_idr) from read_parquet('" + a[0] + "/sales/**/*.parquet', hive_partitioning=true) where status = 'COMPLETED'")) {
    r.next(); System.out.println(r.getBigDecimal(1).toPlainString());
  }}}
JAVA
  gc="$(java -cp "$J" "$W/Gmv.java" "$W/out-csv")"; gx="$(java -cp "$J" "$W/Gmv.java" "$W/out-xlsx")"
  echo "completed GMV: csv Rp$gc, xlsx Rp$gx"
  [ "$gc" = "$gx" ] || { echo "xlsx-bench: GMV differs; no timings" >&2; exit 2; }
fi
python3 - "$W" <<'PY'
import csv, json, sys
w = sys.argv[1]
for kind in ("csv", "xlsx"):
    e, m, u, s = open(f"{w}/time-{kind}").read().split()
    ms = json.load(open(f"{w}/out-{kind}/manifest.json"))["stages"]["IngestDumps"]["elapsed_ms"]
    rows = sum(int(r["rows_read"]) for r in csv.DictReader(open(f"{w}/out-{kind}/reconciliation.csv")))
    print(f"{kind:5} ingest stage {ms / 1000:6.1f} s, whole command {float(e):6.1f} s, {rows / (ms / 1000):8.0f} rows/s, "
          f"peak RSS {int(m) // 1024:5d} MB, CPU {float(u) + float(s):6.1f} s")
PY
