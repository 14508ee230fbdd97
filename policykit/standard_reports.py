"""Assessments against a standard as text in every output format of `compare`, or as JSON.

The verdicts are decided in `policykit.assessing`; this module only puts them into words, with numbered sources
(the requirement's own, then the provisions each verdict rests on) and the open questions listed under the table.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from policykit._gettext import N_, translator
from policykit._version import __version__
from policykit.assessing import Assessment, AssessmentTable, Finding, Ground, Reason, RequirementHistory, Verdict
from policykit.model import Dataset
from policykit.rendering import (
    brief_penalty,
    cite,
    describe_case,
    factor_name,
    format_day,
    format_term,
    labels,
    vocabulary_text,
)
from policykit.reports import _Footnotes, _source_note, _version_ref, penalty_json, source_json, verified_line
from policykit.standards import Requirement, Standard
from policykit.tables import Table, render

#: The words of assessments, by key, in English: the gettext message ids (`policykit/locale`).
_WORDS: dict[str, str] = {
    "requirement": N_("Requirement"),
    "meets": N_("Meets"),
    "falls_short": N_("Falls short"),
    "partly": N_("Partly"),
    "unknown": N_("Unknown"),
    "not_criminal": N_("not criminal"),
    "maximum_below_floor": N_("maximum below the floor"),
    "narrower_condition": N_("criminal only under a narrower condition"),
    "aggravation_missing": N_("no aggravated form in the data"),
    "needs_judgment": N_("needs a legal judgment the data does not hold"),
    "not_researched": N_("not researched in the data"),
    "not_in_data": N_("not in the data"),
    "only_if": N_("only if {fact}"),
    "floor": N_("floor: at least {term} (art. {article})"),
    "aggravated": N_("aggravated if {facts}"),
    "not_aggravated": N_("no aggravated form in the data: {facts}"),
    "duties": N_("platform duties in the data: {provisions}"),
    "no_duties": N_("no platform duty in the data"),
    "see": N_("see {questions}"),
    "standard": N_("Measured against {title}: adopted {adopted}, in force {in_force}{deadline}."),
    "deadline": N_(", transposition deadline {date}"),
    "binds": N_("Bound by it: {codes}."),
    "as_if": N_("Not bound by it, measured as if it applied: {codes}."),
    "unverified": N_("Requirements whose reading of the standard is unverified (see their notes): {articles}."),
    "questions": N_("Open questions:"),
    "since": N_("{verdict} since {date}"),
    "before_deadline": N_("before the deadline"),
    "after_deadline": N_("after the deadline"),
    "no_data": N_("no data up to {date}"),
    "history_note": N_(
        "Each jurisdiction's data begins on its coverage_from date ({dates}); earlier days are not in it."
    ),
}


@cache
def _words(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(message) for key, message in _WORDS.items()}


class _Questions:
    """Numbers open questions in order of first use: Q1, Q2..."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def mark(self, questions: tuple[str, ...]) -> str:
        for question in questions:
            self.numbers.setdefault(question, len(self.numbers) + 1)
        return ", ".join(f"Q{self.numbers[question]}" for question in questions)

    def lines(self) -> list[str]:
        return [f"Q{number}: {question}" for question, number in self.numbers.items()]


def requirement_label(requirement: Requirement, lang: str = "en") -> str:
    """`Art. 5(1)(a) Non-consensual sharing of intimate material`."""
    name = requirement.heading.best(lang) if requirement.heading is not None else ""
    return f"{labels(lang)['art'].capitalize()} {requirement.article} {name}".strip()


def _ground(dataset: Dataset, ground: Ground, lang: str) -> str:
    return f"{cite(dataset, ground.provision, lang)}, {brief_penalty(ground.penalty, lang)}"


def _finding_body(dataset: Dataset, finding: Finding, lang: str) -> str:
    """What a finding rests on, with the reason when it is not met: `not criminal: PSAPL 2025 art. 50(1)(6), ...`."""
    words = _words(lang)
    grounds = []
    for ground in finding.grounds:
        text = _ground(dataset, ground, lang)
        if ground.needs is not None:
            text = (
                f"{words['only_if'].format(fact=factor_name(dataset, ground.needs, lang))}{labels(lang)['colon']}{text}"
            )
        grounds.append(text)
    if not grounds and finding.reason is Reason.NOT_CRIMINAL and finding.status is not None:
        grounds.append(finding.status.value.replace("_", " "))
    body = labels(lang)["semicolon"].join(grounds)
    if finding.reason is not None:
        return f"{words[finding.reason.value]}{labels(lang)['colon']}{body}" if body else words[finding.reason.value]
    return body


