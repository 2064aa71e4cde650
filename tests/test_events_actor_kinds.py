"""Actor kinds by the convention of docs/events.md ("Actor kinds"), on hand-built parses: stances
("pro-government militiamen"), communal attackers, posts and convoys hit, an intergovernmental
body's troops and offices, groups the lexicon does not list, "clashes between X and Y" when the
parse of the phrase is broken; and the convention itself, read from the lexicon data."""

from __future__ import annotations

import pytest

from conflictnlp.events.lexicon import load_event_lexicon
from tests.helpers import events_of, kinds


def generic_kind(lexicon, phrase):
    return lexicon.generic_kinds.get(phrase.lower())


def named_kind(lexicon, phrase):
    return next((a.kind for a in lexicon.actors if a.named and phrase.lower() in {w.lower() for w in a.words}), None)


@pytest.mark.parametrize("phrase, kind", [
    ("bandits", "militia"), ("gangs", "militia"), ("vigilantes", "militia"), ("armed herders", "militia"),
    ("gunmen", "armed_group"), ("cartel gunmen", "armed_group"), ("masked gunmen", "armed_group"),
    ("jihadists", "rebel_group"), ("insurgents", "rebel_group"), ("separatist fighters", "rebel_group"), ("paramilitaries", "rebel_group"),
    ("junta", "state_forces"), ("troopers", "state_forces"), ("riot police", "state_forces"), ("prisoners of war", "state_forces"),
    ("teenagers", "civilians"), ("aid workers", "civilians"), ("displaced people", "civilians"), ("social leader", "civilians"),
    ("protestors", "protesters"), ("looters", "rioters"), ("un troops", "peacekeepers"),
])
def test_the_generic_nouns_follow_the_convention(phrase, kind):
    assert generic_kind(load_event_lexicon(), phrase) == kind


@pytest.mark.parametrize("name, kind", [
    ("Fano", "militia"), ("RSF", "rebel_group"), ("Wagner", "state_forces"), ("Taliban", "state_forces"),
    ("Pakistani Taliban", "rebel_group"), ("EIGS", "rebel_group"), ("Sinaloa cartel", "militia"), ("Santa Rosa de Lima Cartel", "militia"),
    ("Radaa", "militia"), ("Stability Support Apparatus", "militia"), ("Peshmerga", "state_forces"), ("MILF", "rebel_group"),
])
def test_the_named_actors_follow_the_convention(name, kind):
    assert named_kind(load_event_lexicon(), name) == kind


PRO_GOVERNMENT = [  # Pro - government militiamen killed 20 civilians .
    ("Pro", 3, "amod", "ADJ", "pro"), ("-", 3, "amod", "ADJ", "-"), ("government", 3, "amod", "ADJ", "government"),
    ("militiamen", 4, "nsubj", "NOUN", "militiaman"), ("killed", 4, "ROOT", "VERB", "kill"), ("20", 6, "nummod", "NUM", "20"),
    ("civilians", 4, "dobj", "NOUN", "civilian"), (".", 4, "punct", "PUNCT", "."),
]


def test_a_government_that_militiamen_back_is_no_side(blank):
    doc, [event] = events_of(blank, PRO_GOVERNMENT, spaces=[False, False, True, True, True, True, False, False])
    assert kinds(event) == ("militia", "civilians")
    assert event.actors.perpetrator.text == "Pro-government militiamen"


ANTI_GOVERNMENT = [  # Anti - government forces attacked soldiers .
    ("Anti", 3, "amod", "ADJ", "anti"), ("-", 3, "amod", "ADJ", "-"), ("government", 3, "amod", "ADJ", "government"),
    ("forces", 4, "nsubj", "NOUN", "force"), ("attacked", 4, "ROOT", "VERB", "attack"), ("soldiers", 4, "dobj", "NOUN", "soldier"),
    (".", 4, "punct", "PUNCT", "."),
]


def test_forces_against_the_government_are_rebels(blank):
    doc, [event] = events_of(blank, ANTI_GOVERNMENT, spaces=[False, False, True, True, True, False, False])
    assert kinds(event) == ("rebel_group", "state_forces")


