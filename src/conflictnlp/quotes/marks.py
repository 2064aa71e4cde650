"""Pairing quotation marks into quoted passages.

News text mixes every kind of mark: straight ``"``, curly ``“ ”``, a curly opener closed by a
straight mark, ``’’``/``''``/```` `` ```` doubled singles, guillemets ``« »``, and even an opener
used as a closer (``“Mostly False.“``). Shape alone cannot decide, so each mark is classified by
where it stands (its *flanking*, as in CommonMark): a mark with a space before and a letter
after opens, one with a letter or punctuation before and a space after closes; the shape only
breaks ties. Single ``‘ ’ '`` marks are apostrophes far more often than quotes, so they are
only ever *inner* quotes and never open a passage here. Where a doubled mark meets an inner
single one (``'''Nobody,' he said,'' she recalled``, ``honour the soldiers'''``), the run of
three is read as the doubled mark on the outer side: the first two apostrophes open, the last
two close, and the third stays with the quoted words. A plural possessive written with doubled
apostrophes inside a quote (``''We met the soldiers'' families,'' he said``) is not taken for
the closer when the next doubled mark of the paragraph closes as well.

A quote that runs over several paragraphs is, by convention, re-opened at the start of each
paragraph and closed only at the end of the last: such a passage comes out as one
``QuotedPassage`` with one piece per paragraph. A quote left open at the end of a paragraph
that is not continued is closed there (``closed=False``), so one missing mark cannot swallow
the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

Offsets = tuple[int, int]

OPENERS = {"“", "«", "„", "``", "‘‘"}
CLOSERS = {"”", "»", "’’"}
AMBIGUOUS = {'"', "''"}  # straight marks: the position decides
MARK_RE = re.compile(r"``|'''|''|‘‘|’’|[“”\"«»„]")
# characters after which a mark still counts as standing at the start of a phrase
OPENING_CONTEXT = set("([{—–-/")
PARAGRAPH_RE = re.compile(r"\n")
# an HTML/XML tag left in plain text (``<tweet author="X" id="1">``, ``</p>``, ``<br/>``): its
# attribute values are not quotations and its name is not a word of the article
MARKUP_RE = re.compile(r"""</?[A-Za-z][\w.:-]*(?:\s+[\w.:-]+(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s<>"']+))?)*\s*/?>""")


@dataclass
class QuotedPassage:
    """A quotation: its pieces (marks included) and the text inside the marks."""

    pieces: list[Offsets] = field(default_factory=list)  # with the marks, one per paragraph
    inner: list[Offsets] = field(default_factory=list)  # without the marks
    closed: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, text: str) -> str:
        """The quoted words, pieces joined by a space."""
        return " ".join(text[s:e] for s, e in self.inner)


def _flanking(text: str, start: int, end: int) -> str:
    """'open', 'close' or '' (undecided) from the characters around a mark."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    space_before = before.isspace() or before in OPENING_CONTEXT
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return ""


def _role(text: str, start: int, end: int) -> str:
    """Whether a mark opens or closes, by position first and shape second."""
    mark = text[start:end]
    flank = _flanking(text, start, end)
    if flank:
        return flank
    if mark in OPENERS:
        return "open"
    if mark in CLOSERS:
        return "close"
    return ""


def _inner(text: str, start: int, end: int) -> Offsets:
    """Offsets inside the marks of a piece, without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _possessive(text: str, start: int, end: int, p_end: int) -> bool:
    """Whether the ``''`` at ``start`` is a plural possessive inside a quote ("soldiers''
    families"): right after an ``s``, followed by a lowercase word, and the next doubled mark of
    the paragraph closes as well."""
    if text[start:end] != "''" or start == 0 or text[start - 1] not in "sS":
        return False
    if not re.match(r"[ \u00a0]+[a-z]", text[end:p_end]):
        return False
    following = MARK_RE.search(text, end, p_end)
    return following is not None and _role(text, *following.span()) == "close"


def markup_spans(text: str, start: int = 0, end: int | None = None) -> list[Offsets]:
    """The markup tags in ``text[start:end]`` (``MARKUP_RE``), in text order."""
    return [m.span() for m in MARKUP_RE.finditer(text, start, len(text) if end is None else end)]


def inside(offset: int, spans: list[Offsets]) -> bool:
    """Whether ``offset`` falls in one of the sorted, disjoint ``spans``."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def find_quoted_passages(text: str, start: int = 0, end: int | None = None) -> list[QuotedPassage]:
    """Every quoted passage in ``text[start:end]``, in text order; quotation marks inside
    markup tags (``author="X"``) are not quotations."""
    end = len(text) if end is None else end
    markup = markup_spans(text, start, end)
    passages: list[QuotedPassage] = []
    current: QuotedPassage | None = None
    open_at: int | None = None  # offset of the opening mark of the current piece
    open_len = 0

    def close_piece(at: int, mark_len: int, closed: bool) -> None:
        nonlocal open_at
        assert current is not None and open_at is not None
        piece_end = at + mark_len
        current.pieces.append((open_at, piece_end))
        current.inner.append(_inner(text, open_at + open_len, at))
        current.closed = closed
        open_at = None

    # paragraph by paragraph, so that an unclosed quote stops at its paragraph's end
    paragraph_starts = [start] + [m.end() for m in PARAGRAPH_RE.finditer(text, start, end)]
    paragraph_ends = [m.start() for m in PARAGRAPH_RE.finditer(text, start, end)] + [end]
    for p_start, p_end in zip(paragraph_starts, paragraph_ends):
        first = p_start
        while first < p_end and text[first].isspace():
            first += 1
        if first == p_end:
            continue  # blank line between paragraphs
        if not MARK_RE.match(text, first):
            current = None  # a left-open quote is continued only by a paragraph opening with a mark
        depth = 0  # nested quotes that use the same kind of marks as the outer one
        for match in MARK_RE.finditer(text, p_start, p_end):
            m_start, m_end = match.span()
            if markup and inside(m_start, markup):
                continue
            role = _role(text, m_start, m_end)
            if m_end - m_start == 3:  # ''' : a doubled mark next to an inner single one
                if open_at is None or role == "open":
                    m_end -= 1
                else:
                    m_start += 1
            elif open_at is not None and role == "close" and _possessive(text, m_start, m_end, p_end):
                continue
            if open_at is None:
                leading = m_start == first
                if role == "open" or (role == "" and leading):
                    if not (leading and current is not None and not current.closed):
                        current = QuotedPassage()
                        passages.append(current)
                    open_at, open_len = m_start, m_end - m_start
            elif role == "open":
                depth += 1
            elif depth:
                depth -= 1
            else:
                close_piece(m_start, m_end - m_start, True)
                current = None
        if open_at is not None:
            close_piece(p_end, 0, False)
    return [p for p in passages if any(e > s for s, e in p.inner)]


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs (non-blank lines) of ``text``; with ``bisect`` they
    number the paragraph an offset is in."""
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts or [0]
