"""The ``conflict_quotes`` component (placeholder until its issue lands: sets an empty list)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent


class QuotesComponent(ConflictComponent):
    def process(self, doc: Doc) -> None:
        doc._.quotes = []


@Language.factory("conflict_quotes", default_config={})
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
