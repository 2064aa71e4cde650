"""Conflict events: the incidents each article reports (the ``conflict_events`` component) and
one row per incident across articles.

``conflictnlp.events(results)`` is this module called: it takes ``Article`` results or their
record dicts and returns the rows of the event table (docs/events.md)."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import Any

from .component import EventsComponent, make_events_component
from .export import write_events
from .lexicon import EventLexicon, load_event_lexicon
from .table import COLUMNS, event_rows


def event_table(results: Iterable[Any | dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per incident across the results (``Article`` objects or record dicts)."""
    records = (r if isinstance(r, dict) else r.to_dict() for r in results)
    return list(event_rows(records))


class _CallableModule(types.ModuleType):
    """Lets ``conflictnlp.events`` be both this package and the function of the public contract (docs/contract.md)."""

    def __call__(self, results: Iterable[Any | dict[str, Any]]) -> list[dict[str, Any]]:
        return event_table(results)


sys.modules[__name__].__class__ = _CallableModule

__all__ = ["COLUMNS", "EventLexicon", "EventsComponent", "event_rows", "event_table", "load_event_lexicon",
           "make_events_component", "write_events"]
