"""compare invents nothing (issue 25) and keeps one incident together (issue 27), on hand-built
records: border reference points by country, a denial of injuries against a count, a stance
dispute only between sources about one proposition, wire datelines, the same town on one day;
and the scored gold stories (tests/fixtures/stories/eval)."""

from __future__ import annotations

import json

import pytest

from conflictnlp.evaluation.stories import score
from conflictnlp.model import Article, Casualty, Claim, Distance, Location, Quantity, TextSpan
from conflictnlp.stories.compare import StoryComparer
from conflictnlp.stories.figures import border_countries, count_disagreements, distance_disagreements
from conflictnlp.stories.grouping import Signature, conflicts, dateline_end, same_place_and_day
from tests.conftest import FIXTURES

GOLD = FIXTURES / "stories" / "eval" / "stories_gold.jsonl"


def span_of(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def article(ident: str, text: str, **fields) -> Article:
    return Article(id=ident, text=text, body=(0, len(text)), **fields)


def claim(text: str, piece: str, ident: str, source: str, stance: str = "asserted") -> Claim:
    return Claim(id=ident, text=piece, span=span_of(text, piece), source=source, stance=stance)


def source_of(article, span):
    return next((c.source for c in article.claims if c.span[0] <= span[0] and span[1] <= c.span[1]), None)


@pytest.mark.parametrize(
    "reference, site, expected",
    [
        ("the Ukrainian border", "RU", {"RU", "UA"}),
        ("the Russian border", "RU", {"RU"}),
        ("the border with Ukraine", "RU", {"RU", "UA"}),
        ("the Russia-Ukraine border", None, {"RU", "UA"}),
        ("the Ukrainian border", None, {"UA"}),
        ("the northern border", "RU", None),  # no country named: not matched as a country's border
        ("Hodeidah port", "YE", None),
    ],
)
def test_a_border_is_the_countries_it_lies_between(reference, site, expected):
    found = border_countries(reference, site)
    assert (set(found) if found is not None else None) == expected


def _distance_article(ident: str, text: str, piece: str, reference: str, metres: float) -> Article:
    town = span_of(text, "Bryansk")
    return article(
        ident, text,
        locations=[Location(id="l1", text="Bryansk", span=town, name="Bryansk", country_code="RU", feature="city")],
        distances=[Distance(id="m1", text=piece, span=span_of(text, piece), value=1, unit="mile", metres=metres,
                            reference=TextSpan(reference, span_of(text, reference)))],
    )


def test_the_russian_and_the_ukrainian_border_of_a_site_in_russia_are_one():
    a = _distance_article("a", "The depot in Bryansk lies some 22 miles from the Ukrainian border.", "some 22 miles", "the Ukrainian border", 35406)
    b = _distance_article("b", "Helicopters flew 25 miles past the Russian border to Bryansk.", "25 miles", "the Russian border", 40234)
    found = distance_disagreements([a, b], ["a", "b"], source_of)
    assert [sorted(v.article for v in d.values) for d in found] == [["a", "b"]]
    # the Belarusian and the Ukrainian border of a site in Russia are two borders
    c = _distance_article("c", "The depot in Bryansk lies some 25 miles from the Belarusian border.", "some 25 miles", "the Belarusian border", 40234)
    assert distance_disagreements([a, c], ["a", "c"], source_of) == []


def _wounded(ident: str, text: str, piece: str, value: float, source: str) -> Article:
    q = Quantity(id="n1", text=piece, span=span_of(text, piece), value=value, kind="count", concept="workers")
    return article(ident, text, quantities=[q], claims=[claim(text, text.rstrip("."), "c1", source)])


def test_a_denial_that_anyone_was_hurt_is_set_against_a_count_of_the_hurt():
    """The toll of none is the casualty reading's (a quantity of 0 under the denial, as
    measures/casualties.py writes it); compare sets it against the count of the wounded."""
    text = "The governor said two workers at the depot were wounded, but the oil company denied anyone was hurt."
    counted = Quantity(id="n1", text="two workers", span=span_of(text, "two workers"), value=2, kind="count", concept="workers",
                       casualty=Casualty(role="wounded", who="workers", low=2, high=2))
    nobody = Quantity(id="n2", text="anyone", span=span_of(text, "anyone"), value=0, kind="count", implicit=True,
                      casualty=Casualty(role="wounded", low=0, high=0))
    b = article("b", text, quantities=[counted, nobody], claims=[
        claim(text, "two workers at the depot were wounded", "c1", "regional governor"),
        claim(text, "anyone was hurt", "c2", "oil company", "denied"),
    ])
    found = count_disagreements([b], ["b"], source_of)
    assert len(found) == 1 and found[0].about == "number wounded"
    assert {(v.value, v.source) for v in found[0].values} == {(2, "regional governor"), (0, "oil company")}
    # a denial of something else ("denied anyone was behind the fire") reads no toll of none
    other = "The oil company denied anyone was behind the fire, and two workers were wounded."
    c = article("c", other, quantities=[Quantity(id="n1", text="two workers", span=span_of(other, "two workers"), value=2, kind="count",
                                                 casualty=Casualty(role="wounded", low=2, high=2))],
                claims=[claim(other, "anyone was behind the fire", "c1", "oil company", "denied")])
    assert count_disagreements([c], ["c"], source_of) == []


def _stance(items):
    comparer = StoryComparer("lexical")
    articles = [article(aid, text, claims=claims) for aid, text, claims in items]
    ids = [a.id for a in articles]
    return comparer.story("s1", articles, ids).disagreements


def test_neither_confirm_nor_deny_is_set_against_a_denial():
    a = "Ukraine's defence ministry denied responsibility for the blast."
    b = "A spokesman, Oleh Marchenko, said he could neither confirm nor deny that Ukraine was behind the strike."
    found = _stance([
        ("a", a, [claim(a, "responsibility for the blast", "c1", "Ukraine's defence ministry", "denied")]),
        ("b", b, [claim(b, "he could neither confirm nor deny that Ukraine was behind the strike", "c1", "Oleh Marchenko", "unconfirmed")]),
    ])
    assert [(d.kind, sorted(v.article for v in d.values)) for d in found] == [("stance", ["a", "b"])]


def test_one_speaker_paraphrased_in_two_outlets_is_no_dispute():
    a = "The mayor said the shelling was not aimed at military targets in the town."
    b = "The mayor said the shelling hit purely civilian targets in the town, not military ones."
    found = _stance([
        ("a", a, [claim(a, "the shelling was not aimed at military targets in the town", "c1", "Andriy Besedin", "denied")]),
        ("b", b, [claim(b, "the shelling hit purely civilian targets in the town", "c1", "Andriy Besedin")]),
    ])
    assert [d for d in found if d.kind == "stance"] == []


def test_two_sources_on_one_proposition_are_a_dispute_and_unrelated_statements_are_not():
    a = "Army spokesman Guillaume Ndjike said M23 rebels had shelled the displacement camp."
    b = "M23 spokesman Lawrence Kanyuka denied that the rebels had shelled the displacement camp."
    c = "The UN refugee agency denied that it had closed its office in the city."
    found = _stance([
        ("a", a, [claim(a, "M23 rebels had shelled the displacement camp", "c1", "Guillaume Ndjike")]),
        ("b", b, [claim(b, "the rebels had shelled the displacement camp", "c1", "Lawrence Kanyuka", "denied")]),
        ("c", c, [claim(c, "it had closed its office in the city", "c1", "UN refugee agency", "denied")]),
    ])
    stance = [d for d in found if d.kind == "stance"]
    assert [sorted(v.article for v in d.values) for d in stance] == [["a", "b"]]


def test_a_wire_dateline_is_where_the_report_was_filed():
    text = "SANAA, Jan 24 (Northline Wire) - Air strikes hit a radar site north of Hodeidah port on Tuesday."
    record = {"text": text, "body": [0, len(text)]}
    assert text[dateline_end(record) :].startswith("Air strikes")
    assert dateline_end({"text": "Air strikes hit Sanaa.", "body": [0, 22]}) == 0


def test_the_same_town_on_the_same_day_is_one_incident_and_two_towns_are_two():
    one = Signature(0, None, lead_place="bryansk", lead_days=frozenset({738652}))
    other = Signature(1, None, lead_place="bryansk", lead_days=frozenset({738653}))  # "Sunday night" / "Monday"
    later = Signature(2, None, lead_place="bryansk", lead_days=frozenset({738655}))
    elsewhere = Signature(3, None, lead_place="vasylivka", places=frozenset({"vasylivka"}), lead_days=frozenset({738652}))
    assert same_place_and_day(one, other) and not same_place_and_day(one, later)
    assert not same_place_and_day(one, elsewhere) and conflicts(one, elsewhere) == 1


def test_the_scoring_counts_found_invented_missed_and_traps():
    gold = [{"id": "g", "articles": [{"id": "a"}, {"id": "b"}],
             "disagreements": [{"kind": "distance", "match": "border", "articles": ["a", "b"]},
                               {"kind": "quantity", "match": "killed", "articles": ["a", "b"]}],
             "traps": [{"kind": "stance", "match": "", "articles": ["a", "b"], "why": "paraphrase"}]}]
    values = [{"article": "a", "text": "22 miles"}, {"article": "b", "text": "25 km"}]
    stories = {"stories": [{"articles": ["a", "b"], "disagreements": [
        {"kind": "distance", "about": "distance from the border", "values": values},
        {"kind": "stance", "about": "threat", "values": values},
    ]}]}
    report = score(stories, gold)
    assert (report["disagreements"]["tp"], report["disagreements"]["fp"], report["disagreements"]["fn"]) == (1, 1, 1)
    assert report["details"][0]["traps"][0]["why"] == "paraphrase"
    assert report["grouping_pairs"]["precision"] == 1.0


def test_the_gold_stories_are_well_formed():
    stories = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    assert len(stories) == 10
    for story in stories:
        ids = {a["id"] for a in story["articles"]}
        assert 2 <= len(ids) <= 5 and all(a["text"] and a["published"] and a["source"] for a in story["articles"])
        for item in story["disagreements"] + story["traps"]:
            assert set(item["articles"]) <= ids and item["kind"] in {"distance", "quantity", "date", "stance", "source"}
    assert max(len(s["articles"]) for s in stories) == 5


def test_five_outlets_on_one_strike_invent_nothing_and_find_the_real_disagreements(nlp):
    import conflictnlp
    from conflictnlp.pipeline import process
    from conflictnlp.reading import ArticleInput

    story = next(json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if '"bryansk-depot"' in line)
    inputs = [ArticleInput(text=a["text"], id=a["id"], source=a["source"], published=a["published"], title=a["title"]) for a in story["articles"]]
    stories = conflictnlp.compare(list(process(inputs, nlp)), similarity="lexical").to_dict()
    assert [sorted(s["articles"]) for s in stories["stories"]] == [sorted(a["id"] for a in story["articles"])]
    report = score(stories, [story])
    assert report["details"][0]["invented"] == [] and report["details"][0]["missed"] == []


def test_a_claim_of_stance_words_only_is_about_its_sentence():
    a = "Moscow accused Kyiv of carrying out an air strike on a fuel depot, an incident Dmytro Kuleba said he could neither confirm nor deny."
    b = "Ukraine denied responsibility for the fiery blast."
    found = _stance([
        ("a", a, [claim(a, "he could neither confirm nor deny", "c1", "Dmytro Kuleba", "unconfirmed")]),
        ("b", b, [claim(b, "responsibility for the fiery blast", "c1", "Ukraine", "denied")]),
    ])
    assert [(d.kind, sorted(v.stance for v in d.values)) for d in found] == [("stance", ["denied", "unconfirmed"])]


def test_a_dateline_place_read_as_a_source_is_no_source():
    a = "GOMA, May 3 (Wire) - M23 rebels denied that they had shelled the displacement camp near Goma."
    b = "Army spokesman Guillaume Ndjike said M23 rebels had shelled the displacement camp near Goma."
    found = _stance([
        ("a", a, [claim(a, "they had shelled the displacement camp near Goma", "c1", "GOMA", "denied")]),
        ("b", b, [claim(b, "M23 rebels had shelled the displacement camp near Goma", "c1", "Guillaume Ndjike")]),
    ])
    assert [(d.kind, sorted(str(v.source) for v in d.values)) for d in found] == [("stance", ["Guillaume Ndjike", "None"])]


def test_an_unnamed_body_of_a_named_country_keeps_its_own_voice():
    """"Mali's army denied ..." (no personal name, so the pipeline leaves speaker_name empty) is
    not folded into an NGO's quote of the same event, and its denial is a stance dispute."""
    from conflictnlp.model import MultiSpan, Quote
    from conflictnlp.stories.speakers import is_named

    a = "A Malian army drone strike killed at least nine civilians at a wedding in Hombori, Sahel Rights Watch said."
    b = "Mali's army denied that civilians were killed in a drone strike near Hombori."

    def quote(text, content, speaker, name):
        return Quote(id="q1", type="indirect", content=MultiSpan(text=content, spans=[span_of(text, content)]),
                     cue=TextSpan("said", span_of(text, "said")) if "said" in text else TextSpan("denied", span_of(text, "denied")),
                     speaker=TextSpan(speaker, span_of(text, speaker)), speaker_name=name)

    ngo_claim = "A Malian army drone strike killed at least nine civilians at a wedding in Hombori"
    army_claim = "civilians were killed in a drone strike near Hombori"
    articles = [
        article("ngo", a, quotes=[quote(a, ngo_claim, "Sahel Rights Watch", "Sahel Rights Watch")],
                claims=[Claim(id="c1", text=ngo_claim, span=span_of(a, ngo_claim), source="Sahel Rights Watch", quote_id="q1")]),
        article("wire", b, quotes=[quote(b, "that " + army_claim, "Mali's army", None)],
                claims=[Claim(id="c1", text=army_claim, span=span_of(b, army_claim), source="Mali's army", stance="denied", quote_id="q1")]),
    ]
    story = StoryComparer("lexical").story("s1", articles, ["ngo", "wire"])
    stance = [d for d in story.disagreements if d.kind == "stance"]
    assert [sorted((v.article, v.source) for v in d.values) for d in stance] == [[("ngo", "Sahel Rights Watch"), ("wire", "Mali's army")]]
    assert is_named("Ukraine's foreign ministry") and not is_named("Ukraine's officials") and not is_named("a local official")
    assert not is_named("Witnesses") and not is_named("Officials") and is_named("Moscow")
