"""Agency datelines: reading decides where one is and where it ends (``boilerplate.dateline_at``),
and every component reads that one decision. Plain strings, no parse."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnlp.reading.boilerplate import (
    _dateline_from,
    dateline_at,
    dateline_town,
    find_layout,
    line_dateline_end,
    skip_place_dateline,
)
from conflictnlp.reading.component import wire_published
from tests.helpers import BLANK_VOCAB

LEAD = "Russian drones struck a convoy of aid trucks on Tuesday, killing three drivers, officials said."


@pytest.mark.parametrize(
    ("dateline", "town", "place", "credit", "day", "year"),
    [
        ("KYIV, Ukraine (AP) — ", "KYIV", "KYIV, Ukraine", "AP", None, None),
        ("Kupiansk, Ukraine — ", "Kupiansk", "Kupiansk, Ukraine", None, None, None),
        ("KHARTOUM, June 10 (Reuters) - ", "KHARTOUM", "KHARTOUM", "Reuters", (6, 10), None),
        ("GOMA, Democratic Republic of Congo, Jan 5 (Reuters) - ", "GOMA", "GOMA, Democratic Republic of Congo", "Reuters", (1, 5), None),
        ("GAZA, 3 March (Northline Wire) - ", "GAZA", "GAZA", "Northline Wire", (3, 3), None),
        ("KHARTOUM, June 10, 2024 (Reuters) - ", "KHARTOUM", "KHARTOUM", "Reuters", (6, 10), 2024),
        ("Bangui (AFP) - ", "Bangui", "Bangui", "AFP", None, None),
        ("Port-au-Prince (AFP) - ", "Port-au-Prince", "Port-au-Prince", "AFP", None, None),
        ("N'Djamena (AFP) -- ", "N'Djamena", "N'Djamena", "AFP", None, None),
        ("PORT-AU-PRINCE, Haiti (AP) – ", "PORT-AU-PRINCE", "PORT-AU-PRINCE, Haiti", "AP", None, None),
        ("MEXICO CITY (AP) - ", "MEXICO CITY", "MEXICO CITY", "AP", None, None),
        ("OUAGADOUGOU – ", "OUAGADOUGOU", "OUAGADOUGOU", None, None, None),
        ("TORRINGTON, Conn. (AP) — ", "TORRINGTON", "TORRINGTON, Conn.", "AP", None, None),
        ("Khartoum, Sudan, 10 June (Meridian) — ", "Khartoum", "Khartoum, Sudan", "Meridian", (6, 10), None),
    ],
)
def test_every_dateline_form_ends_where_the_lead_starts(dateline, town, place, credit, day, year):
    text = "Headline over the report\n" + dateline + LEAD
    found = dateline_at(text, len(text) - 1)
    assert found is not None
    assert text[found.end :] == LEAD
    for span, expected in ((found.town, town), (found.place, place), (found.credit, credit)):
        assert (span.text if span else None) == expected
        if span:
            assert text[span.span[0] : span.span[1]] == span.text
    assert (found.day, found.year) == (day, year)
    line = text.index(dateline)
    assert skip_place_dateline(text, line) == line_dateline_end(text, len(text) - 1) == found.end
    assert dateline_town(text, *found.town.span)
    # the headline's line opens with none
    assert dateline_at(text, 3) is None and line_dateline_end(text, 3) == 0


@pytest.mark.parametrize(
    "line",
    [
        "Kharkiv, Ukraine's second city — was hit again overnight, the governor said.",  # no region: a description
        "Russian forces (AFP) - a caption line",  # a title-case subject with an agency is no town: lower case word
        "Goma (Meridian) - M23 rebels took the airport.",  # title case alone needs a known agency
        "Officials said - without giving details - that two people died.",
        "Kyiv - a city of three million - went dark.",  # a title-case town alone, no agency
    ],
)
def test_what_is_no_dateline(line):
    text = "Headline over the report\n" + line
    assert dateline_at(text, len(text) - 1) is None
    assert skip_place_dateline(text, 25) == 25


def test_a_dateline_only_opens_a_line():
    text = "The statement, quoted by KYIV, Ukraine (AP) — reporters, was short."
    start = text.index("KYIV")
    assert skip_place_dateline(text, start) == start
    # leading spaces of an indented paragraph are no text
    text = "Headline over the report\n   KYIV (AP) — " + LEAD
    assert text[skip_place_dateline(text, 25) :] == LEAD


def test_the_dateline_of_the_first_paragraph_after_the_headline():
    text = (
        "Drone strike on aid convoy kills three near Kupiansk\n"
        "By Pavlo Sydorenko | Northstar Wire\n"
        "Kupiansk, Ukraine (Northstar) — " + LEAD + "\n"
        "The convoy of about 30 trucks was hit roughly 25 km from the border, the governor's office said.\n"
    )
    layout = find_layout(text)
    assert layout.title is not None and layout.title.text.startswith("Drone strike")
    assert layout.place_dateline is not None and layout.place_dateline.text == "Kupiansk, Ukraine"
    span = layout.place_dateline.span
    assert text[span[0] : span[1]] == "Kupiansk, Ukraine"
    assert layout.outlet is not None and layout.outlet.text == "Northstar Wire"  # the byline's, before the credit
    assert layout.wire_day is None
    lead = text.index(LEAD)
    assert line_dateline_end(text, lead + 10) == lead


def test_a_title_case_credit_names_the_outlet_where_nothing_else_does():
    text = "Kupiansk, Ukraine (Northstar) — " + LEAD + "\nThe convoy of about 30 trucks was hit roughly 25 km from the border.\n"
    outlet = find_layout(text).outlet
    assert outlet is not None and outlet.text == "Northstar"
    assert text[outlet.span[0] : outlet.span[1]] == "Northstar"


def test_the_year_of_the_wire_day():
    lead = "KHARTOUM, June 10 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday, a local committee said."
    assert find_layout(lead + "\n© 2024 Reuters").year == 2024  # a copyright line
    assert find_layout(lead).year is None
    dated = "KHARTOUM, June 10, 2023 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday.\n© 2024 Reuters"
    assert find_layout(dated).year == 2023  # the dateline's own year first


def test_the_publication_date_a_wire_day_gives():
    assert wire_published((6, 10), 2024, None) == ("2024-06-10", None)
    assert wire_published((6, 10), None, "2023-01-05") == ("2023-06-10", None)  # the fallback's year
    published, problem = wire_published((6, 10), None, None)
    assert published is None and "June 10" in problem and "no year" in problem
    published, problem = wire_published((2, 30), 2024, None)
    assert published is None and "no date" in problem


@pytest.fixture(scope="module")
def reader():
    """The article component alone on a blank pipeline: it decides the publication date."""
    import conflictnlp  # noqa: F401  (registers the factories and extensions)

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_article")
    return nlp


def test_a_day_without_a_year_is_said_in_the_record_not_guessed(reader):
    doc = reader("KHARTOUM, June 10 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday, a local committee said.")
    assert doc._.published is None
    assert any("no year" in error for error in doc._.errors)
    doc = reader("KHARTOUM, June 10 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday.\n© 2024 Reuters")
    assert (doc._.published, doc._.published_from) == ("2024-06-10", "dateline") and not doc._.errors
    # a title-case dateline with a day is a wire dateline too
    doc = reader("Khartoum, 10 June (AFP) - Shelling killed 12 people at a market in El Fasher on Sunday, 2024's worst.")
    assert doc._.published == "2024-06-10"


def test_events_read_the_dateline_from_reading():
    from conflictnlp.events.context import dateline_end
    from conflictnlp.events.lexicon import load_event_lexicon

    text = "Goma (AFP) - x\nBangui (AFP) - Russian paramilitaries killed 18 people in a village, residents said."
    offset = text.index("Russian")
    assert dateline_end(text, offset + 5, load_event_lexicon()) == offset == line_dateline_end(text, offset + 5)


DATELINES = ["KYIV, Ukraine (AP) — ", "Kupiansk, Ukraine — ", "KHARTOUM, June 10 (Reuters) - ",
             "GOMA, Democratic Republic of Congo, Jan 5 (Reuters) - ", "Bangui (AFP) - ", "OUAGADOUGOU – "]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(before=st.text(max_size=40), dateline=st.sampled_from(DATELINES), after=st.text(max_size=40), cut=st.integers(0, 60))
def test_dateline_offsets_point_into_the_text(before, dateline, after, cut):
    """On any text around a dateline, every span ``dateline_at`` gives is a piece of the text."""
    text = before + "\n" + dateline[: max(cut, len(dateline) - 3)] + after
    for offset in range(0, len(text) + 1, 7):
        found = dateline_at(text, offset)
        end = line_dateline_end(text, offset)
        assert 0 <= end <= len(text)
        if found is None:
            continue
        assert found.span[0] <= found.town.span[0] < found.town.span[1] <= found.place.span[1] <= found.span[1] <= len(text)
        for span in (found.town, found.place, found.credit):
            if span is not None:
                assert text[span.span[0] : span.span[1]] == span.text
        assert end == found.end


def test_claims_hang_a_subject_the_parser_put_under_the_dateline_town_on_its_verb():
    """"Goma (AFP) - The group entered Goma": the parser makes the town the subject and the
    group its apposition; the claim is one clause, "The group entered Goma", not two."""
    from spacy.tokens import Doc

    from conflictnlp.claims.extract import clauses

    words = ["Goma", "(", "AFP", ")", "-", "The", "group", "entered", "Goma", ",", "the", "UN", "said", "."]
    spaces = [True, False, False, True, True, True, True, True, False, True, True, True, False, False]
    heads = [7, 2, 0, 0, 0, 6, 0, 12, 7, 12, 11, 12, 12, 12]
    deps = ["nsubj", "punct", "appos", "punct", "punct", "det", "appos", "ccomp", "dobj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"]
    doc = Doc(BLANK_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    assert doc.text.startswith("Goma (AFP) - The group")
    found = clauses(doc, [5, 6, 7, 8])
    assert [(head.text, sorted(group)) for head, group in found] == [("entered", [5, 6, 7, 8])]
    # without a dateline the apposition stays where the parser put it
    plain = Doc(doc.vocab, words=words[:2] + ["he"] + words[3:], spaces=spaces, heads=heads, deps=deps, pos=pos)
    assert len(clauses(plain, [5, 6, 7, 8])) == 2


def test_no_piece_of_text_holds_a_dateline():
    """Quotes and claims take their characters through ``without_datelines``: a dateline that
    opens the piece is skipped, and one inside it (a headline the parser ran on into the lead)
    splits it."""
    from conflictnlp.reading.boilerplate import without_datelines

    text = "Drone strike kills 3\nKUPIANSK, Ukraine — Three died, officials said.\nBangui (AFP) - The army said so."
    assert [text[s:e] for s, e in without_datelines(text, 0, len(text))] == [
        "Drone strike kills 3", "Three died, officials said.", "The army said so."]
    lead = text.index("KUPIANSK")
    assert [text[s:e] for s, e in without_datelines(text, lead, lead + 10)] == []  # all dateline
    assert [text[s:e] for s, e in without_datelines(text, 6, 12)] == ["strike"]
    # a town named mid-line with a dash is no dateline
    plain = "Officials in KYIV — the capital — said three died."
    assert without_datelines(plain, 0, len(plain)) == [(0, len(plain))]


@pytest.mark.parametrize(
    ("stamp", "time"),
    [
        ("09:45 GMT - ", "09:45 GMT"),
        ("12:10 GMT – ", "12:10 GMT"),
        ("14:32 - ", "14:32"),
        ("9.45am - ", "9.45am"),
        ("9:45 a.m. — ", "9:45 a.m."),
        ("11pm - ", "11pm"),
        ("18:05 local time - ", "18:05 local time"),
        ("07:30 (GMT) -- ", "07:30 (GMT)"),
        ("16:20 EAT - ", "16:20 EAT"),
    ],
)
def test_a_live_blog_entry_stamp_is_read_as_a_dateline_with_its_time(stamp, time):
    """A time opening a line before a dash starts a live-blog entry: the entry starts after it,
    and the stamp is the entry's time, never its speaker or claim."""
    from conflictnlp.reading.boilerplate import without_datelines

    entry = "Witnesses describe chaos at the market."
    text = "Sudan live: fighting in Omdurman\n" + stamp + entry
    found = dateline_at(text, len(text) - 1)
    assert found is not None and found.town is None and found.place is None
    assert text[found.end :] == entry
    assert found.time is not None and found.time.text == time and text[slice(*found.time.span)] == time
    assert line_dateline_end(text, len(text) - 1) == found.end
    assert [text[s:e] for s, e in without_datelines(text, 0, len(text))] == ["Sudan live: fighting in Omdurman", entry]
    assert find_layout(text).place_dateline is None  # a stamp names no place


