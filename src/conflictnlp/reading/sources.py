"""Reading input files and records into ``ArticleInput`` objects, one per article.

Inputs: ``.txt``, ``.html``/``.htm``, ``.json`` (one record), ``.jsonl`` (one record a line),
given as files or folders (walked recursively, in sorted order). A problem with one article
becomes an ``ArticleInput`` with ``errors`` (it still gets a record); a file we cannot read
at all for its kind (unknown extension) becomes a ``SkippedInput`` with the reason.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from .boilerplate import find_outlet, parse_dateline, strip_consent
from .decode import UndecodableInput, declared_charset, decode_bytes

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
RECORD_KEYS = ("id", "published", "source", "url", "title")
# a page whose extracted text has no line this long holds navigation, not an article
_MIN_PROSE_WORDS = 8
# no sentence in news runs this long without an end mark or a line break: such text is a dump
# (a word list, a table flattened onto one line) that would give hundreds of bogus quotes
MAX_UNBROKEN_CHARS = 10_000
_UNBROKEN = re.compile(r"[^.!?\n\r\u2026\u3002\uff01\uff1f\u061f\u0964]+")


@dataclass
class ArticleInput:
    """An article ready for the pipeline. ``text`` is None when it could not be read."""

    text: Optional[str]
    id: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    errors: list[str] = field(default_factory=list)
    origin: Optional[str] = None  # file (and line) it came from, for messages
    # used only when neither the record nor a dateline in the text gives a date (CLI --published)
    published_fallback: Optional[str] = None
    # text extracted from HTML has one paragraph a line, with no blank line between them
    line_paragraphs: bool = False


@dataclass
class SkippedInput:
    """A file that holds no article we can read, with the reason."""

    origin: str
    reason: str


def normalise_published(value: Any) -> tuple[Optional[str], Optional[str]]:
    """``(iso_date, error)`` for a user-given publication date (ISO date/datetime or a dateline)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, (date, datetime)):
        return (value.date() if isinstance(value, datetime) else value).isoformat(), None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat(), None
    except ValueError:
        pass
    parsed = parse_dateline(text)
    if parsed:
        return parsed[0], None
    return None, f"published: cannot read {text!r} as a date (expected YYYY-MM-DD); left unset"


def prose_problem(text: str) -> Optional[str]:
    """Why ``text`` cannot be read as prose (``None`` if it can): a stretch of more than
    ``MAX_UNBROKEN_CHARS`` characters with no sentence end and no line break."""
    if len(text) <= MAX_UNBROKEN_CHARS:
        return None
    # maximal runs, one after the other: linear in the text (a bounded repeat would backtrack)
    run = next((m for m in _UNBROKEN.finditer(text) if m.end() - m.start() > MAX_UNBROKEN_CHARS), None)
    if run is None:
        return None
    return (
        f"text: {len(run.group()):,} characters from offset {run.start():,} with no sentence end or line break; "
        "not processed, as this is not prose (break it into sentences or lines)"
    )


@cache
def _quiet_html_loggers() -> None:
    """trafilatura and htmldate log every page they find nothing in, at level ERROR ("empty
    HTML tree"); the record's ``errors`` say that already. Without this their lines reach stderr
    as soon as anything configures the root logger (quantulum3 calls ``basicConfig``)."""
    for name in ("trafilatura", "htmldate", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def html_to_text(html: str, url: Optional[str] = None) -> tuple[Optional[str], dict[str, Any]]:
    """Main text and metadata of an HTML page (None when the page holds no article).

    Why trafilatura and not justext: trafilatura finds the article from the page's structure
    (``<article>``/``<main>``, comment, aside, footer and navigation containers, link density)
    and only then falls back to readability and justext, which it bundles; it also returns the
    page's title, publication date and canonical URL, which the record needs. justext judges
    each paragraph alone by its length, link and stop-word density, so a long reader comment
    that reads like prose stays in while a short standfirst goes, and it returns no metadata.

    The outlet comes from the page (``page_outlet``) where the record names none.

    The balanced default mode is used rather than ``favor_precision``, which drops the headline
    and standfirst that title and body detection rely on. The publication date comes from the
    page's metadata only (no guessing from copyright years or URLs), and a page whose text has
    no sentence-length line counts as no article.
    """
    import trafilatura
    from trafilatura.settings import Document

    _quiet_html_loggers()
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(doc, Document):  # None, or a dict only when asked for with as_dict
        return None, {}
    text = strip_consent(doc.text) if doc.text else None
    if not text or not any(len(line.split()) >= _MIN_PROSE_WORDS for line in text.splitlines()):
        return None, {}
    meta = {"title": doc.title, "published": doc.date, "url": doc.url or url, "source": page_outlet(html, doc.title)}
    return text, meta


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·)\s+")
_SITE_NAME_META = ("og:site_name", "application-name", "publisher", "article:publisher", "twitter:site")


