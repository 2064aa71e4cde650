"""Words that tell of what might happen or of a named thing's past are no incidents, and a
year of such background dates no other event."""

from __future__ import annotations

from conflictnlp.events.clauses import describes_a_name, hypothetical
from conflictnlp.pipeline import extract
from tests.helpers import make_doc


def test_a_noun_subject_under_would_is_hypothetical_but_not_under_could_have() -> None:
    would = make_doc(
        """
        Its its PRON poss 1 PRP$
        capture capture NOUN nsubj 3 NN
        would would AUX aux 3 MD
        be be AUX ROOT 3 VB
        a a DET det 6 DT
        major major ADJ amod 6 JJ
        prize prize NOUN attr 3 NN
        """
    )
    assert hypothetical(would[1])
    could_have = make_doc(
        """
        The the DET det 1 DT
        attack attack NOUN nsubj 4 NN
        could could AUX aux 4 MD
        have have AUX aux 4 VB
        killed kill VERB ROOT 4 VBN
        dozens dozen NOUN dobj 4 NNS
        """
    )
    assert not hypothetical(could_have[1])


def test_a_participle_with_a_year_after_a_name_describes_it() -> None:
    doc = make_doc(
        """
        to to ADP prep 0 IN
        Crimea Crimea PROPN pobj 0 NNP
        , , PUNCT punct 1 ,
        seized seize VERB acl 1 VBN
        from from ADP prep 3 IN
        Ukraine Ukraine PROPN pobj 4 NNP
        in in ADP prep 3 IN
        2014 2014 NUM pobj 6 CD
        """
    )
    assert describes_a_name(doc[3])
    convoy = make_doc(
        """
        the the DET det 1 DT
        convoy convoy NOUN ROOT 1 NN
        , , PUNCT punct 1 ,
        struck strike VERB acl 1 VBN
        on on ADP prep 3 IN
        Tuesday Tuesday PROPN pobj 4 NNP
        """
    )
    assert not describes_a_name(convoy[3])


def test_background_years_date_no_event_of_an_undated_article() -> None:
    # the AP sample's form: no publication date, one year in a background sentence
    result = extract(
        "Russian forces shelled Kharkiv overnight, killing two civilians, the governor said. "
        "Its capture would give Russia a land bridge to Crimea, seized from Ukraine in 2014."
    )
    assert [(e.sub_type, e.date) for e in result.events] == [("shelling_artillery_missile_attack", None)]


def test_only_a_day_is_lent_to_an_undated_neighbour() -> None:
    from types import SimpleNamespace

    from conflictnlp.events.dates import _date_from_neighbours

    year = SimpleNamespace(value="2014")
    day = SimpleNamespace(value="2022-04-01")
    undated = [SimpleNamespace(date=year), SimpleNamespace(date=None)]
    _date_from_neighbours(undated)
    assert undated[1].date is None
    dated = [SimpleNamespace(date=day), SimpleNamespace(date=None)]
    _date_from_neighbours(dated)
    assert dated[1].date is day
