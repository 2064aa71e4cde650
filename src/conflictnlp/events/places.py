"""The event's place: the sentence's locations, the filters that drop or keep them (``PLACE_FILTERS``), the most precise one left."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..extensions import doc_text, sentence_bounds
from ..model import Article, Location
from .candidate import Candidate, Mention, _token_char_bounds
from .clauses import clause_head
from .context import after_word, dateline_end, inside, label_head_start, list_label
from .dates import EventDates
from .lexicon import EventLexicon

FEATURE_RANK = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "region": 3, "border": 3, "country": 4, "water": 3}


@dataclass
class PlaceQuery:
    """What the place filters read: the event's sentence and the article around it."""

    doc: Doc
    article: Article
    candidate: Candidate
    sent: Span
    text: str
    extractor: EventPlaces
    regions: set[str] = field(default_factory=set)  # ids of places named as regions ("Zamfara and Sokoto states")


def _drop_actor_places(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place that names an actor is no place ("accused Kyiv of ...")."""
    return [loc for loc in places if loc.id not in query.extractor._actor_places]


def _drop_speakers(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A place that speaks is no place ("Moscow says it struck ..."), except that who announces
    a development does it at home ("Myanmar junta announces truce")."""
    trigger = query.doc[query.candidate.trigger_span[0]].idx
    kept = query.extractor._not_speakers(query.article, places, query.text, trigger)
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


_TERRITORY_SUB_TYPES = frozenset({"non_violent_transfer_of_territory", "government_regains_territory",
                                  "non_state_actor_overtakes_territory"})


def _drop_origins(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """Where a strike came from is not where it fell ("a rocket fired from Lebanon hit ... Majdal Shams");
    but the place a side withdraws from or is driven from is where territory changes hands
    ("withdrew from Malam Fatori", "Ukraine withdraws from Avdiivka", "drove the rebels from Bunagana")."""
    lexicon = query.extractor.lexicon
    if query.candidate.sub_type in _TERRITORY_SUB_TYPES:
        return places
    return [loc for loc in places if not after_word(query.text, loc.span[0], lexicon.origin_words, query.sent.start_char)]


def _drop_dateline(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A wire dateline says where the report was filed: its town places the event only when the
    sentence names no other place ("GOMA, Congo (Reuters) - ... a camp west of Sake")."""
    lexicon = query.extractor.lexicon
    kept = [loc for loc in places if not loc.span[1] <= dateline_end(query.text, loc.span[0], lexicon)]
    return kept or _dateline_country(query, places) or places


def _dateline_country(query: PlaceQuery, datelines: list[Location]) -> list[Location]:
    """Where the dateline is all the sentence places and its text names the dateline's country
    itself ("NAIROBI (Reuters) - Kenyan security forces abducted ...", "YANGON, Myanmar (AP) -
    Myanmar's military government said ..."), the event is the country's, not the filing town's."""
    codes = {loc.country_code for loc in datelines if loc.feature in ("city", "other") and loc.country_code}
    if len(codes) != 1:
        return []
    end = max(dateline_end(query.text, loc.span[0], query.extractor.lexicon) for loc in datelines)
    named = [loc for loc in query.article.locations if loc.feature == "country" and loc.country_code in codes
             and end <= loc.span[0] < query.sent.end_char]
    if not named:
        return []
    country = next((loc for loc in datelines if loc.feature == "country" and loc.country_code in codes), None)
    if country is None:
        country = next((loc for loc in named if not loc.adjectival), None)
    return [country] if country is not None else [named[0]]


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
    """A place that labels the report says which country the others lie in ("Mali: Jihadists kill
    12 soldiers near Boni": Boni in Mali; "Mogadishu: a car bomb ... near Lido beach": not Lido
    Beach, New York); a country named in the text ("U.S. warplanes struck ... Hodeidah") does not."""
    countries = {loc.country_code for loc in places if loc.country_code and list_label(query.text, loc.span)}
    if not countries:
        return places
    return [loc for loc in places if loc.country_code in countries or loc.feature == "water"] or places


def _label_gives_way(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """The label of a list item gives way where its text names as fine a place ("- Mopti: an
    IED hit a minibus near Bandiagara"; but "- Afgooye: mortar rounds ..." in a Somalia list)."""
    labels = [loc for loc in places if list_label(query.text, loc.span)]
    others = [loc for loc in places if loc not in labels]
    if not (labels and others):
        return places
    towns = [label for label in labels if label.feature == "city"]
    if towns:  # "Kherson: ... in the Korabelnyi district", "Mogadishu: ... near Lido beach" (at its point): the town's
        points = {(town.lat, town.lon) for town in towns}
        others = [loc for loc in others if not _CITY_PART_AFTER.match(query.text, loc.span[1])
                  and not _CITY_PART_AFTER.match(" " + loc.text.split()[-1]) and (loc.lat, loc.lon) not in points]
        if not others:
            return labels
    finest = min(FEATURE_RANK.get(loc.feature or "other", 0) for loc in others)
    return others + [loc for loc in labels if FEATURE_RANK.get(loc.feature or "other", 0) < finest]


def _drop_broader_labels(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A label that names a chain of places, the broadest first ("Haiti, Cite Soleil:", "Yemen,
    Taiz governorate, Mawiyah district:"), is placed at its last, most specific link."""
    text = query.text
    labels = [loc for loc in places if list_label(text, loc.span)]
    broader = [loc for loc in places if loc not in labels and any(_LABEL_LINK.match(text[loc.span[1] : label.span[0]]) for label in labels)]
    broader += [loc for loc in labels if any(_LABEL_LINK.match(text[loc.span[1] : label.span[0]]) for label in labels)]
    return [loc for loc in places if loc not in broader] or places


_LABEL_LINK = re.compile(r"^[^,:.\n]{0,25},(?:[^,:.\n]{0,30},)?\s*$")  # ", " or " governorate, Taiz governorate, "


_PAIR_GAP = re.compile(r"^\s+(?:and|&)\s+$")


def _drop_second_of_pair(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """Of places named together ("arrested 39 people in Kano and Abuja"), the first is the event's."""
    return [loc for loc in places if not any(other.span[1] <= loc.span[0] and other.feature == loc.feature
                                             and _PAIR_GAP.match(query.text[other.span[1] : loc.span[0]])
                                             for other in places)]


_REFERENCE_BEFORE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _drop_reference_points(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A town named as a reference point ("north of Goma ... near Kibumba", "the Bani Matar district
    west of Sanaa") is not the place where the sentence names another; it stays where it only
    locates a place the gazetteer has no point for ("a camp in Bulengo, west of Goma")."""
    text = query.text
    references = [loc for loc in places if _REFERENCE_BEFORE.search(text[max(0, loc.span[0] - 30) : loc.span[0]])]
    others = [loc for loc in places if loc not in references]
    if not references or not others:
        return places
    kept = [loc for loc in references if all(other.lat is None for other in others)
            and any(0 <= loc.span[0] - other.span[1] <= 20 and not text[other.span[1] : loc.span[0]].strip(" ,").split()[:-2]
                    for other in others)]
    return others + kept


_CITY_PART_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb)\b", re.IGNORECASE)


def _drop_city_parts(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A part of a city named with its city ("Kherson's Dniprovskyi district") is placed at the city."""
    cities = [loc for loc in places if loc.feature in ("city", "other")]
    return [loc for loc in places if not any(city is not loc and city.span[1] <= loc.span[0] and _POSSESSIVE_GAP.match(query.text[city.span[1] : loc.span[0]])
                                             and (_CITY_PART_AFTER.match(query.text, loc.span[1]) or _CITY_PART_AFTER.match(" " + loc.text.split()[-1]))
                                             for city in cities)]


def _drop_parts_in_towns(query: PlaceQuery, places: list[Location]) -> list[Location]:
    """A name the map has no point of its own for, said to lie in a town ("near Lido beach in
    Mogadishu": placed at Mogadishu's point), is a part of that town: the event is the town's."""
    towns = [loc for loc in places if loc.feature == "city" and loc.lat is not None
             and not _AREA_AFTER.match(query.text, loc.span[1])]  # "Fataki, in Djugu territory": an area
    return [loc for loc in places if not any(
        town is not loc and (town.lat, town.lon) == (loc.lat, loc.lon) and _IN_GAP.match(query.text[loc.span[1] : town.span[0]])
        for town in towns)]


_AREA_AFTER = re.compile(r"\s+(?:territory|region|state|province|district|county|governorate|oblast|department|municipality)\b",
                         re.IGNORECASE)
_IN_GAP = re.compile(r"^,?\s+in\s+(?:the\s+(?:town|city)\s+of\s+)?$")
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
    _drop_reference_points,
    _keep_region_pair,
    _drop_second_of_pair,
    _drop_city_parts,
    _drop_parts_in_towns,
    _drop_qualifiers,
    _keep_trigger_clause,
    _keep_label_country,
    _drop_broader_labels,
    _label_gives_way,
)


def _misresolved_out(text: str, places: list[Location]) -> list[Location]:
    """Leaves out a place read in another country than the place that holds it ("near Lido
    beach in Mogadishu": not Lido Beach, New York): "X in Y", "X, Y" and "X parish in Y" name X
    inside Y."""
    kept = []
    for loc in places:
        holder = next((other for other in places if other is not loc and 0 <= other.span[0] - loc.span[1] <= 25
                       and _HELD_GAP.match(text[loc.span[1] : other.span[0]])), None)
        if holder is None or not loc.country_code or not holder.country_code or holder.country_code == loc.country_code:
            kept.append(loc)
    return kept or places


_HELD_GAP = re.compile(r"^(?:\s*,|(?:\s+[a-z]+){0,2}\s+in)\s*$")  # "X, Y", "X in Y", "St. Joseph parish in Kafanchan"


def _in_trigger_clause(doc: Doc, trigger_start: int, places: list[Location]) -> list[Location]:
    """The places named in the trigger's clause ("As troops held positions near Kupiansk,
    Russian forces fired missiles at Kharkiv": Kharkiv)."""
    starts, _ = _token_char_bounds(doc)
    clause = clause_head(doc[trigger_start])
    return [loc for loc in places if clause_head(doc[max(0, bisect_right(starts, loc.span[0]) - 1)]) == clause]


def _line_places(query: PlaceQuery, first: int) -> list[Location]:
    """Where the event's sentence names no place, the places of the rest of its line (a
    paragraph, a list item): the sentences before it ("Armed men arrived in Kukawa on Sunday.
    They opened fire ..."), else the fragment the parser split off a headline ("Gunmen Kill 9 |
    In Attack On Bokkos Community")."""
    text, sent = query.text, query.sent
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", sent.end_char)
    end = len(text) if end < 0 else end
    before = [loc for loc in query.article.locations if start <= loc.span[0] < first and not loc.adjectival]
    if before or text[sent.start_char : sent.end_char].rstrip()[-1:] in _SENTENCE_ENDS:
        return before
    return [loc for loc in query.article.locations if sent.end_char <= loc.span[0] < end and not loc.adjectival]


_SENTENCE_ENDS = ".!?\"'”’"


# a place after one of these in a head that no verb of saying cues is where, not who ("Fresh
# fighting in Delmas: residents report heavy gunfire ...")
_LOCATIVES = frozenset({"in", "near", "at", "outside", "around"})


def _said_cue(cue: str, lexicon: EventLexicon) -> bool:
    """Whether a quote's cue is a verb of saying ("said", "told", "according to")."""
    return any(word in lexicon.say_verbs or word == "according" or word.rstrip("s") in lexicon.say_verbs for word in cue.lower().split())


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


def _modifies(doc: Doc, loc: Location, token_i: int) -> bool:
    """Whether a place's name is a modifier of the token ("US" in "US airstrike")."""
    starts, _ = _token_char_bounds(doc)
    last = doc[bisect_right(starts, loc.span[1] - 1) - 1]
    if last.dep_ not in ("compound", "nmod", "amod"):
        return False
    token = doc[token_i]
    # "US drone strike": the country and the trigger's first word both modify the strike noun
    return last.head.i == token_i or (token.dep_ == "compound" and last.head.i == token.head.i > token_i)


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


class EventPlaces(EventDates):
    """Decides each candidate's place."""

    def _place(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        """The event's place: the sentence's non-adjectival locations, narrowed by the filters of
        ``PLACE_FILTERS`` in their order, then the most specific one nearest the trigger."""
        query = PlaceQuery(doc, article, candidate, sent, doc_text(doc), self)
        first = label_head_start(query.text, sent.start_char)
        places = self._filtered(query, [loc for loc in article.locations if first <= loc.span[0] < sent.end_char and not loc.adjectival])
        if places:
            self._set_place(query, places)
            return
        places = self._filtered(query, _line_places(query, first))
        if places:  # kept aside, so that the sentence still folds into the event it tells more of
            self._set_place(query, places, near=min(loc.span[0] for loc in places))  # the first named
            candidate.line_place = (candidate.location, candidate.where_prec)  # type: ignore[assignment]
            candidate.location = candidate.where_prec = None

    @staticmethod
    def _placed_by_line(events: list[Candidate]) -> list[Candidate]:
        """Each folded event that no sentence of its own places, at the place its line names."""
        for event in events:
            if event.location is None and event.line_place is not None:
                event.location, event.where_prec = event.line_place
        return events

    @staticmethod
    def _filtered(query: PlaceQuery, places: list[Location]) -> list[Location]:
        for place_filter in PLACE_FILTERS:
            places = place_filter(query, places)
        return places

    def _set_place(self, query: PlaceQuery, places: list[Location], near: int | None = None) -> None:
        """The most specific of the places left, nearest the trigger (or ``near``), with UCDP's precision."""
        doc, candidate, sent = query.doc, query.candidate, query.sent
        trigger_char = doc[candidate.trigger_span[0]].idx if near is None else near
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

    def _not_speakers(self, article: Article, places: list[Location], text: str, trigger: int = -1) -> list[Location]:
        """The places that are not who speaks. A place in a speaker is the speaker's ("Russia's
        Defense Ministry said ...", of a quote cued by saying: "residents of Bunia held a rally to
        show support" is no speech), and so is a place that is the whole speaker of a verb of
        saying ("Moscow says it struck ...", "as Russia insisted ..."); a place that is the whole
        speaker otherwise is a dateline or a label ("Mali: drone strike kills eight"). A
        speaker that holds the event's own trigger is no speaker ("Fresh fighting in Delmas:
        residents report ..."), and a place after "in", "near"... in a speaker no verb of saying
        cues is where."""
        said = [q.speaker.span for q in article.quotes if q.speaker and (q.cue is None or _said_cue(q.cue.text, self.lexicon))
                and not q.speaker.span[0] <= trigger < q.speaker.span[1]]
        saying = {tuple(q.speaker.span) for q in article.quotes if q.speaker and q.cue is not None and _said_cue(q.cue.text, self.lexicon)}
        return [loc for loc in places if not any(a <= loc.span[0] and loc.span[1] <= b
                                                 and ((a, b) != tuple(loc.span) or (a, b) in saying)
                                                 and ((a, b) in saying or not after_word(text, loc.span[0], _LOCATIVES, a))
                                                 for a, b in said)]
