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
