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


def test_each_cited_version_cites_its_first_official_text(
    bundled: policykit.Dataset, bundled_briefing: Briefing
) -> None:
    """The reference rule: one source per provision version, its first official text (else official translation,
    else secondary); the data's other sources are left to the export the briefing names."""
    from policykit.briefing import cited_sources
    from policykit.model import SourceKind

    cited = {reference.source for reference in bundled_briefing.references if reference.source is not None}
    for version in {version for finding in bundled_briefing.findings for version in finding.rests_on}:
        chosen = cited_sources(version.sources)
        assert len(chosen) == 1
        assert chosen[0] in cited
        kinds = [source.kind for source in version.sources]
        if SourceKind.OFFICIAL_TEXT in kinds:
            assert chosen[0] == version.sources[kinds.index(SourceKind.OFFICIAL_TEXT)]
    assert len(bundled_briefing.references) < sum(
        len(version.sources) for provision in bundled.provisions.values() for version in provision.versions
    )
    assert bundled_briefing.sources_command.startswith("policykit export records --jurisdiction ")


def test_the_sources_command_lists_a_source_the_briefing_leaves_out(
    bundled: policykit.Dataset, french_briefing: Briefing, capsys: pytest.CaptureFixture[str]
) -> None:
    cited = {reference.source.url for reference in french_briefing.references if reference.source is not None}
    left_out = {
        source.url for finding in french_briefing.findings for version in finding.rests_on for source in version.sources
    } - cited
    assert left_out  # the rule leaves sources out, and the command finds them
    assert main(french_briefing.sources_command.split()[1:]) == 0
    exported = capsys.readouterr().out
    assert all(url in exported for url in left_out)


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
    # Vocabulary terms have Chinese and Korean labels: the case's conduct is named in the page's language, unmarked.
    conduct = bundled.conducts[bundled.cases["maskpark"].conduct]
    assert briefing.table_rows[0].label == getattr(conduct, lang)
    assert f'<th scope="row">{briefing.table_rows[0].label}</th>' in text


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


# -- in a real browser ----------------------------------------------------------------------------------------

#: The briefing the issue asks for: China, Korea and France on the MaskPark case, in French.
FRENCH = ("CN", "KR", "FR")
FRENCH_ON = dt.date(2026, 11, 30)
_INTERNAL_LINKS = """
[...document.querySelectorAll('a[href^="#"]')]
    .map(a => a.getAttribute('href'))
    .filter(href => !document.getElementById(decodeURIComponent(href.slice(1))))
"""


def _page_count(pdf: bytes) -> int:
    """Pages of a PDF, by pdfinfo (poppler-utils) when installed, else by counting its page objects."""
    import shutil

    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        result = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True)
        return int(re.search(rb"^Pages:\s+(\d+)", result.stdout, re.M)[1])  # type: ignore[index]
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.fixture(scope="module")
def french_briefing(bundled: policykit.Dataset) -> Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        return build(bundled, FRENCH, "maskpark", FRENCH_ON, "fr")


def test_html_in_headless_chromium(bundled: policykit.Dataset, french_briefing: Briefing, tmp_path: Path) -> None:
    """The French briefing opens with no console error, every internal link has its target, and Chromium prints it
    on at most four A4 pages."""
    from tests.browser import BROWSERS, Chromium, find_browser

    browser = find_browser()
    if browser is None:
        pytest.skip(
            f"no headless Chromium on PATH (looked for {', '.join(BROWSERS)}; Debian: apt-get install chromium, "
            "which .ci/run does): the HTML briefing was not opened in a browser"
        )
    page_file = tmp_path / "briefing.html"
    page_file.write_text(render_briefing(bundled, french_briefing, "html", charts(french_briefing)), encoding="utf-8")
    with Chromium(browser) as chromium:
        page = chromium.open(page_file.as_uri())
        assert page.console_errors == []
        assert chromium.evaluate(page, "document.documentElement.lang") == "fr"
        assert chromium.evaluate(page, "document.querySelectorAll('svg').length") == 2
        assert chromium.evaluate(page, "document.querySelectorAll('a[href^=\"#ref-\"]').length") > 0
        assert chromium.evaluate(page, _INTERNAL_LINKS) == []
        printed = chromium.print_a4(page)
    assert printed.startswith(b"%PDF-")
    assert 1 <= _page_count(printed) <= 4


# -- PDF ----------------------------------------------------------------------------------------------------


def _pdf_or_skip(dataset: policykit.Dataset, briefing: Briefing) -> bytes:
    from policykit.briefing_output import PdfUnavailableError, render_pdf

    try:
        return render_pdf(dataset, briefing, charts(briefing))
    except PdfUnavailableError as error:
        pytest.skip(f"the PDF was not made: {error}")


