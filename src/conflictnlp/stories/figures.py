"""Figures that can disagree across the articles of one story.

- counts of people by what happened to them (killed, wounded, displaced, detained, missing):
  the quantity's ``casualty`` reading only (``measures/casualties.py`` reads tolls, once);
- distances of the same thing from the same reference point (reference texts compared with
  rapidfuzz, values in metres);
- other measured quantities of the same thing, converted with pint (``measures/units.py``: tonnes vs short tons);
- the event's date: the days named in each article's lead sentence about the event.

Two articles disagree on a figure when none of the values one gives fits any the other gives:
values fit when their ranges overlap ("12 to 15" fits 14; "about 40 km" fits 42 km). Values
more than ``MAX_RATIO`` apart are taken to be about different things (a cumulative toll against
one day's), not a disagreement. "At least 12" is compared as 12. Figures are compared across
articles only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Optional

from rapidfuzz import fuzz

from ..measures.units import to_base_units
from ..model import Article, DateMention, Disagreement, DisagreementValue, Distance
from .grouping import LinkedGroups
from .similarity import content_words, dice, event_words

EXACT_TOLERANCE = 0.05  # relative difference within which exact figures agree (rounding) ...
APPROXIMATE_TOLERANCE = 0.1  # ... or, when either is approximate, this
MAX_RATIO = 3.0  # figures further apart than this are about different things
SAME_REFERENCE = 80  # rapidfuzz token_set_ratio at which two reference points are one place
SAME_CONTEXT = 0.15  # content-word overlap (Dice) of two sentences about the same measured thing
LEAD_SENTENCES = 1  # sentences about the event, from the top of the body, that date it
# a date that names its day ("Sunday night", "July 7", "yesterday"), not "the night" or "earlier"
NAMED_DAY = re.compile(
    r"\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(today|yesterday|tonight|overnight|last night)\b",
    re.I,
)


@dataclass(frozen=True)
class Range:
    """The values a figure allows: [low, high]."""

    low: float
    high: float
    centre: float

    def fits(self, other: "Range") -> bool:
        return self.low <= other.high and other.low <= self.high

    def comparable(self, other: "Range") -> bool:
        a, b = abs(self.centre), abs(other.centre)
        return min(a, b) > 0 and max(a, b) / min(a, b) <= MAX_RATIO


def figure_range(value: float, value_max: Optional[float], approximate: bool, text: str, bounds: Optional[dict] = None) -> Range:
    """The range a figure allows: from its value to its upper value ("12 to 15"), or the
    extraction's explicit bounds, widened for rounding. "At least 12" is compared as 12: an
    outlet that counts at least 12 dead where another counts 15 is a difference worth showing."""
    low, high = value, value_max if value_max is not None else value
    if bounds:
        low = bounds.get("min", bounds.get("lower", low)) if bounds.get("min", bounds.get("lower")) is not None else low
        upper = bounds.get("max", bounds.get("upper"))
        high = upper if upper is not None else high
    # each side of a comparison widens by half the tolerance, so two figures fit when they are
    # within the whole tolerance of each other
    half = (APPROXIMATE_TOLERANCE if approximate else EXACT_TOLERANCE) / 2
    return Range(low * (1 - half), high * (1 + half) if high != math.inf else high, (value + (value_max or value)) / 2)


# --- counts of people, by what happened to them -------------------------------------------------


def _field(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def toll_role(quantity: Any) -> Optional[str]:
    """What the people a quantity counts underwent (killed, wounded, displaced ...), from its
    ``casualty`` reading (``measures/casualties.py``, the one casualty reader) only, as an object
    or as a record's dict; None for no toll, a running total (``cumulative``: a war's toll) and
    a part of a total given beside it (``part``: "among them two children", "two of the wounded")."""
    given = _field(quantity, "casualty")
    if given is None or _field(given, "cumulative") or _field(given, "part"):
        return None
    role = _field(given, "role")
    return role if isinstance(role, str) and role else None


def _casualty_bounds(quantity: Any) -> Optional[dict]:
    """``{"min", "max"}`` where the extraction gives both ends ("dozens": 24 to 99)."""
    given = _field(quantity, "casualty")
    low, high = (_field(given, "low"), _field(given, "high")) if given is not None else (None, None)
    return {"min": low, "max": high} if low is not None and high is not None else None


def _casualty_values(article: Article, article_id: str, source_of) -> dict[str, list[tuple[DisagreementValue, Range]]]:
    found: dict[str, list[tuple[DisagreementValue, Range]]] = {}
    for q in sorted(article.quantities, key=lambda q: q.span[0]):
        what = toll_role(q)
        if what is None or q.value is None or q.value < 0:
            continue
        bounds = _casualty_bounds(q)
        value = DisagreementValue(
            article=article_id, ref=q.id, text=q.text, value=q.value, unit=q.unit,
            source=source_of(article, q.span), span=q.span, approximate=q.approximate,
        )
        found.setdefault(what, []).append((value, figure_range(q.value, q.value_max, q.approximate, q.text, bounds)))
    return found


def _disagreeing(by_article: dict[str, list[tuple[DisagreementValue, Range]]]) -> bool:
    """Whether two articles give figures that conflict, none of one fitting any of the other."""
    articles = list(by_article)
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            pairs = [(x, y) for _, x in by_article[a] for _, y in by_article[b]]
            if any(x.fits(y) for x, y in pairs):
                continue
            if any(x.comparable(y) for x, y in pairs):
                return True
    return False


def _denial_against_count(values: list[DisagreementValue]) -> bool:
    """A toll of none against a count above none, from another article or another source."""
    zeros = [v for v in values if v.value == 0]
    counts = [v for v in values if v.value and v.value > 0]
    return any(z.article != c.article or (z.source and c.source and z.source != c.source) for z in zeros for c in counts)


def count_disagreements(articles: list[Article], ids: list[str], source_of) -> list[Disagreement]:
    """Different counts of the killed, the wounded, the displaced... across articles, and a
    denial that anyone was hurt against a count of the hurt (within one article too)."""
    by_what: dict[str, dict[str, list[tuple[DisagreementValue, Range]]]] = {}
    for article, article_id in zip(articles, ids):
        for found_values in (_casualty_values(article, article_id, source_of),):
            for what, values in found_values.items():
                by_what.setdefault(what, {}).setdefault(article_id, []).extend(values)
    found = []
    for what, by_article in by_what.items():
        counted = {a: [(v, r) for v, r in vs if v.value] for a, vs in by_article.items()}
        counted = {a: vs for a, vs in counted.items() if vs}
        listed = [v for vs in by_article.values() for v, _ in vs]
        if (len(counted) > 1 and _disagreeing(counted)) or _denial_against_count(listed):
            found.append(Disagreement(kind="quantity", about=f"number {what}", values=listed))
    return found


# --- measured quantities, converted -------------------------------------------------------------


MEASURED_KINDS = {"mass", "volume", "area", "length", "currency", "speed"}


def _sentence(text: str, span: tuple[int, int]) -> str:
    start = max(text.rfind(".", 0, span[0]), text.rfind("\n", 0, span[0])) + 1
    stops = [i for i in (text.find(".", span[1]), text.find("\n", span[1])) if i >= 0]
    return text[start : min(stops) if stops else len(text)]


def measure_disagreements(articles: list[Article], ids: list[str], source_of) -> list[Disagreement]:
    """The same measured thing (a cargo's mass, an area) given differently, after conversion."""
    items = []
    for article, article_id in zip(articles, ids):
        text = article.text or ""
        distances = [d.span for d in article.distances]
        for q in article.quantities:
            if q.kind not in MEASURED_KINDS or q.value is None:
                continue
            if any(start < q.span[1] and q.span[0] < end for start, end in distances):
                continue  # a distance: compared with the distances
            base = to_base_units(q.value, q.unit) if q.kind != "currency" else (q.value, q.unit or "")
            if base is None:
                continue
            context = content_words(_sentence(text, q.span)) | content_words(q.concept or "")
            scale = base[0] / q.value if q.value else 1.0
            bounds = figure_range(q.value, q.value_max, q.approximate, q.text)
            converted = Range(bounds.low * scale, bounds.high * scale, bounds.centre * scale)
            value = DisagreementValue(
                article=article_id, ref=q.id, text=q.text, value=q.value, unit=q.unit,
                source=source_of(article, q.span), span=q.span, approximate=q.approximate,
                normalised=base[0], normalised_unit=base[1],
            )
            items.append((article_id, q, base[1], context, converted, value))
    groups = LinkedGroups(len(items))
    for i, (aid, q, unit, context, _, _) in enumerate(items):
        for j in range(i + 1, len(items)):
            bid, other, other_unit, other_context, _, _ = items[j]
            if aid == bid or unit != other_unit or q.kind != other.kind:
                continue
            same_thing = content_words(q.concept or "") & content_words(other.concept or "") or dice(context, other_context) >= SAME_CONTEXT
            if same_thing and items[i][4].comparable(items[j][4]):
                groups.union(i, j)
    found = []
    for group in groups.groups():
        by_article: dict[str, list[tuple[DisagreementValue, Range]]] = {}
        for k in group:
            by_article.setdefault(items[k][0], []).append((items[k][5], items[k][4]))
        if len(by_article) > 1 and _disagreeing(by_article):
            concepts = [concept for k in group if (concept := items[k][1].concept)]
            about = f"{items[group[0]][1].kind} of {min(concepts, key=len)}" if concepts else items[group[0]][1].kind
            found.append(Disagreement(kind="quantity", about=about, values=[items[k][5] for k in group]))
    return found


# --- distances ------------------------------------------------------------------------------------


def _place_words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in {"the", "a", "an", "of", "with", "from"})


