"""Loading data folders: the model built from the files, and every problem located."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import attrs
import pytest

import policykit
from policykit import Combination, Liability, Status
from policykit.model import Prosecution, Reach, SourceKind, Unit
from policykit.writing import dump_instrument

from .conftest import DATA, MINIMAL

BAD_FILES = DATA / "bad" / "files"
EXPECTED: dict[str, list[tuple[str, str]]] = {}
for _line in (DATA / "bad" / "expected.tsv").read_text(encoding="utf-8").splitlines():
    if _line and not _line.startswith("#"):
        _name, _location, _message = _line.split("\t")
        EXPECTED.setdefault(_name, []).append((_location, _message))


def test_minimal_dataset_model(minimal: policykit.Dataset) -> None:
    assert list(minimal.jurisdictions) == ["XA"]
    xa = minimal.jurisdictions["XA"]
    assert xa.currency == "EUR"
    assert xa.instrument_ids == ("xa/penal-act",)
    assert set(xa.acts) == {"penal-2000", "amendment-2015"}
    provision = minimal.provisions["xa/penal-act/art_3"]
    assert provision.liability is Liability.CRIMINAL
    assert provision.reach is Reach.SPECIFIC
    first, second = provision.versions
    assert (first.in_force_from, first.in_force_to) == (dt.date(2012, 1, 1), dt.date(2015, 5, 31))
    assert (second.in_force_from, second.in_force_to) == (dt.date(2015, 6, 1), None)
    assert first.prosecution is Prosecution.VICTIM_COMPLAINT
    assert second.prosecution is Prosecution.EX_OFFICIO
    assert second.status is Status.UNVERIFIED
    assert second.amended_by == "xa/act/amendment-2015"
    assert second.id == "xa/penal-act/art_3@2015-06-01"
    penalty = second.penalty
    assert penalty is not None
    assert penalty.imprisonment is not None
    assert penalty.imprisonment.max is not None
    assert penalty.imprisonment.max.unit is Unit.YEARS
    assert penalty.imprisonment.max.months == 36
    assert penalty.fine is not None
    assert (penalty.fine.max, penalty.fine.currency) == (45000, "EUR")
    assert penalty.combination is Combination.CUMULATIVE
    (tier,) = second.tiers
    assert tier.factors == ("minor_victim",)
    assert tier.penalty.imprisonment is not None
    assert tier.penalty.imprisonment.min is not None
    assert tier.penalty.imprisonment.min.months == 12
    assert second.ancillary[0].mandatory is True
    assert minimal.provisions["xa/penal-act/art_5"].versions[0].sources[0].kind is SourceKind.SECONDARY
    assert minimal.provisions["xa/penal-act/art_5"].versions[0].applies_only_when == ("obscene_material",)
    assert minimal.provisions["xa/penal-act/art_4"].successor == "xa/penal-act/art_40"
    fine = minimal.provisions["xa/penal-act/art_5"].versions[0].penalty
    assert fine is not None
    assert fine.fine is not None
    assert fine.fine.unspecified


def test_vocabulary_comes_from_the_bundled_file_when_a_folder_has_none(minimal: policykit.Dataset) -> None:
    assert "covert_filming" in minimal.conducts
    assert minimal.factors["minor_victim"].kind.value == "aggravating"


def test_chinese_and_korean_vocabulary_labels_are_optional(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    text = (policykit.bundled_data_path() / "vocabulary.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(("    zh: ", "    ko: "))]
    (root / "vocabulary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = policykit.load(root)
    assert dataset.conducts["covert_filming"].zh is None
    assert dataset.factors["minor_victim"].ko is None
    assert all(case.zh is None and case.ko is None for case in dataset.cases.values())


def test_vocabulary_labels_are_checked_like_the_others(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    vocabulary = root / "vocabulary.yaml"
    shutil.copy(policykit.bundled_data_path() / "vocabulary.yaml", vocabulary)
    bundled = policykit.load()
    _edit(vocabulary, f"    ko: {bundled.conducts['covert_filming'].ko}\n", "    ko: 불법촬영\n    ja: 盗撮\n")
    _edit(vocabulary, f"    zh: {bundled.factors['minor_victim'].zh}\n", "    zh: ''\n")
    _edit(vocabulary, f"    ko: {bundled.cases['maskpark'].ko}\n", "    ko: [MaskPark]\n")
    with pytest.raises(policykit.DataError) as caught:
        policykit.load(root)
    messages = [problem.message for problem in caught.value.problems]
    assert "conducts.covert_filming: unknown key 'ja'; expected one of: description, en, fr, ko, plain_case, zh" in (
        messages
    )
    assert "factors.minor_victim.zh: expected non-empty text, found text ''" in messages
    assert any(message.startswith("cases.maskpark.ko: expected non-empty text") for message in messages)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_reports_its_exact_problems(name: str) -> None:
    problems = policykit.validate([BAD_FILES / name])
    assert [(f"{p.line}:{p.column}", p.message) for p in problems] == EXPECTED[name]
    assert all(problem.file == str(BAD_FILES / name) for problem in problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_in_a_data_folder_raises_only_data_error(name: str, tmp_path: Path) -> None:
    """Loaded as part of a data folder, a bad file raises DataError, never another exception."""
    root = _copy(tmp_path)
    kind = Path(name).name
    if kind == "jurisdiction.yaml":
        target = root / "xx" / kind  # a second jurisdiction, XX, as the file declares
    elif kind == "events.yaml":
        target = root / "xa" / kind
    else:
        target = root / "xa" / "instruments" / kind
    target.parent.mkdir(exist_ok=True)
    shutil.copy(BAD_FILES / name, target)
    with pytest.raises(policykit.DataError) as caught:
        policykit.load(root)
    assert any(problem.file == str(target) for problem in caught.value.problems)


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(path.relative_to(BAD_FILES).as_posix() for path in BAD_FILES.rglob("*.yaml")) == sorted(EXPECTED)


def test_load_raises_data_error_with_every_problem(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    act = root / "xa" / "instruments" / "penal-act.yaml"
    text = act.read_text(encoding="utf-8")
    text = text.replace("max: 10000}", "max: -1}", 1).replace("liability: administrative", "liability: police", 1)
    act.write_text(text, encoding="utf-8")
    with pytest.raises(policykit.DataError) as caught:
        policykit.load(root)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(":17:" in m and "fine.max: expected a number of 0 or more" in m for m in messages)
    assert any("art_4.liability: expected one of: criminal, administrative, civil" in m for m in messages)
    assert str(caught.value).startswith(f"{len(messages)} problems in the data:")


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "amended_by: amendment-2015\n        summary: The same",
            "amended_by: nope\n        summary: The same",
            "amended_by: unknown act 'nope'",
        ),
        ("successor: xa/penal-act/art_40", "successor: xa/penal-act/art_99", "successor: unknown provision"),
        (
            "in_force_from: 2020-01-01",
            "in_force_from: 2019-06-01",
            "successor: xa/penal-act/art_40 is in force from 2019-06-01, but the last version",
        ),
        (
            "        amended_by: amendment-2015\n        summary: The same",
            "        in_force_to: 2099-01-01\n        amended_by: amendment-2015\n        summary: The same",
            None,
        ),
        (
            "      to: 2011-12-31\n",
            "      to: 2010-12-31\n",
            "coverage: conduct 'covert_filming' has no provision and no "
            "coverage statement from 2011-01-01 to 2011-12-31",
        ),
        (
            "      to: 2011-12-31\n",
            "      to: 2012-06-30\n",
            "coverage.covert_filming: statement not_covered from 2010-01-01 overlaps a provision",
        ),
    ],
)
def test_cross_file_problems(tmp_path: Path, old: str, new: str, expected: str | None) -> None:
    root = _copy(tmp_path)
    target = root / "xa" / "instruments" / "penal-act.yaml"
    if old not in target.read_text(encoding="utf-8"):
        target = root / "xa" / "jurisdiction.yaml"
    _edit(target, old, new)
    problems = policykit.validate([root])
    if expected is None:
        assert problems == []
        return
    assert [p for p in problems if expected in p.message], problems


def test_overlapping_versions_are_rejected(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(
        root / "xa" / "instruments" / "penal-act.yaml",
        "      - in_force_from: 2012-01-01\n        amended_by: penal-2000",
        "      - in_force_from: 2012-01-01\n        in_force_to: 2016-01-01\n        amended_by: penal-2000",
    )
    (problem,) = policykit.validate([root])
    assert "version in force from 2015-06-01 overlaps the previous version, in force to 2016-01-01" in problem.message
    assert (problem.line, problem.column) == (31, 9)


def test_missing_jurisdiction_file_is_reported(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "xa" / "jurisdiction.yaml").unlink()
    problems = policykit.validate([root])
    assert any("jurisdiction XA has no jurisdiction.yaml" in p.message for p in problems)


def test_stray_files_are_reported_not_ignored(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "xa" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    (root / "Korea").mkdir()
    messages = sorted(p.message for p in policykit.validate([root]))
    assert messages == [
        "unexpected file; expected jurisdiction.yaml, sources.yaml, events.yaml or instruments/",
        "unexpected folder; a jurisdiction folder is an ISO 3166-1 code (or an ISO 3166-2 subdivision) in lower case",
    ]


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = policykit.validate([tmp_path / "nowhere"])
    assert problem.message == "no such file or folder"
    with pytest.raises(policykit.DataError):
        policykit.load(tmp_path / "nowhere")


def test_merge_lays_a_folder_over_the_bundled_data(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    merged = policykit.load(root, merge=True)
    alone = policykit.load(root)
    assert "XA" in merged.jurisdictions
    assert "XA" in alone.jurisdictions
    assert set(merged.jurisdictions) - {"XA"} == set(policykit.load().jurisdictions)
    assert set(alone.jurisdictions) == {"XA"}


def test_a_tier_listed_twice_is_rejected(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    tier = (
        "          - factors: [minor_victim]\n            penalty:\n"
        "              imprisonment: {min: 1 year, max: 5 years}\n"
    )
    _edit(
        root / "xa" / "instruments" / "penal-act.yaml", tier, tier + tier.replace("1 year, max: 5", "2 years, max: 6")
    )
    (problem,) = policykit.validate([root])
    assert "tier 'minor_victim' is listed twice in the version from 2015-06-01" in problem.message


def test_validate_one_jurisdiction_folder(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    assert policykit.validate([root / "xa"]) == []
    _edit(root / "xa" / "jurisdiction.yaml", "currency: EUR", "currency: EURO")
    (problem,) = policykit.validate([root / "xa"])
    assert (problem.file, problem.line) == (str(root / "xa" / "jurisdiction.yaml"), 4)
    assert "expected an ISO 4217 currency code" in problem.message


def _located(problem: policykit.Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.message)


def test_a_provision_cannot_succeed_itself(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    act = root / "xa" / "instruments" / "penal-act.yaml"
    _edit(act, "successor: xa/penal-act/art_40", "successor: xa/penal-act/art_4")
    problems = policykit.validate([root])
    assert [_located(p) for p in problems] == [(str(act), 57, 5, "successor: a provision cannot succeed itself")]


def test_overlapping_coverage_statements_are_rejected(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    _edit(
        jurisdiction,
        "  distribution_consensual:\n    - status: unknown\n      from: 2010-01-01\n",
        "  distribution_consensual:\n"
        "    - status: not_covered\n      from: 2010-01-01\n      to: 2015-12-31\n"
        "      reason: Not researched (test data).\n      verified_on: 2026-11-01\n"
        "    - status: unknown\n      from: 2015-01-01\n",
    )
    problems = policykit.validate([root])
    assert [_located(p) for p in problems] == [
        (str(jurisdiction), 29, 7, "coverage.distribution_consensual: statement overlaps the one from 2010-01-01")
    ]


def test_a_fine_with_no_currency_needs_the_jurisdiction_currency(tmp_path: Path) -> None:
    """A fine without `currency` takes its jurisdiction's (EUR for XA, see the model test); a jurisdiction without
    one is the single problem reported, not one per fine, and nothing loads with a made-up currency."""
    root = _copy(tmp_path)
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    _edit(jurisdiction, "currency: EUR\n", "")
    problems = policykit.validate([root])
    assert [_located(p) for p in problems] == [(str(jurisdiction), 2, 1, "file: missing required key 'currency'")]
    with pytest.raises(policykit.DataError):
        policykit.load(root)


def test_merge_replaces_a_bundled_file_at_the_same_path(tmp_path: Path) -> None:
    root = tmp_path / "data"
    replacement = root / "fr" / "instruments" / "code-penal" / "index.yaml"
    replacement.parent.mkdir(parents=True)
    shutil.copy(policykit.bundled_data_path() / "fr" / "instruments" / "code-penal" / "index.yaml", replacement)
    _edit(replacement, "en: Criminal Code}\nabbreviation: C. pén.\n", "en: Criminal Code (a local copy)}\n")
    bundled = policykit.load()
    merged = policykit.load(root, merge=True)
    replaced = merged.instruments["fr/code-penal"]
    assert replaced.title.en == "Criminal Code (a local copy)"
    assert replaced.abbreviation is None  # the whole file is replaced, not merged key by key
    assert bundled.instruments["fr/code-penal"].abbreviation == "C. pén."
    assert set(merged.provisions) == set(bundled.provisions)  # the provision files are the bundled ones
    assert set(merged.instruments) == set(bundled.instruments)
    assert merged.jurisdictions["FR"] == bundled.jurisdictions["FR"]  # from the bundled fr/jurisdiction.yaml


def test_merge_with_an_instrument_in_one_file_replaces_the_bundled_folder(tmp_path: Path) -> None:
    bundled = policykit.load()
    root = tmp_path / "data"
    replacement = root / "fr" / "instruments" / "code-penal.yaml"
    replacement.parent.mkdir(parents=True)
    instrument = bundled.instruments["fr/code-penal"]
    local = attrs.evolve(instrument, title=attrs.evolve(instrument.title, en="Local"))
    replacement.write_text(
        dump_instrument(attrs.evolve(bundled, instruments={instrument.id: local}), instrument.id), encoding="utf-8"
    )
    merged = policykit.load(root, merge=True)
    assert merged.instruments[instrument.id] == local
    assert merged.provisions == bundled.provisions
    assert merged.provisions["fr/code-penal/art_226-1"].location.file == str(replacement)  # type: ignore[union-attr]
