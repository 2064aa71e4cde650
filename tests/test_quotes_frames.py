"""Cue frames mined by (lemma, frame) on PolNeAR train (issue 24 item 3, training/mine_cues.py):
the passive with a "by" agent, lexicon entries of each group the mining added, traps of
conflict news, and the miner's own frame reading. Hand-built parses throughout."""

from __future__ import annotations

from conflictnlp.quotes.attribution import _cue_lemma_of_title_word
from conflictnlp.quotes.cues import load_cues
from conflictnlp.training.mine_cues import (
    FrameCounts,
    Mined,
    best_threshold,
    frame_complements,
    gold_frame,
    lexicon_entry,
    listed,
)
from tests.helpers import attributions, make_doc


def test_a_passive_with_an_agent_reports_its_subject_for_the_agent() -> None:
    # "The attack was claimed by Islamic State ."
    doc = make_doc(
        """
        The the DET det 1
        attack attack NOUN nsubjpass 3
        was be AUX auxpass 3
        claimed claim VERB ROOT 3
        by by ADP agent 3
        Islamic Islamic PROPN compound 6
        State State PROPN pobj 4
        . . PUNCT punct 3
        """
    )
    assert attributions(doc) == [("was claimed", ["The attack"], "Islamic State")]


def test_a_passive_relative_clause_reports_what_the_pronoun_stands_for() -> None:
    # "Police cited the attacks in Paris , which were denounced by the group ."
    doc = make_doc(
        """
        Police police NOUN nsubj 1 NNS
        cited cite VERB ROOT 1 VBD
        the the DET det 3 DT
        attacks attack NOUN dobj 1 NNS
        in in ADP prep 3 IN
        Paris Paris PROPN pobj 4 NNP
        , , PUNCT punct 3 ,
        which which PRON nsubjpass 9 WDT
        were be AUX auxpass 9 VBD
        denounced denounce VERB relcl 3 VBN
        by by ADP agent 9 IN
        the the DET det 12 DT
        group group NOUN pobj 10 NN
        . . PUNCT punct 1 .
        """
    )
    found = attributions(doc)
    assert ("were denounced", ["the attacks in Paris"], "the group") in found


def test_no_passive_report_without_an_agent_or_for_an_aim_verb() -> None:
    # "The assault was supported by artillery ." ("support" names an aim: no words);
    # "The plan was derided ." (nobody named)
    supported = make_doc(
        """
        The the DET det 1
        assault assault NOUN nsubjpass 3
        was be AUX auxpass 3
        supported support VERB ROOT 3
        by by ADP agent 3
        artillery artillery NOUN pobj 4
        . . PUNCT punct 3
        """
    )
    agentless = make_doc(
        """
        The the DET det 1
        plan plan NOUN nsubjpass 3
        was be AUX auxpass 3
        derided deride VERB ROOT 3
        . . PUNCT punct 3
        """
    )
    assert attributions(supported) == []
    assert attributions(agentless) == []


def test_mined_clause_object_and_infinitive_entries() -> None:
    # "Analysts doubted that the truce would hold ." (clause: doubt 4/4 on train)
    doubted = make_doc(
        """
        Analysts analyst NOUN nsubj 1
        doubted doubt VERB ROOT 1
        that that SCONJ mark 6
        the the DET det 4
        truce truce NOUN nsubj 6
        would would AUX aux 6
        hold hold VERB ccomp 1
        . . PUNCT punct 1
        """
    )
    # "The minister derided the plan ." (object: deride 3/3)
    derided = make_doc(
        """
        The the DET det 1
        minister minister NOUN nsubj 2
        derided deride VERB ROOT 2
        the the DET det 4
        plan plan NOUN dobj 2
        . . PUNCT punct 2
        """
    )
    # "The group claimed to have downed a drone ." (infinitive: claim 4/4)
    claimed = make_doc(
        """
        The the DET det 1
        group group NOUN nsubj 2
        claimed claim VERB ROOT 2
        to to PART aux 5
        have have AUX aux 5
        downed down VERB xcomp 2
        a a DET det 7
        drone drone NOUN dobj 5
        . . PUNCT punct 2
        """
    )
    assert attributions(doubted) == [("doubted", ["that the truce would hold"], "Analysts")]
    assert attributions(derided) == [("derided", ["the plan"], "The minister")]
    assert attributions(claimed) == [("claimed", ["to have downed a drone"], "The group")]


