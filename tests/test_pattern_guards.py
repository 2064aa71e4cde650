"""The speed guards put in front of two scanning patterns change no match.

The dates candidate pattern and quantulum3's spelled-number pattern are each prefixed with a
condition every match must meet at its start, so ``re`` can skip most positions; these
tests run the guarded and the plain pattern over sentences built to hit the edges of that
condition (matches after a non-ASCII letter, after punctuation, at the very start, opened by
a comma or a space) and require the same matches.
"""

from __future__ import annotations

import re

import pytest

from conflictnlp.dates.detect import Detector
from conflictnlp.dates.lexicon import load_lexicon
from conflictnlp.measures import quantulum

SENTENCES = [
    "Two workers were wounded, and three more were missing as of Tuesday.",
    "one hundred and five families fled; twenty-one were later found.",
    "At 10:30 a.m. on Monday, 3 June 2025, shelling resumed near the depot.",
    "The convoy left at 14:05 and reached Kupiansk by Friday evening.",
    "Casualties rose annually, three times a week at the height of it.",
    "Between 2014 and 2016 some 1,200 homes were hit, a quarter of them twice.",
    "Résumé5 and café one, naïve two: the words run into numbers.",
    "ſone Kfive x,one y ,two -3 +4 .5 — half a kilometre (a mile) away.",
    "Yesterday's raid, like the one a fortnight ago, killed a dozen.",
    "Feb. 24, 2022: a day; May 9 the parade; mid-March the thaw.",
    "\u00a0five\u2009six\u202fseven, eight\tnine\nten",
    "Area51 and B52s, 3rd and 21st, the 1990s, 4pm, 5 p.m., at 7:45.",
]


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict(), m.group(0)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("vague", [True, False])
def test_dates_guard_keeps_every_match(vague):
    guarded = Detector(load_lexicon(), vague)._pattern
    assert guarded.pattern.startswith(r"\b(?=\w)(?:")
    plain = re.compile(guarded.pattern[len(r"\b(?=\w)(?:") : -1], guarded.flags)
    found = 0
    for text in SENTENCES:
        assert _matches(guarded, text) == _matches(plain, text), text
        found += len(_matches(plain, text))
    assert found > 10  # the sentences do hold dates and times


def test_spellout_guard_keeps_every_match():
    parser = quantulum.quantulum_parser()
    from quantulum3 import regex as quantulum_regex

    guarded = quantulum_regex.text_pattern_reg("en_US")
    assert guarded.pattern.startswith(quantulum.SPELLOUT_START)
    plain = re.compile(guarded.pattern[len(quantulum.SPELLOUT_START) + 3 : -2], guarded.flags)
    assert plain.pattern.strip().startswith("# Pattern for extracting")
    found = 0
    for text in SENTENCES:
        assert _matches(guarded, text) == _matches(plain, text), text
        found += len(_matches(plain, text))
    assert found > 10
    assert [q.surface for q in parser.parse("half a kilometre")] == ["half a kilometre"]
