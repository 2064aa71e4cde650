"""Checks every output record must pass, whatever the text: reused by the property-based tests,
the batch tests and any component test (``check_record(record)`` on a ``to_dict()`` record).

The checks are generic on purpose, so a component that lands later (events, figures) is covered
the day it writes records: every dict with a ``span`` and a ``text`` is checked against the text,
every id-valued key listed in ``REFERENCES`` must name an item of the list it points into.
"""

from __future__ import annotations

from typing import Any, Iterator, Optional, Sequence

import spacy
from spacy.tokens import Doc

from conflictnlp.extensions import STORE_KEY

# keys of an item (at any depth) whose value is an id, or a list of ids, of another item of the
# record, and the record list that id must be in
REFERENCES: dict[str, str] = {
    "quote_id": "quotes",
    "nested_in": "quotes",
    "location": "locations",
    "locations": "locations",
    "date": "dates",
    "dates": "dates",
    "quantity": "quantities",
    "quantities": "quantities",
    "distance": "distances",
    "distances": "distances",
    "claim": "claims",
    "claims": "claims",
    "event": "events",
    "events": "events",
}

# the record's top-level keys that are not result lists
RECORD_FIELDS = ("id", "source", "url", "title", "published", "body", "errors", "text")


def result_lists(record: dict) -> dict[str, list]:
    """The record's lists of extracted items (quotes, claims, ..., events when they land)."""
    return {key: value for key, value in record.items() if key not in RECORD_FIELDS and isinstance(value, list)}


