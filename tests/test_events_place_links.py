"""Which of a sentence's places is the event's (issue 27, actors and place round), on the place
filters of ``events/places.py`` with hand-placed locations, and the actor rules that go with them:
a label's last link, the first of a pair, a city before its district, a reference point ("north of
Goma") only where it locates an unmapped place, the label's country, a force's own demonym and the
dateline's country, a headline's passive read as active."""

from __future__ import annotations

from types import SimpleNamespace

from spacy.tokens import Doc

from conflictnlp.events.actors import _home_country, demonym_countries
from conflictnlp.events.candidate import Mention
from conflictnlp.events.lexicon import ActorEntry
from conflictnlp.events.places import (
    FEATURE_RANK,
    _drop_broader_labels,
    _drop_city_parts,
    _drop_reference_points,
    _drop_second_of_pair,
    _keep_label_country,
)
from conflictnlp.events.roles import ROLE_PERPETRATOR, ROLE_TARGET, _role
from conflictnlp.model import Article, Location
from tests.helpers import BLANK_VOCAB


def at(text, name, code, feature, mapped=True, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    lat = 1.0 if mapped else None
    return Location(id=f"{name}{nth}", text=name, span=(start, start + len(name)), name=name, country_code=code, feature=feature, lat=lat, lon=lat)


def query(text):
    return SimpleNamespace(text=text)


def names(places):
    return [loc.text for loc in places]


def test_a_label_chain_is_placed_at_its_last_link():
    text = "29 Jan - Yemen, Taiz governorate, Mawiyah district: a landmine exploded under a car."
    places = [at(text, "Yemen", "YE", "city"), at(text, "Taiz", "YE", "admin1"), at(text, "Mawiyah", "YE", "admin2")]
    assert names(_drop_broader_labels(query(text), places)) == ["Mawiyah"]
    text = "14 February - Haiti, Cite Soleil: gang members abducted 8 people."
    places = [at(text, "Haiti", "HT", "country"), at(text, "Cite Soleil", "HT", "city", mapped=False)]
    assert names(_drop_broader_labels(query(text), places)) == ["Cite Soleil"]
    # places of the text after the label are no links of it
    text = "- Mopti: an IED hit a minibus near Bandiagara, Mali."
    places = [at(text, "Mopti", "ML", "city"), at(text, "Bandiagara", "ML", "city")]
    assert names(_drop_broader_labels(query(text), places)) == ["Mopti", "Bandiagara"]


def test_of_two_places_named_together_the_first_is_the_events():
    text = "Police arrested 39 people in Kano and Abuja during protests."
    places = [at(text, "Kano", "NG", "city"), at(text, "Abuja", "NG", "city")]
    assert names(_drop_second_of_pair(query(text), places)) == ["Kano"]
    text = "Police arrested 39 people in Kano, near Abuja."
    places = [at(text, "Kano", "NG", "city"), at(text, "Abuja", "NG", "city")]
    assert names(_drop_second_of_pair(query(text), places)) == ["Kano", "Abuja"]


def test_a_district_of_a_city_is_placed_at_the_city():
    text = "Russian shelling of Kherson's Dniprovskyi district killed a man."
    places = [at(text, "Kherson", "UA", "city"), at(text, "Dniprovskyi district", "UA", "city")]
    assert names(_drop_city_parts(query(text), places)) == ["Kherson"]
    text = "Security forces killed 3 militants in Kashmir's Kupwara."
    places = [at(text, "Kashmir", "IN", "admin1"), at(text, "Kupwara", "IN", "admin2")]
    assert names(_drop_city_parts(query(text), places)) == ["Kashmir", "Kupwara"]


def test_a_reference_point_gives_way_unless_it_locates_an_unmapped_place():
    text = "Heavy fighting north of Goma between M23 and Wazalendo fighters near Kibumba."
    places = [at(text, "Goma", "CD", "city"), at(text, "Kibumba", "CD", "city", mapped=False)]
    assert names(_drop_reference_points(query(text), places)) == ["Kibumba"]
    text = "US strikes on the Bani Matar district west of Sanaa."
    places = [at(text, "Bani Matar", "YE", "admin2"), at(text, "Sanaa", "YE", "city")]
    assert names(_drop_reference_points(query(text), places)) == ["Bani Matar"]
    text = "Shells hit a camp in Bulengo, west of Goma."
    places = [at(text, "Bulengo", "CD", "city", mapped=False), at(text, "Goma", "CD", "city")]
    assert names(_drop_reference_points(query(text), places)) == ["Bulengo", "Goma"]


def test_a_label_place_says_which_country_the_others_lie_in():
    text = "18:12 - Mogadishu: A car bomb exploded near Lido beach this evening."
    places = [at(text, "Mogadishu", "SO", "city"), at(text, "Lido beach", "US", "city")]
    assert names(_keep_label_country(query(text), places)) == ["Mogadishu"]
    text = "Chad: 12 soldiers killed in attack on Lake Chad base"
    places = [at(text, "Chad", "TD", "country"), at(text, "Lake Chad", None, "water")]
    assert names(_keep_label_country(query(text), places)) == ["Chad", "Lake Chad"]
    assert FEATURE_RANK["water"] < FEATURE_RANK["country"]  # the lake is finer than its country


def test_a_forces_country_comes_from_its_demonym_then_the_dateline():
    assert demonym_countries()["Somali"] == "Somalia"
    text = "PORT-AU-PRINCE, Haiti (AP) - Police neutralised 8 gang members in Croix on Friday."
    article = Article(text=text, locations=[at(text, "PORT-AU-PRINCE", "HT", "city"), at(text, "Haiti", "HT", "country"),
                                            at(text, "Croix", "FR", "city")])
    assert _home_country(text, article) == "Haiti"
    text = "Police neutralised 8 gang members in Croix on Friday."
    assert _home_country(text, Article(text=text, locations=[at(text, "Croix", "FR", "city")])) is None


def test_a_headline_passive_parsed_as_active_makes_its_subject_the_target():
    entry = ActorEntry(kind="state_forces", name=None, words=("ranger",), named=False, country=None)
    # Ranger killed in Narathiwat roadside bombing
    words = ["Ranger", "killed", "in", "Narathiwat", "roadside", "bombing"]
    doc = Doc(BLANK_VOCAB, words=words, heads=[1, 1, 1, 5, 5, 2], deps=["nsubj", "ROOT", "prep", "compound", "compound", "pobj"],
              pos=["PROPN", "VERB", "ADP", "PROPN", "NOUN", "NOUN"], tags=["NNP", "VBD", "IN", "NNP", "NN", "NN"])
    assert _role(doc, Mention(0, 1, entry), []) == ROLE_TARGET
    # Rangers killed 3 gunmen in Narathiwat: active, with its object
    words = ["Rangers", "killed", "3", "gunmen", "in", "Narathiwat"]
    doc = Doc(BLANK_VOCAB, words=words, heads=[1, 1, 3, 1, 1, 4], deps=["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj"],
              pos=["PROPN", "VERB", "NUM", "NOUN", "ADP", "PROPN"], tags=["NNP", "VBD", "CD", "NNS", "IN", "NNP"])
    assert _role(doc, Mention(0, 1, entry), []) == ROLE_PERPETRATOR


def test_party_and_force_acronyms_are_named_actors():
    from conflictnlp.events.lexicon import load_event_lexicon

    kinds = {word: entry.kind for entry in load_event_lexicon().actors if entry.named for word in entry.words}
    assert kinds["PTI"] == "political_party"  # "arrested 14 members of the opposition PTI"
    assert kinds["CRPF"] == "state_forces"  # "lobbed a grenade at a CRPF bunker"
