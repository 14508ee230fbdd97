"""The benchmarks stay runnable: their synthetic data is valid data (no speed is asserted anywhere)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import policykit

GENERATE = Path(__file__).parent.parent / "benchmarks" / "generate.py"


def test_the_synthetic_data_of_the_benchmarks_loads(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", GENERATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = policykit.load(module.generate(3, tmp_path))
    assert len(data.jurisdictions) == 3
    assert len(data.provisions) == 3 * len(module.CONDUCTS)
