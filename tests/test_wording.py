"""Messages count in words a person reads without stumbling: "1 file", "2 files"."""

from __future__ import annotations

from conflictnlp.batch.runner import ExtractSummary
from conflictnlp.training.convert import ConversionReport
from conflictnlp.wording import count


def test_count_says_one_thing_and_many_things():
    assert count(1, "file") == "1 file"
    assert count(0, "file") == "0 files"
    assert count(2, "story", "stories") == "2 stories"
    assert count(1, "part was", "parts were") == "1 part was"


def test_extract_summary_says_one_record_and_one_file():
    summary = ExtractSummary(records=1, with_errors=0, skipped=[("a.pdf", "not a text format")], resumed_parts=1)
    first, resumed, *_ = summary.lines()
    assert first == "1 record written, 1 processed cleanly, 0 with errors, 1 file skipped"
    assert resumed == "  resumed: 1 part was already done by an earlier run"


def test_conversion_report_says_one_span():
    assert ConversionReport(records=1, spans=1, quotes=1).lines()[0] == "1 text, 1 span, 1 quote"


def test_an_output_name_that_is_no_format_is_refused_before_any_work(tmp_path):
    from typer.testing import CliRunner

    from conflictnlp.cli import EXIT_USAGE, app

    (tmp_path / "a.txt").write_text("Officials said two people were killed.", encoding="utf-8")
    for name in ("x.txt", "x.json", "x.csv"):
        result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / name)])
        assert result.exit_code == EXIT_USAGE, result.stderr
        assert result.stderr == f"conflictnlp: cannot tell the output format from {name!r}: name it .jsonl or .parquet, or add --format jsonl\n"
        assert not (tmp_path / name).exists() and not list(tmp_path.glob(f"{name}*"))
    merged = CliRunner().invoke(app, ["merge", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "m.txt")])
    assert merged.exit_code == EXIT_USAGE and "cannot tell the output format from 'm.txt'" in merged.stderr


def test_output_format_follows_the_suffix_or_the_format_given():
    from pathlib import Path

    from conflictnlp.batch.merge import output_format

    assert output_format(Path("a.jsonl")) == "jsonl" and output_format(Path("a.PARQUET")) == "parquet"
    assert output_format(Path("shard-0-of-2")) == "jsonl"
    assert output_format(Path("a.txt"), "jsonl") == "jsonl"  # said outright, any name goes


def test_evaluation_tables_print_n_a_where_there_is_no_gold_or_no_prediction():
    from conflictnlp.evaluation.scoring import PRF, format_table, prf_cells

    no_gold = PRF(tp=0, fp=3, fn=0).as_dict()  # predictions, none right, nothing to find
    nothing = PRF().as_dict()
    scored = PRF(tp=1, fp=1, fn=1).as_dict()
    assert prf_cells(no_gold) == [0.0, None, None]
    assert prf_cells(nothing) == [None, None, None]
    assert prf_cells(scored) == [0.5, 0.5, 0.5]
    table = format_table([["mixed", *prf_cells(nothing), 0], ["direct", *prf_cells(scored), 2]], ["subset", "P", "R", "F1", "gold"])
    assert table.splitlines()[2].split() == ["mixed", "n/a", "n/a", "n/a", "0"]
    assert "0.000" not in table.splitlines()[2]


def test_the_quotes_table_has_no_zero_row_for_a_subset_without_gold():
    from conflictnlp.evaluation.quotes import render

    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    report = {"gold": "g.jsonl", "documents": 1, "gold_relations": 0, "predicted_quotes": 0, "model": "m", "attribution": "rules",
              "scores": {"mixed": {"content": {"exact": empty, "soft": empty}}}}
    assert render(report).splitlines()[-1].split() == ["mixed", "content", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "0"]


def _article_with_a_toll_and_a_long_claim():
    from conflictnlp.model import Article, Casualty, Claim, Quantity

    text = "At least 13 soldiers were killed. " + "The convoy was hit on the road to the front, officials said, " * 3
    toll = Quantity(id="n1", text="13 soldiers", span=(9, 20), value=13, concept="soldiers",
                    casualty=Casualty(role="killed", who="soldiers", bound="at_least", low=13))
    claims = [Claim(id=f"c{i}", text=text[34:], span=(34, len(text))) for i in range(1, 4)]
    return Article(id="a1", text=text, body=(0, len(text)), quantities=[toll], claims=claims), text[34:]


