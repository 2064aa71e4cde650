"""The ``conflictnlp`` command line."""

from __future__ import annotations

import importlib
import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn conflict news into structured, attributed statements.",
)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


EVALUATION_TASKS = {
    "quotes": "conflictnlp.evaluation.quotes",
    "places": "conflictnlp.evaluation.places",
    "quantities": "conflictnlp.evaluation.quantities",
    "dates": "conflictnlp.evaluation.dates",
    "stance": "conflictnlp.evaluation.stance",
}


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"conflictnlp: {message}", err=True)
    raise typer.Exit(code)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files or folders (walked recursively): .txt, .html/.htm, .json, .jsonl"),
    output: Path = typer.Option(..., "-o", "--output", help="Output: a .jsonl file, or a .parquet folder of tables"),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that give none"),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes (Dask: workers of the local cluster)"),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per nlp.pipe batch"),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", help="Output format (default: from the suffix, else jsonl)"),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name or path (default: en_core_web_sm or its mirror)"),
    attribution: Optional[str] = typer.Option(None, help="How quotes are found: rules, trained (the shipped model) or a folder saved by package_model"),
    exclude: Optional[str] = typer.Option(None, "--exclude", help="Comma-separated pipes to leave out, e.g. dates,claims (faster when not needed)"),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Articles longer than this get an error record"),
    time_limit: float = typer.Option(120.0, "--time-limit", min=0.1, help="Seconds a batch (on retry, one article) may take before its worker is stopped; the culprit gets an error record"),
    part_size: int = typer.Option(200, "--part-size", min=1, help="Articles per committed part: the unit of resuming, and of work for each Dask task"),
    shard: Optional[str] = typer.Option(None, "--shard", help="i/N: process only articles at input positions p with p % N == i; join shards with `conflictnlp merge`"),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local worker processes, or dask (needs conflictnlp[dask])"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster of --n-process workers)"),
) -> None:
    """Extract quotes, claims, places, measures and dates from articles into records.

    Finished parts are kept in OUTPUT.parts/ until the end, so rerunning the same command
    after a crash resumes where it stopped; every input appears exactly once.
    """
    from .batch import PartsMismatch, Shard, run_extract
    from .reading.sources import normalise_published

    if published:
        published, problem = normalise_published(published)
        if problem:
            _fail(problem)
    try:
        split = Shard.parse(shard) if shard else Shard()
    except ValueError as err:
        _fail(str(err))
    if scheduler and engine is not Engine.dask:
        _fail("--scheduler needs --engine dask")
    if attribution is not None:
        from .pipeline import attribution_path

        try:
            attribution_path(attribution)
        except ValueError as err:
            _fail(str(err))
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
    try:
        summary = run_extract(
            paths,
            output,
            published=published,
            n_process=n_process,
            batch_size=batch_size,
            fmt=fmt.value if fmt else None,
            model=model,
            attribution=attribution,
            exclude=[name.strip() for name in exclude.split(",") if name.strip()] if exclude else (),
            max_chars=max_chars,
            time_limit=time_limit,
            part_size=part_size,
            shard=split,
            engine=engine.value,
            scheduler=scheduler,
            progress=bar.update if bar else None,
        )
    except PartsMismatch as err:
        _fail(str(err))
    finally:
        if bar:
            bar.close()
    for line in summary.lines():
        typer.echo(line, err=True)
    if summary.output:
        typer.echo(f"wrote {summary.output}", err=True)
    if summary.processed == 0:
        raise typer.Exit(1)


@app.command()
def merge(
    sources: List[Path] = typer.Argument(..., help="Parts folders (OUT.jsonl.parts) and/or JSONL record files"),
    output: Path = typer.Option(..., "-o", "--output", help="Output: a .jsonl file, or a .parquet folder of tables"),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", help="Output format (default: from the suffix, else jsonl)"),
    allow_incomplete: bool = typer.Option(False, "--allow-incomplete", help="Merge even if shards are missing or unfinished"),
) -> None:
    """Join the parts of sharded extract runs (or record files) into one JSONL file or Parquet
    tables: articles, quotes, claims, locations, distances, quantities, dates."""
    from .batch import IncompleteParts
    from .batch import merge as merge_parts

    try:
        summary = merge_parts(sources, output, fmt=fmt.value if fmt else None, allow_incomplete=allow_incomplete)
    except (IncompleteParts, FileNotFoundError) as err:
        _fail(str(err))
    typer.echo(f"wrote {summary.records} records to {summary.output}", err=True)


@app.command()
def show(
    records: Path = typer.Argument(..., help="A JSONL file written by `conflictnlp extract`"),
    limit: int = typer.Option(20, help="Items to show per list"),
) -> None:
    """Print records in a form a person can read."""
    from .report import render_article_text
    from .model import Article

    with records.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                typer.echo(render_article_text(Article.from_dict(json.loads(line)), limit=limit))


@app.command()
def schema(kind: str = typer.Argument("article", help="article or stories")) -> None:
    """Print the JSON Schema of the output records."""
    from .schema import shipped_schema

    typer.echo(json.dumps(shipped_schema(f"{kind}.schema.json"), indent=2))


