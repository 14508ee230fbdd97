"""Write the tidy CSV exports, then read them back as R, Stata or pandas would, without the usual pitfalls.

Run: python examples/export_for_r.py [FOLDER]
In R: provisions <- readr::read_csv("FOLDER/provisions.csv")  (or read.csv(..., na.strings = ""))
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import policykit

#: Longest first: life imprisonment, then a term with no stated maximum ("at least 5 years"), then stated maxima.
_CEILING_ORDER = {"life": 3, "open": 2, "stated": 1, "none": 0}


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "policykit-data")
    data = policykit.load()
    policykit.write_datapackage(data, folder)
    with (folder / "provisions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # The law itself: base penalties (a tier replaces its base, never adds to it) of provisions in force, and no
    # judicial interpretation (it sets thresholds for the statute it interprets; it has no penalty of its own).
    law = [
        row
        for row in rows
        if row["tier"] == "base" and not row["in_force_to"] and row["instrument_kind"] != "judicial_interpretation"
    ]
    # An empty imprisonment_max_months is not "no prison": imprisonment_ceiling says life, open-ended or none.
    heaviest = max(
        law,
        key=lambda row: (
            _CEILING_ORDER[row["imprisonment_ceiling"]],
            float(row["imprisonment_max_months"] or row["imprisonment_min_months"] or 0),
        ),
    )
    print(f"wrote {len(rows)} provision records and their datapackage.json to {folder}")
    print(f"{len(law)} provisions in force (base penalties, no judicial interpretations)")
    terms = {
        "life": "life imprisonment",
        "open": f"at least {heaviest['imprisonment_min_months']} months, no stated maximum",
        "stated": f"up to {heaviest['imprisonment_max_months']} months",
        "none": "no imprisonment",
    }
    print(f"the heaviest: {heaviest['provision_id']} ({terms[heaviest['imprisonment_ceiling']]})")
    with (folder / "coverage.csv").open(encoding="utf-8", newline="") as handle:
        gaps = [row for row in csv.DictReader(handle) if not row["applies_to"]]
    print(f"{len(gaps)} conducts with no law in force today, as rows (not covered, or unknown with a reason):")
    for row in gaps:
        print(f"  {row['jurisdiction']} {row['conduct']}: {row['status']}")


if __name__ == "__main__":
    main()
