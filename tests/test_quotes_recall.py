"""Cue classes and content boundaries mined on PolNeAR train (issue 24 item 3): each class on a
hand-built parse, so a model update does not move the rule, and a few whole-pipeline sentences."""

from __future__ import annotations

import conflictnlp
from conflictnlp.quotes.cues import load_cues
from tests.conftest import assert_offsets
from tests.helpers import attributions, make_doc


def quotes(nlp, text: str) -> list[dict]:
    record = conflictnlp.extract(text, nlp=nlp).to_dict()
    assert_offsets(record)
    return record["quotes"]


def test_an_object_verb_reports_its_that_clause() -> None:
    # "Graham praised the staff but lamented that the plan failed ." ("lament" is listed
    # only for objects; its that-clause is the content too)
    doc = make_doc(
        """
        Graham Graham PROPN nsubj 1
        praised praise VERB ROOT 1
        the the DET det 3
        staff staff NOUN dobj 1
        but but CCONJ cc 1
        lamented lament VERB conj 1
        that that SCONJ mark 9
        the the DET det 8
        plan plan NOUN nsubj 9
        failed fail VERB ccomp 5
        . . PUNCT punct 1
        """
    )
    found = attributions(doc)
    assert ("lamented", ["that the plan failed"], "Graham") in found
    assert ("praised", ["the staff"], "Graham") in found


def test_an_object_verb_without_that_reports_no_bare_clause() -> None:
    # "Officials praised [the crews] , [the fire was out] ": a clause without "that" is no content of "praise"
    doc = make_doc(
        """
        Officials official NOUN nsubj 1
        praised praise VERB ROOT 1
        crews crew NOUN nsubj 4
        had have AUX aux 4
        worked work VERB ccomp 1
        . . PUNCT punct 1
        """
    )
    assert attributions(doc) == []


def test_one_word_before_a_quotation_stays_in_the_content(quotes_nlp) -> None:
    # PolNeAR's content keeps the complementiser or the word outside the marks ("that “...”"):
    # train, 56 against 2
    text = "Despite the attacks, the senator said that “those who know me know that I am an honest person.”"
    (quote,) = quotes(quotes_nlp, text)
    assert quote["content"]["text"].startswith("that “those who know me")
    # a quotation with nothing outside it stays direct
    text = "The senator said: “Those who know me know that I am an honest person.”"
    (quote,) = quotes(quotes_nlp, text)
    assert quote["content"]["text"] == "Those who know me know that I am an honest person."
    assert quote["type"] == "direct"


def test_a_trailing_participle_of_saying_is_cut_from_the_clause_and_reports_for_the_speaker() -> None:
    # "Lewandowski said that the candidate was wrong , noting that donors gave ."
    doc = make_doc(
        """
        Lewandowski Lewandowski PROPN nsubj 1 NNP
        said say VERB ROOT 1 VBD
        that that SCONJ mark 4 IN
        the the DET det 4 DT
        candidate candidate NOUN nsubj 5 NN
        was be AUX ccomp 1 VBD
        wrong wrong ADJ acomp 5 JJ
        , , PUNCT punct 5 ,
        noting note VERB advcl 5 VBG
        that that SCONJ mark 11 IN
        donors donor NOUN nsubj 11 NNS
        gave give VERB ccomp 8 VBD
        . . PUNCT punct 1 .
        """
    )
    found = attributions(doc)
    assert ("said", ["that the candidate was wrong"], "Lewandowski") in found
    assert ("noting", ["that donors gave"], "Lewandowski") in found


def test_a_trailing_participle_that_reports_nothing_stays_in_the_clause() -> None:
    # "Officials said that the road was closed , causing delays ." ("cause" is no cue)
    doc = make_doc(
        """
        Officials official NOUN nsubj 1 NNS
        said say VERB ROOT 1 VBD
        that that SCONJ mark 5 IN
        the the DET det 4 DT
        road road NOUN nsubjpass 5 NN
        closed close VERB ccomp 1 VBN
        , , PUNCT punct 5 ,
        causing cause VERB advcl 5 VBG
        delays delay NOUN dobj 7 NNS
        . . PUNCT punct 1 .
        """
    )
    assert attributions(doc) == [("said", ["that the road closed , causing delays"], "Officials")]


