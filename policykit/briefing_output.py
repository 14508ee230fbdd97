"""A briefing laid out as Markdown, as one standalone HTML file, or as PDF, with Jinja2 templates (the optional
`brief` extra: `pip install policykit[brief]`; PDF also needs the `pdf` extra, WeasyPrint, and Pango from the system).

Everything from the data is escaped: HTML by Jinja2's autoescaping, Markdown by `policykit.tables`' escaping (no
link, image or HTML from the data acts). An organisation can lay briefings out its own way with a folder of
templates named like the bundled ones (`briefing.md.j2`, `briefing.html.j2`); they receive the same variables.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

from policykit._gettext import html_lang, translator
from policykit.briefing import (
    AGGRAVATING_ROWS,
    EVENT_WINDOW_YEARS,
    TRACKED_CONDUCTS,
    Briefing,
    Reference,
    _day,
    _semicolon,
)
from policykit.model import SourceKind
from policykit.rendering import cite, labels, vocabulary_text
from policykit.tables import Table, escape_markdown, render

if TYPE_CHECKING:
    from jinja2 import Environment

    from policykit.model import Dataset

FORMATS = ("md", "html")
#: What a PDF briefing needs, in the words an error message gives.
PDF_NEEDS = (
    "PDF briefings need WeasyPrint (pip install 'policykit[pdf]') and the Pango library it loads from the system "
    "(Debian and Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk)"
)
TEMPLATES = Path(__file__).parent / "templates" / "briefing"
_MARKS = re.compile(r"\[(\d+(?:, \d+)*)\]")
#: Non-breaking spaces (French typography) held as private-use characters while `policykit.tables` escapes, since
#: its escaping folds every Unicode space into a plain one.
_KEPT_SPACES = str.maketrans({"\u00a0": "\ue000", "\u202f": "\ue001"})
_RESTORED_SPACES = str.maketrans({"\ue000": "\u00a0", "\ue001": "\u202f"})


def escape_markdown_text(text: str) -> str:
    """`policykit.tables.escape_markdown`, keeping non-breaking spaces."""
    return escape_markdown(text.translate(_KEPT_SPACES)).translate(_RESTORED_SPACES)


@attrs.frozen
class Chart:
    """A chart of the briefing: its title, its SVG text, and the file name it gets beside a Markdown briefing."""

    title: str
    svg: str
    file: str


def charts(briefing: Briefing, stem: str = "briefing") -> tuple[Chart, ...]:
    """The briefing's two charts (needs matplotlib): maximum penalty over time, and the case's maxima."""
    from policykit.charts import case_bars_svg, penalty_steps_svg

    _ = translator(briefing.lang)
    return (
        Chart(_("Maximum penalty for the case over time"), penalty_steps_svg(briefing), f"{stem}-over-time.svg"),
        Chart(_("The case's maximum penalty, side by side"), case_bars_svg(briefing), f"{stem}-maxima.svg"),
    )


def _environment(fmt: str, template_dir: str | Path | None) -> Environment:
    try:
        import jinja2
    except ImportError:  # pragma: no cover - the extra is installed in development
        raise ImportError("briefings need the brief extra: pip install 'policykit[brief]'") from None
    folder = Path(template_dir) if template_dir is not None else TEMPLATES
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _kind_words(kind: SourceKind, gettext: Callable[[str], str]) -> str:
    _ = gettext
    return {
        SourceKind.OFFICIAL_TEXT: _("official text"),
        SourceKind.OFFICIAL_TRANSLATION: _("official translation"),
        SourceKind.SECONDARY: _("secondary source"),
    }[kind]


def _safe_url(url: str) -> str | None:
    """Only web addresses become links: a `javascript:` URL in the data stays text."""
    return url if url.startswith(("https://", "http://")) else None


def reference_parts(dataset: Dataset, briefing: Briefing, reference: Reference) -> dict[str, Any]:
    """A reference as the templates show it: title (in its own language), the rest, its link, when checked."""
    _ = translator(briefing.lang)
    colon = labels(briefing.lang)["colon"]
    source, statement = reference.source, reference.statement
    if source is not None:
        pinpoint = f", {source.pinpoint}" if source.pinpoint else ""
        url = _safe_url(source.url)
        rest = f"{pinpoint}. {source.publisher}."
        after = ""
        if url is None:
            after += f" {source.url}"
        if source.read_via:
            after += " " + _("(read via {url})").format(url=source.read_via)
        after += " [{kind}, {language}, {checked}]".format(
            kind=_kind_words(source.kind, _),
            language=source.language,
            checked=_("checked {date}").format(date=_day(source.checked_on, briefing.lang)),
        )
        parts: dict[str, Any] = {
            "title": source.title,
            "title_lang": source.language,
            "rest": rest,
            "url": url,
            "after": after,
        }
    else:
        assert statement is not None  # a reference is a source or a coverage statement
        conduct = dataset.conducts[statement.conduct]
        name = vocabulary_text(conduct, briefing.lang)
        parts = {
            "title": statement.reason,
            "title_lang": "en",  # the data's own notes are written in English
            "rest": "",
            "url": None,
            "after": " "
            + _("(coverage statement of the data for {code}, {conduct}, checked {date})").format(
                code=reference.jurisdiction, conduct=name, date=_day(statement.verified_on, briefing.lang)
            ),
        }
    parts["title"] = f"{parts['title']}" if source is not None else f"{reference.jurisdiction}{colon}{parts['title']}"
    url_text = f" {parts['url']}" if parts["url"] else ""
    parts["text"] = f"{parts['title']}{parts['rest']}{url_text}{parts['after']}"
    parts["number"] = reference.number
    return parts


def _method(dataset: Dataset, briefing: Briefing) -> str:
    _ = translator(briefing.lang)
    return _(
        "Every finding is computed by policykit from its cited, dated data: the law in force on the briefing's date "
        "is applied to the case (policykit.apply), and the history of each provision comes from its dated versions "
        "(policykit.timeline). When several provisions apply, the answer is the most severe by a documented order "
        "(liability class, life imprisonment, maximum then minimum imprisonment, detention, fine); penalties are "
        "never summed and fines are not compared across currencies. The comparison adds, one at a time, up to "
        "{rows} aggravating facts to the case. Findings on criminalisation use each conduct's plain case "
        "({conducts}); changes after an event are those within {years} years of its start. Sources are numbered "
        "once for the whole document, official texts first."
    ).format(
        rows=AGGRAVATING_ROWS,
        conducts=", ".join(
            vocabulary_text(known, briefing.lang).lower()
            for conduct in TRACKED_CONDUCTS
            if (known := dataset.conducts.get(conduct)) is not None
        ),
        years=EVENT_WINDOW_YEARS,
    )


def _context(dataset: Dataset, briefing: Briefing, fmt: str, shown: Sequence[Chart]) -> dict[str, Any]:
    _ = translator(briefing.lang)
    words = labels(briefing.lang)
    colon = words["colon"]
    verified = ", ".join(f"{code} {_day(date, briefing.lang) if date else '—'}" for code, date in briefing.verified_on)
    in_force = _("in force from {date}")
    unverified = _semicolon(briefing.lang).join(
        f"{cite(dataset, dataset.provisions[version.provision_id], briefing.lang)} "
        f"({in_force.format(date=_day(version.in_force_from, briefing.lang))})"
        for version in briefing.unverified
    )
    numbers = {reference.number for reference in briefing.references}
    foreign = dict(briefing.foreign)

    def marked(text: str) -> Any:
        """A data text alone (a name, a row label) in a `lang` span when it is not in the briefing's language."""
        import markupsafe

        tag = foreign.get(text)
        if tag is None:
            return text
        return markupsafe.Markup('<span lang="{}">{}</span>').format(tag, text)

    def day(value: Any) -> str:
        return _day(value, briefing.lang)

    def marks(found: Sequence[int]) -> str:
        return f" [{', '.join(str(number) for number in found)}]" if found else ""

    def refs(found: Sequence[int]) -> Any:
        import markupsafe

        if not found:
            return ""
        links = ", ".join(f'<a class="ref" href="#ref-{number}">{number}</a>' for number in found)
        return markupsafe.Markup(f" [{links}]")

    def linked(text: str) -> Any:
        """The sentence escaped, with each `[1, 2]` made into links to the references."""
        import markupsafe

        def link(found: re.Match[str]) -> str:
            parts = [part for part in found[1].split(", ")]
            if not all(int(part) in numbers for part in parts):
                return found[0]
            return "[" + ", ".join(f'<a class="ref" href="#ref-{part}">{part}</a>' for part in parts) + "]"

        return markupsafe.Markup(_MARKS.sub(link, html.escape(text, quote=False)))

    table = assessment_table = ""
    if fmt == "md":
        rows = tuple(
            (row.label, *(cell.text + marks(cell.references) for cell in row.cells)) for row in briefing.table_rows
        )
        kept = Table(
            tuple(header.translate(_KEPT_SPACES) for header in briefing.table_headers),
            tuple(tuple(text.translate(_KEPT_SPACES) for text in row) for row in rows),
        )
        table = render(kept, "github").rstrip("\n").translate(_RESTORED_SPACES)
        if briefing.assessment is not None:
            assessed = Table(
                tuple(header.translate(_KEPT_SPACES) for header in briefing.assessment.headers),
                tuple(
                    tuple(
                        text.translate(_KEPT_SPACES)
                        for text in (row.label, *(cell.text + marks(cell.references) for cell in row.cells))
                    )
                    for row in briefing.assessment.rows
                ),
            )
            assessment_table = render(assessed, "github").rstrip("\n").translate(_RESTORED_SPACES)
    return {
        "briefing": briefing,
        "_": _,
        "colon": colon,
        "day": day,
        "marks": marks,
        "refs": refs,
        "linked": linked,
        "marked": marked,
        "html_lang": html_lang(briefing.lang),
        "verified": verified,
        "unverified": unverified,
        "table": table,
        "assessment_table": assessment_table,
        "sources_note": _(
            "Each provision version is cited by one source: the first official text the data lists for it, or, "
            "where the data holds none, its first secondary source. Every source the data holds for these "
            "provisions is in the data export: {command} (column source_urls)."
        ).format(command=briefing.sources_command),
        "charts": shown,
        "method": _method(dataset, briefing),
        "references": [reference_parts(dataset, briefing, reference) for reference in briefing.references],
    }


