"""Fields other than the actors (issue 27, wip-evfields): which sentences are incidents of their
own, which place a folded event keeps, and which reports the table joins. Sentences written for
these tests; each class with traps that must not match."""

from __future__ import annotations

import pytest

from conflictnlp.events.table import event_rows
from tests.test_events import record


def _events(nlp, text, published="2026-11-08"):
    import conflictnlp

    return conflictnlp.extract(text, published=published, nlp=nlp).events


def _place(event, article_locations):
    loc = next((loc for loc in article_locations if loc.id == event.location), None)
    return loc.text if loc else None


# --- a trigger noun ranked by a comparison names the incident told, it is none of its own ------


@pytest.mark.parametrize("text", [
    "Gang members killed at least 40 people in Pont-Sonde on Friday, the UN said, in one of the deadliest attacks this year.",
    "Gunmen shot dead 12 villagers in Zamfara on Sunday in the worst attack on the area since March.",
    "Russian drones struck Odesa on Monday, killing three people, in one of the heaviest strikes on the port this month.",
])
def test_a_ranked_attack_noun_beside_the_incident_is_no_second_event(nlp, text):
    events = _events(nlp, text)
    assert len(events) == 1
    assert events[0].fatalities.best is not None


@pytest.mark.parametrize("text", [
    # the ranked noun is the subject: it is the incident itself
    "The deadliest attack on Kherson this year killed 12 people on Monday.",
    # a second incident told in a clause of its own, not ranked
    "Gunmen killed 9 villagers in Bokkos on Sunday, while a bomb blast killed 4 in Maiduguri on Monday.",
])
def test_an_incident_that_is_not_only_ranked_stays(nlp, text):
    events = _events(nlp, text)
    assert events
    assert all(event.fatalities.best is not None for event in events)


# --- a label's summary that opens the text is a headline: it folds with the report after it ----


def test_a_label_summary_folds_into_the_report_and_gives_way_to_its_place(nlp):
    import conflictnlp

    article = conflictnlp.extract("Lubero: au moins 18 civils tués. At least 18 civilians were hacked to death on Sunday "
                                  "night in Mamove village. Local authorities blamed the ADF.", published="2026-08-11", nlp=nlp)
    [event] = article.events
    assert _place(event, article.locations) == "Mamove"
    assert event.fatalities.best == 18


def test_a_label_summary_in_english_folds_too(nlp):
    import conflictnlp

    article = conflictnlp.extract("Djibo: four civilians killed. Gunmen on motorbikes attacked the market in Djibo on "
                                  "Saturday, killing four traders.", published="2026-08-11", nlp=nlp)
    assert len(article.events) == 1


def test_a_long_labelled_report_is_no_summary_and_a_separate_incident_stays_apart(nlp):
    # the first sentence is a full report (more than eight words after its label), and the second
    # says "Separately": two incidents
    import conflictnlp

    article = conflictnlp.extract("Mopti: an IED killed three soldiers near Bandiagara on Monday morning, the army said. "
                                  "Separately, gunmen killed two traders in Djenne.", published="2026-08-11", nlp=nlp)
    assert len(article.events) == 2


# --- two states' forces, one named only from its report's context, do not split an incident ----


def _state(text, name):
    return {"text": text, "span": [0, len(text)], "name": name, "kind": "state_forces"}


def test_a_state_named_from_context_does_not_split_an_incident():
    # "the military" under a BANGKOK dateline read as Thailand's; the other outlet says "Myanmar's military"
    records = [
        record("a1", "Irrawaddy", day="2026-09-26", place="Kyauktaw", toll=17, perp=_state("Myanmar's military", "Myanmar")),
        record("a2", "Reuters", day="2026-09-26", place="Kyauktaw", toll=15, perp=_state("the military", "Thailand")),
    ]
    assert len(list(event_rows(records))) == 1


@pytest.mark.parametrize("second", [
    _state("Ukrainian troops", "Ukraine"),  # both name their state in their own words
    {"text": "Al-Shabaab", "span": [0, 10], "name": "Al-Shabaab", "kind": "rebel_group"},  # a state and a named group
])
def test_sides_named_in_their_own_words_still_split(second):
    records = [
        record("a1", "AP", day="2026-09-26", place="Kherson", toll=3, perp=_state("Russian forces", "Russia")),
        record("a2", "Reuters", day="2026-09-26", place="Kherson", toll=3, perp=second),
    ]
    assert len(list(event_rows(records))) == 2


