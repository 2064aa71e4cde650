"""The ``conflict_measures`` component (placeholder until its issue lands: sets an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent


class MeasuresComponent(ConflictComponent):
    def process(self, doc: Doc) -> None:
        doc._.quantities = []


@Language.factory("conflict_measures", default_config={})
def make_measures_component(nlp: Language, name: str) -> MeasuresComponent:
    return MeasuresComponent(nlp, name)
