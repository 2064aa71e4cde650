"""Events faults seen on multi-paragraph articles, each fixed as a class, on hand-built parses:
an actor or a place from another clause, background and "since" sentences, a headline whose
body names the place otherwise, a cumulative toll, a toll of another incident; and a denied
strike on the whole pipeline (the denial comes from the claims and quotes components)."""

from __future__ import annotations

import pytest

from conflictnlp.model import Casualty, DateMention, Location, Quantity
from tests.helpers import article_doc, run_events


def parsed(vocab, rows, published="2023-03-14"):
    """A Doc from (word, head, dep, pos, lemma) rows; a "\\n\\n" word ends the headline line."""
    words = [row[0] for row in rows]
    spaces = [not (w == "\n\n" or (i + 1 < len(words) and words[i + 1] in (".", ",", "\n\n"))) for i, w in enumerate(words)]
    return article_doc(vocab, rows, published, spaces=spaces)


def span(doc, i, j=None):
    j = i + 1 if j is None else j
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def place(doc, i, j=None, *, lid, code="UA", feature="city", name=None, admin1=None, adjectival=False, lat=48.0, lon=37.0):
    """A resolved place (on the map unless ``lat=None``: a name the gazetteer lacks)."""
    s, e = span(doc, i, j)
    return Location(id=lid, text=doc.text[s:e], span=(s, e), name=name or doc.text[s:e], country_code=code,
                    feature=feature, admin1=admin1, adjectival=adjectival, lat=lat, lon=None if lat is None else lon)


def toll(doc, i, j, *, qid, value, role="killed"):
    s, e = span(doc, i, j)
    return Quantity(id=qid, text=doc.text[s:e], span=(s, e), value=value, casualty=Casualty(role=role, low=value, high=value))


def day(doc, i, value, did="d1"):
    s, e = span(doc, i)
    return DateMention(id=did, text=doc.text[s:e], span=(s, e), value=value, granularity="day")


def events_of(blank, doc):
    return run_events(blank, doc)


# As Ukrainian troops held Kupiansk , Russian missiles hit the centre of Kharkiv .
OTHER_CLAUSE = [
    ("As", 3, "mark", "SCONJ", "as"), ("Ukrainian", 2, "amod", "ADJ", "ukrainian"), ("troops", 3, "nsubj", "NOUN", "troop"),
    ("held", 8, "advcl", "VERB", "hold"), ("Kupiansk", 3, "dobj", "PROPN", "Kupiansk"), (",", 8, "punct", "PUNCT", ","),
    ("Russian", 7, "amod", "ADJ", "russian"), ("missiles", 8, "nsubj", "NOUN", "missile"), ("hit", 8, "ROOT", "VERB", "hit"),
    ("the", 10, "det", "DET", "the"), ("centre", 8, "dobj", "NOUN", "centre"), ("of", 10, "prep", "ADP", "of"),
    ("Kharkiv", 11, "pobj", "PROPN", "Kharkiv"), (".", 8, "punct", "PUNCT", "."),
]


