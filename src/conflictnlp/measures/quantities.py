"""Finding quantities: quantulum3's numbers and units, filtered and completed from the parse.

quantulum3 reads numbers, ranges and units well but, on news text, also reads clock times as
lengths ("11:05am" is 5 attometres), dates and names as numbers ("Feb. 24", "France 24"), and
misses currency written apart from the number ("$ 75 million", "hk $ 10.05 billion"). Every
quantulum3 result is therefore checked against clock/ratio patterns and spaCy's entities, given
its currency from the symbol or code next to it, its counted noun from the dependency parse
("two workers", "150,000 of its own troops", "a 45-bus convoy", "14 tons of food") and its
approximator ("some", "upwards of").
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Iterable, Optional

import numpy
from spacy.attrs import IS_ALPHA, LIKE_NUM, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # (a Cython function without a stub)
from spacy.tokens import Doc, Span, Token

from ..extensions import add_error, body_bounds, body_sents, doc_text, per_doc, token_forms, token_texts
from ..model import QuantityKind
from .quantulum import UnitPattern, quantulum_parser
from .units import MeasureData

logger = logging.getLogger("conflictnlp")

RANGE_CONNECTOR = re.compile(r"\bto\b|\band\b|\bbetween\b|[-–—]", re.IGNORECASE)
TEMPERATURE_AFTER = re.compile(r"\s*(?:°|degrees?\b|deg\b\.?)?\s*([a-z]+)\b", re.IGNORECASE)
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "of", "after", "before", "during", "through"}
TIME_UNITS = {"year", "month", "week", "day", "hour"}
AGED_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
AGE_AFTER = re.compile(r"\s*-?\s*(year|month|week|day)s?\s*-?\s*(?=old\b|of age\b)", re.IGNORECASE)
# a minor amount quantulum3 leaves unread at the end of a phrase: "15 dollars 50.", "17 USD 25"
MINOR_AFTER = re.compile(r"\s+(?:and\s+)?(\d{1,2})(?=\s*(?:[.,;!?)]|$|more\b))")
RATE_AFTER = re.compile(r"\s*(?:-\s*)?(?:an|a|per|each)\b\s*(?:-\s*)?([a-z]+)\b", re.IGNORECASE)
ARTICLE_BEFORE_CURRENCY = re.compile(r"\b(an?)(?=\s*[$£€¥₴₽])", re.IGNORECASE)
BRACKETED_UNIT = re.compile(r"(?<=\d)(\s*)([(\[{<])([^\W\d_]{1,6})([)\]}>])")


@dataclass
class Measure:
    """A number in the text with its unit or counted noun (before ids are given)."""

    start: int  # the whole mention: approximator, number, unit, counted noun
    end: int
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    kind: QuantityKind
    concept: Optional[str]
    approximate: bool
    number_end: int  # end of the number itself ("14| tons of food", "$ 70| a share")
    casualty: Optional[Any] = None  # a casualties.CasualtyReading where the count is a toll
    implicit: bool = False  # no number is written: "a policeman was killed" (1), "no casualties" (0)


def _parse(text: str):
    return quantulum_parser().parse(text)


@cache
def _units():
    """quantulum3's English unit tables (imported on first use: the import is slow)."""
    from quantulum3 import load

    return load.units("en_US")


@cache
def _unit_words() -> frozenset[str]:
    """Lower-cased unit names quantulum3 knows ("mile", "tons", "percent")."""
    return frozenset(surface.lower() for surface in _units().surfaces if surface.isalpha())


def _may_be_quantity(token: Token, units: frozenset[str]) -> bool:
    return _counts(token) or token.lower_ in units


@per_doc
def _quantity_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens ``_may_be_quantity`` accepts, from the Doc's arrays: most tokens
    are plain words, and building a Token for each only to turn it down was the largest part
    of the per-sentence loop."""
    array = doc.to_array([LIKE_NUM, IS_ALPHA, LOWER])
    # a number, or a lower-cased form that is a unit name (compared by its string-store hash)
    taken = (array[:, 0] != 0) | numpy.isin(array[:, 2], _unit_word_hashes())
    # what is left and not all letters may hold a digit or a vulgar fraction ("1,200", "½")
    texts = token_texts(doc)
    numeric = [i for i in numpy.flatnonzero(~taken & (array[:, 1] == 0)).tolist() if any(map(str.isnumeric, texts[i]))]
    return sorted(numpy.flatnonzero(taken).tolist() + numeric)


@cache
def _unit_word_hashes():
    """The string-store hashes of ``_unit_words``, as the Doc's LOWER array holds them."""
    return numpy.array(sorted(hash_string(word) for word in _unit_words()), dtype=numpy.uint64)


def _counts(token: Token) -> bool:
    """A number: digits, a vulgar fraction ("½") or a number word."""
    if token.is_alpha:  # most tokens: words, which hold no digit
        return token.like_num
    return token.like_num or any(map(str.isnumeric, token.text))


# tokens of context quantulum3 is shown on each side of a number or unit word: enough for
# "between 5 and 10 square kilometres", "$ 48.2 million", "some 22 miles (35 km)"
WINDOW_BEFORE = 2
WINDOW_AFTER = 3


def quantity_windows(sent: Span, seeds: list[Token]) -> list[tuple[int, int]]:
    """Token ranges [first, last] around ``seeds`` (digits, number words, unit names),
    overlapping ones merged. quantulum3's cost grows with the length of what it reads (one huge
    regular expression tried at every character), so it reads these, not the sentence."""
    windows: list[tuple[int, int]] = []
    unit_tokens = _unit_tokens()
    for token in seeds:
        first = max(token.i - WINDOW_BEFORE, sent.start)
        last = min(token.i + WINDOW_AFTER, sent.end - 1)
        # never end on a number ("debate in 10| days") or a word quantulum3 may take for a
        # unit: at the end of its text it reads "660 square meters in" as square metre inch
        while last + 1 < sent.end and (sent.doc[last].lower_ in unit_tokens or _counts(sent.doc[last])):
            last += 1
        if windows and first <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], last)
        else:
            windows.append((first, last))
    return windows


