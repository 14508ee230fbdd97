"""Writing model objects back to the YAML data format (the inverse of `policykit.loading`).

`dump_instrument` gives the text of `jurisdictions/<cc>/instruments/<slug>.yaml` for an instrument of a
dataset; loading that text again gives equal objects. Useful to edit data programmatically, and to test
that the format loses nothing.
"""

from __future__ import annotations

from typing import Any

import yaml

from policykit._penalty_fields import penalty_yaml
from policykit.model import (
    Dataset,
    Names,
    Penalty,
    Prosecution,
    Provision,
    Reach,
    Source,
    Term,
    TermRange,
    Version,
)


class _Dumper(yaml.SafeDumper):
    """Never writes anchors or aliases: the loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _names(names: Names) -> dict[str, str]:
    return {key: value for key, value in (("original", names.original), ("en", names.en), ("fr", names.fr)) if value}


def _term(term: Term) -> str:
    return f"{term.amount} {term.unit.value}"


def _range(term_range: TermRange) -> dict[str, str]:
    found = {}
    if term_range.min is not None:
        found["min"] = _term(term_range.min)
    if term_range.max is not None:
        found["max"] = _term(term_range.max)
    return found


def _penalty(penalty: Penalty) -> dict[str, Any]:
    return penalty_yaml(penalty)


def _source(source: Source) -> dict[str, Any]:
    found: dict[str, Any] = {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
    }
    if source.publisher_kind is not None:
        found["publisher_kind"] = source.publisher_kind.value
    found |= {
        "language": source.language,
        "kind": source.kind.value,
    }
    if source.pinpoint is not None:
        found["pinpoint"] = source.pinpoint
    found["checked_on"] = source.checked_on
    if source.read_via is not None:
        found["read_via"] = source.read_via
    return found


def _version(version: Version, following: Version | None) -> dict[str, Any]:
    found: dict[str, Any] = {"in_force_from": version.in_force_from}
    implied_end = following.in_force_from.toordinal() - 1 if following is not None else None
    if version.in_force_to is not None and version.in_force_to.toordinal() != implied_end:
        found["in_force_to"] = version.in_force_to
    found["amended_by"] = version.amended_by.rsplit("/", 1)[-1]
    found["conducts"] = list(version.conducts)
    found["applies_only_when"] = list(version.applies_only_when)
    found["summary"] = version.summary
    if version.penalty is not None:
        found["penalty"] = _penalty(version.penalty)
    if version.tiers:
        found["tiers"] = [{"factors": list(tier.factors), "penalty": _penalty(tier.penalty)} for tier in version.tiers]
    if version.ancillary:
        found["ancillary"] = [
            {"measure": item.measure.value, "mandatory": item.mandatory}
            | ({"provision": item.provision} if item.provision else {})
            for item in version.ancillary
        ]
    if version.prosecution is not Prosecution.EX_OFFICIO:
        found["prosecution"] = version.prosecution.value
    if version.thresholds:
        found["thresholds"] = [
            {"tier": t.tier, "measure": t.measure.value, "minimum": t.minimum, "set_by": t.set_by}
            for t in version.thresholds
        ]
    found["status"] = version.status.value
    found["verified_on"] = version.verified_on
    if version.note is not None:
        found["note"] = version.note
    found["sources"] = [_source(source) for source in version.sources]
    return found


def _provision(provision: Provision) -> dict[str, Any]:
    found: dict[str, Any] = {"article": provision.article}
    if provision.heading is not None:
        found["heading"] = _names(provision.heading)
    found["liability"] = provision.liability.value
    found["conducts"] = list(provision.conducts)
    if provision.reach is not Reach.SPECIFIC:
        found["reach"] = provision.reach.value
    if provision.successor is not None:
        found["successor"] = provision.successor
    versions = provision.versions
    found["versions"] = [
        _version(version, versions[index + 1] if index + 1 < len(versions) else None)
        for index, version in enumerate(versions)
    ]
    return found


def dump_instrument(dataset: Dataset, instrument_id: str) -> str:
    """The YAML text of one instrument file, with all its provisions and versions."""
    instrument = dataset.instruments[instrument_id]
    document: dict[str, Any] = {"title": _names(instrument.title)}
    if instrument.abbreviation is not None:
        document["abbreviation"] = instrument.abbreviation
    document["kind"] = instrument.kind.value
    document["official_url"] = instrument.official_url
    document["provisions"] = {
        provision_id.rsplit("/", 1)[-1]: _provision(dataset.provisions[provision_id])
        for provision_id in instrument.provision_ids
    }
    text: str = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return text
