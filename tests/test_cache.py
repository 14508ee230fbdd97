"""The cache of checked datasets: a repeated load skips parsing and checking, is never stale, and anything wrong
with a cache file (missing, corrupt, forged, foreign, unwritable folder) is a full load, never a traceback."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

import policykit
from policykit import _building, _cache, cli

from .conftest import MINIMAL


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    return root


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dataset was built, not read from the cache")

    monkeypatch.setattr(_building, "_load_roots", refuse)


def _files(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.dataset"))


def test_a_repeated_load_is_read_from_the_cache(cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = policykit.load(data)
    (written,) = _files(cache)
    assert written.stat().st_mode & 0o777 == 0o600
    assert cache.stat().st_mode & 0o777 == 0o700
    _no_build(monkeypatch)
    assert policykit.load(data) == first


def test_a_changed_file_is_never_served_stale(cache: Path, data: Path) -> None:
    before = policykit.load(data)
    path = data / "xa" / "instruments" / "penal-act.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("max: 3 years", "max: 4 years"), encoding="utf-8")
    after = policykit.load(data)
    assert after != before
    assert len(_files(cache)) == 2


def test_a_bad_edit_after_a_good_load_is_still_refused(cache: Path, data: Path) -> None:
    policykit.load(data)
    path = data / "xa" / "instruments" / "penal-act.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("liability: criminal", "liability: moral"), "utf-8")
    with pytest.raises(policykit.DataError):
        policykit.load(data)
    assert len(_files(cache)) == 1  # a dataset with problems is never cached


def test_merged_and_replaced_folders_have_their_own_entries(cache: Path, data: Path) -> None:
    merged = policykit.load(data, merge=True)
    alone = policykit.load(data)
    assert set(merged.jurisdictions) > set(alone.jurisdictions)
    assert len(_files(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
        lambda data: b"not a cache file at all",
        lambda data: data.replace(b"policykit-dataset-cache 1", b"policykit-dataset-cache 9"),
    ],
    ids=["empty", "truncated", "flipped-bit", "garbage", "other-format"],
)
def test_a_damaged_cache_file_is_a_full_load(cache: Path, data: Path, damage: object) -> None:
    first = policykit.load(data)
    (written,) = _files(cache)
    written.write_bytes(damage(written.read_bytes()))  # type: ignore[operator]
    assert policykit.load(data) == first
    assert _cache.read(written.stem) is not None  # rewritten whole


class _Payload:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch /tmp/policykit-cache-owned",))


def _forge(written: Path, payload: bytes) -> None:
    import hashlib

    header = b"policykit-dataset-cache 1\n" + written.stem.encode() + b"\n"
    written.write_bytes(header + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


def test_a_forged_cache_file_cannot_run_code(cache: Path, data: Path, tmp_path: Path) -> None:
    marker = Path("/tmp/policykit-cache-owned")
    marker.unlink(missing_ok=True)
    first = policykit.load(data)
    (written,) = _files(cache)
    _forge(written, pickle.dumps(_Payload()))
    assert _cache.read(written.stem) is None
    assert policykit.load(data) == first
    assert not marker.exists()


def test_a_cache_file_holding_something_else_is_refused(cache: Path, data: Path) -> None:
    policykit.load(data)
    (written,) = _files(cache)
    _forge(written, pickle.dumps({"not": "a dataset"}))
    assert _cache.read(written.stem) is None


def test_a_cache_file_others_can_write_is_not_trusted(cache: Path, data: Path) -> None:
    policykit.load(data)
    (written,) = _files(cache)
    written.chmod(0o622)
    assert _cache.read(written.stem) is None
    written.chmod(0o600)
    assert _cache.read(written.stem) is not None


def test_a_link_in_place_of_a_cache_file_is_not_followed(cache: Path, data: Path, tmp_path: Path) -> None:
    policykit.load(data)
    (written,) = _files(cache)
    elsewhere = tmp_path / "elsewhere.dataset"
    written.rename(elsewhere)
    written.symlink_to(elsewhere)
    assert _cache.read(written.stem) is None


def test_an_unwritable_cache_folder_only_costs_time(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("POLICYKIT_CACHE_DIR", str(blocker / "cache"))
    assert policykit.load(data) == policykit.load(data)


def test_the_cache_can_be_turned_off(cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKIT_CACHE", "0")
    policykit.load(data)
    assert not cache.exists()


def test_the_default_folder_is_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POLICYKIT_CACHE_DIR", raising=False)
    monkeypatch.delenv("POLICYKIT_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform != "linux":  # pragma: no cover
        pytest.skip("the XDG folder is the Linux default")
    assert _cache.folder() == tmp_path / "xdg" / "policykit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert _cache.folder() == Path.home() / ".cache" / "policykit"


def test_old_cache_files_are_pruned(cache: Path, data: Path) -> None:
    path = data / "xa" / "instruments" / "penal-act.yaml"
    original = path.read_text(encoding="utf-8")
    for number in range(20):
        path.write_text(original + f"# edit {number}\n", encoding="utf-8")
        policykit.load(data)
    assert len(_files(cache)) == 16


def test_a_cached_command_prints_what_a_full_load_prints(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compare", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--format", "grid"]
    assert cli.main(argv) == 0
    first = capsys.readouterr().out
    assert _files(cache)
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == first


def test_old_cache_files_are_pruned_beyond_a_total_size(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cache, "_MAX_BYTES", 1)  # every file is too many bytes: only the newest is kept
    policykit.load(data)
    policykit.load(data, merge=True)
    (kept,) = _files(cache)
    assert _cache.read(kept.stem) is None  # and it is too large to be read


def test_a_copy_elsewhere_keeps_its_own_locations(cache: Path, data: Path, tmp_path: Path) -> None:
    """The model keeps where each provision was read; a copy of the same files is not served the first one's."""
    policykit.load(data)
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    loaded = policykit.load(copy)
    assert all(str(copy) in provision.location.file for provision in loaded.provisions.values())
    assert len(_files(cache)) == 2
