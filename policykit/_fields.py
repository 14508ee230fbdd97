"""Typed, located access to the fields of one YAML mapping.

Each reader records a `Problem` (what was found, what was expected, where) and returns None instead of
raising, so one pass over a file reports all of its problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Collection
from typing import Any, TypeVar

from policykit._yaml import Mark, Yaml11Text, YamlList, YamlMap, describe, is_finite_number
from policykit.errors import Problem

E = TypeVar("E", bound=enum.Enum)

#: Amounts above this are refused: no fine in any currency comes near it, and it keeps arithmetic exact.
MAX_AMOUNT = 10**15
#: Dates outside these are refused: no law in the data is older, a far-future date is a placeholder for "no end"
#: (leave the end out instead), and the checks add and subtract days without leaving Python's date range.
EARLIEST_DATE = dt.date(1000, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)
# Patterns are matched with `fullmatch`: `$` also matches before a final newline, so `"art_1\n"` would pass.
_TERM = re.compile(r"(?P<amount>[0-9]{1,4}) (?P<unit>years?|months?|days?)(?P<less_a_day> less a day)?")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_PLAIN_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
#: Characters refused in text: C0 and C1 controls other than tab and newline (terminal escapes), and the
#: bidirectional embeddings, overrides and isolates, which make text print differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _expected(found: str, allowed: Collection[str]) -> str:
    close = difflib.get_close_matches(found, list(allowed), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"{hint}expected one of: {', '.join(sorted(allowed))}"


def unknown_id(kind: str, found: str, known: Collection[str]) -> str:
    """`unknown conduct 'x'; did you mean 'y'? expected one of: ...`"""
    return f"unknown {kind} {found!r}; {_expected(found, known)}"


def yaml11_problem(value: Yaml11Text) -> str:
    """The message for unquoted text that a YAML 1.1 reader would read as something else."""
    return (
        f"{describe(value)} is unquoted, and YAML 1.1 readers would read it as {value.reading}; "
        f'write it in quotes: "{value}"'
    )


def list_items(file: FileProblems, value: Any, where: str, mark: Mark) -> list[tuple[int, Any, Mark]] | None:
    """The (index, value, mark) items of a list read from YAML; None (and a problem) for anything else."""
    if not isinstance(value, YamlList):
        file.add(mark, f"{where}: expected a list, found {describe(value)}")
        return None
    return [(index, item, value.item_marks[index]) for index, item in enumerate(value)]


class FileProblems:
    """The problems found in one file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def add(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.name, mark[0], mark[1], message))


