"""Which articles report the same incident: sub-quadratic candidate pairs, link scores and
average-link clustering over the sparse graph of links.

1. ``Signature``: what grouping needs of one record (day, places, people, figures, named
   quotes); the text itself is only hashed into a TF-IDF row (scikit-learn's
   ``HashingVectorizer`` + ``TfidfTransformer``, so no vocabulary is held).
2. ``candidate_pairs``: blocking. Two articles are compared only when they are published within
   the date window and share a key: one of each other's most distinctive TF-IDF terms (an
   inverted-index nearest-neighbour search), a place, a person or a figure. Keys that more than
   ``KEY_CAP`` articles of a window share say nothing about one incident and are left out, and
   each article keeps its ``MAX_CANDIDATES`` best-sharing partners, so the work grows with the
   number of articles, not its square.
3. ``link_scores``: 0.6 TF-IDF cosine + 0.2 shared places (towns and provinces: countries and
   borders are shared by unrelated incidents) + 0.2 shared named people, the weights of places
   and people left out where either article names none; + a bonus when
   both carry the same statement by the same named speaker; halved for each sign of two
   incidents (``conflicts``: lead sentences dating the event two or more days apart, each
   naming first a town the other never names). Links under ``LINK_FLOOR`` count as
   none, in blocked and exhaustive comparison alike, so that both give the same stories.
4. ``average_linkage``: groups merge while the average link between them is at least
   ``STORY_THRESHOLD`` (a missing link counts 0), so one roundup article that touches two
   incidents does not chain them into one story. It runs per connected component of the link
   graph, with a heap of group pairs.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, cast

import numpy as np

from .similarity import content_words, dice
from .speakers import is_named, surname

if TYPE_CHECKING:
    from ..model import Article

STORY_THRESHOLD = 0.3  # average link at which two groups of articles are one story
LINK_FLOOR = 0.12  # a link score below this counts as no link at all
SHARED_QUOTE_BONUS = 0.3  # the same statement by the same speaker in both: strong evidence
SAME_PLACE_BONUS = 0.15  # the same town first, on the same day: evidence of one incident
SHARED_QUOTE_OVERLAP = 0.5  # content-word overlap (Dice) at which two quotes are one statement
TOP_TERMS = 12  # an article's most distinctive TF-IDF terms are blocking keys
KEY_CAP = 200  # a key shared by more articles than this within a window blocks nothing
MAX_CANDIDATES = 60  # partners kept per article, those sharing most keys first
ROW_CHUNK = 2048  # articles whose candidates are found in one sparse product
PAIR_CHUNK = 50_000  # candidate pairs scored in one vectorised step
HASH_FEATURES = 2**20
TERM_PATTERN = r"(?u)\b[^\W\d_]{3,}\b"


@dataclass
class Signature:
    """What grouping needs of one record."""

    index: int
    day: Optional[date]
    places: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    quotes: tuple[tuple[str, frozenset[str], str], ...] = ()  # (speaker surname, content words, text)
    has_text: bool = False
    lead_place: Optional[str] = None  # the first town the body names: where it happened
    lead_days: frozenset[int] = frozenset()  # the days the lead sentence gives the event (ordinals)


# countries, borders, seas and wide regions are shared by unrelated incidents of one war
BROAD_PLACES = {"country", "border", "region", "water"}
TOWNS = {"city", "admin2"}
# evidence of two different incidents: each halves what the rest of the link says
CONFLICT_FACTOR = 0.5
DAYS_APART = 2  # lead sentences dating the event this many days apart: not one event


def _lead_days(record: dict[str, Any]) -> Iterable[int]:
    from types import SimpleNamespace

    from .figures import lead_dates

    dates = [SimpleNamespace(**{**d, "span": tuple(d["span"])}) for d in record.get("dates") or ()]
    if not dates:
        return ()
    article = SimpleNamespace(text=record.get("text") or "", body=record.get("body"), dates=dates)
    found = (day_of(d.value) for d in lead_dates(cast("Article", article)))  # lead_dates reads only these fields
    return (day.toordinal() for day in found if day)


def _named_references(record: dict[str, Any]) -> frozenset[str]:
    """Named reference points of distances that are no border ("15 km north of Hodeidah port"):
    places too, where the gazetteer knows no name in them."""
    found = set()
    for distance in record.get("distances") or ():
        text = ((distance.get("reference") or {}).get("text") or "").strip()
        if text and text[0].isupper() and not re.search(r"\b(border|frontier|line)\b", text, re.I):
            found.add(re.sub(r"^the\s+", "", text, flags=re.I).lower())
    return frozenset(found)


def same_place_and_day(a: Signature, b: Signature) -> bool:
    """Both lead with the same town, on days that agree within one (or that one leaves unsaid)."""
    if not (a.lead_place and a.lead_place == b.lead_place):
        return False
    return not (a.lead_days and b.lead_days) or min(abs(x - y) for x in a.lead_days for y in b.lead_days) < DAYS_APART


def conflicts(a: Signature, b: Signature) -> int:
    """How many signs say these are two incidents: the lead sentences date the event at least
    ``DAYS_APART`` days apart; each names a town first that the other never names."""
    found = 0
    if a.lead_days and b.lead_days and min(abs(x - y) for x in a.lead_days for y in b.lead_days) >= DAYS_APART:
        found += 1
    if a.lead_place and b.lead_place and a.lead_place not in b.places and b.lead_place not in a.places:
        found += 1
    return found


def day_of(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except (TypeError, ValueError):
        return None


def body_text(record: dict[str, Any]) -> str:
    text = record.get("text") or ""
    body = record.get("body") or (0, len(text))
    return text[body[0] : body[1]]


def dateline_end(record: dict[str, Any]) -> int:
    """Where the body starts after a wire dateline ("SANAA, Jan 24 (Northline Wire) - "): the
    place a report was filed from is not where it happened, nor its date the event's."""
    from ..reading.boilerplate import skip_place_dateline

    text = record.get("text") or ""
    lo = (record.get("body") or (0, len(text)))[0]
    return skip_place_dateline(text, lo)


