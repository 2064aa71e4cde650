"""Stories across outlets: which articles report the same incident, and where they differ.

``compare(results)`` groups articles into stories (``grouping``: blocked candidate pairs, text
similarity, shared places and people, publication dates within a window, average linkage),
aligns the same quote across outlets under one canonical speaker (``speakers``), clusters
claims about the same fact and reports disagreements: different figures for the same count,
distance or quantity and different dates of the event (``figures``), opposing stances and
different sources for the same claim.

``StoryComparer.stream(open_records)`` does the same in two passes over records that it reads
twice (``open_records()`` is called once per pass), holding only compact signatures and the
articles of stories not yet complete, so memory stays bounded on large corpora.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Callable, Iterable, Iterator, Optional, Union

import numpy as np

from ..model import (
    Article,
    Claim,
    ClaimMember,
    Disagreement,
    DisagreementValue,
    Quote,
    QuoteMember,
    Stories,
    Story,
    StoryClaim,
    StoryQuote,
)
from . import grouping
from .figures import figure_disagreements, toll_role
from .grouping import LinkedGroups
from .similarity import Mode, Similarity, content_words, dice, event_words
from .speakers import SpeakerNames, is_named, is_owned_body, is_person, surname

WINDOW_DAYS = 3
STORY_THRESHOLD = grouping.STORY_THRESHOLD
UNKNOWN_SPEAKER_MARGIN = 1.2  # without both speakers' names, quotes must be this much more alike
REPEATED_QUOTE = 1.6  # one article quoting the same words twice (standfirst and body)
OPPOSING = {"denied", "unconfirmed"}
AFFIRMING = {"asserted", "hedged"}
OPPOSING_DISTANCE = 400  # characters: a denial right after the claim it answers
MIN_ANSWER_OVERLAP = 0.25  # content-word overlap (Dice) of a denial with the claim it answers
MIN_CLAIM_WORDS = 2  # a claim of fewer content words ("you know") states no fact, unless one is an event


@dataclass
class _Item:
    """A quote or claim with the article it comes from."""

    article: int
    obj: Any


def _as_record(result: Union[Article, dict]) -> dict:
    return result.to_dict() if isinstance(result, Article) else result


def _as_article(result: Union[Article, dict]) -> Article:
    return result if isinstance(result, Article) else Article.from_dict(result)


def _figure_keys(record: dict) -> Iterator[str]:
    """Blocking keys from tolls: "killed:3" (see ``figures.toll_role``)."""
    for raw in record.get("quantities") or ():
        what = toll_role(raw)
        if what and raw.get("value") is not None:
            yield f"{what}:{raw['value']:g}"


class StoryComparer:
    """Compares extraction results across outlets; see ``compare``.

    exhaustive: score every pair of articles within the window instead of the blocked
    candidates (quadratic; for checking the blocking on small inputs).
    """

    def __init__(self, similarity: Union[Mode, Similarity] = "auto", window_days: int = WINDOW_DAYS, *, exhaustive: bool = False):
        self.similarity = similarity if isinstance(similarity, Similarity) else Similarity(similarity)
        self.window_days = window_days
        self.exhaustive = exhaustive
        self.candidate_pairs = 0  # how many pairs the last grouping scored

    def __call__(self, results: Iterable[Union[Article, dict]]) -> Stories:
        results = list(results)
        stories = [story for story, _ in self.stream(lambda: iter(results))]
        return Stories(stories=sorted(stories, key=lambda s: int(s.id[1:])))

    # --- which articles belong together -----------------------------------------------------

    def group(self, records: Iterable[Union[Article, dict]]) -> list[list[int]]:
        """Record indices by story, in order of each story's first record (pass 1)."""
        signatures = []
        vectors = grouping.TextVectors()
        for index, result in enumerate(records):
            record = _as_record(result)
            signatures.append(grouping.signature(index, record, _figure_keys))
            vectors.add(grouping.body_text(record))
        matrix = vectors.matrix()
        if self.exhaustive:
            pairs = grouping.all_pairs(signatures, self.window_days)
        else:
            pairs = grouping.candidate_pairs(signatures, matrix, self.window_days)
        self.candidate_pairs = len(pairs)
        same = self._same_statement if self.similarity.embeddings else None
        scores = grouping.link_scores(signatures, matrix, pairs, same)
        return grouping.average_linkage(len(signatures), scores)

    def _same_statement(self, a: str, b: str) -> bool:
        return self.similarity.same(a, b, "quote")

    def stream(
        self, open_records: Callable[[], Iterable[Union[Article, dict]]], *, articles: bool = True
    ) -> Iterator[tuple[Story, list[Article]]]:
        """``(story, its articles)`` for every story, as each completes in the second pass
        over the records; stories are numbered in order of their first record. With
        ``articles=False`` a one-article story comes with an empty list (nothing is parsed)."""
        groups = self.group(open_records())
        story_of = np.empty(sum(len(g) for g in groups), dtype=np.int64)
        for number, members in enumerate(groups):
            story_of[members] = number
        waiting: dict[int, list[tuple[int, Union[Article, dict]]]] = {}
        for index, result in enumerate(open_records()):
            number = int(story_of[index])
            members = groups[number]
            if len(members) == 1:
                article = _as_article(result) if articles else None
                aid = _record_id(result, index)
                yield Story(id=f"s{number + 1}", articles=[aid]), [article] if article else []
                continue
            waiting.setdefault(number, []).append((index, result))
            if len(waiting[number]) == len(members):
                found = sorted(waiting.pop(number), key=lambda item: item[0])
                story_articles = [_as_article(r) for _, r in found]
                ids = [_record_id(r, i) for i, r in found]
                yield self.story(f"s{number + 1}", story_articles, ids), story_articles

    # --- one story ------------------------------------------------------------------------

    def story(self, story_id: str, articles: list[Article], ids: list[str]) -> Story:
        names = SpeakerNames(articles)
        quotes = self.align_quotes(articles, ids, names)
        # a statement aligned with a named speaker's tells who "a local official" was
        names.quoted = {(m.article, m.quote): q.speaker_name for q in quotes for m in q.members if is_person(q.speaker_name)}
        disagreements = figure_disagreements(articles, ids, _source_of)
        claims: list[StoryClaim] = []
        for members in self.cluster_claims(articles):
            items = [(ids[item.article], articles[item.article], item.obj) for item in members]
            summary = self._summary([claim for _, _, claim in items])
            claims.append(
                StoryClaim(
                    id=f"sc{len(claims) + 1}",
                    summary=summary,
                    members=[
                        ClaimMember(article=aid, claim=c.id, source=self._source(names, a, c), stance=c.stance)
                        for aid, a, c in items
                    ],
                )
            )
            disagreements.extend(self.claim_disagreements(summary, items, names))
        return Story(id=story_id, articles=ids, quotes=quotes, claims=claims, disagreements=disagreements)

    @staticmethod
    def _source(names: SpeakerNames, article: Article, claim: Claim) -> Optional[str]:
        aligned = names.quoted.get((article.id, claim.quote_id)) if claim.quote_id else None
        if aligned and not names.is_person(claim.source):
            return aligned
        if claim.quote_id:
            quote = next((q for q in article.quotes if q.id == claim.quote_id), None)
            resolved = names.of_quote(quote) if quote else None
            if resolved:
                return resolved
        source = names.canonical(claim.source) or claim.source
        return None if _filed_from(article, source) else source

    def align_quotes(self, articles: list[Article], ids: list[str], names: Optional[SpeakerNames] = None) -> list[StoryQuote]:
        """The same statement across outlets, however each translated or trimmed it, under
        one canonical speaker."""
        from scipy.cluster.hierarchy import DisjointSet

        names = names or SpeakerNames(articles)
        items = [_Item(n, q) for n, a in enumerate(articles) for q in a.quotes if q.content.text.strip()]
        speakers = [names.of_quote(item.obj) for item in items]
        # a named speaker that is no person ("Moscow", "Russia's Defense Ministry") is still one
        # speaker; only descriptions ("a local official") may be anyone
        keys = [surname(s) if s else _named_speaker_key(item.obj) for s, item in zip(speakers, items)]
        scores = self.similarity.scores([item.obj.content.text for item in items], "quote")
        union = DisjointSet(range(len(items)))  # merged one pair at a time: each merge depends on the groups so far
        group_names = {i: ({keys[i]} if keys[i] else set()) for i in range(len(items))}
        pairs = sorted(
            ((scores[i][j], i, j) for i, j in itertools.combinations(range(len(items)), 2) if scores[i][j] >= 1.0),
            key=lambda p: (-p[0], p[1], p[2]),
        )
        for score, i, j in pairs:
            if items[i].article == items[j].article and score < REPEATED_QUOTE:
                continue
            if keys[i] and keys[j] and keys[i] != keys[j]:
                continue
            if not (keys[i] and keys[j]) and score < UNKNOWN_SPEAKER_MARGIN:
                continue
            a, b = union[i], union[j]
            if a == b or len(group_names[a] | group_names[b]) > 1:
                continue  # one statement has one speaker: never join two named people
            union.merge(a, b)
            group_names[union[a]] = group_names[a] | group_names[b]
        aligned: list[StoryQuote] = []
        for group in sorted(sorted(subset) for subset in union.subsets()):
            if len({items[i].article for i in group}) < 2:
                continue
            named = [speakers[i] for i in group if speakers[i]]
            described = [items[i].obj.speaker_name for i in group if items[i].obj.speaker_name]
            aligned.append(
                StoryQuote(
                    id=f"sq{len(aligned) + 1}",
                    speaker_name=max(named, key=len) if named else (max(described, key=len) if described else None),
                    members=[
                        QuoteMember(article=ids[items[i].article], quote=items[i].obj.id, speaker=_named_as(items[i].obj))
                        for i in sorted(group)
                    ],
                )
            )
        return aligned

    def cluster_claims(self, articles: list[Article]) -> list[list[_Item]]:
        """Claims about the same fact: similar claims in different outlets, and a denial with
        the claim it answers ("two workers were wounded, but Rosneft denied anyone was hurt").
        Claims without content ("you know") join nothing."""
        events = event_words()
        items = [_Item(n, c) for n, a in enumerate(articles) for c in a.claims if _has_content(c, events)]
        texts = [proposition(articles[item.article], item.obj) for item in items]
        scores = self.similarity.scores(texts, "claim")
        words = [content_words(text) for text in texts]
        union = LinkedGroups(len(items))
        about_responsibility = [_about_responsibility(text) for text in texts]
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                if a.article == items[j].article:
                    continue
                if scores[i][j] >= 1.0 or (about_responsibility[i] and about_responsibility[j]):
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
            if len({m.article for m in members}) > 1 or _opposed(members):
                clusters.append(members)
        return clusters

    @staticmethod
    def _answers(a: Claim, b: Claim) -> bool:
        """One claim affirms and the other denies or questions it, close together in one text,
        from two different named sources."""
        opposed = (a.stance in OPPOSING) != (b.stance in OPPOSING)
        gap = max(a.span[0], b.span[0]) - min(a.span[1], b.span[1])
        return opposed and _different_sources(a.source, b.source) and gap <= OPPOSING_DISTANCE

    def _disputed(self, items: list[tuple[str, Article, Claim]], names: SpeakerNames) -> list[int]:
        """Members of a stance dispute: pairs of claims of different stance classes (affirmed,
        denied, left open) from different sources, each pair about one proposition by itself
        (alike in content, or both about who is responsible), not only through the cluster.
        One source in two outlets is one statement however worded, never a dispute."""
        members = [_Item(n, c) for n, (_, _, c) in enumerate(items)]
        kept = [m for m in members if not _shadowed(m, members, lambda a, b: items[a][0] == items[b][0])]
        texts = [proposition(items[m.article][1], m.obj) for m in kept]
        scores = self.similarity.scores(texts, "claim") if texts else []
        words = [content_words(t) for t in texts]
        events = event_words()
        disputed: set[int] = set()
        for i, a in enumerate(kept):
            for j in range(i + 1, len(kept)):
                b = kept[j]
                if _stance_class(a.obj.stance) == _stance_class(b.obj.stance):
                    continue
                aid, article_a, claim_a = items[a.article]
                bid, article_b, claim_b = items[b.article]
                source_a = self._source(names, article_a, claim_a) or article_a.source or aid
                source_b = self._source(names, article_b, claim_b) or article_b.source or bid
                if surname(source_a) == surname(source_b):
                    continue
                alike = scores[i][j] >= 1.0 or (dice(words[i], words[j]) >= MIN_ANSWER_OVERLAP and words[i] & words[j] & events)
                if alike or (_about_responsibility(texts[i]) and _about_responsibility(texts[j])):
                    disputed.update((a.article, b.article))
        return sorted(disputed)

    @staticmethod
    def _summary(claims: list[Claim]) -> str:
        affirmed = [c.text for c in claims if c.stance == "asserted"] or [c.text for c in claims if c.stance in AFFIRMING]
        return min(affirmed or [c.text for c in claims], key=len)

    # --- disagreements --------------------------------------------------------------------

    def claim_disagreements(
        self, summary: str, items: list[tuple[str, Article, Claim]], names: Optional[SpeakerNames] = None
    ) -> list[Disagreement]:
        """Opposing stances and different sources within one claim cluster, only between
        different articles or different sources."""
        names = names or SpeakerNames([a for _, a, _ in items])
        found = []

        def side(aid: str, article: Article, claim: Claim) -> DisagreementValue:
            return DisagreementValue(
                article=aid, ref=claim.id, text=claim.text, source=self._source(names, article, claim), stance=claim.stance, span=claim.span
            )

        disputed = self._disputed(items, names)
        if disputed:
            found.append(Disagreement(kind="stance", about=summary, values=[side(*items[k]) for k in disputed]))
        else:
            # named sources only: "a local official" and "Oleh Kovalenko" may well be one person
            attributed = [(aid, a, c) for aid, a, c in items if is_named(c.source) and c.source != a.source]
            sources: dict[str, set[str]] = {}
            for aid, a, c in attributed:
                sources.setdefault(aid, set()).add(surname(self._source(names, a, c)) or "")
            if _some_disjoint(list(sources.values())):
                found.append(Disagreement(kind="source", about=summary, values=[side(aid, a, c) for aid, a, c in attributed]))
        return found