def test_a_verb_object_frame_is_one_cue_up_to_its_preposition() -> None:
    # "Kyiv expressed concern about the drills ."
    doc = make_doc(
        """
        Kyiv Kyiv PROPN nsubj 1
        expressed express VERB ROOT 1
        concern concern NOUN dobj 1
        about about ADP prep 2
        the the DET det 5
        drills drill NOUN pobj 3
        . . PUNCT punct 1
        """
    )
    assert attributions(doc) == [("expressed concern about", ["the drills"], "Kyiv")]


def test_a_verb_object_frame_reports_a_that_clause_and_needs_its_noun() -> None:
    # "Analysts raised serious doubts that talks would resume ."
    doc = make_doc(
        """
        Analysts analyst NOUN nsubj 1
        raised raise VERB ROOT 1
        serious serious ADJ amod 3
        doubts doubt NOUN dobj 1
        that that SCONJ mark 7
        talks talk NOUN nsubj 7
        would would AUX aux 7
        resume resume VERB acl 3
        . . PUNCT punct 1
        """
    )
    assert attributions(doc) == [("raised serious doubts", ["that talks would resume"], "Analysts")]
    # "raised taxes on fuel": no frame noun, no cue
    doc = make_doc(
        """
        Officials official NOUN nsubj 1
        raised raise VERB ROOT 1
        taxes tax NOUN dobj 1
        on on ADP prep 2
        fuel fuel NOUN pobj 3
        . . PUNCT punct 1
        """
    )
    assert attributions(doc) == []


def test_verb_particle_and_preposition_make_one_cue() -> None:
    # "The envoy lashed out at the West ."
    doc = make_doc(
        """
        The the DET det 1
        envoy envoy NOUN nsubj 2
        lashed lash VERB ROOT 2
        out out ADP prt 2
        at at ADP prep 2
        the the DET det 6
        West West PROPN pobj 4
        . . PUNCT punct 2
        """
    )
    assert attributions(doc) == [("lashed out at", ["the West"], "The envoy")]


def test_frames_in_the_whole_pipeline(quotes_nlp) -> None:
    text = "The minister also took aim at the opposition, and aid groups voiced concern about the cuts."
    found = {(q["cue"]["text"], q["content"]["text"]) for q in quotes(quotes_nlp, text)}
    assert ("also took aim at", "the opposition") in found
    assert ("voiced concern about", "the cuts") in found


def test_a_split_quote_carries_on_past_a_programme_title(quotes_nlp) -> None:
    text = (
        "“We were sitting in a house with a bad line,” the mayor told Channel 5’s “Morning Report” on Monday. "
        "“We could hardly hear what the general was saying.”"
    )
    (quote,) = quotes(quotes_nlp, text)
    assert quote["speaker"]["text"] == "the mayor"
    assert [text[s:e] for s, e in quote["content"]["spans"]] == [
        "We were sitting in a house with a bad line,",
        "We could hardly hear what the general was saying.",
    ]
    # a sentence in quotation marks after a full stop is speech, not a title: it still needs
    # nothing but the attribution's tail between
    text = "“The convoy left at dawn,” the mayor said. Shelling resumed. “It was quiet for an hour.”"
    (first, *_) = quotes(quotes_nlp, text)
    assert [text[s:e] for s, e in first["content"]["spans"]] == ["The convoy left at dawn,"]


def test_a_quote_goes_on_past_a_participle_with_its_own_content(quotes_nlp) -> None:
    text = (
        "“That is the big question,” Clark said, noting he would back any of the other candidates. "
        "“We have a deep bench here.”"
    )
    found = quotes(quotes_nlp, text)
    said = next(q for q in found if q["cue"]["text"] == "said")
    assert [text[s:e] for s, e in said["content"]["spans"]] == ["That is the big question,", "We have a deep bench here."]
    assert any(q["cue"]["text"] == "noting" and q["content"]["text"].startswith("he would back") for q in found)
    # a cue without content of its own between the pieces takes the second one
    text = "“That is the big question,” Clark said, adding: “We have a deep bench here.”"
    found = {q["cue"]["text"]: q["content"]["text"] for q in quotes(quotes_nlp, text)}
    assert found == {"said": "That is the big question,", "adding": "We have a deep bench here."}


