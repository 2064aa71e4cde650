"""The dates component in the pipeline: invented news sentences, checked value by value."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.dates.component import DatesComponent

from .conftest import assert_offsets

FRIDAY = "2022-04-01"

WEEK_REPORT = (
    "Russian artillery shelled the outskirts of Kharkiv on Friday, a day after officials said on Thursday "
    "that a convoy of 30 buses had been turned back. The regional governor said Wednesday that two schools "
    "were hit. Russia announced on Tuesday that it would scale back operations near Kyiv. "
    "Negotiators will meet again next Tuesday in Istanbul."
)

BACKGROUND = (
    "Moscow launched the invasion on Feb. 24, and the first families fled the town on March 5. "
    "Crimea was annexed in 2014, and the port was last rebuilt in 2020. Grain exports collapsed last month "
    "and the foreign minister travelled to Ankara earlier this week. The ceasefire came five weeks after "
    "the fighting began. Less than 24 hours earlier, a drone struck a depot. The strike on Tuesday night "
    "followed weeks of Russian bombardment."
)


def dates_of(nlp, text: str, published: str | None = FRIDAY) -> list[dict]:
    record = conflictnlp.extract(text, published=published, nlp=nlp).to_dict()
    assert_offsets(record)
    return record["dates"]


def by_text(dates: list[dict]) -> dict[str, dict]:
    return {d["text"]: d for d in dates}


def test_every_weekday_of_a_friday_report(nlp):
    dates = dates_of(nlp, WEEK_REPORT)
    values = [(d["text"], d["value"]) for d in dates]
    assert values == [
        ("Friday", "2022-04-01"),
        ("Thursday", "2022-03-31"),
        ("Wednesday", "2022-03-30"),
        ("Tuesday", "2022-03-29"),
        ("next Tuesday", "2022-04-05"),
    ]
    assert {d["type"] for d in dates} == {"DATE"}
    assert {d["granularity"] for d in dates} == {"day"}


def test_background_dates_durations_and_times(nlp):
    found = by_text(dates_of(nlp, BACKGROUND))
    expected = {
        "Feb. 24": ("DATE", "2022-02-24", "day"),
        "March 5": ("DATE", "2022-03-05", "day"),
        "2014": ("DATE", "2014", "year"),
        "2020": ("DATE", "2020", "year"),
        "last month": ("DATE", "2022-03", "month"),
        "earlier this week": ("DATE", "2022-W13", "week"),
        "five weeks": ("DURATION", "P5W", "week"),
        "Less than 24 hours earlier": ("DURATION", "PT24H", "hour"),
        "Tuesday night": ("TIME", "2022-03-29TNI", "part_of_day"),
        "weeks": ("DURATION", "PXW", "week"),
    }
    for text, (kind, value, granularity) in expected.items():
        assert text in found, (text, sorted(found))
        assert (found[text]["type"], found[text]["value"], found[text]["granularity"]) == (kind, value, granularity), text


def test_ids_in_text_order_and_span_group(nlp):
    doc = nlp(conflictnlp.pipeline.make_doc(nlp, conflictnlp.reading.sources.read_record({"text": BACKGROUND, "published": FRIDAY})))
    mentions = doc._.dates
    assert [m.id for m in mentions] == [f"d{i}" for i in range(1, len(mentions) + 1)]
    assert [m.span for m in mentions] == sorted(m.span for m in mentions)
    group = doc.spans["conflict_dates"]
    assert [(s.start_char, s.end_char) for s in group] == [tuple(m.span) for m in mentions]
    assert [s.label_ for s in group] == [m.type for m in mentions]


def test_the_next_day_counts_from_the_day_just_mentioned(nlp):
    text = (
        "A resident said the soldiers packed up their equipment and left on Tuesday. "
        "The next day, they shelled the town for close to an hour."
    )
    found = by_text(dates_of(nlp, text))
    assert found["Tuesday"]["value"] == "2022-03-29"
    assert found["The next day"]["value"] == "2022-03-30"
    assert found["close to an hour"]["value"] == "PT1H"


def test_parts_of_an_entity_that_is_no_single_expression(nlp):
    text = "Russia lost more armour in the quarter ended Sept. 30 than between 2014 and 2016, analysts said."
    found = by_text(dates_of(nlp, text))
    assert found["Sept. 30"]["value"] == "2021-09-30"
    assert found["2014"]["value"] == "2014"
    assert found["2016"]["value"] == "2016"


def test_times_ranges_and_days_after_a_week_value(nlp):
    text = (
        "The first blast was heard at 1430 GMT on Tuesday, and by the weekend the depot had burned out. "
        "The next morning, crews from the 2014-2015 campaign arrived."
    )
    record = conflictnlp.extract(text, published=FRIDAY, nlp=nlp).to_dict()
    assert record["errors"] == []
    assert_offsets(record)
    found = [(d["text"], d["type"], d["value"]) for d in record["dates"]]
    assert found == [
        ("1430 GMT on Tuesday", "TIME", "2022-03-29T14:30"),
        ("the weekend", "DATE", "2022-W13-WE"),
        ("The next morning", "TIME", "2022-03-30TMO"),
        ("2014", "DATE", "2014"),
        ("2015", "DATE", "2015"),
    ]


def test_future_and_past_clauses_point_different_ways(nlp):
    found = dates_of(nlp, "The talks collapsed on Monday. Both delegations will return to the table on Monday.")
    assert [d["value"] for d in found] == ["2022-03-28", "2022-04-04"]


def test_reported_intent_points_forward_for_weekdays(nlp):
    found = dates_of(nlp, "The Kremlin said on Thursday that the talks would resume Monday.")
    assert [(d["text"], d["value"]) for d in found] == [("Thursday", "2022-03-31"), ("Monday", "2022-04-04")]


def test_no_publication_date_leaves_relative_values_empty(nlp):
    text = (
        "Troops crossed the border on Feb. 24 and reached the river on Tuesday. "
        "The treaty they tore up had been signed on April 1, 2021, in 2014 by another account."
    )
    record = conflictnlp.extract(text, nlp=nlp).to_dict()
    assert record["published"] is None
    assert_offsets(record)
    found = by_text(record["dates"])
    assert found["Feb. 24"]["value"] is None and found["Feb. 24"]["granularity"] == "day"
    assert found["Tuesday"]["value"] is None
    assert found["April 1, 2021"]["value"] == "2021-04-01"
    assert found["2014"]["value"] == "2014"


def test_dateline_anchors_the_article(nlp):
    text = (
        "Ukraine says Russian shelling continues near Kyiv\n\n"
        "April 1, 2022 11:05am\n\n"
        "Updated: April 2, 2022 1:44pm\n\n"
        "Ukrainian officials said on Wednesday that Russian troops were regrouping north of the capital, "
        "and the shelling resumed on Thursday."
    )
    record = conflictnlp.extract(text, nlp=nlp).to_dict()
    assert record["published"] == FRIDAY
    assert_offsets(record)
    found = by_text(record["dates"])
    assert found["Wednesday"]["value"] == "2022-03-30"
    assert found["Thursday"]["value"] == "2022-03-31"
    assert found["April 2, 2022 1:44pm"]["type"] == "TIME"
    assert found["April 2, 2022 1:44pm"]["value"] == "2022-04-02T13:44"


@pytest.mark.parametrize(
    "text",
    [
        "Brig. Gen. Kyrylo Budanov said the talks would continue online 24/7.",
        "Russia may strike the bridge again, and the column could march toward 22 villages.",
        "Officials say the city is now cut off, and 150,000 people remain, 30 of them in hospital.",
        "March forward, the commander told the 45 soldiers, who may yet hold the line.",
        "Russia massed a force of 2000 troops near the border, and 1500 of them crossed it.",
        "As the war entered its second month, the second convoy reached the city.",
    ],
)
def test_no_false_dates(nlp, text):
    assert dates_of(nlp, text) == []


def test_may_the_month_is_still_a_date(nlp):
    found = dates_of(nlp, "Elections are planned for May, the mayor said on Friday.")
    assert [(d["text"], d["value"]) for d in found] == [("May", "2022-05"), ("Friday", "2022-04-01")]


def test_nothing_outside_the_body(nlp):
    article = "Russian troops withdrew from Hostomel on Thursday, Ukrainian officials said."
    text = article + "\nreader_42\nI saw the convoy myself on Monday, and again on Feb. 3.\n"
    doc = nlp.make_doc(text)
    doc._.published = FRIDAY
    doc._.body = (0, len(article))
    for name, component in nlp.pipeline:
        if name != "article":  # the body is given here, not found
            doc = component(doc)
    assert [(m.text, m.value) for m in doc._.dates] == [("Thursday", "2022-03-31")]
    assert [span.text for span in doc.spans["conflict_dates"]] == ["Thursday"]


def test_vague_references_only_when_asked_for(nlp):
    text = "Officials said the bridge is now closed and was recently mined."
    assert dates_of(nlp, text) == []
    doc = nlp(conflictnlp.pipeline.make_doc(nlp, conflictnlp.reading.sources.read_record({"text": text, "published": FRIDAY})))
    DatesComponent(nlp, "timeml_dates", vague_references=True, future_window_days=60)(doc)
    assert [(m.text, m.value) for m in doc._.dates] == [("now", "PRESENT_REF"), ("recently", "PAST_REF")]
