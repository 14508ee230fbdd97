"""The tidy export: one record per provision version and penalty tier, for R, Stata and pandas.

The column names and their order are an interface: never rename or reorder them; add new ones at the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from policykit._penalty_fields import PENALTY_COLUMNS, penalty_schema, penalty_values
from policykit._version import __version__
from policykit.errors import ArgumentTypeError
from policykit.model import Dataset, InstrumentKind, Penalty, Provision, Version
from policykit.queries import DateLike, as_date, as_ids, check_conduct, check_jurisdiction, warn_if_stale
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
    "instrument_kind",
    "imprisonment_ceiling",
    "applies_when_any",
)
# A penalty column declared on the model but not yet in the interface order is appended, never dropped.
COLUMNS += tuple(column for column in PENALTY_COLUMNS if column not in COLUMNS)

Record = dict[str, Any]

#: The columns of the coverage statements export: what holds when no provision covers a conduct.
COVERAGE_COLUMNS: tuple[str, ...] = (
    "jurisdiction",
    "conduct",
    "status",
    "applies_from",
    "applies_to",
    "reason",
    "verified_on",
    "data_begins_on",
)

#: The columns of the events export: incidents that give context, not law.
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "jurisdiction",
    "name",
    "name_original",
    "started_on",
    "date_precision",
    "ended_on",
    "summary",
    "responses",
    "source_urls",
)

#: The columns of the event facts (a figure or a date reported about an event, with its sources).
EVENT_FACT_COLUMNS: tuple[str, ...] = ("event_id", "label", "value_number", "value_date", "source_urls")


def imprisonment_ceiling(penalty: Penalty | None) -> str:
    """How high the imprisonment of `penalty` can go: `life` (life imprisonment is a choice), `stated` (a maximum
    term), `open` (a minimum only, "at least 3 years", with no maximum stated in the provision) or `none` (no
    imprisonment). An empty maximum is therefore never read as "no imprisonment" by mistake.

    >>> import policykit
    >>> from policykit.export import imprisonment_ceiling
    >>> version = policykit.load().provisions["kr/ypa/art_11__para_3"].versions[-1]
    >>> imprisonment_ceiling(version.penalty)
    'open'
    """
    if penalty is None:
        return "none"
    if penalty.life_imprisonment:
        return "life"
    if penalty.imprisonment is None:
        return "none"
    return "stated" if penalty.imprisonment.max is not None else "open"


def _penalty_fields(penalty: Penalty | None) -> Record:
    return {**penalty_values(penalty), "imprisonment_ceiling": imprisonment_ceiling(penalty)}


def _records_for(dataset: Dataset, provision: Provision, version: Version) -> list[Record]:
    jurisdiction = dataset.jurisdictions[provision.jurisdiction]
    act = jurisdiction.acts.get(version.amended_by.rsplit("/", 1)[-1])
    instrument = dataset.instruments.get(provision.instrument_id)
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
        "applies_when_any": ["|".join(group) for group in version.applies_when_any],
        "prosecution": version.prosecution.value,
        "ancillary_measures": [
            f"{measure.measure.value}{'' if measure.mandatory else ' (discretionary)'}" for measure in version.ancillary
        ],
        "instrument_kind": instrument.kind.value if instrument is not None else None,
    }
    records = [{**common, "tier": "base", **_penalty_fields(version.penalty)}]
    for tier in version.tiers:
        records.append({**common, "tier": "+".join(tier.factors), **_penalty_fields(tier.penalty)})
    return [{column: record[column] for column in COLUMNS} for record in records]


def _codes(dataset: Dataset, jurisdictions: Iterable[str] | None) -> list[str]:
    chosen = as_ids(jurisdictions, "jurisdictions")
    if chosen is None:
        return sorted(dataset.jurisdictions)
    return sorted({check_jurisdiction(dataset, code) for code in chosen})


def _conducts(dataset: Dataset, conducts: Iterable[str] | None) -> set[str] | None:
    chosen = as_ids(conducts, "conducts")
    return None if chosen is None else {check_conduct(dataset, conduct) for conduct in chosen}


def export_records(
    dataset: Dataset,
    on: DateLike | None = None,
    jurisdictions: Iterable[str] | None = None,
    conducts: Iterable[str] | None = None,
) -> list[Record]:
    """Every provision version (only those in force on `on`, if given; only those covering one of `conducts`, if
    given) and tier, as records in column order (`COLUMNS`). A record is a base penalty (`tier` is `base`) or an
    aggravated tier of it: never add a tier's row to its base, and keep to `instrument_kind` other than
    `judicial_interpretation` to count the law itself (an interpretation conditions the statute it interprets).

    >>> import policykit
    >>> from policykit.export import export_records
    >>> records = export_records(policykit.load(), "2021-01-01", ["KR"], ["possession_viewing"])
    >>> records[0]["jurisdiction"], records[0]["tier"], records[0]["instrument_kind"]
    ('KR', 'base', 'statute')
    >>> sorted({record["imprisonment_ceiling"] for record in records})
    ['open', 'stated']
    """
    day = as_date(on) if on is not None else None
    codes = _codes(dataset, jurisdictions)
    wanted = _conducts(dataset, conducts)
    if day is not None:
        for code in codes:
            warn_if_stale(dataset, day, code)
    records: list[Record] = []
    for provision in dataset.provisions.values():
        if provision.jurisdiction not in codes:
            continue
        for version in provision.versions:
            if day is not None and not version.in_force_on(day):
                continue
            if wanted is not None and not wanted & set(version.conducts):
                continue
            records.extend(_records_for(dataset, provision, version))
    return records


def coverage_records(
    dataset: Dataset,
    on: DateLike | None = None,
    jurisdictions: Iterable[str] | None = None,
    conducts: Iterable[str] | None = None,
) -> list[Record]:
    """The coverage statements (`COVERAGE_COLUMNS`): for a conduct and a period, that no provision covers it
    (`not_covered`) or that the research could not tell (`unknown`), with the reason. With these rows "no law" is
    data, not an absent row. Only the statements that apply on `on`, if given.

    >>> import policykit
    >>> from policykit.export import coverage_records
    >>> rows = coverage_records(policykit.load(), "2019-06-01", ["KR"], ["possession_viewing"])
    >>> [(row["conduct"], row["status"], row["applies_to"]) for row in rows]
    [('possession_viewing', 'not_covered', '2020-05-18')]
    """
    day = as_date(on) if on is not None else None
    codes = _codes(dataset, jurisdictions)
    wanted = _conducts(dataset, conducts)
    records: list[Record] = []
    for code in codes:
        jurisdiction = dataset.jurisdictions[code]
        statements = [
            statement
            for statement in jurisdiction.coverage
            if (wanted is None or statement.conduct in wanted) and (day is None or statement.applies_on(day))
        ]
        order = list(dataset.conducts)
        for statement in sorted(statements, key=lambda found: (_index(order, found.conduct), found.start)):
            records.append(
                {
                    "jurisdiction": code,
                    "conduct": statement.conduct,
                    "status": statement.status.value,
                    "applies_from": statement.start.isoformat(),
                    "applies_to": statement.end.isoformat() if statement.end else None,
                    "reason": " ".join(statement.reason.split()),
                    "verified_on": statement.verified_on.isoformat(),
                    "data_begins_on": jurisdiction.coverage_from.isoformat(),
                }
            )
    return records


def _index(order: list[str], conduct: str) -> int:
    return order.index(conduct) if conduct in order else len(order)


def event_records(dataset: Dataset, jurisdictions: Iterable[str] | None = None) -> list[Record]:
    """The events (`EVENT_COLUMNS`, context, not law), oldest first; `started_on` is exact to `date_precision`
    (`day`, `month` or `year`: a month-precise date is written as the first of the month).

    >>> import policykit
    >>> from policykit.export import event_records
    >>> [(row["id"], row["date_precision"]) for row in event_records(policykit.load(), ["KR"])]
    [('kr/event/nth-room', 'month')]
    """
    codes = _codes(dataset, jurisdictions)
    found = sorted(
        (event for event in dataset.events.values() if event.jurisdiction in codes),
        key=lambda event: (event.started_on, event.id),
    )
    return [
        {
            "id": event.id,
            "jurisdiction": event.jurisdiction,
            "name": event.name.best(),
            "name_original": event.name.original,
            "started_on": event.started_on.isoformat(),
            "date_precision": event.precision.value,
            "ended_on": event.ended_on.isoformat() if event.ended_on else None,
            "summary": " ".join(event.summary.split()),
            "responses": list(event.responses),
            "source_urls": list(dict.fromkeys(source.url for fact in event.facts for source in fact.sources)),
        }
        for event in found
    ]


def event_fact_records(dataset: Dataset, jurisdictions: Iterable[str] | None = None) -> list[Record]:
    """The reported figures and dates of each event (`EVENT_FACT_COLUMNS`): a number in `value_number` or a date
    in `value_date`, never both, so each column has one type."""
    codes = _codes(dataset, jurisdictions)
    records: list[Record] = []
    for event in sorted(dataset.events.values(), key=lambda event: (event.started_on, event.id)):
        if event.jurisdiction not in codes:
            continue
        for fact in event.facts:
            is_date = isinstance(fact.value, dt.date)
            records.append(
                {
                    "event_id": event.id,
                    "label": fact.label,
                    "value_number": None if is_date else fact.value,
                    "value_date": fact.value.isoformat() if isinstance(fact.value, dt.date) else None,
                    "source_urls": [source.url for source in fact.sources],
                }
            )
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


def to_csv(records: list[Record], delimiter: str = ",", columns: Sequence[str] = COLUMNS) -> str:
    """Records as CSV (or TSV), header first; text that a spreadsheet would run as a formula is quoted. Booleans
    are `true`/`false`, dates ISO 8601, lists joined by `;`, and an empty cell means none.

    >>> from policykit.export import COVERAGE_COLUMNS, coverage_records, to_csv
    >>> print(to_csv([], columns=COVERAGE_COLUMNS), end="")
    jurisdiction,conduct,status,applies_from,applies_to,reason,verified_on,data_begins_on
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_value(record[column]) for column in columns])
    return buffer.getvalue()