HERDERS = [  # Herders killed 9 farmers in Benue .
    ("Herders", 1, "nsubj", "NOUN", "herder"), ("killed", 1, "ROOT", "VERB", "kill"), ("9", 3, "nummod", "NUM", "9"),
    ("farmers", 1, "dobj", "NOUN", "farmer"), ("in", 1, "prep", "ADP", "in"), ("Benue", 4, "pobj", "PROPN", "Benue"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_community_that_kills_others_is_a_communal_militia(blank):
    doc, [event] = events_of(blank, HERDERS, [(5, 5, "NG", "admin1")])
    assert kinds(event) == ("militia", "civilians") and event.violence == "one_sided"


CHECKPOINT = [  # Militants attacked a checkpoint , killing 4 .
    ("Militants", 1, "nsubj", "NOUN", "militant"), ("attacked", 1, "ROOT", "VERB", "attack"), ("a", 3, "det", "DET", "a"),
    ("checkpoint", 1, "dobj", "NOUN", "checkpoint"), (",", 1, "punct", "PUNCT", ","), ("killing", 1, "advcl", "VERB", "kill"),
    ("4", 5, "dobj", "NUM", "4"), (".", 1, "punct", "PUNCT", "."),
]

AT_CHECKPOINT = [  # Bomber kills 3 at checkpoint
    ("Bomber", 1, "nsubj", "NOUN", "bomber"), ("kills", 1, "ROOT", "VERB", "kill"), ("3", 1, "dobj", "NUM", "3"),
    ("at", 1, "prep", "ADP", "at"), ("checkpoint", 3, "pobj", "NOUN", "checkpoint"),
]


def test_a_post_attacked_is_the_state_forces_that_man_it(blank):
    doc, [event] = events_of(blank, CHECKPOINT)
    assert kinds(event) == ("rebel_group", "state_forces") and event.type == "battles"


def test_a_bombing_at_a_post_hits_no_named_side(blank):
    doc, events = events_of(blank, AT_CHECKPOINT)
    assert all(kinds(event)[1] != "state_forces" for event in events)


CONVOY_HIT = [  # An army convoy hit an explosive device .
    ("An", 2, "det", "DET", "an"), ("army", 2, "compound", "NOUN", "army"), ("convoy", 3, "nsubj", "NOUN", "convoy"),
    ("hit", 3, "ROOT", "VERB", "hit"), ("an", 6, "det", "DET", "an"), ("explosive", 6, "amod", "ADJ", "explosive"),
    ("device", 3, "dobj", "NOUN", "device"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_convoy_that_hits_a_mine_was_hit(blank):
    doc, [event] = events_of(blank, CONVOY_HIT)
    assert kinds(event) == (None, "state_forces")


UN_TROOPS = [  # Rebels attacked UN troops .
    ("Rebels", 1, "nsubj", "NOUN", "rebel"), ("attacked", 1, "ROOT", "VERB", "attack"), ("UN", 3, "compound", "PROPN", "UN"),
    ("troops", 1, "dobj", "NOUN", "troop"), (".", 1, "punct", "PUNCT", "."),
]

UN_OFFICES = [  # Fighters stormed the offices of a UN agency .
    ("Fighters", 1, "nsubj", "NOUN", "fighter"), ("stormed", 1, "ROOT", "VERB", "storm"), ("the", 3, "det", "DET", "the"),
    ("offices", 1, "dobj", "NOUN", "office"), ("of", 3, "prep", "ADP", "of"), ("a", 7, "det", "DET", "a"),
    ("UN", 7, "compound", "PROPN", "UN"), ("agency", 4, "pobj", "NOUN", "agency"), (".", 1, "punct", "PUNCT", "."),
]


def test_an_intergovernmental_body_s_troops_are_peacekeepers(blank):
    doc, [event] = events_of(blank, UN_TROOPS)
    assert kinds(event) == ("rebel_group", "peacekeepers") and event.type == "battles"


def test_an_aid_agency_hit_is_civilians(blank):
    doc, events = events_of(blank, UN_OFFICES)
    assert events and kinds(events[0]) == ("rebel_group", "civilians")


UNLISTED = [  # Troops killed a commander of the Dawlah Lanao Front .
    ("Troops", 1, "nsubj", "NOUN", "troop"), ("killed", 1, "ROOT", "VERB", "kill"), ("a", 3, "det", "DET", "a"),
    ("commander", 1, "dobj", "NOUN", "commander"), ("of", 3, "prep", "ADP", "of"), ("the", 8, "det", "DET", "the"),
    ("Dawlah", 8, "compound", "PROPN", "Dawlah"), ("Lanao", 8, "compound", "PROPN", "Lanao"), ("Front", 4, "pobj", "PROPN", "Front"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_group_the_lexicon_does_not_list_is_read_by_its_name(blank):
    doc, [event] = events_of(blank, UNLISTED)
    assert event.actors.target.text == "Dawlah Lanao Front"
    assert kinds(event) == ("state_forces", "rebel_group")


BETWEEN = [  # Clashes between the army and SPLA-IO fighters killed 30 (the parse makes "army" a modifier)
    ("Clashes", 7, "nsubj", "NOUN", "clash"), ("between", 0, "prep", "ADP", "between"), ("the", 3, "det", "DET", "the"),
    ("army", 6, "nmod", "NOUN", "army"), ("and", 3, "cc", "CCONJ", "and"), ("SPLA-IO", 3, "conj", "PROPN", "SPLA-IO"),
    ("fighters", 1, "pobj", "NOUN", "fighter"), ("killed", 7, "ROOT", "VERB", "kill"), ("30", 7, "dobj", "NUM", "30"),
]


def test_the_two_sides_of_a_clash_between_them_whatever_the_parse(blank):
    doc, events = events_of(blank, BETWEEN)
    event = next(e for e in events if e.type == "battles")
    assert set(kinds(event)) == {"state_forces", "rebel_group"}


ACCUSED = [  # Burkinabe army accused of killing 40 civilians
    ("Burkinabe", 1, "amod", "ADJ", "burkinabe"), ("army", 1, "ROOT", "NOUN", "army"), ("accused", 1, "acl", "VERB", "accuse"),
    ("of", 2, "prep", "ADP", "of"), ("killing", 3, "pcomp", "VERB", "kill"), ("40", 6, "nummod", "NUM", "40"),
    ("civilians", 4, "dobj", "NOUN", "civilian"),
]


def test_a_force_accused_of_a_killing_in_a_headline_is_its_perpetrator(blank):
    doc, [event] = events_of(blank, ACCUSED)
    assert kinds(event) == ("state_forces", "civilians")


CLAIMED_LATER = [  # Armed men abducted a priest . The Islamic State claimed the abduction .
    ("Armed", 1, "amod", "ADJ", "armed"), ("men", 2, "nsubj", "NOUN", "man"), ("abducted", 2, "ROOT", "VERB", "abduct"),
    ("a", 4, "det", "DET", "a"), ("priest", 2, "dobj", "NOUN", "priest"), (".", 2, "punct", "PUNCT", "."),
    ("The", 8, "det", "DET", "the"), ("Islamic", 8, "compound", "PROPN", "Islamic"), ("State", 9, "nsubj", "PROPN", "State"),
    ("claimed", 9, "ROOT", "VERB", "claim"), ("the", 11, "det", "DET", "the"), ("abduction", 9, "dobj", "NOUN", "abduction"),
    (".", 9, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("negated", [False, True])
def test_a_later_claim_of_the_incident_names_its_perpetrator(blank, negated):
    rows = list(CLAIMED_LATER)
    if negated:  # ... did not claim the abduction
        rows = rows[:9] + [("did", 11, "aux", "AUX", "do"), ("not", 11, "neg", "PART", "not")] + [
            (w, h + 2 if h >= 9 else h, d, p, lemma) for w, h, d, p, lemma in rows[9:]]
        rows[8] = ("State", 11, "nsubj", "PROPN", "State")
    doc, events = events_of(blank, rows)
    kinds_first = kinds(events[0])
    assert kinds_first == (("armed_group" if negated else "rebel_group"), "civilians")


BY_GANG = [  # Massacre : residents were shot and homes burned by the Gran Grif gang
    ("Massacre", 4, "dep", "NOUN", "massacre"), (":", 0, "punct", "PUNCT", ":"), ("residents", 4, "nsubjpass", "NOUN", "resident"),
    ("were", 4, "auxpass", "AUX", "be"), ("shot", 4, "ROOT", "VERB", "shoot"), ("and", 4, "cc", "CCONJ", "and"),
    ("homes", 7, "nsubj", "NOUN", "home"), ("burned", 4, "conj", "VERB", "burn"), ("by", 7, "agent", "ADP", "by"),
    ("the", 12, "det", "DET", "the"), ("Gran", 11, "compound", "PROPN", "Gran"), ("Grif", 12, "compound", "PROPN", "Grif"),
    ("gang", 8, "pobj", "NOUN", "gang"),
]


def test_the_by_agent_of_a_passive_joined_to_the_trigger_did_it(blank):
    doc, events = events_of(blank, BY_GANG)
    assert events and kinds(events[0]) == ("militia", "civilians")
