"""Stance of a claim: the lexicon cues that syntactically govern its predicate."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from ..model import Stance
from .lexicon import CueMatch, StanceLexicon

CONDITIONAL_MARKS = {"if", "unless"}


# dependents of the predicate (or of the verb reporting it) that qualify it
MODIFIER_DEPS = {"advmod", "aux", "auxpass", "neg", "npadvmod", "advcl"}


def _governors(predicate: Token) -> set[int]:
    """The predicate and the words above it, not counting the first conjunct of a
    coordination: in "Ukraine denied X, but it would be Y", "denied" does not govern "be"."""
    found = {predicate.i}
    node = predicate
    while node.head.i != node.i:
        via_conjunction = node.dep_ == "conj"
        node = node.head
        if not via_conjunction:
            found.add(node.i)
    return found


def governs(cue: CueMatch, predicate: Token, attribution: Optional[Token] = None) -> bool:
    """Whether a cue has the claim in its scope.

    It does when its anchor is the predicate or a word governing it ("denied" over
    "[anyone was hurt]"), when it is the verb reporting the claim, when it modifies the predicate ("allegedly struck", "could
    jeopardize", "[it would be ...] if confirmed") or the verb reporting it ("reportedly said"),
    or when it is the "if" of a condition on the predicate.
    """
    anchor = cue.anchor
    if cue.start <= predicate.i < cue.end or anchor.i in _governors(predicate):
        return True
    if attribution is not None and cue.start <= attribution.i < cue.end:
        return True  # the reporting verb is the cue: "denied", "claimed", "could neither confirm nor deny"
    qualified = {predicate.i} if attribution is None else {predicate.i, attribution.i}
    if anchor.dep_ in MODIFIER_DEPS and anchor.head.i in qualified:
        return True
    return (
        anchor.dep_ == "mark"
        and anchor.lower_ in CONDITIONAL_MARKS
        and anchor.head.dep_ == "advcl"
        and anchor.head.head.i == predicate.i
    )


def claim_stance(
    cues: Iterable[CueMatch],
    predicate: Token,
    lexicon: StanceLexicon,
    attribution: Optional[Token] = None,
) -> tuple[Stance, list[CueMatch]]:
    """The strongest stance among the cues that govern ``predicate``, and those cues."""
    governing = [cue for cue in cues if governs(cue, predicate, attribution)]
    if not governing:
        return "asserted", []
    return min((cue.stance for cue in governing), key=lexicon.rank), governing
