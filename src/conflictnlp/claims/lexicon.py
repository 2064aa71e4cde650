"""The versioned stance lexicon (``data/stance_lexicon.toml``) and phrase matching over tokens."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Optional

from spacy.tokens import Span, Token

from ..extensions import token_forms
from ..model import Stance

WILDCARD = "*"
STANCES: tuple[Stance, ...] = ("hedged", "denied", "unconfirmed")


@dataclass(frozen=True)
class CueMatch:
    """A lexicon phrase found in the text: its tokens, the stance it signals and its syntactic anchor."""

    stance: Stance
    start: int  # token index
    end: int  # token index, exclusive
    anchor: Token  # the matched token whose head lies outside the match


def _words(entries) -> frozenset[str]:
    return frozenset(str(entry).lower() for entry in entries)


@dataclass(frozen=True)
class Markers:
    """Single words the parse walk reads (``[markers]`` of the lexicon)."""

    negations: frozenset[str]
    negative_arguments: frozenset[str]
    negative_determiners: frozenset[str]
    hedge_auxiliaries: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    modal_auxiliaries: frozenset[str]
    result_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    condition_marks: frozenset[str]
    presupposed_marks: frozenset[str]
    presupposed_prepositions: frozenset[str]
    negating_prepositions: frozenset[str]
    purpose_marks: frozenset[str]
    pending: frozenset[str]
    prospective_marks: frozenset[str]
    counterfactual_modals: frozenset[str]
    ability_auxiliaries: frozenset[str]

    @classmethod
    def from_toml(cls, data: dict) -> "Markers":
        return cls(**{name: _words(data.get(name, ())) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class StanceLexicon:
    """Stance phrases and markers, embedding verbs, reporting cues, sources and synonyms."""

    version: str
    priority: tuple[Stance, ...]
    phrases: dict[Stance, tuple[tuple[str, ...], ...]]
    markers: Markers
    embedding: dict[Stance, frozenset[str]]  # "plans to", "failed to", "seems to"
    hedged_passives: frozenset[str]  # "is said to", "is believed to"
    negated_implicatives: frozenset[str]  # "was not able to [X]": X denied
    reporting: dict[Stance, frozenset[str]]  # the reporting cue's meaning for its content
    source_verbs: frozenset[str]  # cues that make their speaker the source of a clause content
    source_object_verbs: frozenset[str]  # ... of an object content
    reporting_acts: frozenset[str]  # "spoke with reporters", "did not comment": no claim
    discourse: tuple[tuple[str, ...], ...]  # "you know"
    credits: tuple[tuple[str, ...], ...]  # "contributed to this report"
    synonyms: dict[str, str]  # word -> canonical word
    conditions: frozenset[str] = frozenset()  # "if [it is] confirmed": the claim is unconfirmed
    report_nouns: frozenset[str] = frozenset()  # "reports that [X]": X not committed to
    report_noun_settlers: frozenset[str] = frozenset()  # "confirmed reports that [X]": the verb decides
    hedge_nouns: frozenset[str] = frozenset()  # "the possibility that [X]": X possible
    lemma_aliases: dict[str, str] = field(default_factory=dict)  # the base lemmatizer's misreadings
    _by_first_word: dict = field(default_factory=dict, compare=False, repr=False)
    _credit_firsts: set = field(default_factory=set, compare=False, repr=False)

    def __post_init__(self) -> None:
        # phrases by first word, so matching a sentence is one lookup per token
        for stance, entries in self.phrases.items():
            for entry in entries:
                self._by_first_word.setdefault(entry[0], []).append((stance, entry))
        # is_credit is asked of every clause
        self._credit_firsts.update(credit[0] for credit in self.credits)

    @classmethod
    def from_toml(cls, data: dict) -> "StanceLexicon":
        priority = tuple(data["priority"])
        synonyms: dict[str, str] = {}
        for canonical, words in data.get("synonyms", {}).items():
            for word in words:
                synonyms[word] = canonical
        embedding = data.get("embedding", {})
        reporting = data.get("reporting", {})
        return cls(
            version=str(data["version"]),
            priority=priority,
            phrases={stance: tuple(tuple(entry.lower().split()) for entry in data[stance]["phrases"]) for stance in priority},
            markers=Markers.from_toml(data.get("markers", {})),
            embedding={stance: _words(embedding.get(stance, ())) for stance in STANCES},
            hedged_passives=_words(embedding.get("hedged_passives", ())),
            negated_implicatives=_words(embedding.get("negated_implicatives", ())),
            reporting={stance: _words(reporting.get(stance, ())) for stance in STANCES},
            source_verbs=_words(data.get("sources", {}).get("verbs", ())),
            source_object_verbs=_words(data.get("sources", {}).get("object_verbs", ())),
            reporting_acts=_words(data.get("reporting_acts", {}).get("verbs", ())),
            discourse=tuple(tuple(entry.lower().split()) for entry in data.get("reporting_acts", {}).get("discourse", ())),
            credits=tuple(tuple(entry.lower().split()) for entry in data.get("reporting_acts", {}).get("credits", ())),
            synonyms=synonyms,
            conditions=_words(data["unconfirmed"].get("conditions", [])),
            report_nouns=_words(embedding.get("report_nouns", ())),
            report_noun_settlers=_words(embedding.get("report_noun_settlers", ())),
            hedge_nouns=_words(embedding.get("hedge_nouns", ())),
            lemma_aliases={str(k).lower(): str(v).lower() for k, v in data.get("lemma_aliases", {}).items()},
        )

    def lemma(self, token: Token) -> str:
        """A token's lower-cased lemma, with the base lemmatizer's misreadings of lexicon
        verbs put right ("hoped" -> "hop")."""
        lemma = token.lemma_.lower()
        return self.lemma_aliases.get(lemma, lemma)

    def rank(self, stance: Stance) -> int:
        """Lower is stronger; ``asserted`` ranks after every other stance."""
        return self.priority.index(stance) if stance in self.priority else len(self.priority)

    def canonical(self, word: str) -> str:
        return self.synonyms.get(word, word)

    def embedding_stance(self, lemma: str) -> Optional[Stance]:
        """What a verb or adjective does to the event in its complement, if anything."""
        for stance in ("unconfirmed", "hedged", "denied"):
            if lemma in self.embedding[stance]:
                return stance
        return None

    def reporting_stance(self, lemma: str) -> Optional[Stance]:
        """What a reporting cue does to the content it reports ("denied that ..."), if anything."""
        for stance in ("denied", "hedged", "unconfirmed"):
            if lemma in self.reporting[stance]:
                return stance
        return None

    def find_cues(self, sent: Span) -> list[CueMatch]:
        """Every lexicon phrase in a sentence; where matches overlap the longest wins."""
        doc = sent.doc
        forms = token_forms(doc)[sent.start : sent.end]
        found: list[tuple[int, int, Stance]] = []
        by_first = self._by_first_word
        any_first = WILDCARD in by_first
        for i, (lemma, lower) in enumerate(forms):
            if not any_first and lemma not in by_first and lower not in by_first:
                continue  # most words begin no phrase: no set of keys to build for them
            for key in {lemma, lower, WILDCARD}:
                for stance, entry in self._by_first_word.get(key, ()):
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
        found: list[tuple[int, int, Stance]] = []
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

    def is_credit(self, lemmas: list[str]) -> bool:
        """Whether a clause is a reporting credit ("X contributed to this report")."""
        firsts = self._credit_firsts
        return any(
            lemma in firsts and any(tuple(lemmas[i : i + len(credit)]) == credit for credit in self.credits)
            for i, lemma in enumerate(lemmas)
        )

    def is_discourse(self, words: list[str]) -> bool:
        """Whether a clause's words are a discourse marker ("you know"), not a claim."""
        return tuple(w.lower() for w in words) in self.discourse


@cache
def load_lexicon(path: Optional[Path] = None) -> StanceLexicon:
    """The shipped lexicon, or one read from ``path``."""
    if path is None:
        raw = resources.files("conflictnlp").joinpath("data", "stance_lexicon.toml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    return StanceLexicon.from_toml(tomllib.loads(raw))
