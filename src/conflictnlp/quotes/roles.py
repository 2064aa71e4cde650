"""Speaker roles: the title or description that comes with a speaker's name.

"Kremlin spokesman Dmitry Peskov" -> "Kremlin spokesman" (words before the name in its noun
phrase); "Petro Andryushchenko, an adviser to the mayor of Mariupol," -> "an adviser to the
mayor of Mariupol" (the appositive); "the regional governor" -> "regional governor" (a
speaker known only by role).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

LEADING_DROP = {"det", "predet", "punct", "cc"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady"}
TRAILING_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}


def _trim(span: Span) -> Optional[Span]:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _title_before(mention: Span, name: Span, ranks: frozenset[str] = frozenset()) -> Optional[Span]:
    """The words before the name in the mention that are no honorific: a title or rank."""
    before = [t for t in mention if t.i < name.start]
    while before and (before[0].dep_ in LEADING_DROP or before[0].is_punct):
        before = before[1:]
    # honorifics are part of the name's form, not a role; ranks ("Maj. Gen.") are roles
    while before and before[-1].lower_.rstrip(".") in HONORIFICS:
        before = before[:-1]
    return _without_rank_after_description(before, ranks)


def _without_rank_after_description(before: list[Token], ranks: frozenset[str]) -> Optional[Span]:
    """The title without the capitalised ranks that end it after a description in lower case:
    "army spokesman Captain" -> "army spokesman" (the rank goes with the name, as an honorific
    does); a rank alone ("Maj. Gen.") or in a capitalised title ("Regional Police Commander")
    stays."""
    cut = len(before)
    while cut > 0 and (before[cut - 1].text == "." or before[cut - 1].text[:1].isupper()
                       and before[cut - 1].lower_.rstrip(".") in ranks):
        cut -= 1
    if 0 < cut < len(before) and before[cut - 1].is_lower:
        before = before[:cut]
    return before[0].doc[before[0].i : before[-1].i + 1] if before else None


def _after_name(mention: Span, name: Span) -> Optional[Span]:
    """The description set off after the name: "Petro Andryushchenko, an adviser to the mayor"."""
    doc = mention.doc
    if name.end < mention.end and doc[name.end].text == ",":
        rest = _trim(doc[name.end + 1 : mention.end])
        if rest is not None and len(rest) > 2 and rest[0].like_num and rest[1].text == ",":
            rest = _trim(rest[2:])  # "Fatima Abdullahi, 34, a mother of three": the age is no role
        if rest is not None:
            # "..., a volunteer with the response room, speaking by telephone": a participle
            # clause says how the words came, not who the speaker is
            cut = next((t.i for t in rest[1:] if t.text == "," and t.i + 1 < rest.end and doc[t.i + 1].tag_ == "VBG"), None)
            rest = _trim(doc[rest.start : cut]) if cut is not None else rest
        if rest is not None and rest[0].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
            return rest
    for child in name.root.children:
        if child.dep_ == "appos" and child.i > name.end - 1:
            appos = _trim(doc[child.left_edge.i : child.right_edge.i + 1])
            if appos is not None:
                return appos
    return None


def role_of(mention: Span, name: Span, ranks: frozenset[str] = frozenset()) -> Optional[str]:
    """The role given with a person's name in a mention, or None. A rank or title before the
    name stays in the role beside a description after it ("Maj. Gen. Igor Konashenkov, the
    defence ministry spokesman" -> "Maj. Gen., the defence ministry spokesman")."""
    title, description = _title_before(mention, name, ranks), _after_name(mention, name)
    if description is None or not clean_role(description.text):  # "Dmitry Peskov, 55,": an age is no role
        return title.text if title is not None else None
    if title is not None and all(t.is_title or t.is_punct for t in title):
        return f"{title.text}, {description.text}"
    return description.text


def clean_role(role: Optional[str]) -> Optional[str]:
    """A role without edge punctuation ("spokesman," -> "spokesman"), or None for what is no
    role: a bare number ("52"), a bare honorific ("Ms."), a stray abbreviation ("Maj")."""
    if not role:
        return None
    role = role.strip(" \t\n,;:-–—()\"'“”‘’")
    words = [w.rstrip(".").lower() for w in role.split()]
    if not any(c.isalpha() for c in role) or all(w in HONORIFICS for w in words):
        return None
    if len(words) == 1 and not role.endswith(".") and len(words[0]) <= 3 and role[:1].isupper() and not role.isupper():
        return None  # "Maj", "Gen": a title cut from its name, not a description
    return role


def core_text(mention: Span) -> str:
    """The mention without its leading article and without trailing clauses or appositives:
    "the Kremlin" -> "Kremlin", "a source who spoke on condition of anonymity" -> "source"."""
    doc = mention.doc
    root: Token = mention.root
    end = root.i + 1
    for child in root.children:
        if child.i > root.i and child.dep_ not in TRAILING_CUT and child.i < mention.end:
            end = max(end, child.right_edge.i + 1)
        elif child.i > root.i:
            break
    start = mention.start
    while start < end and (doc[start].dep_ in LEADING_DROP or doc[start].is_punct):
        start += 1
    span = _trim(doc[start:min(end, mention.end)])
    return span.text if span is not None else ""
