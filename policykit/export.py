"""The tidy export: one record per provision version and penalty tier, for R, Stata and pandas.

The column names and their order are an interface: never rename or reorder them; add new ones at the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from policykit._penalty_fields import PENALTY_COLUMNS, penalty_schema, penalty_values
from policykit._version import __version__
from policykit.errors import ArgumentTypeError
from policykit.model import Dataset, Penalty, Provision, Version
from policykit.queries import as_date, as_ids, check_jurisdiction, warn_if_stale
from policykit.tables import spreadsheet_safe

#: The fixed columns, in order. Months and days are plain numbers; booleans are true/false; empty means none.
COLUMNS: tuple[str, ...] = (
    "jurisdiction",
    "provision_id",
    "instrument",
    "article",
    "conducts",
    "liability",
    "tier",
    "in_force_from",
    "in_force_to",
    "amended_by",
    "imprisonment_min_months",
    "imprisonment_max_months",
    "life_imprisonment",
    "detention_max_days",
    "fine_min",
    "fine_max",
    "fine_unspecified",
    "currency",
    "combination",
    "status",
    "verified_on",
    "source_urls",
    # Added after the fixed set:
    "version_id",
    "amended_by_reference",
    "reach",
    "applies_only_when",
    "criminal_detention",
    "public_surveillance",
    "detention_min_days",
    "warning",
    "increase_up_to",
    "prosecution",
    "ancillary_measures",
)
# A penalty column declared on the model but not yet in the interface order is appended, never dropped.
COLUMNS += tuple(column for column in PENALTY_COLUMNS if column not in COLUMNS)
_LISTS = ("conducts", "source_urls", "applies_only_when", "ancillary_measures")

Record = dict[str, Any]


def _penalty_fields(penalty: Penalty | None) -> Record:
    return penalty_values(penalty)


def _records_for(dataset: Dataset, provision: Provision, version: Version) -> list[Record]:
    jurisdiction = dataset.jurisdictions[provision.jurisdiction]
    act = jurisdiction.acts.get(version.amended_by.rsplit("/", 1)[-1])
    common: Record = {
        "jurisdiction": provision.jurisdiction,
        "provision_id": provision.id,
        "instrument": provision.instrument_id,
        "article": provision.article,
        "conducts": list(version.conducts),
        "liability": provision.liability.value,
        "in_force_from": version.in_force_from.isoformat(),
        "in_force_to": version.in_force_to.isoformat() if version.in_force_to else None,
        "amended_by": version.amended_by,
        "status": version.status.value,
        "verified_on": version.verified_on.isoformat(),
        "source_urls": [source.url for source in version.sources],
        "version_id": version.id,
        "amended_by_reference": act.reference if act else None,
        "reach": provision.reach.value,
        "applies_only_when": list(version.applies_only_when),
        "prosecution": version.prosecution.value,
        "ancillary_measures": [
            f"{measure.measure.value}{'' if measure.mandatory else ' (discretionary)'}" for measure in version.ancillary
        ],
    }
    records = [{**common, "tier": "base", **_penalty_fields(version.penalty)}]
    for tier in version.tiers:
        records.append({**common, "tier": "+".join(tier.factors), **_penalty_fields(tier.penalty)})
    return [{column: record[column] for column in COLUMNS} for record in records]


def export_records(
    dataset: Dataset, on: dt.date | None = None, jurisdictions: Iterable[str] | None = None
) -> list[Record]:
    """Every provision version (only those in force on `on`, if given) and tier, as records in column order.

    >>> import policykit
    >>> from policykit.export import export_records
    >>> records = export_records(policykit.load(), jurisdictions=["KR"])
    >>> records[0]["jurisdiction"], records[0]["tier"]
    ('KR', 'base')
    """
    on = as_date(on) if on is not None else None
    jurisdictions = as_ids(jurisdictions, "jurisdictions")
    codes = (
        sorted({check_jurisdiction(dataset, code) for code in jurisdictions})
        if jurisdictions is not None
        else sorted(dataset.jurisdictions)
    )
    if on is not None:
        for code in codes:
            warn_if_stale(dataset, on, code)
    records: list[Record] = []
    for provision in dataset.provisions.values():
        if provision.jurisdiction not in codes:
            continue
        for version in provision.versions:
            if on is None or version.in_force_on(on):
                records.extend(_records_for(dataset, provision, version))
    return records


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return spreadsheet_safe(";".join(str(item) for item in value))
    if isinstance(value, int | float):
        return str(value)
    return spreadsheet_safe(str(value))


def to_csv(records: list[Record], delimiter: str = ",") -> str:
    """Records as CSV (or TSV), header first; text that a spreadsheet would run as a formula is quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([_csv_value(record[column]) for column in COLUMNS])
    return buffer.getvalue()


