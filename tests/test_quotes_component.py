"""The conflict_quotes component on invented news sentences."""

from __future__ import annotations

import pytest

import conflictnlp
from tests.conftest import assert_offsets


def run(nlp, text: str) -> dict:
    record = conflictnlp.extract(text, nlp=nlp).to_dict()
    assert_offsets(record)
    return record


def only(record: dict, fragment: str) -> dict:
    found = [q for q in record["quotes"] if fragment in q["content"]["text"]]
    assert len(found) == 1, (fragment, record["quotes"])
    return found[0]


def test_direct_quote_with_speaker_after(quotes_nlp) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Friday.\n\n"
        "\"This does not create comfortable conditions for the talks,\" Peskov said."
    )
    quote = only(run(quotes_nlp, text), "comfortable conditions")
    assert quote["type"] == "direct"
    assert quote["content"]["text"] == "This does not create comfortable conditions for the talks,"
    assert quote["cue"]["text"] == "said"
    assert quote["speaker"]["text"] == "Peskov"
    assert quote["speaker_name"] == "Dmitry Peskov"
    assert quote["speaker_role"] == "Kremlin spokesman"
    assert 0.5 < quote["confidence"] <= 1


def test_surname_before_full_name_still_resolves(quotes_nlp) -> None:
    text = (
        "“The strike hit a civilian depot,” Konashenkov said.\n\n"
        "Defense Ministry spokesman Igor Konashenkov said two helicopters had crossed the border."
    )
    record = run(quotes_nlp, text)
    assert {q["speaker_name"] for q in record["quotes"]} == {"Igor Konashenkov"}


def test_split_quote_has_two_pieces(quotes_nlp) -> None:
    text = (
        "“The city has become a symbol of resistance,” Fesenko said, “and without it, "
        "the Kremlin cannot claim any victory.”"
    )
    quote = only(run(quotes_nlp, text), "symbol of resistance")
    assert quote["type"] == "direct"
    assert len(quote["content"]["spans"]) == 2
    assert quote["content"]["text"].endswith("cannot claim any victory.")


def test_said_before_the_speaker_with_appositive_role(quotes_nlp) -> None:
    text = "“There is reason to believe the offensive has stalled,” said Olena Marchenko, a spokeswoman for the regional administration."
    quote = only(run(quotes_nlp, text), "offensive has stalled")
    assert quote["speaker_name"] == "Olena Marchenko"
    assert quote["speaker_role"] == "a spokeswoman for the regional administration"


def test_pronoun_speaker_resolves_to_the_last_person(quotes_nlp) -> None:
    text = (
        "“We see no real desire to let residents leave,” Petro Andryushchenko, an adviser to the mayor "
        "of Mariupol, wrote on the Telegram messaging app.\n"
        "He said the troops “are not allowing any humanitarian cargo into the city.”"
    )
    record = run(quotes_nlp, text)
    first = only(record, "no real desire")
    assert first["speaker_name"] == "Petro Andryushchenko"
    assert first["speaker_role"] == "an adviser to the mayor of Mariupol"
    assert first["cue"]["text"] == "wrote"
    second = only(record, "humanitarian cargo")
    assert second["type"] == "mixed"
    assert second["speaker"]["text"] == "He"
    assert second["speaker_name"] == "Petro Andryushchenko"
    assert second["confidence"] < first["confidence"]


def test_she_skips_a_man(quotes_nlp) -> None:
    text = (
        "Mr. Kovalenko said the shelters were full. Maria Hrytsenko, a nurse, said the hospital had no power.\n\n"
        "“We operate by torchlight,” she said."
    )
    quote = only(run(quotes_nlp, text), "torchlight")
    assert quote["speaker_name"] == "Maria Hrytsenko"


def test_indirect_speech_with_said_that_and_told(quotes_nlp) -> None:
    text = (
        "The governor said that two workers were injured in the blast. "
        "Officials told reporters the fire had been contained by the evening."
    )
    record = run(quotes_nlp, text)
    injured = only(record, "two workers were injured")
    assert injured["type"] == "indirect"
    assert injured["cue"]["text"] == "said"
    assert injured["speaker"]["text"] == "The governor"
    assert injured["speaker_name"] is None and injured["speaker_role"] == "governor"
    contained = only(record, "fire had been contained")
    assert contained["cue"]["text"] == "told"
    assert contained["speaker"]["text"] == "Officials"


