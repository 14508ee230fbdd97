"""Rendering a table of text in one of policykit's output formats, escaping what each format needs.

A `Table` is plain text cells plus notes and numbered source footnotes; this module only lays it out.
Every format neutralises what would act in its medium: in all of them, control characters (a terminal would run
an escape sequence or ring the bell) are written out as `\\uXXXX`; Markdown pipes, HTML and links or images
(`[x](javascript:...)`, `![x](...)`); HTML and LaTeX specials (through tabulate's own escaping);
reStructuredText inline markup and directives (`.. raw::`); CSV/TSV cells that a spreadsheet would run as formulas.

GitHub and pipe tables are laid out here rather than by tabulate, which is imported only for the other formats:
importing it costs more than the rest of a `policykit compare`.
"""

from __future__ import annotations

import csv
import html
import io
import re

import attrs

#: Table formats (tabulate) and the delimited ones; JSON is structured, so each command builds its own.
TABLE_FORMATS = ("github", "pipe", "grid", "simple", "rst", "html", "latex")
DELIMITED_FORMATS = ("csv", "tsv")
FORMATS = (*TABLE_FORMATS, *DELIMITED_FORMATS, "json")

#: Formats whose cells can hold several lines, so that a table can be wrapped to a width (a terminal's).
WRAPPING_FORMATS = ("grid", "simple")
#: Columns of a wrapped table that are not cell text: (per column, once), as tabulate lays them out.
_OVERHEAD = {"grid": (3, 1), "simple": (2, -2)}
#: The narrowest a wrapped column is made.
MIN_COLUMN = 8
_HEADER_PADDING = 2

