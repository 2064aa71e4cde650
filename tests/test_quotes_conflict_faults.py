"""Attribution faults seen on real conflict reporting (issue 24), each as a class: on a
hand-built parse, so a model update does not move the rule, and once through the whole
pipeline on sentences written for these tests."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.quotes.speakers import source_of_verb
from tests.conftest import assert_offsets
from tests.helpers import attributions, make_doc


@pytest.fixture(scope="module")
def record_of(nlp):
    def run(text: str) -> dict:
        record = conflictnlp.extract(text, nlp=nlp).to_dict()
        assert_offsets(record)
        return record

    return run


def _quoted_by_agency():
    # "Lavrov was quoted by TASS as saying Moscow would respond ."
    return make_doc(
        """
        Lavrov Lavrov PROPN nsubjpass 2 NNP
        was be AUX auxpass 2 VBD
        quoted quote VERB ROOT 2 VBN
        by by ADP agent 2 IN
        TASS TASS PROPN pobj 3 NNP
        as as ADP prep 2 IN
        saying say VERB pcomp 5 VBG
        Moscow Moscow PROPN nsubj 9 NNP
        would would AUX aux 9 MD
        respond respond VERB ccomp 6 VB
        . . PUNCT punct 2 .
        """
    )


def test_the_one_quoted_as_saying_is_the_speaker_and_the_agency_reports_it() -> None:
    found = attributions(_quoted_by_agency())
    # the person speaks; TASS's report holds the person and what they are quoted as saying,
    # so the person's quote is nested in it (via TASS), never TASS's own words
    assert ("saying", ["Moscow would respond"], "Lavrov") in found
    assert ("was quoted", ["Lavrov", "as saying Moscow would respond"], "TASS") in found


def test_the_active_form_quotes_the_object() -> None:
    # "Interfax quoted Kadyrov as saying fighters took the village ."
    doc = make_doc(
        """
        Interfax Interfax PROPN nsubj 1 NNP
        quoted quote VERB ROOT 1 VBD
        Kadyrov Kadyrov PROPN dobj 1 NNP
        as as ADP prep 1 IN
        saying say VERB pcomp 3 VBG
        fighters fighter NOUN nsubj 6 NNS
        took take VERB ccomp 4 VBD
        the the DET det 8 DT
        village village NOUN dobj 6 NN
        . . PUNCT punct 1 .
        """
    )
    assert source_of_verb(doc[4]).text == "Kadyrov"
    assert ("saying", ["fighters took the village"], "Kadyrov") in attributions(doc)


def test_quoted_by_an_agency_in_the_whole_pipeline(record_of) -> None:
    record = record_of("Russian Foreign Minister Sergei Lavrov was quoted by TASS as saying that Moscow would respond to any provocation.")
    inner = next(q for q in record["quotes"] if q["cue"]["text"] == "saying")
    assert (inner["speaker_name"], inner["via"]) == ("Sergei Lavrov", ["TASS"])
    assert inner["content"]["text"] == "that Moscow would respond to any provocation"
    claims = [(c["text"], c["source"], c["via"]) for c in record["claims"]]
    assert claims == [("Moscow would respond to any provocation", "Sergei Lavrov", ["TASS"])]


def _two_reports():
    # "Hamas said the strike killed 12 people , while Israel said it hit a depot ."
    return make_doc(
        """
        Hamas Hamas PROPN nsubj 1 NNP
        said say VERB ROOT 1 VBD
        the the DET det 3 DT
        strike strike NOUN nsubj 4 NN
        killed kill VERB ccomp 1 VBD
        12 12 NUM nummod 6 CD
        people people NOUN dobj 4 NNS
        , , PUNCT punct 4 ,
        while while SCONJ mark 10 IN
        Israel Israel PROPN nsubj 10 NNP
        said say VERB advcl 4 VBD
        it it PRON nsubj 12 PRP
        hit hit VERB ccomp 10 VBD
        a a DET det 14 DT
        depot depot NOUN dobj 12 NN
        . . PUNCT punct 1 .
        """
    )


def test_a_second_report_after_while_is_not_nested_in_the_first() -> None:
    found = attributions(_two_reports())
    assert ("said", ["the strike killed 12 people"], "Hamas") in found
    assert ("said", ["it hit a depot"], "Israel") in found


def test_a_clause_after_while_that_reports_nothing_stays_in_the_content() -> None:
    # "Hamas said the strike killed 12 people , while Israel hit a depot .": no verb of saying
    doc = make_doc(
        """
        Hamas Hamas PROPN nsubj 1 NNP
        said say VERB ROOT 1 VBD
        the the DET det 3 DT
        strike strike NOUN nsubj 4 NN
        killed kill VERB ccomp 1 VBD
        12 12 NUM nummod 6 CD
        people people NOUN dobj 4 NNS
        , , PUNCT punct 4 ,
        while while SCONJ mark 10 IN
        Israel Israel PROPN nsubj 10 NNP
        hit hit VERB advcl 4 VBD
        a a DET det 12 DT
        depot depot NOUN dobj 10 NN
        . . PUNCT punct 1 .
        """
    )
    assert attributions(doc) == [("said", ["the strike killed 12 people , while Israel hit a depot"], "Hamas")]


def test_two_reports_in_the_whole_pipeline(record_of) -> None:
    record = record_of("Hamas said the strike killed 12 people, while Israel said it had targeted a weapons depot.")
    quotes = [(q["speaker_name"], q["content"]["text"], q["via"]) for q in record["quotes"]]
    assert quotes == [
        ("Hamas", "the strike killed 12 people", []),
        ("Israel", "it had targeted a weapons depot", []),
    ]


def test_a_name_the_parse_made_a_second_subject_is_part_of_the_speaker() -> None:
    # "Thousands fled , the UN refugee agency UNHCR warned ."
    doc = make_doc(
        """
        Thousands thousand NOUN nsubj 1 NNS
        fled flee VERB ccomp 8 VBD
        , , PUNCT punct 8 ,
        the the DET det 6 DT
        UN UN PROPN compound 6 NNP
        refugee refugee NOUN compound 6 NN
        agency agency NOUN nsubj 8 NN
        UNHCR UNHCR PROPN nsubj 8 NNP
        warned warn VERB ROOT 8 VBD
        . . PUNCT punct 8 .
        """
    )
    assert source_of_verb(doc[8]).text == "the UN refugee agency UNHCR"


def test_an_agency_named_after_its_description_in_the_whole_pipeline(record_of) -> None:
    record = record_of("The number of displaced people was likely to rise sharply in the coming weeks, the UN refugee agency UNHCR warned.")
    [quote] = record["quotes"]
    assert (quote["speaker"]["text"], quote["speaker_name"], quote["speaker_role"]) == ("the UN refugee agency UNHCR", "UNHCR", "UN refugee agency")


def test_the_aim_of_a_rally_is_no_report() -> None:
    # "Residents held a rally to condemn the killings ."
    doc = make_doc(
        """
        Residents resident NOUN nsubj 1 NNS
        held hold VERB ROOT 1 VBD
        a a DET det 3 DT
        rally rally NOUN dobj 1 NN
        to to PART aux 5 TO
        condemn condemn VERB advcl 1 VB
        the the DET det 7 DT
        killings killing NOUN dobj 5 NNS
        . . PUNCT punct 1 .
        """
    )
    assert attributions(doc) == []


def test_residents_holding_a_rally_say_nothing_in_the_whole_pipeline(record_of) -> None:
    assert record_of("On 4 December 2024, residents of Bunia held a rally to show support for the FARDC.")["quotes"] == []
    assert record_of("Residents held a rally in the town centre on Sunday to condemn the killings.")["quotes"] == []
    # a participle of saying after the rally is still what they said
    record = record_of("Residents held a rally against the mine, saying it had poisoned their water.")
    assert [q["content"]["text"] for q in record["quotes"]] == ["it had poisoned their water"]


def test_a_label_ending_in_a_source_noun_opens_a_statement(record_of) -> None:
    record = record_of("Poll: Most voters in the region back the ceasefire.\n\nThe survey was released on Friday.")
    assert [(q["speaker"]["text"], q["cue"]["text"], q["content"]["text"]) for q in record["quotes"]] == [
        ("Poll", ":", "Most voters in the region back the ceasefire.")
    ]
    record = record_of("Kremlin camp: Talks with Kyiv have stalled over the corridor.\n\nAides spoke on Monday.")
    assert [q["speaker"]["text"] for q in record["quotes"]][:1] == ["Kremlin camp"]
    # a common noun that is no source, or an exclamation, opens no statement
    assert record_of("Ukraine war: Russian forces shelled Kharkiv overnight.\n\nText follows.")["quotes"] == []
    assert record_of("BOOM: Drones Hit An Oil Depot Deep Inside Russia.\n\nText follows.")["quotes"] == []
