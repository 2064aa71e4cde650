"""The toll tree rules (measures/toll_tree.py) on hand-built parses, one rule a test, so that a
model update does not move them; plus the issue's sentences through the whole pipeline, ordinals
that are no quantities, and a length unit pint does not know."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from conflictnlp.extensions import _store
from conflictnlp.measures.casualties import _is_date_or_name, _singular_counts, load_casualty_data
from conflictnlp.measures.distances import build_distances
from conflictnlp.measures.quantities import Measure, is_ordinal
from conflictnlp.measures.units import load_measure_data, to_metres
from tests.helpers import BLANK_VOCAB, EVENT_ROWS, rows_doc


def parse(text: str, heads: list[int], deps: list[str], pos: list[str], tags: list[str] | None = None, lemmas: list[str] | None = None) -> Doc:
    """A Doc with the given parse: ``heads`` are absolute token indices."""
    words = text.split()
    return Doc(BLANK_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words), lemmas=lemmas or [w.lower() for w in words])


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
    doc = Doc(BLANK_VOCAB, words=["some", "3", "blorfs", "away"])
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


# --- issue 25/27: collective nouns, "to death", totals, one person named, conditional verbs -------


def test_rule_a_count_a_collective_noun_is_filled_with_stands_where_the_noun_does(tree):
    doc = parse("a landmine killed a family of four",
                [1, 2, 2, 4, 2, 4, 5], ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
                ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NUM"])
    number = tree.count_noun(doc[6])
    assert tree.collective(number).text == "family"
    assert tree.object_cue(number)[0] == "killed"
    # "the head of four units" is no family: the count stays under "of"
    doc = parse("killed the head of four units", [0, 2, 0, 2, 5, 3], ["ROOT", "det", "dobj", "prep", "nummod", "pobj"],
                ["VERB", "DET", "NOUN", "ADP", "NUM", "NOUN"])
    assert tree.collective(tree.count_noun(doc[4])) is None and tree.object_cue(tree.count_noun(doc[4])) is None


def test_rule_a_verb_of_harm_with_to_death_under_it_kills_and_a_sentence_does_not(tree):
    doc = parse("Rebels hacked 14 farmers to death",
                [1, 1, 3, 1, 1, 4], ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj"],
                ["NOUN", "VERB", "NUM", "NOUN", "ADP", "NOUN"], lemmas=["rebel", "hack", "14", "farmer", "to", "death"])
    role, verb = tree.object_cue(tree.count_noun(doc[2]))
    assert (role, verb.text) == ("killed", "hacked")
    doc = parse("A court sentenced 37 people to death",
                [1, 2, 2, 4, 2, 2, 5], ["det", "nsubj", "ROOT", "nummod", "dobj", "prep", "pobj"],
                ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "NOUN"], lemmas=["a", "court", "sentence", "37", "people", "to", "death"])
    assert tree.object_cue(tree.count_noun(doc[3])) is None


def test_rule_a_count_set_beside_its_clause_takes_the_clauses_verb(tree):
    doc = parse("Residents were killed by militiamen , 9 in all",
                [2, 2, 2, 2, 3, 2, 2, 5, 6], ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct", "npadvmod", "prep", "pobj"],
                ["NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT", "NUM", "ADP", "PRON"], ["NNS", "VBD", "VBN", "IN", "NNS", ",", "CD", "IN", "DT"])
    role, verb = tree.clause_cue(doc[6])
    assert (role, verb.text) == ("killed", "killed")


def test_rule_a_verb_read_only_with_words_after_the_count_is_no_tree_cue(tree):
    doc = parse("The ambulance took 12 people to hospital",
                [1, 2, 2, 4, 2, 2, 5], ["det", "nsubj", "ROOT", "nummod", "dobj", "prep", "pobj"],
                ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "NOUN"])
    assert tree.object_cue(tree.count_noun(doc[3])) is None
    doc = parse("The factory lost 2,000 jobs", [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "nummod", "dobj"], ["DET", "NOUN", "VERB", "NUM", "NOUN"])
    assert tree.object_cue(tree.count_noun(doc[3])) is None
    doc = parse("The battalion lost 4 men", [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "nummod", "dobj"], ["DET", "NOUN", "VERB", "NUM", "NOUN"])
    assert tree.object_cue(tree.count_noun(doc[3]))[0] == "killed"


def _singles(doc, before=()):
    data = load_casualty_data()
    words = [t.lower_ for t in doc]
    return [m.concept for m in _singular_counts(doc, doc[:], [], data, lambda i: words[i] in before)]


def test_rule_a_definite_person_with_a_possessor_is_one(tree):
    doc = parse("Israel struck , killing the group 's leader",
                [1, 1, 1, 1, 5, 7, 5, 3], ["nsubj", "ROOT", "punct", "advcl", "det", "poss", "case", "dobj"],
                ["PROPN", "VERB", "PUNCT", "VERB", "DET", "NOUN", "PART", "NOUN"], ["NNP", "VBD", ",", "VBG", "DT", "NN", "POS", "NN"])
    doc.set_ents([])
    found = _singular_counts(doc, doc[:], [], load_casualty_data(), lambda i: False)
    assert [doc.text[m.start : m.end] for m in found] == ["the group 's leader"]
    # a possessor of no verb's object is no toll: "the group 's leader said"
    doc = parse("the group 's leader said", [1, 3, 1, 4, 4], ["det", "poss", "case", "nsubj", "ROOT"],
                ["DET", "NOUN", "PART", "NOUN", "VERB"], ["DT", "NN", "POS", "NN", "VBD"])
    doc.set_ents([])
    assert _singles(doc) == []


def test_rule_the_subject_of_an_intransitive_cue_is_one_and_a_modifier_belongs_to_the_person(tree):
    doc = parse("the attacker died too", [1, 2, 2, 2], ["det", "nsubj", "ROOT", "advmod"], ["DET", "NOUN", "VERB", "ADV"], ["DT", "NN", "VBD", "RB"])
    doc.set_ents([])
    assert _singles(doc) == ["attacker"]
    doc = parse("Mob lynches suspected thief in Kano", [1, 1, 3, 1, 3, 4], ["nsubj", "ROOT", "amod", "dobj", "prep", "pobj"],
                ["NOUN", "VERB", "VERB", "NOUN", "ADP", "PROPN"], ["NN", "VBZ", "VBN", "NN", "IN", "NNP"])
    doc.set_ents([])
    assert _singles(doc, before={"lynches"}) == ["suspected thief"]


def test_rule_a_title_before_a_name_and_a_pronoun_under_a_cue_are_one_person_each(tree):
    doc = parse("killing Taliban minister Khalil Haqqani and five others",
                [0, 2, 4, 4, 0, 4, 7, 4], ["ROOT", "compound", "compound", "compound", "dobj", "cc", "nummod", "conj"],
                ["VERB", "PROPN", "NOUN", "PROPN", "PROPN", "CCONJ", "NUM", "NOUN"], ["VBG", "NNP", "NN", "NNP", "NNP", "CC", "CD", "NNS"])
    doc.set_ents([])
    assert _singles(doc, before={"killing"}) == ["Taliban minister Khalil Haqqani"]
    doc = parse("killing three Israelis before he was shot dead",
                [0, 2, 0, 6, 6, 6, 0, 6], ["ROOT", "nummod", "dobj", "mark", "nsubjpass", "auxpass", "advcl", "oprd"],
                ["VERB", "NUM", "PROPN", "SCONJ", "PRON", "AUX", "VERB", "ADJ"], ["VBG", "CD", "NNPS", "IN", "PRP", "VBD", "VBN", "JJ"])
    doc.set_ents([])
    assert _singles(doc) == ["he"]
    # "he said", "her son": no person a cue is about
    doc = parse("he said her son was hurt", [1, 1, 3, 5, 5, 1], ["nsubj", "ROOT", "poss", "nsubjpass", "auxpass", "ccomp"],
                ["PRON", "VERB", "PRON", "NOUN", "AUX", "VERB"], ["PRP", "VBD", "PRP$", "NN", "VBD", "VBN"])
    doc.set_ents([])
    assert _singles(doc) == ["son"]


def test_an_age_inside_a_date_entity_makes_no_date():
    doc = Doc(BLANK_VOCAB, words=["Two", "18", "-", "year", "-", "old", "conscripts"], spaces=[True, False, False, False, False, True, False])
    doc.set_ents([Span(doc, 0, 6, "DATE")])
    assert not _is_date_or_name(doc, doc[0], load_measure_data())
    doc = Doc(BLANK_VOCAB, words=["Two", "years", "ago"])
    doc.set_ents([Span(doc, 0, 3, "DATE")])
    assert _is_date_or_name(doc, doc[0], load_measure_data())


def test_rule_a_subject_that_undergoes_a_later_passive_clause_is_a_toll(tree):
    doc = parse("A gunman killed six people before being shot dead",
                [1, 2, 2, 4, 2, 2, 7, 5, 7], ["det", "nsubj", "ROOT", "nummod", "dobj", "prep", "auxpass", "pcomp", "oprd"],
                ["DET", "NOUN", "VERB", "NUM", "NOUN", "ADP", "AUX", "VERB", "ADJ"], ["DT", "NN", "VBD", "CD", "NNS", "IN", "VBG", "VBN", "JJ"])
    role, verb = tree.subject_cue(doc[1])
    assert (role, verb.text) == ("killed", "shot")
    # "before he was arrested" has a subject of its own: the gunman is only the agent
    doc = parse("A gunman killed six people before he was shot dead",
                [1, 2, 2, 4, 2, 8, 8, 8, 2, 8], ["det", "nsubj", "ROOT", "nummod", "dobj", "mark", "nsubjpass", "auxpass", "advcl", "oprd"],
                ["DET", "NOUN", "VERB", "NUM", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "ADJ"])
    assert tree.subject_cue(doc[1]) is None


def test_rule_nearly_to_death_is_no_killing(tree):
    doc = parse("Mob beat 2 men nearly to death", [1, 1, 3, 1, 5, 1, 5], ["nsubj", "ROOT", "nummod", "dobj", "advmod", "prep", "pobj"],
                ["NOUN", "VERB", "NUM", "NOUN", "ADV", "ADP", "NOUN"], lemmas=["mob", "beat", "2", "man", "nearly", "to", "death"])
    assert tree.object_cue(tree.count_noun(doc[2])) is None


# --- a harm only threatened, intended or tried is no toll -----------------------------------------

def test_rule_a_casualty_verb_under_a_verb_of_intent_is_unrealised(tree):
    doc = parse("Gunmen threatened to kill 12 hostages",
                [1, 1, 3, 1, 5, 3], ["nsubj", "ROOT", "aux", "xcomp", "nummod", "dobj"],
                ["NOUN", "VERB", "PART", "VERB", "NUM", "NOUN"], lemmas=["gunman", "threaten", "to", "kill", "12", "hostage"])
    assert tree.unrealised(doc[3])


def test_rule_a_casualty_verb_under_managed_is_realised(tree):
    doc = parse("Gunmen managed to kill 12 hostages",
                [1, 1, 3, 1, 5, 3], ["nsubj", "ROOT", "aux", "xcomp", "nummod", "dobj"],
                ["NOUN", "VERB", "PART", "VERB", "NUM", "NOUN"], lemmas=["gunman", "manage", "to", "kill", "12", "hostage"])
    assert not tree.unrealised(doc[3])


def test_rule_a_plot_to_kill_is_unrealised_whatever_the_parse_hangs_kill_from(tree):
    # the small model hangs "kill" from "foiled" as advcl; the words "plot to" decide
    doc = parse("Police foiled a plot to kill 30 worshippers",
                [1, 1, 3, 1, 5, 1, 7, 5], ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "nummod", "dobj"],
                ["NOUN", "VERB", "DET", "NOUN", "PART", "VERB", "NUM", "NOUN"],
                lemmas=["police", "foil", "a", "plot", "to", "kill", "30", "worshipper"])
    assert tree.unrealised(doc[5])


# the one reading of intended harm (toll_tree.only_intended), for the tolls and the events alike:
# (sentence rows, the verb's index, an intended harm to the events, no toll to the tolls)
INTENDED_OR_NOT = [
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("vowed", 1, "ROOT", "VERB", "vow"), ("to", 3, "aux", "PART", "to"),
      ("storm", 1, "xcomp", "VERB", "storm"), ("the", 5, "det", "DET", "the"), ("base", 3, "dobj", "NOUN", "base")], 3, True, True),
    # an attempt is an incident, but leaves no toll
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("tried", 1, "ROOT", "VERB", "try"), ("to", 3, "aux", "PART", "to"),
      ("storm", 1, "xcomp", "VERB", "storm"), ("the", 5, "det", "DET", "the"), ("base", 3, "dobj", "NOUN", "base")], 3, False, True),
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("managed", 1, "ROOT", "VERB", "manage"), ("to", 3, "aux", "PART", "to"),
      ("storm", 1, "xcomp", "VERB", "storm"), ("the", 5, "det", "DET", "the"), ("base", 3, "dobj", "NOUN", "base")], 3, False, False),
    # "called on fighters to attack": the parser hangs the infinitive from "called" as a clause
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("called", 1, "ROOT", "VERB", "call"), ("on", 1, "prep", "ADP", "on"),
      ("fighters", 2, "pobj", "NOUN", "fighter"), ("to", 5, "aux", "PART", "to"), ("attack", 1, "advcl", "VERB", "attack"),
      ("the", 7, "det", "DET", "the"), ("base", 5, "dobj", "NOUN", "base")], 5, True, True),
    # a conjunct reads as the first of its row
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("swore", 1, "ROOT", "VERB", "swear"), ("to", 3, "aux", "PART", "to"),
      ("regroup", 1, "xcomp", "VERB", "regroup"), ("and", 3, "cc", "CCONJ", "and"), ("attack", 3, "conj", "VERB", "attack"),
      ("the", 7, "det", "DET", "the"), ("base", 5, "dobj", "NOUN", "base")], 5, True, True),
    # a purpose clause of a harm done is done
    ([("Rebels", 1, "nsubj", "NOUN", "rebel"), ("attacked", 1, "ROOT", "VERB", "attack"), ("the", 3, "det", "DET", "the"),
      ("base", 1, "dobj", "NOUN", "base"), ("to", 5, "aux", "PART", "to"), ("free", 1, "advcl", "VERB", "free"),
      ("prisoners", 5, "dobj", "NOUN", "prisoner")], 5, False, False),
]


@pytest.mark.parametrize("rows, verb, intended_event, no_toll", INTENDED_OR_NOT,
                         ids=["vowed", "tried", "managed", "called_on", "swore_to_regroup_and", "purpose_clause"])
def test_the_events_and_the_tolls_read_intended_harm_alike_but_for_attempts(tree, rows, verb, intended_event, no_toll):
    from conflictnlp.events.clauses import intended
    from conflictnlp.events.lexicon import load_event_lexicon

    lexicon = load_event_lexicon()
    doc = rows_doc(rows, EVENT_ROWS)
    assert intended(doc[verb], lexicon.intention_verbs, lexicon.planning_words, lexicon.doing_verbs) is intended_event
    assert tree.unrealised(doc[verb]) is no_toll


def test_intended_harm_is_one_list_the_events_read_less_the_attempts(tree):
    from conflictnlp.events.lexicon import load_event_lexicon

    attempts = frozenset(load_casualty_data().tree["attempt_heads"])
    assert attempts and attempts <= tree.unrealised_heads
    assert load_event_lexicon().planning_words == tree.unrealised_heads - attempts


@pytest.mark.parametrize("text, expected", [
    ("The gunmen threatened to kill 12 hostages if the ransom was not paid.", []),
    ("Militants vowed to kill the governor.", []),
    ("The attackers killed 12 villagers and threatened to kill more.", [("killed", 12)]),
    ("The militants managed to kill 5 soldiers before retreating.", [("killed", 5)]),
])
def test_threatened_harm_gives_no_toll_through_the_pipeline(nlp, text, expected):
    doc = nlp(text)
    assert [(q.casualty.role, q.value) for q in doc._.quantities if q.casualty] == expected
