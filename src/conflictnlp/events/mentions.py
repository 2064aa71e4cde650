"""Actor mentions: the lexicon's actor words found in the article, widened to their names, with speakers set apart."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from functools import cache

from spacy.tokens import Doc

from ..extensions import doc_text, token_texts
from ..model import Article
from .candidate import Mention, _token_char_bounds, country_names
from .context import dateline_end
from .lexicon import ActorEntry, EventLexicon
from .places import EventPlaces

FORMER_WORDS = frozenset({"former", "ex", "ex-", "retired"})  # "12 ex-regime officers": no longer of their kind
STANCE_WORDS = frozenset({"pro", "anti"})  # "pro-government militia", "anti-junta fighters": whom they back or fight


@cache
def _one_word_countries() -> frozenset[str]:
    """The country names that are one word ("Russia", not "South Sudan"), built once."""
    return frozenset(name for name in country_names().values() if " " not in name)


def _stance_start(doc: Doc, mention: Mention) -> int | None:
    """The index of "pro"/"anti" where the mention is written after "pro-" / "anti-" (or was
    widened over it), else None; a named actor whose own name has it ("Anti-balaka") has none."""
    if mention.entry.named and any(w.lower().startswith(tuple(STANCE_WORDS)) for w in mention.entry.words):
        return None
    for i in range(mention.start, mention.end - 1):
        if doc[i].lower_ in STANCE_WORDS and doc[i + 1].text == "-":
            return i
    if mention.start >= 2 and doc[mention.start - 1].text == "-" and doc[mention.start - 2].lower_ in STANCE_WORDS:
        return mention.start - 2
    return None


def _stance_modifiers(doc: Doc, mentions: list[Mention], lexicon: EventLexicon) -> list[Mention]:
    """An actor named after "pro-" or "anti-" is whom people back or fight, not an actor: the
    noun after it is ("pro-government militiamen" are a militia, "anti-Houthi forces" the
    government's). People against the state ("anti-government forces") are rebels, whatever
    their noun; a stance with no actor noun after it names no one ("anti-government protests")."""
    kept: list[Mention] = []
    merged_until = -1
    for i, mention in enumerate(mentions):
        if mention.start < merged_until:
            continue
        stance = _stance_start(doc, mention)
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if stance is None:
            kept.append(mention)
        elif following is not None and following.start == mention.end and not following.entry.named:
            entry = following.entry
            if doc[stance].lower_ == "anti" and mention.kind == "state_forces" and entry.kind in ("state_forces", "armed_group"):
                entry = next((a for a in lexicon.actors if a.kind == "rebel_group" and not a.named), entry)
            kept.append(Mention(stance, following.end, entry, following.name, following.role, following.facility, following.agent))
            merged_until = following.end
        elif mention.end - 1 > stance + 2 and not mention.entry.named:
            # the stance is inside the phrase: "anti-junta fighters", "anti-government forces"
            if doc[stance].lower_ == "anti" and lexicon.generic_kinds.get(doc[stance + 2].lower_) == "state_forces" \
                    and mention.kind in ("state_forces", "armed_group"):
                mention.entry = next((a for a in lexicon.actors if a.kind == "rebel_group" and not a.named), mention.entry)
            kept.append(mention)
    return kept
    return kept


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


def _generic_kind_of_named(found: list[tuple[int, int, ActorEntry]]) -> list[tuple[int, int, ActorEntry]]:
    """Where the events lexicon's nouns and a named actor cover the same words ("MINUSCA",
    "AUSSOM": an intergovernmental body in actors.toml, peacekeepers in events.toml), the named
    actor keeps its name and takes the events lexicon's kind: events.toml codes the sides."""
    generic = {(start, end): entry.kind for start, end, entry in found if not entry.named}
    return [(start, end, dataclasses.replace(entry, kind=generic[(start, end)]))
            if entry.named and generic.get((start, end), entry.kind) != entry.kind else (start, end, entry)
            for start, end, entry in found]


