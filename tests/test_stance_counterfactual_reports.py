"""Stance classes of issue 24's third round, on hand-built parses: counterfactuals, the content
of report nouns ("reports that X"), preconditions of a prospective clause ("until X"), and
non-commitment phrases ("no evidence that X")."""

from __future__ import annotations

from spacy.tokens import Doc

from conflictnlp.claims.lexicon import load_lexicon
from conflictnlp.claims.stance import event_stance
from tests.helpers import PARSE_ROWS, make_doc, rows_doc

LEXICON = load_lexicon()


def stance_of(doc: Doc, word: str) -> str:
    return event_stance(next(t for t in doc if t.text == word), LEXICON)[0]


INVERTED = """
    Had have AUX aux 4
    the the DET det 2
    defences defence NOUN nsubj 4
    not not PART neg 4
    intercepted intercept VERB advcl 11
    the the DET det 6
    missile missile NOUN dobj 4
    , , PUNCT punct 11
    people people NOUN nsubj 11
    would would AUX aux 11
    have have AUX aux 11
    died die VERB ROOT 11
"""


def test_an_inverted_counterfactual_reverses_its_antecedent_and_denies_its_consequent():
    doc = make_doc(INVERTED)
    assert stance_of(doc, "intercepted") == "asserted"  # "had not intercepted": it was intercepted
    assert stance_of(doc, "died") == "denied"


def test_an_if_counterfactual_denies_both_clauses_and_could_have_is_no_hedge():
    doc = make_doc("""
        If if SCONJ mark 4
        the the DET det 2
        shelter shelter NOUN nsubj 4
        had have AUX aux 4
        collapsed collapse VERB advcl 10
        , , PUNCT punct 10
        children child NOUN nsubjpass 10
        could could AUX aux 10
        have have AUX aux 10
        been be AUX auxpass 10
        killed kill VERB ROOT 10
    """)
    assert stance_of(doc, "collapsed") == "denied"
    assert stance_of(doc, "killed") == "denied"


def test_without_a_perfect_consequent_if_stays_a_condition_and_had_a_question():
    open_condition = make_doc("""
        If if SCONJ mark 3
        the the DET det 2
        talks talk NOUN nsubj 3
        fail fail VERB advcl 7
        , , PUNCT punct 7
        troops troop NOUN nsubj 7
        would would AUX aux 7
        attack attack VERB ROOT 7
    """)
    assert stance_of(open_condition, "fail") == "unconfirmed"
    assert stance_of(open_condition, "attack") == "unconfirmed"
    question = make_doc("""
        Had have AUX aux 3
        the the DET det 2
        army army NOUN nsubj 3
        withdrawn withdraw VERB ROOT 3
        ? ? PUNCT punct 3
    """)
    assert stance_of(question, "withdrawn") == "unconfirmed"


def test_the_content_of_a_report_noun_is_unconfirmed_unless_a_verb_settles_it():
    examining = make_doc("""
        it it PRON nsubj 2
        was be AUX aux 2
        examining examine VERB ROOT 2
        reports report NOUN dobj 2
        that that SCONJ mark 8
        civilians civilian NOUN nsubjpass 8
        had have AUX aux 8
        been be AUX auxpass 8
        killed kill VERB acl 3
    """)
    assert stance_of(examining, "killed") == "unconfirmed"
    rejected = make_doc("""
        Moscow Moscow PROPN nsubj 1
        rejected reject VERB ROOT 1
        claims claim NOUN dobj 1
        that that SCONJ mark 6
        its its PRON poss 5
        troops troop NOUN nsubj 6
        shelled shell VERB acl 2
        the the DET det 8
        convoy convoy NOUN dobj 6
    """)
    assert stance_of(rejected, "shelled") != "unconfirmed"  # the rejection decides, not "claims"
    described = make_doc("""
        a a DET det 1
        report report NOUN nsubj 4
        released release VERB acl 1
        Thursday Thursday PROPN npadvmod 2
        showed show VERB ROOT 4
    """)
    assert stance_of(described, "released") == "asserted"


def test_until_makes_a_precondition_only_of_a_prospective_clause():
    def until(modal: str) -> Doc:
        aux = f"{modal} {modal} AUX aux 4" if modal else "did do AUX aux 4"
        return make_doc(f"""
            the the DET det 1
            troops troop NOUN nsubj 4
            {aux}
            not not PART neg 4
            withdraw withdraw VERB ROOT 4
            until until SCONJ mark 9
            the the DET det 7
            border border NOUN nsubjpass 9
            was be AUX auxpass 9
            secured secure VERB advcl 4
        """)
    assert stance_of(until("would"), "secured") == "unconfirmed"
    assert stance_of(until(""), "secured") == "asserted"  # "did not withdraw until": it was secured


