#!/usr/bin/env python3
"""Rebuild data/reference/fx_monthly.csv from its sources (python3, standard library only).

    python3 data/reference/tools/build_fx_monthly.py            # writes data/reference/fx_monthly.csv
    python3 data/reference/tools/build_fx_monthly.py --check    # exit 1 if the committed file differs

Sources (data/reference/sources/, see data/reference/README.md):
  oecd_usd_idr_monthly.csv   rupiah per US dollar, monthly average of daily rates: OECD Main Economic
                             Indicators as published by FRED (series CCUSMA02IDM618N; OECD takes it from
                             Bank Indonesia). Months after its last month carry its last rate forward,
                             marked confidence 'assumed'.
  fred_daily_units_per_usd.csv  CNY, JPY, KRW and SGD per US dollar, one row per weekday (blank where FRED is
                             blank: a US holiday): the daily H.10 noon buying rates published by FRED (series
                             DEXCHUS, DEXJPUS, DEXKOUS, DEXSIUS), copied from public copies of the FRED download
                             listed in fred_daily_provenance.csv. Only whole months are kept. A month's units per
                             USD is the mean of its non-blank days, rounded half-up to 6 decimals.
  units_per_usd_monthly.csv  CNY, SGD, MYR, JPY and KRW per US dollar reconstructed from memory (confidence 'low');
                             used only for months the daily file does not cover (all of MYR: no copy of DEXMAUS
                             was found). Its rows marked 'assumed' (carried forward) are not used as values: such
                             a month carries forward the previous month's units per USD, whichever its source.
Other currencies are cross rates: rupiah per USD / units per USD. Confidence of a cross rate: 'assumed' when either
side is carried forward; 'high' when the units per USD are published (FRED) and the USD rate is 'high'; else 'low'.

Rates are rounded half-up: USD to 2 decimals, cross rates to 4, as ingest reads them (decimal, never double).
"""
import calendar
import csv
import datetime
import io
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP, localcontext
from pathlib import Path

REF = Path(__file__).resolve().parent.parent
FIRST, LAST = "2015-01", "2026-12"
CROSS = ["CNY", "SGD", "MYR", "JPY", "KRW"]
# no commas in these: several readers of fx_monthly.csv split on plain commas
USD_SOURCE = ("OECD Main Economic Indicators via FRED series CCUSMA02IDM618N: rupiah per US dollar "
              "(average of daily rates; sources/oecd_usd_idr_monthly.csv)")
CROSS_SOURCE = ("cross rate: OECD/FRED rupiah per US dollar divided by units per US dollar; the units per US "
                "dollar are reconstructed (sources/units_per_usd_monthly.csv; verify against bi.go.id)")
FRED_SERIES = {"CNY": "DEXCHUS", "JPY": "DEXJPUS", "KRW": "DEXKOUS", "SGD": "DEXSIUS"}
FRED_SOURCE = ("cross rate: OECD/FRED rupiah per US dollar divided by units per US dollar from FRED series {series} "
               "(H.10 noon buying rates: monthly average of daily rates; sources/fred_daily_units_per_usd.csv)")
MEAN_PLACES = Decimal("0.000001")


def months(first, last):
    y, m = map(int, first.split("-"))
    while f"{y:04d}-{m:02d}" <= last:
        yield f"{y:04d}-{m:02d}"
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def read(name):
    with open(REF / "sources" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def weekdays(month):
    y, m = map(int, month.split("-"))
    return [datetime.date(y, m, d).isoformat() for d in range(1, calendar.monthrange(y, m)[1] + 1)
            if datetime.date(y, m, d).weekday() < 5]


def fred_monthly():
    """(month, currency) -> (mean units per USD rounded to 6 places, number of days averaged), whole months only."""
    days = defaultdict(dict)
    for r in read("fred_daily_units_per_usd.csv"):
        key, date = (r["date"][:7], r["currency"]), r["date"]
        if r["currency"] not in FRED_SERIES:
            sys.exit(f"sources/fred_daily_units_per_usd.csv: {date}: no FRED series known for {r['currency']}")
        if date in days[key]:
            sys.exit(f"sources/fred_daily_units_per_usd.csv: {date} {r['currency']} twice")
        days[key][date] = r["units_per_usd"].strip()
    out = {}
    for (month, cur), got in sorted(days.items()):
        missing = sorted(set(weekdays(month)) - set(got))
        extra = sorted(set(got) - set(weekdays(month)))
        if missing or extra:
            sys.exit(f"sources/fred_daily_units_per_usd.csv: {cur} {month} is not a whole month of weekdays "
                     f"(missing {missing[:3]}, not weekdays {extra[:3]})")
        values = [Decimal(v) for v in got.values() if v]
        with localcontext() as ctx:
            ctx.prec = 50
            out[(month, cur)] = ((sum(values) / len(values)).quantize(MEAN_PLACES, ROUND_HALF_UP), len(values))
    return out


def build():
    usd_observed = {r["month"]: Decimal(r["idr_per_usd"]) for r in read("oecd_usd_idr_monthly.csv")}
    units = {(r["month"], r["currency"]): r for r in read("units_per_usd_monthly.csv")}
    fred = fred_monthly()
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
    prev = {}  # currency -> (month, units per USD, source) of the last month with a value of its own
    for m in months(FIRST, LAST):
        rate, conf, note = usd[m]
        rate = rate.quantize(Decimal("0.01"), ROUND_HALF_UP)  # the cross rates divide the published USD rate
        w.writerow([m, "USD", rate, USD_SOURCE, conf, note])
        for c in CROSS:
            u = units.get((m, c))
            if u is None:
                sys.exit(f"sources/units_per_usd_monthly.csv: no {c} rate for {m}")
            carried = None
            if (m, c) in fred:
                value, n = fred[(m, c)]
                source, cconf = FRED_SOURCE.format(series=FRED_SERIES[c]), "high"
                cnote = f"units per USD: FRED {FRED_SERIES[c]} average of {n} daily rates"
                prev[c] = (m, value, source)
            elif u["confidence"] != "assumed":
                value, source, cconf = Decimal(u["units_per_usd"]), CROSS_SOURCE, "low"
                cnote = ("units per USD reconstructed from memory: no published daily rates in the sources for "
                         "this month (such reconstructions were up to 4% off where published rates exist)")
                prev[c] = (m, value, source)
            else:
                if c not in prev:
                    sys.exit(f"{c} {m}: carried forward but no earlier month has a value")
                carried, value, source = prev[c]
            cross = (rate / value).quantize(Decimal("0.0001"), ROUND_HALF_UP)
            assumed = ([f"USD/IDR {max(usd_observed)}"] if conf == "assumed" else []) + \
                      ([f"{c} per USD {carried}"] if carried else [])
            if assumed:
                cconf, cnote = "assumed", " and ".join(assumed) + " carried forward: not observed"
            elif conf != "high":
                cconf = "low"
            w.writerow([m, c, cross, source, cconf, cnote])
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
