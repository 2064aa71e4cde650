"""Batch running: reading many inputs, running the pipeline, writing records."""

from .runner import ExtractSummary, run_extract
from .writers import RecordWriter, open_writer

__all__ = ["ExtractSummary", "RecordWriter", "open_writer", "run_extract"]
