"""Events defects seen on real articles, on hand-built parses: civilian objects named as a
state's forces, strikes on them read as clashes, protests from months and troops, one side on
both ends, and "Government of unknown"."""

from __future__ import annotations

import pytest

from conflictnlp.events.component import EventsComponent
from conflictnlp.events.table import ucdp_side
from conflictnlp.model import DateMention, Location
from tests.helpers import article_doc


def parsed(vocab, rows, title=None):
    """A Doc from (word, head, dep, pos, lemma) rows."""
    return article_doc(vocab, rows, "2023-03-14", title=title)


def place(doc, i, code, feature="city", lid="l1"):
    s, e = doc[i].idx, doc[i].idx + len(doc[i])
    return Location(id=lid, text=doc.text[s:e], span=(s, e), name=doc.text[s:e], country_code=code, feature=feature)


CONVOY = [  # Russian forces struck a humanitarian convoy near Kupiansk .
    ("Russian", 1, "amod", "ADJ", "russian"), ("forces", 2, "nsubj", "NOUN", "force"), ("struck", 2, "ROOT", "VERB", "strike"),
    ("a", 5, "det", "DET", "a"), ("humanitarian", 5, "amod", "ADJ", "humanitarian"), ("convoy", 2, "dobj", "NOUN", "convoy"),
    ("near", 2, "prep", "ADP", "near"), ("Kupiansk", 6, "pobj", "PROPN", "Kupiansk"), (".", 2, "punct", "PUNCT", "."),
]


def convoy_event(blank, title=None):
    doc = parsed(blank.vocab, CONVOY, title)
    doc._.locations = [place(doc, 7, "UA")]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    return event


def test_a_humanitarian_convoy_is_a_civilian_target_not_state_forces(blank):
    event = convoy_event(blank)
    assert event.actors.target.kind == "civilians" and event.actors.target.name == "Civilians"
    assert event.actors.target.text == "humanitarian convoy"
    # state forces that struck a thing of civilians, no weapon named, struck from afar (events.toml strike_verbs)
    assert (event.type, event.sub_type, event.violence) == ("explosions_remote_violence", "air_drone_strike", "one_sided")


def test_a_strike_under_a_drone_headline_is_a_drone_strike_not_a_clash(blank):
    event = convoy_event(blank, title="Drone strike on aid convoy near Kupiansk kills three")
    assert (event.type, event.sub_type) == ("explosions_remote_violence", "air_drone_strike")


