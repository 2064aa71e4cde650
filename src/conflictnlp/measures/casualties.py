"""Tolls: which counts of people were killed, wounded, abducted, detained, displaced ...

A count is a toll when a cue word says what happened to the people counted: after it
("12 killed", "Seven slain", "13 S.African soldiers dead"), before it ("kills at least 29",
"death toll rises to 40", "wounding three"), or as its counted noun ("52 martyrs", "40 deaths").
Counts joined to a toll ("killing 12 soldiers and three civilians", "2 FACA and 2 gendarmes
killed", "11 people, including four children") share its cue. A toll of nobody ("no
casualties", "nobody was hurt") is a count of zero. A count in a clause that sums many events
("across the country", "since the war began", "this year") is marked ``cumulative``.

The reading works on token forms in a window around each count, not on the parse, so that
headlines (title case, dropped articles and auxiliaries, wire slugs) read like report
sentences; en_core_web_sm parses them poorly. Every word list is in ``data/casualties.toml``.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Optional, cast

from spacy.attrs import ENT_TYPE, LIKE_NUM
from spacy.tokens import Doc, Span

from ..extensions import body_bounds, doc_text, per_doc, token_forms
from ..model import CasualtyBound, CasualtyRole
from .quantities import YEAR, Measure, _approximator, _overlaps, false_unit_spans, is_ordinal
from .toll_tree import TollTree
from .units import MeasureData

DATA_FILE = "casualties.toml"
Phrase = tuple[str, ...]
# what a phrase index gives with each phrase: a role, a (low, high) range or None
Payload = Any
# the longest run of words skipped between a count and its cue (who, auxiliaries, hedges)
MAX_STEPS = 6
# words of cue phrases too common to tell that a sentence may hold a toll ("the", "of" ...)
STOPWORDS = frozenset({"the", "of", "to", "a", "an", "in", "and", "their", "his", "her", "was", "were", "one", "body", "at", "for", "by", "up", "down", "out", "from", "is", "are", "has", "have", "been", "lives"})


@dataclass
class CasualtyReading:
    """What a Measure says happened to the people it counts (before it becomes a model.Casualty)."""

    role: CasualtyRole
    who: Optional[str]
    bound: Optional[CasualtyBound]
    low: Optional[float]
    high: Optional[float]
    cue: Optional[tuple[int, int]]
    cumulative: bool = False
    part: bool = False  # a part of a toll given beside it ("including five children")


def _phrases(items) -> list[Phrase]:
    return sorted({tuple(item.lower().split()) for item in items}, key=len, reverse=True)


def _by_first(pairs: list[tuple[Phrase, Payload]]) -> dict[str, tuple[tuple[Phrase, Payload], ...]]:
    index: dict[str, list] = {}
    for phrase, payload in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        index.setdefault(phrase[0], []).append((phrase, payload))
    return {word: tuple(found) for word, found in index.items()}


def _by_last(pairs: list[tuple[Phrase, Payload]]) -> dict[str, tuple[tuple[Phrase, Payload], ...]]:
    index: dict[str, list] = {}
    for phrase, payload in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        index.setdefault(phrase[-1], []).append((phrase, payload))
    return {word: tuple(found) for word, found in index.items()}


@dataclass(frozen=True)
class CasualtyData:
    """The contents of ``casualties.toml``, indexed for matching on token forms."""

    after: dict  # first word -> ((phrase, role), ...), longest first
    before: dict  # last word -> ((phrase, role), ...)
    nouns: dict[str, CasualtyRole]
    zero: dict  # first word -> ((phrase, role), ...)
    needs_after: dict[Phrase, tuple[Phrase, ...]]
    needs_noun: dict[Phrase, frozenset[str]]  # before-cues that count only people of these nouns
    between_after: dict
    between_before: dict
    coordinators: dict  # first word -> ((phrase, None), ...)
    coordinators_by_last: dict
    toll_verbs: dict  # last word -> ((phrase, None), ...): "rises to", "reaches"
    toll_subjects: dict  # last word -> ((phrase, role), ...): "death toll", "number of injured"
    person_nouns: frozenset[str]
    singular_determiners: frozenset[str]
    between_counts: frozenset[str]
    tally_nouns: frozenset[str]
    active_objects: frozenset[str]
    zero_openers: dict
    zero_blockers: frozenset[str]
    zero_between: dict
    cumulative_markers: dict
    cumulative_since_markers: dict
    cumulative_since_needs: frozenset[str]
    comparison_words: frozenset[str]
    cumulative_event_nouns: frozenset[str]
    rise_verbs: frozenset[str]
    number_words: dict[str, float]  # numbers written in French in English copy ("trois", "cinq")
    bounds: dict[Phrase, CasualtyBound]
    vague: dict  # first word -> ((phrase, (low, high)), ...)
    not_people: frozenset[str]
    keys: frozenset[str]  # words whose presence makes a sentence worth reading
    tree: dict  # word lists of the tree rules (toll_tree.py)
    part_before: dict  # last word -> ((phrase, None), ...): "among them", "including"
    part_after: dict  # first word -> ((phrase, None), ...): "of the", "of those"
    total_after: dict  # first word -> ((phrase, None), ...): "in all", "in total"

    @cached_property
    def tree_rules(self) -> TollTree:
        """The dependency-tree rules over these word lists (built once)."""
        return TollTree(self)

    @classmethod
    def from_toml(cls, raw: dict) -> "CasualtyData":
        roles = raw.get("roles", {})
        after = [(p, role) for role, lists in roles.items() for p in _phrases(lists.get("after", []))]
        before = [(p, role) for role, lists in roles.items() for p in _phrases(lists.get("before", []))]
        zero = [(p, role) for role, lists in roles.items() for p in _phrases(lists.get("zero", []))]
        nouns = {word.lower(): role for role, lists in roles.items() for word in lists.get("nouns", [])}
        openers = _phrases(raw.get("zero_openers", []))
        vague = [(tuple(k.lower().split()), (float(v[0]), float(v[1]))) for k, v in raw.get("vague", {}).items()]
        tree = raw.get("tree", {})
        keys = {w for p, _ in after + before for w in p} | set(nouns) | {p[0] for p in openers} | set(tree.get("any_words", []))
        return cls(
            after=_by_first(after),
            before=_by_last(before),
            nouns=nouns,
            zero=_by_first(zero),
            needs_after={tuple(k.lower().split()): tuple(_phrases(v)) for k, v in raw.get("needs_after", {}).items()},
            needs_noun={tuple(k.lower().split()): frozenset(w.lower() for w in v) for k, v in raw.get("needs_noun", {}).items()},
            between_after=_by_first([(p, None) for p in _phrases(raw.get("between_after", []))]),
            between_before=_by_last([(p, None) for p in _phrases(raw.get("between_before", []))]),
            coordinators=_by_first([(p, None) for p in _phrases(raw.get("coordinators", []))]),
            coordinators_by_last=_by_last([(p, None) for p in _phrases(raw.get("coordinators", []))]),
            toll_verbs=_by_last([(p, None) for p in _phrases(raw.get("toll_verbs", []))]),
            toll_subjects=_by_last([(p, role) for role, items in raw.get("toll_subjects", {}).items() for p in _phrases(items)]),
            person_nouns=frozenset(w.lower() for w in raw.get("person_nouns", [])),
            singular_determiners=frozenset(w.lower() for w in raw.get("singular_determiners", [])),
            between_counts=frozenset(w.lower() for w in raw.get("between_counts", [])),
            tally_nouns=frozenset(w.lower() for w in raw.get("tally_nouns", [])),
            active_objects=frozenset(w.lower() for w in raw.get("active_objects", [])),
            zero_openers=_by_first([(p, None) for p in openers]),
            zero_blockers=frozenset(w.lower() for w in raw.get("zero_blockers", [])),
            zero_between=_by_first([(p, None) for p in _phrases(raw.get("zero_between", []))]),
            cumulative_markers=_by_first([(p, None) for p in _phrases(raw.get("cumulative_markers", []))]),
            cumulative_since_markers=_by_first([(p, None) for p in _phrases(raw.get("cumulative_since_markers", []))]),
            cumulative_since_needs=frozenset(w.lower() for w in raw.get("cumulative_since_needs", [])),
            comparison_words=frozenset(w.lower() for w in raw.get("comparison_words", [])),
            cumulative_event_nouns=frozenset(w.lower() for w in raw.get("cumulative_event_nouns", [])),
            rise_verbs=frozenset(w.lower() for w in raw.get("rise_verbs", [])),
            number_words={w.lower(): float(v) for w, v in raw.get("number_words", {}).items()},
            bounds={p: bound for bound, items in raw.get("bounds", {}).items() for p in _phrases(items)},
            vague=_by_first(vague),
            not_people=frozenset(w.lower() for w in raw.get("not_people", [])),
            keys=frozenset(keys - STOPWORDS),
            tree=dict(raw.get("tree", {})),
            part_before=_by_last([(p, None) for p in _phrases(raw.get("part_before", []))]),
            part_after=_by_first([(p, None) for p in _phrases(raw.get("part_after", []))]),
            total_after=_by_first([(p, None) for p in _phrases(raw.get("total_after", []))]),
        )


@cache
def load_casualty_data(path: Optional[str] = None) -> CasualtyData:
    """The casualty word lists from ``path`` (a TOML file) or the packaged ``data/casualties.toml``."""
    if path:
        with open(path, "rb") as handle:
            return CasualtyData.from_toml(tomllib.load(handle))
    text = resources.files("conflictnlp").joinpath("data", DATA_FILE).read_text("utf-8")
    return CasualtyData.from_toml(tomllib.loads(text))


@per_doc
def lower_forms(doc: Doc) -> list[str]:
    """Every token's lower-cased form, once per Doc."""
    return [form[1] for form in token_forms(doc)]


