"""The command line: extract over files and folders, garbage in, schema-valid records out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conflictnlp.schema import validator

from .conftest import assert_offsets

ARTICLE = """Skip to main content

Europe

Shelling hits market in frontline town

April 3, 2023 9:15am

Artillery shells struck a market in the town of Kupiansk on Sunday, killing three people, local officials said.

"People were buying bread when it started," said Oksana Hrytsenko, a shop owner.

Related Topics
"""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "conflictnlp.cli", *args], capture_output=True, text=True, cwd=cwd)


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def garbage_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "huge.txt").write_text("Troops advanced again. " * 900_000, encoding="utf-8")  # ~20 MB
    (folder / "nav_only.html").write_text(
        "<html><head><title>Home</title></head><body></body></html>", encoding="utf-8"
    )
    lines = [json.dumps({"id": "j1", "text": ARTICLE, "source": "Wire"}), "{not json", json.dumps({"id": "j3", "title": "no text"})]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    nested = folder / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "record.json").write_text(json.dumps({"id": "r1", "text": ARTICLE, "published": "2023-04-03"}), encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "records.jsonl"
    proc = run_cli("extract", str(folder), "-o", str(out))
    return proc, read_records(out) if out.exists() else []


def test_garbage_never_stops_the_batch(garbage_run):
    proc, records = garbage_run
    assert proc.returncode == 0, proc.stderr
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == {"good.txt", "empty.txt", "binary.txt", "huge.txt", "nav_only.html", "j1", "corpus.jsonl:2", "j3", "r1"}
    assert "empty" in by_id["empty.txt"]["errors"][0]
    assert "binary" in by_id["binary.txt"]["errors"][0]
    assert "size" in by_id["huge.txt"]["errors"][0]
    assert "no article text" in by_id["nav_only.html"]["errors"][0]
    assert "invalid JSON" in by_id["corpus.jsonl:2"]["errors"][0]
    assert "neither 'text' nor 'html'" in by_id["j3"]["errors"][0]
    assert by_id["good.txt"]["errors"] == [] and by_id["j1"]["source"] == "Wire"
    assert by_id["r1"]["published"] == "2023-04-03"
    assert "notes.docx" in proc.stderr and "unsupported file type" in proc.stderr
    assert "6 with errors" in proc.stderr and "1 files skipped" in proc.stderr


def test_every_written_record_is_schema_valid_with_exact_offsets(garbage_run):
    _, records = garbage_run
    check = validator()
    for record in records:
        check.validate(record)
        assert_offsets(record)


def test_dateline_and_fallback_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Shelling resumed on Monday near the town, officials said.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), "--published", "2023-04-05")
    assert proc.returncode == 0, proc.stderr
    published = {r["id"]: r["published"] for r in read_records(out)}
    assert published == {"a.txt": "2023-04-03", "b.txt": "2023-04-05"}


def test_nothing_processable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(tmp_path), "-o", str(out))
    assert proc.returncode == 1
    assert len(read_records(out)) == 1  # the error record is still written


def test_parquet_output_is_a_folder_of_tables(tmp_path):
    import pyarrow.parquet as pq

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.parquet"
    proc = run_cli("extract", str(tmp_path / "a.txt"), "-o", str(out), "--format", "parquet")
    assert proc.returncode == 0, proc.stderr
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [(a["article_id"], a["published"]) for a in articles] == [("a.txt", "2023-04-03")]
    for table in ("quotes", "claims", "locations", "distances", "quantities", "dates"):
        rows = pq.read_table(out / f"{table}.parquet").to_pylist()
        assert all(row["article_id"] == "a.txt" for row in rows), table


def test_show_prints_a_readable_summary(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run_cli("extract", str(tmp_path), "-o", str(out)).returncode == 0
    shown = run_cli("show", str(out))
    assert shown.returncode == 0
    assert "== a.txt" in shown.stdout and "Shelling hits market in frontline town" in shown.stdout


def test_output_inside_an_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        proc = run_cli("extract", str(tmp_path), "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        assert [r["id"] for r in read_records(out)] == ["a.txt"]


def test_a_bad_attribution_setting_stops_extract_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli("extract", str(tmp_path), "-o", str(out), "--attribution", str(tmp_path / "nowhere"))
    assert proc.returncode == 2
    assert "not a folder saved by package_model" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()
