"""Events faults seen on the two outlets' reports of one strike on a fuel depot (the showcase
story), each fixed as a class, on hand-built parses: who is accused of an attack did it and is
no place; helicopters are state forces and make an air strike; what will or would happen, a
strike kept up with no place of its own and supplies seized are no incident (or no territory);
a toll goes to the event whose thing its people were at. And one short story on the whole
pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import assert_offsets
from tests.test_events_articles import day, events_of, parsed, place, toll

# Moscow accused Kyiv of carrying out an air strike on a fuel depot in Belgorod .
ACCUSED_CAPITAL = [
    ("Moscow", 1, "nsubj", "PROPN", "Moscow"), ("accused", 1, "ROOT", "VERB", "accuse"), ("Kyiv", 1, "dobj", "PROPN", "Kyiv"),
    ("of", 1, "prep", "ADP", "of"), ("carrying", 3, "pcomp", "VERB", "carry"), ("out", 4, "prt", "ADP", "out"),
    ("an", 8, "det", "DET", "an"), ("air", 8, "compound", "NOUN", "air"), ("strike", 4, "dobj", "NOUN", "strike"),
    ("on", 8, "prep", "ADP", "on"), ("a", 12, "det", "DET", "a"), ("fuel", 12, "compound", "NOUN", "fuel"),
    ("depot", 9, "pobj", "NOUN", "depot"), ("in", 12, "prep", "ADP", "in"), ("Belgorod", 13, "pobj", "PROPN", "Belgorod"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_capital_accused_of_a_strike_is_its_government_not_the_place(blank):
    doc = parsed(blank.vocab, ACCUSED_CAPITAL)
    doc._.locations = [place(doc, 0, lid="l1", code="RU"), place(doc, 2, lid="l2"), place(doc, 14, lid="l3", code="RU")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "air_drone_strike"
    perpetrator = event.actors.perpetrator
    assert (perpetrator.text, perpetrator.name, perpetrator.kind) == ("Kyiv", "Ukraine", "state_forces")
    assert event.location == "l3"  # Belgorod: not Kyiv (accused) nor Moscow (who accuses)
    assert event.where_prec == 1


# the Kremlin accused the Ukrainians of launching a helicopter attack on a depot on Russian soil .
ACCUSED_PEOPLE = [
    ("the", 1, "det", "DET", "the"), ("Kremlin", 2, "nsubj", "PROPN", "Kremlin"), ("accused", 2, "ROOT", "VERB", "accuse"),
    ("the", 4, "det", "DET", "the"), ("Ukrainians", 2, "dobj", "PROPN", "Ukrainians"), ("of", 2, "prep", "ADP", "of"),
    ("launching", 5, "pcomp", "VERB", "launch"), ("a", 9, "det", "DET", "a"), ("helicopter", 9, "compound", "NOUN", "helicopter"),
    ("attack", 6, "dobj", "NOUN", "attack"), ("on", 9, "prep", "ADP", "on"), ("a", 12, "det", "DET", "a"),
    ("depot", 10, "pobj", "NOUN", "depot"), ("on", 12, "prep", "ADP", "on"), ("Russian", 15, "amod", "ADJ", "russian"),
    ("soil", 13, "pobj", "NOUN", "soil"), (".", 2, "punct", "PUNCT", "."),
]


def test_a_people_accused_of_an_attack_did_it_and_helicopters_make_it_an_air_strike(blank):
    doc = parsed(blank.vocab, ACCUSED_PEOPLE)
    doc._.locations = [place(doc, 4, lid="l1", name="Ukraine", feature="country", adjectival=True),
                       place(doc, 14, 16, lid="l2", code="RU", name="Russia", feature="country")]
    [event] = events_of(blank, doc)
    assert (event.type, event.sub_type) == ("explosions_remote_violence", "air_drone_strike")
    assert (event.actors.perpetrator.name, event.actors.perpetrator.kind) == ("Ukraine", "state_forces")
    assert event.location == "l2" and event.where_prec == 6


# two Ukrainian helicopter gunships attacked the oil depot in Belgorod .
GUNSHIPS = [
    ("two", 3, "nummod", "NUM", "two"), ("Ukrainian", 3, "amod", "ADJ", "ukrainian"), ("helicopter", 3, "compound", "NOUN", "helicopter"),
    ("gunships", 4, "nsubj", "NOUN", "gunship"), ("attacked", 4, "ROOT", "VERB", "attack"), ("the", 7, "det", "DET", "the"),
    ("oil", 7, "compound", "NOUN", "oil"), ("depot", 4, "dobj", "NOUN", "depot"), ("in", 7, "prep", "ADP", "in"),
    ("Belgorod", 8, "pobj", "PROPN", "Belgorod"), (".", 4, "punct", "PUNCT", "."),
]


def test_helicopter_gunships_are_the_armed_actor_of_an_air_strike(blank):
    doc = parsed(blank.vocab, GUNSHIPS)
    doc._.locations = [place(doc, 1, lid="l1", name="Ukraine", feature="country", adjectival=True), place(doc, 9, lid="l2", code="RU")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "air_drone_strike"
    assert (event.actors.perpetrator.name, event.actors.perpetrator.kind) == ("Ukraine", "state_forces")
    assert event.location == "l2"


# The fall of Mariupol will open the way to a peace agreement .
FUTURE_AGREEMENT = [
    ("The", 1, "det", "DET", "the"), ("fall", 5, "nsubj", "NOUN", "fall"), ("of", 1, "prep", "ADP", "of"),
    ("Mariupol", 2, "pobj", "PROPN", "Mariupol"), ("will", 5, "aux", "AUX", "will"), ("open", 5, "ROOT", "VERB", "open"),
    ("the", 7, "det", "DET", "the"), ("way", 5, "dobj", "NOUN", "way"), ("to", 7, "prep", "ADP", "to"),
    ("a", 11, "det", "DET", "a"), ("peace", 11, "compound", "NOUN", "peace"), ("agreement", 8, "pobj", "NOUN", "agreement"),
    (".", 5, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("modal", ["will", "would", "could"])
def test_what_will_or_would_happen_is_no_event(blank, modal):
    rows = [(modal, *row[1:]) if row[0] == "will" else row for row in FUTURE_AGREEMENT]
    doc = parsed(blank.vocab, rows)
    doc._.locations = [place(doc, 3, lid="l1")]
    assert events_of(blank, doc) == []


def test_a_peace_agreement_that_was_signed_is_still_one(blank):
    # The fall of Mariupol opened the way to a peace agreement .  (the same clause, no modal)
    rows = [row for row in FUTURE_AGREEMENT if row[0] != "will"]
    rows = [(w, h - 1 if h > 4 else h, d, p, lem) for w, h, d, p, lem in rows]
    rows = [("opened", *row[1:]) if row[0] == "open" else row for row in rows]
    doc = parsed(blank.vocab, rows)
    doc._.locations = [place(doc, 3, lid="l1")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "agreement"


# If Ukraine was involved in the air strike , talks would stall .
CONDITION = [
    ("If", 3, "mark", "SCONJ", "if"), ("Ukraine", 3, "nsubjpass", "PROPN", "Ukraine"), ("was", 3, "auxpass", "AUX", "be"),
    ("involved", 11, "advcl", "VERB", "involve"), ("in", 3, "prep", "ADP", "in"), ("the", 7, "det", "DET", "the"),
    ("air", 7, "compound", "NOUN", "air"), ("strike", 4, "pobj", "NOUN", "strike"), (",", 11, "punct", "PUNCT", ","),
    ("talks", 11, "nsubj", "NOUN", "talk"), ("would", 11, "aux", "AUX", "would"), ("stall", 11, "ROOT", "VERB", "stall"),
    (".", 11, "punct", "PUNCT", "."),
]


def test_a_strike_in_a_condition_is_no_event(blank):
    doc = parsed(blank.vocab, CONDITION)
    doc._.locations = [place(doc, 1, lid="l1", name="Ukraine", feature="country")]
    assert events_of(blank, doc) == []


# Russian forces seized 14 tons of food bound for the city .
SEIZED = [
    ("Russian", 1, "amod", "ADJ", "russian"), ("forces", 2, "nsubj", "NOUN", "force"), ("seized", 2, "ROOT", "VERB", "seize"),
    ("14", 4, "nummod", "NUM", "14"), ("tons", 2, "dobj", "NOUN", "ton"), ("of", 4, "prep", "ADP", "of"),
    ("food", 5, "pobj", "NOUN", "food"), ("bound", 4, "acl", "VERB", "bind"), ("for", 7, "prep", "ADP", "for"),
    ("the", 10, "det", "DET", "the"), ("city", 8, "pobj", "NOUN", "city"), (".", 2, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("goods, sub_type", [("food", "looting_property_destruction"), ("weapons", "disrupted_weapons_use")])
def test_goods_seized_are_no_territory(blank, goods, sub_type):
    doc = parsed(blank.vocab, [(goods, *row[1:-1], goods) if row[0] == "food" else row for row in SEIZED])
    doc._.locations = [place(doc, 0, lid="l1", code="RU", name="Russia", feature="country", adjectival=True)]
    [event] = events_of(blank, doc)
    assert (event.type, event.sub_type) == ("strategic_developments", sub_type)
    assert event.actors.perpetrator.name == "Russia"


# The Russians kept up their bombardment of the two zones .  /  ... of Kharkiv .
def kept_up(object_words):
    rows = [
        ("The", 1, "det", "DET", "the"), ("Russians", 2, "nsubj", "PROPN", "Russians"), ("kept", 2, "ROOT", "VERB", "keep"),
        ("up", 2, "prt", "ADP", "up"), ("their", 5, "poss", "PRON", "their"), ("bombardment", 2, "dobj", "NOUN", "bombardment"),
        ("of", 5, "prep", "ADP", "of"),
    ]
    rows += [(w, 6 if i == len(object_words) - 1 else 7 + len(object_words) - 1, "pobj" if i == len(object_words) - 1 else "det", "X", w.lower())
             for i, w in enumerate(object_words)]
    return rows + [(".", 2, "punct", "PUNCT", ".")]


def test_a_bombardment_kept_up_with_no_place_is_the_war_not_an_incident(blank):
    doc = parsed(blank.vocab, kept_up(["the", "zones"]))
    doc._.locations = [place(doc, 1, lid="l1", code="RU", name="Russia", feature="country", adjectival=True)]
    assert events_of(blank, doc) == []


def test_a_bombardment_kept_up_on_a_named_town_is_an_incident(blank):
    doc = parsed(blank.vocab, kept_up(["Kharkiv"]))
    doc._.locations = [place(doc, 1, lid="l1", code="RU", name="Russia", feature="country", adjectival=True), place(doc, 7, lid="l2")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "shelling_artillery_missile_attack" and event.location == "l2"


# Soldiers attacked a depot in Belgorod on Friday . Separately , troops shelled Izium on Thursday .
# Two workers at the depot were wounded .
TOLL_OF_THE_DEPOT = [
    ("Soldiers", 1, "nsubj", "NOUN", "soldier"), ("attacked", 1, "ROOT", "VERB", "attack"), ("a", 3, "det", "DET", "a"),
    ("depot", 1, "dobj", "NOUN", "depot"), ("in", 3, "prep", "ADP", "in"), ("Belgorod", 4, "pobj", "PROPN", "Belgorod"),
    ("on", 1, "prep", "ADP", "on"), ("Friday", 6, "pobj", "PROPN", "Friday"), (".", 1, "punct", "PUNCT", "."),
    ("Separately", 12, "advmod", "ADV", "separately"), (",", 12, "punct", "PUNCT", ","), ("troops", 12, "nsubj", "NOUN", "troop"),
    ("shelled", 12, "ROOT", "VERB", "shell"), ("Izium", 12, "dobj", "PROPN", "Izium"), ("on", 12, "prep", "ADP", "on"),
    ("Thursday", 14, "pobj", "PROPN", "Thursday"), (".", 12, "punct", "PUNCT", "."),
    ("Two", 18, "nummod", "NUM", "two"), ("workers", 23, "nsubjpass", "NOUN", "worker"), ("at", 18, "prep", "ADP", "at"),
    ("the", 21, "det", "DET", "the"), ("depot", 19, "pobj", "NOUN", "depot"), ("were", 23, "auxpass", "AUX", "be"),
    ("wounded", 23, "ROOT", "VERB", "wound"), (".", 23, "punct", "PUNCT", "."),
]


def test_a_toll_goes_to_the_event_whose_thing_its_people_were_at(blank):
    doc = parsed(blank.vocab, TOLL_OF_THE_DEPOT)
    doc._.locations = [place(doc, 5, lid="l1", code="RU"), place(doc, 13, lid="l2")]
    doc._.dates = [day(doc, 7, "2023-03-10", "d1"), day(doc, 15, "2023-03-09", "d2")]
    doc._.quantities = [toll(doc, 17, 19, qid="n1", value=2, role="wounded")]
    depot, izium = events_of(blank, doc)
    assert (depot.location, izium.location) == ("l1", "l2")
    assert depot.wounded.best == 2 and izium.wounded.best is None


STORY = (
    "Ukrainian helicopters hit Russian city\n\n"
    "Moscow on Saturday accused Kyiv of carrying out a helicopter attack on an ammunition depot in the Russian city of "
    "Kursk. Two Ukrainian helicopter gunships flew in low and attacked the depot, a defence ministry spokesman said. "
    "Separately, Russian forces seized 9 tons of food and medicine bound for the city of Kherson, Ukrainian officials "
    "said. The regional governor said three guards at the depot were wounded, but the ministry denied anyone was hurt. "
    '"The fall of Kherson will open the way to a peace agreement," an adviser said.'
)


def test_the_depot_story_on_the_whole_pipeline():
    import conflictnlp

    result = conflictnlp.extract(STORY, published="2023-05-06", id="s1", source="Wire")
    assert_offsets(result.to_dict())
    places = {loc.id: loc.text for loc in result.locations}
    by_type = {e.sub_type: e for e in result.events}
    assert set(by_type) == {"air_drone_strike", "looting_property_destruction"}  # no agreement, no territory
    strike = by_type["air_drone_strike"]
    assert strike.actors.perpetrator.name == "Ukraine" and places[strike.location] == "Kursk"
    assert strike.wounded.best == 3
    assert {(f.value, f.stance) for f in strike.figures} == {(3, "asserted"), (0, "denied")}
    assert places[by_type["looting_property_destruction"].location] == "Kherson"
    assert by_type["looting_property_destruction"].wounded.best is None


def test_a_toll_denied_inside_one_article_is_a_disagreement_of_the_row():
    from conflictnlp.events.table import event_rows
    from tests.test_events import record

    governor = record("a1", "Outlet A", day="2022-04-01", place="Belgorod", toll=2)
    wire = record("b1", "AP", day="2022-04-01", place="Belgorod", toll=2)
    # the wire adds the company's denial: its toll stays 2 (a denial counts only alone), as outlet A's
    wire["events"][0]["figures"].append({"role": "killed", "quantity": "n2", "value": 0, "source": "Rosneft", "claim": "c2",
                                         "stance": "denied"})
    [row] = list(event_rows([governor, wire]))
    assert row["best"] == 2
    assert {"fatalities", "stance"} <= set(row["disagreements"])


def test_where_a_weapon_was_launched_from_places_no_second_incident():
    import conflictnlp

    text = ("Drone strike on aid convoy near Kupiansk kills three\n\n"
            "Three civilians were killed on Tuesday when Russian drones struck a humanitarian convoy outside Kupiansk, "
            "Ukrainian officials said. The drone could have been launched from Belgorod region, across the border, "
            "according to Ukraine's air force.")
    result = conflictnlp.extract(text, published="2023-03-15", id="k1", source="Wire")
    places = {loc.id: loc.text for loc in result.locations}
    assert [places.get(e.location) for e in result.events] == ["Kupiansk"]
