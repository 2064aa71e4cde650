"""Body, title and dateline detection in plain text taken off the web."""

from __future__ import annotations

import time

import pytest

from conflictnlp.reading import find_layout
from conflictnlp.reading.boilerplate import parse_dateline


def body_of(text: str) -> str:
    start, end = find_layout(text).body
    return text[start:end]


# (fixture, how the body starts, how it ends, what follows the article and must stay out)
TRAILER_CASES = [
    ("related_topics.txt", "Border guards report", "in the area last month.", ["Related Topics", "Border security"]),
    ("comment_form.txt", "Shelling damages water station", "the governor said.", ["Leave a Reply", "Please enter your comment!"]),
    ("comments_no_marker.txt", "Ferry operator halts", "where the drone had come from.", ["riverrat", "Ioana_M", "gabi1984"]),
    ("spam_after_end.txt", "Mine clearance teams", "until clearance is complete.", ["Make $7,000", "bit.ly", "casino"]),
    ("wire_trailers.txt", "KYIV, Ukraine (Northstar)", "in a statement on Telegram.", ["(Reporting by", "Our Standards", "By Olena"]),
    ("reporting_by_line.txt", "Explosions reported at airfield", "no aircraft had been damaged.", ["Reporting by", "Editing by"]),
    ("mid_article_promos.txt", "Power restored to most of Odesa", "heaters in the evening.", ["Related Topics", "Skip to", "Russia's war"]),
]


@pytest.mark.parametrize(("name", "starts", "ends", "outside"), TRAILER_CASES)
def test_body_ends_before_each_kind_of_trailer(fixtures_dir, name, starts, ends, outside):
    text = (fixtures_dir / "reading" / name).read_text("utf-8")
    body = body_of(text)
    assert body.startswith(starts)
    assert body.endswith(ends)
    for piece in outside:
        assert piece in text and piece not in body


def test_mid_line_copyright_ends_the_body_but_the_contributor_line_stays():
    text = (
        "Shelling hit a market in Kherson on Sunday, killing four people and wounding nine, the regional governor said.\n"
        "Olena Marchuk reported from Kherson, Ukraine. Staff in Kyiv contributed to this report.© Copyright 2023 "
        "Northstar Wire. All rights reserved.\nvolya_ua\nterrible news\nkherson_mom\n@volya_ua it was near our house\nvolya_ua\nstay safe\n"
    )
    body = body_of(text)
    assert body.endswith("contributed to this report.")
    assert "reported from Kherson, Ukraine" in body


def test_mid_article_promos_and_prose_links_do_not_end_the_body():
    text = (
        "Aid agencies warn of cholera risk in flooded villages near Kherson\n"
        "Aid agencies warned on Thursday that flooded villages downstream of the dam faced a growing risk of cholera outbreaks.\n"
        "Advertisement\n"
        "The World Health Organization said it had sent 20 tonnes of supplies to the region, including water purification tablets.\n"
        "READ MORE: Why the dam mattered to southern Ukraine\n"
        "The agency's full assessment is published at https://www.who.example.org/kherson-flood-2023 in English and Ukrainian.\n"
        "Officials said about 3,000 people had been evacuated from the flooded area since Tuesday.\n"
    )
    assert body_of(text).endswith("since Tuesday.")


def test_comment_thread_with_timestamps_and_unique_names_is_cut():
    text = (
        "Power lines repaired in Zaporizhzhia after overnight strike\n"
        "Repair crews restored power to most homes in Zaporizhzhia by Saturday morning after an overnight missile strike hit a substation, officials said.\n"
        "The city council said about 2,000 households were still without electricity and that crews were working to reconnect them.\n"
        "Dmytro_K\n2 hours ago\nThank you to the repair crews, real heroes.\nReply\n"
        "lena.s\n1 hour ago\nStill no power on our street in the north.\nReply\n"
        "OleksaZP\n45 minutes ago\nSame here, since 3am.\nReply\n"
    )
    body = body_of(text)
    assert body.endswith("to reconnect them.")
    assert "Dmytro_K" not in body


