"""Mine a PolNeAR-style training file for the attribution cues the rules miss.

Not part of the runtime: ``python -m conflictnlp.training.mine_cues TRAIN.jsonl --limit 150``
runs the default quotes rules over the first articles and counts, for every gold cue no
predicted cue matches exactly, its *frame*: the lemmas of the cue's words (adverbs and
auxiliaries left out), with the word right after it when that is a preposition or "that"
("call for", "claim that"), or ":" for a colon frame. Next to each missed count it prints how
often the frame occurs in the same articles at all (outside quotation marks), so that a frame
is added to the cue lexicon only where it is a cue often enough (the break-even the lexicon's
header names). Classes: prep (lemma + preposition), noun, colon, attitude, evidential, other.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

ATTITUDE = {"believe", "hope", "worry", "consider", "expect", "want", "fear", "think", "feel", "doubt", "wish"}
EXAMPLES: dict[str, str] = {}
EVIDENTIAL = {"show", "appear", "seem", "suggest", "indicate", "reveal", "confirm"}


def _frame(tokens) -> tuple[str, str]:
    """(class, frame) of the tokens of a cue."""
    words = [t for t in tokens if t.pos_ not in ("ADV", "AUX", "PART", "DET", "PRON", "PUNCT") or t.text == ":"]
    if not words:
        return "other", " ".join(t.lower_ for t in tokens)
    if any(t.text == ":" for t in tokens):
        return "colon", ":"
    lemmas = " ".join(t.lemma_.lower() for t in words)
    last = tokens[-1]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if words[-1].pos_ == "ADP":
        kind = "prep"
    elif after is not None and (after.pos_ == "ADP" and after.head.i == last.i):
        kind, lemmas = "prep", f"{lemmas} +{after.lower_}"
    elif words[0].pos_ == "NOUN":
        kind = "noun"
    elif words[0].lemma_.lower() in ATTITUDE:
        kind = "attitude"
    elif words[0].lemma_.lower() in EVIDENTIAL:
        kind = "evidential"
    else:
        kind = "other"
    if after is not None and after.lower_ == "that" and kind in ("noun", "other"):
        lemmas += " +that"
    return kind, lemmas


def mine(path: str, limit: int) -> tuple[Counter, Counter]:
    import conflictnlp

    nlp = conflictnlp.load(enable=["article", "quotes"])
    missed: Counter = Counter()
    heads: Counter = Counter()
    records = [json.loads(line) for line, _ in zip(open(path, encoding="utf8"), range(limit), strict=False)]
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        predicted = {tuple(q.cue.span) for q in doc._.quotes if q.cue}
        for gold in record["quotes"]:
            if not gold.get("cue_span") or tuple(gold["cue_span"]) in predicted:
                continue
            span = doc.char_span(*gold["cue_span"], alignment_mode="expand")
            if span is None or not len(span):
                continue
            start, end = gold["cue_span"]
            near = any(s < end and start < e for s, e in predicted)
            kind, frame = _frame(list(span))
            missed[(kind if not near else "boundary", frame)] += 1
            EXAMPLES.setdefault(frame, record["text"][max(0, start - 80) : end + 80].replace("\n", " "))
        for token in doc:
            if token.pos_ in ("VERB", "NOUN"):
                heads[token.lemma_.lower()] += 1
    return missed, heads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train")
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--examples", action="store_true", help="print a context for each frame")
    args = parser.parse_args()
    missed, heads = mine(args.train, args.limit)
    by_class: dict[str, list] = {}
    for (kind, frame), count in missed.most_common():
        by_class.setdefault(kind, []).append((frame, count))
    for kind, frames in sorted(by_class.items(), key=lambda kv: -sum(c for _, c in kv[1])):
        print(f"== {kind}: {sum(c for _, c in frames)} missed gold cues")
        for frame, count in frames[: args.top]:
            first = frame.split()[0]
            print(f"  {count:4d}  {frame}  (lemma occurs {heads.get(first, 0)})  e.g. {EXAMPLES.get(frame, '')!r}" if args.examples else f"  {count:4d}  {frame}  (lemma occurs {heads.get(first, 0)})")


if __name__ == "__main__":
    main()
