"""The ``conflict_quotes_learned`` component: quotes from trained SOURCE / CUE / CONTENT spans.

A trained ``span_finder`` + ``spancat`` pair (see ``conflictnlp/training/configs``) labels
spans in ``doc.spans["conflict_spancat"]``; this component links them into the same ``Quote``
records the rule-based ``conflict_quotes`` component writes. Linking is by position, anchored
on cues: contents and cues are paired closest first, where a cue in another sentence counts as
further away, each content to one cue and a second piece to a cue only where it continues the
first (a split quote); each source goes to the nearest cue, and a source that is the
grammatical subject of a cue's verb goes to that cue whatever the distance; a cue's sources
are speaker candidates, the subject first, then by distance, and
``speakers.decide_speaker`` picks among them as for the rules. A cue left with no content takes the clause its verb
governs (its ``ccomp``) when the parse has one (``parse_content``), else makes no quote. With
``with_rules`` the two are combined: with ``prefer = "rules"`` the rule-based quotes come first and
a learned quote is added where it shares no cue and no content with them; with ``prefer =
"learned"`` the other way round. Which is better depends on the model (see the model cards). Records are built
with the rules' own helpers: ``build``, and ``component.speaker_resolver`` for canonical names
and roles, with the same cue lexicon (``cues``).

With the rules first, a tagger set to ``read = "after_rules"`` (``quotes/tagger.py``) waits
for this component: the rules run, then the encoder reads only the sentences that the
sentence filter passes and that hold no rule-based cue or content, since a learned quote
overlapping a rule-based one would be dropped anyway.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..components import ConflictComponent
from ..extensions import body_bounds, doc_text, set_span_group
from ..model import Quote
from .build import make_quote, number_quotes, quote_type
from .component import QuotesComponent, extract_quotes, speaker_resolver
from .cues import load_cues
from .labels import CONTENT, CUE, SOURCE, SPANS_KEY
from .marks import find_quoted_passages
from .speakers import SpeakerCandidate, SpeakerContext, decide_speaker
from .tagger import AttributionTagger  # also registers conflict_attribution_tagger, which feeds this component

# a cue in another sentence is this many tokens further away than it looks
SENTENCE_PENALTY = 40
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# a content taken from the parse is trusted less than one the model labelled
PARSED_CONTENT_FACTOR = 0.6


def _gap(a: Span, b: Span) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(a.start - b.end, b.start - a.end, 0)


def _distance(span: Span, cue: Span, has_sents: bool) -> int:
    distance = _gap(span, cue)
    if has_sents and span.sent != cue.sent and span[0].sent != cue[-1].sent:
        distance += SENTENCE_PENALTY
    return distance


def _is_subject_of(source: Span, cue: Span) -> bool:
    return any(token.dep_ in SUBJECT_DEPS and token.head in cue for token in source)


class LearnedQuotesComponent(ConflictComponent):
    """Links trained attribution spans into ``doc._.quotes`` and ``doc.spans['conflict_quotes']``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        max_distance: int,
        parse_content: bool,
        with_rules: bool,
        cues: Optional[str] = None,
        prefer: str = "rules",
    ):
        super().__init__(nlp, name)
        if prefer not in ("rules", "learned"):
            raise ValueError(f"{name}: prefer must be 'rules' or 'learned', not {prefer!r}")
        self.prefer = prefer
        self.spans_key = spans_key
        self.max_distance = max_distance
        self.parse_content = parse_content
        self.rules = QuotesComponent(nlp, name, cues=cues) if with_rules else None
        # the rules' lexicon also names organisations and naming clauses for the resolver
        self.lexicon = self.rules.lexicon if self.rules is not None else load_cues(cues)

    def _nearest_cue(self, span: Span, cues: list[Span], has_sents: bool) -> Optional[int]:
        candidates = [(_distance(span, cue, has_sents), i) for i, cue in enumerate(cues) if not _overlaps(span, cue)]
        if not candidates:
            return None
        distance, index = min(candidates)
        return index if distance <= self.max_distance else None

    def _link_contents(self, contents: list[Span], cues: list[Span], sources: list[Span], has_sents: bool) -> dict[int, list[Span]]:
        """Contents by cue index: closest pairs first, each content to one cue, and a cue takes
        a second piece only where it continues the first (a split quote: "A," X said, "B")."""
        pairs = sorted(
            (distance, c, k)
            for c, content in enumerate(contents)
            for k, cue in enumerate(cues)
            if not _overlaps(content, cue) and (distance := _distance(content, cue, has_sents)) <= self.max_distance
        )
        linked: dict[int, list[Span]] = {}
        used: set[int] = set()
        for _, c, k in pairs:
            if c in used:
                continue
            if k not in linked or any(_continues(contents[c], piece, cues[k], sources) for piece in linked[k]):
                linked.setdefault(k, []).append(contents[c])
                used.add(c)
        return linked

    def _waiting_tagger(self) -> AttributionTagger | None:
        """The pipeline's tagger that waits for this component (``read = "after_rules"``)."""
        return next(
            (
                pipe
                for _, pipe in self.nlp.pipeline
                if isinstance(pipe, AttributionTagger) and pipe.read == "after_rules" and pipe.spans_key == self.spans_key
            ),
            None,
        )

    def process(self, doc: Doc) -> None:
        rule_quotes = extract_quotes(doc, self.rules) if self.rules is not None else []
        tagger = self._waiting_tagger()
        if tagger is not None:
            # where the rules' quotes win, a learned quote overlapping one would be dropped: not read
            first = rule_quotes if self.prefer == "rules" else []
            tagger.tag_after_rules(doc, [span for q in first for span in [*q.content.spans, *([q.cue.span] if q.cue else [])]])
        lo, hi = body_bounds(doc)
        spans = [s for s in doc.spans.get(self.spans_key, []) if lo <= s.start_char and s.end_char <= hi]
        score_of = _span_scores(doc, self.spans_key)
        has_sents = doc.has_annotation("SENT_START")
        has_deps = doc.has_annotation("DEP")
        cues = sorted((s for s in spans if s.label_ == CUE), key=lambda s: s.start)
        contents = self._link_contents([s for s in spans if s.label_ == CONTENT], cues, [s for s in spans if s.label_ == SOURCE], has_sents)
        sources: dict[int, list[tuple[int, Span]]] = {}
        for span in spans:
            if span.label_ == SOURCE:
                subject_of = [i for i, cue in enumerate(cues) if has_deps and _is_subject_of(span, cue)]
                index = subject_of[0] if subject_of else self._nearest_cue(span, cues, has_sents)
                if index is not None:
                    rank = 0 if subject_of else 1 + _distance(span, cues[index], has_sents)
                    sources.setdefault(index, []).append((rank, span))
        passages = find_quoted_passages(doc_text(doc), lo, hi)
        resolver = speaker_resolver(doc, passages, self.lexicon)
        context = SpeakerContext((lo, hi), naming=self.lexicon.named_in_clause)
        quotes = []
        for index, cue in enumerate(cues):
            factor = 1.0
            if index not in contents and self.parse_content and has_deps:
                clause = _governed_clause(cue)
                if clause is not None and lo <= clause.start_char and clause.end_char <= hi:
                    contents[index] = [clause]
                    factor = PARSED_CONTENT_FACTOR
            if index not in contents:
                continue
            candidates = [SpeakerCandidate(span, "learned-subject" if rank == 0 else "learned-nearest", rank) for rank, span in sources.get(index, [])]
            source = decide_speaker(candidates, context).mention
            parts = [cue, *contents[index], *([source] if source else [])]
            confidence = factor * sum(score_of.get((s.start, s.end, s.label_), 1.0) for s in parts) / len(parts)
            speaker = resolver.resolve(source) if source is not None else None
            content = sorted((s.start_char, s.end_char) for s in contents[index])
            quotes.append(
                make_quote(
                    doc_text(doc),
                    content,
                    quote_type(content, passages),
                    cue=(cue.start_char, cue.end_char),
                    speaker=(source.start_char, source.end_char) if source is not None else None,
                    speaker_name=speaker.name if speaker else None,
                    speaker_role=speaker.role if speaker else None,
                    confidence=confidence * (speaker.confidence if speaker else 1.0),
                )
            )
        if self.rules is not None:
            quotes = _add_disjoint(rule_quotes, quotes) if self.prefer == "rules" else _add_disjoint(quotes, rule_quotes)
        quotes = number_quotes(quotes)
        doc._.quotes = quotes
        # the same span groups as the rule-based component
        set_span_group(doc, "quotes", [(s, e, q.type) for q in quotes for s, e in q.content.spans])
        set_span_group(doc, "quote_cues", [(*q.cue.span, "CUE") for q in quotes if q.cue])
        set_span_group(doc, "quote_speakers", [(*q.speaker.span, "SPEAKER") for q in quotes if q.speaker])


