"""Evaluation against labelled gold files: ``conflictnlp evaluate TASK --gold FILE``.

Each task module (quotes, places, quantities, dates, stance) provides
``run(gold: Path, model: str | None = None, limit: int | None = None, part: str = "all") -> dict``
(JSON-able scores) and ``render(report: dict) -> str`` (a table for the terminal). ``part``
(``all``, ``dev`` or ``heldout``) picks the records scored: ``scoring.heldout_keys`` sets a
fixed quarter of every gold file aside, by a salted hash of the record ids (a record that names
its own ``"part"`` is in that part and out of the draw).
"""
