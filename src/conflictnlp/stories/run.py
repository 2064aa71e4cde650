"""``conflictnlp compare`` on a file: extract output in, stories (and an HTML page) out.

The records are read twice (``batch.read.iter_records``: JSONL or the Parquet folder, a
batch at a time): once for the signatures that group them, once to compare the articles of
each story. Only signatures, the stories found and the articles of stories not yet complete
are held, so memory stays bounded. Standard input can be read only once, so it is held whole.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from ..batch.read import STDIN, RecordsError, iter_records
from ..model import Article, Story
from .compare import StoryComparer

STDOUT = "-"


# the stories are typed dataclasses; the first few are checked against the shipped schema as a
# guard, all of them would cost more than the comparison itself on a large corpus
SELF_CHECKED = 200


@dataclass
class CompareSummary:
    articles: int
    stories: int
    several: int  # stories reported by more than one article
    candidate_pairs: int


def _checked(records: Iterable[dict[str, Any]], name: str) -> Iterator[dict[str, Any]]:
    """Records, each validated as an extract record; a bad one stops the run with its number."""
    for number, record in enumerate(records, start=1):
        try:
            Article.from_dict(record)
        except ValueError as err:
            first = str(err).splitlines()[1:3]
            raise RecordsError(f"{name}:{number}: not an extraction record: {' '.join(s.strip() for s in first) or err}") from None
        yield record


def compare_file(
    path: Union[str, Path],
    output: Union[str, Path],
    *,
    html: Optional[Path] = None,
    comparer: StoryComparer,
    progress: Optional[Callable[[str], None]] = None,
) -> CompareSummary:
    """Compare the records at ``path`` (``"-"``: standard input); write the stories to
    ``output`` (JSON; ``"-"``: standard output) and, if given, the page to ``html``. Raises ``RecordsError`` for input that is not extract output."""
    from ..schema import validator
    from .html import write_html

    if str(path) == STDIN:
        held = list(_checked(iter_records(path), "<stdin>"))
        first_pass: Callable[[], Iterable[dict]] = lambda: iter(held)  # noqa: E731
        opener = first_pass
    else:
        passes = iter([lambda: _checked(iter_records(path), str(path)), lambda: iter_records(path)])
        opener = lambda: next(passes)()  # noqa: E731
    stories: list[Story] = []

    def collect(pairs: Iterable[tuple[Story, list[Article]]]) -> Iterator[tuple[Story, list[Article]]]:
        for story, articles in pairs:
            stories.append(story)
            yield story, articles

    pairs = comparer.stream(opener, articles=html is not None)
    if html is not None:
        write_html(html, collect(pairs), comparer.similarity.description)
    else:
        for _ in collect(pairs):
            pass
    if not stories:
        raise RecordsError(f"{path}: no records to compare; give the output of `conflictnlp extract`")
    stories.sort(key=lambda s: int(s.id[1:]))
    check = validator("stories.schema.json")
    to_stdout = str(output) == STDOUT
    handle = sys.stdout if to_stdout else Path(output).open("w", encoding="utf-8")
    try:
        handle.write('{\n  "stories": [')
        for n, story in enumerate(stories):
            data = story.to_dict()
            if n < SELF_CHECKED:
                check.validate({"stories": [data]})
            handle.write(("," if n else "") + "\n    " + json.dumps(data, ensure_ascii=False))
        handle.write("\n  ]\n}\n")
        handle.flush()
    finally:
        if not to_stdout:
            handle.close()
    return CompareSummary(
        articles=sum(len(s.articles) for s in stories),
        stories=len(stories),
        several=sum(1 for s in stories if len(s.articles) > 1),
        candidate_pairs=comparer.candidate_pairs,
    )
