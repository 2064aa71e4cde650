"""``conflictnlp evaluate events``: scoring on hand-made records, and record errors shown."""

from conflictnlp.evaluation import events as evaluation

GOLD_EVENT = {"type": "explosions_remote_violence", "sub_type": "air_drone_strike", "perpetrator": "state_forces",
              "target": "civilians", "place": "Kherson", "date": "2023-05-02", "fatalities": 4, "violence": "one_sided"}


def _record(**event_fields):
    event = {"type": "explosions_remote_violence", "sub_type": "air_drone_strike", "location": "l1",
             "actors": {"perpetrator": {"kind": "state_forces"}, "target": {"kind": "civilians"}},
             "date_start": "2023-05-02", "fatalities": {"best": 4}, "violence": "one_sided"}
    event.update(event_fields)
    return {"locations": [{"id": "l1", "name": "Kherson", "text": "Kherson"}], "events": [event]}


def test_every_field_right_on_a_matching_event():
    report = evaluation.score_reports([({"id": "r1", "events": [GOLD_EVENT]}, _record())])
    assert all(score == 1.0 for score in report["scores"].values())


def test_wrong_toll_and_day_are_wrong_and_listed():
    report = evaluation.score_reports([({"id": "r1", "events": [GOLD_EVENT]},
                                        _record(fatalities={"best": 3}, date_start="2023-05-01"))])
    assert report["scores"]["fatalities"] == 0.0 and report["scores"]["date"] == 0.0
    assert report["scores"]["place"] == 1.0
    assert report["misses"] == [{"report": "r1", "wrong": ["date", "fatalities"]}]


def test_an_event_where_the_gold_has_none_counts_against_type():
    report = evaluation.score_reports([({"id": "flood", "events": []}, _record())])
    assert report["scores"]["type"] == 0.0
    empty = evaluation.score_reports([({"id": "flood", "events": []}, {"events": []})])
    assert empty["scores"]["type"] == 1.0


def test_record_errors_are_shown_under_the_table():
    report = evaluation.score_reports([({"id": "r1", "events": [GOLD_EVENT]}, {"events": []})])
    report.update(grouping={"f1": 1.0, "precision": 1.0, "recall": 1.0}, cases=1, reports=1,
                  errors=["r1: events: NameError: name 'x' is not defined"])
    text = evaluation.render(report)
    assert "warning: 1 record errors" in text and "r1: events: NameError" in text
    report["errors"] = []
    assert "warning" not in evaluation.render(report)


def test_grouping_with_no_pairs_is_not_scored_zero():
    report = evaluation.score_reports([({"id": "r1", "events": [GOLD_EVENT]}, _record())])
    report.update(grouping={"f1": 0.0, "precision": 0.0, "recall": 0.0, "tp": 0, "fp": 0, "fn": 0}, cases=1, reports=1)
    line = next(row for row in evaluation.render(report).splitlines() if row.startswith("grouping"))
    assert "n/a" in line and "0.000" not in line
