"""What a trigger's context says about its actors, place, day and type, beyond the parse roles
of ``extract.py``: datelines, pronoun subjects said by an actor, places a strike came from,
incident-list labels, the days a report was *said* on, and the words that make a takeover
peaceful or a shooting a crackdown on a protest. Every word list is in ``data/events.toml``
(``[context]``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..reading.boilerplate import line_dateline_end
from .lexicon import EventLexicon


def dateline_end(text: str, offset: int, lexicon: EventLexicon) -> int:
    """Where the dateline opening the line of ``offset`` ends ("KYIV, Ukraine (AP) —", "Bangui
    (AFP) - "): reading decides (``boilerplate.line_dateline_end``); ``lexicon`` is unused."""
    return line_dateline_end(text, offset)


def said_subject(doc: Doc, trigger_i: int, lexicon: EventLexicon) -> Token | None:
    """The subject of the verb of saying whose clause holds the trigger, where the trigger's own
    subject is a pronoun ("Somali forces said they had recaptured Eldher": "forces"; "Israel says
    it struck ..."): who the pronoun stands for."""
    verb = doc[trigger_i]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = pronoun_subject(doc, trigger_i, lexicon)
    if subject is None:
        return None
    head = verb
    for _ in range(3):  # "said on Monday it had killed", "said they had ambushed"
        if head.head.i == head.i:
            return None
        head = head.head
        if head.lemma_.lower() in lexicon.say_verbs or head.lower_ in lexicon.say_verbs:
            # the subject nearest the verb: a dateline the parser hangs on it is a subject too
            said = max((c for c in head.children if c.dep_ == "nsubj"), key=lambda c: (c.i < head.i, c.i), default=None)
            if said is not None and said.idx < dateline_end(doc.text, said.idx, lexicon):
                # "BANGKOK (AP) - Members of a local People's Defence Force said ...": the words after the dateline
                end = dateline_end(doc.text, said.idx, lexicon)
                said = next((c for c in said.children if c.dep_ == "appos" and c.idx >= end), None)
            return said if said is not None and said.lower_ not in lexicon.pronouns else None
    return None


def after_word(text: str, start: int, words: frozenset[str], line_start: int = 0) -> bool:
    """Whether the word right before ``start`` is one of ``words`` ("fired from Lebanon")."""
    before = text[max(line_start, start - 20) : start].lower().split()
    return bool(before) and before[-1] in words


def list_label(text: str, span: tuple[int, int]) -> bool:
    """Whether a place is the label of an incident-list item or a headline ("- Mopti: an IED
    hit a minibus near Bandiagara", "Idlib, Ariha: ..."): the area, not the place of the event."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    head = text[line_start : span[0]].lstrip("-*• \t")
    rest = text[span[1] : span[1] + 40]
    colon = rest.find(":")
    return colon >= 0 and "." not in rest[:colon] and len(head.split()) <= 6 and len(rest[:colon].split()) <= 4 and "." not in head


def label_head_start(text: str, sent_start: int) -> int:
    """Where the event's sentence begins, taken back to the start of its line where what stands
    before it there is an incident-list item's label ("- 14 January, Gwoza: ISWAP fighters
    ambushed ...", split off by the parser at the colon): the label's day and place are the
    item's. Else ``sent_start``."""
    line_start = text.rfind("\n", 0, sent_start) + 1
    head = text[line_start:sent_start].strip()
    if line_start < sent_start and head.endswith(":") and len(head.split()) <= 8 and ". " not in head:
        return line_start
    return sent_start


def speech_day(doc: Doc, token_i: int, lexicon: EventLexicon) -> bool:
    """Whether a date token dates the saying, not the event ("..., the army said Monday")."""
    token = doc[token_i]
    for _ in range(3):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower() in lexicon.say_verbs or token.lower_ in lexicon.say_verbs
    return False


def has_phrase(joined: str, phrases: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether the space-padded lower-case sentence holds one of the phrases."""
    return any(f" {p} " in joined for p in phrases)


def saying_subject(doc: Doc, trigger_i: int, lexicon: EventLexicon) -> Token | None:
    """Who announces a development the trigger names ("Myanmar junta announces truce": the
    junta): the subject of the verb of saying whose object holds the trigger."""
    token = doc[trigger_i]
    verb = token.head if token.dep_ in ("dobj", "ccomp", "xcomp") else None
    if verb is None or not (verb.lemma_.lower() in lexicon.say_verbs or verb.lower_ in lexicon.say_verbs):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in lexicon.pronouns), None)


def facility_owner(doc: Doc, token_i: int, lexicon: EventLexicon) -> bool:
    """Whether a people's adjective at ``token_i`` names whose post was hit ("shelled Pakistani
    positions")."""
    head = doc[token_i].head
    return doc[token_i].dep_ in ("amod", "compound") and head.lower_ in lexicon.facility_words and head.dep_ in ("dobj", "pobj", "nsubjpass")


def pronoun_subject(doc: Doc, trigger_i: int, lexicon: EventLexicon) -> Token | None:
    """The pronoun that is the subject of the trigger's verb ("they opened fire"), or owns it
    ("its drones struck RSF positions"), else None."""
    verb = doc[trigger_i]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "We destroyed two hideouts and killed nine militants": the first verb's subject
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in lexicon.pronouns:
        return subject
    return next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in lexicon.pronouns), None)


