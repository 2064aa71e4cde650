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
   point out"). A dateline subject is none ("MOSCOW, March 3 (Reuters) - Russia said"); a
   participle cue the parse hung in a reported clause takes the reporting verb's subject
   ("said two people were killed ..., adding that": ``participle_reporter``, the caller's
   speaking verb); a cue with no subject at all takes the
   apposition right before it ("..., the head of the administration, Oleh Synehubov, said");
   a rank the parser cut off as a sentence stays with the name ("Lt. Gen. | Yevhen Moisiuk").
2. ``source_of_phrase``: the object of "according to X".
3. ``attribution.dash_attributions`` and ``attribution.speaker_label_attributions``: the name
   after a dash that signs a quotation ("“...” ― Jane Doe") or before a colon that opens a
   line ("PENCE: ...").
4. ``inherited_speaker``: a quotation with no cue of its own (a floating quote in the next
   sentence or paragraph) takes the speaker of the closest attributed quote before it, at
   most ``INHERIT_PARAGRAPHS`` paragraphs back.

The rules (and the learned tagger's linking, ``learned``) only *propose*: each attribution
carries ``SpeakerCandidate``s (a mention and the name of the rule that found it). One function,
``decide_speaker``, picks the mention, in order: candidates by rank; a mention inside markup
left in the text, outside the article body, or on another line than its cue is no speaker,
nor is a colon label the places component resolved ("Mali: Soldiers killed", ``names_a_place``);
a mention is cut where the agency dateline opening its line ends ("GOMA, Congo (Reuters) - M23
rebels" -> "M23 rebels"), and is none when it is all dateline;
a mention that is part of a speaker named in a relative clause ("an Irpin resident who gave
his name only as Andriy") is widened to the whole phrase (``naming_clause``); the resolver
then takes the name from the clause and the role from the noun ("Irpin resident"). The
``SpeakerDecision`` records the rule that decided (``Attribution.decision.rule``, and a DEBUG
line of the ``conflictnlp.quotes.speakers`` logger). Nothing else sets a speaker mention.

The canonical name and role behind a mention ("he" -> "Petro Andryushchenko") are decided
below, by ``SpeakerResolver``: our own coreference, since coreferee cannot load its model
offline and speakers need only a narrow kind of it.

* **Name variants.** Every person the NER finds in the article body is filed under its
  surname (last token, honorifics such as "Mr." dropped). A mention's canonical name is the
  longest name filed under its surname anywhere in the body: "Peskov" and "Mr. Peskov" become
  "Dmitry Peskov", even when the full name only comes later.
* **Pronouns.** "he"/"she" go to the closest person before them not known to be of the other
  gender (known from honorifics, role nouns such as "spokeswoman", East Slavic surname
  endings such as "-ov"/"-ova", or an earlier pronoun).
  "it"/"they" go to the closest organisation speaker, or the organisation that is the subject
  of the sentence before, never to a place. Confidence falls with distance. A one-word
  PERSON entity the places component resolved is a place ("adding that Kyiv had lost ..."),
  unless a title precedes it. With no person before it, "he"/"she" takes a lone surname the
  NER took for an organisation ("Kadyrov said ... he said"), never a known actor.
* **Organisations and metonyms** ("the Kremlin", "Ukraine's military", "Kyiv") are their own
  name, without a leading article; one named after a description ("Russian news agency
  Tass") is the name, with the description as role; common nouns ("a source", "the regional
  governor") have no name, only a role.
* **Relative pronouns** ("a spokesman who said") are the noun they refer to.

Roles come from ``roles.role_of`` and are cleaned by ``roles.clean_role``; a person's role
found at one mention ("Kremlin spokesman Dmitry Peskov") is kept for its other mentions
("Peskov said").
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text, entities_in, sentence_bounds
from ..places.actors import find_actor
from ..reading.boilerplate import line_dateline_end
from .cues import CueLexicon
from .roles import clean_role, core_text, role_of

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
FINITE_TAGS = frozenset(("VBZ", "VBD", "VBP"))
WH_TAGS = frozenset(("WDT", "WP", "WRB"))
NOUN_PHRASE_POS = {"PROPN", "NOUN", "ADJ", "DET", "NUM"}
# how far back (in paragraphs) a floating quote may look for its speaker
INHERIT_PARAGRAPHS = 2
# a speaker signing a quotation after its closing comma: '"...," Gene Sperling, an adviser, said'
CLOSING_QUOTES = frozenset(("”", '"', "''"))
SIGNATURE_WORDS = 20
SIGNATURE_POS = frozenset(("ADP", "CCONJ", "PART"))
SIGNATURE_PUNCT = frozenset((",", "-", ".", "(", ")"))

log = logging.getLogger(__name__)
Offsets = tuple[int, int]


@dataclass(frozen=True)
class SpeakerCandidate:
    """A speaker mention a rule proposes for an attribution; ``rank``: lower is tried first."""

    mention: Span
    rule: str
    rank: float = 0.0


@dataclass(frozen=True)
class SpeakerDecision:
    """The speaker mention ``decide_speaker`` picked (None: nobody) and the rule that decided."""

    mention: Optional[Span]
    rule: str


@dataclass(frozen=True)
class SpeakerContext:
    """What the speaker decision needs to know of the article: the body, the markup tags left
    in the text, the lexicon's naming-clause pattern."""

    bounds: Offsets
    markup: Sequence[Offsets] = ()
    naming: Optional[re.Pattern] = None


def _same_line(mention: Span, anchor: Token) -> bool:
    text = doc_text(anchor.doc)
    start = text.rfind("\n", 0, anchor.idx) + 1
    end = text.find("\n", anchor.idx)
    end = len(text) if end < 0 else end
    return all(start <= t.idx < end for t in mention)


# rules that propose the name of a "Name: statement" label as the speaker
LABEL_RULES = frozenset(("speaker-label", "quoted-label", "trailing-label"))


def names_a_place(mention: Span) -> bool:
    """Whether the places component resolved ``mention`` as a place ("Mali", "Goma"): a colon
    label naming one is a headline's place ("Mali: Soldiers killed near Gao"), never a speaker.
    A word the article uses as a surname ("Michael Jordan ... Jordan:") stays a name; the small
    model's PERSON tag on a place ("Mali") does not."""
    doc = mention.doc
    if "conflict_locations" not in doc.spans:
        return False
    if any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == mention.text for ent in doc.ents):
        return False
    return any(
        s.start_char == mention.start_char and s.end_char == mention.end_char and s.label_ != "place"
        for s in doc.spans["conflict_locations"]
    )


def decide_speaker(candidates: Iterable[SpeakerCandidate], context: SpeakerContext, anchor: Optional[Token] = None) -> SpeakerDecision:
    """The one place a speaker mention is decided (see the module doc): the best-ranked
    candidate that survives the clips, widened to its naming clause. ``anchor`` is the cue's
    token where the speaker must stand on the cue's line."""
    lo, hi = context.bounds
    rule = "none"
    for candidate in sorted(candidates, key=lambda c: c.rank):
        mention = candidate.mention
        if any(s <= mention.start_char < e for s, e in context.markup):
            rule = f"{candidate.rule}:in-markup"
        elif not (lo <= mention.start_char and mention.end_char <= hi):
            rule = f"{candidate.rule}:outside-body"
        elif anchor is not None and not _same_line(mention, anchor):
            rule = f"{candidate.rule}:other-line"
        elif candidate.rule in LABEL_RULES and names_a_place(mention):
            rule = f"{candidate.rule}:place"
        elif (past := _past_dateline(mention)) is None:
            rule = f"{candidate.rule}:in-dateline"
        else:
            mention = past
            rule = candidate.rule
            clause = naming_clause(mention, context.naming)
            if clause is not None:
                mention, rule = clause.mention, f"{rule}+naming-clause"
            log.debug("speaker %r at %d decided by %s", mention.text, mention.start_char, rule)
            return SpeakerDecision(mention, rule)
    return SpeakerDecision(None, rule)


def dateline_end(token: Token) -> int:
    """Where the agency dateline that opens ``token``'s line ends ("GOMA, Congo (Reuters) - "),
    or where the line starts when it opens with none."""
    return line_dateline_end(doc_text(token.doc), token.idx)


def _past_dateline(mention: Span) -> Optional[Span]:
    """The mention without the dateline it starts in ("MOSCOW, March 3 (Reuters) - Russia" ->
    "Russia"), or None when it is all dateline: a dateline says where a report was filed,
    never who speaks."""
    if not len(mention):
        return mention
    end = dateline_end(mention[0])
    if end <= mention.start_char:
        return mention
    rest = [t for t in mention if t.idx >= end and not t.is_punct and not t.is_space]
    return mention.doc[rest[0].i : mention.end] if rest else None


def _after_cut_title(doc: Doc, start: int) -> int:
    """Where a name phrase starting a sentence really starts: at the rank the parser cut off
    as a sentence of its own ("Lt. Gen. | Yevhen Moisiuk said", "Brig. | Gen. Oleksiy Hromov
    told"): a previous sentence on the same line made only of capitalised abbreviations."""
    if start == 0 or not doc[start].is_sent_start or not doc[start - 1].whitespace_.strip(" ") == "":
        return start
    first = doc[start - 1].sent.start
    words = 0
    for t in doc[first:start]:  # stops at the first word that is no abbreviation
        if t.text == ".":
            continue
        if not (
            t.text.rstrip(".").isalpha() and t.text[:1].isupper() and len(t.text.rstrip(".")) <= 5
            and (t.text.endswith(".") or (t.i + 1 < start and doc[t.i + 1].text == "."))
        ):
            return start
        words += 1
    return first if words else start


def _appositive_before(verb: Token) -> Optional[Span]:
    """The appositive right before a cue verb that the parse left without a subject, hanging
    it on the last noun of the content or of an opening phrase instead: "killed a child and at
    least seven other people, the head of the regional administration, Oleh Synehubov, said"
    (a role stops at a list); "In a call on Dec. 2, Col. Steven Warren, a military spokesman in
    Baghdad, said" (the name hangs on "Dec.", its own apposition on the name; a finite cue
    only: the apposition before a participle is the description of another speaker's name)."""
    doc = verb.doc
    last = verb.i - 1
    while last >= 0 and (doc[last].text == "," or doc[last].dep_ == "advmod" and doc[last].head.i == verb.i and not doc[last].is_punct and last < verb.i - 1):
        last -= 1
    if last < 0 or last == verb.i - 1 or doc[last].sent != verb.sent:
        return None  # the phrase is set off by a comma from its cue
    # the outermost apposition that ends right before the cue
    node, top = doc[last], None
    while node.right_edge.i == last and node.head.i != node.i and node.head.i != verb.i and (node.i == last or node.dep_ == "appos" or verb.tag_ in FINITE_TAGS):
        if node.dep_ == "appos" and node.head.i < node.i:
            top = node
        node = node.head
    if top is None or doc[top.left_edge.i - 1].text != ",":
        return None
    return doc[top.left_edge.i : last + 1]


def _signature_after_quotation(verb: Token) -> Optional[Span]:
    """The words between a quotation's closing comma and a cue verb the parse left without a
    subject, when no verb stands between: '"...," Gene Sperling, a top outside adviser, said'
    (the parse took the name into the quoted clause)."""
    doc = verb.doc
    end = verb.i
    while end > 0 and doc[end - 1].text == ",":
        end -= 1
    start = end
    while start > 0 and end - start <= SIGNATURE_WORDS:
        word = doc[start - 1]
        if word.text in CLOSING_QUOTES or word.text == "," and start > 1 and doc[start - 2].text in CLOSING_QUOTES:
            break
        if word.is_punct and word.text not in SIGNATURE_PUNCT or not (word.is_punct or _nominal(word) or word.pos_ in SIGNATURE_POS):
            return None
        start -= 1
    else:
        return None
    closing = doc[start - 1] if doc[start - 1].text in CLOSING_QUOTES else doc[start - 2]
    if start == end or closing.i == 0 or not (doc[closing.i - 1].text == "," or doc[closing.i + 1].text == ","):
        return None
    if "\n" in doc[closing.i : verb.i].text or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[start:end]):
        return None
    return doc[start:end]


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
    # "An Israeli official, speaking on condition of anonymity, said": a participle set off
    # after the noun says how or where the speaker spoke, and is no part of the mention
    participle = next((c for c in token.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.i > token.i and doc[c.left_edge.i - 1].text == ","), None)
    if participle is not None:
        end = min(end, participle.left_edge.i - 1)
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # a name the parse cut ("Mr. al-Tayeb" parsed as "Mr. al" + "-Tayeb") is taken whole
    if end < len(doc) and doc[end - 1].ent_iob_ in ("B", "I") and doc[end].ent_iob_ == "I" and doc[end].i != head.i:
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].i != head.i:
            end += 1
    # ... also where the NER missed it: a hyphen joins on without a space ("Mr. al" "-Tayeb")
    while end < len(doc) and doc[end].i != head.i and not doc[end - 1].whitespace_ and (doc[end].text.startswith("-") or doc[end - 1].text == "-") and doc[end].text[-1:].isalnum():
        end += 1
    # "wounding a child and at least seven other people, the head of the regional
    # administration, said": the counted last item of a list is no speaker, its apposition is
    # (a role stops at a list); "Two officials, X and Y, said" stays whole
    appos = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i), None)
    if (
        appos is not None
        and doc[appos.left_edge.i - 1].text == ","
        and any(c.dep_ == "nummod" or c.ent_type_ == "CARDINAL" for c in token.children)
        and token.left_edge.i > 0
        and doc[token.left_edge.i - 1].lower_ in ("and", "or", ",")
    ):
        start = appos.left_edge.i
    return doc[_after_cut_title(doc, start) : end]


