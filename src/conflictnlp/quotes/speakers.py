"""Where a quote's speaker is decided.

Every rule that picks the speaker *mention* of an attribution is here or named here, in the
order they are tried:

1. ``source_of_verb``: the subject of the cue verb ("Peskov said", "said Peskov", "X, the Y
   of Z, said"); for a verb without its own subject, the subject of the verb it hangs from
   ("..., adding that", "X said A and warned B"), a passive's subject included ("Putin had
   been briefed and warned": Putin warned); the noun a relative clause hangs from ("a
   spokesman who said"); the passive agent ("was told by X"). In a headline "Moscow says A,
   warns B" the later verb takes the earlier one's subject
   (``attribution._comma_coordinated_cue``). A subject inside quotation
   marks never speaks for a cue outside them: then the noun phrase right next to the cue is
   taken (``_adjacent_noun_phrase``: '...,” Tulsa police Chief Chuck Jordan said'). An
   infinitive takes the subject of the verb it completes ("went on to say", "was quick to
   point out").
2. ``source_of_phrase``: the object of "according to X".
3. ``attribution.dash_attributions`` and ``attribution.speaker_label_attributions``: the name
   after a dash that signs a quotation ("“...” ― Jane Doe") or before a colon that opens a
   line ("PENCE: ...").
4. ``inherited_speaker``: a quotation with no cue of its own (a floating quote in the next
   sentence or paragraph) takes the speaker of the closest attributed quote before it, at
   most ``INHERIT_PARAGRAPHS`` paragraphs back.

Whatever rule found it, a mention that is part of a speaker named in a relative clause ("an
Irpin resident who gave his name only as Andriy") is widened to the whole phrase
(``naming_clause``); the resolver then takes the name from the clause and the role from the
noun ("Irpin resident").

The canonical name and role behind a mention ("he" -> "Petro Andryushchenko") are decided by
``coref.SpeakerResolver``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
NOUN_PHRASE_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM"}
# how far back (in paragraphs) a floating quote may look for its speaker
INHERIT_PARAGRAPHS = 2


def _np(token: Token) -> Span:
    """The whole noun phrase headed by ``token``, without edge punctuation and without what
    a misparse hangs before it across a comma ("Amid the pullback, Ukraine's military")."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    # a phrase never runs over the word it hangs from: "Ukraine said it would ... —
    # Moscow's chief demand —" with the dash phrase misparsed as Ukraine's apposition
    head = token.head
    if token.i < head.i < end:
        end = head.i
    elif start <= head.i < token.i:
        start = head.i + 1
    if not any(c.dep_ == "conj" for c in token.children):
        commas = [t.i for t in doc[start : token.i] if t.text == ","]
        if commas:
            start = commas[-1] + 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def source_of_verb(verb: Token, quoted: Optional[list[bool]] = None) -> Optional[Span]:
    """The speaker mention of a cue verb, or None (agentless passives, imperatives).

    ``quoted`` marks characters inside quotation marks: a cue outside a quotation never takes
    its subject from inside one (a misparse of ``"We will win," Chief Jordan said``); the noun
    phrase right next to the cue is taken instead."""
    current = verb
    for _ in range(4):  # climb a short chain of coordinated or participial verbs
        subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            if quoted is not None and quoted[subject.idx] and not quoted[verb.idx]:
                break
            if subject.tag_ in ("WP", "WDT") and current.dep_ != "relcl":
                return None  # "what appeared to be missiles" has no speaker
            if subject.dep_ == "nsubjpass" and current.i != verb.i and _shares_passive_subject(verb, current):
                return _np(subject)  # "Putin had been briefed ... and warned": Putin warned
            if subject.dep_ == "nsubjpass" or subject.lower_ == "there":
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return _np(pobj) if pobj is not None else None
            return _np(subject)
        if current.dep_ == "relcl":
            return _np(current.head)
        infinitive = current.dep_ in ("xcomp", "advcl") and current.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "Russia pulled back after saying ...": Russia said
            continue
        if current.dep_ == "conj" or infinitive or (current.dep_ in ("advcl", "xcomp", "acl") and current.tag_ == "VBG"):
            if current.dep_ == "conj" and (adjacent := _adjacent_noun_phrase(verb)) is not None:
                return adjacent
            current = current.head
            continue
        break
    return _adjacent_noun_phrase(verb)


