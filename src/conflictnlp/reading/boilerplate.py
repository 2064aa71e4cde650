"""Separating the article proper from what surrounds it in text taken off the web.

``find_layout(text)`` returns the body's character bounds, the headline and the dateline's
publication date. It never changes the text: offsets stay those of the input. The rules:

1. Head matter before the headline is skipped: navigation ("Skip to main content", menu items,
   breadcrumbs such as "Africa | Great Lakes", section labels of one to three words), bylines
   ("By Jane Doe | Outlet") and date lines. The first other line starts the body; a short kicker
   ("Russia's war in Ukraine") directly above a longer headline is skipped too, and a two- or
   three-word line directly above a paragraph is a headline, not a label. If the first line reads
   as a headline (no sentence-final period, at most 30 words) it is the title.
2. A dateline near the headline ("April 1, 2022 11:05am", "Published 1 April 2022", "Jul 9, 2024",
   "2024-07-09", "Outlet | 9 July 2024", a date in a byline) gives the publication date;
   "Updated: ..." lines do not. Dates below the headline win over dates above it; the date of
   an "Updated" line is kept apart as ``updated``. An agency dateline opening the first paragraph ("KYIV, Ukraine (AP) — ")
   is reported as ``place_dateline``, and its day ("KHARTOUM, June 10 (Reuters) - ") as ``wire_day``.
   ``dateline_at`` is the one function that says where a dateline opening a line is and
   ends (patterns: ``[dateline]`` of ``data/boilerplate.toml``); every component asks it.
3. The body ends at the first trailer: "Related Topics", copyright notices (also mid-line),
   comment forms, "(Reporting by ...; Editing by ...)" credits, share/newsletter prompts, spam
   links, or the start of a reader-comment thread (short user-name lines interleaved with text,
   with a name repeated, an @reply, timestamps and reply buttons, or names that look like
   handles), or a "Recent comments" widget ("admin in: Some Article Title" with a snippet and
   spam links under it; "Recent Posts", "Archives" headings). Contributor lines ("X reported from Lviv") stay in the body: they carry the
   reporting location. Mid-article promos ("Advertisement", "READ MORE: <headline>") do not end it.

4. The outlet is named by the page itself (``find_outlet``): a byline ("By X | Outlet", "By X,
   Outlet"), a date line ("Outlet | 9 July 2024"), a copyright line ("© 2024 Outlet") or, last, an
   agency credit in the place dateline ("KYIV, Ukraine (Northstar) — ").

Patterns live in ``data/boilerplate.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Optional

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
    r"(?:\s*[,|•·/–—-]?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    r"(?:\s*\(?[a-z]{2,5}\)?)?)?"
)
_DATE_FORMS = [
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?",
]
# a time may also come first: "6:42 PM ET, Tue March 14, 2023"
_LEADING_TIME = r"(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*\(?[a-z]{2,5}\)?)?\s*[,|•·/–—-]?\s*)?"
_DATE_RES = [re.compile(r"^\s*" + _LEADING_TIME + form + _TIME + r"\s*$", re.I) for form in _DATE_FORMS]
# a date anywhere in a byline ("By Jane Doe | Outlet | June 6, 2023 8:15pm")
_DATE_SEARCH_RES = [re.compile(r"(?<!\w)" + form + r"(?!\w)", re.I) for form in _DATE_FORMS]
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")


@dataclass(frozen=True)
class Dateline:
    """An agency dateline opening a line ("KYIV, Ukraine (AP) — ", "KHARTOUM, June 10 (Reuters) - ")."""

    span: tuple[int, int]  # from the first character of the line to the first one after the dash
    town: Optional[TextSpan]  # "KYIV"; None for a live-blog entry stamp
    place: Optional[TextSpan]  # "KYIV, Ukraine": the town and its region, without the day
    credit: Optional[TextSpan] = None  # "AP"
    day: Optional[tuple[int, int]] = None  # (month, day) of "June 10"
    year: Optional[int] = None  # the year the dateline itself names ("June 10, 2024")
    time: Optional[TextSpan] = None  # "09:45 GMT" of a live-blog entry stamp "09:45 GMT - ": the entry's time

    @property
    def end(self) -> int:
        """Where the text after the dateline starts."""
        return self.span[1]


@dataclass
class ArticleLayout:
    """Where the article proper lies in a text, and what its head says."""

    body: tuple[int, int]
    title: Optional[TextSpan] = None
    published: Optional[str] = None
    dateline: Optional[TextSpan] = None
    place_dateline: Optional[TextSpan] = None  # "KYIV, Ukraine" of "KYIV, Ukraine (AP) — ..."
    wire_day: Optional[tuple[int, int]] = None  # (month, day) of a wire dateline "KHARTOUM, June 10 (Reuters) - "
    year: Optional[int] = None  # the year of that day: the dateline's own, a copyright line's or the head's
    outlet: Optional[TextSpan] = None  # the outlet the page names (see ``find_outlet``)
    updated: Optional[str] = None  # the date of an "Updated ..." line near the headline


@dataclass
class _Line:
    start: int
    end: int  # end of the stripped content
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


@cache
def _raw_patterns() -> dict:
    return tomllib.loads(resources.files("conflictnlp").joinpath("data/boilerplate.toml").read_text("utf-8"))


@cache
def _patterns() -> dict:
    raw = _raw_patterns()
    compiled: dict[str, Any] = {}  # lists of patterns and single patterns
    for key in ("navigation", "byline", "trailer", "trailer_inline", "spam", "comment_meta", "consent"):
        compiled[key] = [re.compile(p, re.I) for p in raw[key]]
    for key in ("dateline_prefix", "updated_prefix", "link", "segment_separators", "comment_widget_entry", "copyright_outlet", "byline_not_outlet"):
        compiled[key] = re.compile(raw[key], re.I)
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


def _iso_date(parts: dict[str, Optional[str]]) -> Optional[str]:
    year, day, mnum, month_name = parts["year"], parts["day"], parts.get("mnum"), parts.get("month")
    # every date pattern captures a year, a day and a month number or name
    assert year is not None and day is not None
    if mnum:
        month = int(mnum)
    else:
        assert month_name is not None
        month = _MONTHS[month_name.lower()[:3]]
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def strip_consent(text: str) -> str:
    """``text`` without the cookie and consent notice lines at its start and end."""
    patterns = _patterns()["consent"]
    lines = text.splitlines()

    def notice(line: str) -> bool:
        stripped = line.strip()
        return not stripped or any(p.search(stripped) for p in patterns)

    start, end = 0, len(lines)
    while start < end and notice(lines[start]):
        start += 1
    while end > start and notice(lines[end - 1]):
        end -= 1
    return "\n".join(lines[start:end])


def _parse_date_only(line: str) -> Optional[tuple[str, bool]]:
    pats = _patterns()
    prefix = pats["dateline_prefix"].match(line)
    is_update = bool(pats["updated_prefix"].match(line))
    rest = line[prefix.end():] if prefix else line
    for regex in _DATE_RES:
        m = regex.match(rest)
        if m:
            iso = _iso_date(m.groupdict())
            return (iso, is_update) if iso else None
    return None


def _dated_segments(line: str) -> Optional[tuple[str, bool, list[str]]]:
    """``(iso_date, is_update, other_segments)`` for "Outlet | 9 July 2024": a short line of
    segments, one of them a date and the others a few words each."""
    segments = [s.strip() for s in _patterns()["segment_separators"].split(line) if s.strip()]
    if not 2 <= len(segments) <= 3:
        return None
    for n, segment in enumerate(segments):
        parsed = _parse_date_only(segment)
        if parsed:
            others = segments[:n] + segments[n + 1 :]
            if all(len(o.split()) <= 5 and not o.endswith((".", "!", "?")) for o in others):
                is_update = parsed[1] or any(_patterns()["updated_prefix"].match(o) for o in others)
                return parsed[0], is_update, others
            return None
    return None


def parse_dateline(line: str) -> Optional[tuple[str, bool]]:
    """``(iso_date, is_update)`` when a line is only a publication date/time ("Jul 9, 2024",
    "2024-07-09T08:30Z", "Published 9 July 2024") or a date with the outlet beside it
    ("Outlet | 9 July 2024"), else None."""
    parsed = _parse_date_only(line)
    if parsed is None:
        segmented = _dated_segments(line)
        parsed = segmented[:2] if segmented else None
    return parsed


def _is_byline(line: _Line) -> bool:
    if line.words > 20 or not any(p.match(line.text) for p in _patterns()["byline"]):
        return False
    # "By nightfall, rescuers had pulled 12 people from the rubble." is prose, not a byline
    return not line.text.endswith((".", "!", "?")) or _byline_date(line) is not None


def _byline_date(line: _Line) -> Optional[str]:
    """The first date in a byline, unless it is announced as an update."""
    for regex in _DATE_SEARCH_RES:
        m = regex.search(line.text)
        if m and not re.search(r"\bupdated?\b[:\s]*$", line.text[: m.start()], re.I):
            return _iso_date(m.groupdict())
    return None


def _is_breadcrumb(line: _Line) -> bool:
    items = _patterns()["segment_separators"].split(line.text)
    return len(items) >= 2 and all(len(item.split()) <= 3 for item in items)


def _is_navigation(line: _Line) -> bool:
    if any(p.search(line.text) for p in _patterns()["navigation"]) or _is_breadcrumb(line):
        return True
    # section labels and menu items: a few words, no sentence punctuation
    return line.words <= 3 and not re.search(r"[.!?:\"“”]$", line.text) and parse_dateline(line.text) is None


def _is_head_matter(line: _Line) -> bool:
    return _is_navigation(line) or _is_byline(line) or parse_dateline(line.text) is not None


def _is_paragraph(line: _Line) -> bool:
    return line.words >= 12 and line.text.endswith(_SENTENCE_END)


def _looks_like_headline(line: _Line) -> bool:
    return 3 <= line.words <= 30 and not line.text.endswith((".", "!", "?")) or (
        line.text.endswith("?") and line.words <= 20
    )


def _next_content(lines: list[_Line], i: int) -> Optional[int]:
    """Index of the first line after ``i`` that is no byline or date line."""
    for j in range(i + 1, len(lines)):
        if not (_is_byline(lines[j]) or parse_dateline(lines[j].text) is not None):
            return j
    return None


def _is_short_headline(lines: list[_Line], i: int) -> bool:
    """A two- or three-word line directly above a paragraph ("Convoy reaches Kherson")."""
    line = lines[i]
    if not 2 <= line.words <= 3 or any(p.search(line.text) for p in _patterns()["navigation"]):
        return False
    if _is_breadcrumb(line) or _is_byline(line) or parse_dateline(line.text) is not None:
        return False
    after = _next_content(lines, i)
    return after is not None and _is_paragraph(lines[after])


def _body_start(lines: list[_Line]) -> int:
    first = 0
    while first < len(lines) and _is_head_matter(lines[first]) and not _is_short_headline(lines, first):
        first += 1
    if first == len(lines):
        return 0  # nothing but short lines: keep everything
    after = _next_content(lines, first)
    if (
        lines[first].words <= 4
        and _looks_like_headline(lines[first])
        and after is not None
        and lines[after].words >= 6
        and _looks_like_headline(lines[after])
    ):
        return after  # a kicker above the headline
    return first


def _find_dateline(lines: list[_Line], first: int) -> Optional[tuple[str, _Line]]:
    for line in [*lines[first : first + 10], *reversed(lines[:first])]:
        parsed = parse_dateline(line.text)
        if parsed and not parsed[1]:
            return parsed[0], line
        if parsed is None and _is_byline(line):
            found = _byline_date(line)
            if found:
                return found, line
    return None


def _find_update(lines: list[_Line], first: int) -> Optional[str]:
    """The date of an "Updated: ..." line near the headline (the latest, if several)."""
    found = [parsed[0] for line in [*lines[max(0, first - 10) : first + 10]]
             if (parsed := parse_dateline(line.text)) and parsed[1]]
    return max(found) if found else None


def _find_place_dateline(text: str, lines: list[_Line], first: int) -> Optional[Dateline]:
    """The dateline opening one of the first paragraphs of the body."""
    for line in lines[first : first + 6]:
        found = dateline_at(text, line.start) if line.words >= 8 else None
        if found is not None and found.place is not None:
            return found
    return None


_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?P<year>(?:19|20)\d{2})\b|(?<!\d)(?P<bare>(?:19|20)\d{2})(?!\d)", re.I)


def text_year(text: str, lines: list[_Line], first: int) -> Optional[int]:
    """The year of a copyright line anywhere, else the first year named in the head of the
    text (the headline and the first paragraphs): what a wire dateline's day belongs to."""
    copyright_years = [int(m.group("year")) for m in _YEAR.finditer(text) if m.group("year")]
    if copyright_years:
        return max(copyright_years)
    head = " ".join(line.text for line in lines[first : first + 4])
    bare = next((int(m.group("bare")) for m in _YEAR.finditer(head) if m.group("bare")), None)
    return bare


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """The upper-case and the title-case dateline, the agencies a title-case town alone needs
    and the live-blog entry stamp."""
    raw = _raw_patterns()["dateline"]
    tail = (
        rf"(?:, (?!(?:{raw['day']}))(?P<region>{raw['region']}))?(?:, (?P<day>{raw['day']}))?"
        rf"(?: \((?P<credit>{raw['credit']})\))?{raw['dash']}"
    )
    upper = re.compile(rf"(?P<town>{raw['town_upper']}){tail}")
    title = re.compile(rf"(?P<town>{raw['town_title']}){tail}")
    stamp = re.compile(rf"(?P<time>{raw['stamp']}){raw['dash']}")
    return upper, title, frozenset(raw["agencies"]), stamp


