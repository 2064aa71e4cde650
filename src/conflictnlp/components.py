"""What every conflictnlp pipeline component shares."""

from __future__ import annotations

import logging
from typing import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import add_error, register_extensions

logger = logging.getLogger("conflictnlp")

ErrorHandler = Callable[[str, object, list[Doc], Exception], None]


def record_error(name: str, component: object, docs: list[Doc], error: Exception) -> None:
    """The default error handler: the error goes into each article's ``errors`` and the other
    components still run, so one bad article never stops a batch."""
    logger.debug("%s failed on a document", name, exc_info=error)
    for doc in docs:
        add_error(doc, f"{name}: {type(error).__name__}: {error}")


class ConflictComponent:
    """Base class of the rule components.

    An exception while processing one article goes to the component's error handler, as for
    spaCy's own trainable pipes: ``nlp.set_error_handler(handler)`` replaces it for every
    component (``spacy.util.raise_error`` makes errors raise, for debugging). The default,
    :func:`record_error`, writes the error into the article's ``errors`` and returns the Doc,
    so neither ``nlp(text)`` nor ``nlp.pipe`` loses an article.
    """

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self._error_handler: ErrorHandler = record_error

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.process(doc)
        except Exception as err:  # handed to the error handler, which decides
            self._error_handler(self.name, self, [doc], err)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream; every Doc comes out, also the ones that failed."""
        for doc in docs:
            yield self(doc)

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Called by ``nlp.set_error_handler``."""
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def set_error_handler(nlp: Language, error_handler: ErrorHandler) -> None:
    """Give every conflictnlp component of ``nlp`` this error handler.

    ``nlp.set_error_handler`` does the same for all pipes, but in spaCy 3.8 it fails on the
    parser and NER (their Cython classes take no new attribute)."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, ConflictComponent):
            pipe.set_error_handler(error_handler)
