"""Toponym resolution: which of the places called "Georgia" an article means.

Strategy (all offline, deterministic):

1. **Candidates.** Every gazetteer entry with the mention's name (any known spelling; admin names
   also without "Oblast", "County"...). A bare name shared by a town and the admin area around
   it ("Belgorod", "Kiev") is the town. An explicit qualifier narrows the candidates first: a
   following admin area or country ("Alexandria, Louisiana", "Alexandria, La.", "Paris, Texas"),
   an owner ("Russia's Belgorod region") or a demonym ("the Georgian city of Batumi").
2. **Prior.** ``log10(population)`` plus a bonus by kind (country > region > admin1 > town), for
   national capitals (news names governments by them: "Washington said") and for a town's own
   name over another town's alternate spelling. So a bare "Paris" is the French capital.
3. **Article context.** Mentions whose best candidate wins clearly on its prior (or that are
   qualified, demonyms or borders) are *anchors*. Every candidate then gains from the article
   mentioning its country (+3) and its admin1 (+2), saturating at one clear mention so that a
   long article's many countries do not drown a local one, and from lying near (< 200 km: +2,
   < 500 km: +1) another mentioned town or county. "Georgia" with "Tbilisi" is the country;
   with "Atlanta" and "Athens, Ga." the US state. A town on no continent of the article's other
   places loses 1.5: a place on another continent needs strong evidence ("Moura" in
   an article about Malian troops is Mali's, not Portugal's). Two rounds: the second uses every mention's
   first-round choice as context, the unclear ones at half weight.
4. **No blind guesses.** When two far-apart candidates are about equally prominent and the
   article offers no other place at all (a lone "Georgia"), the mention keeps its text but gets
   no coordinates (``feature`` None) rather than a coin flip.

:func:`lookup` exposes the same resolution for one name, for other components.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import Location
from .gazetteer import Gazetteer, Place, distance_km, get_gazetteer, normalize, romanisation_key

FEATURE_BONUS = {"country": 3.0, "region": 2.5, "water": 2.0, "admin1": 1.5, "border": 3.0, "admin2": 0.0, "city": 0.0}
CAPITAL_BONUS = 2.0
PRIMARY_NAME_BONUS = 1.0
CLEAR_MARGIN = 1.0        # prior lead that makes a mention an anchor
COUNTRY_WEIGHT = 3.0
ADMIN1_WEIGHT = 2.0
NEAR_KM, NEAR_BONUS = 200.0, 2.0
REGION_KM, REGION_BONUS = 500.0, 1.0
CONTINENT_WEIGHT = 1.5
AMBIGUOUS_MARGIN = 1.5    # prior gap under which a context-free choice is refused
AMBIGUOUS_KM = 500.0
SURROUNDING_KM = 100.0
AREA_SHARED_WEIGHT = 1.0  # a town's first-level area that other names of the article may lie in
AREA_SHARED_MAX = 1.0
ACTOR_WEIGHT = 0.1        # "Russian forces ... near Pokrovsk": who acts, barely where
BORDER_SIDE_CHARS = 50    # "the Rafah crossing on the border with Egypt"


@dataclass
class Mention:
    """A place mention to resolve: its text, offsets and what the text around it says."""

    text: str
    start: int
    end: int
    feature: Optional[str] = None
    """Set for mentions that are already typed (borders, demonym places)."""
    fixed: Optional[Place] = None
    """A place already known (demonyms, borders, qualifiers resolved by the matcher)."""
    qualifiers: list[Place] = field(default_factory=list)
    """Admin areas or countries the text puts this place in."""
    source: str = ""
    """What found it: ner, gazetteer, demonym, border, region (for diagnostics)."""
    areas_only: bool = False
    """The text says it is an area, not the town of that name ("Dnipropetrovsk regional ...")."""
    adjectival: bool = False
    """A people's adjective or plural standing for its country ("Ukrainian forces", "Sudanese")."""
    actor: bool = False
    """A people's adjective naming an armed force ("Russian forces"): who acts, not where, so
    little context for the article's other places."""
    unlisted: bool = False
    """A populated place the text names ("the village of Aitaroun") that the gazetteer lacks."""


def prior_score(place: Place) -> float:
    """How prominent a place is without context: log population plus a bonus by kind."""
    bonus = FEATURE_BONUS.get(place.feature, 0.0) + (CAPITAL_BONUS if place.capital else 0.0)
    return math.log10(place.population + 10) + bonus


