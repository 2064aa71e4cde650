"""Rules of the generalisation round, on hand-built parses: a weapon only one side fields names
its state forces, "neutralised N" is a toll of the dead, "X and Y regions" is a region and a
town that names a road gives way, a side that withdraws is the target, a group blamed in the
event's own sentence did it, and people "linked to" a group are it."""

from __future__ import annotations

import pytest

from conflictnlp.model import Quantity
from tests.helpers import chars, place, run_events
from tests.helpers import doc_of as _doc_of


def doc_of(blank, rows, published="2025-03-15"):
    return _doc_of(blank, rows, published)


# <weapon> drones hit a house in Odesa
def weapon_strike(weapon):
    return [(weapon, 1, "compound", "PROPN", weapon.lower()), ("drones", 2, "nsubj", "NOUN", "drone"), ("hit", 2, "ROOT", "VERB", "hit"),
            ("a", 4, "det", "DET", "a"), ("house", 2, "dobj", "NOUN", "house"), ("in", 2, "prep", "ADP", "in"),
            ("Odesa", 5, "pobj", "PROPN", "Odesa")]


@pytest.mark.parametrize("weapon,name", [("Shahed", "Russia"), ("Lancet", "Russia"), ("Bayraktar", None)])
def test_a_weapon_only_one_side_fields_names_its_state_forces(blank, weapon, name):
    doc = doc_of(blank, weapon_strike(weapon))
    doc._.locations = [place(doc, 6, 6, "l1", "UA", "city")]
    [event] = run_events(blank, doc)
    perpetrator = event.actors.perpetrator
    assert (perpetrator.name if perpetrator else None) == name
    if name:
        assert perpetrator.kind == "state_forces" and perpetrator.text == weapon


# A HIMARS strike killed 20 soldiers near Oleshky
HIMARS = [
    ("A", 2, "det", "DET", "a"), ("HIMARS", 2, "compound", "PROPN", "himars"), ("strike", 3, "nsubj", "NOUN", "strike"),
    ("killed", 3, "ROOT", "VERB", "kill"), ("20", 5, "nummod", "NUM", "20"), ("soldiers", 3, "dobj", "NOUN", "soldier"),
    ("near", 3, "prep", "ADP", "near"), ("Oleshky", 6, "pobj", "PROPN", "Oleshky"),
]


def test_the_rival_of_a_weapon_user_is_the_other_side_and_the_strike_is_shelling(blank):
    doc = doc_of(blank, HIMARS)
    doc._.locations = [place(doc, 7, 7, "l1", "UA", "city")]
    [event] = run_events(blank, doc)
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert (event.actors.perpetrator.name, event.actors.target.name) == ("Ukraine", "Russia")
    assert event.violence == "state_based"


# Troops <verb> 13 terrorists in Borno
@pytest.mark.parametrize("verb,lemma,toll", [("neutralised", "neutralise", 13), ("arrested", "arrest", None)])
def test_neutralised_counts_are_a_toll_of_the_dead(blank, verb, lemma, toll):
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), (verb, 1, "ROOT", "VERB", lemma), ("13", 3, "nummod", "NUM", "13"),
            ("terrorists", 1, "dobj", "NOUN", "terrorist"), ("in", 1, "prep", "ADP", "in"), ("Borno", 4, "pobj", "PROPN", "Borno")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "NG", "admin1")]
    s, e = chars(doc, 2, 3)
    doc._.quantities = [Quantity(id="n1", text=doc.text[s:e], span=(s, e), value=13.0, concept="terrorists")]
    [event] = run_events(blank, doc)
    assert event.fatalities.best == toll


# Gunmen killed 30 people in Zamfara and Sokoto states
REGIONS = [
    ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("killed", 1, "ROOT", "VERB", "kill"), ("30", 3, "nummod", "NUM", "30"),
    ("people", 1, "dobj", "NOUN", "people"), ("in", 1, "prep", "ADP", "in"), ("Zamfara", 8, "compound", "PROPN", "Zamfara"),
    ("and", 5, "cc", "CCONJ", "and"), ("Sokoto", 5, "conj", "PROPN", "Sokoto"), ("states", 4, "pobj", "NOUN", "state"),
]


@pytest.mark.parametrize("area,where,prec", [("states", "l1", 4), ("towns", "l2", 1)])
def test_x_and_y_regions_is_the_first_region(blank, area, where, prec):
    rows = [r if r[0] != "states" else (area, *r[1:]) for r in REGIONS]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "NG", "admin1"), place(doc, 7, 7, "l2", "NG", "city")]
    [event] = run_events(blank, doc)
    assert (event.location, event.where_prec) == (where, prec)


