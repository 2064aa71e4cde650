"""Cues of attribution: reporting verbs and phrases, read from ``data/quote_cues.toml``.

A cue is a verb (with its auxiliaries, negation, particle and preceding adverb: "has also
said", "did not deny", "pointed out") or a phrase ("according to"). What kind of complement
carries the reported content depends on the verb's group in the lexicon: a clause
(``said that ...``), an infinitive (``urged Kyiv to ...``) or an object (``denied the claim``).
A few nouns are cues too: with a that-clause (``X's claim that ...``) or an object after a
preposition (``criticism of ...``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Optional

from spacy.tokens import Token

# dependents of a cue verb that belong to the cue span (PolNeAR includes each >= 90% of the time)
CUE_PARTS = {"aux", "auxpass", "neg", "prt"}


@dataclass(frozen=True)
class CueLexicon:
    """Cue lemmas by the complement that carries their content, with base confidences."""

    clause: frozenset[str]
    belief: frozenset[str]
    infinitive: frozenset[str]
    object: frozenset[str]
    source_object_phrases: tuple[str, ...]
    phrasal_verbs: frozenset[str]
    cue_extensions: frozenset[str]
    noun_clause: frozenset[str]
    noun_object: frozenset[str]
    initial_sources: frozenset[str]
    organisation_words: frozenset[str]
    confidence: dict[str, float]
    adjectives: frozenset[str] = frozenset()  # "was critical of", "is eager to", "are confident that"
    document_nouns: frozenset[str] = frozenset()  # "issued a statement saying"
    cue_adverbs: frozenset[str] = frozenset()  # "has also said", "just said"
    ly_adverbs: bool = False  # any -ly adverb right before the verb too ("flatly denied")
    named_in_clause: Optional[re.Pattern] = None  # "a resident who gave her name only as Lila"
    not_sources: frozenset[str] = frozenset()  # "according to a translation": no speaker
    person_nouns: frozenset[str] = frozenset()  # "the army spokeswoman, [Natalia Humeniuk]"
    female_words: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    female_surname_endings: tuple[str, ...] = ()
    ranks: frozenset[str] = frozenset()  # "captain", "gen": before a name, with the name
    male_surname_endings: tuple[str, ...] = ()
    silence: frozenset[str] = frozenset()  # "did not comment": no quote
    refusals: frozenset[str] = frozenset()  # "declined to comment": no quote
    anonymity_requests: frozenset[str] = frozenset()  # "asked not to be named": no quote
    anonymity: frozenset[str] = frozenset()
    nobody: frozenset[str] = frozenset()  # "No group claimed responsibility": no quote
    not_labels: frozenset[str] = frozenset()  # "Update: ...", "Photo: ...": no speaker label
    label_nouns: frozenset[str] = frozenset()  # "Poll: ...", "Clinton camp: ...": a source label
    object_as: frozenset[str] = frozenset()  # cues only in "X sees Y as Z"
    object_at: frozenset[str] = frozenset()  # "put toll": cues only in "X put the toll at N"
    object_aims: frozenset[str] = frozenset()  # no cue in a purpose infinitive: "to promote trust"
    gatherings: frozenset[str] = frozenset()  # "held a rally [to condemn ...]": the rally's aim
    object_frames: frozenset[str] = frozenset()  # "expressed concern about", "took aim at"
    not_in_speaker: frozenset[str] = frozenset()  # "said the ministry [in a statement]"
    unresolved_pronoun_role: Optional[str] = None  # the role of "it claimed" with no antecedent
    back_reference_nouns: frozenset[str] = frozenset()  # "The group said": the group named before
    media_descriptors: frozenset[str] = frozenset()  # "Interfax [news agency]": the role of a medium
    raising: frozenset[str] = frozenset()  # "X appears to ...": X is content, nobody speaks
    connectives: frozenset[str] = frozenset()  # "[But] ..., according to X": no content
    contrast_marks: frozenset[str] = frozenset()  # "X said A, [while] Y said B": two reports
    evidence_subjects: frozenset[str] = frozenset()  # "a survey found [X]": clause verbs report objects
    saying_idioms: frozenset[str] = frozenset()  # "as X put it": verb + object, a clause cue
    asking: frozenset[str] = frozenset()  # "asked X [if ...]": an adverbial "if" clause is content
    abbreviations: frozenset[str] = frozenset()  # "Sen.", "Gov.": a period that ends no sentence
    passive_agent: frozenset[str] = frozenset()  # "[The attack] was claimed by X": X speaks
    not_title_cues: frozenset[str] = frozenset()  # "Ceasefire Talks Stall": a plural noun, no cue

    @cached_property
    def phrase_openers(self) -> frozenset[str]:
        """Every run of words that a phrasal verb or verb-object frame goes on from after a
        space ("call", "lash", "lash out"): a verb whose lemma is none of them forms neither."""
        return frozenset(phrase[:i] for phrase in self.phrasal_verbs | self.object_frames for i, char in enumerate(phrase) if char == " ")

    @cached_property
    def participle_sources(self) -> frozenset[str]:
        """Nouns that speak through a participle of saying hung on them ("a group backing X",
        "polls showing X", "a statement announcing X"): evidence, documents, organisations."""
        return self.evidence_subjects | self.document_nouns | self.back_reference_nouns

    def is_cue(self, word: Token) -> bool:
        """Whether a word's lemma is a cue of any kind."""
        return bool(self.kinds(word.lemma_))

    def reports_silence(self, verb: Token) -> bool:
        """Whether a cue verb says that nobody spoke: "did not comment on", "declined to
        comment", "declined to comment on the report"."""
        lemma = verb.lemma_.lower()
        if lemma in self.silence and any(c.dep_ == "neg" for c in verb.children):
            return True
        if lemma in self.anonymity_requests and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in self.anonymity and any(a.dep_ == "auxpass" for a in c.children)
            for c in verb.children
        ):
            return True  # "who asked not to be named"
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in self.nobody or any(d.dep_ == "det" and d.lower_ in self.nobody for d in c.children))
            for c in verb.children
        ):
            return True  # "No group immediately claimed responsibility"
        if lemma in self.refusals:
            return any(c.dep_ == "xcomp" and c.lemma_.lower() in self.silence for c in verb.children)
        return lemma in self.silence and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.refusals

    def adverb_in_cue(self, token: Token) -> bool:
        """Whether an adverb right before a cue verb belongs to the cue."""
        return token.lower_ in self.cue_adverbs or self.ly_adverbs and token.lower_.endswith("ly")

    def kinds(self, lemma: str) -> set[str]:
        """The lexicon groups a verb lemma belongs to."""
        lemma = lemma.lower()
        return {
            kind
            for kind, lemmas in (
                ("clause", self.clause),
                ("belief", self.belief),
                ("infinitive", self.infinitive),
                ("object", self.object),
            )
            if lemma in lemmas
        }


