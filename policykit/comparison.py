"""Building a comparison (data, not text): a case applied in every jurisdiction, one typed cell each.

Each row is a conduct's case: its plain case plus the facts and quantities asked for; with `TierMode.ALL`, one
more row for each single fact that changes some jurisdiction's answer. Rendering is `policykit.rendering`'s job;
nothing here formats.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from policykit.applying import Answer, Applicable, _apply, severity
from policykit.cases import Case, _ids, _quantities, make_case, with_fact
from policykit.model import CoverageStatus, Dataset, Penalty, Source, ThresholdMeasure
from policykit.queries import DateLike, _in_force, as_date, as_ids, check_conduct, check_jurisdiction, warn_if_stale

__all__ = ["Cell", "Comparison", "Row", "TierMode", "compare", "severity"]


class TierMode(enum.Enum):
    """Which rows a comparison shows: the case only, or also one row for each single fact that, added to the
    case, changes some jurisdiction's answer."""

    BASE = "base"
    ALL = "all"


@attrs.frozen
class Cell:
    """One jurisdiction's answer to one row's case on the comparison's date."""

    jurisdiction: str
    conduct: str
    answer: Answer

    @property
    def case(self) -> Case:
        return self.answer.case

    @property
    def status(self) -> CoverageStatus:
        return self.answer.status

    @property
    def applied(self) -> Applicable | None:
        """The most severe provision version that applies to the case (None when nothing applies)."""
        return self.answer.most_severe

    @property
    def penalty(self) -> Penalty | None:
        best = self.answer.most_severe
        return best.penalty if best is not None else None

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.answer.sources


@attrs.frozen
class Row:
    conduct: str
    added_fact: str | None
    """None for the case asked; a factor id for a row that adds that one fact to it."""
    case: Case
    cells: tuple[Cell, ...]


@attrs.frozen
class Comparison:
    """Rows of cells, with the date asked, the facts added to each conduct's plain case, and each
    jurisdiction's data verification date."""

    on: dt.date
    jurisdictions: tuple[str, ...]
    conducts: tuple[str, ...]
    rows: tuple[Row, ...]
    verified_on: tuple[tuple[str, dt.date | None], ...]
    facts: tuple[str, ...] = ()
    quantities: tuple[tuple[ThresholdMeasure, int], ...] = ()
    without: tuple[str, ...] = ()

    @property
    def is_stale(self) -> bool:
        return any(date is not None and self.on > date for _, date in self.verified_on)


def compare(
    dataset: Dataset,
    conducts: Iterable[str] | None = None,
    jurisdictions: Iterable[str] | None = None,
    on: DateLike | None = None,
    tiers: TierMode = TierMode.BASE,
    facts: Iterable[str] = (),
    quantities: Mapping[str, int] | None = None,
    without: Iterable[str] = (),
) -> Comparison:
    """Apply each conduct's case (its plain case plus `facts` and `quantities`, less `without`) in every
    jurisdiction (default: all, else in the order given) on `on` (default: today).

    >>> import datetime, policykit
    >>> data = policykit.load()
    >>> table = policykit.compare(data, ["covert_filming"], ["KR", "CN"], on=datetime.date(2024, 1, 1))
    >>> [cell.jurisdiction for cell in table.rows[0].cells]
    ['KR', 'CN']
    >>> table = policykit.compare(data, ["distribution_covert"], ["CN"], datetime.date(2026, 6, 1),
    ...                           facts=["online", "obscene_material"], quantities={"members": 100000})
    >>> table.rows[0].cells[0].applied.provision.article
    '364(1)'
    """
    on = as_date(on) if on is not None else None
    on = on or dt.date.today()
    conducts = as_ids(conducts, "conducts") if conducts is not None else None
    jurisdictions = as_ids(jurisdictions, "jurisdictions") if jurisdictions is not None else None
    codes = (
        tuple(dict.fromkeys(check_jurisdiction(dataset, code) for code in jurisdictions))
        if jurisdictions is not None
        else tuple(sorted(dataset.jurisdictions))
    )
    wanted = tuple(check_conduct(dataset, conduct) for conduct in conducts) if conducts is not None else None
    conduct_ids = tuple(dict.fromkeys(wanted)) if wanted is not None else tuple(dataset.conducts)
    facts = tuple(_ids(facts, "facts"))
    without = tuple(_ids(without, "without"))
    verified = tuple((code, dataset.verified_on(code)) for code in codes)
    for code in codes:
        warn_if_stale(dataset, on, code)
    rows: list[Row] = []
    for conduct in conduct_ids:
        case = make_case(dataset, conduct, facts, quantities, without)
        base = _row(dataset, codes, case, None, on)
        rows.append(base)
        if tiers is TierMode.ALL:
            for fact in _facts_that_matter(dataset, codes, case, on):
                row = _row(dataset, codes, with_fact(dataset, case, fact), fact, on)
                if any(_outcome(cell) != _outcome(first) for cell, first in zip(row.cells, base.cells, strict=True)):
                    rows.append(row)
    return Comparison(
        on, codes, conduct_ids, tuple(rows), verified, tuple(dict.fromkeys(facts)), _quantities(quantities), without
    )


def _row(dataset: Dataset, codes: tuple[str, ...], case: Case, added: str | None, on: dt.date) -> Row:
    cells = tuple(Cell(code, case.conduct, _apply(dataset, code, case, on)) for code in codes)
    return Row(case.conduct, added, case, cells)


def _outcome(cell: Cell) -> tuple[object, ...]:
    """What a cell answers, apart from what would raise it: a row that changes no outcome is left out."""
    answer = cell.answer
    return (answer.status, answer.applicable, answer.increases, answer.undecided)


def _facts_that_matter(dataset: Dataset, codes: tuple[str, ...], case: Case, on: dt.date) -> list[str]:
    """The facts named by a condition or tier of a provision covering the conduct, not already in the case,
    in vocabulary order."""
    named: set[str] = set()
    for code in codes:
        for item in _in_force(dataset, code, on, case.conduct):
            named.update(item.version.conditions)
            for tier in item.version.tiers:
                named.update(tier.factors)
    return [fact for fact in dataset.factors if fact in named and fact not in case.facts]
