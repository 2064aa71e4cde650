"""Tolls read from the dependency tree, where the words between a count and its cue are many.

``casualties.py`` reads a toll from the words next to a count ("12 killed", "kills 12"). These
rules read the tree instead, so that any words may stand between (modifiers, appositions,
"including ..." / "among them ..."); each takes the count's noun (``count_noun``):

- subject of a casualty verb, passive or intransitive: "Two workers at the depot were wounded",
  "Four civilians, among them a boy, died" (``subject_cue``);
- object of a casualty verb: "killed a military chaplain", "killed a paramedic and his two
  sons" (``object_cue``);
- the number a toll noun rises to: "The death toll from ... rose to nine" (``toll_noun_cue``);
- a part of a toll beside it: "including five children", "among them a boy", "six of them",
  "were among the dead" (``part_of_toll``);
- a toll of none under a denial or a no-word: "denied that anyone was hurt", "No Israeli
  soldiers were hurt" (``zero_subjects``).

A conjunct reads as the first of its conjuncts ("a nurse and two patients were killed"), an
apposition as the noun it restates ("the bombers, two men in their twenties, died"). Every word
list is in ``data/casualties.toml`` (``[tree]`` and the role lists).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..model import CasualtyRole

SUBJECTS = ("nsubjpass", "nsubj")
OBJECTS = ("dobj",)


def only_intended(verb: Token, heads: frozenset[str]) -> bool:
    """Whether a verb tells of a harm only threatened, planned, asked for or tried, not done: the
    infinitive or clause of one of ``heads`` ("threatened to kill", "a plot to kill", "urged troops
    to retake the town"); a conjunct reads as the first of its row ("vowed to come back and kill").
    The one reading of intended harm: the tolls' (``TollTree.unrealised``) and the events'
    (``events.clauses.intended``), over ``[tree] unrealised_heads`` of ``data/casualties.toml``."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].lower_ == "to" and doc[verb.i - 2].lemma_.lower() in heads:
        return True  # "foiled a plot to kill", whatever the parse hangs "kill" from
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.head.lemma_.lower() not in heads:
        return False
    return verb.dep_ in ("xcomp", "acl") or verb.dep_ in ("ccomp", "advcl") and any(child.lower_ == "to" for child in verb.children)


def _single_words(index: dict) -> dict[str, CasualtyRole]:
    """One-word phrases of a cue index (first or last word -> ((phrase, role), ...)) by word."""
    return {phrase[0]: role for found in index.values() for phrase, role in found if len(phrase) == 1}


class TollTree:
    """The tree rules over one CasualtyData's word lists."""

    def __init__(self, data) -> None:
        self.after = _single_words(data.after)  # "killed", "died", "wounded" ...
        self.after_phrases = data.after  # first word -> ((phrase, role), ...): "shot dead"
        self.before = _single_words(data.before)  # "killed", "killing", "abducted" ...
        self.nouns = data.nouns
        # verbs that are a cue only with words after the count ("took 12 people hostage") or for
        # some nouns ("lost 4 men"): the adjacency reading checks those, the tree does not read them
        self.conditional = {p[0] for p in (*data.needs_after, *data.needs_noun) if len(p) == 1}
        self.needs_noun = {p[0]: words for p, words in data.needs_noun.items() if len(p) == 1}
        self.toll_subjects = data.toll_subjects
        tree = data.tree
        self.part_prepositions = frozenset(tree.get("part_prepositions", []))
        self.part_pronouns = frozenset(tree.get("part_pronouns", []))
        self.denial_verbs = frozenset(tree.get("denial_verbs", []))
        self.any_words = frozenset(tree.get("any_words", []))
        self.no_words = frozenset(tree.get("no_words", []))
        self.intransitive = frozenset(tree.get("intransitive", []))
        self.toll_prepositions = frozenset(tree.get("toll_prepositions", []))
        self.collective_nouns = frozenset(tree.get("collective_nouns", []))
        self.to_death_verbs = frozenset(tree.get("to_death_verbs", []))
        self.one_person_pronouns = frozenset(tree.get("one_person_pronouns", []))
        self.unrealised_heads = frozenset(tree.get("unrealised_heads", []))

    # --- the count's place in the tree -------------------------------------------------------

    @staticmethod
    def count_noun(number: Token) -> Token:
        """The noun a number counts ("18" of "18 people"), or the number itself ("nine")."""
        token = number
        if token.dep_ in ("det", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head  # "a boy": a toll of one read from a determiner
        while token.dep_ in ("compound", "quantmod") and token.head.pos_ == "NUM" and token.head.i != token.i:
            token = token.head  # "Thirty-one"
        if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head
        return token

    def collective(self, noun: Token) -> Optional[Token]:
        """The collective noun a count fills in ("family" of "a family of four", "total" of "a
        total of 12 people"), which stands for it in the clause; None where there is none."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in self.collective_nouns:
            return noun.head.head
        return None

    def first_conjunct(self, noun: Token) -> Token:
        """The first of a row of conjuncts, and the noun an apposition restates ("the bombers,
        two men in their twenties"); a bare number in apposition is a figure of its own ("Four
        people were wounded, one fewer than ..."), or a part ("six of them", see ``is_part``).
        A collective noun a count fills in stands for it ("killing a family of four")."""
        noun = self.collective(noun) or noun
        while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i and not (noun.dep_ == "appos" and noun.pos_ == "NUM"):
            noun = noun.head
        return noun

    def is_part(self, noun: Token) -> bool:
        """A count set off as a part of another: under "including"/"among", or with "of
        them"/"among them" ("six of them", "among them a boy")."""
        conjunct = noun
        while conjunct.dep_ == "conj" and conjunct.head.i != conjunct.i:
            conjunct = conjunct.head  # "including a pregnant woman and two toddlers"
        for token in (noun, conjunct, self._apposed(noun)):
            if token.dep_ == "pobj" and token.head.lower_ in self.part_prepositions:
                return True
            for child in token.children:
                if (child.dep_ == "prep" and child.lower_ in self.part_prepositions | {"of"}
                        and any(c.dep_ == "pobj" and c.lower_ in self.part_pronouns for c in child.children)):
                    return True
        return False

    @staticmethod
    def _apposed(noun: Token) -> Token:
        return noun.head if noun.dep_ == "appos" else noun

    def unrealised(self, cue: Token) -> bool:
        """Whether a casualty verb reports a harm only threatened, intended or tried (``only_intended``)."""
        return only_intended(cue, self.unrealised_heads)

    # --- cues ---------------------------------------------------------------------------------

    def subject_cue(self, noun: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role and verb of a count that is the subject of a passive or intransitive
        casualty verb ("were killed", "died"); an active one with an object makes it the agent."""
        subject = self.first_conjunct(noun)
        if subject.dep_ not in SUBJECTS:
            return None
        verb = subject.head
        role = self._verb_role(verb)
        if role is None:
            return self._undergone_later(verb) if subject.dep_ == "nsubj" else None
        passive = subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
        has_object = any(c.dep_ in OBJECTS for c in verb.children)
        undergone = verb.lower_ in self.intransitive or verb.tag_ == "VBN" or self.to_death(verb)  # "starved to death"
        if passive or (not has_object and undergone):
            return role, verb
        return self._undergone_later(verb) if subject.dep_ == "nsubj" else None

    def _undergone_later(self, verb: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role and verb of a passive casualty clause with no subject of its own under the
        subject's verb: "A gunman killed six people before being shot dead" (the gunman)."""
        for child in verb.children:
            clause = next((c for c in child.children if c.dep_ == "pcomp"), None) if child.dep_ == "prep" else child
            if clause is None or clause.dep_ not in ("advcl", "pcomp"):
                continue
            kids = list(clause.children)
            if any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ in SUBJECTS for c in kids):
                role = self._verb_role(clause)
                if role is not None:
                    return role, clause
        return None

    def _verb_role(self, verb: Token) -> Optional[CasualtyRole]:
        """The role a verb names alone ("killed") or with the words after it ("shot dead"), or
        with "to death" anywhere under it ("were beaten by soldiers to death")."""
        doc = verb.doc
        for phrase, role in self.after_phrases.get(verb.lower_, ()):
            if tuple(t.lower_ for t in doc[verb.i : verb.i + len(phrase)]) == phrase:
                return role
        return "killed" if self.to_death(verb) else None

    def to_death(self, verb: Token) -> bool:
        """A verb of harm with "to death" under it: "hacked 14 farmers to death", "starved to death"."""
        if verb.lemma_.lower() not in self.to_death_verbs and verb.lower_ not in self.to_death_verbs:
            return False
        return any(
            prep.dep_ == "prep" and prep.lower_ == "to" and any(c.dep_ == "pobj" and c.lower_ == "death" for c in prep.children)
            and not any(c.dep_ == "advmod" for c in prep.children)  # "beaten nearly to death" lived
            for prep in verb.children
        )

    def object_cue(self, noun: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role and verb of a count that is the object of a casualty verb ("killed a chaplain")."""
        target = self.first_conjunct(noun)
        if target.dep_ not in OBJECTS:
            return None
        verb = target.head.lower_
        if verb in self.conditional and target.lower_ not in self.needs_noun.get(verb, ()):
            return None  # "took 12 people to hospital", "lost 2,000 jobs"; "lost 4 men" is read
        role = self.before.get(verb) or ("killed" if self.to_death(target.head) else None)
        return (role, target.head) if role else None

    def clause_cue(self, number: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role and verb of the clause a bare count is set beside ("Residents were killed
        ..., 9 in all"): the casualty verb it hangs from as an adverbial or apposition."""
        token = number
        while token.dep_ in ("npadvmod", "appos", "advmod", "dep", "attr", "conj") and token.head.i != token.i:
            token = token.head
            if token.pos_ in ("VERB", "AUX", "ADJ"):
                role = self._verb_role(token) or self.before.get(token.lower_)
                return (role, token) if role else None
        return None

    def toll_noun_cue(self, number: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role and subject of "The death toll ... rose to nine" / "has reached 31": the count
        under "to"/"at" or as the object of a verb whose subject is a toll noun."""
        token = number
        if token.dep_ == "pobj" and token.head.lower_ in self.toll_prepositions:
            token = token.head
            while token.head.pos_ in ("ADP", "ADV", "PART") and token.head.i != token.i:
                token = token.head  # "gone up to"
        elif token.dep_ not in ("dobj", "attr"):
            return None
        verb = token.head
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
            role = self._toll_subject_role(subject)
            if role:
                return role, subject
        return None

    def _toll_subject_role(self, subject: Token) -> Optional[CasualtyRole]:
        """The role a subject's words name as a toll: "death toll", "number of people killed"."""
        words = [t.lower_ for t in subject.subtree]
        for end in range(len(words), 0, -1):
            for phrase, role in self.toll_subjects.get(words[end - 1], ()):
                if tuple(words[max(0, end - len(phrase)) : end]) == phrase:
                    return role
        if subject.lower_ in ("number", "total", "tally"):
            for token in subject.subtree:
                if token.lower_ in self.after and token.i > subject.i:
                    return self.after[token.lower_]
        return None

    def among_cue(self, noun: Token) -> Optional[tuple[CasualtyRole, Token]]:
        """The role of "Two children were among the dead": a subject of "be" whose "among"
        names the toll (a toll noun, or a count with a cue word after it)."""
        subject = self.first_conjunct(noun)
        if subject.dep_ not in SUBJECTS or subject.head.lemma_ != "be":
            return None
        for prep in subject.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "among":
                for target in prep.subtree:
                    role = self.nouns.get(target.lower_) or self.after.get(target.lower_)
                    if role:
                        return role, target
        return None

    # --- tolls of none ------------------------------------------------------------------------

    def zero_subject(self, token: Token) -> Optional[tuple[CasualtyRole, Token, Token]]:
        """(role, verb, first token) where ``token`` ("anyone", "any", "no", "nobody") makes a
        toll of none: "No Israeli soldiers were hurt"; "any"/"anyone" only under a denial
        ("denied that anyone was hurt", "dismissed claims that anyone had been injured")."""
        lower = token.lower_
        if lower in self.no_words or lower in self.any_words:
            noun = token.head if token.dep_ == "det" else token
            first = token
        else:
            return None
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in self.any_words:
            noun = noun.head.head  # "any of its fighters"
            first = noun
        found = self.subject_cue(noun) or self.object_cue(noun)
        if found is None:
            return None
        if lower in self.any_words and not self._denied(found[1]):
            return None
        return found[0], found[1], first

    def _denied(self, verb: Token) -> bool:
        """Whether a verb stands under a verb of denial, directly or through its object
        ("denied reports that ...")."""
        for ancestor in verb.ancestors:
            if ancestor.lower_ in self.denial_verbs:
                return True
            if ancestor.pos_ == "VERB" and ancestor.dep_ not in ("ccomp", "acl", "dobj", "conj", "xcomp"):
                return False
        return False