def to_json(
    dataset: Dataset, records: list[Record], on: dt.date | None = None, generated_at: dt.datetime | None = None
) -> str:
    """Records under `records`, with a `metadata` object; no timestamp unless asked, so output is reproducible."""
    on = as_date(on) if on is not None else None
    if generated_at is not None and not isinstance(generated_at, dt.datetime):
        raise ArgumentTypeError(f"generated_at: expected a datetime.datetime, found {type(generated_at).__name__}")
    codes = sorted({record["jurisdiction"] for record in records})
    metadata: Record = {
        "policykit_version": __version__,
        "as_of": on.isoformat() if on else None,
        "data_verified_on": {
            code: (date.isoformat() if (date := dataset.verified_on(code)) else None) for code in codes
        },
        "columns": list(COLUMNS),
    }
    if generated_at is not None:
        metadata["generated_at"] = generated_at.isoformat(timespec="seconds")
    return json.dumps({"metadata": metadata, "records": records}, ensure_ascii=False, indent=2) + "\n"


_STRING = {"type": "string"}
_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_NUMBER = {"type": ["number", "null"], "minimum": 0}
_NULLABLE_INTEGER = {"type": ["integer", "null"], "minimum": 0}
_DATE = {"type": "string", "format": "date"}
_STRINGS = {"type": "array", "items": {"type": "string"}}


def export_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `policykit export --format json`."""
    properties: dict[str, Any] = {
        "jurisdiction": {"type": "string", "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"},
        "provision_id": _STRING,
        "instrument": _STRING,
        "article": _STRING,
        "conducts": _STRINGS,
        "liability": {"enum": ["criminal", "administrative", "civil"]},
        "tier": {"type": "string", "description": "'base', or the factor id(s) of a tier joined by '+'"},
        "in_force_from": _DATE,
        "in_force_to": {
            "type": ["string", "null"],
            "format": "date",
            "description": "last day in force; null while in force",
        },
        "amended_by": _STRING,
        "status": {"enum": ["verified", "unverified"]},
        "verified_on": _DATE,
        "source_urls": {**_STRINGS, "minItems": 1},
        "version_id": _STRING,
        "amended_by_reference": _NULLABLE_STRING,
        "reach": {"enum": ["specific", "general"]},
        "applies_only_when": _STRINGS,
        "prosecution": {"enum": ["ex_officio", "victim_complaint", "not_against_victim_wishes"]},
        "ancillary_measures": _STRINGS,
    }
    properties.update(penalty_schema())
    properties = {column: properties[column] for column in COLUMNS}  # a column with no schema fails here
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://policykit.invalid/schema/export.json",
        "title": "policykit tidy export",
        "type": "object",
        "required": ["metadata", "records"],
        "additionalProperties": False,
        "properties": {
            "metadata": {
                "type": "object",
                "required": ["policykit_version", "as_of", "data_verified_on", "columns"],
                "properties": {
                    "policykit_version": _STRING,
                    "as_of": {"type": ["string", "null"], "format": "date"},
                    "data_verified_on": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
                    "columns": _STRINGS,
                    "generated_at": {"type": "string", "format": "date-time"},
                },
                "additionalProperties": False,
            },
            "records": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": list(COLUMNS),
                    "additionalProperties": False,
                    "properties": properties,
                },
            },
        },
    }
