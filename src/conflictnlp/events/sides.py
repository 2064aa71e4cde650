"""Sides named outside the trigger's clause: a blamed group, a weapon's user or owner, a foreign
opponent, a pronoun's antecedent, the party a statement speaks for, a denier."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..model import Article
from .candidate import ROLE_PERPETRATOR, ROLE_TARGET, TERRITORY_SUB_TYPES, Candidate, Mention, _token_char_bounds, country_names
from .context import facility_owner, group_anaphor, has_phrase, held_by, member_of, pronoun_subject, said_subject, saying_subject
from .lexicon import ActorEntry
from .mentions import ActorMentions
from .places import _country_of


def _subject_token(doc: Doc, trigger_i: int):
    """The subject of the trigger's verb (the trigger itself where it is a verb), or None."""
    verb = doc[trigger_i]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


class ContextSides(ActorMentions):
    """Finds the perpetrator or target a clause leaves unnamed in the rest of the sentence or article."""

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
        # "Our units repelled an attack by terrorists": the pronoun says whose the target is, not who attacked
        named = [m for m in (perp, target) if m is not None]
        if owner is not None and not any(m.start <= owner.i < m.end for m in named):
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
        for token in sent:  # "drones launched by Russia", "missiles fired by the Houthis": whoever launched them
            if token.lower_ not in weapons and token.lemma_.lower() not in weapons:
                continue
            agents = [a for c in token.children if c.dep_ == "acl" for b in c.children if b.dep_ == "agent"
                      for a in b.children if a.dep_ == "pobj"]
            for agent in agents:
                if perp is not None and perp.start <= agent.i < perp.end:
                    continue
                mention = next((m for m in self._speakers + self._all_mentions if m.start <= agent.i < m.end and m.kind in self.lexicon.armed), None)
                if mention is not None:
                    return Mention(mention.start, mention.end, mention.entry, mention.name, ROLE_TARGET)
                loc = next((loc for loc in article.locations if loc.feature == "country" and loc.span[0] <= agent.idx < loc.span[1]), None)
                if loc is not None:
                    return Mention(agent.i, agent.i + 1, self._state_entry(), name=loc.name, role=ROLE_TARGET)
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
        militia), and so are communal groups that clash with no one else named ("Clan militias
        clashed over grazing land", ``reciprocal_verbs``)."""
        root = doc[perp.start : perp.end].root
        if perp.kind == "armed_group" and not perp.entry.named and any(t.lower_ in self.lexicon.loyal_words for t in root.subtree):
            entry = next((a for a in self.lexicon.actors if a.kind == "militia" and not a.named), perp.entry)
            perp = Mention(perp.start, perp.end, entry, perp.name, perp.role, perp.facility, perp.agent)
        verb = root.head
        among = (perp.kind == "militia" and root.tag_ == "NNS" and root.dep_ == "nsubj" and verb.lemma_.lower() in self.lexicon.reciprocal_verbs
                 and not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in verb.children))
        if target is None and (among or perp.kind in self.lexicon.armed and has_phrase(" " + " ".join(t.lower_ for t in sent) + " ", self.lexicon.mutual_words)):
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
        return self._sayer(doc, article, candidate.trigger_span[0], candidate.type == "strategic_developments")

    def _pronoun_side(self, doc: Doc, article: Article, trigger_i: int) -> Mention | None:
        """The armed actor a pronoun subject of the trigger stands for (``_said_by``, else
        ``_antecedent``): "Gunmen arrived ... They shot dead eleven villagers", "Ukraine's military
        said it struck ..."; a passive pronoun is no side."""
        if doc[trigger_i].pos_ != "VERB":
            return None  # "it was behind the attack": a claim of the attack, not the attack
        pronoun = pronoun_subject(doc, trigger_i, self.lexicon)
        if pronoun is None or pronoun.dep_ != "nsubj":
            return None
        return self._sayer(doc, article, trigger_i, False) or self._antecedent(doc, pronoun)

    def _sayer(self, doc: Doc, article: Article, trigger_i: int, development: bool) -> Mention | None:
        subject = said_subject(doc, trigger_i, self.lexicon)
        if subject is None and development:
            subject = saying_subject(doc, trigger_i, self.lexicon)
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