def _has_content(claim: Claim, events: frozenset[str]) -> bool:
    """A claim states something: two content words, or a denial of an event in one ("anyone
    had been hurt"); not "you know" or "the strike"."""
    words = content_words(claim.text)
    return len(words) >= MIN_CLAIM_WORDS or (claim.stance in OPPOSING and bool(words & events))


def _filed_from(article: Article, source: Optional[str]) -> bool:
    """A "source" that is the place of the article's wire dateline ("GOMA, May 3 (Wire) - M23
    rebels denied ..."): where the report was filed, not who said it."""
    if not source or not article.text:
        return False
    from ..reading.boilerplate import skip_place_dateline

    lo = (article.body or (0, len(article.text)))[0]
    end = skip_place_dateline(article.text, lo)
    return end > lo and source.upper() == source and source in article.text[lo:end]


def _record_id(result: Union[Article, dict], index: int) -> str:
    value = result.id if isinstance(result, Article) else result.get("id")
    return value or f"article{index + 1}"


def _named_as(quote) -> Optional[str]:
    return quote.speaker_name or (quote.speaker.text if quote.speaker else None)


def _named_speaker_key(quote: Quote) -> Optional[str]:
    """Who a quote's speaker is when no person is: a named one ("Moscow"), or a body of a named
    owner that the pipeline leaves unnamed ("Mali's army"); None for a description."""
    if is_named(quote.speaker_name):
        return surname(quote.speaker_name)
    mention = quote.speaker.text if quote.speaker else None
    return " ".join((mention or "").lower().split()) if is_owned_body(mention) else None


