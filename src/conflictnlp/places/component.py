"""The ``conflict_places`` component (placeholder until its issue lands: sets an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent


class PlacesComponent(ConflictComponent):
    def process(self, doc: Doc) -> None:
        doc._.locations = []


@Language.factory("conflict_places", default_config={})
def make_places_component(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
