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
from policykit.cases import Case, CaseError, make_case, plain_case
from policykit.comparison import Cell, Comparison, Row, TierMode, compare
from policykit.errors import (
    ArgumentTypeError,
    BeforeCoverageWarning,
    DataError,
    PolicykitError,
    Problem,
    StaleDataWarning,
    UnknownIdError,
)
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

__all__ = [
    "Act",
    "Ancillary",
    "Answer",
    "Applicable",
    "ArgumentTypeError",
    "BeforeCoverageWarning",
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