# verbs by which an outlet passes on someone's words: "X was quoted by TASS as saying",
# "Interfax cited X as saying"; the one quoted speaks, the outlet is `via`
QUOTING_VERBS = frozenset(("quote", "cite"))


def quoted_as_saying(verb: Token) -> Optional[Token]:
    """The one quoted when ``verb`` is the participle of "quoted/cited X as saying" (active:
    the object; passive: the subject), else None."""
    preposition = verb.head
    if not (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and preposition.lower_ == "as"):
        return None
    quoting = preposition.head
    if quoting.lemma_.lower() not in QUOTING_VERBS:
        return None
    return next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")), None)


def _with_named_subject(subject: Token) -> Span:
    """The subject's noun phrase, running on over a name the parse made a second subject right
    after it: "the UN refugee agency UNHCR warned" is one speaker (UNHCR, the UN refugee
    agency), not "the UN refugee agency"; so is "A driver who survived the attack, Serhiy
    Bondar, 52, described"."""
    phrase = _np(subject)
    doc = subject.doc
    second = next((c for c in subject.head.children if c.dep_ in SUBJECTS and c.i > subject.i), None)
    if second is None or second.pos_ != "PROPN":
        return phrase
    if second.left_edge.i == phrase.end:
        return doc[phrase.start : _np(second).end]
    # "A driver who survived the attack, Serhiy Bondar, 52, described ...": a person's name
    # set off by a comma after a description of one person
    if (
        second.left_edge.i == phrase.end + 1
        and doc[phrase.end].text == ","
        and subject.pos_ == "NOUN"
        and subject.tag_ == "NN"
        and second.ent_type_ == "PERSON"
    ):
        return doc[phrase.start : _np(second).end]
    return phrase


