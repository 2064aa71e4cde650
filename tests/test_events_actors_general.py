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
