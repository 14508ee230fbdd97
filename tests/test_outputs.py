"""Comparison formats, the tidy export, timelines and diffs: golden outputs, escaping and determinism."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_regressions.file_regression import FileRegressionFixture

import policykit
from policykit.export import COLUMNS, export_records, export_schema, to_csv, to_json
from policykit.history import ChangeKind, diff, timeline
from policykit.reports import render_comparison, render_diff, render_timeline
from policykit.tables import FORMATS, Table, escape_markdown, render

from .conftest import BUNDLED_CODES, DATA

D = dt.date
AS_OF = D(2026, 11, 21)
HOSTILE = DATA / "hostile"
EXTENSIONS = {"github": "md", "pipe": "md", "grid": "txt", "simple": "txt", "rst": "rst", "html": "html",
              "latex": "tex", "csv": "csv", "tsv": "tsv", "json": "json"}  # fmt: skip


@pytest.fixture(scope="module")
def hostile() -> policykit.Dataset:
    return policykit.load(HOSTILE)


# -- golden outputs on the bundled data --------------------------------------------------------------------


# Formats are pinned on the small fixture data, so that a data edit does not rewrite a dozen golden files; the
# bundled data has one snapshot per output (its full comparison, each timeline, a diff, the export).


@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_golden(minimal: policykit.Dataset, fmt: str, file_regression: FileRegressionFixture) -> None:
    table = policykit.compare(minimal, on=D(2016, 1, 1), tiers=policykit.TierMode.ALL)
    file_regression.check(render_comparison(minimal, table, fmt), extension=f".{EXTENSIONS[fmt]}")


def test_compare_all_tiers_transposed_french_golden(
    minimal: policykit.Dataset, file_regression: FileRegressionFixture
) -> None:
    table = policykit.compare(
        minimal,
        conducts=["covert_filming", "distribution_covert"],
        on=D(2016, 1, 1),
        tiers=policykit.TierMode.ALL,
        facts=["online"],
    )
    file_regression.check(render_comparison(minimal, table, "github", "fr", transpose=True), extension=".md")


def test_bundled_comparison_snapshot(bundled: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    """The bundled data's whole comparison: one file that shows every cell a data edit changes."""
    table = policykit.compare(bundled, on=AS_OF)
    file_regression.check(render_comparison(bundled, table, "github"), extension=".md")


@pytest.mark.parametrize("code", BUNDLED_CODES)
def test_timeline_golden(bundled: policykit.Dataset, code: str, file_regression: FileRegressionFixture) -> None:
    file_regression.check(render_timeline(bundled, code, timeline(bundled, code)), extension=".md")