def source_of_verb(verb: Token, quoted: Optional[list[bool]] = None, speaking_nouns: frozenset[str] = frozenset()) -> Optional[Span]:
    """The speaker mention of a cue verb, or None (agentless passives, imperatives).

    ``speaking_nouns`` are the nouns that speak through a participle hung on them ("a group
    backing Bush", "polls showing ...", "a statement announcing ...";
    ``CueLexicon.participle_sources``); an organisation's name does too.

    ``quoted`` marks characters inside quotation marks: a cue outside a quotation never takes
    its subject from inside one (a misparse of ``"We will win," Chief Jordan said``); the noun
    phrase right next to the cue is taken instead."""
    current = verb
    for _ in range(4):  # climb a short chain of coordinated or participial verbs
        # "MOSCOW, March 3 (Reuters) - Russia said": the dateline the parse made a subject is none
        subject = _nearest_subject([c for c in current.children if c.dep_ in SUBJECTS and c.idx >= dateline_end(c)], current)
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
            return _with_named_subject(subject)
        if current.dep_ == "relcl":
            return _np(current.head)
        if current.i == verb.i and (by := _agent_of(verb)) is not None:
            return _np(by)  # "Asked by Stephanopoulos to respond", "As reported by the Post"
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.i < current.i and (current.head.lemma_.lower() in speaking_nouns or current.head.ent_type_ == "ORG"):
            return _before_participle(current)  # "groups supporting Cruz", "polls showing ..."
        if (quoted_one := quoted_as_saying(current)) is not None:
            return _np(quoted_one)  # "TASS quoted Lavrov as saying": Lavrov, via TASS
        infinitive = current.dep_ in ("xcomp", "advcl") and current.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "Russia pulled back after saying ...": Russia said
            continue
        if current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.dep_ == "prep" and _modifies_verb(current.head.head):
            # "Trump stopped short of calling ...", "X was quick in denouncing ...": the verb's own
            # subject, none further up ("encourages people to be reluctant in identifying")
            governor = current.head.head.head
            subject = _nearest_subject([c for c in governor.children if c.dep_ == "nsubj"], governor)
            return _with_named_subject(subject) if subject is not None and subject.tag_ not in WH_TAGS and subject.lower_ != "that" else None
        if current.dep_ == "conj" or infinitive or (current.dep_ in ("advcl", "xcomp", "acl") and current.tag_ == "VBG"):
            if current.dep_ == "conj" and (adjacent := _adjacent_noun_phrase(verb)) is not None:
                return adjacent
            current = current.head
            continue
        break
    return _adjacent_noun_phrase(verb) or _signature_after_quotation(verb) or _appositive_before(verb) or _across_abbreviation(verb)


def _modifies_verb(word: Token) -> bool:
    """Whether ``word`` is an adjective or adverb completing a verb ("stopped [short] of",
    "was [quick] in"), through which a participle under a preposition takes the verb's subject."""
    return word.pos_ in ("ADJ", "ADV") and word.dep_ in ("acomp", "advmod") and word.head.i != word.i and word.head.pos_ in ("VERB", "AUX")


def _nearest_subject(subjects: list[Token], verb: Token) -> Optional[Token]:
    """The subject of a verb the parse gave two: the first, unless a later one before the verb
    stands apart from the first one's phrase, which is then the speaker: "An argument between
    those who fear ... (''This is ...,'' Monica Crowley wrote)", "The general stumped for
    Clinton ..., and the campaign has touted" (train-400: 35 gold cues found with two subjects;
    asking for a verb between the two, to keep lists whole, scored lower on train and dev).
    A name right after the first ("the UN refugee agency UNHCR") joins it
    (``_with_named_subject``)."""
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    first, last = subjects[0], max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
    end = _with_named_subject(first).end
    if last == first or end > last.left_edge.i:
        return first
    if last.ent_type_ in ("GPE", "LOC") and all(t.is_punct for t in verb.doc[end : last.left_edge.i]):
        return first  # "Officials, Kyiv said": a place set off by a comma is no second speaker
    return last