def test_no_evidence_that_is_no_commitment():
    doc = make_doc("""
        there there PRON expl 1
        was be VERB ROOT 1
        no no DET det 3
        evidence evidence NOUN attr 1
        that that SCONJ mark 8
        the the DET det 6
        fire fire NOUN nsubjpass 8
        had have AUX aux 8
        been be AUX auxpass 8
        set set VERB acl 3
    """)
    phrases = LEXICON.find_cues(doc[0:10])
    event = doc[9]
    assert event_stance(event, LEXICON, phrases=phrases)[0] == "unconfirmed"


def test_a_negated_ability_denies_where_may_not_hedges():
    def negated(modal: str) -> Doc:
        return make_doc(f"""
            Rescuers rescuer NOUN nsubj 3
            {modal} {modal} AUX aux 3
            not not PART neg 3
            reach reach VERB ROOT 3
            the the DET det 5
            village village NOUN dobj 3
        """)
    assert stance_of(negated("could"), "reach") == "denied"
    assert stance_of(negated("may"), "reach") == "hedged"


def test_a_report_inside_a_speaker_mention_is_still_claimed():
    """"..., according to the regional governor, who said a school was damaged": where the
    speaker mention of the first report runs over the relative clause, the second report's
    content is claimed, not taken for the reporting act."""

    from conflictnlp.claims.extract import ClaimExtractor
    from conflictnlp.model import MultiSpan, Quote, TextSpan

    rows = [
        ("Two", "two", "NUM", "nummod", 1), ("people", "people", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3), ("killed", "kill", "VERB", "ROOT", 3), (",", ",", "PUNCT", "punct", 3),
        ("according", "accord", "VERB", "prep", 3), ("to", "to", "ADP", "prep", 5), ("the", "the", "DET", "det", 8),
        ("governor", "governor", "NOUN", "pobj", 6), (",", ",", "PUNCT", "punct", 8), ("who", "who", "PRON", "nsubj", 11),
        ("said", "say", "VERB", "relcl", 8), ("a", "a", "DET", "det", 13), ("school", "school", "NOUN", "nsubjpass", 15),
        ("was", "be", "AUX", "auxpass", 15), ("damaged", "damage", "VERB", "ccomp", 11), (".", ".", "PUNCT", "punct", 3),
    ]
    doc = rows_doc(rows, PARSE_ROWS, spaces=[i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))])

    def span(piece: str) -> tuple[int, int]:
        start = doc.text.index(piece)
        return start, start + len(piece)

    def quote(qid: str, content: str, cue: str, speaker: str) -> Quote:
        return Quote(id=qid, type="indirect", content=MultiSpan(text=content, spans=[span(content)]),
                     cue=TextSpan(text=cue, span=span(cue)), speaker=TextSpan(text=speaker, span=span(speaker)), speaker_name="Governor")

    doc._.quotes = [
        quote("q1", "Two people were killed", "according to", "the governor, who said a school was damaged"),
        quote("q2", "a school was damaged", "said", "who"),
    ]
    claims = {c.text: c for c in ClaimExtractor(LEXICON, known_verbs=frozenset())(doc)}
    assert (claims["a school was damaged"].source, claims["a school was damaged"].quote_id) == ("Governor", "q2")


def test_a_headline_participle_or_infinitive_is_the_outlet_s_event():
    from conflictnlp.claims.stance import headline_event

    killed = make_doc("""
        Two two NUM ROOT 0 CD
        killed kill VERB acl 0 VBN
        in in ADP prep 1 IN
        strike strike NOUN pobj 2 NN
    """)
    assert headline_event(killed[0]) == killed[1]
    assert stance_of(killed, "killed") == "asserted"
    future = make_doc("""
        Kyiv Kyiv PROPN ROOT 0 NNP
        to to PART aux 2 TO
        get get VERB acl 0 VB
        jets jet NOUN dobj 2 NNS
    """)
    assert headline_event(future[0]) == future[2]
    assert stance_of(future, "get") == "asserted"  # a headline's "to" is its future, no plan
    purpose = make_doc("""
        a a DET det 1 DT
        spot spot NOUN ROOT 1 NN
        to to PART aux 3 TO
        rest rest VERB acl 1 VB
    """)
    assert headline_event(purpose[1]) is None
    sentence = make_doc("""
        Officials official NOUN nsubj 1 NNS
        said say VERB ROOT 1 VBD
        two two NUM nsubj 1 CD
        killed kill VERB acl 2 VBN
    """)
    assert headline_event(sentence[1]) is None