@per_doc
def like_nums(doc: Doc) -> list[int]:
    """Whether each token looks like a number ("12", "1,200", "seven"), once per Doc."""
    # numpy's stubs type tolist() of this uint64 array as floats; the items are Python ints
    return cast(list[int], doc.to_array([LIKE_NUM]).reshape(-1).tolist())


@per_doc
def person_tokens(doc: Doc) -> list[int]:
    """The indices of the tokens inside a PERSON entity, once per Doc (one array, no Span)."""
    person = doc.vocab.strings.add("PERSON")
    return [i for i, kind in enumerate(doc.to_array([ENT_TYPE]).reshape(-1).tolist()) if kind == person]


def _forward(words: list[str], i: int, limit: int, index: dict) -> Optional[tuple[Phrase, Payload]]:
    """The longest phrase of ``index`` starting at token ``i`` (and ending before ``limit``)."""
    if i >= limit:
        return None
    for phrase, payload in index.get(words[i], ()):
        if i + len(phrase) <= limit and tuple(words[i : i + len(phrase)]) == phrase:
            return phrase, payload
    return None


def _backward(words: list[str], last: int, floor: int, index: dict) -> Optional[tuple[Phrase, Payload]]:
    """The longest phrase of ``index`` ending at token ``last`` (and starting at ``floor`` or later)."""
    if last < floor:
        return None
    for phrase, payload in index.get(words[last], ()):
        first = last - len(phrase) + 1
        if first >= floor and tuple(words[first : last + 1]) == phrase:
            return phrase, payload
    return None


