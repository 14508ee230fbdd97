"""How the law changed: a jurisdiction's timeline, and the difference between two dates (data, not text)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from policykit.applying import severity
from policykit.errors import ArgumentTypeError
from policykit.model import Act, Dataset, Provision, Version
from policykit.queries import DateLike, as_date, as_ids, check_conduct, check_jurisdiction

_ONE_DAY = dt.timedelta(days=1)


class ChangeKind(enum.Enum):
    ENACTED = "enacted"  # a provision's creation: its first version starts inside the data's coverage period
    FIRST_CODED = "first_coded"  # the first version in the data, already in force when the coverage period begins
    RENUMBERED = "renumbered"  # the first version of a provision that succeeds another
    RAISED = "raised"  # a new version with a more severe base penalty
    LOWERED = "lowered"  # a new version with a less severe base penalty
    AMENDED = "amended"  # a new version whose base penalty is as severe (other terms changed)
    THRESHOLDS = "thresholds"  # same penalty; a judicial interpretation set or changed the thresholds
    REPEALED = "repealed"  # the last version ended and no provision succeeds it


_ORDER = {kind: index for index, kind in enumerate(ChangeKind)}


class Aspect(enum.Enum):
    """A part of a provision version that one version can change from the last, in the order they are named."""

    PENALTY_TERMS = "penalty_terms"  # the base penalty's terms, at the same severity
    TIERS = "tiers"
    THRESHOLDS = "thresholds"
    CONDUCTS = "conducts"
    CONDITIONS = "conditions"  # applies_only_when, applies_when_any
    ANCILLARY = "ancillary"  # sex-offender registration, confiscation, orders
    PROSECUTION = "prosecution"
    WORDING = "wording"  # only the summary of the text: no coded term changed


def changed_aspects(before: Version, after: Version) -> tuple[Aspect, ...]:
    """What `after` changes from `before`, besides the severity of the base penalty; `WORDING` alone when the
    versions differ in no coded term (the act reworded the text; the summary says how).

    >>> import policykit
    >>> from policykit.history import changed_aspects
    >>> versions = policykit.load().provisions["kr/sca/art_14__para_1"].versions
    >>> [aspect.value for aspect in changed_aspects(versions[-2], versions[-1])]
    ['ancillary']
    """
    found: list[Aspect] = []
    pairs = (
        (Aspect.PENALTY_TERMS, before.penalty, after.penalty),
        (Aspect.TIERS, before.tiers, after.tiers),
        (Aspect.THRESHOLDS, before.thresholds, after.thresholds),
        (Aspect.CONDUCTS, set(before.conducts), set(after.conducts)),
        (
            Aspect.CONDITIONS,
            (set(before.applies_only_when), set(before.applies_when_any)),
            (set(after.applies_only_when), set(after.applies_when_any)),
        ),
        (Aspect.ANCILLARY, set(before.ancillary), set(after.ancillary)),
        (Aspect.PROSECUTION, before.prosecution, after.prosecution),
    )
    for aspect, old, new in pairs:
        if old != new:
            found.append(aspect)
    if not found and before.summary != after.summary:
        found.append(Aspect.WORDING)
    return tuple(found)


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
    aspects: tuple[Aspect, ...] = ()
    """Between two versions (or across a renumbering), what else changed besides the base penalty's severity."""


@attrs.frozen
class Diff:
    """The changes to one jurisdiction's provisions after `start` up to and including `end`."""

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


def _unknown_fine_ceiling(version: Version) -> bool:
    """A fine counted in units whose value in the period the data does not state: its ceiling is unknown, not 0."""
    fine = version.penalty.fine if version.penalty is not None else None
    return fine is not None and fine.units is not None and fine.ceiling is None and not fine.unspecified


def _penalty_change(provision: Provision, before: Version, after: Version) -> ChangeKind:
    old: tuple[object, ...] = severity(provision.liability, before.penalty)
    new: tuple[object, ...] = severity(provision.liability, after.penalty)
    if _unknown_fine_ceiling(before) or _unknown_fine_ceiling(after):
        # Fines whose ceilings cannot both be stated are not compared: the rest of the penalty decides.
        old, new = old[:-1], new[:-1]
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


