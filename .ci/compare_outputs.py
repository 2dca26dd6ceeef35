#!/usr/bin/env python3
"""Compares two neraca output folders: every CSV and JSON data file of the aggregates, projection and
ingest reconciliation, the Parquet files of the aggregates and projection (one file per table with a
canonical footer, id.neraca.aggregate.Tables), and the report's charts (SVG and PNG: drawn on one thread, docs/REPORT.md)
must be byte-identical (the outputs are deterministic by
contract). The two folders normally come from two JVM processes (a rerun, a cluster run), which is what
catches output that only one process writes the same way twice.
Usage: compare_outputs.py OUT_A OUT_B"""
import hashlib
import pathlib
import sys

FOLDERS = ["aggregates", "projection", "reconciliation", "quarantine_reasons", "report/figures"]
# ingest's reconciliation Parquet keeps Spark's own part-file names, so only these carry comparable Parquet
PARQUET_FOLDERS = {"aggregates", "projection"}


def files(root: pathlib.Path):
    found = {}
    for folder in FOLDERS:
        base = root / folder
        if not base.exists():
            continue
        for p in sorted(base.rglob("*")):
            suffixes = ((".csv", ".json", ".parquet") if folder in PARQUET_FOLDERS
                        else (".svg", ".png") if folder == "report/figures" else (".csv", ".json"))
            if p.is_file() and p.suffix in suffixes and not p.name.startswith((".", "_")):
                found[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def main():
    a, b = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    fa, fb = files(a), files(b)
    if not fa:
        sys.exit(f"no comparable outputs under {a}")
    problems = []
    for name in sorted(set(fa) | set(fb)):
        if name not in fa or name not in fb:
            problems.append(f"only in {'B' if name not in fa else 'A'}: {name}")
        elif fa[name] != fb[name]:
            problems.append(f"differs: {name}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(f"{len(problems)} output file(s) differ between {a} and {b}")
    print(f"{len(fa)} output files identical")


if __name__ == "__main__":
    main()
