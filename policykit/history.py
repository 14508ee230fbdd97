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
    REPEALED = "repealed"  # the last version ended and no provision succeeds it
    ADDED = "added"  # (diff) in force at the end date, not at the start
    REMOVED = "removed"  # (diff) in force at the start date, not at the end


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
    """What changed in `jurisdiction`'s provisions between `start` and `end`: added, removed, renumbered,
    and penalties raised, lowered or otherwise amended."""
    start, end = as_date(start, "start"), as_date(end, "end")
    code = check_jurisdiction(dataset, jurisdiction)
    predecessors = _predecessors(dataset)
    before = {p.id: v for p in _selected(dataset, code, None) if (v := p.version_on(start)) is not None}
    after = {p.id: v for p in _selected(dataset, code, None) if (v := p.version_on(end)) is not None}
    changes: list[Change] = []
    for provision_id, version in after.items():
        provision = dataset.provisions[provision_id]
        old = before.get(provision_id)
        if old is None:
            related = predecessors.get(provision_id)
            if related is not None and related in before:
                changes.append(
                    Change(
                        version.in_force_from,
                        ChangeKind.RENUMBERED,
                        provision_id,
                        provision.article,
                        before[related],
                        version,
                        _act(dataset, version),
                        related,
                    )
                )
            else:
                # The day it was added, not the day of the version in force at the end date.
                first = next(v for v in provision.versions if v.in_force_from > start)
                changes.append(
                    Change(
                        first.in_force_from,
                        ChangeKind.ADDED,
                        provision_id,
                        provision.article,
                        None,
                        version,
                        _act(dataset, first),
                    )
                )
        elif old != version:
            changes.append(
                Change(
                    version.in_force_from,
                    _penalty_change(provision, old, version),
                    provision_id,
                    provision.article,
                    old,
                    version,
                    _act(dataset, version),
                )
            )
    for provision_id, version in before.items():
        provision = dataset.provisions[provision_id]
        if provision_id in after or (provision.successor is not None and provision.successor in after):
            continue
        ended = version.in_force_to + _ONE_DAY if version.in_force_to is not None else end
        changes.append(Change(ended, ChangeKind.REMOVED, provision_id, provision.article, version, None, None))
    return Diff(code, start, end, tuple(_sorted(changes)))
