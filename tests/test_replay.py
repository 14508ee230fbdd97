"""Replaying a repeated command's answer: the same text as running it, kept only for clean runs, and never served
when anything the text depends on has changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykit import _replay

from .conftest import MINIMAL

COMMAND = Path(sys.executable).parent / "policykit"
ARGS = ["compare", "--as-of", "2026-11-21", "--conduct", "covert_filming"]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(COMMAND), *args], capture_output=True, text=True, cwd=cwd, check=False)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["compare"], True),
        (["compare", "--as-of", "2026-11-21", "--format=csv", "--lang", "fr"], True),
        (["export", "--format", "json"], True),
        (["validate", "jurisdictions"], False),  # given paths
        (["brief", "--jurisdiction", "FR"], False),  # writes documents
        (["compare", "--data", "mine"], False),
        (["compare", "--dat", "mine"], False),  # argparse takes an unambiguous abbreviation
        (["compare", "--data=mine"], False),
        (["compare", "--me"], False),
        (["compare", "--output", "x.md"], False),
        (["compare", "--out=x.md"], False),
        (["compare", "--help"], False),
        (["compare", "-h"], False),
        (["compare", "--output", "-"], False),
        ([], False),
        (["--version"], False),
    ],
)
def test_only_questions_on_the_bundled_data_printed_to_standard_output_are_replayed(
    argv: list[str], expected: bool
) -> None:
    assert _replay.eligible(argv) is expected


def test_the_key_changes_with_anything_the_answer_depends_on(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    roots = [data]
    first = _replay.key(ARGS, roots)
    assert first is not None
    assert _replay.key(ARGS, roots) == first  # stable
    assert _replay.key([*ARGS, "--lang", "fr"], roots) != first
    monkeypatch.setenv("POLICYKIT_SOMETHING", "1")
    assert _replay.key(ARGS, roots) != first
    monkeypatch.delenv("POLICYKIT_SOMETHING")
    monkeypatch.setenv("SHLVL", "7")  # a shell's own counter changes no answer
    assert _replay.key(ARGS, roots) == first
    path = data / "xa" / "instruments" / "penal-act.yaml"
    path.write_bytes(path.read_bytes().replace(b"max: 3 years", b"max: 4 years"))
    changed = _replay.key(ARGS, roots)
    assert changed not in (None, first)
    (data / "xa" / "notes.txt").write_text("a new file", encoding="utf-8")
    assert _replay.key(ARGS, roots) not in (None, first, changed)
    monkeypatch.setattr(_replay.time, "strftime", lambda form: "2099-01-01")  # another day: "today" moves
    assert _replay.key(ARGS, roots) not in (None, first, changed)


def test_no_key_when_the_cache_is_off_or_a_file_cannot_be_read(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _replay.key(ARGS, [MINIMAL]) is not None
    assert _replay.key(ARGS, [tmp_path / "missing"]) is None
    unreadable = tmp_path / "data"
    unreadable.mkdir()
    (unreadable / "loop").symlink_to(unreadable / "loop")
    assert _replay.key(ARGS, [unreadable]) is None
    monkeypatch.setenv("POLICYKIT_REPLAY", "0")
    assert _replay.key(ARGS, [MINIMAL]) is None
    monkeypatch.delenv("POLICYKIT_REPLAY")
    monkeypatch.setenv("POLICYKIT_CACHE", "0")
    assert _replay.key(ARGS, [MINIMAL]) is None


@pytest.mark.skipif(not COMMAND.exists(), reason="the policykit command is not installed beside this Python")
def test_a_repeated_command_prints_the_same_answer_from_the_cache(cache: Path, tmp_path: Path) -> None:
    first = _run(*ARGS, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    (kept,) = cache.glob("*.answer")
    assert kept.stat().st_mode & 0o777 == 0o600
    again = _run(*ARGS, cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    # The kept answer is what is printed: a changed answer file with the right checksum would show, which is how
    # we know the second run did not recompute it. A tampered one (wrong checksum) is ignored.
    header, checksum, payload = kept.read_bytes().split(b"\n", 2)
    kept.write_bytes(header + b"\n" + checksum + b"\n" + payload.replace(b"Covert", b"Tampered"))
    assert _run(*ARGS, cwd=tmp_path).stdout == first.stdout


@pytest.mark.skipif(not COMMAND.exists(), reason="the policykit command is not installed beside this Python")
def test_failures_and_files_are_never_kept(cache: Path, tmp_path: Path) -> None:
    failed = _run("compare", "--jurisdiction", "ZZ", cwd=tmp_path)
    assert failed.returncode == 2
    assert "ZZ" in failed.stderr
    written = _run(*ARGS, "--output", "table.md", cwd=tmp_path)
    assert written.returncode == 0
    assert (tmp_path / "table.md").read_text(encoding="utf-8").startswith("|")
    assert not list(cache.glob("*.answer"))


@pytest.mark.skipif(not COMMAND.exists(), reason="the policykit command is not installed beside this Python")
def test_a_replayed_answer_to_a_reader_that_stops_early_exits_zero(cache: Path, tmp_path: Path) -> None:
    _run("export", "--format", "csv", cwd=tmp_path)
    shell = f"'{COMMAND}' export --format csv | head -c 10; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout) == 10
