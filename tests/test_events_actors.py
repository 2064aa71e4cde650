"""Actor rules of the events component on hand-built parses: a suspected group, Wagner, a
country that signs, the side that gains in a handover, a side named in a relative clause."""

from __future__ import annotations

from tests.helpers import events_of, kinds

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


# --- actors round 2: sides the trigger's own clause does not name ------------------------------

HELD = [  # Ukrainian forces shelled Russian - held Horlivka .
    ("Ukrainian", 1, "amod", "ADJ", "ukrainian"), ("forces", 2, "nsubj", "NOUN", "force"), ("shelled", 2, "ROOT", "VERB", "shell"),
    ("Russian", 5, "npadvmod", "ADJ", "russian"), ("-", 5, "punct", "PUNCT", "-"), ("held", 6, "amod", "VERB", "hold"),
    ("Horlivka", 2, "dobj", "PROPN", "Horlivka"), (".", 2, "punct", "PUNCT", "."),
]


def test_who_holds_the_place_shelled_is_the_target(blank):
    places = [(0, 0, "UA", "country", True), (3, 3, "RU", "country", True), (6, 6, "UA", "city")]
    doc, [event] = events_of(blank, HELD, places, spaces=[True, True, True, False, False, True, False, False])
    assert kinds(event) == ("state_forces", "state_forces") and event.violence == "state_based"
    assert event.actors.target.text == "Russian" and event.actors.target.name == "Russian"


THEY = [  # Armed men arrived in Kukawa . They opened fire on worshippers , killing 11 .
    ("Armed", 1, "amod", "ADJ", "armed"), ("men", 2, "nsubj", "NOUN", "man"), ("arrived", 2, "ROOT", "VERB", "arrive"),
    ("in", 2, "prep", "ADP", "in"), ("Kukawa", 3, "pobj", "PROPN", "Kukawa"), (".", 2, "punct", "PUNCT", "."),
    ("They", 7, "nsubj", "PRON", "they"), ("opened", 7, "ROOT", "VERB", "open"), ("fire", 7, "dobj", "NOUN", "fire"),
    ("on", 7, "prep", "ADP", "on"), ("worshippers", 9, "pobj", "NOUN", "worshipper"), (",", 7, "punct", "PUNCT", ","),
    ("killing", 7, "advcl", "VERB", "kill"), ("11", 12, "dobj", "NUM", "11"), (".", 7, "punct", "PUNCT", "."),
]


def test_a_pronoun_subject_is_the_armed_subject_of_the_sentence_before(blank):
    doc, [event] = events_of(blank, THEY, [(4, 4, "NG", "city")])
    assert kinds(event) == ("armed_group", "civilians")
    assert event.actors.perpetrator.text == "Armed men"


FROM_GANG = [  # Armed men from the Gran Grif gang killed 7 people in Pont-Sonde .
    ("Armed", 1, "amod", "ADJ", "armed"), ("men", 7, "nsubj", "NOUN", "man"), ("from", 1, "prep", "ADP", "from"),
    ("the", 6, "det", "DET", "the"), ("Gran", 5, "compound", "PROPN", "Gran"), ("Grif", 6, "compound", "PROPN", "Grif"),
    ("gang", 2, "pobj", "NOUN", "gang"), ("killed", 7, "ROOT", "VERB", "kill"), ("7", 9, "nummod", "NUM", "7"),
    ("people", 7, "dobj", "NOUN", "people"), ("in", 7, "prep", "ADP", "in"), ("Pont-Sonde", 10, "pobj", "PROPN", "Pont-Sonde"),
    (".", 7, "punct", "PUNCT", "."),
]


def test_men_from_a_named_group_stand_for_the_group(blank):
    doc, [event] = events_of(blank, FROM_GANG, [(11, 11, "HT", "city")])
    assert kinds(event) == ("militia", "civilians")
    assert event.actors.perpetrator.name == "Gran Grif"


SUSPECTED_LATER = [  # Gunmen killed four traders near Baidoa . Officials said they suspected Shabaab .
    ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("killed", 1, "ROOT", "VERB", "kill"), ("four", 3, "nummod", "NUM", "four"),
    ("traders", 1, "dobj", "NOUN", "trader"), ("near", 1, "prep", "ADP", "near"), ("Baidoa", 4, "pobj", "PROPN", "Baidoa"),
    (".", 1, "punct", "PUNCT", "."), ("Officials", 8, "nsubj", "NOUN", "official"), ("said", 8, "ROOT", "VERB", "say"),
    ("they", 10, "nsubj", "PRON", "they"), ("suspected", 8, "ccomp", "VERB", "suspect"), ("Shabaab", 10, "dobj", "PROPN", "Shabaab"),
    (".", 8, "punct", "PUNCT", "."),
]


