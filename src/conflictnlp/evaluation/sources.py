"""``conflictnlp evaluate sources``: do claims inside a gold attribution name its source?

Gold is attribution gold as for ``evaluate quotes`` (PolNeAR's attribution relations as JSONL):
each relation has a content (``content_span`` or ``content_spans``) and a source
(``speaker_span``; relations without one are not counted). The whole pipeline but places and
dates reads each article. Every predicted claim whose span lies inside a gold content piece
is counted once, against the relation with the shortest such content (the innermost report).
Its source is right when one of these names the gold source:

* the speaker mention of the claim's quote overlaps the gold source span (the same mention);
* the claim's ``source`` or that speaker mention, compared as text with the gold source's
  text (case, a leading "the" and a possessive "'s" aside): one contains the other, or they
  are fuzzy-equal (rapidfuzz ratio at least ``FUZZY_THRESHOLD``), so a canonical name found by
  coreference ("Hillary Clinton" for gold "Clinton") counts.

The report gives the share right, overall and by the gold relation's type, and the share of
those claims that carry no quote at all (``quote_id`` null: the outlet's, for the pipeline).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

from rapidfuzz import fuzz

from .scoring import article_errors, errors_warning, format_table, numbered_records

FUZZY_THRESHOLD = 85
TYPES = ("direct", "indirect", "mixed")


def _norm(name: Optional[str]) -> str:
    name = " ".join((name or "").lower().replace("’", "'").split())
    return name.removeprefix("the ").removesuffix("'s")


def names_match(gold: str, predicted: Optional[str]) -> bool:
    """Whether a predicted name is the gold source's text: contained in it, containing it, or
    fuzzy-equal to it."""
    g, p = _norm(gold), _norm(predicted)
    if not g or not p:
        return False
    return g in p or p in g or fuzz.ratio(g, p) >= FUZZY_THRESHOLD


def gold_relations(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's relations that have a source: content pieces, source span and text, type."""
    text = record["text"]
    found = []
    for relation in record.get("quotes", []):
        span = relation.get("speaker_span")
        if not span:
            continue
        pieces = [tuple(p) for p in (relation.get("content_spans") or [relation["content_span"]])]
        found.append({
            "pieces": pieces,
            "length": sum(e - s for s, e in pieces),
            "source_span": tuple(span),
            "source": text[span[0] : span[1]],
            "type": relation.get("type", "indirect"),
        })
    return found


def innermost(relations: list[dict[str, Any]], start: int, end: int) -> Optional[dict[str, Any]]:
    """The relation with the shortest content piece holding [start, end), if any."""
    holders = [r for r in relations if any(s <= start and end <= e for s, e in r["pieces"])]
    return min(holders, key=lambda r: r["length"]) if holders else None


def source_right(relation: dict[str, Any], claim: dict[str, Any], quotes: dict[str, dict[str, Any]]) -> bool:
    """Whether the claim (``Claim.to_dict()``) names the relation's source (see the module doc)."""
    quote = quotes.get(claim.get("quote_id") or "")
    speaker = quote.get("speaker") if quote else None
    if speaker:
        s, e = speaker["span"]
        gs, ge = relation["source_span"]
        if s < ge and gs < e:
            return True
    return names_match(relation["source"], claim.get("source")) or bool(speaker and names_match(relation["source"], speaker["text"]))


class _Counts:
    def __init__(self) -> None:
        self.claims = 0
        self.right = 0
        self.unquoted = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "source_right": self.right,
            "share_right": round(self.right / self.claims, 4) if self.claims else 0.0,
            "no_quote": self.unquoted,
            "share_no_quote": round(self.unquoted / self.claims, 4) if self.claims else 0.0,
        }


def score_article(relations: list[dict[str, Any]], claims: list[dict[str, Any]], quotes: list[dict[str, Any]], counts: dict[str, _Counts]) -> None:
    """Add one article's claims to ``counts`` (by subset: "all" and the gold types)."""
    by_id = {q["id"]: q for q in quotes}
    for claim in claims:
        relation = innermost(relations, *claim["span"])
        if relation is None:
            continue
        right = source_right(relation, claim, by_id)
        for subset in ("all", relation["type"]):
            counts[subset].claims += 1
            counts[subset].right += right
            counts[subset].unquoted += claim.get("quote_id") is None


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, attribution: Optional[str] = None,
        part: str = "all") -> dict[str, Any]:
    """Run the pipeline over the gold articles and score the sources of the claims inside gold contents."""
    from ..pipeline import extract_many, load

    numbered = list(numbered_records(gold, limit, part))
    nlp = load(model, attribution=attribution, exclude=["places", "dates"])
    counts: dict[str, _Counts] = defaultdict(_Counts)
    errors: list[str] = []
    results = extract_many([{"text": r["text"], "id": r.get("id")} for _, r in numbered], nlp=nlp)
    for (line, record), result in zip(numbered, results):
        errors += article_errors(record, line, result.errors)
        data = result.to_dict()
        score_article(gold_relations(record), data["claims"], data["quotes"], counts)
    return {
        "task": "sources",
        "gold": str(gold),
        "part": part,
        "model": model or "default",
        "attribution": attribution or "default",
        "documents": len(numbered),
        "errors": errors,
        "scores": {subset: counts[subset].as_dict() for subset in ("all",) + TYPES},
    }


def render(report: dict[str, Any]) -> str:
    """The shares as a table: one row per subset."""
    rows = [
        [subset, s["claims"], s["source_right"], s["share_right"], s["no_quote"], s["share_no_quote"]]
        for subset, s in report["scores"].items()
    ]
    title = (
        f"sources of claims inside gold contents on {report['gold']} ({report['documents']} articles; "
        f"model: {report['model']}; attribution: {report['attribution']})"
    )
    table = format_table(rows, ["subset", "claims", "source right", "share right", "no quote", "share no quote"])
    warning = errors_warning(report.get("errors") or [])
    return title + "\n" + table + ("\n" + warning if warning else "")
