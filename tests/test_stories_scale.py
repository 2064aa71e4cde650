"""compare on many records: blocked candidate pairs give the stories exhaustive comparison
gives, the work stays sub-quadratic, average linkage over sparse links does not chain, and the
streaming reader takes JSONL and the Parquet output alike."""

from __future__ import annotations

import json

import pytest

import conflictnlp
from conflictnlp.batch import merge
from conflictnlp.bench import RecordGenerator
from conflictnlp.stories import StoryComparer, grouping
from conflictnlp.stories.grouping import average_linkage
from conflictnlp.stories.run import compare_file
from tests.conftest import assert_offsets
from tests.test_stories import herald, unrelated, wire


def generated(count: int, days: int, seed: int = 3) -> list[dict]:
    return list(RecordGenerator(seed=seed, days=days).records(count))


def test_generated_records_are_consistent():
    for record in generated(40, 5):
        conflictnlp.model.Article.from_dict(record)
        assert_offsets(record)


def test_blocked_comparison_equals_exhaustive_comparison():
    records = generated(300, 6) + [a.to_dict() for a in (herald(), wire(), unrelated())]
    blocked = StoryComparer("lexical")
    exhaustive = StoryComparer("lexical", exhaustive=True)
    assert blocked(records) == exhaustive(records)
    assert blocked.candidate_pairs < exhaustive.candidate_pairs / 5


def test_blocked_stories_are_the_generated_incidents():
    records = generated(400, 10)
    stories = StoryComparer("lexical")(records).stories
    incidents: dict[str, set[str]] = {}
    for record in records:
        incidents.setdefault(record["id"].split("-")[0], set()).add(record["id"])
    found = [set(s.articles) for s in stories]
    assert sum(f in incidents.values() for f in found) >= 0.97 * len(incidents)


def test_candidate_pairs_grow_linearly_not_quadratically():
    counts = {}
    for n in (500, 2000):
        records = generated(n, 4, seed=n)
        comparer = StoryComparer("lexical")
        comparer.group(records)
        counts[n] = comparer.candidate_pairs
    assert counts[2000] <= grouping.MAX_CANDIDATES * 2000
    assert counts[2000] / counts[500] < 10  # quadratic would be 16


def test_average_linkage_does_not_chain_through_a_roundup():
    # 0-1 one incident, 3-4 another; 2 is a roundup linked weakly to both
    scores = {(0, 1): 0.9, (3, 4): 0.9, (1, 2): 0.35, (2, 3): 0.35}
    assert average_linkage(5, scores) == [[0, 1], [2], [3, 4]]
    assert average_linkage(3, {(0, 1): 0.5, (1, 2): 0.5, (0, 2): 0.1}) == [[0, 1, 2]]
    assert average_linkage(3, {(0, 1): 0.5, (1, 2): 0.5}) == [[0, 1], [2]]


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "out.jsonl"
    records = generated(60, 5) + [a.to_dict() for a in (herald(), wire(), unrelated())]
    # through the model, so every record carries every field of this version, as extract writes it
    records = [conflictnlp.model.Article.from_dict(r).to_dict() for r in records]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_compare_reads_jsonl_and_parquet_alike_and_writes_the_page(tmp_path, jsonl):
    parquet = tmp_path / "out.parquet"
    merge([jsonl], parquet)
    outputs = []
    for source in (jsonl, parquet):
        output = tmp_path / f"{source.suffix[1:]}.json"
        page = tmp_path / f"{source.suffix[1:]}.html"
        summary = compare_file(source, output, html=page, comparer=StoryComparer("lexical"))
        assert summary.articles == 63
        outputs.append(json.loads(output.read_text("utf-8")))
        html = page.read_text("utf-8")
        assert html.count('<section class="story"') == summary.several
        assert f"{summary.stories - summary.several} single-article stor" in html
    assert outputs[0] == outputs[1]
    direct = StoryComparer("lexical")(json.loads(line) for line in jsonl.read_text("utf-8").splitlines())
    assert outputs[0] == direct.to_dict()


def test_two_incidents_are_told_apart_by_their_towns_and_days():
    from conflictnlp.stories.grouping import Signature, conflicts

    def sig(place, days, places=()):
        return Signature(index=0, day=None, places=frozenset([place, *places]), lead_place=place, lead_days=frozenset(days))

    shebekino, valuyki = sig("shebekino", [739074], ["belgorod"]), sig("valuyki", [739076], ["belgorod"])
    assert conflicts(shebekino, valuyki) == 2
    assert conflicts(shebekino, sig("shebekino", [739075])) == 0  # Sunday night against Monday: one event
    assert conflicts(shebekino, sig("belgorod", [739074], ["shebekino"])) == 0  # the other names the town too