def held_by(doc: Doc, start: int, end: int, lexicon: EventLexicon) -> Token | None:
    """The word that says who holds a place in ``doc[start:end]``: "Russian" in "shelled
    Russian-held Horlivka", "RSF" in "RSF-controlled districts" (``held_words``)."""
    for token in doc[start:end]:
        if token.lower_ in lexicon.held_words and token.i >= start + 2 and doc[token.i - 1].text in ("-", "\u2013"):
            return doc[token.i - 2]
        if "-" in token.text and token.text.lower().rsplit("-", 1)[1] in lexicon.held_words:
            return token  # a tokenizer that keeps "Russian-held" whole
    return None


def member_of(doc: Doc, token: Token) -> Token | None:
    """The group a noun says people belong to: "Members of a local People's Defence Force",
    "Armed men from the Gran Grif gang" (the object of its "of" / "from")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    links = [c for c in token.children if c.dep_ == "acl"]
    if token.dep_ in ("nsubj", "nsubjpass"):
        links.append(token.head)  # the parser's "Gunmen linked (verb) to ..."
    for link in links:  # "Gunmen linked to the Sinaloa cartel", "fighters affiliated with ISIS"
        if link.lower_ in LINK_WORDS:
            for prep in link.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


LINK_WORDS = frozenset({"linked", "affiliated", "belonging", "tied", "connected", "allied"})


def group_anaphor(token: Token, lexicon: EventLexicon) -> bool:
    """Whether ``token`` is "the group" (``group_nouns``) standing for a group named before."""
    return token.lower_ in lexicon.group_nouns and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'))


def quoted_phrases(text: str, quotes) -> list[tuple[int, int]]:
    """The character ranges of words in quotation marks inside a reported statement (a quote
    of type ``mixed``: "Russia insisted its forces had hit “a legitimate military target”"):
    the speaker's own description, not an actor or an incident the report names. A direct
    quote, all in quotation marks ("“A drone hit the first truck,” he said"), is not one.
    Single quotation marks are left alone: apostrophes ("Ta'ang", "L'Orient") make their pairs
    unsure."""
    found = []
    for quote in quotes:
        if quote.type != "mixed":
            continue
        for start, end in quote.content.spans:
            for opening, closing in QUOTE_PAIRS:
                at = text.find(opening, start, end)
                while at != -1:
                    close = text.find(closing, at + 1, end + 1)
                    if close == -1:
                        break
                    found.append((at + 1, close))
                    at = text.find(opening, close + 1, end)
    return found


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the characters start..end lie inside one of ``ranges``."""
    return any(a <= start and end <= b for a, b in ranges)