def _group_span(m: re.Match[str], group: str) -> Optional[TextSpan]:
    return TextSpan(m.group(group), m.span(group)) if m.group(group) else None


def _filing_day(day: str) -> tuple[Optional[tuple[int, int]], Optional[int]]:
    """``((month, day), year)`` of a dateline's day ("June 10", "10 June", "Jan. 5, 2024")."""
    word, number, year = re.search(r"[a-z]+", day, re.I), re.search(r"(?<!\d)\d{1,2}(?!\d)", day), re.search(r"\d{4}", day)
    assert word is not None and number is not None  # the `day` pattern has both
    month, mday = _MONTHS[word.group().lower()[:3]], int(number.group())
    return ((month, mday) if 1 <= mday <= 31 else None), (int(year.group()) if year else None)


def dateline_at(text: str, offset: int) -> Optional[Dateline]:
    """The agency dateline opening the line that holds ``offset``, if it opens with one: the one
    decision of where a dateline is and where it ends (patterns: ``[dateline]`` of
    ``data/boilerplate.toml``). A town in capitals needs only the dash ("OUAGADOUGOU – "); a
    town in title case needs a region, a day or a known agency ("Kupiansk, Ukraine — ",
    "Bangui (AFP) - "), so that the subject of a sentence is no dateline. A live-blog entry
    stamp ("09:45 GMT - ") is read the same way: a Dateline with its ``time`` and no town."""
    start = text.rfind("\n", 0, offset) + 1
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if _datelines_read[0] is not text:  # quotes, claims and the article ask of the same lines
        _datelines_read[:] = [text, {}]
    known = _datelines_read[1]
    if start not in known:
        known[start] = _dateline_from(text, start)
    return known[start]


