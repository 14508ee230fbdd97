"""Standards and assessments: the loader's strictness, hand-checked verdicts with their reasoning, every verdict and
reason on the fixture data, the since-when history, every output format, and `policykit assess`."""

from __future__ import annotations

import datetime as dt
import doctest
import json
from pathlib import Path
from typing import NamedTuple

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

import policykit
from policykit import assessing, standards
from policykit.assessing import Reason, Verdict, history
from policykit.cli import main
from policykit.standard_reports import render_assessment, render_history
from policykit.standards import load_standard, standard_ids, validate_standard
from policykit.tables import FORMATS

from .conftest import BUNDLED_CODES, DATA, MINIMAL

D = dt.date
AS_OF = D(2026, 11, 21)
TEST_STANDARD = DATA / "standards" / "xa-test.yaml"
EXTENSIONS = {"github": "md", "pipe": "md", "grid": "txt", "simple": "txt", "rst": "rst", "html": "html",
              "latex": "tex", "csv": "csv", "tsv": "tsv", "json": "json"}  # fmt: skip


@pytest.fixture(scope="module")
def directive(bundled: policykit.Dataset) -> policykit.Standard:
    return load_standard(bundled, "eu-2024-1385")


@pytest.fixture(scope="module")
def test_standard(minimal: policykit.Dataset) -> policykit.Standard:
    return load_standard(minimal, str(TEST_STANDARD))


def test_docstring_examples() -> None:
    for module in (assessing, standards):
        assert doctest.testmod(module).failed == 0, module.__name__


# -- hand-checked verdicts on the bundled data ------------------------------------------------------------------


class Checked(NamedTuple):
    requirement: str
    code: str
    on: dt.date
    verdict: Verdict
    reason: Reason | None
    rests_on: str
    """A provision id the verdict rests on ('' when none)."""
    why: str


# Each row was checked by hand against the data and the directive's text; `why` is the reasoning. A change in the
# data or in the rules that flips one of these must be a meant change.
CHECKED = [
    Checked("art_5_1_a", "FR", AS_OF, Verdict.MEETS, None, "fr/code-penal/art_226-2-1",
            "226-2-1 punishes making sexual images public or known to a third party without consent, whether they were "
            "recorded covertly or with consent: 2 years, above the 1-year floor of art. 10, for an adult victim."),
    Checked("art_5_1_b", "FR", AS_OF, Verdict.MEETS, None, "fr/code-penal/art_226-8-1",
            "226-8-1 (loi SREN) punishes making sexual deepfakes public without consent; online, 3 years."),
    Checked("art_5_1_c", "FR", AS_OF, Verdict.MEETS, None, "fr/code-penal/art_312-10",
            "Blackmail (312-10) covers threatening to reveal damaging facts to obtain an act: 5 years."),
    Checked("art_5_1_a", "KR", AS_OF, Verdict.MEETS, None, "kr/sca/art_14__para_2",
            "SCA 14(2) punishes distributing filmed material against the person's will, self-made images included: "
            "7 years."),
    Checked("art_5_1_b", "KR", AS_OF, Verdict.MEETS, None, "kr/sca/art_14-2__para_2",
            "SCA 14-2(2) punishes distributing sexual deepfakes: 7 years."),
    Checked("art_5_1_b", "KR", D(2020, 6, 24), Verdict.FALLS_SHORT, Reason.NARROWER_CONDITION, "kr/ypa/art_11__para_3",
            "Before SCA 14-2 (in force 2020-06-25) only the Youth Protection Act reached sexual deepfakes, and only of "
            "minors: a condition narrower than the directive's, which protects adults too."),
    Checked("art_5_1_c", "KR", AS_OF, Verdict.MEETS, None, "kr/sca/art_14-3__para_1",
            "SCA 14-3 punishes threats with filmed material (at least 1 year) and coercion by them (at least 3 "
            "years): a minimum term with no stated maximum reaches any floor."),
    Checked("art_5_1_a", "CN", AS_OF, Verdict.UNKNOWN, Reason.NEEDS_JUDGMENT, "cn/criminal-law/art_246",
            "Sharing is an administrative matter (PSAPL) unless CL 246's 'serious circumstances' hold (3 years). "
            "Whether that notion reaches every sharing likely to cause serious harm is a legal judgment."),
    Checked("art_5_1_c", "CN", AS_OF, Verdict.FALLS_SHORT, Reason.NARROWER_CONDITION, "cn/criminal-law/art_274",
            "A threat to distribute is criminal only as extortion (property demanded, CL 274) or coercion into sexual "
            "acts (CL 237); the directive covers coercion into any act."),
    Checked("art_5_1_a", "FR", D(2012, 1, 1), Verdict.PARTLY, None, "fr/code-penal/art_226-2",
            "Before loi 2016-1321 covert images were reached by 226-2 (1 year) but images made with consent were "
            "not (only a civil remedy, or 227-23 for minors): one case met, one not."),
    Checked("art_7_c", "FR", AS_OF, Verdict.UNKNOWN, None, "",
            "The vocabulary has no conduct for sending unsolicited images of genitals: the question is stated."),
    Checked("art_11", "FR", AS_OF, Verdict.PARTLY, None, "fr/code-penal/art_227-23__para_2",
            "A minor victim aggravates (227-23, 7 years against 2), but no aggravated form for a partner is coded; "
            "whether general sentencing rules suffice is a question, not a shortfall."),
    Checked("art_23", "KR", AS_OF, Verdict.UNKNOWN, Reason.NOT_IN_DATA, "kr/tba/art_22-6__para_1",
            "The Telecommunications Business Act gives platforms duties; who may order removal is not in the data."),
]  # fmt: skip


