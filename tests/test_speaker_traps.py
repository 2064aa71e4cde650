"""Speaker traps of conflict reporting (issue 24 items 4 and 5; the gold passages are in
tests/fixtures/speakers_conflict.jsonl): a place named like a person, a name set off after a
description, lists of three, an organisation named again as "the group", roles without an age
or a participle. Hand-built parses where the rule is the point; the pipeline where it is."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Doc, Span

from conflictnlp.quotes.cues import load_cues
from conflictnlp.quotes.roles import role_of
from conflictnlp.quotes.speakers import SpeakerResolver, source_of_verb
from tests.helpers import rows_doc

FIXTURE = Path(__file__).parent / "fixtures" / "speakers_conflict.jsonl"


def _doc(rows, ents=None, sent_starts=None, located=()) -> Doc:
    """rows: (word, pos, tag, lemma, head index, dep, trailing space); ``located``: (start,
    end) token spans the places component resolved."""
    doc = rows_doc(rows, ("words", "pos", "tags", "lemmas", "heads", "deps", "spaces"), ents=ents, sent_starts=sent_starts)
    doc.spans["conflict_locations"] = [Span(doc, s, e, label="city") for s, e in located]
    return doc


def _resolver(doc: Doc) -> SpeakerResolver:
    return SpeakerResolver(doc, (0, len(doc.text)), lexicon=load_cues())


def test_a_place_of_two_words_tagged_person_is_no_antecedent_of_he() -> None:
    # "Gallant visited troops near Khan Younis . Khan Younis was next , he told them ."
    rows = [
        ("Gallant", "PROPN", "NNP", "Gallant", 1, "nsubj", True), ("visited", "VERB", "VBD", "visit", 1, "ROOT", True),
        ("troops", "NOUN", "NNS", "troop", 1, "dobj", True), ("near", "ADP", "IN", "near", 2, "prep", True),
        ("Khan", "PROPN", "NNP", "Khan", 5, "compound", True), ("Younis", "PROPN", "NNP", "Younis", 3, "pobj", False),
        (".", "PUNCT", ".", ".", 1, "punct", True),
        ("Khan", "PROPN", "NNP", "Khan", 8, "compound", True), ("Younis", "PROPN", "NNP", "Younis", 9, "nsubj", True),
        ("was", "AUX", "VBD", "be", 13, "ccomp", True), ("next", "ADJ", "JJ", "next", 9, "acomp", False),
        (",", "PUNCT", ",", ",", 13, "punct", True), ("he", "PRON", "PRP", "he", 13, "nsubj", True),
        ("told", "VERB", "VBD", "tell", 13, "ROOT", False),
    ]
    ents = ["B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    sents = [True] + [False] * 6 + [True] + [False] * 6
    doc = _doc(rows, ents, sents, located=[(4, 6), (7, 9)])
    assert _resolver(doc).resolve(doc[12:13]).name == "Gallant"
    # without the places component's word, the small model's PERSON stands (a test that can fail)
    plain = _doc(rows, ents, sents)
    assert _resolver(plain).resolve(plain[12:13]).name == "Khan Younis"


def _mayor_of_kherson() -> Doc:
    # "the mayor of Kherson , Roman Mrochko wrote": Kherson tagged PERSON, the name NORP and
    # hung on Kherson as its apposition
    rows = [
        ("the", "DET", "DT", "the", 1, "det", True), ("mayor", "NOUN", "NN", "mayor", 7, "nsubj", True),
        ("of", "ADP", "IN", "of", 1, "prep", True), ("Kherson", "PROPN", "NNP", "Kherson", 2, "pobj", False),
        (",", "PUNCT", ",", ",", 3, "punct", True), ("Roman", "PROPN", "NNP", "Roman", 6, "compound", True),
        ("Mrochko", "PROPN", "NNP", "Mrochko", 3, "appos", False), ("wrote", "VERB", "VBD", "write", 7, "ROOT", False),
    ]
    return _doc(rows, ["O", "O", "O", "B-PERSON", "O", "B-NORP", "I-NORP", "O"], located=[(3, 4)])


def test_a_name_set_off_after_a_description_of_one_person_is_the_speaker() -> None:
    doc = _mayor_of_kherson()
    speaker = _resolver(doc).resolve(doc[0:7])
    assert (speaker.name, speaker.role, speaker.is_person) == ("Roman Mrochko", "mayor of Kherson", True)


def test_an_acronym_set_off_after_a_description_names_the_organisation() -> None:
    # "The U.N. agency for Palestinian refugees , UNRWA , said"
    rows = [
        ("The", "DET", "DT", "the", 2, "det", True), ("U.N.", "PROPN", "NNP", "U.N.", 2, "compound", True),
        ("agency", "NOUN", "NN", "agency", 9, "nsubj", True), ("for", "ADP", "IN", "for", 2, "prep", True),
        ("Palestinian", "ADJ", "JJ", "palestinian", 5, "amod", True), ("refugees", "NOUN", "NNS", "refugee", 3, "pobj", False),
        (",", "PUNCT", ",", ",", 5, "punct", True), ("UNRWA", "PROPN", "NNP", "UNRWA", 5, "appos", False),
        (",", "PUNCT", ",", ",", 2, "punct", True), ("said", "VERB", "VBD", "say", 9, "ROOT", False),
    ]
    doc = _doc(rows, ["O", "B-ORG", "O", "O", "B-NORP", "O", "O", "B-ORG", "O", "O"])
    speaker = _resolver(doc).resolve(doc[0:8])
    assert (speaker.name, speaker.role) == ("UNRWA", "U.N. agency for Palestinian refugees")


def test_a_list_of_three_speakers_keeps_every_member() -> None:
    # "The United States , Britain and France said": France hangs on Britain
    rows = [
        ("The", "DET", "DT", "the", 2, "det", True), ("United", "PROPN", "NNP", "United", 2, "compound", True),
        ("States", "PROPN", "NNP", "States", 7, "nsubj", False), (",", "PUNCT", ",", ",", 2, "punct", True),
        ("Britain", "PROPN", "NNP", "Britain", 2, "conj", True), ("and", "CCONJ", "CC", "and", 4, "cc", True),
        ("France", "PROPN", "NNP", "France", 4, "conj", True), ("said", "VERB", "VBD", "say", 7, "ROOT", False),
    ]
    doc = _doc(rows, ["B-GPE", "I-GPE", "I-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    assert _resolver(doc).resolve(doc[0:7]).name == "United States, Britain and France"


def test_a_name_the_parse_made_a_second_subject_after_a_comma_belongs_to_the_speaker() -> None:
    # "A driver who survived , Serhiy Bondar , 52 , described": the parse made both subjects
    rows = [
        ("A", "DET", "DT", "a", 1, "det", True), ("driver", "NOUN", "NN", "driver", 11, "nsubj", True),
        ("who", "PRON", "WP", "who", 3, "nsubj", True), ("survived", "VERB", "VBD", "survive", 1, "relcl", False),
        (",", "PUNCT", ",", ",", 11, "punct", True), ("Serhiy", "PROPN", "NNP", "Serhiy", 6, "compound", True),
        ("Bondar", "PROPN", "NNP", "Bondar", 11, "nsubj", False), (",", "PUNCT", ",", ",", 6, "punct", True),
        ("52", "NUM", "CD", "52", 6, "appos", False), (",", "PUNCT", ",", ",", 6, "punct", True),
        ("then", "ADV", "RB", "then", 11, "advmod", True), ("described", "VERB", "VBD", "describe", 11, "ROOT", False),
    ]
    doc = _doc(rows, ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"])
    assert source_of_verb(doc[11]).text == "A driver who survived, Serhiy Bondar, 52"
    speaker = _resolver(doc).resolve(source_of_verb(doc[11]))
    assert speaker.name == "Serhiy Bondar"
    # a place is no such name: "Officials, Kyiv said" keeps the first subject only
    doc.ents = [Span(doc, 5, 7, label="GPE")]
    assert source_of_verb(doc[11]).text == "A driver who survived"


def _named_again(head: str, lemma: str, first: str = "Medecins") -> Doc:
    # "Medecins said . The group said": an ORG subject, then "the" + an organisation noun
    rows = [
        (first, "PROPN", "NNP", first, 1, "nsubj", True), ("said", "VERB", "VBD", "say", 1, "ROOT", False),
        (".", "PUNCT", ".", ".", 1, "punct", True),
        ("The", "DET", "DT", "the", 4, "det", True), (head, "NOUN", "NN", lemma, 5, "nsubj", True),
        ("said", "VERB", "VBD", "say", 5, "ROOT", False),
    ]
    return _doc(rows, ["B-ORG", "O", "O", "O", "O", "O"], sent_starts=[True, False, False, True, False, False])


def test_the_group_is_the_organisation_named_before() -> None:
    doc = _named_again("group", "group")
    resolver = _resolver(doc)
    resolver.resolve(doc[0:1])
    assert resolver.resolve(doc[3:5]).name == "Medecins"
    # "the army" names a body of its own, not the organisation before it
    army = _named_again("army", "army")
    resolver = _resolver(army)
    resolver.resolve(army[0:1])
    assert resolver.resolve(army[3:5]).name is None


def test_a_description_ending_like_an_earlier_speaker_is_that_speaker() -> None:
    # "The regional prosecutor 's office said . The prosecutor 's office said ."
    rows = [
        ("The", "DET", "DT", "the", 4, "det", True), ("regional", "ADJ", "JJ", "regional", 2, "amod", True),
        ("prosecutor", "NOUN", "NN", "prosecutor", 4, "poss", False), ("'s", "PART", "POS", "'s", 2, "case", True),
        ("office", "NOUN", "NN", "office", 5, "nsubj", True), ("said", "VERB", "VBD", "say", 5, "ROOT", False),
        (".", "PUNCT", ".", ".", 5, "punct", True),
        ("The", "DET", "DT", "the", 11, "det", True), ("prosecutor", "NOUN", "NN", "prosecutor", 11, "poss", False),
        ("'s", "PART", "POS", "'s", 8, "case", True), ("office", "NOUN", "NN", "office", 12, "nsubj", True),
        ("said", "VERB", "VBD", "say", 12, "ROOT", False), (".", "PUNCT", ".", ".", 12, "punct", True),
        ("The", "DET", "DT", "the", 14, "det", True), ("office", "NOUN", "NN", "office", 15, "nsubj", True),
        ("said", "VERB", "VBD", "say", 15, "ROOT", False),
    ]
    doc = _doc(rows, sent_starts=[True] + [False] * 6 + [True] + [False] * 5 + [True, False, False])
    resolver = _resolver(doc)
    first = resolver.resolve(doc[0:5])
    again = resolver.resolve(doc[7:11])
    assert (again.name, again.role) == (first.name, first.role) and first.role == "regional prosecutor's office"
    # one word is too little: "the office" stays itself
    assert resolver.resolve(doc[13:15]).role == "office"


def test_a_role_leaves_out_an_age_and_a_participle_clause() -> None:
    # "Hafiz Adam , 34 , a volunteer , speaking by phone"
    rows = [
        ("Hafiz", "PROPN", "NNP", "Hafiz", 1, "compound", True), ("Adam", "PROPN", "NNP", "Adam", 1, "ROOT", False),
        (",", "PUNCT", ",", ",", 1, "punct", True), ("34", "NUM", "CD", "34", 1, "appos", False),
        (",", "PUNCT", ",", ",", 1, "punct", True), ("a", "DET", "DT", "a", 6, "det", True),
        ("volunteer", "NOUN", "NN", "volunteer", 1, "appos", False), (",", "PUNCT", ",", ",", 1, "punct", True),
        ("speaking", "VERB", "VBG", "speak", 1, "acl", True), ("by", "ADP", "IN", "by", 8, "prep", True),
        ("phone", "NOUN", "NN", "phone", 9, "pobj", False),
    ]
    doc = _doc(rows)
    assert role_of(doc[0:11], doc[0:2]) == "a volunteer"


def test_the_fixture_is_well_formed() -> None:
    records = [json.loads(line) for line in FIXTURE.open(encoding="utf-8")]
    assert len(records) >= 40 and len({r["id"] for r in records}) == len(records)
    for record in records:
        text = record["text"]
        for relation in record["quotes"]:
            for role in ("speaker", "cue"):
                if relation[f"{role}_span"] is not None:
                    start, end = relation[f"{role}_span"]
                    assert text[start:end] == relation[role]
            assert "speaker_name" in relation


def _speakers(nlp, text: str) -> list[tuple]:
    import conflictnlp

    return [(q.speaker_name, q.speaker_role) for q in conflictnlp.extract(text, nlp=nlp).quotes]


def test_wire_copy_speakers_named_after_a_description(nlp) -> None:
    text = (
        "A driver who survived the attack, Serhiy Bondar, 52, described the first moments from a hospital bed.\n\n"
        "\"We heard the drone before we saw it.\n\n\"The second truck was already burning.\""
    )
    assert {name for name, _ in _speakers(nlp, text)} == {"Serhiy Bondar"}
    text = '"The bridge held," the mayor of Kherson, Roman Mrochko, wrote on Telegram.'
    assert _speakers(nlp, text) == [("Roman Mrochko", "mayor of Kherson")]


def test_a_quotation_opening_the_paragraph_after_a_named_person_is_theirs(nlp) -> None:
    # no cue and no quote before it to inherit from: the person the paragraph before is about
    text = (
        "The head of surgery at al-Shifa hospital, Dr. Ahmed al-Mokhallalati, described the night in a voice message.\n\n"
        "\"The generators stopped at midnight. We operated with torches.\n\n"
        "\"Two patients died in the corridor because there was no oxygen.\""
    )
    speakers = _speakers(nlp, text)
    assert speakers and {name for name, _ in speakers} == {"Ahmed al-Mokhallalati"}
    # a paragraph about no person hands nobody a quotation
    assert _speakers(nlp, "The convoy was hit at noon.\n\n\"The generators stopped at midnight. We operated with torches.\"") == []


def test_the_fuller_role_of_a_person_serves_the_later_mentions(nlp) -> None:
    text = 'In Moscow, a ministry spokesman, Maj. Gen. Arkady Belov, said the reports were false. "All targets are military," he said.'
    roles = {role for _, role in _speakers(nlp, text)}
    assert roles == {"ministry spokesman, Maj. Gen."}


def test_a_medium_named_before_its_description_and_a_lower_case_proper_noun() -> None:
    # "Interfax news agency reported" with "Interfax" tagged an adjective
    rows = [
        ("Interfax", "ADJ", "JJ", "interfax", 2, "compound", True), ("news", "NOUN", "NN", "news", 2, "compound", True),
        ("agency", "NOUN", "NN", "agency", 3, "nsubj", True), ("reported", "VERB", "VBD", "report", 3, "ROOT", False),
    ]
    doc = _doc(rows, ["B-ORG", "I-ORG", "I-ORG", "O"])
    speaker = _resolver(doc).resolve(doc[0:3])
    assert (speaker.name, speaker.role) == ("Interfax", "news agency")
    # "Russia 's defence ministry" with "ministry" tagged a proper noun: no name "ministry"
    rows = [
        ("Russia", "PROPN", "NNP", "Russia", 3, "poss", False), ("'s", "PART", "POS", "'s", 0, "case", True),
        ("defence", "NOUN", "NN", "defence", 3, "compound", True), ("ministry", "PROPN", "NNP", "ministry", 4, "nsubj", True),
        ("said", "VERB", "VBD", "say", 4, "ROOT", False),
    ]
    doc = _doc(rows, ["B-GPE", "O", "B-ORG", "I-ORG", "O"])
    assert _resolver(doc).resolve(doc[0:4]).name == "Russia's defence ministry"


def test_a_list_left_in_the_content_keeps_its_first_comma(nlp) -> None:
    import conflictnlp

    text = ("A missile struck a school in Kramatorsk, killing a teacher, two pupils and a security guard, "
            "the head of the regional military administration, Vadym Filashkin, said.")
    (quote,) = conflictnlp.extract(text, nlp=nlp).quotes
    assert quote.speaker_name == "Vadym Filashkin"
    assert quote.to_dict()["content"]["spans"] == [[0, text.index(", the head")]]


def _name_right(relation: dict, quotes: list[dict]) -> bool:
    """Whether the predicted quote whose content is closest to the relation's (Jaccard on
    characters) names its speaker: ``speaker_name``, or for an unnamed one its role."""
    pieces = relation.get("content_spans") or [relation["content_span"]]
    gold = {i for s, e in pieces for i in range(s, e)}
    best, overlap = None, 0.0
    for quote in quotes:
        chars = {i for s, e in quote["content"]["spans"] for i in range(s, e)}
        jaccard = len(chars & gold) / len(chars | gold)
        if jaccard > overlap:
            best, overlap = quote, jaccard
    if best is None:
        return False
    wanted = (relation["speaker_name"] or "").lower()
    return (best["speaker_name"] or "").lower() == wanted or (best["speaker_name"] is None and (best["speaker_role"] or "").lower() == wanted)


def test_every_speaker_of_the_fixture_dev_part_is_named_right(nlp) -> None:
    # the whole pipeline (places included: "the mayor of Kherson, Roman Mrochko"); the
    # held-aside quarter is only scored for the record (docs/quotes.md), never asserted
    import conflictnlp
    from conflictnlp.evaluation.scoring import read_jsonl

    wrong = []
    for record in read_jsonl(FIXTURE, part="dev"):
        quotes = [q.to_dict() for q in conflictnlp.extract(record["text"], nlp=nlp).quotes]
        wrong += [(record["id"], r["speaker_name"]) for r in record["quotes"] if not _name_right(r, quotes)]
    assert wrong == []


def test_a_role_owned_by_its_names_the_owner(nlp) -> None:
    text = ("The Kharkiv Relief Alliance, which organized the convoy, said the trucks were carrying food. "
            "Its director, Yulia Marchenko, said the charity had notified the United Nations. "
            "\"If it was, then this was deliberate,\" Marchenko said.")
    assert _speakers(nlp, text)[1:] == [("Yulia Marchenko", "director of Kharkiv Relief Alliance")] * 2
