"""The ``conflict_claims`` component: claims with their source, stance, hedges and links."""

from __future__ import annotations

from functools import cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import set_span_group
from ..quotes.cues import CueLexicon, load_cues
from .extract import ClaimExtractor
from .lexicon import load_lexicon


def known_verbs(nlp: Language) -> frozenset[str]:
    """The verb lemmas the base pipeline's rule lemmatizer knows (WordNet's, in the English
    pipelines); empty where it has none, which turns the check that uses them off."""
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index").get("verb")
            if index:
                return frozenset(index)
    return frozenset()


def quote_cue_lexicon(nlp: Language) -> CueLexicon:
    """The cue lexicon of the pipeline's quotes component (rules, or the rules inside the
    learned one); the packaged lexicon where there is none."""
    for _, pipe in nlp.pipeline:
        for holder in (pipe, getattr(pipe, "rules", None)):
            lexicon = getattr(holder, "lexicon", None)
            if isinstance(lexicon, CueLexicon):
                return lexicon
    return _packaged_cues()


@cache
def _packaged_cues() -> CueLexicon:
    return load_cues()


class ClaimsComponent(ConflictComponent):
    """Fills ``doc._.claims`` and ``doc.spans["conflict_claims"]`` (labelled by stance).

    Runs last: it reads the quotes (for sources) and the places, measures and dates (for links).
    """

    span_groups = ("conflict_claims",)

    def __init__(self, nlp: Language, name: str, lexicon_path: Optional[str] = None):
        super().__init__(nlp, name)
        self.lexicon_path = lexicon_path
        self._load_lexicons_or_defer()

    lexicons = {"lexicon_path": "stance_lexicon.toml"}

    def load_lexicons(self) -> None:
        self.lexicon = load_lexicon(self.lexicon_path)
        self.extractor = ClaimExtractor(self.lexicon, cues=quote_cue_lexicon(self.nlp))

    def process(self, doc: Doc) -> None:
        # what says that nobody spoke is the quotes' cue lexicon's to decide, custom or packaged,
        # also after that component has read a saved lexicon
        self.extractor.cues = quote_cue_lexicon(self.nlp)
        if self.extractor.known_verbs is None:
            self.extractor.known_verbs = known_verbs(self.nlp)
        claims = self.extractor(doc) if len(doc) else []
        doc._.claims = claims
        set_span_group(doc, "claims", [(c.span[0], c.span[1], c.stance) for c in claims])


@Language.factory("conflict_claims", assigns=["doc._.claims", "doc.spans"], requires=["doc._.quotes", "doc._.locations", "doc._.dates", "doc._.quantities", "doc._.distances", "token.dep"], default_config={"lexicon_path": None})
def make_claims_component(nlp: Language, name: str, lexicon_path: Optional[str]) -> ClaimsComponent:
    """Factory of ``conflict_claims``; ``lexicon_path`` replaces the shipped stance lexicon."""
    return ClaimsComponent(nlp, name, lexicon_path)