def _agent_of(verb: Token) -> Optional[Token]:
    """The noun of a "by" agent on a passive participle with no subject ("Asked by X", "As
    reported by X"), or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None and verb.tag_ == "VBN" else None


def _before_participle(participle: Token) -> Span:
    """The noun phrase a participle of saying hangs from, up to the participle: "[an outside
    group] backing Rubio", "[polls] showing her behind" (PolNeAR train-400: the noun is the
    gold source of 27 such cues the rules found with no speaker; any noun there gave dev more
    false sources than right ones, hence ``speaking_nouns``)."""
    phrase = _np(participle.head)
    end = max(phrase.start, min(phrase.end, participle.left_edge.i))
    while end > phrase.start and phrase.doc[end - 1].is_punct:
        end -= 1
    return phrase.doc[phrase.start : end]


SPEAKING_TO = frozenset({"i", "you", "we"})  # the subjects of a cue inside quoted speech


def set_off_participle(verb: Token) -> bool:
    """Whether ``verb`` is a participle set off by a comma ("..., adding that"; "..., again
    adding"): a cue in this form is an attribution of its own, whatever clause the parse hung
    it on."""
    doc = verb.doc
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.left_edge.i > 0 and "," in (doc[verb.left_edge.i - 1].text, doc[verb.i - 1].text)


def participle_reporter(verb: Token, is_cue: Callable[[Token], bool]) -> Optional[Token]:
    """The one decision on a participle of saying set off by a comma that the parse hung on a
    reported clause ("The governor said two people were killed, adding that ..."): the verb of
    saying whose speaker it reports for (``said``), or None when ``verb`` is no such
    participle. Its speaker is that verb's subject, and it is cut from that verb's content
    (``attribution._without_participles``). A reported clause that is a report itself keeps
    it: "reported that the governor said A, adding B" (the governor added; not a cue addressed
    to "you" inside a quotation), and so does one with a clause of its own that the outer verb
    is no cue of. ``verb`` is a cue (the caller's rules say so); ``is_cue`` says whether
    another word is one (the lexicon's)."""
    if not set_off_participle(verb):
        return None
    head = verb.head
    if head.dep_ != "ccomp":
        return None
    if is_cue(head) and any(c.dep_ == "nsubj" and c.lower_ not in SPEAKING_TO for c in head.children):
        return head
    outer = head.head
    if is_cue(outer):
        return outer  # wherever the parse put the clause: '"A," he said, adding that B'
    if outer.pos_ == "VERB" and outer.i < head.i < verb.i and not any(c.dep_ == "ccomp" for c in head.children):
        return outer
    return None



def conjunct_reporter(verb: Token, lexicon: CueLexicon) -> Optional[Token]:
    """The one decision on a verb of saying with no subject of its own that the parse
    coordinated onto a verb inside another cue's reported clause ("The governor said two
    people were killed [and added] that ...", "Rajoy said that he will try ... [and insisted]
    that ..."): the outer cue verb, whose subject speaks both, or None. Only a verb of saying
    with a clause or a quotation of its own and the outer verb's tense: PolNeAR train-400
    splits "and added", "and insisted that", "and questioned how" off the first content, but
    keeps attitudes and objects in it ("said she was elated but still feared the military",
    "and cited the decision", "and wanted a candidate"). Not where the clause's own verb has a
    noun subject in the same tense, which may be the one who speaks ("Broaddrick said Clinton
    approached her and said ..."), nor in a question ("asked why they disliked her and
    thought ...")."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    kinds = lexicon.kinds(verb.lemma_)
    if "clause" not in kinds or "belief" in kinds or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    outer = clause.head
    if clause.dep_ != "ccomp" or not outer.i < clause.i < verb.i or outer.tag_ != verb.tag_ or not lexicon.is_cue(outer):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ not in SPEAKING_TO for c in outer.children):
        return None
    if any(c.tag_ in WH_TAGS for c in clause.children):
        return None
    if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children) and _tense(clause) == verb.tag_:
        return None  # unless the tenses part them: "says the strike hit a depot and denies that ..."
    return outer


def _tense(verb: Token) -> str:
    """The tag of a clause's finite word: its first auxiliary, else the verb."""
    return next((c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb.tag_)

def without_medium(mention: Span, verb: Token, stops: frozenset[str]) -> Span:
    """A speaker after its cue without the medium or day the parse hung on it: "said the
    ministry [in a statement]", "said Oleksiy Danilov [in an interview on Monday]" (``stops``:
    "preposition noun" lemma pairs, the lexicon's ``not_in_speaker``)."""
    if mention.start <= verb.i:
        return mention
    for token in mention:
        if token.dep_ != "prep" or token.i == mention.start or token.head not in mention:
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is not None and (f"{token.lower_} {obj.lemma_.lower()}" in stops or obj.ent_type_ in ("DATE", "TIME")):
            end = token.i
            while end > mention.start and mention.doc[end - 1].is_punct:
                end -= 1
            return mention.doc[mention.start : end] if end > mention.start else mention
    return mention


# abbreviations that end a name and that the parser may take for a sentence's end
NAME_ABBREVIATIONS = {"co.", "corp.", "inc.", "ltd.", "plc.", "llc.", "bros.", "jr.", "sr.", "cos.", "s.a.", "n.v.", "ag."}


def _across_abbreviation(verb: Token) -> Optional[Span]:
    """The subject a bad sentence boundary cut off: "Tony Lama Co. | said that ...", where the
    parser ended a sentence at the abbreviation; the name runs back from it over capitalised
    words of that sentence."""
    doc = verb.doc
    first = verb.sent.start if doc.has_annotation("SENT_START") else 0
    if any(not (t.pos_ in ("ADV", "AUX", "PART") or t.dep_ in ("aux", "neg", "advmod")) for t in doc[first : verb.i]) or first == 0:
        return None
    last = doc[first - 1]
    if last.lower_ not in NAME_ABBREVIATIONS:
        return None
    start = last.i
    while start - 1 >= 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_end and doc[start - 1].sent == last.sent:
        start -= 1
    return doc[start : last.i + 1] if start < last.i else None


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
    if pobj is None:
        return None
    phrase = _np(pobj)
    # "according to Ukrainian officials – an attack that Moscow denied": what follows a dash
    # there is about the report, not the source
    dash = next((t.i for t in phrase if t.i > pobj.i and t.text in ("–", "—", "--")), None)
    if dash is not None:
        phrase = phrase.doc[phrase.start : dash]
        while len(phrase) > 1 and (phrase[-1].is_space or phrase[-1].is_punct):
            phrase = phrase[:-1]
    return phrase


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


def introducing_speaker(doc: Doc, start: int) -> Optional[Span]:
    """The person a paragraph hands the quotation that opens the next one: the subject of the
    paragraph's last sentence when it names a person ("A driver who survived the attack,
    Serhiy Bondar, 52, described the first moments." / "'We heard the drone ...'"), else None."""
    text = doc_text(doc)
    before = text[:start].rstrip(" \u00a0\t")
    # a paragraph ending in a colon ("Sanders made the following comment:") is a colon cue's
    # business (the cue lexicon's colon frames), not this rule's
    if not before.endswith("\n") or not before.rstrip().endswith("."):
        return None
    last = doc.char_span(len(before.rstrip()) - 1, len(before.rstrip()), alignment_mode="expand")
    if last is None:
        return None
    root = last[0].sent.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or root.pos_ != "VERB":
        return None
    mention = _with_named_subject(subject)
    return mention if any(ent.label_ == "PERSON" for ent in entities_in(mention)) else None


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
    sent, matches = _naming_matches(doc, pattern, mention.start)
    for who_start, name_start, name_end in matches:
        who = doc.char_span(who_start, who_start + 3)
        name = doc.char_span(name_start, name_end, alignment_mode="expand")
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


def _naming_matches(doc: Doc, pattern: re.Pattern, i: int) -> tuple[Span, list[tuple[int, int, int]]]:
    """Token ``i``'s sentence and the character offsets (start, name start, name end) of the
    naming-clause pattern's matches in it, kept per sentence: every speaker mention asks, and
    most sentences hold several mentions and no match."""
    if _naming_cache[0] is not doc or _naming_cache[1] is not pattern:
        _naming_cache[:] = [doc, pattern, doc.has_annotation("SENT_START"), {}]
    by_sentence: dict[int, tuple[Span, list[tuple[int, int, int]]]] = _naming_cache[3]
    start, end = sentence_bounds(doc)[i] if _naming_cache[2] else (0, len(doc))  # no parser: the Doc
    if start not in by_sentence:
        sent = doc[start:end]
        # the sentence's text cut from the Doc's (Span.text builds it from every token)
        offset = sent.start_char
        by_sentence[start] = (sent, [
            (offset + m.start(), offset + m.start("name"), offset + m.end("name"))
            for m in pattern.finditer(doc_text(doc)[offset : sent.end_char])
        ])
    return by_sentence[start]


_naming_cache: list = [None, None, False, {}]


# --- from a mention to a canonical name and role ---------------------------------------

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "sgt",
    "adm", "sen", "rep", "gov", "pres", "rev", "sir", "lord", "dame", "president", "senator",
    "governor", "general", "minister", "mayor",
}
# honorifics that are part of a name's form; ranks and titles ("Gen.", "Mayor") are roles
NAME_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
FIRST_PERSON = {"i", "we", "me", "us"}
RELATIVE = {"who", "which", "that", "whom"}
GROUP_LABELS = {"ORG", "GPE", "NORP", "FAC"}
OWNER_PRONOUNS = {"its", "their"}  # "Its director, Yulia Marchenko": the organisation's director
# "it" looks for an organisation as the subject of this many sentences before it
GROUP_PRONOUN_SENTENCES = 2


@dataclass
class Speaker:
    """Who a mention refers to."""

    name: Optional[str]
    role: Optional[str]
    confidence: float
    is_person: bool
    plural: bool = False  # "Ukrainian officials", "they": never what "it" refers to


NAME_PARTICLES = {"de", "van", "von", "der", "bin", "al", "la", "le", "da", "di", "du", "del"}


def _name_tokens(ent: Span) -> list[Token]:
    """The name proper in a PERSON entity: without honorifics and without a role the model
    put inside the entity ("Red Cross spokesperson Ewan Watson" -> "Ewan Watson")."""
    tokens = [t for t in ent if not t.is_punct or t.text == "-"]
    lower = [i for i, t in enumerate(tokens) if t.is_lower and t.lower_ not in NAME_PARTICLES]
    if lower:
        tokens = tokens[lower[-1] + 1 :]
    while tokens and tokens[0].lower_.rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if tokens and ent.label_ == "PERSON":
        # a first name the NER left out ("Oleksandr" tagged ORG before "Prokudin")
        doc = ent.doc
        before = tokens[0].i - 1
        while (
            before >= 0
            and before >= tokens[0].i - 2
            and doc[before].pos_ == "PROPN"
            and doc[before].dep_ == "compound"
            and doc[before].head.i in {t.i for t in tokens}
            and doc[before].text[:1].isupper()
            and doc[before].lower_.rstrip(".") not in HONORIFICS
            and doc[before].ent_type_ in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART")  # a name to the NER, not a title
        ):
            tokens.insert(0, doc[before])
            before -= 1
    return tokens


def _noun_before(pronoun: Token) -> Optional[Token]:
    """The noun a relative pronoun the parse left unattached refers to: the closest noun or
    name before it in its sentence, past a comma ("Petrenko, who ...")."""
    for token in reversed(list(pronoun.doc[pronoun.sent.start : pronoun.i])):
        if token.pos_ in ("NOUN", "PROPN"):
            return token
        if not (token.is_punct or token.pos_ in ("ADJ", "DET")):
            return None
    return None


def _name_text(tokens: list[Token]) -> str:
    """A name as written: "Mohamed al-Tayeb", not "Mohamed al - Tayeb"."""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""


def _in_modifier(token: Token, root: Token) -> bool:
    """Whether ``token`` hangs from ``root`` through a preposition ("an ally [of Putin]")."""
    node = token
    for _ in range(16):
        if node.i == root.i or node.head.i == node.i:
            return False
        if node.dep_ == "appos":
            return False  # "an aide to Mr. Putin, [Dmitry Peskov]": the aide, however it is parsed
        if node.dep_ in ("pobj", "prep", "poss"):
            return True
        node = node.head
    return False


def _gender(tokens: Iterable[Token], lexicon: Optional[CueLexicon]) -> Optional[str]:
    """"m" or "f" when a word of the lexicon's gendered words is among ``tokens``."""
    return _words_gender((token.lower_ for token in tokens), lexicon)


def _words_gender(words: Iterable[str], lexicon: Optional[CueLexicon]) -> Optional[str]:
    """"m" or "f" for the first of ``words`` (lower case) that the lexicon gives a gender."""
    if lexicon is None:
        return None
    for word in words:
        word = word.rstrip(".")
        if word in lexicon.male_words:
            return "m"
        if word in lexicon.female_words:
            return "f"
    return None


def _surname_gender(surname: str, lexicon: Optional[CueLexicon]) -> Optional[str]:
    """The gender an East Slavic surname's ending tells ("Reznikov", "Reznikova"), if any."""
    if lexicon is None:
        return None
    word = surname.lower()
    if any(word.endswith(e) for e in lexicon.female_surname_endings):
        return "f"
    if any(word.endswith(e) for e in lexicon.male_surname_endings):
        return "m"
    return None


def _around(ent: Span) -> list[Token]:
    """The words describing a person named by ``ent``: its phrase, and the noun it is in
    apposition to or that is in apposition to it ("the army spokeswoman, Natalia Humeniuk")."""
    root = ent.root
    words = list(root.doc[root.left_edge.i : root.right_edge.i + 1])
    if root.dep_ == "appos":
        head = root.head
        words += [t for t in head.doc[head.left_edge.i : head.i + 1]]
    return words


PLACE_LABELS = {"GPE", "LOC", "FAC"}
# a word after a name that shows it is no person: "Kyiv itself was quiet"
NOT_PERSON_AFTER = {"itself", "its"}


def _a_place(ent: Span, places: set[str], located: frozenset[str] = frozenset()) -> bool:
    """Whether a name the NER took for a person is a place: the article names it as a place
    elsewhere, or calls it "itself" ("Kyiv itself"), or the places component resolved it
    ("adding that Kyiv had lost ...", "troops near Khan Younis") with no title before it
    ("Mr. Jordan"). A pronoun never resolves to it, and it names no speaker ("the mayor of
    Kherson, Roman Mrochko" is Mrochko)."""
    doc = ent.doc
    if ent.text in places or (ent.end < len(doc) and doc[ent.end].lower_ in NOT_PERSON_AFTER):
        return True
    titled = ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS
    return ent.text in located and not titled


def _conjuncts(mention: Span) -> list[Token]:
    """The conjuncts of the mention's head inside it, down the parse's chain: "The United
    States, Britain and France" hangs France on Britain."""
    found: list[Token] = []
    todo = [mention.root]
    while todo:
        token = todo.pop()
        for conj in (c for c in token.children if c.dep_ == "conj" and mention.start <= c.i < mention.end):
            found.append(conj)
            todo.append(conj)
    return sorted(found, key=lambda t: t.i)


def _trailing_name(mention: Span) -> Optional[Span]:
    """The name set off by a comma at the end of a mention that describes before it: "the
    mayor of Kherson, Roman Mrochko", "The U.N. agency for Palestinian refugees, UNRWA". One
    to four capitalised proper nouns (name particles and hyphens inside), the parse's
    apposition of some noun of the description."""
    doc = mention.doc
    end = mention.end
    while end > mention.start and doc[end - 1].is_punct:
        end -= 1
    start = end
    while start > mention.start and doc[start - 1].text != ",":
        start -= 1
    if start <= mention.start + 1 or start == end or mention.root.i >= start:
        return None
    run = doc[start:end]
    words = [t for t in run if t.text != "-" and t.lower_ not in NAME_PARTICLES]
    if not 1 <= len(words) <= 4 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in words):
        return None
    if not any(t.dep_ == "appos" for t in run):
        return None
    while len(run) > 1 and run[0].lower_.rstrip(".") in HONORIFICS:
        run = run[1:]  # "..., Lt. Col. Richard Hecht"
    return run


class SpeakerResolver:
    """Resolves speaker mentions of one article; call ``resolve`` in text order."""

    def __init__(
        self,
        doc: Doc,
        bounds: tuple[int, int],
        quoted: Optional[list[bool]] = None,
        lexicon: Optional[CueLexicon] = None,
    ):
        """``quoted`` marks the characters inside quotation marks: people named in quoted
        speech are not antecedents of the pronouns around it. From the cue ``lexicon``: the
        organisation words that keep organisations the NER missed from passing for people's
        names, the pattern of "a resident who gave her name only as Lila", gendered words."""
        self.doc = doc
        self.lexicon = lexicon
        self.named_in_clause = lexicon.named_in_clause if lexicon is not None else None
        self.organisation_words = lexicon.organisation_words if lexicon is not None else frozenset()
        lo, hi = bounds
        self.full_names: dict[str, str] = {}  # surname -> longest full name
        self.roles: dict[str, str] = {}  # canonical name -> role
        self.gender: dict[str, str] = {}
        self.persons: list[tuple[int, str]] = []  # (offset, canonical name) of person mentions
        ents = doc.ents  # spaCy builds the tuple on every access
        places = {ent.text for ent in ents if ent.label_ in PLACE_LABELS}
        # the places component runs before quotes; a word that is a surname elsewhere in the
        # article ("Michael Jordan ... Jordan said") stays a person
        located = frozenset(s.text for s in doc.spans["conflict_locations"]) if "conflict_locations" in doc.spans else frozenset()
        self.located = located
        surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
        self.places, self.located_not_surnames = places, located - surnames
        people = [
            ent
            for ent in ents
            if lo <= ent.start_char and ent.end_char <= hi and (ent.label_ == "PERSON" or self._named_person(ent))
            and not _a_place(ent, places, self.located_not_surnames)
        ]
        for ent in people:
            tokens = _name_tokens(ent)
            if not tokens:
                continue
            name = _name_text(tokens)
            surname = tokens[-1].lower_
            if len(name) > len(self.full_names.get(surname, "")):
                self.full_names[surname] = name
        for ent in people:
            tokens = _name_tokens(ent)
            if not tokens:
                continue
            canonical = self.full_names[tokens[-1].lower_]
            if quoted is None or not quoted[ent.start_char]:
                self.persons.append((ent.start_char, canonical))
                # a role given anywhere ("Kremlin spokesman Dmitry Peskov spoke...") serves
                # every mention of the person ("Peskov said")
                name_span = doc[tokens[0].i : tokens[-1].i + 1]
                phrase = doc[_after_cut_title(doc, name_span.root.left_edge.i) : name_span.root.right_edge.i + 1]
                ranks = lexicon.ranks if lexicon is not None else frozenset()
                role = clean_role(role_of(phrase, name_span, ranks)) if "\n" not in phrase.text else None
                if role is None and ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
                    # "the army spokeswoman, Natalia Humeniuk": the noun she is in apposition to
                    head = ent.root.head
                    role = clean_role(core_text(doc[head.left_edge.i : head.i + 1]))
                if role:
                    self.roles.setdefault(canonical, role)
            gender = _gender(doc[max(ent.start - 1, 0) : ent.start + 1], lexicon) or _gender(_around(ent), lexicon)
            gender = gender or _surname_gender(tokens[-1].text, lexicon)
            if gender:
                self.gender.setdefault(canonical, gender)
        self.history: list[tuple[int, Speaker]] = []  # resolved speakers, by offset
        self._sents: Optional[list[Span]] = None
        self._sent_starts: list[int] = []

    def _named_person(self, ent: Span) -> bool:
        """A name the NER took for something else, in apposition to a noun for a person:
        "the army spokeswoman, Natalia Humeniuk"."""
        if self.lexicon is None or ent.root.dep_ != "appos" or not 2 <= len(ent) <= 3:
            return False
        head = ent.root.head
        words = self.lexicon.person_nouns | self.lexicon.female_words | self.lexicon.male_words
        return head.pos_ == "NOUN" and head.lemma_.lower() in words and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)

    def canonical(self, surname_or_name: str) -> Optional[str]:
        """The article's full name for a name or surname, if it has one."""
        key = surname_or_name.split()[-1].lower() if surname_or_name.split() else ""
        return self.full_names.get(key)

    def _person_in(self, mention: Span) -> Optional[tuple[str, Span]]:
        # a person the mention is about, not one named in a modifier of it: "a close ally of
        # Mr. Putin, Chechen leader Ramzan Kadyrov" is Kadyrov
        people = sorted(
            (e for e in entities_in(mention) if e.label_ == "PERSON" and not _a_place(e, self.places, self.located_not_surnames)),
            key=lambda e: _in_modifier(e.root, mention.root),
        )
        for ent in people:
            tokens = _name_tokens(ent)
            if tokens:
                name = self.full_names.get(tokens[-1].lower_, _name_text(tokens))
                return name, mention.doc[tokens[0].i : tokens[-1].i + 1]
        # the small model misses some names: a proper noun that is a known surname
        for token in mention:
            if token.pos_ == "PROPN" and token.lower_ in self.full_names and token.ent_type_ not in GROUP_LABELS:
                return self.full_names[token.lower_], mention.doc[token.i : token.i + 1]
        # "the mayor of Kherson, Roman Mrochko": a name set off at the end of a description of
        # one person, whatever the NER calls it and wherever the parse hangs it
        trailing = _trailing_name(mention)
        if trailing is not None and self._unnamed_person(mention) and not self._not_a_name(trailing):
            key = trailing[-1].lower_
            self.full_names.setdefault(key, trailing.text)
            return self.full_names[key], trailing
        # ... or labels them ORG: a name-shaped run of capitalised words ending at the head
        shaped = self._name_shaped(mention)
        if shaped is not None:
            key = shaped[-1].lower_
            self.full_names.setdefault(key, shaped.text)
            return self.full_names[key], shaped
        return None

    def _name_shaped(self, mention: Span) -> Optional[Span]:
        """"Ewan Watson" in "Red Cross spokesperson Ewan Watson": two or three capitalised
        proper nouns ending at the mention's head, none an organisation word, none a place."""
        root = mention.root
        if root.pos_ != "PROPN" or not root.text[:1].isupper():
            return None  # "Russia's defence ministry" with "ministry" tagged a proper noun
        start = root.i
        while start - 1 >= mention.start and mention.doc[start - 1].pos_ == "PROPN" and mention.doc[start - 1].dep_ == "compound":
            start -= 1
        run = list(mention.doc[start : root.i + 1])
        while run and run[0].lower_.rstrip(".") in HONORIFICS:
            run = run[1:]
        if not 2 <= len(run) <= 3:
            return None
        if any(not t.text[:1].isupper() or t.text in self.organisation_words or t.ent_type_ in ("GPE", "NORP", "LOC") for t in run):
            return None
        return mention.doc[run[0].i : run[-1].i + 1]

    def _not_a_name(self, run: Span) -> bool:
        """Whether a run of capitalised words is a place or an organisation, not a person."""
        return run.text in self.located or run.text in self.places or any(
            t.text in self.organisation_words or t.ent_type_ in ("GPE", "LOC", "ORG") or t.is_upper for t in run
        )

    def resolve(self, mention: Span) -> Speaker:
        """Name, role and confidence for a speaker mention."""
        if len(mention) > 1 and mention[-1].dep_ == "case":
            mention = mention[:-1]  # "Nervo's conclusion that ...": the mention keeps its "'s", the name does not
        root = mention.root
        word = root.lower_
        if len(mention) == 1 and word in RELATIVE:
            # "soldiers who said": the soldiers; the mention stays "who", as PolNeAR marks it
            noun = root.head.head if root.head.dep_ == "relcl" else _noun_before(root)
            if noun is None:
                speaker = Speaker(name=None, role=None, confidence=0.4, is_person=word == "who")
                self.history.append((mention.start_char, speaker))
                return speaker
            mention = self.doc[noun.left_edge.i : root.i] if noun.i < root.i else self.doc[noun.i : noun.i + 1]
            mention = mention if len(mention) else self.doc[noun.i : noun.i + 1]
            root, word = mention.root, mention.root.lower_
        if len(mention) == 1 and root.pos_ == "PRON" and word in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
            speaker = self._pronoun(mention)
            if speaker.name is None and speaker.role is None and word not in FIRST_PERSON and self.lexicon is not None:
                # "Putin's armies, it claimed, ..." with nobody before who can speak: say
                # that the source is not known rather than name it "it" or guess
                speaker.role = self.lexicon.unresolved_pronoun_role
        else:
            speaker = self._named(mention)
        speaker.plural = word in ("they", "them") or (root.tag_ == "NNS" and not root.ent_type_ and not any(c.dep_ == "conj" for c in root.children))
        self.history.append((mention.start_char, speaker))
        return speaker

    def _described(self, mention: Span) -> Optional[tuple[str, str]]:
        """(name, description) for an organisation named after a description: "Russian news
        agency Tass", "state broadcaster RIA Novosti", "news agency Tass" as an apposition."""
        root = mention.root
        doc = mention.doc
        if root.pos_ == "NOUN":
            appos = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > root.i), None)
            if appos is not None:
                name = doc[appos.left_edge.i : appos.right_edge.i + 1]
                return name.text, doc[mention.start : root.i + 1].text
            named = [t for t in doc[mention.start : root.i] if t.dep_ not in ("det", "punct")]
            cut = next((i for i, t in enumerate(named) if not t.text[:1].isupper()), len(named))
            ends = all(t.is_punct for t in doc[root.i + 1 : mention.end])
            if cut and ends and self.lexicon is not None and all(t.dep_ == "compound" for t in named[:cut]):
                # "Interfax news agency" (the small model tags the name anything): the medium's
                # name, then words describing it
                described = doc[named[cut].i if cut < len(named) else root.i : root.i + 1]
                if described.text.lower() in self.lexicon.media_descriptors:
                    return doc[named[0].i : named[cut - 1].i + 1].text, described.text
            trailing = _trailing_name(mention)
            if trailing is not None and (trailing.text in self.organisation_words or any(t.ent_type_ == "ORG" or t.is_upper for t in trailing)):
                # "The U.N. agency for Palestinian refugees, UNRWA" (the parse hung the name on "refugees")
                words_before = [t for t in doc[mention.start : trailing.start] if t.dep_ not in ("det", "punct")]
                if words_before:
                    return trailing.text, doc[words_before[0].i : trailing.start].text
            after = doc[root.i + 1 : mention.end]
            if len(after) and all(t.pos_ == "PROPN" for t in after):
                # "the UN refugee agency UNHCR" (the parse made the name a second subject)
                words_before = [t for t in doc[mention.start : root.i + 1] if t.dep_ not in ("det", "punct")]
                return after.text, doc[words_before[0].i : root.i + 1].text
            return None
        if root.pos_ != "PROPN" or not root.text[:1].isupper():
            return None  # "Russia's defence ministry" with "ministry" tagged a proper noun
        start = root.i
        while start - 1 >= mention.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        description = [t for t in doc[mention.start : start] if t.dep_ not in ("det", "punct")]
        if description and description[-1].pos_ == "NOUN" and description[-1].is_lower:
            return doc[start : root.i + 1].text, doc[description[0].i : start].text
        return None

    def _named(self, mention: Span) -> Speaker:
        clause = naming_clause(mention, self.named_in_clause)
        if clause is not None:
            name = self.canonical(clause.name.text) or clause.name.text
            role = clean_role(clause.role.text)
            if role:
                self.roles.setdefault(name, role)
            self.persons.append((mention.start_char, name))
            self.persons.sort()
            return Speaker(name=name, role=role, confidence=1.0, is_person=True)
        person = self._person_in(mention)
        if person is not None:
            name, ent = person
            ranks = self.lexicon.ranks if self.lexicon is not None else frozenset()
            role = self._whose(clean_role(role_of(mention, ent, ranks)), mention) or self.roles.get(name)
            known = self.roles.get(name)
            if role and (known is None or (known != role and (known in role or known.split()[0].lower() in OWNER_PRONOUNS))):
                # "Maj. Gen." from a first mention, "ministry spokesman, Maj. Gen." from the
                # speaker's own: the fuller role serves the later mentions
                self.roles[name] = role
            gender = _gender(mention, self.lexicon)
            if gender:
                self.gender.setdefault(name, gender)
            return Speaker(name=name, role=role, confidence=1.0, is_person=True)
        described = self._described(mention)
        if described is not None:
            name, role = described
            return Speaker(name=name, role=clean_role(role), confidence=1.0, is_person=False)
        core = core_text(mention)
        named_before = self._named_before(mention, core)
        if named_before is not None:
            return named_before
        if core in self.roles:  # a person named earlier in a naming clause ("Andriy said")
            return Speaker(name=core, role=self.roles[core], confidence=1.0, is_person=True)
        if self._unnamed_person(mention):
            # "A UN spokeswoman in Kyiv", "a senior Ukrainian intelligence official": a
            # description of one person, however many names its modifiers hold, is no name
            return Speaker(name=None, role=clean_role(core), confidence=1.0, is_person=True)
        if any(ent.label_ in GROUP_LABELS for ent in entities_in(mention)) or mention.root.pos_ == "PROPN":
            # "Sudan's army and the paramilitary Rapid Support Forces": both are the speaker
            members = [core] + [
                other for conj in _conjuncts(mention)
                if (conj.pos_ in ("PROPN", "NOUN") or conj.ent_type_ in GROUP_LABELS)  # "Ukraine and its allies" too
                and (other := core_text(self.doc[conj.left_edge.i : min(conj.right_edge.i + 1, mention.end)]))
            ]
            name = members[0] if len(members) == 1 else ", ".join(members[:-1]) + " and " + members[-1]
            return Speaker(name=name, role=None, confidence=1.0, is_person=False)
        return Speaker(name=None, role=clean_role(core), confidence=1.0, is_person=_gender(mention, self.lexicon) is not None)

    def _whose(self, role: Optional[str], mention: Span) -> Optional[str]:
        """A role owned by a pronoun with the owner named: "Its director" after "The Kharkiv
        Relief Alliance ... said" is "director of Kharkiv Relief Alliance" (the closest earlier
        speaker that is no person; "its" no plural one). Unchanged without one."""
        words = (role or "").split()
        if len(words) < 2 or words[0].lower() not in OWNER_PRONOUNS:
            return role
        singular = words[0].lower() == "its"
        owners = [s for offset, s in self.history if offset < mention.start_char and not s.is_person and (s.name or s.role) and not (singular and s.plural)]
        if not owners:
            return role
        owner = owners[-1].name or owners[-1].role
        return f"{' '.join(words[1:])} of {owner}"

    def _named_before(self, mention: Span, core: str) -> Optional[Speaker]:
        """The organisation a definite description names again: an earlier speaker whose name
        ends in the same two or more words ("the prosecutor's office" after "the Kharkiv
        regional prosecutor's office"), or, for a noun of ``back_reference_nouns`` ("The group", "The
        company"), the closest organisation named in this sentence or the two before it."""
        root = mention.root
        if root.pos_ != "NOUN" or root.tag_ != "NN" or root.ent_type_ or mention[0].lower_ != "the" or not core:
            return None
        if any(t.pos_ == "PROPN" for t in mention):
            return None
        ending = core.lower()
        # one word is too little to tell which body: "the office" a UN spokeswoman speaks of
        # is not the prosecutor's office named before
        for _, earlier in sorted(self.history, key=lambda h: h[0], reverse=True) if len(ending.split()) > 1 else ():
            said = earlier.name or earlier.role or ""  # an organisation known by description has a role only
            if not earlier.is_person and said.lower() != ending and said.lower().endswith(" " + ending):
                return Speaker(name=earlier.name, role=earlier.role, confidence=0.8, is_person=False)
        if self.lexicon is None or root.lemma_.lower() not in self.lexicon.back_reference_nouns or len(core.split()) > 1:
            return None
        organisations = [
            ent for sent in self._sentences_up_to(mention, GROUP_PRONOUN_SENTENCES) for ent in sent.ents
            if ent.label_ == "ORG" and ent.end <= mention.start and ent.root.dep_ not in ("poss", "compound")
        ]
        if not organisations:
            return None
        return Speaker(name=core_text(organisations[-1]), role=None, confidence=0.8, is_person=False)

    def _unnamed_person(self, mention: Span) -> bool:
        """Whether the mention describes one person without naming them: its head is a
        singular common noun for a person ("spokeswoman", "official") outside any entity."""
        root = mention.root
        if self.lexicon is None or root.pos_ != "NOUN" or root.tag_ != "NN" or root.ent_type_:
            return False
        return root.lemma_.lower() in self.lexicon.person_nouns

    def _pronoun(self, mention: Span) -> Speaker:
        word = mention.root.lower_
        at = mention.start_char
        if word in FIRST_PERSON:
            return Speaker(name=None, role=None, confidence=0.5, is_person=True)
        if word in PERSON_PRONOUNS:
            return self._person_pronoun(word, at, mention)
        return self._group_pronoun(mention)

    def _person_pronoun(self, word: str, at: int, mention: Optional[Span] = None) -> Speaker:
        """"he"/"she": the closest person before it not known to be of the other gender: a
        named one, or one only described as the subject of a sentence just before ("A doctor
        at the hospital put the toll higher. '…,' she said"), who gets the description as role."""
        gender = "m" if word in ("he", "him") else "f"
        candidates: list[tuple[int, Optional[str], Optional[str]]] = [(offset, name, None) for offset, name in self.persons if offset < at]
        candidates += [(offset, s.name, None) for offset, s in self.history if offset < at and s.is_person and s.name]
        if mention is not None:
            candidates += self._described_people(mention)
        for offset, name, role in sorted(candidates, key=lambda c: c[0], reverse=True):
            if name is None:
                assert role is not None  # an unnamed candidate comes with its description
                if _words_gender(role.lower().split(), self.lexicon) not in (None, gender):
                    continue  # "the army spokeswoman" is no "he"
                return Speaker(name=None, role=role, confidence=0.6, is_person=True)
            if self.gender.get(name, gender) != gender:
                continue
            self.gender.setdefault(name, gender)
            distance = doc_text(self.doc).count("\n", offset, at)
            return Speaker(name=name, role=self.roles.get(name), confidence=0.85 if distance <= 2 else 0.65, is_person=True)
        lone = [(offset, s) for offset, s in self.history if offset < at and self._lone_surname(offset, s)]
        for _, speaker in sorted(lone, key=lambda c: c[0], reverse=True):
            if _surname_gender(speaker.name or "", self.lexicon) in (None, gender):
                return Speaker(name=speaker.name, role=speaker.role, confidence=0.6, is_person=True)
        return Speaker(name=None, role=None, confidence=0.4, is_person=True)

    def _lone_surname(self, offset: int, speaker: Speaker) -> bool:
        """Whether an earlier speaker taken for an organisation is a surname the NER did not
        see as a person ("Kadyrov said ... '...,' he said"): one capitalised proper noun that is
        no place, no organisation word, no acronym and no known actor."""
        if speaker.is_person or not speaker.name or " " in speaker.name:
            return False
        span = self.doc.char_span(offset, offset + len(speaker.name))
        if span is None or len(span) != 1:
            return False
        token = span[0]
        return (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and not token.is_upper
            and token.ent_type_ not in PLACE_LABELS | {"NORP"}
            and token.text not in self.organisation_words
            and token.text not in self.located
            and find_actor(token.text) is None
        )

    def _sentences_up_to(self, mention: Span, before: int) -> list[Span]:
        """The sentence of ``mention`` and the ``before`` sentences ahead of it (the list of
        sentences is built once per article: pronoun lookups ask for it again and again)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [sent.start for sent in self._sents]
        n = bisect_right(self._sent_starts, mention.start) - 1
        return self._sents[max(0, n - before) : n + 1]

    def _described_people(self, mention: Span) -> list[tuple[int, None, str]]:
        """(offset, None, description) of the unnamed people ("a doctor at the hospital") that
        are subjects in the sentence of ``mention`` or the one before, before the mention."""
        if self.lexicon is None:
            return []
        found = []
        for earlier in self._sentences_up_to(mention, 1):
            for token in earlier:
                if token.i >= mention.start or token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN":
                    continue
                if token.lemma_.lower() not in self.lexicon.person_nouns or token.ent_type_:
                    continue
                end = token.i
                while end < token.right_edge.i and not self.doc[end + 1].is_punct and self.doc[end + 1].dep_ not in ("relcl", "acl", "appos"):
                    end += 1  # "a doctor at the hospital", not ", who asked not to be named"
                role = clean_role(core_text(self.doc[token.left_edge.i : end + 1]))
                if role:
                    found.append((self.doc[token.left_edge.i].idx, None, role))
        return found

    def _group_pronoun(self, mention: Span) -> Speaker:
        """"it"/"they": the closest earlier speaker that is no person, or the organisation
        that is the subject of the sentence before ("The General Staff issued an update. It
        said ..."); never a place ("Kyiv itself was quiet. It said ...")."""
        at = mention.start_char
        singular = mention.root.lower_ == "it"
        candidates = [(offset, s.name, s.role) for offset, s in self.history if offset < at and not s.is_person and (s.name or s.role) and not (singular and s.plural)]
        # "Putin's armies, it claimed, are struggling": what "it" reports on is no antecedent
        cue = mention.root.head
        reported = {cue.head.i} if cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i > cue.i else set()
        for earlier in self._sentences_up_to(mention, GROUP_PRONOUN_SENTENCES):
            for token in earlier:
                if token.i >= mention.start or token.dep_ not in ("nsubj", "nsubjpass") or token.head.i in reported:
                    continue
                if singular and token.tag_ == "NNS" and not token.ent_type_:
                    continue  # "it" is no "Ukrainian officials"
                head = token.head
                if head.dep_ != "ROOT" and not (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
                    continue  # "The ministry said its forces had hit ...": the ministry, not its forces
                if self._organisation(token):
                    phrase = self.doc[token.left_edge.i : token.i + 1]
                    entity = next((e for e in entities_in(self.doc[token.left_edge.i : token.right_edge.i + 1]) if e.start <= token.i < e.end), None)
                    if entity is not None and entity.end > phrase.end:
                        phrase = self.doc[phrase.start : entity.end]  # "The Institute for the Study of War"
                    candidates.append((phrase.start_char, core_text(phrase), None))
        if not candidates:
            return Speaker(name=None, role=None, confidence=0.4, is_person=False)
        _, name, role = max(candidates, key=lambda c: c[0])
        return Speaker(name=name, role=role, confidence=0.7, is_person=False)

    def _organisation(self, token: Token) -> bool:
        """Whether a subject names an organisation: an ORG entity, or a noun phrase headed by
        an organisation word ("the General Staff", "the ministry"); places are not."""
        if token.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") or token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return False
        if token.ent_type_ in ("ORG", "NORP"):
            return True
        words = {w.lower() for w in self.organisation_words}
        return token.lower_ in words or token.lemma_.lower() in words
