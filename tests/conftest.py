"""Shared fixtures. Tests never need ../shared: they use the fixtures in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The default conflictnlp pipeline, loaded once for the whole test session."""
    import conflictnlp

    return conflictnlp.load()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def assert_offsets(record: dict) -> None:
    """Every span in a record points at the text it claims to (``text[s:e] == field text``)."""
    text = record["text"]
    if text is None:
        return
    lo, hi = record["body"] or (0, len(text))
    assert 0 <= lo <= hi <= len(text)

    def check(piece: dict | None, key: str = "span") -> None:
        if piece is None:
            return
        s, e = piece[key]
        assert 0 <= s <= e <= len(text), piece
        assert text[s:e] == piece["text"], (text[s:e], piece)
        assert lo <= s and e <= hi, f"span outside the body: {piece}"

    for quote in record["quotes"]:
        spans = quote["content"]["spans"]
        assert spans, quote
        for s, e in spans:
            assert lo <= s <= e <= hi, quote
        check(quote["cue"])
        check(quote["speaker"])
    for claim in record["claims"]:
        check(claim)
        for hedge in claim["hedges"]:
            check(hedge)
    for key in ("locations", "quantities", "dates"):
        for item in record[key]:
            check(item)
    for dist in record["distances"]:
        check(dist)
        check(dist["reference"])
        check(dist["subject"])
        for also in dist["also"]:
            s, e = also["span"]
            assert lo <= s <= e <= hi
