"""The ``conflict_events`` component: the incidents an article reports (``doc._.events``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import article_for_component, set_span_group
from .extract import EventExtractor
from .lexicon import ACTORS_FILE, EVENTS_FILE, EventLexicon, load_event_lexicon


class EventsComponent(ConflictComponent):
    """Fills ``doc._.events`` and ``doc.spans["conflict_events"]`` (trigger spans labelled by
    ACLED sub-type). Runs last: it reads the claims, places, measures, dates and quotes.

    Its lexicons are ``lexicon_path`` (default: the packaged ``data/events.toml``) and
    ``actors_path`` (default: the packaged ``data/actors.toml``, optional), loaded at
    construction, replaced by ``initialize(lexicon_path=..., actors_path=...)`` and saved with
    the pipeline by ``to_disk``."""

    # attribute holding a lexicon's path -> the packaged file's name, also its name on disk
    lexicons: ClassVar[dict[str, str]] = {"lexicon_path": EVENTS_FILE, "actors_path": ACTORS_FILE}
    span_groups: ClassVar[tuple[str, ...]] = ("conflict_events",)

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None = None, actors_path: str | None = None):
        super().__init__(nlp, name)
        self.lexicon_path = lexicon_path
        self.actors_path = actors_path
        self.load_lexicons()

    def load_lexicons(self) -> None:
        """(Re)build the lexicons and matchers from ``lexicon_path`` and ``actors_path``."""
        self.set_lexicon(load_event_lexicon(self.lexicon_path, self.actors_path))

    def set_lexicon(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        tokenizer = self.nlp.tokenizer

        def split(phrase: str) -> list[str]:
            return [token.text for token in tokenizer(phrase)]

        self.extractor = EventExtractor(lexicon, lexicon.trigger_matcher(self.nlp.vocab, split), lexicon.actor_matcher(self.nlp.vocab, split))

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None, **paths: Any) -> None:
        """Called by ``nlp.initialize()``; ``lexicon_path`` / ``actors_path`` given here replace
        the configured ones."""
        for attr, value in paths.items():
            if attr not in self.lexicons:
                raise ValueError(f"{self.name}: unknown lexicon {attr!r}; expected one of {sorted(self.lexicons)}")
            setattr(self, attr, value)
        self.load_lexicons()

    def process(self, doc: Doc) -> None:
        if not len(doc):
            doc._.events = []
            return
        events = self.extractor(doc, article_for_component(doc))
        doc._.events = events
        set_span_group(doc, "events", [(e.trigger.span[0], e.trigger.span[1], e.sub_type) for e in events if e.trigger])

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon files in use (custom or packaged), so a saved pipeline keeps them."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for attr, filename in self.lexicons.items():
            configured = getattr(self, attr)
            packaged = resources.files("conflictnlp").joinpath("data", filename)
            if configured:
                (path / filename).write_bytes(Path(configured).read_bytes())
            elif packaged.is_file():  # data/actors.toml is optional
                (path / filename).write_bytes(packaged.read_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventsComponent:
        """Read the lexicon files saved by ``to_disk``."""
        path = Path(path)
        for attr, filename in self.lexicons.items():
            if (path / filename).exists():
                setattr(self, attr, str(path / filename))
        self.load_lexicons()
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
