"""Comparison tables, timelines and diffs as text in every output format, or as JSON.

The law is decided in `policykit.comparison` and `policykit.history`; the words in `policykit.rendering`;
the layout and escaping in `policykit.tables`. This module puts them together.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from policykit._gettext import translator
from policykit._penalty_fields import penalty_values
from policykit._version import __version__
from policykit.applying import Applicable, Raise
from policykit.cases import Case
from policykit.comparison import Cell, Comparison, Row
from policykit.history import Aspect, Change, Diff
from policykit.model import Ancillary, Dataset, Event, Penalty, Provision, Source, Status, Threshold, Version
from policykit.queries import Coverage, InForce
from policykit.rendering import (
    describe_case,
    describe_cell,
    describe_penalty,
    factor_name,
    format_day,
    labels,
    name_in,
    original_language,
    text_in,
    unverified_mark,
    vocabulary_text,
)
from policykit.tables import Table, render


def _source_note(source: Source, lang: str = "en") -> str:
    words = labels(lang)
    pinpoint = f", {source.pinpoint}" if source.pinpoint else ""
    via = " " + words["read_via"].format(url=source.read_via) if source.read_via else ""
    about = words["source_about"].format(
        kind=words[f"source_{source.kind.value}"], language=source.language, date=format_day(source.checked_on, lang)
    )
    return f"{source.title}{pinpoint}. {source.publisher}. {source.url}{via} {about}"


class _Footnotes:
    """Numbers notes in order of first use, so the same source always gets the same number in one output."""

    def __init__(self) -> None:
        self.notes: dict[str, int] = {}

    def mark(self, notes: list[str]) -> str:
        numbers = []
        for note in notes:
            if note not in self.notes:
                self.notes[note] = len(self.notes) + 1
            numbers.append(self.notes[note])
        return f" [{', '.join(str(n) for n in sorted(set(numbers)))}]" if numbers else ""

    def all(self) -> tuple[str, ...]:
        return tuple(self.notes)


def _cell_notes(dataset: Dataset, cell: Cell, lang: str, raises: int = 3) -> list[str]:
    """The sources of what the cell says: the version applied, the versions that would raise it, or the
    coverage statement's reason."""
    notes: list[str] = []
    answer = cell.answer
    if answer.most_severe is not None:
        notes.extend(_source_note(source, lang) for source in answer.most_severe.version.sources)
    else:
        statement = answer.statement
        if statement is not None:
            conduct = dataset.conducts[cell.conduct]
            name = vocabulary_text(conduct, lang)
            checked = labels(lang)["statement_checked"].format(date=format_day(statement.verified_on, lang))
            notes.append(f"{cell.jurisdiction}, {name}{labels(lang)['colon']}{statement.reason} {checked}")
    for increase in answer.increases:
        notes.extend(_source_note(source, lang) for source in increase.version.sources)
    for found in answer.raises[:raises]:
        notes.extend(_source_note(source, lang) for source in found.version.sources)
    return list(dict.fromkeys(notes))


def _row_label(dataset: Dataset, row: Row, lang: str) -> str:
    known = dataset.conducts[row.conduct]
    label = vocabulary_text(known, lang)
    if row.added_fact is None:
        return label
    return f"{label} + {factor_name(dataset, row.added_fact, lang)}"


def _case_lines(dataset: Dataset, comparison: Comparison, lang: str) -> list[str]:
    """`Case: adult victim, ...` under the table; one line per distinct case when conducts' plain cases differ."""
    words = labels(lang)
    cases: dict[str, list[str]] = {}
    for row in comparison.rows:
        if row.added_fact is not None:
            continue
        known = dataset.conducts[row.conduct]
        name = vocabulary_text(known, lang)
        cases.setdefault(describe_case(dataset, row.case, lang), []).append(name[:1].lower() + name[1:])
    if len(cases) == 1:
        ((text, _),) = cases.items()
        lines = [f"{words['case']}{words['colon']}{text}."]
    else:
        lines = [
            f"{words['case_of'].format(conducts=', '.join(names))}{words['colon']}{text}."
            for text, names in cases.items()
        ]
    if any(row.added_fact is not None for row in comparison.rows):
        lines.append(words["added_rows"])
    return lines


