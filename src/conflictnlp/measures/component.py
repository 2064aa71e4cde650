"""The ``conflict_measures`` component: quantities and distances in the article body.

A length measure is reported once, as a distance (``doc._.distances``, ids ``m1``...), with its
value in metres; it is not repeated in ``doc._.quantities`` (ids ``n1``...), which holds every
other quantity: counts, money, mass, durations, percentages and the rest. Both lists are in text
order and their spans are also in ``doc.spans["conflict_distances"]`` and
``doc.spans["conflict_quantities"]``.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..components import ConflictComponent
from ..extensions import body_sents, doc_text, set_span_group
from ..model import Casualty, Distance, Quantity, TextSpan
from .casualties import CasualtyReading, load_casualty_data, read_casualties
from .distances import build_distances
from .quantities import find_measures
from .units import load_measure_data


def _number(value: float) -> float:
    """Values as written: 22.0 -> 22, 0.1 + 0.2 noise rounded away."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) and abs(rounded) < 2**53 else rounded


def _casualty(doc: Doc, reading: Optional[CasualtyReading]) -> Optional[Casualty]:
    if reading is None:
        return None
    cue = None if reading.cue is None else TextSpan(doc_text(doc)[reading.cue[0] : reading.cue[1]], reading.cue)
    low = None if reading.low is None else _number(reading.low)
    high = None if reading.high is None else _number(reading.high)
    return Casualty(reading.role, reading.who, reading.bound, low, high, cue, reading.cumulative, reading.part)


class MeasuresComponent(ConflictComponent):
    """Fills ``doc._.quantities`` and ``doc._.distances`` from the body of each article."""

    span_groups = ("conflict_quantities", "conflict_distances")

    def __init__(
        self,
        nlp: Language,
        name: str,
        data_path: Optional[str] = None,
        metres_precision: int = 1,
        casualties: bool = True,
        casualty_data_path: Optional[str] = None,
    ):
        super().__init__(nlp, name)
        self.data_path, self.casualty_data_path = data_path, casualty_data_path
        self.metres_precision = metres_precision
        self.casualties = casualties
        self._load_lexicons_or_defer()

    lexicons = {"data_path": "measures.toml", "casualty_data_path": "casualties.toml"}

    def load_lexicons(self) -> None:
        self.data = load_measure_data(self.data_path)
        self.casualty_data = load_casualty_data(self.casualty_data_path) if self.casualties else None

    def _round_metres(self, metres: float) -> float:
        """``metres_precision`` decimals, but at least 4 significant digits (155 mm is 0.155 m)."""
        if metres == 0 or abs(metres) >= 10 ** (3 - self.metres_precision):
            return round(metres, self.metres_precision)
        return float(f"{metres:.4g}")

    def process(self, doc: Doc) -> None:
        measures = find_measures(doc, self.data)
        if self.casualty_data is not None:
            measures = read_casualties(doc, measures, self.casualty_data, self.data, body_sents(doc))
        mentions, others = build_distances(doc, measures, self.data)
        quantities = [
            Quantity(
                id=f"n{i}",
                text=doc_text(doc)[m.start : m.end],
                span=(m.start, m.end),
                value=_number(m.value),
                value_max=None if m.value_max is None else _number(m.value_max),
                unit=m.unit,
                kind=m.kind,
                concept=m.concept,
                approximate=m.approximate,
                implicit=m.implicit,
                casualty=_casualty(doc, m.casualty),
            )
            for i, m in enumerate(others, start=1)
        ]
        distances = [
            Distance(
                id=f"m{i}",
                text=doc_text(doc)[d.start : d.end],
                span=(d.start, d.end),
                value=_number(d.measure.value),
                unit=d.measure.unit or "",
                metres=self._round_metres(d.metres),
                approximate=d.measure.approximate,
                also=d.also,
                reference=d.reference,
                subject=d.subject,
            )
            for i, d in enumerate(mentions, start=1)
        ]
        doc._.quantities = quantities
        doc._.distances = distances
        set_span_group(doc, "quantities", [(q.span[0], q.span[1], q.kind) for q in quantities])
        set_span_group(doc, "distances", [(d.span[0], d.span[1], "length") for d in distances])


@Language.factory(
    "conflict_measures",
    assigns=["doc._.quantities", "doc._.distances", "doc.spans"],
    requires=["token.pos", "token.dep", "token.lemma", "doc.sents"],
    default_config={"data_path": None, "metres_precision": 1, "casualties": True, "casualty_data_path": None},
)
def make_measures_component(
    nlp: Language, name: str, data_path: Optional[str], metres_precision: int, casualties: bool, casualty_data_path: Optional[str]
) -> MeasuresComponent:
    """Quantities and distances, with a casualty reading on tolls; ``data_path`` and
    ``casualty_data_path`` replace the packaged ``data/measures.toml`` and ``data/casualties.toml``."""
    return MeasuresComponent(
        nlp, name, data_path=data_path, metres_precision=metres_precision, casualties=casualties, casualty_data_path=casualty_data_path
    )
