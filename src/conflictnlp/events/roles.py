"""Who did it and to whom: each mention's role in the trigger's clause, the sides named elsewhere in the sentence or article, and blame told in other sentences."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..model import (
    Article,
)
from .candidate import (
    ROLE_OWNER,
    ROLE_PERPETRATOR,
    ROLE_TARGET,
    TERRITORY_SUB_TYPES,
    VIOLENT_TYPES,
    Candidate,
    Mention,
    _token_char_bounds,
    country_names,
)
from .clauses import clause_head, linked_clauses
from .context import (
    facility_owner,
    group_anaphor,
    has_phrase,
    held_by,
    member_of,
    pronoun_subject,
    said_subject,
    saying_subject,
)
from .lexicon import ActorEntry, EventLexicon
from .mentions import ActorMentions
from .places import _adjectival_location, _country_of

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


class ActorRoles(ActorMentions):
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
