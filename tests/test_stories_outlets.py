"""Extraction then comparison on an invented multi-outlet story (tests/fixtures/stories): four
outlets on one depot strike with planted disagreements on the dead, the distance and the day,
the governor named in three and described in one, and two similar strikes that must stay
stories of their own (the same night in another region; two days later in the same region,
under the same governor)."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.pipeline import process
from conflictnlp.reading import ArticleInput, iter_inputs
from conflictnlp.schema import validator
from tests.conftest import FIXTURES, assert_offsets

STORY = ["shebekino_border_herald.txt", "shebekino_dawn_post.txt", "shebekino_steppe_news.html", "shebekino_volga_wire.txt"]


@pytest.fixture(scope="module")
def records(nlp):
    files = sorted(p for p in (FIXTURES / "stories").iterdir() if p.is_file() and p.suffix in (".txt", ".html"))
    inputs = [a for a in iter_inputs(files) if isinstance(a, ArticleInput)]
    return list(process(inputs, nlp))


@pytest.fixture(scope="module")
def story(records):
    stories = conflictnlp.compare(records, similarity="lexical")
    validator("stories.schema.json").validate(stories.to_dict())
    assert sorted(sorted(s.articles) for s in stories.stories) == [["kursk_depot_dawn_post.txt"], STORY, ["valuyki_dawn_post.txt"]]
    return next(s for s in stories.stories if len(s.articles) > 1)


def test_records_name_their_outlets_and_dates(records):
    by_id = {r.id: r for r in records}
    for record in records:
        assert record.errors == []
        assert_offsets(record.to_dict())
    assert by_id["shebekino_dawn_post.txt"].source == "Dawn Post"  # "Dawn Post | 8 July 2024" and the copyright line
    assert by_id["shebekino_volga_wire.txt"].source == "Volga Wire"  # byline
    assert by_id["shebekino_border_herald.txt"].published == "2024-07-08"
    assert by_id["shebekino_volga_wire.txt"].published == "2024-07-08"  # "Jul 8, 2024"
    assert by_id["shebekino_steppe_news.html"].source == "Steppe News"  # og:site_name


def _values(story, kind: str, about: str = ""):
    found = [d for d in story.disagreements if d.kind == kind and about in d.about]
    assert len(found) == 1, [(d.kind, d.about) for d in story.disagreements]
    return found[0].values


def test_the_dead_are_counted_differently(story):
    values = _values(story, "quantity", "killed")
    assert {(v.article, v.value) for v in values} >= {("shebekino_dawn_post.txt", 4), ("shebekino_volga_wire.txt", 3)}
    assert not [d for d in story.disagreements if d.kind == "quantity" and "wounded" in d.about]  # nine in both


def test_the_distance_from_the_border_differs(story):
    metres = {v.article: v.metres for v in _values(story, "distance")}
    assert metres["shebekino_volga_wire.txt"] == pytest.approx(24140, rel=0.01)
    assert metres["shebekino_dawn_post.txt"] == pytest.approx(20000)


def test_sunday_night_and_monday_disagree_on_when(story):
    days = {(v.article, v.text) for v in _values(story, "date")}
    assert ("shebekino_volga_wire.txt", "Monday") in days
    assert ("shebekino_dawn_post.txt", "Sunday night") in days


def test_the_described_governor_is_the_named_one_and_both_translations_align(story, records):
    quotes = {(r.id, q.id): q.content.text for r in records for q in r.quotes}
    aligned = [q for q in story.quotes if any("residents" in quotes[(m.article, m.quote)] for m in q.members)]
    assert len(aligned) == 1
    quote = aligned[0]
    assert quote.speaker_name == "Vyacheslav Gladkov"
    assert {"shebekino_dawn_post.txt", "shebekino_volga_wire.txt"} <= {m.article for m in quote.members}
    volga = next(m for m in quote.members if m.article == "shebekino_volga_wire.txt")
    assert volga.speaker == "the regional governor"
    sources = {(m.article, m.source) for c in story.claims for m in c.members}
    assert ("shebekino_volga_wire.txt", "Vyacheslav Gladkov") in sources
