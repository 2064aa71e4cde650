"""Reading files and records: every input becomes a record or a skip with a reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conflictnlp.reading import ArticleInput, SkippedInput, find_layout, iter_inputs, read_record
from conflictnlp.reading.sources import normalise_published

from .conftest import EXAMPLES


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def by_id(items):
    return {item.id: item for item in items if isinstance(item, ArticleInput)}


def test_garbage_gets_errors_or_a_skip_and_the_rest_is_still_read(fixtures_dir):
    items = list(iter_inputs([fixtures_dir / "reading"]))
    articles = by_id(items)
    skipped = [item for item in items if isinstance(item, SkippedInput)]

    assert [s.origin.rsplit("/", 1)[-1] for s in skipped] == ["README.md", "report.rtf"]
    assert "unsupported file type .rtf" in skipped[1].reason

    expected_errors = {
        "binary.txt": "decode: binary file",
        "empty.txt": "text: empty file",
        "whitespace_only.txt": "text: empty file",
        "no_article.html": "html: no article text found",
        "records.jsonl:3": "jsonl: line 3 ends inside a string (from column 26): each record must be one line",
        "no-text": "input: record has neither 'text' nor 'html' [line 5]",
        "records.jsonl:7": "got list",
    }
    for article_id, message in expected_errors.items():
        article = articles[article_id]
        assert article.text is None
        assert any(message in error for error in article.errors), article.errors

    readable = [a for a in articles.values() if a.text is not None]
    assert {"w1", "records.jsonl:2", "bad-date", "w7", "courier-odesa-1", "article_page.html", "related_topics.txt"} <= set(articles)
    assert all(a.text.strip() for a in readable)
    assert len(readable) + len(expected_errors) == len(articles)


def test_ids_follow_records_then_paths_then_jsonl_lines(fixtures_dir):
    articles = by_id(iter_inputs([fixtures_dir / "reading"]))
    assert articles["w1"].published == "2023-03-14"
    assert articles["w1"].origin.endswith("records.jsonl:1")
    assert articles["records.jsonl:2"].text.startswith("A record without an id")
    assert articles["bad-date"].published is None
    assert any("last Tuesday" in e and "[line 6]" in e for e in articles["bad-date"].errors)
    record = articles["courier-odesa-1"]
    assert (record.source, record.published, record.title) == ("The Kyiv Courier", "2023-03-02", "Power restored to most of Odesa")


def test_ids_are_paths_relative_to_the_folder_given(tmp_path, fixtures_dir):
    nested = tmp_path / "outlet_a" / "2023"
    nested.mkdir(parents=True)
    shutil.copy(fixtures_dir / "reading" / "related_topics.txt", nested / "sumy.txt")
    (tmp_path / ".hidden.txt").write_text("Hidden files are editor and system leftovers, not articles.", "utf-8")
    items = list(iter_inputs([tmp_path, nested / "sumy.txt"]))
    assert [item.id for item in items] == ["outlet_a/2023/sumy.txt"]  # the file given twice is read once


def test_missing_path_is_skipped_with_a_reason(tmp_path):
    (item,) = iter_inputs([tmp_path / "nowhere"])
    assert isinstance(item, SkippedInput) and item.reason == "no such file or folder"


def test_decoding_problems_become_errors_but_keep_the_text(fixtures_dir):
    articles = by_id(iter_inputs([fixtures_dir / "reading" / "mixed_utf8_cp1252.txt", fixtures_dir / "reading" / "cp1252_curly_quotes.txt"]))
    assert "“We had no choice.”" in articles["mixed_utf8_cp1252.txt"].text
    assert articles["mixed_utf8_cp1252.txt"].errors[0].startswith("decode: 2 byte(s)")
    assert articles["cp1252_curly_quotes.txt"].errors == []


def test_invalid_json_file_and_a_list_in_a_json_file(tmp_path):
    (tmp_path / "broken.json").write_text('{"text": "unterminated', "utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "one"}, {"text": "two"}]), "utf-8")
    articles = by_id(iter_inputs([tmp_path]))
    assert articles["broken.json"].errors[0].startswith("json: invalid JSON")
    assert ".jsonl" in articles["many.json"].errors[0]


def test_large_text_file_is_read_whole(tmp_path):
    paragraph = "Shelling was reported overnight in several districts of Kharkiv, officials said on Monday.\n"
    (tmp_path / "big.txt").write_text(paragraph * (20_000_000 // len(paragraph)), "utf-8")
    (article,) = iter_inputs([tmp_path / "big.txt"])
    assert article.errors == [] and len(article.text) > 19_000_000


def test_read_record_shapes():
    assert read_record("Just a text.").text == "Just a text."
    assert read_record({"text": 42}).errors == ["text: expected a string, got int"]
    assert read_record({"text": "  "}).errors == ["text: empty article"]
    assert "expected a JSON object" in read_record(7).errors[0]  # type: ignore[arg-type]
    record = read_record({"text": "x y z", "id": 12, "published": "2022-04-01T11:05:00Z"})
    assert (record.id, record.published) == ("12", "2022-04-01")


def test_normalise_published():
    assert normalise_published("2022-04-01") == ("2022-04-01", None)
    assert normalise_published("April 1, 2022 11:05am") == ("2022-04-01", None)
    assert normalise_published(None) == (None, None)
    value, problem = normalise_published("sometime in spring")
    assert value is None and problem.startswith("published: cannot read")


# how each shipped example's body must end, and what comes after it and must stay out
EXAMPLE_ENDINGS = {
    "kupiansk_convoy_eastbridge.txt": ("no other way to get bread.\"", ["Related Topics", "Please enter your comment!", "dnipro_dan", "quick-cash"]),
    "kupiansk_convoy_kyiv_courier.html": ("in the past 24 hours.", ["kharkivite", "Related", "All rights reserved"]),
    "omdurman_market_meridian.txt": ("contributed to this report.", ["© Copyright", "Khalid_S", "moon-signals"]),
    "northstar-kupiansk-20230314": ("the accounts of either side.", ["(Reporting by"]),
    "northstar-goma-20230209": ("with nothing.\"", ["Reporting by", "Our Standards"]),
    "sahel-monitor-djibo-20230502": ("soldiers and civilians.", ["Most read", "Tous droits"]),
}


def test_shipped_examples_read_with_clean_bodies(examples_dir):
    articles = by_id(iter_inputs([examples_dir]))
    assert set(articles) == set(EXAMPLE_ENDINGS)
    for article_id, (ending, outside) in EXAMPLE_ENDINGS.items():
        article = articles[article_id]
        assert article.errors == []
        start, end = find_layout(article.text).body
        body = article.text[start:end]
        assert body.endswith(ending), article_id
        assert not any(piece in body for piece in outside), article_id


def test_count_inputs_matches_what_iter_inputs_yields(fixtures_dir, examples_dir, tmp_path):
    from conflictnlp.reading.sources import count_inputs

    (tmp_path / "a.jsonl").write_bytes(b'{"text": "one"}\n\n   \n{not json\n\xff\xfe\n{"text": "two"}')
    (tmp_path / "b.docx").write_bytes(b"PK")
    (tmp_path / "c.txt").write_bytes(b"")
    paths = [fixtures_dir / "reading", examples_dir, tmp_path, tmp_path / "c.txt", tmp_path / "missing.txt"]
    expected = sum(1 for item in iter_inputs(paths) if isinstance(item, ArticleInput))
    assert count_inputs(paths) == expected
    assert count_inputs([tmp_path], exclude=[tmp_path / "a.jsonl"]) == 1


def test_a_long_run_without_sentence_ends_is_not_prose():
    from conflictnlp.reading.sources import MAX_UNBROKEN_CHARS, prose_problem

    assert prose_problem("word " * 190_000).startswith("text: 950,000 characters from offset 0 with no sentence end")
    assert prose_problem("Troops advanced again. " * 50_000) is None
    assert prose_problem("a" * MAX_UNBROKEN_CHARS + "\n" + "b" * MAX_UNBROKEN_CHARS) is None
    assert "from offset 7" in prose_problem("Intro.\n" + "x " * MAX_UNBROKEN_CHARS)


# --- the outlet and the publication date, read from the page itself ---------------------------

from conflictnlp.reading.boilerplate import parse_dateline  # noqa: E402
from conflictnlp.reading.sources import page_outlet  # noqa: E402

PARAGRAPH = "Drones struck a fuel depot near the border overnight, officials said on Tuesday morning."


@pytest.mark.parametrize(
    "head, outlet",
    [
        ("By Jane Doe | Meridian Wire | June 6, 2023 8:15pm", "Meridian Wire"),
        ("By Jane Doe, Danube Wire", "Danube Wire"),
        ("By Jane Doe, Staff Writer", None),
        ("Eastbridge Post | 9 July 2024", "Eastbridge Post"),
    ],
)
def test_the_outlet_is_read_from_bylines_and_date_lines(head, outlet):
    text = f"Depot burns after drone strike\n{head}\n{PARAGRAPH}\n"
    found = find_layout(text).outlet
    assert (found.text if found else None) == outlet
    if found:
        assert text[found.span[0] : found.span[1]] == outlet


def test_the_outlet_is_read_from_a_copyright_line_or_an_agency_credit():
    text = f"Depot burns\nKYIV, Ukraine (Northstar) - {PARAGRAPH}\nCopyright 2024 Eastbridge News. All rights reserved.\n"
    assert find_layout(text).outlet.text == "Eastbridge News"
    credit_only = f"Depot burns\nKYIV, Ukraine (Northstar) - {PARAGRAPH}\n"
    found = find_layout(credit_only).outlet
    assert found.text == "Northstar" and credit_only[found.span[0] : found.span[1]] == "Northstar"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Eastbridge Post | 9 July 2024", ("2024-07-09", False)),
        ("9 July 2024", ("2024-07-09", False)),
        ("Jul 9, 2024", ("2024-07-09", False)),
        ("2024-07-09", ("2024-07-09", False)),
        ("2024-07-09T08:30:00Z", ("2024-07-09", False)),
        ("Updated | 10 July 2024", ("2024-07-10", True)),
        ("Africa | Great Lakes", None),
        ("Troops advanced on 9 July 2024 towards the river, the army said.", None),
    ],
)
def test_more_dateline_forms_give_the_publication_date(line, expected):
    assert parse_dateline(line) == expected


def test_a_dateline_beside_the_outlet_dates_the_article():
    text = f"Depot burns after drone strike\nEastbridge Post | 9 July 2024\n{PARAGRAPH}\n"
    layout = find_layout(text)
    assert layout.published == "2024-07-09"
    assert text[layout.body[0] :].startswith("Depot burns")


@pytest.mark.parametrize(
    "head, outlet",
    [
        ('<meta property="og:site_name" content="Foo News"><title>Depot burns | Bar</title>', "Foo News"),
        ('<meta property="og:site_name" content="foo.example.com"><title>Depot burns | The Kyiv Courier</title>', "The Kyiv Courier"),
        ("<title>Depot burns - Sahel Monitor</title>", "Sahel Monitor"),
        ("<title>Depot burns</title>", None),
    ],
)
def test_the_outlet_of_an_html_page(head, outlet):
    html = f"<html><head>{head}</head><body><article><h1>Depot burns</h1><p>{PARAGRAPH}</p></article></body></html>"
    assert page_outlet(html, "Depot burns") == outlet


def test_an_html_page_names_its_outlet_in_the_footer_or_byline():
    html = (
        "<html><head><title>Depot burns</title></head><body><article><h1>Depot burns</h1>"
        f'<p class="byline">By Jane Doe</p><p>{PARAGRAPH}</p></article>'
        "<footer><p>&copy; 2023 The Kyiv Courier. All rights reserved.</p></footer></body></html>"
    )
    assert page_outlet(html, "Depot burns") == "The Kyiv Courier"
    record = read_record({"html": html})
    assert record.source == "The Kyiv Courier"
    assert read_record({"html": html, "source": "Given"}).source == "Given"


def test_the_bundled_examples_name_their_outlets(nlp):
    from conflictnlp.pipeline import process

    records = {r.id: r for r in process((a for a in iter_inputs([EXAMPLES]) if isinstance(a, ArticleInput)), nlp)}
    assert records["kupiansk_convoy_eastbridge.txt"].source == "Eastbridge News"
    assert records["kupiansk_convoy_kyiv_courier.html"].source == "The Kyiv Courier"
    assert records["omdurman_market_meridian.txt"].source == "Meridian Wire"


def test_a_broken_jsonl_line_says_which_line_and_what_to_do(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Two\tkilled, officials said."}\n'  # a raw tab: read, kept as it is
        b'{"id": "b", "text": "line one\nline two"}\n'  # a raw line break splits the record
        b'{"id": "c" "text": "x"}\n'
    )
    articles = list(iter_inputs([path]))
    assert articles[0].text == "Two\tkilled, officials said." and articles[0].errors == []
    assert articles[1].errors == [
        "jsonl: line 2 ends inside a string (from column 21): each record must be one line; "
        "write texts with their line breaks escaped as \\n (json.dumps does)"
    ]
    assert articles[2].errors == ['jsonl: line 3 is not JSON (Expecting value at column 1); each line must be one JSON object such as {"id": "a1", "text": "..."}']
    assert "Invalid control character" not in " ".join(e for a in articles for e in a.errors)


def test_extract_output_left_in_an_input_folder_is_skipped_but_read_when_named(tmp_path):
    # `extract re -o re/out.jsonl`, then `extract re -o re/out2.jsonl`: the second run read out.jsonl's
    # records (they carry `text`) as articles, and out2.jsonl held every article twice
    from conflictnlp.model import Article
    from conflictnlp.reading.sources import count_inputs

    folder = tmp_path / "re"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said two people were killed.", encoding="utf-8")
    output = Article(id="a.txt", text="Officials said two people were killed.", body=(0, 38)).to_dict()
    (folder / "out.jsonl").write_text(json.dumps(output) + "\n", encoding="utf-8")
    (folder / "inputs.jsonl").write_text(json.dumps({"id": "b", "text": "Shells hit Kupiansk."}) + "\n", encoding="utf-8")
    items = list(iter_inputs([folder]))
    assert [i.id for i in items if isinstance(i, ArticleInput)] == ["a.txt", "b"]
    skipped = [i for i in items if isinstance(i, SkippedInput)]
    assert [Path(s.origin).name for s in skipped] == ["out.jsonl"] and "earlier `conflictnlp extract`" in skipped[0].reason
    assert count_inputs([folder]) == 2
    named = list(iter_inputs([folder / "out.jsonl"]))
    assert [i.id for i in named] == ["a.txt"] and count_inputs([folder / "out.jsonl"]) == 1
