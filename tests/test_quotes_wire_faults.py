"""Speakers and cues in wire copy (issue 24): a rank between a description and a name goes
with the name, not the role (quotes/roles.py; ranks in data/quote_cues.toml [names] ranks).
Hand-built parses; sentences written for these tests."""

from __future__ import annotations

from conflictnlp.quotes.cues import load_cues
from conflictnlp.quotes.roles import role_of
from conflictnlp.quotes.speakers import SpeakerResolver, source_of_verb
from tests.helpers import make_doc


def _said(first_words: str, ents: list[str]):
    """"<first_words> said the base was hit ." with the name's last word the subject."""
    words = first_words.split()
    n = len(words)
    rows = [f"{w} {w.lower()} {'NOUN' if w.islower() else 'PROPN'} compound {n - 1}" for w in words[:-1]]
    rows.append(f"{words[-1]} {words[-1]} PROPN nsubj {n}")
    rows += [f"said say VERB ROOT {n}", f"the the DET det {n + 2}", f"base base NOUN nsubjpass {n + 4}",
             f"was be AUX auxpass {n + 4}", f"hit hit VERB ccomp {n}", f". . PUNCT punct {n}"]
    doc = make_doc("\n".join(rows), ents=ents + ["O"] * 6)
    mention = source_of_verb(doc[n])
    return doc, mention, SpeakerResolver(doc, (0, len(doc.text)), lexicon=load_cues()).resolve(mention)


def test_a_rank_between_a_description_and_the_name_goes_with_the_name():
    doc, mention, speaker = _said("army spokesman Captain Ibrahim Ouedraogo", ["O", "O", "O", "B-PERSON", "I-PERSON"])
    assert mention.text == "army spokesman Captain Ibrahim Ouedraogo"
    assert (speaker.name, speaker.role) == ("Ibrahim Ouedraogo", "army spokesman")
    assert role_of(mention, doc[3:5], load_cues().ranks) == "army spokesman"
    _, _, police = _said("police spokesman Superintendent Grace Wanjiru", ["O", "O", "O", "B-PERSON", "I-PERSON"])
    assert (police.name, police.role) == ("Grace Wanjiru", "police spokesman")


def test_a_rank_alone_or_in_a_capitalised_title_stays_the_role():
    _, _, general = _said("Gen. Ibrahim Ouedraogo", ["O", "B-PERSON", "I-PERSON"])
    assert (general.name, general.role) == ("Ibrahim Ouedraogo", "Gen.")
    _, _, titled = _said("Regional Police Commander Ibrahim Ouedraogo", ["O", "O", "O", "B-PERSON", "I-PERSON"])
    assert titled.role == "Regional Police Commander"


def _put(rows: str):
    from conflictnlp.quotes.attribution import verb_attributions

    doc = make_doc(rows)
    return doc, verb_attributions(doc, list(doc.sents), load_cues(), [False] * (len(doc.text) + 1))


def test_putting_a_toll_at_a_figure_is_a_report_of_its_subject():
    """"He put the death toll at 22": the subject reports the figure (quote_cues.toml [object]
    only_with_at); the content is the object with its "at" phrase."""
    doc, found = _put("""
        He he PRON nsubj 1
        put put VERB ROOT 1
        the the DET det 4
        death death NOUN compound 4
        toll toll NOUN dobj 1
        at at ADP prep 1
        22 22 NUM pobj 5
        . . PUNCT punct 1
    """)
    assert len(found) == 1
    (attribution,) = found
    assert doc.text[slice(*attribution.cue)] == "put"
    assert [doc.text[s:e] for s, e in attribution.content] == ["the death toll at 22"]
    assert attribution.source is not None and attribution.source.text == "He"
    # "the number of dead at 40": the "at" phrase after the object's own "of"
    doc, found = _put("""
        Officials official NOUN nsubj 1
        put put VERB ROOT 1
        the the DET det 3
        number number NOUN dobj 1
        of of ADP prep 3
        dead dead ADJ pobj 4
        at at ADP prep 1
        40 40 NUM pobj 6
    """)
    assert [[doc.text[s:e] for s, e in a.content] for a in found] == [["the number of dead at 40"]]


def test_put_without_a_figure_is_no_report():
    for rows in ("""
        The the DET det 1
        UN UN PROPN nsubj 2
        put put VERB ROOT 2
        pressure pressure NOUN dobj 2
        on on ADP prep 2
        Kyiv Kyiv PROPN pobj 4
    """, """
        Medics medic NOUN nsubj 1
        put put VERB ROOT 1
        the the DET det 3
        toll toll NOUN dobj 1
        in in ADP prep 1
        doubt doubt NOUN pobj 4
    """):
        assert _put(rows)[1] == []


def test_the_figure_a_pronoun_put_is_its_antecedent_s_claim(nlp):
    """The whole pipeline: the claim with the figure has the speaker "He" resolves to."""
    import conflictnlp

    record = conflictnlp.extract("Two people were killed in the attack, said army spokesman Captain Ibrahim Ouedraogo. "
                                 "He put the death toll at 22.", nlp=nlp)
    claim = next(c for c in record.claims if "22" in c.text)
    assert claim.source == "Ibrahim Ouedraogo"
    assert claim.text == "the death toll at 22"
