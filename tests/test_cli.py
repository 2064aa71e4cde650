"""The command line: extract over files and folders, garbage in, schema-valid records out;
every error a short message with what to do; the terminal path (progress bar) in a real pty."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conflictnlp
from conflictnlp.cli import EXIT_BUG, EXIT_NOT_INSTALLED, EXIT_NOTHING_PROCESSED, EXIT_USAGE, app
from conflictnlp.schema import validator

from .conftest import EXAMPLES, assert_offsets

ARTICLE = """Skip to main content

Europe

Shelling hits market in frontline town

April 3, 2023 9:15am

Artillery shells struck a market in the town of Kupiansk on Sunday, killing three people, local officials said.

"People were buying bread when it started," said Oksana Hrytsenko, a shop owner.

Related Topics
"""
REPO = Path(__file__).parent.parent


def read_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def cli(monkeypatch, nlp):
    """Runs the CLI in this process (the loaded pipeline is reused); returns the result."""
    monkeypatch.setattr("conflictnlp.batch.runner.load", lambda model=None, attribution=None, exclude=(): nlp)

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(app, [str(a) for a in args], input=input)

    return invoke


def assert_short_error(result, code: int, *needles: str) -> list[str]:
    """An error: the exit code, then on stderr a line "conflictnlp: <message>" and at most one
    hint, indented by two spaces; no traceback."""
    lines = result.stderr.rstrip("\n").splitlines()
    assert result.exit_code == code, (result.exit_code, result.stderr)
    message, *hints = lines
    assert message.startswith("conflictnlp: ") and message[len("conflictnlp: "):].strip(), result.stderr
    assert len(hints) <= 1, f"more than a message and one hint: {result.stderr}"
    assert all(hint.startswith("  ") and hint.strip() for hint in hints), f"a hint is an indented line: {result.stderr}"
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for needle in needles:
        assert needle in result.stderr, result.stderr
    return lines


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
    proc = subprocess.run([sys.executable, "-m", "conflictnlp.cli", "extract", str(folder), "-o", str(out)], capture_output=True, text=True)
    return proc, read_records(out) if out.exists() else []


@pytest.mark.slow
def test_garbage_never_stops_the_batch(garbage_run):
    proc, records = garbage_run
    assert proc.returncode == 0, proc.stderr
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == {"good.txt", "empty.txt", "binary.txt", "huge.txt", "nav_only.html", "j1", "corpus.jsonl:2", "j3", "r1"}
    assert "empty" in by_id["empty.txt"]["errors"][0]
    assert "binary" in by_id["binary.txt"]["errors"][0]
    assert "size" in by_id["huge.txt"]["errors"][0]
    assert "no article text" in by_id["nav_only.html"]["errors"][0]
    assert "line 2 is not JSON" in by_id["corpus.jsonl:2"]["errors"][0]
    assert "neither 'text' nor 'html'" in by_id["j3"]["errors"][0]
    assert by_id["good.txt"]["errors"] == [] and by_id["j1"]["source"] == "Wire"
    assert by_id["r1"]["published"] == "2023-04-03"
    assert "notes.docx" in proc.stderr and "unsupported file type" in proc.stderr
    assert "6 with errors" in proc.stderr and "1 file skipped" in proc.stderr
    assert "---" not in proc.stderr and "HTML tree" not in proc.stderr  # no library log lines


@pytest.mark.slow
def test_every_written_record_is_schema_valid_with_exact_offsets(garbage_run):
    _, records = garbage_run
    check = validator()
    for record in records:
        check.validate(record)
        assert_offsets(record)


# --- the terminal path: a real pseudo-terminal -------------------------------------------------


def run_in_pty(args: list[str], cwd: Path, columns: int = 100, timeout: float = 240) -> tuple[int, str]:
    """Run ``python -m conflictnlp.cli ARGS`` with a pty as its terminal; (exit code, output)."""
    import fcntl
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    env = {**os.environ, "TQDM_MININTERVAL": "0"}  # draw every update, so each article shows
    proc = subprocess.Popen([sys.executable, "-m", "conflictnlp.cli", *args], stdin=child, stdout=child, stderr=child, cwd=cwd, env=env, close_fds=True)
    os.close(child)
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 1.0)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    return code, output.decode("utf-8", "replace")


@pytest.mark.slow
def test_the_readme_command_in_a_terminal_shows_a_progress_bar_with_total_and_eta(tmp_path):
    out = tmp_path / "out" / "examples.jsonl"
    code, output = run_in_pty(["extract", str(EXAMPLES), "-o", str(out), "--batch-size", "1"], cwd=tmp_path)
    assert code == 0, output
    assert "Traceback" not in output and "TypeError" not in output
    frames = output.replace("\r\n", "\n").replace("\r", "\n").splitlines()
    bars = [line for line in frames if line.startswith("extract:") and "/6 [" in line]
    counts = [int(line.split("/6 [")[0].split()[-1]) for line in bars]
    assert counts[0] == 0 and counts[-1] == 6
    assert {1, 2, 3, 4, 5} <= set(counts), counts  # advances per article, not per 200-article part
    assert any("<00:" in line for line in bars), bars  # an ETA
    assert "6 records written, 6 processed cleanly" in output
    assert len(read_records(out)) == 6


def test_a_terminal_that_reports_no_size_still_gets_a_bar(monkeypatch):
    """Some CI terminals report 0 columns; tqdm would then draw a bar of width 0."""
    import fcntl
    import struct
    import termios

    from conflictnlp.cli import _Bar

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 0, 0, 0, 0))
    terminal = os.fdopen(child, "w", encoding="utf-8")
    monkeypatch.setattr("sys.stderr", terminal)
    try:
        bar = _Bar()
        bar.begin(3, 1)
        bar.advance(1)
        bar.advance(1)
        bar.close()
        terminal.flush()
        output = b""
        while select.select([main], [], [], 0.2)[0]:
            output += os.read(main, 65536)
    finally:
        terminal.close()
        os.close(main)
    text = output.decode("utf-8", "replace")
    assert "loading the pipeline" in text and "0/3 [" in text and "3/3 [" in text and "<00:" in text


def test_without_a_terminal_there_is_no_progress_bar(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.stderr
    assert "articles/s" not in result.stderr and "article/s" not in result.stderr and "%|" not in result.stderr
    assert result.stderr.splitlines()[-1] == f"wrote {tmp_path / 'out.jsonl'}"


# --- extract -----------------------------------------------------------------------------------


def test_dateline_and_fallback_publication_date(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Shelling resumed on Monday near the town, officials said.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = cli("extract", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--published", "2023-04-05")
    assert result.exit_code == 0, result.stderr
    published = {r["id"]: r["published"] for r in read_records(out)}
    assert published == {"a.txt": "2023-04-03", "b.txt": "2023-04-05"}


def test_nothing_processable_exits_1(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = cli("extract", tmp_path, "-o", out)
    assert result.exit_code == EXIT_NOTHING_PROCESSED
    assert len(read_records(out)) == 1  # the error record is still written
    assert "no article could be processed" in result.stderr


def test_parquet_output_is_a_folder_of_tables(cli, tmp_path):
    import pyarrow.parquet as pq

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.parquet"
    result = cli("extract", tmp_path / "a.txt", "-o", out, "--format", "parquet")
    assert result.exit_code == 0, result.stderr
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [a["article_id"] for a in articles] == ["a.txt"]
    for table in ("quotes", "claims", "locations", "distances", "quantities", "dates"):
        rows = pq.read_table(out / f"{table}.parquet").to_pylist()
        assert all(row["article_id"] == "a.txt" for row in rows), table


def test_output_inside_an_input_folder_is_not_read_back(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        result = cli("extract", tmp_path, "-o", out)
        assert result.exit_code == 0, result.stderr
        assert [r["id"] for r in read_records(out)] == ["a.txt"]


def test_dash_output_writes_records_to_stdout_not_a_file_named_dash(cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("extract", "a.txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a.txt"]
    assert not (tmp_path / "-").exists() and not list(tmp_path.glob("-*"))
    assert_short_error(cli("extract", "a.txt", "-o", "-", "--format", "parquet"), EXIT_USAGE, "cannot go to standard output")


def test_quiet_prints_nothing_on_success(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "-o", tmp_path / "out.jsonl", "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert CliRunner().invoke(app, ["-q", "show", str(tmp_path / "out.jsonl")]).stderr == ""


def test_a_missing_model_is_two_lines_with_the_pip_command_and_blocks_no_rerun(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    import spacy

    name = next(n for n in ("en_core_web_md", "en_core_web_lg", "de_core_news_lg") if not spacy.util.is_package(n))
    missing = cli("extract", tmp_path / "a.txt", "-o", out, "--model", name)
    lines = assert_short_error(missing, EXIT_NOT_INSTALLED, f"'{name}' is not installed")
    assert f"pip install https://github.com/explosion/spacy-models/releases/download/{name}-" in lines[1]
    assert not out.exists() and not Path(f"{out}.parts").exists()
    rerun = cli("extract", tmp_path / "a.txt", "-o", out)
    assert rerun.exit_code == 0, rerun.stderr


def test_other_options_over_finished_parts_name_the_option(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    folder = Path(f"{out}.parts") / "shard-0-of-1"
    folder.mkdir(parents=True)
    settings = {"inputs": [str((tmp_path / "a.txt").resolve())], "shard": [0, 1], "part_size": 200, "published": None,
                "max_chars": 1_000_000, "model": None, "attribution": None, "exclude": ["dates"]}
    (folder / "settings.json").write_text(json.dumps(settings))
    (folder / "part-000000.jsonl").write_text("{}\n")
    (folder / "manifest.jsonl").write_text(json.dumps({"number": 0, "file": "part-000000.jsonl", "articles": 1, "with_errors": 0}) + "\n")
    result = cli("extract", tmp_path / "a.txt", "-o", out)
    assert_short_error(result, EXIT_USAGE, "--exclude was dates, now none", "delete that folder to start over")


@pytest.mark.parametrize(
    "args, code, needles",
    [
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/o.jsonl", "--exclude", "locations,bogus"], EXIT_USAGE, ["unknown pipe 'bogus'"]),
        (["extract", "{tmp}/nowhere", "-o", "{tmp}/o.jsonl"], EXIT_USAGE, ["no such file or folder"]),
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/out.jsonl.parts"], EXIT_USAGE, ["is a folder", "give a file name"]),
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/o.jsonl", "--published", "yesterday-ish"], EXIT_USAGE, ["--published YYYY-MM-DD"]),
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/o.jsonl", "--shard", "3/2"], EXIT_USAGE, ["--shard"]),
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/o.jsonl", "--attribution", "{tmp}/nowhere"], EXIT_USAGE, ["not a folder saved by package_model"]),
        (["extract", "{tmp}/a.txt", "-o", "{tmp}/o.jsonl", "--model", "/no/such/pipeline"], EXIT_NOT_INSTALLED, ["neither an installed spaCy pipeline nor a folder"]),
        (["show", "{tmp}/missing.jsonl"], EXIT_USAGE, ["no such file or folder"]),
        (["show", "{tmp}/raw.jsonl"], EXIT_USAGE, ["run `conflictnlp extract` on it first"]),
        (["show", "{tmp}/a.txt"], EXIT_USAGE, ["not JSON"]),
        # a Latin-1 article was called "not a text file"
        (["events", "{tmp}/latin1.txt", "-o", "{tmp}/e.csv"], EXIT_USAGE, ["not UTF-8", "run extract on this file"]),
        (["compare", "{tmp}/missing.jsonl", "-o", "{tmp}/s.json"], EXIT_USAGE, ["no such file or folder"]),
        (["compare", "{tmp}/raw.jsonl", "-o", "{tmp}/s.json"], EXIT_USAGE, ["an input record, not extract output"]),
        (["compare", "{tmp}/out.jsonl.parts", "-o", "{tmp}/s.json"], EXIT_USAGE, ["conflictnlp merge"]),
        (["merge", "{tmp}/raw.jsonl", "-o", "{tmp}/m.jsonl"], EXIT_USAGE, ["run `conflictnlp extract` on it first"]),
        (["merge", "{tmp}/missing", "-o", "{tmp}/m.jsonl"], EXIT_USAGE, ["no such file or folder"]),
        (["schema", "bogus"], EXIT_USAGE, ["unknown schema 'bogus'", "article, stories"]),
        (["evaluate", "bogus", "--gold", "{tmp}/a.txt"], EXIT_USAGE, ["unknown evaluation task"]),
        (["convert", "{tmp}/a.txt", "-o", "{tmp}/x.spacy"], EXIT_USAGE, ["--from"]),
    ],
)
def test_every_error_is_one_or_two_lines_without_a_traceback(cli, tmp_path, args, code, needles):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "raw.jsonl").write_text(json.dumps({"id": "r", "text": ARTICLE}) + "\n")
    (tmp_path / "out.jsonl.parts").mkdir()
    (tmp_path / "latin1.txt").write_bytes("BOGOTÁ - Tres soldados murieron.".encode("latin-1"))
    result = cli(*(arg.format(tmp=tmp_path) for arg in args))
    assert_short_error(result, code, *needles)
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.parts").exists()


def test_an_unexpected_error_is_two_lines_and_v_shows_the_traceback(cli, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr("conflictnlp.batch.run_extract", broken)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = ["extract", tmp_path / "a.txt", "-o", tmp_path / "o.jsonl"]
    lines = assert_short_error(cli(*args), EXIT_BUG, "unexpected error: KeyError")
    assert "rerun with -v" in lines[1]
    for verbose in (["-v"], ["--debug"]):
        result = cli(*args, *verbose)
        assert result.exit_code == EXIT_BUG and "Traceback (most recent call last)" in result.stderr
    before = CliRunner().invoke(app, ["-v", *map(str, args)])
    assert "Traceback" in before.stderr


def test_ctrl_c_exits_130_with_a_hint_and_a_missing_extra_exits_3_with_the_pip_command(cli, tmp_path, monkeypatch):
    from conflictnlp.cli import EXIT_INTERRUPTED

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("conflictnlp.batch.run_extract", interrupted)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("extract", tmp_path / "a.txt", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == EXIT_INTERRUPTED and "rerun the same command" in result.stderr
    assert "resumes from the finished parts" in result.stderr
    # Ctrl-C in another command named extract's resuming, which it does not do
    monkeypatch.setattr("conflictnlp.stories.run.compare_file", interrupted)
    other = cli("compare", tmp_path / "a.txt", "-o", tmp_path / "s.json")
    assert other.exit_code == EXIT_INTERRUPTED and "extract" not in other.stderr and "starts over" in other.stderr

    real_import = __import__("importlib").import_module

    def no_dask(name, *args):
        if name == "distributed":
            raise ModuleNotFoundError("No module named 'distributed'", name="distributed")
        return real_import(name, *args)

    monkeypatch.setattr("importlib.import_module", no_dask)
    result = cli("extract", tmp_path / "a.txt", "-o", tmp_path / "o.jsonl", "--engine", "dask")
    assert_short_error(result, EXIT_NOT_INSTALLED, "distributed", "pip install 'conflictnlp[dask]'")


def test_version_and_help(cli):
    from conflictnlp import __version__

    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith(f"conflictnlp {__version__} (spaCy ")
    extract_help = cli("extract", "--help").stdout
    assert "conflictnlp[dask]" in extract_help
    for option in ("--model", "--batch-size", "--max-chars", "--time-limit", "--part-size", "--verbose", "--quiet"):
        assert option in extract_help
    assert "Exit status" in cli("--help").stdout


# --- show, compare and merge read JSONL, Parquet and stdin --------------------------------------


@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory, nlp):
    from conflictnlp.batch import merge, run_extract

    folder = tmp_path_factory.mktemp("examples")
    jsonl = folder / "examples.jsonl"
    run_extract([EXAMPLES], jsonl, nlp=nlp, on_skip=lambda *a: None)
    parquet = folder / "examples.parquet"
    merge([jsonl], parquet)
    return jsonl, parquet


def test_show_reads_jsonl_parquet_and_stdin_alike(cli, example_outputs):
    jsonl, parquet = example_outputs
    shown = cli("show", jsonl)
    assert shown.exit_code == 0, shown.stderr
    assert "== kupiansk_convoy_eastbridge.txt" in shown.stdout
    assert cli("show", parquet).stdout == shown.stdout
    assert cli("show", "-", input=jsonl.read_text()).stdout == shown.stdout


def test_show_says_where_it_cuts(cli, example_outputs):
    jsonl, _ = example_outputs
    records = read_records(jsonl)
    claims = max(len(r["claims"]) for r in records)
    assert claims > 2
    result = cli("show", jsonl, "--items", "2")
    assert f"… {claims - 2} more claims (--items {claims} shows all)" in result.stdout
    first = cli("show", jsonl, "--limit", "1")
    assert first.stdout.count("\n== ") == 0 and first.stdout.startswith(f"== {records[0]['id']}")
    assert "showed the first 1 article:" in first.stderr


def test_compare_reads_parquet_as_jsonl(cli, example_outputs, tmp_path):
    jsonl, parquet = example_outputs
    assert cli("compare", jsonl, "-o", tmp_path / "a.json", "--similarity", "lexical").exit_code == 0
    assert cli("compare", parquet, "-o", tmp_path / "b.json", "--similarity", "lexical").exit_code == 0
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    assert json.loads((tmp_path / "a.json").read_text())["stories"]
    to_stdout = cli("compare", jsonl, "-o", "-", "--similarity", "lexical")
    assert to_stdout.stdout == (tmp_path / "a.json").read_text()


def test_compare_refuses_an_html_name_for_its_json_output(cli, example_outputs, tmp_path):
    jsonl, _ = example_outputs
    result = cli("compare", jsonl, "-o", tmp_path / "report.html", "--similarity", "lexical")
    assert result.exit_code != 0
    assert "--html" in result.stderr and "not HTML" in result.stderr
    assert not (tmp_path / "report.html").exists()


def test_merge_reads_parquet_and_writes_stdout(cli, example_outputs, tmp_path):
    jsonl, parquet = example_outputs
    result = cli("merge", parquet, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == read_records(jsonl)
    assert cli("merge", "-", "-o", tmp_path / "m.jsonl", input=jsonl.read_text()).exit_code == 0
    assert read_records(tmp_path / "m.jsonl") == read_records(jsonl)


def test_events_and_compare_write_into_new_folders_and_leave_no_partial_table(cli, example_outputs, tmp_path):
    jsonl, _ = example_outputs
    table = tmp_path / "new" / "events.csv"
    assert cli("events", jsonl, "-o", table).exit_code == 0  # a missing folder was an error, unlike extract
    good = table.read_text(encoding="utf-8")
    assert good.count("\n") > 1
    stories = cli("compare", jsonl, "-o", tmp_path / "s" / "stories.json", "--html", tmp_path / "h" / "r.html", "--similarity", "lexical")
    assert stories.exit_code == 0 and (tmp_path / "h" / "r.html").exists()
    # a bad file after good records: the table used to be rewritten with the rows read so far
    raw = tmp_path / "raw.jsonl"
    raw.write_text(json.dumps({"id": "x", "text": "Shells hit Kupiansk."}) + "\n", encoding="utf-8")
    for suffix in (".csv", ".parquet"):
        failed = cli("events", jsonl, raw, "-o", table.with_suffix(suffix))
        assert_short_error(failed, EXIT_USAGE, "run `conflictnlp extract` on it first")
    assert table.read_text(encoding="utf-8") == good
    assert sorted(p.name for p in table.parent.iterdir()) == ["events.csv"]


def test_show_prints_each_event_with_its_sides_place_date_and_tolls():
    # records carry events, but show printed none: a reader checking an article never saw them
    from conflictnlp.model import Article

    record = Article.from_dict({
        "id": "a1", "text": "Drone strike kills 3 in Odesa.", "body": [0, 30],
        "locations": [{"id": "l1", "text": "Odesa", "span": [24, 29], "name": "Odesa"}],
        "events": [{"id": "e1", "type": "explosions_remote_violence", "sub_type": "air_drone_strike",
                    "trigger": {"text": "Drone strike", "span": [0, 12]},
                    "actors": {"perpetrator": {"text": "Russian drones", "span": [0, 5], "name": "Russia"}},
                    "location": "l1", "where_prec": 1, "date_start": "2023-07-23", "date_end": "2023-07-23", "date_prec": 1,
                    "fatalities": {"low": 3, "best": 3, "high": 3}, "wounded": {"low": 2, "best": 9, "high": 9}}],
    })
    from conflictnlp.report import render_article_text

    assert ("   event [explosions_remote_violence/air_drone_strike] «Drone strike» Russia -> ?, Odesa (prec 1), "
            "2023-07-23 (prec 1); killed 3; wounded 9 (2-9)") in render_article_text(record).splitlines()


@pytest.mark.parametrize("command", [
    ["extract", "{f}", "-o", "{f}"],
    ["events", "{f}", "-o", "{f}"],
    ["compare", "{f}", "-o", "{d}/s.json", "--html", "{f}"],
])
def test_an_output_named_as_its_own_input_is_refused_and_the_input_kept(cli, tmp_path, command):
    # `extract in.jsonl -o in.jsonl` emptied in.jsonl; `events out.jsonl -o out.jsonl` replaced the records with events
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": "r", "text": ARTICLE}) + "\n", encoding="utf-8")
    before = records.read_text(encoding="utf-8")
    result = cli(*(arg.format(f=records, d=tmp_path) for arg in command))
    assert_short_error(result, EXIT_USAGE, "both an input and the output")
    assert records.read_text(encoding="utf-8") == before


@pytest.mark.slow
def test_the_cli_starts_without_importing_spacy():
    """The package's names load on first use: `conflictnlp --help` answers at once, and a
    Ctrl-C while a command loads spaCy reaches the CLI's handler, not a raw traceback."""
    import subprocess
    import sys

    probe = "import sys, conflictnlp.cli; print('spacy' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_package_names_load_on_first_use():
    import conflictnlp

    assert conflictnlp.Quote.__name__ == "Quote"
    assert callable(conflictnlp.events) and callable(conflictnlp.extract)
    assert set(conflictnlp.__all__) <= set(dir(conflictnlp))
    with pytest.raises(AttributeError):
        conflictnlp.no_such_name  # noqa: B018


@pytest.mark.slow
def test_python_dash_m_runs_the_same_command_line():
    proc = subprocess.run([sys.executable, "-m", "conflictnlp", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert conflictnlp.__version__ in proc.stdout
