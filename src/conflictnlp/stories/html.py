"""A self-contained HTML page of stories: outlets, aligned quotes, claims and disagreements.

No scripts, fonts, images or links to load: one file that opens anywhere. The markup is in
``templates/stories.html`` (jinja2, autoescape on, so every piece of article text is escaped;
the style sheet ``templates/style.css`` is inlined). This module only gathers what each piece
shows. Stories reported by one article only are collapsed into one table at the end; in
aligned quotes, the words that differ between renderings (word edit operations from
rapidfuzz) are highlighted.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from rapidfuzz.distance import Indel

from ..model import Article, Disagreement, DisagreementValue, Stories, Story

TEMPLATES = Path(__file__).parent / "templates"
UNIT_SYMBOLS = {"metre": "m", "kilometre": "km", "mile": "mi", "foot": "ft", "yard": "yd", "nautical mile": "nmi", "centimetre": "cm",
                "tonne": "t", "kilogram": "kg", "meter": "m"}
FIGURE_KINDS = {"distance", "quantity", "date"}
_WORD = re.compile(r"\S+")


@cache
def _macros() -> Any:
    """The page's macros (``head``, ``story``, ``singles``, ``foot``, ...) from the template."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      undefined=StrictUndefined)
    return env.get_template("stories.html").module


def _outlet(article: Optional[Article], article_id: str) -> str:
    return article.source if article and article.source else article_id


def _figure(value: float, unit: Optional[str]) -> str:
    return f"{value:g} {UNIT_SYMBOLS.get(unit, unit)}" if unit else f"{value:g}"


def _offsets(span: Optional[tuple[int, int]]) -> str:
    return f"[{span[0]}, {span[1]})" if span else ""


def _diff_words(words: list[str], others: list[list[str]]) -> list[bool]:
    """For each of ``words``, whether it is missing from or replaced in another rendering
    (word-level edit operations from rapidfuzz)."""
    changed = [False] * len(words)
    for other in others:
        for op in Indel.opcodes([_norm(w) for w in words], [_norm(w) for w in other]):
            if op.tag != "equal":
                for k in range(op.src_start, op.src_end):
                    changed[k] = True
    return changed


def _norm(word: str) -> str:
    return re.sub(r"[^\w]", "", word.lower())


def diff_words(text: str, others: list[str]) -> list[tuple[str, bool]]:
    """The words of ``text``, each with whether it differs from the other renderings."""
    words = _WORD.findall(text)
    return list(zip(words, _diff_words(words, [_WORD.findall(o) for o in others])))


def _converted(value: DisagreementValue) -> str:
    if value.metres is not None:
        return f" = {value.metres / 1000:,.1f} km" if value.unit != "kilometre" else ""
    if value.normalised is not None and value.normalised_unit == "kilogram":
        return f" = {value.normalised / 1000:,.1f} t" if value.unit != "tonne" else ""
    if value.normalised is not None and value.normalised_unit and value.normalised != value.value:
        return f" = {value.normalised:,.4g} {value.normalised_unit}"
    return ""


