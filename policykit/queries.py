"""Questions asked of a dataset on a date: which version was in force, what covers a conduct.

Every query that takes a date warns (`StaleDataWarning`) when the date is after the data was last
checked against its sources: the law may have changed since.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterable
from typing import Any, Protocol, TypeAlias

import attrs

from policykit.errors import ArgumentTypeError, BeforeCoverageWarning, StaleDataWarning, UnknownIdError
from policykit.model import (
    CoverageStatement,
    CoverageStatus,
    Dataset,
    Event,
    InstrumentKind,
    Liability,
    Provision,
    Reach,
    StatementStatus,
    Version,
)


@attrs.frozen
class InForce:
    """A provision together with its version in force on the date asked."""

    provision: Provision
    version: Version


@attrs.frozen
class Coverage:
    """How a jurisdiction treats a conduct on a date: never blank.

    `provisions` are those that reach the conduct's plain case; `conditional` those that apply only when
    some further facts hold (a minor victim, obscene material, special equipment). `policykit.apply` answers
    any other case. When no provision is in
    force, `statement` is the coverage statement of the data (not covered, or unknown), if any.
    """

    jurisdiction: str
    conduct: str
    on: dt.date
    status: CoverageStatus
    provisions: tuple[InForce, ...] = ()
    conditional: tuple[InForce, ...] = ()
    statement: CoverageStatement | None = None

    @property
    def reason(self) -> str | None:
        """Why nothing covers the conduct, when that is the answer."""
        if self.statement is not None:
            return self.statement.reason
        if self.status is CoverageStatus.UNKNOWN:
            return "the data has no provision and no coverage statement for this date"
        return None


class HasDate(Protocol):
    """Anything with a `.date()` method that gives a `datetime.date`, such as a `pandas.Timestamp`."""

    def date(self) -> dt.date: ...


#: What a public function accepts for a date: a `datetime.date` or `datetime.datetime`, an ISO `YYYY-MM-DD`
#: text, or an object with a `.date()` method (`pandas.Timestamp`); see `as_date`.
DateLike: TypeAlias = dt.date | str | HasDate

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def as_date(value: Any, name: str = "on") -> dt.date:
    """`value` as a date: a `datetime.date`, a `datetime.datetime` or anything with a `.date()` method (a
    `pandas.Timestamp`) gives its date, and text must be an ISO date (`2021-01-01`). Anything else raises
    `ArgumentTypeError` (a `TypeError` and a `PolicykitError`) naming the parameter `name`.

    >>> as_date("2021-01-01"), as_date(dt.datetime(2021, 1, 1, 12, 30))
    (datetime.date(2021, 1, 1), datetime.date(2021, 1, 1))
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise ArgumentTypeError(f"{name}: {value!r} is not a real calendar date") from None
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise ArgumentTypeError(f"{name}: expected a date as YYYY-MM-DD, found {shown!r}")
    method = getattr(value, "date", None)
    if callable(method) and not isinstance(value, type):
        try:
            found = method()
        except Exception:  # whatever the object raises, the answer is that it is not a date
            found = None
        if isinstance(found, dt.date) and not isinstance(found, dt.datetime):
            return found
    raise ArgumentTypeError(
        f"{name}: expected a date (datetime.date, datetime.datetime, pandas.Timestamp or 'YYYY-MM-DD'), "
        f"found {type(value).__name__}"
    )


def as_ids(value: Iterable[str] | None, name: str) -> tuple[str, ...] | None:
    """A parameter that takes several ids, as a tuple; a single text (which would iterate its characters) or
    anything that is not a collection of texts raises `ArgumentTypeError`."""
    if value is None:
        return None
    if isinstance(value, str | bytes):
        raise ArgumentTypeError(f"{name}: expected a list of ids, found the single text {value!r}; write [{value!r}]")
    try:
        ids = tuple(value)
    except TypeError:
        raise ArgumentTypeError(f"{name}: expected a list of ids, found {type(value).__name__}") from None
    for item in ids:
        _check_id_type(item, name)
    return ids


def _check_id_type(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name}: expected an id (text), found {type(value).__name__}")


