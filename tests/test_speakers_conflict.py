"""Speakers in realistic conflict news: each error class found on such text, on sentences
written for these tests (quotes/speakers.py decides every speaker)."""

from __future__ import annotations

import pytest

from tests.conftest import assert_offsets


@pytest.fixture(scope="module")
def quotes_of(nlp):
    def run(text: str):
        import conflictnlp

        record = conflictnlp.extract(text, nlp=nlp)
        assert_offsets(record.to_dict())
        return record.quotes

    return run


def _by_content(quotes, words: str):
    found = [q for q in quotes if words in q.content.text]
    assert len(found) == 1, (words, [(q.content.text, q.speaker_name) for q in quotes])
    return found[0]


def test_she_goes_to_the_woman_not_the_nearest_person(quotes_of):
    quotes = quotes_of(
        "Ukraine's defence minister Oleksii Reznikov met the army spokeswoman, Natalia Humeniuk, in Odesa. "
        "Reznikov said the port was safe. She said the navy had destroyed two boats."
    )
    she = _by_content(quotes, "the navy had destroyed")
    assert she.speaker.text == "She" and she.speaker_name == "Natalia Humeniuk"
    assert she.speaker_role == "army spokeswoman"


def test_a_pronoun_never_resolves_to_a_place_and_it_takes_the_organisation_before(quotes_of):
    assert _by_content(quotes_of("Kyiv itself was quiet on Sunday. It said 11 people were killed."), "11 people").speaker_name is None
    quote = _by_content(quotes_of("The Ukrainian General Staff issued an update on Monday. It said 11 people were killed."), "11 people")
    assert quote.speaker_name == "Ukrainian General Staff"


def test_a_possessive_title_gives_the_person(quotes_of):
    quote = _by_content(quotes_of("Chernihiv's Mayor Vladyslav Atroshenko said the city was cut off."), "cut off")
    assert (quote.speaker_name, quote.speaker_role) == ("Vladyslav Atroshenko", "Chernihiv's Mayor")


def test_a_name_after_its_description(quotes_of):
    quote = _by_content(quotes_of("The missiles were launched from Belarus, according to Russian news agency Tass."), "Belarus")
    assert (quote.speaker_name, quote.speaker_role) == ("Tass", "Russian news agency")


def test_the_person_in_apposition_not_the_one_in_a_modifier(quotes_of):
    quote = _by_content(quotes_of(
        'A close ally of Mr. Putin, Chechen leader Ramzan Kadyrov, released a video addressing his fighters, '
        'assuring them that "victory is near."'), "victory")
    assert quote.speaker_name == "Ramzan Kadyrov"


def test_nested_reports_keep_both_sources(quotes_of):
    quotes = quotes_of("The Kremlin has claimed that its forces hit only military targets, CNN reported.")
    inner = next(q for q in quotes if q.speaker_name == "Kremlin")
    assert inner.content.text == "that its forces hit only military targets" and inner.via == ["CNN"]
    outer = next(q for q in quotes if q.id == inner.nested_in)
    assert outer.speaker_name == "CNN"


def test_a_translation_is_not_a_speaker(quotes_of):
    quotes = quotes_of('"We will not leave," the mayor said, according to a Northstar translation.')
    assert [(q.speaker_role, q.via) for q in quotes] == [("mayor", [])]


def test_who_is_not_a_speaker(quotes_of):
    quote = _by_content(quotes_of("Soldiers who said they had fought in Bakhmut described heavy losses."), "fought in Bakhmut")
    # the mention is "who", as PolNeAR marks it; who speaks is the soldiers
    assert quote.speaker.text == "who" and (quote.speaker_name, quote.speaker_role) == (None, "Soldiers")
    quote = _by_content(quotes_of("The strike was condemned by Oleksandr Prokudin, who said the city would rebuild."), "rebuild")
    assert quote.speaker_name == "Oleksandr Prokudin"


def test_did_not_comment_is_no_quote(quotes_of):
    assert quotes_of("Moscow did not comment on the reports.") == []


def test_roles_are_cleaned(quotes_of):
    quotes = quotes_of(
        "The governor, Vitaliy Kim, said 52 people were wounded. Maj. Gen. Ihor Lysak said the bridge held. "
        '"We are ready," said Ms. Olena Shuliak, spokesman, of the party.'
    )
    assert _by_content(quotes, "52 people").speaker_role == "governor"
    assert _by_content(quotes, "bridge held").speaker_role == "Maj. Gen."
    ready = _by_content(quotes, "We are ready")
    assert ready.speaker_name == "Olena Shuliak" and not ready.speaker_role.endswith(",")
    for quote in quotes:
        assert quote.speaker_role is None or quote.speaker_role.strip(" ,.") == quote.speaker_role.rstrip(".")