def test_timeline_with_events_golden_french(bundled: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    changes = timeline(bundled, "KR", ["possession_viewing", "coercion_with_images"])
    text = render_timeline(bundled, "KR", changes, "github", "fr", policykit.events_of(bundled, "KR"))
    file_regression.check(text, extension=".md")


def test_events_sit_before_the_changes_of_their_day(bundled: policykit.Dataset) -> None:
    changes = timeline(bundled, "KR")
    same_day = next(change.on for change in changes if change.provision_id == "kr/sca/art_14__para_4")
    event = policykit.Event(
        id="kr/event/test",
        jurisdiction="KR",
        name=policykit.model.Names(en="Test <event> | one"),
        started_on=same_day,
        ended_on=None,
        summary="",
        facts=(),
        responses=(),
    )
    rows = render_timeline(bundled, "KR", changes, "csv", events=[event]).splitlines()[1:]
    days = [row.split(",", 1)[0] for row in rows]
    assert days == sorted(days)
    first_of_day = next(row for row in rows if row.startswith(same_day.isoformat()))
    assert "kr/event/test" in first_of_day
    assert "Test <event> | one" in first_of_day
    assert len(rows) == len(changes) + 1


def test_timeline_json_lists_events_only_when_asked(bundled: policykit.Dataset) -> None:
    changes = timeline(bundled, "CN")
    plain = json.loads(render_timeline(bundled, "CN", changes, "json"))
    assert "events" not in plain
    with_events = json.loads(render_timeline(bundled, "CN", changes, "json", events=policykit.events_of(bundled, "CN")))
    assert with_events["changes"] == plain["changes"]
    (event,) = with_events["events"]
    assert event["id"] == "cn/event/maskpark-2025"
    assert event["started_on"] == "2025-07-01"
    assert {"label", "value", "sources"} <= event["facts"][0].keys()


def test_diff_golden_korea_nth_room(bundled: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    found = diff(bundled, "KR", D(2018, 1, 1), D(2021, 1, 1))
    file_regression.check(render_diff(bundled, found), extension=".md")


def test_diff_golden_china_2026(bundled: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    found = diff(bundled, "CN", D(2025, 6, 1), D(2026, 6, 1))
    file_regression.check(render_diff(bundled, found, "json"), extension=".json")


def test_export_csv_golden(bundled: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    file_regression.check(to_csv(export_records(bundled)), extension=".csv")


def test_export_json_golden(minimal: policykit.Dataset, file_regression: FileRegressionFixture) -> None:
    file_regression.check(to_json(minimal, export_records(minimal)), extension=".json")


# -- behaviour -------------------------------------------------------------------------------------------------


def test_china_renumbering_shows_in_the_diff_with_its_penalty_change(bundled: policykit.Dataset) -> None:
    found = diff(bundled, "CN", D(2025, 6, 1), D(2026, 6, 1))
    (change,) = [c for c in found.changes if c.related == "cn/psapl-2005/art_42__item_6"]
    assert change.kind is ChangeKind.RENUMBERED
    assert change.provision_id == "cn/psapl-2025/art_50__item_6"
    assert change.penalty_change is ChangeKind.RAISED  # the fine ceiling rose from 500 to 1,000 yuan
    assert all(c.provision_id != "cn/psapl-2005/art_42__item_6" for c in found.changes if c.kind is ChangeKind.REPEALED)
    text = render_diff(bundled, found)
    assert "renumbered: cn/psapl-2005/art_42__item_6 → cn/psapl-2025/art_50__item_6; penalty raised:" in text


def test_korea_diff_lists_every_act_between_the_dates(bundled: policykit.Dataset) -> None:
    found = diff(bundled, "KR", D(2018, 1, 1), D(2021, 1, 1))
    steps = [
        (c.on, c.kind, c.act.reference if c.act else None)
        for c in found.changes
        if c.provision_id == "kr/sca/art_14__para_1"
    ]
    assert steps == [
        (D(2018, 12, 18), ChangeKind.RAISED, "Act No. 15977"),
        (D(2020, 5, 19), ChangeKind.RAISED, "Act No. 17264"),
    ]
    fines = [c.after.penalty.fine.max for c in found.changes if c.provision_id == "kr/sca/art_14__para_1"]  # type: ignore[union-attr]
    assert fines == [30_000_000, 50_000_000]
    kinds = {c.provision_id: c.kind for c in found.changes}
    assert kinds["kr/sca/art_14__para_4"] is ChangeKind.ENACTED
    assert all(D(2018, 1, 1) < c.on <= D(2021, 1, 1) for c in found.changes)


def test_no_change_between_equal_dates(bundled: policykit.Dataset) -> None:
    assert diff(bundled, "FR", D(2020, 1, 1), D(2020, 1, 1)).changes == ()


def test_every_compare_cell_says_what_applies_or_why_nothing_does(bundled: policykit.Dataset) -> None:
    """Never a blank cell: a provision in force on the date that covers the conduct, or a coverage statement."""
    for year in range(2010, 2027):
        on = D(year, 6, 1)
        table = policykit.compare(bundled, on=on, tiers=policykit.TierMode.ALL)
        for row in table.rows:
            for cell in row.cells:
                answer = cell.answer
                for found in answer.applicable:
                    assert found.version.in_force_on(on), found.version.id
                    assert row.conduct in found.version.conducts, found.version.id
                    assert set(found.version.applies_only_when) <= set(row.case.facts) | {
                        f for f in found.version.applies_only_when if found.thresholds_met
                    }, found.version.id
                if not answer.applicable:
                    where = (row.conduct, row.added_fact, cell.jurisdiction, year)
                    assert answer.status.value in ("not_covered", "unknown"), where
                    # Why: the data's coverage statement, or a provision that cannot tell (an attempt not coded).
                    assert answer.statement is not None or answer.undecided, where


def test_export_columns_are_the_interface(bundled: policykit.Dataset) -> None:
    assert COLUMNS[:22] == (
        "jurisdiction", "provision_id", "instrument", "article", "conducts", "liability", "tier", "in_force_from",
        "in_force_to", "amended_by", "imprisonment_min_months", "imprisonment_max_months", "life_imprisonment",
        "detention_max_days", "fine_min", "fine_max", "fine_unspecified", "currency", "combination", "status",
        "verified_on", "source_urls",
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(to_csv(export_records(bundled, jurisdictions=["KR"])))))
    (row,) = [r for r in rows if r["version_id"] == "kr/sca/art_14__para_1@2025-06-21" and r["tier"] == "base"]
    assert row["article"] == "14(1)"
    assert row["imprisonment_max_months"] == "84"
    assert row["fine_max"] == "50000000"
    assert row["currency"] == "KRW"
    assert row["combination"] == "either"
    assert row["in_force_to"] == ""
    assert row["life_imprisonment"] == "false"
    assert {r["tier"] for r in rows if r["provision_id"] == "kr/sca/art_14__para_1"} >= {"base", "attempt"}


def test_export_json_matches_its_schema(bundled: policykit.Dataset) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(to_json(bundled, export_records(bundled)))
    jsonschema.validate(document, export_schema())
    assert "generated_at" not in document["metadata"]
    stamped = json.loads(to_json(bundled, [], generated_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)))
    assert stamped["metadata"]["generated_at"] == "2026-01-01T00:00:00+00:00"


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    """The same outputs from fresh processes with other hash seeds and folders listed in another order."""
    script = textwrap.dedent("""
        import datetime, json, pathlib, sys
        if sys.argv[1] == "reversed":  # a file system that lists folders in another order
            listed = pathlib.Path.iterdir
            pathlib.Path.iterdir = lambda self: iter(sorted(listed(self), reverse=True))
        import policykit
        from policykit.export import export_records, to_csv
        from policykit.history import timeline
        from policykit.reports import render_comparison, render_timeline
        from policykit.tables import FORMATS
        data = policykit.load()
        table = policykit.compare(data, on=datetime.date(2026, 11, 21))
        outputs = {fmt: render_comparison(data, table, fmt) for fmt in FORMATS}
        outputs["export"] = to_csv(export_records(data))
        outputs.update({code: render_timeline(data, code, timeline(data, code)) for code in data.jurisdictions})
        sys.stdout.write(json.dumps(outputs))
    """)
    package_parent = str(Path(policykit.__file__).parent.parent)  # the policykit these tests import

    def outputs(seed: str, order: str) -> dict[str, str]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": package_parent}
        result = subprocess.run(
            [sys.executable, "-c", script, order],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        found: dict[str, str] = json.loads(result.stdout)
        return found

    first = outputs("0", "sorted")
    assert set(first) >= {*FORMATS, "export", "KR"}
    for seed, order in [("1", "reversed"), ("4242", "sorted")]:
        again = outputs(seed, order)
        for name, text in first.items():
            assert again[name] == text, (name, seed, order)


# -- escaping of hostile strings --------------------------------------------------------------------------------


def _hostile_output(hostile: policykit.Dataset, fmt: str, on: dt.date) -> str:
    return render_comparison(hostile, policykit.compare(hostile, conducts=["covert_filming"], on=on), fmt)


@pytest.mark.parametrize("on", [D(2011, 1, 1), D(2013, 1, 1)])  # a statement's reason; a provision's sources
def test_markdown_escapes_pipes_html_and_newlines(hostile: policykit.Dataset, on: dt.date) -> None:
    text = _hostile_output(hostile, "github", on)
    assert "<script>" not in text
    assert "<b>" not in text
    table_lines = [line for line in text.splitlines() if line.startswith("|")]
    for line in table_lines:
        assert len(re.findall(r"(?<!\\)\|", line)) == 3, line  # two columns: three unescaped pipes


def test_html_escapes(hostile: policykit.Dataset) -> None:
    text = _hostile_output(hostile, "html", D(2013, 1, 1))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "<b>" not in text


def test_latex_escapes(hostile: policykit.Dataset) -> None:
    text = _hostile_output(hostile, "latex", D(2013, 1, 1))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("%"))
    assert re.search(r"(?<!\\)%", body) is None
    rows = [line for line in body.splitlines() if line.rstrip().endswith("\\\\")]
    assert len(rows) == 2  # the header and the one conduct
    for line in body.splitlines():
        # Two columns: one unescaped & per table row, the column separator; none anywhere else.
        assert len(re.findall(r"(?<!\\)&", line)) == (1 if line in rows else 0), line
    assert body.count("\\&") >= 3  # the conduct's name, the abbreviation and the publisher keep their &
    assert "\\textbackslash{}" in body
    assert "\\$x\\$" in body


def test_rst_escapes(hostile: policykit.Dataset) -> None:
    text = _hostile_output(hostile, "rst", D(2013, 1, 1))
    assert "P\\|A" in text
    assert "\\\\co\\_" in text


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_delimited_outputs_defuse_formulas(hostile: policykit.Dataset, fmt: str) -> None:
    text = _hostile_output(hostile, fmt, D(2013, 1, 1))
    rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    assert rows[1][0].startswith("'=1+1")
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_json_keeps_hostile_strings_intact(hostile: policykit.Dataset) -> None:
    document = json.loads(_hostile_output(hostile, "json", D(2013, 1, 1)))
    (cell,) = document["rows"][0]["cells"]
    assert cell["sources"][0]["title"] == "=cmd|' /C calc'!A0"


# -- the command line and the examples --------------------------------------------------------------------------

SCRIPT = Path(sys.executable).parent / "policykit"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False, cwd=cwd)


def test_cli_export_schema_timeline_diff(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    assert _run(str(SCRIPT), "export", "--format", "json", "--output", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["metadata"]["columns"] == list(COLUMNS)
    schema = _run(str(SCRIPT), "schema", "export")
    assert json.loads(schema.stdout)["title"] == "policykit tidy export"
    result = _run(str(SCRIPT), "timeline", "KR", "--conduct", "possession_viewing")
    assert result.returncode == 0
    assert "kr/sca/art_14__para_4" in result.stdout
    assert "kr/event/nth-room" not in result.stdout
    result = _run(str(SCRIPT), "timeline", "KR", "--events", "--format", "json")
    assert [event["id"] for event in json.loads(result.stdout)["events"]] == ["kr/event/nth-room"]
    result = _run(str(SCRIPT), "diff", "KR", "--from", "2018-01-01", "--to", "2021-01-01", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.startswith("Date,Provision,Article,Act,Change\n")
    bad = _run(str(SCRIPT), "diff", "KR", "--from", "2021-01-01", "--to", "2018-01-01")
    assert bad.returncode == 2
    assert "is before --from" in bad.stderr


@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.glob("*.py")))
def test_examples_run(example: str, tmp_path: Path) -> None:
    result = _run(sys.executable, str(EXAMPLES / example), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout
    assert "Traceback" not in result.stderr


# -- one source of truth for a penalty's fields ------------------------------------------------------------------


def test_every_penalty_field_reaches_the_export_its_schema_and_the_writer() -> None:
    from fractions import Fraction

    import attrs

    from policykit._penalty_fields import PENALTY_COLUMNS, penalty_yaml
    from policykit.model import Combination, Fine, Penalty, SummaryPenalty, Term, TermRange, Trial, Unit

    schema_columns = export_schema()["properties"]["records"]["items"]["properties"]
    assert set(PENALTY_COLUMNS) <= set(COLUMNS)
    assert set(PENALTY_COLUMNS) <= set(schema_columns)
    full = Penalty(
        imprisonment=TermRange(Term(1, Unit.YEARS), Term(3, Unit.YEARS)),
        life_imprisonment=True,
        criminal_detention=True,
        public_surveillance=True,
        administrative_detention=TermRange(Term(5, Unit.DAYS), Term(10, Unit.DAYS)),
        warning=True,
        fine=Fine("EUR", 10, 20, False),
        combination=Combination.EITHER,
        increase=Fraction(1, 2),
        trial=Trial.EITHER_WAY,
        summary=SummaryPenalty(TermRange(max=Term(2, Unit.YEARS, less_a_day=True)), Fine("EUR", max=5000)),
    )
    # A penalty with every field set writes every field (so the loader reads it back: see the round trips).
    assert set(penalty_yaml(full)) == {field.name for field in attrs.fields(Penalty)}


def test_a_penalty_field_without_columns_or_form_fails_loudly() -> None:
    import attrs

    from policykit._penalty_fields import declared_fields

    @attrs.frozen
    class NoColumns:
        community_service: bool = False

    @attrs.frozen
    class UnknownType:
        community_service: complex = attrs.field(default=0j, metadata={"columns": ("community_service",)})

    with pytest.raises(TypeError, match="declares no export columns"):
        declared_fields(NoColumns)
    with pytest.raises(TypeError, match="no export, schema or YAML form"):
        declared_fields(UnknownType)


# -- text that acts: links, images, directives, terminal control sequences -------------------------------------

#: A `]` that would close a Markdown link or image text, a reference link or a reference definition.
_LIVE_LINK = re.compile(r"(?<!\\)\](?=[(\[:])")


@pytest.mark.parametrize("fmt", ["github", "pipe"])
@pytest.mark.parametrize("on", [D(2011, 1, 1), D(2013, 1, 1)])  # a statement's reason; a source's pinpoint
def test_markdown_prints_links_and_images_as_text(hostile: policykit.Dataset, fmt: str, on: dt.date) -> None:
    text = _hostile_output(hostile, fmt, on)
    assert "javascript:alert(1)" in text  # shown, as text
    assert _LIVE_LINK.search(text) is None, text


_ACTING = "\x1b]0;owned\x07 \x1b[2J \x9b31m \x7f \ud800"
_HOSTILE_TABLE = Table(
    headers=("Conduct", f"X{_ACTING}"),
    rows=((f".. raw:: html {_ACTING}", f"[a](javascript:x) ![b](https://t.example/p.png) {_ACTING}"),),
    notes=(f".. include:: /etc/passwd {_ACTING}", "[r]: javascript:alert(3)"),
    footnotes=(f"Source {_ACTING}",),
)


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt != "json"])
def test_no_format_passes_a_terminal_control_sequence(fmt: str) -> None:
    text = render(_HOSTILE_TABLE, fmt)
    assert re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text) is None, repr(text)
    assert "u001b]0;owned" in text  # written out (its backslash escaped as the format needs): the text is shown


