"""Shared fixtures: the invented test jurisdiction XA, and the bundled data."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests keep their dataset cache in a folder of their own, never the user's (and the installed command run
    by end-to-end tests inherits it)."""
    saved = os.environ.get("POLICYKIT_CACHE_DIR")
    os.environ["POLICYKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if saved is None:
        del os.environ["POLICYKIT_CACHE_DIR"]
    else:
        os.environ["POLICYKIT_CACHE_DIR"] = saved


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, with the cache on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLICYKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("POLICYKIT_CACHE", raising=False)
    monkeypatch.delenv("POLICYKIT_REPLAY", raising=False)
    return folder
