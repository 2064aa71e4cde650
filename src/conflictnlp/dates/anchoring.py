"""Calendar arithmetic against an anchor date: which Tuesday, which Feb. 24, which week.

News convention, which date parsers get wrong: in an article dated Friday, "on Friday" is that
day and "on Tuesday" the Tuesday before; only the future tense or "next" points forward.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Optional

Tense = Literal["past", "present", "future", "future_in_past"]
"""Clause tenses that move dates; "future_in_past" is reported intent ("said talks would resume
Monday"): forward for a weekday, no hint for a date that may have passed since."""


def shift_months(day: date, months: int) -> date:
    """The first of the month ``months`` after (or before) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def iso_week(day: date) -> str:
    """TimeML week value: ``2022-W13``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def resolve_weekday(weekday: int, anchor: date, shift: Optional[int], tense: Optional[Tense]) -> date:
    """The date of an ISO weekday (Monday = 1) as an article dated ``anchor`` means it.

    shift: -1 for "last", +1 for "next", 0 for "this" (the anchor's week), None for a bare name.
    A bare name is the most recent such day, the anchor itself included, unless the clause is in
    the future tense, then the next such day (again the anchor itself included).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift == 0:
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if shift is not None and shift < 0:
        return anchor - timedelta(days=back or 7)
    if shift is not None and shift > 0:
        return anchor + timedelta(days=ahead or 7)
    if tense in ("future", "future_in_past"):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def choose_year(
    month: int,
    day: Optional[int],
    anchor: date,
    tense: Optional[Tense],
    future_window_days: int,
) -> Optional[int]:
    """The year of a month (and day) named without one: the most recent such date, unless the
    clause is in the future tense or the next one is at most ``future_window_days`` ahead."""
    candidates = []
    for year in range(anchor.year - 4, anchor.year + 2):  # four back: the last Feb. 29
        try:
            candidates.append(date(year, month, day or 1))
        except ValueError:  # Feb. 29 in a common year
            continue
    if not candidates:
        return None
    if day is None:
        anchor = anchor.replace(day=1)
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if tense == "future" and future:
        return future[0].year
    if tense != "past" and future and (future[0] - anchor).days <= future_window_days:
        return future[0].year
    return (past[-1] if past else future[0]).year
