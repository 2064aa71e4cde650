"""Sort the boundary differences of found attributions against PolNeAR-style gold.

Not part of the runtime. ``python -m conflictnlp.training.boundary_diffs TRAIN.jsonl --sample
200 --seed 24`` runs the default quotes rules over a random sample of training articles (never
the test split; do not tune on dev) and, role by role (content, source, cue), pairs every
predicted span that matches no gold span exactly with the gold span it overlaps most (one to
one, greedy by Jaccard, after the exact pairs are taken, as ``evaluate quotes`` matches). Each
such pair differs by runs of characters that one side has and the other lacks, at the start,
at the end or inside; every run is sorted into a class ("content end +: relative clause" is
a run the prediction has past gold's end that opens with a relative clause). The classes are
counted, with examples (``--examples N``), and the sample is scored as ``evaluate quotes``
scores (``--score``), so that a rule can be tried on the sample before dev is read.

``--cache FILE`` keeps the parses (everything but the quotes component) in a DocBin, so that a
second run only reruns the quotes rules.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Optional

from spacy.tokens import Doc, DocBin

from ..evaluation.quotes import ROLES, gold_items, new_counts, normalise, predicted_items, render, score_document

Offsets = tuple[int, int]
COMPLEMENTISERS = {"that", "whether", "if"}
CONNECTIVES = {"and", "but", "so", "yet", "or", "still", "however", "also", "then", "now"}
SUBORDINATORS = {"as", "while", "when", "because", "after", "before", "since", "although", "though", "until", "unless", "if", "whereas", "even", "despite", "amid"}
RELATIVES = {"who", "which", "whose", "whom", "where", "that"}
TIME_TYPES = {"DATE", "TIME"}


def sample_records(path: Path, size: Optional[int], seed: int) -> list[dict[str, Any]]:
    """The records of a JSONL file, or a random sample of ``size`` of them (in file order)."""
    records = [json.loads(line) for line in path.open(encoding="utf8") if line.strip()]
    if size is None or size >= len(records):
        return records
    keep = sorted(random.Random(seed).sample(range(len(records)), size))
    return [records[i] for i in keep]


def parsed_docs(nlp, records: list[dict[str, Any]], cache: Optional[Path]) -> list[Doc]:
    """The records parsed by every component but ``quotes``, read from (or written to) ``cache``."""
    from ..pipeline import make_doc
    from ..reading.sources import read_record

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [r["text"] for r in records]:
            return docs
    before_quotes = [(name, proc) for name, proc in nlp.pipeline if name != "quotes"]
    docs = []
    for record in records:
        doc = make_doc(nlp, read_record({"text": record["text"], "id": record.get("id")}))
        for _, proc in before_quotes:
            doc = proc(doc)
        docs.append(doc)
    if cache is not None:
        DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def predicted_quotes(nlp, doc: Doc) -> list[dict[str, Any]]:
    """The quotes component's records for a parsed Doc, as ``evaluate quotes`` reads them."""
    from ..extensions import article_from_doc

    doc = nlp.get_pipe("quotes")(doc)
    return [q.to_dict() for q in article_from_doc(doc).quotes]


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def overlapping_pairs(predicted: list[Optional[frozenset[int]]], gold: list[Optional[frozenset[int]]], exact_too: bool = False) -> list[tuple[int, int]]:
    """(predicted, gold) index pairs that overlap but differ (with ``exact_too``, the equal
    pairs as well): exact pairs are taken first, then the rest one to one, greedy by
    decreasing Jaccard."""
    used_p = set()
    used_g = set()
    exact: list[tuple[int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p and p == g and j not in used_g and i not in used_p:
                used_p.add(i)
                used_g.add(j)
                exact.append((i, j))
    scored = sorted(
        ((-_jaccard(p, g), i, j) for i, p in enumerate(predicted) if p and i not in used_p for j, g in enumerate(gold) if g and j not in used_g and p & g),
    )
    pairs = []
    for _, i, j in scored:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return (exact if exact_too else []) + pairs


def _runs(chars: Iterable[int]) -> list[Offsets]:
    """Maximal runs of consecutive character offsets."""
    runs: list[list[int]] = []
    for c in sorted(chars):
        if runs and c == runs[-1][1]:
            runs[-1][1] = c + 1
        else:
            runs.append([c, c + 1])
    return [(s, e) for s, e in runs]


def _tokens(doc: Doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+", text.lower())


def _crosses_sentence(doc: Doc, start: int, end: int, other: frozenset[int]) -> bool:
    """Whether a run lies (partly) in another sentence than the characters of ``other``."""
    tokens = _tokens(doc, start, end)
    inside = _tokens(doc, min(other), max(other) + 1) if other else []
    sents = {t.sent.start for t in inside}
    return bool(tokens) and any(t.sent.start not in sents for t in tokens if not t.is_punct)


def content_class(doc: Doc, text: str, run: Offsets, where: str, other: frozenset[int], cue: Optional[frozenset[int]], source: Optional[frozenset[int]]) -> str:
    """The class of a content run one side has and the other lacks (``where``: start, end,
    inside)."""
    start, end = run
    piece = text[start:end]
    words = _words(piece)
    tokens = [t for t in _tokens(doc, start, end) if not t.is_punct]
    near = set(range(start, end))
    if cue and near & cue or source and near & source:
        return "the attribution's own cue or source"
    if not words:
        return "punctuation or quotation marks"
    if where == "inside":
        if re.search(r"[.!?][\"'”’]*\s", piece) or "\n" in piece:
            return "a sentence end between pieces (split content)"
        return "a gap between pieces"
    if _crosses_sentence(doc, start, end, other):
        return "another sentence"
    first = tokens[0] if tokens else None
    if where == "start":
        if words == [words[0]] and words[0] in COMPLEMENTISERS:
            return "complementiser"
        if words[0] in CONNECTIVES and len(words) <= 2:
            return "connective"
        if first is not None and first.dep_ in ("nsubj", "nsubjpass") or any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens):
            return "subject"
        if words[0] in COMPLEMENTISERS:
            return "complementiser and more"
        if first is not None and first.dep_ == "prep":
            return "prepositional phrase"
        if first is not None and first.dep_ in ("advcl", "mark", "advmod"):
            return "adverbial"
        return "other"
    # the end
    lead = text[start - 2 : start].strip()
    if words[0] in RELATIVES and (lead == "," or first is not None and any(t.dep_ == "relcl" for t in tokens)):
        return "relative clause"
    if words[0] in ("and", "but", "or") and len(words) > 1:
        verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
        return "coordinated clause" if verb else "coordinated phrase"
    if words[0] in SUBORDINATORS or first is not None and (first.dep_ == "mark" or first.head.dep_ == "advcl"):
        return "adverbial clause"
    if all(t.ent_type_ in TIME_TYPES or t.dep_ in ("prep", "det") for t in tokens) and any(t.ent_type_ in TIME_TYPES for t in tokens):
        return "time phrase"
    if first is not None and first.tag_ == "VBG":
        return "participle clause"
    if first is not None and first.dep_ == "appos" or any(t.dep_ == "appos" for t in tokens[:3]) and lead == ",":
        return "apposition"
    if first is not None and first.dep_ in ("prep", "agent"):
        return "prepositional phrase"
    if first is not None and first.pos_ in ("VERB", "AUX"):
        return "verb phrase"
    return "other"


def source_class(doc: Doc, text: str, run: Offsets, where: str) -> str:
    """The class of a source run one side has and the other lacks."""
    start, end = run
    words = _words(text[start:end])
    tokens = [t for t in _tokens(doc, start, end) if not t.is_punct]
    if not words:
        return "punctuation"
    first = tokens[0] if tokens else None
    if where == "end":
        if words[0] in RELATIVES or any(t.dep_ == "relcl" for t in tokens):
            return "relative clause"
        if text[start - 2 : start].strip() == "," or first is not None and first.dep_ == "appos":
            return "apposition"
        if words[0] in ("and", "or"):
            return "coordinated speaker"
        if first is not None and first.dep_ == "prep":
            return "prepositional phrase"
        if words == ["s"] or words[0] in ("'s", "’s"):
            return "possessive"
        return "other"
    if where == "start":
        if words in (["the"], ["a"], ["an"]):
            return "determiner"
        if text[end : end + 2].strip() == "," or any(t.dep_ == "appos" for t in tokens):
            return "apposition"
        if first is not None and first.dep_ in ("compound", "amod", "poss", "det", "nmod"):
            return "title or modifier"
        return "other"
    return "inside"


def cue_class(doc: Doc, text: str, run: Offsets, where: str) -> str:
    """The class of a cue run one side has and the other lacks."""
    start, end = run
    words = _words(text[start:end])
    tokens = [t for t in _tokens(doc, start, end) if not t.is_punct]
    if not words:
        return "punctuation"
    if where == "start":
        if all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in tokens):
            return "auxiliary, negation or adverb"
        if any(t.pos_ in ("VERB",) for t in tokens):
            return "an earlier verb"
        return "other"
    if where == "end":
        if tokens and tokens[0].dep_ in ("prep", "prt", "agent"):
            return "preposition" if len(tokens) == 1 else "prepositional phrase"
        if tokens and tokens[0].dep_ in ("dobj", "dative") or any(t.dep_ in ("dobj", "dative") for t in tokens):
            return "object"
        if words == ["that"]:
            return "that"
        if all(t.ent_type_ in TIME_TYPES or t.dep_ in ("npadvmod", "prep", "det") for t in tokens):
            return "time phrase"
        if all(t.dep_ == "advmod" for t in tokens):
            return "adverb"
        return "other"
    return "inside"


def _pieces(item: dict[str, Any], role: str, gold: bool) -> list[Offsets]:
    """The character pieces of a role of a gold relation or a predicted quote record."""
    if gold:
        if role == "cue":
            return [tuple(item["cue_span"])] if item.get("cue_span") else []
        many = item.get("content_spans" if role == "content" else "speaker_spans")
        single = item.get("content_span" if role == "content" else "speaker_span")
        return [tuple(p) for p in many] if many else ([tuple(single)] if single else [])
    value = item.get({"content": "content", "source": "speaker", "cue": "cue"}[role])
    if not value:
        return []
    return [tuple(p) for p in value["spans"]] if role == "content" else [tuple(value["span"])]


def diff_runs(predicted: frozenset[int], gold: frozenset[int]) -> list[tuple[str, str, Offsets]]:
    """(sign, where, run): "+" for what only the prediction has, "-" for what only gold has."""
    lo, hi = min(predicted | gold), max(predicted | gold)
    both = predicted & gold
    first, last = (min(both), max(both)) if both else (hi + 1, lo - 1)
    found = []
    for sign, chars in (("+", predicted - gold), ("-", gold - predicted)):
        for run in _runs(chars):
            where = "start" if run[1] <= first else "end" if run[0] > last else "inside"
            found.append((sign, where, run))
    return found


def relation_pairs(text: str, quotes: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(predicted quote, gold relation) pairs that are the same attribution: their cues
    overlap (exact cues first, then greedy by Jaccard); a quote without a cue (a floating one)
    pairs by its content."""
    pairs = [(i, j) for i, j in overlapping_pairs(
        [normalise(text, _pieces(q, "cue", False)) or None for q in quotes],
        [normalise(text, _pieces(g, "cue", True)) or None for g in gold],
        exact_too=True,
    )]
    paired_p, paired_g = {i for i, _ in pairs}, {j for _, j in pairs}
    rest_p = [i for i, q in enumerate(quotes) if i not in paired_p and not q.get("cue")]
    rest_g = [j for j in range(len(gold)) if j not in paired_g]
    by_content = overlapping_pairs(
        [normalise(text, _pieces(quotes[i], "content", False)) or None for i in rest_p],
        [normalise(text, _pieces(gold[j], "content", True)) or None for j in rest_g],
        exact_too=True,
    )
    return pairs + [(rest_p[i], rest_g[j]) for i, j in by_content]


def _classify(doc: Doc, text: str, role: str, sign: str, where: str, run: Offsets, other: frozenset[int], quote: dict, relation: dict) -> str:
    if role == "content":
        side = (quote, False) if sign == "+" else (relation, True)
        cue = normalise(text, _pieces(side[0], "cue", side[1])) or None
        source = normalise(text, _pieces(side[0], "source", side[1])) or None
        return content_class(doc, text, run, where, other, cue, source)
    if role == "source":
        return source_class(doc, text, run, where)
    return cue_class(doc, text, run, where)


def _example(text: str, sign: str, run: Offsets, p: frozenset[int], g: frozenset[int], note: str) -> str:
    lo, hi = min(p | g), max(p | g) + 1
    left = text[max(0, lo - 60) : lo].replace("\n", " ")
    right = text[hi : hi + 40].replace("\n", " ")
    gold = "|".join(text[s:e] for s, e in _runs(g)).replace("\n", " ")
    return f"[{sign}{text[run[0]:run[1]]!r}] ...{left}<<{text[lo:hi]}>>{right}...  GOLD: {gold[:200]!r}{note}".replace("\n", " ")


def analyse(nlp, records: list[dict[str, Any]], docs: list[Doc], examples: int) -> tuple[Counter, Counter, dict, dict, Counter]:
    """Over the records: every run's class, the pairs that differ by one class only (what a
    fix of that class gains), examples per class, scores, and the pairs that differ per role."""
    classes: Counter = Counter()
    only: Counter = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    counts = new_counts()
    differing: Counter = Counter()
    for record, doc in zip(records, docs):
        text = record["text"]
        quotes = predicted_quotes(nlp, doc)
        gold = record.get("quotes", [])
        score_document(predicted_items(text, quotes), gold_items(record), counts)
        for i, j in relation_pairs(text, quotes, gold):
            for role in ROLES:
                p = normalise(text, _pieces(quotes[i], role, False))
                g = normalise(text, _pieces(gold[j], role, True))
                if not p or not g or p == g or not p & g:
                    continue
                differing[role] += 1
                note = ""
                if role == "content" and len(_pieces(quotes[i], role, False)) != len(_pieces(gold[j], role, True)):
                    note = f" (pieces {len(_pieces(quotes[i], role, False))} vs gold {len(_pieces(gold[j], role, True))})"
                keys = set()
                for sign, where, run in diff_runs(p, g):
                    name = _classify(doc, text, role, sign, where, run, g if sign == "+" else p, quotes[i], gold[j])
                    key = f"{role} {where} {sign}: {name}"
                    keys.add(key)
                    classes[key] += 1
                    if len(shown[key]) < examples:
                        shown[key].append(_example(text, sign, run, p, g, note))
                if len(keys) == 1:
                    only[keys.pop()] += 1
    return classes, only, shown, counts, differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a PolNeAR-style training file (never the test split)")
    parser.add_argument("--sample", type=int, default=200, help="random articles to read (0: all)")
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--cache", type=Path, help="DocBin file keeping the parses between runs")
    parser.add_argument("--examples", type=int, default=0, help="examples to print per class")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--score", action="store_true", help="also print exact/soft P/R/F1 as evaluate quotes does")
    args = parser.parse_args()

    from ..pipeline import load

    nlp = load(enable=["article", "quotes"])
    records = sample_records(args.gold, args.sample or None, args.seed)
    docs = parsed_docs(nlp, records, args.cache)
    classes, only, shown, counts, differing = analyse(nlp, records, docs, args.examples)
    print(f"{len(records)} articles; attributions found (same cue) whose spans overlap gold but differ: "
          + ", ".join(f"{r} {differing[r]}" for r in ROLES))
    print("runs  only  class (runs: differences of this class; only: pairs differing by this class alone)")
    for key, count in classes.most_common(args.top):
        print(f"{count:5d} {only[key]:5d}  {key}")
        for line in shown.get(key, []):
            print(f"         {line}")
    if args.score:
        scores = {s: {r: {m: prf.as_dict() for m, prf in modes.items()} for r, modes in roles.items()} for s, roles in counts.items()}
        report = {"scores": scores, "gold": str(args.gold), "documents": len(records), "model": "default", "attribution": "rules",
                  "gold_relations": sum(len(r.get("quotes", [])) for r in records), "predicted_quotes": "-"}
        print(render(report))


if __name__ == "__main__":
    main()
