"""Reading ``conflictnlp extract`` output back, whichever form it was written in.

``iter_records(path)`` yields one record dict per article, exactly as the JSONL output holds it
(``Article.from_dict`` takes each), from

- a JSONL file written by ``extract`` or ``merge``, or ``"-"`` for standard input;
- the Parquet folder written by ``extract --format parquet`` (``articles.parquet`` and one table
  per result list): the flat rows are put back into nested records, article by article.

Memory stays bounded: JSONL is read a line at a time and Parquet a batch of rows at a time
(every table is written in article order, so the tables are read side by side).

A missing path, or a file that is not extract output (such as the raw input of ``extract``),
raises ``RecordsError`` with a message that says what to do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..model import RESULT_LISTS, Article, json_line
from .arrow import ARTICLES_TABLE, article_from_row, item_from_row

PARQUET_BATCH_ROWS = 1024
# every record extract writes has these keys (to_dict writes every field); input records do not
RECORD_KEYS = ("quotes", "claims", "locations", "distances", "quantities", "dates", "errors")
STDIN = "-"


class RecordsError(ValueError):
    """The path is missing or does not hold ``conflictnlp extract`` output."""


def is_parquet_output(path: Path) -> bool:
    """Whether ``path`` is a Parquet folder written by ``extract``/``merge``."""
    return path.is_dir() and (path / f"{ARTICLES_TABLE}.parquet").is_file()


def iter_records(path: Union[str, Path]) -> Iterator[dict[str, Any]]:
    """Every record of an extract output (a JSONL file, ``"-"`` for stdin, or a Parquet folder)."""
    if str(path) == STDIN:
        yield from _jsonl_records(sys.stdin, "<stdin>")
        return
    path = Path(path)
    if path.name == f"{ARTICLES_TABLE}.parquet" and path.is_file():
        path = path.parent
    if not path.exists():
        raise RecordsError(f"{path}: no such file or folder; give the output of `conflictnlp extract` (OUT.jsonl or OUT.parquet)")
    if path.is_dir():
        if is_parquet_output(path):
            yield from _parquet_records(path)
            return
        if path.name.endswith(".parts") or any(path.glob("shard-*-of-*")):
            raise RecordsError(f"{path}: this is the parts folder of an unfinished or sharded run; finish it by rerunning extract, or join it with `conflictnlp merge {path} -o OUT.jsonl`")
        raise RecordsError(f"{path}: a folder without articles.parquet; give a JSONL file or the Parquet folder written by `conflictnlp extract`")
    if path.suffix.lower() == ".parquet":
        raise RecordsError(f"{path}: a single Parquet file; give the folder that `extract --format parquet` wrote (it holds articles.parquet)")
    try:
        with path.open(encoding="utf-8") as handle:
            yield from _jsonl_records(handle, str(path))
    except UnicodeDecodeError:
        raise RecordsError(f"{path}: not UTF-8, so not extract output (UTF-8 JSON Lines); give OUT.jsonl or OUT.parquet of `conflictnlp extract`, or run extract on this file") from None


def iter_articles(path: Union[str, Path]) -> Iterator[Article]:
    """``iter_records`` as typed ``Article`` objects."""
    for number, record in enumerate(iter_records(path), start=1):
        try:
            yield Article.from_dict(record)
        except ValueError as err:
            first = str(err).splitlines()[1:2] or [str(err)]
            raise RecordsError(f"{path}: record {number} is not a valid extract record ({first[0].strip()})") from None


def _jsonl_records(lines, name: str) -> Iterator[dict[str, Any]]:
    for _, record in _checked_lines(lines, name):
        yield record


def _checked_lines(lines, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise RecordsError(f"{name}:{number}: not JSON; give the output of `conflictnlp extract` (OUT.jsonl or OUT.parquet)") from None
        problem = record_problem(record)
        if problem:
            raise RecordsError(f"{name}:{number}: {problem}")
        yield line, record


def iter_record_lines(path: Union[str, Path]) -> Iterator[str]:
    """Every record of an extract output as one JSON line (ending in a newline): JSONL lines as
    they are (after checking each is a record), Parquet rows put back together."""
    if str(path) != STDIN and is_parquet_output(Path(path)):
        for record in iter_records(path):
            yield json_line(record)
        return
    if str(path) == STDIN:
        lines, name = sys.stdin, "<stdin>"
        for line, _ in _checked_lines(lines, name):
            yield line if line.endswith("\n") else line + "\n"
        return
    path = Path(path)
    if not path.is_file():
        for record in iter_records(path):  # raises the RecordsError that says what the path is
            yield json.dumps(record, ensure_ascii=False) + "\n"
        return
    try:
        with path.open(encoding="utf-8") as handle:
            for line, _ in _checked_lines(handle, str(path)):
                yield line if line.endswith("\n") else line + "\n"
    except UnicodeDecodeError:
        raise RecordsError(f"{path}: not UTF-8, so not extract output (UTF-8 JSON Lines); give OUT.jsonl or OUT.parquet of `conflictnlp extract`, or run extract on this file") from None


def record_problem(record: Any) -> Optional[str]:
    """Why ``record`` is not an extract record (``None`` if it is one)."""
    if not isinstance(record, dict):
        return "not a JSON object; give the output of `conflictnlp extract`"
    missing = [key for key in RECORD_KEYS if key not in record]
    if not missing:
        return None
    if "text" in record or "html" in record:
        return f"an input record, not extract output (no {', '.join(missing)}); run `conflictnlp extract` on it first"
    return f"not an extract record (no {', '.join(missing)}); give the output of `conflictnlp extract`"


def _batches(path: Path) -> Iterator[list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises ArrowInvalid, OSError...
        raise RecordsError(f"{path}: not a readable Parquet file ({err}); rerun the extract that wrote it") from None
    for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        yield batch.to_pylist()


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    for rows in _batches(path):
        yield from rows


# result tables added after Parquet output existed; a folder without one reads as having no items
ADDED_TABLES = frozenset({"events"})


class _ItemStream:
    """The rows of one result table, taken an article at a time (the table is in article order)."""

    def __init__(self, folder: Path, table: str):
        self.table = table
        path = folder / f"{table}.parquet"
        if not path.is_file() and table in ADDED_TABLES:  # written before the table existed: none of its items
            self.rows: Iterator[dict[str, Any]] = iter(())
            self.head: Optional[dict[str, Any]] = None
            return
        if not path.is_file():
            raise RecordsError(f"{folder}: {table}.parquet is missing; rerun the extract that wrote this folder")
        self.rows = _rows(path)
        self.head = next(self.rows, None)

    def take(self, key: Any, key_column: str) -> list[dict[str, Any]]:
        items = []
        while self.head is not None and self.head.get(key_column) == key:
            items.append(item_from_row(self.table, self.head))
            self.head = next(self.rows, None)
        return items


def _parquet_records(folder: Path) -> Iterator[dict[str, Any]]:
    streams = [_ItemStream(folder, table) for table in RESULT_LISTS]
    # outputs written before article_index existed are matched on consecutive article ids
    for row in _rows(folder / f"{ARTICLES_TABLE}.parquet"):
        if "article_id" not in row:
            raise RecordsError(f"{folder}: articles.parquet has no article_id column; give the Parquet folder written by `conflictnlp extract`")
        key_column = "article_index" if "article_index" in row else "article_id"
        key = row.get("article_index", row["article_id"])
        record = article_from_row(row)
        for stream in streams:
            record[stream.table] = stream.take(key, key_column)
        yield Article.from_dict(record).to_dict()
    for stream in streams:
        if stream.head is not None:
            raise RecordsError(f"{folder}: {stream.table}.parquet has rows for an article not in articles.parquet; rerun the extract that wrote this folder")
