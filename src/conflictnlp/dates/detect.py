"""Where the temporal expressions are: spaCy's DATE/TIME entities plus patterns for what the
small model misses (clock times, weekdays, "Feb. 24", "today", vague references), trimmed to
TimeML extent and grouped where pieces belong together ("April 2" + "2022" + "1:44pm")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..extensions import body_bounds, doc_text, entity_bounds
from .anchoring import Tense
from .lexicon import Lexicon

NER_LABELS = ("DATE", "TIME")
# what may stand between two pieces of one expression: "April 2, 2022 1:44pm", "Friday at noon"
_JOINER = re.compile(r"^(?:,? ?| at | on )$")
_WORD_START = re.compile(r"\w")


@dataclass(frozen=True)
class Candidate:
    """Character offsets of a possible temporal expression."""

    start: int
    end: int


class Detector:
    """Finds candidate expressions in a Doc's body."""

    def __init__(self, lexicon: Lexicon, vague_references: bool):
        lex = self.lex = lexicon
        months = lex.alternation(name.capitalize() for name in lex.months)
        weekdays = lex.alternation(name.capitalize() for name in lex.weekdays)
        parts = lex.alternation(lex.parts_of_day)
        relative = lex.alternation(name for name in lex.relative_days if " " not in name)
        patterns = [
            r"\b\d{1,2}(?:[:.]\d{2})? ?[ap]\.? ?m\b\.?",
            r"(?<=\bat )\d{1,2}:\d{2}\b",
            rf"\b(?:{weekdays})s?\b(?: (?:{parts})\b)?",
            rf"\b(?:{months})\b\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?",
            # the day before the month, as NGO reports and British wires write it: "3 June 2025", "8 Feb"
            rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{months})\b\.?(?:,? \d{{4}}\b)?",
            # dates in figures: "16/10/2026", "16.10.2026", "2026-10-16"; without a year only where
            # it opens a line of an incident list ("04/11: ..."), not "24/7" or a score "3/1"
            r"(?<![\w/.-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?![\w/-]|\.\d)",
            r"(?<![^\n])\d{1,2}/\d{1,2}(?=\s*[:\u2013\u2014-])",
            rf"(?i:\b(?:{relative})\b)",
            # frequency adverbs the tagger leaves out: "grows 20% annually"
            rf"(?i:\b(?:{lex.alternation(lex.frequencies)})\b)",
            # "three times [a week]": the unit of a frequency
            rf"(?i:\b(?:{lex.alternation(lex.frequency_counts)}) (?P<per>(?:a|an|per) (?:{lex.alternation(lex.units)})\b))",
            # a year after a preposition the tagger's NER sometimes leaves out: "between 2014 and 2016"
            r"\b(?:in|since|between|and|until|by|from|to|before|after|during|of) (?P<year>1[89]\d\d|20\d\d)\b(?![,.]?\d)",
        ]
        listed = [lex.months, lex.weekdays, [name for name in lex.relative_days if " " not in name], lex.frequencies, lex.frequency_counts]
        if vague_references:
            patterns.append(rf"(?i:\b(?:{lex.alternation(lex.vague_detect)})\b)")
            listed.append(lex.vague_detect)
        alternatives = "|".join(f"(?:{p})" for p in patterns)
        # every pattern begins with a word character at a word boundary as long as each word
        # list does (an empty one would match the empty string at every boundary): saying so
        # up front lets the scan skip the inside of words, twice as fast, with the same matches
        if all(words and all(_WORD_START.match(word) for word in words) for words in listed):
            alternatives = rf"\b(?=\w)(?:{alternatives})"
        self._pattern = re.compile(alternatives)
        # ... and after it: "less than 24 hours [earlier]", "1430 [GMT]"
        self._right_extenders = lex.right_extenders | {zone for zone in lex.time_zones if " " not in zone}
        # words the tagger's entity sometimes leaves out: "[This] year's results"
        self._extenders = {word for word in (*lex.shifts, *lex.point_modifiers) if " " not in word} - {
            "the", "on", "in", "at", "by", "since", "until", "before", "after", "around", "about", "during", "end",
        } | {"each", "every"}

    def __call__(self, doc: Doc) -> list[list[Candidate]]:
        """Candidates in text order, grouped where adjacent pieces may form one expression."""
        lo, hi = body_bounds(doc)
        trimmed = sorted(
            {c for c in map(self._trim, self._raw_spans(doc)) if c is not None and lo <= c.start and c.end <= hi},
            key=lambda c: (c.start, -c.end),
        )
        merged: list[Candidate] = []
        for candidate in trimmed:
            if merged and candidate.start < merged[-1].end:
                last = merged.pop()
                candidate = Candidate(last.start, max(last.end, candidate.end))
            merged.append(candidate)
        groups: list[list[Candidate]] = []
        for candidate in merged:
            if groups and _JOINER.match(doc_text(doc)[groups[-1][-1].end : candidate.start]):
                groups[-1].append(candidate)
            else:
                groups.append([candidate])
        return groups

    def _raw_spans(self, doc: Doc) -> Iterable[Span]:
        strings = doc.vocab.strings
        for start, end, label in entity_bounds(doc):  # not doc.ents, which builds every entity
            if strings[label] in NER_LABELS:
                yield Span(doc, start, end, label=label)
        for match in self._pattern.finditer(doc_text(doc)):
            group = "year" if match["year"] else "per" if match["per"] else 0
            start, end = match.span(group)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                yield span

    def _trim(self, span: Span) -> Optional[Candidate]:
        """TimeML extent: no leading preposition, no trailing possessive or punctuation; None
        for what is not a temporal expression whatever the words (a verb "may", a greeting)."""
        tokens = list(span)
        while tokens and (tokens[0].pos_ in ("ADP", "PUNCT", "CCONJ") or tokens[0].is_space):
            tokens.pop(0)
        while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].pos_ in ("PUNCT", "CCONJ", "ADP") or tokens[-1].is_space):
            tokens.pop()
        if not tokens:
            return None
        first = tokens[0]
        if first.i > 0 and first.nbor(-1).lower_ in self._extenders:
            first = first.nbor(-1)
            tokens.insert(0, first)
        last = tokens[-1]
        if last.i + 1 < len(last.doc) and last.nbor(1).lower_ in self._right_extenders:
            tokens.append(last.nbor(1))
        if len(tokens) == 1:
            word = first.lower_.rstrip(".")
            if word in self.lex.months and (first.tag_ == "MD" or first.tag_.startswith("VB") or first.is_lower):
                return None
            if word in self.lex.months and first.is_sent_start and _verb_follows(first):
                return None  # "March forward, ...", "May God ...": a verb the tagger took for a name
            if word in self.lex.frequencies and first.pos_ == "ADJ":
                return None
            if word in self.lex.frequencies and _in_a_name(first):
                return None  # "the Daily Mail", "The Weekly Standard": a title, not a frequency
            if first.like_num and first.i + 1 < len(first.doc) and first.nbor(1).tag_ == "NNS":
                return None  # "2000 troops" is a count, not a year
        if first.i > 0 and first.nbor(-1).lower_ in self.lex.greeting_words and first.lower_ in self.lex.parts_of_day:
            return None
        return Candidate(first.idx, tokens[-1].idx + len(tokens[-1].text))


