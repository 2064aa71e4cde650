"""Events across articles: one row per incident, with UCDP GED's and ACLED's column names.

Records are streamed; of each event only a small summary is kept (no text), so memory grows
with the number of events, not of characters. Grouping (``group``): two events are one
incident when they come from different articles, are of one ACLED type (or name the same
place and day), lie within ``MAX_KM`` of each other (or one names only a region or a country
that holds the other), start within ``MAX_DAYS`` days, and do not name different
perpetrators. Events are sorted by day and compared only with the open incidents of their
country, so the work grows with the number of events. See docs/events.md for the columns and
the low / best / high rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .admin2 import adm_2
from .candidate import country_names

MAX_KM = 50.0
MAX_DAYS = 2
VIOLENCE_CODES = {"state_based": 1, "non_state": 2, "one_sided": 3}
COARSE = {"country", "admin1", "region", "border"}
# the stances whose figures count as reliable for "best" (see docs/events.md)
RELIABLE_STANCES = {"asserted"}

COLUMNS = (
    "event_id", "event_type", "sub_event_type", "type_of_violence", "side_a", "side_b", "actor1", "actor2",
    "country", "country_code", "adm_1", "adm_2", "where_description", "latitude", "longitude", "geonameid", "where_prec",
    "date_start", "date_end", "date_prec", "best", "low", "high", "wounded_best", "wounded_low", "wounded_high",
    "source_article", "source_office", "source_headline", "figures", "disagreements", "notes", "members",
)


@dataclass
class Item:
    """What grouping and the row need of one event of one article."""

    article: str
    event: str
    outlet: str | None
    headline: str | None
    type: str
    sub_type: str
    violence: str | None
    perpetrator: dict[str, Any] | None
    target: dict[str, Any] | None
    location: dict[str, Any] | None
    where_prec: int | None
    date_start: str | None
    date_end: str | None
    date_prec: int | None
    fatalities: dict[str, Any]
    wounded: dict[str, Any]
    figures: list[dict[str, Any]]
    day: int = 0  # ordinal of date_start, 0 when unknown
    words: frozenset[str] = frozenset()  # capitalised words of the headline, lower-cased

    @property
    def place_key(self) -> str | None:
        loc = self.location or {}
        return (loc.get("text") or loc.get("name") or "").lower() or None

    @property
    def country(self) -> str | None:
        return (self.location or {}).get("country_code")


@dataclass
class Incident:
    items: list[Item] = field(default_factory=list)
    first_day: int = 0
    last_day: int = 0


def _headline(record: dict[str, Any]) -> str | None:
    if record.get("title"):
        return record["title"]
    text = (record.get("text") or "").strip()
    line = text.split("\n", 1)[0]
    return line[:160] or None


def items_of(record: dict[str, Any], position: int | None = None) -> Iterator[Item]:
    """The events of one extract record as grouping items. A record without an id (an
    ``extract`` call given none) is named by its 1-based position in the input, "#2", so that
    two such articles are never taken for one."""
    events = record.get("events") or []
    if not events:
        return
    locations = {loc["id"]: loc for loc in record.get("locations") or []}
    article = str(record["id"]) if record.get("id") is not None else f"#{position or 1}"
    headline = _headline(record)
    for event in events:
        actors = event.get("actors") or {}
        start = event.get("date_start")
        yield Item(
            article=article, event=event["id"], outlet=record.get("source"), headline=headline,
            type=event["type"], sub_type=event["sub_type"], violence=event.get("violence"),
            perpetrator=actors.get("perpetrator"), target=actors.get("target"),
            location=_slim(locations.get(event.get("location"))), where_prec=event.get("where_prec"),
            date_start=start, date_end=event.get("date_end"), date_prec=event.get("date_prec"),
            fatalities=event.get("fatalities") or {}, wounded=event.get("wounded") or {},
            figures=[{**f, "article": article, "outlet": record.get("source")} for f in event.get("figures") or []],
            day=dt.date.fromisoformat(start).toordinal() if start else 0,
            words=_title_words(headline),
        )


def items_of_article(article: Any, position: int | None = None) -> Iterator[Item]:
    """The events of one ``Article`` as grouping items, without turning the whole article
    into a record (its quotes, claims and text are not needed)."""
    if not article.events:
        return iter(())
    record = {
        "id": article.id, "source": article.source, "title": article.title,
        "text": (article.text or "").split("\n", 1)[0][:160] if not article.title else None,
        "events": [event.to_dict() for event in article.events],
        "locations": [loc.to_dict() for loc in article.locations],
    }
    return items_of(record, position)


def event_rows_of_items(items: Iterable[Item]) -> list[dict[str, Any]]:
    """The table's rows from items gathered elsewhere (the stories page)."""
    return [incident_row(incident) for incident in group(items)]


