"""The one place where conflictnlp's Doc extensions are declared.

Results live in ``doc.user_data`` as plain dicts (so ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=N)`` carry them) and are read and written through typed properties:

    doc._.quotes        -> list[Quote]       (also: claims, locations, distances, quantities, dates)
    doc._.article       -> Article           (the whole output record)
    doc._.body          -> (start, end) of the article proper, or None for the whole text
    doc._.published / article_id / source / url / title / errors

Every component's spans are also in ``doc.spans["conflict_<kind>"]`` for displaCy and training.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import wraps
from types import GenericAlias
from typing import Any, Callable, Iterable, Iterator, Optional, TypeVar
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.tokens import Doc, Span

from .model import RESULT_LISTS, Article, _adapter, freeze
from .spans_guard import guard_spans

T = TypeVar("T")

STORE_KEY = "conflictnlp"
"""Key of the dict in ``doc.user_data`` that holds every conflictnlp value."""

META_FIELDS = ("article_id", "source", "url", "title", "published", "published_from", "body")
SPAN_GROUPS = {kind: f"conflict_{kind}" for kind in RESULT_LISTS}


# Token.ent_iob codes
IOB_INSIDE, IOB_BEGIN = 1, 3


def _store(doc: Doc) -> dict[str, Any]:
    store = doc.user_data.get(STORE_KEY)
    if store is None:
        store = doc.user_data[STORE_KEY] = {}
    return store


def _meta_property(name: str):
    def get(doc: Doc):
        value = doc.user_data.get(STORE_KEY, {}).get(name)
        return tuple(value) if name == "body" and value is not None else value

    def set_(doc: Doc, value) -> None:
        _store(doc)[name] = list(value) if name == "body" and value is not None else value

    return get, set_


class ResultList(list):
    """What ``doc._.quotes`` (and the other result lists) return: a list whose changes are
    written back to the Doc, so ``doc._.quotes.append(q)`` or ``del doc._.claims[0]`` persists.

    Its items are read-only copies (see ``model.freeze``): an attribute set on one would be
    lost, so it raises instead; build a new item (``dataclasses.replace``) and assign it back.
    """

    def __init__(self, values: Iterable, write: Callable[[list], None]):
        super().__init__(values)
        self._write = write

    def _changed(self) -> None:
        self._write(list(self))
        for item in self:
            freeze(item)


def _writing(method_name: str):
    method = getattr(list, method_name)

    @wraps(method)
    def wrapper(self: ResultList, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self._changed()
        return self if method_name == "__iadd__" else result

    return wrapper


for _name in ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "__setitem__", "__delitem__", "__iadd__", "__imul__"):
    setattr(ResultList, _name, _writing(_name))


def _list_property(kind: str, cls: type):
    adapter = _adapter(GenericAlias(list, (cls,)))  # list[cls], built at run time

    def set_(doc: Doc, values: Iterable) -> None:
        _store(doc)[kind] = adapter.dump_python(list(values), mode="json")

    def get(doc: Doc) -> ResultList:
        items = adapter.validate_python(doc.user_data.get(STORE_KEY, {}).get(kind, []))
        for item in items:
            freeze(item)
        return ResultList(items, lambda values: set_(doc, values))

    return get, set_


def _errors_get(doc: Doc) -> list[str]:
    return list(doc.user_data.get(STORE_KEY, {}).get("errors", []))


def _errors_set(doc: Doc, values: Iterable[str]) -> None:
    _store(doc)["errors"] = list(values)


def _article_get(doc: Doc) -> Article:
    return article_from_doc(doc)


def register_extensions() -> None:
    """Declare every extension once; safe to call repeatedly (e.g. in worker processes)."""
    for name in META_FIELDS:
        if not Doc.has_extension(name):
            get, set_ = _meta_property(name)
            Doc.set_extension(name, getter=get, setter=set_)
    for kind, cls in RESULT_LISTS.items():
        if not Doc.has_extension(kind):
            get, set_ = _list_property(kind, cls)
            Doc.set_extension(kind, getter=get, setter=set_)
    if not Doc.has_extension("errors"):
        Doc.set_extension("errors", getter=_errors_get, setter=_errors_set)
    if not Doc.has_extension("article"):
        Doc.set_extension("article", getter=_article_get)


def per_doc(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """Cache ``compute(doc)`` for the last Doc it was called with (a single entry, so no Doc is
    held beyond the next one). For values that never change once a Doc is parsed and that
    components would otherwise rebuild per sentence or per mention."""
    last: list[Any] = [None, None]

    @wraps(compute)
    def cached(doc: Doc) -> T:
        if last[0] is not doc:
            last[0], last[1] = doc, compute(doc)
        return last[1]

    return cached


# the text each Doc was made from (``remember_text``), for as long as the Doc lives
_made_from: "WeakKeyDictionary[Doc, str]" = WeakKeyDictionary()


def remember_text(doc: Doc, text: str) -> None:
    """Note that ``doc`` was tokenized from ``text`` (which the tokenizer keeps character for
    character), so ``doc_text`` need not rebuild it: the article component and ours run in
    different passes over a batch, which evicts the one-Doc cache between them."""
    _made_from[doc] = text


@per_doc
def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (or not at all where ``remember_text`` gave it).

    spaCy rebuilds ``Doc.text`` from every token on each access, which made components that
    read it per sentence or per mention quadratic in article length.
    """
    text = _made_from.get(doc)
    return text if text is not None else doc.text


