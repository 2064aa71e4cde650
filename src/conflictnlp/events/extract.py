"""Incidents in one article, from the trigger words and what the other components found.

A sentence with a trigger (``data/events.toml``) is a candidate event: its type from the
trigger (and, where the lexicon says so, from the kinds of the actors), its actors from the
sentence's actor mentions and their syntactic roles, its place and day from the sentence's
locations and dates, its figures from the sentence's casualty counts. Candidates that agree on
place and day fold into one event (a headline and the lead restating it); a sentence with a
toll and no trigger adds its figures to the event before it ("No one was killed, the mayor
said.").
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from ..extensions import body_bounds, doc_text, sentence_bounds, token_forms
from ..model import (
    Article,
    Casualty,
    Claim,
    DateMention,
    Event,
    EventActor,
    EventActors,
    EventFigure,
    EventType,
    Location,
    Quantity,
    TextSpan,
    Toll,
    ViolenceType,
)
from .clauses import background, clause_head, in_since_phrase, irrealis_clause, linked_clauses, recent_since
from .context import (
    after_word,
    dateline_end,
    facility_owner,
    group_anaphor,
    has_phrase,
    held_by,
    inside,
    label_head_start,
    list_label,
    member_of,
    pronoun_subject,
    quoted_phrases,
    said_subject,
    saying_subject,
    speech_day,
)
from .lexicon import ActorEntry, EventLexicon, Matchers, Trigger

FEATURE_RANK = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "region": 3, "border": 3, "country": 4, "water": 5}
TOLL_ROLES = ("killed", "wounded")
ROLE_PERPETRATOR, ROLE_TARGET = "perpetrator", "target"
ROLE_OWNER = "owner"  # whose thing was hit or used, named in a "by" phrase of a modifier: neither side
DISGUISE_WORDS = frozenset({"dressed", "disguised", "posing", "posed", "masquerading"})  # "... as civilians"
TOLL_NOUNS = frozenset({"toll", "tally"})  # a running total's noun: "the death toll from attacks ... since"
SEPARATE_WORDS = frozenset({"separately", "separate", "elsewhere", "meanwhile"})
VIOLENT_TYPES = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"})
FORMER_WORDS = frozenset({"former", "ex", "ex-", "retired"})  # "12 ex-regime officers": no longer of their kind
INTERVENTION_SUB_TYPES = frozenset({"protest_with_intervention", "excessive_force_against_protesters"})


@cache
def country_names() -> dict[str, str]:
    """ISO2 code -> country name, from the packaged countries table."""
    names = {}
    text = resources.files("conflictnlp").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[2:]:
        parts = line.split("\t")
        if len(parts) > 1:
            names[parts[0]] = parts[1]
    return names


@dataclass
class Mention:
    """An actor mention: token range, the lexicon entry, its role in its sentence."""

    start: int
    end: int
    entry: ActorEntry
    name: str | None = None
    role: str | None = None
    facility: bool = False  # names who was hit through a thing of theirs ("police station")
    agent: bool = False  # modifies the trigger noun itself: who did it ("army drone strike")

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass
class Candidate:
    """An event as one sentence (or several folded together) reports it."""

    trigger: Trigger
    type: EventType
    sub_type: str
    trigger_span: tuple[int, int]
    sentences: list[tuple[int, int]]
    perpetrator: Mention | None = None
    target: Mention | None = None
    location: Location | None = None
    where_prec: int | None = None
    date: DateMention | None = None
    separate: bool = False
    headline: bool = False
    clauses: set[int] = field(default_factory=set)  # the trigger's clause and those tied to it by "when"
    quantities: list[Quantity] = field(default_factory=list)
    additive: set[str] = field(default_factory=set)  # counts that add to the toll told before them
    partitive: set[str] = field(default_factory=set)  # counts that pick from another ("six of the attackers")
    retarget: bool = False  # the target came from a sentence folded in ("... attacked a base. 12 soldiers were killed.")


class EventExtractor:
    """Finds the events of a processed Doc; one instance per pipeline."""

    def __init__(self, lexicon: EventLexicon, trigger_matcher: Matchers, actor_matcher: Matchers):
        self.lexicon = lexicon
        self.trigger_matcher = trigger_matcher
        self.actor_matcher = actor_matcher
        self.by_rank = {t.rank: t for t in lexicon.triggers}
        self._actor_words = frozenset(w.lower() for a in lexicon.actors if not a.named for w in a.words)
        self._victim_words = frozenset(w.lower() for a in lexicon.actors if a.kind == "civilians" and not a.named for w in a.words)
        self._generic_names = frozenset(a.name for a in lexicon.actors if not a.named)
        self._actor_places: set[str] = set()  # location ids that name an actor, not a place

    def __call__(self, doc: Doc, article: Article) -> list[Event]:
        lo, hi = body_bounds(doc)
        starts, ends = _token_char_bounds(doc)
        # words in quotation marks inside reported speech are the speaker's ("its forces had hit
        # “a legitimate military target”"): no trigger and no actor of their own
        self._quoted = quoted_phrases(doc_text(doc), article.quotes)
        triggers = [t for t in _outside_dates(doc, article, self._triggers(doc)) if not inside(self._quoted, starts[t[1]], ends[t[2] - 1])]
        if not triggers:
            return []
        self._trigger_tokens = {i for _, start, end in triggers for i in range(start, end)}
        # a trigger word that names a kind of unit ("Russian assault units") reports nothing
        self._unit_triggers = {start for _, start, end in triggers if end - start == 1 and doc[start].lower_ in self.lexicon.unit_words
                               and doc[start].dep_ == "compound" and doc[start].head.pos_ == "NOUN"}
        # nothing outside the body is an actor, even where the parser joins a headline line to it
        mentions = [m for m in self._mentions(doc, article) if lo <= doc[m.start].idx and doc[m.end - 1].idx < hi
                    and not inside(self._quoted, starts[m.start], ends[m.end - 1])]
        mentions = self._with_accused(doc, article, mentions)
        mentions = self._country_subjects(doc, article, mentions)
        armed_roots = {doc[m.start : m.end].root.i for m in mentions if m.kind in self.lexicon.armed}
        dropped = {start for start in self._unit_triggers if doc[start].head.i in armed_roots}
        if dropped:
            triggers = [t for t in triggers if t[1] not in dropped]
            self._trigger_tokens = {i for _, start, end in triggers for i in range(start, end)}
            if not triggers:
                return []
        self._all_mentions = mentions
        self._quantities = article.quantities
        self._doc_starts, self._doc_ends = starts, ends
        bounds = self._bounds = _list_item_bounds(doc, sentence_bounds(doc))
        self._recent = recent_since(doc, article.dates, article.published, self.lexicon.recent_days)
        self._armed_named = any(m.kind in self.lexicon.armed for m in mentions + self._speakers)
        self._days = tuple(max(0, bisect_right(starts, d.span[0]) - 1) for d in article.dates
                           if _is_day_or_date(d) and _granularity(d.value or "") == "day")
        by_sentence: dict[tuple[int, int], list[tuple[Trigger, int, int]]] = {}
        for trigger, start, end in triggers:
            if lo <= doc[start].idx < hi:
                by_sentence.setdefault(bounds[start], []).append((trigger, start, end))
        candidates = []
        for sent_bounds in sorted(by_sentence):
            candidates.extend(self._sentence_candidates(doc, article, sent_bounds, by_sentence[sent_bounds], mentions))
        if not candidates:
            return []
        self._attach_blame(doc, candidates, mentions, bounds)
        self._attach_tolls(doc, article, candidates, lo, hi)
        return self._events(doc, article, _fold(self._recent_only(article, candidates)))

    # --- finding --------------------------------------------------------------------------

    def _triggers(self, doc: Doc) -> list[tuple[Trigger, int, int]]:
        """Trigger matches, longest first where they overlap."""
        found = []
        for match_id, start, end in self.trigger_matcher(doc):
            trigger = self.by_rank[int(doc.vocab.strings[match_id])]
            if trigger.pos and not any(doc[i].pos_ in trigger.pos for i in range(start, end)):
                continue
            found.append((trigger, start, end))
        found.sort(key=lambda item: (-(item[2] - item[1]), item[0].rank, item[1]))
        taken: set[int] = set()
        kept = []
        for trigger, start, end in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                kept.append((trigger, start, end))
        return sorted(kept, key=lambda item: item[1])

    def _mentions(self, doc: Doc, article: Article) -> list[Mention]:
        """Actor mentions, longest first where they overlap, named actors before nouns; the
        speakers of quotes are not actors ("the army said")."""
        speakers = [q.speaker.span for q in article.quotes if q.speaker and not (q.cue and q.cue.text.lower().startswith("claim"))]
        starts, ends = _token_char_bounds(doc)
        found = []
        for match_id, start, end in self.actor_matcher(doc):
            entry = self.lexicon.actors[int(doc.vocab.strings[match_id])]
            found.append((start, end, entry))
        found = _generic_kind_of_named(found)
        found.sort(key=lambda item: (-(item[1] - item[0]), not item[2].named, item[0]))
        taken: set[int] = set()
        mentions = []
        self._speakers: list[Mention] = []
        text = doc_text(doc)
        for start, end, entry in found:
            if not taken.isdisjoint(range(start, end)):
                continue
            s, e = starts[start], ends[end - 1]
            if s < dateline_end(text, s, self.lexicon):
                continue  # "Bangui (AFP) -": the agency filed the report, it is in no incident
            if _verb_in_disguise(doc, start, end, self.lexicon):
                continue
            if any(a <= s and e <= b for a, b in speakers):
                self._speakers.append(_widen(doc, Mention(start, end, entry), taken | set(range(start, end))))
                continue
            taken.update(range(start, end))
            mentions.append(Mention(start, end, entry))
        mentions.sort(key=lambda m: m.start)
        kept = []
        for mention in mentions:
            if self._former_or_institution(doc, mention):
                continue  # "12 ex-regime officers", "the Ministry of Refugees": no side of that kind
            if _modifies_thing(doc, mention, taken):
                head = doc[mention.start : mention.end].root.head
                if mention.kind in self.lexicon.armed and head.i in self._trigger_tokens:
                    mention.agent = True
                elif mention.kind in self.lexicon.victims and head.i in self._trigger_tokens:
                    pass  # "took hundreds of passengers hostage" (parsed as a compound): who was hit
                elif mention.kind != "state_forces" or head.lower_ not in self.lexicon.facility_words:
                    continue
                else:
                    mention.facility = True  # "attack police station": the police were attacked
            elif mention.kind == "state_forces" and not mention.entry.named:
                root = doc[mention.start : mention.end].root
                # "established a new military position": a post of theirs, in a development no side
                mention.facility = root.dep_ == "amod" and root.head.lower_ in self.lexicon.facility_words
            kept.append(_widen(doc, mention, taken, self.lexicon.unit_words))
        kept = _named_with_noun(doc, kept, self.lexicon.employee_kinds, self.lexicon.armed)
        self._all_mentions = kept
        return self._suspected(doc, kept)

    def _former_or_institution(self, doc: Doc, mention: Mention) -> bool:
        """A generic noun that says what people were ("ex-regime officers", "former rebels"), or
        that is the capitalised object of an institution's name ("the Ministry of Refugees")."""
        if mention.entry.named:
            return False
        root = doc[mention.start : mention.end].root
        if any(c.lower_ in FORMER_WORDS for c in root.children if c.i < root.i):
            return True
        head = root.head
        return (root.dep_ == "pobj" and head.lower_ == "of" and root.text[:1].isupper() and head.head.text[:1].isupper()
                and head.head.pos_ in ("PROPN", "NOUN") and not head.head.is_sent_start)

    def _with_accused(self, doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
        """The mentions plus the places and peoples accused of an attack: "Moscow accused Kyiv of
        carrying out an air strike", "the Kremlin accused the Ukrainians of launching ...". A
        capital or a country blamed stands for its government (the alleged perpetrator, state
        forces of its country), and one that accuses for its government too: neither is where
        the event happened (``self._actor_places``)."""
        self._actor_places = set()
        taken = {i for m in mentions for i in range(m.start, m.end)}
        starts, _ = _token_char_bounds(doc)
        entry = next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
        added = []
        for loc in article.locations:
            first = bisect_right(starts, loc.span[0]) - 1
            last = bisect_right(starts, loc.span[1] - 1) - 1
            root = doc[first : last + 1].root
            if root.head.lemma_.lower() not in self.lexicon.blame_verbs:
                continue
            if root.dep_ == "nsubj":
                self._actor_places.add(loc.id)  # "Moscow accused ...": who accuses, not where
                continue
            if root.dep_ not in ("dobj", "nsubjpass"):
                continue
            country = loc.name if loc.feature == "country" else country_names().get(loc.country_code or "")
            if country is None:
                continue
            self._actor_places.add(loc.id)
            if taken.isdisjoint(range(first, last + 1)):
                added.append(Mention(first, last + 1, entry, name=country))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _country_subjects(self, doc: Doc, article: Article, mentions: list[Mention]) -> list[Mention]:
        """A country that is the subject of a trigger verb is its state's forces and not the
        place: "Turkey strikes Kurdish fighters in Tal Rifaat", "Ukraine retakes two villages"."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        starts, _ = _token_char_bounds(doc)
        added = []
        for loc in article.locations:
            if loc.feature != "country" or loc.adjectival:
                continue
            first = bisect_right(starts, loc.span[0]) - 1
            last = bisect_right(starts, loc.span[1] - 1) - 1
            root = doc[first : last + 1].root
            if root.dep_ != "nsubj" or root.head.i not in self._trigger_tokens or root.head.pos_ != "VERB":
                continue
            if last + 1 < len(doc) and doc[last + 1].text in (":", "-", "\u2013", "\u2014"):
                continue  # "Colombia: FARC dissidents attack ...": a label, whatever the parse says
            if not taken.isdisjoint(range(first, last + 1)):
                continue
            self._actor_places.add(loc.id)
            added.append(Mention(first, last + 1, self._state_entry(), name=loc.name))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _protesting(self, doc: Doc, mention: Mention) -> bool:
        """People a relative clause says protested ("abducted 32 people who took part in
        protests"), or who march or protest themselves ("PTI supporters marching towards ...")."""
        root = doc[mention.start : mention.end].root
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in self.lexicon.protest_verbs:
            return True
        return any(c.dep_ in ("relcl", "acl") and (c.lemma_.lower() in self.lexicon.protest_verbs
                                                   or any(t.lower_ in self.lexicon.protest_words for t in c.subtree))
                   for c in root.children)

    def _intervention_sides(self, doc: Doc, here: list[Mention], perp: Mention | None,
                            target: Mention | None) -> tuple[Mention | None, Mention | None]:
        """Who intervenes in a protest is the state's forces, the crowd is who they act against:
        "Students are blocking the road, protesting ...; police have fired tear gas" (ACLED codes
        the police actor 1 and the protesters actor 2, whichever the sentence names first)."""
        force = perp if perp is not None and perp.kind == "state_forces" else next(
            (m for m in here if m.kind == "state_forces" and not m.facility), None)
        if force is None:
            return perp, target
        crowd = next((m for m in (target, perp, *here) if m is not None and m is not force
                      and m.kind in ("protesters", "civilians", "political_party")), None)
        if crowd is not None and crowd.kind == "civilians":
            crowd = Mention(crowd.start, crowd.end, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)
        return force, crowd

    def _seized_goods(self, doc: Doc, candidate: Candidate) -> None:
        """A capture of goods is no territory: "seized 14 tons of food and medical supplies bound
        for the city" is looting, "seized weapons" disrupted weapons use (``[seized]``)."""
        if candidate.sub_type not in TERRITORY_SUB_TYPES:
            return
        trigger = doc[candidate.trigger_span[1] - 1]
        for obj in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")):
            words = {obj.lemma_.lower(), obj.lower_}
            if words & self.lexicon.seized_measures:  # "14 tons of food": what the tons are of
                words |= {t.lower_ for c in obj.children if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"}
            for sub_type, goods in self.lexicon.seized_goods.items():
                if words & goods:
                    candidate.type, candidate.sub_type, candidate.target = "strategic_developments", sub_type, None
                    return

    def _continuing(self, doc: Doc, article: Article, token) -> bool:
        """A strike noun kept up or continued ("the Russians kept up their bombardment of those two
        zones", "amid ... its continued bombardment") is the war going on, not an incident, where
        its clause names no place of its own ("continued to shell Kharkiv" is an incident)."""
        lexicon = self.lexicon
        if token.pos_ != "NOUN":
            return False
        kept = token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.continuing_verbs
        if not (kept or any(c.dep_ == "amod" and c.lower_ in lexicon.continuing_modifiers for c in token.children)):
            return False
        sent_lo, sent_hi = self._bounds[token.i]
        head = doc[clause_head(token)]
        # who speaks or acts is no place of it ("Ukraine's military said ...")
        subjects = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        starts, _ = _token_char_bounds(doc)
        for loc in article.locations:
            i = bisect_right(starts, loc.span[0]) - 1
            if sent_lo <= i < sent_hi and not loc.adjectival and clause_head(doc[i]) == head.i and i not in subjects:
                return False
        return True

    def _relative_side(self, doc: Doc, candidate: Candidate, sent: Span, perp: Mention | None) -> Mention | None:
        """The other side of a battle named only in a relative clause on what was fought over:
        "soldiers recaptured a dam that FARC dissidents had occupied"."""
        trigger = doc[candidate.trigger_span[0]]
        for mention in self._all_mentions:
            root = doc[mention.start : mention.end].root
            if not sent.start <= mention.start < sent.end or mention is perp or mention.kind not in self.lexicon.armed:
                continue
            verb = root.head
            if root.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.head.head.i == trigger.i and verb.head.dep_ in ("dobj", "pobj"):
                return Mention(mention.start, mention.end, mention.entry, mention.name, role=ROLE_TARGET)
        return None

    def _handover(self, doc: Doc, candidate: Candidate, sent: Span) -> None:
        """Territory that changes hands peacefully is taken by the side that gains it: "regime
        forces withdrew ... and handed control to local fighters", "Russian forces withdrew ...,
        and Ukrainian units moved in" (ACLED's actor 1 acquires); the side that leaves is the other."""
        if candidate.sub_type != "non_violent_transfer_of_territory":
            return
        leaving = self.lexicon.leaving_verbs
        in_sentence = [m for m in self._all_mentions if sent.start <= m.start < sent.end and m.kind in self.lexicon.armed]
        losers = [m for m in in_sentence if _subject_of(doc, m, leaving)]
        trigger = doc[candidate.trigger_span[0]]
        leaves = trigger.lemma_.lower() in leaving or trigger.lower_ in leaving
        if not losers and leaves and candidate.perpetrator is not None:
            losers = [candidate.perpetrator]  # "the army said it had withdrawn": the side read as the subject leaves
        gainers = [m for m in in_sentence if m not in losers and m.start > losers[0].start] if losers else []
        if not gainers and leaves and losers:  # "hours after RSF fighters surrounded it"
            gainers = [m for m in in_sentence if m.start != losers[0].start and m.kind in self.lexicon.armed
                       and m.kind != losers[0].kind]
        if gainers:
            candidate.perpetrator, candidate.target = gainers[0], losers[0]
        elif losers and leaves:  # "Ukrainian troops have withdrawn from Vuhledar": who gains is not said
            loser = losers[0]
            candidate.perpetrator = None
            candidate.target = Mention(loser.start, loser.end, loser.entry, loser.name, ROLE_TARGET)

    def _suspected(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """"armed men thought to be Wakonzi militia abducted ...": the group suspected did it; the
        men it is said of ("armed men", a subject the quotes reading may take for a speaker) go."""
        drop: set[int] = set()
        for mention in mentions:
            verb = _suspecting_verb(doc, mention, self.lexicon.suspect_verbs)
            if verb is None or mention.kind not in self.lexicon.armed:
                continue
            mention.agent = True
            subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} | ({verb.head.i} if verb.dep_ == "acl" else set())
            drop.update(id(m) for m in mentions if doc[m.start : m.end].root.i in subjects)
        return [m for m in mentions if id(m) not in drop]

    def _sentence_candidates(self, doc, article, sent_bounds, triggers, mentions) -> list[Candidate]:
        """The sentence's event, and a second one where another clause, not tied to the first by
        "when", has its own trigger and its own armed subject ("RSF fighters attacked a village,
        killing 30, while the army shelled RSF positions east of El Fasher": two incidents), or
        its own place ("..., while a strike on a bus in Marhanets killed 9 on Saturday")."""
        first = self._candidate(doc, article, sent_bounds, triggers, mentions)
        if first is None:
            return []
        first.clauses = linked_clauses(doc, clause_head(doc[first.trigger_span[0]]))
        rest = [t for t in triggers if clause_head(doc[t[1]]) not in first.clauses]
        second = self._candidate(doc, article, sent_bounds, rest, mentions) if rest else None
        if second is None:
            return [first]
        second.clauses = linked_clauses(doc, clause_head(doc[second.trigger_span[0]]))
        if first.type == "strategic_developments" and first.perpetrator is None and second.type in VIOLENT_TYPES:
            return [second]  # "killed six militants in a raid ..., adding that a cache of arms was recovered": the raid
        elsewhere = self._elsewhere_clause(doc, first, second)
        if not elsewhere and (second.perpetrator is None or second.perpetrator.role != ROLE_PERPETRATOR):
            return [first]
        one, other = doc[first.trigger_span[0]], doc[second.trigger_span[0]]
        later = max(one.i, other.i)
        continued = any(t.lower_ in self.lexicon.continuation_words for t in doc[max(sent_bounds[0], later - 2) : later])
        # ... or a side's own account of it ("..., as Russia insisted its forces had hit a military target")
        continued = continued or self._countered(article, other) and not self._countered(article, one)
        if continued or (other.head.i == one.i or one.head.i == other.i) and {one.dep_, other.dep_} & {"nsubj", "csubj", "dobj", "pobj"}:
            # ... or the second goes on with the first: "killing four soldiers; troops killed six in the ensuing gunfight"
            # one trigger is the other's subject or object ("RSF kills 54 in Omdurman market shelling"): one incident
            if continued and other.i < one.i and not self._countered(article, other):
                # the incident as first told, the gunfight that ensued folded into it
                first, second = second, first
                first.clauses = linked_clauses(doc, clause_head(doc[first.trigger_span[0]]))
            first.perpetrator = first.perpetrator or second.perpetrator
            return [first]
        if not elsewhere and not self._own_side(doc, first, second):
            return [first]
        lo, hi = sorted((first.trigger_span[0], second.trigger_span[0]))
        if "\n" in doc_text(doc)[doc[lo].idx : doc[hi].idx]:
            return [first]
        pair = sorted([first, second], key=lambda c: c.trigger_span[0])
        pair[1].separate = True  # never folded into the other incident of its sentence
        return pair

    def _own_side(self, doc: Doc, first: Candidate, second: Candidate) -> bool:
        """Whether the second clause's armed subject is its own, and another side than the first's
        (the same side twice is one incident told twice: a headline the parser joined to its lead)."""
        perp = second.perpetrator
        if perp is None or self._counted_dead(doc, perp):
            return False
        if clause_head(doc[perp.start : perp.end].root) not in second.clauses or perp.kind not in self.lexicon.armed:
            return False
        return first.perpetrator is None or _side(doc, first.perpetrator) != _side(doc, perp)

    def _counted_dead(self, doc: Doc, mention: Mention) -> bool:
        """Whether the mention is people a toll counts ("..., two soldiers killed" in a headline,
        which the parser reads as an active subject): the victims, no side of a second incident."""
        starts, ends = _token_char_bounds(doc)
        lo, hi = starts[mention.start], ends[mention.end - 1]
        return any(q.casualty is not None and q.casualty.role in TOLL_ROLES and q.span[0] <= lo and hi <= q.span[1]
                   for q in self._quantities)

    def _elsewhere_clause(self, doc: Doc, first: Candidate, second: Candidate) -> bool:
        """Whether the second clause names, in itself, a town or district of its own, another than
        the first's: an incident elsewhere ("... in response to a strike that killed one of its
        fighters in Nabatieh on Tuesday"), whether or not it names who did it."""
        here, there = first.location, second.location
        if here is None or there is None or _same_place(here, there) or there.feature not in ("city", "other", "admin2"):
            return False
        starts, _ = _token_char_bounds(doc)
        token = max(0, bisect_right(starts, there.span[0]) - 1)
        return clause_head(doc[token]) in second.clauses and clause_head(doc[token]) not in first.clauses

    def _war_victims(self, words: set[str], joined: str) -> bool:
        """Whether the sentence names its dead with a war's word ("Three civilians killed in ...")
        and no period ("the number of civilians killed in the state this year" is a running total)."""
        return bool(words & self.lexicon.war_victim_words) and not any(f" {' '.join(p)} " in joined for p in self.lexicon.period_phrases)

    def _public_blast(self, trigger: Trigger, words: set[str]) -> bool:
        """Whether a weak explosion word goes off in a place of public life (``public_places``: "An
        explosion ripped through a Shi'ite mosque during Friday prayers"): an attack, bomber named
        or not (the no_event words still veto it: "a gas cylinder explosion at a market")."""
        return trigger.weak and trigger.type == "explosions_remote_violence" and bool(words & self.lexicon.public_places)

    def _gathering_arrest(self, candidate: Candidate, joined: str) -> None:
        """People arrested as they gather ("arrested 120 supporters as they gathered for a rally",
        "detained 45 people as they laid flowers") are a crowd broken up: a protest with
        intervention (ACLED), the people its protesters; an arrest "after a protest" stays one, and
        so does the arrest of a person at a gathering ("detained the opposition leader at a rally"):
        only a count of people detained is a crowd."""
        if candidate.sub_type != "arrests" or not has_phrase(joined, self.lexicon.gathering_phrases):
            return
        lo, hi = self._bounds_chars(candidate)
        if not any(q.casualty is not None and q.casualty.role == "detained" and lo <= q.span[0] < hi and (q.value or 0) >= 2
                   for q in self._quantities):
            return
        candidate.type, candidate.sub_type = "protests", "protest_with_intervention"
        target = candidate.target
        if target is not None:
            candidate.target = Mention(target.start, target.end, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)

    def _bounds_chars(self, candidate: Candidate) -> tuple[int, int]:
        """The characters of the candidate's first sentence."""
        start, end = candidate.sentences[0]
        return self._doc_starts[start], self._doc_ends[end - 1]

    def _post_overrun(self, doc: Doc, candidate: Candidate, words: set[str]) -> None:
        """A military post overrun is a battle for it ("militants overran a checkpoint", "had overrun
        a junta outpost"), not territory taken; a base, a town or a camp overrun is territory."""
        if candidate.sub_type not in TERRITORY_SUB_TYPES or doc[candidate.trigger_span[0]].lower_ not in self.lexicon.overrun_words:
            return
        if words & self.lexicon.post_words and not words & self.lexicon.overrun_territory_words:
            candidate.type, candidate.sub_type = "battles", "armed_clash"

    def _countered(self, article: Article, token) -> bool:
        """Whether the token is in what a side insists or denies ("as Russia insisted its forces
        had hit ..."): an account of the incident told beside it, not another incident."""
        return any(q.cue is not None and q.cue.text.lower().split()[-1] in self.lexicon.counterclaim_cues
                   and any(s <= token.idx < e for s, e in q.content.spans) for q in article.quotes)

    def _candidate(self, doc, article, sent_bounds, triggers, mentions) -> Candidate | None:
        sent = doc[sent_bounds[0] : sent_bounds[1]]
        forms = token_forms(doc)[sent.start : sent.end]
        words = {w for pair in forms for w in pair}
        joined = " " + " ".join(lower for _, lower in forms) + " "
        in_sentence = [m for m in mentions if sent.start <= m.start < sent.end]
        vetoed = any(f" {w} " in joined for w in self.lexicon.no_event)
        for trigger, start, end in sorted(triggers, key=lambda item: item[0].rank):
            if trigger.needs_words and not (words & trigger.needs_words):
                vetoed = vetoed or trigger.vetoes_weak
                continue
            if trigger.not_words and has_phrase(joined, trigger.not_words):
                continue  # "tear gas ... killing six": not a dispersal but excessive force
            if self._background(doc, doc[start], trigger.sub_type):
                continue  # "has struck the city repeatedly since 2022", "since the fighting began"
            if self._background_antecedent(doc, doc[start]):
                continue  # "has reported shelling before, including an incident last week that killed a chaplain"
            if self._continuing(doc, article, doc[start]) or _planned(doc[start], self.lexicon.preparing_verbs):
                continue  # "the Russians kept up their bombardment of those two zones", "troops massed for an assault"
            if _period_of(doc[start], self.lexicon.period_nouns):
                continue  # "weeks of Russian bombardment have caused severe shortages"
            if doc[start].head.lemma_.lower() in self.lexicon.naming_verbs and any(
                    s != start and doc[s].head.lemma_.lower() not in self.lexicon.naming_verbs for _, s, _ in triggers):
                continue  # "..., describing the assault as a 'declaration of war'": the attack told before, named
            here = self._in_clause(doc, start, in_sentence)
            kinds = {m.kind for m in here if clause_head(doc[m.start : m.end].root) == clause_head(doc[start]) and not m.facility}
            if trigger.type == "strategic_developments":  # "JNIM announced it had appointed ..."
                kinds |= {m.kind for m in self._speakers if sent.start <= m.start < sent.end}
            if trigger.needs_actor and not (kinds & trigger.needs_actor):
                continue
            # two words of violence ("10 civilians killed in attack on bus") tell of one without an armed actor
            # (or in a "when" clause tied to it, where the article names an armed actor at all: "Three
            # volunteer drivers killed when a humanitarian convoy was struck near this town")
            tied = linked_clauses(doc, clause_head(doc[start])) if self._armed_named else {clause_head(doc[start])}
            violent = len({t.rank for t, s, _ in triggers if t.weak and clause_head(doc[s]) in tied}) >= 2
            violent = violent or self._public_blast(trigger, words)
            # a crowd that storms or attacks riots ("Protesters have stormed the residence")
            crowd = bool(kinds & set(trigger.by_perpetrator) & {"protesters", "rioters"})
            if trigger.weak and (vetoed or not (kinds & self.lexicon.armed) and not _adjectival_near(article, doc, start) and not violent and not crowd
                                 and self._denier(doc, article, start) is None and not self._war_victims(words, joined)):
                continue  # (an armed side that denies it names one too: "Ethiopian army denies killing 12 civilians";
                # and "civilians" are people of a war: "Centrafrique : trois civils tués à Batangafo")
            if trigger.type == "protests" and len({t.rank for t, _, _ in triggers if t.weak}) >= 2:
                continue  # "Two explosions ripped through a rally ..., killing 11": the bombing, not the rally
            candidate = Candidate(trigger, trigger.type, trigger.sub_type, (start, end), [sent_bounds])
            candidate.separate = bool(words & SEPARATE_WORDS)
            candidate.headline = _in_headline(doc, sent)
            self._roles(doc, article, candidate, sent, here)
            if trigger.sub_type == "peaceful_protest" and self._armed_protester(doc, candidate):
                continue  # "troops marched in" is no protest
            self._retype(candidate)
            self._remote(doc, article, candidate, _clause_words(doc, sent, start, forms))
            if candidate.type in ("protests", "riots") and trigger.type not in ("protests", "riots"):
                self._roles(doc, article, candidate, sent, here)  # the crowd did it ("Protesters clash with police")
            self._context_type(doc, candidate, words, joined, here)
            self._gathering_arrest(candidate, joined)
            self._post_overrun(doc, candidate, words)
            self._handover(doc, candidate, sent)
            self._seized_goods(doc, candidate)
            self._place(doc, article, candidate, sent)
            self._foreign_opponent(doc, article, candidate, sent)
            self._date(doc, article, candidate, sent)
            return candidate
        return None

    # --- actors -----------------------------------------------------------------------------

    def _background(self, doc: Doc, token, sub_type: str | None = None) -> bool:
        lexicon = self.lexicon
        words = token.subtree if token.pos_ == "NOUN" else token.children  # "attacks by al-Shabaab since the start of the year"
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ == "NOUN":
            words = [*words, *token.head.head.children]  # "since" on the toll the trigger is of
        if any(t.lower_ == "since" and t.dep_ == "prep" and t.i not in self._recent for t in words):
            return True  # "the death toll from attacks by al-Shabaab since the start of the year"
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.lower_ in TOLL_NOUNS and any(
                t.lower_ == "since" and t.dep_ in ("prep", "mark") and t.i not in self._recent for t in token.sent):
            return True  # "The death toll from attacks by armed groups in Ituri since January rose to 600"
        # (a change a group announces it will make is coded when announced: ACLED's change to group activity)
        if sub_type not in lexicon.announced_sub_types and irrealis_clause(doc, token):
            return True  # "will open the way to a peace agreement", "if Ukraine was involved in the strike"
        return background(doc, token, lexicon.period_phrases, self._recent, lexicon.comparison_words, self._days, lexicon.ending_verbs)

    def _in_clause(self, doc: Doc, trigger_start: int, mentions: list[Mention]) -> list[Mention]:
        """The mentions of the trigger's clause (and of a "when" clause tied to it: "Six soldiers
        were killed when their vehicle struck an IED"), and the victims named in the sentence's
        other clauses: an armed actor of another clause ("As Ukrainian troops held ..., Russian
        forces fired ...") is no side."""
        clauses = linked_clauses(doc, clause_head(doc[trigger_start]))
        return [m for m in mentions if m.kind in self.lexicon.victims or clause_head(doc[m.start : m.end].root) in clauses
                or self._died(doc, m) or _names_trigger_noun(doc, m, trigger_start)]

    def _died(self, doc: Doc, mention: Mention) -> bool:
        """The sentence says the mention's people died or were killed ("8 soldiers died when ...",
        "3 soldiers martyred", "five officers were killed"): who was hit, in any clause."""
        root = doc[mention.start : mention.end].root
        deaths = self.lexicon.death_verbs
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in deaths - {"kill"}:
            return True
        if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in deaths:
            return True  # "were killed", "were martyred"
        # a headline without its "were": "3 soldiers martyred", "Two policemen killed in ..."
        return any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.lemma_.lower() in deaths and c.i > root.i
                   for c in root.children)

    def _civilian_attacker(self, doc: Doc, candidate: Candidate, here: list[Mention], target: Mention) -> Mention | None:
        """A civilian noun that is the active subject of the trigger, with others as the victims,
        is an attacker nobody has named: "A Jordanian truck driver opened fire ..., killing three
        Israelis" (ACLED: an unidentified armed group)."""
        trigger = doc[candidate.trigger_span[0]]
        verb = trigger if trigger.pos_ == "VERB" else trigger.head
        verbs = {verb.i}
        while verb.dep_ in ("advcl", "xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "opened fire ..., killing three Israelis": the subject of "opened"
            verbs.add(verb.i)
        for mention in here:
            root = doc[mention.start : mention.end].root
            acts = any(c.dep_ == "dobj" for c in root.head.children)  # on something: "opened fire", not "drivers killed when ..."
            if (mention is not target and mention.kind == "civilians" and root.dep_ == "nsubj" and root.head.i in verbs
                    and acts and root.head.tag_ != "VBN" and not self._died(doc, mention)):
                entry = next((a for a in self.lexicon.actors if a.kind == "armed_group" and not a.named), None)
                return Mention(mention.start, mention.end, entry, role=ROLE_PERPETRATOR) if entry else None
        return None

    def _defender(self, doc: Doc, candidate: Candidate, mention: Mention) -> bool:
        """The mention is the subject of a verb whose object is the attack (``defending_verbs``):
        "the army repelled an attack by the RSF" was attacked, it did not attack."""
        trigger = doc[candidate.trigger_span[1] - 1]
        verb = trigger.head
        if trigger.dep_ != "dobj" or verb.lemma_.lower() not in self.lexicon.defending_verbs:
            return False
        root = doc[mention.start : mention.end].root
        while root.dep_ == "conj":  # "Police and Kenyan-led mission repel ..."
            root = root.head
        return root.dep_ == "nsubj" and root.head.i == verb.i

    def _roles(self, doc: Doc, article: Article, candidate: Candidate, sent: Span, here: list[Mention]) -> None:
        if candidate.type in ("protests", "riots", "strategic_developments"):
            here = [m for m in here if not m.facility]  # "Rioters torch police station" hits no police
        here = [m for m in here if not _as_phrase(doc, m)]  # "Gunmen dressed as civilians": no civilians
        if candidate.sub_type == "agreement":  # "DRC, M23 agree to ...": a party, though "agree" reads as a cue
            here = sorted(here + self._in_clause(doc, candidate.trigger_span[0], self._speakers), key=lambda m: m.start)
        self._assign_roles(doc, candidate, here)
        armed, victims = self.lexicon.armed, self.lexicon.victims
        defenders = [m for m in here if self._defender(doc, candidate, m)]
        crowd = candidate.type in ("protests", "riots")
        perps = [m for m in here if m.role == ROLE_PERPETRATOR and (m.kind in armed or crowd)]
        targets = [m for m in here if m.role == ROLE_TARGET]
        # a victim kind in the subject of a violent event is who it was done to ("civilians killed")
        targets += [m for m in here if m.role == ROLE_PERPETRATOR and m.kind in victims and not crowd]
        if not perps and candidate.trigger.by_perpetrator:  # "Protesters stormed the residence": the crowd did it
            perps = [m for m in here if m.role == ROLE_PERPETRATOR and m.kind in candidate.trigger.by_perpetrator]
            targets = [m for m in targets if m not in perps]
        if not perps:
            perps = [m for m in here if m.role is None and (m.kind in armed or crowd) and m not in targets]
        if not perps and defenders:  # "Soldiers repelled an attack on their base, killing 25 attackers"
            perps = [m for m in targets if m.kind in armed and m not in defenders]
            targets = defenders + [m for m in targets if m not in perps]
        perp = perps[0] if perps else None
        # the trigger's own object first; in a battle the other side, not the people caught in it
        trigger_tokens = range(*candidate.trigger_span)
        clauses = linked_clauses(doc, clause_head(doc[candidate.trigger_span[0]]))
        armed_side = candidate.type == "battles" or candidate.sub_type in TERRITORY_SUB_TYPES
        targets.sort(key=lambda m: (armed_side and m.kind not in armed, clause_head(doc[m.start : m.end].root) not in clauses,
                                    doc[m.start : m.end].root.head.i not in trigger_tokens))
        target = None
        # "Somali forces and clan militia 'neutralised' 30 al-Shabaab fighters": allies with an armed object of their own
        own_object = any(m.kind in armed and doc[m.start : m.end].root.dep_ in ("dobj", "nsubjpass")
                         and doc[m.start : m.end].root.head.i in trigger_tokens for m in targets)
        if (candidate.type == "battles" or candidate.sub_type == "agreement") and not own_object:  # "X and Y clashed", "X and Y signed"
            target = next((m for m in perps[1:] if perp is not None and _conjunct_of(doc, m, perp)
                           and not self._one_state(doc, article, m, perp)), None)
        target = target or next((m for m in targets if m is not perp), None)
        if target is None:
            target = next((m for m in here if m is not perp and m.role is None and m.start > candidate.trigger_span[0]), None)
        if target is None and not crowd:
            target = next((m for m in here if m is not perp and m.kind in victims), None)
        if perp is None and crowd:
            perp = _crowd(doc, candidate, "rioters" if candidate.type == "riots" else "protesters")
        if perp is None and not crowd:
            perp = (self._said_by(doc, article, candidate) or _adjectival_actor(doc, article, candidate.trigger_span[0], self.lexicon)
                    or _agent_adjective(doc, article, candidate, self.lexicon) or self._denier(doc, article, candidate))
            if perp is None and candidate.sub_type != "disrupted_weapons_use":
                perp = self._weapon_user(doc, sent, ROLE_PERPETRATOR)  # "Shahed drones hit ...": Russia's forces
            if perp is None:
                perp = self._blamed_here(doc, sent)  # "..., the army said, blaming FARC dissidents"
        if perp is None and target is not None and candidate.type in VIOLENT_TYPES:
            perp = self._civilian_attacker(doc, candidate, here, target)
        perp, target = self._sides_from_context(doc, article, candidate, sent, perp, target)
        if candidate.type == "battles":
            perp, target = self._communal(doc, here, perp, target)
        if target is None and candidate.type == "battles":
            target = self._relative_side(doc, candidate, sent, perp)
        if target is None and candidate.type in ("battles", "explosions_remote_violence"):
            target = self._owner_of_post(doc, article, sent, perp) or self._second_people(doc, article, perp)
        perp, target = self._recast_sides(doc, article, candidate, here, perp, target)
        candidate.perpetrator, candidate.target = perp, target

    def _assign_roles(self, doc: Doc, candidate: Candidate, here: list[Mention]) -> None:
        """Each mention's role from the parse: who did it, who it was done to, or whose thing it is."""
        for mention in here:
            mention.role = _role(doc, mention, here, self.lexicon.blame_verbs)
            root = doc[mention.start : mention.end].root
            if root.dep_ == "pobj" and root.head.lower_ == "from" and candidate.sub_type in TERRITORY_SUB_TYPES | {"non_violent_transfer_of_territory"}:
                mention.role = ROLE_TARGET  # "retook Krynky from Russian forces": the other side
            if _agent_of_modifier(root, self._trigger_tokens, range(*candidate.trigger_span)):
                mention.role = ROLE_OWNER  # "a rally held by M23 rebels", "pagers used by Hezbollah members": no side
            if mention.agent:
                mention.role = ROLE_PERPETRATOR  # "army drone strike kills 8"
            if (root.dep_ in ("compound", "poss") and root.head.i in self._trigger_tokens and root.head.pos_ == "NOUN"
                    and mention.kind in self.lexicon.armed and not mention.facility):
                mention.role = ROLE_PERPETRATOR  # "12 soldiers killed in Boko Haram attack", "repel gang attack"
            elif mention.kind in self.lexicon.armed and _names_trigger_noun(doc, mention, candidate.trigger_span[0]):
                mention.role = ROLE_PERPETRATOR  # "IS attack kills 4": the parser read the acronym as "is"
            if self._died(doc, mention) or self._defender(doc, candidate, mention):
                mention.role = ROLE_TARGET  # "8 soldiers died when ...", "the army repelled an attack by ..."

    def _recast_sides(self, doc: Doc, article: Article, candidate: Candidate, here: list[Mention],
                      perp: Mention | None, target: Mention | None) -> tuple[Mention | None, Mention | None]:
        """The sides' kinds as the event's type reads them: protesters who riot are rioters, a
        crowd of victims protests, the state intervenes in a protest, an agreement has a state party."""
        victims = self.lexicon.victims
        crowd = candidate.type in ("protests", "riots")
        if candidate.type == "riots" and perp is not None and perp.kind == "protesters":
            perp = Mention(perp.start, perp.end, ActorEntry("rioters", "Rioters", ()), role=ROLE_PERPETRATOR)
        if crowd and perp is not None and perp.kind in victims and perp.kind not in ("protesters", "rioters"):
            kind = "rioters" if candidate.type == "riots" else "protesters"
            perp = Mention(perp.start, perp.end, ActorEntry(kind, kind.capitalize(), ()), role=ROLE_PERPETRATOR)
        if target is not None and target.kind == "civilians" and self._protesting(doc, target):
            target = Mention(target.start, target.end, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)
        if candidate.sub_type in INTERVENTION_SUB_TYPES:
            perp, target = self._intervention_sides(doc, here, perp, target)
        party = perp or target
        if candidate.sub_type == "agreement" and party is not None and (perp is None or target is None):
            perp, target = self._state_party(doc, article, party)
        return perp, target

    def _sides_from_context(self, doc: Doc, article: Article, candidate: Candidate, sent: Span,
                            perp: Mention | None, target: Mention | None) -> tuple[Mention | None, Mention | None]:
        """Sides the parse roles of the trigger's clause do not give: the group people belong to
        ("Armed men from the Gran Grif gang"), the actor a pronoun subject stands for (said by it,
        else the armed subject of the sentence before: "armed men arrived ... They opened fire"),
        and who holds the place hit or taken ("shelled Russian-held Horlivka")."""
        if perp is not None and not perp.entry.named:
            perp = self._group_of_members(doc, doc[perp.start : perp.end].root) or perp
        subject = _subject_token(doc, candidate.trigger_span[0])
        if perp is None and subject is not None:
            perp = self._named_before(doc, subject)  # "The group attacked ..."
        if perp is None and subject is not None:  # "MEXICO CITY (Reuters) - Members of the ... Cartel ambushed": behind a dateline
            perp = next((m for tok in [subject, *(c for c in subject.children if c.dep_ == "appos")]
                         if (m := self._group_of_members(doc, tok)) is not None), None)
        pronoun = pronoun_subject(doc, candidate.trigger_span[0], self.lexicon)
        if pronoun is not None and "nsubjpass" in (pronoun.dep_, pronoun.head.dep_):
            pronoun = None  # "they were attacked by gunmen": the pronoun is the target
        owner = pronoun.head if pronoun is not None and pronoun.dep_ == "poss" else pronoun  # "its drones", not "its forces"
        if owner is not None and (perp is None or not perp.start <= owner.i < perp.end):
            said = self._said_by(doc, article, candidate) or (self._antecedent(doc, pronoun) if pronoun is not None and pronoun.dep_ != "poss" else None)
            if said is not None and (perp is None or (said.start, said.end) != (perp.start, perp.end)):
                if target is None and perp is not None and perp.kind in self.lexicon.armed:
                    target = Mention(perp.start, perp.end, perp.entry, perp.name, ROLE_TARGET)  # "after fighting with junta troops"
                perp = said
        if candidate.type == "battles" and perp is not None:
            perp, target = self._rivals(doc, sent, perp, target)
        armed_side = candidate.type in ("battles", "explosions_remote_violence") or candidate.sub_type == "disrupted_weapons_use"
        if target is None and armed_side:
            target = self._holder(doc, article, sent, perp)
        if target is None and candidate.sub_type == "disrupted_weapons_use":
            target = self._weapon_owner(doc, article, sent, perp) or self._weapon_user(doc, sent, ROLE_TARGET)
        return perp, target

    def _blamed_here(self, doc: Doc, sent: Span) -> Mention | None:
        """The armed actor that the event's own sentence blames ("Two soldiers were killed ...,
        the army said, blaming FARC dissidents"); a blame in the next sentence is ``_attach_blame``'s."""
        for mention in self._all_mentions:
            root = doc[mention.start : mention.end].root
            verb = root.head.lemma_.lower()
            blamed = root.dep_ == "dobj" and verb in self.lexicon.blame_verbs
            claims = root.dep_ == "nsubj" and verb in self.lexicon.claim_verbs  # "...; al-Shabaab claimed responsibility"
            if sent.start <= mention.start < sent.end and mention.kind in self.lexicon.armed and (blamed or claims):
                return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
        return None

    def _weapon_user(self, doc: Doc, sent: Span, role: str) -> Mention | None:
        """The state forces a weapon only one side fields stands for (``weapon_users``: a Shahed
        or an Iskander is Russia's, a HIMARS Ukraine's), where the sentence names no side."""
        users = self.lexicon.weapon_users
        for token in sent:
            pair = f"{token.lower_} {doc[token.i + 1].lower_}" if token.i + 1 < sent.end else ""
            code = users.get(token.lower_) or users.get(token.lemma_.lower()) or users.get(pair)
            name = country_names().get(code) if code else None
            if name:
                return Mention(token.i, token.i + 1, self._state_entry(), name=name, role=role)
        return None

    def _weapon_owner(self, doc: Doc, article: Article, sent: Span, perp: Mention | None) -> Mention | None:
        """Whose weapons were shot down or defused: the people's adjective on them ("shot down 14
        Russian drones": Russia's forces)."""
        weapons = frozenset().union(*self.lexicon.remote_words.values())
        for token in sent:  # "shot down an army drone": the army's
            if token.head.lower_ in weapons and token.dep_ in ("compound", "amod") and not (perp is not None and perp.start <= token.i < perp.end):
                entry = next((a for a in self.lexicon.actors if a.kind in self.lexicon.armed and not a.named and token.lower_ in a.words), None)
                if entry is not None:
                    return Mention(token.i, token.i + 1, entry, role=ROLE_TARGET)
        starts, _ = _token_char_bounds(doc)
        for loc in article.locations:
            if not (loc.feature == "country" and sent.start_char <= loc.span[0] < sent.end_char):
                continue
            first = bisect_right(starts, loc.span[0]) - 1
            if not (loc.adjectival or doc[first].dep_ in ("compound", "nmod")):  # "a US MQ-9 Reaper drone"
                continue
            head = doc[first].head
            while head.dep_ in ("compound", "nmod") and head.lower_ not in weapons:
                head = head.head
            if head.lower_ in weapons and not (perp is not None and perp.start <= first < perp.end):
                return Mention(first, first + 1, self._state_entry(), name=loc.name, role=ROLE_TARGET)
        return None

    def _foreign_opponent(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        """The opponent a foreign state's forces imply where no target is named: a town taken or
        fought over, or positions hit, in a country at war with theirs (``state_rivals``) are
        that country's forces' ("Russian troops pushed into Vovchansk": Ukraine's forces;
        "dropped munitions on positions near Kupiansk"); a town a non-state group takes in a
        sentence of fighting was taken from the state's forces."""
        perp, place = candidate.perpetrator, candidate.location
        if candidate.target is not None or perp is None or place is None or not place.country_code:
            return
        if perp.kind != "state_forces":
            if candidate.sub_type == "non_state_actor_overtakes_territory" and any(t.lower_ in self.lexicon.fighting_words for t in sent):
                first = bisect_right(_token_char_bounds(doc)[0], place.span[0]) - 1
                candidate.target = Mention(first, first + 1, self._state_entry(), name=country_names().get(place.country_code), role=ROLE_TARGET)
            return
        posts = any(t.lower_ in self.lexicon.facility_words and t.dep_ in ("dobj", "pobj") for t in sent)
        if not (candidate.sub_type in TERRITORY_SUB_TYPES or candidate.type == "battles"
                or (candidate.type == "explosions_remote_violence" and posts)):
            return
        starts, ends = _token_char_bounds(doc)
        own = next((loc.country_code for loc in article.locations if loc.feature == "country"
                    and starts[perp.start] <= loc.span[0] and loc.span[1] <= ends[perp.end - 1]), None)
        if own is None or own == place.country_code or frozenset((own, place.country_code)) not in self.lexicon.state_rivals:
            return  # foreign troops elsewhere (peacekeepers, allies of the host state) imply no opponent
        first = bisect_right(starts, place.span[0]) - 1
        last = bisect_right(starts, place.span[1] - 1) - 1
        name = country_names().get(place.country_code)
        candidate.target = Mention(first, last + 1, self._state_entry(), name=name, role=ROLE_TARGET)

    def _group_of_members(self, doc: Doc, token) -> Mention | None:
        """The named armed group people are members of ("Members of a local People's Defence Force")."""
        if token.lower_ not in self.lexicon.member_words:
            return None
        group = member_of(doc, token)
        if group is None:
            return None
        for mention in self._speakers + self._all_mentions:
            root = doc[mention.start : mention.end].root
            names_it = root.head.i == group.i and root.dep_ in ("compound", "amod") and mention.entry.named  # "a Chapitos cell"
            if (mention.start <= group.i < mention.end or names_it) and mention.kind in self.lexicon.armed:
                return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
        return None

    def _one_state(self, doc: Doc, article: Article, a: Mention, b: Mention) -> bool:
        """Whether two state-forces mentions are one state's ("Police and soldiers pushed gangs
        out": allies, not the two sides; "Indian and Pakistani troops" stay two)."""
        if a.kind != "state_forces" or b.kind != "state_forces":
            return False
        starts, ends = _token_char_bounds(doc)
        return _country_of(article, starts[a.start], ends[a.end - 1]) == _country_of(article, starts[b.start], ends[b.end - 1])

    def _rivals(self, doc: Doc, sent: Span, perp: Mention, target: Mention | None) -> tuple[Mention, Mention | None]:
        """Armed men "loyal to" someone are a militia; groups that fight "rival" groups or "each
        other" are both sides ("Armed groups loyal to rival commanders fought": militia against
        militia)."""
        root = doc[perp.start : perp.end].root
        if perp.kind == "armed_group" and not perp.entry.named and any(t.lower_ in self.lexicon.loyal_words for t in root.subtree):
            entry = next((a for a in self.lexicon.actors if a.kind == "militia" and not a.named), perp.entry)
            perp = Mention(perp.start, perp.end, entry, perp.name, perp.role, perp.facility, perp.agent)
        if target is None and perp.kind in self.lexicon.armed and has_phrase(" " + " ".join(t.lower_ for t in sent) + " ", self.lexicon.mutual_words):
            name = perp.name or perp.entry.name
            target = Mention(perp.start, perp.end, perp.entry, f"Rival {name[0].lower()}{name[1:]}" if name else None, ROLE_TARGET)
        return perp, target

    def _named_before(self, doc: Doc, token) -> Mention | None:
        """The named armed group "the group" stands for: the last one named before it."""
        if not group_anaphor(token, self.lexicon):
            return None
        named = [m for m in self._speakers + self._all_mentions if m.end <= token.i and m.entry.named and m.kind in self.lexicon.armed]
        if not named:
            return None
        last = max(named, key=lambda m: m.start)
        return Mention(last.start, last.end, last.entry, last.name, ROLE_PERPETRATOR)

    def _antecedent(self, doc: Doc, pronoun) -> Mention | None:
        """The armed subject of the sentence before a pronoun's ("Residents said armed men arrived
        on motorbikes. They opened fire ..."): who "they" are."""
        start = self._bounds[pronoun.i][0]
        if start == 0:
            return None
        previous = self._bounds[start - 1]
        subjects = [m for m in self._all_mentions if previous[0] <= m.start < previous[1] and m.kind in self.lexicon.armed
                    and doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        last = subjects[-1]
        return Mention(last.start, last.end, last.entry, last.name, ROLE_PERPETRATOR)

    def _holder(self, doc: Doc, article: Article, sent: Span, perp: Mention | None) -> Mention | None:
        """Who holds the place hit or taken ("Russian-held Horlivka": Russia's forces; "RSF-held
        districts": the RSF; "army-held parts": the army)."""
        word = held_by(doc, sent.start, sent.end, self.lexicon)
        if word is None or (perp is not None and perp.start <= word.i < perp.end):
            return None
        for mention in self._speakers + self._all_mentions:
            if mention.start <= word.i < mention.end and mention.kind in self.lexicon.armed:
                return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_TARGET)
        for loc in article.locations:
            if loc.feature == "country" and loc.span[0] <= word.idx < loc.span[1]:
                return Mention(word.i, word.i + 1, self._state_entry(), name=loc.name, role=ROLE_TARGET)
        lower = word.lower_.split("-")[0]
        entry = next((a for a in self.lexicon.actors if a.kind in self.lexicon.armed
                      and lower in {w.lower() for w in a.words}), None)
        return Mention(word.i, word.i + 1, entry, role=ROLE_TARGET) if entry is not None else None

    def _state_entry(self) -> ActorEntry:
        return next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))

    def _state_party(self, doc: Doc, article: Article, party: Mention) -> tuple[Mention | None, Mention | None]:
        """The two parties of an agreement where one is named as a country ("Israel and Hamas
        signed", "DRC, M23 agree"): the country stands for its state; the parties in text order."""
        starts, _ = _token_char_bounds(doc)
        for loc in article.locations:
            if loc.feature != "country" or loc.adjectival:
                continue
            first = bisect_right(starts, loc.span[0]) - 1
            last = bisect_right(starts, loc.span[1] - 1) - 1
            if last + 1 < party.start:
                between = doc[last + 1 : party.start]
            elif party.end < first:
                between = doc[party.end : first]
            else:
                continue
            if len(between) > 2 or any(t.lower_ not in ("and", ",", "&") for t in between):
                continue
            entry = next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
            state = Mention(first, last + 1, entry, name=loc.name, role=ROLE_PERPETRATOR)
            return (state, party) if first < party.start else (party, state)
        return party, None

    def _said_by(self, doc: Doc, article: Article, candidate: Candidate) -> Mention | None:
        """Who a pronoun subject stands for: the actor that says it ("Somali forces said they had
        recaptured Eldher"; "Israel says it struck ...": the state's forces)."""
        subject = said_subject(doc, candidate.trigger_span[0], self.lexicon)
        if subject is None and candidate.type == "strategic_developments":
            subject = saying_subject(doc, candidate.trigger_span[0], self.lexicon)
        if subject is None:
            return None
        group = self._group_of_members(doc, subject) or self._named_before(doc, subject)
        if group is not None:
            return group
        for mention in self._speakers + self._all_mentions:
            root = doc[mention.start : mention.end].root
            # "l'armée malienne says it ...": the parser may make the actor a modifier of the sayer's head
            modifies = root.head.i == subject.i and root.dep_ in ("compound", "amod", "nmod")
            if (mention.start <= subject.i < mention.end or modifies) and mention.kind in self.lexicon.armed:
                return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
        for loc in article.locations:
            if loc.feature == "country" and loc.span[0] <= subject.idx < loc.span[1]:
                starts, _ = _token_char_bounds(doc)
                first, last = bisect_right(starts, loc.span[0]) - 1, bisect_right(starts, loc.span[1] - 1) - 1
                entry = next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
                return Mention(first, last + 1, entry, name=loc.name, role=ROLE_PERPETRATOR)
        return None

    def _owner_of_post(self, doc: Doc, article: Article, sent: Span, perp: Mention | None) -> Mention | None:
        """The state whose post or positions were hit ("Indian artillery shelled Pakistani positions")."""
        starts, _ = _token_char_bounds(doc)
        for loc in article.locations:
            if not sent.start_char <= loc.span[0] < sent.end_char:
                continue
            if loc.adjectival and loc.feature == "country":
                name = loc.name
            elif loc.feature == "border" and loc.country_code:
                name = country_names().get(loc.country_code, loc.name)  # "a Saudi border post": the border holds the adjective
            else:
                continue
            first = bisect_right(starts, loc.span[0]) - 1
            if facility_owner(doc, first, self.lexicon) and not (perp is not None and perp.start <= first < perp.end):
                entry = next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
                return Mention(first, first + 1, entry, name=name, role=ROLE_TARGET)
        return None

    def _second_people(self, doc: Doc, article: Article, perp: Mention | None) -> Mention | None:
        """The other side of "Russian and Ukrainian forces fought": the second people's adjective
        of one state-forces mention."""
        if perp is None or perp.kind != "state_forces":
            return None
        starts, ends = _token_char_bounds(doc)
        first_token = min(perp.start, doc[perp.start : perp.end].root.left_edge.i)  # "Russian and Ukrainian forces"
        inside = [loc for loc in article.locations if loc.adjectival and loc.feature == "country"
                  and starts[first_token] <= loc.span[0] and loc.span[1] <= ends[perp.end - 1]]
        if len(inside) < 2 or inside[0].country_code == inside[1].country_code:
            return None
        first = bisect_right(starts, inside[1].span[0]) - 1
        perp.name = inside[0].name
        return Mention(first, first + 1, perp.entry, name=inside[1].name, role=ROLE_TARGET)

    def _communal(self, doc: Doc, here: list[Mention], perp: Mention | None, target: Mention | None) -> tuple[Mention | None, Mention | None]:
        """Two groups of people who fight each other ("herders and farmers clashed") are
        communal militias, not civilians."""
        words = self.lexicon.communal_words
        groups = [m for m in here if m.kind == "civilians" and doc[m.start : m.end].root.lower_ in words]
        if len(groups) < 2 or (perp is not None and perp not in groups):
            return perp, target
        first, second = groups[0], groups[1]
        # each side by its own words, so that the two are not one side fighting itself
        return tuple(Mention(m.start, m.end, ActorEntry("militia", f"{doc[m.start : m.end].text.capitalize()} militia", ()), role=role)
                     for m, role in ((first, ROLE_PERPETRATOR), (second, ROLE_TARGET)))  # type: ignore[return-value]

    def _context_type(self, doc: Doc, candidate: Candidate, words: set[str], joined: str, here: list[Mention]) -> None:
        """What the sentence's words say of the type: territory taken "without a fight" changes
        hands peacefully; state violence against people in a protest is excessive force; a
        bare strike by state forces, no weapon named, is an air or drone strike."""
        lexicon = self.lexicon
        perp, target = candidate.perpetrator, candidate.target
        if candidate.sub_type == "armed_clash" and candidate.trigger.by_perpetrator:
            crowd = next((m for m in here if m.kind in ("protesters", "rioters")), None)
            if crowd is not None:  # "clashes between student protesters and ruling-party activists": a riot
                candidate.type, candidate.sub_type = "riots", "violent_demonstration"
                candidate.perpetrator = Mention(crowd.start, crowd.end, ActorEntry("rioters", "Rioters", ()), role=ROLE_PERPETRATOR)
                candidate.target = target if target is not None and target.kind in lexicon.armed else None
        if candidate.sub_type == "violent_demonstration" and candidate.target is not None and candidate.target.kind not in lexicon.armed:
            candidate.target = None  # "Rioters torch mosque": a riot against things names no side
        if candidate.sub_type in TERRITORY_SUB_TYPES and has_phrase(joined, lexicon.peaceful_takeover):
            candidate.type, candidate.sub_type = "strategic_developments", "non_violent_transfer_of_territory"
        state = perp is not None and perp.kind == "state_forces"
        if candidate.type == "violence_against_civilians" and candidate.sub_type == "attack" and state and words & lexicon.protest_words:
            candidate.type, candidate.sub_type = "protests", "excessive_force_against_protesters"
        if candidate.type == "protests" and candidate.sub_type != "peaceful_protest" and target is not None and target.kind == "civilians":
            candidate.target = Mention(target.start, target.end, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)
        state_subject = next((m for m in here if m.kind == "state_forces" and m.role == ROLE_PERPETRATOR and not m.facility), None)
        if candidate.sub_type == "peaceful_protest" and state_subject is not None:
            # police arresting, dispersing or shooting at the crowd ("police kill 3 in protests")
            lethal = has_phrase(joined, lexicon.lethal_words)
            candidate.sub_type = "excessive_force_against_protesters" if lethal else "protest_with_intervention"
            crowd = next((m for m in (target, perp) if m is not None and m is not state_subject and m.kind in lexicon.victims), None)
            candidate.perpetrator = state_subject
            candidate.target = crowd and Mention(crowd.start, crowd.end, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)
        elif candidate.sub_type == "peaceful_protest":
            candidate.target = None  # a peaceful protest is against no one ACLED names
        if candidate.type == "protests" and candidate.sub_type != "peaceful_protest":
            if candidate.perpetrator is None:
                candidate.perpetrator = state_subject or next((m for m in here if m.kind == "state_forces"), None)
            if candidate.target is None:  # "to break up a rally": the crowd at it
                word = next((t for t in doc[candidate.sentences[0][0] : candidate.sentences[0][1]] if t.lower_ in lexicon.protest_words), None)
                if word is not None:
                    candidate.target = Mention(word.i, word.i + 1, ActorEntry("protesters", "Protesters", ()), role=ROLE_TARGET)
        if candidate.sub_type == "agreement" and candidate.target is not None and candidate.target.kind == "state_forces" and (
                candidate.perpetrator is None or candidate.perpetrator.kind != "state_forces"):
            candidate.perpetrator, candidate.target = candidate.target, candidate.perpetrator  # the government signs first
        trigger_word = doc[candidate.trigger_span[0]].lower_
        # "strike on Jabalia school kills 17": no attacker, no weapon named
        if candidate.type == "battles" and state and trigger_word in lexicon.unnamed_strike_nouns | {"struck"} and candidate.trigger.remote:
            candidate.type, candidate.sub_type = "explosions_remote_violence", "air_drone_strike"  # "Israel says it struck Hezbollah's headquarters"
        unnamed_strike = perp is None and doc[candidate.trigger_span[0]].pos_ == "NOUN" and trigger_word in lexicon.unnamed_strike_nouns
        if (candidate.trigger.remote and candidate.type != "explosions_remote_violence"
                and (unnamed_strike or state and trigger_word in lexicon.air_strike_nouns)):
            candidate.type, candidate.sub_type = "explosions_remote_violence", "air_drone_strike"

    def _denier(self, doc: Doc, article: Article, candidate: Candidate | int) -> Mention | None:
        """Who denies the event is who it is laid at ("Army denies airstrike that killed 5");
        ``candidate`` may be the trigger's token index."""
        trigger_char = doc[candidate if isinstance(candidate, int) else candidate.trigger_span[0]].idx
        for quote in article.quotes:
            if quote.speaker is None or not any(s <= trigger_char < e for s, e in quote.content.spans):
                continue
            if not any(c.quote_id == quote.id and c.stance == "denied" and c.span[0] <= trigger_char < c.span[1] for c in article.claims):
                continue
            starts, _ = _token_char_bounds(doc)
            first = bisect_right(starts, quote.speaker.span[0]) - 1
            last = bisect_right(starts, quote.speaker.span[1] - 1) - 1
            words = {doc[i].lemma_.lower() for i in range(first, last + 1)} | {doc[i].lower_ for i in range(first, last + 1)}
            entry = next((a for a in self.lexicon.actors if words & {w.lower() for w in a.words} and a.kind in self.lexicon.armed), None)
            if entry is not None:
                return Mention(first, last + 1, entry, role=ROLE_PERPETRATOR)
        return None

    def _armed_protester(self, doc: Doc, candidate: Candidate) -> bool:
        """The protest word's own subject is an armed actor ("troops rallied"); an armed actor
        elsewhere in the sentence is not the protester ("police dispersed the protest")."""
        perp = candidate.perpetrator
        if perp is None or perp.kind not in self.lexicon.protest_subject_not:
            return False
        if doc[perp.start : perp.end].root.head.i in range(*candidate.trigger_span):
            return True
        candidate.perpetrator = None
        return False

    def _remote(self, doc: Doc, article: Article, candidate: Candidate, joined: str) -> None:
        """A strike word is remote violence where the sentence, else the headline, names the
        weapon ("a humanitarian convoy was struck" under "Drone strike on aid convoy")."""
        if not candidate.trigger.remote:
            return
        lo, _ = body_bounds(doc)
        headline = " " + " ".join((article.title or doc_text(doc)[:lo]).lower().replace(",", " ").split()) + " "
        for words in (joined, headline):
            for sub_type, weapons in self.lexicon.remote_words.items():
                if any(f" {w} " in words for w in weapons):
                    candidate.type, candidate.sub_type = "explosions_remote_violence", sub_type
                    return

    def _retype(self, candidate: Candidate) -> None:
        trigger = candidate.trigger
        if trigger.by_target:
            kind = candidate.target.kind if candidate.target else None
            key = "armed" if kind in self.lexicon.armed or kind in self.lexicon.state_side else kind
            chosen = (trigger.by_target.get(key) if key is not None else None) or trigger.by_target.get("other")
            if chosen:
                candidate.type, candidate.sub_type = chosen
        if trigger.by_perpetrator:
            kind = candidate.perpetrator.kind if candidate.perpetrator else None
            chosen = (trigger.by_perpetrator.get(kind) if kind is not None else None) or trigger.by_perpetrator.get("other")
            if chosen:
                candidate.type, candidate.sub_type = chosen
        target = candidate.target
        if candidate.sub_type in TERRITORY_SUB_TYPES and target is not None and target.kind not in self.lexicon.armed:
            candidate.target = None  # territory changes hands: "retaking towns and villages" hits no civilians

    # --- place and day ----------------------------------------------------------------------

    def _place(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        """The event's place: the sentence's non-adjectival locations, narrowed by the filters of
        ``PLACE_FILTERS`` in their order, then the most specific one nearest the trigger."""
        query = PlaceQuery(doc, article, candidate, sent, doc_text(doc), self)
        first = label_head_start(query.text, sent.start_char)
        places = [loc for loc in article.locations if first <= loc.span[0] < sent.end_char and not loc.adjectival]
        for place_filter in PLACE_FILTERS:
            places = place_filter(query, places)
        if places:
            self._set_place(query, places)

    def _set_place(self, query: PlaceQuery, places: list[Location]) -> None:
        """The most specific of the places left, nearest the trigger, with UCDP's precision."""
        doc, candidate, sent = query.doc, query.candidate, query.sent
        trigger_char = doc[candidate.trigger_span[0]].idx
        # a place on the map beats one the gazetteer lacks ("a camp in Bulengo, west of Goma"),
        # unless the text says it is a town of the place on the map ("the Rakhine town of Maungdaw")
        settled = _town_of_region(query.text, places)
        located = [loc for loc in places if loc.lat is not None] or places
        best = settled[0] if settled else min(located, key=lambda loc: (FEATURE_RANK.get(loc.feature or "other", 0), abs(loc.span[0] - trigger_char)))
        candidate.location = best
        prec = self.lexicon.where_prec.get(best.feature or "other", 1)
        if settled:  # known to the region that holds it
            prec = self.lexicon.where_prec.get(settled[1].feature or "admin1", 4)
        elif best.lat is None:
            # named but not on the map: no more is known than its country
            prec = max(prec, self.lexicon.where_prec.get("country", 6))
        before = doc_text(doc)[max(sent.start_char, best.span[0] - 25) : best.span[0]].lower().split()
        if prec == 1 and set(before[-3:]) & self.lexicon.near_words:
            prec = 2
        if best.id in query.regions:  # "in the Kharkiv and Sumy regions": the region, not the city
            prec = max(prec, self.lexicon.where_prec.get("admin1", 4))
        candidate.where_prec = prec

    def _not_speakers(self, article: Article, places: list[Location]) -> list[Location]:
        """The places that are not who speaks. A place in a speaker is the speaker's ("Russia's
        Defense Ministry said ...", of a quote cued by saying: "residents of Bunia held a rally to
        show support" is no speech), and so is a place that is the whole speaker of a verb of
        saying ("Moscow says it struck ...", "as Russia insisted ..."); a place that is the whole
        speaker otherwise is a dateline or a label ("Mali: drone strike kills eight")."""
        said = [q.speaker.span for q in article.quotes if q.speaker and (q.cue is None or _said_cue(q.cue.text, self.lexicon))]
        saying = {tuple(q.speaker.span) for q in article.quotes if q.speaker and q.cue is not None and _said_cue(q.cue.text, self.lexicon)}
        return [loc for loc in places if not any(a <= loc.span[0] and loc.span[1] <= b
                                                 and ((a, b) != tuple(loc.span) or (a, b) in saying)
                                                 for a, b in said)]

    def _date(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        published = article.published
        dates = [
            d for d in article.dates
            if label_head_start(doc_text(doc), sent.start_char) <= d.span[0] < sent.end_char and _is_day_or_date(d)
            and (iso := _iso_range(d.value)) is not None
            and (published is None or iso[0] <= published)
        ]
        text = doc_text(doc)
        dates = [d for d in dates if not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words]
        # nor a day inside a "since" clause ("since fighting erupted on April 15")
        starts, _ = _token_char_bounds(doc)
        dates = [d for d in dates if not in_since_phrase(doc[max(0, bisect_right(starts, d.span[0]) - 1)], self._recent)]
        if dates:
            trigger_char = doc[candidate.trigger_span[0]].idx
            token_of = {id(d): max(0, bisect_right(starts, d.span[0]) - 1) for d in dates}
            # a day of the trigger's own clause first ("fired rockets on Wednesday in response to a
            # strike that killed one of its fighters on Tuesday": the strike's day is Tuesday)
            clauses = linked_clauses(doc, clause_head(doc[candidate.trigger_span[0]]))
            candidate.date = min(dates, key=lambda d: (speech_day(doc, token_of[id(d)], self.lexicon),
                                                       _granularity(d.value or "") != "day",
                                                       clause_head(doc[token_of[id(d)]]) not in clauses, abs(d.span[0] - trigger_char)))

    def _recent_only(self, article: Article, candidates: list[Candidate]) -> list[Candidate]:
        """Events whose own sentence dates them long before publication ("Kupiansk, which
        Ukrainian forces recaptured in September", in a March article) are background where the
        article reports a recent one; an article about old events only keeps them."""
        if not article.published:
            return candidates
        try:
            published = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            return candidates

        def old(candidate: Candidate) -> bool:
            span = _iso_range(candidate.date.value) if candidate.date else None
            return span is not None and (published - dt.date.fromisoformat(span[1])).days > self.lexicon.recent_days

        recent = [c for c in candidates if not old(c)]
        return recent or candidates

    def _attach_blame(self, doc: Doc, candidates: list[Candidate], mentions: list[Mention], bounds) -> None:
        """A sentence that blames an armed actor ("Officials blamed Russian forces"), or in which
        one claims it ("Al-Shabaab claimed responsibility"), names the perpetrator of the event
        before it, where that event has none."""
        owned = {c.sentences[0] for c in candidates}
        lexicon = self.lexicon
        for mention in sorted(mentions + self._speakers, key=lambda m: m.start):
            sent = bounds[mention.start]
            if sent in owned or mention.kind not in lexicon.armed:
                continue
            root = doc[mention.start : mention.end].root
            group_words = lexicon.group_nouns | self._actor_words
            while root.dep_ == "compound" and root.head.lower_ in group_words:
                root = root.head  # "The Viv Ansanm gang coalition said ..."
            verb = root.head.lemma_.lower()
            claims = root.dep_ == "nsubj" and (verb in lexicon.claim_verbs  # "Al-Shabaab claimed."
                                               or (verb in lexicon.say_verbs and _says_it_did(doc, root.head, lexicon.claim_phrases)))
            blamed = root.dep_ == "dobj" and (_role(doc, mention, [], lexicon.blame_verbs) == ROLE_PERPETRATOR
                                               or verb in lexicon.suspect_verbs)  # "Officials said they suspected al-Shabaab"
            denies = root.dep_ == "nsubj" and verb == "deny" and any(
                c.dep_ == "dobj" and c.lower_ in lexicon.responsibility_words for c in root.head.children)
            if not (claims or blamed or denies):
                continue
            before = [c for c in candidates if c.sentences[0][0] < sent[0]]
            if not before:
                continue
            event = before[-1]
            # a named group blamed or claiming replaces "gunmen"; a denier only stands where no one is named
            unnamed = event.perpetrator is not None and event.perpetrator.kind == "armed_group" and not event.perpetrator.entry.named
            if event.perpetrator is None or (unnamed and not denies and mention.entry.named):
                mention.role = ROLE_PERPETRATOR
                event.perpetrator = mention

    def _attach_tolls(self, doc: Doc, article: Article, candidates: list[Candidate], lo: int, hi: int) -> None:
        """Each casualty count goes to the event of its sentence, else to the event before it
        (the first event when it comes before all of them)."""
        bounds = self._bounds
        starts, _ = _token_char_bounds(doc)
        owned: dict[tuple[int, int], list[Candidate]] = {}
        for c in candidates:
            owned.setdefault((c.sentences[0][0], c.sentences[0][1]), []).append(c)
        firsts = [c.sentences[0][0] for c in candidates]
        by_object: dict[tuple[int, int], Candidate] = {}
        for quantity in sorted(article.quantities, key=lambda q: q.span[0]):
            quantity = self._killed_count(doc, quantity, starts)
            casualty = quantity.casualty
            if casualty is None or casualty.cumulative or not lo <= quantity.span[0] < hi:
                continue
            before = doc_text(doc)[max(lo, quantity.span[0] - 22) : quantity.span[0]].lower()
            if any(before.rstrip().endswith(word) for word in self.lexicon.part_words):
                continue  # part of a count already taken ("16 civilians, including three MSF staff")
            token = max(0, bisect_right(starts, quantity.span[0]) - 1)
            if self._background(doc, doc[token]) or self._background_antecedent(doc, doc[token]):
                continue  # "more than 1,000 civilians have been killed in the region since then"
            sent = bounds[token]
            # "one of the victims", or a part the casualty reading marked ("Two of the wounded were in critical condition")
            partitive = casualty.part or any(f" {w} " in f" {quantity.text.lower()} " for w in self.lexicon.partitive_words)
            here = owned.get(sent)
            # of two incidents in one sentence, the one whose clauses hold the count
            candidate = next((c for c in here if clause_head(doc[token]) in c.clauses), here[0]) if here else None
            if candidate is None:
                at = bisect_right(firsts, token) - 1
                # the toll of the thing its people were at ("two workers at the depot"), and so the
                # other counts of that sentence ("... but the company denied anyone was hurt")
                named = self._event_of_object(doc, token, candidates[: max(at, 0) + 1]) or by_object.get(sent)
                candidate = named or candidates[max(at, 0)]
                if named is not None:
                    by_object[sent] = named
                if self._elsewhere(doc, article, candidate, sent):
                    continue  # "The death toll from Saturday's strike on Dnipro has risen to 12" is not Kherson's
                if sent not in candidate.sentences:
                    candidate.sentences.append(sent)
            candidate.quantities.append(quantity)
            if partitive:
                candidate.partitive.add(quantity.id)  # "one of the victims": kept only where it counts a side anew
            if any(doc[i].lower_ in self.lexicon.additive_words for i in range(*sent)):
                candidate.additive.add(quantity.id)  # "Eight attackers were also killed": more dead, not a restatement

    def _killed_count(self, doc: Doc, quantity: Quantity, starts: list[int]) -> Quantity:
        """A count the casualty reading gives no role that a killing verb takes as its object or
        passive subject ("neutralised 13 ISWAP terrorists", "12 assailants were neutralised") is
        a toll of the dead, for this event only."""
        if quantity.casualty is not None or quantity.kind != "count" or quantity.value <= 0:
            return quantity
        root = doc[max(0, bisect_right(starts, quantity.span[0]) - 1) : max(1, bisect_right(starts, quantity.span[1] - 1))].root
        verb = root.head
        if root.dep_ in ("dobj", "nsubjpass") and (verb.lower_ in self.lexicon.killing_verbs or verb.lemma_.lower() in self.lexicon.killing_verbs):
            return dataclasses.replace(quantity, casualty=Casualty(role="killed", who=quantity.concept))
        return quantity

    def _event_of_object(self, doc: Doc, token: int, before: list[Candidate]) -> Candidate | None:
        """The event whose sentences name the thing a toll's people were at: "two workers at the
        depot were wounded" is the toll of the attack on the fuel depot, not of the event told
        just before it. None where the count names no such thing or no event names it."""
        count = doc[token]
        noun = count.head if count.dep_ in ("nummod", "quantmod") else count
        things = {t.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "inside", "near", "on")
                  for t in p.children if t.dep_ == "pobj" and t.pos_ == "NOUN"}
        if not things:
            return None
        for candidate in reversed(before):
            if any(doc[i].lemma_.lower() in things for s, e in candidate.sentences for i in range(s, e)):
                return candidate
        return None

    def _background_antecedent(self, doc: Doc, token) -> bool:
        """A relative clause on a noun of a background clause is background too, its trigger and
        its count: "Russia has reported cross-border shelling before, including an incident last
        week that killed a military chaplain"."""
        verb = doc[clause_head(token)]
        return verb.dep_ == "relcl" and self._background(doc, verb.head)

    def _elsewhere(self, doc: Doc, article: Article, candidate: Candidate, sent: tuple[int, int]) -> bool:
        """A sentence with a toll and no event of its own names another place or another day
        than the event before it: the toll is of another incident."""
        lo, hi = doc[sent[0]].idx, doc[sent[1] - 1].idx + len(doc[sent[1] - 1])
        places = [loc for loc in article.locations if lo <= loc.span[0] < hi and not loc.adjectival]
        if candidate.location is not None and places and not any(_same_place(candidate.location, loc) for loc in places):
            return True
        text = doc_text(doc)
        days = [d for d in article.dates if lo <= d.span[0] < hi and _is_day_or_date(d) and _granularity(d.value or "") == "day"
                and not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words]
        return candidate.date is not None and bool(days) and not any(_same_day(candidate.date, d) for d in days)

    # --- records ------------------------------------------------------------------------------

    def _events(self, doc: Doc, article: Article, candidates: list[Candidate]) -> list[Event]:
        text = doc_text(doc)
        starts, ends = _token_char_bounds(doc)
        events = []
        _date_from_neighbours(candidates)
        for number, candidate in enumerate(candidates, 1):
            if candidate.retarget and (candidate.type, candidate.sub_type) in candidate.trigger.by_target.values():
                self._retype(candidate)  # an attack whose victims the next sentence names as soldiers is a battle
            claims = _claims_in(article.claims, [(starts[s], ends[e - 1]) for s, e in candidate.sentences])
            ts, te = starts[candidate.trigger_span[0]], ends[candidate.trigger_span[1] - 1]
            figures = _figures(candidate.quantities, article)
            sides = self._sides(candidate)
            fatalities = _toll(figures, "killed", candidate.additive, sides, candidate.partitive)
            if fatalities.best is None:
                fatalities = self._no_toll(doc, candidate, candidates)
            _lethal_intervention(candidate, fatalities)
            date_start, date_end, date_prec = self._dates_of(doc, article, candidate)
            victims = _victims_of(candidate, self._victim_words)
            if victims is not None and candidate.type == "protests":  # "police kill 3 in protests": the 3 protested
                victims = EventActor(text=victims.text, span=victims.span, name="Protesters", kind="protesters")
            actors = self._distinct(EventActors(
                perpetrator=self._actor(doc, article, candidate.perpetrator, candidate),
                target=self._actor(doc, article, candidate.target, candidate) or victims,
            ), candidate)
            events.append(Event(
                id=f"e{number}",
                type=candidate.type,
                sub_type=candidate.sub_type,
                violence=self._violence(candidate, actors),
                trigger=TextSpan(text[ts:te], (ts, te)),
                actors=actors,
                location=candidate.location.id if candidate.location else None,
                where_prec=candidate.where_prec,
                date=candidate.date.id if candidate.date else None,
                date_start=date_start,
                date_end=date_end,
                date_prec=date_prec,
                fatalities=fatalities,
                wounded=_toll(figures, "wounded", candidate.additive, sides, candidate.partitive),
                figures=figures,
                claims=[c.id for c in claims],
            ))
        return events

    def _sides(self, candidate: Candidate) -> dict[str, str]:
        """The side each count of the event counts, from the actor noun of its people ("31
        attackers": the armed group, "9 soldiers": the state's forces, "12 civilians": the victims);
        counts whose people the actor nouns do not name are left out."""
        sides = {}
        for quantity in candidate.quantities:
            who = (quantity.casualty.who or "").lower() if quantity.casualty else ""
            kind = self.lexicon.generic_kinds.get(who) or self.lexicon.generic_kinds.get(who.rsplit(" ", 1)[-1])
            side = self.lexicon.toll_sides.get(kind or "")
            if side:
                sides[quantity.id] = side
        return sides

    def _no_toll(self, doc: Doc, candidate: Candidate, candidates: list[Candidate]) -> Toll:
        """A toll of 0 where the report says nobody died in words the casualty reading has no
        count in ("no casualties reported", "the crew was unharmed"), in the event's sentences
        or the next one where that tells no event of its own; else nothing said."""
        bounds = self._bounds
        sentences = list(candidate.sentences)
        last = max(e for _, e in sentences)
        owned = {c.sentences[0] for c in candidates}
        if last < len(doc) and bounds[last] not in owned:
            sentences.append(bounds[last])
        for start, end in sentences:
            joined = " " + " ".join(t.lower_ for t in doc[start:end]) + " "
            if has_phrase(joined, self.lexicon.zero_toll_phrases):
                return Toll(low=0, best=0, high=0)
        return Toll()

    def _dates_of(self, doc: Doc, article: Article, candidate: Candidate) -> tuple[str | None, str | None, int | None]:
        if candidate.date is not None:
            value = candidate.date.value or ""
            iso = _iso_range(value)
            if iso is not None:  # always: _date keeps only dates with a range
                return iso[0], iso[1], self.lexicon.date_prec.get(_granularity(value), 5)
        if self.lexicon.stamp is not None:
            head = doc_text(doc)[: doc[candidate.trigger_span[0]].idx]
            found = list(self.lexicon.stamp.finditer(head))
            if found:
                year, month, day = (int(g) for g in found[-1].groups())
                try:
                    stamp = dt.date(year, month, day).isoformat()
                    return stamp, stamp, self.lexicon.date_prec.get("day", 1)
                except ValueError:
                    pass
        if article.published:
            return article.published, article.published, self.lexicon.date_prec.get("nothing", 2)
        return None, None, None

    def _actor(self, doc: Doc, article: Article, mention: Mention | None, candidate: Candidate) -> EventActor | None:
        if mention is None:
            return None
        text = doc_text(doc)
        starts, ends = _token_char_bounds(doc)
        s, e = starts[mention.start], ends[mention.end - 1]
        name = mention.name or mention.entry.name
        if mention.kind == "state_forces" and name is None:
            name = _country_of(article, s, e) or _owner_country(doc, article, mention) or (
                country_names().get(candidate.location.country_code or "") if candidate.location else None
            )
        return EventActor(text=text[s:e], span=(s, e), name=name, kind=mention.kind)

    def _distinct(self, actors: EventActors, candidate: Candidate) -> EventActors:
        """One side never fights itself (Russia vs Russia): of two armed actors with one name,
        the one whose name came from the article's context, not its own words, goes; where
        both or neither did, the target goes."""
        perp, target = actors.perpetrator, actors.target
        if perp is None or target is None or perp.kind not in self.lexicon.armed:
            return actors
        if (perp.name, perp.kind) != (target.name, target.kind):
            return actors
        if perp.kind in self.lexicon.non_state and perp.name in self._generic_names and perp.text.lower() != target.text.lower():
            return actors  # two unnamed groups of one kind: "Bandits kill 9 vigilantes" (both militias)
        rival = self._rival_of(perp.name) if perp.kind == "state_forces" and not _own_name(candidate.target) else None
        if rival is not None:  # "a HIMARS strike ... killed 20 soldiers" near Oleshky: Ukraine's strike, Russia's soldiers
            return EventActors(perpetrator=perp, target=EventActor(text=target.text, span=target.span, name=rival, kind=target.kind))
        perp_own = _own_name(candidate.perpetrator)
        if _own_name(candidate.target) and not perp_own:
            return EventActors(perpetrator=None, target=target)
        return EventActors(perpetrator=perp, target=None)

    def _rival_of(self, name: str | None) -> str | None:
        """The one state at war with the named state (``state_rivals``), by name; None where
        there is none or several."""
        code = next((c for c, n in country_names().items() if n == name), None) if name else None
        rivals = [other for pair in self.lexicon.state_rivals if code in pair for other in pair if other != code]
        return country_names().get(rivals[0]) if len(rivals) == 1 else None

    def _violence(self, candidate: Candidate, actors: EventActors) -> ViolenceType | None:
        if candidate.type in ("protests", "riots", "strategic_developments") and candidate.sub_type != "excessive_force_against_protesters":
            return None
        perp = actors.perpetrator.kind if actors.perpetrator else None
        target = actors.target.kind if actors.target else None
        if candidate.sub_type == "excessive_force_against_protesters" and perp in self.lexicon.armed:
            return "one_sided"  # "police kill 3 in protests", whether or not the crowd is named
        if perp is None and target is not None:
            # UCDP codes who was hit where the attacker is unnamed: a bombing of civilians is
            # one-sided, an ambush of soldiers state-based
            return self.lexicon.unknown_side.get("civilians" if target in self.lexicon.victims else target)  # type: ignore[return-value]
        if perp not in self.lexicon.armed:
            return None
        if target in self.lexicon.victims:
            return "one_sided"
        if target in self.lexicon.armed or target in self.lexicon.state_side:
            if self.lexicon.state_side & {perp, target}:
                return "state_based"
            return "non_state"
        return None


# --- helpers --------------------------------------------------------------------------------


_ITEM_MARKERS = frozenset({"-", "*", "•", "–", "—"})


def _list_item_bounds(doc: Doc, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds with every incident-list item a sentence of its own: a line that opens
    with a list marker ("- Rutshuru: M23 rebels established positions ...", "2. Djibo: ...") ends
    the sentence before it, where the parser ran the two items into one."""
    text = doc_text(doc)
    if "\n" not in text:
        return bounds
    token_starts, _ = _token_char_bounds(doc)
    starts = []
    for line in re.finditer(r"\n[ \t]*(?=\S)", text):  # the first token of each line, not every token
        i = bisect_right(token_starts, line.end()) - 1
        if 0 < i < len(doc) and token_starts[i] == line.end() and (
                doc[i].text in _ITEM_MARKERS or doc[i].like_num and i + 1 < len(doc) and doc[i + 1].text in (".", ")")):
            starts.append(i)
    if not starts:
        return bounds
    out = list(bounds)
    for cut in starts:
        lo, hi = out[cut]
        if lo < cut:
            out[lo:cut] = [(lo, cut)] * (cut - lo)
            out[cut:hi] = [(cut, hi)] * (hi - cut)
    return out


def _lethal_intervention(candidate: Candidate, fatalities: Toll) -> None:
    """A crowd broken up with deaths, told in another sentence than the tear gas ("Police fired
    rubber bullets and tear gas at garment workers ... One worker was killed"), is excessive
    force against protesters (ACLED), not an intervention."""
    if candidate.sub_type == "protest_with_intervention" and (fatalities.best or 0) > 0:
        candidate.sub_type = "excessive_force_against_protesters"


def _token_char_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    from ..extensions import token_offsets

    return token_offsets(doc)


def _outside_dates(doc: Doc, article: Article, triggers: list[tuple[Trigger, int, int]]) -> list[tuple[Trigger, int, int]]:
    """Triggers that are not words of a date ("March 14" is no march)."""
    dates = [d.span for d in article.dates]
    if not dates:
        return triggers
    starts, _ = _token_char_bounds(doc)
    return [t for t in triggers if not any(s <= starts[t[1]] < e for s, e in dates)]


def _in_headline(doc: Doc, sent: Span) -> bool:
    """The sentence is the headline: it starts on the first line, and more lines follow."""
    text = doc_text(doc)
    first_break = text.find("\n")
    return 0 <= sent.start_char < first_break and text[first_break:].strip() != ""


def _planned(token, preparing_verbs: frozenset[str]) -> bool:
    """A strike noun forces are readied for is not done yet: "shifting its troops to the east for
    an intensified assault on the Donbas region", "massing troops for an offensive"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "for":
        return False
    verb = prep.head
    while verb.dep_ in ("dobj", "prep", "pobj") and verb.head.i != verb.i:  # "shifting its troops ... for"
        verb = verb.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in preparing_verbs


def _period_of(token, period_nouns: frozenset[str]) -> bool:
    """A strike noun that a period was full of, the period the subject, tells of the period:
    "weeks of Russian bombardment and street fighting have caused severe shortages"."""
    while token.dep_ in ("conj", "nmod", "compound") and token.head.i != token.i:  # "bombardment and street fighting"
        token = token.head
    prep = token.head
    # the period as a subject ("after two days of fighting, police pushed gangs out" is the incident)
    return (token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in period_nouns
            and prep.head.dep_ in ("nsubj", "nsubjpass"))


def _vague(candidate: Candidate) -> bool:
    """A weak trigger that its weapon word has not made a strike ("attacked" beside "helicopter
    gunships" is an air strike): it folds into any event and takes that event's type."""
    return candidate.trigger.weak and not (candidate.trigger.remote and candidate.type == "explosions_remote_violence")


def _side(doc: Doc, mention: Mention) -> tuple[str, str]:
    """What names a side, to tell two sides apart: the entry's name, else the mention's words."""
    return mention.kind, mention.name or mention.entry.name or doc[mention.start : mention.end].text.lower()


def _clause_words(doc: Doc, sent: Span, trigger_start: int, forms: list[tuple[str, str]]) -> str:
    """The lower-case words of the trigger's clauses, space-padded: a weapon named in another
    clause ("..., while the army shelled ...") says nothing of this one."""
    clauses = linked_clauses(doc, clause_head(doc[trigger_start]))
    words = [forms[i - sent.start][1] for i in range(sent.start, sent.end) if clause_head(doc[i]) in clauses]
    return " " + " ".join(words) + " "


# ACLED's sub-types of territory changing hands: their other side is armed or none
TERRITORY_SUB_TYPES = frozenset({"government_regains_territory", "non_state_actor_overtakes_territory"})


@dataclass
class PlaceQuery:
    """What the place filters read: the event's sentence and the article around it."""

    doc: Doc
    article: Article
    candidate: Candidate
    sent: Span
    text: str
    extractor: EventExtractor
    regions: set[str] = field(default_factory=set)  # ids of places named as regions ("Zamfara and Sokoto states")


def _drop_actor_places(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place that names an actor is no place ("accused Kyiv of ...")."""
    return [loc for loc in places if loc.id not in query.extractor._actor_places]


def _drop_speakers(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place that speaks is no place ("Moscow says it struck ..."), except that who announces
    a development does it at home ("Myanmar junta announces truce")."""
    kept = query.extractor._not_speakers(query.article, places)
    if not kept and query.candidate.type == "strategic_developments":
        return places
    return kept


def _drop_side_countries(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A country that stands for its state as a side places nothing ("Israel and Hamas signed a
    ceasefire deal that would halt the war in Gaza"), where the sentence names another place."""
    starts, ends = _token_char_bounds(query.doc)
    sides = [(starts[m.start], ends[m.end - 1]) for m in (query.candidate.perpetrator, query.candidate.target) if m is not None]
    return [loc for loc in places if not (loc.feature == "country" and inside(sides, *loc.span))] or places


def _drop_modifying_countries(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A country that modifies a trigger names who struck, not where ("US strikes on Ras Isa")."""
    triggers = query.extractor._trigger_tokens
    return [loc for loc in places if not (loc.feature == "country" and any(_modifies(query.doc, loc, i) for i in triggers))]


def _drop_misresolved(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place read in another country than the place that holds it (``_misresolved_out``)."""
    return _misresolved_out(query.text, places)


def _drop_origins(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """Where a strike came from is not where it fell ("a rocket fired from Lebanon hit ... Majdal Shams");
    but the place a side withdraws from is where territory changes hands ("withdrew from Malam Fatori")."""
    lexicon = query.extractor.lexicon
    if query.candidate.sub_type == "non_violent_transfer_of_territory":
        return places
    return [loc for loc in places if not after_word(query.text, loc.span[0], lexicon.origin_words, query.sent.start_char)]


def _drop_dateline(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A wire dateline says where the report was filed: its town places the event only when the
    sentence names no other place ("GOMA, Congo (Reuters) - ... a camp west of Sake")."""
    lexicon = query.extractor.lexicon
    return [loc for loc in places if not loc.span[1] <= dateline_end(query.text, loc.span[0], lexicon)] or places


_AREA_PLURALS = r"(?:regions|states|provinces|oblasts|governorates|districts|counties|territories|departments)"
_REGION_PAIR = re.compile(r"\s*(?:,|and|&)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+" + _AREA_PLURALS + r"\b")


def _keep_region_pair(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """"X and Y regions" names two regions, not the city X: the first is the event's place, at a
    region's precision ("villages across Zamfara and Sokoto states": Zamfara, not Sokoto city)."""
    for loc in places:
        if _REGION_PAIR.match(query.text, loc.span[1]):
            query.regions.add(loc.id)
            return [loc]
    return places


_TOWN_OF = re.compile(r"\s+(?:town|village|city|district|locality)\s+of\s+$", re.IGNORECASE)


def _town_of_region(text: str, places: list[Location]) -> tuple[Location, Location] | None:
    """A place the gazetteer has no point for that the text calls a town of a region on the map
    ("the Rakhine town of Maungdaw"): the town, and the region that holds it."""
    for loc in places:
        if loc.lat is not None or loc.feature not in ("city", "other", None):
            continue
        for holder in places:
            if holder.lat is not None and holder.feature in ("admin1", "admin2") and holder.span[1] <= loc.span[0] \
                    and _TOWN_OF.match(text[holder.span[1] : loc.span[0]]):
                return loc, holder
    return None


def _drop_roads(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A town that names a road is not where the road runs ("an ambush on the Ippy road", under
    a "- Bambari:" label), where another place is named."""
    kept = [loc for loc in places if not _ROAD_AFTER.match(query.text, loc.span[1])]
    return kept or places


_ROAD_AFTER = re.compile(r"(?:-[A-Z][\w'-]*)?\s+(?:road|highway|axis|route)\b", re.IGNORECASE)


def _keep_trigger_clause(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """The places of the trigger's clause, where it names any (``_in_trigger_clause``)."""
    return _in_trigger_clause(query.doc, query.candidate.trigger_span[0], places) or places


def _keep_label_country(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A country that labels the report ("Mali: Jihadists kill 12 soldiers near Boni") says
    which Boni; a country named in the text ("U.S. warplanes struck ... Hodeidah") does not."""
    countries = {loc.country_code for loc in places if loc.feature == "country" and list_label(query.text, loc.span)}
    if not countries:
        return places
    return [loc for loc in places if loc.country_code in countries] or places


def _label_gives_way(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """The label of a list item gives way where its text names as fine a place ("- Mopti: an
    IED hit a minibus near Bandiagara"; but "- Afgooye: mortar rounds ..." in a Somalia list)."""
    labels = [loc for loc in places if list_label(query.text, loc.span)]
    others = [loc for loc in places if loc not in labels]
    if not (labels and others):
        return places
    finest = min(FEATURE_RANK.get(loc.feature or "other", 0) for loc in others)
    return others + [loc for loc in labels if FEATURE_RANK.get(loc.feature or "other", 0) < finest]


_POSSESSIVE_GAP = re.compile(r"^\s?['’]s\s+$")
_PAREN_GAP = re.compile(r"^\s*(?:village|town|city|camp|locality|area)?\s*\(\s*(?:[^()]*?,\s*)?$", re.IGNORECASE)


def _qualifies(text: str, outer: Location, inner: Location) -> bool:
    """Whether ``outer`` only says where ``inner`` lies: the possessor before it ("Kashmir's
    Kupwara", "Al-Fashir's Abu Shouk camp") or the area in parentheses after it ("Malam Fatori
    (Borno)", "Lopa village (Djugu territory, Ituri)")."""
    if outer.country_code and inner.country_code and outer.country_code != inner.country_code:
        return False
    if outer.span[1] <= inner.span[0] and _POSSESSIVE_GAP.match(text[outer.span[1] : inner.span[0]]):
        return True
    return inner.span[1] <= outer.span[0] and bool(_PAREN_GAP.match(text[inner.span[1] : outer.span[0]])) \
        and ")" in text[outer.span[1] : outer.span[1] + 40].split("(")[0]


def _drop_qualifiers(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place that only says where another lies is not the event's place (``_qualifies``): the
    place it qualifies is, whichever clause the parser hangs the qualifier on."""
    return [loc for loc in places if not any(other is not loc and _qualifies(query.text, loc, other) for other in places)]


# The order in which an event's place is decided: each filter narrows the sentence's places;
# a filter that would leave none keeps them where its docstring says so.
PLACE_FILTERS = (
    _drop_actor_places,
    _drop_speakers,
    _drop_side_countries,
    _drop_modifying_countries,
    _drop_misresolved,
    _drop_origins,
    _drop_dateline,
    _drop_roads,
    _keep_region_pair,
    _drop_qualifiers,
    _keep_trigger_clause,
    _keep_label_country,
    _label_gives_way,
)


def _misresolved_out(text: str, places: list[Location]) -> list[Location]:
    """Leaves out a place read in another country than the place that holds it ("near Lido
    beach in Mogadishu": not Lido Beach, New York): "X in Y" and "X, Y" name X inside Y."""
    kept = []
    for loc in places:
        holder = next((other for other in places if other is not loc and 0 <= other.span[0] - loc.span[1] <= 4
                       and text[loc.span[1] : other.span[0]].strip() in ("in", ",")), None)
        if holder is None or not loc.country_code or not holder.country_code or holder.country_code == loc.country_code:
            kept.append(loc)
    return kept or places


def _in_trigger_clause(doc: Doc, trigger_start: int, places: list[Location]) -> list[Location]:
    """The places named in the trigger's clause ("As troops held positions near Kupiansk,
    Russian forces fired missiles at Kharkiv": Kharkiv)."""
    starts, _ = _token_char_bounds(doc)
    clause = clause_head(doc[trigger_start])
    return [loc for loc in places if clause_head(doc[max(0, bisect_right(starts, loc.span[0]) - 1)]) == clause]


def _said_cue(cue: str, lexicon: EventLexicon) -> bool:
    """Whether a quote's cue is a verb of saying ("said", "told", "according to")."""
    return any(word in lexicon.say_verbs or word == "according" or word.rstrip("s") in lexicon.say_verbs for word in cue.lower().split())


def _is_day_or_date(date: DateMention) -> bool:
    """A DATE, or a TIME that names its day ("on Monday morning": 2024-07-08TMO)."""
    value = date.value or ""
    return date.type == "DATE" or (date.type == "TIME" and len(value) >= 10 and value[4] == "-" and value[7] == "-")


def _own_name(mention: Mention | None) -> bool:
    """The mention names its side itself ("Russian forces", "Hamas"), not by the country the
    article is about."""
    if mention is None:
        return False
    return bool(mention.name or mention.entry.name or mention.entry.named) or mention.end - mention.start > 1


def _names_trigger_noun(doc: Doc, mention: Mention, trigger_start: int) -> bool:
    """A named actor written just before the trigger noun that the parser took for a verb: "IS
    attack kills 4" ("IS" read as "is", so the name is in no clause of the attack's)."""
    root = doc[mention.start : mention.end].root
    return (mention.entry.named and mention.end == trigger_start and doc[trigger_start].pos_ == "NOUN"
            and root.pos_ in ("VERB", "AUX"))


def _verb_in_disguise(doc: Doc, start: int, end: int, lexicon: EventLexicon) -> bool:
    """A lone actor noun that is a headline's verb: "shelling forces thousands to flee" (the
    parser reads "forces" as a noun; a count or a group of people after it says it is not)."""
    if end - start != 1 or doc[start].lower_ not in lexicon.compelling_verbs or end >= len(doc):
        return False
    if any(child.i < start for child in doc[start].children):
        return False  # "Russian forces 10 km from Pokrovsk", "the forces": a noun with its modifiers
    following = doc[end]
    return following.like_num or following.lower_ in lexicon.compelled_words


def _modifies_thing(doc: Doc, mention: Mention, taken: set[int]) -> bool:
    """A generic actor noun that only modifies another noun names a thing, not an actor
    ("police station", "army base")."""
    if mention.entry.named:
        return False
    root = doc[mention.start : mention.end].root
    # headline parses make a capitalised subject a compound of the verb ("Rioters torch ...")
    if root.head.ent_type_ == "PERSON":
        return False  # "opposition leader Nika Melia" is the person
    return root.dep_ == "compound" and root.head.i >= mention.end and root.head.i not in taken and not doc[mention.start].is_title


def _agent_of_modifier(root, trigger_tokens: set[int], event_tokens: range) -> bool:
    """The noun is the "by" agent of a participle that describes another noun and reports no
    event ("a rally held by M23 rebels"): whose thing it is, not who struck."""
    while root.dep_ == "compound":
        root = root.head
    agent = root.head
    if root.dep_ != "pobj" or agent.dep_ != "agent" or agent.head.dep_ != "acl":
        return False
    # "an IED planted by ISWAP militants": the weapon's, so who struck
    return agent.head.i not in trigger_tokens and agent.head.head.i not in event_tokens


def _generic_kind_of_named(found: list[tuple[int, int, ActorEntry]]) -> list[tuple[int, int, ActorEntry]]:
    """Where the events lexicon's nouns and a named actor cover the same words ("MINUSCA",
    "AUSSOM": an intergovernmental body in actors.toml, peacekeepers in events.toml), the named
    actor keeps its name and takes the events lexicon's kind: events.toml codes the sides."""
    generic = {(start, end): entry.kind for start, end, entry in found if not entry.named}
    return [(start, end, dataclasses.replace(entry, kind=generic[(start, end)]))
            if entry.named and generic.get((start, end), entry.kind) != entry.kind else (start, end, entry)
            for start, end, entry in found]


def _named_with_noun(doc: Doc, mentions: list[Mention], employee_kinds: frozenset[str] = frozenset(),
                     armed: frozenset[str] = frozenset()) -> list[Mention]:
    """A named actor right before the generic noun it modifies is one mention, of the named
    actor's kind: "Wagner fighters" are Wagner's, not some rebels. A named body that fights for
    no side before people of ``employee_kinds`` is whom they work for: "Al Jazeera journalist"
    and "WFP staff" are civilians, "MINUSCA peacekeeper" a peacekeeper."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        root = doc[last.start : last.end].root if last else None
        if (last is not None and root is not None and last.entry.named and not mention.entry.named
                and last.end == mention.start and root.dep_ == "compound" and mention.start <= root.head.i < mention.end):
            entry = last.entry
            if mention.kind in employee_kinds and entry.kind not in armed:
                entry = dataclasses.replace(entry, kind=mention.kind)
            merged[-1] = Mention(last.start, mention.end, entry, last.name, last.role, mention.facility, last.agent or mention.agent)
            continue
        merged.append(mention)
    return merged


def _subject_of(doc: Doc, mention: Mention, verbs: frozenset[str]) -> bool:
    """The mention is the subject of one of the verbs (or of a verb conjoined to one)."""
    root = doc[mention.start : mention.end].root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.lemma_.lower() in verbs or any(c.dep_ == "conj" and c.lemma_.lower() in verbs for c in verb.children)


def _suspecting_verb(doc: Doc, mention: Mention, suspect_verbs: frozenset[str]):
    """The verb of "thought / believed / suspected to be <mention>", or None."""
    root = doc[mention.start : mention.end].root
    be = root.head
    if root.dep_ not in ("attr", "oprd") or be.lemma_.lower() != "be" or be.dep_ != "xcomp":
        return None
    return be.head if be.head.lemma_.lower() in suspect_verbs else None


def _widen(doc: Doc, mention: Mention, taken: set[int], unit_words: frozenset[str] = frozenset()) -> Mention:
    """The mention with the modifiers right before it ("Russian forces", "Malian army",
    "Russian assault units")."""
    start = mention.start
    while start > 0 and start - 1 not in taken:
        token = doc[start - 1]
        # a lower-case noun before it is kept only as the nation's government ("Somali government
        # troops") or a kind of unit ("assault units")
        noun_ok = token.pos_ != "NOUN" or token.lower_ == "government" or token.lower_ in unit_words
        if token.dep_ in ("amod", "compound", "nmod") and token.pos_ in ("ADJ", "PROPN", "NOUN") and noun_ok and token.head.i >= mention.start:
            start -= 1
        else:
            break
    mention.start = start
    return mention


def _role(doc: Doc, mention: Mention, here: list[Mention], blame_verbs: frozenset[str] = frozenset()) -> str | None:
    """Perpetrator or target from the mention head's place in the parse."""
    span = doc[mention.start : mention.end]
    head = span.root
    dep, parent = head.dep_, head.head
    if dep in ("dobj", "nsubjpass") and parent.lemma_.lower() in blame_verbs:
        return ROLE_PERPETRATOR  # "blamed Russian forces", "forces were accused of using chlorine"
    if dep == "nsubj" and any(c.dep_ == "agent" for c in parent.children):
        return ROLE_TARGET  # a headline's passive: "Two soldiers killed by separatists"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i > head.i for c in head.children) and dep == "ROOT":
        return ROLE_TARGET  # "Three policemen martyred in ...", a headline without its verb "were"
    if dep == "poss" and parent.dep_ in ("dobj", "pobj", "nsubjpass"):
        return ROLE_TARGET  # "struck Hezbollah's headquarters"
    if dep == "pobj" and parent.lower_ == "of" and parent.head.dep_ == "nsubj" and parent.head.i not in range(mention.start, mention.end):
        return ROLE_PERPETRATOR  # "Members of the Imbonerakure militia raped ..."
    if dep in ("nsubjpass", "dobj", "attr", "oprd"):
        return ROLE_TARGET
    if (dep == "nsubj" and parent.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in parent.children)
            and not any(c.dep_ == "dobj" for c in parent.children)):  # with an object it is active: "forces 'neutralised' 30 fighters"
        return ROLE_TARGET  # a headline's passive: "Two soldiers killed by separatists"
    if dep in ("nsubj", "poss"):
        return ROLE_PERPETRATOR
    if dep == "pobj":
        prep = parent.lower_
        if prep in ("by", "between"):
            return ROLE_PERPETRATOR
        if prep in ("on", "against", "at", "into", "of", "for"):
            return ROLE_TARGET
    if dep == "conj":
        first = next((m for m in here if m.start <= parent.i < m.end), None)
        if first is not None:
            if parent.head.lower_ == "between" or (first.role == ROLE_PERPETRATOR and parent.dep_ == "pobj"):
                return ROLE_TARGET
            return first.role
    if dep in ("compound", "amod") and parent.dep_ in ("nsubj",):
        return ROLE_PERPETRATOR
    if dep in ("compound", "amod") and parent.dep_ in ("dobj", "nsubjpass", "pobj"):
        return ROLE_TARGET if parent.head.lower_ not in ("by",) else ROLE_PERPETRATOR
    return None


def _date_from_neighbours(candidates: list[Candidate]) -> None:
    """An event whose sentences say no day takes the day of the event told before it (the
    article's day: "... on Saturday. In a separate attack, shelling killed two"), else after it.
    Only a day is lent: a year or month dates its own event, often background ("Crimea, seized
    in 2014"), not the article's."""
    dated = [c.date if c.date is not None and _granularity(c.date.value or "") == "day" else None for c in candidates]
    for i, candidate in enumerate(candidates):
        if candidate.date is None:
            before = [d for d in dated[:i] if d is not None]
            after = [d for d in dated[i + 1 :] if d is not None]
            candidate.date = before[-1] if before else (after[0] if after else None)


def _victims_of(candidate: Candidate, victim_words: frozenset[str] = frozenset()) -> EventActor | None:
    """Where a strike or an attack on people names nobody hit, the people its toll counts are
    its civilian target ("Four dead after shelling"; "hit the centre of Kryvyi Rih, killing 9
    people": the count's own civilian noun, where the roles did not read it)."""
    if candidate.type not in ("explosions_remote_violence", "violence_against_civilians") and candidate.sub_type != "excessive_force_against_protesters":
        return None
    for quantity in candidate.quantities:
        casualty = quantity.casualty
        who = (casualty.who or "").lower() if casualty else ""
        if casualty and casualty.role in TOLL_ROLES and (not who or who in victim_words) and quantity.value > 0 and not quantity.implicit:
            return EventActor(text=quantity.text, span=quantity.span, name="Civilians", kind="civilians")
    return None


def _conjunct_of(doc: Doc, mention: Mention, other: Mention) -> bool:
    root = doc[mention.start : mention.end].root
    return root.dep_ == "conj" and other.start <= root.head.i < other.end


def _crowd(doc: Doc, candidate: Candidate, kind: str) -> Mention | None:
    """The subject of a protest word as the protesters ("Thousands protest in ...")."""
    trigger = doc[candidate.trigger_span[0]]
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    subject = next((child for child in verb.children if child.dep_ in ("nsubj",)), None)
    while subject is None and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "Thousands marched ... to protest"
        subject = next((child for child in verb.children if child.dep_ in ("nsubj",)), None)
    if subject is None:  # a headline parsed as a noun phrase: "Thousands march in Belgrade"
        subject = next((c for c in trigger.children if c.dep_ in ("nummod", "compound") and c.i < trigger.i and c.pos_ in ("NOUN", "NUM")), None)
    if subject is None:
        return None
    start = min(t.i for t in subject.subtree)
    while start < subject.i and doc[start].pos_ == "DET":
        start += 1
    return Mention(start, subject.i + 1, ActorEntry(kind, kind.capitalize(), ()), role=ROLE_PERPETRATOR)


def _adjectival_near(article: Article, doc: Doc, token_i: int) -> bool:
    return _adjectival_location(article, doc, token_i) is not None


def _adjectival_location(article: Article, doc: Doc, token_i: int, weapons: frozenset[str] = frozenset()) -> Location | None:
    """A people's adjective right before the trigger ("a Russian drone", "Israeli strike"); with
    ``weapons``, other weapons joined to the trigger may stand between ("a Russian missile and
    drone attack")."""
    start = doc[token_i].idx
    reach = 40 if weapons else 12
    for loc in article.locations:
        if loc.feature == "country" and not loc.adjectival and 0 <= start - loc.span[1] <= 2 and _modifies(doc, loc, token_i):
            return loc  # "US airstrike kills 5", "US strikes on Ras Isa": the country's forces
        if loc.adjectival and loc.feature == "country" and 0 <= start - loc.span[1] <= reach:
            between = [w for w in doc_text(doc)[loc.span[1] : start].lower().replace(",", " ").split() if w not in weapons]
            if len(between) <= 1:
                return loc
    return None


def _as_phrase(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is what someone is dressed or posing as ("Gunmen dressed as civilians")."""
    first = mention.start
    return first >= 2 and doc[first - 1].lower_ == "as" and doc[first - 2].lower_ in DISGUISE_WORDS


def _modifies(doc: Doc, loc: Location, token_i: int) -> bool:
    """Whether a place's name is a modifier of the token ("US" in "US airstrike")."""
    starts, _ = _token_char_bounds(doc)
    last = doc[bisect_right(starts, loc.span[1] - 1) - 1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i == token_i


def _adjectival_actor(doc: Doc, article: Article, token_i: int, lexicon: EventLexicon) -> Mention | None:
    weapons = frozenset().union(*lexicon.remote_words.values()) | {"and", "&"}
    loc = _adjectival_location(article, doc, token_i, weapons)
    if loc is None:
        return None
    starts, _ = _token_char_bounds(doc)
    first = bisect_right(starts, loc.span[0]) - 1
    last = bisect_right(starts, loc.span[1] - 1) - 1
    entry = next((a for a in lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
    return Mention(first, last + 1, entry, name=loc.name, role=ROLE_PERPETRATOR)


def _agent_adjective(doc: Doc, article: Article, candidate: Candidate, lexicon: EventLexicon) -> Mention | None:
    """The state whose people's adjective stands on the trigger's "by" agent: "one of its
    paramedics was killed by Israeli fire", "wounded by Russian shelling"."""
    trigger = doc[candidate.trigger_span[1] - 1]
    for agent in (c for c in trigger.children if c.dep_ == "agent"):
        for noun in (c for c in agent.children if c.dep_ == "pobj"):
            actor = _adjectival_actor(doc, article, noun.i, lexicon)
            if actor is not None:
                return actor
    return None


def _owner_country(doc: Doc, article: Article, mention: Mention) -> str | None:
    """The country that "its forces" belong to: the last country named before it in its
    sentence ("Russia insisted its forces had hit ..."), not the article's country."""
    if mention.start == 0 or doc[mention.start - 1].lower_ not in ("its", "their"):
        return None
    sent_start = doc[sentence_bounds(doc)[mention.start][0]].idx
    before = [loc for loc in article.locations if loc.feature == "country" and sent_start <= loc.span[0] < doc[mention.start].idx]
    return max(before, key=lambda loc: loc.span[0]).name if before else None


def _country_of(article: Article, start: int, end: int) -> str | None:
    for loc in article.locations:
        if loc.feature == "country" and start <= loc.span[0] and loc.span[1] <= end:
            return loc.name
    return None


def _iso_range(value: str | None) -> tuple[str, str] | None:
    """First and last day an ISO date value covers (2023-04, 2023-W14, 2023-04-30T10:00)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = dt.date.fromisoformat(value[:10]).isoformat()
            return day, day
        if len(value) >= 8 and value[5] == "W":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            first = monday + dt.timedelta(days=5) if value.endswith("-WE") else monday  # the weekend
            return first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return f"{value}-01", f"{value}-{last:02d}"
        if len(value) == 4:
            return f"{value}-01-01", f"{value}-12-31"
    except ValueError:
        return None
    return None


def _granularity(value: str) -> str:
    if len(value) >= 10 and value[7] == "-":
        return "day"
    if len(value) >= 8 and value[5] == "W":
        return "week"
    if len(value) == 7:
        return "month"
    return "year"


def _claims_in(claims: list[Claim], ranges: list[tuple[int, int]]) -> list[Claim]:
    return [c for c in claims if any(c.span[0] < e and s < c.span[1] for s, e in ranges)]


def _claim_of(claims: list[Claim], span: tuple[int, int]) -> Claim | None:
    """The narrowest claim that holds the span."""
    holding = [c for c in claims if c.span[0] <= span[0] and span[1] <= c.span[1]]
    return min(holding, key=lambda c: c.span[1] - c.span[0]) if holding else None


def _figures(quantities: list[Quantity], article: Article) -> list[EventFigure]:
    figures = []
    for quantity in quantities:
        claim = _claim_of(article.claims, quantity.span)
        figures.append(EventFigure(
            role=quantity.casualty.role if quantity.casualty else "killed",
            quantity=quantity.id,
            value=quantity.value,
            source=(claim.source if claim and claim.source else article.source),
            claim=claim.id if claim else None,
            stance=claim.stance if claim else "asserted",
        ))
    return figures


def _toll(figures: list[EventFigure], role: str, additive: set[str] = frozenset(),  # type: ignore[assignment]
          sides: dict[str, str] | None = None, partitive: set[str] = frozenset()) -> Toll:  # type: ignore[assignment]
    """One article's toll for ``role``: counts in one claim add up (soldiers and attackers),
    restatements and updates across claims give the range; best is the highest count that is
    not denied (a toll that rises through the article ends at its latest figure). Where every
    count names its side (``sides``) and they name more than one, each side's toll is read so
    and the sides add up: "the army said 31 attackers were killed, while residents said 9
    soldiers died" is 40, not 9 to 31. A count that picks from another ("one of the victims",
    ``partitive``) adds only a side no other count names ("six of the attackers")."""
    sides = sides or {}
    chosen = [f for f in figures if f.role == role]
    named = {sides.get(f.quantity) for f in chosen if f.quantity not in partitive}
    chosen = [f for f in chosen if f.quantity not in partitive or (sides.get(f.quantity) and sides[f.quantity] not in named)]
    if not chosen:
        return Toll()
    by_side: dict[str | None, list[EventFigure]] = {}
    for figure in chosen:
        by_side.setdefault(sides.get(figure.quantity), []).append(figure)
    if len(by_side) < 2 or None in by_side:
        return _claims_toll(chosen, additive)
    tolls = [_claims_toll(group, additive) for group in by_side.values()]
    return Toll(low=sum(t.low or 0 for t in tolls), best=sum(t.best or 0 for t in tolls), high=sum(t.high or 0 for t in tolls))


def _claims_toll(chosen: list[EventFigure], additive: set[str]) -> Toll:
    """The toll of counts of one side: counts in one claim add up, across claims the range."""
    standing = [f for f in chosen if f.stance != "denied"] or chosen
    added = sum(f.value for f in standing if f.quantity in additive)
    totals: dict[str | None, float] = {}
    for figure in standing:
        if figure.quantity in additive and len(standing) > 1:
            continue
        key = figure.claim or figure.quantity
        totals[key] = totals.get(key, 0.0) + figure.value
    if len(standing) > 1 and added:
        totals = {key: value + added for key, value in totals.items()} or {None: added}
    values = sorted(totals.values())
    return Toll(low=values[0], best=values[-1], high=values[-1])


def _same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.name or a.text) == (b.name or b.text):
        return True
    # a province named next to a town in it ("Kharkiv region" and Vovchansk)
    for wide, narrow in ((a, b), (b, a)):
        if wide.feature == "admin1" and narrow.admin1 and wide.country_code == narrow.country_code and _same_name(wide, narrow.admin1):
            return True
    # a country or region named next to a town in it is the same place, less precisely
    coarse = {"country", "admin1", "region"}
    if a.feature in coarse or b.feature in coarse:
        return a.country_code is not None and a.country_code == b.country_code and (a.feature == "country" or b.feature == "country")
    return False


def _same_name(place: Location, admin1: str) -> bool:
    """The province's name and a town's ``admin1`` agree ("Kharkiv Oblast", "Kharkiv")."""
    names = {(place.name or "").lower(), place.text.lower()}
    admin = admin1.lower()
    return any(n and (n == admin or n.split()[0] == admin.split()[0]) for n in names)


def _same_country(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or a.country_code is None or b.country_code is None:
        return True
    return a.country_code == b.country_code


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return _iso_range(a.value) == _iso_range(b.value)


def _fold(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that agree on place and day and on the kind of event become one event; a
    weak trigger ("killed", "attacked") folds into any event it agrees with."""
    events: list[Candidate] = []
    for candidate in candidates:
        into = None
        if not candidate.separate:
            into = next(
                (e for e in reversed(events)
                 if _same_place(e.location, candidate.location) and _same_day(e.date, candidate.date)
                 and (e.type == candidate.type or _vague(candidate) or _vague(e))),
                None,
            )
        # the headline sums up the lead: it folds with the body's first event of its kind in the
        # same country, however differently the two name the place ("Gaza" and "Gaza City")
        if into is None and len(events) == 1 and events[0].headline and not candidate.headline and not candidate.separate:
            head = events[0]
            if _same_country(head.location, candidate.location) and _same_day(head.date, candidate.date) and (
                head.type == candidate.type or _vague(candidate) or _vague(head)
            ):
                into = head
        if into is None:
            events.append(candidate)
            continue
        _merge(into, candidate)
    return events


def _merge(into: Candidate, other: Candidate) -> None:
    if _vague(into) and not _vague(other):
        into.trigger, into.type, into.sub_type, into.trigger_span = other.trigger, other.type, other.sub_type, other.trigger_span
    into.sentences.extend(s for s in other.sentences if s not in into.sentences)
    into.quantities.extend(other.quantities)
    into.additive |= other.additive
    into.partitive |= other.partitive
    into.perpetrator = into.perpetrator or other.perpetrator
    into.retarget = into.target is None and other.target is not None
    into.target = into.target or other.target
    if other.location is not None and (into.location is None or (into.where_prec or 9) > (other.where_prec or 9)):
        into.location, into.where_prec = other.location, other.where_prec
    into.date = into.date or other.date


def _subject_token(doc: Doc, trigger_i: int):
    """The subject of the trigger's verb (the trigger itself where it is a verb), or None."""
    verb = doc[trigger_i]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _says_it_did(doc: Doc, verb, phrases: tuple[str, ...]) -> bool:
    """Whether what ``verb`` says claims an attack ("said it was behind the attack")."""
    said = " ".join(t.lower_ for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree)
    return any(f" {p} " in f" {said} " for p in phrases)