def _title_words(headline: str | None) -> frozenset[str]:
    """Capitalised words of a headline: a place the article's own reading missed ("Djibo")
    can still tie it to another outlet's report that placed the event there."""
    if not headline:
        return frozenset()
    return frozenset(w.strip(".,:;'\"()").lower() for w in headline.split() if w[:1].isupper())


def _named_in(a: Item, b: Item) -> bool:
    """Whether the place of one item is a capitalised word of the other's headline."""
    return (a.place_key is not None and a.place_key in b.words) or (b.place_key is not None and b.place_key in a.words)


def _slim(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if location is None:
        return None
    keys = ("text", "name", "country_code", "admin1", "lat", "lon", "geonameid", "feature")
    return {key: location.get(key) for key in keys}


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool | None:
    """True / False where both name a place; None where one does not."""
    if a is None or b is None:
        return None
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    if a.get("feature") in COARSE or b.get("feature") in COARSE:
        coarse, fine = (a, b) if a.get("feature") in COARSE else (b, a)
        if coarse.get("country_code") != fine.get("country_code"):
            return False
        return coarse.get("feature") == "country" or (coarse.get("name") and coarse.get("name") == fine.get("admin1"))
    km = distance_km(a, b)
    if km is not None:
        return km <= MAX_KM
    return (a.get("name") or a.get("text")) == (b.get("name") or b.get("text"))


def _perpetrator_name(item: Item) -> str | None:
    return (item.perpetrator or {}).get("name")


def _named_by_context(actor: dict[str, Any]) -> bool:
    """A state's forces whose words do not name their state ("the military" under a BANGKOK
    dateline read as Thailand's, "Occupation forces" read as the country of the place); "Israeli
    troops", "Myanmar's military", "FARDC soldiers" name theirs."""
    name = actor.get("name")
    if not name or actor.get("kind") != "state_forces":
        return False
    words = re.findall(r"[\w'-]+", actor.get("text") or "")
    stems = {w[:4].lower() for w in re.findall(r"\w+", name) if len(w) >= 4}
    return not (any(w[:4].lower() in stems for w in words) or any(sum(c.isupper() for c in w) >= 2 for w in words))


def _states_one_by_context(a: Item, b: Item) -> bool:
    """Both perpetrators are states' forces and one is named only from its report's context: the
    names may differ without telling two incidents apart."""
    pa, pb = a.perpetrator or {}, b.perpetrator or {}
    return pa.get("kind") == pb.get("kind") == "state_forces" and (_named_by_context(pa) or _named_by_context(pb))


def _same_day_and_actor(a: Item, b: Item) -> bool:
    return a.day == b.day and _perpetrator_name(a) is not None and _perpetrator_name(a) == _perpetrator_name(b)


def fits(incident: Incident, item: Item) -> bool:
    """Whether ``item`` is a report of ``incident`` (see the module docstring)."""
    if any(other.article == item.article for other in incident.items):
        return False  # two events of one article are two incidents
    # within MAX_DAYS of every member's day: daily reports of strikes on one town do not chain
    # into one incident that runs for months
    if item.day and incident.items[0].day and not (incident.last_day - MAX_DAYS <= item.day <= incident.first_day + MAX_DAYS):
        return False
    places = [same_place(other.location, item.location) for other in incident.items]
    if any(p is False for p in places):
        return False
    # no place read on one side: the other's place in its headline, or the same day and actor
    if not any(places) and not any(o.type == item.type and (_named_in(o, item) or _same_day_and_actor(o, item)) for o in incident.items):
        return False
    # another kind of event: only at the same place on the same day
    if not any(o.type == item.type for o in incident.items) and not any(
        o.day == item.day and same_place(o.location, item.location) for o in incident.items
    ):
        return False
    # two states' forces, one of them named from its report's context only, may be one side
    names = {_perpetrator_name(o) for o in incident.items if not _states_one_by_context(o, item)} - {None}
    name = _perpetrator_name(item)
    if not names or not name or name in names:
        return True
    # a named group and an unnamed one ("Gang members" / "the Gran Grif gang") may be one side;
    # two named ones, or two unnamed ones of other kinds, are not
    generic = _generic_actor_names()
    specific = names - generic
    if name not in generic and specific:
        return False
    return not (name in generic and not specific)


@lru_cache(maxsize=1)
def _generic_actor_names() -> frozenset[str]:
    """The names the events lexicon gives unnamed actors ("Militia", "Rebels", "Unidentified armed group")."""
    from .lexicon import load_event_lexicon

    return frozenset(a.name for a in load_event_lexicon().actors if not a.named and a.name)


def group(items: Iterable[Item]) -> list[Incident]:
    """Incidents from the items (a list is held, sorted by day)."""
    ordered = sorted(items, key=lambda item: (item.day, item.article, item.event))
    open_by_country: dict[str | None, list[Incident]] = {}
    incidents: list[Incident] = []
    by_place: dict[str, list[Incident]] = {}  # incidents by the lower-cased name of a place they were placed at
    for item in ordered:
        pool = open_by_country.setdefault(item.country, [])
        if item.day:
            pool[:] = [inc for inc in pool if inc.first_day + MAX_DAYS >= item.day or not inc.first_day]
        home = next((inc for inc in reversed(pool) if fits(inc, item)), None)
        if home is None and item.country is None:  # no place read: the incidents its headline names
            named = (inc for word in item.words for inc in _still_open(by_place, word, item.day))
            home = next((inc for inc in named if fits(inc, item)), None)
        if home is None:
            home = Incident(first_day=item.day, last_day=item.day)
            pool.append(home)
            incidents.append(home)
        home.items.append(item)
        if item.place_key:
            by_place.setdefault(item.place_key, []).append(home)
        if item.day:
            home.first_day = min(home.first_day or item.day, item.day)
            home.last_day = max(home.last_day, item.day)
    return incidents


def _still_open(by_place: dict[str, list[Incident]], word: str, day: int) -> list[Incident]:
    """The incidents placed at ``word`` that an item of ``day`` may still join; the closed ones
    are dropped for good (items come in order of day), so the lists stay short however long
    the corpus runs."""
    found = by_place.get(word)
    if not found:
        return []
    if day:
        found[:] = [inc for inc in found if not inc.first_day or inc.first_day + MAX_DAYS >= day]
    return found


# --- one row per incident -----------------------------------------------------------------


def _majority(values: Iterable[Any]) -> Any:
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def _country_name(code: str | None) -> str | None:
    return country_names().get(code or "")


def ucdp_side(actor: dict[str, Any] | None, country: str | None) -> str | None:
    """UCDP's name of a side: ``Government of X`` for state forces, else the actor's name."""
    if not actor:
        return None
    if actor.get("kind") == "state_forces":
        # a side whose country is not known keeps its own words, never "Government of unknown"
        state = actor.get("name") or country
        return f"Government of {state}" if state else actor.get("text")
    return actor.get("name") or actor.get("text")


ACLED_FORMS = {
    "state_forces": "Military Forces of {country}",
    "civilians": "Civilians ({country})",
    "protesters": "Protesters ({country})",
    "rioters": "Rioters ({country})",
    "armed_group": "Unidentified Armed Group ({country})",
    "rebel_group": "{name}",
    "militia": "{name}",
    "peacekeepers": "{name}",
}


def acled_actor(actor: dict[str, Any] | None, country: str | None) -> str | None:
    """ACLED's style of actor name ("Military Forces of Mali", "Civilians (Mali)")."""
    if not actor:
        return None
    kind = actor.get("kind")
    name = actor.get("name") or actor.get("text")
    if kind == "state_forces":
        country = actor.get("name") or country
    form = ACLED_FORMS.get(kind or "", "{name}")
    if kind in ("rebel_group", "militia") and name in ("Rebels", "Militia"):
        form = "Unidentified Armed Group ({country})"
    return form.format(country=country or "International", name=name)


def toll_range(items: list[Item], key: str) -> tuple[float | None, float | None, float | None, bool]:
    """(low, best, high, differ) over the articles' tolls: low the lowest, high the highest;
    best the median of the tolls the articles assert (the lower middle one for an even number),
    of all tolls where none is asserted; ``differ`` when the articles give different bests."""
    tolls = []
    for item in items:
        toll = getattr(item, key)
        if toll.get("best") is None:
            continue
        role = "killed" if key == "fatalities" else "wounded"
        stances = {f.get("stance") for f in item.figures if f.get("role") == role}
        tolls.append((toll, bool(stances & RELIABLE_STANCES) or not stances))
    if not tolls:
        return None, None, None, False
    reliable = [t["best"] for t, ok in tolls if ok] or [t["best"] for t, _ in tolls]
    low = min(t["low"] if t.get("low") is not None else t["best"] for t, _ in tolls)
    high = max(t["high"] if t.get("high") is not None else t["best"] for t, _ in tolls)
    bests = {t["best"] for t, _ in tolls}
    return low, statistics.median_low(sorted(reliable)), high, len(bests) > 1


def _disagreements(items: list[Item], killed_differ: bool, wounded_differ: bool) -> list[str]:
    kinds = []
    if killed_differ or _figures_differ(items, "killed"):
        kinds.append("fatalities")
    if wounded_differ or _figures_differ(items, "wounded"):
        kinds.append("wounded")
    if len({i.date_start for i in items if i.date_start}) > 1:
        kinds.append("date")
    places = [i.location for i in items if i.location]
    if len({(p.get("geonameid"), p.get("name")) for p in places}) > 1:
        kinds.append("place")
    if len({_perpetrator_name(i) for i in items} - {None}) > 1 or len({(i.perpetrator or {}).get("kind") for i in items} - {None}) > 1:
        kinds.append("actor")
    if len({f.get("stance") for i in items for f in i.figures} - {None}) > 1:
        kinds.append("stance")
    return kinds


def _figures_differ(items: list[Item], role: str) -> bool:
    """The sources differ on a toll within one article too: "the governor said two workers were
    wounded, but Rosneft denied anyone was hurt" (2 against a denied 0), though the article's
    toll (2: a denial counts only where nothing else is said) agrees with the other outlet's."""
    return len({f.get("value") for i in items for f in i.figures if f.get("role") == role} - {None}) > 1


def _best_location(items: list[Item]) -> tuple[dict[str, Any] | None, int | None]:
    placed = [i for i in items if i.location]
    if not placed:
        return None, None
    chosen = min(placed, key=lambda i: (i.where_prec or 9, -sum(same_place(o.location, i.location) is True for o in placed)))
    return chosen.location, chosen.where_prec


def _dates(items: list[Item]) -> tuple[str | None, str | None, int | None]:
    starts = sorted(i.date_start for i in items if i.date_start)
    ends = sorted(i.date_end for i in items if i.date_end)
    if not starts:
        return None, None, None
    stated = [i for i in items if i.date_prec == 1]
    if stated:  # the days the articles state, not publication days standing in for them
        days = sorted(i.date_start for i in stated if i.date_start)
        start, end = days[0], days[-1]
    else:
        start, end = starts[0], (ends[-1] if ends else starts[-1])
    span = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    precs = [i.date_prec for i in (stated or items) if i.date_prec]
    prec = max(precs) if precs else None
    if span >= 1:
        prec = max(prec or 0, 2)
    return start, end, prec


def _notes(row: dict[str, Any]) -> str:
    who = row["actor1"] or "Unidentified actors"
    what = (row["sub_event_type"] or "event").replace("_", " ")
    whom = f" against {row['actor2']}" if row["actor2"] else ""
    where = f" in {row['where_description']}" if row["where_description"] else ""
    when = f" on {row['date_start']}" if row["date_start"] else ""
    toll = ""
    if row["best"] is not None:
        spread = f" ({row['low']:g}-{row['high']:g})" if row["low"] != row["high"] else ""
        toll = f"; {row['best']:g} killed{spread}"
    sources = len(row["source_article"])
    return f"{who}: {what}{whom}{where}{when}{toll}, by {sources} source{'s' if sources != 1 else ''}."


def incident_row(incident: Incident) -> dict[str, Any]:
    items = incident.items
    location, where_prec = _best_location(items)
    country_code = (location or {}).get("country_code") or _majority(i.country for i in items)
    country = _country_name(country_code)
    perp = next((i.perpetrator for i in items if i.perpetrator and i.perpetrator.get("name")), None) or _majority_actor(items, "perpetrator")
    target = next((i.target for i in items if i.target and i.target.get("name")), None) or _majority_actor(items, "target")
    low, best, high, killed_differ = toll_range(items, "fatalities")
    w_low, w_best, w_high, wounded_differ = toll_range(items, "wounded")
    date_start, date_end, date_prec = _dates(items)
    type_ = _majority(i.type for i in items)
    violence = _majority(i.violence for i in items if i.type == type_)
    first = items[0]
    row = {
        "event_id": "E" + hashlib.sha1(f"{first.article}\x1f{first.event}".encode()).hexdigest()[:12],
        "event_type": type_,
        "sub_event_type": _majority(i.sub_type for i in items if i.type == type_),
        "type_of_violence": VIOLENCE_CODES.get(violence) if violence else None,
        "side_a": ucdp_side(perp, country),
        "side_b": ucdp_side(target, country),
        "actor1": acled_actor(perp, country),
        "actor2": acled_actor(target, country),
        "country": country,
        "country_code": country_code,
        "adm_1": (location or {}).get("admin1") if (location or {}).get("feature") != "country" else None,
        "adm_2": adm_2(location),
        "where_description": (location or {}).get("name") or (location or {}).get("text"),
        "latitude": (location or {}).get("lat"),
        "longitude": (location or {}).get("lon"),
        "geonameid": (location or {}).get("geonameid"),
        "where_prec": where_prec,
        "date_start": date_start,
        "date_end": date_end,
        "date_prec": date_prec,
        "best": best, "low": low, "high": high,
        "wounded_best": w_best, "wounded_low": w_low, "wounded_high": w_high,
        "source_article": [i.article for i in items],
        "source_office": list(dict.fromkeys(i.outlet for i in items if i.outlet)),
        "source_headline": list(dict.fromkeys(i.headline for i in items if i.headline)),
        "figures": [
            {"article": f["article"], "outlet": f.get("outlet"), "speaker": f.get("source"), "role": f.get("role"),
             "value": f.get("value"), "stance": f.get("stance")}
            for i in items for f in i.figures
        ],
        "disagreements": _disagreements(items, killed_differ, wounded_differ),
        "members": [{"article": i.article, "event": i.event} for i in items],
    }
    row["notes"] = _notes(row)
    return {column: row[column] for column in COLUMNS}


def _majority_actor(items: list[Item], role: str) -> dict[str, Any] | None:
    actors = [getattr(i, role) for i in items if getattr(i, role)]
    if not actors:
        return None
    kind = _majority(a.get("kind") for a in actors)
    return next(a for a in actors if a.get("kind") == kind)


def event_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per incident across the records (extract output dicts), in order of day."""
    items = (item for position, record in enumerate(records, 1) for item in items_of(record, position))
    for incident in group(items):
        yield incident_row(incident)