@pytest.mark.parametrize("checked", CHECKED, ids=lambda c: f"{c.code}-{c.requirement}-{c.on}")
def test_hand_checked_verdicts(bundled: policykit.Dataset, directive: policykit.Standard, checked: Checked) -> None:
    requirement = next(r for r in directive.requirements if r.id == checked.requirement)
    found = assessing.measure(bundled, directive, requirement, checked.code, checked.on)
    assert found.verdict is checked.verdict, checked.why
    if checked.reason is not None:
        assert checked.reason in found.reasons, checked.why
    if checked.rests_on:
        assert checked.rests_on in {ground.provision.id for ground in found.grounds}, checked.why
    if found.verdict is Verdict.UNKNOWN:
        assert found.questions, "an unknown always states its question"


def test_every_bundled_jurisdiction_is_assessed_and_non_members_as_if(
    bundled: policykit.Dataset, directive: policykit.Standard
) -> None:
    table = policykit.assess(bundled, directive, on=AS_OF)
    assert table.jurisdictions == BUNDLED_CODES
    assert set(table.as_if) == {code for code in BUNDLED_CODES if code not in directive.binds}
    for row in table.rows:
        for cell in row.cells:
            assert cell.as_if is (cell.jurisdiction not in directive.binds)
            if cell.verdict is Verdict.UNKNOWN:
                assert cell.questions
            if cell.verdict is Verdict.MEETS:
                assert cell.grounds
                assert all(ground.version.sources for ground in cell.grounds)
    text = render_assessment(bundled, table)
    assert "measured as if it applied" in text


def test_directive_is_cited_article_by_article(directive: policykit.Standard) -> None:
    assert [r.article for r in directive.requirements[:3]] == ["5(1)(a)", "5(1)(b)", "5(1)(c)"]
    for requirement in directive.requirements:
        assert requirement.sources
        assert requirement.verified_on
        assert requirement.status is policykit.Status.VERIFIED or requirement.note
    assert directive.transposition_deadline == D(2027, 6, 14)
    assert standard_ids() == ["eu-2024-1385"]


# -- every verdict and reason on the fixture data ----------------------------------------------------------------


def _cells(minimal: policykit.Dataset, standard: policykit.Standard, on: dt.date) -> dict[str, policykit.Assessment]:
    table = policykit.assess(minimal, standard, ["XA"], on)
    return {row.requirement.id: row.cells[0] for row in table.rows}


def test_fixture_verdicts(minimal: policykit.Dataset, test_standard: policykit.Standard) -> None:
    early = _cells(minimal, test_standard, D(2011, 1, 1))
    assert early["filming"].verdict is Verdict.FALLS_SHORT
    assert early["filming"].reasons == (Reason.NOT_CRIMINAL,)
    before = _cells(minimal, test_standard, D(2013, 1, 1))
    assert before["filming"].reasons == (Reason.MAXIMUM_BELOW_FLOOR,)
    after = _cells(minimal, test_standard, D(2016, 1, 1))
    assert after["filming"].verdict is Verdict.MEETS
    assert after["sharing"].verdict is Verdict.FALLS_SHORT
    assert after["sharing"].reasons == (Reason.NARROWER_CONDITION,)
    assert after["sharing_harm"].verdict is Verdict.UNKNOWN
    assert after["sharing_harm"].questions == ("Are all sexual images obscene material?",)
    assert after["aggravation"].verdict is Verdict.PARTLY
    assert [f.aggravation for f in after["aggravation"].findings if f.verdict is Verdict.MEETS] == ["minor_victim"]
    assert before["aggravation"].verdict is Verdict.UNKNOWN
    assert after["flashing"].verdict is Verdict.UNKNOWN
    assert after["flashing"].findings == ()
    assert after["removal"].verdict is Verdict.UNKNOWN
    assert after["removal"].reasons == (Reason.NOT_IN_DATA,)
    assert not after["filming"].as_if