def describe_assessment(dataset: Dataset, assessment: Assessment, questions: _Questions, lang: str = "en") -> str:
    """A cell in words: the verdict, then what it rests on, finding by finding where they differ."""
    words = _words(lang)
    requirement = assessment.requirement
    verdict = words[assessment.verdict.value]
    parts: list[str] = []
    if requirement.aggravations:
        met = [f for f in assessment.findings if f.verdict is Verdict.MEETS and f.aggravation]
        missing = [f.aggravation for f in assessment.findings if f.verdict is not Verdict.MEETS and f.aggravation]
        if met:
            facts = [
                f"{factor_name(dataset, f.aggravation or '', lang)} ({cite(dataset, f.grounds[0].provision, lang)})"
                for f in met
            ]
            parts.append(words["aggravated"].format(facts=labels(lang)["semicolon"].join(facts)))
        if missing:
            parts.append(
                words["not_aggravated"].format(facts=", ".join(factor_name(dataset, fact, lang) for fact in missing))
            )
    elif requirement.conduct is not None and not requirement.cases:
        provisions = ", ".join(dict.fromkeys(cite(dataset, g.provision, lang) for g in assessment.grounds))
        parts.append(words["duties"].format(provisions=provisions) if provisions else words["no_duties"])
    else:
        bodies = [_finding_body(dataset, finding, lang) for finding in assessment.findings]
        if len(set(bodies)) == 1:
            parts.append(bodies[0])
        else:
            for finding, body in zip(assessment.findings, bodies, strict=True):
                conduct = dataset.conducts[finding.case.conduct] if finding.case is not None else None
                name = vocabulary_text(conduct, lang) if conduct is not None else ""
                parts.append(f"{name}{labels(lang)['colon']}{words[finding.verdict.value].lower()}, {body}")
        if requirement.floor is not None and assessment.verdict is Verdict.MEETS:
            floor = requirement.floor
            parts.append(words["floor"].format(term=format_term(floor.max_at_least, lang), article=floor.article))
    colon = labels(lang)["colon"]
    semicolon = labels(lang)["semicolon"]
    text = f"{verdict}{colon}{semicolon.join(part for part in parts if part)}" if any(parts) else verdict
    if assessment.questions:
        text += f" ({words['see'].format(questions=questions.mark(assessment.questions))})"
    return text


def _cell_notes(dataset: Dataset, assessment: Assessment, lang: str = "en") -> list[str]:
    notes = [_source_note(source, lang) for ground in assessment.grounds for source in ground.version.sources]
    return list(dict.fromkeys(notes))


def _standard_lines(standard: Standard, codes: tuple[str, ...], lang: str) -> list[str]:
    words = _words(lang)
    deadline = (
        words["deadline"].format(date=format_day(standard.transposition_deadline, lang))
        if standard.transposition_deadline is not None
        else ""
    )
    lines = [
        words["standard"].format(
            title=standard.title.best(lang),
            adopted=format_day(standard.adopted_on, lang),
            in_force=format_day(standard.in_force_on, lang),
            deadline=deadline,
        )
    ]
    bound = [code for code in codes if standard.binds_jurisdiction(code)]
    as_if = [code for code in codes if not standard.binds_jurisdiction(code)]
    if bound:
        lines.append(words["binds"].format(codes=", ".join(bound)))
    if as_if:
        lines.append(words["as_if"].format(codes=", ".join(as_if)))
    unverified = [r.article for r in standard.requirements if r.status.value == "unverified"]
    if unverified:
        lines.append(words["unverified"].format(articles=", ".join(unverified)))
    return lines