def _surrounds(area: Place, town: Place) -> bool:
    """Whether an admin area is the one around a town: same admin1, or close by."""
    if area.country_code != town.country_code:
        return False
    if area.admin1 is not None and area.admin1 == town.admin1:
        return True
    return (area.lat is not None and town.lat is not None
            and distance_km(area.lat, area.lon, town.lat, town.lon) < SURROUNDING_KM)  # type: ignore[arg-type]


def is_within(place: Place, container: Place) -> bool:
    """Whether a place lies in a country or admin1 area."""
    if container.feature == "country":
        return place.country_code == container.country_code and place is not container
    if container.feature == "admin1":
        return (place.country_code == container.country_code and place.admin1 is not None and place is not container
                and (place.admin1 in (container.admin1, container.name)
                     or _admin_key(place.admin1) in (_admin_key(container.admin1), _admin_key(container.name))))
    return False


def _admin_key(name: Optional[str]) -> str:
    """An admin1 name without its kind word: GeoNames' "Donetsk" is the additions' "Donetsk Oblast"."""
    key = normalize(name or "")
    for word in (" oblast", " region", " province", " state", " governorate"):
        key = key.removesuffix(word)
    return key


def _own_name(key: str, place: Place) -> bool:
    """Whether a normalised name is the place's own (less an area word: "Douglas County")."""
    own = normalize(place.name)
    return own == key or own.startswith(key + " ") or key.startswith(own + " ")


def _names_alike(said: str, name: str) -> bool:
    """Whether two normalised names are one name spelt two ways ("taiz" / "ta'izz",
    "hodeidah" / "al hudaydah"): a shared romanisation key, or close letters."""
    from rapidfuzz import fuzz

    said, name = romanisation_key(said), romanisation_key(name)
    bare = name.removeprefix("al ")
    return said == bare or fuzz.ratio(said, bare) >= 70


