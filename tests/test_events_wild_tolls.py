"""Tolls the events_wild set showed the rules missed, on hand-built parses: an army communiqué's
"N assailants were put out of action" counts the enemy dead."""

from __future__ import annotations

import pytest

from conflictnlp.model import Quantity
from tests.helpers import chars, doc_of, place, run_events


# Troops ambushed rebels in Borno . 13 rebels were put out of <noun> .
@pytest.mark.parametrize("noun,toll", [("action", 13), ("reach", None)])
def test_put_out_of_action_counts_the_enemy_dead(blank, noun, toll):
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), ("ambushed", 1, "ROOT", "VERB", "ambush"), ("rebels", 1, "dobj", "NOUN", "rebel"),
            ("in", 1, "prep", "ADP", "in"), ("Borno", 3, "pobj", "PROPN", "Borno"), (".", 1, "punct", "PUNCT", "."),
            ("13", 7, "nummod", "NUM", "13"), ("rebels", 9, "nsubjpass", "NOUN", "rebel"), ("were", 9, "auxpass", "AUX", "be"),
            ("put", 9, "ROOT", "VERB", "put"), ("out", 9, "prep", "ADP", "out"), ("of", 10, "prep", "ADP", "of"),
            (noun, 11, "pobj", "NOUN", noun), (".", 9, "punct", "PUNCT", ".")]
    doc = doc_of(blank, rows)
    doc._.locations = [place(doc, 4, 4, "l1", "NG", "admin1")]
    s, e = chars(doc, 6, 7)
    doc._.quantities = [Quantity(id="n1", text=doc.text[s:e], span=(s, e), value=13.0, concept="rebels")]
    [event] = run_events(blank, doc)
    assert event.sub_type == "armed_clash"
    assert event.fatalities.best == toll
