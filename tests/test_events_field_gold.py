"""The field events gold (tests/fixtures/events_field.jsonl, a fifth hand written blind) is what its
generator writes, and every event in it is in the contract's taxonomy and the actor kinds the gold
format names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conflictnlp.events.lexicon import ACLED_TAXONOMY

FIXTURES = Path(__file__).parent / "fixtures"
KINDS = {None, "state_forces", "rebel_group", "militia", "armed_group", "civilians", "protesters", "rioters",
         "peacekeepers", "political_party"}


@pytest.mark.slow
def test_the_field_gold_is_its_generators_output(tmp_path):
    for name in ("make_events_field.py", "make_events_challenge.py"):
        (tmp_path / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(tmp_path / "make_events_field.py")], check=True, capture_output=True)
    assert (tmp_path / "events_field.jsonl").read_text(encoding="utf-8") == (FIXTURES / "events_field.jsonl").read_text(encoding="utf-8")


def test_every_field_event_is_in_the_taxonomy():
    cases = [json.loads(line) for line in (FIXTURES / "events_field.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(cases) >= 120 and len({c["id"] for c in cases}) == len(cases)
    reports = [report for case in cases for report in case["reports"]]
    assert len(reports) >= 150 and len({r["id"] for r in reports}) == len(reports)
    assert sum(1 for case in cases if len(case["reports"]) > 1) >= 10
    assert sum(1 for r in reports if not r["events"]) >= 8  # floods, accidents, crime, a drill, a court, a threat
    for report in reports:
        assert report["published"] and report["text"]
        for event in report["events"]:
            assert event["sub_type"] in ACLED_TAXONOMY[event["type"]], report["id"]
            assert {event["perpetrator"], event["target"]} <= KINDS, report["id"]
            assert event["violence"] in (None, "state_based", "non_state", "one_sided"), report["id"]
            assert event["date"] <= report["published"], report["id"]