def entities_in(span: Span) -> list[Span]:
    """``span.ents`` from the tokens' entity tags: entities wholly inside the span.

    spaCy's ``Span.ents`` (like ``Doc.ents``) builds every entity of the Doc on each call, which
    made per-mention lookups linear in the number of entities in the article."""
    bounds = entity_bounds(span.doc)
    found = []
    for start, end, label in bounds[bisect_left(bounds, (span.start,)) :]:
        if start >= span.end:
            break
        if end <= span.end:
            found.append(Span(span.doc, start, end, label=label))
    return found


@per_doc
def entity_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, label id) of every entity, in order, from the entity IOB and type arrays
    (an entity begins at a B tag and runs over the I tags after it)."""
    tags = doc.to_array([ENT_IOB, ENT_TYPE])
    if not len(tags):
        return []
    begins = numpy.flatnonzero(tags[:, 0] == IOB_BEGIN)
    # an entity runs to the first token after its B tag that is no I tag (or the Doc's end)
    stops = numpy.append(numpy.flatnonzero(tags[:, 0] != IOB_INSIDE), len(tags))
    ends = stops[numpy.searchsorted(stops, begins, side="right")]
    return list(zip(begins.tolist(), ends.tolist(), tags[begins, 1].tolist()))


def entity_at(doc: Doc, i: int) -> Optional[Span]:
    """The entity token ``i`` is part of, if any (without building ``doc.ents``)."""
    bounds = entity_bounds(doc)
    n = bisect_right(bounds, (i, len(doc) + 1)) - 1  # the last entity starting at or before i
    if n < 0 or not i < bounds[n][1]:
        return None
    start, end, label = bounds[n]
    return Span(doc, start, end, label=label)


@per_doc
def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of every token, for bisecting from a character offset
    to a token without walking the Doc."""
    array = doc.to_array([IDX, LENGTH])
    starts = array[:, 0].tolist()
    return starts, [start + length for start, length in zip(starts, array[:, 1].tolist())]


@per_doc
def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read from the Doc's array once per Doc."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


@per_doc
def pos_ids(doc: Doc) -> list[int]:
    """Each token's coarse part of speech as spaCy's symbol id (``spacy.symbols.NOUN``, ...)."""
    return doc.to_array(POS).tolist()


@per_doc
def token_forms(doc: Doc) -> list[tuple[str, str]]:
    """(lower-cased lemma, lower-cased form) of every token, read from the Doc's arrays once
    per Doc: lexicon lookups need only these strings, not a Token object for every word."""
    strings = doc.vocab.strings
    return [(strings[lemma].lower(), strings[lower]) for lemma, lower in doc.to_array([LEMMA, LOWER]).tolist()]


@per_doc
def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of every token's sentence: ``token.sent`` builds a new Span
    and scans for its boundaries on every call."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds


@per_doc
def head_indices(doc: Doc) -> list[int]:
    """Index of every token's syntactic head (a root is its own): walking up the tree with
    ``token.head`` builds a new Token object per step."""
    relative = doc.to_array([HEAD]).reshape(-1).view("int64")
    return [i + offset for i, offset in enumerate(relative.tolist())]