def signature(index: int, record: dict[str, Any], figure_keys: Callable[[dict[str, Any]], Iterable[str]]) -> Signature:
    """The signature of one record (an extract record dict)."""
    text = record.get("text") or ""
    filed = dateline_end(record)
    located = [loc for loc in record.get("locations") or () if loc["span"][0] >= filed]
    places = frozenset((loc.get("name") or loc.get("text") or "").lower() for loc in located if loc.get("feature") not in BROAD_PLACES)
    places |= _named_references(record)
    outlet = record.get("source")
    dateline = text[:filed].lower()
    names = [q.get("speaker_name") for q in record.get("quotes") or ()]
    names += [c.get("source") for c in record.get("claims") or ()]
    # named speakers and sources only: "officials" or the outlet itself say nothing of the
    # incident, nor a dateline's place read as a source
    names = [n for n in names if n and n != outlet and is_named(n) and n.lower() not in dateline]
    actors = frozenset(s for s in map(surname, names) if s)
    quotes = tuple(
        (surname(q["speaker_name"]) or "", content_words(q["content"]["text"]), q["content"]["text"])
        for q in record.get("quotes") or ()
        if q.get("speaker_name") and (q.get("content") or {}).get("text", "").strip()
    )
    hi = (record.get("body") or (0, len(text)))[1]
    towns = sorted(
        (loc["span"][0], (loc.get("name") or loc.get("text") or "").lower())
        for loc in located
        if loc.get("feature") in TOWNS and loc["span"][0] < hi
    )
    return Signature(
        lead_place=towns[0][1] if towns else None,
        lead_days=frozenset(_lead_days(record)),
        index=index,
        day=day_of(record.get("published")),
        places=frozenset(p for p in places if p),
        actors=actors,
        figures=frozenset(figure_keys(record)),
        quotes=quotes,
        has_text=bool(body_text(record).strip()),
    )