def page_outlet(html: str, headline: Optional[str] = None) -> Optional[str]:
    """The outlet an HTML page names, most reliable first: ``og:site_name`` (and other
    publisher meta tags), the ``<title>`` suffix after the headline ("Headline | Outlet"), a
    byline or copyright line in the page's text ("By X | Outlet", "© 2023 Outlet")."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for key in _SITE_NAME_META:
        for node in tree.xpath("//meta[@property=$k or @name=$k]", k=key):
            content = (node.get("content") or "").strip().lstrip("@")
            # a URL is no name; trafilatura's own sitename falls back to the host name, hence not used
            if content and "/" not in content and not re.fullmatch(r"[\w-]+(\.[\w-]+)+", content):
                return content
    titles = tree.xpath("//title/text()")
    if titles:
        parts = _TITLE_SEPARATORS.split(" ".join(titles[0].split()))
        if len(parts) >= 2:
            suffix = parts[-1]
            prefix = " ".join(parts[:-1])
            same_headline = headline is None or headline.strip().lower().startswith(prefix.lower()[:40])
            if same_headline and len(suffix.split()) <= 5 and suffix[:1].isupper():
                return suffix
    for node in tree.xpath("//script|//style|//noscript"):
        node.drop_tree()
    page_text = "\n".join(" ".join(t.split()) for t in tree.itertext() if t.strip())
    found = find_outlet(page_text)
    return found.text if found else None


def read_record(record: Union[str, dict[str, Any]], *, default_id: Optional[str] = None, origin: Optional[str] = None) -> ArticleInput:
    """An ``ArticleInput`` from a string or a dict with ``text`` or ``html`` (+ optional keys)."""
    if isinstance(record, str):
        record = {"text": record}
    if not isinstance(record, dict):
        hint = " (several records belong in a .jsonl file, one a line)" if isinstance(record, list) else ""
        return ArticleInput(
            None, id=default_id, origin=origin,
            errors=[f"input: expected a JSON object or a string, got {type(record).__name__}{hint}"],
        )
    errors: list[str] = []
    meta = {key: record.get(key) for key in RECORD_KEYS}
    for key in ("id", "source", "url", "title"):
        if meta[key] is not None and not isinstance(meta[key], str):
            meta[key] = str(meta[key])
    text = record.get("text")
    from_html = text is None and record.get("html") is not None
    if from_html:
        html = record["html"]
        if not isinstance(html, str):
            errors.append("html: expected a string")
        else:
            text, found = html_to_text(html, meta.get("url"))
            if text is None:
                errors.append("html: no article text found in the page (only navigation or boilerplate)")
            for key, value in found.items():
                if meta.get(key) is None and value:
                    meta[key] = value
    elif text is None:
        errors.append("input: record has neither 'text' nor 'html'")
    elif not isinstance(text, str):
        errors.append(f"text: expected a string, got {type(text).__name__}")
        text = None
    if text is not None and not text.strip():
        errors.append("text: empty article")
    published, problem = normalise_published(meta["published"])
    if problem:
        errors.append(problem)
    return ArticleInput(
        text=text,
        id=meta["id"] if meta["id"] is not None else default_id,
        published=published,
        source=meta["source"],
        url=meta["url"],
        title=meta["title"],
        errors=errors,
        origin=origin,
        line_paragraphs=from_html and text is not None,
    )


def _read_text_file(path: Path, html: bool = False) -> tuple[Optional[str], list[str]]:
    """``(text, problems)``: text is None when the file cannot be read as text at all."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, [f"read: {err}"]
    if not data.strip():
        return None, ["text: empty file"]
    try:
        decoded = decode_bytes(data, declared_charset(data) if html else None)
    except UndecodableInput as err:
        return None, [f"decode: {err}"]
    return decoded.text, [f"decode: {decoded.note}"] if decoded.note else []


