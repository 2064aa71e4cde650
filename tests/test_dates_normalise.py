"""TimeML values of single expressions: the normaliser and the calendar arithmetic, no spaCy."""

from __future__ import annotations

from datetime import date

import pytest

from conflictnlp.dates.anchoring import choose_year, iso_week, resolve_weekday
from conflictnlp.dates.normalise import Context, Normaliser, Timex

FRIDAY = date(2022, 4, 1)


@pytest.fixture(scope="module")
def normalise():
    normaliser = Normaliser()

    def run(text: str, anchor: date | None = FRIDAY, tense=None, reference_day=None) -> Timex | None:
        return normaliser(text, Context(anchor=anchor, tense=tense, reference_day=reference_day))

    return run


# --- weekdays, news convention -------------------------------------------------------------


@pytest.mark.parametrize(
    "weekday, expected",
    [(5, date(2022, 4, 1)), (4, date(2022, 3, 31)), (3, date(2022, 3, 30)), (2, date(2022, 3, 29)),
     (1, date(2022, 3, 28)), (7, date(2022, 3, 27)), (6, date(2022, 3, 26))],
)
def test_bare_weekday_is_the_latest_such_day_the_anchor_included(weekday, expected):
    assert resolve_weekday(weekday, FRIDAY, shift=None, tense=None) == expected
    assert resolve_weekday(weekday, FRIDAY, shift=None, tense="past") == expected


def test_weekday_in_a_future_clause_is_the_next_such_day():
    assert resolve_weekday(1, FRIDAY, shift=None, tense="future") == date(2022, 4, 4)
    assert resolve_weekday(5, FRIDAY, shift=None, tense="future") == FRIDAY


def test_last_and_next_weekday_skip_the_anchor_itself():
    assert resolve_weekday(5, FRIDAY, shift=-1, tense=None) == date(2022, 3, 25)
    assert resolve_weekday(5, FRIDAY, shift=1, tense=None) == date(2022, 4, 8)
    assert resolve_weekday(2, FRIDAY, shift=1, tense=None) == date(2022, 4, 5)
    assert resolve_weekday(2, FRIDAY, shift=0, tense=None) == date(2022, 3, 29)


def test_year_of_a_month_and_day_named_without_one():
    assert choose_year(2, 24, FRIDAY, None, 60) == 2022
    assert choose_year(12, 30, date(2022, 1, 2), None, 60) == 2021
    assert choose_year(1, 3, date(2021, 12, 30), None, 60) == 2022  # days ahead: the coming one
    assert choose_year(9, 1, FRIDAY, None, 60) == 2021  # months ahead: the one that has passed
    assert choose_year(9, 1, FRIDAY, "future", 60) == 2022
    assert choose_year(4, 20, FRIDAY, "past", 60) == 2021
    assert choose_year(2, 29, date(2023, 3, 1), None, 60) == 2020  # the last Feb. 29


def test_iso_week():
    assert iso_week(FRIDAY) == "2022-W13"
    assert iso_week(date(2021, 1, 1)) == "2020-W53"


