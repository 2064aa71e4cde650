"""Flat Arrow tables derived from the result dataclasses, so Parquet output needs no schema of its own.

One table per record list (``quotes``, ``claims``, ``locations``, ``distances``, ``quantities``,
``dates``, ``events``) plus ``articles``. Each row carries ``article_id``, the record's ``id``, and ``article_index``,
the article's row number in ``articles`` (0-based; a join key even where ids repeat).

Everything is flat, for analysts: nested single values become prefixed columns (``cue`` becomes
``cue_text``, ``cue_start``, ``cue_end``; a quantity's ``casualty`` becomes ``casualty_role``,
``casualty_low``...), ``(start, end)`` offsets become ``start``/``end``
(``body_start``...), and the items of list columns are flat structs the same way (``hedges``:
``text``, ``start``, ``end``; ``also``: ``value``, ``unit``, ``start``, ``end``; ``content_spans``:
``start``, ``end``). ``published`` is a DATE. Integer columns carry pandas metadata, so pandas
reads them as nullable ``Int64`` (offsets stay integers where some are missing).
``article_from_row`` and ``item_from_row`` turn the rows back into the nested record.
"""

from __future__ import annotations

import dataclasses
import json
import types
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal, Optional, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from ..model import RESULT_LISTS, Article

ARTICLES_TABLE = "articles"
TABLES: tuple[str, ...] = (ARTICLES_TABLE, *RESULT_LISTS)
# record fields that hold an ISO date (YYYY-MM-DD), stored as Arrow date32
DATE_FIELDS = {"published"}
OFFSETS_STRUCT = pa.struct([pa.field("start", pa.int64()), pa.field("end", pa.int64())])


