"""A briefing on the MaskPark case in every jurisdiction, in English, through the Python API: the findings as data,
then the Markdown briefing, its two charts and the standalone HTML file, written to a temporary folder.

Run: python examples/briefing_maskpark.py   (needs the brief extra: pip install 'policykit[brief]')
"""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
from pathlib import Path

import policykit
from policykit.briefing import AnswerFinding, build
from policykit.briefing_output import charts, render_briefing

ON = dt.date(2026, 11, 30)


def main() -> None:
    data = policykit.load()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)  # the briefing itself says so, in a note
        briefing = build(data, None, "maskpark", ON, "en")
    for finding in briefing.findings:
        if isinstance(finding, AnswerFinding) and finding.answer.most_severe is not None:
            print(finding.jurisdiction, finding.answer.most_severe.version.id)
    folder = Path(tempfile.mkdtemp(prefix="policykit-briefing-"))
    shown = charts(briefing, "maskpark")
    for chart in shown:
        (folder / chart.file).write_text(chart.svg, encoding="utf-8")
    (folder / "maskpark.md").write_text(render_briefing(data, briefing, "md", shown), encoding="utf-8")
    (folder / "maskpark.html").write_text(render_briefing(data, briefing, "html", shown), encoding="utf-8")
    print(f"{len(briefing.findings)} findings, {len(briefing.references)} references, written to {folder}")


if __name__ == "__main__":
    main()