def assessment_table(dataset: Dataset, table: AssessmentTable, lang: str = "en", footnoted: bool = True) -> Table:
    """Requirements as rows and jurisdictions as columns, with numbered sources and open questions."""
    words = _words(lang)
    common = labels(lang)
    footnotes = _Footnotes()
    questions = _Questions()
    rows = []
    for row in table.rows:
        label = requirement_label(row.requirement, lang)
        if footnoted:
            label += footnotes.mark([_source_note(source, lang) for source in row.requirement.sources])
        cells = [
            describe_assessment(dataset, cell, questions, lang)
            + (footnotes.mark(_cell_notes(dataset, cell, lang)) if footnoted else "")
            for cell in row.cells
        ]
        rows.append((label, *cells))
    notes = [
        *_standard_lines(table.standard, table.jurisdictions, lang),
        common["as_of"].format(date=format_day(table.on, lang)),
        verified_line(table.verified_on, lang),
    ]
    if any(date is not None and table.on > date for _, date in table.verified_on):
        notes.append(common["stale"])
    if questions.numbers:
        notes.append(words["questions"])
        notes.extend(questions.lines())
    headers = (words["requirement"], *table.jurisdictions)
    return Table(headers, tuple(rows), tuple(notes), footnotes.all())


def render_assessment(
    dataset: Dataset, table: AssessmentTable, fmt: str = "github", lang: str = "en", width: int | None = None
) -> str:
    """The assessment in `fmt` (a table format, csv, tsv or json); a grid or simple table wrapped to `width`
    display columns when given."""
    if fmt == "json":
        return assessment_json(dataset, table, lang)
    if fmt in ("csv", "tsv"):
        plain = assessment_table(dataset, table, lang, footnoted=False)
        return render(Table(plain.headers, plain.rows), fmt)
    return render(assessment_table(dataset, table, lang), fmt, width)


def _ground_json(ground: Ground) -> dict[str, Any]:
    return {
        "provision_id": ground.provision.id,
        "article": ground.provision.article,
        "liability": ground.provision.liability.value,
        "version": _version_ref(ground.version),
        "tier": list(ground.tier.factors) if ground.tier else None,
        "needs_fact": ground.needs,
        "penalty": penalty_json(ground.penalty),
        "sources": [source_json(source) for source in ground.version.sources],
    }


def _finding_json(dataset: Dataset, finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "verdict": finding.verdict.value,
        "reason": finding.reason.value if finding.reason else None,
        "case": (
            {
                "conduct": finding.case.conduct,
                "facts": sorted(finding.case.facts),
                "text": describe_case(dataset, finding.case, lang),
            }
            if finding.case is not None
            else None
        ),
        "aggravation": finding.aggravation,
        "answer_status": finding.status.value if finding.status else None,
        "grounds": [_ground_json(ground) for ground in finding.grounds],
        "questions": list(finding.questions),
    }


def _requirement_json(requirement: Requirement) -> dict[str, Any]:
    floor = requirement.floor
    return {
        "id": requirement.id,
        "article": requirement.article,
        "heading": requirement.heading.best() if requirement.heading else None,
        "kind": requirement.kind.value,
        "summary": requirement.summary,
        "cases": [{"conduct": case.conduct, "facts": list(case.facts)} for case in requirement.cases],
        "floor": ({"max_at_least_months": int(floor.max_at_least.months), "article": floor.article} if floor else None),
        "conditions": [
            {"text": c.en, "may_match": list(c.may_match), "question": c.question} for c in requirement.conditions
        ],
        "aggravations": list(requirement.aggravations),
        "unmodelled": [{"text": part.en, "question": part.question} for part in requirement.unmodelled],
        "status": requirement.status.value,
        "verified_on": requirement.verified_on.isoformat(),
        "note": requirement.note,
        "sources": [source_json(source) for source in requirement.sources],
    }


def _standard_json(standard: Standard) -> dict[str, Any]:
    return {
        "id": standard.id,
        "reference": standard.reference,
        "title": standard.title.best(),
        "official_url": standard.official_url,
        "binds": list(standard.binds),
        "adopted_on": standard.adopted_on.isoformat(),
        "in_force_on": standard.in_force_on.isoformat(),
        "transposition_deadline": (
            standard.transposition_deadline.isoformat() if standard.transposition_deadline else None
        ),
        "status": standard.status.value,
        "verified_on": standard.verified_on.isoformat(),
        "note": standard.note,
        "sources": [source_json(source) for source in standard.sources],
    }


