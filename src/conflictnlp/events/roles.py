"""Who did it and to whom: each mention's role in the trigger's clause, the sides named elsewhere in the sentence or article, and blame told in other sentences."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from ..model import Article
from .candidate import (
    ROLE_OWNER,
    ROLE_PERPETRATOR,
    ROLE_TARGET,
    TERRITORY_SUB_TYPES,
    VIOLENT_TYPES,
    Candidate,
    Mention,
    _token_char_bounds,
)
from .clauses import clause_head, linked_clauses
from .lexicon import ActorEntry, EventLexicon
from .places import _adjectival_location
from .sides import ContextSides

DISGUISE_WORDS = frozenset({"dressed", "disguised", "posing", "posed", "masquerading"})  # "... as civilians"
INTERVENTION_SUB_TYPES = frozenset({"protest_with_intervention", "excessive_force_against_protesters"})


def _names_trigger_noun(doc: Doc, mention: Mention, trigger_start: int) -> bool:
    """A named actor written just before the trigger noun that the parser took for a verb: "IS
    attack kills 4" ("IS" read as "is", so the name is in no clause of the attack's)."""
    root = doc[mention.start : mention.end].root
    return (mention.entry.named and mention.end == trigger_start and doc[trigger_start].pos_ == "NOUN"
            and root.pos_ in ("VERB", "AUX"))


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


def _subject_of(doc: Doc, mention: Mention, verbs: frozenset[str]) -> bool:
    """The mention is the subject of one of the verbs (or of a verb conjoined to one)."""
    root = doc[mention.start : mention.end].root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    return verb.lemma_.lower() in verbs or any(c.dep_ == "conj" and c.lemma_.lower() in verbs for c in verb.children)


_PASSIVE_FORMS = frozenset({"killed", "wounded", "injured", "abducted", "kidnapped"})


def _headline_passive(doc: Doc, verb: Token) -> bool:
    """A past form with no object and no auxiliary, a preposition right after it: a headline's
    passive the parser read as active ("Ranger killed in Narathiwat roadside bombing")."""
    if verb.lower_ not in _PASSIVE_FORMS or verb.i + 1 >= len(doc) or doc[verb.i + 1].dep_ != "prep" or doc[verb.i + 1].head.i != verb.i:
        return False
    return not any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp") for c in verb.children)


def _role(doc: Doc, mention: Mention, here: list[Mention], blame_verbs: frozenset[str] = frozenset()) -> str | None:
    """Perpetrator or target from the mention head's place in the parse."""
    span = doc[mention.start : mention.end]
    head = span.root
    dep, parent = head.dep_, head.head
    if dep in ("dobj", "nsubjpass") and parent.lemma_.lower() in blame_verbs:
        return ROLE_PERPETRATOR  # "blamed Russian forces", "forces were accused of using chlorine"
    if dep == "pobj" and parent.lower_ in ("to", "on") and parent.head.lemma_.lower() in blame_verbs:
        return ROLE_PERPETRATOR  # "attributed the device to the CJNG"
    if dep == "pobj" and parent.lower_ == "on" and parent.head.dep_ == "dobj" and parent.head.head.lemma_.lower() in blame_verbs:
        return ROLE_PERPETRATOR  # "Police blamed the attack on armed herders" ("on" hung on the attack)
    if dep == "nsubj" and any(c.dep_ == "agent" for c in parent.children):
        return ROLE_TARGET  # a headline's passive: "Two soldiers killed by separatists"
    if dep == "ROOT" and any(c.dep_ == "acl" and c.lemma_.lower() in blame_verbs for c in head.children):
        return ROLE_PERPETRATOR  # a headline's "Burkinabe army accused of killing 40 civilians"
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
    if dep == "nsubj" and _headline_passive(doc, parent):
        return ROLE_TARGET  # "Ranger killed in Narathiwat roadside bombing", parsed as active
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


