"""``conflictnlp evaluate casualties``: tolls (role, value, bound, who) against a gold file.

Gold format, one text a line (JSONL)::

    {"id": "cas-0001", "text": "At least 13 S.African soldiers dead in C. Africa fighting",
     "tolls": [{"role": "killed", "value": 13, "bound": "at_least", "who": "S.African soldiers"}]}

Each toll has ``role`` (killed, wounded, casualties, missing, abducted, detained, displaced,
evacuated) and ``value``: the number as written (0 for "no casualties"), or ``[low, high]``
for vague words ("dozens" is ``[24, 99]``). Optional: ``bound`` (at_least, more_than, up_to,
about), ``who`` (the people counted, as written) and ``cumulative: true`` for a running total
over many events, which is not the event's toll. A text with no toll has ``"tolls": []``.

Predicted tolls are the quantities with a ``casualty`` reading that is not cumulative; gold
cumulative tolls are never expected, and predicting one as an event toll is a false positive.
Within a text, predictions and gold tolls are matched one to one (greedily):

- *role+value*: the same role and value; a range matches a number inside it or an
  overlapping range;
- *role+value+bound*: also the same bound (none for an exact number);
- *value*: the value alone, any role;
- *who*: of the role+value matches whose gold has ``who``, the share whose predicted ``who``
  holds the gold's last word;
- *parts*: of the role+value matches, the share whose predicted ``part`` is the gold's (a gold
  toll without ``part`` is none).

``ordinals read as tolls or units`` lists the quantities holding an ordinal ("the 13th floor",
"13TH") that carry a unit or a toll, in any text: there should be none.

``death tolls read`` is the share of texts with a gold (event) killed toll where a predicted
killed toll matches one of them on value, the issue's "stated tolls" figure; ``units in toll
texts`` lists the quantities with a physical unit in texts that have a gold toll (there
should be none but real distances and durations).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from spacy.language import Language

from ..measures.quantities import is_ordinal
from ..model import Quantity
from .scoring import PRF, article_errors, errors_warning, format_table, numbered_records, prf_cells

ROLES = ("killed", "wounded", "casualties", "missing", "abducted", "detained", "displaced", "evacuated")
PHYSICAL_KINDS_ALLOWED = ("count", "currency", "percent", "duration")

Toll = dict[str, Any]


def gold_tolls(record: dict[str, Any]) -> list[Toll]:
    """The event tolls of a gold record (cumulative ones left out), checked."""
    tolls = []
    for toll in record.get("tolls", []):
        if toll.get("role") not in ROLES:
            raise ValueError(f"record {record.get('id')}: unknown toll role {toll.get('role')!r}")
        if not toll.get("cumulative"):
            tolls.append(toll)
    return tolls


def predicted_tolls(quantities: list[Quantity]) -> list[Toll]:
    """The event tolls among a text's quantities, in the gold's form."""
    tolls = []
    for quantity in quantities:
        casualty = quantity.casualty
        if casualty is None or casualty.cumulative:
            continue
        low, high = casualty.low, casualty.high
        if low is not None and high is not None and low != high:
            value: Any = [low, high]
        else:
            value = low if low is not None else high
        tolls.append({"role": casualty.role, "value": value, "bound": casualty.bound, "who": casualty.who, "part": casualty.part, "text": quantity.text})
    return tolls


def _interval(value: Any) -> tuple[float, float]:
    if isinstance(value, (list, tuple)):
        return float(value[0]), float(value[1])
    return float(value), float(value)


def same_value(predicted: Toll, gold: Toll) -> bool:
    """Equal numbers; a range holds the other's number or overlaps the other's range."""
    if predicted["value"] is None or gold["value"] is None:
        return False
    (plo, phi), (glo, ghi) = _interval(predicted["value"]), _interval(gold["value"])
    return plo <= ghi and glo <= phi


def same_role_value(predicted: Toll, gold: Toll) -> bool:
    return predicted["role"] == gold["role"] and same_value(predicted, gold)


def same_role_value_bound(predicted: Toll, gold: Toll) -> bool:
    return same_role_value(predicted, gold) and predicted.get("bound") == gold.get("bound")


def match(predicted: list[Toll], gold: list[Toll], same: Callable[[Toll, Toll], bool]) -> tuple[list[tuple[Toll, Toll]], list[Toll], list[Toll]]:
    """Greedy one-to-one matching: (matched pairs, unmatched predictions, unmatched gold)."""
    remaining = list(gold)
    pairs, unmatched = [], []
    for toll in predicted:
        for index, candidate in enumerate(remaining):
            if same(toll, candidate):
                pairs.append((toll, candidate))
                del remaining[index]
                break
        else:
            unmatched.append(toll)
    return pairs, unmatched, remaining


def same_who(predicted: Toll, gold: Toll) -> bool:
    """The predicted ``who`` holds the last word of the gold's ("S.African soldiers" ~ "soldiers")."""
    if not predicted.get("who"):
        return False
    return gold["who"].split()[-1].lower() in predicted["who"].lower().split()


