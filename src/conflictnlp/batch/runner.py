"""``conflictnlp extract`` as a function: inputs in, records out, a summary of what happened."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from spacy.language import Language

from ..model import Article
from ..pipeline import DEFAULT_MAX_CHARS, load, process
from ..reading.sources import ArticleInput, SkippedInput, iter_inputs
from .writers import open_writer


@dataclass
class ExtractSummary:
    """What a run did: records written, how many with errors, files skipped and why."""

    records: int = 0
    with_errors: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error_kinds: Counter = field(default_factory=Counter)

    @property
    def processed(self) -> int:
        return self.records - self.with_errors

    def lines(self) -> list[str]:
        out = [f"{self.records} records written, {self.processed} processed cleanly, {self.with_errors} with errors, {len(self.skipped)} files skipped"]
        for kind, count in self.error_kinds.most_common():
            out.append(f"  errors: {count} x {kind}")
        for origin, reason in self.skipped:
            out.append(f"  skipped {origin}: {reason}")
        return out


def _articles(
    paths: Iterable[Union[str, Path]], published: Optional[str], summary: ExtractSummary, on_skip: Callable[[str, str], None]
) -> Iterator[ArticleInput]:
    for item in iter_inputs(paths):
        if isinstance(item, SkippedInput):
            summary.skipped.append((item.origin, item.reason))
            on_skip(item.origin, item.reason)
            continue
        if published:
            item.published_fallback = published
        yield item


def _skip_to_stderr(origin: str, reason: str) -> None:
    print(f"conflictnlp: skipping {origin}: {reason}", file=sys.stderr)


def run_extract(
    paths: Iterable[Union[str, Path]],
    output: Union[str, Path],
    *,
    published: Optional[str] = None,
    n_process: int = 1,
    batch_size: int = 16,
    fmt: Optional[str] = None,
    nlp: Optional[Language] = None,
    model: Optional[str] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: Optional[Callable[[Article], None]] = None,
    on_skip: Callable[[str, str], None] = _skip_to_stderr,
) -> ExtractSummary:
    """Extract records from files and folders into one JSONL or Parquet file.

    ``published`` is the publication date for inputs that give none, in their record or in a
    dateline of their text.
    """
    summary = ExtractSummary()
    nlp = nlp or load(model)
    writer = open_writer(Path(output), fmt)
    try:
        articles = _articles(paths, published, summary, on_skip)
        for article in process(articles, nlp, n_process=n_process, batch_size=batch_size, max_chars=max_chars):
            writer.write(article)
            summary.records += 1
            if article.errors:
                summary.with_errors += 1
                for message in article.errors:
                    summary.error_kinds[message.split(":", 1)[0]] += 1
            if progress:
                progress(article)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return summary
