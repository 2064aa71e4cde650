"""The typed result model: one set of dataclasses for the API, the CLI and the batch writer.

Every record conflictnlp writes is ``Article.to_dict()``; every record it reads back is
``Article.from_dict()``. The JSON Schema shipped in ``data/article.schema.json`` is generated
from these classes (``python -m conflictnlp.schema``), so there is no second copy of the schema.
All spans are ``(start, end)`` character offsets, end exclusive, into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional, TypeVar

from pydantic import ConfigDict, TypeAdapter

Offsets = tuple[int, int]
QuoteType = Literal["direct", "indirect", "mixed"]
Stance = Literal["asserted", "hedged", "denied", "unconfirmed"]
QuantityKind = Literal["length", "mass", "currency", "count", "duration", "percent", "area", "volume", "speed", "temperature", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
LocationFeature = Literal["country", "admin1", "admin2", "city", "region", "border", "water", "other"]
DisagreementKind = Literal["distance", "quantity", "date", "stance", "source"]
CasualtyRole = Literal["killed", "wounded", "casualties", "missing", "abducted", "detained", "displaced", "evacuated"]
CasualtyBound = Literal["at_least", "more_than", "up_to", "about"]
EventType = Literal["battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots", "strategic_developments"]
ViolenceType = Literal["state_based", "non_state", "one_sided"]

T = TypeVar("T")


_ADAPTERS: dict[Any, TypeAdapter] = {}


def _adapter(tp: Any) -> TypeAdapter:
    """The pydantic adapter of a type (a class or an alias such as ``list[Quote]``), built once."""
    adapter = _ADAPTERS.get(tp)
    if adapter is None:
        adapter = _ADAPTERS[tp] = TypeAdapter(tp)
    return adapter


class _Record:
    """Mixin giving every result class the same JSON round trip."""

    # every field is always written, so the schema lists them all as required
    __pydantic_config__ = ConfigDict(json_schema_serialization_defaults_required=True)

    def __setattr__(self, name: str, value: Any) -> None:
        if self.__dict__.get("_read_only"):
            raise AttributeError(
                f"{type(self).__name__} objects read from a Doc are copies; setting {name!r} on one would be lost. "
                "Use dataclasses.replace(item, ...) and assign the list back (doc._.quotes = [...])."
            )
        object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict with the field names and order of the public contract (docs/contract.md)."""
        return _adapter(type(self)).dump_python(self, mode="json")

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        """Build (and validate) an instance from a dict as written by ``to_dict``."""
        return _adapter(cls).validate_python(data)


def freeze(item: Any) -> None:
    """Mark a result object, and the result objects inside it, read-only (see ``_Record``)."""
    if isinstance(item, _Record):
        if item.__dict__.get("_read_only"):
            return
        for value in vars(item).values():
            if isinstance(value, list):
                for element in value:
                    freeze(element)
            else:
                freeze(value)
        item.__dict__["_read_only"] = True


@dataclass
class TextSpan(_Record):
    """A piece of the article: its text and offsets."""

    text: str
    span: Offsets


@dataclass
class MultiSpan(_Record):
    """Text that may be split over several pieces (a quote interrupted by its attribution)."""

    text: str
    spans: list[Offsets]


@dataclass
class Quote(_Record):
    """An attributed statement: who said what, with which cue."""

    id: str
    type: QuoteType
    content: MultiSpan
    cue: Optional[TextSpan] = None
    speaker: Optional[TextSpan] = None
    speaker_name: Optional[str] = None
    speaker_role: Optional[str] = None
    confidence: float = 0.0
    # additive: for a report nested in another's content ("France 24 reported that the
    # ministry said X"), the id of the quote it is nested in and the outer speakers,
    # outermost first (["France 24"])
    nested_in: Optional[str] = None
    via: list[str] = field(default_factory=list)


