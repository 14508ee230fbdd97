"""Queries by date: the version in force, what covers a conduct, and warnings about stale data."""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings

import pytest

import policykit
from policykit import CoverageStatus

D = dt.date


@pytest.mark.parametrize(
    ("on", "expected_from"),
    [
        (D(2011, 12, 31), None),  # before the first version: no such provision then
        (D(2012, 1, 1), D(2012, 1, 1)),
        (D(2015, 5, 31), D(2012, 1, 1)),
        (D(2015, 6, 1), D(2015, 6, 1)),
        (D(2026, 1, 1), D(2015, 6, 1)),
    ],
)
def test_version_in_force(minimal: policykit.Dataset, on: dt.date, expected_from: dt.date | None) -> None:
    version = policykit.version_in_force(minimal, "xa/penal-act/art_3", on)
    assert (version.in_force_from if version else None) == expected_from


def test_repealed_provision_has_no_version_after_its_end(minimal: policykit.Dataset) -> None:
    assert policykit.version_in_force(minimal, "xa/penal-act/art_4", D(2019, 12, 31)) is not None
    assert policykit.version_in_force(minimal, "xa/penal-act/art_4", D(2020, 1, 1)) is None
    assert policykit.version_in_force(minimal, "xa/penal-act/art_40", D(2020, 1, 1)) is not None


def test_unknown_provision_lists_choices(minimal: policykit.Dataset) -> None:
    with pytest.raises(policykit.UnknownIdError, match="unknown provision 'xa/penal-act/art_9'"):
        policykit.version_in_force(minimal, "xa/penal-act/art_9", D(2020, 1, 1))


@pytest.mark.parametrize(
    ("conduct", "on", "status", "provisions", "conditional"),
    [
        ("covert_filming", D(2011, 1, 1), CoverageStatus.NOT_COVERED, [], []),
        ("covert_filming", D(2013, 1, 1), CoverageStatus.SPECIFIC_OFFENCE, ["xa/penal-act/art_3"], []),
        (
            "distribution_covert",
            D(2013, 1, 1),
            CoverageStatus.ADMINISTRATIVE_SANCTION,
            ["xa/penal-act/art_4"],
            ["xa/penal-act/art_5"],
        ),
        (
            "distribution_covert",
            D(2021, 1, 1),
            CoverageStatus.ADMINISTRATIVE_SANCTION,
            ["xa/penal-act/art_40"],
            ["xa/penal-act/art_5"],
        ),
        ("distribution_consensual", D(2021, 1, 1), CoverageStatus.UNKNOWN, [], []),
        ("device_trade", D(2021, 1, 1), CoverageStatus.NOT_COVERED, [], []),
        ("device_trade", D(2005, 1, 1), CoverageStatus.UNKNOWN, [], []),  # before the data's coverage
    ],
)
def test_coverage(
    minimal: policykit.Dataset,
    conduct: str,
    on: dt.date,
    status: CoverageStatus,
    provisions: list[str],
    conditional: list[str],
) -> None:
    before = on < minimal.jurisdictions["XA"].coverage_from
    with pytest.warns(policykit.BeforeCoverageWarning) if before else contextlib.nullcontext():
        found = policykit.coverage(minimal, "xa", conduct, on)
    assert found.status is status
    assert [item.provision.id for item in found.provisions] == provisions
    assert [item.provision.id for item in found.conditional] == conditional
    if status in (CoverageStatus.NOT_COVERED, CoverageStatus.UNKNOWN):
        assert found.reason


def test_unknown_and_not_covered_are_different_answers(minimal: policykit.Dataset) -> None:
    unknown = policykit.coverage(minimal, "XA", "platform_duty", D(2021, 1, 1))
    not_covered = policykit.coverage(minimal, "XA", "device_trade", D(2021, 1, 1))
    assert unknown.status is CoverageStatus.UNKNOWN
    assert not_covered.status is CoverageStatus.NOT_COVERED
    assert unknown.statement is not None
    assert not_covered.statement is not None
    assert unknown.reason != not_covered.reason


def test_provisions_in_force_for_a_conduct(minimal: policykit.Dataset) -> None:
    found = policykit.provisions_in_force(minimal, "XA", D(2016, 1, 1), conduct="distribution_covert")
    assert [item.provision.id for item in found] == ["xa/penal-act/art_4", "xa/penal-act/art_5"]
    everything = policykit.provisions_in_force(minimal, "XA", D(2016, 1, 1))
    assert [item.provision.id for item in everything] == [
        "xa/penal-act/art_3",
        "xa/penal-act/art_4",
        "xa/penal-act/art_5",
    ]


def test_unknown_ids_raise_with_choices(minimal: policykit.Dataset) -> None:
    with pytest.raises(policykit.UnknownIdError) as caught:
        policykit.coverage(minimal, "KR", "covert_filming", D(2020, 1, 1))
    assert caught.value.choices == ("XA",)
    with pytest.raises(LookupError, match="unknown conduct 'filming'"):
        policykit.coverage(minimal, "XA", "filming", D(2020, 1, 1))


def test_a_date_after_verification_warns(minimal: policykit.Dataset) -> None:
    with pytest.warns(
        policykit.StaleDataWarning, match=r"2030-01-01 is after the XA data was last verified \(2026-11-01\)"
    ):
        policykit.coverage(minimal, "XA", "covert_filming", D(2030, 1, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        policykit.coverage(minimal, "XA", "covert_filming", D(2026, 11, 1))  # the day it was verified: no warning


def test_compare_marks_stale_dates(minimal: policykit.Dataset) -> None:
    with pytest.warns(policykit.StaleDataWarning):
        table = policykit.compare(minimal, on=D(2027, 1, 1))
    assert table.is_stale
    assert not policykit.compare(minimal, on=D(2026, 1, 1)).is_stale


def test_a_date_before_the_data_begins_warns(minimal: policykit.Dataset) -> None:
    with pytest.warns(policykit.BeforeCoverageWarning, match="before the XA data begins"):
        policykit.provisions_in_force(minimal, "XA", "2009-12-31")
    with pytest.warns(policykit.BeforeCoverageWarning):
        policykit.compare(minimal, ["covert_filming"], on=D(2005, 1, 1))


def test_a_fine_in_units_of_unstated_value_is_neither_a_raise_nor_a_lowering(minimal: policykit.Dataset) -> None:
    """A penalty-unit fine whose unit value the data does not state for a period has an unknown ceiling, not 0."""
    import attrs

    from policykit.history import ChangeKind, _penalty_change
    from policykit.model import Fine, FineUnit, FineUnits, Term, TermRange, Unit

    provision = minimal.provisions["xa/penal-act/art_3"]
    before = provision.versions[-1]
    assert before.penalty is not None
    known = attrs.evolve(
        before,
        penalty=attrs.evolve(
            before.penalty, fine=Fine("EUR", units=FineUnits(FineUnit.PENALTY, max=300, per_unit_max=330))
        ),
    )
    unknown = attrs.evolve(
        before, penalty=attrs.evolve(before.penalty, fine=Fine("EUR", units=FineUnits(FineUnit.PENALTY, max=300)))
    )
    assert _penalty_change(provision, known, unknown) is ChangeKind.AMENDED
    assert _penalty_change(provision, unknown, known) is ChangeKind.AMENDED
    longer = attrs.evolve(
        unknown, penalty=attrs.evolve(unknown.penalty, imprisonment=TermRange(max=Term(9, Unit.YEARS)))
    )
    assert _penalty_change(provision, known, longer) is ChangeKind.RAISED