class Resolver:
    """Resolves the mentions of one article together (see the module docstring)."""

    def __init__(self, gazetteer: Optional[Gazetteer] = None):
        self.gazetteer = gazetteer or get_gazetteer()

    def candidates(self, mention: Mention) -> list[Place]:
        if mention.fixed is not None:
            return [mention.fixed]
        if mention.unlisted:
            return []
        found = list(self.gazetteer.candidates(mention.text))
        if not found and mention.text.lower().startswith("the "):
            found = list(self.gazetteer.candidates(mention.text[4:]))
        name, _, kind = mention.text.rpartition(" ")
        if not found:
            # "Borno State", "Kwamouth territory": the area's name with a kind word after it
            if name and kind.lower() in self.gazetteer.settings["area_words"]:
                found = [p for p in self.gazetteer.candidates(name) if p.feature in ("admin1", "admin2", "region")]
                if not found:
                    # "Leer County": no such area in the data, so the one named after a conflict
                    # country's town (South Sudan's Leer, not Leer in Germany, which has no county)
                    conflict = self.gazetteer.settings["conflict_countries"]
                    found = [p for p in self.gazetteer.candidates(name) if p.feature == "city" and p.country_code in conflict]
        if not found and name and kind.lower() in self.gazetteer.settings["settlement_nouns"]:
            # "Kills 17 In Sagaing Village": a headline's capitalised kind word after a town's name
            found = [p for p in self.gazetteer.candidates(name) if p.feature == "city"]
        if not found:
            # "Deir el-Balah" for Dayr al Balah: a romanisation the tables spell otherwise
            found = self.gazetteer.spelling_variants(mention.text)
        areas = [p for p in found if p.feature in ("admin1", "admin2", "region")] if mention.areas_only else []
        if mention.areas_only and not areas:
            areas = self._area_of_town(mention.text, found)
        if areas:
            found = areas
        else:
            # "on the Red Sea": the sea, not the state named after it ("Red Sea state" is areas_only)
            found = [p for p in found if p.feature == "water"] or found
        # "Belgorod", "Kiev": a bare name shared by a town and the area around it is the town
        towns = [p for p in found if p.feature == "city"]
        found = [p for p in found if p.feature not in ("admin1", "admin2") or not any(_surrounds(p, t) for t in towns)]
        for qualifier in mention.qualifiers:
            narrowed = [place for place in found if is_within(place, qualifier)]
            if narrowed:
                found = narrowed
        return found

    def _area_of_town(self, text: str, found: list[Place]) -> list[Place]:
        """"Taiz governorate", "Hodeidah province": a name the gazetteer knows only as a town,
        said with an area word, is the first-level area around that town where the area's name
        is the town's (spelt alike: Taiz / Ta'izz, Hodeidah / Al Hudaydah)."""
        said = normalize(text)
        areas = []
        for town in found:
            if town.feature != "city" or not town.admin1:
                continue
            name = normalize(town.admin1)
            for prefix in self.gazetteer.settings["admin_prefixes"]:  # "Muhafazat al Hudaydah"
                name = name.removeprefix(prefix)
            for area in self.gazetteer.candidates(town.admin1) or self.gazetteer.candidates(name):
                if (area.feature == "admin1" and area.country_code == town.country_code
                        and area.admin1_code == town.admin1_code and _names_alike(said, normalize(area.name))):
                    areas.append(area)
        return list(dict.fromkeys(areas))

    def resolve(self, mentions: Sequence[Mention], actor_countries: frozenset[str] = frozenset()) -> list[Optional[Place]]:
        """The chosen place of each mention (None where unknown or too ambiguous).
        ``actor_countries``: the countries of the armed groups the article names, which settle a
        lone name's far-apart readings ("Taliban ... In Asadabad" is Afghanistan's)."""
        options = self._across_borders(mentions, [self.candidates(mention) for mention in mentions])
        shared = self._shared_areas(mentions, options)
        priors = [sorted(((prior_score(p) + self._name_bonus(m, p) + self._area_bonus(m, p, shared), p) for p in places),
                         key=lambda pair: -pair[0])
                  for m, places in zip(mentions, options)]
        anchors: list[tuple[Place, float]] = []
        for mention, ranked in zip(mentions, priors):
            if not ranked:
                anchors.append(None)  # type: ignore[arg-type]
                continue
            clear = mention.fixed is not None or bool(mention.qualifiers) or len(ranked) == 1
            if not clear:
                clear = ranked[0][0] - ranked[1][0] >= CLEAR_MARGIN
            anchors.append((ranked[0][1], ACTOR_WEIGHT if mention.actor else 1.0) if clear else None)  # type: ignore[arg-type]
        choice = self._round(priors, anchors)
        # second round: everyone's first-round choice is context, the unclear ones at half weight
        context = [anchor if anchor else ((place, 0.5) if place and not mention.actor else None)
                   for anchor, place, mention in zip(anchors, choice, mentions)]
        final = self._round(priors, context)
        return [self._refuse_blind(ranked, place, context, i, actor_countries)
                for i, (ranked, place) in enumerate(zip(priors, final))]

    @staticmethod
    def _shared_areas(mentions: Sequence[Mention], options: list[list[Place]]) -> dict[tuple, dict[str, float]]:
        """(country, admin1) -> {name: weight} of the article's names that have a town, county or
        state reading there by their own name, each weighted 1/k for a name with readings in k
        such areas. Several ambiguous names with readings in one state say which state the
        article is about ("Alexandria", "Brandon", "Kensington", "Douglas County": Minnesota's),
        where no name alone is clear; a name found in every state says little."""
        shared: dict[tuple, dict[str, float]] = {}
        seen: set[str] = set()
        for mention, places in zip(mentions, options):
            key = normalize(mention.text)
            if key in seen or mention.fixed is not None:
                continue
            seen.add(key)
            areas = {(p.country_code, p.admin1) for p in places
                     if p.admin1 and p.feature in ("city", "admin2", "admin1") and _own_name(key, p)}
            for area in areas:
                shared.setdefault(area, {})[key] = 1.0 / len(areas)
        return shared

    @staticmethod
    def _area_bonus(mention: Mention, place: Place, shared: dict[tuple, dict[str, float]]) -> float:
        """The support of the article's other names for a town's or county's first-level area
        (``_shared_areas``), times ``AREA_SHARED_WEIGHT``, at most ``AREA_SHARED_MAX``."""
        if place.feature not in ("city", "admin2") or not place.admin1:
            return 0.0
        names = shared.get((place.country_code, place.admin1))
        key = normalize(mention.text)
        if not names or not _own_name(key, place):
            return 0.0
        support = sum(weight for name, weight in names.items() if name != key)
        return min(AREA_SHARED_MAX, AREA_SHARED_WEIGHT * support)

    @staticmethod
    def _across_borders(mentions: Sequence[Mention], options: list[list[Place]]) -> list[list[Place]]:
        """"Rafah, on the border with Egypt": a place named just before "the border with C" lies
        on this side of it, so its readings in C go where it has others."""
        for i, mention in enumerate(mentions):
            for other in mentions[i + 1:]:
                if other.start - mention.end > BORDER_SIDE_CHARS:
                    break
                place = other.fixed
                if (other.feature == "border" and place is not None and place.country_code
                        and other.text.lower().startswith("border with")):
                    here = [p for p in options[i] if p.country_code != place.country_code]
                    options[i] = here or options[i]
        return options

    @staticmethod
    def _name_bonus(mention: Mention, place: Place) -> float:
        """A town's own name beats another town's alternate spelling ("Cancun" is not Changchun)."""
        if place.feature != "city":
            return 0.0
        own, said = normalize(place.name), normalize(mention.text)
        # "Sloviansk" is Slovyansk's own name romanised otherwise, not Nikopol's alternate spelling
        return PRIMARY_NAME_BONUS if own == said or romanisation_key(own) == romanisation_key(said) else 0.0

    def _round(self, priors, context) -> list[Optional[Place]]:
        # The context of mention i is every other mention's place: the same for the many
        # mentions of one name, so each place's support is worked out once per round, from
        # the article's places with their summed weights less the mention's own
        totals: dict[int, list] = {}
        for item in context:
            if item:
                entry = totals.setdefault(id(item[0]), [item[0], 0.0, 0])
                entry[1] += item[1]
                entry[2] += 1
        scores: dict[tuple, float] = {}
        chosen: list[Optional[Place]] = []
        for i, ranked in enumerate(priors):
            if not ranked:
                chosen.append(None)
                continue
            own = context[i]
            key_own = (id(own[0]), own[1]) if own else None

            def score(place: Place, own=own, key_own=key_own) -> float:
                key = (id(place), key_own)
                if key not in scores:
                    others = []
                    for ident, (other, weight, count) in totals.items():
                        if own and ident == id(own[0]):
                            weight, count = weight - own[1], count - 1
                        if count:
                            others.append((other, weight))
                    scores[key] = self._context_score(place, others, self.gazetteer.continents)
                return scores[key]

            best = max(ranked, key=lambda pair: pair[0] + score(pair[1]))
            chosen.append(best[1])
        return chosen

    @staticmethod
    def _context_score(place: Place, others: list[tuple[Place, float]], continents: dict[str, str]) -> float:
        """Support from the rest of the article: its country and admin1 mentioned (saturating at
        one clear mention, so a long article's many countries do not dilute a local one), and
        the nearest other town or county."""
        country = admin = near = continent = elsewhere = 0.0
        # towns only: a state or country named in an article about elsewhere is common
        own_continent = continents.get(place.country_code or "") if place.feature in ("city", "admin2") else None
        for other, weight in others:
            if other is place:
                continue
            if other.country_code and other.country_code == place.country_code:
                country += weight
            other_continent = continents.get(other.country_code or "")
            if own_continent and other_continent:
                if other_continent == own_continent:
                    continent += weight
                else:
                    elsewhere += weight
            if (other.admin1 and place.admin1 and other.feature != "country" and place.feature != "country"
                    and (other.country_code, other.admin1) == (place.country_code, place.admin1)):
                admin += weight
            if (near < NEAR_BONUS and place.lat is not None and other.lat is not None
                    and other.feature in ("city", "admin2")):
                km = distance_km(place.lat, place.lon, other.lat, other.lon)  # type: ignore[arg-type]
                near = max(near, NEAR_BONUS if km < NEAR_KM else REGION_BONUS if km < REGION_KM else 0.0)
        # a place on no continent of the article's other places needs strong evidence
        remote = CONTINENT_WEIGHT * min(1.0, elsewhere) if not continent else 0.0
        return COUNTRY_WEIGHT * min(1.0, country) + ADMIN1_WEIGHT * min(1.0, admin) + near - remote

    def _refuse_blind(self, ranked, place: Optional[Place], context, index: int,
                      actor_countries: frozenset[str] = frozenset()) -> Optional[Place]:
        """None instead of a coin flip: equally prominent, far-apart rivals and no context at all."""
        if place is None or len(ranked) < 2 or any(item for j, item in enumerate(context) if j != index):
            return place
        # the chosen reading's own prior, with its name bonus: "Odesa" is the Ukrainian city's own
        # name and only an alternate spelling of Odessa, Texas
        own = next(prior for prior, p in ranked if p is place)
        by_name = own - prior_score(place) > 0  # the chosen one is called by its own name
        # a rival called so only by an alternate name ("Pokrovsk", once Engels's) is none
        rivals = [p for prior, p in ranked if p is not place and abs(prior - own) < AMBIGUOUS_MARGIN
                  and not (by_name and prior - prior_score(p) <= 0)]
        # rivals in the chosen one's country leave the country sure; the most prominent stands
        far = [r for r in rivals if r.country_code != place.country_code
               and (r.lat is None or place.lat is None
                    or distance_km(place.lat, place.lon, r.lat, r.lon) > AMBIGUOUS_KM)]  # type: ignore[arg-type]
        if not far:
            return place
        # the one country of the article's armed groups among the readings ("Houthi drone strike
        # on Al Bayda": Yemen's, not Libya's Bayda), else the one conflict country's
        acting = [p for _, p in ranked if p.country_code in actor_countries]
        if acting and len({p.country_code for p in acting}) == 1:
            return acting[0]
        return self._conflict_reading(ranked)

    def _conflict_reading(self, ranked) -> Optional[Place]:
        """Of a lone name's equally likely readings, the one town or area of a conflict country
        (a headline's "Jenin", "Mora", "Plateau"), where no other conflict country's reading far
        from it comes close; else none."""
        conflict = self.gazetteer.settings["conflict_countries"]
        readings = [(prior, p) for prior, p in ranked if p.country_code in conflict
                    and p.feature in ("city", "admin1", "admin2", "region")]
        if not readings:
            return None
        best_prior, best = readings[0]
        for prior, p in readings[1:]:
            if best_prior - prior < AMBIGUOUS_MARGIN / 2 and (
                    p.country_code != best.country_code or p.lat is None or best.lat is None
                    or distance_km(best.lat, best.lon, p.lat, p.lon) > AMBIGUOUS_KM):  # type: ignore[arg-type]
                return None
        return best


