"""Mine PolNeAR train for the attribution cues the rules miss, by (lemma, frame).

Not part of the runtime. Two steps, both on PolNeAR *train* only (never dev or test)::

    python -m conflictnlp.training.mine_cues parse TRAIN.jsonl --cache DIR [--limit N]
    python -m conflictnlp.training.mine_cues frames TRAIN.jsonl --cache DIR [--top 40] [--min-support 4]
    python -m conflictnlp.training.mine_cues score TRAIN.jsonl --cache DIR [--cues FILE]

``parse`` runs the base pipeline (article body, parser, quotes) once and keeps the Docs in
``DIR`` (spaCy DocBins, 100 articles each), so that mining and scoring read saved parses.

``frames`` reruns the quote rules (the packaged cue lexicon, or ``--cues FILE``) over the saved
parses and, for every verb, noun and adjective outside quotation marks, lists the *frames* it
stands in: the complements that could carry a reported content (``frame_complements``):

* ``ccomp`` a complement clause ("said [that ...]"); ``head`` the clause the word is set off in
  (", he said"); ``xcomp`` an infinitive or other open complement ("vowed [to ...]");
  ``dobj`` an object ("denied [the report]"); ``prep:P`` the object of a preposition P hanging
  from the word ("spoke about [the deal]", "criticism of [the plan]"); ``that`` a that-clause
  on a noun ("the claim [that ...]"); ``if`` a clause opened by "if"/"whether"; ``passive``
  the subject of a passive with a "by" agent ("[the plan] was criticised by X"); ``relcl`` the
  noun a relative clause with no object of its own hangs from ("[the issues] they care about").

A gold cue's frame is the frame of its head word (the root of the cue span) whose complement
matches the gold content best (the complement and the content share at least half of each
other's characters), ``other`` when none does (the content is a quotation elsewhere, say).
For every (lemma, part of speech, frame) it counts the occurrences, how many of them head a
gold cue in that frame (train precision and support), how many of those the rules found (a
predicted cue with the same characters) and whether the cue lexicon already lists the lemma
for that frame (``listed``). The table is sorted by missed gold relations; ``--propose``
prints the unlisted pairs at or above the precision that maximises the estimated cue F1 on
train (each added occurrence a predicted cue, each gold one a true one: ``best_threshold``),
or at ``--precision``; round 6 of issue 24 added what ``--propose --precision 0.35`` prints
over all 722 articles (the threshold chosen by ``score`` on articles 481-722 with frames mined
on 1-480), less the exceptions its lexicon comments name.

``score`` scores the rules' quotes on the saved parses as ``conflictnlp evaluate quotes``
does (exact and soft P/R/F1 by role), with the packaged lexicon or ``--cues FILE``: the way
to check on train that a lexicon change helps before measuring it on dev.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from spacy.tokens import Doc, DocBin, Token

CHUNK = 100
LEXICAL_POS = ("VERB", "NOUN", "ADJ")
# dependents whose subtree may carry a reported content, by frame
CLAUSE_DEPS = ("ccomp",)
OPEN_DEPS = ("xcomp",)
OBJECT_DEPS = ("dobj",)
SET_OFF_DEPS = ("parataxis", "ccomp", "advcl")
MIN_SHARE = 0.5


def _records(path: str, limit: Optional[int]) -> list[dict]:
    with open(path, encoding="utf8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return records[:limit] if limit else records


def parse(path: str, cache: Path, limit: Optional[int]) -> None:
    """Parse the articles with the base pipeline and save them, ``CHUNK`` to a file."""
    import conflictnlp

    nlp = conflictnlp.load(enable=["article", "quotes"])
    records = _records(path, limit)
    cache.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(records), CHUNK):
        target = cache / f"train_{start:04d}.spacy"
        if target.exists():
            continue
        docs = list(nlp.pipe(r["text"] for r in records[start : start + CHUNK]))
        DocBin(store_user_data=True, docs=docs).to_disk(target)
        print(f"parsed articles {start + 1}-{start + len(docs)}", flush=True)


def saved_docs(path: str, cache: Path, cues, limit: Optional[int] = None, skip: int = 0) -> Iterator[tuple[dict, Doc]]:
    """(gold record, Doc with the rules' quotes rerun) for each saved parse in file order, from
    article ``skip`` to ``limit``; ``cues`` a lexicon file or ``CueLexicon`` (None: packaged)."""
    import conflictnlp

    from ..quotes.cues import load_cues

    nlp = conflictnlp.load(enable=["article", "quotes"])
    quotes: Any = nlp.get_pipe("quotes")
    if cues is not None:
        quotes.lexicon = load_cues(cues) if isinstance(cues, str) else cues
    records = _records(path, limit)
    for chunk in sorted(cache.glob("train_*.spacy")):
        start = int(chunk.stem.split("_")[1])
        if start >= len(records) or start + CHUNK <= skip:
            continue
        for offset, doc in enumerate(DocBin().from_disk(chunk).get_docs(nlp.vocab)):
            if skip <= start + offset < len(records):
                yield records[start + offset], quotes(doc)


def _chars(tokens) -> frozenset[int]:
    return frozenset(i for t in tokens for i in range(t.idx, t.idx + len(t.text)) if not t.is_punct)


def frame_complements(word: Token) -> dict[str, set[Token]]:
    """The frames ``word`` stands in, each with the tokens of the complement that would be its
    content (see the module doc)."""
    frames: dict[str, set[Token]] = {}
    for child in word.children:
        dep = child.dep_
        if dep in CLAUSE_DEPS or dep == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            frames.setdefault("ccomp", set()).update(child.subtree)
        elif dep in ("acl", "advcl") and child.i > word.i and any(m.dep_ == "mark" and m.lower_ in ("that", "if", "whether") for m in child.children):
            mark = next(m.lower_ for m in child.children if m.dep_ == "mark" and m.lower_ in ("that", "if", "whether"))
            frames.setdefault("that" if mark == "that" and word.pos_ == "NOUN" else "ccomp" if mark == "that" else "if", set()).update(child.subtree)
        elif dep in OPEN_DEPS or dep == "acl" and child.i > word.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            frames.setdefault("xcomp", set()).update(child.subtree)
        elif dep in OBJECT_DEPS:
            frames.setdefault("dobj", set()).update(child.subtree)
        elif dep == "prep" and child.i > word.i:
            objects = {t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}
            if objects:
                frames.setdefault(f"prep:{child.lower_}", set()).update(objects)
    if any(c.dep_ == "agent" for c in word.children):
        subject = {t for c in word.children if c.dep_ == "nsubjpass" for t in c.subtree}
        if subject:
            frames["passive"] = subject  # "[The plan] was criticised by X"
    head = word.head
    if word.dep_ == "relcl" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in word.children):
        frames["relcl"] = set(head.subtree) - set(word.subtree)  # "[the issues] they care about"
    if word.dep_ in SET_OFF_DEPS and head != word and head.pos_ in ("VERB", "AUX"):
        frames["head"] = set(head.subtree) - set(word.subtree)
    return frames


def _share(a: frozenset[int], b: frozenset[int]) -> float:
    """The smaller of the two shares of characters each set has in the other."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return min(common / len(a), common / len(b))


def gold_frame(word: Token, content: frozenset[int]) -> str:
    """The frame of a gold cue headed by ``word`` whose content has these characters."""
    best, best_share = "other", MIN_SHARE
    for frame, tokens in frame_complements(word).items():
        share = _share(_chars(tokens), content)
        if share >= best_share:
            best, best_share = frame, share
    return best


def listed(lexicon, lemma: str, pos: str, frame: str) -> bool:
    """Whether the cue lexicon already lists ``lemma`` for ``frame``."""
    kinds = lexicon.kinds(lemma)
    if pos == "NOUN":
        if frame == "that":
            return lemma in lexicon.noun_clause
        return frame in ("prep:of", "prep:for", "prep:over") and lemma in lexicon.noun_object
    if pos == "ADJ":
        return lemma in lexicon.adjectives
    if frame in ("ccomp", "head", "if"):
        return bool(kinds & {"clause", "belief"})
    if frame == "xcomp":
        return "infinitive" in kinds
    if frame == "dobj":
        return "object" in kinds
    if frame == "passive":
        return lemma in lexicon.passive_agent
    if frame.startswith("prep:"):
        return f"{lemma} {frame[5:]}" in lexicon.phrasal_verbs or frame == "prep:as" and lemma in lexicon.object_as
    return False


NOUN_OBJECT_PREPOSITIONS = ("of", "for", "over")  # the prepositions attribution.noun_attributions reads


def lexicon_entry(lemma: str, pos: str, frame: str) -> Optional[tuple[str, str]]:
    """(lexicon group, entry) that would make the rules read ``lemma`` in ``frame``, or None
    where no group reads that frame: the groups of ``quotes.cues.CueLexicon``."""
    if pos == "VERB":
        if frame in ("ccomp", "head", "if"):
            return "clause", lemma
        if frame == "xcomp":
            return "infinitive", lemma
        if frame == "dobj":
            return "object", lemma
        if frame == "passive":
            return "passive", lemma
        if frame.startswith("prep:"):
            return "phrasal_verbs", f"{lemma} {frame[5:]}"
    if pos == "NOUN" and frame == "that":
        return "noun_clause", lemma
    if pos == "NOUN" and frame.startswith("prep:") and frame[5:] in NOUN_OBJECT_PREPOSITIONS:
        return "noun_object", lemma
    if pos == "ADJ" and frame in ("ccomp", "xcomp", "prep:of", "prep:about", "prep:with", "prep:in"):
        return "adjectives", lemma
    return None


@dataclass
class FrameCounts:
    occurrences: int = 0
    gold: int = 0
    found: int = 0
    example: str = ""
    articles: set = field(default_factory=set)  # the articles of the gold ones


@dataclass
class Mined:
    frames: dict[tuple[str, str, str], FrameCounts] = field(default_factory=lambda: defaultdict(FrameCounts))
    missed_by_class: Counter = field(default_factory=Counter)
    gold_cues: int = 0
    found_cues: int = 0
    predicted_cues: int = 0


def _gold_cue_heads(record: dict, doc: Doc) -> dict[int, tuple[frozenset[int], frozenset[int]]]:
    """For each gold relation: its cue's head word -> (cue characters, content characters)."""
    from ..evaluation.quotes import normalise

    text = record["text"]
    heads: dict[int, tuple[frozenset[int], frozenset[int]]] = {}
    for relation in record.get("quotes", []):
        if not relation.get("cue_span"):
            continue
        cue_start, cue_end = relation["cue_span"]
        span = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        content = normalise(text, [tuple(p) for p in (relation.get("content_spans") or [relation["content_span"]])])
        heads.setdefault(span.root.i, (normalise(text, [tuple(relation["cue_span"])]), content))
    return heads


def mine(path: str, cache: Path, cues, limit: Optional[int], skip: int = 0) -> Mined:
    """Count every (lemma, POS, frame) on the saved parses (see the module doc)."""
    from ..evaluation.quotes import normalise
    from ..extensions import body_bounds, doc_text
    from ..quotes.attribution import quoted_mask
    from ..quotes.marks import find_quoted_passages

    mined = Mined()
    for record, doc in saved_docs(path, cache, cues, limit, skip):
        text = doc_text(doc)
        lo, hi = body_bounds(doc)
        quoted = quoted_mask(text, find_quoted_passages(text, lo, hi))
        predicted = {normalise(text, [tuple(q.cue.span)]) for q in doc._.quotes if q.cue}
        mined.predicted_cues += len(predicted)
        heads = _gold_cue_heads(record, doc)
        for i, (cue, content) in heads.items():
            word = doc[i]
            frame = gold_frame(word, content)
            key = (word.lemma_.lower(), word.pos_, frame)
            mined.gold_cues += 1
            if cue in predicted:
                mined.found_cues += 1
                mined.frames[key].found += 1
            else:
                near = any(cue & p for p in predicted)
                mined.missed_by_class["boundary" if near else word.pos_] += 1
            if word.pos_ not in LEXICAL_POS or quoted[word.idx] or frame == "other":
                mined.frames[key].gold += 1
                mined.frames[key].occurrences += 1
        for word in doc:
            if word.pos_ not in LEXICAL_POS or quoted[word.idx] or not lo <= word.idx < hi:
                continue
            gold = heads.get(word.i)
            gold_one = gold_frame(word, gold[1]) if gold else None
            for frame in frame_complements(word):
                counts = mined.frames[(word.lemma_.lower(), word.pos_, frame)]
                counts.occurrences += 1
                if frame == gold_one:
                    counts.gold += 1
                    counts.articles.add(record.get("id"))
                    if not counts.example:
                        counts.example = text[max(0, word.idx - 60) : word.idx + 80].replace("\n", " ")
    return mined


def best_threshold(mined: Mined, candidates: list[tuple[tuple[str, str, str], FrameCounts]]) -> tuple[float, float, float]:
    """(threshold, F1 before, F1 after) that maximises the estimated cue F1 on train when every
    unlisted frame at or above the threshold is added: each occurrence a predicted cue, each
    gold one a true cue the rules missed."""
    tp, fp, fn = mined.found_cues, mined.predicted_cues - mined.found_cues, mined.gold_cues - mined.found_cues

    def f1(tp: float, fp: float, fn: float) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    before = f1(tp, fp, fn)
    best = (1.01, before, before)
    for threshold in [t / 100 for t in range(20, 100, 5)]:
        chosen = [c for _, c in candidates if c.gold / c.occurrences >= threshold]
        gain = sum(c.gold - c.found for c in chosen)
        noise = sum(c.occurrences - c.gold for c in chosen)
        after = f1(tp + gain, fp + noise, fn - gain)
        if after > best[2]:
            best = (threshold, before, after)
    return best


def report_frames(
    mined: Mined, lexicon, top: int, min_support: int, propose: bool, examples: bool, min_articles: int = 2, precision: Optional[float] = None
) -> None:
    print(f"gold cues {mined.gold_cues}, found exactly {mined.found_cues}, predicted {mined.predicted_cues}")
    print("missed gold cues by head POS (boundary: a predicted cue overlaps):", dict(mined.missed_by_class.most_common()))
    rows = sorted(mined.frames.items(), key=lambda kv: -(kv[1].gold - kv[1].found))
    print(f"{'lemma':16} {'pos':5} {'frame':12} {'gold':>5} {'occ':>5} {'prec':>5} {'found':>5} listed")
    for (lemma, pos, frame), counts in rows[:top]:
        share = counts.gold / counts.occurrences if counts.occurrences else 0.0
        line = f"{lemma:16} {pos:5} {frame:12} {counts.gold:5d} {counts.occurrences:5d} {share:5.2f} {counts.found:5d} {'yes' if listed(lexicon, lemma, pos, frame) else 'no'}"
        print(line + (f"  e.g. {counts.example!r}" if examples and counts.example else ""))
    if not propose:
        return
    candidates = [
        (key, c)
        for key, c in rows
        if key[1] in LEXICAL_POS
        and key[2] != "other"
        and c.gold - c.found >= min_support
        and len(c.articles) >= min_articles
        and not listed(lexicon, *key)
        and lexicon_entry(*key) is not None
    ]
    threshold, before, after = best_threshold(mined, candidates)
    if precision is not None:
        threshold = precision
    print(f"\nestimated cue F1 on these articles: {before:.3f} -> {after:.3f} at the best threshold; unlisted frames the "
          f"rules miss >= {min_support} times, from >= {min_articles} articles, at train precision >= {threshold:.2f}:")
    for key, c in sorted(candidates, key=lambda kv: -(kv[1].gold - kv[1].found)):
        found_entry = lexicon_entry(*key)
        if c.gold / c.occurrences >= threshold and found_entry is not None:
            group, entry = found_entry
            print(f"  [{group}] {entry!r}: {c.gold}/{c.occurrences} ({c.gold / c.occurrences:.2f}), rules found {c.found}")


def score(path: str, cache: Path, cues, limit: Optional[int], skip: int = 0) -> str:
    """The rules' quotes on the saved parses scored as ``evaluate quotes`` does."""
    from ..evaluation.quotes import gold_items, new_counts, predicted_items, render, score_document

    counts = new_counts()
    n_gold = n_pred = documents = 0
    for record, doc in saved_docs(path, cache, cues, limit, skip):
        gold, predicted = gold_items(record), predicted_items(record["text"], [q.to_dict() for q in doc._.quotes])
        n_gold, n_pred, documents = n_gold + len(gold), n_pred + len(predicted), documents + 1
        score_document(predicted, gold, counts)
    report = {
        "gold": path, "documents": documents, "gold_relations": n_gold, "predicted_quotes": n_pred,
        "model": "default (saved parses)", "attribution": cues if isinstance(cues, str) else "rules",
        "scores": {s: {r: {m: prf.as_dict() for m, prf in ms.items()} for r, ms in rs.items()} for s, rs in counts.items()},
    }
    return render(report)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("parse", "frames", "score"))
    parser.add_argument("train", help="PolNeAR train JSONL (never dev or test)")
    parser.add_argument("--cache", type=Path, required=True, help="folder of the saved parses")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles (a part to check on)")
    parser.add_argument("--cues", default=None, help="a cue lexicon TOML to use instead of the packaged one")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--min-support", type=int, default=2, help="--propose: gold cues the rules miss in the frame, at least")
    parser.add_argument("--min-articles", type=int, default=2, help="--propose: articles those gold cues come from, at least")
    parser.add_argument("--precision", type=float, default=None, help="--propose: train precision, at least (default: the estimated best)")
    parser.add_argument("--propose", action="store_true", help="print the unlisted frames worth adding")
    parser.add_argument("--examples", action="store_true", help="print a context for each frame")
    args = parser.parse_args()
    if args.step == "parse":
        parse(args.train, args.cache, args.limit)
    elif args.step == "score":
        print(score(args.train, args.cache, args.cues, args.limit, args.skip))
    else:
        from ..quotes.cues import load_cues

        mined = mine(args.train, args.cache, args.cues, args.limit, args.skip)
        report_frames(mined, load_cues(args.cues), args.top, args.min_support, args.propose, args.examples, args.min_articles, args.precision)


if __name__ == "__main__":
    main()
