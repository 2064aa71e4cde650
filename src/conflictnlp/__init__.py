"""conflictnlp: conflict news into structured, attributed statements.

    import conflictnlp
    result = conflictnlp.extract(text, published="2022-04-01", id="a1", source="AP")
    result.quotes, result.claims, result.locations, result.distances, result.quantities, result.dates
    result.to_dict()
    table = conflictnlp.events(results)   # one row per incident across articles
"""

from . import events  # a callable module: conflictnlp.events(results)
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

__version__ = "0.2.4"

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

register_extensions()