@pytest.mark.parametrize(
    "line",
    [
        "2024 - a year of war - ended with no ceasefire.",  # a year, no time
        "3 - 2 was the vote in the council.",  # a bare number
        "Witnesses said at 09:45 GMT - before the shelling - the market was full.",  # mid-line
        "25:10 - no clock reads this.",
    ],
)
def test_what_is_no_entry_stamp(line):
    assert dateline_at("Headline\n" + line, 12) is None


def test_a_live_blog_stamp_is_no_part_of_a_speaker_or_a_claim(nlp):
    """The whole pipeline: the entry's subject is the speaker, the claim starts after the stamp."""
    import conflictnlp

    text = ("Sudan live: fighting in Omdurman\n\n09:45 GMT - Witnesses describe chaos at the market.\n\n"
            "12:10 GMT - RSF rejects accusations that its fighters shelled the market.\n\n"
            "9.45am - Doctors say the hospital is overwhelmed.")
    record = conflictnlp.extract(text, nlp=nlp)
    speakers = {q.speaker.text for q in record.quotes if q.speaker is not None}
    assert {"Witnesses", "Doctors"} <= speakers
    assert not any(any(ch.isdigit() for ch in s) for s in speakers)
    claims = [c.text for c in record.claims]
    assert any(c.startswith("RSF rejects accusations") for c in claims), claims
    assert not any("GMT" in c or "9.45am" in c for c in claims), claims


