"""Properties: the data format loses nothing, bad edits are always caught, queries agree with a reference,
and outputs do not depend on file order or hash seed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policykit
from policykit.model import Prosecution, Provision, Reach, SourceKind, Status, Version
from policykit.writing import canonical_files, dump_instrument

from .conftest import MINIMAL

# -- round trips -----------------------------------------------------------------------------------------------


def _round_trip(root: Path, tmp: Path) -> policykit.Dataset:
    """Every file of `root` rewritten by the writer from what the loader read, in an empty copy, loaded again."""
    copy = tmp / "data"
    shutil.copytree(root, copy)
    files = canonical_files(copy)
    for path in copy.rglob("*.yaml"):
        path.unlink()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return policykit.load(copy)


def test_bundled_data_round_trips(bundled: policykit.Dataset, tmp_path: Path) -> None:
    again = _round_trip(policykit.bundled_data_path(), tmp_path)
    assert again.provisions == bundled.provisions
    assert again.instruments == bundled.instruments
    assert again.events == bundled.events
    assert again.jurisdictions == bundled.jurisdictions
    assert (again.conducts, again.factors, again.cases) == (bundled.conducts, bundled.factors, bundled.cases)


DAY = dt.timedelta(days=1)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
texts = st.text(
    st.characters(
        codec="utf-8",
        exclude_categories=("Cs", "Cc"),
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() == text and text != "")
terms = st.builds(policykit.Term, st.integers(1, 40), st.sampled_from(list(policykit.model.Unit))) | st.builds(
    policykit.Term,
    st.integers(1, 40),
    st.sampled_from([policykit.model.Unit.YEARS, policykit.model.Unit.MONTHS]),
    st.just(True),
)


@st.composite
def bounds(draw: st.DrawFn) -> tuple[int | None, int | None]:
    low, high = draw(st.none() | st.integers(1, 10**5)), draw(st.none() | st.integers(1, 10**5))
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


@st.composite
def unit_fines(draw: st.DrawFn) -> policykit.Fine:
    counts = draw(bounds().filter(lambda found: found != (None, None)))
    per_unit = draw(bounds())
    units = policykit.FineUnits(draw(st.sampled_from(list(policykit.FineUnit))), *counts, *per_unit)
    return policykit.Fine("EUR", units=units)


@st.composite
def penalties(draw: st.DrawFn) -> policykit.Penalty:
    low = draw(st.none() | terms)
    high = draw(st.none() | terms)
    if low is not None and high is not None and low.months > high.months:
        low, high = high, low
    imprisonment = policykit.TermRange(low, high) if (low or high) else None
    fine = draw(
        st.none()
        | st.builds(policykit.Fine, st.just("EUR"), st.none(), st.integers(0, 10**12))
        | st.builds(policykit.Fine, st.just("EUR"), st.none(), st.none(), st.just(True))
        | unit_fines()
    )
    trial = draw(st.none() | st.sampled_from(list(policykit.Trial)))
    summary = None
    if trial is policykit.Trial.EITHER_WAY:
        summary_term = draw(terms)
        summary = policykit.SummaryPenalty(
            policykit.TermRange(max=summary_term), draw(st.none() | unit_fines()), policykit.Combination.EITHER_OR_BOTH
        )
    penalty = policykit.Penalty(
        imprisonment=imprisonment,
        life_imprisonment=draw(st.booleans()),
        criminal_detention=draw(st.booleans()),
        fine=fine,
        combination=draw(st.none() | st.sampled_from(list(policykit.Combination))),
        trial=trial,
        summary=summary,
    )
    return penalty if not penalty.is_empty else policykit.Penalty(warning=True)


@st.composite
def provisions(draw: st.DrawFn, slug: str) -> Provision:
    provision_id = f"xa/gen/{slug}"
    count = draw(st.integers(1, 4))
    starts = sorted(draw(st.lists(dates, min_size=count, max_size=count, unique=True)))
    versions = []
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else None
        end = following - DAY if following else draw(st.none() | st.dates(start, dt.date(2031, 1, 1)))
        source = policykit.Source(
            url="https://example.org/" + slug,
            title=draw(texts),
            publisher=draw(texts),
            language="en",
            kind=draw(st.sampled_from(list(SourceKind))),
            checked_on=dt.date(2026, 1, 1),
            pinpoint=draw(st.none() | texts),
        )
        status = draw(st.sampled_from(list(Status)))
        versions.append(
            Version(
                provision_id=provision_id,
                in_force_from=start,
                in_force_to=end,
                amended_by="xa/act/penal-2000",
                conducts=("covert_filming",),
                applies_only_when=("obscene_material",),
                summary=draw(texts),
                penalty=draw(penalties()),
                tiers=tuple(policykit.Tier(("minor_victim",), p) for p in draw(st.lists(penalties(), max_size=1))),
                ancillary=(),
                prosecution=draw(st.sampled_from(list(Prosecution))),
                thresholds=(),
                status=status,
                verified_on=dt.date(2026, 1, 1),
                note=draw(texts) if status is Status.UNVERIFIED else None,
                sources=(source,),
            )
        )
    return Provision(
        provision_id,
        "xa/gen",
        f"{slug.removeprefix('art_')}-{draw(st.integers(1, 999))}",  # one article per provision
        None,
        policykit.Liability.CRIMINAL,
        draw(st.sampled_from(list(Reach))),
        tuple(versions),
    )


SLUGS = st.lists(st.sampled_from(["art_1", "art_2", "art_3", "art_4"]), min_size=1, max_size=3, unique=True)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=SLUGS.flatmap(lambda slugs: st.tuples(*(provisions(slug) for slug in slugs))))
def test_generated_instruments_round_trip(
    generated: tuple[Provision, ...], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = policykit.load(MINIMAL)
    instrument = policykit.Instrument(
        "xa/gen",
        policykit.model.Names(original="Generated"),
        policykit.model.InstrumentKind.STATUTE,
        "https://example.org/gen",
        tuple(p.id for p in generated),
    )
    data = policykit.Dataset(
        base.conducts,
        base.factors,
        base.jurisdictions,
        {"xa/gen": instrument},
        {p.id: p for p in generated},
        {},
    )
    root = tmp_path_factory.mktemp("gen") / "data"
    shutil.copytree(MINIMAL, root)
    (root / "xa" / "instruments" / "gen.yaml").write_text(dump_instrument(data, "xa/gen"), "utf-8")
    loaded = policykit.load(root)
    for provision in generated:
        assert loaded.provisions[provision.id] == provision


# -- queries agree with a reference -----------------------------------------------------------------------------


def _reference_version(provision: Provision, on: dt.date) -> Version | None:
    matches = [
        v for v in provision.versions if v.in_force_from <= on and (v.in_force_to is None or on <= v.in_force_to)
    ]
    assert len(matches) <= 1
    return matches[0] if matches else None


@settings(max_examples=50, deadline=None)
@given(provisions("art_1"), st.lists(dates, min_size=1, max_size=20))
def test_version_on_agrees_with_a_reference(provision: Provision, days: list[dt.date]) -> None:
    for day in (
        days + [v.in_force_from for v in provision.versions] + [v.in_force_from - DAY for v in provision.versions]
    ):
        assert provision.version_on(day) == _reference_version(provision, day)


# -- invalid mutations are always caught, with a location in the file -------------------------------------------

PENAL_ACT = (MINIMAL / "xa" / "instruments" / "penal-act.yaml").read_text(encoding="utf-8")
LINES = PENAL_ACT.splitlines(keepends=True)
KEY_LINES = [i for i, line in enumerate(LINES) if line.strip() and ":" in line and not line.lstrip().startswith("#")]
DATE_LINES = [i for i, line in enumerate(LINES) if "in_force_from:" in line or "verified_on:" in line]
AMOUNT_LINES = [i for i, line in enumerate(LINES) if "max: 10000}" in line or "fine: {max: 500}" in line]


def _mutate(kind: str, index: int) -> str:
    lines = list(LINES)
    if kind == "unknown_key":
        line = lines[index]
        indent = line[: len(line) - len(line.lstrip())].replace("- ", "  ")
        lines.insert(index + 1, f"{indent}zzz_unknown: 1\n")
    elif kind == "duplicate_key":
        lines.insert(index + 1, lines[index])
    elif kind == "bad_date":
        lines[index] = lines[index].split(":")[0] + ": 2023-02-30\n"
    elif kind == "negative_amount":
        lines[index] = lines[index].replace("max: 10000}", "max: -10000}").replace("{max: 500}", "{max: -500}")
    elif kind == "tab":
        lines[index] = "\t" + lines[index]
    return "".join(lines)


OPENING_LINES = [i for i in KEY_LINES if LINES[i].rstrip().endswith(":")]
PLAIN_KEY_LINES = [i for i in KEY_LINES if not LINES[i].lstrip().startswith("-")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    mutation=st.one_of(
        st.tuples(st.just("unknown_key"), st.sampled_from(OPENING_LINES)),
        st.tuples(st.just("duplicate_key"), st.sampled_from(PLAIN_KEY_LINES)),
        st.tuples(st.just("bad_date"), st.sampled_from(DATE_LINES)),
        st.tuples(st.just("negative_amount"), st.sampled_from(AMOUNT_LINES)),
        st.tuples(st.just("tab"), st.sampled_from(KEY_LINES[1:])),
    )
)
def test_invalid_mutations_are_rejected_with_a_location(
    mutation: tuple[str, int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("mut") / "data"
    shutil.copytree(MINIMAL, root)
    target = root / "xa" / "instruments" / "penal-act.yaml"
    text = _mutate(*mutation)
    target.write_text(text, encoding="utf-8")
    problems = policykit.validate([root])
    assert problems, mutation
    in_file = [p for p in problems if p.file == str(target)]
    assert in_file, (mutation, problems)
    assert all(1 <= p.line <= len(text.splitlines()) + 1 for p in in_file)


# -- determinism -------------------------------------------------------------------------------------------------

SCRIPT = Path(sys.executable).parent / "policykit"


def test_output_is_independent_of_hash_seed_and_file_order(tmp_path: Path) -> None:
    # The same data written in the reverse order, so directory listings differ.
    copy = tmp_path / "data"
    for path in sorted(policykit.bundled_data_path().rglob("*"), reverse=True):
        relative = path.relative_to(policykit.bundled_data_path())
        if path.is_file():
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, copy / relative)
    outputs = set()
    for seed, data in (("0", None), ("12345", None), ("777", str(copy))):
        args = [str(SCRIPT), "compare", "--as-of", "2026-11-21", "--format", "json"]
        if data:
            args += ["--data", data]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", env=env, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1
