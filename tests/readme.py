"""The generated parts of README.md, so the README cannot drift from the code and data.

Run `python -m tests.readme` from the repository root to rewrite them; `tests/test_docs.py` checks them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import attrs

import policykit
from policykit.history import timeline
from policykit.reports import render_comparison, timeline_table
from policykit.standard_reports import render_assessment
from policykit.tables import Table, render

README = Path(__file__).parent.parent / "README.md"
AS_OF = dt.date(2026, 11, 21)
SAMPLE_CONDUCTS = ["covert_filming", "distribution_covert", "possession_viewing", "deepfake_distribution"]


def sample_table() -> str:
    data = policykit.load()
    table = policykit.compare(data, conducts=SAMPLE_CONDUCTS, on=AS_OF)
    return render_comparison(data, table)


def maskpark_table() -> str:
    data = policykit.load()
    case = data.cases["maskpark"]
    table = policykit.compare(
        data,
        conducts=[case.conduct],
        on=AS_OF,
        facts=case.facts,
        quantities={measure.value: amount for measure, amount in case.quantities},
        tiers=policykit.TierMode.ALL,
    )
    return render_comparison(data, table)


def data_status() -> str:
    data = policykit.load()
    lines = []
    for code, jurisdiction in data.jurisdictions.items():
        versions = [v for p in data.provisions.values() if p.jurisdiction == code for v in p.versions]
        unverified = [v for v in versions if v.status is policykit.Status.UNVERIFIED]
        lines.append(
            f"- **{code}** ({jurisdiction.name.best()}): {len(versions)} provision versions, "
            f"{len(unverified)} unverified; last verified {data.verified_on(code)}."
        )
    sources = [s for p in data.provisions.values() for v in p.versions for s in v.sources]
    sources += [s for e in data.events.values() for f in e.facts for s in f.sources]
    distinct = {attrs.evolve(source, pinpoint=None) for source in sources}  # a source cited at two pinpoints is one
    kinds = Counter(s.publisher_kind.value if s.publisher_kind else "not stated" for s in distinct)
    counted = ", ".join(
        f"{kind.replace('_', ' ')} {count}" for kind, count in sorted(kinds.items(), key=lambda x: (-x[1], x[0]))
    )
    lines.append("")
    lines.append(f"Sources: {len(distinct)} (cited {len(sources)} times), by publisher kind: {counted}.")
    lines.append("")
    lines.append("Unverified versions, and why:")
    lines.append("")
    for provision in data.provisions.values():
        for version in provision.versions:
            if version.status is policykit.Status.UNVERIFIED:
                note = " ".join((version.note or "").split())
                lines.append(f"- `{version.id}`: {note}")
    return "\n".join(lines) + "\n"


def timeline_excerpt() -> str:
    data = policykit.load()
    table = timeline_table(data, timeline(data, "KR", ["possession_viewing"]), events=policykit.events_of(data, "KR"))
    return render(Table(table.headers, table.rows), "github")


def assess_table() -> str:
    data = policykit.load()
    table = policykit.assess(data, "eu-2024-1385", on=AS_OF)
    return render_assessment(data, table)


BLOCKS = {
    "sample-table": sample_table,
    "maskpark-table": maskpark_table,
    "timeline-excerpt": timeline_excerpt,
    "assess-table": assess_table,
    "data-status": data_status,
}


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- begin {name} -->\n)(.*?)(<!-- end {name} -->)", re.DOTALL)


def current_block(text: str, name: str) -> str:
    match = _pattern(name).search(text)
    if match is None:
        raise LookupError(f"README.md has no block {name!r}")
    return match.group(2)


def expected_block(name: str) -> str:
    body = BLOCKS[name]()
    return body


def main() -> None:
    text = README.read_text(encoding="utf-8")
    for name in BLOCKS:
        text = _pattern(name).sub(lambda m, name=name: m.group(1) + expected_block(name) + m.group(3), text)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