@dataclass
class Claim(_Record):
    """Something asserted to have happened, by whom, with which stance."""

    id: str
    text: str
    span: Offsets
    source: Optional[str] = None
    quote_id: Optional[str] = None
    stance: Stance = "asserted"
    hedges: list[TextSpan] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    distances: list[str] = field(default_factory=list)
    # additive: the claim's event word (its predicate), and for reported claims the outer
    # sources the report came through, outermost first (["France 24"] for "France 24
    # reported that the ministry said X", whose source is the ministry)
    event: Optional[TextSpan] = None
    via: list[str] = field(default_factory=list)


@dataclass
class Location(_Record):
    """A place mention resolved (where possible) to a gazetteer entry."""

    id: str
    text: str
    span: Offsets
    name: Optional[str] = None
    country_code: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    feature: Optional[LocationFeature] = None
    adjectival: bool = False
    """The mention is a people's adjective or plural standing for the place ("Ukrainian forces",
    "Palestinians"), not its name."""


@dataclass
class MeasureRestatement(_Record):
    """The same measure restated in another unit: "25 kilometers (16 miles)"."""

    value: float
    unit: Optional[str]
    span: Offsets


@dataclass
class Distance(_Record):
    """A distance normalised to metres, with what it locates and from where."""

    id: str
    text: str
    span: Offsets
    value: float
    unit: str
    metres: float
    approximate: bool = False
    also: list[MeasureRestatement] = field(default_factory=list)
    reference: Optional[TextSpan] = None
    subject: Optional[TextSpan] = None


@dataclass
class Casualty(_Record):
    """What a count of people says happened to them: a toll ("killing 12 soldiers").

    ``role``: killed, wounded, casualties (killed or wounded, not said which), missing,
    abducted, detained, displaced or evacuated. ``who``: the people counted as written
    ("S.African soldiers", "FACA"), null for a bare count ("Seven slain"). ``bound``: how the
    number is stated, null when exact. ``low``/``high``: the fewest and the most the words
    allow, as written (13 and null for "at least 13", null and 20 for "up to 20", 24 and 99
    for "dozens", 0 and 0 for "no casualties"). ``cue``: the word that says what happened.
    ``cumulative``: a running total over many events (a war's, a country's, a month's), not
    the toll of the event reported. ``part``: a part of a toll given beside it ("five children"
    in "18 people, including five children"; "two of the wounded"), already counted there: not
    to be added to it.
    """

    role: CasualtyRole
    who: Optional[str] = None
    bound: Optional[CasualtyBound] = None
    low: Optional[float] = None
    high: Optional[float] = None
    cue: Optional[TextSpan] = None
    cumulative: bool = False
    part: bool = False


@dataclass
class Quantity(_Record):
    """A number with its unit or counted noun; ``casualty`` where it is a toll.

    ``implicit``: no number is written, the words imply it: a toll of one read from a singular
    noun ("a policeman was shot dead") or of nobody ("no casualties").
    """

    id: str
    text: str
    span: Offsets
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    kind: QuantityKind = "count"
    concept: Optional[str] = None
    approximate: bool = False
    implicit: bool = False
    casualty: Optional[Casualty] = None


@dataclass
class DateMention(_Record):
    """A temporal expression with its TimeML type and value (null when unresolvable)."""

    id: str
    text: str
    span: Offsets
    type: TimexType = "DATE"
    value: Optional[str] = None
    granularity: Optional[str] = None


@dataclass
class EventActor(_Record):
    """One side of an event: the mention, and the actor it names (``kind``: state_forces,
    rebel_group, militia, armed_group, civilians, protesters, rioters, peacekeepers, ...)."""

    text: str
    span: Offsets
    name: Optional[str] = None
    kind: Optional[str] = None


@dataclass
class EventActors(_Record):
    perpetrator: Optional[EventActor] = None
    target: Optional[EventActor] = None


@dataclass
class Toll(_Record):
    """A count across an event's figures: ``low`` the lowest credible, ``high`` the highest,
    ``best`` the most reliable (see docs/events.md); nulls where nothing is said."""

    low: Optional[float] = None
    best: Optional[float] = None
    high: Optional[float] = None