def test_according_to(quotes_nlp) -> None:
    text = "According to regional governor Vyacheslav Gladkov, two helicopters struck the fuel depot at dawn."
    quote = only(run(quotes_nlp, text), "two helicopters struck")
    assert quote["cue"]["text"] == "According to"
    assert quote["speaker_name"] == "Vyacheslav Gladkov"
    assert quote["speaker_role"] == "regional governor"
    assert quote["type"] == "indirect"


def test_organisations_and_metonyms_are_speakers(quotes_nlp) -> None:
    text = (
        "The Kremlin said the talks would continue by video.\n\n"
        "Kyiv denied that its aircraft had crossed the border."
    )
    record = run(quotes_nlp, text)
    assert only(record, "talks would continue")["speaker_name"] == "Kremlin"
    assert only(record, "aircraft had crossed")["speaker_name"] == "Kyiv"


def test_colon_lead_in(quotes_nlp) -> None:
    text = "The council secretary said on television: “They say we did it, but this does not correspond with reality.”"
    quote = only(run(quotes_nlp, text), "correspond with reality")
    assert quote["type"] == "direct"
    assert quote["speaker"]["text"] == "The council secretary"


def test_scare_quotes_are_not_speech(quotes_nlp) -> None:
    text = (
        "Moscow launched its “special military operation” on Feb. 24. "
        "The so-called “humanitarian corridors” stayed closed all week."
    )
    assert run(quotes_nlp, text)["quotes"] == []


def test_floating_quote_inherits_the_speaker(quotes_nlp) -> None:
    text = (
        "“I don’t think this is over,” Andriy Melnyk said.\n\n"
        "Residents were still clearing the rubble on Saturday.\n\n"
        "“They will be back, and next time they will bring more artillery.”"
    )
    record = run(quotes_nlp, text)
    floating = only(record, "bring more artillery")
    assert floating["type"] == "direct"
    assert floating["cue"] is None and floating["speaker"] is None
    assert floating["speaker_name"] == "Andriy Melnyk"
    assert floating["confidence"] < only(record, "this is over")["confidence"]


def test_multi_paragraph_quote(quotes_nlp) -> None:
    text = (
        "The commander described the night of the attack.\n\n"
        "“The first shells hit the school at dawn, and the roof collapsed within minutes.\n\n"
        "“By noon we had moved every child into the basement,” Colonel Serhiy Bondar said."
    )
    quote = only(run(quotes_nlp, text), "first shells")
    assert len(quote["content"]["spans"]) == 2
    assert quote["speaker_name"] == "Serhiy Bondar"


def test_quote_ids_in_text_order_and_span_groups(quotes_nlp) -> None:
    text = (
        "The mayor said the water supply was cut. “We have no heating,” a resident said. "
        "Officials warned that more strikes were likely."
    )
    doc = quotes_nlp(text)
    quotes = doc._.quotes
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    starts = [q.content.spans[0][0] for q in quotes]
    assert starts == sorted(starts) and len(quotes) == 3
    assert {span.text for span in doc.spans["conflict_quotes"]} == {text[s:e] for q in quotes for s, e in q.content.spans}
    assert {span.text for span in doc.spans["conflict_quote_cues"]} == {"said", "warned"}


def test_nothing_outside_the_body(quotes_nlp) -> None:
    text = (
        "Ukraine says it retook villages near Kyiv\n\n"
        "The Ukrainian military said it had retaken 29 settlements in the Kyiv and Chernihiv regions.\n\n"
        "© Copyright 2022 The Associated Press. All rights reserved.\n"
        "Bronco\n"
        "I think Kyiv will never say what really happened there.\n"
        "tooheysnew\n"
        "Regardless, no one believes anything claimed by Russia"
    )
    record = run(quotes_nlp, text)
    lo, hi = record["body"]
    assert hi < text.index("Bronco")
    assert any("29 settlements" in q["content"]["text"] for q in record["quotes"])
    for quote in record["quotes"]:
        assert all(lo <= s and e <= hi for s, e in quote["content"]["spans"])


