"""quantulum3, loaded once and made faster where its answers stay the same: every change this
project makes to quantulum3's behaviour is in this module.

- its unit classifier: coefficients in Fortran order (no copy per prediction), run without
  scikit-learn's argument checks (``_classify_without_checks``);
- its language modules kept, not looked up again on each parse (``_keep_language_modules``);
- its unit pattern run by the ``regex`` module where both engines read the text alike
  (``UnitPattern``, ``_use_fast_unit_pattern``);
- its spelled-number search skipped on texts without a number word
  (``_skip_spellout_without_number_words``) and compiled once with a guard on where a match can
  begin (``_guard_spellout_pattern``).

``tests/test_measures.py`` and ``tests/test_pattern_guards.py`` check that each finds what
quantulum3's own code finds.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, Iterable


@cache
def quantulum_parser():
    """quantulum3's parser, its unit classifier loaded once and made fast.

    The classifier (scikit-learn SGD) multiplies each text by ``coef_.T``; stored in C order,
    that transpose is copied in full (68 x 36570) on every prediction, which was a fifth of
    quantulum3's time. Fortran order makes the transpose a free view; the numbers are the same.
    """
    import numpy
    from quantulum3 import classifier, parser

    loaded = classifier.classifier("en_US", None)
    if loaded.loaded and hasattr(loaded.classifier, "coef_"):
        loaded.classifier.coef_ = numpy.asfortranarray(loaded.classifier.coef_)
    _use_fast_unit_pattern()
    _skip_spellout_without_number_words()
    _guard_spellout_pattern()
    _keep_language_modules()
    _classify_without_checks()
    return parser


def _classify_without_checks() -> None:
    """Run quantulum3's unit classifier without scikit-learn's checks of its arguments (a
    third of each prediction's time): quantulum3 always passes one text, and TF-IDF of a
    text is always finite, so the checks never fail and the scores are the same."""
    import sklearn
    from quantulum3 import classifier

    for name in ("disambiguate_unit", "disambiguate_entity"):
        classify = getattr(classifier, name)
        if getattr(classify, "without_checks", False):
            continue

        def unchecked(*args, _classify=classify, **kwargs):
            with sklearn.config_context(skip_parameter_validation=True, assume_finite=True):
                return _classify(*args, **kwargs)

        unchecked.without_checks = True  # type: ignore[attr-defined]
        setattr(classifier, name, unchecked)


def _keep_language_modules() -> None:
    """quantulum3 finds its language modules with ``importlib.import_module`` (a lock, a path
    join and a dictionary lookup in ``sys.modules``) some dozen times per text it parses;
    the module for a (name, language) never changes, so keep it."""
    from quantulum3 import language

    if not hasattr(language.get, "cache_info"):
        language.get = lru_cache(maxsize=None)(language.get)


# characters beyond ASCII on which ``re`` and the ``regex`` module agree for all the unit
# pattern asks of a character (\w, \s, \d, case), as a test checks; ASCII's information
# separators \x1c-\x1f are whitespace to ``re`` only
SAME_IN_BOTH_ENGINES = frozenset("\u00a0\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2032\u2033")
SPACE_TO_RE_ONLY = frozenset("\x1c\x1d\x1e\x1f")


def same_in_both_engines(text: str) -> bool:
    """Whether ``re`` and ``regex`` read every character of ``text`` alike."""
    if text.isascii():
        return SPACE_TO_RE_ONLY.isdisjoint(text)
    if _engines_cache[0] is not text:  # each false-unit pattern asks again for the same article
        # each distinct character once: a whole article has a few dozen
        same = all(char.isascii() and char not in SPACE_TO_RE_ONLY for char in set(text) - SAME_IN_BOTH_ENGINES)
        _engines_cache[:] = [text, same]
    return _engines_cache[1]


_engines_cache: list[Any] = [None, False]


class UnitPattern:
    """quantulum3's unit pattern (150,000 characters: thousands of unit names tried after
    every number) run by the ``regex`` module, which finds the same matches about six times
    faster than ``re``; texts with characters the two engines may class differently
    ("\u0301", "\u212a") keep ``re``. The false-unit patterns of ``measures.toml`` run the
    same way (four times faster over a whole article)."""

    def __init__(self, pattern: re.Pattern):
        import regex  # dateparser's dependency

        self.slow = pattern
        self.fast = regex.compile(pattern.pattern, pattern.flags)

    def finditer(self, text: str) -> Iterable[Any]:
        return (self.fast if same_in_both_engines(text) else self.slow).finditer(text)


def _use_fast_unit_pattern() -> None:
    """Make quantulum3's parser (which looks the pattern up on each parse) use ``UnitPattern``
    for English."""
    from quantulum3 import regex as quantulum_regex

    built = quantulum_regex.units_regex
    fast = UnitPattern(built("en_US"))
    quantulum_regex.units_regex = lambda lang="en_US": fast if lang == "en_US" else built(lang)


WORD_RUN = re.compile(r"\w+")


def no_number_words(text: str, number_words: frozenset[str]) -> bool:
    """Whether quantulum3's spelled-number pattern cannot match ``text``: each of its matches
    holds one of its number words ("one", "million", "a", "and", "&") as a whole word, any
    case. Checked for ASCII text only, where a whole word is a run of ``\\w`` and lower-casing
    is all its case-insensitive matching does."""
    return text.isascii() and "&" not in text and not any(word.lower() in number_words for word in WORD_RUN.findall(text))


def _skip_spellout_without_number_words() -> None:
    """Make quantulum3's parser skip its spelled-number search (a pattern of sixty words, each
    tried with look-arounds at every character: a third of its time on short texts) where no
    number word is in the text; it would find nothing there."""
    from quantulum3 import parser
    from quantulum3 import regex as quantulum_regex

    search = parser.extract_spellout_values
    if getattr(search, "skips_texts_without_number_words", False):
        return
    number_words = frozenset(word for word in quantulum_regex.numberwords("en_US") if word)

    def extract_spellout_values(text, lang="en_US"):
        if lang == "en_US" and no_number_words(text, number_words):
            return []
        return search(text, lang)

    extract_spellout_values.skips_texts_without_number_words = True  # type: ignore[attr-defined]
    parser.extract_spellout_values = extract_spellout_values


# where a match of quantulum3's spelled-number pattern can begin: after no ASCII letter or
# digit (its number has that look-behind, its number words follow a non-word character or the
# start), or at the comma or space it may open with
SPELLOUT_START = r"(?:(?<![a-zA-Z0-9])|(?=[, ]))"


def _guard_spellout_pattern() -> None:
    """Make quantulum3's spelled-number pattern (rebuilt on each parse) one compiled pattern
    that says where a match can begin, so the scan skips the inside of words: a third faster,
    the same matches (a test compares them)."""
    from quantulum3 import regex as quantulum_regex

    built = quantulum_regex.text_pattern_reg
    if getattr(built, "guarded", False):
        return
    plain = built("en_US")
    end = "\n)" if plain.flags & re.VERBOSE else ")"  # the pattern may end in a comment
    guarded = re.compile(f"{SPELLOUT_START}(?:{plain.pattern}{end}", plain.flags)

    def text_pattern_reg(lang="en_US"):
        return guarded if lang == "en_US" else built(lang)

    text_pattern_reg.guarded = True  # type: ignore[attr-defined]
    quantulum_regex.text_pattern_reg = text_pattern_reg
