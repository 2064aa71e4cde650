"""Claims: sources, stance with governing hedge cues, links, offsets (invented news text)."""

from __future__ import annotations

from importlib import resources

import pytest

from conflictnlp.claims.extract import ClaimExtractor
from conflictnlp.claims.lexicon import load_lexicon
from conflictnlp.model import Claim, MultiSpan, Quote, TextSpan
from tests.conftest import assert_offsets
from tests.helpers import PARSE_ROWS, rows_doc

KHARKIV = """Home | World | Europe

Officials trade blame after strike on Kharkiv power plant

March 12, 2024

KHARKIV, Ukraine — Russian missiles hit a thermal power plant in Kharkiv overnight, cutting heating to thousands of homes, the regional administration said on Tuesday.
According to regional governor Oleh Vasylenko, two employees were injured in the strike.
The plant's operator, Eastern Energy, denied that the turbines were destroyed.
Moscow allegedly used hypersonic missiles in the attack, but the Ukrainian air force could neither confirm nor deny that.
"If true, this would be the third strike on the plant this month," energy analyst Maria Koval said.
The Russian Defence Ministry claimed its forces had hit only military targets.
Repair crews began work at dawn and expect to restore heating by Friday.

Comments
Ivan_77
The Russian army did not hit anything, this is all lies.
"""


@pytest.fixture(scope="module")
def kharkiv(nlp):
    import conflictnlp

    return conflictnlp.extract(KHARKIV, published="2024-03-12", id="kh", source="Kharkiv Daily", nlp=nlp)


def _claim(record, words: str) -> Claim:
    found = [c for c in record.claims if words in c.text]
    assert len(found) == 1, (words, [c.text for c in record.claims])
    return found[0]


def test_claims_point_at_their_text_and_stay_in_the_body(kharkiv):
    assert kharkiv.claims
    assert_offsets(kharkiv.to_dict())
    lo, hi = kharkiv.body
    assert "The Russian army did not hit anything" in kharkiv.text[hi:]
    assert not any("did not hit anything" in c.text for c in kharkiv.claims)
    assert [c.id for c in kharkiv.claims] == [f"c{n}" for n in range(1, len(kharkiv.claims) + 1)]


def test_according_to_gives_the_source_and_the_scene_gives_where_and_when(kharkiv):
    injured = _claim(kharkiv, "two employees were injured")
    assert injured.text == "two employees were injured in the strike"
    assert injured.source == "Oleh Vasylenko"
    assert injured.stance == "asserted" and injured.hedges == []
    places = {loc.id: loc for loc in kharkiv.locations}
    assert any(places[ref].text == "Kharkiv" for ref in injured.locations)
    dates = {d.id: d for d in kharkiv.dates}
    assert any(dates[ref].text.endswith("Tuesday") for ref in injured.dates)
    quantities = {q.id: q for q in kharkiv.quantities}
    assert [quantities[ref].value for ref in injured.quantities] == [2]


def test_a_denial_is_denied_with_its_cue(kharkiv):
    denied = _claim(kharkiv, "the turbines were destroyed")
    assert denied.text == "the turbines were destroyed"
    assert denied.stance == "denied"
    assert [h.text for h in denied.hedges] == ["denied"]
    assert "operator" in (denied.source or "") or denied.source == "Eastern Energy"


def test_hedges_must_govern_the_claim(kharkiv):
    alleged = _claim(kharkiv, "hypersonic missiles")
    assert alleged.stance == "hedged"
    assert [h.text for h in alleged.hedges] == ["allegedly"]
    assert alleged.source is None and alleged.quote_id is None  # the outlet's own words
    # "allegedly" sits in the first clause; the second, coordinated one is the air force's
    neither = _claim(kharkiv, "could neither confirm")
    assert neither.stance == "unconfirmed"
    assert "neither confirm nor deny" in [h.text for h in neither.hedges]
    assert "allegedly" not in [h.text for h in neither.hedges]


def test_conditional_and_claimed(kharkiv):
    conditional = _claim(kharkiv, "third strike on the plant")
    assert conditional.stance == "unconfirmed"
    assert "If true" in [h.text for h in conditional.hedges]
    assert conditional.source == "Maria Koval" and conditional.quote_id is not None
    # stance is relative to the claim's own source: the ministry asserts what it claims
    claimed = _claim(kharkiv, "only military targets")
    assert claimed.stance == "asserted" and claimed.hedges == []
    assert claimed.source == "Russian Defence Ministry"


def test_outlet_narration_is_asserted_by_the_outlet(kharkiv):
    repair = _claim(kharkiv, "Repair crews began work at dawn")
    assert repair.text == "Repair crews began work at dawn"
    assert repair.source is None and repair.quote_id is None and repair.stance == "asserted"
    # "expect to" hedges what the crews expect; they are its source
    restore = _claim(kharkiv, "restore heating")
    assert (restore.stance, restore.source, [h.text for h in restore.hedges]) == ("hedged", "Repair crews", ["expect"])


def test_a_dateline_is_not_part_of_a_claim(kharkiv):
    first = _claim(kharkiv, "thermal power plant")
    assert first.text.startswith("Russian missiles hit")
    assert not any("KHARKIV" in q.content.text for q in kharkiv.quotes)