PLAIN_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# number words read plainly like digits ("two polls", "eight weeks"): not "one" (often a
# pronoun or "a"), nor multipliers ("hundred"), which quantulum3 combines with what is around
NUMBER_WORDS = {
    word: float(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
    if n >= 2
} | {word: float(10 * n) for n, word in enumerate("- - twenty thirty forty fifty sixty seventy eighty ninety".split()) if n >= 2}
# words next to a number that quantulum3 reads as part of the quantity (ranges, products,
# rates, fractions, "a number of"): a number next to one of them always goes to quantulum3
NOT_PLAIN_AFTER = frozenset({"to", "and", "or", "x", "times", "per", "a", "an", "by", "plus", "minus", "point", "of", "half", "quarter", "dozen"})
NOT_PLAIN_BEFORE = frozenset({"minus", "plus", "negative", "number", "no", "a", "an", "to"})
# punctuation that may follow a plain count ("since 2014, when"; "kills 11.")
CLOSERS = frozenset(",.;:)!?")
# the currency prefixes of quantulum3's unit regex that are written with letters
CURRENCY_PREFIXES = frozenset({"ctvs", "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "SFr", "CHF", "ZAR", "BRL", "INR", "MXN",
                               "RUB", "CNY", "KRW", "cts", "cvs", "Fr", "FS", "CT", "R", "p", "c", "C", "d"})
OPENERS = frozenset("(,;:\"'“‘")


@cache
def _unit_tokens() -> frozenset[str]:
    """Every unit name, plural and symbol quantulum3 knows, lower-cased ("km", "usd", "miles"),
    and the first word of its names of several words ("square", "metric", "swiss")."""
    keys = {key.lower() for key in _unit_symbols()}
    return frozenset(keys) | frozenset(key.split()[0] for key in keys if " " in key) | _unit_words()


@lru_cache(maxsize=50_000)
def _read_as_unit(word: str) -> bool:
    """Whether quantulum3 reads ``word`` after a number as a unit. Besides the names it knows,
    it builds units from symbols run together ("lakh" is litre-year-kibibyte-hour, "rmb"
    rand-millibarn), so plain counts are only taken before words it leaves alone; the answer
    is kept, as the same words follow numbers again and again."""
    return [(q.surface, q.unit.name) for q in _parse(f"1 {word}")] != [("1", "dimensionless")]


def _ends_plainly(token: Token, after_unit: bool = False) -> bool:
    """The token after a plain quantity: an ordinary lower-case word quantulum3 reads nothing
    into, a line break, a closing punctuation mark not followed by another number, or after a
    unit "of" ("34 percent of") and a bracketed restatement ("52 km (32 miles)")."""
    doc, units = token.doc, _unit_words()
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.is_space or token.text in CLOSERS:
        return following is None or (token.whitespace_ or following.is_space or token.is_space) and not _counts(following)
    if after_unit and token.text == "(" and following is not None and PLAIN_NUMBER.fullmatch(following.text):
        return True
    if not (token.text.isascii() and token.text.isalpha() and token.text.islower()):
        return False
    if after_unit and token.lower_ == "of":
        return True
    if token.lower_ in NOT_PLAIN_AFTER or token.lower_ in _unit_tokens() or _may_be_quantity(token, units):
        return False
    return not _read_as_unit(token.text)


# symbols read directly after a number; other symbols ("in", "pm", "t") are English words too
PLAIN_UNIT_SYMBOLS = frozenset({"km", "kg", "%"})
# unit names that are also ordinary words after a number ("the 1988 quarter", "a 2 second")
NOT_PLAIN_UNITS = frozenset({"quarter", "second", "grain", "stone", "point", "line", "degree", "pound-mass"})


def _single_unit(word: str):
    """The one unit quantulum3 knows by this full name ("percent", "hours", "kilometres") or
    by one of a few unmistakable symbols, looked up as quantulum3 does; None where the name
    has several units, or none, or is also an ordinary word."""
    units = _units()
    if word not in PLAIN_UNIT_SYMBOLS and word.lower() not in units.surfaces_lower:
        return None
    found = units.symbols.get(word) or units.surfaces.get(word) or units.surfaces_lower.get(word.lower()) or units.symbols_lower.get(word.lower())
    unit = next(iter(found)) if found and len(found) == 1 else None
    return None if unit is None or unit.name in NOT_PLAIN_UNITS else unit


def plain_reading(number: Token):
    """(index of the last token, quantulum3 unit) for a number quantulum3 reads plainly: a bare
    count between ordinary words ("at least 269 people were") or a number with a single,
    unambiguous unit name after it ("lasted 6 hours when", "about 52 km from"); else None.

    These are most numbers in news, and a bare count is quantulum3's slowest case: its unit
    regex tries every unit it knows against the following word before giving up. Anything less
    plain (a unit of several words or an ambiguous one, a number word or range word next to it,
    a sign or currency before, a decimal comma, a hyphen) is None and left to quantulum3. A test
    checks that quantulum3 reads these numbers this way in their sentences.
    """
    doc, units = number.doc, _unit_words()
    if not (PLAIN_NUMBER.fullmatch(number.text) or number.text.lower() in NUMBER_WORDS) or number.i + 1 >= len(doc):
        return None
    if number.i > 0:
        before = doc[number.i - 1]
        if not (before.text.isalpha() and before.whitespace_ or before.text in OPENERS):
            return None
        if before.lower_ in NOT_PLAIN_BEFORE or before.text in CURRENCY_PREFIXES or _may_be_quantity(before, units):
            return None
    after = doc[number.i + 1]
    if (number.whitespace_ or after.text in CLOSERS or after.is_space) and _ends_plainly(after):
        return number.i, _units().names["dimensionless"]
    unit = _single_unit(after.text) if number.whitespace_ or after.text == "%" else None
    if unit is not None and _unit_ends_plainly(after):
        return after.i, unit
    return None


def _unit_ends_plainly(unit: Token) -> bool:
    doc = unit.doc
    if unit.i + 1 >= len(doc):
        return False
    following = doc[unit.i + 1]
    return (unit.whitespace_ or following.text in CLOSERS or following.is_space) and _ends_plainly(following, after_unit=True)


def article_reading(unit: Token):
    """(index of the article, quantulum3 unit) for "an hour", "a mile" between ordinary words,
    which quantulum3 reads as one of the unit; else None."""
    doc = unit.doc
    if unit.i < 2 or doc[unit.i - 1].lower_ not in ("a", "an") or not doc[unit.i - 1].whitespace_:
        return None
    before = doc[unit.i - 2]
    if not (before.text.isascii() and before.text.isalpha() and before.text.islower()) or not before.whitespace_:
        return None
    if before.lower_ in NOT_PLAIN_BEFORE or before.lower_ in NOT_PLAIN_AFTER or before.lower_ in _unit_tokens() or _counts(before):
        return None
    found = _single_unit(unit.text)
    if found is None or unit.text in PLAIN_UNIT_SYMBOLS or not _unit_ends_plainly(unit):
        return None
    return unit.i - 1, found


def _after_article(unit: Token) -> bool:
    """A unit name with no number can only be a quantity after "a"/"an" ("an hour", "a mile")."""
    doc = unit.doc
    return any(doc[i].lower_ in ("a", "an") for i in range(max(unit.i - 2, 0), unit.i))


ORDINALS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth",
})
# "13th", "2nd", "21ST": an ordinal written in digits, never a quantity nor a unit ("13th" is no
# 13 t, "13TH" no 13 T)
ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
ORDINAL_IN_TEXT = re.compile(r"(?<![\w.,])\d+(?:st|nd|rd|th)(?![^\W_])", re.IGNORECASE)


