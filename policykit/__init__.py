"""policykit: how jurisdictions punish covert filming and image-based sexual abuse, as cited, dated data.

>>> import datetime, policykit
>>> data = policykit.load()
>>> cell = policykit.coverage(data, "CN", "covert_filming", datetime.date(2025, 6, 1))
>>> cell.status.value
'administrative_sanction'
"""

from __future__ import annotations

from policykit._version import __version__
from policykit.applying import Answer, Applicable, Raise, Undecided, apply, severity
from policykit.assessing import Assessment, AssessmentTable, Verdict, assess
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
from policykit.standards import Requirement, Standard, load_standard

__all__ = [
    "Act",
    "Ancillary",
    "Answer",
    "Applicable",
    "ArgumentTypeError",
    "Assessment",
    "AssessmentTable",
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
    "Requirement",
    "Row",
    "Source",
    "StaleDataWarning",
    "Standard",
    "Status",
    "Term",
    "TermRange",
    "Tier",
    "TierMode",
    "Undecided",
    "UnknownIdError",
    "Verdict",
    "Version",
    "__version__",
    "apply",
    "assess",
    "bundled_data_path",
    "compare",
    "coverage",
    "events_of",
    "load",
    "load_standard",
    "make_case",
    "plain_case",
    "provisions_in_force",
    "severity",
    "validate",
    "version_in_force",
]
