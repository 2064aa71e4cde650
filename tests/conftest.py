"""Shared fixtures. Tests never need gold sets outside the repository: they use the fixtures in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import assert_offsets, check_record  # noqa: F401  (re-exported for the tests)

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The default conflictnlp pipeline, loaded once for the whole test session."""
    import conflictnlp

    return conflictnlp.load()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
