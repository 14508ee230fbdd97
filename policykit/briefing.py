"""Advocacy briefings as data: findings computed from the law applied to a case, the comparison table, chart
series, a timeline and one numbered list of references for the whole document.

Every finding is computed here from `policykit.apply` and `policykit.history.timeline`, never written by hand, and
keeps the provision versions it rests on (`rests_on`), so a test can check it against the data. The sentences are
worded from gettext catalogs (`policykit/locale`); laying the briefing out as Markdown or HTML is
`policykit.briefing_output`'s job.

References are numbered once for the whole document: official texts first, then official translations, then
secondary sources, then the data's own coverage statements, each group in order of first use.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from policykit._gettext import translator
from policykit.applying import Answer, Applicable, _apply, severity
from policykit.cases import Case, make_case
from policykit.comparison import Comparison, TierMode, compare
from policykit.errors import UnknownIdError
from policykit.history import Change, ChangeKind, timeline
from policykit.model import (
    CoverageStatement,
    CoverageStatus,
    Dataset,
    Event,
    FactorKind,
    Liability,
    Source,
    SourceKind,
    Status,
    Version,
)
from policykit.queries import DateLike, as_date, check_jurisdiction, events_of, warn_if_stale
from policykit.rendering import (
    UNVERIFIED_MARK,
    brief_penalty,
    cite,
    describe_case,
    describe_cell,
    describe_penalty,
    factor_name,
    format_day,
    labels,
    name_in,
    original_language,
    text_in,
    vocabulary_text,
)

if TYPE_CHECKING:
    from policykit.assessing import AssessmentTable

__all__ = [
    "AnswerFinding",
    "AssessmentSection",
    "Briefing",
    "CaseBar",
    "CriminalisationFinding",
    "Criminalised",
    "EventFinding",
    "Finding",
    "GapFinding",
    "Reference",
    "StepPoint",
    "StepSeries",
    "TableCell",
    "TableRow",
    "TimelineEntry",
    "build",
]

#: Conducts whose criminalisation (and since when) a briefing always reports, whatever its case.
TRACKED_CONDUCTS = ("possession_viewing", "deepfake_distribution")
#: How long after an event's start a briefing looks for changes to the law.
EVENT_WINDOW_YEARS = 2
#: How many single added facts the comparison table shows besides the case itself.
AGGRAVATING_ROWS = 3
_RAISES_SHOWN = 3  # as many as `describe_cell` words, so every reference in a cell is for something it names


@attrs.frozen
class Reference:
    """One entry of the briefing's reference list: a source, or a coverage statement of the data."""

    number: int
    jurisdiction: str
    source: Source | None = None
    statement: CoverageStatement | None = None


@attrs.frozen
class AnswerFinding:
    """What one jurisdiction's law does to the case: liability class and the most severe penalty."""

    jurisdiction: str
    answer: Answer
    sentence: str
    references: tuple[int, ...]
    rests_on: tuple[Version, ...]


@attrs.frozen
class GapFinding:
    """The heaviest and the lightest answers among the jurisdictions (fines aside: currencies differ)."""

    heaviest: tuple[str, ...]
    lightest: tuple[str, ...]
    sentence: str
    references: tuple[int, ...]
    rests_on: tuple[Version, ...]


@attrs.frozen
class Criminalised:
    """A jurisdiction whose law makes a conduct's plain case a crime on the briefing's date, and since when."""

    jurisdiction: str
    applied: Applicable
    since: dt.date
    since_data_begins: bool
    """True when it was already a crime when the data begins (`since` is then that date)."""
    first: Applicable
    """The provision version that made it a crime on `since`."""


@attrs.frozen
class CriminalisationFinding:
    """Which jurisdictions make a conduct's plain case a crime, since when; and the status of the others."""

    conduct: str
    criminal: tuple[Criminalised, ...]
    other: tuple[tuple[str, CoverageStatus], ...]
    sentence: str
    references: tuple[int, ...]
    rests_on: tuple[Version, ...]


@attrs.frozen
class EventFinding:
    """What changed in the law of the event's jurisdiction, for the case's conduct, within two years of it."""

    event: Event
    window_end: dt.date
    changes: tuple[Change, ...]
    sentence: str
    references: tuple[int, ...]
    rests_on: tuple[Version, ...]


Finding = AnswerFinding | GapFinding | CriminalisationFinding | EventFinding


@attrs.frozen
class TableCell:
    text: str
    references: tuple[int, ...]


@attrs.frozen
class TableRow:
    label: str
    added_fact: str | None
    cells: tuple[TableCell, ...]


