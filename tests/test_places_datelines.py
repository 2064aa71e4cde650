"""A dateline's town is a place however small: local news files from villages (LGL marks them)."""

from __future__ import annotations

import conflictnlp
from tests.conftest import assert_offsets


def test_a_small_town_dateline_is_a_place(nlp):
    # Bantam, Connecticut: 735 people in the bundled GeoNames data
    record = conflictnlp.extract("BANTAM — Firefighters battled a blaze at a barn on Tuesday.", nlp=nlp).to_dict()
    assert_offsets(record)
    assert [(loc["text"], loc["country_code"]) for loc in record["locations"]] == [("BANTAM", "US")]


def test_an_upper_case_word_before_a_dash_is_no_place_unless_a_town():
    record = conflictnlp.extract("UPDATE — Firefighters battled a blaze at a barn on Tuesday.").to_dict()
    assert record["locations"] == []
