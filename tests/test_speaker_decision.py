"""One speaker decision: the rules propose candidates, ``speakers.decide_speaker`` picks one
and records the rule that decided (hand-built docs, so no model update moves these)."""

from __future__ import annotations

import logging

import pytest
from spacy.tokens import Doc, Span

from conflictnlp.quotes.attribution import Attribution
from conflictnlp.quotes.speakers import SpeakerCandidate, SpeakerContext, decide_speaker, names_a_place
from tests.helpers import BLANK_VOCAB


@pytest.fixture(scope="module")
def doc() -> Doc:
    # "Peskov said talks stalled ." / "Zakharova agreed ." on two lines
    words = ["Peskov", "said", "talks", "stalled", ".", "\n", "Zakharova", "agreed", "."]
    spaces = [True, True, True, False, False, False, True, False, False]
    return Doc(BLANK_VOCAB, words=words, spaces=spaces)


def test_the_best_ranked_candidate_decides_and_names_its_rule(doc) -> None:
    context = SpeakerContext((0, len(doc.text)))
    near, subject = SpeakerCandidate(doc[6:7], "learned-nearest", 3), SpeakerCandidate(doc[0:1], "learned-subject", 0)
    decision = decide_speaker([near, subject], context)
    assert (decision.mention.text, decision.rule) == ("Peskov", "learned-subject")


def test_a_speaker_in_markup_or_outside_the_body_falls_to_the_next_candidate(doc) -> None:
    first, second = SpeakerCandidate(doc[0:1], "verb"), SpeakerCandidate(doc[6:7], "verb", 1)
    in_markup = decide_speaker([first, second], SpeakerContext((0, len(doc.text)), markup=[(0, 6)]))
    assert (in_markup.mention.text, in_markup.rule) == ("Zakharova", "verb")
    outside = decide_speaker([first], SpeakerContext((10, len(doc.text))))
    assert outside.mention is None and outside.rule == "verb:outside-body"


def test_a_speaker_on_another_line_than_its_cue_is_nobody(doc) -> None:
    context = SpeakerContext((0, len(doc.text)))
    assert decide_speaker([SpeakerCandidate(doc[0:1], "verb")], context, anchor=doc[7]).rule == "verb:other-line"
    assert decide_speaker([SpeakerCandidate(doc[6:7], "verb")], context, anchor=doc[7]).mention.text == "Zakharova"


def test_no_candidate_is_no_speaker(doc) -> None:
    decision = decide_speaker([], SpeakerContext((0, len(doc.text))))
    assert decision.mention is None and decision.rule == "none"


def test_an_attribution_cannot_set_its_speaker_and_logs_the_decision(doc, caplog) -> None:
    attribution = Attribution(content=[(12, 25)], cue=(7, 11), candidates=[SpeakerCandidate(doc[0:1], "verb")], kind="clause", confidence=1.0, anchor=doc[1])
    with pytest.raises(AttributeError):
        attribution.source = doc[6:7]
    with caplog.at_level(logging.DEBUG, logger="conflictnlp.quotes.speakers"):
        attribution.decide(SpeakerContext((0, len(doc.text))))
    assert attribution.source.text == "Peskov" and attribution.decision.rule == "verb"
    assert "decided by verb" in caplog.text
    floating = Attribution(content=[(12, 25)], cue=None, candidates=[], kind="floating", confidence=1.0, inherits=attribution)
    floating.decide(SpeakerContext((0, len(doc.text))))
    assert floating.source is None and floating.decision.rule == "inherited"


def test_the_pipeline_records_which_rule_decided(nlp) -> None:
    from conflictnlp.quotes.component import find_attributions

    doc = nlp("According to the mayor, the bridge was destroyed. Peskov said the talks had stalled.")
    component = nlp.get_pipe("quotes")
    rules = {a.source.text if a.source is not None else None: a.decision.rule for a in find_attributions(doc, component)[0]}
    assert rules.get("Peskov") == "verb" and rules.get("the mayor") == "according-to"


def _quotes(nlp, text: str):
    import conflictnlp
    from tests.conftest import assert_offsets

    record = conflictnlp.extract(text, nlp=nlp)
    assert_offsets(record.to_dict())
    return [(q.content.text, q.cue.text if q.cue else None, q.speaker.text if q.speaker else None) for q in record.quotes]


def test_colon_frames_name_their_speaker(nlp) -> None:
    quotes = _quotes(
        nlp,
        "Ceasefire talks in Geneva have collapsed: UN\n\n"
        "Peskov: 'We will respond to every provocation'\n\n"
        "Both leaders spoke on Monday. Zelensky: \"We will not give up an inch.\" The talks ended at noon.\n\n"
        "Update: the article was changed on Monday to add a comment from the ministry.",
    )
    assert ("Ceasefire talks in Geneva have collapsed", ":", "UN") in quotes
    assert ("'We will respond to every provocation'", ":", "Peskov") in quotes
    assert ('"We will not give up an inch."', ":", "Zelensky") in quotes
    assert not any(speaker == "Update" for _, _, speaker in quotes)


def test_see_is_a_cue_only_with_as(nlp) -> None:
    quotes = _quotes(nlp, "Kyiv views the offer as a trap. Residents saw smoke over the city as the shelling began.")
    assert ("the offer as a trap", "views", "Kyiv") in quotes
    assert not any(cue == "saw" for _, cue, _ in quotes)


def test_noun_cues_with_a_speaker_of_their_own(nlp) -> None:
    quotes = _quotes(nlp, "Moscow rejected Kyiv's accusation that its forces had shelled the plant.")
    assert ("that its forces had shelled the plant", "accusation", "Kyiv's") in quotes


def _headline(words: list[str], places: list[tuple[int, int, str]], persons: list[tuple[int, int]] = ()) -> Doc:
    doc = Doc(BLANK_VOCAB, words=words, spaces=[w != words[0] for w in words][1:] + [False])
    doc.ents = [Span(doc, s, e, "PERSON") for s, e in persons]
    doc.spans["conflict_locations"] = [Span(doc, s, e, label) for s, e, label in places]
    return doc


def test_a_colon_label_the_places_component_resolved_is_no_speaker() -> None:
    # "Mali : Soldiers killed near Gao": the small model tags "Mali" a person
    doc = _headline(["Mali", ":", "Soldiers", "killed", "near", "Gao"], [(0, 1, "country"), (5, 6, "city")], [(0, 1)])
    context = SpeakerContext((0, len(doc.text)))
    assert names_a_place(doc[0:1])
    decision = decide_speaker([SpeakerCandidate(doc[0:1], "speaker-label")], context)
    assert decision.mention is None and decision.rule == "speaker-label:place"
    # the same place as the subject of a cue verb is a metonym, left to the other rules
    assert decide_speaker([SpeakerCandidate(doc[0:1], "verb")], context).mention.text == "Mali"
    # an unresolved mention ("place") is no resolved place
    doc = _headline(["Koval", ":", "We", "hold", "the", "line"], [(0, 1, "place")])
    assert not names_a_place(doc[0:1])


def test_a_surname_the_article_uses_stays_a_speaker_label() -> None:
    doc = _headline(["Michael", "Jordan", "spoke", ".", "Jordan", ":", "We", "will", "win"], [(4, 5, "country")], [(0, 2)])
    assert not names_a_place(doc[4:5])
