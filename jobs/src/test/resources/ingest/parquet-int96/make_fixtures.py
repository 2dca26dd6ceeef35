# Writes the INT96 fixtures of ParquetInt96Test with pyarrow (pip install pyarrow; run from this folder):
# the same sale, a seller in Kota Makassar (WITA, UTC+8) at 23:30 local time on 31 July 2024 (15:30 UTC), stored as
# INT96 the two ways pandas writes it (df.to_parquet(..., use_deprecated_int96_timestamps=True), or flavor="spark"):
#   pandas_naive_int96.parquet  a column without a zone (the warehouse's local times): INT96 holds 2024-07-31 23:30 as is
#   pandas_utc_int96.parquet    a zone-aware column: INT96 holds the instant, 2024-07-31 15:30 UTC
import datetime as dt
import pyarrow as pa
import pyarrow.parquet as pq

def table(ts, typ):
    return pa.table({"order_id": ["W1"], "created": pa.array([ts], type=typ), "status": ["done"], "qty": [1],
                     "price": [1250000.0], "city": ["Kota Makassar"]})

pq.write_table(table(dt.datetime(2024, 7, 31, 23, 30), pa.timestamp("us")), "pandas_naive_int96.parquet",
               use_deprecated_int96_timestamps=True)
pq.write_table(table(dt.datetime(2024, 7, 31, 15, 30, tzinfo=dt.timezone.utc), pa.timestamp("us", tz="UTC")),
               "pandas_utc_int96.parquet", use_deprecated_int96_timestamps=True)
