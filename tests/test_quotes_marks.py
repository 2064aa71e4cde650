"""Quotation-mark pairing: every mark variant news text mixes."""

from __future__ import annotations

import pytest

from conflictnlp.quotes.marks import find_quoted_passages, markup_spans, paragraph_starts


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


def pieces_and_inner(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], text[a:b]) for p in find_quoted_passages(text) for (s, e), (a, b) in zip(p.pieces, p.inner)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # doubled apostrophes on both sides, at the start of a paragraph
        ("''We will not retreat,'' the commander said.", [("''We will not retreat,''", "We will not retreat,")]),
        # doubled backticks closed by doubled apostrophes
        ("``We will not retreat,'' he said.", [("``We will not retreat,''", "We will not retreat,")]),
        # mid-sentence, after a colon, and two in a row
        (
            "The colonel said: ''The ferry crossing is mined.'' He added, ``Stay away.''",
            [("''The ferry crossing is mined.''", "The ferry crossing is mined."), ("``Stay away.''", "Stay away.")],
        ),
    ],
)
def test_doubled_marks_offsets_exclude_the_marks(text: str, expected: list[tuple[str, str]]) -> None:
    assert pieces_and_inner(text) == expected


def test_lone_apostrophes_next_to_doubled_marks_stay_untouched() -> None:
    text = "Ukraine's veterans of the '90s wars said the pass was ''closed for good.'' Kyiv's envoy agreed."
    assert pieces_and_inner(text) == [("''closed for good.''", "closed for good.")]
    assert quoted("Ukraine's army has held the '90s line since the rivers' floods.") == []


def test_possessive_plural_outside_a_quote_opens_nothing() -> None:
    text = "The soldiers'' rifles were handed back, ''and nobody was arrested,'' the mayor said."
    assert quoted(text) == ["and nobody was arrested,"]


def test_possessive_plural_inside_a_quote_is_not_the_closer() -> None:
    text = "''We visited the soldiers'' families in Izium today,'' the chaplain said."
    assert pieces_and_inner(text) == [(text[: text.index(" the chaplain")], "We visited the soldiers'' families in Izium today,")]


def test_doubled_mark_closing_after_a_possessive_plural() -> None:
    text = "She said they would ''honour the drivers''' memory. Then she left."
    [(piece, inner)] = pieces_and_inner(text)
    assert piece == "''honour the drivers'''" and inner == "honour the drivers'"


def test_triple_apostrophes_are_an_inner_single_quote_inside_a_doubled_one() -> None:
    text = "''He told us, 'Hold the bridge,''' the sergeant recalled. '''Fortress Bakhmut,''' she replied."
    assert pieces_and_inner(text) == [
        ("''He told us, 'Hold the bridge,'''", "He told us, 'Hold the bridge,'"),
        ("'''Fortress Bakhmut,'''", "'Fortress Bakhmut,'"),
    ]


def test_marks_inside_markup_tags_are_not_quotations() -> None:
    text = '<tweet pic="" author="realDonaldTrump" id="667777348029292544">I love "this" state</tweet> <a href="x.html">link</a>'
    assert [p.text(text) for p in find_quoted_passages(text)] == ["this"]
    assert [text[s:e] for s, e in markup_spans(text)] == [
        '<tweet pic="" author="realDonaldTrump" id="667777348029292544">', "</tweet>", '<a href="x.html">', "</a>"
    ]


def test_comparison_signs_are_not_markup() -> None:
    text = 'If turnout is < 50% and costs > $2m, "we lose," he said.'
    assert markup_spans(text) == []
    assert [p.text(text) for p in find_quoted_passages(text)] == ["we lose,"]