def test_a_piece_starting_inside_a_stamp_starts_after_it_and_a_headline_too():
    """The parser may end a sentence after "12:10" of "12:10 GMT - ": the piece that starts at
    "GMT" starts after the stamp. A stamp opening the headline line is no part of the title."""
    text = "09:45 GMT - Witnesses describe chaos at the market\n\n12:10 GMT - RSF rejects accusations.\n\nThe army said two died."
    inside = text.index("GMT - RSF")
    assert skip_place_dateline(text, inside) == text.index("RSF")
    assert skip_place_dateline(text, text.index("RSF") + 4) == text.index("RSF") + 4  # after it: unchanged
    title = find_layout(text).title
    assert title is not None and title.text == "Witnesses describe chaos at the market"
    assert text[slice(*title.span)] == title.text


def test_no_claim_of_a_live_blog_holds_part_of_a_stamp(nlp):
    import conflictnlp

    text = ("09:45 GMT - Witnesses describe chaos at the market\n\n12:10 GMT - RSF rejects accusations that its "
            "fighters shelled the market.\n\n14:32 - The army said two soldiers were killed in Omdurman.")
    record = conflictnlp.extract(text, nlp=nlp)
    assert record.title == "Witnesses describe chaos at the market"
    claims = [c.text for c in record.claims]
    assert "RSF rejects accusations that its fighters shelled the market" in claims, claims
    assert not any("GMT" in c or "14:32" in c for c in claims), claims


def test_dateline_at_gives_the_same_answer_again_and_for_each_line():
    text = "KYIV, Ukraine (AP) \u2014 Two people were killed.\nBANGUI (AFP) - Three more.\nNo dateline here, he said."
    for offset in range(len(text)):
        start = text.rfind("\n", 0, offset) + 1
        assert dateline_at(text, offset) == _dateline_from(text, start)
    again = "".join(text)  # an equal text that is another object: read afresh
    assert dateline_at(again, 5) == _dateline_from(text, 0)
    assert dateline_at(text, 50) is dateline_at(text, 60)