def _named_with_noun(doc: Doc, mentions: list[Mention], employee_kinds: frozenset[str] = frozenset(),
                     armed: frozenset[str] = frozenset(), peacekeeping_bodies: frozenset[str] = frozenset()) -> list[Mention]:
    """A named actor right before the generic noun it modifies is one mention, of the named
    actor's kind: "Wagner fighters" are Wagner's, not some rebels. A named body that fights for
    no side before people of ``employee_kinds`` is whom they work for: "Al Jazeera journalist"
    and "WFP staff" are civilians, "MINUSCA peacekeeper" a peacekeeper, and the forces of a
    body of ``peacekeeping_bodies`` are peacekeepers ("UN troops", "AU soldiers")."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        root = doc[last.start : last.end].root if last else None
        if (last is not None and root is not None and last.entry.named and not mention.entry.named
                and last.end == mention.start and root.dep_ == "compound" and mention.start <= root.head.i < mention.end):
            entry = last.entry
            if mention.kind in employee_kinds and entry.kind not in armed:
                entry = dataclasses.replace(entry, kind=mention.kind)
            elif entry.kind in peacekeeping_bodies and mention.kind == "state_forces":
                entry = dataclasses.replace(entry, kind="peacekeepers")  # "UN troops", "AU soldiers"
            merged[-1] = Mention(last.start, mention.end, entry, last.name, last.role, mention.facility, last.agent or mention.agent)
            continue
        merged.append(mention)
    return merged


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


class ActorMentions(EventPlaces):
    """Finds the actor mentions of a Doc."""

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
        found += self._unlisted_groups(doc, found)
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
                # "established a new military position": a post of theirs, in a development no side;
                # "an army convoy hit a mine": a thing of theirs (not a people's noun such as "patrol")
                mention.facility = (root.dep_ == "amod" and root.head.lower_ in self.lexicon.facility_words) or (
                    mention.end - mention.start > 1 and root.lower_ in self.lexicon.facility_words and root.lower_ not in self.lexicon.generic_kinds)
            elif mention.end + 1 < len(doc) and doc[mention.end].text == "-" and doc[mention.end + 1].lower_ in self.lexicon.held_words:
                mention.facility = True  # "in rebel-held areas": whose place it is, hit through it or no side
            elif mention.kind in self.lexicon.peacekeeping_bodies:
                root = doc[mention.start : mention.end].root
                if root.dep_ in ("compound", "nmod", "poss") and root.head.lower_ in self.lexicon.facility_words:
                    mention.entry = dataclasses.replace(mention.entry, kind="peacekeepers")  # "an AU convoy", "a UN base"
            kept.append(_widen(doc, mention, taken, self.lexicon.unit_words))
        kept = _stance_modifiers(doc, kept, self.lexicon)
        kept = _named_with_noun(doc, kept, self.lexicon.employee_kinds, self.lexicon.armed, self.lexicon.peacekeeping_bodies)
        self._all_mentions = kept
        return self._suspected(doc, kept)

    def _unlisted_groups(self, doc: Doc, found: list[tuple[int, int, ActorEntry]]) -> list[tuple[int, int, ActorEntry]]:
        """Groups the lexicon does not list, named as organised armed groups name themselves: a
        capitalised name ending in one of ``group_name_words`` ("the Dawlah Lanao Front", "Manipur
        Naga People's Front", "the Kivu Liberation Army"), a rebel group by the convention of
        docs/events.md (an organised non-state group)."""
        covered = {i for start, end, named in found if named.named for i in range(start, end)}  # a longer name wins over a noun
        entry = next((a for a in self.lexicon.actors if a.kind == "rebel_group" and not a.named), None)
        if entry is None:
            return []
        groups = []
        texts = token_texts(doc)  # a Token only for the words that may end a group's name
        for i, last in enumerate(texts):
            two = f"{texts[i - 1]} {last}" if i > 0 else ""
            if not (last in self.lexicon.group_name_words or two in self.lexicon.group_name_words) or i in covered:
                continue
            token = doc[i]
            words = [t for t in token.sent if t.is_alpha]
            if sum(t.is_title for t in words) > 0.7 * len(words):
                continue  # a title-case headline capitalises every word: "Russia Opens New Front In Kharkiv"
            start = token.i - (2 if two in self.lexicon.group_name_words else 1)
            while start >= 0 and start not in covered and (doc[start].is_title or doc[start].text in ("'s", "-")) and not doc[start].is_sent_start:
                start -= 1
            start += 1
            while start < token.i and not doc[start].is_title:
                start += 1
            if token.i - start < 1 - (1 if two in self.lexicon.group_name_words else 0) or start == token.i:
                continue
            groups.append((start, token.i + 1, dataclasses.replace(entry, name=doc[start : token.i + 1].text)))
            covered.update(range(start, token.i + 1))
        return groups

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
            # "Russia launched a ballistic missile at Dnipro": the verb whose object is the trigger
            launched = any(c.dep_ == "dobj" and c.i in self._trigger_tokens for c in root.head.children)
            if root.dep_ != "nsubj" or (root.head.i not in self._trigger_tokens and not launched) or root.head.pos_ != "VERB":
                continue
            if last + 1 < len(doc) and doc[last + 1].text in (":", "-", "\u2013", "\u2014"):
                continue  # "Colombia: FARC dissidents attack ...": a label, whatever the parse says
            if any(doc[k].text == ":" for k in range(last + 1, root.head.i)):
                continue  # "Yemen, Taiz governorate, Mawiyah district: a landmine exploded": an incident list's label
            if not taken.isdisjoint(range(first, last + 1)):
                continue
            self._actor_places.add(loc.id)
            added.append(Mention(first, last + 1, self._state_entry(), name=loc.name))
            taken.update(range(first, last + 1))
        read = {i for loc in article.locations for i in range(bisect_right(starts, loc.span[0]) - 1, bisect_right(starts, loc.span[1] - 1))}
        added += self._unread_country_subjects(doc, taken | read)
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _unread_country_subjects(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """A one-word country name the places component read no location for ("08:20 - Russia
        launched a ballistic missile at Dnipro"), as the subject of a trigger or of the verb that
        launched it: its state's forces."""
        names = _one_word_countries()
        added = []
        for i in [i for i, text in enumerate(token_texts(doc)) if text in names and i not in taken]:
            token = doc[i]
            if token.dep_ != "nsubj" or token.head.pos_ != "VERB":
                continue
            verb = token.head
            if token.i + 1 < len(doc) and doc[token.i + 1].text in (":", "-", "\u2013", "\u2014", ","):
                continue  # a label or a list: "Colombia: FARC dissidents attack ..."
            if verb.i in self._trigger_tokens or any(c.dep_ == "dobj" and c.i in self._trigger_tokens for c in verb.children):
                added.append(Mention(token.i, token.i + 1, self._state_entry(), name=token.text))
        return added

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

    def _state_entry(self) -> ActorEntry:
        return next((a for a in self.lexicon.actors if a.kind == "state_forces" and not a.named), ActorEntry("state_forces", None, ()))
