"""One name per speaker across the articles of a story.

"Gladkov" in one article and "Vyacheslav Gladkov" in another are one person (the fullest form
is canonical); "the regional governor" in one article is Vyacheslav Gladkov when another
article of the story calls him "Belgorod regional governor Vyacheslav Gladkov" (the title right
before the name, the speaker's role, or an appositive after it) and no other named person there
fits the description as well. Places and the outlets themselves are no speakers' names. Descriptions of groups ("Ukrainian officials") stay as they are.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Optional, TypeGuard

from ..model import Article, Quote
from .similarity import content_words

ROLE_WINDOW = 60  # characters before a name mention read for its role ("regional governor X")
APPOSITIVE_CHARS = 90  # characters after it (", the head of the district administration,")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|al-\w+|el-\w+|bin|ibn|de|van|von|der|la|le|da|dos)$")


@cache
def _speaker_words(key: str) -> frozenset[str]:
    """A word list of the [speakers] table of data/stories.toml."""
    data = tomllib.loads(resources.files("conflictnlp").joinpath("data/stories.toml").read_text("utf-8"))
    return frozenset(data["speakers"][key])


def _plural_heads() -> frozenset[str]:
    return _speaker_words("plural_heads")


@cache
def _description_words() -> frozenset[str]:
    """A word that alone, even capitalised, describes a source ("Witnesses said")."""
    return _speaker_words("group_heads") | _speaker_words("plural_heads")


def surname(name: Optional[str]) -> Optional[str]:
    words = re.findall(r"[^\W_]+", name or "")
    return words[-1].lower() if words else None


_OWNED_BODY = re.compile(r"^[A-Z][\w.-]*(?: [A-Z][\w.-]*)*['’]s?(?: [a-z][\w-]*){1,3}$")


def is_named(source: Optional[str]) -> bool:
    """A source given by name ("Oleh Kovalenko", "Russia's Defense Ministry"), not by a
    description ("a local official", "Ukrainian officials"): its head word is a proper noun,
    or it is one body of a named owner ("Mali's army", "Ukraine's foreign ministry"), which
    names one source as surely as its capitalised form, unlike "Ukraine's officials"."""
    words = (source or "").split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in _description_words():
        return False  # "Witnesses said" opens its sentence: capitalised, still a description
    if words[-1][:1].isupper():
        return True
    return is_owned_body(source)


def is_owned_body(source: Optional[str]) -> bool:
    """One body of a named owner: "Mali's army", "Ukraine's foreign ministry"."""
    words = (source or "").split()
    return bool(_OWNED_BODY.match(" ".join(words))) and words[-1].lower() not in _speaker_words("group_heads")


def is_person(name: Optional[str]) -> TypeGuard[str]:
    """A personal name ("Oleh Kovalenko", "Gladkov"), not a description ("a local official")
    or an institution ("Russia's Defense Ministry")."""
    words = (name or "").split()
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return False
    return words[-1].lower() not in _plural_heads() and not words[-1].lower().endswith("s'")


def _head(description: str) -> Optional[str]:
    words = re.findall(r"[^\W\d_]+", description.lower())
    return words[-1] if words else None


class SpeakerNames:
    """Canonical speaker names for the articles of one story."""

    def __init__(self, articles: list[Article]):
        self.full: dict[str, str] = {}  # surname -> fullest name
        self.quoted: dict[tuple[Optional[str], str], Optional[str]] = {}  # (article, quote) -> aligned speaker
        self.roles: dict[str, set[str]] = {}  # surname -> role words
        # "Ukraine says ...": a place speaking is no person
        self.places = {(p.name or p.text).lower() for a in articles for p in a.locations} | {
            p.text.lower() for a in articles for p in a.locations
        }
        self.outlets = {a.source.lower() for a in articles if a.source}
        for article in articles:
            text = article.text or ""
            for quote in article.quotes:
                if self.is_person(quote.speaker_name):
                    self._add(quote.speaker_name, quote.speaker_role, text, quote.speaker.span if quote.speaker else None)
            for claim in article.claims:
                if self.is_person(claim.source):
                    self._add(claim.source, None, text, None)

    def is_person(self, name: Optional[str]) -> TypeGuard[str]:
        return is_person(name) and (name or "").lower() not in self.places | self.outlets

    def _add(self, name: str, role: Optional[str], text: str, span: Optional[tuple[int, int]]) -> None:
        key = surname(name)
        if key is None:
            return
        if len(name) > len(self.full.get(key, "")):
            self.full[key] = name
        words = self.roles.setdefault(key, set())
        words |= content_words(role or "")
        mentions = [span] if span else []
        mentions += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        for start, end in mentions:
            # the title right before the name: "..., Belgorod regional governor [Vyacheslav Gladkov]"
            before = re.split(r"[.,;:!?\n()—–\"“”]|\b(?:said|says|told|added)\b", text[max(0, start - ROLE_WINDOW) : start])[-1]
            after = text[end : end + APPOSITIVE_CHARS]
            words |= content_words(before)
            if after.startswith((",", " (")):
                words |= content_words(re.split(r"[.;)\n]|,\s*(?:said|told|says|added)\b", after[1:])[0])

    def canonical(self, name: Optional[str]) -> Optional[str]:
        """The fullest name of a person, or the one named person a description fits."""
        if not name:
            return None
        if self.is_person(name):
            return self.full.get(surname(name) or "", name)
        if is_person(name):
            return None  # a place
        if is_owned_body(name):
            return None  # "Mali's army" names itself, however near "army" stands to a person's name
        head = _head(name)
        if head is None or head in _plural_heads():
            return None
        wanted = content_words(name)
        head_stem = next(iter(content_words(head)), head)
        fits = [(len(wanted & words), key) for key, words in self.roles.items() if head_stem in words]
        if not fits:
            return None
        best = max(fits)[0]
        chosen = [key for score, key in fits if score == best]
        return self.full[chosen[0]] if len(chosen) == 1 else None

    def of_quote(self, quote: Quote) -> Optional[str]:
        described = quote.speaker_name or (quote.speaker.text if quote.speaker else None) or quote.speaker_role
        return self.canonical(described)