def is_ordinal(text: str) -> bool:
    """An ordinal, in words or digits: "third", "13th", "twenty-first", "21ST"."""
    lower = text.lower()
    return lower in ORDINALS or lower.split("-")[-1] in ORDINALS or bool(ORDINAL_NUMBER.fullmatch(lower))


# words before "one" that make it a pronoun: "the one who", "no one", "each one"
ONE_PRONOUN_BEFORE = frozenset({"the", "this", "that", "no", "every", "each", "any", "some", "which", "another", "little", "only"})
ONE_PRONOUN_AFTER = frozenset({"another", "who", "whose", "which", "that"})


def _plain_value(text: str) -> float:
    """The value of a number ``plain_reading`` accepts: digits, or a number word."""
    return NUMBER_WORDS.get(text.lower()) or float(text.replace(",", ""))


def _never_a_quantity(token: Token) -> bool:
    """Number words quantulum3 reads as nothing, or as a wrong fraction, so they are not shown
    to it: an ordinal not after "a" or a number ("the first time", "a sixth-grader" is the
    only exception it gets right) and "one" used as a pronoun ("the one who", "one another")."""
    lower = token.lower_
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    if ORDINAL_NUMBER.fullmatch(lower):
        return True
    if lower in ORDINALS:
        return not (before in ("a", "an", "one") or (token.i > 0 and _counts(doc[token.i - 1])))
    if lower == "one":
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        return before in ONE_PRONOUN_BEFORE or after in ONE_PRONOUN_AFTER
    return False


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _plain_quantity(doc: Doc, first: int, last: int, value: float, unit, offset: int):
    from quantulum3 import classes

    span = (doc[first].idx - offset, doc[last].idx + len(doc[last]) - offset)
    return classes.Quantity(value=value, unit=unit, surface=doc[first : last + 1].text, span=span, uncertainty=None, lang="en_US")


def parse_quantities(sent: Span, text: str) -> list:
    """quantulum3's quantities in ``text`` (the sentence, perhaps masked), spans relative to it.

    Plain numbers and "an hour" are read directly (``plain_reading``, ``article_reading``);
    quantulum3 reads short windows around the other digits, number words and unit names.
    """
    plain: dict[int, tuple[int, int, float, object]] = {}  # seed -> (first, last, value, unit)
    seeds = []
    candidates = _quantity_candidates(sent.doc)
    for i in candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]:
        token = sent.doc[i]
        if _never_a_quantity(token):
            continue
        if _counts(token):
            reading = plain_reading(token)
            if reading is not None:
                plain[token.i] = (token.i, reading[0], _plain_value(token.text), reading[1])
        elif _after_article(token):
            reading = article_reading(token)
            if reading is not None:
                plain[token.i] = (reading[0], token.i, 1.0, reading[1])
        else:
            continue
        seeds.append(token)
    covered = {i for first, last, _, _ in plain.values() for i in range(first, last + 1)}
    windows = quantity_windows(sent, [token for token in seeds if token.i not in covered])
    # a plain reading a window reaches into is left to quantulum3, shown whole
    for first, last, _, _ in plain.values():
        for n, (start, end) in enumerate(windows):
            if start <= last and first <= end:
                windows[n] = (min(start, first), max(end, last))
    windows = _merged(windows)
    offset, doc = sent.start_char, sent.doc
    found = [_plain_quantity(doc, first, last, value, unit, offset) for first, last, value, unit in plain.values()
             if not any(start <= last and first <= end for start, end in windows)]
    for first, last in windows:
        start, end = doc[first].idx - offset, doc[last].idx + len(doc[last]) - offset
        window = text[start:end]
        for quantity in _parse(window):
            quantity = _whole_words(window, quantity)
            quantity.span = (quantity.span[0] + start, quantity.span[1] + start)
            found.append(quantity)
    found.sort(key=lambda quantity: quantity.span)
    return found


def _whole_words(window: str, quantity):
    """The quantity read again without the word its unit ran into.

    Which of its overlapping units quantulum3 tries first depends on Python's string hashing,
    so "$14.5 billion tax" is "dollar" in one process and "dollar teraampere" ("ta" of "tax")
    in another; the reading that cuts a word would then be dropped. Read up to that word instead.
    """
    start, end = quantity.span
    if not (0 < end < len(window) and window[end - 1].isalnum() and window[end].isalnum()):
        return quantity
    cut = end
    while cut > start and window[cut - 1].isalnum():
        cut -= 1
    if cut <= start:
        return quantity
    for again in _parse(window[:cut]):
        if again.span[0] == start:
            return again
    return quantity


def false_unit_spans(text: str, data: MeasureData) -> list[tuple[int, int]]:
    """Character spans of clock times, ratios and similar that are never measures (the
    quantities and the casualty reading both ask, for the same text: worked out once)."""
    if _false_spans_cache[0] is not text or _false_spans_cache[1] is not data:
        spans = [m.span() for pattern in _fast_patterns(data.false_unit_patterns) for m in pattern.finditer(text)]
        _false_spans_cache[:] = [text, data, spans]
    return _false_spans_cache[2]


@lru_cache(maxsize=8)
def _fast_patterns(patterns: tuple[re.Pattern, ...]) -> tuple[UnitPattern, ...]:
    return tuple(UnitPattern(pattern) for pattern in patterns)


