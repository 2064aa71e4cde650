"""The last guard before a record is built: an item whose span cannot be right (ends before it
starts, covers no text, lies outside the text, or covers other text than the item says) is not
written; the record's ``errors`` says what was dropped and why, and references to a dropped
item are removed with it. Components are meant never to make such spans; this guard keeps one
bug from reaching every consumer that slices the text.
"""

from __future__ import annotations

from typing import Any, Optional

# keys of an item whose value is the id (or ids) of an item of another record list
REFERENCES: dict[str, str] = {
    "quote_id": "quotes",
    "nested_in": "quotes",
    "location": "locations",
    "locations": "locations",
    "date": "dates",
    "dates": "dates",
    "quantity": "quantities",
    "quantities": "quantities",
    "distances": "distances",
    "claim": "claims",
    "claims": "claims",
}


def span_problem(text: str, span: Any, piece_text: Optional[str]) -> Optional[str]:
    """Why ``span`` cannot be right in ``text``, or None where it is fine."""
    try:
        start, end = span
    except (TypeError, ValueError):
        return f"span {span!r} is no (start, end) pair"
    if not (isinstance(start, int) and isinstance(end, int)):
        return f"span {span!r} is not two integers"
    if end < start:
        return f"span ({start}, {end}) ends before it starts"
    if start == end:
        return f"span ({start}, {end}) covers no text"
    if start < 0 or end > len(text):
        return f"span ({start}, {end}) lies outside the text ({len(text)} characters)"
    if piece_text is not None and text[start:end] != piece_text:
        return f"span ({start}, {end}) covers {text[start:end]!r}, not {piece_text!r}"
    return None


def _item_problem(text: str, item: dict) -> Optional[str]:
    """What is wrong with the item's own span (or content spans)."""
    if "span" in item:
        return span_problem(text, item["span"], item.get("text"))
    content = item.get("content")
    if isinstance(content, dict) and "spans" in content:
        if not content["spans"]:
            return "content has no spans"
        for span in content["spans"]:
            problem = span_problem(text, span, None)
            if problem:
                return f"content {problem}"
    return None


def _clean_pieces(text: str, item: dict, label: str, errors: list[str]) -> dict:
    """A copy of ``item`` without nested pieces (cue, speaker, hedges, ...) whose span is wrong."""
    cleaned = dict(item)
    for key, value in item.items():
        if isinstance(value, dict) and key != "content":
            problem = span_problem(text, value["span"], value.get("text")) if "span" in value else None
            if problem:
                errors.append(f"{label}: dropped its {key} ({problem})")
                cleaned[key] = None
            else:  # a piece may hold pieces: a toll's cue, an event's actors
                cleaned[key] = _clean_pieces(text, value, f"{label} {key}", errors)
        elif isinstance(value, list) and value and all(isinstance(v, dict) and "span" in v for v in value):
            kept = []
            for piece in value:
                problem = span_problem(text, piece["span"], piece.get("text"))
                if problem:
                    errors.append(f"{label}: dropped one of its {key} ({problem})")
                else:
                    kept.append(piece)
            cleaned[key] = kept
    return cleaned


def _drop_references(item: dict, dropped: set[str]) -> dict:
    """``item`` with every reference to a dropped id removed (a single one set to null)."""
    cleaned = dict(item)
    for key in REFERENCES:
        value = item.get(key)
        if isinstance(value, str) and value in dropped:
            cleaned[key] = None
        elif isinstance(value, list) and any(isinstance(v, str) and v in dropped for v in value):
            cleaned[key] = [v for v in value if v not in dropped]
    for key, value in item.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and key not in REFERENCES:
            cleaned[key] = [_drop_references(v, dropped) for v in value]
    return cleaned


def guard_spans(text: str, lists: dict[str, list[dict]], errors: list[str]) -> dict[str, list[dict]]:
    """``lists`` (record key -> items) without impossible spans, each drop said in ``errors``."""
    guarded: dict[str, list[dict]] = {}
    dropped: set[str] = set()
    for key, items in lists.items():
        kept = []
        for item in items:
            label = f"{key} {item.get('id', '?')}"
            problem = _item_problem(text, item)
            if problem:
                errors.append(f"{label}: dropped, {problem} (please report this input)")
                item_id = item.get("id")
                if item_id is not None:  # an item without an id has no references to drop
                    dropped.add(item_id)
                continue
            kept.append(_clean_pieces(text, item, label, errors))
        guarded[key] = kept
    if dropped:
        guarded = {key: [_drop_references(item, dropped) for item in items] for key, items in guarded.items()}
    return guarded
