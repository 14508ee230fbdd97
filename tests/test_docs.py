"""The README and docs say what the code does."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import policykit

from . import readme

ROOT = Path(__file__).parent.parent
README_TEXT = readme.README.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(readme.BLOCKS))
def test_generated_readme_blocks_are_current(name: str) -> None:
    assert readme.current_block(README_TEXT, name) == readme.expected_block(name), (
        "README.md is out of date: run `python -m tests.readme`"
    )


def test_readme_python_examples_run_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """The walk-through's blocks run one after the other in one namespace, as in a notebook."""
    blocks = re.findall(r"```python\n(.*?)```", README_TEXT, re.DOTALL)
    assert len(blocks) >= 4
    namespace: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    assert "possession_viewing" in capsys.readouterr().out


def test_readme_public_api_names_exist() -> None:
    section = README_TEXT.split("The public API:", 1)[1].split("Everything else is private.", 1)[0]
    from policykit import export, history, reports

    for name in re.findall(r"`(\w+)`", section):
        documented = (policykit.__all__, dir(export), dir(history), dir(reports))  # the documented submodules
        assert any(name in names for names in documented), name


def test_readme_has_the_two_commands() -> None:
    assert ".venv/bin/pip install . && .venv/bin/policykit compare" in README_TEXT
    assert ".venv/bin/pip install --require-hashes -r requirements/dev.txt" in README_TEXT


def test_readme_and_ci_install_from_the_same_pinned_file() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r requirements/dev.txt" in ci
    lock = (ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in lock.splitlines() if "==" in line and not line.startswith(" ")}
    for package in ("attrs", "pyyaml", "tabulate", "babel", "pytest", "mypy", "ruff", "hatchling"):
        assert package in pinned, f"{package} is not pinned in requirements/dev.txt"


def test_docstring_examples() -> None:
    import doctest

    from policykit import applying, cases, comparison, export, history, loading, queries, rendering, reports

    for module in (policykit, loading, queries, comparison, applying, cases, history, export, reports, rendering):
        result = doctest.testmod(module, raise_on_error=False, verbose=False)
        assert result.failed == 0, module.__name__
