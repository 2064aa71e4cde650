"""conflictnlp: conflict news into structured, attributed statements.

    import conflictnlp
    result = conflictnlp.extract(text, published="2022-04-01", id="a1", source="AP")
    result.quotes, result.claims, result.locations, result.distances, result.quantities, result.dates
    result.to_dict()
    table = conflictnlp.events(results)   # one row per incident across articles
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import events
    from .extensions import article_from_doc, register_extensions
    from .model import (
        Article,
        Claim,
        DateMention,
        Distance,
        Event,
        Location,
        MeasureRestatement,
        MultiSpan,
        Quantity,
        Quote,
        Stories,
        Story,
        TextSpan,
    )
    from .pipeline import extract, extract_many, load
    from .stories import compare

__version__ = "0.2.7"

__all__ = [
    "Article",
    "Claim",
    "DateMention",
    "Distance",
    "Event",
    "Location",
    "MeasureRestatement",
    "MultiSpan",
    "Quantity",
    "Quote",
    "Stories",
    "Story",
    "TextSpan",
    "article_from_doc",
    "compare",
    "events",
    "extract",
    "extract_many",
    "load",
    "register_extensions",
]

# Where each public name lives. They load on first use, so that `import conflictnlp.cli` (and
# `conflictnlp --help`) does not pay the seconds spaCy and torch take to import, and a Ctrl-C in
# those seconds reaches the CLI's handler instead of printing a traceback.
_HOMES = {
    "events": ".events",  # a callable module: conflictnlp.events(results)
    "article_from_doc": ".extensions",
    "register_extensions": ".extensions",
    "extract": ".pipeline",
    "extract_many": ".pipeline",
    "load": ".pipeline",
    "compare": ".stories",
    **dict.fromkeys(("Article", "Claim", "DateMention", "Distance", "Event", "Location", "MeasureRestatement",
                     "MultiSpan", "Quantity", "Quote", "Stories", "Story", "TextSpan"), ".model"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'conflictnlp' has no attribute {name!r}")
    module = importlib.import_module(home, __name__)
    value = module if name == "events" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
