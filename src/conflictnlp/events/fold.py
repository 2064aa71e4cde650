"""One event per incident: candidates that agree on place, day and type fold into one."""

from __future__ import annotations

from ..model import DateMention, Location
from .candidate import Candidate
from .dates import _iso_range
from .places import FEATURE_RANK


def _vague(candidate: Candidate) -> bool:
    """A weak trigger that its weapon word has not made a strike ("attacked" beside "helicopter
    gunships" is an air strike): it folds into any event and takes that event's type."""
    return candidate.trigger.weak and not (candidate.trigger.remote and candidate.type == "explosions_remote_violence")


_TERRITORY_CHANGES = frozenset({"government_regains_territory", "non_state_actor_overtakes_territory", "non_violent_transfer_of_territory"})


def _same_kind(a: Candidate, b: Candidate) -> bool:
    """Same type, or both a change of territory ("Rebels entered Damascus ... Army units abandoned
    their posts without a fight": one town changing hands, told twice); but two live-blog entries
    that tell strikes of different sub-types are two incidents ("10:15 - Russian shelling of
    Kherson ... 10:40 - In Nikopol, a Russian FPV drone struck a minibus")."""
    if a.entry is not None and b.entry is not None and a.entry != b.entry and a.sub_type != b.sub_type:
        return False
    return a.type == b.type or a.sub_type in _TERRITORY_CHANGES and b.sub_type in _TERRITORY_CHANGES


def _rank(place: Location) -> int:
    return FEATURE_RANK.get(place.feature or "other", 0)


def _same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.name or a.text) == (b.name or b.text):
        return True
    # a province named next to a town in it ("Kharkiv region" and Vovchansk)
    for wide, narrow in ((a, b), (b, a)):
        if wide.feature == "admin1" and narrow.admin1 and wide.country_code == narrow.country_code and _same_name(wide, narrow.admin1):
            return True
    # a country or region named next to a town in it is the same place, less precisely
    coarse = {"country", "admin1", "region"}
    if a.feature in coarse or b.feature in coarse:
        return a.country_code is not None and a.country_code == b.country_code and (a.feature == "country" or b.feature == "country")
    return False


def _same_name(place: Location, admin1: str) -> bool:
    """The province's name and a town's ``admin1`` agree ("Kharkiv Oblast", "Kharkiv")."""
    names = {(place.name or "").lower(), place.text.lower()}
    admin = admin1.lower()
    return any(n and (n == admin or n.split()[0] == admin.split()[0]) for n in names)


def _same_country(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or a.country_code is None or b.country_code is None:
        return True
    return a.country_code == b.country_code


def _same_day(a: DateMention | None, b: DateMention | None) -> bool:
    if a is None or b is None:
        return True
    return _iso_range(a.value) == _iso_range(b.value)


def _fold(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that agree on place and day and on the kind of event become one event; a
    weak trigger ("killed", "attacked") folds into any event it agrees with."""
    events: list[Candidate] = []
    for candidate in candidates:
        into = None
        if not candidate.separate:
            into = next(
                (e for e in reversed(events)
                 if _same_place(e.location, candidate.location) and _same_day(e.date, candidate.date)
                 and (_same_kind(e, candidate) or _vague(candidate) or _vague(e))),
                None,
            )
        # the headline sums up the lead: it folds with the body's first event of its kind in the
        # same country, however differently the two name the place ("Gaza" and "Gaza City")
        if into is None and len(events) == 1 and events[0].headline and not candidate.headline and not candidate.separate:
            head = events[0]
            if _same_country(head.location, candidate.location) and _same_day(head.date, candidate.date) and (
                _same_kind(head, candidate) or _vague(candidate) or _vague(head)
            ):
                into = head
        if into is None:
            events.append(candidate)
            continue
        _merge(into, candidate)
        if into.headline and not candidate.headline and candidate.location is not None and into.location is not None \
                and _rank(candidate.location) <= _rank(into.location):
            # a place of the same kind as the headline's or finer: the body's, which tells the report
            # in full, even where the gazetteer has no point for it ("Lubero: au moins 18 civils
            # tués. ... in Mamove village")
            into.location, into.where_prec = candidate.location, candidate.where_prec
    return events


def _merge(into: Candidate, other: Candidate) -> None:
    if _vague(into) and not _vague(other):
        into.trigger, into.type, into.sub_type, into.trigger_span = other.trigger, other.type, other.sub_type, other.trigger_span
    into.sentences.extend(s for s in other.sentences if s not in into.sentences)
    into.quantities.extend(other.quantities)
    into.additive |= other.additive
    into.partitive |= other.partitive
    into.perpetrator = into.perpetrator or other.perpetrator
    into.retarget = into.target is None and other.target is not None
    into.target = into.target or other.target
    if other.location is not None and (into.location is None or (into.where_prec or 9) > (other.where_prec or 9)):
        into.location, into.where_prec = other.location, other.where_prec
    into.date = into.date or other.date
