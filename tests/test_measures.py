"""Quantities and distances (the conflict_measures component) on invented news sentences."""

from __future__ import annotations

import pytest

from conflictnlp.pipeline import extract
from tests.conftest import assert_offsets


def _record(nlp, text: str) -> dict:
    record = extract(text, nlp=nlp).to_dict()
    assert_offsets(record)
    assert record["errors"] == []
    return record


def _quantity(record: dict, text: str) -> dict:
    found = [q for q in record["quantities"] if q["text"] == text]
    assert found, (text, [q["text"] for q in record["quantities"]])
    return found[0]


def test_distance_with_approximator_reference_and_subject(nlp):
    text = (
        "Regional officials said two missiles struck the ammunition depot in Valuyki – some 15 miles "
        "from the Ukrainian border – early on Tuesday, injuring three guards."
    )
    record = _record(nlp, text)
    assert len(record["distances"]) == 1
    distance = record["distances"][0]
    assert distance["id"] == "m1"
    assert distance["text"] == "some 15 miles"
    assert (distance["value"], distance["unit"]) == (15, "mile")
    assert distance["metres"] == pytest.approx(24140.2)
    assert distance["approximate"] is True
    assert distance["also"] == []
    assert distance["reference"]["text"] == "the Ukrainian border"
    assert distance["subject"]["text"] == "the ammunition depot in Valuyki"
    # the length is reported once, as a distance
    assert all(q["kind"] != "length" for q in record["quantities"])
    guards = _quantity(record, "three guards")
    assert (guards["value"], guards["kind"], guards["concept"]) == (3, "count", "guards")


def test_restatement_in_brackets_is_one_distance(nlp):
    text = (
        "Ukrainian drones hit an oil refinery on the edge of the town of Novoshakhtinsk, about 40 kilometers "
        "(25 miles) from the border, the governor said."
    )
    record = _record(nlp, text)
    assert len(record["distances"]) == 1
    distance = record["distances"][0]
    assert distance["text"] == "about 40 kilometers (25 miles)"
    assert (distance["value"], distance["unit"], distance["metres"]) == (40, "kilometre", 40000.0)
    assert distance["approximate"] is True
    assert [(a["value"], a["unit"]) for a in distance["also"]] == [(25, "mile")]
    s, e = distance["also"][0]["span"]
    assert text[s:e] == "25 miles"
    assert distance["reference"]["text"] == "the border"
    assert distance["subject"]["text"] == "an oil refinery on the edge of the town of Novoshakhtinsk"
    assert record["quantities"] == []


def test_distance_located_by_the_verb_subject(nlp):
    record = _record(nlp, "Russian units are now 30 kilometres north of Kharkiv, the general staff said.")
    distance = record["distances"][0]
    assert distance["metres"] == 30000.0 and distance["approximate"] is False
    assert distance["reference"]["text"] == "Kharkiv"
    assert distance["subject"]["text"] == "Russian units"


def test_counts_of_people_and_things(nlp):
    text = (
        "Moscow began moving upwards of 150,000 of its own troops toward the frontier. On Thursday a 45-bus "
        "convoy carrying 14 tons of food reached the city, where around 100,000 people remain, down from "
        "a prewar 430,000. The army said it had retaken 29 settlements."
    )
    record = _record(nlp, text)
    troops = _quantity(record, "upwards of 150,000 of its own troops")
    assert (troops["value"], troops["concept"], troops["approximate"], troops["unit"]) == (150000, "troops", True, None)
    convoy = _quantity(record, "45-bus")
    assert (convoy["value"], convoy["kind"], convoy["concept"]) == (45, "count", "bus")
    food = _quantity(record, "14 tons of food")
    assert (food["value"], food["kind"], food["concept"], food["unit"]) == (14, "mass", "food", "ton")
    people = _quantity(record, "around 100,000 people")
    assert people["approximate"] is True and people["concept"] == "people"
    assert _quantity(record, "430,000")["value"] == 430000
    assert _quantity(record, "29 settlements")["concept"] == "settlements"
    ids = [q["id"] for q in record["quantities"]]
    assert ids == [f"n{i}" for i in range(1, len(ids) + 1)]
    starts = [q["span"][0] for q in record["quantities"]]
    assert starts == sorted(starts)


