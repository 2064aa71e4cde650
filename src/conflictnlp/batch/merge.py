"""Joining parts into one output: JSON Lines, or Parquet tables for DuckDB and pandas.

``merge`` takes parts folders (``OUT.jsonl.parts``, holding ``shard-i-of-N/`` folders) and/or
extract output: JSONL record files (``-`` for standard input) and Parquet folders. A parts folder must hold every shard of its split, each finished, unless
``allow_incomplete``; its records come out in input order (shards are interleaved back).

Parquet output is a folder with one file per table: ``articles.parquet`` (one row per
article, ``article_id`` = the record's ``id``) and ``quotes``, ``claims``, ``locations``,
``distances``, ``quantities``, ``dates`` (one row per item, ``article_id`` pointing at its
article). Columns come from the result dataclasses (see ``arrow.py``). Either output is
written under a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .arrow import TABLES, table_rows, table_schema
from .parts import find_shards, fsync_dir, remove_tree, shard_coverage_problems
from .read import STDIN, is_parquet_output, iter_record_lines

PARQUET_ROW_GROUP = 2048


class IncompleteParts(RuntimeError):
    """Parts folders that do not add up to a whole run."""


@dataclass
class MergeSummary:
    output: Path
    records: int = 0
    duplicates: int = 0  # records left out as exact copies of one written before


class WithoutCopies:
    """Passes record lines on, leaving out exact copies of an earlier one (a file given twice,
    a run merged with its rerun): the events table and ``compare`` would count a copy as a
    second outlet. Records that only share an id are kept; they may be other articles."""

    def __init__(self) -> None:
        self.seen: set[bytes] = set()
        self.duplicates = 0

    def __call__(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            key = hashlib.blake2b(line.rstrip("\n").encode("utf-8"), digest_size=16).digest()
            if key in self.seen:
                self.duplicates += 1
                continue
            self.seen.add(key)
            yield line


# output names whose format goes without saying; any other suffix needs --format
FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", "": "jsonl", ".parquet": "parquet"}


def output_format(output: Path, fmt: Optional[str] = None) -> str:
    """``jsonl`` or ``parquet``: ``fmt`` if given, else from the suffix (.jsonl, .parquet; none
    is JSONL). Another suffix without ``fmt`` is refused: "-o x.txt" or "-o x.json" would get
    JSONL under a name that says otherwise."""
    suffix = output.suffix.lower()
    if fmt is None and suffix not in FORMAT_OF_SUFFIX:
        raise ValueError(f"cannot tell the output format from {output.name!r}: name it .jsonl or .parquet, or add --format jsonl")
    fmt = fmt or FORMAT_OF_SUFFIX[suffix]
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown output format {fmt!r}; expected jsonl or parquet")
    return fmt


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line if line.endswith("\n") else line + "\n"


def _parts_lines(root: Path, allow_incomplete: bool) -> Iterator[str]:
    shards = find_shards(root)
    problems = shard_coverage_problems(shards)
    if problems and not allow_incomplete:
        raise IncompleteParts(f"{root}: " + "; ".join(problems))
    by_split: dict[int, list] = {}
    for shard in shards:
        by_split.setdefault(shard.settings["shard"][1], []).append(shard)
    for count in sorted(by_split):
        group = sorted(by_split[count], key=lambda shard: shard.settings["shard"][0])
        streams = [(line for path in shard.part_paths() for line in _lines(path)) for shard in group]
        # article p went to shard p % N as its (p // N)-th record: round-robin restores input order
        for row in zip_longest(*streams):
            yield from (line for line in row if line is not None)


def record_lines(sources: Iterable[Union[str, Path]], allow_incomplete: bool = False) -> Iterator[str]:
    """Every record line of the sources: parts folders, extract output (JSONL files, ``"-"`` for
    standard input, Parquet folders). Anything else raises ``read.RecordsError``."""
    for source in sources:
        path = Path(source)
        if str(source) != STDIN and path.is_dir() and not is_parquet_output(path) and find_shards(path):
            yield from _parts_lines(path, allow_incomplete)
        else:
            yield from iter_record_lines(source)


def _write_jsonl(lines: Iterable[str], output: Path) -> int:
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line)
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(output.parent)
    return count


def _write_parquet(lines: Iterable[str], output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    remove_tree(tmp)
    tmp.mkdir()
    writers = {table: pq.ParquetWriter(tmp / f"{table}.parquet", table_schema(table), compression="zstd") for table in TABLES}
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}

    def flush(table: str) -> None:
        writers[table].write_table(pa.Table.from_pylist(rows[table], schema=table_schema(table)))
        rows[table] = []

    count = 0
    try:
        for line in lines:
            record = json.loads(line)
            count += 1
            for table in TABLES:
                rows[table].extend(table_rows(table, record, count - 1))
                if len(rows[table]) >= PARQUET_ROW_GROUP:
                    flush(table)
        for table in TABLES:
            if rows[table] or count == 0:
                flush(table)
            writers[table].close()
    except BaseException:
        for writer in writers.values():
            writer.close()
        remove_tree(tmp)
        raise
    remove_tree(output)
    os.replace(tmp, output)
    return count


def merge(
    sources: Iterable[Union[str, Path]],
    output: Union[str, Path],
    *,
    fmt: Optional[str] = None,
    allow_incomplete: bool = False,
    keep_copies: bool = False,
) -> MergeSummary:
    """Write every record of the sources to ``output`` (a JSONL file or a Parquet folder),
    exact copies of a record once unless ``keep_copies`` (extract's own output: one record per input)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    unique = WithoutCopies()
    lines = record_lines(sources, allow_incomplete)
    lines = lines if keep_copies else unique(lines)
    write = _write_parquet if output_format(output, fmt) == "parquet" else _write_jsonl
    return MergeSummary(output, write(lines, output), unique.duplicates)
