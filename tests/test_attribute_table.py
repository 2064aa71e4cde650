"""The attribute table gives exactly spaCy's attribute_ruler results (attribute_table.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from conflictnlp.attribute_table import AttributeTable, use_attribute_table
from conflictnlp.pipeline import default_base_model
from tests.conftest import EXAMPLES, FIXTURES

TEXTS = [
    "I'd say it won't happen, but she's been there. Didn't they? Nothin' was done 'cause we're late.",
    "The Kremlin said it had nothing to do with the attack. Whether or not that's true, it's unclear.",
    "Gimme those!  Them folks ain't gonna wanna see you   now.\n\nThat which was said is done.",
    "There were five of them, y'all. C'mon, let's go: we gotta leave. There's no time, it is said.",
]


@pytest.fixture(scope="module")
def pair():
    stock = spacy.load(default_base_model())
    fast = spacy.load(default_base_model())
    use_attribute_table(fast)
    return stock, fast


def _texts() -> list[str]:
    found = list(TEXTS)
    found += [path.read_text("utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    found += [path.read_text("utf-8", errors="replace") for path in sorted((FIXTURES / "reading").glob("*.txt"))][:8]
    return found


def test_the_table_replaces_the_ruler_of_the_english_pipeline(pair):
    _, fast = pair
    assert type(fast.get_pipe("attribute_ruler")) is AttributeTable
    assert fast.get_pipe("attribute_ruler").table() is not None


def test_same_tags_parts_of_speech_morphology_and_lemmas(pair):
    stock, fast = pair
    texts = _texts()
    tokens = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts)):
        assert [t.text for t in a] == [t.text for t in b]
        tokens += len(a)
        assert (a.to_array([TAG, POS, MORPH, LEMMA]) == b.to_array([TAG, POS, MORPH, LEMMA])).all(), a.text[:60]
    assert tokens > 2000


def test_operators_and_multi_token_patterns_follow_the_ruler(pair):
    _, fast = pair
    patterns = [
        {"patterns": [[{"LOWER": {"IN": ["strike", "strikes"]}, "TAG": {"IN": ["NN", "NNS"]}}]], "attrs": {"LEMMA": "STRIKE"}},
        {"patterns": [[{"LOWER": {"REGEX": "^kyiv$"}}]], "attrs": {"POS": "PROPN", "LEMMA": "Kyiv!"}},
        {"patterns": [[{"LOWER": "fuel"}, {"LOWER": "depot"}]], "attrs": {"LEMMA": "DEPOT"}, "index": -1},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", "DT", ""]}, "LOWER": "the"}]], "attrs": {"LEMMA": "never"}},
        # a later rule overrides an earlier one on the same token
        {"patterns": [[{"LOWER": "strike"}]], "attrs": {"LEMMA": "LAST"}},
    ]
    results = []
    for make in (lambda nlp: AttributeRuler(nlp.vocab), lambda nlp: AttributeTable(nlp.vocab)):
        nlp = spacy.load(default_base_model(), exclude=["attribute_ruler", "lemmatizer"])
        ruler = make(nlp)
        ruler.add_patterns(patterns)
        doc = ruler(nlp("The strike hit a fuel depot in Kyiv; more strikes followed."))
        results.append([(t.text, t.pos_, t.lemma_) for t in doc])
    assert results[0] == results[1]
    lemmas = dict((text, lemma) for text, _, lemma in results[1])
    assert (lemmas["strike"], lemmas["strikes"], lemmas["depot"], lemmas["fuel"], lemmas["Kyiv"]) == ("LAST", "STRIKE", "DEPOT", "", "Kyiv!")


def test_patterns_of_several_tokens_are_looked_for_only_where_one_may_start():
    """The Matcher of the patterns of several tokens runs only on a Doc with a token that
    passes the tests of a first token; a first token beyond the table always runs it."""
    nlp = spacy.load(default_base_model(), exclude=["attribute_ruler", "lemmatizer"])
    table = AttributeTable(nlp.vocab)
    table.add([[{"LOWER": "fuel"}, {"LOWER": "depot"}]], {"LEMMA": "DEPOT"}, index=-1)
    compiled = table.table()
    assert compiled is not None and compiled.multi_firsts is not None
    calls = []
    matcher = compiled.multi
    compiled.multi = lambda doc, **kwargs: calls.append(doc.text) or matcher(doc, **kwargs)
    assert [t.lemma_ for t in table(nlp("A depot burned."))] == ["", "", "", ""]
    assert calls == []
    lemmas = [t.lemma_ for t in table(nlp("A fuel truck, a fuel depot and the fuel depot"))]
    assert [i for i, lemma in enumerate(lemmas) if lemma == "DEPOT"] == [6, 10]
    assert calls == ["fuel truck", "fuel depot", "fuel depot"]  # a window of two at each "fuel"
    table.add([[{"LOWER": "fuel", "OP": "?"}, {"LOWER": "depot"}]], {"LEMMA": "DEPOT"}, index=-1)
    assert table.table() is not None and table.table().multi_firsts is None and table.table().multi_length is None
    assert [t.lemma_ for t in table(nlp("A depot burned."))][1] == "DEPOT"


def test_a_pattern_beyond_the_table_runs_the_ruler_as_spacy_does():
    nlp = spacy.blank("en")
    table = AttributeTable(nlp.vocab)
    table.add([[{"LENGTH": 5}]], {"LEMMA": "five"})
    assert table.table() is None
    assert [t.lemma_ for t in table(nlp("seven six"))] == ["five", ""]


@pytest.mark.slow
def test_a_saved_pipeline_loads_it_in_a_fresh_process(tmp_path, pair):
    _, fast = pair
    fast.to_disk(tmp_path / "nlp")
    code = (
        "import spacy; nlp = spacy.load(%r); "
        "print(type(nlp.get_pipe('attribute_ruler')).__name__, [t.pos_ for t in nlp('She has been there.')])"
    ) % str(tmp_path / "nlp")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "AttributeTable ['PRON', 'AUX', 'AUX', 'ADV', 'PUNCT']"


def test_the_lemma_table_gives_the_lemmatizers_lemmas_also_across_memory_zones(pair):
    """``use_lemma_table`` keeps the rule lemmatizer's answers per (word, part of speech,
    morphology): the same lemmas as spaCy's, also for a second Doc read in a fresh memory zone
    (whose strings the first zone's end removed)."""
    from conflictnlp.attribute_table import LemmaTable, use_lemma_table

    stock, _ = pair
    table = spacy.load(default_base_model())
    use_attribute_table(table)
    use_lemma_table(table)
    lemmatizer = table.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LemmaTable)
    texts = _texts() + ["Zelenskyy's aides were briefed; the Quxlified drones are quxlifying."]
    for _ in range(2):
        with stock.memory_zone(), table.memory_zone():
            for a, b in zip(stock.pipe(texts), table.pipe(texts)):
                assert [t.lemma_ for t in a] == [t.lemma_ for t in b], a.text[:60]
    assert {"zelenskyy", "aide", "brief"} <= set(lemmatizer._lemma_table.values())