def _cited(cell: Cell, raises: int = 3) -> list[tuple[Provision, Version]]:
    """The provision versions a cell's text names, in order (as `describe_cell` words them)."""
    answer = cell.answer
    found: list[tuple[Provision, Version]] = []
    if answer.most_severe is not None:
        found.append((answer.most_severe.provision, answer.most_severe.version))
    found.extend((item.provision, item.version) for item in answer.increases)
    found.extend((item.provision, item.version) for item in answer.undecided)
    found.extend((item.provision, item.version) for item in answer.raises[:raises])
    return found


def legend(dataset: Dataset, provisions: Iterable[Provision], lang: str = "en", by_id: bool = False) -> str | None:
    """`Abbreviations: CL: Criminal Law of the PRC; SCA: Act on Special Cases ...` for the instruments of
    `provisions` (by the instrument id, `kr/sca`, when `by_id`, for tables that show provision ids)."""
    items: dict[str, str] = {}
    for provision in provisions:
        instrument = dataset.instruments.get(provision.instrument_id)
        if instrument is None:
            continue
        key = instrument.id if by_id or not instrument.abbreviation else instrument.abbreviation
        if key in items:
            continue
        title = text_in(instrument.title, lang, original_language(dataset, f"{instrument.id}/"))[0]
        items[key] = f"{instrument.abbreviation}, {title}" if by_id and instrument.abbreviation else title
    if not items:
        return None
    words = labels(lang)
    return words["abbreviations"].format(
        items=words["semicolon"].join(f"{key}{words['colon']}{title}" for key, title in sorted(items.items()))
    )


def _legend_notes(dataset: Dataset, versions: list[tuple[Provision, Version]], lang: str, by_id: bool) -> list[str]:
    notes = []
    if any(version.status is Status.UNVERIFIED for _, version in versions):
        notes.append(labels(lang)["unverified_note"])
    found = legend(dataset, [provision for provision, _ in versions], lang, by_id)
    if found is not None:
        notes.append(found)
    return notes


def _before_coverage_notes(dataset: Dataset, codes: Iterable[str], on: dt.date, lang: str) -> list[str]:
    words = labels(lang)
    notes = []
    for code in codes:
        start = dataset.jurisdictions[code].coverage_from
        if on < start:
            notes.append(words["before_coverage"].format(code=code, date=format_day(start, lang)))
    return notes


def verified_line(verified_on: tuple[tuple[str, dt.date | None], ...], lang: str) -> str:
    """`Data last verified: CN on 2026-11-30, FR on ...` for the footer of a table."""
    words = labels(lang)
    dates = ", ".join(
        words["verified_one"].format(code=code, date=format_day(date, lang) if date else "—")
        for code, date in verified_on
    )
    return words["verified"].format(dates=dates)


def _footer(dataset: Dataset, comparison: Comparison, lang: str) -> tuple[str, ...]:
    words = labels(lang)
    notes = [
        words["as_of"].format(date=format_day(comparison.on, lang)),
        *_case_lines(dataset, comparison, lang),
        verified_line(comparison.verified_on, lang),
    ]
    if comparison.is_stale:
        notes.append(words["stale"])
    notes.extend(_before_coverage_notes(dataset, comparison.jurisdictions, comparison.on, lang))
    cited = [found for row in comparison.rows for cell in row.cells for found in _cited(cell)]
    notes.extend(_legend_notes(dataset, cited, lang, by_id=False))
    return tuple(notes)


def comparison_table(
    dataset: Dataset, comparison: Comparison, lang: str = "en", transpose: bool = False, footnoted: bool = True
) -> Table:
    """Conducts as rows and jurisdictions as columns (or the other way round), with numbered sources."""
    words = labels(lang)
    footnotes = _Footnotes()
    texts: list[list[str]] = []
    for row in comparison.rows:
        texts.append(
            [
                describe_cell(dataset, cell, lang)
                + (footnotes.mark(_cell_notes(dataset, cell, lang)) if footnoted else "")
                for cell in row.cells
            ]
        )
    row_labels = [_row_label(dataset, row, lang) for row in comparison.rows]
    if transpose:
        headers = (words["jurisdiction"], *row_labels)
        rows = tuple(
            (code, *(texts[r][c] for r in range(len(comparison.rows))))
            for c, code in enumerate(comparison.jurisdictions)
        )
    else:
        headers = (words["conduct"], *comparison.jurisdictions)
        rows = tuple((label, *cells) for label, cells in zip(row_labels, texts, strict=True))
    return Table(headers, rows, _footer(dataset, comparison, lang), footnotes.all())


