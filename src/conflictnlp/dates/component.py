"""The ``conflict_dates`` component (placeholder until its issue lands: sets an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent


class DatesComponent(ConflictComponent):
    def process(self, doc: Doc) -> None:
        doc._.dates = []


@Language.factory("conflict_dates", default_config={})
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
