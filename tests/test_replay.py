"""Replaying a repeated command's answer: the same text as running it, kept only for clean runs, and never served
when anything the text depends on has changed."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policykit import _replay, cli
from policykit.cli import main

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


# -- in process: what the installed command does ---------------------------------------------------------------


def test_a_kept_answer_is_replayed_word_for_word(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer_key = _replay.key(ARGS)
    assert answer_key is not None
    assert _replay.run_and_keep(answer_key, lambda: main(ARGS)) == 0
    printed = capsys.readouterr().out
    assert len(list(cache.glob("*.answer"))) == 1
    again = io.StringIO()
    assert _replay.replay(answer_key, again)
    assert again.getvalue() == printed


def test_a_run_that_writes_to_standard_error_or_fails_is_not_kept(cache: Path) -> None:
    def noisy() -> int:
        sys.stdout.write("a table\n")
        sys.stderr.write("a warning\n")
        return 0

    assert _replay.run_and_keep("a" * 64, noisy) == 0
    assert _replay.run_and_keep("b" * 64, lambda: 1) == 1
    assert not list(cache.glob("*.answer"))
    assert not _replay.replay("a" * 64, io.StringIO())


def test_the_entry_point_computes_once_then_replays(
    cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["policykit", *ARGS])
    with pytest.raises(SystemExit) as first:
        _replay.entry_point()
    assert first.value.code == 0
    printed = capsys.readouterr().out

    def refuse(argv: object = None) -> int:
        raise AssertionError("the answer was computed again, not replayed")

    monkeypatch.setattr(cli, "main", refuse)
    with pytest.raises(SystemExit) as second:
        _replay.entry_point()
    assert second.value.code == 0
    assert capsys.readouterr().out == printed


class _Closed(io.StringIO):
    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [(BrokenPipeError(32, "Broken pipe"), 0, ""), (OSError(28, "No space left on device"), 1, "No space left")],
)
def test_a_replay_to_a_closed_or_full_output(
    cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: OSError, status: int,
    message: str,
) -> None:  # fmt: skip
    answer_key = _replay.key(ARGS)
    assert answer_key is not None
    _replay.run_and_keep(answer_key, lambda: main(ARGS))
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["policykit", *ARGS])
    monkeypatch.setattr(sys, "stdout", _Closed(error))
    monkeypatch.setattr(_replay, "drop_stdout", lambda: None)  # the test's own stdout stays
    with pytest.raises(SystemExit) as stopped:
        _replay.entry_point()
    assert stopped.value.code == status
    assert message in capsys.readouterr().err
