"""Messages count in words a person reads without stumbling: "1 file", "2 files"."""

from __future__ import annotations

from conflictnlp.batch.runner import ExtractSummary
from conflictnlp.training.convert import ConversionReport
from conflictnlp.wording import count


def test_count_says_one_thing_and_many_things():
    assert count(1, "file") == "1 file"
    assert count(0, "file") == "0 files"
    assert count(2, "story", "stories") == "2 stories"
    assert count(1, "part was", "parts were") == "1 part was"


def test_extract_summary_says_one_record_and_one_file():
    summary = ExtractSummary(records=1, with_errors=0, skipped=[("a.pdf", "not a text format")], resumed_parts=1)
    first, resumed, *_ = summary.lines()
    assert first == "1 record written, 1 processed cleanly, 0 with errors, 1 file skipped"
    assert resumed == "  resumed: 1 part was already done by an earlier run"


def test_conversion_report_says_one_span():
    assert ConversionReport(records=1, spans=1, quotes=1).lines()[0] == "1 text, 1 span, 1 quote"


def test_an_output_name_that_is_no_format_is_refused_before_any_work(tmp_path):
    from typer.testing import CliRunner

    from conflictnlp.cli import EXIT_USAGE, app

    (tmp_path / "a.txt").write_text("Officials said two people were killed.", encoding="utf-8")
    for name in ("x.txt", "x.json", "x.csv"):
        result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / name)])
        assert result.exit_code == EXIT_USAGE, result.stderr
        assert result.stderr == f"conflictnlp: cannot tell the output format from {name!r}: name it .jsonl or .parquet, or add --format jsonl\n"
        assert not (tmp_path / name).exists() and not list(tmp_path.glob(f"{name}*"))
    merged = CliRunner().invoke(app, ["merge", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "m.txt")])
    assert merged.exit_code == EXIT_USAGE and "cannot tell the output format from 'm.txt'" in merged.stderr


def test_output_format_follows_the_suffix_or_the_format_given():
    from pathlib import Path

    from conflictnlp.batch.merge import output_format

    assert output_format(Path("a.jsonl")) == "jsonl" and output_format(Path("a.PARQUET")) == "parquet"
    assert output_format(Path("shard-0-of-2")) == "jsonl"
    assert output_format(Path("a.txt"), "jsonl") == "jsonl"  # said outright, any name goes


def test_evaluation_tables_print_n_a_where_there_is_no_gold_or_no_prediction():
    from conflictnlp.evaluation.scoring import PRF, format_table, prf_cells

    no_gold = PRF(tp=0, fp=3, fn=0).as_dict()  # predictions, none right, nothing to find
    nothing = PRF().as_dict()
    scored = PRF(tp=1, fp=1, fn=1).as_dict()
    assert prf_cells(no_gold) == [0.0, None, None]
    assert prf_cells(nothing) == [None, None, None]
    assert prf_cells(scored) == [0.5, 0.5, 0.5]
    table = format_table([["mixed", *prf_cells(nothing), 0], ["direct", *prf_cells(scored), 2]], ["subset", "P", "R", "F1", "gold"])
    assert table.splitlines()[2].split() == ["mixed", "n/a", "n/a", "n/a", "0"]
    assert "0.000" not in table.splitlines()[2]


def test_the_quotes_table_has_no_zero_row_for_a_subset_without_gold():
    from conflictnlp.evaluation.quotes import render

    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    report = {"gold": "g.jsonl", "documents": 1, "gold_relations": 0, "predicted_quotes": 0, "model": "m", "attribution": "rules",
              "scores": {"mixed": {"content": {"exact": empty, "soft": empty}}}}
    assert render(report).splitlines()[-1].split() == ["mixed", "content", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "0"]
