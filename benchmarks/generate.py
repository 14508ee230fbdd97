"""Write a synthetic, valid data folder of N jurisdictions, each about the size of a real one.

Usage: python benchmarks/generate.py N FOLDER
The figures are invented: the folder is for measuring speed, never for research.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

CONDUCTS = [
    "covert_filming", "distribution_covert", "distribution_consensual", "distribution_for_profit",
    "possession_viewing", "threat_to_distribute", "coercion_with_images", "deepfake_creation",
]  # fmt: skip
UNCOVERED = ["deepfake_distribution", "device_trade", "victim_doxxing", "platform_duty", "group_administration"]


def code(index: int) -> str:
    """`xa-000` ... `xz-999`: ISO 3166-2-shaped codes under the user-assigned XA-XZ range."""
    return f"x{string.ascii_lowercase[index // 1000]}-{index % 1000:03d}"


def jurisdiction_yaml(cc: str) -> str:
    statements = "".join(
        f"  {conduct}:\n    - status: unknown\n      from: 2010-01-01\n      reason: Synthetic data.\n"
        f"      verified_on: 2026-11-01\n"
        for conduct in UNCOVERED
    )
    return (
        f"code: {cc.upper()}\nname: {{en: Synthetic {cc.upper()}}}\ncurrency: EUR\ncoverage_from: 2010-01-01\n"
        "acts:\n"
        "  act-2000: {title: {en: Act 2000}, reference: Act 1, adopted_on: 2000-01-01}\n"
        "  act-2015: {title: {en: Act 2015}, reference: Act 2, adopted_on: 2015-01-01}\n"
        "  act-2020: {title: {en: Act 2020}, reference: Act 3, adopted_on: 2020-01-01}\n"
        f"coverage:\n{statements}"
    )


def version(start: str, act: str, years: int, fine: int) -> str:
    return f"""      - in_force_from: {start}
        amended_by: {act}
        summary: Synthetic version.
        penalty:
          imprisonment: {{max: {years} years}}
          fine: {{max: {fine}}}
          combination: either
        tiers:
          - factors: [minor_victim]
            penalty: {{imprisonment: {{min: 1 year, max: {years + 3} years}}, combination: single}}
        status: verified
        verified_on: 2026-11-01
        sources:
          - url: https://example.org/synthetic/{act}
            title: Synthetic act
            publisher: Synthetic gazette
            language: en
            kind: official_text
            pinpoint: Art. 1
            checked_on: 2026-11-01
"""


def instrument_yaml() -> str:
    provisions = []
    for number, conduct in enumerate(CONDUCTS, start=1):
        provisions.append(
            f'  art_{number}:\n    article: "{number}"\n    liability: criminal\n    conducts: [{conduct}]\n'
            "    versions:\n"
            + version("2000-01-01", "act-2000", 1, 10_000)
            + version("2015-01-01", "act-2015", 2, 20_000)
            + version("2020-01-01", "act-2020", 3, 30_000)
        )
    return (
        "title: {original: Synthetic Penal Act}\nabbreviation: SPA\nkind: statute\n"
        "official_url: https://example.org/synthetic\nprovisions:\n" + "".join(provisions)
    )


def generate(count: int, root: Path) -> Path:
    instrument = instrument_yaml()
    for index in range(count):
        cc = code(index)
        folder = root / cc / "instruments"
        folder.mkdir(parents=True, exist_ok=True)
        (root / cc / "jurisdiction.yaml").write_text(jurisdiction_yaml(cc), encoding="utf-8")
        (folder / "penal-act.yaml").write_text(instrument, encoding="utf-8")
    return root


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
