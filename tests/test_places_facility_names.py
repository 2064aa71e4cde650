"""A country's name inside a facility's proper name is no country (places/matcher.py,
``_country_in_facility_name``; words in data/places.toml ``facility_name_tails`` and
``facility_name_heads``). Hand-built parses; sentences written for these tests."""

from __future__ import annotations

from tests.helpers import place_points as locations


def test_a_country_after_a_facility_word_is_part_of_the_facility_name():
    found = locations("Shells/NOUN hit/VERB the/DET Souq/PROPN/B-FAC Libya/PROPN/I-FAC market/NOUN in/ADP "
                      "Omdurman/PROPN/B-GPE on/ADP Sunday/PROPN/B-DATE ,/PUNCT killing/VERB 12/NUM/B-CARDINAL people/NOUN ./PUNCT")
    assert "Libya" not in found and found["Omdurman"][0] == "SD"


def test_a_country_before_a_capitalised_facility_word_is_part_of_the_facility_name():
    found = locations("Hundreds/NOUN of/ADP protesters/NOUN gathered/VERB on/ADP Libya/PROPN/B-FAC Street/PROPN/I-FAC "
                      "in/ADP Khartoum/PROPN/B-GPE on/ADP Monday/PROPN/B-DATE ,/PUNCT witnesses/NOUN said/VERB ./PUNCT")
    assert "Libya" not in found and found["Khartoum"][0] == "SD"
    hospital = locations("The/DET wounded/NOUN were/AUX taken/VERB to/ADP the/DET Kuwait/PROPN/B-FAC Hospital/PROPN/I-FAC "
                         "in/ADP Rafah/PROPN/B-GPE ,/PUNCT medics/NOUN said/VERB ./PUNCT")
    assert "Kuwait" not in hospital and "Rafah" in hospital


def test_the_country_itself_and_a_town_in_a_facility_name_stay_places():
    # the country named on its own
    assert locations("Troops/NOUN entered/VERB Libya/PROPN/B-GPE on/ADP Sunday/PROPN/B-DATE ,/PUNCT "
                     "the/DET ministry/NOUN said/VERB ./PUNCT")["Libya"][0] == "LY"
    # a lowercase facility noun says nothing of a proper name ("the Jordan camp" may be in Jordan)
    assert locations("Families/NOUN fled/VERB to/ADP the/DET Jordan/PROPN/B-GPE camp/NOUN near/ADP "
                     "the/DET border/NOUN ,/PUNCT aid/NOUN workers/NOUN said/VERB ./PUNCT")["Jordan"][0] == "JO"
    # the longest known name decides: "Port Sudan Street" names Port Sudan, a town
    found = locations("Drones/NOUN hit/VERB a/DET depot/NOUN near/ADP the/DET Port/PROPN/B-FAC Sudan/PROPN/I-FAC "
                      "Street/PROPN/I-FAC market/NOUN ,/PUNCT witnesses/NOUN said/VERB ./PUNCT")
    assert found.get("Port Sudan", (None,))[0] == "SD" and "Sudan" not in found


def test_a_name_that_is_also_a_state_stays_the_states_place_before_a_facility_word():
    # "Georgia" is a country and a US state: the state's school boards are in Georgia, a place
    found = locations("The/DET Georgia/PROPN/B-ORG School/PROPN/I-ORG Boards/PROPN/I-ORG Association/PROPN/I-ORG "
                      "backed/VERB the/DET plan/NOUN ,/PUNCT its/PRON attorney/NOUN said/VERB ./PUNCT")
    assert "Georgia" in found