class PointKind(enum.Enum):
    """What the height of a chart point measures."""

    NONE = "none"  # no custodial sanction applies (civil, not covered, unknown, a fine only)
    IMPRISONMENT = "imprisonment"  # the maximum term of imprisonment, in months
    OPEN_ENDED = "open_ended"  # "at least N years" with no stated maximum: the minimum, in months
    LIFE = "life"  # life imprisonment
    DETENTION = "detention"  # administrative detention, in days (not imprisonment)


@attrs.frozen
class StepPoint:
    """From `on`, the case's most severe custodial sanction in one jurisdiction."""

    on: dt.date
    kind: PointKind
    months: float
    """Imprisonment in months (the minimum when open-ended); 0 for detention, life and none."""
    days: int = 0
    """Administrative detention in days."""


@attrs.frozen
class StepSeries:
    jurisdiction: str
    points: tuple[StepPoint, ...]


@attrs.frozen
class CaseBar:
    """The case's most severe custodial sanction in one jurisdiction on the briefing's date."""

    jurisdiction: str
    point: StepPoint
    label: str


@attrs.frozen
class TimelineEntry:
    on: dt.date
    jurisdiction: str
    text: str
    change: Change | None
    event: Event | None
    references: tuple[int, ...]


@attrs.frozen
class AssessmentSection:
    """The briefing's jurisdictions measured against a standard (`policykit.assess`), worded as a table: one row
    per requirement (its label cites the standard's article), one column per jurisdiction."""

    table: AssessmentTable
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    notes: tuple[str, ...]
    """What the standard is, who it binds and who is measured as if it applied; then the open questions."""


@attrs.frozen
class Briefing:
    """A briefing as data: build one with `build`; lay it out with `policykit.briefing_output`."""

    lang: str
    title: str
    on: dt.date
    case: Case
    case_name: str
    case_description: str
    jurisdictions: tuple[str, ...]
    jurisdiction_names: tuple[tuple[str, str], ...]
    verified_on: tuple[tuple[str, dt.date | None], ...]
    unverified: tuple[Version, ...]
    """Versions with an unverified figure that the briefing uses (a visible note names them)."""
    findings: tuple[Finding, ...]
    comparison: Comparison
    table_headers: tuple[str, ...]
    table_rows: tuple[TableRow, ...]
    table_notes: tuple[str, ...]
    steps: tuple[StepSeries, ...]
    bars: tuple[CaseBar, ...]
    events: tuple[Event, ...]
    timeline: tuple[TimelineEntry, ...]
    references: tuple[Reference, ...]
    sources_command: str
    """The command that lists every source the data holds for the provisions cited (the briefing cites fewer)."""
    foreign: tuple[tuple[str, str], ...] = ()
    """Data texts shown alone (names, row labels) that are not in the briefing's language, with the BCP 47 tag of
    the language they are in: HTML marks them with `lang` attributes."""
    assessment: AssessmentSection | None = None

    @property
    def is_stale(self) -> bool:
        return any(date is not None and self.on > date for _, date in self.verified_on)


class _Citations:
    """Collects what the document cites in order of first use; numbers it once everything is known."""

    def __init__(self) -> None:
        self.order: dict[Source | CoverageStatement, str] = {}
        """Each item cited, in order of first use, with the jurisdiction it was first cited for."""
        self.numbers: dict[Source | CoverageStatement, int] = {}

    def add(self, jurisdiction: str, items: Iterable[Source | CoverageStatement]) -> None:
        for item in items:
            self.order.setdefault(item, jurisdiction)

    def number(self) -> tuple[Reference, ...]:
        keys = list(self.order.items())
        ranked = sorted(range(len(keys)), key=lambda index: (_rank(keys[index][0]), index))
        references = []
        for number, index in enumerate(ranked, start=1):
            item, code = keys[index]
            self.numbers[item] = number
            if isinstance(item, Source):
                references.append(Reference(number, code, source=item))
            else:
                references.append(Reference(number, code, statement=item))
        return tuple(references)

    def of(self, items: Iterable[Source | CoverageStatement]) -> tuple[int, ...]:
        return tuple(sorted({self.numbers[item] for item in items}))


def _rank(item: Source | CoverageStatement) -> int:
    if isinstance(item, CoverageStatement):
        return 3
    return {SourceKind.OFFICIAL_TEXT: 0, SourceKind.OFFICIAL_TRANSLATION: 1, SourceKind.SECONDARY: 2}[item.kind]


