"""The event's first day, on hand-built parses (issue 27, the events_wild round): a wire
dateline's date is the filing day, "overnight" the night before the day the report speaks from, a
range of days starts at its first, a recent "since" starts an ongoing incident, and a lone event
in a sentence that says no day takes its paragraph's lead day."""

from __future__ import annotations

import pytest

from conflictnlp.model import Casualty, DateMention, Location, Quantity
from tests.helpers import EVENT_ROWS, article_doc, run_events


def built(vocab, rows, published="2025-09-15"):
    """A Doc from (word, head, dep, pos, lemma, space_after) rows."""
    return article_doc(vocab, rows, published, columns=(*EVENT_ROWS, "spaces"))


def chars(doc, i, j):
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def kharkiv(doc, i):
    s, e = chars(doc, i, i + 1)
    return Location(id="l1", text=doc.text[s:e], span=(s, e), name="Kharkiv", country_code="UA", feature="city", lat=50.0, lon=36.2)


def date(doc, i, j, value, did="d1", type_="DATE"):
    s, e = chars(doc, i, j)
    return DateMention(id=did, text=doc.text[s:e], span=(s, e), value=value, type=type_, granularity="day")


def event_of(blank, doc):
    [event] = run_events(blank, doc)
    return event


def strike(blank, tail, head_rows=(), published="2025-09-15"):
    """[head rows] Russian missiles hit Kharkiv <tail> ."""
    n = len(head_rows)
    rows = [*head_rows, ("Russian", n + 1, "amod", "ADJ", "russian", True), ("missiles", n + 2, "nsubj", "NOUN", "missile", True),
            ("hit", n + 2, "ROOT", "VERB", "hit", True), ("Kharkiv", n + 2, "dobj", "PROPN", "Kharkiv", True)]
    rows[-1] = (*rows[-1][:5], bool(tail))
    rows += [(w, n + 2 if h is None else n + h, d, p, lem, sp) for w, h, d, p, lem, sp in tail]
    rows.append((".", n + 2, "punct", "PUNCT", ".", False))
    return built(blank.vocab, rows, published), n


DATELINE = [("KYIV", 10, "npadvmod", "PROPN", "KYIV", False), (",", 0, "punct", "PUNCT", ",", True),
            ("Sept", 0, "appos", "PROPN", "Sept", True), ("15", 2, "nummod", "NUM", "15", True),
            ("(", 5, "punct", "PUNCT", "(", False), ("Reuters", 0, "appos", "PROPN", "Reuters", False),
            (")", 5, "punct", "PUNCT", ")", True), ("-", 10, "punct", "PUNCT", "-", True)]


def test_a_dateline_date_is_the_filing_day_not_the_events(blank):
    # KYIV, Sept 15 (Reuters) - Russian missiles hit Kharkiv 's crowded central market on Sunday .
    tail = [("'s", 7, "case", "PART", "'s", True), ("crowded", 7, "amod", "ADJ", "crowded", True),
            ("central", 7, "amod", "ADJ", "central", True), ("market", None, "dobj", "NOUN", "market", True),
            ("on", None, "prep", "ADP", "on", True), ("Sunday", 8, "pobj", "PROPN", "Sunday", False)]
    doc, n = strike(blank, tail, DATELINE)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, 2, 4, "2025-09-15"), date(doc, n + 9, n + 10, "2025-09-14", "d2")]
    event = event_of(blank, doc)
    assert doc.text.startswith("KYIV, Sept 15 (Reuters) - Russian")
    assert (event.date, event.date_start) == ("d2", "2025-09-14")


def test_a_dateline_date_still_dates_an_event_that_says_no_day(blank):
    doc, n = strike(blank, [], DATELINE)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, 2, 4, "2025-09-15")]
    assert event_of(blank, doc).date_start == "2025-09-15"


