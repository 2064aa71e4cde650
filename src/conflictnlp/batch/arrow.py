"""Arrow types derived from the result dataclasses, so Parquet output needs no schema of its own."""

from __future__ import annotations

import dataclasses
import types
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from ..model import Article


def arrow_type(hint: Any) -> pa.DataType:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        inner = [arg for arg in get_args(hint) if arg is not type(None)]
        return arrow_type(inner[0]) if len(inner) == 1 else pa.string()
    if origin is Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(get_args(hint)[0]))
    if origin is tuple:
        return pa.list_(arrow_type(get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        return arrow_struct(hint)
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}.get(hint, pa.string())


@cache
def arrow_struct(cls: type) -> pa.StructType:
    hints = get_type_hints(cls)
    return pa.struct([pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


@cache
def article_schema() -> pa.Schema:
    """One row per article, result lists as nested columns."""
    return pa.schema(list(arrow_struct(Article)))


