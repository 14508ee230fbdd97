"""A penalty's fields, declared once: their export columns, values, JSON Schema and YAML form.

Each field of `policykit.model.Penalty` names its export columns in its attrs metadata (`columns`, and `unit` for
a range of terms). Everything that flattens or writes a penalty (the tidy export and its JSON Schema, the JSON of
reports, the YAML writer) is derived here from those declarations and from the field's type, so a new penalty field
is declared once in the model; a field whose type this module does not know fails at import, loudly, instead of
being dropped from an output.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs

from policykit.model import Fine, FineUnit, Penalty, SummaryPenalty, TermRange

Columns = tuple[str, ...]


def _number(value: Fraction) -> int | float:
    """A Fraction of months as an int when whole, else rounded to two decimals."""
    return int(value) if value == int(value) else round(float(value), 2)


def _range_values(term_range: TermRange | None, unit: str) -> tuple[Any, ...]:
    if term_range is None:
        return (None, None)
    if unit == "months":
        low = _number(term_range.min.months) if term_range.min else None
        high = _number(term_range.max.months) if term_range.max else None
    else:
        low = term_range.min.days if term_range.min else None
        high = term_range.max.days if term_range.max else None
    return (low, high)


def _fine_values(fine: Fine | None) -> tuple[Any, ...]:
    if fine is None:
        return (None, None, False, None, None, None, None, None, None)
    units = fine.units
    if units is None:
        return (fine.min, fine.max, fine.unspecified, fine.currency, None, None, None, None, None)
    counts = (units.kind.value, units.min, units.max, units.per_unit_min, units.per_unit_max)
    return (fine.min, fine.max, fine.unspecified, fine.currency, *counts)


def _summary_values(summary: SummaryPenalty | None) -> tuple[Any, ...]:
    if summary is None:
        return (None, None, False, None)
    term = summary.imprisonment.max if summary.imprisonment is not None else None
    fine = summary.fine
    return (
        _number(term.months) if term is not None else None,
        fine.ceiling if fine is not None else None,
        fine.unspecified if fine is not None else False,
        summary.combination.value if summary.combination is not None else None,
    )


def _fraction_value(value: Fraction | None) -> str | None:
    return f"{value.numerator}/{value.denominator}" if value is not None else None


_NULLABLE_INTEGER = {"type": ["integer", "null"], "minimum": 0}


@attrs.frozen
class _Kind:
    """How one type of penalty field becomes columns, JSON Schema and YAML."""

    values: Callable[[Any, attrs.Attribute[Any]], tuple[Any, ...]]
    schemas: Callable[[attrs.Attribute[Any]], tuple[dict[str, Any], ...]]
    yaml: Callable[[Any], Any]


def _range_schemas(field: attrs.Attribute[Any]) -> tuple[dict[str, Any], ...]:
    if field.metadata["unit"] == "months":
        return ({"type": ["number", "null"], "minimum": 0},) * 2
    return (_NULLABLE_INTEGER,) * 2


def _range_yaml(term_range: TermRange) -> dict[str, str]:
    found = {}
    for key in ("min", "max"):
        term = getattr(term_range, key)
        if term is not None:
            found[key] = f"{term.amount} {term.unit.value}" + (" less a day" if term.less_a_day else "")
    return found


def _bounds(low: int | None, high: int | None) -> dict[str, int]:
    return {key: value for key, value in (("min", low), ("max", high)) if value is not None}


def _fine_yaml(fine: Fine) -> dict[str, Any]:
    found: dict[str, Any] = {"currency": fine.currency}
    if fine.unspecified:
        found["unspecified"] = True
    found.update(_bounds(fine.min, fine.max))
    if fine.units is not None:
        units = fine.units
        found[f"{units.kind.value}_units"] = _bounds(units.min, units.max)
        per_unit = _bounds(units.per_unit_min, units.per_unit_max)
        if per_unit:
            found["per_unit"] = per_unit
    return found


def _summary_yaml(summary: SummaryPenalty) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if summary.imprisonment is not None:
        found["imprisonment"] = _range_yaml(summary.imprisonment)
    if summary.fine is not None:
        found["fine"] = _fine_yaml(summary.fine)
    if summary.combination is not None:
        found["combination"] = summary.combination.value
    return found


_KINDS: dict[type, _Kind] = {
    TermRange: _Kind(lambda value, field: _range_values(value, field.metadata["unit"]), _range_schemas, _range_yaml),
    bool: _Kind(lambda value, field: (bool(value),), lambda field: ({"type": "boolean"},), lambda value: True),
    Fine: _Kind(
        lambda value, field: _fine_values(value),
        lambda field: (
            _NULLABLE_INTEGER,
            _NULLABLE_INTEGER,
            {"type": "boolean"},
            {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
            {"enum": [None, *(unit.value for unit in FineUnit)]},
            *(_NULLABLE_INTEGER,) * 4,
        ),
        _fine_yaml,
    ),
    SummaryPenalty: _Kind(
        lambda value, field: _summary_values(value),
        lambda field: (
            {"type": ["number", "null"], "minimum": 0},
            _NULLABLE_INTEGER,
            {"type": "boolean"},
            {"type": ["string", "null"]},
        ),
        _summary_yaml,
    ),
    Fraction: _Kind(
        lambda value, field: (_fraction_value(value),),
        lambda field: ({"type": ["string", "null"], "pattern": "^[0-9]+/[0-9]+$"},),
        lambda value: {"up_to": _fraction_value(value)},
    ),
}


def _enum_kind(choices: list[Any]) -> _Kind:
    def values(value: Any, field: attrs.Attribute[Any]) -> tuple[Any, ...]:
        return (value.value if value is not None else None,)

    def schemas(field: attrs.Attribute[Any]) -> tuple[dict[str, Any], ...]:
        return ({"enum": [None, *choices]},)

    def yaml(value: Any) -> Any:
        return value.value

    return _Kind(values, schemas, yaml)


def _kind_of(field: attrs.Attribute[Any]) -> tuple[type, _Kind]:
    candidates = [known for known in typing.get_args(field.type) or (field.type,) if known is not type(None)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            return candidate, _enum_kind([member.value for member in candidate])
        if candidate in _KINDS:
            return candidate, _KINDS[candidate]
    raise TypeError(f"Penalty.{field.name}: no export, schema or YAML form for type {field.type!r}")


def declared_fields(cls: type = Penalty) -> tuple[tuple[attrs.Attribute[Any], Columns, _Kind], ...]:
    """Each field of the attrs class `cls` with its export columns and how to render it; `TypeError` for a field
    with no columns, an unknown type, or the wrong number of columns."""
    attrs.resolve_types(cls)
    found = []
    for field in attrs.fields(cls):
        columns = field.metadata.get("columns")
        if not columns:
            raise TypeError(f"Penalty.{field.name} declares no export columns (attrs metadata 'columns')")
        _, kind = _kind_of(field)
        if len(kind.schemas(field)) != len(columns):
            raise TypeError(
                f"Penalty.{field.name}: {len(columns)} columns declared for a field that needs another number"
            )
        found.append((field, tuple(columns), kind))
    return tuple(found)


_FIELDS = declared_fields()

#: Every export column of a penalty, in the order of the model's fields.
PENALTY_COLUMNS: Columns = tuple(column for _, columns, _ in _FIELDS for column in columns)


def penalty_values(penalty: Penalty | None) -> dict[str, Any]:
    """The export columns of a penalty (no penalty: every column empty or false)."""
    values: dict[str, Any] = {}
    for field, columns, kind in _FIELDS:
        value = getattr(penalty, field.name) if penalty is not None else None
        values.update(zip(columns, kind.values(value, field), strict=True))
    return values


def penalty_schema() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each penalty column."""
    schemas: dict[str, dict[str, Any]] = {}
    for field, columns, kind in _FIELDS:
        schemas.update(zip(columns, kind.schemas(field), strict=True))
    return schemas


def penalty_yaml(penalty: Penalty) -> dict[str, Any]:
    """The YAML mapping of a penalty, as `policykit.loading` reads it: fields at their defaults are left out."""
    found: dict[str, Any] = {}
    for field, _, kind in _FIELDS:
        value = getattr(penalty, field.name)
        if value != field.default:
            found[field.name] = kind.yaml(value)
    return found
