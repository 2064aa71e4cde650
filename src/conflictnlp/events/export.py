"""Writing the event table: Parquet, CSV, JSON Lines or GeoJSON, chosen by the file suffix."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .table import COLUMNS

FORMATS = (".parquet", ".csv", ".jsonl", ".geojson")
LIST_COLUMNS = ("source_article", "source_office", "source_headline", "disagreements")
NESTED_COLUMNS = ("figures", "members")


def _arrow_schema():
    import pyarrow as pa

    figure = pa.struct([("article", pa.string()), ("outlet", pa.string()), ("speaker", pa.string()), ("role", pa.string()),
                        ("value", pa.float64()), ("stance", pa.string())])
    member = pa.struct([("article", pa.string()), ("event", pa.string())])
    types = {
        "type_of_violence": pa.int64(), "latitude": pa.float64(), "longitude": pa.float64(), "geonameid": pa.int64(),
        "where_prec": pa.int64(), "date_prec": pa.int64(), "date_start": pa.date32(), "date_end": pa.date32(),
        **{c: pa.float64() for c in ("best", "low", "high", "wounded_best", "wounded_low", "wounded_high")},
        **{c: pa.list_(pa.string()) for c in LIST_COLUMNS},
        "figures": pa.list_(figure), "members": pa.list_(member),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    import datetime as dt

    return {**row, **{c: dt.date.fromisoformat(row[c]) if row[c] else None for c in ("date_start", "date_end")}}


def write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch_rows: int = 20_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_dated(row))
            if len(batch) >= batch_rows:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row for CSV: lists joined with "; ", nested lists as JSON."""
    out = dict(row)
    for column in LIST_COLUMNS:
        out[column] = "; ".join(str(v) for v in row[column] or [])
    for column in NESTED_COLUMNS:
        out[column] = json.dumps(row[column], ensure_ascii=False)
    return out


def write_csv(rows: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
            count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def feature(row: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature: the event's point (null geometry where it has no place)."""
    geometry = None
    if row["latitude"] is not None and row["longitude"] is not None:
        geometry = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
    properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": row["event_id"], "geometry": geometry, "properties": properties}


def write_geojson(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """A FeatureCollection, written one feature at a time."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            handle.write((",\n" if count else "") + json.dumps(feature(row), ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    return count


WRITERS = {".parquet": write_parquet, ".csv": write_csv, ".jsonl": write_jsonl, ".geojson": write_geojson}


def write_events(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write the rows to ``path`` in the format its suffix names; returns the number of rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WRITERS:
        raise ValueError(f"{path.name}: unknown event table format {suffix or '(none)'}; expected one of {', '.join(FORMATS)}")
    return WRITERS[suffix](rows, path)
