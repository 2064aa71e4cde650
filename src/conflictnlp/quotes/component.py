"""The ``conflict_quotes`` component: direct, indirect and mixed quotes with their speakers."""

from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import body_bounds, body_sents, doc_text, set_span_group
from ..model import Quote
from ..reading.boilerplate import without_datelines
from .attribution import (
    Attribution,
    attach_passages,
    dash_attributions,
    floating_passages,
    phrase_attributions,
    quoted_mask,
    speaker_label_attributions,
    title_attributions,
    verb_attributions,
)
from .build import make_quote, number_quotes, quote_type
from .cues import CueLexicon, load_cues
from .marks import QuotedPassage, find_quoted_passages, inside, markup_spans
from .speakers import Speaker, SpeakerContext, SpeakerResolver, naming_clause

# confidence of a floating quote relative to the quote it inherits its speaker from
FLOATING_FACTOR = 0.8
UNCLOSED_FACTOR = 0.85


class QuotesComponent(ConflictComponent):
    """Finds attributions in the article body and writes ``doc._.quotes`` and the span groups
    ``conflict_quotes`` (contents), ``conflict_quote_cues`` and ``conflict_quote_speakers``."""

    span_groups = ("conflict_quotes",)

    def __init__(self, nlp: Language, name: str, min_confidence: float = 0.0, cues: Optional[str] = None, floating: bool = True):
        super().__init__(nlp, name)
        self.min_confidence = min_confidence
        self.cues = cues
        self.floating = floating
        self._load_lexicons_or_defer()

    lexicons = {"cues": "quote_cues.toml"}

    def load_lexicons(self) -> None:
        self.lexicon: CueLexicon = load_cues(self.cues)

    def process(self, doc: Doc) -> None:
        quotes = [q for q in extract_quotes(doc, self) if q.confidence >= self.min_confidence]
        doc._.quotes = quotes
        set_span_group(doc, "quotes", [(s, e, q.type) for q in quotes for s, e in q.content.spans])
        set_span_group(doc, "quote_cues", [(*q.cue.span, "CUE") for q in quotes if q.cue])
        set_span_group(doc, "quote_speakers", [(*q.speaker.span, "SPEAKER") for q in quotes if q.speaker])


def find_attributions(doc: Doc, component: QuotesComponent) -> tuple[list[Attribution], list[QuotedPassage]]:
    """The rules' attributions in the body of ``doc`` (see ``attribution``), with the body's
    quotations."""
    lo, hi = body_bounds(doc)
    passages = find_quoted_passages(doc_text(doc), lo, hi)
    quoted = quoted_mask(doc_text(doc), passages)
    sents = list(body_sents(doc))
    markup = markup_spans(doc_text(doc), lo, hi)
    context = SpeakerContext((lo, hi), markup, component.lexicon.named_in_clause)
    found = verb_attributions(doc, sents, component.lexicon, quoted) + phrase_attributions(doc, sents, component.lexicon, quoted)
    found = _outside_markup(found, markup)
    for attribution in found:
        attribution.decide(context)
    attach_passages(doc, found, passages, component.lexicon)
    found += speaker_label_attributions(doc, (lo, hi), component.lexicon)
    found += title_attributions(doc, (lo, hi), component.lexicon, [a.cue for a in found if a.cue])
    signed = dash_attributions(doc, passages, component.lexicon.confidence["colon"])
    claimed = {id(p) for a in found for p in a.passages}
    found += [a for a in signed if id(a.passages[0]) not in claimed]
    for attribution in found:
        if attribution.decision is None:
            attribution.decide(context)
    found = _named_in_clause(doc, _dedupe([_clip(a, lo, hi, doc_text(doc)) for a in found]), component.lexicon.named_in_clause)
    found = _without_nested_speakerless(_without_attribution_content(found))
    if component.floating:
        floating = floating_passages(doc, found, passages, component.lexicon.confidence["clause"] * FLOATING_FACTOR)
        for attribution in floating:
            attribution.decide(context)
        found += floating
    return found, passages


def _without_nested_speakerless(attributions: list[Attribution]) -> list[Attribution]:
    """Drop an indirect attribution whose cue lies inside another one's content and has no
    subject of its own: "Ukraine said it would abandon a bid to join NATO and [declare] itself
    neutral" is Ukraine's statement, not a second one by nobody, and in "Officials said Russia
    pulled back after [announcing] it would ..." the nested cue's speaker is only borrowed from
    the clause (PolNeAR train-250: a speakerless cue there is gold 12 times in 71). A quotation
    keeps its own quote."""
    pieces = [(start, end, index) for index, a in enumerate(attributions) for start, end in a.content]
    return [
        a
        for index, a in enumerate(attributions)
        if (a.source is not None and not a.borrowed_speaker)
        or a.cue is None
        or a.passages
        or not any(start <= a.cue[0] and a.cue[1] <= end for start, end, owner in pieces if owner != index)
    ]


