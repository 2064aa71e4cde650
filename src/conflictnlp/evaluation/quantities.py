"""``conflictnlp evaluate quantities``: value F1 and value+unit F1 against a quantity gold file.

Gold format (one sentence a line): ``{"id", "text", "quantities": [{"value", "is_range",
"value_max"?, "normalized_unit", ...}]}``, as in NewsQuant and the Microsoft Recognizers-Text
suites. Many gold quantities have no span, so predictions are matched to gold within each
sentence by value, not by offsets: a prediction and a gold quantity match on *value* when their
values (and, for ranges, their upper bounds) are equal to 6 significant digits, and on
*value+unit* when also their normalised unit names are equal. Each gold quantity is matched at
most once. Distances count as quantities here (with their restatements, which are quantities
written in the text too); unit names are mapped to the gold's with ``data/quantity_units_gold.toml``
(both sides of a rate: "indian rupee per year" is "rupee per year"). Implicit quantities (no
number written: a toll of one from "a policeman was killed", of nobody from "no casualties")
are not scored: the gold sets mark numbers written in the text.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Quantity
from .scoring import PRF, article_errors, errors_warning, format_table, numbered_records, prf_cells

UNIT_NAMES_FILE = "quantity_units_gold.toml"


@dataclass(frozen=True)
class Mention:
    """A quantity reduced to what is scored."""

    value: float
    value_max: Optional[float]
    unit: str
    text: str = ""


@cache
def unit_names() -> dict[str, Any]:
    """The predicted-to-gold unit name mapping."""
    return tomllib.loads(resources.files("conflictnlp").joinpath("data", UNIT_NAMES_FILE).read_text("utf-8"))


def _concept_lemma(doc: Doc, quantity: Quantity) -> Optional[str]:
    """The lemmas of a quantity's counted noun, found inside its span."""
    if not quantity.concept:
        return None
    offset = quantity.text.rfind(quantity.concept)
    if offset < 0:
        return quantity.concept.lower()
    start = quantity.span[0] + offset
    span = doc.char_span(start, start + len(quantity.concept), alignment_mode="expand")
    if span is None:
        return quantity.concept.lower()
    return " ".join(token.lemma_.lower() for token in span if not token.is_punct)


def normalise_unit(unit: Optional[str], concept_lemma: Optional[str] = None, concept: Optional[str] = None) -> str:
    """The gold's name for a predicted unit or counted noun."""
    names = unit_names()
    if unit and " per " in unit and unit not in names["units"]:
        # "indian rupee per year": each side by its gold name
        return " per ".join(names["units"].get(part, part) for part in unit.split(" per ", 1))
    if unit:
        name = names["units"].get(unit, unit)
        return name + names["age_suffix"] if concept == "age" else name
    if concept_lemma:
        return names["concepts"].get(concept_lemma, concept_lemma)
    return names["unitless"]


def predicted_mentions(doc: Doc) -> list[Mention]:
    """Every quantity and distance of a processed Doc (restatements included) as Mentions."""
    mentions = []
    for quantity in doc._.quantities:
        if quantity.implicit:
            continue  # no number written ("a policeman was killed", "no casualties"): not a quantity in the text
        unit = normalise_unit(quantity.unit, _concept_lemma(doc, quantity), quantity.concept)
        mentions.append(Mention(quantity.value, quantity.value_max, unit, quantity.text))
    for distance in doc._.distances:
        mentions.append(Mention(distance.value, None, normalise_unit(distance.unit), distance.text))
        for also in distance.also:
            mentions.append(Mention(also.value, None, normalise_unit(also.unit), doc.text[also.span[0] : also.span[1]]))
    return mentions


def gold_mentions(record: dict[str, Any]) -> list[Mention]:
    """The gold quantities of one record as Mentions."""
    text = record["text"]
    mentions = []
    for gold in record.get("quantities", []):
        value_max = gold.get("value_max") if gold.get("is_range") else None
        span = gold.get("span")
        mentions.append(Mention(float(gold["value"]), value_max, gold.get("normalized_unit") or "-", text[span[0] : span[1]] if span else ""))
    return mentions


def _same(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same_value(predicted: Mention, gold: Mention) -> bool:
    """Equal values; a gold range also needs the same upper bound."""
    if gold.value_max is not None or predicted.value_max is not None:
        return _same(predicted.value, gold.value) and _same(predicted.value_max, gold.value_max)
    return _same(predicted.value, gold.value)


def same_value_and_unit(predicted: Mention, gold: Mention) -> bool:
    return same_value(predicted, gold) and predicted.unit.lower() == gold.unit.lower()


def match(predicted: list[Mention], gold: list[Mention], same: Callable[[Mention, Mention], bool]) -> tuple[int, list[Mention], list[Mention]]:
    """Greedy one-to-one matching: (true positives, unmatched predictions, unmatched gold)."""
    remaining = list(gold)
    unmatched = []
    for mention in predicted:
        for index, candidate in enumerate(remaining):
            if same(mention, candidate):
                del remaining[index]
                break
        else:
            unmatched.append(mention)
    return len(predicted) - len(unmatched), unmatched, remaining


def _pipeline(model: Optional[str]) -> Language:
    from ..pipeline import load

    return load(model, enable=["article", "measures"])


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, part: str = "all") -> dict:
    """Score the pipeline's quantities on a gold file; returns the report ``render`` prints."""
    nlp = _pipeline(model)
    numbered = list(numbered_records(gold, limit, part))
    records = [record for _, record in numbered]
    value, value_unit = PRF(), PRF()
    by_source: dict[str, PRF] = {}
    errors: list[dict[str, Any]] = []
    processing_errors: list[str] = []
    for (line, record), doc in zip(numbered, nlp.pipe(record["text"] for record in records)):
        processing_errors += article_errors(record, line, doc._.errors)
        predicted, expected = predicted_mentions(doc), gold_mentions(record)
        tp, fp, fn = match(predicted, expected, same_value)
        value.add(tp, len(fp), len(fn))
        tp, fp, fn = match(predicted, expected, same_value_and_unit)
        value_unit.add(tp, len(fp), len(fn))
        by_source.setdefault(record.get("source", "all"), PRF()).add(tp, len(fp), len(fn))
        if fp or fn:
            errors.append({
                "id": record.get("id"),
                "text": record["text"],
                "false_positives": [m.__dict__ for m in fp],
                "false_negatives": [m.__dict__ for m in fn],
            })
    return {
        "task": "quantities",
        "gold": str(gold),
        "part": part,
        "documents": len(records),
        "gold_quantities": sum(len(gold_mentions(r)) for r in records),
        "value": value.as_dict(),
        "value_unit": value_unit.as_dict(),
        "value_unit_by_source": {source: prf.as_dict() for source, prf in sorted(by_source.items())},
        "errors": errors,
        "processing_errors": processing_errors,
    }


def render(report: dict) -> str:
    """The report as a text table."""
    rows = [
        [name, *prf_cells(scores), scores["tp"], scores["fp"], scores["fn"]]
        for name, scores in [("value", report["value"]), ("value+unit", report["value_unit"])]
        + [(f"  value+unit {source}", s) for source, s in report["value_unit_by_source"].items()]
    ]
    header = f"quantities: {report['documents']} documents, {report['gold_quantities']} gold quantities\n"
    warning = errors_warning(report.get("processing_errors") or [])
    return header + format_table(rows, ["match", "P", "R", "F1", "tp", "fp", "fn"]) + ("\n" + warning if warning else "")