def _suspected_of(doc: Doc, mention: Mention, trigger_start: int) -> bool:
    """The mention is what someone is thought to be, and the trigger is that someone's verb or a
    clause on the mention ("Gunmen believed to be bandits killed ...")."""
    root = doc[mention.start : mention.end].root
    if root.dep_ not in ("attr", "oprd") or root.head.lemma_.lower() != "be":
        return False
    trigger = doc[trigger_start]
    return (trigger.head.i == root.i and trigger.dep_ in ("acl", "relcl")) or trigger.i in {c.i for c in root.head.head.children} \
        or trigger.head.i == root.head.head.i


def _own_men(doc: Doc, mention: Mention) -> bool:
    """A generic noun owned by "their" / "its": a side's own men or forces ("pull their fighters out")."""
    root = doc[mention.start : mention.end].root
    return not mention.entry.named and any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in root.children)


def _counted_in(doc: Doc, mention: Mention, clauses: set[int]) -> bool:
    """The mention's count is in one of the clauses though the parser cut the noun phrase after
    it ("kill 20 IS militants": "IS" read as a verb with a clause of its own)."""
    count = doc[mention.start - 1] if mention.start > 0 else None
    return count is not None and count.like_num and count.head.i not in range(mention.start, mention.end) and clause_head(count) in clauses


def _conjunct_of(doc: Doc, mention: Mention, other: Mention) -> bool:
    root = doc[mention.start : mention.end].root
    return root.dep_ == "conj" and other.start <= root.head.i < other.end


def _crowd(doc: Doc, candidate: Candidate, kind: str) -> Mention | None:
    """The subject of a protest word as the protesters ("Thousands protest in ...")."""
    trigger = doc[candidate.trigger_span[0]]
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if verb.pos_ == "ADP" and verb.head.pos_ == "VERB":
        verb = verb.head  # "Tens of thousands marched ... in a peaceful protest"
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


