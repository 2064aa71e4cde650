"""``conflictnlp evaluate dates``: temporal expressions against TimeML (TIMEX3) gold.

Gold records (JSONL) have ``text``, ``dct`` (the document creation time, passed to the
pipeline as the publication date) and ``timexes`` with ``span``, ``type`` and ``value``.
Scores, as in TempEval-3:

- strict detection: same offsets; relaxed detection: overlapping offsets (one-to-one);
- type accuracy and value accuracy: on the relaxed matches;
- value P/R/F1: a relaxed match with the right value counts as correct, precision over all
  system mentions, recall over all gold mentions.

TimeML annotates vague references ("now", "recently") as PRESENT_REF / PAST_REF; the pipeline
emits them only with the dates component's ``vague_references`` setting, which the
evaluation turns on. The ``default`` block scores the same run without those mentions, which
is what the default pipeline emits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from spacy.language import Language

from ..dates.normalise import VAGUE_VALUES
from .scoring import PRF, article_errors, errors_warning, format_table, numbered_records

EXAMPLES_KEPT = 40


def match_mentions(gold: list[dict], system: list[dict], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): exact offsets if ``strict``, else overlap,
    exact matches taken first."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for exact_pass in (True, False) if not strict else (True,):
        for g_index, g in enumerate(gold):
            if any(pair[0] == g_index for pair in pairs):
                continue
            g_start, g_end = g["span"]
            for s_index, s in enumerate(system):
                if s_index in used:
                    continue
                s_start, s_end = s["span"]
                hit = (s_start, s_end) == (g_start, g_end) if exact_pass else s_start < g_end and g_start < s_end
                if hit:
                    pairs.append((g_index, s_index))
                    used.add(s_index)
                    break
    return pairs


class DateScores:
    """Counts over documents for one view of the system output."""

    def __init__(self) -> None:
        self.strict = PRF()
        self.relaxed = PRF()
        self.value = PRF()
        self.type_correct = 0
        self.matched = 0
        self.examples: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": [], "wrong_value": [], "wrong_type": []}

    def add(self, doc_id: str, gold: list[dict], system: list[dict]) -> None:
        strict_pairs = match_mentions(gold, system, strict=True)
        self.strict.add(tp=len(strict_pairs), fp=len(system) - len(strict_pairs), fn=len(gold) - len(strict_pairs))
        pairs = match_mentions(gold, system, strict=False)
        self.relaxed.add(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs))
        correct_values = 0
        for g_index, s_index in pairs:
            g, s = gold[g_index], system[s_index]
            self.matched += 1
            if g["type"] == s["type"]:
                self.type_correct += 1
            else:
                self._keep("wrong_type", doc_id, g, s)
            if g.get("value") == s.get("value"):
                correct_values += 1
            else:
                self._keep("wrong_value", doc_id, g, s)
        self.value.add(tp=correct_values, fp=len(system) - correct_values, fn=len(gold) - correct_values)
        matched_gold = {g for g, _ in pairs}
        matched_system = {s for _, s in pairs}
        for index, g in enumerate(gold):
            if index not in matched_gold:
                self._keep("missed", doc_id, g, None)
        for index, s in enumerate(system):
            if index not in matched_system:
                self._keep("spurious", doc_id, None, s)

    def _keep(self, kind: str, doc_id: str, gold: Optional[dict], system: Optional[dict]) -> None:
        if len(self.examples[kind]) >= EXAMPLES_KEPT:
            return
        self.examples[kind].append({
            "doc": doc_id,
            "gold": {key: gold[key] for key in ("text", "type", "value")} if gold else None,
            "system": {key: system[key] for key in ("text", "type", "value")} if system else None,
        })

    def as_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "type_accuracy": round(self.type_correct / self.matched, 4) if self.matched else 0.0,
            "value_accuracy": round(self.value.tp / self.matched, 4) if self.matched else 0.0,
            "value": self.value.as_dict(),
            "examples": self.examples,
        }


def gold_mentions(record: dict) -> list[dict]:
    """The record's TIMEX3 mentions that lie in its text (not the document creation time)."""
    length = len(record["text"])
    return [t for t in record.get("timexes", []) if t.get("span") and 0 <= t["span"][0] < t["span"][1] <= length]


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, nlp: Optional[Language] = None,
        part: str = "all") -> dict:
    """Run the article and dates components over a TIMEX3 gold file and score them (with
    ``nlp`` as given, else a pipeline loaded from ``model`` with vague references on; a saved
    conflictnlp pipeline keeps its own dates settings)."""
    from ..pipeline import extract_many, load

    numbered = list(numbered_records(gold, limit, part))
    records = [record for _, record in numbered]
    if nlp is None:
        nlp = load(model, enable=["article", "dates"], config={"dates": {"vague_references": True}})
    inputs = [{"text": r["text"], "published": r.get("dct"), "id": r.get("id")} for r in records]
    timeml, default = DateScores(), DateScores()
    errors: list[str] = []
    for (line, record), result in zip(numbered, extract_many(inputs, nlp=nlp)):
        system = [mention.to_dict() for mention in result.dates]
        gold_list = gold_mentions(record)
        timeml.add(record.get("id", ""), gold_list, system)
        default.add(record.get("id", ""), gold_list, [m for m in system if m["value"] not in VAGUE_VALUES])
        errors += article_errors(record, line, result.errors)
    return {
        "task": "dates",
        "gold": str(gold),
        "part": part,
        "documents": len(records),
        "gold_mentions": int(timeml.relaxed.tp + timeml.relaxed.fn),
        "timeml": timeml.as_dict(),
        "default": default.as_dict(),
        "errors": errors,
    }


def render(report: dict) -> str:
    """The scores as a table: one row per measure, TimeML mode and default pipeline."""
    rows = []
    for name in ("timeml", "default"):
        block = report[name]
        rows.append([
            name,
            block["strict"]["f1"],
            block["relaxed"]["precision"],
            block["relaxed"]["recall"],
            block["relaxed"]["f1"],
            block["type_accuracy"],
            block["value_accuracy"],
            block["value"]["f1"],
        ])
    header = ["mentions", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type acc", "value acc", "value F1"]
    title = f"dates: {report['documents']} documents, {report['gold_mentions']} gold expressions ({report['gold']})"
    notes = [
        "timeml: with vague references (now, recently: PRESENT_REF/PAST_REF), as TimeML annotates",
        "default: what the default pipeline emits (no vague references)",
    ]
    if report["errors"]:
        notes.append(errors_warning(report["errors"]))
    return "\n".join([title, format_table(rows, header), *notes])
