"""The dates scorer: hand-counted matches, and a run over a tiny invented gold file."""

from __future__ import annotations

import pytest

from conflictnlp.evaluation.dates import DateScores, gold_mentions, match_mentions, render, run


def mention(start: int, end: int, kind: str = "DATE", value: str | None = "2022-04-01", text: str = "x") -> dict:
    return {"span": [start, end], "type": kind, "value": value, "text": text}


GOLD = [mention(0, 6), mention(10, 20, "DURATION", "P5W"), mention(30, 35, value="2022")]
SYSTEM = [
    mention(0, 6),  # exact, right value
    mention(12, 20, "DATE", "P5W"),  # overlaps, wrong type, right value
    mention(40, 45),  # spurious
]


def test_strict_needs_the_same_offsets_relaxed_an_overlap():
    assert match_mentions(GOLD, SYSTEM, strict=True) == [(0, 0)]
    assert match_mentions(GOLD, SYSTEM, strict=False) == [(0, 0), (1, 1)]


def test_one_system_mention_matches_one_gold_mention_only():
    gold = [mention(0, 10), mention(5, 15)]
    assert match_mentions(gold, [mention(4, 12)], strict=False) == [(0, 0)]


def test_counts_by_hand():
    scores = DateScores()
    scores.add("doc", GOLD, SYSTEM)
    report = scores.as_dict()
    assert (report["strict"]["tp"], report["strict"]["fp"], report["strict"]["fn"]) == (1, 2, 2)
    assert (report["relaxed"]["tp"], report["relaxed"]["fp"], report["relaxed"]["fn"]) == (2, 1, 1)
    assert report["relaxed"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["type_accuracy"] == 0.5
    assert report["value_accuracy"] == 1.0
    # value F1 as in TempEval-3: correct values over all system and all gold mentions
    assert report["value"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["value"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert [e["gold"]["value"] for e in report["examples"]["missed"]] == ["2022"]
    assert len(report["examples"]["spurious"]) == 1


def test_creation_time_outside_the_text_is_not_gold():
    record = {"text": "On Friday.", "timexes": [{"span": [3, 9], "type": "DATE", "value": "2022-04-01"}, {"span": None, "type": "DATE", "value": "2022-04-01"}]}
    assert len(gold_mentions(record)) == 1


def test_run_on_a_tiny_gold_file(nlp, fixtures_dir):
    report = run(fixtures_dir / "dates_timex_tiny.jsonl", nlp=nlp)
    assert report["documents"] == 2
    assert report["gold_mentions"] == 5
    timeml = report["timeml"]
    # every gold expression here is plain news usage the component must get exactly right
    assert timeml["strict"]["f1"] == 1.0
    assert timeml["value"]["f1"] == 1.0
    assert report["errors"] == []
    table = render(report)
    assert "relaxed F1" in table and "value F1" in table


def test_run_reports_articles_whose_processing_failed(nlp, fixtures_dir, monkeypatch):
    from conflictnlp.dates.component import DatesComponent

    def broken(self, doc):
        raise RuntimeError("calendar unreadable")

    monkeypatch.setattr(DatesComponent, "process", broken)
    report = run(fixtures_dir / "dates_timex_tiny.jsonl", nlp=nlp)
    assert len(report["errors"]) == report["documents"] == 2
    assert "calendar unreadable" in report["errors"][0]
    assert "warning: 2 record errors" in render(report)
