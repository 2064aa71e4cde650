"""CPU time of each pipeline component on the PolNeAR dev texts, in two halves.

    python tools/component_times.py [--rounds 3] [--bare] [--profile COMPONENT] [JSONL]

The base networks run once per half; the Docs are kept as bytes, and every round rebuilds
them and times each of our components' ``__call__`` with ``time.process_time`` (one Doc
through all of them in turn, as ``nlp.pipe`` runs them, so per-Doc caches are shared).
Medians over the rounds. ``--bare`` also times bare ``en_core_web_sm`` (``nlp.pipe``) on the
same texts, so the figures can be given as a share of it. ``--profile NAME`` prints the
cProfile of that component over one round instead. Compare two versions of the code by
running this with PYTHONPATH set to each ``src`` in turn.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc

import conflictnlp
from conflictnlp.pipeline import _record, default_base_model, make_doc
from conflictnlp.reading.sources import iter_inputs

OURS = ["places", "measures", "dates", "quotes", "claims", "events"]
DEFAULT_TEXTS = Path(os.environ.get("GOLD", "gold-data-not-set")) / "attribution_dev.jsonl"  # $GOLD: the gold data folder


def halves(path: Path) -> dict[str, list[str]]:
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    return {"dev": texts[: len(texts) // 2], "held": texts[len(texts) // 2 :]}


def base_docs(full, texts: list[str]) -> list[bytes]:
    """The texts through make_doc and the base networks, as Doc bytes."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "texts.jsonl"
        corpus.write_text("".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
        docs = [make_doc(full, article) for article in iter_inputs([corpus])]
    for name, proc in full.pipeline:
        if name not in OURS:
            docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return [doc.to_bytes() for doc in docs]


def time_ours(full, blobs: list[bytes], rounds: int) -> dict[str, float]:
    ours = [(name, proc) for name, proc in full.pipeline if name in OURS]
    spent_rounds = defaultdict(list)
    clock = time.process_time
    for _ in range(rounds):
        spent: dict[str, float] = defaultdict(float)
        for blob in blobs:
            doc = Doc(full.vocab).from_bytes(blob)
            for name, proc in ours:
                start = clock()
                proc(doc)
                spent[name] += clock() - start
            start = clock()
            _record(doc)
            spent["record"] += clock() - start
        for name, seconds in spent.items():
            spent_rounds[name].append(seconds)
    return {name: statistics.median(values) for name, values in spent_rounds.items()}


def time_bare(texts: list[str], rounds: int) -> float:
    bare = spacy.load(default_base_model())
    list(bare.pipe(texts[:10]))
    seconds = []
    for _ in range(rounds):
        start = time.process_time()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        seconds.append(time.process_time() - start)
    return statistics.median(seconds)


def profile(full, blobs: list[bytes], component: str) -> None:
    before = [proc for name, proc in full.pipeline if name in OURS and OURS.index(name) < OURS.index(component)]
    proc = full.get_pipe(component)
    profiler = cProfile.Profile()
    for blob in blobs:  # one Doc at a time, so the per-Doc caches hold as in a run
        doc = Doc(full.vocab).from_bytes(blob)
        for other in before:
            other(doc)
        profiler.enable()
        proc(doc)
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="?", type=Path, default=DEFAULT_TEXTS, help="JSONL of texts (default $GOLD/attribution_dev.jsonl)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--profile", choices=OURS, help="print the cProfile of this component over one round")
    parser.add_argument("--half", choices=["dev", "held"], action="append")
    args = parser.parse_args()
    full = conflictnlp.load()
    full("Warm up: 5 km from Kyiv, 3 killed on Monday, he said.")
    print(conflictnlp.__file__)
    for half, texts in halves(args.texts).items():
        if args.half and half not in args.half:
            continue
        blobs = base_docs(full, texts)
        for blob in blobs[:10]:  # warm the per-process caches
            doc = Doc(full.vocab).from_bytes(blob)
            for name, proc in full.pipeline:
                if name in OURS:
                    proc(doc)
        gc.collect()
        gc.freeze()
        if args.profile:
            profile(full, blobs, args.profile)
            continue
        times = time_ours(full, blobs, args.rounds)
        line = " ".join(f"{name}={seconds:.3f}" for name, seconds in times.items())
        print(f"{half} {line} ours={sum(times.values()):.3f}")
        if args.bare:
            bare = time_bare(texts, args.rounds)
            shares = " ".join(f"{name}={100 * seconds / bare:.1f}%" for name, seconds in times.items())
            print(f"{half} bare={bare:.3f} {shares} ours={100 * sum(times.values()) / bare:.1f}%")


if __name__ == "__main__":
    main()
