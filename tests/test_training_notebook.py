"""The fine-tuning notebook runs from top to bottom with tiny settings."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "fine_tuning.ipynb"


@pytest.mark.slow
def test_fine_tuning_notebook_runs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    text = "\n".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "5 texts, 21 spans, 5 quotes" in text
    # the trained pipeline fits the labelled sentences and emits quote records from them
    assert "CONTENT        P 1.00  R 1.00  F 1.00" in text
    assert '"cue": {"text": "said", "span": [13, 17]}' in text
    assert "('Iskander missile', 'WEAPON')" in text