def test_comma_lead_in_takes_the_quotation(quotes_nlp) -> None:
    text = "Asked about the convoy, the minister said, “Not one truck has reached the city since Monday.”"
    quote = only(run(quotes_nlp, text), "Not one truck")
    assert quote["type"] == "direct"
    assert quote["content"]["text"] == "Not one truck has reached the city since Monday."


def test_quotation_signed_with_a_dash(quotes_nlp) -> None:
    text = (
        "Readers wrote in after the first week of the siege.\n"
        "“We sleep in the corridor and count the explosions every night.” ― Iryna Bondarenko\n"
    )
    quote = only(run(quotes_nlp, text), "count the explosions")
    assert quote["speaker"]["text"] == "Iryna Bondarenko"
    assert quote["cue"]["text"] == "―"


def test_cue_spans_keep_auxiliaries_days_and_phrasal_prepositions(quotes_nlp) -> None:
    text = (
        "The defence ministry has also denied that its jets struck the market. "
        "The prosecutor said Monday that the investigation would take months. "
        "Relief agencies called for an immediate pause in the shelling."
    )
    cues = {q["cue"]["text"] for q in run(quotes_nlp, text)["quotes"]}
    assert {"has also denied", "said Monday", "called for"} <= cues


def test_statement_issued_with_a_participle_is_one_cue_with_the_issuer_as_speaker(quotes_nlp) -> None:
    text = (
        "The regional governor issued a statement saying that two workers were wounded. "
        "The mayor wrote a letter urging residents to leave the city."
    )
    quotes = run(quotes_nlp, text)["quotes"]
    issued = only({"quotes": quotes}, "two workers were wounded")
    assert issued["cue"]["text"] == "issued a statement saying"
    assert issued["speaker"]["text"] == "The regional governor"
    urged = [q for q in quotes if "leave the city" in q["content"]["text"]]
    assert [q["cue"]["text"] for q in urged] == ["wrote a letter urging"]
    assert text[slice(*urged[0]["cue"]["span"])] == "wrote a letter urging"


def test_question_to_the_reader_is_not_a_quote(quotes_nlp) -> None:
    text = "Do you support the ceasefire? Like the page. Officials said the ceasefire was holding."
    quotes = run(quotes_nlp, text)["quotes"]
    assert [q["cue"]["text"] for q in quotes] == ["said"]


def test_cue_span_takes_a_manner_adverb_right_before_the_verb(quotes_nlp) -> None:
    text = (
        "The governor flatly denied that the depot had been hit. "
        "Residents said when the sirens stopped that the shelling was over."
    )
    cues = {q["cue"]["text"] for q in run(quotes_nlp, text)["quotes"]}
    assert "flatly denied" in cues
    assert "when" not in " ".join(cues)


def test_subject_inside_the_quotation_is_not_the_speaker(quotes_nlp) -> None:
    text = "“We will rebuild every house in this village,” district chief Oleh Sydorenko said on Sunday."
    quote = only(run(quotes_nlp, text), "rebuild every house")
    assert quote["speaker_name"] == "Oleh Sydorenko"


def test_transcript_speaker_labels(quotes_nlp) -> None:
    text = (
        "Part of the interview follows.\n\n"
        "HOST: Will the convoys reach the city this week?\n\n"
        "KOVAL: We hope so, but the road is still under fire every night.\n"
    )
    quote = only(run(quotes_nlp, text), "road is still under fire")
    assert quote["speaker"]["text"] == "KOVAL" and quote["cue"]["text"] == ":"


def test_cue_takes_in_a_statement_and_object_verbs_from_train_statistics(quotes_nlp) -> None:
    text = (
        "The regional governor said in a statement that the water supply had been restored. "
        "The mayor listed the districts still without power."
    )
    record = run(quotes_nlp, text)
    statement = only(record, "water supply had been restored")
    assert statement["cue"]["text"] == "said in a statement"
    assert statement["speaker"]["text"] == "The regional governor"
    listed = only(record, "districts still without power")
    assert listed["cue"]["text"] == "listed" and listed["speaker"]["text"] == "The mayor"


