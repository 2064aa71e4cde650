"""The transformer B/I/O attribution tagger: decoding, windows, the ONNX component on a tiny
hand-made model, and training + packaging a tiny encoder (no gold set outside the repository, no real weights)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import DocBin

import conflictnlp
from conflictnlp.pipeline import attribution_addon
from conflictnlp.quotes.component import QuotesComponent
from conflictnlp.quotes.tagger import (
    ROLES,
    TAG_B,
    TAG_I,
    TAG_O,
    TAGS_PER_ROLE,
    cut_windows,
    decode,
    encode_windows,
    real_tokens,
    role_tags,
    tag_spans,
    viterbi,
    viterbi_batch,
)
from conflictnlp.training.convert import CONTENT, CUE, SOURCE, SPANS_KEY, convert
from tests.helpers import BLANK_VOCAB

TRAINING_FIXTURES = Path(__file__).parent / "fixtures" / "training"
TEXT = "Officials said that two Grad rockets hit the depot.\n\nThe brigade reported shelling."


def _tokenizer(words):
    """A tiny word-level tokenizer (lower-cased, split on whitespace and punctuation)."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3}
    for word in words:
        vocab.setdefault(word.lower(), len(vocab))
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return tokenizer


def _doc(text=TEXT, spans=()):
    nlp = spacy.blank("en")
    doc = nlp(text)
    doc.spans[SPANS_KEY] = [doc.char_span(s, e, label=label) for s, e, label in spans]
    return doc


def _one_hot(tags: np.ndarray) -> np.ndarray:
    """Logits that make ``tags`` (n, roles) the certain answer."""
    logits = np.full((len(tags), len(ROLES) * TAGS_PER_ROLE), -10.0, dtype=np.float32)
    for r in range(len(ROLES)):
        logits[np.arange(len(tags)), r * TAGS_PER_ROLE + tags[:, r]] = 10.0
    return logits


def test_viterbi_never_puts_inside_after_outside():
    # argmax alone would read O I I: the best valid reading starts the span with B
    log_probs = np.log(np.array([[0.6, 0.1, 0.3], [0.1, 0.3, 0.6], [0.1, 0.2, 0.7], [0.9, 0.05, 0.05]]))
    path = viterbi(log_probs)
    assert list(path) in ([TAG_B, TAG_I, TAG_I, TAG_O], [TAG_O, TAG_B, TAG_I, TAG_O])
    assert all(not (a == TAG_O and b == TAG_I) for a, b in zip(path, path[1:]))
    assert tag_spans(np.array([TAG_B, TAG_I, TAG_O, TAG_B, TAG_B, TAG_I])) == [(0, 2), (3, 4), (4, 6)]


def test_batched_viterbi_finds_the_best_valid_path_of_each_row_whatever_its_length():
    import itertools

    rng = np.random.default_rng(7)
    lengths = np.array([5, 1, 3, 0, 4])
    log_probs = np.log(rng.dirichlet(np.ones(3), size=(len(lengths), 5)))
    paths = viterbi_batch(log_probs, lengths)
    for row, n in enumerate(lengths):
        valid = [p for p in itertools.product((TAG_O, TAG_B, TAG_I), repeat=int(n)) if (not p or p[0] != TAG_I) and all(not (a == TAG_O and b == TAG_I) for a, b in zip(p, p[1:]))]
        best = max(valid, key=lambda p: sum(log_probs[row, t, tag] for t, tag in enumerate(p)))
        assert tuple(paths[row, :n]) == best
        assert not paths[row, n:].any()  # past the row's length: O


def test_gold_tags_decode_back_to_the_gold_spans_and_roles_may_nest():
    # the content holds the source and cue of a nested report
    text = "Kyiv said that Moscow claimed victory."
    doc = _doc(text, [(0, 4, SOURCE), (5, 9, CUE), (15, 37, CONTENT), (15, 21, SOURCE), (22, 29, CUE), (30, 37, CONTENT)])
    tags = role_tags(doc, doc.spans[SPANS_KEY])
    tokens = real_tokens(doc)
    found = {(doc[s:e].text, label) for s, e, label, score in decode(doc, tokens, _one_hot(tags[tokens]))}
    # one layer per role: the longer of two overlapping contents wins
    assert found == {("Kyiv", SOURCE), ("said", CUE), ("Moscow claimed victory", CONTENT), ("Moscow", SOURCE), ("claimed", CUE)}


def test_windows_fit_the_budget_and_prefer_a_paragraph_break():
    doc = _doc()
    tokens = real_tokens(doc)
    windows = cut_windows(doc, tokens, [1] * len(tokens), 12)
    assert windows[0] == (0, 10)  # up to the paragraph break after "depot."
    assert all(end - start <= 12 for start, end in windows)
    assert [t for s, e in windows for t in tokens[s:e]] == tokens  # every token once, in order
    # no paragraph break in reach: cut after a sentence end
    doc = _doc("One said so. Two said no. Three said yes.")
    tokens = real_tokens(doc)
    assert cut_windows(doc, tokens, [1] * len(tokens), 10)[0] == (0, 8)


