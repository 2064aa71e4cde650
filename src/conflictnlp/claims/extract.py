"""Claims from a parsed article: one claim per proposition, with its event word.

Claims are built from the attributions the quotes component found (``doc._.quotes``, each
a reporting event with its cue, speaker and nesting); this module finds no attribution and
resolves no speaker of its own. A claim is one clause (a predicate with what depends on it)
as a single character span, and its source is whoever asserts it:

* the speaker of the innermost quote whose content holds it, when that quote makes its
  speaker the source (quotation marks, or a cue of saying, reporting, knowing or believing:
  ``reports_speaker``), with the quotes it is nested in as ``via``;
* otherwise the outlet (``source`` None): its own narration, and contents of cues that report
  an act or a demand rather than a statement ("called on Kyiv to withdraw").

Reporting verbs are not claims ("Peskov spoke with reporters", "Moscow did not comment"); the
event a claim embeds with another stance ("Russia plans to [attack Kyiv]") is a claim of its
own, nested in it. Claims are listed by where they end, so a nested claim comes before the
claim around it. The stance of each is worked out from the parse by ``stance.event_stance``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from spacy.attrs import DEP, IS_PUNCT
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..extensions import body_bounds, doc_text, head_indices, per_doc, pos_ids, sentence_bounds, token_forms
from ..model import Claim, Quote, Stance, TextSpan
from ..quotes.attribution import noun_phrase_start, word_parsed_as_punct
from ..quotes.build import source_name
from ..quotes.cues import CueLexicon, load_cues
from ..quotes.speakers import quoted_as_saying
from ..reading.boilerplate import line_dateline_end, without_datelines
from .lexicon import CueMatch, StanceLexicon
from .stance import Marker, decide, event_stance, headline_event

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# reporting acts whose object is the audience, not what is said: "told reporters", "briefed Putin"
AUDIENCE_VERBS = {"tell", "brief", "ask", "interview", "answer", "address", "inform", "notify"}
# what completes a clause; a clause whose required complement went elsewhere is a fragment
COMPLETING_DEPS = {"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "oprd", "dative", "agent", "advcl"}
REQUIRED_DEPS = {"dobj", "attr", "acomp", "xcomp", "ccomp"}
DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
QUOTE_CHARS = "\"'“”‘’«»„‟‹›"
# discourse markers ("you know") are this short
DISCOURSE_WORDS = 4
# how many sentences back a claim without a place or date of its own looks for one
CONTEXT_SENTENCES = 2


@dataclass
class _Draft:
    tokens: Span
    predicate: Token
    report: Optional[Quote]  # the quote whose speaker asserts it; None for the outlet
    stance: tuple[Stance, list[Marker]]
    outer: bool = False  # the outer source's own stance on a nested report ("..., Moscow denies")
    # the noun phrase a relative clause's gap stands for ("[an attack] Moscow said never
    # happened"): the claim's span starts there, its quote and source stay the report's
    antecedent: Optional[Span] = None


def clauses(doc: Doc, indices: Sequence[int], verbal_only: bool = False) -> list[tuple[Token, list[int]]]:
    """The clauses among the tokens at ``indices`` (in text order): each predicate with the
    indices of the tokens that belong to it. Indices rather than Tokens, since every sentence
    goes through here and most of its tokens are only looked up, never read.

    Coordinated verbs with their own subject ("two workers were injured and [areas were
    evacuated]") are clauses of their own.
    """
    if not indices:
        return []
    parent = _past_datelines(doc, head_indices(doc), set(indices))
    conjuncts = _parse_facts(doc)[1]
    members = set(indices)
    heads: list[int] = []
    queue = [i for i in indices if parent[i] == i or parent[i] not in members]
    while queue:
        head = queue.pop(0)
        heads.append(head)
        queue.extend(i for i in conjuncts.get(head, ()) if i in members)
    head_ids = set(heads)
    groups: dict[int, list[int]] = {h: [] for h in heads}
    for i in indices:
        node = i
        while node not in head_ids and parent[node] != node and parent[node] in members:
            node = parent[node]
        if node in head_ids:
            groups[node].append(i)
    result = [(doc[h], groups[h]) for h in heads]
    if verbal_only:
        result = [(h, g) for h, g in result if h.pos_ in ("VERB", "AUX") and _has_subject(h)]
    return result


def _past_datelines(doc: Doc, parent: list[int], members: set[int]) -> list[int]:
    """``parent`` where a member hangs on a dateline word (outside the members) whose own head
    is a member: "Goma (AFP) - The M23 armed group ... entered": the parser makes the town the
    subject and the real one its apposition; the group then belongs to "entered"."""
    text = doc_text(doc)
    moved: dict[int, int] = {}
    for i in members:
        node = parent[i]
        if node in members or node == i:
            continue
        while node not in members and parent[node] != node and doc[node].idx < line_dateline_end(text, doc[node].idx):
            node = parent[node]
        if node in members and node != parent[i]:
            moved[i] = node
    if not moved:
        return parent
    return [moved.get(i, p) for i, p in enumerate(parent)]


@per_doc
def _parse_facts(doc: Doc) -> tuple[frozenset[int], dict[int, list[int]], dict[int, list[int]]]:
    """Tokens that have a subject, each token's coordinated verbs that have their own (in text
    order), and each token's children, read from the Doc's arrays once per Doc: clauses ask
    this of every predicate of every sentence, several times, and walking ``token.children``
    and ``token.subtree`` for it was a third of the claims component's time."""
    parent = head_indices(doc)
    deps = doc.to_array(DEP).tolist()
    # built-in labels are spaCy symbols (small ids), others string hashes: ask the vocab
    subjects = {doc.vocab.strings[label] for label in SUBJECTS}
    conj = doc.vocab.strings["conj"]
    subject_heads = frozenset(parent[i] for i, dep in enumerate(deps) if dep in subjects and parent[i] != i)
    conjuncts: dict[int, list[int]] = {}
    children: dict[int, list[int]] = {}
    for i, dep in enumerate(deps):
        if parent[i] != i:
            children.setdefault(parent[i], []).append(i)
            if dep == conj and i in subject_heads:
                conjuncts.setdefault(parent[i], []).append(i)
    return subject_heads, conjuncts, children


