"""``conflictnlp train``: a thin wrapper over ``spacy train`` that knows the shipped configs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union, cast

# marks a saved pipeline as trained attribution components; defined with the runtime code that reads it
from ..quotes.labels import ADDON_META_KEY

if TYPE_CHECKING:
    from spacy.pipeline import SpanFinder

CONFIGS_DIR = Path(__file__).parent / "configs"
SHIPPED_CONFIGS = {path.stem: path for path in sorted(CONFIGS_DIR.glob("*.cfg"))}


class TrainingSetupError(ValueError):
    """A config or path problem found before training starts."""


def config_path(config: Union[str, Path]) -> Path:
    """A config file by path, or a shipped one by name (``attribution_cnn``, ``attribution_trf``,
    ``attribution_minilm``)."""
    if str(config) in SHIPPED_CONFIGS:
        return SHIPPED_CONFIGS[str(config)]
    path = Path(config)
    if not path.exists():
        raise TrainingSetupError(f"config not found: {config} (shipped: {', '.join(SHIPPED_CONFIGS)})")
    return path


def train(
    config: Union[str, Path],
    output: Optional[Path],
    *,
    train_path: Path,
    dev_path: Path,
    overrides: Optional[dict[str, Any]] = None,
    gpu_id: int = -1,
) -> None:
    """Run ``spacy train`` on ``config`` with the data paths and any ``section.key`` overrides;
    the best and last pipelines go to ``output/model-best`` and ``output/model-last``."""
    from spacy.cli.train import train as spacy_train
    from spacy.util import load_config

    from ..quotes import learned  # noqa: F401  registers conflict_quotes_learned for the config

    path = config_path(config)
    all_overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), **(overrides or {})}
    loaded = load_config(path, overrides=all_overrides, interpolate=False)
    if "tagger" in loaded:  # a transformer B/I/O tagger, trained with torch (training/encoder.py)
        from .encoder import train_tagger

        if output is None:
            raise TrainingSetupError("a tagger config needs an output folder: -o OUT")
        if gpu_id >= 0:
            raise TrainingSetupError("the tagger config trains on CPU only")
        train_tagger(dict(loaded.interpolate()), output, train_path=train_path, dev_path=dev_path)
        return
    paths = loaded["paths"]
    if "transformer_model" in paths and paths["transformer_model"] is None:
        raise TrainingSetupError("this config needs a local Hugging Face model folder: --paths.transformer_model PATH")
    spacy_train(path, output, use_gpu=gpu_id, overrides=all_overrides)




def package_model(
    model: Path,
    output: Path,
    *,
    span_finder_threshold: float = 0.3,
    with_rules: bool = True,
    components_only: bool = True,
) -> None:
    """Save a trained pipeline for use: span_finder's threshold set for inference (training
    keeps it high so the first, untrained steps propose few candidates) and, with
    ``with_rules``, its quotes added to the rule-based ones.

    ``components_only`` saves just the trained components (tok2vec, span_finder, spancat and
    the linking ``quotes``), not the frozen copy of the base pipeline: a few MB instead of
    20. ``conflictnlp.load()`` puts them on top of the installed base pipeline."""
    import spacy

    overrides = {"components": {"span_finder": {"threshold": span_finder_threshold}, "quotes": {"with_rules": with_rules}}}
    nlp = spacy.load(model, config=overrides)
    # the pipe's own cfg file is read after config.cfg, so it must say the same
    # spaCy types get_pipe as returning any pipe callable; this one is a SpanFinder
    cast("SpanFinder", nlp.get_pipe("span_finder")).cfg["threshold"] = span_finder_threshold
    if components_only:
        frozen = set(nlp.config["training"]["frozen_components"])
        listened = [
            name for name, pipe in nlp.pipeline if name in frozen and set(getattr(pipe, "listening_components", ())) - frozen
        ]
        if listened:
            raise TrainingSetupError(f"trained components listen to the frozen {listened}: save the whole pipeline (components_only=False)")
        for name in [name for name in nlp.pipe_names if name in frozen]:
            nlp.remove_pipe(name)
        nlp.config["training"]["frozen_components"] = []
        nlp.config["training"]["annotating_components"] = []
        base_model = nlp.config["paths"].get("base_model")
        nlp.meta[ADDON_META_KEY] = {"components": nlp.pipe_names, "base_model": base_model}
        nlp.meta["description"] = (
            f"conflictnlp trained attribution components (SOURCE / CUE / CONTENT spans and their linking into "
            f"quotes), to be put on {base_model or 'a base pipeline'} by conflictnlp.load(attribution=...)"
        )
        # the frozen base components' dev scores are not this package's
        nlp.meta["performance"] = {k: v for k, v in nlp.meta.get("performance", {}).items() if "spancat" in k}
    nlp.to_disk(output)