UNLISTED_ANCHOR_CHARS = 60  # "Mayikengo near Lubero", "Wad al-Nourah in Gezira state"
UNLISTED_ANCHOR_FEATURES = ("city", "admin1", "admin2", "region", "country")
NAMESAKE_FAR_KM = 300.0              # a village's namesake this far from where the text puts it
NAMESAKE_MAX_POPULATION = 100_000    # is another place (the gazetteer lacks the village)


def place_unlisted(mentions: Sequence[Mention], places: list[Optional[Place]],
                   countries: frozenset[str], resolver: Resolver,
                   actor_countries: frozenset[str] = frozenset(), text: str = "") -> list[Optional[Place]]:
    """A place for each name the gazetteer lacks, in an article about a country of ``countries``:
    the country (and point) of the place named right after it in the same clause ("the village
    of Aitaroun in southern Lebanon"), else the article's main country without a point, else,
    where the article places nothing else, the one country of its armed groups ("ADF Kills 8
    In Eringeti")."""
    places = _far_namesakes(mentions, places, countries, text)
    unresolved = [i for i, (m, p) in enumerate(zip(mentions, places)) if p is None and m.feature is None
                  and (m.unlisted or m.source == "ner" and not resolver.candidates(m))]
    if not unresolved:
        return places
    counts: dict[str, float] = {}
    for mention, place in zip(mentions, places):
        if place is not None and place.country_code and place.feature != "border":
            weight = 0.5 if mention.actor else 1 if mention.adjectival else 3  # an armed force's country last
            counts[place.country_code] = counts.get(place.country_code, 0) + weight
    main = max(counts, key=lambda code: counts[code]) if any(counts.values()) else None
    if main is None and len(actor_countries) == 1:
        main = next(iter(actor_countries))
    result = list(places)
    for i in unresolved:
        mention = mentions[i]
        anchor = _anchor(mentions, places, i)
        if anchor is not None:
            if anchor.country_code in countries:
                result[i] = Place(mention.text, "city" if mention.unlisted else "other", anchor.country_code,
                                  anchor.lat, anchor.lon, admin1=anchor.admin1 if anchor.feature != "country" else None)
        elif main in countries:
            result[i] = Place(mention.text, "city" if mention.unlisted else "other", main, None, None)
    return result