def _shares_passive_subject(verb: Token, passive: Token) -> bool:
    """Whether active ``verb`` is coordinated straight onto ``passive`` and so shares its
    subject: the subject of "was briefed and warned" is the one who warned, not an agent."""
    return (
        verb.dep_ == "conj"
        and verb.head.i == passive.i
        and not any(c.dep_ in ("auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def _nominal(token: Token) -> bool:
    """Part of a noun phrase, counting capitalised words the tagger took for verbs."""
    return token.pos_ in NOUN_PHRASE_POS or (token.is_title and not token.is_sent_start and token.pos_ == "VERB")


def _adjacent_noun_phrase(verb: Token) -> Optional[Span]:
    """The run of nouns and names right before a cue verb that follows a quotation or comma
    ('...,” Tulsa police Chief Chuck Jordan said'), or right after one ('said Chief Jordan')."""
    doc = verb.doc
    start = verb.i
    while start - 1 >= 0 and _nominal(doc[start - 1]) and doc[start - 1].sent == verb.sent:
        start -= 1
    if start < verb.i and start > 0 and doc[start - 1].is_punct and any(t.pos_ in ("NOUN", "PROPN") for t in doc[start : verb.i]):
        return doc[start : verb.i]
    end = verb.i + 1
    while end < len(doc) and _nominal(doc[end]) and doc[end].sent == verb.sent:
        end += 1
    if end > verb.i + 1 and verb.i > 0 and doc[verb.i - 1].is_punct and any(t.pos_ == "PROPN" for t in doc[verb.i + 1 : end]):
        return doc[verb.i + 1 : end]
    return None


def source_of_phrase(preposition: Token) -> Optional[Span]:
    """The speaker of "according to X": the object of the preposition."""
    pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return _np(pobj) if pobj is not None else None


def inherited_speaker(paragraph: int, start: int, attributed: list[tuple[int, int]]) -> Optional[int]:
    """Which earlier quote a floating quote inherits its speaker from.

    ``attributed`` holds (content start, paragraph number) of the quotes that have a speaker,
    in text order; the answer is an index into it, or None when the closest one is more than
    ``INHERIT_PARAGRAPHS`` paragraphs back."""
    best = None
    for index, (quote_start, quote_paragraph) in enumerate(attributed):
        if quote_start < start and paragraph - quote_paragraph <= INHERIT_PARAGRAPHS:
            best = index
    return best


@dataclass(frozen=True)
class NamingClause:
    """A speaker described, then named in a relative clause."""

    mention: Span  # "An Irpin resident who gave his name only as Andriy"
    role: Span  # "Irpin resident"
    name: Span  # "Andriy"


def naming_clause(mention: Span, pattern: Optional[re.Pattern]) -> Optional[NamingClause]:
    """The naming clause ``mention`` is part of, if any: ``pattern`` (the cue lexicon's
    ``named_in_clause``) matches from "who" to the name in the mention's sentence, and the
    mention overlaps the noun phrase the clause hangs from or the name."""
    if pattern is None or not len(mention):
        return None
    doc = mention.doc
    sent = mention[0].sent if doc.has_annotation("SENT_START") else doc[:]  # a pipeline without a parser
    for match in pattern.finditer(sent.text):
        who = doc.char_span(sent.start_char + match.start(), sent.start_char + match.start() + 3)
        name = doc.char_span(sent.start_char + match.start("name"), sent.start_char + match.end("name"), alignment_mode="expand")
        if who is None or name is None:
            continue
        clause = who[0].head
        noun = clause.head if clause.dep_ == "relcl" else doc[who.start - 1] if who.start > sent.start else None
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i >= who.start:
            continue
        start = noun.left_edge.i
        whole = doc[start : name.end]
        if not (mention.start < whole.end and whole.start < mention.end):
            continue
        role_start = start
        while role_start < noun.i and doc[role_start].dep_ in ("det", "predet", "punct"):
            role_start += 1
        return NamingClause(mention=whole, role=doc[role_start : noun.i + 1], name=name)
    return None