def test_claims_are_a_span_group_labelled_by_stance(nlp):
    doc = nlp("The regional governor said two workers at the depot were wounded, but the company denied anyone was hurt.")
    group = doc.spans["conflict_claims"]
    assert {(span.text, span.label_) for span in group} >= {("anyone was hurt", "denied")}
    assert all(claim.span == (span.start_char, span.end_char) for claim, span in zip(doc._.claims, group))


def test_a_denial_joined_to_a_claim_does_not_deny_the_claim(nlp):
    doc = nlp("The regional governor said two workers at the depot were wounded, but the Rosneft state oil company denied anyone was hurt.")
    claims = {c.text: c for c in doc._.claims}
    assert claims["two workers at the depot were wounded"].stance == "asserted"
    assert claims["anyone was hurt"].stance == "denied"
    assert "Rosneft" in claims["anyone was hurt"].source


def test_a_denial_does_not_reach_into_the_next_clause(nlp):
    text = ("Ukraine denied responsibility for the blast, but if Moscow's claim is confirmed, it would be the first "
            "attack of its kind.")
    claims = nlp(text)._.claims
    responsibility = next(c for c in claims if c.text.startswith("responsibility"))
    assert responsibility.stance == "denied" and responsibility.source == "Ukraine"
    first = next(c for c in claims if "first attack" in c.text)
    assert first.stance == "unconfirmed"
    assert "if Moscow's claim is confirmed" in [h.text for h in first.hedges]
    assert "denied" not in [h.text for h in first.hedges]


def test_claims_from_a_given_quote_take_its_speaker_and_id(nlp):
    text = 'Two buses were hit near the checkpoint, "and nobody was hurt, thank God," said Taras Melnyk, the mayor.'
    doc = nlp(text)
    start = text.index("and nobody")
    end = text.index(", thank God") + len(", thank God")
    doc._.quotes = [
        Quote(
            id="q1", type="direct", content=MultiSpan(text=text[start:end], spans=[(start, end)]),
            cue=TextSpan(text="said", span=(text.index("said"), text.index("said") + 4)),
            speaker=TextSpan(text="Taras Melnyk", span=(text.index("Taras"), text.index("Taras") + 12)),
            speaker_name="Taras Melnyk",
        )
    ]
    doc = nlp.get_pipe("claims")(doc)
    quoted = [c for c in doc._.claims if c.quote_id == "q1"]
    assert quoted and all(c.source == "Taras Melnyk" for c in quoted)
    assert any(c.text.startswith("nobody was hurt") for c in quoted)
    narrated = [c for c in doc._.claims if c.quote_id is None]
    assert [c.text for c in narrated] == ["Two buses were hit near the checkpoint"]
    for claim in doc._.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text


def test_the_lexicon_is_versioned_data():
    lexicon = load_lexicon()
    assert lexicon.version
    assert ("neither", "confirm", "nor", "deny") in lexicon.phrases["unconfirmed"]
    assert "allegedly" in lexicon.markers.hedge_adverbs and "deny" in lexicon.reporting["denied"]
    assert lexicon.embedding_stance("plan") == "unconfirmed" and lexicon.embedding_stance("fail") == "denied"
    assert lexicon.rank("unconfirmed") < lexicon.rank("hedged") < lexicon.rank("asserted")


def test_a_custom_lexicon_changes_the_stance(nlp, tmp_path):
    shipped = (resources.files("conflictnlp") / "data" / "stance_lexicon.toml").read_text("utf-8")
    custom = tmp_path / "lexicon.toml"
    custom.write_text(shipped.replace('"allegedly", ', ""), encoding="utf-8")
    doc = nlp("Police said the man allegedly set fire to the warehouse.")
    assert [c.stance for c in doc._.claims] == ["hedged"]
    assert [c.stance for c in ClaimExtractor(load_lexicon(custom))(doc)] == ["asserted"]


def test_claims_find_no_attribution_of_their_own(nlp):
    """Who asserts a claim comes from the quotes alone: without them, every claim is the outlet's."""
    text = ("According to governor Pavlo Kyrylenko, two workers were injured at the depot. The company denied that "
            "anyone was hurt. Moscow accused Kyiv of shelling the village of Tetkino.")
    doc = nlp(text)
    with_quotes = {c.text: c for c in doc._.claims}
    assert with_quotes["two workers were injured at the depot"].source == "Pavlo Kyrylenko"
    assert (with_quotes["anyone was hurt"].source, with_quotes["anyone was hurt"].stance) == ("company", "denied")
    assert with_quotes["Kyiv of shelling the village of Tetkino"].source == "Moscow"
    for claim in doc._.claims:
        quote = next(q for q in doc._.quotes if q.id == claim.quote_id)
        assert claim.source == (quote.speaker_name or quote.speaker_role or quote.speaker.text)
    doc._.quotes = []
    alone = ClaimExtractor(load_lexicon())(doc)
    assert alone and all(c.source is None and c.quote_id is None for c in alone)
    for claim in alone:
        assert text[claim.span[0] : claim.span[1]] == claim.text


