"""``conflictnlp train``: a thin wrapper over ``spacy train`` that knows the shipped configs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Union

CONFIGS_DIR = Path(__file__).parent / "configs"
SHIPPED_CONFIGS = {path.stem: path for path in sorted(CONFIGS_DIR.glob("*.cfg"))}


class TrainingSetupError(ValueError):
    """A config or path problem found before training starts."""


def config_path(config: Union[str, Path]) -> Path:
    """A config file by path, or a shipped one by name (``attribution_cnn``, ``attribution_trf``)."""
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
    paths = load_config(path, overrides=all_overrides, interpolate=False)["paths"]
    if "transformer_model" in paths and paths["transformer_model"] is None:
        raise TrainingSetupError("this config needs a local Hugging Face model folder: --paths.transformer_model PATH")
    spacy_train(path, output, use_gpu=gpu_id, overrides=all_overrides)


def package_model(model: Path, output: Path, *, span_finder_threshold: float = 0.3, with_rules: bool = True) -> None:
    """Save a trained pipeline for use: span_finder's threshold set for inference (training
    keeps it high so the first, untrained steps propose few candidates) and, with
    ``with_rules``, its quotes added to the rule-based ones."""
    import spacy

    overrides = {"components": {"span_finder": {"threshold": span_finder_threshold}, "quotes": {"with_rules": with_rules}}}
    nlp = spacy.load(model, config=overrides)
    # the pipe's own cfg file is read after config.cfg, so it must say the same
    nlp.get_pipe("span_finder").cfg["threshold"] = span_finder_threshold
    nlp.to_disk(output)