@per_doc
def _punct_flags(doc: Doc) -> list[int]:
    """1 for each punctuation token, 0 for the others, from the Doc's array."""
    return doc.to_array(IS_PUNCT).tolist()


def _subtree_indices(doc: Doc, root: int) -> list[int]:
    """Indices of ``doc[root].subtree`` (in no particular order), from the head array."""
    children = _parse_facts(doc)[2]
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(children.get(i, ()))
    return found


def _has_subject(token: Token) -> bool:
    """Whether the token has a subject among its children."""
    return token.i in _parse_facts(token.doc)[0]


def _run(predicate: Token, allowed: set[int]) -> Span:
    """The contiguous tokens around the predicate that are all in ``allowed``, ends trimmed."""
    doc = predicate.doc
    lo = hi = predicate.i
    while lo - 1 in allowed:
        lo -= 1
    while hi + 1 in allowed:
        hi += 1
    after = doc[hi + 1] if hi + 1 < len(doc) else None
    if after is not None and not after.is_sent_start and word_parsed_as_punct(after):
        hi += 1  # a word the parser hung on the root as punctuation: "on Sunday at 10 [a.m.]"
    # leading "and", "but", "that", "of": joins this clause to the sentence, not part of the claim
    while lo < hi and (
        _is_filler(doc[lo])
        or (doc[lo].dep_ == "mark" and doc[lo].head.i == predicate.i)
        or (doc[lo].dep_ in ("mark", "prep") and doc[lo].head.i not in allowed and doc[lo].head.i < lo)
    ):
        lo += 1
    while hi > lo and _is_filler(doc[hi]):
        hi -= 1
    return doc[lo : hi + 1]


def _is_filler(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text in QUOTE_CHARS or token.dep_ == "cc"


def _char_span(tokens: Span, at: Optional[int] = None) -> tuple[int, int]:
    """The characters of ``tokens`` without datelines and edge quote marks: where a dateline
    splits them, the piece that holds offset ``at`` (the claim's event), else the first."""
    text = doc_text(tokens.doc)
    pieces = without_datelines(text, tokens.start_char, tokens.end_char) or [(tokens.end_char, tokens.end_char)]
    start, end = next((p for p in pieces if at is not None and p[0] <= at < p[1]), pieces[0])
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS):
        end -= 1
    return start, end