def _add_disjoint(first: list[Quote], second: list[Quote]) -> list[Quote]:
    """``first`` and the quotes of ``second`` that share no cue and no content with them."""

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    taken_cues = [q.cue.span for q in first if q.cue]
    taken_content = [span for q in first for span in q.content.spans]
    return first + [
        q
        for q in second
        if not (q.cue and any(overlap(q.cue.span, c) for c in taken_cues))
        and not any(overlap(s, c) for s in q.content.spans for c in taken_content)
    ]


# words (not punctuation) that may stand between the two pieces of a content split around its
# cue, besides the cue and sources: "the commander said [on Monday], ..."
MAX_SPLIT_GAP = 3


def _continues(piece: Span, other: Span, cue: Span, sources: list[Span]) -> bool:
    """Whether ``piece`` and ``other`` are pieces of one content of ``cue``: split around the
    cue, with nothing but punctuation, sources and at most ``MAX_SPLIT_GAP`` words between them
    besides it; or with nothing but punctuation between them."""
    first, second = (piece, other) if piece.start < other.start else (other, piece)
    if first.end > second.start:
        return False
    around_cue = first.end <= cue.start and cue.end <= second.start
    allowed = {i for span in [cue, *sources] for i in range(span.start, span.end)} if around_cue else set()
    words = [t for t in piece.doc[first.end : second.start] if not (t.is_punct or t.is_space or t.i in allowed)]
    return len(words) <= (MAX_SPLIT_GAP if around_cue else 0)