def test_a_context_state_does_not_join_a_named_group():
    records = [
        record("a1", "AP", day="2026-09-26", place="Kismayo", toll=5, perp=_state("Police", "Somalia")),
        record("a2", "Reuters", day="2026-09-26", place="Kismayo", perp={"text": "Al-Shabaab militants", "span": [0, 20],
                                                                         "name": "Al-Shabaab", "kind": "rebel_group"}),
    ]
    assert len(list(event_rows(records))) == 2


# --- a crowd's attack on a place in a sentence of protest is a violent demonstration -----------


@pytest.mark.parametrize("text,sub_type", [
    ("Nepal: Crowd storms parliament, torches vehicles as anti-corruption rally turns violent", "violent_demonstration"),
    ("A crowd stormed the parliament building in Kathmandu on Tuesday and set fire to vehicles.", "violent_demonstration"),
    # traps: a mob that attacks people is mob violence
    ("A mob attacked and killed a man accused of blasphemy in Sialkot on Monday.", "mob_violence"),
    ("An angry mob attacked two suspected thieves in Kano on Monday, setting them ablaze.", "mob_violence"),
])
def test_a_crowd_storming_a_place_riots_a_crowd_attacking_people_is_a_mob(nlp, text, sub_type):
    [event] = _events(nlp, text, published="2026-10-09")
    assert event.sub_type == sub_type


# --- an outlet named after a town places nothing -------------------------------------------------


@pytest.mark.parametrize("text,place", [
    ("Kyiv Post: Russian forces shelled a village in Donetsk region on Monday.", "Donetsk region"),
    ("Russian drones struck a village on Monday, killing two people, the Kyiv Post reported.", None),
    ("Israeli troops raided Jenin on Monday, the Jerusalem Post reported.", "Jenin"),
    # trap: the town itself is still a place
    ("Russian missiles struck Kyiv on Monday, killing two people, the Kyiv Post reported.", "Kyiv"),
])
def test_an_outlet_named_after_a_town_is_no_place(nlp, text, place):
    import conflictnlp

    article = conflictnlp.extract(text, published="2026-10-24", nlp=nlp)
    [event] = article.events
    assert _place(event, article.locations) == place


# --- storming a place to loot it is the looting; attacking people beside it is an attack ---------


@pytest.mark.parametrize("text,sub_type", [
    ("Houthi fighters stormed and looted the offices of a UN agency in Sanaa on Thursday, seizing equipment and vehicles.",
     "looting_property_destruction"),
    ("Gunmen stormed and looted a clinic in Kajuru on Monday.", "looting_property_destruction"),
    # traps: people attacked or killed beside the burning
    ("Settlers torched two homes and attacked Palestinian shepherds near Hebron on Monday.", "attack"),
    ("Gang members set fire to dozens of homes in Petite-Riviere on Tuesday, killing at least 12 people.", "attack"),
])
def test_storming_to_loot_is_looting_harming_people_is_an_attack(nlp, text, sub_type):
    [event] = _events(nlp, text, published="2026-10-24")
    assert event.sub_type == sub_type


# --- an army's own dead in its communiqué's words ----------------------------------------------


@pytest.mark.parametrize("text,toll", [
    ("Units repelled a terrorist incursion at Diapaga on Sunday. Forty-two terrorists were neutralised. "
     "Three of our men fell with honour.", 45),
    ("Two soldiers fell in battle near Kupiansk on Monday, the brigade said.", 2),
    ("Militants attacked a checkpost in Bannu on Monday; four soldiers embraced shahadat, the military said.", 4),
    # traps: "fell" of no person, no count
    ("Troops repelled an attack on a base in Boni on Monday. The commander said morale fell with the heat.", None),
    ("Troops repelled an attack on a base in Boni on Monday. Prices fell in the market afterwards.", None),
])
def test_an_armys_own_dead_in_its_own_words_are_a_toll(nlp, text, toll):
    [event] = _events(nlp, text, published="2026-11-04")
    assert event.fatalities.best == toll