def check_jurisdiction(dataset: Dataset, code: str) -> str:
    """`code` in upper case if the dataset has it; otherwise `UnknownIdError` listing the choices."""
    _check_id_type(code, "jurisdiction")
    upper = code.upper()
    if upper not in dataset.jurisdictions:
        raise UnknownIdError("jurisdiction", code, dataset.jurisdictions)
    return upper


def check_conduct(dataset: Dataset, conduct: str) -> str:
    _check_id_type(conduct, "conduct")
    if conduct not in dataset.conducts:
        raise UnknownIdError("conduct", conduct, dataset.conducts)
    return conduct


def events_of(dataset: Dataset, jurisdiction: str) -> list[Event]:
    """The events (incidents that give context, not law) of `jurisdiction`, oldest first.

    >>> import policykit
    >>> [event.id for event in policykit.events_of(policykit.load(), "KR")]
    ['kr/event/nth-room']
    """
    code = check_jurisdiction(dataset, jurisdiction)
    found = [event for event in dataset.events.values() if event.jurisdiction == code]
    return sorted(found, key=lambda event: (event.started_on, event.id))


def warn_if_stale(dataset: Dataset, on: DateLike, jurisdiction: str | None = None, stacklevel: int = 3) -> None:
    """Warn (`StaleDataWarning`) when `on` is after the data was last verified, and (`BeforeCoverageWarning`)
    when it is before `jurisdiction`'s data begins."""
    on = as_date(on)
    known = dataset.jurisdictions.get(jurisdiction) if jurisdiction is not None else None
    if known is not None and on < known.coverage_from:
        warnings.warn(
            BeforeCoverageWarning(
                f"{on} is before the {jurisdiction} data begins ({known.coverage_from}); law in force then is not"
                " in the data"
            ),
            stacklevel=stacklevel,
        )
    verified_on = dataset.verified_on(jurisdiction)
    if verified_on is not None and on > verified_on:
        scope = f"{jurisdiction} " if jurisdiction else ""
        warnings.warn(
            StaleDataWarning(
                f"{on} is after the {scope}data was last verified ({verified_on}); the law may have changed since"
            ),
            stacklevel=stacklevel,
        )


def version_in_force(dataset: Dataset, provision_id: str, on: DateLike) -> Version | None:
    """The version of `provision_id` in force on `on`; None before its first version or after its repeal.

    >>> import datetime, policykit
    >>> data = policykit.load()
    >>> version = policykit.version_in_force(data, "kr/sca/art_14__para_1", datetime.date(2021, 1, 1))
    >>> version.in_force_from.isoformat()
    '2020-05-19'
    """
    on = as_date(on)
    _check_id_type(provision_id, "provision_id")
    provision = dataset.provisions.get(provision_id)
    if provision is None:
        raise UnknownIdError("provision", provision_id, dataset.provisions)
    warn_if_stale(dataset, on, provision.jurisdiction)
    return provision.version_on(on)


def provisions_in_force(dataset: Dataset, jurisdiction: str, on: DateLike, conduct: str | None = None) -> list[InForce]:
    """The provisions of `jurisdiction` in force on `on` (covering `conduct`, if given), in id order."""
    on = as_date(on)
    code = check_jurisdiction(dataset, jurisdiction)
    if conduct is not None:
        check_conduct(dataset, conduct)
    warn_if_stale(dataset, on, code)
    return _in_force(dataset, code, on, conduct)


def _in_force(dataset: Dataset, code: str, on: dt.date, conduct: str | None) -> list[InForce]:
    found: list[InForce] = []
    for provision in dataset.provisions_of(code):
        version = provision.version_on(on)
        if version is None or (conduct is not None and conduct not in version.conducts):
            continue
        found.append(InForce(provision, version))
    return found


