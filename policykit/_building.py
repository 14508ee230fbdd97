"""Parsing, building and checking the data files that `policykit.loading` gathers: the strict YAML reader, the
model builder (one `file:line:column` problem per fault, never only the first) and the cross-file checks.

Kept apart from `policykit.loading` so that a load served from the dataset cache imports none of it (nor PyYAML).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from policykit import _currencies
from policykit._fields import Fields, FileProblems, list_items, unknown_id
from policykit._yaml import Mark, YamlMap, YamlReadError, read_yaml
from policykit.checks import Marks, Reference, check_dataset, check_duplicate_provisions, check_versions
from policykit.errors import Problem

#: ISO 3166-1 alpha-2, or an ISO 3166-2 subdivision (`us-ca`, `au-nsw`) where the law is made below the state.
from policykit.loading import (
    _JURISDICTION_FOLDER,
    _DataFile,
    _instrument_of,
    _path_kind,
    bundled_data_path,
    gather,
    read_bytes,
)
from policykit.model import (
    Act,
    Ancillary,
    Combination,
    Conduct,
    CoverageStatement,
    Dataset,
    DatePrecision,
    Event,
    EventFact,
    Factor,
    FactorKind,
    Fine,
    FineUnit,
    FineUnits,
    Instrument,
    InstrumentKind,
    Jurisdiction,
    Liability,
    Location,
    Measure,
    NamedCase,
    Names,
    Penalty,
    Prosecution,
    Provision,
    PublisherKind,
    Reach,
    Source,
    SourceKind,
    StatementStatus,
    Status,
    SummaryPenalty,
    Term,
    TermRange,
    Threshold,
    ThresholdMeasure,
    Tier,
    Trial,
    Unit,
    Version,
)

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
_FRACTION = re.compile(r"([1-9][0-9]?)/([1-9][0-9]?)")
_LANGUAGE = re.compile(r"[a-z]{2}")
#: Articles as cited in English with Arabic numerals: `14`, `14-2`, `226-2-1`, `14(1)`, `42(6)`, `95-2(1-2)`,
#: `184b(1)`, `163.1(4.1)`.
_ARTICLE = re.compile(
    r"[0-9]+[A-Za-z]*([.-][0-9]+[A-Za-z]*)*(\(([0-9]+(\.[0-9]+)?[A-Za-z]?(-[0-9]+)?|[A-Za-z]{1,4})\))*"
)


def _read(file: _DataFile) -> tuple[Any, Problem | None]:
    """Read and parse one file: refused by its size before any of it is read, and never a FIFO or device."""
    data, problem = read_bytes(file)
    if problem is not None:
        return None, problem
    try:
        return read_yaml(data, file.name), None
    except YamlReadError as error:
        return None, error.problem
    except RecursionError:  # pragma: no cover - the reader is iterative; a last line of defence
        return None, Problem(file.name, 1, 1, "file is nested too deeply")


def _load_roots(
    roots: list[Path], only: str | None = None, today: dt.date | None = None
) -> tuple[Dataset | None, list[Problem]]:
    """Load data roots laid over each other; with `only`, just that jurisdiction folder (and the vocabulary)."""
    _, dataset, problems = _read_roots(roots, only, today)
    return dataset, problems


def _read_roots(
    roots: list[Path], only: str | None = None, today: dt.date | None = None, unused_sources_ok: bool = False
) -> tuple[_Builder, Dataset, list[Problem]]:
    by_relative, problems, last_root = gather(roots, only)
    builder = _Builder()
    vocabulary = by_relative.pop("vocabulary.yaml")
    builder.read_vocabulary(vocabulary)
    # Jurisdictions first: instruments take their default currency and acts from them; then the sources that
    # instruments and events cite.
    order = {"jurisdiction.yaml": 0, "sources.yaml": 1, "events.yaml": 3}
    folders: dict[tuple[str, str], list[_DataFile]] = {}
    events: list[tuple[_DataFile, str]] = []
    for relative in sorted(by_relative, key=lambda name: (order.get(name.rsplit("/", 1)[-1], 2), name)):
        file = by_relative[relative]
        parts = relative.split("/")
        code = parts[0].upper()
        instrument = _instrument_of(relative)
        if parts[-1] == "jurisdiction.yaml":
            builder.read_jurisdiction(file, code)
        elif parts[-1] == "sources.yaml":
            builder.read_sources(file, code)
        elif parts[-1] == "events.yaml":
            events.append((file, code))
        elif instrument is not None and instrument[2]:
            folders.setdefault(instrument[:2], []).append(file)
        else:
            builder.read_instrument(file, code, parts[-1][: -len(".yaml")])
    for (folder, slug), files in sorted(folders.items()):
        builder.read_instrument_folder(files, folder.upper(), slug)
    for file, code in events:
        builder.read_events(file, code)
    checked = {relative.split("/", 1)[0].upper() for relative in last_root if relative.endswith("/sources.yaml")}
    if not unused_sources_ok:
        builder.check_unused_sources(checked)
    problems.extend(builder.problems)
    dataset = builder.dataset()
    problems.extend(check_dataset(dataset, builder.marks, today=today, skip=builder.unreadable))
    return builder, dataset, problems


def _check_single_file(path: Path) -> list[Problem]:
    problems: list[Problem] = []
    builder = _Builder()
    vocabulary = bundled_data_path() / "vocabulary.yaml"
    file = _DataFile(str(path), path.name, path)
    if path.name == "vocabulary.yaml":
        builder.read_vocabulary(file)
        return builder.problems
    builder.read_vocabulary(_DataFile(str(vocabulary), "vocabulary.yaml", vocabulary))
    folder = path.parent
    in_folder = folder.parent.name == "instruments"  # instruments/<slug>/<file>.yaml
    if in_folder:
        folder = folder.parent.parent
    elif folder.name == "instruments":
        folder = folder.parent
    code = folder.name.upper() if _JURISDICTION_FOLDER.fullmatch(folder.name) else "XX"
    if path.name == "jurisdiction.yaml":
        builder.read_jurisdiction(file, code)
        return sorted(builder.problems)
    if path.name == "sources.yaml":
        builder.read_sources(file, code)
        return sorted(builder.problems)
    # Files that cite sources are checked against the sources their jurisdiction lists, if it has any.
    registry = folder / "sources.yaml"
    if _path_kind(registry)[0] == "file":
        builder.read_sources(_DataFile(str(registry), "sources.yaml", registry), code)
        builder.files.pop()  # the list of sources is not the file being checked
    if path.name == "events.yaml":
        builder.read_events(file, code)
    else:
        if in_folder:
            builder.read_instrument_folder([file], code, path.parent.name, whole=False)
        else:
            builder.read_instrument(file, code, path.stem)
        for provision in builder.provisions.values():
            problems.extend(check_versions(provision))
        problems.extend(check_duplicate_provisions(builder.dataset()))
    return sorted(problems + builder.problems)


# ----------------------------------------------------------------------------------------------------------
# Building the model


def _names(fields: Fields | None, required_original: bool = False) -> Names | None:
    if fields is None:
        return None
    names = Names(
        original=fields.text("original", required=required_original),
        en=fields.text("en", required=False),
        fr=fields.text("fr", required=False),
    )
    if names == Names():
        fields.file.add(fields.mark, f"{fields.where}: expected at least one of original, en, fr")
    return names


_NAME_KEYS = ("original", "en", "fr")


_CONDUCT_KEYS = ("en", "fr", "zh", "ko", "description", "plain_case")
_FACTOR_KEYS = ("kind", "en", "fr", "zh", "ko", "implies", "replaces_base")
_CASE_KEYS = ("en", "fr", "zh", "ko", "description", "conduct", "facts", "quantities")


def _optional_labels(fields: Fields) -> tuple[str | None, str | None]:
    """A vocabulary term's optional Chinese (`zh`) and Korean (`ko`) labels; `en` and `fr` stay required."""
    return fields.text("zh", required=False), fields.text("ko", required=False)