def _pdftotext(pdf: bytes, *options: str) -> str:
    import shutil

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("no pdftotext on PATH (Debian: apt-get install poppler-utils, which .ci/run does)")
    result = subprocess.run([pdftotext, *options, "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def french_pdf(bundled: policykit.Dataset, french_briefing: Briefing) -> bytes:
    return _pdf_or_skip(bundled, french_briefing)


def test_french_pdf_is_two_to_four_a4_pages_with_every_script(french_briefing: Briefing, french_pdf: bytes) -> None:
    pdf = french_pdf
    assert pdf.startswith(b"%PDF-")
    assert 2 <= _page_count(pdf) <= 4
    text = _pdftotext(pdf)
    for heading in ("Principaux constats", "Comparaison", "Graphiques", "Chronologie", "Références"):
        assert heading in text
    # The reference titles in Chinese and Korean are laid out as text (fonts found), not dropped or boxed.
    titles = [ref.source.title for ref in french_briefing.references if ref.source is not None]
    for language in ("zh", "ko"):
        title = next(
            ref.source.title
            for ref in french_briefing.references
            if ref.source is not None and ref.source.language == language
        )
        assert title[:6] in text.replace("\n", ""), (language, title)
    assert titles
    # Charts are vector: their labels are text in the PDF, not pixels.
    assert "Peine maximale encourue pour le cas" in text
    # A4 portrait, every page.
    import shutil

    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        info = subprocess.run([pdfinfo, "-f", "1", "-l", "4", "-"], input=pdf, capture_output=True, check=True)
        sizes = re.findall(rb"size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
        assert sizes
        assert all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in sizes)


def test_every_reference_number_in_the_pdf_resolves(french_briefing: Briefing, french_pdf: bytes) -> None:
    pdf = french_pdf
    text = _pdftotext(pdf, "-raw").replace("\f", "\n")  # a form feed starts each page
    body, _, references = text.rpartition("Références")
    cited = {int(number) for found in MARKS.findall(body.replace("\n", " ")) for number in found.split(", ")}
    listed = {int(number) for number in re.findall(r"^\[(\d+)\] ", references, re.M)}
    numbers = {reference.number for reference in french_briefing.references}
    assert cited
    assert cited <= numbers
    assert listed == numbers


def test_cli_writes_a_pdf(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the pdf extra (WeasyPrint) is not installed")
    output = tmp_path / "note.pdf"
    status = main([*BRIEF_MINIMAL, "--lang", "fr", "--format", "pdf", "--output", str(output)])
    assert status == 0
    assert output.read_bytes().startswith(b"%PDF-")
    assert not list(tmp_path.glob("*.svg"))  # the charts are inside the PDF


def test_cli_pdf_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*BRIEF_MINIMAL, "--format", "pdf"])
    assert exit_info.value.code == 2
    assert "--format pdf writes a file: give it with --output FILE" in capsys.readouterr().err


def test_cli_pdf_without_the_extra_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "weasyprint" else real(name))
    with pytest.raises(SystemExit) as exit_info:
        main([*BRIEF_MINIMAL, "--format", "pdf", "--output", str(tmp_path / "note.pdf")])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert "pip install 'policykit[pdf]'" in error
    assert "libpango-1.0-0" in error
    assert not (tmp_path / "note.pdf").exists()


