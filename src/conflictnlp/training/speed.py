"""Throughput of attribution settings on real text:
``python -m conflictnlp.training.speed TEXTS.jsonl [--attribution trained] [--rounds 3]
[--threads N] [--read all|filtered|after_rules]``.

Times, one after the other in each round, the bare base pipeline (``nlp.pipe`` of
en_core_web_sm alone), ``conflictnlp.load()`` with the rules, and ``conflictnlp.load()`` with
each ``--attribution`` setting, all in this process over the ``text`` of every JSONL record.
Prints words/second (whitespace-separated words of the input) as medians over the rounds, and
each pipeline's ratio to the bare base, by wall clock and by this process's CPU time.
Alternating the runners keeps them comparable on a machine that other work shares; where
other processes take most of the cores the CPU-time ratio is the steadier of the two.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, cast

if TYPE_CHECKING:
    from ..quotes.tagger import AttributionTagger


def main(argv: Optional[Sequence[str]] = None) -> None:
    import spacy

    import conflictnlp
    from conflictnlp.pipeline import default_base_model

    parser = argparse.ArgumentParser(prog="python -m conflictnlp.training.speed")
    parser.add_argument("texts", type=Path, help="JSONL records with a 'text'")
    parser.add_argument("--attribution", action="append", default=None, help="an attribution setting to time (repeatable; default: trained)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="only the first N records")
    parser.add_argument("--threads", type=int, action="append", default=None,
                        help="onnxruntime threads of the trained tagger (repeatable: each is timed; default: as packaged)")
    parser.add_argument("--read", action="append", default=None, choices=("all", "filtered", "after_rules"),
                        help="what the trained tagger reads (repeatable: each is timed; default: as packaged)")
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in args.texts.read_text(encoding="utf8").splitlines() if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(text.split()) for text in texts)
    runners = {"bare " + default_base_model(): spacy.load(default_base_model()), "rules": conflictnlp.load(attribution="rules")}
    for setting in args.attribution or ["trained"]:
        for threads in args.threads or [None]:
            for read in args.read or [None]:
                nlp = conflictnlp.load(attribution=setting)
                # spaCy types get_pipe as returning any pipe callable; this one is an AttributionTagger
                tagger = cast("AttributionTagger", nlp.get_pipe("attribution_tagger")) if "attribution_tagger" in nlp.pipe_names else None
                if tagger is not None and threads is not None:
                    tagger.threads = threads  # read when the session starts
                if tagger is not None and read is not None:
                    tagger.read = read
                details = [f"{threads} threads" if threads is not None else "", f"reads {read}" if read else ""]
                runners[", ".join([setting, *filter(None, details)])] = nlp
    for nlp in runners.values():  # warm up: lazy loads and first-call costs
        list(nlp.pipe(texts[:2]))
    times: dict[str, list[float]] = {name: [] for name in runners}
    cpu: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(args.rounds):
        for name, nlp in runners.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(texts):
                pass
            times[name].append(time.perf_counter() - started)
            cpu[name].append(time.process_time() - started_cpu)
    bare, bare_cpu = statistics.median(times[next(iter(runners))]), statistics.median(cpu[next(iter(runners))])
    print(f"{len(texts)} texts, {words} words, medians of {args.rounds} alternating rounds")
    print(f"{'':40s} {'wall clock':>24s}  {'CPU time of this process':>28s}")
    for name in runners:
        median, median_cpu = statistics.median(times[name]), statistics.median(cpu[name])
        print(
            f"{name:40s} {words / median:8.0f} words/s {bare / median:5.2f}x bare"
            f"  {words / median_cpu:8.0f} words/s {bare_cpu / median_cpu:5.2f}x bare"
        )

if __name__ == "__main__":
    main()