def _quote_cues(nlp, text):
    return {(q["speaker"]["text"] if q["speaker"] else None, q["cue"]["text"], q["content"]["text"]) for q in quotes(nlp, text) if q["cue"]}


def test_a_title_case_headline_verb_is_a_cue(quotes_nlp) -> None:
    # the small model tags "Urges" a proper noun: the parse hides the verb
    text = "Red Cross Chief Urges Both Sides To Open Humanitarian Corridor.\n\nThe appeal came on Monday."
    assert ("Red Cross Chief", "Urges", "Both Sides To Open Humanitarian Corridor") in _quote_cues(quotes_nlp, text)
    text = "EXCLUSIVE: Kharkiv Governor Says Power Plant Was Hit Twice\n\nOfficials gave no figures."
    assert ("Kharkiv Governor", "Says", "Power Plant Was Hit Twice") in _quote_cues(quotes_nlp, text)


def test_a_title_case_line_without_a_cue_form_is_left_alone(quotes_nlp) -> None:
    # "Talks" and "Leaves" end in -s but are no cue lemma; a sentence-case line is for the parser
    text = "Ceasefire Talks Stall As Envoy Leaves Geneva\n\nNo date was set."
    assert _quote_cues(quotes_nlp, text) == set()


def test_title_word_forms_map_to_cue_lemmas() -> None:
    from conflictnlp.quotes.attribution import _cue_lemma_of_title_word

    lexicon = load_cues()
    assert _cue_lemma_of_title_word("Denounces", lexicon) == "denounce"
    assert _cue_lemma_of_title_word("Slams", lexicon) == "slam"
    assert _cue_lemma_of_title_word("Denies", lexicon) == "deny"
    assert _cue_lemma_of_title_word("Leaves", lexicon) is None
    assert _cue_lemma_of_title_word("says", lexicon) is None  # lower case: the parser reads it


def _purpose_doc(verb: str, lemma: str) -> object:
    # "The army moved troops to the border to <verb> stability ." : the infinitive is an advcl with no subject
    return make_doc(
        f"""
        The the DET det 1 DT
        army army NOUN nsubj 2 NN
        moved move VERB ROOT 2 VBD
        troops troop NOUN dobj 2 NNS
        to to ADP prep 2 IN
        the the DET det 6 DT
        border border NOUN pobj 4 NN
        to to PART aux 8 TO
        {verb} {lemma} VERB advcl 2 VB
        stability stability NOUN dobj 8 NN
        . . PUNCT punct 2 .
        """
    )


def test_an_aim_verb_in_a_purpose_infinitive_is_no_report() -> None:
    assert attributions(_purpose_doc("promote", "promote")) == []
    assert attributions(_purpose_doc("defend", "defend")) == []
    # a verb of speech there still reports: "met ... to discuss the strike"
    assert [cue for cue, _, _ in attributions(_purpose_doc("discuss", "discuss"))] == ["to discuss"]


def test_an_aim_verb_with_a_subject_of_its_own_stays_a_cue() -> None:
    doc = make_doc(
        """
        Kyiv Kyiv PROPN nsubj 1 NNP
        promoted promote VERB ROOT 1 VBD
        the the DET det 3 DT
        plan plan NOUN dobj 1 NN
        . . PUNCT punct 1 .
        """
    )
    assert [(cue, speaker) for cue, _, speaker in attributions(doc)] == [("promoted", "Kyiv")]


def test_a_purpose_infinitive_in_news_gives_no_quote(quotes_nlp) -> None:
    text = "Russia said it would reduce activity near Kyiv to promote trust at the bargaining table."
    assert [q["cue"]["text"] for q in quotes(quotes_nlp, text)] == ["said"]
    assert quotes(quotes_nlp, "The army moved troops to the border to promote stability.") == []


