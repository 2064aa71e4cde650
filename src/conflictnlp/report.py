"""Human-readable renderings of records (``conflictnlp show``)."""

from __future__ import annotations

import textwrap

from .model import Article


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_article_text(article: Article, limit: int = 20) -> str:
    """A plain-text summary of one record: head, then each result list."""
    lines = [f"== {article.id or '(no id)'}" + (f" · {article.source}" if article.source else "")]
    if article.title:
        lines.append(f"   title: {_clip(article.title)}")
    lines.append(f"   published: {article.published or 'unknown'}   body: {list(article.body) if article.body else None}")
    for quote in article.quotes[:limit]:
        who = quote.speaker_name or (quote.speaker.text if quote.speaker else "?")
        role = f" ({quote.speaker_role})" if quote.speaker_role else ""
        cue = quote.cue.text if quote.cue else "-"
        lines.append(f"   quote [{quote.type}] {who}{role} «{cue}»: {_clip(quote.content.text, 90)}")
    for claim in article.claims[:limit]:
        hedges = ", ".join(h.text for h in claim.hedges)
        lines.append(f"   claim [{claim.stance}{': ' + hedges if hedges else ''}] {claim.source or 'outlet'}: {_clip(claim.text, 90)}")
    for loc in article.locations[:limit]:
        where = f"{loc.name}, {loc.country_code} ({loc.lat:.2f}, {loc.lon:.2f})" if loc.lat is not None else "unresolved"
        lines.append(f"   place {loc.text!r} -> {where}")
    for dist in article.distances[:limit]:
        ref = f" from {dist.reference.text!r}" if dist.reference else ""
        lines.append(f"   distance {dist.text!r} = {dist.metres:,.0f} m{' (approx.)' if dist.approximate else ''}{ref}")
    for qty in article.quantities[:limit]:
        lines.append(f"   quantity {qty.text!r} = {qty.value:g}{' ' + qty.unit if qty.unit else ''} [{qty.kind}{': ' + qty.concept if qty.concept else ''}]")
    for when in article.dates[:limit]:
        lines.append(f"   date {when.text!r} = {when.value or 'unresolved'} [{when.type}]")
    for error in article.errors:
        lines.append(textwrap.fill(f"   ERROR {error}", width=110, subsequent_indent="         "))
    return "\n".join(lines)
