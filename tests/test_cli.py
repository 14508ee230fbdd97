"""The command line, run through the installed `policykit` entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, MINIMAL

SCRIPT = Path(sys.executable).parent / "policykit"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=60, check=False
    )


def test_entry_point_is_installed() -> None:
    assert SCRIPT.exists(), "install the package (pip install '.[dev]') so the console script exists"


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("policykit ")


@pytest.mark.parametrize("command", ["list", "show", "compare", "export", "schema", "timeline", "diff", "validate"])
def test_help_on_every_subcommand(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: policykit {command}")


def test_no_command_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert "required: COMMAND" in result.stderr


def test_compare_on_the_test_data(tmp_path: Path) -> None:
    result = run(
        "compare", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--conduct", "covert_filming", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "| Covert filming | Offence: imprisonment up to 3 years and fine up to €45,000 (PA art. 3) [1] |" in (
        " ".join(result.stdout.split())
    )
    assert "As of 2016-01-01." in result.stdout


def test_compare_writes_a_file(tmp_path: Path) -> None:
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
def test_bad_usage_exits_2_with_the_choices(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_clean_folder_exits_0() -> None:
    result = run("validate", str(MINIMAL))
    assert (result.returncode, result.stdout) == (0, "")
    assert "no problems found" in result.stderr


def test_validate_bad_file_prints_located_problems_and_exits_1() -> None:
    bad = DATA / "bad" / "files" / "duplicate_key_version.yaml"
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert result.stdout == f"{bad}:18:9: duplicate key 'status' (first at line 17); each key may appear once\n"
    assert "Traceback" not in result.stderr


def test_bad_data_folder_is_reported_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "xa").mkdir()
    (tmp_path / "xa" / "jurisdiction.yaml").write_text("code: [\n", encoding="utf-8")
    result = run("compare", "--data", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'xa' / 'jurisdiction.yaml'}:2:1: YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_lists_versions_with_sources() -> None:
    result = run("show", "xa", "--data", str(MINIMAL), "--as-of", "2016-01-01")
    assert result.returncode == 0, result.stderr
    assert "PA art. 3 — Covert filming" in result.stdout
    assert "tier minor_victim: imprisonment 1–5 years and fine up to €75,000" in result.stdout
    assert "https://example.org/penal-act/3" in result.stdout


def test_show_says_when_the_date_is_after_verification() -> None:
    result = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2030-01-01")
    assert result.returncode == 0
    assert "the date asked is after the data was verified" in result.stdout


def test_list_everything_from_any_folder(tmp_path: Path) -> None:
    result = run("list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Jurisdictions:" in result.stdout
    assert "Conducts:" in result.stdout
    assert "Factors:" in result.stdout
    assert "covert_filming" in result.stdout


def test_validate_every_corpus_file_without_traceback() -> None:
    files = sorted((DATA / "bad" / "files").rglob("*.yaml"))
    result = run("validate", *map(str, files))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert reported == {str(path) for path in files}


def test_list_events_shows_context_with_cited_facts() -> None:
    result = run("list", "events")
    assert result.returncode == 0, result.stderr
    assert "Events (context, not law):" in result.stdout
    assert "kr/event/nth-room" in result.stdout
    assert "cn/event/maskpark-2025" in result.stdout


def test_show_in_french() -> None:
    result = run("show", "XA", "--data", str(MINIMAL), "--as-of", "2016-01-01", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "penalty: emprisonnement jusqu'à 3 ans et amende jusqu'à 45\u202f000\u00a0€" in result.stdout