def _without_attribution_content(attributions: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose content is another one's speaker and cue: in "Ingrid
    Halvorsen, a spokeswoman, said she could neither confirm nor deny that ..." a misparse
    hangs "said" below "confirm", which would make "Ingrid Halvorsen ..., said" reported."""
    def overlap(pieces: list[tuple[int, int]], span: tuple[int, int]) -> int:
        return sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in pieces)

    kept = []
    for attribution in attributions:
        total = sum(e - s for s, e in attribution.content)
        if not total or attribution.passages:
            kept.append(attribution)  # kept whatever the others are
            continue
        # a cue outside the content's extent cannot overlap it
        lo, hi = min(s for s, _ in attribution.content), max(e for _, e in attribution.content)
        others = [
            a
            for a in attributions
            if a is not attribution
            and a.cue is not None
            and a.cue[0] < hi
            and lo < a.cue[1]
            and overlap(attribution.content, a.cue)
            and a.content
            and not any(overlap(attribution.content, piece) for piece in a.content)
        ]
        said = sum(
            overlap(attribution.content, a.cue) + (overlap(attribution.content, (a.source.start_char, a.source.end_char)) if a.source is not None else 0)
            for a in others
            if a.cue is not None  # all of them: others are chosen with a cue
        )
        if others and said >= 0.6 * total:
            continue
        kept.append(attribution)
    return kept


def _outside_markup(attributions: list[Attribution], markup: list[tuple[int, int]]) -> list[Attribution]:
    """No cue inside a markup tag left in the text: the "tweet" of ``<tweet author="X">`` is
    no word of the article (nor is its "author" a speaker: ``speakers.decide_speaker``)."""
    if not markup:
        return attributions
    return [a for a in attributions if a.cue is None or not inside(a.cue[0], markup)]


def _clip(attribution: Attribution, lo: int, hi: int, text: str) -> Attribution:
    """The attribution's content inside the body, without a dateline ("NIKOPOL, Ukraine —")."""
    pieces = [(max(s, lo), min(e, hi)) for s, e in attribution.content if min(e, hi) > max(s, lo)]
    attribution.content = [piece for s, e in pieces for piece in without_datelines(text, s, e)]
    if attribution.cue is not None and not (lo <= attribution.cue[0] and attribution.cue[1] <= hi):
        attribution.cue = None  # a sentence that runs over the edge of the body
    return attribution


def _named_in_clause(doc: Doc, attributions: list[Attribution], pattern: Optional[re.Pattern]) -> list[Attribution]:
    """The verb of a clause naming a speaker ("a resident who asked to be identified as Lila")
    is no cue (the speaker itself is widened to the phrase by ``speakers.decide_speaker``)."""
    if pattern is None:
        return attributions
    kept = []
    for attribution in attributions:
        cue = doc.char_span(*attribution.cue, alignment_mode="expand") if attribution.cue else None
        if cue is not None and len(cue) and naming_clause(cue, pattern) is not None:
            continue
        kept.append(attribution)
    return kept


def _dedupe(attributions: list[Attribution]) -> list[Attribution]:
    """Drop attributions without content and keep one of any with the same content."""
    best: dict[tuple, Attribution] = {}
    for attribution in attributions:
        if not attribution.content:
            continue
        key = tuple(attribution.content)
        if key not in best or attribution.confidence > best[key].confidence:
            best[key] = attribution
    return list(best.values())


def speaker_resolver(doc: Doc, passages: list[QuotedPassage], lexicon: CueLexicon) -> SpeakerResolver:
    """The resolver of canonical speaker names for ``doc``, with the lexicon's organisation
    words and naming-clause pattern: the one every quotes component uses."""
    return SpeakerResolver(doc, body_bounds(doc), quoted_mask(doc_text(doc), passages), lexicon)


def extract_quotes(doc: Doc, component: QuotesComponent) -> list[Quote]:
    """Quote records for ``doc``: rules, then speaker resolution in text order."""
    attributions, passages = find_attributions(doc, component)
    resolver = speaker_resolver(doc, passages, component.lexicon)
    speakers: dict[int, Speaker] = {}
    quotes = []
    for attribution in sorted(attributions, key=lambda a: a.start):
        confidence = attribution.confidence
        if attribution.inherits is not None:
            speaker = speakers.get(id(attribution.inherits))
            confidence = min(confidence, attribution.inherits.confidence * FLOATING_FACTOR)
        elif attribution.source is not None:
            speaker = resolver.resolve(attribution.source)
        else:
            speaker = None
        if speaker is not None:
            speakers[id(attribution)] = speaker
            confidence *= speaker.confidence
        kind = quote_type(attribution.content, passages)
        if kind == "direct" and attribution.cue is not None:
            confidence += 0.1
        if any(not p.closed for p in attribution.passages):
            confidence *= UNCLOSED_FACTOR
        source = attribution.source
        quotes.append(
            make_quote(
                doc_text(doc),
                attribution.content,
                kind,
                cue=attribution.cue,
                speaker=(source.start_char, source.end_char) if source is not None else None,
                speaker_name=speaker.name if speaker else None,
                speaker_role=speaker.role if speaker else None,
                confidence=confidence,
            )
        )
    return number_quotes(quotes)


@Language.factory("conflict_quotes", assigns=["doc._.quotes", "doc.spans"], requires=["token.dep", "token.lemma", "doc.ents", "doc.sents"], default_config={"min_confidence": 0.0, "cues": None, "floating": True})
def make_quotes_component(nlp: Language, name: str, min_confidence: float, cues: Optional[str], floating: bool) -> QuotesComponent:
    """The rule-based quotes component; ``cues`` is a path to a cue lexicon replacing the
    packaged ``data/quote_cues.toml``."""
    return QuotesComponent(nlp, name, min_confidence=min_confidence, cues=cues, floating=floating)