class ClaimExtractor:
    """Turns a parsed Doc with quotes, places, measures and dates into ``Claim`` objects."""

    def __init__(self, lexicon: StanceLexicon, known_verbs: Optional[frozenset[str]] = None, cues: Optional[CueLexicon] = None):
        self.lexicon = lexicon
        self.cues = cues if cues is not None else load_cues()  # what says that nobody spoke
        # verb lemmas of the base pipeline; a word tagged as a verb but unknown as one ("to
        # frontline villages") heads no nested claim. None: not looked up yet; empty: no check
        self.known_verbs = known_verbs

    def __call__(self, doc: Doc) -> list[Claim]:
        lo, hi = body_bounds(doc)
        sents = [s for s in doc.sents if s.start_char < hi and s.end_char > lo]
        reports = _Reports(doc, doc._.quotes, self.lexicon)
        drafts: list[_Draft] = []
        for sent in sents:
            for owner, ids in reports.material(sent).items():
                report = reports.by_id.get(owner) if owner is not None else None
                for predicate, group in self._clauses(doc, ids, report, reports):
                    units = list(self._units(predicate, set(group), report, reports))
                    if report is None and units and self._reporting_act(predicate, reports.spoken) and units[0].stance[0] != "unconfirmed":
                        # "Peskov spoke with reporters", "Moscow did not comment"; but "Kyiv could
                        # neither confirm nor deny that" says the claim is unconfirmed
                        continue
                    drafts.extend(units)
                    drafts.extend(self._outer_stances(units, set(group), reports))
        return self._build(doc, drafts, sents, (lo, hi), reports)

    def _outer_stances(self, units: list[_Draft], group: set[int], reports: "_Reports") -> list[_Draft]:
        """A report nested in a denial or doubt keeps a claim of the outer source too:
        "Ukraine says drones hit the convoy, Moscow denies" is Ukraine's asserted claim and
        Moscow's denied one. Outer reports that simply pass it on ("CNN reported that the
        Kremlin said ...") add nothing: their source is in ``via``."""
        found = []
        for unit in units:
            report = unit.report
            outer = reports.by_id.get(report.nested_in) if report is not None and report.nested_in else None
            if outer is None:
                continue
            stance = self._stance(unit.predicate, group, reports.context(outer))
            if stance[0] in ("denied", "unconfirmed") and stance[0] != unit.stance[0]:
                found.append(_Draft(unit.tokens, unit.predicate, outer, stance, outer=True))
        return found

    def _clauses(self, doc: Doc, ids: list[int], report: Optional[Quote], reports: "_Reports") -> list[tuple[Token, list[int]]]:
        """The clauses among one source's tokens of a sentence. The outlet's text, and pieces
        of a content that the parse hangs below the cue, count only when they are verbs
        ("on Wednesday" of "said on Wednesday" is no claim). An object content ("accused
        [Kyiv of launching an attack]") is one claim, not one per phrase hung on the cue."""
        found = clauses(doc, ids)
        if report is None:
            kept = [(p, g) for p, g in found if p.pos_ in ("VERB", "AUX") and _has_subject(p)]
            # "Two killed in Russian strike": a headline's participle is the outlet's claim
            kept += [(event, g) for p, g in found if (event := headline_event(p)) is not None and event.i in g]
            return sorted(kept, key=lambda item: item[0].i)
        content = reports.content[report.id]
        tops = [(p, g) for p, g in found if p.head.i not in content or p.head.i == p.i]
        if len(tops) > 1 and not any(p.pos_ in ("VERB", "AUX") for p, _ in tops):
            merged = sorted(i for _, g in tops for i in g)
            predicate = next((doc[i] for i in merged if doc[i].pos_ == "VERB"), tops[0][0])
            return [(predicate, merged)] + [(p, g) for p, g in found if (p, g) not in tops and p.pos_ in ("VERB", "AUX")]
        return [(p, g) for p, g in found if (p, g) in tops or p.pos_ in ("VERB", "AUX")]

    def _reporting_act(self, verb: Token, spoken: set[int]) -> bool:
        """A verb of speaking with no proposition of its own: "Peskov spoke with reporters",
        "Moscow did not comment", "declined to comment" (but not "declined to confirm the
        strike", whose strike is unconfirmed)."""
        if verb.lemma_.lower() not in self.lexicon.reporting_acts:
            return False
        for child in verb.children:
            if child.i in spoken:
                continue
            if child.dep_ == "ccomp":
                return False
            if child.dep_ == "xcomp" and not self._reporting_act(child, spoken):
                return False
            if child.dep_ == "dobj" and verb.lemma_.lower() not in AUDIENCE_VERBS:
                return False
        return True

    def _units(self, predicate: Token, group: set[int], report: Optional[Quote], reports: "_Reports") -> Iterable[_Draft]:
        """The claim headed by ``predicate``, and a nested claim for each event inside it whose
        stance differs from the claim around it."""
        doc = predicate.doc
        if (said := self._quoted_as_saying(predicate, group)) is not None:
            # "quoted a spokesman as saying [X]": the claim is X (its source: Reports.quoted_as_saying)
            predicate, group = said, set(_subtree_indices(doc, said.i)) & group
        if predicate.pos_ in ("PRON", "DET", "ADP", "PUNCT") or _reciprocal(predicate):
            return  # "blamed [each other] for the attack" names no event
        ordered = sorted(group)
        forms = token_forms(doc)
        if len(ordered) <= DISCOURSE_WORDS and self.lexicon.is_discourse([forms[i][1] for i in ordered if not doc[i].is_punct]):
            return  # "you know"
        if self.lexicon.is_credit([forms[i][0] for i in ordered]):
            return  # "Meridian staff contributed to this report"
        if _fragment(predicate, group, reports.spoken) or _bare_auxiliary(predicate, group, self.lexicon.markers.pending):
            return  # "The Ukraine government is yet [to comment on ...]"
        context = reports.context(report)
        claimed: dict[int, str] = {}
        stance_of = {}
        pos, parent = pos_ids(doc), head_indices(doc)
        verbs = sorted(
            (i for i in ordered if pos[i] in (VERB, AUX) and i != predicate.i and doc[i].dep_ not in ("aux", "auxpass")),
            key=lambda i: _depth(parent, i),
        )
        verbs.insert(0, predicate.i)
        # a verb's stance is worked out only where it is compared: most verbs have no claim
        # above them inside the group
        stance_of[predicate.i] = self._stance(predicate, group, context)
        for i in verbs:
            if i == predicate.i:
                claimed[i] = stance_of[i][0]
                antecedent = _antecedent(predicate, group, reports.spoken) if report is not None else None
                yield _Draft(_run(predicate, group), predicate, report, stance_of[i], antecedent=antecedent)
                continue
            governor = _nearest(doc[i], claimed, group)
            if governor is None:
                continue
            stance_of[i] = self._stance(doc[i], group, context)
            if claimed[governor] == stance_of[i][0]:
                continue
            if self.known_verbs and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() not in self.known_verbs:
                continue  # a tagging error, most likely; the word stays in the claim around it
            if stance_of[i][0] == "asserted" and doc[i].dep_ in ("amod", "acl", "relcl") and not _has_subject(doc[i]):
                # "could not verify ... trucks with red crosses painted on them", "have no other
                # way to get bread": a verb describing a noun asserts nothing apart from its claim
                continue
            if doc[i].dep_ == "xcomp" and self.cues.reports_silence(doc[i].head):
                continue  # "who asked not to be named", "declined to comment": nothing is claimed
            if claimed[governor] == "denied" and _restrictive_below(doc[i], governor):
                # "this is not something [that can be perceived as ...]": the clause picks out
                # what is denied; it is no proposition of its own, and asserted it would invert it
                continue
            if _comparative_clause(doc[i]):
                continue  # "..., as is customary under ...": it belongs to the clause it modifies
            if self._withheld_report(doc[i]):
                continue  # "declined to [say] whether X": X is the claim, unconfirmed; no denied "say"
            inner = set(_subtree_indices(doc, i)) & group
            if _bare_auxiliary(doc[i], inner, self.lexicon.markers.pending):
                continue  # "If [it was], then this was deliberate": an ellipsis, no proposition
            tokens = _run(doc[i], inner)
            if sum(1 for t in tokens if not t.is_punct and not (t.dep_ == "aux" and t.lower_ == "to")) < 2:
                continue  # "to do" is no claim; the event stays in the claim around it
            claimed[i] = stance_of[i][0]
            yield _Draft(tokens, doc[i], report, stance_of[i])

    def _quoted_as_saying(self, verb: Token, group: set[int]) -> Optional[Token]:
        """The clause of "[as] saying [X]" when ``verb`` is that saying, else None."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or self.lexicon.lemma(verb) not in self.lexicon.source_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "ccomp" and c.i in group), None)

    def _withheld_report(self, verb: Token) -> bool:
        """A verb of saying under a refusal ("declined to [say]", "refused to [confirm]"): the
        act of not saying, no proposition of its own."""
        return (
            verb.dep_ == "xcomp"
            and verb.lemma_.lower() in self.lexicon.reporting_acts
            and self.lexicon.embedding_stance(self.lexicon.lemma(verb.head)) == "denied"
        )

    def _stance(self, event: Token, group: set[int], context: "_Context"):
        return event_stance(
            event,
            self.lexicon,
            scope=context.scope,
            cue=context.cue,
            cue_tokens=context.cue_tokens,
            phrases=context.phrases(event),
        )

    # --- output --------------------------------------------------------------------------

    def _build(self, doc: Doc, drafts: list[_Draft], sents: list[Span], body: tuple[int, int], reports: "_Reports") -> list[Claim]:
        sent_index = {sent.start: n for n, sent in enumerate(sents)}
        linker = _Linker(doc, sents)
        claims: list[Claim] = []
        seen: set[tuple[int, int, Optional[str]]] = set()
        punct = _punct_flags(doc)
        text = doc_text(doc)
        sent_of = sentence_bounds(doc)  # Token.sent scans for both ends on every call
        for draft in drafts:
            if len(draft.tokens) - sum(punct[draft.tokens.start : draft.tokens.end]) < 2 and not _denied_object(draft):
                continue
            start, end = _char_span(draft.tokens, draft.predicate.idx)
            event = draft.predicate
            quote = draft.report if draft.outer else reports.carrier(start, end) or draft.report
            report = draft.report if draft.outer else reports.asserter(quote, event)
            if draft.antecedent is not None:
                start = _char_span(draft.antecedent)[0]  # after the quote is decided on the content
            key = (start, end, quote.id if quote is not None else None)
            if key in seen or not (body[0] <= start and end <= body[1]) or start >= end:
                continue
            seen.add(key)
            stance, markers = draft.stance
            inside = [m for m in markers if body[0] <= doc[m.start].idx and doc[m.end - 1].idx + len(doc[m.end - 1]) <= body[1]]
            if len(inside) < len(markers):
                # the parse may hang the event below a word outside the body (a headline line
                # the parser joined to the text): that word neither hedges nor is written
                stance, markers = decide(inside), inside
            source, via = reports.source(report), reports.via(report) if report is not None else []
            if report is not None and not draft.outer and (quoted := reports.quoted_as_saying(report, event)):
                source, via = quoted, via + ([source] if source else [])  # "Tass quoted X as saying [Y]"
            claims.append(
                Claim(
                    id="",
                    text=text[start:end],
                    span=(start, end),
                    source=source,
                    quote_id=quote.id if quote is not None else None,
                    stance=stance,
                    hedges=[_marker_span(doc, m) for m in markers],
                    event=TextSpan(text=event.text, span=(event.idx, event.idx + len(event.text))),
                    via=via,
                    **linker.links(start, end, sent_index.get(sent_of[event.i][0])),
                )
            )
        claims.sort(key=lambda c: (c.span[1], -c.span[0]))
        for number, claim in enumerate(claims, start=1):
            claim.id = f"c{number}"
        return claims


def _restrictive_below(token: Token, governor: int) -> bool:
    """Whether a restrictive relative clause (not set off by a comma) on an indefinite noun
    ("not something [that ...]") lies on the path from ``token`` up to the claim word at
    index ``governor``."""
    node = token
    for _ in range(64):
        if node.i == governor or node.head.i == node.i:
            return False
        if node.dep_ == "relcl":
            first = node.left_edge.i
            restrictive = first == 0 or node.doc[first - 1].text not in (",", "(", "—", "–")
            return restrictive and not _definite(node.head)
        node = node.head
    return False


def _definite(noun: Token) -> bool:
    """A name, or a noun with a definite or possessive determiner: what a relative clause on
    it says is presupposed ("the music [it sells] is not ..."), even under a negation."""
    return noun.pos_ == "PROPN" or any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in noun.children
    )


def _denied_object(draft: _Draft) -> bool:
    """A one-word object a source denies or leaves open is still its claim: "Ukraine denied
    [responsibility] and blamed the army" keeps the denial."""
    word = draft.predicate
    return draft.report is not None and draft.stance[0] in ("denied", "unconfirmed") and word.pos_ in ("NOUN", "PROPN") and word.dep_ == "dobj"