def render_comparison(
    dataset: Dataset,
    comparison: Comparison,
    fmt: str = "github",
    lang: str = "en",
    transpose: bool = False,
    width: int | None = None,
) -> str:
    """The comparison in `fmt`: a table format (github, pipe, grid, simple, rst, html, latex), csv or tsv (cells
    without prose, then each row's date, case and source addresses: `DELIMITED_CONTEXT`, for programs) or json
    (every applicable provision, its penalty as numbers and its sources). Tables carry numbered sources, the case,
    the dates, a dagger note for unverified figures and a legend of abbreviations. A grid or simple table is
    wrapped to `width` display columns when given (a terminal's width).

    >>> import policykit
    >>> data = policykit.load()
    >>> table = policykit.compare(data, ["possession_viewing"], ["CN"], "2026-11-21")
    >>> print(policykit.render_comparison(data, table, "csv"), end="")
    Conduct,CN,as_of,case_facts,case_quantities,sources
    Possession or viewing,"Unknown (researched, unclear; the reason is in the note)",2026-11-21,sexual_content,,
    """
    if fmt == "json":
        return comparison_json(dataset, comparison, lang)
    if fmt in ("csv", "tsv"):
        return render(_delimited_comparison(dataset, comparison, lang, transpose), fmt)
    return render(comparison_table(dataset, comparison, lang, transpose), fmt, width)


#: The columns a delimited comparison adds after its cells, so that a file read alone still says what it answers.
DELIMITED_CONTEXT = ("as_of", "case_facts", "case_quantities", "sources")


def _delimited_comparison(dataset: Dataset, comparison: Comparison, lang: str, transpose: bool) -> Table:
    """The cells without prose or footnote marks, then per row: the date asked, the case (its facts and
    quantities; not when transposed, where a row holds several cases) and the addresses of the sources of the
    provision versions its cells cite, each list joined by ';'."""
    table = comparison_table(dataset, comparison, lang, transpose, footnoted=False)
    on = comparison.on.isoformat()
    if transpose:
        extra = [
            (on, "", "", _source_urls([row.cells[index] for row in comparison.rows]))
            for index in range(len(comparison.jurisdictions))
        ]
    else:
        extra = [
            (
                on,
                ";".join(sorted(row.case.facts)),
                ";".join(f"{measure.value}={amount}" for measure, amount in row.case.quantities),
                _source_urls(row.cells),
            )
            for row in comparison.rows
        ]
    rows = tuple((*cells, *context) for cells, context in zip(table.rows, extra, strict=True))
    return Table((*table.headers, *DELIMITED_CONTEXT), rows)


def _source_urls(cells: Iterable[Cell]) -> str:
    urls: dict[str, None] = {}
    for cell in cells:
        for _, version in _cited(cell):
            urls.update((source.url, None) for source in version.sources)
    return ";".join(urls)


def penalty_json(penalty: Penalty | None) -> dict[str, Any] | None:
    """A penalty as plain JSON values (months and days as numbers, amounts as integers), one key per export
    column (declared on the model's fields)."""
    if penalty is None:
        return None
    return penalty_values(penalty)


def source_json(source: Source) -> dict[str, Any]:
    return {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "language": source.language,
        "kind": source.kind.value,
        "pinpoint": source.pinpoint,
        "checked_on": source.checked_on.isoformat(),
        "read_via": source.read_via,
    }


