"""policykit: how jurisdictions punish covert filming and image-based sexual abuse, as cited, dated data.

Everything the command line does is a function here: load the data (`load`), compare conducts across
jurisdictions (`compare`, `apply`, `coverage`), follow the law through time (`timeline`, `diff`), render any of
them as a table or JSON (`render_comparison`, `render_timeline`, `render_diff`), and export tidy records for R,
Stata and pandas (`export_records`, `coverage_records`, `event_records`, `to_csv`, `to_json`,
`write_datapackage`). Every function that takes a date accepts a `datetime.date`, a `datetime.datetime`, an ISO
`YYYY-MM-DD` text or a `pandas.Timestamp`, and refuses anything else with an `ArgumentTypeError`.

>>> import datetime, policykit
>>> data = policykit.load()
>>> cell = policykit.coverage(data, "CN", "covert_filming", datetime.date(2025, 6, 1))
>>> cell.status.value
'administrative_sanction'
>>> table = policykit.compare(data, ["covert_filming"], ["KR", "FR"], "2026-11-21")
>>> import json
>>> [cell["article"] for cell in json.loads(policykit.render_comparison(data, table, "json"))["rows"][0]["cells"]]
['14(1)', '226-2-1']
>>> [c.kind.value for c in policykit.diff(data, "KR", "2018-01-01", "2021-01-01").changes if c.article == "14(1)"]
['raised', 'raised']
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from policykit._version import __version__

if TYPE_CHECKING:  # every name is imported on first use (below): `import policykit` costs almost nothing
    from policykit.applying import (
        Answer,
        Applicable,
        Raise,
        Undecided,
        apply,
        severity,
    )
    from policykit.assessing import (
        Assessment,
        AssessmentTable,
        Verdict,
        assess,
    )
    from policykit.cases import (
        Case,
        CaseError,
        make_case,
        plain_case,
    )
    from policykit.comparison import (
        Cell,
        Comparison,
        Row,
        TierMode,
        compare,
    )
    from policykit.errors import (
        ArgumentTypeError,
        BeforeCoverageWarning,
        DataError,
        PolicykitError,
        Problem,
        StaleDataWarning,
        UnknownIdError,
    )
    from policykit.export import (
        coverage_records,
        event_records,
        export_records,
        to_csv,
        to_json,
        write_datapackage,
    )
    from policykit.history import (
        Aspect,
        Change,
        ChangeKind,
        Diff,
        diff,
        timeline,
    )
    from policykit.loading import (
        bundled_data_path,
        load,
        validate,
    )
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
        FineUnit,
        FineUnits,
        Instrument,
        Jurisdiction,
        Liability,
        Penalty,
        Provision,
        Source,
        Status,
        SummaryPenalty,
        Term,
        TermRange,
        Tier,
        Trial,
        Version,
    )
    from policykit.queries import (
        Coverage,
        DateLike,
        InForce,
        coverage,
        events_of,
        provisions_in_force,
        version_in_force,
    )
    from policykit.reports import (
        render_comparison,
        render_diff,
        render_timeline,
    )
    from policykit.standards import (
        Requirement,
        Standard,
        load_standard,
    )

#: Where each public name lives; `__getattr__` imports the module when the name is first used.
_LAZY = {
    "Answer": "policykit.applying",
    "Applicable": "policykit.applying",
    "Raise": "policykit.applying",
    "Undecided": "policykit.applying",
    "apply": "policykit.applying",
    "severity": "policykit.applying",
    "Case": "policykit.cases",
    "CaseError": "policykit.cases",
    "make_case": "policykit.cases",
    "plain_case": "policykit.cases",
    "Cell": "policykit.comparison",
    "Comparison": "policykit.comparison",
    "Row": "policykit.comparison",
    "TierMode": "policykit.comparison",
    "compare": "policykit.comparison",
    "ArgumentTypeError": "policykit.errors",
    "BeforeCoverageWarning": "policykit.errors",
    "DataError": "policykit.errors",
    "PolicykitError": "policykit.errors",
    "Problem": "policykit.errors",
    "StaleDataWarning": "policykit.errors",
    "UnknownIdError": "policykit.errors",
    "bundled_data_path": "policykit.loading",
    "load": "policykit.loading",
    "validate": "policykit.loading",
    "Act": "policykit.model",
    "Ancillary": "policykit.model",
    "Combination": "policykit.model",
    "Conduct": "policykit.model",
    "CoverageStatement": "policykit.model",
    "CoverageStatus": "policykit.model",
    "Dataset": "policykit.model",
    "Event": "policykit.model",
    "Factor": "policykit.model",
    "Fine": "policykit.model",
    "FineUnit": "policykit.model",
    "FineUnits": "policykit.model",
    "Instrument": "policykit.model",
    "Jurisdiction": "policykit.model",
    "Liability": "policykit.model",
    "Penalty": "policykit.model",
    "Provision": "policykit.model",
    "Source": "policykit.model",
    "Status": "policykit.model",
    "SummaryPenalty": "policykit.model",
    "Term": "policykit.model",
    "TermRange": "policykit.model",
    "Tier": "policykit.model",
    "Trial": "policykit.model",
    "Version": "policykit.model",
    "Coverage": "policykit.queries",
    "DateLike": "policykit.queries",
    "InForce": "policykit.queries",
    "coverage": "policykit.queries",
    "events_of": "policykit.queries",
    "provisions_in_force": "policykit.queries",
    "version_in_force": "policykit.queries",
    "Assessment": "policykit.assessing",
    "AssessmentTable": "policykit.assessing",
    "Verdict": "policykit.assessing",
    "assess": "policykit.assessing",
    "coverage_records": "policykit.export",
    "event_records": "policykit.export",
    "export_records": "policykit.export",
    "to_csv": "policykit.export",
    "to_json": "policykit.export",
    "write_datapackage": "policykit.export",
    "Aspect": "policykit.history",
    "Change": "policykit.history",
    "ChangeKind": "policykit.history",
    "Diff": "policykit.history",
    "diff": "policykit.history",
    "timeline": "policykit.history",
    "render_comparison": "policykit.reports",
    "render_diff": "policykit.reports",
    "render_timeline": "policykit.reports",
    "Requirement": "policykit.standards",
    "Standard": "policykit.standards",
    "load_standard": "policykit.standards",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name.isidentifier() and importlib.util.find_spec(f"policykit.{name}") is not None:  # policykit.model
            return importlib.import_module(f"policykit.{name}")
        raise AttributeError(f"module 'policykit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Act",
    "Ancillary",
    "Answer",
    "Applicable",
    "ArgumentTypeError",
    "Aspect",
    "Assessment",
    "AssessmentTable",
    "BeforeCoverageWarning",
    "Case",
    "CaseError",
    "Cell",
    "Change",
    "ChangeKind",
    "Combination",
    "Comparison",
    "Conduct",
    "Coverage",
    "CoverageStatement",
    "CoverageStatus",
    "DataError",
    "Dataset",
    "DateLike",
    "Diff",
    "Event",
    "Factor",
    "Fine",
    "FineUnit",
    "FineUnits",
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
    "SummaryPenalty",
    "Term",
    "TermRange",
    "Tier",
    "TierMode",
    "Trial",
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
    "coverage_records",
    "diff",
    "event_records",
    "events_of",
    "export_records",
    "load",
    "load_standard",
    "make_case",
    "plain_case",
    "provisions_in_force",
    "render_comparison",
    "render_diff",
    "render_timeline",
    "severity",
    "timeline",
    "to_csv",
    "to_json",
    "validate",
    "version_in_force",
    "write_datapackage",
]
