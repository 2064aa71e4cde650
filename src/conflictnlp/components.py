"""What every conflictnlp pipeline component shares."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import add_error, register_extensions

logger = logging.getLogger("conflictnlp")


class ConflictComponent:
    """Base class: a component never drops a Doc. An exception while processing one article
    becomes an entry in that article's ``errors`` and the other components still run."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.process(doc)
        except Exception as err:  # one bad article must not stop a batch
            logger.debug("%s failed on a document", self.name, exc_info=True)
            add_error(doc, f"{self.name}: {type(err).__name__}: {err}")
        return doc

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