def test_a_participle_trailing_a_cue_verb_reports_what_follows_it() -> None:
    # '" A , " he said , noting that at one point he trailed .' with no clause under "noting"
    # (the small model's parse): its content is what follows it, never the "he said" before
    doc = make_doc(
        """
        We we PRON nsubj 1 PRP
        won win VERB ccomp 4 VBD
        , , PUNCT punct 4 ,
        he he PRON nsubj 4 PRP
        said say VERB ROOT 4 VBD
        , , PUNCT punct 4 ,
        noting note VERB advcl 4 VBG
        that that ADP prep 6 IN
        at at ADP prep 7 IN
        one one NUM nummod 10 CD
        point point NOUN pobj 8 NN
        he he PRON nsubj 12 PRP
        trailed trail VERB relcl 10 VBD
        . . PUNCT punct 4 .
        """
    )
    found = attributions(doc)
    assert ("noting", ["that at one point he trailed"], "he") in found
    assert ("said", ["We won"], "he") in found


def test_a_time_after_the_object_is_no_content() -> None:
    # "Graham endorsed Trump in 2015 ." / "... on Thursday": when it was said is no content;
    # another phrase after the object stays ("endorsed Trump for president")
    def endorsed(word: str, obj: str, ent: str) -> list:
        doc = make_doc(
            f"""
            Graham Graham PROPN nsubj 1
            endorsed endorse VERB ROOT 1
            Trump Trump PROPN dobj 1
            {word} {word} ADP prep 1
            {obj} {obj} NOUN pobj 3
            . . PUNCT punct 1
            """,
            ents=["B-PERSON", "O", "B-PERSON", "O", ent, "O"],
        )
        return attributions(doc)

    assert endorsed("in", "2015", "B-DATE") == [("endorsed", ["Trump"], "Graham")]
    assert endorsed("on", "Thursday", "B-DATE") == [("endorsed", ["Trump"], "Graham")]
    assert endorsed("for", "president", "O") == [("endorsed", ["Trump for president"], "Graham")]


def test_a_mixed_quote_carries_on_into_the_next_quotation(quotes_nlp) -> None:
    # PolNeAR joins the next quoted sentence to a mixed quote as to a direct one; a quotation
    # that is signed by a cue of its own right after it is not taken
    text = (
        'Parties all over Europe "will continue to conflate refugees with terrorism," Mr. Rahman said. '
        '"This will put more pressure on incumbent governments."'
    )
    (quote,) = quotes(quotes_nlp, text)
    assert quote["type"] == "mixed"
    assert [text[s:e] for s, e in quote["content"]["spans"]][-1] == "This will put more pressure on incumbent governments."
    text = (
        "The club, Ms. Tanzer said, ''is a perfect example of adapting'' to the economics of golf. "
        "''They're spending a fortune on the place,'' she said. ''It's a home run.''"
    )
    found = {q["cue"]["text"] + "/" + q["speaker"]["text"]: [text[s:e] for s, e in q["content"]["spans"]] for q in quotes(quotes_nlp, text)}
    assert found["said/she"] == ["They're spending a fortune on the place,", "It's a home run."]
    assert all("They're" not in piece for piece in found["said/Ms. Tanzer"])


def test_a_label_after_a_dash_and_a_headline_quotation_that_goes_on(quotes_nlp) -> None:
    # a roundup line "Headline - Source: “...”" is signed by its label as a line's start is;
    # a quoted phrase after a label that the line carries on past is part of the statement
    text = "Polls share blame in Iowa overhype - HuffPollster: “Pollsters are taking a lot of heat from the public.”"
    (quote,) = quotes(quotes_nlp, text)
    assert quote["speaker"]["text"] == "HuffPollster"
    assert "Pollsters are taking" in quote["content"]["text"]
    text = "Bernie Sanders: ‘It Is Not A Radical Idea’ To Ask For A $15 Minimum Wage.\n\nSanders spoke on Monday."
    labelled = [q for q in quotes(quotes_nlp, text) if q["cue"] and q["cue"]["text"] == ":"]
    assert [q["content"]["text"] for q in labelled] == ["‘It Is Not A Radical Idea’ To Ask For A $15 Minimum Wage."]