def _metadata(dataset: Dataset, codes: Iterable[str], on: dt.date | None) -> Record:
    return {
        "policykit_version": __version__,
        "as_of": on.isoformat() if on else None,
        "data_verified_on": {
            code: (date.isoformat() if (date := dataset.verified_on(code)) else None) for code in sorted(codes)
        },
        "columns": list(COLUMNS),
    }


def to_json(
    dataset: Dataset,
    records: list[Record],
    on: DateLike | None = None,
    generated_at: dt.datetime | None = None,
    coverage: list[Record] | None = None,
    events: list[Record] | None = None,
) -> str:
    """Records under `records`, with a `metadata` object; no timestamp unless asked, so output is reproducible.
    With `coverage` and `events` (`coverage_records`, `event_records`), the one document holds all three.

    >>> import json, policykit
    >>> from policykit.export import export_records, to_json
    >>> data = policykit.load()
    >>> document = json.loads(to_json(data, export_records(data, jurisdictions=["FR"]), coverage=[], events=[]))
    >>> sorted(document)
    ['coverage', 'events', 'metadata', 'records']
    """
    day = as_date(on) if on is not None else None
    if generated_at is not None and not isinstance(generated_at, dt.datetime):
        raise ArgumentTypeError(f"generated_at: expected a datetime.datetime, found {type(generated_at).__name__}")
    codes = {record["jurisdiction"] for record in [*records, *(coverage or []), *(events or [])]}
    metadata = _metadata(dataset, codes, day)
    if generated_at is not None:
        metadata["generated_at"] = generated_at.isoformat(timespec="seconds")
    document: Record = {"metadata": metadata, "records": records}
    if coverage is not None:
        document["coverage"] = coverage
    if events is not None:
        document["events"] = events
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
        "applies_when_any": _STRINGS,
        "prosecution": {"enum": ["ex_officio", "victim_complaint", "not_against_victim_wishes"]},
        "ancillary_measures": _STRINGS,
        "instrument_kind": {"enum": [*(kind.value for kind in InstrumentKind), None]},
        "imprisonment_ceiling": {"enum": list(CEILINGS)},
    }
    properties.update(penalty_schema())
    properties = {column: properties[column] for column in COLUMNS}  # a column with no schema fails here
    coverage = {
        "jurisdiction": _STRING,
        "conduct": _STRING,
        "status": {"enum": ["not_covered", "unknown"]},
        "applies_from": _DATE,
        "applies_to": {"type": ["string", "null"], "format": "date"},
        "reason": _STRING,
        "verified_on": _DATE,
        "data_begins_on": _DATE,
    }
    assert tuple(coverage) == COVERAGE_COLUMNS
    events = {
        "id": _STRING,
        "jurisdiction": _STRING,
        "name": _STRING,
        "name_original": _NULLABLE_STRING,
        "started_on": _DATE,
        "date_precision": {"enum": ["day", "month", "year"]},
        "ended_on": {"type": ["string", "null"], "format": "date"},
        "summary": _STRING,
        "responses": _STRINGS,
        "source_urls": _STRINGS,
    }
    assert tuple(events) == EVENT_COLUMNS
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
            "records": _array_of(properties),
            "coverage": _array_of(coverage),
            "events": _array_of(events),
        },
    }


