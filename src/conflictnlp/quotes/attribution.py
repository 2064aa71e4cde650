"""Finding attributions with rules over the dependency parse and the quotation marks.

An ``Attribution`` is what the rules find before speakers are resolved: content pieces, a
cue, a speaker mention. The steps, in order:

1. ``verb_attributions``: every cue verb of the lexicon outside quotation marks, with the
   complement its lexicon group names (clause, infinitive, object) as content, or, for
   "..., X said", the clause the cue hangs from; then ``noun_attributions``: cue nouns with
   a that-clause or a prepositional object ("Kyiv's claim that ...", "criticism of ...").
2. ``phrase_attributions``: "according to X, ..." and the like.
3. ``attach_passages``: quotation marks meet cues. A content that lies in a quotation becomes
   that whole quotation (direct); one that contains quotations is mixed. A cue without content
   ("Peskov said.") takes the quotation right before or after it, or what follows its colon.
   Further quotations in the same paragraph that follow with nothing but the attribution
   between them are more pieces of the same quote (``"X," he said. "Y."``).
4. ``dash_attributions``, ``speaker_label_attributions``: quotations signed with a dash
   ("“...” ― Jane Doe") and lines opened by a speaker label ("PENCE: ...").
5. ``floating_passages``: quotations left over that start a sentence and read like speech are
   quotes of their own that inherit the speaker of the closest attributed quote before them
   (``speakers.inherited_speaker``). Short quoted phrases without a cue (scare quotes, titles:
   "special military operation") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from spacy.attrs import ENT_TYPE
from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text, per_doc, pos_ids, token_forms, token_texts
from .cues import CueLexicon, cue_tokens
from .marks import QuotedPassage, paragraph_starts
from .speakers import (
    SUBJECTS,
    SpeakerCandidate,
    SpeakerContext,
    SpeakerDecision,
    conjunct_reporter,
    decide_speaker,
    inherited_speaker,
    introducing_speaker,
    names_a_place,
    participle_reporter,
    quoted_as_saying,
    set_off_participle,
    source_of_phrase,
    source_of_verb,
    without_medium,
)

Offsets = tuple[int, int]

# a quotation needs this many words to be taken as speech without a cue of its own
MIN_FLOATING_WORDS = 5
EDGE_PUNCT = set(",;:—–-")
QUOTE_CHARS_RE = re.compile("[\"“”„«»]|''|``")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
SKIP_DEPS = {"amod", "compound"}  # "so-called", "the said report"
DASH_SIGNATURE_RE = re.compile(r"[ \u00a0]*(?P<dash>―|—|–|--)[ \u00a0]*(?P<name>[A-Z][^\n.,;:!?]{1,60}?)[ \u00a0.]*$", re.M)


@dataclass
class Attribution:
    """An attribution found by the rules, before speakers are resolved to names."""

    content: list[Offsets]
    cue: Optional[Offsets]
    candidates: list[SpeakerCandidate]  # speaker mentions the rules propose, best first
    kind: str  # a lexicon group, "phrases", "colon" or "floating"
    confidence: float
    passages: list[QuotedPassage] = field(default_factory=list)  # quotations in the content
    inherits: Optional["Attribution"] = None  # floating quotes: where the speaker comes from
    borrowed_speaker: bool = False  # the cue verb has no subject of its own ("..., adding that")
    anchor: Optional[Token] = None  # the cue word a speaker must share a line with
    decision: Optional[SpeakerDecision] = None  # set by ``decide``, nowhere else

    @property
    def source(self) -> Optional[Span]:
        """The speaker mention: the decided one, or before the decision the best proposed."""
        if self.decision is not None:
            return self.decision.mention
        return self.candidates[0].mention if self.candidates else None

    def decide(self, context: SpeakerContext) -> None:
        """Let ``speakers.decide_speaker`` pick the speaker mention among the candidates."""
        if self.inherits is not None:
            self.decision = SpeakerDecision(None, "inherited")
        else:
            self.decision = decide_speaker(self.candidates, context, self.anchor)

    @property
    def start(self) -> int:
        return self.content[0][0] if self.content else (self.cue or (0, 0))[0]

    def clause_bounds(self) -> Offsets:
        """Offsets covering the cue and the speaker mention."""
        points = [p for p in (self.cue, (self.source.start_char, self.source.end_char) if self.source is not None else None) if p]
        return min(s for s, _ in points), max(e for _, e in points)


def _proposed(mention: Optional[Span], rule: str) -> list[SpeakerCandidate]:
    """The candidate list of a rule that found one speaker mention, or none."""
    return [SpeakerCandidate(mention, rule)] if mention is not None else []


def _pieces(tokens: Iterable[Token]) -> list[Offsets]:
    """Character pieces of a set of tokens: runs of adjacent tokens, edges trimmed of commas,
    dashes (a leading complementiser "that" stays: PolNeAR content starts with it)."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for token in ordered:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    pieces = []
    for run in runs:
        while run and (run[0].text in EDGE_PUNCT or run[0].is_space):
            run = run[1:]
        while run and (run[-1].text in EDGE_PUNCT or run[-1].text == "." and run[-1].i == run[-1].sent.end - 1 or run[-1].is_space):
            run = run[:-1]
        if run:
            pieces.append((run[0].idx, run[-1].idx + len(run[-1])))
    return pieces


def _same_line(tokens: set[Token], anchor: Token) -> set[Token]:
    """The tokens on the anchor's line: a headline is never the content of its subtitle."""
    text = doc_text(anchor.doc)
    start = text.rfind("\n", 0, anchor.idx) + 1
    end = text.find("\n", anchor.idx)
    end = len(text) if end < 0 else end
    return {t for t in tokens if start <= t.idx < end}


def _subtree(token: Token) -> set[Token]:
    return set(token.subtree)


def _complement_tokens(verb: Token, deps: set[str]) -> set[Token]:
    """Tokens of the verb's complements to its right, from the first one named in ``deps``."""
    children = [c for c in verb.children if c.i > verb.i]
    first = next((c for c in children if c.dep_ in deps), None)
    if first is None:
        return set()
    tokens: set[Token] = set()
    for child in children:
        if child.i < first.i:
            continue
        if child.dep_ in ("punct", "cc", "conj", "advcl") and child.i > first.i:
            break
        if child.i > first.i and _when(child):
            continue  # "endorsed Trump [in 2015]": when the cue was said is no content
        tokens |= _subtree(child)
    return tokens


TIME_ENTITIES = ("DATE", "TIME")


def _when(token: Token) -> bool:
    """Whether a verb's modifier only says when: "in 2015", "on Thursday", "Friday afternoon"
    (train-400: a time phrase after a cue's object is out of the gold content 20 times in 27)."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in TIME_ENTITIES
    if token.dep_ != "prep":
        return False
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in TIME_ENTITIES


def _hangs_on(word: Token, verb: Token) -> bool:
    """Whether the word after a verb is its preposition or particle, or the "for" the parse
    made the mark of a clause hung on the verb ("called for [Kyiv to withdraw]")."""
    if word.dep_ == "mark":
        return word.head.dep_ == "advcl" and word.head.head == verb and word.head.i > word.i
    return word.head == verb and word.dep_ in ("prep", "prt")


def _phrasal_preposition(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The last word of a cue the verb forms with the words right after it: a preposition
    ("call for", "talk about", "lashed out at") or the noun of a verb-object frame ("expressed
    concern", "took aim", whose own preposition or that-clause follows: ``_frame_content``)."""
    doc = verb.doc
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if following is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma not in lexicon.phrase_openers:
        return None  # most verbs: no phrase below can start with them
    if _hangs_on(following, verb) and f"{lemma} {following.lower_}" in lexicon.phrasal_verbs:
        return following
    after = doc[verb.i + 2] if verb.i + 2 < len(doc) else None
    if (
        following.head == verb
        and following.dep_ == "prt"
        and after is not None
        and after.dep_ == "prep"
        and after.head in (verb, following)
        and f"{lemma} {following.lower_} {after.lower_}" in lexicon.phrasal_verbs
    ):
        return after  # "lashed out at", "spoke out against"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if (
        obj is not None
        and lexicon.object_frames
        and f"{lemma} {obj.lemma_.lower()}" in lexicon.object_frames
        and all(t.dep_ in ("det", "amod", "poss", "advmod", "compound") for t in doc[verb.i + 1 : obj.i])
    ):
        return obj  # "expressed concern", "raised serious doubts", "threw her support"
    return None


