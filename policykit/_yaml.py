"""A strict, located reader for policykit's YAML files.

PyYAML's loaders keep the last of two duplicate keys, build Python objects from tags and expand aliases,
so a hand-written or hostile file can lose data, run code or exhaust memory. This reader walks the parser's
event stream itself and accepts only plain YAML: one document of mappings, sequences and scalars, no tags,
no anchors, no aliases, bounded depth and size. Every mapping and sequence remembers where it and each of
its values start, so later checks can point at `file:line:column`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from policykit.errors import Problem
from policykit.loading import MAX_FILE_BYTES  # the light loader module: no import cycle

#: Deeper nesting than this is refused; the real schema needs fewer than ten levels.
MAX_DEPTH = 32
#: Longer text values are refused: the longest real one (a coverage reason) is about 2,000 characters.
MAX_TEXT_CHARS = 10_000
#: Longer keys are refused: keys are ids, field names or slugs.
MAX_KEY_CHARS = 100

Mark = tuple[int, int]
"""A 1-based (line, column) position in a file."""

try:
    _Parser: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

_resolver = Resolver()
_constructor = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: The only integers read as numbers: YAML 1.1's other forms (`010` octal, `0x10`, `0b1010`, `1_000`, `1:20`
#: sexagesimal) are read as text, as YAML 1.2 does, so that a field expecting a number says what it found.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
#: The only booleans: YAML 1.1 also reads yes/no/on/off as booleans (`language: no`, Norwegian, would be false).
_BOOLEANS = {"true": True, "false": False}
#: YAML 1.1's type repertoire also reads y, Y, n and N as booleans, though PyYAML's resolver does not.
_ONE_LETTER_BOOLEANS = {"y", "Y", "n", "N"}
_READINGS = {_BOOL: "a boolean", _INT: "a number", _FLOAT: "a number", _NULL: "null", _TIMESTAMP: "a date"}


class Yaml11Text(str):
    """Unquoted text that a YAML 1.1 reader would read as something else (`no` as false, `0x10` as 16).

    This reader keeps it as text, but a field that expects text refuses it: the same file must mean the
    same thing to every YAML reader, so such text is written in quotes (`language: "no"`).
    """

    __slots__ = ("reading",)

    def __new__(cls, value: str, reading: str) -> Yaml11Text:
        text = super().__new__(cls, value)
        text.reading = reading
        return text

    reading: str
    """What a YAML 1.1 reader would make of it: "a boolean", "a number"."""


def yaml11_reading(value: str) -> str | None:
    """What a YAML 1.1 reader would read the unquoted scalar `value` as, or None when it would read text.

    >>> yaml11_reading("no"), yaml11_reading("1:20"), yaml11_reading("226-1")
    ('a boolean', 'a number', None)
    """
    if value in _ONE_LETTER_BOOLEANS:
        return "a boolean"
    tag = _resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return _READINGS.get(tag)


class YamlMap(dict[str, Any]):
    """A mapping read from YAML, with the position of itself, its keys and its values."""

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YamlList(list[Any]):
    """A sequence read from YAML, with the position of itself and of each item."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


class YamlReadError(Exception):
    """A file could not be read as plain YAML; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _mark(event: Any) -> Mark:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


def _describe_scalar(value: str) -> str:
    """`value` quoted, or at most 37 characters of its first line: messages never echo more of a file."""
    if len(value) <= 40:
        return repr(value)
    return repr(value.partition("\n")[0][:37] + "...")


def _decode(data: bytes, path: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise YamlReadError(
            Problem(path, 1, 1, f"file is {len(data):,} bytes; data files are limited to {MAX_FILE_BYTES:,} bytes")
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlReadError(Problem(path, 1, 1, "file is UTF-16 or UTF-32 encoded; expected UTF-8"))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line = data.count(b"\n", 0, offset) + 1
        raise YamlReadError(
            Problem(path, line, 1, "file contains a NUL byte: it looks binary; expected UTF-8 YAML text")
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 byte-order mark carries no meaning; accept it
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlReadError(
            Problem(path, line, column, f"byte 0x{data[error.start]:02x} is not valid UTF-8; expected UTF-8 text")
        ) from None


def _scalar(event: Any, path: str) -> Any:
    value: str = event.value
    if event.tag is not None and event.tag != "!":
        line, column = _mark(event)
        raise YamlReadError(Problem(path, line, column, f"YAML tag {event.tag!r} is not allowed; write plain values"))
    if len(value) > MAX_TEXT_CHARS:
        line, column = _mark(event)
        raise YamlReadError(
            Problem(
                path, line, column, f"a value of {len(value):,} characters; values are limited to {MAX_TEXT_CHARS:,}"
            )
        )
    if not event.implicit[0]:
        return value  # quoted: always text
    tag = _resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag == _STR:
        return Yaml11Text(value, "a boolean") if value in _ONE_LETTER_BOOLEANS else value
    node = ScalarNode(tag, value)
    try:
        if tag == _NULL:
            return None
        if tag == _BOOL:
            boolean = _BOOLEANS.get(value.lower())
            return boolean if boolean is not None else Yaml11Text(value, "a boolean")
        if tag == _INT:
            return int(value) if _DECIMAL.fullmatch(value) else Yaml11Text(value, "a number")
        if tag == _FLOAT:
            if "_" in value or ":" in value:
                return Yaml11Text(value, "a number")  # YAML 1.1 only: `1_000.5`, `1:20.5`
            return _constructor.construct_yaml_float(node)
        if tag == _TIMESTAMP:
            return _constructor.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        line, column = _mark(event)
        if tag == _TIMESTAMP:
            raise YamlReadError(
                Problem(path, line, column, f"{_describe_scalar(value)} is not a real calendar date")
            ) from None
        raise YamlReadError(
            Problem(path, line, column, f"{_describe_scalar(value)} is not a number this reader accepts (too long?)")
        ) from None
    return value  # pragma: no cover - every implicit tag is handled above


def read_yaml(data: bytes, path: str) -> Any:
    """Parse one YAML document from `data`; `path` is only used in messages.

    Returns nested `YamlMap`, `YamlList` and plain scalars (str, int, float, bool, None, date, datetime).
    Raises `YamlReadError` with a located problem for anything that is not plain, safe YAML.
    """
    text = _decode(data, path)
    try:
        return _build(yaml.parse(text, Loader=_Parser), path)
    except yaml.MarkedYAMLError as error:
        if _Parser is not yaml.SafeLoader:
            # libyaml scans ahead of the events it has handed over and has limits of its own (PyYAML 6.0.4's
            # refuses flow nesting past 1,000 levels while scanning). Replay the file with PyYAML's pure-Python
            # parser, which hands events over as it reads them, so that policykit's own checks (depth, tags,
            # anchors) report first with their own words and location whichever libyaml is installed.
            _replay_with_python_parser(text, path)
        raise YamlReadError(_syntax_problem(error, text, path)) from None
    except yaml.YAMLError as error:
        raise YamlReadError(Problem(path, 1, 1, f"YAML error: {error}")) from None


def _replay_with_python_parser(text: str, path: str) -> None:
    """Raise policykit's own `YamlReadError` if one of its checks fires before the parser fails; else return."""
    try:
        _build(yaml.parse(text, Loader=yaml.SafeLoader), path)
    except yaml.YAMLError:
        return


