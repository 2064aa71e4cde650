"""Stories across outlets: which articles report the same incident, and where they differ.

``compare(results)`` groups articles into stories (text similarity, shared places and actors,
publication dates within a window), aligns the same quote across outlets, clusters claims
about the same fact and reports disagreements: different figures for the same distance or
quantity, different dates, opposing stances and different sources for the same claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Optional, Union

from ..model import (
    Article,
    Claim,
    ClaimMember,
    Disagreement,
    DisagreementValue,
    Distance,
    Quote,
    QuoteMember,
    Stories,
    Story,
    StoryClaim,
    StoryQuote,
)
from .similarity import Mode, Similarity, content_words, dice, event_words

WINDOW_DAYS = 3
STORY_THRESHOLD = 0.3  # average link score at which two groups of articles are one story
SHARED_QUOTE_BONUS = 0.3  # the same statement by the same speaker in both: strong evidence
UNKNOWN_SPEAKER_MARGIN = 1.2  # without both speakers' names, quotes must be this much more alike
OPPOSING = {"denied", "unconfirmed"}
AFFIRMING = {"asserted", "hedged"}
OPPOSING_DISTANCE = 400  # characters: a denial right after the claim it answers
MIN_ANSWER_OVERLAP = 0.25  # content-word overlap (Dice) of a denial with the claim it answers
SAME_VALUE = 0.05  # relative difference under which two figures agree ...
SAME_APPROXIMATE_VALUE = 0.1  # ... or, when either is approximate, this


@dataclass
class _Item:
    """A quote or claim with the article it comes from."""

    article: int
    obj: Any


class _UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())


def _body(article: Article) -> str:
    text = article.text or ""
    lo, hi = article.body or (0, len(text))
    return text[lo:hi]


def _day(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _surname(name: Optional[str]) -> Optional[str]:
    words = re.findall(r"[^\W_]+", name or "")
    return words[-1].lower() if words else None


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class StoryComparer:
    """Compares extraction results across outlets; see ``compare``."""

    def __init__(self, similarity: Union[Mode, Similarity] = "auto", window_days: int = WINDOW_DAYS):
        self.similarity = similarity if isinstance(similarity, Similarity) else Similarity(similarity)
        self.window_days = window_days

    def __call__(self, results: Iterable[Union[Article, dict]]) -> Stories:
        articles = [r if isinstance(r, Article) else Article.from_dict(r) for r in results]
        ids = [a.id or f"article{n}" for n, a in enumerate(articles, start=1)]
        stories = []
        for members in self.group(articles):
            story = self.story(f"s{len(stories) + 1}", [articles[i] for i in members], [ids[i] for i in members])
            stories.append(story)
        return Stories(stories=stories)

    # --- which articles belong together -----------------------------------------------------

    def link_scores(self, articles: list[Article]) -> list[list[float]]:
        """How strongly each pair of articles looks like the same incident (0 outside the window)."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import cosine_similarity

        n = len(articles)
        bodies = [_body(a) for a in articles]
        if n < 2 or not any(b.strip() for b in bodies):
            return [[0.0] * n for _ in range(n)]
        tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_]{3,}\b")
        cosine = cosine_similarity(tfidf.fit_transform(bodies))
        shared_quotes = self._shared_quotes(articles)
        places = [{(loc.name or loc.text).lower() for loc in a.locations} for a in articles]
        actors = [self._actors(a) for a in articles]
        days = [_day(a.published) for a in articles]
        scores = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                if days[i] and days[j] and abs((days[i] - days[j]).days) > self.window_days:
                    continue
                score = 0.6 * float(cosine[i][j]) + 0.2 * _jaccard(places[i], places[j]) + 0.2 * _jaccard(actors[i], actors[j])
                if (i, j) in shared_quotes:
                    score += SHARED_QUOTE_BONUS
                scores[i][j] = scores[j][i] = score
        return scores

    def _shared_quotes(self, articles: list[Article]) -> set[tuple[int, int]]:
        """Pairs of articles (i < j) that carry the same statement by the same named speaker."""
        items = [_Item(n, q) for n, a in enumerate(articles) for q in a.quotes if q.speaker_name and q.content.text.strip()]
        scores = self.similarity.scores([item.obj.content.text for item in items], "quote")
        pairs = set()
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.article != b.article and scores[i][j] >= 1.0 and self._same_speaker(a.obj, b.obj) == (True, False):
                    pairs.add((min(a.article, b.article), max(a.article, b.article)))
        return pairs

    @staticmethod
    def _actors(article: Article) -> set[str]:
        names = [q.speaker_name for q in article.quotes] + [c.source for c in article.claims if c.source != article.source]
        return {s for s in map(_surname, names) if s}

    def group(self, articles: list[Article]) -> list[list[int]]:
        """Article indices by story: average-link clustering, so one roundup article that
        touches two incidents does not chain them into one story."""
        scores = self.link_scores(articles)
        groups = [[i] for i in range(len(articles))]
        while len(groups) > 1:
            best, pair = STORY_THRESHOLD, None
            for a in range(len(groups)):
                for b in range(a + 1, len(groups)):
                    links = [scores[i][j] for i in groups[a] for j in groups[b]]
                    average = sum(links) / len(links)
                    if average >= best:
                        best, pair = average, (a, b)
            if pair is None:
                break
            a, b = pair
            groups[a] = sorted(groups[a] + groups.pop(b))
        return sorted(groups)

    # --- one story ------------------------------------------------------------------------

    def story(self, story_id: str, articles: list[Article], ids: list[str]) -> Story:
        quotes = self.align_quotes(articles, ids)
        claim_groups = self.cluster_claims(articles)
        claims = []
        disagreements = self.distance_disagreements(articles, ids)
        for members in claim_groups:
            claim_id = f"sc{len(claims) + 1}"
            items = [(ids[item.article], articles[item.article], item.obj) for item in members]
            summary = self._summary([claim for _, _, claim in items])
            claims.append(
                StoryClaim(
                    id=claim_id,
                    summary=summary,
                    members=[ClaimMember(article=aid, claim=c.id, source=c.source, stance=c.stance) for aid, _, c in items],
                )
            )
            disagreements.extend(self.claim_disagreements(summary, items))
        return Story(id=story_id, articles=ids, quotes=quotes, claims=claims, disagreements=disagreements)

    def align_quotes(self, articles: list[Article], ids: list[str]) -> list[StoryQuote]:
        """The same statement across outlets, however each translated or trimmed it."""
        items = [_Item(n, q) for n, a in enumerate(articles) for q in a.quotes if q.content.text.strip()]
        scores = self.similarity.scores([item.obj.content.text for item in items], "quote")
        union = _UnionFind(len(items))
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.article == b.article:
                    continue
                same, unknown = self._same_speaker(a.obj, b.obj)
                if same and scores[i][j] >= (UNKNOWN_SPEAKER_MARGIN if unknown else 1.0):
                    union.union(i, j)
        aligned = []
        for group in union.groups():
            if len({items[i].article for i in group}) < 2:
                continue
            names = [items[i].obj.speaker_name for i in group if items[i].obj.speaker_name]
            aligned.append(
                StoryQuote(
                    id=f"sq{len(aligned) + 1}",
                    speaker_name=max(names, key=len) if names else None,
                    members=[QuoteMember(article=ids[items[i].article], quote=items[i].obj.id) for i in sorted(group)],
                )
            )
        return aligned

    @staticmethod
    def _same_speaker(a: Quote, b: Quote) -> tuple[bool, bool]:
        """(could be the same speaker, at least one speaker unknown)."""
        first, second = _surname(a.speaker_name), _surname(b.speaker_name)
        if first is None or second is None:
            return True, True
        return first == second, False

    def cluster_claims(self, articles: list[Article]) -> list[list[_Item]]:
        """Claims about the same fact: similar claims in different outlets, and a denial with
        the claim it answers ("two workers were wounded, but Rosneft denied anyone was hurt")."""
        items = [_Item(n, c) for n, a in enumerate(articles) for c in a.claims]
        scores = self.similarity.scores([item.obj.text for item in items], "claim")
        words = [content_words(item.obj.text) for item in items]
        events = event_words()
        union = _UnionFind(len(items))
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                if a.article != items[j].article and scores[i][j] >= 1.0:
                    union.union(i, j)
        # each denial joins the one claim it most likely answers, so denials do not chain
        # every nearby mention of an attack into one cluster
        for i, a in enumerate(items):
            if a.obj.stance not in OPPOSING:
                continue
            candidates = [
                (dice(words[i], words[j]), j)
                for j, b in enumerate(items)
                if b.article == a.article and self._answers(a.obj, b.obj) and words[i] & words[j] & events
            ]
            best = max(candidates, default=(0.0, None))
            if best[1] is not None and best[0] >= MIN_ANSWER_OVERLAP:
                union.union(i, best[1])
        clusters = []
        for group in union.groups():
            members = [items[i] for i in sorted(group)]
            stances = {m.obj.stance for m in members}
            if len({m.article for m in members}) > 1 or (stances & OPPOSING and stances & AFFIRMING):
                clusters.append(members)
        return clusters

    @staticmethod
    def _answers(a: Claim, b: Claim) -> bool:
        """One claim affirms and the other denies or questions it, close together in one text."""
        opposed = (a.stance in OPPOSING) != (b.stance in OPPOSING)
        gap = max(a.span[0], b.span[0]) - min(a.span[1], b.span[1])
        return opposed and a.source != b.source and gap <= OPPOSING_DISTANCE

    @staticmethod
    def _summary(claims: list[Claim]) -> str:
        affirmed = [c.text for c in claims if c.stance == "asserted"] or [c.text for c in claims if c.stance in AFFIRMING]
        return min(affirmed or [c.text for c in claims], key=len)

    # --- disagreements --------------------------------------------------------------------

    def distance_disagreements(self, articles: list[Article], ids: list[str]) -> list[Disagreement]:
        """The same distance (same reference point and subject) given differently by outlets."""
        items = [(n, d) for n, a in enumerate(articles) for d in a.distances]
        references = [content_words(self._reference(articles[n], d)) for n, d in items]
        subjects = [content_words(d.subject.text) if d.subject else frozenset() for _, d in items]
        union = _UnionFind(len(items))
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if items[i][0] == items[j][0] or dice(references[i], references[j]) < 0.5:
                    continue
                if subjects[i] and subjects[j] and not subjects[i] & subjects[j]:
                    continue
                union.union(i, j)
        found = []
        for group in union.groups():
            members = [items[i] for i in group]
            if len({n for n, _ in members}) < 2 or not _differ([(d.metres, d.approximate) for _, d in members]):
                continue
            found.append(
                Disagreement(
                    kind="distance",
                    about=self._distance_about([d for _, d in members]),
                    values=[
                        DisagreementValue(
                            article=ids[n], ref=d.id, text=d.text, value=d.value, unit=d.unit, metres=d.metres,
                            source=_source_of(articles[n], d.span), span=d.span, approximate=d.approximate,
                        )
                        for n, d in members
                    ],
                )
            )
        return found

    @staticmethod
    def _reference(article: Article, distance: Distance) -> str:
        if distance.reference:
            return distance.reference.text
        text = article.text or ""
        return text[distance.span[1] : distance.span[1] + 60]  # "... 22 miles [from the border]"

    @staticmethod
    def _distance_about(distances: list[Distance]) -> str:
        def shortest(texts: list[str]) -> Optional[str]:
            if not texts:
                return None
            text = min(texts, key=len)
            # "The bridge" opening a sentence reads "the bridge" mid-phrase
            return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", text)

        subject = shortest([d.subject.text for d in distances if d.subject])
        reference = shortest([d.reference.text for d in distances if d.reference])
        if subject and reference:
            return f"distance of {subject} from {reference}"
        if reference:
            return f"distance from {reference}"
        return f"distance of {subject}" if subject else "distance"

    def claim_disagreements(self, summary: str, items: list[tuple[str, Article, Claim]]) -> list[Disagreement]:
        """Opposing stances, different sources, figures and dates within one claim cluster."""
        found = []

        def side(aid: str, claim: Claim) -> DisagreementValue:
            return DisagreementValue(article=aid, ref=claim.id, text=claim.text, source=claim.source, stance=claim.stance, span=claim.span)

        stances = {c.stance for _, _, c in items}
        if stances & OPPOSING and stances & AFFIRMING:
            found.append(Disagreement(kind="stance", about=summary, values=[side(aid, c) for aid, _, c in items]))
        else:
            # named sources only: "a local official" and "Oleh Kovalenko" may well be one person
            attributed = [(aid, a, c) for aid, a, c in items if _named(c.source) and c.source != a.source]
            names: dict[str, set[str]] = {}
            for aid, _, c in attributed:
                names.setdefault(aid, set()).add(_surname(c.source) or "")
            if _some_disjoint(list(names.values())):
                found.append(Disagreement(kind="source", about=summary, values=[side(aid, c) for aid, _, c in attributed]))
        found.extend(self._figure_disagreements(summary, items))
        return found

    @staticmethod
    def _figure_disagreements(summary: str, items: list[tuple[str, Article, Claim]]) -> list[Disagreement]:
        by_concept: dict[tuple, list[DisagreementValue]] = {}
        approximate: dict[tuple, list[tuple[float, bool]]] = {}
        days: dict[str, set[str]] = {}
        for aid, article, claim in items:
            quantities = {q.id: q for q in article.quantities}
            for ref in claim.quantities:
                q = quantities.get(ref)
                if q is None or not q.concept:
                    continue
                key = ("quantity", q.kind, q.unit, content_words(q.concept))
                by_concept.setdefault(key, []).append(
                    DisagreementValue(article=aid, ref=q.id, text=q.text, value=q.value, unit=q.unit,
                                      source=claim.source, span=q.span, approximate=q.approximate)
                )
                approximate.setdefault(key, []).append((q.value, q.approximate))
            dates = {d.id: d for d in article.dates}
            for ref in claim.dates:
                d = dates.get(ref)
                # only dates inside the claim: context dates may belong to another event
                if d is None or not d.value or d.granularity != "day" or not (claim.span[0] <= d.span[0] and d.span[1] <= claim.span[1]):
                    continue
                by_concept.setdefault(("date",), []).append(
                    DisagreementValue(article=aid, ref=d.id, text=d.text, source=claim.source, span=d.span)
                )
                days.setdefault(aid, set()).add(d.value[:10])
        found = []
        for key, values in by_concept.items():
            if len({v.article for v in values}) < 2:
                continue
            if key[0] == "date":
                # "struck on Tuesday, buried on Wednesday": only articles that share no day disagree
                if _some_disjoint(list(days.values())):
                    found.append(Disagreement(kind="date", about=f"date: {summary}", values=values))
            elif _differ(approximate[key]):
                concept = min((v.text for v in values), key=len)
                found.append(Disagreement(kind="quantity", about=f"{' '.join(sorted(key[3])) or concept}: {summary}", values=values))
        return found


