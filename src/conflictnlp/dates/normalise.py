"""TimeML (TIMEX3) type, value and granularity of one temporal expression.

The rules read the expression against the article's anchor date (its publication date), the
tense of the clause it sits in and the last day and quarter the article mentioned. Without an
anchor, relative expressions keep their type and granularity but no value; absolute ones
("April 1, 2022", "in 2014") resolve all the same. Absolute expressions the rules do not know
fall back to dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Optional

from dateparser.date import DateDataParser

from ..model import TimexType
from .anchoring import Tense, choose_year, iso_week, quarter_of, resolve_weekday, shift_months
from .lexicon import Lexicon, load_lexicon

VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
"""The TimeML values of vague references to the present, past and future."""

# (value or None when it needs an anchor that is missing, granularity)
DatePart = tuple[Optional[str], str]


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression."""

    type: TimexType
    value: Optional[str]
    granularity: Optional[str]


@dataclass
class Context:
    """What the value of an expression depends on besides its words."""

    anchor: Optional[date]
    tense: Optional[Tense] = None
    reference_day: Optional[date] = None
    reference_quarter: Optional[str] = None
    latest: Optional[date] = None
    """The day the article was updated, when after its publication (see ``resolve_weekday``)."""


def _plural_to_singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


class Normaliser:
    """Turns the text of a temporal expression into a :class:`Timex` (None if it is none)."""

    def __init__(self, lexicon: Optional[Lexicon] = None, future_window_days: int = 60):
        self.lex = lex = lexicon or load_lexicon()
        self.future_window_days = future_window_days
        month = rf"(?P<month>{lex.alternation(lex.months)})\.?"
        weekday = rf"(?:(?P<weekday>{lex.alternation(lex.weekdays)}),? )?"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        year = r"(?:,? (?P<year>\d{4}))?"
        shift = rf"(?P<shift>{lex.alternation(lex.shifts)})"
        ordinal = rf"(?P<ordinal>{lex.alternation(lex.ordinals)})"
        self._month_day = re.compile(rf"^{weekday}{month} {day}{year}$")
        self._day_month = re.compile(rf"^{weekday}(?:the )?{day} (?:of )?{month}{year}$")
        self._iso_day = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
        self._month_year = re.compile(rf"^{month},? (?:of )?(?P<year>\d{{4}})$")
        self._month_shifted_year = re.compile(rf"^{month},? (?:of )?{shift} year$")
        self._month_alone = re.compile(rf"^(?:{shift} )?{month}$")
        self._year = re.compile(r"^(?:the )?(?:year )?(?P<year>1\d{3}|20\d{2}|21\d{2})$")
        self._decade = re.compile(r"^(?:the )?'?(?P<digits>\d{2}|1\d{2}0|20\d0)s$")
        self._decade_word = re.compile(rf"^(?:the )?(?P<word>{lex.alternation(lex.decades)})$")
        self._century = re.compile(r"^(?:the )?(?P<number>\d{1,2})(?:st|nd|rd|th) century$")
        self._quarter = re.compile(
            rf"^(?:{shift} (?:(?P<of_year>year) )?)?(?:{ordinal} )?quarter(?: (?:of )?(?P<year>\d{{4}}))?$"
        )
        self._quarter_code = re.compile(r"^q(?P<ordinal>[1-4])(?: (?P<year>\d{4}))?$")
        self._half = re.compile(rf"^(?:the )?{ordinal} half(?: (?:of )?(?P<year>\d{{4}}))?$")
        self._season = re.compile(
            rf"^(?:{shift} )?(?P<season>{lex.alternation(lex.seasons)})(?: (?:of )?(?P<year>\d{{4}}))?$"
        )
        calendar_units = "week|weekend|month|year|decade|century"
        self._shifted_unit = re.compile(rf"^(?:the )?{shift} (?P<unit>{calendar_units})$")
        # "year-earlier results": the adjective, without a number; "a year earlier" is a duration
        self._unit_earlier = re.compile(r"^(?:the )?(?P<unit>year|month|week) (?:earlier|ago)(?: (?P<period>quarter|period))?$")
        # "a year earlier": the reference point a unit before (the quarter or day last mentioned)
        self._a_unit_earlier = re.compile(r"^(?:a|one) (?P<unit>year|month|week) (?:earlier|before)$")
        self._year_in_words = re.compile(r"^(?:the )?year (?P<words>[a-z ]+)$")
        self._weekday = re.compile(rf"^(?:{shift} )?(?P<weekday>{lex.alternation(lex.weekdays)})$")
        self._clock = re.compile(
            r"(?<![\d:.])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))? ?(?P<half>[ap])\.? ?m\b\.?"
            r"|(?<![\d:/])(?P<hour24>\d{1,2}):(?P<minute24>\d{2})(?![\d:/])"
            # military time, only with a zone or "hrs": "1430 GMT"
            rf"|\b(?P<hour_mil>[01]\d|2[0-3])(?P<minute_mil>[0-5]\d) ?(?=(?:{lex.alternation(lex.time_zones)}|hrs|hours)\b)"
            rf"|\b(?P<word>{lex.alternation(lex.clock_words)})\b"
        )
        self._part_of_day = re.compile(rf"\b(?P<part>{lex.alternation(lex.parts_of_day)})\b")
        self._time_zone = re.compile(rf"\b(?:{lex.alternation(lex.time_zones)})\b|\bo'clock\b")
        self._every = re.compile(r"^(?:every|each|per) (?:(?P<other>other) )?(?P<rest>.+)$")
        self._number = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")
        self._has_absolute = re.compile(rf"\b(?:{lex.alternation(lex.months)})\b.*\d|\b\d{{4}}\b")
        self._rules: tuple[Callable[[str, Context], Optional[Timex]], ...] = (
            self._numeric,
            self._frequency,
            self._time,
            self._date,
            self._ago,
            self._duration,
            self._parsed,
        )

    def __call__(self, text: str, context: Context) -> Optional[Timex]:
        cleaned = self.clean(text)
        if not cleaned or cleaned in self.lex.false_dates:
            return None
        if cleaned in self.lex.vague_references:
            return Timex("DATE", self.lex.vague_references[cleaned], None)
        for rule in self._rules:
            found = rule(cleaned, context)
            if found is not None:
                return self._weekday_agrees(cleaned, found, context)
        return None

    def _weekday_agrees(self, text: str, timex: Timex, context: Context) -> Timex:
        """A date that names its weekday and no year ("Tuesday 29 March") is in the year where
        that day is that weekday, the nearest to the anchor; the tense only chooses otherwise."""
        value, anchor = timex.value or "", context.anchor
        if anchor is None or not re.match(r"\d{4}-\d{2}-\d{2}", value) or re.search(r"\b\d{4}\b", text):
            return timex
        named = sorted({number for name, number in self.lex.weekdays.items() if re.search(rf"\b{re.escape(name)}\b", text)})
        if len(named) != 1 or not re.search(r"\d", text):
            return timex
        day = date.fromisoformat(value[:10])
        if day.isoweekday() == named[0]:
            return timex
        candidates = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidate = day.replace(year=year)
            except ValueError:
                continue
            if candidate.isoweekday() == named[0]:
                candidates.append(candidate)
        if not candidates:
            return timex
        best = min(candidates, key=lambda c: abs((c - anchor).days))
        return Timex(timex.type, best.isoformat() + value[10:], timex.granularity)

    # --- text preparation ---------------------------------------------------------------

    def clean(self, text: str) -> str:
        """Lower case, one space, no possessive, hyphens between words as spaces."""
        text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
        text = re.sub(r"\s+", " ", text).strip(" ,;:")
        text = re.sub(r"(\d0)'s\b", r"\1s", text)
        text = re.sub(r"'s\b", "", text)
        text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", " ", text)
        fillers = self.lex.alternation(self.lex.fillers)
        text = re.sub(rf"\b(?:{fillers})\b", " ", text)
        return re.sub(r"\s+", " ", text).strip(" ,;:")

    def _strip_leading(self, text: str, phrases: tuple[str, ...]) -> str:
        ordered = sorted(phrases, key=len, reverse=True)
        changed = True
        while changed:
            changed = False
            for phrase in ordered:
                if text.startswith(phrase + " "):
                    text = text[len(phrase) + 1 :]
                    changed = True
                    break
        return text

    def number(self, phrase: str) -> Optional[float]:
        """The value of a number in digits or words ("24", "twenty four", "a hundred")."""
        phrase = phrase.strip()
        if self._number.match(phrase):
            return float(phrase.replace(",", ""))
        if phrase in self.lex.numbers:
            return float(self.lex.numbers[phrase])
        words = phrase.replace(" and ", " ").split()
        if len(words) > 1 and words[0] in ("a", "an") and words[1] not in self.lex.multipliers:
            words = words[1:]
        total = current = 0.0
        for word in words:
            if word in self.lex.multipliers:
                current = (current or 1) * self.lex.multipliers[word]
                if self.lex.multipliers[word] >= 1000:
                    total, current = total + current, 0.0
            elif word in self.lex.numbers:
                current += self.lex.numbers[word]
            elif self._number.match(word):
                current += float(word.replace(",", ""))
            else:
                return None
        return total + current if words else None

    # --- rules ---------------------------------------------------------------------------

    def _frequency(self, text: str, context: Context) -> Optional[Timex]:
        lex = self.lex
        if text in lex.frequencies:
            return Timex("SET", lex.frequencies[text], self._duration_granularity(lex.frequencies[text]))
        if _plural_to_singular(text) in lex.weekdays and text.endswith("s"):
            return Timex("SET", f"XXXX-WXX-{lex.weekdays[text[:-1]]}", "day")
        match = self._every.match(text)
        if not match:
            return None
        rest, every_other = match["rest"], bool(match["other"])
        singular = _plural_to_singular(rest)
        if singular in lex.weekdays:
            return Timex("SET", f"XXXX-WXX-{lex.weekdays[singular]}", "day")
        if rest in lex.months:
            return Timex("SET", f"XXXX-{lex.months[rest]:02d}", "month")
        if rest in lex.seasons:
            return Timex("SET", f"XXXX-{lex.seasons[rest]}", "season")
        if rest in lex.parts_of_day:
            return Timex("SET", f"XXXX-XX-XXT{lex.parts_of_day[rest]}", "part_of_day")
        words = rest.split()
        unit = lex.units.get(_plural_to_singular(words[-1]))
        if unit is None:
            return None
        count = self.number(" ".join(words[:-1])) if len(words) > 1 else (2.0 if every_other else 1.0)
        if count is None:
            return None
        return Timex("SET", self._duration_value(count, unit), unit.granularity)

    def _time(self, text: str, context: Context) -> Optional[Timex]:
        lex = self.lex
        stripped = self._strip_leading(text, lex.point_modifiers)
        relative = lex.relative_days.get(stripped)
        if relative is not None and "part" in relative:
            day = self._offset_day(context.anchor, relative["offset"])
            return Timex("TIME", f"{day}T{relative['part']}" if day else None, "part_of_day")
        clock = self._clock.search(stripped)
        part = self._part_of_day.search(stripped)
        if clock is None and part is None:
            return None
        if clock is not None:
            if clock["word"]:
                time_of_day = lex.clock_words[clock["word"]]
            elif clock["half"]:
                hour = int(clock["hour"]) % 12 + (12 if clock["half"] == "p" else 0)
                if int(clock["hour"]) > 12:
                    return None
                time_of_day = f"{hour:02d}" + (f":{clock['minute']}" if clock["minute"] else "")
            elif clock["hour_mil"]:
                time_of_day = f"{clock['hour_mil']}:{clock['minute_mil']}"
            else:
                if int(clock["hour24"]) > 24 or int(clock["minute24"]) > 59:
                    return None
                time_of_day = f"{int(clock['hour24']):02d}:{clock['minute24']}"
            rest, granularity = stripped[: clock.start()] + " " + stripped[clock.end() :], "time"
        else:
            assert part is not None  # both None returned above
            time_of_day = lex.parts_of_day[part["part"]]
            rest, granularity = stripped[: part.start()] + " " + stripped[part.end() :], "part_of_day"
        rest = self._time_zone.sub(" ", rest).replace("hrs", " ")
        rest = re.sub(r"\b(?:at|on|in|of)\b|,", " ", rest)
        rest = self._strip_leading(re.sub(r"\s+", " ", rest).strip(), lex.point_modifiers)
        rest = re.sub(r"^(?:the|this)\b ?", "", rest)
        if rest:
            # "the next morning", "that night": the day counted from the last one mentioned
            day_part = next(
                (found for phrase in (rest, f"the {rest} day", f"{rest} day") if (found := self._date_part(phrase, context))),
                None,
            )
            if day_part is None or day_part[1] != "day":
                return None
            day_value = day_part[0]
        else:
            day_value = context.anchor.isoformat() if context.anchor else None
        return Timex("TIME", f"{day_value}T{time_of_day}" if day_value else None, granularity)

    def _numeric(self, text: str, context: Context) -> Optional[Timex]:
        """A date in figures: ISO "2026-10-16", or "16/10/2026", "10/16/26", "04/11" as incident
        lists write them. Where day and month could be either way round, the reading on or before
        the anchor and nearest to it; with no anchor to choose by, month first."""
        if iso := _ISO_DATE.match(text):
            try:
                return Timex("DATE", date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat(), "day")
            except ValueError:
                return Timex("DATE", None, "day")
        match = _FIGURES_DATE.match(text)
        if not match:
            return None
        first, second, year_text = int(match["a"]), int(match["b"]), match["year"]
        years: list[int]
        if year_text:
            years = [int(year_text) + (2000 if len(year_text) == 2 else 0)]
        elif context.anchor is not None:
            years = [context.anchor.year, context.anchor.year - 1]
        else:
            return Timex("DATE", None, "day")
        readings = set()
        for day, month in ((first, second), (second, first)):
            for year in years:
                try:
                    readings.add(date(year, month, day))
                except ValueError:
                    pass
        if not year_text and context.anchor is not None:
            # a year-less date is the last such day up to the anchor
            readings = {day for day in readings if day <= context.anchor and (context.anchor - day).days < 366}
        if len({(day.month, day.day) for day in readings}) > 1:
            if context.anchor is None:  # nothing to choose by: month first, as US wires and dateparser read it
                return Timex("DATE", date(years[0], first, second).isoformat(), "day")
            anchor = context.anchor
            readings = {min(readings, key=lambda day: (day > anchor, abs((anchor - day).days)))}
        return Timex("DATE", min(readings).isoformat() if readings else None, "day")

    def _date(self, text: str, context: Context) -> Optional[Timex]:
        stripped = self._strip_leading(text, self.lex.point_modifiers)
        match = self._shifted_unit.match(stripped)
        if match and match["unit"] in ("decade", "century") and self.lex.shifts[match["shift"]] != 0:
            # "over the next decade", "in the past decade": ten years up to or from now, not
            # the calendar decade ("this decade" and "the 1990s" are)
            unit = self.lex.units[match["unit"]]
            return Timex("DURATION", self._duration_value(1, unit), unit.granularity)
        if match := self._a_unit_earlier.match(stripped):
            return self._unit_before(match["unit"], context)
        found = self._date_part(stripped, context)
        return Timex("DATE", *found) if found else None

    def _unit_before(self, unit: str, context: Context) -> Timex:
        """ "a year earlier": the quarter or day last mentioned (else the anchor), a unit before."""
        if unit == "year" and context.reference_quarter:
            year, quarter = context.reference_quarter.split("-")
            return Timex("DATE", f"{int(year) - 1}-{quarter}", "quarter")
        reference = context.reference_day or context.anchor
        if reference is None:
            return Timex("DATE", None, "day" if unit == "year" else unit)
        if unit == "year":
            day = reference.replace(year=reference.year - 1) if (reference.month, reference.day) != (2, 29) else reference - timedelta(days=366)
            return Timex("DATE", day.isoformat(), "day")
        if unit == "month":
            return Timex("DATE", shift_months(reference, -1).isoformat()[:7], "month")
        return Timex("DATE", iso_week(reference - timedelta(weeks=1)), "week")

    def _ago(self, text: str, context: Context) -> Optional[Timex]:
        if not text.endswith(" ago"):
            return None
        words = self._strip_leading(text[: -len(" ago")], self.lex.approximators).split()
        if not words:
            return None
        unit = self.lex.units.get(_plural_to_singular(words[-1]))
        if unit is None:
            return None
        phrase = " ".join(words[:-1])
        count = self.number(phrase) if phrase else 1.0
        if count is None:
            if phrase in self.lex.vague_quantities or not phrase:
                return Timex("DATE", "PAST_REF", None)
            return None
        anchor, whole = context.anchor, int(count)
        if unit.time:
            return Timex("TIME", None, unit.granularity)
        if anchor is None or whole != count:
            return Timex("DATE", None, "day" if unit.code in ("D", "W") else unit.granularity)
        if unit.code == "D":
            return Timex("DATE", (anchor - timedelta(days=whole * unit.factor)).isoformat(), "day")
        if unit.code == "W":
            return Timex("DATE", (anchor - timedelta(weeks=whole * unit.factor)).isoformat(), "day")
        if unit.code == "M":
            return Timex("DATE", shift_months(anchor, -whole).isoformat()[:7], "month")
        if unit.code == "Y":
            return Timex("DATE", str(anchor.year - whole), "year")
        if unit.code == "DE":
            return Timex("DATE", str(anchor.year // 10 - whole), "decade")
        return None

    def _duration(self, text: str, context: Context) -> Optional[Timex]:
        lex = self.lex
        words = self._strip_leading(text, lex.approximators).split()
        trailing = {"earlier", "later", "after", "before", "afterwards", "afterward", "since", "on", "old", "long",
                    "period", "span", "stretch", "low", "high", "running", "straight", "more", "so", "or", "now",
                    "from", "in", "a", "row", "and", "counting"}
        described = False  # "week-long", "8-month-old": a unit word that stands for one unit
        while len(words) > 1 and words[-1] in trailing:
            described = described or words[-1] in ("long", "old")
            words.pop()
        if not words:
            return None
        unit = lex.units.get(words[-1]) or lex.units.get(_plural_to_singular(words[-1]))
        if unit is None:
            return None
        plural = words[-1] not in lex.units
        phrase = " ".join(words[:-1])
        phrase = re.sub(r"^the ", "", phrase)
        phrase = re.sub(r"^(?:past|last|next|first|coming|previous|following|final|same|those|these|another)\b ?", "", phrase)
        if not phrase and not plural and not described:
            return None  # a bare "second", "month": an ordinal or a noun, no duration
        if not phrase or phrase in ("the", "a", "an"):
            count: Optional[float] = None if plural else 1.0
        elif phrase in lex.vague_quantities:
            count = None
        else:
            count = self.number(phrase)
            if count is None:
                return None
        return Timex("DURATION", self._duration_value(count, unit), unit.granularity)

    def _parsed(self, text: str, context: Context) -> Optional[Timex]:
        """Absolute dates in a form the rules above do not know, through dateparser."""
        if not self._has_absolute.search(text):
            return None
        has_year = re.search(r"\b\d{4}\b", text) is not None
        if not has_year and context.anchor is None:
            return None
        data = _date_parser(context.anchor).get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        parsed, period = data.date_obj.date(), data.period
        # dateparser reads what it cannot place as something ("March 28-30" as 1930): keep only
        # readings in the year the text names, or near the anchor when it names none
        years = {int(year) for year in re.findall(r"\b(\d{4})\b", text)}
        if years and parsed.year not in years:
            return None
        if not years and context.anchor is not None and abs(parsed.year - context.anchor.year) > 1:
            return None
        if period == "year":
            return Timex("DATE", str(parsed.year), "year")
        if period == "month":
            return Timex("DATE", parsed.isoformat()[:7], "month")
        if period == "time":
            return Timex("TIME", data.date_obj.strftime("%Y-%m-%dT%H:%M"), "time")
        return Timex("DATE", parsed.isoformat(), "day")

    # --- dates ---------------------------------------------------------------------------

    def _date_part(self, text: str, context: Context) -> Optional[DatePart]:
        """Value and granularity of a calendar date, week, month, quarter, season, year ..."""
        lex, anchor = self.lex, context.anchor
        relative = lex.relative_days.get(text)
        if relative is not None:
            return (None if "part" in relative else self._offset_day(anchor, relative["offset"]), "day")
        if text in lex.discourse_days:
            reference = context.reference_day or anchor
            return self._offset_day(reference, lex.discourse_days[text]), "day"
        for pattern in (self._iso_day, self._month_day, self._day_month):
            match = pattern.match(text)
            if match:
                return self._calendar_day(match, context), "day"
        if match := self._month_year.match(text):
            return f"{match['year']}-{lex.months[match['month']]:02d}", "month"
        if match := self._month_shifted_year.match(text):
            year = anchor.year + lex.shifts[match["shift"]] if anchor else None
            return (f"{year}-{lex.months[match['month']]:02d}" if year else None), "month"
        if match := self._year.match(text):
            return match["year"], "year"
        if match := self._decade.match(text):
            return self._decade_value(match["digits"], anchor), "decade"
        if match := self._decade_word.match(text):
            return self._decade_value(f"{lex.decades[match['word']]}0", anchor), "decade"
        if match := self._century.match(text):
            return f"{int(match['number']) - 1:02d}", "century"
        if (match := self._quarter.match(text)) or (match := self._quarter_code.match(text)):
            return self._quarter_value(match, context), "quarter"
        if match := self._half.match(text):
            half = lex.ordinals[match["ordinal"]]
            if half > 2:
                return None
            half_year = match["year"] or (str(anchor.year) if anchor else None)
            return (f"{half_year}-H{half}" if half_year else None), "half"
        if match := self._season.match(text):
            season_year = int(match["year"]) if match["year"] else (anchor.year + lex.shifts[match["shift"] or "this"] if anchor else None)
            return (f"{season_year}-{lex.seasons[match['season']]}" if season_year else None), "season"
        if match := self._shifted_unit.match(text):
            shift = lex.shifts[match["shift"]]
            if match["unit"] == "weekend" and shift == 0 and anchor is not None and anchor.isoweekday() <= 4 \
                    and context.tense == "past":
                shift = -1  # "shelling killed three over the weekend" in a Monday to Thursday report: the one just past
            return self._shifted_unit_value(match["unit"], shift, anchor)
        if match := self._unit_earlier.match(text):
            if match["unit"] == "year" and context.reference_quarter and (match["period"] or anchor is not None):
                # "year-earlier results" next to a quarter's figures: that quarter a year before
                quarter_year, quarter = context.reference_quarter.split("-")
                return f"{int(quarter_year) - 1}-{quarter}", "quarter"
            return self._shifted_unit_value(match["unit"], -1, anchor)
        if (match := self._year_in_words.match(text)) and (number := self.number(match["words"])):
            return (str(int(number)), "year") if 1000 <= number < 2200 else None
        if match := self._weekday.match(text):
            weekday_shift = None if match["shift"] in (None, "the") else lex.shifts[match["shift"]]
            if anchor is None:
                return None, "day"
            day = resolve_weekday(lex.weekdays[match["weekday"]], anchor, weekday_shift, context.tense, context.latest)
            return day.isoformat(), "day"
        if match := self._month_alone.match(text):
            return self._month_value(lex.months[match["month"]], match["shift"], context), "month"
        return None

    def _calendar_day(self, match: re.Match, context: Context) -> Optional[str]:
        month = match["month"]
        month_number = int(month) if month.isdigit() else self.lex.months[month]
        day = int(match["day"])
        year = int(match["year"]) if match["year"] else None
        if year is None:
            if context.anchor is None:
                return None
            year = choose_year(month_number, day, context.anchor, context.tense, self.future_window_days)
            if year is None:
                return None
        try:
            return date(year, month_number, day).isoformat()
        except ValueError:
            return None

    def _month_value(self, month: int, shift_word: Optional[str], context: Context) -> Optional[str]:
        anchor = context.anchor
        if anchor is None:
            return None
        shift = None if shift_word in (None, "the") else self.lex.shifts[shift_word]
        if shift == 0:
            year = anchor.year
        elif shift is not None and shift < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif shift is not None and shift > 0:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            chosen = choose_year(month, None, anchor, context.tense, self.future_window_days)
            if chosen is None:  # only a day can have no year; a month always has one
                return None
            year = chosen
        return f"{year}-{month:02d}"

    def _quarter_value(self, match: re.Match, context: Context) -> Optional[str]:
        anchor = context.anchor
        groups = match.groupdict()
        ordinal = groups.get("ordinal")
        number = (int(ordinal) if ordinal.isdigit() else self.lex.ordinals[ordinal]) if ordinal else None
        if number is not None and number > 4:
            return None
        shift_word = groups.get("shift")
        if number is not None and groups.get("year"):
            return f"{groups['year']}-Q{number}"
        if anchor is None:
            return None
        if number is not None:
            if shift_word is not None and groups.get("of_year"):  # of_year comes only after a shift
                return f"{anchor.year + self.lex.shifts[shift_word]}-Q{number}"
            past = number > quarter_of(anchor) and context.tense != "future"
            return f"{anchor.year - 1 if past else anchor.year}-Q{number}"
        if shift_word is not None and groups.get("of_year"):  # "last year's quarter": the quarter in question, a year apart
            number = int(context.reference_quarter[-1]) if context.reference_quarter else quarter_of(anchor)
            return f"{anchor.year + self.lex.shifts[shift_word]}-Q{number}"
        if shift_word == "the" and context.reference_quarter:
            return context.reference_quarter
        shift = self.lex.shifts.get(shift_word or "this", 0)
        index = anchor.year * 4 + quarter_of(anchor) - 1 + shift
        return f"{index // 4}-Q{index % 4 + 1}"

    def _shifted_unit_value(self, unit: str, shift: int, anchor: Optional[date]) -> DatePart:
        granularity = "week" if unit == "weekend" else unit
        if anchor is None:
            return None, granularity
        if unit == "week":
            return iso_week(anchor + timedelta(weeks=shift)), "week"
        if unit == "weekend":
            return iso_week(anchor + timedelta(weeks=shift)) + "-WE", "week"
        if unit == "month":
            return shift_months(anchor, shift).isoformat()[:7], "month"
        if unit == "year":
            return str(anchor.year + shift), "year"
        if unit == "decade":
            return str(anchor.year // 10 + shift), "decade"
        return f"{anchor.year // 100 + shift:02d}", "century"

    @staticmethod
    def _decade_value(digits: str, anchor: Optional[date]) -> str:
        if len(digits) == 4:
            return digits[:3]
        # "the '90s": the latest such decade that has begun by the anchor (or by 2000)
        reference_year = anchor.year if anchor else 2000
        century = reference_year // 100
        decade = int(digits[0])
        if century * 100 + decade * 10 > reference_year:
            century -= 1
        return f"{century}{decade}"

    @staticmethod
    def _offset_day(day: Optional[date], offset: int) -> Optional[str]:
        return (day + timedelta(days=offset)).isoformat() if day else None

    # --- durations -----------------------------------------------------------------------

    @staticmethod
    def _duration_value(count: Optional[float], unit) -> str:
        if count is None:
            amount = "X"
        else:
            count *= unit.factor
            amount = str(int(count)) if count == int(count) else f"{count:g}"
        return f"PT{amount}{unit.code}" if unit.time else f"P{amount}{unit.code}"

    def _duration_granularity(self, value: str) -> Optional[str]:
        match = re.match(r"^P(?P<time>T?)[\dX.]+(?P<code>[A-Z]+)$", value)
        if match is None:
            return None
        for unit in self.lex.units.values():
            if unit.code == match["code"] and unit.time == bool(match["time"]):
                return unit.granularity
        return None


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FIGURES_DATE = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<year>\d{4}|\d{2}))?$")


@lru_cache(maxsize=64)
def _date_parser(anchor: Optional[date]) -> DateDataParser:
    """dateparser set up for one anchor (English only: far faster, far fewer false dates)."""
    settings = {"RETURN_TIME_AS_PERIOD": True, "PREFER_DATES_FROM": "past"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor, datetime.min.time())
    return DateDataParser(languages=["en"], settings=settings)