@pytest.mark.parametrize("fmt", ["github", "pipe"])
def test_markdown_table_has_no_live_link(fmt: str) -> None:
    text = render(_HOSTILE_TABLE, fmt)
    assert _LIVE_LINK.search(text) is None, text
    assert "[r\\]: javascript:alert(3)" in text  # a note cannot define a link reference either


def test_rst_starts_no_directive() -> None:
    text = render(_HOSTILE_TABLE, "rst")
    for line in text.splitlines():
        assert not line.lstrip().startswith(".."), line
    assert "\\.. raw:: html" in text


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(
        st.lists(
            st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), max_size=12),
            min_size=2,
            max_size=2,
        ),
        max_size=4,
    ),
    headers=st.lists(st.text(alphabet="abc XYZ", max_size=8), min_size=2, max_size=2),
    fmt=st.sampled_from(["github", "pipe"]),
)
def test_markdown_tables_are_laid_out_as_tabulate_lays_them_out(
    cells: list[list[str]], headers: list[str], fmt: str
) -> None:
    """GitHub and pipe tables are laid out without tabulate (importing it is slow); the layout is tabulate's."""
    import tabulate

    table = Table(tuple(headers), tuple(tuple(row) for row in cells))
    ours = render(table, fmt)
    escaped_headers = [escape_markdown(header) for header in headers]
    escaped_rows = [[escape_markdown(cell) for cell in row] for row in cells]
    theirs = tabulate.tabulate(escaped_rows, headers=escaped_headers, tablefmt=fmt, disable_numparse=True)
    assert ours == theirs + "\n"
