"""The last guard in record building: an impossible span becomes an entry in ``errors``."""

from __future__ import annotations

import spacy

from conflictnlp.extensions import STORE_KEY, article_from_doc
from conflictnlp.spans_guard import guard_spans, span_problem

from .helpers import check_record

TEXT = "Two soldiers were killed in Kharkiv, he said."


def test_span_problem_names_each_kind_of_wrong_span():
    assert span_problem(TEXT, (0, 3), "Two") is None
    assert "ends before it starts" in span_problem(TEXT, (2, 1), "")
    assert "covers no text" in span_problem(TEXT, (4, 4), "")
    assert "outside the text" in span_problem(TEXT, (40, 99), None)
    assert "covers 'Two', not 'Six'" in span_problem(TEXT, (0, 3), "Six")
    assert "no (start, end) pair" in span_problem(TEXT, None, None)


def _quantity(id_: str, span, text: str) -> dict:
    return {"id": id_, "text": text, "span": list(span), "value": 2.0, "kind": "count"}


def test_an_impossible_item_is_dropped_with_its_references_and_said():
    claim = {"id": "c1", "text": TEXT[:35], "span": [0, 35], "quantities": ["n1", "n2"], "locations": [],
             "hedges": [{"text": "xx", "span": [5, 5]}]}
    lists = {"quantities": [_quantity("n1", (0, 3), "Two"), _quantity("n2", (2, 1), "")], "claims": [claim]}
    errors: list[str] = []
    guarded = guard_spans(TEXT, lists, errors)
    assert [q["id"] for q in guarded["quantities"]] == ["n1"]
    assert guarded["claims"][0]["quantities"] == ["n1"]
    assert guarded["claims"][0]["hedges"] == []
    assert errors == [
        "quantities n2: dropped, span (2, 1) ends before it starts (please report this input)",
        "claims c1: dropped one of its hedges (span (5, 5) covers no text)",
    ]
    assert lists["claims"][0]["quantities"] == ["n1", "n2"], "the doc's own store is left as it was"


def test_a_wrong_nested_piece_is_set_to_null():
    quote = {"id": "q1", "type": "indirect", "content": {"text": TEXT[:35], "spans": [[0, 35]]},
             "cue": {"text": "said", "span": [40, 39]}, "speaker": {"text": "he", "span": [37, 39]}}
    errors: list[str] = []
    guarded = guard_spans(TEXT, {"quotes": [quote], "claims": [{"id": "c1", "span": [0, 3], "text": "Two", "quote_id": "q1"}]}, errors)
    assert guarded["quotes"][0]["cue"] is None and guarded["quotes"][0]["speaker"] == quote["speaker"]
    assert guarded["claims"][0]["quote_id"] == "q1"
    assert errors == ["quotes q1: dropped its cue (span (40, 39) ends before it starts)"]


def test_a_quote_with_an_empty_content_piece_is_dropped_and_its_claim_loses_the_reference():
    quote = {"id": "q1", "type": "direct", "content": {"text": "", "spans": [[0, 3], [9, 9]]}}
    errors: list[str] = []
    guarded = guard_spans(TEXT, {"quotes": [quote], "claims": [{"id": "c1", "span": [0, 3], "text": "Two", "quote_id": "q1"}]}, errors)
    assert guarded["quotes"] == [] and guarded["claims"][0]["quote_id"] is None
    assert errors == ["quotes q1: dropped, content span (9, 9) covers no text (please report this input)"]


def test_record_building_never_emits_an_impossible_span():
    """A component bug (simulated by writing into the doc's store) reaches the record as an
    error, and the record still passes every check."""
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    doc.user_data[STORE_KEY] = {"quantities": [_quantity("n1", (0, 3), "Two"), _quantity("n2", (2, 1), "")], "errors": ["earlier problem"]}
    record = article_from_doc(doc).to_dict()
    assert [q["id"] for q in record["quantities"]] == ["n1"]
    assert record["errors"] == ["earlier problem", "quantities n2: dropped, span (2, 1) ends before it starts (please report this input)"]
    check_record(record, TEXT)


def _doc_with_results():
    from conflictnlp.model import Quantity, TextSpan

    doc = spacy.blank("en")(TEXT)
    doc._.quantities = [Quantity(id="n1", text="Two", span=(0, 3), value=2.0, kind="count")]
    doc._.locations = []
    return doc, TextSpan


def test_the_record_after_a_component_read_the_results_is_the_record_read_afresh():
    """The events component's read (article_for_component) is reused by the next record of the
    same Doc, for the lists that did not change; the record is the one built from scratch."""
    from conflictnlp.extensions import article_for_component

    doc, _ = _doc_with_results()
    fresh = article_from_doc(doc).to_dict()
    read = article_for_component(doc)
    doc._.quotes = []  # replaced between the read and the record: read again
    record = article_from_doc(doc)
    assert record.to_dict() == fresh
    assert record.quantities[0] is read.quantities[0], "the unchanged list was reused"
    # used once only: two records handed out never share items (one may be changed by its user)
    again = article_from_doc(doc)
    assert again.quantities[0] is not record.quantities[0] and again.to_dict() == fresh
    other = spacy.blank("en")(TEXT)
    article_for_component(doc)
    assert article_from_doc(other).quantities == [], "another Doc's record reads its own results"


def test_a_dropped_item_after_a_component_read_still_drops_its_references():
    from conflictnlp.extensions import article_for_component

    doc, _ = _doc_with_results()
    article_for_component(doc)
    store = doc.user_data[STORE_KEY]
    store["quantities"] = store["quantities"] + [_quantity("n2", (2, 1), "")]
    store["claims"] = [{"id": "c1", "text": TEXT[:35], "span": [0, 35], "quantities": ["n1", "n2"]}]
    record = article_from_doc(doc).to_dict()
    assert [q["id"] for q in record["quantities"]] == ["n1"]
    assert record["claims"][0]["quantities"] == ["n1"]
    assert record["errors"] == ["quantities n2: dropped, span (2, 1) ends before it starts (please report this input)"]
