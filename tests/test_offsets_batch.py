"""The offset properties on the batch path: the saved examples through ``conflictnlp extract``
to JSONL and to Parquet, checked on what is read back."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conflictnlp.batch.read import iter_records
from conflictnlp.cli import app

from .helpers import check_parquet_tables, check_record
from .test_offsets_property import REGRESSIONS

TRAPS = [
    "“We will not retreat,” he said on Friday, 22 miles from Belgorod.",
    "„Nie” ‹oui› «non» — said officials\u2028on June 10 about 25 km (16 miles) north of Aleppo; 3 t of aid.",
    "'unpaired \"quote said 2022-04-01 killing two and injuring 11\r\n\u00a0\u3000",
]
TEXTS = REGRESSIONS + TRAPS


@pytest.fixture
def extracted(tmp_path, monkeypatch, nlp):
    """The saved examples as an input JSONL file, extracted to ``out.jsonl`` and ``out.parquet``."""
    monkeypatch.setattr("conflictnlp.batch.runner.load", lambda model=None, attribution=None, exclude=(): nlp)
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for n, text in enumerate(TEXTS, start=1):
            f.write(json.dumps({"id": f"t{n}", "text": text, "published": "2022-04-01" if n % 2 else None}) + "\n")
    outputs = {"jsonl": tmp_path / "out.jsonl", "parquet": tmp_path / "out.parquet"}
    for fmt, out in outputs.items():
        result = CliRunner().invoke(app, ["extract", str(source), "-o", str(out), "--format", fmt])
        assert result.exit_code == 0, result.stderr
    return outputs


def test_jsonl_output_keeps_every_property(extracted):
    lines = extracted["jsonl"].read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [f"t{n}" for n in range(1, len(TEXTS) + 1)]
    for record, text in zip(records, TEXTS):
        check_record(record, text)


def test_parquet_output_keeps_every_property(extracted):
    records = list(iter_records(extracted["parquet"]))
    assert [r["id"] for r in records] == [f"t{n}" for n in range(1, len(TEXTS) + 1)]
    for record, text in zip(records, TEXTS):
        check_record(record, text)
    assert check_parquet_tables(extracted["parquet"]) > 0
    # the texts survive the round trip byte for byte (odd whitespace included)
    texts = pq.read_table(extracted["parquet"] / "articles.parquet").column("text").to_pylist()
    assert texts == TEXTS