def _array_of(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "required": list(properties),
            "additionalProperties": False,
            "properties": properties,
        },
    }


#: The values of `imprisonment_ceiling`, see `imprisonment_ceiling`.
CEILINGS = ("none", "stated", "open", "life")

# -- the Frictionless Data package ---------------------------------------------------------------------------

_FIELD_TYPES: dict[str, str] = {
    "imprisonment_min_months": "number",
    "imprisonment_max_months": "number",
    "detention_min_days": "integer",
    "detention_max_days": "integer",
    "fine_min": "integer",
    "fine_max": "integer",
    "value_number": "integer",
    "life_imprisonment": "boolean",
    "fine_unspecified": "boolean",
    "fine_units_min": "integer",
    "fine_units_max": "integer",
    "fine_per_unit_min": "integer",
    "fine_per_unit_max": "integer",
    "summary_imprisonment_max_months": "number",
    "summary_fine_max": "integer",
    "summary_fine_unspecified": "boolean",
    "criminal_detention": "boolean",
    "public_surveillance": "boolean",
    "warning": "boolean",
    "in_force_from": "date",
    "in_force_to": "date",
    "verified_on": "date",
    "applies_from": "date",
    "applies_to": "date",
    "data_begins_on": "date",
    "started_on": "date",
    "ended_on": "date",
    "value_date": "date",
}

