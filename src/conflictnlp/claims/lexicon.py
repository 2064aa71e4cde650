"""The versioned stance lexicon (``data/stance_lexicon.toml``) and cue matching over tokens."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Optional

from spacy.tokens import Span, Token

from ..extensions import token_forms
from ..model import Stance

WILDCARD = "*"


@dataclass(frozen=True)
class CueMatch:
    """A lexicon cue found in the text: its tokens, the stance it signals and its syntactic anchor."""

    stance: Stance
    start: int  # token index
    end: int  # token index, exclusive
    anchor: Token  # the matched token whose head lies outside the match


@dataclass(frozen=True)
class StanceLexicon:
    """Cue phrases by stance, attribution verbs and same-event synonyms."""

    version: str
    priority: tuple[Stance, ...]
    cues: dict[Stance, tuple[tuple[str, ...], ...]]
    attribution_verbs: frozenset[str]
    object_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    synonyms: dict[str, str]  # word -> canonical word
    conditions: frozenset[str] = frozenset()  # "if [it is] confirmed": the claim is unconfirmed

    def __post_init__(self) -> None:
        # cue entries by first word, so matching a sentence is one lookup per token
        by_first_word: dict[str, list[tuple[Stance, tuple[str, ...]]]] = {}
        for stance, entries in self.cues.items():
            for entry in entries:
                by_first_word.setdefault(entry[0], []).append((stance, entry))
        object.__setattr__(self, "_cues_by_first_word", by_first_word)

    @classmethod
    def from_toml(cls, data: dict) -> "StanceLexicon":
        priority = tuple(data["priority"])
        cues = {stance: tuple(tuple(entry.split()) for entry in data[stance]["cues"]) for stance in priority}
        synonyms: dict[str, str] = {}
        for canonical, words in data.get("synonyms", {}).items():
            for word in words:
                synonyms[word] = canonical
        attribution = data["attribution"]
        return cls(
            version=str(data["version"]),
            priority=priority,
            cues=cues,
            attribution_verbs=frozenset(attribution["verbs"]),
            object_verbs=frozenset(attribution["object_verbs"]),
            accusation_verbs=frozenset(attribution["accusation_verbs"]),
            synonyms=synonyms,
            conditions=frozenset(data["unconfirmed"].get("conditions", [])),
        )

    def rank(self, stance: Stance) -> int:
        """Lower is stronger; ``asserted`` ranks after every cue stance."""
        return self.priority.index(stance) if stance in self.priority else len(self.priority)

    def canonical(self, word: str) -> str:
        return self.synonyms.get(word, word)

    def find_cues(self, sent: Span) -> list[CueMatch]:
        """Every cue in a sentence; where matches overlap the longest wins."""
        doc = sent.doc
        forms = token_forms(doc)[sent.start : sent.end]
        found: list[tuple[int, int, Stance]] = []
        by_first_word = self._cues_by_first_word  # type: ignore[attr-defined]
        for i, (lemma, lower) in enumerate(forms):
            keys = {lemma, lower, WILDCARD}
            for key in keys:
                for stance, entry in by_first_word.get(key, ()):
                    size = len(entry)
                    if i + size <= len(forms) and all(
                        word == WILDCARD or word in forms[i + k] for k, word in enumerate(entry)
                    ):
                        found.append((i, i + size, stance))
        found.extend(self._conditions(sent, forms))
        found.sort(key=lambda m: (-(m[1] - m[0]), self.rank(m[2])))
        taken: set[int] = set()
        matches = []
        for i, j, stance in found:
            if taken.intersection(range(i, j)):
                continue
            taken.update(range(i, j))
            span = list(doc[sent.start + i : sent.start + j])
            anchor = next((t for t in span if not (span[0].i <= t.head.i < span[-1].i + 1) or t.head.i == t.i), span[0])
            matches.append(CueMatch(stance, span[0].i, span[-1].i + 1, anchor))
        return sorted(matches, key=lambda m: m.start)

    def _conditions(self, sent: Span, forms: list[tuple[str, str]]) -> list[tuple[int, int, Stance]]:
        """"if Moscow's claim is confirmed": from "if" to its verb, when the verb is a condition word."""
        found = []
        first = sent.start
        for k, (_, lower) in enumerate(forms):
            if lower != "if":
                continue
            token = sent.doc[first + k]
            head = token.head
            if (
                token.dep_ == "mark"
                and head.i > token.i
                and head.i - first < len(forms)
                and head.lemma_.lower() in self.conditions
            ):
                found.append((k, head.i - first + 1, "unconfirmed"))
        return found


@cache
def load_lexicon(path: Optional[Path] = None) -> StanceLexicon:
    """The shipped lexicon, or one read from ``path``."""
    if path is None:
        raw = resources.files("conflictnlp").joinpath("data", "stance_lexicon.toml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    return StanceLexicon.from_toml(tomllib.loads(raw))