class _Page:
    """What one story's section shows, with its articles at hand for quote and claim text."""

    def __init__(self, articles: Iterable[Article]):
        self.articles = {a.id: a for a in articles if a.id}

    def article(self, article_id: str) -> Optional[Article]:
        return self.articles.get(article_id)

    def story(self, story: Story) -> dict[str, Any]:
        titles = [a.title for a in map(self.article, story.articles) if a and a.title]
        names = [self._outlet_name(a) for a in story.articles]
        return {
            "id": story.id,
            "title": titles[0] if titles else None,
            "outlet_names": list(dict.fromkeys(names)),
            "articles": [self.outlet_row(a) for a in story.articles],
            "disagreements": [self.disagreement(d) for d in story.disagreements],
            "quotes": [self.quote(q) for q in story.quotes],
            "claims": self.claims(story),
            "texts": [t for t in (self.text(story, a) for a in story.articles) if t],
        }

    def _outlet_name(self, article_id: str) -> str:
        a = self.article(article_id)
        return a.source if a and a.source else "outlet not named"

    def outlet_row(self, article_id: str) -> dict[str, Any]:
        a = self.article(article_id)
        return {"id": article_id, "source": a.source if a else None, "title": (a.title or "") if a else "",
                "published": (a.published or "") if a else "", "url": (a.url or "") if a else ""}

    def quote(self, quote) -> dict[str, Any]:
        found = []
        for member in quote.members:
            a = self.article(member.article)
            found.append((member, a, next((q for q in a.quotes if q.id == member.quote), None) if a else None))
        texts = [q.content.text if q else member.quote for member, _, q in found]
        cards = []
        for n, (member, a, q) in enumerate(found):
            named = member.speaker if member.speaker and member.speaker != quote.speaker_name else None
            cards.append({
                "outlet": _outlet(a, member.article),
                "words": diff_words(texts[n], [t for k, t in enumerate(texts) if k != n]),
                "speaker_here": named, "article": member.article, "quote": member.quote,
                "cue": q.cue.text if q and q.cue else None,
                "spans": ", ".join(_offsets(s) for s in q.content.spans) if q else "",
            })
        return {"id": quote.id, "speaker": quote.speaker_name or "unknown speaker", "cards": cards}

    def claims(self, story: Story) -> list[dict[str, Any]]:
        """One row per claim member; the first row of each claim carries its id and summary."""
        disputed = {(v.article, v.span) for d in story.disagreements if d.kind in FIGURE_KINDS for v in d.values if v.span}
        rows = []
        for claim in story.claims:
            for n, member in enumerate(claim.members):
                a = self.article(member.article)
                found = next((c for c in a.claims if c.id == member.claim), None) if a else None
                rows.append({
                    "rowspan": len(claim.members) if n == 0 else 0, "claim": claim.id, "summary": claim.summary,
                    "outlet": _outlet(a, member.article), "source": member.source or "the outlet", "stance": member.stance,
                    "text": found.text if found else member.claim,
                    "disputed": found is not None
                    and any(aid == member.article and found.span[0] <= span[0] and span[1] <= found.span[1] for aid, span in disputed),
                })
        return rows

    def disagreement(self, disagreement: Disagreement) -> dict[str, Any]:
        values = []
        for value in disagreement.values:
            figure = None
            if value.value is not None:
                figure = ("≈ " if value.approximate else "") + _figure(value.value, value.unit) + _converted(value)
            values.append({
                "outlet": _outlet(self.article(value.article), value.article), "figure": figure, "text": value.text,
                "who": f"per {value.source}" if value.source else "per the outlet", "stance": value.stance,
                "article": value.article, "ref": value.ref, "offsets": _offsets(value.span), "approximate": value.approximate,
            })
        return {"kind": disagreement.kind, "about": disagreement.about, "sides": values}

    def text(self, story: Story, article_id: str) -> Optional[dict[str, Any]]:
        """The article's body cut into pieces, each with its mark: None (plain), "" (a quote),
        "disputed" (a disputed figure)."""
        a = self.article(article_id)
        if a is None or not a.text:
            return None
        lo, hi = a.body or (0, len(a.text))
        marks: list[tuple[int, int, str]] = []
        for quote in story.quotes:
            for member in quote.members:
                if member.article == article_id:
                    found = next((q for q in a.quotes if q.id == member.quote), None)
                    marks.extend((s, e, "") for s, e in (found.content.spans if found else []))
        for disagreement in story.disagreements:
            marks.extend((v.span[0], v.span[1], "disputed") for v in disagreement.values if v.article == article_id and v.span)
        pieces: list[tuple[str, Optional[str]]] = []
        cursor = lo
        for start, end, css in sorted(marks):
            start, end = max(start, cursor), min(end, hi)
            if start >= end:
                continue
            pieces += [(a.text[cursor:start], None), (a.text[start:end], css)]
            cursor = end
        pieces.append((a.text[cursor:hi], None))
        return {"outlet": _outlet(a, article_id), "article": article_id, "pieces": pieces}