def test_a_group_suspected_in_the_next_sentence_is_behind_the_gunmen(blank):
    doc, [event] = events_of(blank, SUSPECTED_LATER, [(5, 5, "SO", "city")])
    assert kinds(event) == ("rebel_group", "civilians") and event.actors.perpetrator.text == "Shabaab"


DENIED_NONE = [  # Rockets hit a school in Metula , killing 3 children . Hezbollah denied responsibility .
    ("Rockets", 1, "nsubj", "NOUN", "rocket"), ("hit", 1, "ROOT", "VERB", "hit"), ("a", 3, "det", "DET", "a"),
    ("school", 1, "dobj", "NOUN", "school"), ("in", 3, "prep", "ADP", "in"), ("Metula", 4, "pobj", "PROPN", "Metula"),
    (",", 1, "punct", "PUNCT", ","), ("killing", 1, "advcl", "VERB", "kill"), ("3", 9, "nummod", "NUM", "3"),
    ("children", 7, "dobj", "NOUN", "child"), (".", 1, "punct", "PUNCT", "."),
    ("Hezbollah", 12, "nsubj", "PROPN", "Hezbollah"), ("denied", 12, "ROOT", "VERB", "deny"),
    ("responsibility", 12, "dobj", "NOUN", "responsibility"), (".", 12, "punct", "PUNCT", "."),
]
DENIED_NAMED = [  # Unidentified gunmen shot dead a village chief near Kidal . Hezbollah denied any role .
    ("Unidentified", 1, "amod", "ADJ", "unidentified"), ("gunmen", 2, "nsubj", "NOUN", "gunman"), ("shot", 2, "ROOT", "VERB", "shoot"),
    ("dead", 2, "acomp", "ADJ", "dead"), ("a", 6, "det", "DET", "a"), ("village", 6, "compound", "NOUN", "village"),
    ("chief", 2, "dobj", "NOUN", "chief"), ("near", 2, "prep", "ADP", "near"), ("Kidal", 7, "pobj", "PROPN", "Kidal"),
    (".", 2, "punct", "PUNCT", "."), ("Hezbollah", 11, "nsubj", "PROPN", "Hezbollah"), ("denied", 11, "ROOT", "VERB", "deny"),
    ("any", 13, "det", "DET", "any"), ("role", 11, "dobj", "NOUN", "role"), (".", 11, "punct", "PUNCT", "."),
]


def test_who_denies_responsibility_is_the_perpetrator_only_where_none_is_named(blank):
    doc, [event] = events_of(blank, DENIED_NONE, [(5, 5, "IL", "city")])
    assert kinds(event) == ("rebel_group", "civilians")
    doc, [event] = events_of(blank, DENIED_NAMED, [(8, 8, "ML", "city")])
    assert kinds(event) == ("armed_group", "civilians") and event.actors.target.text == "village chief"


FOREIGN = [  # Russian troops recaptured Vovchansk .
    ("Russian", 1, "amod", "ADJ", "russian"), ("troops", 2, "nsubj", "NOUN", "troop"), ("recaptured", 2, "ROOT", "VERB", "recapture"),
    ("Vovchansk", 2, "dobj", "PROPN", "Vovchansk"), (".", 2, "punct", "PUNCT", "."),
]


def test_a_foreign_states_forces_taking_a_town_fight_that_countrys_forces(blank):
    doc, [event] = events_of(blank, FOREIGN, [(0, 0, "RU", "country", True), (3, 3, "UA", "city")])
    assert kinds(event) == ("state_forces", "state_forces") and event.violence == "state_based"
    assert event.actors.target.name == "Ukraine"
    doc, [event] = events_of(blank, FOREIGN, [(0, 0, "RU", "country", True), (3, 3, "RU", "city")])
    assert event.actors.target is None  # at home, no opponent is implied


SHOT_DOWN = [  # Ukrainian air defences shot down 14 Russian drones over Kyiv .
    ("Ukrainian", 2, "amod", "ADJ", "ukrainian"), ("air", 2, "compound", "NOUN", "air"), ("defences", 3, "nsubj", "NOUN", "defence"),
    ("shot", 3, "ROOT", "VERB", "shoot"), ("down", 3, "prt", "ADP", "down"), ("14", 7, "nummod", "NUM", "14"),
    ("Russian", 7, "amod", "ADJ", "russian"), ("drones", 3, "dobj", "NOUN", "drone"), ("over", 3, "prep", "ADP", "over"),
    ("Kyiv", 8, "pobj", "PROPN", "Kyiv"), (".", 3, "punct", "PUNCT", "."),
]