def test_subheadings_between_paragraphs_are_not_a_comment_thread():
    text = (
        "Inside the race to rebuild Ukraine's power grid\n"
        "Engineers have spent the winter repairing substations hit by Russian missiles and drones, often within hours of each strike.\n"
        "The first strikes\n"
        "The campaign against the grid began in October, when waves of missiles hit power plants and substations across the country.\n"
        "Spare parts\n"
        "Ukraine has asked its allies for transformers, which take months to build and cannot easily be bought off the shelf.\n"
        "What comes next\n"
        "Officials say the grid will need billions of dollars of investment once the fighting stops, and years of work.\n"
    )
    assert body_of(text).endswith("and years of work.")


def test_body_starts_at_the_headline_after_navigation_and_keeps_the_subtitle():
    text = (
        "Skip to main content\n\nWorld\n\nEurope\n\n"
        "Russia says drones downed over Belgorod region, no damage reported\n\n"
        "\"All the drones were destroyed,\" the regional governor said in a statement\n\n"
        "March 14, 2023 6:42pm\n\nUpdated: March 15, 2023 9:10am\n\n"
        "Russia's Defense Ministry said on Tuesday that air defenses had downed six drones over the Belgorod region, about 40 kilometers (25 miles) from the Ukrainian border.\n"
    )
    layout = find_layout(text)
    body = text[layout.body[0] : layout.body[1]]
    assert body.startswith("Russia says drones downed")
    assert "\"All the drones were destroyed,\" the regional governor said" in body
    assert layout.title is not None
    assert layout.title.text == "Russia says drones downed over Belgorod region, no damage reported"
    assert text[layout.title.span[0] : layout.title.span[1]] == layout.title.text
    assert layout.published == "2023-03-14"
    assert text[layout.dateline.span[0] : layout.dateline.span[1]] == "March 14, 2023 6:42pm"


def test_breadcrumbs_bylines_and_kickers_are_not_the_headline():
    text = (
        "Home | World | Africa\n"
        "By Amira Osman | Meridian Wire | June 6, 2023 8:15pm\n"
        "Sudan war\n"
        "Shelling of Omdurman market kills 11 as warring sides trade blame\n"
        "KHARTOUM, Sudan (Meridian) — Artillery shells hit a crowded market in Omdurman on Tuesday, killing at least 11 people, volunteers said.\n"
    )
    layout = find_layout(text)
    assert layout.title.text == "Shelling of Omdurman market kills 11 as warring sides trade blame"
    assert text[layout.body[0] :].startswith("Shelling of Omdurman")
    assert layout.published == "2023-06-06"
    assert layout.place_dateline.text == "KHARTOUM, Sudan"
    assert text[layout.place_dateline.span[0] : layout.place_dateline.span[1]] == "KHARTOUM, Sudan"


def test_short_headline_above_a_paragraph_is_kept(fixtures_dir):
    layout = find_layout((fixtures_dir / "reading" / "utf8_bom.txt").read_text("utf-8-sig"))
    assert layout.title is not None and layout.title.text == "Convoy reaches Kherson"


def test_text_without_headline_has_no_title_and_starts_at_once():
    text = "Talks to end the fighting resumed on Friday by video link, officials on both sides said.\nThe delegations will meet again next week.\n"
    layout = find_layout(text)
    assert layout.title is None
    assert layout.body[0] == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 1, 2022 11:05am", ("2022-04-01", False)),
        ("Published 1 April 2022", ("2022-04-01", False)),
        ("Published: Fri 1 Apr 2022 18.42 BST", ("2022-04-01", False)),
        ("Posted on March 2, 2023 at 4:15 p.m.", ("2023-03-02", False)),
        ("2022-04-01T11:05:00Z", ("2022-04-01", False)),
        ("Published 6:42 PM ET, Tue March 14, 2023", ("2023-03-14", False)),
        ("Date: 14 March 2023", ("2023-03-14", False)),
        ("Updated: April 2, 2022 1:44pm", ("2022-04-02", True)),
        ("Last updated 2 April 2022", ("2022-04-02", True)),
        ("Russia said on April 1, 2022 that the depot was hit.", None),
        ("February 30, 2022", None),
    ],
)
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


