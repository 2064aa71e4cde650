"""The sentence filter in front of the attribution encoder (quotes/prefilter.py), and the
tagger reading only what it passes, on hand-built Docs (no parser)."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from conflictnlp.quotes.prefilter import load_filter
from tests.helpers import BLANK_VOCAB

SENTENCES = [
    ("The weather was cold .", "the weather be cold ."),
    ("Officials said the depot burned .", "official say the depot burn ."),
    ("Smoke rose over the city .", "smoke rise over the city ."),
    ("“ We will rebuild , ” he added .", "“ we will rebuild , ” he add ."),
    ("Peskov : no comment .", "Peskov : no comment ."),
    ("According to the army , two died .", "accord to the army , two die ."),
]


def _doc(sentences=SENTENCES) -> Doc:
    words, lemmas, starts = [], [], []
    for text, lemma in sentences:
        tokens = text.split()
        words += tokens
        lemmas += lemma.split()
        starts += [True] + [False] * (len(tokens) - 1)
    return Doc(BLANK_VOCAB, words=words, lemmas=lemmas, sent_starts=starts)


def _read(doc, ranges):
    return [doc[s:e].text for s, e in ranges]


def test_sentences_with_a_cue_lemma_a_quotation_mark_a_colon_or_according_are_read_as_runs():
    doc = _doc()
    assert _read(doc, load_filter().ranges(doc)) == [
        "Officials said the depot burned .",
        "“ We will rebuild , ” he added . Peskov : no comment . According to the army , two died .",
    ]


def test_a_sentence_holding_an_explained_token_is_not_read():
    doc = _doc()
    explained = np.zeros(len(doc), dtype=bool)
    explained[[t.i for t in doc if t.text == "said"]] = True
    assert _read(doc, load_filter().ranges(doc, explained))[0].startswith("“ We will rebuild")


def test_without_sentences_or_lemmas_everything_is_read():
    vocab = BLANK_VOCAB
    assert load_filter().ranges(Doc(vocab, words=["He", "said", "so"])) is None
    assert load_filter().ranges(Doc(vocab, words=["He", "said", "so"], sent_starts=[True, False, False])) is None
    assert load_filter().ranges(Doc(vocab, words=[])) == []


def test_a_custom_cue_lexicon_adds_its_lemmas(tmp_path):
    from importlib import resources

    lexicon = resources.files("conflictnlp.data").joinpath("quote_cues.toml").read_text("utf-8")
    custom = tmp_path / "cues.toml"
    custom.write_text(lexicon.replace('"say", "tell",', '"say", "tell", "rise",', 1), encoding="utf-8")
    doc = _doc()
    assert "Smoke rose over the city ." not in _read(doc, load_filter().ranges(doc))
    assert "Smoke rose over the city ." in " ".join(_read(doc, load_filter(str(custom)).ranges(doc)))


def test_the_tagger_reads_only_the_filtered_sentences():
    pytest.importorskip("onnxruntime")
    from conflictnlp.quotes.tagger import AttributionTagger

    tagger = AttributionTagger(spacy.blank("en"), "attribution_tagger", "conflict_spancat", 16, 1, read="filtered")
    doc = _doc()
    read = tagger.reading_ranges(doc)
    assert read is not None and sum(e - s for s, e in read) < len(doc)
    with pytest.raises(ValueError, match="read must be one of"):
        AttributionTagger(spacy.blank("en"), "attribution_tagger", "conflict_spancat", 16, 1, read="some")
