"""Names the trained attribution components share with the training code.

Runtime code (``quotes/tagger.py``, ``quotes/learned.py``, ``pipeline.py``) reads them from
here; ``training/`` imports them from here too, so nothing at run time imports ``training/``.
"""

from __future__ import annotations

SPANS_KEY = "conflict_spancat"
"""The span group holding labelled spans: gold in training data, predicted by the trained components."""

SOURCE, CUE, CONTENT = "SOURCE", "CUE", "CONTENT"
ATTRIBUTION_LABELS = (SOURCE, CUE, CONTENT)
# labels of annotation tools read as ours
LABEL_ALIASES = {"SPEAKER": SOURCE, "QUOTE": CONTENT}

ADDON_META_KEY = "conflictnlp_attribution"
"""The meta.json key that marks a saved pipeline as trained attribution components to put on a
base pipeline (``conflictnlp.load(attribution=PATH)``)."""
