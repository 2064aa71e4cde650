"""What the package promises outside the code: type information, extras, test tiers."""

from __future__ import annotations

import ast
import tomllib
from importlib import resources
from pathlib import Path

TESTS = Path(__file__).parent
PYPROJECT = tomllib.loads((TESTS.parent / "pyproject.toml").read_text("utf-8"))
# what makes a test slow: a notebook run, a real training run, a new Python process
SLOW_CALLS = {"NotebookClient", "subprocess", "Popen", "run_in_pty", "train_pipeline", "LocalCluster"}
# fixtures that train a model first
TRAINED_FIXTURES = {"trained_model", "packaged_components"}


def test_py_typed_ships_with_the_package():
    assert resources.files("conflictnlp").joinpath("py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["conflictnlp"]


def test_all_brings_a_way_to_open_the_notebooks():
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert "notebooks" in extras["all"][0]
    assert any(requirement.startswith(("notebook", "jupyterlab")) for requirement in extras["notebooks"])


def _marks(decorators: list[ast.expr]) -> set[str]:
    names = set()
    for decorator in decorators:
        for node in ast.walk(decorator):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "mark":
                names.add(node.attr)
    return names


def _names_used(function: ast.FunctionDef) -> set[str]:
    """Names and attributes the test uses, and the trained-model fixtures it takes."""
    used = {arg.arg for arg in function.args.args} & TRAINED_FIXTURES
    for node in ast.walk(function):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
    return used


def test_slow_tests_are_marked_slow():
    """The fast tier (-m 'not slow') must leave out every test that runs a notebook, trains, or
    starts a process; a new such test without the mark fails here."""
    unmarked = []
    for path in sorted(TESTS.glob("test_*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        module_marks = set()
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets):
                module_marks |= _marks([node.value])
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                if (SLOW_CALLS | TRAINED_FIXTURES) & _names_used(node) and "slow" not in module_marks | _marks(node.decorator_list):
                    unmarked.append(f"{path.name}::{node.name}")
    assert unmarked == []


def test_the_package_version_is_written_once_and_is_in_the_changelog():
    import tomllib
    from importlib.metadata import version
    from pathlib import Path

    import conflictnlp

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "conflictnlp.__version__"}
    assert version("conflictnlp") == conflictnlp.__version__  # the installed metadata reads the module
    changelog = (Path(__file__).parent.parent / "CHANGELOG.md").read_text("utf-8")
    assert f"## [{conflictnlp.__version__}]" in changelog
