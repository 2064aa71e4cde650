"""Reading extract output back: JSONL, standard input and the Parquet folder give the same
records, in bounded batches, with clear errors for anything that is not extract output."""

from __future__ import annotations

import io
import json

import pytest

from conflictnlp.batch import merge
from conflictnlp.batch import read as read_module
from conflictnlp.batch.read import RecordsError, iter_articles, iter_records
from conflictnlp.model import Article, MultiSpan, Quote

from .helpers import full_record


def records_fixture() -> list[dict]:
    quote = Quote(id="q1", type="direct", content=MultiSpan("Hi", [(0, 2)]))
    return [
        full_record("a1"),
        Article(id="e1", errors=["size: too long"]).to_dict(),
        # the same id twice in a row, the first without items: only article_index tells them apart
        Article(id="dup", text="x").to_dict(),
        Article(id="dup", text="Hi there", quotes=[quote]).to_dict(),
        Article(id=None, text="no id").to_dict(),
        full_record("a2"),
    ]


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_and_parquet_give_the_same_records(tmp_path, monkeypatch):
    records = records_fixture()
    jsonl = write_jsonl(tmp_path / "out.jsonl", records)
    parquet = tmp_path / "out.parquet"
    merge([jsonl], parquet)
    # several small batches per table, so items cross batch boundaries
    monkeypatch.setattr(read_module, "PARQUET_BATCH_ROWS", 1)
    assert list(iter_records(jsonl)) == records
    from_parquet = list(iter_records(parquet))
    assert from_parquet == records
    assert [Article.from_dict(r) for r in from_parquet] == [Article.from_dict(r) for r in records]
    assert list(iter_records(parquet / "articles.parquet")) == records
    assert [a.id for a in iter_articles(parquet)] == ["a1", "e1", "dup", "dup", None, "a2"]


def test_parquet_is_read_a_batch_at_a_time(tmp_path, monkeypatch):
    jsonl = write_jsonl(tmp_path / "out.jsonl", [Article(id=f"r{i}").to_dict() for i in range(10)])
    parquet = tmp_path / "out.parquet"
    merge([jsonl], parquet)
    sizes = []
    original = read_module._batches

    def spy(path):
        for rows in original(path):
            sizes.append(len(rows))
            yield rows

    monkeypatch.setattr(read_module, "PARQUET_BATCH_ROWS", 3)
    monkeypatch.setattr(read_module, "_batches", spy)
    stream = iter_records(parquet)
    next(stream)
    assert sizes and max(sizes) <= 3
    assert len(list(stream)) == 9


def test_empty_parquet_output_has_no_records(tmp_path):
    jsonl = write_jsonl(tmp_path / "out.jsonl", [])
    merge([jsonl], tmp_path / "out.parquet")
    assert list(iter_records(tmp_path / "out.parquet")) == []


def test_dash_reads_standard_input(monkeypatch):
    records = records_fixture()
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(json.dumps(r) + "\n" for r in records)))
    assert list(iter_records("-")) == records


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: tmp / "missing.jsonl", "no such file or folder"),
        (lambda tmp: write_jsonl(tmp / "raw.jsonl", [{"id": "a", "text": "Raw input."}]), "run `conflictnlp extract` on it first"),
        (lambda tmp: write_jsonl(tmp / "other.jsonl", [{"foo": 1}]), "not an extract record"),
        (lambda tmp: write_jsonl(tmp / "list.jsonl", [[1, 2]]), "not a JSON object"),
        (lambda tmp: (tmp / "prose.txt").write_text("Hello.\n") and tmp / "prose.txt", "not JSON"),
        (lambda tmp: (tmp / "bin.jsonl").write_bytes(b"\xff\xfe\x00\x81") and tmp / "bin.jsonl", "not UTF-8"),
        (lambda tmp: (tmp / "folder").mkdir() or tmp / "folder", "without articles.parquet"),
        (lambda tmp: (tmp / "OUT.jsonl.parts").mkdir() or tmp / "OUT.jsonl.parts", "conflictnlp merge"),
    ],
)
def test_what_is_not_extract_output_gets_a_clear_error(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(RecordsError) as caught:
        list(iter_records(path))
    text = str(caught.value)
    assert message in text and str(path.name) in text
    assert len(text.splitlines()) == 1


def test_a_parquet_folder_missing_a_table_gets_a_clear_error(tmp_path):
    merge([write_jsonl(tmp_path / "out.jsonl", [full_record("a1")])], tmp_path / "out.parquet")
    (tmp_path / "out.parquet" / "quotes.parquet").unlink()
    with pytest.raises(RecordsError, match="quotes.parquet is missing"):
        list(iter_records(tmp_path / "out.parquet"))