def _different_sources(a: Optional[str], b: Optional[str]) -> bool:
    """Two named sources that are not one: "Moscow says ..." read against itself is no dispute."""
    return bool(a and b) and is_named(a) and is_named(b) and surname(a) != surname(b)


def _opposed(members: list[_Item], same_article: Optional[Callable[[int, int], bool]] = None) -> bool:
    """An affirming and an opposing claim from different articles, or from different named
    sources within one article."""
    members = [m for m in members if not _shadowed(m, members, same_article)]
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if (a.obj.stance in OPPOSING) == (b.obj.stance in OPPOSING):
                continue
            if not ({a.obj.stance, b.obj.stance} & AFFIRMING):
                continue
            one_article = same_article(a.article, b.article) if same_article else a.article == b.article
            if not one_article or _different_sources(a.obj.source, b.obj.source):
                return True
    return False


def _shadowed(member: _Item, members: list[_Item], same_article: Optional[Callable[[int, int], bool]]) -> bool:
    """A claim inside a longer claim of its own article and source with another stance: the
    longer one says what the source holds ("to contain the blaze, which destroyed three tanks"
    inside an asserted "Firefighters worked to contain the blaze, ..."; an asserted "that can be
    perceived as helpful" inside a denied "this is not something that can be perceived as
    helpful")."""
    claim = member.obj
    for other in members:
        one_article = same_article(member.article, other.article) if same_article else member.article == other.article
        if other is member or not one_article or other.obj.source != claim.source:
            continue
        if _stance_class(other.obj.stance) == _stance_class(claim.stance):
            continue
        inside = other.obj.span[0] <= claim.span[0] and claim.span[1] <= other.obj.span[1] and other.obj.span != claim.span
        if inside or (claim.stance in OPPOSING and other.obj.stance in AFFIRMING and other.obj.span[0] < claim.span[1] and claim.span[0] < other.obj.span[1]):
            return True
    return False


