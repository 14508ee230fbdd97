"""Measuring a jurisdiction's law against a standard: one verdict per requirement, jurisdiction and date.

Each requirement is measured with the case model (`policykit.apply`), never by reading provision texts:

- `criminalise`: each of the requirement's cases is applied. The case *meets* when a criminal provision applies
  to it and, where the requirement has a penalty floor, the maximum imprisonment of the most severe one reaches the
  floor (life imprisonment, or a minimum with no stated maximum, reaches any floor). Otherwise it *falls short*:
  - `maximum_below_floor`: a criminal provision applies but its maximum is below the floor (or it has none);
  - `narrower_condition`: a criminal provision would apply only with one more fact that the requirement does not
    give (the victim is a minor, the images are obscene material): its condition is narrower than the standard's;
  - `not_criminal`: only an administrative sanction or a civil remedy applies, or the data says nothing reaches it.
  A case is *unknown* when the answer needs legal judgment the data does not hold: the only criminal route needs a
  fact that one of the requirement's conditions lists in `may_match` (does China's "serious circumstances" reach
  every sharing "likely to cause serious harm"?), with that condition's question; or the data has not researched
  the conduct (`not_researched`), or cannot tell whether an attempt is punished.
- `aggravate`: each listed fact is added to each case; it *meets* when the most severe answer becomes more severe.
  A fact that changes nothing is `aggravation_missing`, an unknown and not a shortfall: the directive asks only that
  courts *may* weigh the circumstance, and the data codes statutory aggravated forms, not general sentencing rules.
- `remove`: the data codes platform duties but not who may order removal, so the verdict is always unknown; the
  provisions in force that cover the requirement's conduct are listed as what it would rest on.

The findings of a requirement combine: *meets* when all are met and nothing is left unmodelled (`unmodelled` parts
of a requirement are questions); *partly* when some are met and others fall short or cannot be told; *falls short*
when none is met and at least one falls short; *unknown* otherwise. A jurisdiction the standard does not bind is
measured as if it applied (`Assessment.as_if`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from policykit.applying import Answer, _apply, severity
from policykit.cases import Case, make_case, with_fact
from policykit.model import CoverageStatus, Dataset, Liability, Penalty, Provision, Tier, Version
from policykit.queries import _in_force, as_date, as_ids, check_jurisdiction, decides_coverage, warn_if_stale
from policykit.standards import Floor, Requirement, RequirementKind, Standard, load_standard


class Verdict(enum.Enum):
    MEETS = "meets"
    FALLS_SHORT = "falls_short"
    PARTLY = "partly"
    UNKNOWN = "unknown"


class Reason(enum.Enum):
    """Why a finding is not met (a shortfall) or cannot be told (an unknown)."""

    NOT_CRIMINAL = "not_criminal"
    MAXIMUM_BELOW_FLOOR = "maximum_below_floor"
    NARROWER_CONDITION = "narrower_condition"
    AGGRAVATION_MISSING = "aggravation_missing"
    NEEDS_JUDGMENT = "needs_judgment"
    """The only criminal route needs a fact whose scope, against the standard's condition, is a legal judgment."""
    NOT_RESEARCHED = "not_researched"
    NOT_IN_DATA = "not_in_data"
    """The requirement asks something the data does not hold (who may order removal; a conduct it lacks)."""


@attrs.frozen
class Ground:
    """A provision version a finding rests on, with the penalty it provides for the case."""

    provision: Provision
    version: Version
    tier: Tier | None
    penalty: Penalty | None
    needs: str | None = None
    """A fact the provision needs beyond the case (its route to criminal liability), if any."""


@attrs.frozen
class Finding:
    """One case (or one aggravating fact on one case) measured."""

    verdict: Verdict
    case: Case | None
    reason: Reason | None = None
    grounds: tuple[Ground, ...] = ()
    aggravation: str | None = None
    """For `aggravate`: the fact measured."""
    status: CoverageStatus | None = None
    """What the jurisdiction's answer to the case is (for `not_criminal`: administrative, civil, not covered)."""
    questions: tuple[str, ...] = ()
    """For an unknown: the questions a lawyer would have to answer (from the standard's data)."""


