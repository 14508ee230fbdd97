"""Briefings: findings checked against the data, one numbering of references, golden Markdown and HTML on the
small fixture data, deterministic charts, complete catalogs, and the `policykit brief` command."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

import policykit
from policykit.applying import apply
from policykit.briefing import (
    AnswerFinding,
    Briefing,
    CriminalisationFinding,
    EventFinding,
    GapFinding,
    PointKind,
    _weight,
    build,
)
from policykit.briefing_output import charts, render_briefing
from policykit.cli import main
from policykit.model import Liability
from tests.conftest import BUNDLED_CODES, MINIMAL

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "policykit" / "locale"
ON = dt.date(2026, 11, 1)  # the fixture data's verification date: no staleness warning
MARKS = re.compile(r"\[(\d+(?:, \d+)*)\]")
BUNDLED_ON = dt.date(2026, 11, 21)
BRIEF_MINIMAL = ("brief", "--data", str(MINIMAL), "--case", "covert_filming", "--as-of", "2026-11-01")


@pytest.fixture(scope="module")
def bundled_briefing(bundled: policykit.Dataset) -> Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        return build(bundled, None, "maskpark", BUNDLED_ON)


def _minimal_briefing(minimal: policykit.Dataset, lang: str = "en") -> Briefing:
    case = policykit.make_case(minimal, "covert_filming")
    return build(minimal, ["XA"], case, ON, lang)


# -- findings against the data ------------------------------------------------------------------------------


def test_answer_findings_are_apply_most_severe(bundled: policykit.Dataset, bundled_briefing: Briefing) -> None:
    answers = [finding for finding in bundled_briefing.findings if isinstance(finding, AnswerFinding)]
    assert [finding.jurisdiction for finding in answers] == list(BUNDLED_CODES)
    for finding in answers:
        expected = apply(bundled, finding.jurisdiction, bundled_briefing.case, BUNDLED_ON).most_severe
        assert finding.answer.most_severe == expected
        assert finding.rests_on == ((expected.version,) if expected is not None else ())
        if expected is not None:
            assert policykit.rendering.cite(bundled, expected.provision) in finding.sentence


def test_gap_finding_names_the_heaviest_and_lightest(bundled: policykit.Dataset, bundled_briefing: Briefing) -> None:
    (gap,) = [finding for finding in bundled_briefing.findings if isinstance(finding, GapFinding)]
    answers = {code: apply(bundled, code, bundled_briefing.case, BUNDLED_ON) for code in BUNDLED_CODES}
    weights = {code: _weight(answer) for code, answer in answers.items() if answer.status.value != "unknown"}
    assert all(weights[code] == max(weights.values()) for code in gap.heaviest)  # type: ignore[type-var]
    assert all(weights[code] == min(weights.values()) for code in gap.lightest)  # type: ignore[type-var]
    assert set(gap.heaviest).isdisjoint(gap.lightest)


def test_criminalisation_since_is_the_start_of_the_criminal_run(
    bundled: policykit.Dataset, bundled_briefing: Briefing
) -> None:
    found = [finding for finding in bundled_briefing.findings if isinstance(finding, CriminalisationFinding)]
    assert {finding.conduct for finding in found} == {"possession_viewing", "deepfake_distribution"}
    for finding in found:
        case = policykit.plain_case(bundled, finding.conduct)
        for item in finding.criminal:
            on_since = apply(bundled, item.jurisdiction, case, item.since).most_severe
            assert on_since is not None
            assert on_since.provision.liability is Liability.CRIMINAL
            assert on_since == item.first
            assert item.first.version in finding.rests_on
            if not item.since_data_begins:
                before = apply(bundled, item.jurisdiction, case, item.since - dt.timedelta(days=1)).most_severe
                assert before is None or before.provision.liability is not Liability.CRIMINAL
        for code, status in finding.other:
            assert apply(bundled, code, case, BUNDLED_ON).status is status


def test_event_findings_list_the_changes_within_two_years(
    bundled: policykit.Dataset, bundled_briefing: Briefing
) -> None:
    found = [finding for finding in bundled_briefing.findings if isinstance(finding, EventFinding)]
    assert {finding.event.id for finding in found} == {
        event.id for event in bundled.events.values() if event.started_on <= BUNDLED_ON
    }
    for finding in found:
        expected = policykit.timeline(
            bundled,
            finding.event.jurisdiction,
            [bundled_briefing.case.conduct],
            finding.event.started_on,
            finding.window_end,
        )
        assert [change for change in expected if change.kind.value != "first_coded"] == list(finding.changes)
        assert (finding.window_end - finding.event.started_on).days <= 2 * 366


def test_case_bars_are_the_answers(bundled_briefing: Briefing) -> None:
    for bar, finding in zip(bundled_briefing.bars, bundled_briefing.findings, strict=False):
        assert isinstance(finding, AnswerFinding)
        penalty = finding.answer.most_severe.penalty if finding.answer.most_severe else None
        if bar.point.kind is PointKind.DETENTION:
            assert penalty is not None
            assert penalty.administrative_detention is not None
            assert bar.point.days == penalty.administrative_detention.max.days  # type: ignore[union-attr]
        if bar.point.kind is PointKind.IMPRISONMENT:
            assert penalty is not None
            assert penalty.imprisonment is not None
            assert bar.point.months == float(penalty.imprisonment.max.months)  # type: ignore[union-attr]


# -- references ---------------------------------------------------------------------------------------------


def test_every_reference_number_resolves_and_is_used(bundled: policykit.Dataset, bundled_briefing: Briefing) -> None:
    text = render_briefing(bundled, bundled_briefing, "md")
    body, _, references = text.partition("## References")
    cited = {int(number) for found in MARKS.findall(body) for number in found.split(", ")}
    numbers = [reference.number for reference in bundled_briefing.references]
    assert numbers == list(range(1, len(numbers) + 1))
    assert cited == set(numbers)
    assert [int(n) for n in re.findall(r"^\[(\d+)\] ", references, re.M)] == numbers


def test_official_texts_are_numbered_first(bundled_briefing: Briefing) -> None:
    ranks = [0 if ref.source is not None and ref.source.is_official else 1 for ref in bundled_briefing.references]
    assert ranks == sorted(ranks)


def test_html_reference_links_resolve(bundled: policykit.Dataset, bundled_briefing: Briefing) -> None:
    text = render_briefing(bundled, bundled_briefing, "html")
    targets = set(re.findall(r'href="#(ref-\d+)"', text))
    anchors = set(re.findall(r'id="(ref-\d+)"', text))
    assert targets
    assert targets <= anchors
    for needed in ('<html lang="en">', '<meta charset="utf-8">', "<title>", "@media print"):
        assert needed in text


# -- golden outputs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr", "zh", "ko"])
def test_markdown_golden(minimal: policykit.Dataset, lang: str, file_regression: FileRegressionFixture) -> None:
    file_regression.check(render_briefing(minimal, _minimal_briefing(minimal, lang), "md"), extension=".md")


def test_html_golden(minimal: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    # Without the charts: their SVG depends on matplotlib's version (their determinism is tested below).
    file_regression.check(render_briefing(minimal, _minimal_briefing(minimal), "html"), extension=".html")


def test_french_typography(minimal: policykit.Dataset) -> None:
    text = render_briefing(minimal, _minimal_briefing(minimal, "fr"), "md")
    assert "1er novembre 2026" in text.replace("\u00a0", " ")
    assert re.search(r"[^\u00a0\u202f]: ", text.split("## Références")[0].replace("](", "")) is None
    assert "45\u202f000\u00a0€" in text


@pytest.mark.parametrize(
    ("lang", "tag", "font"), [("zh", "zh-Hans", "Noto Sans CJK SC"), ("ko", "ko", "Noto Sans CJK KR")]
)
def test_html_in_chinese_and_korean_marks_data_in_other_languages(
    bundled: policykit.Dataset, lang: str, tag: str, font: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        briefing = build(bundled, ["CN", "KR", "FR"], "maskpark", BUNDLED_ON, lang)
    text = render_briefing(bundled, briefing, "html")
    assert f'<html lang="{tag}">' in text
    assert re.search(rf':lang\({lang}\) {{ font-family: "{font}"', text)  # Noto CJK first for the page's language
    names = dict(briefing.jurisdiction_names)
    # A name in the page's language is plain; one that falls back to English is marked as English.
    own, other = ("CN", "KR") if lang == "zh" else ("KR", "CN")
    assert names[own] == bundled.jurisdictions[own].name.original
    assert f'<th scope="col">{names[own]}</th>' in text
    assert f'<th scope="col"><span lang="en">{names[other]}</span></th>' in text
    assert f'<th scope="row"><span lang="en">{briefing.table_rows[0].label}</span></th>' in text


@pytest.mark.parametrize("family", ["Noto Sans CJK SC", "Noto Sans CJK KR"])
def test_the_cjk_fonts_the_styles_name_are_installed(family: str) -> None:
    """The HTML's styles name Noto CJK first for Chinese and Korean text: on a machine with fonts-noto-cjk that name
    resolves to that font (a misspelt family would silently fall back to boxes or another face)."""
    import shutil

    fc_match = shutil.which("fc-match")
    if fc_match is None:
        pytest.skip("no fc-match (fontconfig) on PATH: the fonts were not looked up")
    found = subprocess.run([fc_match, "-f", "%{family}", family], capture_output=True, text=True, check=True).stdout
    if "CJK" not in found:
        pytest.skip(f"{family} is not installed (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    assert family in found.split(",")


def test_html_escapes_the_data(tmp_path: Path) -> None:
    hostile = policykit.load(Path(__file__).parent / "data" / "hostile")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        briefing = build(hostile, None, policykit.make_case(hostile, "covert_filming"), ON)
    text = render_briefing(hostile, briefing, "html")
    assert "<script" not in text.lower()
    assert 'href="javascript:' not in text.lower()


# -- charts -------------------------------------------------------------------------------------------------

_SVG_SCRIPT = """
import sys, warnings
warnings.simplefilter("ignore")
import policykit
from policykit.briefing import build
from policykit.briefing_output import charts
data = policykit.load()
sys.stdout.write("".join(chart.svg for chart in charts(build(data, None, "maskpark", "2026-11-21"))))
"""


def test_svg_is_the_same_across_runs() -> None:
    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _SVG_SCRIPT], capture_output=True, check=True, env=environment, cwd=ROOT
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"<svg") == 2
    assert b"<dc:date>" not in outputs[0]


def test_charts_are_inline_in_html(minimal: policykit.Dataset) -> None:
    briefing = _minimal_briefing(minimal)
    text = render_briefing(minimal, briefing, "html", charts(briefing))
    assert text.count("<svg") == 2


# -- catalogs -----------------------------------------------------------------------------------------------


_Key = tuple[str | None, str]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _entry(message: Any) -> tuple[_Key, tuple[str, ...]]:
    plural = isinstance(message.id, (tuple, list))
    key = (message.context, str(message.id[0] if plural else message.id))
    return key, tuple(message.string) if plural else (str(message.string),)


def _messages(path: Path) -> dict[_Key, tuple[str, ...]]:
    """A catalog's messages by (context, id; the singular for plurals), with every form of their translation."""
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return dict(_entry(message) for message in read_po(handle) if message.id)


