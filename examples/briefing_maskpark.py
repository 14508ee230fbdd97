"""The French briefing on the MaskPark case for China, Korea and France, as of 2026-11-30, through the Python API:
the same briefing as README's command (`policykit brief --jurisdiction CN --jurisdiction KR --jurisdiction FR
--case maskpark --as-of 2026-11-30 --lang fr --format pdf --output note.pdf`). It prints the findings as data, then
writes the Markdown briefing with its two charts, the standalone HTML file and, with the pdf extra, the PDF, to a
temporary folder.

Run: python examples/briefing_maskpark.py   (needs the brief extra, pip install 'policykit[brief]'; the PDF also
needs the pdf extra, pip install 'policykit[pdf]', and Pango from the system)
"""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
from pathlib import Path

import policykit
from policykit.briefing import AnswerFinding, build
from policykit.briefing_output import PdfUnavailableError, charts, render_briefing, render_pdf

JURISDICTIONS = ["CN", "KR", "FR"]
ON = dt.date(2026, 11, 30)


def main() -> None:
    data = policykit.load()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", policykit.StaleDataWarning)  # the briefing itself says so, in a note
        briefing = build(data, JURISDICTIONS, "maskpark", ON, "fr")
    for finding in briefing.findings:
        if isinstance(finding, AnswerFinding) and finding.answer.most_severe is not None:
            print(finding.jurisdiction, finding.answer.most_severe.version.id)
    folder = Path(tempfile.mkdtemp(prefix="policykit-briefing-"))
    shown = charts(briefing, "note")
    for chart in shown:
        (folder / chart.file).write_text(chart.svg, encoding="utf-8")
    (folder / "note.md").write_text(render_briefing(data, briefing, "md", shown), encoding="utf-8")
    (folder / "note.html").write_text(render_briefing(data, briefing, "html", shown), encoding="utf-8")
    try:
        (folder / "note.pdf").write_bytes(render_pdf(data, briefing, shown))
    except PdfUnavailableError as error:
        print(f"no PDF: {error}")
    print(f"{len(briefing.findings)} findings, {len(briefing.references)} references, written to {folder}")
    print(f"every source of the cited provisions: {briefing.sources_command}")


if __name__ == "__main__":
    main()
