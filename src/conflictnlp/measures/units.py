"""Unit data for the measures component (kinds, currency marks, approximators) and every unit
conversion of the package.

The word lists are read from ``data/measures.toml``; unit names are quantulum3's. Conversions
(a distance's metres, ``compare``'s tonnes against short tons) are pint's, here only: a unit
pint does not know converts to nothing (None), never to 0.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Optional

from ..model import QuantityKind

DATA_FILE = "measures.toml"


@dataclass(frozen=True)
class MeasureData:
    """The contents of ``measures.toml``, ready to use."""

    approximators: tuple[tuple[str, ...], ...]  # token sequences, longest first
    concept_modifier_stopwords: frozenset[str]
    age_markers: tuple[tuple[str, ...], ...]
    name_entity_labels: frozenset[str]
    non_unit_surfaces: frozenset[str]
    single_letter_units: frozenset[str]
    counting_words: dict[tuple[str, ...], float]
    rate_nouns: frozenset[str]
    speed_nouns: frozenset[str]
    rate_not_after: frozenset[str]
    article_ambiguous_units: frozenset[str]
    false_unit_patterns: tuple[re.Pattern, ...]
    currency_prefixes: dict[str, str]
    currency_suffixes: dict[str, str]
    scale_words: dict[str, float]
    minor_units: dict[str, tuple[frozenset[str], float]]
    kinds: dict[str, QuantityKind]
    unit_kinds: dict[str, QuantityKind]
    length_units: frozenset[str]
    unit_renames: dict[str, str]
    temperature_suffixes: dict[str, str]
    reference_prepositions: frozenset[str]
    direction_words: frozenset[str]
    subject_prepositions: frozenset[str]
    restatement_open: frozenset[str]
    not_units: frozenset[str] = frozenset()
    capital_units: frozenset[str] = frozenset()
    glued_currency_suffixes: dict[str, str] = None  # type: ignore[assignment]

    @cached_property
    def approximators_by_last_word(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """``approximators`` grouped by their last word, longest first within each group."""
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.approximators:
            grouped.setdefault(phrase[-1], []).append(phrase)
        return {word: tuple(phrases) for word, phrases in grouped.items()}

    @cached_property
    def currency_mark_pattern(self) -> re.Pattern:
        """Currency marks of two or more characters written before a number ("US$", "RM",
        "$A", "Rs."), not inside a word, with the number right after (or after one space)."""
        marks = sorted((p for p in self.currency_prefixes if len(p) > 1 and " " not in p), key=len, reverse=True)
        alternatives = "|".join(re.escape(mark) for mark in marks)
        return re.compile(rf"(?<![\w$£€¥]|\d)(?:{alternatives})(?=\s?\d)", re.IGNORECASE)

    @cached_property
    def currency_prefixes_longest_first(self) -> tuple[str, ...]:
        """``currency_prefixes`` ordered for matching: longest first ("US$" before "$")."""
        return tuple(sorted(self.currency_prefixes, key=len, reverse=True))

    def kind_of(self, unit: Optional[str], entity: Optional[str]) -> QuantityKind:
        """The quantity kind of a unit ("length", "currency", "count" ...)."""
        if unit in self.unit_kinds:
            return self.unit_kinds[unit]
        if unit in self.length_units:
            return "length"
        return self.kinds.get(entity or "", "other")

    def to_metres(self, value: float, unit: str) -> Optional[float]:
        """``value`` in ``unit`` as metres (pint), or None for a unit that is no length pint knows."""
        return to_metres(value, unit)


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    phrases = {tuple(item.lower().split()) for item in items}
    return tuple(sorted(phrases, key=len, reverse=True))


def _from_toml(raw: dict[str, Any]) -> MeasureData:
    distance = raw.get("distance", {})
    rates = raw.get("rates", {})
    return MeasureData(
        approximators=_phrases(raw.get("approximators", [])),
        concept_modifier_stopwords=frozenset(w.lower() for w in raw.get("concept_modifier_stopwords", [])),
        age_markers=_phrases(raw.get("age_markers", [])),
        name_entity_labels=frozenset(raw.get("name_entity_labels", [])),
        non_unit_surfaces=frozenset(w.lower() for w in raw.get("non_unit_surfaces", [])),
        single_letter_units=frozenset(raw.get("single_letter_units", [])),
        counting_words={tuple(k.lower().split()): float(v) for k, v in raw.get("counting_words", {}).items()},
        rate_nouns=frozenset(rates.get("nouns", [])),
        speed_nouns=frozenset(rates.get("speed_nouns", [])),
        rate_not_after=frozenset(rates.get("not_after", [])),
        article_ambiguous_units=frozenset(raw.get("article_ambiguous_units", [])),
        false_unit_patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw.get("false_unit_patterns", [])),
        currency_prefixes={k.lower(): v for k, v in raw.get("currency_prefixes", {}).items()},
        currency_suffixes={k.lower(): v for k, v in raw.get("currency_suffixes", {}).items()},
        scale_words={k.lower(): float(v) for k, v in raw.get("scale_words", {}).items()},
        minor_units={k: (frozenset(v.get("minor", [])), float(v["ratio"])) for k, v in raw.get("minor_units", {}).items()},
        kinds=dict(raw.get("kinds", {})),
        unit_kinds=dict(raw.get("unit_kinds", {})),
        length_units=frozenset(raw.get("lengths", {}).get("units", [])),
        unit_renames=dict(raw.get("unit_renames", {})),
        temperature_suffixes={k.lower(): v for k, v in raw.get("temperature_suffixes", {}).items()},
        reference_prepositions=frozenset(distance.get("reference_prepositions", [])),
        direction_words=frozenset(distance.get("direction_words", [])),
        subject_prepositions=frozenset(distance.get("subject_prepositions", [])),
        restatement_open=frozenset(distance.get("restatement_open", [])),
        not_units=frozenset(raw.get("not_units", [])),
        capital_units=frozenset(w.lower() for w in raw.get("capital_units", [])),
        glued_currency_suffixes=dict(raw.get("glued_currency_suffixes", {})),
    )


@cache
def load_measure_data(path: Optional[str] = None) -> MeasureData:
    """The measure data from ``path`` (a TOML file) or the packaged ``data/measures.toml``."""
    if path:
        with open(path, "rb") as handle:
            return _from_toml(tomllib.load(handle))
    text = resources.files("conflictnlp").joinpath("data", DATA_FILE).read_bytes()
    return _from_toml(tomllib.loads(text.decode("utf-8")))


# quantulum3's unit names that pint spells differently
PINT_NAMES = {"short ton": "short_ton", "long ton": "long_ton", "metric ton": "tonne", "ton": "short_ton", "litre": "liter", "metre": "meter"}


@cache
def unit_registry():
    """The one pint registry of the package (loaded on first use: it takes most of a second)."""
    import pint

    return pint.UnitRegistry()


@cache
def _pint_unit(unit: str):
    """pint's unit for a quantulum3 unit name, or None where pint does not know it."""
    import pint

    try:
        return unit_registry().Unit(PINT_NAMES.get(unit, unit.replace(" ", "_")))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return None


def to_base_units(value: float, unit: Optional[str]) -> Optional[tuple[float, str]]:
    """``(value, unit)`` in SI base units (kilogram, meter, meter ** 3 ...), or None for a unit
    pint does not know or cannot convert."""
    import pint

    known = _pint_unit(unit) if unit else None
    if known is None:
        return None
    try:
        quantity = unit_registry().Quantity(value, known).to_base_units()
    except (pint.errors.PintError, TypeError, ValueError):
        return None
    return float(quantity.magnitude), str(quantity.units)


def to_metres(value: float, unit: Optional[str]) -> Optional[float]:
    """``value`` in ``unit`` as metres, or None where the unit is no length pint knows."""
    base = to_base_units(value, unit)
    return base[0] if base is not None and base[1] == "meter" else None
