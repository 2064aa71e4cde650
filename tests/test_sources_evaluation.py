"""``conflictnlp evaluate sources``: claims inside gold contents against the gold source."""

from __future__ import annotations

from conflictnlp.evaluation import sources
from tests.conftest import FIXTURES

TEXT = "Kyiv said the bridge was hit. Officials said the road was closed."


def _record() -> dict:
    return {"text": TEXT, "quotes": [
        {"speaker_span": [0, 4], "content_span": [10, 28], "type": "indirect"},
        {"speaker_span": [30, 39], "content_span": [45, 64], "type": "indirect"},
        {"speaker_span": None, "content_span": [0, 64], "type": "indirect"},  # no source: not counted
    ]}


def _claim(words: str, source, quote_id=None) -> dict:
    start = TEXT.index(words)
    return {"span": [start, start + len(words)], "source": source, "quote_id": quote_id}


def test_names_match_softly():
    assert sources.names_match("Clinton", "Hillary Clinton")
    assert sources.names_match("the Kremlin", "Kremlin")
    assert sources.names_match("Kremlin's", "The Kremlin")
    assert sources.names_match("Dmitri Peskov", "Dmitry Peskov")
    assert not sources.names_match("Kyiv", "Moscow")
    assert not sources.names_match("Kyiv", None)


def test_claims_inside_gold_contents_are_scored_against_the_innermost_source():
    counts = sources.defaultdict(sources._Counts)
    quotes = [{"id": "q2", "speaker": {"text": "they", "span": [30, 39]}}]
    claims = [
        _claim("the bridge was hit", "Kyiv", "q1"),        # right by name
        _claim("the road was closed", "they", "q2"),       # right by the speaker mention's span
        _claim("road was closed", None),                   # the outlet's: wrong, and carries no quote
        _claim("Kyiv said the bridge", None),              # inside no sourced gold content: not counted
    ]
    sources.score_article(sources.gold_relations(_record()), claims, quotes, counts)
    assert counts["all"].as_dict() == {"claims": 3, "source_right": 2, "share_right": 0.6667, "no_quote": 1, "share_no_quote": 0.3333}


def test_the_cli_scores_sources_by_part(tmp_path):
    from typer.testing import CliRunner

    from conflictnlp.cli import app

    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["evaluate", "sources", "--gold", str(FIXTURES / "attribution_mini.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "sources of claims inside gold contents" in result.output
    import json

    report = json.loads(out.read_text())
    assert report["task"] == "sources" and report["scores"]["all"]["claims"] >= 2
    assert report["scores"]["all"]["share_right"] > 0.5
