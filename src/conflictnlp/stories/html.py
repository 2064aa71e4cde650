"""A self-contained HTML page of stories: outlets, aligned quotes, claims and disagreements.

No scripts, fonts, images or links to load: one file that opens anywhere. Every piece of
article text goes through ``html.escape``. Stories reported by one article only are collapsed
into one table at the end; in aligned quotes, the words that differ between renderings (word
edit operations from rapidfuzz) are highlighted.
"""

from __future__ import annotations

import re
import tempfile
from html import escape
from pathlib import Path
from typing import Iterable, Optional

from rapidfuzz.distance import Indel

from ..model import Article, Disagreement, Stories, Story

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d232a; background: #f4f5f7; }
header { background: #1d2b3a; color: #fff; padding: 14px 28px; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 4px 0 0; color: #c9d3de; font-size: 13px; }
main { padding: 8px 28px 40px; max-width: 1400px; }
section.story { background: #fff; border: 1px solid #d7dce2; border-radius: 6px; margin: 18px 0; padding: 6px 20px 16px; }
h2 { font-size: 19px; margin: 12px 0 6px; }
h3 { font-size: 15px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #4a5663; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e4e7eb; }
th { font-size: 12px; color: #5b6673; font-weight: 600; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 10px; margin: 6px 0 12px; }
.card { border: 1px solid #d7dce2; border-radius: 5px; padding: 8px 10px; background: #fbfcfd; }
.card .outlet { font-size: 12px; font-weight: 600; color: #38618c; }
.card blockquote { margin: 4px 0; font-style: italic; }
.meta { font-size: 12px; color: #6b7480; }
.disagreement { border: 2px solid #c0392b; background: #fdf0ee; border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.disagreement .card { background: #fff; border-color: #e3a59d; }
.kind { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; color: #fff; background: #c0392b; border-radius: 3px; padding: 1px 6px; margin-right: 6px; }
.stance { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 3px; padding: 1px 6px; }
.stance-asserted { background: #dcefe0; color: #23643a; }
.stance-hedged { background: #fff1cc; color: #7a5a00; }
.stance-unconfirmed { background: #e6e6f5; color: #3d3d8f; }
.stance-denied { background: #f8d7d3; color: #952c20; }
.value { font-weight: 700; font-size: 16px; }
details { margin: 6px 0; }
summary { cursor: pointer; color: #38618c; }
.article-text { white-space: pre-wrap; font-size: 13px; background: #fbfcfd; border: 1px solid #e4e7eb; padding: 8px 10px; max-height: 420px; overflow: auto; }
mark { background: #ffe08a; }
mark.disputed { background: #f5b7ae; }
.empty { color: #6b7480; font-style: italic; }
.outlets { margin: 4px 0 8px; }
.outlet-chip { display: inline-block; background: #e8eef5; color: #24476b; border-radius: 12px; padding: 2px 10px; margin: 2px 4px 2px 0; font-size: 13px; font-weight: 600; }
ins.diff { background: #fff0a8; text-decoration: none; font-style: normal; font-weight: 600; border-radius: 2px; }
del.diff { background: #f8d7d3; text-decoration: line-through; }
.disputed-claim { display: inline-block; font-size: 11px; font-weight: 700; color: #952c20; }
section.singles { background: #fff; border: 1px solid #d7dce2; border-radius: 6px; margin: 18px 0; padding: 6px 20px 16px; }
"""




def _outlet(article: Optional[Article], article_id: str) -> str:
    name = article.source if article and article.source else article_id
    return escape(name)


UNIT_SYMBOLS = {"metre": "m", "kilometre": "km", "mile": "mi", "foot": "ft", "yard": "yd", "nautical mile": "nmi", "centimetre": "cm",
                "tonne": "t", "kilogram": "kg", "meter": "m"}


def _figure(value: float, unit: Optional[str]) -> str:
    if not unit:
        return f"{value:g}"
    return f"{value:g} {escape(UNIT_SYMBOLS.get(unit, unit))}"


def _stance(stance: Optional[str]) -> str:
    return f'<span class="stance stance-{escape(stance)}">{escape(stance)}</span>' if stance else ""


def _offsets(span: Optional[tuple[int, int]]) -> str:
    return f"[{span[0]}, {span[1]})" if span else ""


FIGURE_KINDS = {"distance", "quantity", "date"}
_WORD = re.compile(r"\S+")


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


def quote_diff(text: str, others: list[str]) -> str:
    """``text`` escaped, with the words that differ from the other renderings marked."""
    words = _WORD.findall(text)
    changed = _diff_words(words, [_WORD.findall(o) for o in others])
    out = []
    for word, differs in zip(words, changed):
        out.append(f'<ins class="diff">{escape(word)}</ins>' if differs else escape(word))
    return " ".join(out)


class _Page:
    """One story's section, with its articles at hand for quote and claim text."""

    def __init__(self, articles: Iterable[Article]):
        self.articles = {a.id: a for a in articles if a.id}

    def article(self, article_id: str) -> Optional[Article]:
        return self.articles.get(article_id)

    def story(self, story: Story) -> str:
        parts = [f'<section class="story" id="{escape(story.id)}">']
        titles = [self.article(a).title for a in story.articles if self.article(a) and self.article(a).title]
        parts.append(f"<h2>{escape(story.id)}: {escape(titles[0]) if titles else 'story'} "
                     f'<span class="meta">({len(story.articles)} articles, {len(story.disagreements)} '
                     f'disagreement{"s" if len(story.disagreements) != 1 else ""})</span></h2>')
        names = [self._outlet_name(a) for a in story.articles]
        parts.append('<div class="outlets">' + "".join(f'<span class="outlet-chip">{escape(n)}</span>' for n in dict.fromkeys(names)) + "</div>")
        parts.append(self.outlets(story))
        if story.disagreements:
            parts.append("<h3>Disagreements</h3>")
            parts.append("".join(self.disagreement(d) for d in story.disagreements))
        if story.quotes:
            parts.append("<h3>Aligned quotes</h3>")
            parts.append("".join(self.quote(q) for q in story.quotes))
        if story.claims:
            parts.append("<h3>Claims reported by several outlets</h3>")
            parts.append(self.claims(story))
        if not (story.disagreements or story.quotes or story.claims):
            parts.append('<p class="empty">no disagreement, shared quote or shared claim found</p>')
        parts.append("<h3>Article text</h3>")
        parts.append("".join(self.text(story, a) for a in story.articles))
        parts.append("</section>")
        return "\n".join(parts)

    def _outlet_name(self, article_id: str) -> str:
        a = self.article(article_id)
        return a.source if a and a.source else "outlet not named"

    def outlets(self, story: Story) -> str:
        rows = []
        for article_id in story.articles:
            a = self.article(article_id)
            outlet = escape(a.source) if a and a.source else '<span class="empty">not named in the record or the page</span>'
            rows.append(
                "<tr>"
                f"<td>{escape(article_id)}</td><td>{outlet}</td>"
                f"<td>{escape(a.title or '') if a else ''}</td><td>{escape(a.published or '') if a else ''}</td>"
                f"<td class=\"meta\">{escape(a.url or '') if a else ''}</td>"
                "</tr>"
            )
        return "<table><tr><th>article</th><th>outlet</th><th>title</th><th>published</th><th>url</th></tr>" + "".join(rows) + "</table>"

    def quote(self, quote) -> str:
        found = []
        for member in quote.members:
            a = self.article(member.article)
            found.append((member, a, next((q for q in a.quotes if q.id == member.quote), None) if a else None))
        texts = [q.content.text if q else member.quote for member, _, q in found]
        cards = []
        for n, (member, a, q) in enumerate(found):
            others = [t for k, t in enumerate(texts) if k != n]
            text = quote_diff(texts[n], others)
            cue = f" · cue “{escape(q.cue.text)}”" if q and q.cue else ""
            spans = ", ".join(_offsets(s) for s in q.content.spans) if q else ""
            named = member.speaker if member.speaker and member.speaker != quote.speaker_name else None
            as_named = f'<div class="meta">speaker here: “{escape(named)}”</div>' if named else ""
            cards.append(
                f'<div class="card"><div class="outlet">{_outlet(a, member.article)}</div>'
                f"<blockquote>{text}</blockquote>{as_named}"
                f'<div class="meta">{escape(member.article)} · {escape(member.quote)}{cue} · {spans}</div></div>'
            )
        who = escape(quote.speaker_name or "unknown speaker")
        return (f'<div><strong>{who}</strong> <span class="meta">{escape(quote.id)} · words that differ between '
                f'renderings are highlighted</span><div class="side-by-side">{"".join(cards)}</div></div>')

    def claims(self, story: Story) -> str:
        disputed = {(v.article, v.span) for d in story.disagreements if d.kind in FIGURE_KINDS for v in d.values if v.span}
        rows = []
        for claim in story.claims:
            for n, member in enumerate(claim.members):
                a = self.article(member.article)
                found = next((c for c in a.claims if c.id == member.claim), None) if a else None
                flag = ""
                if found and any(aid == member.article and found.span[0] <= span[0] and span[1] <= found.span[1] for aid, span in disputed):
                    flag = ' <span class="disputed-claim">disputed figure</span>'
                head = f'<td rowspan="{len(claim.members)}"><strong>{escape(claim.id)}</strong><br>{escape(claim.summary)}</td>' if n == 0 else ""
                rows.append(
                    f"<tr>{head}<td>{_outlet(a, member.article)}</td><td>{escape(member.source or 'the outlet')}</td>"
                    f"<td>{_stance(member.stance)}</td><td>{escape(found.text) if found else escape(member.claim)}{flag}</td></tr>"
                )
        return "<table><tr><th>claim</th><th>outlet</th><th>source</th><th>stance</th><th>as reported</th></tr>" + "".join(rows) + "</table>"

    def disagreement(self, disagreement: Disagreement) -> str:
        cards = []
        for value in disagreement.values:
            a = self.article(value.article)
            figure = ""
            if value.value is not None:
                approx = "≈ " if value.approximate else ""
                converted = ""
                if value.metres is not None:
                    converted = f" = {value.metres / 1000:,.1f} km" if value.unit != "kilometre" else ""
                elif value.normalised is not None and value.normalised_unit == "kilogram":
                    converted = f" = {value.normalised / 1000:,.1f} t" if value.unit != "tonne" else ""
                elif value.normalised is not None and value.normalised_unit and value.normalised != value.value:
                    converted = f" = {value.normalised:,.4g} {escape(value.normalised_unit)}"
                figure = f'<div class="value">{approx}{_figure(value.value, value.unit)}{converted}</div>'
            who = f"per {escape(value.source)}" if value.source else "per the outlet"
            cards.append(
                f'<div class="card"><div class="outlet">{_outlet(a, value.article)}</div>{figure}'
                f"<div>“{escape(value.text)}”</div>"
                f'<div class="meta">{who} {_stance(value.stance)} · {escape(value.article)} · {escape(value.ref)} · {_offsets(value.span)}'
                f'{" · approximate" if value.approximate else ""}</div></div>'
            )
        return (
            f'<div class="disagreement"><span class="kind">{escape(disagreement.kind)}</span>'
            f"<strong>{escape(disagreement.about)}</strong>"
            f'<div class="side-by-side">{"".join(cards)}</div></div>'
        )

    def text(self, story: Story, article_id: str) -> str:
        a = self.article(article_id)
        if a is None or not a.text:
            return ""
        lo, hi = a.body or (0, len(a.text))
        marks: list[tuple[int, int, str]] = []
        for quote in story.quotes:
            for member in quote.members:
                if member.article == article_id:
                    found = next((q for q in a.quotes if q.id == member.quote), None)
                    marks.extend((s, e, "") for s, e in (found.content.spans if found else []))
        for disagreement in story.disagreements:
            marks.extend((v.span[0], v.span[1], "disputed") for v in disagreement.values if v.article == article_id and v.span)
        out, cursor = [], lo
        for start, end, css in sorted(marks):
            start, end = max(start, cursor), min(end, hi)
            if start >= end:
                continue
            out.append(escape(a.text[cursor:start]))
            out.append(f'<mark class="{css}">' if css else "<mark>")
            out.append(escape(a.text[start:end]) + "</mark>")
            cursor = end
        out.append(escape(a.text[cursor:hi]))
        return f"<details><summary>{_outlet(a, article_id)} ({escape(article_id)})</summary><div class=\"article-text\">{''.join(out)}</div></details>"


def single_row(story: Story, article: Optional[Article]) -> str:
    """A one-article story: one collapsed table row (nothing to compare)."""
    article_id = story.articles[0] if story.articles else ""
    outlet = escape(article.source) if article and article.source else '<span class="empty">not named</span>'
    title = escape(article.title or "") if article else ""
    published = escape(article.published or "") if article else ""
    return f"<tr><td>{escape(story.id)}</td><td>{escape(article_id)}</td><td>{outlet}</td><td>{title}</td><td>{published}</td></tr>"


def _page_head(stories: int, multi: int, similarity: Optional[str]) -> str:
    note = f" · compared by {escape(similarity)}" if similarity else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>conflictnlp stories</title><style>{STYLE}</style></head><body>"
        f"<header><h1>Stories across outlets</h1><p>{stories} stor{'y' if stories == 1 else 'ies'}, "
        f"{multi} reported by several articles{note}</p></header><main>"
    )


def _singles(rows: list[str]) -> str:
    if not rows:
        return ""
    return (
        f'<section class="singles"><details><summary>{len(rows)} single-article stor{"y" if len(rows) == 1 else "ies"} '
        "(nothing to compare)</summary><table><tr><th>story</th><th>article</th><th>outlet</th><th>title</th>"
        f"<th>published</th></tr>{''.join(rows)}</table></details></section>"
    )


_FOOT = "</main></body></html>\n"


def write_html(path: Path, stories: Iterable[tuple[Story, list[Article]]], similarity: Optional[str] = None) -> int:
    """Write the page from ``(story, its articles)`` pairs as they come (stories with several
    articles in full, the rest collapsed into one table), holding one story at a time;
    sections are put in story order at the end. Returns the number of stories."""
    sections: list[tuple[int, int, int]] = []  # story number, offset, length in the scratch file
    singles: list[tuple[int, str]] = []
    with tempfile.TemporaryFile("w+b") as scratch:
        for story, articles in stories:
            number = _number(story.id)
            if len(story.articles) > 1:
                data = _Page(articles).story(story).encode("utf-8")
                sections.append((number, scratch.tell(), len(data)))
                scratch.write(data)
            else:
                singles.append((number, single_row(story, articles[0] if articles else None)))
        with path.open("w", encoding="utf-8") as page:
            page.write(_page_head(len(sections) + len(singles), len(sections), similarity))
            if not sections and not singles:
                page.write('<p class="empty">no articles</p>')
            for _, offset, length in sorted(sections):
                scratch.seek(offset)
                page.write(scratch.read(length).decode("utf-8") + "\n")
            page.write(_singles([row for _, row in sorted(singles)]))
            page.write(_FOOT)
    return len(sections) + len(singles)


def _number(story_id: str) -> int:
    digits = re.sub(r"\D", "", story_id)
    return int(digits) if digits else 0


def render_html(stories: Stories, articles: Iterable[Article], similarity: Optional[str] = None) -> str:
    """The whole page. ``articles`` are the records compared (for quote and claim text);
    ``similarity`` names the comparison method shown in the header."""
    page = _Page(articles)
    multi = [s for s in stories.stories if len(s.articles) > 1]
    singles = [single_row(s, page.article(s.articles[0]) if s.articles else None) for s in stories.stories if len(s.articles) <= 1]
    body = "\n".join(page.story(s) for s in multi) + _singles(singles)
    return _page_head(len(stories.stories), len(multi), similarity) + (body or '<p class="empty">no articles</p>') + _FOOT