def cited_sources(sources: Sequence[Source]) -> tuple[Source, ...]:
    """The one source a briefing cites for a provision version (or an event): the first official text the data
    lists for it, else its first official translation, else its first secondary source.

    A briefing is two to four pages: every source the data holds would fill them (93 for China, Korea and France on
    the MaskPark case). The official text is what a reader checks a figure against; the other sources stay in the
    data export that the briefing names at the end of its references (`Briefing.sources_command`).

    >>> import policykit
    >>> data = policykit.load()
    >>> version = data.provisions["fr/code-penal/art_226-2-1"].versions[-1]
    >>> len(version.sources) > 1, [source.kind.value for source in cited_sources(version.sources)]
    (True, ['official_text'])
    """
    for kind in (SourceKind.OFFICIAL_TEXT, SourceKind.OFFICIAL_TRANSLATION, SourceKind.SECONDARY):
        for source in sources:
            if source.kind is kind:
                return (source,)
    return ()


def _event_sources(event: Event) -> tuple[Source, ...]:
    """An event is context, not law; each of its facts is cited by one source, as a version is."""
    return tuple(dict.fromkeys(source for fact in event.facts for source in cited_sources(fact.sources)))


def _answer_items(answer: Answer) -> list[Source | CoverageStatement]:
    """What a table cell or an answer finding cites: the versions it names, or the coverage statement."""
    items: list[Source | CoverageStatement] = []
    if answer.most_severe is not None:
        items.extend(cited_sources(answer.most_severe.version.sources))
    elif answer.statement is not None:
        items.append(answer.statement)
    for found in answer.increases:
        items.extend(cited_sources(found.version.sources))
    for raised in answer.raises[:_RAISES_SHOWN]:
        items.extend(cited_sources(raised.version.sources))
    return items


def resolve_case(dataset: Dataset, case: str | Case) -> tuple[Case, str | None]:
    """A `Case`, or a named case id from the vocabulary (`maskpark`) made into one; with the name's id."""
    if isinstance(case, Case):
        return case, None
    named = dataset.cases.get(case)
    if named is None:
        raise UnknownIdError("case", case, dataset.cases)
    quantities = {measure.value: amount for measure, amount in named.quantities}
    return make_case(dataset, named.conduct, named.facts, quantities), named.id