def read_file(path: Path, article_id: str, walked: bool = False) -> Iterator[Union[ArticleInput, SkippedInput]]:
    """Every article in one file; ``walked``: found in a folder, not named (then extract output
    is skipped, see ``holds_extract_output``; named, its records are read again as articles)."""
    suffix = path.suffix.lower()
    origin = str(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield SkippedInput(origin, f"unsupported file type {suffix or '(none)'}; expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        return
    if suffix in JSONL_SUFFIXES:
        if walked and holds_extract_output(path):
            yield SkippedInput(origin, EXTRACT_OUTPUT_NOTE)
            return
        yield from _read_jsonl(path, article_id)
        return
    text, problems = _read_text_file(path, html=suffix in HTML_SUFFIXES)
    if text is None:
        article = ArticleInput(None, id=article_id, origin=origin)
    elif suffix in TEXT_SUFFIXES:
        article = ArticleInput(text, id=article_id, origin=origin)
    elif suffix in HTML_SUFFIXES:
        article = read_record({"html": text}, default_id=article_id, origin=origin)
    else:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as err:
            record = None
            problems.append(f"json: invalid JSON: {err}")
        article = read_record(record, default_id=article_id, origin=origin) if record is not None else ArticleInput(None, id=article_id, origin=origin)
    article.errors = problems + article.errors
    yield article


# keys every extract output record has and no input record needs (batch.read.RECORD_KEYS)
OUTPUT_KEYS = ("body", "quotes", "claims", "locations", "distances", "quantities", "dates", "errors")
EXTRACT_OUTPUT_NOTE = ("the output of an earlier `conflictnlp extract` (records with results, not articles); "
                       "write -o outside the input folders; name the file itself to extract its texts again")


def holds_extract_output(path: Path) -> bool:
    """Whether a JSONL file is extract output (its first record has every output key): an
    earlier run's OUT.jsonl or parts left in an input folder would otherwise be extracted again
    as articles, each a copy of one already in that output."""
    try:
        with path.open("rb") as handle:
            first = next((raw for raw in handle if raw.strip()), b"")
        record = json.loads(first.decode("utf-8-sig"))
    except (OSError, ValueError):  # unreadable or not JSON: read_file says why, line by line
        return False
    return isinstance(record, dict) and all(key in record for key in OUTPUT_KEYS)


def jsonl_problem(err: json.JSONDecodeError, lineno: int) -> str:
    """What is wrong with a JSONL input line, and what to do, for the record's errors."""
    if err.msg.startswith("Unterminated string"):
        return (f"jsonl: line {lineno} ends inside a string (from column {err.colno}): each record must be one line; "
                "write texts with their line breaks escaped as \\n (json.dumps does)")
    return (f"jsonl: line {lineno} is not JSON ({err.msg} at column {err.colno}); "
            'each line must be one JSON object such as {"id": "a1", "text": "..."}')


def _read_jsonl(path: Path, stem_id: str) -> Iterator[ArticleInput]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ArticleInput(None, id=stem_id, origin=str(path), errors=[f"read: {err}"])
        return
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            origin = f"{path}:{lineno}"
            default_id = f"{stem_id}:{lineno}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_bytes(raw).text
                except UndecodableInput as err:
                    yield ArticleInput(None, id=default_id, origin=origin, errors=[f"decode: {err}"])
                    continue
            try:
                # strict=False: a raw tab in a text is harmless; the line's own end is no part of it
                record = json.loads(line.rstrip("\r\n"), strict=False)
            except json.JSONDecodeError as err:
                yield ArticleInput(None, id=default_id, origin=origin, errors=[jsonl_problem(err, lineno)])
                continue
            article = read_record(record, default_id=default_id, origin=origin)
            article.errors = [f"{message} [line {lineno}]" for message in article.errors]
            yield article


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
            yield path


def _input_files(
    paths: Iterable[Union[str, Path]], exclude: Iterable[Union[str, Path]] = ()
) -> Iterator[Union[tuple[Path, str, bool], SkippedInput]]:
    """Every input file under ``paths`` with its default id and whether it was found by walking
    a folder, once each, in a deterministic order."""
    excluded = [Path(p).resolve() for p in exclude]
    seen: set[Path] = set(excluded)
    for given in paths:
        root = Path(given)
        if root.is_dir():
            files = [(p, p.relative_to(root).as_posix()) for p in _walk(root)]
        elif root.exists():
            files = [(root, root.name)]
        else:
            yield SkippedInput(str(root), "no such file or folder")
            continue
        for path, rel in files:
            resolved = path.resolve()
            if resolved in seen or any(resolved.is_relative_to(ex) for ex in excluded):
                continue
            seen.add(resolved)
            yield path, rel, root.is_dir()


def iter_inputs(
    paths: Iterable[Union[str, Path]], exclude: Iterable[Union[str, Path]] = ()
) -> Iterator[Union[ArticleInput, SkippedInput]]:
    """Stream every article under the given files and folders, in a deterministic order.

    Ids default to the path relative to the folder given (the file name for a file), with
    ``:LINE`` appended for JSONL records that carry no ``id``. Files at or under an ``exclude``
    path (the run's own output, when it is written inside an input folder) are not read.
    """
    for item in _input_files(paths, exclude):
        if isinstance(item, SkippedInput):
            yield item
            continue
        path, rel, walked = item
        try:
            yield from read_file(path, rel, walked)
        except Exception as err:  # one bad file must not stop a run over thousands
            yield ArticleInput(None, id=rel, origin=str(path), errors=[f"read: unexpected {type(err).__name__}: {err}"])


def count_inputs(paths: Iterable[Union[str, Path]], exclude: Iterable[Union[str, Path]] = ()) -> int:
    """How many articles ``iter_inputs`` will yield, found cheaply: files are not decoded or
    parsed, JSONL files are only split into lines (for a progress bar's total)."""
    count = 0
    for item in _input_files(paths, exclude):
        if isinstance(item, SkippedInput):
            continue
        path = item[0]
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            continue
        if suffix not in JSONL_SUFFIXES:
            count += 1
            continue
        if item[2] and holds_extract_output(path):
            continue
        try:
            with path.open("rb") as handle:
                count += sum(1 for raw in handle if raw.strip())
        except OSError:
            count += 1  # iter_inputs gives an unreadable file one error record
    return count
