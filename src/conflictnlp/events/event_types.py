"""The event's type and sub-type where the trigger's own is not the last word: the actors, the words around it and the goods taken recast it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..extensions import body_bounds, doc_text
from ..model import Article
from .candidate import ROLE_PERPETRATOR, ROLE_TARGET, TERRITORY_SUB_TYPES, Candidate, Mention
from .clauses import clause_head
from .context import has_phrase
from .lexicon import ActorEntry
from .roles import ActorRoles


class EventTypes(ActorRoles):
    """Recasts a candidate's type and sub-type from its actors and context."""

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

    def _disarmed(self, doc: Doc, candidate: Candidate) -> None:
        """An explosive or a weapon found, defused or destroyed (``disarming_verbs``: "Troops defuse
        IED in Borno", "a car bomb was discovered", "destroyed 30 Russian drones") was not set off:
        weapons use disrupted, whoever it was aimed at."""
        if candidate.type != "explosions_remote_violence":
            return
        token = doc[candidate.trigger_span[1] - 1]
        while token.dep_ in ("compound", "amod", "conj") and token.head.i != token.i:
            token = token.head
        if token.dep_ == "pobj" and token.head.lower_ in ("of", "including"):  # "destroyed 45 of the 60 drones", "26 firearms, including mortars"
            token = token.head.head
        if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in self.lexicon.disarming_verbs:
            candidate.type, candidate.sub_type, candidate.target = "strategic_developments", "disrupted_weapons_use", None

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
        elif not words & self.lexicon.overrun_place_words and self._dead_told(candidate):
            candidate.type, candidate.sub_type = "battles", "armed_clash"  # "overran a military base; 4 soldiers were killed"

    def _destruction_with_victims(self, doc: Doc, candidate: Candidate, triggers: list, here: list[Mention]) -> None:
        """Armed men who burn or loot and also kill or attack people in the sentence attack them
        ("Gang members set fire to dozens of homes, killing at least 12 people", "Settlers torched two
        homes and attacked Palestinian shepherds"): the attack is the event (ACLED codes the gravest)."""
        perp = candidate.perpetrator
        if candidate.sub_type != "looting_property_destruction" or perp is not None and perp.kind not in self.lexicon.armed:
            return  # (no one named: "Three displaced people were killed and a health centre was looted in an attack")
        own = range(*candidate.trigger_span)
        # (a word of attack harms people only where its object is people: "stormed and looted the
        # offices of a UN agency" is the looting)
        harmed = any(t.weak and t.type == "violence_against_civilians" and t.sub_type == "attack" and s not in own
                     and (not t.remote or self._people_object(doc[s], here)) for t, s, _ in triggers)
        if harmed or self._dead_told(candidate):
            target = candidate.target
            armed_target = target is not None and (target.kind in self.lexicon.armed or target.kind in self.lexicon.state_side)
            candidate.type, candidate.sub_type = ("battles", "armed_clash") if armed_target else ("violence_against_civilians", "attack")

    def _dead_told(self, candidate: Candidate) -> bool:
        """Whether the candidate's sentence counts people killed."""
        lo, hi = self._bounds_chars(candidate)
        return any(q.casualty is not None and q.casualty.role == "killed" and lo <= q.span[0] < hi for q in self._quantities)

    def _context_type(self, doc: Doc, candidate: Candidate, words: set[str], joined: str, here: list[Mention], denied: bool = False) -> None:
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
        people = self._people_clashing(doc, candidate, here)
        if people is not None:  # "Opposition supporters clashed with police, throwing stones": a riot
            candidate.type, candidate.sub_type = "riots", "violent_demonstration"
            candidate.perpetrator = Mention(people.start, people.end, ActorEntry("rioters", "Rioters", ()), role=ROLE_PERPETRATOR)
            candidate.target = next((m for m in here if m.kind in lexicon.state_side and not m.facility), None)
        crowd = next((m for m in here if m.kind in ("protesters", "rioters")), None)
        if candidate.sub_type == "looting_property_destruction" and crowd is not None and (perp is None or perp.kind not in lexicon.armed):
            # "Rioters loot shops in Durban": a crowd that loots riots (ACLED)
            candidate.type, candidate.sub_type = "riots", "violent_demonstration"
            candidate.perpetrator = Mention(crowd.start, crowd.end, ActorEntry("rioters", "Rioters", ()), role=ROLE_PERPETRATOR)
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
        if candidate.sub_type == "agreement" and has_phrase(joined, lexicon.unilateral_words):
            candidate.sub_type = "change_to_group_activity"  # "ELN declares unilateral ceasefire": one side alone
        if candidate.sub_type == "agreement" and candidate.target is not None and candidate.target.kind == "state_forces" and (
                candidate.perpetrator is None or candidate.perpetrator.kind != "state_forces"):
            candidate.perpetrator, candidate.target = candidate.target, candidate.perpetrator  # the government signs first
        trigger_word = doc[candidate.trigger_span[0]].lower_
        # "strike on Jabalia school kills 17": no attacker, no weapon named
        if candidate.type == "battles" and state and trigger_word in lexicon.unnamed_strike_nouns | {"struck"} and candidate.trigger.remote:
            candidate.type, candidate.sub_type = "explosions_remote_violence", "air_drone_strike"  # "Israel says it struck Hezbollah's headquarters"
        unnamed_strike = perp is None and doc[candidate.trigger_span[0]].pos_ == "NOUN" and trigger_word in lexicon.unnamed_strike_nouns
        # (not in a side's denial: "Moscow denied striking civilians" tells of the accusation, not the weapon)
        state_strike = (state and candidate.type == "violence_against_civilians" and trigger_word in lexicon.strike_verbs
                        and not denied)
        if (candidate.trigger.remote and candidate.type != "explosions_remote_violence"
                and (unnamed_strike or state and trigger_word in lexicon.air_strike_nouns or state_strike)):
            candidate.type, candidate.sub_type = "explosions_remote_violence", "air_drone_strike"

    def _people_clashing(self, doc: Doc, candidate: Candidate, here: list[Mention]) -> Mention | None:
        """People of a victim kind who clash with state forces, as the clash word's subject or the
        object of its "with"/"between" ("Opposition supporters clashed with police", "clashes between
        students and police"): the crowd of a riot (ACLED), not a side of a battle."""
        if candidate.sub_type != "armed_clash" or not candidate.trigger.by_perpetrator:
            return None
        if not any(m.kind in self.lexicon.state_side and not m.facility for m in here):
            return None
        trigger = doc[candidate.trigger_span[0]]
        for mention in here:
            if mention.kind not in ("civilians", "political_party"):
                continue
            root = doc[mention.start : mention.end].root
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if root.dep_ == "nsubj" and root.head.i == trigger.i:
                return mention
            if root.dep_ == "pobj" and root.head.lower_ in ("with", "between") and root.head.head.i == trigger.i:
                return mention
        return None

    def _mob_killing(self, doc: Doc, candidate: Candidate, triggers: list, here: list[Mention]) -> None:
        """A crowd that kills or attacks people where no state forces are named ("A mob attacked and
        killed a man accused of blasphemy") is mob violence (ACLED), not a riot."""
        if candidate.sub_type != "violent_demonstration" or any(m.kind in self.lexicon.state_side for m in here):
            return
        lo, hi = candidate.sentences[0]
        if any(t.lower_ in self.lexicon.protest_words for t in doc[lo:hi]):
            return  # a rally that turns violent is a violent demonstration ("Crowd storms parliament as rally turns violent")
        own = range(*candidate.trigger_span)
        clause = clause_head(doc[candidate.trigger_span[0]])
        for trigger, start, _ in triggers:
            word = doc[start]
            if (trigger.weak and trigger.type == "violence_against_civilians" and trigger.sub_type == "attack" and start not in own
                    and word.pos_ == "VERB" and word.lemma_.lower() not in ("wound", "injure") and clause_head(word) == clause
                    and self._hits_people(word, here)):
                candidate.sub_type = "mob_violence"  # (not "left 100 injured", nor "after a night of killings")
                return

    def _hits_people(self, word: Token, here: list[Mention]) -> bool:
        """The attack verb's object, where it has one, is people ("attacked a man"), not a place or a
        thing ("stormed the police station")."""
        return not any(c.dep_ == "dobj" for c in word.children) or self._people_object(word, here)

    def _people_object(self, word: Token, here: list[Mention]) -> bool:
        """The verb's object is people of a victim kind ("attacked Palestinian shepherds")."""
        return any(m.start <= o.i < m.end and m.kind in self.lexicon.victims and not m.facility
                   for o in word.children if o.dep_ == "dobj" for m in here)

    def _force_without_harm(self, doc: Doc, candidate: Candidate, joined: str) -> None:
        """Force against a crowd that neither kills nor is gunfire, in the sentence or the next
        ("fired warning shots and tear gas at demonstrators; several were injured"), is an
        intervention, not excessive force (ACLED)."""
        if candidate.sub_type != "excessive_force_against_protesters" or has_phrase(joined, self.lexicon.excessive_words):
            return
        end = candidate.sentences[0][1]
        if end < len(doc):
            lo, hi = self._bounds[end]
            if has_phrase(" " + " ".join(t.lower_ for t in doc[lo:hi]) + " ", self.lexicon.excessive_words):
                return
        candidate.sub_type = "protest_with_intervention"

    def _territory_by_force(self, doc: Doc, candidate: Candidate, joined: str) -> None:
        """Territory taken by force: a fight in which one side drives the other out ("Police and
        soldiers pushed gangs out of the Solino neighbourhood after two days of fighting"), or a
        withdrawal under the other side's advance ("Ukraine withdraws from Avdiivka as Russian forces
        advance"). The sub-type is the gainer's: state forces regain, anyone else overtakes."""
        lexicon = self.lexicon
        start, end = candidate.sentences[0]
        if candidate.sub_type == "armed_clash":
            driven = any(t.lemma_.lower() in lexicon.driving_verbs and any(c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod") for c in t.children)
                         for t in doc[start:end])
            if not driven:
                return
        elif candidate.sub_type != "non_violent_transfer_of_territory" or not has_phrase(joined, lexicon.advancing_words) \
                or has_phrase(joined, lexicon.peaceful_takeover) or candidate.perpetrator is None:
            return  # (no side that advanced: "its offensive operation ..., adding that Russian units were withdrawing")
        gainer = candidate.perpetrator
        state = gainer is not None and gainer.kind == "state_forces"
        candidate.type = "battles"
        candidate.sub_type = "government_regains_territory" if state else "non_state_actor_overtakes_territory"

    def _repelled(self, doc: Doc, candidate: Candidate) -> None:
        """An attack beaten back (``[roles] defending_verbs``: "Police repel gang attack on Kenscoff")
        was fought: a battle, whoever it was aimed at."""
        trigger = doc[candidate.trigger_span[0]]
        if candidate.type == "violence_against_civilians" and candidate.sub_type == "attack" and trigger.pos_ == "NOUN" and (
                trigger.head.lemma_.lower() in self.lexicon.defending_verbs and trigger.dep_ == "dobj"):
            candidate.type, candidate.sub_type = "battles", "armed_clash"

    def _strike_relative(self, doc: Doc, candidate: Candidate) -> None:
        """A killing told in a relative clause on a strike noun ("in response to a strike that killed
        one of its fighters in Nabatieh") is the strike's: an air or drone strike where nobody is
        named for it, as a bare strike noun is."""
        verb = doc[clause_head(doc[candidate.trigger_span[0]])]
        if verb.dep_ != "relcl" or verb.head.lower_ not in self.lexicon.unnamed_strike_nouns or candidate.type == "explosions_remote_violence":
            return
        if candidate.perpetrator is None or candidate.perpetrator.role != ROLE_PERPETRATOR:
            candidate.type, candidate.sub_type = "explosions_remote_violence", "air_drone_strike"

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
        if candidate.sub_type == "air_drone_strike":
            start = candidate.trigger_span[0]
            before = {t.lower_ for t in doc[max(candidate.sentences[0][0], start - 3) : start]}
            if before & self.lexicon.missile_words:  # "a Russian missile and drone attack": a missile attack (ACLED)
                candidate.sub_type = "shelling_artillery_missile_attack"
        if not candidate.trigger.remote:
            return
        lo, _ = body_bounds(doc)
        headline = " " + " ".join((article.title or doc_text(doc)[:lo]).lower().replace(",", " ").split()) + " "
        for words in (joined, self._line_before(doc, candidate), headline):
            named = [sub for sub, weapons in self.lexicon.remote_words.items() if any(f" {w} " in words for w in weapons)]
            if named:
                # a missile beside a drone is a missile attack ("a Russian missile and drone attack")
                missile = len(named) > 1 and any(f" {w} " in words for w in self.lexicon.missile_words)
                candidate.type = "explosions_remote_violence"
                candidate.sub_type = "shelling_artillery_missile_attack" if missile else named[0]
                return
        # a bomb or blast in the clause, no weapon above named and no state that bombs from the air: a device
        state = candidate.perpetrator is not None and candidate.perpetrator.kind in self.lexicon.state_side
        if not state and has_phrase(joined, self.lexicon.device_words):
            candidate.type, candidate.sub_type = "explosions_remote_violence", "remote_explosive_landmine_ied"

    def _line_before(self, doc: Doc, candidate: Candidate) -> str:
        """The lower-case words of the sentence before the candidate's, where both are on one line
        (one live-blog entry, one paragraph): "A Russian missile hit the hospital ... Separately, four
        people were killed in a strike on Kryvyi Rih" names the weapon of the second strike too."""
        start = candidate.sentences[0][0]
        if start == 0:
            return ""
        before = self._bounds[start - 1]
        if "\n" in doc_text(doc)[doc[before[0]].idx : doc[start].idx]:
            return ""
        return " " + " ".join(t.lower_ for t in doc[before[0] : before[1]] if not t.is_punct) + " "

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