def status_of(provision: Provision) -> tuple[int, CoverageStatus]:
    """How a provision covers a conduct (a specific offence before a general one, then administrative, then
    civil), with its rank: the lowest rank among the provisions that apply gives a cell its status."""
    liability = provision.liability
    if liability is Liability.CRIMINAL:
        if provision.reach is Reach.SPECIFIC:
            return 0, CoverageStatus.SPECIFIC_OFFENCE
        return 1, CoverageStatus.GENERAL_OFFENCE
    if liability is Liability.ADMINISTRATIVE:
        return 2, CoverageStatus.ADMINISTRATIVE_SANCTION
    return 3, CoverageStatus.CIVIL_REMEDY


def coverage_statement(dataset: Dataset, code: str, conduct: str, on: dt.date) -> CoverageStatement | None:
    """The data's statement (not covered, or unknown) for `conduct` in `code` on `on`, if any."""
    for statement in dataset.jurisdictions[code].coverage:
        if statement.conduct == conduct and statement.applies_on(on):
            return statement
    return None


def statement_status(statement: CoverageStatement | None) -> CoverageStatus:
    """A cell's status when no provision applies: what the statement says, and unknown without one."""
    if statement is not None and statement.status is StatementStatus.NOT_COVERED:
        return CoverageStatus.NOT_COVERED
    return CoverageStatus.UNKNOWN


def coverage(dataset: Dataset, jurisdiction: str, conduct: str, on: DateLike) -> Coverage:
    """How `jurisdiction` treats `conduct` on `on`.

    >>> import datetime, policykit
    >>> data = policykit.load()
    >>> policykit.coverage(data, "KR", "possession_viewing", datetime.date(2019, 6, 1)).status.value
    'not_covered'
    """
    on = as_date(on)
    code = check_jurisdiction(dataset, jurisdiction)
    check_conduct(dataset, conduct)
    warn_if_stale(dataset, on, code)
    return _coverage(dataset, code, conduct, on)


def _coverage(dataset: Dataset, code: str, conduct: str, on: dt.date) -> Coverage:
    in_force = [
        item
        for item in _in_force(dataset, code, on, conduct)
        if decides_coverage(dataset, item.provision, item.version)
    ]
    general = tuple(item for item in in_force if reaches_plain_case(dataset, item.version, conduct))
    conditional = tuple(item for item in in_force if not reaches_plain_case(dataset, item.version, conduct))
    if general:
        status = min(status_of(item.provision) for item in general)[1]
        return Coverage(code, conduct, on, status, general, conditional)
    # No provision reaches the general case: the coverage statement says what holds for it (not covered, or
    # unknown); provisions that reach only narrower cases (a minor victim, obscene material) are listed beside it.
    statement = coverage_statement(dataset, code, conduct, on)
    return Coverage(code, conduct, on, statement_status(statement), conditional=conditional, statement=statement)


def implied_facts(dataset: Dataset, facts: Iterable[str]) -> frozenset[str]:
    """`facts` and every fact they imply, as the vocabulary says (a victim under 15 is a minor)."""
    found = set(facts)
    pending = list(found)
    while pending:
        factor = dataset.factors.get(pending.pop())
        for implied in factor.implies if factor is not None else ():
            if implied not in found:
                found.add(implied)
                pending.append(implied)
    return frozenset(found)


def reaches_plain_case(dataset: Dataset, version: Version, conduct: str) -> bool:
    """Whether `version` reaches the plain case of `conduct`: it covers the conduct, every condition it sets is a
    fact all instances of the conduct have (`plain_case` in the vocabulary), and its base needs no quantity at a
    judicial-interpretation threshold."""
    if conduct not in version.conducts:
        return False
    known = dataset.conducts.get(conduct)
    plain = implied_facts(dataset, known.plain_case if known is not None else ())
    if not version.conditions_met_by(plain):
        return False
    return not any(threshold.tier == "base" for threshold in version.thresholds)


def decides_coverage(dataset: Dataset, provision: Provision, version: Version) -> bool:
    """Whether a provision version can by itself make a conduct punishable (or actionable).

    Judicial interpretations, and other provisions with no penalty of their own, condition other provisions.
    """
    instrument = dataset.instruments.get(provision.instrument_id)
    if instrument is not None and instrument.kind is InstrumentKind.JUDICIAL_INTERPRETATION:
        return False
    return version.penalty is not None or provision.liability is Liability.CIVIL
