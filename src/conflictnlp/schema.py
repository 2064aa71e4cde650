"""The JSON Schemas of the output records, generated from ``conflictnlp.model``.

``python -m conflictnlp.schema`` rewrites the shipped files; a test checks they are current.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .model import Article, Stories, json_schema

SCHEMA_FILES = {"article.schema.json": Article, "stories.schema.json": Stories}


def render(cls: type) -> str:
    return json.dumps(json_schema(cls), indent=2, ensure_ascii=False) + "\n"


@cache
def shipped_schema(name: str = "article.schema.json") -> dict[str, Any]:
    """The schema file shipped with the package."""
    return json.loads(resources.files("conflictnlp").joinpath("data", name).read_text("utf-8"))


def validator(name: str = "article.schema.json"):
    """A ``jsonschema`` validator for records (``article.schema.json``) or stories."""
    import jsonschema

    schema = shipped_schema(name)
    return jsonschema.Draft202012Validator(schema)


def write_all(folder: Path) -> None:
    for name, cls in SCHEMA_FILES.items():
        (folder / name).write_text(render(cls), encoding="utf-8")


if __name__ == "__main__":
    write_all(Path(__file__).parent / "data")
