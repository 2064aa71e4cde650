"""The words of English temporal expressions, read from ``data/dates.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its TimeML duration code and the granularity it gives."""

    code: str
    granularity: str
    time: bool = False
    factor: int = 1


@dataclass(frozen=True)
class Lexicon:
    """Everything the detector and the normaliser know about words; see ``dates.toml``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, Unit]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    relative_days: dict[str, dict[str, Any]]
    discourse_days: dict[str, int]
    shifts: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    multipliers: dict[str, int]
    decades: dict[str, int]
    vague_quantities: tuple[str, ...]
    approximators: tuple[str, ...]
    point_modifiers: tuple[str, ...]
    fillers: tuple[str, ...]
    vague_references: dict[str, str]
    vague_detect: tuple[str, ...]
    right_extenders: frozenset[str]
    false_dates: frozenset[str]
    greeting_words: frozenset[str]
    frequencies: dict[str, str]
    time_zones: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_in_past_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    scheduled_verbs: frozenset[str]
    frequency_counts: frozenset[str]

    def alternation(self, words) -> str:
        """A regex alternation of words, longest first, each escaped."""
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    raw = tomllib.loads(resources.files("conflictnlp").joinpath("data/dates.toml").read_text("utf-8"))
    modifiers = raw["modifiers"]
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        units={name: Unit(**spec) for name, spec in raw["units"].items()},
        parts_of_day=raw["parts_of_day"],
        clock_words=raw["clock_words"],
        relative_days=raw["relative_days"],
        discourse_days=raw["discourse_days"],
        shifts=raw["shifts"],
        seasons=raw["seasons"],
        ordinals=raw["ordinals"],
        numbers=raw["numbers"],
        multipliers=raw["multipliers"],
        decades=raw["decades"],
        vague_quantities=tuple(modifiers["vague_quantities"]),
        approximators=tuple(modifiers["approximators"]),
        point_modifiers=tuple(modifiers["point_modifiers"]),
        fillers=tuple(modifiers["fillers"]),
        vague_references={phrase: ref for ref, phrases in raw["vague_references"].items() for phrase in phrases},
        vague_detect=tuple(raw["detect"]["vague_words"]),
        right_extenders=frozenset(raw["detect"]["right_extenders"]),
        false_dates=frozenset(raw["false_dates"]["exact"]),
        greeting_words=frozenset(raw["false_dates"]["greeting_words"]),
        frequencies=raw["frequencies"],
        time_zones=tuple(raw["clock"]["time_zones"]),
        future_auxiliaries=frozenset(raw["tense"]["future_auxiliaries"]),
        future_in_past_auxiliaries=frozenset(raw["tense"]["future_in_past_auxiliaries"]),
        future_governors=frozenset(raw["tense"]["future_governors"]),
        scheduled_verbs=frozenset(raw["tense"]["scheduled_verbs"]),
        frequency_counts=frozenset(raw["frequency_counts"]["words"]),
    )
