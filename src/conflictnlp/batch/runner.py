"""``conflictnlp extract`` as a function: inputs in, records out, resumable, a summary at the end.

``run_extract(paths, "OUT.jsonl")`` streams the articles under ``paths`` (constant memory in
their number), processes them in parts of ``part_size`` articles and commits each finished
part to ``OUT.jsonl.parts/shard-0-of-1/`` (see ``parts.py`` for the layout and why a crash
at any moment loses nothing). When every part is in, it assembles ``OUT.jsonl`` (or the
Parquet folder ``OUT.parquet``) and removes the parts. Rerunning the same command after a
crash or ``kill -9`` skips the committed parts and finishes the job, each input exactly once.

With ``shard=Shard(i, N)`` the run takes only the articles at input positions ``p`` with
``p % N == i`` (positions count articles in the deterministic order of ``iter_inputs``, so
every machine sees the same split) and leaves its parts in ``OUT.jsonl.parts/shard-i-of-N/``;
``conflictnlp merge OUT.jsonl.parts -o OUT.jsonl`` joins all shards once they are done.

Engines: ``local`` (watched worker processes, see ``local.py``) or ``dask`` (see
``dask_engine.py``); both produce the same records.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Protocol, Sequence, Union

from spacy.language import Language

from .. import wording
from ..pipeline import DEFAULT_MAX_CHARS, load
from ..reading.sources import ArticleInput, SkippedInput, count_inputs, iter_inputs
from .chunks import Chunk, ChunkResult, ProcessOptions
from .merge import merge, output_format
from .parts import Shard, ShardParts, output_lock, parts_root, remove_stale_trash, remove_tree

DEFAULT_PART_SIZE = 200
DEFAULT_TIME_LIMIT = 120.0
ENGINES = ("local", "dask")


@dataclass
class ExtractSummary:
    """What a run did: records written, how many with errors, files skipped and why."""

    records: int = 0
    with_errors: int = 0
    unread: int = 0  # records of articles not read at all (see parts.was_read)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error_kinds: Counter = field(default_factory=Counter)
    resumed_parts: int = 0
    output: Optional[Path] = None
    merge_hint: Optional[str] = None

    @property
    def processed(self) -> int:
        return self.records - self.with_errors

    def lines(self) -> list[str]:
        out = [f"{wording.count(self.records, 'record')} written, {self.processed} processed cleanly, {self.with_errors} with errors, {wording.count(len(self.skipped), 'file')} skipped"]
        if self.resumed_parts:
            out.append(f"  resumed: {wording.count(self.resumed_parts, 'part was', 'parts were')} already done by an earlier run")
        for kind, count in self.error_kinds.most_common():
            out.append(f"  errors: {count} x {kind}")
        for origin, reason in self.skipped:
            out.append(f"  skipped {origin}: {reason}")
        if self.merge_hint:
            out.append(self.merge_hint)
        return out


class Progress(Protocol):
    """Told how many articles a run has and how many are done (a progress bar)."""

    def begin(self, total: Optional[int], done: int) -> None:
        """``total`` articles in this run (None if unknown), ``done`` of them by an earlier run."""

    def advance(self, articles: int) -> None:
        """``articles`` more are finished."""


def _skip_to_stderr(origin: str, reason: str) -> None:
    print(f"conflictnlp: skipping {origin}: {reason}", file=sys.stderr)


def _shard_articles(
    paths: Iterable[Union[str, Path]],
    shard: Shard,
    published: Optional[str],
    summary: ExtractSummary,
    on_skip: Callable[[str, str], None],
    outputs: Iterable[Path] = (),
) -> Iterator[ArticleInput]:
    position = 0
    for item in iter_inputs(paths, exclude=outputs):
        if isinstance(item, SkippedInput):
            summary.skipped.append((item.origin, item.reason))
            on_skip(item.origin, item.reason)
            continue
        position += 1
        if not shard.owns(position - 1):
            continue
        if published:
            item.published_fallback = published  # after the record's own date and a dateline
        yield item


def _chunks(articles: Iterator[ArticleInput], part_size: int, done: set[int]) -> Iterator[Chunk]:
    """The shard's articles in blocks of ``part_size``; blocks already committed are skipped."""
    number = 0
    while block := list(islice(articles, part_size)):
        if number not in done:
            yield Chunk(number, block)
        number += 1


