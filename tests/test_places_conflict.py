"""Places on conflict news: the conflict gazetteer layer, the actors lexicon, continent
coherence, directions and headlines (issues 25 and 27)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from conflictnlp.evaluation import places as places_evaluation
from conflictnlp.places.actors import ACTOR_KINDS, find_actor, load_actors
from conflictnlp.places.gazetteer import Place, get_gazetteer, romanisation_key, transliteration_key
from conflictnlp.places.matcher import PlaceMatcher
from conflictnlp.places.resolve import Mention, Resolver, place_unlisted
from tests.conftest import assert_offsets

COUNTRY_NAMES = {"UA": "Ukraine", "CD": "Congo", "ET": "Ethiopia", "YE": "Yemen", "PS": "Gaza", "SY": "Syria",
                 "SD": "Sudan", "CF": "the Central African Republic", "ML": "Mali"}
FRONT_LINE = {
    "Kramatorsk": "UA", "Kupiansk": "UA", "Izium": "UA", "Vuhledar": "UA", "Soledar": "UA",
    "Zaporizhzhia": "UA", "Bakhmut": "UA", "Avdiivka": "UA", "Pokrovsk": "UA", "Goma": "CD",
    "Mekelle": "ET", "Hodeidah": "YE", "Nuseirat": "PS", "Azaz": "SY", "Khan Younis": "PS",
    "Rafah": "PS", "Jenin": "PS", "El Fasher": "SD", "Omdurman": "SD", "Batangafo": "CF",
    "Kidal": "ML", "Mopti": "ML", "Moura": "ML",
}


def places(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    assert_offsets(doc._.article.to_dict())
    return {loc.text: loc.country_code for loc in doc._.locations}


# --- actors lexicon ------------------------------------------------------------------------------

def test_actors_lexicon_is_complete_and_well_formed():
    actors = load_actors()
    assert len(actors) >= 80
    assert {actor.kind for actor in actors} <= ACTOR_KINDS
    assert {"media", "alliance", "rebel_group", "state_forces", "intergovernmental", "ngo"} <= {a.kind for a in actors}
    for name in ("Hamas", "Hezbollah", "NATO", "RSF", "M23", "Wagner", "France 24", "Al Jazeera", "TASS",
                 "Reuters", "Al-Shabaab", "ISIS", "JNIM", "Houthis"):
        assert find_actor(name) is not None, name
    assert find_actor("NATO's").name == "NATO"
    assert find_actor("the Taliban").kind == "state_forces"  # the government of Afghanistan since 2021 (docs/events.md)
    assert find_actor("Pakistani Taliban").kind == "rebel_group"
    assert find_actor("Kyiv") is None


def test_no_actor_name_is_a_country_name():
    gazetteer = get_gazetteer()
    clashes = [name for actor in load_actors() for name in actor.names if gazetteer.country_named(name)]
    assert clashes == []


@pytest.mark.parametrize("text, organisation, place", [
    ("Hamas said an Israeli strike on Nuseirat killed 20 people.", "Hamas", "Nuseirat"),
    ("NATO's secretary general said allies would send more air defence to Kyiv.", "NATO", "Kyiv"),
    ("France 24 reported that the shelling of Kherson continued.", "France", "Kherson"),
    ("Al Jazeera's correspondent in Omdurman said the RSF had advanced.", "Al Jazeera", "Omdurman"),
    ("TASS said Russian forces had repelled attacks near Kupiansk.", "TASS", "Kupiansk"),
])
def test_actors_are_never_places(places_nlp, text, organisation, place):
    found = places(places_nlp, text)
    assert not any(organisation in name for name in found), found
    assert place in found


def test_demonym_inside_an_actor_name_is_no_place(places_nlp):
    found = places(places_nlp, "The Syrian Democratic Forces said they had arrested ISIS members in Raqqa.")
    assert "Syrian" not in found and found.get("Raqqa") == "SY"


# --- conflict gazetteer layer --------------------------------------------------------------------

def test_romanisation_keys():
    for a, b in (("izium", "izyum"), ("avdiivka", "avdiyivka"), ("kostiantynivka", "kostyantynivka"),
                 ("zaporizhzhia", "zaporizhzhya"), ("sloviansk", "slovyansk")):
        assert romanisation_key(a) == romanisation_key(b)
    assert romanisation_key("ismaili") != romanisation_key("ismayilli")  # a religion is no town
    assert transliteration_key("deir el balah") == transliteration_key("dayr al balah")


@pytest.mark.parametrize("name, code", sorted(FRONT_LINE.items()))
def test_front_line_names_found_with_their_country(places_nlp, name, code):
    # the article names its country; then a long sentence, no locative word before the name
    text = (f"The war in {COUNTRY_NAMES[code]} goes on. Officials said on Tuesday that the situation around "
            f"{name} had worsened overnight after several days of heavy fighting, according to a statement "
            f"read out on national television.")
    assert places(places_nlp, text).get(name) == code


def test_detection_does_not_depend_on_sentence_length(places_nlp):
    short = places(places_nlp, "Fighting raged in Bakhmut.")
    long = places(places_nlp, "In a long interview with state television late on Sunday, the Wagner chief repeated "
                              "his claim that his men had done most of the fighting for Bakhmut over the winter.")
    assert short.get("Bakhmut") == long.get("Bakhmut") == "UA"


def test_every_spelling_of_a_small_conflict_town(places_nlp):
    found = places(places_nlp, "Ukrainian troops held Marinka and Huliaipole, and shelling hit Izium and Izyum.")
    assert [found.get(name) for name in ("Marinka", "Huliaipole", "Izium", "Izyum")] == ["UA"] * 4


# --- coherence, directions, headlines ------------------------------------------------------------

def test_moura_in_an_article_about_mali(places_nlp):
    found = places(places_nlp, "Malian troops and foreign fighters killed hundreds of people in Moura, Mali, in March.")
    assert found.get("Moura") == "ML"


def test_continent_coherence_in_resolution():
    gazetteer = get_gazetteer()
    resolver = Resolver(gazetteer)
    mali = Mention("Mali", 0, 4, fixed=gazetteer.countries["ML"])
    moura = Mention("Moura", 10, 15)
    assert resolver.resolve([mali, moura])[1].country_code == "ML"


@pytest.mark.parametrize("text, name, code", [
    ("Hamas said an air strike in central Gaza killed 20 people.", "central Gaza", "PS"),
    ("Air defences shot down 12 drones over the northern province of Chernihiv.", "Chernihiv", "UA"),
])
def test_directions_keep_the_country(places_nlp, text, name, code):
    found = places(places_nlp, text)
    assert found.get(name) == code
    assert not any(country in ("MZ", "LK") for country in found.values()), found


@pytest.mark.parametrize("text, name, code", [
    ("Two killed after bandits ambush herders in Kapedo", "Kapedo", "KE"),
    ("Centrafrique: au moins cinq civils tués à Batangafo lors d'une attaque", "Batangafo", "CF"),
    ("Jenin Raid Leaves Seven Palestinians Dead", "Jenin", "PS"),
    ("Russia Claims Capture Of Vuhledar", "Vuhledar", "UA"),
])
def test_headlines_and_french_prepositions(places_nlp, text, name, code):
    assert places(places_nlp, text).get(name) == code


def test_title_case_person_is_no_place(places_nlp):
    found = places(places_nlp, "Jackson Says Georgia Will Not Send Troops Abroad")
    assert "Jackson" not in found


def test_actor_tokens_on_a_hand_built_doc(places_nlp):
    words = ["France", "24", "reported", "fighting", "near", "Kupiansk", "."]
    doc = Doc(places_nlp.vocab, words=words, spaces=[True] * 5 + [False, False])
    matcher = PlaceMatcher(get_gazetteer())
    assert matcher._actor_tokens(doc, 0, len(doc)) == {0, 1}


# --- unlisted villages, borders, lone names, things named after places (round 2) -------------------

@pytest.mark.parametrize("text, name, code", [
    ("Gunmen set fire to the village of Ngoroyo in Ituri province, the army said.", "Ngoroyo", "CD"),
    ("Sudanese troops shelled the village of Tabit, killing four farmers.", "Tabit", "SD"),
    ("Burkina Faso's army said jihadists attacked a checkpoint near Tandaga, in the north.", "Tandaga", "BF"),
])
def test_unlisted_villages_get_the_article_country(places_nlp, text, name, code):
    assert places(places_nlp, text).get(name) == code


def test_no_unlisted_place_outside_a_conflict_article(places_nlp):
    found = places(places_nlp, "The mayor of Springfield met volunteers near Dunmore Hall on Saturday.")
    assert "Dunmore Hall" not in found


def test_unlisted_place_takes_the_point_of_the_place_named_next():
    lubero = Place("Lubero", "city", "CD", -0.16, 29.24, 41722)
    village = Mention("Kyavinyonge", 0, 11, unlisted=True)
    places = place_unlisted([village, Mention("Lubero", 17, 23)], [None, lubero], frozenset({"CD"}), Resolver())
    assert (places[0].country_code, places[0].lat) == ("CD", -0.16)
    assert place_unlisted([village], [None], frozenset({"CD"}), Resolver()) == [None]  # no country known


@pytest.mark.parametrize("text, name, code", [
    ("Families sheltered in Rafah, close to the border with Egypt.", "Rafah", "PS"),
    ("Refugees kept arriving in Adre, on the border with Sudan.", "Adre", "TD"),
])
def test_a_place_before_the_border_with_a_country_is_on_this_side(places_nlp, text, name, code):
    assert places(places_nlp, text).get(name) == code


@pytest.mark.parametrize("text, name, code", [
    ("Officials in Odesa said the port was hit.", "Odesa", "UA"),
    ("Russian troops pushed towards Pokrovsk on Monday.", "Pokrovsk", "UA"),
    ("Rebels shelled Tal Rifaat overnight.", "Tal Rifaat", "SY"),
])
def test_a_lone_name_takes_its_clear_reading(places_nlp, text, name, code):
    assert places(places_nlp, text).get(name) == code


@pytest.mark.parametrize("text, not_place", [
    ("An analyst at Columbia University said Kyiv would hold Kharkiv.", "Columbia"),
    ("The Sudan Tribune said fighting had reached El Obeid.", "Sudan"),
    ("The cruiser Moskva sank off Odesa in April.", "Moskva"),
    ("The Minsk agreements never brought peace to Donetsk.", "Minsk"),
])
def test_things_named_after_places_are_not_places(places_nlp, text, not_place):
    found = places(places_nlp, text)
    assert not any(not_place in name for name in found), found


def test_a_university_town_in_an_article_about_its_country_stays(places_nlp):
    found = places(places_nlp, "Ohio State University said tuition in Columbus would rise.")
    assert found.get("Ohio") == "US"


def test_a_newspaper_town_stays_at_home_but_its_head_and_a_country_do_not(places_nlp):
    found = places(places_nlp, "She began at the Augusta Herald and later moved to Atlanta. The Herald hired her in 1969.")
    assert found.get("Augusta") == "US"
    assert "Herald" not in found


# --- evaluation ----------------------------------------------------------------------------------

def test_conflict_gold_scores_country_and_not_places(places_nlp, fixtures_dir):
    report = places_evaluation.run(fixtures_dir / "places_conflict_dev.jsonl", limit=12, nlp=places_nlp)
    assert report["gold_with_country"] > 12
    assert 0.0 <= report["right_country"] <= 1.0
    assert isinstance(report["not_places_made_places"], dict)
    assert "found with the right country" in places_evaluation.render(report)


@pytest.mark.parametrize("text, name, code, feature", [
    ("A cargo ship was hit by a missile in the Red Sea off Hodeidah.", "Red Sea", None, "water"),
    ("Voting began in Sudan's Red Sea state on Monday.", "Red Sea", "SD", "admin1"),
])
def test_a_sea_is_the_sea_unless_the_text_says_state(places_nlp, text, name, code, feature):
    found = {loc.text.removeprefix("the "): (loc.country_code, loc.feature) for loc in places_nlp(text)._.locations}
    assert found.get(name) == (code, feature)


def test_a_town_as_a_first_name_before_an_apposition_is_a_person(places_nlp):
    found = places(places_nlp, "Lincoln Mitchell, an analyst at a think tank, said Russian units had left Kherson.")
    assert "Lincoln" not in found
    assert found.get("Kherson") == "UA"
