"""Conflict events: the incidents each article reports (the ``conflict_events`` component) and
one row per incident across articles (``conflictnlp.events``)."""

from .component import EventsComponent, make_events_component
from .lexicon import EventLexicon, load_event_lexicon

__all__ = ["EventLexicon", "EventsComponent", "load_event_lexicon", "make_events_component"]
