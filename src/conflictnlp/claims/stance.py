"""The stance of an event relative to its source, worked out from the dependency parse.

``event_stance`` walks from the event word up the parse to the top of its scope (the content
a source reports, or the sentence for the outlet's own text) and collects markers on the way:

* on the event word and each verb passed: negation ("not", "never", "Nobody was hurt", "No
  suspects have been identified"), hedging auxiliaries and adverbs ("could", "allegedly"),
  obligation auxiliaries ("should", "must"), a condition ("if");
* at each step up through a complement, what the verb above does to it: intentions, plans
  and demands leave it unconfirmed ("plans to [attack]", "called on Kyiv to [withdraw]"),
  beliefs and appearances hedge it ("seems to", "is believed to"), negative implicatives
  negate it ("failed to", "refused to"); an infinitive of purpose is unconfirmed ("went on
  television to [appease]"), and so are an infinitive on a noun ("a plan to [attack]") and a
  condition ("if [confirmed]");
* a relative clause, or a temporal or causal clause ("after [launching]", "because"), is
  presupposed: the walk stops there.

Then the reporting cue's meaning for its content ("denied that [X]", "believe [X]", "did not
confirm [X]") and the lexicon's multiword phrases that govern the event ("could neither
confirm nor deny", "have no information") are added. The words are in ``data/stance_lexicon.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.attrs import DEP, TAG
from spacy.tokens import Doc, Token

from ..extensions import head_indices, per_doc, sentence_bounds, token_forms, token_texts
from ..model import Stance
from .lexicon import CueMatch, StanceLexicon

NEGATION = "negation"
OBLIGATION = "obligation"  # "should", "must": unconfirmed unless negated ("must not" is denied)

ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "dative"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "csubj", "csubjpass"}
STOP_DEPS = {"relcl", "parataxis", "appos", "list", "dep"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


@dataclass(frozen=True)
class Marker:
    """A word or phrase that qualifies an event: its kind and token range."""

    kind: str  # a Stance other than "asserted", or NEGATION / OBLIGATION
    start: int
    end: int


def _token_marker(kind: str, token: Token) -> Marker:
    return Marker(kind, token.i, token.i + 1)


def own_markers(node: Token, lexicon: StanceLexicon) -> list[Marker]:
    """Markers attached to one verb (or the event word itself)."""
    words = lexicon.markers
    unreal = counterfactual_consequent(node, lexicon)
    found = [_token_marker(NEGATION, unreal)] if unreal is not None else []  # "would have [died]"
    for child in node.children:
        dep, lower = child.dep_, child.lower_
        if dep == "neg" or (dep == "advmod" and lower in words.negations and lower != "no"):
            found.append(_token_marker(NEGATION, child))
        elif dep in ("aux", "auxpass"):
            if lower == "had" and counterfactual_antecedent(node, lexicon) == child:
                found.append(_token_marker(NEGATION, child))  # "Had X not [intercepted] it": it was
            elif lower in words.hedge_auxiliaries and child != unreal and not _negated_ability(node, child, words):
                found.append(_token_marker("hedged", child))
            elif lower in words.obligation_auxiliaries:
                found.append(_token_marker(OBLIGATION, child))
            # "had reportedly been using": the parser hangs the adverb on an auxiliary
            found.extend(_token_marker("hedged", a) for a in child.children if a.dep_ == "advmod" and a.lower_ in words.hedge_adverbs)
        elif dep == "acomp" and lexicon.embedding_stance(lexicon.lemma(child)) == "hedged" and any(c.dep_ == "xcomp" for c in child.children):
            found.append(_token_marker("hedged", child))  # "the toll [was] likely to rise": the copula heads the claim
        elif dep == "advmod" and lower in words.hedge_adverbs:
            found.append(_token_marker("hedged", child))
        elif dep == "mark" and lower in words.condition_marks:
            # "if the dam had [burst], ... would have": the antecedent of a counterfactual is false
            kind = NEGATION if counterfactual_antecedent(node, lexicon) == child else "unconfirmed"
            found.append(_token_marker(kind, child))
        elif (
            dep == "advcl"
            and (mark := _mark(child)) is not None
            and mark.lower_ in words.condition_marks
            and mark.lower_ != "whether"
            and unreal is None
            and any(c.dep_ == "aux" and c.lower_ in words.modal_auxiliaries for c in node.children)
        ):
            found.append(_token_marker("unconfirmed", mark))  # "if [X], Y would [happen]"
        elif dep in ARGUMENT_DEPS and (negative := _negative_argument(child, lexicon)) is not None:
            found.append(_token_marker(NEGATION, negative))
        elif dep == "amod" and lower in words.hedge_adjectives and node.pos_ in ("NOUN", "PROPN"):
            found.append(_token_marker("hedged", child))
    return found


def _negated_ability(verb: Token, modal: Token, words) -> bool:
    """"could not [reach]", "cannot be [verified]": a negated ability is a plain negation, not a
    hedge ("may not", "might not" stay hedged)."""
    return modal.lower_ in words.ability_auxiliaries and any(c.dep_ == "neg" for c in verb.children)


def _perfect_modal(verb: Token, lexicon: StanceLexicon) -> Optional[Token]:
    """The modal of "would have [died]", "could have been [killed]"; None otherwise."""
    if verb.i not in _modal_heads(verb.doc, lexicon):
        return None  # most verbs: no counterfactual modal among their children
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in lexicon.markers.counterfactual_modals), None)
    if modal is None or not any(c.dep_ == "aux" and c.lower_ == "have" and c.i > modal.i for c in verb.children):
        return None
    return modal


def _modal_heads(doc: Doc, lexicon: StanceLexicon) -> frozenset[int]:
    """Indices of the words that have a counterfactual modal ("would", "could") as an ``aux``
    child, from the Doc's arrays once per Doc: ``_perfect_modal`` is asked of every verb on
    every claim's path, and walking ``token.children`` for it was most of its time."""
    if _modal_heads_cache[0] is not doc or _modal_heads_cache[1] is not lexicon:
        aux = doc.vocab.strings["aux"]  # a spaCy symbol, as the DEP array holds it
        modals = lexicon.markers.counterfactual_modals
        parent, forms = head_indices(doc), token_forms(doc)
        heads = frozenset(
            parent[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == aux and parent[i] != i and forms[i][1] in modals
        )
        _modal_heads_cache[:] = [doc, lexicon, heads]
    return _modal_heads_cache[2]


_modal_heads_cache: list = [None, None, frozenset()]


def counterfactual_antecedent(clause: Token, lexicon: StanceLexicon) -> Optional[Token]:
    """The word that makes ``clause`` the antecedent of a counterfactual: the "if" of a
    past-perfect clause ("if the dam had burst") or an inverted "Had" ("Had the air defences
    not intercepted the missile"), in a sentence with a "would have" consequent; else None."""
    had = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "had"), None)
    if had is None:
        return None
    mark = _mark(clause)
    if mark is not None and mark.lower_ == "if":
        word = mark
    else:
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if mark is not None or subject is None or had.i > subject.i:
            return None
        word = had
    if not any(t.i != clause.i and t.pos_ in ("VERB", "AUX") and _perfect_modal(t, lexicon) is not None for t in clause.sent):
        return None
    return word


