"""Hostile input, second round (issue 13): located problems instead of tracebacks, nothing misread, nothing
read from outside the data folder, nothing that depends on the day the checks run."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import policykit
from policykit import cli
from policykit.comparison import compare
from policykit.errors import ArgumentTypeError, PolicykitError
from policykit.export import export_records, to_json
from policykit.history import diff, timeline
from policykit.queries import as_date, coverage, provisions_in_force, version_in_force

from .conftest import MINIMAL

SCRIPT = Path(sys.executable).parent / "policykit"
PROVISION = "xa/penal-act/art_3"
SECRET = "top-secret-line-that-must-never-be-echoed"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    return root


def _messages(root: Path) -> dict[str, str]:
    """file (relative to root) -> message, for every problem of the folder; and load() agrees it is bad."""
    problems = policykit.validate([root])
    with pytest.raises(policykit.DataError):
        policykit.load(root)
    return {os.path.relpath(problem.file, root): problem.message for problem in problems}


# -- 1. links, loops, FIFOs, unreadable folders: located problems, never tracebacks -------------------------


@pytest.mark.parametrize("where", ["xb", "xa/instruments/looped.yaml", "xa/events.yaml", "vocabulary.yaml"])
def test_a_link_loop_is_a_located_problem(tmp_path: Path, where: str) -> None:
    root = _copy(tmp_path)
    (root / where).symlink_to(root / where)
    assert _messages(root)[where] == "broken link or link loop; expected a file or folder"


@pytest.mark.parametrize("where", ["xb", "xa/instruments/gone.yaml", "xa/events.yaml"])
def test_a_broken_link_is_a_located_problem(tmp_path: Path, where: str) -> None:
    root = _copy(tmp_path)
    (root / where).symlink_to(tmp_path / "nowhere")
    assert _messages(root)[where] == "broken link or link loop; expected a file or folder"


@pytest.mark.parametrize("where", ["xb", "xa/instruments/pipe.yaml", "xa/events.yaml", "vocabulary.yaml"])
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path, where: str) -> None:
    root = _copy(tmp_path)
    os.mkfifo(root / where)  # opening it to read would wait for a writer forever
    assert _messages(root)[where] == "not a regular file or folder (a FIFO, socket or device); nothing was read"


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "penal-act.yaml")
    (problem,) = policykit.validate([tmp_path / "penal-act.yaml"])
    assert problem.message == "not a regular file or folder (a FIFO, socket or device); nothing was read"


def test_an_unreadable_folder_is_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod does not bite: the PermissionError is simulated."""
    root = _copy(tmp_path)
    iterdir = Path.iterdir

    def refuse(self: Path) -> Any:
        if self.name in ("instruments", "xa"):
            raise PermissionError(13, "Permission denied", str(self))
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert _messages(root)["xa"] == "cannot read folder: Permission denied"


def test_an_unreadable_instruments_folder_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy(tmp_path)
    iterdir = Path.iterdir

    def refuse(self: Path) -> Any:
        if self.name == "instruments":
            raise PermissionError(13, "Permission denied", str(self))
        return iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    messages = _messages(root)
    assert messages[os.path.join("xa", "instruments")] == "cannot read folder: Permission denied"
    # validating the jurisdiction folder alone reports it too (it used to drop problems below xa/)
    assert any(p.message == "cannot read folder: Permission denied" for p in policykit.validate([root / "xa"]))


def test_an_unreadable_file_is_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy(tmp_path)
    target = str(root / "xa" / "instruments" / "penal-act.yaml")
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert _messages(root)[os.path.join("xa", "instruments", "penal-act.yaml")] == "cannot read file: Permission denied"


def test_an_unexaminable_path_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stat = Path.stat

    def refuse(self: Path, **kwargs: Any) -> Any:
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", refuse)
    (problem,) = policykit.validate([tmp_path / "locked"])
    assert problem.message == "cannot read: Permission denied"
    with pytest.raises(policykit.DataError):
        policykit.load(tmp_path / "locked")