def _pieces(value: Any, path: str) -> Iterator[tuple[str, dict]]:
    """Every dict nested in ``value`` (itself included), with a path for messages."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _pieces(child, f"{path}.{key}")
    elif isinstance(value, list):
        for n, child in enumerate(value):
            yield from _pieces(child, f"{path}[{n}]")


def _check_span(text: str, span: Any, where: str, body: tuple[int, int]) -> tuple[int, int]:
    assert isinstance(span, (list, tuple)) and len(span) == 2, f"{where}: span {span!r} is no pair"
    start, end = span
    assert 0 <= start <= end <= len(text), f"{where}: span {span} outside the text (length {len(text)})"
    assert start < end, f"{where}: empty span {span}"
    assert body[0] <= start and end <= body[1], f"{where}: span {span} outside the body {body}"
    return start, end


def check_spans(record: dict) -> None:
    """Every span is [start, end) with 0 <= start < end <= len(text), inside the body, and
    covers exactly the text the item gives (``text[start:end] == item["text"]``)."""
    text = record["text"]
    if text is None:
        return
    body = tuple(record["body"] or (0, len(text)))
    assert 0 <= body[0] <= body[1] <= len(text), f"body {body} outside the text"
    for key, items in result_lists(record).items():
        for path, piece in _pieces(items, key):
            if "span" in piece and piece["span"] is not None:
                start, end = _check_span(text, piece["span"], path, body)
                if "text" in piece:
                    assert text[start:end] == piece["text"], f"{path}: text[{start}:{end}] = {text[start:end]!r}, item says {piece['text']!r}"
            if "spans" in piece:
                spans = piece["spans"]
                assert spans, f"{path}: no spans"
                bounds = [_check_span(text, span, f"{path}.spans", body) for span in spans]
                if "text" in piece:
                    joined = " ".join(text[s:e] for s, e in bounds)
                    assert piece["text"] == joined, f"{path}: text {piece['text']!r} is not its spans {joined!r}"


def check_ids(record: dict) -> None:
    """Ids are unique in the record, and every reference names an item of the right list."""
    lists = result_lists(record)
    ids_of = {key: [item["id"] for item in items if isinstance(item, dict) and "id" in item] for key, items in lists.items()}
    every = [i for ids in ids_of.values() for i in ids]
    duplicates = sorted({i for i in every if every.count(i) > 1})
    assert not duplicates, f"ids used twice: {duplicates}"
    for key, items in lists.items():
        for path, piece in _pieces(items, key):
            for ref_key, target in REFERENCES.items():
                value = piece.get(ref_key)
                refs = [value] if isinstance(value, str) else value if isinstance(value, list) and all(isinstance(v, str) for v in value) else []
                for ref in refs or ():
                    assert ref in ids_of.get(target, []), f"{path}.{ref_key}: {ref!r} names no item of {target}"


_VALIDATOR: list = []


def check_schema(record: dict) -> None:
    """The record validates against the schema ``conflictnlp schema`` prints."""
    if not _VALIDATOR:
        from conflictnlp.schema import validator

        _VALIDATOR.append(validator())
    errors = sorted(_VALIDATOR[0].iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def check_record(record: dict, text: Optional[str] = None) -> None:
    """Every property a record must have: spans, ids and references, schema. ``text``: the
    text given, where the record must carry it unchanged."""
    if text is not None:
        assert record["text"] == text, "the record's text is not the text given"
    check_spans(record)
    check_ids(record)
    check_schema(record)


def assert_offsets(record: dict) -> None:
    """Every span in a record points at the text it claims to (``text[s:e] == field text``)."""
    check_spans(record)


def check_parquet_tables(folder) -> int:
    """The spans of an ``extract --format parquet`` output folder, read with pyarrow alone: in
    every item table, each ``<piece>_start``/``<piece>_end`` pair (and each ``content_spans``
    entry) is a non-empty span into its article's text covering ``<piece>_text``. Returns the
    number of spans checked."""
    from pathlib import Path

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    texts = {row["article_index"]: row["text"] for row in pq.read_table(folder / "articles.parquet").to_pylist()}
    checked = 0
    for path in sorted(folder.glob("*.parquet")):
        if path.stem == "articles":
            continue
        table = pq.read_table(path)
        # (offset pairs are integers; an event's date_start / date_end are ISO days, not spans)
        starts = [name[: -len("start")] for name in table.column_names
                  if name.endswith("start") and pa.types.is_integer(table.schema.field(name).type)]
        for row in table.to_pylist():
            text = texts[row["article_index"]]
            where = f"{path.stem} {row.get('id')} of article {row['article_id']}"
            for prefix in starts:
                start, end = row[f"{prefix}start"], row[f"{prefix}end"]
                if start is None and end is None:
                    continue
                assert 0 <= start < end <= len(text), f"{where}: {prefix}span ({start}, {end})"
                if f"{prefix}text" in row:
                    assert text[start:end] == row[f"{prefix}text"], f"{where}: {prefix}text"
                checked += 1
            for piece in row.get("content_spans") or ():
                assert 0 <= piece["start"] < piece["end"] <= len(text), f"{where}: content span {piece}"
                checked += 1
    return checked


BLANK = spacy.blank("en")  # one per worker: the Language rule components are built on, no model
BLANK_VOCAB = BLANK.vocab  # English lexical attributes ("No".lower_ is "no")

# the columns of the events tests' rows: (word, head index, dep, POS, lemma)
EVENT_ROWS = ("words", "heads", "deps", "pos", "lemmas")
# the columns of the other rule tests' rows, as ``make_doc`` reads them: (word, lemma, POS, dep, head index)
PARSE_ROWS = ("words", "lemmas", "pos", "deps", "heads")


def make_doc(rows: str, ents: Optional[list[str]] = None, vocab: Any = None) -> Doc:
    """A Doc with a fixed parse, for rule tests that must not move when the model changes.

    ``rows``: one token a line, ``word lemma POS dep head-index`` (head index counted from 0;
    the root is its own head), optionally followed by a fine-grained TAG as a sixth column.
    ``ents``: IOB entity tags, one per token ("B-GPE", "O", ...).
    """
    cells = [row.split() for row in rows.strip().splitlines()]
    tags = [c[5] for c in cells] if all(len(c) > 5 for c in cells) else None
    return Doc(
        vocab or BLANK_VOCAB,
        words=[c[0] for c in cells],
        lemmas=[c[1] for c in cells],
        pos=[c[2] for c in cells],
        deps=[c[3] for c in cells],
        heads=[int(c[4]) for c in cells],
        tags=tags,
        ents=ents,
    )


def rows_doc(rows: Sequence[Sequence[Any]], columns: Sequence[str], vocab: Any = None, **doc_args: Any) -> Doc:
    """A Doc from rows of token attributes, one row a token; ``columns`` names each column by
    the Doc argument it fills ("words", "heads", "deps", "pos", "lemmas", "tags", "spaces")."""
    values = {name: [row[n] for row in rows] for n, name in enumerate(columns)}
    given = {name: value for name, value in doc_args.items() if value is not None}  # None is the Doc's own default
    return Doc(vocab or BLANK_VOCAB, **{**given, **values})


def article_doc(vocab: Any, rows: Sequence[Sequence[Any]], published: str, *, title: Optional[str] = None,
                spaces: Optional[list[bool]] = None, columns: Sequence[str] = EVENT_ROWS) -> Doc:
    """An article's Doc for the events rules: ``rows`` (word, head, dep, POS, lemma), and the
    article fields the events component reads (source "Wire", article "a1")."""
    doc = rows_doc(rows, columns, vocab, spaces=spaces)
    doc.user_data[STORE_KEY] = {"published": published, "source": "Wire", "article_id": "a1", "title": title}
    return doc


def doc_of(nlp: Any, rows: Sequence[Sequence[Any]], published: str = "2023-03-15") -> Doc:
    """``article_doc`` on the vocabulary of ``nlp``, an article of 2023-03-15 unless told."""
    return article_doc(nlp.vocab, rows, published)


def place(doc: Doc, first: int, last: int, lid: str, code: str, feature: str) -> Any:
    """A resolved place on tokens ``first`` to ``last`` (a point in eastern Ukraine)."""
    from conflictnlp.model import Location

    s, e = chars(doc, first, last)
    return Location(id=lid, text=doc.text[s:e], span=(s, e), name=doc.text[s:e], country_code=code, feature=feature, lat=49.7, lon=37.6)


def chars(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """The characters of tokens ``first`` to ``last``, both included."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def run_events(nlp: Any, doc: Doc) -> list:
    """The events component, built on ``nlp``, run on ``doc``: its events."""
    from conflictnlp.events.component import EventsComponent

    EventsComponent(nlp, "events")(doc)
    return doc._.events


