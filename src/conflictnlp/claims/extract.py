"""Claims from a parsed article: from its quotes, from attributing verbs and from narration.

A claim is one clause: a predicate with what depends on it, as a single character span.
Its source is whoever asserts it: the speaker of the quote it comes from, the subject of an
attributing verb the quotes component did not pick up ("Rosneft denied [anyone was hurt]"),
the object of "according to", or, for the outlet's own narration, the outlet itself.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from spacy.attrs import DEP, IS_PUNCT
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..extensions import body_bounds, doc_text, entities_in, head_indices, per_doc, pos_ids, token_forms
from ..model import Claim, Quote, TextSpan
from .lexicon import CueMatch, StanceLexicon
from .stance import claim_stance

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
QUOTE_CHARS = "\"'“”‘’«»„‟‹›"
# entity labels that name who asserts something, best first
SOURCE_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
# how many sentences back a claim without a place or date of its own looks for one
CONTEXT_SENTENCES = 2


@dataclass
class _Draft:
    tokens: Span
    predicate: Token
    source: Optional[str]
    quote_id: Optional[str] = None
    attribution: Optional[Token] = None


@dataclass
class _Coverage:
    """Tokens already accounted for: reported content, and the verbs that report it."""

    content: set[int] = field(default_factory=set)
    cues: set[int] = field(default_factory=set)


def clauses(doc: Doc, indices: Sequence[int], verbal_only: bool = False) -> list[tuple[Token, list[int]]]:
    """The clauses among the tokens at ``indices`` (in text order): each predicate with the
    indices of the tokens that belong to it. Indices rather than Tokens, since every sentence
    goes through here and most of its tokens are only looked up, never read.

    Coordinated verbs with their own subject ("two workers were injured and [areas were
    evacuated]") are clauses of their own.
    """
    if not indices:
        return []
    parent = head_indices(doc)
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


@per_doc
def _attribution_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens ``_frame`` can accept (verbs, auxiliaries, "according"), from the
    Doc's arrays: the other tokens need not become Token objects to be turned down."""
    forms = token_forms(doc)
    return [i for i, pos in enumerate(pos_ids(doc)) if pos in (VERB, AUX) or forms[i][1] == "according"]


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


def _char_span(tokens: Span) -> tuple[int, int]:
    text = doc_text(tokens.doc)
    start, end = tokens.start_char, tokens.end_char
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS):
        end -= 1
    return start, end