def test_floor_rules() -> None:
    floor = standards.Floor(policykit.Term(1, policykit.model.Unit.YEARS), "10")
    years = policykit.TermRange
    term = policykit.Term
    unit = policykit.model.Unit
    assert assessing.reaches_floor(policykit.Penalty(imprisonment=years(max=term(1, unit.YEARS))), floor)
    assert not assessing.reaches_floor(policykit.Penalty(imprisonment=years(max=term(6, unit.MONTHS))), floor)
    assert assessing.reaches_floor(policykit.Penalty(imprisonment=years(min=term(3, unit.YEARS))), floor)
    assert assessing.reaches_floor(policykit.Penalty(life_imprisonment=True), floor)
    assert not assessing.reaches_floor(policykit.Penalty(criminal_detention=True), floor)
    assert not assessing.reaches_floor(None, floor)
    assert assessing.reaches_floor(None, None)


def test_history_and_deadline(minimal: policykit.Dataset, test_standard: policykit.Standard) -> None:
    found = {item.requirement.id: item for item in history(minimal, test_standard, ["XA"], D(2016, 1, 1))}
    filming = found["filming"]
    assert [(p.start, p.verdict) for p in filming.periods] == [
        (D(2010, 1, 1), Verdict.FALLS_SHORT),
        (D(2015, 6, 1), Verdict.MEETS),
    ]
    assert filming.periods[0].end == D(2015, 5, 31)
    assert filming.meets_since == D(2015, 6, 1)
    assert found["sharing"].meets_since is None
    text = render_history(minimal, test_standard, list(found.values()), D(2016, 1, 1))
    assert "Meets since 2015-06-01, before the deadline" in text
    late = render_history(minimal, attrs_evolve_deadline(test_standard), list(found.values()), D(2016, 1, 1))
    assert "after the deadline" in late
    records = json.loads(render_history(minimal, test_standard, list(found.values()), D(2016, 1, 1), "json"))
    filming_record = next(r for r in records["history"] if r["requirement"] == "filming")
    assert filming_record["meets_since"] == "2015-06-01"
    assert filming_record["before_deadline"] is True


def attrs_evolve_deadline(standard: policykit.Standard) -> policykit.Standard:
    import attrs

    return attrs.evolve(standard, transposition_deadline=D(2015, 1, 1))


# -- outputs ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_assess_golden(
    minimal: policykit.Dataset, test_standard: policykit.Standard, fmt: str, file_regression: FileRegressionFixture
) -> None:
    table = policykit.assess(minimal, test_standard, on=D(2016, 1, 1))
    file_regression.check(render_assessment(minimal, table, fmt), extension=f".{EXTENSIONS[fmt]}")


def test_assess_french_and_timeline_golden(
    minimal: policykit.Dataset, test_standard: policykit.Standard, file_regression: FileRegressionFixture
) -> None:
    table = policykit.assess(minimal, test_standard, on=D(2016, 1, 1))
    found = history(minimal, test_standard, None, D(2016, 1, 1))
    text = (
        render_assessment(minimal, table, "github", "fr")
        + "\n"
        + render_history(minimal, test_standard, found, D(2016, 1, 1), "github", "fr")
    )
    file_regression.check(text, extension=".md")


def test_json_names_every_ground_and_question(minimal: policykit.Dataset, test_standard: policykit.Standard) -> None:
    document = json.loads(
        render_assessment(minimal, policykit.assess(minimal, test_standard, on=D(2016, 1, 1)), "json")
    )
    assert document["metadata"]["standard"]["transposition_deadline"] == "2016-01-01"
    assert document["metadata"]["assessed_as_if"] == []
    rows = {row["requirement"]["id"]: row for row in document["rows"]}
    filming = rows["filming"]["cells"][0]
    assert filming["verdict"] == "meets"
    assert filming["findings"][0]["grounds"][0]["provision_id"] == "xa/penal-act/art_3"
    assert filming["findings"][0]["grounds"][0]["sources"]
    sharing = rows["sharing"]["cells"][0]
    assert sharing["reasons"] == ["narrower_condition"]
    assert any(g["needs_fact"] == "obscene_material" for g in sharing["findings"][0]["grounds"])
    assert set(document["metadata"]["questions"].values()) >= {"Are all sexual images obscene material?"}


# -- the loader ------------------------------------------------------------------------------------------------------