def _aspects(kind: ChangeKind, before: Version, after: Version) -> tuple[Aspect, ...]:
    """What changed besides what the kind already says (a raised penalty has other terms, thresholds changed)."""
    implied = {
        ChangeKind.RAISED: Aspect.PENALTY_TERMS,
        ChangeKind.LOWERED: Aspect.PENALTY_TERMS,
        ChangeKind.THRESHOLDS: Aspect.THRESHOLDS,
    }.get(kind)
    return tuple(aspect for aspect in changed_aspects(before, after) if aspect is not implied)


def timeline(
    dataset: Dataset,
    jurisdiction: str,
    conducts: Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> list[Change]:
    """Every dated change to the provisions of `jurisdiction` (covering `conducts`, if given), oldest first; with
    `start` and/or `end`, only the changes on or after `start` and on or before `end`.

    A provision's first version is `ENACTED` when it starts after the jurisdiction's `coverage_from` (the data
    holds every provision from that date, so a later first version is a creation) and `FIRST_CODED` when it was
    already in force then. A new version that changes nothing coded, not even the summary of its text, is left
    out; otherwise `aspects` says what it changed.

    >>> import policykit
    >>> from policykit.history import timeline
    >>> data = policykit.load()
    >>> [c.kind.value for c in timeline(data, "KR") if c.provision_id == "kr/sca/art_14__para_1"]
    ['renumbered', 'raised', 'raised', 'amended']
    >>> [c.on.isoformat() for c in timeline(data, "KR", ["covert_filming"], start="2020-01-01", end="2020-12-31")]
    ['2020-05-19', '2020-05-19', '2020-06-02', '2020-06-02']
    """
    conducts = as_ids(conducts, "conducts")
    code = check_jurisdiction(dataset, jurisdiction)
    first = as_date(start, "start") if start is not None else None
    last = as_date(end, "end") if end is not None else None
    if first is not None and last is not None and last < first:
        raise ArgumentTypeError(f"end: {last.isoformat()} is before start {first.isoformat()}")
    coverage_from = dataset.jurisdictions[code].coverage_from
    predecessors = _predecessors(dataset)
    changes: list[Change] = []
    for provision in _selected(dataset, code, conducts):
        previous: Version | None = None
        for version in provision.versions:
            act = _act(dataset, version)
            if previous is None:
                related = predecessors.get(provision.id)
                before = None
                if related is not None and dataset.provisions[related].versions:
                    before = dataset.provisions[related].versions[-1]
                if related is not None:
                    kind = ChangeKind.RENUMBERED
                elif version.in_force_from > coverage_from:
                    kind = ChangeKind.ENACTED
                else:
                    kind = ChangeKind.FIRST_CODED
                penalty_change = None
                aspects: tuple[Aspect, ...] = ()
                if related is not None and before is not None:
                    penalty_change = _penalty_change(provision, before, version)
                    aspects = _aspects(penalty_change, before, version)
                changes.append(
                    Change(
                        version.in_force_from,
                        kind,
                        provision.id,
                        provision.article,
                        before,
                        version,
                        act,
                        related,
                        penalty_change,
                        aspects,
                    )
                )
            else:
                kind = _penalty_change(provision, previous, version)
                aspects = _aspects(kind, previous, version)
                if kind is not ChangeKind.AMENDED or aspects:
                    changes.append(
                        Change(
                            version.in_force_from,
                            kind,
                            provision.id,
                            provision.article,
                            previous,
                            version,
                            act,
                            aspects=aspects,
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
    return _sorted(
        [change for change in changes if (first is None or change.on >= first) and (last is None or change.on <= last)]
    )


def diff(dataset: Dataset, jurisdiction: str, start: DateLike, end: DateLike) -> Diff:
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
    if end < start:
        raise ArgumentTypeError(f"end: {end.isoformat()} is before start {start.isoformat()}")
    changes = [change for change in timeline(dataset, code) if start < change.on <= end]
    return Diff(code, start, end, tuple(changes))