def test_a_cue_in_a_relative_clause_reports_what_the_pronoun_stands_for() -> None:
    # "Russia rebuilt the bridges that Ukraine said were destroyed ." : the content is "the
    # bridges" + "were destroyed", never "that" + "were destroyed"
    doc = make_doc(
        """
        Russia Russia PROPN nsubj 1 NNP
        rebuilt rebuild VERB ROOT 1 VBD
        the the DET det 3 DT
        bridges bridge NOUN dobj 1 NNS
        that that PRON nsubj 8 WDT
        Ukraine Ukraine PROPN nsubj 6 NNP
        said say VERB relcl 3 VBD
        were be AUX auxpass 8 VBD
        destroyed destroy VERB ccomp 6 VBN
        . . PUNCT punct 1 .
        """
    )
    assert attributions(doc) == [("said", ["the bridges", "were destroyed"], "Ukraine")]


def test_the_stand_in_for_a_relative_pronoun_leaves_out_its_link_words() -> None:
    # "... and not the trucks that Ukraine said were destroyed": "the trucks", not "not the trucks"
    doc = make_doc(
        """
        Russia Russia PROPN nsubj 1 NNP
        hit hit VERB ROOT 1 VBD
        targets target NOUN dobj 1 NNS
        and and CCONJ cc 2 CC
        not not PART neg 6 RB
        the the DET det 6 DT
        trucks truck NOUN conj 2 NNS
        that that PRON nsubjpass 11 WDT
        Ukraine Ukraine PROPN nsubj 9 NNP
        said say VERB relcl 6 VBD
        were be AUX auxpass 11 VBD
        destroyed destroy VERB ccomp 9 VBN
        . . PUNCT punct 1 .
        """
    )
    assert attributions(doc) == [("said", ["the trucks", "were destroyed"], "Ukraine")]


def test_a_relative_pronoun_that_is_the_cue_subject_is_its_speaker() -> None:
    # "a spokesman who said the bridges were destroyed": "who" speaks, the clause is reported
    doc = make_doc(
        """
        a a DET det 1 DT
        spokesman spokesman NOUN ROOT 1 NN
        who who PRON nsubj 3 WP
        said say VERB relcl 1 VBD
        bridges bridge NOUN nsubjpass 6 NNS
        were be AUX auxpass 6 VBD
        destroyed destroy VERB ccomp 3 VBN
        """
    )
    assert attributions(doc) == [("said", ["bridges were destroyed"], "who")]  # the mention PolNeAR marks


def test_one_decision_says_whose_a_participle_of_saying_is() -> None:
    # "CNN reported that the governor said A , adding that B ": the governor added (a report
    # inside the content keeps its participle); "Officials said the road closed , adding that
    # B ": the officials added, and "adding ..." is cut from their content
    from conflictnlp.quotes.speakers import participle_reporter

    lexicon = load_cues()
    nested = make_doc(
        """
        CNN CNN PROPN nsubj 1 NNP
        reported report VERB ROOT 1 VBD
        that that SCONJ mark 5 IN
        the the DET det 4 DT
        governor governor NOUN nsubj 5 NN
        said say VERB ccomp 1 VBD
        roads road NOUN nsubj 7 NNS
        closed close VERB ccomp 5 VBD
        , , PUNCT punct 9 ,
        adding add VERB advcl 5 VBG
        that that SCONJ mark 12 IN
        shops shop NOUN nsubj 12 NNS
        opened open VERB ccomp 9 VBD
        . . PUNCT punct 1 .
        """
    )
    assert participle_reporter(nested[9], lexicon.is_cue) == nested[5]
    flat = make_doc(
        """
        Officials official NOUN nsubj 1 NNS
        said say VERB ROOT 1 VBD
        roads road NOUN nsubj 3 NNS
        closed close VERB ccomp 1 VBD
        , , PUNCT punct 5 ,
        adding add VERB advcl 3 VBG
        that that SCONJ mark 8 IN
        shops shop NOUN nsubj 8 NNS
        opened open VERB ccomp 5 VBD
        . . PUNCT punct 1 .
        """
    )
    assert participle_reporter(flat[5], lexicon.is_cue) == flat[1]
    assert participle_reporter(flat[1], lexicon.is_cue) is None
    found = attributions(flat)
    assert ("said", ["roads closed"], "Officials") in found
    assert ("adding", ["that shops opened"], "Officials") in found


