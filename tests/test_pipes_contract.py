"""Our components behave as spaCy pipes: the error handler, edits through doc._, declarations."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language
from spacy.util import raise_error

from conflictnlp.components import ConflictComponent, set_error_handler
from conflictnlp.model import MultiSpan, Quote


class _Failing(ConflictComponent):
    def process(self, doc):
        raise RuntimeError("broken rule")


@Language.factory("test_failing_component")
def _make_failing(nlp: Language, name: str) -> _Failing:
    return _Failing(nlp, name)


@pytest.fixture()
def failing_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_failing_component", name="failing")
    return nlp


def test_default_error_handler_records_the_error_and_keeps_every_doc(failing_nlp):
    docs = list(failing_nlp.pipe(["one text.", "two texts."]))
    assert [d.text for d in docs] == ["one text.", "two texts."]
    assert all(d._.errors == ["failing: RuntimeError: broken rule"] for d in docs)
    assert failing_nlp("three.")._.errors == ["failing: RuntimeError: broken rule"]


def test_raise_error_handler_makes_a_component_error_raise(failing_nlp):
    set_error_handler(failing_nlp, raise_error)
    with pytest.raises(RuntimeError, match="broken rule"):
        failing_nlp("one text.")


def _quote(i: int) -> Quote:
    return Quote(id=f"q{i}", type="direct", content=MultiSpan(text="x", spans=[(0, 1)]))


def test_list_edits_through_doc_extension_persist():
    nlp = spacy.blank("en")
    doc = nlp("x y")
    doc._.quotes = [_quote(1)]
    doc._.quotes.append(_quote(2))
    assert [q.id for q in doc._.quotes] == ["q1", "q2"]
    del doc._.quotes[0]
    assert [q.id for q in doc._.quotes] == ["q2"]
    doc._.quotes += [_quote(3)]
    assert [q.id for q in doc._.article.quotes] == ["q2", "q3"]


def test_attribute_edit_on_a_read_item_raises_instead_of_vanishing():
    doc = spacy.blank("en")("x y")
    doc._.quotes = [_quote(1)]
    quote = doc._.quotes[0]
    with pytest.raises(AttributeError, match="dataclasses.replace"):
        quote.speaker_name = "Dmitry Peskov"
    with pytest.raises(AttributeError):
        quote.content.text = "y"
    doc._.quotes = [dataclasses.replace(quote, speaker_name="Dmitry Peskov")]
    assert doc._.quotes[0].speaker_name == "Dmitry Peskov"


def test_items_built_by_hand_stay_editable():
    quote = _quote(1)
    quote.speaker_name = "Dmitry Peskov"
    assert quote.speaker_name == "Dmitry Peskov"


def test_analyze_pipes_shows_what_every_component_assigns_and_no_problem(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    ours = [name for name, pipe in nlp.pipeline if isinstance(pipe, ConflictComponent)]
    assert {"article", "places", "measures", "dates", "quotes", "claims"} <= set(ours)
    for name in ours:
        assert analysis["summary"][name]["assigns"], name
        assert not analysis["problems"][name], (name, analysis["problems"][name])
    assert "doc._.quotes" in analysis["summary"]["claims"]["requires"]


@pytest.mark.slow
def test_custom_cue_lexicon_survives_to_disk_and_a_fresh_process_spacy_load(tmp_path):
    """A saved pipeline carries the custom lexicon it was built with, even once that file is gone."""
    import subprocess
    import sys
    from importlib import resources

    import conflictnlp

    packaged = resources.files("conflictnlp.data").joinpath("quote_cues.toml").read_text("utf-8")
    assert 'lemmas = [' in packaged
    custom = tmp_path / "my_cues.toml"
    # a made-up reporting verb, known to no lexicon but this one
    custom.write_text(packaged.replace("[clause]\n", "[clause]\n# custom\n", 1).replace('lemmas = [', 'lemmas = ["squawk", ', 1), "utf-8")
    text = "The spokesman squawked that the convoy had been hit."
    nlp = conflictnlp.load(config={"quotes": {"cues": str(custom)}})
    assert [q.cue.text for q in nlp(text)._.quotes if q.cue] == ["squawked"]
    nlp.to_disk(tmp_path / "pipeline")
    custom.unlink()
    script = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print([q.cue.text for q in nlp(sys.argv[2])._.quotes if q.cue])"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pipeline"), text], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['squawked']", out.stderr[-2000:]


def test_nlp_evaluate_scores_our_span_groups_against_gold_spans(nlp):
    from spacy.training import Example

    text = "Shelling hit Belgorod on Friday, the governor said."
    predicted = nlp(text)
    gold = nlp.make_doc(text)
    gold.spans["conflict_locations"] = [gold.char_span(13, 21)]
    gold.spans["conflict_dates"] = [gold.char_span(22, 31)]
    scores = nlp.evaluate([Example(nlp.make_doc(text), gold)])
    assert [s.text for s in predicted.spans["conflict_locations"]] == ["Belgorod"]
    assert scores["conflict_locations_f"] == 1.0
    assert 0.0 <= scores["conflict_dates_f"] <= 1.0


def test_make_doc_builds_the_parse_it_is_given():
    from tests.helpers import make_doc

    doc = make_doc("""
        Shelling shelling NOUN nsubj 1 NN
        hit hit VERB ROOT 1 VBD
        Kupiansk Kupiansk PROPN dobj 1 NNP
    """, ents=["O", "O", "B-GPE"])
    assert [t.head.i for t in doc] == [1, 1, 1] and [t.dep_ for t in doc] == ["nsubj", "ROOT", "dobj"]
    assert [t.tag_ for t in doc] == ["NN", "VBD", "NNP"] and [(e.text, e.label_) for e in doc.ents] == [("Kupiansk", "GPE")]