def _build(events: Any, path: str) -> Any:
    stack: list[YamlMap | YamlList] = []
    pending_keys: list[str | None] = []
    root: Any = None
    documents = 0
    event: Any
    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None:
                line, column = _mark(event)
                raise YamlReadError(
                    Problem(path, line, column, f"anchor &{event.anchor} is not allowed; repeat the value instead")
                )
            if kind is yaml.ScalarEvent:
                value: Any = _scalar(event, path)
            else:
                if event.tag is not None:
                    line, column = _mark(event)
                    raise YamlReadError(
                        Problem(path, line, column, f"YAML tag {event.tag!r} is not allowed; write plain values")
                    )
                if len(stack) >= MAX_DEPTH:
                    line, column = _mark(event)
                    raise YamlReadError(
                        Problem(path, line, column, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
                    )
                value = YamlMap(_mark(event)) if kind is yaml.MappingStartEvent else YamlList(_mark(event))
            _attach(stack, pending_keys, value, event, path)
            if kind is not yaml.ScalarEvent:
                stack.append(value)
                pending_keys.append(None)
            elif not stack:
                root = value
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            done = stack.pop()
            pending_keys.pop()
            if not stack:
                root = done
        elif kind is yaml.AliasEvent:
            line, column = _mark(event)
            raise YamlReadError(
                Problem(path, line, column, f"alias *{event.anchor} is not allowed; repeat the value instead")
            )
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, column = _mark(event)
                raise YamlReadError(Problem(path, line, column, "a second YAML document is not allowed"))
    return root


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    message = error.problem or "invalid YAML"
    if error.context:
        context = error.context
        start = error.context_mark
        if start is not None and mark is not None and start.line != mark.line:
            context = f"{context} that starts at line {start.line + 1}, column {start.column + 1}"
        message = f"{message} ({context})"
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        message = f"{message}; YAML does not allow tabs for indentation: use spaces"
    return Problem(path, line, column, f"YAML syntax error: {message}")


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def _attach(stack: list[YamlMap | YamlList], keys: list[str | None], value: Any, event: Any, path: str) -> None:
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, YamlList):
        parent.append(value)
        parent.item_marks.append(_mark(event))
        return
    key = keys[-1]
    if key is None:
        # This value is a key. Keys are always text, whatever they look like (`17264:`, `2020-01-01:`).
        if type(event) is not yaml.ScalarEvent:
            line, column = _mark(event)
            raise YamlReadError(Problem(path, line, column, "a mapping key must be plain text, not a list or mapping"))
        text: str = event.value
        if len(text) > MAX_KEY_CHARS:
            line, column = _mark(event)
            raise YamlReadError(
                Problem(path, line, column, f"a key of {len(text):,} characters; keys are limited to {MAX_KEY_CHARS}")
            )
        if text in parent:
            line, column = _mark(event)
            first_line = parent.key_marks[text][0]
            raise YamlReadError(
                Problem(
                    path,
                    line,
                    column,
                    f"duplicate key {_describe_scalar(text)} (first at line {first_line}); each key may appear once",
                )
            )
        reading = yaml11_reading(text) if event.implicit[0] else None
        if reading is not None:
            line, column = _mark(event)
            raise YamlReadError(
                Problem(
                    path,
                    line,
                    column,
                    f"the key {_describe_scalar(text)} would be read as {reading} by YAML 1.1 readers; "
                    f'write it in quotes: "{text}"',
                )
            )
        keys[-1] = text
        parent.key_marks[text] = _mark(event)
        return
    parent[key] = value
    parent.value_marks[key] = _mark(event)
    keys[-1] = None


def is_finite_number(value: Any) -> bool:
    """True for an int or a finite float (bool excluded)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def describe(value: Any) -> str:
    """Name what was found, for messages ("found a list", "found text 'abc'")."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    if isinstance(value, str):
        return f"text {_describe_scalar(value)}"
    if isinstance(value, dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int):
        text = str(value)
        return f"the number {text if len(text) <= 30 else text[:27] + '...'}"
    if isinstance(value, float):
        return f"the number {value!r}"
    return type(value).__name__  # pragma: no cover - the reader produces nothing else
