"""Shared fixtures: the invented test jurisdiction XA, and the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

import policykit

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal"


@pytest.fixture(scope="session")
def minimal() -> policykit.Dataset:
    """A small invented dataset (jurisdiction XA) that exercises every feature of the format."""
    return policykit.load(MINIMAL)


@pytest.fixture(scope="session")
def bundled() -> policykit.Dataset:
    return policykit.load()
