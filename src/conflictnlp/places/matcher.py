"""Finding place mentions in a parsed Doc: NER toponyms, gazetteer names, demonym places,
regions ("eastern Ukraine") and borders ("Russia-Ukraine border", "the Ukrainian border").

Sources are merged into one non-overlapping list of :class:`~.resolve.Mention` (longest wins;
a border or region swallows the names inside it). Only text inside ``doc._.body`` is read.

Gazetteer names the NER did not tag GPE/LOC are accepted only where a place reading is likely:
a country, admin area or region; a town of 100,000 or more; or a smaller town in a country the
article already mentions, or right after a locative word ("in Popasna", "near Irpin", "à
Batangafo"). Names the NER tags as people, dates or numbers are left alone unless a locative
word precedes them.

The conflict layer: in the countries of ``places.toml`` ``conflict_countries``, a town of a
country the article mentions (by name, town or demonym) is a place by any of its spellings,
whatever its population and whatever the NER made of it ("Vuhledar", "Izium", "Menaka").
The countries of ``conflict_countries_where_named`` (Mexico, the Philippines) join them only
in an article that names them.

Names of the actors lexicon (``data/actors.toml``: armed groups, alliances, media) are never
places, nor any word inside them ("Hamas", "NATO's", "France 24 reported").
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from importlib import resources
from typing import Optional

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from ..extensions import body_bounds, doc_text, entity_at, sentence_bounds, token_forms, token_offsets, token_texts
from ..reading.boilerplate import dateline_town
from .actors import actor_index
from .gazetteer import ALTERNATE_NAMES_MIN_POPULATION, Gazetteer, Place, normalize, romanisation_key, transliteration_key
from .resolve import Mention, is_within, prior_score

PLACE_LABELS = {"GPE", "LOC"}
MAYBE_PLACE_LABELS = {"FAC", "ORG", "NORP", ""}
NOT_PLACE_LABELS = {"PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY",
                    "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
NUMERIC_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
CONTAINER_FEATURES = {"country", "admin1"}
AREA_FEATURES = {"country", "admin1", "region"}
LARGE_TOWN = 100_000
SMALL_TOWN = 1_000
NOTABLE_ORG_TOWN = 50_000  # a town the NER tagged ORG is taken without context from this size
MAX_TOKENS = 6
TITLE_CASE_SHARE = 0.8
DATELINE_MARKS = {"—", "–", "-", "--", ",", "("}
LIST_SEPARATORS = {",", "and", "or", "-", "–", "/", "&"}
# lowercase words that may end a place name ("the Donetsk region", "Kherson oblast")
NAME_TAIL_WORDS = {"region", "oblast", "province", "county", "parish", "district", "governorate", "strip", "peninsula"}
NOTABLE_TOWN = 10_000  # a conflict country's town named with no cue and no country ("over Menaka report")
LEADING_PARTICLES = {"de", "du", "des", "d'", "del", "en", "dans"}


def group_name_last_words() -> frozenset[str]:
    """The last words of the armed groups' name endings of ``events.toml`` ``group_name_words``
    ("Liberation Army": "Army"), decided there once."""
    lexicon = tomllib.loads(resources.files("conflictnlp.data").joinpath("events.toml").read_text(encoding="utf-8"))
    return frozenset(phrase.split()[-1] for phrase in lexicon["context"]["group_name_words"])


@dataclass
class _Found:
    start: int  # token indices
    end: int
    mention: Mention
    kind: str   # "ner" | "gazetteer" | "demonym" | "border" | "region"


class PlaceMatcher:
    """Collects the place mentions of a Doc (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, adjectival: bool = True):
        self.gazetteer = gazetteer
        self._person_words: set[str] = set()
        settings = gazetteer.settings
        self.place_nouns = set(settings["place_nouns"])
        self.border_nouns = {noun for noun in settings["border_nouns"] if " " not in noun}
        self.directions = set(settings["direction_words"])
        self._admin_prefixes = tuple(settings["admin_prefixes"])
        self._compass_forms = dict(settings.get("admin_compass_forms", {}))
        self.locative_cues = set(settings["locative_cues"])
        self.area_adjectives = set(settings["area_adjectives"])
        self._title_case: set[int] = set()
        self.area_words = set(settings["area_words"])
        self.name_inner_words = frozenset(settings["name_inner_words"])
        self._elisions = tuple(settings["name_elisions"])  # lower case only: "Kaduna state", not "Kaduna State Police"
        self.adjectival = adjectival
        self._demonym_firsts: Optional[frozenset[str]] = None
        self.conflict_countries = frozenset(settings["conflict_countries"])
        # countries whose small towns count only in an article that names them (Mexico, the
        # Philippines): everywhere, their villages' names made towns of common words in US news
        self.named_conflict_countries = frozenset(settings.get("conflict_countries_where_named", []))
        self._conflict: frozenset[str] = self.conflict_countries  # this article's: the above and those named
        self.speech_verbs = frozenset(settings["headline_speech_verbs"])
        self.headline_generic_words = frozenset(settings.get("headline_generic_words", []))
        self._actor_keys = frozenset(actor_index())
        self._actor_firsts = frozenset(key.split(" ", 1)[0] for key in self._actor_keys)
        # first words an actor's name may begin with in lower case ("al-Shabab", "anti-balaka");
        # the others ("New People's Army", "La Nueva Familia") only capitalised, so that every
        # "new" and "la" of an article is no candidate
        self._actor_lower_firsts = frozenset(
            normalize(name).removeprefix("the ").split(" ", 1)[0] for actor in actor_index().values()
            for name in actor.names if name[:1].islower())
        # tokens, not words: "Al-Shabaab" is three
        self._actor_width = 2 * max(len(key.split()) for key in self._actor_keys) + 1
        # the countries an actor implies for the conflict layer (places.toml [actor_countries],
        # by actors.toml name) and those of unnamed actors' words ("cartel gunmen": Mexico)
        self._actor_implies = {name: frozenset(codes) for name, codes in settings.get("actor_countries", {}).items()}
        self._word_implies = {word: frozenset(codes) for word, codes in settings.get("actor_word_countries", {}).items()}
        self.settlement_nouns = frozenset(settings["settlement_nouns"])
        self.unlisted_cues = frozenset(settings["unlisted_cues"])
        self.facility_nouns = frozenset(settings["facility_nouns"])
        self.facility_name_tails = frozenset(settings["facility_name_tails"])
        self.facility_name_heads = frozenset(settings["facility_name_heads"])
        self.part_nouns = frozenset(settings["named_part_nouns"])
        self.institution_heads = frozenset(settings["institution_heads"])
        self.newspaper_heads = frozenset(settings["newspaper_heads"])
        self.newspaper_heads_sentence_case = frozenset(settings["newspaper_heads_sentence_case"])
        self.named_after_nouns = frozenset(settings["named_after_nouns"])
        self.vessel_nouns = frozenset(settings["vessel_nouns"])
        self.force_nouns = frozenset(settings["force_nouns"])
        self.heads_before_of = frozenset(settings["institution_heads_before_of"])
        self.newspaper_heads_all = self.newspaper_heads | self.newspaper_heads_sentence_case
        self._named_heads = self.institution_heads | self.newspaper_heads_all | self.heads_before_of
        self.peoples = frozenset(normalize(name) for name in settings["peoples_named_like_areas"])
        self.people_nouns = frozenset(settings["people_nouns"]) | self.force_nouns
        self.media_nouns = frozenset(settings["media_nouns"])
        self._named_nouns = self.named_after_nouns | self.vessel_nouns | self.media_nouns
        self.organisation_tails = frozenset(settings["organisation_name_tails"]) | group_name_last_words()
        self.organisation_lower_tails = frozenset(settings["organisation_lower_tails"])
        self.civic_body_words = frozenset(settings["civic_body_words"])
        self.saint_words = frozenset(settings["saint_words"])
        self.church_nouns = frozenset(settings["church_nouns"])
        self._unlisted_triggers = self.unlisted_cues | {"of", "de"}
        self.town_cues = frozenset(settings["conflict_town_cues"])
        self.object_verbs = frozenset(settings["incident_object_verbs"])
        self.foreign_verbs = frozenset(settings["foreign_incident_verbs"])
        self.incident_of_nouns = frozenset(settings["incident_of_nouns"])
        self.incident_on_nouns = frozenset(settings["incident_on_nouns"])
        self.demonym_compound_heads = frozenset(settings["demonym_compound_heads"])
        self._blocked: set[int] = set()
        self._institutions: list[tuple[int, int, bool]] = []  # (start, end, a university's?)
        self._actor_countries: set[str] = set()
        self._implied_countries: set[str] = set()  # of actors, named or not: they open the conflict layer
        self._doubtful: list[tuple[int, int, list[Place]]] = []
        self._named_conflict: frozenset[str] = frozenset()  # the conflict countries the last Doc names

    @property
    def article_conflict_countries(self) -> frozenset[str]:
        """The conflict countries of the last Doc: ``conflict_countries`` and those of
        ``conflict_countries_where_named`` that it names."""
        return self._conflict

    @property
    def actor_countries(self) -> frozenset[str]:
        """The countries of the armed groups and forces the last Doc named ("ADF": CD)."""
        return frozenset(self._actor_countries)

    def __call__(self, doc: Doc) -> list[Mention]:
        lo, hi = body_bounds(doc)
        starts, ends = token_offsets(doc)
        first, last = bisect_left(starts, lo), bisect_right(ends, hi)
        if first >= last:
            return []
        # the tokens a name can start with: capitalised, or a direction ("northern Syria");
        # read from arrays, as building a Token for each word of the article is slow
        text = doc_text(doc)
        lowers = doc.to_array(LOWER).tolist()
        directions = {doc.vocab.strings[word] for word in self.directions}  # ids as the arrays hold them
        may_start = [text[start].isupper() or lower in directions for start, lower in zip(starts, lowers)]
        self._title_case = self._title_case_tokens(doc, first, last)
        self._conflict = self.conflict_countries
        self._named_conflict = frozenset()
        self._blocked = self._actor_tokens(doc, first, last) | self._named_things(doc, first, last)
        found = self._ner(doc, first, last)
        found = self._merge(found, self._gazetteer_names(doc, first, last, found, may_start))
        found = self._merge_over(found, self._borders(doc, first, last, found))
        found = self._merge_over(found, self._demonym_places(doc, first, last, found, may_start))
        found = self._merge(found, self._conflict_towns(doc, found))
        # the conflict layer's towns head lists too ("Shelling hit Vuhledar and Kupiansk and Soledar")
        found = self._merge(found, self._listed(doc, found))
        found = self._merge(found, self._unlisted(doc, first, last, found))
        found = self._drop_foreign_institutions(doc, found)
        found = self._villages_by_another_name(doc, found)
        self._directions(doc, first, found)
        # "Eastern Congo" took in the "Eastern" a gazetteer name had claimed on its own
        regions = [item for item in found if item.kind == "region"]
        found = [item for item in found if item.kind == "region" or not any(self._overlaps(item, r) for r in regions)]
        self._qualify(doc, found)
        return [item.mention for item in sorted(found, key=lambda item: item.start)]

    def mentions_for_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[Mention]:
        """Mentions for given character spans (e.g. gold toponyms), with the same demonym,
        region and qualifier handling as detected ones, in the order given."""
        found = []
        for start_char, end_char in spans:
            span = doc.char_span(start_char, end_char, alignment_mode="expand")
            mention = Mention(text=doc_text(doc)[start_char:end_char], start=start_char, end=end_char, source="given")
            # "Sudanese", and in plural "Palestinians": the people's country
            country = (self.gazetteer.country_of_demonym(mention.text)
                       or self.gazetteer.country_of_demonym(mention.text.removesuffix("s")))
            if country is not None and not self.gazetteer.candidates(mention.text):
                mention.fixed = country
            found.append(_Found(span.start, span.end, mention, "gold") if span is not None else None)
        present = [item for item in found if item is not None]
        self._qualify(doc, present)
        return [item.mention if item is not None else Mention(text=doc_text(doc)[s:e], start=s, end=e)
                for item, (s, e) in zip(found, spans)]

    def _actor_tokens(self, doc: Doc, first: int, last: int) -> set[int]:
        """Tokens inside a name of the actors lexicon ("Hamas", "France 24", "Al-Shabaab"); the
        countries of those actors go to ``_actor_countries``."""
        blocked: set[int] = set()
        self._actor_countries, self._implied_countries = set(), set()
        index = actor_index()
        forms, (starts, ends), text = token_forms(doc), token_offsets(doc), doc_text(doc)
        firsts, lower_firsts, texts = self._actor_firsts, self._actor_lower_firsts, token_texts(doc)
        implying = self._word_implies
        # the few words that begin an actor's name or stand for one, found in one pass over the forms
        candidates = [i for i in range(first, last) if forms[i][1] in implying or forms[i][1] in firsts
                      and (not texts[i][:1].islower() or forms[i][1] in lower_firsts)]
        free = first  # the first token not inside a name already found
        for i in candidates:
            if i < free:
                continue
            self._implied_countries |= implying.get(forms[i][1], frozenset())
            for end in range(min(last, i + self._actor_width), i, -1):
                words = text[starts[i]:ends[end - 1]]
                if words != words.lower() and normalize(words) in self._actor_keys and not self._in_compound(doc, i, end):
                    blocked.update(range(i, end))
                    actor = index[normalize(words)]
                    if actor.country and actor.kind not in ("media", "ngo", "intergovernmental"):
                        self._actor_countries.add(actor.country)
                    self._implied_countries |= self._actor_implies.get(actor.name, frozenset())
                    free = end
                    break
        return blocked

    @staticmethod
    def _in_compound(doc: Doc, start: int, end: int) -> bool:
        """Whether tokens are hyphenated on both sides into a longer word: the "AU" of
        "PORT-AU-PRINCE" is no African Union."""
        inner = start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
        return inner and not doc[end - 1].whitespace_ and (doc[end - 1].text == "-" or end < len(doc) and doc[end].text == "-")

    def _name_run(self, doc: Doc, start: int, last: int, step: int = 1) -> int:
        """The end (exclusive; with ``step`` -1 the start) of the capitalised name beginning
        (ending) at ``start``: "Wad al-Nourah", "El Baraf"; ``start`` itself if none."""
        texts = token_texts(doc)
        edge, k, width = (start if step > 0 else start + 1), start, 0
        while 0 <= k < last and width < MAX_TOKENS:
            if self._capitalised(texts[k]):
                edge = k + 1 if step > 0 else k
            elif not (texts[k].lower() in self.name_inner_words or texts[k] in "-–'"):
                break
            k += step
            width += 1
        return edge

    def _capitalised(self, word: str) -> bool:
        """Whether a word may be a word of a name: capitalised, or an elided article before a
        capital ("l'Artibonite", "d'Ivoire")."""
        return word[:1].isupper() or word[:2].lower() in self._elisions and word[2:3].isupper()

    def _named_things(self, doc: Doc, first: int, last: int) -> set[int]:
        """Tokens of names that are not places though a place's name is in them: newspapers
        ("Sudan Tribune"), agreements ("the Pretoria agreement") and vessels ("the cruiser
        Moskva"). Names of universities and colleges go to ``_institutions``: their town is a
        place only where the article is about its country."""
        blocked: set[int] = set()
        self._institutions = []
        texts, forms = token_texts(doc), token_forms(doc)
        heads, nouns = self._named_heads, self._named_nouns
        peoples = self.peoples
        facility_words = self.facility_name_tails | self.facility_name_heads
        tails, lower_tails = self.organisation_tails, self.organisation_lower_tails
        # the words that may begin or end such a name, looked up in two sets rather than seven
        by_text = heads | facility_words | tails | lower_tails | self.church_nouns
        by_form = nouns | peoples
        for i in [i for i in range(first, last) if texts[i] in by_text or forms[i][1] in by_form]:
            word, lower = texts[i], forms[i][1]
            if word in tails or word in lower_tails:
                blocked.update(self._organisation_name(doc, i, first, last))
                continue
            if word in self.church_nouns:
                begin = self._name_run(doc, i - 1, last, step=-1) if i > first else i
                if begin < i and texts[begin] in self.saint_words:
                    blocked.update(range(begin, i))  # "St. Joseph parish"
                continue
            if lower in peoples:
                # "Amhara militiamen", "Chin resistance": the people before a word of people or fighters
                # (in a title-case headline the noun is capitalised too: "Somali Forces Recapture ...")
                if word[:1].isupper() and i + 1 < last and (texts[i + 1].islower() or i in self._title_case) and (
                        forms[i + 1][0] in self.people_nouns or forms[i + 1][1] in self.people_nouns):
                    blocked.add(i)
                continue
            # "University of Khartoum", "Bank of Khartoum", a headline's "University Of Maiduguri"
            of_name = i + 2 < last and (texts[i + 1] == "of" or texts[i + 1] == "Of" and i in self._title_case)
            if (word in self.institution_heads or word in self.newspaper_heads or word in self.heads_before_of and of_name
                    or word in self.newspaper_heads_sentence_case and i not in self._title_case):
                begin = self._name_run(doc, i - 1, last, step=-1) if i > first else i
                named = set(range(begin, i + 1))
                if of_name:
                    named.update(range(i + 1, self._name_run(doc, i + 2, last)))
                elif word in self.institution_heads and i not in self._title_case and i + 1 < last:
                    named.update(range(i + 1, self._name_run(doc, i + 1, last)))  # "Federal University Gusau"
                blocked.add(i)  # the head itself ("the Herald") is never a place
                self._institutions.append((min(named), max(named) + 1, word not in self.newspaper_heads_all))
            elif lower in self.named_after_nouns and i > first and word.islower():
                blocked.update(range(self._name_run(doc, i - 1, last, step=-1), i))
            elif lower in self.media_nouns and word.islower() and i > first + 1 and texts[i - 1] == "news":
                end = i - 1
                begin = self._name_run(doc, end - 1, last, step=-1) if end > first else end
                begin = max([begin] + [k + 1 for k in range(begin, end) if texts[k] in ("'s", "’s")])  # "Yemen's"
                if begin < end and not self.gazetteer.country_named(doc[begin:end].text):
                    blocked.update(range(begin, end))
            elif lower in self.vessel_nouns and word.islower() and i + 1 < last:
                blocked.update(range(i + 1, self._name_run(doc, i + 1, last)))
            elif word in self.facility_name_heads or word in self.facility_name_tails and i not in self._title_case:
                blocked.update(self._country_in_facility_name(doc, i, first, last))
        return blocked

    def _organisation_name(self, doc: Doc, i: int, first: int, last: int) -> range:
        """The capitalised words before an organisation's last word at ``i`` (issue 25): "Kachin"
        of "the Kachin Independence Army", "Santa Rosa de Lima" of "the Santa Rosa de Lima cartel",
        "Cabo Ligado" of "Cabo Ligado weekly". Nothing in a title-case headline, for a lowercase
        word that only qualifies the next noun ("the Gaza daily death toll"), or where no
        capitalised word comes before."""
        texts = token_texts(doc)
        if i <= first or i in self._title_case:
            return range(0)
        if texts[i].islower() and i + 1 < last and doc[i + 1].pos_ in ("NOUN", "PROPN") and texts[i + 1].islower():
            return range(0)
        if texts[i - 1] in self.civic_body_words:
            return range(0)  # "the Athens City Council" is the town's own body: news gold counts the town
        begin = self._name_run(doc, i - 1, last, step=-1)
        # no sentence-initial "In" ("In Sudan the African Union ..."), nothing before a "the" or "and"
        begin = max([begin] + [k + 1 for k in range(begin, i) if texts[k] in ("the", "and")])
        while begin < i and (not self._capitalised(texts[begin]) or doc[begin].is_stop):
            begin += 1
        return range(begin, i)

    def _country_in_facility_name(self, doc: Doc, i: int, first: int, last: int) -> range:
        """The tokens of a country's name that a facility word at ``i`` makes part of a proper
        name ("Libya Street", "Souq Libya market"): the longest known name that the capitalised
        run ends with before a tail word, or starts with after a head word, if it is a country's
        ("Port Sudan Street" names Port Sudan, no country)."""
        texts = token_texts(doc)
        if texts[i] in self.facility_name_tails and i > first and i not in self._title_case:
            begin = self._name_run(doc, i - 1, last, step=-1)
            known = next((b for b in range(begin, i) if self.gazetteer.candidates(doc[b:i].text)), None)
            if known is not None and self._country_not_state(doc[known:i].text):
                return range(known, i)
        if texts[i] in self.facility_name_heads and i + 1 < last:
            end = self._name_run(doc, i + 1, last)
            known = next((e for e in range(end, i + 1, -1) if self.gazetteer.candidates(doc[i + 1:e].text)), None)
            if known is not None and self._country_not_state(doc[i + 1:known].text):
                return range(i + 1, known)
        return range(0)

    def _country_not_state(self, name: str) -> bool:
        """A country's name that is no first-level area's too: "Georgia School Boards Association"
        is the US state's, a place, where "Libya Street" holds no place."""
        return self.gazetteer.country_named(name) is not None and not any(
            place.feature == "admin1" for place in self.gazetteer.candidates(name))

    def _article_countries(self, found: list[_Found]) -> dict[str, int]:
        """How many of the article's mentions each country has (fixed ones, else the name's
        most prominent reading) and of its actors."""
        counts: dict[str, int] = {}
        for item in found:
            place = item.mention.fixed
            codes = {place.country_code} if place is not None else self._context_countries([item])
            for code in codes:
                if code:
                    counts[code] = counts.get(code, 0) + 1
        for code in self._actor_countries:
            counts[code] = counts.get(code, 0) + 1
        return counts

    def _same_institution(self, item: _Found, other: _Found) -> bool:
        return any(s <= item.start and item.end <= e and s <= other.start and other.end <= e
                   for s, e, _ in self._institutions)

    def _in_institution(self, item: _Found) -> bool:
        return any(s <= item.start and item.end <= e for s, e, _ in self._institutions)

    def _drop_foreign_institutions(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """A town inside a university's or newspaper's name ("Columbia University", "the
        Augusta Herald") is a place only where the article's other places share its country:
        news gold counts "Ohio State University" in an Ohio story, but an analyst "at Columbia
        University" in a report on Moscow puts nothing in South Carolina. A country in a
        newspaper's name ("Sudan Tribune") is the beat, never the place."""
        if not self._institutions:
            return found
        inside = [item for item in found if self._in_institution(item)]
        if not inside:
            return found
        outside = [item for item in found if item not in inside]
        others = self._article_countries(outside)
        kept = []
        for item in found:
            if item in inside:
                places = self.gazetteer.candidates(item.mention.text)
                newspaper = any(s <= item.start and item.end <= e and not university for s, e, university in self._institutions)
                if newspaper and any(p.feature == "country" for p in places):
                    continue
                # nothing else in the article puts it elsewhere ("at Cambridge University")
                if others and not any(p.country_code in others for p in places):
                    continue
                # in conflict news the university is an organisation (issue 25: never a place), its
                # town too, even where it is the only place named ("students of Federal University
                # Gusau abducted"); other institutions' towns stay where the sentence names no
                # other place below a province ("the Bank of Khartoum" alone)
                university = any(s <= item.start and item.end <= e
                                 and any(t.text.title() in self.institution_heads for t in doc[s:e])
                                 for s, e, _ in self._institutions)
                # a conflict country's town in the name ("Federal University Gusau": not Brazil's
                # Federal District either; "Cambridge University" in a Ukrainian story stays as before)
                local = any(self._prominent(other).country_code in self._conflict
                            for other in inside if self._same_institution(item, other))
                conflict_here = self._conflict_article(others) if others else local
                if not newspaper and conflict_here and (university and local or self._sentence_places(doc, item, outside)):
                    continue
            kept.append(item)
        return kept

    def _prominent(self, item: _Found) -> Place:
        """The most prominent reading of a found name (a placeholder town if it has none)."""
        places = self.gazetteer.candidates(item.mention.text)
        return max(places, key=prior_score) if places else Place(item.mention.text, "city", None, None, None)

    def _conflict_article(self, counts: dict[str, int]) -> bool:
        """Whether the article's main country (most mentions) is a conflict country."""
        return bool(counts) and max(counts, key=lambda code: counts[code]) in self._conflict

    def _sentence_places(self, doc: Doc, item: _Found, others: list[_Found]) -> bool:
        """Whether a place outside institutions' names shares the item's sentence."""
        start, end = sentence_bounds(doc)[item.start]
        # the country or province around it is no other place ("the University of Maiduguri in Nigeria")
        return any(start <= other.start < end and other.kind != "demonym"
                   and (other.mention.fixed or self._prominent(other)).feature not in CONTAINER_FEATURES
                   for other in others)

    def _unlisted(self, doc: Doc, first: int, last: int, found: list[_Found]) -> list[_Found]:
        """Populated places the gazetteer lacks: a capitalised name after "the village of" (any
        article), before its container in parentheses ("in Seytenga (Seno province)"), as "the
        Makeen area of ..." after a cue, or after a locative cue ("near Barsalogho", "à
        Batangafo") or in an incident head ("14 February - Haiti, Cite Soleil:") in an article
        about a conflict country, that no other source took and that names no facility."""
        forms = token_forms(doc)
        taken = {i for item in found for i in range(item.start, item.end)} | self._blocked
        # one-word gazetteer names a longer unknown name may hold ("near Kafin Koro": not Koro, Mali)
        short = {item.start: item for item in found if item.kind == "gazetteer" and item.end - item.start == 1
                 and item.mention.source == "gazetteer" and not item.mention.unlisted and item.start not in self._blocked}
        conflict: Optional[bool] = None
        names: list[_Found] = []
        triggers = self._unlisted_triggers | {"the", ","}
        verbs = self.object_verbs
        for i in [i for i in range(first, last - 1) if forms[i][1] in triggers or forms[i][0] in verbs
                  or forms[i][1].removesuffix("s") in verbs or forms[i][1] in self.foreign_verbs]:
            if i + 1 in taken:
                continue
            start, end, sure = self._unlisted_name(doc, i, first, last)
            if end <= start or any(k in taken and not self._held_name(doc, k, start, end, short) for k in range(start, end)):
                continue
            places = self.gazetteer.candidates(doc[start:end].text)
            if not sure:
                if places or self._named_variants(doc[start:end].text):
                    continue
                if conflict is None:  # the article's main country is a conflict country
                    conflict = self._conflict_article(self._article_countries(found))
                if not conflict:
                    continue
            for s, e in self._and_parts(doc, start, end) if not places else [(start, end)]:
                names.append(_Found(s, e, self._mention(doc, s, e, "unlisted", unlisted=not places), "gazetteer"))
            taken.update(range(start, end))
        settlements = [i for i in range(first + 1, last) if forms[i][1] in self.settlement_nouns]
        if settlements and not conflict:
            # "Al-Shabaab fighters took control of Moqokori town": an armed group's country will do
            conflict = self._conflict_article(self._article_countries(found)) or bool(self._named_conflict)
        return names + (self._named_settlements(doc, settlements, last, taken) if settlements and conflict else [])

    def _held_name(self, doc: Doc, k: int, start: int, end: int, short: dict[int, _Found]) -> bool:
        """Whether token ``k`` is a one-word gazetteer name inside the longer capitalised name
        [start, end) whose other words begin no known name and are no facility's or area's
        word ("near Kafin Koro (Niger state)", "near Adan Yabaal": a village the data lacks,
        not Koro, Mali, or Aden, Yemen; "near Goma Airport" keeps Goma)."""
        if k not in short or end - start < 2:
            return False
        texts, forms = token_texts(doc), token_forms(doc)
        plain = self.facility_nouns | self.area_words | self.settlement_nouns | self.part_nouns | self.facility_name_tails
        others = [j for j in range(start, end) if j != k and texts[j][:1].isupper()]
        return bool(others) and not any(
            normalize(texts[j]) in self.gazetteer.first_words or forms[j][1] in plain or j in short for j in others)

    def _named_settlements(self, doc: Doc, nouns: list[int], last: int, taken: set[int]) -> list[_Found]:
        """In a conflict country's article, an unknown capitalised name before a lowercase
        settlement noun (at ``nouns``): "raid on Mayikengo village", "an RSF attack on Zamzam camp"."""
        texts, forms = token_texts(doc), token_forms(doc)
        names: list[_Found] = []
        for i in nouns:
            if not texts[i].islower() or i - 1 in taken or not texts[i - 1][:1].isupper():
                continue
            start = self._name_run(doc, i - 1, last, step=-1)
            if start >= i or any(k in taken for k in range(start, i)) or forms[start][1] in ("the", "of"):
                continue
            text = doc[start:i].text
            if (self.gazetteer.candidates(text) or self._named_variants(text)
                    or "PERSON" in {t.ent_type_ for t in doc[start:i]} and doc[start].is_sent_start
                    or self._not_unlisted(doc, start, i, False)):
                continue
            for s, e in self._and_parts(doc, start, i):  # "Shujaiya and Zeitoun neighbourhoods": two
                names.append(_Found(s, e, self._mention(doc, s, e, "unlisted", unlisted=True), "gazetteer"))
            taken.update(range(start, i))
        return names

    @staticmethod
    def _and_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """An unknown name run split at "and" ("hit Shujaiya and Zeitoun": two places)."""
        texts = token_texts(doc)
        cuts = [k for k in range(start + 1, end - 1) if texts[k] == "and"]
        return list(zip([start] + [k + 1 for k in cuts], cuts + [end]))

    def _unlisted_name(self, doc: Doc, i: int, first: int, last: int) -> tuple[int, int, bool]:
        """The name a trigger at ``i`` puts a place on (start, end; end <= start if none), and
        whether the words around it say so whatever the article's country ("the village of X",
        "the X area of", "X (Seno province)")."""
        texts, forms = token_texts(doc), token_forms(doc)
        lower, start = forms[i][1], i + 1
        if not texts[start][:1].isupper():
            return start, start, False
        part = lower == "the" and self._named_part(doc, i, first, last)
        settlement = part or lower in ("of", "de") and i > first and forms[i - 1][1] in self.settlement_nouns
        end = self._run_before_date(doc, start, self._name_run(doc, start, last))
        if lower == ",":
            cue = end > start and self._in_head(doc, start, end)
        else:
            cue = (lower in self.unlisted_cues or lower != "the" and self._incident_object(doc, start)
                   or self._incident_of(doc, start))
        if not (settlement or cue) or end <= start:
            return start, start, False
        # "in Seytenga (Seno province)", "in Masafer Yatta (Hebron)": the container in
        # parentheses says the name before it is a place, whatever the article's country
        contained = end + 1 < last and texts[end] == "(" and texts[end + 1][:1].isupper()
        sure = settlement or contained and not self.gazetteer.candidates(doc[start:end].text)
        # "en Tierra Caliente, Guerrero": before a conflict country's state, a place, not a person
        sure = sure or cue and self._before_address_area(doc, end, last)
        # "the Makeen area of", "the Antonivskyi bridge area": the model's NORP or DATE says nothing
        part_of = part and end + 1 < last and (forms[end + 1][1] == "of" or forms[end + 1][1] in self.part_nouns)
        if self._not_unlisted(doc, start, end, sure, part_of):
            return start, start, False
        return start, end, sure

    @staticmethod
    def _run_before_date(doc: Doc, start: int, end: int) -> int:
        """The end of a name run cut before a date or number the run took in through an inner
        word ("Dioura on Thursday", "Aitaroun on Sunday")."""
        for k in range(start + 1, end):
            if doc[k].ent_type_ in NUMERIC_LABELS and doc[k - 1].is_lower:
                end = k - 1
                break
        while end > start and doc[end - 1].is_lower:
            end -= 1
        return end

    def _named_part(self, doc: Doc, the: int, first: int, last: int) -> bool:
        """Whether "the" at ``the`` begins "the Makeen area (of ...)" after a locative cue: a
        capitalised name, then a lowercase noun of ``named_part_nouns`` ("in the Abu Salim
        district of Tripoli", "at the Allenby crossing", "from the Antonivskyi bridge area")."""
        texts, forms = token_texts(doc), token_forms(doc)
        if the <= first or forms[the - 1][1] not in self.locative_cues or not texts[the + 1][:1].isupper():
            return False
        end = self._name_run(doc, the + 1, last)
        return the + 1 < end < last and texts[end].islower() and forms[end][1] in self.part_nouns

    def _not_unlisted(self, doc: Doc, start: int, end: int, settlement: bool, part_of: bool = False) -> bool:
        """Whether a capitalised name after a cue is something else: a number or date of the
        NER, a person's possessive ("in Putin's speech"), a demonym, a common word, or a
        facility's name. The small model tags most unknown village names PERSON or ORG, and
        the name of "the Makeen area of ..." (``part_of``) anything."""
        ents = {t.ent_type_ for t in doc[start:end]} - {""}
        forms = token_forms(doc)
        if part_of and not any(t.like_num for t in doc[start:end]):
            ents = set()
        # the model's LANGUAGE on "the community of Solino" says nothing (its NORP may be a people)
        if ents - {"GPE", "LOC", "FAC", "ORG", "PERSON"} - ({"LANGUAGE"} if settlement else set()) or doc[start].is_stop:
            return True
        if doc[start].lower_ in self.headline_generic_words:  # "M23 Rebels Enter City Centre"
            return True
        if start in self._title_case and end - start == 1 and doc[start].pos_ in ("VERB", "AUX", "ADJ", "ADV"):
            return True  # "Gang Attack Leaves 20 Dead": a title-case headline's verb
        if not settlement and doc[start].text in self._person_words:
            return True
        if "PERSON" in ents and not settlement and end < len(doc) and forms[end][1] in ("'s", "’s"):
            return True
        if self.gazetteer.country_of_demonym(doc[start:end].text) or doc[start:end].text.isupper():
            return True
        if end - start > 1 and self.gazetteer.country_of_demonym(doc[end - 1].text):
            return True  # "the Cambridge Italian community": a people
        return end < len(doc) and forms[end][1] in self.facility_nouns - self.part_nouns

    def _conflict_towns(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """The conflict layer: doubtful names of a conflict country's place, whatever the NER made
        of them, where the article names that country (by its name, a town or a demonym), or
        where the name is a notable town's own ("Timbuktu", "Velyka Novosilka") and no bigger
        place elsewhere has it."""
        towns: list[_Found] = []
        found_outside = [item for item in found if not self._in_institution(item)]  # not "Columbia University"
        countries = {item.mention.fixed.country_code for item in found_outside
                     if item.mention.fixed is not None and item.mention.fixed.country_code is not None}
        countries |= self._context_countries([item for item in found_outside if item.mention.fixed is None])
        countries |= self._actor_countries  # "Hamas said ... Nuseirat": the Palestinian territories
        countries |= self._implied_countries  # "cartel gunmen ... Aguililla": Mexican
        continents = self._main_continents(doc, found_outside)
        self._conflict = self.conflict_countries | (self.named_conflict_countries & countries)
        countries &= self._conflict
        self._named_conflict = frozenset(countries)
        blind: list[tuple[int, list[Place]]] = []  # (index in towns, readings) of those taken without context
        for start, end, places in self._doubtful:
            if any(start < item.end and item.start < end for item in found + towns):
                continue
            text = doc[start:end].text
            kept = [p for p in self._detectable(text, places, countries)
                    if p.country_code in countries and p.feature in ("city", "admin1", "admin2", "region")]
            # a lone PERSON word is a town of its country's article by the town's own name
            # ("recaptured Lyman"), not by another spelling ("the Mubarak-Gore partnership")
            said = romanisation_key(normalize(text))
            # not in a country conflict only where named: "Cora said" in a Mexican story is a woman
            person_ok = any(romanisation_key(normalize(p.name)) == said and p.country_code in self.conflict_countries
                            for p in kept)
            cued = self._cued(doc, start, end)
            person_ok = person_ok or cued  # "near Oicha" (Hyosha), tagged PERSON
            if not kept:
                kept = self._town_without_context(doc, start, end, places, continents, cued)
                person_ok = True
                if kept:
                    blind.append((len(towns), kept))
            if kept and self._name_like(doc, start, end, person_ok=person_ok):
                towns.append(_Found(start, end, self._mention(doc, start, end, "gazetteer"), "gazetteer"))
        return self._coherent(towns, blind) if blind and not continents else towns

    def _villages_by_another_name(self, doc: Doc, found: list[_Found]) -> list[_Found]:
        """"Drone Strike On Wedding In Boni Kills 20, Mali Army Denies": a name said where a place
        is expected that is only other towns' alternate spelling (Bonn's "Boni"), none of them on
        the continent of the conflict country the article names, is a village of that country
        the data lacks (placed as the other unlisted ones), not the faraway town; before a
        facility noun it is the facility's word ("At Gold Mine Near Kidal": no Gold Coast)."""
        named = self._named_conflict
        if not named:
            return found
        continents = self.gazetteer.continents
        home = {continents.get(code) for code in named}
        forms = token_forms(doc)
        dropped = []
        for item in found:
            mention = item.mention
            if (mention.fixed is not None or mention.unlisted or mention.feature is not None
                    or item.kind not in ("gazetteer", "ner")):
                continue
            places = self.gazetteer.candidates(mention.text)
            if not places or any(p.feature != "city" or continents.get(p.country_code or "") in home for p in places):
                continue
            said = romanisation_key(normalize(mention.text))
            if any(romanisation_key(normalize(p.name)) == said for p in places):
                continue  # a town's own name: Bonn is Bonn even in an article about Mali
            if item.end < len(doc) and forms[item.end][1] in self.facility_nouns:
                dropped.append(item)
            elif self._cued(doc, item.start, item.end) and self._named_in_sentence(doc, item, found, named):
                mention.unlisted = True
        return [item for item in found if item not in dropped]

    def _named_in_sentence(self, doc: Doc, item: _Found, found: list[_Found], countries: frozenset[str]) -> bool:
        """Whether another name of the item's sentence is a place in one of ``countries`` ("...
        In Boni Kills 20, Mali Army Denies")."""
        start, end = sentence_bounds(doc)[item.start]
        return any(start <= other.start < end and other is not item
                   and any(p.country_code in countries for p in ([other.mention.fixed] if other.mention.fixed
                                                                 else self.gazetteer.candidates(other.mention.text)))
                   for other in found)

    def _town_without_context(self, doc: Doc, start: int, end: int, places: list[Place], continents: set[str],
                              cued: bool) -> list[Place]:
        """A town whose country the article does not name, on the article's continent only
        ("Ismaili" in an Egyptian football report is no town in Azerbaijan): a notable one, or
        any one said where a place is expected ("in Kapedo", "à Batangafo")."""
        text = doc[start:end].text
        notable = self._notable_conflict_town(text, places, 0 if cued else NOTABLE_TOWN,
                                              any_spelling=cued and self._tagged_place(doc, start, end))
        notable = [p for p in notable
                   if not continents or self.gazetteer.continents.get(p.country_code or "") in continents]
        said = romanisation_key(normalize(text))
        own = any(romanisation_key(normalize(p.name)) == said for p in notable)
        return notable if self._plain_word(doc, start, end, notable, cued, own) else []

    def _coherent(self, towns: list[_Found], blind: list[tuple[int, list[Place]]]) -> list[_Found]:
        """Where the article had no other place, the towns taken without context keep the
        continent most of them share ("Shelling Hit Vuhledar And Kupiansk": not Hit, Iraq)."""
        counts: dict[str, int] = {}
        for _, kept in blind:
            for continent in {self.gazetteer.continents.get(p.country_code or "") for p in kept}:
                if continent is not None:
                    counts[continent] = counts.get(continent, 0) + 1
        top = max(counts.values(), default=0)
        main = {continent for continent, count in counts.items() if 2 * count > top or count == top}
        if len(main) != 1:
            return towns
        stray = {index for index, kept in blind
                 if not any(self.gazetteer.continents.get(p.country_code or "") in main for p in kept)}
        return [town for index, town in enumerate(towns) if index not in stray]

    def _main_continents(self, doc: Doc, found: list[_Found]) -> set[str]:
        """The continents most of the article's places lie on (half the top count or more)."""
        counts: dict[str, int] = {}
        for item in found:
            if item.kind in ("demonym", "adjectival") and self._leads_compound(doc, item):
                continue  # "the Kenyan-led mission": who leads, not where
            place = item.mention.fixed
            code = place.country_code if place is not None else next(iter(self._context_countries([item])), None)
            continent = self.gazetteer.continents.get(code or "")
            if continent:
                counts[continent] = counts.get(continent, 0) + 1
        top = max(counts.values(), default=0)
        return {continent for continent, count in counts.items() if 2 * count >= top}

    def _leads_compound(self, doc: Doc, item: _Found) -> bool:
        """Whether a demonym begins a compound adjective of ``demonym_compound_heads`` ("Kenyan-led")."""
        texts, forms = token_texts(doc), token_forms(doc)
        return item.end + 1 < len(texts) and texts[item.end] == "-" and forms[item.end + 1][1] in self.demonym_compound_heads

    def _plain_word(self, doc: Doc, start: int, end: int, towns: list[Place], cued: bool = False,
                    own: bool = False) -> bool:
        """Whether nothing speaks against a town reading without context: no people's or
        religion's name ("Ismaili"; a town's own name tagged NORP is no slip of that kind), no
        sentence-initial lone word but a headline's, a label's or one before a noun
        ("Samarra checkpoint attacked"), no smaller town's name inside an organisation's ("Honda")."""
        if not towns:
            return False
        ents = {t.ent_type_ for t in doc[start:end]} - {""}
        # "the Nuseirat raid": a town's name before a lowercase noun, as "Roselle police"
        attributive = end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN"
        label = end < len(doc) and doc[end].text == ":"  # "Myawaddy: Karen rebels push ..."
        if "NORP" in ents and not (own and attributive):
            return False
        if (end - start == 1 and doc[start].is_sent_start and start not in self._title_case
                and not self._possessed_place(doc, end) and not label and not (own and attributive)):
            return False
        if start in self._title_case:
            return True  # a headline's capitals say nothing of organisations
        entity = entity_at(doc, start)
        # after a cue, an organisation the model ran over lowercase words or the next name is its
        # slip ("near Bentiu, Unity State", "le contrôle de Kaga Bandoro")
        slip = cued and entity is not None and all(doc[k].is_lower for k in range(entity.start, start))
        if (entity is not None and entity.label_ == "ORG" and (entity.start < start or entity.end > end)
                and not slip):
            return False  # a word of a longer organisation's name ("Human Rights Watch")
        return ("ORG" not in ents or end - start > 1 or attributive or cued
                or max(p.population for p in towns) >= NOTABLE_ORG_TOWN)

    def _named_person(self, doc: Doc, start: int, end: int) -> bool:
        """"Lincoln Mitchell, an analyst", "Nadia Moayyad said": a town's name that begins a
        two-word name followed by an apposition with "a"/"an", or in running text by a speech
        verb, is a person's first name, whatever the NER tagged."""
        if end - start != 1 or end + 1 >= len(doc):
            return False
        surname = doc[end]
        if not (surname.text[:1].isupper() and surname.is_alpha):
            return False
        if doc[end + 1].lower_ in self.speech_verbs and start not in self._title_case:
            return not self.gazetteer.candidates(surname.text)
        if end + 3 >= len(doc):
            return False
        comma, article, noun = doc[end + 1], doc[end + 2], doc[end + 3]
        return comma.text == "," and article.lower_ in ("a", "an") and noun.is_lower

    def _possessed_place(self, doc: Doc, end: int) -> bool:
        """"Goma's airport", "Kharkiv's outskirts": a possessive before a place's part."""
        return (end + 1 < len(doc) and doc[end].lower_ in ("'s", "’s")
                and doc[end + 1].lower_ in self.place_nouns | self.facility_nouns)

    def _cued(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name stands where a headline or an incident note puts a place: after a
        locative cue of any of the news languages ("in", "near", "à", "dans", "em", "en"), as a
        title-case headline's word, or as the label before a colon ("Birao: armed men ...")."""
        forms = token_forms(doc)
        if start > 0 and (forms[start - 1][1] in self.town_cues or self._incident_object(doc, start)
                          or self._incident_of(doc, start)):
            return True
        if start > 1 and forms[start - 1][1] in ("on", "against") and forms[start - 2][0] in self.incident_on_nouns:
            return True  # "gang attack on Kenscoff": a known town only (callers), not an unlisted name
        if start in self._title_case and (start == 0 or forms[start - 1][1] not in ("the", "a", "an")):
            return True
        if end < len(doc) and doc[end].is_lower and forms[end][1] in self.facility_nouns:
            return True  # "Strike on Beryslav market": the town's market (its own name only, see callers)
        return self._label(doc, start, end)

    def _incident_object(self, doc: Doc, start: int) -> bool:
        """Whether the name is the object right after a verb of attack or capture ("M23 Seizes
        Walikale", "attacked Bosso"); in a title-case headline the verb may be read as a noun."""
        lemma, lower = token_forms(doc)[start - 1]
        if lower in self.foreign_verbs:  # "ont attaqué Djenné"
            return True
        return (lemma in self.object_verbs or lower.removesuffix("s") in self.object_verbs) and (
            doc[start - 1].pos_ in ("VERB", "AUX") or start - 1 in self._title_case)

    def _incident_of(self, doc: Doc, start: int) -> bool:
        """Whether the name follows a noun of attack or capture and "of" ("claims capture of
        Paletwa", "the fall of Avdiivka", "the siege of El Fasher")."""
        forms = token_forms(doc)
        return start > 1 and forms[start - 1][1] == "of" and forms[start - 2][0] in self.incident_of_nouns

    def _label(self, doc: Doc, start: int, end: int) -> bool:
        """A name that begins its line or sentence before a colon: an incident list's or a
        headline's place label ("Marawi: ...", "Birao: armed men loot ..."), or one of the names
        of a head "Nov 13, 2024 - Idlib, Ariha:", "Yemen, Taiz governorate, Mawiyah district:"."""
        line_start = doc[start].is_sent_start or start > 0 and "\n" in doc[start - 1].text_with_ws
        if line_start and end < len(doc) and doc[end].text == ":":
            return True
        return self._in_head(doc, start, end)

    def _in_head(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name is among capitalised names, commas and area words that run to a colon
        and begin after a line's date dash ("14 February - Haiti, Cite Soleil:") or the line."""
        texts, forms = token_texts(doc), token_forms(doc)

        def head_word(k: int) -> bool:
            return texts[k] == "," or texts[k][:1].isupper() or forms[k][1] in self.area_words

        k = end
        while k < min(len(doc), end + 8) and texts[k] != ":" and head_word(k) and "\n" not in texts[k]:
            k += 1
        if k >= len(doc) or texts[k] != ":":
            return False
        k = start - 1
        while k >= max(0, start - 8) and head_word(k) and not doc[k + 1].is_sent_start:
            k -= 1
        if k < 0 or doc[k + 1].is_sent_start or "\n" in doc[k].text_with_ws:
            return True
        return texts[k] in DATELINE_MARKS - {",", "("} and k > 0 and not doc[k].is_sent_start

    @staticmethod
    def _tagged_place(doc: Doc, start: int, end: int) -> bool:
        """Whether the NER tagged the span as a place (GPE, LOC)."""
        return all(t.ent_type_ in PLACE_LABELS for t in doc[start:end])

    def _notable_conflict_town(self, text: str, places: list[Place], min_population: int = ALTERNATE_NAMES_MIN_POPULATION,
                               any_spelling: bool = False) -> list[Place]:
        """A conflict country's town of some size (or with a several-word name) called by a name
        GeoNames gives it ("Azaz" for I'zaz, "Jenin" for Janin), where no bigger place outside the
        conflict countries has that name. Below ``min_population`` (said after a cue), its own
        name only, unless ``any_spelling`` (the NER tagged it a place: "near Lokichogio")."""
        key = normalize(text)
        variant = romanisation_key(key)
        several_words = " " in key
        indexed = set(self.gazetteer.candidates(text))
        towns = [p for p in places if p.country_code in self._conflict and p.feature == "city"
                 and (p.population >= min_population or several_words)
                 and (several_words or p in indexed and (any_spelling or p.population >= ALTERNATE_NAMES_MIN_POPULATION)
                      or romanisation_key(normalize(p.name)) == variant)]
        if not towns:
            return []
        biggest = max(p.population for p in towns)
        others = [p for p in places if p.country_code not in self._conflict and p.population > biggest]
        return [] if others else towns

    def _headline_speaker(self, doc: Doc, start: int, end: int, places: list[Place]) -> bool:
        """A name before a speech verb that cannot speak for a government ("Jackson Says Georgia
        ...", "Saba reports"): a person or an outlet, not a place."""
        if end >= len(doc) or doc[end].lower_ not in self.speech_verbs:
            return False
        # in running text only the subject: "Saba reports", not "the mayor of Bucha said"
        if start not in self._title_case and start > 0 and (doc[start - 1].pos_ == "ADP" or doc[start - 1].is_punct
                                                           and doc[start - 1].text not in (",", ";")):
            return False
        # a headline's "Tigray Says"; in running text a government is its country or capital
        speaking = AREA_FEATURES if start in self._title_case else {"country"}
        return not any(p.capital or p.feature in speaking for p in places)

    def _conflict_variants(self, text: str) -> list[Place]:
        """Places of conflict countries spelt as ``text`` in another romanisation ("Huliaipole")."""
        return [p for p in self.gazetteer.spelling_variants(text) if p.country_code in self._conflict]

    def _named_variants(self, text: str) -> list[Place]:
        """The conflict layer's spellings of ``text`` in a country the article names, which that
        layer has judged; another country's ("Tabayin township, in Sagaing region": not Tabāzīn,
        Iran) leaves the name to the unlisted rules."""
        variants = self._conflict_variants(text)
        if not self._named_conflict:
            return variants
        return [p for p in variants if p.country_code in self._named_conflict]

    def _name_like(self, doc: Doc, start: int, end: int, person_ok: bool = False) -> bool:
        """Whether a capitalised span reads as a name rather than a person, number or common word."""
        ents = {t.ent_type_ for t in doc[start:end]} - {""}
        if ents & NUMERIC_LABELS:
            return False
        if "PERSON" in ents and end - start == 1 and start not in self._title_case and not person_ok:
            return False
        if end - start == 1:
            token = doc[start]
            return (token.pos_ in ("PROPN", "NOUN", "ADJ", "ADV", "X") and not token.is_stop
                    and token.text not in self._person_words)
        return True

    @staticmethod
    def _title_case_tokens(doc: Doc, first: int, last: int) -> set[int]:
        """Tokens of title-case sentences ("Militia Kills 42 People In Jos"), where the small
        model's PERSON and ORG labels say little: every word is capitalised."""
        tokens: set[int] = set()
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return tokens
        texts = token_texts(doc)

        def title_case(start: int, end: int) -> bool:
            words = [word for word in texts[start:end] if len(word) > 3 and word.isalpha()]
            return len(words) >= 3 and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)

        for sent in doc[first:last].sents:  # type: ignore[attr-defined]  # spaCy's span.pyi lacks Span.sents (a property since 3.2)
            if title_case(sent.start, sent.end):
                tokens.update(range(sent.start, sent.end))
        # a headline the parser cut in two ("Bandits Kill 9 | In Plateau Village") is one line
        breaks = [first] + [i for i in range(first, last) if "\n" in texts[i]] + [last]
        for start, end in zip(breaks, breaks[1:]):
            if not tokens.issuperset(range(start, end)) and title_case(start, end):
                tokens.update(range(start, end))
        return tokens

    # --- sources -------------------------------------------------------------------------------

    def _mention(self, doc: Doc, start: int, end: int, source: str, **kwargs) -> Mention:
        span = doc[start:end]
        return Mention(text=span.text, start=span.start_char, end=span.end_char, source=source, **kwargs)

    def _trim(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        # "près de Bambari" tagged whole: a French or Spanish lowercase particle begins no name
        while start < end and (doc[start].lower_ in ("the", "'s") or doc[start].is_punct
                               or doc[start].text in LEADING_PARTICLES and end - start > 1):
            start += 1
        while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct and doc[end - 1].text != "."):
            end -= 1
        return start, end

    def _ner(self, doc: Doc, first: int, last: int) -> list[_Found]:
        found = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or ent.start < first or ent.end > last:
                continue
            if any(i in self._blocked for i in range(ent.start, ent.end)):
                continue
            start, end = self._trim(doc, ent.start, ent.end)
            text = doc[start:end].text
            # "CAR village": the model ran a known name into the lowercase noun after it
            while end - start > 1 and doc[end - 1].is_lower and not self.gazetteer.candidates(text):
                end -= 1
                text = doc[start:end].text
            # "Kill 15 In Tillaberi Region Attack": a title-case headline's words after an area word
            if end - start > 2 and start in self._title_case and not self.gazetteer.candidates(text):
                area = next((k for k in range(start + 1, end - 1) if doc[k].lower_ in self.area_words), None)
                if area is not None:
                    end = area + 1
                    text = doc[start:end].text
            # "Gunmen Kill 12 In Plateau Village": a title-case headline's settlement noun
            if (end - start > 1 and start in self._title_case and doc[end - 1].lower_ in self.settlement_nouns
                    and self.gazetteer.candidates(doc[start:end - 1].text)):
                end -= 1
                text = doc[start:end].text
            # "Southern Philippines", "Indian Kashmir": a compass word or a demonym before a
            # known name; the name alone is the mention (the region and the adjective follow)
            if end - start > 1 and not self.gazetteer.candidates(text):
                lead = doc[start].lower_ in self.directions or self.gazetteer.country_of_demonym(doc[start].text)
                if lead and self.gazetteer.candidates(doc[start + 1:end].text):
                    start += 1
                    text = doc[start:end].text
            # one unknown word ("Petrojet", "Titan") or a people's name ("Angolan") is an NER slip
            # (NER-tagged: a conflict country's town by any of its spellings, "Menaka" for Ménaka)
            candidates = self.gazetteer.candidates(text) or self._conflict_variants(text)
            if self._headline_speaker(doc, start, end, candidates):
                continue
            if end - start == 1 and (not self._detectable(text, candidates)
                                     or self.gazetteer.country_of_demonym(text)):
                continue
            if text.islower() and all(p.feature in ("city", "admin1", "admin2") for p in candidates):
                continue  # "queimaram casas": a lowercase word of another language is no town ("the gulf" is water)
            if start < end:
                found.append(_Found(start, end, self._mention(doc, start, end, "ner"), "ner"))
        return found

    def _gazetteer_names(self, doc: Doc, first: int, last: int, ner: list[_Found], may_start: list[bool]) -> list[_Found]:
        context = self._context_countries(ner)
        # one sense per article: a word used in a full personal name ("Meredith Vieira") is that
        # person's elsewhere in the article too, unless a locative word says otherwise
        # (not "de Titao", a French locative, nor "Benue State", an area, the small model read as names)
        # A word the NER tags a place elsewhere in the article is no person's ("Alexandria
        # Police", read as a person, beside "Alexandria" tagged GPE)
        ents = doc.ents
        self._person_words = {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
                              and ent.start not in self._title_case and ent[0].text[:1].isupper()
                              and ent[-1].lower_ not in self.area_words for t in ent}
        if self._person_words:
            self._person_words -= {ent.text for ent in ents if ent.label_ in PLACE_LABELS and len(ent) == 1}
        found, doubtful = [], []
        blocked = self._blocked
        free = first  # the first token after the last accepted name
        for i in [i for i in range(first, last) if may_start[i] and i not in blocked]:
            if i < free:
                continue
            match = self._longest_name(doc, i, last)
            if match is None:
                continue
            end, places = match
            village = self._village_run(doc, i, end, last)
            if village > end:  # "Let Pan Hla village": the whole name, not the known "Let Pan"
                whole = doc[i:village].text
                mention = self._mention(doc, i, village, "unlisted", unlisted=not self.gazetteer.candidates(whole))
                found.append(_Found(i, village, mention, "gazetteer"))
                free = village
                continue
            if self._plausible(doc, i, end, places, context):
                found.append(_Found(i, end, self._mention(doc, i, end, "gazetteer"), "gazetteer"))
                free = end
            else:
                doubtful.append((i, end, places))
                if end - i > 1 and any(p.country_code in self._conflict for p in places):
                    # a doubtful several-word name lends none of its words to another ("raid
                    # Mocimboa da Praia": not Praia, Cape Verde); the conflict layer decides on it
                    free = end
        self._doubtful = doubtful
        return found + self._listed(doc, ner + found)

    def _village_run(self, doc: Doc, start: int, end: int, last: int) -> int:
        """The end of a longer capitalised name that a known name begins and a lowercase
        settlement noun follows ("Let Pan Hla village" over Let Pan), else ``end``."""
        texts, forms = token_texts(doc), token_forms(doc)
        if end >= last or not texts[end][:1].isupper() or start in self._title_case:
            return end
        run = self._name_run(doc, start, last)
        if run > end and run < last and texts[run].islower() and forms[run][1] in self.settlement_nouns \
                and not any(self.gazetteer.country_of_demonym(texts[k]) for k in range(end, run)):  # "the Cambridge Italian community"
            return run
        return end

    def _listed(self, doc: Doc, accepted: list[_Found]) -> list[_Found]:
        """Doubtful names listed with an accepted place of the same country ("Madison, Oconee
        and Oglethorpe counties", "Fargo-Moorhead", "Vuhledar and Kupiansk and Soledar"),
        repeated for longer lists; they leave ``_doubtful``."""
        accepted, listed = list(accepted), []
        added = True
        while added:
            added = False
            for start, end, places in list(self._doubtful):
                if any(start < item.end and item.start < end for item in accepted):
                    self._doubtful.remove((start, end, places))
                    continue
                if self._listed_with(doc, start, end, places, accepted):
                    item = _Found(start, end, self._mention(doc, start, end, "gazetteer"), "gazetteer")
                    listed.append(item)
                    accepted.append(item)
                    self._doubtful.remove((start, end, places))
                    added = True
        return listed

    def _listed_with(self, doc: Doc, start: int, end: int, places: list[Place], accepted: list[_Found]) -> bool:
        # a list says more than the small model's PRODUCT or ORG ("Vuhledar and Kupiansk")
        if {t.ent_type_ for t in doc[start:end]} & (NUMERIC_LABELS | {"LANGUAGE", "LAW"}):
            return False
        if end - start == 1 and doc[start].text in self._person_words:
            return False
        countries = {p.country_code for p in places}
        for item in accepted:
            if not (1 <= start - item.end <= 2 or 1 <= item.start - end <= 2):
                continue  # a list separator is one or two tokens: no Span for the others
            gap = doc[item.end:start] if item.end <= start else doc[end:item.start]
            if 1 <= len(gap) <= 2 and all(t.text in LIST_SEPARATORS for t in gap):
                neighbours = self.gazetteer.candidates(item.mention.text)
                if item.mention.fixed is not None:
                    neighbours = [item.mention.fixed]
                if countries & {p.country_code for p in neighbours}:
                    return True
        return False

    def _longest_name(self, doc: Doc, start: int, last: int) -> Optional[tuple[int, list[Place]]]:
        # words and offsets from per-Doc arrays: this tries up to MAX_TOKENS ends for every
        # word that may begin a name, and Token objects for each made it the component's hot spot
        texts, forms = token_texts(doc), token_forms(doc)
        # (a capital or a compass word: never punctuation, so no Token needed to check that)
        if not (texts[start][:1].isupper() or forms[start][1] in self.directions):
            return None
        first_word = normalize(texts[start]).split(" ", 1)[0]
        known_first = first_word in self.gazetteer.first_words
        # "Huliaipole" for Hulyaypole: a romanisation no table spells as the article does
        variant_first = transliteration_key(first_word) in self.gazetteer.variant_first_words
        if not (known_first or variant_first):
            return None
        # a compass word alone ("Eastern" of a title-case headline) is no place name, though
        # stripped of "Province" it is one of Eastern Province's names
        lone_direction = forms[start][1] in self.directions
        if lone_direction and start > 0 and texts[start - 1] in "-–":
            return None  # the "east" of "north-east of Ukraine" begins no name
        starts, ends = token_offsets(doc)
        for end in range(min(last, start + MAX_TOKENS), start, -1):
            tail = end - 1
            if not (texts[tail][:1].isupper() or end - start > 1 and (forms[tail][1] in NAME_TAIL_WORDS
                                                                       or texts[tail] == "state"
                                                                       or self._capitalised(texts[tail]))):
                continue
            if any(
                not (self._capitalised(texts[k]) or forms[k][1] in self.name_inner_words or texts[k] in "-–'.")
                for k in range(start + 1, end - 1)
            ):
                continue
            text = doc_text(doc)[starts[start] : ends[tail]]
            if "\n" in text or lone_direction and end - start == 1:
                continue
            if lone_direction and texts[start].islower() and forms[tail][1] in NAME_TAIL_WORDS:
                continue  # "the northern province (of Chernihiv)": a description, not Northern Province
            if any(k in self._blocked for k in range(start, end)):
                continue
            # a romanisation no table has only for a word that begins no known name: trying it
            # after every capitalised word's failed lookups cost more than the rest together
            places = self.gazetteer.candidates(text) if known_first else self._conflict_variants(text)
            if not places and known_first and variant_first and end - start > 1:
                places = self._conflict_variants(text)  # "Tal Rifaat" for Tall Rif'at: "Tal" begins known names
            if places and end - start > 1 and start in self._title_case and forms[tail][1] in self.settlement_nouns:
                continue  # "Gunmen Kill 12 In Plateau Village": the headline's noun, not Plateau Village, US
            if places and end - start > 1 and texts[tail] == "state" and (lone_direction or not any(
                    p.feature in ("admin1", "admin2") and p.country_code in self._conflict for p in places)):
                continue  # "the former Unity state" is South Sudan's; not "a Northern state", nor "Washington state"
            if places:
                return end, places
        return None

    def _plausible(self, doc: Doc, start: int, end: int, places: list[Place], context: set[str]) -> bool:
        span = doc[start:end]
        # another spelling of a town of the article's country, but not for a person's name
        # ("the Mubarak-Gore partnership"); the conflict layer looks at those again
        person = any(t.ent_type_ == "PERSON" for t in span) and start not in self._title_case
        places = self._detectable(span.text, places, frozenset() if person else context)
        if not places or self._headline_speaker(doc, start, end, places) or self._named_person(doc, start, end):
            return False
        cue = start > 0 and doc[start - 1].lower_ in self.locative_cues or self._label(doc, start, end)
        if self._cued_address_area(doc, start, end, places):
            return True  # "en Tierra Caliente, Guerrero": the state, though "Guerrero" is a surname
        if self._sentence_initial_word(doc, start, end) and not cue:
            # "Grenade attack wounds two": a sentence's capitalised first word the NER left
            # alone is a place by a town's own name only, not by another town's exonym (Granada)
            key = normalize(span.text)
            places = [p for p in places if normalize(p.name) == key or p.feature in AREA_FEATURES]
            if not places:
                return False
        if end - start == 1 and start in self._title_case and span[0].lower_ in self.headline_generic_words and not cue:
            return False  # "M23 Rebels Enter City Centre": a headline's capitalised word
        # a name that says what it is ("Henderson County", "Kherson Oblast") is a place name
        typed = (end - start > 1 and doc[end - 1].lower_ in NAME_TAIL_WORDS or self._titled_area(doc, end, places)
                 or self._area_said(doc, end, places))
        strong = typed or any(p.feature in ("country", "admin1", "region", "water") and p.population >= SMALL_TOWN
                              or p.population >= LARGE_TOWN for p in places)
        ents = {t.ent_type_ for t in span} - {""}
        if start in self._title_case:
            ents -= {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}  # "Darfur Kills 40": a headline's capitals
        # "Sumy Oblast" tagged PERSON, "the Kursk region" PRODUCT: the tail word settles it
        if ents & NOT_PLACE_LABELS - {"PERSON"} and not (cue or typed and not ents & NUMERIC_LABELS):
            return False
        if end - start == 1 and span.text in self._person_words and not cue:
            return False
        country = any(p.feature == "country" for p in places)  # "Sri Lanka" is never a person
        # "Khan Younis", "Chasiv Yar": a known town's several-word name tagged PERSON
        known_town = end - start > 1 and any(p.population >= LARGE_TOWN or p.country_code in context for p in places)
        if "PERSON" in ents and not (cue or country or typed or known_town
                                     or self._place_like_person(doc, start, end, places)):
            return False
        after = doc[end] if end < len(doc) else None
        if dateline_town(doc_text(doc), span.start_char, span.end_char):
            return True  # where the report was filed, however small: "HARTFORD, Conn. (AP) —", "Bangui (AFP) -"
        if span.text.isupper() and span[0].is_sent_start and after is not None and after.text in DATELINE_MARKS:
            # a bare upper-case word before a dash is a town only if a known one ("TORRINGTON —", not "UPDATE —")
            return max(p.population for p in places) >= SMALL_TOWN
        entity = entity_at(doc, start)
        if entity is not None and (entity.start < start or entity.end > end):
            # part of a longer organisation or facility name: a known town leading it counts
            # ("Alexandria Police Department"), a word inside it does not ("Superior Court")
            leads = entity.start == start or doc[entity.start].lower_ == "the" and entity.start + 1 == start
            return strong or leads and any(p.country_code in context and p.population >= SMALL_TOWN for p in places)
        # "in Culiacan bar attack" tagged ADJ: a big town after a cue is a name whatever its tag
        big_cued = cue and any(p.population >= LARGE_TOWN for p in places) and not self.gazetteer.country_of_demonym(span.text)
        if end - start == 1 and (doc[start].pos_ != "PROPN" and not big_cued and not typed or doc[start].is_stop):
            return False
        if strong:
            return True
        in_context = any(p.country_code in context for p in places)
        biggest = max(p.population for p in places)
        attributive = after is not None and after.pos_ == "NOUN" and after.is_lower  # "Roselle police"
        return bool(in_context and (cue or biggest >= SMALL_TOWN and (bool(ents) or attributive))
                    or cue and biggest >= 5 * SMALL_TOWN)

    def _sentence_initial_word(self, doc: Doc, start: int, end: int) -> bool:
        """A lone word capitalised only as its sentence's first, untagged by the NER, outside
        title case."""
        return bool(end - start == 1 and doc[start].is_sent_start and not doc[start].ent_type_
                    and start not in self._title_case)

    def _titled_area(self, doc: Doc, end: int, places: list[Place]) -> bool:
        """"Benue State", "Unity State": an area's name before its capitalised kind word that
        ends the name (not "Kaduna State Police")."""
        if end >= len(doc) or doc[end].lower_ not in self.area_words or not doc[end].text[:1].isupper():
            return False
        if end + 1 < len(doc) and doc[end + 1].text[:1].isupper():
            return False
        return any(p.feature in ("admin1", "admin2") for p in places)

    def _area_said(self, doc: Doc, end: int, places: list[Place]) -> bool:
        """"near Kani, Sagaing region", "Sennar state": a name before a lowercase area word is
        an area's name (or the town the area is named after), whatever its part-of-speech tag."""
        return (end < len(doc) and doc[end].text in self.area_words
                and any(p.feature in ("admin1", "admin2", "city") and p.country_code in self._conflict for p in places))

    @staticmethod
    def _whole_entity(span: Span) -> bool:
        first, last = span[0], span[-1]
        return first.ent_iob_ == "B" and (last.i + 1 >= len(span.doc) or span.doc[last.i + 1].ent_iob_ != "I")

    def _detectable(self, text: str, places: list[Place], context: set[str] | frozenset[str] = frozenset()) -> list[Place]:
        """The candidates that make a capitalised word look like a place name. Left out: an
        alternate spelling of a small town ("Ismaili"), a county's name without "County"
        ("Jones", "Ford"), and a small town's accented one-word name matched without its accents
        ("God" / Göd; but "Rafah" / Rafaḩ, "Khan Yunis" / Khān Yūnis). Kept whatever the
        population: a town's own name in another romanisation ("Izium" / Izyum), and in a conflict
        country any spelling of a town of a country the article names."""
        key = normalize(text)
        variant = romanisation_key(key)
        several_words = " " in key  # "Beit Lahia" for Bayt Lāhyā: a spelling, not a stray word
        kept = []
        for p in places:
            own = p.feature == "city" and (normalize(p.name) == key or romanisation_key(normalize(p.name)) == variant)
            conflict = p.country_code in self._conflict
            if p.feature == "city" and not (own or conflict and p.country_code in context
                                            or p.population >= LARGE_TOWN or several_words):
                continue
            if p.feature == "admin2" and key not in self._own_area_keys(p.name):
                continue
            # "Menaka" for Ménaka: a conflict country's town by its own name less the accents
            if not (p.name.isascii() or not text.isascii() or several_words
                    or conflict and p.population >= SMALL_TOWN and (own or p.country_code in context)
                    or p.population >= LARGE_TOWN):
                continue
            kept.append(p)
        return kept

    def _cued_address_area(self, doc: Doc, start: int, end: int, places: list[Place]) -> bool:
        """Whether the span is a conflict country's first-level area after a comma and a cued
        name ("in Tierra Caliente, Guerrero", "en Yecapixtla, Morelos"), called so by no other
        first-level area anywhere, and no list goes on after it ("Lopez, Guerrero and ...")."""
        texts, forms = token_texts(doc), token_forms(doc)
        if start < 3 or texts[start - 1] != "," or not texts[start - 2][:1].isupper():
            return False
        if end < len(doc) and forms[end][1] in ("and", "y", "et", "&"):
            return False
        key = normalize(doc[start:end].text)
        areas = [p for p in places if p.feature == "admin1" and key in self._own_area_keys(p.name)]
        if len(areas) != 1 or areas[0].country_code not in self.conflict_countries | self.named_conflict_countries:
            return False
        begin = self._name_run(doc, start - 2, start - 1, step=-1)
        return begin > 0 and forms[begin - 1][1] in self.town_cues

    def _before_address_area(self, doc: Doc, end: int, last: int) -> bool:
        """Whether a comma and a conflict country's first-level area follow ``end`` (", Guerrero"),
        or a comma, "in" and such an area called so ("Bula Burte, in Hiiraan region")."""
        if end + 1 >= last or doc[end].text != ",":
            return False
        if doc[end + 1].lower_ == "in" and end + 2 < last:
            match = self._longest_name(doc, end + 2, last)
            if match is None or not {doc[match[0] - 1].lower_, doc[min(match[0], last - 1)].lower_} & self.area_words:
                return False
            areas = {(p.country_code, p.name) for p in match[1] if p.feature == "admin1"}
            return len(areas) == 1 and next(iter(areas))[0] in self.conflict_countries | self.named_conflict_countries
        match = self._longest_name(doc, end + 1, last)
        return match is not None and self._cued_address_area(doc, end + 1, match[0], match[1])

    def _own_area_keys(self, name: str) -> set[str]:
        """An area's name as said in full: its own, less an admin prefix ("Province of Northern
        Samar"), and with a short compass word ("North Samar"); not less its kind word ("Jones"
        for Jones County)."""
        keys = {normalize(name)}
        keys |= {key[len(prefix):] for key in list(keys) for prefix in self._admin_prefixes if key.startswith(prefix)}
        return keys | {self._compass_forms[word] + " " + rest for key in keys
                       for word, _, rest in [key.partition(" ")] if word in self._compass_forms and rest}

    def _place_like_person(self, doc: Doc, start: int, end: int, places: list[Place]) -> bool:
        """A one-word PERSON the small model gave a town: "Alexandria woman", "the Alexandria area",
        "Orchard St., Alexandria, was", or a capital or country speaking for its government
        ("Kyiv said"); but not "Jackson said" or "Sen. Jackson"."""
        if end - start != 1 or not self._whole_entity(doc[start:end]):
            return False
        if any(p.capital or p.feature in ("country", "admin1", "region") for p in places):
            return True
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        attributive = after is not None and after.pos_ in ("NOUN", "ADJ") and after.is_lower
        determiner = before is not None and before.lower_ in ("the", "an", "a")
        address = before is not None and after is not None and before.text == "," and after.text in ",."
        return attributive or determiner or address

    def _context_countries(self, found: list[_Found]) -> set[str]:
        countries: set[str] = set()
        for item in found:
            places = self.gazetteer.candidates(item.mention.text)
            if places:
                code = max(places, key=prior_score).country_code
                if code is not None:
                    countries.add(code)
        return countries

    def _demonym_country(self, doc: Doc, i: int) -> tuple[Optional[Place], int]:
        """The country a demonym starting at token i denotes, and where the demonym ends."""
        texts = token_texts(doc)
        if not texts[i][:1].isupper() or normalize(texts[i]).split(" ", 1)[0] not in self._demonym_first_words():
            return None, i  # most capitalised words begin no demonym: no Span built for them
        starts, ends = token_offsets(doc)
        text = doc_text(doc)
        for width in (3, 2, 1):
            if i + width <= len(doc):
                words = text[starts[i] : ends[i + width - 1]]
                if words[-1:].isalpha():
                    country = self.gazetteer.country_of_demonym(words)
                    if country is not None:
                        return country, i + width
        return None, i

    def _demonym_first_words(self) -> frozenset[str]:
        if self._demonym_firsts is None:
            self._demonym_firsts = frozenset(word.split(" ", 1)[0] for word in self.gazetteer.demonyms)
        return self._demonym_firsts

    def _country_at(self, doc: Doc, i: int, found: list[_Found]) -> tuple[Optional[Place], int]:
        """A country named or adjectivised at token i, and the token after it."""
        for item in found:
            if item.start == i:
                country = self.gazetteer.country_named(item.mention.text)
                if country is not None:
                    return country, item.end
        return self._demonym_country(doc, i)

    def _country_ending_at(self, doc: Doc, end: int, first: int, found: list[_Found]) -> tuple[int, Optional[Place]]:
        for begin in range(end - 1, max(first, end - 3) - 1, -1):
            country, after = self._country_at(doc, begin, found)
            if country is not None and after == end:
                return begin, country
        return end, None

    def _borders(self, doc: Doc, first: int, last: int, found: list[_Found]) -> list[_Found]:
        borders = []
        forms = token_forms(doc)
        for token in [doc[i] for i in range(first, last) if forms[i][1] in self.border_nouns]:
            countries: list[tuple[int, Place]] = []
            start = token.i
            # left: "Russia-Ukraine border", "Ukraine's border", "the Ukrainian border"
            j = token.i - 1
            while j >= first and token.i - j <= 6:
                if doc[j].text in ("-", "–", "—", "'s", "’s", "and", "/"):
                    j -= 1
                    continue
                begin, country = self._country_ending_at(doc, j + 1, first, found)
                if country is None:
                    break
                countries.insert(0, (begin, country))
                start = begin
                j = begin - 1
            end = token.i + 1
            # right: "border with Russia", "border between Russia and Ukraine"
            if end < last and doc[end].lower_ in ("with", "between"):
                k = end + 1
                while k < last:
                    if doc[k].lower_ in ("and", "the", ","):
                        k += 1
                        continue
                    country, after = self._country_at(doc, k, found)
                    if country is None:
                        break
                    countries.append((k, country))
                    end = k = after
            if not countries:
                continue
            names = list(dict.fromkeys(country.name for _, country in countries))
            only = countries[0][1] if len(names) == 1 else None
            place = Place(name="–".join(names) + " border" if len(names) > 1 else f"{names[0]} border",
                          feature="border", country_code=only.country_code if only else None, lat=None, lon=None)
            borders.append(_Found(start, end, self._mention(doc, start, end, "border", feature="border", fixed=place), "border"))
        return borders

    def _demonym_places(self, doc: Doc, first: int, last: int, found: list[_Found], may_start: list[bool]) -> list[_Found]:
        places = []
        taken = {i for item in found for i in range(item.start, item.end)} | self._blocked
        i = first
        while i < last:
            if i in taken or not may_start[i]:
                i += 1
                continue
            country, after = self._demonym_country(doc, i)
            if country is None:
                country, after = self._people_plural(doc, i)
            if country is None or self._inside_name(doc, i, after, last):
                i += 1
                continue
            if after >= last:
                if self.adjectival and self._adjectival(doc, i, after):
                    places.append(self._adjectival_found(doc, i, after, country))
                break
            noun = doc[after]
            # "the southern Lebanese town of Aitaroun": the town after "of" is the place, found
            # or not (``_unlisted`` takes it), never the demonym's country
            followed_by_name = (after + 2 < last and doc[after + 1].lower_ == "of"
                                and (doc[after + 2].text[:1].isupper()
                                     or any(item.start == after + 2 for item in found)))
            if noun.lower_ in self.place_nouns and not followed_by_name and noun.pos_ == "NOUN":
                # "the Ukrainian capital" is Kyiv; "Russian soil" is Russia
                place = country
                if noun.lower_ == "capital" and country.country_code is not None:
                    place = self.gazetteer.capitals.get(country.country_code, country)
                places.append(_Found(i, after + 1, self._mention(doc, i, after + 1, "demonym", fixed=place), "demonym"))
                i = after + 1
            else:
                # "Ukrainian forces", "the Sudanese": the adjective stands for its country
                if self.adjectival and self._adjectival(doc, i, after):
                    places.append(self._adjectival_found(doc, i, after, country))
                i = after
        return places

    def _people_plural(self, doc: Doc, i: int) -> tuple[Optional[Place], int]:
        """"Palestinians", "Ukrainians": a people's plural noun, and the token after it."""
        token = doc[i]
        if token.tag_ not in ("NNPS", "NNS") or not token.text.endswith("s") or not token.text[:1].isupper():
            return None, i
        country = self.gazetteer.country_of_demonym(token.text[:-1])
        return (country, i + 1) if country is not None else (None, i)

    @staticmethod
    def _inside_name(doc: Doc, start: int, end: int, last: int) -> bool:
        """Whether a demonym is a word inside a longer name the NER took whole, capitalised on
        both sides ("near Datu Saudi Ampatuan", a Philippine town; not "Saudi Arabia")."""
        return (doc[start].ent_iob_ == "I" and end < last and doc[end].ent_iob_ == "I"
                and doc[start].ent_type_ != "NORP" and doc[start - 1].text[:1].isupper() and doc[end].text[:1].isupper())

    @staticmethod
    def _adjectival(doc: Doc, start: int, end: int) -> bool:
        """Whether a demonym is used of the people or things of a country, not as a language
        ("speaks Russian") or inside a work's title."""
        labels = {t.ent_type_ for t in doc[start:end]}
        return not labels & {"LANGUAGE", "WORK_OF_ART", "LAW"}

    def _adjectival_found(self, doc: Doc, start: int, end: int, country: Place) -> _Found:
        # "Russian forces", "Israeli jets": the actor, which says nothing of where the other
        # places are ("Russian Forces Claim Village Near Pokrovsk" is Ukraine's Pokrovsk)
        lemma, lower = token_forms(doc)[end] if end < len(doc) else ("", "")
        actor = lemma in self.force_nouns or lower.removesuffix("s") in self.force_nouns  # title case: "Forces"
        mention = self._mention(doc, start, end, "demonym", fixed=country, adjectival=True, actor=actor)
        return _Found(start, end, mention, "adjectival")

    # --- merging and context -------------------------------------------------------------------

    @staticmethod
    def _overlaps(a: _Found, b: _Found) -> bool:
        return a.start < b.end and b.start < a.end

    def _merge(self, ner: list[_Found], gazetteer: list[_Found]) -> list[_Found]:
        """NER spans, replaced by a gazetteer name that strictly contains one, plus new names."""
        result = list(ner)
        for item in gazetteer:
            clashes = [other for other in result if self._overlaps(item, other)]
            if not clashes:
                result.append(item)
            elif all(item.start <= c.start and c.end <= item.end for c in clashes) and any(
                    (c.start, c.end) != (item.start, item.end) for c in clashes):
                result = [other for other in result if other not in clashes] + [item]
        return result

    def _merge_over(self, found: list[_Found], new: list[_Found]) -> list[_Found]:
        """Add spans that win over whatever they overlap (borders, demonym places)."""
        for item in new:
            if any(self._overlaps(item, other) and other.kind in ("border", "demonym") for other in found):
                continue
            found = [other for other in found if not self._overlaps(item, other)] + [item]
        return found

    def _directions(self, doc: Doc, first: int, found: list[_Found]) -> None:
        """"eastern Ukraine": a compass word before a country or admin area makes a region."""
        for item in found:
            before = item.start - 1
            if before < first or doc[before].lower_ not in self.directions or item.mention.fixed is not None:
                continue
            if any(other.start <= before < other.end for other in found if other is not item):
                continue  # "Kolofata, Far North Cameroon": the compass word ends a name ("Far North")
            # "central Gaza": the strip, not Mozambique's Gaza province; an area of the name's most
            # prominent reading, in a country the article names where there is one
            every = self.gazetteer.candidates(item.mention.text)
            places = [p for p in every if p.feature in AREA_FEATURES]
            if not places:
                continue
            context = {p.country_code for other in found if other is not item and other.mention.fixed is not None
                       for p in [other.mention.fixed]}
            base = max(places, key=lambda p: (p.country_code in context, prior_score(p)))
            if every and max(every, key=prior_score).country_code != base.country_code and base.country_code not in context:
                continue  # the name's main reading is a town elsewhere: no region of a namesake
            direction = doc[before].lower_
            place = Place(f"{direction} {base.name}", "region", base.country_code, base.lat, base.lon,
                          base.population, None, base.admin1_code, base.admin1 if base.feature == "admin1" else None)
            item.start = before
            item.mention = self._mention(doc, before, item.end, "region", fixed=place)
            item.kind = "region"

    def _qualify(self, doc: Doc, found: list[_Found]) -> None:
        """Admin context in the text: "Alexandria, Louisiana", "Russia's Belgorod region",
        "the Georgian city of Batumi"."""
        by_start = {item.start: item for item in found}
        for item in found:
            # "the Dnipropetrovsk regional administration", "Kaduna state", "Sagaing region"
            if item.end < len(doc) and (doc[item.end].lower_ in self.area_adjectives
                                        or doc[item.end].text in self.area_words):
                item.mention.areas_only = True
            # "Alexandria, La." / "Paris, Texas": the container follows a comma
            # (after a headline's settlement noun too: "Sabon Gida Village, Katsina State")
            comma = item.end + (item.end < len(doc) - 1 and doc[item.end].lower_ in self.settlement_nouns)
            nxt = by_start.get(comma + 1)
            if nxt is not None and doc[comma].text == "," and nxt.mention.fixed is None and not _opens_clause(doc, nxt):
                self._pair(item, nxt, doc)
            elif nxt is not None and doc[comma].lower_ == "in" and nxt.mention.fixed is None and not item.mention.qualifiers:
                # "Village Of Novoselivka In Donetsk Region": narrows only ("Moscow in Ukraine" is Moscow)
                self._pair(item, nxt)
            # "Russia's Belgorod region"
            owner = next((o for o in found if o.end == item.start - 1 and doc[o.end].lower_ in ("'s", "’s")), None)
            if owner is not None:
                self._pair(item, owner, doc)
                self._part_of_town(item, owner)
            # "the Georgian city of Batumi": demonym, place noun, "of", name
            if item.start >= 3 and doc[item.start - 1].lower_ == "of" and doc[item.start - 2].lower_ in self.place_nouns:
                country, after = self._demonym_country(doc, item.start - 3)
                if country is None and item.start >= 4:
                    country, after = self._demonym_country(doc, item.start - 4)
                if country is not None and after == item.start - 2:
                    item.mention.qualifiers = [country]

    def _part_of_town(self, inner: _Found, town: _Found) -> None:
        """"Mogadishu's Lido Beach": a name after a town's possessive with no reading in the
        town's country is a part of the town, at the town's point (not Lido Beach, New York)."""
        if inner.mention.fixed is not None or inner.mention.qualifiers or town.mention.fixed is not None:
            return
        towns = [p for p in self.gazetteer.candidates(town.mention.text) if p.feature == "city"]
        if not towns:
            return
        owner = max(towns, key=prior_score)
        if any(p.country_code == owner.country_code for p in self.gazetteer.candidates(inner.mention.text)):
            return
        inner.mention.fixed = Place(inner.mention.text, "other", owner.country_code, owner.lat, owner.lon,
                                    admin1=owner.admin1)

    def _inside_unlisted(self, doc: Doc, inner: _Found, outer: _Found, containers: list[Place]) -> None:
        """"near Kani, Sagaing region", "Sabon Gida Village, Katsina State": a name none of whose
        readings lies in the conflict country's area or country named after it is a village
        there the gazetteer lacks (not Kani, Japan, nor Sabongida-Ora in Edo), at the area's point."""
        if inner.mention.unlisted or inner.mention.feature is not None:
            return
        name, _, kind = outer.mention.text.rpartition(" ")
        if not containers and name and kind.lower() in self.area_words:  # "Katsina State"
            containers = [p for p in self.gazetteer.candidates(name) if p.feature in CONTAINER_FEATURES]
        if not containers and outer.end < len(doc) and doc[outer.end].text in self.area_words:
            # "Sagaing region": the area around the town it is named after
            containers = [p for p in self.gazetteer.candidates(outer.mention.text) if p.feature == "city"]
        if len({(c.country_code, c.admin1) for c in containers}) != 1 or containers[0].country_code not in self._conflict:
            return
        area = max(containers, key=prior_score)
        inner_places = self.gazetteer.candidates(inner.mention.text)
        if any(p.feature in AREA_FEATURES for p in inner_places):
            return  # "29 Jan - Yemen, Taiz governorate, ...:": a country or area leads a head, it is no village
        if any(p.country_code == area.country_code and (area.feature == "country" or p.admin1 in (area.admin1, area.name))
               for p in inner_places):
            return
        inner.mention.fixed = Place(inner.mention.text, "city", area.country_code, area.lat, area.lon,
                                    admin1=area.admin1 if area.feature != "country" else None)

    def _pair(self, inner: _Found, outer: _Found, doc: Optional[Doc] = None) -> None:
        """If the inner name has candidates inside one of the outer name's containers, say so."""
        if inner.mention.fixed is not None:
            return
        inner_places = self.gazetteer.candidates(inner.mention.text)
        containers = []
        if outer.mention.fixed is not None:
            containers = [outer.mention.fixed] if outer.mention.fixed.feature in CONTAINER_FEATURES else []
        else:
            containers = [p for p in self.gazetteer.candidates(outer.mention.text) if p.feature in CONTAINER_FEATURES]
        fitting = [c for c in containers if any(is_within(p, c) for p in inner_places)]
        if not fitting:
            if doc is not None:
                self._inside_unlisted(doc, inner, outer, containers)
            return
        container = max(fitting, key=prior_score)
        inner.mention.qualifiers = [container]
        if outer.mention.fixed is None and outer.kind in ("ner", "gazetteer", "gold"):
            outer.mention.fixed = container


def _opens_clause(doc: Doc, found: _Found) -> bool:
    """A name after a comma that is the subject of a verb after it starts a clause of its own
    ("... near Kupiansk, Moscow denies"; "Shelling hits Kherson, Kyiv says"): it is no container."""
    last = doc[found.end - 1]
    return last.dep_ in ("nsubj", "nsubjpass") and last.head.i >= found.end and last.head.pos_ in ("VERB", "AUX")
