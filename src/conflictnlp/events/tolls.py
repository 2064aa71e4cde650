"""The event's fatalities and wounded: casualty counts attached to candidates, the figures and the toll chosen from them."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right

from spacy.tokens import Doc

from ..extensions import doc_text
from ..model import Article, Casualty, Claim, EventFigure, Quantity, Toll
from .candidate import Candidate, _token_char_bounds
from .clauses import clause_head
from .context import has_phrase
from .dates import _granularity, _is_day_or_date
from .event_types import EventTypes
from .fold import _same_day, _same_place


def _lethal_intervention(candidate: Candidate, fatalities: Toll) -> None:
    """A crowd broken up with deaths, told in another sentence than the tear gas ("Police fired
    rubber bullets and tear gas at garment workers ... One worker was killed"), is excessive
    force against protesters (ACLED), not an intervention."""
    if candidate.sub_type == "protest_with_intervention" and (fatalities.best or 0) > 0:
        candidate.sub_type = "excessive_force_against_protesters"


def _claims_in(claims: list[Claim], ranges: list[tuple[int, int]]) -> list[Claim]:
    return [c for c in claims if any(c.span[0] < e and s < c.span[1] for s, e in ranges)]


def _claim_of(claims: list[Claim], span: tuple[int, int]) -> Claim | None:
    """The narrowest claim that holds the span."""
    holding = [c for c in claims if c.span[0] <= span[0] and span[1] <= c.span[1]]
    return min(holding, key=lambda c: c.span[1] - c.span[0]) if holding else None


def _figures(quantities: list[Quantity], article: Article) -> list[EventFigure]:
    figures = []
    for quantity in quantities:
        claim = _claim_of(article.claims, quantity.span)
        figures.append(EventFigure(
            role=quantity.casualty.role if quantity.casualty else "killed",
            quantity=quantity.id,
            value=quantity.value,
            source=(claim.source if claim and claim.source else article.source),
            claim=claim.id if claim else None,
            stance=claim.stance if claim else "asserted",
        ))
    return figures


def _toll(figures: list[EventFigure], role: str, additive: set[str] = frozenset(),  # type: ignore[assignment]
          sides: dict[str, str] | None = None, partitive: set[str] = frozenset()) -> Toll:  # type: ignore[assignment]
    """One article's toll for ``role``: counts in one claim add up (soldiers and attackers),
    restatements and updates across claims give the range; best is the highest count that is
    not denied (a toll that rises through the article ends at its latest figure). Where every
    count names its side (``sides``) and they name more than one, each side's toll is read so
    and the sides add up: "the army said 31 attackers were killed, while residents said 9
    soldiers died" is 40, not 9 to 31. A count that picks from another ("one of the victims",
    ``partitive``) adds only a side no other count names ("six of the attackers")."""
    sides = sides or {}
    chosen = [f for f in figures if f.role == role]
    named = {sides.get(f.quantity) for f in chosen if f.quantity not in partitive}
    chosen = [f for f in chosen if f.quantity not in partitive or (sides.get(f.quantity) and sides[f.quantity] not in named)]
    if not chosen:
        return Toll()
    by_side: dict[str | None, list[EventFigure]] = {}
    for figure in chosen:
        by_side.setdefault(sides.get(figure.quantity), []).append(figure)
    if len(by_side) < 2 or None in by_side:
        return _claims_toll(chosen, additive)
    tolls = [_claims_toll(group, additive) for group in by_side.values()]
    return Toll(low=sum(t.low or 0 for t in tolls), best=sum(t.best or 0 for t in tolls), high=sum(t.high or 0 for t in tolls))


def _claims_toll(chosen: list[EventFigure], additive: set[str]) -> Toll:
    """The toll of counts of one side: counts in one claim add up, across claims the range."""
    standing = [f for f in chosen if f.stance != "denied"] or chosen
    added = sum(f.value for f in standing if f.quantity in additive)
    totals: dict[str | None, float] = {}
    for figure in standing:
        if figure.quantity in additive and len(standing) > 1:
            continue
        key = figure.claim or figure.quantity
        totals[key] = totals.get(key, 0.0) + figure.value
    if len(standing) > 1 and added:
        totals = {key: value + added for key, value in totals.items()} or {None: added}
    values = sorted(totals.values())
    return Toll(low=values[0], best=values[-1], high=values[-1])


class EventTolls(EventTypes):
    """Attaches casualty counts to candidates and reads the toll of each."""

    def _attach_tolls(self, doc: Doc, article: Article, candidates: list[Candidate], lo: int, hi: int) -> None:
        """Each casualty count goes to the event of its sentence, else to the event before it
        (the first event when it comes before all of them)."""
        bounds = self._bounds
        starts, _ = _token_char_bounds(doc)
        owned: dict[tuple[int, int], list[Candidate]] = {}
        for c in candidates:
            owned.setdefault((c.sentences[0][0], c.sentences[0][1]), []).append(c)
        firsts = [c.sentences[0][0] for c in candidates]
        by_object: dict[tuple[int, int], Candidate] = {}
        for quantity in sorted(article.quantities, key=lambda q: q.span[0]):
            quantity = self._killed_count(doc, quantity, starts)
            casualty = quantity.casualty
            if casualty is None or casualty.cumulative or not lo <= quantity.span[0] < hi:
                continue
            before = doc_text(doc)[max(lo, quantity.span[0] - 22) : quantity.span[0]].lower()
            if any(before.rstrip().endswith(word) for word in self.lexicon.part_words):
                continue  # part of a count already taken ("16 civilians, including three MSF staff")
            token = max(0, bisect_right(starts, quantity.span[0]) - 1)
            if self._background(doc, doc[token]) or self._background_antecedent(doc, doc[token]):
                continue  # "more than 1,000 civilians have been killed in the region since then"
            sent = bounds[token]
            # "one of the victims", or a part the casualty reading marked ("Two of the wounded were in critical condition")
            partitive = casualty.part or any(f" {w} " in f" {quantity.text.lower()} " for w in self.lexicon.partitive_words)
            here = owned.get(sent)
            # of two incidents in one sentence, the one whose clauses hold the count
            candidate = next((c for c in here if clause_head(doc[token]) in c.clauses), here[0]) if here else None
            if candidate is None:
                at = bisect_right(firsts, token) - 1
                # the toll of the thing its people were at ("two workers at the depot"), and so the
                # other counts of that sentence ("... but the company denied anyone was hurt")
                named = self._event_of_object(doc, token, candidates[: max(at, 0) + 1]) or by_object.get(sent)
                candidate = named or candidates[max(at, 0)]
                if named is not None:
                    by_object[sent] = named
                if self._elsewhere(doc, article, candidate, sent):
                    continue  # "The death toll from Saturday's strike on Dnipro has risen to 12" is not Kherson's
                if sent not in candidate.sentences:
                    candidate.sentences.append(sent)
            candidate.quantities.append(quantity)
            if partitive:
                candidate.partitive.add(quantity.id)  # "one of the victims": kept only where it counts a side anew
            if any(doc[i].lower_ in self.lexicon.additive_words for i in range(*sent)):
                candidate.additive.add(quantity.id)  # "Eight attackers were also killed": more dead, not a restatement

    def _killed_count(self, doc: Doc, quantity: Quantity, starts: list[int]) -> Quantity:
        """A count the casualty reading gives no role that a killing verb takes as its object or
        passive subject ("neutralised 13 ISWAP terrorists", "12 assailants were neutralised", "14
        assailants were put out of action") is a toll of the dead, for this event only."""
        if quantity.casualty is not None or quantity.kind != "count" or quantity.value <= 0:
            return quantity
        root = doc[max(0, bisect_right(starts, quantity.span[0]) - 1) : max(1, bisect_right(starts, quantity.span[1] - 1))].root
        verb = root.head
        if root.dep_ not in ("dobj", "nsubjpass"):
            return quantity
        phrase = " ".join(t.lower_ for t in doc[verb.i : verb.i + 4])
        if (verb.lower_ in self.lexicon.killing_verbs or verb.lemma_.lower() in self.lexicon.killing_verbs
                or any(phrase == p or phrase.startswith(p + " ") for p in self.lexicon.killing_phrases)):
            return dataclasses.replace(quantity, casualty=Casualty(role="killed", who=quantity.concept))
        return quantity

    def _event_of_object(self, doc: Doc, token: int, before: list[Candidate]) -> Candidate | None:
        """The event whose sentences name the thing a toll's people were at: "two workers at the
        depot were wounded" is the toll of the attack on the fuel depot, not of the event told
        just before it. None where the count names no such thing or no event names it."""
        count = doc[token]
        noun = count.head if count.dep_ in ("nummod", "quantmod") else count
        things = {t.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "inside", "near", "on")
                  for t in p.children if t.dep_ == "pobj" and t.pos_ == "NOUN"}
        if not things:
            return None
        for candidate in reversed(before):
            if any(doc[i].lemma_.lower() in things for s, e in candidate.sentences for i in range(s, e)):
                return candidate
        return None

    def _elsewhere(self, doc: Doc, article: Article, candidate: Candidate, sent: tuple[int, int]) -> bool:
        """A sentence with a toll and no event of its own names another place or another day
        than the event before it: the toll is of another incident."""
        lo, hi = doc[sent[0]].idx, doc[sent[1] - 1].idx + len(doc[sent[1] - 1])
        places = [loc for loc in article.locations if lo <= loc.span[0] < hi and not loc.adjectival]
        if candidate.location is not None and places and not any(_same_place(candidate.location, loc) for loc in places):
            return True
        text = doc_text(doc)
        days = [d for d in article.dates if lo <= d.span[0] < hi and _is_day_or_date(d) and _granularity(d.value or "") == "day"
                and not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words
                and not self._update_day(doc, d.span[0])]
        return candidate.date is not None and bool(days) and not any(_same_day(candidate.date, d) for d in days)

    def _update_day(self, doc: Doc, char: int) -> bool:
        """Whether the day says when a toll rose, not when its incident was ("The toll rose to 35
        dead on Saturday"; but "the toll from Saturday's strike" names the strike's day)."""
        token = doc[max(0, bisect_right(self._doc_starts, char) - 1)]
        if token.dep_ == "poss":
            return False
        verb = token.head if token.dep_ == "prep" else token.head.head if token.head.dep_ == "prep" else token.head
        return bool({verb.lemma_.lower(), verb.lower_} & self.lexicon.toll_update_verbs)

    def _sides(self, candidate: Candidate) -> dict[str, str]:
        """The side each count of the event counts, from the actor noun of its people ("31
        attackers": the armed group, "9 soldiers": the state's forces, "12 civilians": the victims);
        counts whose people the actor nouns do not name are left out."""
        sides = {}
        for quantity in candidate.quantities:
            who = (quantity.casualty.who or "").lower() if quantity.casualty else ""
            kind = self.lexicon.generic_kinds.get(who) or self.lexicon.generic_kinds.get(who.rsplit(" ", 1)[-1])
            side = self.lexicon.toll_sides.get(kind or "")
            if side:
                sides[quantity.id] = side
        return sides

    def _no_toll(self, doc: Doc, candidate: Candidate, candidates: list[Candidate]) -> Toll:
        """A toll of 0 where the report says nobody died in words the casualty reading has no
        count in ("no casualties reported", "the crew was unharmed"), in the event's sentences
        or the next one where that tells no event of its own; else nothing said."""
        bounds = self._bounds
        sentences = list(candidate.sentences)
        last = max(e for _, e in sentences)
        owned = {c.sentences[0] for c in candidates}
        if last < len(doc) and bounds[last] not in owned:
            sentences.append(bounds[last])
        for start, end in sentences:
            joined = " " + " ".join(t.lower_ for t in doc[start:end]) + " "
            if has_phrase(joined, self.lexicon.zero_toll_phrases):
                return Toll(low=0, best=0, high=0)
        return Toll()
