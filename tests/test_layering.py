"""Layering of the package, read from the source with ``ast`` (nothing is imported): runtime
code never imports the training code, and the training modules import each other in one
direction only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "conflictnlp"
# the only modules outside training/ that may import it: the command line drives training
MAY_IMPORT_TRAINING = {"cli.py"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function, relative imports made
    absolute; ``from X import name`` counts as both ``X`` and ``X.name``."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def test_the_import_reader_resolves_relative_imports(tmp_path):
    # a check that reads no import would pass on anything
    sample = PACKAGE / "quotes" / "learned.py"
    modules = imported_modules(sample)
    assert "conflictnlp.quotes.labels" in modules and "conflictnlp.components" in modules


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_runtime_code_never_imports_training_code(path):
    relative = path.relative_to(PACKAGE)
    if relative.parts[0] == "training" or str(relative) in MAY_IMPORT_TRAINING:
        return
    training = sorted(m for m in imported_modules(path) if m == "conflictnlp.training" or m.startswith("conflictnlp.training."))
    assert not training, f"{relative} imports {training}: move what it needs out of training/ (labels: quotes/labels.py)"


def test_training_modules_import_each_other_without_a_circle():
    modules = {module_name(p): p for p in (PACKAGE / "training").glob("*.py")}
    graph = {name: {m for m in imported_modules(path) if m in modules and m != name} for name, path in modules.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start])

    circles = sorted(name for name in graph if reaches(name, name, set()))
    assert not circles, f"import circle through {circles}"