# the text last read by dateline_at (held, so that ``is`` cannot meet a new text at its
# address) and the dateline found at each line start
_datelines_read: list[Any] = [None, {}]


def _dateline_from(text: str, start: int) -> Optional[Dateline]:
    """The dateline at line start ``start``, if any (``dateline_at``)."""
    upper, title, agencies, stamp = _dateline_patterns()
    end = min(len(text), start + 200)
    entry = stamp.match(text, start, end)
    if entry is not None:
        return Dateline(span=(start, entry.end()), town=None, place=None, time=_group_span(entry, "time"))
    m = upper.match(text, start, end)
    if m is None:
        m = title.match(text, start, end)
        if m is None or not (m.group("region") or m.group("day") or m.group("credit") in agencies):
            return None
    town = _group_span(m, "town")
    assert town is not None  # the town is no optional group
    place_end = m.end("region") if m.group("region") else m.end("town")
    day, year = _filing_day(m.group("day")) if m.group("day") else (None, None)
    return Dateline(span=(start, m.end()), town=town, place=TextSpan(text[start:place_end], (start, place_end)),
                    credit=_group_span(m, "credit"), day=day, year=year)


def dateline_town(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the town of the dateline opening its line ("KYIV" of
    "KYIV, Ukraine (AP) — "): where the report was filed."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False  # a dateline's town opens its line
    found = dateline_at(text, start)
    return found is not None and found.town is not None and found.town.span[0] <= start and end <= found.town.span[1]


def skip_place_dateline(text: str, start: int) -> int:
    """Where a piece of text that starts a line really starts: after an agency dateline
    ("KYIV, Ukraine (AP) — ", "NIKOPOL, Ukraine — ") if it opens with one, else ``start``.
    A dateline says where the report was filed; it is never part of a quote or a claim. A piece
    that starts inside one (the parser ended a sentence after "12:10" of "12:10 GMT - ") starts
    after it too."""
    found = dateline_at(text, start)
    return max(start, found.end) if found is not None and start < found.end else start


def without_datelines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` outside every dateline in it: one opening its first line
    ("KYIV (AP) — Russia said" -> "Russia said") or a later one (a headline the parser ran on
    into the lead: "Drone strike kills 3\nKUPIANSK, Ukraine — Three died" -> "Drone strike
    kills 3", "Three died"). A dateline is never part of a quote or a claim."""
    pieces, lo = [], skip_place_dateline(text, start)
    newline = text.find("\n", lo, end)
    while newline != -1:
        found = dateline_at(text, newline + 1)
        if found is not None and found.span[0] < end:
            piece_end = newline
            while piece_end > lo and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > lo:
                pieces.append((lo, piece_end))
            lo = found.end
        newline = text.find("\n", max(lo, newline + 1), end)
    if lo < end:
        pieces.append((lo, end))
    return pieces


def line_dateline_end(text: str, offset: int) -> int:
    """Where the agency dateline opening the line that holds ``offset`` ends, or where that
    line starts when it opens with none: text before this point says where a report was filed."""
    found = dateline_at(text, offset)
    return found.end if found is not None else text.rfind("\n", 0, offset) + 1


SPAM_MAX_WORDS = 40  # comment spam is a line or two; an article paragraph mentioning a website is not


def _is_spam(line: _Line) -> bool:
    pats = _patterns()
    if not pats["link"].search(line.text):
        return False
    if line.words <= SPAM_MAX_WORDS and any(p.search(line.text) for p in pats["spam"]):
        return True
    return len(pats["link"].sub(" ", line.text).split()) <= 3


def _is_trailer(line: _Line) -> bool:
    return any(p.search(line.text) for p in _patterns()["trailer"]) or _is_spam(line)


WIDGET_WINDOW = 4  # lines within which a second colon-less widget entry must follow
WIDGET_SNIPPET_WORDS = 30  # a comment snippet in a widget is shorter than this


def _widget_entry(line: _Line) -> Optional[bool]:
    """Whether a line is an entry of a "Recent comments" widget ("admin in: Article Title"):
    True with the colon, False without (then only a second entry confirms it), None if not."""
    m = _patterns()["comment_widget_entry"].match(line.text) if line.words <= 30 else None
    if m is None:
        return None
    # an entry ends on an article's title, however a title ends: a question ("admin on: Will the
    # truce hold?"), an exclamation, a title the widget cut short ("jenny on Russia says the
    # talks are ..."); a full stop ends a sentence of prose ("Police in Kherson said two died.")
    ending = line.text.rstrip("\"'”’»)")
    if ending.endswith(".") and not ending.endswith(("...", "…")) or ending.endswith("!") and not m.group("colon"):
        return None
    return bool(m.group("colon"))


def _widget_starts(lines: list[_Line], i: int) -> bool:
    """A "Recent comments" widget starts at line ``i``: entries by user name and article title,
    each followed by a snippet of the comment or a spam link."""
    entry = _widget_entry(lines[i])
    if entry is None:
        return False
    if entry:
        return True
    # without the colon: a second entry soon after, with only short snippets between (a
    # subheading "Strikes on Odesa" is followed by paragraphs)
    for line in lines[i + 1 : i + 1 + WIDGET_WINDOW]:
        if _widget_entry(line) is not None:
            return True
        if line.words >= WIDGET_SNIPPET_WORDS:
            return False
    return False


def _inline_trailer(line: _Line) -> Optional[int]:
    hits = [m.start() for p in _patterns()["trailer_inline"] for m in [p.search(line.text)] if m]
    return line.start + min(hits) if hits else None


_HANDLE = re.compile(r"^@?[\w.\-']+(?: [\w.\-']+){0,2}$")
# one-token names that only a user picks: digits, underscores, dots, lower-case or camelCase
_USERNAME = re.compile(r"^@?(?=\S*(?:\d|_|\.|^[a-z]|[a-z][A-Z]))\S+$")


def _is_comment_meta(line: _Line) -> bool:
    return any(p.match(line.text) for p in _patterns()["comment_meta"])


def _is_handle(line: _Line) -> bool:
    return (
        len(line.text) <= 30
        and bool(_HANDLE.match(line.text))
        and not line.text.endswith((".", "!", "?", ":"))
        and parse_dateline(line.text) is None
        and not _is_comment_meta(line)
    )


def _comment_thread_start(lines: list[_Line], first: int) -> Optional[int]:
    """Index of the first user-name line of a reader-comment thread, if the tail is one.

    One pass from the end, so that long pages of short lines stay linear: each line ``i``
    that could open a thread is judged on what the tail from ``i`` holds.
    """
    handles = [_is_handle(line) for line in lines]
    names: set[str] = set()
    n_handles = n_content = n_meta = n_usernames = 0
    repeated = replies = False
    start = None
    for i in range(len(lines) - 1, first - 1, -1):
        line = lines[i]
        if _is_comment_meta(line):
            n_meta += 1
            continue
        n_content += 1
        replies = replies or line.text.startswith("@")
        if handles[i]:
            n_handles += 1
            name = line.text.lstrip("@").lower()
            repeated = repeated or name in names
            names.add(name)
            n_usernames += bool(_USERNAME.match(line.text))
            opens = i + 1 < len(lines) and not handles[i + 1]
            evidence = repeated or replies or n_meta >= 2 or n_usernames >= 2
            if opens and n_handles >= 3 and n_handles / n_content >= 0.2 and evidence:
                start = i
    return start


def _outlet_span(line: _Line, name: str) -> Optional[TextSpan]:
    name = name.strip(" \t-–—:;,")
    if not name or not name[0].isupper() or len(name.split()) > 6:
        return None
    start = line.text.find(name)
    return TextSpan(name, (line.start + start, line.start + start + len(name))) if start >= 0 else None


def _byline_outlet(line: _Line) -> Optional[TextSpan]:
    """"By Jane Doe | Outlet | June 6, 2023" and "By Jane Doe, Outlet": the segment after the name."""
    pats = _patterns()
    segments = [s.strip() for s in pats["segment_separators"].split(line.text) if s.strip()]
    if len(segments) == 1:
        segments = [s.strip() for s in line.text.split(",")]
    for segment in segments[1:]:
        if _parse_date_only(segment) or any(regex.search(segment) for regex in _DATE_SEARCH_RES):
            continue
        if pats["byline_not_outlet"].search(segment) or pats["updated_prefix"].match(segment):
            continue
        return _outlet_span(line, segment)
    return None


def find_outlet(text: str, lines: Optional[list[_Line]] = None, first: Optional[int] = None) -> Optional[TextSpan]:
    """The outlet the text names: a byline or date line near the head, else a copyright
    line anywhere, else an agency credit in the place dateline ("KYIV (Northstar) — ")."""
    lines = _lines(text) if lines is None else lines
    if not lines:
        return None
    first = _body_start(lines) if first is None else first
    head = [*lines[first : first + 10], *reversed(lines[:first])]
    for line in head:
        if _is_byline(line):
            found = _byline_outlet(line)
            if found:
                return found
        segmented = _dated_segments(line.text)
        if segmented:
            for other in segmented[2]:
                if not _patterns()["dateline_prefix"].match(other):
                    found = _outlet_span(line, other)
                    if found:
                        return found
    copyright_outlet = _patterns()["copyright_outlet"]
    for line in reversed(lines):
        m = copyright_outlet.search(line.text)
        if m:
            name = m.group("name").strip()
            if name.lower().startswith("the ") and len(name.split()) == 1:
                continue
            found = _outlet_span(line, name)
            if found:
                return found
    wire = _find_place_dateline(text, lines, first)
    return wire.credit if wire is not None else None


def find_layout(text: str) -> ArticleLayout:
    """Locate body, title and dateline in a plain text (see the module docstring)."""
    lines = _lines(text)
    if not lines:
        return ArticleLayout(body=(0, 0))

    first = _body_start(lines)
    title = None
    if first < len(lines) - 1 and _looks_like_headline(lines[first]):
        line = lines[first]
        stamp = dateline_at(text, line.start)
        # a live-blog entry's headline starts after its stamp ("09:45 GMT - Witnesses describe ...")
        start = stamp.end if stamp is not None and stamp.time is not None and stamp.end < line.end else line.start
        title = TextSpan(text[start : line.end], (start, line.end))
    published = dateline = None
    found = _find_dateline(lines, first)
    if found:
        published, line = found
        dateline = TextSpan(line.text, (line.start, line.end))

    # the trailer search starts at the first real paragraph
    start_tail = first
    while start_tail < len(lines) and lines[start_tail].words < 12:
        start_tail += 1
    end = lines[-1].end
    comments = _comment_thread_start(lines, start_tail + 1)
    stop = comments if comments is not None else len(lines)
    for i in range(start_tail, stop):
        line = lines[i]
        if i > start_tail and (_is_trailer(line) or _widget_starts(lines, i)):
            end = lines[i - 1].end
            break
        inline = _inline_trailer(line)
        if inline is not None and (inline > line.start or i > start_tail):
            end = inline if inline > line.start else lines[i - 1].end
            break
    else:
        if comments is not None:
            end = lines[comments - 1].end
    body_start = lines[first].start
    end = max(body_start, end)
    while end > body_start and text[end - 1].isspace():
        end -= 1
    wire = _find_place_dateline(text, lines, first)
    if wire is not None and (wire.place is None or wire.place.span[1] > end):
        wire = None
    day = wire.day if wire is not None else None
    year = (wire.year or text_year(text, lines, first)) if wire is not None and day else None
    return ArticleLayout(body=(body_start, end), title=title, published=published, dateline=dateline,
                         place_dateline=wire.place if wire is not None else None, outlet=find_outlet(text, lines, first),
                         updated=_find_update(lines, first), wire_day=day, year=year)
