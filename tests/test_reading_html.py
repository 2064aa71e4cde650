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


COOKIE_BANNER_PAGE = """<!DOCTYPE html>
<html><head><title>Daily Herald</title></head>
<body>
<div id="cookie-banner" class="cookie-consent">
<p>We use cookies and similar technologies to improve your experience on our website, to personalise content and ads, and to analyse our traffic.</p>
<p>By clicking "Accept all", you agree to the storing of cookies on your device. You can change your preferences at any time in our privacy settings.</p>
<button>Accept all</button> <button>Manage preferences</button>
</div>
</body></html>"""


def test_a_page_holding_only_a_cookie_banner_has_no_article():
    record = read_record({"html": COOKIE_BANNER_PAGE, "id": "cookies"})
    assert record.text is None
    assert record.errors == ["html: no article text found in the page (only navigation or boilerplate)"]


def test_a_cookie_banner_around_an_article_is_dropped(fixtures_dir):
    html = (fixtures_dir / "reading" / "article_page.html").read_bytes().decode("cp1252")
    banner = '<div class="consent"><p>We use cookies to personalise content and ads and to analyse our traffic. By continuing you agree to our cookie policy.</p><button>Accept all</button></div>'
    with_banner = html.replace("<body>", "<body>" + banner, 1).replace("</body>", banner + "</body>", 1)
    text, _ = html_to_text(with_banner)
    assert "cookie" not in text.lower() and "Accept all" not in text
    assert text == html_to_text(html)[0]


def test_an_article_about_cookies_keeps_its_text():
    from conflictnlp.reading.boilerplate import strip_consent

    text = "Regulators fined the company.\nThe EU says websites must ask before storing cookies on a device, officials said on Monday."
    assert strip_consent(text) == text
    middle = "Regulators fined the company on Monday after a long inquiry.\nThe EU says websites must ask before storing cookies.\nThe ruling can be appealed."
    assert strip_consent(middle) == middle


def test_trafilatura_log_lines_stay_off_stderr(capfd):
    import logging

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logging.basicConfig(force=True)  # as quantulum3 does on its first parse
    try:
        for page in ("<html><body></body></html>", "\x00\x01<html>", "plain words"):
            read_record({"html": page})
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert capfd.readouterr().err == ""
