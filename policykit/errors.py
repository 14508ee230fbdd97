"""The exceptions and warnings policykit raises.

Every exception is a `PolicykitError`, so `except policykit.PolicykitError` catches all that the library
raises on purpose. Bad data is a `DataError` carrying every located `Problem` found, not only the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


@attrs.frozen(order=True)
class Problem:
    """One thing wrong with a data file, at a place in it (1-based line and column)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{_printable(self.file)}:{self.line}:{self.column}: {_printable(self.message)}"


def _printable(text: str) -> str:
    """`text` with what a terminal would not show as itself escaped: control characters (a newline in a file
    name would forge a second problem line; an escape sequence would recolour the terminal) and the lone
    surrogates that stand for the bytes of a file name that is not UTF-8 (printing them raises)."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class PolicykitError(Exception):
    """Base class of every error policykit raises on purpose."""


class DataError(PolicykitError):
    """The data files have problems; `problems` lists all of them, in file and line order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = tuple(sorted(problems))
        count = len(self.problems)
        head = "\n".join(str(problem) for problem in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data:\n{head}{more}")


class UnknownIdError(PolicykitError, LookupError):
    """A jurisdiction, conduct, factor or provision id that the dataset does not have."""

    def __init__(self, kind: str, value: str, choices: Iterable[str]) -> None:
        self.kind = kind
        self.value = value
        self.choices = tuple(sorted(choices))
        shown = ", ".join(self.choices) if self.choices else "none"
        import difflib  # only for this message: importing it is a noticeable share of a short command's start

        close = difflib.get_close_matches(value, self.choices, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]!r}? " if close else ""
        super().__init__(f"unknown {kind} {value!r}; {hint}expected one of: {shown}")

    def __str__(self) -> str:
        return str(self.args[0])


class ArgumentTypeError(PolicykitError, TypeError):
    """An argument policykit cannot use: a date that is not a date (or an ISO `YYYY-MM-DD` text), a single id
    where a list of ids is expected, an id that is not text."""


class StaleDataWarning(UserWarning):
    """A query asks about a date after the data was last checked against its sources."""


class BeforeCoverageWarning(UserWarning):
    """A query asks about a date before a jurisdiction's data begins (its `coverage_from`): law in force then is
    not in the data, so "unknown" there means "not researched"."""