def _some_disjoint(groups: list[set[str]]) -> bool:
    """Whether two of the groups have nothing in common."""
    return any(not a & b for i, a in enumerate(groups) for b in groups[i + 1 :])


def _named(source: Optional[str]) -> bool:
    """A source given by name ("Oleh Kovalenko", "Russia's Defense Ministry"), not by a
    description ("a local official", "Ukrainian officials"): its head word is a proper noun."""
    words = (source or "").split()
    return bool(words) and words[-1][:1].isupper()


def _differ(values: list[tuple[float, bool]]) -> bool:
    """Whether figures disagree beyond rounding (wider when either is approximate)."""
    for i, (a, approx_a) in enumerate(values):
        for b, approx_b in values[i + 1 :]:
            allowed = SAME_APPROXIMATE_VALUE if approx_a or approx_b else SAME_VALUE
            if abs(a - b) > allowed * max(abs(a), abs(b)):
                return True
    return False


def _source_of(article: Article, span: tuple[int, int]) -> Optional[str]:
    """Who gives a figure: the source of the claim it is in."""
    for claim in article.claims:
        if claim.span[0] <= span[0] and span[1] <= claim.span[1]:
            return claim.source
    return None


def compare(
    results: Iterable[Union[Article, dict]],
    *,
    similarity: Union[Mode, Similarity] = "auto",
    window_days: int = WINDOW_DAYS,
) -> Stories:
    """Stories across outlets from extraction results (``Article`` objects or their dicts).

    similarity: "auto" (sentence embeddings when the optional model is installed, else
    lexical), "lexical", "embeddings", or a ``Similarity`` to reuse a loaded model.
    window_days: articles published further apart are never one story.
    """
    return StoryComparer(similarity, window_days)(results)
