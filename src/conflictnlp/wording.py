"""Small helpers for the words of messages people read."""

from __future__ import annotations

from typing import Optional


def count(number: int, noun: str, plural: Optional[str] = None) -> str:
    """"1 file", "2 files", "0 files"; ``plural`` where adding "s" is wrong ("1 was", "2 were")."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