def counterfactual_consequent(verb: Token, lexicon: StanceLexicon) -> Optional[Token]:
    """The modal of a counterfactual consequent ("dozens would have [died]" beside "had the
    missile not been intercepted"); None for other verbs."""
    modal = _perfect_modal(verb, lexicon)
    if modal is None:
        return None
    antecedents = (t for t in verb.sent if t.i != verb.i and t.pos_ in ("VERB", "AUX") and t.dep_ != "aux")
    return modal if any(counterfactual_antecedent(t, lexicon) is not None for t in antecedents) else None


def _negative_argument(token: Token, lexicon: StanceLexicon) -> Optional[Token]:
    """The word that makes an argument nobody: "Nobody", "nothing", "none of them", the "no"
    of "no suspects" and "no one"; None for other arguments."""
    words = lexicon.markers
    if token.lower_ in words.negative_arguments:
        return token
    return next((c for c in token.children if c.dep_ == "det" and c.lower_ in words.negative_determiners), None)


def _mark(clause: Token) -> Optional[Token]:
    return next((c for c in clause.children if c.dep_ == "mark"), None)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_marker(verb: Token) -> Marker:
    """The "to" (with "in order" before it) that makes an infinitive a purpose or a plan."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), verb)
    start = to.i
    doc = verb.doc
    if start >= 2 and doc[start - 2].lower_ == "in" and doc[start - 1].lower_ == "order":
        start -= 2
    return Marker("unconfirmed", start, to.i + 1)


def _report_noun(clause: Token, lexicon: StanceLexicon) -> Optional[Token]:
    """The noun of "reports that [X]", "claims that [X]", "fears that [X]" when ``clause`` is its finite content
    and no verb above settles it ("rejected claims that", "confirmed reports that"); else None."""
    noun = clause.head
    if clause.dep_ not in ("acl", "ccomp") or noun.pos_ != "NOUN":
        return None
    if lexicon.lemma(noun) not in lexicon.report_nouns | lexicon.hedge_nouns:
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None  # "a report released by the ministry", "reports stating ...": a description
    return None if _settled(noun, lexicon) else noun


def _settled(noun: Token, lexicon: StanceLexicon) -> bool:
    """Whether what governs a report noun decides its content: a denial or confirmation
    ("rejected claims that"), or a negation on the way up to its verb ("there was no truth to
    reports that", "did not confirm reports that")."""
    node = noun
    for _ in range(4):
        if any(c.dep_ == "det" and c.lower_ in lexicon.markers.negative_determiners for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            # "rejected claims that", "the report that X was false": the verb or its complement
            return lexicon.lemma(node) in lexicon.report_noun_settlers or any(
                c.dep_ == "neg" or (c.dep_ in ("acomp", "attr", "oprd") and lexicon.lemma(c) in lexicon.report_noun_settlers)
                for c in node.children
            )
        node = node.head
    return False


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
WH_TAGS = {"WP", "WRB", "WDT", "WP$"}


def headline_event(root: Token) -> Optional[Token]:
    """The event of a headline with no finite verb ("Two [killed] in Russian strike on
    Kharkiv", "Test flight [delayed] after accident", "Apple to [lower] prices"): the participle
    or infinitive hung on a root that is no verb; None for other sentences."""
    if root.dep_ != "ROOT" or root.pos_ in ("VERB", "AUX"):
        return None
    event = next((c for c in root.children if (c.dep_ == "acl" and c.tag_ == "VBN") or (c.dep_ in ("acl", "relcl") and _infinitive(c))), None)
    if event is None:
        return None
    if event.tag_ != "VBN" and any(c.dep_ in ("det", "amod", "poss") for c in root.children):
        return None  # "a great spot to [kick back]", "no place to [stay]": a noun's purpose
    inside = {t.i for t in event.subtree}
    finite = _finite_flags(root.doc)
    start, end = sentence_bounds(root.doc)[root.i]
    if any(finite[k] and k not in inside for k in range(start, end)):
        return None
    return event


@per_doc
def _finite_flags(doc: Doc) -> list[bool]:
    """Whether each token has a finite verb's tag, from the Doc's array (``headline_event``
    looks through a whole sentence for one)."""
    finite = {doc.vocab.strings[tag] for tag in FINITE_TAGS}
    return [tag in finite for tag in doc.to_array(TAG).tolist()]


def _wh_complement(clause: Token) -> bool:
    """"who carried out the attack", "how many people were killed": an embedded question
    with a wh-word presupposes its event (only its participant or amount is open)."""
    first = clause.left_edge
    return first.tag_ in WH_TAGS and first.lower_ not in ("whether", "if")


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _adverbial_step(node: Token, lexicon: StanceLexicon) -> tuple[list[Marker], bool]:
    """The step up from an adverbial clause: a condition, purpose or precondition is
    unconfirmed; a temporal or causal clause, or a participle, is presupposed."""
    words = lexicon.markers
    head = node.head
    mark = _mark(node)
    if mark is not None:
        lower = mark.lower_
        if lower in words.condition_marks and counterfactual_antecedent(node, lexicon) == mark:
            return [], True  # its own "if" made it false; the consequent is no condition of it
        if lower in words.condition_marks or lower in words.purpose_marks:
            return [_token_marker("unconfirmed", mark)], True
        if lower in words.prospective_marks and any(c.dep_ == "aux" and c.lower_ in words.modal_auxiliaries for c in head.children):
            return [_token_marker("unconfirmed", mark)], True  # "would not withdraw until [X]"
        return [], True  # "after", "because", "when": presupposed
    if _infinitive(node):
        if head.lemma_.lower() in words.result_verbs:
            return [], False  # a result, not a purpose: "fell 3% to [close] at 7,114"
        return [_infinitive_marker(node)], True  # a purpose: "to [appease] the public"
    return [], True  # participles: "..., forcing troops to retreat"


def step_markers(node: Token, lexicon: StanceLexicon) -> tuple[list[Marker], bool]:
    """What the step from ``node`` to its head adds, and whether the walk stops there."""
    words = lexicon.markers
    head, dep = node.head, node.dep_
    if dep in STOP_DEPS:
        return [], True
    if (reported := _report_noun(node, lexicon)) is not None:
        # "examining reports that [X]": unconfirmed; "fears that [X]": hedged, and the walk
        # goes on ("officials said there were fears that ...")
        kind = "hedged" if lexicon.lemma(reported) in lexicon.hedge_nouns else "unconfirmed"
        return [_token_marker(kind, reported)], kind == "unconfirmed"
    if dep in ("acl", "relcl") and headline_event(head) == node:
        return [], True  # "Apple to [lower] prices": a headline's infinitive is its future
    if dep == "acl":
        # "a plan to [attack]", "efforts to [ease]": not (yet) an event; "missiles being
        # [fired]" is as certain as the missiles
        return ([_infinitive_marker(node)], True) if _infinitive(node) else ([], False)
    if dep == "advcl":
        return _adverbial_step(node, lexicon)
    if dep == "prep" and node.lower_ in ("of", "about", "with") and head.pos_ in ("VERB", "ADJ"):
        # "suspected of [smuggling]", "charged with [spying]"
        stance = lexicon.embedding_stance(lexicon.lemma(head))
        if stance == "hedged" or stance == "unconfirmed":
            return [_token_marker(stance, head)], stance == "unconfirmed"
        return [], False
    if dep in ("pcomp", "pobj"):
        if head.lower_ in words.negating_prepositions:
            return [_token_marker(NEGATION, head)], False  # "without [entering]"
        if dep == "pcomp" and head.lower_ in words.presupposed_prepositions:
            return [], True  # "after [launching]"
        return [], False
    if dep == "ccomp" and _wh_complement(node):
        return [], True  # "it was not clear who [carried out] the attack": the attack happened
    if dep in COMPLEMENT_DEPS:
        lemma = lexicon.lemma(head)
        if _is_passive(head) and lemma in lexicon.hedged_passives:
            return [_token_marker("hedged", head)], False  # "is said to", "is believed to"
        if dep == "ccomp" and (mark := _mark(node)) is not None and mark.lower_ in words.condition_marks:
            return [_token_marker("unconfirmed", mark)], True  # "asked whether [...]"
        stance = lexicon.embedding_stance(lemma)
        if stance == "unconfirmed" and lemma == "go":
            stance = None  # "went on to say", and "is going to" is a plain future
        if stance == "unconfirmed" and lemma in lexicon.negated_implicatives and any(c.dep_ == "neg" for c in head.children):
            return [], False  # "was not able to [staff]": the negation on "able" denies it
        if stance == "unconfirmed":
            return [_token_marker("unconfirmed", head)], True
        if stance == "hedged":
            return [_token_marker("hedged", head)], False
        if stance == "denied":
            return [_token_marker(NEGATION, head)], False
    return [], False


def reporting_markers(cue: Token, cue_tokens: Iterable[Token], lexicon: StanceLexicon) -> list[Marker]:
    """What a reporting cue does to the content it reports: "denied", "believe", "did not confirm"."""
    tokens = list(cue_tokens) or [cue]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if _withheld(cue, lexicon):
        return [Marker("unconfirmed", start, end)]
    stance = lexicon.reporting_stance(lexicon.lemma(cue))
    if stance == "denied":
        return [Marker(NEGATION, start, end)]
    return [Marker(stance, start, end)] if stance else []


def _withheld(cue: Token, lexicon: StanceLexicon) -> bool:
    """Whether a reporting cue says its content was not (yet) said: "did not confirm",
    "declined to confirm", "is yet to confirm"."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    head = cue.head
    if cue.dep_ != "xcomp" or head.i == cue.i:
        return False
    return lexicon.embedding_stance(lexicon.lemma(head)) == "denied" or any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lexicon.markers.pending) for c in head.children
    )


def governs(phrase: CueMatch, path: set[int], event: Token, cue: Optional[Token]) -> bool:
    """Whether a lexicon phrase qualifies the event: it is (part of) the event or a word on
    its path up the parse, it modifies one of them, or it is the reporting cue."""
    anchor = phrase.anchor
    if any(phrase.start <= i < phrase.end for i in path) or anchor.i in path:
        return True
    if cue is not None and phrase.start <= cue.i < phrase.end:
        return True
    if anchor.head.i in path and anchor.dep_ in ("advmod", "aux", "auxpass", "neg", "npadvmod", "advcl", "dobj", "attr", "acomp", "prep", "mark"):
        return True
    return False


def event_stance(
    event: Token,
    lexicon: StanceLexicon,
    *,
    scope: Optional[set[int]] = None,
    cue: Optional[Token] = None,
    cue_tokens: Iterable[Token] = (),
    phrases: Iterable[CueMatch] = (),
) -> tuple[Stance, list[Marker]]:
    """The stance of ``event`` relative to its source and the markers that make it.

    ``scope`` holds the token indices of what the source says (the walk up the parse stays
    inside it); ``cue`` is the verb that reports it, if any."""
    markers: list[Marker] = []
    path = {event.i}
    node = event
    shares_head = False
    presupposed = False  # the walk stopped at a presupposed clause, below the reporting cue
    for _ in range(32):  # parses are shallow; the bound guards against cycles in odd input
        if not shares_head:
            markers.extend(own_markers(node, lexicon))
        head = node.head
        if head.i == node.i or (scope is not None and head.i not in scope):
            break
        if node.dep_ == "conj":
            shares_head = True  # "X began work and expects to ...": not the first verb's modifiers
            node = head
            path.add(node.i)
            continue
        shares_head = False
        added, stop = step_markers(node, lexicon)
        markers.extend(added)
        if stop:
            presupposed = not added
            break
        node = head
        path.add(node.i)
    if _is_question(event) and not _wh_question(event):
        markers.append(_token_marker("unconfirmed", event.sent[-1]))
    if cue is not None and not presupposed and not (node.dep_ == "ccomp" and _wh_complement(node)):
        # "Russia denied [hitting the convoy [as Kupiansk buried its drivers]]": the burial is
        # not denied
        markers.extend(reporting_markers(cue, cue_tokens, lexicon))
    governing = [Marker(p.stance, p.start, p.end) for p in phrases if governs(p, path, event, cue)]
    # a word inside a phrase counts once, as the phrase: the "not" of "does not correspond
    # with reality" is no second negation
    markers = [m for m in markers if not any(g.start <= m.start and m.end <= g.end for g in governing)] + governing
    return decide(markers), _deciding(markers)


def _wh_question(event: Token) -> bool:
    """"Who fired the missile?", "How many people died?": a wh-question about a past event
    presupposes it (only the participant or amount is asked); a yes/no question, or one about
    the present or future ("What do you eat?"), does not."""
    first = next((t for t in event.sent if not t.is_punct and not t.is_space), None)
    if first is None or first.tag_ not in WH_TAGS or first.lower_ in ("whether", "if"):
        return False
    return event.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in event.children)


def _is_question(event: Token) -> bool:
    start, end = sentence_bounds(event.doc)[event.i]
    texts = token_texts(event.doc)  # words from the Doc's array: no Token built per word
    last = next((texts[i] for i in range(end - 1, start - 1, -1) if not texts[i].isspace() and texts[i] not in "\"'”’»)"), None)
    return last == "?"


def decide(markers: list[Marker]) -> Stance:
    """Unconfirmed beats hedged beats denied (an odd number of negations); an obligation is
    unconfirmed unless negated. A plain future ("will attack") is what the source commits to,
    as FactBank and MEANTIME annotate it: asserted, or denied when negated."""
    kinds = [m.kind for m in markers]
    if "unconfirmed" in kinds:
        return "unconfirmed"
    if "hedged" in kinds:
        return "hedged"
    if (kinds.count(NEGATION) + kinds.count("denied")) % 2:
        return "denied"
    if OBLIGATION in kinds:
        return "unconfirmed"
    return "asserted"


def _deciding(markers: list[Marker]) -> list[Marker]:
    """The markers behind the decided stance, in text order, each once."""
    stance = decide(markers)
    wanted = {
        "unconfirmed": {"unconfirmed"} if any(m.kind == "unconfirmed" for m in markers) else {OBLIGATION},
        "hedged": {"hedged"},
        "denied": {NEGATION, "denied"},
        "asserted": set(),
    }[stance]
    seen, kept = set(), []
    for marker in sorted(markers, key=lambda m: (m.start, m.end)):
        if marker.kind in wanted and (marker.start, marker.end) not in seen:
            seen.add((marker.start, marker.end))
            kept.append(marker)
    # a marker inside a longer one ("not" in "could not be verified") is shown once, as the longer
    return [m for m in kept if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in kept)]
