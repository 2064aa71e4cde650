"""Rules added for the events challenge set (tests/fixtures/events_challenge.jsonl), on
hand-built parses: datelines, pronoun subjects, the other side of a retaking, violence where
only the victims are named, communal clashes, protest interventions, where a rocket came from."""

from __future__ import annotations

from tests.helpers import events_of, kinds

SAID_RECAPTURED = [  # Somali forces said they had recaptured Eldher from Shabaab .
    ("Somali", 1, "amod", "ADJ", "somali"), ("forces", 2, "nsubj", "NOUN", "force"), ("said", 2, "ROOT", "VERB", "say"),
    ("they", 5, "nsubj", "PRON", "they"), ("had", 5, "aux", "AUX", "have"), ("recaptured", 2, "ccomp", "VERB", "recapture"),
    ("Eldher", 5, "dobj", "PROPN", "Eldher"), ("from", 5, "prep", "ADP", "from"), ("Shabaab", 7, "pobj", "PROPN", "Shabaab"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_a_pronoun_subject_is_who_says_it_and_the_from_phrase_the_other_side(blank):
    doc, [event] = events_of(blank, SAID_RECAPTURED, [(6, 6, "SO", "city")])
    assert event.sub_type == "government_regains_territory"
    assert event.actors.perpetrator.text == "Somali forces" and event.actors.target.text == "Shabaab"
    assert kinds(event) == ("state_forces", "rebel_group") and event.violence == "state_based"


DATELINE = [  # Bangui (AFP) - Clashes erupted in Bocaranga .
    ("Bangui", 6, "npadvmod", "PROPN", "Bangui"), ("(", 0, "punct", "PUNCT", "("), ("AFP", 0, "appos", "PROPN", "AFP"),
    (")", 0, "punct", "PUNCT", ")"), ("-", 6, "punct", "PUNCT", "-"), ("Clashes", 6, "nsubj", "NOUN", "clash"),
    ("erupted", 6, "ROOT", "VERB", "erupt"), ("in", 6, "prep", "ADP", "in"), ("Bocaranga", 7, "pobj", "PROPN", "Bocaranga"),
    (".", 6, "punct", "PUNCT", "."),
]
DATELINE_SPACES = [True, False, False, True, True, True, True, True, False, False]


def test_a_title_case_dateline_places_nothing_and_its_agency_is_no_actor(blank):
    doc, [event] = events_of(blank, DATELINE, [(0, 0, "CF", "city"), (8, 8, "CF", "city")], DATELINE_SPACES)
    assert doc.text.startswith("Bangui (AFP) - Clashes")
    assert event.location == "l2"  # Bangui is nearer the trigger, but it is where AFP filed
    assert event.actors.perpetrator is None and event.actors.target is None


BOMB = [  # Roadside bomb kills five soldiers near Marib
    ("Roadside", 1, "compound", "NOUN", "roadside"), ("bomb", 2, "nsubj", "NOUN", "bomb"), ("kills", 2, "ROOT", "VERB", "kill"),
    ("five", 4, "nummod", "NUM", "five"), ("soldiers", 2, "dobj", "NOUN", "soldier"), ("near", 2, "prep", "ADP", "near"),
    ("Marib", 5, "pobj", "PROPN", "Marib"),
]


def test_soldiers_hit_by_an_unnamed_bomber_is_state_based_violence(blank):
    _, [event] = events_of(blank, BOMB, [(6, 6, "YE", "city")])
    assert event.sub_type == "remote_explosive_landmine_ied"
    assert kinds(event) == (None, "state_forces") and event.violence == "state_based"


TEAR_GAS = [  # Police fired tear gas at protesters in Nairobi
    ("Police", 1, "nsubj", "NOUN", "police"), ("fired", 1, "ROOT", "VERB", "fire"), ("tear", 3, "compound", "NOUN", "tear"),
    ("gas", 1, "dobj", "NOUN", "gas"), ("at", 1, "prep", "ADP", "at"), ("protesters", 4, "pobj", "NOUN", "protester"),
    ("in", 1, "prep", "ADP", "in"), ("Nairobi", 6, "pobj", "PROPN", "Nairobi"),
]
KILLING_TWO = [(",", 1, "punct", "PUNCT", ","), ("killing", 1, "advcl", "VERB", "kill"), ("two", 9, "dobj", "NUM", "two")]


def test_tear_gas_is_an_intervention_and_with_deaths_excessive_force(blank):
    _, [dispersal] = events_of(blank, TEAR_GAS, [(7, 7, "KE", "city")])
    assert (dispersal.sub_type, dispersal.violence) == ("protest_with_intervention", None)
    assert kinds(dispersal) == ("state_forces", "protesters")
    _, [shooting] = events_of(blank, TEAR_GAS + KILLING_TWO, [(7, 7, "KE", "city")])
    assert (shooting.sub_type, shooting.violence) == ("excessive_force_against_protesters", "one_sided")


COMMUNAL = [  # Herders and farmers clashed near Kapoeta .
    ("Herders", 3, "nsubj", "NOUN", "herder"), ("and", 0, "cc", "CCONJ", "and"), ("farmers", 0, "conj", "NOUN", "farmer"),
    ("clashed", 3, "ROOT", "VERB", "clash"), ("near", 3, "prep", "ADP", "near"), ("Kapoeta", 4, "pobj", "PROPN", "Kapoeta"),
    (".", 3, "punct", "PUNCT", "."),
]


def test_two_groups_of_people_fighting_each_other_are_communal_militias(blank):
    _, [event] = events_of(blank, COMMUNAL, [(5, 5, "SS", "city")])
    assert (event.sub_type, kinds(event), event.violence) == ("armed_clash", ("militia", "militia"), "non_state")


ROCKET = [  # A rocket fired from Lebanon hit a pitch in Majdal Shams .
    ("A", 1, "det", "DET", "a"), ("rocket", 5, "nsubj", "NOUN", "rocket"), ("fired", 1, "acl", "VERB", "fire"),
    ("from", 2, "prep", "ADP", "from"), ("Lebanon", 3, "pobj", "PROPN", "Lebanon"), ("hit", 5, "ROOT", "VERB", "hit"),
    ("a", 7, "det", "DET", "a"), ("pitch", 5, "dobj", "NOUN", "pitch"), ("in", 7, "prep", "ADP", "in"),
    ("Majdal", 10, "compound", "PROPN", "Majdal"), ("Shams", 8, "pobj", "PROPN", "Shams"), (".", 5, "punct", "PUNCT", "."),
]


def test_where_a_rocket_came_from_does_not_place_the_strike(blank):
    _, [event] = events_of(blank, ROCKET, [(4, 4, "LB", "country"), (9, 10, "SY", "city")])
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert event.location == "l2"


CHEMICAL_UNIT = [  # A car bomb killed the chief of chemical weapons troops .
    ("A", 2, "det", "DET", "a"), ("car", 2, "compound", "NOUN", "car"), ("bomb", 3, "nsubj", "NOUN", "bomb"),
    ("killed", 3, "ROOT", "VERB", "kill"), ("the", 5, "det", "DET", "the"), ("chief", 3, "dobj", "NOUN", "chief"),
    ("of", 5, "prep", "ADP", "of"), ("chemical", 8, "amod", "ADJ", "chemical"), ("weapons", 9, "compound", "NOUN", "weapon"),
    ("troops", 6, "pobj", "NOUN", "troop"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_chemical_weapons_unit_is_no_chemical_attack(blank):
    _, [event] = events_of(blank, CHEMICAL_UNIT)
    assert event.sub_type == "remote_explosive_landmine_ied"


TWO_PEOPLES = [  # Russian and Ukrainian forces fought near Toretsk .
    ("Russian", 3, "amod", "ADJ", "russian"), ("and", 0, "cc", "CCONJ", "and"), ("Ukrainian", 0, "conj", "ADJ", "ukrainian"),
    ("forces", 4, "nsubj", "NOUN", "force"), ("fought", 4, "ROOT", "VERB", "fight"), ("near", 4, "prep", "ADP", "near"),
    ("Toretsk", 5, "pobj", "PROPN", "Toretsk"), (".", 4, "punct", "PUNCT", "."),
]


def test_two_peoples_on_one_forces_noun_are_the_two_sides(blank):
    places = [(0, 0, "RU", "country", True), (2, 2, "UA", "country", True), (6, 6, "UA", "city")]
    _, [event] = events_of(blank, TWO_PEOPLES, places)
    assert kinds(event) == ("state_forces", "state_forces") and event.violence == "state_based"
    assert {event.actors.perpetrator.name, event.actors.target.name} == {"Russian", "Ukrainian"}


CLAIMED = [  # Mortars hit a market in Afgooye . Shabaab claimed .
    ("Mortars", 1, "nsubj", "NOUN", "mortar"), ("hit", 1, "ROOT", "VERB", "hit"), ("a", 3, "det", "DET", "a"),
    ("market", 1, "dobj", "NOUN", "market"), ("in", 1, "prep", "ADP", "in"), ("Afgooye", 4, "pobj", "PROPN", "Afgooye"),
    (".", 1, "punct", "PUNCT", "."), ("Shabaab", 8, "nsubj", "PROPN", "Shabaab"), ("claimed", 8, "ROOT", "VERB", "claim"),
    (".", 8, "punct", "PUNCT", "."),
]


def test_who_claims_the_attack_in_the_next_sentence_did_it(blank):
    _, [event] = events_of(blank, CLAIMED, [(5, 5, "SO", "city")])
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert kinds(event) == ("rebel_group", "civilians") and event.violence == "one_sided"


NO_CASUALTIES = [  # Drones hit a depot in Kyiv . No casualties were reported .
    ("Drones", 1, "nsubj", "NOUN", "drone"), ("hit", 1, "ROOT", "VERB", "hit"), ("a", 3, "det", "DET", "a"),
    ("depot", 1, "dobj", "NOUN", "depot"), ("in", 1, "prep", "ADP", "in"), ("Kyiv", 4, "pobj", "PROPN", "Kyiv"),
    (".", 1, "punct", "PUNCT", "."), ("No", 8, "det", "DET", "no"), ("casualties", 10, "nsubjpass", "NOUN", "casualty"),
    ("were", 10, "auxpass", "AUX", "be"), ("reported", 10, "ROOT", "VERB", "report"), (".", 10, "punct", "PUNCT", "."),
]


def test_no_casualties_in_the_next_sentence_is_a_toll_of_zero(blank):
    _, [event] = events_of(blank, NO_CASUALTIES, [(5, 5, "UA", "city")])
    assert event.sub_type == "air_drone_strike"
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (0, 0, 0)


RALLY_BOMBED = [  # Two explosions ripped through a rally in Bukavu , killing 11 people .
    ("Two", 1, "nummod", "NUM", "two"), ("explosions", 2, "nsubj", "NOUN", "explosion"), ("ripped", 2, "ROOT", "VERB", "rip"),
    ("through", 2, "prep", "ADP", "through"), ("a", 5, "det", "DET", "a"), ("rally", 3, "pobj", "NOUN", "rally"),
    ("in", 5, "prep", "ADP", "in"), ("Bukavu", 6, "pobj", "PROPN", "Bukavu"), (",", 2, "punct", "PUNCT", ","),
    ("killing", 2, "advcl", "VERB", "kill"), ("11", 11, "nummod", "NUM", "11"), ("people", 9, "dobj", "NOUN", "people"),
    (".", 2, "punct", "PUNCT", "."),
]
STORMED = [  # Protesters stormed the residence in Dhaka .
    ("Protesters", 1, "nsubj", "NOUN", "protester"), ("stormed", 1, "ROOT", "VERB", "storm"), ("the", 3, "det", "DET", "the"),
    ("residence", 1, "dobj", "NOUN", "residence"), ("in", 1, "prep", "ADP", "in"), ("Dhaka", 4, "pobj", "PROPN", "Dhaka"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_rally_bombed_is_the_bombing_and_a_crowd_storming_is_a_riot(blank):
    _, [bombing] = events_of(blank, RALLY_BOMBED, [(7, 7, "CD", "city")])
    assert (bombing.type, bombing.sub_type, bombing.violence) == ("explosions_remote_violence", "remote_explosive_landmine_ied", "one_sided")
    _, [riot] = events_of(blank, STORMED, [(5, 5, "BD", "city")])
    assert (riot.sub_type, kinds(riot)) == ("violent_demonstration", ("rioters", None))
