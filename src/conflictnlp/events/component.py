"""The ``conflict_events`` component: the incidents an article reports (``doc._.events``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import article_from_doc, set_span_group
from .extract import EventExtractor
from .lexicon import EventLexicon, load_event_lexicon

# saved as JSON (the standard library reads TOML but does not write it)
LEXICON_FILE = "events.json"
ACTORS_FILE = "actors.json"


class EventsComponent(ConflictComponent):
    """Fills ``doc._.events`` and ``doc.spans["conflict_events"]`` (trigger spans labelled by
    ACLED sub-type). Runs last: it reads the claims, places, measures, dates and quotes."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None, actors_path: str | None = None):
        super().__init__(nlp, name)
        self._set_lexicon(load_event_lexicon(lexicon_path, actors_path))

    def _set_lexicon(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        tokenizer = self.nlp.tokenizer

        def split(phrase: str) -> list[str]:
            return [token.text for token in tokenizer(phrase)]

        self.extractor = EventExtractor(lexicon, lexicon.trigger_matcher(self.nlp.vocab, split), lexicon.actor_matcher(self.nlp.vocab, split))

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   lexicon_path: str | None = None, actors_path: str | None = None) -> None:
        """Reload the lexicons (from the given files, else the packaged ones)."""
        if lexicon_path or actors_path:
            self._set_lexicon(load_event_lexicon(lexicon_path, actors_path))

    def process(self, doc: Doc) -> None:
        if not len(doc):
            doc._.events = []
            return
        events = self.extractor(doc, article_from_doc(doc))
        doc._.events = events
        set_span_group(doc, "events", [(e.trigger.span[0], e.trigger.span[1], e.sub_type) for e in events if e.trigger])

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicons the component uses, so a saved pipeline keeps them."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_text(json.dumps(self.lexicon.raw, ensure_ascii=False), encoding="utf-8")
        (path / ACTORS_FILE).write_text(json.dumps(self.lexicon.actors_raw, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> EventsComponent:
        path = Path(path)
        raw = json.loads((path / LEXICON_FILE).read_text(encoding="utf-8"))
        actors = json.loads((path / ACTORS_FILE).read_text(encoding="utf-8")) if (path / ACTORS_FILE).is_file() else {}
        self._set_lexicon(EventLexicon(raw, actors))
        return self


@Language.factory(
    "conflict_events",
    default_config={"lexicon_path": None, "actors_path": None},
    assigns=["doc._.events", "doc.spans"],
    requires=["doc._.claims", "doc._.quantities", "doc._.locations", "doc._.dates", "doc._.quotes", "token.dep", "token.lemma"],
)
def make_events_component(nlp: Language, name: str, lexicon_path: str | None, actors_path: str | None) -> EventsComponent:
    """Factory of ``conflict_events``; ``lexicon_path`` / ``actors_path`` replace the shipped
    ``data/events.toml`` / ``data/actors.toml``."""
    return EventsComponent(nlp, name, lexicon_path, actors_path)
