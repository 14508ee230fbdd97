"""The bundled data: clean, complete, with provenance, and every figure pinned.

`test_every_version_figure_is_pinned` compares every version's figures with a golden file: an accidental edit
of the data shows up as a diff to read (regenerate with --force-regen only for a change you meant).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlparse

import pytest
from pytest_regressions.data_regression import DataRegressionFixture

import policykit
from policykit import CoverageStatus, Status
from policykit._gettext import LANGUAGES
from policykit.model import Penalty, PublisherKind, SourceKind
from policykit.rendering import describe_penalty
from policykit.writing import canonical_files

from . import readme
from .conftest import BUNDLED_CODES

D = dt.date
DATA_DATE = D(2026, 11, 30)  # the data was last verified on this day


def test_bundled_data_is_clean() -> None:
    assert policykit.validate([policykit.bundled_data_path()]) == []


def test_every_vocabulary_term_has_a_label_in_every_language(bundled: policykit.Dataset) -> None:
    """Conducts, facts and named cases are named in every language policykit writes, so that a Chinese or Korean
    text never falls back to an English term mid-sentence."""
    terms = [*bundled.conducts.values(), *bundled.factors.values(), *bundled.cases.values()]
    missing = [(term.id, lang) for term in terms for lang in LANGUAGES if not getattr(term, lang)]
    assert missing == []
    # A Chinese label is in Chinese and a Korean one in Korean, not an English label copied over.
    assert [term.id for term in terms if not _HAN.search(term.zh or "")] == []
    assert [term.id for term in terms if not _HANGUL.search(term.ko or "")] == []


_HAN = re.compile("[\u4e00-\u9fff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def test_every_bundled_folder_is_a_jurisdiction(bundled: policykit.Dataset) -> None:
    assert tuple(bundled.jurisdictions) == BUNDLED_CODES


def test_every_source_was_checked_by_the_version_verification_date(bundled: policykit.Dataset) -> None:
    """A version is verified against its sources: none checked after `verified_on`, none verified after the data's
    date. (The loader itself refuses a version without sources or `verified_on`, or unverified without a note:
    see tests/data/bad/files.)"""
    for provision in bundled.provisions.values():
        for version in provision.versions:
            assert version.verified_on <= DATA_DATE, version.id
            for source in version.sources:
                assert source.checked_on <= version.verified_on, (version.id, source.url, source.checked_on)


def _all_sources(bundled: policykit.Dataset) -> list[tuple[str, policykit.Source]]:
    found = [(v.id, s) for p in bundled.provisions.values() for v in p.versions for s in v.sources]
    found += [(e.id, s) for e in bundled.events.values() for f in e.facts for s in f.sources]
    return found


def test_every_source_names_its_publisher_kind(bundled: policykit.Dataset) -> None:
    """A reader who clicks a footnote must land on a publisher they can name (source policy, docs/data-format.md)."""
    for where, source in _all_sources(bundled):
        assert source.publisher_kind is not None, (where, source.url)


# Pages whose publisher cannot be named: content farms and reprint sites found in an earlier version of the data.
REPRINT_HOSTS = (
    "nj64.com", "uueaxx.com", "6065bob.com", "tistory.com", "filehon.kr", "lawguide.kr", "110ask.com", "64365.com",
    "freewechat.com", "lawyeah.cn", "newsforall.eu", "blogspot.com", "senqingzn.com",
)  # fmt: skip


def test_no_source_points_at_a_reprint_site(bundled: policykit.Dataset) -> None:
    for where, source in _all_sources(bundled):
        for url in (source.url, source.read_via or ""):
            host = urlparse(url).hostname or ""
            assert not host.endswith(REPRINT_HOSTS), (where, url)


def test_a_verified_version_rests_on_an_official_text_and_not_on_blogs(bundled: policykit.Dataset) -> None:
    """Verified means two independent sources agree, one of them the official text (or a faithful mirror of it);
    blogs and encyclopedias never verify a figure on their own."""
    weak = (PublisherKind.BLOG, PublisherKind.ENCYCLOPEDIA)
    for provision in bundled.provisions.values():
        for version in provision.versions:
            if version.status is not Status.VERIFIED:
                continue
            assert any(s.kind is not SourceKind.SECONDARY for s in version.sources), version.id
            assert len([s for s in version.sources if s.publisher_kind not in weak]) >= 2, version.id


def test_every_provision_cites_its_official_database_or_stays_unverified(bundled: policykit.Dataset) -> None:
    """A provision cites its official text (the host of an official URL its jurisdiction's instruments name), or,
    where no copy of the official text could be read, none of its versions is verified."""
    for provision in bundled.provisions.values():
        code = provision.jurisdiction
        official = tuple(
            urlparse(bundled.instruments[i].official_url).hostname or ""
            for i in bundled.jurisdictions[code].instrument_ids
        )
        hosts = {
            urlparse(source.url).hostname or ""
            for version in provision.versions
            for source in version.sources
            if source.kind is not SourceKind.SECONDARY
        }
        if not any(host.endswith(official) or host in official for host in hosts):
            assert all(version.status is Status.UNVERIFIED for version in provision.versions), provision.id


def test_unverified_versions_are_listed_in_the_readme(bundled: policykit.Dataset) -> None:
    status = readme.current_block(readme.README.read_text(encoding="utf-8"), "data-status")
    for provision in bundled.provisions.values():
        for version in provision.versions:
            if version.status is Status.UNVERIFIED:
                assert f"`{version.id}`" in status


@pytest.mark.parametrize("code", BUNDLED_CODES)
def test_no_cell_is_blank_from_2010(bundled: policykit.Dataset, code: str) -> None:
    """Every conduct, twice a year: a provision reaches the general case, or a statement says why not."""
    day = D(2010, 1, 1)
    while day <= DATA_DATE:
        for conduct in bundled.conducts:
            cell = policykit.coverage(bundled, code, conduct, day)
            if cell.status in (CoverageStatus.NOT_COVERED, CoverageStatus.UNKNOWN):
                assert cell.statement is not None, (code, conduct, day)
            else:
                assert cell.provisions, (code, conduct, day)
        day = D(day.year, 7, 1) if day.month == 1 else D(day.year + 1, 1, 1)


def _penalty(penalty: Penalty | None) -> dict[str, Any] | None:
    if penalty is None:
        return None
    return {"text": describe_penalty(penalty), "fine_currency": penalty.fine.currency if penalty.fine else None}


def test_every_version_figure_is_pinned(bundled: policykit.Dataset, data_regression: DataRegressionFixture) -> None:
    pinned: dict[str, Any] = {}
    for provision in bundled.provisions.values():
        for version in provision.versions:
            pinned[version.id] = {
                "article": provision.article,
                "liability": provision.liability.value,
                "in_force_to": version.in_force_to.isoformat() if version.in_force_to else None,
                "amended_by": version.amended_by,
                "conducts": list(version.conducts),
                "applies_only_when": list(version.applies_only_when),
                "penalty": _penalty(version.penalty),
                "tiers": [f"{'+'.join(t.factors)}: {describe_penalty(t.penalty)}" for t in version.tiers],
                "thresholds": [f"{t.tier}: {t.measure.value} >= {t.minimum}" for t in version.thresholds],
                "prosecution": version.prosecution.value,
                "status": version.status.value,
            }
    data_regression.check(pinned)


# Figures checked by hand against the sources (see each version's sources); the three stages of Korea's law
# around the Nth Room reforms, and China's PSAPL before and after its 2025 revision.


def _penalty_text(data: policykit.Dataset, provision_id: str, on: dt.date) -> str | None:
    version = policykit.version_in_force(data, provision_id, on)
    if version is None or version.penalty is None:
        return None
    return describe_penalty(version.penalty)


@pytest.mark.parametrize(
    ("on", "filming", "possession"),
    [
        (D(2018, 1, 1), "imprisonment up to 5 years or fine up to ₩10,000,000", None),
        (D(2019, 6, 1), "imprisonment up to 5 years or fine up to ₩30,000,000", None),
        (
            D(2021, 1, 1),
            "imprisonment up to 7 years or fine up to ₩50,000,000",
            "imprisonment up to 3 years or fine up to ₩30,000,000",
        ),
    ],
)
def test_korea_three_stages(bundled: policykit.Dataset, on: dt.date, filming: str, possession: str | None) -> None:
    assert _penalty_text(bundled, "kr/sca/art_14__para_1", on) == filming
    assert _penalty_text(bundled, "kr/sca/art_14__para_4", on) == possession
    cell = policykit.coverage(bundled, "KR", "possession_viewing", on)
    if possession is None:
        assert cell.status is CoverageStatus.NOT_COVERED
    else:
        assert cell.status is CoverageStatus.SPECIFIC_OFFENCE


def test_korea_2020_act(bundled: policykit.Dataset) -> None:
    version = policykit.version_in_force(bundled, "kr/sca/art_14__para_1", D(2021, 1, 1))
    assert version is not None
    assert (version.in_force_from, version.amended_by) == (D(2020, 5, 19), "kr/act/17264")


@pytest.mark.parametrize(
    ("on", "provision_id", "base"),
    [
        (D(2025, 6, 1), "cn/psapl-2005/art_42__item_6", "detention up to 5 days or fine up to CN¥500"),
        (D(2026, 6, 1), "cn/psapl-2025/art_50__item_6", "detention up to 5 days or fine up to CN¥1,000"),
    ],
)
def test_china_psapl_before_and_after_2026(
    bundled: policykit.Dataset, on: dt.date, provision_id: str, base: str
) -> None:
    (item,) = [
        item
        for item in policykit.coverage(bundled, "CN", "covert_filming", on).provisions
        if item.provision.instrument_id.startswith("cn/psapl")
    ]
    assert item.provision.id == provision_id
    assert item.version.penalty is not None
    assert describe_penalty(item.version.penalty) == base
    (tier,) = item.version.tiers
    assert tier.factors == ("relatively_serious",)
    assert describe_penalty(tier.penalty).startswith("detention 5–10 days, optionally with fine up to")
    assert bundled.provisions["cn/psapl-2005/art_42__item_6"].successor == "cn/psapl-2025/art_50__item_6"


def test_france_sexual_recordings_since_2016(bundled: policykit.Dataset) -> None:
    assert _penalty_text(bundled, "fr/code-penal/art_226-2-1", D(2016, 10, 1)) is None
    assert _penalty_text(bundled, "fr/code-penal/art_226-2-1", D(2017, 1, 1)) == (
        "imprisonment up to 2 years and fine up to €60,000"
    )
    assert _penalty_text(bundled, "fr/code-penal/art_226-1", D(2017, 1, 1)) == (
        "imprisonment up to 1 year and fine up to €45,000"
    )


def test_every_bundled_file_is_in_the_writers_canonical_form() -> None:
    """Hand edits stay canonical: each file is exactly what the writer makes of what the loader read from it.

    To fix a failure, run `python scripts/format_data.py` and read the diff.
    """
    root = policykit.bundled_data_path()
    files = canonical_files(root)
    assert sorted(files) == sorted(root.rglob("*.yaml")), "files the writer would add or remove"
    different = [str(path.relative_to(root)) for path, text in files.items() if path.read_text("utf-8") != text]
    assert different == [], "not in canonical form; run python scripts/format_data.py"


def test_bundled_sources_are_listed_once_and_all_cited() -> None:
    # The loader refuses a repeated or an unused source; the bundled data must load under that rule.
    _, registries = policykit.loading.load_with_sources(policykit.bundled_data_path())
    assert set(registries) == set(BUNDLED_CODES)
    assert all(registries.values())
