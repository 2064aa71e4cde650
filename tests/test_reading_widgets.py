"""A "Recent comments" widget after the article ends the body, as a comment thread does."""

from __future__ import annotations

import pytest

from conflictnlp.reading import find_layout


def body_of(text: str) -> str:
    start, end = find_layout(text).body
    return text[start:end]


def test_widget_entries_with_a_colon_end_the_body(fixtures_dir):
    text = (fixtures_dir / "reading" / "recent_comments_widget.txt").read_text("utf-8")
    body = body_of(text)
    assert body.startswith("Drone attack halts work at river port")
    assert body.endswith("along the Danube.")
    for outside in ("admin in:", "cheap-pills", "Earn $500"):
        assert outside in text and outside not in body


def test_widget_with_heading_and_entries_without_a_colon(fixtures_dir):
    text = (fixtures_dir / "reading" / "recent_comments_no_colon.txt").read_text("utf-8")
    body = body_of(text)
    assert body.endswith("the head of the village administration said.")
    assert "Recent Comments" not in body and "jenny on" not in body


def test_entries_without_a_colon_need_a_second_one_between_short_lines():
    # two colon-less entries, heading left out
    widget = ("Crews restored power to most of the city on Sunday after a week of outages, the mayor said in a video address.\n"
              "The repairs cost more than the city had budgeted for the whole winter, he added.\n"
              "jenny on Shelling damages hospital in Kherson\nso sad to read this\n"
              "markus77 on Grain deal extended for 60 days\nfinally some good news\n")
    assert body_of(widget).endswith("he added.")
    # subheadings of a live report are followed by paragraphs: they stay in the body
    live = ("Ukraine said on Monday it had shot down 20 drones overnight, most of them over the south of the country.\n"
            "Strikes on Odesa\n"
            "Two drones hit port infrastructure in Odesa, damaging a warehouse and injuring a guard, the regional governor "
            "said in a statement on Telegram early on Monday morning, adding that fires had been put out.\n"
            "Attacks in Kharkiv\n"
            "In Kharkiv, a missile struck an industrial site on the outskirts of the city, the mayor said, without giving "
            "details of the damage or of any casualties among the workers there.\n")
    assert body_of(live).endswith("among the workers there.")


def test_an_entry_whose_title_is_a_question_is_still_a_widget_entry():
    text = ("Crews restored power to most of the city on Sunday after a week of outages, the mayor said in a video address.\n"
            "The repairs cost more than the city had budgeted for the whole winter, he added.\n"
            "admin on: Will the grain corridor survive the winter?\n"
            "markus77 on: Is the front line moving again?\n")
    body = body_of(text)
    assert body.endswith("he added.") and "admin on:" not in body
    # a last paragraph that reads like an entry without a colon, and has no second one, stays
    prose = text.split("admin on:")[0] + "Officials in Kyiv asked whether the grain corridor would survive the winter?\n"
    assert body_of(prose).endswith("survive the winter?")


ARTICLE_END = ("Crews restored power to most of the city on Sunday after a week of outages, the mayor said in a video address.\n"
               "The repairs cost more than the city had budgeted for the whole winter, he added.\n")


@pytest.mark.parametrize(
    "widget",
    [
        "admin on: Will the grain corridor survive the winter?\nso sad\n",  # a question
        "admin on: “Will the grain corridor survive the winter?”\nso sad\n",  # a quoted one
        "admin on: Hands off our grain!\nso sad\n",  # an exclamation
        "admin on: Russia says the grain talks are...\n",  # a title the widget cut short
        "jenny on Russia says the grain talks are...\nso sad to read this\nmarkus77 on Kyiv warns of new strikes on…\nfinally\n",
        "jenny on Will the grain corridor survive?\nso sad to read this\nmarkus77 on Is the front line moving again?\nno\n",
        "Recent Comments:\njenny on Will the grain corridor survive?\n",  # a heading with a colon
    ],
)
def test_an_entry_ends_the_body_however_its_title_ends(widget):
    assert body_of(ARTICLE_END + widget).endswith("he added.")


@pytest.mark.parametrize(
    "prose",
    [
        "Officials in Kyiv asked whether the grain corridor would survive the winter?\n",
        "Police in Kherson said two people died.\nOfficials in Kyiv said the strikes would go on.\n",
        "Crowds in Lviv chanted slogans!\nPolice in Kherson said two people died!\n",  # without a colon, "!" is prose
    ],
)
def test_prose_that_reads_like_an_entry_stays(prose):
    assert body_of(ARTICLE_END + prose).endswith(prose.strip())
