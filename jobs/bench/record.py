#!/usr/bin/env python3
"""One results.jsonl line from a size's run folder (called by bench.sh)."""
import json, os, sys, datetime
n, nbytes, r, nwall, nrss, dwall, drss, l1, l2, mem, thr, ncpu, dcpu = sys.argv[1:]
m = json.load(open(f"{r}/neraca/manifest.json")); d = json.load(open(f"{r}/duck.json")); c = json.load(open(f"{r}/compare.json"))
st = {k: v.get("elapsed_ms") for k, v in m["stages"].items()}
runs = json.load(open(f"{r}/runs.json")) if os.path.exists(f"{r}/runs.json") else []   # the timed runs (pick.py)
nwall = float(nwall)
icA = (st.get("IngestDumps", 0) + st.get("ClassifySales", 0) + st.get("AggregateMonthly", 0)) / 1000
e2e = nwall - (st.get("ProjectTo2030", 0) + st.get("WriteReport", 0)) / 1000   # JVM start + ingest..aggregate
print(json.dumps({"time": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"), "rows": int(n), "dump_bytes": int(nbytes),
  "accepted": c["accepted_neraca"], "agree": c["agree"], "neraca": {"wall_s": nwall, "e2e_s": round(e2e, 1),
  "ingest_classify_aggregate_s": icA, "stages_ms": st, "max_rss_mb": int(nrss), "cpu_s": float(ncpu), "driver_memory": mem, "load_before": l1,
  "runs": runs},
  "duckdb": {"wall_s": float(dwall), "stages_ms": d["stages_ms"], "max_rss_mb": int(drss), "cpu_s": float(dcpu), "threads": int(thr), "load_before": l2},
  "ratio_e2e": round(e2e / float(dwall), 2), "ratio_cpu": round(float(ncpu) / float(dcpu), 2), "by_class_info": c["by_class_info"]}))
