"""Quotation-mark pairing: every mark variant news text mixes."""

from __future__ import annotations

import pytest

from conflictnlp.quotes.marks import find_quoted_passages, paragraph_starts


def quoted(text: str) -> list[str]:
    return [p.text(text) for p in find_quoted_passages(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"The bridge is gone," the mayor said.', ["The bridge is gone,"]),
        ("“The bridge is gone,” the mayor said.", ["The bridge is gone,"]),
        # curly opener closed by a straight mark
        ("“We have documents ready,\" the adviser said.", ["We have documents ready,"]),
        # doubled apostrophes as in some wire archives
        ("He said the strike reached ''a new low.'' Officials agreed.", ["a new low."]),
        ("``Nobody was hurt,'' the governor said.", ["Nobody was hurt,"]),
        ("He called it «a provocation» on Friday.", ["a provocation"]),
        # an opener used as the closer
        ("The claim was rated “Mostly False.“\n\nLater that day", ["Mostly False."]),
    ],
)
def test_mark_variants(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_inner_single_quotes_stay_inside() -> None:
    text = "“He is considering a ‘Korean’ scenario,” said the general."
    assert quoted(text) == ["He is considering a ‘Korean’ scenario,"]


def test_nested_double_quotes_of_another_shape() -> None:
    text = '"It comes across as “too loud” or “too shrill,”" she said.'
    assert quoted(text) == ["It comes across as “too loud” or “too shrill,”"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("Ukraine’s army said the convoy's route was cut.") == []


def test_quote_over_paragraphs_is_one_passage_with_a_piece_per_paragraph() -> None:
    text = "“The first shells hit at dawn.\n\n“By noon the school was on fire,” the teacher said."
    passages = find_quoted_passages(text)
    assert len(passages) == 1
    assert [text[s:e] for s, e in passages[0].inner] == ["The first shells hit at dawn.", "By noon the school was on fire,"]
    assert passages[0].closed


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "“The convoy never arrived, the official said.\n\nThe next paragraph has “its own” quote."
    passages = find_quoted_passages(text)
    assert [p.text(text) for p in passages] == ["The convoy never arrived, the official said.", "its own"]
    assert not passages[0].closed and passages[1].closed


def test_offsets_point_into_the_text() -> None:
    text = "Intro.\n“Two workers were injured,” Gladkov added, “and the fire is out.”"
    for passage in find_quoted_passages(text):
        for (s, e), (inner_s, inner_e) in zip(passage.pieces, passage.inner):
            assert text[s] in "“\"" and text[e - 1] in "”\""
            assert s < inner_s <= inner_e < e
    assert quoted(text) == ["Two workers were injured,", "and the fire is out."]


def test_paragraph_starts_skip_blank_lines() -> None:
    assert paragraph_starts("a\n\nb\nc") == [0, 3, 5]
