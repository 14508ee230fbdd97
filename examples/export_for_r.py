"""Write the tidy CSV export, then read it back as R or pandas would.

Run: python examples/export_for_r.py [OUTPUT.csv]
In R: records <- read.csv("policykit.csv", na.strings = "")  (dates as ISO 8601 text, booleans as true/false)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import policykit
from policykit.export import COLUMNS, export_records, to_csv


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "policykit.csv")
    data = policykit.load()
    target.write_text(to_csv(export_records(data)), encoding="utf-8")
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    in_force = [row for row in rows if row["tier"] == "base" and not row["in_force_to"]]
    heaviest = max(
        (row for row in in_force if row["imprisonment_max_months"]),
        key=lambda row: float(row["imprisonment_max_months"]),
    )
    print(f"wrote {len(rows)} records to {target}")
    print(
        f"{len(in_force)} provisions in force; the longest maximum term: {heaviest['provision_id']} "
        f"({heaviest['imprisonment_max_months']} months)"
    )


if __name__ == "__main__":
    main()
