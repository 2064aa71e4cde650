"""The ``conflict_places`` component: place mentions in the article body, resolved offline.

Fills ``doc._.locations`` (ids ``l1``, ``l2``... in text order) and
``doc.spans["conflict_locations"]`` (label: the feature kind, or ``place`` when unresolved).
Detection is in :mod:`.matcher`, resolution and its strategy in :mod:`.resolve`, the data in
:mod:`.gazetteer`. The gazetteer is built once per process on first use.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import doc_text, set_span_group
from .gazetteer import get_gazetteer
from .matcher import PlaceMatcher
from .resolve import Resolver, place_unlisted, to_location


class PlacesComponent(ConflictComponent):
    """Finds and resolves the places an article mentions."""

    span_groups = ("conflict_locations",)

    def __init__(self, nlp: Language, name: str, adjectival: bool = True):
        super().__init__(nlp, name)
        self.adjectival = adjectival
        self._matcher: PlaceMatcher | None = None
        self._resolver: Resolver | None = None

    def _ensure_loaded(self) -> tuple[PlaceMatcher, Resolver]:
        if self._matcher is None or self._resolver is None:
            gazetteer = get_gazetteer()
            self._matcher = PlaceMatcher(gazetteer, adjectival=self.adjectival)
            self._resolver = Resolver(gazetteer)
        return self._matcher, self._resolver

    def process(self, doc: Doc) -> None:
        matcher, resolver = self._ensure_loaded()
        mentions = matcher(doc)
        places = resolver.resolve(mentions, matcher.actor_countries)
        places = place_unlisted(mentions, places, matcher.article_conflict_countries, resolver, matcher.actor_countries,
                                doc_text(doc))
        locations = [to_location(m, p, f"l{i}") for i, (m, p) in enumerate(zip(mentions, places), start=1)]
        doc._.locations = locations
        set_span_group(doc, "locations", [(loc.span[0], loc.span[1], loc.feature or "place") for loc in locations])


@Language.factory("conflict_places", assigns=["doc._.locations", "doc.spans"], requires=["doc.ents", "token.pos", "token.dep", "doc.sents"], default_config={"adjectival": True})
def make_places_component(nlp: Language, name: str, adjectival: bool) -> PlacesComponent:
    """The ``conflict_places`` pipeline component. ``adjectival``: also emit a people's
    adjectives and plurals as mentions of their country ("Ukrainian forces"), flagged
    ``adjectival``, as news toponym gold counts them."""
    return PlacesComponent(nlp, name, adjectival=adjectival)