def test_an_embedded_wh_question_presupposes_its_event():
    doc = make_doc("""
        It it PRON nsubj 1 PRP
        was be AUX ROOT 1 VBD
        not not PART neg 1 RB
        clear clear ADJ acomp 1 JJ
        who who PRON nsubj 5 WP
        carried carry VERB ccomp 1 VBD
        out out ADP prt 5 RP
        the the DET det 8 DT
        attack attack NOUN dobj 5 NN
    """)
    assert stance_of(doc, "carried") == "asserted"
    whether = make_doc("""
        It it PRON nsubj 1 PRP
        was be AUX ROOT 1 VBD
        not not PART neg 1 RB
        clear clear ADJ acomp 1 JJ
        whether whether SCONJ mark 6 IN
        troops troop NOUN nsubj 6 NNS
        crossed cross VERB ccomp 1 VBD
    """)
    assert stance_of(whether, "crossed") == "unconfirmed"


def test_a_negation_above_a_report_noun_decides_its_content():
    doc = make_doc("""
        there there PRON expl 1
        was be VERB ROOT 1
        no no DET det 3
        truth truth NOUN attr 1
        to to ADP prep 3
        reports report NOUN pobj 4
        that that SCONJ mark 9
        the the DET det 8
        minister minister NOUN nsubj 9
        resigned resign VERB acl 5
    """)
    assert stance_of(doc, "resigned") == "denied"


def test_the_lemmatizer_s_hop_for_hoped_is_read_as_hope():
    doc = make_doc("""
        he he PRON nsubj 1
        hoped hop VERB ROOT 1
        talks talk NOUN nsubj 4
        would would AUX aux 4
        succeed succeed VERB ccomp 1
    """)
    assert LEXICON.lemma(doc[1]) == "hope"
    assert stance_of(doc, "succeed") == "unconfirmed"


def test_a_hedge_noun_hedges_its_content_and_not_ruled_out_is_possible():
    fears = make_doc("""
        there there PRON expl 1
        were be VERB ROOT 1
        fears fear NOUN attr 1
        that that SCONJ mark 7
        the the DET det 5
        dam dam NOUN nsubj 7
        would would AUX aux 7
        burst burst VERB acl 2
    """)
    assert stance_of(fears, "burst") == "hedged"
    ruled = make_doc("""
        they they PRON nsubj 3
        had have AUX aux 3
        not not PART neg 3
        ruled rule VERB ROOT 3
        out out ADP prt 3
        the the DET det 6
        possibility possibility NOUN dobj 3
        that that SCONJ mark 10
        the the DET det 9
        fire fire NOUN nsubjpass 10
        spread spread VERB acl 6
    """)
    phrases = LEXICON.find_cues(ruled[0:11])
    assert event_stance(ruled[10], LEXICON, phrases=phrases)[0] == "hedged"


def test_a_wh_question_about_the_past_presupposes_its_event():
    def question(first: str, tag: str, verb_tag: str) -> Doc:
        return make_doc(f"""
            {first} {first.lower()} PRON nsubj 1 {tag}
            fired fire VERB ROOT 1 {verb_tag}
            the the DET det 3 DT
            missile missile NOUN dobj 1 NN
            ? ? PUNCT punct 1 .
        """)
    assert stance_of(question("Who", "WP", "VBD"), "fired") == "asserted"
    assert stance_of(question("Who", "WP", "VBP"), "fired") == "unconfirmed"  # "who fires ...?": not presupposed
    yes_no = make_doc("""
        Was be AUX auxpass 2 VBD
        it it PRON nsubjpass 2 PRP
        shot shoot VERB ROOT 2 VBN
        ? ? PUNCT punct 2 .
    """)
    assert stance_of(yes_no, "shot") == "unconfirmed"


def test_a_report_noun_called_false_leaves_its_content_to_the_denial():
    doc = make_doc("""
        the the DET det 1
        report report NOUN nsubj 6
        that that SCONJ mark 4
        troops troop NOUN nsubj 4
        entered enter VERB acl 1
        city city NOUN dobj 4
        was be AUX ROOT 6
        false false ADJ acomp 6
    """)
    phrases = LEXICON.find_cues(doc[0:8])
    assert event_stance(doc[4], LEXICON, phrases=phrases)[0] == "denied"