# --- expressions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Friday", ("DATE", "2022-04-01", "day")),
        ("Tuesday", ("DATE", "2022-03-29", "day")),
        ("next Tuesday", ("DATE", "2022-04-05", "day")),
        ("last Friday", ("DATE", "2022-03-25", "day")),
        ("Feb. 24", ("DATE", "2022-02-24", "day")),
        ("March 5", ("DATE", "2022-03-05", "day")),
        ("5 March", ("DATE", "2022-03-05", "day")),
        ("Sept. 30, 2021", ("DATE", "2021-09-30", "day")),
        ("April 1st, 2022", ("DATE", "2022-04-01", "day")),
        ("March 2021", ("DATE", "2021-03", "month")),
        ("last month", ("DATE", "2022-03", "month")),
        ("this month", ("DATE", "2022-04", "month")),
        ("last June", ("DATE", "2021-06", "month")),
        ("2020", ("DATE", "2020", "year")),
        ("early 2014", ("DATE", "2014", "year")),
        ("last year", ("DATE", "2021", "year")),
        ("next year", ("DATE", "2023", "year")),
        ("earlier this week", ("DATE", "2022-W13", "week")),
        ("earlier in the week", ("DATE", "2022-W13", "week")),
        ("last week", ("DATE", "2022-W12", "week")),
        ("this weekend", ("DATE", "2022-W13-WE", "week")),
        ("this past weekend", ("DATE", "2022-W12-WE", "week")),
        ("yesterday", ("DATE", "2022-03-31", "day")),
        ("today", ("DATE", "2022-04-01", "day")),
        ("the day before yesterday", ("DATE", "2022-03-30", "day")),
        ("two weeks ago", ("DATE", "2022-03-18", "day")),
        ("three months ago", ("DATE", "2022-01", "month")),
        ("the third quarter", ("DATE", "2021-Q3", "quarter")),
        ("the first quarter of 2020", ("DATE", "2020-Q1", "quarter")),
        ("this summer", ("DATE", "2022-SU", "season")),
        ("the 1990s", ("DATE", "199", "decade")),
        ("the nineties", ("DATE", "199", "decade")),
        ("the 20th century", ("DATE", "19", "century")),
        ("five weeks", ("DURATION", "P5W", "week")),
        ("five weeks after", ("DURATION", "P5W", "week")),
        ("Less than 24 hours earlier", ("DURATION", "PT24H", "hour")),
        ("weeks", ("DURATION", "PXW", "week")),
        ("recent days", ("DURATION", "PXD", "day")),
        ("the past three months", ("DURATION", "P3M", "month")),
        ("the last twenty four hours", ("DURATION", "PT24H", "hour")),
        ("a couple of years", ("DURATION", "P2Y", "year")),
        ("almost a hundred years", ("DURATION", "P100Y", "year")),
        ("an 8-month-old", ("DURATION", "P8M", "month")),
        ("close to an hour", ("DURATION", "PT1H", "hour")),
        ("45 minutes", ("DURATION", "PT45M", "minute")),
        ("a fortnight", ("DURATION", "P2W", "week")),
        ("Tuesday night", ("TIME", "2022-03-29TNI", "part_of_day")),
        ("late Sunday morning", ("TIME", "2022-03-27TMO", "part_of_day")),
        ("tonight", ("TIME", "2022-04-01TNI", "part_of_day")),
        ("later this afternoon", ("TIME", "2022-04-01TAF", "part_of_day")),
        ("April 1, 2022 11:05am", ("TIME", "2022-04-01T11:05", "time")),
        ("April 2, 2022 1:44pm", ("TIME", "2022-04-02T13:44", "time")),
        ("5.43 am", ("TIME", "2022-04-01T05:43", "time")),
        ("5 p.m. EST, Nov. 6", ("TIME", "2021-11-06T17", "time")),
        ("midnight Friday", ("TIME", "2022-04-01T24", "time")),
        ("11 a.m. on Thursday", ("TIME", "2022-03-31T11", "time")),
        ("0600 hrs", ("TIME", "2022-04-01T06:00", "time")),
        ("1430 GMT", ("TIME", "2022-04-01T14:30", "time")),
        ("every Tuesday", ("SET", "XXXX-WXX-2", "day")),
        ("each July", ("SET", "XXXX-07", "month")),
        ("every other week", ("SET", "P2W", "week")),
        ("annually", ("SET", "P1Y", "year")),
    ],
)
def test_values_against_a_friday_anchor(normalise, text, expected):
    found = normalise(text)
    assert found is not None, text
    assert (found.type, found.value, found.granularity) == expected


def test_in_2020_is_the_year_not_a_day_of_it(normalise):
    assert normalise("2020").value == "2020"
    assert normalise("2020", anchor=None).value == "2020"