def test_a_file_name_that_is_not_utf8_prints(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    name = os.fsdecode(b"bad\xff.yaml")
    shutil.copy(root / "xa" / "instruments" / "penal-act.yaml", root / "xa" / "instruments" / name)
    problems = policykit.validate([root])
    assert problems
    assert all(str(problem).encode("utf-8") for problem in problems)  # no lone surrogate left to raise
    assert any("bad\\udcff.yaml" in str(problem) for problem in problems)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    result = subprocess.run([str(SCRIPT), "validate", str(root)], capture_output=True, env=env, check=False)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"bad\\udcff.yaml" in result.stdout


def test_a_newline_in_a_file_name_cannot_forge_a_problem_line(tmp_path: Path) -> None:
    problem = policykit.Problem("a.yaml\nb.yaml:1:1: forged", 1, 1, "real \x1b[31mred")
    assert str(problem) == "a.yaml\\nb.yaml:1:1: forged:1:1: real \\x1b[31mred"


# -- 3. links: refused when they leave the data folder; nothing of the target is echoed ----------------------


@pytest.mark.parametrize("where", ["xa/instruments/leak.yaml", "xa/events.yaml", "vocabulary.yaml", "xb"])
def test_a_link_out_of_the_data_folder_is_refused_without_reading_it(tmp_path: Path, where: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{SECRET}: 1\n{SECRET}\n", encoding="utf-8")
    root = _copy(tmp_path)
    (root / where).symlink_to(outside if where == "xb" else outside / "secret.yaml")
    problems = policykit.validate([root])
    assert SECRET not in "\n".join(str(problem) for problem in problems)
    assert _messages(root)[where] == "link to a place outside the data folder; links must stay inside the data folder"


def test_a_link_inside_the_data_folder_is_followed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "shared").mkdir()
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    jurisdiction.rename(root / "shared" / "xa-jurisdiction.yaml")
    jurisdiction.symlink_to(Path("..") / "shared" / "xa-jurisdiction.yaml")
    assert [p.message for p in policykit.validate([root])] == [
        "unexpected folder; a jurisdiction folder is an ISO 3166-1 code (or an ISO 3166-2 subdivision) in lower case"
    ]


def test_a_data_folder_that_is_itself_a_link_is_read(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (tmp_path / "alias").symlink_to(root)
    assert policykit.validate([tmp_path / "alias"]) == []
    assert "XA" in policykit.load(tmp_path / "alias").jurisdictions


def test_a_file_that_is_not_data_is_not_echoed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "xa" / "instruments" / "notes.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    problems = policykit.validate([root])
    assert SECRET not in "\n".join(str(problem) for problem in problems)
    assert "top level: expected a mapping, found text" in [p.message for p in problems]


# -- 4. size: refused by stat before reading ----------------------------------------------------------------


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy(tmp_path)
    events = root / "xa" / "events.yaml"
    with events.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    started = time.monotonic()
    messages = _messages(root)
    assert time.monotonic() - started < 5
    assert messages[os.path.join("xa", "events.yaml")] == (
        "file is 3,221,225,472 bytes; data files are limited to 2,097,152 bytes"
    )
    assert sum(reads) < 3 * 1024**2


# -- 8. duplicates ------------------------------------------------------------------------------------------


def test_the_same_instrument_under_a_second_file_name_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    instruments = root / "xa" / "instruments"
    shutil.copy(instruments / "penal-act.yaml", instruments / "penal-act-copy.yaml")
    problems = policykit.validate([root])
    duplicates = [p for p in problems if "the same provision as" in p.message]
    assert {p.file for p in duplicates} == {str(instruments / "penal-act.yaml")}  # the later id is the copy
    assert duplicates[0].message.startswith("xa/penal-act/art_3: the same provision as xa/penal-act-copy/art_3")
    assert len(duplicates) == len(policykit.load(MINIMAL).provisions)
    with pytest.raises(policykit.DataError):
        policykit.load(root)


def test_the_same_article_under_two_keys_is_refused_in_a_single_file(tmp_path: Path) -> None:
    instrument = tmp_path / "xa" / "instruments" / "act.yaml"
    instrument.parent.mkdir(parents=True)
    text = (MINIMAL / "xa" / "instruments" / "penal-act.yaml").read_text(encoding="utf-8")
    instrument.write_text(text.replace('article: "4"', 'article: "3"', 1), encoding="utf-8")
    assert [p.message for p in policykit.validate([instrument]) if "the same provision" in p.message]


# -- 9. checks depend on the data, not on today --------------------------------------------------------------


def test_coverage_is_checked_up_to_the_data_not_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy(tmp_path)
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    text = jurisdiction.read_text(encoding="utf-8")
    old = "  distribution_consensual:\n    - status: unknown\n      from: 2010-01-01\n"
    assert old in text
    jurisdiction.write_text(text.replace(old, old + "      to: 2026-06-30\n"), encoding="utf-8")

    class Frozen(dt.date):
        @classmethod
        def today(cls) -> Frozen:
            return cls(2099, 1, 1)

    monkeypatch.setattr(dt, "date", Frozen)  # what day it is must not matter
    (problem,) = policykit.validate([root])
    assert problem.message.startswith(
        "coverage: conduct 'distribution_consensual' has no provision and no coverage statement "
        "from 2026-07-01 to 2026-11-01"
    )
    assert policykit.validate([root], today=dt.date(2026, 6, 30)) == []
    (problem,) = policykit.validate([root], today="2026-07-01")
    assert "from 2026-07-01 to 2026-07-01" in problem.message


def test_validate_today_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(tmp_path)
    assert cli.main(["validate", str(root), "--today", "2026-06-30"]) == 0
    with pytest.raises(SystemExit) as caught:
        cli.main(["validate", str(root), "--today", "2026-02-30"])
    assert caught.value.code == 2
    capsys.readouterr()


# -- 10. currencies ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("currency", "ok"), [("FRF", True), ("DEM", True), ("EUR", True), ("XXX", False)])
def test_historical_currencies_are_known(tmp_path: Path, currency: str, ok: bool) -> None:
    root = _copy(tmp_path)
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    jurisdiction.write_text(
        jurisdiction.read_text(encoding="utf-8").replace("currency: EUR", f"currency: {currency}"), encoding="utf-8"
    )
    problems = [p.message for p in policykit.validate([root])]
    assert (problems == []) is ok, problems


def test_language_no_is_norwegian_not_false(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    instrument = root / "xa" / "instruments" / "penal-act.yaml"
    instrument.write_text(
        instrument.read_text(encoding="utf-8").replace("language: en", 'language: "no"', 1), encoding="utf-8"
    )
    data = policykit.load(root)
    assert [s.language for p in data.provisions.values() for v in p.versions for s in v.sources].count("no") == 1


@pytest.mark.parametrize(
    ("written", "reading"),
    [("no", "a boolean"), ("Y", "a boolean"), ("off", "a boolean"), ("0x1F", "a number"), ("1:20", "a number")],
)
def test_unquoted_text_that_yaml_1_1_reads_otherwise_is_refused(tmp_path: Path, written: str, reading: str) -> None:
    # The strict reader keeps `no` as text, but another YAML reader would make it false: the file must be
    # unambiguous, so text that looks like something else is written in quotes.
    root = _copy(tmp_path)
    instrument = root / "xa" / "instruments" / "penal-act.yaml"
    text = instrument.read_text(encoding="utf-8")
    line = text[: text.index("language: en")].count("\n") + 1
    instrument.write_text(text.replace("language: en", f"language: {written}", 1), encoding="utf-8")
    problems = policykit.validate([root])
    assert [(p.line, p.message) for p in problems if p.file == str(instrument)] == [
        (
            line,
            f"provisions.art_3.versions[0].sources[0].language: text {written!r} is unquoted, and YAML 1.1 readers "
            f'would read it as {reading}; write it in quotes: "{written}"',
        )
    ]


def test_an_unquoted_key_that_yaml_1_1_reads_as_a_number_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    text = jurisdiction.read_text(encoding="utf-8")
    assert "  penal-2000:" in text
    jurisdiction.write_text(text.replace("  penal-2000:", "  0x1F:", 1), encoding="utf-8")
    problems = [p for p in policykit.validate([root]) if p.file == str(jurisdiction)]
    assert [p.message for p in problems] == [
        "the key '0x1F' would be read as a number by YAML 1.1 readers; write it in quotes: \"0x1F\""
    ]


def test_an_article_with_a_trailing_newline_is_the_same_article(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    instrument = root / "xa" / "instruments" / "penal-act.yaml"
    instrument.write_text(
        instrument.read_text(encoding="utf-8").replace('article: "3"', 'article: "3\\n"', 1), encoding="utf-8"
    )
    assert policykit.load(root).provisions[PROVISION].article == "3"


# -- 1. dates and ids given to the API ----------------------------------------------------------------------


class _Timestamp:
    """Stands for pandas.Timestamp and the like: anything with a `.date()` method."""

    def date(self) -> dt.date:
        return dt.date(2021, 1, 1)


@pytest.mark.parametrize("value", ["2021-01-01", dt.date(2021, 1, 1), dt.datetime(2021, 1, 1, 23, 59), _Timestamp()])
def test_every_public_date_parameter_takes_what_a_pandas_user_passes(minimal: policykit.Dataset, value: Any) -> None:
    on = dt.date(2021, 1, 1)
    assert version_in_force(minimal, PROVISION, value) == version_in_force(minimal, PROVISION, on)
    assert provisions_in_force(minimal, "XA", value) == provisions_in_force(minimal, "XA", on)
    assert coverage(minimal, "XA", "covert_filming", value) == coverage(minimal, "XA", "covert_filming", on)
    assert compare(minimal, on=value) == compare(minimal, on=on)
    assert diff(minimal, "XA", value, "2022-01-01") == diff(minimal, "XA", on, dt.date(2022, 1, 1))
    assert export_records(minimal, on=value) == export_records(minimal, on=on)
    records = export_records(minimal)
    assert to_json(minimal, records, on=value) == to_json(minimal, records, on=on)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02-30", "on: '2021-02-30' is not a real calendar date"),
        ("01/02/2021", "on: expected a date as YYYY-MM-DD, found '01/02/2021'"),
        ("2021-01-01\n", "on: expected a date as YYYY-MM-DD"),
        (
            20210101,
            "on: expected a date (datetime.date, datetime.datetime, pandas.Timestamp or 'YYYY-MM-DD'), found int",
        ),
        (None, "found NoneType"),
        (dt.date, "found type"),
    ],
)
def test_a_date_that_is_not_a_date_is_refused_clearly(minimal: policykit.Dataset, value: Any, expected: str) -> None:
    calls = [
        lambda: version_in_force(minimal, PROVISION, value),
        lambda: provisions_in_force(minimal, "XA", value),
        lambda: coverage(minimal, "XA", "covert_filming", value),
        lambda: export_records(minimal, on=value) if value is not None else as_date(value),
        lambda: compare(minimal, on=value) if value is not None else as_date(value),
    ]
    for call in calls:
        with pytest.raises(ArgumentTypeError) as caught:
            call()
        assert isinstance(caught.value, TypeError)
        assert isinstance(caught.value, PolicykitError)
        assert expected in str(caught.value)
    with pytest.raises(ArgumentTypeError, match="start: "):
        diff(minimal, "XA", value, dt.date(2022, 1, 1))
    with pytest.raises(ArgumentTypeError, match="today: "):
        policykit.validate([MINIMAL], today=value if value is not None else 0)


def test_an_object_whose_date_method_fails_is_refused(minimal: policykit.Dataset) -> None:
    class NotATime:
        def date(self) -> dt.date:
            raise ValueError("NaT")

    with pytest.raises(ArgumentTypeError, match="found NotATime"):
        coverage(minimal, "XA", "covert_filming", NotATime())


def test_a_single_id_where_several_are_expected_is_refused(minimal: policykit.Dataset) -> None:
    with pytest.raises(ArgumentTypeError, match=r"conducts: expected a list of ids, found the single text"):
        timeline(minimal, "XA", "covert_filming")
    with pytest.raises(ArgumentTypeError, match=r"jurisdictions: expected a list of ids"):
        export_records(minimal, jurisdictions="XA")
    with pytest.raises(ArgumentTypeError, match=r"paths: expected a list of paths"):
        policykit.validate(str(MINIMAL))  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"paths: expected a list of paths"):
        policykit.validate(MINIMAL)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"jurisdictions: expected an id \(text\), found int"):
        export_records(minimal, jurisdictions=[1])  # type: ignore[list-item]
    assert timeline(minimal, "XA", ("covert_filming",)) == timeline(minimal, "XA", ["covert_filming"])
    assert export_records(minimal, jurisdictions=iter(["XA"])) == export_records(minimal)