@attrs.frozen
class Assessment:
    """One jurisdiction measured against one requirement on one date."""

    requirement: Requirement
    jurisdiction: str
    on: dt.date
    verdict: Verdict
    findings: tuple[Finding, ...]
    questions: tuple[str, ...]
    """Every question left open: from unknown findings and the requirement's unmodelled parts."""
    as_if: bool
    """True when the standard does not bind the jurisdiction: measured as if it applied."""

    @property
    def grounds(self) -> tuple[Ground, ...]:
        return tuple(dict.fromkeys(ground for finding in self.findings for ground in finding.grounds))

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(dict.fromkeys(f.reason for f in self.findings if f.reason is not None))


@attrs.frozen
class AssessmentRow:
    requirement: Requirement
    cells: tuple[Assessment, ...]


@attrs.frozen
class AssessmentTable:
    """A standard's requirements as rows, jurisdictions as columns, on one date."""

    standard: Standard
    on: dt.date
    jurisdictions: tuple[str, ...]
    rows: tuple[AssessmentRow, ...]
    verified_on: tuple[tuple[str, dt.date | None], ...]

    @property
    def as_if(self) -> tuple[str, ...]:
        """The jurisdictions measured as if the standard applied to them."""
        return tuple(code for code in self.jurisdictions if not self.standard.binds_jurisdiction(code))


def assess(
    dataset: Dataset,
    standard: Standard | str,
    jurisdictions: Iterable[str] | None = None,
    on: dt.date | None = None,
) -> AssessmentTable:
    """Measure each jurisdiction (default: all) against every requirement of `standard` (a `Standard`, or the id of
    a bundled one such as `eu-2024-1385`) on `on` (default: today).

    >>> import datetime, policykit
    >>> data = policykit.load()
    >>> table = policykit.assess(data, "eu-2024-1385", ["FR"], datetime.date(2026, 11, 21))
    >>> row = table.rows[1]
    >>> row.requirement.article, row.cells[0].verdict.value, row.cells[0].grounds[0].provision.article
    ('5(1)(b)', 'meets', '226-8-1')
    """
    on = as_date(on) if on is not None else dt.date.today()
    if isinstance(standard, str):
        standard = load_standard(dataset, standard)
    codes = _codes(dataset, jurisdictions)
    for code in codes:
        warn_if_stale(dataset, on, code)
    rows = tuple(
        AssessmentRow(requirement, tuple(measure(dataset, standard, requirement, code, on) for code in codes))
        for requirement in standard.requirements
    )
    verified = tuple((code, dataset.verified_on(code)) for code in codes)
    return AssessmentTable(standard, on, codes, rows, verified)


def _codes(dataset: Dataset, jurisdictions: Iterable[str] | None) -> tuple[str, ...]:
    """The jurisdictions asked for, checked, in the order given; all of them by default."""
    if jurisdictions is None:
        return tuple(sorted(dataset.jurisdictions))
    wanted = as_ids(jurisdictions, "jurisdictions") or ()
    return tuple(dict.fromkeys(check_jurisdiction(dataset, code) for code in wanted))


def measure(dataset: Dataset, standard: Standard, requirement: Requirement, code: str, on: dt.date) -> Assessment:
    """One requirement in one jurisdiction on one date (`code` must be a known jurisdiction code)."""
    findings: list[Finding] = []
    cases = [make_case(dataset, wanted.conduct, wanted.facts) for wanted in requirement.cases]
    if requirement.kind is RequirementKind.CRIMINALISE:
        findings = [_criminal_finding(dataset, requirement, code, case, on) for case in cases]
    elif requirement.kind is RequirementKind.AGGRAVATE:
        for case in cases:
            findings.extend(_aggravation_findings(dataset, requirement, code, case, on))
    else:
        findings = [_duty_finding(dataset, requirement, code, on)]
    unmodelled = tuple(part.question for part in requirement.unmodelled)
    questions = tuple(dict.fromkeys([*(q for f in findings for q in f.questions), *unmodelled]))
    verdict = _combine([finding.verdict for finding in findings], open_parts=bool(unmodelled))
    return Assessment(requirement, code, on, verdict, tuple(findings), questions, not standard.binds_jurisdiction(code))