@dataclass
class _Count:
    """A count in a sentence, as tokens: [first, last] the whole mention, ``number`` its first number token."""

    measure: Measure
    first: int
    last: int
    number: int
    who: Optional[str] = None
    who_end: Optional[int] = None  # character end of who words found after a bare count


@dataclass
class _Cue:
    role: CasualtyRole
    start: int  # character offsets of the cue words
    end: int
    distance: int
    skipped: tuple[str, ...] = ()


class SentenceReader:
    """Reads the tolls of one sentence."""

    def __init__(self, doc: Doc, sent: Span, data: CasualtyData, measure_data: MeasureData):
        self.doc, self.sent, self.data, self.measure_data = doc, sent, data, measure_data
        self.words = lower_forms(doc)
        self.text = doc_text(doc)

    # --- cues ------------------------------------------------------------------------------

    def _who_words(self, i: int) -> int:
        """Index after the words naming who a bare count counts ("2 FACA", "Four Soldiers")."""
        doc, data, j = self.doc, self.data, i
        while j < self.sent.end and j - i < 3:
            token, word = doc[j], self.words[j]
            if (
                word in data.nouns
                or word in data.not_people
                or _forward(self.words, j, self.sent.end, data.after)
                or _forward(self.words, j, self.sent.end, data.between_after)
                or _forward(self.words, j, self.sent.end, data.coordinators)
            ):
                break
            if token.is_quote and j - i < 2:
                j += 1
                continue
            if token.text in ("-", "–") and j > i and not token.whitespace_ and not doc[j - 1].whitespace_ and j + 1 < self.sent.end:
                j += 1  # "Al-Shabaab"
                continue
            if token.like_num or token.is_punct:
                break
            if token.pos_ in ("ADP", "VERB", "AUX", "DET", "PRON", "CCONJ", "SCONJ", "PART", "ADV") and not (token.is_upper and len(token) > 1):
                break
            if not any(c.isalpha() for c in token.text):
                break
            j += 1
        return j

    def _skip(self, i: int, index: dict, steps: int) -> tuple[int, list[str]]:
        skipped: list[str] = []
        for _ in range(steps):
            found = _forward(self.words, i, self.sent.end, index)
            if not found:
                break
            skipped.extend(found[0])
            i += len(found[0])
        return i, skipped

    def right_cue(self, count: _Count, counts_by_first: dict[int, _Count], cache: dict) -> Optional[_Cue]:
        """The cue after a count: "12 killed", "Four reported killed", "13 soldiers dead"."""
        key = ("right", count.first)
        if key in cache:
            return cache[key]
        cache[key] = None
        data, words, doc = self.data, self.words, self.doc
        i = count.last + 1
        if count.measure.concept is None and count.who is None:
            end = self._who_words(i)
            words_only = [t for t in doc[i:end] if not t.is_quote]
            if words_only:
                count.who = self.text[words_only[0].idx : words_only[-1].idx + len(words_only[-1])]
                count.who_end = doc[end - 1].idx + len(doc[end - 1])
            i = end
        i, skipped = self._skip(i, data.between_after, MAX_STEPS)
        found = _forward(words, i, self.sent.end, data.after)
        if found:
            phrase, role = found
            after = i + len(phrase)
            if not self._active(after) and after not in counts_by_first:
                cue: Optional[_Cue] = _Cue(role, doc[i].idx, doc[after - 1].idx + len(doc[after - 1]), len(skipped), tuple(skipped))
                cache[key] = cue
                return cue
            return None
        # "2 FACA and 2 gendarmes killed", "Two BSF men among eight killed"
        joined = _forward(words, i, self.sent.end, data.coordinators)
        if joined:
            j = i + len(joined[0])
            while j < self.sent.end and words[j] in ("the", "another", ","):
                j += 1
            following = counts_by_first.get(j)
            if following is not None:
                cue = self.right_cue(following, counts_by_first, cache)
                if cue is not None:
                    cache[key] = cue
                    return cue
        return None

    def _active(self, i: int) -> bool:
        """Whether the cue ending before token ``i`` is an active verb with an object after it
        ("5 gunmen killed 3 villagers"), which makes the count before it the agent."""
        if i >= self.sent.end:
            return False
        token = self.doc[i]
        return token.like_num or self.words[i] in self.data.active_objects

    def left_cue(self, count: _Count, counts_by_last: dict[int, _Count], cache: dict) -> Optional[_Cue]:
        """The cue before a count: "kills 12", "death toll rises to 40", "killing ... and three"."""
        key = ("left", count.first)
        if key in cache:
            return cache[key]
        cache[key] = None
        data, words, doc = self.data, self.words, self.doc
        floor = self.sent.start
        j = count.first - 1
        skipped: list[str] = []
        for _ in range(MAX_STEPS):
            found = _backward(words, j, floor, data.between_before)
            if not found:
                break
            # a cue word that is also a between word ("killed 5" vs "were 5"): the cue wins
            if _backward(words, j, floor, data.before):
                break
            skipped = list(found[0]) + skipped
            j -= len(found[0])
        found = _backward(words, j, floor, data.before)
        if found:
            phrase, role = found
            first = j - len(phrase) + 1
            if phrase in data.needs_after and not self._followed_by(count, data.needs_after[phrase]):
                return None
            if phrase in data.needs_noun and (count.measure.concept or "").lower().split()[-1:] not in ([w] for w in data.needs_noun[phrase]):
                return None  # "lost 4 men" is a toll, "lost 2,000 jobs" is not
            cue: Optional[_Cue] = _Cue(role, doc[first].idx, doc[j].idx + len(doc[j]), len(skipped), tuple(skipped))
            cache[key] = cue
            return cue
        # "Death toll in Kabul school bombing rises to 85": a toll verb after a toll noun
        if skipped:
            cue = self._toll_subject(count, j, skipped)
            if cue is not None:
                cache[key] = cue
                return cue
        # "killing 12 soldiers and three civilians", "kills 12, among them 5 children"
        joined = _backward(words, count.first - 1, floor, data.coordinators_by_last)
        following = doc[count.last + 1] if count.last + 1 < self.sent.end else None
        if joined and joined[0] == (",",) and following is not None and following.pos_ in ("VERB", "AUX"):
            joined = None  # "killing 12 soldiers, two security sources told ...": a new clause
        if joined:
            j = count.first - 1 - len(joined[0])
            if j >= floor and words[j] == ",":
                j -= 1
            # "killed 24 people overnight, including 11 women"
            while j >= floor and j not in counts_by_last and (words[j] in data.between_counts or doc[j].ent_type_ in ("DATE", "TIME")):
                j -= 1
            previous = counts_by_last.get(j)
            if previous is not None:
                cue = self.left_cue(previous, counts_by_last, cache)
                if cue is not None:
                    cache[key] = cue
                    return cue
        return None

    def _toll_subject(self, count: _Count, j: int, skipped: list[str]) -> Optional[_Cue]:
        """The cue of "death toll from the Beirut explosion reaches 137": a toll verb right
        before the count and a toll noun up to eight words before the verb."""
        data, words, doc = self.data, self.words, self.doc
        verb_end = count.first - 1
        verb = None
        while verb_end > j:
            verb = _backward(words, verb_end, j + 1, data.toll_verbs)
            if verb:
                break
            verb_end -= 1
        if not verb:
            return None
        verb_first = verb_end - len(verb[0]) + 1
        for last in range(verb_first - 1, max(verb_first - 9, self.sent.start - 1), -1):
            if doc[last].like_num or words[last] in (";", ":"):
                return None
            found = _backward(words, last, self.sent.start, data.toll_subjects)
            if not found:
                # "the number of troops killed this year to 230"
                participle = _backward(words, last, self.sent.start, data.after)
                if participle and any(w in data.tally_nouns for w in words[max(last - 5, self.sent.start) : last]):
                    found = participle
            if found:
                first = last - len(found[0]) + 1
                return _Cue(found[1], doc[first].idx, doc[last].idx + len(doc[last]), len(skipped), tuple(skipped))
        return None

    def _followed_by(self, count: _Count, phrases: tuple[Phrase, ...]) -> bool:
        """Whether one of ``phrases`` follows the count within a few words ("took 12 people hostage")."""
        for i in range(count.last + 1, min(count.last + 5, self.sent.end)):
            if _forward(self.words, i, self.sent.end, {p[0]: ((p, None),) for p in phrases if p[0] == self.words[i]}):
                return True
        return False

    # --- bounds and scope ------------------------------------------------------------------

    def bound(self, count: _Count, cue: Optional[_Cue]) -> Optional[CasualtyBound]:
        """at_least, more_than, up_to or about, from the approximator ("at least 13") or the
        words between the cue and the count ("toll passes 10,000")."""
        approximator = tuple(self.words[count.first : count.number])
        if approximator[-1:] in (("a",), ("an",)):
            approximator = approximator[:-1]  # "more than a dozen"
        if approximator in self.data.bounds:
            if approximator == ("up", "to") and count.first > self.sent.start and self.words[count.first - 1] in self.data.rise_verbs:
                return None  # "has gone up to 43": the verb's "up", no bound
            return self.data.bounds[approximator]
        if cue is not None:
            for size in range(min(3, len(cue.skipped)), 0, -1):
                phrase = cue.skipped[-size:]
                if phrase in self.data.bounds:
                    return self.data.bounds[phrase]
        return None

    def cumulative(self, count: _Count, others: list[_Count]) -> bool:
        """Whether the count's clause sums many events: a marker between the counts next to it,
        within the clause (a new clause starts at "; " and ", bringing/raising/taking")."""
        if self._over_many_events(count, others):
            return True
        lo, hi = self.sent.start, self.sent.end
        for other in others:
            if other.last < count.first:
                lo = max(lo, other.last + 1)
            elif other.first > count.last:
                hi = min(hi, other.first)
        words = self.words
        for i in range(lo, hi):
            if words[i] == ";" or (words[i] == "," and i + 1 < hi and words[i + 1] in ("bringing", "raising", "taking", "pushing")):
                if i < count.first:
                    lo = i + 1
                elif i > count.last:
                    hi = i
                    break
        perfect = any(word in self.data.cumulative_since_needs for word in words[lo:hi])
        compared = self._compared(lo, hi, count)
        for i in range(lo, hi):
            if i in compared:
                continue
            if _forward(words, i, hi, self.data.cumulative_markers):
                return True
            if perfect and _forward(words, i, hi, self.data.cumulative_since_markers):
                return True
            if perfect and words[i] == "since" and i + 1 < hi and YEAR.match(words[i + 1]):
                return True
        return False


    def _over_many_events(self, count: _Count, others: list[_Count]) -> bool:
        """A toll summed over several events the next count names ("1,247 fatalities recorded in
        312 incidents", "killed in 3 attacks"): that count comes after "in"/"across"/"over"/"during"
        within three words of this one and counts three events or more (``cumulative_event_nouns``)."""
        words, nouns = self.words, self.data.cumulative_event_nouns
        for other in others:
            if not 0 < other.first - count.last <= 3 or words[other.first - 1] not in ("in", "across", "over", "during"):
                continue
            head = (other.measure.concept or "").lower().split()[-1:]
            if head and head[0] in nouns and other.measure.value > 2:  # "in two attacks" is often one report's twin attack
                return True
        return False

    def _compared(self, lo: int, hi: int, count: _Count) -> set[int]:
        """Positions in the scope of a comparison outside the count ("the deadliest attack on
        the army since 2017", "the worst loss this year"): from the comparison word to the next
        comma, semicolon or the count. Markers there date the comparison, not the count."""
        compared: set[int] = set()
        words = self.words
        for k in range(lo, hi):
            if words[k] not in self.data.comparison_words or count.first <= k <= count.last:
                continue
            j = k
            while j < hi and words[j] not in (",", ";") and not (count.first <= j <= count.last):
                compared.add(j)
                j += 1
        return compared


