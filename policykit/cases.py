"""Cases: the facts of a situation that a comparison applies the law to.

A case is a conduct plus the facts that hold (factor ids from the vocabulary) and quantities that judicial
interpretations turn into seriousness thresholds (files, clicks, group members, illegal gain). Every conduct has a
*plain case*: the facts all its instances share, declared as `plain_case` in `vocabulary.yaml` (a sexual deepfake
is sexual). Every other fact does not hold unless the case says so: an adult victim, no relationship, one
offender, not for profit, not online, no quantity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from policykit.errors import PolicykitError, UnknownIdError
from policykit.model import Dataset, ThresholdMeasure
from policykit.queries import as_ids, check_conduct, implied_facts


class CaseError(PolicykitError, ValueError):
    """A case that cannot be built: a quantity that is not a whole number, a fact given and removed."""


@attrs.frozen
class Case:
    """A conduct and the facts that hold. Build one with `plain_case` or `make_case`, which check the ids.

    >>> import policykit
    >>> case = policykit.make_case(policykit.load(), "deepfake_distribution", facts=["online"])
    >>> sorted(case.facts)
    ['online', 'sexual_content', 'synthetic_images']
    """

    conduct: str
    facts: frozenset[str] = frozenset()
    quantities: tuple[tuple[ThresholdMeasure, int], ...] = ()
    """(measure, amount) pairs in the order of `ThresholdMeasure`."""
    added: tuple[str, ...] = ()
    """The facts added to the conduct's plain case, in the order given (for labels)."""
    removed: tuple[str, ...] = ()
    """Plain-case facts that this case says do not hold."""

    def quantity(self, measure: ThresholdMeasure) -> int | None:
        for known, amount in self.quantities:
            if known is measure:
                return amount
        return None

    def has(self, fact: str) -> bool:
        return fact in self.facts


def plain_case(dataset: Dataset, conduct: str) -> Case:
    """The plain case of `conduct`: only the facts every instance of it has."""
    known = dataset.conducts[check_conduct(dataset, conduct)]
    return Case(conduct, _closure(dataset, known.plain_case))


def make_case(
    dataset: Dataset,
    conduct: str,
    facts: Iterable[str] = (),
    quantities: Mapping[str, int] | Mapping[ThresholdMeasure, int] | None = None,
    without: Iterable[str] = (),
) -> Case:
    """The plain case of `conduct` with `facts` added, `without` removed and `quantities` (by measure id:
    `{"members": 100000}`). Facts imply others as the vocabulary says (a victim under 15 is a minor)."""
    base = plain_case(dataset, conduct)
    added = tuple(dict.fromkeys(_check_factor(dataset, fact) for fact in _ids(facts, "facts")))
    removed = tuple(dict.fromkeys(_check_factor(dataset, fact) for fact in _ids(without, "without")))
    both = set(added) & set(removed)
    if both:
        raise CaseError(f"fact {sorted(both)[0]!r} is both added and removed")
    kept = (base.facts - set(removed)) | set(added)
    facts_now = _closure(dataset, kept)
    implied_removed = set(removed) & facts_now
    if implied_removed:
        raise CaseError(f"fact {sorted(implied_removed)[0]!r} cannot be removed: another fact of the case implies it")
    return Case(conduct, facts_now, _quantities(quantities), added, removed)


def with_fact(dataset: Dataset, case: Case, fact: str) -> Case:
    """`case` with one more fact (and what it implies)."""
    if fact in case.facts:
        return case
    return Case(
        case.conduct,
        _closure(dataset, case.facts | {fact}),
        case.quantities,
        (*case.added, fact),
        case.removed,
    )


def _ids(values: Iterable[str], name: str) -> tuple[str, ...]:
    return as_ids(values, name) or ()


def _check_factor(dataset: Dataset, fact: str) -> str:
    if fact not in dataset.factors:
        raise UnknownIdError("fact", fact, dataset.factors)
    return fact


def _closure(dataset: Dataset, facts: Iterable[str]) -> frozenset[str]:
    return implied_facts(dataset, facts)


def _quantities(
    given: Mapping[str, int] | Mapping[ThresholdMeasure, int] | None,
) -> tuple[tuple[ThresholdMeasure, int], ...]:
    if not given:
        return ()
    found: dict[ThresholdMeasure, int] = {}
    for key, amount in given.items():
        if isinstance(key, ThresholdMeasure):
            measure = key
        else:
            try:
                measure = ThresholdMeasure(key)
            except ValueError:
                raise UnknownIdError("quantity", key, [m.value for m in ThresholdMeasure]) from None
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise CaseError(f"quantity {measure.value} must be a whole number of at least 0, found {amount!r}")
        found[measure] = amount
    return tuple((measure, found[measure]) for measure in ThresholdMeasure if measure in found)