def _combine(verdicts: list[Verdict], open_parts: bool) -> Verdict:
    if verdicts and all(verdict is Verdict.MEETS for verdict in verdicts) and not open_parts:
        return Verdict.MEETS
    if any(verdict in (Verdict.MEETS, Verdict.PARTLY) for verdict in verdicts):
        return Verdict.PARTLY
    if any(verdict is Verdict.FALLS_SHORT for verdict in verdicts):
        return Verdict.FALLS_SHORT
    return Verdict.UNKNOWN


def reaches_floor(penalty: Penalty | None, floor: Floor | None) -> bool:
    """Whether `penalty` allows imprisonment for at least the floor's term (no floor: any criminal penalty)."""
    if floor is None:
        return True
    if penalty is None:
        return False
    if penalty.life_imprisonment:
        return True
    imprisonment = penalty.imprisonment
    if imprisonment is None:
        return False
    if imprisonment.max is None:
        return True  # "at least N years" with no stated maximum
    return imprisonment.max.months >= floor.max_at_least.months


def _criminal_finding(dataset: Dataset, requirement: Requirement, code: str, case: Case, on: dt.date) -> Finding:
    answer = _apply(dataset, code, case, on)
    criminal = [found for found in answer.applicable if found.provision.liability is Liability.CRIMINAL]
    if criminal:
        best = criminal[0]  # most severe first
        ground = Ground(best.provision, best.version, best.tier, best.penalty)
        if reaches_floor(best.penalty, requirement.floor):
            return Finding(Verdict.MEETS, case, None, (ground,), status=answer.status)
        judged = _route_needing_judgment(requirement, answer)
        if judged is not None:
            return attrs.evolve(judged, grounds=(ground, *judged.grounds))
        return Finding(Verdict.FALLS_SHORT, case, Reason.MAXIMUM_BELOW_FLOOR, (ground,), status=answer.status)
    judged = _route_needing_judgment(requirement, answer)
    if judged is not None:
        return judged
    routes = [
        found
        for found in answer.raises
        if found.provision.liability is Liability.CRIMINAL and reaches_floor(found.penalty, requirement.floor)
    ]
    present = tuple(Ground(a.provision, a.version, a.tier, a.penalty) for a in answer.applicable)
    if routes:
        grounds = tuple(Ground(r.provision, r.version, r.tier, r.penalty, r.fact) for r in routes)
        return Finding(Verdict.FALLS_SHORT, case, Reason.NARROWER_CONDITION, present + grounds, status=answer.status)
    if answer.undecided or answer.status is CoverageStatus.UNKNOWN:
        question = (
            f"What does the law of {answer.jurisdiction} do to this case ({case.conduct.replace('_', ' ')})? "
            "The data cannot tell (see its coverage statement or notes)."
        )
        return Finding(
            Verdict.UNKNOWN, case, Reason.NOT_RESEARCHED, present, status=answer.status, questions=(question,)
        )
    return Finding(Verdict.FALLS_SHORT, case, Reason.NOT_CRIMINAL, present, status=answer.status)


def _route_needing_judgment(requirement: Requirement, answer: Answer) -> Finding | None:
    """The criminal routes that reach the floor with a fact a condition of the standard may or may not match."""
    grounds: list[Ground] = []
    questions: list[str] = []
    for condition in requirement.conditions:
        for found in answer.raises:
            if (
                found.fact in condition.may_match
                and found.provision.liability is Liability.CRIMINAL
                and reaches_floor(found.penalty, requirement.floor)
            ):
                grounds.append(Ground(found.provision, found.version, found.tier, found.penalty, found.fact))
                questions.append(condition.question)
    if not grounds:
        return None
    return Finding(
        Verdict.UNKNOWN,
        answer.case,
        Reason.NEEDS_JUDGMENT,
        tuple(grounds),
        status=answer.status,
        questions=tuple(dict.fromkeys(questions)),
    )


def _aggravation_findings(
    dataset: Dataset, requirement: Requirement, code: str, case: Case, on: dt.date
) -> list[Finding]:
    base = _apply(dataset, code, case, on)
    base_severity = _severity(base)
    general = requirement.missing_question
    findings = []
    for fact in requirement.aggravations:
        raised = _apply(dataset, code, with_fact(dataset, case, fact), on)
        best = raised.most_severe
        if best is not None and _severity(raised) > base_severity:
            ground = Ground(best.provision, best.version, best.tier, best.penalty, fact)
            findings.append(Finding(Verdict.MEETS, case, None, (ground,), fact, raised.status))
        else:
            findings.append(
                Finding(
                    Verdict.UNKNOWN,
                    case,
                    Reason.AGGRAVATION_MISSING,
                    (),
                    fact,
                    raised.status,
                    questions=(general,) if general else (),
                )
            )
    return findings


