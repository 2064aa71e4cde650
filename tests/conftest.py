"""Shared fixtures. Tests never need gold sets outside the repository: they use the fixtures in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import BLANK, assert_offsets, check_record, light_pipeline  # noqa: F401  (re-exported for the tests)

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The default conflictnlp pipeline, loaded once for the whole test session."""
    import conflictnlp

    return conflictnlp.load()


@pytest.fixture(scope="session")
def quotes_nlp():
    """A small pipeline: body detection and quotes only, loaded once for the session."""
    import conflictnlp

    return conflictnlp.load(enable=["article", "quotes"])


@pytest.fixture(scope="session")
def light_nlp():
    """The base pipeline with the article component only (``helpers.light_pipeline``), loaded once for the session."""
    return light_pipeline()


@pytest.fixture(scope="session")
def stance_nlp():
    """The pipeline without places and dates, which the stance evaluation does not read, loaded once for the session."""
    import conflictnlp

    return conflictnlp.load(exclude=["places", "dates"])


# the components a places test does not exercise
NOT_PLACES = ("measures", "dates", "quotes", "claims")


@pytest.fixture(scope="module")
def places_nlp(nlp):
    """The session pipeline with only what places need running, for one test module."""
    with nlp.select_pipes(disable=[name for name in NOT_PLACES if name in nlp.pipe_names]):
        yield nlp


@pytest.fixture(scope="session")
def blank():
    """A blank English pipeline (no model), for rule components run on hand-built parses."""
    return BLANK


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
