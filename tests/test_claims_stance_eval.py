"""``conflictnlp evaluate stance`` on tiny gold files in each of its three formats."""

from __future__ import annotations

import json

import pytest

from conflictnlp.evaluation import stance
from conflictnlp.model import Claim, TextSpan


def test_three_label_gold_is_scored_through_the_claims(fixtures_dir, stance_nlp):
    report = stance.run(fixtures_dir / "factuality_tiny.jsonl", nlp=stance_nlp)
    split = report["splits"]["all"]
    assert report["labels"] == ["happened", "not_happened", "uncertain"]
    assert split["events"] == 6 and split["inside_claims"] == 6
    assert split["gold_distribution"] == {"uncertain": 3, "happened": 1, "not_happened": 2}
    # allegedly and may hedge, the denial and "did not reach" deny; t6 is happened, gold says otherwise
    assert split["predicted_distribution"] == {"uncertain": 2, "happened": 2, "not_happened": 2}
    scores = split["scores"]
    assert scores["accuracy"] == round(5 / 6, 4)
    assert scores["per_label"]["not_happened"]["recall"] == 1.0
    assert scores["macro_f1"] == round(sum(s["f1"] for s in scores["per_label"].values()) / 3, 4)
    table = stance.render(report)
    assert "macro_f1" in table and report["lexicon_version"] in table


def test_four_label_gold_scores_stance_and_source_by_split(tmp_path, stance_nlp):
    text = "The company denied that anyone was hurt, police said. Moscow plans to annex the region."
    events = [
        {"start_char": text.index("hurt"), "end_char": text.index("hurt") + 4, "text": "hurt", "stance": "denied", "source": "company"},
        {"start_char": text.index("denied"), "end_char": text.index("denied") + 6, "text": "denied", "stance": "asserted", "source": "police", "reporting": True},
        {"start_char": text.index("plans"), "end_char": text.index("plans") + 5, "text": "plans", "stance": "asserted", "source": None},
        {"start_char": text.index("annex"), "end_char": text.index("annex") + 5, "text": "annex", "stance": "unconfirmed", "source": None},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "split": "dev", "text": text, "events": events}) + "\n", encoding="utf-8")
    report = stance.run(gold, nlp=stance_nlp)
    assert report["labels"] == ["asserted", "hedged", "denied", "unconfirmed"]
    dev = report["splits"]["dev"]
    assert dev["events"] == 4 and dev["inside_claims"] == 3  # the reporting verb is in no claim
    assert dev["confusion"] == {"asserted->none": 1, "asserted->asserted": 1, "denied->denied": 1, "unconfirmed->unconfirmed": 1}
    assert dev["source_accuracy"] == 1.0
    assert dev["reported_source_accuracy"] == 1.0  # "hurt", the company's
    assert dev["right_stance_and_source"] == 1.0
    assert report["splits"]["all"]["events"] == 4


def test_an_event_is_matched_to_its_own_claim_before_the_claims_around_it():
    outer = Claim(id="c2", text="Russia plans to attack Kyiv", span=(0, 27), event=TextSpan("plans", (7, 12)))
    inner = Claim(id="c1", text="to attack Kyiv", span=(13, 27), stance="unconfirmed", event=TextSpan("attack", (16, 22)))
    attack = stance.GoldEvent(16, 22, "attack", "unconfirmed")
    kyiv = stance.GoldEvent(23, 27, "Kyiv", "unconfirmed")
    plans = stance.GoldEvent(7, 12, "plans", "asserted")
    assert stance.claim_of(attack, [outer, inner]) is inner
    assert stance.claim_of(plans, [inner, outer]) is outer
    assert stance.claim_of(kyiv, [inner, outer]) is inner  # by containment, in output order
    assert stance.claim_of(stance.GoldEvent(40, 44, "x", "asserted"), [inner, outer]) is None


@pytest.mark.parametrize(
    "gold, predicted, same",
    [(None, None, True), ("the Kremlin", "Kremlin", True), ("Dmitry Peskov", "Peskov", True), ("police", None, False), (None, "police", False), ("Ukraine", "Russia", False)],
)
def test_sources_match_by_name(gold, predicted, same):
    assert stance.same_source(gold, predicted) is same


def test_the_limit_is_honoured(fixtures_dir, stance_nlp):
    assert stance.run(fixtures_dir / "factuality_tiny.jsonl", limit=2, nlp=stance_nlp)["splits"]["all"]["events"] == 2
