"""Candidate events: trigger words matched in a sentence, vetoed or kept, and a second incident in another clause."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..extensions import doc_text, token_forms
from ..model import Article
from .actors import ActorRecords
from .candidate import ROLE_PERPETRATOR, TERRITORY_SUB_TYPES, TOLL_ROLES, VIOLENT_TYPES, Candidate, Mention, _token_char_bounds
from .clauses import clause_head, dated_before, intended, linked_clauses, ranked, retrospective, unrealised
from .context import has_phrase
from .dates import TOLL_NOUNS
from .fold import _same_place
from .lexicon import ActorEntry, Trigger
from .places import _adjectival_near

SEPARATE_WORDS = frozenset({"separately", "separate", "elsewhere", "meanwhile"})


def _outside_dates(doc: Doc, article: Article, triggers: list[tuple[Trigger, int, int]]) -> list[tuple[Trigger, int, int]]:
    """Triggers that are not words of a date ("March 14" is no march)."""
    dates = [d.span for d in article.dates]
    if not dates:
        return triggers
    starts, _ = _token_char_bounds(doc)
    return [t for t in triggers if not any(s <= starts[t[1]] < e for s, e in dates)]


def _in_headline(doc: Doc, sent: Span) -> bool:
    """The sentence is the headline: it starts on the first line, and more lines follow; or it
    is a label's summary that opens the text, the report following on its line ("Lubero: au moins
    18 civils tués. At least 18 civilians were hacked to death ... in Mamove village")."""
    text = doc_text(doc)
    first_break = text.find("\n")
    return 0 <= sent.start_char < first_break and text[first_break:].strip() != "" or _label_summary(text, sent)


#: a label and a few words after it, a sentence of its own ("Lubero: au moins 18 civils tués.")
_LABEL_SUMMARY = re.compile(r"\s*[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}\s?:\s+(?:\S+\s+){0,7}\S+[.!]\s*$")


def _label_summary(text: str, sent: Span) -> bool:
    """The text opens with the sentence, a place's label and at most eight words, and its line
    goes on: a summary the report after it tells in full, like a headline."""
    if text[: sent.start_char].strip():
        return False
    line_end = text.find("\n", sent.end_char)
    rest = text[sent.end_char : line_end if line_end >= 0 else len(text)]
    return bool(rest.strip()) and bool(_LABEL_SUMMARY.match(text, 0, sent.end_char))


_TIMESTAMP = re.compile(r"[ \t]*\d{1,2}[:.h]\d{2}\s*[-–—:]")


def _live_entry(doc: Doc, sent: Span) -> int | None:
    """Where the sentence's live-blog entry starts: its line opens with a time ("10:40 - ..."),
    else None."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, sent.start_char) + 1
    return line if _TIMESTAMP.match(text, line) else None


def _planned(token, preparing_verbs: frozenset[str], warning_words: frozenset[str] = frozenset()) -> bool:
    """A strike noun forces are readied for, or that is warned of, is not done yet: "shifting its
    troops to the east for an intensified assault on the Donbas region", "massing troops for an
    offensive", "warning of a new offensive"."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and {prep.head.lemma_.lower(), prep.head.lower_} & warning_words:
        return True
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


def _object_of_kind(doc: Doc, start: int, end: int, mentions: list[Mention], kinds: frozenset[str], not_words: frozenset[str]) -> bool:
    """Whether the trigger's object (or passive subject) is an actor of one of the kinds, and not
    one of ``not_words`` ("seized 15 passengers", not "seized the village")."""
    for mention in mentions:
        root = doc[mention.start : mention.end].root
        if (mention.kind in kinds and root.dep_ in ("dobj", "nsubjpass") and start <= root.head.i < end
                and root.lower_ not in not_words and doc[mention.start : mention.end].text.lower() not in not_words):
            return True
    return False


