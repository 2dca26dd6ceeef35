#!/usr/bin/env python3
"""Checks neraca and DuckDB agree before any timing is printed (jobs/bench/bench.sh).

Compared exactly (equal by construction when parsing and de-duplication agree):
  - completed GMV per period_month over all classes, to the rupiah (to the sen, in fact: 2 decimals);
  - accepted rows (neraca: sum of reconciliation.csv `accepted`; DuckDB: rows after parsing and de-duplication).
Reported, not required to match (DuckDB implements only the key rules, see DuckDbPipeline's javadoc):
  - completed GMV by origin class over the whole period; neraca's UNKNOWN class has no DuckDB counterpart.
Usage: compare.py NERACA_OUT DUCK_OUT DUCK_JSON  -> prints a JSON verdict; exit 1 on a mismatch.
"""
import csv, json, sys
from decimal import Decimal

ner, duck, duck_json = sys.argv[1], sys.argv[2], sys.argv[3]
dj = json.load(open(duck_json))
n_tot, n_cls = {}, {}
for r in csv.DictReader(open(f"{ner}/aggregates/monthly_headline.csv")):
    n_tot[r["period_month"]] = Decimal(r["total_gmv_idr"])
    for k in ("local_umkm", "local_large", "imported", "cross_border", "unknown"):
        n_cls[k.upper()] = n_cls.get(k.upper(), Decimal(0)) + Decimal(r[f"{k}_gmv_idr"])
d_tot = {r["period_month"]: Decimal(r["total_gmv_idr"]) for r in csv.DictReader(open(f"{duck}/monthly_total.csv"))}
d_cls = {}
for r in csv.DictReader(open(f"{duck}/monthly_by_class.csv")):
    d_cls[r["origin_class"]] = d_cls.get(r["origin_class"], Decimal(0)) + Decimal(r["gmv_idr"])
n_acc = sum(int(r["accepted"]) for r in csv.DictReader(open(f"{ner}/reconciliation.csv")) if r["mapping"] != "tokopedia-scrape")
months = sorted(set(n_tot) | set(d_tot))
bad = [(m, str(n_tot.get(m)), str(d_tot.get(m))) for m in months if n_tot.get(m) != d_tot.get(m)]
total = sum(n_tot.values())
classes = {c: {"neraca": str(n_cls.get(c, 0)), "duckdb": str(d_cls.get(c, 0)),
               "neraca_share_pct": round(float(n_cls.get(c, 0) / total * 100), 3) if total else None,
               "duckdb_share_pct": round(float(d_cls.get(c, 0) / total * 100), 3) if total else None}
           for c in ("LOCAL_UMKM", "LOCAL_LARGE", "IMPORTED", "CROSS_BORDER", "UNKNOWN")}
ok = not bad and n_acc == dj["accepted"]
print(json.dumps({"agree": ok, "months": len(months), "months_differing": bad[:5], "n_months_differing": len(bad),
                  "total_gmv_neraca": str(total), "total_gmv_duckdb": str(sum(d_tot.values())),
                  "accepted_neraca": n_acc, "accepted_duckdb": dj["accepted"], "by_class_info": classes}))
sys.exit(0 if ok else 1)