@cache
def _country_names() -> dict[str, str]:
    """Country names, spellings and demonyms, lower-cased, to ISO codes ("ukrainian" -> "UA")."""
    names: dict[str, str] = {}
    table = resources.files("conflictnlp").joinpath("data/countries.tsv").read_text("utf-8")
    for line in table.splitlines():
        if line.startswith("#") or line.startswith("iso2\t"):
            continue
        iso, name, _, _, demonyms, spellings = (line.split("\t") + [""] * 6)[:6]
        for word in [name, *demonyms.split("|"), *spellings.split("|")]:
            if word:
                names.setdefault(word.lower(), iso)
    return names


_BORDER = re.compile(
    r"^(?:the\s+)?(?:(?P<a>[\w .'’-]+?)(?:[-–/](?P<b>[\w .'’-]+?))?\s+)?(?:frontier|border)"
    r"(?:\s+(?:with|of)\s+(?:the\s+)?(?P<c>[\w .'’-]+?))?(?:\s+(?:between|of)\s+(?P<d>[\w .'’-]+?)\s+and\s+(?P<e>[\w .'’-]+?))?$",
    re.I,
)


def border_countries(reference: str, site_country: Optional[str]) -> Optional[frozenset[str]]:
    """The countries a border reference point lies between, or None if it is no border.

    "the Ukrainian border", "the border with Ukraine", "the Russia-Ukraine border": a border
    named by one country is the one between it and the site's country, where that is another
    ("the Ukrainian border" of a site in Russia is RU-UA); named by the site's own country
    ("the Russian border" of a site in Russia) it is one of that country's borders ({RU})."""
    m = _BORDER.match(reference.strip())
    if m is None:
        return None
    names = _country_names()
    named = {names.get(g.strip().lower()) for g in m.groups() if g}
    if None in named:
        return None  # "the river border", "the northern border": not a country's
    if len(named) == 1 and site_country and site_country not in named:
        named.add(site_country)
    return frozenset(c for c in named if c) or (frozenset({site_country}) if site_country else frozenset())


