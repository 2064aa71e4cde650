"""The quantities scorer: value and value+unit matching, and a run on a tiny gold file."""

from __future__ import annotations

import pytest

from conflictnlp.evaluation import quantities as scorer
from conflictnlp.evaluation.quantities import Mention, match, same_value, same_value_and_unit


def test_match_is_one_to_one_and_by_value():
    gold = [Mention(2.0, None, "worker"), Mention(2.0, None, "helicopter")]
    predicted = [Mention(2.0, None, "worker"), Mention(2.0, None, "worker"), Mention(3.0, None, "worker")]
    tp, fp, fn = match(predicted, gold, same_value)
    assert tp == 2 and len(fp) == 1 and fn == []
    tp, fp, fn = match(predicted, gold, same_value_and_unit)
    assert tp == 1 and len(fp) == 2 and fn == [Mention(2.0, None, "helicopter")]


def test_ranges_need_the_same_upper_bound():
    assert same_value(Mention(8.0, 10.0, "foot"), Mention(8.0, 10.0, "foot"))
    assert not same_value(Mention(8.0, None, "foot"), Mention(8.0, 10.0, "foot"))
    assert same_value(Mention(0.1 + 0.2, None, "-"), Mention(0.3, None, "-"))


def test_unit_names_map_to_the_gold_names():
    assert scorer.normalise_unit("united states dollar") == "dollar"
    assert scorer.normalise_unit("tonne") == "metric ton"
    assert scorer.normalise_unit("year", concept="age") == "year of age"
    assert scorer.normalise_unit(None, "worker") == "worker"
    assert scorer.normalise_unit(None, "time") == "count"
    assert scorer.normalise_unit(None) == "-"


def test_run_on_a_tiny_gold_file(nlp, fixtures_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(scorer, "_pipeline", lambda model: nlp)
    report = scorer.run(fixtures_dir / "quantities_gold_tiny.jsonl")
    assert report["documents"] == 3 and report["gold_quantities"] == 3
    # every value is found; the third gold unit ("metre" for people) cannot match
    assert (report["value"]["tp"], report["value"]["fp"], report["value"]["fn"]) == (3, 0, 0)
    assert (report["value_unit"]["tp"], report["value_unit"]["fp"], report["value_unit"]["fn"]) == (2, 1, 1)
    assert [error["id"] for error in report["errors"]] == ["tiny-3"]
    text = scorer.render(report)
    assert "value+unit" in text and "3 gold quantities" in text


def test_run_reports_articles_whose_processing_failed(nlp, fixtures_dir, monkeypatch: pytest.MonkeyPatch):
    from conflictnlp.measures.component import MeasuresComponent

    def broken(self, doc):
        raise RuntimeError("unit table unreadable")

    monkeypatch.setattr(scorer, "_pipeline", lambda model: nlp)
    monkeypatch.setattr(MeasuresComponent, "process", broken)
    report = scorer.run(fixtures_dir / "quantities_gold_tiny.jsonl")
    assert [error.split(":")[0] for error in report["processing_errors"]] == ["tiny-1", "tiny-2", "tiny-3"]
    assert "unit table unreadable" in report["processing_errors"][0]
    assert "warning: 3 record errors" in scorer.render(report)