def _fragment(predicate: Token, group: set[int], spoken: set[int]) -> bool:
    """Whether a clause lost what completes it to a reporting cue or another source: its
    complement lies outside the clause ("The Ukraine government is yet [to comment]"), or its
    coordinated verb is a cue ("could neither confirm nor [reject] the report"), and nothing
    else completes it."""
    children = list(predicate.children)
    if any(c.i in group and c.dep_ in COMPLETING_DEPS for c in children):
        return False
    return any(
        (c.dep_ in REQUIRED_DEPS and c.i not in group) or (c.dep_ == "conj" and c.i in spoken)
        for c in children
    )


def _bare_auxiliary(predicate: Token, group: set[int], pending: Iterable[str]) -> bool:
    """Whether a clause is an auxiliary or copula whose complement the parse or the sentence
    splitter cut off: "The Ukraine government is yet | to comment", "If it was, ...". A copula
    with a place or state adverb ("They will be back") is complete; "yet" is not."""
    if predicate.pos_ != "AUX":
        return False
    pending = set(pending)
    return not any(
        c.i in group and (c.dep_ in COMPLETING_DEPS or c.dep_ in ("npadvmod", "expl") or (c.dep_ == "advmod" and c.lower_ not in pending))
        for c in predicate.children
    )


def _comparative_clause(verb: Token) -> bool:
    """A subjectless comparative copula ("as is customary", "as was the case", "than is
    usual"): no proposition of its own, its words stay in the clause it modifies. A verb
    there reports something ("as stated on the Apple website": the website stated it)."""
    return verb.pos_ == "AUX" and not _has_subject(verb) and any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in verb.children)


