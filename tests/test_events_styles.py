"""Rules of the event-type round (styles set, docs/events.md), on hand-built parses: a place
that only qualifies another gives way to it, a list item's label before the parser's sentence
is the item's, people detained as they gather are a protest with intervention, a post overrun
is a battle, a campaign rally is no protest, an explosion in a mosque is an attack, a dispersal
with deaths is excessive force, and a count of the dead is no side of a second incident."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conflictnlp.events.context import label_head_start
from conflictnlp.events.tolls import _lethal_intervention
from conflictnlp.model import Casualty, Quantity, Toll
from tests.helpers import chars, doc_of, place, run_events


def count(doc, first, last, qid, role, value):
    s, e = chars(doc, first, last)
    return Quantity(id=qid, text=doc.text[s:e], span=(s, e), value=float(value),
                    casualty=Casualty(role=role, low=float(value), high=float(value)))


# RSF shelled Fashir <gap> Shouk camp
@pytest.mark.parametrize("gap,expected", [("'s", "l2"), ("and", "l1")])
def test_the_possessor_of_a_place_gives_way_to_it(blank, gap, expected):
    rows = [("RSF", 1, "nsubj", "PROPN", "RSF"), ("shelled", 1, "ROOT", "VERB", "shell"),
            ("Fashir", 4, "poss" if gap == "'s" else "compound", "PROPN", "Fashir"), (gap, 2, "case" if gap == "'s" else "cc", "PART", gap),
            ("Shouk", 5, "compound", "PROPN", "Shouk"), ("camp", 1, "dobj", "NOUN", "camp"), (".", 1, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 2, 2, "l1", "SD", "city"), place(doc, 4, 4, "l2", "SD", "other")]
    [event] = run_events(blank, doc)
    assert event.location == expected  # nearest the trigger otherwise


# In Lopa <open> Djugu <close> , gunmen killed 3 villagers . ("In Lopa and Djugu": the first, test_events_place_links.py)
@pytest.mark.parametrize("open_,close,expected", [("(", ")", "l1"), ("near", "too", "l2")])
def test_the_area_in_parentheses_after_a_village_gives_way_to_it(blank, open_, close, expected):
    rows = [("In", 7, "prep", "ADP", "in"), ("Lopa", 0, "pobj", "PROPN", "Lopa"), (open_, 1, "punct", "PUNCT", open_),
            ("Djugu", 1, "appos", "PROPN", "Djugu"), (close, 1, "punct", "PUNCT", close), (",", 7, "punct", "PUNCT", ","),
            ("gunmen", 7, "nsubj", "NOUN", "gunman"), ("killed", 7, "ROOT", "VERB", "kill"), ("3", 9, "nummod", "NUM", "3"),
            ("villagers", 7, "dobj", "NOUN", "villager"), (".", 7, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 1, 1, "l1", "CD", "city"), place(doc, 3, 3, "l2", "CD", "city")]
    [event] = run_events(blank, doc)
    assert event.location == expected


@pytest.mark.parametrize("text,label", [
    ("Weekly\n- 14 January, Gwoza: fighters ambushed a convoy.", True),
    ("Weekly\n- Gwoza: fighters ambushed a convoy.", True),
    ("Weekly\nFighters said: they ambushed a convoy.", True),
    ("Weekly\nFighters ambushed a convoy. They said: more will come.", False),
    ("Weekly\n- 14 January, Gwoza, fighters ambushed a convoy.", False),
])
def test_a_list_items_label_before_its_sentence_is_the_items(text, label):
    sent_start = text.index(": ") + 2 if ": " in text else text.index("fighters")
    if text.count(".") > 1:
        sent_start = text.index("They said: ") + len("They said: ")
    assert (label_head_start(text, sent_start) < sent_start) == label


# Police detained 45 people <as they laid|after they sold> flowers .
@pytest.mark.parametrize("mark,verb,sub_type", [("as", "laid", "protest_with_intervention"), ("after", "sold", "arrests")])
def test_people_detained_as_they_gather_are_a_protest_with_intervention(blank, mark, verb, sub_type):
    rows = [("Police", 1, "nsubj", "NOUN", "police"), ("detained", 1, "ROOT", "VERB", "detain"), ("45", 3, "nummod", "NUM", "45"),
            ("people", 1, "dobj", "NOUN", "people"), (mark, 6, "mark", "SCONJ", mark), ("they", 6, "nsubj", "PRON", "they"),
            (verb, 1, "advcl", "VERB", verb), ("flowers", 6, "dobj", "NOUN", "flower"), (".", 1, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.quantities = [count(doc, 2, 3, "n1", "detained", 45)]
    [event] = run_events(blank, doc)
    assert event.sub_type == sub_type


# Militants overran a <checkpoint|town> in Kalat .
@pytest.mark.parametrize("thing,sub_type", [("checkpoint", "armed_clash"), ("town", "non_state_actor_overtakes_territory")])
def test_a_post_overrun_is_a_battle_a_town_is_territory(blank, thing, sub_type):
    rows = [("Militants", 1, "nsubj", "NOUN", "militant"), ("overran", 1, "ROOT", "VERB", "overrun"), ("a", 3, "det", "DET", "a"),
            (thing, 1, "dobj", "NOUN", thing), ("in", 3, "prep", "ADP", "in"), ("Kalat", 4, "pobj", "PROPN", "Kalat"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "PK", "city")]
    [event] = run_events(blank, doc)
    assert event.sub_type == sub_type


# Supporters held a <campaign> rally in Kigali .
@pytest.mark.parametrize("kind,found", [("campaign", False), ("peaceful", True)])
def test_a_campaign_rally_is_no_protest(blank, kind, found):
    rows = [("Supporters", 1, "nsubj", "NOUN", "supporter"), ("held", 1, "ROOT", "VERB", "hold"), ("a", 4, "det", "DET", "a"),
            (kind, 4, "compound" if kind == "campaign" else "amod", "NOUN" if kind == "campaign" else "ADJ", kind),
            ("rally", 1, "dobj", "NOUN", "rally"), ("in", 4, "prep", "ADP", "in"), ("Kigali", 5, "pobj", "PROPN", "Kigali"),
            (".", 1, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 6, 6, "l1", "RW", "city")]
    assert bool(run_events(blank, doc)) == found


# An explosion ripped through a <mosque|warehouse> in Kunduz .
@pytest.mark.parametrize("building,found", [("mosque", True), ("warehouse", False)])
def test_an_explosion_in_a_place_of_public_life_is_an_attack(blank, building, found):
    rows = [("An", 1, "det", "DET", "an"), ("explosion", 2, "nsubj", "NOUN", "explosion"), ("ripped", 2, "ROOT", "VERB", "rip"),
            ("through", 2, "prep", "ADP", "through"), ("a", 5, "det", "DET", "a"), (building, 3, "pobj", "NOUN", building),
            ("in", 5, "prep", "ADP", "in"), ("Kunduz", 6, "pobj", "PROPN", "Kunduz"), (".", 2, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 7, 7, "l1", "AF", "city")]
    events = run_events(blank, doc)
    assert bool(events) == found
    if found:
        assert events[0].sub_type == "remote_explosive_landmine_ied"


@pytest.mark.parametrize("sub_type,best,expected", [
    ("protest_with_intervention", 1, "excessive_force_against_protesters"),
    ("protest_with_intervention", 0, "protest_with_intervention"),
    ("protest_with_intervention", None, "protest_with_intervention"),
    ("arrests", 3, "arrests"),
])
def test_a_dispersal_with_deaths_is_excessive_force(sub_type, best, expected):
    candidate = SimpleNamespace(sub_type=sub_type)
    _lethal_intervention(candidate, Toll(low=best, best=best, high=best))
    assert candidate.sub_type == expected


# Afghan forces exchange fire at Torkham , two soldiers killed
@pytest.mark.parametrize("counted,incidents", [(True, 1), (False, 2)])
def test_a_count_of_the_dead_is_no_side_of_a_second_incident(blank, counted, incidents):
    rows = [("Afghan", 1, "amod", "ADJ", "afghan"), ("forces", 2, "nsubj", "NOUN", "force"), ("exchange", 2, "ROOT", "VERB", "exchange"),
            ("fire", 2, "dobj", "NOUN", "fire"), ("at", 2, "prep", "ADP", "at"), ("Torkham", 4, "pobj", "PROPN", "Torkham"),
            (",", 2, "punct", "PUNCT", ","), ("two", 8, "nummod", "NUM", "two"), ("soldiers", 9, "nsubj", "NOUN", "soldier"),
            ("killed", 2, "conj", "VERB", "kill")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "AF", "city")]
    doc._.quantities = [count(doc, 7, 8, "n1", "killed", 2)] if counted else []
    assert len(run_events(blank, doc)) == incidents


# <Lightning|Militia> attack kills 3 herders
@pytest.mark.parametrize("cause,found", [("Lightning", False), ("Elephant", False), ("Militia", True)])
def test_natural_hazards_and_animals_give_no_event(blank, cause, found):
    rows = [(cause, 1, "compound", "NOUN", cause.lower()), ("attack", 2, "nsubj", "NOUN", "attack"), ("kills", 2, "ROOT", "VERB", "kill"),
            ("3", 4, "nummod", "NUM", "3"), ("herders", 2, "dobj", "NOUN", "herder")]
    assert bool(run_events(blank, doc_of(blank, rows))) == found
