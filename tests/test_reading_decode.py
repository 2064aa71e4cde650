"""Decoding bytes into text: every encoding the reader meets in scraped news."""

from __future__ import annotations

import pytest

from conflictnlp.reading import UndecodableInput, decode_bytes
from conflictnlp.reading.decode import declared_charset


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cp1252_curly_quotes.txt", ["“We lost power at 3am — the whole district,”", "Residents’ homes"]),
        ("latin1_accents.txt", ["Genève", "Hôtel", "4°C", "Señor Ibáñez", "«full of journalists»"]),
        ("utf16_bom.txt", ["Харків", "“The shelling lasted an hour,”", "— about 40 km"]),
        ("utf8_bom.txt", ["Convoy reaches Kherson", "20\u00a0trucks", "city’s"]),
        ("cp1251_cyrillic.txt", ["Обстрел Белгорода", "электричество"]),
        ("mixed_utf8_cp1252.txt", ["Kherson’s left bank", "“We had no choice.”"]),
    ],
)
def test_encodings_decode_to_the_right_characters(fixtures_dir, name, expected):
    decoded = decode_bytes((fixtures_dir / "reading" / name).read_bytes())
    for piece in expected:
        assert piece in decoded.text
    assert "\ufeff" not in decoded.text
    assert "\ufffd" not in decoded.text


def test_byte_order_marks_pick_the_encoding(fixtures_dir):
    assert decode_bytes((fixtures_dir / "reading" / "utf16_bom.txt").read_bytes()).encoding == "utf-16"
    assert decode_bytes((fixtures_dir / "reading" / "utf8_bom.txt").read_bytes()).encoding == "utf-8-sig"


def test_utf16_without_bom_is_recognised():
    text = "Drones hit Odesa port on Monday, officials said — “no casualties”."
    assert decode_bytes(text.encode("utf-16-le")).text == text
    assert decode_bytes(text.encode("utf-16-be")).text == text


def test_mixed_encodings_are_decoded_and_noted(fixtures_dir):
    decoded = decode_bytes((fixtures_dir / "reading" / "mixed_utf8_cp1252.txt").read_bytes())
    assert decoded.note is not None and "2 byte(s)" in decoded.note


def test_clean_text_has_no_note():
    assert decode_bytes("Kupiansk — “marked trucks”".encode("utf-8")).note is None
    assert decode_bytes("Kupiansk — “marked trucks”".encode("cp1252")).note is None


def test_binary_is_refused_not_turned_into_mojibake(fixtures_dir):
    with pytest.raises(UndecodableInput, match="binary"):
        decode_bytes((fixtures_dir / "reading" / "binary.txt").read_bytes())
    with pytest.raises(UndecodableInput, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 200)


def test_html_meta_charset_is_honoured_unless_the_bytes_are_utf8():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Обстрел</title></head><body><p>Губернатор сообщил о пострадавших.</p></body></html>"
    )
    declared = declared_charset(page.encode("cp1251"))
    assert declared == "cp1251"
    assert decode_bytes(page.encode("cp1251"), declared).text == page
    assert decode_bytes(page.encode("utf-8"), declared).text == page
    assert declared_charset(b"<html><head><meta charset='no-such-codec'></head></html>") is None


def test_short_western_texts_are_not_read_as_eastern_european():
    for text in ("Café in Genève.", "Müller sagte, die Straße sei gesperrt.", "Talks in Genève: 4°C, «full»"):
        assert decode_bytes(text.encode("latin-1")).text == text
        assert decode_bytes(text.encode("cp1252")).text == text