def build(
    dataset: Dataset,
    jurisdictions: Sequence[str] | None,
    case: str | Case,
    on: DateLike,
    lang: str = "en",
    standard: str | None = None,
) -> Briefing:
    """A briefing on `case` (a named case id such as `maskpark`, or a `Case`) in `jurisdictions` (default: all)
    on `on`, worded in `lang` (`en`, `fr`, `zh`, `ko`); with `standard` (a standard's id, such as `eu-2024-1385`),
    a section measures the jurisdictions against it (`policykit.assess`).

    >>> import policykit
    >>> from policykit.briefing import build
    >>> briefing = build(policykit.load(), ["FR", "KR"], "maskpark", "2026-11-21")
    >>> [finding.jurisdiction for finding in briefing.findings[:2]]
    ['FR', 'KR']
    >>> briefing.findings[0].answer.most_severe.provision.article
    '226-2-1'
    """
    _ = translator(lang)
    day = as_date(on)
    codes = (
        tuple(dict.fromkeys(check_jurisdiction(dataset, code) for code in jurisdictions))
        if jurisdictions
        else tuple(sorted(dataset.jurisdictions))
    )
    resolved, named_id = resolve_case(dataset, case)
    for code in codes:
        warn_if_stale(dataset, day, code)
    citations = _Citations()
    conduct = dataset.conducts[resolved.conduct]

    # Data first (in document order, so references number in order of first use); words once numbered.
    answers = {code: _apply(dataset, code, resolved, day) for code in codes}
    for code in codes:
        citations.add(code, _answer_items(answers[code]))
    gap = _gap(answers)
    tracked = [
        (tracked_conduct, _criminalisation(dataset, codes, tracked_conduct, day))
        for tracked_conduct in TRACKED_CONDUCTS
        if tracked_conduct in dataset.conducts
    ]
    for _conduct, (criminal, _other) in tracked:
        for found in criminal:
            citations.add(found.jurisdiction, cited_sources(found.first.version.sources))
            citations.add(found.jurisdiction, cited_sources(found.applied.version.sources))
    events = tuple(event for code in codes for event in events_of(dataset, code) if event.started_on <= day)
    windows = [(event, _event_changes(dataset, event, resolved.conduct, day)) for event in events]
    for event, (_end, changes) in windows:
        citations.add(event.jurisdiction, _event_sources(event))
        for change in changes:
            if change.after is not None:
                citations.add(event.jurisdiction, cited_sources(change.after.sources))
    table = _comparison(dataset, codes, resolved, day)
    for row in table.rows:
        for cell in row.cells:
            citations.add(cell.jurisdiction, _answer_items(cell.answer))
    assessed = _assess(dataset, standard, codes, day) if standard is not None else None
    if assessed is not None:
        for assessed_row in assessed.rows:
            citations.add(assessed.standard.id, cited_sources(assessed_row.requirement.sources))
            for assessment in assessed_row.cells:
                for ground in assessment.grounds:
                    citations.add(assessment.jurisdiction, cited_sources(ground.version.sources))
    history = _timeline_changes(dataset, codes, resolved.conduct, day)
    for code, change in history:
        version = change.after or change.before
        if version is not None:
            citations.add(code, cited_sources(version.sources))
    references = citations.number()

    named = {
        code: text_in(dataset.jurisdictions[code].name, lang, original_language(dataset, f"{code.lower()}/"))
        for code in codes
    }
    names = {code: text for code, (text, _tag) in named.items()}
    foreign = [found for found in named.values() if _is_foreign(found[1], lang)]
    findings: list[Finding] = []
    for code in codes:
        findings.append(_answer_finding(dataset, answers[code], names[code], citations, lang))
    if gap is not None:
        findings.append(_gap_finding(dataset, answers, gap, names, citations, lang))
    for tracked_conduct, (criminal, other) in tracked:
        findings.append(_criminalisation_finding(dataset, tracked_conduct, criminal, other, names, citations, lang))
    for event, (end, event_changes) in windows:
        findings.append(_event_finding(dataset, event, end, event_changes, resolved, names, citations, lang))

    words = labels(lang)
    rows: list[TableRow] = []
    for row in table.rows:
        label, tag = text_in(conduct, lang)
        if row.added_fact is not None:
            label = f"+ {factor_name(dataset, row.added_fact, lang)}"
            tag = text_in(dataset.factors[row.added_fact], lang)[1]
        if _is_foreign(tag, lang):
            foreign.append((label, tag))
        cells = tuple(
            TableCell(
                typeset(describe_cell(dataset, cell, lang, _RAISES_SHOWN), lang),
                citations.of(_answer_items(cell.answer)),
            )
            for cell in row.cells
        )
        if rows:  # an added fact that changes nothing: said in three words rather than the case's answer again
            cells = tuple(
                TableCell(_("Same as the case"), ()) if cell.text == first.text else cell
                for cell, first in zip(cells, rows[0].cells, strict=True)
            )
        rows.append(TableRow(label, row.added_fact, cells))
    headers = (_("Case"), *(names[code] for code in codes))
    table_notes = [words["as_of"].format(date=_day(day, lang))]
    if any(row.added_fact is not None for row in table.rows):
        table_notes.append(_("A row that starts with + adds that one fact to the case."))
    if any(cell.text == _("Same as the case") for row in rows[1:] for cell in row.cells):
        table_notes.append(
            typeset(_("“Same as the case”: adding that fact does not change the jurisdiction's answer."), lang)
        )
    if any(UNVERIFIED_MARK in cell.text for row in rows for cell in row.cells):
        table_notes.append(typeset(words["unverified_note"], lang))

    entries: list[TimelineEntry] = []
    for event in events:
        sources = _event_sources(event)
        text = _("{name} (event, context and not law): {summary}").format(
            name=name_in(dataset, event.name, event.jurisdiction, lang), summary=_first_sentence(event.summary)
        )
        entries.append(TimelineEntry(event.started_on, event.jurisdiction, text, None, event, citations.of(sources)))
    for code, change in history:
        version = change.after or change.before
        kind = words[f"change_{change.kind.value}"]
        penalty = change.after.penalty if change.after is not None else None
        text = f"{cite(dataset, dataset.provisions[change.provision_id], lang)}{words['colon']}{kind}"
        if penalty is not None and change.kind is not ChangeKind.REPEALED:
            text += f" ({describe_penalty(penalty, lang)})"
        refs = citations.of(cited_sources(version.sources)) if version is not None else ()
        entries.append(TimelineEntry(change.on, code, typeset(text, lang), change, None, refs))
    entries.sort(key=lambda entry: (entry.on, entry.change is not None, entry.jurisdiction))

    used = [version for finding in findings for version in finding.rests_on]
    for row in table.rows:
        for cell in row.cells:
            used.extend(found.version for found in cell.answer.applicable[:1])
            used.extend(raised.version for raised in cell.answer.raises[:_RAISES_SHOWN])
    unverified = tuple(dict.fromkeys(version for version in used if version.status is Status.UNVERIFIED))
    case_name, case_tag = text_in(dataset.cases[named_id] if named_id is not None else conduct, lang)
    if _is_foreign(case_tag, lang):
        foreign.append((case_name, case_tag))
    return Briefing(
        lang=lang,
        title=_("Briefing: {case}").format(case=case_name),
        on=day,
        case=resolved,
        case_name=case_name,
        case_description=describe_case(dataset, resolved, lang),
        jurisdictions=codes,
        jurisdiction_names=tuple(names.items()),
        verified_on=tuple((code, dataset.verified_on(code)) for code in codes),
        unverified=unverified,
        findings=tuple(findings),
        comparison=table,
        table_headers=headers,
        table_rows=tuple(rows),
        table_notes=tuple(table_notes),
        steps=tuple(_steps(dataset, code, resolved, day) for code in codes),
        bars=tuple(_bar(code, answers[code], lang) for code in codes),
        events=events,
        timeline=tuple(entries),
        references=references,
        foreign=tuple(dict.fromkeys(foreign)),
        sources_command=_sources_command(dataset, codes, resolved),
        assessment=_assessment_section(dataset, assessed, names, citations, lang) if assessed is not None else None,
    )