def _severity(answer: Answer) -> tuple[object, ...]:
    best = answer.most_severe
    return severity(best.provision.liability, best.penalty) if best is not None else (-1,)


def _duty_finding(dataset: Dataset, requirement: Requirement, code: str, on: dt.date) -> Finding:
    conduct = requirement.conduct
    grounds = tuple(
        Ground(item.provision, item.version, None, item.version.penalty)
        for item in (_in_force(dataset, code, on, conduct) if conduct is not None else [])
        # Judicial interpretations condition other provisions; they are no duty of their own.
        if decides_coverage(dataset, item.provision, item.version)
    )
    return Finding(Verdict.UNKNOWN, None, Reason.NOT_IN_DATA, grounds)


# -- since when -----------------------------------------------------------------------------------------------


@attrs.frozen
class Period:
    """A verdict that holds from `start` to `end` (inclusive; None: up to the timeline's end)."""

    start: dt.date
    end: dt.date | None
    verdict: Verdict


@attrs.frozen
class RequirementHistory:
    """How one jurisdiction's verdict on one requirement changed over time, oldest first."""

    requirement: Requirement
    jurisdiction: str
    periods: tuple[Period, ...]

    @property
    def meets_since(self) -> dt.date | None:
        """The start of the last, still running, period in which the jurisdiction meets the requirement."""
        last = self.periods[-1] if self.periods else None
        return last.start if last is not None and last.verdict is Verdict.MEETS else None


def history(
    dataset: Dataset,
    standard: Standard,
    jurisdictions: Iterable[str] | None = None,
    until: dt.date | None = None,
) -> list[RequirementHistory]:
    """For each requirement and jurisdiction, the verdict on every day its data could change it, from the
    jurisdiction's `coverage_from` to `until` (default: today): the days provisions covering the requirement's
    conducts come into or go out of force, and coverage statements begin or end.

    >>> import datetime, policykit
    >>> from policykit.assessing import history
    >>> from policykit.standards import load_standard
    >>> data = policykit.load()
    >>> found = history(data, load_standard(data, "eu-2024-1385"), ["KR"], datetime.date(2026, 1, 1))
    >>> found[1].requirement.article, found[1].meets_since
    ('5(1)(b)', datetime.date(2020, 6, 25))
    """
    until = as_date(until, "until") if until is not None else dt.date.today()
    codes = _codes(dataset, jurisdictions)
    found: list[RequirementHistory] = []
    for requirement in standard.requirements:
        for code in codes:
            periods: list[Period] = []
            for day in _change_days(dataset, requirement, code, until):
                verdict = measure(dataset, standard, requirement, code, day).verdict
                if periods and periods[-1].verdict is verdict:
                    continue
                if periods:
                    periods[-1] = attrs.evolve(periods[-1], end=day - dt.timedelta(days=1))
                periods.append(Period(day, None, verdict))
            found.append(RequirementHistory(requirement, code, tuple(periods)))
    return found


def _change_days(dataset: Dataset, requirement: Requirement, code: str, until: dt.date) -> list[dt.date]:
    jurisdiction = dataset.jurisdictions[code]
    conducts = {wanted.conduct for wanted in requirement.cases}
    if requirement.conduct is not None:
        conducts.add(requirement.conduct)
    days = {jurisdiction.coverage_from}
    for provision in dataset.provisions_of(code):
        if not conducts & set(provision.conducts):
            continue
        for version in provision.versions:
            days.add(version.in_force_from)
            if version.in_force_to is not None:
                days.add(version.in_force_to + dt.timedelta(days=1))
    for statement in jurisdiction.coverage:
        if statement.conduct in conducts:
            days.add(statement.start)
            if statement.end is not None:
                days.add(statement.end + dt.timedelta(days=1))
    return sorted(day for day in days if jurisdiction.coverage_from <= day <= until)
