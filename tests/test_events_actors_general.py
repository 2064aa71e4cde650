"""Actor rules of the general-classes round (issue 27), on hand-built parses: a country's name on
a strike noun whose first word is the trigger names the striking state."""

from __future__ import annotations

import pytest
import spacy

from tests.test_events_types import doc_of as _doc_of
from tests.test_events_types import place, run


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def doc_of(blank, rows, published="2025-03-19"):
    return _doc_of(blank, rows, published)


# A US drone strike killed three militants near Jilib
US_STRIKE = [
    ("A", 3, "det", "DET", "a"), ("US", 3, "compound", "PROPN", "US"), ("drone", 3, "compound", "NOUN", "drone"),
    ("strike", 4, "nsubj", "NOUN", "strike"), ("killed", 4, "ROOT", "VERB", "kill"), ("three", 6, "nummod", "NUM", "three"),
    ("militants", 4, "dobj", "NOUN", "militant"), ("near", 6, "prep", "ADP", "near"), ("Jilib", 7, "pobj", "PROPN", "Jilib"),
]


@pytest.mark.parametrize("first_word,dep", [("drone", "compound"), ("air", "compound")])
def test_a_country_on_a_strike_noun_is_the_striking_state(blank, first_word, dep):
    rows = list(US_STRIKE)
    rows[2] = (first_word, 3, dep, "NOUN", first_word)
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 1, 1, "l1", "US", "country"), place(doc, 8, 8, "l2", "SO", "city")]
    [event] = run(blank, doc)
    assert event.type == "explosions_remote_violence"
    assert event.actors.perpetrator is not None
    assert (event.actors.perpetrator.kind, event.actors.perpetrator.name) == ("state_forces", "US")  # the place's name
    assert event.actors.target.kind == "rebel_group"


# Gunmen killed 12 villagers near Beni . The <noun> , identified as CODECO militiamen , fled .
IDENTIFIED = [
    ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("killed", 1, "ROOT", "VERB", "kill"), ("12", 3, "nummod", "NUM", "12"),
    ("villagers", 1, "dobj", "NOUN", "villager"), ("near", 1, "prep", "ADP", "near"), ("Beni", 4, "pobj", "PROPN", "Beni"),
    (".", 1, "punct", "PUNCT", "."), ("The", 8, "det", "DET", "the"), ("attackers", 15, "nsubj", "NOUN", "attacker"),
    (",", 8, "punct", "PUNCT", ","), ("identified", 8, "acl", "VERB", "identify"), ("as", 10, "prep", "ADP", "as"),
    ("CODECO", 13, "compound", "PROPN", "CODECO"), ("militiamen", 11, "pobj", "NOUN", "militiaman"), (",", 8, "punct", "PUNCT", ","),
    ("fled", 15, "ROOT", "VERB", "flee"), (".", 15, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("noun,lemma,perpetrator", [("attackers", "attacker", ("CODECO militiamen", "militia")),
                                                    ("victims", "victim", ("Gunmen", "armed_group"))])
def test_the_group_the_attackers_are_identified_as_is_the_perpetrator(blank, noun, lemma, perpetrator):
    rows = list(IDENTIFIED)
    rows[8] = (noun, 15, "nsubj", "NOUN", lemma)
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 5, 5, "l1", "CD", "city")]
    [event] = run(blank, doc)
    assert (event.actors.perpetrator.text, event.actors.perpetrator.kind) == perpetrator  # what victims are identified as is no side
    assert event.actors.target.kind == "civilians"
