"""Building a comparison (data, not text): conducts by jurisdictions on a date, one typed cell each.

Rendering is `policykit.rendering`'s job; nothing here formats.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from policykit.model import Dataset, Liability, Penalty, Source, Tier
from policykit.queries import (
    Coverage,
    InForce,
    _coverage,
    as_date,
    check_conduct,
    check_jurisdiction,
    warn_if_stale,
)


class TierMode(enum.Enum):
    """Which penalties a comparison shows: the base penalty only, or a row for every aggravated tier too."""

    BASE = "base"
    ALL = "all"


Severity = tuple[int, bool, Fraction, Fraction, int, int]
"""Liability rank, life imprisonment, longest and shortest imprisonment (months), detention (days), fine."""

_NO_MAXIMUM = Fraction(10**6)  # "at least 3 years" with no stated maximum outranks any stated maximum


def severity(liability: Liability, penalty: Penalty | None) -> Severity:
    """A sort key: larger means more severe. Criminal before administrative before civil, then the
    heaviest custodial sanction, then the largest fine (amounts of different currencies are not compared
    across jurisdictions; within one jurisdiction they share a currency)."""
    liability_rank = {Liability.CRIMINAL: 2, Liability.ADMINISTRATIVE: 1, Liability.CIVIL: 0}[liability]
    if penalty is None:
        return (liability_rank, False, Fraction(0), Fraction(0), 0, 0)
    imprisonment_max = Fraction(0)
    imprisonment_min = Fraction(0)
    if penalty.imprisonment is not None:
        imprisonment_max = penalty.imprisonment.max.months if penalty.imprisonment.max else _NO_MAXIMUM
        imprisonment_min = penalty.imprisonment.min.months if penalty.imprisonment.min else Fraction(0)
    detention = 0
    if penalty.administrative_detention is not None and penalty.administrative_detention.max is not None:
        detention = penalty.administrative_detention.max.days
    fine = penalty.fine.max if penalty.fine is not None and penalty.fine.max is not None else 0
    return (liability_rank, penalty.life_imprisonment, imprisonment_max, imprisonment_min, detention, fine)


@attrs.frozen
class Cell:
    """One jurisdiction's answer for one conduct (and tier) on the comparison's date."""

    jurisdiction: str
    conduct: str
    tier: str
    """`base`, or the factor ids of an aggravated tier joined with '+'."""
    coverage: Coverage
    applied: InForce | None
    """The provision version whose penalty the cell shows (the most severe applicable one)."""
    penalty: Penalty | None

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.applied.version.sources if self.applied is not None else ()


@attrs.frozen
class Row:
    conduct: str
    tier: str
    cells: tuple[Cell, ...]


@attrs.frozen
class Comparison:
    """Rows of cells, with the date asked and each jurisdiction's data verification date."""

    on: dt.date
    jurisdictions: tuple[str, ...]
    conducts: tuple[str, ...]
    rows: tuple[Row, ...]
    verified_on: tuple[tuple[str, dt.date | None], ...]

    @property
    def is_stale(self) -> bool:
        return any(date is not None and self.on > date for _, date in self.verified_on)


def _tier_key(tier: Tier) -> str:
    return "+".join(tier.factors)


def _pick(items: Sequence[InForce]) -> InForce | None:
    if not items:
        return None
    return max(items, key=lambda item: (severity(item.provision.liability, item.version.penalty), item.provision.id))


def _cell(coverage: Coverage) -> Cell:
    applied = _pick(coverage.provisions) or _pick(coverage.conditional)
    penalty = applied.version.penalty if applied is not None else None
    return Cell(coverage.jurisdiction, coverage.conduct, "base", coverage, applied, penalty)


def _tier_cells(coverage: Coverage, tier: str) -> Cell:
    """The most severe penalty of tier `tier` among the provisions that cover the conduct."""
    best: tuple[Severity, InForce, Penalty] | None = None
    for item in coverage.provisions + coverage.conditional:
        for candidate in item.version.tiers:
            if _tier_key(candidate) != tier:
                continue
            key = severity(item.provision.liability, candidate.penalty)
            if best is None or key > best[0]:
                best = (key, item, candidate.penalty)
    if best is None:
        return Cell(coverage.jurisdiction, coverage.conduct, tier, coverage, None, None)
    return Cell(coverage.jurisdiction, coverage.conduct, tier, coverage, best[1], best[2])


def compare(
    dataset: Dataset,
    conducts: Iterable[str] | None = None,
    jurisdictions: Iterable[str] | None = None,
    on: dt.date | None = None,
    tiers: TierMode = TierMode.BASE,
) -> Comparison:
    """Compare `conducts` (default: all) across `jurisdictions` (default: all) on `on` (default: today).

    >>> import datetime, policykit
    >>> table = policykit.compare(policykit.load(), conducts=["covert_filming"], on=datetime.date(2024, 1, 1))
    >>> [cell.jurisdiction for cell in table.rows[0].cells]
    ['CN', 'FR', 'KR']
    """
    on = as_date(on) if on is not None else None
    on = on or dt.date.today()
    codes = tuple(
        sorted({check_jurisdiction(dataset, code) for code in jurisdictions})
        if jurisdictions is not None
        else sorted(dataset.jurisdictions)
    )
    wanted = tuple(check_conduct(dataset, conduct) for conduct in conducts) if conducts is not None else None
    conduct_ids = tuple(dict.fromkeys(wanted)) if wanted is not None else tuple(dataset.conducts)
    verified = tuple((code, dataset.verified_on(code)) for code in codes)
    for code in codes:
        warn_if_stale(dataset, on, code)
    rows: list[Row] = []
    for conduct in conduct_ids:
        coverages = [_coverage(dataset, code, conduct, on) for code in codes]
        rows.append(Row(conduct, "base", tuple(_cell(coverage) for coverage in coverages)))
        if tiers is TierMode.ALL:
            tier_ids = sorted(
                {
                    _tier_key(tier)
                    for coverage in coverages
                    for item in coverage.provisions + coverage.conditional
                    for tier in item.version.tiers
                }
            )
            for tier_id in tier_ids:
                rows.append(Row(conduct, tier_id, tuple(_tier_cells(coverage, tier_id) for coverage in coverages)))
    return Comparison(on, codes, conduct_ids, tuple(rows), verified)
