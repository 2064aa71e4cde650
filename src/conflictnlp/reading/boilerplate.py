"""Separating the article proper from what surrounds it in text taken off the web.

``find_layout(text)`` returns the body's character bounds, the headline and the dateline's
publication date. It never changes the text: offsets stay those of the input. The rules:

1. Leading navigation lines ("Skip to main content", section labels of one to three words) are
   skipped; the first line of four or more words starts the body. If that line reads as a
   headline (no sentence-final period, at most 30 words) it is the title.
2. A dateline in the first lines of the body ("April 1, 2022 11:05am", "Published 1 April 2022")
   gives the publication date; "Updated: ..." lines do not.
3. The body ends at the first trailer: "Related Topics", copyright notices (also mid-line),
   comment forms, "Reporting by ...", share/newsletter prompts, spam links, or the start of a
   reader-comment thread (short user-name lines interleaved with text, with a name repeated
   or an @reply). Contributor lines ("X reported from Lviv") stay in the body: they carry the
   reporting location.

Patterns live in ``data/boilerplate.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Optional

from ..model import TextSpan

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*[,|•·–-]?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*\(?[a-z]{2,5}\)?)?)?"
)
_DATE_FORMS = [
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?",
]
_DATE_RES = [re.compile(r"^\s*" + form + _TIME + r"\s*$", re.I) for form in _DATE_FORMS]


@dataclass
class ArticleLayout:
    """Where the article proper lies in a text, and what its head says."""

    body: tuple[int, int]
    title: Optional[TextSpan] = None
    published: Optional[str] = None
    dateline: Optional[TextSpan] = None


@dataclass
class _Line:
    start: int
    end: int  # end of the stripped content
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


@cache
def _patterns() -> dict:
    raw = tomllib.loads(resources.files("conflictnlp").joinpath("data/boilerplate.toml").read_text("utf-8"))
    compiled = {}
    for key in ("navigation", "trailer", "trailer_inline", "spam"):
        compiled[key] = [re.compile(p, re.I) for p in raw[key]]
    compiled["dateline_prefix"] = re.compile(raw["dateline_prefix"], re.I)
    compiled["updated_prefix"] = re.compile(raw["updated_prefix"], re.I)
    return compiled


def _lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = offset + lead
            lines.append(_Line(start, start + len(stripped), stripped))
        offset += len(raw)
    return lines


def parse_dateline(line: str) -> Optional[tuple[str, bool]]:
    """``(iso_date, is_update)`` when a line is only a publication date/time, else None."""
    pats = _patterns()
    prefix = pats["dateline_prefix"].match(line)
    is_update = bool(pats["updated_prefix"].match(line))
    rest = line[prefix.end():] if prefix else line
    for regex in _DATE_RES:
        m = regex.match(rest)
        if not m:
            continue
        parts = m.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()[:3]]
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat(), is_update
        except ValueError:
            return None
    return None


def _is_navigation(line: _Line) -> bool:
    if any(p.search(line.text) for p in _patterns()["navigation"]):
        return True
    # section labels and menu items: a few words, no sentence punctuation
    return line.words <= 3 and not re.search(r"[.!?:\"“”]$", line.text) and parse_dateline(line.text) is None


def _looks_like_headline(line: _Line) -> bool:
    return 3 <= line.words <= 30 and not line.text.endswith((".", "!", "?")) or (
        line.text.endswith("?") and line.words <= 20
    )


def _is_trailer(line: _Line) -> bool:
    pats = _patterns()
    if any(p.search(line.text) for p in pats["trailer"]):
        return True
    if re.match(r"^(reporting|writing|editing|additional reporting|compiled) by\b", line.text, re.I):
        return True
    return line.words <= 12 and any(p.search(line.text) for p in pats["spam"])


def _inline_trailer(line: _Line) -> Optional[int]:
    hits = [m.start() for p in _patterns()["trailer_inline"] for m in [p.search(line.text)] if m]
    return line.start + min(hits) if hits else None


_HANDLE = re.compile(r"^@?[\w.\-']+(?: [\w.\-']+){0,2}$")


def _comment_thread_start(lines: list[_Line], first: int) -> Optional[int]:
    """Index of the first user-name line of a reader-comment thread, if the tail is one."""

    def is_handle(line: _Line) -> bool:
        return (
            len(line.text) <= 30
            and bool(_HANDLE.match(line.text))
            and not line.text.endswith((".", "!", "?", ":"))
            and parse_dateline(line.text) is None
        )

    for i in range(first, len(lines)):
        if not is_handle(lines[i]) or i + 1 >= len(lines) or is_handle(lines[i + 1]):
            continue
        tail = lines[i:]
        handles = [line.text.lstrip("@").lower() for line in tail if is_handle(line)]
        if len(handles) < 3 or len(handles) / len(tail) < 0.2:
            continue
        repeated = len(set(handles)) < len(handles)
        replies = any(line.text.startswith("@") for line in tail)
        if repeated or replies:
            return i
    return None


def find_layout(text: str) -> ArticleLayout:
    """Locate body, title and dateline in a plain text (see the module docstring)."""
    lines = _lines(text)
    if not lines:
        return ArticleLayout(body=(0, 0))

    first = 0
    while first < len(lines) and _is_navigation(lines[first]):
        first += 1
    if first == len(lines):
        first = 0  # nothing but short lines: keep everything
    title = None
    if first < len(lines) - 1 and _looks_like_headline(lines[first]):
        title = TextSpan(lines[first].text, (lines[first].start, lines[first].end))

    published = dateline = None
    for line in lines[first : first + 10]:
        parsed = parse_dateline(line.text)
        if parsed and not parsed[1]:
            published = parsed[0]
            dateline = TextSpan(line.text, (line.start, line.end))
            break

    # the trailer search starts after the first real paragraph
    start_tail = first
    while start_tail < len(lines) and lines[start_tail].words < 12:
        start_tail += 1
    end = lines[-1].end
    comments = _comment_thread_start(lines, start_tail + 1)
    stop = comments if comments is not None else len(lines)
    for i in range(start_tail, stop):
        line = lines[i]
        if i > start_tail and _is_trailer(line):
            end = lines[i - 1].end
            break
        inline = _inline_trailer(line)
        if inline is not None and i > start_tail:
            end = inline if inline > line.start else lines[i - 1].end
            break
    else:
        if comments is not None:
            end = lines[comments - 1].end
    body_start = lines[first].start
    end = max(body_start, end)
    while end > body_start and text[end - 1].isspace():
        end -= 1
    return ArticleLayout(body=(body_start, end), title=title, published=published, dateline=dateline)
