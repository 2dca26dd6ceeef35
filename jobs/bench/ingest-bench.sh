#!/usr/bin/env bash
# Benchmark (not a test): ingest N generated order lines and print rows/s and peak memory.
#   jobs/bench/ingest-bench.sh [ROWS] [WORKDIR]      defaults: 5000000 rows, ./bench-data (git-ignored)
# Uses `./neraca generate --rows N --out DIR --seed 1` when the generate command exists; otherwise writes a
# Shopee-shaped CSV itself (monthly files, ';' and ',' both, a few bad rows and overlapping exports).
# Environment: NERACA_DRIVER_MEMORY (launcher heap, default 4g), MASTER (default local[*]), CONFIG (run config).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${1:-5000000}"
WORK="${2:-$ROOT/bench-data}"
MASTER="${MASTER:-local[*]}"
CONFIG="${CONFIG:-data/config/neraca.yaml}"
DUMPS="$WORK/dumps-$ROWS"
OUT="$WORK/out-$ROWS"
cd "$ROOT"

if [ ! -d "$DUMPS" ]; then
  mkdir -p "$WORK"
  if ./neraca --help 2>&1 | grep -E '^ +generate ' >/dev/null; then   # no -q: SIGPIPE under pipefail
    echo "[bench] generating $ROWS order lines with ./neraca generate ..." >&2
    ./neraca generate --rows "$ROWS" --out "$DUMPS" --seed 1 >&2
  else
    echo "[bench] 'generate' is not available: writing $ROWS Shopee-shaped rows ..." >&2
    python3 - "$ROWS" "$DUMPS" <<'PY'
import os, random, sys
rows, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(f"{out}/shopee", exist_ok=True)
rnd = random.Random(1)
H = ["No. Pesanan","Status Pesanan","Waktu Pesanan Dibuat","Nama Produk","Nomor Referensi SKU","Merek","Kategori","Harga Awal","Harga Setelah Diskon","Jumlah","Total Pembayaran","Nama Toko","Jenis Identitas Penjual","No. Identitas Penjual","Kota/Kabupaten Penjual","Provinsi Penjual","Negara Asal","Dikirim Dari","Skala Usaha"]
cities = [("Kota Bandung","Jawa Barat"),("Kab. Bogor","Jawa Barat"),("Jakarta Utara","DKI Jakarta"),("Kota Surabaya","Jawa Timur"),("Kota Makassar","Sulawesi Selatan"),("Kota Denpasar","Bali"),("Kota Jayapura","Papua")]
cats = ["Pakaian Pria","Kecantikan","Makanan & Minuman","Elektronik","Handphone & Tablet","Rumah Tangga"]
status = ["Selesai"]*8 + ["Batal","Pengembalian"]
months = 24
per = rows // months
def rp(v): return "Rp" + f"{v:,}".replace(",", ".")
n = 0
for m in range(months):
    y, mo = 2023 + m // 12, m % 12 + 1
    d = ";" if m < 12 else ","
    name = f"{out}/shopee/shopee_orders_{y}{mo:02d}01_{y}{mo:02d}28.csv"
    with open(name, "w", encoding="utf-8") as f:
        f.write("\ufeff" + d.join(H) + "\n")
        for i in range(per if m < months - 1 else rows - n):
            n += 1
            price = rnd.randint(5, 5000) * 1000
            q = rnd.randint(1, 5)
            city, prov = cities[rnd.randrange(len(cities))]
            nik = f"32730{rnd.randint(1,9)}{rnd.randint(10,28)}{rnd.randint(1,12):02d}{rnd.randint(60,99)}{rnd.randint(1,9999):04d}"
            p = rp(price) if rnd.random() > 0.0005 else "Rp" + str(price)[:2] + "O.000"
            row = [f"{y%100}{mo:02d}{n:010d}", status[rnd.randrange(10)], f"{rnd.randint(1,28):02d}/{mo:02d}/{y} {rnd.randint(0,23):02d}:{rnd.randint(0,59):02d}",
                   f"Produk {n % 5000}", f"SKU-{n % 977}", "Merek", cats[n % len(cats)], rp(price), p, str(q), rp(price * q),
                   f"Toko {n % 20000}", "NIK", nik, city, prov, "Indonesia", "Indonesia", "Mikro"]
            f.write(d.join(row) + "\n")
print(f"wrote {n} rows", file=sys.stderr)
PY
  fi
fi

BYTES=$(du -sbL --exclude=_truth "$DUMPS" | cut -f1)
rm -rf "$OUT"
echo "[bench] ingesting $DUMPS ($((BYTES / 1024 / 1024)) MiB) on $MASTER, $(nproc) cores ..." >&2
# the jar is built before timing starts
./neraca --version >/dev/null 2>&1 || true
TIMEFILE="$WORK/time-$ROWS.txt"
# the machine is shared: report the load average, and CPU seconds (user+sys), which load distorts less than wall time
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
START=$(date +%s.%N)
/usr/bin/time -v -o "$TIMEFILE" ./neraca ingest --dumps "$DUMPS" --out "$OUT" --demo-key --master "$MASTER" --config "$CONFIG" --quiet \
  || { echo "[bench] ingest failed (exit $?)"; cat "$TIMEFILE"; exit 1; }
END=$(date +%s.%N)
READ=$(awk -F, 'NR>1 {s+=$5} END {print s+0}' "$OUT/reconciliation.csv")
ACC=$(awk -F, 'NR>1 {s+=$6} END {print s+0}' "$OUT/reconciliation.csv")
SECS=$(echo "$END - $START" | bc -l)
PEAK_KB=$(grep "Maximum resident set size" "$TIMEFILE" | awk '{print $NF}')
printf '[bench] rows read %d, accepted %d, wall %.1f s (JVM start and Spark start included)\n' "$READ" "$ACC" "$SECS"
CPU_S=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$TIMEFILE")
printf '[bench] throughput %.0f rows/s; peak RSS %.0f MiB; CPU %s (%.1f s user+sys); load average %s before, %s after\n' \
  "$(echo "$READ / $SECS" | bc -l)" "$(echo "$PEAK_KB / 1024" | bc -l)" "$(grep 'Percent of CPU' "$TIMEFILE" | awk '{print $NF}')" \
  "$CPU_S" "$LOAD_BEFORE" "$(cut -d' ' -f1 /proc/loadavg)"
# a digest of the outputs, to check a change left them as they were (needs the DuckDB JDBC jar in ~/.m2)
DUCK=$(ls "$HOME"/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar 2>/dev/null | tail -1 || true)
if [ -n "$DUCK" ]; then
  echo "[bench] outputs: $(java -cp "$DUCK" "$ROOT/jobs/bench/SalesDigest.java" "$OUT" | tr '\n' ' ')"
  echo "[bench] reconciliation.csv sha256 $(sha256sum "$OUT/reconciliation.csv" | cut -c1-16)"
fi