def test_whose_drones_were_shot_down_is_the_target(blank):
    doc, [event] = events_of(blank, SHOT_DOWN, [(0, 0, "UA", "country", True), (6, 6, "RU", "country", True), (9, 9, "UA", "city")])
    assert event.sub_type == "disrupted_weapons_use"
    assert kinds(event) == ("state_forces", "state_forces") and event.actors.target.text == "Russian"


ITS_DRONES = [  # Sudan 's army said its drones struck RSF positions in Nyala .
    ("Sudan", 2, "poss", "PROPN", "Sudan"), ("'s", 0, "case", "PART", "'s"), ("army", 3, "nsubj", "NOUN", "army"),
    ("said", 3, "ROOT", "VERB", "say"), ("its", 5, "poss", "PRON", "its"), ("drones", 6, "nsubj", "NOUN", "drone"),
    ("struck", 3, "ccomp", "VERB", "strike"), ("RSF", 8, "compound", "PROPN", "RSF"), ("positions", 6, "dobj", "NOUN", "position"),
    ("in", 6, "prep", "ADP", "in"), ("Nyala", 9, "pobj", "PROPN", "Nyala"), (".", 3, "punct", "PUNCT", "."),
]
THEY_WERE_ATTACKED = [  # Soldiers said they were attacked by gunmen in Nyala .
    ("Soldiers", 1, "nsubj", "NOUN", "soldier"), ("said", 1, "ROOT", "VERB", "say"), ("they", 4, "nsubjpass", "PRON", "they"),
    ("were", 4, "auxpass", "AUX", "be"), ("attacked", 1, "ccomp", "VERB", "attack"), ("by", 4, "agent", "ADP", "by"),
    ("gunmen", 5, "pobj", "NOUN", "gunman"), ("in", 4, "prep", "ADP", "in"), ("Nyala", 7, "pobj", "PROPN", "Nyala"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_its_weapons_are_the_sayers_but_a_passive_pronoun_is_no_attacker(blank):
    doc, [event] = events_of(blank, ITS_DRONES, [(0, 0, "SD", "country"), (10, 10, "SD", "city")])
    assert kinds(event) == ("state_forces", "rebel_group") and event.actors.perpetrator.text == "army"
    doc, events = events_of(blank, THEY_WERE_ATTACKED, [(8, 8, "SD", "city")])
    assert all(e.actors.perpetrator is None or e.actors.perpetrator.kind == "armed_group" for e in events)


GROUP_SAID = [  # JNIM claimed a new cell . The group said it ambushed soldiers near Dori .
    ("JNIM", 1, "nsubj", "PROPN", "JNIM"), ("claimed", 1, "ROOT", "VERB", "claim"), ("a", 4, "det", "DET", "a"),
    ("new", 4, "amod", "ADJ", "new"), ("cell", 1, "dobj", "NOUN", "cell"), (".", 1, "punct", "PUNCT", "."),
    ("The", 7, "det", "DET", "the"), ("group", 8, "nsubj", "NOUN", "group"), ("said", 8, "ROOT", "VERB", "say"),
    ("it", 10, "nsubj", "PRON", "it"), ("ambushed", 8, "ccomp", "VERB", "ambush"), ("soldiers", 10, "dobj", "NOUN", "soldier"),
    ("near", 10, "prep", "ADP", "near"), ("Dori", 12, "pobj", "PROPN", "Dori"), (".", 8, "punct", "PUNCT", "."),
]


def test_the_group_that_says_it_stands_for_the_group_named_before(blank):
    doc, events = events_of(blank, GROUP_SAID, [(13, 13, "BF", "city")])
    [event] = [e for e in events if e.trigger.text == "ambushed"]
    assert kinds(event) == ("rebel_group", "state_forces") and event.actors.perpetrator.text == "JNIM"


ASSAULT_UNITS = [  # Russian assault units pushed into Kupiansk after fighting with Ukrainian troops .
    ("Russian", 2, "amod", "ADJ", "russian"), ("assault", 2, "compound", "NOUN", "assault"), ("units", 3, "nsubj", "NOUN", "unit"),
    ("pushed", 3, "ROOT", "VERB", "push"), ("into", 3, "prep", "ADP", "into"), ("Kupiansk", 4, "pobj", "PROPN", "Kupiansk"),
    ("after", 3, "prep", "ADP", "after"), ("fighting", 6, "pobj", "NOUN", "fighting"), ("with", 7, "prep", "ADP", "with"),
    ("Ukrainian", 10, "amod", "ADJ", "ukrainian"), ("troops", 8, "pobj", "NOUN", "troop"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_trigger_word_naming_a_unit_is_part_of_the_actor_not_the_event(blank):
    places = [(0, 0, "RU", "country", True), (5, 5, "UA", "city"), (9, 9, "UA", "country", True)]
    doc, [event] = events_of(blank, ASSAULT_UNITS, places)
    assert event.trigger.text == "fighting"
    assert event.actors.perpetrator.text == "Russian assault units" and event.actors.target.text == "Ukrainian troops"


DATELINE_MEMBERS = [  # BANGKOK (AP) - Members of a People's Defence Force said they ambushed soldiers near Kani.
    ("BANGKOK", 12, "nsubj", "PROPN", "BANGKOK"), ("(", 0, "punct", "PUNCT", "("), ("AP", 0, "appos", "PROPN", "AP"),
    (")", 0, "punct", "PUNCT", ")"), ("-", 0, "punct", "PUNCT", "-"), ("Members", 0, "appos", "NOUN", "member"),
    ("of", 5, "prep", "ADP", "of"), ("a", 11, "det", "DET", "a"), ("People", 11, "poss", "PROPN", "People"),
    ("'s", 8, "case", "PART", "'s"), ("Defence", 11, "compound", "PROPN", "Defence"), ("Force", 6, "pobj", "PROPN", "Force"),
    ("said", 12, "ROOT", "VERB", "say"), ("they", 14, "nsubj", "PRON", "they"), ("ambushed", 12, "ccomp", "VERB", "ambush"),
    ("soldiers", 14, "dobj", "NOUN", "soldier"), ("near", 14, "prep", "ADP", "near"), ("Kani", 16, "pobj", "PROPN", "Kani"),
    (".", 12, "punct", "PUNCT", "."),
]
DATELINE_MEMBERS_SPACES = [True, False, False, True, True, True, True, True, False, True, True, True, True, True, True, True, True,
                           False, False]


def test_the_sayer_after_a_dateline_the_parser_makes_the_subject(blank):
    doc, [event] = events_of(blank, DATELINE_MEMBERS, [(17, 17, "MM", "city")], spaces=DATELINE_MEMBERS_SPACES)
    assert doc.text.startswith("BANGKOK (AP) - Members of a People's Defence Force said")
    assert kinds(event) == ("rebel_group", "state_forces") and event.actors.perpetrator.name == "People's Defence Force"


CLAIMED_LATER = [  # Gunmen killed 5 vendors in Delmas . The Viv Ansanm gang coalition said it was behind the attack .
    ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("killed", 1, "ROOT", "VERB", "kill"), ("5", 3, "nummod", "NUM", "5"),
    ("vendors", 1, "dobj", "NOUN", "vendor"), ("in", 1, "prep", "ADP", "in"), ("Delmas", 4, "pobj", "PROPN", "Delmas"),
    (".", 1, "punct", "PUNCT", "."), ("The", 11, "det", "DET", "the"), ("Viv", 9, "compound", "PROPN", "Viv"),
    ("Ansanm", 10, "compound", "PROPN", "Ansanm"), ("gang", 11, "compound", "NOUN", "gang"),
    ("coalition", 12, "nsubj", "NOUN", "coalition"), ("said", 12, "ROOT", "VERB", "say"), ("it", 14, "nsubj", "PRON", "it"),
    ("was", 12, "ccomp", "AUX", "be"), ("behind", 14, "prep", "ADP", "behind"), ("the", 17, "det", "DET", "the"),
    ("attack", 15, "pobj", "NOUN", "attack"), (".", 12, "punct", "PUNCT", "."),
]


def test_a_group_that_says_it_was_behind_the_attack_is_behind_the_gunmen(blank):
    doc, events = events_of(blank, CLAIMED_LATER, [(5, 5, "HT", "city")])
    [event] = [e for e in events if e.trigger.text == "killed"]
    assert kinds(event) == ("militia", "civilians") and event.actors.perpetrator.name == "Viv Ansanm"


ARMY_DRONE = [  # RSF fighters shot down an army drone over Nyala .
    ("RSF", 1, "compound", "PROPN", "RSF"), ("fighters", 2, "nsubj", "NOUN", "fighter"), ("shot", 2, "ROOT", "VERB", "shoot"),
    ("down", 2, "prt", "ADP", "down"), ("an", 6, "det", "DET", "an"), ("army", 6, "compound", "NOUN", "army"),
    ("drone", 2, "dobj", "NOUN", "drone"), ("over", 2, "prep", "ADP", "over"), ("Nyala", 7, "pobj", "PROPN", "Nyala"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_whose_drone_was_shot_down_by_the_noun_before_it(blank):
    doc, [event] = events_of(blank, ARMY_DRONE, [(8, 8, "SD", "city")])
    assert event.sub_type == "disrupted_weapons_use"
    assert kinds(event) == ("rebel_group", "state_forces") and event.actors.target.text == "army"


CELL = [  # Armed men from a Chapitos cell ambushed police in Navolato .
    ("Armed", 1, "amod", "ADJ", "armed"), ("men", 6, "nsubj", "NOUN", "man"), ("from", 1, "prep", "ADP", "from"),
    ("a", 5, "det", "DET", "a"), ("Chapitos", 5, "compound", "PROPN", "Chapitos"), ("cell", 2, "pobj", "NOUN", "cell"),
    ("ambushed", 6, "ROOT", "VERB", "ambush"), ("police", 6, "dobj", "NOUN", "police"), ("in", 6, "prep", "ADP", "in"),
    ("Navolato", 8, "pobj", "PROPN", "Navolato"), (".", 6, "punct", "PUNCT", "."),
]


def test_men_from_a_cell_of_a_named_group_stand_for_the_group(blank):
    doc, [event] = events_of(blank, CELL, [(9, 9, "MX", "city")])
    assert kinds(event) == ("militia", "state_forces") and event.actors.perpetrator.name == "Los Chapitos"


RIVALS = [  # Armed groups loyal to rival commanders fought in Tripoli .
    ("Armed", 1, "amod", "ADJ", "armed"), ("groups", 6, "nsubj", "NOUN", "group"), ("loyal", 1, "amod", "ADJ", "loyal"),
    ("to", 2, "prep", "ADP", "to"), ("rival", 5, "amod", "ADJ", "rival"), ("commanders", 3, "pobj", "NOUN", "commander"),
    ("fought", 6, "ROOT", "VERB", "fight"), ("in", 6, "prep", "ADP", "in"), ("Tripoli", 7, "pobj", "PROPN", "Tripoli"),
    (".", 6, "punct", "PUNCT", "."),
]


def test_armed_groups_loyal_to_rivals_are_militias_on_both_sides(blank):
    doc, [event] = events_of(blank, RIVALS, [(8, 8, "LY", "city")])
    assert event.type == "battles" and kinds(event) == ("militia", "militia") and event.violence == "non_state"


ALLIES = [  # Police and soldiers pushed gangs out of Solino after fighting .
    ("Police", 3, "nsubj", "NOUN", "police"), ("and", 0, "cc", "CCONJ", "and"), ("soldiers", 0, "conj", "NOUN", "soldier"),
    ("pushed", 3, "ROOT", "VERB", "push"), ("gangs", 3, "dobj", "NOUN", "gang"), ("out", 3, "prt", "ADP", "out"),
    ("of", 5, "prep", "ADP", "of"), ("Solino", 6, "pobj", "PROPN", "Solino"), ("after", 3, "prep", "ADP", "after"),
    ("fighting", 8, "pobj", "NOUN", "fighting"), (".", 3, "punct", "PUNCT", "."),
]


def test_police_and_soldiers_are_one_side_and_the_gangs_the_other(blank):
    doc, [event] = events_of(blank, ALLIES, [(7, 7, "HT", "city")])
    assert event.type == "battles" and kinds(event) == ("state_forces", "militia")


def test_foreign_troops_imply_an_opponent_only_in_a_rival_state(blank):
    doc, [event] = events_of(blank, FOREIGN, [(0, 0, "RU", "country", True), (3, 3, "ML", "city")])
    assert event.actors.target is None  # Russian forces in Mali fight beside its army, not against it


def test_no_actor_phrase_is_in_two_entries_of_the_same_rank():
    """Two entries matching one span are ranked only by length and by named-before-noun
    (events/mentions.py `_mentions`); a phrase in two entries of the same namedness would be
    decided by the matcher's internal order, so the lexicon must not hold one."""
    from collections import defaultdict

    from conflictnlp.events.lexicon import load_event_lexicon

    entries: dict[tuple[str, bool], set[int]] = defaultdict(set)
    for index, entry in enumerate(load_event_lexicon().actors):
        for phrase in entry.words:
            entries[(phrase.lower(), entry.named)].add(index)
    assert {key: found for key, found in entries.items() if len(found) > 1} == {}