def test_every_language_has_a_catalog() -> None:
    from policykit._gettext import CATALOGS, LANGUAGES

    assert set(LANGUAGES) == {"en", "fr", "zh", "ko"}
    shipped = {path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/policykit.po")}
    assert shipped == set(CATALOGS.values())


@pytest.mark.parametrize("catalog", sorted(LOCALE.glob("*/LC_MESSAGES/policykit.po")), ids=lambda path: path.parts[-3])
def test_every_message_is_translated(catalog: Path) -> None:
    template = _messages(LOCALE / "policykit.pot")
    messages = _messages(catalog)
    missing = [key for key in template if not messages.get(key) or not all(messages[key])]
    assert not missing, f"{catalog}: untranslated {missing}"
    assert set(messages) == set(template), f"{catalog}: run python scripts/catalogs.py"


@pytest.mark.parametrize("catalog", sorted(LOCALE.glob("*/LC_MESSAGES/policykit.po")), ids=lambda path: path.parts[-3])
def test_translations_use_only_the_placeholders_they_are_given(catalog: Path) -> None:
    """A translation may reorder placeholders, never invent one (`{nmae}` would fail at run time); a range's
    translation may name the minimum with its unit (`{min}`) where English leaves the unit to the maximum."""
    for (_context, message), forms in _messages(catalog).items():
        given = set(_PLACEHOLDER.findall(message)) | ({"min"} if "{min_number}" in message else set())
        for form in forms:
            assert set(_PLACEHOLDER.findall(form)) <= given, f"{catalog}: {message!r} -> {form!r}"


@pytest.mark.parametrize("lang", ["fr", "zh", "ko"])
def test_date_patterns_format(lang: str) -> None:
    from policykit.model import DatePrecision
    from policykit.rendering import format_day

    for day in (dt.date(2026, 1, 1), dt.date(2026, 11, 21)):
        for precision in DatePrecision:
            text = format_day(day, lang, precision)
            assert "2026" in text, (lang, precision, text)
            assert not re.search("[yMdL]{2}", text), (lang, precision, text)


def test_compiled_catalogs_match_their_sources() -> None:
    from babel.messages.mofile import read_mo

    for catalog in sorted(LOCALE.glob("*/LC_MESSAGES/policykit.po")):
        with catalog.with_suffix(".mo").open("rb") as handle:
            compiled = dict(_entry(message) for message in read_mo(handle) if message.id)
        assert compiled == _messages(catalog), f"{catalog}: run python scripts/catalogs.py"


def test_the_template_has_every_message_of_the_sources(tmp_path: Path) -> None:
    from babel.messages.frontend import CommandLineInterface

    output = tmp_path / "policykit.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "NP_:1c,2",
            "-o",
            str(output),
            "--no-location",
            str(ROOT),
        ]
    )
    assert set(_messages(output)) == set(_messages(LOCALE / "policykit.pot")), "run python scripts/catalogs.py"