def _anchor(mentions: Sequence[Mention], places: list[Optional[Place]], i: int) -> Optional[Place]:
    """The place named right after mention i in its clause ("X in Gezira state", "X near Lubero")."""
    mention = mentions[i]
    return next((p for m, p in zip(mentions[i + 1:], places[i + 1:])
                 if m.start - mention.end <= UNLISTED_ANCHOR_CHARS and p is not None and not m.adjectival
                 and p.feature in UNLISTED_ANCHOR_FEATURES), None)


def _far_namesakes(mentions: Sequence[Mention], places: list[Optional[Place]],
                   countries: frozenset[str], text: str = "") -> list[Optional[Place]]:
    """"Sabon Gida, a farming village in Kankara": a small town called so only by an alternate
    name (Sabongida-Ora, in Edo), far from the conflict country's place the text puts it by or
    in another country, is a village the data lacks, at that place's point, not the namesake. So is a small town
    called by its own name in a country the article names nowhere else, where the text puts it
    in another, conflict country: by the place after it ("the village of Kanar in Rakhine
    state": not Kānar, India) or by its list item's label ("- Suwayda countryside: clashes ...
    in al-Mazraa": not al-Mazraa, Israel)."""
    result = list(places)
    named = Counter(p.country_code for p in places if p is not None)
    for i, (mention, place) in enumerate(zip(mentions, places)):
        if (place is None or place.feature != "city" or mention.fixed is not None or mention.qualifiers
                or place.population >= NAMESAKE_MAX_POPULATION or place.lat is None):
            continue
        own = romanisation_key(normalize(place.name)) == romanisation_key(normalize(mention.text))
        if own and named[place.country_code] > 1:
            continue  # the town's own name, in a country the article names otherwise
        anchor = _anchor(mentions, places, i)
        if own and anchor is not None and (anchor.feature == "city" or text and not _HELD_BY_NEXT.match(text, mention.end)):
            anchor = None  # a town's own name lies in the area named next only where the text says so ("X in Y state")
        anchor = anchor or _label_anchor(mentions, places, i, text)
        if anchor is None or anchor.country_code not in countries or anchor.lat is None or anchor.feature == "country":
            continue
        if anchor.country_code == place.country_code and (
                own or distance_km(place.lat, place.lon, anchor.lat, anchor.lon) < NAMESAKE_FAR_KM):  # type: ignore[arg-type]
            continue
        result[i] = Place(mention.text, "city", anchor.country_code, anchor.lat, anchor.lon, admin1=anchor.admin1)
    return result