def _unwrap_optional(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return hint


def _is_offsets(hint: Any) -> bool:
    return get_origin(hint) is tuple and get_args(hint) == (int, int)


def _list_item(hint: Any) -> Any:
    """The item type of a list hint (``list[X]`` -> ``X``), else None."""
    return get_args(hint)[0] if get_origin(hint) is list else None


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a dataclass field's type hint (lists of spans and records are lists of
    flat structs)."""
    hint = _unwrap_optional(hint)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType, Literal):
        return pa.string()
    if _is_offsets(hint):
        return OFFSETS_STRUCT
    if origin in (list, tuple):
        return pa.list_(arrow_type(get_args(hint)[0]))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return pa.struct([pa.field(c.name, c.type) for c in _flat_columns(hint)])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(hint, pa.string())


def _encode(hint: Any, value: Any) -> Any:
    """A record value (as ``to_dict`` writes it) in the form its Arrow type takes."""
    if value is None:
        return None
    hint = _unwrap_optional(hint)
    if _is_offsets(hint):
        return {"start": value[0], "end": value[1]}
    item = _list_item(hint)
    if item is not None:
        return [_encode(item, v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return {c.name: c.value(value) for c in _flat_columns(hint)}
    return value


def _decode(hint: Any, value: Any) -> Any:
    """The inverse of ``_encode``."""
    if value is None:
        return None
    hint = _unwrap_optional(hint)
    if _is_offsets(hint):
        return [value["start"], value["end"]]
    item = _list_item(hint)
    if item is not None:
        return [_decode(item, v) for v in value]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _unflatten(hint, value)
    return value


@dataclass(frozen=True)
class Column:
    """One flat column: its name, type, where its value sits in a record dict, and the type
    hint of that value (for lists, which are encoded item by item)."""

    name: str
    type: pa.DataType
    path: tuple[Union[str, int], ...]
    hint: Any = None

    def value(self, record: dict[str, Any]) -> Any:
        value: Any = record
        for key in self.path:
            if value is None:
                return None
            # a record written before an additive field existed has no key for it
            value = value.get(key) if isinstance(value, dict) else value[key]
        if self.type == pa.date32() and value is not None:
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise ValueError(f"{self.name}: {value!r} is not an ISO date (YYYY-MM-DD); Parquet stores it as a date") from None
        return _encode(self.hint, value) if self.hint is not None else value


def _flat_columns(cls: type, prefix: str = "", path: tuple = ()) -> list[Column]:
    columns: list[Column] = []
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        hint = _unwrap_optional(hints[f.name])
        name, here = f"{prefix}{f.name}", (*path, f.name)
        if _is_offsets(hint):
            # an item's own span is just start/end: cue_start rather than cue_span_start
            stem = prefix if f.name == "span" else f"{name}_"
            columns += [Column(f"{stem}start", pa.int64(), (*here, 0)), Column(f"{stem}end", pa.int64(), (*here, 1))]
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            columns += _flat_columns(hint, f"{name}_", here)
        elif f.name in DATE_FIELDS and hint is str:
            columns.append(Column(name, pa.date32(), here))
        elif _list_item(hint) is not None:
            columns.append(Column(name, arrow_type(hint), here, hint))
        else:
            columns.append(Column(name, arrow_type(hint), here))
    return columns


ARTICLE_INDEX = Column("article_index", pa.int64(), ())


@cache
def table_columns(table: str) -> tuple[Column, ...]:
    """The columns of one output table, ``article_id`` and ``article_index`` first."""
    if table == ARTICLES_TABLE:
        columns = [c for c in _flat_columns(Article) if c.path[0] not in RESULT_LISTS]
        article_id = next(c for c in columns if c.name == "id")
        rest = (c for c in columns if c is not article_id)
        return (Column("article_id", article_id.type, article_id.path), ARTICLE_INDEX, *rest)
    return (Column("article_id", pa.string(), ()), ARTICLE_INDEX, *_flat_columns(RESULT_LISTS[table]))


def _pandas_metadata(columns: tuple[Column, ...]) -> bytes:
    """pandas metadata that makes ``pd.read_parquet`` give integer columns the nullable
    ``Int64`` dtype, so offsets with gaps stay integers instead of turning into float64."""
    described = [
        {"name": c.name, "field_name": c.name, "pandas_type": "int64", "numpy_type": "Int64", "metadata": None}
        for c in columns
        if c.type == pa.int64()
    ]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": described, "creator": {"library": "conflictnlp"}}).encode()


@cache
def table_schema(table: str) -> pa.Schema:
    columns = table_columns(table)
    return pa.schema([pa.field(c.name, c.type) for c in columns], metadata={b"pandas": _pandas_metadata(columns)})


def table_rows(table: str, record: dict[str, Any], index: int) -> list[dict[str, Any]]:
    """The rows one article record (``Article.to_dict()``), the ``index``-th of the output,
    contributes to a table."""
    columns = table_columns(table)
    if table == ARTICLES_TABLE:
        return [{c.name: index if c is ARTICLE_INDEX else c.value(record) for c in columns}]
    article_id: Optional[str] = record.get("id")
    return [
        {c.name: article_id if c.name == "article_id" else index if c is ARTICLE_INDEX else c.value(item) for c in columns}
        for item in record.get(table) or []
    ]


def _unflatten(cls: type, row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The record dict of ``cls`` from its flat columns in ``row`` (the inverse of ``_flat_columns``)."""
    out: dict[str, Any] = {}
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        hint = _unwrap_optional(hints[f.name])
        name = f"{prefix}{f.name}"
        if _is_offsets(hint):
            stem = prefix if f.name == "span" else f"{name}_"
            start, end = row[f"{stem}start"], row[f"{stem}end"]
            out[f.name] = None if start is None and end is None else [start, end]
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            value = _unflatten(hint, row, f"{name}_")
            optional = hint is not hints[f.name]
            out[f.name] = None if optional and all(v is None for v in value.values()) else value
        elif isinstance(row[name], date):
            out[f.name] = row[name].isoformat()
        else:
            out[f.name] = _decode(hint, row[name])
    return out


def item_from_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """One item of a result list (a quote, a claim...) from its row in ``table``."""
    return _unflatten(RESULT_LISTS[table], row)


def article_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """An article record, without its result lists, from its row in ``articles``."""
    return _unflatten(Article, {**row, "id": row["article_id"], **{key: [] for key in RESULT_LISTS}})