OVERNIGHT = ("overnight", None, "advmod", "ADV", "overnight", False)
SAID_SUNDAY = [(",", None, "punct", "PUNCT", ",", True), ("the", 7, "det", "DET", "the", True),
               ("governor", 8, "nsubj", "NOUN", "governor", True), ("said", None, "parataxis", "VERB", "say", True),
               ("on", 8, "prep", "ADP", "on", True), ("Sunday", 9, "pobj", "PROPN", "Sunday", False)]


def test_overnight_is_the_night_before_the_publication_day(blank):
    doc, n = strike(blank, [OVERNIGHT])
    doc._.locations = [kharkiv(doc, n + 3)]
    event = event_of(blank, doc)
    assert (event.date_start, event.date_prec) == ("2025-09-14", 1)


def test_overnight_is_the_night_before_the_day_its_speaker_spoke(blank):
    # Russian missiles hit Kharkiv overnight , the governor said on Sunday .   (a Monday report)
    doc, n = strike(blank, [(*OVERNIGHT[:5], False), *SAID_SUNDAY])
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, n + 10, n + 11, "2025-09-14")]
    assert event_of(blank, doc).date_start == "2025-09-13"


def test_overnight_into_a_day_began_the_day_before(blank):
    # Russian missiles hit Kharkiv overnight into Saturday .
    tail = [(*OVERNIGHT[:5], True), ("into", 4, "prep", "ADP", "into", True), ("Saturday", 5, "pobj", "PROPN", "Saturday", False)]
    doc, n = strike(blank, tail)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, n + 6, n + 7, "2025-09-13")]
    assert event_of(blank, doc).date_start == "2025-09-12"


def test_a_named_day_with_overnight_is_kept(blank):
    # Russian missiles hit Kharkiv on Saturday overnight .
    tail = [("on", None, "prep", "ADP", "on", True), ("Saturday", 4, "pobj", "PROPN", "Saturday", True), OVERNIGHT]
    doc, n = strike(blank, tail)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, n + 5, n + 6, "2025-09-13")]
    assert event_of(blank, doc).date_start == "2025-09-13"


def test_overnight_in_an_entry_with_its_clock_time_is_left_to_the_entry(blank):
    # 08:20 - Russian missiles hit Kharkiv overnight .   (the gold sets disagree: no shift)
    head = [("08:20", 3, "npadvmod", "NUM", "08:20", True), ("-", 3, "punct", "PUNCT", "-", True)]
    doc, n = strike(blank, [OVERNIGHT], head)
    doc._.locations = [kharkiv(doc, n + 3)]
    assert event_of(blank, doc).date_start == "2025-09-15"


@pytest.mark.parametrize("first", [("between", "20", "and"), ("from", "20", "to")])
def test_a_range_of_days_starts_at_its_first(blank, first):
    # Russian missiles hit Kharkiv between 20 and 24 July .
    tail = [(first[0], None, "prep", "ADP", first[0], True), (first[1], 7, "nummod", "NUM", first[1], True),
            (first[2], 5, "cc", "CCONJ", first[2], True), ("24", 4, "pobj", "NUM", "24", True),
            ("July", 7, "appos", "PROPN", "July", False)]
    doc, n = strike(blank, tail)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, n + 7, n + 9, "2025-07-24")]
    event = event_of(blank, doc)
    assert (event.date_start, event.date_end) == ("2025-07-20", "2025-07-24")


def test_a_recent_since_starts_the_ongoing_incident(blank):
    # Russian missiles hit Kharkiv since Friday .   (a Monday report: the incident runs from Friday)
    tail = [("since", None, "prep", "ADP", "since", True), ("Friday", 4, "pobj", "PROPN", "Friday", False)]
    doc, n = strike(blank, tail)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, n + 5, n + 6, "2025-09-12")]
    event = event_of(blank, doc)
    assert (event.date_start, event.date_end) == ("2025-09-12", "2025-09-15")