def test_money_percentages_durations_and_ranges(nlp):
    text = (
        "The United States announced $500 million in new military aid, five weeks after more than "
        "4 million refugees had fled. Food prices rose 12% and between 10 and 15 tanks were destroyed."
    )
    record = _record(nlp, text)
    money = _quantity(record, "$500 million")
    assert (money["value"], money["kind"], money["unit"]) == (500_000_000, "currency", "dollar")
    weeks = _quantity(record, "five weeks")
    assert (weeks["value"], weeks["kind"], weeks["unit"]) == (5, "duration", "week")
    refugees = _quantity(record, "more than 4 million refugees")
    assert (refugees["value"], refugees["approximate"]) == (4_000_000, True)
    percent = _quantity(record, "12%")
    assert (percent["value"], percent["kind"]) == (12, "percent")
    tanks = [q for q in record["quantities"] if q["concept"] == "tanks"][0]
    assert (tanks["value"], tanks["value_max"]) == (10, 15)


def test_hyphenated_ranges_count_their_noun(nlp):
    record = _record(nlp, "The army lost 12-15 tanks and 3 to 5 jets in the battle.")
    assert [(q["value"], q["value_max"], q["concept"]) for q in record["quantities"]] == [(12, 15, "tanks"), (3, 5, "jets")]


def test_currency_written_apart_and_minor_units(nlp):
    record = _record(nlp, "The ministry paid hk $ 10.05 billion, and a bus ticket costs 3 dollars 50 cents.")
    hk = [q for q in record["quantities"] if q["unit"] == "hong kong dollar"][0]
    assert hk["value"] == 10_050_000_000 and hk["text"] == "hk $ 10.05 billion"
    ticket = _quantity(record, "3 dollars 50 cents")
    assert (ticket["value"], ticket["unit"]) == (3.5, "dollar")


def test_length_range_stays_a_quantity(nlp):
    record = _record(nlp, "Crews dug trenches eight to 10 feet deep along the river.")
    assert record["distances"] == []
    trench = record["quantities"][0]
    assert (trench["value"], trench["value_max"], trench["unit"], trench["kind"]) == (8, 10, "foot", "length")


@pytest.mark.parametrize(
    "text",
    [
        "April 1, 2022 11:05am. Updated: April 2, 2022 1:44pm.",
        "Negotiators said the talks would continue online 24/7 until a deal is reached.",
        "The first blast was heard at 5.43 am, residents said.",
        "The invasion began on Feb. 24, and the city fell on March 5.",
        "Crimea was annexed in 2014, the broadcaster France 24 reported.",
        "Traffic was diverted onto Highway 115 near exit 436.",
    ],
)
def test_no_quantities_from_times_dates_ratios_and_names(nlp, text):
    record = _record(nlp, text)
    assert record["quantities"] == [] and record["distances"] == []


def test_nothing_outside_the_body_and_span_groups(nlp):
    text = "The strike killed 12 soldiers near the town. Reader comment: I counted 40 tanks myself."
    cut = text.index("Reader")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "article":
            doc._.body = (0, cut)
    quantities = doc._.quantities
    assert [q.text for q in quantities] == ["12 soldiers"]
    assert all(q.span[1] <= cut for q in quantities)
    assert [span.text for span in doc.spans["conflict_quantities"]] == ["12 soldiers"]
    assert list(doc.spans["conflict_distances"]) == []


def test_distances_fill_their_span_group(nlp):
    doc = nlp("The shelter lies 500 metres east of the railway station, officials said.")
    assert [d.text for d in doc._.distances] == ["500 metres"]
    assert [span.text for span in doc.spans["conflict_distances"]] == ["500 metres"]
    assert doc._.distances[0].reference.text == "the railway station"


def test_distance_right_after_the_noun_it_locates_and_small_lengths(nlp):
    record = _record(nlp, "The missile hit a warehouse 2 km outside the village, while crews fired 155mm shells.")
    warehouse, shells = record["distances"]
    assert warehouse["subject"]["text"] == "a warehouse"
    assert warehouse["reference"]["text"] == "the village"
    assert shells["metres"] == pytest.approx(0.155)
    assert shells["reference"] is None and shells["subject"] is None


def test_ages_with_spaced_hyphens_and_minor_amounts_at_the_end(nlp):
    record = _record(nlp, "Police named a 28 - year - old driver. The fine was raised to 17 USD 25.")
    age = _quantity(record, "28 - year - old")
    assert (age["value"], age["unit"], age["concept"]) == (28, "year", "age")
    fine = _quantity(record, "17 USD 25")
    assert (fine["value"], fine["unit"]) == (17.25, "united states dollar")


