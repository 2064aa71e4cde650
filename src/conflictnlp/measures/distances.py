"""Distances: length measures in metres, restatements merged, reference and subject from the parse.

"the facility in Belgorod – some 22 miles from the Ukrainian border –" gives one distance of
22 miles (35405.6 m, approximate) whose reference is "the Ukrainian border" and whose subject
(what it locates) is "the facility in Belgorod". "about 25 kilometers (16 miles)" is one
distance of 25 km with the 16 miles as a restatement in ``also``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..extensions import add_error, doc_text, in_body, token_offsets
from ..model import MeasureRestatement, TextSpan
from .quantities import Measure
from .units import MeasureData

CLOSERS = {"(": ")", "[": "]"}
PARENTHETICAL_OPENERS = {"–", "—", "-", "--", ",", "("}
NOUNS = ("NOUN", "PROPN")
MAX_MANNER_WORDS = 1


@dataclass
class DistanceMention:
    """A length measure with its restatements, reference and subject (before ids are given)."""

    measure: Measure
    start: int
    end: int
    metres: float
    also: list[MeasureRestatement] = field(default_factory=list)
    reference: Optional[TextSpan] = None
    subject: Optional[TextSpan] = None


def _first_token_at(doc: Doc, char: int) -> Optional[Token]:
    """The first token starting at or after ``char``."""
    starts, _ = token_offsets(doc)
    i = bisect_left(starts, char)
    return doc[i] if i < len(doc) else None


def _last_token_before(doc: Doc, char: int) -> Optional[Token]:
    """The last token ending at or before ``char``."""
    _, ends = token_offsets(doc)
    i = bisect_right(ends, char)
    return doc[i - 1] if i > 0 else None


def _text_span(doc: Doc, first: Token, last: Token) -> TextSpan:
    start, end = first.idx, last.idx + len(last.text)
    return TextSpan(text=doc_text(doc)[start:end], span=(start, end))


def _noun_phrase(doc: Doc, noun: Token, floor: int) -> tuple[Token, Token]:
    """First and last token of the phrase a noun heads, with "of" attachments ("the city of X")."""
    first = doc[max(noun.left_edge.i, floor)]
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == last.i + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                last = _noun_phrase(doc, objects[0], child.i + 1)[1]
    return first, last


def _restatement(doc: Doc, measure: Measure, following: Optional[Measure], data: MeasureData) -> Optional[int]:
    """End offset (after the closing bracket) where ``following`` restates ``measure`` in brackets."""
    if following is None or following.kind != "length":
        return None
    between = doc_text(doc)[measure.end : following.start].strip()
    if between not in data.restatement_open:
        return None
    rest = doc_text(doc)[following.end :]
    closer = CLOSERS.get(between, ")")
    stripped = rest.lstrip()
    if not stripped.startswith(closer):
        return None
    return following.end + (len(rest) - len(stripped)) + 1


def reference_of(doc: Doc, measure_start: int, end: int, data: MeasureData) -> Optional[TextSpan]:
    """The place a distance is measured from: "22 miles from |the Ukrainian border|"."""
    token = _first_token_at(doc, end)
    if token is None:
        return None
    sent_end = token.sent.end
    directed = False
    while token.i < sent_end and token.lower_ in data.direction_words:
        directed = True
        if token.i + 1 >= sent_end:
            return None
        token = doc[token.i + 1]
    # "flew 25 miles undetected past the border", "5 km deeper into": a word or two saying how
    # the distance was covered stand between it and its reference
    manner = 0
    while (manner < MAX_MANNER_WORDS and token.i + 1 < sent_end and token.pos_ in ("ADJ", "ADV")
           and token.lower_ not in data.reference_prepositions and doc[token.i + 1].lower_ in data.reference_prepositions):
        manner += 1
        token = doc[token.i + 1]
    before = _last_token_before(doc, measure_start)
    within = before is not None and before.lower_ == "within"
    if token.lower_ == "of" and not (directed or within):
        return None
    if token.lower_ not in data.reference_prepositions:
        return None
    objects = [c for c in token.children if c.dep_ == "pobj" and c.pos_ in NOUNS + ("PRON",)]
    if objects:
        first, last = _noun_phrase(doc, objects[0], token.i + 1)
    else:
        chunk = next((c for c in doc.noun_chunks if c.start == token.i + 1), None)
        if chunk is None:
            return None
        first, last = chunk[0], chunk[-1]
    bearing = _bearing(doc, first, last, data)
    if bearing is not None:
        # "10 km to the north-east [of Bakhmut]": a compass bearing is no place; the place after it is
        if bearing <= last.i:
            return _text_span(doc, doc[bearing], last)
        of = last.i + 1
        return _of_object(doc, of, sent_end) if of + 1 < sent_end and doc[of].lower_ == "of" else None
    return _text_span(doc, first, last)


def _bearing(doc: Doc, first: Token, last: Token, data: MeasureData) -> Optional[int]:
    """Where the place after a compass bearing starts ("the north-east of [Bakhmut]": its token
    index), ``last.i + 1`` for a bearing alone ("the north-east"), None for no bearing."""
    directions = {w.replace("-", "") for w in data.direction_words}
    words = ""
    for token in doc[first.i : last.i + 1]:
        if token.lower_ == "of" and words in directions:
            return token.i + 1 if token.i < last.i else None
        if token.lower_ in ("the", "a") and not words:
            continue
        words += token.lower_.replace("-", "")
    return last.i + 1 if words in directions else None


def _of_object(doc: Doc, of: int, sent_end: int) -> Optional[TextSpan]:
    """The noun phrase after "of" at token ``of``: "to the north-east of [Bakhmut]"."""
    objects = [c for c in doc[of].children if c.dep_ == "pobj" and c.pos_ in NOUNS]
    if objects:
        first, last = _noun_phrase(doc, objects[0], of + 1)
        return _text_span(doc, first, last)
    chunk = next((c for c in doc.noun_chunks if c.start == of + 1 and c.end <= sent_end), None)
    return _text_span(doc, chunk[0], chunk[-1]) if chunk is not None else None


def _chunk_ending_at(doc: Doc, token: Token) -> Optional[Span]:
    for chunk in doc.noun_chunks:
        if chunk.end - 1 == token.i and chunk.root.pos_ in NOUNS and chunk.root.ent_type_ not in ("DATE", "TIME"):
            return chunk
    return None


def _phrase_before(doc: Doc, last: Token, data: MeasureData) -> Optional[tuple[Token, Token]]:
    """The noun phrase ending at ``last``, with the noun phrases it hangs from by a preposition:
    "the facility in Belgorod", "the facility on the outskirts of the city of Belgorod". The
    chain is read from the surface because the parser often attaches "in Belgorod" to the verb."""
    chunk = _chunk_ending_at(doc, last)
    if chunk is None:
        return None
    first = chunk[0]
    while first.i >= 2 and doc[first.i - 1].lower_ in data.subject_prepositions:
        outer = _chunk_ending_at(doc, doc[first.i - 2])
        if outer is None or outer.start < last.sent.start:
            break
        first = outer[0]
    return first, last


def subject_of(doc: Doc, measure: Measure, data: MeasureData) -> Optional[TextSpan]:
    """What a distance locates: the noun phrase it is set off from ("the facility in Belgorod –
    some 22 miles from ..."), else the subject of the verb it attaches to ("the armies are
    200 miles north of ...")."""
    before = _last_token_before(doc, measure.start)
    if before is not None and before.text in PARENTHETICAL_OPENERS and before.i > before.sent.start:
        phrase = _phrase_before(doc, doc[before.i - 1], data)
        if phrase is not None:
            return _text_span(doc, *phrase)
    if before is not None and before.pos_ in NOUNS and before.ent_type_ not in ("DATE", "TIME"):
        # "a warehouse 2 km outside the village": the distance follows the noun it locates
        phrase = _phrase_before(doc, before, data)
        if phrase is not None:
            return _text_span(doc, *phrase)
    span = doc.char_span(measure.start, measure.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    # "are 30 kilometres north of": up from the direction word to the verb
    while head.head.i != head.i and (
        head.dep_ in ("acomp", "xcomp", "advcl") or (head.pos_ in ("ADV", "ADP", "ADJ") and head.dep_ in ("advmod", "prep", "npadvmod"))
    ):
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and head.dep_ == "acl" and head.head.pos_ in NOUNS:
            subjects = [head.head]
        if subjects and subjects[0].pos_ in NOUNS:
            noun = subjects[0]
            first, last = _noun_phrase(doc, noun, noun.sent.start)
            return _text_span(doc, first, last)
    return None


def _within_body(doc: Doc, piece: Optional[TextSpan]) -> Optional[TextSpan]:
    """A reference or subject only where it lies inside the article body."""
    return piece if piece is not None and in_body(doc, *piece.span) else None


def build_distances(doc: Doc, measures: list[Measure], data: MeasureData) -> tuple[list[DistanceMention], list[Measure]]:
    """Split measures into distances (lengths, restatements merged) and the other quantities."""
    distances: list[DistanceMention] = []
    others: list[Measure] = []
    skip: set[int] = set()
    for index, measure in enumerate(measures):
        if index in skip:
            continue
        # a range ("eight to 10 feet") is no single distance: it stays a quantity with value_max
        if measure.kind != "length" or measure.unit is None or measure.value_max is not None:
            others.append(measure)
            continue
        metres = data.to_metres(measure.value, measure.unit)
        if metres is None:
            # never 0 m: a length in a unit pint cannot convert stays a quantity, with an error
            add_error(doc, f"measures: no conversion to metres for the length unit {measure.unit!r} "
                           f"of {doc_text(doc)[measure.start : measure.end]!r}; kept as a quantity, not a distance")
            others.append(measure)
            continue
        following = measures[index + 1] if index + 1 < len(measures) else None
        mention = DistanceMention(measure, measure.start, measure.end, metres)
        restated_end = _restatement(doc, measure, following, data)
        if restated_end is not None and following is not None:
            number_start = following.start
            mention.also.append(MeasureRestatement(value=following.value, unit=following.unit, span=(number_start, following.end)))
            mention.end = restated_end
            skip.add(index + 1)
        mention.reference = _within_body(doc, reference_of(doc, measure.start, mention.end, data))
        if mention.reference is not None:
            mention.subject = _within_body(doc, subject_of(doc, measure, data))
        distances.append(mention)
    return distances, others
