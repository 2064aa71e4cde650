"""Figures that disagree across the articles of a story, on hand-built records: counts by what
is counted, converted quantities, distances by reference, the event's day, and what is no
disagreement (bounds, subsets, different things, one article against itself)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conflictnlp.measures.units import to_base_units
from conflictnlp.model import (
    Article,
    Casualty,
    DateMention,
    Distance,
    Quantity,
    TextSpan,
)
from conflictnlp.stories.figures import (
    count_disagreements,
    date_disagreements,
    distance_disagreements,
    measure_disagreements,
    toll_role,
)


def no_source(article, span):
    return None


def quantity(text: str, piece: str, value: float, ident: str = "n1", occurrence: int = 0, **fields) -> Quantity:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Quantity(id=ident, text=piece, span=(start, start + len(piece)), value=value, **fields)


def article(ident: str, text: str, **fields) -> Article:
    return Article(id=ident, text=text, body=(0, len(text)), **fields)


def test_compare_reads_the_toll_role_from_the_casualty_reading_only():
    """One casualty reader (measures/casualties.py): compare takes ``Quantity.casualty`` as an
    object or, in a record read back, a dict, and reads no words around the count."""
    text = "Four people were hurt in the blast."
    q = quantity(text, "Four people", 4)
    assert toll_role(q) is None  # no reading: no toll, whatever the words say
    q.casualty = Casualty("wounded", low=4, high=4)
    assert toll_role(q) == "wounded"
    assert toll_role({"casualty": {"role": "detained", "low": None, "high": None, "cumulative": False}}) == "detained"
    q.casualty = Casualty("killed", low=4, high=4, cumulative=True)  # a war's running total
    assert toll_role(q) is None


def test_a_part_of_a_total_is_no_toll_of_its_own_for_compare():
    """measures marks "two of the wounded", "among them two children" as parts; compare must not
    set them against another outlet's number of wounded (the examples' Kupiansk story did)."""
    text = "Shelling wounded 30 people, among them two children."
    q = quantity(text, "two children", 2, casualty=Casualty("wounded", low=2, high=2, part=True))
    assert toll_role(q) is None
    assert toll_role({"casualty": {"role": "wounded", "part": True}}) is None


def test_a_toll_given_as_a_range_by_the_extraction_fits_a_number_inside_it():
    text = "Dozens of people were wounded in the blast."
    dozens = SimpleNamespace(**{**quantity(text, "Dozens of people", 24, concept="people").__dict__,
                                "casualty": {"role": "wounded", "low": 24, "high": 99, "cumulative": False}})
    first = article("a", text)
    first.quantities = [dozens]
    other = _wounded("b", "Forty people were wounded, officials said.", "Forty people", 40)
    assert count_disagreements([first, other], ["a", "b"], no_source) == []
    few = _wounded("c", "Ten people were wounded, officials said.", "Ten people", 10)
    assert len(count_disagreements([first, few], ["a", "c"], no_source)) == 1


def _toll(role: str, value: float, value_max: float | None = None, **fields) -> Casualty:
    return Casualty(role, low=value, high=value if value_max is None else value_max, **fields)


def _wounded(ident: str, text: str, piece: str, value: float, role: str = "wounded", **fields) -> Article:
    toll = _toll(role, value, **fields)
    return article(ident, text, quantities=[quantity(text, piece, value, concept=piece.split()[-1], casualty=toll)])


def test_wounded_five_against_four_is_a_disagreement_but_four_to_six_against_five_is_not():
    east = _wounded("east", "Three civilians were killed and five others wounded.", "five others", 5)
    courier = _wounded("courier", "Four people were wounded, the prosecutor's office said.", "Four people", 4)
    found = count_disagreements([east, courier], ["east", "courier"], no_source)
    assert [(d.about, sorted(v.value for v in d.values)) for d in found] == [("number wounded", [4, 5])]
    text = "Between four and six people were wounded."
    ranged = article("ranged", text, quantities=[quantity(text, "four and six people", 4, value_max=6, concept="people", casualty=_toll("wounded", 4, 6))])
    assert count_disagreements([east, ranged], ["east", "ranged"], no_source) == []
    # "at least four" against five: a difference in the tolls the outlets give
    bound = _wounded("bound", "At least four people were wounded.", "At least four people", 4)
    assert len(count_disagreements([east, bound], ["east", "bound"], no_source)) == 1


def test_one_article_never_disagrees_with_itself():
    text = "Four people were wounded, officials said. Later five people were wounded, a doctor said."
    one = article("one", text, quantities=[quantity(text, "Four people", 4, "n1", casualty=_toll("wounded", 4)),
                                           quantity(text, "five people", 5, "n2", casualty=_toll("wounded", 5))])
    assert count_disagreements([one], ["one"], no_source) == []


def test_a_cumulative_toll_is_no_disagreement_with_one_days_count():
    day = _wounded("day", "Three people were killed in the strike.", "Three people", 3, role="killed")
    war = _wounded("war", "The war has killed 10,000 civilians in the region.", "10,000 civilians", 10000, role="killed", cumulative=True)
    assert count_disagreements([day, war], ["day", "war"], no_source) == []


def test_tonnes_and_short_tons_are_converted_with_pint():
    assert to_base_units(120, "tonne") == (120000.0, "kilogram")
    assert to_base_units(110, "ton")[0] == pytest.approx(99790.3, rel=1e-4)
    first_text = "The convoy was carrying about 120 tonnes of flour to villages on the river."
    second_text = "The trucks were carrying roughly 110 tons of food to villages along the river."
    first = article("a", first_text, quantities=[quantity(first_text, "about 120 tonnes of flour", 120, unit="tonne", kind="mass", concept="flour", approximate=True)])
    second = article("b", second_text, quantities=[quantity(second_text, "roughly 110 tons of food", 110, unit="ton", kind="mass", concept="food", approximate=True)])
    (found,) = measure_disagreements([first, second], ["a", "b"], no_source)
    assert {v.article: round(v.normalised) for v in found.values} == {"a": 120000, "b": 99790}
    assert {v.normalised_unit for v in found.values} == {"kilogram"}
    # 132 short tons are 119.7 tonnes: the same cargo
    same_text = second_text.replace("roughly 110 tons", "roughly 132 tons")
    same = article("c", same_text, quantities=[quantity(same_text, "roughly 132 tons of food", 132, unit="ton", kind="mass", concept="food", approximate=True)])
    assert measure_disagreements([first, same], ["a", "c"], no_source) == []


def _distance(ident: str, text: str, piece: str, metres: float, reference: str, subject: str = "") -> Article:
    def ts(part: str) -> TextSpan:
        start = text.index(part)
        return TextSpan(part, (start, start + len(part)))

    start = text.index(piece)
    d = Distance(id="m1", text=piece, span=(start, start + len(piece)), value=metres / 1000, unit="kilometre", metres=metres,
                 approximate=True, reference=ts(reference), subject=ts(subject) if subject else None)
    return article(ident, text, distances=[d])


def test_distances_from_one_reference_in_other_words_disagree():
    east = _distance("east", "The convoy was hit on a road about 40 kilometers from the Russian border.", "about 40 kilometers", 40000, "the Russian border", "a road")
    north = _distance("north", "The convoy of about 30 trucks was hit roughly 25 km from the border with Russia.", "roughly 25 km", 25000, "the border with Russia", "The convoy of about 30 trucks")
    (found,) = distance_disagreements([east, north], ["east", "north"], no_source)
    assert sorted(v.metres for v in found.values) == [25000, 40000]
    kharkiv = _distance("kh", "The city lies some 120 kilometers east of Kharkiv.", "some 120 kilometers", 120000, "Kharkiv", "The city")
    assert distance_disagreements([east, kharkiv], ["east", "kh"], no_source) == []


def _dated(ident: str, text: str, piece: str, value: str) -> Article:
    start = text.index(piece)
    return article(ident, text, dates=[DateMention(id="d1", text=piece, span=(start, start + len(piece)), value=value, granularity="day")])


def test_late_on_sunday_night_and_on_monday_disagree_on_when_it_happened():
    first = _dated("a", "Drones struck a fuel depot late on Sunday night, killing four.", "late on Sunday night", "2024-07-07TNI")
    second = _dated("b", "Drones hit a fuel depot on Monday, killing three people.", "Monday", "2024-07-08")
    (found,) = date_disagreements([first, second], ["a", "b"], no_source)
    assert {(v.article, v.text) for v in found.values} == {("a", "late on Sunday night"), ("b", "Monday")}
    same = _dated("c", "A drone attack set the depot on fire on Sunday, officials said.", "Sunday", "2024-07-07")
    assert date_disagreements([first, same], ["a", "c"], no_source) == []
    # a date in a sentence about something else (a funeral, a meeting) does not date the event
    other = _dated("d", "Mourners gathered on Monday for a memorial service in the town square.", "Monday", "2024-07-08")
    assert date_disagreements([first, other], ["a", "d"], no_source) == []


def test_only_a_named_day_dates_the_event():
    text = "Firefighters worked through the night after drones struck the depot, killing four."
    vague = _dated("a", text, "the night", "2024-07-08TNI")
    monday = _dated("b", "Drones hit a fuel depot on Monday, killing three people.", "Monday", "2024-07-08")
    sunday = _dated("c", "Drones struck a fuel depot on Sunday, killing four.", "Sunday", "2024-07-07")
    assert date_disagreements([vague, sunday], ["a", "c"], no_source) == []
    assert len(date_disagreements([monday, sunday], ["b", "c"], no_source)) == 1


def test_a_length_that_is_a_distance_is_compared_once_as_a_distance():
    east = _distance("east", "The convoy was hit on a road about 40 kilometers from the Russian border.", "about 40 kilometers", 40000, "the Russian border", "a road")
    north = _distance("north", "The convoy was hit roughly 25 km from the border with Russia.", "roughly 25 km", 25000, "the border with Russia")
    for record, piece, value in ((east, "about 40 kilometers", 40), (north, "roughly 25 km", 25)):
        record.quantities = [quantity(record.text, piece, value, unit="kilometre", kind="length", approximate=True)]
    assert measure_disagreements([east, north], ["east", "north"], no_source) == []
    assert len(distance_disagreements([east, north], ["east", "north"], no_source)) == 1