@dataclass
class EventFigure(_Record):
    """A count behind an event's toll: the quantity, who gives it, in which claim, with which stance."""

    role: str
    quantity: str
    value: float
    source: Optional[str] = None
    claim: Optional[str] = None
    stance: Optional[Stance] = None


@dataclass
class Event(_Record):
    """An incident an article reports, coded as ACLED (type, sub_type) and UCDP GED
    (violence, where_prec, date_prec, fatalities low/best/high) code them."""

    id: str
    type: EventType
    sub_type: str
    violence: Optional[ViolenceType] = None
    trigger: Optional[TextSpan] = None
    actors: EventActors = field(default_factory=EventActors)
    location: Optional[str] = None
    where_prec: Optional[int] = None
    date: Optional[str] = None
    date_start: Optional[str] = None
    date_end: Optional[str] = None
    date_prec: Optional[int] = None
    fatalities: Toll = field(default_factory=Toll)
    wounded: Toll = field(default_factory=Toll)
    figures: list[EventFigure] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)


@dataclass
class Article(_Record):
    """One output record: an article and everything extracted from its body."""

    id: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    body: Optional[Offsets] = None
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    distances: list[Distance] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # The text every span points into (for HTML input: the extracted text).
    text: Optional[str] = None


# --- stories across outlets (`conflictnlp compare`) -------------------------------------------


@dataclass
class QuoteMember(_Record):
    article: str
    quote: str
    speaker: Optional[str] = None  # how this article names the speaker ("the regional governor")


@dataclass
class StoryQuote(_Record):
    """One statement as each outlet rendered it."""

    id: str
    speaker_name: Optional[str]
    members: list[QuoteMember] = field(default_factory=list)


@dataclass
class ClaimMember(_Record):
    article: str
    claim: str
    source: Optional[str] = None
    stance: Stance = "asserted"


@dataclass
class StoryClaim(_Record):
    """One fact as each outlet reported it."""

    id: str
    summary: str
    members: list[ClaimMember] = field(default_factory=list)


@dataclass
class DisagreementValue(_Record):
    """One side of a disagreement: what one article says, with a reference into its record."""

    article: str
    ref: str
    text: str
    value: Optional[float] = None
    unit: Optional[str] = None
    metres: Optional[float] = None
    source: Optional[str] = None
    stance: Optional[Stance] = None
    span: Optional[Offsets] = None
    approximate: Optional[bool] = None
    # the value in SI base units (pint's names: "kilogram", "meter"), so figures given in
    # different units compare ("120 tonnes" = 120000 kilogram, "110 tons" = 99790 kilogram)
    normalised: Optional[float] = None
    normalised_unit: Optional[str] = None


@dataclass
class Disagreement(_Record):
    kind: DisagreementKind
    about: str
    values: list[DisagreementValue] = field(default_factory=list)


@dataclass
class Story(_Record):
    """Articles about one incident, with their aligned quotes and claims."""

    id: str
    articles: list[str] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    claims: list[StoryClaim] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass
class Stories(_Record):
    """The output of ``conflictnlp compare``."""

    stories: list[Story] = field(default_factory=list)


RESULT_LISTS: dict[str, type] = {
    "quotes": Quote,
    "claims": Claim,
    "locations": Location,
    "distances": Distance,
    "quantities": Quantity,
    "dates": DateMention,
    "events": Event,
}
"""The per-article result lists, by record key, with their element class."""


# characters that end a line for str.splitlines() and many JSONL readers, though JSON lets a
# string hold them raw: escaped, a record stays one line whatever its text holds
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
_LINE_BREAK_TABLE = str.maketrans(_LINE_BREAKS)


def json_line(data: dict[str, Any]) -> str:
    """One record as a JSONL line (newline included): UTF-8 text as is, but no character
    inside that any reader could take for the end of the line."""
    import json

    return json.dumps(data, ensure_ascii=False).translate(_LINE_BREAK_TABLE) + "\n"


def json_schema(cls: type = Article) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a result class, generated from the dataclasses."""
    schema = _adapter(cls).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