def _antecedent(predicate: Token, group: set[int], spoken: set[int]) -> Optional[Span]:
    """The noun phrase whose relative clause reports the claim, when the claim's gap is that
    noun: "[an attack] that the ministry denied carrying out", "[an attack] Moscow said never
    happened". None where the claim has its own subject or no relative cue sits above it."""
    if any(c.dep_ in SUBJECTS and c.i in group and c.tag_ not in ("WDT", "WP") and c.lower_ not in ("that", "which", "who") for c in predicate.children):
        return None
    node = predicate
    for _ in range(4):
        head = node.head
        if head.i == node.i or head.i not in spoken:
            return None
        if head.dep_ == "relcl":
            noun = head.head
            if noun.pos_ not in ("NOUN", "PROPN") or noun.i in group:
                return None
            return noun.doc[noun_phrase_start(noun) : noun.i + 1]
        node = head
    return None


def _reciprocal(token: Token) -> bool:
    """"each other", "one another"."""
    return token.lower_ in ("other", "another") and token.i > 0 and token.doc[token.i - 1].lower_ in ("each", "one")


def _depth(parent: list[int], i: int) -> int:
    """How many steps token ``i`` lies below its sentence root, from the head array."""
    depth = 0
    while parent[i] != i and depth < 64:
        i, depth = parent[i], depth + 1
    return depth


def _nearest(token: Token, claimed: dict[int, str], group: set[int]) -> Optional[int]:
    """The closest word above ``token`` (inside the claim) that heads a claim."""
    parent, node = head_indices(token.doc), token.i
    for _ in range(64):
        if parent[node] == node or parent[node] not in group:
            return None
        node = parent[node]
        if node in claimed:
            return node
    return None