def add_error(doc: Doc, message: str) -> None:
    """Record a problem with this article; it ends up in the record's ``errors``."""
    errors = _store(doc).setdefault("errors", [])
    if message not in errors:
        errors.append(message)


def body_bounds(doc: Doc) -> tuple[int, int]:
    """Character bounds of the article proper (the whole text when no body was found)."""
    body = doc._.body
    return (body[0], body[1]) if body else (0, len(doc_text(doc)))


def in_body(doc: Doc, start: int, end: int) -> bool:
    lo, hi = body_bounds(doc)
    return lo <= start and end <= hi


def body_sents(doc: Doc) -> Iterator[Span]:
    """The sentences of the body; nothing is extracted outside it. A sentence that runs over
    an edge of the body (a headline line the parser joined to the first paragraph) is cut
    at the edge, so no component reads words outside the body."""
    lo, hi = body_bounds(doc)
    for sent in doc.sents:
        if sent.end_char <= lo or sent.start_char >= hi:
            continue
        if sent.start_char < lo or sent.end_char > hi:
            cut = doc.char_span(max(lo, sent.start_char), min(hi, sent.end_char), alignment_mode="contract")
            if cut is None or not len(cut):
                continue
            sent = cut
        yield sent


def set_span_group(doc: Doc, kind: str, offsets: Iterable[tuple[int, int, Optional[str]]]) -> None:
    """Fill ``doc.spans['conflict_<kind>']`` from character offsets and labels."""
    spans = []
    for start, end, label in offsets:
        span = doc.char_span(start, end, label=label or kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_GROUPS.get(kind, f"conflict_{kind}")] = spans


def article_from_doc(doc: Doc) -> Article:
    """The output record of a processed Doc."""
    return _article(doc, keep=False)


def article_for_component(doc: Doc) -> Article:
    """``article_from_doc`` for a component that reads the other components' results (events):
    the lists it checks and types are kept for the record built next from the same Doc, which
    then redoes only the lists that changed in between (its own)."""
    return _article(doc, keep=True)


# result lists read by article_for_component, by record key: (doc, stored list, items, errors)
_kept_lists: dict[str, tuple[Doc, list, list, list[str]]] = {}


def _article(doc: Doc, keep: bool) -> Article:
    store = doc.user_data.get(STORE_KEY, {})
    errors = list(store.get("errors", []))
    text = doc_text(doc)
    record = {
        "id": store.get("article_id"),
        "source": store.get("source"),
        "url": store.get("url"),
        "title": store.get("title"),
        "published": store.get("published"),
        "body": store.get("body") or [0, len(text)],
    }
    checked = _checked_lists(doc, text, store, keep)
    if checked is None:  # an item dropped: guard_spans removes the references to it from every list
        lists = guard_spans(text, {kind: store.get(kind, []) for kind in RESULT_LISTS}, errors)
        return Article.from_dict({**record, **lists, "errors": errors, "text": text})
    lists, list_errors = checked
    article = Article.from_dict({**record, "errors": errors + list_errors, "text": text})
    for kind, items in lists.items():
        setattr(article, kind, items)
    return article


def _checked_lists(doc: Doc, text: str, store: dict, keep: bool) -> Optional[tuple[dict[str, list], list[str]]]:
    """Each result list through ``guard_spans`` and typed, list by list, with the errors the
    guard gave; None where it drops a whole item (then every list must be checked together).
    A list kept by ``article_for_component`` for this Doc is used as it is if the Doc still
    holds the same list object (results are replaced, never changed in place), and only once,
    so no two records handed out share items."""
    kept = dict(_kept_lists)
    _kept_lists.clear()
    lists: dict[str, list] = {}
    errors: list[str] = []
    for kind, cls in RESULT_LISTS.items():
        stored = store.get(kind, [])
        before = kept.get(kind)
        if before is not None and before[0] is doc and before[1] is stored:
            items, kind_errors = before[2], before[3]
        else:
            kind_errors = []
            guarded = guard_spans(text, {kind: stored}, kind_errors)[kind]
            if len(guarded) != len(stored):
                _kept_lists.clear()
                return None
            items = _adapter(GenericAlias(list, (cls,))).validate_python(guarded)
            if keep:
                _kept_lists[kind] = (doc, stored, items, kind_errors)
        lists[kind] = items
        errors.extend(kind_errors)
    return lists, errors


register_extensions()