def _governed_clause(cue: Span) -> Optional[Span]:
    """The clausal complement of the cue's verb ("said [that the talks had stalled]"), without
    the punctuation at its edges."""
    for token in cue:
        for child in token.children:
            if child.dep_ == "ccomp" and child not in cue:
                start, end = child.left_edge.i, child.right_edge.i + 1
                doc = cue.doc
                while start < end and doc[start].is_punct:
                    start += 1
                while end > start and doc[end - 1].is_punct:
                    end -= 1
                if end > start and not (start < cue.end and cue.start < end):
                    return doc[start:end]
    return None


def _span_scores(doc: Doc, spans_key: str) -> dict[tuple[int, int, str], float]:
    """spancat's score of each span it predicted (absent for gold or hand-set spans)."""
    group = doc.spans.get(spans_key)
    if group is None:
        return {}
    scores = group.attrs.get("scores")
    if scores is None:
        return {}
    return {(s.start, s.end, s.label_): float(score.max()) for s, score in zip(group, scores)}


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "conflict_quotes_learned",
    default_config={"spans_key": SPANS_KEY, "max_distance": 60, "parse_content": True, "with_rules": False, "cues": None, "prefer": "rules"},
)
def make_learned_quotes_component(
    nlp: Language, name: str, spans_key: str, max_distance: int, parse_content: bool, with_rules: bool, cues: Optional[str], prefer: str
) -> LearnedQuotesComponent:
    """Quotes from the spans a trained span categorizer put in ``doc.spans[spans_key]``;
    ``parse_content``: a cue with no labelled content takes the clause its verb governs;
    ``with_rules``: add them to the rule-based quotes instead of replacing those; ``cues``: a
    cue lexicon replacing the packaged one, for the rules and for speaker names; ``prefer``:
    with the rules, whose quotes win where the two overlap ("rules" or "learned")."""
    return LearnedQuotesComponent(nlp, name, spans_key, max_distance, parse_content, with_rules, cues, prefer)
