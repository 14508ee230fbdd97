"""The `policykit` command line.

Exit status: 0 on success, 1 when data has problems or the output cannot be written, 2 for bad usage (unknown ids,
bad dates, bad options); a reader that stops early (`| head`) does not change it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from policykit._gettext import BRIEFING_LANGUAGES, translator
from policykit._replay import drop_stdout
from policykit._version import __version__
from policykit.cases import CaseError
from policykit.comparison import TierMode, compare
from policykit.errors import DataError, PolicykitError, StaleDataWarning, UnknownIdError
from policykit.export import export_records, export_schema, to_csv, to_json
from policykit.history import diff, timeline
from policykit.loading import load, validate
from policykit.model import Dataset, ThresholdMeasure
from policykit.queries import check_jurisdiction, events_of, provisions_in_force
from policykit.rendering import LANGUAGES, cite, describe_penalty, labels
from policykit.reports import render_comparison, render_diff, render_timeline
from policykit.tables import FORMATS, WRAPPING_FORMATS, neutralise

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, with what it prints neutralised: its messages echo the arguments (`unrecognized arguments: ...`),
    and an argument holding an escape sequence must not act on the terminal."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(neutralise(message) if message else message, file)


class _UsageError(Exception):
    """Bad arguments: reported on stderr with exit status 2."""


class _OutputError(Exception):
    """The output could not be written (a full disk, a missing folder): reported on stderr with exit status 1."""


def _date(text: str) -> dt.date:
    if not _DATE.match(text):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real calendar date") from None


def _width(text: str) -> int:
    if not text.isdigit() or not 20 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"expected a width from 20 to 10000 columns, found {text!r}")
    return int(text)


def _layout(args: argparse.Namespace, stdout: TextIO) -> tuple[str, int | None]:
    """The format and wrapping width a table command writes: on a terminal, a grid wrapped to its width unless
    told otherwise; elsewhere (a pipe, a file) the format asked or GitHub Markdown, unwrapped unless `--width`."""
    terminal = args.output in (None, "-") and _is_terminal(stdout)
    fmt = args.format or ("grid" if terminal else "github")
    if args.width is not None and fmt not in WRAPPING_FORMATS:
        raise _UsageError(
            f"--width wraps {' and '.join(WRAPPING_FORMATS)} tables; {fmt} cannot wrap its cells"
            " (Markdown rows are one line each): add --format grid"
        )
    width = args.width
    if width is None and terminal and fmt in WRAPPING_FORMATS:
        width = shutil.get_terminal_size().columns
    return fmt, width


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _quantity(text: str) -> tuple[str, int]:
    measure, separator, amount = text.partition("=")
    measures = [known.value for known in ThresholdMeasure]
    if not separator or measure not in measures:
        raise argparse.ArgumentTypeError(
            f"expected MEASURE=N with a measure among {', '.join(measures)}, found {text!r}"
        )
    if not amount.isascii() or not amount.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number after '{measure}=', found {amount!r}")
    return measure, int(amount)


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="a data folder to use instead of the bundled data (its format: `policykit schema data-format`)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="lay the --data folder over the bundled data instead of replacing it",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: grid, wrapped to the terminal's width, on a terminal; github otherwise)",
    )
    parser.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help="wrap a grid or simple table's cells to fit N columns (default on a terminal: its width)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of labels, money and dates")
    parser.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of standard output ('-': standard output)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="policykit",
        description="Compare how jurisdictions punish covert filming and image-based sexual abuse, "
        "from cited, dated data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    listing = commands.add_parser("list", help="list jurisdictions, conducts and factors")
    listing.add_argument(
        "what",
        nargs="?",
        choices=("jurisdictions", "conducts", "factors", "cases", "events"),
        help="list only this (default: all)",
    )
    _add_data_options(listing)

    show = commands.add_parser("show", help="show a jurisdiction's provisions in force on a date")
    show.add_argument("jurisdiction", metavar="J", help="jurisdiction code, e.g. KR")
    show.add_argument("--as-of", type=_date, metavar="DATE", help="date as YYYY-MM-DD (default: today)")
    show.add_argument("--conduct", action="append", metavar="C", help="only provisions covering this conduct")
    show.add_argument("--lang", choices=LANGUAGES, default="en", help="language of penalties, money and dates")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="plain text, or JSON for programs (default: text)"
    )
    show.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of standard output ('-': standard output)"
    )
    _add_data_options(show)

    comparison = commands.add_parser("compare", help="compare conducts across jurisdictions")
    comparison.add_argument("--conduct", action="append", metavar="C", help="a conduct row (repeatable)")
    comparison.add_argument("--jurisdiction", action="append", metavar="J", help="a jurisdiction column (repeatable)")
    comparison.add_argument("--as-of", type=_date, metavar="DATE", help="date as YYYY-MM-DD (default: today)")
    comparison.add_argument(
        "--case",
        metavar="NAME",
        help="a named case from the vocabulary (see `policykit list cases`), e.g. maskpark; sets the conduct",
    )
    comparison.add_argument(
        "--fact",
        action="append",
        default=[],
        metavar="F",
        help="a fact of the case, added to each conduct's plain case (repeatable; see `policykit list factors`)",
    )
    comparison.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="F",
        help="a plain-case fact that does not hold in this case (repeatable)",
    )
    comparison.add_argument(
        "--quantity",
        action="append",
        default=[],
        type=_quantity,
        metavar="MEASURE=N",
        help="a quantity of the case that judicial interpretations turn into thresholds, e.g. members=100000 "
        "(measures: " + ", ".join(measure.value for measure in ThresholdMeasure) + ")",
    )
    comparison.add_argument(
        "--tiers",
        choices=[mode.value for mode in TierMode],
        default="base",
        help="the case only, or also one row per single fact added to it",
    )
    comparison.add_argument("--transpose", action="store_true", help="jurisdictions as rows, conducts as columns")
    _add_output_options(comparison)
    _add_data_options(comparison)

    exporting = commands.add_parser(
        "export",
        help="tidy records (one per provision version and tier), coverage statements and events for R, Stata, pandas",
    )
    exporting.add_argument(
        "what",
        nargs="?",
        choices=("records", "coverage", "events", "all", "package"),
        default="records",
        help="records: provision versions and tiers (default); coverage: what holds where no provision covers a"
        " conduct (not covered, unknown, with reasons); events; all: the three in one JSON document; package: a"
        " Frictionless Data package (CSV files and datapackage.json) written to the folder --output",
    )
    exporting.add_argument(
        "--format", choices=("csv", "tsv", "json"), default="csv", help="output format (default: csv)"
    )
    exporting.add_argument("--conduct", action="append", metavar="C", help="only rows about this conduct (repeatable)")
    exporting.add_argument("--as-of", type=_date, metavar="DATE", help="only versions in force on DATE (default: all)")
    exporting.add_argument("--jurisdiction", action="append", metavar="J", help="only this jurisdiction (repeatable)")
    exporting.add_argument(
        "--timestamp", action="store_true", help="add generated_at to JSON metadata (output is then not reproducible)"
    )
    exporting.add_argument(
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output ('-': standard output); for package, the folder to write",
    )
    _add_data_options(exporting)

    schema = commands.add_parser("schema", help="print a JSON Schema shipped with policykit")
    schema.add_argument(
        "name",
        choices=("export", "datapackage", "data-format"),
        help="export: JSON Schema of `export --format json`; datapackage: the Data Package descriptor of"
        " `export package`; data-format: the documentation of the data files (Markdown)",
    )

    history = commands.add_parser("timeline", help="every dated change to a jurisdiction's provisions")
    history.add_argument("jurisdiction", metavar="J", help="jurisdiction code, e.g. KR")
    history.add_argument("--conduct", action="append", metavar="C", help="only provisions covering this conduct")
    history.add_argument(
        "--events", action="store_true", help="also list the jurisdiction's events (context, not law) by date"
    )
    history.add_argument("--from", dest="start", type=_date, metavar="DATE", help="only changes on or after DATE")
    history.add_argument("--to", dest="end", type=_date, metavar="DATE", help="only changes on or before DATE")
    _add_output_options(history)
    _add_data_options(history)

    difference = commands.add_parser("diff", help="what changed in a jurisdiction between two dates")
    difference.add_argument("jurisdiction", metavar="J", help="jurisdiction code, e.g. KR")
    difference.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE", help="YYYY-MM-DD")
    difference.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE", help="YYYY-MM-DD")
    _add_output_options(difference)
    _add_data_options(difference)

    assessing = commands.add_parser(
        "assess", help="measure jurisdictions against a standard (Directive (EU) 2024/1385), requirement by requirement"
    )
    assessing.add_argument(
        "--standard",
        required=True,
        metavar="ID",
        help="a bundled standard, e.g. eu-2024-1385, or a standard's YAML file",
    )
    assessing.add_argument("--jurisdiction", action="append", metavar="J", help="a jurisdiction column (repeatable)")
    assessing.add_argument("--as-of", type=_date, metavar="DATE", help="date as YYYY-MM-DD (default: today)")
    assessing.add_argument(
        "--timeline", action="store_true", help="since when each jurisdiction meets each requirement, up to --as-of"
    )
    _add_output_options(assessing)
    _add_data_options(assessing)

    briefing = commands.add_parser(
        "brief",
        help="a cited briefing on a case (findings, table, charts, timeline, references) as Markdown, HTML or PDF",
    )
    briefing.add_argument("--jurisdiction", action="append", metavar="J", help="a jurisdiction (repeatable)")
    briefing.add_argument(
        "--case",
        required=True,
        metavar="NAME",
        help="a named case from the vocabulary (see `policykit list cases`), e.g. maskpark, or a conduct id (its"
        " plain case, with --fact)",
    )
    briefing.add_argument(
        "--fact", action="append", default=[], metavar="F", help="a fact added to the case (repeatable)"
    )
    briefing.add_argument("--as-of", type=_date, metavar="DATE", help="date as YYYY-MM-DD (default: today)")
    briefing.add_argument("--lang", choices=BRIEFING_LANGUAGES, default="en", help="language of the briefing")
    briefing.add_argument(
        "--format",
        choices=("md", "html", "pdf"),
        default="md",
        help="Markdown, one HTML file, or PDF (A4; needs the pdf extra and --output)",
    )
    briefing.add_argument(
        "--output",
        metavar="FILE",
        help="write to FILE (Markdown: the charts are written beside it as SVG files) instead of standard output",
    )
    briefing.add_argument(
        "--standard",
        metavar="ID",
        help="add a section measuring the jurisdictions against a standard (see `policykit assess`), e.g. eu-2024-1385",
    )
    briefing.add_argument("--template", metavar="DIR", help="a folder of templates (briefing.md.j2, briefing.html.j2)")
    _add_data_options(briefing)

    checking = commands.add_parser("validate", help="check data folders or files; exit 1 on any problem")
    checking.add_argument("paths", nargs="+", metavar="PATH", help="a data folder or a single data file")
    checking.add_argument(
        "--today",
        type=_date,
        metavar="DATE",
        help="check coverage up to DATE (default: the latest date the data was verified or a source checked)",
    )
    return parser


def _load(args: argparse.Namespace) -> Dataset:
    if args.merge and not args.data:
        raise _UsageError("--merge needs --data PATH")
    if args.data is not None and not os.path.lexists(args.data):
        raise _UsageError(f"--data {args.data!r}: no such file or folder")
    return load(args.data, merge=args.merge) if args.data else load()


def _write(text: str | bytes, output: str | None, stdout: TextIO) -> None:
    """Write `text` to `output`, or to `stdout` when there is none (bytes, a PDF, only to a file).

    A file is written whole or not at all: to a temporary file in the same folder, then renamed over `output`,
    so a failure (a full disk, an interrupt) never leaves a truncated file where a good one was. A FIFO or
    device (`/dev/stdout`) is written to directly. Any failure raises `_OutputError` (exit status 1).
    Control characters are written out (`\\u001b`) whatever the format: the text may end up on a terminal.
    """
    if isinstance(text, str):
        text = neutralise(text)
    if output is None or output == "-":
        assert isinstance(text, str)  # bytes go to a file (the caller checks that there is one)
        stdout.write(text)
        return
    import tempfile  # only for --output: it imports random, shutil and more

    temporary: str | None = None
    try:
        target = Path(output).resolve()
        binary = isinstance(text, bytes)
        if target.exists() and not target.is_file():
            with target.open("wb" if binary else "w", encoding=None if binary else "utf-8") as handle:
                handle.write(text)
            return
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb" if binary else "w", encoding=None if binary else "utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    except (OSError, RuntimeError) as error:
        raise _OutputError(f"cannot write {output}: {getattr(error, 'strerror', None) or error}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _run_list(args: argparse.Namespace, stdout: TextIO) -> int:
    dataset = _load(args)
    sections: list[str] = []
    if args.what in (None, "jurisdictions"):
        rows = [
            f"  {code}  {j.name.best()}" + (f" ({j.name.original})" if j.name.original else "")
            for code, j in dataset.jurisdictions.items()
        ]
        sections.append("Jurisdictions:\n" + "\n".join(rows))
    if args.what in (None, "conducts"):
        rows = []
        for conduct in dataset.conducts.values():
            rows.append(f"  {conduct.id:<24} {conduct.en}")
            rows.append(f"      {conduct.description}")
            rows.append(f"      plain case: {', '.join(conduct.plain_case) or 'no particular fact'}")
        sections.append("Conducts:\n" + "\n".join(rows))
    if args.what in (None, "factors"):
        rows = [f"  {factor.id:<30} {factor.kind.value:<12} {factor.en}" for factor in dataset.factors.values()]
        sections.append("Factors:\n" + "\n".join(rows))
    if args.what in (None, "cases"):
        rows = []
        for case in dataset.cases.values():
            facts = ", ".join(case.facts) or "-"
            amounts = ", ".join(f"{measure.value}={amount}" for measure, amount in case.quantities)
            rows.append(f"  {case.id:<24} {case.en}")
            rows.append(
                f"      conduct: {case.conduct}; facts: {facts}" + (f"; quantities: {amounts}" if amounts else "")
            )
        sections.append("Cases (policykit compare --case NAME):\n" + "\n".join(rows))
    if args.what in (None, "events"):
        rows = []
        for event in dataset.events.values():
            ended = f" to {event.ended_on.isoformat()}" if event.ended_on else ""
            rows.append(f"  {event.id:<26} {event.started_on.isoformat()}{ended}  {event.name.best()}")
            rows.extend(f"      {fact.label}: {_fact_value(fact.value)}" for fact in event.facts)
            if event.responses:
                rows.append(f"      legal responses: {', '.join(event.responses)}")
        sections.append("Events (context, not law):\n" + "\n".join(rows))
    stdout.write("\n\n".join(sections) + "\n")
    return 0


def _fact_value(value: int | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else f"{value:,}"


def _run_show(args: argparse.Namespace, stdout: TextIO) -> int:
    dataset = _load(args)
    code = check_jurisdiction(dataset, args.jurisdiction)
    for conduct in args.conduct or []:
        if conduct not in dataset.conducts:
            raise UnknownIdError("conduct", conduct, dataset.conducts)
    on = args.as_of or dt.date.today()
    jurisdiction = dataset.jurisdictions[code]
    items = provisions_in_force(dataset, code, on)
    if args.conduct:
        items = [item for item in items if set(args.conduct) & set(item.version.conducts)]
    verified = dataset.verified_on(code)
    # The listing's own words follow --lang like the penalties it describes; ids, enum values and the data's
    # English summaries stay as they are (they are what `--conduct`, exports and the YAML files use).
    _ = translator(args.lang)
    lines = [
        f"{code} — {jurisdiction.name.best()}"
        + (f" ({jurisdiction.name.original})" if jurisdiction.name.original else ""),
        _("Provisions in force on {date}; data verified on {verified}.").format(
            date=on.isoformat(), verified=verified.isoformat() if verified else "—"
        ),
    ]
    from policykit.queries import coverage

    # A conduct whose plain case no provision covers gets the data's coverage statement (not covered, or unknown
    # with its reason), even when provisions for narrower cases (a minor victim) are listed below it.
    found_coverage = [coverage(dataset, code, conduct, on) for conduct in dict.fromkeys(args.conduct or [])]
    uncovered = [found for found in found_coverage if found.status.value in ("not_covered", "unknown")]
    if args.format == "json":
        from policykit.reports import show_json

        _write(show_json(dataset, code, on, items, uncovered), args.output, stdout)
        return 0
    if not items:
        lines.append("")
        lines.append(_("No provision in the data is in force on this date."))
    for found in uncovered:
        lines.append("")
        if found.status.value == "not_covered":
            status = _("{conduct}: not covered (its plain case).").format(conduct=found.conduct)
        else:
            status = _("{conduct}: unknown (its plain case).").format(conduct=found.conduct)
        checked = ""
        if found.statement is not None:
            checked = " " + labels(args.lang)["statement_checked"].format(date=found.statement.verified_on.isoformat())
        narrower = " " + _("The provisions listed below reach only narrower cases.") if found.conditional else ""
        lines.append(f"{status} {' '.join((found.reason or '').split())}{checked}{narrower}")
    if on < jurisdiction.coverage_from:
        lines.append("")
        lines.append(
            labels(args.lang)["before_coverage"].format(code=code, date=jurisdiction.coverage_from.isoformat())
        )
    for item in items:
        provision, version = item.provision, item.version
        act = jurisdiction.acts.get(version.amended_by.rsplit("/", 1)[-1])
        heading = ""
        if provision.heading is not None:
            heading = " — " + " / ".join(name for name in (provision.heading.original, provision.heading.en) if name)
        lines.append("")
        lines.append(f"{cite(dataset, provision, args.lang)}{heading}")
        lines.append(f"  id: {provision.id}   liability: {provision.liability.value} ({provision.reach.value})")
        lines.append(f"  conducts: {', '.join(version.conducts)}")
        if version.applies_only_when:
            lines.append(f"  applies only when: {', '.join(version.applies_only_when)}")
        for group in version.applies_when_any:
            lines.append(f"  applies only when one of: {', '.join(group)}")
        until = f" to {version.in_force_to.isoformat()}" if version.in_force_to else ""
        made_by = f"{act.reference} of {act.adopted_on.isoformat()}" if act else version.amended_by
        lines.append(f"  version in force from {version.in_force_from.isoformat()}{until}, by {made_by}")
        lines.append(f"  status: {version.status.value}, verified on {version.verified_on.isoformat()}")
        if version.note:
            lines.append(f"  note: {version.note}")
        if version.penalty is not None and not version.penalty.is_empty:
            lines.append("  " + _("penalty: {penalty}").format(penalty=describe_penalty(version.penalty, args.lang)))
        for tier in version.tiers:
            penalty = describe_penalty(tier.penalty, args.lang)
            lines.append(
                "  " + _("tier {factors}: {penalty}").format(factors=" + ".join(tier.factors), penalty=penalty)
            )
        for threshold in version.thresholds:
            lines.append(
                f"  threshold ({threshold.tier}): {threshold.measure.value} >= {threshold.minimum:,}"
                f" (set by {threshold.set_by})"
            )
        for measure in version.ancillary:
            kind = "mandatory" if measure.mandatory else "discretionary"
            lines.append(f"  ancillary: {measure.measure.value.replace('_', ' ')} ({kind})")
        if version.prosecution.value != "ex_officio":
            lines.append(f"  prosecution: {version.prosecution.value.replace('_', ' ')}")
        lines.append(f"  summary: {version.summary}")
        for number, source in enumerate(version.sources, start=1):
            via = f" (read via {source.read_via})" if source.read_via else ""
            pinpoint = f", {source.pinpoint}" if source.pinpoint else ""
            lines.append(
                f"  [{number}] {source.title}{pinpoint}. {source.publisher} [{source.kind.value}, {source.language}]."
                f" {source.url}{via} (checked {source.checked_on.isoformat()})"
            )
    if verified is not None and on > verified:
        lines.append("")
        lines.append(labels(args.lang)["stale"])
    _write("\n".join(lines) + "\n", args.output, stdout)
    return 0


def _run_compare(args: argparse.Namespace, stdout: TextIO) -> int:
    dataset = _load(args)
    conducts = args.conduct
    facts = list(args.fact)
    quantities = dict(args.quantity)
    if args.case is not None:
        named = dataset.cases.get(args.case)
        if named is None:
            raise UnknownIdError("case", args.case, dataset.cases)
        if conducts:
            raise _UsageError("--case sets the conduct: give --case or --conduct, not both")
        conducts = [named.conduct]
        facts = [*named.facts, *facts]
        quantities = {measure.value: amount for measure, amount in named.quantities} | quantities
    table = compare(
        dataset,
        conducts=conducts,
        jurisdictions=args.jurisdiction,
        on=args.as_of,
        tiers=TierMode(args.tiers),
        facts=facts,
        quantities=quantities,
        without=args.without,
    )
    fmt, width = _layout(args, stdout)
    _write(render_comparison(dataset, table, fmt, args.lang, args.transpose, width), args.output, stdout)
    return 0


def _run_export(args: argparse.Namespace, stdout: TextIO) -> int:
    from policykit import export

    dataset = _load(args)
    if args.what == "package":
        if args.output in (None, "-"):
            raise _UsageError("export package writes a folder: give it with --output FOLDER")
        if args.format != "csv":
            raise _UsageError("export package writes CSV files: drop --format")
        try:
            export.write_datapackage(dataset, args.output, args.as_of, args.jurisdiction, args.conduct)
        except OSError as error:
            raise _OutputError(f"cannot write {args.output}: {error.strerror or error}") from None
        return 0
    if args.what == "all" and args.format != "json":
        raise _UsageError("export all writes one JSON document: add --format json (or export each table as CSV)")
    records = coverage = events = None
    if args.what in ("records", "all"):
        records = export_records(dataset, on=args.as_of, jurisdictions=args.jurisdiction, conducts=args.conduct)
    if args.what in ("coverage", "all"):
        coverage = export.coverage_records(dataset, args.as_of, args.jurisdiction, args.conduct)
    if args.what in ("events", "all"):
        events = export.event_records(dataset, args.jurisdiction)
    if args.format == "json":
        stamp = dt.datetime.now(dt.timezone.utc) if args.timestamp else None
        text = to_json(dataset, records or [], on=args.as_of, generated_at=stamp, coverage=coverage, events=events)
        if records is None:  # coverage or events alone: not under `records`
            document = json.loads(text)
            del document["records"]
            text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        delimiter = "," if args.format == "csv" else "\t"
        if coverage is not None:
            text = to_csv(coverage, delimiter, export.COVERAGE_COLUMNS)
        elif events is not None:
            text = to_csv(events, delimiter, export.EVENT_COLUMNS)
        else:
            text = to_csv(records or [], delimiter)
    _write(text, args.output, stdout)
    return 0


def _data_format_path() -> Path:
    """docs/data-format.md: shipped inside the wheel, or in the source checkout."""
    here = Path(__file__).parent
    packaged = here / "_bundled" / "docs" / "data-format.md"
    return packaged if packaged.is_file() else here.parent / "docs" / "data-format.md"


def _run_schema(args: argparse.Namespace, stdout: TextIO) -> int:
    if args.name == "data-format":
        stdout.write(_data_format_path().read_text(encoding="utf-8"))
        return 0
    if args.name == "datapackage":
        from policykit.export import datapackage

        stdout.write(json.dumps(datapackage(load()), ensure_ascii=False, indent=2) + "\n")
        return 0
    stdout.write(json.dumps(export_schema(), indent=2) + "\n")
    return 0


def _run_timeline(args: argparse.Namespace, stdout: TextIO) -> int:
    dataset = _load(args)
    code = check_jurisdiction(dataset, args.jurisdiction)
    if args.start is not None and args.end is not None and args.end < args.start:
        raise _UsageError(f"--to {args.end} is before --from {args.start}")
    changes = timeline(dataset, code, args.conduct, args.start, args.end)
    events = events_of(dataset, code) if args.events else []
    fmt, width = _layout(args, stdout)
    _write(render_timeline(dataset, code, changes, fmt, args.lang, events, width), args.output, stdout)
    return 0


def _run_diff(args: argparse.Namespace, stdout: TextIO) -> int:
    dataset = _load(args)
    if args.end < args.start:
        raise _UsageError(f"--to {args.end} is before --from {args.start}")
    found = diff(dataset, args.jurisdiction, args.start, args.end)
    fmt, width = _layout(args, stdout)
    _write(render_diff(dataset, found, fmt, args.lang, width), args.output, stdout)
    return 0


def _run_assess(args: argparse.Namespace, stdout: TextIO) -> int:
    # Imported here so this subcommand stays one self-contained addition to the command line.
    from policykit.assessing import assess, history
    from policykit.standard_reports import render_assessment, render_history
    from policykit.standards import load_standard

    dataset = _load(args)
    standard = load_standard(dataset, args.standard)
    on = args.as_of or dt.date.today()
    fmt, width = _layout(args, stdout)
    if args.timeline:
        found = history(dataset, standard, args.jurisdiction, on)
        _write(render_history(dataset, standard, found, on, fmt, args.lang, width), args.output, stdout)
        return 0
    table = assess(dataset, standard, args.jurisdiction, on)
    _write(render_assessment(dataset, table, fmt, args.lang, width), args.output, stdout)
    return 0


def _run_brief(args: argparse.Namespace, stdout: TextIO) -> int:
    # Imported here: briefings need the optional `brief` extra (Jinja2, matplotlib), which the renderers import
    # only when they run; say so before any work rather than with a traceback halfway.
    from importlib.util import find_spec

    missing = [name for name in ("jinja2", "matplotlib") if find_spec(name) is None]
    if missing:
        raise _UsageError(f"briefings need {' and '.join(missing)}: pip install 'policykit[brief]'")
    from policykit.briefing import build
    from policykit.briefing_output import PDF_NEEDS, PdfUnavailableError, charts, render_briefing, render_pdf
    from policykit.cases import make_case

    pdf = args.format == "pdf"
    output = args.output if args.output not in (None, "-") else None
    if pdf and output is None:
        raise _UsageError("--format pdf writes a file: give it with --output FILE")
    if pdf and find_spec("weasyprint") is None:
        raise _UsageError(PDF_NEEDS)
    dataset = _load(args)
    template = "html" if pdf else args.format  # a PDF is the HTML briefing laid out for print
    if args.template is not None and not Path(args.template, f"briefing.{template}.j2").is_file():
        raise _UsageError(f"--template {args.template!r}: no briefing.{template}.j2 in that folder")
    if args.case in dataset.cases:
        if args.fact:
            raise _UsageError("--fact adds to a conduct's plain case: give a conduct id with --case, not a named case")
        case: object = args.case
    elif args.case in dataset.conducts:
        case = make_case(dataset, args.case, args.fact)
    else:
        raise UnknownIdError("case", args.case, [*dataset.cases, *dataset.conducts])
    on = args.as_of or dt.date.today()
    found = build(dataset, args.jurisdiction, case, on, args.lang, standard=args.standard)  # type: ignore[arg-type]
    shown: tuple[Any, ...] = ()
    if args.format != "md" or output is not None:
        stem = Path(output).stem if output is not None else "briefing"
        shown = charts(found, stem)
    if args.format == "md" and output is not None:
        for chart in shown:
            _write(chart.svg, str(Path(output).parent / chart.file), stdout)
    if pdf:
        try:
            document = render_pdf(dataset, found, shown, args.template)
        except PdfUnavailableError as error:
            raise _UsageError(str(error)) from None
        _write(document, output, stdout)
        return 0
    _write(render_briefing(dataset, found, args.format, shown, args.template), args.output, stdout)
    return 0


def _run_validate(args: argparse.Namespace, stdout: TextIO) -> int:
    problems = validate(args.paths, today=args.today)
    status = 1 if problems else 0
    try:
        for problem in problems:
            stdout.write(f"{problem}\n")
        stdout.flush()
    except BrokenPipeError:
        # `policykit validate ... | head -1`: the reader stopped early; the data still has problems.
        drop_stdout()
        return status
    if problems:
        _say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found\n")
    else:
        _say("no problems found\n")
    return status


_COMMANDS = {
    "list": _run_list,
    "show": _run_show,
    "compare": _run_compare,
    "export": _run_export,
    "schema": _run_schema,
    "timeline": _run_timeline,
    "diff": _run_diff,
    "assess": _run_assess,
    "brief": _run_brief,
    "validate": _run_validate,
}


def _subcommand_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices[command]
            return found
    return parser  # pragma: no cover - the parser always has its subcommands


def _fail(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.exit(2, f"{parser.prog}: error: {message}\n")


def _say(text: str) -> None:
    """Write to standard error; a closed standard error (`2>&1 | head`) must not change the exit status."""
    with contextlib.suppress(OSError):
        sys.stderr.write(neutralise(text))
        sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 1 problems in the data or output that could
    not be written, 2 bad usage), whatever happens to standard output."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # Reported by the subcommand, with its own usage line (`policykit show: error: ...`), not the top level's.
        _subcommand_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        with warnings.catch_warnings():
            # The CLI says so in its own output; a Python warning line would only repeat it.
            warnings.simplefilter("ignore", StaleDataWarning)
            # Likewise for a date before the data begins: the tables say so in a note under them.
            warnings.filterwarnings("ignore", message=r".* is before the .* data begins")
            status = _COMMANDS[args.command](args, sys.stdout)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            drop_stdout()  # the command has its status already (1 for validate with problems)
        return status
    except (UnknownIdError, CaseError) as error:
        _fail(parser, str(error))
    except _UsageError as error:
        _fail(parser, str(error))
    except DataError as error:
        for problem in error.problems:
            _say(f"{problem}\n")
        _say(f"{parser.prog}: the data has {len(error.problems)} problem(s); nothing was shown\n")
        return 1
    except PolicykitError as error:  # an argument policykit cannot use (ArgumentTypeError): bad usage
        _fail(parser, str(error))
    except BrokenPipeError:
        # The reader of standard output stopped early (`| head`). Only a successful command writes its output
        # (a failing one raises before writing), so the status is the command's own: 0.
        drop_stdout()
        return 0
    except _OutputError as error:
        _say(f"{parser.prog}: error: {error}\n")
        return 1
    except OSError as error:  # standard output itself failed (`> /dev/full`)
        drop_stdout()
        _say(f"{parser.prog}: error: cannot write the output: {error.strerror or error}\n")
        return 1


def entry_point() -> None:
    """The console script: exit with `main`'s status (`policykit._replay.entry_point`, which the installed
    `policykit` command runs, first replays a repeated question's answer)."""
    sys.exit(main())