def _marker_span(doc: Doc, marker: Marker) -> TextSpan:
    start, end = doc[marker.start].idx, doc[marker.end - 1].idx + len(doc[marker.end - 1].text)
    return TextSpan(text=doc_text(doc)[start:end], span=(start, end))


@dataclass
class _Context:
    """What every claim from one source in one report shares: the scope its stance is worked
    out in, the reporting cue, and the lexicon phrases of the sentences involved."""

    scope: Optional[set[int]]
    cue: Optional[Token]
    cue_tokens: list[Token]
    sentence_phrases: Callable[[tuple[int, int]], list[CueMatch]]

    def phrases(self, event: Token) -> list[CueMatch]:
        bounds = sentence_bounds(event.doc)
        found = self.sentence_phrases(bounds[event.i])
        if self.cue is not None and bounds[self.cue.i] != bounds[event.i]:
            found = found + self.sentence_phrases(bounds[self.cue.i])
        return found


def _quoted_one(cue: Span, speaker: Span) -> bool:
    """Whether the speaker is the one "quoted ... as saying" by the cue ("Lavrov was quoted by
    TASS as [saying]"): a speaker, no claim of the outlet's."""
    return any(quoted_as_saying(t) == speaker.root for t in cue)


class _Reports:
    """The quotes of a Doc seen as sources of claims: which tokens each one owns (the
    innermost quote that makes its speaker the source), and the tokens of their cues and
    speakers, which are the reporting act and no claim's material."""

    def __init__(self, doc: Doc, quotes: list[Quote], lexicon: StanceLexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.quotes = {q.id: q for q in quotes}
        self.by_id = {q.id: q for q in quotes if reports_speaker(doc, q, lexicon)}
        self.owner: dict[int, str] = {}
        self.content: dict[str, set[int]] = {}  # of the quotes that assert their content
        self._other_content: dict[str, set[int]] = {}
        self.spoken: set[int] = set()  # cues and speakers of the reports
        self._phrases: dict[int, list[CueMatch]] = {}
        # (start, end, content length, order, quote) of every content span, for ``carrier``
        self._content_spans: Optional[list[tuple[int, int, int, int, Quote]]] = None
        self._content_starts: list[int] = []
        self._contexts: dict[Optional[str], _Context] = {}
        speaker_ids: dict[str, set[int]] = {}
        cue_tokens: set[int] = set()
        for quote in self.by_id.values():
            ids: set[int] = set()
            for start, end in quote.content.spans:
                span = doc.char_span(start, end, alignment_mode="contract")
                if span is not None:
                    ids.update(range(span.start, span.end))
            self.content[quote.id] = ids
            cue = doc.char_span(*quote.cue.span, alignment_mode="expand") if quote.cue is not None else None
            cue_ids = set(range(cue.start, cue.end)) if cue is not None else set()
            self.spoken |= cue_ids
            cue_tokens |= cue_ids
            speaker = doc.char_span(*quote.speaker.span, alignment_mode="expand") if quote.speaker is not None else None
            if speaker is not None and (not cue_ids or speaker.root.head.i in cue_ids or speaker.root.i in cue_ids or (cue is not None and _quoted_one(cue, speaker))):
                # the cue's own speaker; one it shares with a narrated verb stays that verb's
                # subject ("Repair crews [began work] and expect to ...")
                self.spoken.update(range(speaker.start, speaker.end))
                speaker_ids[quote.id] = set(range(speaker.start, speaker.end))
        self._unspeak_nested_contents(speaker_ids, cue_tokens)
        # the innermost report owns a token: longer contents first, shorter ones overwrite
        for quote_id in sorted(self.content, key=lambda q: -len(self.content[q])):
            for i in self.content[quote_id]:
                self.owner[i] = quote_id

    def _unspeak_nested_contents(self, speaker_ids: dict[str, set[int]], cue_tokens: set[int]) -> None:
        """A speaker mention that holds another report ("according to the governor, [who said
        a school was damaged]") leaves that report's content to be claimed: only its cue and
        speaker are the reporting act."""
        for owner, mention in speaker_ids.items():
            for quote_id, content in self.content.items():
                if quote_id != owner and content and content <= mention:
                    self.spoken -= content - cue_tokens

    def carrier(self, start: int, end: int) -> Optional[Quote]:
        """The quote a claim at [start, end) carries: the one with the shortest content that
        holds it, whatever its cue. This is the one place that decides it, so a claim split
        out of a quote (a condition, a purpose, a second clause, any sentence of a long quote)
        keeps the quote, and so does the content of a demand or a plan ("called on residents
        to [leave]": the governor's). None where no quote's content holds it."""
        if self._content_spans is None:
            self._content_spans = sorted(
                ((s, e, sum(e - s for s, e in q.content.spans), n, q) for n, q in enumerate(self.quotes.values()) for s, e in q.content.spans),
                key=lambda span: span[:4],
            )
            self._content_starts = [span[0] for span in self._content_spans]
        # the holder with the shortest content, the first quote of those as long
        best = None
        for _start, e, length, n, quote in self._content_spans[: bisect_right(self._content_starts, start)]:
            if end <= e and (best is None or (length, n) < best[:2]):
                best = (length, n, quote)
        return best[2] if best is not None else None

    def asserter(self, quote: Optional[Quote], event: Token) -> Optional[Quote]:
        """The report whose speaker asserts a claim carried by ``quote``: the quote itself when
        it makes its speaker the source ("said", "denied", a quotation), or when the claim
        lies in a clause its content says ("declined to [say] whether [X]"); otherwise the
        report around it, or the outlet (None). The content of a demand, a plan, a refusal
        or an appearance ("called on residents to [leave]", "plans to [annex]") is carried
        by that quote but asserted by whoever reports it, as FactBank reads its sources."""
        seen: set[str] = set()
        while quote is not None and quote.id not in self.by_id and quote.id not in seen:
            if self._said_inside(quote, event):
                return quote
            seen.add(quote.id)
            quote = self.quotes.get(quote.nested_in) if quote.nested_in else None
        return quote

    def _said_inside(self, quote: Quote, event: Token) -> bool:
        """Whether ``event`` lies in a clause that a verb of saying inside the quote's content
        introduces ("declined to [say] whether [the army had used ...]")."""
        content = self.all_content(quote)
        node = event
        for _ in range(64):
            head = node.head
            if head.i == node.i or head.i not in content:
                return False
            if node.dep_ == "ccomp" and self.lexicon.lemma(head) in self.lexicon.source_verbs:
                return True
            node = head
        return False

    def quoted_as_saying(self, quote: Quote, event: Token) -> Optional[str]:
        """The one a report quotes, for a claim in what it is quoted as saying: "Tass quoted a
        Defence Ministry spokesman as saying [X]" makes X the spokesman's, via Tass. None
        elsewhere."""
        content = self.all_content(quote)
        node = event
        for _ in range(64):
            head = node.head
            if head.i == node.i or head.i not in content:
                return None
            if node.dep_ == "ccomp" and self.lexicon.lemma(head) in self.lexicon.source_verbs and head.dep_ == "pcomp" and head.head.lower_ == "as":
                verb = head.head.head
                quoted = next((c for c in verb.children if c.dep_ == "dobj"), verb if verb.pos_ in ("NOUN", "PROPN") else None)
                if quoted is None:
                    return None
                words = [t for t in quoted.subtree if t.i < head.head.i and not (t.dep_ == "det" and t.head.i == quoted.i)]
                return self.doc[words[0].i : words[-1].i + 1].text if words else None
            node = head
        return None

    def all_content(self, quote: Quote) -> set[int]:
        """Token indices of any quote's content (the asserting ones are in ``content``)."""
        if quote.id in self.content:
            return self.content[quote.id]
        if quote.id not in self._other_content:
            ids: set[int] = set()
            for start, end in quote.content.spans:
                span = self.doc.char_span(start, end, alignment_mode="contract")
                if span is not None:
                    ids.update(range(span.start, span.end))
            self._other_content[quote.id] = ids
        return self._other_content[quote.id]

    def source(self, report: Optional[Quote]) -> Optional[str]:
        """How a claim asserted by ``report`` names its source: the quote's speaker; None for
        the outlet, and for a speaker that is nobody ("No one claimed ...")."""
        if report is None or _nobody(report, self.lexicon):
            return None
        return source_name(report)

    def material(self, sent: Span) -> dict[Optional[str], list[int]]:
        """The sentence's tokens that are claim material, by the report that owns them (None:
        the outlet), leaving out the cues and speakers of reports."""
        found: dict[Optional[str], list[int]] = {}
        for i in range(sent.start, sent.end):
            if i not in self.spoken:
                found.setdefault(self.owner.get(i), []).append(i)
        return found

    def via(self, report: Quote) -> list[str]:
        """The speakers of the reports ``report`` is nested in that assert it, outermost first."""
        chain, seen, outer = [], {report.id}, report.nested_in
        own = source_name(report)
        while outer is not None and outer not in seen and outer in self.quotes:
            seen.add(outer)
            # a speaker's own outer report passes on nothing ("..., the spokesman said, accusing ...")
            if outer in self.by_id and (name := source_name(self.by_id[outer])) and name != own:
                chain.append(name)
            outer = self.quotes[outer].nested_in
        return chain[::-1]

    def context(self, report: Optional[Quote]) -> _Context:
        key = report.id if report is not None else None
        if key not in self._contexts:
            cue, cue_tokens, scope = None, [], None
            if report is not None:
                scope = self.content[report.id]
                if report.cue is not None:
                    span = self.doc.char_span(*report.cue.span, alignment_mode="expand")
                    if span is not None and len(span):
                        cue_tokens = list(span)
                        cue = cue_word(span)
            self._contexts[key] = _Context(scope, cue, cue_tokens, self.sentence_phrases)
        return self._contexts[key]

    def sentence_phrases(self, bounds: tuple[int, int]) -> list[CueMatch]:
        """The lexicon phrases of the sentence at token ``bounds``, found once per sentence (the
        Span is built only then: this is asked for every verb of every claim)."""
        if bounds[0] not in self._phrases:
            self._phrases[bounds[0]] = self.lexicon.find_cues(self.doc[bounds[0] : bounds[1]])
        return self._phrases[bounds[0]]


def cue_word(cue: Span) -> Token:
    """The word of a cue span that carries its meaning: its verb (or noun, or "according")."""
    for pos in ("VERB", "NOUN", "ADJ"):
        words = [t for t in cue if t.pos_ == pos and t.dep_ not in ("aux", "auxpass", "neg")]
        if words:
            return words[-1] if pos == "VERB" and words[-1].dep_ == "xcomp" else words[0]
    return cue.root


def reports_speaker(doc: Doc, quote: Quote, lexicon: StanceLexicon) -> bool:
    """Whether a quote makes its speaker the source of the claims in its content: a quotation
    always does; otherwise its cue must be a verb of saying, reporting, knowing or believing
    with a clause content, or one of the lexicon's ``object_verbs`` with an object content."""
    if quote.type in ("direct", "mixed"):
        return True  # words in quotation marks are someone's, found or not
    if quote.speaker is None and not quote.speaker_name:
        return False
    if _nobody(quote, lexicon):
        return False  # "Nobody claimed responsibility": no source, a denied claim
    if quote.cue is None:
        return True
    content = doc.char_span(quote.content.spans[0][0], quote.content.spans[-1][1], alignment_mode="expand")
    if content is None or all(t.pos_ in ("PRON", "DET", "PUNCT") for t in content):
        return False  # "could neither confirm nor deny [that]": the act is the claim
    cue = doc.char_span(*quote.cue.span, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    word = cue_word(cue)
    lemma = lexicon.lemma(word)
    if lemma == "according" or any(t.lower_ == "according" for t in cue):
        return True
    if lemma not in lexicon.source_verbs:
        return False
    roots = {t.dep_ for t in content if t.head.i == word.i}
    if any(t.head.i == word.i and t.dep_ in ("xcomp", "ccomp") and t.tag_ == "VBG" and not _has_subject(t) for t in content):
        return lemma in lexicon.source_object_verbs  # "Russia denies [hitting the convoy]": an object
    if "xcomp" in roots:
        # "vowed to [retaliate]", "called on Kyiv to [withdraw]": an act, not a statement;
        # but "officials expect [the toll to rise]" is the officials' expectation
        return lexicon.reporting_stance(lemma) == "hedged"
    if roots & {"dobj", "pobj", "prep"} and not roots & {"ccomp"}:
        return lemma in lexicon.source_object_verbs
    return True


def _nobody(quote: Quote, lexicon: StanceLexicon) -> bool:
    """Whether a quote's speaker is nobody: "Nobody", "no one"."""
    return quote.speaker is not None and quote.speaker.text.lower() in lexicon.markers.negative_arguments | {"no one", "no-one"}


class _Items:
    """Items of one kind (ids with spans), in order of where they start, for range lookups."""

    def __init__(self, items: list[tuple[str, tuple[int, int]]]):
        self.items = sorted(items, key=lambda item: item[1])
        self.starts = [span[0] for _, span in self.items]
        self.ids = {ident for ident, _ in items}

    def within(self, start: int, end: int) -> list[str]:
        """Ids of the items wholly inside [start, end), in text order."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [ident for ident, (_, e) in self.items[lo:hi] if e <= end]


class _Linker:
    """Ids of the locations, dates, quantities and distances a claim mentions."""

    def __init__(self, doc: Doc, sents: list[Span]):
        self.sents = sents
        self.text = doc_text(doc)
        locations = doc._.locations
        # a border or a river is where distances are measured from, not where things happen
        self.settings = _Items([(x.id, x.span) for x in locations if x.feature not in ("border", "water")])
        self.items = {
            "locations": _Items([(x.id, x.span) for x in locations]),
            "dates": _Items([(x.id, x.span) for x in doc._.dates]),
            "quantities": _Items([(x.id, x.span) for x in doc._.quantities]),
            "distances": _Items([(x.id, x.span) for x in doc._.distances]),
        }

    def links(self, start: int, end: int, sent_number: Optional[int]) -> dict[str, list[str]]:
        found = {kind: items.within(start, end) for kind, items in self.items.items()}
        if sent_number is None:
            return found
        # Where and when: a claim like "two workers were injured during the attack" names
        # neither; its sentence or the sentences just before it set the scene (for dates, only
        # within the claim's paragraph).
        claim_sent = self.sents[sent_number]
        for kind, scenes in (("locations", self.settings), ("dates", self.items["dates"])):
            if any(ident in scenes.ids for ident in found[kind]):
                continue
            for number in range(sent_number, max(0, sent_number - CONTEXT_SENTENCES) - 1, -1):
                sent = self.sents[number]
                if kind == "dates" and "\n" in self.text[sent.end_char : claim_sent.start_char]:
                    break  # a roundup's previous paragraph is often another event on another day
                scene = [i for i in scenes.within(sent.start_char, sent.end_char) if i not in found[kind]]
                if scene:
                    found[kind] = found[kind] + scene
                    break
        return found