def test_a_raising_evidential_reports_its_subject_and_has_no_speaker() -> None:
    # "Ben Carson appears to be slipping ." : how things look, not Carson's words; PolNeAR
    # draws the subject inside the content and no source ([infinitive] raising)
    doc = make_doc(
        """
        Ben Ben PROPN compound 1 NNP
        Carson Carson PROPN nsubj 2 NNP
        appears appear VERB ROOT 2 VBZ
        to to PART aux 5 TO
        be be AUX aux 5 VB
        slipping slip VERB xcomp 2 VBG
        . . PUNCT punct 2 .
        """
    )
    assert attributions(doc) == [("appears", ["Ben Carson", "to be slipping"], None)]
    # an infinitive cue that is no raising verb keeps its subject as the speaker
    doc = make_doc(
        """
        Ben Ben PROPN compound 1 NNP
        Carson Carson PROPN nsubj 2 NNP
        vowed vow VERB ROOT 2 VBD
        to to PART aux 4 TO
        win win VERB xcomp 2 VB
        . . PUNCT punct 2 .
        """
    )
    assert attributions(doc) == [("vowed", ["to win"], "Ben Carson")]


def test_according_to_content_starts_after_an_opening_connective(quotes_nlp) -> None:
    # "But Kasich has pulled within 4 points, according to a poll.": the "But" ties the
    # sentence to the one before and is no content; a phrase of place stays
    text = "Trump leads in Florida. But Kasich has pulled within 4 points in Ohio, according to a new poll."
    (quote,) = [q for q in quotes(quotes_nlp, text) if q["cue"]["text"] == "according to"]
    assert quote["content"]["text"] == "Kasich has pulled within 4 points in Ohio"
    text = "Trump leads in Florida. In Ohio, Kasich has pulled within 4 points, according to a new poll."
    (quote,) = [q for q in quotes(quotes_nlp, text) if q["cue"]["text"] == "according to"]
    assert quote["content"]["text"].startswith("In Ohio")


def test_call_for_with_a_clause_the_parse_hung_on_for() -> None:
    # "The envoy called for Kyiv to withdraw ." : the small model makes "for" the mark of an
    # adverbial clause; the content is the clause without "for" (PolNeAR's boundary)
    doc = make_doc(
        """
        The the DET det 1
        envoy envoy NOUN nsubj 2
        called call VERB ROOT 2
        for for SCONJ mark 6
        Kyiv Kyiv PROPN nsubj 6
        to to PART aux 6
        withdraw withdraw VERB advcl 2
        . . PUNCT punct 2
        """
    )
    assert attributions(doc) == [("called for", ["Kyiv to withdraw"], "The envoy")]


def test_for_opening_a_purpose_clause_after_another_verb_is_no_cue() -> None:
    # "The envoy waited for Kyiv to withdraw ." : "wait for" is no cue
    doc = make_doc(
        """
        The the DET det 1
        envoy envoy NOUN nsubj 2
        waited wait VERB ROOT 2
        for for SCONJ mark 6
        Kyiv Kyiv PROPN nsubj 6
        to to PART aux 6
        withdraw withdraw VERB advcl 2
        . . PUNCT punct 2
        """
    )
    assert attributions(doc) == []


def test_a_relative_clause_opened_by_that_is_no_report() -> None:
    # "Ads that criticize Cruz ran ." : train-250, 5 gold cues in 24; "who" keeps its report
    that = make_doc(
        """
        Ads ad NOUN nsubj 4
        that that PRON nsubj 2
        criticize criticize VERB relcl 0
        Cruz Cruz PROPN dobj 2
        ran run VERB ROOT 4
        . . PUNCT punct 4
        """
    )
    assert attributions(that) == []
    who = make_doc(
        """
        Aides aide NOUN nsubj 4
        who who PRON nsubj 2
        criticize criticize VERB relcl 0
        Cruz Cruz PROPN dobj 2
        left leave VERB ROOT 4
        . . PUNCT punct 4
        """
    )
    assert [(cue, content) for cue, content, _ in attributions(who)] == [("criticize", ["Cruz"])]