def test_the_month_march_is_no_protest(blank):
    rows = [  # Villagers fled on March 5 .
        ("Villagers", 1, "nsubj", "NOUN", "villager"), ("fled", 1, "ROOT", "VERB", "flee"), ("on", 1, "prep", "ADP", "on"),
        ("March", 2, "pobj", "NOUN", "march"), ("5", 3, "nummod", "NUM", "5"), (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parsed(blank.vocab, rows)
    s, e = doc[3].idx, doc[4].idx + 1
    doc._.dates = [DateMention(id="d1", text=doc.text[s:e], span=(s, e), value="2023-03-05", granularity="day")]
    EventsComponent(blank, "events")(doc)
    assert doc._.events == []


def test_troops_marching_in_is_no_protest_but_a_crowd_is(blank):
    def march(subject, lemma):
        rows = [(subject, 1, "nsubj", "NOUN", lemma), ("marched", 1, "ROOT", "VERB", "march"), ("into", 1, "prep", "ADP", "into"),
                ("Gao", 2, "pobj", "PROPN", "Gao"), (".", 1, "punct", "PUNCT", ".")]
        doc = parsed(blank.vocab, rows)
        EventsComponent(blank, "events")(doc)
        return doc._.events

    assert march("Troops", "troop") == []
    [event] = march("Demonstrators", "demonstrator")
    assert (event.type, event.actors.perpetrator.kind) == ("protests", "protesters")


def test_one_side_never_fights_itself(blank):
    rows = [  # Troops attacked soldiers in Gao .
        ("Troops", 1, "nsubj", "NOUN", "troop"), ("attacked", 1, "ROOT", "VERB", "attack"), ("soldiers", 1, "dobj", "NOUN", "soldier"),
        ("in", 1, "prep", "ADP", "in"), ("Gao", 3, "pobj", "PROPN", "Gao"), (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parsed(blank.vocab, rows)
    doc._.locations = [place(doc, 4, "ML")]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert event.actors.perpetrator.name == "Mali" and event.actors.target is None


def test_its_forces_belong_to_the_country_named_before_them(blank):
    rows = [  # Russia said its forces struck Kupiansk in Ukraine .
        ("Russia", 1, "nsubj", "PROPN", "Russia"), ("said", 1, "ROOT", "VERB", "say"), ("its", 3, "poss", "PRON", "its"),
        ("forces", 4, "nsubj", "NOUN", "force"), ("struck", 1, "ccomp", "VERB", "strike"), ("Kupiansk", 4, "dobj", "PROPN", "Kupiansk"),
        ("in", 5, "prep", "ADP", "in"), ("Ukraine", 6, "pobj", "PROPN", "Ukraine"), (".", 1, "punct", "PUNCT", "."),
    ]
    doc = parsed(blank.vocab, rows)
    doc._.locations = [place(doc, 0, "RU", "country", "l0"), place(doc, 5, "UA"), place(doc, 7, "UA", "country", "l2")]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert event.actors.perpetrator.text == "forces" and event.actors.perpetrator.name == "Russia"


def test_a_state_side_of_unknown_country_keeps_its_words():
    assert ucdp_side({"kind": "state_forces", "text": "the troops", "name": None}, None) == "the troops"
    assert ucdp_side({"kind": "state_forces", "text": "troops", "name": None}, "Mali") == "Government of Mali"
    assert "unknown" not in (ucdp_side({"kind": "state_forces", "name": None}, None) or "")


# Rebel shelling forces thousands to flee camps near Goma , wounding seven people
FORCES_TO_FLEE = [
    ("Rebel", 1, "compound", "NOUN", "rebel"), ("shelling", 1, "ROOT", "NOUN", "shelling"), ("forces", 1, "dobj", "NOUN", "force"),
    ("thousands", 1, "dobj", "NOUN", "thousand"), ("to", 5, "aux", "PART", "to"), ("flee", 1, "xcomp", "VERB", "flee"),
    ("camps", 5, "dobj", "NOUN", "camp"), ("near", 6, "prep", "ADP", "near"), ("Goma", 7, "pobj", "PROPN", "Goma"),
    (",", 1, "punct", "PUNCT", ","), ("wounding", 1, "advcl", "VERB", "wound"), ("seven", 12, "nummod", "NUM", "seven"),
    ("people", 10, "dobj", "NOUN", "people"),
]


@pytest.mark.parametrize("modifier", [None, "government"])
def test_forces_before_a_count_is_the_headline_verb_not_a_state(blank, modifier):
    # "shelling forces thousands to flee": no state forces are in it; "government forces
    # thousands ..." keeps its modified noun (an actor with its modifier is never a verb)
    rows = list(FORCES_TO_FLEE)
    if modifier:
        rows = [(w, h + (h >= 2), d, p, lemma) for w, h, d, p, lemma in rows]
        rows.insert(2, (modifier, 3, "amod", "ADJ", modifier))
    doc = parsed(blank.vocab, rows)
    goma = next(t.i for t in doc if t.text == "Goma")
    doc._.locations = [place(doc, goma, "CD")]
    EventsComponent(blank, "events")(doc)
    kinds = {actor.kind for event in doc._.events for actor in (event.actors.perpetrator, event.actors.target) if actor}
    assert ("state_forces" in kinds) == bool(modifier)


# Houthi drone hits a Saudi border post in Jazan
BORDER_POST = [
    ("Houthi", 1, "compound", "PROPN", "Houthi"), ("drone", 2, "nsubj", "NOUN", "drone"), ("hits", 2, "ROOT", "VERB", "hit"),
    ("a", 6, "det", "DET", "a"), ("Saudi", 6, "amod", "ADJ", "saudi"), ("border", 6, "compound", "NOUN", "border"),
    ("post", 2, "dobj", "NOUN", "post"), ("in", 6, "prep", "ADP", "in"), ("Jazan", 7, "pobj", "PROPN", "Jazan"),
]


def test_a_border_post_named_by_a_peoples_adjective_is_that_states_forces(blank):
    # places reads "Saudi border" as a border, so the adjective is no longer a country's mention;
    # the post on it is still the Saudi state's, hit by the Houthis
    doc = parsed(blank.vocab, BORDER_POST)
    s, e = doc[4].idx, doc[5].idx + len(doc[5])
    border = Location(id="l1", text=doc.text[s:e], span=(s, e), name="Saudi border", country_code="SA", feature="border")
    doc._.locations = [border, place(doc, 8, "SA", lid="l2")]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert (event.actors.target.kind, event.actors.target.name) == ("state_forces", "Saudi Arabia")


# IS attack kills 4 Iraqi soldiers in Kirkuk , as the parser reads it: "IS" the verb "is"
ACRONYM_AS_VERB = [
    ("IS", 0, "ROOT", "AUX", "be"), ("attack", 2, "nsubj", "NOUN", "attack"), ("kills", 0, "ccomp", "VERB", "kill"),
    ("4", 5, "nummod", "NUM", "4"), ("Iraqi", 5, "amod", "ADJ", "iraqi"), ("soldiers", 2, "dobj", "NOUN", "soldier"),
    ("in", 2, "prep", "ADP", "in"), ("Kirkuk", 6, "pobj", "PROPN", "Kirkuk"),
]


def test_a_named_group_the_parser_read_as_a_verb_before_the_attack_noun_did_it(blank):
    doc = parsed(blank.vocab, ACRONYM_AS_VERB)
    doc._.locations = [place(doc, 7, "IQ", feature="admin1")]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert (event.actors.perpetrator.name, event.actors.perpetrator.kind) == ("Islamic State", "rebel_group")
    assert event.actors.target.kind == "state_forces"
