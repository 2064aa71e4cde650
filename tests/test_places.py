"""Places: detection, demonyms, regions, borders, disambiguation, offsets, lookup and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictnlp.evaluation import places as places_evaluation
from conflictnlp.evaluation.places import _overlap_pairs
from conflictnlp.places.gazetteer import get_gazetteer, normalize
from conflictnlp.places.matcher import PlaceMatcher
from conflictnlp.places.resolve import lookup
from tests.conftest import assert_offsets
from tests.helpers import make_doc


def locations(nlp, text: str):
    doc = nlp(text)
    record = doc._.article.to_dict()
    assert_offsets(record)
    return doc, doc._.locations


def by_text(found, text: str):
    matches = [loc for loc in found if loc.text == text]
    assert matches, f"{text!r} not among {[loc.text for loc in found]}"
    return matches[0]


def test_conflict_towns_found_and_resolved(places_nlp):
    text = ("Explosions were reported in Belgorod early on Friday, the regional governor said. "
            "Ukrainian troops retook Irpin last week, while Russian forces kept shelling Popasna "
            "in the Luhansk region, Kyiv said.")
    doc, found = locations(places_nlp, text)
    assert [loc.id for loc in found] == [f"l{i}" for i in range(1, len(found) + 1)]
    assert [loc.span for loc in found] == sorted(loc.span for loc in found)
    belgorod = by_text(found, "Belgorod")
    assert (belgorod.country_code, belgorod.feature) == ("RU", "city")
    assert belgorod.lat == pytest.approx(50.6, abs=0.2) and belgorod.lon == pytest.approx(36.6, abs=0.2)
    assert by_text(found, "Irpin").country_code == "UA"
    assert by_text(found, "Popasna").country_code == "UA"
    assert by_text(found, "Luhansk region").feature == "admin1"
    assert by_text(found, "Kyiv").geonameid is not None
    assert "Ukrainian troops" not in [loc.text for loc in found]
    group = doc.spans["conflict_locations"]
    assert [(span.start_char, span.end_char) for span in group] == [loc.span for loc in found]


def test_demonyms_are_places_before_place_nouns_and_adjectival_elsewhere(places_nlp):
    text = ("Ukrainian officials denied the attack on Russian soil. The depot lies some 22 miles "
            "from the Ukrainian border, and no aircraft entered Russian airspace, Russian officials said.")
    _, found = locations(places_nlp, text)
    texts = [loc.text for loc in found]
    assert "Ukrainian officials" not in texts
    # "Ukrainian officials": the adjective alone, flagged as standing for the country
    adjective = by_text(found, "Ukrainian")
    assert adjective.adjectival and (adjective.country_code, adjective.feature) == ("UA", "country")
    assert [loc.text for loc in found if loc.adjectival] == ["Ukrainian", "Russian"]
    soil = by_text(found, "Russian soil")
    assert (soil.country_code, soil.feature, soil.name) == ("RU", "country", "Russia")
    border = by_text(found, "Ukrainian border")
    assert (border.feature, border.country_code) == ("border", "UA")
    assert by_text(found, "Russian airspace").country_code == "RU"


def test_borders_between_two_countries_are_one_place(places_nlp):
    text = "Columns of trucks crossed the Russia-Ukraine border overnight, and more waited at the border with Belarus."
    _, found = locations(places_nlp, text)
    shared = by_text(found, "Russia-Ukraine border")
    assert shared.feature == "border" and "Russia" in shared.name and "Ukraine" in shared.name
    assert not [loc for loc in found if loc.text in ("Russia", "Ukraine")]
    belarus = by_text(found, "border with Belarus")
    assert (belarus.feature, belarus.country_code) == ("border", "BY")


def test_regions_news_uses(places_nlp):
    text = ("Moscow shifted its offensive to eastern Ukraine and the Donbas after failing near Kyiv. "
            "Crimea was annexed in 2014, and fighting raged in the Donetsk region.")
    _, found = locations(places_nlp, text)
    east = by_text(found, "eastern Ukraine")
    assert (east.feature, east.country_code) == ("region", "UA")
    assert by_text(found, "Donbas").feature == "region"
    crimea = by_text(found, "Crimea")
    assert crimea.country_code == "UA" and crimea.lat == pytest.approx(45.3, abs=0.5)
    assert by_text(found, "Donetsk region").name == "Donetsk Oblast"
    assert by_text(found, "Moscow").country_code == "RU"


def test_georgia_follows_the_article_context(places_nlp):
    _, caucasus = locations(places_nlp, "Protesters gathered in Tbilisi as Georgia's parliament debated the bill.")
    assert by_text(caucasus, "Georgia").country_code == "GE"
    _, american = locations(places_nlp, "Voters in Atlanta and Savannah lined up for hours as Georgia counted ballots.")
    state = by_text(american, "Georgia")
    assert (state.country_code, state.feature) == ("US", "admin1")
    _, alone = locations(places_nlp, "Georgia is holding an election.")
    lone = by_text(alone, "Georgia")
    assert lone.lat is None and lone.feature is None  # two equally likely places, no context: no guess


def test_admin_qualifiers_and_population_prior(places_nlp):
    _, found = locations(places_nlp, "A tornado struck Paris, Texas, and later Alexandria, La., officials said.")
    paris = by_text(found, "Paris")
    assert (paris.country_code, paris.admin1) == ("US", "Texas")
    assert by_text(found, "Alexandria").admin1 == "Louisiana"
    _, france = locations(places_nlp, "The summit opened in Paris on Monday.")
    assert by_text(france, "Paris").country_code == "FR"


def test_only_the_body_is_read(places_nlp):
    text = "Home | World | Kharkiv live\nShelling hit Mariupol again on Sunday, officials in Zaporizhzhia said."
    doc = places_nlp.make_doc(text)
    body_start = text.index("Shelling")
    doc._.body = (body_start, len(text))
    for _, pipe in places_nlp.pipeline:
        doc = pipe(doc)
    found = doc._.locations
    assert [loc.text for loc in found] == ["Mariupol", "Zaporizhzhia"]
    assert all(loc.span[0] >= body_start and text[loc.span[0]:loc.span[1]] == loc.text for loc in found)


def test_lookup_for_other_components():
    kyiv = lookup("Kiev")
    assert kyiv is not None and (kyiv.name, kyiv.country_code, kyiv.feature) == ("Kyiv", "UA", "city")
    assert lookup("Georgia", context_country="US").feature == "admin1"
    assert lookup("Georgia", context_country="GE").feature == "country"
    assert lookup("Qwzxyville") is None


def test_gazetteer_names_and_demonyms():
    gazetteer = get_gazetteer()
    assert normalize("Zaporizhzhia–Kherson") == "zaporizhzhia kherson"
    assert normalize("U.S.") == normalize("US")
    assert gazetteer.country_of_demonym("American").country_code == "US"
    assert gazetteer.country_of_demonym("Ukrainian").country_code == "UA"
    assert gazetteer.country_of_demonym("officials") is None
    assert gazetteer.capitals["UA"].name == "Kyiv"


def test_overlap_pairs_are_one_to_one():
    predicted = [(0, 10), (12, 20), (30, 35)]
    gold = [(5, 15), (13, 19), (40, 45)]
    assert sorted(_overlap_pairs(predicted, gold)) == [(0, 0), (1, 1)]


def test_evaluation_on_a_tiny_gold_file(places_nlp, fixtures_dir: Path):
    report = places_evaluation.run(fixtures_dir / "toponyms_tiny.jsonl", nlp=places_nlp)
    assert report["documents"] == 2
    assert report["resolvable_gold_toponyms"] == 4  # Zzyzxville has no coordinates
    detection = report["detection"]
    assert (detection["tp"], detection["fn"]) == (4, 1)
    assert report["accuracy_161km_gold_spans"] == 1.0
    assert report["accuracy_161km_end_to_end"] == 1.0
    text = places_evaluation.render(report)
    assert "accuracy@161km on gold spans: 1.000" in text


def test_datelines_lists_and_people(places_nlp):
    text = ("KRAMATORSK, Ukraine — Russian artillery pounded Lysychansk, Rubizhne and Hirske overnight. "
            "Police spokesman Warren Jackson said the convoy left at dawn. Jackson said no one was hurt.")
    _, found = locations(places_nlp, text)
    texts = [loc.text for loc in found]
    assert by_text(found, "KRAMATORSK").country_code == "UA"
    for town in ("Lysychansk", "Rubizhne", "Hirske"):
        assert by_text(found, town).country_code == "UA"
    assert "Jackson" not in texts


def test_evaluation_reports_articles_whose_processing_failed(places_nlp, fixtures_dir: Path, monkeypatch):
    from conflictnlp.places.component import PlacesComponent

    def broken(self, doc):
        raise RuntimeError("gazetteer unreadable")

    monkeypatch.setattr(PlacesComponent, "process", broken)
    report = places_evaluation.run(fixtures_dir / "toponyms_tiny.jsonl", nlp=places_nlp)
    assert len(report["processing_errors"]) == report["documents"] == 2
    assert "gazetteer unreadable" in report["processing_errors"][0]
    assert "warning: 2 record errors" in places_evaluation.render(report)


def test_congo_takes_the_country_the_article_is_about(places_nlp):
    drc = ("GOMA, Democratic Republic of Congo (Reuters) - Rebels advanced on the city on Tuesday. "
           "Congo's army said it had repelled the attack near Goma.")
    _, found = locations(places_nlp, drc)
    assert by_text(found, "Democratic Republic of Congo").country_code == "CD"
    assert by_text(found, "Congo").country_code == "CD"
    republic = "BRAZZAVILLE, Congo - Congo's president spoke to reporters in Brazzaville on Monday."
    _, found = locations(places_nlp, republic)
    assert {loc.country_code for loc in found if loc.text == "Congo"} == {"CG"}


def test_georgia_and_guinea_take_the_articles_context(places_nlp):
    _, found = locations(places_nlp, "Georgia's parliament in Tbilisi passed the law, and Georgia asked to join the EU.")
    assert {loc.country_code for loc in found if loc.text == "Georgia"} == {"GE"}
    _, found = locations(places_nlp, "Storms hit Atlanta and Savannah, and Georgia's governor declared an emergency.")
    georgia = by_text(found, "Georgia")
    assert (georgia.country_code, georgia.feature) == ("US", "admin1")
    _, found = locations(places_nlp, "Soldiers in Bissau said Guinea-Bissau's president was safe; Guinea closed its border.")
    assert by_text(found, "Guinea-Bissau").country_code == "GW"
    assert by_text(found, "Guinea").country_code == "GN"


def test_a_region_named_like_its_capital_is_the_region_when_the_text_says_so(places_nlp):
    text = "Serhiy Lysak, head of the Dnipropetrovsk regional military administration, said two people were injured."
    _, found = locations(places_nlp, text)
    region = by_text(found, "Dnipropetrovsk")
    assert region.feature == "admin1" and region.country_code == "UA"
    _, found = locations(places_nlp, "Missiles struck Dnipropetrovsk overnight, city officials said.")
    assert by_text(found, "Dnipropetrovsk").feature == "city"


def test_typed_names_are_places_whatever_the_ner_label(places_nlp):
    # the small model tags "Sumy Oblast" PERSON and "Kursk" PRODUCT here
    _, found = locations(places_nlp, "Fighting raged in the Gaza Strip. Troops entered Sumy Oblast and the Kursk region.")
    assert by_text(found, "Sumy Oblast").feature == "admin1"
    kursk = by_text(found, "Kursk region")
    assert (kursk.country_code, kursk.feature) == ("RU", "admin1")


@pytest.mark.parametrize("headline, text, country", [
    ("Rebels kill at least 29 in C.Africa", "C.Africa", "CF"),
    ("Clashes in C. Africa leave 10 dead", "C. Africa", "CF"),
    ("UN peacekeeper killed in C.African Republic", "C.African Republic", "CF"),
    ("Gunmen kill 12 in CAR village attack", "CAR", "CF"),
    ("Militia kills 30 in eastern DRC", "eastern DRC", "CD"),
    ("DRC army retakes town", "DRC", "CD"),
])
def test_headline_abbreviations_of_countries(places_nlp, headline, text, country):
    _, found = locations(places_nlp, headline)
    assert by_text(found, text).country_code == country


def test_state_abbreviations_only_as_written(places_nlp):
    _, found = locations(places_nlp, "Gunmen kill 3 in LA shooting")
    assert by_text(found, "LA").admin1 != "Louisiana"
    _, found = locations(places_nlp, "Police in Alexandria, La., arrested a man on Monday.")
    assert by_text(found, "Alexandria").admin1 == "Louisiana"
    _, found = locations(places_nlp, "Miss Jones met La Toya in Mass on Sunday.")
    assert not [loc for loc in found if loc.admin1 in ("Louisiana", "Mississippi", "Massachusetts")]
    gazetteer = get_gazetteer()
    assert [p.name for p in gazetteer.candidates("La.")] == ["Louisiana"]
    assert not [p for p in gazetteer.candidates("La") if p.name == "Louisiana"]
    assert [p.country_code for p in gazetteer.candidates("CAR")] == ["CF"]
    assert not [p for p in gazetteer.candidates("Car") if p.country_code == "CF"]


def test_adjectival_uses_of_peoples_and_their_plurals(places_nlp):
    text = "Palestinians fled south as Israeli tanks advanced; the Egyptian foreign ministry said Cairo speaks Arabic, not Hebrew."
    _, found = locations(places_nlp, text)
    assert (by_text(found, "Palestinians").country_code, by_text(found, "Palestinians").adjectival) == ("PS", True)
    assert by_text(found, "Israeli").country_code == "IL"
    assert by_text(found, "Egyptian").country_code == "EG"
    assert not by_text(found, "Cairo").adjectival


def test_adjectival_mentions_can_be_turned_off():
    import conflictnlp

    nlp = conflictnlp.load(enable=["article", "places"], config={"places": {"adjectival": False}})
    doc = nlp("Ukrainian officials said Russian forces shelled Kharkiv.")
    assert [loc.text for loc in doc._.locations] == ["Kharkiv"]


def test_multiword_and_transliterated_towns_the_small_model_misses(places_nlp):
    # the small model tags "Khan Younis" and "Rafah" PERSON, "Beit Lahia" ORG; the gazetteer
    # knows them as Khān Yūnis, Rafaḩ and Bayt Lāhyā
    text = "Israeli strikes hit Khan Younis overnight, while residents of Beit Lahia fled toward Rafah."
    _, found = locations(places_nlp, text)
    for name in ("Khan Younis", "Beit Lahia", "Rafah"):
        assert by_text(found, name).country_code == "PS", name


def test_an_area_named_with_its_kind_word(places_nlp):
    _, found = locations(places_nlp, "Boko Haram fighters attacked Gwoza in Borno State on Sunday.")
    borno = by_text(found, "Borno State")
    assert (borno.country_code, borno.feature) == ("NG", "admin1")


def test_a_hyphenated_demonym_is_the_word_alone(places_nlp):
    _, found = locations(places_nlp, "Turkish-backed fighters attacked towns in northeast Syria.")
    assert by_text(found, "Turkish").country_code == "TR"
    assert "Turkish-" not in [loc.text for loc in found]


@pytest.mark.parametrize("headline, text, country, feature", [
    ("At least 13 S.African soldiers dead in C.Africa fighting", "S.African", "ZA", "country"),
    ("Two BSF men among eight killed in J&K encounter", "J&K", "IN", "admin1"),
    ("Over 50 killed as fighting rages in Yemen's Marib", "Marib", "YE", "city"),
    ("Attack on army post kills 5 in Burkina", "Burkina", "BF", "country"),
    ("Israeli strike kills 8 in Gaza", "Gaza", "PS", "region"),
    ("Rebels kill 9 in Ituri province, DRC", "Ituri province", "CD", "admin1"),
    ("Houthis fire missiles at Sanaa airport", "Sanaa", "YE", "city"),
])
def test_places_in_conflict_headlines(places_nlp, headline, text, country, feature):
    _, found = locations(places_nlp, headline)
    place = by_text(found, text)
    assert (place.country_code, place.feature) == (country, feature)


def test_a_title_case_compass_word_is_part_of_the_region_not_a_place_of_its_own(places_nlp):
    _, found = locations(places_nlp, "Militia Kills 42 People In Eastern Congo Village")
    assert [(loc.text, loc.country_code) for loc in found] == [("Eastern Congo", "CD")]
    spans = sorted(loc.span for loc in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_drc_provinces_since_2015():
    ituri = lookup("Ituri")
    assert ituri is not None and ituri.country_code == "CD" and ituri.lat == pytest.approx(2.07, abs=0.5)
    assert lookup("Tanganyika", context_country="CD").country_code == "CD"


def test_a_name_before_a_lowercase_kind_word_is_the_area(places_nlp):
    _, found = locations(places_nlp, "Gunmen abducted 30 students in Kaduna state, police said.")
    assert by_text(found, "Kaduna").feature == "admin1"
    _, found = locations(places_nlp, "Gunmen abducted 30 students in Kaduna, police said.")
    assert by_text(found, "Kaduna").feature == "city"


def test_metonymic_white_house_and_the_gulf(places_nlp):
    _, found = locations(places_nlp, "The White House urged restraint as tankers crossed the Gulf.")
    assert by_text(found, "White House").country_code == "US"
    assert by_text(found, "Gulf").feature == "water"


@pytest.mark.parametrize("name, country", [("Deir el-Balah", "PS"), ("Tel Abyad", "SY"), ("Beit Hanoun", "PS"), ("Deir Ezzor", "SY")])
def test_romanised_spellings_the_tables_spell_otherwise(name, country):
    places = get_gazetteer().spelling_variants(name)
    assert places and places[0].country_code == country


def test_a_detected_name_in_another_romanisation_is_resolved(places_nlp):
    _, found = locations(places_nlp, "Israeli strikes hit Deir al-Balah in central Gaza overnight.")
    assert by_text(found, "Deir al-Balah").country_code == "PS"


@pytest.mark.parametrize("headline, text, country, feature", [
    ("Suicide Bomber Kills 15 At Mosque In Northwest Pakistan", "Northwest Pakistan", "PK", "region"),
    ("UPDATE 1-Fighting In Sudan's Darfur Kills 40, Says Aid Group", "Darfur", "SD", "region"),
    ("Troops Kill 12 Rebels In Southern Philippines", "Southern Philippines", "PH", "region"),
    ("Police Kill Four Suspected Militants In Indian Kashmir", "Kashmir", "IN", "admin1"),
    ("Boko Haram kills 30 in NE Nigeria", "NE Nigeria", "NG", "region"),
])
def test_title_case_headlines_and_qualified_regions(places_nlp, headline, text, country, feature):
    # the small model tags "Darfur Kills" PERSON; a title-case line's capitals say little
    _, found = locations(places_nlp, headline)
    place = by_text(found, text)
    assert (place.country_code, place.feature) == (country, feature)
    assert not [loc for loc in found if loc.country_code == "IS"]  # "Northwest" is no Icelandic region here


def _title_headline(last: str):
    """ "Goma : Rebels Enter City <last>" on a hand-built parse (a title-case headline)."""
    return make_doc(
        f"""
        Goma Goma PROPN nsubj 3 NNP
        : : PUNCT punct 3 :
        Rebels Rebels PROPN nsubj 3 NNP
        Enter enter VERB ROOT 3 VBP
        City City PROPN compound 5 NNP
        {last} {last} PROPN dobj 3 NNP
        """
    )


def test_a_title_case_headline_word_is_no_place_on_its_own(monkeypatch):
    matcher = PlaceMatcher(get_gazetteer())
    assert [m.text for m in matcher(_title_headline("Centre"))] == ["Goma"]
    assert [m.text for m in matcher(_title_headline("Littoral"))] == ["Goma"]
    # the list is what decides: without it, Burkina Faso's Centre region is read
    monkeypatch.setattr(matcher, "headline_generic_words", frozenset())
    assert [m.text for m in matcher(_title_headline("Centre"))] == ["Goma", "Centre"]


def test_a_generic_headline_word_after_a_locative_cue_stays_a_place(places_nlp):
    _, found = locations(places_nlp, "Clashes erupt in Centre, Burkina Faso's capital region")
    assert by_text(found, "Centre").country_code == "BF"
    _, found = locations(places_nlp, "Goma: M23 Rebels Enter City Centre")
    assert [loc.text for loc in found] == ["Goma"]