def test_encoded_windows_point_at_each_tokens_first_piece():
    doc = _doc()
    tokenizer = _tokenizer([t.text for t in doc])
    (ids, firsts, tokens), *rest = encode_windows(doc, tokenizer, 12, 2, 3)
    assert ids[0] == 2 and ids[-1] == 3
    assert [ids[f] for f in firsts] == [tokenizer.token_to_id(doc[t].text.lower()) for t in tokens]
    assert not any(doc[t].is_space for w in [(ids, firsts, tokens), *rest] for t in w[2])


def _tiny_onnx(tokenizer, word_tags: dict[str, tuple[int, int, int]]) -> bytes:
    """An ONNX model whose logits depend on the piece id only: a lookup table."""
    pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    table = np.full((tokenizer.get_vocab_size(), len(ROLES) * TAGS_PER_ROLE), -5.0, dtype=np.float32)
    table[:, [r * TAGS_PER_ROLE + TAG_O for r in range(len(ROLES))]] = 5.0
    for word, tags in word_tags.items():
        row = tokenizer.token_to_id(word)
        table[row] = -5.0
        for r, tag in enumerate(tags):
            table[row, r * TAGS_PER_ROLE + tag] = 5.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "input_ids"], ["logits"], axis=0)],
        "lookup",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "s"]), helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "s"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["b", "s", len(ROLES) * TAGS_PER_ROLE])],
        [numpy_helper.from_array(table, "table")],
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]).SerializeToString()


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory) -> Path:
    """Trained attribution components around a lookup-table 'encoder'."""
    pytest.importorskip("onnxruntime")
    words = "officials said that two grad rockets hit the depot . the brigade reported shelling".split()
    tokenizer = _tokenizer(words)
    # source, cue, content tag of each word
    tags = {"officials": (TAG_B, TAG_O, TAG_O), "said": (TAG_O, TAG_B, TAG_O), "that": (TAG_O, TAG_O, TAG_B), "two": (TAG_O, TAG_O, TAG_I), "grad": (TAG_O, TAG_O, TAG_I), "rockets": (TAG_O, TAG_O, TAG_I), "hit": (TAG_O, TAG_O, TAG_I), "the": (TAG_O, TAG_O, TAG_I), "depot": (TAG_O, TAG_O, TAG_I)}
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("conflict_attribution_tagger", name="attribution_tagger")
    pipe.set_model(_tiny_onnx(tokenizer, tags), tokenizer.to_str(), {"max_pieces": 64, "cls_id": 2, "sep_id": 3})
    nlp.add_pipe("conflict_quotes_learned", name="quotes", config={"with_rules": False})
    from conflictnlp.quotes.labels import ADDON_META_KEY

    nlp.meta[ADDON_META_KEY] = {"components": nlp.pipe_names, "base_model": None}
    path = tmp_path_factory.mktemp("tagger") / "model"
    nlp.to_disk(path)
    return path


