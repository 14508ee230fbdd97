"""Standards: benchmarks a jurisdiction's law is measured against (Directive (EU) 2024/1385), read as data.

A standard is a YAML file in `standards/` beside `jurisdictions/` (the file name is its id: `eu-2024-1385`), read
as strictly as the law: unknown keys, wrong types and unknown conduct or fact ids are `file:line:column` problems,
and every requirement carries its article, its sources and the date it was verified. A requirement is stated in
the terms of the case model: the cases it asks a jurisdiction to make criminal (a conduct plus facts of the
vocabulary), the penalty floor, the aggravating facts, and the conditions the data cannot check, each with the
question a lawyer would have to answer. See docs/data-format.md, "Standards"; `policykit.assessing` measures.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from pathlib import Path
from typing import Any

import attrs

from policykit._building import _Builder, _names, _read
from policykit._fields import Fields, FileProblems, unknown_id
from policykit.errors import DataError, Problem, UnknownIdError
from policykit.loading import _DataFile, bundled_data_path
from policykit.model import Dataset, Names, Source, Status, Term, Unit

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_CODE = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")
#: As cited in the standard: `5(1)(a)`, `7(c)`, `11`, `23`.
_ARTICLE = re.compile(r"[0-9]+(\([0-9a-z]+\))*")


class RequirementKind(enum.Enum):
    """What a requirement asks of a jurisdiction."""

    CRIMINALISE = "criminalise"
    """Make the cases criminal offences, with a maximum imprisonment at least the floor."""
    AGGRAVATE = "aggravate"
    """Let each listed fact aggravate the penalty of the cases."""
    REMOVE = "remove"
    """Provide for the removal of online material (duties of platforms and orders of authorities)."""


@attrs.frozen
class RequiredCase:
    """A case the requirement covers: a conduct's plain case plus facts (vocabulary ids)."""

    conduct: str
    facts: tuple[str, ...] = ()


@attrs.frozen
class Floor:
    """A minimum for the maximum term of imprisonment ("punishable by a maximum of at least 1 year")."""

    max_at_least: Term
    article: str


@attrs.frozen
class Condition:
    """A condition of the standard ("likely to cause serious harm") and the national facts whose scope, compared
    with it, is a legal judgment the data does not hold: a provision that needs one of them gives `unknown`."""

    en: str
    may_match: tuple[str, ...]
    question: str


@attrs.frozen
class Unmodelled:
    """Part of a requirement the vocabulary cannot express (a conduct or fact it lacks): always a question."""

    en: str
    question: str


@attrs.frozen
class Requirement:
    """One duty of a standard, cited to its article."""

    id: str
    article: str
    heading: Names | None
    kind: RequirementKind
    summary: str
    cases: tuple[RequiredCase, ...]
    floor: Floor | None
    conditions: tuple[Condition, ...]
    aggravations: tuple[str, ...]
    unmodelled: tuple[Unmodelled, ...]
    conduct: str | None
    """For `remove`: the conduct whose provisions are the duties (platform_duty)."""
    missing_question: str | None
    """For `aggravate`: the question left open where the data has no aggravated form for a fact."""
    status: Status
    verified_on: dt.date
    note: str | None
    sources: tuple[Source, ...]


@attrs.frozen
class Standard:
    """A benchmark such as Directive (EU) 2024/1385: its dates, whom it binds, and its requirements."""

    id: str
    title: Names
    reference: str
    official_url: str
    binds: tuple[str, ...]
    """Jurisdiction codes it binds; any other jurisdiction is measured as if it applied."""
    adopted_on: dt.date
    in_force_on: dt.date
    transposition_deadline: dt.date | None
    status: Status
    verified_on: dt.date
    note: str | None
    sources: tuple[Source, ...]
    requirements: tuple[Requirement, ...]

    def binds_jurisdiction(self, code: str) -> bool:
        return code in self.binds


def bundled_standards_path() -> Path:
    """The folder of the standards shipped with policykit (beside the bundled `jurisdictions/`)."""
    return bundled_data_path().parent / "standards"


def standard_ids(folder: str | os.PathLike[str] | None = None) -> list[str]:
    """The ids of the standards in `folder` (default: the bundled ones)."""
    root = Path(folder) if folder is not None else bundled_standards_path()
    if not root.is_dir():
        return []
    return sorted(path.stem for path in root.glob("*.yaml") if _SLUG.fullmatch(path.stem))


