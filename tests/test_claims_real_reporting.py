"""Claims and speakers in real conflict reporting (issue 24 items 2 and 5), each error class
fixed as a class: a dateline is never a source, ranks stay roles, a role stops at a list, a
pronoun never resolves to a place, a cue coordinated after the clause it reports, a condition
set off after the cue, "..., adding that" inside the content of a report. Hand-built parses
where the rule is the point; sentences written for these tests, in wire style, through the
pipeline where the whole chain is."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from conflictnlp.claims.extract import ClaimExtractor
from conflictnlp.claims.lexicon import load_lexicon
from conflictnlp.model import MultiSpan, Quote, TextSpan
from conflictnlp.quotes.attribution import verb_attributions
from conflictnlp.quotes.cues import load_cues
from conflictnlp.quotes.roles import role_of
from conflictnlp.quotes.speakers import SpeakerCandidate, SpeakerContext, SpeakerResolver, decide_speaker, source_of_verb
from tests.conftest import assert_offsets
from tests.helpers import PARSE_ROWS, make_doc, rows_doc


def _doc(rows, ents=None) -> Doc:
    """rows: (word, lemma, POS, dep, head index, space after)."""
    return rows_doc(rows, (*PARSE_ROWS, "spaces"), ents=ents)


def _attributions(doc: Doc):
    return verb_attributions(doc, list(doc.sents), load_cues(), [False] * len(doc.text))


def _texts(doc: Doc, pieces) -> list[str]:
    return [doc.text[s:e] for s, e in pieces]


# --- a dateline is never a source ----------------------------------------------------------


def _moscow() -> Doc:
    # MOSCOW, March 3 (Reuters) - Russia said its forces repelled an attack.
    # (the small model makes the dateline's city a second subject of "said")
    return _doc([
        ("MOSCOW", "MOSCOW", "PROPN", "nsubj", 9, False), (",", ",", "PUNCT", "punct", 0, True),
        ("March", "March", "PROPN", "npadvmod", 0, True), ("3", "3", "NUM", "nummod", 2, True),
        ("(", "(", "PUNCT", "punct", 5, False), ("Reuters", "Reuters", "PROPN", "appos", 2, False),
        (")", ")", "PUNCT", "punct", 5, True), ("-", "-", "PUNCT", "punct", 0, True),
        ("Russia", "Russia", "PROPN", "nsubj", 9, True), ("said", "say", "VERB", "ROOT", 9, True),
        ("its", "its", "PRON", "poss", 11, True), ("forces", "force", "NOUN", "nsubj", 12, True),
        ("repelled", "repel", "VERB", "ccomp", 9, True), ("an", "an", "DET", "det", 14, True),
        ("attack", "attack", "NOUN", "dobj", 12, False), (".", ".", "PUNCT", "punct", 9, False),
    ])


def test_the_dateline_the_parse_made_a_subject_is_no_speaker():
    doc = _moscow()
    assert doc.text.startswith("MOSCOW, March 3 (Reuters) - Russia said")
    assert source_of_verb(doc[9]).text == "Russia"


def test_a_speaker_mention_is_cut_at_the_dateline_and_none_that_is_all_dateline():
    doc = _moscow()
    context = SpeakerContext((0, len(doc.text)))
    whole = decide_speaker([SpeakerCandidate(doc[0:9], "learned-subject")], context)
    assert whole.mention.text == "Russia"
    only = decide_speaker([SpeakerCandidate(doc[0:1], "learned-nearest")], context)
    assert only.mention is None and only.rule == "learned-nearest:in-dateline"
    # the region of a dateline is dateline too: "KHARKIV, Ukraine — Officials said"
    kharkiv = _doc([
        ("KHARKIV", "KHARKIV", "PROPN", "npadvmod", 5, False), (",", ",", "PUNCT", "punct", 0, True),
        ("Ukraine", "Ukraine", "PROPN", "appos", 0, True), ("—", "—", "PUNCT", "punct", 4, True),
        ("Officials", "official", "NOUN", "nsubj", 5, True), ("said", "say", "VERB", "ROOT", 5, False),
    ])
    assert decide_speaker([SpeakerCandidate(kharkiv[2:5], "verb")], SpeakerContext((0, 40))).mention.text == "Officials"
    # a title-case subject is never taken for a dateline, nor a line that opens with none
    plain = _doc([("Russia", "Russia", "PROPN", "nsubj", 1, True), ("said", "say", "VERB", "ROOT", 1, False)])
    assert decide_speaker([SpeakerCandidate(plain[0:1], "verb")], SpeakerContext((0, 11))).mention.text == "Russia"


def test_a_dateline_subject_leaves_the_speaker_next_to_the_cue():
    # GOMA, Congo (Reuters) - M23 rebels said they had seized Sake.
    doc = _doc([
        ("GOMA", "GOMA", "PROPN", "nsubj", 9, False), (",", ",", "PUNCT", "punct", 0, True),
        ("Congo", "Congo", "PROPN", "nmod", 8, True), ("(", "(", "PUNCT", "punct", 4, False),
        ("Reuters", "Reuters", "PROPN", "nmod", 8, False), (")", ")", "PUNCT", "punct", 4, True),
        ("-", "-", "PUNCT", "punct", 4, True), ("M23", "M23", "PROPN", "compound", 8, True),
        ("rebels", "rebel", "NOUN", "conj", 0, True), ("said", "say", "VERB", "ROOT", 9, True),
        ("they", "they", "PRON", "nsubj", 12, True), ("had", "have", "AUX", "aux", 12, True),
        ("seized", "seize", "VERB", "ccomp", 9, True), ("Sake", "Sake", "PROPN", "dobj", 12, False),
        (".", ".", "PUNCT", "punct", 9, False),
    ])
    assert source_of_verb(doc[9]).text == "M23 rebels"


# --- ranks are roles, never names; a role stops at a list ----------------------------------


def test_a_rank_the_parser_cut_off_as_a_sentence_stays_with_the_name():
    # "Lt. Gen." | "Yevhen Moisiuk said the brigade pulled back ." (two sentences to the parser)
    doc = make_doc("""
        Lt lt PROPN compound 2
        . . PUNCT compound 2
        Gen. gen. PROPN ROOT 2
        Yevhen Yevhen PROPN compound 4
        Moisiuk Moisiuk PROPN nsubj 5
        said say VERB ROOT 5
        the the DET det 7
        brigade brigade NOUN nsubj 8
        pulled pull VERB ccomp 5
        back back ADV advmod 8
        . . PUNCT punct 5
    """, ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert doc[3].is_sent_start
    mention = source_of_verb(doc[5])
    assert mention.text == "Lt . Gen. Yevhen Moisiuk"
    assert role_of(mention, doc[3:5]) == "Lt . Gen."
    speaker = SpeakerResolver(doc, (0, len(doc.text)), lexicon=load_cues()).resolve(mention)
    assert (speaker.name, speaker.role) == ("Yevhen Moisiuk", "Lt . Gen.")
    # an ordinary sentence before a name is no rank
    other = make_doc("""
        Talks talk NOUN nsubj 1
        ended end VERB ROOT 1
        . . PUNCT punct 1
        Moisiuk Moisiuk PROPN nsubj 4
        said say VERB ROOT 4
    """)
    assert source_of_verb(other[4]).text == "Moisiuk"


def test_a_rank_stays_in_the_role_beside_a_description():
    # Maj. Gen. Igor Konashenkov , the ministry spokesman , said ...
    doc = make_doc("""
        Maj. maj. PROPN compound 3
        Gen. gen. PROPN compound 3
        Igor Igor PROPN compound 3
        Konashenkov Konashenkov PROPN nsubj 9
        , , PUNCT punct 3
        the the DET det 7
        ministry ministry NOUN compound 7
        spokesman spokesman NOUN appos 3
        , , PUNCT punct 3
        said say VERB ROOT 9
    """)
    assert role_of(doc[0:8], doc[2:4]) == "Maj. Gen., the ministry spokesman"
    # an age after the name is no role: the title before it is
    aged = make_doc("""
        Kremlin Kremlin PROPN compound 1
        spokesman spokesman NOUN compound 3
        Dmitry Dmitry PROPN compound 3
        Peskov Peskov PROPN nsubj 6
        , , PUNCT punct 3
        55 55 NUM appos 3
        said say VERB ROOT 6
    """)
    assert role_of(aged[0:6], aged[2:4]) == "Kremlin spokesman"


def test_a_subjectless_cue_takes_the_appositive_before_it_not_the_list():
    # The strike killed a child and seven other people , the head of the administration ,
    # Oleh Synehubov , said .   (the parse hangs the list and its apposition in the content)
    doc = make_doc("""
        The the DET det 1
        strike strike NOUN nsubj 2
        killed kill VERB ccomp 19
        a a DET det 4
        child child NOUN dobj 2
        and and CCONJ cc 2
        seven seven NUM nummod 8
        other other ADJ amod 8
        people people NOUN conj 2
        , , PUNCT punct 8
        the the DET det 11
        head head NOUN appos 8
        of of ADP prep 11
        the the DET det 14
        administration administration NOUN pobj 12
        , , PUNCT punct 11
        Oleh Oleh PROPN compound 17
        Synehubov Synehubov PROPN appos 11
        , , PUNCT punct 8
        said say VERB ROOT 19
        . . PUNCT punct 19
    """)
    assert source_of_verb(doc[19]).text == "the head of the administration , Oleh Synehubov"
    (attribution,) = _attributions(doc)
    assert _texts(doc, attribution.content) == ["The strike killed a child and seven other people"]


def test_he_never_resolves_to_a_place_the_places_component_found():
    # "Kadyrov wrote that Kyiv had lost troops . he said" with Kyiv tagged PERSON by the NER,
    # and resolved as a place by the places component (which runs before quotes)
    doc = make_doc("""
        Ramzan Ramzan PROPN compound 1
        Kadyrov Kadyrov PROPN nsubj 2
        wrote write VERB ROOT 2
        that that SCONJ mark 6
        Kyiv Kyiv PROPN nsubj 6
        had have AUX aux 6
        lost lose VERB ccomp 2
        troops troop NOUN dobj 6
        . . PUNCT punct 2
        he he PRON nsubj 10
        said say VERB ROOT 10
    """, ents=["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O"])
    doc.spans["conflict_locations"] = [Span(doc, 4, 5, label="city")]
    resolver = SpeakerResolver(doc, (0, len(doc.text)), lexicon=load_cues())
    assert resolver.resolve(doc[9:10]).name == "Ramzan Kadyrov"
    # a place name with a title before it is a person ("Mr. Jordan")
    titled = make_doc("""
        Mr. mr. PROPN compound 1
        Jordan Jordan PROPN nsubj 2
        spoke speak VERB ROOT 2
        . . PUNCT punct 2
        he he PRON nsubj 5
        said say VERB ROOT 5
    """, ents=["O", "B-PERSON", "O", "O", "O", "O"])
    titled.spans["conflict_locations"] = [Span(titled, 1, 2, label="country")]
    assert SpeakerResolver(titled, (0, len(titled.text)), lexicon=load_cues()).resolve(titled[4:5]).name == "Jordan"


# --- what a cue reports --------------------------------------------------------------------


def _killed_and_said(tail: str) -> Doc:
    # Two people were killed in the strike , and the governor said <tail> .
    return make_doc("""
        Two two NUM nummod 1
        people people NOUN nsubjpass 3
        were be AUX auxpass 3
        killed kill VERB ROOT 3
        in in ADP prep 3
        the the DET det 6
        strike strike NOUN pobj 4
        , , PUNCT punct 3
        and and CCONJ cc 3
        the the DET det 10
        governor governor NOUN nsubj 11
        said say VERB conj 3
    """.rstrip() + tail)


def test_a_bare_cue_coordinated_after_a_clause_reports_that_clause():
    doc = _killed_and_said("""
        on on ADP prep 11
        Telegram Telegram PROPN pobj 12
        . . PUNCT punct 11
    """)
    (attribution,) = _attributions(doc)
    assert _texts(doc, attribution.content) == ["Two people were killed in the strike"]
    assert attribution.source.text == "the governor"


def test_a_coordinated_cue_with_a_clause_of_its_own_leaves_the_first_clause_to_the_outlet():
    doc = _killed_and_said("""
        the the DET det 13
        attack attack NOUN nsubj 14
        targeted target VERB ccomp 11
        a a DET det 16
        school school NOUN dobj 14
        . . PUNCT punct 11
    """)
    (attribution,) = _attributions(doc)
    assert _texts(doc, attribution.content) == ["the attack targeted a school"]


def test_a_condition_set_off_after_the_cue_is_the_speaker_s():
    # Residents may return next month , the mayor said , but only if the water is restored .
    doc = make_doc("""
        Residents resident NOUN nsubj 2
        may may AUX aux 2
        return return VERB ccomp 8
        next next ADJ amod 4
        month month NOUN npadvmod 2
        , , PUNCT punct 8
        the the DET det 7
        mayor mayor NOUN nsubj 8
        said say VERB ROOT 8
        , , PUNCT punct 8
        but but CCONJ cc 8
        only only ADV advmod 16
        if if SCONJ mark 16
        the the DET det 14
        water water NOUN nsubjpass 16
        is be AUX auxpass 16
        restored restore VERB conj 8
        . . PUNCT punct 8
    """)
    (attribution,) = _attributions(doc)
    assert _texts(doc, attribution.content) == ["Residents may return next month", "only if the water is restored"]


ADDING = """
    the the DET det 1 DT
    governor governor NOUN nsubj 2 NN
    said say VERB ROOT 2 VBD
    two two NUM nummod 4 CD
    people people NOUN nsubjpass 6 NN
    were be AUX auxpass 6 VBD
    killed kill VERB ccomp 2 VBN
    , , PUNCT punct 6 ,
    adding add VERB advcl 6 VBG
    that that SCONJ mark 11 IN
    fires fire NOUN nsubj 11 NN
    burned burn VERB ccomp 8 VBD
    . . PUNCT punct 2 ."""
# the same sentence under "The paper reported that": every index four on
ADDING_REPORTED = """
    The the DET det 1 DT
    paper paper NOUN nsubj 2 NN
    reported report VERB ROOT 2 VBD
    that that SCONJ mark 6 IN
    the the DET det 5 DT
    governor governor NOUN nsubj 6 NN
    said say VERB ccomp 2 VBD
    two two NUM nummod 8 CD
    people people NOUN nsubjpass 10 NN
    were be AUX auxpass 10 VBD
    killed kill VERB ccomp 6 VBN
    , , PUNCT punct 10 ,
    adding add VERB advcl 10 VBG
    that that SCONJ mark 15 IN
    fires fire NOUN nsubj 15 NN
    burned burn VERB ccomp 12 VBD
    . . PUNCT punct 2 ."""


def _adding(outer: bool) -> Doc:
    # [The paper reported that] the governor said two people were killed , adding that fires burned .
    return make_doc(ADDING_REPORTED if outer else ADDING)


@pytest.mark.parametrize("outer", [False, True])
def test_adding_hung_in_the_reported_clause_is_the_reporter_s_own_report(outer):
    doc = _adding(outer)
    found = {doc.text[a.cue[0] : a.cue[1]]: a for a in _attributions(doc)}
    assert _texts(doc, found["said"].content) == ["two people were killed"]
    assert _texts(doc, found["adding"].content) == ["that fires burned"]
    assert found["adding"].source.text == "the governor" and not found["adding"].borrowed_speaker


# --- claims: the source, its quote and its via chain ----------------------------------------


def _quote(doc: Doc, qid: str, content: str, cue: str, speaker: str, nested_in=None, name=None) -> Quote:
    text = doc.text
    c, k, s = text.index(content), text.index(cue), text.index(speaker)
    return Quote(id=qid, type="indirect", content=MultiSpan(text=content, spans=[(c, c + len(content))]),
                 cue=TextSpan(text=cue, span=(k, k + len(cue))), speaker=TextSpan(text=speaker, span=(s, s + len(speaker))),
                 speaker_name=name, nested_in=nested_in)


def test_a_speaker_s_own_outer_report_is_no_via():
    doc = _adding(outer=False)
    doc._.quotes = [
        _quote(doc, "q1", "two people were killed , adding that fires burned", "said", "the governor", name="Governor"),
        _quote(doc, "q2", "that fires burned", "adding", "the governor", nested_in="q1", name="Governor"),
    ]
    claims = {c.text: c for c in ClaimExtractor(load_lexicon(), known_verbs=frozenset())(doc)}
    assert (claims["fires burned"].source, claims["fires burned"].via, claims["fires burned"].quote_id) == ("Governor", [], "q2")


# --- the whole chain on wire copy -----------------------------------------------------------


@pytest.fixture(scope="module")
def record_of(nlp):
    def run(text: str):
        import conflictnlp

        record = conflictnlp.extract(text, nlp=nlp)
        assert_offsets(record.to_dict())
        return record

    return run


def _claim(record, words: str):
    found = [c for c in record.claims if words in c.text]
    assert found, (words, [(c.text, c.source) for c in record.claims])
    return found[0]


@pytest.mark.parametrize("text, words, source", [
    ("GOMA, Congo (Reuters) - M23 rebels said on Tuesday they had seized the town of Sake.", "seized", "M23 rebels"),
    ("MOSCOW, March 3 (Reuters) - Russia said on Friday its air defences had destroyed eight drones.", "destroyed", "Russia"),
    ("Two people were killed in the strike on the port, and the governor said on Telegram.", "killed", "governor"),
    ("The missile killed a child and at least seven other people, the head of the Kharkiv regional "
     "administration, Oleh Synehubov, said.", "killed", "Oleh Synehubov"),
    ("Residents may return to their homes next month, the mayor said, but only if the water supply is restored.",
     "water supply", "mayor"),
    ("The Daily Mail reported that the governor said two people were killed when a drone hit a fuel depot, "
     "adding that fires were still burning.", "fires", "governor"),
])
def test_real_reporting_gives_the_speaker_as_source(record_of, text, words, source):
    claim = _claim(record_of(text), words)
    assert claim.source == source, claim
    assert claim.quote_id is not None


def test_no_speaker_is_a_dateline_or_a_place(record_of):
    record = record_of(
        "KHARKIV, Ukraine (Reuters) - \u201cOur men have cleared the district,\u201d Chechen leader Ramzan Kadyrov wrote "
        "on Telegram, adding that Kyiv had lost hundreds of troops. \u201cThe enemy is fleeing,\u201d he said."
    )
    names = [q.speaker_name for q in record.quotes]
    assert names and all(name == "Ramzan Kadyrov" for name in names), names
    assert all(c.source == "Ramzan Kadyrov" for c in record.claims), [(c.text, c.source) for c in record.claims]


def test_ranks_are_roles_not_names(record_of):
    record = record_of("Lt. Gen. Yevhen Moisiuk said the brigade had pulled back. Brig. Gen. Oleksiy Hromov told "
                       "reporters that two villages were retaken.")
    assert [(q.speaker_name, q.speaker_role) for q in record.quotes] == [
        ("Yevhen Moisiuk", "Lt. Gen."), ("Oleksiy Hromov", "Brig. Gen.")]
    assert {c.source for c in record.claims} == {"Yevhen Moisiuk", "Oleksiy Hromov"}


@pytest.mark.parametrize("text, source", [
    ("Army denies airstrike that killed 7 civilians in Tigray", "Army"),
    ("Rebels deny attack on convoy that left 12 dead", "Rebels"),
    ("The junta rejected claims that its jets bombed a market that was packed with shoppers.", "junta"),
])
def test_a_clause_under_a_denial_is_never_asserted(record_of, text, source):
    record = record_of(text)
    assert record.claims
    for claim in record.claims:
        assert claim.stance == "denied" and source in (claim.source or ""), claim


def test_he_after_a_surname_the_ner_took_for_an_organisation():
    # "Kadyrov said ... . he said" with Kadyrov tagged ORG; "Hamas" (a known actor) is no "he"
    rows = """
        {name} {name} PROPN nsubj 1
        said say VERB ROOT 1
        it it PRON dobj 1
        . . PUNCT punct 1
        he he PRON nsubj 5
        said say VERB ROOT 5
    """
    for name, expected in (("Kadyrov", "Kadyrov"), ("Hamas", None)):
        doc = make_doc(rows.format(name=name), ents=["B-ORG", "O", "O", "O", "O", "O"])
        resolver = SpeakerResolver(doc, (0, len(doc.text)), lexicon=load_cues())
        assert resolver.resolve(doc[0:1]).is_person is False
        assert resolver.resolve(doc[4:5]).name == expected


def test_another_source_s_answer_set_off_after_the_content_is_no_content():
    # Hamas said Israel violated the truce , a charge Israel denied .
    doc = make_doc("""
        Hamas Hamas PROPN nsubj 1
        said say VERB ROOT 1
        Israel Israel PROPN nsubj 3
        violated violate VERB ccomp 1
        the the DET det 5
        truce truce NOUN dobj 3
        , , PUNCT punct 10
        a a DET det 8
        charge charge NOUN dobj 10
        Israel Israel PROPN nsubj 10
        denied deny VERB ccomp 1
        . . PUNCT punct 1
    """)
    said = next(a for a in _attributions(doc) if doc.text[a.cue[0] : a.cue[1]] == "said")
    assert _texts(doc, said.content) == ["Israel violated the truce"]
    # Rebels said they downed a helicopter , a claim the army rejected .
    doc = make_doc("""
        Rebels rebel NOUN nsubj 1
        said say VERB ROOT 1
        they they PRON nsubj 3
        downed down VERB ccomp 1
        a a DET det 5
        helicopter helicopter NOUN dobj 3
        , , PUNCT punct 3
        a a DET det 8
        claim claim NOUN ccomp 1
        the the DET det 10
        army army NOUN nsubj 11
        rejected reject VERB relcl 8
        . . PUNCT punct 1
    """)
    (said,) = [a for a in _attributions(doc) if doc.text[a.cue[0] : a.cue[1]] == "said"]
    assert _texts(doc, said.content) == ["they downed a helicopter"]
    # "..., which residents confirmed" with "which" first is another source's too; a relative
    # clause that is part of the content stays ("the depot, which stores fuel")
    doc = make_doc("""
        Officials official NOUN nsubj 1
        said say VERB ROOT 1
        drones drone NOUN nsubj 3
        hit hit VERB ccomp 1
        the the DET det 5
        depot depot NOUN dobj 3
        , , PUNCT punct 5
        which which PRON nsubj 8
        stores store VERB relcl 5
        fuel fuel NOUN dobj 8
        . . PUNCT punct 1
    """)
    (said,) = _attributions(doc)
    assert _texts(doc, said.content) == ["drones hit the depot , which stores fuel"]