GOOD = TEST_STANDARD.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("reference: Test", "referenze: Test", "unknown key 'referenze'"),
        ("cases: [{conduct: covert_filming}]\n    floor", "cases: [{conduct: filming}]\n    floor", "unknown conduct"),
        ("facts: [online]", "facts: [onlin]", "unknown fact 'onlin'"),
        ("aggravations: [minor_victim, intimate_partner]", "aggravations: []", "needs a list of aggravations"),
        ("    note: Invented.\n", "", "needs a 'note'"),
        ("article: 1(a)", "article: one", "expected an article"),
        ("max_at_least: 2 years", "max_at_least: 0 years", "longer than 0"),
        ("in_force_on: 2014-02-01", "in_force_on: 2013-02-01", "is before adopted_on"),
        ("transposition_deadline: 2016-01-01", "transposition_deadline: 2014-01-02", "is before in_force_on"),
        ("binds: [XA]", "binds: [xa]", "expected a jurisdiction code"),
        ("kind: remove", "kind: delete", "expected one of: criminalise, aggravate, remove"),
        ("conduct: platform_duty", "conduct: platform", "unknown conduct 'platform'"),
        ("    cases: []\n    unmodelled:\n      - {en: Unsolicited images., question: Is sending unsolicited images an "
         "offence?}\n", "    cases: []\n", "needs 'unmodelled'"),
        ("may_match: [obscene_material]", "may_match: [obscene]", "unknown fact 'obscene'"),
        ("  flashing:", "  Flashing!:", "not a valid id"),
        ("    missing_question: Can courts weigh it anyway?\n", "", "missing required key 'missing_question'"),
        ("cases: [{conduct: covert_filming}]\n    aggravations", "cases: []\n    aggravations", "needs the cases"),
        ("    unmodelled:\n      - {en: Removal orders., question: Can an authority order removal?}\n",
         "    unmodelled:\n      - {en: Removal orders.}\n", "missing required key 'question'"),
        ("sources:\n  - {url: https://example.org/standard, title: Test standard, publisher: Example, publisher_kind",
         "sources: []\nx:\n  - {url: https://example.org/standard, title: Test standard, publisher: Example, "
         "publisher_kind", "expected at least one source"),
    ],
)  # fmt: skip
def test_bad_standards_are_located(
    minimal: policykit.Dataset, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in GOOD, old
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(old, new, 1), encoding="utf-8")
    problems = validate_standard(minimal, path)
    assert any(expected in problem.message for problem in problems), problems
    assert all(problem.file == str(path) and problem.line >= 1 for problem in problems)
    with pytest.raises(policykit.DataError):
        load_standard(minimal, str(path))


def test_unreadable_and_unknown_standards(minimal: policykit.Dataset, tmp_path: Path) -> None:
    with pytest.raises(policykit.UnknownIdError, match="eu-2024-1385"):
        load_standard(minimal, "eu-2024")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert "file is empty" in validate_standard(minimal, empty)[0].message
    bad_name = tmp_path / "Bad Name.yaml"
    bad_name.write_text(GOOD, encoding="utf-8")
    assert "not a valid id" in validate_standard(minimal, bad_name)[0].message
    duplicate = tmp_path / "dup.yaml"
    duplicate.write_text(GOOD + "reference: again\n", encoding="utf-8")
    assert validate_standard(minimal, duplicate)
    assert validate_standard(minimal, tmp_path / "missing.yaml")
    assert standard_ids(tmp_path / "nowhere") == []
    assert validate_standard(minimal, TEST_STANDARD) == []


# -- the command line ------------------------------------------------------------------------------------------------


def test_cli_assess(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["assess", "--standard", "eu-2024-1385", "--as-of", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    for code in BUNDLED_CODES:
        assert f"| {code} " in out.splitlines()[0] + " "
    assert "Art. 5(1)(a)" in out
    assert "[1]" in out
    target = tmp_path / "out.json"
    assert main(["assess", "--standard", "eu-2024-1385", "--jurisdiction", "FR", "--format", "json",
                 "--as-of", "2026-11-21", "--output", str(target)]) == 0  # fmt: skip
    assert json.loads(target.read_text(encoding="utf-8"))["rows"][0]["cells"][0]["jurisdiction"] == "FR"
    assert main(["assess", "--standard", str(TEST_STANDARD), "--data", str(MINIMAL), "--timeline",
                 "--as-of", "2016-01-01", "--format", "csv"]) == 0  # fmt: skip
    assert "Meets since 2015-06-01" in capsys.readouterr().out


def test_cli_assess_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["assess", "--standard", "nope"])
    assert stopped.value.code == 2
    assert "unknown standard 'nope'" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("reference: Test", "referenze: Test"), encoding="utf-8")
    assert main(["assess", "--standard", str(bad), "--data", str(MINIMAL)]) == 1
    assert "unknown key 'referenze'" in capsys.readouterr().err