def events_of(nlp: Any, rows: Sequence[Sequence[Any]], places: Sequence[tuple] = (), spaces: Optional[list[bool]] = None) -> tuple[Doc, list]:
    """Events of an article of 2024-10-29 from (word, head, dep, POS, lemma) rows; places:
    (first token, last token, country code, feature[, adjectival])."""
    from conflictnlp.model import Location

    doc = article_doc(nlp.vocab, rows, "2024-10-29", spaces=spaces)
    locations = []
    for n, (first, last, code, feature, *adjectival) in enumerate(places, 1):
        s, e = chars(doc, first, last)
        locations.append(Location(id=f"l{n}", text=doc.text[s:e], span=(s, e), name=doc.text[s:e], country_code=code, feature=feature,
                                  adjectival=bool(adjectival and adjectival[0])))
    doc._.locations = locations
    return doc, run_events(nlp, doc)


def kinds(event: Any) -> tuple[Optional[str], Optional[str]]:
    """The kinds of an event's perpetrator and target (None where a side is missing)."""
    return tuple(getattr(getattr(event.actors, role), "kind", None) for role in ("perpetrator", "target"))  # type: ignore[return-value]


# words a hand-tagged sentence attaches to the word before (``tagged_doc``)
_ATTACHED = {",", ".", ":", ";", "'s", "(", ")"}


def tagged_doc(tagged: str, *, tilde: bool = False, vocab: Any = None) -> Doc:
    """A one-sentence Doc from "word/POS/ENT" items (ENT an IOB tag such as B-GPE; "O" if left
    out); lemmas are the lowercased words. Spacing: punctuation and "'s" attach to the word
    before and "_" inside a word is a space; with ``tilde``, instead, a word ending in "~" has no
    space after it (nor has the last word)."""
    words, spaces, pos, ents = [], [], [], []
    for item in tagged.split():
        word, tag, *ent = item.split("/")
        if tilde:
            spaces.append(not word.endswith("~"))
            words.append(word.removesuffix("~"))
        else:
            words.append(word.replace("_", " ") if word != "_" else word)
        pos.append(tag)
        ents.append(ent[0] if ent else "O")
    if tilde:
        spaces[-1] = False
    else:
        spaces = [i + 1 < len(words) and words[i + 1] not in _ATTACHED for i in range(len(words))]
    return Doc(vocab or BLANK_VOCAB, words=words, spaces=spaces, pos=pos, ents=ents, lemmas=[w.lower() for w in words],
               sent_starts=[True] + [False] * (len(words) - 1))


def found_places(tagged: str, *, tilde: bool = False) -> list:
    """The places component alone on a hand-tagged sentence (``tagged_doc``): its locations,
    each checked to cover its text."""
    from conflictnlp.places.component import PlacesComponent

    doc = tagged_doc(tagged, tilde=tilde)
    PlacesComponent(BLANK, "places").process(doc)
    for loc in doc._.locations:
        assert doc.text[loc.span[0]:loc.span[1]] == loc.text
    return list(doc._.locations)


def place_points(tagged: str) -> dict[str, tuple]:
    """Text -> (country code, lat, lon) of the places found in a hand-tagged sentence (``tagged_doc``),
    a people's adjectives left out."""
    return {loc.text: (loc.country_code, loc.lat, loc.lon) for loc in found_places(tagged) if not loc.adjectival}


def place_features(tagged: str) -> dict[str, tuple]:
    """Text -> (country code, feature, lat) of the places found in a hand-tagged sentence ("~"
    glues; ``tagged_doc``), a people's adjectives left out."""
    return {loc.text: (loc.country_code, loc.feature, loc.lat) for loc in found_places(tagged, tilde=True) if not loc.adjectival}


