"""Applying the law to a case: which provisions apply, how severely, and what one more fact would change.

For each provision of a jurisdiction in force on the date that covers the case's conduct:

- its conditions (`applies_only_when`) must all be facts of the case, and one fact of each group of
  `applies_when_any`; a seriousness condition ("serious circumstances") also holds when a quantity of the case
  reaches a threshold that a judicial interpretation sets for the base offence;
- a provision whose base offence has thresholds applies only when a quantity reaches one of them (or the case
  states the seriousness it names);
- a tier applies when its factors are all facts of the case (seriousness again by thresholds set for that tier);
  a mitigating tier replaces the base, aggravating tiers compete with it;
- a fact that replaces the base (an attempt) leaves only the tiers that name it; when a provision has none, the
  data cannot tell whether the attempt is punished, and the answer says so.

The penalty of a provision for the case is the most severe that applies to it; the answer lists every
provision that applies, most severe first, by `severity`: liability class (criminal, administrative, civil),
life imprisonment, maximum imprisonment (an open-ended "at least N years" above any stated maximum), minimum
imprisonment, whether the custodial sanction has no lighter alternative ("3 years" above "3 years or a fine"),
administrative detention, maximum fine (a fine with no statutory maximum above any stated one; amounts are compared
only within one jurisdiction, so in one currency).
Penalties of provisions that apply together are listed, never summed. A penalty that only raises another by a
fraction (habitual offending) is listed apart, as an increase.

What raises the answer: the provisions and tiers that would apply with exactly one more fact (or one quantity
reaching a threshold) and punish more severely than the answer, each with that fact.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from fractions import Fraction

import attrs

from policykit.cases import Case
from policykit.model import (
    Combination,
    CoverageStatement,
    CoverageStatus,
    Dataset,
    FactorKind,
    Liability,
    Penalty,
    Provision,
    Source,
    Threshold,
    Tier,
    Version,
)
from policykit.queries import (
    DateLike,
    InForce,
    _in_force,
    as_date,
    check_jurisdiction,
    coverage_statement,
    decides_coverage,
    statement_status,
    status_of,
    warn_if_stale,
)

Severity = tuple[int, bool, Fraction, Fraction, bool, int, int]
"""Liability rank, life imprisonment, longest and shortest imprisonment (months), no lighter alternative,
detention (days), fine."""

_NO_MAXIMUM = Fraction(10**6)  # "at least 3 years" with no stated maximum outranks any stated maximum
_UNCAPPED_FINE = 10**18  # a fine with no statutory maximum (an "unlimited fine") outranks any stated maximum


def severity(liability: Liability, penalty: Penalty | None) -> Severity:
    """A sort key: larger means more severe (the order is documented in this module's docstring)."""
    liability_rank = {Liability.CRIMINAL: 2, Liability.ADMINISTRATIVE: 1, Liability.CIVIL: 0}[liability]
    if penalty is None:
        return (liability_rank, False, Fraction(0), Fraction(0), False, 0, 0)
    imprisonment_max = Fraction(0)
    imprisonment_min = Fraction(0)
    if penalty.imprisonment is not None:
        imprisonment_max = penalty.imprisonment.max.months if penalty.imprisonment.max else _NO_MAXIMUM
        imprisonment_min = penalty.imprisonment.min.months if penalty.imprisonment.min else Fraction(0)
    detention = 0
    if penalty.administrative_detention is not None and penalty.administrative_detention.max is not None:
        detention = penalty.administrative_detention.max.days
    ceiling = penalty.fine.ceiling if penalty.fine is not None else None
    fine = ceiling if ceiling is not None else 0
    if penalty.fine is not None and penalty.fine.unspecified:
        fine = _UNCAPPED_FINE
    # "3 years" is more severe than "3 years or a fine": a court cannot choose a lighter sanction instead.
    custodial = penalty.imprisonment is not None or penalty.life_imprisonment or penalty.administrative_detention
    several = sum(
        (
            penalty.imprisonment is not None or penalty.life_imprisonment,
            penalty.criminal_detention,
            penalty.public_surveillance,
            penalty.administrative_detention is not None,
            penalty.warning,
            penalty.fine is not None,
        )
    )
    alternatives = (Combination.EITHER, Combination.EITHER_OR_BOTH)
    no_alternative = bool(custodial) and not (penalty.combination in alternatives and several > 1)
    return (
        liability_rank,
        penalty.life_imprisonment,
        imprisonment_max,
        imprisonment_min,
        no_alternative,
        detention,
        fine,
    )


def is_increase_only(penalty: Penalty | None) -> bool:
    """True for a penalty that only raises another by a fraction (habitual offending: up to one half more)."""
    return penalty is not None and penalty.increase is not None and attrs.evolve(penalty, increase=None).is_empty


@attrs.frozen
class Applicable:
    """A provision version that applies to the case, with the penalty it provides for it."""

    provision: Provision
    version: Version
    tier: Tier | None
    """The tier whose penalty applies; None for the base penalty."""
    penalty: Penalty | None
    conditions_met: tuple[str, ...]
    """The facts of the case that the provision's conditions and the tier's factors required."""
    thresholds_met: tuple[Threshold, ...] = ()
    """Judicial-interpretation thresholds that a quantity of the case reaches, when they decided."""

    @property
    def severity(self) -> Severity:
        return severity(self.provision.liability, self.penalty)


@attrs.frozen
class Raise:
    """A provision (or tier) that would apply with one more fact, and punish more severely."""

    fact: str
    """The fact that would make it apply (a factor id)."""
    provision: Provision
    version: Version
    tier: Tier | None
    penalty: Penalty | None
    thresholds: tuple[Threshold, ...] = ()
    """For a seriousness fact: the quantities that would establish it (any one suffices)."""

    @property
    def severity(self) -> Severity:
        return severity(self.provision.liability, self.penalty)


class UndecidedReason(enum.Enum):
    """Why the data cannot tell whether a provision applies to the case."""

    NO_TIER_FOR_FACT = "no_tier_for_fact"
    """The case has a fact that replaces the base (an attempt) and the provision has no tier naming it."""


@attrs.frozen
class Undecided:
    provision: Provision
    version: Version
    reason: UndecidedReason
    fact: str


@attrs.frozen
class Answer:
    """What a jurisdiction's law does to a case on a date."""

    jurisdiction: str
    case: Case
    on: dt.date
    status: CoverageStatus
    applicable: tuple[Applicable, ...]
    """Every provision that applies, most severe first."""
    increases: tuple[Applicable, ...] = ()
    """Provisions or tiers that raise another penalty by a fraction (habitual offending)."""
    raises: tuple[Raise, ...] = ()
    """What one more fact would make heavier, most severe first: one per fact (a seriousness that quantities
    would establish is listed apart from the same seriousness stated as a fact)."""
    undecided: tuple[Undecided, ...] = ()
    statement: CoverageStatement | None = None
    """The coverage statement of the data (not covered, unknown) when no provision applies."""

    @property
    def most_severe(self) -> Applicable | None:
        return self.applicable[0] if self.applicable else None

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources of the most severe applicable version."""
        best = self.most_severe
        return best.version.sources if best is not None else ()

    @property
    def reason(self) -> str | None:
        """Why nothing applies, when that is the answer."""
        if self.statement is not None:
            return self.statement.reason
        if self.undecided and not self.applicable:
            found = self.undecided[0]
            return f"the data does not say how {found.provision.id} punishes a case with the fact {found.fact!r}"
        if self.status is CoverageStatus.UNKNOWN:
            return "the data has no provision and no coverage statement for this date"
        return None


def apply(dataset: Dataset, jurisdiction: str, case: Case, on: DateLike) -> Answer:
    """Apply the law of `jurisdiction` in force on `on` to `case`.

    >>> import datetime, policykit
    >>> data = policykit.load()
    >>> case = policykit.plain_case(data, "deepfake_distribution")
    >>> answer = policykit.apply(data, "FR", case, datetime.date(2025, 6, 1))
    >>> answer.most_severe.provision.article
    '226-8-1'
    >>> [(r.fact, r.provision.article) for r in answer.raises][:2]
    [('minor_victim', '227-23(2)'), ('online', '226-8-1')]
    """
    day = as_date(on)
    code = check_jurisdiction(dataset, jurisdiction)
    warn_if_stale(dataset, day, code)
    return _apply(dataset, code, case, day)


def _apply(dataset: Dataset, code: str, case: Case, on: dt.date) -> Answer:
    applicable: list[Applicable] = []
    increases: list[Applicable] = []
    candidates: list[Raise] = []
    undecided: list[Undecided] = []
    for item in _in_force(dataset, code, on, case.conduct):
        if not decides_coverage(dataset, item.provision, item.version):
            continue
        _apply_provision(dataset, item, case, applicable, increases, candidates, undecided)
    applicable.sort(key=lambda found: (found.severity, found.provision.id), reverse=True)
    best = applicable[0].severity if applicable else None
    raises = _best_raise_per_fact(candidates, best)
    if applicable:
        status = min(status_of(found.provision) for found in applicable)[1]
        return Answer(code, case, on, status, tuple(applicable), tuple(increases), raises, tuple(undecided))
    statement = coverage_statement(dataset, code, case.conduct, on)
    status = statement_status(statement)
    return Answer(code, case, on, status, (), tuple(increases), raises, tuple(undecided), statement)


@attrs.frozen
class _Need:
    """What a base or a tier needs beyond the case: missing facts, and the thresholds that could decide one."""

    missing: tuple[str, ...]
    thresholds: tuple[Threshold, ...] = ()
    met: tuple[Threshold, ...] = ()
    missing_any: tuple[tuple[str, ...], ...] = ()
    """Groups of which no fact holds (`applies_when_any`): any one fact of each would do."""

    @property
    def met_all(self) -> bool:
        return not self.missing and not self.missing_any

    def single_facts(self) -> tuple[str, ...]:
        """The facts any one of which, added alone, would meet every need (none when two or more are needed)."""
        if len(self.missing) == 1 and not self.missing_any:
            return self.missing
        if not self.missing and len(self.missing_any) == 1:
            return self.missing_any[0]
        return ()


def _thresholds_for(version: Version, tier: str) -> tuple[Threshold, ...]:
    return tuple(threshold for threshold in version.thresholds if threshold.tier == tier)


def _reached(case: Case, thresholds: Sequence[Threshold]) -> tuple[Threshold, ...]:
    found = []
    for threshold in thresholds:
        amount = case.quantity(threshold.measure)
        if amount is not None and amount >= threshold.minimum:
            found.append(threshold)
    return tuple(found)


def _is_seriousness(dataset: Dataset, fact: str) -> bool:
    factor = dataset.factors.get(fact)
    return factor is not None and factor.kind is FactorKind.SERIOUSNESS


def _base_need(dataset: Dataset, version: Version, case: Case) -> _Need:
    missing_any = tuple(group for group in version.applies_when_any if not any(case.has(fact) for fact in group))
    thresholds = _thresholds_for(version, "base")
    met = _reached(case, thresholds)
    missing = []
    for fact in version.applies_only_when:
        if case.has(fact):
            continue
        if met and _is_seriousness(dataset, fact):
            continue  # the interpretation's thresholds define this seriousness, and a quantity reaches one
        missing.append(fact)
    if thresholds and not met:
        stated = [fact for fact in version.applies_only_when if _is_seriousness(dataset, fact) and case.has(fact)]
        if not stated:
            seriousness = [fact for fact in version.applies_only_when if _is_seriousness(dataset, fact)]
            # The base offence needs a quantity at a threshold (China: "serious" spreading of obscene material).
            fact = seriousness[0] if seriousness else "serious"
            if fact not in missing:
                missing.append(fact)
            return _Need(tuple(missing), thresholds, missing_any=missing_any)
    return _Need(tuple(missing), (), met, missing_any)


def _tier_need(dataset: Dataset, version: Version, tier: Tier, case: Case) -> _Need:
    missing = []
    thresholds: tuple[Threshold, ...] = ()
    met: list[Threshold] = []
    for fact in tier.factors:
        if case.has(fact):
            continue
        if _is_seriousness(dataset, fact):
            own = _thresholds_for(version, fact)
            reached = _reached(case, own)
            if reached:
                met.extend(reached)
                continue
            thresholds = own
        missing.append(fact)
    return _Need(tuple(missing), thresholds, tuple(met))


def _replacing_facts(dataset: Dataset, case: Case) -> list[str]:
    return sorted(fact for fact in case.facts if (factor := dataset.factors.get(fact)) and factor.replaces_base)


def _is_mitigating(dataset: Dataset, tier: Tier) -> bool:
    return any(
        (factor := dataset.factors.get(fact)) is not None and factor.kind is FactorKind.MITIGATING
        for fact in tier.factors
    )


def _apply_provision(
    dataset: Dataset,
    item: InForce,
    case: Case,
    applicable: list[Applicable],
    increases: list[Applicable],
    raises: list[Raise],
    undecided: list[Undecided],
) -> None:
    provision, version = item.provision, item.version
    base = _base_need(dataset, version, case)
    replacing = _replacing_facts(dataset, case)
    met_conditions = tuple(fact for fact in version.conditions if case.has(fact))
    options: list[Applicable] = []
    if base.met_all:
        if not replacing:
            options.append(Applicable(provision, version, None, version.penalty, met_conditions, base.met))
        for tier in version.tiers:
            need = _tier_need(dataset, version, tier, case)
            if need.missing:
                continue
            if replacing and not set(replacing) <= set(tier.factors):
                continue
            found = Applicable(
                provision, version, tier, tier.penalty, met_conditions + tier.factors, base.met + need.met
            )
            if _is_mitigating(dataset, tier):
                options = [option for option in options if option.tier is not None]
            options.append(found)
        if replacing and not options:
            undecided.append(Undecided(provision, version, UndecidedReason.NO_TIER_FOR_FACT, replacing[0]))
    for option in options:
        if is_increase_only(option.penalty):
            increases.append(option)
    real = [option for option in options if not is_increase_only(option.penalty)]
    if real:
        applicable.append(max(real, key=lambda option: option.severity))
    _collect_raises(dataset, item, case, base, replacing, raises)


def _collect_raises(
    dataset: Dataset, item: InForce, case: Case, base: _Need, replacing: list[str], raises: list[Raise]
) -> None:
    """Everything this provision would do with exactly one more fact."""
    provision, version = item.provision, item.version

    def add(fact: str, tier: Tier | None, penalty: Penalty | None, thresholds: tuple[Threshold, ...]) -> None:
        factor = dataset.factors.get(fact)
        if factor is None or factor.replaces_base or factor.kind is FactorKind.MITIGATING:
            return
        if is_increase_only(penalty):
            return
        raises.append(Raise(fact, provision, version, tier, penalty, thresholds))

    if not replacing:
        for fact in base.single_facts():
            add(fact, None, version.penalty, base.thresholds)
    for tier in version.tiers:
        if _is_mitigating(dataset, tier):
            continue
        if replacing and not set(replacing) <= set(tier.factors):
            continue
        need = _tier_need(dataset, version, tier, case)
        together = _Need(tuple(dict.fromkeys(base.missing + need.missing)), missing_any=base.missing_any)
        for fact in together.single_facts():
            thresholds = need.thresholds if fact in need.missing else base.thresholds
            add(fact, tier, tier.penalty, thresholds)


def _best_raise_per_fact(candidates: list[Raise], best: Severity | None) -> tuple[Raise, ...]:
    """The most severe raise for each fact; a seriousness that quantities would establish (thresholds) is kept
    apart from the same seriousness stated as a fact, since the case can reach it in a different way."""
    chosen: dict[tuple[str, bool], Raise] = {}
    for candidate in candidates:
        if best is not None and candidate.severity <= best:
            continue
        key = (candidate.fact, bool(candidate.thresholds))
        current = chosen.get(key)
        if current is None or (candidate.severity, candidate.provision.id) > (current.severity, current.provision.id):
            chosen[key] = candidate
    return tuple(sorted(chosen.values(), key=lambda found: (found.severity, found.fact), reverse=True))
