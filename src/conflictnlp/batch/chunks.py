"""Processing one block of articles into output lines, shared by the local and the Dask engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.language import Language

from ..model import Article, json_line
from ..pipeline import process
from ..reading.sources import ArticleInput

# One output record: its JSON line and its error messages (for the manifest and the summary).
Record = tuple[str, list[str]]


@dataclass
class Chunk:
    """The articles of one part, in input order."""

    number: int
    articles: list[ArticleInput]


@dataclass
class ChunkResult:
    """The records of one part, in the order of its articles."""

    number: int
    records: list[Record]


@dataclass(frozen=True)
class ProcessOptions:
    """How each article is processed, the same for every engine."""

    batch_size: int = 16
    max_chars: int = 1_000_000
    time_limit: float = 120.0


def encode(article: Article) -> Record:
    return json_line(article.to_dict()), list(article.errors)


def error_record(article: ArticleInput, message: str) -> Record:
    """The record of an article that could not be processed: its metadata and the reason."""
    return encode(
        Article(
            id=article.id,
            source=article.source,
            url=article.url,
            title=article.title,
            published=article.published,
            errors=[*article.errors, message],
        )
    )


def chunk_records(articles: list[ArticleInput], nlp: Language, options: ProcessOptions) -> Iterator[Record]:
    """Records for the articles, in order, with the vocab's growth undone after each batch run.

    An exception escaping the pipeline (a base component failing on odd input) costs only its
    article: the rest of the block is rerun one article at a time and the culprit gets an
    ``error:`` record.
    """
    done = 0
    try:
        with nlp.memory_zone():
            for result in process(articles, nlp, batch_size=options.batch_size, max_chars=options.max_chars):
                yield encode(result)
                done += 1
        return
    except Exception:
        pass
    for article in articles[done:]:
        try:
            with nlp.memory_zone():
                record = encode(next(process([article], nlp, batch_size=1, max_chars=options.max_chars)))
        except Exception as err:
            record = error_record(article, f"error: {type(err).__name__}: {err}")
        yield record