class TextVectors:
    """TF-IDF rows of article bodies, added a batch at a time (no vocabulary is kept)."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.hasher = HashingVectorizer(
            n_features=HASH_FEATURES, stop_words="english", token_pattern=TERM_PATTERN, alternate_sign=False, norm=None
        )
        self.parts: list = []
        self.pending: list[str] = []

    def add(self, body: str) -> None:
        self.pending.append(body)
        if len(self.pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            counts = self.hasher.transform(self.pending)
            counts.data = counts.data.astype(np.float32)
            self.parts.append(counts)
            self.pending = []

    def matrix(self):
        """Sublinear TF-IDF, rows normalised to unit length (CSR, float32)."""
        import scipy.sparse as sp
        from sklearn.feature_extraction.text import TfidfTransformer

        self._flush()
        if not self.parts:
            return sp.csr_matrix((0, HASH_FEATURES), dtype=np.float32)
        counts = sp.vstack(self.parts, format="csr")
        self.parts = []
        tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        return tfidf.astype(np.float32).tocsr()


def _keys(signatures: list[Signature], vectors) -> Any:
    """Sparse article x key matrix (1 where the article has the key)."""
    import scipy.sparse as sp

    extra: dict[str, int] = {}
    rows, cols = [], []
    for sig in signatures:
        start, end = vectors.indptr[sig.index], vectors.indptr[sig.index + 1]
        terms = vectors.indices[start:end]
        if len(terms) > TOP_TERMS:
            terms = terms[np.argpartition(-vectors.data[start:end], TOP_TERMS)[:TOP_TERMS]]
        rows.extend([sig.index] * len(terms))
        cols.extend(terms.tolist())
        for key in [*(f"p:{p}" for p in sig.places), *(f"a:{a}" for a in sig.actors), *(f"f:{f}" for f in sig.figures)]:
            rows.append(sig.index)
            cols.append(HASH_FEATURES + extra.setdefault(key, len(extra)))
    n = vectors.shape[0]
    data = np.ones(len(rows), dtype=np.float32)
    return sp.csr_matrix((data, (rows, cols)), shape=(n, HASH_FEATURES + len(extra)))


def candidate_pairs(signatures: list[Signature], vectors, window_days: Optional[int]) -> np.ndarray:
    """Pairs ``(i, j)``, i < j, worth scoring (an ``(m, 2)`` array): within the window and
    sharing a key, each article's ``MAX_CANDIDATES`` best-sharing partners."""
    import scipy.sparse as sp

    keys = _keys(signatures, vectors)
    n = len(signatures)
    with_text = [s for s in signatures if s.has_text or s.places or s.actors or s.figures]
    dated = sorted((s for s in with_text if s.day), key=lambda s: (s.day, s.index))
    undated = np.array([s.index for s in with_text if s.day is None], dtype=np.int64)
    ordinals = np.array([s.day.toordinal() for s in dated if s.day is not None], dtype=np.int64)
    dated_index = np.array([s.index for s in dated], dtype=np.int64)
    ordinal = np.full(n, -1, dtype=np.int64)
    ordinal[dated_index] = ordinals
    found: list[np.ndarray] = []

    def add(rows: np.ndarray, cols: np.ndarray) -> None:
        if not len(rows) or not len(cols):
            return
        window = keys[cols]
        common = np.asarray(window.sum(axis=0)).ravel() <= KEY_CAP
        shared = (keys[rows] @ sp.diags(common.astype(np.float32)) @ window.T).tocsr()
        for r in range(shared.shape[0]):
            start, end = shared.indptr[r], shared.indptr[r + 1]
            partners, counts = cols[shared.indices[start:end]], shared.data[start:end]
            i = int(rows[r])
            keep = partners != i
            if window_days is not None and ordinal[i] >= 0:
                days = ordinal[partners]
                keep &= (days < 0) | (np.abs(days - ordinal[i]) <= window_days)
            partners, counts = partners[keep], counts[keep]
            if len(partners) > MAX_CANDIDATES:
                partners = partners[np.argpartition(-counts, MAX_CANDIDATES)[:MAX_CANDIDATES]]
            found.append(np.stack([np.minimum(partners, i), np.maximum(partners, i)], axis=1))

    for lo in range(0, len(dated), ROW_CHUNK):
        hi = min(lo + ROW_CHUNK, len(dated))
        if window_days is None:
            cols = dated_index
        else:
            first = np.searchsorted(ordinals, ordinals[lo] - window_days, side="left")
            last = np.searchsorted(ordinals, ordinals[hi - 1] + window_days, side="right")
            cols = dated_index[first:last]
        add(dated_index[lo:hi], np.concatenate([cols, undated]))
    for lo in range(0, len(undated), ROW_CHUNK):
        add(undated[lo : lo + ROW_CHUNK], np.concatenate([dated_index, undated]))
    return _unique_pairs(found, n)