def _sources_command(dataset: Dataset, codes: Sequence[str], case: Case) -> str:
    """`policykit export records` for the briefing's jurisdictions and conducts: every version, every source."""
    conducts = dict.fromkeys([case.conduct, *(conduct for conduct in TRACKED_CONDUCTS if conduct in dataset.conducts)])
    options = [f"--jurisdiction {code}" for code in codes] + [f"--conduct {conduct}" for conduct in conducts]
    return " ".join(["policykit export records", *options])


def _assess(dataset: Dataset, standard: str, codes: Sequence[str], on: dt.date) -> AssessmentTable:
    import warnings

    from policykit.assessing import assess
    from policykit.errors import StaleDataWarning

    with warnings.catch_warnings():  # `build` has already warned once per jurisdiction
        warnings.simplefilter("ignore", StaleDataWarning)
        return assess(dataset, standard, codes, on)


def _assessment_section(
    dataset: Dataset, table: AssessmentTable, names: dict[str, str], citations: _Citations, lang: str
) -> AssessmentSection:
    """The assessment's cells worded by `policykit.standard_reports`, with the briefing's reference numbers."""
    from policykit.standard_reports import _Questions, _standard_lines, describe_assessment, requirement_label

    _ = translator(lang)
    questions = _Questions()
    rows = []
    for row in table.rows:
        label = requirement_label(row.requirement, lang) + _marks(citations.of(cited_sources(row.requirement.sources)))
        cells = tuple(
            TableCell(
                typeset(describe_assessment(dataset, cell, questions, lang), lang),
                citations.of([source for ground in cell.grounds for source in cited_sources(ground.version.sources)]),
            )
            for cell in row.cells
        )
        rows.append(TableRow(typeset(label, lang), None, cells))
    notes = [typeset(line, lang) for line in _standard_lines(table.standard, table.jurisdictions, lang)]
    notes.extend(typeset(line, lang) for line in questions.lines())
    headers = (_("Requirement"), *(names[code] for code in table.jurisdictions))
    return AssessmentSection(table, headers, tuple(rows), tuple(notes))


# -- computing the findings ---------------------------------------------------------------------------------


def _weight(answer: Answer) -> tuple[object, ...]:
    """How heavy an answer is across jurisdictions: `severity` without the fine (amounts are in different
    currencies); nothing applies (not covered) is below a civil remedy."""
    best = answer.most_severe
    if best is None:
        return (-1,)
    return severity(best.provision.liability, best.penalty)[:6]


