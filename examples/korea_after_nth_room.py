"""Korea before and after the Nth Room reforms: the same conducts at three dates, then what changed.

Run: python examples/korea_after_nth_room.py
"""

from __future__ import annotations

import datetime as dt

import policykit

CONDUCTS = ["covert_filming", "distribution_consensual", "possession_viewing", "threat_to_distribute"]
DATES = [dt.date(2018, 1, 1), dt.date(2019, 6, 1), dt.date(2021, 1, 1)]


def main() -> None:
    data = policykit.load()
    for on in DATES:
        table = policykit.compare(data, conducts=CONDUCTS, jurisdictions=["KR"], on=on)
        print(policykit.render_comparison(data, table))
    print(policykit.render_diff(data, policykit.diff(data, "KR", DATES[0], DATES[-1])))

    nth_room = data.events["kr/event/nth-room"]
    print(f"{nth_room.name.best()} ({nth_room.started_on:%Y-%m}): {len(nth_room.responses)} legal responses recorded")


if __name__ == "__main__":
    main()