def test_an_actor_and_a_place_of_another_clause_are_not_the_events(blank):
    doc = parsed(blank.vocab, OTHER_CLAUSE)
    doc._.locations = [place(doc, 1, lid="l1", name="Ukraine", feature="country", adjectival=True),
                       place(doc, 4, lid="l2"), place(doc, 6, lid="l3", code="RU", name="Russia", feature="country", adjectival=True),
                       place(doc, 12, lid="l4")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert event.actors.perpetrator.name == "Russia" and event.actors.perpetrator.text == "Russian"
    assert event.location == "l4"  # Kharkiv, not Kupiansk of the troops' clause


def perfect_shelling(since_word, adverb="repeatedly"):
    # Russian forces have shelled Kharkiv <adverb> since <since_word> .
    return [
        ("Russian", 1, "amod", "ADJ", "russian"), ("forces", 3, "nsubj", "NOUN", "force"), ("have", 3, "aux", "AUX", "have"),
        ("shelled", 3, "ROOT", "VERB", "shell"), ("Kharkiv", 3, "dobj", "PROPN", "Kharkiv"), (adverb, 3, "advmod", "ADV", adverb),
        ("since", 3, "prep", "ADP", "since"), (since_word, 6, "pobj", "PROPN", since_word), (".", 3, "punct", "PUNCT", "."),
    ]


def test_a_perfect_with_a_period_is_background_not_an_event(blank):
    doc = parsed(blank.vocab, perfect_shelling("2022"))
    doc._.locations = [place(doc, 4, lid="l1")]
    doc._.dates = [DateMention(id="d1", text="2022", span=span(doc, 7), value="2022", granularity="year")]
    assert events_of(blank, doc) == []


def test_since_a_recent_day_is_an_ongoing_incident(blank):
    doc = parsed(blank.vocab, perfect_shelling("Sunday", "heavily"))
    doc._.locations = [place(doc, 4, lid="l1")]
    doc._.dates = [day(doc, 7, "2023-03-12")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "shelling_artillery_missile_attack"


# The toll has risen to 300 since the fighting began .
SINCE_CLAUSE = [
    ("The", 1, "det", "DET", "the"), ("toll", 3, "nsubj", "NOUN", "toll"), ("has", 3, "aux", "AUX", "have"),
    ("risen", 3, "ROOT", "VERB", "rise"), ("to", 3, "prep", "ADP", "to"), ("300", 4, "pobj", "NUM", "300"),
    ("since", 9, "mark", "SCONJ", "since"), ("the", 8, "det", "DET", "the"), ("fighting", 9, "nsubj", "NOUN", "fighting"),
    ("began", 3, "advcl", "VERB", "begin"), (".", 3, "punct", "PUNCT", "."),
]


def test_a_trigger_in_a_since_clause_is_no_event(blank):
    assert events_of(blank, parsed(blank.vocab, SINCE_CLAUSE)) == []


# Gunmen killed 12 villagers in Katsina . More than 1,000 civilians have been killed in the state since 2022 .
CUMULATIVE = [
    ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("killed", 1, "ROOT", "VERB", "kill"), ("12", 3, "nummod", "NUM", "12"),
    ("villagers", 1, "dobj", "NOUN", "villager"), ("in", 1, "prep", "ADP", "in"), ("Katsina", 4, "pobj", "PROPN", "Katsina"),
    (".", 1, "punct", "PUNCT", "."),
    ("More", 9, "amod", "ADJ", "more"), ("than", 9, "quantmod", "ADP", "than"), ("1,000", 10, "nummod", "NUM", "1,000"),
    ("civilians", 13, "nsubjpass", "NOUN", "civilian"), ("have", 13, "aux", "AUX", "have"), ("been", 13, "auxpass", "AUX", "be"),
    ("killed", 13, "ROOT", "VERB", "kill"), ("in", 13, "prep", "ADP", "in"), ("the", 16, "det", "DET", "the"),
    ("state", 14, "pobj", "NOUN", "state"), ("since", 13, "prep", "ADP", "since"), ("2022", 17, "pobj", "NUM", "2022"),
    (".", 13, "punct", "PUNCT", "."),
]


def test_a_count_in_a_background_clause_is_no_incidents_toll(blank):
    doc = parsed(blank.vocab, CUMULATIVE)
    doc._.locations = [place(doc, 5, lid="l1", code="NG")]
    doc._.quantities = [toll(doc, 2, 4, qid="n1", value=12.0), toll(doc, 7, 11, qid="n2", value=1000.0)]
    [event] = events_of(blank, doc)
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (12.0, 12.0, 12.0)
    assert [f.quantity for f in event.figures] == ["n1"]


# Shelling kills two in Kharkiv region \n\n Russian forces shelled Vovchansk .
HEADLINE = [
    ("Shelling", 1, "nsubj", "NOUN", "shelling"), ("kills", 1, "ROOT", "VERB", "kill"), ("two", 1, "dobj", "NUM", "two"),
    ("in", 1, "prep", "ADP", "in"), ("Kharkiv", 5, "compound", "PROPN", "Kharkiv"), ("region", 3, "pobj", "NOUN", "region"),
    ("\n\n", 5, "dep", "SPACE", "\n\n"),
    ("Russian", 8, "amod", "ADJ", "russian"), ("forces", 9, "nsubj", "NOUN", "force"), ("shelled", 9, "ROOT", "VERB", "shell"),
    ("Vovchansk", 9, "dobj", "PROPN", "Vovchansk"), (".", 9, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("feature, name", [("admin1", "Kharkiv Oblast"), ("region", "eastern Kharkiv")])
def test_a_headline_folds_with_its_lead_that_names_the_place_otherwise(blank, feature, name):
    doc = parsed(blank.vocab, HEADLINE)
    assert doc.text.startswith("Shelling kills two in Kharkiv region\n\nRussian")
    doc._.locations = [place(doc, 4, 6, lid="l1", feature=feature, name=name), place(doc, 7, lid="l2", code="RU", name="Russia", feature="country", adjectival=True),
                       place(doc, 10, lid="l3", admin1="Kharkiv Oblast")]
    [event] = events_of(blank, doc)
    assert event.location == "l3" and event.where_prec == 1
    assert event.actors.perpetrator.kind == "state_forces"


def test_two_places_in_a_body_without_headline_stay_two_events(blank):
    rows = [r for r in HEADLINE if r[0] != "\n\n"]
    rows = [(w, h - 1 if h > 6 else h, d, p, lem) for w, h, d, p, lem in rows]  # a headline-less body: two sentences
    rows[5] = ("region", 3, "pobj", "NOUN", "region")
    doc = parsed(blank.vocab, rows[:6] + [(".", 1, "punct", "PUNCT", ".")] + [(w, h + 1, d, p, lem) for w, h, d, p, lem in rows[6:]])
    doc._.locations = [place(doc, 4, 6, lid="l1", feature="region", name="eastern Kharkiv"), place(doc, 10, lid="l3", admin1="Kharkiv Oblast")]
    assert len(events_of(blank, doc)) == 2


# Shelling killed two in Kherson . The toll from Saturday 's strike on Dnipro has risen to 12 .
OTHER_INCIDENT = [
    ("Russian", 1, "amod", "ADJ", "russian"), ("shelling", 2, "nsubj", "NOUN", "shelling"), ("killed", 2, "ROOT", "VERB", "kill"),
    ("two", 2, "dobj", "NUM", "two"), ("in", 2, "prep", "ADP", "in"), ("Kherson", 4, "pobj", "PROPN", "Kherson"),
    (".", 2, "punct", "PUNCT", "."),
    ("The", 8, "det", "DET", "the"), ("toll", 16, "nsubj", "NOUN", "toll"), ("from", 8, "prep", "ADP", "from"),
    ("Saturday", 12, "poss", "PROPN", "Saturday"), ("'s", 10, "case", "PART", "'s"), ("strike", 9, "pobj", "NOUN", "strike"),
    ("on", 12, "prep", "ADP", "on"), ("Dnipro", 13, "pobj", "PROPN", "Dnipro"), ("has", 16, "aux", "AUX", "have"),
    ("risen", 16, "ROOT", "VERB", "rise"), ("to", 16, "prep", "ADP", "to"), ("12", 17, "pobj", "NUM", "12"), (".", 16, "punct", "PUNCT", "."),
]


def test_a_toll_of_another_place_is_not_added_to_the_event_before_it(blank):
    doc = parsed(blank.vocab, OTHER_INCIDENT)
    doc._.locations = [place(doc, 0, lid="l0", code="RU", name="Russia", feature="country", adjectival=True),
                       place(doc, 5, lid="l1"), place(doc, 14, lid="l2")]
    doc._.quantities = [toll(doc, 3, 4, qid="n1", value=2.0), toll(doc, 18, 19, qid="n2", value=12.0)]
    [event] = events_of(blank, doc)
    assert event.location == "l1" and event.fatalities.best == 2.0


def test_one_of_the_victims_counts_no_one_anew(blank):
    # Gunmen killed 12 villagers in Katsina . One of the victims was a teacher .
    rows = CUMULATIVE[:7] + [
        ("One", 11, "nsubj", "NUM", "one"), ("of", 7, "prep", "ADP", "of"), ("the", 10, "det", "DET", "the"),
        ("victims", 8, "pobj", "NOUN", "victim"), ("was", 11, "ROOT", "AUX", "be"), ("a", 13, "det", "DET", "a"),
        ("teacher", 11, "attr", "NOUN", "teacher"), (".", 11, "punct", "PUNCT", "."),
    ]
    doc = parsed(blank.vocab, rows)
    doc._.locations = [place(doc, 5, lid="l1", code="NG")]
    doc._.quantities = [toll(doc, 2, 4, qid="n1", value=12.0), toll(doc, 7, 11, qid="n2", value=1.0)]
    [event] = events_of(blank, doc)
    assert event.fatalities.low == 12.0


def test_a_denied_strike_keeps_the_denial_in_its_figures_and_in_the_table():
    conflictnlp = pytest.importorskip("conflictnlp")
    denied = conflictnlp.extract("Army denies airstrike that killed 7 in Sagaing", published="2024-02-20", id="a1", source="AFP")
    asserted = conflictnlp.extract("Residents say an airstrike killed seven villagers in Sagaing on Monday.", published="2024-02-20",
                                   id="a2", source="RFA")
    [event] = denied.events
    assert event.type == "explosions_remote_violence" and event.fatalities.best == 7
    assert [(f.value, f.stance) for f in event.figures] == [(7, "denied")]
    rows = conflictnlp.events([denied, asserted])
    [row] = [r for r in rows if "a1" in r["source_article"]]
    assert {(f["article"], f["stance"]) for f in row["figures"]} >= {("a1", "denied")}


# --- the table: adm_2, and the map on compare's page -----------------------------------------


def _record(rid, *, feature, place="Beni", lat=0.49, lon=29.47, day="2024-04-27"):
    loc = {"id": "l1", "text": place, "span": [0, len(place)], "name": place, "country_code": "CD", "admin1": "North Kivu",
           "lat": lat, "lon": lon, "geonameid": None, "feature": feature, "adjectival": False}
    event = {"id": "e1", "type": "violence_against_civilians", "sub_type": "attack", "violence": "one_sided", "trigger": None,
             "actors": {"perpetrator": None, "target": None}, "location": "l1", "where_prec": 1, "date": None,
             "date_start": day, "date_end": day, "date_prec": 1, "fatalities": {"low": 9, "best": 9, "high": 9},
             "wounded": {"low": None, "best": None, "high": None}, "figures": [], "claims": []}
    return {"id": rid, "source": "Wire", "title": f"Attack in {place}", "published": day, "locations": [loc], "events": [event]}


def test_adm_2_is_a_second_order_division_named_and_no_guess_for_a_town():
    from conflictnlp.events.table import event_rows

    [territory] = event_rows([_record("a1", feature="admin2", place="Beni territory")])
    [town] = event_rows([_record("a2", feature="city")])
    assert territory["adm_2"] == "Beni territory"
    assert town["adm_2"] is None and town["adm_1"] == "North Kivu"


def test_compare_page_draws_the_events_on_an_offline_map():
    conflictnlp = pytest.importorskip("conflictnlp")
    from conflictnlp.model import Article
    from conflictnlp.stories.html import render_html

    articles = [Article.from_dict({**_record(rid, feature="city", lat=lat), "text": "x", "body": [0, 1], "url": None,
                                   "quotes": [], "claims": [], "distances": [], "quantities": [], "dates": [], "errors": []})
                for rid, lat in (("a1", 0.49), ("a2", 1.56))]
    page = render_html(conflictnlp.compare(articles, similarity="lexical"), articles, "lexical overlap")
    assert 'id="events"' in page and page.count("<circle") == 2
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")


# RSF fighters attacked a village , killing 30 civilians , while the army shelled RSF positions .
TWO_CLAUSES = [
    ("RSF", 1, "compound", "PROPN", "RSF"), ("fighters", 2, "nsubj", "NOUN", "fighter"), ("attacked", 2, "ROOT", "VERB", "attack"),
    ("a", 4, "det", "DET", "a"), ("village", 2, "dobj", "NOUN", "village"), (",", 2, "punct", "PUNCT", ","),
    ("killing", 2, "advcl", "VERB", "kill"), ("30", 8, "nummod", "NUM", "30"), ("civilians", 6, "dobj", "NOUN", "civilian"),
    (",", 2, "punct", "PUNCT", ","), ("while", 13, "mark", "SCONJ", "while"), ("the", 12, "det", "DET", "the"),
    ("army", 13, "nsubj", "NOUN", "army"), ("shelled", 2, "advcl", "VERB", "shell"), ("RSF", 15, "compound", "PROPN", "RSF"),
    ("positions", 13, "dobj", "NOUN", "position"), (".", 2, "punct", "PUNCT", "."),
]


def test_two_clauses_with_their_own_armed_subjects_are_two_incidents(blank):
    doc = parsed(blank.vocab, TWO_CLAUSES)
    doc._.quantities = [toll(doc, 7, 9, qid="n1", value=30.0)]
    attack, shelling = events_of(blank, doc)
    assert (attack.type, attack.actors.perpetrator.kind, attack.actors.target.kind) == ("violence_against_civilians", "rebel_group", "civilians")
    assert attack.fatalities.best == 30.0
    assert shelling.sub_type == "shelling_artillery_missile_attack"
    assert (shelling.actors.perpetrator.kind, shelling.actors.target.kind) == ("state_forces", "rebel_group")
    assert shelling.fatalities.best is None


def test_daily_strikes_on_one_town_do_not_chain_into_one_incident():
    from conflictnlp.events.table import event_rows

    records = [_record(f"a{d}", feature="city", day=f"2024-04-{d}") for d in range(10, 20)]  # one report a day for ten days
    rows = list(event_rows(records))
    spans = [(r["date_start"], r["date_end"]) for r in rows]
    assert len(rows) >= 3 and sum(len(r["source_article"]) for r in rows) == 10
    assert all(int(end[-2:]) - int(start[-2:]) <= 2 for start, end in spans)


# A drone hit a convoy near Kupiansk on Tuesday . Ukrainian troops recaptured Kupiansk in September .
OLD_EVENT = [
    ("A", 1, "det", "DET", "a"), ("drone", 2, "nsubj", "NOUN", "drone"), ("hit", 2, "ROOT", "VERB", "hit"),
    ("a", 4, "det", "DET", "a"), ("convoy", 2, "dobj", "NOUN", "convoy"), ("near", 2, "prep", "ADP", "near"),
    ("Kupiansk", 5, "pobj", "PROPN", "Kupiansk"), ("on", 2, "prep", "ADP", "on"), ("Tuesday", 7, "pobj", "PROPN", "Tuesday"),
    (".", 2, "punct", "PUNCT", "."),
    ("Ukrainian", 11, "amod", "ADJ", "ukrainian"), ("troops", 12, "nsubj", "NOUN", "troop"), ("recaptured", 12, "ROOT", "VERB", "recapture"),
    ("Kupiansk", 12, "dobj", "PROPN", "Kupiansk"), ("in", 12, "prep", "ADP", "in"), ("September", 14, "pobj", "PROPN", "September"),
    (".", 12, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("published, expected", [("2023-03-14", ["air_drone_strike"]),
                                                 ("2022-09-20", ["air_drone_strike", "government_regains_territory"])])
def test_an_event_dated_months_before_publication_is_background(blank, published, expected):
    doc = parsed(blank.vocab, OLD_EVENT, published=published)
    doc._.locations = [place(doc, 6, lid="l1"), place(doc, 10, lid="l2", name="Ukraine", feature="country", adjectival=True),
                       place(doc, 13, lid="l3")]
    doc._.dates = [day(doc, 8, "2023-03-14" if published.startswith("2023") else "2022-09-20"),
                   DateMention(id="d2", text="September", span=span(doc, 15), value="2022-09", granularity="month")]
    assert [e.sub_type for e in events_of(blank, doc)] == expected


def test_a_wire_story_with_a_joined_headline_and_a_defence_ministry_is_one_incident():
    import json
    from pathlib import Path

    conflictnlp = pytest.importorskip("conflictnlp")
    lines = (Path(__file__).parents[1] / "examples" / "wire_briefs.jsonl").read_text(encoding="utf-8").splitlines()
    record = next(json.loads(line) for line in lines if "kupiansk" in line.lower())
    article = conflictnlp.extract(record["text"], published=record.get("published"), title=record.get("title"), id=record.get("id"))
    [event] = article.events  # headline + lead + "Russia's Defense Ministry said its forces had hit ..." tell one strike
    assert event.sub_type == "air_drone_strike" and event.actors.perpetrator.name == "Russia"
    assert event.fatalities.best == 3


def test_a_country_label_of_a_headline_stays_the_events_place():
    conflictnlp = pytest.importorskip("conflictnlp")
    article = conflictnlp.extract("Mali: drone strike kills eight at wedding\n\nA drone strike killed eight people at a wedding on Sunday, "
                                  "local officials told AFP.", published="2024-05-06")
    [event] = article.events
    place = next(loc for loc in article.locations if loc.id == event.location)
    assert place.name == "Mali" and event.where_prec == 6 and event.fatalities.best == 8


def worst_attack(with_day):
    # Gunmen have killed 14 villagers [on Sunday] , the worst attack this year .
    rows = [("Gunmen", 2, "nsubj", "NOUN", "gunman"), ("have", 2, "aux", "AUX", "have"), ("killed", 2, "ROOT", "VERB", "kill"),
            ("14", 4, "nummod", "NUM", "14"), ("villagers", 2, "dobj", "NOUN", "villager")]
    if with_day:
        rows += [("on", 2, "prep", "ADP", "on"), ("Sunday", 5, "pobj", "PROPN", "Sunday")]
    n = len(rows)
    rows += [(",", 2, "punct", "PUNCT", ","), ("the", n + 3, "det", "DET", "the"), ("worst", n + 3, "amod", "ADJ", "bad"),
             ("attack", 4, "appos", "NOUN", "attack"), ("this", n + 5, "det", "DET", "this"), ("year", n + 3, "npadvmod", "NOUN", "year"),
             (".", 2, "punct", "PUNCT", ".")]
    return rows


@pytest.mark.parametrize("with_day", [True, False])
def test_the_worst_attack_this_year_is_an_incident_not_a_period(blank, with_day):
    doc = parsed(blank.vocab, worst_attack(with_day), published="2023-03-14")
    if with_day:
        doc._.dates = [day(doc, 6, "2023-03-12")]
    [event] = events_of(blank, doc)
    assert event.actors.perpetrator.kind == "armed_group"
    assert event.date_start == ("2023-03-12" if with_day else "2023-03-14")


# Russian missiles hit a camp in Bulengo near Kharkiv .
OFF_THE_MAP = [
    ("Russian", 1, "amod", "ADJ", "russian"), ("missiles", 2, "nsubj", "NOUN", "missile"), ("hit", 2, "ROOT", "VERB", "hit"),
    ("a", 4, "det", "DET", "a"), ("camp", 2, "dobj", "NOUN", "camp"), ("in", 4, "prep", "ADP", "in"),
    ("Bulengo", 5, "pobj", "PROPN", "Bulengo"), ("near", 4, "prep", "ADP", "near"), ("Kharkiv", 7, "pobj", "PROPN", "Kharkiv"),
    (".", 2, "punct", "PUNCT", "."),
]


def test_a_place_off_the_map_gives_way_to_one_on_it(blank):
    doc = parsed(blank.vocab, OFF_THE_MAP)
    doc._.locations = [place(doc, 0, lid="l1", code="RU", name="Russia", feature="country", adjectival=True),
                       place(doc, 6, lid="l2", lat=None), place(doc, 8, lid="l3")]
    [event] = events_of(blank, doc)
    assert (event.location, event.where_prec) == ("l3", 2)  # near Kharkiv, not Bulengo with no point


def test_a_place_off_the_map_alone_is_known_to_its_country_only(blank):
    doc = parsed(blank.vocab, OFF_THE_MAP)
    doc._.locations = [place(doc, 0, lid="l1", code="RU", name="Russia", feature="country", adjectival=True), place(doc, 6, lid="l2", lat=None)]
    [event] = events_of(blank, doc)
    assert (event.location, event.where_prec) == ("l2", 6)


def test_a_wire_datelines_town_does_not_place_the_event(nlp):
    # before: KYIV (a town, more precise than a region) was taken for where the drones struck
    import conflictnlp

    text = "KYIV, Ukraine (AP) — Russian drones struck the Odesa region overnight, killing two people, officials said."
    result = conflictnlp.extract(text, nlp=nlp, published="2023-02-09")
    places = {loc.id: loc.text for loc in result.locations}
    assert [(places[e.location], e.where_prec) for e in result.events] == [("Odesa region", 4)]


# Talks to stop the fighting in Ukraine resumed .
TO_STOP = [
    ("Talks", 7, "nsubj", "NOUN", "talk"), ("to", 2, "aux", "PART", "to"), ("stop", 0, "acl", "VERB", "stop"),
    ("the", 4, "det", "DET", "the"), ("fighting", 2, "dobj", "NOUN", "fighting"), ("in", 4, "prep", "ADP", "in"),
    ("Ukraine", 5, "pobj", "PROPN", "Ukraine"), ("resumed", 7, "ROOT", "VERB", "resume"), (".", 7, "punct", "PUNCT", "."),
]


def test_what_an_infinitive_of_ending_would_end_is_no_incident(blank):
    from conflictnlp.events.clauses import to_be_ended

    doc = parsed(blank.vocab, TO_STOP)
    assert to_be_ended(doc[4], frozenset({"stop"}))
    assert not to_be_ended(doc[4], frozenset())
    # without "to" the verb ends a real fight: "Troops stopped the fighting"
    rows = [("Troops", 1, "nsubj", "NOUN", "troop"), ("stopped", 1, "ROOT", "VERB", "stop"), ("the", 3, "det", "DET", "the"),
            ("fighting", 1, "dobj", "NOUN", "fighting"), (".", 1, "punct", "PUNCT", ".")]
    assert not to_be_ended(parsed(blank.vocab, rows)[3], frozenset({"stop"}))


# Ukrainian troops retook two villages near Kupiansk .
RETOOK = [
    ("Ukrainian", 1, "amod", "ADJ", "ukrainian"), ("troops", 2, "nsubj", "NOUN", "troop"), ("retook", 2, "ROOT", "VERB", "retake"),
    ("two", 4, "nummod", "NUM", "two"), ("villages", 2, "dobj", "NOUN", "village"), ("near", 2, "prep", "ADP", "near"),
    ("Kupiansk", 5, "pobj", "PROPN", "Kupiansk"), (".", 2, "punct", "PUNCT", "."),
]


def test_territory_changing_hands_has_no_civilian_side(blank):
    doc = parsed(blank.vocab, RETOOK)
    doc._.locations = [place(doc, 0, lid="l1", name="Ukraine", feature="country", adjectival=True), place(doc, 6, lid="l2")]
    [event] = events_of(blank, doc)
    assert event.sub_type == "government_regains_territory"
    assert event.actors.perpetrator.name == "Ukraine"
    assert event.actors.target is None and event.violence is None


# Shelling wounded 30 in Omdurman . Two of the wounded were in critical condition .
PART_OF_WOUNDED = [
    ("Shelling", 1, "nsubj", "NOUN", "shelling"), ("wounded", 1, "ROOT", "VERB", "wound"), ("30", 1, "dobj", "NUM", "30"),
    ("in", 1, "prep", "ADP", "in"), ("Omdurman", 3, "pobj", "PROPN", "Omdurman"), (".", 1, "punct", "PUNCT", "."),
    ("Two", 10, "nsubj", "NUM", "two"), ("of", 6, "prep", "ADP", "of"), ("the", 9, "det", "DET", "the"),
    ("wounded", 7, "pobj", "NOUN", "wounded"), ("were", 10, "ROOT", "AUX", "be"), ("in", 10, "prep", "ADP", "in"),
    ("critical", 13, "amod", "ADJ", "critical"), ("condition", 11, "pobj", "NOUN", "condition"), (".", 10, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize("part", [True, False])
def test_a_part_of_the_wounded_is_no_bound_of_the_incidents_wounded(blank, part):
    # "Two of the wounded were in critical condition": the casualty reading marks the part; read
    # as a count of its own it made the wounded 2-30
    doc = parsed(blank.vocab, PART_OF_WOUNDED)
    doc._.locations = [place(doc, 4, lid="l1", code="SD")]
    whole, two = toll(doc, 2, 3, qid="n1", value=30.0, role="wounded"), toll(doc, 6, 7, qid="n2", value=2.0, role="wounded")
    two.casualty.part = part
    doc._.quantities = [whole, two]
    [event] = events_of(blank, doc)
    assert (event.wounded.low, event.wounded.high) == ((30.0, 30.0) if part else (2.0, 30.0))
