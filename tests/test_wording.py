"""Messages count in words a person reads without stumbling: "1 file", "2 files"."""

from __future__ import annotations

from conflictnlp.batch.runner import ExtractSummary
from conflictnlp.training.convert import ConversionReport
from conflictnlp.wording import count


def test_count_says_one_thing_and_many_things():
    assert count(1, "file") == "1 file"
    assert count(0, "file") == "0 files"
    assert count(2, "story", "stories") == "2 stories"
    assert count(1, "part was", "parts were") == "1 part was"


def test_extract_summary_says_one_record_and_one_file():
    summary = ExtractSummary(records=1, with_errors=0, skipped=[("a.pdf", "not a text format")], resumed_parts=1)
    first, resumed, *_ = summary.lines()
    assert first == "1 record written, 1 processed cleanly, 0 with errors, 1 file skipped"
    assert resumed == "  resumed: 1 part was already done by an earlier run"


def test_conversion_report_says_one_span():
    assert ConversionReport(records=1, spans=1, quotes=1).lines()[0] == "1 text, 1 span, 1 quote"