@app.command()
def evaluate(
    task: str = typer.Argument(..., help=f"One of: {', '.join(EVALUATION_TASKS)}"),
    gold: Path = typer.Option(..., help="Gold JSONL file (see ../shared/README.md for the formats)"),
    model: Optional[str] = typer.Option(None, help="Pipeline name or path (default: the conflictnlp default)"),
    attribution: Optional[str] = typer.Option(None, help="quotes only: rules, trained (the shipped model) or a folder saved by package_model"),
    limit: Optional[int] = typer.Option(None, help="Evaluate on the first N gold documents only"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the scores as JSON"),
) -> None:
    """Score the pipeline against a labelled gold file and print precision, recall and F1."""
    if task not in EVALUATION_TASKS:
        _fail(f"unknown evaluation task {task!r}; expected one of {', '.join(EVALUATION_TASKS)}")
    if not gold.exists():
        _fail(f"gold file not found: {gold}")
    try:
        module = importlib.import_module(EVALUATION_TASKS[task])
    except ModuleNotFoundError:
        _fail(f"the {task} evaluation is not available in this version")
    if attribution is not None and task != "quotes":
        _fail("--attribution applies to the quotes evaluation only")
    options = {"attribution": attribution} if attribution is not None else {}
    try:
        report = module.run(gold, model=model, limit=limit, **options)
    except ValueError as err:  # a bad --model / --attribution setting
        _fail(str(err))
    typer.echo(module.render(report))
    if output:
        output.write_text(json.dumps(report, indent=2), encoding="utf-8")


@app.command()
def convert(
    input_path: Path = typer.Argument(..., help="Labelled data: a file, or a folder of BRAT .ann/.txt pairs"),
    output: Path = typer.Option(..., "-o", "--output", help="Output .spacy file (spaCy DocBin)"),
    fmt: str = typer.Option(..., "--format", help="polnear, prodigy, doccano, labelstudio or brat"),
    alignment_mode: str = typer.Option("contract", "--alignment-mode", help="How spans off token boundaries are aligned: strict, contract or expand"),
    lang: str = typer.Option("en", help="Language whose tokenizer splits the texts (the trained pipeline's)"),
) -> None:
    """Convert labelled text from an annotation tool to spaCy training data, reporting every span that does not align."""
    import spacy

    from .training.convert import FORMATS, convert as convert_labelled

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if alignment_mode not in ("strict", "contract", "expand"):
        _fail(f"unknown alignment mode {alignment_mode!r}; expected strict, contract or expand")
    if not input_path.exists():
        _fail(f"input not found: {input_path}")
    doc_bin, report = convert_labelled(spacy.blank(lang), input_path, fmt, alignment_mode=alignment_mode)  # type: ignore[arg-type]
    doc_bin.to_disk(output)
    for line in report.lines():
        typer.echo(line, err=True)
    typer.echo(f"wrote {output}", err=True)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    config: str = typer.Argument(..., help="A spaCy config file, or a shipped one: attribution_cnn, attribution_trf"),
    train_path: Path = typer.Option(..., "--train", help="Training data (.spacy, from `conflictnlp convert`)"),
    dev_path: Path = typer.Option(..., "--dev", help="Development data (.spacy)"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Folder for model-best and model-last"),
    gpu_id: int = typer.Option(-1, "--gpu-id", help="GPU to train on (-1: CPU)"),
) -> None:
    """Train a pipeline with `spacy train`; extra options override the config, e.g. --training.max_steps 500."""
    from spacy.cli._util import parse_config_overrides

    from .training.train import TrainingSetupError, train as train_pipeline

    try:
        train_pipeline(config, output, train_path=train_path, dev_path=dev_path, overrides=parse_config_overrides(ctx.args), gpu_id=gpu_id)
    except TrainingSetupError as err:
        _fail(str(err))


@app.command()
def compare(
    records: str = typer.Argument(..., help="Output of `conflictnlp extract`: OUT.jsonl, the Parquet folder, or - for stdin"),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write the stories (JSON)"),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a self-contained HTML report"),
    similarity: str = typer.Option("auto", help="auto (embeddings when installed), lexical or embeddings"),
    window_days: int = typer.Option(3, "--window-days", min=0, help="Articles published further apart are never one story"),
) -> None:
    """Group articles into stories and line up their quotes, claims and figures across outlets."""
    from .batch.read import RecordsError
    from .stories import StoryComparer
    from .stories.run import compare_file

    if similarity not in ("auto", "lexical", "embeddings"):
        _fail(f"unknown similarity {similarity!r}; expected auto, lexical or embeddings")
    try:
        comparer = StoryComparer(similarity, window_days=window_days)  # type: ignore[arg-type]
    except RuntimeError as err:  # --similarity embeddings without the optional model
        _fail(str(err))
    try:
        summary = compare_file(records, output, html=html, comparer=comparer)
    except RecordsError as err:
        _fail(str(err))
    typer.echo(
        f"{summary.articles} articles, {summary.stories} stories ({summary.several} reported by several articles); "
        f"similarity: {comparer.similarity.description}",
        err=True,
    )
    typer.echo(f"wrote {output}", err=True)
    if html:
        typer.echo(f"wrote {html}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
