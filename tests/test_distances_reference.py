"""Distances: the reference a distance travelled is measured past."""

from __future__ import annotations

import pytest

from conflictnlp.pipeline import extract
from tests.conftest import assert_offsets


@pytest.mark.parametrize("text, distance, reference", [
    ("The drone flew 25 miles undetected past the Russian border before it was shot down.", "25 miles", "the Russian border"),
    ("Troops advanced 5 km deeper into Ukrainian territory on Tuesday.", "5 km", "Ukrainian territory"),
    ("The convoy drove 40 kilometres unopposed into the town.", "40 kilometres", "the town"),
])
def test_a_word_saying_how_the_distance_was_covered_does_not_hide_the_reference(nlp, text, distance, reference):
    result = extract(text, nlp=nlp)
    assert_offsets(result.to_dict())
    found = [d for d in result.distances if d.text == distance]
    assert found and found[0].reference is not None and found[0].reference.text == reference


def test_a_length_with_an_adjective_and_no_reference_stays_without_one(nlp):
    result = extract("The new road is 5 km long, officials said.", nlp=nlp)
    assert [d.reference for d in result.distances] == [None]


@pytest.mark.parametrize("text, reference", [
    ("Ukrainian troops advanced 10 km to the north-east, the general staff said.", None),
    ("Ukrainian troops advanced about 10 km to the north-east of Bakhmut, the general staff said.", "Bakhmut"),
    ("The village is 5 km to the south of Izium.", "Izium"),
])
def test_a_compass_bearing_is_no_reference_point(nlp, text, reference):
    result = extract(text, nlp=nlp)
    assert_offsets(result.to_dict())
    assert [d.reference.text if d.reference else None for d in result.distances] == [reference]
