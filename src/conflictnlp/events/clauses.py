"""Clauses and background sentences: which words of a sentence belong to the clause that reports
an incident, and which clauses tell of a period rather than an incident.

"As Ukrainian troops held their positions near Kupiansk, Russian forces fired two missiles at
Kharkiv": the troops and Kupiansk belong to another clause than "fired". "Russia has struck the
city repeatedly since 2022" and "since the fighting began" tell of a period, not of an incident.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from ..measures.toll_tree import only_intended

SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def clause_head(token: Token) -> int:
    """Index of the verb that heads the token's clause: the nearest verb above it (or itself)
    with a subject of its own; a participle with none ("..., killing 12") belongs to the clause
    of the verb it hangs from."""
    current = token
    for _ in range(40):  # a bound against a malformed tree
        if current.pos_ in ("VERB", "AUX") and any(child.dep_ in SUBJECTS for child in current.children):
            return current.i
        if current.head.i == current.i:
            return current.i
        current = current.head
    return current.i


def linked_clauses(doc: Doc, head: int) -> set[int]:
    """The clause and the clauses tied to it by "when", which tell of one incident ("Six soldiers
    were killed when their vehicle struck a mine"); "as" and "while" tie two things that happen
    at once ("As troops held the town, missiles hit ...")."""
    verb = doc[head]
    linked = {head}
    if verb.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" or c.dep_ == "mark" and c.lower_ == "when" for c in verb.children):
        linked.add(clause_head(verb.head))
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in child.children):
            linked.add(clause_head(child))
    return linked


def in_since_phrase(token: Token, recent: frozenset[int]) -> bool:
    """The token is inside a "since" phrase or clause ("since the fighting began", "since the
    start of the war") whose "since" is not one of ``recent`` ("since Sunday")."""
    sent = token.sent
    for word in sent:
        if word.lower_ != "since" or word.i in recent:
            continue
        scope = word.head if word.dep_ == "mark" else word
        if scope.left_edge.i <= token.i <= scope.right_edge.i and scope.i != token.i:
            return True
    return False


def recent_since(doc: Doc, dates, published: str | None, days: int) -> frozenset[int]:
    """Indices of "since" tokens followed by a day within ``days`` of publication ("since
    Sunday"): a recent start makes an ongoing incident, not a background period."""
    if not published:
        return frozenset()
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return frozenset()
    found = set()
    for date in dates:
        value = date.value or ""
        if len(value) < 10 or value[7] != "-":
            continue
        try:
            when = dt.date.fromisoformat(value[:10])
        except ValueError:
            continue
        if (day - when).days > days:
            continue
        before = doc.char_span(max(0, date.span[0] - 7), date.span[0], alignment_mode="expand")
        for token in before or ():
            if token.lower_ == "since":
                found.add(token.i)
    return frozenset(found)


def perfect(verb: Token) -> bool:
    """The verb is in the perfect ("has struck", "have been killed", "has been fighting")."""
    return any(child.dep_ in ("aux", "auxpass") and child.lemma_.lower() == "have" for child in verb.children)


def period_said(doc: Doc, start: int, end: int, phrases: tuple[tuple[str, ...], ...], recent: frozenset[int],
                compare: frozenset[str] = frozenset()) -> bool:
    """One of the period phrases ("since", "for years", "repeatedly") is among tokens
    ``start``..``end`` (a "since" followed by a recent day is not, nor a phrase that follows a
    comparison word: "the deadliest attack since 2017", "the worst this year")."""
    lowers = [doc[i].lower_ for i in range(start, end)]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(lowers) - n + 1):
            if tuple(lowers[i : i + n]) != phrase or (phrase == ("since",) and start + i in recent):
                continue
            if compare and set(lowers[max(0, i - 3) : i]) & compare:
                continue
            return True
    return False


def to_be_ended(token: Token, ending: frozenset[str]) -> bool:
    """The word is what an infinitive of ending would end: "talks to stop the fighting",
    "efforts to end the shelling" tell of the war, not of an incident."""
    head = token.head
    return (token.dep_ == "dobj" and head.lemma_.lower() in ending
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children))


IRREALIS_MODALS = frozenset(("would", "could", "might", "may"))


def hypothetical(token: Token) -> bool:
    """A noun that is the subject of a clause under "would/could/might/may" names what might
    happen, not what did: "Its capture would be a major prize"."""
    head = token.head
    return (token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "aux" and c.lower_ in IRREALIS_MODALS for c in head.children)
            and not any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children))  # "could have killed": it happened


FUTURE_MODALS = IRREALIS_MODALS | frozenset(("will", "'ll", "wo", "shall"))
CONDITION_MARKS = frozenset(("if", "unless"))


