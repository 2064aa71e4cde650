"""Boundaries of attributions that are found (issue 24): where PolNeAR draws the edges of a
content and a source, each class on a hand-built parse so that a model update does not move
it, and the classes of ``training/boundary_diffs``."""

from __future__ import annotations

from conflictnlp.training.boundary_diffs import content_class, diff_runs, overlapping_pairs, source_class
from tests.helpers import make_doc


def test_boundary_diffs_sorts_runs_by_side_and_class() -> None:
    doc = make_doc(
        """
        Cruz Cruz PROPN nsubj 1
        said say VERB ROOT 1
        that that SCONJ mark 5
        the the DET det 4
        plan plan NOUN nsubj 5
        failed fail VERB ccomp 1
        . . PUNCT punct 1
        """
    )
    text = doc.text
    start = text.index("that")
    predicted = frozenset(range(start, text.index(" .")))
    gold = frozenset(range(text.index("the"), text.index(" .")))
    (run,) = diff_runs(predicted, gold)
    assert run[:2] == ("+", "start") and text[run[2][0] : run[2][1]].strip() == "that"
    assert content_class(doc, text, run[2], "start", gold, None, None) == "complementiser"
    # exact pairs are taken first, the rest by overlap
    assert overlapping_pairs([predicted, gold], [gold]) == []
    assert overlapping_pairs([predicted], [gold]) == [(0, 0)]


def test_boundary_diffs_names_a_relative_clause_on_the_source() -> None:
    doc = make_doc(
        """
        Cruz Cruz PROPN nsubj 4
        , , PUNCT punct 0
        who who PRON nsubj 3
        won win VERB relcl 0
        said say VERB ROOT 4
        . . PUNCT punct 4
        """
    )
    text = doc.text
    run = (text.index(", who") + 1, text.index(" said"))
    assert source_class(doc, text, run, "end") == "relative clause"