def _number_token(doc: Doc, start: int, end: int) -> Optional[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.like_num or token.lower_ in ("dozen", "dozens", "scores", "hundreds", "thousands", "millions", "tens", "several", "few", "handful"):
            return token.i
    return span.start


NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {word: 10 * n for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}


def _value_of(token_text: str) -> Optional[float]:
    """The number a token writes: "1,200", "Seven", "twenty-two" (quantulum3 for the rest)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", token_text):
        return float(token_text.replace(",", ""))
    parts = token_text.lower().split("-")
    if all(part in NUMBER_WORDS for part in parts) and len(parts) <= 2:
        return float(sum(NUMBER_WORDS[part] for part in parts))
    from .quantities import _parse

    parsed = _parse(token_text)
    if len(parsed) == 1 and parsed[0].unit.name == "dimensionless":
        return float(parsed[0].value)
    return None


def _new_counts(doc: Doc, sent: Span, taken: list[tuple[int, int]], false_spans, data: CasualtyData, measure_data: MeasureData) -> list[Measure]:
    """Bare counts the quantity reader left out that may be tolls ("Over 50 killed", "kill one",
    "Dozens killed", "Several wounded"); kept only if a cue is found for them."""
    found = []
    words = lower_forms(doc)
    like_num = like_nums(doc)
    i = sent.start
    while i < sent.end:
        # most words begin no vague count: ask the index before calling
        vague = _forward(words, i, sent.end, data.vague) if words[i] in data.vague else None
        foreign = data.number_words.get(words[i])  # "trois civils tués" quoted in English copy
        if vague is None and foreign is None and (not (like_num[i] and any(c.isalnum() for c in words[i])) or is_ordinal(words[i])):
            i += 1
            continue
        token = doc[i]
        last = i + len(vague[0]) - 1 if vague else i
        start, end = token.idx, doc[last].idx + len(doc[last])
        if _overlaps(start, end, taken) or _overlaps(start, end, false_spans) or _is_date_or_name(doc, token, measure_data):
            i = last + 1
            continue
        if vague:
            # the word's own number, as the quantity reader gives it ("dozens" is 12); the toll's range is in the reading
            value = measure_data.counting_words.get(vague[0], vague[1][0])
        else:
            parsed = foreign if foreign is not None else _value_of(token.text)
            if parsed is None or YEAR.match(token.text):
                i += 1
                continue
            value = parsed
        approx = _approximator(doc, token, sent, measure_data)
        found.append(Measure(approx if approx is not None else start, end, value, None, None, "count", None, bool(vague) or approx is not None, end))
        i = last + 1
    return found


def _singular_counts(doc: Doc, sent: Span, taken: list[tuple[int, int]], data: CasualtyData, before_words) -> list[Measure]:
    """One person named by a singular noun, a count of one where a cue follows or precedes
    it: "a policeman was shot dead", "killed a soldier", headlines' "Journalist shot dead",
    "UN peacekeeper killed", "Kherson: woman killed", "killing the group's leader", "killing
    Taliban minister Khalil Haqqani"; and a person a pronoun or a name stands for
    (``_named_counts``)."""
    found = []
    words = lower_forms(doc)
    for i in range(sent.start, sent.end):
        if words[i] not in data.person_nouns:
            continue
        token = doc[i]
        if token.tag_ in ("NNS", "NNPS") or _overlaps(token.idx, token.idx + len(token), taken):
            continue
        last = _titled_name(doc, token, sent)  # "minister Khalil Haqqani": the name is the person
        if last is None and token.i + 1 < sent.end and doc[token.i + 1].pos_ in ("NOUN", "PROPN") and words[token.i + 1] not in data.keys:
            continue  # "police officers": the noun is a modifier
        person = doc[last] if last is not None else token
        first = _modifiers_start(doc, token, sent, words, data)
        before = first - 1
        if before >= sent.start and words[before] in data.singular_determiners:
            start_token, number_end = before, doc[before].idx + len(doc[before])
        elif before < sent.start or words[before] in (":", "-", "–", "—", ",") or before_words(before):
            start_token, number_end = first, token.idx + len(token)
        else:
            definite = _definite_start(doc[before], person, data)
            if definite is None:
                continue
            start_token, number_end = definite, doc[definite].idx + len(doc[definite])
        start, end = doc[start_token].idx, person.idx + len(person)
        if _overlaps(start, end, taken):
            continue
        concept = doc_text(doc)[doc[first].idx : end]
        found.append(Measure(start, end, 1.0, None, None, "count", concept, False, number_end, implicit=True))
    return found + _named_counts(doc, sent, taken + [(m.start, m.end) for m in found], data)


def _modifiers_start(doc: Doc, token, sent: Span, words: list[str], data: CasualtyData) -> int:
    """The first token of the words before a person noun that describe it ("UN peacekeeper",
    "suspected thief", "Taliban minister"), up to six."""
    first = token.i
    while first - 1 >= sent.start and token.i - first < 6:
        left = doc[first - 1]
        # "Aid worker killed": a headline's first word, tagged a verb
        headline_word = left.is_title and first - 1 == sent.start and left.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX")
        describes = left.pos_ in ("ADJ", "PROPN", "NOUN", "NUM") or (left.dep_ == "amod" and left.head.i == token.i)  # "suspected thief"
        if describes or left.text == "-" or (left.is_upper and left.is_alpha) or headline_word:
            if words[first - 1] in data.keys or words[first - 1] in data.singular_determiners:
                break
            first -= 1
        else:
            break
    return first


def _titled_name(doc: Doc, token, sent: Span) -> Optional[int]:
    """The last token of the name a title noun goes before ("minister Khalil Haqqani"), where
    the title is a compound of the name and only proper nouns stand between; else None."""
    head = token.head
    if token.dep_ != "compound" or head.pos_ != "PROPN" or not token.i < head.i < sent.end:
        return None
    if any(t.pos_ != "PROPN" for t in doc[token.i + 1 : head.i + 1]):
        return None
    return head.i


def _definite_start(determiner, noun, data: CasualtyData) -> Optional[int]:
    """"the driver", "his nephew", "the group's leader": one person, where the tree makes the
    noun (or the first of its conjuncts) the object or passive subject of a verb ("wounding the
    driver", "the suspect was arrested") or the subject of an intransitive casualty verb ("the
    attacker died too"); the first token of the person's words, else None. The casualty cue
    itself is checked later, as for every count."""
    start = determiner.i
    if determiner.tag_ == "POS" and determiner.head.dep_ == "poss" and determiner.head.head.i == noun.i:
        start = determiner.head.left_edge.i  # "the group's leader"
    elif determiner.lower_ not in data.tree.get("definite_determiners", ()) or determiner.head.i != noun.i:
        return None
    tree = data.tree_rules
    target = tree.first_conjunct(noun)
    if target.dep_ in ("dobj", "nsubjpass") or (target.dep_ == "nsubj" and tree.subject_cue(noun) is not None):
        return start
    return None


def _named_counts(doc: Doc, sent: Span, taken: list[tuple[int, int]], data: CasualtyData) -> list[Measure]:
    """One person a pronoun or a person's name stands for, where the tree makes it the subject or
    object of a casualty verb: "before he was shot dead", "killing him", "another was seriously
    injured", "killing Khalil Haqqani and five others"."""
    tree, words, lo, hi = data.tree_rules, lower_forms(doc), sent.start, sent.end
    pronouns = tree.one_person_pronouns
    names = person_tokens(doc)
    people = [doc[i] for i, word in enumerate(words[lo:hi], lo) if word in pronouns]
    people += [doc[i] for i in names[bisect_left(names, lo) : bisect_left(names, hi)]]
    found = []
    for person in people:
        if person.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj") or person.pos_ not in ("PRON", "PROPN", "DET"):
            continue
        if person.pos_ == "DET" and person.i + 1 < sent.end and doc[person.i + 1].pos_ in ("NOUN", "PROPN", "NUM", "ADP"):
            continue  # "another soldier", "another of the ...": not a person alone
        if (tree.subject_cue(person) or tree.object_cue(person)) is None:
            continue
        first = person.left_edge if person.pos_ == "PROPN" else person
        start, end = first.idx, person.idx + len(person)
        if _overlaps(start, end, taken):
            continue
        found.append(Measure(start, end, 1.0, None, None, "count", doc_text(doc)[start:end], False, first.idx + len(first), implicit=True))
    return found


def _is_date_or_name(doc: Doc, token, measure_data: MeasureData) -> bool:
    """A number inside a date, time, money or name entity ("the October 7 attack", "Route 60");
    an entity that is only a number with an approximator ("Over 50", read as a DATE) is no date."""
    if token.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return False  # the small model tags headlines' words as names at random ("Bomb Kills 2 Soldiers": PERSON)
    i = token.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = token.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    approximator_words = {word for phrase in measure_data.approximators for word in phrase}
    return any(t.is_alpha and not t.like_num and t.lower_ not in approximator_words and not _in_age(t) for t in doc[i:j])


AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "old"})