def clause_tense(span: Span, lexicon: Lexicon) -> Optional[Tense]:
    """Tense of the clause an expression sits in, from the governing verb and its auxiliaries."""
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = _auxiliaries(token)
    words = {aux.lower_ for aux in auxiliaries} | {aux.lemma_.lower() for aux in auxiliaries}
    if words & lexicon.future_auxiliaries:
        return "future"
    if words & lexicon.future_in_past_auxiliaries:
        return "future_in_past"
    governor = token.head
    if token.tag_ == "VB" and "to" in words and governor.lemma_.lower() in lexicon.future_governors:
        # "had been scheduled to expire Friday": planned before a past point, so in the past
        planned_before = any(aux.lower_ == "had" for aux in _auxiliaries(governor))
        return "past" if planned_before else "future"
    if token.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return "past"
    if token.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxiliaries):
        return "past"
    if token.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
        # "expires Saturday", "talks resume Monday": the present of a schedule
        if token.tag_ in ("VBZ", "VBP") and token.lemma_.lower() in lexicon.scheduled_verbs:
            return "scheduled"
        return "present"
    return None


def _in_a_name(token: Token) -> bool:
    """A title-case word inside a name: an organisation or work entity, or before another
    title-case word ("Daily Mail")."""
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC"):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.is_title and following is not None and following.is_title and following.pos_ == "PROPN"


def _verb_follows(token: Token) -> bool:
    """Whether the next token is what follows a verb, not a month: an adverb, a particle, a verb."""
    if token.i + 1 >= len(token.doc):
        return False
    following = token.nbor(1)
    return following.tag_ in ("RB", "RP") or following.tag_.startswith("VB")


def _auxiliaries(token: Token) -> list[Token]:
    return [child for child in token.children if child.dep_ in ("aux", "auxpass")]
