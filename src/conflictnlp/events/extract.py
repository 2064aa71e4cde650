"""Incidents in one article, from the trigger words and what the other components found.

A sentence with a trigger (``data/events.toml``) is a candidate event: its type from the
trigger (and, where the lexicon says so, from the kinds of the actors), its actors from the
sentence's actor mentions and their syntactic roles, its place and day from the sentence's
locations and dates, its figures from the sentence's casualty counts. Candidates that agree on
place and day fold into one event (a headline and the lead restating it); a sentence with a
toll and no trigger adds its figures to the event before it ("No one was killed, the mayor
said.").

Each of these facts is decided in a module of its own (candidates, mentions, sides, roles,
event_types, places, dates, tolls, actors, fold; docs/events.md lists what each decides); this
one holds ``EventExtractor``, which reads the Doc once and calls them in order.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..extensions import body_bounds, doc_text, sentence_bounds
from ..model import Article, Event, EventActor, EventActors, TextSpan
from .actors import _victims_of
from .candidate import Candidate, _token_char_bounds
from .candidates import EventCandidates, _outside_dates
from .clauses import recent_since
from .context import inside, quoted_phrases
from .dates import _date_from_neighbours, _granularity, _is_day_or_date
from .fold import _fold
from .lexicon import EventLexicon, Matchers, Trigger
from .tolls import _claims_in, _figures, _lethal_intervention, _toll

_ITEM_MARKERS = frozenset({"-", "*", "•", "–", "—"})


def _list_item_bounds(doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds with every incident-list item a sentence of its own: a line that opens
    with a list marker ("- Rutshuru: M23 rebels established positions ...", "2. Djibo: ...") ends
    the sentence before it, where the parser ran the two items into one."""
    text = doc_text(doc)
    if "\n" not in text:
        return bounds
    token_starts, _ = _token_char_bounds(doc)
    starts = []
    for line in re.finditer(r"\n[ \t]*(?=\S)", text):  # the first token of each line, not every token
        i = bisect_right(token_starts, line.end()) - 1
        if 0 < i < len(doc) and token_starts[i] == line.end() and (
                doc[i].text in _ITEM_MARKERS or doc[i].like_num and i + 1 < len(doc) and doc[i + 1].text in (".", ")")):
            starts.append(i)
    if not starts:
        return bounds
    out = list(bounds)
    for cut in starts:
        lo, hi = out[cut]
        if lo < cut:
            out[lo:cut] = [(lo, cut)] * (cut - lo)
            out[cut:hi] = [(cut, hi)] * (hi - cut)
    return out