def run_extract(
    paths: Iterable[Union[str, Path]],
    output: Union[str, Path],
    *,
    published: Optional[str] = None,
    n_process: int = 1,
    batch_size: int = 16,
    fmt: Optional[str] = None,
    nlp: Optional[Language] = None,
    model: Union[str, Callable[[], Language], None] = None,
    attribution: Union[str, Path, None] = None,
    exclude: Sequence[str] = (),
    max_chars: int = DEFAULT_MAX_CHARS,
    time_limit: float = DEFAULT_TIME_LIMIT,
    part_size: int = DEFAULT_PART_SIZE,
    shard: Shard = Shard(),
    engine: str = "local",
    scheduler: Optional[str] = None,
    progress: Optional[Progress] = None,
    on_skip: Callable[[str, str], None] = _skip_to_stderr,
) -> ExtractSummary:
    """Extract records from files and folders into one JSONL file or Parquet folder, resumably.

    ``published`` is the date for inputs that give none in their record or a dateline; ``progress``
    is told the number of articles (counted cheaply before the run) and then each article as
    it is finished (with Dask: each part). ``time_limit``
    bounds the seconds a batch (on retry: one article) may run with the local engine.
    ``model`` is a pipeline name or path for ``load()`` (with ``attribution`` and without the
    pipes in ``exclude``), or a function returning a pipeline;
    ``nlp`` (an already loaded pipeline) works with the local engine only, as Dask workers
    load ``model`` themselves.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if engine == "dask" and nlp is not None:
        raise ValueError("the dask engine loads the pipeline on each worker: pass model=, not nlp=")
    output = Path(output)
    fmt = output_format(output, fmt)
    input_paths = [Path(p) for p in paths]
    settings = {
        "inputs": [str(p.resolve()) for p in input_paths],
        "shard": [shard.index, shard.count],
        "part_size": part_size,
        "published": published,
        "max_chars": max_chars,
        "model": f"{model.__module__}.{model.__qualname__}" if callable(model) else model,
        "attribution": str(attribution) if attribution is not None else None,
        "exclude": sorted(exclude),
    }
    with output_lock(output, shard):
        root = parts_root(output)
        remove_stale_trash(root)
        parts = ShardParts(root / shard.folder_name, settings)
        parts.remove_temporary_files()
        summary = ExtractSummary(resumed_parts=len(parts.parts))
        if not parts.complete:
            options = ProcessOptions(batch_size=batch_size, max_chars=max_chars, time_limit=time_limit)
            outputs = [Path(output), root]
            total = len(range(shard.index, count_inputs(input_paths, exclude=outputs), shard.count)) if progress else None
            articles = _shard_articles(input_paths, shard, published, summary, on_skip, outputs=outputs)
            chunks = _chunks(articles, part_size, done=set(parts.parts))
            results: Iterator[ChunkResult]
            if engine == "dask":
                from .dask_engine import run_on_dask

                if not callable(model):
                    model = partial(load, model, attribution=attribution, exclude=tuple(exclude))
                if progress:
                    progress.begin(total, parts.articles)
                results = run_on_dask(chunks, options, model=model, scheduler=scheduler, n_workers=n_process)
            else:
                from .local import LocalEngine

                if nlp is None:
                    nlp = model() if callable(model) else load(model, attribution=attribution, exclude=exclude)
                local = LocalEngine(nlp, options, n_process=n_process, on_record=progress.advance if progress else None)
                if progress:
                    local.warm_up()
                    progress.begin(total, parts.articles)
                results = local.run(chunks)
            for result in results:
                parts.commit(result.number, [line for line, _ in result.records], [errors for _, errors in result.records])
                if progress and engine == "dask":
                    progress.advance(len(result.records))
            parts.mark_complete()
        for part in parts.parts.values():
            summary.records += part.articles
            summary.with_errors += part.with_errors
            summary.unread += part.with_errors if part.unread is None else part.unread
            summary.error_kinds.update(part.error_kinds)
        if shard.count == 1:
            merge([parts.folder], output, fmt=fmt, keep_copies=True)
            remove_tree(root)
            summary.output = output
        else:
            summary.merge_hint = (
                f"shard {shard} done; when every shard is, join them with: conflictnlp merge {root} -o {output}"
            )
        return summary