_LIST = " A list, its items joined by ';'."

#: What each column holds, for the Table Schemas (and the README's column list).
DESCRIPTIONS: dict[str, str] = {
    "jurisdiction": "ISO 3166-1 alpha-2 code of the jurisdiction (CN, FR, KR).",
    "provision_id": "Stable id of the provision: jurisdiction/instrument/article (kr/sca/art_14__para_1).",
    "instrument": "Id of the instrument (statute, code, judicial interpretation) the provision belongs to.",
    "article": "The article as the source numbers it: 14(1) is Art. 14 para. 1.",
    "conducts": "Conduct ids this version covers (see `policykit list conducts`)." + _LIST,
    "liability": "criminal, administrative or civil.",
    "tier": "'base' for the provision's own penalty, else the aggravating factor ids of a tier joined by '+'. A tier"
    " replaces the base penalty when its facts hold: never add a tier's figures to its base.",
    "in_force_from": "First day this version was in force.",
    "in_force_to": "Last day this version was in force; empty while in force.",
    "amended_by": "Id of the act that made this version.",
    "imprisonment_min_months": "Minimum term of imprisonment, in months; empty if none is stated.",
    "imprisonment_max_months": "Maximum term of imprisonment, in months; empty when there is no imprisonment OR when"
    " the term is open-ended or life: read imprisonment_ceiling before taking empty as 'no prison'.",
    "life_imprisonment": "Whether life imprisonment is a possible sentence.",
    "detention_max_days": "Maximum administrative detention (China's police detention), in days.",
    "fine_min": "Minimum fine, in the currency's units.",
    "fine_max": "Maximum fine, in the currency's units.",
    "fine_unspecified": "A fine applies but no amount is fixed by statute.",
    "currency": "ISO 4217 code of fine amounts.",
    "combination": "How the sanctions combine: single, either, cumulative, fine_may_be_added, fine_must_be_added,"
    " either_or_both.",
    "fine_unit": "daily (day fines: the court sets the number of units and each unit's value from the offender's"
    " income) or penalty (penalty units, whose value the legislature sets); empty for a fine in amounts.",
    "fine_units_min": "Minimum number of fine units.",
    "fine_units_max": "Maximum number of fine units.",
    "fine_per_unit_min": "Lowest value of one fine unit in that period, in the currency's units.",
    "fine_per_unit_max": "Highest value of one fine unit in that period, in the currency's units (the most a fine"
    " can reach is fine_units_max times fine_per_unit_max).",
    "trial": "How a common-law offence is tried: summary_only, either_way (a hybrid offence) or indictment_only;"
    " empty where the legal system has no modes of trial. For either_way, the penalty columns are the maxima on"
    " indictment and the summary_ columns the maxima on summary conviction.",
    "summary_imprisonment_max_months": "Maximum imprisonment on summary conviction of an offence triable either"
    " way, in months (two years less a day is 23.97).",
    "summary_fine_max": "Maximum fine on summary conviction of an offence triable either way (for a fine in units,"
    " the most units at the highest unit value).",
    "summary_fine_unspecified": "On summary conviction a fine applies with no amount fixed by statute.",
    "summary_combination": "How the sanctions combine on summary conviction.",
    "status": "verified (two independent sources agree) or unverified (the version's note says why).",
    "verified_on": "When the version was last checked against its sources.",
    "source_urls": "Addresses of the sources the version was checked against." + _LIST,
    "version_id": "Stable id of the version: provision_id@in_force_from.",
    "amended_by_reference": "The act's official reference (Act No. 17264, Loi n° 2020-936).",
    "reach": "specific (targets the conduct) or general (a general offence that reaches it).",
    "applies_only_when": "Fact ids that must hold for the provision to apply." + _LIST,
    "applies_when_any": "Groups of fact ids of which at least one must hold, each written with '|' between its facts"
    " (property_demanded|sexual_act_demanded)." + _LIST,
    "criminal_detention": "China's criminal detention (拘役) is a possible sentence.",
    "public_surveillance": "China's public surveillance (管制) is a possible sentence.",
    "detention_min_days": "Minimum administrative detention, in days.",
    "warning": "An administrative warning is a possible sanction.",
    "increase_up_to": "A fraction by which the penalty of another provision is raised (habitual offending: 1/2).",
    "prosecution": "ex_officio, victim_complaint or not_against_victim_wishes.",
    "ancillary_measures": "Measures that accompany the penalty (sex_offender_registration, confiscation...),"
    " marked '(discretionary)' when not mandatory." + _LIST,
    "instrument_kind": "statute, code, regulation or judicial_interpretation. Keep judicial_interpretation rows"
    " apart: they set thresholds for the statute they interpret and carry no penalty of their own.",
    "imprisonment_ceiling": "How high imprisonment can go: none (no imprisonment), stated (a maximum term), open"
    " (a minimum only, no maximum stated in the provision) or life.",
    "conduct": "The conduct id the statement is about.",
    "applies_from": "First day the statement holds.",
    "applies_to": "Last day the statement holds; empty while it holds.",
    "reason": "Why nothing covers the conduct, or why the research could not tell.",
    "data_begins_on": "The first day the jurisdiction's data covers; law before it is not in the data.",
    "id": "Stable id of the event.",
    "name": "The event's name in English.",
    "name_original": "The event's name in the original language.",
    "started_on": "When the event started, exact to date_precision (a month-precise date is the 1st).",
    "date_precision": "day, month or year.",
    "ended_on": "When the event ended; empty if it has not or is not known.",
    "summary": "What happened, in a few lines.",
    "responses": "Ids of the acts and provisions recorded as legal responses to the event." + _LIST,
    "event_id": "Id of the event the figure belongs to.",
    "label": "What the figure or date is.",
    "value_number": "The reported figure, when it is a number.",
    "value_date": "The reported date, when it is a date.",
}
_STATUS_DESCRIPTIONS = {
    "status_coverage": "not_covered (researched: no law reaches the conduct) or unknown (researched, the data"
    " cannot tell; the reason says why).",
}


