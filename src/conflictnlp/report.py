"""Human-readable renderings of records (``conflictnlp show``)."""

from __future__ import annotations

import textwrap
from typing import Optional

from .model import Article, Quantity

TEXT_WIDTH = 90  # characters of a quote's or claim's text shown by default


def _clip(text: str, width: Optional[int] = 100) -> str:
    """``text`` on one line, cut at ``width`` characters (None: whole)."""
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def casualty_words(qty: Quantity) -> str:
    """What a toll says happened, for a person: "killed, at least 13, who: soldiers"."""
    toll = qty.casualty
    if toll is None:
        return ""
    words: list[str] = [toll.role]
    if toll.bound:
        words.append(toll.bound.replace("_", " "))
    if toll.who:
        words.append(f"who: {toll.who}")
    if toll.cumulative:
        words.append("running total")
    if qty.implicit:
        words.append("implied")
    return "; toll: " + ", ".join(words)


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})


def _toll(label: str, toll) -> str:
    """"killed 27 (10-27)": the best figure and, where they differ, the low and high ones."""
    if toll.best is None:
        return ""
    spread = f" ({toll.low:g}-{toll.high:g})" if toll.low is not None and toll.high is not None and toll.low != toll.high else ""
    return f"; {label} {toll.best:g}{spread}"


def event_line(event, places: dict) -> str:
    """One incident: type, trigger, who against whom, where and when with UCDP's precision, tolls."""
    sides = [side.name or side.text if side else "?" for side in (event.actors.perpetrator, event.actors.target)]
    where = places.get(event.location, "place unknown")
    when = event.date_start or "date unknown"
    if event.date_end and event.date_end != event.date_start:
        when += f"..{event.date_end}"
    trigger = event.trigger.text if event.trigger else "-"
    return (f"   event [{event.type}/{event.sub_type}] «{trigger}» {sides[0]} -> {sides[1]}, "
            f"{where} (prec {event.where_prec or '-'}), {when} (prec {event.date_prec or '-'})"
            f"{_toll('killed', event.fatalities)}{_toll('wounded', event.wounded)}")


def _without_article(words: str) -> str:
    """Lower case, without a leading article: "the Survivors" and "Survivors" are one."""
    first, _, rest = words.lower().partition(" ")
    return rest if first in ("a", "an", "the") and rest else words.lower()


def render_article_text(article: Article, items: Optional[int] = 20, width: Optional[int] = TEXT_WIDTH) -> str:
    """A plain-text summary of one record: head, then each result list, each cut at ``items``
    with a line that counts the rest (None: all), texts cut at ``width`` characters (None: whole)."""
    lines = [f"== {article.id or '(no id)'}" + (f" · {article.source}" if article.source else "")]
    if article.title:
        lines.append(f"   title: {_clip(article.title)}")
    lines.append(f"   published: {article.published or 'unknown'}   body: {list(article.body) if article.body else None}")

    def listed(kind: str, values: list, render) -> None:
        lines.extend(render(value) for value in (values if items is None else values[:items]))
        if items is not None and len(values) > items:
            lines.append(f"   … {len(values) - items} more {kind} (--items {len(values)} shows all)")

    def quote_line(quote) -> str:
        mention = quote.speaker.text if quote.speaker else "?"
        if not quote.speaker_name and quote.speaker_role and mention.lower() in _PRONOUNS:
            mention = quote.speaker_role  # "she", an unnamed doctor: say who she is
        who = quote.speaker_name or mention
        same = _without_article(quote.speaker_role or "") == _without_article(who)
        role = f" ({quote.speaker_role})" if quote.speaker_role and not same else ""
        cue = quote.cue.text if quote.cue else "-"
        return f"   quote [{quote.type}] {who}{role} «{cue}»: {_clip(quote.content.text, width)}"

    def claim_line(claim) -> str:
        hedges = ", ".join(h.text for h in claim.hedges)
        return f"   claim [{claim.stance}{': ' + hedges if hedges else ''}] {claim.source or 'outlet'}: {_clip(claim.text, width)}"

    def place_line(loc) -> str:
        where = f"{loc.name}, {loc.country_code} ({loc.lat:.2f}, {loc.lon:.2f})" if loc.lat is not None else "unresolved"
        return f"   place {loc.text!r} -> {where}"

    def distance_line(dist) -> str:
        ref = f" from {dist.reference.text!r}" if dist.reference else ""
        return f"   distance {dist.text!r} = {dist.metres:,.0f} m{' (approx.)' if dist.approximate else ''}{ref}"

    def quantity_line(qty) -> str:
        return f"   quantity {qty.text!r} = {qty.value:g}{' ' + qty.unit if qty.unit else ''} [{qty.kind}{': ' + qty.concept if qty.concept else ''}{casualty_words(qty)}]"

    def date_line(when) -> str:
        return f"   date {when.text!r} = {when.value or 'unresolved'} [{when.type}]"

    listed("quotes", article.quotes, quote_line)
    listed("claims", article.claims, claim_line)
    listed("places", article.locations, place_line)
    listed("distances", article.distances, distance_line)
    listed("quantities", article.quantities, quantity_line)
    listed("dates", article.dates, date_line)
    places = {loc.id: loc.name or loc.text for loc in article.locations}
    listed("events", article.events, lambda event: event_line(event, places))
    for error in article.errors:
        lines.append(textwrap.fill(f"   ERROR {error}", width=110, subsequent_indent="         "))
    return "\n".join(lines)
