"""Evaluation against labelled gold files: ``conflictnlp evaluate TASK --gold FILE``.

Each task module (quotes, places, quantities, dates, stance) provides
``run(gold: Path, model: str | None = None, limit: int | None = None) -> dict`` (JSON-able
scores) and ``render(report: dict) -> str`` (a table for the terminal).
"""