class ClaimExtractor:
    """Turns a parsed Doc with quotes and measures into ``Claim`` objects."""

    def __init__(self, lexicon: StanceLexicon):
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> list[Claim]:
        lo, hi = body_bounds(doc)
        sents = [s for s in doc.sents if s.start_char < hi and s.end_char > lo]
        quotes = _outermost(doc._.quotes)
        coverage = _Coverage()
        for quote in quotes:
            if quote.cue:
                cue = doc.char_span(*quote.cue.span, alignment_mode="expand")
                coverage.cues.update(t.i for t in cue or ())
        drafts = list(self._from_quotes(doc, quotes, coverage))
        for sent in sents:
            drafts.extend(self._from_attributions(sent, quotes, coverage))
        outlet = doc._.source
        for sent in sents:
            drafts.extend(self._from_narration(sent, coverage, outlet))
        return self._build(doc, drafts, sents, (lo, hi))

    # --- where claims come from -----------------------------------------------------------

    def _from_quotes(self, doc: Doc, quotes: list[Quote], coverage: _Coverage) -> Iterable[_Draft]:
        for quote in quotes:
            cue = doc.char_span(*quote.cue.span, alignment_mode="expand") if quote.cue else None
            cue_token = cue.root if cue is not None else None
            source = quote.speaker_name or (quote.speaker.text if quote.speaker else None)
            for start, end in quote.content.spans:
                content = doc.char_span(start, end, alignment_mode="contract")
                if content is None or len(content) == 0:
                    continue
                coverage.content.update(range(content.start, content.end))
                found = clauses(doc, range(content.start, content.end))
                verbal = {h.i for h, _ in found if h.pos_ in ("VERB", "AUX")}
                if len(found) > 1 and not verbal:
                    # an object content ("accused [the Ukrainians of launching an attack]") is
                    # one claim, not one per phrase the parse hangs on the cue verb
                    allowed = {i for i in range(content.start, content.end) if i not in coverage.cues}
                    predicate = next((doc[i] for i in sorted(allowed) if doc[i].pos_ == "VERB"), content.root)
                    yield _Draft(_run(predicate, allowed), predicate, source, quote.id, cue_token)
                    continue
                for predicate, group in found:
                    if predicate.i in coverage.cues:
                        continue  # another quote's attribution caught inside this one's content
                    if verbal and predicate.i not in verbal:
                        continue  # a dateline or heading caught with the quote, not a clause of it
                    allowed = {i for i in group if i not in coverage.cues}
                    yield _Draft(_run(predicate, allowed), predicate, source, quote.id, cue_token)

    def _from_attributions(self, sent: Span, quotes: list[Quote], coverage: _Coverage) -> Iterable[_Draft]:
        """Claims reported by a verb ("X denied that ...") or "according to X" the quotes missed."""
        candidates = _attribution_candidates(sent.doc)
        for i in candidates[bisect_left(candidates, sent.start) : bisect_left(candidates, sent.end)]:
            verb = sent.doc[i]
            if verb.i in coverage.cues or verb.i in coverage.content:
                continue
            frame = self._frame(verb)
            if frame is None:
                continue
            speaker, complement = frame
            complement_ids = {t.i for t in complement}
            coverage.cues.add(verb.i)
            if complement_ids & coverage.content:
                continue  # the quotes component has this one already; ``verb`` is its cue
            coverage.content.update(complement_ids)
            source = self._source_name(speaker, quotes)
            for predicate, group in clauses(sent.doc, [t.i for t in complement]):
                yield _Draft(_run(predicate, set(group)), predicate, source, None, verb)

    def _frame(self, verb: Token) -> Optional[tuple[Span, list[Token]]]:
        """(who, what) when ``verb`` attributes a claim to someone."""
        lex = self.lexicon
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            speaker = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if speaker is None or verb.head.i == verb.i:
                return None
            excluded = {t.i for t in verb.subtree}
            head = verb.head
            return _subtree_span(speaker), [t for t in head.subtree if t.i not in excluded and t.sent == verb.sent]
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in lex.attribution_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        for child in verb.children:
            if child.dep_ == "ccomp":
                return _subtree_span(subject), list(child.subtree)
        if lemma in lex.accusation_verbs:
            # "accused Kyiv of [carrying out an air strike]"
            of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            deed = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), None) if of is not None else None
            if deed is not None:
                return _subtree_span(subject), list(deed.subtree)
        if lemma in lex.object_verbs:
            target = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if target is not None and target.pos_ in ("NOUN", "PROPN"):
                return _subtree_span(subject), list(target.subtree)
        return None

    def _from_narration(self, sent: Span, coverage: _Coverage, outlet: Optional[str]) -> Iterable[_Draft]:
        if doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip().rstrip(QUOTE_CHARS).endswith("?"):
            return
        pending = clauses(sent.doc, range(sent.start, sent.end), verbal_only=True)
        while pending:
            predicate, group = pending.pop(0)
            if predicate.i in coverage.content:
                continue
            reporting = predicate.i in coverage.cues or any(
                child.i in coverage.content for child in predicate.children if child.dep_ in ("ccomp", "xcomp")
            )
            if reporting:
                # "[Two buses were hit], "and nobody was hurt," said the mayor": the attribution is
                # no claim, but a clause of the outlet's own hanging from it is
                members = set(group)
                for child in predicate.children:
                    if child.dep_ in ("ccomp", "conj", "advcl") and child.i not in coverage.content:
                        inside = sorted(i for i in _subtree_indices(sent.doc, child.i) if i in members)
                        pending.extend(clauses(sent.doc, inside, verbal_only=True))
                continue
            allowed = {i for i in group if i not in coverage.content and i not in coverage.cues}
            yield _Draft(_run(predicate, allowed), predicate, outlet)

    # --- who -----------------------------------------------------------------------------

    def _source_name(self, speaker: Span, quotes: list[Quote]) -> Optional[str]:
        """A name for who asserts a claim: the quote speaker or named entity it refers to."""
        doc = speaker.doc
        for quote in quotes:
            if quote.speaker and quote.speaker_name:
                s, e = quote.speaker.span
                if s < speaker.end_char and speaker.start_char < e:
                    return quote.speaker_name
        head = speaker.root
        if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and len(speaker) == 1:
            labels = ("PERSON",) if head.lower_ in PERSON_PRONOUNS else ("ORG", "GPE", "NORP")
            earlier = [e for e in doc.ents if e.end <= speaker.start and e.label_ in labels and speaker.start - e.end < 80]
            return self._full_name(earlier[-1], quotes) if earlier else head.text
        inside = [e for e in entities_in(speaker) if e.label_ in SOURCE_LABELS]
        if inside:
            best = min(inside, key=lambda e: (SOURCE_LABELS.index(e.label_), -len(e)))
            return self._full_name(best, quotes)
        words = [t for t in speaker if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
        return " ".join(t.text for t in words) if words else speaker.text

    def _full_name(self, entity: Span, quotes: list[Quote]) -> str:
        """"Gladkov" -> "Vyacheslav Gladkov" when the article names him in full elsewhere."""
        if entity.label_ != "PERSON" or len(entity) > 1:
            return entity.text
        surname = entity.text
        names = [q.speaker_name for q in quotes if q.speaker_name] + [
            e.text for e in entity.doc.ents if e.label_ == "PERSON"
        ]
        fuller = [n for n in names if n.split()[-1] == surname and len(n) > len(surname)]
        return max(fuller, key=len) if fuller else surname

    # --- output --------------------------------------------------------------------------

    def _build(self, doc: Doc, drafts: list[_Draft], sents: list[Span], body: tuple[int, int]) -> list[Claim]:
        cues_by_sent = {sent.start: self.lexicon.find_cues(sent) for sent in sents}
        sent_index = {sent.start: n for n, sent in enumerate(sents)}
        linker = _Linker(doc, sents)
        claims: list[Claim] = []
        seen: set[tuple[int, int]] = set()
        punct = _punct_flags(doc)
        for draft in sorted(drafts, key=lambda d: d.tokens.start if len(d.tokens) else -1):
            if len(draft.tokens) - sum(punct[draft.tokens.start : draft.tokens.end]) < 2:
                continue
            start, end = _char_span(draft.tokens)
            if (start, end) in seen or not (body[0] <= start and end <= body[1]):
                continue
            seen.add((start, end))
            sent = draft.predicate.sent
            cues = cues_by_sent.get(sent.start, [])
            if draft.attribution is not None and draft.attribution.sent != sent:
                cues = cues + cues_by_sent.get(draft.attribution.sent.start, [])
            stance, governing = claim_stance(cues, draft.predicate, self.lexicon, draft.attribution)
            claims.append(
                Claim(
                    id=f"c{len(claims) + 1}",
                    text=doc_text(doc)[start:end],
                    span=(start, end),
                    source=draft.source,
                    quote_id=draft.quote_id,
                    stance=stance,
                    hedges=[_cue_span(doc, cue) for cue in governing],
                    **linker.links(start, end, sent_index.get(sent.start)),
                )
            )
        return claims


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Quotes not nested inside another quote's content: a "quote" found within reported
    speech ("flew in low and attacked [the facility]") is part of it, not a statement of its own."""

    # a quote's content lies between its first start and last end; most pairs fail on that
    bounds = {id(q): (min(s for s, _ in q.content.spans), max(e for _, e in q.content.spans)) for q in quotes if q.content.spans}

    def inside(inner: Quote, outer: Quote) -> bool:
        if inner is outer or id(inner) not in bounds or id(outer) not in bounds:
            return False
        (start, end), (outer_start, outer_end) = bounds[id(inner)], bounds[id(outer)]
        return outer_start <= start and end <= outer_end and all(
            any(s <= start and end <= e for s, e in outer.content.spans) for start, end in inner.content.spans
        ) and (inner.content.spans != outer.content.spans or inner.id > outer.id)

    return [q for q in quotes if not any(inside(q, other) for other in quotes)]


def _subtree_span(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _cue_span(doc: Doc, cue: CueMatch) -> TextSpan:
    start, end = doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1].text)
    return TextSpan(text=doc_text(doc)[start:end], span=(start, end))


class _Linker:
    """Ids of the locations, dates, quantities and distances a claim mentions."""

    def __init__(self, doc: Doc, sents: list[Span]):
        self.sents = sents
        self.text = doc_text(doc)
        locations = doc._.locations
        # a border or a river is where distances are measured from, not where things happen
        self.settings = [(x.id, x.span) for x in locations if x.feature not in ("border", "water")]
        self.items = {
            "locations": [(x.id, x.span) for x in locations],
            "dates": [(x.id, x.span) for x in doc._.dates],
            "quantities": [(x.id, x.span) for x in doc._.quantities],
            "distances": [(x.id, x.span) for x in doc._.distances],
        }

    @staticmethod
    def _within(items: list[tuple[str, tuple[int, int]]], start: int, end: int) -> list[str]:
        return [ident for ident, (s, e) in items if start <= s and e <= end]

    def links(self, start: int, end: int, sent_number: Optional[int]) -> dict[str, list[str]]:
        found = {kind: self._within(items, start, end) for kind, items in self.items.items()}
        if sent_number is None:
            return found
        # Where and when: a claim like "two workers were injured during the attack" names
        # neither; its sentence or the sentences just before it set the scene (for dates, only
        # within the claim's paragraph).
        claim_sent = self.sents[sent_number]
        for kind, scenes in (("locations", self.settings), ("dates", self.items["dates"])):
            if any(ident in {i for i, _ in scenes} for ident in found[kind]):
                continue
            for number in range(sent_number, max(0, sent_number - CONTEXT_SENTENCES) - 1, -1):
                sent = self.sents[number]
                if kind == "dates" and "\n" in self.text[sent.end_char : claim_sent.start_char]:
                    break  # a roundup's previous paragraph is often another event on another day
                scene = [i for i in self._within(scenes, sent.start_char, sent.end_char) if i not in found[kind]]
                if scene:
                    found[kind] = found[kind] + scene
                    break
        return found
