"""Batch running: streaming many inputs through the pipeline into resumable parts, and merging
parts into JSONL or Parquet tables. See ``runner`` for the output layout."""

from .merge import IncompleteParts, merge
from .parts import OutputBusy, PartsMismatch, Shard
from .runner import ExtractSummary, run_extract

__all__ = ["ExtractSummary", "IncompleteParts", "OutputBusy", "PartsMismatch", "Shard", "merge", "run_extract"]