def test_tagger_spans_link_into_quotes_with_offsets_into_the_text(tiny_package):
    assert attribution_addon(tiny_package)["components"] == ["attribution_tagger", "quotes"]
    nlp = conflictnlp.load(attribution=tiny_package, enable=["article", "quotes"])
    assert nlp.pipe_names[-2:] == ["attribution_tagger", "quotes"]
    text = "Officials said that two Grad rockets hit the depot."
    doc = nlp(text)
    spans = {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
    assert spans == {("Officials", SOURCE), ("said", CUE), ("that two Grad rockets hit the depot", CONTENT)}
    assert all(0.9 < score <= 1.0 for score in doc.spans[SPANS_KEY].attrs["scores"])
    (quote,) = doc._.quotes
    assert (quote.speaker.text, quote.cue.text, quote.content.text) == ("Officials", "said", "that two Grad rockets hit the depot")
    for s, e in quote.content.spans:
        assert text[s:e] == "that two Grad rockets hit the depot"
    assert text[slice(*quote.speaker.span)] == "Officials" and text[slice(*quote.cue.span)] == "said"


def test_tagger_pipe_matches_single_docs_and_survives_an_empty_one(tiny_package):
    nlp = conflictnlp.load(attribution=tiny_package, enable=["article", "quotes"])
    texts = ["", "Officials said that two Grad rockets hit the depot.", "\n\n", "The brigade reported shelling."]
    piped = [[(q.cue.text, q.content.text) for q in doc._.quotes] for doc in nlp.pipe(texts, batch_size=3)]
    single = [[(q.cue.text, q.content.text) for q in nlp(t)._.quotes] for t in texts]
    assert piped == single
    assert piped[1] == [("said", "that two Grad rockets hit the depot")]


def _tiny_encoder(folder: Path, docs) -> Path:
    """A randomly initialised one-layer BERT with a word-level tokenizer, saved like a Hugging Face model."""
    transformers = pytest.importorskip("transformers")
    tokenizer = _tokenizer(sorted({t.text for doc in docs for t in doc if not t.is_space}))
    config = transformers.BertConfig(
        vocab_size=tokenizer.get_vocab_size(), hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64, max_position_embeddings=64
    )
    transformers.BertModel(config).save_pretrained(folder)
    tokenizer.save(str(folder / "tokenizer.json"))
    return folder


@pytest.mark.slow
def test_training_a_tiny_encoder_learns_the_fixture_quotes_and_packages_for_load(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("onnxruntime")
    from conflictnlp.training.encoder import package, train_tagger

    doc_bin, _ = convert(spacy.blank("en"), TRAINING_FIXTURES / "polnear.jsonl", "polnear")
    docs = list(doc_bin.get_docs(BLANK_VOCAB))
    data = tmp_path / "train.spacy"
    DocBin(docs=docs * 4).to_disk(data)
    encoder = _tiny_encoder(tmp_path / "encoder", docs)
    config = {
        "tagger": {"encoder": str(encoder), "max_pieces": 64},
        "training": {"held_aside": 0, "max_steps": 60, "batch_pieces": 256, "learning_rate": 0.003, "warmup": 0.05, "eval_every": 30, "checkpoint_every": 20, "threads": 1},
    }
    run = tmp_path / "run"
    best = train_tagger(config, run, train_path=data, dev_path=data)
    assert best["dev"]["mean_f"] == 1.0, best
    log = [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log] == [30, 60]
    # a rerun resumes from the last checkpoint: nothing left to do
    assert train_tagger(config, run, train_path=data, dev_path=data)["step"] == best["step"]
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "MODEL_CARD.md").write_text("card")
    (tmp_path / "package" / "stale.onnx").write_text("old")
    package(run, tmp_path / "package", quantize=False, with_rules=False, license="research use only")
    assert json.loads((tmp_path / "package" / "meta.json").read_text())["license"] == "research use only"
    assert (tmp_path / "package" / "MODEL_CARD.md").read_text() == "card"  # the card stays, old files go
    assert not (tmp_path / "package" / "stale.onnx").exists()
    nlp = conflictnlp.load(attribution=tmp_path / "package", enable=["article", "quotes"])
    doc = nlp("The 93rd Mechanized Brigade reported heavy shelling near Bakhmut.")
    assert [(q.speaker.text, q.cue.text, q.content.text) for q in doc._.quotes] == [("The 93rd Mechanized Brigade", "reported", "heavy shelling near Bakhmut")]


def test_loading_without_onnxruntime_says_what_to_install(tiny_package, monkeypatch):
    import importlib.util

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnxruntime" else find_spec(name, *a))
    with pytest.raises(ImportError, match=r"conflictnlp\[trained\]"):
        conflictnlp.load(attribution=tiny_package, enable=["article", "quotes"])


def test_a_cue_takes_one_content_unless_the_next_piece_continues_it():
    from conflictnlp.quotes.learned import LearnedQuotesComponent

    nlp = spacy.blank("en")
    linker = LearnedQuotesComponent(nlp, "quotes", SPANS_KEY, 60, False, False)
    # the second content's own cue ("feared") was not found: it is not the officials' words
    text = "Officials said the depot burned, and residents feared that more strikes would come."
    parts = [("Officials", SOURCE), ("said", CUE), ("the depot burned", CONTENT), ("that more strikes would come", CONTENT)]
    doc = _doc(text, [(text.index(p), text.index(p) + len(p), label) for p, label in parts])
    linker(doc)
    assert [(q.cue.text, q.content.text) for q in doc._.quotes] == [("said", "the depot burned")]
    # pieces split around the cue, or touching, are one content
    text = "“We will not retreat,” the commander said on Monday, “not one step.”"
    parts = [("the commander", SOURCE), ("said", CUE), ("“We will not retreat,”", CONTENT), ("“not one", CONTENT), ("step.”", CONTENT)]
    doc = _doc(text, [(text.index(p), text.index(p) + len(p), label) for p, label in parts])
    linker(doc)
    ((quote),) = doc._.quotes
    assert [text[s:e] for s, e in quote.content.spans] == ["“We will not retreat,”", "“not one", "step.”"]


def test_a_tagger_reading_after_the_rules_skips_the_sentences_their_quotes_explain(tiny_package):
    nlp = conflictnlp.load(attribution=tiny_package, enable=["article", "quotes"])
    text = "Officials said that two Grad rockets hit the depot. The weather was cold."
    # alone (no rules), a waiting tagger still reads the filtered sentences
    nlp.get_pipe("attribution_tagger").read = "after_rules"
    assert [q.cue.text for q in nlp(text)._.quotes] == ["said"]
    # with the rules first, their quote explains the first sentence: the encoder reads nothing
    nlp.get_pipe("quotes").rules = QuotesComponent(nlp, "rules")
    doc = nlp(text)
    assert [q.cue.text for q in doc._.quotes] == ["said"]
    assert len(doc.spans.get(SPANS_KEY, [])) == 0
