"""What every conflictnlp pipeline component shares."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Optional, Union

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from .extensions import add_error, register_extensions

logger = logging.getLogger("conflictnlp")

ErrorHandler = Callable[[str, object, list[Doc], Exception], None]


def record_error(name: str, component: object, docs: list[Doc], error: Exception) -> None:
    """The default error handler: the error goes into each article's ``errors`` and the other
    components still run, so one bad article never stops a batch."""
    logger.debug("%s failed on a document", name, exc_info=error)
    for doc in docs:
        add_error(doc, f"{name}: {type(error).__name__}: {error}")


def _has_span_group(key: str) -> Callable[[Doc], bool]:
    """Whether a doc holds the span group ``key`` (the scorer's has_annotation)."""
    return lambda doc: key in doc.spans


class ConflictComponent:
    """Base class of the rule components.

    An exception while processing one article goes to the component's error handler, as for
    spaCy's own trainable pipes: ``nlp.set_error_handler(handler)`` replaces it for every
    component (``spacy.util.raise_error`` makes errors raise, for debugging). The default,
    :func:`record_error`, writes the error into the article's ``errors`` and returns the Doc,
    so neither ``nlp(text)`` nor ``nlp.pipe`` loses an article.
    """

    # lexicons: the attribute holding a lexicon's path (None: the packaged file) -> the packaged
    # file's name in conflictnlp/data, also the name it is saved under by to_disk
    lexicons: ClassVar[dict[str, str]] = {}

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self._error_handler: ErrorHandler = record_error
        self._lexicon_problem: Optional[str] = None

    # --- lexicons: loaded at construction, replaced in initialize, saved with the pipeline ---

    def load_lexicons(self) -> None:
        """(Re)build the component's lexicons from the paths in its ``lexicons`` attributes."""

    def _load_lexicons_or_defer(self) -> None:
        """Load the lexicons; a configured file that is gone is not an error yet, because
        ``spacy.load`` of a saved pipeline builds the component from its config first and then
        reads the saved copy in ``from_disk``. Processing a Doc without one raises."""
        try:
            self.load_lexicons()
            self._lexicon_problem = None
        except FileNotFoundError as err:
            self._lexicon_problem = f"{self.name}: lexicon file not found: {err.filename}"

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp: Optional[Language] = None, **paths: Any) -> None:
        """Called by ``nlp.initialize()``; lexicon paths given here (``[initialize.components.NAME]``
        in a training config) replace the configured ones."""
        for attr, value in paths.items():
            if attr not in self.lexicons:
                raise ValueError(f"{self.name}: unknown lexicon {attr!r}; expected one of {sorted(self.lexicons)}")
            setattr(self, attr, value)
        self.load_lexicons()
        self._lexicon_problem = None

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicons in use (custom or packaged), so the saved pipeline carries them."""
        if not self.lexicons:
            return
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for attr, filename in self.lexicons.items():
            configured = getattr(self, attr)
            data = Path(configured).read_bytes() if configured else resources.files("conflictnlp.data").joinpath(filename).read_bytes()
            (path / filename).write_bytes(data)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "ConflictComponent":
        """Read the lexicons saved by ``to_disk``."""
        path = Path(path)
        for attr, filename in self.lexicons.items():
            if (path / filename).exists():
                setattr(self, attr, str(path / filename))
        if self.lexicons:
            self.load_lexicons()
            self._lexicon_problem = None
        return self

    def __call__(self, doc: Doc) -> Doc:
        try:
            if self._lexicon_problem:
                raise FileNotFoundError(self._lexicon_problem)
            self.process(doc)
        except Exception as err:  # handed to the error handler, which decides
            self._error_handler(self.name, self, [doc], err)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream; every Doc comes out, also the ones that failed."""
        for doc in docs:
            yield self(doc)

    # the span groups the component fills (doc.spans["conflict_<kind>"]), scored by score()
    span_groups: ClassVar[tuple[str, ...]] = ()

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Span P/R/F of each span group against gold Docs that have it, as spaCy's span
        components score (``nlp.evaluate`` on a DocBin with gold ``doc.spans``)."""
        examples = list(examples)
        scores: dict[str, Any] = {}
        for key in self.span_groups:
            scores.update(
                Scorer.score_spans(
                    examples,
                    key,
                    getter=lambda doc, attr: doc.spans.get(attr, []),
                    has_annotation=_has_span_group(key),
                    labeled=False,
                    allow_overlap=True,
                )
            )
        return scores

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