def _ordinal_readings(record: dict[str, Any], doc) -> list[dict[str, Any]]:
    """Quantities and distances holding an ordinal ("13th", "third") read with a unit or as a toll."""
    found = []
    for item in [*doc._.quantities, *doc._.distances]:
        casualty = getattr(item, "casualty", None)
        reading = item.unit or (f"toll {casualty.role}" if casualty is not None else None)
        if reading and any(is_ordinal(word.strip(",.;:()")) for word in item.text.split()):
            found.append({"id": record.get("id"), "text": item.text, "reading": reading})
    return found


def _pipeline(model: Optional[str]) -> Language:
    from ..pipeline import load

    return load(model, enable=["article", "measures"])


def run(gold: Path, model: Optional[str] = None, limit: Optional[int] = None, part: str = "all", nlp: Optional[Language] = None) -> dict:
    """Score the pipeline's tolls on a gold file; returns the report ``render`` prints."""
    nlp = nlp or _pipeline(model)
    numbered = list(numbered_records(gold, limit, part))
    records = [record for _, record in numbered]
    scores = {"role+value": PRF(), "role+value+bound": PRF(), "value": PRF()}
    by_role = {role: PRF() for role in ROLES}
    who = {"correct": 0, "scored": 0}
    parts = {"correct": 0, "scored": 0}
    ordinals: list[dict[str, Any]] = []
    death = {"texts": 0, "read": 0}
    units: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    processing_errors: list[str] = []
    for (line, record), doc in zip(numbered, nlp.pipe(record["text"] for record in records)):
        processing_errors += article_errors(record, line, doc._.errors)
        expected, predicted = gold_tolls(record), predicted_tolls(doc._.quantities)
        for name, same in (("role+value", same_role_value), ("role+value+bound", same_role_value_bound), ("value", same_value)):
            pairs, fp, fn = match(predicted, expected, same)
            scores[name].add(len(pairs), len(fp), len(fn))
            if name == "role+value":
                for role in ROLES:
                    by_role[role].add(
                        sum(p["role"] == role for p, _ in pairs), sum(t["role"] == role for t in fp), sum(t["role"] == role for t in fn)
                    )
                for p, g in pairs:
                    parts["scored"] += 1
                    parts["correct"] += bool(p.get("part")) == bool(g.get("part"))
                    if g.get("who"):
                        who["scored"] += 1
                        who["correct"] += same_who(p, g)
                if fp or fn:
                    errors.append({"id": record.get("id"), "text": record["text"], "false_positives": fp, "false_negatives": fn})
        killed = [t for t in expected if t["role"] == "killed"]
        if killed:
            death["texts"] += 1
            death["read"] += any(same_value(p, g) for p in predicted if p["role"] == "killed" for g in killed)
        ordinals += _ordinal_readings(record, doc)
        if record.get("tolls"):
            for quantity in doc._.quantities:
                if quantity.unit is not None and quantity.kind not in PHYSICAL_KINDS_ALLOWED:
                    units.append({"id": record.get("id"), "text": quantity.text, "unit": quantity.unit})
            for distance in doc._.distances:
                units.append({"id": record.get("id"), "text": distance.text, "unit": distance.unit})
    return {
        "task": "casualties",
        "gold": str(gold),
        "part": part,
        "documents": len(records),
        "gold_tolls": sum(len(gold_tolls(r)) for r in records),
        **{name: prf.as_dict() for name, prf in scores.items()},
        "by_role": {role: prf.as_dict() for role, prf in by_role.items() if prf.tp + prf.fp + prf.fn},
        "who_accuracy": round(who["correct"] / who["scored"], 4) if who["scored"] else None,
        "who_scored": who["scored"],
        "part_accuracy": round(parts["correct"] / parts["scored"], 4) if parts["scored"] else None,
        "part_scored": parts["scored"],
        "ordinals_read": ordinals,
        "death_tolls_read": round(death["read"] / death["texts"], 4) if death["texts"] else None,
        "death_toll_texts": death["texts"],
        "units_in_toll_texts": units,
        "errors": errors,
        "processing_errors": processing_errors,
    }


def render(report: dict) -> str:
    """The report as a text table."""
    rows = [
        [name, *prf_cells(s), s["tp"], s["fp"], s["fn"]]
        for name, s in [(n, report[n]) for n in ("role+value", "role+value+bound", "value")]
        + [(f"  role+value {role}", s) for role, s in report["by_role"].items()]
    ]
    header = f"casualties: {report['documents']} texts, {report['gold_tolls']} gold tolls\n"
    lines = [
        "",
        f"who (of role+value matches with a gold who): {report['who_accuracy']} of {report['who_scored']}",
        f"death tolls read (texts with a gold killed toll): {report['death_tolls_read']} of {report['death_toll_texts']}",
        f"parts marked right (of role+value matches): {report['part_accuracy']} of {report['part_scored']}",
        f"ordinals read as tolls or units: {len(report['ordinals_read'])}"
        + "".join(f"\n  {o['id']}: {o['text']!r} ({o['reading']})" for o in report["ordinals_read"]),
        f"physical units in toll texts: {len(report['units_in_toll_texts'])}"
        + "".join(f"\n  {u['id']}: {u['text']!r} ({u['unit']})" for u in report["units_in_toll_texts"]),
    ]
    warning = errors_warning(report.get("processing_errors") or [])
    return header + format_table(rows, ["match", "P", "R", "F1", "tp", "fp", "fn"]) + "\n".join(lines) + ("\n" + warning if warning else "")