def _gap(answers: dict[str, Answer]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The heaviest and lightest jurisdictions (ties kept); None with fewer than two known answers."""
    known = {code: answer for code, answer in answers.items() if answer.status is not CoverageStatus.UNKNOWN}
    if len(known) < 2:
        return None
    weights = {code: _weight(answer) for code, answer in known.items()}
    top, bottom = max(weights.values()), min(weights.values())
    heaviest = tuple(code for code, weight in weights.items() if weight == top)
    lightest = tuple(code for code, weight in weights.items() if weight == bottom)
    return heaviest, lightest


def _criminalisation(
    dataset: Dataset, codes: Sequence[str], conduct: str, on: dt.date
) -> tuple[list[Criminalised], list[tuple[str, CoverageStatus]]]:
    """Where the conduct's plain case is a crime on `on`, and since when: the start of the unbroken run of
    criminal answers that reaches `on`, evaluated at every date the timeline changes a provision covering it."""
    case = make_case(dataset, conduct)
    criminal: list[Criminalised] = []
    other: list[tuple[str, CoverageStatus]] = []
    for code in codes:
        answer = _apply(dataset, code, case, on)
        best = answer.most_severe
        if best is None or best.provision.liability is not Liability.CRIMINAL:
            other.append((code, answer.status))
            continue
        start = dataset.jurisdictions[code].coverage_from
        dates = sorted({start, *(change.on for change in timeline(dataset, code, [conduct], end=on))})
        dates = [date for date in dates if start <= date <= on]
        since, first = on, best
        for date in reversed(dates):
            found = _apply(dataset, code, case, date).most_severe
            if found is None or found.provision.liability is not Liability.CRIMINAL:
                break
            since, first = date, found
        criminal.append(Criminalised(code, best, since, since == start, first))
    return criminal, other


def _event_changes(dataset: Dataset, event: Event, conduct: str, on: dt.date) -> tuple[dt.date, list[Change]]:
    start = event.started_on
    try:
        end = start.replace(year=start.year + EVENT_WINDOW_YEARS)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + EVENT_WINDOW_YEARS, day=28)
    end = min(end, on)
    changes = [
        change
        for change in timeline(dataset, event.jurisdiction, [conduct], start=start, end=end)
        if change.kind is not ChangeKind.FIRST_CODED
    ]
    return end, changes


def _comparison(dataset: Dataset, codes: Sequence[str], case: Case, on: dt.date) -> Comparison:
    """The case, then at most `AGGRAVATING_ROWS` rows that each add one aggravating fact that changes an answer."""
    quantities = {measure.value: amount for measure, amount in case.quantities}
    full = compare(
        dataset, [case.conduct], codes, on, TierMode.ALL, facts=case.added, quantities=quantities, without=case.removed
    )
    kept = [full.rows[0]]
    for row in full.rows[1:]:
        factor = dataset.factors.get(row.added_fact or "")
        if factor is not None and factor.kind is FactorKind.AGGRAVATING and len(kept) <= AGGRAVATING_ROWS:
            kept.append(row)
    return attrs.evolve(full, rows=tuple(kept))


def _timeline_changes(dataset: Dataset, codes: Sequence[str], conduct: str, on: dt.date) -> list[tuple[str, Change]]:
    """The changes that moved a penalty or a provision in or out, up to `on` (amendments of other terms are in
    `policykit timeline`)."""
    kinds = {ChangeKind.ENACTED, ChangeKind.RENUMBERED, ChangeKind.RAISED, ChangeKind.LOWERED, ChangeKind.REPEALED}
    return [
        (code, change)
        for code in codes
        for change in timeline(dataset, code, [conduct], end=on)
        if change.kind in kinds
    ]


def _point(on: dt.date, answer: Answer) -> StepPoint:
    best = answer.most_severe
    penalty = best.penalty if best is not None else None
    if penalty is None:
        return StepPoint(on, PointKind.NONE, 0.0)
    if penalty.life_imprisonment:
        return StepPoint(on, PointKind.LIFE, 0.0)
    if penalty.imprisonment is not None:
        if penalty.imprisonment.max is not None:
            return StepPoint(on, PointKind.IMPRISONMENT, float(penalty.imprisonment.max.months))
        assert penalty.imprisonment.min is not None  # a term range has one end at least
        return StepPoint(on, PointKind.OPEN_ENDED, float(penalty.imprisonment.min.months))
    detention = penalty.administrative_detention
    if detention is not None and detention.max is not None:
        return StepPoint(on, PointKind.DETENTION, 0.0, detention.max.days)
    return StepPoint(on, PointKind.NONE, 0.0)


def _steps(dataset: Dataset, code: str, case: Case, on: dt.date) -> StepSeries:
    """The case's most severe custodial sanction at the start of the data and at every change up to `on`."""
    start = dataset.jurisdictions[code].coverage_from
    dates = sorted({start, *(change.on for change in timeline(dataset, code, [case.conduct], end=on))})
    points: list[StepPoint] = []
    for date in dates:
        if date < start:
            continue
        point = _point(date, _apply(dataset, code, case, date))
        if not points or (point.kind, point.months, point.days) != (
            points[-1].kind,
            points[-1].months,
            points[-1].days,
        ):
            points.append(point)
    return StepSeries(code, tuple(points))


def _bar(code: str, answer: Answer, lang: str) -> CaseBar:
    best = answer.most_severe
    label = brief_penalty(best.penalty, lang) if best is not None else labels(lang)[answer.status.value]
    return CaseBar(code, _point(answer.on, answer), label)


# -- wording ------------------------------------------------------------------------------------------------


def _day(day: dt.date, lang: str) -> str:
    """A date as the catalog of `lang` writes it (`policykit.rendering.format_day`)."""
    return format_day(day, lang)


#: Languages whose typography spaces some punctuation off (French: before `:`, `;`, `!`, `?` and inside guillemets).
_SPACED_PUNCTUATION = ("fr",)
_FRENCH_SPACE = re.compile(r" ([:;!?»])|(«) |(?<=[^\s\u00a0\u202f]);(?= )")


def typeset(text: str, lang: str) -> str:
    """French typography for text worded elsewhere (the comparison's labels): a non-breaking space before a colon
    and inside guillemets, a narrow one before `;`, `!` and `?` (and before a semicolon written with no space).

    >>> typeset("art. 50(1)(6)); plus lourd si : 3 ans", "fr") == "art. 50(1)(6))\u202f; plus lourd si\u00a0: 3 ans"
    True
    """
    if lang not in _SPACED_PUNCTUATION:
        return text

    def space(found: re.Match[str]) -> str:
        if found[2]:
            return "«\u00a0"
        if found[1] is None:  # a semicolon written without a space before it ("(6)); plus lourd")
            return "\u202f;"
        return ("\u00a0" if found[1] in ":»" else "\u202f") + found[1]

    return _FRENCH_SPACE.sub(space, text)


def _semicolon(lang: str) -> str:
    """A list separator: French puts a narrow non-breaking space before the semicolon; Chinese a full-width one."""
    return labels(lang)["semicolon"]


def _is_foreign(tag: str, lang: str) -> bool:
    """Whether a data text in language `tag` (BCP 47) is in another language than the briefing's (`zh` data is
    Chinese in a `zh-Hans` briefing)."""
    return tag.split("-")[0] != lang


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    head, dot, _rest = text.partition(". ")
    return head + "." if dot else text


def _status_words(status: CoverageStatus, gettext: Callable[[str], str]) -> str:
    _ = gettext
    return {
        CoverageStatus.SPECIFIC_OFFENCE: _("a specific criminal offence"),
        CoverageStatus.GENERAL_OFFENCE: _("a general criminal offence"),
        CoverageStatus.ADMINISTRATIVE_SANCTION: _("an administrative matter"),
        CoverageStatus.CIVIL_REMEDY: _("a civil matter only"),
        CoverageStatus.NOT_COVERED: _("not covered"),
        CoverageStatus.UNKNOWN: _("unknown in the data"),
    }[status]


def _marks(numbers: Sequence[int]) -> str:
    return f" [{', '.join(str(number) for number in numbers)}]" if numbers else ""


def _answer_finding(dataset: Dataset, answer: Answer, name: str, citations: _Citations, lang: str) -> AnswerFinding:
    _ = translator(lang)
    best = answer.most_severe
    status = _status_words(answer.status, _)
    if best is None:
        items: list[Source | CoverageStatement] = [answer.statement] if answer.statement is not None else []
        numbers = citations.of(items)
        sentence = _("{name}: the case is {status} on {date}.").format(
            name=name, status=status, date=_day(answer.on, lang)
        )
        return AnswerFinding(answer.jurisdiction, answer, sentence[:-1] + _marks(numbers) + sentence[-1], numbers, ())
    numbers = citations.of(cited_sources(best.version.sources))
    penalty = (
        describe_penalty(best.penalty, lang, best.provision.liability)
        if best.penalty is not None
        else labels(lang)["civil_remedy"]
    )
    sentence = _("{name}: the case is {status}; the heaviest penalty that applies is {penalty} ({cite}).").format(
        name=name, status=status, penalty=penalty, cite=cite(dataset, best.provision, lang)
    )
    return AnswerFinding(
        answer.jurisdiction, answer, sentence[:-1] + _marks(numbers) + sentence[-1], numbers, (best.version,)
    )


def _short(dataset: Dataset, answer: Answer, name: str, lang: str) -> str:
    best = answer.most_severe
    if best is None:
        return f"{name} ({_status_words(answer.status, translator(lang))})"
    return f"{name} ({brief_penalty(best.penalty, lang)}, {cite(dataset, best.provision, lang)})"


def _gap_finding(
    dataset: Dataset,
    answers: dict[str, Answer],
    gap: tuple[tuple[str, ...], tuple[str, ...]],
    names: dict[str, str],
    citations: _Citations,
    lang: str,
) -> GapFinding:
    _ = translator(lang)
    heaviest, lightest = gap
    both = [answers[code].most_severe for code in (*heaviest, *lightest)]
    versions = tuple(dict.fromkeys(found.version for found in both if found is not None))
    numbers = citations.of(
        [item for code in dict.fromkeys((*heaviest, *lightest)) for item in _answer_items(answers[code])[:1]]
        + [source for version in versions for source in cited_sources(version.sources)]
    )
    if heaviest == lightest:
        sentence = _("All the jurisdictions compared give the case an answer of the same weight: {answers}.").format(
            answers=_semicolon(lang).join(_short(dataset, answers[code], names[code], lang) for code in heaviest)
        )
    else:
        sentence = _("The heaviest answer to the case is {heaviest}; the lightest is {lightest}.").format(
            heaviest=_semicolon(lang).join(_short(dataset, answers[code], names[code], lang) for code in heaviest),
            lightest=_semicolon(lang).join(_short(dataset, answers[code], names[code], lang) for code in lightest),
        )
    return GapFinding(heaviest, lightest, sentence[:-1] + _marks(numbers) + sentence[-1], numbers, versions)


def _criminalisation_finding(
    dataset: Dataset,
    conduct: str,
    criminal: list[Criminalised],
    other: list[tuple[str, CoverageStatus]],
    names: dict[str, str],
    citations: _Citations,
    lang: str,
) -> CriminalisationFinding:
    _ = translator(lang)
    known = dataset.conducts[conduct]
    conduct_name = vocabulary_text(known, lang)
    parts = []
    for found in criminal:
        numbers = citations.of(
            [*cited_sources(found.first.version.sources), *cited_sources(found.applied.version.sources)]
        )
        since = (
            _("already when the data begins, {date}").format(date=_day(found.since, lang))
            if found.since_data_begins
            else _("since {date}").format(date=_day(found.since, lang))
        )
        parts.append(
            f"{names[found.jurisdiction]} ({since}, {cite(dataset, found.first.provision, lang)}){_marks(numbers)}"
        )
    rest = ", ".join(f"{names[code]} ({_status_words(status, _)})" for code, status in other)
    if parts and rest:
        sentence = _("{conduct} (plain case) is a crime in {criminal}; it is not in {other}.").format(
            conduct=conduct_name, criminal=_semicolon(lang).join(parts), other=rest
        )
    elif parts:
        sentence = _("{conduct} (plain case) is a crime in every jurisdiction compared: {criminal}.").format(
            conduct=conduct_name, criminal=_semicolon(lang).join(parts)
        )
    else:
        sentence = _("{conduct} (plain case) is a crime in none of the jurisdictions compared: {other}.").format(
            conduct=conduct_name, other=rest
        )
    versions = tuple(dict.fromkeys(v for found in criminal for v in (found.first.version, found.applied.version)))
    numbers_all = citations.of([source for version in versions for source in cited_sources(version.sources)])
    return CriminalisationFinding(conduct, tuple(criminal), tuple(other), sentence, numbers_all, versions)


def _event_finding(
    dataset: Dataset,
    event: Event,
    end: dt.date,
    changes: list[Change],
    case: Case,
    names: dict[str, str],
    citations: _Citations,
    lang: str,
) -> EventFinding:
    _ = translator(lang)
    words = labels(lang)
    known = dataset.conducts[case.conduct]
    conduct_name = vocabulary_text(known, lang).lower()  # inside quotes, mid-sentence
    start = format_day(event.started_on, lang, event.precision)
    versions = tuple(dict.fromkeys(change.after for change in changes if change.after is not None))
    numbers = citations.of([source for version in versions for source in cited_sources(version.sources)])
    if not changes:
        sentence = _(
            "{name}: within two years of the start of the event ({event}, {start}), no provision covering "
            "“{conduct}” changed in the data."
        ).format(
            event=name_in(dataset, event.name, event.jurisdiction, lang),
            start=start,
            name=names[event.jurisdiction],
            conduct=conduct_name,
        )
    else:
        items = ", ".join(
            f"{cite(dataset, dataset.provisions[change.provision_id], lang)} "
            f"({words[f'change_{change.kind.value}']}, {_day(change.on, lang)})"
            for change in changes
        )
        sentence = _(
            "{name}: within two years of the start of the event ({event}, {start}), {count} provisions covering "
            "“{conduct}” changed: {items}."
        ).format(
            event=name_in(dataset, event.name, event.jurisdiction, lang),
            start=start,
            name=names[event.jurisdiction],
            count=len({change.provision_id for change in changes}),
            conduct=conduct_name,
            items=items,
        )
    return EventFinding(event, end, tuple(changes), sentence[:-1] + _marks(numbers) + sentence[-1], numbers, versions)
