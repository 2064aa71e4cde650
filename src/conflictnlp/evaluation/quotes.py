"""Evaluation of quotes against attribution gold: ``conflictnlp evaluate quotes --gold FILE``.

Gold format (PolNeAR's attribution relations as JSONL): one article a line with
``text`` and ``quotes``; each gold relation has ``content_span`` (and ``content_spans`` when the
content is split), ``speaker_span`` (null for relations without a source), ``cue_span`` and
``type`` (direct / indirect / mixed).

How predictions meet gold, role by role (content, source, cue), article by article:

* A span (or the pieces of a split content) is read as a *set of characters*, each piece first
  trimmed of whitespace and enclosing punctuation and quotation marks (``normalise``). A span
  that is nothing but punctuation (the cue ":" of "PENCE: ...", a dash) is thus empty and is
  not counted, in gold or prediction alike.
* **exact**: a predicted quote and a gold relation match on a role when these character sets
  are equal; **soft**: when their Jaccard similarity is at least 0.5.
* Matching is one-to-one per role: pairs are taken greedily by decreasing Jaccard, each
  predicted quote and each gold relation used at most once. A predicted quote is thus matched
  to gold relations separately for its content, its speaker mention and its cue, as in
  CofeNet's span-level scores; a quote without a speaker (or cue) predicts nothing for that
  role, and a gold relation without a source is not counted for the source role.
* TP = matched pairs, FP = predicted spans left unmatched, FN = gold spans left unmatched.
* **By type**: a matched pair counts under the gold relation's type, an unmatched gold span
  under its type, an unmatched prediction under the type the pipeline gave it; so the three
  types add up to the overall counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from .scoring import PRF, article_errors, errors_warning, format_table, numbered_records, prf_cells

ROLES = ("content", "source", "cue")
TYPES = ("direct", "indirect", "mixed")
TRIM = set(" \t\n\r\u00a0\u2009\u202f\"'“”‘’«»„`,.;:!?―—–-()[]…")
SOFT_THRESHOLD = 0.5

Offsets = tuple[int, int]


def normalise(text: str, pieces: Iterable[Offsets]) -> frozenset[int]:
    """The characters of the pieces, each piece trimmed of whitespace and enclosing
    punctuation and quotation marks."""
    chars: set[int] = set()
    for start, end in pieces:
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        chars.update(range(start, end))
    return frozenset(chars)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def gold_items(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Per gold relation: its type and the normalised character set of each role (None when
    the relation has no such role)."""
    text = record["text"]
    items = []
    for relation in record.get("quotes", []):
        content = relation.get("content_spans") or [relation["content_span"]]
        source = relation.get("speaker_spans") or ([relation["speaker_span"]] if relation.get("speaker_span") else None)
        cue = [relation["cue_span"]] if relation.get("cue_span") else None
        items.append(_item(text, relation.get("type", "indirect"), content, source, cue))
    return items


def predicted_items(text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same view of predicted quote records (``Quote.to_dict()``)."""
    return [
        _item(
            text,
            quote["type"],
            quote["content"]["spans"],
            [quote["speaker"]["span"]] if quote.get("speaker") else None,
            [quote["cue"]["span"]] if quote.get("cue") else None,
        )
        for quote in quotes
    ]


def _item(text: str, kind: str, content, source, cue) -> dict[str, Any]:
    item: dict[str, Any] = {"type": kind}
    for role, pieces in zip(ROLES, (content, source, cue)):
        chars = normalise(text, [tuple(p) for p in pieces]) if pieces else None
        item[role] = chars or None
    return item


def match(predicted: list[frozenset[int]], gold: list[frozenset[int]], soft: bool) -> list[tuple[int, int]]:
    """One-to-one matching, greedy by decreasing Jaccard; pairs (predicted index, gold index)."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            score = jaccard(p, g)
            if (score >= SOFT_THRESHOLD) if soft else (p == g):
                pairs.append((score, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def score_document(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], counts: dict) -> None:
    """Add one article's matches to ``counts[subset][role][mode]`` (PRF objects)."""
    for role in ROLES:
        pred = [(i, p) for i, p in enumerate(predicted) if p[role]]
        gold_role = [(j, g) for j, g in enumerate(gold) if g[role]]
        for mode in ("exact", "soft"):
            matched = match([p[role] for _, p in pred], [g[role] for _, g in gold_role], soft=mode == "soft")
            matched_p = {pred[i][0] for i, _ in matched}
            matched_g = {gold_role[j][0] for _, j in matched}
            for _, j in matched:
                kind = gold_role[j][1]["type"]
                for subset in ("all", kind):
                    counts[subset][role][mode].add(tp=1)
            for index, item in pred:
                if index not in matched_p:
                    for subset in ("all", item["type"]):
                        counts[subset][role][mode].add(fp=1)
            for index, item in gold_role:
                if index not in matched_g:
                    for subset in ("all", item["type"]):
                        counts[subset][role][mode].add(fn=1)


def new_counts() -> dict:
    return {subset: {role: {"exact": PRF(), "soft": PRF()} for role in ROLES} for subset in ("all",) + TYPES}


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, attribution: Optional[str] = None,
        part: str = "all") -> dict:
    """Run the pipeline over the gold articles and score its quotes (see the module doc).

    Only the components quotes depend on run (article body, quotes): the others do not change
    the quotes and would only slow the evaluation down."""
    from ..pipeline import extract_many, load

    numbered = list(numbered_records(gold, limit, part))
    records = [record for _, record in numbered]
    nlp = load(model, attribution=attribution, enable=["article", "quotes"])
    counts = new_counts()
    n_gold = n_pred = 0
    errors: list[str] = []
    results = extract_many([{"text": r["text"], "id": r.get("id")} for r in records], nlp=nlp)
    for (line, record), result in zip(numbered, results):
        # an article whose processing failed scores as if nothing was found: say so
        errors += article_errors(record, line, result.errors)
        gold_list = gold_items(record)
        predicted = predicted_items(record["text"], [q.to_dict() for q in result.quotes])
        n_gold += len(gold_list)
        n_pred += len(predicted)
        score_document(predicted, gold_list, counts)
    return {
        "task": "quotes",
        "gold": str(gold),
        "part": part,
        "model": model or "default",
        "attribution": attribution or "default",
        "documents": len(records),
        "gold_relations": n_gold,
        "predicted_quotes": n_pred,
        "errors": errors,
        "scores": {
            subset: {role: {mode: prf.as_dict() for mode, prf in modes.items()} for role, modes in roles.items()}
            for subset, roles in counts.items()
        },
    }


def render(report: dict) -> str:
    """The scores as a table: one row per subset and role, exact and soft P/R/F1."""
    rows = []
    for subset, roles in report["scores"].items():
        for role, modes in roles.items():
            e, s = modes["exact"], modes["soft"]
            rows.append([subset, role, *prf_cells(e), *prf_cells(s), int(s["tp"] + s["fn"])])
    header = ["subset", "role", "exact P", "exact R", "exact F1", "soft P", "soft R", "soft F1", "gold"]
    title = (
        f"quotes on {report['gold']} ({report['documents']} articles, {report['gold_relations']} gold relations, "
        f"{report['predicted_quotes']} predicted quotes; model: {report['model']}; attribution: {report['attribution']})"
    )
    warning = errors_warning(report.get("errors") or [])
    return title + "\n" + format_table(rows, header) + ("\n" + warning if warning else "")