def test_as_x_reported_before_the_clause_it_reports() -> None:
    # "Still , as the agency reported , the town was shelled ." : the content starts after the
    # cue's comma (PolNeAR leaves "Still" out); "as" with an object of its own reports nothing
    doc = make_doc(
        """
        Still still ADV advmod 10
        , , PUNCT punct 10
        as as SCONJ mark 5
        the the DET det 4
        agency agency NOUN nsubj 5
        reported report VERB advcl 10
        , , PUNCT punct 10
        the the DET det 8
        town town NOUN nsubjpass 10
        was be AUX auxpass 10
        shelled shell VERB ROOT 10
        . . PUNCT punct 10
        """
    )
    assert attributions(doc) == [("reported", ["the town was shelled"], "the agency")]
    with_object = make_doc(
        """
        As as SCONJ mark 3
        the the DET det 2
        agency agency NOUN nsubj 3
        reported report VERB advcl 9
        losses loss NOUN dobj 3
        , , PUNCT punct 9
        the the DET det 7
        town town NOUN nsubjpass 9
        was be AUX auxpass 9
        shelled shell VERB ROOT 9
        . . PUNCT punct 9
        """
    )
    assert [cue for cue, _, _ in attributions(with_object)] == ["reported"]
    assert attributions(with_object)[0][1] == ["losses"]


def test_continued_to_opens_the_cue_of_the_verb_after_it() -> None:
    # "Trump continued to question the record ." : PolNeAR's cue runs from "continued"
    doc = make_doc(
        """
        Trump Trump PROPN nsubj 1
        continued continue VERB ROOT 1
        to to PART aux 3
        question question VERB xcomp 1
        the the DET det 5
        record record NOUN dobj 3
        . . PUNCT punct 1
        """
    )
    assert attributions(doc) == [("continued to question", ["the record"], "Trump")]


def test_asked_x_if_with_the_question_parsed_as_an_adverbial() -> None:
    # "Hannity asked Trump if he would run ." : the "if" clause is the content (lexicon
    # ``clause.asking``); under "said" an "if" clause stays a condition, no content
    asked = make_doc(
        """
        Hannity Hannity PROPN nsubj 1
        asked ask VERB ROOT 1
        Trump Trump PROPN dobj 1
        if if SCONJ mark 6
        he he PRON nsubj 6
        would would AUX aux 6
        run run VERB advcl 1
        . . PUNCT punct 1
        """
    )
    assert attributions(asked) == [("asked", ["if he would run"], "Hannity")]
    said = make_doc(
        """
        Hannity Hannity PROPN nsubj 1
        said say VERB ROOT 1
        it it PRON dobj 1
        if if SCONJ mark 6
        he he PRON nsubj 6
        would would AUX aux 6
        run run VERB advcl 1
        . . PUNCT punct 1
        """
    )
    assert all(content != ["if he would run"] for _, content, _ in attributions(said))


def test_a_survey_found_its_object() -> None:
    # "A survey found broad support ." reports [broad support]; "Rescuers found bodies ." does not
    survey = make_doc(
        """
        A a DET det 1
        survey survey NOUN nsubj 2
        found find VERB ROOT 2
        broad broad ADJ amod 4
        support support NOUN dobj 2
        . . PUNCT punct 2
        """
    )
    assert attributions(survey) == [("found", ["broad support"], "A survey")]
    rescuers = make_doc(
        """
        Rescuers rescuer NOUN nsubj 1
        found find VERB ROOT 1
        bodies body NOUN dobj 1
        . . PUNCT punct 1
        """
    )
    assert all(content == [] for _, content, _ in attributions(rescuers))  # a bare clause cue, no content


def test_as_x_put_it_is_a_cue_with_its_object() -> None:
    # "As Foner put it , the system works ." : "put it" is the cue (lexicon
    # ``phrases.saying_idioms``); "Foner put it on the table" without "as" is no cue
    doc = make_doc(
        """
        As as SCONJ mark 2
        Foner Foner PROPN nsubj 2
        put put VERB advcl 7
        it it PRON dobj 2
        , , PUNCT punct 7
        the the DET det 6
        system system NOUN nsubj 7
        works work VERB ROOT 7
        . . PUNCT punct 7
        """
    )
    assert attributions(doc) == [("put it", ["the system works"], "Foner")]
    plain = make_doc(
        """
        Foner Foner PROPN nsubj 1
        put put VERB ROOT 1
        it it PRON dobj 1
        on on ADP prep 1
        the the DET det 5
        table table NOUN pobj 3
        . . PUNCT punct 1
        """
    )
    assert attributions(plain) == []