def test_subject_lookup_matches_the_parse(nlp):
    """``_has_subject`` and ``_subtree_indices`` read the dependency arrays once per Doc; they
    must agree with the children and subtrees spaCy gives each token."""
    from conflictnlp.claims.extract import SUBJECTS, _has_subject, _subtree_indices

    for text in ("The governor said two workers were injured and areas were evacuated, but Rosneft "
                 "denied anyone was hurt. It was raining.", "There were clashes. What he said surprised everyone."):
        doc = nlp(text)
        assert [_has_subject(t) for t in doc] == [any(c.dep_ in SUBJECTS for c in t.children) for t in doc]
        assert any(_has_subject(t) for t in doc)
        assert all(sorted(_subtree_indices(doc, t.i)) == [d.i for d in t.subtree] for t in doc)


def test_an_object_content_is_one_claim(nlp):
    import conflictnlp

    text = "The Kremlin accused the Ukrainians of launching a helicopter attack on a fuel depot on Russian soil."
    record = conflictnlp.extract(text, nlp=nlp)
    claims = [c for c in record.claims if c.source == "Kremlin"]
    assert [c.text for c in claims] == ["the Ukrainians of launching a helicopter attack on a fuel depot on Russian soil"]
    assert claims[0].event.text == "launching"


def test_a_word_tagged_as_a_verb_that_is_no_verb_heads_no_nested_claim():
    """The small parser reads "to frontline villages" as an infinitive; "frontline" is not a
    verb the lemmatizer knows, so no "unconfirmed" purpose claim is split off."""

    rows = [
        ("The", "the", "DET", "det", 1), ("convoy", "convoy", "NOUN", "nsubj", 2),
        ("carried", "carry", "VERB", "ROOT", 2), ("flour", "flour", "NOUN", "dobj", 2),
        ("to", "to", "PART", "aux", 5), ("frontline", "frontline", "VERB", "advcl", 2),
        ("villages", "village", "NOUN", "dobj", 5), (".", ".", "PUNCT", "punct", 2),
    ]
    doc = rows_doc(rows, PARSE_ROWS)
    doc._.quotes = []
    unchecked = ClaimExtractor(load_lexicon(), known_verbs=frozenset())(doc)
    assert [c.stance for c in unchecked] == ["unconfirmed", "asserted"]  # the error being guarded against
    checked = ClaimExtractor(load_lexicon(), known_verbs=frozenset({"carry", "deliver"}))(doc)
    assert [(c.text, c.stance) for c in checked] == [("The convoy carried flour to frontline villages", "asserted")]
    assert all(doc.text[c.span[0] : c.span[1]] == c.text for c in checked)


def test_a_request_not_to_be_named_inside_a_claim_is_no_claim_of_its_own(nlp):
    doc = nlp("A doctor at the hospital, who asked not to be named for fear of reprisals, put the toll higher. "
              "The ministry, which declined to comment, has closed the border.")
    assert [(c.text, c.stance) for c in doc._.claims] == [
        ("A doctor at the hospital, who asked not to be named for fear of reprisals, put the toll higher", "asserted"),
        ("The ministry, which declined to comment, has closed the border", "asserted"),
    ]


def test_a_participle_describing_a_noun_is_no_claim_of_its_own(nlp):
    """From the bundled Kyiv Courier example: the participles describe the trucks inside a
    claim the outlet could not verify; they assert nothing apart from it."""
    doc = nlp("The Kyiv Courier could not independently verify either account, but photographs taken by local residents "
              "on Tuesday and reviewed by the newspaper show burned-out flatbed trucks with red crosses painted on their "
              "tarpaulins, and sacks of flour scattered across the road.")
    texts = [c.text for c in doc._.claims]
    assert not {"burned-out", "painted on their tarpaulins", "scattered across the road"} & set(texts), texts
    assert texts and texts[-1].startswith("The Kyiv Courier could not independently verify")


def test_a_report_nested_in_a_denial_is_also_the_outer_source_s_denied_claim(nlp):
    text = "Ukraine says Russian drones hit aid convoy near Kupiansk, Moscow denies\n\nOfficials said the convoy was marked."
    claims = [(c.text, c.source, c.stance) for c in nlp(text)._.claims]
    assert ("Russian drones hit aid convoy near Kupiansk", "Ukraine", "asserted") in claims
    assert ("Russian drones hit aid convoy near Kupiansk", "Moscow", "denied") in claims
    # an outer report that passes the inner one on adds no claim: its speaker is in via
    passed_on = nlp("CNN reported that the Kremlin said troops had withdrawn.")._.claims
    assert [(c.text, c.source, c.via) for c in passed_on] == [("troops had withdrawn", "Kremlin", ["CNN"])]


def test_an_infinitive_describing_a_noun_inside_a_denial_is_no_asserted_claim(nlp):
    doc = nlp("\u201cThe people in those villages have no other way to get bread,\u201d Kovalenko said.")
    assert [(c.text, c.stance) for c in doc._.claims] == [("The people in those villages have no other way to get bread", "denied")]
