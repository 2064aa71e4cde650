"""Actor rules of the events component on hand-built parses: a suspected group, Wagner, a
country that signs, the side that gains in a handover, a side named in a relative clause."""

from __future__ import annotations

import pytest
import spacy

from tests.test_events_challenge import events_of, kinds


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


SUSPECTED = [  # Armed men thought to be Wakonzi militia abducted a worker in Kasindi .
    ("Armed", 1, "amod", "ADJ", "armed"), ("men", 2, "nsubj", "NOUN", "man"), ("thought", 2, "ROOT", "VERB", "think"),
    ("to", 4, "aux", "PART", "to"), ("be", 2, "xcomp", "AUX", "be"), ("Wakonzi", 6, "compound", "PROPN", "Wakonzi"),
    ("militia", 4, "attr", "NOUN", "militia"), ("abducted", 2, "ccomp", "VERB", "abduct"), ("a", 9, "det", "DET", "a"),
    ("worker", 7, "dobj", "NOUN", "worker"), ("in", 7, "prep", "ADP", "in"), ("Kasindi", 10, "pobj", "PROPN", "Kasindi"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_the_group_the_armed_men_are_thought_to_be_is_the_perpetrator(blank):
    doc, [event] = events_of(blank, SUSPECTED, [(11, 11, "CD", "city")])
    assert event.sub_type == "abduction_forced_disappearance"
    assert kinds(event) == ("militia", "civilians")
    assert event.actors.perpetrator.text == "Wakonzi militia"


WAGNER = [  # Tuareg rebels killed Wagner fighters near Tinzaouaten .
    ("Tuareg", 1, "compound", "PROPN", "Tuareg"), ("rebels", 2, "nsubj", "NOUN", "rebel"), ("killed", 2, "ROOT", "VERB", "kill"),
    ("Wagner", 4, "compound", "PROPN", "Wagner"), ("fighters", 2, "dobj", "NOUN", "fighter"), ("near", 2, "prep", "ADP", "near"),
    ("Tinzaouaten", 5, "pobj", "PROPN", "Tinzaouaten"), (".", 2, "punct", "PUNCT", "."),
]


def test_wagner_fights_on_the_state_side_so_an_attack_on_it_is_a_battle(blank):
    doc, [event] = events_of(blank, WAGNER, [(6, 6, "ML", "city")])
    assert event.actors.target.name == "Wagner Group" and event.actors.target.kind == "state_forces"
    assert event.type == "battles" and event.violence == "state_based"


SIGNED = [  # Israel and Hamas signed a ceasefire deal .
    ("Israel", 3, "nsubj", "PROPN", "Israel"), ("and", 0, "cc", "CCONJ", "and"), ("Hamas", 0, "conj", "PROPN", "Hamas"),
    ("signed", 3, "ROOT", "VERB", "sign"), ("a", 6, "det", "DET", "a"), ("ceasefire", 6, "compound", "NOUN", "ceasefire"),
    ("deal", 3, "dobj", "NOUN", "deal"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_country_that_signs_an_agreement_stands_for_its_state(blank):
    doc, [event] = events_of(blank, SIGNED, [(0, 0, "IL", "country")])
    assert event.sub_type == "agreement"
    assert kinds(event) == ("state_forces", "rebel_group")
    assert event.actors.perpetrator.name == "Israel" and event.actors.perpetrator.text == "Israel"


HANDED = [  # Regime forces withdrew from Tafas and handed control to local fighters without fighting .
    ("Regime", 1, "compound", "NOUN", "regime"), ("forces", 2, "nsubj", "NOUN", "force"), ("withdrew", 2, "ROOT", "VERB", "withdraw"),
    ("from", 2, "prep", "ADP", "from"), ("Tafas", 3, "pobj", "PROPN", "Tafas"), ("and", 2, "cc", "CCONJ", "and"),
    ("handed", 2, "conj", "VERB", "hand"), ("control", 6, "dobj", "NOUN", "control"), ("to", 6, "prep", "ADP", "to"),
    ("local", 10, "amod", "ADJ", "local"), ("fighters", 8, "pobj", "NOUN", "fighter"), ("without", 6, "prep", "ADP", "without"),
    ("fighting", 11, "pcomp", "VERB", "fight"), (".", 2, "punct", "PUNCT", "."),
]


def test_in_a_handover_the_side_handed_control_takes_the_place(blank):
    doc, [event] = events_of(blank, HANDED, [(4, 4, "SY", "city")])
    assert event.sub_type == "non_violent_transfer_of_territory"
    assert event.actors.perpetrator.text == "local fighters" and event.actors.target.text == "Regime forces"
    assert kinds(event) == ("militia", "state_forces")


RELATIVE = [  # Soldiers recaptured a dam in Cauca that FARC dissidents had occupied .
    ("Soldiers", 1, "nsubj", "NOUN", "soldier"), ("recaptured", 1, "ROOT", "VERB", "recapture"), ("a", 3, "det", "DET", "a"),
    ("dam", 1, "dobj", "NOUN", "dam"), ("in", 3, "prep", "ADP", "in"), ("Cauca", 4, "pobj", "PROPN", "Cauca"),
    ("that", 10, "dobj", "PRON", "that"), ("FARC", 8, "compound", "PROPN", "FARC"), ("dissidents", 10, "nsubj", "NOUN", "dissident"),
    ("had", 10, "aux", "AUX", "have"), ("occupied", 3, "relcl", "VERB", "occupy"), (".", 1, "punct", "PUNCT", "."),
]


def test_the_other_side_of_a_retaking_named_in_a_relative_clause(blank):
    doc, events = events_of(blank, RELATIVE, [(5, 5, "CO", "admin1")])
    event = next(e for e in events if e.sub_type == "government_regains_territory")
    assert kinds(event) == ("state_forces", "rebel_group") and event.violence == "state_based"
    assert event.actors.target.text == "FARC dissidents"


RALLY = [  # Two explosions ripped through a rally held by M23 rebels , killing 11 people .
    ("Two", 1, "nummod", "NUM", "two"), ("explosions", 2, "nsubj", "NOUN", "explosion"), ("ripped", 2, "ROOT", "VERB", "rip"),
    ("through", 2, "prep", "ADP", "through"), ("a", 5, "det", "DET", "a"), ("rally", 3, "pobj", "NOUN", "rally"),
    ("held", 5, "acl", "VERB", "hold"), ("by", 6, "agent", "ADP", "by"), ("M23", 9, "compound", "PROPN", "M23"),
    ("rebels", 7, "pobj", "NOUN", "rebel"), (",", 2, "punct", "PUNCT", ","), ("killing", 2, "advcl", "VERB", "kill"),
    ("11", 13, "nummod", "NUM", "11"), ("people", 11, "dobj", "NOUN", "people"), (".", 2, "punct", "PUNCT", "."),
]


def test_the_group_that_held_the_rally_that_was_bombed_is_no_side(blank):
    doc, [event] = events_of(blank, RALLY)
    assert event.type == "explosions_remote_violence"
    assert kinds(event) == (None, "civilians") and event.violence == "one_sided"


PLANTED = [  # an IED planted by militants struck a vehicle .
    ("an", 1, "det", "DET", "an"), ("IED", 5, "nsubj", "NOUN", "IED"), ("planted", 1, "acl", "VERB", "plant"), ("by", 2, "agent", "ADP", "by"),
    ("militants", 3, "pobj", "NOUN", "militant"), ("struck", 5, "ROOT", "VERB", "strike"), ("a", 7, "det", "DET", "a"),
    ("military", 8, "amod", "ADJ", "military"), ("vehicle", 5, "dobj", "NOUN", "vehicle"), (".", 5, "punct", "PUNCT", "."),
]


def test_who_planted_the_bomb_did_it(blank):
    doc, [event] = events_of(blank, PLANTED)
    assert event.actors.perpetrator is not None and event.actors.perpetrator.text == "militants"


ABDUCTED_PROTESTERS = [  # Police abducted 32 people who took part in protests .
    ("Police", 1, "nsubj", "NOUN", "police"), ("abducted", 1, "ROOT", "VERB", "abduct"), ("32", 3, "nummod", "NUM", "32"),
    ("people", 1, "dobj", "NOUN", "people"), ("who", 5, "nsubj", "PRON", "who"), ("took", 3, "relcl", "VERB", "take"),
    ("part", 5, "dobj", "NOUN", "part"), ("in", 5, "prep", "ADP", "in"), ("protests", 7, "pobj", "NOUN", "protest"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_people_a_relative_clause_says_protested_are_protesters(blank):
    doc, events = events_of(blank, ABDUCTED_PROTESTERS)
    event = next(e for e in events if e.sub_type == "abduction_forced_disappearance")
    assert kinds(event) == ("state_forces", "protesters")