def _table_schema(columns: Sequence[str], primary_key: list[str], statuses: str = "status") -> dict[str, Any]:
    fields = []
    for column in columns:
        field: dict[str, Any] = {"name": column, "type": _FIELD_TYPES.get(column, "string")}
        description = DESCRIPTIONS[column]
        if column == "status" and statuses == "coverage":
            description = _STATUS_DESCRIPTIONS["status_coverage"]
        field["description"] = description
        if field["type"] == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        if column in primary_key:
            field["constraints"] = {"required": True}
        fields.append(field)
    return {"fields": fields, "missingValues": [""], "primaryKey": primary_key}


#: The files of the data package, with their columns and primary keys.
PACKAGE_FILES: tuple[tuple[str, tuple[str, ...], list[str], str], ...] = (
    ("provisions", COLUMNS, ["version_id", "tier"], "One row per provision version and penalty tier."),
    (
        "coverage",
        COVERAGE_COLUMNS,
        ["jurisdiction", "conduct", "applies_from"],
        "Coverage statements: what holds when no provision covers a conduct (not covered, or unknown, with reasons).",
    ),
    ("events", EVENT_COLUMNS, ["id"], "Incidents that give context to the law (not law)."),
    ("event_facts", EVENT_FACT_COLUMNS, ["event_id", "label"], "Figures and dates reported about each event."),
)


