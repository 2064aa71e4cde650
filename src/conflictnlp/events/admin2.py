"""Second-order administrative division (GED's ``adm_2``) of an event's place.

Only a place that is itself a second-order division (``feature == "admin2"``, e.g. "Beni
territory", "Sake" read as a district) gives one. A town's division is not guessed: the bundled
``data/admin_areas.tsv`` holds second-order division names with the mean position of their
towns, but no boundaries and no town-to-division membership, and it covers the conflict
countries thinly (14,453 divisions, most in the US, Romania, Brazil and Mexico; Yemen 239,
Burkina Faso 30, Ukraine 6, Mali, Somalia and Sudan none). Nearest-centre guesses would name a
neighbouring division wherever the true one is missing. See docs/events.md.
"""

from __future__ import annotations

from typing import Any


def adm_2(location: dict[str, Any] | None) -> str | None:
    """The place's own name where it is a second-order division, else None."""
    if not location or location.get("feature") != "admin2":
        return None
    return location.get("name") or location.get("text")