class _Builder:
    """Builds model objects file by file, collecting problems and where each object was read."""

    def __init__(self) -> None:
        self.files: list[FileProblems] = []
        self.conducts: dict[str, Conduct] = {}
        self.factors: dict[str, Factor] = {}
        self.jurisdictions: dict[str, Any] = {}
        self.instruments: dict[str, Instrument] = {}
        self.provisions: dict[str, Provision] = {}
        self.events: dict[str, Event] = {}
        self.cases: dict[str, NamedCase] = {}
        self.marks = Marks()
        self.unreadable: set[str] = set()
        self._acts: dict[str, dict[str, Act]] = {}
        self._instrument_ids: dict[str, list[str]] = {}
        self.registries: dict[str, dict[str, Source]] = {}
        """A jurisdiction code -> its listed sources by id (from `sources.yaml`), without pinpoints."""
        self._registry_files: dict[str, FileProblems] = {}
        self._declared_sources: dict[str, dict[str, Mark]] = {}
        self._cited: set[tuple[str, str]] = set()
        self._files_by_code: dict[str, list[FileProblems]] = {}

    @property
    def problems(self) -> list[Problem]:
        return [problem for file in self.files for problem in file.problems]

    def _open(self, file: _DataFile) -> tuple[FileProblems, Any]:
        problems = FileProblems(file.name)
        self.files.append(problems)
        self._files_by_code.setdefault(file.relative.split("/", 1)[0].upper(), []).append(problems)
        content, problem = _read(file)
        if problem is not None:
            problems.problems.append(problem)
            # What this file declares is unknown, so cross-file checks of its jurisdiction would only
            # report consequences (unknown ids, coverage gaps) of this one problem.
            self.unreadable.add(file.relative.split("/", 1)[0].upper())
            return problems, None
        if content is None:
            problems.add((1, 1), "file is empty; expected a mapping")
            return problems, None
        return problems, content

    def _location(self, file: FileProblems, mark: Mark) -> Location:
        return Location(file.name, mark[0], mark[1])

    # -- vocabulary --------------------------------------------------------------------------------------

    def read_vocabulary(self, file: _DataFile) -> None:
        problems, content = self._open(file)
        if content is None:
            return
        top = Fields(problems, content, "", (1, 1), ("conducts", "factors", "cases"))
        # Fact lists name factors, which may be declared after the conduct that names them: checked at the end.
        fact_lists: list[tuple[Fields, str, tuple[str, ...]]] = []
        for name, value, mark in top.entries("conducts") or []:
            if top.check_identifier(f"conducts.{name}", name, top.key_mark("conducts", name)) is None:
                continue
            fields = Fields(problems, value, f"conducts.{name}", mark, _CONDUCT_KEYS)
            en, fr, description = fields.text("en"), fields.text("fr"), fields.text("description")
            zh, ko = _optional_labels(fields)
            plain = fields.identifiers("plain_case") or ()
            if en and fr and description:
                self.conducts[name] = Conduct(name, en, fr, description, plain, zh, ko)
                fact_lists.append((fields, "plain_case", plain))
        for name, value, mark in top.entries("factors") or []:
            if top.check_identifier(f"factors.{name}", name, top.key_mark("factors", name)) is None:
                continue
            fields = Fields(problems, value, f"factors.{name}", mark, _FACTOR_KEYS)
            kind, en, fr = fields.choice("kind", FactorKind), fields.text("en"), fields.text("fr")
            zh, ko = _optional_labels(fields)
            implies = fields.identifiers("implies") or ()
            replaces_base = fields.boolean("replaces_base")
            if kind and en and fr:
                self.factors[name] = Factor(name, kind, en, fr, implies, replaces_base, zh, ko)
                fact_lists.append((fields, "implies", implies))
        for fields, key, ids in fact_lists:
            unknown = [factor for factor in ids if factor not in self.factors]
            if unknown:
                fields.problem(key, unknown_id("factor", unknown[0], self.factors))
        for name, value, mark in top.entries("cases", required=False) or []:
            if top.check_identifier(f"cases.{name}", name, top.key_mark("cases", name)) is None:
                continue
            fields = Fields(problems, value, f"cases.{name}", mark, _CASE_KEYS)
            en, fr, description = fields.text("en"), fields.text("fr"), fields.text("description")
            zh, ko = _optional_labels(fields)
            conduct = fields.identifier("conduct")
            if conduct is not None and conduct not in self.conducts:
                fields.problem("conduct", unknown_id("conduct", conduct, self.conducts))
                conduct = None
            facts = fields.identifiers("facts") or ()
            unknown = [factor for factor in facts if factor not in self.factors]
            if unknown:
                fields.problem("facts", unknown_id("factor", unknown[0], self.factors))
            quantities = self._quantities(fields)
            if en and fr and description and conduct and not unknown and quantities is not None:
                self.cases[name] = NamedCase(name, en, fr, description, conduct, facts, quantities, zh, ko)

    def _quantities(self, fields: Fields) -> tuple[tuple[ThresholdMeasure, int], ...] | None:
        """`quantities: {members: 100000}`: amounts by threshold measure, in the measures' order."""
        if not fields.has("quantities"):
            return ()
        found: dict[ThresholdMeasure, int] = {}
        inner = fields.mapping("quantities", [measure.value for measure in ThresholdMeasure])
        if inner is None:
            return None
        ok = True
        for measure in ThresholdMeasure:
            if inner.has(measure.value):
                amount = inner.amount(measure.value)
                if amount is None:
                    ok = False
                else:
                    found[measure] = amount
        if not ok:
            return None
        return tuple((measure, found[measure]) for measure in ThresholdMeasure if measure in found)

    # -- jurisdiction --------------------------------------------------------------------------------------

    def read_jurisdiction(self, file: _DataFile, code: str) -> None:
        problems, content = self._open(file)
        if content is None:
            return
        allowed = ("code", "name", "currency", "coverage_from", "acts", "coverage")
        top = Fields(problems, content, "", (1, 1), allowed)
        self.marks.coverage[code] = self._location(problems, top.map.key_marks.get("coverage", (1, 1)))
        declared = top.text("code")
        if declared is not None and declared != code:
            top.problem("code", f"expected {code!r} (the folder's name in upper case), found {declared!r}")
        name = _names(top.mapping("name", _NAME_KEYS))
        currency = self._currency(top, "currency", required=True)
        coverage_from = top.date("coverage_from")
        acts: dict[str, Act] = {}
        for key, value, mark in top.entries("acts", required=False) or []:
            act = self._act(problems, code, key, value, mark, top.key_mark("acts", key))
            if act is not None:
                acts[key] = act
        self._acts[code] = acts
        statements: list[CoverageStatement] = []
        for conduct, value, mark in top.entries("coverage", required=False) or []:
            if conduct not in self.conducts:
                problems.add(
                    top.key_mark("coverage", conduct),
                    f"coverage: {unknown_id('conduct', conduct, self.conducts)}",
                )
                continue
            statements.extend(self._statements(problems, conduct, value, mark))
        if name is None or currency is None or coverage_from is None:
            self.unreadable.add(code)  # its problems are reported; checks that need it would only echo them
            return
        self.jurisdictions[code] = {
            "code": code,
            "name": name,
            "currency": currency,
            "coverage_from": coverage_from,
            "acts": acts,
            "coverage": tuple(statements),
        }

    def _currency(self, fields: Fields, key: str, required: bool) -> str | None:
        currency = fields.text(key, required=required)
        if currency is not None and not _currencies.is_known(currency):
            fields.problem(key, f"expected an ISO 4217 currency code such as EUR, KRW, CNY; found {currency!r}")
            return None
        return currency

    def _act(self, problems: FileProblems, code: str, key: str, value: Any, mark: Mark, key_mark: Mark) -> Act | None:
        if not _SLUG.fullmatch(key):
            problems.add(key_mark, f"acts: {key!r} is not a valid act key; use letters, digits, '_' and '-'")
            return None
        where = f"acts.{key}"
        fields = Fields(problems, value, where, mark, ("title", "reference", "adopted_on", "in_force_on", "url"))
        title = _names(fields.mapping("title", _NAME_KEYS))
        reference = fields.text("reference")
        adopted_on = fields.date("adopted_on")
        in_force_on = fields.date("in_force_on", required=False)
        url = self._url(fields, "url", required=False)
        if in_force_on is not None and adopted_on is not None and in_force_on < adopted_on:
            fields.problem("in_force_on", f"{in_force_on} is before adopted_on {adopted_on}")
        if title is None or reference is None or adopted_on is None:
            return None
        return Act(f"{code.lower()}/act/{key}", title, reference, adopted_on, in_force_on, url)

    def _statements(self, problems: FileProblems, conduct: str, value: Any, mark: Mark) -> list[CoverageStatement]:
        found: list[CoverageStatement] = []
        for index, item, item_mark in list_items(problems, value, f"coverage.{conduct}", mark) or []:
            where = f"coverage.{conduct}[{index}]"
            fields = Fields(problems, item, where, item_mark, ("status", "from", "to", "reason", "verified_on"))
            status = fields.choice("status", StatementStatus)
            start = fields.date("from")
            end = fields.date("to", required=False)
            reason = fields.text("reason")
            verified_on = fields.date("verified_on")
            if start is not None and end is not None and end < start:
                fields.problem("to", f"{end} is before from {start}")
                continue
            if status is None or start is None or reason is None or verified_on is None:
                continue
            found.append(
                CoverageStatement(conduct, status, start, end, reason, verified_on, self._location(problems, item_mark))
            )
        return found

    def _url(self, fields: Fields, key: str, required: bool = True) -> str | None:
        url = fields.text(key, required=required)
        if url is not None and not url.startswith(("https://", "http://")):
            fields.problem(key, f"expected an http(s) URL, found {url!r}")
            return None
        return url

    # -- instruments ---------------------------------------------------------------------------------------

    def read_instrument(self, file: _DataFile, code: str, slug: str) -> None:
        """An instrument in one file (`instruments/<slug>.yaml`): what it is, and `provisions:` by slug."""
        problems, content = self._open(file)
        if not _SLUG.fullmatch(slug):
            problems.add((1, 1), f"instrument file name {slug!r} is not a valid slug; use a-z, 0-9, '_' and '-'")
            return
        if content is None:
            return
        instrument_id = f"{code.lower()}/{slug}"
        allowed = ("title", "abbreviation", "article_label", "kind", "official_url", "provisions")
        top = Fields(problems, content, "", (1, 1), allowed)
        provision_ids: list[str] = []
        for key, value, mark in top.entries("provisions") or []:
            if not _SLUG.fullmatch(key):
                problems.add(
                    top.key_mark("provisions", key),
                    f"provisions: {key!r} is not a valid provision slug; "
                    "use a-z, 0-9, '_' and '-' (e.g. art_14__para_1)",
                )
                continue
            provision = self._provision(problems, code, instrument_id, key, value, mark)
            if provision is not None:
                self.provisions[provision.id] = provision
                provision_ids.append(provision.id)
        self._instrument(top, instrument_id, provision_ids)

    def read_instrument_folder(self, files: list[_DataFile], code: str, slug: str, whole: bool = True) -> None:
        """An instrument as a folder (`instruments/<slug>/`): `index.yaml` says what it is, and each other file
        is one provision, named by its slug (`art_226-1.yaml`), with all its versions.

        With `whole=False` (one provision file checked on its own), a missing `index.yaml` is not a problem.
        """
        folder = os.path.dirname(files[0].name)
        instrument_id = f"{code.lower()}/{slug}"
        if not _SLUG.fullmatch(slug):
            folder_problems = FileProblems(folder)
            self.files.append(folder_problems)
            folder_problems.add(
                (1, 1), f"instrument folder name {slug!r} is not a valid slug; use a-z, 0-9, '_' and '-'"
            )
            return
        index = next((file for file in files if file.path.name == "index.yaml"), None)
        provision_ids: list[str] = []
        for file in files:
            if file is index:
                continue
            problems, content = self._open(file)
            key = file.path.name[: -len(".yaml")]
            if not _SLUG.fullmatch(key):
                problems.add(
                    (1, 1),
                    f"provision file name {key!r} is not a valid provision slug; "
                    "use a-z, 0-9, '_' and '-' (e.g. art_14__para_1.yaml)",
                )
                continue
            if content is None:
                continue
            provision = self._provision(problems, code, instrument_id, key, content, (1, 1))
            if provision is not None:
                self.provisions[provision.id] = provision
                provision_ids.append(provision.id)
        if index is None:
            if whole:
                folder_problems = FileProblems(folder)
                self.files.append(folder_problems)
                folder_problems.add(
                    (1, 1), "instrument folder without index.yaml; expected one with title, kind and official_url"
                )
            return
        problems, content = self._open(index)
        if content is None:
            return
        top = Fields(problems, content, "", (1, 1), ("title", "abbreviation", "article_label", "kind", "official_url"))
        if whole and len(files) == 1:
            problems.add(
                (1, 1), "instrument folder without provisions; expected one <provision-slug>.yaml per provision"
            )
        self._instrument(top, instrument_id, provision_ids)

    def _instrument(self, top: Fields, instrument_id: str, provision_ids: list[str]) -> None:
        title = _names(top.mapping("title", _NAME_KEYS), required_original=True)
        abbreviation = top.text("abbreviation", required=False)
        article_label = top.text("article_label", required=False)
        kind = top.choice("kind", InstrumentKind)
        official_url = self._url(top, "official_url")
        if title is None or kind is None or official_url is None:
            return
        self.instruments[instrument_id] = Instrument(
            instrument_id, title, kind, official_url, tuple(provision_ids), abbreviation, article_label
        )

    def _conducts(self, fields: Fields, key: str) -> tuple[str, ...] | None:
        ids = fields.identifiers(key)
        if ids is None:
            return None
        unknown = [conduct for conduct in ids if conduct not in self.conducts]
        if unknown:
            fields.problem(key, unknown_id("conduct", unknown[0], self.conducts))
            return None
        return ids

    def _factors(self, fields: Fields, key: str, required: bool = False) -> tuple[str, ...] | None:
        ids = fields.identifiers(key, required=required)
        if ids is None:
            return None
        unknown = [factor for factor in ids if factor not in self.factors]
        if unknown:
            fields.problem(key, unknown_id("factor", unknown[0], self.factors))
            return None
        return ids

    def _factor_groups(self, fields: Fields, key: str) -> tuple[tuple[str, ...], ...] | None:
        """`applies_when_any`: a list of groups (lists) of two or more factor ids, at least one of each to hold."""
        items = fields.items(key, required=False)
        if items is None:
            return None if fields.has(key) else ()
        groups: list[tuple[str, ...]] = []
        ok = True
        for index, value, mark in items:
            inner = list_items(fields.file, value, f"{fields.path(key)}[{index}]", mark)
            if inner is None:
                ok = False
                continue
            group: list[str] = []
            group_ok = True
            for position, item, item_mark in inner:
                checked = fields.check_identifier(f"{key}[{index}][{position}]", item, item_mark)
                if checked is None:
                    group_ok = False
                elif checked not in self.factors:
                    fields.file.add(
                        item_mark,
                        f"{fields.path(key)}[{index}][{position}]: " + unknown_id("factor", checked, self.factors),
                    )
                    group_ok = False
                elif checked in group:
                    fields.file.add(item_mark, f"{fields.path(key)}[{index}][{position}]: {checked!r} is listed twice")
                    group_ok = False
                else:
                    group.append(checked)
            ok = ok and group_ok
            if group_ok and len(group) < 2:
                fields.file.add(
                    mark,
                    f"{fields.path(key)}[{index}]: expected two or more facts, one of which must hold"
                    " (a single fact belongs in applies_only_when)",
                )
                ok = False
            groups.append(tuple(group))
        return tuple(groups) if ok else None

    def _provision(
        self,
        problems: FileProblems,
        code: str,
        instrument_id: str,
        slug: str,
        value: Any,
        mark: Mark,
    ) -> Provision | None:
        provision_id = f"{instrument_id}/{slug}"
        where = f"provisions.{slug}"
        allowed = (
            "article", "heading", "liability", "conducts", "reach", "applies_only_when", "applies_when_any",
            "successor", "versions",
        )  # fmt: skip
        fields = Fields(problems, value, where, mark, allowed)
        article = fields.text("article")
        if article is not None and not _ARTICLE.fullmatch(article):
            fields.problem(
                "article",
                f"expected the article as the source numbers it, with paragraphs or items in brackets, such as "
                f"'14-2', '226-2-1', '14(1)', '184b(1)', '223(h)(6)(A)' or '474.17A'; found {article!r}",
            )
            article = None
        heading = _names(fields.mapping("heading", _NAME_KEYS, required=False))
        liability = fields.choice("liability", Liability)
        reach = fields.choice("reach", Reach, required=False, default=Reach.SPECIFIC)
        conducts = self._conducts(fields, "conducts") if fields.has("conducts") else None
        if conducts is None and not fields.has("conducts"):
            fields.file.add(fields.mark, f"{where}: missing required key 'conducts'")
        only_when = self._factors(fields, "applies_only_when") or ()
        when_any = self._factor_groups(fields, "applies_when_any") or ()
        successor = fields.text("successor", required=False)
        versions: list[Version] = []
        for index, item, item_mark in fields.items("versions") or []:
            version = self._version(
                problems, code, provision_id, f"{where}.versions[{index}]", item, item_mark, conducts, only_when,
                when_any,
            )  # fmt: skip
            if version is not None:
                versions.append(version)
        if fields.has("versions") and isinstance(fields.raw("versions"), list) and not fields.raw("versions"):
            fields.problem("versions", "expected at least one version")
        if article is None or liability is None or reach is None:
            return None
        return Provision(
            provision_id,
            instrument_id,
            article,
            heading,
            liability,
            reach,
            _link_versions(versions),
            successor,
            self._location(problems, mark),
        )

    def _version(
        self,
        problems: FileProblems,
        code: str,
        provision_id: str,
        where: str,
        value: Any,
        mark: Mark,
        provision_conducts: tuple[str, ...] | None,
        provision_only_when: tuple[str, ...],
        provision_when_any: tuple[tuple[str, ...], ...] = (),
    ) -> Version | None:
        allowed = (
            "in_force_from", "in_force_to", "amended_by", "conducts", "applies_only_when", "applies_when_any",
            "summary", "penalty",
            "tiers", "ancillary", "prosecution", "thresholds", "status", "verified_on", "note", "sources",
        )  # fmt: skip
        fields = Fields(problems, value, where, mark, allowed)
        start = fields.date("in_force_from")
        end = fields.date("in_force_to", required=False)
        if start is not None and end is not None and end < start:
            fields.problem("in_force_to", f"{end} is before in_force_from {start}")
        amended_by = fields.text("amended_by")
        act_id: str | None = None
        if amended_by is not None:
            act_id = f"{code.lower()}/act/{amended_by}"
            if start is not None:
                location = self._location(problems, fields.at("amended_by"))
                self.marks.amended_by[f"{provision_id}@{start.isoformat()}"] = location
        conducts = self._conducts(fields, "conducts") if fields.has("conducts") else provision_conducts
        only_when = self._factors(fields, "applies_only_when") if fields.has("applies_only_when") else None
        when_any = self._factor_groups(fields, "applies_when_any") if fields.has("applies_when_any") else None
        summary = fields.text("summary")
        penalty = self._penalty(fields, "penalty", code, required=False)
        tiers = self._tiers(fields, code)
        ancillary = self._ancillary(fields, code)
        prosecution = fields.choice("prosecution", Prosecution, required=False, default=Prosecution.EX_OFFICIO)
        thresholds = self._thresholds(fields, code, provision_id, start)
        status = fields.choice("status", Status)
        verified_on = fields.date("verified_on")
        note = fields.text("note", required=False)
        if status is Status.UNVERIFIED and note is None and fields.ok:
            fields.file.add(fields.mark, f"{where}: an unverified version needs a 'note' saying why")
        sources = self._sources(fields, code)
        if sources is not None and not sources and fields.has("sources"):
            fields.problem("sources", "expected at least one source")
        if (
            start is None or act_id is None or conducts is None or summary is None or status is None
            or verified_on is None or sources is None or not sources or prosecution is None
            or tiers is None or ancillary is None or thresholds is None
        ):  # fmt: skip
            return None
        return Version(
            provision_id=provision_id,
            in_force_from=start,
            in_force_to=end,
            amended_by=act_id,
            conducts=conducts,
            applies_only_when=only_when if only_when is not None else provision_only_when,
            summary=summary,
            penalty=penalty,
            tiers=tiers,
            ancillary=ancillary,
            prosecution=prosecution,
            thresholds=thresholds,
            status=status,
            verified_on=verified_on,
            note=note,
            sources=sources,
            location=self._location(problems, mark),
            applies_when_any=when_any if when_any is not None else provision_when_any,
        )

    def _term(self, fields: Fields, key: str) -> Term | None:
        found = fields.term(key)
        if found is None:
            return None
        amount, unit, less_a_day = found
        if amount == 0:
            fields.problem(key, "expected a term longer than 0")
            return None
        return Term(amount, Unit(unit), less_a_day)

    def _range(self, fields: Fields, key: str) -> TermRange | None:
        inner = fields.mapping(key, ("min", "max"), required=False)
        if inner is None:
            return None
        low, high = self._term(inner, "min"), self._term(inner, "max")
        if low is None and high is None:
            if not inner.has("min") and not inner.has("max"):
                inner.file.add(inner.mark, f"{inner.where}: expected 'min', 'max' or both")
            return None
        if low is not None and high is not None and low.months > high.months:
            inner.problem("min", f"minimum {low} is above maximum {high}")
            return None
        return TermRange(low, high)

    def _bounds(self, fields: Fields, key: str) -> tuple[int | None, int | None] | None:
        """A `{min, max}` mapping of amounts, at least one of them; None when absent or wrong."""
        inner = fields.mapping(key, ("min", "max"), required=False)
        if inner is None:
            return None
        low, high = inner.amount("min", required=False), inner.amount("max", required=False)
        if low is None and high is None:
            if not inner.has("min") and not inner.has("max"):
                inner.file.add(inner.mark, f"{inner.where}: expected 'min', 'max' or both")
            return None
        if low is not None and high is not None and low > high:
            inner.problem("min", f"minimum {low:,} is above maximum {high:,}")
            return None
        return low, high

    def _fine_units(self, fields: Fields) -> FineUnits | None:
        """Day fines or penalty units: `daily_units` or `penalty_units`, with the value of one unit in `per_unit`."""
        kinds = [kind for kind in FineUnit if fields.has(f"{kind.value}_units")]
        if len(kinds) > 1:
            fields.problem("penalty_units", "expected 'daily_units' or 'penalty_units', not both")
            return None
        if not kinds:
            if fields.has("per_unit"):
                fields.problem("per_unit", "'per_unit' needs 'daily_units' or 'penalty_units'")
            return None
        kind = kinds[0]
        counts = self._bounds(fields, f"{kind.value}_units")
        per_unit = self._bounds(fields, "per_unit") if fields.has("per_unit") else (None, None)
        if counts is None or per_unit is None:
            return None
        return FineUnits(kind, counts[0], counts[1], per_unit[0], per_unit[1])

    def _fine(self, inner: Fields, code: str) -> Fine | None:
        allowed = ("min", "max", "currency", "unspecified", "daily_units", "penalty_units", "per_unit")
        fine_fields = inner.mapping("fine", allowed, required=False)
        if fine_fields is None:
            return None
        currency = self._currency(fine_fields, "currency", required=False) or self._default_currency(code)
        low, high = fine_fields.amount("min", required=False), fine_fields.amount("max", required=False)
        unspecified = fine_fields.boolean("unspecified")
        units = self._fine_units(fine_fields)
        amounts = low is not None or high is not None
        if unspecified and (amounts or units is not None):
            fine_fields.problem("unspecified", "a fine with no amount fixed by statute cannot also have amounts")
        elif units is not None and amounts:
            fine_fields.problem("max" if high is not None else "min", "a fine in units cannot also have min or max")
        elif (
            not unspecified
            and not amounts
            and units is None
            and not any(fine_fields.has(key) for key in ("min", "max", "daily_units", "penalty_units", "per_unit"))
        ):
            fine_fields.file.add(
                fine_fields.mark,
                f"{fine_fields.where}: expected 'max', 'min', 'daily_units', 'penalty_units' or 'unspecified: true'",
            )
        elif low is not None and high is not None and low > high:
            fine_fields.problem("min", f"minimum {low:,} is above maximum {high:,}")
        elif fine_fields.ok:
            return Fine(currency or "XXX", low, high, unspecified, units)
        return None

    def _summary(self, inner: Fields, code: str, trial: Trial | None) -> SummaryPenalty | None:
        """What summary conviction carries: only for an offence triable either way, which must say it."""
        if not inner.has("summary"):
            if trial is Trial.EITHER_WAY:
                inner.file.add(
                    inner.mark, f"{inner.where}: an offence triable either way needs 'summary' (its summary maxima)"
                )
            return None
        summary = inner.mapping("summary", ("imprisonment", "fine", "combination"), required=False)
        if summary is None:
            return None
        if trial is not Trial.EITHER_WAY:
            inner.problem("summary", "'summary' needs 'trial: either_way' (the fields above are then on indictment)")
            return None
        found = SummaryPenalty(
            imprisonment=self._range(summary, "imprisonment"),
            fine=self._fine(summary, code),
            combination=summary.choice("combination", Combination, required=False),
        )
        if found == SummaryPenalty() and summary.ok:
            summary.file.add(summary.mark, f"{summary.where}: expected at least one sanction")
        return found

    def _penalty(self, fields: Fields, key: str, code: str, required: bool) -> Penalty | None:
        allowed = (
            "imprisonment", "life_imprisonment", "criminal_detention", "public_surveillance",
            "administrative_detention", "warning", "fine", "combination", "increase", "trial", "summary",
        )  # fmt: skip
        inner = fields.mapping(key, allowed, required=required)
        if inner is None:
            return None
        fine = self._fine(inner, code)
        increase: Fraction | None = None
        raw_increase = inner.mapping("increase", ("up_to",), required=False)
        if raw_increase is not None:
            text = raw_increase.text("up_to")
            match = _FRACTION.fullmatch(text) if text else None
            if text is not None and match is None:
                raw_increase.problem("up_to", f"expected a fraction such as 1/2, found {text!r}")
            elif match is not None:
                increase = Fraction(int(match[1]), int(match[2]))
        trial = inner.choice("trial", Trial, required=False)
        penalty = Penalty(
            imprisonment=self._range(inner, "imprisonment"),
            life_imprisonment=inner.boolean("life_imprisonment"),
            criminal_detention=inner.boolean("criminal_detention"),
            public_surveillance=inner.boolean("public_surveillance"),
            administrative_detention=self._range(inner, "administrative_detention"),
            warning=inner.boolean("warning"),
            fine=fine,
            combination=inner.choice("combination", Combination, required=False),
            increase=increase,
            trial=trial,
            summary=self._summary(inner, code, trial),
        )
        if penalty.is_empty and not inner.map:
            inner.file.add(inner.mark, f"{inner.where}: expected at least one sanction")
        return penalty

    def _default_currency(self, code: str) -> str | None:
        jurisdiction = self.jurisdictions.get(code)
        return jurisdiction["currency"] if jurisdiction else None

    def _tiers(self, fields: Fields, code: str) -> tuple[Tier, ...] | None:
        tiers: list[Tier] = []
        ok = True
        for index, item, mark in fields.items("tiers", required=False) or []:
            tier = Fields(fields.file, item, f"{fields.where}.tiers[{index}]", mark, ("factors", "penalty"))
            factors = self._factors(tier, "factors", required=True)
            penalty = self._penalty(tier, "penalty", code, required=True)
            if factors is not None and not factors:
                tier.problem("factors", "expected at least one factor")
                factors = None
            if factors is None or penalty is None:
                ok = False
                continue
            tiers.append(Tier(factors, penalty))
        return tuple(tiers) if ok else None

    def _ancillary(self, fields: Fields, code: str) -> tuple[Ancillary, ...] | None:
        found: list[Ancillary] = []
        ok = True
        for index, item, mark in fields.items("ancillary", required=False) or []:
            entry = Fields(
                fields.file, item, f"{fields.where}.ancillary[{index}]", mark, ("measure", "mandatory", "provision")
            )
            measure = entry.choice("measure", Measure)
            mandatory = entry.boolean("mandatory")
            if not entry.has("mandatory") and entry.ok:
                entry.file.add(entry.mark, f"{entry.where}: missing required key 'mandatory'")
            provision = entry.text("provision", required=False)
            if provision is not None:
                location = self._location(entry.file, entry.at("provision"))
                self.marks.references.append(Reference(provision, location, code))
            if measure is None:
                ok = False
                continue
            found.append(Ancillary(measure, mandatory, provision))
        return tuple(found) if ok else None

    def _thresholds(
        self, fields: Fields, code: str, provision_id: str, start: dt.date | None
    ) -> tuple[Threshold, ...] | None:
        found: list[Threshold] = []
        ok = True
        for index, item, mark in fields.items("thresholds", required=False) or []:
            allowed = ("tier", "measure", "minimum", "set_by")
            entry = Fields(fields.file, item, f"{fields.where}.thresholds[{index}]", mark, allowed)
            tier = entry.identifier("tier")
            measure = entry.choice("measure", ThresholdMeasure)
            minimum = entry.amount("minimum")
            set_by = entry.text("set_by")
            if tier is not None and tier != "base" and tier not in self.factors:
                entry.problem("tier", f"expected 'base' or a factor id, found {tier!r}")
                tier = None
            if set_by is not None:
                self.marks.references.append(Reference(set_by, self._location(entry.file, entry.at("set_by")), code))
            if tier is None or measure is None or minimum is None or set_by is None:
                ok = False
                continue
            found.append(Threshold(tier, measure, minimum, set_by))
        return tuple(found) if ok else None

    def _sources(self, fields: Fields, code: str) -> tuple[Source, ...] | None:
        """A `sources:` list: citations of listed sources (`{source: <id>, pinpoint: ...}`), or, in the older
        form, sources written out in full."""
        found: list[Source] = []
        items = fields.items("sources")
        if items is None:
            return None
        for index, item, mark in items:
            where = f"{fields.where}.sources[{index}]"
            if isinstance(item, YamlMap) and "source" in item:
                source = self._citation(fields.file, item, where, mark, code)
            else:
                source = self._source(fields.file, item, where, mark)
            if source is not None:
                found.append(source)
        return tuple(found) if len(found) == len(items) else None

    def _citation(self, file: FileProblems, item: Any, where: str, mark: Mark, code: str) -> Source | None:
        entry = Fields(file, item, where, mark, ("source", "pinpoint"))
        key = entry.identifier("source")
        pinpoint = entry.text("pinpoint", required=False)
        if key is None:
            return None
        self._cited.add((code, key))
        registry = self.registries.get(code, {})
        if key in registry:
            return attrs.evolve(registry[key], pinpoint=pinpoint)
        listing = f"{code.lower()}/sources.yaml"
        if key in self._declared_sources.get(code, {}):
            return None  # listed, but with problems of its own, reported there
        if code not in self._registry_files:
            entry.problem("source", f"unknown source {key!r}: there is no {listing} listing the sources to cite")
        elif self._registry_files[code].problems and not self._declared_sources.get(code):
            return None  # the list could not be read; its problem is reported
        else:
            close = difflib.get_close_matches(key, list(registry), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            entry.problem("source", f"unknown source {key!r}; {hint}expected an id listed in {listing}")
        return None

    def read_sources(self, file: _DataFile, code: str) -> None:
        """`<cc>/sources.yaml`: the sources of a jurisdiction by short id, cited from versions and events."""
        problems, content = self._open(file)
        self._registry_files[code] = problems
        registry = self.registries.setdefault(code, {})
        declared = self._declared_sources.setdefault(code, {})
        if content is None:
            return
        top = Fields(problems, content, "", (1, 1), ("sources",))
        seen: dict[Source, str] = {}
        for key, value, mark in top.entries("sources") or []:
            key_mark = top.key_mark("sources", key)
            if not _SLUG.fullmatch(key):
                problems.add(
                    key_mark,
                    f"sources: {key!r} is not a valid source id; use a-z, 0-9, '_' and '-' "
                    "(e.g. legifrance-226-1-2024)",
                )
                continue
            declared[key] = key_mark
            source = self._source(problems, value, f"sources.{key}", mark, pinpoint=False)
            if source is None:
                continue
            if source in seen:
                problems.add(
                    key_mark,
                    f"sources.{key}: the same source as {seen[source]!r} (line {declared[seen[source]][0]}); "
                    "list it once and cite that id (a pinpoint belongs to the citation)",
                )
                continue
            seen[source] = key
            registry[key] = source

    def check_unused_sources(self, codes: Iterable[str]) -> None:
        """A listed source that nothing cites is a problem: the list of sources stays clean.

        Not reported for a jurisdiction with other problems, whose citations may not all have been read.
        """
        for code in sorted(codes):
            file = self._registry_files.get(code)
            if file is None or code in self.unreadable:
                continue
            if any(problems.problems for problems in self._files_by_code.get(code, [])):
                continue
            for key, mark in self._declared_sources.get(code, {}).items():
                if (code, key) not in self._cited:
                    file.add(mark, f"sources.{key}: no version or event cites this source; cite it or remove it")

    def _source(self, file: FileProblems, item: Any, where: str, mark: Mark, pinpoint: bool = True) -> Source | None:
        allowed = (
            "url",
            "title",
            "publisher",
            "publisher_kind",
            "language",
            "kind",
            "checked_on",
            "read_via",
        ) + (("pinpoint",) if pinpoint else ())
        entry = Fields(file, item, where, mark, allowed)
        url = self._url(entry, "url")
        title = entry.text("title")
        publisher = entry.text("publisher")
        language = entry.text("language")
        if language is not None and not _LANGUAGE.fullmatch(language):
            entry.problem("language", f"expected an ISO 639-1 code such as en, fr, ko, zh; found {language!r}")
            language = None
        kind = entry.choice("kind", SourceKind)
        found_pinpoint = entry.text("pinpoint", required=False) if pinpoint else None
        checked_on = entry.date("checked_on")
        read_via = self._url(entry, "read_via", required=False)
        publisher_kind = entry.choice("publisher_kind", PublisherKind, required=False)
        if url is None or title is None or publisher is None or language is None or kind is None:
            return None
        if checked_on is None:
            return None
        return Source(url, title, publisher, language, kind, checked_on, found_pinpoint, read_via, publisher_kind)

    # -- events --------------------------------------------------------------------------------------------

    def read_events(self, file: _DataFile, code: str) -> None:
        problems, content = self._open(file)
        if content is None:
            return
        top = Fields(problems, content, "", (1, 1), ("events",))
        for key, value, mark in top.entries("events") or []:
            if not _SLUG.fullmatch(key):
                problems.add(top.key_mark("events", key), f"events: {key!r} is not a valid event slug")
                continue
            where = f"events.{key}"
            allowed = ("name", "started_on", "ended_on", "date_precision", "summary", "facts", "responses")
            fields = Fields(problems, value, where, mark, allowed)
            name = _names(fields.mapping("name", _NAME_KEYS))
            started_on = fields.date("started_on")
            ended_on = fields.date("ended_on", required=False)
            precision = fields.choice("date_precision", DatePrecision, required=False, default=DatePrecision.DAY)
            for key_name, day in (("started_on", started_on), ("ended_on", ended_on)):
                if day is None or precision is None:
                    continue
                if (precision is DatePrecision.MONTH and day.day != 1) or (
                    precision is DatePrecision.YEAR and (day.month, day.day) != (1, 1)
                ):
                    fields.problem(
                        key_name, f"{day} is not the first day of its {precision.value}, as date_precision says"
                    )
            summary = fields.text("summary")
            facts: list[EventFact] = []
            for index, item, item_mark in fields.items("facts", required=False) or []:
                fact_fields = Fields(
                    problems, item, f"{where}.facts[{index}]", item_mark, ("label", "value", "sources")
                )
                label = fact_fields.text("label")
                raw = fact_fields.raw("value")
                fact_value: int | dt.date | None = None
                if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
                    fact_value = raw
                elif raw is not None:
                    fact_value = fact_fields.amount("value")
                else:
                    fact_fields.file.add(fact_fields.mark, f"{fact_fields.where}: missing required key 'value'")
                sources = self._sources(fact_fields, code)
                if label is not None and fact_value is not None and sources:
                    facts.append(EventFact(label, fact_value, sources))
            responses = fields.references("responses") or []
            for reference, reference_mark in responses:
                self.marks.references.append(Reference(reference, self._location(problems, reference_mark), code))
            if started_on is not None and ended_on is not None and ended_on < started_on:
                fields.problem("ended_on", f"{ended_on} is before started_on {started_on}")
            if name is None or started_on is None or summary is None or precision is None:
                continue
            event_id = f"{code.lower()}/event/{key}"
            self.events[event_id] = Event(
                event_id,
                code,
                name,
                started_on,
                ended_on,
                summary,
                tuple(facts),
                tuple(r for r, _ in responses),
                precision,
            )

    # -- result --------------------------------------------------------------------------------------------

    def dataset(self) -> Dataset:
        jurisdictions: dict[str, Jurisdiction] = {}
        by_code: dict[str, list[str]] = {}  # one pass over the instruments, not one per jurisdiction
        for instrument_id in sorted(self.instruments):
            by_code.setdefault(instrument_id.split("/", 1)[0].upper(), []).append(instrument_id)
        for code in sorted(self.jurisdictions):
            raw = self.jurisdictions[code]
            jurisdictions[code] = Jurisdiction(instrument_ids=tuple(by_code.get(code, ())), **raw)
        return Dataset(
            conducts=self.conducts,
            factors=self.factors,
            cases=self.cases,
            jurisdictions=jurisdictions,
            instruments=dict(sorted(self.instruments.items())),
            provisions=dict(sorted(self.provisions.items())),
            events=dict(sorted(self.events.items())),
        )


def _link_versions(versions: list[Version]) -> tuple[Version, ...]:
    """Fill each open `in_force_to` with the day before the next version; order is checked later."""
    linked: list[Version] = []
    for index, version in enumerate(versions):
        following = versions[index + 1] if index + 1 < len(versions) else None
        if version.in_force_to is None and following is not None and following.in_force_from > version.in_force_from:
            version = attrs.evolve(version, in_force_to=following.in_force_from - dt.timedelta(days=1))
        linked.append(version)
    return tuple(linked)
