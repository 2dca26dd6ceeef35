#!/usr/bin/env python3
"""Rebuild data/reference/fx_monthly.csv from its sources (python3, standard library only).

    python3 data/reference/tools/build_fx_monthly.py            # writes data/reference/fx_monthly.csv
    python3 data/reference/tools/build_fx_monthly.py --check    # exit 1 if the committed file differs

Sources (data/reference/sources/, see data/reference/README.md):
  oecd_usd_idr_monthly.csv   rupiah per US dollar, monthly average of daily rates: OECD Main Economic
                             Indicators as published by FRED (series CCUSMA02IDM618N; OECD takes it from
                             Bank Indonesia). Months after its last month carry its last rate forward,
                             marked confidence 'assumed'.
  units_per_usd_monthly.csv  CNY, SGD, MYR, JPY and KRW per US dollar (reconstructed, confidence 'low').
Other currencies are cross rates: rupiah per USD / units per USD. A cross rate is 'assumed' when either side is.

Rates are rounded half-up: USD to 2 decimals, cross rates to 4, as ingest reads them (decimal, never double).
"""
import csv
import io
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

REF = Path(__file__).resolve().parent.parent
FIRST, LAST = "2015-01", "2026-12"
CROSS = ["CNY", "SGD", "MYR", "JPY", "KRW"]
# no commas in these: several readers of fx_monthly.csv split on plain commas
USD_SOURCE = ("OECD Main Economic Indicators via FRED series CCUSMA02IDM618N: rupiah per US dollar "
              "(average of daily rates; sources/oecd_usd_idr_monthly.csv)")
CROSS_SOURCE = ("cross rate: OECD/FRED rupiah per US dollar divided by units per US dollar; the units per US "
                "dollar are reconstructed (sources/units_per_usd_monthly.csv; verify against bi.go.id)")


def months(first, last):
    y, m = map(int, first.split("-"))
    while f"{y:04d}-{m:02d}" <= last:
        yield f"{y:04d}-{m:02d}"
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def read(name):
    with open(REF / "sources" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def build():
    usd_observed = {r["month"]: Decimal(r["idr_per_usd"]) for r in read("oecd_usd_idr_monthly.csv")}
    units = {(r["month"], r["currency"]): r for r in read("units_per_usd_monthly.csv")}
    last_observed = max(usd_observed)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["month", "currency", "idr_per_unit", "source", "confidence", "note"])
    usd = {}
    for m in months(FIRST, LAST):
        if m in usd_observed:
            usd[m] = (usd_observed[m], "high", "published monthly average")
        elif m > last_observed:
            usd[m] = (usd_observed[last_observed], "assumed", f"{last_observed} carried forward: not observed")
        else:
            sys.exit(f"sources/oecd_usd_idr_monthly.csv: no rate for {m} (a gap inside the series)")
    for m in months(FIRST, LAST):
        rate, conf, note = usd[m]
        rate = rate.quantize(Decimal("0.01"), ROUND_HALF_UP)  # the cross rates divide the published USD rate
        w.writerow([m, "USD", rate, USD_SOURCE, conf, note])
        for c in CROSS:
            u = units.get((m, c))
            if u is None:
                sys.exit(f"sources/units_per_usd_monthly.csv: no {c} rate for {m}")
            cross = (rate / Decimal(u["units_per_usd"])).quantize(Decimal("0.0001"), ROUND_HALF_UP)
            assumed = [what for what, cf in (("USD/IDR", conf), (f"{c} per USD", u["confidence"])) if cf == "assumed"]
            cconf = "assumed" if assumed else "low"
            cnote = (" and ".join(assumed) + " not observed (carried forward)") if assumed else \
                "units per USD reconstructed (about +-3%)"
            w.writerow([m, c, cross, CROSS_SOURCE, cconf, cnote])
    return out.getvalue()


def main():
    text = build()
    target = REF / "fx_monthly.csv"
    if "--check" in sys.argv[1:]:
        if target.read_text(encoding="utf-8") != text:
            sys.exit(f"{target} differs from what its sources build; run {Path(__file__).name} and commit the result")
        print(f"{target.name} matches its sources")
        return
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({text.count(chr(10)) - 1} rates)")


if __name__ == "__main__":
    main()