def _site_country(article: Article, distance: Distance) -> Optional[str]:
    """The country of the measured site: the town named nearest before the distance, else the
    body's first town."""
    towns = sorted((loc for loc in article.locations if loc.country_code and loc.feature in ("city", "admin1", "admin2")), key=lambda loc: loc.span[0])
    before = [loc for loc in towns if loc.span[0] < distance.span[0]]
    chosen = before[-1] if before else (towns[0] if towns else None)
    return chosen.country_code if chosen else None


@dataclass(frozen=True)
class Reference:
    """A distance's reference point: its words, and the countries when it is a border."""

    words: str
    border: Optional[frozenset[str]] = None


_REFERENCE_END = re.compile(r",|;|\(| and (?!\w+ border)| (?:which|that|who|where|while|to|before|after)\b")


def _reference(article: Article, distance: Distance) -> Reference:
    if distance.reference:
        text = distance.reference.text
        # "the border [with Ukraine]": the countries may follow the span
        following = re.match(r"\s+(?:with|of|between)\s+[^,.;()]{2,40}", (article.text or "")[distance.reference.span[1] :])
        if following and re.fullmatch(r"(?:the\s+)?(?:border|frontier)", text.strip(), re.I):
            text += following.group(0)
        text = _REFERENCE_END.split(text)[0]  # "the Ukrainian border and supplies diesel"
    else:
        text = (article.text or "")[distance.span[1] : distance.span[1] + 60]  # "... 22 miles [from the border]"
        text = re.sub(r"^\W*(?:from|of|past|beyond|inside|into|away from)\s+", "", text).split(",")[0]
    return Reference(_place_words(text), border_countries(text, _site_country(article, distance)))


def _same_reference(a: Reference, b: Reference) -> bool:
    """One reference point: two borders of the same countries (one naming a single country of
    the other's pair), or place words that rapidfuzz finds alike."""
    if a.border is not None or b.border is not None:
        if a.border is None or b.border is None:
            return False
        if not a.border or not b.border:
            return True  # "the border" with no country known: the story's border
        return a.border <= b.border or b.border <= a.border
    return bool(a.words and b.words) and fuzz.token_set_ratio(a.words, b.words) >= SAME_REFERENCE


