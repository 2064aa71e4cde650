"""Stance relative to each claim's own source (issue: claims a fact-checker can trust).

The first tests run ``event_stance`` on hand-built parses, so a model update does not move
them; the others run the pipeline on sentences written for them."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from conflictnlp.claims.lexicon import load_lexicon
from conflictnlp.claims.stance import event_stance
from conflictnlp.evaluation import stance as stance_evaluation
from tests.conftest import FIXTURES, assert_offsets
from tests.helpers import make_doc

LEXICON = load_lexicon()


def parse(rows: str) -> Doc:
    """A Doc from rows of "word lemma POS dep head-index" (``tests.helpers.make_doc``)."""
    return make_doc(rows)


def stance_of(doc: Doc, word: str, **kwargs) -> str:
    event = next(t for t in doc if t.text == word)
    return event_stance(event, LEXICON, **kwargs)[0]


def test_a_negative_subject_denies_the_event():
    doc = parse("""
        No no DET det 1
        suspects suspect NOUN nsubjpass 4
        have have AUX aux 4
        been be AUX auxpass 4
        identified identify VERB ROOT 4
    """)
    assert stance_of(doc, "identified") == "denied"
    nobody = parse("""
        Nobody nobody PRON nsubj 1
        hurried hurry VERB ROOT 1
        her she PRON dobj 1
    """)
    assert stance_of(nobody, "hurried") == "denied"


def test_a_negated_future_is_denied_and_a_plain_future_asserted():
    wont = parse("""
        insurers insurer NOUN nsubj 3
        wo will AUX aux 3
        n't not PART neg 3
        cover cover VERB ROOT 3
        it it PRON dobj 3
    """)
    assert stance_of(wont, "cover") == "denied"
    will = parse("""
        Troops troop NOUN nsubj 2
        will will AUX aux 2
        withdraw withdraw VERB ROOT 2
    """)
    assert stance_of(will, "withdraw") == "asserted"


def test_plans_leave_their_complement_unconfirmed_and_failure_denies_it():
    doc = parse("""
        Moscow Moscow PROPN nsubj 1
        plans plan VERB ROOT 1
        to to PART aux 3
        annex annex VERB xcomp 1
        Crimea Crimea PROPN dobj 3
    """)
    assert stance_of(doc, "annex") == "unconfirmed"
    assert stance_of(doc, "plans") == "asserted"
    failed = parse("""
        The the DET det 1
        army army NOUN nsubj 2
        failed fail VERB ROOT 2
        to to PART aux 4
        stop stop VERB xcomp 2
    """)
    assert stance_of(failed, "stop") == "denied"


def test_hedges_come_from_adverbs_modals_and_passive_belief_verbs():
    doc = parse("""
        The the DET det 1
        militants militant NOUN nsubjpass 3
        are be AUX auxpass 3
        believed believe VERB ROOT 3
        to to PART aux 6
        have have AUX aux 6
        fled flee VERB xcomp 3
    """)
    assert stance_of(doc, "fled") == "hedged"
    alleged = parse("""
        Rebels rebel NOUN nsubj 2
        allegedly allegedly ADV advmod 2
        shelled shell VERB ROOT 2
        it it PRON dobj 2
    """)
    assert stance_of(alleged, "shelled") == "hedged"


def test_a_purpose_and_a_condition_are_unconfirmed_a_temporal_clause_presupposed():
    doc = parse("""
        Troops troop NOUN nsubjpass 2
        were be AUX auxpass 2
        sent send VERB ROOT 2
        to to PART aux 4
        restore restore VERB advcl 2
        order order NOUN dobj 4
        after after SCONJ mark 8
        rebels rebel NOUN nsubj 8
        attacked attack VERB advcl 2
        if if SCONJ mark 11
        talks talk NOUN nsubj 11
        fail fail VERB advcl 2
    """)
    assert stance_of(doc, "restore") == "unconfirmed"
    assert stance_of(doc, "attacked") == "asserted"
    assert stance_of(doc, "fail") == "unconfirmed"


def test_the_reporting_cue_qualifies_the_content_it_reports():
    doc = parse("""
        The the DET det 1
        company company NOUN nsubj 2
        denied deny VERB ROOT 2
        anyone anyone PRON nsubjpass 5
        was be AUX auxpass 5
        hurt hurt VERB ccomp 2
    """)
    scope = {3, 4, 5}
    assert stance_of(doc, "hurt", scope=scope, cue=doc[2]) == "denied"
    assert stance_of(doc, "hurt", scope=scope) == "asserted"


# --- the pipeline, on sentences written for these tests -------------------------------------


@pytest.fixture(scope="module")
def claims_of(nlp):
    def run(text: str):
        import conflictnlp

        record = conflictnlp.extract(text, nlp=nlp)
        assert_offsets(record.to_dict())
        return record

    return run


def _one(record, words: str):
    found = [c for c in record.claims if c.text == words or (c.event and c.event.text == words)]
    assert len(found) == 1, (words, [(c.text, c.event and c.event.text) for c in record.claims])
    return found[0]


def test_nested_reports_give_the_innermost_source_and_the_chain(claims_of):
    record = claims_of("France 24 reported that Russia's Defence Ministry said its troops had withdrawn from the town.")
    withdrawn = _one(record, "withdrawn")
    assert withdrawn.source == "Russia's Defence Ministry" and withdrawn.via == ["France 24"]
    inner = next(q for q in record.quotes if q.id == withdrawn.quote_id)
    assert inner.nested_in is not None and inner.via == ["France 24"]
    record = claims_of("CNN reported that the Kremlin had claimed that its forces had achieved their objectives.")
    achieved = _one(record, "achieved")
    assert (achieved.source, achieved.via, achieved.stance) == ("Kremlin", ["CNN"], "asserted")


def test_denial_and_non_commitment(claims_of):
    record = claims_of("The governor said two workers were wounded, but the company denied anyone was hurt.")
    assert _one(record, "hurt").stance == "denied"
    assert _one(record, "wounded").stance == "asserted"
    record = claims_of("Kuleba said he could neither confirm nor deny that Kyiv was behind the strike.")
    assert all(c.stance == "unconfirmed" for c in record.claims)
    assert {c.source for c in record.claims} == {"Kuleba"}
    record = claims_of("Aid workers said they had no information about casualties.")
    assert _one(record, "they had no information about casualties").stance == "unconfirmed"


def test_reporting_acts_are_no_claims(claims_of):
    record = claims_of("Moscow did not comment on the reports.")
    assert record.quotes == [] and record.claims == []
    record = claims_of("Kremlin spokesman Dmitry Peskov spoke with reporters shortly after the attack.")
    assert record.claims == []
    record = claims_of("The ministry declined to comment.")
    assert record.quotes == [] and record.claims == []
    record = claims_of("The Defence Ministry did not respond to a request for comment.")
    assert record.quotes == [] and record.claims == []


def test_discourse_markers_are_no_claims(claims_of):
    record = claims_of('"It was, you know, a terrible night," said Ivan Petrenko, a resident.')
    assert not any(c.text == "you know" for c in record.claims)
    assert all(c.source == "Ivan Petrenko" for c in record.claims)


def test_an_embedded_event_with_another_stance_is_a_claim_of_its_own(claims_of):
    record = claims_of("Moscow plans to annex the occupied regions.")
    plans, annex = _one(record, "plans"), _one(record, "annex")
    assert (plans.stance, annex.stance) == ("asserted", "unconfirmed")
    assert plans.span[0] <= annex.span[0] and annex.span[1] <= plans.span[1]
    # the nested claim comes first, so the first claim holding an event is its own
    assert record.claims.index(annex) < record.claims.index(plans)
    assert [h.text for h in annex.hedges] == ["plans"]


def test_author_text_is_not_put_on_the_subject_of_a_demand_or_an_appearance(claims_of):
    record = claims_of("The UN called on both sides to allow aid convoys into the city.")
    assert {c.source for c in record.claims} == {None}
    assert _one(record, "allow").stance == "unconfirmed"
    record = claims_of("The strike appeared to target the power grid.")
    target = stance_evaluation.claim_of(stance_evaluation.GoldEvent(record.text.index("target"), record.text.index("target") + 6, "target", "hedged"), record.claims)
    assert (target.stance, target.source) == ("hedged", None)


def test_expects_to_hedges_and_a_reported_would_does_not(claims_of):
    record = claims_of("Officials expect the death toll to rise.")
    assert _one(record, "rise").stance == "hedged"
    record = claims_of("The army said it would retaliate against any further attack.")
    assert _one(record, "retaliate").stance == "asserted"


def test_questions_conditions_and_unverified_claims_are_unconfirmed(claims_of):
    assert _one(claims_of("Is Russia preparing a new offensive?"), "preparing").stance == "unconfirmed"
    record = claims_of("If the talks fail, the fighting could resume within days.")
    assert [c.stance for c in record.claims] == ["unconfirmed"]
    assert [h.text for h in record.claims[0].hedges] == ["If"]
    record = claims_of("Local media reported that the bridge had been destroyed, but the claim could not be verified.")
    assert _one(record, "destroyed").stance == "asserted" and _one(record, "destroyed").source == "Local media"
    assert _one(record, "verified").stance == "unconfirmed"


def test_the_written_gold_is_read_right(stance_nlp):
    """The stance gold written for this project (tests/fixtures/stance): its dev part."""
    report = stance_evaluation.run(FIXTURES / "stance" / "stance_conflict.jsonl", nlp=stance_nlp)
    dev = report["splits"]["dev"]
    assert dev["events"] >= 100
    assert dev["scores"]["macro_f1"] >= 0.85
    assert dev["source_accuracy"] >= 0.9
    for label in ("hedged", "denied", "unconfirmed"):
        assert dev["scores"]["per_label"][label]["f1"] >= 0.75, label


def test_credits_and_reciprocals_are_no_claims(claims_of):
    record = claims_of("Sudan's army and the RSF blamed each other for the attack.\n\nMeridian staff in Port Sudan contributed to this report.")
    assert not any("each other" in c.text or "contributed" in c.text for c in record.claims)


def test_a_denied_gerund_is_the_speakers_denial_and_its_time_clause_is_not_denied(claims_of):
    record = claims_of("Russia denies hitting aid convoy as Kupiansk buries its drivers")
    hitting = _one(record, "hitting")
    assert (hitting.stance, hitting.source) == ("denied", "Russia")
    buries = _one(record, "buries")
    assert buries.stance == "asserted"


def test_each_line_of_text_from_html_is_a_paragraph(nlp):
    import conflictnlp

    html = ("<html><body><article><h1>Russia denies hitting aid convoy as Kupiansk buries its drivers</h1>"
            "<p>Moscow says it struck a legitimate military target.</p>"
            "<p>Three volunteer drivers were buried on Wednesday in the town, where residents gathered.</p>"
            "</article></body></html>")
    [record] = list(conflictnlp.extract_many([{"html": html}], nlp=nlp))
    assert record.text and "\n" in record.text
    assert not any("\n" in c.text for c in record.claims)
    moscow = next(q for q in record.quotes if "legitimate" in q.content.text)
    assert moscow.speaker_name == "Moscow"