def test_updated_line_alone_gives_no_published_date():
    text = (
        "Explosions reported at airfield in occupied Crimea\n"
        "Updated: 2 April 2022 08:30\n"
        "Several explosions were heard at a military airfield in occupied Crimea on Friday, residents said, posting videos of smoke.\n"
    )
    assert find_layout(text).published is None


def test_published_line_under_headline(fixtures_dir):
    layout = find_layout((fixtures_dir / "reading" / "reporting_by_line.txt").read_text("utf-8"))
    assert layout.published == "2022-04-01"
    assert layout.title.text == "Explosions reported at airfield in occupied Crimea"


def test_empty_and_blank_texts():
    assert find_layout("").body == (0, 0)
    assert find_layout("  \n\n ").body == (0, 0)
    assert find_layout("").title is None


def test_prose_starting_with_by_is_not_a_byline():
    text = (
        "Rescuers search rubble after strike on Dnipro apartment block\n"
        "By nightfall, rescuers had pulled 12 people from the rubble of the nine-storey building, the emergency service said.\n"
        "By Tuesday evening, the death toll had risen to 30, officials said.\n"
    )
    layout = find_layout(text)
    assert layout.title.text == "Rescuers search rubble after strike on Dnipro apartment block"
    assert text[layout.body[0] : layout.body[1]].endswith("officials said.")
    assert layout.published is None


def test_long_pages_of_short_lines_stay_fast():
    text = "Headline over a long page of short lines\n" + "A first paragraph long enough to count as the start of the article body, officials said.\n"
    text += "".join(f"reader{i} x\nshort comment number {i}\n" for i in range(5000))
    started = time.perf_counter()
    find_layout(text)
    assert time.perf_counter() - started < 5  # the quadratic version took minutes


def test_a_prose_paragraph_naming_a_website_is_not_spam():
    text = (
        "Aid groups expand cash help for displaced families\n\n"
        "Relief agencies said on Monday they would widen a cash programme for families forced from their homes by the fighting.\n\n"
        "Where can families find out if they qualify? Most regional offices publish the rules, and payments are meant to help "
        "households that lost the income they used to earn before the shelling began. The website reliefmap.org is a useful "
        "place to start for anyone trying to follow the programme, officials said.\n\n"
        "The programme will run until the end of the year, the agencies said.\n"
    )
    start, end = find_layout(text).body
    assert text[start:end].rstrip().endswith("the agencies said.")


def test_a_wire_dateline_gives_the_day_and_the_text_its_year():
    text = "KHARTOUM, June 10 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday, a local committee said.\n© 2024 Reuters"
    layout = find_layout(text)
    assert layout.wire_day == (6, 10) and layout.year == 2024
    assert find_layout("GAZA, 3 March (Wire) - Strikes hit Rafah overnight, killing nine people, medics said in a statement.").wire_day == (3, 3)
    # a place dateline without a day gives none
    assert find_layout("KYIV, Ukraine (AP) - Russian drones struck Kyiv overnight, officials said on Telegram this morning.").wire_day is None


def test_the_wire_dateline_sets_the_publication_date_only_when_none_is_given(nlp):
    text = "KHARTOUM, June 10 (Reuters) - Shelling killed 12 people at a market in El Fasher on Sunday, a local committee said.\n© 2024 Reuters"
    doc = nlp(text)
    assert (doc._.published, doc._.published_from) == ("2024-06-10", "dateline")
    assert next(d.value for d in doc._.dates if d.text == "Sunday") == "2024-06-09"
    import conflictnlp

    assert conflictnlp.extract(text, published="2024-06-11").published == "2024-06-11"
    # no year anywhere: the day alone is no date
    assert nlp(text.split("\n")[0])._.published is None