def datapackage(dataset: Dataset, on: dt.date | None = None) -> dict[str, Any]:
    """The `datapackage.json` descriptor (Frictionless Data Package v1) of the files `write_datapackage` writes:
    a Table Schema per file (types, descriptions, missing values, primary keys), the policykit version and the
    date the data was last verified.

    >>> import policykit
    >>> from policykit.export import datapackage
    >>> [resource["path"] for resource in datapackage(policykit.load())["resources"]]
    ['provisions.csv', 'coverage.csv', 'events.csv', 'event_facts.csv']
    """
    verified = dataset.verified_on()
    resources = []
    for name, columns, key, description in PACKAGE_FILES:
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "description": description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _table_schema(columns, key, "coverage" if name == "coverage" else "status"),
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": "policykit",
        "title": "policykit: how jurisdictions punish covert filming and image-based sexual abuse",
        "description": "Cited, dated provisions, coverage statements and events"
        + (f" as of {on.isoformat()}" if on else "")
        + ". Every figure belongs to a dated version of a provision and names its sources.",
        "version": __version__,
        "licenses": [
            {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "the data"}
        ],
        "keywords": ["covert filming", "image-based sexual abuse", "comparative law", "penalties"],
        "policykit_version": __version__,
        "as_of": on.isoformat() if on else None,
        "data_verified_on": {
            code: (date.isoformat() if (date := dataset.verified_on(code)) else None)
            for code in sorted(dataset.jurisdictions)
        },
        "last_verified_on": verified.isoformat() if verified else None,
        "resources": resources,
    }


def write_datapackage(
    dataset: Dataset,
    folder: str | os.PathLike[str],
    on: DateLike | None = None,
    jurisdictions: Iterable[str] | None = None,
    conducts: Iterable[str] | None = None,
) -> list[Path]:
    """Write `provisions.csv`, `coverage.csv`, `events.csv`, `event_facts.csv` and their `datapackage.json` to
    `folder` (created if missing); returns the paths written, descriptor last.

    >>> import pathlib, tempfile, policykit
    >>> from policykit.export import write_datapackage
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in write_datapackage(policykit.load(), folder, jurisdictions=["FR"])]
    ['provisions.csv', 'coverage.csv', 'events.csv', 'event_facts.csv', 'datapackage.json']
    """
    day = as_date(on) if on is not None else None
    tables = {
        "provisions": export_records(dataset, day, jurisdictions, conducts),
        "coverage": coverage_records(dataset, day, jurisdictions, conducts),
        "events": event_records(dataset, jurisdictions),
        "event_facts": event_fact_records(dataset, jurisdictions),
    }
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, columns, _, _ in PACKAGE_FILES:
        path = target / f"{name}.csv"
        path.write_text(to_csv(tables[name], columns=columns), encoding="utf-8")
        written.append(path)
    descriptor = target / "datapackage.json"
    descriptor.write_text(json.dumps(datapackage(dataset, day), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(descriptor)
    return written