def render_briefing(
    dataset: Dataset,
    briefing: Briefing,
    fmt: str = "md",
    shown: Sequence[Chart] = (),
    template_dir: str | Path | None = None,
) -> str:
    """`briefing` as Markdown (`md`) or one standalone HTML document (`html`, the charts' SVG inline).

    >>> import policykit
    >>> from policykit.briefing import build
    >>> data = policykit.load()
    >>> text = render_briefing(data, build(data, ["FR"], "maskpark", "2026-11-21"), "md")
    >>> text.splitlines()[0]
    '# Briefing: Sharing covert intimate recordings in a large Telegram group (MaskPark)'
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown briefing format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    environment = _environment(fmt, template_dir)
    environment.filters["md"] = escape_markdown_text
    template = environment.get_template(f"briefing.{fmt}.j2")
    return template.render(**_context(dataset, briefing, fmt, shown))


class PdfUnavailableError(ImportError):
    """WeasyPrint, or the Pango library it loads, is missing: the message says what to install."""


def render_pdf(
    dataset: Dataset,
    briefing: Briefing,
    shown: Sequence[Chart] = (),
    template_dir: str | Path | None = None,
) -> bytes:
    """`briefing` as a PDF document: the HTML briefing (its print styles: A4, page numbers) laid out by WeasyPrint,
    the charts' SVG drawn as vector graphics. Raises `PdfUnavailableError` without WeasyPrint or Pango.

    >>> import policykit
    >>> from policykit.briefing import build
    >>> data = policykit.load()
    >>> render_pdf(data, build(data, ["FR"], "maskpark", "2026-11-21"))[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    try:
        import weasyprint  # type: ignore[import-untyped]  # WeasyPrint ships no type information
    except ImportError:
        raise PdfUnavailableError(PDF_NEEDS) from None
    except OSError as error:  # WeasyPrint is installed but cannot load Pango
        raise PdfUnavailableError(f"{PDF_NEEDS}; {error}") from None

    class NothingFetched(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        """A briefing is one self-contained document: nothing is fetched (no network at run time, and a URL in
        the data or in an organisation's template cannot make the renderer read a file). WeasyPrint warns of what
        it could not load and goes on."""

        def fetch(self, url: str, headers: object = None) -> object:
            raise ValueError(f"a PDF briefing fetches nothing: {url!r} is not loaded")

    text = render_briefing(dataset, briefing, "html", shown, template_dir)
    document = weasyprint.HTML(string=text, url_fetcher=NothingFetched())
    return cast(bytes, document.write_pdf())
