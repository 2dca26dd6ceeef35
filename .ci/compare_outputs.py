#!/usr/bin/env python3
"""Compares two neraca output folders: every CSV and JSON data file of the aggregates, projection and
ingest reconciliation must be byte-identical (the outputs are deterministic by contract).
Usage: compare_outputs.py OUT_A OUT_B"""
import hashlib
import pathlib
import sys

FOLDERS = ["aggregates", "projection", "reconciliation", "quarantine_reasons"]


def files(root: pathlib.Path):
    found = {}
    for folder in FOLDERS:
        base = root / folder
        if not base.exists():
            continue
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in (".csv", ".json") and not p.name.startswith((".", "_")):
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
