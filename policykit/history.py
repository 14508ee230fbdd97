"""How the law changed: a jurisdiction's timeline, and the difference between two dates (data, not text)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from policykit.applying import severity
from policykit.model import Act, Dataset, Provision, Version
from policykit.queries import as_date, as_ids, check_conduct, check_jurisdiction

_ONE_DAY = dt.timedelta(days=1)


class ChangeKind(enum.Enum):
    ENACTED = "enacted"  # a provision's first version, not a renumbering
    RENUMBERED = "renumbered"  # the first version of a provision that succeeds another
    RAISED = "raised"  # a new version with a more severe base penalty
    LOWERED = "lowered"  # a new version with a less severe base penalty
    AMENDED = "amended"  # a new version whose base penalty is as severe (other terms changed)
    THRESHOLDS = "thresholds"  # same penalty; a judicial interpretation set or changed the thresholds
    REPEALED = "repealed"  # the last version ended and no provision succeeds it


_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


@attrs.frozen
class Change:
    """One dated change to one provision, with the versions before and after and the act that made it."""

    on: dt.date
    kind: ChangeKind
    provision_id: str
    article: str
    before: Version | None
    after: Version | None
    act: Act | None
    related: str | None = None
    """For a renumbering, the provision that was replaced."""
    penalty_change: ChangeKind | None = None
    """For a renumbering, whether the base penalty was raised, lowered or kept (AMENDED) on the way."""


@attrs.frozen
class Diff:
    jurisdiction: str
    start: dt.date
    end: dt.date
    changes: tuple[Change, ...]


def _act(dataset: Dataset, version: Version | None) -> Act | None:
    if version is None:
        return None
    code = version.provision_id.split("/", 1)[0].upper()
    return dataset.jurisdictions[code].acts.get(version.amended_by.rsplit("/", 1)[-1])


def _predecessors(dataset: Dataset) -> dict[str, str]:
    return {p.successor: p.id for p in dataset.provisions.values() if p.successor is not None}


def _penalty_change(provision: Provision, before: Version, after: Version) -> ChangeKind:
    old = severity(provision.liability, before.penalty)
    new = severity(provision.liability, after.penalty)
    if new > old:
        return ChangeKind.RAISED
    if new < old:
        return ChangeKind.LOWERED
    if before.thresholds != after.thresholds:
        return ChangeKind.THRESHOLDS
    return ChangeKind.AMENDED


def _selected(dataset: Dataset, code: str, conducts: Iterable[str] | None) -> list[Provision]:
    wanted = {check_conduct(dataset, conduct) for conduct in conducts} if conducts else None
    return [
        provision for provision in dataset.provisions_of(code) if wanted is None or wanted & set(provision.conducts)
    ]


def _sorted(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda change: (change.on, change.provision_id, _ORDER[change.kind]))


def timeline(dataset: Dataset, jurisdiction: str, conducts: Iterable[str] | None = None) -> list[Change]:
    """Every dated change to the provisions of `jurisdiction` (covering `conducts`, if given), oldest first.

    >>> import policykit
    >>> from policykit.history import timeline
    >>> [c.kind.value for c in timeline(policykit.load(), "KR") if c.provision_id == "kr/sca/art_14__para_1"]
    ['renumbered', 'raised', 'raised']
    """
    conducts = as_ids(conducts, "conducts")
    code = check_jurisdiction(dataset, jurisdiction)
    predecessors = _predecessors(dataset)
    changes: list[Change] = []
    for provision in _selected(dataset, code, conducts):
        previous: Version | None = None
        for version in provision.versions:
            if previous is None:
                related = predecessors.get(provision.id)
                kind = ChangeKind.RENUMBERED if related else ChangeKind.ENACTED
                before = None
                if related is not None and dataset.provisions[related].versions:
                    before = dataset.provisions[related].versions[-1]
                penalty_change = None
                if related is not None and before is not None:
                    penalty_change = _penalty_change(provision, before, version)
                changes.append(
                    Change(
                        version.in_force_from,
                        kind,
                        provision.id,
                        provision.article,
                        before,
                        version,
                        _act(dataset, version),
                        related,
                        penalty_change,
                    )
                )
            else:
                changes.append(
                    Change(
                        version.in_force_from,
                        _penalty_change(provision, previous, version),
                        provision.id,
                        provision.article,
                        previous,
                        version,
                        _act(dataset, version),
                    )
                )
            previous = version
        if previous is not None and previous.in_force_to is not None and provision.successor is None:
            changes.append(
                Change(
                    previous.in_force_to + _ONE_DAY,
                    ChangeKind.REPEALED,
                    provision.id,
                    provision.article,
                    previous,
                    None,
                    None,
                )
            )
    return _sorted(changes)


def diff(dataset: Dataset, jurisdiction: str, start: dt.date, end: dt.date) -> Diff:
    """Every change to `jurisdiction`'s provisions after `start` up to and including `end`, oldest first: each
    act's step (Korea 2018 to 2021 shows Act No. 15977 and Act No. 17264 in turn), enactments, renumberings (with
    the penalty change they carried) and repeals.

    >>> import datetime, policykit
    >>> from policykit.history import diff
    >>> found = diff(policykit.load(), "KR", datetime.date(2018, 1, 1), datetime.date(2021, 1, 1))
    >>> [c.act.reference for c in found.changes if c.provision_id == "kr/sca/art_14__para_1"]
    ['Act No. 15977', 'Act No. 17264']
    """
    start = as_date(start, "start")
    end = as_date(end, "end")
    code = check_jurisdiction(dataset, jurisdiction)
    changes = [change for change in timeline(dataset, code) if start < change.on <= end]
    return Diff(code, start, end, tuple(changes))