def test_show_says_what_a_toll_says_happened_and_shows_whole_texts_on_request():
    from conflictnlp.report import render_article_text

    article, long_text = _article_with_a_toll_and_a_long_claim()
    shown = render_article_text(article)
    assert "quantity '13 soldiers' = 13 [count: soldiers; toll: killed, at least, who: soldiers]" in shown
    assert long_text.strip() not in shown and "…" in shown  # cut at 90 characters by default
    assert long_text.strip() in render_article_text(article, width=None)
    assert "more claims" in render_article_text(article, items=2)
    assert "more claims" not in render_article_text(article, items=None)


def test_show_width_and_full_options(tmp_path):
    import json

    from typer.testing import CliRunner

    from conflictnlp.cli import app

    article, long_text = _article_with_a_toll_and_a_long_claim()
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(article.to_dict()) + "\n", encoding="utf-8")
    narrow = CliRunner().invoke(app, ["show", str(path), "--width", "20", "--items", "1"])
    assert narrow.exit_code == 0, narrow.stderr
    claim_lines = [line for line in narrow.stdout.splitlines() if line.startswith("   claim")]
    assert len(claim_lines) == 1 and claim_lines[0].endswith("The convoy was hit …")
    full = CliRunner().invoke(app, ["show", str(path), "--full", "--items", "1", "--width", "20"])
    assert full.stdout.count(long_text.strip()) == 3


def test_train_writes_no_colour_codes_into_a_redirected_log(monkeypatch, tmp_path):
    import wasabi
    from typer.testing import CliRunner
    from wasabi import Printer, row

    from conflictnlp.cli import app

    for name in ("WASABI_LOG_FRIENDLY", "ANSI_COLORS_DISABLED"):
        monkeypatch.delenv(name, raising=False)  # restored when the test ends
    monkeypatch.setattr(wasabi.msg, "show_color", True)

    def fake_train(*args, **kwargs):  # prints as spaCy's training loop and its console logger do
        wasabi.msg.good("Initialized pipeline")
        print(Printer().text("Saved pipeline", color="green", no_print=True))
        print(row(["E", "#", "LOSS"], fg_colors=["red", None, "green"]))

    monkeypatch.setattr("conflictnlp.training.train.train", fake_train)
    for name in ("train.spacy", "dev.spacy"):
        (tmp_path / name).write_bytes(b"")
    result = CliRunner().invoke(app, ["train", "attribution_cnn", "--train", str(tmp_path / "train.spacy"), "--dev", str(tmp_path / "dev.spacy")])
    assert result.exit_code == 0, result.stderr
    assert "Initialized pipeline" in result.stdout and "LOSS" in result.stdout
    assert "\x1b[" not in result.stdout


def test_no_tqdm_warning_about_notebook_widgets():
    """huggingface_hub (through spacy-transformers' entry points) imports tqdm.auto, which in a
    notebook without ipywidgets warns "IProgress not found"; conflictnlp silences that one."""
    import warnings

    from tqdm import TqdmWarning

    from conflictnlp.pipeline import silence_widget_warning

    with warnings.catch_warnings(record=True) as caught:
        silence_widget_warning()  # what load() does before spacy.load
        warnings.warn("IProgress not found. Please update jupyter and ipywidgets.", TqdmWarning, stacklevel=1)
        warnings.warn("another tqdm warning", TqdmWarning, stacklevel=1)
    assert [str(w.message) for w in caught] == ["another tqdm warning"]


def test_show_names_an_unnamed_pronoun_speaker_by_role_and_does_not_repeat_a_role():
    from conflictnlp.model import Article, MultiSpan, Quote, TextSpan
    from conflictnlp.report import render_article_text

    text = "A doctor at the hospital put the toll higher. “We have 14 bodies,” she said. Survivors say the trucks carried flour."
    she, survivors = text.index("she said"), text.index("Survivors")
    quotes = [
        Quote(id="q1", type="direct", content=MultiSpan(text="We have 14 bodies,", spans=[(47, 65)]), cue=TextSpan("said", (she + 4, she + 8)),
              speaker=TextSpan("she", (she, she + 3)), speaker_role="doctor at the hospital"),
        Quote(id="q2", type="indirect", content=MultiSpan(text="the trucks carried flour", spans=[(survivors + 14, len(text) - 1)]),
              cue=TextSpan("say", (survivors + 10, survivors + 13)), speaker=TextSpan("Survivors", (survivors, survivors + 9)), speaker_role="Survivors"),
    ]
    shown = render_article_text(Article(id="a1", text=text, body=(0, len(text)), quotes=quotes))
    assert "quote [direct] doctor at the hospital «said»" in shown
    assert "quote [indirect] Survivors «say»" in shown and "(Survivors)" not in shown