class EventExtractor(EventCandidates):
    """Finds the events of a processed Doc; one instance per pipeline."""

    def __init__(self, lexicon: EventLexicon, trigger_matcher: Matchers, actor_matcher: Matchers):
        self.lexicon = lexicon
        self.trigger_matcher = trigger_matcher
        self.actor_matcher = actor_matcher
        self.by_rank = {t.rank: t for t in lexicon.triggers}
        self._actor_words = frozenset(w.lower() for a in lexicon.actors if not a.named for w in a.words)
        self._victim_words = frozenset(w.lower() for a in lexicon.actors if a.kind == "civilians" and not a.named for w in a.words)
        self._generic_names = frozenset(a.name for a in lexicon.actors if not a.named)
        self._actor_places: set[str] = set()  # location ids that name an actor, not a place

    def __call__(self, doc: Doc, article: Article) -> list[Event]:
        lo, hi = body_bounds(doc)
        starts, ends = _token_char_bounds(doc)
        # words in quotation marks inside reported speech are the speaker's ("its forces had hit
        # “a legitimate military target”"): no trigger and no actor of their own
        self._quoted = quoted_phrases(doc_text(doc), article.quotes)
        triggers = [t for t in _outside_dates(doc, article, self._triggers(doc)) if not inside(self._quoted, starts[t[1]], ends[t[2] - 1])]
        if not triggers:
            return []
        self._trigger_tokens = {i for _, start, end in triggers for i in range(start, end)}
        # a trigger word that names a kind of unit ("Russian assault units") reports nothing
        self._unit_triggers = {start for _, start, end in triggers if end - start == 1 and doc[start].lower_ in self.lexicon.unit_words
                               and doc[start].dep_ == "compound" and doc[start].head.pos_ == "NOUN"}
        # nothing outside the body is an actor, even where the parser joins a headline line to it
        mentions = [m for m in self._mentions(doc, article) if lo <= doc[m.start].idx and doc[m.end - 1].idx < hi
                    and not inside(self._quoted, starts[m.start], ends[m.end - 1])]
        mentions = self._with_accused(doc, article, mentions)
        mentions = self._country_subjects(doc, article, mentions)
        armed_roots = {doc[m.start : m.end].root.i for m in mentions if m.kind in self.lexicon.armed}
        dropped = {start for start in self._unit_triggers if doc[start].head.i in armed_roots}
        if dropped:
            triggers = [t for t in triggers if t[1] not in dropped]
            self._trigger_tokens = {i for _, start, end in triggers for i in range(start, end)}
            if not triggers:
                return []
        self._all_mentions = mentions
        self._quantities = article.quantities
        self._doc_starts, self._doc_ends = starts, ends
        bounds = self._bounds = _list_item_bounds(doc, sentence_bounds(doc))
        self._recent = recent_since(doc, article.dates, article.published, self.lexicon.recent_days)
        self._armed_named = any(m.kind in self.lexicon.armed for m in mentions + self._speakers)
        self._days = tuple(max(0, bisect_right(starts, d.span[0]) - 1) for d in article.dates
                           if _is_day_or_date(d) and _granularity(d.value or "") == "day")
        by_sentence: dict[tuple[int, int], list[tuple[Trigger, int, int]]] = {}
        for trigger, start, end in triggers:
            if lo <= doc[start].idx < hi:
                by_sentence.setdefault(bounds[start], []).append((trigger, start, end))
        candidates = []
        for sent_bounds in sorted(by_sentence):
            candidates.extend(self._sentence_candidates(doc, article, sent_bounds, by_sentence[sent_bounds], mentions))
        if not candidates:
            return []
        self._attach_blame(doc, candidates, mentions, bounds)
        self._date_from_lead(doc, article, candidates)  # before the tolls: a toll of the lead's day is this event's
        self._attach_tolls(doc, article, candidates, lo, hi)
        return self._events(doc, article, self._placed_by_line(_fold(self._recent_only(article, candidates))))

    def _events(self, doc: Doc, article: Article, candidates: list[Candidate]) -> list[Event]:
        text = doc_text(doc)
        starts, ends = _token_char_bounds(doc)
        events = []
        _date_from_neighbours(candidates)
        for number, candidate in enumerate(candidates, 1):
            if candidate.retarget and (candidate.type, candidate.sub_type) in candidate.trigger.by_target.values():
                self._retype(candidate)  # an attack whose victims the next sentence names as soldiers is a battle
            claims = _claims_in(article.claims, [(starts[s], ends[e - 1]) for s, e in candidate.sentences])
            ts, te = starts[candidate.trigger_span[0]], ends[candidate.trigger_span[1] - 1]
            figures = _figures(candidate.quantities, article)
            sides = self._sides(candidate)
            fatalities = _toll(figures, "killed", candidate.additive, sides, candidate.partitive)
            if fatalities.best is None:
                fatalities = self._no_toll(doc, candidate, candidates)
            _lethal_intervention(candidate, fatalities)
            date_start, date_end, date_prec = self._dates_of(doc, article, candidate)
            victims = _victims_of(candidate, self._victim_words)
            if victims is not None and candidate.type == "protests":  # "police kill 3 in protests": the 3 protested
                victims = EventActor(text=victims.text, span=victims.span, name="Protesters", kind="protesters")
            actors = self._distinct(EventActors(
                perpetrator=self._actor(doc, article, candidate.perpetrator, candidate),
                target=self._actor(doc, article, candidate.target, candidate) or victims,
            ), candidate)
            events.append(Event(
                id=f"e{number}",
                type=candidate.type,
                sub_type=candidate.sub_type,
                violence=self._violence(candidate, actors),
                trigger=TextSpan(text[ts:te], (ts, te)),
                actors=actors,
                location=candidate.location.id if candidate.location else None,
                where_prec=candidate.where_prec,
                date=candidate.date.id if candidate.date else None,
                date_start=date_start,
                date_end=date_end,
                date_prec=date_prec,
                fatalities=fatalities,
                wounded=_toll(figures, "wounded", candidate.additive, sides, candidate.partitive),
                figures=figures,
                claims=[c.id for c in claims],
            ))
        return events
