"""Checks that span files: references between ids, the order of versions, and coverage with no gap."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Collection, Iterator

import attrs

from policykit.errors import Problem
from policykit.model import Dataset, Location, Provision, Version
from policykit.queries import decides_coverage, reaches_plain_case

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Reference:
    """An id that a data file names (an ancillary measure's provision, a threshold's `set_by`, an event's
    response), where it was read, and the jurisdiction of the file that names it."""

    target: str
    location: Location
    jurisdiction: str


@attrs.define
class Marks:
    """Where the loader read what the cross-file checks may have to point at."""

    coverage: dict[str, Location] = attrs.field(factory=dict)
    """A jurisdiction code -> its `coverage:` key, where coverage gaps are reported."""
    amended_by: dict[str, Location] = attrs.field(factory=dict)
    """A version id -> its `amended_by` value."""
    references: list[Reference] = attrs.field(factory=list)


def _problem(location: Location | None, message: str) -> Problem:
    if location is None:
        return Problem("<data>", 1, 1, message)
    return Problem(location.file, location.line, location.column, message)


def check_dataset(
    dataset: Dataset,
    marks: Marks,
    today: dt.date | None = None,
    skip: Collection[str] = (),
) -> list[Problem]:
    """Every cross-file problem of `dataset`; `marks` locates references recorded by the loader.

    Coverage is checked from each jurisdiction's `coverage_from` to `today` when given, otherwise to the latest
    date its data was verified or its sources checked: the result depends on the data, not on the day it is run.
    Jurisdictions in `skip` have a file that could not be read at all: their references and coverage are
    not checked, since every problem found would be a consequence of the unreadable file.
    """
    problems: list[Problem] = []
    problems.extend(_check_jurisdictions_exist(dataset, skip))
    for provision in dataset.provisions.values():
        problems.extend(check_versions(provision))
        if provision.jurisdiction not in skip:
            problems.extend(_check_references(dataset, provision, marks))
    problems.extend(_check_reference_marks(dataset, marks, skip))
    problems.extend(check_duplicate_provisions(dataset))
    latest_anywhere = _latest_check(dataset, None)
    for code in dataset.jurisdictions:
        if code not in skip:
            until = today or _latest_check(dataset, code) or latest_anywhere
            if until is not None:
                problems.extend(_check_coverage(dataset, code, until, marks.coverage.get(code)))
    return problems


def _latest_check(dataset: Dataset, code: str | None) -> dt.date | None:
    """The latest date on which the data (of jurisdiction `code`, or all) was verified or a source checked."""
    codes = [code] if code is not None else list(dataset.jurisdictions)
    dates: list[dt.date] = []
    for each in codes:
        jurisdiction = dataset.jurisdictions.get(each)
        if jurisdiction is not None:
            dates.extend(statement.verified_on for statement in jurisdiction.coverage)
        for provision in dataset.provisions_of(each):
            for version in provision.versions:
                dates.append(version.verified_on)
                dates.extend(source.checked_on for source in version.sources)
    return max(dates, default=None)


def check_duplicate_provisions(dataset: Dataset) -> Iterator[Problem]:
    """The same provision (same instrument title and article) coded twice in one jurisdiction, for instance the
    same instrument copied under a second file name, would count twice in every comparison and export."""
    seen: dict[tuple[str, str, str], Provision] = {}
    for provision in dataset.provisions.values():
        instrument = dataset.instruments.get(provision.instrument_id)
        if instrument is None:
            continue
        title = instrument.title.original or instrument.title.en or instrument.title.fr or ""
        key = (
            provision.jurisdiction,
            " ".join(unicodedata.normalize("NFKC", title).casefold().split()),
            provision.article,
        )
        first = seen.setdefault(key, provision)
        if first is not provision:
            yield _problem(
                provision.location,
                f"{provision.id}: the same provision as {first.id} (article {provision.article} of {title!r}); "
                "code each provision once",
            )


def _check_jurisdictions_exist(dataset: Dataset, skip: Collection[str]) -> Iterator[Problem]:
    seen: set[str] = set(skip)
    for provision in dataset.provisions.values():
        code = provision.jurisdiction
        if code not in dataset.jurisdictions and code not in seen:
            seen.add(code)
            yield _problem(
                provision.location,
                f"jurisdiction {code} has no jurisdiction.yaml (or it has errors); "
                f"expected {code.lower()}/jurisdiction.yaml",
            )


def check_versions(provision: Provision) -> Iterator[Problem]:
    """Versions oldest first, not overlapping; penalties present where the liability needs one."""
    previous: Version | None = None
    for version in provision.versions:
        if previous is not None:
            if version.in_force_from <= previous.in_force_from:
                yield _problem(
                    version.location,
                    f"{provision.id}: version in force from {version.in_force_from} is listed after the version "
                    f"from {previous.in_force_from}; expected versions oldest first",
                )
            elif previous.in_force_to is not None and previous.in_force_to >= version.in_force_from:
                yield _problem(
                    version.location,
                    f"{provision.id}: version in force from {version.in_force_from} overlaps the previous version, "
                    f"in force to {previous.in_force_to}",
                )
        if version.penalty is None and provision.liability.value != "civil" and not version.thresholds:
            yield _problem(version.location, f"{provision.id}: missing 'penalty'; only civil provisions may omit it")
        seen_tiers: set[tuple[str, ...]] = set()
        for tier in version.tiers:
            key = tuple(sorted(tier.factors))
            if key in seen_tiers:
                yield _problem(
                    version.location,
                    f"{provision.id}: tier {' + '.join(tier.factors)!r} is listed twice in the version from "
                    f"{version.in_force_from}; each tier may appear once",
                )
            seen_tiers.add(key)
        for threshold in version.thresholds:
            tier_factors = {factor for tier in version.tiers for factor in tier.factors}
            if threshold.tier != "base" and threshold.tier not in tier_factors:
                yield _problem(
                    version.location,
                    f"{provision.id}: threshold for tier {threshold.tier!r}, "
                    "but no tier of this version has that factor",
                )
        previous = version


def _check_references(dataset: Dataset, provision: Provision, marks: Marks) -> Iterator[Problem]:
    jurisdiction = dataset.jurisdictions.get(provision.jurisdiction)
    for version in provision.versions:
        act_key = version.amended_by.rsplit("/", 1)[-1]
        if jurisdiction is not None and act_key not in jurisdiction.acts:
            location = marks.amended_by.get(version.id, version.location)
            known = ", ".join(sorted(jurisdiction.acts)) or "none declared"
            yield _problem(
                location,
                f"amended_by: unknown act {act_key!r}; declare it under 'acts' in "
                f"{provision.jurisdiction.lower()}/jurisdiction.yaml (declared: {known})",
            )
        fine = version.penalty.fine if version.penalty is not None else None
        if jurisdiction is not None and fine is not None and fine.currency == "XXX":
            yield _problem(version.location, f"{provision.id}: fine has no currency and the jurisdiction declares none")
    if provision.successor is not None:
        successor = dataset.provisions.get(provision.successor)
        if successor is None:
            yield _problem(provision.location, f"successor: unknown provision {provision.successor!r}")
        elif successor.id == provision.id:
            yield _problem(provision.location, "successor: a provision cannot succeed itself")
        elif successor.versions and provision.versions:
            last, first = provision.versions[-1], successor.versions[0]
            if last.in_force_to is None or last.in_force_to >= first.in_force_from:
                yield _problem(
                    provision.location,
                    f"successor: {successor.id} is in force from {first.in_force_from}, but the last version of "
                    f"{provision.id} is in force to {last.in_force_to or 'today'}; expected it to end before",
                )


def _check_reference_marks(dataset: Dataset, marks: Marks, skip: Collection[str]) -> Iterator[Problem]:
    acts = {act.id for jurisdiction in dataset.jurisdictions.values() for act in jurisdiction.acts.values()}
    for reference in sorted(marks.references, key=lambda found: (found.location.file, found.location.line)):
        if reference.jurisdiction in skip or reference.target.split("/", 1)[0].upper() in skip:
            continue  # a file of that jurisdiction could not be read: what it declares is unknown
        if reference.target not in dataset.provisions and reference.target not in acts:
            yield _problem(reference.location, f"unknown provision or act id {reference.target!r}")


def _intervals(dataset: Dataset, code: str, conduct: str) -> list[tuple[dt.date, dt.date | None]]:
    """The periods in which a provision reaching the general case of `conduct` is in force."""
    spans: list[tuple[dt.date, dt.date | None]] = []
    for provision in dataset.provisions_of(code):
        for version in provision.versions:
            if reaches_plain_case(dataset, version, conduct) and decides_coverage(dataset, provision, version):
                spans.append((version.in_force_from, version.in_force_to))
    return spans


def _check_coverage(dataset: Dataset, code: str, today: dt.date, file_location: Location | None) -> Iterator[Problem]:
    """From `coverage_from` to today, each day of each conduct has a provision reaching its plain case (whose
    conditions are all plain-case facts) or a statement, and not both."""
    jurisdiction = dataset.jurisdictions[code]
    for conduct in sorted(dataset.conducts):
        provision_spans = _intervals(dataset, code, conduct)
        statements = [s for s in jurisdiction.coverage if s.conduct == conduct]
        for statement in statements:
            for start, end in provision_spans:
                if _overlap(statement.start, statement.end, start, end):
                    yield _problem(
                        statement.location,
                        f"coverage.{conduct}: statement {statement.status.value} from {statement.start} overlaps a "
                        f"provision covering {conduct} in force from {start}; a statement is only for days no "
                        "provision covers",
                    )
                    break
        ordered = sorted(statements, key=lambda s: s.start)
        for first, second in itertools.pairwise(ordered):
            if _overlap(first.start, first.end, second.start, second.end):
                yield _problem(second.location, f"coverage.{conduct}: statement overlaps the one from {first.start}")
        spans = sorted(
            provision_spans + [(s.start, s.end) for s in statements],
            key=lambda span: span[0],
        )
        gap = _first_gap(spans, jurisdiction.coverage_from, today)
        if gap is not None:
            start, end = gap
            yield _problem(
                file_location,
                f"coverage: conduct {conduct!r} has no provision and no coverage statement from {start} to {end}; "
                "add a statement (not_covered or unknown) so no cell is blank",
            )


def _overlap(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None) -> bool:
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def _first_gap(
    spans: list[tuple[dt.date, dt.date | None]], start: dt.date, today: dt.date
) -> tuple[dt.date, dt.date] | None:
    cursor = start
    for span_start, span_end in spans:
        if span_start > cursor:
            return cursor, min(span_start - _ONE_DAY, today)
        if span_end is None or span_end >= today:
            return None
        cursor = max(cursor, span_end + _ONE_DAY)
    if cursor <= today:
        return cursor, today
    return None