def _unique_pairs(parts: list[np.ndarray], n: int) -> np.ndarray:
    if not parts:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(parts)
    codes = np.unique(pairs[:, 0] * max(n, 1) + pairs[:, 1])
    return np.stack([codes // max(n, 1), codes % max(n, 1)], axis=1)


def all_pairs(signatures: list[Signature], window_days: Optional[int]) -> np.ndarray:
    """Every pair within the window: exhaustive comparison, for small inputs and tests."""
    pairs = [
        (a.index, b.index)
        for a in signatures
        for b in signatures
        if a.index < b.index and not (window_days is not None and a.day and b.day and abs((a.day - b.day).days) > window_days)
    ]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def shares_quote(a: Signature, b: Signature, same_statement: Optional[Callable[[str, str], bool]] = None) -> bool:
    """Both carry the same statement by the same named speaker."""
    for speaker, words, text in a.quotes:
        for other_speaker, other_words, other_text in b.quotes:
            if speaker != other_speaker:
                continue
            if dice(words, other_words) >= SHARED_QUOTE_OVERLAP or (same_statement and same_statement(text, other_text)):
                return True
    return False


def _membership(sets: list[frozenset[str]]):
    """Sparse article x item matrix of the given sets, and each set's size."""
    import scipy.sparse as sp

    ids: dict[str, int] = {}
    rows, cols = [], []
    for row, items in enumerate(sets):
        for item in items:
            rows.append(row)
            cols.append(ids.setdefault(item, len(ids)))
    matrix = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), max(len(ids), 1)))
    return matrix, np.array([len(s) for s in sets], dtype=np.float32)