def _in_age(token) -> bool:
    """A word of a hyphenated age ("18-year-old"), which the small model tags a DATE with the
    count before it ("Two 18-year-old conscripts"): no date word."""
    doc = token.doc
    if token.lower_ not in AGE_WORDS:
        return False
    return (token.i > 0 and doc[token.i - 1].text == "-") or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-")


def _zero_tolls(reader: SentenceReader, taken: list[tuple[int, int]]) -> list[Measure]:
    """Tolls of nobody: "no casualties", "nobody was hurt", "no one was killed"."""
    data, words, doc, sent = reader.data, reader.words, reader.doc, reader.sent
    found = []
    i = sent.start
    while i < sent.end:
        opener = _forward(words, i, sent.end, data.zero_openers)
        if not opener:
            i += 1
            continue
        j = i + len(opener[0])
        who_tokens = []
        blocked = False
        for _ in range(4):
            cue = _forward(words, j, sent.end, data.zero)
            if cue:
                break
            if j < sent.end and words[j] in data.zero_blockers:
                blocked = True
                break
            between = _forward(words, j, sent.end, data.zero_between)
            if between:
                if doc[j].pos_ in ("NOUN", "PROPN") and words[j] not in ("one", "body"):
                    who_tokens.append(j)
                j += len(between[0])
                continue
            break
        cue = None if blocked else _forward(words, j, sent.end, data.zero)
        if cue:
            phrase, role = cue
            end_token = j + len(phrase) - 1
            start, end = doc[i].idx, doc[end_token].idx + len(doc[end_token])
            if not _overlaps(start, end, taken):
                measure = Measure(start, end, 0.0, None, None, "count", None, False, doc[i].idx + len(doc[i]), implicit=True)
                if phrase[-1] in data.nouns:
                    measure.concept = doc[end_token].text
                who = " ".join(doc[t].text for t in who_tokens) or None
                cue_start = doc[j].idx
                measure.casualty = CasualtyReading(role, who, None, 0.0, 0.0, (cue_start, end))
                found.append(measure)
            i = end_token + 1
            continue
        i += 1
    return found