def assessment_json(dataset: Dataset, table: AssessmentTable, lang: str = "en") -> str:
    """Every verdict with its findings, the provision versions they rest on (penalties, sources) and questions."""
    questions = _Questions()
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            cells.append(
                {
                    "jurisdiction": cell.jurisdiction,
                    "verdict": cell.verdict.value,
                    "as_if": cell.as_if,
                    "reasons": [reason.value for reason in cell.reasons],
                    "text": describe_assessment(dataset, cell, questions, lang),
                    "findings": [_finding_json(dataset, finding, lang) for finding in cell.findings],
                    "questions": list(cell.questions),
                }
            )
        rows.append({"requirement": _requirement_json(row.requirement), "cells": cells})
    document = {
        "metadata": {
            "policykit_version": __version__,
            "as_of": table.on.isoformat(),
            "standard": _standard_json(table.standard),
            "assessed_as_if": list(table.as_if),
            "data_verified_on": {code: date.isoformat() if date else None for code, date in table.verified_on},
            "questions": {f"Q{number}": question for question, number in questions.numbers.items()},
            "language": lang,
        },
        "rows": rows,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- since when ---------------------------------------------------------------------------------------------------


def _history_text(found: RequirementHistory, standard: Standard, until_text: str, lang: str) -> str:
    words = _words(lang)
    steps = " → ".join(f"{format_day(p.start, lang)} {words[p.verdict.value].lower()}" for p in found.periods)
    since = found.meets_since
    deadline = standard.transposition_deadline
    if since is not None:
        summary = words["since"].format(verdict=words["meets"], date=format_day(since, lang))
        if deadline is not None:
            summary += f", {words['before_deadline'] if since <= deadline else words['after_deadline']}"
    elif found.periods:
        last = found.periods[-1]
        summary = words["since"].format(verdict=words[last.verdict.value], date=format_day(last.start, lang))
    else:
        summary = words["no_data"].format(date=until_text)
    return f"{summary} ({steps})"


def history_table(
    dataset: Dataset, standard: Standard, found: list[RequirementHistory], until: dt.date, lang: str = "en"
) -> Table:
    """For each requirement (rows) and jurisdiction (columns): since when it meets it, and every change."""
    words = _words(lang)
    codes = tuple(dict.fromkeys(item.jurisdiction for item in found))
    by_requirement: dict[str, dict[str, RequirementHistory]] = {}
    for item in found:
        by_requirement.setdefault(item.requirement.id, {})[item.jurisdiction] = item
    until_text = format_day(until, lang)
    rows = []
    for requirement in standard.requirements:
        cells = by_requirement.get(requirement.id, {})
        rows.append(
            (
                requirement_label(requirement, lang),
                *(_history_text(cells[code], standard, until_text, lang) for code in codes),
            )
        )
    starts = ", ".join(f"{code} {format_day(dataset.jurisdictions[code].coverage_from, lang)}" for code in codes)
    notes = (
        *_standard_lines(standard, codes, lang),
        labels(lang)["as_of"].format(date=until_text),
        words["history_note"].format(dates=starts),
    )
    return Table((words["requirement"], *codes), tuple(rows), notes)


def render_history(
    dataset: Dataset,
    standard: Standard,
    found: list[RequirementHistory],
    until: dt.date,
    fmt: str = "github",
    lang: str = "en",
    width: int | None = None,
) -> str:
    """The timeline of verdicts in `fmt` (JSON: one record per requirement and jurisdiction)."""
    if fmt == "json":
        records = [
            {
                "requirement": item.requirement.id,
                "article": item.requirement.article,
                "jurisdiction": item.jurisdiction,
                "meets_since": item.meets_since.isoformat() if item.meets_since else None,
                "before_deadline": (
                    item.meets_since <= standard.transposition_deadline
                    if item.meets_since is not None and standard.transposition_deadline is not None
                    else None
                ),
                "periods": [
                    {
                        "from": period.start.isoformat(),
                        "to": period.end.isoformat() if period.end else None,
                        "verdict": period.verdict.value,
                    }
                    for period in item.periods
                ],
            }
            for item in found
        ]
        document = {
            "metadata": {
                "policykit_version": __version__,
                "until": until.isoformat(),
                "standard": _standard_json(standard),
            },
            "history": records,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    table = history_table(dataset, standard, found, until, lang)
    return render(Table(table.headers, table.rows) if fmt in ("csv", "tsv") else table, fmt, width)


__all__ = [
    "assessment_json",
    "assessment_table",
    "describe_assessment",
    "history_table",
    "render_assessment",
    "render_history",
    "requirement_label",
]