def test_mined_phrasal_noun_and_adjective_entries() -> None:
    # "The party campaigned against the deal ." (campaign against 4/7)
    campaigned = make_doc(
        """
        The the DET det 1
        party party NOUN nsubj 2
        campaigned campaign VERB ROOT 2
        against against ADP prep 2
        the the DET det 5
        deal deal NOUN pobj 3
        . . PUNCT punct 2
        """
    )
    # "Kyiv rejected Moscow 's accusation of sabotage ." (noun with "of": accusation 3/6)
    accusation = make_doc(
        """
        Kyiv Kyiv PROPN nsubj 1
        rejected reject VERB ROOT 1
        Moscow Moscow PROPN poss 4
        's 's PART case 2
        accusation accusation NOUN dobj 1
        of of ADP prep 4
        sabotage sabotage NOUN pobj 5
        . . PUNCT punct 1
        """
    )
    # "Officials were wary of the offer ." (adjective: wary 2/3)
    wary = make_doc(
        """
        Officials official NOUN nsubj 1
        were be AUX ROOT 1
        wary wary ADJ acomp 1
        of of ADP prep 2
        the the DET det 5
        offer offer NOUN pobj 3
        . . PUNCT punct 1
        """
    )
    assert attributions(campaigned) == [("campaigned against", ["the deal"], "The party")]
    assert ("accusation", ["sabotage"], "Moscow 's") in attributions(accusation)
    assert attributions(wary) == [("were wary of", ["the offer"], "Officials")]


def test_verbal_attacks_that_are_fire_in_conflict_news_stay_out() -> None:
    # "Troops traded fire with rebels ." / "Artillery blasted the town .": mined on political
    # news (trade 3/6, blast 10/23) but left out of the lexicon
    traded = make_doc(
        """
        Troops troop NOUN nsubj 1
        traded trade VERB ROOT 1
        fire fire NOUN dobj 1
        with with ADP prep 1
        rebels rebel NOUN pobj 3
        . . PUNCT punct 1
        """
    )
    blasted = make_doc(
        """
        Artillery artillery NOUN nsubj 1
        blasted blast VERB ROOT 1
        the the DET det 3
        town town NOUN dobj 1
        . . PUNCT punct 1
        """
    )
    assert attributions(traded) == []
    assert attributions(blasted) == []


def test_the_miner_reads_frames_and_their_lexicon_groups() -> None:
    doc = make_doc(
        """
        The the DET det 1
        minister minister NOUN nsubj 2
        derided deride VERB ROOT 2
        the the DET det 4
        plan plan NOUN dobj 2
        about about ADP prep 2
        Kyiv Kyiv PROPN pobj 5
        . . PUNCT punct 2
        """
    )
    verb = doc[2]
    frames = frame_complements(verb)
    assert set(frames) == {"dobj", "prep:about"}
    plan = frozenset(range(doc[3].idx, doc[4].idx + len(doc[4])))
    plan_without_space = frozenset(i for i in plan if doc.text[i] != " ")
    assert gold_frame(verb, plan_without_space) == "dobj"
    assert gold_frame(verb, frozenset(range(doc[6].idx, doc[6].idx + 4))) == "prep:about"
    assert gold_frame(verb, frozenset(range(doc[0].idx, doc[1].idx + 8))) == "other"
    assert lexicon_entry("deride", "VERB", "dobj") == ("object", "deride")
    assert lexicon_entry("campaign", "VERB", "prep:against") == ("phrasal_verbs", "campaign against")
    assert lexicon_entry("accusation", "NOUN", "prep:at") is None
    lexicon = load_cues()
    assert listed(lexicon, "deride", "VERB", "dobj")
    assert not listed(lexicon, "deride", "VERB", "xcomp")
    assert listed(lexicon, "claim", "VERB", "passive") and not listed(lexicon, "support", "VERB", "passive")


def test_the_threshold_keeps_frames_above_the_break_even_only() -> None:
    # 60 cues found of 100 gold, 80 predicted: F1 0.667; a frame right 9 times in 10 helps,
    # one right 1 time in 10 does not
    mined = Mined(gold_cues=100, found_cues=60, predicted_cues=80)
    good, bad = FrameCounts(occurrences=10, gold=9), FrameCounts(occurrences=10, gold=1)
    threshold, before, after = best_threshold(mined, [(("a", "VERB", "dobj"), good), (("b", "VERB", "dobj"), bad)])
    assert 0.1 < threshold <= 0.9
    assert after > before


def test_headline_plurals_of_mined_verbs_are_no_title_cues() -> None:
    # "Obama Power Plant Rules Face Key Test": "rule" is a clause verb now, "Rules" a noun here
    lexicon = load_cues()
    assert _cue_lemma_of_title_word("Rules", lexicon) is None
    assert _cue_lemma_of_title_word("Talks", lexicon) is None
    assert _cue_lemma_of_title_word("Proposes", lexicon) == "propose"
    assert _cue_lemma_of_title_word("Derides", lexicon) == "deride"
