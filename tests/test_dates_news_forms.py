"""Dates in news forms: a bare month's year, coordinated durations, schedules, decades,
frequencies, updated articles, "a year earlier" (issue 19)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictnlp.dates.anchoring import choose_year, resolve_weekday
from conflictnlp.dates.normalise import Context, Normaliser
from conflictnlp.pipeline import extract
from tests.conftest import assert_offsets

MARCH = date(2024, 3, 10)


def dates_of(nlp, text: str, published: str = "2024-03-10"):
    result = extract(text, published=published, nlp=nlp)
    assert_offsets(result.to_dict())
    return [(d.text, d.type, d.value) for d in result.dates]


def test_a_bare_months_year_follows_tense_and_nearness():
    assert choose_year(6, None, MARCH, "past", 60) == 2023
    assert choose_year(6, None, MARCH, "future", 60) == 2024
    assert choose_year(6, None, MARCH, "present", 60) == 2024  # three months ahead: the coming June
    assert choose_year(6, None, MARCH, None, 60) == 2024
    assert choose_year(12, None, MARCH, None, 60) == 2023  # nine months ahead: last December
    assert choose_year(12, None, MARCH, "present", 60) == 2023
    assert choose_year(3, None, MARCH, None, 60) == 2024


def test_a_bare_month_in_an_article(nlp):
    found = dates_of(nlp, "Elections are scheduled for June. The offensive began in June, officials said.")
    assert found == [("June", "DATE", "2024-06"), ("June", "DATE", "2023-06")]


def test_coordinated_numbers_are_two_durations(nlp):
    assert dates_of(nlp, "The loans mature in 12 and 18 months.") == [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")]
    assert dates_of(nlp, "Talks could take two or three weeks.") == [("two", "DURATION", "P2W"), ("three weeks", "DURATION", "P3W")]


def test_a_schedule_in_the_present_is_the_coming_day_but_a_headlines_present_is_past(nlp):
    wednesday = "2024-03-13"
    assert dates_of(nlp, "The ultimatum expires at 15:00 GMT Saturday, the army said.", wednesday) == [
        ("15:00 GMT Saturday", "TIME", "2024-03-16T15:00")]
    assert dates_of(nlp, "The ultimatum expired at 15:00 GMT Saturday.", wednesday) == [
        ("15:00 GMT Saturday", "TIME", "2024-03-09T15:00")]
    headline = "Militia kills 12 in raid Saturday\nThe militia killed 12 people in a raid on Saturday, officials said on Wednesday."
    assert [value for _, _, value in dates_of(nlp, headline, wednesday)][:2] == ["2024-03-09", "2024-03-09"]


def test_the_next_and_past_decade_are_ten_years(nlp):
    found = dates_of(nlp, "Spending will double over the next decade. In the past decade it fell, and this decade began badly.")
    assert found == [("the next decade", "DURATION", "P1DE"), ("the past decade", "DURATION", "P1DE"),
                     ("this decade", "DATE", "202")]


def test_frequencies_are_sets(nlp):
    found = dates_of(nlp, "Exports grow 5% annually, and inspectors visit three times a week.")
    assert found == [("annually", "SET", "P1Y"), ("a week", "SET", "P1W")]
    assert dates_of(nlp, "The daily newspaper reported a year of losses.") == [("a year", "DURATION", "P1Y")]


def test_a_weekday_in_an_article_updated_the_day_after_publication(nlp):
    text = ("Rebels shell border town\n"
            "Updated: March 9, 2024\n\n"
            "Rebels shelled the town on Saturday, killing three, officials said. On Thursday, they had seized a bridge.")
    found = dict((t, v) for t, _, v in dates_of(nlp, text, "2024-03-08"))  # a Friday; updated Saturday
    assert found["Saturday"] == "2024-03-09"
    assert found["Thursday"] == "2024-03-07"
    # without the update line, the Saturday before publication
    assert dict((t, v) for t, _, v in dates_of(nlp, text.replace("Updated: March 9, 2024\n", ""), "2024-03-08"))["Saturday"] == "2024-03-02"


def test_update_day_only_moves_days_between_publication_and_update():
    friday, saturday = date(2024, 3, 8), date(2024, 3, 9)
    assert resolve_weekday(6, friday, None, "past", latest=saturday) == saturday
    assert resolve_weekday(5, friday, None, "past", latest=saturday) == friday
    assert resolve_weekday(7, friday, None, "past", latest=saturday) == date(2024, 3, 3)
    assert resolve_weekday(6, friday, None, "future", latest=saturday) == saturday


def test_a_year_earlier_is_the_reference_a_year_before():
    normalise = Normaliser()
    assert normalise("a year earlier", Context(anchor=MARCH, reference_quarter="2024-Q1")).value == "2023-Q1"
    assert normalise("a year earlier", Context(anchor=MARCH)).value == "2023-03-10"
    assert normalise("a year earlier", Context(anchor=MARCH, reference_day=date(2024, 2, 29))).value == "2023-02-28"
    assert normalise("a month earlier", Context(anchor=MARCH)).value == "2024-02"


@pytest.mark.parametrize("text, expected", [
    ("He is now in custody.", ("now", "DATE", "PRESENT_REF")),
    ("The army currently controls it.", ("currently", "DATE", "PRESENT_REF")),
    ("In the past, such cases were rare.", ("the past", "DATE", "PAST_REF")),
])
def test_vague_references_with_the_timeml_setting(nlp, timeml_nlp, text, expected):
    assert expected in dates_of(timeml_nlp, text)
    assert expected not in dates_of(nlp, text)


@pytest.fixture(scope="module")
def timeml_nlp():
    import conflictnlp

    return conflictnlp.load(enable=["article", "dates"], config={"dates": {"vague_references": True}})


def test_the_weekend_in_a_weekday_report_of_the_past_is_the_one_just_past(nlp):
    wednesday = "2024-03-13"
    assert dates_of(nlp, "Over the weekend, shelling killed three.", wednesday) == [("the weekend", "DATE", "2024-W10-WE")]
    assert dates_of(nlp, "Talks will resume this weekend.", wednesday) == [("this weekend", "DATE", "2024-W11-WE")]


def test_daily_in_an_outlets_name_is_no_frequency(nlp):
    found = dates_of(nlp, "The Daily Mail reported the strike on Sunday. Shelling continues daily, officials said.")
    assert ("daily", "SET", "P1D") in found and not [f for f in found if f[0] == "Daily"]


def test_a_clock_time_is_on_the_day_its_sentence_names(nlp):
    # published Sunday 2024-03-10; the strike was on Friday
    found = dates_of(nlp, "The depot was hit on Friday, and at 10 a.m. a second drone struck the same site, the governor said.")
    assert ("10 a.m.", "TIME", "2024-03-08T10") in found
    # a sentence naming no day: the publication day
    assert ("10 a.m.", "TIME", "2024-03-10T10") in dates_of(nlp, "Sirens sounded at 10 a.m. across the city, officials said.")


def test_the_day_before_the_month_as_ngo_reports_write_it(nlp):
    """"3 June 2025" and "8 Feb" in an incident list's label: the small model's entity misses
    the day or the whole date, which left an incident on its report's publication day."""
    label = "Burkina Faso - incident list\n- 8 Feb, Djibo: JNIM fighters attacked a VDP post."
    assert dates_of(nlp, label, "2025-02-10") == [("8 Feb", "DATE", "2025-02-08")]
    assert dates_of(nlp, "3 June 2025 - Gao region, Ansongo: armed men abducted 4 passengers.", "2025-06-05")[0] == (
        "3 June 2025", "DATE", "2025-06-03")
    assert dates_of(nlp, "The truce held until the 5th of May.", "2025-06-05") == [("5th of May", "DATE", "2025-05-05")]
    # a count before a month that is a verb is not a date
    assert dates_of(nlp, "3 may die of their wounds.", "2025-06-05") == []