# Soldiers killed 6 fighters in an ambush on the Ippy <road> near Bambari
def test_a_town_that_names_a_road_gives_way(blank):
    rows = [("Soldiers", 1, "nsubj", "NOUN", "soldier"), ("killed", 1, "ROOT", "VERB", "kill"), ("6", 3, "nummod", "NUM", "6"),
            ("fighters", 1, "dobj", "NOUN", "fighter"), ("in", 1, "prep", "ADP", "in"), ("an", 6, "det", "DET", "an"),
            ("ambush", 4, "pobj", "NOUN", "ambush"), ("on", 6, "prep", "ADP", "on"), ("the", 10, "det", "DET", "the"),
            ("Ippy", 10, "compound", "PROPN", "Ippy"), ("road", 7, "pobj", "NOUN", "road"), ("near", 1, "prep", "ADP", "near"),
            ("Bambari", 11, "pobj", "PROPN", "Bambari")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 9, 9, "l1", "CF", "city"), place(doc, 12, 12, "l2", "CF", "city")]
    [event] = run_events(blank, doc)
    assert event.location == "l2"


# Ukrainian troops withdrew from Vuhledar
def test_a_side_that_withdraws_is_the_target_with_no_gainer_named(blank):
    rows = [("Ukrainian", 1, "amod", "ADJ", "ukrainian"), ("troops", 2, "nsubj", "NOUN", "troop"), ("withdrew", 2, "ROOT", "VERB", "withdraw"),
            ("from", 2, "prep", "ADP", "from"), ("Vuhledar", 3, "pobj", "PROPN", "Vuhledar")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 4, 4, "l1", "UA", "city")]
    [event] = run_events(blank, doc)
    assert event.sub_type == "non_violent_transfer_of_territory"
    assert event.actors.perpetrator is None and event.actors.target.kind == "state_forces"


# Two soldiers were killed by a drone in El Plateado , the army said , blaming <group>
@pytest.mark.parametrize("group,kind", [("rebels", "rebel_group"), ("weather", None)])
def test_a_group_blamed_in_the_events_own_sentence_did_it(blank, group, kind):
    rows = [("Two", 1, "nummod", "NUM", "two"), ("soldiers", 3, "nsubjpass", "NOUN", "soldier"), ("were", 3, "auxpass", "AUX", "be"),
            ("killed", 13, "ccomp", "VERB", "kill"), ("by", 3, "agent", "ADP", "by"), ("a", 6, "det", "DET", "a"),
            ("drone", 4, "pobj", "NOUN", "drone"), ("in", 3, "prep", "ADP", "in"), ("El", 9, "compound", "PROPN", "El"),
            ("Plateado", 7, "pobj", "PROPN", "Plateado"), (",", 13, "punct", "PUNCT", ","), ("the", 12, "det", "DET", "the"),
            ("army", 13, "nsubj", "NOUN", "army"), ("said", 13, "ROOT", "VERB", "say"), (",", 13, "punct", "PUNCT", ","),
            ("blaming", 13, "advcl", "VERB", "blame"), (group, 15, "dobj", "NOUN", group)]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 8, 9, "l1", "CO", "city")]
    [event] = run_events(blank, doc)
    perpetrator = event.actors.perpetrator
    assert (perpetrator.kind if perpetrator else None) == kind


# Gunmen linked to the Sinaloa cartel killed four people
def test_people_linked_to_a_group_are_the_group(blank):
    rows = [("Gunmen", 6, "nsubj", "NOUN", "gunman"), ("linked", 0, "acl", "VERB", "link"), ("to", 1, "prep", "ADP", "to"),
            ("the", 5, "det", "DET", "the"), ("Sinaloa", 5, "compound", "PROPN", "Sinaloa"), ("cartel", 2, "pobj", "NOUN", "cartel"),
            ("killed", 6, "ROOT", "VERB", "kill"), ("four", 8, "nummod", "NUM", "four"), ("people", 6, "dobj", "NOUN", "people")]
    doc = doc_of(blank, rows)
    [event] = run_events(blank, doc)
    assert (event.actors.perpetrator.name, event.actors.perpetrator.kind) == ("Sinaloa Cartel", "militia")


