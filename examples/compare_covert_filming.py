"""Compare how each jurisdiction punishes covert filming and distributing the images, today and in 2018.

Run: python examples/compare_covert_filming.py
"""

from __future__ import annotations

import datetime as dt
import warnings

import policykit

CONDUCTS = ["covert_filming", "distribution_covert", "distribution_for_profit"]


def main() -> None:
    data = policykit.load()
    for on in (dt.date(2018, 1, 1), data.verified_on() or dt.date.today()):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", policykit.StaleDataWarning)  # the table's footer says so anyway
            table = policykit.compare(data, conducts=CONDUCTS, on=on, tiers=policykit.TierMode.ALL)
        print(policykit.render_comparison(data, table))

    # The same comparison as data: which cells are crimes, which police matters, and what one more fact changes?
    table = policykit.compare(data, conducts=["covert_filming"], on=dt.date(2025, 7, 1))
    for cell in table.rows[0].cells:
        liability = cell.applied.provision.liability.value if cell.applied else "-"
        heavier = ", ".join(f"{found.fact} ({found.provision.article})" for found in cell.answer.raises) or "-"
        print(f"{cell.jurisdiction}: {cell.status.value} ({liability}); heavier with: {heavier}")


if __name__ == "__main__":
    main()