def test_scale_letters_and_prices_per_unit(nlp):
    record = _record(nlp, "Britain pledged £2m and Washington $1.5bn, while oil rose to $105 a barrel.")
    pledge = _quantity(record, "£2m")
    assert (pledge["value"], pledge["unit"], pledge["kind"]) == (2_000_000, "pound sterling", "currency")
    assert _quantity(record, "$1.5bn")["value"] == 1_500_000_000
    oil = _quantity(record, "$105 a barrel")
    assert (oil["value"], oil["unit"], oil["kind"]) == (105, "dollar per barrel", "currency")


@pytest.mark.parametrize(
    "text",
    [
        "Russian crews fired at a Buk missile launcher near the airfield.",
        "The council was split 50-50 on the proposal.",
        "Residents were told to call the hotline on 0800 123 456.",
    ],
)
def test_no_quantities_from_weapon_names_splits_and_phone_numbers(nlp, text):
    assert _record(nlp, text)["quantities"] == []


def test_year_like_counts_and_years(nlp):
    record = _record(nlp, "Moscow moved 2000 troops to the border. In 2014 people fled Donetsk, France 24 reporters said.")
    assert [(q["text"], q["concept"]) for q in record["quantities"]] == [("2000 troops", "troops")]


def test_quantulum_reads_windows_around_numbers_with_the_same_results(nlp):
    """quantulum3 is shown short windows around numbers and unit names, and plain counts are
    built without it; together they must find what quantulum3 finds in the whole sentence."""
    from conflictnlp.measures.quantities import _may_be_quantity, _parse, _unit_words, parse_quantities, quantity_windows

    text = (
        "The convoy was stopped some 118 km (73 miles) outside Hodeidah, where between 5 and 10 "
        "trucks carrying 14 tons of food waited for six hours while officials, who asked not to be "
        "named because they were not authorised to speak, said $ 48.2 million had been pledged "
        "and at least 269 people had fled from 12 villages since 2014."
    )
    sent = next(nlp(text).sents)
    windows = quantity_windows(sent, [token for token in sent if _may_be_quantity(token, _unit_words())])
    assert len(windows) >= 3
    assert "named because they were not" not in " ".join(sent[a : b + 1].text for a, b in windows)
    whole = [(q.span, q.value, q.unit.name, q.uncertainty) for q in _parse(sent.text)]
    found = [(q.span, q.value, q.unit.name, q.uncertainty) for q in parse_quantities(sent, sent.text)]
    assert found == whole


def test_plain_counts_are_read_as_quantulum_reads_them(nlp, monkeypatch):
    """Numbers read plainly without quantulum3 (bare counts, a number and one unambiguous unit)
    must be what quantulum3 reads in their sentence; numbers with an ambiguous or compound unit,
    a range, a sign or a currency must be left to quantulum3."""
    from conflictnlp.measures import quantities

    text = (
        "At least 269 people were killed and 1,200 homes damaged, officials said. "
        "Aid groups say 213,840 people have fled since 2014, when 3.5 percent of residents left. "
        "The depot lies about 52 km from the border; the shelter is 17 miles away. "
        "Between 5 and 10 trucks carried $ 48 million in aid and 14 tons of food to 30 villages. "
        "The weight is 120 μg, USD 40 was paid, and 45-bus convoys left on 3 occasions (12 in all). "
        "Some 2 1/2 hours later, 7 to 9 drones and 600 - 700 troops moved 20 x 30 boxes. "
        "The fine was 25 lakh, paid in 10 rmb notes for 660 square meters of land. "
        "The convoy was stopped some 118 km (73 miles) outside Hodeidah for almost an hour with children.\n\n"
        "Strike on Mariupol kills 11\n\nMARIUPOL, Ukraine — half an hour later, a mile away, it lasted 6 hours. "
        "There were two polls and eight weeks of talks; Twelve percent said four men and seventy soldiers "
        "died, twenty-one were hurt, two hundred fled and five to six stayed for three days."
    )
    doc = nlp(text)
    expected = {sent.start: quantities._parse(sent.text) for sent in doc.sents}
    monkeypatch.setattr(quantities, "_parse", lambda text: [])  # only the plain counts remain
    taken = set()
    for sent in doc.sents:
        read = {(q.span, q.value, q.unit.name, q.uncertainty) for q in expected[sent.start]}
        for quantity in quantities.parse_quantities(sent, sent.text):
            assert (quantity.span, quantity.value, quantity.unit.name, quantity.uncertainty) in read, quantity
            taken.add(quantity.surface)
    # "10" in "between 5 and 10 trucks" is left to the window quantulum3 reads around "5";
    # "14 tons" has two units (short and metric); "half an hour" and "a mile" follow no word
    assert taken == {"269", "1,200", "213,840", "2014", "3.5 percent", "52 km", "17 miles", "3",
                     "118 km", "73 miles", "an hour", "11", "6 hours", "two", "eight weeks", "four", "seventy",
                     "Twelve percent"}


