"""``conflictnlp evaluate stance`` on a tiny invented factuality gold file."""

from __future__ import annotations

from conflictnlp.evaluation import stance


def test_stance_evaluation_maps_stance_to_factuality(fixtures_dir):
    report = stance.run(fixtures_dir / "factuality_tiny.jsonl")
    assert report["n"] == 6
    assert report["gold_distribution"] == {"uncertain": 3, "happened": 1, "not_happened": 2}
    # allegedly, denied, may: hedged/denied; the rest asserted
    assert report["predicted_stances"] == {"hedged": 2, "asserted": 3, "denied": 1}
    plain, negation = report["stance"], report["stance_and_negation"]
    # right: allegedly (t1), arrested (t2), denied (t3), may (t5); wrong: the negation (t4), pulled (t6)
    assert plain["accuracy"] == round(4 / 6, 4)
    # "did not reach" counts as not_happened only with negation mapped
    assert negation["accuracy"] == round(5 / 6, 4)
    assert plain["per_label"]["not_happened"]["recall"] == 0.5
    assert negation["per_label"]["not_happened"]["recall"] == 1.0
    expected_macro = round(sum(s["f1"] for s in plain["per_label"].values()) / 3, 4)
    assert plain["macro_f1"] == expected_macro
    table = stance.render(report)
    assert "macro_f1" in table and report["lexicon_version"] in table


def test_stance_evaluation_honours_limit(fixtures_dir):
    assert stance.run(fixtures_dir / "factuality_tiny.jsonl", limit=2)["n"] == 2
