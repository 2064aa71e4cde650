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


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Files or folders (walked recursively): .txt, .html/.htm, .json, .jsonl"),
    output: Path = typer.Option(..., "-o", "--output", help="Output file (.jsonl or .parquet)"),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that give none"),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes"),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch"),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", help="Output format (default: from the suffix, else jsonl)"),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name or path (default: en_core_web_sm or its mirror)"),
    max_chars: int = typer.Option(1_000_000, "--max-chars", help="Articles longer than this get an error record"),
) -> None:
    """Extract quotes, claims, places, measures and dates from articles into records."""
    from .batch.runner import run_extract
    from .reading.sources import normalise_published

    if published:
        published, problem = normalise_published(published)
        if problem:
            _fail(problem)
    show_progress = sys.stderr.isatty()
    bar = None
    if show_progress:
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
            max_chars=max_chars,
            progress=(lambda _article: bar.update(1)) if bar else None,
        )
    finally:
        if bar:
            bar.close()
    for line in summary.lines():
        typer.echo(line, err=True)
    typer.echo(f"wrote {output}", err=True)
    if summary.processed == 0:
        raise typer.Exit(1)


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
    report = module.run(gold, model=model, limit=limit)
    typer.echo(module.render(report))
    if output:
        output.write_text(json.dumps(report, indent=2), encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
