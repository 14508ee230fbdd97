"""policykit: how jurisdictions punish covert filming and image-based sexual abuse, as cited, dated data.

>>> import datetime, policykit
>>> data = policykit.load()
>>> cell = policykit.coverage(data, "CN", "covert_filming", datetime.date(2025, 6, 1))
>>> cell.status.value
'administrative_sanction'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policykit._version import __version__

if TYPE_CHECKING:
    from policykit.applying import Answer, Applicable, Raise, Undecided, apply, severity
    from policykit.cases import Case, CaseError, make_case, plain_case
    from policykit.comparison import Cell, Comparison, Row, TierMode, compare
    from policykit.errors import ArgumentTypeError, DataError, PolicykitError, Problem, StaleDataWarning, UnknownIdError
    from policykit.loading import bundled_data_path, load, validate
    from policykit.model import (
        Act,
        Ancillary,
        Combination,
        Conduct,
        CoverageStatement,
        CoverageStatus,
        Dataset,
        Event,
        Factor,
        Fine,
        Instrument,
        Jurisdiction,
        Liability,
        Penalty,
        Provision,
        Source,
        Status,
        Term,
        TermRange,
        Tier,
        Version,
    )
    from policykit.queries import Coverage, InForce, coverage, events_of, provisions_in_force, version_in_force

#: Where each public name lives: imported on first use, so `import policykit` (and the command line, which
#: needs only a few modules for each command) does not pay for what it does not use.
_PUBLIC = {
    "Act": "policykit.model",
    "Ancillary": "policykit.model",
    "Answer": "policykit.applying",
    "Applicable": "policykit.applying",
    "ArgumentTypeError": "policykit.errors",
    "Case": "policykit.cases",
    "CaseError": "policykit.cases",
    "Cell": "policykit.comparison",
    "Combination": "policykit.model",
    "Comparison": "policykit.comparison",
    "Conduct": "policykit.model",
    "Coverage": "policykit.queries",
    "CoverageStatement": "policykit.model",
    "CoverageStatus": "policykit.model",
    "DataError": "policykit.errors",
    "Dataset": "policykit.model",
    "Event": "policykit.model",
    "Factor": "policykit.model",
    "Fine": "policykit.model",
    "InForce": "policykit.queries",
    "Instrument": "policykit.model",
    "Jurisdiction": "policykit.model",
    "Liability": "policykit.model",
    "Penalty": "policykit.model",
    "PolicykitError": "policykit.errors",
    "Problem": "policykit.errors",
    "Provision": "policykit.model",
    "Raise": "policykit.applying",
    "Row": "policykit.comparison",
    "Source": "policykit.model",
    "StaleDataWarning": "policykit.errors",
    "Status": "policykit.model",
    "Term": "policykit.model",
    "TermRange": "policykit.model",
    "Tier": "policykit.model",
    "TierMode": "policykit.comparison",
    "Undecided": "policykit.applying",
    "UnknownIdError": "policykit.errors",
    "Version": "policykit.model",
    "apply": "policykit.applying",
    "bundled_data_path": "policykit.loading",
    "compare": "policykit.comparison",
    "coverage": "policykit.queries",
    "events_of": "policykit.queries",
    "load": "policykit.loading",
    "make_case": "policykit.cases",
    "plain_case": "policykit.cases",
    "provisions_in_force": "policykit.queries",
    "severity": "policykit.applying",
    "validate": "policykit.loading",
    "version_in_force": "policykit.queries",
}

__all__ = [
    "Act",
    "Ancillary",
    "Answer",
    "Applicable",
    "ArgumentTypeError",
    "Case",
    "CaseError",
    "Cell",
    "Combination",
    "Comparison",
    "Conduct",
    "Coverage",
    "CoverageStatement",
    "CoverageStatus",
    "DataError",
    "Dataset",
    "Event",
    "Factor",
    "Fine",
    "InForce",
    "Instrument",
    "Jurisdiction",
    "Liability",
    "Penalty",
    "PolicykitError",
    "Problem",
    "Provision",
    "Raise",
    "Row",
    "Source",
    "StaleDataWarning",
    "Status",
    "Term",
    "TermRange",
    "Tier",
    "TierMode",
    "Undecided",
    "UnknownIdError",
    "Version",
    "__version__",
    "apply",
    "bundled_data_path",
    "compare",
    "coverage",
    "events_of",
    "load",
    "make_case",
    "plain_case",
    "provisions_in_force",
    "severity",
    "validate",
    "version_in_force",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'policykit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