def read_casualties(doc: Doc, measures: list[Measure], data: CasualtyData, measure_data: MeasureData, sentences) -> list[Measure]:
    """``measures`` with a ``casualty`` reading on every toll, plus the bare counts and tolls of
    nobody that only a casualty cue makes quantities; in text order."""
    text = doc_text(doc)
    words = lower_forms(doc)
    false_spans = None
    tree = data.tree_rules
    added: list[Measure] = []
    ordered = sorted(measures, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for sent in sentences:
        if not any(word in data.keys for word in words[sent.start : sent.end]):
            continue
        if false_spans is None:
            false_spans = false_unit_spans(text, measure_data)
        in_sent = ordered[bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)]
        taken = [(m.start, m.end) for m in in_sent]
        reader = SentenceReader(doc, sent, data, measure_data)
        zeros = _zero_tolls(reader, taken)
        taken += [(m.start, m.end) for m in zeros]
        zeros += _tree_zero_tolls(reader, tree, taken)
        taken += [(m.start, m.end) for m in zeros]
        fresh = _new_counts(doc, sent, taken, false_spans, data, measure_data)
        taken += [(m.start, m.end) for m in fresh]
        # "A 72-year-old woman was killed": the age is a quantity of its own inside the toll
        not_ages = [(m.start, m.end) for m in in_sent + fresh + zeros if m.concept != "age"]
        fresh += _singular_counts(doc, sent, not_ages, data, lambda i, sent=sent: _backward(words, i, sent.start, data.before) is not None)
        candidates = sorted(in_sent + fresh, key=lambda m: m.start)
        counts = []
        for measure in candidates:
            if measure.unit is not None or measure.kind != "count":
                continue
            span = doc.char_span(measure.start, measure.end, alignment_mode="expand")
            number = _number_token(doc, measure.start, measure.number_end)
            if span is None or number is None:
                continue
            counts.append(_Count(measure, span.start, span.end - 1, number))
        added += _read_counts(reader, counts, fresh)
        added.extend(zeros)
    # a sentence may run over the edge of the body ("killed 3 people\nA A A A" with a body of
    # the second line only); as find_measures does, nothing outside the body is kept
    lo, hi = body_bounds(doc)
    added = [m for m in added if lo <= m.start and m.end <= hi]
    return sorted(ordered + added, key=lambda m: (m.start, m.end))