def test_a_follow_up_sentence_takes_the_lead_day(blank):
    # On Saturday , units were deployed in Kharkiv . Russian missiles hit Kharkiv .
    rows = [("On", 4, "prep", "ADP", "on", True), ("Saturday", 0, "pobj", "PROPN", "Saturday", False),
            (",", 4, "punct", "PUNCT", ",", True), ("units", 4, "nsubjpass", "NOUN", "unit", True),
            ("deployed", 4, "ROOT", "VERB", "deploy", True), ("in", 4, "prep", "ADP", "in", True),
            ("Kharkiv", 5, "pobj", "PROPN", "Kharkiv", False), (".", 4, "punct", "PUNCT", ".", True)]
    doc, n = strike(blank, [], rows)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, 1, 2, "2025-09-13")]
    assert event_of(blank, doc).date_start == "2025-09-13"


def test_a_recent_since_in_the_toll_sentence_starts_the_incident(blank):
    # Russian missiles hit Kharkiv . 20 people were killed since Friday .
    rows = [("Russian", 1, "amod", "ADJ", "russian", True), ("missiles", 2, "nsubj", "NOUN", "missile", True),
            ("hit", 2, "ROOT", "VERB", "hit", True), ("Kharkiv", 2, "dobj", "PROPN", "Kharkiv", False),
            (".", 2, "punct", "PUNCT", ".", True), ("20", 6, "nummod", "NUM", "20", True),
            ("people", 8, "nsubjpass", "NOUN", "people", True), ("were", 8, "auxpass", "AUX", "be", True),
            ("killed", 8, "ROOT", "VERB", "kill", True), ("since", 8, "prep", "ADP", "since", True),
            ("Friday", 9, "pobj", "PROPN", "Friday", False), (".", 8, "punct", "PUNCT", ".", False)]
    doc = built(blank.vocab, rows)
    doc._.locations = [kharkiv(doc, 3)]
    doc._.dates = [date(doc, 10, 11, "2025-09-12")]
    s, e = chars(doc, 5, 7)
    doc._.quantities = [Quantity(id="n1", text=doc.text[s:e], span=(s, e), value=20.0,
                                 casualty=Casualty(role="killed", low=20.0, high=20.0))]
    event = event_of(blank, doc)
    assert (event.fatalities.best, event.date_start) == (20, "2025-09-12")


@pytest.mark.parametrize("joiner, spaced", [("and", True), ("-", False), ("through", True)])
def test_days_written_together_start_at_the_first(blank, joiner, spaced):
    # On Thursday and Friday Russian missiles hit Kharkiv .  (the nearer Friday alone came first)
    head = [("On", 6, "prep", "ADP", "on", True), ("Thursday", 0, "pobj", "PROPN", "Thursday", spaced),
            (joiner, 1, "cc", "CCONJ", joiner, spaced), ("Friday", 1, "conj", "PROPN", "Friday", True)]
    doc, n = strike(blank, [], head)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, 1, 2, "2025-09-11"), date(doc, 3, 4, "2025-09-12", "d2")]
    event = event_of(blank, doc)
    assert (event.date, event.date_start) == ("d1", "2025-09-11")


def test_days_apart_are_not_written_together(blank):
    # On Thursday , after talks on Friday , Russian missiles hit Kharkiv .
    head = [("On", 10, "prep", "ADP", "on", True), ("Thursday", 0, "pobj", "PROPN", "Thursday", False),
            (",", 10, "punct", "PUNCT", ",", True), ("after", 10, "prep", "ADP", "after", True),
            ("talks", 3, "pobj", "NOUN", "talk", True), ("on", 4, "prep", "ADP", "on", True),
            ("Friday", 5, "pobj", "PROPN", "Friday", False), (",", 10, "punct", "PUNCT", ",", True)]
    doc, n = strike(blank, [], head)
    doc._.locations = [kharkiv(doc, n + 3)]
    doc._.dates = [date(doc, 1, 2, "2025-09-11"), date(doc, 6, 7, "2025-09-12", "d2")]
    assert event_of(blank, doc).date == "d2"
