"""The event's day: the date of its sentence or the article's, its ISO range and precision, and triggers that tell of the past."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..extensions import doc_text
from ..model import Article, DateMention
from ..reading.boilerplate import dateline_at
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


_COORDINATED_DAYS = re.compile(r"^,?\s*(?:and|or|to|through|till|until|[-\u2013\u2014/])\s*(?:on\s+)?$", re.I)


def _first_of_coordinated(text: str, chosen: DateMention, dates: list[DateMention]) -> DateMention:
    """Days written together ("on Thursday and Friday", "Saturday-Sunday") are one incident's
    days: the event takes the first of them."""
    ordered = sorted(dates, key=lambda d: d.span[0])
    at = next(i for i, d in enumerate(ordered) if d is chosen)
    lo = hi = at
    while lo > 0 and _COORDINATED_DAYS.match(text[ordered[lo - 1].span[1] : ordered[lo].span[0]]):
        lo -= 1
    while hi + 1 < len(ordered) and _COORDINATED_DAYS.match(text[ordered[hi].span[1] : ordered[hi + 1].span[0]]):
        hi += 1
    return min(ordered[lo : hi + 1], key=lambda d: ((_iso_range(d.value) or ("9999",))[0], d.span[0]))


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
        starts, _ = _token_char_bounds(doc)
        # no day after "since"/"until"/"between" (a recent "since" starts the incident: _since_start)
        dates = [d for d in dates if not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words]
        # nor a day inside a "since" clause ("since fighting erupted on April 15")
        dates = [d for d in dates if not in_since_phrase(doc[max(0, bisect_right(starts, d.span[0]) - 1)], self._recent)]
        if dates:
            trigger_char = doc[candidate.trigger_span[0]].idx
            token_of = {id(d): max(0, bisect_right(starts, d.span[0]) - 1) for d in dates}
            # a day of the trigger's own clause first ("fired rockets on Wednesday in response to a
            # strike that killed one of its fighters on Tuesday": the strike's day is Tuesday)
            clauses = linked_clauses(doc, clause_head(doc[candidate.trigger_span[0]]))
            # a wire dateline's date is the filing day: any day the story tells comes first
            candidate.date = min(dates, key=lambda d: (self._in_dateline(text, d.span[0]),
                                                       speech_day(doc, token_of[id(d)], self.lexicon),
                                                       _granularity(d.value or "") != "day",
                                                       clause_head(doc[token_of[id(d)]]) not in clauses, abs(d.span[0] - trigger_char)))
            candidate.date = _first_of_coordinated(text, candidate.date, dates)

    @staticmethod
    def _in_dateline(text: str, char: int) -> bool:
        """Whether the character lies in a wire dateline ("PORT SUDAN, Sept 15 (Reuters) -"), as
        reading decides it."""
        found = dateline_at(text, char)
        return found is not None and char < found.end

    def _since_start(self, doc: Doc, article: Article, candidate: Candidate, first: str) -> str:
        """The first day of an ongoing incident, where one of its sentences says since when with a
        recent day ("at least 20 people have been killed since Friday in fighting ...", "Clashes
        entered a third day on Monday. Officials put the toll at 46 since Saturday"); else ``first``.
        The candidate keeps its own date mention, so a later sentence of the same fighting still
        folds with it ("The fighting continued on Thursday")."""
        spans = [(doc[s].idx, doc[e - 1].idx) for s, e in candidate.sentences]  # its toll's sentence too
        starts = self._doc_starts
        for date in article.dates:
            token = max(0, bisect_right(starts, date.span[0]) - 1)
            if any(lo <= date.span[0] <= hi for lo, hi in spans) and token > 0 and doc[token - 1].lower_ == "since" and token - 1 in self._recent:
                since = (_iso_range(date.value) or (None,))[0]
                if since is not None and since < first:
                    return since
        return first

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
        night = self._night_before(doc, article, candidate)
        if night is not None:
            return night, night, self.lexicon.date_prec.get("day", 1)
        if candidate.date is not None:
            value = candidate.date.value or ""
            iso = _iso_range(value)
            if iso is not None:  # always: _date keeps only dates with a range
                first = self._since_start(doc, article, candidate, self._range_start(doc_text(doc), candidate.date, iso[0]))
                return first, iso[1], self.lexicon.date_prec.get(_granularity(value), 5)
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
            since = self._since_start(doc, article, candidate, article.published)
            if since != article.published:
                return since, article.published, self.lexicon.date_prec.get("day", 1)
            return article.published, article.published, self.lexicon.date_prec.get("nothing", 2)
        return None, None, None

    def _range_start(self, text: str, date: DateMention, first: str) -> str:
        """The first day of a range of days written with the month once ("between 20 and 24
        July", "5-11 October"): the date mention is the last day; the range starts at the first."""
        if self.lexicon.range_start is None or _granularity(date.value or "") != "day":
            return first
        found = self.lexicon.range_start.search(text, max(0, date.span[0] - 30), date.span[0])
        if found is None:
            return first
        day = int(found.group(1) or found.group(2))
        last = dt.date.fromisoformat(first)
        return last.replace(day=day).isoformat() if 1 <= day < last.day else first

    def _night_before(self, doc: Doc, article: Article, candidate: Candidate) -> str | None:
        """The day an "overnight" event began: the day before the one the report speaks from (the
        publication day, or the day its speaker spoke: "overnight, the governor said on Sunday"),
        or before the day the night runs into ("overnight into Saturday"). None where the
        trigger's sentence says no "overnight" or names the event's own day, nor in a live-blog
        entry that opens with its clock time (where the gold sets disagree)."""
        words = self.lexicon.overnight_words
        sent_start, sent_end = candidate.sentences[0]
        if not words or not any(doc[i].lower_ in words for i in range(sent_start, sent_end)):
            return None
        date = candidate.date
        text = doc_text(doc)
        line = text.rfind("\n", 0, doc[sent_start].idx) + 1
        if self.lexicon.entry_clock is not None and self.lexicon.entry_clock.match(text, line):
            return None
        if date is None:
            anchor = article.published
        else:
            token = max(0, bisect_right(self._doc_starts, date.span[0]) - 1)
            into = token > 0 and doc[token - 1].lower_ in self.lexicon.into_words
            said = speech_day(doc, token, self.lexicon) or self._in_dateline(text, date.span[0])
            if not (into or said or text[date.span[0] : date.span[1]].lower() in words):
                return None  # "on Sunday overnight": the day is said
            anchor = (_iso_range(date.value) or (None, None))[0]
        try:
            return (dt.date.fromisoformat((anchor or "")[:10]) - dt.timedelta(days=1)).isoformat()
        except ValueError:
            return None

    def _date_from_lead(self, doc: Doc, article: Article, candidates: list[Candidate]) -> None:
        """A lone event told in a sentence that says no day, or only the day a statement was made,
        takes the day of an earlier sentence of its paragraph ("on 2 November units repelled a
        terrorist incursion at Diapaga. Forty-two terrorists were neutralised."; "A man was killed
        ... on Saturday. On Sunday, police said the attack was carried out by ..."): the lead
        tells the incident that the next sentences go on with."""
        if len(candidates) != 1:
            return
        candidate = candidates[0]
        text = doc_text(doc)
        starts = self._doc_starts
        if candidate.date is not None:
            token = max(0, bisect_right(starts, candidate.date.span[0]) - 1)
            if not speech_day(doc, token, self.lexicon):
                return
        sent_char = doc[candidate.sentences[0][0]].idx
        paragraph = text.rfind("\n", 0, sent_char) + 1
        earlier = [
            d for d in article.dates
            if paragraph <= d.span[0] < sent_char and _is_day_or_date(d) and _granularity(d.value or "") == "day"
            and (iso := _iso_range(d.value)) is not None and (article.published is None or iso[0] <= article.published)
            and not self._in_dateline(text, d.span[0])
            and not speech_day(doc, max(0, bisect_right(starts, d.span[0]) - 1), self.lexicon)
            and not set(text[max(0, d.span[0] - 8) : d.span[0]].lower().split()[-1:]) & self.lexicon.period_words
            and not in_since_phrase(doc[max(0, bisect_right(starts, d.span[0]) - 1)], self._recent)
        ]
        if earlier:
            candidate.date = earlier[-1]
