"""The toll tree rules (measures/toll_tree.py) on hand-built parses, one rule a test, so that a
model update does not move them; plus the issue's sentences through the whole pipeline, ordinals
that are no quantities, and a length unit pint does not know."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from conflictnlp.extensions import _store
from conflictnlp.measures.casualties import load_casualty_data
from conflictnlp.measures.distances import build_distances
from conflictnlp.measures.quantities import Measure, is_ordinal
from conflictnlp.measures.units import load_measure_data, to_metres

VOCAB = spacy.blank("en").vocab


def parse(text: str, heads: list[int], deps: list[str], pos: list[str], tags: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
    """A Doc with the given parse: ``heads`` are absolute token indices."""
    words = text.split()
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words), lemmas=lemmas or [w.lower() for w in words])


@pytest.fixture(scope="module")
def tree():
    return load_casualty_data().tree_rules


def test_rule_count_as_passive_subject_with_modifiers_between_is_a_toll(tree):
    doc = parse("Two workers at the depot were wounded",
                [1, 6, 1, 4, 2, 6, 6], ["nummod", "nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT"],
                ["NUM", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB"], ["CD", "NNS", "IN", "DT", "NN", "VBD", "VBN"])
    role, verb = tree.subject_cue(tree.count_noun(doc[0]))
    assert (role, verb.text) == ("wounded", "wounded")


def test_rule_active_subject_with_an_object_is_the_agent_and_the_object_the_toll(tree):
    doc = parse("Five gunmen killed three villagers",
                [1, 2, 2, 4, 2], ["nummod", "nsubj", "ROOT", "nummod", "dobj"],
                ["NUM", "NOUN", "VERB", "NUM", "NOUN"], ["CD", "NNS", "VBD", "CD", "NNS"])
    assert tree.subject_cue(tree.count_noun(doc[0])) is None
    role, verb = tree.object_cue(tree.count_noun(doc[3]))
    assert (role, verb.text) == ("killed", "killed")


def test_rule_intransitive_subject_across_an_apposition_and_the_apposed_person_is_a_part(tree):
    doc = parse("Four civilians , among them a boy , died",
                [1, 8, 1, 6, 3, 6, 1, 1, 8], ["nummod", "nsubj", "punct", "prep", "pobj", "det", "appos", "punct", "ROOT"],
                ["NUM", "NOUN", "PUNCT", "ADP", "PRON", "DET", "NOUN", "PUNCT", "VERB"], ["CD", "NNS", ",", "IN", "PRP", "DT", "NN", ",", "VBD"])
    assert tree.subject_cue(tree.count_noun(doc[0]))[0] == "killed"
    boy = tree.count_noun(doc[5])  # "a boy": a count of one read from its determiner
    assert boy.text == "boy" and tree.is_part(boy) and not tree.is_part(doc[1])


def test_rule_including_makes_the_count_under_it_a_part_of_the_toll(tree):
    doc = parse("18 people , including five children , were killed",
                [1, 8, 1, 1, 5, 3, 1, 8, 8], ["nummod", "nsubjpass", "punct", "prep", "nummod", "pobj", "punct", "auxpass", "ROOT"],
                ["NUM", "NOUN", "PUNCT", "VERB", "NUM", "NOUN", "PUNCT", "AUX", "VERB"], ["CD", "NNS", ",", "VBG", "CD", "NNS", ",", "VBD", "VBN"])
    assert tree.subject_cue(tree.count_noun(doc[0]))[0] == "killed"
    assert tree.is_part(tree.count_noun(doc[4])) and not tree.is_part(tree.count_noun(doc[0]))


def test_rule_six_of_them_is_a_part(tree):
    doc = parse("42 people were injured , six of them seriously",
                [1, 3, 3, 3, 3, 1, 5, 6, 5], ["nummod", "nsubjpass", "auxpass", "ROOT", "punct", "appos", "prep", "pobj", "advmod"],
                ["NUM", "NOUN", "AUX", "VERB", "PUNCT", "NUM", "ADP", "PRON", "ADV"])
    assert tree.is_part(tree.count_noun(doc[5]))


def test_rule_a_conjunct_object_reads_as_the_first_conjunct(tree):
    doc = parse("killed a paramedic and his two sons",
                [0, 2, 0, 2, 6, 6, 2], ["ROOT", "det", "dobj", "cc", "poss", "nummod", "conj"],
                ["VERB", "DET", "NOUN", "CCONJ", "PRON", "NUM", "NOUN"])
    assert tree.object_cue(tree.count_noun(doc[5]))[0] == "killed"
    assert not tree.is_part(tree.count_noun(doc[5]))


def test_rule_the_number_a_toll_noun_rises_to_is_the_toll(tree):
    doc = parse("The death toll from the strike rose to nine",
                [2, 2, 6, 2, 5, 3, 6, 6, 7], ["det", "compound", "nsubj", "prep", "det", "pobj", "ROOT", "prep", "pobj"],
                ["DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "NUM"])
    role, subject = tree.toll_noun_cue(doc[8])
    assert (role, subject.text) == ("killed", "toll")


def test_rule_a_number_after_another_subject_is_no_toll_noun_rise(tree):
    doc = parse("Prices from the market rose to nine",
                [4, 0, 3, 1, 4, 4, 5], ["nsubj", "prep", "det", "pobj", "ROOT", "prep", "pobj"],
                ["NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "NUM"])
    assert tree.toll_noun_cue(doc[6]) is None


def test_rule_among_the_dead_makes_a_part_of_the_killed(tree):
    doc = parse("Two children were among the dead",
                [1, 2, 2, 2, 5, 3], ["nummod", "nsubj", "ROOT", "prep", "det", "pobj"],
                ["NUM", "NOUN", "AUX", "ADP", "DET", "NOUN"], lemmas=["two", "child", "be", "among", "the", "dead"])
    assert tree.among_cue(tree.count_noun(doc[0]))[0] == "killed"


def test_rule_anyone_under_a_denial_is_a_toll_of_none(tree):
    doc = parse("The ministry denied that anyone was hurt",
                [1, 2, 2, 6, 6, 6, 2], ["det", "nsubj", "ROOT", "mark", "nsubjpass", "auxpass", "ccomp"],
                ["DET", "NOUN", "VERB", "SCONJ", "PRON", "AUX", "VERB"])
    role, verb, first = tree.zero_subject(doc[4])
    assert (role, verb.text, first.text) == ("wounded", "hurt", "anyone")


def test_rule_anyone_without_a_denial_is_no_toll(tree):
    doc = parse("He asked whether anyone was hurt",
                [1, 1, 5, 5, 5, 1], ["nsubj", "ROOT", "mark", "nsubjpass", "auxpass", "ccomp"],
                ["PRON", "VERB", "SCONJ", "PRON", "AUX", "VERB"])
    assert tree.zero_subject(doc[3]) is None


def test_rule_a_no_word_subject_of_a_passive_cue_is_a_toll_of_none(tree):
    doc = parse("No Israeli soldiers were hurt",
                [2, 2, 4, 4, 4], ["det", "amod", "nsubjpass", "auxpass", "ROOT"],
                ["DET", "ADJ", "NOUN", "AUX", "VERB"])
    role, verb, first = tree.zero_subject(doc[0])
    assert (role, verb.text, first.text) == ("wounded", "hurt", "No")


def test_ordinals_in_digits_and_words_are_ordinals():
    assert all(is_ordinal(w) for w in ("13th", "13TH", "11th", "2nd", "21st", "third", "twenty-first", "thirteenth"))
    assert not any(is_ordinal(w) for w in ("13", "three", "2,000", "1st-class".split("-")[1]))


def test_a_length_unit_pint_does_not_know_is_an_error_not_zero_metres():
    assert to_metres(22, "mile") == pytest.approx(35405.568)
    assert to_metres(3, "furlong") == pytest.approx(603.5, rel=1e-3)
    assert to_metres(3, "smoot-ish unit") is None and to_metres(3, "tonne") is None
    doc = Doc(VOCAB, words=["some", "3", "blorfs", "away"])
    doc.set_ents([])
    measure = Measure(5, 13, 3.0, None, "blorf", "length", None, True, 6)
    distances, others = build_distances(doc, [measure], load_measure_data())
    assert distances == [] and others == [measure]
    (error,) = _store(doc)["errors"]
    assert "'blorf'" in error and "metres" in error and "'3 blorfs'" in error


ISSUE_SENTENCES = [
    ("At least 18 people, including five children, were killed", [("killed", 18, False), ("killed", 5, True)]),
    ("Two workers at the depot were wounded.", [("wounded", 2, False)]),
    ("Eleven people living in the block were injured.", [("wounded", 11, False)]),
    ("Four civilians, among them a 12-year-old boy, died.", [("killed", 4, False), ("killed", 1, True)]),
    ("The death toll from Saturday's strike rose to nine.", [("killed", 9, False)]),
    ("A Russian drone killed a military chaplain near Bakhmut.", [("killed", 1, False)]),
    ("The ministry denied that anyone was hurt.", [("wounded", 0, False)]),
    ("A drone struck the 13th floor of a tower at the 11th checkpoint, injuring two people.", [("wounded", 2, False)]),
]


@pytest.mark.parametrize("text, expected", ISSUE_SENTENCES)
def test_the_issues_tolls_in_any_word_order_through_the_pipeline(nlp, text, expected):
    doc = nlp(text)
    tolls = [(q.casualty.role, q.value, q.casualty.part) for q in doc._.quantities if q.casualty]
    assert tolls == expected
    # no "13th" tonnes: the only unit is an age's
    assert not [q.text for q in doc._.quantities if q.unit and q.concept != "age"] and not doc._.distances