def test_cli_pdf_without_pango_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """WeasyPrint installed, but the system has no Pango: WeasyPrint's import raises OSError."""
    import builtins

    real_import = builtins.__import__

    def without_pango(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    pytest.importorskip("weasyprint", reason="the pdf extra (WeasyPrint) is not installed")
    monkeypatch.setattr(builtins, "__import__", without_pango)
    with pytest.raises(SystemExit) as exit_info:
        main([*BRIEF_MINIMAL, "--format", "pdf", "--output", str(tmp_path / "note.pdf")])
    assert exit_info.value.code == 2
    assert "cannot load library 'libpango-1.0-0'" in capsys.readouterr().err


# -- a standard ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def standard_briefing(bundled: policykit.Dataset) -> Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        return build(bundled, FRENCH, "maskpark", FRENCH_ON, "fr", standard="eu-2024-1385")


def test_standard_section_is_the_assessment(bundled: policykit.Dataset, standard_briefing: Briefing) -> None:
    from policykit.assessing import assess
    from policykit.standard_reports import requirement_label

    section = standard_briefing.assessment
    assert section is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        expected = assess(bundled, "eu-2024-1385", FRENCH, FRENCH_ON)
    assert section.table == expected
    assert section.headers[1:] == tuple(dict(standard_briefing.jurisdiction_names)[code] for code in FRENCH)
    verdicts = {"meets": "Satisfait", "falls_short": "Insuffisant", "partly": "En partie", "unknown": "Inconnu"}
    for row, assessed in zip(section.rows, expected.rows, strict=True):
        assert row.label.startswith(requirement_label(assessed.requirement, "fr").split(" ")[0])
        for cell, assessment in zip(row.cells, assessed.cells, strict=True):
            assert cell.text.startswith(verdicts[assessment.verdict.value])
    assert any("CN, KR" in note for note in section.notes)  # measured as if the directive applied


def test_standard_section_references_resolve(bundled: policykit.Dataset, standard_briefing: Briefing) -> None:
    text = render_briefing(bundled, standard_briefing, "md")
    assert "## Mesure à l'aune d'une norme" in text
    body, _, references = text.partition("## Références")
    cited = {int(number) for found in MARKS.findall(body) for number in found.split(", ")}
    numbers = [reference.number for reference in standard_briefing.references]
    assert numbers == list(range(1, len(numbers) + 1))
    assert cited == set(numbers)
    directive = standard_briefing.assessment.table.standard.requirements[0].sources[0]  # type: ignore[union-attr]
    assert directive.url in references
    html_text = render_briefing(bundled, standard_briefing, "html")
    assert set(re.findall(r'href="#(ref-\d+)"', html_text)) == {f"ref-{number}" for number in numbers}


def test_cli_standard_section(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        arguments = ["brief", "--jurisdiction", "FR", "--case", "maskpark", "--as-of", "2026-11-30"]
        status = main([*arguments, "--standard", "eu-2024-1385"])
    assert status == 0
    assert "## Measured against a standard" in capsys.readouterr().out


def test_cli_unknown_standard_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*BRIEF_MINIMAL, "--standard", "nope"])
    assert exit_info.value.code == 2
    assert "nope" in capsys.readouterr().err


def test_the_example_builds_the_readme_briefing(tmp_path: Path) -> None:
    """examples/briefing_maskpark.py and README's command make the same briefing (compared as HTML: the PDF is
    laid out from it)."""
    example = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "briefing_maskpark.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    folder = Path(re.search(r"written to (\S+)", example.stdout)[1])  # type: ignore[index]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)
        arguments = ["brief", "--jurisdiction", "CN", "--jurisdiction", "KR", "--jurisdiction", "FR"]
        arguments += ["--case", "maskpark", "--as-of", "2026-11-30", "--lang", "fr"]
        assert main([*arguments, "--format", "html", "--output", str(tmp_path / "note.html")]) == 0
    assert (folder / "note.html").read_text(encoding="utf-8") == (tmp_path / "note.html").read_text(encoding="utf-8")


def test_pdf_fetches_nothing(minimal: policykit.Dataset, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """An organisation's template that points at a local file or the network: the PDF is made without them."""
    from policykit.briefing_output import PdfUnavailableError, render_pdf

    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }", encoding="utf-8")
    (tmp_path / "briefing.html.j2").write_text(
        f'<html><head><link rel="stylesheet" href="{secret.as_uri()}"></head><body>'
        '<img src="https://example.org/logo.png"><h1>{{ briefing.title }}</h1></body></html>',
        encoding="utf-8",
    )
    try:
        pdf = render_pdf(minimal, _minimal_briefing(minimal), template_dir=tmp_path)
    except PdfUnavailableError as error:
        pytest.skip(f"the PDF was not made: {error}")
    assert "Briefing: Covert filming" in _pdftotext(pdf)
    fetched = " ".join(record.getMessage() for record in caplog.records)
    assert "secret.css" in fetched
    assert "logo.png" in fetched


def test_pdf_embeds_the_chinese_and_korean_noto_fonts(french_pdf: bytes) -> None:
    """Chinese titles in Noto Sans CJK SC, Korean ones in Noto Sans CJK KR (their `lang` picks the font)."""
    import shutil

    fc_list, pdffonts = shutil.which("fc-list"), shutil.which("pdffonts")
    if fc_list is None or pdffonts is None:
        pytest.skip("no fc-list or pdffonts on PATH (fontconfig, poppler-utils): the PDF's fonts were not checked")
    installed = subprocess.run([fc_list, ":family=Noto Sans CJK KR"], capture_output=True, text=True, check=False)
    if not installed.stdout.strip():
        pytest.skip("the Noto CJK fonts are not installed (Debian: apt-get install fonts-noto-cjk, which .ci/run does)")
    fonts = subprocess.run([pdffonts, "-"], input=french_pdf, capture_output=True, check=True).stdout.decode()
    assert "Noto-Sans-CJK-SC" in fonts
    assert "Noto-Sans-CJK-KR" in fonts