def test_phrasal_cue_outside_the_verb_lists(quotes_nlp) -> None:
    text = "The commander referred to the shelling of the bridge near Kherson."
    quote = only(run(quotes_nlp, text), "shelling of the bridge")
    assert quote["cue"]["text"] == "referred to"
    assert quote["speaker"]["text"] == "The commander"


def test_went_on_to_say_is_one_cue_with_the_subject_of_went(quotes_nlp) -> None:
    text = "Talks resumed on Monday.\n\nThe minister went on to say that the corridor would stay open."
    quote = only(run(quotes_nlp, text), "corridor would stay open")
    assert quote["cue"]["text"] == "went on to say"
    assert quote["speaker"]["text"] == "The minister"


def test_cue_nouns_with_a_that_clause_or_an_object(quotes_nlp) -> None:
    text = (
        "Talks resumed.\n\n"
        "The governor's claim that the dam was intact drew scorn. "
        "Her criticism of the blockade was sharp."
    )
    record = run(quotes_nlp, text)
    claim = only(record, "the dam was intact")
    # the mention keeps the possessive, as PolNeAR draws a cue noun's source; the role does not
    assert claim["cue"]["text"] == "claim" and claim["speaker"]["text"] == "The governor's"
    assert claim["speaker_role"] == "governor"
    assert only(record, "the blockade")["cue"]["text"] == "criticism"


