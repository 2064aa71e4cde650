"""The ``conflict_dates`` component: temporal expressions in the body with TimeML values."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import STORE_KEY, doc_text, set_span_group
from ..model import DateMention
from .detect import Candidate, Detector, clause_tense
from .lexicon import load_lexicon
from .normalise import VAGUE_VALUES, Context, Normaliser, Timex

# parts of speech a piece of a candidate neither starts nor ends with
_NO_EDGE = ("ADP", "CCONJ", "PUNCT", "SYM")
_CALENDAR_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLOCK_AND_DAY = re.compile(r"\d(?:[:.]\d\d| ?[ap]\.?m\b).*\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
# a clock time and nothing else ("10 a.m.", "at 14:30 GMT"): the normaliser gives it the publication day
_BARE_CLOCK = re.compile(r"^(?:at |around |about |by |until |from |after |before )?\d{1,2}(?:[:.]\d\d)? ?(?:[ap]\.? ?m\b\.?|hrs\b|h\b)?(?: ?\(?[a-z]{2,5}\)?)?$", re.I)
_NUMBER = r"(?:\d+(?:\.\d+)?|[a-z]+(?:[ -][a-z]+)?)"
_COORDINATED = re.compile(
    rf"^(?P<first>{_NUMBER}) (?:and|or) (?P<second>{_NUMBER}) (?P<unit>[a-z]+)$", re.I
)
MAX_UPDATE_DAYS = 7  # an "Updated" line further from publication is a new article's date
DEFAULT_CONFIG = {"vague_references": False, "future_window_days": 60}


def parse_anchor(published: Optional[str]) -> Optional[date]:
    """The anchor date of an ISO publication date or timestamp (None if missing or invalid)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class DatesComponent(ConflictComponent):
    """Fills ``doc._.dates`` (ids d1, d2 ... in text order) and ``doc.spans["conflict_dates"]``.

    vague_references: also emit "now", "recently", "soon" ... as PRESENT_REF / PAST_REF /
        FUTURE_REF (TimeML annotates them; news readers rarely want them as dates).
    future_window_days: a month and day named without a year ("Dec. 15") is the most recent
        such date unless the clause is in the future tense or the next one is at most this
        many days after publication.
    """

    span_groups = ("conflict_dates",)

    def __init__(self, nlp: Language, name: str, vague_references: bool, future_window_days: int):
        super().__init__(nlp, name)
        self.lexicon = lexicon = load_lexicon()
        self.vague_references = vague_references
        self.detector = Detector(lexicon, vague_references)
        self.normaliser = Normaliser(lexicon, future_window_days)

    def process(self, doc: Doc) -> None:
        context = Context(anchor=parse_anchor(doc._.published), latest=self._update_day(doc))
        title = doc._.title
        at = doc_text(doc).find(title) if title else -1
        self._headline = (at, at + len(title)) if at >= 0 else None
        found: list[tuple[Candidate, Timex]] = []
        for group in self.detector(doc):
            found.extend(self._resolve_group(doc, group, context))
        found = self._clocks_on_their_day(doc, found, context)
        mentions = [
            DateMention(
                id=f"d{number}",
                text=doc_text(doc)[candidate.start : candidate.end],
                span=(candidate.start, candidate.end),
                type=timex.type,
                value=timex.value,
                granularity=timex.granularity,
            )
            for number, (candidate, timex) in enumerate(found, start=1)
        ]
        doc._.dates = mentions
        set_span_group(doc, "dates", [(c.start, c.end, t.type) for c, t in found])

    @staticmethod
    def _clocks_on_their_day(doc: Doc, found: list[tuple[Candidate, Timex]], context: Context) -> list[tuple[Candidate, Timex]]:
        """A bare clock time ("10 a.m.") on the day its sentence names ("The depot was hit on
        Sunday. ... at 10 a.m."), the nearest before it in the sentence, else after it; the
        publication day only where the sentence names none."""
        if context.anchor is None:
            return found
        days = [(c, t) for c, t in found if t.type == "DATE" and t.value and t.granularity == "day" and _CALENDAR_DAY.match(t.value)]
        if not days:
            return found
        text = doc_text(doc)
        result = []
        for candidate, timex in found:
            if timex.type == "TIME" and timex.value and timex.value.startswith(context.anchor.isoformat()) and _BARE_CLOCK.match(text[candidate.start : candidate.end]):
                span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
                sentence = span.sent if span is not None else None
                inside = [(c, t) for c, t in days if sentence is not None and sentence.start_char <= c.start < sentence.end_char]
                before = [d for d in inside if d[0].start < candidate.start]
                chosen = before[-1] if before else (inside[0] if inside else None)
                if chosen is not None:
                    day_value = chosen[1].value
                    assert day_value is not None  # every one of days has a value
                    timex = Timex(timex.type, day_value[:10] + timex.value[10:], timex.granularity)
            result.append((candidate, timex))
        return result

    def _counted_per_unit(self, span) -> bool:
        """ "twice [a year]", "three times [a week]": a frequency, TimeML SET on "a year"."""
        return (span[0].lower_ in ("a", "an", "per", "every", "each") and span.start > 0
                and span.doc[span.start - 1].lower_ in self.lexicon.frequency_counts)

    @staticmethod
    def _update_day(doc: Doc) -> Optional[date]:
        """The day the article says it was updated, when that is after its publication."""
        updated = parse_anchor(doc.user_data.get(STORE_KEY, {}).get("updated"))
        published = parse_anchor(doc._.published)
        if updated is None or published is None or not 0 < (updated - published).days <= MAX_UPDATE_DAYS:
            return None
        return updated

    def _coordinated(self, doc: Doc, candidate: Candidate, context: Context) -> Optional[list[tuple[Candidate, Timex]]]:
        """ "12 and 18 months", "two or three weeks": two durations sharing the unit, the first
        number read with the second's unit (TimeML: "12" P12M, "18 months" P18M)."""
        text = doc_text(doc)[candidate.start : candidate.end]
        match = _COORDINATED.match(text)
        if match is None:
            return None
        second = Candidate(candidate.start + match.start("second"), candidate.end)
        second_timex = self._normalise(doc, second, context)
        if second_timex is None or second_timex.type != "DURATION":
            return None
        unit_word = text[match.start("unit") :]
        first_timex = self.normaliser(f"{match['first']} {unit_word}", context)
        if first_timex is None or first_timex.type != "DURATION":
            return None
        first = Candidate(candidate.start + match.start("first"), candidate.start + match.end("first"))
        return [(first, first_timex), (second, second_timex)]

    def _resolve_group(self, doc: Doc, group: list[Candidate], context: Context) -> list[tuple[Candidate, Timex]]:
        """One expression for the whole group if it reads as one, else one per piece."""
        if len(group) == 1 and (pair := self._coordinated(doc, group[0], context)) is not None:
            return pair
        if len(group) > 1:
            whole = Candidate(group[0].start, group[-1].end)
            timex = self._normalise(doc, whole, context)
            if timex is not None:
                return [(whole, timex)]
        resolved = []
        for candidate in group:
            timex = self._normalise(doc, candidate, context)
            if timex is not None:
                resolved.append((candidate, timex))
            else:
                resolved.extend(self._pieces(doc, candidate, context))
        return resolved

    def _pieces(self, doc: Doc, candidate: Candidate, context: Context) -> list[tuple[Candidate, Timex]]:
        """The longest readable runs of tokens in a candidate that does not read as a whole:
        "[the third quarter] ended [Sept. 30]", "between [1985] and [1987]"."""
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        pieces = []
        start = 0
        while start < len(tokens):
            if tokens[start].pos_ in _NO_EDGE:
                start += 1
                continue
            for end in range(len(tokens), start, -1):
                if end - start == len(tokens) or tokens[end - 1].pos_ in _NO_EDGE:
                    continue  # the whole candidate, already tried; or a piece ending in "-", "and"
                piece = Candidate(tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1].text))
                timex = self._normalise(doc, piece, context)
                if timex is not None:
                    pieces.append((piece, timex))
                    start = end
                    break
            else:
                start += 1
        return pieces

    def _normalise(self, doc: Doc, candidate: Candidate, context: Context) -> Optional[Timex]:
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        context.tense = clause_tense(span, self.lexicon) if span is not None else None
        if context.tense == "scheduled":
            # "the ultimatum expires at 15:00 GMT Saturday": a schedule, so the coming day; a
            # headline's present is the past ("Militia kills 12 Saturday")
            headline = self._headline is not None and self._headline[0] <= candidate.start < self._headline[1]
            context.tense = "present" if headline else "future"
        elif context.tense == "present" and _CLOCK_AND_DAY.search(doc_text(doc)[candidate.start : candidate.end]):
            # "the deadline is 15:00 GMT Saturday": a clock time on a weekday in the present is a schedule
            headline = self._headline is not None and self._headline[0] <= candidate.start < self._headline[1]
            context.tense = "present" if headline else "future"
        timex = self.normaliser(doc_text(doc)[candidate.start : candidate.end], context)
        if timex is None or (timex.value in VAGUE_VALUES and not self.vague_references):
            return None
        if timex.type == "DURATION" and span is not None and self._counted_per_unit(span):
            timex = Timex("SET", timex.value, timex.granularity)
        if timex.value and timex.type in ("DATE", "TIME") and _CALENDAR_DAY.match(timex.value):
            context.reference_day = date.fromisoformat(timex.value[:10])
        if timex.granularity == "quarter" and timex.type == "DATE" and timex.value:
            context.reference_quarter = timex.value
        return timex


@Language.factory("conflict_dates", assigns=["doc._.dates", "doc.spans"], requires=["doc.ents", "token.pos", "token.tag", "doc.sents"], default_config=DEFAULT_CONFIG)
def make_dates_component(nlp: Language, name: str, vague_references: bool, future_window_days: int) -> DatesComponent:
    """spaCy factory of :class:`DatesComponent`."""
    return DatesComponent(nlp, name, vague_references, future_window_days)
