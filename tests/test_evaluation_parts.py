"""``conflictnlp evaluate --part``: a fixed quarter of every gold file is set aside."""

from __future__ import annotations

import json

import pytest

from conflictnlp.evaluation.scoring import heldout_keys, numbered_records, read_jsonl


def _write(path, ids):
    path.write_text("".join(json.dumps({"id": i, "text": f"text {i}"}) + "\n" for i in ids), encoding="utf-8")
    return path


def test_parts_split_the_file_into_a_quarter_aside_and_the_rest(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [f"doc-{n}" for n in range(30)])
    heldout = [r["id"] for r in read_jsonl(gold, part="heldout")]
    dev = [r["id"] for r in read_jsonl(gold, part="dev")]
    everything = [r["id"] for r in read_jsonl(gold, part="all")]
    assert len(heldout) == 8  # ceil(30 / 4)
    assert not set(heldout) & set(dev)
    assert sorted(heldout + dev) == sorted(everything)
    # file order is kept within a part
    assert dev == [i for i in everything if i in dev]


def test_the_part_depends_on_the_ids_not_the_order_of_the_file(tmp_path):
    ids = [f"doc-{n}" for n in range(20)]
    forward = _write(tmp_path / "a.jsonl", ids)
    backward = _write(tmp_path / "b.jsonl", ids[::-1])
    assert {r["id"] for r in read_jsonl(forward, part="heldout")} == {r["id"] for r in read_jsonl(backward, part="heldout")}
    assert heldout_keys(ids) == heldout_keys(list(reversed(ids)))


def test_records_without_an_id_are_placed_by_their_text(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"text": f"sentence {n}"}) + "\n" for n in range(8)), encoding="utf-8")
    assert len(list(read_jsonl(gold, part="heldout"))) == 2
    assert len(list(read_jsonl(gold, part="dev"))) == 6


def test_limit_counts_records_of_the_part_and_line_numbers_stay_the_files(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [f"doc-{n}" for n in range(12)])
    lines = dict((r["id"], n) for n, r in numbered_records(gold))
    dev = list(numbered_records(gold, limit=2, part="dev"))
    assert len(dev) == 2
    assert all(lines[record["id"]] == line for line, record in dev)


def test_an_unknown_part_is_an_error(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", ["a"])
    with pytest.raises(ValueError, match="unknown part"):
        list(read_jsonl(gold, part="test"))


def test_cli_evaluate_part(fixtures_dir):
    from typer.testing import CliRunner

    from conflictnlp.cli import app

    result = CliRunner().invoke(app, ["evaluate", "stance", "--gold", str(fixtures_dir / "factuality_tiny.jsonl"), "--part", "heldout"])
    assert result.exit_code == 0, result.output
    assert "part: heldout" in result.output
    result = CliRunner().invoke(app, ["evaluate", "stance", "--gold", str(fixtures_dir / "factuality_tiny.jsonl"), "--part", "train"])
    assert result.exit_code != 0


def test_records_that_name_their_part_do_not_move_the_others(tmp_path):
    ids = [f"doc-{n}" for n in range(12)]
    gold = _write(tmp_path / "gold.jsonl", ids)
    before = {r["id"] for r in read_jsonl(gold, part="heldout")}
    with gold.open("a", encoding="utf-8") as handle:
        for n in range(8):
            handle.write(json.dumps({"id": f"new-{n}", "text": "added later", "part": "dev"}) + "\n")
    assert {r["id"] for r in read_jsonl(gold, part="heldout")} == before
    dev = {r["id"] for r in read_jsonl(gold, part="dev")}
    assert {f"new-{n}" for n in range(8)} <= dev and not dev & before
    bad = _write(tmp_path / "bad.jsonl", ["a"])
    bad.write_text(json.dumps({"id": "a", "part": "test"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown part"):
        list(read_jsonl(bad, part="dev"))
