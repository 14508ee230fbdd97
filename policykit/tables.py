"""Rendering a table of text in one of policykit's output formats, escaping what each format needs.

A `Table` is plain text cells plus notes and numbered source footnotes; this module only lays it out.
Every format escapes what it prints: Markdown pipes and HTML, HTML and LaTeX specials (through tabulate's
own escaping), reStructuredText inline markup, and CSV/TSV cells that a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import html
import io
import re

import attrs
import tabulate as tabulate_module

#: Table formats (tabulate) and the delimited ones; JSON is structured, so each command builds its own.
TABLE_FORMATS = ("github", "pipe", "grid", "simple", "rst", "html", "latex")
DELIMITED_FORMATS = ("csv", "tsv")
FORMATS = (*TABLE_FORMATS, *DELIMITED_FORMATS, "json")

_TABULATE_NAMES = {"latex": "latex_booktabs"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_RST_SPECIAL = re.compile(r"([\\`*_|])")


@attrs.frozen
class Table:
    """Headers and rows of text, with note lines and numbered source footnotes to print after the table."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def escape_markdown(text: str) -> str:
    """Make text safe inside a Markdown table cell: no line breaks, pipes and HTML shown as text."""
    text = html.escape(_one_line(text), quote=False)
    return text.replace("\\", "\\\\").replace("|", "\\|")


def escape_rst(text: str) -> str:
    return _RST_SPECIAL.sub(r"\\\1", _one_line(text))


def escape_latex(text: str) -> str:
    """The same escaping tabulate applies to LaTeX cells, for text printed outside the table."""
    rules = tabulate_module.LATEX_ESCAPE_RULES
    return "".join(rules.get(character, character) for character in _one_line(text))


def spreadsheet_safe(text: str) -> str:
    """Prefix a quote to text a spreadsheet would evaluate as a formula (`=cmd`, `+1`, `@x`)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(table: Table, fmt: str) -> str:
    """`table` in format `fmt` (one of `FORMATS` except json), ending with a newline."""
    if fmt in DELIMITED_FORMATS:
        return _delimited(table, "," if fmt == "csv" else "\t")
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    escape = {"github": escape_markdown, "pipe": escape_markdown, "rst": escape_rst}.get(fmt, _one_line)
    headers = [escape(header) for header in table.headers]
    rows = [[escape(cell) for cell in row] for row in table.rows]
    body = tabulate_module.tabulate(
        rows, headers=headers, tablefmt=_TABULATE_NAMES.get(fmt, fmt), disable_numparse=True
    )
    if fmt == "latex":
        body = _latex_columns(body, len(table.headers))
    return body + "\n" + _after(table, fmt)


def _latex_columns(body: str, count: int) -> str:
    """Wrapping paragraph columns instead of `l`, so long cells stay on the page."""
    first = 0.18 if count > 1 else 0.98
    rest = round(0.78 / max(count - 1, 1), 3)
    spec = f"p{{{first}\\linewidth}}" + "".join(f"p{{{rest}\\linewidth}}" for _ in range(count - 1))
    head = "% needs \\usepackage{booktabs}; compile with XeLaTeX or LuaLaTeX for currency signs such as ₩ and ¥\n"
    return head + body.replace("\\begin{tabular}{" + "l" * count + "}", "\\begin{tabular}{" + spec + "}", 1)


def _after(table: Table, fmt: str) -> str:
    if not table.notes and not table.footnotes:
        return ""
    if fmt == "html":
        parts = [f"<p>{html.escape(note)}</p>" for note in table.notes]
        if table.footnotes:
            items = "".join(f"<li>{html.escape(_one_line(note))}</li>" for note in table.footnotes)
            parts.append(f'<ol class="sources">{items}</ol>')
        return "\n".join(parts) + "\n"
    if fmt == "latex":
        parts = [escape_latex(note) + r"\par" for note in table.notes]
        if table.footnotes:
            parts.append(r"\begin{enumerate}")
            parts.extend(rf"\item {escape_latex(note)}" for note in table.footnotes)
            parts.append(r"\end{enumerate}")
        return "\n" + "\n".join(parts) + "\n"
    line_escape = escape_markdown if fmt in ("github", "pipe") else escape_rst if fmt == "rst" else _one_line
    # reStructuredText needs a blank line between paragraphs; Markdown and plain text read better without.
    separator = "\n\n" if fmt == "rst" else "\n"
    blocks = []
    if table.notes:
        blocks.append(separator.join(line_escape(note) for note in table.notes))
    if table.footnotes:
        blocks.append(
            separator.join(f"[{number}] {line_escape(note)}" for number, note in enumerate(table.footnotes, start=1))
        )
    return "\n" + "\n\n".join(blocks) + "\n"


def _delimited(table: Table, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([spreadsheet_safe(_one_line(header)) for header in table.headers])
    for row in table.rows:
        writer.writerow([spreadsheet_safe(_one_line(cell)) for cell in row])
    return buffer.getvalue()
