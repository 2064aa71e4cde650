"""Issue 24, round 9: a quotation signed by a name the parse took into the quoted clause, and
the start of a sentence a parenthetical cue interrupts before a quotation that carries it on.
Hand-built parses where the rule is the point, ``en_core_web_sm`` sentences of our own for the
whole way through the component."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.quotes.speakers import _appositive_before, _signature_after_quotation, source_of_verb
from tests.helpers import make_doc


@pytest.fixture(scope="module")
def quotes_nlp():
    return conflictnlp.load(enable=["article", "quotes"])


def _signed(words: str) -> str:
    """The speaker of '“ Fuel is gone , ” WORDS said .' with the words hung on the quoted
    clause, as the small model does: the cue verb has no subject."""
    signature = words.split()
    verb = 6 + len(signature)
    rows = [f"“ “ PUNCT punct {verb}", "Fuel fuel NOUN nsubj 2", f"is be AUX ccomp {verb}", "gone go ADJ acomp 2", ", , PUNCT punct 2", "” ” PUNCT punct 2"]
    for word in signature:
        pos = "PUNCT" if word == "," else "ADP" if word in ("of", "for") else "DET" if word in ("a", "the") else "PROPN" if word[0].isupper() else "NOUN"
        rows.append(f"{word} {word.lower()} {pos} attr 2")
    rows += [f"said say VERB ROOT {verb}", f". . PUNCT punct {verb}"]
    mention = source_of_verb(make_doc("\n".join(rows))[verb])
    return mention.text if mention is not None else ""


def test_a_name_signing_a_quotation_is_the_speaker_of_a_cue_without_subject() -> None:
    assert _signed("Amina Yusuf , a spokeswoman for the agency ,") == "Amina Yusuf , a spokeswoman for the agency"
    assert _signed("the commander of the brigade , Petro Hrytsenko ,") == "the commander of the brigade , Petro Hrytsenko"
    assert _signed("Hrytsenko") == "Hrytsenko"


def test_no_signature_across_a_verb_or_without_a_quotation() -> None:
    # '“Fuel is gone,” and the trucks left, said ...': a verb between, no signature
    doc = make_doc(
        """
        “ “ PUNCT punct 5
        Fuel fuel NOUN nsubj 2
        is be AUX ccomp 9
        gone go ADJ acomp 2
        , , PUNCT punct 2
        ” ” PUNCT punct 2
        trucks truck NOUN nsubj 7
        left leave VERB conj 2
        , , PUNCT punct 9
        said say VERB ROOT 9
        . . PUNCT punct 9
        """
    )
    assert _signature_after_quotation(doc[9]) is None
    # 'Fuel is gone, Yusuf, the spokeswoman, said': no quotation closes before the name
    doc = make_doc(
        """
        Fuel fuel NOUN nsubj 1
        is be AUX ccomp 8
        gone go ADJ acomp 1
        , , PUNCT punct 1
        Yusuf Yusuf PROPN attr 1
        , , PUNCT punct 4
        the the DET det 7
        spokeswoman spokeswoman NOUN appos 4
        said say VERB ROOT 8
        . . PUNCT punct 8
        """
    )
    assert _signature_after_quotation(doc[8]) is None
    # a quotation closed by a full stop signs nothing: '“Fuel is gone.” Residents said ...'
    doc = make_doc(
        """
        “ “ PUNCT punct 2
        Fuel fuel NOUN nsubj 2
        gone go VERB ccomp 7
        . . PUNCT punct 2
        ” ” PUNCT punct 2
        Residents resident NOUN attr 2
        later later ADV advmod 7
        said say VERB ROOT 7
        . . PUNCT punct 7
        """
    )
    assert _signature_after_quotation(doc[7]) is None


def _contents(nlp, text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.to_dict()["content"]["spans"]] for q in nlp(text)._.quotes]


def test_a_clause_a_cue_interrupts_is_content_when_the_quotation_carries_it_on(quotes_nlp) -> None:
    text = "If the bridge falls, the governor said, “the whole eastern bank will be cut off from supplies.”"
    assert _contents(quotes_nlp, text) == [["If the bridge falls", "the whole eastern bank will be cut off from supplies."]]
    text = "Because the convoy was late, a UN official added, “families waited in the cold for two days.”"
    assert _contents(quotes_nlp, text) == [["Because the convoy was late", "families waited in the cold for two days."]]


def test_no_lead_in_for_a_phrase_a_capitalised_quotation_or_another_report(quotes_nlp) -> None:
    # a time phrase with no verb is the cue's
    text = "On Monday, the governor said, “we will not leave the city.”"
    assert _contents(quotes_nlp, text) == [["we will not leave the city."]]
    # a quotation opening its own sentence does not carry the one before on
    text = "As the shelling went on, the governor said, “We will not leave the city.”"
    assert _contents(quotes_nlp, text) == [["We will not leave the city."]]
    # a lead-in holding a report of its own stays that report's
    text = "The ministry reported that the convoy was late, the official added, “and families waited for days.”"
    assert ["and families waited for days."] in _contents(quotes_nlp, text)


def _opening_phrase_then(verb: str, tag: str) -> tuple:
    # "In a call on Monday , Petro Hrytsenko , a spokesman in Kyiv , VERB the line held ." with
    # the name hung as an apposition on "Monday" and the cue without a subject (tags: only a
    # finite cue reads an apposition that ends inside its phrase)
    doc = make_doc(
        f"""
        In in ADP prep 14 IN
        a a DET det 2 DT
        call call NOUN pobj 0 NN
        on on ADP prep 2 IN
        Monday Monday PROPN pobj 3 NNP
        , , PUNCT punct 4 ,
        Petro Petro PROPN compound 7 NNP
        Hrytsenko Hrytsenko PROPN appos 4 NNP
        , , PUNCT punct 7 ,
        a a DET det 10 DT
        spokesman spokesman NOUN appos 7 NN
        in in ADP prep 10 IN
        Kyiv Kyiv PROPN pobj 11 NNP
        , , PUNCT punct 14 ,
        {verb} {verb} VERB ROOT 14 {tag}
        the the DET det 16 DT
        line line NOUN nsubj 17 NN
        held hold VERB ccomp 14 VBD
        . . PUNCT punct 14 .
        """
    )
    return doc, doc[14]


def test_a_name_and_its_apposition_hung_on_an_opening_phrase_speak_for_a_finite_cue() -> None:
    doc, verb = _opening_phrase_then("said", "VBD")
    mention = source_of_verb(verb)
    assert mention is not None and mention.text == "Petro Hrytsenko , a spokesman in Kyiv"


def test_no_apposition_of_an_opening_phrase_for_a_participle() -> None:
    # "..., a spokesman in Kyiv, saying ...": the participle's speaker is not read off the
    # apposition's inside
    _, verb = _opening_phrase_then("saying", "VBG")
    assert _appositive_before(verb) is None


def test_a_participle_under_an_adjective_or_adverb_takes_the_verbs_subject() -> None:
    # "The ministry stopped short of calling the strike an attack ."
    doc = make_doc(
        """
        The the DET det 1 DT
        ministry ministry NOUN nsubj 2 NN
        stopped stop VERB ROOT 2 VBD
        short short ADV advmod 2 RB
        of of ADP prep 3 IN
        calling call VERB pcomp 4 VBG
        the the DET det 7 DT
        strike strike NOUN nsubj 9 NN
        an an DET det 9 DT
        attack attack NOUN oprd 5 NN
        . . PUNCT punct 2 .
        """
    )
    mention = source_of_verb(doc[5])
    assert mention is not None and mention.text == "The ministry"


def test_no_speaker_past_the_verb_an_adjective_completes() -> None:
    # "...encourages people to be reluctant in identifying activity": "be" has no subject of its
    # own, and the subject of "encourages" is not the one who identifies
    doc = make_doc(
        """
        Refusal refusal NOUN nsubj 1 NN
        encourages encourage VERB ROOT 1 VBZ
        people people NOUN dobj 1 NNS
        to to PART aux 4 TO
        be be AUX xcomp 1 VB
        reluctant reluctant ADJ acomp 4 JJ
        in in ADP prep 5 IN
        identifying identify VERB pcomp 6 VBG
        activity activity NOUN dobj 7 NN
        . . PUNCT punct 1 .
        """
    )
    assert source_of_verb(doc[7]) is None
