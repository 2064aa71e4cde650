"""The event's day: the date of its sentence or the article's, its ISO range and precision, and triggers that tell of the past."""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ..model import Article, DateMention
from .candidate import Candidate, ExtractorState, _token_char_bounds
from .clauses import background, clause_head, in_since_phrase, irrealis_clause, linked_clauses
from .context import label_head_start, speech_day

TOLL_NOUNS = frozenset({"toll", "tally"})  # a running total's noun: "the death toll from attacks ... since"


def _is_day_or_date(date: DateMention) -> bool:
    """A DATE, or a TIME that names its day ("on Monday morning": 2024-07-08TMO)."""
    value = date.value or ""
    return date.type == "DATE" or (date.type == "TIME" and len(value) >= 10 and value[4] == "-" and value[7] == "-")


def _date_from_neighbours(candidates: list[Candidate]) -> None:
    """An event whose sentences say no day takes the day of the event told before it (the
    article's day: "... on Saturday. In a separate attack, shelling killed two"), else after it.
    Only a day is lent: a year or month dates its own event, often background ("Crimea, seized
    in 2014"), not the article's."""
    dated = [c.date if c.date is not None and _granularity(c.date.value or "") == "day" else None for c in candidates]
    for i, candidate in enumerate(candidates):
        if candidate.date is None:
            before = [d for d in dated[:i] if d is not None]
            after = [d for d in dated[i + 1 :] if d is not None]
            candidate.date = before[-1] if before else (after[0] if after else None)


def _iso_range(value: str | None) -> tuple[str, str] | None:
    """First and last day an ISO date value covers (2023-04, 2023-W14, 2023-04-30T10:00)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = dt.date.fromisoformat(value[:10]).isoformat()
            return day, day
        if len(value) >= 8 and value[5] == "W":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            first = monday + dt.timedelta(days=5) if value.endswith("-WE") else monday  # the weekend
            return first.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return f"{value}-01", f"{value}-{last:02d}"
        if len(value) == 4:
            return f"{value}-01-01", f"{value}-12-31"
    except ValueError:
        return None
    return None


def _granularity(value: str) -> str:
    if len(value) >= 10 and value[7] == "-":
        return "day"
    if len(value) >= 8 and value[5] == "W":
        return "week"
    if len(value) == 7:
        return "month"
    return "year"


class EventDates(ExtractorState):
    """Decides each candidate's day, and which triggers tell of an earlier time (background)."""

    def _background(self, doc: Doc, token, sub_type: str | None = None) -> bool:
        lexicon = self.lexicon
        words = token.subtree if token.pos_ == "NOUN" else token.children  # "attacks by al-Shabaab since the start of the year"
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.pos_ == "NOUN":
            words = [*words, *token.head.head.children]  # "since" on the toll the trigger is of
        if any(t.lower_ == "since" and t.dep_ == "prep" and t.i not in self._recent for t in words):
            return True  # "the death toll from attacks by al-Shabaab since the start of the year"
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.head.lower_ in TOLL_NOUNS and any(
                t.lower_ == "since" and t.dep_ in ("prep", "mark") and t.i not in self._recent for t in token.sent):
            return True  # "The death toll from attacks by armed groups in Ituri since January rose to 600"
        # (a change a group announces it will make is coded when announced: ACLED's change to group activity)
        if sub_type not in lexicon.announced_sub_types and irrealis_clause(doc, token):
            return True  # "will open the way to a peace agreement", "if Ukraine was involved in the strike"
        return background(doc, token, lexicon.period_phrases, self._recent, lexicon.comparison_words, self._days, lexicon.ending_verbs)

    def _date(self, doc: Doc, article: Article, candidate: Candidate, sent: Span) -> None:
        published = article.published
        dates = [
            d for d in article.dates
            if label_head_start(doc_text(doc), sent.start_char) <= d.span[0] < sent.end_char and _is_day_or_date(d)
            and (iso := _iso_range(d.value)) is not None
            and (published is None or iso[0] <= published)
        ]
        text = doc_text(doc)
        dates = [d for d in dates if not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words]
        # nor a day inside a "since" clause ("since fighting erupted on April 15")
        starts, _ = _token_char_bounds(doc)
        dates = [d for d in dates if not in_since_phrase(doc[max(0, bisect_right(starts, d.span[0]) - 1)], self._recent)]
        if dates:
            trigger_char = doc[candidate.trigger_span[0]].idx
            token_of = {id(d): max(0, bisect_right(starts, d.span[0]) - 1) for d in dates}
            # a day of the trigger's own clause first ("fired rockets on Wednesday in response to a
            # strike that killed one of its fighters on Tuesday": the strike's day is Tuesday)
            clauses = linked_clauses(doc, clause_head(doc[candidate.trigger_span[0]]))
            candidate.date = min(dates, key=lambda d: (speech_day(doc, token_of[id(d)], self.lexicon),
                                                       _granularity(d.value or "") != "day",
                                                       clause_head(doc[token_of[id(d)]]) not in clauses, abs(d.span[0] - trigger_char)))

    def _recent_only(self, article: Article, candidates: list[Candidate]) -> list[Candidate]:
        """Events whose own sentence dates them long before publication ("Kupiansk, which
        Ukrainian forces recaptured in September", in a March article) are background where the
        article reports a recent one; an article about old events only keeps them."""
        if not article.published:
            return candidates
        try:
            published = dt.date.fromisoformat(article.published[:10])
        except ValueError:
            return candidates

        def old(candidate: Candidate) -> bool:
            span = _iso_range(candidate.date.value) if candidate.date else None
            return span is not None and (published - dt.date.fromisoformat(span[1])).days > self.lexicon.recent_days

        recent = [c for c in candidates if not old(c)]
        return recent or candidates

    def _background_antecedent(self, doc: Doc, token) -> bool:
        """A relative clause on a noun of a background clause is background too, its trigger and
        its count: "Russia has reported cross-border shelling before, including an incident last
        week that killed a military chaplain"."""
        verb = doc[clause_head(token)]
        return verb.dep_ == "relcl" and self._background(doc, verb.head)

    def _dates_of(self, doc: Doc, article: Article, candidate: Candidate) -> tuple[str | None, str | None, int | None]:
        if candidate.date is not None:
            value = candidate.date.value or ""
            iso = _iso_range(value)
            if iso is not None:  # always: _date keeps only dates with a range
                return iso[0], iso[1], self.lexicon.date_prec.get(_granularity(value), 5)
        if self.lexicon.stamp is not None:
            head = doc_text(doc)[: doc[candidate.trigger_span[0]].idx]
            found = list(self.lexicon.stamp.finditer(head))
            if found:
                year, month, day = (int(g) for g in found[-1].groups())
                try:
                    stamp = dt.date(year, month, day).isoformat()
                    return stamp, stamp, self.lexicon.date_prec.get("day", 1)
                except ValueError:
                    pass
        if article.published:
            return article.published, article.published, self.lexicon.date_prec.get("nothing", 2)
        return None, None, None