def irrealis_clause(doc: Doc, token: Token) -> bool:
    """The word's clause says what would, could or will happen, not what did: its verb has a
    modal of the future or of possibility ("the fall of Mariupol will open the way to a peace
    agreement", "it would be the war's first known attack") or is a condition ("If Ukraine was
    involved in the air strike"); "could have killed" happened."""
    verb = doc[clause_head(token)]
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "have" in aux or "has" in aux or "had" in aux:
        return False
    return bool(set(aux) & FUTURE_MODALS) or any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children)


def describes_a_name(token: Token) -> bool:
    """A participle set after a name with a year, which describes the named place or group
    rather than report an incident: "Crimea, seized from Ukraine in 2014"."""
    return (token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "PROPN"
            and any(t.is_digit and len(t) == 4 and t.text[:2] in ("19", "20") for t in token.subtree))


def background(doc: Doc, token: Token, phrases: tuple[tuple[str, ...], ...], recent: frozenset[int],
               compare: frozenset[str] = frozenset(), days: tuple[int, ...] = (), ending: frozenset[str] = frozenset()) -> bool:
    """The word tells of a period, not of an incident: it stands in a "since" phrase, or its
    clause is in the perfect, says a period and names no day ("has struck the city repeatedly
    since 2022", "more than 1,000 civilians have been killed in the region since then"; but
    "gunmen have killed 14 villagers on Sunday, the worst attack this year" is an incident),
    or it is the object of an infinitive of ending (``to_be_ended``), describes a name
    (``describes_a_name``) or is a hypothetical subject (``hypothetical``). ``days``: token indices of the article's day-precise dates."""
    if in_since_phrase(token, recent) or to_be_ended(token, ending) or describes_a_name(token) or hypothetical(token):
        return True
    head = doc[clause_head(token)]
    if not perfect(head):
        return False
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if any(lo <= i < hi and not in_since_phrase(doc[i], recent) for i in days):
        return False
    return period_said(doc, lo, hi, phrases, recent, compare)


def intended(token: Token, intending: frozenset[str], planning: frozenset[str], doing: frozenset[str]) -> bool:
    """The word is what someone threatens, plans or asks for, not what happened: its own verb or
    a verb that does it ("launch", "carry out") is the infinitive of a ``planning`` word
    (``measures.toll_tree.only_intended``: "Al-Shabaab threatened to attack hotels", "plans to launch an offensive",
    "urged troops to retake the town"), or the word is the object of an ``intending`` verb
    ("Al-Shabaab threatens attacks"). "vowed to avenge the attack" tells of one that happened."""
    noun = token
    while noun.dep_ in ("compound", "amod", "conj") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in intending:
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in doing:
        verb = noun.head
    if verb is None and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in doing:  # "carry out attacks on"
        verb = noun.head.head
    if verb is None and noun.dep_ == "dobj" and noun.head.dep_ == "prt":
        verb = noun.head.head
    return verb is not None and only_intended(verb, planning)


def retrospective(token: Token, heads: frozenset[str]) -> bool:
    """The word names a past incident a court, a commemoration or a film is about ("sentenced to
    life for a 2015 bomb attack", "marked the anniversary of the Garissa attack", "jails man over
    2019 church bombing"): no incident of this report."""
    current = token
    for _ in range(6):
        if current.dep_ in ("compound", "amod", "conj", "nmod", "appos") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ in ("pobj", "pcomp"):
            owner = current.head.head
            if owner.lemma_.lower() in heads:
                return True
            if owner.pos_ not in ("NOUN", "PROPN") or owner.i == current.head.i:
                return False
            current = owner  # "for his role in the attack"
            continue
        return current is not token and current.dep_ in ("dobj", "nsubjpass") and current.head.lemma_.lower() in heads
    return False


def _noun_root(token: Token) -> Token:
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    return token


def unrealised(token: Token, modifiers: frozenset[str]) -> bool:
    """A trigger noun that is expected, feared or planned has not happened ("ahead of an expected
    Boko Haram attack", "fears of an imminent offensive")."""
    noun = _noun_root(token)
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in modifiers for c in noun.children)


def ranked(token: Token, comparison: frozenset[str]) -> bool:
    """A trigger noun ranked by a comparison word ("in one of the deadliest attacks this year",
    "the worst bombing since 2017") says how an incident compares: a name for one, not one; as
    the subject it is the incident ("The deadliest attack this year killed 40")."""
    noun = _noun_root(token)
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ not in ("nsubj", "nsubjpass") and any(c.dep_ == "amod" and c.lower_ in comparison for c in noun.children)


def dated_before(token: Token, year: int) -> bool:
    """A trigger noun whose own words name a year before ``year`` tells of a past incident ("to
    honour soldiers killed in a 2022 ambush", "the 2014 Peshawar school attack")."""
    noun = _noun_root(token)
    if noun.pos_ in ("VERB", "AUX"):  # "soldiers killed in a 2022 ambush"
        return any(dated_before(obj, year) for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                   for obj in prep.children if obj.dep_ == "pobj")
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for word in noun.doc[noun.left_edge.i : noun.i]:
        if len(word) == 4 and word.is_digit and 1900 <= int(word.text) < year:
            return True
    return False
