"""``conflictnlp evaluate stance``: the claims' stance and source against event factuality gold.

The whole pipeline reads each gold text. Every gold event (a predicate's character span) is
looked up among the claims: the claim whose ``event`` is that word, else the first claim, in
output order, whose span contains it (nested claims come before the claims around them).
Three gold formats are read, one per record:

* ``predicate`` (UDS It Happened): one predicate, labelled happened / not_happened / uncertain;
* ``predicates`` (MEANTIME in the unified factuality format): several, same labels, with the
  record's ``split`` (train / dev / test);
* ``events`` (conflictnlp's own, ``tests/fixtures/stance_conflict.jsonl``): each event with
  its ``stance`` relative to its own source (asserted / hedged / denied / unconfirmed), that
  ``source`` (null for the outlet) and ``reporting`` for reporting verbs, with the record's
  ``split`` (dev / heldout).

Three-label gold is scored on three labels: asserted -> happened, denied -> not_happened,
hedged and unconfirmed -> uncertain. Four-label gold is scored on the four stances. For each
split the report gives per-label precision, recall and F1 and macro-F1 over the events inside
a claim (as the claims present them), how many events are inside a claim at all, and, for
gold with sources, how often the claim names the event's source and, for events other than
reporting verbs, how often an event is inside a claim with both the right stance and source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from ..claims.lexicon import load_lexicon
from ..model import Claim
from .scoring import PRF, format_table, prf_cells, read_jsonl

STANCES = ("asserted", "hedged", "denied", "unconfirmed")
FACTUALITY = ("happened", "not_happened", "uncertain")
STANCE_TO_FACTUALITY = {"asserted": "happened", "denied": "not_happened", "hedged": "uncertain", "unconfirmed": "uncertain"}
NO_CLAIM = "none"


@dataclass
class GoldEvent:
    start: int
    end: int
    text: str
    label: str  # a stance, or a factuality label
    source: Optional[str] = None
    has_source: bool = False  # whether the gold names the source (null = the outlet)
    reporting: bool = False


def gold_events(record: dict[str, Any]) -> list[GoldEvent]:
    """The gold events of a record in any of the three formats."""
    if "events" in record:
        return [
            GoldEvent(e["start_char"], e["end_char"], e["text"], e["stance"], e.get("source"), True, bool(e.get("reporting")))
            for e in record["events"]
        ]
    predicates = record["predicates"] if "predicates" in record else [dict(record["predicate"], label=record["label"])]
    return [GoldEvent(p["start_char"], p["end_char"], p["text"], p["label"]) for p in predicates]


def claim_of(event: GoldEvent, claims: list[Claim]) -> Optional[Claim]:
    """The claim that presents ``event``: the one with it as its event word, else the first
    that contains it."""
    for claim in claims:
        if claim.event is not None and claim.event.span[0] < event.end and event.start < claim.event.span[1]:
            return claim
    return next((c for c in claims if c.span[0] <= event.start and event.end <= c.span[1]), None)


def same_source(gold: Optional[str], predicted: Optional[str]) -> bool:
    """Whether a claim's source names the gold source: both the outlet (None), or one name
    inside the other, case and a leading "the" aside ("the Kremlin" ~ "Kremlin")."""
    if gold is None or predicted is None:
        return gold is None and predicted is None

    def norm(name: str) -> str:
        name = name.lower().strip()
        return name[4:] if name.startswith("the ") else name

    gold_name, predicted_name = norm(gold), norm(predicted)
    return bool(gold_name) and bool(predicted_name) and (gold_name in predicted_name or predicted_name in gold_name)


class _Split:
    """Counts for one split of the gold."""

    def __init__(self) -> None:
        self.gold: list[str] = []
        self.predicted: list[str] = []  # inside a claim only
        self.events = 0
        self.inside = 0
        self.sourced = 0
        self.source_right = 0
        self.reported = 0  # events whose gold source is someone, not the outlet
        self.reported_right = 0
        self.content_events = 0
        self.content_right = 0
        self.confusion: Counter = Counter()


def _scores(gold: list[str], predicted: list[str], labels: Iterable[str]) -> dict[str, Any]:
    labels = tuple(labels)
    per_label = {}
    for label in labels:
        prf = PRF()
        for g, p in zip(gold, predicted):
            prf.add(tp=int(g == p == label), fp=int(p == label != g), fn=int(g == label != p))
        per_label[label] = prf.as_dict()
    correct = sum(g == p for g, p in zip(gold, predicted))
    return {
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(s["f1"] for s in per_label.values()) / len(labels), 4),
        "per_label": per_label,
    }


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, nlp=None, part: str = "all") -> dict[str, Any]:
    """Score the claims' stance (and source, where the gold has one) on a factuality gold file.
    ``part`` is ``evaluate --part``; records that carry a ``split`` are also reported by it."""
    from ..pipeline import extract_many, load

    nlp = nlp or load(model, exclude=["places", "dates"])
    records = list(read_jsonl(gold, limit, part))
    four_labels = any("events" in r for r in records)
    labels = STANCES if four_labels else FACTUALITY
    splits: dict[str, _Split] = defaultdict(_Split)
    errors: list[str] = []
    inputs = [{"text": r["text"], "id": r.get("id"), "published": r.get("published"), "source": r.get("outlet")} for r in records]
    for record, result in zip(records, extract_many(inputs, nlp=nlp)):
        errors.extend(f"{record.get('id')}: {e}" for e in result.errors)
        for event in gold_events(record):
            claim = claim_of(event, result.claims)
            for name in {"all", record.get("split") or "all"}:
                _count(splits[name], event, claim, four_labels)
    report: dict[str, Any] = {
        "task": "stance",
        "gold": str(gold),
        "n_records": len(records),
        "labels": list(labels),
        "lexicon_version": load_lexicon().version,
        "splits": {},
        "errors": errors,
    }
    for name, counts in sorted(splits.items(), key=lambda item: (item[0] != "all", item[0])):
        report["splits"][name] = {
            "events": counts.events,
            "inside_claims": counts.inside,
            "gold_distribution": dict(Counter(counts.gold)),
            "predicted_distribution": dict(Counter(counts.predicted)),
            "scores": _scores(counts.gold, counts.predicted, labels),
            "source_accuracy": round(counts.source_right / counts.sourced, 4) if counts.sourced else None,
            "reported_source_accuracy": round(counts.reported_right / counts.reported, 4) if counts.reported else None,
            "right_stance_and_source": round(counts.content_right / counts.content_events, 4) if counts.content_events else None,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(counts.confusion.items())},
        }
    return report


def _count(counts: _Split, event: GoldEvent, claim: Optional[Claim], four_labels: bool) -> None:
    counts.events += 1
    predicted = NO_CLAIM if claim is None else claim.stance if four_labels else STANCE_TO_FACTUALITY[claim.stance]
    counts.confusion[(event.label, predicted)] += 1
    if event.has_source and not event.reporting:
        counts.content_events += 1
        if claim is not None and claim.stance == event.label and same_source(event.source, claim.source):
            counts.content_right += 1
    if claim is None:
        return
    counts.inside += 1
    counts.gold.append(event.label)
    counts.predicted.append(predicted)
    if event.has_source:
        counts.sourced += 1
        counts.source_right += same_source(event.source, claim.source)
        if event.source is not None and not event.reporting:
            counts.reported += 1
            counts.reported_right += same_source(event.source, claim.source)


def render(report: dict[str, Any]) -> str:
    """The report as text tables, one block per split."""
    blocks = [f"stance of claims vs event gold: {report['n_records']} records from {report['gold']} (lexicon {report['lexicon_version']})"]
    for name, split in report["splits"].items():
        scores = split["scores"]
        rows = [["all", scores["accuracy"], scores["macro_f1"], "", "", "", split["inside_claims"]]]
        for label, prf in scores["per_label"].items():
            rows.append([label, "", "", *prf_cells(prf), int(prf["tp"] + prf["fn"])])
        extra = f"events {split['events']}, inside a claim {split['inside_claims']}"
        if split["source_accuracy"] is not None:
            extra += f"; source right {split['source_accuracy']:.3f}"
        if split.get("reported_source_accuracy") is not None:
            extra += f" (reported events {split['reported_source_accuracy']:.3f})"
        if split["right_stance_and_source"] is not None:
            extra += f"; non-reporting events in a claim with right stance and source {split['right_stance_and_source']:.3f}"
        blocks.append(
            f"\n[{name}] {extra}\npredicted: {split['predicted_distribution']}\n"
            + format_table(rows, ["label", "accuracy", "macro_f1", "precision", "recall", "f1", "gold"])
        )
    if report["errors"]:
        blocks.append(f"\nwarning: {len(report['errors'])} record errors:\n" + "\n".join(report["errors"]))
    return "\n".join(blocks)