def single_row(story: Story, article: Optional[Article]) -> dict[str, Any]:
    """A one-article story: one row of the collapsed table (nothing to compare)."""
    return {"story": story.id, "article": story.articles[0] if story.articles else "",
            "source": article.source if article else None, "title": (article.title or "") if article else "",
            "published": (article.published or "") if article else ""}


def write_html(path: Path, stories: Iterable[tuple[Story, list[Article]]], similarity: Optional[str] = None) -> int:
    """Write the page from ``(story, its articles)`` pairs as they come (stories with several
    articles in full, the rest collapsed into one table), holding one story at a time;
    sections are put in story order at the end. Returns the number of stories."""
    macros = _macros()
    sections: list[tuple[int, int, int]] = []  # story number, offset, length in the scratch file
    singles: list[tuple[int, dict[str, Any]]] = []
    events = _EventItems()
    with tempfile.TemporaryFile("w+b") as scratch:
        for story, articles in stories:
            events.add(articles)
            number = _number(story.id)
            if len(story.articles) > 1:
                data = str(macros.story(_Page(articles).story(story))).encode("utf-8")
                sections.append((number, scratch.tell(), len(data)))
                scratch.write(data)
            else:
                singles.append((number, single_row(story, articles[0] if articles else None)))
        with path.open("w", encoding="utf-8") as page:
            page.write(str(macros.head(len(sections) + len(singles), len(sections), similarity)))
            if not sections and not singles:
                page.write(str(macros.empty()))
            for _, offset, length in sorted(sections):
                scratch.seek(offset)
                page.write(scratch.read(length).decode("utf-8"))
            page.write(str(macros.singles([row for _, row in sorted(singles, key=lambda pair: pair[0])])))
            page.write(events.section(macros))
            page.write(str(macros.foot()))
    return len(sections) + len(singles)


class _EventItems:
    """The events of the compared articles, kept as small summaries while the page streams,
    drawn at the end as the events page draws them (``events.html.svg_map``: inline SVG on a
    lon/lat graticule, no tile server)."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.seen: set[str] = set()

    def add(self, articles: Iterable[Article]) -> None:
        from ..events.table import items_of_article

        for article in articles:
            key = article.id or str(id(article))
            if key not in self.seen:
                self.seen.add(key)
                self.items.extend(items_of_article(article, len(self.seen)))

    def section(self, macros: Any) -> str:
        from markupsafe import Markup

        from ..events.html import svg_map
        from ..events.table import event_rows_of_items

        rows = event_rows_of_items(self.items)
        if not rows:
            return ""
        placed = sum(r.get("latitude") is not None for r in rows)
        return str(macros.events_map(len(rows), placed, Markup(svg_map(rows)), rows))


def _number(story_id: str) -> int:
    digits = re.sub(r"\D", "", story_id)
    return int(digits) if digits else 0


def render_html(stories: Stories, articles: Iterable[Article], similarity: Optional[str] = None) -> str:
    """The whole page. ``articles`` are the records compared (for quote and claim text);
    ``similarity`` names the comparison method shown in the header."""
    macros, page = _macros(), _Page(articles)
    multi = [s for s in stories.stories if len(s.articles) > 1]
    singles = [single_row(s, page.article(s.articles[0]) if s.articles else None) for s in stories.stories if len(s.articles) <= 1]
    events = _EventItems()
    events.add(page.articles.values())
    body = "".join(str(macros.story(page.story(s))) for s in multi) + str(macros.singles(singles)) + events.section(macros)
    return str(macros.head(len(stories.stories), len(multi), similarity)) + (body or str(macros.empty())) + str(macros.foot())
