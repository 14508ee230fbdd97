"""The researcher's interface (issue 12): the public API, the exports as pandas and a data-package validator read
them, honest labels, and the command-line options that go with them."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import attrs
import pytest

import policykit
from policykit.cli import main
from policykit.export import (
    CEILINGS,
    COLUMNS,
    COVERAGE_COLUMNS,
    EVENT_COLUMNS,
    EVENT_FACT_COLUMNS,
    coverage_records,
    event_fact_records,
    export_schema,
    imprisonment_ceiling,
)
from policykit.history import Aspect, ChangeKind, changed_aspects

from .conftest import BUNDLED_CODES, MINIMAL

ROOT = Path(__file__).parent.parent
DATE_COLUMNS = ["in_force_from", "in_force_to", "verified_on"]


# -- the public API --------------------------------------------------------------------------------------------


def test_every_public_name_is_importable_and_documented() -> None:
    for name in policykit.__all__:
        value = getattr(policykit, name)
        if callable(value) and not isinstance(value, type) and name != "DateLike":
            assert value.__doc__, f"policykit.{name} has no docstring"


def test_public_functions_take_every_kind_of_date(bundled: policykit.Dataset) -> None:
    pandas = pytest.importorskip("pandas")
    for on in (dt.date(2021, 1, 1), "2021-01-01", dt.datetime(2021, 1, 1, 12), pandas.Timestamp("2021-01-01")):
        case = policykit.plain_case(bundled, "covert_filming")
        assert policykit.apply(bundled, "KR", case, on).on == dt.date(2021, 1, 1)
        assert policykit.export_records(bundled, on, ["KR"])
        assert policykit.coverage_records(bundled, on, ["KR"]) is not None
        assert policykit.timeline(bundled, "KR", start=on, end=on) is not None
        assert policykit.diff(bundled, "KR", "2018-01-01", on).end == dt.date(2021, 1, 1)
    with pytest.raises(policykit.ArgumentTypeError, match="start: expected a date"):
        policykit.timeline(bundled, "KR", start="1 January 2021")
    with pytest.raises(policykit.ArgumentTypeError, match="end: 2018-01-01 is before start"):
        policykit.diff(bundled, "KR", "2021-01-01", "2018-01-01")


@pytest.mark.parametrize(
    "call",
    [
        lambda data: policykit.export_records(data, jurisdictions="KR"),
        lambda data: policykit.export_records(data, conducts="covert_filming"),
        lambda data: policykit.coverage_records(data, conducts="covert_filming"),
        lambda data: policykit.event_records(data, "KR"),
        lambda data: policykit.write_datapackage(data, "unused", jurisdictions="KR"),
        lambda data: policykit.timeline(data, "KR", "covert_filming"),
    ],
)
def test_a_bare_string_is_refused_where_several_ids_are_taken(
    bundled: policykit.Dataset, call: object, tmp_path: Path
) -> None:
    with pytest.raises(policykit.ArgumentTypeError, match="expected a list of ids"):
        call(bundled)  # type: ignore[operator]


# -- exports ---------------------------------------------------------------------------------------------------


def test_instrument_kind_and_the_ceiling_of_imprisonment(bundled: policykit.Dataset) -> None:
    records = policykit.export_records(bundled)
    kinds = {record["instrument_kind"] for record in records}
    assert {"statute", "code", "judicial_interpretation"} <= kinds
    for record in records:
        ceiling = record["imprisonment_ceiling"]
        assert ceiling in CEILINGS
        # An empty maximum is never silently "no imprisonment": the ceiling says which it is.
        if record["imprisonment_max_months"] is None and record["imprisonment_min_months"] is not None:
            assert ceiling in ("open", "life"), record["version_id"]
        if record["life_imprisonment"]:
            assert ceiling == "life"
    (life,) = [r for r in records if r["version_id"] == "kr/ypa/art_11__para_1@2020-06-02" and r["tier"] == "base"]
    assert (life["imprisonment_min_months"], life["imprisonment_max_months"]) == (60, None)
    assert life["imprisonment_ceiling"] == "life"
    assert imprisonment_ceiling(None) == "none"


def test_coverage_statements_are_rows_so_no_law_is_data(bundled: policykit.Dataset) -> None:
    rows = coverage_records(bundled)
    assert {row["jurisdiction"] for row in rows} == set(BUNDLED_CODES)
    assert {row["status"] for row in rows} == {"not_covered", "unknown"}
    assert all(row["reason"] and "\n" not in row["reason"] for row in rows)
    today = coverage_records(bundled, on="2026-11-21", jurisdictions=["CN"], conducts=["possession_viewing"])
    assert [(row["status"], row["applies_to"]) for row in today] == [("unknown", None)]


def test_event_facts_keep_one_type_per_column(bundled: policykit.Dataset) -> None:
    facts = event_fact_records(bundled)
    assert facts
    for fact in facts:
        assert (fact["value_number"] is None) != (fact["value_date"] is None)
        assert fact["value_number"] is None or isinstance(fact["value_number"], int)


def test_export_all_as_json_matches_its_schema(bundled: policykit.Dataset) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(
        policykit.to_json(
            bundled,
            policykit.export_records(bundled),
            coverage=policykit.coverage_records(bundled),
            events=policykit.event_records(bundled),
        )
    )
    jsonschema.validate(document, export_schema())
    assert document["coverage"]
    assert document["events"]


def test_pandas_reads_every_file_with_the_right_types(bundled: policykit.Dataset, tmp_path: Path) -> None:
    """pandas.read_csv with no option but `parse_dates` (README says so): booleans are bool, counts numbers,
    empty cells missing, dates datetimes."""
    pandas = pytest.importorskip("pandas")
    api = pandas.api.types
    policykit.write_datapackage(bundled, tmp_path)
    provisions = pandas.read_csv(tmp_path / "provisions.csv", parse_dates=DATE_COLUMNS)
    assert list(provisions.columns) == list(COLUMNS)
    for column in ("life_imprisonment", "fine_unspecified", "criminal_detention", "public_surveillance", "warning"):
        assert api.is_bool_dtype(provisions[column]), column
    for column in ("imprisonment_min_months", "imprisonment_max_months", "fine_min", "fine_max"):
        assert api.is_numeric_dtype(provisions[column]), column
    for column in ("detention_min_days", "detention_max_days"):
        assert api.is_numeric_dtype(provisions[column]), column
    for column in DATE_COLUMNS:
        assert api.is_datetime64_any_dtype(provisions[column]), column
    for column in ("jurisdiction", "tier", "instrument_kind", "imprisonment_ceiling", "increase_up_to", "article"):
        assert api.is_string_dtype(provisions[column]) or api.is_object_dtype(provisions[column]), column
    assert provisions["in_force_to"].isna().any()  # an empty cell is missing, not an empty text
    assert not provisions.duplicated(["version_id", "tier"]).any()
    coverage = pandas.read_csv(
        tmp_path / "coverage.csv", parse_dates=["applies_from", "applies_to", "verified_on", "data_begins_on"]
    )
    assert list(coverage.columns) == list(COVERAGE_COLUMNS)
    assert api.is_datetime64_any_dtype(coverage["applies_to"])
    events = pandas.read_csv(tmp_path / "events.csv", parse_dates=["started_on", "ended_on"])
    assert list(events.columns) == list(EVENT_COLUMNS)
    facts = pandas.read_csv(tmp_path / "event_facts.csv", parse_dates=["value_date"])
    assert list(facts.columns) == list(EVENT_FACT_COLUMNS)
    assert api.is_numeric_dtype(facts["value_number"])
    assert api.is_datetime64_any_dtype(facts["value_date"])


def test_the_data_package_validates_with_frictionless(bundled: policykit.Dataset, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    written = policykit.write_datapackage(bundled, tmp_path)
    assert [path.name for path in written][-1] == "datapackage.json"
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == policykit.__version__
    for resource in descriptor["resources"]:
        assert resource["schema"]["primaryKey"]
        assert all(field["description"] for field in resource["schema"]["fields"])


def test_citation_file_names_the_version_and_the_verification_date(bundled: policykit.Dataset) -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: \"?{re.escape(policykit.__version__)}\"?$", text, re.MULTILINE)
    verified = bundled.verified_on()
    assert verified is not None
    assert f"date-released: {verified.isoformat()}" in text, "CITATION.cff: date-released is the last verification"


# -- labels ----------------------------------------------------------------------------------------------------


def test_unknown_says_what_the_data_records(bundled: policykit.Dataset) -> None:
    researched = policykit.compare(bundled, ["possession_viewing"], ["CN"], "2026-11-21")
    text = policykit.render_comparison(bundled, researched, "csv")
    assert "Unknown (researched, unclear; the reason is in the note)" in text
    with pytest.warns(policykit.BeforeCoverageWarning):
        early = policykit.compare(bundled, ["covert_filming"], ["KR"], "2005-01-01")
    table = policykit.render_comparison(bundled, early)
    assert "Unknown (before the data begins on 2010-01-01)" in table
    assert "Warning: the data for KR begins on 2010-01-01" in table


def test_unverified_figures_carry_a_dagger_and_a_note(bundled: policykit.Dataset) -> None:
    table = policykit.compare(bundled, ["coercion_with_images"], ["FR"], "2026-11-21")
    text = policykit.render_comparison(bundled, table)
    assert "(C. pén. art. 312-10)†" in text
    assert "† Unverified figure" in text
    verified_only = policykit.compare(bundled, ["covert_filming"], ["KR"], "2026-11-21")
    assert "†" not in policykit.render_comparison(bundled, verified_only)


@pytest.mark.parametrize("fmt", ["github", "html", "latex", "rst"])
def test_every_table_has_a_legend_of_abbreviations(bundled: policykit.Dataset, fmt: str) -> None:
    table = policykit.compare(bundled, ["covert_filming"], on="2026-11-21")
    text = policykit.render_comparison(bundled, table, fmt)
    for short in ("PSAPL 2025", "SCA", "YPA", "C. pén."):
        assert f"{short}: " in text or f"{short}\\: " in text, (fmt, short)
    changes = policykit.timeline(bundled, "KR", start="2020-01-01", end="2020-12-31")
    assert "kr/tba: TBA, Telecommunications Business Act" in policykit.render_timeline(bundled, "KR", changes)


def test_enacted_only_for_a_creation(bundled: policykit.Dataset) -> None:
    changes = policykit.timeline(bundled, "FR")
    first = {change.provision_id: change.kind for change in changes if change.before is None}
    assert first["fr/code-penal/art_226-1"] is ChangeKind.FIRST_CODED  # in force long before 2010
    assert first["fr/code-penal/art_226-2-1"] is ChangeKind.ENACTED  # created by loi 2016-1321
    text = policykit.render_timeline(bundled, "FR", changes)
    assert "| fr/code-penal/art_226-1 " in text
    assert "first version in the data (already in force when the data begins)" in text


def test_a_change_row_says_what_changed(bundled: policykit.Dataset) -> None:
    changes = policykit.timeline(bundled, "KR", ["covert_filming"], start="2025-06-21", end="2025-06-21")
    assert changes
    assert all(Aspect.ANCILLARY in change.aspects for change in changes)
    text = policykit.render_timeline(bundled, "KR", changes)
    assert "amended (same base penalty): ancillary measures (+ confiscation)" in text
    assert all(change.kind is not ChangeKind.AMENDED or change.aspects for change in policykit.timeline(bundled, "FR"))


def test_a_version_that_changes_nothing_is_left_out(minimal: policykit.Dataset) -> None:
    provision = minimal.provisions["xa/penal-act/art_3"]
    first, second = provision.versions[:2]
    # A second version identical to the first but for its dates and sources: no coded term, not even the wording.
    identical = attrs.evolve(
        first, in_force_from=second.in_force_from, in_force_to=second.in_force_to, sources=second.sources
    )
    assert changed_aspects(first, identical) == ()
    assert changed_aspects(first, attrs.evolve(identical, summary="Reworded.")) == (Aspect.WORDING,)
    wider = attrs.evolve(identical, conducts=(*first.conducts, "deepfake_creation"))
    assert changed_aspects(first, wider) == (Aspect.CONDUCTS,)
    ended = attrs.evolve(first, in_force_to=second.in_force_from - dt.timedelta(days=1))
    versions = (ended, identical, *provision.versions[2:])
    data = attrs.evolve(
        minimal, provisions={**minimal.provisions, provision.id: attrs.evolve(provision, versions=versions)}
    )
    kept = [change.on for change in policykit.timeline(data, "XA") if change.provision_id == provision.id]
    assert second.in_force_from not in kept
    assert second.in_force_from in [c.on for c in policykit.timeline(minimal, "XA") if c.provision_id == provision.id]


# -- the command line ------------------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 0
    out, err = capsys.readouterr()
    return code, out, err


def test_an_unknown_option_is_reported_with_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "show", "KR", "--bogus")
    assert code == 2
    assert err.startswith("usage: policykit show ")
    assert "policykit show: error: unrecognized arguments: --bogus" in err


def test_a_missing_data_path_is_bad_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "compare", "--data", str(tmp_path / "missing"))
    assert code == 2
    assert "no such file or folder" in err
    assert ":1:1:" not in err


def test_export_tables_and_package(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "export", "coverage", "--data", str(MINIMAL), "--output", "-")
    assert code == 0
    assert out.startswith(",".join(COVERAGE_COLUMNS) + "\n")
    code, out, _ = _run(capsys, "export", "events", "--format", "tsv")
    assert out.startswith("\t".join(EVENT_COLUMNS) + "\n")
    code, out, _ = _run(capsys, "export", "all", "--format", "json", "--jurisdiction", "KR")
    assert sorted(json.loads(out)) == ["coverage", "events", "metadata", "records"]
    code, out, _ = _run(capsys, "export", "coverage", "--format", "json", "--jurisdiction", "KR")
    assert sorted(json.loads(out)) == ["coverage", "metadata"]
    code, _, err = _run(capsys, "export", "all")
    assert code == 2
    assert "--format json" in err
    code, out, _ = _run(capsys, "export", "--conduct", "deepfake_creation", "--jurisdiction", "FR")
    rows = out.splitlines()[1:]
    assert rows
    assert all("deepfake_creation" in row for row in rows)
    code, _, err = _run(capsys, "export", "package")
    assert code == 2
    code, _, _ = _run(capsys, "export", "package", "--output", str(tmp_path / "package"), "--jurisdiction", "KR")
    assert code == 0
    assert (tmp_path / "package" / "datapackage.json").is_file()
    code, _, err = _run(capsys, "export", "package", "--output", str(tmp_path / "package"), "--format", "json")
    assert code == 2
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, _, err = _run(capsys, "export", "package", "--output", str(blocker / "sub"))
    assert code == 1
    assert "cannot write" in err


def test_show_gives_the_coverage_statement_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ("show", "KR", "--as-of", "2019-06-01", "--conduct", "possession_viewing")
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert "possession_viewing: not covered (its plain case)." in out
    assert "narrower cases" in out
    code, out, _ = _run(capsys, *args, "--lang", "ko")
    assert "possession_viewing: 규정 없음(기본 사안)." in out
    assert "아래 규정들은 더 좁은 사안에만 적용된다." in out
    code, out, _ = _run(capsys, *args, "--format", "json")
    document = json.loads(out)
    assert document["coverage"][0]["status"] == "not_covered"
    assert [item["provision_id"] for item in document["provisions"]] == ["kr/ypa/art_11__para_5"]
    target = tmp_path / "show.txt"
    code, out, _ = _run(capsys, "show", "KR", "--as-of", "2005-01-01", "--output", str(target))
    assert (code, out) == (0, "")
    assert "the data for KR begins on 2010-01-01" in target.read_text(encoding="utf-8")


def test_timeline_takes_a_date_range(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "timeline", "KR", "--from", "2020-05-19", "--to", "2020-05-19", "--format", "csv")
    assert code == 0
    dates = {line.split(",", 1)[0] for line in out.splitlines()[1:]}
    assert dates == {"2020-05-19"}
    code, _, err = _run(capsys, "timeline", "KR", "--from", "2021-01-01", "--to", "2020-01-01")
    assert code == 2
    assert "is before --from" in err


def test_schema_prints_the_data_format_and_the_package_descriptor(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "schema", "data-format")
    assert (code, out.splitlines()[0]) == (0, "# The policykit data format")
    code, out, _ = _run(capsys, "schema", "datapackage")
    assert json.loads(out)["profile"] == "tabular-data-package"


def test_the_api_reference_builds_without_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdoc = pytest.importorskip("pdoc")
    # Away from the checkout: with policykit installed (not editable), pdoc warns that ./policykit is another copy.
    monkeypatch.chdir(tmp_path)
    # pytest turns warnings into errors (pyproject.toml), as `python -W error -m pdoc` does in .ci/run.
    output = tmp_path / "api"
    pdoc.pdoc("policykit", "policykit.export", "policykit.history", "policykit.reports", output_directory=output)
    assert (output / "policykit.html").is_file()
    assert (output / "policykit" / "export.html").is_file()
