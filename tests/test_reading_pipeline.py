"""Reading through the pipeline: the article component sets body, title and date, and
nothing is extracted from outside the body."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.pipeline import process
from conflictnlp.reading import find_layout, iter_inputs

from .conftest import assert_offsets

# The trailer repeats the article's kinds of content (places, distances, counts, dates, a
# quote), so anything read from outside the body would show up in the record.
ARTICLE_WITH_TRAILERS = (
    "Skip to main content\n\nWorld\n\n"
    "Drone strike on aid convoy near Kupiansk kills three, officials say\n\n"
    "April 1, 2022 11:05am\n\nUpdated: April 2, 2022 1:44pm\n\n"
    "Three civilians were killed on Tuesday when drones struck a 30-truck aid convoy about 40 kilometers "
    "(25 miles) from the Russian border, said Oleh Kovalenko, head of the district administration.\n\n"
    "\"They knew exactly what they were hitting,\" Mr.\u00a0Kovalenko said.\n\n"
    "Related Topics\n\nUkraine\n\n"
    "Please enter your comment!\n\n"
    "dnipro_dan\n\nFive trucks burned in Kharkiv on Feb. 24, 12 miles from Belgorod, \"it was worse,\" he said.\n\n"
    "SkepticalSteve\n\n@dnipro_dan 300 people saw it in Sumy on Monday.\n\n"
    "dnipro_dan\n\nI was 20 km away in Izium.\n"
)


def test_extract_keeps_every_span_inside_the_body(nlp):
    result = conflictnlp.extract(ARTICLE_WITH_TRAILERS, nlp=nlp)
    record = result.to_dict()
    start, end = record["body"]
    body = ARTICLE_WITH_TRAILERS[start:end]
    assert body.startswith("Drone strike on aid convoy")
    assert body.endswith("Mr.\u00a0Kovalenko said.")
    assert record["title"] == "Drone strike on aid convoy near Kupiansk kills three, officials say"
    assert record["published"] == "2022-04-01"
    assert_offsets(record)
    found = [item for key in ("locations", "distances", "quantities", "dates") for item in record[key]]
    found += [{"span": span} for quote in record["quotes"] for span in quote["content"]["spans"]]
    assert found, "the body's places, figures and dates should be found"
    assert all(item["span"][1] <= end for item in found)


def test_given_metadata_wins_over_the_dateline_and_headline(nlp):
    result = conflictnlp.extract(ARTICLE_WITH_TRAILERS, published="2022-04-02", title="Given", nlp=nlp)
    assert (result.published, result.title) == ("2022-04-02", "Given")


def test_records_from_files_carry_the_reading_layout(nlp, fixtures_dir):
    folder = fixtures_dir / "reading"
    names = ["comments_no_marker.txt", "spam_after_end.txt", "article_page.html", "empty.txt"]
    records = [r.to_dict() for r in process(iter_inputs([folder / name for name in names]), nlp)]
    assert [r["id"] for r in records] == names
    for record in records[:3]:
        assert tuple(record["body"]) == find_layout(record["text"]).body
        assert_offsets(record)
    assert records[2]["title"] == "Drone debris falls near Danube port"
    assert records[3]["text"] is None and records[3]["errors"] == ["text: empty file"]


def test_paragraph_breaks_start_sentences_and_hard_wraps_do_not():
    import spacy

    from conflictnlp.reading.component import mark_paragraph_starts

    nlp = spacy.blank("en")
    doc = nlp.make_doc(
        "Moscow says airstrike hit Russian city, warns attack affects peace talks\n\n"
        "The Kremlin said\nthe strike would hurt the talks.\nKyiv did not comment."
    )
    mark_paragraph_starts(doc)
    starts = [token.text for token in doc if token.is_sent_start and token.i > 0]
    # a blank line after a headline without a full stop, and a line break after a full stop;
    # not the wrapped line inside "The Kremlin said / the strike ..."
    assert starts == ["The", "Kyiv"]


def _paragraph_starts_by_token_walk(doc, every_line: bool) -> list[int]:
    """The sentence starts mark_paragraph_starts gave when it walked every Token (the reference)."""
    from conflictnlp.reading.component import SENTENCE_END

    found, previous, newlines = [], None, 0
    for token in doc:
        if token.is_space:
            newlines += token.text.count("\n")
            continue
        newlines += token.whitespace_.count("\n")
        if previous is not None and newlines and (every_line or newlines >= 2 or previous.text in SENTENCE_END):
            found.append(token.i)
        previous, newlines = token, token.whitespace_.count("\n")
    return found


@pytest.mark.parametrize("every_line", [False, True])
def test_paragraph_starts_are_those_of_a_walk_over_every_token(every_line):
    import spacy

    from conflictnlp.reading.component import mark_paragraph_starts

    nlp = spacy.blank("en")
    text = (
        "\n\n  KHARKIV, Ukraine (AP) \u2014 Shelling hit the market.\n\n\n"
        "\u201cWe ran,\u201d said Olena.\nOfficials said\nthe toll was 12 ?\r\n\r\nUpdated 10:42 GMT\n"
        " \n\t\nEnd of story!\n\u201cNo comment\u201d\n  \n(Reuters)\n"
    )
    expected = _paragraph_starts_by_token_walk(nlp.make_doc(text), every_line)
    doc = nlp.make_doc(text)
    mark_paragraph_starts(doc, every_line=every_line)
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == expected
    assert expected  # the text has paragraph breaks of each kind


def test_a_headline_is_not_parsed_into_the_paragraph_below_it(nlp):
    text = (
        "Moscow says Ukrainian airstrike hit Russian city, warns attack affects peace talks\n\n"
        "\"Of course this cannot be perceived as creating comfortable conditions,\" Peskov said."
    )
    doc = nlp(text)
    headline_end = text.index("\n\n")
    paragraph_start = headline_end + 2
    assert all(sent.end_char <= paragraph_start or sent.start_char >= paragraph_start for sent in doc.sents)
    # the headline's verbs hang from nothing in the quote below, and the quote keeps its speaker
    assert all(token.head.idx < headline_end for token in doc if token.idx < headline_end)
    record = conflictnlp.extract(text, nlp=nlp).to_dict()
    assert_offsets(record)
    assert any(q["speaker_name"] == "Peskov" and q["content"]["text"].startswith("Of course") for q in record["quotes"])


def test_an_already_parsed_doc_can_go_through_the_pipeline_again(nlp):
    doc = nlp("Kyiv said the convoy was hit.\n\nMoscow denied it.")
    again = nlp(doc)
    assert again._.errors == []
    assert [s.text.strip() for s in again.sents] == ["Kyiv said the convoy was hit.", "Moscow denied it."]
