#!/usr/bin/env python3
"""pick.py RUN_DIR N: of the N timed neraca runs in RUN_DIR (neraca-1 .. neraca-N, each with its .time file), writes
runs.json (each run's end to end, wall and CPU seconds) and prints the number of the run with the median end to end:
the one bench.sh records. End to end = wall minus the projection and report stages, as record.py computes it."""
import json, sys

def seconds(clock):
    s = 0.0
    for part in clock.split(":"):
        s = s * 60 + float(part)
    return s

r, n = sys.argv[1], int(sys.argv[2])
runs = []
for i in range(1, n + 1):
    t = {}
    for line in open(f"{r}/neraca-{i}.time"):
        k, _, v = line.strip().partition(": ")
        t[k] = v
    wall = seconds(t["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
    cpu = float(t["User time (seconds)"]) + float(t["System time (seconds)"])
    st = json.load(open(f"{r}/neraca-{i}/manifest.json"))["stages"]
    e2e = wall - (st.get("ProjectTo2030", {}).get("elapsed_ms", 0) + st.get("WriteReport", {}).get("elapsed_ms", 0)) / 1000
    runs.append({"run": i, "e2e_s": round(e2e, 1), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1)})
json.dump(runs, open(f"{r}/runs.json", "w"))
ordered = sorted(runs, key=lambda x: x["e2e_s"])
print(ordered[(len(ordered) - 1) // 2]["run"])
