"""The ``conflict_claims`` component (placeholder until its issue lands: sets an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent


class ClaimsComponent(ConflictComponent):
    def process(self, doc: Doc) -> None:
        doc._.claims = []


@Language.factory("conflict_claims", default_config={})
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
