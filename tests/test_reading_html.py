"""Article text out of HTML pages: the article, not the page around it."""

from __future__ import annotations

from conflictnlp.reading import iter_inputs, read_record
from conflictnlp.reading.sources import html_to_text


def test_article_text_title_and_date_without_nav_footer_or_comments(fixtures_dir):
    (article,) = iter_inputs([fixtures_dir / "reading" / "article_page.html"])
    assert article.errors == []
    assert article.title == "Drone debris falls near Danube port"
    assert article.published == "2023-09-06"
    text = article.text
    assert "the third such incident on the country’s side of the Danube" in text  # cp1252 page decoded
    assert "“There was no danger to the population,”" in text
    assert text.rstrip().endswith("the port authority said.")
    for boilerplate in ("Skip to main content", "Sign in", "Related", "Romania reinforces", "riverrat",
                        "still no air defense", "Please enter your comment", "All rights reserved", "Privacy policy"):
        assert boilerplate not in text


def test_page_without_an_article_is_an_error(fixtures_dir):
    html = (fixtures_dir / "reading" / "no_article.html").read_text("utf-8")
    assert html_to_text(html) == (None, {})
    record = read_record({"html": html, "id": "x"})
    assert record.text is None
    assert record.errors == ["html: no article text found in the page (only navigation or boilerplate)"]


def test_html_record_keeps_given_metadata_over_the_page(fixtures_dir):
    html = (fixtures_dir / "reading" / "article_page.html").read_bytes().decode("cp1252")
    record = read_record({"html": html, "title": "Given title", "published": "2023-09-07", "url": "https://example.org/a"})
    assert (record.title, record.published, record.url) == ("Given title", "2023-09-07", "https://example.org/a")
    assert "Debris from a downed drone" in record.text


def test_copyright_year_is_not_taken_as_the_publication_date(fixtures_dir):
    html = (fixtures_dir / "reading" / "article_page.html").read_bytes().decode("cp1252")
    html = html.replace('<meta property="article:published_time" content="2023-09-06T10:15:00+03:00">', "")
    _, meta = html_to_text(html)
    assert meta["published"] is None


def test_long_prose_like_comment_stays_out(fixtures_dir):
    html = (fixtures_dir / "reading" / "article_page.html").read_bytes().decode("cp1252")
    comment = (
        "I drove that road myself last winter with a volunteer group from Tulcea, and I can tell you that the "
        "ferries always stop when something falls near the port, because the insurers will not cover the crossing."
    )
    html = html.replace("<p>Third time this month and still no air defense here.</p>", f"<p>{comment}</p>")
    text, _ = html_to_text(html)
    assert "Debris from a downed drone" in text
    assert "I drove that road" not in text
