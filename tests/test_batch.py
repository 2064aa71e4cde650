"""Batch extraction: resuming after kill -9, shards, merging to JSONL and Parquet, error
isolation, and the Dask engine giving the local engine's records."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conflictnlp.batch import IncompleteParts, PartsMismatch, Shard, merge, run_extract
from conflictnlp.batch.parts import MANIFEST, ShardParts, parts_root
from conflictnlp.model import (
    Article,
)
from tests.helpers import full_record, light_pipeline, quiet, write_corpus


@Language.component("batch_test_trouble")
def trouble(doc: Doc) -> Doc:
    """Fails on articles that say BOOM and never finishes those that say HANG."""
    if "BOOM" in doc.text:
        raise RuntimeError("test component exploded")
    if "HANG" in doc.text:
        time.sleep(600)
    return doc


def read_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_shard_parse_and_ownership():
    shard = Shard.parse("1/3")
    assert (shard.index, shard.count) == (1, 3)
    assert [p for p in range(9) if shard.owns(p)] == [1, 4, 7]
    for bad in ("3/3", "x/2", "1", "-1/2"):
        with pytest.raises(ValueError):
            Shard.parse(bad)


@pytest.mark.slow
def test_resume_after_kill_9_gives_every_input_exactly_once(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 24)
    output = tmp_path / "out.jsonl"
    script = Path(sys.executable).with_name("conflictnlp")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "conflictnlp.cli"]
    # the extraction components are left out: this is about the batch machinery, not them
    command += ["extract", str(corpus), "-o", str(output), "--part-size", "2", "--n-process", "1", "--batch-size", "1",
                "--exclude", "places,measures,dates,quotes,claims"]
    manifest = parts_root(output) / "shard-0-of-1" / MANIFEST
    # its own session, so kill -9 takes the workers down with it, as a crash of the machine would
    first = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not (manifest.exists() and manifest.read_bytes().count(b"\n") >= 1):
            assert first.poll() is None, first.stderr.read().decode()
            assert time.monotonic() < deadline, "no part was committed"
            time.sleep(0.05)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        first.stderr.close()
    assert not output.exists()
    committed = manifest.read_bytes().count(b"\n")
    assert committed < 12, "the run finished before it could be killed"

    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert "resumed: " in second.stderr
    assert "24 records written" in second.stderr
    assert sorted(read_ids(output)) == sorted(ids)
    assert read_ids(output) == ids  # input order too
    assert not parts_root(output).exists()


def test_torn_manifest_line_is_ignored_and_that_part_redone(tmp_path):
    settings = {"inputs": [], "shard": [0, 1]}
    parts = ShardParts(tmp_path / "shard-0-of-1", settings)
    parts.commit(0, ['{"id": "a"}\n'], [[]])
    with (parts.folder / MANIFEST).open("a") as handle:
        handle.write('{"number": 1, "file": "part-0000')  # the crash hit mid-append
    reopened = ShardParts(parts.folder, settings)
    assert sorted(reopened.parts) == [0]
    reopened.commit(1, ['{"id": "b"}\n'], [["size: too long"]])
    again = ShardParts(parts.folder, settings)
    assert sorted(again.parts) == [0, 1]
    assert again.parts[1].error_kinds == {"size": 1}
    with pytest.raises(PartsMismatch):
        ShardParts(parts.folder, {**settings, "shard": [1, 2]})


def test_shards_cover_every_article_once_and_merge_to_the_unsharded_output(tmp_path, light_nlp):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 11)
    whole = tmp_path / "whole.jsonl"
    run_extract([corpus], whole, nlp=light_nlp, part_size=2, on_skip=quiet)

    sharded = tmp_path / "sharded.jsonl"
    per_shard = {}
    for index in range(3):
        summary = run_extract([corpus], sharded, nlp=light_nlp, part_size=2, shard=Shard(index, 3), on_skip=quiet)
        assert "conflictnlp merge" in summary.merge_hint
        folder = parts_root(sharded) / f"shard-{index}-of-3"
        per_shard[index] = [json.loads(line)["id"] for part in sorted(folder.glob("part-*.jsonl")) for line in part.read_text().splitlines()]
    assert not sharded.exists()
    assert per_shard[1] == [f"r{i}" for i in range(1, 11, 3)]
    assert sorted(sum(per_shard.values(), [])) == sorted(ids)

    # deterministic: the same shard run again into another output holds the same records
    again = tmp_path / "again.jsonl"
    run_extract([corpus], again, nlp=light_nlp, part_size=4, shard=Shard(1, 3), on_skip=quiet)
    again_lines = [line for part in sorted((parts_root(again) / "shard-1-of-3").glob("part-*")) for line in part.read_text().splitlines()]
    first_lines = [line for part in sorted((parts_root(sharded) / "shard-1-of-3").glob("part-*")) for line in part.read_text().splitlines()]
    assert again_lines == first_lines

    merged = tmp_path / "merged.jsonl"
    assert merge([parts_root(sharded)], merged).records == 11
    assert merged.read_text() == whole.read_text()

    shutil.rmtree(parts_root(sharded) / "shard-2-of-3")
    with pytest.raises(IncompleteParts, match="shards missing: 2/3"):
        merge([parts_root(sharded)], tmp_path / "partial.jsonl")
    assert merge([parts_root(sharded)], tmp_path / "partial.jsonl", allow_incomplete=True).records == 8




def test_merge_writes_parquet_tables_that_pandas_and_duckdb_read(tmp_path):
    import duckdb
    import pandas as pd

    records = tmp_path / "records.jsonl"
    empty = Article(id="e1", errors=["size: too long"]).to_dict()
    records.write_text("".join(json.dumps(r) + "\n" for r in (full_record("a1"), empty, full_record("a2"))))
    output = tmp_path / "out.parquet"
    assert merge([records], output).records == 3

    tables = {name: pd.read_parquet(output / f"{name}.parquet") for name in ("articles", "quotes", "claims", "locations", "distances", "quantities", "dates")}
    articles = tables["articles"]
    assert list(articles["article_id"]) == ["a1", "e1", "a2"]
    assert list(articles.loc[1, "errors"]) == ["size: too long"]
    assert articles.loc[0, "body_end"] == len(full_record("a1")["text"])
    assert pd.isna(articles.loc[1, "body_start"])
    quotes = tables["quotes"]
    assert list(quotes["article_id"]) == ["a1", "a2"]
    assert quotes.loc[0, "cue_start"] == 7 and quotes.loc[0, "speaker_text"] == "Peskov"
    assert list(quotes.loc[0, "content_spans"]) == [{"start": 12, "end": 33}]
    distances = tables["distances"]
    assert distances.loc[0, "reference_text"] == "the border" and pd.isna(distances.loc[0, "subject_start"])
    assert distances.loc[0, "also"][0]["unit"] == "kilometre"
    for name in ("claims", "locations", "quantities", "dates"):
        assert list(tables[name]["article_id"]) == ["a1", "a2"], name

    # for analysts: a date, integer offsets even with gaps, flat structs in the lists
    assert articles.loc[0, "published"] == date(2022, 4, 1)
    assert str(articles["body_start"].dtype) == "Int64" and str(distances["subject_start"].dtype) == "Int64"
    assert str(quotes["cue_start"].dtype) == "Int64" and str(tables["locations"]["geonameid"].dtype) == "Int64"
    assert list(tables["claims"].loc[0, "hedges"]) == [{"text": "said", "start": 7, "end": 11}]
    assert list(distances.loc[0, "also"]) == [{"value": 35.0, "unit": "kilometre", "start": 62, "end": 67}]

    con = duckdb.connect()
    assert con.execute(f"SELECT published, typeof(published) FROM read_parquet('{output}/articles.parquet') LIMIT 1").fetchone() == (date(2022, 4, 1), "DATE")
    assert con.execute(f"SELECT h.start FROM read_parquet('{output}/claims.parquet'), unnest(hedges) AS t(h) LIMIT 1").fetchone() == (7,)
    rows = con.execute(
        f"""SELECT a.article_id, c.stance, l.geonameid, d.metres
            FROM read_parquet('{output}/articles.parquet') a
            JOIN read_parquet('{output}/claims.parquet') c USING (article_id)
            JOIN read_parquet('{output}/locations.parquet') l ON l.article_id = a.article_id AND l.id = c.locations[1]
            JOIN read_parquet('{output}/distances.parquet') d ON d.article_id = a.article_id
            ORDER BY a.article_id"""
    ).fetchall()
    assert rows == [("a1", "hedged", 578072, 35405.6), ("a2", "hedged", 578072, 35405.6)]


def test_extract_to_parquet_folder(tmp_path, light_nlp):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 5)
    output = tmp_path / "out.parquet"
    summary = run_extract([corpus], output, nlp=light_nlp, part_size=2, on_skip=quiet)
    import pandas as pd

    assert summary.records == 5
    assert list(pd.read_parquet(output / "articles.parquet")["article_id"]) == ids


def test_errors_are_isolated_per_article_within_time_and_size_limits(tmp_path):
    nlp = light_pipeline()
    nlp.add_pipe("batch_test_trouble", after="parser")
    corpus = tmp_path / "corpus.jsonl"
    no_sentence_breaks = "word " * 400_000  # 2 MB, no punctuation
    trouble_records = [
        {"id": "boom", "text": "The BOOM article makes a component raise."},
        {"id": "hang", "text": "The HANG article never finishes."},
        {"id": "huge", "text": no_sentence_breaks},
    ]
    ids = write_corpus(corpus, 6, extra=trouble_records)
    output = tmp_path / "out.jsonl"
    summary = run_extract([corpus], output, nlp=nlp, n_process=2, part_size=3, batch_size=3, time_limit=3, on_skip=quiet)

    records = {r["id"]: r for r in map(json.loads, output.read_text().splitlines())}
    assert read_ids(output) == ids
    assert records["boom"]["errors"] == ["error: RuntimeError: test component exploded"]
    assert records["hang"]["errors"][0].startswith("timeout: not finished within 3 s")
    assert records["huge"]["errors"][0].startswith("size: 2,000,000 characters is over the limit")
    for article_id in ids[:6]:
        assert records[article_id]["errors"] == [], records[article_id]
        assert records[article_id]["text"]
    assert (summary.records, summary.with_errors) == (9, 3)
    assert summary.error_kinds == {"error": 1, "timeout": 1, "size": 1}


@pytest.mark.slow
def test_dask_engine_gives_the_local_engines_records(tmp_path, light_nlp):
    from distributed import LocalCluster

    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 9, extra=[{"id": "empty", "text": " "}])
    local = tmp_path / "local.jsonl"
    run_extract([corpus], local, nlp=light_nlp, part_size=2, on_skip=quiet)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        on_dask = tmp_path / "dask.jsonl"
        summary = run_extract([corpus], on_dask, model=light_pipeline, engine="dask", scheduler=cluster.scheduler_address, part_size=2, on_skip=quiet)
    assert summary.records == 10
    assert sorted(on_dask.read_text().splitlines()) == sorted(local.read_text().splitlines())


def test_cli_exits_non_zero_only_when_nothing_was_processed(tmp_path, light_nlp, monkeypatch):
    from typer.testing import CliRunner

    from conflictnlp.cli import app

    monkeypatch.setattr("conflictnlp.batch.runner.load", lambda model=None, attribution=None, exclude=(): light_nlp)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scan.pdf").write_bytes(b"%PDF")
    (bad / "empty.txt").write_text("   ")
    result = CliRunner().invoke(app, ["extract", str(bad), "-o", str(tmp_path / "bad.jsonl")])
    assert result.exit_code == 1
    assert "skipping" in result.stderr and "scan.pdf" in result.stderr
    assert "1 record written, 0 processed cleanly, 1 with errors, 1 file skipped" in result.stderr

    (bad / "good.txt").write_text("Officials said three people were killed in Kharkiv on Friday.")
    result = CliRunner().invoke(app, ["extract", str(bad), "-o", str(tmp_path / "good.jsonl")])
    assert result.exit_code == 0, result.stderr
    assert "2 records written, 1 processed cleanly, 1 with errors, 1 file skipped" in result.stderr


class RecordingProgress:
    def __init__(self):
        self.begun: list[tuple] = []
        self.advances: list[int] = []

    def begin(self, total, done):
        self.begun.append((total, done))

    def advance(self, articles):
        self.advances.append(articles)


def test_progress_gets_the_total_first_then_each_article(tmp_path, light_nlp):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 7)
    (tmp_path / "one.txt").write_text("Officials said two people were hurt.")
    progress = RecordingProgress()
    run_extract([corpus, tmp_path / "one.txt"], tmp_path / "out.jsonl", nlp=light_nlp, part_size=5, batch_size=2, progress=progress, on_skip=quiet)
    assert progress.begun == [(8, 0)]
    assert progress.advances == [1] * 8  # per article, not per part of 5

    sharded = RecordingProgress()
    run_extract([corpus], tmp_path / "shard.jsonl", nlp=light_nlp, part_size=2, shard=Shard(1, 3), progress=sharded, on_skip=quiet)
    assert sharded.begun == [(2, 0)] and sum(sharded.advances) == 2  # positions 1 and 4 of 7


def test_progress_counts_parts_done_by_an_earlier_run(tmp_path, light_nlp):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 6)
    output = tmp_path / "out.jsonl"
    settings_run = dict(nlp=light_nlp, part_size=2, on_skip=quiet)
    run_extract([corpus], output, shard=Shard(0, 1), **settings_run)
    # a crashed run: parts 0 and 1 committed, part 2 not
    folder = parts_root(output) / "shard-0-of-1"
    lines = output.read_text().splitlines(keepends=True)
    output.unlink()
    parts = ShardParts(folder, {"inputs": [str(corpus.resolve())], "shard": [0, 1], "part_size": 2, "published": None,
                                "max_chars": 1_000_000, "model": None, "attribution": None, "exclude": []})
    parts.commit(0, lines[0:2], [[], []])
    parts.commit(1, lines[2:4], [[], []])
    progress = RecordingProgress()
    summary = run_extract([corpus], output, progress=progress, **settings_run)
    assert summary.resumed_parts == 2 and summary.records == 6
    assert progress.begun == [(6, 4)] and sum(progress.advances) == 2


def test_a_run_that_fails_before_processing_leaves_nothing_that_blocks_a_rerun(tmp_path, light_nlp):
    from conflictnlp.pipeline import ModelNotFoundError

    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 3)
    output = tmp_path / "out.jsonl"
    with pytest.raises(ModelNotFoundError):
        run_extract([corpus], output, model="en_core_web_xx_missing", on_skip=quiet)
    assert not parts_root(output).exists()
    # an older version wrote settings before failing: a folder without finished parts is no reason to refuse
    stale = parts_root(output) / "shard-0-of-1"
    stale.mkdir(parents=True)
    (stale / "settings.json").write_text(json.dumps({"model": "en_core_web_md"}))
    summary = run_extract([corpus], output, nlp=light_nlp, on_skip=quiet)
    assert summary.records == 3 and read_ids(output) == ids


def test_other_options_over_finished_parts_are_named(tmp_path):
    settings = {"inputs": ["/corpus"], "shard": [0, 1], "part_size": 200, "published": None, "model": None, "exclude": []}
    parts = ShardParts(tmp_path / "shard-0-of-1", settings)
    parts.commit(0, ['{"id": "a"}\n'], [[]])
    with pytest.raises(PartsMismatch) as caught:
        ShardParts(parts.folder, {**settings, "model": "en_core_web_md", "exclude": ["dates"], "part_size": 50})
    message = str(caught.value)
    assert "holds 1 finished part(s)" in message
    assert "--exclude was none, now dates; --model was unset, now en_core_web_md; --part-size was 200, now 50" in message
    assert "Rerun with the earlier options to resume it, or delete that folder" in message
    assert caught.value.changes["model"] == (None, "en_core_web_md")


def test_merge_reads_parquet_output_and_standard_input(tmp_path, monkeypatch):
    import io

    records = [full_record("a1"), Article(id="e1", errors=["size: too long"]).to_dict(), full_record("a2")]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
    merge([jsonl], tmp_path / "out.parquet")
    assert merge([tmp_path / "out.parquet"], tmp_path / "back.jsonl").records == 3
    assert [json.loads(line) for line in (tmp_path / "back.jsonl").read_text().splitlines()] == records
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl.read_text()))
    # the same records given twice are written once: the events table counted each copy as another outlet
    twice = merge(["-", jsonl], tmp_path / "twice.jsonl")
    assert (twice.records, twice.duplicates) == (3, 3)
    assert (tmp_path / "twice.jsonl").read_text() == (tmp_path / "back.jsonl").read_text()


def test_extract_keeps_one_record_per_input_even_for_identical_inputs(tmp_path, light_nlp):
    corpus = tmp_path / "corpus.jsonl"
    same = {"id": "dup", "text": "Officials said two people were killed."}
    corpus.write_text(json.dumps(same) + "\n" + json.dumps(same) + "\n")
    summary = run_extract([corpus], tmp_path / "out.jsonl", nlp=light_nlp, on_skip=quiet)
    assert summary.records == 2 and read_ids(tmp_path / "out.jsonl") == ["dup", "dup"]


def test_merge_refuses_what_is_not_extract_output(tmp_path):
    from conflictnlp.batch.read import RecordsError

    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"id": "a", "text": "Raw input."}) + "\n")
    with pytest.raises(RecordsError, match="raw.jsonl:1: an input record, not extract output"):
        merge([raw], tmp_path / "out.jsonl")
    with pytest.raises(RecordsError, match="no such file or folder"):
        merge([tmp_path / "missing.jsonl"], tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_record_written_before_additive_fields_goes_to_parquet(tmp_path):
    """JSONL parts from an earlier version lack the additive fields (nested_in, via, event):
    merging them into Parquet fills those columns with nulls instead of failing."""
    from conflictnlp.batch.arrow import table_rows

    text = "Peskov said the strike was a provocation."
    old = {
        "id": "old", "source": None, "url": None, "title": None, "published": None, "body": [0, len(text)],
        "quotes": [{"id": "q1", "type": "indirect", "content": {"text": "the strike was a provocation", "spans": [[12, 40]]},
                    "cue": {"text": "said", "span": [7, 11]}, "speaker": {"text": "Peskov", "span": [0, 6]},
                    "speaker_name": "Peskov", "speaker_role": None, "confidence": 0.8}],
        "claims": [{"id": "c1", "text": "the strike was a provocation", "span": [12, 40], "source": "Peskov", "quote_id": "q1",
                    "stance": "asserted", "hedges": [], "locations": [], "dates": [], "quantities": [], "distances": []}],
        "locations": [], "distances": [], "quantities": [], "dates": [], "errors": [], "text": text,
    }
    [quote] = table_rows("quotes", old, 0)
    assert quote["nested_in"] is None and quote["speaker_name"] == "Peskov"
    [claim] = table_rows("claims", old, 0)
    assert claim["event_text"] is None and claim["source"] == "Peskov"


def test_a_second_command_into_the_same_output_stops_instead_of_losing_records(tmp_path, light_nlp):
    # two `extract ... -o out.jsonl` at once used to race: the first to finish merged and removed
    # the parts folder under the other, and out.jsonl ended with 2 of 30 records, both runs saying "30 written"
    from conflictnlp.batch import OutputBusy
    from conflictnlp.batch.parts import output_lock

    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 3)
    output = tmp_path / "out.jsonl"
    with output_lock(output, Shard()):  # the other command, still running
        with pytest.raises(OutputBusy, match="another conflictnlp command is writing"):
            run_extract([corpus], output, nlp=light_nlp, on_skip=quiet)
        assert not output.exists() and not parts_root(output).exists()
        # another shard of the same output is another command's work, not a clash
        summary = run_extract([corpus], output, nlp=light_nlp, shard=Shard(1, 2), on_skip=quiet)
        assert summary.records == 1
    summary = run_extract([corpus], output, nlp=light_nlp, on_skip=quiet)
    assert read_ids(output) == ids
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".lock")] == []


def test_an_article_read_in_full_with_a_note_is_processed_for_the_exit_status(tmp_path, light_nlp, monkeypatch):
    # a wire dateline without a year gives a "published: ..." error on an article read in full:
    # a folder of such stories used to exit 1, "no article could be processed"
    from typer.testing import CliRunner

    from conflictnlp.cli import app

    monkeypatch.setattr("conflictnlp.batch.runner.load", lambda model=None, attribution=None, exclude=(): light_nlp)
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "a.txt").write_text("OUAGADOUGOU, March 5 (Wire) — Gunmen killed 15 villagers near Djibo, officials said.\n")
    result = CliRunner().invoke(app, ["extract", str(wire), "-o", str(tmp_path / "w.jsonl")])
    record = json.loads((tmp_path / "w.jsonl").read_text())
    assert record["errors"][0].startswith("published:") and record["body"][1] > 0
    assert result.exit_code == 0, result.stderr
    assert "no article could be processed" not in result.stderr
