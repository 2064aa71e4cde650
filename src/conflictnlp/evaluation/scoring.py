"""Counting helpers shared by the evaluation tasks."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any, Iterator, Optional

from spacy.scorer import PRFScore

#: The parts of a gold file ``conflictnlp evaluate --part`` scores: ``heldout`` is a fixed
#: quarter of the records, set aside (not looked at while developing rules); ``dev`` is the rest.
PARTS = ("all", "dev", "heldout")
HELDOUT_FRACTION = 0.25
_HELDOUT_SALT = "conflictnlp-heldout:"


class PRF(PRFScore):
    """True positives, false positives and false negatives (counts may be fractional), with
    precision, recall and F1 from spaCy's ``PRFScore``."""

    def __init__(self, tp: float = 0, fp: float = 0, fn: float = 0):
        super().__init__(tp=tp, fp=fp, fn=fn)  # type: ignore[arg-type]

    # PRFScore's stub types the counts as int; ours may be fractional (partial matches)
    tp: float  # type: ignore[assignment]
    fp: float  # type: ignore[assignment]
    fn: float  # type: ignore[assignment]

    def add(self, tp: float = 0, fp: float = 0, fn: float = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def f1(self) -> float:
        return self.fscore

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PRFScore) and (self.tp, self.fp, self.fn) == (other.tp, other.fp, other.fn)

    def __repr__(self) -> str:
        return f"PRF(tp={self.tp}, fp={self.fp}, fn={self.fn})"

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _all_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with Path(path).open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}, line {line_number}: not a JSON record ({error})") from None
            yield line_number, record


def record_key(record: dict[str, Any]) -> str:
    """What places a gold record in a part: its ``id``, else its ``text``."""
    key = record.get("id") if isinstance(record, dict) else None
    if key is None:
        key = record.get("text", "") if isinstance(record, dict) else ""
    return str(key)


def heldout_keys(keys: list[str], fraction: float = HELDOUT_FRACTION) -> set[str]:
    """The keys set aside: the ``ceil(fraction * n)`` distinct keys with the lowest salted
    SHA-256, so the choice depends on the ids alone, not on the order of the file or on
    anything in the records, and is the same on every machine."""
    distinct = sorted(set(keys), key=lambda key: hashlib.sha256((_HELDOUT_SALT + key).encode("utf-8")).hexdigest())
    return set(distinct[: math.ceil(fraction * len(distinct))])


def _marked_part(record: Any) -> Optional[str]:
    """The part a record names itself (``"part": "dev"`` or ``"heldout"``), else None. Marked
    records stay out of the hash draw, so cases added to a file later do not move the older
    ones between the parts."""
    marked = record.get("part") if isinstance(record, dict) else None
    if marked is not None and marked not in PARTS[1:]:
        raise ValueError(f"unknown part {marked!r} in a gold record; expected dev or heldout")
    return marked


def numbered_records(path: Path, limit: Optional[int] = None, part: str = "all") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each record of a JSONL gold file in ``part`` (``all``, ``dev``
    or ``heldout``: a record's own ``"part"`` where it names one, else ``heldout_keys`` over the
    records that name none), the first ``limit`` of them only if given; blank
    lines are skipped, a line that is not JSON is a ``ValueError`` naming it."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    records: Iterator[tuple[int, dict[str, Any]]] = _all_records(path)
    if part != "all":
        numbered = list(records)
        aside = heldout_keys([record_key(record) for _, record in numbered if _marked_part(record) is None])
        records = iter([(line, record) for line, record in numbered
                        if (_marked_part(record) or ("heldout" if record_key(record) in aside else "dev")) == part])
    count = 0
    for line_number, record in records:
        if limit is not None and count >= limit:
            return
        yield line_number, record
        count += 1


def read_jsonl(path: Path, limit: Optional[int] = None, part: str = "all") -> Iterator[dict[str, Any]]:
    """Records of a JSONL gold file in ``part``, the first ``limit`` only if given."""
    for _, record in numbered_records(path, limit, part):
        yield record


def prf_cells(scores: dict[str, Any]) -> list[Optional[float]]:
    """Precision, recall and F1 of a ``PRF.as_dict()`` for a table, None (printed "n/a") where
    undefined: no recall without gold, no precision without predictions."""
    tp, fp, fn = scores.get("tp"), scores.get("fp"), scores.get("fn")
    if tp is None or fp is None or fn is None:
        return [scores["precision"], scores["recall"], scores["f1"]]
    precision = scores["precision"] if tp + fp else None
    recall = scores["recall"] if tp + fn else None
    return [precision, recall, scores["f1"] if precision is not None and recall is not None else None]


def format_table(rows: list[list[Any]], header: list[str]) -> str:
    """A plain aligned text table; None prints as "n/a"."""
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else "n/a" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def article_errors(record: dict[str, Any], line: int, messages: list[str]) -> list[str]:
    """A gold article's processing errors, each prefixed with its id (or its line in the gold
    file, from ``numbered_records``)."""
    name = record.get("id") or f"line {line}"
    return [f"{name}: {message}" for message in messages]


def errors_warning(errors: list[str]) -> str:
    """The lines that end a report when processing failed on some articles: such an article
    scores as if nothing had been found in it, so the scores above are too low."""
    if not errors:
        return ""
    return (
        f"warning: {len(errors)} processing errors; those articles score as if nothing was found:\n"
        + "\n".join(errors)
    )
