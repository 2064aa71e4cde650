"""Places, round 4 (events challenge misses): "the X area of Y", "the Lebanese town of X", a
place with an area word, villages with their container in parentheses, incident heads after a
date, all-caps datelines and sentence-initial common words. Headlines written for these tests."""

from __future__ import annotations

import pytest

from conflictnlp.places.gazetteer import get_gazetteer
from conflictnlp.places.resolve import Mention, Resolver
from tests.conftest import assert_offsets


def places(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    assert_offsets(doc._.article.to_dict())
    return {loc.text: loc.country_code for loc in doc._.locations if not loc.adjectival}


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen opened fire in the Hay Andalus district of Tripoli on Monday.", "Hay Andalus", "LY"),
    ("Police said a car bomb went off in the Karte Sakhi area of Kabul.", "Karte Sakhi", "AF"),
    ("Residents fled from the Zarqoun quarter of Aleppo overnight.", "Zarqoun", "SY"),
])
def test_the_named_area_of_a_town_is_a_place(places_nlp, text, name, country):
    found = places(places_nlp, text)
    assert found.get(name) == country


def test_town_of_x_after_a_demonym_is_the_town_not_the_country(places_nlp):
    found = places(places_nlp, "A drone hit a car in the southern Lebanese town of Kfar Shouba on Monday.")
    assert "Kfar Shouba" in found
    assert not any("Lebanese" in text for text in found)


def test_town_with_an_area_word_is_the_area():
    resolver = Resolver(get_gazetteer())
    area = resolver.candidates(Mention(text="Taiz", start=0, end=4, areas_only=True))
    town = resolver.candidates(Mention(text="Taiz", start=0, end=4))
    assert area and all(p.feature == "admin1" for p in area)
    assert all(p.feature == "city" for p in town)
    # a town whose area has another name keeps the town ("Mosul" is in Nineveh)
    assert all(p.feature == "city" for p in resolver.candidates(Mention(text="Mosul", start=0, end=5, areas_only=True)))


def test_village_name_runs_to_its_settlement_noun(places_nlp):
    found = places(places_nlp, "On 3 May 2025, jets bombed Let Pan Gyi village (Magway region), residents said.")
    assert "Let Pan Gyi" in found and "Let Pan" not in found


def test_name_before_its_container_in_parentheses_is_a_place(places_nlp):
    found = places(places_nlp, "On 2 June 2025, settlers burned two cars in Khirbet Zanuta (Hebron), a rights group said.")
    assert found.get("Khirbet Zanuta") == "PS"


@pytest.mark.parametrize("text, name", [
    ("Oct 2, 2024 - Syria, Mayadin: drone strike on a car.", "Mayadin"),
    ("3 March - Haiti, Bel Air: gang members burned a school.", "Bel Air"),
])
def test_incident_head_names_after_a_date_are_places(places_nlp, text, name):
    assert name in places(places_nlp, text)


def test_all_caps_dateline_with_a_hyphenated_name(places_nlp):
    found = places(places_nlp, "PORT-AU-PRINCE, Haiti (AP) - Police said gangs burned a clinic.")
    assert found.get("PORT-AU-PRINCE") == "HT" and "PRINCE" not in found


def test_place_names_after_a_date_are_cut_before_it(places_nlp):
    found = places(places_nlp, "BAMAKO (Reuters) - Jihadists killed 4 herders in Boulkessi on Friday.")
    assert "Boulkessi" in found and not any("Friday" in text for text in found)


def test_sentence_initial_common_word_is_no_exonym(places_nlp):
    found = places(places_nlp, "Grenade blast wounds three at Kirkuk market")
    assert "Grenade" not in found and found.get("Kirkuk") == "IQ"


def test_big_town_after_a_cue_tagged_adjective(places_nlp):
    assert places(places_nlp, "Cartel gunmen kill 4 in Mazatlan bar shooting").get("Mazatlan") == "MX"