def test_split_names_and_surnames_are_merged(quotes_of):
    quotes = quotes_of("Grand Imam Mohamed al-Tayeb said the war must end. Al-Tayeb called for talks. "
                       "Maj. Gen. Ihor Lysak said the bridge held. Lysak added that repairs would take a week.")
    assert {q.speaker_name for q in quotes} == {"Mohamed al-Tayeb", "Ihor Lysak"}


def test_a_dateline_is_never_quote_content(quotes_of):
    quote = _by_content(quotes_of("NIKOPOL, Ukraine — The shelling continued overnight, officials said."), "shelling")
    assert quote.content.text.startswith("The shelling")


def test_a_name_the_parse_cuts_is_taken_whole(quotes_of):
    quotes = quotes_of('An RSF spokesman, Mohamed al-Tayeb, denied the accusation. '
                       '"Our forces were not present in that area," Mr. al-Tayeb said.')
    quote = _by_content(quotes, "not present")
    assert quote.speaker.text == "Mr. al-Tayeb" and quote.speaker_name == "Mohamed al-Tayeb"


def test_she_after_an_unnamed_person_takes_the_description(quotes_of):
    quotes = quotes_of(
        "A doctor at the hospital, who asked not to be named, put the toll higher. "
        "\u201cWe have received 14 bodies so far,\u201d she said."
    )
    she = _by_content(quotes, "14 bodies")
    assert (she.speaker.text, she.speaker_name, she.speaker_role) == ("she", None, "doctor at the hospital")
    # a description of the other gender is no antecedent
    he = _by_content(quotes_of("The army spokeswoman was at the scene. \u201cWe lost two men,\u201d he said."), "two men")
    assert (he.speaker_name, he.speaker_role) == (None, "unidentified source")  # no antecedent: unknown, said so


def test_a_request_not_to_be_named_is_no_quote(quotes_of):
    quotes = quotes_of("A doctor, who asked not to be named, said 14 bodies had arrived. An aid worker who requested not to be identified described the scene.")
    assert [q.cue.text for q in quotes if "named" in q.content.text or "identified" in q.content.text] == []
    assert _by_content(quotes, "14 bodies had arrived").speaker_role == "doctor"


def test_an_organisation_named_like_a_person_is_no_antecedent_of_she(quotes_of):
    """'Emergency Response Room' is three capitalised words, but 'Room' is an organisation word:
    'It' goes to it, and 'she' does not."""
    quotes = quotes_of(
        "The Emergency Response Room in Omdurman said the shells fell at 9 a.m. It said 11 people were killed. "
        "\u201cWe have received 14 bodies,\u201d she said."
    )
    assert _by_content(quotes, "11 people").speaker_name.startswith("Emergency Response Room")
    assert _by_content(quotes, "14 bodies").speaker_name is None


def test_it_takes_the_main_clause_subject_not_one_inside_the_report(quotes_of):
    quotes = quotes_of(
        "Russia's Defense Ministry said its forces had hit Ukrainian military equipment in the area. "
        "\u201cReports of a strike on a humanitarian convoy are false,\u201d it said in a statement."
    )
    assert _by_content(quotes, "are false").speaker_name == "Russia's Defense Ministry"


def test_a_mixed_quote_before_its_cue_stops_at_the_cue_at_the_end_of_a_paragraph(quotes_of):
    """The final stop and line break hang from the quoted clause in this parse; they made the
    content run over the speaker and cue to the end of the sentence."""
    quotes = quotes_of("Several attackers were also \u201cneutralized,\u201d the source said, without giving a figure.\nThe army office did not respond.")
    assert [q.content.text for q in quotes] == ["Several attackers were also \u201cneutralized,\u201d"]


def test_a_cue_whose_subject_is_nobody_is_no_quote(quotes_of, nlp):
    assert quotes_of("No group immediately claimed responsibility.") == []
    assert quotes_of("Nobody has commented on the strike.") == []
    # the outlet's own statement that nobody did: a denied claim without a source
    claims = nlp("No group immediately claimed responsibility.")._.claims
    assert [(c.source, c.stance) for c in claims] == [(None, "denied")]
    # a negative inside the content is the content's business
    assert [q.content.text for q in quotes_of("Kyiv said no civilians were hurt.")] == ["no civilians were hurt"]


def test_a_second_complement_opened_by_that_belongs_to_the_same_quote(quotes_of):
    quotes = quotes_of("A government spokesman said on Tuesday he could neither confirm nor deny the death toll, "
                       "but that \u201coperations are continuing to secure the supply routes.\u201d")
    assert len(quotes) == 1 and "operations are continuing" in quotes[0].content.text
    assert quotes[0].content.text.startswith("on Tuesday he could neither confirm")


def test_coordinated_groups_are_both_the_speaker(quotes_of):
    quote = _by_content(quotes_of("Sudan's army and the paramilitary Rapid Support Forces blamed each other for the attack."), "each other")
    assert quote.speaker_name == "Sudan's army and paramilitary Rapid Support Forces"
    quote = _by_content(quotes_of("Russia and Ukraine said the talks would resume."), "talks")
    assert quote.speaker_name == "Russia and Ukraine"