def _state_abbreviations() -> frozenset[str]:
    """The AP abbreviations of US states ("Calif.", "Ky."), kept once, in ``places.toml``."""
    places = tomllib.loads(resources.files("conflictnlp.data").joinpath("places.toml").read_text("utf-8"))
    return frozenset(places.get("us_state_abbreviations", {}))


@cache
def load_cues(path: Optional[str] = None) -> CueLexicon:
    """The cue lexicon from a TOML file (default: the packaged ``quote_cues.toml``)."""
    if path:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    else:
        data = tomllib.loads(resources.files("conflictnlp.data").joinpath("quote_cues.toml").read_text("utf-8"))
    return CueLexicon(
        clause=frozenset(data["clause"]["lemmas"]),
        belief=frozenset(data["belief"]["lemmas"]),
        infinitive=frozenset(data["infinitive"]["lemmas"]),
        object=frozenset(data["object"]["lemmas"]),
        source_object_phrases=tuple(data["phrases"]["source_object"]),
        phrasal_verbs=frozenset(data["phrases"]["phrasal_verbs"]),
        cue_extensions=frozenset(data["phrases"].get("cue_extensions", [])),
        noun_clause=frozenset(data.get("nouns", {}).get("clause", [])),
        noun_object=frozenset(data.get("nouns", {}).get("object", [])),
        initial_sources=frozenset(data["phrases"].get("initial_sources", [])),
        organisation_words=frozenset(data["names"]["organisation_words"]),
        adjectives=frozenset(data.get("adjectives", {}).get("lemmas", [])),
        document_nouns=frozenset(data["phrases"].get("document_nouns", [])),
        cue_adverbs=frozenset(data.get("cue_span", {}).get("adverbs", [])),
        ly_adverbs=bool(data.get("cue_span", {}).get("ly_adverbs", False)),
        named_in_clause=re.compile(data["names"]["named_in_clause"]) if data["names"].get("named_in_clause") else None,
        not_sources=frozenset(data["phrases"].get("not_sources", [])),
        person_nouns=frozenset(data["names"].get("person_nouns", [])),
        female_words=frozenset(data["names"].get("female_words", [])),
        male_words=frozenset(data["names"].get("male_words", [])),
        female_surname_endings=tuple(data["names"].get("female_surname_endings", [])),
        ranks=frozenset(data["names"].get("ranks", [])),
        male_surname_endings=tuple(data["names"].get("male_surname_endings", [])),
        silence=frozenset(data.get("silence", {}).get("lemmas", [])),
        refusals=frozenset(data.get("silence", {}).get("refusals", [])),
        anonymity_requests=frozenset(data.get("silence", {}).get("anonymity_requests", [])),
        anonymity=frozenset(data.get("silence", {}).get("anonymity", [])),
        nobody=frozenset(data.get("silence", {}).get("nobody", [])),
        not_labels=frozenset(w.lower() for w in data.get("colon", {}).get("not_labels", [])),
        label_nouns=frozenset(w.lower() for w in data.get("colon", {}).get("label_nouns", [])),
        object_as=frozenset(data["object"].get("only_with_as", [])),
        object_at=frozenset(data["object"].get("only_with_at", [])),
        object_aims=frozenset(data["object"].get("aims", [])),
        gatherings=frozenset(data["object"].get("gatherings", [])),
        object_frames=frozenset(data["phrases"].get("object_frames", [])),
        not_in_speaker=frozenset(data["names"].get("not_in_speaker", [])),
        unresolved_pronoun_role=data["names"].get("unresolved_pronoun_role"),
        back_reference_nouns=frozenset(data["names"].get("back_reference_nouns", [])),
        media_descriptors=frozenset(data["names"].get("media_descriptors", [])),
        raising=frozenset(data["infinitive"].get("raising", [])),
        connectives=frozenset(data["phrases"].get("connectives", [])),
        contrast_marks=frozenset(data["phrases"].get("contrast_marks", [])),
        asking=frozenset(data["clause"].get("asking", [])),
        saying_idioms=frozenset(data["phrases"].get("saying_idioms", [])),
        evidence_subjects=frozenset(data["object"].get("evidence_subjects", [])),
        abbreviations=frozenset(data.get("boundaries", {}).get("abbreviations", [])) | _state_abbreviations(),
        passive_agent=frozenset(data["object"].get("passive_agent", [])),
        not_title_cues=frozenset(w.lower() for w in data["phrases"].get("not_title_cues", [])),
        confidence={
            kind: float(data[kind]["confidence"])
            for kind in ("clause", "belief", "infinitive", "object", "phrases", "colon", "nouns", "adjectives")
            if kind in data
        },
    )