def _frame_content(verb: Token, end: Token) -> tuple[list[Token], set[Token]]:
    """The cue words a phrasal cue ends with and its content: the object of its preposition
    ("called for [a ceasefire]"); after a verb-object frame, the object of the preposition right
    after the noun ("expressed concern about [the cost]") or a that-clause ("raised concerns
    [that ...]")."""
    if end.dep_ == "mark":
        return [end], set(end.head.subtree) - {end}  # "called for [Kyiv to withdraw]"
    if end.dep_ != "dobj":
        content = {t for c in end.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}
        # "called on [Kyiv to withdraw]", "referred to [him as a reformer]" (train-200, the "as"
        # phrase is in the gold content 13 times of 13, train-200 seeds 24 and 7)
        content |= {t for c in verb.children if c.i > end.i and (c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "as") for t in c.subtree}
        return [end], content
    doc = verb.doc
    after = doc[end.i + 1] if end.i + 1 < len(doc) else None
    if after is not None and after.dep_ == "prep" and after.head in (verb, end):
        content = {t for c in after.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}
        if content:
            return list(doc[verb.i + 1 : after.i + 1]), content
    clause = next(
        (
            c
            for c in (*end.children, *verb.children)
            if c.i > end.i and c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is not None:
        return list(doc[verb.i + 1 : end.i + 1]), set(clause.subtree)
    return [], set()


def _at_frame(verb: Token, lexicon: CueLexicon) -> set[str]:
    """{"object"} for "X put the death toll at 22" (``object_at`` of the lexicon: the verb and
    its object's lemma): an "at" phrase after the object, hanging from the verb or the object."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if lexicon.object_at else None
    if obj is None or f"{verb.lemma_.lower()} {obj.lemma_.lower()}" not in lexicon.object_at:
        return set()
    has_at = any(c.dep_ == "prep" and c.lower_ == "at" and c.i > obj.i for c in (*verb.children, *obj.children))
    return {"object"} if has_at else set()


def _as_frame(verb: Token, lexicon: CueLexicon) -> set[str]:
    """{"object"} for a verb that is a cue only in "X sees Y as Z" (``object_as`` of the
    lexicon): an object, then "as" hanging from the verb or the object."""
    if verb.lemma_.lower() not in lexicon.object_as:
        return _at_frame(verb, lexicon)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return set()
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in (*verb.children, *obj.children))
    return {"object"} if has_as else set()


def _set_off(verb: Token) -> bool:
    """Whether a clause is set off from what comes before it by a comma, dash or quotation
    mark ("..., Gladkov added", "Putin's armies, it claimed, are ..."), as a parenthetical
    attribution is; "The Kremlin said [the talks would continue]" is a complement."""
    start = verb.left_edge.i
    doc = verb.doc
    if start > 1 and doc[start - 1].dep_ == "cc" and doc[start - 2].text == "," and _bare_cue(verb):
        return True  # "Two people were killed in the strike, and the governor said on Telegram."
    return start > 0 and doc[start - 1].text in {",", "—", "–", "-", "--", '"', "”", "’", "'", ":", ";", "("}


def _bare_cue(verb: Token) -> bool:
    """Whether a cue verb has no complement of its own: nothing it reports but the clause it
    is coordinated onto ("..., and the governor said on Telegram.")."""
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "advcl", "parataxis") for c in verb.children)


def _trailing_conjunct(verb: Token) -> bool:
    """Whether a cue verb the parse coordinated onto the clause before it, after a comma (and
    with no conjunction, unless it has no complement of its own), ends the sentence with a
    subject of its own: "This includes a special force, Defense Secretary Ash Carter told a
    Senate panel Wednesday." / "Two people were killed in the strike, and the governor said."
    (a parenthetical attribution, not a second event)."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children) and not _bare_cue(verb):
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    return verb.right_edge.i >= verb.sent.end - 2


def _went_on(verb: Token) -> bool:
    """Whether a verb is the infinitive of "went on to say", "goes on to explain" or
    "continued to question" (train-722: a cue verb after "continue to" is a gold cue, from
    "continue" on, 15 times in 27)."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() == "continue" and head.i < verb.i:
        return all(t.lower_ == "to" or t.dep_ in ("advmod", "neg") for t in verb.doc[head.i + 1 : verb.i])
    return (
        verb.dep_ in ("xcomp", "advcl")
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        and all(t.lower_ in ("on", "to") or t.dep_ in ("advmod", "neg") for t in verb.doc[head.i + 1 : verb.i])
    )


def _cue_extension(cue: list[Token], lexicon: CueLexicon) -> list[Token]:
    """The preposition and noun right after a cue verb that the lexicon counts as part of the
    cue ("said in a statement", "wrote on Twitter"), or nothing."""
    verb, last = cue[0].doc, cue[-1]
    if last.i + 1 >= len(verb):
        return []
    preposition = verb[last.i + 1]
    if preposition.dep_ != "prep" or preposition.head not in cue:
        return []
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if noun is None or f"{preposition.lower_} {noun.lemma_.lower()}" not in lexicon.cue_extensions:
        return []
    tokens = list(verb[preposition.i : noun.i + 1])
    return [] if any(t.is_punct for t in tokens) else tokens


FINITE_TAGS = {"VBZ", "VBD", "VBP"}


def _comma_coordinated_cue(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The earlier cue verb that a subjectless cue verb after a comma shares its speaker with,
    as in the headline "Moscow says Ukrainian airstrike hit Russian city, warns attack affects
    peace talks", or None.

    The small model hangs either verb on the other; both readings are taken. The later verb
    must have a clause of its own to its right, so that "..., reports USA Today" (a subject
    the parser missed) is not read this way."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in verb.children):
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    for other in (verb.head, *verb.children):
        if (
            other.i < verb.i
            and other.tag_ in FINITE_TAGS
            and "clause" in lexicon.kinds(other.lemma_)
            and any(c.dep_ == "nsubj" for c in other.children)
        ):
            return other
    return None


def _document_governor(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The verb whose object is the document a cue participle hangs from: "issued" of
    "issued a statement saying" (PolNeAR's cue runs from it, and its subject is the speaker)."""
    noun = verb.head
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "acl"
        and noun.dep_ == "dobj"
        and noun.lemma_.lower() in lexicon.document_nouns
        and noun.head.pos_ == "VERB"
        and noun.i < verb.i
    ):
        return noun.head
    return None


def _object_is_signed_document(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb's object is a document with a cue participle of its own ("wrote a
    letter urging ..."): that participle makes the attribution."""
    return any(
        _document_governor(participle, lexicon) == verb
        for noun in verb.children
        if noun.dep_ == "dobj"
        for participle in noun.children
        if participle.dep_ == "acl" and lexicon.kinds(participle.lemma_)
    )


@per_doc
def _verb_indices(doc: Doc) -> list[int]:
    """Indices of the tokens tagged VERB, from the POS array (most tokens are not verbs)."""
    return [i for i, pos in enumerate(pos_ids(doc)) if pos == VERB]


def _idiom_object(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The object of an idiom of saying opened by "as" ("as Foner put [it]"), or None."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        following is None
        or following.head != verb
        or following.dep_ != "dobj"
        or f"{verb.lemma_.lower()} {following.lower_}" not in lexicon.saying_idioms
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return None
    return following


def _evidence_speaks(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a clause verb's subject is a study, survey or report that found something
    (the lexicon's ``object.evidence_subjects``): then its object is what it reports."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.evidence_subjects for c in verb.children)


def _cue_verb(verb: Token, lexicon: CueLexicon, quoted: list[bool]) -> Optional[tuple[set[str], Optional[Token]]]:
    """Whether ``verb`` is a cue: its lexicon kinds and phrasal preposition, or None when it is not."""
    if verb.dep_ in SKIP_DEPS or quoted[verb.idx]:
        return None
    kinds = lexicon.kinds(verb.lemma_) or _as_frame(verb, lexicon) or ({"clause"} if _idiom_object(verb, lexicon) is not None else set())
    if "clause" in kinds and "object" not in kinds and _evidence_speaks(verb, lexicon):
        kinds = kinds | {"object"}
    preposition = _phrasal_preposition(verb, lexicon)
    if (kinds or preposition is not None) and lexicon.reports_silence(verb):
        return None  # "Moscow did not comment on the reports": nobody spoke
    if not kinds and preposition is None:
        return None  # a verb outside the lists is a cue only with its preposition ("referred to")
    if any(c.dep_ == "xcomp" and _went_on(c) and (lexicon.is_cue(c) or _phrasal_preposition(c, lexicon)) for c in verb.children):
        return None  # "continued to question": the cue is the verb after it, from "continued" on
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and not _went_on(verb):
        return None  # "refused to release": the attribution is the governing verb's
    return kinds, preposition


def _verb_cue(doc: Doc, verb: Token, lexicon: CueLexicon) -> tuple[list[Token], Optional[Token], list[Token]]:
    """The cue's tokens, the earlier verb that opens it (or None) and the tokens that extend it."""
    cue = cue_tokens(verb, lexicon)
    # the cue runs from an earlier verb in "went on to say" and "issued a statement
    # saying" (PolNeAR's cue spans); the latter's subject is the speaker
    opener = verb.head if _went_on(verb) else _document_governor(verb, lexicon)
    if opener is not None:
        cue = sorted(set(cue) | set(cue_tokens(opener, lexicon)) | set(doc[opener.i : verb.i + 1]), key=lambda t: t.i)
    if (idiom := _idiom_object(verb, lexicon)) is not None:
        cue = sorted(set(cue) | {idiom}, key=lambda t: t.i)  # "put it"
    extension = _cue_extension(cue, lexicon)
    cue += extension
    return cue, opener, extension


def _reported_clauses(verb: Token, lexicon: CueLexicon, shares_speaker_with: Optional[Token], extension: list[Token]) -> list[Token]:
    """The complement clauses ``verb`` reports (its own, or a "that" clause hung on the cue's noun)."""
    ccomps = [
        c
        for c in verb.children
        if (c.dep_ == "ccomp" or c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        and c.i != getattr(shares_speaker_with, "i", None)
        and _comma_coordinated_cue(c, lexicon) is None
        and not (c.i < verb.i and _across_semicolon(c, verb, lexicon))
    ]  # a conjunct opened by "that" is a second complement: "said A, but that B"
    if verb.lemma_.lower() in lexicon.asking:
        # "asked Trump [if he would ...]": the parse hangs the question on the verb as an adverbial
        ccomps += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if extension and not ccomps:
        # "said in a statement that ...": the small model hangs the clause on the noun
        ccomps = [c for c in extension[-1].children if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return ccomps


def _across_semicolon(clause: Token, verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a clause the parse hung on ``verb`` is a statement of its own on the other side
    of a semicolon: one before the cue, or one after it that is a report with its own subject.
    In "Drone hits Odesa port, Ukraine says; Moscow denies targeting grain terminal" Moscow
    denies what follows its own cue; in "..., officials say; Russia denies attack" the officials
    do not say that Russia denies."""
    doc = verb.doc
    if clause.i < verb.i:
        return any(t.text == ";" for t in doc[clause.right_edge.i + 1 : verb.i])
    return any(t.text == ";" for t in doc[verb.i + 1 : clause.i]) and _own_report(clause, lexicon)


def _own_report(word: Token, lexicon: CueLexicon) -> bool:
    return lexicon.is_cue(word) and any(c.dep_ in SUBJECTS for c in word.children)


def _before_next_statement(content: set[Token], verb: Token, lexicon: CueLexicon) -> set[Token]:
    """The content up to a semicolon after the cue past which a report of its own begins
    ("Republicans said the timing was not intentional; they only learned on Friday ...")."""
    if not content:
        return content
    last = max(t.i for t in content)
    semicolon = next((t.i for t in verb.doc[verb.i + 1 : last] if t.text == ";"), None)
    if semicolon is None or not any(t.i > semicolon and _own_report(t, lexicon) for t in content):
        return content
    return {t for t in content if t.i < semicolon}


def _after_semicolon_with_complement(verb: Token) -> bool:
    """Whether a cue verb opens a statement after a semicolon with a complement of its own
    ("...; Moscow denies [targeting grain terminal]"): it reports that, not the clause before."""
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ";" and not _bare_cue(verb)


def _opened_by_that(clauses: list[Token]) -> bool:
    """Whether every clause is opened by the complementiser "that"."""
    return all(any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in clauses)


def _reports_head_clause(verb: Token, kinds: set[str], lexicon: CueLexicon) -> bool:
    """Whether ``verb`` is set off inside or after the clause it reports ("..., Gladkov added.")."""
    # not "The strike came [after Moscow accused ...]": a subordinate clause
    # does not report the clause it hangs from
    return bool(
        "clause" in kinds
        and verb.head.pos_ in ("VERB", "AUX")
        and (verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i or _trailing_conjunct(verb))
        and not any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)
        and (verb.dep_ == "parataxis" or _set_off(verb))
        and not _after_semicolon_with_complement(verb)
    ) or ("clause" in kinds and _as_before_clause(verb, lexicon))


def _as_before_clause(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a bare cue opened by "as" stands before the clause it reports, set off by a
    comma: "As The Hill pointed out, [Trump has declined ...]" (train-722: 48 of 62 such
    cues are gold)."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    return (
        verb.dep_ == "advcl"
        and verb.head.i > verb.i
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c != _idiom_object(verb, lexicon) for c in verb.children)
        and after < len(doc)
        and doc[after].text == ","
    )


def word_parsed_as_punct(token: Token) -> bool:
    """Whether the parser hung a word as punctuation ("at 10 [a.m.]" under the sentence's root)."""
    return token.dep_ == "punct" and not token.is_punct and any(c.isalpha() for c in token.text)


def misparsed_tail(content: set[Token], sent: Span) -> set[Token]:
    """The word right after ``content`` that the parser made punctuation, else nothing."""
    if not content:
        return set()
    after = max(t.i for t in content) + 1
    return {sent.doc[after]} if after < sent.end and word_parsed_as_punct(sent.doc[after]) else set()


def _head_clause_content(verb: Token, sent: Span) -> set[Token]:
    """The content of a parenthetical or trailing cue: its head's clause without the cue's own subtree."""
    # "..., Gladkov added." / "Putin's armies, it claimed, are struggling"
    content = {t for t in verb.head.subtree if t.sent == sent} - _subtree(verb)
    # "Israel strikes Gaza school, Hamas says; army denies ...": past a semicolon after the
    # cue is another statement
    semicolon = next((t.i for t in sent if t.i > verb.i and t.text == ";"), None)
    if semicolon is not None:
        content = {t for t in content if t.i < semicolon}
    if verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].dep_ == "cc":
        content.discard(verb.doc[verb.left_edge.i - 1])  # the "and" of "..., and the governor said"
    # the sentence's final stop (and a line break) may hang from the head: when
    # nothing of the content follows them after the cue, they are no content
    last_word = max((t.i for t in content if not (t.is_punct or t.is_space)), default=-1)
    return {t for t in content if not (t.i > max(verb.i, last_word) and (t.is_punct or t.is_space))}


def _rebuttal(token: Token, lexicon: CueLexicon) -> bool:
    """Whether a phrase set off by a comma after the content is another source's answer to
    it: a cue clause with its object first ("..., a charge Israel denied", "..., which Kyiv
    denied") or a noun with such a relative clause ("..., a claim the army rejected", "..., an
    account Kyiv disputed"). It is the outlet's narration, no part of what the speaker said."""
    doc = token.doc
    start = next((t.i for t in token.subtree if not t.is_punct), token.i)
    if start == 0 or doc[start - 1].text != ",":
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else next((c for c in token.children if c.dep_ == "relcl"), None)
    if verb is None or not lexicon.kinds(verb.lemma_):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or subject.i > verb.i:
        return False
    return obj.i < subject.i if obj is not None else verb is not token


# a clause with one of these marks, hung on a cue set off after its content, is the speaker's
# condition on that content
CONDITION_MARKS = {"if", "unless"}


def _condition_after(verb: Token, ccomps: list[Token]) -> set[Token]:
    """A condition the parse hangs on a cue that follows its content: "Residents may return
    next month, the mayor said, but only if the water supply is restored" (the mayor's)."""
    if any(c.i > verb.i for c in ccomps):
        return set()
    return {
        t
        for c in verb.children
        if c.i > verb.i and c.dep_ in ("advcl", "conj") and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for t in c.subtree
    }


def _second_report(token: Token, lexicon: CueLexicon) -> bool:
    """Whether ``token`` heads a report of another speaker's set off after a comma and
    opened by a contrast (``[phrases] contrast_marks``) or coordinated: "Hamas said A[,
    while Israel said B]", "X said A[, and the army said B]". Two reports side by side, no
    report nested in the first speaker's words."""
    if token.dep_ not in ("advcl", "conj") or not lexicon.kinds(token.lemma_) or token.pos_ != "VERB":
        return False
    if not any(c.dep_ in SUBJECTS and c.i < token.i and c.tag_ not in RELATIVE_TAGS for c in token.children):
        return False
    opener = token.left_edge.i
    if opener == 0 or token.doc[opener - 1].text != "," and token.doc[opener - 1].dep_ != "cc":
        return False
    if token.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in lexicon.contrast_marks for m in token.children)
    # a conjunct only as a verb of saying with a clause of its own: not "... but that it
    # would add layers", "... and they should vote for him"
    return token.lemma_.lower() in lexicon.clause and any(c.dep_ == "ccomp" for c in token.children)


def _without_second_reports(content: set[Token], verb: Token, lexicon: CueLexicon) -> set[Token]:
    """The content without the reports of other speakers set off after it
    (``_second_report``), and without the speaker's own next report that the parse
    coordinated into it ("said A [and added that B]", ``speakers.conjunct_reporter``), from
    the comma or conjunction before them."""
    for token in sorted(content, key=lambda t: t.i):
        if token == verb or token not in content or token.dep_ not in ("advcl", "conj"):
            continue
        if _second_report(token, lexicon) or conjunct_reporter(token, lexicon) == verb:
            start = token.left_edge.i
            while start > 0 and verb.doc[start - 1] in content and (verb.doc[start - 1].text == "," or verb.doc[start - 1].dep_ == "cc"):
                start -= 1
            content = {t for t in content if not (start <= t.i <= token.right_edge.i)}
    return content


RELATIVE_TAGS = frozenset(("WDT", "WP"))


def _relative_content(verb: Token, content: set[Token]) -> set[Token]:
    """The content of a cue in a relative clause ("the bridges that Ukraine said were
    destroyed"): what the relative pronoun stands for is reported, not the pronoun: "the
    bridges" + "were destroyed", never "that" + "were destroyed". A relative pronoun that is
    the cue's own subject ("a spokesman who said ...") is its speaker and left alone."""
    doc = verb.doc
    relative = next((t for t in doc[verb.head.i + 1 : verb.i] if t.tag_ in RELATIVE_TAGS), None)
    if relative is None or not content or relative.dep_ not in ("nsubj", "nsubjpass", "dobj") or (relative.head == verb and relative.dep_ in SUBJECTS):
        return content  # "the paper, in which he said ...": the preposition's, no stand-in
    antecedent = set(doc[noun_phrase_start(verb.head) : relative.i]) if verb.head.i < relative.i else set()
    return (content - {relative}) | {t for t in antecedent if not t.is_punct}


LEADING_LINKS = frozenset(("cc", "neg", "preconj"))


def noun_phrase_start(noun: Token) -> int:
    """Where the noun phrase that a relative clause on ``noun`` stands for starts: after its
    link words and marks ("and not the aid trucks that ...": "the aid trucks"). Quotes and
    claims both cut the stand-in here."""
    doc, first = noun.doc, noun.left_edge.i
    while first < noun.i and (doc[first].dep_ in LEADING_LINKS or doc[first].is_punct or doc[first].is_space):
        first += 1
    return first


def _trails_cue(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a participle set off by a comma trails a cue verb ("he said, noting ..."): its
    head's clause is an attribution of its own, never its content."""
    head = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and head.i < verb.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and bool(lexicon.kinds(head.lemma_))
        and any(t.i > verb.i and not t.is_punct for t in verb.subtree)
    )


def _purpose_infinitive(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether ``verb`` is an aim verb (``[object] aims``) in an infinitive of purpose with no
    subject of its own: "reduce activity near Kyiv [to promote trust]", "deployed troops [to
    defend the town]". Its object is what an action aims at, no report of anyone's words."""
    if not (
        verb.dep_ in ("advcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    ):
        return False
    # "held a rally [to condemn the killings]": the aim of a gathering, whatever the verb
    gathering = verb.head if verb.dep_ == "acl" else next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    return verb.lemma_.lower() in lexicon.object_aims or (gathering is not None and gathering.lemma_.lower() in lexicon.gatherings)


def _passed_on(verb: Token) -> set[Token]:
    """The content of a passive quoting verb with an agent: "Lavrov was quoted by TASS [as
    saying X]" is TASS's report of [Lavrov] + [as saying X], so that Lavrov's own quote of X
    is nested in it (via TASS). Empty for other verbs."""
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_phrase is None or not any(c.dep_ == "agent" for c in verb.children):
        return set()
    said = next((c for c in as_phrase.children if c.dep_ == "pcomp"), None)
    quoted = quoted_as_saying(said) if said is not None else None
    if quoted is None:
        return set()
    return _subtree(quoted) | _subtree(as_phrase)


def _passive_with_agent(verb: Token, lexicon: CueLexicon) -> set[Token]:
    """The content of a cue verb of ``[object] passive_agent`` in the passive with a "by"
    agent, which is its speaker: "[The attack] was claimed by Islamic State", "[His comments]
    were echoed by X" (the subject, or what a relative pronoun subject stands for); empty for
    other verbs ("the assault was supported by artillery")."""
    if verb.lemma_.lower() not in lexicon.passive_agent or not any(c.dep_ == "auxpass" for c in verb.children):
        return set()
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or subject is None or not any(c.dep_ == "pobj" for c in agent.children):
        return set()
    if subject.tag_ in RELATIVE_TAGS:
        if verb.dep_ != "relcl" or verb.head.i > subject.i:
            return set()
        # "the attacks in Paris, which were claimed by ...": the attacks are what was claimed
        return {t for t in verb.doc[noun_phrase_start(verb.head) : subject.i] if not t.is_punct}
    return _subtree(subject)


def _kind_and_content(
    verb: Token, sent: Span, kinds: set[str], preposition: Optional[Token], ccomps: list[Token], cue: list[Token], lexicon: CueLexicon
) -> tuple[str, set[Token], list[Token]]:
    """Which kind of attribution ``verb`` makes ("" for none), its content tokens and its cue with a preposition."""
    content: set[Token] = set()
    kind = ""
    frame = _frame_content(verb, preposition) if preposition is not None else ([], set())
    if preposition is not None and (preposition.dep_ != "dobj" or frame[1]):
        # "called for a ceasefire", "called on Kyiv to ...", "spoke about the talks",
        # "expressed concern about the cost"
        kind = "object"
        cue = sorted(set(cue) | set(frame[0]), key=lambda t: t.i)
        content = frame[1]
    elif ccomps and (kinds & {"clause", "belief"} or "object" in kinds and _opened_by_that(ccomps)):
        # an object verb reports a that-clause too: "but lamented that ..."
        kind = "clause" if kinds & {"clause", "object"} else "belief"
        for child in ccomps:
            if _rebuttal(child, lexicon):
                continue  # "Hamas said A, [a charge Israel denied]": the outlet's, not Hamas's
            content |= _subtree(child)
            content -= {t for r in child.subtree if r.i != child.i and r.dep_ in ("relcl", "appos", "npadvmod") and _rebuttal(r, lexicon) for t in r.subtree}
        content |= _condition_after(verb, ccomps)
        content = _before_next_statement(_without_second_reports(content, verb, lexicon), verb, lexicon)
        content |= misparsed_tail(content, sent)
    elif "clause" in kinds and _trails_cue(verb, lexicon):
        # "“A,” he said, noting that at one point ...": the parse found no clause under the
        # participle; what follows it is its content, the quote it trails is the cue's
        kind = "clause"
        content = {t for t in verb.subtree if t.i > verb.i}
    elif _reports_head_clause(verb, kinds, lexicon):
        kind = "clause"
        content = _head_clause_content(verb, sent)
        if _as_before_clause(verb, lexicon):
            # "Of course, as X observed, [the biggest victor ...]": the content starts after the cue's comma
            content = {t for t in content if t.i > verb.right_edge.i + 1}
    elif "infinitive" in kinds and any(c.dep_ == "xcomp" for c in verb.children):
        kind = "infinitive"
        content = _complement_tokens(verb, {"dobj", "dative", "xcomp"})
        if any(c.dep_ == "auxpass" for c in verb.children):
            # "Turnout is expected to rise": PolNeAR's content takes in the subject
            # (train-722: 50 of 59 such passives of "expect" are gold cues)
            content |= {t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
        elif verb.lemma_.lower() in lexicon.raising:
            # "Ben Carson appears to be slipping": the subject is what is reported on
            content |= {t for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.tag_ not in RELATIVE_TAGS for t in c.subtree}
    elif "object" in kinds and (gerund := next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i and not any(g.dep_ in SUBJECTS for g in c.children)), None)) is not None:
        # "Russia denies hitting an aid convoy", "admitted shelling the town"
        kind = "object"
        content = _subtree(gerund)
    elif "object" in kinds and (passed_on := _passed_on(verb)):
        # "Lavrov was quoted by TASS as saying X": TASS quoted [Lavrov ... as saying X]
        kind = "object"
        content = passed_on
    elif kinds & {"object", "clause"} and (by_agent := _passive_with_agent(verb, lexicon)):
        # "[The attack] was claimed by Islamic State": the agent speaks (speakers.source_of_verb)
        kind = "object"
        content = by_agent
    elif "object" in kinds and any(c.dep_ == "dobj" for c in verb.children):
        if _object_is_signed_document(verb, lexicon) or _purpose_infinitive(verb, lexicon):
            return "", content, cue
        kind = "object"
        content = _complement_tokens(verb, {"dobj"})
    elif "clause" in kinds:
        kind = "clause"  # no content of its own: a quotation or colon may supply it
    return kind, content, cue


def _without_participles(content: set[Token], verb: Token, lexicon: CueLexicon) -> set[Token]:
    """The content of ``verb`` without the participles of saying in it, which are
    attributions of their own (``speakers.set_off_participle``): one that ends the content
    is cut from its comma on ("said that the candidate was not contradicting his stance[,
    noting that ...]": PolNeAR's content stops at the comma); one elsewhere only when it
    reports for ``verb``'s speaker (``speakers.participle_reporter``)."""
    if not content:
        return content
    first, last = min(t.i for t in content), max(t.i for t in content)
    doc = verb.doc
    for token in sorted(content, key=lambda t: t.i):
        if not (set_off_participle(token) and lexicon.is_cue(token)):
            continue
        if token.right_edge.i >= last - 1 and doc[token.left_edge.i - 1] in content and token.left_edge.i > first + 2:
            return {t for t in content if t.i < token.left_edge.i - 1}
        if participle_reporter(token, lexicon.is_cue) == verb:
            content = content - set(token.subtree)
    return content


def _nested_report(
    verb: Token, kind: str, content: set[Token], shares_speaker_with: Optional[Token], lexicon: CueLexicon, quoted: list[bool]
) -> bool:
    """Whether ``verb`` reports inside an outer verb of saying's clause, which keeps the attribution."""
    # "he said she wanted to ...": PolNeAR keeps the outer attribution only. A
    # nested verb of saying is a report of its own ("CNN reported that the Kremlin
    # had claimed that ..."): the Kremlin is the source of what it claimed
    return bool(
        verb.dep_ == "ccomp"
        and shares_speaker_with is None
        and verb.head.i < verb.i
        and "clause" in lexicon.kinds(verb.head.lemma_)
        and content
        and not any(quoted[t.idx] for t in content)
        and kind != "clause"
        and not _across_semicolon(verb, verb.head, lexicon)
    )


def _nobody_speaks(doc: Doc, sent: Span, verb: Token, source: Optional[Span]) -> bool:
    """Whether the cue speaks of no one: a subjectless infinitive or a question to the reader."""
    if source is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "a chance to say", "in order to show": an infinitive nobody is said to speak
        # (train-250: such a cue is gold 2 times in 25)
        return True
    # "Do you support Donald Trump?": a question to the reader (train-722: cue
    # verbs with "you" as subject in a question are a gold cue 2 times of 23)
    return source is not None and source.text.lower() == "you" and doc_text(doc)[sent.start_char : sent.end_char].rstrip().endswith("?")


def _content_beside_source(doc: Doc, content: set[Token], source: Span, speaking: Token) -> set[Token]:
    """The content without the speaker's tokens, keeping a list the parse made the subject."""
    content = content - set(source)  # a speaker on another line is no content either
    subject = next((c for c in speaking.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.i < source.start and content and any(c.dep_ == "appos" and c.i >= source.start for c in subject.children):
        # "wounding ... at least seven other people, the head of ... said": the
        # list the parse made the subject stays in the content (speakers._np)
        start = subject.left_edge.i
        if start > 1 and doc[start - 1].text == "," and doc[start - 2] in content:
            start -= 1  # "killing a teacher, two pupils and a guard": the parse hung that comma on the cue
        content |= set(doc[start : source.start])
    return content


def _participle_of_cue(verb: Token, source: Span, lexicon: CueLexicon) -> bool:
    """Whether a participle cue set off by a comma takes its speaker from a verb of saying
    ("the governor said A, adding that B"), not from a clause it hangs in: a report of its
    own, even inside another report's content ("The Daily Mail reported that ...")."""
    said = source.root.head
    return (
        verb.tag_ == "VBG"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and said.i != verb.i
        and "clause" in lexicon.kinds(said.lemma_)
    )


def _relative_that(verb: Token) -> bool:
    """Whether a cue verb heads a relative clause whose subject is "that" ("ads that accuse
    Cruz of ...", "polls that show ..."): train-250, such a cue is a gold cue 5 times in 24, its
    source (the pronoun) right 3 times; "who" and "which" are kept (gold sources 255 and 56
    times over all training articles)."""
    return verb.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.lower_ == "that" for c in verb.children)


def _verb_attribution(doc: Doc, sent: Span, verb: Token, lexicon: CueLexicon, quoted: list[bool]) -> Optional[Attribution]:
    """The attribution headed by ``verb``, or None when it heads none."""
    cue_verb = _cue_verb(verb, lexicon, quoted)
    if cue_verb is None or _relative_that(verb):
        return None
    kinds, preposition = cue_verb
    cue, opener, extension = _verb_cue(doc, verb, lexicon)
    cue_set = set(cue)
    # "Moscow says A, warns B": each verb keeps its own clause, the later one takes
    # the earlier one's speaker
    shares_speaker_with = _comma_coordinated_cue(verb, lexicon)
    ccomps = _reported_clauses(verb, lexicon, shares_speaker_with, extension)
    kind, content, cue = _kind_and_content(verb, sent, kinds, preposition, ccomps, cue, lexicon)
    if not kind:
        return None
    if kind == "clause" and verb.dep_ == "relcl":
        content = _relative_content(verb, content)
    content = _without_participles(_same_line(content - cue_set, verb), verb, lexicon)
    if _nested_report(verb, kind, content, shares_speaker_with, lexicon, quoted):
        return None
    speaking = shares_speaker_with if shares_speaker_with is not None else verb if opener is None else opener
    if opener is None and shares_speaker_with is None and (reporter := participle_reporter(verb, lexicon.is_cue) or conjunct_reporter(verb, lexicon)) is not None:
        speaking = reporter  # "X said that A, noting that B" / "X said A and added B": X noted, X added
    # "Ben Carson appears to be slipping": a raising evidential has nobody who speaks
    source = source_of_verb(speaking, quoted, lexicon.participle_sources) if verb.lemma_.lower() not in lexicon.raising else None
    if source is not None:
        source = without_medium(source, verb, lexicon.not_in_speaker)
    if _nobody_speaks(doc, sent, verb, source):
        return None
    if source is not None:
        content = _content_beside_source(doc, content, source, speaking)
    return Attribution(
        content=_pieces(content),
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
        candidates=_proposed(source, "verb"),
        anchor=verb,
        kind=kind,
        confidence=lexicon.confidence[kind],
        borrowed_speaker=source is not None
        and not any(c.dep_ in SUBJECTS for c in speaking.children)
        and not _participle_of_cue(verb, source, lexicon)
        and quoted_as_saying(speaking) is None,
    )


def verb_attributions(doc: Doc, sents: Iterable[Span], lexicon: CueLexicon, quoted: list[bool]) -> list[Attribution]:
    """Attributions headed by a cue verb outside quotation marks."""
    found = []
    verbs = _verb_indices(doc)
    for sent in sents:
        for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
            attribution = _verb_attribution(doc, sent, doc[i], lexicon, quoted)
            if attribution is not None:
                found.append(attribution)
    return found + noun_attributions(sents, lexicon, quoted) + adjective_attributions(sents, lexicon, quoted)


def adjective_attributions(sents: Iterable[Span], lexicon: CueLexicon, quoted: list[bool]) -> list[Attribution]:
    """Attributions cued by an adjective after "be" (``adjectives`` of the lexicon): "X was
    critical of ..." (the preposition joins the cue, its object is the content), "X is eager
    to ...", "X is confident that ...". The cue runs from the verb's auxiliaries to the
    adjective; the speaker is the subject of "be"."""
    found = []
    for sent in sents:
        pos = pos_ids(sent.doc)
        for i in range(sent.start, sent.end):
            if pos[i] != ADJ:
                continue
            adjective = sent.doc[i]
            if (
                adjective.dep_ != "acomp"
                or adjective.head.lemma_ != "be"
                or adjective.lemma_.lower() not in lexicon.adjectives
                or quoted[adjective.idx]
            ):
                continue
            verb = adjective.head
            if verb.dep_ in ("ccomp", "xcomp") and lexicon.kinds(verb.head.lemma_):
                continue  # "she said she wasn't aware of ...": PolNeAR keeps the outer attribution only
            cue = [t for t in sent.doc[cue_tokens(verb, lexicon)[0].i : adjective.i + 1]]
            content: set[Token] = set()
            for child in adjective.children:
                if child.i < adjective.i:
                    continue
                if child.dep_ in ("ccomp", "xcomp"):
                    content = _subtree(child)
                elif child.dep_ == "prep" and child.lower_ in ("of", "about", "with", "in") and child.i == adjective.i + 1:
                    content = {t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}
                    if content:
                        cue.append(child)
                if content:
                    break
            if not content and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
                continue
            if not content:
                # "are confident that ...": the small model often hangs the clause on "be"
                content = {t for c in verb.children if c.dep_ == "ccomp" and c.i > adjective.i for t in c.subtree}
            source = source_of_verb(verb, quoted)
            content = _same_line(content - set(cue), adjective)
            if not content or source is None or _same_line(set(source), adjective) != set(source):
                continue
            found.append(
                Attribution(
                    content=_pieces(content - set(source)),
                    cue=(cue[0].idx, cue[-1].idx + len(cue[-1])),
                    candidates=_proposed(source, "adjective"),
                    kind="adjectives",
                    confidence=lexicon.confidence.get("adjectives", lexicon.confidence["object"]),
                )
            )
    return found


def noun_attributions(sents: Iterable[Span], lexicon: CueLexicon, quoted: list[bool]) -> list[Attribution]:
    """Attributions headed by a cue noun of the lexicon: "X's claim that ..." (the clause is
    the content) and "X's criticism of ..." (the preposition's object is). The speaker is the
    possessive, or the subject of the verb the noun is the object of ("X made the claim that");
    a noun without one is left alone (train-722: 28 fewer false cues for 8 fewer true ones)."""
    found = []
    for sent in sents:
        pos, forms = pos_ids(sent.doc), token_forms(sent.doc)
        for i in range(sent.start, sent.end):
            lemma = forms[i][0]
            if pos[i] != NOUN or (lemma not in lexicon.noun_clause and lemma not in lexicon.noun_object):
                continue  # no cue noun: nothing below could find content
            noun = sent.doc[i]
            if quoted[noun.idx] or noun.dep_ == "dobj" and f"{noun.head.lemma_.lower()} {lemma}" in lexicon.object_frames:
                continue  # "raised doubts that ...": the verb's frame is the cue
            content: set[Token] = set()
            if lemma in lexicon.noun_clause:
                for child in noun.children:
                    if child.i > noun.i and child.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                        content = _subtree(child)
                        break
            if not content and lemma in lexicon.noun_object:
                # a noun listed for both reads either: "the accusation that ..." / "of ..."
                preposition = next((c for c in noun.children if c.i > noun.i and c.dep_ == "prep" and c.lower_ in ("of", "for", "over")), None)
                if preposition is not None:
                    content = {t for c in preposition.children if c.dep_ == "pobj" for t in c.subtree}
            content = _same_line(content, noun)
            if not content:
                continue
            possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
            source: Optional[Span]
            if possessive is not None:
                source = _np_of(possessive)
            elif noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and not lexicon.kinds(noun.head.lemma_):
                # "X made the claim that": X's; "X rejected claims that": someone else's
                source = source_of_verb(noun.head, quoted)
            else:
                source = None
            if source is None or _same_line(set(source), noun) != set(source):
                continue  # without a speaker of its own a cue noun is mostly not an attribution
            found.append(
                Attribution(
                    content=_pieces(content - {noun}),
                    cue=(noun.idx, noun.idx + len(noun)),
                    candidates=_proposed(source, "noun"),
                    kind="nouns",
                    confidence=lexicon.confidence.get("nouns", lexicon.confidence["object"]),
                )
            )
    return found


def _np_of(possessive: Token) -> Span:
    """A possessive speaker with its "'s", as PolNeAR draws the source of a cue noun ("[Nervo's]
    conclusion that": train-722, a source right before "'s" takes it in 146 times, leaves it
    out 100; dev part source 0.706 -> 0.709); the name and role leave it out
    (``SpeakerResolver.resolve``)."""
    return possessive.doc[possessive.left_edge.i : possessive.right_edge.i + 1]


def phrase_attributions(doc: Doc, sents: Iterable[Span], lexicon: CueLexicon, quoted: list[bool]) -> list[Attribution]:
    """Attributions cued by a phrase whose object is the source: "according to X, ..."."""
    found = []
    phrases_by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for text in lexicon.source_object_phrases:
        phrase_words = tuple(text.split())
        phrases_by_first_word.setdefault(phrase_words[0], []).append(phrase_words)
    for sent in sents:
        words = [lower for _, lower in token_forms(sent.doc)[sent.start : sent.end]]
        for i in range(len(sent)):
            for phrase in phrases_by_first_word.get(words[i], ()):
                if tuple(words[i : i + len(phrase)]) != phrase or quoted[sent[i].idx]:
                    continue
                tokens = sent[i : i + len(phrase)]
                source = source_of_phrase(tokens[-1])
                if source is None or source.root.lemma_.lower() in lexicon.not_sources:
                    continue  # "according to a Northstar translation": the quotation has its own speaker
                root = tokens.root
                excluded = _subtree(root)
                # PolNeAR's content is the whole sentence around "according to X", not only the
                # clause the phrase hangs from ("A, while B, according to X")
                clause = _without_connective(set(sent) - excluded, lexicon.connectives)
                found.append(
                    Attribution(
                        content=_pieces(_same_line(clause, tokens[0])),
                        cue=(tokens.start_char, tokens.end_char),
                        candidates=_proposed(source, "according-to"),
                        kind="phrases",
                        confidence=lexicon.confidence["phrases"],
                    )
                )
        found += _initial_source(sent, lexicon, quoted)
    return found


def _without_connective(content: set[Token], connectives: frozenset[str]) -> set[Token]:
    """A sentence's content without the word that ties it to the sentence before ("And ...",
    "But ...", "Still, ..."; the lexicon's ``[phrases] connectives``): PolNeAR's content of
    "according to X" starts after it."""
    if not content:
        return content
    first = min(content, key=lambda t: t.i)
    doc = first.doc
    if first.lower_ in connectives and first.dep_ in ("cc", "advmod"):
        end = first.i + 1
    else:
        return content
    while end < len(doc) and doc[end].is_punct:
        end += 1
    return {t for t in content if t.i >= end}


def _initial_source(sent: Span, lexicon: CueLexicon, quoted: list[bool]) -> list[Attribution]:
    """"In a CNN poll, 40 percent ...": a sentence opened by a preposition whose object names
    the source (``initial_sources`` of the lexicon); the preposition is the cue."""
    preposition = sent[0]
    while preposition.is_punct or preposition.is_space:
        if preposition.i + 1 >= sent.end:
            return []
        preposition = sent.doc[preposition.i + 1]
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if (
        noun is None
        or preposition.dep_ != "prep"
        or quoted[preposition.idx]
        or f"{preposition.lower_} {noun.lemma_.lower()}" not in lexicon.initial_sources
        or preposition.right_edge.i + 1 >= sent.end
        or sent.doc[preposition.right_edge.i + 1].text != ","
    ):
        return []
    source = sent.doc[noun.left_edge.i : noun.right_edge.i + 1]
    clause = {t for t in preposition.head.subtree if t.sent == sent} - _subtree(preposition)
    content = _pieces(_same_line(clause, preposition))
    if not content:
        return []
    return [
        Attribution(
            content=content,
            cue=(preposition.idx, preposition.idx + len(preposition)),
            candidates=_proposed(source, "initial-source"),
            kind="phrases",
            confidence=lexicon.confidence["phrases"],
        )
    ]


def quoted_mask(text: str, passages: list[QuotedPassage]) -> list[bool]:
    """For each character (and one past the end): is it inside a quotation?"""
    mask = [False] * (len(text) + 1)
    for passage in passages:
        for start, end in passage.pieces:
            mask[start:end] = [True] * (end - start)
    return mask


def _covered(piece: Offsets, pieces: list[Offsets]) -> int:
    return sum(max(0, min(piece[1], e) - max(piece[0], s)) for s, e in pieces)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _passages_inside(attribution: Attribution, passages: list[QuotedPassage], used: set[int]) -> list[int]:
    """Indices of the unused quotations that belong to the attribution's parsed content."""
    content_length = sum(e - s for s, e in attribution.content)
    if not content_length:
        return []  # nothing of a quotation can be in it, nor it in one
    lo, hi = min(s for s, _ in attribution.content), max(e for _, e in attribution.content)
    # a quotation belongs to the content when most of it is in the content (mixed quotes)
    # or most of the content is in it (a parse that took one sentence of a long quote);
    # either needs an overlap, which a quotation outside the content's extent cannot have
    return [
        i for i, p in enumerate(passages)
        if i not in used
        and any(s < hi and lo < e for s, e in p.inner)
        and (
            sum(_covered(piece, attribution.content) for piece in p.inner) * 2 > sum(e - s for s, e in p.inner)
            or sum(_covered(piece, p.inner) for piece in attribution.content) * 2 > content_length > 0
        )
    ]


def _take_passages_inside(text: str, attribution: Attribution, passages: list[QuotedPassage], inside: list[int], used: set[int]) -> None:
    """Make the quotations inside the content its content (direct), or widen the content over them (mixed)."""
    outside_words = sum(_words(text[s:e]) for s, e in attribution.content) - sum(
        _words(text[max(s, ps):min(e, pe)]) for s, e in attribution.content for i in inside for ps, pe in passages[i].pieces if min(e, pe) > max(s, ps)
    )
    if outside_words == 0:
        attribution.content = [piece for i in inside for piece in passages[i].inner]
    else:
        # the gaps between the pieces are filled, except one holding the cue and its speaker:
        # "The city, the mayor said, is “doing better”" leaves out ", the mayor said," as
        # PolNeAR does (train-200: 5 such contents)
        merged = _merge(attribution.content + [(passages[i].start, passages[i].end) for i in inside])
        clause = attribution.clause_bounds() if attribution.cue else None
        filled = [merged[0]]
        for start, end in merged[1:]:
            if clause is not None and filled[-1][1] <= clause[0] and clause[1] <= start:
                filled.append((start, end))
            else:
                filled[-1] = (filled[-1][0], end)
        attribution.content = filled
    attribution.passages = [passages[i] for i in inside]
    used.update(inside)


def _take_adjacent_passage(
    text: str, attribution: Attribution, passages: list[QuotedPassage], used: set[int], para: Callable[[int], int], clause: Offsets, lexicon: CueLexicon
) -> None:
    """Give a cue without content the quotation right before or after its clause, else what follows its colon."""
    clause_start, clause_end = clause
    before = [
        i for i, p in enumerate(passages)
        if i not in used and p.end <= clause_start and not text[p.end:clause_start].strip(" ,\u00a0—–-") and para(p.end - 1) == para(clause_start)
    ]
    after = [
        i for i, p in enumerate(passages)
        if i not in used and p.start >= clause_end and not text[clause_end:p.start].strip(" ,:\u00a0") and para(p.start) == para(clause_end)
    ]
    chosen = before[-1:] or after[:1]
    if chosen:
        attribution.content = list(passages[chosen[0]].inner)
        attribution.passages = [passages[chosen[0]]]
        used.add(chosen[0])
        return
    colon = re.match(r"[^\n.!?]*?:\s*", text[clause_end:])
    if colon and attribution.cue and colon.group(0).count(" ") <= 8:
        start = clause_end + colon.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        following = next((i for i, p in enumerate(passages) if i not in used and p.start == start), None)
        if following is not None:
            attribution.content = list(passages[following].inner)
            attribution.passages = [passages[following]]
            used.add(following)
        elif text[start:end].strip():
            attribution.content = [(start, end - len(text[start:end]) + len(text[start:end].rstrip()))]
        attribution.kind, attribution.confidence = "colon", lexicon.confidence["colon"]


def attach_passages(doc: Doc, attributions: list[Attribution], passages: list[QuotedPassage], lexicon: CueLexicon) -> None:
    """Let cues and quotations meet: sets direct and mixed contents (see the module doc)."""
    text = doc_text(doc)
    paragraphs = paragraph_starts(text)
    para = lambda at: bisect_right(paragraphs, at)  # noqa: E731
    used: set[int] = set()
    # cues that may claim a quotation: a cue whose own parsed content lies in the same
    # sentence before the next quotation ("..., noting he would back any candidate.") claims none
    cues = [a for a in attributions if a.cue]
    for attribution in sorted(attributions, key=lambda a: a.cue or (0, 0)):
        clause_start, clause_end = attribution.clause_bounds()
        inside = _passages_inside(attribution, passages, used)
        after_colon = _passage_after_colon(text, attribution, passages, used)
        if after_colon is not None:
            # "X said: “...”", "X said, “...”": the quotation is the content, whatever the parse says
            attribution.content = _lead_in(text, attribution, clause_start, passages[after_colon], lexicon) + list(passages[after_colon].inner)
            attribution.passages = [passages[after_colon]]
            used.add(after_colon)
        elif attribution.content and inside:
            _take_passages_inside(text, attribution, passages, inside, used)
        elif not attribution.content:
            _take_adjacent_passage(text, attribution, passages, used, para, (clause_start, clause_end), lexicon)
        if attribution.passages and all(_covered(p, [x for q in attribution.passages for x in q.inner]) >= p[1] - p[0] for p in attribution.content):
            # the first half of a split quote when the parse found the second: "“A,” he said, “B.”"
            first = attribution.passages[0]
            before = [
                i for i, p in enumerate(passages)
                if i not in used and p.end <= min(clause_start, first.start) and p.end <= clause_start
                and not text[p.end:clause_start].strip(" ,\u00a0—–-") and para(p.end - 1) == para(clause_start)
            ]
            if before:
                attribution.content = list(passages[before[-1]].inner) + attribution.content
                attribution.passages.insert(0, passages[before[-1]])
                used.add(before[-1])
            _continue_quote(text, attribution, passages, used, para, cues, lexicon.abbreviations)
        elif attribution.passages and attribution.content and attribution.content[-1][1] == attribution.passages[-1].end:
            # a mixed quote that ends in its quotation goes on too: 'X "A," he said. "B."'
            _continue_quote(text, attribution, passages, used, para, cues, lexicon.abbreviations)


def _lead_in(text: str, attribution: Attribution, clause_start: int, passage: QuotedPassage, lexicon: CueLexicon) -> list[Offsets]:
    """The start of the sentence a cue set off by commas interrupts, when the quotation after
    the cue carries the sentence on in lower case: "[Whether the issue is X or Y], Mr. Garin
    added, “[it becomes harder ...]”" (PolNeAR draws both pieces as the content); the lead-in
    needs a verb of its own and no cue verb (its report is another attribution: "X acknowledged
    A, which is an outcome, he said, “we ...”")."""
    anchor = attribution.anchor
    opening = text[passage.inner[0][0] : passage.inner[0][0] + 1] if passage.inner else ""
    if anchor is None or not opening.islower() or not re.match(r"[ \u00a0]*,", text[attribution.clause_bounds()[1] :]):
        return []
    start = anchor.sent.start_char
    lead = text[start:clause_start]
    end = start + len(lead.rstrip(" \u00a0"))
    if not lead.rstrip(" \u00a0").endswith(",") or QUOTE_CHARS_RE.search(lead) or "\n" in lead:
        return []
    end -= 1
    while start < end and text[start] in " \u00a0":
        start += 1
    lead_words = anchor.doc.char_span(start, end, alignment_mode="contract")
    if lead_words is None or not any(t.pos_ in ("VERB", "AUX") for t in lead_words):
        return []  # "On Monday, he said, “we ...”": a phrase with no verb is the cue's, not the quote's
    if any(t.pos_ == "VERB" and lexicon.kinds(t.lemma_.lower()) for t in lead_words):
        return []
    return [(start, end)]


def _passage_after_colon(text: str, attribution: Attribution, passages: list[QuotedPassage], used: set[int]) -> Optional[int]:
    """Index of the quotation that follows the cue after a colon or comma ("said: “...”",
    "boasted, “...”"), if any."""
    if attribution.cue is None:
        return None
    _, clause_end = attribution.clause_bounds()
    colon = re.match(r"[ \u00a0]*[:,][ \u00a0]*", text[clause_end : clause_end + 5])
    if not colon:
        return None
    start = clause_end + colon.end()
    return next((i for i, p in enumerate(passages) if i not in used and p.start == start), None)


def dash_attributions(doc: Doc, passages: list[QuotedPassage], confidence: float) -> list[Attribution]:
    """Quotations signed with a dash at the end of their line: “...” ― Jane Doe."""
    found = []
    text = doc_text(doc)
    for passage in passages:
        line_end = text.find("\n", passage.end)
        line_end = len(text) if line_end < 0 else line_end
        match = DASH_SIGNATURE_RE.match(text, passage.end, line_end)
        if not match:
            continue
        source = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        if source is None or len(source) > 8:
            continue
        found.append(
            Attribution(
                content=list(passage.inner),
                cue=match.span("dash"),
                candidates=_proposed(source, "dash-signature"),
                kind="colon",
                confidence=confidence,
                passages=[passage],
            )
        )
    return found


# (a lower-case last word only for a source noun, ``[colon] label_nouns``: "Clinton camp:")
LABEL_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?: [a-z][\w-]*)?"
# a name and a colon opening a quotation, at a line's start or after a sentence's end
QUOTED_LABEL_RE = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<= [-—–] ))(?P<name>{LABEL_NAME})(?P<colon>:)[ \u00a0]+(?P<content>[\"“‘][^\n]*?[\"”’])(?=\s|$)", re.M
)
# a name and a colon opening a line: the rest of the line is the statement
LINE_LABEL_RE = re.compile(rf"^(?P<name>{LABEL_NAME})(?P<colon>:)[ \u00a0]+(?P<content>\S[^\n]*)$", re.M)
# a headline naming its source last: "Ceasefire talks have collapsed: UN"
TRAILING_LABEL_RE = re.compile(r"^(?P<content>[^\n:]*\S)(?P<colon>:)[ \u00a0]+(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})[ \u00a0]*$", re.M)


def _is_label_name(source: Span, lexicon: CueLexicon) -> bool:
    """Whether a span before (or after) a colon names a speaker: proper nouns, all-caps labels
    ("KOVAL", often tagged common nouns), or words the article uses as a name elsewhere."""
    if source[0].lower_ in lexicon.not_labels or any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in source):
        return False
    plain = [t for t in source if not (t.pos_ == "PROPN" or t.is_upper and len(t) > 1)]
    if source[0].text[:1].isupper() and source[-1].lower_ in lexicon.label_nouns:
        # "Poll: ...", "Clinton camp: ...": a source noun ends the label
        plain = [t for t in plain if t.i != source[-1].i and not (t.is_punct or t.text[:1].isupper() and t.i > source.start)]
    # the article-wide name list is built only when a word needs it
    return not plain or all(t.text in _name_words(source.doc) for t in plain)


_NAME_ENTITY_TYPES = frozenset(("PERSON", "ORG", "GPE", "NORP"))


@per_doc
def _name_words(doc: Doc) -> set[str]:
    """Capitalised words the article tags as proper nouns or entity words somewhere (read from
    the Doc's arrays, not a Token object per word)."""
    strings = doc.vocab.strings
    propn = int(PROPN)
    return {
        text
        for text, pos, ent in zip(token_texts(doc), pos_ids(doc), doc.to_array(ENT_TYPE).tolist())
        if text[:1].isupper() and (pos == propn or strings[ent] in _NAME_ENTITY_TYPES)
    }


# a line of title-case words (a headline): "Conservative Icon Morton Blackwell Endorses Ted Cruz."
TITLE_WORD_RE = re.compile(r"[\w'’.-]+")


def _cue_lemma_of_title_word(word: str, lexicon: CueLexicon) -> Optional[str]:
    """The cue lemma of a capitalised third-person verb form in a headline ("Urges", "Slams",
    "Denounces", "Says"), which the small model tags a proper noun, or None."""
    lower = word.lower()
    if not word[:1].isupper() or not lower.endswith("s") or len(lower) < 4 or lower in lexicon.not_title_cues:
        return None
    stems = [lower[:-1], lower[:-2]] + ([lower[:-3] + "y"] if lower.endswith("ies") else [])
    return next((stem for stem in stems if lexicon.kinds(stem) & {"clause", "object"}), None)


def title_attributions(doc: Doc, bounds: Offsets, lexicon: CueLexicon, taken: list[Offsets]) -> list[Attribution]:
    """Headlines in title case whose verb the parser hides ("Ben Carson Slams Hillary And The
    Media", "Maher Tells Guest ..."): in a line of capitalised words, the first capitalised
    third-person form of a clause or object cue is the cue, the words before it (after a
    "Label:") the speaker, the rest of the line the content. A line that already has a cue is
    left alone."""
    found = []
    text = doc_text(doc)
    lo, hi = bounds
    start = lo
    while start < hi:
        end = text.find("\n", start, hi)
        end = hi if end < 0 else end
        line_start, start = start, end + 1
        words = list(TITLE_WORD_RE.finditer(text, line_start, end))
        capitalised = [w for w in words if w.group()[:1].isupper() or w.group()[:1].isdigit()]
        if len(words) < 4 or len(capitalised) < 0.75 * len(words) or any(line_start <= s < end for s, _ in taken):
            continue
        attribution = _title_attribution(doc, text, words, end, lexicon)
        if attribution is not None:
            found.append(attribution)
    return found


def _title_attribution(doc: Doc, text: str, words: list[re.Match], end: int, lexicon: CueLexicon) -> Optional[Attribution]:
    """The attribution of one title-case line (``title_attributions``), or None."""
    colon = text.rfind(":", words[0].start(), end)
    for index, word in enumerate(words[1:-1], start=1):
        if word.start() < colon or _cue_lemma_of_title_word(word.group(), lexicon) is None:
            continue
        first = next((w for w in words[:index] if w.start() > colon), None)
        if first is None:
            return None
        source = doc.char_span(first.start(), words[index - 1].end(), alignment_mode="expand")
        content_end = words[-1].end() - (1 if words[-1].group().endswith(".") else 0)
        if source is None or not len(source) or len(words) - index - 1 < 2:
            return None
        return Attribution(
            content=[(words[index + 1].start(), content_end)],
            cue=word.span(),
            candidates=_proposed(source, "headline"),
            kind="clause",
            confidence=lexicon.confidence["colon"],
        )
    return None


def _quotation_ends_statement(text: str, match: re.Match) -> bool:
    """Whether the quotation after a label is the whole statement: the line ends after it, or
    it ends a sentence. In "Sanders: ‘It Is Not A Radical Idea’ To Ask For A $15 Wage" the
    line goes on, and the statement is the whole line."""
    line_end = text.find("\n", match.end())
    rest = text[match.end() : len(text) if line_end < 0 else line_end]
    return not re.search(r"\w", rest) or match.group("content")[-2:-1] in ".!?,…"


def speaker_label_attributions(doc: Doc, bounds: Offsets, lexicon: CueLexicon) -> list[Attribution]:
    """Statements opened by a speaker's name and a colon: transcripts ("PENCE: Well, look, ..."),
    headlines ("Pat Caddell: Voters are worried"), a quotation signed mid-line ("Bush: “...”"),
    and headlines that name the source last ("Ceasefire talks have collapsed: UN")."""
    found = []
    text = doc_text(doc)
    lo, hi = bounds
    confidence = lexicon.confidence["colon"]
    quoted = [m for m in QUOTED_LABEL_RE.finditer(text, lo, hi) if _quotation_ends_statement(text, m)]
    opened = {m.start() for m in quoted}
    matches = [(m, "quoted-label") for m in quoted]
    matches += [(m, "speaker-label") for m in LINE_LABEL_RE.finditer(text, lo, hi) if m.start() not in opened]
    matches += [(m, "trailing-label") for m in TRAILING_LABEL_RE.finditer(text, lo, hi)]
    for match, rule in matches:
        source = doc.char_span(*match.span("name"))
        content = match.group("content")
        if source is None or not len(source) or not _is_label_name(source, lexicon) or _words(content) < 3:
            continue
        if names_a_place(source):
            continue  # "Mali: Soldiers killed near Gao": the colon is a headline's, no cue
        start, end = match.span("content")
        found.append(
            Attribution(
                content=[(start, end - (len(content) - len(content.rstrip())))],
                cue=match.span("colon"),
                candidates=_proposed(source, rule),
                kind="colon",
                confidence=confidence,
            )
        )
    return found


def _continue_quote(
    text: str, attribution: Attribution, passages: list[QuotedPassage], used: set[int], para, cues: list[Attribution], abbreviations: frozenset[str] = frozenset()
) -> None:
    """Add the quotations that carry on a direct quote in its paragraph: the second half of a
    split quote and whole quoted sentences right after the attribution, as long as no other
    cue stands between."""
    _, clause_end = attribution.clause_bounds()
    last_end = max(clause_end, attribution.passages[-1].end)
    for i, passage in enumerate(passages):
        if i in used or passage.start < last_end:
            continue
        gap = text[last_end : passage.start]
        if _is_title(text, passage) and not re.search(r"[.!?]\s", gap):
            continue  # "Trump told NBC's “Today” on Monday. “I could hardly hear ...”"
        if (
            para(passage.start) != para(last_end)
            or not _gap_is_attribution(gap, abbreviations)
            or any(_claims_passage(other, last_end, passage.start) or _signs(text, other, passage) for other in cues if other is not attribution)
        ):
            break
        attribution.content.extend(passage.inner)
        attribution.passages.append(passage)
        used.add(i)
        last_end = passage.end


def _claims_passage(other: Attribution, start: int, end: int) -> bool:
    """Whether an attribution whose cue stands between two pieces of a quote (``start`` to
    ``end``) may take the second piece: it has no content of its own inside that gap. "“A,”
    Clark said, noting he would back any nominee. “B.”" goes on; "“A,” he said, adding: “B.”"
    does not."""
    cue_start, cue_end = other.cue or (0, 0)
    if not (start <= cue_start and cue_end <= end):
        return False
    return not other.content or any(s < start or e > end for s, e in other.content)


def _signs(text: str, other: Attribution, passage: QuotedPassage) -> bool:
    """Whether another attribution's clause follows a quotation right after it ("“B,” she
    said"): the quotation is hers, no carrying on of the quote before."""
    start, _ = other.clause_bounds()
    return start >= passage.end and not text[passage.end : start].strip(" ,\u00a0—–-")


def _is_title(text: str, passage: QuotedPassage) -> bool:
    """Whether a quotation is a short name inside a sentence (a programme, a book: NBC's
    “Today”), not speech: a few words, no sentence start before it."""
    before = text[: passage.start].rstrip(" \u00a0")
    return _words(text[passage.start : passage.end]) < 4 and bool(before) and not SENTENCE_END_RE.search(before) and not before.endswith((":", ",", "\n"))


INITIAL_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+")  # "John F. Kerry", "U.S.", "D.C."


def _gap_is_attribution(gap: str, abbreviations: frozenset[str] = frozenset()) -> bool:
    """Whether the text between two pieces of one quote is only punctuation or the tail of
    the attribution's sentence ("on Friday.", "in an interview with The Post,"); the period of
    an initial or of one of ``abbreviations`` ("Sen.", "Calif.") ends no sentence."""
    stripped = gap.strip(" ,.:;\u00a0")
    if not stripped:
        return True
    body = INITIAL_RE.sub(lambda m: m.group().replace(".", ""), gap.rstrip())
    body = re.sub(r"\S+\.", lambda m: m.group()[:-1] if m.group() in abbreviations else m.group(), body)
    # the tail may end in a quoted title: 'he said on ABC's ''This Week.'' '
    return bool(re.search(r"[.,:;][\"'”’]*\s*$", gap)) and not re.search(r"[.!?][\"'”’]*\s+\S", body)


def _merge(pieces: list[Offsets]) -> list[Offsets]:
    merged: list[Offsets] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _carries_on(text: str, quote: Attribution, passage: QuotedPassage) -> bool:
    """Whether a quotation with no cue of its own opens the paragraph right after the sentence
    of a direct quote, nothing between: the same speaker goes on ('“A,” he said.¶“B.”'), so it is
    more of that quote, as PolNeAR draws it, not a second quote. Not after a label or a dash
    signature ("― Carlos Raúl"), which sign one paragraph each."""
    if not quote.passages or quote.kind == "colon":
        return False
    end = max(e for _, e in (*quote.content, *((p.start, p.end) for p in quote.passages), quote.clause_bounds()))
    gap = text[end : passage.start]
    if "\n" not in gap or gap.strip(" \u00a0\n.,"):
        return False
    # the quotation must end its sentence: not '“B?” Vitter demanded.' or '“B,” she said'
    rest = text[passage.end :].split("\n", 1)[0].strip(" \u00a0")
    inner_end = text[passage.inner[-1][0] : passage.inner[-1][1]].rstrip()
    return not rest or inner_end.endswith((".", "!", "…"))


def floating_passages(doc: Doc, attributions: list[Attribution], passages: list[QuotedPassage], confidence: float) -> list[Attribution]:
    """Quotations without a cue that read as speech, inheriting the closest speaker before;
    with none, a quotation opening the paragraph after one whose last sentence has a named
    person as subject gets that person as candidate (``speakers.introducing_speaker``)."""
    text = doc_text(doc)
    paragraphs = paragraph_starts(text)
    claimed = [piece for a in attributions for piece in a.content]
    with_speaker = sorted((a for a in attributions if a.source is not None and a.content), key=lambda a: a.start)
    anchors = [(a.start, bisect_right(paragraphs, a.start)) for a in with_speaker]
    found = []
    for passage in passages:
        if any(_covered(piece, claimed) for piece in passage.inner):
            continue
        words = sum(_words(text[s:e]) for s, e in passage.inner)
        before = text[: passage.start].rstrip(" \u00a0")
        starts_sentence = not before or before.endswith("\n") or bool(SENTENCE_END_RE.search(before))
        if words < MIN_FLOATING_WORDS or not starts_sentence:
            continue
        paragraph = bisect_right(paragraphs, passage.start)
        index = inherited_speaker(paragraph, passage.start, anchors)
        introduced = introducing_speaker(doc, passage.start) if index is None else None
        if index is None and introduced is None:
            continue
        if index is not None and _carries_on(text, with_speaker[index], passage):
            with_speaker[index].content.extend(passage.inner)
            with_speaker[index].passages.append(passage)
            continue
        attribution = Attribution(
            content=list(passage.inner),
            cue=None,
            candidates=_proposed(introduced, "introduced"),
            kind="floating",
            confidence=confidence,
            passages=[passage],
            inherits=with_speaker[index] if index is not None else None,
        )
        found.append(attribution)
        if introduced is not None:  # the paragraphs of the quotation that follow inherit from it
            at = bisect_right([a.start for a in with_speaker], attribution.start)
            with_speaker.insert(at, attribution)
            anchors.insert(at, (attribution.start, paragraph))
    return found
