"""The Dask engine on a cluster of its own: workers forked from the process that loaded the
pipeline, the same records as the local engine, and a shutdown without error tracebacks."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from tests.helpers import light_pipeline, quiet, write_corpus

pytest.importorskip("distributed")


def test_own_cluster_gives_the_local_records_and_closes_quietly(tmp_path, light_nlp, caplog):
    from conflictnlp.batch import dask_engine, run_extract

    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 8)
    local = tmp_path / "local.jsonl"
    run_extract([corpus], local, nlp=light_nlp, part_size=2, on_skip=quiet)
    on_dask = tmp_path / "dask.jsonl"
    with caplog.at_level(logging.DEBUG):
        summary = run_extract([corpus], on_dask, model=light_pipeline, engine="dask", n_process=2, part_size=2, on_skip=quiet)
    assert summary.records == 8
    assert sorted(on_dask.read_text().splitlines()) == sorted(local.read_text().splitlines())
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING or "CommClosedError" in r.getMessage()]
    assert problems == []
    assert dask_engine._PRELOADED == {}  # the parent's copy is let go


@pytest.mark.slow
def test_a_run_on_dask_prints_no_traceback(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 6)
    code = (
        "import sys; from pathlib import Path; from conflictnlp.batch import run_extract; "
        "from tests.helpers import light_pipeline; "
        "run_extract([Path(sys.argv[1])], Path(sys.argv[2]), model=light_pipeline, engine='dask', n_process=2, part_size=2, "
        "on_skip=lambda *a: None)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(tmp_path / "out.jsonl")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "CommClosedError" not in done.stderr, done.stderr
    assert "still alive" not in done.stderr, done.stderr