def _rowwise(matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()


def link_scores(
    signatures: list[Signature], vectors, pairs: np.ndarray, same_statement: Optional[Callable[[str, str], bool]] = None
) -> dict[tuple[int, int], float]:
    """Scores of the given pairs at or above ``LINK_FLOOR``."""
    places, place_counts = _membership([s.places for s in signatures])
    actors, actor_counts = _membership([s.actors for s in signatures])
    scores: dict[tuple[int, int], float] = {}
    for lo in range(0, len(pairs), PAIR_CHUNK):
        left, right = pairs[lo : lo + PAIR_CHUNK, 0], pairs[lo : lo + PAIR_CHUNK, 1]
        score = 0.6 * _rowwise(vectors, left, right)
        weight = np.full(len(left), 0.6, dtype=np.float64)
        for matrix, counts in ((places, place_counts), (actors, actor_counts)):
            shared = _rowwise(matrix, left, right)
            union = counts[left] + counts[right] - shared
            score += 0.2 * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
            # an article that names no place (or nobody) is no evidence against the link
            weight += np.where((counts[left] > 0) & (counts[right] > 0), 0.2, 0.0)
        score = score / weight
        for k in range(len(left)):
            a, b = signatures[int(left[k])], signatures[int(right[k])]
            clash = conflicts(a, b)
            if clash:
                score[k] *= CONFLICT_FACTOR**clash
            elif same_place_and_day(a, b):
                # outlets word one incident differently (a live blog, an NGO note), and may
                # disagree on its toll or its distance: the town and the day still say one
                score[k] += SAME_PLACE_BONUS
        # the same statement by the same named speaker: only pairs that share a speaker can
        shares_actor = _rowwise(actors, left, right) > 0
        for k in np.flatnonzero(shares_actor).tolist():
            a, b = signatures[int(left[k])], signatures[int(right[k])]
            if a.quotes and b.quotes and shares_quote(a, b, same_statement):
                score[k] += SHARED_QUOTE_BONUS
        for k in np.flatnonzero(score >= LINK_FLOOR).tolist():
            scores[(int(left[k]), int(right[k]))] = float(score[k])
    return scores


def average_linkage(n: int, scores: dict[tuple[int, int], float], threshold: float = STORY_THRESHOLD) -> list[list[int]]:
    """Groups of ``range(n)``: average-link agglomeration over the sparse links (a missing
    link counts 0), merging the best pair first while its average is at least ``threshold``.
    Ties go to the pair with the smallest member indices, so the result is deterministic."""
    if n == 0:
        return []
    neighbours: dict[int, dict[int, float]] = {}
    for (i, j), s in scores.items():
        neighbours.setdefault(i, {})[j] = s
        neighbours.setdefault(j, {})[i] = s
    groups = []
    for members in connected_groups(n, scores):
        groups.extend(_cluster_component(members, neighbours, threshold) if len(members) > 1 else [members])
    return sorted(sorted(g) for g in groups)


@dataclass
class _Group:
    members: list[int]
    links: dict[int, float] = field(default_factory=dict)  # other group id -> sum of link scores
    alive: bool = True


def _cluster_component(members: list[int], neighbours: dict[int, dict[int, float]], threshold: float) -> list[list[int]]:
    groups: dict[int, _Group] = {}
    for node in members:
        groups[node] = _Group([node], dict(neighbours.get(node, {})))
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        ga, gb = groups[a], groups[b]
        average = ga.links[b] / (len(ga.members) * len(gb.members))
        if average >= threshold:
            first, second = (a, b) if min(ga.members) < min(gb.members) else (b, a)
            heapq.heappush(heap, (-average, min(groups[first].members), min(groups[second].members), first, second))

    for a, group in groups.items():
        for b in group.links:
            if a < b:
                push(a, b)
    next_id = max(members) + 1
    while heap:
        negative, _, _, a, b = heapq.heappop(heap)
        ga, gb = groups.get(a), groups.get(b)
        if ga is None or gb is None or not ga.alive or not gb.alive or b not in ga.links:
            continue
        if ga.links[b] / (len(ga.members) * len(gb.members)) != -negative:
            continue  # stale entry
        merged = _Group(ga.members + gb.members)
        ga.alive = gb.alive = False
        new = next_id
        next_id += 1
        for old in (ga, gb):
            for other, total in old.links.items():
                if other in (a, b):
                    continue
                merged.links[other] = merged.links.get(other, 0.0) + total
        groups[new] = merged
        for other, total in merged.links.items():
            links = groups[other].links
            links.pop(a, None)
            links.pop(b, None)
            links[new] = total
            push(new, other)
        del groups[a], groups[b]
    return [g.members for g in groups.values()]


def connected_groups(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``range(n)`` linked by ``pairs`` (scipy), each sorted,
    in the order of their smallest members."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    edges = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    found: dict[int, list[int]] = {}
    for node, label in enumerate(labels.tolist()):
        found.setdefault(label, []).append(node)
    return list(found.values())


class LinkedGroups:
    """Items linked pair by pair; ``groups()`` are the connected components (``connected_groups``)."""

    def __init__(self, size: int):
        self.size = size
        self.pairs: list[tuple[int, int]] = []

    def union(self, i: int, j: int) -> None:
        self.pairs.append((i, j))

    def groups(self) -> list[list[int]]:
        return connected_groups(self.size, self.pairs)


