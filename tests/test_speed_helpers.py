"""The per-Doc helpers that save time give what they replace: entity bounds from the arrays,
the Doc's text from the text it was made from."""

import spacy
from spacy.tokens import Doc

from conflictnlp.extensions import doc_text, entity_bounds
from conflictnlp.pipeline import make_doc
from conflictnlp.reading.sources import read_record
from tests.helpers import BLANK_VOCAB


def _bounds_by_walk(doc: Doc) -> list[tuple[int, int, int]]:
    found, i = [], 0
    while i < len(doc):
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        found.append((i, end, doc[i].ent_type))
        i = end
    return found


def test_entity_bounds_match_a_walk_over_the_tags():
    vocab = BLANK_VOCAB
    words = ["Kyiv", "and", "New", "York", "City", "said", "Moscow", "Oblast", "UN", "envoy", "x"]
    # adjacent entities, an entity at the end of the Doc, an I tag with no B before it (missing tag "")
    ents = ["B-GPE", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERSON"]
    doc = Doc(vocab, words=words, ents=ents)
    assert entity_bounds(doc) == _bounds_by_walk(doc) == [(s.start, s.end, s.label) for s in doc.ents]
    orphan = Doc(vocab, words=["a", "b", "c", "d"], ents=["I-GPE", "I-GPE", "", "B-GPE"])
    assert entity_bounds(orphan) == _bounds_by_walk(orphan) == [(3, 4, vocab.strings["GPE"])]
    assert entity_bounds(Doc(vocab, words=[])) == []
    assert entity_bounds(Doc(vocab, words=["no", "entities"])) == []


def test_doc_text_is_the_text_the_doc_was_made_from():
    nlp = spacy.blank("en")
    text = "KYIV (AP) \u2014 Two  people\n\nwere killed,\u00a0he said. "
    doc = make_doc(nlp, read_record({"text": text}))
    assert doc_text(doc) is text and doc.text == text
    plain = nlp("Made without make_doc.")
    assert doc_text(plain) == plain.text
