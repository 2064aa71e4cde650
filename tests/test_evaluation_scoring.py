"""PRF: the counts-to-scores step is spaCy's PRFScore, with the figures the reports always gave."""

from __future__ import annotations

from spacy.scorer import PRFScore

from conflictnlp.evaluation.scoring import PRF


def test_prf_scores_come_from_spacy_prfscore():
    prf = PRF()
    prf.add(tp=3, fp=1)
    prf.add(fn=2)
    assert isinstance(prf, PRFScore)
    assert prf.as_dict() == {"precision": 0.75, "recall": 0.6, "f1": 0.6667, "tp": 3, "fp": 1, "fn": 2}


def test_prf_with_no_counts_scores_zero_and_fractional_counts_add():
    assert PRF().as_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    half = PRF(0.5, 0.5, 0)
    assert (half.precision, half.recall, half.f1) == (0.5, 1.0, 2 * 0.5 * 1.0 / 1.5)
    assert half == PRF(tp=0.5, fp=0.5) and half != PRF(tp=1)
