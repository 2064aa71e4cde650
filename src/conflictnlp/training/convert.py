"""Labelled text from annotation tools to spaCy ``DocBin`` training data.

Every reader turns one input format into ``LabelledText`` records: character spans with labels
and, optionally, relations between them. ``to_docs`` aligns the spans to spaCy tokens and puts
them in ``doc.spans[SPANS_KEY]``; attribution spans joined by relations (or given as quotes,
in the PolNeAR gold format) also become ``Quote`` records in ``doc._.quotes``. A span that
cannot be aligned to tokens is never dropped silently: it is listed in the ``ConversionReport``.

Labels: ``SOURCE``, ``CUE`` and ``CONTENT`` are the attribution labels (``SPEAKER`` and
``QUOTE`` are read as ``SOURCE`` and ``CONTENT``); any other label (``WEAPON``,
``MILITARY_UNIT`` ...) is a custom entity type, trained by the same span categorizer into the
same span group, so the base pipeline's ``ner`` and its labels stay untouched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal, Optional

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .. import wording
from ..extensions import STORE_KEY, register_extensions
from ..quotes.build import make_quote, number_quotes, quote_type

# the labels live with the runtime code that reads them (re-exported here for training scripts)
from ..quotes.labels import ATTRIBUTION_LABELS, CONTENT, CUE, LABEL_ALIASES, SOURCE, SPANS_KEY  # noqa: F401
from ..quotes.marks import find_quoted_passages

FORMATS = ("polnear", "prodigy", "doccano", "labelstudio", "brat")
AlignmentMode = Literal["strict", "contract", "expand"]


@dataclass
class CharSpan:
    """A labelled piece of text; several ``pieces`` for a discontinuous span (BRAT, split quotes)."""

    label: str
    pieces: list[tuple[int, int]]
    id: Optional[str] = None


@dataclass
class Relation:
    """A labelled link between two spans, by span id."""

    head: str
    child: str
    label: str = ""


@dataclass
class LabelledText:
    """One labelled text as read from an annotation tool."""

    text: str
    spans: list[CharSpan] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    id: Optional[str] = None
    # quotes given directly as (source, cue, content pieces) span ids, as in the PolNeAR gold
    quotes: list[tuple[Optional[str], Optional[str], list[str]]] = field(default_factory=list)


@dataclass
class Misaligned:
    """A span whose character offsets do not fall on token boundaries: moved to ``aligned``
    by the alignment mode, or dropped (``aligned`` is None) when no token is left."""

    record: str
    label: str
    start: int
    end: int
    text: str
    aligned: Optional[tuple[int, int]] = None


@dataclass
class ConversionReport:
    """What a conversion did, with every span it could not use."""

    records: int = 0
    spans: int = 0
    quotes: int = 0
    misaligned: list[Misaligned] = field(default_factory=list)
    unused_relations: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """A summary for the terminal, listing each misaligned span."""
        out = [f"{wording.count(self.records, 'text')}, {wording.count(self.spans, 'span')}, {wording.count(self.quotes, 'quote')}"]
        out += [f"relation not used: {reason}" for reason in self.unused_relations]
        if self.misaligned:
            dropped = sum(m.aligned is None for m in self.misaligned)
            out.append(f"{wording.count(len(self.misaligned), 'span does', 'spans do')} not align with tokens: {dropped} dropped, the others moved")
            for m in self.misaligned:
                outcome = "dropped" if m.aligned is None else f"-> [{m.aligned[0]}, {m.aligned[1]})"
                out.append(f"  {m.record} {m.label} [{m.start}, {m.end}) {m.text!r} {outcome}")
        return out


def canonical_label(label: str) -> str:
    label = label.strip().upper().replace(" ", "_").replace("-", "_")
    return LABEL_ALIASES.get(label, label)


# --- readers ---------------------------------------------------------------------------------


def read_polnear(path: Path) -> Iterator[LabelledText]:
    """The attribution gold format (PolNeAR's relations as JSONL, docs/gold-formats.md): ``text`` and
    ``quotes`` with ``speaker_span``, ``cue_span``, ``content_span`` (and ``content_spans``),
    plus optional ``entities`` (``{"label": "WEAPON", "span": [s, e]}``) for custom types."""
    for n, record in enumerate(_jsonl(path), start=1):
        labelled = LabelledText(text=record["text"], id=record.get("id") or str(n))
        for q_index, quote in enumerate(record.get("quotes", []), start=1):
            prefix = quote.get("id") or f"q{q_index}"
            ids: dict[str, Optional[str]] = {SOURCE: None, CUE: None}
            for label, key in ((SOURCE, "speaker_span"), (CUE, "cue_span")):
                if quote.get(key):
                    ids[label] = f"{prefix}-{label}"
                    labelled.spans.append(CharSpan(label, [tuple(quote[key])], ids[label]))
            pieces = quote.get("content_spans") or [quote["content_span"]]
            content_ids = []
            for p_index, piece in enumerate(pieces):
                content_ids.append(f"{prefix}-{CONTENT}{p_index}")
                labelled.spans.append(CharSpan(CONTENT, [tuple(piece)], content_ids[-1]))
            labelled.quotes.append((ids[SOURCE], ids[CUE], content_ids))
        for e_index, entity in enumerate(record.get("entities", []), start=1):
            labelled.spans.append(CharSpan(entity["label"], [tuple(entity["span"])], f"entity{e_index}"))
        yield labelled


def read_prodigy(path: Path) -> Iterator[LabelledText]:
    """Prodigy JSONL (``spans.manual``, ``rel.manual``): ``spans`` with character offsets and
    ``relations`` with ``head_span``/``child_span``. Only accepted answers are read."""
    for n, record in enumerate(_jsonl(path), start=1):
        record_id = str(record.get("meta", {}).get("id") or record.get("_input_hash") or n)
        if record.get("answer", "accept") != "accept":
            continue
        labelled = LabelledText(text=record["text"], id=record_id)
        by_offsets: dict[tuple[int, int], str] = {}

        def add(
            span: dict[str, Any], by_offsets: dict[tuple[int, int], str] = by_offsets, labelled: LabelledText = labelled
        ) -> str:
            key = (span["start"], span["end"])
            if key not in by_offsets:
                by_offsets[key] = f"T{len(by_offsets) + 1}"
                labelled.spans.append(CharSpan(span["label"], [key], by_offsets[key]))
            return by_offsets[key]

        for span in record.get("spans", []):
            add(span)
        for relation in record.get("relations", []):
            labelled.relations.append(Relation(add(relation["head_span"]), add(relation["child_span"]), relation.get("label", "")))
        yield labelled


def read_doccano(path: Path) -> Iterator[LabelledText]:
    """doccano JSONL exports: the sequence-labelling form (``label``: ``[start, end, LABEL]``
    triples) and the relation form (``entities`` and ``relations``)."""
    for n, record in enumerate(_jsonl(path), start=1):
        labelled = LabelledText(text=record["text"], id=str(record.get("id", n)))
        if "entities" in record:
            for entity in record["entities"]:
                labelled.spans.append(CharSpan(entity["label"], [(entity["start_offset"], entity["end_offset"])], str(entity["id"])))
            for relation in record.get("relations", []):
                labelled.relations.append(Relation(str(relation["from_id"]), str(relation["to_id"]), relation.get("type", "")))
        else:
            for s_index, (start, end, label) in enumerate(record.get("label", []), start=1):
                labelled.spans.append(CharSpan(label, [(start, end)], f"T{s_index}"))
        yield labelled


def read_labelstudio(path: Path) -> Iterator[LabelledText]:
    """A Label Studio JSON export: tasks whose first annotation holds ``labels`` results and
    ``relation`` results. The text is the task's first string ``data`` field."""
    tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    for task in tasks if isinstance(tasks, list) else [tasks]:
        data = task.get("data", {})
        text = data.get("text") or next(v for v in data.values() if isinstance(v, str))
        labelled = LabelledText(text=text, id=str(task.get("id", len(text))))
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        results = annotations[0]["result"] if annotations else []
        for result in results:
            if result.get("type") == "relation":
                label = (result.get("labels") or [""])[0]
                head, child = result["from_id"], result["to_id"]
                if result.get("direction") == "left":
                    head, child = child, head
                labelled.relations.append(Relation(head, child, label))
            elif "labels" in result.get("value", {}):
                value = result["value"]
                for label in value["labels"]:
                    labelled.spans.append(CharSpan(label, [(value["start"], value["end"])], result["id"]))
        yield labelled


def read_brat(path: Path) -> Iterator[LabelledText]:
    """BRAT standoff: ``.ann`` files next to their ``.txt`` (a folder, or one ``.ann`` file).
    Text-bound annotations (``T``, discontinuous ones too) and relations (``R``)."""
    ann_files = sorted(Path(path).glob("**/*.ann")) if Path(path).is_dir() else [Path(path)]
    for ann_file in ann_files:
        text = ann_file.with_suffix(".txt").read_text(encoding="utf-8")
        labelled = LabelledText(text=text, id=ann_file.stem)
        for line in ann_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ann_id, body = line.split("\t")[:2]
            if ann_id.startswith("T"):
                label, offsets = body.split(" ", 1)
                pieces = [(int(start), int(end)) for start, end in (piece.split() for piece in offsets.split(";"))]
                labelled.spans.append(CharSpan(label, pieces, ann_id))
            elif ann_id.startswith("R"):
                label, arg1, arg2 = body.split()
                labelled.relations.append(Relation(arg1.split(":", 1)[1], arg2.split(":", 1)[1], label))
        yield labelled


READERS = {
    "polnear": read_polnear,
    "prodigy": read_prodigy,
    "doccano": read_doccano,
    "labelstudio": read_labelstudio,
    "brat": read_brat,
}


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# --- to Docs ---------------------------------------------------------------------------------


def _quotes_from_relations(labelled: LabelledText, report: ConversionReport) -> list[tuple[Optional[str], Optional[str], list[str]]]:
    """Attribution spans joined by relations, grouped around their cue (or their content where
    no cue was labelled): each group is one quote."""
    labels = {span.id: canonical_label(span.label) for span in labelled.spans}
    neighbours: dict[str, set[str]] = {}
    for relation in labelled.relations:
        pair = (labels.get(relation.head), labels.get(relation.child))
        if not all(label in ATTRIBUTION_LABELS for label in pair):
            report.unused_relations.append(f"{labelled.id}: {relation.label or 'relation'} {relation.head}->{relation.child} links no two attribution spans")
            continue
        neighbours.setdefault(relation.head, set()).add(relation.child)
        neighbours.setdefault(relation.child, set()).add(relation.head)
    anchors = [s.id for s in labelled.spans if labels[s.id] == CUE and s.id in neighbours]
    anchored = {n for a in anchors for n in neighbours[a]}
    anchors += [s.id for s in labelled.spans if labels[s.id] == CONTENT and s.id in neighbours and s.id not in anchored]
    quotes = []
    for anchor in anchors:
        group = {anchor} | neighbours[anchor]
        contents = [i for i in group if labels[i] == CONTENT]
        sources = [i for i in group if labels[i] == SOURCE]
        if not contents:
            report.unused_relations.append(f"{labelled.id}: cue {anchor} is linked to no content")
            continue
        cue = anchor if labels[anchor] == CUE else None
        quotes.append((sources[0] if sources else None, cue, contents))
    return quotes


def to_doc(nlp: Language, labelled: LabelledText, report: ConversionReport, alignment_mode: AlignmentMode = "contract") -> Doc:
    """One Doc with the record's aligned spans in ``doc.spans[SPANS_KEY]`` and its quotes."""
    register_extensions()
    doc = nlp.make_doc(labelled.text)
    doc.user_data.setdefault(STORE_KEY, {})["article_id"] = labelled.id
    aligned: dict[str, list[tuple[int, int]]] = {}
    spans = []
    for span in labelled.spans:
        label = canonical_label(span.label)
        pieces = []
        for start, end in span.pieces:
            char_span = doc.char_span(start, end, label=label, alignment_mode=alignment_mode)
            if char_span is None or len(char_span) == 0:
                report.misaligned.append(Misaligned(str(labelled.id), label, start, end, labelled.text[start:end]))
                continue
            if (char_span.start_char, char_span.end_char) != (start, end):
                report.misaligned.append(Misaligned(str(labelled.id), label, start, end, labelled.text[start:end], (char_span.start_char, char_span.end_char)))
            pieces.append((char_span.start_char, char_span.end_char))
            spans.append(char_span)
        if pieces and span.id is not None:
            aligned[span.id] = pieces
    # identical spans (one source of two quotes) are one training example
    doc.spans[SPANS_KEY] = sorted(set(spans))
    report.records += 1
    report.spans += len(doc.spans[SPANS_KEY])

    groups = labelled.quotes or _quotes_from_relations(labelled, report)
    passages = find_quoted_passages(doc.text)
    quotes = []
    for source_id, cue_id, content_ids in groups:
        content = sorted(piece for i in content_ids for piece in aligned.get(i, []))
        if not content:
            continue  # its content did not align; already in report.misaligned
        source = aligned.get(source_id, [None])[0] if source_id else None
        cue = aligned.get(cue_id, [None])[0] if cue_id else None
        quotes.append(make_quote(doc.text, content, quote_type(content, passages), cue=cue, speaker=source, confidence=1.0))
    doc._.quotes = number_quotes(quotes)
    report.quotes += len(quotes)
    return doc


def convert(
    nlp: Language,
    input_path: Path,
    fmt: str,
    *,
    alignment_mode: AlignmentMode = "contract",
) -> tuple[DocBin, ConversionReport]:
    """Read ``input_path`` in format ``fmt`` (one of ``FORMATS``) into a DocBin tokenized by ``nlp``."""
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    report = ConversionReport()
    doc_bin = DocBin(store_user_data=True)
    for labelled in READERS[fmt](Path(input_path)):
        doc_bin.add(to_doc(nlp, labelled, report, alignment_mode))
    return doc_bin, report