def _stance_class(stance: Optional[str]) -> str:
    """affirmed (asserted, hedged), denied, or left open (unconfirmed: "could neither confirm nor deny")."""
    return "affirmed" if stance in AFFIRMING else (stance or "affirmed")


@cache
def _responsibility_patterns() -> tuple[re.Pattern, re.Pattern]:
    data = tomllib.loads(resources.files("conflictnlp").joinpath("data/stories.toml").read_text("utf-8"))["propositions"]
    responsibility, incident = (re.compile(r"\b(" + "|".join(map(re.escape, data[key])) + r")\b", re.I) for key in ("responsibility", "incident"))
    return responsibility, incident


@cache
def _stance_only() -> frozenset[str]:
    data = tomllib.loads(resources.files("conflictnlp").joinpath("data/stories.toml").read_text("utf-8"))["propositions"]
    return frozenset().union(*(content_words(word) for word in data["stance_only"]))


def proposition(article: Article, claim: Claim) -> str:
    """What a claim is about: its text, or, for a claim of stance words only ("he could neither
    confirm nor deny"), the sentence it stands in, which names what is left open."""
    if content_words(claim.text) - _stance_only():
        return claim.text
    text = article.text or ""
    start = max(text.rfind(". ", 0, claim.span[0]) + 2, text.rfind("\n", 0, claim.span[0]) + 1, 0)
    stops = [i for i in (text.find(". ", claim.span[1]), text.find("\n", claim.span[1])) if i >= 0]
    return text[start : min(stops) if stops else len(text)]


def _about_responsibility(text: str) -> bool:
    """Whether a claim is about who did the incident ("denied responsibility for the blast")."""
    responsibility, incident = _responsibility_patterns()
    return bool(responsibility.search(text) and incident.search(text))


def _some_disjoint(groups: list[set[str]]) -> bool:
    """Whether two of the groups have nothing in common."""
    return any(not a & b for i, a in enumerate(groups) for b in groups[i + 1 :])


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
    exhaustive: bool = False,
) -> Stories:
    """Stories across outlets from extraction results (``Article`` objects or their dicts).

    similarity: "auto" (sentence embeddings when the optional model is installed, else
    lexical), "lexical", "embeddings", or a ``Similarity`` to reuse a loaded model.
    window_days: articles published further apart are never one story.
    exhaustive: compare every pair of articles instead of blocked candidates (small inputs).
    """
    return StoryComparer(similarity, window_days, exhaustive=exhaustive)(results)


__all__ = ["StoryComparer", "compare", "is_person"]
