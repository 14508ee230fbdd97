"""The command line: run in this process through `policykit.cli.main` (fast, and measured by coverage), plus a few
end-to-end runs of the installed `policykit` command and of `python -m policykit`."""

from __future__ import annotations

import io
import json
import os
import runpy
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

import policykit
from policykit import cli
from policykit.cli import main

from .conftest import DATA, MINIMAL

SCRIPT = Path(sys.executable).parent / "policykit"


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Ran]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """`run(*args)`: the command line in this process, with its exit status and captured output."""

    def run(*args: str) -> Ran:
        capsys.readouterr()  # drop anything printed before
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help, --version and usage errors
            code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 1
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


def run_installed(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=60, check=False
    )


# -- end to end: the installed command ---------------------------------------------------------------------------


def test_entry_point_is_installed() -> None:
    assert SCRIPT.exists(), "install the package (pip install '.[dev]') so the console script exists"


def test_installed_command_from_another_folder(tmp_path: Path) -> None:
    result = run_installed("compare", "--as-of", "2026-11-21", "--conduct", "covert_filming", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("| Conduct")
    assert "As of 2026-11-21." in result.stdout


def test_installed_command_exit_statuses(tmp_path: Path) -> None:
    assert run_installed("--version").stdout.startswith("policykit ")
    usage = run_installed("show", "XX")
    assert usage.returncode == 2
    assert "unknown jurisdiction 'XX'" in usage.stderr
    (tmp_path / "xa").mkdir()
    (tmp_path / "xa" / "jurisdiction.yaml").write_text("code: [\n", encoding="utf-8")
    bad = run_installed("compare", "--data", str(tmp_path))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr


def test_python_dash_m(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["policykit", "--version"])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("policykit", run_name="__main__")
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("policykit ")


def test_entry_point_exits_with_the_status_of_main(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["policykit", "validate", str(DATA / "bad" / "files" / "empty_file.yaml")])
    with pytest.raises(SystemExit) as caught:
        policykit.cli.entry_point()
    assert caught.value.code == 1


# -- in this process ---------------------------------------------------------------------------------------------


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"policykit {policykit.__version__}\n"


@pytest.mark.parametrize("command", ["list", "show", "compare", "export", "schema", "timeline", "diff", "validate"])
def test_help_on_every_subcommand(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: policykit {command}")


def test_no_command_is_a_usage_error(run: Run) -> None:
    result = run()
    assert result.returncode == 2
    assert "required: COMMAND" in result.stderr


def test_compare_on_the_test_data(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("compare", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--conduct", "covert_filming")
    assert result.returncode == 0, result.stderr
    assert (
        "| Covert filming | Offence: imprisonment up to 3 years and fine up to €45,000 (PA art. 3)†;"
        " heavier if victim is a minor: 1–5 years / €75,000 (PA art. 3)† [1] |"
    ) in (" ".join(result.stdout.split()))
    assert "As of 2016-01-01." in result.stdout
    assert list(tmp_path.iterdir()) == []  # nothing written where it runs


def test_compare_writes_a_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "table.md"
    result = run("compare", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--output", str(target))
    assert result.returncode == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("| Conduct")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "XX", "--data", str(MINIMAL)], "unknown jurisdiction 'XX'; did you mean 'XA'? expected one of: XA"),
        (["compare", "--data", str(MINIMAL), "--conduct", "filming"], "unknown conduct 'filming'; did you mean"),
        (["compare", "--as-of", "2023-02-30"], "'2023-02-30' is not a real calendar date"),
        (["compare", "--as-of", "21/11/2026"], "expected a date as YYYY-MM-DD"),
        (["compare", "--tiers", "some"], "invalid choice: 'some'"),
        (["show", "KR", "--merge"], "--merge needs --data PATH"),
    ],
)
def test_bad_usage_exits_2_with_the_choices(run: Run, args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert result.stdout == ""


def test_validate_clean_folder_exits_0(run: Run) -> None:
    result = run("validate", str(MINIMAL))
    assert (result.returncode, result.stdout) == (0, "")
    assert "no problems found" in result.stderr


def test_validate_bad_file_prints_located_problems_and_exits_1(run: Run) -> None:
    bad = DATA / "bad" / "files" / "duplicate_key_version.yaml"
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout == f"{bad}:18:9: duplicate key 'status' (first at line 17); each key may appear once\n"
    assert result.stderr == "1 problem found\n"


def test_bad_data_folder_is_reported_without_traceback(run: Run, tmp_path: Path) -> None:
    (tmp_path / "xa").mkdir()
    (tmp_path / "xa" / "jurisdiction.yaml").write_text("code: [\n", encoding="utf-8")
    result = run("compare", "--data", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'xa' / 'jurisdiction.yaml'}:2:1: YAML syntax error" in result.stderr
    assert result.stderr.endswith("policykit: the data has 1 problem(s); nothing was shown\n")
    assert result.stdout == ""


def test_show_lists_versions_with_sources(run: Run) -> None:
    result = run("show", "xa", "--data", str(MINIMAL), "--as-of", "2016-01-01")
    assert result.returncode == 0, result.stderr
    assert "PA art. 3 — Covert filming" in result.stdout
    assert "tier minor_victim: imprisonment 1–5 years and fine up to €75,000" in result.stdout
    assert "https://example.org/penal-act/3" in result.stdout


def test_show_says_when_the_date_is_after_verification(run: Run) -> None:
    result = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2030-01-01")
    assert result.returncode == 0
    assert "the date asked is after the data was verified" in result.stdout


def test_show_with_merge_uses_the_replacing_file(run: Run, tmp_path: Path) -> None:
    replacement = tmp_path / "fr" / "instruments" / "code-penal" / "index.yaml"
    replacement.parent.mkdir(parents=True)
    shutil.copy(policykit.bundled_data_path() / "fr" / "instruments" / "code-penal" / "index.yaml", replacement)
    text = replacement.read_text(encoding="utf-8")
    replacement.write_text(text.replace("abbreviation: C. pén.", "abbreviation: LOCAL", 1), encoding="utf-8")
    merged = run("show", "FR", "--data", str(tmp_path), "--merge", "--as-of", "2020-01-01")
    assert merged.returncode == 0, merged.stderr
    assert "LOCAL art. 226-1" in merged.stdout
    assert "C. pén." not in merged.stdout
    bundled = run("show", "FR", "--as-of", "2020-01-01")
    assert "C. pén. art. 226-1" in bundled.stdout
    alone = run("show", "FR", "--data", str(tmp_path))  # without --merge the folder lacks fr/jurisdiction.yaml
    assert alone.returncode == 1


def test_list_everything_from_any_folder(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("list")
    assert result.returncode == 0, result.stderr
    assert "Jurisdictions:" in result.stdout
    assert "Conducts:" in result.stdout
    assert "Factors:" in result.stdout
    assert "covert_filming" in result.stdout


def test_validate_every_corpus_file_without_traceback(run: Run) -> None:
    files = sorted((DATA / "bad" / "files").rglob("*.yaml"))
    result = run("validate", *map(str, files))
    assert result.returncode == 1
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert reported == {str(path) for path in files}


def test_list_events_shows_context_with_cited_facts(run: Run) -> None:
    result = run("list", "events")
    assert result.returncode == 0, result.stderr
    assert "Events (context, not law):" in result.stdout
    assert "kr/event/nth-room" in result.stdout
    assert "cn/event/maskpark-2025" in result.stdout


def test_show_in_french(run: Run) -> None:
    result = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "peine : emprisonnement de 3\u00a0ans au plus et amende de 45\u202f000\u00a0€ au plus" in result.stdout
    assert "Dispositions en vigueur le 2016-01-01 ; données vérifiées le 2026-11-01." in result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", ["2016-01-01施行的规定", "处罚：3年以下有期徒刑", "量刑档次 minor_victim：1年以上5年以下"]),
        ("ko", ["2016-01-01 시행 중인 규정", "처벌: 3년 이하의 징역", "형량 구간 minor_victim: 1년 이상 5년 이하"]),
    ],
)
def test_show_speaks_the_language_asked(run: Run, lang: str, expected: list[str]) -> None:
    """`show` writes its own words in --lang, not only the penalties; ids and enum values stay as they are."""
    result = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--lang", lang)
    assert result.returncode == 0, result.stderr
    for text in expected:
        assert text in result.stdout
    assert "penalty:" not in result.stdout
    assert "Provisions in force" not in result.stdout
    assert "id: xa/penal-act/art_3" in result.stdout


def test_export_formats_and_filters(run: Run, tmp_path: Path) -> None:
    csv_text = run("export", "--data", str(MINIMAL), "--jurisdiction", "XA").stdout
    assert csv_text.startswith("jurisdiction,provision_id,")
    tsv_text = run("export", "--data", str(MINIMAL), "--format", "tsv", "--as-of", "2016-01-01").stdout
    assert tsv_text.startswith("jurisdiction\tprovision_id\t")
    assert "xa/penal-act/art_3@2015-06-01" in tsv_text
    assert "xa/penal-act/art_3@2012-01-01" not in tsv_text  # not in force on 2016-01-01
    target = tmp_path / "export.json"
    result = run("export", "--data", str(MINIMAL), "--format", "json", "--timestamp", "--output", str(target))
    assert (result.returncode, result.stdout) == (0, "")
    metadata = json.loads(target.read_text(encoding="utf-8"))["metadata"]
    assert metadata["columns"][:2] == ["jurisdiction", "provision_id"]
    assert "generated_at" in metadata
    plain = json.loads(run("export", "--data", str(MINIMAL), "--format", "json").stdout)
    assert "generated_at" not in plain["metadata"]


def test_schema_export(run: Run) -> None:
    result = run("schema", "export")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "policykit tidy export"


def test_timeline_with_and_without_events(run: Run) -> None:
    result = run("timeline", "KR", "--conduct", "possession_viewing")
    assert result.returncode == 0, result.stderr
    assert "kr/sca/art_14__para_4" in result.stdout
    assert "kr/event/nth-room" not in result.stdout
    with_events = json.loads(run("timeline", "kr", "--events", "--format", "json").stdout)
    assert [event["id"] for event in with_events["events"]] == ["kr/event/nth-room"]
    assert run("timeline", "XX").returncode == 2


def test_diff_between_two_dates(run: Run) -> None:
    result = run("diff", "KR", "--from", "2018-01-01", "--to", "2021-01-01", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Date,Provision,Article,Act,Change\n")
    assert "kr/sca/art_14__para_4" in result.stdout
    backwards = run("diff", "KR", "--from", "2021-01-01", "--to", "2018-01-01")
    assert backwards.returncode == 2
    assert "--to 2018-01-01 is before --from 2021-01-01" in backwards.stderr


def test_show_only_a_conduct_and_a_date_with_nothing_in_force(run: Run) -> None:
    filtered = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--conduct", "distribution_covert")
    assert filtered.returncode == 0, filtered.stderr
    assert "PA art. 4" in filtered.stdout
    assert "PA art. 3 " not in filtered.stdout
    assert run("show", "XA", "--data", str(MINIMAL), "--conduct", "filming").returncode == 2
    empty = run("show", "XA", "--data", str(MINIMAL), "--as-of", "1990-01-01")
    assert "No provision in the data is in force on this date." in empty.stdout


def test_an_output_file_that_cannot_be_written_exits_1(run: Run, tmp_path: Path) -> None:
    """An I/O failure is not bad usage (exit 2): it exits 1, as README says."""
    result = run("compare", "--data", str(MINIMAL), "--output", str(tmp_path / "missing" / "table.md"))
    assert result.returncode == 1
    assert f"cannot write {tmp_path / 'missing' / 'table.md'}: No such file or directory" in result.stderr


def test_brief_without_the_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jinja2" else real(name, *a))
    with pytest.raises(SystemExit) as caught:
        main(["brief", "--case", "maskpark", "--as-of", "2026-11-21"])
    assert caught.value.code == 2
    assert "briefings need jinja2: pip install 'policykit[brief]'" in capsys.readouterr().err


# -- fitting the terminal ----------------------------------------------------------------------------------------


def test_width_wraps_a_grid_to_that_many_columns(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compare", "--case", "maskpark", "--as-of", "2026-11-21", "--jurisdiction", "KR", "--jurisdiction", "FR"]
    assert main([*argv, "--format", "grid", "--width", "80"]) == 0
    table = capsys.readouterr().out.split("\n\n")[0]
    assert max(len(line) for line in table.split("\n")) <= 80
    assert "imprisonment" in table  # the cells are there, wrapped


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "github", "--width", "80"], "github cannot wrap its cells"),
        (["--width", "80"], "github cannot wrap its cells"),  # not a terminal: GitHub Markdown by default
        (["--format", "grid", "--width", "5"], "expected a width from 20 to 10000 columns"),
    ],
)
def test_width_needs_a_format_that_wraps(extra: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["compare", "--as-of", "2026-11-21", *extra])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_default_is_a_grid_as_wide_as_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.shutil, "get_terminal_size", lambda: os.terminal_size((100, 40)))
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stdout", terminal)
    assert main(["compare", "--case", "maskpark", "--as-of", "2026-11-21", "--jurisdiction", "CN"]) == 0
    table = terminal.getvalue().split("\n\n")[0]
    assert table.startswith("+")  # a grid, not Markdown
    assert max(len(line) for line in table.split("\n")) <= 100