def load_standard(dataset: Dataset, standard: str, folder: str | os.PathLike[str] | None = None) -> Standard:
    """Read the standard `standard` (an id such as `eu-2024-1385`, or a path to a YAML file) and check its ids
    against `dataset`'s vocabulary. Raises `UnknownIdError` for an unknown id, `DataError` listing every problem.

    >>> import policykit
    >>> from policykit.standards import load_standard
    >>> directive = load_standard(policykit.load(), "eu-2024-1385")
    >>> [requirement.article for requirement in directive.requirements][:3]
    ['5(1)(a)', '5(1)(b)', '5(1)(c)']
    """
    path = Path(standard)
    if path.suffix != ".yaml":
        known = standard_ids(folder)
        if standard not in known:
            raise UnknownIdError("standard", standard, known)
        path = (Path(folder) if folder is not None else bundled_standards_path()) / f"{standard}.yaml"
    found, problems = _read_standard(dataset, path)
    if problems or found is None:
        raise DataError(problems or [Problem(str(path), 1, 1, "the standard could not be read")])
    return found


def validate_standard(dataset: Dataset, path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem of the standard file at `path` (empty when clean)."""
    return sorted(_read_standard(dataset, Path(path))[1])


def _read_standard(dataset: Dataset, path: Path) -> tuple[Standard | None, list[Problem]]:
    file = FileProblems(str(path))
    content, problem = _read(_DataFile(str(path), path.name, path))
    if problem is not None:
        return None, [problem]
    if content is None:
        file.add((1, 1), "file is empty; expected a mapping")
        return None, file.problems
    if not _SLUG.fullmatch(path.stem):
        file.add((1, 1), f"standard file name {path.stem!r} is not a valid id; use a-z, 0-9, '_' and '-'")
    reader = _Reader(dataset, file)
    standard = reader.standard(path.stem, content)
    return (standard if not file.problems else None), file.problems


class _Reader:
    def __init__(self, dataset: Dataset, file: FileProblems) -> None:
        self.dataset = dataset
        self.file = file
        self.builder = _Builder()  # for sources and URLs, read exactly as the law data's

    def standard(self, standard_id: str, content: Any) -> Standard | None:
        allowed = (
            "title", "reference", "official_url", "binds", "adopted_on", "in_force_on", "transposition_deadline",
            "status", "verified_on", "note", "sources", "requirements",
        )  # fmt: skip
        top = Fields(self.file, content, "", (1, 1), allowed)
        title = _names(top.mapping("title", ("original", "en", "fr")))
        reference = top.text("reference")
        official_url = self.builder._url(top, "official_url")
        binds = self._codes(top)
        adopted_on = top.date("adopted_on")
        in_force_on = top.date("in_force_on")
        deadline = top.date("transposition_deadline", required=False)
        if adopted_on is not None and in_force_on is not None and in_force_on < adopted_on:
            top.problem("in_force_on", f"{in_force_on} is before adopted_on {adopted_on}")
        if in_force_on is not None and deadline is not None and deadline < in_force_on:
            top.problem("transposition_deadline", f"{deadline} is before in_force_on {in_force_on}")
        status, verified_on, note = self._status(top, "top level")
        sources = self._sources(top)
        requirements: list[Requirement] = []
        for key, value, mark in top.entries("requirements") or []:
            if not _SLUG.fullmatch(key):
                self.file.add(top.key_mark("requirements", key), f"requirements: {key!r} is not a valid id")
                continue
            requirement = self._requirement(key, value, mark)
            if requirement is not None:
                requirements.append(requirement)
        if top.ok and top.has("requirements") and not requirements and not self.file.problems:
            top.problem("requirements", "expected at least one requirement")
        if (
            title is None or reference is None or official_url is None or binds is None or adopted_on is None
            or in_force_on is None or status is None or verified_on is None or sources is None
        ):  # fmt: skip
            return None
        return Standard(
            standard_id, title, reference, official_url, binds, adopted_on, in_force_on, deadline, status,
            verified_on, note, sources, tuple(requirements),
        )  # fmt: skip

    def _codes(self, top: Fields) -> tuple[str, ...] | None:
        found: list[str] = []
        for index, value, mark in top.items("binds") or []:
            if not isinstance(value, str) or not _CODE.fullmatch(value):
                self.file.add(mark, f"binds[{index}]: expected a jurisdiction code such as FR, found {value!r}")
                continue
            found.append(value)
        return tuple(found)

    def _status(self, fields: Fields, where: str) -> tuple[Status | None, dt.date | None, str | None]:
        status = fields.choice("status", Status)
        verified_on = fields.date("verified_on")
        note = fields.text("note", required=False)
        if status is Status.UNVERIFIED and note is None and fields.ok:
            self.file.add(fields.mark, f"{where}: an unverified standard or requirement needs a 'note' saying why")
        return status, verified_on, note

    def _sources(self, fields: Fields) -> tuple[Source, ...] | None:
        # A standard writes its sources out in full (it has no jurisdiction source list to cite from).
        sources = self.builder._sources(fields, "")  # problems go to `fields.file`, this file's
        if sources is not None and not sources:
            fields.problem("sources", "expected at least one source")
            return None
        return sources

    def _requirement(self, key: str, value: Any, mark: tuple[int, int]) -> Requirement | None:
        where = f"requirements.{key}"
        allowed = (
            "article", "heading", "kind", "summary", "cases", "floor", "conditions", "aggravations", "unmodelled",
            "conduct", "missing_question", "status", "verified_on", "note", "sources",
        )  # fmt: skip
        fields = Fields(self.file, value, where, mark, allowed)
        article = fields.text("article")
        if article is not None and not _ARTICLE.fullmatch(article):
            fields.problem("article", f"expected an article such as 5(1)(a) or 11, found {article!r}")
            article = None
        heading = _names(fields.mapping("heading", ("original", "en", "fr"), required=False))
        kind = fields.choice("kind", RequirementKind)
        summary = fields.text("summary")
        cases = self._cases(fields)
        floor = self._floor(fields)
        conditions = self._conditions(fields)
        aggravations = fields.identifiers("aggravations") or ()
        self._check_facts(fields, "aggravations", aggravations)
        unmodelled = self._unmodelled(fields)
        conduct = fields.identifier("conduct", required=kind is RequirementKind.REMOVE)
        if conduct is not None and conduct not in self.dataset.conducts:
            fields.problem("conduct", unknown_id("conduct", conduct, self.dataset.conducts))
            conduct = None
        missing_question = fields.text("missing_question", required=kind is RequirementKind.AGGRAVATE)
        status, verified_on, note = self._status(fields, where)
        sources = self._sources(fields)
        if kind is RequirementKind.AGGRAVATE and fields.ok and not aggravations:
            fields.problem("kind", "an 'aggravate' requirement needs a list of aggravations")
        if kind is RequirementKind.AGGRAVATE and fields.ok and not cases:
            fields.problem("kind", "an 'aggravate' requirement needs the cases its aggravations are measured on")
        if kind is RequirementKind.CRIMINALISE and fields.ok and cases == () and not unmodelled:
            fields.problem("cases", "a requirement with no case needs 'unmodelled' saying what the data cannot express")
        if (
            article is None or kind is None or summary is None or cases is None or conditions is None
            or unmodelled is None or status is None or verified_on is None or sources is None
        ):  # fmt: skip
            return None
        return Requirement(
            key, article, heading, kind, summary, cases, floor, conditions, aggravations, unmodelled, conduct,
            missing_question, status, verified_on, note, sources,
        )  # fmt: skip

    def _check_facts(self, fields: Fields, key: str, facts: tuple[str, ...]) -> bool:
        unknown = [fact for fact in facts if fact not in self.dataset.factors]
        if unknown:
            fields.problem(key, unknown_id("fact", unknown[0], self.dataset.factors))
        return not unknown

    def _cases(self, fields: Fields) -> tuple[RequiredCase, ...] | None:
        found: list[RequiredCase] = []
        ok = True
        for index, item, mark in fields.items("cases", required=False) or []:
            entry = Fields(self.file, item, f"{fields.where}.cases[{index}]", mark, ("conduct", "facts"))
            conduct = entry.identifier("conduct")
            if conduct is not None and conduct not in self.dataset.conducts:
                entry.problem("conduct", unknown_id("conduct", conduct, self.dataset.conducts))
                conduct = None
            facts = entry.identifiers("facts") or ()
            if conduct is None or not self._check_facts(entry, "facts", facts):
                ok = False
                continue
            found.append(RequiredCase(conduct, facts))
        return tuple(found) if ok else None

    def _floor(self, fields: Fields) -> Floor | None:
        inner = fields.mapping("floor", ("max_at_least", "article"), required=False)
        if inner is None:
            return None
        term = inner.term("max_at_least", required=True)
        article = inner.text("article")
        if term is None or article is None:
            return None
        amount, unit, less_a_day = term
        if amount == 0:
            inner.problem("max_at_least", "expected a term longer than 0")
            return None
        return Floor(Term(amount, Unit(unit), less_a_day), article)

    def _conditions(self, fields: Fields) -> tuple[Condition, ...] | None:
        found: list[Condition] = []
        ok = True
        for index, item, mark in fields.items("conditions", required=False) or []:
            entry = Fields(
                self.file, item, f"{fields.where}.conditions[{index}]", mark, ("en", "may_match", "question")
            )
            en, question = entry.text("en"), entry.text("question")
            may_match = entry.identifiers("may_match") or ()
            if en is None or question is None or not self._check_facts(entry, "may_match", may_match):
                ok = False
                continue
            found.append(Condition(en, may_match, question))
        return tuple(found) if ok else None

    def _unmodelled(self, fields: Fields) -> tuple[Unmodelled, ...] | None:
        found: list[Unmodelled] = []
        ok = True
        for index, item, mark in fields.items("unmodelled", required=False) or []:
            entry = Fields(self.file, item, f"{fields.where}.unmodelled[{index}]", mark, ("en", "question"))
            en, question = entry.text("en"), entry.text("question")
            if en is None or question is None:
                ok = False
                continue
            found.append(Unmodelled(en, question))
        return tuple(found) if ok else None