def attributions(doc: Doc) -> list[tuple[str, list[str], Optional[str]]]:
    """The verb, noun and adjective attributions of a hand-built doc: (cue, content texts, speaker)."""
    from conflictnlp.quotes.attribution import verb_attributions
    from conflictnlp.quotes.cues import load_cues

    text = doc.text
    found = verb_attributions(doc, list(doc.sents), load_cues(), [False] * (len(text) + 1))
    return [
        (text[a.cue[0] : a.cue[1]], [text[s:e] for s, e in a.content], a.source.text if a.source is not None else None)
        for a in found
    ]


def claims_doc(rows: Sequence[Sequence[Any]], tags: Optional[list[str]] = None) -> Doc:
    """A Doc of (word, lemma, POS, dep, head) rows with no quotes yet, for the claims rules."""
    doc = rows_doc(rows, PARSE_ROWS, tags=tags)
    doc._.quotes = []
    return doc


def quote_at(doc: Doc, content: str, cue: str, speaker: Optional[str], qid: str = "q1", kind: str = "indirect") -> Any:
    """A quote of ``doc`` from the first occurrence of each of its texts."""
    from conflictnlp.model import MultiSpan, Quote, TextSpan

    text = doc.text
    c, k = text.index(content), text.index(cue)
    spk = TextSpan(text=speaker, span=(text.index(speaker), text.index(speaker) + len(speaker))) if speaker else None
    return Quote(id=qid, type=kind, content=MultiSpan(text=content, spans=[(c, c + len(content))]),
                 cue=TextSpan(text=cue, span=(k, k + len(cue))), speaker=spk)


def extract_claims(doc: Doc) -> list:
    """The claims rules alone on ``doc``, every verb their own lexicon does not know read as unknown."""
    from conflictnlp.claims.extract import ClaimExtractor
    from conflictnlp.claims.lexicon import load_lexicon

    return ClaimExtractor(load_lexicon(), known_verbs=frozenset())(doc)


# the articles of the batch tests' corpora, one per record in turn
BATCH_TEXTS = [
    "Officials said {n} people were killed in Kharkiv on Friday.",
    "\"We will respond,\" the governor said after the strike on depot {n}.",
    "The convoy stopped {n} kilometres from the border, a spokesman said.",
]


def light_pipeline() -> Any:
    """The base pipeline with conflictnlp's article component only: fast, and independent of
    the extraction components, which the batch tests do not exercise."""
    import conflictnlp

    return conflictnlp.load(enable=["article"])


def write_corpus(path: Any, count: int, extra: Sequence[dict] = ()) -> list[str]:
    """A JSONL corpus of ``count`` short articles (and ``extra`` records) at ``path``: their ids."""
    import json

    records = [{"id": f"r{i}", "text": BATCH_TEXTS[i % len(BATCH_TEXTS)].format(n=i)} for i in range(count)] + list(extra)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [r["id"] for r in records]


def quiet(origin: str, reason: str) -> None:
    """An ``on_skip`` that says nothing."""


def full_record(article_id: str) -> dict:
    """A record with one item of every kind, its spans right."""
    from conflictnlp.model import (
        Article,
        Claim,
        DateMention,
        Distance,
        Location,
        MeasureRestatement,
        MultiSpan,
        Quantity,
        Quote,
        TextSpan,
    )

    text = "Peskov said two workers were hurt in Belgorod, some 22 miles (35 km) from the border, on Friday."
    return Article(
        id=article_id,
        source="AP",
        published="2022-04-01",
        body=(0, len(text)),
        text=text,
        quotes=[Quote(id="q1", type="indirect", content=MultiSpan("two workers were hurt", [(12, 33)]), cue=TextSpan("said", (7, 11)),
                      speaker=TextSpan("Peskov", (0, 6)), speaker_name="Dmitry Peskov", confidence=0.9)],
        claims=[Claim(id="c1", text="two workers were hurt in Belgorod", span=(12, 45), source="Dmitry Peskov", quote_id="q1",
                      stance="hedged", hedges=[TextSpan("said", (7, 11))], locations=["l1"], quantities=["n1"])],
        locations=[Location(id="l1", text="Belgorod", span=(37, 45), name="Belgorod", country_code="RU", lat=50.61, lon=36.58, geonameid=578072, feature="city")],
        distances=[Distance(id="m1", text="some 22 miles", span=(47, 60), value=22, unit="mile", metres=35405.6, approximate=True,
                            also=[MeasureRestatement(35, "kilometre", (62, 67))], reference=TextSpan("the border", (74, 84)))],
        quantities=[Quantity(id="n1", text="two workers", span=(12, 23), value=2, concept="workers")],
        dates=[DateMention(id="d1", text="on Friday", span=(86, 95), value="2022-04-01", granularity="day")],
    ).to_dict()
