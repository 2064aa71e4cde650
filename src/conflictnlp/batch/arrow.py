"""Flat Arrow tables derived from the result dataclasses, so Parquet output needs no schema of its own.

One table per record list (``quotes``, ``claims``, ``locations``, ``distances``, ``quantities``,
``dates``) plus ``articles``. Each row carries ``article_id``, the record's ``id``, and ``article_index``,
the article's row number in ``articles`` (0-based; a join key even where ids repeat). Nested
single values are flattened into prefixed columns (``cue`` becomes ``cue_text``, ``cue_start``,
``cue_end``) and ``(start, end)`` offsets into ``start``/``end`` (``body_start``...); lists (``hedges``,
``also``, ``content_spans``, ``errors``) stay Arrow list columns, which DuckDB and pandas read.
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Optional, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from ..model import RESULT_LISTS, Article

ARTICLES_TABLE = "articles"
TABLES: tuple[str, ...] = (ARTICLES_TABLE, *RESULT_LISTS)


def _unwrap_optional(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return hint


def _is_offsets(hint: Any) -> bool:
    return get_origin(hint) is tuple and get_args(hint) == (int, int)


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a dataclass field's type hint."""
    hint = _unwrap_optional(hint)
    origin = get_origin(hint)
    if origin in (Union, types.UnionType, Literal):
        return pa.string()
    if origin in (list, tuple):
        return pa.list_(arrow_type(get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        return arrow_struct(hint)
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(hint, pa.string())


@cache
def arrow_struct(cls: type) -> pa.StructType:
    hints = get_type_hints(cls)
    return pa.struct([pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


@dataclass(frozen=True)
class Column:
    """One flat column: its name, type, and where its value sits in a record dict."""

    name: str
    type: pa.DataType
    path: tuple[Union[str, int], ...]

    def value(self, record: dict[str, Any]) -> Any:
        value: Any = record
        for key in self.path:
            if value is None:
                return None
            value = value[key]
        return value


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
        elif dataclasses.is_dataclass(hint):
            columns += _flat_columns(hint, f"{name}_", here)
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


@cache
def table_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.type) for c in table_columns(table)])


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
        elif dataclasses.is_dataclass(hint):
            value = _unflatten(hint, row, f"{name}_")
            optional = hint is not hints[f.name]
            out[f.name] = None if optional and all(v is None for v in value.values()) else value
        else:
            out[f.name] = row[name]
    return out


def item_from_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """One item of a result list (a quote, a claim...) from its row in ``table``."""
    return _unflatten(RESULT_LISTS[table], row)


def article_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """An article record, without its result lists, from its row in ``articles``."""
    return _unflatten(Article, {**row, "id": row["article_id"], **{key: [] for key in RESULT_LISTS}})