# -- the command line ---------------------------------------------------------------------------------------


def test_cli_writes_markdown_and_its_charts(tmp_path: Path) -> None:
    output = tmp_path / "note.md"
    status = main(
        ["brief", "--data", str(MINIMAL), "--case", "covert_filming", "--as-of", "2026-11-01", "--output", str(output)]
    )
    assert status == 0
    text = output.read_text(encoding="utf-8")
    assert "](note-over-time.svg)" in text
    assert (tmp_path / "note-over-time.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert (tmp_path / "note-maxima.svg").is_file()


def test_cli_html_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "brief",
            "--data",
            str(MINIMAL),
            "--case",
            "covert_filming",
            "--as-of",
            "2026-11-01",
            "--lang",
            "fr",
            "--format",
            "html",
        ]
    )
    assert status == 0
    text = capsys.readouterr().out
    assert '<html lang="fr">' in text
    assert "Principaux constats" in text
    assert text.count("<svg") == 2


def test_cli_template_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "briefing.md.j2").write_text("{{ briefing.title }} / {{ briefing.findings | length }}\n")
    status = main(
        [
            "brief",
            "--data",
            str(MINIMAL),
            "--case",
            "covert_filming",
            "--as-of",
            "2026-11-01",
            "--template",
            str(tmp_path),
        ]
    )
    assert status == 0
    assert capsys.readouterr().out == "Briefing: Covert filming / 3\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--case", "nope"], "unknown case 'nope'"),
        (["--case", "maskpark", "--fact", "online"], "--fact adds to a conduct's plain case"),
        (["--case", "maskpark", "--template", "/nonexistent"], "no briefing.md.j2"),
    ],
)
def test_cli_refuses_bad_arguments(arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", "--data", str(MINIMAL), *arguments])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_docstring_examples() -> None:
    import doctest

    from policykit import _gettext, briefing, briefing_output

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        for module in (briefing, briefing_output, _gettext):
            result = doctest.testmod(module, raise_on_error=False, verbose=False)
            assert result.failed == 0, module.__name__


_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def test_html_opens_in_headless_chromium(minimal: policykit.Dataset, tmp_path: Path) -> None:
    import shutil

    browser = next((found for name in _BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        pytest.skip(f"no headless Chromium on PATH (looked for {', '.join(_BROWSERS)}): the HTML was not opened")
    briefing = _minimal_briefing(minimal, "fr")
    page = tmp_path / "briefing.html"
    page.write_text(render_briefing(minimal, briefing, "html", charts(briefing)), encoding="utf-8")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Principaux constats" in result.stdout
    assert 'id="ref-1"' in result.stdout
    assert result.stdout.count("<svg") == 2
