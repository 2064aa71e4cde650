"""A word the parser hangs on the sentence's root as punctuation ("at 10 a.m.") stays with the
clause it ends, in a quote's content and in a claim (hand-built parse, as en_core_web_sm gives it)."""

from __future__ import annotations

from tests.helpers import attributions, make_doc


def _reported_at_ten():
    # "The Mail reported that the strike happened at 10 a.m."; "a.m." hangs on "reported"
    return make_doc(
        """
        The the DET det 1 DT
        Mail Mail PROPN nsubj 2 NNP
        reported report VERB ROOT 2 VBD
        that that SCONJ mark 5 IN
        the the DET det 5 DT
        strike strike NOUN nsubj 6 NN
        happened happen VERB ccomp 2 VBD
        at at ADP prep 6 IN
        10 10 NUM pobj 7 CD
        a.m. a.m. NOUN punct 2 NN
        """
    )


def test_the_quote_content_keeps_the_word_the_parser_made_punctuation():
    found = attributions(_reported_at_ten())
    assert ("reported", ["that the strike happened at 10 a.m."], "The Mail") in found


def test_the_claim_keeps_it_too(nlp):
    # the whole pipeline, where the quote splits the claim off its reporting clause
    text = "The Daily Mail reported that the strike happened on Sunday at 10 a.m. The depot lies 30 km away."
    doc = nlp(text)
    assert "the strike happened on Sunday at 10 a.m." in [c.text for c in doc._.claims]
    assert [q.content.text for q in doc._.quotes] == ["that the strike happened on Sunday at 10 a.m."]

