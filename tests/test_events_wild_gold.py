"""The wild events gold (tests/fixtures/events_wild.jsonl) is what its generator writes, and every
event in it is in the contract's taxonomy and the actor kinds the gold format names."""

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
def test_the_wild_gold_is_its_generators_output(tmp_path):
    script = tmp_path / "make_events_wild.py"
    script.write_text((FIXTURES / "make_events_wild.py").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "make_events_challenge.py").write_text((FIXTURES / "make_events_challenge.py").read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True)
    assert (tmp_path / "events_wild.jsonl").read_text(encoding="utf-8") == (FIXTURES / "events_wild.jsonl").read_text(encoding="utf-8")


def test_every_wild_event_is_in_the_taxonomy():
    cases = [json.loads(line) for line in (FIXTURES / "events_wild.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(cases) >= 120 and len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        for report in case["reports"]:
            assert report["published"] and report["text"]
            for event in report["events"]:
                assert event["sub_type"] in ACLED_TAXONOMY[event["type"]], report["id"]
                assert {event["perpetrator"], event["target"]} <= KINDS, report["id"]
                assert event["violence"] in (None, "state_based", "non_state", "one_sided"), report["id"]
                assert event["date"] <= report["published"], report["id"]