_HELD_BY_NEXT = re.compile(r"\s*(?:,|\(|in\b)\s*(?:the\s+)?[A-Z]")


def _label_anchor(mentions: Sequence[Mention], places: list[Optional[Place]], i: int, text: str) -> Optional[Place]:
    """The place that labels mention i's line ("- Mahagi territory, Ituri: ... in Ngabu village")."""
    line_start = text.rfind("\n", 0, mentions[i].start) + 1
    for mention, place in zip(reversed(mentions[:i]), reversed(places[:i])):
        if mention.start < line_start:
            return None
        colon = text.find(":", mention.end, mentions[i].start)
        if place is not None and not mention.adjectival and 0 <= colon - mention.end <= 15 and "." not in text[mention.end : colon]:
            return place
    return None


def to_location(mention: Mention, place: Optional[Place], location_id: str) -> Location:
    """The output record of a resolved mention."""
    if place is None:
        return Location(id=location_id, text=mention.text, span=(mention.start, mention.end), feature=mention.feature,  # type: ignore[arg-type]
                        adjectival=mention.adjectival)
    return Location(
        id=location_id, text=mention.text, span=(mention.start, mention.end), name=place.name,
        country_code=place.country_code, admin1=place.admin1 if place.feature != "country" else None,
        lat=place.lat, lon=place.lon, geonameid=place.geonameid,
        feature=mention.feature or place.feature,  # type: ignore[arg-type]
        adjectival=mention.adjectival,
    )


def lookup(name: str, context_country: Optional[str] = None) -> Optional[Place]:
    """The place a bare name most likely denotes, optionally within a country (ISO alpha-2).

    Uses the same prior as article resolution; with ``context_country`` candidates in that
    country win. Returns None for unknown names and for ambiguous ones without context.
    """
    resolver = Resolver()
    mentions = [Mention(text=name, start=0, end=len(name))]
    if context_country:
        country = resolver.gazetteer.countries.get(context_country.upper())
        if country is not None:
            mentions.append(Mention(text=country.name, start=0, end=0, fixed=country))
    return resolver.resolve(mentions)[0]
