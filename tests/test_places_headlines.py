"""Places in event-data headlines and one-line incident notes (issue 27 item 4): towns a
headline names with no country around them, after a cue of any news language, in title case,
as a label or as the object of an attack; lists; organisations, peoples and media as data."""

from __future__ import annotations

import json

import pytest

from conflictnlp.places.gazetteer import get_gazetteer
from conflictnlp.places.matcher import PlaceMatcher
from tests.conftest import assert_offsets
from tests.helpers import make_doc


def places(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    assert_offsets(doc._.article.to_dict())
    return {loc.text: loc.country_code for loc in doc._.locations if not loc.adjectival}


def test_headline_gold_is_well_formed(fixtures_dir):
    records = [json.loads(line) for line in (fixtures_dir / "places_headlines_dev.jsonl").open(encoding="utf-8")]
    assert len(records) >= 150
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        text = record["text"]
        for item in record["toponyms"]:
            start, end = item["span"]
            assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]
            assert item["country"] is None or len(item["country"]) == 2
            assert item["lat"] is not None and item["lon"] is not None
        for trap in record["not_places"]:
            assert text[trap["span"][0]:trap["span"][1]] == trap["text"]


# --- hand-built parses: the cue decides, not the NER label --------------------------------------

def _french_note(ent: str):
    """ "Attaque à Tillia" (a town of 4,600) with the name tagged as the small model often tags it."""
    return make_doc(
        """
        Attaque attaque NOUN ROOT 0 NN
        à à ADP prep 0 IN
        Tillia Tillia PROPN pobj 1 NNP
        """,
        ents=["O", "O", ent],
    )


@pytest.mark.parametrize("ent", ["B-PERSON", "B-ORG", "O"])
def test_a_conflict_town_after_a_french_cue_is_found_whatever_the_ner_says(ent):
    matcher = PlaceMatcher(get_gazetteer())
    assert [m.text for m in matcher(_french_note(ent))] == ["Tillia"]


def test_the_cue_list_is_what_decides(monkeypatch):
    matcher = PlaceMatcher(get_gazetteer())
    monkeypatch.setattr(matcher, "town_cues", frozenset({"in"}))
    assert [m.text for m in matcher(_french_note("B-PERSON"))] == []


# --- the whole pipeline on one-line headlines (none of them from the gold set) -------------------

@pytest.mark.parametrize("text, name, code", [
    ("Des hommes armés ont tué trois civils à Mobaye", "Mobaye", "CF"),          # French cue, no country named
    ("Gunmen Kill Five Herders In Dikwa", "Dikwa", "NG"),                         # title case
    ("Sibut: armed men loot the health centre overnight", "Sibut", "CF"),         # a label before a colon
    ("Confrontos em Chiure deixam dois mortos", "Chiure", "MZ"),                  # Portuguese cue
    ("Boko Haram fighters attacked Dikwa overnight", "Dikwa", "NG"),              # object of an attack
    ("Bandits Kill 9 In Plateau Village", "Plateau", "NG"),                       # not Plateau Village, US
    ("Soldiers wounded in clashes near Jenin", "Jenin", "PS"),                    # the conflict country's reading
    ("Des hommes armés ont attaqué Riyom hier", "Riyom", "NG"),                   # a French verb's object
    ("Taliban fighters clashed with smugglers in Qalat", "Qalat", "AF"),          # the armed group's country
    ("Shelling of Lyptsi market wounds two", "Lyptsi", "UA"),                     # a town's own name before a facility
])
def test_a_headline_town_is_found_with_its_country(places_nlp, text, name, code):
    assert places(places_nlp, text).get(name) == code


def test_a_list_of_towns_shares_the_country_of_the_one_found(places_nlp):
    found = places(places_nlp, "Shelling hit Synelnykove and Kupiansk and Siversk")
    assert found == {"Synelnykove": "UA", "Kupiansk": "UA", "Siversk": "UA"}


def test_a_town_taken_without_context_keeps_the_continent_of_the_others(places_nlp):
    found = places(places_nlp, "Shelling Hit Vuhledar And Kupiansk And Soledar")
    assert "Hit" not in found and found["Vuhledar"] == "UA"


def test_an_unlisted_headline_village_takes_its_armed_group_country(places_nlp):
    assert places(places_nlp, "ADF Kills 6 In Mayangose") == {"Mayangose": "CD"}


@pytest.mark.parametrize("text, not_place", [
    ("Explosion at mosque kills worshippers in Kunduz, Tolo News reports", "Tolo"),
    ("The Sinaloa Cartel fought for control of Culiacan", "Sinaloa"),
    ("Amhara militiamen and federal soldiers exchanged fire near Woldia", "Amhara"),
    ("Chin resistance takes Falam", "Chin"),
])
def test_organisations_and_peoples_are_no_places(places_nlp, text, not_place):
    found = places(places_nlp, text)
    assert not any(not_place in name for name in found), found


def test_a_name_that_opens_a_clause_after_a_comma_is_no_container(places_nlp):
    """"near Kupiansk, Moscow denies": Moscow is the subject of "denies", not the area
    Kupiansk lies in, so Kupiansk keeps its Ukrainian reading; "Kani, Sagaing region" still pairs."""
    assert places(places_nlp, "Russian drones hit aid convoy near Kupiansk, Moscow denies")["Kupiansk"] == "UA"
    assert places(places_nlp, "Shelling hits Kherson, Kyiv says")["Kherson"] == "UA"
    assert places(places_nlp, "Gunmen attack village near Kani, Sagaing region")["Kani"] == "MM"