def test_day_relative_to_the_last_day_mentioned(normalise):
    tuesday = date(2022, 3, 29)
    assert normalise("The next day", reference_day=tuesday).value == "2022-03-30"
    assert normalise("the previous day", reference_day=tuesday).value == "2022-03-28"
    assert normalise("that day", reference_day=tuesday).value == "2022-03-29"
    assert normalise("that night", reference_day=tuesday).value == "2022-03-29TNI"
    assert normalise("the following morning", reference_day=tuesday).value == "2022-03-30TMO"
    assert normalise("the day").value == "2022-04-01"  # nothing mentioned yet: the day of the report


def test_future_tense_moves_months_and_days_forward(normalise):
    assert normalise("Monday", tense="future").value == "2022-04-04"
    assert normalise("September", tense="future").value == "2022-09"
    assert normalise("September").value == "2021-09"
    assert normalise("May").value == "2022-05"  # next month is near enough to be the coming one


@pytest.mark.parametrize(
    "text", ["Friday", "Feb. 24", "last month", "earlier this week", "Tuesday night", "yesterday", "the next day", "1:44pm"]
)
def test_relative_expressions_keep_no_value_without_an_anchor(normalise, text):
    found = normalise(text, anchor=None)
    assert found is not None
    assert found.value is None
    assert found.granularity is not None


@pytest.mark.parametrize(
    "text, value", [("April 1, 2022", "2022-04-01"), ("in 2014", "2014"), ("Dec. 31, 1990", "1990-12-31"), ("five weeks", "P5W")]
)
def test_absolute_expressions_resolve_without_an_anchor(normalise, text, value):
    assert normalise(text, anchor=None).value == value


@pytest.mark.parametrize("text", ["24/7", "Gen.", "Brig. Gen.", "22", "150,000", "the army", "seventy", "3-1"])
def test_not_temporal_expressions(normalise, text):
    assert normalise(text) is None


def test_vague_references_get_timeml_ref_values(normalise):
    assert normalise("now") == Timex("DATE", "PRESENT_REF", None)
    assert normalise("recently") == Timex("DATE", "PAST_REF", None)
    assert normalise("soon") == Timex("DATE", "FUTURE_REF", None)
    assert normalise("several years ago") == Timex("DATE", "PAST_REF", None)


@pytest.mark.parametrize("text", ["04/01/2022", "2022/04/01", "Friday, 1st of April, 2022"])
def test_other_absolute_forms_through_dateparser(normalise, text):
    assert normalise(text, anchor=None) == Timex("DATE", "2022-04-01", "day")


def test_dateparser_readings_in_another_year_are_refused(normalise):
    assert normalise("March 28-30") is None  # dateparser alone would say 1930-03-28


# --- weekdays against a base date: the news convention, not dateparser's -------------------------


@pytest.mark.parametrize(
    "text, tense, expected",
    [
        ("Friday", None, "2022-04-01"),  # the base day itself (dateparser alone says 2022-03-25)
        ("Tuesday", None, "2022-03-29"),
        ("Tuesday", "future", "2022-04-05"),
        ("last Tuesday", "future", "2022-03-29"),
        ("next Tuesday", None, "2022-04-05"),
        ("Sunday night", None, "2022-03-27TNI"),
        ("Saturday", None, "2022-03-26"),
    ],
)
def test_a_weekday_is_read_against_the_base_date(normalise, text, tense, expected):
    assert normalise(text, tense=tense).value == expected


def test_a_weekday_with_its_date_picks_the_year_where_they_agree(normalise):
    assert normalise("Tuesday 29 March", tense="future").value == "2022-03-29"  # not 2023, a Wednesday
    assert normalise("Wednesday 29 March").value == "2023-03-29"
    assert normalise("Tuesday 29 March 2022").value == "2022-03-29"  # a year named is never moved