def _read_counts(reader: SentenceReader, counts: list[_Count], fresh: list[Measure]) -> list[Measure]:
    """Give each count of a sentence its casualty reading where a cue is found (next to it, or in
    the tree; a part without one takes the toll's before it); the fresh counts that got one."""
    data, tree, words = reader.data, reader.data.tree_rules, reader.words
    read: list[Measure] = []
    by_first = {c.first: c for c in counts}
    by_last = {c.last: c for c in counts}
    cache: dict = {}
    previous: Optional[_Cue] = None  # the last toll's cue in the sentence: a part's, where it has none
    previous_part: Optional[int] = None  # the last token of the count before, if it was a part
    for count in counts:
        measure = count.measure
        head = (measure.concept or "").split()[-1:]
        if head and head[0].lower() in data.not_people:
            continue
        left = reader.left_cue(count, by_last, cache)
        right = reader.right_cue(count, by_first, cache)
        noun_role = data.nouns.get(head[0].lower()) if head else None
        cue = left if right is None or (left is not None and left.distance < right.distance) else right
        if cue is None and noun_role is not None and measure.concept is not None:
            concept_start = measure.end - len(measure.concept)
            cue = _Cue(noun_role, concept_start, measure.end, 0)
        if _age_apposition(reader, count):
            continue
        part = _is_part(reader, tree, count, cue)
        if cue is None and previous_part is not None and set(words[previous_part + 1 : count.first]) <= {",", "and"}:
            part = True  # "9 killed (3 women, 2 children)": the parts go on
        if cue is None:
            cue = _tree_cue(reader, tree, count) or (previous if part else None)
        if cue is None or _unrealised(reader, tree, cue):
            continue
        if measure.concept is None and count.who is not None and count.who_end is not None:
            who_head = count.who.split()[-1].lower()
            if who_head in data.not_people:
                continue
            measure.concept, measure.end = count.who, count.who_end
        measure.casualty = _reading(reader, count, cue, counts)
        measure.casualty.part = part
        previous = cue
        previous_part = count.last if part else None
        if any(measure is new for new in fresh):
            read.append(measure)
    return read


def _unrealised(reader: SentenceReader, tree: TollTree, cue: _Cue) -> bool:
    """Whether the cue is a harm only threatened, intended or tried ("threatened to kill 12
    hostages"): no toll."""
    span = reader.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and any(tree.unrealised(token) for token in span if token.pos_ in ("VERB", "AUX"))


