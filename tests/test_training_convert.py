"""Converting labelled text from every supported tool to spaCy training data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from conflictnlp.cli import app
from conflictnlp.training.convert import SPANS_KEY, CharSpan, ConversionReport, LabelledText, Relation, convert, to_doc

TRAINING_FIXTURES = Path(__file__).parent / "fixtures" / "training"
FIXTURES_BY_FORMAT = {
    "polnear": "polnear.jsonl",
    "prodigy": "prodigy.jsonl",
    "doccano": "doccano_relations.jsonl",
    "labelstudio": "labelstudio.json",
    "brat": "brat",
}
# the same two labelled texts in every fixture
EXPECTED_SPANS = [
    {
        ("the commander", "SOURCE"),
        ("said", "CUE"),
        ("“We will not retreat,”", "CONTENT"),
        ("“not one step.”", "CONTENT"),
        ("Officials", "SOURCE"),
        ("that two Grad rockets hit the depot", "CONTENT"),
        ("Grad rockets", "WEAPON"),
    },
    {
        ("The 93rd Mechanized Brigade", "SOURCE"),
        ("93rd Mechanized Brigade", "MILITARY_UNIT"),
        ("reported", "CUE"),
        ("heavy shelling near Bakhmut", "CONTENT"),
    },
]
EXPECTED_QUOTES = [
    [
        ("the commander", "said", ["“We will not retreat,”", "“not one step.”"], "direct"),
        ("Officials", "said", ["that two Grad rockets hit the depot"], "indirect"),
    ],
    [("The 93rd Mechanized Brigade", "reported", ["heavy shelling near Bakhmut"], "indirect")],
]


@pytest.fixture(scope="module")
def blank_en():
    return spacy.blank("en")


def _round_trip(doc_bin: DocBin, vocab) -> list:
    return list(DocBin().from_bytes(doc_bin.to_bytes()).get_docs(vocab))


def _quote_summary(doc) -> list[tuple]:
    summary = []
    for quote in doc._.quotes:
        content = [doc.text[s:e] for s, e in quote.content.spans]
        summary.append((quote.speaker.text if quote.speaker else None, quote.cue.text if quote.cue else None, content, quote.type))
    return summary


@pytest.mark.parametrize("fmt", FIXTURES_BY_FORMAT)
def test_round_trip_with_relations(fmt, blank_en):
    doc_bin, report = convert(blank_en, TRAINING_FIXTURES / FIXTURES_BY_FORMAT[fmt], fmt)
    docs = _round_trip(doc_bin, blank_en.vocab)
    assert report.misaligned == []
    assert [{(s.text, s.label_) for s in doc.spans[SPANS_KEY]} for doc in docs] == EXPECTED_SPANS
    assert [_quote_summary(doc) for doc in docs] == EXPECTED_QUOTES
    assert report.quotes == 3
    for doc in docs:
        for quote in doc._.quotes:
            assert quote.content.text == " ".join(doc.text[s:e] for s, e in quote.content.spans)


def test_doccano_label_form_has_spans_but_no_quotes(blank_en):
    doc_bin, report = convert(blank_en, TRAINING_FIXTURES / "doccano_labels.jsonl", "doccano")
    docs = _round_trip(doc_bin, blank_en.vocab)
    assert [{(s.text, s.label_) for s in doc.spans[SPANS_KEY]} for doc in docs] == EXPECTED_SPANS
    assert [doc._.quotes for doc in docs] == [[], []]
    assert report.spans == 12  # "said" twice


def test_prodigy_rejected_answers_are_not_training_data(blank_en):
    doc_bin, report = convert(blank_en, TRAINING_FIXTURES / "prodigy.jsonl", "prodigy")
    assert len(doc_bin) == 2 and report.records == 2


def test_misaligned_spans_are_reported_moved_or_dropped(blank_en):
    text = "Two Grad rockets hit the depot."
    labelled = LabelledText(text=text, id="t1", spans=[CharSpan("WEAPON", [(5, 16)], "T1"), CharSpan("WEAPON", [(5, 7)], "T2"), CharSpan("CONTENT", [(0, 30)], "T3")])
    report = ConversionReport()
    doc = to_doc(blank_en, labelled, report, alignment_mode="contract")
    assert {(s.text, s.label_) for s in doc.spans[SPANS_KEY]} == {("rockets", "WEAPON"), ("Two Grad rockets hit the depot", "CONTENT")}
    assert [(m.start, m.end, m.text, m.aligned) for m in report.misaligned] == [(5, 16, "rad rockets", (9, 16)), (5, 7, "ra", None)]
    assert "'ra' dropped" in "\n".join(report.lines())

    report = ConversionReport()
    doc = to_doc(blank_en, labelled, report, alignment_mode="expand")
    assert {s.text for s in doc.spans[SPANS_KEY] if s.label_ == "WEAPON"} == {"Grad rockets", "Grad"}
    assert [m.aligned for m in report.misaligned] == [(4, 16), (4, 8)]


def test_relations_between_other_labels_are_reported(blank_en):
    text = "The brigade fired Grad rockets."
    labelled = LabelledText(text=text, id="t1", spans=[CharSpan("MILITARY_UNIT", [(0, 11)], "T1"), CharSpan("WEAPON", [(18, 30)], "T2")])
    labelled.relations.append(Relation("T1", "T2", "USES"))
    report = ConversionReport()
    doc = to_doc(blank_en, labelled, report)
    assert doc._.quotes == []
    assert len(report.unused_relations) == 1 and "USES" in report.unused_relations[0]


def test_convert_command(tmp_path):
    output = tmp_path / "train.spacy"
    result = CliRunner().invoke(app, ["convert", str(TRAINING_FIXTURES / "brat"), "--from", "brat", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "2 texts, 12 spans, 3 quotes" in result.output
    assert len(DocBin().from_disk(output)) == 2


def test_convert_command_rejects_unknown_format(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(TRAINING_FIXTURES / "brat"), "--from", "conll", "-o", str(tmp_path / "x.spacy")])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_convert_takes_the_input_format_as_from_and_the_old_format_with_a_note(tmp_path):
    output = tmp_path / "train.spacy"
    result = CliRunner().invoke(app, ["convert", str(TRAINING_FIXTURES / "brat"), "--format", "brat", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "convert --format is now --from" in result.stderr
    assert "--from" in CliRunner().invoke(app, ["convert", "--help"]).stdout
