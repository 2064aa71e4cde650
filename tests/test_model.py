"""The result model: contract field names, JSON round trip, and the shipped schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

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
    Stories,
    TextSpan,
)
from conflictnlp.schema import SCHEMA_FILES, render, shipped_schema, validator

TEXT = "Kremlin spokesman Dmitry Peskov said the depot in Belgorod, some 22 miles from the border, burned on Friday."


def sample_article() -> Article:
    return Article(
        id="a1",
        source="AP",
        title="Depot burns",
        published="2022-04-01",
        body=(0, len(TEXT)),
        quotes=[
            Quote(
                id="q1",
                type="indirect",
                content=MultiSpan(TEXT[37:108], [(37, 108)]),
                cue=TextSpan("said", (32, 36)),
                speaker=TextSpan("Dmitry Peskov", (18, 31)),
                speaker_name="Dmitry Peskov",
                speaker_role="Kremlin spokesman",
                confidence=0.9,
            )
        ],
        claims=[Claim(id="c1", text=TEXT[37:108], span=(37, 108), source="Dmitry Peskov", quote_id="q1", locations=["l1"], distances=["m1"], dates=["d1"])],
        locations=[Location(id="l1", text="Belgorod", span=(50, 58), name="Belgorod", country_code="RU", lat=50.61, lon=36.58, geonameid=578072, feature="city")],
        distances=[
            Distance(
                id="m1", text="some 22 miles", span=(60, 73), value=22, unit="mile", metres=35405.568, approximate=True,
                also=[MeasureRestatement(value=35.4, unit="kilometre", span=(60, 73))],
                reference=TextSpan("the border", (79, 89)),
            )
        ],
        quantities=[Quantity(id="n1", text="22 miles", span=(65, 73), value=22, unit="mile", kind="length")],
        dates=[DateMention(id="d1", text="on Friday", span=(98, 107), value="2022-04-01", granularity="day")],
        text=TEXT,
    )


def test_record_keys_follow_the_contract():
    record = sample_article().to_dict()
    assert list(record) == ["id", "source", "url", "title", "published", "body", "quotes", "claims", "locations",
                            "distances", "quantities", "dates", "events", "errors", "text"]
    quote = record["quotes"][0]
    # the contract's fields in its order, then the additive ones
    assert list(quote) == ["id", "type", "content", "cue", "speaker", "speaker_name", "speaker_role", "confidence",
                           "nested_in", "via"]
    assert quote["content"] == {"text": TEXT[37:108], "spans": [[37, 108]]}
    assert record["distances"][0]["also"] == [{"value": 35.4, "unit": "kilometre", "span": [60, 73]}]
    assert list(record["claims"][0]) == ["id", "text", "span", "source", "quote_id", "stance", "hedges",
                                         "locations", "dates", "quantities", "distances", "event", "via"]


def test_json_round_trip_is_lossless():
    article = sample_article()
    line = json.dumps(article.to_dict())
    again = Article.from_dict(json.loads(line))
    assert again == article
    assert isinstance(again.quotes[0].content, MultiSpan)
    assert again.quotes[0].content.spans == [(37, 108)]


def test_from_dict_rejects_a_bad_stance():
    record = sample_article().to_dict()
    record["claims"][0]["stance"] = "maybe"
    with pytest.raises(Exception, match="stance"):
        Article.from_dict(record)


def test_records_validate_against_the_shipped_schema():
    validator().validate(sample_article().to_dict())
    bad = sample_article().to_dict()
    del bad["quotes"][0]["speaker_name"]
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(bad)


def test_shipped_schemas_are_generated_from_the_model():
    for name, cls in SCHEMA_FILES.items():
        assert shipped_schema(name) == json.loads(render(cls)), f"{name} is stale: run python -m conflictnlp.schema"
    validator("stories.schema.json").validate(Stories().to_dict())