def cue_tokens(verb: Token, lexicon: CueLexicon) -> list[Token]:
    """The tokens of a verb cue: the verb with its auxiliaries, negation, particle, an adverb
    standing between them or right before it (the lexicon's ``cue_span`` adverbs), and an adverb
    or day right after ("has also said", "flatly denied", "pointed out", "said Monday")."""
    parts = [verb]
    for child in verb.children:
        if child.dep_ in CUE_PARTS:
            parts.append(child)
        elif child.dep_ == "advmod" and child.i < verb.i and any(
            c.dep_ in ("aux", "auxpass") and c.i < child.i for c in verb.children
        ):
            parts.append(child)
        elif child.dep_ == "advmod" and child.i == verb.i - 1 and lexicon.adverb_in_cue(child):
            parts.append(child)
        elif child.i == verb.i + 1 and (child.dep_ == "advmod" or child.dep_ == "npadvmod" and child.pos_ == "PROPN"):
            # "said sarcastically", "said Monday": inside the gold cue 84% / 57% of the time
            parts.append(child)
    parts.sort(key=lambda t: t.i)
    # keep the contiguous run around the verb only
    run = [verb]
    for token in reversed([t for t in parts if t.i < verb.i]):
        if token.i == run[0].i - 1:
            run.insert(0, token)
    for token in [t for t in parts if t.i > verb.i]:
        if token.i == run[-1].i + 1:
            run.append(token)
    return run