def test_passive_expectation_takes_the_subject_into_the_content(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe convoy is expected to reach Mariupol on Friday."
    quote = only(run(quotes_nlp, text), "reach Mariupol")
    assert quote["cue"]["text"] == "is expected"
    assert quote["content"]["text"] == "The convoy to reach Mariupol on Friday"
    assert quote["speaker"] is None


def test_sentence_opened_by_a_poll_names_the_source(quotes_nlp) -> None:
    text = (
        "Talks resumed.\n\n"
        "In a Kyiv International Institute of Sociology poll released Monday, "
        "70 percent of Ukrainians rejected any territorial concessions."
    )
    quote = only(run(quotes_nlp, text), "70 percent of Ukrainians rejected")
    assert quote["cue"]["text"] == "In"
    assert quote["speaker"]["text"] == "a Kyiv International Institute of Sociology poll released Monday"


def test_object_verbs_down_to_the_break_even(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe prosecutor named three commanders responsible for the strike on the station."
    quote = only(run(quotes_nlp, text), "three commanders")
    assert quote["cue"]["text"] == "named" and quote["speaker"]["text"] == "The prosecutor"


def test_strikes_and_wh_subjects_are_not_speech(quotes_nlp):
    text = (
        "Two helicopter gunships attacked the fuel depot before dawn. "
        "Video footage showed what appeared to be several missiles being fired at low altitude."
    )
    quotes = quotes_nlp(text)._.quotes
    assert not any(q.cue and q.cue.text == "attacked" for q in quotes)
    assert not any(q.speaker and q.speaker.text.lower() == "what" for q in quotes)


def test_indirect_content_keeps_its_complementiser(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe mayor said that the bridge over the river had been repaired overnight."
    quote = only(run(quotes_nlp, text), "bridge over the river")
    assert quote["content"]["text"] == "that the bridge over the river had been repaired overnight"


def test_according_to_takes_the_whole_sentence(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe ferry left port at dawn, while the bridge stayed closed, according to the harbour master."
    quote = only(run(quotes_nlp, text), "bridge stayed closed")
    assert quote["content"]["text"].startswith("The ferry left port at dawn")
    assert quote["cue"]["text"] == "according to"


def test_adjective_cues_after_be(quotes_nlp) -> None:
    text = (
        "Talks resumed.\n\n"
        "The governor was critical of the new curfew in the port city. "
        "The farmers are eager to sell their grain before the winter."
    )
    record = run(quotes_nlp, text)
    critical = only(record, "the new curfew")
    assert critical["cue"]["text"] == "was critical of"
    assert critical["speaker"]["text"] == "The governor"
    eager = only(record, "sell their grain")
    assert eager["cue"]["text"] == "are eager"
    assert eager["content"]["text"] == "to sell their grain before the winter"


def test_cue_verb_inside_a_reported_clause_is_not_a_quote_of_its_own(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe mayor said the farmers wanted to sell their grain before the winter."
    record = run(quotes_nlp, text)
    assert [q["cue"]["text"] for q in record["quotes"]] == ["said"]


def test_released_and_issued_objects_are_not_quotes(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe ministry released new footage of the convoy and issued fresh passes to the drivers."
    record = run(quotes_nlp, text)
    assert not any(q["cue"] and q["cue"]["text"] in ("released", "issued") for q in record["quotes"])


def test_adverb_before_the_cue_verb_joins_the_cue(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe minister recently said that the grain corridor would stay open."
    quote = only(run(quotes_nlp, text), "grain corridor")
    assert quote["cue"]["text"] == "recently said"


def test_talk_about_is_a_phrasal_cue(quotes_nlp) -> None:
    text = "Talks resumed.\n\nThe governor talked about the shortage of fuel in the eastern villages."
    quote = only(run(quotes_nlp, text), "shortage of fuel")
    assert quote["cue"]["text"] == "talked about"


@pytest.mark.parametrize(
    "text, speaker, name, role",
    [
        (
            "A resident who gave her name only as Lila said she helped bury them on March 5.",
            "A resident who gave her name only as Lila", "Lila", "resident",
        ),
        (
            "An Irpin resident who gave his name only as Andriy said the Russians left on Tuesday.",
            "An Irpin resident who gave his name only as Andriy", "Andriy", "Irpin resident",
        ),
        (
            "A soldier who asked to be identified only by his first name, Oleksandr, said the shelling stopped at dawn.",
            "A soldier who asked to be identified only by his first name, Oleksandr", "Oleksandr", "soldier",
        ),
        (
            "A woman who would only give her first name, Olena, said the shelter had no water.",
            "A woman who would only give her first name, Olena", "Olena", "woman",
        ),
    ],
)
def test_speaker_named_in_a_relative_clause(quotes_nlp, text: str, speaker: str, name: str, role: str) -> None:
    record = run(quotes_nlp, text)
    # the clause's own verb ("asked to be identified ...") is no cue
    assert len(record["quotes"]) == 1, record["quotes"]
    quote = record["quotes"][0]
    assert quote["cue"]["text"] == "said"
    assert quote["speaker"]["text"] == speaker
    assert (quote["speaker_name"], quote["speaker_role"]) == (name, role)


def test_person_named_in_a_clause_keeps_the_role_and_takes_pronouns(quotes_nlp) -> None:
    text = (
        "An Irpin resident who gave his name only as Andriy said the Russians packed up and left on Tuesday.\n"
        "“I don’t think this is over,” Andriy said. “They will be back,” he said."
    )
    record = run(quotes_nlp, text)
    later = [q for q in record["quotes"] if q["type"] == "direct"]
    assert later and {(q["speaker_name"], q["speaker_role"]) for q in later} == {("Andriy", "Irpin resident")}


@pytest.mark.parametrize(
    "headline, first, second",
    [
        (
            "Moscow says Ukrainian airstrike hit Russian city, warns attack affects peace talks",
            ("Moscow", "says", "Ukrainian airstrike hit Russian city"),
            ("Moscow", "warns", "attack affects peace talks"),
        ),
        (
            "Pentagon says strike killed militant leader, denies civilians were hurt",
            ("Pentagon", "says", "strike killed militant leader"),
            ("Pentagon", "denies", "civilians were hurt"),
        ),
        (
            "Governor says two workers were wounded, adds fire is under control",
            ("Governor", "says", "two workers were wounded"),
            ("Governor", "adds", "fire is under control"),
        ),
    ],
)
def test_headline_with_two_cue_verbs_after_a_comma_shares_the_speaker(quotes_nlp, headline: str, first, second) -> None:
    record = run(quotes_nlp, headline + "\n\nThe statement came on Friday.")
    found = {(q["speaker"]["text"] if q["speaker"] else None, q["cue"]["text"], q["content"]["text"]) for q in record["quotes"]}
    assert found == {first, second}


def test_cue_verb_coordinated_with_a_passive_takes_its_subject(quotes_nlp) -> None:
    text = "Putin had been briefed about the strike and warned it could jeopardize the ongoing peace negotiations."
    (warned,) = [q for q in run(quotes_nlp, text)["quotes"] if q["cue"]["text"] == "warned"]
    assert warned["content"]["text"] == "it could jeopardize the ongoing peace negotiations"
    assert warned["speaker"]["text"] == "Putin"
    text = "The statement was issued on Monday and said the border crossing would stay closed."
    (said,) = [q for q in run(quotes_nlp, text)["quotes"] if q["cue"]["text"] == "said"]
    assert said["speaker"]["text"] == "The statement"


def test_a_second_said_misparsed_inside_the_first_statement_stays_with_its_speaker(quotes_nlp) -> None:
    # the small model hangs the second "said" on "was made": neither "the move" nor Bratton speaks
    text = "De Blasio said the move was made by NYPD commissioner Bill Bratton and said, “Who are you going to trust on security?”"
    quotes = run(quotes_nlp, text)["quotes"]
    (quote,) = [q for q in quotes if "Who are you going to trust" in q["content"]["text"]]
    assert quote["speaker"]["text"] == "De Blasio"


def test_markup_left_in_the_text_gives_no_cue_and_no_quote_of_its_own(quotes_nlp) -> None:
    text = (
        "Candidates offered their thoughts after the shooting:\n\n"
        '<tweet pic="" author="JebBush" timestamp="1449075600" tweet_id="672153025243426816">Praying for the victims</tweet>\n\n'
        "“We will rebuild,” the mayor said."
    )
    quotes = run(quotes_nlp, text)["quotes"]
    assert [(q["cue"]["text"] if q["cue"] else None, q["content"]["text"]) for q in quotes] == [
        ("offered", "their thoughts after the shooting"),
        ("said", "We will rebuild,"),
    ]


def test_a_subject_phrase_stops_at_its_verb(quotes_nlp) -> None:
    # the small model hangs "— Moscow's chief demand —" on "Ukraine", across "said"
    text = (
        "At a round of talks earlier in the week, Ukraine said it would be willing to abandon a bid to join NATO "
        "and declare itself neutral — Moscow’s chief demand — in return for security guarantees."
    )
    (said,) = [q for q in run(quotes_nlp, text)["quotes"] if q["cue"]["text"] == "said"]
    assert said["speaker"]["text"] == "Ukraine"
    assert said["content"]["text"].startswith("it would be willing to abandon a bid to join NATO")


def test_a_cue_with_no_speaker_inside_another_quote_is_part_of_it(quotes_nlp) -> None:
    text = "Ukraine said it would be willing to abandon a bid to join NATO and declare itself neutral."
    quotes = run(quotes_nlp, text)["quotes"]
    assert [q["cue"]["text"] for q in quotes] == ["said"]


def test_an_infinitive_cue_nobody_speaks_is_not_a_quote(quotes_nlp) -> None:
    assert run(quotes_nlp, "It is too soon to say whether the ceasefire will hold.")["quotes"] == []


def test_a_participle_after_a_preposition_takes_the_subject_of_the_clause(quotes_nlp) -> None:
    text = "Russia pulled some of its forces back from Kyiv after saying it would reduce military activity there."
    (quote,) = run(quotes_nlp, text)["quotes"]
    assert (quote["cue"]["text"], quote["speaker"]["text"], quote["content"]["text"]) == (
        "saying", "Russia", "it would reduce military activity there"
    )


def test_a_cue_with_a_borrowed_subject_inside_another_quote_is_part_of_it(quotes_nlp) -> None:
    text = "Officials said Russia had pulled back its forces after announcing it would reduce military activity near Kyiv."
    quotes = run(quotes_nlp, text)["quotes"]
    assert [(q["cue"]["text"], q["speaker"]["text"]) for q in quotes] == [("said", "Officials")]


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Mali: Soldiers killed in ambush near Gao", None),
        ("Goma: M23 Rebels Enter City Centre", None),
        ("UN: Ceasefire talks in Doha have collapsed", "UN"),
    ],
)
def test_a_place_before_a_headline_colon_is_no_speaker(nlp, headline, speaker) -> None:
    quotes = run(nlp, headline)["quotes"]
    assert [q["speaker"]["text"] for q in quotes if q["speaker"]] == ([speaker] if speaker else [])
    if speaker is None:
        assert quotes == []
