"""Extraction then comparison, end to end: three outlets' invented reports of one depot strike
and an unrelated report from the same day."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.schema import validator
from tests.conftest import assert_offsets

POST = """Drones hit a fuel depot in the Russian town of Klintsy early on Wednesday, setting several storage tanks on fire, regional governor Pavel Oreshkin said.
Oreshkin said three workers were injured and were taken to hospital. The depot lies some 30 miles from the Ukrainian border.
"The situation is under control and there is no threat to residents," Oreshkin said in a post on Telegram.
Ukraine's military did not comment on the strike.
"""
WIRE = """A fire broke out at an oil depot in Klintsy on Wednesday after what Russian officials described as a drone attack.
The facility, about 60 kilometers (37 miles) from the border with Ukraine, stores diesel for the railway.
Governor Pavel Oreshkin said on Wednesday that three workers were wounded, but the depot's owner, Bryanskneft, denied that anyone had been hurt.
"Everything is under control, and the residents are not in any danger," Oreshkin wrote on Telegram.
"""
LEDGER = """Russian authorities said drones struck a fuel depot in Klintsy, in the Bryansk region, on Wednesday.
"The situation is under control, there is no threat to the population," Governor Pavel Oreshkin said.
Ukrainian officials could neither confirm nor deny that their forces were involved.
"""
DROUGHT = """Farmers in southern Spain are bracing for a third year of drought after reservoirs fell to a quarter of their capacity, officials said on Wednesday.
"We have never seen the fields this dry in May," said Antonio Ruiz, who grows olives near Jaen.
The regional government said it would release emergency funds for irrigation.
"""


@pytest.fixture(scope="module")
def records(nlp):
    inputs = [
        {"id": "post", "source": "Eastbridge Post", "text": POST},
        {"id": "wire", "source": "Continental Wire", "text": WIRE},
        {"id": "drought", "source": "Iberia Daily", "text": DROUGHT},
        {"id": "ledger", "source": "Kyiv Ledger", "text": LEDGER},
    ]
    for record in inputs:
        record["published"] = "2023-05-10"
    return list(conflictnlp.extract_many(inputs, nlp=nlp))


@pytest.fixture(scope="module")
def stories(records):
    return conflictnlp.compare(records, similarity="lexical")


def test_records_are_consistent(records):
    for record in records:
        assert record.errors == []
        assert_offsets(record.to_dict())


def test_a_reader_of_one_record_learns_who_claims_and_who_denies_where_and_when(records):
    wire = next(r for r in records if r.id == "wire")
    claims = {c.text: c for c in wire.claims}
    injured = claims["three workers were wounded"]
    assert injured.stance == "asserted" and "Oreshkin" in injured.source
    denial = next(c for c in wire.claims if c.stance == "denied")
    assert denial.text == "anyone had been hurt" and "Bryanskneft" in denial.source
    places = {loc.id: loc.text for loc in wire.locations}
    assert "Klintsy" in [places[ref] for ref in injured.locations + denial.locations]
    dates = {d.id: d.value for d in wire.dates}
    assert "2023-05-10" in [dates[ref] for ref in injured.dates + denial.dates]


def test_the_three_reports_are_one_story_and_the_drought_another(stories):
    validator("stories.schema.json").validate(stories.to_dict())
    assert sorted(sorted(s.articles) for s in stories.stories) == [["drought"], ["ledger", "post", "wire"]]


def test_the_governor_quotes_are_aligned_across_outlets(stories, records):
    story = next(s for s in stories.stories if "post" in s.articles)
    quotes = {(r.id, q.id): q.content.text for r in records for q in r.quotes}

    def aligned(words: str) -> list[set[str]]:
        return [
            {m.article for m in q.members}
            for q in story.quotes
            if "Oreshkin" in (q.speaker_name or "") and any(words in quotes[(m.article, m.quote)] for m in q.members)
        ]

    # the direct quote, worded three ways, and the reported injuries, worded two ways
    assert aligned("under control") == [{"post", "wire", "ledger"}]
    assert aligned("three workers") == [{"post", "wire"}]


def test_distance_and_injuries_disagree_across_outlets(stories):
    story = next(s for s in stories.stories if "post" in s.articles)
    distance = next(d for d in story.disagreements if d.kind == "distance")
    metres = {v.article: v.metres for v in distance.values}
    assert metres["post"] == pytest.approx(48280, rel=0.01) and metres["wire"] == pytest.approx(60000)
    assert all(v.approximate for v in distance.values)
    stance = next(d for d in story.disagreements if d.kind == "stance" and any(v.stance == "denied" for v in d.values))
    sides = {(v.article, v.stance) for v in stance.values}
    assert ("wire", "denied") in sides and ("post", "asserted") in sides