def _armed_subject(doc: Doc, start: int, end: int, mentions: list[Mention], armed: frozenset[str]) -> bool:
    """Whether an armed actor is the trigger's own subject."""
    return any(m.kind in armed and doc[m.start : m.end].root.dep_ == "nsubj" and start <= doc[m.start : m.end].root.head.i < end
               for m in mentions)


def _side(doc: Doc, mention: Mention) -> tuple[str, str]:
    """What names a side, to tell two sides apart: the entry's name, else the mention's words."""
    return mention.kind, mention.name or mention.entry.name or doc[mention.start : mention.end].text.lower()


def _clause_words(doc: Doc, sent: Span, trigger_start: int, forms: list[tuple[str, str]]) -> str:
    """The lower-case words of the trigger's clauses, space-padded: a weapon named in another
    clause ("..., while the army shelled ...") says nothing of this one."""
    clauses = linked_clauses(doc, clause_head(doc[trigger_start]))
    words = [forms[i - sent.start][1] for i in range(sent.start, sent.end) if clause_head(doc[i]) in clauses]
    return " " + " ".join(words) + " "


class EventCandidates(ActorRecords):
    """Turns trigger matches into candidate events, calling the steps that decide each fact."""

    def _triggers(self, doc: Doc) -> list[tuple[Trigger, int, int]]:
        """Trigger matches, longest first where they overlap. Entries that share a phrase are
        alternatives tried in rank order, so each keeps its match of that span ("opened fire" on
        a crowd, or with its dead told)."""
        found = []
        for match_id, start, end in self.trigger_matcher(doc):
            trigger = self.by_rank[int(doc.vocab.strings[match_id])]
            if trigger.pos and not any(doc[i].pos_ in trigger.pos for i in range(start, end)) and doc[start:end].text.lower() not in trigger.any_pos:
                continue
            found.append((trigger, start, end))
        found.sort(key=lambda item: (-(item[2] - item[1]), item[0].rank, item[1]))
        taken: set[int] = set()
        spans: set[tuple[int, int]] = set()
        kept = []
        for trigger, start, end in found:
            if taken.isdisjoint(range(start, end)) or (start, end) in spans:
                taken.update(range(start, end))
                spans.add((start, end))
                kept.append((trigger, start, end))
        return sorted(kept, key=lambda item: item[1])

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

    def _sentence_candidates(self, doc, article, sent_bounds, triggers, mentions) -> list[Candidate]:
        """The sentence's event, and a second one where another clause, not tied to the first by
        "when", has its own trigger and its own armed subject ("RSF fighters attacked a village,
        killing 30, while the army shelled RSF positions east of El Fasher": two incidents), or
        its own place ("..., while a strike on a bus in Marhanets killed 9 on Saturday")."""
        first = self._candidate(doc, article, sent_bounds, triggers, mentions)
        if first is None:
            return []
        first.clauses = linked_clauses(doc, clause_head(doc[first.trigger_span[0]]))
        # (a weak participle on people describes the victims of the first: "including 2 residents hit by stray bullets")
        rest = [t for t in triggers if clause_head(doc[t[1]]) not in first.clauses and not (t[0].weak and doc[t[1]].dep_ == "acl")]
        second = self._candidate(doc, article, sent_bounds, rest, mentions) if rest else None
        if second is None:
            return [first]
        second.clauses = linked_clauses(doc, clause_head(doc[second.trigger_span[0]]))
        armed = self.lexicon.armed
        if (first.sub_type == "mob_violence" and (first.perpetrator is None or first.perpetrator.kind not in armed)
                and second.perpetrator is not None and second.perpetrator.kind in armed):
            # "gang members set fire to homes; two residents were burned alive": the gang attacked them, no mob
            first.type, first.sub_type, first.perpetrator = "violence_against_civilians", "attack", second.perpetrator
            return [first]
        if first.type == "strategic_developments" and first.perpetrator is None and second.type in VIOLENT_TYPES:
            return [second]  # "killed six militants in a raid ..., adding that a cache of arms was recovered": the raid
        if self._attacker_stopped(doc, first, second):
            return [first]  # who stopped the attacker did not do the attack
        if self._same_account(article, doc[first.trigger_span[0]], doc[second.trigger_span[0]]):
            first.perpetrator = first.perpetrator or second.perpetrator
            return [first]
        crowd = {c.sub_type for c in (first, second)}
        if "excessive_force_against_protesters" in crowd and crowd & {"violent_demonstration", "peaceful_protest", "protest_with_intervention"}:
            # "Supporters clashed with police; security forces fired live rounds, killing six": the crowd fired on
            return [next(c for c in (first, second) if c.sub_type == "excessive_force_against_protesters")]
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

    def _attacker_stopped(self, doc: Doc, first: Candidate, second: Candidate) -> bool:
        """Whether the second clause kills or wounds the first one's attacker ("killing three
        Israelis before he was shot dead by security forces"): one incident, not two."""
        if first.type not in VIOLENT_TYPES or first.trigger_span[0] > second.trigger_span[0]:
            return False
        trigger = doc[second.trigger_span[0] : second.trigger_span[1]].root
        victims = [c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")]
        return any(v.lower_ in self.lexicon.attacker_words or v.lemma_.lower() in self.lexicon.attacker_words for v in victims)

    def _same_account(self, article: Article, one, other) -> bool:
        """Whether both triggers are in what one speaker says, denying one of them ("Moscow denied
        striking civilians in Sumy, saying its forces hit a military command post"): the side's
        own account of one incident."""
        def speakers(token) -> set[str]:
            return {(q.speaker.text if q.speaker else "") for q in article.quotes
                    if any(s <= token.idx < e for s, e in q.content.spans) and q.speaker is not None}
        shared = speakers(one) & speakers(other)
        return bool(shared) and (self._countered(article, one) or self._countered(article, other))

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

    def _dead_in(self, sent: Span) -> bool:
        """Whether the sentence counts people killed."""
        return any(q.casualty is not None and q.casualty.role == "killed" and sent.start_char <= q.span[0] < sent.end_char
                   for q in self._quantities)

    def _war_victims(self, words: set[str], joined: str) -> bool:
        """Whether the sentence names its dead with a war's word ("Three civilians killed in ...")
        and no period ("the number of civilians killed in the state this year" is a running total)."""
        return bool(words & self.lexicon.war_victim_words) and not any(f" {' '.join(p)} " in joined for p in self.lexicon.period_phrases)

    def _public_blast(self, trigger: Trigger, words: set[str]) -> bool:
        """Whether a weak explosion word goes off in a place of public life (``public_places``: "An
        explosion ripped through a Shi'ite mosque during Friday prayers"): an attack, bomber named
        or not (the no_event words still veto it: "a gas cylinder explosion at a market")."""
        return trigger.weak and trigger.type == "explosions_remote_violence" and bool(words & self.lexicon.public_places)

    def _denied_development(self, article: Article, trigger: Trigger, token) -> bool:
        """Whether a development or a change of territory is told only inside a denial ("The army
        denied that its soldiers had withdrawn from Kupiansk"): no event (a denied strike still is
        one: "Army denies airstrike that killed 7")."""
        if trigger.type != "strategic_developments" and trigger.sub_type not in TERRITORY_SUB_TYPES:
            return False
        return any(q.cue is not None and q.cue.text.lower().split()[-1] in ("deny", "denied", "denies")
                   and any(s <= token.idx < e for s, e in q.content.spans) for q in article.quotes)

    def _suspected_killer(self, doc: Doc, mention: Mention, trigger_start: int) -> Mention:
        """People of a victim kind that are the suspected subject of the trigger ("Suspected herders
        killed 6 farmers"), or a community that is its subject with an object ("Herders killed 9
        farmers"), are an armed side: a militia (ACLED codes communal attackers so)."""
        root = doc[mention.start : mention.end].root
        if mention.kind != "civilians" or root.dep_ != "nsubj" or root.head.i != trigger_start:
            return mention
        suspected = any(t.lower_ in self.lexicon.suspect_modifiers for t in doc[root.left_edge.i : root.i])
        # a community that kills or attacks others is a communal militia: "Herders killed 9 farmers";
        # a crowd that kills one person ("Villagers burned alive a woman accused of witchcraft") is
        # a mob, as ACLED codes lynchings
        communal = root.lower_ in self.lexicon.communal_words and root.lemma_.lower() != root.lower_ and any(
            c.dep_ == "dobj" and c.tag_ != "NN" for c in root.head.children)
        if not (suspected or communal):
            return mention
        return Mention(mention.start, mention.end, ActorEntry("militia", "Militia", ()), role=mention.role)

    def _toll_source(self, token) -> bool:
        """Whether the trigger is what a toll counts the dead of ("The toll from this morning's
        attack on worshippers ... has risen to 17"): an incident told, armed actor named or not."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in ("from", "of", "in"):
            return False
        return prep.head.lemma_.lower() in TOLL_NOUNS

    def _countered(self, article: Article, token) -> bool:
        """Whether the token is in what a side insists or denies ("as Russia insisted its forces
        had hit ..."): an account of the incident told beside it, not another incident."""
        return any(q.cue is not None and q.cue.text.lower().split()[-1] in self.lexicon.counterclaim_cues
                   and any(s <= token.idx < e for s, e in q.content.spans) for q in article.quotes)

    def _candidate(self, doc, article, sent_bounds, triggers, mentions) -> Candidate | None:
        """The sentence's incident: its triggers tried in rank order; the first that tells of an
        incident of this report, with the actors, objects or violence it needs, is typed."""
        sent = doc[sent_bounds[0] : sent_bounds[1]]
        forms = token_forms(doc)[sent.start : sent.end]
        words = {w for pair in forms for w in pair}
        joined = " " + " ".join(lower for _, lower in forms) + " "
        in_sentence = [m for m in mentions if sent.start <= m.start < sent.end]
        if has_phrase(joined, self.lexicon.never_event):
            return None  # "Troops fired artillery during a training exercise", "a grenade exploded accidentally"
        vetoed = any(f" {w} " in joined for w in self.lexicon.no_event)
        year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
        for trigger, start, end in sorted(triggers, key=lambda item: item[0].rank):
            if _state_or_victims(doc, trigger, start, end, triggers):
                continue
            if trigger.needs_words and not (words & trigger.needs_words):
                vetoed = vetoed or trigger.vetoes_weak
                continue
            if self._not_this_incident(doc, article, trigger, start, triggers, joined, year):
                continue
            here = self._in_clause(doc, start, in_sentence)
            here = [self._suspected_killer(doc, m, start) for m in here]
            kinds = {m.kind for m in here if (clause_head(doc[m.start : m.end].root) == clause_head(doc[start]) or m.agent) and not m.facility}
            if trigger.type == "strategic_developments":  # "JNIM announced it had appointed ..."
                kinds |= {m.kind for m in self._speakers if sent.start <= m.start < sent.end}
            if trigger.needs_actor and not (kinds & trigger.needs_actor):
                continue
            if not _objects_fit(doc, trigger, start, end, here):
                continue
            if trigger.weak and self._no_incident(doc, article, trigger, start, end, sent, triggers, here, kinds, words, joined, vetoed):
                continue
            if trigger.type == "protests" and len({t.rank for t, _, _ in triggers if t.weak}) >= 2:
                continue  # "Two explosions ripped through a rally ..., killing 11": the bombing, not the rally
            candidate = self._typed(doc, article, trigger, start, end, sent_bounds, triggers, here, words, joined, forms)
            if candidate is not None:
                return candidate
        return None

    def _not_this_incident(self, doc, article, trigger, start: int, triggers, joined: str, year: int | None) -> bool:
        """Whether the trigger tells of no incident of this report: a background, a plan, a
        threat, a past or expected attack, a name for an attack told before, or a development
        only denied."""
        token = doc[start]
        if trigger.not_words and has_phrase(joined, trigger.not_words):
            return True  # "tear gas ... killing six": not a dispersal but excessive force
        if self._background(doc, token, trigger.sub_type):
            return True  # "has struck the city repeatedly since 2022", "since the fighting began"
        if self._background_antecedent(doc, token):
            return True  # "has reported shelling before, including an incident last week that killed a chaplain"
        if self._continuing(doc, article, token) or _planned(token, self.lexicon.preparing_verbs, self.lexicon.warning_words):
            return True  # "the Russians kept up their bombardment of those two zones", "troops massed for an assault"
        if _period_of(token, self.lexicon.period_nouns):
            return True  # "weeks of Russian bombardment have caused severe shortages"
        if intended(token, self.lexicon.intention_verbs, self.lexicon.planning_words, self.lexicon.doing_verbs):
            return True  # "Al-Shabaab threatened to attack hotels", "plans to launch an offensive"
        if retrospective(token, self.lexicon.retrospective_heads):
            return True  # "sentenced to life for a 2015 bomb attack", "the anniversary of the Garissa attack"
        if unrealised(token, self.lexicon.unrealised_modifiers) or year and dated_before(token, year):
            return True  # "ahead of an expected Boko Haram attack", "soldiers killed in a 2022 ambush"
        if token.head.lemma_.lower() in self.lexicon.naming_verbs and any(
                s != start and doc[s].head.lemma_.lower() not in self.lexicon.naming_verbs for _, s, _ in triggers):
            return True  # "..., describing the assault as a 'declaration of war'": the attack told before, named
        if ranked(token, self.lexicon.comparison_words) and any(
                not ranked(doc[s], self.lexicon.comparison_words) for _, s, _ in triggers if s != start):
            return True  # "Gang members killed 40 people ..., in one of the deadliest attacks this year": the killing, ranked
        return self._denied_development(article, trigger, token)  # "The army denied that its soldiers had withdrawn from X"

    def _no_incident(self, doc, article, trigger, start, end, sent, triggers, here, kinds, words, joined, vetoed) -> bool:
        """Whether a weak trigger (a word of violence that needs more) stands alone: no armed
        side, no second word of violence, no crowd, no denier and no war victims, or an accident
        word with no armed subject."""
        # two words of violence ("10 civilians killed in attack on bus") tell of one without an armed actor
        # (or in a "when" clause tied to it, where the article names an armed actor at all: "Three
        # volunteer drivers killed when a humanitarian convoy was struck near this town")
        tied = linked_clauses(doc, clause_head(doc[start])) if self._armed_named else {clause_head(doc[start])}
        # (two words, not two triggers: "Bombs struck two displacement camps")
        violent = len({doc[s].lemma_.lower() for t, s, _ in triggers if t.weak and clause_head(doc[s]) in tied}) >= 2
        violent = violent or self._public_blast(trigger, words)
        # an attack noun with its dead counted ("An attack on a village in Plateau state left 27 dead")
        # (not a toll's own incident, decided below: "The toll from Saturday's strike on Dnipro has risen to 12")
        violent = violent or trigger.remote and doc[start].pos_ == "NOUN" and not self._toll_source(doc[start]) and self._dead_in(sent)
        # a crowd that storms or attacks riots ("Protesters have stormed the residence")
        crowd = bool(kinds & set(trigger.by_perpetrator) & {"protesters", "rioters"})
        # (a toll's own incident only where no incident was told before it: "The death toll from
        # Saturday's strike on Dnipro has risen to 12" after another entry is a toll update)
        violent = violent or self._toll_source(doc[start]) and min(self._trigger_tokens) >= sent.start
        # (an armed subject of the trigger overrides the accident words: "Gunmen attacked a coal mine, killing 20 miners")
        vetoed_here = vetoed and not _armed_subject(doc, start, end, here, self.lexicon.armed)
        # (an armed side that denies it names one too: "Ethiopian army denies killing 12 civilians";
        # and "civilians" are people of a war: "Centrafrique : trois civils tués à Batangafo")
        return vetoed_here or (not (kinds & self.lexicon.armed) and not _adjectival_near(article, doc, start) and not violent and not crowd
                               and self._denier(doc, article, start) is None and not self._war_victims(words, joined)
                               and self._pronoun_side(doc, article, start) is None)  # "They shot dead 11 villagers" after "Gunmen arrived"

    def _typed(self, doc, article, trigger, start, end, sent_bounds, triggers, here, words, joined, forms) -> Candidate | None:
        """The candidate of a trigger with its roles, type, place and date; None where its
        "protesters" turn out armed ("troops marched in" is no protest)."""
        sent = doc[sent_bounds[0] : sent_bounds[1]]
        candidate = Candidate(trigger, trigger.type, trigger.sub_type, (start, end), [sent_bounds])
        candidate.separate = bool(words & SEPARATE_WORDS)
        candidate.headline = _in_headline(doc, sent)
        candidate.entry = _live_entry(doc, sent)
        self._roles(doc, article, candidate, sent, here)
        if trigger.sub_type == "peaceful_protest" and self._armed_protester(doc, candidate):
            return None
        self._retype(candidate)
        self._remote(doc, article, candidate, _clause_words(doc, sent, start, forms))
        self._disarmed(doc, candidate)
        if candidate.type in ("protests", "riots") and trigger.type not in ("protests", "riots"):
            self._roles(doc, article, candidate, sent, here)  # the crowd did it ("Protesters clash with police")
        self._context_type(doc, candidate, words, joined, here, self._countered(article, doc[start]))
        self._force_without_harm(doc, candidate, joined)
        self._mob_killing(doc, candidate, triggers, here)
        self._gathering_arrest(candidate, joined)
        self._post_overrun(doc, candidate, words)
        self._handover(doc, candidate, sent)
        self._territory_by_force(doc, candidate, joined)
        self._withdrawn_side(doc, article, candidate, sent)
        self._strike_relative(doc, candidate)
        self._repelled(doc, candidate)
        self._seized_goods(doc, candidate)
        self._destruction_with_victims(doc, candidate, triggers, here)
        self._place(doc, article, candidate, sent)
        self._foreign_opponent(doc, article, candidate, sent)
        self._date(doc, article, candidate, sent)
        return candidate


def _state_or_victims(doc, trigger, start: int, end: int, triggers) -> bool:
    """Whether a trigger is a state or the victims of another trigger: "the wounded soldier",
    "release of detained relatives" (a participle on a noun; "denied striking civilians"
    misparsed stays), "..., including 2 residents hit by stray bullets" (a weak clause on a noun
    where the sentence has another trigger)."""
    word = doc[start]
    if end - start == 1 and word.dep_ == "amod" and word.tag_ != "VBG" and word.lower_.endswith("ed"):
        return True
    return bool(trigger.weak and word.dep_ == "acl" and any(s != start for _, s, _ in triggers))


def _objects_fit(doc, trigger, start: int, end: int, here) -> bool:
    """Whether the trigger's object is of a kind it needs: "seized 15 passengers" is an
    abduction, "seized the town" is not; "clashes entered a third day" is no move."""
    if not trigger.object_kinds and trigger.not_objects and any(
            c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in trigger.not_objects for i in range(start, end) for c in doc[i].children):
        return False
    return not trigger.object_kinds or _object_of_kind(doc, start, end, here, trigger.object_kinds, trigger.not_objects)