def _version_ref(version: Version | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {
        "id": version.id,
        "provision_id": version.provision_id,
        "in_force_from": version.in_force_from.isoformat(),
        "in_force_to": version.in_force_to.isoformat() if version.in_force_to else None,
        "amended_by": version.amended_by,
        "status": version.status.value,
        "verified_on": version.verified_on.isoformat(),
    }


def comparison_json(dataset: Dataset, comparison: Comparison, lang: str = "en") -> str:
    """The comparison with each row's case and each cell's status, text, every applicable provision version
    (with its penalty and the conditions the case met), what one more fact would raise, and sources."""
    rows = []
    for row in comparison.rows:
        cells = []
        for cell in row.cells:
            answer = cell.answer
            best = answer.most_severe
            statement = answer.statement
            cells.append(
                {
                    "jurisdiction": cell.jurisdiction,
                    "status": answer.status.value,
                    "text": describe_cell(dataset, cell, lang),
                    "provision_id": best.provision.id if best else None,
                    "article": best.provision.article if best else None,
                    "liability": best.provision.liability.value if best else None,
                    "tier": list(best.tier.factors) if best and best.tier else None,
                    "version": _version_ref(best.version if best else None),
                    "penalty": penalty_json(best.penalty if best else None),
                    "applicable": [_applicable_json(found) for found in answer.applicable],
                    "increases": [_applicable_json(found) for found in answer.increases],
                    "raised_by": [_raise_json(found) for found in answer.raises],
                    "undecided": [
                        {
                            "provision_id": found.provision.id,
                            "article": found.provision.article,
                            "version_id": found.version.id,
                            "fact": found.fact,
                            "reason": found.reason.value,
                        }
                        for found in answer.undecided
                    ],
                    "reason": statement.reason if statement is not None else None,
                    "sources": [source_json(source) for source in cell.sources],
                }
            )
        rows.append(
            {
                "conduct": row.conduct,
                "added_fact": row.added_fact,
                "case": _case_json(row.case),
                "cells": cells,
            }
        )
    document = {
        "metadata": {
            "policykit_version": __version__,
            "as_of": comparison.on.isoformat(),
            "case": {
                "facts_added": list(comparison.facts),
                "facts_removed": list(comparison.without),
                "quantities": {measure.value: amount for measure, amount in comparison.quantities},
            },
            "severity_order": SEVERITY_ORDER,
            "data_verified_on": {code: date.isoformat() if date else None for code, date in comparison.verified_on},
            "language": lang,
        },
        "rows": rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


SEVERITY_ORDER = (
    "liability (criminal > administrative > civil), life imprisonment, maximum imprisonment (open-ended above any"
    " stated maximum), minimum imprisonment, no lighter alternative to the custodial sanction, maximum"
    " administrative detention, maximum fine"
)


def _case_json(case: Case) -> dict[str, Any]:
    return {
        "conduct": case.conduct,
        "facts": sorted(case.facts),
        "quantities": {measure.value: amount for measure, amount in case.quantities},
    }


def _applicable_json(found: Applicable) -> dict[str, Any]:
    return {
        "provision_id": found.provision.id,
        "article": found.provision.article,
        "liability": found.provision.liability.value,
        "version_id": found.version.id,
        "tier": list(found.tier.factors) if found.tier else None,
        "conditions_met": list(found.conditions_met),
        "thresholds_met": [_threshold_json(threshold) for threshold in found.thresholds_met],
        "penalty": penalty_json(found.penalty),
        "status": found.version.status.value,
    }


def _raise_json(found: Raise) -> dict[str, Any]:
    return {
        "fact": found.fact,
        "provision_id": found.provision.id,
        "article": found.provision.article,
        "liability": found.provision.liability.value,
        "version_id": found.version.id,
        "tier": list(found.tier.factors) if found.tier else None,
        "thresholds": [_threshold_json(threshold) for threshold in found.thresholds],
        "penalty": penalty_json(found.penalty),
    }


def _threshold_json(threshold: Threshold) -> dict[str, Any]:
    return {"measure": threshold.measure.value, "minimum": threshold.minimum, "set_by": threshold.set_by}


# -- timeline and diff -------------------------------------------------------------------------------------


def _change_text(dataset: Dataset, change: Change, lang: str) -> str:
    words = labels(lang)
    colon, semicolon = words["colon"], words["semicolon"]
    before = describe_penalty(change.before.penalty, lang) if change.before and change.before.penalty else "—"
    after = describe_penalty(change.after.penalty, lang) if change.after and change.after.penalty else "—"
    kind = words[f"change_{change.kind.value}"]
    details = _aspects_text(dataset, change, lang)
    if change.kind.value in ("raised", "lowered", "thresholds"):
        return f"{kind}{colon}{before} → {after}" + (f"{semicolon}{details}" if details else "")
    if change.kind.value == "amended":
        return f"{kind}{colon}{details}" if details else kind
    if change.kind.value == "renumbered":
        text = f"{kind}{colon}{change.related} → {change.provision_id}"
        if change.penalty_change is not None and change.penalty_change.value in ("raised", "lowered"):
            text = f"{text}{semicolon}{words[f'change_{change.penalty_change.value}']}{colon}{before} → {after}"
        else:
            text = f"{text}{semicolon}{after}"
        return text + (f"{semicolon}{details}" if details else "")
    if change.kind.value in ("added", "enacted", "first_coded"):
        return f"{kind}{colon}{after}"
    return kind


def _aspects_text(dataset: Dataset, change: Change, lang: str) -> str:
    """What a change did besides the base penalty's severity: `ancillary measures: + confiscation`."""
    words = labels(lang)
    old, new = change.before, change.after
    parts: list[str] = []
    for aspect in change.aspects:
        label = words[f"aspect_{aspect.value}"]
        if old is None or new is None:  # pragma: no cover - aspects exist only between two versions
            parts.append(label)
            continue
        if aspect is Aspect.TIERS:
            # By factor, not by tier: a new factor combines with the old ones into several tiers.
            pairs = _added_removed(
                [factor_name(dataset, fact, lang) for tier in old.tiers for fact in tier.factors],
                [factor_name(dataset, fact, lang) for tier in new.tiers for fact in tier.factors],
            )
        elif aspect is Aspect.CONDUCTS:
            pairs = _added_removed(old.conducts, new.conducts)
        elif aspect is Aspect.CONDITIONS:
            pairs = _added_removed(_condition_names(dataset, old, lang), _condition_names(dataset, new, lang))
        elif aspect is Aspect.ANCILLARY:
            pairs = _added_removed(
                [_measure_words(measure, lang) for measure in old.ancillary],
                [_measure_words(measure, lang) for measure in new.ancillary],
            )
        elif aspect is Aspect.PROSECUTION:
            pairs = f"{old.prosecution.value.replace('_', ' ')} → {new.prosecution.value.replace('_', ' ')}"
        else:
            pairs = ""
        parts.append(f"{label} ({pairs})" if pairs else label)
    return words["semicolon"].join(parts)


def _condition_names(dataset: Dataset, version: Version, lang: str) -> list[str]:
    """A version's conditions in words: each fact that must hold, then each group as `a or b`."""
    _ = translator(lang)
    names = [factor_name(dataset, fact, lang) for fact in version.applies_only_when]
    for group in version.applies_when_any:
        text = factor_name(dataset, group[0], lang)
        for fact in group[1:]:
            text = _("{left} or {right}").format(left=text, right=factor_name(dataset, fact, lang))
        names.append(text)
    return names


def _added_removed(old: Sequence[str], new: Sequence[str]) -> str:
    """`+ a, - b`: the items added and removed (empty when only their content changed, a tier's penalty)."""
    added = [item for item in dict.fromkeys(new) if item not in old]
    removed = [item for item in dict.fromkeys(old) if item not in new]
    parts = [f"+ {item}" for item in added] + [f"- {item}" for item in removed]
    return ", ".join(parts)


def _measure_words(measure: Ancillary, lang: str) -> str:
    words = labels(lang)
    text = words.get(f"ancillary_{measure.measure.value}", measure.measure.value.replace("_", " "))
    return text if measure.mandatory else f"{text} ({words['discretionary']})"


def timeline_table(
    dataset: Dataset, changes: list[Change], lang: str = "en", events: Sequence[Event] = (), footnoted: bool = True
) -> Table:
    """Changes as rows, oldest first; `events` (context, not law) are placed by their start date, before the
    changes of the same day. The sort is stable, so changes of one day keep their order."""
    words = labels(lang)
    footnotes = _Footnotes()
    ordered_events = sorted(events, key=lambda event: (event.started_on, event.id))
    merged: list[Event | Change] = [*ordered_events, *changes]
    entries = sorted(merged, key=lambda entry: (_entry_day(entry), isinstance(entry, Change)))
    rows = []
    for entry in entries:
        if isinstance(entry, Event):
            notes = [_source_note(source, lang) for fact in entry.facts for source in fact.sources]
            text = (
                words["event"].format(name=name_in(dataset, entry.name, entry.jurisdiction, lang))
                + f"{words['colon']}{' '.join(entry.summary.split())}"
            )
            day = format_day(entry.started_on, lang, entry.precision)
            rows.append((day, entry.id, "—", "—", text + (footnotes.mark(notes) if footnoted else "")))
            continue
        act_text = entry.act.reference if entry.act is not None else "—"
        version = entry.after or entry.before
        notes = [_source_note(source, lang) for source in version.sources] if version is not None else []
        marks = footnotes.mark(notes) if footnoted else ""
        dagger = unverified_mark(version, lang) if version is not None else ""
        text = _change_text(dataset, entry, lang) + dagger + marks
        rows.append((format_day(entry.on, lang), entry.provision_id, entry.article, act_text, text))
    headers = (words["date"], words["provision"], words["article"], words["act"], words["change"])
    shown = [
        (dataset.provisions[change.provision_id], version)
        for change in changes
        if change.provision_id in dataset.provisions and (version := change.after or change.before) is not None
    ]
    return Table(headers, tuple(rows), tuple(_legend_notes(dataset, shown, lang, by_id=True)), footnotes.all())


def _entry_day(entry: Event | Change) -> dt.date:
    return entry.started_on if isinstance(entry, Event) else entry.on


def changes_json(changes: list[Change], extra: dict[str, Any], events: list[dict[str, Any]] | None = None) -> str:
    records = []
    for change in changes:
        records.append(
            {
                "on": change.on.isoformat(),
                "kind": change.kind.value,
                "provision_id": change.provision_id,
                "article": change.article,
                "related": change.related,
                "penalty_change": change.penalty_change.value if change.penalty_change else None,
                "act": change.act.id if change.act else None,
                "act_reference": change.act.reference if change.act else None,
                "before": _version_ref(change.before),
                "after": _version_ref(change.after),
                "penalty_before": penalty_json(change.before.penalty if change.before else None),
                "penalty_after": penalty_json(change.after.penalty if change.after else None),
            }
        )
    document: dict[str, Any] = {"metadata": {"policykit_version": __version__, **extra}, "changes": records}
    if events is not None:
        document["events"] = events
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_timeline(
    dataset: Dataset,
    code: str,
    changes: list[Change],
    fmt: str = "github",
    lang: str = "en",
    events: Sequence[Event] = (),
    width: int | None = None,
) -> str:
    """The timeline in `fmt` (a table format, csv, tsv or json); with `events` (`events_of`), the incidents that
    give context are placed among the changes (JSON: an `events` list beside `changes`). A grid or simple table is
    wrapped to `width` display columns when given.

    >>> import policykit
    >>> data = policykit.load()
    >>> changes = policykit.timeline(data, "FR", ["deepfake_distribution"], start="2024-01-01")
    >>> print(policykit.render_timeline(data, "FR", changes, "csv").splitlines()[2][:60])
    2024-05-23,fr/code-penal/art_226-8-1,226-8-1,Loi n° 2024-449
    """
    if fmt == "json":
        records = [_event_json(event) for event in events] if events else None
        return changes_json(changes, {"jurisdiction": code}, records)
    delimited = fmt in ("csv", "tsv")  # for programs: no footnote marks, no notes (sources are in the JSON)
    table = timeline_table(dataset, changes, lang, events, footnoted=not delimited)
    return render(Table(table.headers, table.rows) if delimited else table, fmt, width)


def _event_json(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name.best(),
        "name_original": event.name.original,
        "started_on": event.started_on.isoformat(),
        "date_precision": event.precision.value,
        "summary": event.summary,
        "ended_on": event.ended_on.isoformat() if event.ended_on else None,
        "facts": [
            {
                "label": fact.label,
                "value": fact.value.isoformat() if isinstance(fact.value, dt.date) else fact.value,
                "sources": [source.url for source in fact.sources],
            }
            for fact in event.facts
        ],
        "responses": list(event.responses),
    }


def render_diff(dataset: Dataset, diff: Diff, fmt: str = "github", lang: str = "en", width: int | None = None) -> str:
    """The changes of a `diff` in `fmt` (a table format, csv, tsv or json), with the two dates under the table; a
    grid or simple table wrapped to `width` display columns when given.

    >>> import json, policykit
    >>> data = policykit.load()
    >>> found = json.loads(policykit.render_diff(data, policykit.diff(data, "CN", "2025-12-31", "2026-01-01"), "json"))
    >>> sorted({change["kind"] for change in found["changes"]})
    ['enacted', 'renumbered']
    """
    if fmt == "json":
        return changes_json(
            list(diff.changes),
            {"jurisdiction": diff.jurisdiction, "from": diff.start.isoformat(), "to": diff.end.isoformat()},
        )
    words = labels(lang)
    table = timeline_table(dataset, list(diff.changes), lang, footnoted=fmt not in ("csv", "tsv"))
    notes: tuple[str, ...] = (
        words["diff_between"].format(
            code=diff.jurisdiction, start=format_day(diff.start, lang), end=format_day(diff.end, lang)
        ),
    )
    if not diff.changes:
        notes = (*notes, words["no_changes"])
    notes = (*notes, *_before_coverage_notes(dataset, [diff.jurisdiction], diff.start, lang), *table.notes)
    table = Table(table.headers, table.rows, notes, table.footnotes)
    return render(Table(table.headers, table.rows) if fmt in ("csv", "tsv") else table, fmt, width)


def show_json(
    dataset: Dataset, code: str, on: dt.date, items: Sequence[InForce], uncovered: Sequence[Coverage] = ()
) -> str:
    """What `policykit show --format json` prints: the provisions in force (`provisions_in_force`) with their
    versions, penalties, tiers and sources, and the coverage (`coverage`) of conducts that no provision covers."""
    verified = dataset.verified_on(code)
    provisions = []
    for item in items:
        provision, version = item.provision, item.version
        provisions.append(
            {
                "provision_id": provision.id,
                "article": provision.article,
                "instrument": provision.instrument_id,
                "liability": provision.liability.value,
                "reach": provision.reach.value,
                "version": _version_ref(version),
                "conducts": list(version.conducts),
                "applies_only_when": list(version.applies_only_when),
                "applies_when_any": [list(group) for group in version.applies_when_any],
                "penalty": penalty_json(version.penalty),
                "penalty_text": describe_penalty(version.penalty) if version.penalty is not None else None,
                "tiers": [
                    {"factors": list(tier.factors), "penalty": penalty_json(tier.penalty)} for tier in version.tiers
                ],
                "thresholds": [_threshold_json(threshold) for threshold in version.thresholds],
                "ancillary_measures": [
                    {"measure": measure.measure.value, "mandatory": measure.mandatory} for measure in version.ancillary
                ],
                "prosecution": version.prosecution.value,
                "summary": version.summary,
                "note": version.note,
                "sources": [source_json(source) for source in version.sources],
            }
        )
    coverage = [
        {
            "conduct": found.conduct,
            "status": found.status.value,
            "reason": found.reason,
            "verified_on": found.statement.verified_on.isoformat() if found.statement is not None else None,
        }
        for found in uncovered
    ]
    document = {
        "metadata": {
            "policykit_version": __version__,
            "jurisdiction": code,
            "as_of": on.isoformat(),
            "data_verified_on": verified.isoformat() if verified else None,
            "data_begins_on": dataset.jurisdictions[code].coverage_from.isoformat(),
        },
        "provisions": provisions,
        "coverage": coverage,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
