"""Building ``Quote`` records from spans: shared by the rules and by trained models.

Whatever finds the spans (the rules in ``attribution``, or a trained tagger), the record is
made the same way: ``quote_type`` from the quotation marks, ``make_quote`` for one record,
``number_quotes`` for the ids "q1", "q2", ... in text order, and ``speakers.SpeakerResolver`` for
canonical names and roles.
"""

from __future__ import annotations

from typing import Optional

from ..model import MultiSpan, Quote, QuoteType, TextSpan
from .marks import QuotedPassage

Offsets = tuple[int, int]


def quote_type(content: list[Offsets], passages: list[QuotedPassage]) -> QuoteType:
    """direct: all of the content is inside quotation marks; mixed: part of it is; indirect:
    none of it."""
    inner = [piece for passage in passages for piece in passage.pieces]

    def quoted_chars(start: int, end: int) -> int:
        return sum(max(0, min(end, e) - max(start, s)) for s, e in inner)

    total = sum(e - s for s, e in content)
    quoted = sum(quoted_chars(s, e) for s, e in content)
    if total and quoted >= 0.9 * total:
        return "direct"
    return "mixed" if quoted else "indirect"


def make_quote(
    text: str,
    content: list[Offsets],
    type: QuoteType,
    *,
    cue: Optional[Offsets] = None,
    speaker: Optional[Offsets] = None,
    speaker_name: Optional[str] = None,
    speaker_role: Optional[str] = None,
    confidence: float = 0.0,
    id: str = "",
) -> Quote:
    """A ``Quote`` whose texts are cut from ``text`` at the given offsets."""
    return Quote(
        id=id,
        type=type,
        content=MultiSpan(text=" ".join(text[s:e] for s, e in content), spans=[(s, e) for s, e in content]),
        cue=TextSpan(text=text[cue[0] : cue[1]], span=(cue[0], cue[1])) if cue else None,
        speaker=TextSpan(text=text[speaker[0] : speaker[1]], span=(speaker[0], speaker[1])) if speaker else None,
        speaker_name=speaker_name,
        speaker_role=speaker_role,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )


def number_quotes(quotes: list[Quote]) -> list[Quote]:
    """Quotes sorted by their first content span, with ids q1, q2, ..., and their nesting
    (``nest_quotes``)."""
    ordered = sorted(quotes, key=lambda q: (q.content.spans[0][0], q.content.spans[0][1]))
    for index, quote in enumerate(ordered, start=1):
        quote.id = f"q{index}"
    return nest_quotes(ordered)


def source_name(quote: Quote) -> Optional[str]:
    """How a quote's speaker is named as a source: the canonical name, else the role ("a
    Western official"), else the mention as written; None when the quote has no speaker."""
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker_role:
        return quote.speaker_role
    return quote.speaker.text if quote.speaker is not None else None


def nest_quotes(quotes: list[Quote]) -> list[Quote]:
    """Set ``nested_in`` and ``via`` of reports nested in another's content: "France 24
    reported that [Russia's Defence Ministry said [X]]" makes the ministry's quote nested in
    France 24's, via ["France 24"]. A quote is nested in the quote with the shortest content
    that holds its cue (or, without a cue, its speaker)."""

    def length(quote: Quote) -> int:
        return sum(e - s for s, e in quote.content.spans)

    by_id = {quote.id: quote for quote in quotes}
    for quote in quotes:
        anchor = quote.cue.span if quote.cue else quote.speaker.span if quote.speaker else None
        quote.nested_in, quote.via = None, []
        if anchor is None:
            continue
        holders = [
            other
            for other in quotes
            if other is not quote and any(s <= anchor[0] and anchor[1] <= e for s, e in other.content.spans)
        ]
        if holders:
            quote.nested_in = min(holders, key=length).id
    for quote in quotes:
        # two reports whose cues lie in each other's content (a misparse) nest in neither
        outer = by_id.get(quote.nested_in) if quote.nested_in else None
        if outer is not None and outer.nested_in == quote.id:
            (quote if length(quote) >= length(outer) else outer).nested_in = None
    for quote in quotes:
        chain: list[str] = []
        seen, outer_id = {quote.id}, quote.nested_in
        while outer_id is not None and outer_id not in seen:
            seen.add(outer_id)
            name = source_name(by_id[outer_id])
            if name and (not chain or chain[-1] != name):
                chain.append(name)
            outer_id = by_id[outer_id].nested_in
        while chain and chain[0] == source_name(quote):
            chain.pop(0)  # "X said [X could neither confirm nor deny ...]": not via X itself
        quote.via = chain[::-1]
    return quotes