@pytest.mark.parametrize(
    "text, quantity, value, unit",
    [
        ("The donors pledged US$5 million to the fund.", "US$5 million", 5_000_000, "united states dollar"),
        ("Canberra gave $A200 million in aid.", "$A200 million", 200_000_000, "australian dollar"),
        ("Canberra added A$3.5 billion.", "A$3.5 billion", 3_500_000_000, "australian dollar"),
        ("Profit rose to RM1.2 billion.", "RM1.2 billion", 1_200_000_000, "malaysian ringgit"),
        ("The fine was 40,000 yuan, the court said.", "40,000 yuan", 40_000, "chinese yuan"),
        ("Each family got 300 shekels in aid.", "300 shekels", 300, "israeli new shekel"),
        ("Tickets cost 50 euros each.", "50 euros", 50, "euro"),
        ("A stamp now costs 85p in Britain.", "85p", 85, "penny"),
        ("Tickets cost Rs 500 at the gate.", "Rs 500", 500, "indian rupee"),
        ("Wellington pledged NZ$4m for the repairs.", "NZ$4m", 4_000_000, "new zealand dollar"),
        ("The state allocated Rs 250 crore for relief.", "Rs 250 crore", 2_500_000_000, "indian rupee"),
        ("The car reached 120 mph on the bypass.", "120 mph", 120, "mile per hour"),
        ("The generator gives 50 kW at full load.", "50 kW", 50, "kilowatt"),
        ("The engine makes 200bhp at full power.", "200bhp", 200, "horsepower"),
    ],
)
def test_currencies_rates_and_power(nlp, text, quantity, value, unit):
    found = _quantity(_record(nlp, text), quantity)
    assert (found["value"], found["unit"]) == (value, unit)


def test_ages_and_counted_nouns(nlp):
    record = _record(nlp, "The victim, aged 22, and a 19-year-old were among 14 people hurt; the firm cut 200 jobs.")
    assert (_quantity(record, "aged 22")["unit"], _quantity(record, "aged 22")["concept"]) == ("year", "age")
    assert _quantity(record, "19-year-old")["concept"] == "age"
    assert _quantity(record, "14 people")["concept"] == "people"
    assert _quantity(record, "200 jobs")["concept"] == "jobs"
    thousands = _quantity(_record(nlp, "Thousands of people fled the town."), "Thousands of people")
    assert thousands["approximate"] is True


def test_regex_engine_reads_quantulums_unit_pattern_as_re_does():
    """quantulum3's unit pattern runs on the ``regex`` module where ``re`` and ``regex`` agree
    on every character of the text; both engines must then find the same matches, and the
    characters taken as agreeing must agree on all the pattern tests of a character."""
    import re

    import regex

    from conflictnlp.measures import quantulum

    quantulum.quantulum_parser()
    from quantulum3 import regex as quantulum_regex

    pattern = quantulum_regex.units_regex("en_US")
    assert isinstance(pattern, quantulum.UnitPattern)
    texts = [
        "some 118 km (73 miles) outside Hodeidah", "$ 48.2 million", "between 5 and 10 square kilometres",
        "17 USD 25", "a 45-bus convoy", "at 11:05am, 3.5 percent", "98.6 degrees F", "20 x 30 boxes",
        "22\u00a0miles \u2013 some 35\u2009km \u2014 from the border", "\u201c2 1/2 hours\u201d, 5\u2032 6\u2033",
        "7 to 9 drones and 600 - 700 troops", "120 \u03bcg, 15 \u00b5m, 40 \u212a, caf\u00e9 5 kg",
    ]
    for text in texts:
        fast = [(m.span(), m.groupdict()) for m in pattern.fast.finditer(text)]
        slow = [(m.span(), m.groupdict()) for m in pattern.slow.finditer(text)]
        assert fast == slow, text
    assert quantulum.same_in_both_engines("22\u00a0miles \u2013 \u201csome\u201d")
    assert not quantulum.same_in_both_engines("caf\u00e9 5 kg") and not quantulum.same_in_both_engines("5\x1ckm")
    # the answer is kept for the last text only: another text is read afresh
    for text, same in [("caf\u00e9 \u2013", False), ("\u2013 5 km", True), ("caf\u00e9 \u2013", False), ("\u2014 5\x1ckm", False)]:
        assert quantulum.same_in_both_engines(text) is same, text
    agreeing = [chr(c) for c in range(128) if chr(c) not in quantulum.SPACE_TO_RE_ONLY] + list(quantulum.SAME_IN_BOTH_ENGINES)
    for char in agreeing:
        for test in (r"\w", r"\W", r"\s", r"\S", r"\d", r"\D", r"\b"):
            assert bool(re.search(test, char)) == bool(regex.search(test, char)), (char, test)
    # the pattern is case-insensitive: its letters ("K" the kelvin sign, "\u00b5") meet the text's alike
    for letter in {char for char in pattern.slow.pattern if char.isalpha()}:
        for char in agreeing:
            assert bool(re.fullmatch(re.escape(letter), char, re.I)) == bool(regex.fullmatch(regex.escape(letter), char, regex.I)), (letter, char)
    for char in quantulum.SPACE_TO_RE_ONLY:
        assert re.match(r"\s", char) and not regex.match(r"\s", char)