_false_spans_cache: list = [None, None, []]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _tokens(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def _code_scale(word: str, table: dict[str, str], data: MeasureData) -> Optional[tuple[str, float]]:
    """A currency code, possibly with a scale letter in front ("MUSD" is a million dollars)."""
    if word in table:
        return table[word], 1.0
    if len(word) == 4 and word[0] == "m" and word[1:].isalpha() and word[1:] in table:
        return table[word[1:]], data.scale_words.get("m", 1e6)
    return None


def _currency_before(text: str, lo: int, start: int, data: MeasureData) -> Optional[tuple[str, int, float]]:
    """(unit, new start, scale) for a currency symbol or code written just before ``start``."""
    before = text[lo:start].rstrip()
    lowered = before.lower()
    prefixes = data.currency_prefixes_longest_first
    for prefix in prefixes if lowered.endswith(prefixes) else ():
        if not lowered.endswith(prefix):
            continue
        at = len(before) - len(prefix)
        if prefix[0].isalnum() and at > 0 and lowered[at - 1].isalnum():
            continue
        return data.currency_prefixes[prefix], lo + at, 1.0
    match = re.search(r"(?<![\w$])([a-z]{4})\s*$", lowered)
    if match:
        found = _code_scale(match.group(1), data.currency_prefixes, data)
        if found:
            return found[0], lo + match.start(1), found[1]
    return None


def _currency_after(text: str, end: int, hi: int, data: MeasureData) -> Optional[tuple[str, int, float]]:
    """(unit, new end, scale) for a currency symbol, code or name written just after ``end``
    ("10 turkish lira", "115USD", "30 MUSD", "75 USD million")."""
    match = re.match(r"\s*([^\s\d.,;:!?()\[\]{}\"']+)(?:\s+([^\s\d.,;:!?()\[\]{}\"']+))?", text[end:hi])
    if not match:
        return None
    found = None
    if match.group(2):
        two_words = f"{match.group(1)} {match.group(2)}".lower()
        if two_words in data.currency_suffixes:
            found, new_end = (data.currency_suffixes[two_words], 1.0), end + match.end(2)
    if found is None:
        found, new_end = _code_scale(match.group(1).lower(), data.currency_suffixes, data), end + match.end(1)
    if not found:
        return None
    unit, scale = found
    scale_match = re.match(r"\s+([a-z]+)\b", text[new_end:hi], re.IGNORECASE)
    if scale_match and scale_match.group(1).lower() in data.scale_words and scale_match.group(1).lower() != "m":
        scale *= data.scale_words[scale_match.group(1).lower()]
        new_end += scale_match.end(1)
    return unit, new_end, scale


def _concept_phrase(doc: Doc, head: Token, after: int, data: MeasureData) -> tuple[str, int]:
    """The counted noun with the adjectives and nouns right before it (those after token ``after``)."""
    first = head
    for left in reversed(list(doc[after + 1 : head.i])):
        if left.pos_ in ("ADJ", "NOUN", "PROPN") and left.lower_ not in data.concept_modifier_stopwords:
            first = left
        elif left.text == "-" and not left.whitespace_ and left.i - 1 > after and not doc[left.i - 1].whitespace_:
            continue  # "battalion-tactical groups"
        else:
            break
    end = head.idx + len(head.text)
    return doc_text(doc)[first.idx : end], end


def _noun_after_of(doc: Doc, of: Token, sent: Span) -> Optional[Token]:
    """The noun that ends the phrase after "of": "of its own |troops|", "of |food| and medical supplies"."""
    for token in doc[of.i + 1 : min(of.i + 7, sent.end)]:
        if token.pos_ in ("NOUN", "PROPN"):
            following = doc[token.i + 1] if token.i + 1 < sent.end else None
            if following is None or following.pos_ not in ("NOUN", "PROPN"):
                return token
        elif token.pos_ not in ("DET", "PRON", "ADJ", "NUM", "PART") or token.tag_ == "CD":
            # "two of the five victims": the five victims are a quantity of their own
            return None
    return None


def _counted_noun(doc: Doc, last: Token, sent: Span, data: MeasureData, with_unit: bool) -> Optional[tuple[str, int]]:
    """(concept text, new end) for the noun a number counts, from the parse."""
    nxt = doc[last.i + 1] if last.i + 1 < sent.end else None
    if nxt is None:
        return None
    if not with_unit:
        # "a 45-bus convoy": the noun right after the hyphen is what is counted
        if nxt.text in "-–" and not last.whitespace_ and not nxt.whitespace_ and last.i + 2 < sent.end:
            noun = doc[last.i + 2]
            if noun.pos_ in ("NOUN", "PROPN"):
                return noun.text, noun.idx + len(noun.text)
        # "between 10 and 15 tanks": the first number of a range carries the relation
        anchor = last.head if last.dep_ in ("conj", "prep", "appos", "npadvmod") and last.head.like_num else last
        head = anchor.head
        # a plural noun, or any noun after "one": "the 8088 chip" and "123 Random Street" name things
        plural = head.tag_ in ("NNS", "NNPS") or last.lower_ in ("one", "1")
        if (
            anchor.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod")
            and head.pos_ in ("NOUN", "PROPN")
            and plural
            and last.i < head.i <= last.i + 4
            and head.i < sent.end
            and head.ent_type_ not in ("DATE", "TIME")
        ):
            return _concept_phrase(doc, head, last.i, data)
    if nxt.lower_ == "of":
        of_noun = _noun_after_of(doc, nxt, sent)
        if of_noun is not None and (with_unit or of_noun.tag_ in ("NNS", "NNPS")):
            return _concept_phrase(doc, of_noun, nxt.i, data)
    return None


def _approximator(doc: Doc, first: Token, sent: Span, data: MeasureData) -> Optional[int]:
    """Start offset of an approximator ("some", "upwards of") right before token ``first``."""
    if first.i == 0:
        return None
    for phrase in data.approximators_by_last_word.get(doc[first.i - 1].lower_, ()):
        lo = first.i - len(phrase)
        if lo < sent.start:
            continue
        if tuple(t.lower_ for t in doc[lo : first.i]) == phrase:
            return doc[lo].idx
    return None


def _entity_labels(doc: Doc, start: int, end: int) -> set[str]:
    tokens = _tokens(doc, start, end)
    return {t.ent_type_ for t in tokens if t.ent_type_} if tokens is not None else set()


def _temperature(text: str, number_end: int, hi: int, data: MeasureData) -> Optional[tuple[str, int]]:
    """quantulum3 reads "98.6 degrees f" as an angle: find the temperature scale after the number."""
    match = TEMPERATURE_AFTER.match(text, number_end, hi)
    if not match:
        return None
    word = match.group(1).lower()
    written_degrees = match.group(0).strip().lower()[:1] in ("°", "d")
    if word in data.temperature_suffixes and (written_degrees or len(word) > 1):
        return data.temperature_suffixes[word], match.end(1)
    return None


def _number_end(doc: Doc, tokens: Span, data: MeasureData) -> Optional[int]:
    """End offset of the number (with its scale word and range) at the start of ``tokens``;
    None where quantulum3 found a number in no word ("& p" read as one pint)."""
    end = tokens.start_char
    seen_number = False
    for position, token in enumerate(tokens):
        nxt = tokens[position + 1] if position + 1 < len(tokens) else None
        if (token.is_currency or (position == 0 and token.lower_ in ("between", "from"))) and not seen_number:
            continue
        if token.like_num or token.pos_ == "NUM" or (seen_number and token.lower_ in data.scale_words and token.lower_ != "m"):
            seen_number = True
            end = token.idx + len(token.text)
        elif seen_number and token.lower_ in ("-", "–", "to", "and", "/") and nxt is not None and nxt.like_num:
            continue
        elif position == 0 and token.lower_ in ("a", "an"):
            end = token.idx + len(token.text)
            if nxt is None or not (nxt.like_num or nxt.lower_ in ("half", "quarter", "third", "dozen")):
                return end
            seen_number = True
        else:
            break
    if seen_number:
        return end
    # a number glued to its unit is one token ("75ml", "10kph", "24703m2")
    glued = re.match(r"[^\w\s]*\s*[-+]?(?:\d[\d.,]*|[½¼¾⅓⅔])", tokens.text)
    return tokens.start_char + glued.end() if glued else None


def _glued_number_end(text: str, start: int, end: int, data: MeasureData) -> tuple[Optional[int], float]:
    """(end of the number, scale) for a number that starts inside a token after a currency
    mark ("RM|1.2 billion", "HK$|3bn"): the digits, a scale suffix glued to them ("bn", "m")
    and scale words after them ("billion")."""
    match = re.match(r"[-+]?\d[\d,]*(?:\.\d+)?", text[start:end])
    if match is None:
        return None, 1.0
    number_end, scale = start + match.end(), 1.0
    suffix = re.match(r"[a-zA-Z]+\b", text[number_end:])
    if suffix and suffix.group(0).lower() in data.scale_words and _currency_before(text, max(0, start - 8), start, data):
        scale = data.scale_words[suffix.group(0).lower()]
        number_end += suffix.end()
    following = re.match(r"\s+([a-z]+)\b", text[number_end:end], re.IGNORECASE)
    if following and following.group(1).lower() in data.scale_words and following.group(1).lower() != "m":
        number_end += following.end()
    return number_end, scale


def _is_code(text: str, end: int) -> bool:
    """A number and unit glued to more letters or digits is a code: "24703m212", "L-202"."""
    after = text[end : end + 2]
    return bool(after) and (after[0].isalnum() or (after[0] == "-" and after[1:2].isdigit()))


def _unit_with_digits(unit_surface: str) -> bool:
    """"m212", "L-202": a code, not a unit; "m2" and "km³" are units with a power."""
    return any(c.isdigit() for c in unit_surface) and re.fullmatch(r"[^\W\d_]+[23²³]", unit_surface) is None


def _unit_is_a_word(text: str, number_end: int, end: int, data: MeasureData) -> bool:
    """Whether what quantulum3 read as a unit after a spaced number is an ordinary word or a
    name: part of a longer word ("13 S|.African", "Seven s|lain", "29 in C|.Africa"), or one
    whole word that is no unit name or symbol it knows ("52 martyrs" is no megayear, "2 FACA"
    no femtoampere, "Two BSF" no byte), or a word listed in ``not_units`` ("3 MPs").

    quantulum3 builds units from symbols run together; a count of people or of a named group
    must never become a physical quantity.
    """
    if text[end : end + 1].isalpha() or (text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha()):
        return True
    if not text[number_end : number_end + 1].isspace():
        return False  # glued to the number: "200lbs", "£2m"
    surface = text[number_end:end].strip()
    if surface in data.not_units or surface.lower() in data.not_units:
        return True
    if not re.fullmatch(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", surface):
        return False
    lowered = surface.lower()
    if surface.isupper() and len(surface) > 1:
        # "3 PA officers", "2 GNA fighters": capitals are an acronym unless the symbol is written so
        return not (surface in _unit_symbols() or lowered in data.capital_units)
    return not (lowered in _unit_tokens() or lowered in data.scale_words or lowered in data.currency_suffixes)


def _entity_of(unit: str) -> Optional[str]:
    known = _units().names.get(unit)
    return known.entity.name if known is not None else None


def _split_unknown_unit(dimensions: list[dict], data: MeasureData) -> tuple[str, Optional[str], float]:
    """(unit, entity, scale) for a run of units quantulum3 could not combine: "£2m" is pound
    sterling and metre to it (two million pounds), "$105 a barrel" dollar per barrel."""
    first = dimensions[0]["base"]
    entity = _entity_of(first)
    rest = dimensions[1:]
    suffix = "".join(d.get("surface", "") for d in rest).lower()
    if entity == "currency" and rest and all(d["power"] == 1 for d in rest) and suffix in data.scale_words:
        return first, entity, data.scale_words[suffix]
    if len(rest) == 1 and rest[0]["power"] == -1:
        return f"{first} per {rest[0]['base']}", entity, 1.0
    # otherwise keep the first unit
    return first, entity, 1.0


def _rate(text: str, end: int, hi: int, data: MeasureData) -> Optional[tuple[str, int]]:
    """("share", new end) for a rate written after a unit: "$ 98 a share", "barrels a day"."""
    match = RATE_AFTER.match(text, end, hi)
    if not match:
        return None
    noun = match.group(1).lower()
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in data.rate_nouns else noun
    if singular not in data.rate_nouns:
        return None
    following = re.match(r"\s*([a-z]+)", text[match.end() : hi], re.IGNORECASE)
    if following and following.group(1).lower() in data.rate_not_after:
        return None
    return singular, match.end()


@dataclass
class _Reading:
    """One quantulum3 result as far as it has been read: bounds, number, unit and value."""

    start: int
    end: int
    number_end: int
    glued_scale: float
    unit: Optional[str] = None
    entity: Optional[str] = None
    value: float = 0.0
    value_max: Optional[float] = None
    scale: float = 1.0
    aged: bool = False


def _quantulum_bounds(text: str, lo: int, parsed, false_spans) -> Optional[tuple[int, int]]:
    """Where quantulum3's result lies in the text, trimmed; None where it is empty or a false unit."""
    start = lo + parsed.span[0]
    end = lo + parsed.span[1]
    surface = text[start:end]
    start += len(surface) - len(surface.lstrip())
    end -= len(surface) - len(surface.rstrip())
    if end <= start or _overlaps(start, end, false_spans):
        return None
    return start, end


def _number_reading(doc: Doc, text: str, tokens: Span, start: int, end: int, hi: int, data: MeasureData) -> Optional[_Reading]:
    """Where the number ends and the unit text ends; None where the number or unit is no quantity's."""
    glued_scale = 1.0
    if tokens[0].idx < start and re.match(r"[-+]?\d", text[start:end]):
        # a number glued to a currency mark quantulum3 was not shown: "RM1.2", "NZ$4m", "HK$3bn"
        number_end, glued_scale = _glued_number_end(text, start, end, data)
    else:
        number_end = _number_end(doc, tokens, data)
    if number_end is None or number_end <= start:
        # the number read from the token lies before what quantulum3 read: "0&&" is one token,
        # and quantulum3 took its "&" for "one"; the "0" is a result of its own
        return None
    number_end = min(number_end, end) if glued_scale == 1.0 else number_end
    if glued_scale != 1.0:
        end = max(end, number_end)
    bracketed = re.search(r"[(\[{<][^\W\d_]*$", text[number_end:end])
    if bracketed:
        closing = re.match(r"[^\W\d_]*[)\]}>]", text[number_end + bracketed.start() + 1 : hi])
        end = number_end + bracketed.start() + 1 + closing.end() if closing else number_end
    if number_end < end and (_is_code(text, end) or _unit_with_digits(text[number_end:end].strip())):
        return None
    return _Reading(start, end, number_end, glued_scale)


def _read_unit(text: str, parsed, reading: _Reading, article: bool, data: MeasureData) -> bool:
    """Which unit quantulum3's unit really is (renamed, split, or none); False where it is no quantity."""
    start, end, number_end = reading.start, reading.end, reading.number_end
    unit: Optional[str] = parsed.unit.name
    entity: Optional[str] = parsed.unit.entity.name
    if unit in data.unit_renames and _entity_of(data.unit_renames[unit]):
        unit = data.unit_renames[unit]  # "200bhp" is no bit horsepower
        entity = _entity_of(unit)
    if article and (unit in data.article_ambiguous_units or any(c.isupper() for c in text[number_end:end])):
        return False  # "a real chance", "a Buk missile"
    if re.match(r"[^\w\s]*\s*0\d", text[start:end]):
        return False  # "0800 123 456": a leading zero makes a code or phone number
    unit_surface = text[number_end:end].strip().lower()
    trailing = re.search(r"\s+(\S+)$", text[number_end:end])
    if trailing and trailing.group(1).lower() in data.non_unit_surfaces and text[number_end:end].strip() != trailing.group(1):
        end = number_end + trailing.start()  # "50 kW at full load": the unit is kW
        unit_surface = text[number_end:end].strip().lower()
    glued = re.fullmatch(r"([-+]?\d[\d,.]*)([a-zA-Z]+)", text[start:end])
    if glued and glued.group(2) in data.glued_currency_suffixes:  # "20p"
        unit, entity, unit_surface = data.glued_currency_suffixes[glued.group(2)], "currency", ""
        number_end = start + glued.end(1)
    if unit_surface and (
        unit_surface in data.non_unit_surfaces
        or (len(unit_surface) == 1 and unit_surface.isalpha() and unit_surface not in data.single_letter_units)
        or _unit_is_a_word(text, number_end, end, data)
    ):
        unit, entity, end = "dimensionless", "dimensionless", number_end
    if reading.glued_scale != 1.0:  # "4m" after "NZ$" is four million, not four metres
        unit, entity, end = "dimensionless", "dimensionless", number_end
    if entity == "unknown" and parsed.unit.dimensions:
        unit, entity, reading.scale = _split_unknown_unit(parsed.unit.dimensions, data)
    if unit is not None:
        unit = data.unit_renames.get(unit, unit)
    if unit == "unk":
        unit, entity = "dimensionless", "dimensionless"
    reading.unit, reading.entity, reading.end, reading.number_end = unit, entity, end, number_end
    return True


def _read_value(text: str, parsed, reading: _Reading) -> None:
    """The value, or the low and high ends of a range, scaled by the unit's scale."""
    value = float(parsed.value)
    value_max: Optional[float] = None
    if parsed.uncertainty and RANGE_CONNECTOR.search(text[reading.start : reading.end].lstrip("-–")):
        value, value_max = value - parsed.uncertainty, value + parsed.uncertainty
    if reading.scale != 1.0:
        value, value_max = value * reading.scale, value_max * reading.scale if value_max is not None else None
    reading.value, reading.value_max = value, value_max


def _read_temperature(text: str, hi: int, reading: _Reading, data: MeasureData) -> None:
    """Whether a degree or bare number is a temperature ("40 degrees Celsius")."""
    if reading.unit in ("degree", "dimensionless") or reading.entity == "temperature":
        temperature = _temperature(text, reading.number_end, hi, data)
        if temperature:
            reading.unit, reading.end, reading.entity = temperature[0], max(reading.end, temperature[1]), "temperature"


def _read_currency(text: str, lo: int, hi: int, reading: _Reading, data: MeasureData) -> None:
    """Which currency a symbol or code written apart from the number gives it, and its scale."""
    start, end, number_end = reading.start, reading.end, reading.number_end
    currency = None
    if reading.entity != "currency":
        currency = _currency_before(text, lo, start, data)
        if currency:
            start, end = currency[1], number_end
            # "Rs 250 crore": a scale word quantulum3 does not know
            scale_after = re.match(r"\s+([a-z]+)\b", text[end:hi], re.IGNORECASE)
            if scale_after and scale_after.group(1).lower() in data.scale_words and scale_after.group(1).lower() != "m":
                currency = (currency[0], currency[1], currency[2] * data.scale_words[scale_after.group(1).lower()])
                end = number_end = end + scale_after.end(1)
    if currency is None:
        currency = _currency_after(text, number_end, hi, data)
        if currency:
            end = max(end, currency[1])
    if currency:
        reading.unit, reading.entity, reading.scale = currency[0], "currency", currency[2] * reading.glued_scale
        reading.value *= reading.scale
        reading.value_max = reading.value_max * reading.scale if reading.value_max is not None else None
    reading.start, reading.end, reading.number_end = start, end, number_end


def _read_age(text: str, lo: int, hi: int, reading: _Reading) -> None:
    """Whether a number without a unit is an age ("a 28 - year - old", "aged 22"); else no unit."""
    if reading.unit != "dimensionless":
        return
    reading.unit = None
    # "a 28 - year - old": quantulum3 reads the number alone when the hyphens are spaced
    age = AGE_AFTER.match(text, reading.number_end, hi)
    if age:
        reading.unit, reading.entity = age.group(1).lower(), "time"
        reading.end = max(reading.end, age.start(1) + len(age.group(1)))
    elif (aged_before := AGED_BEFORE.search(text, lo, reading.start)) and re.fullmatch(
        r"\d{1,3}", text[reading.start : reading.number_end]
    ):
        reading.unit, reading.entity = "year", "time"  # "aged 22"
        reading.start = aged_before.start()
        reading.aged = True


def _read_rate(text: str, hi: int, reading: _Reading, kind: QuantityKind, data: MeasureData) -> QuantityKind:
    """Whether the unit is a rate ("$ 98 a share", "km an hour"); the kind, speed for a length per hour."""
    if reading.unit is not None:
        if re.search(r"-an?$", text[reading.start : reading.end]):
            reading.end = text.rindex("-", reading.start, reading.end)
        rate = _rate(text, reading.end, hi, data)
        if rate:
            reading.unit, reading.end = f"{reading.unit} per {rate[0]}", rate[1]
            if kind == "length" and rate[0] in data.speed_nouns:
                kind = "speed"
    return kind


def _names_rather_than_counts(
    doc: Doc, text: str, sent: Span, reading: _Reading, counted, number_tokens: Span, data: MeasureData
) -> bool:
    """Whether a bare number is a year, date, name or identifier rather than a count."""
    if reading.unit is not None:
        return False
    start, number_end = reading.start, reading.number_end
    year_like = YEAR.match(text[start:number_end]) is not None
    labels = _entity_labels(doc, start, number_end) & data.name_entity_labels
    # "in 2014", "on Feb. 24", "France 24 reporters" are no quantities; "2000 troops" counts
    # troops even where NER takes the number for a year
    if (counted is None and (year_like or labels)) or (labels - {"DATE", "TIME"}):
        return True
    before = doc[number_tokens.start - 1] if number_tokens.start > sent.start else None
    if before is not None and (
        (year_like and before.lower_ in YEAR_PREPOSITIONS) or (before.pos_ == "PROPN" and before.is_title)
    ):
        return True  # "in 2014 people fled", "France 24 reporters"
    return not reading.aged and not counted and _is_identifier(doc, number_tokens)


def _concept(text: str, hi: int, reading: _Reading, counted, data: MeasureData) -> Optional[str]:
    """What is measured: an age, the counted noun ("two workers"), or nothing."""
    if reading.aged:
        return "age"
    if counted:
        concept, reading.end = counted
        return concept
    if reading.unit in TIME_UNITS:
        for marker in data.age_markers:
            pattern = r"\s*(?:-\s*)?" + r"\s+".join(map(re.escape, marker)) + r"\b"
            match = re.compile(pattern, re.IGNORECASE).match(text, reading.end, hi)
            if match:
                reading.end = match.end()
                return "age"
    return None


def measure_from_quantulum(doc: Doc, sent: Span, parsed, false_spans, data: MeasureData) -> Optional[Measure]:
    """One quantulum3 result as a Measure, or None where it is not a quantity."""
    text = doc_text(doc)
    lo, hi = sent.start_char, sent.end_char
    bounds = _quantulum_bounds(text, lo, parsed, false_spans)
    if bounds is None:
        return None
    tokens = _tokens(doc, *bounds)
    if tokens is None:
        return None
    reading = _number_reading(doc, text, tokens, *bounds, hi, data)
    article = tokens[0].lower_ in ("a", "an")
    if reading is None or not _read_unit(text, parsed, reading, article, data):
        return None
    _read_value(text, parsed, reading)
    _read_temperature(text, hi, reading, data)
    _read_currency(text, lo, hi, reading, data)
    _read_age(text, lo, hi, reading)
    kind = data.kind_of(reading.unit, reading.entity)
    if article and kind in ("duration", "count", "percent", "other"):
        return None
    kind = _read_rate(text, hi, reading, kind, data)
    tokens = _tokens(doc, reading.start, reading.end)
    if tokens is None:
        return None
    number_tokens = _tokens(doc, reading.start, reading.number_end) or tokens
    counted = (
        None
        if kind in ("length", "percent", "speed")
        else _counted_noun(
            doc, (tokens if reading.unit else number_tokens)[-1], sent, data, with_unit=reading.unit is not None
        )
    )
    if _names_rather_than_counts(doc, text, sent, reading, counted, number_tokens, data):
        return None
    concept = _concept(text, hi, reading, counted, data)
    approximate = False
    approx_start = _approximator(doc, tokens[0], sent, data)
    if approx_start is not None:
        approximate, reading.start = True, approx_start
    return Measure(
        reading.start, reading.end, reading.value, reading.value_max, reading.unit, kind, concept,
        approximate, reading.number_end,
    )


def _is_identifier(doc: Doc, number: Span) -> bool:
    """A bare number that names rather than counts: "highway 115", "exit 436", "the 486",
    "1 )" in a list."""
    before = doc[number.start - 1] if number.start > number.sent.start else None
    after = doc[number.end] if number.end < number.sent.end else None
    if before is not None and before.lower_ in ("no.", "no", "number", "#"):
        return True
    if before is not None and before.pos_ in ("NOUN", "PROPN", "X", "SYM"):
        # "a prewar 430,000" is a count whose noun phrase the number heads; "exit 436" a name
        determined = before.i > number.sent.start and doc[before.i - 1].pos_ == "DET" and before.head.i in range(number.start, number.end)
        return not determined
    if after is not None and after.text in (")", "]"):
        return True
    return before is not None and before.lower_ == "the" and (after is None or after.pos_ in ("AUX", "VERB"))


@cache
def _counting_phrases_by_first_word(phrases: tuple[tuple[tuple[str, ...], float], ...]) -> dict[str, list]:
    """Counting phrases by their first word, longest first, so each token is one lookup."""
    index: dict[str, list] = {}
    for phrase, value in sorted(phrases, key=lambda item: len(item[0]), reverse=True):
        index.setdefault(phrase[0], []).append((phrase, value))
    return index


def counting_word_measures(doc: Doc, sent: Span, taken: list[tuple[int, int]], data: MeasureData) -> list[Measure]:
    """Counts quantulum3 leaves out: "one of the computers", "dozens of homes"."""
    found = []
    by_first_word = _counting_phrases_by_first_word(tuple(data.counting_words.items()))
    forms = token_forms(doc)
    starts = _counting_starts(doc, by_first_word)
    free = sent.start  # the first token no phrase found has taken
    for index in starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]:
        if index < free:
            continue
        for phrase, value in by_first_word.get(forms[index][1], ()):
            last = index + len(phrase) - 1
            if last >= sent.end or tuple(form[1] for form in forms[index : last + 1]) != phrase:
                continue
            if phrase == ("one",) and doc[index].pos_ != "NUM":
                continue
            start, end = doc[index].idx, doc[last].idx + len(doc[last].text)
            if _overlaps(start, end, taken):
                continue
            counted = _counted_noun(doc, doc[last], sent, data, with_unit=False)
            if counted:
                approximate = phrase[-1].endswith("s")
                approx_start = _approximator(doc, doc[index], sent, data)
                found.append(Measure(approx_start if approx_start is not None else start, counted[1], value, None, None, "count", counted[0], approximate or approx_start is not None, end))
            free = last + 1
            break
    return found


def _counting_starts(doc: Doc, by_first_word: dict[str, list]) -> list[int]:
    """Indices of the tokens that begin some counting phrase, once per Doc (most begin none)."""
    if _counting_starts_cache[0] is not doc or _counting_starts_cache[1] is not by_first_word:
        starts = [i for i, form in enumerate(token_forms(doc)) if form[1] in by_first_word]
        _counting_starts_cache[:] = [doc, by_first_word, starts]
    return _counting_starts_cache[2]


_counting_starts_cache: list[Any] = [None, None, []]


@cache
def _unit_symbols() -> frozenset[str]:
    units = _units()
    return frozenset(units.symbols) | frozenset(units.surfaces_lower)


def _unbracket_unit(match: re.Match) -> str:
    """"20 (kg)" -> "20 kg  ": same length, and only for real unit symbols ("2014 (AP)" stays)."""
    if match.group(3) not in _unit_symbols():
        return match.group(0)
    # the unit moves one place left; measure_from_quantulum extends the span over the bracket
    return match.group(1) + match.group(3) + "  "


def merge_minor_amounts(text: str, measures: list[Measure], data: MeasureData) -> list[Measure]:
    """Join "3 dollars" and "50 cents" (or a bare "50") right after it into 3.5 dollars."""
    merged: list[Measure] = []
    for measure in sorted(measures, key=lambda m: m.start):
        major = merged[-1] if merged else None
        if major is not None and major.unit is not None and major.unit in data.minor_units and major.value_max is None:
            minor_names, ratio = data.minor_units[major.unit]
            # "17 USD 25": quantulum3 gives the code to both numbers
            shares_code = measure.start < major.end and measure.unit == major.unit
            joined = shares_code or re.fullmatch(r"\s*(?:and\s+)?", text[major.end : measure.start]) is not None
            bare = (measure.unit is None or shares_code) and measure.concept is None and measure.value == int(measure.value) and 0 < measure.value < ratio
            if joined and not measure.approximate and (measure.unit in minor_names or bare):
                major.value += measure.value / ratio
                major.end = major.number_end = measure.end
                continue
        merged.append(measure)
    for major in merged:
        if major.unit is not None and major.unit in data.minor_units and major.value_max is None and major.value == int(major.value):
            cents = MINOR_AFTER.match(text, major.end)
            if cents and not any(m.start <= cents.start(1) < m.end for m in merged):
                major.value += int(cents.group(1)) / data.minor_units[major.unit][1]
                major.end = major.number_end = cents.end(1)
    return merged


def find_measures(doc: Doc, data: MeasureData) -> list[Measure]:
    """Every quantity (distances included) in the body of ``doc``, in text order."""
    false_spans = false_unit_spans(doc_text(doc), data)
    lo, hi = body_bounds(doc)
    measures: list[Measure] = []
    candidates = _quantity_candidates(doc)
    for sent in body_sents(doc):
        if bisect_left(candidates, sent.start) == bisect_left(candidates, sent.end):
            # no number nor unit name: quantulum3 would be shown nothing (parse_quantities)
            in_sentence = merge_minor_amounts(doc_text(doc), counting_word_measures(doc, sent, [], data), data)
            measures.extend(m for m in in_sentence if lo <= m.start and m.end <= hi)
            continue
        # quantulum3 reads "a $48.2 million" as one dollar: hide the article (same length)
        # "RM1.2 billion", "$A200 million", "A$3.5 billion", "Rs 500": quantulum3 misreads or
        # drops the currency marks it does not know; it reads the number, and the mark is read
        # back from the text (first, so that the "A" of "A$" is not taken for an article)
        masked = data.currency_mark_pattern.sub(lambda m: " " * len(m.group(0)), doc_text(doc)[sent.start_char : sent.end_char])
        masked = ARTICLE_BEFORE_CURRENCY.sub(lambda m: " " * len(m.group(1)), masked)
        # "20 (kg)": quantulum3 sees no unit in brackets; show it the unit, offsets unchanged
        masked = BRACKETED_UNIT.sub(_unbracket_unit, masked)
        # "the 13th floor", "13TH": an ordinal in digits is no quantity, whatever window shows it
        masked = ORDINAL_IN_TEXT.sub(lambda m: " " * len(m.group(0)), masked)
        try:
            parsed_all = parse_quantities(sent, masked)
        except Exception as err:  # quantulum3 fails on some odd strings; keep the rest
            logger.debug("quantulum3 failed on a sentence", exc_info=True)
            add_error(doc, f"measures: quantulum3 {type(err).__name__}: {err}")
            continue
        in_sentence = [m for m in (measure_from_quantulum(doc, sent, p, false_spans, data) for p in parsed_all) if m]
        in_sentence += counting_word_measures(doc, sent, [(m.start, m.end) for m in in_sentence], data)
        in_sentence = merge_minor_amounts(doc_text(doc), in_sentence, data)
        measures.extend(m for m in in_sentence if lo <= m.start and m.end <= hi)
    measures.sort(key=lambda m: (m.start, m.end))
    return _drop_overlaps(measures)


def _drop_overlaps(measures: list[Measure]) -> list[Measure]:
    """Where two mentions overlap (a number counted twice) keep the first, longer one."""
    kept: list[Measure] = []
    for measure in measures:
        if kept and measure.start < kept[-1].end:
            if measure.end - measure.start > kept[-1].end - kept[-1].start:
                kept[-1] = measure
            continue
        kept.append(measure)
    return kept
