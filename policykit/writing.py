"""Writing model objects back to the YAML data format (the inverse of `policykit.loading`).

One writer gives the canonical text of every data file: `vocabulary.yaml`, `<cc>/jurisdiction.yaml`,
`<cc>/sources.yaml`, `<cc>/events.yaml`, and each instrument as a folder `<cc>/instruments/<slug>/` holding
`index.yaml` and one file per provision. `format_data` rewrites a data folder in that form (converting the
older layout of one file per instrument with sources pasted into each version), and the tests check that every
bundled file is exactly what the writer makes of it, so hand edits stay canonical.

Canonical means: keys in the order of docs/data-format.md, lists of ids, names and penalties in flow style
(`[a, b]`, `{max: 2 years}`), one line per value (no folding), and text that a YAML 1.1 reader would take for
something else (`no`, `y`, `3`, `0x10`, `1:20`, `2020-01-01`, `null`) in double quotes. A file's leading
comment lines are kept; other comments are not.

>>> import policykit
>>> data = policykit.load()
>>> print(dump_index(data.instruments["fr/code-penal"]), end="")
title: {original: Code pénal, en: Criminal Code}
abbreviation: C. pén.
kind: code
official_url: https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
import urllib.parse
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml

from policykit._penalty_fields import penalty_yaml
from policykit._yaml import yaml11_reading
from policykit.model import (
    Conduct,
    Dataset,
    Event,
    Factor,
    Instrument,
    Jurisdiction,
    NamedCase,
    Names,
    Penalty,
    Prosecution,
    Provision,
    Reach,
    Source,
    Version,
)

SourceIds = Mapping[Source, str]
"""A source (without its pinpoint) -> its short id in the jurisdiction's `sources.yaml`."""


class _Flow(dict[str, Any]):
    """A mapping written on one line: `{max: 2 years}`."""


class _FlowList(list[Any]):
    """A list written on one line: `[covert_filming, distribution_covert]`."""


class _Dumper(yaml.SafeDumper):
    """Never writes anchors or aliases (the loader refuses them); indents lists under their key."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()
        text: str = getattr(self.event, "value", "")
        # Text with an apostrophe reads better in double quotes (`"the victim's"`) than in single quotes, which
        # double it (`'the victim''s'`); double quotes would escape a `"` or `\`, so not then.
        if style == "'" and "'" in text and '"' not in text and "\\" not in text:
            return '"'
        return style


def _represent_text(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    # Double quotes for anything a YAML 1.1 reader would read as another type: PyYAML's own resolver misses
    # y and n, and would otherwise pick single quotes.
    style = '"' if yaml11_reading(value) is not None else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(
    _Flow, lambda dumper, value: dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda dumper, value: dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)
)


def dump_yaml(document: Mapping[str, Any], header: str = "") -> str:
    """`document` as canonical YAML, after `header` (comment lines, kept as they are)."""
    text: str = yaml.dump(dict(document), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return header + text


# -- pieces ----------------------------------------------------------------------------------------------------


def _names(names: Names) -> _Flow:
    return _Flow(
        (key, value) for key, value in (("original", names.original), ("en", names.en), ("fr", names.fr)) if value
    )


_ONE_UNIT = re.compile(r"1 (year|month|day)s")
_FINE_KEYS = ("min", "max", "unspecified", "daily_units", "penalty_units", "per_unit", "currency")


def _penalty_value(key: str, value: Any, currency: str | None) -> Any:
    """One penalty key's YAML value, tidied: no currency when it is the jurisdiction's, `1 year` not `1 years`."""
    if key == "fine":
        fine = {name: value[name] for name in _FINE_KEYS if name in value}
        if fine.get("currency") == currency:
            del fine["currency"]
        return fine
    if key == "summary":
        return {name: _penalty_value(name, inner, currency) for name, inner in value.items()}
    if isinstance(value, dict):
        return {name: _ONE_UNIT.sub(r"1 \1", term) if isinstance(term, str) else term for name, term in value.items()}
    return value


def _penalty(penalty: Penalty, currency: str | None) -> _Flow:
    """A penalty as the loader reads it, as a lawyer writes it: `1 year`, and no currency when it is the
    jurisdiction's (`currency`)."""
    return _Flow((key, _penalty_value(key, value, currency)) for key, value in penalty_yaml(penalty).items())


def without_pinpoint(source: Source) -> Source:
    """The source itself, as listed in `sources.yaml`: a pinpoint belongs to the citation."""
    return attrs.evolve(source, pinpoint=None)