def _tree_cue(reader: SentenceReader, tree: TollTree, count: _Count) -> Optional[_Cue]:
    """The cue the dependency tree gives a count whose cue is not next to it: subject or object
    of a casualty verb, the number a toll noun rises to, or "were among the dead"."""
    number = reader.doc[count.number]
    noun = tree.count_noun(number)
    found = tree.subject_cue(noun) or tree.object_cue(noun) or tree.toll_noun_cue(number) or tree.among_cue(noun) or _total_cue(reader, tree, count)
    if found is None:
        return None
    role, cue = found
    if not reader.sent.start <= cue.i < reader.sent.end:
        return None  # the tree may join a headline to the body: a cue is read in the count's sentence only
    if count.measure.concept is None and count.who is None:
        collective = tree.collective(noun)
        if collective is not None:
            count.who = collective.text  # "a family of four": who the four are
        elif noun.i != number.i and noun.i > count.last:
            count.who, count.who_end = noun.text, noun.idx + len(noun)
    return _Cue(role, cue.idx, cue.idx + len(cue), 0)


def _total_cue(reader: SentenceReader, tree: TollTree, count: _Count):
    """The cue of a bare count set beside its clause as a total ("Residents of Bunia were killed
    in their homes ..., 9 in all"): the casualty verb it hangs from, else the nearest cue word
    before it in the sentence."""
    words, data, doc = reader.words, reader.data, reader.doc
    if count.measure.concept is not None or not _forward(words, count.last + 1, reader.sent.end, data.total_after):
        return None
    found = tree.clause_cue(doc[count.number])
    if found is not None:
        return found
    for last in range(count.first - 1, reader.sent.start - 1, -1):
        cue = _backward(words, last, reader.sent.start, data.after)
        if cue is not None:
            return cue[1], doc[last - len(cue[0]) + 1]
    return None


def _age_apposition(reader: SentenceReader, count: _Count) -> bool:
    """A bare number set off by commas after a person noun is an age, no toll: "A man, 45, was shot"."""
    first, last, words = count.first, count.last, reader.words
    if count.measure.concept is not None or first != last or first - 2 < reader.sent.start or last + 1 >= reader.sent.end:
        return False
    return words[first - 1] == "," and words[last + 1] == "," and words[first - 2] in reader.data.person_nouns


def _part_of_toll_after(reader: SentenceReader, count: _Count) -> bool:
    """ "one of the victims", "two of those killed", "one of the dead": the words after the
    number name a toll ("of the" and a toll noun or cue word). "Two of the attackers" is no part."""
    words, data = reader.words, reader.data
    found = _forward(words, count.number + 1, reader.sent.end, data.part_after)
    if not found:
        return False
    i = count.number + 1 + len(found[0])
    return i < reader.sent.end and (words[i] in data.nouns or _forward(words, i, reader.sent.end, data.after) is not None)


def _is_part(reader: SentenceReader, tree: TollTree, count: _Count, cue: Optional[_Cue]) -> bool:
    """Whether a count is a part of a toll given beside it: "including five children", "six of
    them", "among them a boy" (tree or words before it), "two of the wounded" (its cue), "one
    of the victims" (words after it), "Two children were among the dead"."""
    if cue is not None and reader.text[cue.start : cue.end].lower().startswith("of "):
        return True
    if _part_of_toll_after(reader, count):
        return True
    first = count.first
    if first - 1 >= reader.sent.start and reader.words[first - 1] == ",":
        first -= 1
    if _backward(reader.words, first - 1, reader.sent.start, reader.data.part_before):
        return True
    noun = tree.count_noun(reader.doc[count.number])
    if noun.dep_ == "attr" and noun.head.lemma_ == "be" and noun.lower_ in reader.data.person_nouns:
        return True  # "One of the dead was a soldier": who a victim counted already was
    return tree.is_part(noun) or tree.among_cue(noun) is not None


def _tree_zero_tolls(reader: SentenceReader, tree: TollTree, taken: list[tuple[int, int]]) -> list[Measure]:
    """Tolls of none the tree reads: "denied that anyone was hurt", "No Israeli soldiers were hurt"."""
    found = []
    doc, words = reader.doc, reader.words
    for i in range(reader.sent.start, reader.sent.end):
        if words[i] not in tree.any_words and words[i] not in tree.no_words:
            continue
        zero = tree.zero_subject(doc[i])
        if zero is None:
            continue
        role, verb, first = zero
        noun = first if first.dep_ != "det" else first.head
        start, end = first.idx, noun.idx + len(noun)
        if _overlaps(start, end, taken) or _overlaps(verb.idx, verb.idx + len(verb), taken):
            continue
        measure = Measure(start, end, 0.0, None, None, "count", None, False, first.idx + len(first), implicit=True)
        who = noun.text if noun.i != first.i and noun.pos_ in ("NOUN", "PROPN") else None
        measure.casualty = CasualtyReading(role, who, None, 0.0, 0.0, (verb.idx, verb.idx + len(verb)))
        found.append(measure)
        taken.append((start, end))
    return found


def _reading(reader: SentenceReader, count: _Count, cue: _Cue, counts: list[_Count]) -> CasualtyReading:
    measure, data = count.measure, reader.data
    vague = _forward(reader.words, count.number, reader.sent.end, data.vague)
    bound = reader.bound(count, cue)
    if vague:
        low, high = vague[1]
        bound = bound if bound in ("at_least", "more_than", "up_to") else None
        if bound in ("at_least", "more_than"):
            high = None
        elif bound == "up_to":
            low = None
    elif measure.value_max is not None:
        low, high = measure.value, measure.value_max
    elif bound in ("at_least", "more_than"):
        low, high = measure.value, None
    elif bound == "up_to":
        low, high = None, measure.value
    else:
        low = high = measure.value
    if bound is not None:
        measure.approximate = True
    others = [c for c in counts if c is not count]
    who = measure.concept or count.who  # "a family of four": the collective noun says who
    return CasualtyReading(cue.role, who, bound, low, high, (cue.start, cue.end), reader.cumulative(count, others))