def test_false_unit_spans_are_the_same_with_either_regex_engine():
    """The false-unit patterns of measures.toml run on the ``regex`` module where the text
    allows it; they must find what ``re`` finds: clock times, ratios, wire slugs."""
    from conflictnlp.measures import quantities
    from conflictnlp.measures.units import load_measure_data

    data = load_measure_data()
    texts = [
        "At 11:05am and 9.30 p.m., 4 pm or 10 a.m. the 24/7 service ran 2-2 after 3/4/2022.",
        "UPDATE 3-Shelling hit the depot; 2ND LEAD Kharkiv 1430 GMT, 12:45 local time",
        "\u201cAt 7:30 a.m.\u201d \u2013 some 3.5 km away, 5\u00a0pm, caf\u00e9 at 6 pm",
    ]
    for text in texts:
        expected = [m.span() for pattern in data.false_unit_patterns for m in pattern.finditer(text)]
        assert expected, text  # each text holds some, so the comparison says something
        quantities._false_spans_cache[:] = [None, None, []]
        assert quantities.false_unit_spans(text, data) == expected, text


def test_spellout_search_is_skipped_only_where_its_pattern_finds_nothing():
    """quantulum3's spelled-number search is skipped on texts without a number word; the
    check must say "none" only where quantulum3's own pattern matches nothing."""
    from quantulum3 import regex as quantulum_regex

    from conflictnlp.measures import quantities, quantulum

    quantulum.quantulum_parser()
    pattern = quantulum_regex.text_pattern_reg("en_US")
    words = frozenset(word for word in quantulum_regex.numberwords("en_US") if word)
    texts = [
        "killed 12 people on Monday", "Twelve people", "a 45-bus convoy", "AND then", "five_six", "5million",
        "twenty-two", "R&D spending", "3 & 4", "US$ 48.2", "x = 7 km", "the Eighth Army", "HALF", "one.",
        "\u017fix drones", "caf\u00e9 5 kg", "(ten)", "lone wolf", "Anderson said", "the 1990s",
    ]
    skipped = [text for text in texts if quantulum.no_number_words(text, words)]
    assert len(skipped) >= 6 and len(skipped) < len(texts)  # both answers are exercised
    for text in skipped:
        assert pattern.search(text) is None, text
    assert quantulum.quantulum_parser().extract_spellout_values.skips_texts_without_number_words
    assert [(q.surface, q.value) for q in quantities._parse("twelve people and 3 km")] == [("twelve", 12.0), ("3 km", 3.0)]


def test_a_unit_that_runs_into_a_word_is_read_again_without_it():
    """quantulum3 may read "$14.5 billion ta(x)" as dollar-teraampere, depending on string hashing."""
    from types import SimpleNamespace

    from conflictnlp.measures.quantities import _whole_words

    window = "Apple's recent $14.5 billion tax bill"
    cut_into_tax = SimpleNamespace(span=(15, window.index("tax") + 2))
    again = _whole_words(window, cut_into_tax)
    assert window[again.span[0] : again.span[1]].strip() == "$14.5 billion"
    assert again.unit.name == "dollar"
    whole = SimpleNamespace(span=(15, window.index(" tax")))
    assert _whole_words(window, whole) is whole