def _as_phrase(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is what someone is dressed or posing as ("Gunmen dressed as civilians")."""
    first = mention.start
    return first >= 2 and doc[first - 1].lower_ == "as" and doc[first - 2].lower_ in DISGUISE_WORDS


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


def _identified_attackers(root: Token, lexicon: EventLexicon) -> bool:
    """The noun is what the attackers were identified as ("The attackers, identified as CODECO
    militiamen, fled", "The gunmen were later identified as ADF rebels"); not what victims were."""
    if root.dep_ != "pobj" or root.head.lower_ != "as" or root.head.head.lemma_.lower() not in lexicon.identify_verbs:
        return False
    verb = root.head.head
    identified = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return identified is not None and identified.pos_ != "PRON" and identified.lower_ in lexicon.attacker_words


def _says_it_did(doc: Doc, verb, phrases: tuple[str, ...]) -> bool:
    """Whether what ``verb`` says claims an attack ("said it was behind the attack")."""
    said = " ".join(t.lower_ for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree)
    return any(f" {p} " in f" {said} " for p in phrases)


class ActorRoles(ContextSides):
    """Decides each candidate's perpetrator and target."""

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

    def _actor_before(self, doc: Doc, article: Article, candidate: Candidate, sent: Span, target: Mention) -> Mention | None:
        """Who did what an agentless passive tells ("Eleven terrorists were killed", "Twenty
        terrorists were neutralised"): the armed subject of an active verb in the sentence before
        it in the paragraph ("Security forces carried out an operation in Datta Khel."), where it
        is another side than the people hit (a group's own men killed name no attacker)."""
        verb = doc[candidate.trigger_span[0]]
        if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
            return None
        before = self._line_neighbour(doc, sent, -1)
        if before is None:
            return None
        for mention in self._all_mentions:
            root = doc[mention.start : mention.end].root
            if not before.start <= mention.start < before.end or mention.kind not in self.lexicon.armed or mention.facility:
                continue
            if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
                continue
            if mention.kind == target.kind and (mention.kind != "state_forces" or self._one_state(doc, article, mention, target)):
                return None  # "Al-Shabaab fighters moved in. Three of the militants were killed": their own dead
            return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
        return None

    def _victims_before(self, doc: Doc, candidate: Candidate, sent: Span) -> Mention | None:
        """The people hit, told in the sentence before an attack noun that points back to it ("A
        man was killed and three houses were burned. Police said the attack was carried out by the
        gang": the man): the first victim the sentence before says died or was hit."""
        trigger = doc[candidate.trigger_span[0]]
        if trigger.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children):
            return None
        before = self._line_neighbour(doc, sent, -1)
        if before is None:
            return None
        for mention in self._all_mentions:
            hit = self._died(doc, mention) or doc[mention.start : mention.end].root.dep_ == "nsubjpass"  # "were shot dead"
            if before.start <= mention.start < before.end and mention.kind in self.lexicon.victims and hit:
                return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_TARGET)
        return None

    def _withdrawn_side(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        """The side that withdrew from a place another side took is the target of the taking,
        where the withdrawal is told in a clause or sentence of its own ("Government soldiers
        pulled out of their base, and rebels took control of it"; "Russian troops captured the
        village. Ukrainian forces withdrew to new positions"), in the sentence, or the one before
        or after it in the paragraph. A withdrawal told only as when the place was taken ("after
        government troops withdrew") names no side (events_dev.jsonl's convention)."""
        perp = candidate.perpetrator
        if candidate.sub_type not in TERRITORY_SUB_TYPES or candidate.target is not None or perp is None:
            return
        spans = [sent, *(span for step in (-1, 1) if (span := self._line_neighbour(doc, sent, step)) is not None)]
        for span in spans:
            for mention in self._all_mentions:
                if not span.start <= mention.start < span.end or mention.kind not in self.lexicon.armed:
                    continue
                if perp.start <= mention.start < perp.end or not _subject_of(doc, mention, self.lexicon.leaving_verbs):
                    continue
                verb = doc[mention.start : mention.end].root.head
                if verb.dep_ in ("advcl", "relcl", "pcomp", "acl") or (verb.dep_ == "conj" and verb.head.dep_ in ("advcl", "relcl")):
                    continue  # "after government troops withdrew": when it was taken, no side
                if mention.kind == perp.kind and (mention.kind != "state_forces" or self._one_state(doc, article, mention, perp)):
                    continue  # the taker's own units
                candidate.target = Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_TARGET)
                told = " " + " ".join(t.lower_ for s in spans for t in s) + " "
                if mention.start < candidate.trigger_span[0] and not any(f" {w} " in told for w in self.lexicon.fighting_words) \
                        and not any(f" {w} " in told for w in self.lexicon.advancing_words):
                    # one side left and the other then took the place, no fight told: ACLED's non-violent transfer
                    candidate.type, candidate.sub_type = "strategic_developments", "non_violent_transfer_of_territory"
                return

    def _in_clause(self, doc: Doc, trigger_start: int, mentions: list[Mention]) -> list[Mention]:
        """The mentions of the trigger's clause (and of a "when" clause tied to it: "Six soldiers
        were killed when their vehicle struck an IED"), and the victims named in the sentence's
        other clauses: an armed actor of another clause ("As Ukrainian troops held ..., Russian
        forces fired ...") is no side."""
        clauses = linked_clauses(doc, clause_head(doc[trigger_start]))
        # (a group suspected of it is its side, whatever clause the parser hangs it on: "Gunmen believed
        # to be bandits killed 12 worshippers", "killed" read as a clause on "bandits"; ``_suspected``)
        return [m for m in mentions if m.kind in self.lexicon.victims or clause_head(doc[m.start : m.end].root) in clauses
                or (m.agent and _suspected_of(doc, m, trigger_start))
                or self._died(doc, m) or _names_trigger_noun(doc, m, trigger_start) or _counted_in(doc, m, clauses)]

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
        # (with an object of its own the verb is active: "bandits killed 12 worshippers", misparsed as a clause on "bandits")
        return any(c.dep_ in ("acl", "relcl") and c.tag_ == "VBN" and c.lemma_.lower() in deaths and c.i > root.i
                   and not any(d.dep_ == "dobj" for d in c.children) for c in root.children)

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
        while root.dep_ == "conj" or (root.dep_ == "pobj" and root.head.lower_ == "of"):
            root = root.head if root.dep_ == "conj" else root.head.head  # "Police and Kenyan-led mission repel ...", "Units of the 14th Battalion repelled ..."
        return root.dep_ == "nsubj" and root.head.i == verb.i

    def _under_attack(self, verb: Token) -> Token | None:
        """The attack noun of a verb's "under" phrase ("came under attack", "was under fire")."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"):
            noun = next((o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in self.lexicon.under_attack_nouns), None)
            if noun is not None:
                return noun
        return None

    def _under_attack_role(self, doc: Doc, mention: Mention) -> str | None:
        """"X came under attack by/from Y": X was attacked and Y attacked it, though X is the subject."""
        root = doc[mention.start : mention.end].root
        if root.dep_ in ("compound", "amod") and root.head.dep_ == "nsubj":
            root = root.head  # "An army patrol came under attack"
        if root.dep_ == "nsubj" and self._under_attack(root.head) is not None:
            return ROLE_TARGET
        if root.dep_ != "pobj" or root.head.lower_ not in ("by", "from"):
            return None
        attached = root.head.head
        if self._under_attack(attached) is not None or (attached.dep_ == "pobj" and attached.head.lower_ == "under"
                                                         and attached.lemma_.lower() in self.lexicon.under_attack_nouns):
            return ROLE_PERPETRATOR
        return None

    def _said_to_be(self, doc: Doc, target: Mention | None) -> Mention | None:
        """What the victims are said to have been names their side ("shot dead two men the army
        said were militants": the militants, not two civilian men)."""
        if target is None:
            return None
        root = doc[target.start : target.end].root
        for said in (c for c in root.children if c.dep_ == "relcl" and c.lemma_.lower() in self.lexicon.say_verbs):
            for attr in (a for clause in said.children if clause.dep_ == "ccomp" for a in clause.children if a.dep_ == "attr"):
                side = next((m for m in self._all_mentions if m.start <= attr.i < m.end and m.kind in self.lexicon.armed), None)
                if side is not None:
                    return Mention(side.start, side.end, side.entry, side.name, ROLE_TARGET)
        return target

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
            if perp is None:
                perp = self._by_agent(doc, candidate)  # "the rape of 22 women by members of the Gran Grif gang"
        if perp is None and target is not None and candidate.type in VIOLENT_TYPES:
            perp = self._civilian_attacker(doc, candidate, here, target)
        target = self._said_to_be(doc, target)
        perp, target = self._sides_from_context(doc, article, candidate, sent, perp, target)
        if perp is None and target is not None and candidate.type in VIOLENT_TYPES:
            perp = self._actor_before(doc, article, candidate, sent, target)
        if target is None and candidate.type in VIOLENT_TYPES:
            target = self._victims_before(doc, candidate, sent)
        if candidate.type == "battles":
            perp, target = self._between(doc, candidate, perp, target)
            perp, target = self._communal(doc, here, perp, target)
        if target is None and candidate.type == "battles":
            target = self._relative_side(doc, candidate, sent, perp)
        if target is None and candidate.type in ("battles", "explosions_remote_violence"):
            target = self._second_people(doc, article, perp)
        if target is None and candidate.type in VIOLENT_TYPES:  # a bare "struck" is typed by its target later
            target = self._owner_of_post(doc, article, sent, perp)
        if target is None and candidate.type in VIOLENT_TYPES:
            target = self._attacked_post(doc, candidate, sent, perp)
        perp, target = self._recast_sides(doc, article, candidate, here, perp, target)
        candidate.perpetrator, candidate.target = perp, target

    def _between(self, doc: Doc, candidate: Candidate, perp: Mention | None,
                 target: Mention | None) -> tuple[Mention | None, Mention | None]:
        """The two armed sides of "clashes between X and Y", read from the words of the phrase
        where the parse of it is broken ("between the army and SPLA-IO fighters" parsed as one
        noun phrase): its first two armed mentions, when the roles did not give both."""
        if perp is not None and target is not None and perp.kind in self.lexicon.armed and target.kind in self.lexicon.armed:
            return perp, target
        trigger = doc[candidate.trigger_span[0]]
        between = next((c for c in trigger.children if c.lower_ == "between" and c.dep_ == "prep"), None)
        if between is None:
            return perp, target
        inside = [m for m in self._all_mentions if between.i < m.start <= between.right_edge.i and m.kind in self.lexicon.armed]
        if len(inside) == 1 and target is None:
            one = inside[0]
            root = doc[one.start : one.end].root
            if root.lemma_.lower() != root.lower_ and any(c.like_num or c.lower_ == "rival" for c in root.children):
                # "fighting between two Arab clans": both sides are of that kind
                name = one.name or one.entry.name or doc[one.start : one.end].text
                return (Mention(one.start, one.end, one.entry, one.name, ROLE_PERPETRATOR),
                        Mention(one.start, one.end, one.entry, f"Rival {name[0].lower()}{name[1:]}", ROLE_TARGET))
        if len(inside) < 2:
            return perp, target
        first, second = inside[0], inside[1]
        return (Mention(first.start, first.end, first.entry, first.name, ROLE_PERPETRATOR),
                Mention(second.start, second.end, second.entry, second.name, ROLE_TARGET))

    def _by_agent(self, doc: Doc, candidate: Candidate) -> Mention | None:
        """The armed "by" agent of the trigger where the clause reading missed it: of a trigger
        noun or a noun of its phrase ("the collective rape of 22 women by members of the Gran Grif
        gang"), or of a passive verb joined to the trigger ("residents were shot and their homes
        burned ... by the Gran Grif gang"), not of a clause of its own ("before he was shot dead
        by security forces"); members or elements of a group stand for the group."""
        trigger = doc[candidate.trigger_span[0]]
        words = {trigger, trigger.head} | {t for t in trigger.subtree if t.pos_ in ("NOUN", "PROPN")}
        words |= {c for w in words for c in w.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")}
        for word in sorted(words, key=lambda t: t.i):
            for by in (c for c in word.children if c.lower_ == "by" and c.dep_ in ("agent", "prep")):
                agent = next((c for c in by.children if c.dep_ == "pobj"), None)
                if agent is None:
                    continue
                group = self._group_of_members(doc, agent)
                if group is not None:
                    return group
                for mention in self._all_mentions:
                    if mention.start <= agent.i < mention.end and mention.kind in self.lexicon.armed:
                        return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
        return None

    def _attacked_post(self, doc: Doc, candidate: Candidate, sent: Span, perp: Mention | None) -> Mention | None:
        """A military post that is the trigger's own object, whose owner no one names, stands for
        the state's forces (``attacked_posts``): "Militants attacked a checkpoint", "an attack on
        an outpost" (a bombing "at a checkpoint" hit whoever was there: no side)."""
        trigger_tokens = range(*candidate.trigger_span)
        for token in sent:
            if token.lower_ not in self.lexicon.attacked_posts and token.lemma_.lower() not in self.lexicon.attacked_posts:
                continue
            if perp is not None and perp.start <= token.i < perp.end:
                continue
            object_of = token.dep_ == "dobj" and token.head.i in trigger_tokens
            hit_on = token.dep_ == "pobj" and token.head.lower_ in ("on", "against") and token.head.head.i in trigger_tokens
            # a headline's noun compound: "Militants attack checkpoint", "checkpoint attack kills 4"
            compound = (token.dep_ == "compound" and token.head.i in trigger_tokens) or any(
                doc[i].dep_ == "compound" and doc[i].head.i == token.i for i in trigger_tokens)
            if object_of or hit_on or compound:
                return Mention(token.i, token.i + 1, self._state_entry(), role=ROLE_TARGET)
        return None

    def _assign_roles(self, doc: Doc, candidate: Candidate, here: list[Mention]) -> None:
        """Each mention's role from the parse: who did it, who it was done to, or whose thing it is."""
        for mention in here:
            mention.role = self._under_attack_role(doc, mention) or _role(doc, mention, here, self.lexicon.blame_verbs)
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
            if mention.facility and mention.role == ROLE_PERPETRATOR and not mention.agent:
                mention.role = ROLE_TARGET  # "an army convoy hit an explosive device": hit through a thing of theirs

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
        if candidate.sub_type == "agreement" and target is not None and target.kind in victims:
            target = None  # "signed a ceasefire deal that would free hostages": the hostages are no party
        if candidate.sub_type == "agreement" and target is not None and _own_men(doc, target):
            # "Rival militias agreed to pull their fighters out": the parties' own men, no party of their own
            start, end = self._bounds[target.start]
            target = None
            if perp is not None:
                perp, target = self._rivals(doc, doc[start:end], perp, None)
        if (candidate.sub_type == "agreement" or candidate.type == "battles") and perp is not None and target is None:
            perp, target = self._joined_party(doc, perp)
        party = perp or target
        if candidate.sub_type == "agreement" and party is not None and (perp is None or target is None):
            perp, target = self._state_party(doc, article, party)
        return perp, target

    def _joined_party(self, doc: Doc, perp: Mention) -> tuple[Mention, Mention | None]:
        """The other party joined to the named one by "and" where the parser made the two one
        noun phrase ("Myanmar military and Ta'ang National Liberation Army agree ceasefire":
        "military" read as a modifier of "Army"); the parties in text order."""
        root = doc[perp.start : perp.end].root
        for mention in self._all_mentions:
            if mention is perp or mention.kind not in self.lexicon.armed or not root.left_edge.i <= mention.start < perp.start:
                continue
            between = doc[mention.end : perp.start]
            if len(between) == 1 and between[0].lower_ in ("and", "&"):
                first = Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_PERPETRATOR)
                return first, Mention(perp.start, perp.end, perp.entry, perp.name, ROLE_TARGET)
        return perp, None

    def _attach_blame(self, doc: Doc, candidates: list[Candidate], mentions: list[Mention], bounds) -> None:
        """A sentence that blames an armed actor ("Officials blamed Russian forces"), or in which
        one claims it ("Al-Shabaab claimed responsibility"), names the perpetrator of the event
        before it, where that event has none."""
        owned = {c.sentences[0] for c in candidates}
        lexicon = self.lexicon
        for mention in sorted(mentions + self._speakers, key=lambda m: m.start):
            sent = bounds[mention.start]
            if mention.kind not in lexicon.armed:
                continue
            root = doc[mention.start : mention.end].root
            group_words = lexicon.group_nouns | self._actor_words
            while root.dep_ == "compound" and root.head.lower_ in group_words:
                root = root.head  # "The Viv Ansanm gang coalition said ..."
            verb = root.head.lemma_.lower()
            claims = root.dep_ == "nsubj" and (verb in lexicon.claim_verbs  # "Al-Shabaab claimed."
                                               or (verb in lexicon.say_verbs and _says_it_did(doc, root.head, lexicon.claim_phrases)))
            blamed = (root.dep_ in ("dobj", "pobj") and (_role(doc, mention, [], lexicon.blame_verbs) == ROLE_PERPETRATOR
                                               or verb in lexicon.suspect_verbs)  # "Officials said they suspected al-Shabaab"
                      or root.dep_ == "nsubjpass" and verb in lexicon.suspect_verbs | lexicon.blame_verbs  # "Boko Haram fighters are suspected"
                      or _identified_attackers(root, lexicon))
            denies = root.dep_ == "nsubj" and verb == "deny" and any(
                c.dep_ == "dobj" and c.lower_ in lexicon.responsibility_words for c in root.head.children)
            if any(c.dep_ == "neg" for c in root.head.children):
                claims = blamed = False  # "Hamas praised the attack but did not claim it"
            # "The Islamic State later claimed the abduction": the claim's object restates the incident before
            restated = claims and any(c.dep_ == "dobj" and c.i in self._trigger_tokens for c in root.head.children)
            if not (claims or blamed or denies) or (sent in owned and not restated):
                continue
            before = [c for c in candidates if c.sentences[0][0] < sent[0]]
            if not before:
                continue
            # the last incident told with a side: "No one was killed or injured" between tells of none
            event = next((c for c in reversed(before) if c.perpetrator is not None or c.target is not None), before[-1])
            # a named group blamed or claiming replaces "gunmen"; a denier only stands where no one is named
            unnamed = event.perpetrator is not None and event.perpetrator.kind == "armed_group" and not event.perpetrator.entry.named
            if event.perpetrator is None or (unnamed and not denies and mention.entry.named):
                mention.role = ROLE_PERPETRATOR
                event.perpetrator = mention