class Fields:
    """The fields of one mapping at `where` (a dotted path used in messages)."""

    def __init__(self, file: FileProblems, value: Any, where: str, mark: Mark, allowed: Collection[str]) -> None:
        self.file = file
        self.where = where
        self.ok = isinstance(value, YamlMap)
        if not self.ok:
            # At the top level, say only what kind of thing the file holds: a file that is not policykit data
            # (a link to some other file, say) should not have its first line echoed.
            found = describe(value) if where or not isinstance(value, str) else "text"
            file.add(mark, f"{where or 'top level'}: expected a mapping, found {found}")
            self.map = YamlMap(mark)
            return
        self.map = value
        for key in value:
            if key not in allowed:
                file.add(
                    value.key_marks[key], f"{where or 'top level'}: unknown key {key!r}; {_expected(key, allowed)}"
                )

    @property
    def mark(self) -> Mark:
        return self.map.mark

    def at(self, key: str) -> Mark:
        return self.map.value_marks.get(key, self.map.mark)

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self.map

    def raw(self, key: str) -> Any:
        return self.map.get(key)

    def problem(self, key: str, message: str) -> None:
        self.file.add(self.at(key), f"{self.path(key)}: {message}")

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.map or self.map[key] is None:
            if required and self.ok:
                self.file.add(self.map.mark, f"{self.where or 'file'}: missing required key {key!r}")
            return None
        return self.map[key]

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"expected non-empty text, found {describe(value)}")
            return None
        if isinstance(value, Yaml11Text):
            self.problem(key, yaml11_problem(value))
            return None
        control = _CONTROL.search(value)
        if control is not None:
            self.problem(
                key, f"text contains the control character U+{ord(control[0]):04X}; remove it or write it out in words"
            )
            return None
        return value.strip()

    def identifier(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        return self.check_identifier(key, value)

    def check_identifier(self, key: str, value: Any, mark: Mark | None = None) -> str | None:
        where = mark or self.at(key)
        if isinstance(value, Yaml11Text):
            self.file.add(where, f"{self.path(key)}: {yaml11_problem(value)}")
            return None
        if isinstance(value, str) and _ID.fullmatch(value):
            return value
        self.file.add(
            where,
            f"{self.path(key)}: expected an id of lower-case ASCII letters, digits, '_' and '-', "
            f"found {describe(value)}",
        )
        return None

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(key, f"expected a date (YYYY-MM-DD), found {describe(value)}")
            return None
        if isinstance(value, dt.date):
            if not EARLIEST_DATE <= value <= LATEST_DATE:
                self.problem(
                    key,
                    f"expected a date from {EARLIEST_DATE} to {LATEST_DATE}, found {describe(value)}"
                    + ("; for no end date, leave the key out" if value > LATEST_DATE else ""),
                )
                return None
            return value
        if isinstance(value, str):
            self.problem(key, f"expected an unquoted date (YYYY-MM-DD), found {describe(value)}")
            return None
        self.problem(key, f"expected a date (YYYY-MM-DD), found {describe(value)}")
        return None

    def amount(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and is_finite_number(value) and value.is_integer():
                self.problem(key, f"expected a whole number, found {describe(value)}; write it without a decimal point")
            elif isinstance(value, str) and not _PLAIN_DECIMAL.fullmatch(value.strip()):
                # The reader keeps YAML 1.1 number forms (`010`, `0x10`, `1_000`, `1:20`) as text.
                self.problem(
                    key,
                    f"expected a whole number written as plain decimal digits (such as 1000, no leading zero, "
                    f"no separators), found {describe(value)}",
                )
            else:
                self.problem(key, f"expected a whole number, found {describe(value)}")
            return None
        if value < 0:
            self.problem(key, f"expected a number of 0 or more, found {describe(value)}")
            return None
        if value > MAX_AMOUNT:
            self.problem(key, f"expected a number of at most {MAX_AMOUNT:,}, found {describe(value)}")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, found {describe(value)}")
            return default
        return value

    def choice(self, key: str, kind: type[E], required: bool = True, default: E | None = None) -> E | None:
        value = self._get(key, required)
        if value is None:
            return default
        try:
            return kind(value)
        except ValueError:
            expected = ", ".join(member.value for member in kind)
            self.problem(key, f"expected one of: {expected}; found {describe(value)}")
            return None

    def mapping(self, key: str, allowed: Collection[str], required: bool = True) -> Fields | None:
        value = self._get(key, required)
        if value is None:
            return None
        fields = Fields(self.file, value, self.path(key), self.at(key), allowed)
        return fields if fields.ok else None

    def entries(self, key: str, required: bool = True) -> list[tuple[str, Any, Mark]] | None:
        """The (key, value, mark) entries of a mapping-valued field."""
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, YamlMap):
            self.problem(key, f"expected a mapping, found {describe(value)}")
            return None
        return [(name, item, value.value_marks.get(name, value.key_marks[name])) for name, item in value.items()]

    def key_mark(self, key: str, inner: str) -> Mark:
        value = self.map.get(key)
        if isinstance(value, YamlMap):
            return value.key_marks.get(inner, value.mark)
        return self.at(key)

    def items(self, key: str, required: bool = True) -> list[tuple[int, Any, Mark]] | None:
        """The (index, value, mark) items of a list-valued field."""
        value = self._get(key, required)
        if value is None:
            return None
        return list_items(self.file, value, self.path(key), self.at(key))

    def identifiers(self, key: str, required: bool = False) -> tuple[str, ...] | None:
        """A list of ids; duplicates are reported."""
        items = self.items(key, required)
        if items is None:
            return None
        found: list[str] = []
        for index, value, mark in items:
            checked = self.check_identifier(f"{key}[{index}]", value, mark)
            if checked is None:
                continue
            if checked in found:
                self.file.add(mark, f"{self.path(key)}[{index}]: {checked!r} is listed twice")
                continue
            found.append(checked)
        return tuple(found)

    def references(self, key: str, required: bool = False) -> list[tuple[str, Mark]] | None:
        """A list of path-like ids (`kr/sca/art_14`) with their marks."""
        items = self.items(key, required)
        if items is None:
            return None
        found: list[tuple[str, Mark]] = []
        for index, value, mark in items:
            if not isinstance(value, str) or not value.strip():
                self.file.add(mark, f"{self.path(key)}[{index}]: expected an id, found {describe(value)}")
                continue
            if isinstance(value, Yaml11Text):
                self.file.add(mark, f"{self.path(key)}[{index}]: {yaml11_problem(value)}")
                continue
            found.append((value.strip(), mark))
        return found

    def term(self, key: str, required: bool = False) -> tuple[int, str, bool] | None:
        """`(amount, unit, less_a_day)` of a term such as '7 years' or '2 years less a day'."""
        value = self._get(key, required)
        if value is None:
            return None
        match = _TERM.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            self.problem(
                key,
                f"expected a term such as '7 years', '6 months', '10 days' or '2 years less a day', "
                f"found {describe(value)}",
            )
            return None
        unit = match["unit"] if match["unit"].endswith("s") else match["unit"] + "s"
        return int(match["amount"]), unit, match["less_a_day"] is not None