@pytest.mark.parametrize("bad", [None, 1, ["XA"]])
def test_an_id_that_is_not_text_is_refused(minimal: policykit.Dataset, bad: Any) -> None:
    for call in (
        lambda: provisions_in_force(minimal, bad, dt.date(2021, 1, 1)),
        lambda: coverage(minimal, "XA", bad, dt.date(2021, 1, 1)),
        lambda: version_in_force(minimal, bad, dt.date(2021, 1, 1)),
        lambda: timeline(minimal, bad),
    ):
        with pytest.raises(ArgumentTypeError):
            call()


def test_to_json_refuses_a_generated_at_that_is_not_a_datetime(minimal: policykit.Dataset) -> None:
    with pytest.raises(ArgumentTypeError, match="generated_at"):
        to_json(minimal, [], generated_at="now")  # type: ignore[arg-type]


# -- 6, 7. output and exit statuses ---------------------------------------------------------------------------


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_validate_piped_into_head_keeps_exit_status_1(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for number in range(2000):  # more problems than a pipe buffer holds
        (root / f"stray{number}.yaml").write_text("a: 1\n", encoding="utf-8")
    result = _shell(f"'{SCRIPT}' validate '{root}' | head -1", tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def test_a_successful_command_piped_into_head_exits_0(tmp_path: Path) -> None:
    result = _shell(f"'{SCRIPT}' export --data '{MINIMAL}' | head -c 10", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_broken_pipe_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    root = _copy(tmp_path)
    (root / "stray.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["validate", str(root)]) == 1
    assert cli.main(["validate", str(MINIMAL)]) == 0
    assert cli.main(["export", "--data", str(MINIMAL)]) == 0


def test_standard_output_that_fails_exits_1() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    result = subprocess.run(
        f"'{SCRIPT}' export --data '{MINIMAL}' > /dev/full", shell=True, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "cannot write the output" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_error_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "out.csv"
    assert cli.main(["export", "--data", str(MINIMAL), "--output", str(target)]) == 1
    assert f"cannot write {target}" in capsys.readouterr().err


def test_output_is_replaced_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous good output\n", encoding="utf-8")
    target.chmod(0o640)

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert cli.main(["export", "--data", str(MINIMAL), "--output", str(target)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "previous good output\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left behind
    monkeypatch.undo()
    assert cli.main(["export", "--data", str(MINIMAL), "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("jurisdiction,provision_id")
    assert target.stat().st_mode & 0o777 == 0o640  # the file's permissions are kept
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv"]


def test_output_to_a_fifo_or_device_is_written_directly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "--data", str(MINIMAL), "--output", os.devnull]) == 0
    assert not Path(os.devnull).is_file()
    capsys.readouterr()


@pytest.mark.parametrize("bad", [5, None, b"/tmp"])
def test_a_path_that_is_not_a_path_is_refused(bad: Any) -> None:
    with pytest.raises(ArgumentTypeError, match="expected a path"):
        policykit.validate([bad])
    if bad is not None:  # load(None) is the bundled data
        with pytest.raises(ArgumentTypeError, match="expected a path"):
            policykit.load(bad)


def test_a_path_with_a_nul_character_is_a_problem() -> None:
    (problem,) = policykit.validate(["a\x00b"])
    assert problem.message == "not a valid path: it contains a NUL character"
    with pytest.raises(policykit.DataError):
        policykit.load("a\x00b")


# -- 5. text that acts: no terminal control sequence reaches the terminal through a message or an output --------

_ACTS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_an_argument_echoed_by_argparse_is_neutralised(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["compare", "\x1b]0;owned\x07", "\x9b2J"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: \\u001b]0;owned\\u0007 \\u009b2J" in err
    assert _ACTS.search(err) is None, err


def test_an_output_file_name_in_a_message_is_neutralised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing\x1b[2J" / "out.csv"
    assert cli.main(["export", "--data", str(MINIMAL), "--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert "missing\\u001b[2J" in err
    assert _ACTS.search(err) is None, err


def test_a_data_file_name_in_a_message_is_neutralised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(tmp_path)
    (root / "xa" / "instruments" / "penal-act.yaml").rename(root / "xa" / "instruments" / "\x1b]0;owned\x07.yaml")
    for argv in (["validate", str(root)], ["compare", "--data", str(root)], ["show", "XA", "--data", str(root)]):
        assert cli.main(argv) == 1
        out, err = capsys.readouterr()
        assert "\\x1b]0;owned\\x07" in out + err
        assert _ACTS.search(out + err) is None, out + err


def test_text_that_acts_is_written_out_in_every_output(tmp_path: Path) -> None:
    """The loader refuses control characters in data; a dataset built in Python can still hold them, and the
    command line's writer neutralises them whatever the format (JSON stays valid: `\\u001b` is a JSON escape)."""
    target = tmp_path / "out.json"
    cli._write('{"a": "\x1b[2J\x9b\x7f"}\n', str(target), sys.stdout)
    text = target.read_text(encoding="utf-8")
    assert text == '{"a": "\\u001b[2J\\u009b\\u007f"}\n'
    assert json.loads(text) == {"a": "\x1b[2J\x9b\x7f"}
