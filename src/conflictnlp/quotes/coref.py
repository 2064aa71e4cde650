"""Our speaker coreference: from a speaker mention to a canonical name, role and confidence.

coreferee cannot load its model offline, and speakers need only a narrow kind of
coreference, so this resolver is small and explicit:

* **Name variants.** Every person the NER finds in the article body is filed under its
  surname (last token, honorifics such as "Mr." or "Gen." dropped). A mention's canonical name
  is the longest name filed under its surname anywhere in the body: "Peskov" and "Mr. Peskov"
  become "Dmitry Peskov", even when the full name only comes later.
* **Pronouns.** "he"/"she" go to the closest person before them: a person named as a speaker
  or grammatical subject in the current or previous sentences; "she" skips people known to be
  men ("Mr.", or earlier "he" resolved to them) and "he" those known to be women. "it"/"they"
  go to the closest organisation, country or group speaker. Confidence falls with distance.
* **Organisations and metonyms** ("the Kremlin", "Ukraine's military", "Kyiv") are their own
  name, without a leading article; common nouns ("a source", "the regional governor") have no
  name, only a role.
* **Relative pronouns** ("a spokesman who said") are the noun they refer to.

Roles come from ``roles.role_of``; a person's role found at one mention ("Kremlin spokesman
Dmitry Peskov") is kept for its other mentions ("Peskov said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token
from ..extensions import doc_text, entities_in

from .roles import core_text, role_of
from .speakers import naming_clause

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "sgt",
    "adm", "sen", "rep", "gov", "pres", "rev", "sir", "lord", "dame", "president", "senator",
    "governor", "general", "minister", "mayor",
}
MALE = {"mr", "sir", "lord", "he", "him", "his"}
FEMALE = {"mrs", "ms", "miss", "dame", "she", "her"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}
RELATIVE = {"who", "which", "that", "whom"}
GROUP_LABELS = {"ORG", "GPE", "NORP", "FAC"}


@dataclass
class Speaker:
    """Who a mention refers to."""

    name: Optional[str]
    role: Optional[str]
    confidence: float
    is_person: bool


NAME_PARTICLES = {"de", "van", "von", "der", "bin", "al", "la", "le", "da", "di", "du", "del"}


def _name_tokens(ent: Span) -> list[Token]:
    """The name proper in a PERSON entity: without honorifics and without a role the model
    put inside the entity ("Red Cross spokesperson Ewan Watson" -> "Ewan Watson")."""
    tokens = [t for t in ent if not t.is_punct or t.text == "-"]
    lower = [i for i, t in enumerate(tokens) if t.is_lower and t.lower_ not in NAME_PARTICLES]
    if lower:
        tokens = tokens[lower[-1] + 1 :]
    while tokens and tokens[0].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    return tokens


def _gender(tokens: Iterable[Token]) -> Optional[str]:
    for token in tokens:
        word = token.lower_.rstrip(".")
        if word in MALE:
            return "m"
        if word in FEMALE:
            return "f"
    return None


class SpeakerResolver:
    """Resolves speaker mentions of one article; call ``resolve`` in text order."""

    def __init__(
        self,
        doc: Doc,
        bounds: tuple[int, int],
        quoted: Optional[list[bool]] = None,
        organisation_words: Iterable[str] = (),
        named_in_clause: Optional[re.Pattern] = None,
    ):
        """``quoted`` marks the characters inside quotation marks: people named in quoted
        speech are not antecedents of the pronouns around it. ``organisation_words`` keep
        organisations the NER missed from passing for people's names. ``named_in_clause``:
        the cue lexicon's pattern for "a resident who gave her name only as Lila"."""
        self.doc = doc
        self.named_in_clause = named_in_clause
        self.organisation_words = frozenset(organisation_words)
        lo, hi = bounds
        self.full_names: dict[str, str] = {}  # surname -> longest full name
        self.roles: dict[str, str] = {}  # canonical name -> role
        self.gender: dict[str, str] = {}
        self.persons: list[tuple[int, str]] = []  # (offset, canonical name) of person mentions
        people = [ent for ent in doc.ents if ent.label_ == "PERSON" and lo <= ent.start_char and ent.end_char <= hi]
        for ent in people:
            tokens = _name_tokens(ent)
            if not tokens:
                continue
            name = " ".join(t.text for t in tokens)
            surname = tokens[-1].lower_
            if len(name) > len(self.full_names.get(surname, "")):
                self.full_names[surname] = name
        for ent in people:
            tokens = _name_tokens(ent)
            if not tokens:
                continue
            canonical = self.full_names[tokens[-1].lower_]
            if quoted is None or not quoted[ent.start_char]:
                self.persons.append((ent.start_char, canonical))
                # a role given anywhere ("Kremlin spokesman Dmitry Peskov spoke...") serves
                # every mention of the person ("Peskov said")
                name = doc[tokens[0].i : tokens[-1].i + 1]
                phrase = doc[name.root.left_edge.i : name.root.right_edge.i + 1]
                role = role_of(phrase, name) if "\n" not in phrase.text else None
                if role:
                    self.roles.setdefault(canonical, role)
            honorific = _gender(doc[max(ent.start - 1, 0) : ent.start + 1])
            if honorific:
                self.gender.setdefault(canonical, honorific)
        self.history: list[tuple[int, Speaker]] = []  # resolved speakers, by offset

    def canonical(self, surname_or_name: str) -> Optional[str]:
        """The article's full name for a name or surname, if it has one."""
        key = surname_or_name.split()[-1].lower() if surname_or_name.split() else ""
        return self.full_names.get(key)

    def _person_in(self, mention: Span) -> Optional[tuple[str, Span]]:
        for ent in entities_in(mention):
            if ent.label_ == "PERSON":
                tokens = _name_tokens(ent)
                if tokens:
                    name = self.full_names.get(tokens[-1].lower_, " ".join(t.text for t in tokens))
                    return name, mention.doc[tokens[0].i : tokens[-1].i + 1]
        # the small model misses some names: a proper noun that is a known surname
        for token in mention:
            if token.pos_ == "PROPN" and token.lower_ in self.full_names and token.ent_type_ not in GROUP_LABELS:
                return self.full_names[token.lower_], mention.doc[token.i : token.i + 1]
        # ... or labels them ORG: a name-shaped run of capitalised words ending at the head
        name = self._name_shaped(mention)
        if name is not None:
            key = name[-1].lower_
            self.full_names.setdefault(key, name.text)
            return self.full_names[key], name
        return None

    def _name_shaped(self, mention: Span) -> Optional[Span]:
        """"Ewan Watson" in "Red Cross spokesperson Ewan Watson": two or three capitalised
        proper nouns ending at the mention's head, none an organisation word, none a place."""
        root = mention.root
        if root.pos_ != "PROPN":
            return None
        start = root.i
        while start - 1 >= mention.start and mention.doc[start - 1].pos_ == "PROPN" and mention.doc[start - 1].dep_ == "compound":
            start -= 1
        run = list(mention.doc[start : root.i + 1])
        while run and run[0].lower_.rstrip(".") in HONORIFICS:
            run = run[1:]
        if not 2 <= len(run) <= 3:
            return None
        if any(not t.text[:1].isupper() or t.text in self.organisation_words or t.ent_type_ in ("GPE", "NORP", "LOC") for t in run):
            return None
        return mention.doc[run[0].i : run[-1].i + 1]

    def resolve(self, mention: Span) -> Speaker:
        """Name, role and confidence for a speaker mention."""
        root = mention.root
        word = root.lower_
        if len(mention) == 1 and word in RELATIVE and root.head.dep_ == "relcl":
            noun = root.head.head
            mention = self.doc[noun.left_edge.i : root.head.i]
            mention = mention if len(mention) else self.doc[noun.i : noun.i + 1]
            root, word = mention.root, mention.root.lower_
        if len(mention) == 1 and root.pos_ == "PRON" and word in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
            speaker = self._pronoun(mention)
        else:
            speaker = self._named(mention)
        self.history.append((mention.start_char, speaker))
        return speaker

    def _named(self, mention: Span) -> Speaker:
        clause = naming_clause(mention, self.named_in_clause)
        if clause is not None:
            name = self.canonical(clause.name.text) or clause.name.text
            role = clause.role.text
            self.roles.setdefault(name, role)
            self.persons.append((mention.start_char, name))
            self.persons.sort()
            return Speaker(name=name, role=role, confidence=1.0, is_person=True)
        person = self._person_in(mention)
        if person is not None:
            name, ent = person
            role = role_of(mention, ent) or self.roles.get(name)
            if role:
                self.roles.setdefault(name, role)
            gender = _gender(mention.doc[max(ent.start - 1, 0) : ent.start + 1])
            if gender:
                self.gender.setdefault(name, gender)
            return Speaker(name=name, role=role, confidence=1.0, is_person=True)
        core = core_text(mention)
        if core in self.roles:  # a person named earlier in a naming clause ("Andriy said")
            return Speaker(name=core, role=self.roles[core], confidence=1.0, is_person=True)
        if any(ent.label_ in GROUP_LABELS for ent in entities_in(mention)) or mention.root.pos_ == "PROPN":
            return Speaker(name=core, role=None, confidence=1.0, is_person=False)
        return Speaker(name=None, role=core or None, confidence=1.0, is_person=False)

    def _pronoun(self, mention: Span) -> Speaker:
        word = mention.root.lower_
        at = mention.start_char
        if word in FIRST_PERSON:
            return Speaker(name=None, role=None, confidence=0.5, is_person=True)
        if word in PERSON_PRONOUNS:
            gender = "m" if word in MALE else "f"
            candidates = [(offset, name) for offset, name in self.persons if offset < at]
            candidates += [(offset, s.name) for offset, s in self.history if offset < at and s.is_person and s.name]
            for offset, name in sorted(candidates, reverse=True):
                if self.gender.get(name, gender) != gender:
                    continue
                self.gender.setdefault(name, gender)
                distance = doc_text(self.doc).count("\n", offset, at)
                return Speaker(name=name, role=self.roles.get(name), confidence=0.85 if distance <= 2 else 0.65, is_person=True)
            return Speaker(name=None, role=None, confidence=0.4, is_person=True)
        for offset, speaker in reversed(self.history):
            if offset < at and not speaker.is_person and (speaker.name or speaker.role):
                return Speaker(name=speaker.name, role=speaker.role, confidence=0.7, is_person=False)
        return Speaker(name=None, role=None, confidence=0.4, is_person=False)
