"""Shared fixtures: the invented test jurisdiction XA, and the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

import policykit

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal"
#: The bundled jurisdictions, from the data folder itself: no test hard-codes the list.
BUNDLED_CODES = tuple(sorted(path.name.upper() for path in policykit.bundled_data_path().iterdir() if path.is_dir()))


@pytest.fixture(scope="session")
def minimal() -> policykit.Dataset:
    """A small invented dataset (jurisdiction XA) that exercises every feature of the format."""
    return policykit.load(MINIMAL)


@pytest.fixture(scope="session")
def bundled() -> policykit.Dataset:
    return policykit.load()
