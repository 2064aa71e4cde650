"""``conflictnlp evaluate stance``: claim stance against event factuality gold (UDS It Happened).

Each gold record is a sentence with one predicate labelled happened / not_happened /
uncertain. The predicate gets the stance a claim headed by it would get (the lexicon cues
that govern it), mapped as asserted -> happened, denied -> not_happened, hedged and
unconfirmed -> uncertain. Stance says how a source presents a claim, not whether the claim is
negative, so a second row also maps a negated predicate ("did not attack") to not_happened.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any, Optional

from ..claims.lexicon import load_lexicon
from ..claims.stance import claim_stance
from .scoring import PRF, format_table, read_jsonl

LABELS = ("happened", "not_happened", "uncertain")
STANCE_TO_LABEL = {"asserted": "happened", "denied": "not_happened", "hedged": "uncertain", "unconfirmed": "uncertain"}


def predict(doc, start: int, end: int, lexicon) -> tuple[str, bool]:
    """(stance, negated) for the predicate at characters [start, end) of a parsed Doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    token = span.root if span is not None else doc[0]
    stance, _ = claim_stance(lexicon.find_cues(token.sent), token, lexicon)
    negated = any(child.dep_ == "neg" for child in token.children)
    return stance, negated


def _scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    per_label = {}
    for label in LABELS:
        prf = PRF()
        for g, p in zip(gold, predicted):
            prf.add(tp=int(g == p == label), fp=int(p == label != g), fn=int(g == label != p))
        per_label[label] = prf.as_dict()
    correct = sum(g == p for g, p in zip(gold, predicted))
    return {
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(s["f1"] for s in per_label.values()) / len(LABELS), 4),
        "per_label": per_label,
    }


@cache
def _parser(model: Optional[str]):
    """The base pipeline alone: a predicate's stance depends only on the parse and the lexicon."""
    from ..pipeline import load

    return load(model, enable=[])


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, part: str = "all") -> dict[str, Any]:
    """Score predicate stance on a factuality gold file; returns the report dict."""
    nlp = _parser(model)
    lexicon = load_lexicon()
    records = list(read_jsonl(gold, limit, part))
    docs = nlp.pipe(record["text"] for record in records)
    gold_labels, by_stance, by_stance_and_polarity, stances = [], [], [], Counter()
    for record, doc in zip(records, docs):
        predicate = record["predicate"]
        stance, negated = predict(doc, predicate["start_char"], predicate["end_char"], lexicon)
        stances[stance] += 1
        gold_labels.append(record["label"])
        by_stance.append(STANCE_TO_LABEL[stance])
        by_stance_and_polarity.append("not_happened" if negated and stance == "asserted" else STANCE_TO_LABEL[stance])
    return {
        "task": "stance",
        "gold": str(gold),
        "part": part,
        "n": len(records),
        "lexicon_version": lexicon.version,
        "gold_distribution": dict(Counter(gold_labels)),
        "predicted_stances": dict(stances),
        "stance": _scores(gold_labels, by_stance),
        "stance_and_negation": _scores(gold_labels, by_stance_and_polarity),
    }


def render(report: dict[str, Any]) -> str:
    """The report as a text table."""
    rows = []
    for name in ("stance", "stance_and_negation"):
        scores = report[name]
        rows.append([name, "all", scores["accuracy"], scores["macro_f1"], "", "", ""])
        for label, prf in scores["per_label"].items():
            rows.append([name, label, "", "", prf["precision"], prf["recall"], prf["f1"]])
    head = (
        f"stance vs factuality: {report['n']} predicates from {report['gold']} "
        f"(lexicon {report['lexicon_version']})\n"
        f"gold: {report['gold_distribution']}  predicted stances: {report['predicted_stances']}\n"
    )
    return head + format_table(rows, ["mapping", "label", "accuracy", "macro_f1", "precision", "recall", "f1"])
