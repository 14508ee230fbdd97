"""The strict YAML reader: plain YAML only, every value located, nothing silently lost."""

from __future__ import annotations

import datetime as dt

import pytest

from policykit._yaml import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_KEY_CHARS,
    MAX_TEXT_CHARS,
    Yaml11Text,
    YamlList,
    YamlMap,
    YamlReadError,
    describe,
    read_yaml,
)


def read(text: str | bytes) -> object:
    return read_yaml(text.encode() if isinstance(text, str) else text, "f.yaml")


def error_of(text: str | bytes) -> str:
    with pytest.raises(YamlReadError) as caught:
        read(text)
    return str(caught.value.problem)


def test_values_and_positions() -> None:
    data = read("a: 1\nb:\n  - x\n  - 2020-05-19\nc: {d: 'true', e: yes}\n")
    assert isinstance(data, YamlMap)
    assert data == {"a": 1, "b": ["x", dt.date(2020, 5, 19)], "c": {"d": "true", "e": "yes"}}
    assert data.key_marks["b"] == (2, 1)
    assert data.value_marks["a"] == (1, 4)
    items = data["b"]
    assert isinstance(items, YamlList)
    assert items.item_marks == [(3, 5), (4, 5)]


def test_keys_are_always_text() -> None:
    data = read('"17264": a\n"2020-01-01": b\n"null": c\nart_1: d\n')
    assert list(data) == ["17264", "2020-01-01", "null", "art_1"]  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("key", "reading"), [("17264", "a number"), ("2020-01-01", "a date"), ("null", "null"), ("no", "a boolean")]
)
def test_an_unquoted_key_that_yaml_1_1_reads_otherwise_is_refused(key: str, reading: str) -> None:
    with pytest.raises(YamlReadError) as error:
        read(f"a: 1\n{key}: b\n")
    assert str(error.value.problem) == (
        f'f.yaml:2:1: the key {key!r} would be read as {reading} by YAML 1.1 readers; write it in quotes: "{key}"'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "f.yaml:2:1: duplicate key 'a' (first at line 1); each key may appear once"),
        ("a:\n  b: 1\n  b: 1\n", "f.yaml:3:3: duplicate key 'b' (first at line 2)"),
        ("- {x: 1, x: 1}\n", "f.yaml:1:10: duplicate key 'x'"),
        ("a: !!python/object/apply:os.system ['true']\n", "f.yaml:1:4: YAML tag"),
        ("a: !!str 1\n", "f.yaml:1:4: YAML tag 'tag:yaml.org,2002:str' is not allowed"),
        ("a: &x 1\nb: *x\n", "f.yaml:1:4: anchor &x is not allowed"),
        ("a: *x\n", "f.yaml:1:4: alias *x is not allowed"),
        ("a: 2023-02-30\n", "f.yaml:1:4: '2023-02-30' is not a real calendar date"),
        ("? [a]\n: 1\n", "f.yaml:1:3: a mapping key must be plain text"),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: a second YAML document is not allowed"),
        ("a:\n\t- 1\n", "f.yaml:2:1: YAML syntax error"),
    ],
)
def test_refuses_what_is_not_plain_yaml(text: str, expected: str) -> None:
    assert error_of(text).startswith(expected)


def test_alias_bomb_is_refused_at_its_first_anchor() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    assert error_of(bomb) == "f.yaml:1:4: anchor &a is not allowed; repeat the value instead"


def test_deep_nesting_is_refused() -> None:
    assert "nesting deeper than" in error_of("[" * 100_000 + "]" * 100_000)
    assert "nesting deeper than" in error_of("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    nested = read("[" * MAX_DEPTH + "]" * MAX_DEPTH)  # exactly at the limit is accepted
    depth = 0
    while isinstance(nested, list) and nested:
        nested, depth = nested[0], depth + 1
    assert depth == MAX_DEPTH - 1


def test_huge_file_is_refused_before_parsing() -> None:
    assert "data files are limited to" in error_of(b"a: 1\n" + b"#" * MAX_FILE_BYTES)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a: 1\nb: \x00\n", "f.yaml:2:1: file contains a NUL byte"),
        (b"a: caf\xe9\n", "f.yaml:1:7: byte 0xe9 is not valid UTF-8"),
        ("a: 1\n".encode("utf-16"), "f.yaml:1:1: file is UTF-16 or UTF-32 encoded"),
    ],
)
def test_refuses_what_is_not_utf8_text(data: bytes, expected: str) -> None:
    assert error_of(data).startswith(expected)


def test_utf8_byte_order_mark_is_accepted() -> None:
    assert read(b"\xef\xbb\xbfa: 1\n") == {"a": 1}


def test_huge_integers_are_refused() -> None:
    assert "not a number this reader accepts" in error_of("a: " + "9" * 5000 + "\n")


def test_empty_document_is_none() -> None:
    assert read("") is None
    assert read("# only a comment\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1:20", "1:20"),  # YAML 1.1 sexagesimal: 80
        ("010", "010"),  # YAML 1.1 octal: 8
        ("0x10", "0x10"),
        ("0o10", "0o10"),
        ("0b1010", "0b1010"),
        ("1_000", "1_000"),
        ("-0x10", "-0x10"),
        ("1_000.5", "1_000.5"),
        ("1:20.5", "1:20.5"),
        ("+5", 5),
        ("-5", -5),
        ("0", 0),
        ("1000", 1000),
        ("1000.5", 1000.5),
    ],
)
def test_only_plain_decimal_numbers_are_numbers(text: str, expected: object) -> None:
    """YAML 1.1 number forms are kept as text (as YAML 1.2 reads them), never silently turned into numbers."""
    assert read(f"a: {text}\n") == {"a": expected}


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("False", False), ("TRUE", True)])
def test_booleans_are_true_and_false(text: str, expected: bool) -> None:
    assert read(f"a: {text}\n") == {"a": expected}


@pytest.mark.parametrize("text", ["yes", "no", "on", "off", "Yes", "NO"])
def test_yaml_1_1_booleans_are_text(text: str) -> None:
    """`language: no` (Norwegian) is the code 'no', not false; it is marked so that a text field can refuse it."""
    value = read(f"a: {text}\n")["a"]  # type: ignore[index]
    assert value == text
    assert isinstance(value, Yaml11Text)
    assert value.reading == "a boolean"
    assert not isinstance(read(f"a: '{text}'\n")["a"], Yaml11Text)  # type: ignore[index]


def test_long_values_and_keys_are_refused_without_echoing_them() -> None:
    message = error_of("a: " + "x" * (MAX_TEXT_CHARS + 1) + "\n")
    assert message == f"f.yaml:1:4: a value of {MAX_TEXT_CHARS + 1:,} characters; values are limited to 10,000"
    assert read("a: " + "x" * MAX_TEXT_CHARS + "\n") == {"a": "x" * MAX_TEXT_CHARS}
    message = error_of("k" * (MAX_KEY_CHARS + 1) + ": 1\n")
    assert message == f"f.yaml:1:1: a key of {MAX_KEY_CHARS + 1} characters; keys are limited to {MAX_KEY_CHARS}"
    assert "kkk" not in message


def test_described_text_shows_at_most_the_first_line() -> None:
    assert describe("secret line\nsecond secret") == "text 'secret line\\nsecond secret'"
    assert describe("secret line\n" + "x" * 40) == "text 'secret line...'"
    assert describe("x" * 100) == f"text '{'x' * 37}...'"
