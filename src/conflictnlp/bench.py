"""Batch benchmark: ``python -m conflictnlp.bench [--articles N] [--quick]``.

On one generated corpus of news-like articles (templates filled from a seeded random
generator, so nothing copyrighted is shipped and every run sees the same texts) it prints:

1. words/second of the full conflictnlp pipeline vs the bare base pipeline (``nlp.pipe`` of
   en_core_web_sm alone), in this process, and their ratio (target >= 0.8); the medians of
   ``--rounds`` rounds that time the two one after the other;
2. ``run_extract`` (reading JSONL, worker processes, parts, assembling the output) with
   ``n_process=2`` vs 1 on an already loaded pipeline, so the one-off load does not hide
   the scaling (target >= 1.7x);
3. peak RSS of ``extract`` over 1k vs 10k short (one-paragraph) articles, each run in a fresh
   subprocess (target growth < 15%); ``--quick`` uses 100 vs 1k;
4. the Dask engine (a LocalCluster of 2 single-threaded workers) vs the local engine with 2
   processes, both end to end including loading the pipeline;
5. the pipeline/bare ratio of (1) on real news: the texts of a JSONL file given by path
   (``--real-news GOLD/attribution_dev.jsonl``, the PolNeAR dev articles), in two
   halves, the second held aside, by wall time and by this process's CPU time (target >= 0.85);
6. ``compare`` over generated extract records (``RecordGenerator``: incidents over 30 days,
   each reported by one to four outlets; no NLP run), 1k / 10k / 100k records (``--quick``:
   500 / 4000), each in a fresh process: seconds, peak RSS, and the growth from the smallest to
   the largest run (4000 against 500: time x12 at most, memory x2.5 at most).

The extract runs use parts of ``PART_SIZE`` articles so that small corpora still spread
over the workers.

Words are whitespace-separated tokens of the input texts, the same count for every runner.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator, Optional

PLACES = [
    ("Kharkiv", "Ukraine"), ("Belgorod", "Russia"), ("Mariupol", "Ukraine"), ("Kherson", "Ukraine"), ("Donetsk", "Ukraine"),
    ("Zaporizhzhia", "Ukraine"), ("Kursk", "Russia"), ("Odesa", "Ukraine"), ("Aleppo", "Syria"), ("Idlib", "Syria"),
    ("Gaza City", "the Gaza Strip"), ("Khan Younis", "the Gaza Strip"), ("Goma", "Congo"), ("Mekelle", "Ethiopia"),
    ("Khartoum", "Sudan"), ("El Fasher", "Sudan"), ("Marib", "Yemen"), ("Hodeidah", "Yemen"), ("Mosul", "Iraq"), ("Sumy", "Ukraine"),
]
ROLES = ["regional governor", "defence ministry spokesman", "military spokeswoman", "local mayor", "police chief",
         "foreign minister", "army commander", "United Nations envoy", "aid coordinator", "presidential adviser"]
FIRST = ["Oleh", "Vyacheslav", "Maria", "Ahmed", "Fatima", "John", "Iryna", "Dmitry", "Amina", "Yusuf", "Elena", "Samuel"]
SYLLABLES = ["ko", "va", "len", "shi", "ra", "dov", "mir", "ta", "nen", "bek", "sal", "pet", "ro", "hu", "lin"]
OUTLETS = ["Agency Wire", "Daily Ledger", "Frontline News", "Global Dispatch", "Evening Courier"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
UNITS = ["kilometres", "miles", "km"]
THINGS = ["fuel depot", "railway bridge", "power station", "ammunition store", "hospital", "school", "market", "checkpoint", "airfield", "grain terminal"]
WEAPONS = ["drones", "missiles", "artillery shells", "rockets", "helicopters", "mortar rounds"]


# parts small enough that even the --quick corpus gives every worker several (a Dask task is one part)
PART_SIZE = 10


class ArticleGenerator:
    """Seeded generator of varied conflict-news articles: dateline, attributed quotes,
    reported speech, counts, distances and dates, with fresh surnames and figures so the
    vocabulary keeps meeting new strings as a real corpus does."""

    def __init__(self, seed: int = 13):
        self.rng = random.Random(seed)

    def _name(self) -> str:
        surname = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4))).capitalize()
        return f"{self.rng.choice(FIRST)} {surname}"

    def _sentences(self, place: str, country: str, day: str) -> Iterator[str]:
        rng = self.rng
        while True:
            n = rng.randint(2, 480)
            dist = rng.randint(3, 140)
            unit = rng.choice(UNITS)
            name, role = self._name(), rng.choice(ROLES)
            thing, weapon = rng.choice(THINGS), rng.choice(WEAPONS)
            other, _ = rng.choice(PLACES)
            yield rng.choice([
                f"At least {n} people were killed when {weapon} struck a {thing} in {place} on {day}, officials said.",
                f"\"We heard several explosions and then the {thing} was on fire,\" said {name}, who lives nearby.",
                f"{name}, the {role}, said {n} civilians had been evacuated from villages around {other}.",
                f"The {thing} lies about {dist} {unit} from the border with {country}, according to satellite images.",
                f"\"The situation remains very difficult,\" the {role} told reporters, adding that {n} homes were damaged.",
                f"Local authorities reported that {n} {weapon} were launched overnight, and {rng.randint(1, n)} were shot down.",
                f"The claim could not be independently verified, and {country}'s defence ministry denied any involvement.",
                f"According to {name}, the attack allegedly began shortly after midnight and lasted for {rng.randint(2, 9)} hours.",
                f"Residents said the nearest shelter is {dist} {unit} away, a walk of almost an hour with children.",
                f"Aid groups estimate that {n},{rng.randint(100, 999)} people have fled {place} since {rng.choice(MONTHS)}.",
                f"{name} said the convoy was stopped some {dist} {unit} ({round(dist * 1.6)} km) outside {other} last week.",
                f"Officials in {other} said power was restored to {rng.randint(10, 95)} percent of households by {day} evening.",
            ])

    def article(self, index: int, paragraphs: int | None = None) -> dict:
        """Article ``index``: a title, a dateline and ``paragraphs`` paragraphs (default 4-8)."""
        rng = self.rng
        place, country = rng.choice(PLACES)
        day = rng.choice(WEEKDAYS)
        month = rng.randint(1, 12)
        published = f"2023-{month:02d}-{rng.randint(1, 28):02d}"
        sentences = self._sentences(place, country, day)
        body = [" ".join(next(sentences) for _ in range(rng.randint(2, 4))) for _ in range(paragraphs or rng.randint(4, 8))]
        dateline = f"{place.upper()}, {country} ({rng.choice(OUTLETS)}) — "
        title = f"Strike on {rng.choice(THINGS)} near {place} kills {rng.randint(2, 60)}"
        text = f"{title}\n\n{dateline}{body[0]}\n\n" + "\n\n".join(body[1:])
        return {"id": f"bench-{index}", "title": title, "source": rng.choice(OUTLETS), "published": published, "text": text}


def write_corpus(path: Path, count: int, seed: int = 13, paragraphs: int | None = None) -> int:
    """Write ``count`` generated articles as JSONL; the number of words written."""
    generator = ArticleGenerator(seed)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            record = generator.article(index, paragraphs)
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def _timed(run: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    start = clock()
    run()
    return clock() - start


def pipeline_throughput(
    corpus: Path, batch_size: int, rounds: int = 3, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, float]:
    """Seconds for bare ``nlp.pipe`` of the base pipeline and for the full conflictnlp pipeline:
    the medians of ``rounds`` rounds, each timing one after the other, so that a slow spell of
    a shared machine does not land on one side only."""
    import spacy

    from .batch.local import WARM_UP_TEXT
    from .pipeline import default_base_model, load, process
    from .reading.sources import ArticleInput, iter_inputs

    def articles() -> Iterator[ArticleInput]:
        for item in iter_inputs([corpus]):
            if not isinstance(item, ArticleInput):  # a SkippedInput: the corpus is unreadable
                raise ValueError(f"{item.origin}: {item.reason}")
            yield item

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    bare = spacy.load(default_base_model())
    full = load()
    # components that load data lazily do it here, not in the timing: the first texts, and
    # the batch engine's warm-up text, which touches every kind of extraction (a distance
    # loads pint's unit registry, about 1 s, which 20 texts of political news may not need)
    for nlp in (bare, full):
        for _ in nlp.pipe([*texts[:20], WARM_UP_TEXT]):
            pass

    def run_bare() -> None:
        with bare.memory_zone():
            for _ in bare.pipe(texts, batch_size=batch_size):
                pass

    def run_full() -> None:
        with full.memory_zone():
            for _ in process(articles(), full, batch_size=batch_size):
                pass

    timings = [(_timed(run_bare, clock), _timed(run_full, clock)) for _ in range(rounds)]
    return statistics.median(b for b, _ in timings), statistics.median(f for _, f in timings)


def extract_seconds(corpus: Path, workdir: Path, name: str, **options) -> float:
    """Wall time of ``run_extract`` over the corpus, loading the pipeline included."""
    from .batch import run_extract

    output = workdir / f"{name}.jsonl"
    seconds = _timed(lambda: run_extract([corpus], output, on_skip=lambda *_: None, part_size=PART_SIZE, **options))
    output.unlink()
    return seconds


def peak_rss_mb(corpus: Path, workdir: Path) -> float:
    """Peak RSS (MB) of an extract run in a fresh subprocess: the parent plus its worker (pages
    they share after the fork are counted twice, the same in every run)."""
    code = (
        "import resource, sys; from pathlib import Path; from conflictnlp.batch import run_extract; "
        "run_extract([Path(sys.argv[1])], Path(sys.argv[2]), on_skip=lambda *_: None); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = workdir / "rss.jsonl"
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(output)], capture_output=True, text=True, check=True)
    output.unlink()
    return int(done.stdout.strip().splitlines()[-1]) / 1024



# --- compare: synthetic extract records ---------------------------------------------------------

NOISE_SYLLABLES = ["ka", "lo", "mi", "ru", "sen", "ta", "vo", "zel", "pra", "din", "gor", "ul", "bes", "fa", "nik", "tor"]
QUOTE_OPENINGS = ["We will rebuild", "Nobody was warned", "This was a deliberate attack on", "We are still counting the damage at",
                  "The people of this town deserve answers about", "Our teams worked through the night at"]


class RecordGenerator:
    """Seeded generator of ``extract`` output records (text with consistent offsets, quotes,
    claims, places, distances, counts and dates) for incidents reported by one to four outlets
    over ``days`` days: the input of the compare benchmark, without running the pipeline."""

    def __init__(self, seed: int = 7, days: int = 30):
        self.rng = random.Random(seed)
        self.days = days
        self.words = ["".join(self.rng.choice(NOISE_SYLLABLES) for _ in range(self.rng.randint(2, 4))) for _ in range(6000)]
        self.towns = [w.capitalize() + self.rng.choice(["ivka", "sk", "ovo", "abad", "ville", "burg", "ka"]) for w in self.words[:3000]]

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST)} {''.join(self.rng.choice(SYLLABLES) for _ in range(3)).capitalize()}"

    def incident(self) -> dict:
        rng = self.rng
        _, country = rng.choice(PLACES)
        self.made = getattr(self, "made", 0) + 1
        return {
            "number": self.made,
            "town": rng.choice(self.towns), "country": country, "thing": rng.choice(THINGS), "weapon": rng.choice(WEAPONS),
            "killed": rng.randint(2, 40), "wounded": rng.randint(2, 60), "km": rng.randint(5, 120),
            "day": rng.randrange(self.days), "official": self._name(), "role": rng.choice(ROLES),
            "quote": f"{rng.choice(QUOTE_OPENINGS)} the {rng.choice(THINGS)} in {rng.choice(self.towns)}",
            "topic": rng.sample(self.words, 12),
        }

    def records(self, count: int) -> Iterator[dict]:
        """``count`` records, incidents in turn, each reported by 1-4 outlets."""
        made = 0
        while made < count:
            incident = self.incident()
            for outlet in self.rng.sample(OUTLETS, min(self.rng.randint(1, 4), count - made)):
                yield self.record(made, incident, outlet)
                made += 1

    def record(self, index: int, incident: dict, outlet: str) -> dict:
        rng = self.rng
        start = date(2024, 3, 1)
        event = start + timedelta(days=incident["day"])
        published = event + timedelta(days=rng.choice([0, 0, 0, 1]))
        killed = incident["killed"] + (rng.choice([0, 0, 0, 1, -1]))
        wounded = incident["wounded"] + (rng.choice([0, 0, 0, 2]))
        km = incident["km"] * rng.choice([1, 1, 1, 1.3])
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}

        def put(piece: str, key: Optional[str] = None) -> None:
            offset = sum(len(p) for p in parts)
            if key:
                spans[key] = (offset, offset + len(piece))
            parts.append(piece)

        weekday = WEEKDAYS[event.weekday()]
        title = f"{incident['weapon'].capitalize()} hit {incident['thing']} in {incident['town']}"
        put(title + "\n\n")
        claim_start = sum(len(p) for p in parts)
        put(f"{incident['weapon'].capitalize()} struck a {incident['thing']} in ")
        put(incident["town"], "town")
        put(" on ")
        put(weekday, "day")
        put(", killing ")
        put(f"{killed} people", "killed")
        put(" and wounding ")
        put(f"{wounded} others", "wounded")
        claim_end = sum(len(p) for p in parts)
        put(f", {incident['role']} ")
        put(incident["official"], "speaker")
        put(" said. ")
        put(f"The {incident['thing']}", "subject")
        put(" lies ")
        put(f"about {km:.0f} kilometres", "distance")
        put(" from ")
        put(f"the border with {incident['country']}", "reference")
        put(".\n\n\"")
        put(incident["quote"], "quote")
        put("\", ")
        put(incident["official"].split()[-1], "speaker2")
        put(" told reporters.\n\n")
        for _ in range(rng.randint(3, 6)):
            words = rng.sample(incident["topic"], 4) + rng.sample(self.words, 10)
            rng.shuffle(words)
            put(" ".join(words).capitalize() + ".\n\n")
        text = "".join(parts).rstrip()
        quote = {"id": "q1", "type": "direct", "content": {"text": incident["quote"], "spans": [list(spans["quote"])]},
                 "cue": None, "speaker": {"text": text[slice(*spans["speaker2"])], "span": list(spans["speaker2"])},
                 "speaker_name": incident["official"], "speaker_role": incident["role"], "confidence": 0.9}
        return {
            "id": f"i{incident['number']}-r{index}", "source": outlet, "url": None, "title": title, "published": published.isoformat(),
            "body": [0, len(text)], "text": text,
            "quotes": [quote],
            "claims": [{"id": "c1", "text": text[claim_start:claim_end], "span": [claim_start, claim_end], "source": incident["official"],
                        "quote_id": None, "stance": "asserted", "hedges": [], "locations": ["l1"], "dates": ["d1"],
                        "quantities": ["n1", "n2"], "distances": []}],
            "locations": [{"id": "l1", "text": incident["town"], "span": list(spans["town"]), "name": incident["town"],
                           "country_code": None, "admin1": None, "lat": None, "lon": None, "geonameid": None, "feature": "city"}],
            "distances": [{"id": "m1", "text": text[slice(*spans["distance"])], "span": list(spans["distance"]), "value": round(km),
                           "unit": "kilometre", "metres": round(km) * 1000.0, "approximate": True, "also": [],
                           "reference": {"text": text[slice(*spans["reference"])], "span": list(spans["reference"])},
                           "subject": {"text": text[slice(*spans["subject"])], "span": list(spans["subject"])}}],
            "quantities": [
                {"id": "n1", "text": f"{killed} people", "span": list(spans["killed"]), "value": killed, "value_max": None,
                 "unit": None, "kind": "count", "concept": "people", "approximate": False,
                 "casualty": {"role": "killed", "who": "people", "low": killed, "high": killed}},
                {"id": "n2", "text": f"{wounded} others", "span": list(spans["wounded"]), "value": wounded, "value_max": None,
                 "unit": None, "kind": "count", "concept": "others", "approximate": False,
                 "casualty": {"role": "wounded", "who": "others", "low": wounded, "high": wounded}},
            ],
            "dates": [{"id": "d1", "text": weekday, "span": list(spans["day"]), "type": "DATE", "value": event.isoformat(), "granularity": "day"}],
            "errors": [],
        }


def write_records(path: Path, count: int, seed: int = 7, days: int = 30) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in RecordGenerator(seed, days).records(count):
            handle.write(json.dumps(record) + "\n")


def compare_run(records: Path, workdir: Path) -> tuple[float, float, int, int]:
    """``(seconds, peak RSS MB, stories, stories of several articles)`` of ``compare`` (lexical
    similarity) over ``records``, in a fresh process."""
    # VmHWM, not ru_maxrss: a child keeps the ru_maxrss of the process it was forked from
    code = (
        "import re, sys, time; from pathlib import Path; from conflictnlp.stories import StoryComparer; "
        "from conflictnlp.stories.run import compare_file; t = time.perf_counter(); "
        "s = compare_file(sys.argv[1], Path(sys.argv[2]), comparer=StoryComparer('lexical')); "
        "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1); "
        "print(time.perf_counter() - t, peak, s.stories, s.several)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(records), str(workdir / "stories.json")], capture_output=True, text=True, check=True)
    seconds, rss, stories, several = done.stdout.split()[-4:]
    return float(seconds), int(rss) / 1024, int(stories), int(several)


PARTS = ["pipeline", "scaling", "rss", "dask", "realnews", "compare"]


def real_news(path: Optional[Path], workdir: Path, batch_size: int, rounds: int) -> None:
    """Part 5: the pipeline/bare ratio on real news texts, in two halves (the second held aside)."""
    if path is None or not path.exists():
        print(f"real news: no texts ({path or 'give --real-news PATH'}); part skipped")
        return
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    halves = {"dev": texts[: len(texts) // 2], "held aside": texts[len(texts) // 2 :]}
    for name, part in halves.items():
        corpus = workdir / f"real-{name.replace(' ', '-')}.jsonl"
        corpus.write_text("".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(part)), encoding="utf-8")
        words = sum(len(t.split()) for t in part)
        # CPU seconds of this process as well as wall time: on a machine shared with other
        # jobs, wall-time ratios swing with their load, CPU-time ratios hardly
        for clock_name, clock in (("wall", time.perf_counter), ("CPU", time.process_time)):
            bare, full = pipeline_throughput(corpus, batch_size, rounds, clock)
            print(f"real news ({path.name}, {name}: {len(part)} texts, {words:,} words), {clock_name} time: "
                  f"bare {words / bare:6.0f} words/s, full {words / full:6.0f} words/s, ratio {bare / full:5.2f}   (target >= 0.85)")


def compare_scaling(sizes: list[int], workdir: Path) -> None:
    """Part 6: ``compare`` over generated records of each size, each in a fresh process."""
    runs = []
    for size in sizes:
        records = workdir / f"records-{size}.jsonl"
        write_records(records, size)
        seconds, rss, stories, several = compare_run(records, workdir)
        records.unlink()
        runs.append((size, seconds, rss))
        print(f"compare {size:>7} records:        {seconds:8.1f} s  peak RSS {rss:6.0f} MB  "
              f"({stories:,} stories, {several:,} of several articles)")
    if len(runs) >= 2:
        (small, t0, m0), (large, t1, m1) = runs[0], runs[-1]
        print(f"compare {large} vs {small}:          time x{t1 / t0:.1f} (linear x{large / small:.0f}), peak RSS x{m1 / m0:.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m conflictnlp.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the throughput corpus (default 2000)")
    parser.add_argument("--quick", action="store_true", help="smaller corpora: 100 articles, RSS at 100 vs 1k")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the bare/full timing; medians are printed (default 3)")
    parser.add_argument("--skip", nargs="*", default=[], choices=PARTS, help="parts to leave out")
    parser.add_argument("--only", nargs="*", default=None, choices=PARTS, help="run only these parts")
    parser.add_argument("--real-news", type=Path, default=None, help="JSONL of real news texts for part 5 (e.g. the PolNeAR dev articles, attribution_dev.jsonl)")
    parser.add_argument("--compare-sizes", type=int, nargs="*", default=None, help="record counts for part 6 (default 1000 10000 100000)")
    args = parser.parse_args(argv)
    if args.only is not None:
        args.skip = [part for part in PARTS if part not in args.only]
    count = 100 if args.quick else args.articles
    rss_counts = (100, 1000) if args.quick else (1000, 10000)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print("load average before: {:.1f} {:.1f} {:.1f} (other processes share these cores)".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="conflictnlp-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        if any(part not in args.skip for part in ("pipeline", "scaling", "dask")):  # the parts that read it
            words = write_corpus(corpus, count)
            print(f"corpus: {count} generated articles, {words:,} words ({words / count:.0f} per article)")

        if "pipeline" not in args.skip:
            bare, full = pipeline_throughput(corpus, args.batch_size, args.rounds)
            print(f"bare en_core_web_sm nlp.pipe:  {words / bare:8.0f} words/s")
            print(f"full conflictnlp pipeline:     {words / full:8.0f} words/s")
            print(f"ratio full/bare:               {bare / full:8.2f}   (target >= 0.8)")

        if "scaling" not in args.skip:
            from .pipeline import load

            started = time.perf_counter()
            nlp = load()
            print(f"loading the full pipeline:     {time.perf_counter() - started:8.1f} s")
            one = extract_seconds(corpus, workdir, "n1", nlp=nlp, n_process=1, batch_size=args.batch_size)
            two = extract_seconds(corpus, workdir, "n2", nlp=nlp, n_process=2, batch_size=args.batch_size)
            print(f"extract --n-process 1:         {words / one:8.0f} words/s  ({one:.1f} s)")
            print(f"extract --n-process 2:         {words / two:8.0f} words/s  ({two:.1f} s)")
            print(f"speed-up 2 vs 1:               {one / two:8.2f}x  (target >= 1.7x)")

        if "rss" not in args.skip:
            peaks = []
            for n in rss_counts:
                rss_corpus = workdir / f"rss-{n}.jsonl"
                rss_words = write_corpus(rss_corpus, n, seed=n, paragraphs=1)
                peaks.append(peak_rss_mb(rss_corpus, workdir))
                rss_corpus.unlink()
                print(f"peak RSS, {n:>6} articles:      {peaks[-1]:8.0f} MB  (parent + worker; {rss_words:,} words)")
            print(f"RSS growth {rss_counts[0]} -> {rss_counts[1]}:      {100 * (peaks[1] / peaks[0] - 1):8.1f} %  (target < 15%)")

        if "dask" not in args.skip:
            local = extract_seconds(corpus, workdir, "local", n_process=2, batch_size=args.batch_size)
            on_dask = extract_seconds(corpus, workdir, "dask", n_process=2, batch_size=args.batch_size, engine="dask")
            print(f"local engine, 2 processes:     {words / local:8.0f} words/s  ({local:.1f} s, loading included)")
            print(f"dask LocalCluster, 2 workers:  {words / on_dask:8.0f} words/s  ({on_dask:.1f} s)")
            print(f"dask/local:                    {local / on_dask:8.2f}   (target >= 0.9 at 1000 articles)")

        if "realnews" not in args.skip:
            real_news(args.real_news, workdir, args.batch_size, args.rounds)

        if "compare" not in args.skip:
            sizes = args.compare_sizes or ([500, 4000] if args.quick else [1000, 10000, 100000])
            compare_scaling(sizes, workdir)
    print("load average after: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
