"""Calendar arithmetic against an anchor date: which Tuesday, which Feb. 24, which week.

News convention, which date parsers get wrong: in an article dated Friday, "on Friday" is that
day and "on Tuesday" the Tuesday before; only the future tense or "next" points forward.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Optional

Tense = Literal["past", "present", "future", "future_in_past", "scheduled"]
"""Clause tenses that move dates; "future_in_past" is reported intent ("said talks would resume
Monday"): forward for a weekday, no hint for a date that may have passed since. "scheduled" is
the present of a schedule ("the deadline expires Saturday"); the dates component reads it as
the future outside headlines."""


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


def resolve_weekday(weekday: int, anchor: date, shift: Optional[int], tense: Optional[Tense],
                    latest: Optional[date] = None) -> date:
    """The date of an ISO weekday (Monday = 1) as an article dated ``anchor`` means it.

    shift: -1 for "last", +1 for "next", 0 for "this" (the anchor's week), None for a bare name.
    A bare name is the most recent such day, the anchor itself included, unless the clause is in
    the future tense, then the next such day (again the anchor itself included). ``latest``: the
    day the article was updated, after its publication; a bare name in the past may be any day
    up to it ("on Saturday" in a Friday story updated on Saturday is that Saturday).
    """
    if latest is not None and latest > anchor and shift is None and tense not in ("future", "future_in_past"):
        back_from_latest = (latest.isoweekday() - weekday) % 7
        day = latest - timedelta(days=back_from_latest)
        if day > anchor:
            return day
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


NEAR_MONTHS = 3
"""A month named alone in a clause without tense is the coming one up to this many months ahead."""
PRESENT_NEAR_MONTHS = 5
"""... and in the present tense ("elections are scheduled for June") the nearer of the two."""


def choose_year(
    month: int,
    day: Optional[int],
    anchor: date,
    tense: Optional[Tense],
    future_window_days: int,
) -> Optional[int]:
    """The year of a month (and day) named without one: the most recent such date, unless the
    clause is in the future tense or the next one is at most ``future_window_days`` ahead. A
    month alone ("June" in a March article) reads the tense: the past tense takes the last
    one, the future the next one; otherwise the coming one when it is near (``NEAR_MONTHS``,
    in the present tense or reported intent ``PRESENT_NEAR_MONTHS``), else the last one."""
    if day is None:
        ahead = (month - anchor.month) % 12
        coming = anchor.year + (1 if month < anchor.month else 0)
        latest = anchor.year if month <= anchor.month else anchor.year - 1
        if tense == "future":
            return coming
        if tense == "past" or ahead == 0:
            return latest
        limit = PRESENT_NEAR_MONTHS if tense in ("present", "future_in_past") else NEAR_MONTHS
        return coming if ahead <= limit else latest
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
