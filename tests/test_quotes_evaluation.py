"""The quotes scorer on a tiny invented gold file in the PolNeAR layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictnlp.evaluation import quotes as evaluation
from conflictnlp.evaluation.scoring import read_jsonl

GOLD = Path(__file__).parent / "fixtures" / "attribution_mini.jsonl"


def quote(text: str, content: list[str], kind: str, speaker: str | None = None, cue: str | tuple[str, str] | None = None) -> dict:
    """A predicted quote record pointing at the first occurrence of each fragment; a
    (context, fragment) pair points at the fragment inside the context."""

    def at(fragment: str | tuple[str, str]) -> list[int]:
        context, fragment = fragment if isinstance(fragment, tuple) else (fragment, fragment)
        start = text.index(context) + context.index(fragment)
        return [start, start + len(fragment)]

    return {
        "type": kind,
        "content": {"text": " ".join(content), "spans": [at(c) for c in content]},
        "speaker": {"text": speaker, "span": at(speaker)} if speaker else None,
        "cue": {"text": cue if isinstance(cue, str) else cue[1], "span": at(cue)} if cue else None,
    }


@pytest.fixture(scope="module")
def counts() -> dict:
    first, second = list(read_jsonl(GOLD))
    t1, t2 = first["text"], second["text"]
    predictions = [
        [
            quote(t1, ["The bridge is gone,"], "direct", "the mayor", "said"),
            quote(t1, ["the road was closed"], "indirect", "Officials", ("Officials said", "said")),
            quote(t1, ["the mayor said"], "indirect"),  # nothing in gold
        ],
        [
            quote(t2, ["the town was retaken"], "indirect", "army", "According to"),
            quote(t2, ["We will rebuild,"], "direct", "she", "said"),  # first piece only
        ],
    ]
    counts = evaluation.new_counts()
    for record, predicted in zip((first, second), predictions):
        evaluation.score_document(evaluation.predicted_items(record["text"], predicted), evaluation.gold_items(record), counts)
    return counts


def test_normalise_trims_marks_and_punctuation() -> None:
    text = "“The bridge is gone,” he said."
    assert evaluation.normalise(text, [(0, 21)]) == evaluation.normalise(text, [(1, 19)]) == frozenset(range(1, 19))


def test_content_exact_and_soft(counts: dict) -> None:
    exact, soft = counts["all"]["content"]["exact"], counts["all"]["content"]["soft"]
    # exact: marks and the trailing comma are trimmed; the half of a split quote is not exact
    assert (exact.tp, exact.fp, exact.fn) == (3, 2, 2)
    # soft: the half covers 15 of 26 characters (Jaccard 0.58)
    assert (soft.tp, soft.fp, soft.fn) == (4, 1, 1)


def test_source_soft_threshold_is_inclusive(counts: dict) -> None:
    exact, soft = counts["all"]["source"]["exact"], counts["all"]["source"]["soft"]
    assert (exact.tp, exact.fp, exact.fn) == (3, 1, 1)
    assert (soft.tp, soft.fp, soft.fn) == (4, 0, 0)  # "army" vs "the army": Jaccard 0.5


def test_cue_counts_and_gold_without_source(counts: dict) -> None:
    cue = counts["all"]["cue"]["exact"]
    assert (cue.tp, cue.fp, cue.fn) == (4, 0, 1)
    assert counts["mixed"]["source"]["exact"].fn == 0  # the no-source relation is not a source


def test_types_add_up_to_the_overall_counts(counts: dict) -> None:
    for role in evaluation.ROLES:
        for mode in ("exact", "soft"):
            total = counts["all"][role][mode]
            parts = [counts[kind][role][mode] for kind in evaluation.TYPES]
            assert (total.tp, total.fp, total.fn) == (sum(p.tp for p in parts), sum(p.fp for p in parts), sum(p.fn for p in parts))
    direct = counts["direct"]["content"]["exact"]
    assert (direct.tp, direct.fp, direct.fn) == (1, 1, 1)


def test_run_and_render_on_the_fixture() -> None:
    report = evaluation.run(GOLD)
    assert report["documents"] == 2 and report["gold_relations"] == 5
    assert report["errors"] == []
    assert set(report["scores"]) == {"all", "direct", "indirect", "mixed"}
    assert report["scores"]["direct"]["content"]["soft"]["tp"] >= 1
    table = evaluation.render(report)
    assert "content" in table and "soft F1" in table


def test_processing_errors_are_reported_not_scored_silently(monkeypatch) -> None:
    from conflictnlp.quotes import component

    def broken(*args, **kwargs):
        raise RuntimeError("broken rule")

    monkeypatch.setattr(component, "verb_attributions", broken)
    report = evaluation.run(GOLD)
    assert len(report["errors"]) == report["documents"] == 2
    assert "broken rule" in report["errors"][0]
    assert "warning: 2 record errors" in evaluation.render(report)


def test_cli_attribution_option_is_checked_before_running() -> None:
    from typer.testing import CliRunner

    from conflictnlp.cli import app

    result = CliRunner().invoke(app, ["evaluate", "places", "--gold", str(GOLD), "--attribution", "rules"])
    assert result.exit_code == 2 and "quotes evaluation only" in result.output
    result = CliRunner().invoke(app, ["evaluate", "quotes", "--gold", str(GOLD), "--attribution", str(GOLD.parent)])
    assert result.exit_code == 2 and "not a folder saved by package_model" in result.output
    result = CliRunner().invoke(app, ["evaluate", "quotes", "--gold", str(GOLD), "--attribution", "rules"])
    assert result.exit_code == 0 and "attribution: rules" in result.output


def test_articles_without_id_are_named_by_their_line_in_the_gold_file(monkeypatch, tmp_path) -> None:
    from conflictnlp.quotes import component

    def broken(*args, **kwargs):
        raise RuntimeError("broken rule")

    monkeypatch.setattr(component, "verb_attributions", broken)
    gold = tmp_path / "gold.jsonl"
    record = '{"text": "The mayor said the bridge was gone.", "quotes": []}\n'
    gold.write_text(record + "\n" + record, encoding="utf-8")  # a blank line between them
    errors = evaluation.run(gold)["errors"]
    assert [e.split(":")[0] for e in errors] == ["line 1", "line 3"]


def test_a_gold_line_that_is_not_json_is_named(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "x", "quotes": []}\n{"text": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl, line 2: not a JSON record"):
        list(read_jsonl(gold))