_TABULATE_NAMES = {"latex": "latex_booktabs"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_RST_SPECIAL = re.compile(r"([\\`*_|])")
#: What a terminal would act on rather than show (C0 and C1 controls, DEL) and the lone surrogates that stand for
#: undecodable bytes (printing them raises). Tab and newline are layout, handled by each format.
_ACTING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: A `]` that closes a Markdown link or image text (`](url)`), a reference link (`][ref]`) or a link reference
#: definition (`[ref]: url`).
_MARKDOWN_LINK = re.compile(r"\](?=[(\[:])")


@attrs.frozen
class Table:
    """Headers and rows of text, with note lines and numbered source footnotes to print after the table."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()


def neutralise(text: str) -> str:
    """`text` with every character a terminal would act on written out as `\\uXXXX` (newline and tab kept).

    >>> print(neutralise("\\x1b]0;title\\x07 and \\x1b[2J"))
    \\u001b]0;title\\u0007 and \\u001b[2J
    """
    return _ACTING.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


#: Layout whitespace: a run of it becomes one space. Not `str.split()`'s Unicode whitespace, which would turn the
#: non-breaking spaces of French typography (`45 000 €`, `ans :`) into breakable ones.
_LAYOUT_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _one_line(text: str) -> str:
    return neutralise(_LAYOUT_SPACE.sub(" ", text).strip(" "))


def escape_markdown(text: str) -> str:
    """Make text safe inside a Markdown table cell: no line breaks, pipes and HTML shown as text, no link or image.

    >>> print(escape_markdown("![x](https://t.example/p.png) [y](javascript:alert(1)) a|b <i>"))
    ![x\\](https://t.example/p.png) [y\\](javascript:alert(1)) a\\|b &lt;i&gt;
    """
    text = html.escape(_one_line(text), quote=False)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    # An escaped `]` closes no link text, so `[x](url)` and `![x](url)` print as the text they are.
    return _MARKDOWN_LINK.sub(r"\\]", text)


def escape_rst(text: str) -> str:
    """Make text safe in reStructuredText: inline markup shown as text, and no directive or hyperlink target
    (`.. raw:: html`, `.. include::`, `.. _name: url`) at the start of a paragraph."""
    text = _RST_SPECIAL.sub(r"\\\1", _one_line(text))
    return "\\" + text if text.startswith("..") else text


def escape_latex(text: str) -> str:
    """The same escaping tabulate applies to LaTeX cells, for text printed outside the table."""
    import tabulate as tabulate_module

    rules = tabulate_module.LATEX_ESCAPE_RULES
    return "".join(rules.get(character, character) for character in _one_line(text))


def spreadsheet_safe(text: str) -> str:
    """Prefix a quote to text a spreadsheet would evaluate as a formula (`=cmd`, `+1`, `@x`)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(table: Table, fmt: str, width: int | None = None) -> str:
    """`table` in format `fmt` (one of `FORMATS` except json), ending with a newline; a grid or simple table with
    `width` has its cells wrapped so that it is at most that many columns wide (`WRAPPING_FORMATS`)."""
    if fmt in DELIMITED_FORMATS:
        return _delimited(table, "," if fmt == "csv" else "\t")
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    escape = {"github": escape_markdown, "pipe": escape_markdown, "rst": escape_rst}.get(fmt, _one_line)
    headers = [escape(header) for header in table.headers]
    rows = [[escape(cell) for cell in row] for row in table.rows]
    if width is not None and fmt in WRAPPING_FORMATS:
        headers, rows = wrap_cells(headers, rows, width, _OVERHEAD[fmt])
    if fmt in ("github", "pipe"):
        body = _markdown_table(headers, rows, fmt)
    else:
        import tabulate as tabulate_module

        body = tabulate_module.tabulate(
            rows, headers=headers, tablefmt=_TABULATE_NAMES.get(fmt, fmt), disable_numparse=True
        )
    if fmt == "latex":
        body = _latex_columns(body, len(table.headers))
    return body + "\n" + _after(table, fmt)


def _markdown_table(headers: list[str], rows: list[list[str]], fmt: str) -> str:
    """A GitHub (or pipe) Markdown table laid out as tabulate lays it out: every column as wide as its widest
    cell and at least its header plus two, cells left-aligned, one space of padding."""
    widths = [display_width(header) + 2 for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], display_width(cell))
    if fmt == "pipe" and rows:  # tabulate marks alignment only for columns that have cells
        rule = "|" + "|".join(":" + "-" * (width + 1) for width in widths) + "|"
    else:
        rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    lines = [_markdown_row(headers, widths), rule]
    lines.extend(_markdown_row(row, widths) for row in rows)
    return "\n".join(lines)


def _markdown_row(cells: list[str], widths: list[int]) -> str:
    padded = (cell + " " * (width - display_width(cell)) for cell, width in zip(cells, widths, strict=False))
    return "| " + " | ".join(padded) + " |"


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
        parts = [f"<p>{html.escape(neutralise(note))}</p>" for note in table.notes]
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


# -- wrapping to a width ---------------------------------------------------------------------------------------


#: Characters that take one column (Latin letters and the signs policykit's text uses in English and French), so
#: that measuring most text needs no import of wcwidth, whose import alone costs more than a command's comparison;
#: `tests/test_rendering.py` checks that wcwidth agrees on every one of them.
ONE_COLUMN = frozenset(
    [chr(code) for code in range(0x20, 0x7F)]
    + [chr(code) for code in range(0xA0, 0x180) if code != 0xAD]
    + [chr(code) for code in range(0x20A0, 0x20C1)]  # currency signs: ₩, €, ₹...
    + list("\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d\u2020\u2022\u2026\u202f\u2192\u2264\u2265")
)


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: wide (East Asian) characters take two, as tabulate counts them.

    >>> display_width("3年以下有期徒刑"), display_width("3 years"), display_width("45 000 €")
    (15, 7, 8)
    """
    if text.isascii() or ONE_COLUMN.issuperset(text):
        return len(text)
    from wcwidth import wcswidth  # tabulate's own measure of wide characters (its `widechars` extra)

    found: int = wcswidth(text)
    return found if found >= 0 else len(text)


def wrap_cells(
    headers: list[str], rows: list[list[str]], width: int, overhead: tuple[int, int] = (3, 1)
) -> tuple[list[str], list[list[str]]]:
    """Headers and rows with their text wrapped into lines, so that the columns and their borders (`overhead`: per
    column and once) fit in `width` display columns. Columns narrower than their share keep their width; the rest
    share what is left, at least `MIN_COLUMN` each (a table too wide for that is wider than `width`)."""
    columns = len(headers)
    available = max(width - overhead[0] * columns - overhead[1], MIN_COLUMN * columns)
    # tabulate makes a column at least its header's width plus two (its MIN_PADDING): headers are wrapped to that.
    natural = [
        max([display_width(headers[index]) + _HEADER_PADDING, *(display_width(row[index]) for row in rows)])
        for index in range(columns)
    ]
    widths = [0] * columns
    remaining = sorted(range(columns), key=lambda index: natural[index])
    left = available
    while remaining:
        share = max(left // len(remaining), MIN_COLUMN)
        index = remaining[0]
        if natural[index] <= share:
            widths[index] = natural[index]
            left -= natural[index]
            remaining.pop(0)
            continue
        for index in remaining:
            widths[index] = share
        break
    wrapped_headers = [_wrap(text, max(widths[index] - _HEADER_PADDING, 1)) for index, text in enumerate(headers)]
    wrapped_rows = [[_wrap(text, widths[index]) for index, text in enumerate(row)] for row in rows]
    return wrapped_headers, wrapped_rows


_TOKEN = re.compile(r"\S+\s*|\s+")


def _wrap(text: str, width: int) -> str:
    """`text` in lines of at most `width` display columns: broken at spaces, and inside a word (a URL, a Chinese
    sentence) only where it is longer than a line."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if display_width(line + token.rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
        while display_width(token.rstrip()) > width:
            cut = _fitting(token, width)
            lines.append(token[:cut])
            token = token[cut:]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return "\n".join(lines)


def _fitting(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` display columns (at least one)."""
    count = 0
    while count < len(text) and display_width(text[: count + 1]) <= width:
        count += 1
    return max(count, 1)
