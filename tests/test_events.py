"""Conflict events: the per-article component (on hand-built parses), the table across
outlets, its writers, the CLI and the pipeline end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import conflictnlp
from conflictnlp.events.component import EventsComponent
from conflictnlp.events.lexicon import ACLED_TAXONOMY, EventLexicon, load_event_lexicon
from conflictnlp.events.table import event_rows, items_of, same_place, toll_range
from conflictnlp.model import Casualty, DateMention, Location, Quantity

from .conftest import assert_offsets
from .helpers import article_doc

ROOT = Path(__file__).parent.parent


def assert_event_invariants(record: dict) -> None:
    """Every span piece of every event points at its text; every id it names is in the record."""
    text = record["text"]
    ids = {key: {item["id"] for item in record[key]} for key in ("locations", "dates", "quantities", "claims")}
    for event in record["events"]:
        pieces = [event["trigger"], *(event["actors"][role] for role in ("perpetrator", "target"))]
        for piece in pieces:
            if piece is not None:
                s, e = piece["span"]
                assert text[s:e] == piece["text"], (piece, text[s:e])
        assert event["location"] is None or event["location"] in ids["locations"]
        assert event["date"] is None or event["date"] in ids["dates"]
        assert set(event["claims"]) <= ids["claims"]
        for figure in event["figures"]:
            assert figure["quantity"] in ids["quantities"]
            assert figure["claim"] is None or figure["claim"] in ids["claims"]
        assert event["sub_type"] in ACLED_TAXONOMY[event["type"]]
        assert event["where_prec"] is None or 1 <= event["where_prec"] <= 7
        assert event["date_prec"] is None or 1 <= event["date_prec"] <= 5


# --- the component on hand-built parses ------------------------------------------------------


def parsed(vocab, words, heads, deps, pos, lemmas, published="2024-03-11"):
    return article_doc(vocab, list(zip(words, heads, deps, pos, lemmas)), published)


def offsets(doc, i, j=None):
    j = i + 1 if j is None else j
    return (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))


GUNMEN = dict(  # noqa: C408  keyword form reads as the Doc arguments
    words=["Gunmen", "killed", "12", "villagers", "in", "Gao", "on", "Sunday", "."],
    heads=[1, 1, 3, 1, 1, 4, 1, 6, 1],
    deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
    pos=["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
    lemmas=["gunman", "kill", "12", "villager", "in", "Gao", "on", "Sunday", "."],
)


def with_findings(doc, *, place=None, toll=None, day=None):
    """Set what the places, measures and dates components would have found."""
    if place is not None:
        s, e = offsets(doc, place)
        doc._.locations = [Location(id="l1", text=doc.text[s:e], span=(s, e), name=doc.text[s:e], country_code="ML", feature="city",
                                    lat=16.27, lon=-0.04, geonameid=2457163)]
    if toll is not None:
        i, role = toll
        s, e = offsets(doc, i, i + 2)
        doc._.quantities = [Quantity(id="n1", text=doc.text[s:e], span=(s, e), value=float(doc[i].text),
                                     casualty=Casualty(role=role, low=float(doc[i].text), high=float(doc[i].text)))]
    if day is not None:
        i, value = day
        s, e = offsets(doc, i)
        doc._.dates = [DateMention(id="d1", text=doc.text[s:e], span=(s, e), value=value, granularity="day")]
    return doc


def test_gunmen_killing_villagers_is_one_sided_violence_against_civilians(blank):
    doc = with_findings(parsed(blank.vocab, **GUNMEN), place=5, toll=(2, "killed"), day=(7, "2024-03-10"))
    EventsComponent(blank, "events")(doc)
    record = doc._.article.to_dict()
    assert not record["errors"]
    [event] = record["events"]
    assert (event["type"], event["sub_type"], event["violence"]) == ("violence_against_civilians", "attack", "one_sided")
    assert event["trigger"]["text"] == "killed"
    assert event["actors"]["perpetrator"]["kind"] == "armed_group" and event["actors"]["perpetrator"]["text"] == "Gunmen"
    assert event["actors"]["target"]["kind"] == "civilians"
    assert (event["location"], event["where_prec"]) == ("l1", 1)
    assert (event["date"], event["date_start"], event["date_prec"]) == ("d1", "2024-03-10", 1)
    assert event["fatalities"] == {"low": 12.0, "best": 12.0, "high": 12.0}
    assert event["wounded"] == {"low": None, "best": None, "high": None}
    assert [f["quantity"] for f in event["figures"]] == ["n1"]
    assert_event_invariants(record)


def test_event_fields_follow_the_contract_order(blank):
    doc = with_findings(parsed(blank.vocab, **GUNMEN), place=5, toll=(2, "killed"))
    EventsComponent(blank, "events")(doc)
    [event] = doc._.article.to_dict()["events"]
    assert list(event) == ["id", "type", "sub_type", "violence", "trigger", "actors", "location", "where_prec", "date",
                           "date_start", "date_end", "date_prec", "fatalities", "wounded", "figures", "claims"]
    assert list(event["actors"]["perpetrator"]) == ["text", "span", "name", "kind"]
    assert list(event["figures"][0]) == ["role", "quantity", "value", "source", "claim", "stance"]


def test_a_flood_that_kills_soldiers_gives_no_event(blank):
    words = ["Floods", "killed", "12", "soldiers", "in", "Gao", "."]
    doc = parsed(blank.vocab, words, [1, 1, 3, 1, 1, 4, 1], ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"],
                 ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"], ["flood", "kill", "12", "soldier", "in", "Gao", "."])
    EventsComponent(blank, "events")(with_findings(doc, place=5, toll=(2, "killed")))
    assert doc._.events == []


def test_nothing_said_dates_the_event_by_its_publication(blank):
    doc = with_findings(parsed(blank.vocab, **GUNMEN), place=5)
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert (event.date, event.date_start, event.date_end, event.date_prec) == (None, "2024-03-11", "2024-03-11", 2)
    assert event.fatalities.best is None  # no toll read: null, not 0


def test_no_one_killed_is_a_toll_of_zero(blank):
    words = ["Troops", "shelled", "Gao", ".", "No", "one", "was", "killed", "."]
    doc = parsed(blank.vocab, words, [1, 1, 1, 1, 5, 7, 7, 7, 7],
                 ["nsubj", "ROOT", "dobj", "punct", "det", "nsubjpass", "auxpass", "ROOT", "punct"],
                 ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
                 ["troop", "shell", "Gao", ".", "no", "one", "be", "kill", "."])
    with_findings(doc, place=2)
    s, e = offsets(doc, 4, 6)
    doc._.quantities = [Quantity(id="n1", text=doc.text[s:e], span=(s, e), value=0.0, implicit=True,
                                 casualty=Casualty(role="killed", low=0.0, high=0.0))]
    EventsComponent(blank, "events")(doc)
    [event] = doc._.events
    assert event.sub_type == "shelling_artillery_missile_attack"
    assert event.actors.perpetrator.kind == "state_forces"
    assert event.fatalities.best == 0


def test_the_lexicon_refuses_names_outside_acled_taxonomy(tmp_path):
    bad = tmp_path / "events.toml"
    bad.write_text('[[trigger]]\nwords = ["bang"]\ntype = "battles"\nsub_type = "airstrike"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="battles/airstrike"):
        load_event_lexicon(str(bad))


def test_every_packaged_trigger_is_in_the_taxonomy_and_actors_file_is_optional(tmp_path):
    lexicon = load_event_lexicon()
    assert {t.sub_type for t in lexicon.triggers} <= {s for subs in ACLED_TAXONOMY.values() for s in subs}
    assert any(a.named for a in lexicon.actors)
    without = EventLexicon(lexicon.raw, {})
    assert not any(a.named for a in without.actors)


def test_lexicons_round_trip_through_to_disk_and_initialize(blank, tmp_path):
    component = EventsComponent(blank, "events")
    component.to_disk(tmp_path / "events")
    assert {p.name for p in (tmp_path / "events").iterdir()} == {"events.toml", "actors.toml"}
    custom = tmp_path / "mine.toml"
    custom.write_text('[[trigger]]\nwords = ["skirmish"]\ntype = "battles"\nsub_type = "armed_clash"\n', encoding="utf-8")
    other = EventsComponent(blank, "events", lexicon_path=str(custom))
    assert len(other.lexicon.triggers) == 1
    other.from_disk(tmp_path / "events")
    assert [t.words for t in other.lexicon.triggers] == [t.words for t in component.lexicon.triggers]
    other.initialize(lexicon_path=str(custom))
    assert len(other.lexicon.triggers) == 1
    with pytest.raises(ValueError, match="unknown lexicon"):
        other.initialize(cues="x.toml")


# --- the table across outlets ----------------------------------------------------------------


def record(rid, source, *, day, place, toll=None, stance="asserted", sub_type="air_drone_strike", lat=46.63, lon=32.61,
           prec=1, perp=None, title=None):
    loc = {"id": "l1", "text": place, "span": [0, len(place)], "name": place, "country_code": "UA", "admin1": "Kherson",
           "lat": lat, "lon": lon, "geonameid": hash(place) % 10**6, "feature": "city", "adjectival": False}
    figures = [{"role": "killed", "quantity": "n1", "value": toll, "source": "governor", "claim": "c1", "stance": stance}] if toll is not None else []
    event = {"id": "e1", "type": "explosions_remote_violence", "sub_type": sub_type, "violence": "one_sided",
             "trigger": None, "actors": {"perpetrator": perp, "target": None}, "location": "l1", "where_prec": prec,
             "date": None, "date_start": day, "date_end": day, "date_prec": 1,
             "fatalities": {"low": toll, "best": toll, "high": toll}, "wounded": {"low": None, "best": None, "high": None},
             "figures": figures, "claims": []}
    return {"id": rid, "source": source, "url": None, "title": title or f"{source} on {place}", "published": day, "body": [0, 0],
            "quotes": [], "claims": [], "locations": [loc], "distances": [], "quantities": [], "dates": [], "events": [event],
            "errors": [], "text": ""}


def test_three_outlets_disagreeing_on_day_and_toll_are_one_incident_and_a_strike_elsewhere_is_not():
    records = [
        record("a1", "AP", day="2024-03-10", place="Kherson", toll=4),
        record("a2", "Reuters", day="2024-03-11", place="Kherson", toll=5),
        record("a3", "AFP", day="2024-03-11", place="Kherson", toll=4),
        record("b1", "AP", day="2024-03-10", place="Odesa", toll=2, lat=46.48, lon=30.72),  # some 140 km away
    ]
    rows = list(event_rows(records))
    assert len(rows) == 2
    kherson = next(r for r in rows if r["where_description"] == "Kherson")
    assert sorted(kherson["source_article"]) == ["a1", "a2", "a3"]
    assert (kherson["low"], kherson["best"], kherson["high"]) == (4, 4, 5)
    assert {"fatalities", "date"} <= set(kherson["disagreements"])
    assert (kherson["date_start"], kherson["date_end"], kherson["date_prec"]) == ("2024-03-10", "2024-03-11", 2)
    assert kherson["type_of_violence"] == 3 and kherson["event_type"] == "explosions_remote_violence"
    assert kherson["country"] == "Ukraine" and kherson["latitude"] == 46.63


def test_two_strikes_in_one_article_stay_two_incidents():
    one = record("a1", "AP", day="2024-03-10", place="Kherson", toll=4)
    second = dict(one["events"][0], id="e2")
    one["events"].append(second)
    assert len(list(event_rows([one]))) == 2


def test_best_is_the_median_of_asserted_tolls_and_denied_ones_only_widen_the_range():
    records = [
        record("a1", "AP", day="2024-03-10", place="Kherson", toll=4),
        record("a2", "TASS", day="2024-03-10", place="Kherson", toll=0, stance="denied"),
        record("a3", "AFP", day="2024-03-10", place="Kherson", toll=6),
        record("a4", "BBC", day="2024-03-10", place="Kherson", toll=5),
    ]
    [row] = list(event_rows(records))
    assert (row["low"], row["best"], row["high"]) == (0, 5, 6)
    assert "stance" in row["disagreements"]
    items = [item for r in records for item in items_of(r)]
    assert toll_range(items, "wounded") == (None, None, None, False)


def test_a_region_holds_its_towns_but_not_another_country():
    town = {"name": "Kherson", "country_code": "UA", "admin1": "Kherson", "feature": "city", "lat": 46.6, "lon": 32.6}
    assert same_place({"name": "Kherson", "country_code": "UA", "feature": "admin1"}, town)
    assert same_place({"name": "Ukraine", "country_code": "UA", "feature": "country"}, town)
    assert not same_place({"name": "Russia", "country_code": "RU", "feature": "country"}, town)
    assert same_place(None, town) is None


def test_conflictnlp_events_takes_results_and_rows_have_the_contract_columns():
    rows = conflictnlp.events([record("a1", "AP", day="2024-03-10", place="Kherson", toll=4)])
    for column in ("event_id", "event_type", "sub_event_type", "type_of_violence", "side_a", "side_b", "actor1", "actor2",
                   "country", "adm_1", "adm_2", "where_description", "latitude", "longitude", "where_prec", "date_start",
                   "date_end", "date_prec", "best", "low", "high", "source_article", "source_office", "source_headline",
                   "figures", "disagreements", "notes"):
        assert column in rows[0]
    assert rows[0]["figures"][0] == {"article": "a1", "outlet": "AP", "speaker": "governor", "role": "killed", "value": 4, "stance": "asserted"}
    assert "4 killed" in rows[0]["notes"]


def test_articles_without_an_id_are_named_by_their_position_not_none():
    first, second = record("x", "AP", day="2024-03-10", place="Kherson", toll=4), record("y", "BBC", day="2024-03-10", place="Kherson", toll=5)
    first["id"] = second["id"] = None
    rows = conflictnlp.events([first, second])
    articles = sorted(member["article"] for row in rows for member in row["members"])
    assert articles == ["#1", "#2"]
    assert "None" not in {figure["article"] for row in rows for figure in row["figures"]}


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl", ".geojson"])
def test_the_cli_writes_every_table_format(tmp_path, suffix):
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in [
        record("a1", "AP", day="2024-03-10", place="Kherson", toll=4),
        record("a2", "AFP", day="2024-03-11", place="Kherson", toll=5),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / f"events{suffix}"
    done = subprocess.run([sys.executable, "-m", "conflictnlp.cli", "events", str(records), "-o", str(out), "--html", str(tmp_path / "map.html")],
                          check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == 1 and table.column("source_article").to_pylist() == [["a1", "a2"]]
    elif suffix == ".geojson":
        [feature] = json.loads(out.read_text())["features"]
        assert feature["geometry"] == {"type": "Point", "coordinates": [32.61, 46.63]}
    elif suffix == ".csv":
        assert "a1; a2" in out.read_text()
    else:
        assert json.loads(out.read_text().splitlines()[0])["best"] == 4
    page = (tmp_path / "map.html").read_text()
    assert "<svg" in page and "<circle" in page and "http" not in page.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", "")


@pytest.mark.slow
def test_the_cli_refuses_an_unknown_table_format(tmp_path):
    done = subprocess.run([sys.executable, "-m", "conflictnlp.cli", "events", "x.jsonl", "-o", str(tmp_path / "e.xlsx")],
                          check=False, capture_output=True, text=True)
    assert done.returncode == 2 and "unknown event table format" in done.stderr


# --- the whole pipeline ----------------------------------------------------------------------


def test_pipeline_finds_two_incidents_and_folds_a_restatement(nlp):
    text = ("Russian forces struck the city of Kharkiv with a drone on Sunday, killing four civilians, the governor said. "
            "The drone strike on Kharkiv also wounded 11 people. "
            "In a separate attack, shelling killed two people in Kherson, officials said.")
    result = conflictnlp.extract(text, published="2024-03-11", id="a1", source="AP", nlp=nlp)
    record = result.to_dict()
    assert_offsets(record)
    assert_event_invariants(record)
    assert "events" in nlp.pipe_names and nlp.pipe_names[-1] == "events"
    places = {loc["id"]: loc["name"] for loc in record["locations"]}
    events = {places.get(e["location"]): e for e in record["events"]}
    assert set(events) == {"Kharkiv", "Kherson"}
    kharkiv = events["Kharkiv"]
    assert kharkiv["type"] == "explosions_remote_violence" and kharkiv["actors"]["perpetrator"]["name"] == "Russia"
    assert kharkiv["fatalities"]["best"] == 4 and kharkiv["wounded"]["best"] == 11
    assert events["Kherson"]["sub_type"] == "shelling_artillery_missile_attack"
    from conflictnlp.schema import validator

    validator().validate(json.loads(json.dumps(record)))


@pytest.mark.parametrize("text", [
    "An explosion at a chemical plant in Gao killed five workers on Monday, the company said.",
    "Heavy rains and floods kill 40 in eastern Congo",
    "Police arrest man over Paris knife attack that killed a tourist",
])
def test_pipeline_gives_no_event_for_disasters_accidents_and_ordinary_crime(nlp, text):
    assert conflictnlp.extract(text, published="2024-03-11", nlp=nlp).events == []


def test_pipeline_types_by_context(nlp):
    downed = conflictnlp.extract("Ukraine says it shot down 40 Russian drones overnight", published="2024-03-11", nlp=nlp)
    assert [(e.type, e.sub_type) for e in downed.events] == [("strategic_developments", "disrupted_weapons_use")]
    riot = conflictnlp.extract("Protesters clash with police in Nairobi; one dead", published="2024-03-11", nlp=nlp).events
    # ACLED's actor of a violent demonstration is "Rioters", whatever the report calls the crowd
    assert [(e.type, e.actors.perpetrator.kind) for e in riot] == [("riots", "rioters")]
    listed = conflictnlp.extract("CAR Daily 2014.04.27 - Bangui: armed men attacked the MSF hospital, killing 16 civilians "
                                 "including three MSF staff.", published="2014-04-28", nlp=nlp).events
    assert [(e.date_start, e.date_prec, e.fatalities.best) for e in listed] == [("2014-04-27", 1, 16)]


def test_events_go_to_their_own_parquet_table():
    from conflictnlp.batch.arrow import TABLES, table_columns

    assert "events" in TABLES
    names = [c.name for c in table_columns("events")]
    assert {"type", "sub_type", "fatalities_best", "actors_perpetrator_kind", "trigger_start", "date_start"} <= set(names)


def test_the_dev_set_is_large_enough_and_has_its_traps(fixtures_dir):
    cases = [json.loads(line) for line in (fixtures_dir / "events_dev.jsonl").read_text().splitlines()]
    reports = [r for c in cases for r in c["reports"]]
    assert len(reports) >= 300
    assert sum(1 for r in reports if not r["events"]) >= 15  # floods, accidents, crimes
    assert any(len(r["events"]) == 2 for r in reports)  # two incidents in one report
    assert any("since March" in r["text"] for r in reports)  # a cumulative toll
    assert any("denie" in r["text"] for r in reports)
    assert any(len(c["reports"]) >= 3 for c in cases)


def test_a_parquet_folder_written_before_events_reads_with_no_events(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from conflictnlp.batch.arrow import TABLES, table_rows, table_schema
    from conflictnlp.batch.read import iter_records

    folder = tmp_path / "out.parquet"
    folder.mkdir()
    data = record("a1", "AP", day="2024-03-10", place="Kherson", toll=4)
    for table in TABLES:
        if table == "events":
            continue
        pq.write_table(pa.Table.from_pylist(table_rows(table, data, 0), schema=table_schema(table)), folder / f"{table}.parquet")
    [read] = list(iter_records(folder))
    assert read["events"] == [] and read["locations"][0]["name"] == "Kherson"


def test_the_offline_map_fills_its_panel_and_names_each_place_once():
    import re

    from conflictnlp.events.html import HEIGHT, PAD, WIDTH, svg_map

    rows = [{"latitude": 50.0, "longitude": 36.2, "where_description": "Kharkiv", "best": 3, "event_type": "battles", "notes": "a"},
            {"latitude": 50.1, "longitude": 36.3, "where_description": "Kharkiv", "best": 0, "event_type": "battles", "notes": "b"},
            {"latitude": 49.0, "longitude": 32.0, "where_description": "Kropyvnytskyi", "best": None, "event_type": "protests", "notes": "c"}]
    svg = svg_map(rows)
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)]
    # the points are drawn in the middle of the panel, not in its left corner
    assert abs((max(xs) + min(xs)) / 2 - WIDTH / 2) < 5 and abs((max(ys) + min(ys)) / 2 - HEIGHT / 2) < 5
    assert all(PAD <= y <= HEIGHT - PAD for y in ys)
    assert svg.count(">Kharkiv</text>") == 1 and svg.count(">Kropyvnytskyi</text>") == 1