def _source(source: Source) -> dict[str, Any]:
    found: dict[str, Any] = {"url": source.url, "title": source.title, "publisher": source.publisher}
    if source.publisher_kind is not None:
        found["publisher_kind"] = source.publisher_kind.value
    found |= {"language": source.language, "kind": source.kind.value, "checked_on": source.checked_on}
    if source.read_via is not None:
        found["read_via"] = source.read_via
    return found


def _inline_source(source: Source) -> dict[str, Any]:
    """A source written out in a version (the single-file form): its fields and its pinpoint."""
    found = _source(source)
    if source.pinpoint is not None:
        found["pinpoint"] = source.pinpoint
    return found


def _citations(sources: Iterable[Source], ids: SourceIds | None) -> list[Any]:
    if ids is None:
        return [_inline_source(source) for source in sources]
    found: list[Any] = []
    for source in sources:
        citation = _Flow(source=ids[without_pinpoint(source)])
        if source.pinpoint is not None:
            citation["pinpoint"] = source.pinpoint
        found.append(citation)
    return found


def _shared(values: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The value every version has, to be written once on the provision; None when they differ."""
    return values[0] if values and all(value == values[0] for value in values) else None


def _version(
    version: Version,
    following: Version | None,
    conducts: tuple[str, ...],
    only_when: tuple[str, ...],
    ids: SourceIds | None,
    currency: str | None,
) -> dict[str, Any]:
    found: dict[str, Any] = {"in_force_from": version.in_force_from}
    implied_end = following.in_force_from.toordinal() - 1 if following is not None else None
    if version.in_force_to is not None and version.in_force_to.toordinal() != implied_end:
        found["in_force_to"] = version.in_force_to
    found["amended_by"] = version.amended_by.rsplit("/", 1)[-1]
    if version.conducts != conducts:
        found["conducts"] = _FlowList(version.conducts)
    if version.applies_only_when != only_when:
        found["applies_only_when"] = _FlowList(version.applies_only_when)
    if version.applies_when_any:
        found["applies_when_any"] = [_FlowList(group) for group in version.applies_when_any]
    found["summary"] = version.summary
    if version.penalty is not None:
        found["penalty"] = _penalty(version.penalty, currency)
    if version.tiers:
        found["tiers"] = [
            {"factors": _FlowList(tier.factors), "penalty": _penalty(tier.penalty, currency)} for tier in version.tiers
        ]
    if version.ancillary:
        found["ancillary"] = [
            _Flow(
                {"measure": item.measure.value, "mandatory": item.mandatory}
                | ({"provision": item.provision} if item.provision else {})
            )
            for item in version.ancillary
        ]
    if version.prosecution is not Prosecution.EX_OFFICIO:
        found["prosecution"] = version.prosecution.value
    if version.thresholds:
        found["thresholds"] = [
            _Flow(tier=t.tier, measure=t.measure.value, minimum=t.minimum, set_by=t.set_by) for t in version.thresholds
        ]
    found["status"] = version.status.value
    found["verified_on"] = version.verified_on
    if version.note is not None:
        found["note"] = version.note
    found["sources"] = _citations(version.sources, ids)
    return found


def _provision(provision: Provision, ids: SourceIds | None, currency: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {"article": provision.article}
    if provision.heading is not None:
        found["heading"] = _names(provision.heading)
    found["liability"] = provision.liability.value
    versions = provision.versions
    conducts = _shared([version.conducts for version in versions]) or (versions[0].conducts if versions else ())
    found["conducts"] = _FlowList(conducts)
    if provision.reach is not Reach.SPECIFIC:
        found["reach"] = provision.reach.value
    only_when = _shared([version.applies_only_when for version in versions]) or ()
    if only_when:
        found["applies_only_when"] = _FlowList(only_when)
    if provision.successor is not None:
        found["successor"] = provision.successor
    found["versions"] = [
        _version(
            version, versions[index + 1] if index + 1 < len(versions) else None, conducts, only_when, ids, currency
        )
        for index, version in enumerate(versions)
    ]
    return found


def _index(instrument: Instrument) -> dict[str, Any]:
    found: dict[str, Any] = {"title": _names(instrument.title)}
    if instrument.abbreviation is not None:
        found["abbreviation"] = instrument.abbreviation
    if instrument.article_label is not None:
        found["article_label"] = instrument.article_label
    found["kind"] = instrument.kind.value
    found["official_url"] = instrument.official_url
    return found


# -- files -----------------------------------------------------------------------------------------------------


def dump_instrument(dataset: Dataset, instrument_id: str) -> str:
    """The single-file form of an instrument (`instruments/<slug>.yaml`), its sources written out in each version.

    The loader still reads this form; `format_data` turns it into a folder with a list of sources.
    """
    instrument = dataset.instruments[instrument_id]
    document = _index(instrument)
    document["provisions"] = {
        provision_id.rsplit("/", 1)[-1]: _provision(dataset.provisions[provision_id], None, None)
        for provision_id in instrument.provision_ids
    }
    return dump_yaml(document)


def dump_index(instrument: Instrument, header: str = "") -> str:
    """`instruments/<slug>/index.yaml`: what the instrument is, without its provisions."""
    return dump_yaml(_index(instrument), header)


def dump_provision(provision: Provision, ids: SourceIds, currency: str | None = None, header: str = "") -> str:
    """`instruments/<slug>/<provision>.yaml`: one provision with all its versions, citing sources by id.

    Fines in `currency` (the jurisdiction's) are written without it.
    """
    return dump_yaml(_provision(provision, ids, currency), header)


def dump_sources(registry: Mapping[str, Source], header: str = "") -> str:
    """`<cc>/sources.yaml`: every source of a jurisdiction by its short id, in id order."""
    return dump_yaml({"sources": {key: _source(registry[key]) for key in sorted(registry)}}, header)


def dump_events(events: Iterable[Event], ids: SourceIds, header: str = "") -> str:
    """`<cc>/events.yaml`: a jurisdiction's events, citing sources by id."""
    found: dict[str, Any] = {}
    for event in events:
        entry: dict[str, Any] = {"name": _names(event.name), "started_on": event.started_on}
        if event.precision.value != "day":
            entry["date_precision"] = event.precision.value
        if event.ended_on is not None:
            entry["ended_on"] = event.ended_on
        entry["summary"] = event.summary
        if event.facts:
            entry["facts"] = [
                {"label": fact.label, "value": fact.value, "sources": _citations(fact.sources, ids)}
                for fact in event.facts
            ]
        if event.responses:
            entry["responses"] = _FlowList(event.responses)
        found[event.id.rsplit("/", 1)[-1]] = entry
    return dump_yaml({"events": found}, header)


def dump_jurisdiction(jurisdiction: Jurisdiction, header: str = "") -> str:
    """`<cc>/jurisdiction.yaml`: names, currency, acts and coverage statements."""
    acts: dict[str, Any] = {}
    for act_id, act in jurisdiction.acts.items():
        entry: dict[str, Any] = {"title": _names(act.title), "reference": act.reference, "adopted_on": act.adopted_on}
        if act.in_force_on is not None:
            entry["in_force_on"] = act.in_force_on
        if act.url is not None:
            entry["url"] = act.url
        acts[act_id.rsplit("/", 1)[-1]] = entry
    coverage: dict[str, list[Any]] = {}
    for statement in jurisdiction.coverage:
        item: dict[str, Any] = {"status": statement.status.value, "from": statement.start}
        if statement.end is not None:
            item["to"] = statement.end
        item |= {"reason": statement.reason, "verified_on": statement.verified_on}
        coverage.setdefault(statement.conduct, []).append(item)
    document: dict[str, Any] = {
        "code": jurisdiction.code,
        "name": _names(jurisdiction.name),
        "currency": jurisdiction.currency,
        "coverage_from": jurisdiction.coverage_from,
    }
    if acts:
        document["acts"] = acts
    if coverage:
        document["coverage"] = coverage
    return dump_yaml(document, header)


def dump_vocabulary(dataset: Dataset, header: str = "") -> str:
    """`vocabulary.yaml`: conducts, factors (facts) and named cases."""
    conducts: dict[str, Any] = {}
    for conduct in dataset.conducts.values():
        entry: dict[str, Any] = {"en": conduct.en, "fr": conduct.fr, **_labels(conduct)}
        entry["description"] = conduct.description
        if conduct.plain_case:
            entry["plain_case"] = _FlowList(conduct.plain_case)
        conducts[conduct.id] = entry
    factors: dict[str, Any] = {}
    for factor in dataset.factors.values():
        entry = {"kind": factor.kind.value, "en": factor.en, "fr": factor.fr, **_labels(factor)}
        if factor.implies:
            entry["implies"] = _FlowList(factor.implies)
        if factor.replaces_base:
            entry["replaces_base"] = True
        factors[factor.id] = entry
    document: dict[str, Any] = {"conducts": conducts, "factors": factors}
    if dataset.cases:
        cases: dict[str, Any] = {}
        for case in dataset.cases.values():
            entry = {"en": case.en, "fr": case.fr, **_labels(case)}
            entry |= {"description": case.description, "conduct": case.conduct}
            entry["facts"] = _FlowList(case.facts)
            if case.quantities:
                entry["quantities"] = _Flow((measure.value, amount) for measure, amount in case.quantities)
            cases[case.id] = entry
        document["cases"] = cases
    return dump_yaml(document, header)


def _labels(term: Conduct | Factor | NamedCase) -> dict[str, str]:
    """The optional `zh` and `ko` labels a term has, in that order, after the required `en` and `fr`."""
    return {key: value for key, value in (("zh", term.zh), ("ko", term.ko)) if value}


# -- short ids for sources -------------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    ("a", "an", "and", "at", "au", "aux", "by", "d", "de", "del", "des", "du", "en", "et", "for", "in", "l", "la",
     "le", "les", "of", "on", "or", "the", "to", "version", "versions", "vigueur", "article", "art", "1er",
     "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
     "decembre", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december")
)  # fmt: skip
#: Host labels that say nothing about the publisher (`www.`, `.gouv.fr`, `.co.kr`).
_GENERIC_LABELS = frozenset(
    ("www", "com", "org", "net", "gov", "gouv", "go", "co", "or", "ac", "edu", "int", "info", "io", "eu", "uk", "fr",
     "kr", "cn", "jp", "tw", "hk")
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_MAX_TITLE_PART = 32


def _host_part(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "source").lower()
    labels = [label for label in host.split(".") if label != "www"]
    kept = list(labels)
    while kept and kept[-1] in _GENERIC_LABELS:
        kept.pop()
    # A short name left on its own (`law` of law.go.kr) says little: keep the whole host then.
    if len(kept) == 1 and len(kept[0]) <= 4:
        kept = labels
    return "-".join(_WORD.findall("-".join(kept or labels))) or "source"


def _title_part(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = [word for word in _WORD.findall(ascii_title) if word not in _STOPWORDS]
    part = ""
    for word in words:
        if part and len(part) + 1 + len(word) > _MAX_TITLE_PART:
            break
        part = f"{part}-{word}" if part else word[:_MAX_TITLE_PART]
    return part


def new_source_id(source: Source, taken: Iterable[str], hint: str = "") -> str:
    """A readable short id for a source not yet listed: its publisher's host and the words of its title.

    A title with no word in Latin letters (a Chinese or Korean title) gives only its numbers; `hint` (the slug
    of the instrument that cites the source) is then put before them.

    >>> import datetime as dt
    >>> from policykit.model import SourceKind
    >>> korean = Source("https://www.law.go.kr/x", "성폭력범죄의 처벌 등에 관한 특례법 [법률 제10258호]", "MOLEG", "ko",
    ...                 SourceKind.OFFICIAL_TEXT, dt.date(2026, 11, 21))
    >>> new_source_id(korean, taken=[])
    'law-go-kr-10258'
    >>> new_source_id(korean, taken=["law-go-kr-10258"])
    'law-go-kr-10258-2'
    """
    taken = set(taken)
    title = _title_part(source.title)
    if hint and not re.search("[a-z]", title):
        title = f"{hint}-{title}" if title else hint
    base = "-".join(part for part in (_host_part(source.url), title) if part)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def source_ids(registry: Mapping[str, Source], cited: Iterable[tuple[Source, str]]) -> dict[Source, str]:
    """Ids for every cited source: its id in `registry` when listed there, otherwise a new one.

    Sources that differ only by their pinpoint are one source. Listed ids never change, so re-running the
    conversion on data merged later keeps every id already given. `cited` pairs each source with a hint for
    its id (see `new_source_id`).
    """
    ids = {source: key for key, source in registry.items()}
    taken = set(registry)
    for source, hint in cited:
        plain = without_pinpoint(source)
        if plain not in ids:
            ids[plain] = new_source_id(plain, taken, hint)
            taken.add(ids[plain])
    return ids


# -- whole folders ---------------------------------------------------------------------------------------------


def _header(path: Path) -> str:
    """The comment lines (and blank lines among them) at the top of an existing file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError):
        return ""
    kept: list[str] = []
    for line in lines:
        if not line.startswith("#") and line.strip():
            break
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return "".join(kept) + ("\n" if kept and not kept[-1].endswith("\n") else "")


def provision_file_name(provision_id: str) -> str:
    """The file of a provision in its instrument's folder: its slug (`art_226-1.yaml`)."""
    return provision_id.rsplit("/", 1)[-1] + ".yaml"


def canonical_files(root: str | os.PathLike[str], *, unused_sources_ok: bool = False) -> dict[Path, str]:
    """The canonical text of every file of data folder `root`, by path (only files of the new layout).

    Raises `DataError` when the folder has problems: only data that loads cleanly is rewritten. With
    `unused_sources_ok`, listed sources that nothing cites are not a problem, and are left out.
    """
    from policykit.loading import load_with_sources  # loading imports nothing from here; keep it that way

    folder = Path(root)
    dataset, registries = load_with_sources(folder, unused_sources_ok=unused_sources_ok)
    files: dict[Path, str] = {}

    def add(path: Path, make: Any) -> None:
        files[path] = make(_header(path))

    if (folder / "vocabulary.yaml").is_file():
        add(folder / "vocabulary.yaml", lambda header: dump_vocabulary(dataset, header))
    for code, jurisdiction in dataset.jurisdictions.items():
        base = folder / code.lower()
        events = [event for event in dataset.events.values() if event.jurisdiction == code]
        cited = [
            (source, instrument_id.rsplit("/", 1)[-1])
            for instrument_id in jurisdiction.instrument_ids
            for provision_id in dataset.instruments[instrument_id].provision_ids
            for version in dataset.provisions[provision_id].versions
            for source in version.sources
        ] + [(source, "events") for event in events for fact in event.facts for source in fact.sources]
        ids = source_ids(registries.get(code, {}), cited)
        used = {without_pinpoint(source) for source, _ in cited}
        registry = {key: source for source, key in ids.items() if source in used}
        add(base / "jurisdiction.yaml", lambda header, j=jurisdiction: dump_jurisdiction(j, header))
        add(base / "sources.yaml", lambda header, r=registry: dump_sources(r, header))
        if events:
            add(base / "events.yaml", lambda header, e=events, i=ids: dump_events(e, i, header))
        for instrument_id in jurisdiction.instrument_ids:
            instrument = dataset.instruments[instrument_id]
            folder_path = base / "instruments" / instrument_id.rsplit("/", 1)[-1]
            add(folder_path / "index.yaml", lambda header, i=instrument: dump_index(i, header))
            for provision_id in instrument.provision_ids:
                provision = dataset.provisions[provision_id]
                add(
                    folder_path / provision_file_name(provision_id),
                    lambda header, p=provision, i=ids, c=jurisdiction.currency: dump_provision(p, i, c, header),
                )
    return files


def format_data(root: str | os.PathLike[str], *, check: bool = False, replace_folders: bool = False) -> list[Path]:
    """Rewrite data folder `root` canonically, in the layout of docs/data-format.md; return the files changed.

    Converts the older layout too: an instrument file `instruments/<slug>.yaml` becomes a folder with an
    `index.yaml` and one file per provision, and sources written out in versions and events move to
    `sources.yaml` under a short id (sources that differ only by pinpoint become one source cited twice; a
    source already listed keeps its id). Listed sources that nothing cites any more are dropped. Running it
    again changes nothing. With `replace_folders=True`, an instrument that is both a file and a folder (a file
    in the older layout merged from another branch) is taken from the file, and the folder's files are replaced
    by its conversion. With
    `check=True`, nothing is written or removed: the files that would change (or be removed) are returned.
    Raises `DataError` when the folder does not load cleanly, having written nothing.
    """
    folder = Path(root)
    replaced = [
        instrument.with_suffix("")
        for instrument in sorted(folder.glob("*/instruments/*.yaml"))
        if replace_folders and instrument.with_suffix("").is_dir()
    ]
    if replaced:
        # Read a copy without the replaced folders, so that nothing is touched if it does not load.
        with tempfile.TemporaryDirectory() as temporary:
            copy = Path(temporary) / "data"
            shutil.copytree(folder, copy)
            for stale in replaced:
                shutil.rmtree(copy / stale.relative_to(folder))
            files = {
                folder / path.relative_to(copy): text
                for path, text in canonical_files(copy, unused_sources_ok=True).items()
            }
    else:
        files = canonical_files(folder, unused_sources_ok=True)
    removed = [path for stale in replaced for path in sorted(stale.glob("*.yaml")) if path not in files]
    if not check:
        for path in removed:
            path.unlink()
    changed: list[Path] = list(removed)
    instrument_folders = {path.parent for path in files if path.parent.parent.name == "instruments"}
    for instruments in {path.parent for path in instrument_folders}:
        for old in sorted(instruments.glob("*.yaml")):
            if old.with_suffix("") in instrument_folders:  # the single-file form of a converted instrument
                changed.append(old)
                if not check:
                    old.unlink()
    for path, text in sorted(files.items()):
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            changed.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return sorted(set(changed))