def distance_disagreements(articles: list[Article], ids: list[str], source_of) -> list[Disagreement]:
    """The same distance (the same reference point; the same subject where an article gives
    several from it) given differently by different articles."""
    items = [(n, d, _reference(a, d)) for n, a in enumerate(articles) for d in a.distances if d.metres]
    per_reference: dict[tuple[int, int], int] = {}
    for i, (n, _, ref) in enumerate(items):
        per_reference[(n, i)] = sum(1 for m, _, other in items if m == n and _same_reference(ref, other))
    groups = LinkedGroups(len(items))
    for i, (n, d, ref) in enumerate(items):
        for j in range(i + 1, len(items)):
            m, e, other = items[j]
            if n == m or not _same_reference(ref, other):
                continue
            several = per_reference[(n, i)] > 1 and per_reference[(m, j)] > 1
            if several and d.subject and e.subject and not content_words(d.subject.text) & content_words(e.subject.text):
                continue
            groups.union(i, j)
    found = []
    for group in groups.groups():
        by_article: dict[str, list[tuple[DisagreementValue, Range]]] = {}
        for k in group:
            n, d, _ = items[k]
            value = DisagreementValue(
                article=ids[n], ref=d.id, text=d.text, value=d.value, unit=d.unit, metres=d.metres,
                source=source_of(articles[n], d.span), span=d.span, approximate=d.approximate,
                normalised=d.metres, normalised_unit="meter",
            )
            by_article.setdefault(ids[n], []).append((value, figure_range(d.metres, None, d.approximate, d.text)))
        if len(by_article) > 1 and _disagreeing(by_article):
            found.append(
                Disagreement(kind="distance", about=_distance_about([items[k][1] for k in group]),
                             values=[v for vs in by_article.values() for v, _ in vs])
            )
    return found


def _distance_about(distances: list[Distance]) -> str:
    def shortest(texts: list[str]) -> Optional[str]:
        if not texts:
            return None
        text = min(texts, key=len)
        # "The bridge" opening a sentence reads "the bridge" mid-phrase
        return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", text)

    subject = shortest([d.subject.text for d in distances if d.subject])
    reference = shortest([d.reference.text for d in distances if d.reference])
    if subject and reference:
        return f"distance of {subject} from {reference}"
    if reference:
        return f"distance from {reference}"
    return f"distance of {subject}" if subject else "distance"


# --- the event's date -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])|\n+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def lead_dates(article: Article) -> list[DateMention]:
    """Day-precise dates in the first ``LEAD_SENTENCES`` sentence(s) of the body that speak of
    the event (an event word such as killed, struck, attack) and name a day: the lead dates
    the event; later sentences date what followed (funerals, statements)."""
    from ..reading.boilerplate import skip_place_dateline

    text = article.text or ""
    lo, hi = article.body or (0, len(text))
    lo = skip_place_dateline(text, lo)  # "KHARKIV, June 19 (Wire) - ": the filing day, not the event's
    events = event_words()
    dates = sorted(
        (d for d in article.dates if d.value and _DAY.match(d.value) and NAMED_DAY.search(d.text) and lo <= d.span[0] < hi),
        key=lambda d: d.span,
    )
    if not dates:
        return []
    found: list[DateMention] = []
    used = 0
    start = lo
    for m in [*_SENTENCE_END.finditer(text, lo, hi), None]:
        end = m.start() if m else hi
        inside = [d for d in dates if start <= d.span[0] < end]
        if inside and content_words(text[start:end]) & events:
            found.extend(inside)
            used += 1
            if used >= LEAD_SENTENCES:
                break
        if m is None:
            break
        start = m.end()
    return found


def date_disagreements(articles: list[Article], ids: list[str], source_of) -> list[Disagreement]:
    """Articles whose lead sentences put the event on days that the others never name."""
    days: dict[str, set[str]] = {}
    values: dict[str, list[DisagreementValue]] = {}
    for article, article_id in zip(articles, ids):
        for d in lead_dates(article):
            assert d.value is not None  # lead dates all name a day
            days.setdefault(article_id, set()).add(d.value[:10])
            values.setdefault(article_id, []).append(
                DisagreementValue(article=article_id, ref=d.id, text=d.text, source=source_of(article, d.span), span=d.span)
            )
    groups = list(days.values())
    if any(not a & b for i, a in enumerate(groups) for b in groups[i + 1 :]):
        return [Disagreement(kind="date", about="when it happened", values=[v for vs in values.values() for v in vs])]
    return []


def figure_disagreements(articles: list[Article], ids: list[str], source_of) -> list[Disagreement]:
    """Every figure disagreement of one story."""
    return [
        *distance_disagreements(articles, ids, source_of),
        *count_disagreements(articles, ids, source_of),
        *measure_disagreements(articles, ids, source_of),
        *date_disagreements(articles, ids, source_of),
    ]
