"""Writing records: JSON Lines or Parquet, to a temporary file renamed into place when done."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional, Protocol

from ..model import Article


class RecordWriter(Protocol):
    path: Path

    def write(self, article: Article) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


class _AtomicFile:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")

    def _commit(self) -> None:
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.tmp.unlink(missing_ok=True)


class JsonlWriter(_AtomicFile):
    """One JSON object a line, UTF-8, non-ASCII kept as is."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.handle = self.tmp.open("w", encoding="utf-8")

    def write(self, article: Article) -> None:
        self.handle.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        self._commit()

    def abort(self) -> None:
        self.handle.close()
        super().abort()


class ParquetWriter(_AtomicFile):
    """One row per article, with nested columns typed from the result dataclasses."""

    def __init__(self, path: Path, row_group_size: int = 512):
        import pyarrow.parquet as pq

        from .arrow import article_schema

        super().__init__(path)
        self.schema = article_schema()
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self.rows: list[dict] = []
        self.row_group_size = row_group_size

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def write(self, article: Article) -> None:
        self.rows.append(article.to_dict())
        if len(self.rows) >= self.row_group_size:
            self._flush()

    def close(self) -> None:
        self._flush()
        self.writer.close()
        self._commit()

    def abort(self) -> None:
        self.writer.close()
        super().abort()


def open_writer(path: Path, fmt: Optional[str] = None) -> RecordWriter:
    """A writer for ``path``; the format follows ``fmt`` or the file suffix (default JSONL)."""
    fmt = fmt or ("parquet" if Path(path).suffix.lower() == ".parquet" else "jsonl")
    if fmt == "jsonl":
        return JsonlWriter(Path(path))
    if fmt == "parquet":
        return ParquetWriter(Path(path))
    raise ValueError(f"unknown output format {fmt!r}; expected jsonl or parquet")