# <Who> strikes on Ras Isa kill 74
@pytest.mark.parametrize("who,adjectival,name", [("US", False, "US"), ("Heavy", None, None)])
def test_a_country_that_modifies_a_strike_struck_and_places_nothing(blank, who, adjectival, name):
    rows = [(who, 1, "compound" if adjectival is not None else "amod", "PROPN", who.lower()), ("strikes", 5, "nsubj", "NOUN", "strike"),
            ("on", 1, "prep", "ADP", "on"), ("Ras", 4, "compound", "PROPN", "Ras"), ("Isa", 2, "pobj", "PROPN", "Isa"),
            ("kill", 5, "ROOT", "VERB", "kill"), ("74", 5, "dobj", "NUM", "74")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 3, 4, "l1", "YE", "city")]
    if adjectival is not None:
        doc._.locations.append(place(doc, 0, 0, "l2", "US", "country"))
    [event] = run_events(blank, doc)
    perpetrator = event.actors.perpetrator
    assert (perpetrator.name if perpetrator else None) == name
    assert event.location == "l1"


# Rebels attacked a base in Nasir , <describing> the assault
@pytest.mark.parametrize("verb,lemma,trigger", [("describing", "describe", "attacked"), ("after", None, "assault")])
def test_a_trigger_a_naming_verb_takes_reports_nothing_beside_another(blank, verb, lemma, trigger):
    rows = [("Rebels", 1, "nsubj", "NOUN", "rebel"), ("attacked", 1, "ROOT", "VERB", "attack"), ("a", 3, "det", "DET", "a"),
            ("base", 1, "dobj", "NOUN", "base"), ("in", 3, "prep", "ADP", "in"), ("Nasir", 4, "pobj", "PROPN", "Nasir"),
            (",", 1, "punct", "PUNCT", ","), ("describing", 1, "advcl", "VERB", "describe"), ("the", 9, "det", "DET", "the"),
            ("assault", 7, "dobj", "NOUN", "assault")]
    if lemma is None:  # "... , after the assault": the assault, ranked first, reports it
        rows[7] = ("after", 1, "prep", "ADP", "after")
        rows[9] = ("assault", 7, "pobj", "NOUN", "assault")
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "SS", "city")]
    [event] = run_events(blank, doc)
    assert event.trigger.text == trigger


# Gunmen dressed as civilians stormed a checkpoint
@pytest.mark.parametrize("verb,target", [("dressed", None), ("and", "civilians")])
def test_people_someone_is_dressed_as_are_no_actor(blank, verb, target):
    rows = [("Gunmen", 5, "nsubj", "NOUN", "gunman"), (verb, 0, "acl", "VERB", verb), ("as", 1, "prep", "ADP", "as"),
            ("civilians", 2, "pobj", "NOUN", "civilian"), ("quickly", 5, "advmod", "ADV", "quickly"), ("stormed", 5, "ROOT", "VERB", "storm"),
            ("a", 7, "det", "DET", "a"), ("checkpoint", 5, "dobj", "NOUN", "checkpoint")]
    doc = doc_of(blank, rows)
    [event] = run_events(blank, doc)
    kinds = {event.actors.perpetrator.kind if event.actors.perpetrator else None, event.actors.target.kind if event.actors.target else None}
    assert ("civilians" in kinds) == (target == "civilians")


# Rebels seized the Rakhine <town of> Maungdaw
@pytest.mark.parametrize("words,where,prec", [(("town", "of"), "l2", 4), (("villages", "near"), "l1", 4)])
def test_a_town_of_a_region_with_no_point_is_the_place_at_the_regions_precision(blank, words, where, prec):
    rows = [("Rebels", 1, "nsubj", "NOUN", "rebel"), ("seized", 1, "ROOT", "VERB", "seize"), ("the", 4, "det", "DET", "the"),
            ("Rakhine", 4, "compound", "PROPN", "Rakhine"), (words[0], 1, "dobj", "NOUN", words[0]), (words[1], 4, "prep", "ADP", words[1]),
            ("Maungdaw", 5, "pobj", "PROPN", "Maungdaw")]
    doc = doc_of(blank, rows)
    region = place(doc, 3, 3, "l1", "MM", "admin1")
    town = place(doc, 6, 6, "l2", "MM", "city")
    town.lat = town.lon = None
    doc._.locations = [region, town]
    [event] = run_events(blank, doc)
    assert (event.location, event.where_prec) == (where, prec)