@pytest.mark.parametrize("text, anchor, expected", [
    ("16/10/2026", date(2026, 10, 18), "2026-10-16"),  # only day-first is a date
    ("10/16/2026", date(2026, 10, 18), "2026-10-16"),  # only month-first is
    ("03/04/2026", date(2026, 4, 10), "2026-04-03"),  # either: the one on or before the anchor, nearest
    ("03/04/2026", date(2026, 3, 10), "2026-03-04"),
    ("31.12.2025", date(2026, 1, 2), "2025-12-31"),
    ("16/10/26", date(2026, 10, 18), "2026-10-16"),
    ("2026-10-16", None, "2026-10-16"),
    ("03/04/2026", None, "2026-03-04"),  # either, and no anchor to choose by: month first
    ("04/11", date(2026, 11, 6), "2026-11-04"),  # no year: the last such day up to the anchor
    ("28/12", date(2027, 1, 3), "2026-12-28"),
])
def test_dates_in_figures(text, anchor, expected):
    found = Normaliser()(text, Context(anchor=anchor))
    assert found is not None and (found.type, found.value, found.granularity) == ("DATE", expected, "day")


@pytest.mark.parametrize("text, anchor", [("04/11", None), ("31/02/2026", date(2026, 3, 9)), ("2026-02-31", None)])
def test_dates_in_figures_that_cannot_be_told(text, anchor):
    """No year and no anchor, or no such day: no value rather than a guess."""
    found = Normaliser()(text, Context(anchor=anchor))
    assert found is None or found.value is None


def test_dates_in_figures_in_an_incident_list_but_no_rates_or_scores(nlp):
    text = "04/11: Gunmen attacked a bus near Kaduna.\n05/11 - Two farmers were killed on 3/11/2026 near Zaria.\nThe hotline runs 24/7; the match ended 3/1."
    assert dates_of(nlp, text, published="2026-11-06") == [
        ("04/11", "DATE", "2026-11-04"), ("05/11", "DATE", "2026-11-05"), ("3/11/2026", "DATE", "2026-11-03")]
