"""Turning the bytes of a file into text, or a clear reason why not."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

from charset_normalizer import from_bytes


class UndecodableInput(ValueError):
    """The bytes are not text we can read (binary data, unknown encoding)."""


@dataclass
class DecodedText:
    """Text decoded from bytes, the encoding used, and a note when decoding was not clean."""

    text: str
    encoding: str
    note: Optional[str] = None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def control_ratio(text: str, sample: int = 8192) -> float:
    """Share of control characters (not whitespace) in the start of a text."""
    head = text[:sample]
    if not head:
        return 0.0
    bad = sum(1 for ch in head if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0)
    return bad / len(head)


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """UTF-16 text saved without a BOM shows as every other byte being NUL."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    for encoding, ratio in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if ratio > 0.4:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def declared_charset(data: bytes) -> Optional[str]:
    """The encoding an HTML page declares in its head (``<meta charset=...>``), if Python knows it."""
    m = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", data[:4096], re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, declared: Optional[str] = None) -> DecodedText:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, the ``declared``
    encoding (an HTML page's meta charset), or a legacy 8-bit encoding (cp1252 preferred over
    latin-1 for Western text). UTF-8 wins over a declaration when the bytes are valid UTF-8:
    pages that declare one encoding and are served in UTF-8 are common.

    Raises ``UndecodableInput`` for binary data rather than returning mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as err:
                raise UndecodableInput(f"starts with a {encoding} byte-order mark but does not decode: {err}") from err
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None and control_ratio(text) < 0.01:
            return DecodedText(text, "utf-16")
        raise UndecodableInput("binary file (contains NUL bytes), not text")
    note = None
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        if declared is not None and _decodes(data, declared):
            text, encoding = data.decode(declared), declared
        elif (mixed := _decode_mixed(data)) is not None:
            text, stray = mixed
            encoding = "utf-8"
            note = f"{stray} byte(s) that are not UTF-8 were read as cp1252 (the file mixes encodings)"
        else:
            text, encoding = _decode_legacy(data)
    if control_ratio(text) > 0.02:
        raise UndecodableInput("binary file (too many control characters), not text")
    return DecodedText(text, encoding, note)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):  # a decoding handler only
        raise err
    stray = err.object[err.start : err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in stray), err.end


codecs.register_error("conflictnlp_cp1252_fallback", _cp1252_fallback)


def _decode_mixed(data: bytes) -> Optional[tuple[str, int]]:
    """UTF-8 text with a few cp1252 bytes pasted in (curly quotes from a Windows editor):
    ``(text, stray byte count)``, or None when the bytes hold no UTF-8 at all."""
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd")
    has_utf8 = any(ord(ch) > 0x7F and ch != "\ufffd" for ch in replaced)
    if not has_utf8 or stray > 0.02 * len(replaced):
        return None
    return data.decode("utf-8", errors="conflictnlp_cp1252_fallback"), stray


def _reads_as_western(text: str) -> bool:
    """Whether a cp1252 reading looks like Western text: accented letters are a small share of
    the letters. A Cyrillic or Greek file read as cp1252 is almost all accented letters."""
    letters = [ch for ch in text[:20_000] if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 0x7F)
    return not letters or accented / len(letters) < 0.3


def _decode_legacy(data: bytes) -> tuple[str, str]:
    # latin-1 maps 0x80-0x9F to C1 controls that news text never means; cp1252 maps them to
    # curly quotes and dashes, which is what such files almost always contain. Short Western
    # texts often get an Eastern European or Mac guess from charset-normalizer, hence the check.
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_western(text):
            return text, encoding
        break
    best = from_bytes(data[:200_000]).best()
    guess = best.encoding if best is not None else None
    if guess is None:
        raise UndecodableInput("cannot decode text: no encoding fits")
    try:
        return data.decode(guess), guess
    except (UnicodeDecodeError, LookupError) as err:
        raise UndecodableInput(f"cannot decode text (best guess {guess}): {err}") from err
